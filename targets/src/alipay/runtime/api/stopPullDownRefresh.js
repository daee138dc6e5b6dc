// wx.stopPullDownRefresh -> my.stopPullDownRefresh, same arguments and result (@mini-types/my lib.my.d.ts stopPullDownRefresh)
// needs: _core
api.stopPullDownRefresh = __mwSame('stopPullDownRefresh');
