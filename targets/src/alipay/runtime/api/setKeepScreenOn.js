// wx.setKeepScreenOn -> my.setKeepScreenOn, same arguments and result (@mini-types/my lib.my.d.ts setKeepScreenOn)
// needs: _core
api.setKeepScreenOn = __mwSame('setKeepScreenOn');
