// wx.getStorageInfo -> my.getStorageInfo, same arguments (PLATFORMS.md §6.4 #14)
// needs: _core
api.getStorageInfo = __mwSame('getStorageInfo');
