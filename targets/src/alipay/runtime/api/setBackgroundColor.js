// wx.setBackgroundColor -> my.setBackgroundColor, same arguments and result (@mini-types/my lib.my.d.ts setBackgroundColor)
// needs: _core
api.setBackgroundColor = __mwSame('setBackgroundColor');
