// wx.getImageInfo -> my.getImageInfo, same arguments and result (@mini-types/my lib.my.d.ts getImageInfo)
// needs: _core
api.getImageInfo = __mwSame('getImageInfo');
