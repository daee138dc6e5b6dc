// wx.hideTabBarRedDot -> my.hideTabBarRedDot, same arguments and result (@mini-types/my lib.my.d.ts hideTabBarRedDot)
// needs: _core
api.hideTabBarRedDot = __mwSame('hideTabBarRedDot');
