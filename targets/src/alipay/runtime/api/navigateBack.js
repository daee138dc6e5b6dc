// wx.navigateBack -> my.navigateBack, same arguments (PLATFORMS.md §6.4 #21)
// needs: _core
api.navigateBack = __mwSame('navigateBack');
