// wx.clearStorage -> my.clearStorage, same arguments (PLATFORMS.md §6.4 #14)
// needs: _core
api.clearStorage = __mwSame('clearStorage');
