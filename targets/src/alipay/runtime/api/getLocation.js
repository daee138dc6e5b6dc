// wx.getLocation -> my.getLocation: string coordinates -> numbers; Alipay gives GCJ-02, converted to WGS-84 unless type 'gcj02' (PLATFORMS.md §6.4 #35; ALI mini/api/基础API/位置/my.getLocation.md)
// needs: _core
api.getLocation = function (o) {
  return __mwCall('getLocation', o, function (s, f, o) {
    return my.getLocation({
      success: function (r) {
        var y = +r.latitude, x = +r.longitude, P = Math.PI, S = Math.sin, a, b, m, q;
        if (o.type != 'gcj02' && x > 72.004 && x < 137.8347 && y > 0.8293 && y < 55.8271) {
          a = x - 105;
          b = y - 35;
          m = S(y / 180 * P);
          m = 1 - 0.006693421622965943 * m * m;
          q = Math.sqrt(m);
          y -= (-100 + 2 * a + 3 * b + 0.2 * b * b + 0.1 * a * b + 0.2 * Math.sqrt(Math.abs(a)) + (20 * S(6 * a * P) + 20 * S(2 * a * P)) * 2 / 3 +
            (20 * S(b * P) + 40 * S(b / 3 * P)) * 2 / 3 + (160 * S(b / 12 * P) + 320 * S(b * P / 30)) * 2 / 3) * 180 / (6378245 * 0.9933065783770351 / (m * q) * P);
          x -= (300 + a + 2 * b + 0.1 * a * a + 0.1 * a * b + 0.1 * Math.sqrt(Math.abs(a)) + (20 * S(6 * a * P) + 20 * S(2 * a * P)) * 2 / 3 +
            (20 * S(a * P) + 40 * S(a / 3 * P)) * 2 / 3 + (150 * S(a / 12 * P) + 300 * S(a / 30 * P)) * 2 / 3) * 180 / (6378245 / q * Math.cos(+r.latitude / 180 * P) * P);
        }
        s({ latitude: y, longitude: x, accuracy: +r.accuracy, horizontalAccuracy: +r.horizontalAccuracy || +r.accuracy });
      },
      fail: f
    });
  });
};
