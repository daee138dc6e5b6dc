// wx.previewImage -> my.previewImage: current url -> index (PLATFORMS.md §6.4 #27)
// needs: _core
api.previewImage = function (o) {
  return __mwCall('previewImage', o, function (s, f, o) {
    var u = o.urls || [], i = u.indexOf(o.current);
    return my.previewImage({ urls: u, current: i < 0 ? 0 : i, success: function () { s(); }, fail: f });
  });
};
