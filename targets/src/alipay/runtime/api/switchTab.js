// wx.switchTab -> my.switchTab, same arguments (PLATFORMS.md §6.4 #19)
// needs: _core
api.switchTab = __mwSame('switchTab');
