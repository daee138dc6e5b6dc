// wx.getStorageInfoSync -> my.getStorageInfoSync, same result { keys, currentSize, limitSize } (PLATFORMS.md §6.4 #14)
// needs:
api.getStorageInfoSync = function () {
  return my.getStorageInfoSync();
};
