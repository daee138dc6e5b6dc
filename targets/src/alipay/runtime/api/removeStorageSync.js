// wx.removeStorageSync(key) -> my.removeStorageSync({ key }) (PLATFORMS.md §6.4 #12)
// needs:
api.removeStorageSync = function (k) {
  my.removeStorageSync({ key: k });
};
