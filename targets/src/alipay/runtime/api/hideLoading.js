// wx.hideLoading -> my.hideLoading, plus my.hideToast unless noConflict (PLATFORMS.md §6.4 #7)
// needs: _core
api.hideLoading = function (o) {
  return __mwCall('hideLoading', o, function (s, f, o) {
    my.hideLoading({ fail: f });
    if (!o.noConflict) my.hideToast({ fail: f });
    s();
  });
};
