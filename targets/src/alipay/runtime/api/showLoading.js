// wx.showLoading -> my.showLoading: title->content (Alipay's loading always masks the page) (PLATFORMS.md §6.4 #6)
// needs: _core
api.showLoading = function (o) {
  return __mwCall('showLoading', o, function (s, f, o) {
    my.showLoading({ content: o.title, fail: f });
    s();
  });
};
