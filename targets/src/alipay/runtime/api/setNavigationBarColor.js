// wx.setNavigationBarColor -> my.setNavigationBar({ backgroundColor, frontColor }); animation dropped (PLATFORMS.md §6.4 #23)
// needs: _core
api.setNavigationBarColor = function (o) {
  return __mwCall('setNavigationBarColor', o, function (s, f, o) {
    return my.setNavigationBar({ backgroundColor: o.backgroundColor, frontColor: o.frontColor, success: s, fail: f });
  });
};
