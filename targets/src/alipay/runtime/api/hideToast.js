// wx.hideToast -> my.hideToast, plus my.hideLoading unless noConflict (WeChat mixes toast and loading) (PLATFORMS.md §6.4 #5)
// needs: _core
api.hideToast = function (o) {
  return __mwCall('hideToast', o, function (s, f, o) {
    my.hideToast({ fail: f });
    if (!o.noConflict) my.hideLoading({ fail: f });
    s();
  });
};
