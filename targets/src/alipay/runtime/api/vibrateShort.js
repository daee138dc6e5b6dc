// wx.vibrateShort -> my.vibrateShort, same arguments and result (@mini-types/my lib.my.d.ts vibrateShort)
// needs: _core
api.vibrateShort = __mwSame('vibrateShort');
