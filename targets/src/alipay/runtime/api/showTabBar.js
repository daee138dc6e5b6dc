// wx.showTabBar -> my.showTabBar, same arguments and result (@mini-types/my lib.my.d.ts showTabBar)
// needs: _core
api.showTabBar = __mwSame('showTabBar');
