// wx.setStorage -> my.setStorage, same arguments (PLATFORMS.md §6.4 #13)
// needs: _core
api.setStorage = __mwSame('setStorage');
