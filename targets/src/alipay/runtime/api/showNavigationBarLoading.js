// wx.showNavigationBarLoading -> my.showNavigationBarLoading, same arguments and result (@mini-types/my lib.my.d.ts showNavigationBarLoading)
// needs: _core
api.showNavigationBarLoading = __mwSame('showNavigationBarLoading');
