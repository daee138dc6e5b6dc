// wx.showToast -> my.showToast: title->content, icon->type (error->fail, default success), loading->my.showLoading; succeeds once shown (PLATFORMS.md §6.4 #4)
// needs: _core
api.showToast = function (o) {
  return __mwCall('showToast', o, function (s, f, o) {
    var t = o.icon || 'success', d = o.duration || 1500;
    if (t == 'loading') {
      my.showLoading({ content: o.title, fail: f });
      setTimeout(function () { my.hideLoading({ fail: f }); }, d);
    } else my.showToast({ content: o.title, type: t == 'error' ? 'fail' : t, duration: d, fail: f });
    s();
  });
};
