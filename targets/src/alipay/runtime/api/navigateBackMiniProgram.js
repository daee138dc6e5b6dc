// wx.navigateBackMiniProgram -> my.navigateBackMiniProgram, same arguments and result (@mini-types/my lib.my.d.ts navigateBackMiniProgram)
// needs: _core
api.navigateBackMiniProgram = __mwSame('navigateBackMiniProgram');
