// wx.hideNavigationBarLoading -> my.hideNavigationBarLoading, same arguments and result (@mini-types/my lib.my.d.ts hideNavigationBarLoading)
// needs: _core
api.hideNavigationBarLoading = __mwSame('hideNavigationBarLoading');
