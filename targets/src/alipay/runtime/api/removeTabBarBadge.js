// wx.removeTabBarBadge -> my.removeTabBarBadge, same arguments and result (@mini-types/my lib.my.d.ts removeTabBarBadge)
// needs: _core
api.removeTabBarBadge = __mwSame('removeTabBarBadge');
