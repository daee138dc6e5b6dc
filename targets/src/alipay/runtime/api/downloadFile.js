// wx.downloadFile -> my.downloadFile: apFilePath->tempFilePath, statusCode 200 when absent (PLATFORMS.md §6.4 #3)
// needs: _core
api.downloadFile = function (o) {
  return __mwCall('downloadFile', o, function (s, f, o) {
    return my.downloadFile({
      url: o.url, header: o.header,
      success: function (r) {
        s({ tempFilePath: r.tempFilePath || r.apFilePath, statusCode: r.statusCode || 200, header: r.header || r.headers || {} });
      },
      fail: f
    });
  });
};
