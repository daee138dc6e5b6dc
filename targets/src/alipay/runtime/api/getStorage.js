// wx.getStorage -> my.getStorage; a missing key (data null) fails with 'data not found' as on WeChat (PLATFORMS.md §6.4 #13)
// needs: _core
api.getStorage = function (o) {
  return __mwCall('getStorage', o, function (s, f, o) {
    return my.getStorage({
      key: o.key,
      success: function (r) {
        if (r.data == null) f({ errorMessage: 'data not found' });
        else s({ data: r.data });
      },
      fail: f
    });
  });
};
