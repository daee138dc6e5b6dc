// wx.showTabBarRedDot -> my.showTabBarRedDot, same arguments and result (@mini-types/my lib.my.d.ts showTabBarRedDot)
// needs: _core
api.showTabBarRedDot = __mwSame('showTabBarRedDot');
