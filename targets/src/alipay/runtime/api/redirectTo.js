// wx.redirectTo -> my.redirectTo, same arguments (PLATFORMS.md §6.4 #18)
// needs: _core
api.redirectTo = __mwSame('redirectTo');
