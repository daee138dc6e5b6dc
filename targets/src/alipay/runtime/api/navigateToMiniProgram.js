// wx.navigateToMiniProgram -> my.navigateToMiniProgram, same arguments and result (@mini-types/my lib.my.d.ts navigateToMiniProgram)
// needs: _core
api.navigateToMiniProgram = __mwSame('navigateToMiniProgram');
