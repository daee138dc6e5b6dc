// wx.setNavigationBarTitle -> my.setNavigationBar({ title }) (PLATFORMS.md §6.4 #22)
// needs: _core
api.setNavigationBarTitle = function (o) {
  return __mwCall('setNavigationBarTitle', o, function (s, f, o) {
    return my.setNavigationBar({ title: o.title, success: s, fail: f });
  });
};
