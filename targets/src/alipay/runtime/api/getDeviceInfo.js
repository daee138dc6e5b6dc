// wx.getDeviceInfo -> the adapted system info (brand, model, system, platform); Alipay has no my.getDeviceInfo (PLATFORMS.md §6.4 #16)
// needs: getSystemInfoSync
api.getDeviceInfo = function () {
  return api.getSystemInfoSync();
};
