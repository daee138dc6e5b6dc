// wx.getStorageSync(key) -> my.getStorageSync({ key }).data (legacy APDataStorage too), '' when absent (PLATFORMS.md §6.4 #11)
// needs:
api.getStorageSync = function (k) {
  var r = my.getStorageSync({ key: k }), d = r.data !== undefined ? r.data : r.APDataStorage;
  return d == null ? '' : d;
};
