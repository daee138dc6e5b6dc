// wx.navigateTo -> my.navigateTo, same arguments (PLATFORMS.md §6.4 #17)
// needs: _core
api.navigateTo = __mwSame('navigateTo');
