// wx.reLaunch -> my.reLaunch, same arguments (PLATFORMS.md §6.4 #20)
// needs: _core
api.reLaunch = __mwSame('reLaunch');
