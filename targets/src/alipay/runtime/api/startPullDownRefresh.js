// wx.startPullDownRefresh -> my.startPullDownRefresh, same arguments and result (@mini-types/my lib.my.d.ts startPullDownRefresh)
// needs: _core
api.startPullDownRefresh = __mwSame('startPullDownRefresh');
