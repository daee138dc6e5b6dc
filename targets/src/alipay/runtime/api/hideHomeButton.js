// wx.hideHomeButton -> my.hideBackHome (PLATFORMS.md §6.4 #39)
// needs: _core
api.hideHomeButton = function (o) {
  return __mwCall('hideHomeButton', o, function (s, f) {
    return my.hideBackHome({ success: function () { s(); }, fail: f });
  });
};
