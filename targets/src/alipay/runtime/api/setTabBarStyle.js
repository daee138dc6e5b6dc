// wx.setTabBarStyle -> my.setTabBarStyle, same arguments and result (@mini-types/my lib.my.d.ts setTabBarStyle)
// needs: _core
api.setTabBarStyle = __mwSame('setTabBarStyle');
