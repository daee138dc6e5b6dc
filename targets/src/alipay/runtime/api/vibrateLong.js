// wx.vibrateLong -> my.vibrateLong, same arguments and result (@mini-types/my lib.my.d.ts vibrateLong)
// needs: _core
api.vibrateLong = __mwSame('vibrateLong');
