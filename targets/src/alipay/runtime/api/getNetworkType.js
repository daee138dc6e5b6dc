// wx.getNetworkType -> my.getNetworkType: lower-case, NOTREACHABLE->none, WWAN->3g (PLATFORMS.md §6.4 #34)
// needs: _core
api.getNetworkType = function (o) {
  return __mwCall('getNetworkType', o, function (s, f) {
    return my.getNetworkType({
      success: function (r) {
        var t = String(r.networkType).toLowerCase();
        s({ networkType: r.networkAvailable === false || t == 'notreachable' ? 'none' : t == 'wwan' ? '3g' : t });
      },
      fail: f
    });
  });
};
