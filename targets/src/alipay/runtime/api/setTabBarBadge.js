// wx.setTabBarBadge -> my.setTabBarBadge, same arguments and result (@mini-types/my lib.my.d.ts setTabBarBadge)
// needs: _core
api.setTabBarBadge = __mwSame('setTabBarBadge');
