// wx.getSystemInfo -> the adapted my.getSystemInfoSync result, WeChat calling convention (PLATFORMS.md §6.4 #15)
// needs: _core, getSystemInfoSync
api.getSystemInfo = function (o) {
  return __mwCall('getSystemInfo', o, function (s) {
    s(api.getSystemInfoSync());
  });
};
