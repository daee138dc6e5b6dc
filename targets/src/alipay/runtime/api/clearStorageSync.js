// wx.clearStorageSync -> my.clearStorageSync (PLATFORMS.md §6.4 #14)
// needs:
api.clearStorageSync = function () {
  my.clearStorageSync();
};
