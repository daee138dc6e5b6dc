// wx.setTabBarItem -> my.setTabBarItem, same arguments and result (@mini-types/my lib.my.d.ts setTabBarItem)
// needs: _core
api.setTabBarItem = __mwSame('setTabBarItem');
