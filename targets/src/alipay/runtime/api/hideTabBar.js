// wx.hideTabBar -> my.hideTabBar, same arguments and result (@mini-types/my lib.my.d.ts hideTabBar)
// needs: _core
api.hideTabBar = __mwSame('hideTabBar');
