// wx.saveImageToPhotosAlbum -> my.saveImageToPhotosAlbum, or my.saveImage({ url }) on old clients / DingTalk (PLATFORMS.md §6.4 #40)
// needs: _core
api.saveImageToPhotosAlbum = function (o) {
  return __mwCall('saveImageToPhotosAlbum', o, function (s, f, o) {
    if (my.canIUse('saveImageToPhotosAlbum')) return my.saveImageToPhotosAlbum({ filePath: o.filePath, success: function () { s(); }, fail: f });
    return my.saveImage({ url: o.filePath, success: function () { s(); }, fail: f });
  });
};
