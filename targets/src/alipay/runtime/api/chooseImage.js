// wx.chooseImage -> my.chooseImage: tempFilePaths (apFilePaths on old clients), tempFiles; error 11 -> fail cancel (PLATFORMS.md §6.4 #28)
// needs: _core
api.chooseImage = function (o) {
  return __mwCall('chooseImage', o, function (s, f, o) {
    return my.chooseImage({
      count: o.count, sizeType: o.sizeType, sourceType: o.sourceType,
      success: function (r) {
        var p = r.tempFilePaths || r.apFilePaths || [];
        s({ tempFilePaths: p, tempFiles: r.tempFiles || p.map(function (x) { return { path: x }; }) });
      },
      fail: function (e) { f(e && e.error == 11 ? { error: 11, errorMessage: 'cancel' } : e); }
    });
  });
};
