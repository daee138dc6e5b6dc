// wx.setStorageSync(key, data) -> my.setStorageSync({ key, data }); throws like WeChat on failure (PLATFORMS.md §6.4 #10)
// needs: _core
api.setStorageSync = function (k, v) {
  var r = my.setStorageSync({ key: k, data: v });
  if (r && r.error) throw new Error(__mwFail('setStorageSync', r).errMsg);
};
