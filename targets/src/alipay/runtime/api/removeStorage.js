// wx.removeStorage -> my.removeStorage, same arguments (PLATFORMS.md §6.4 #13)
// needs: _core
api.removeStorage = __mwSame('removeStorage');
