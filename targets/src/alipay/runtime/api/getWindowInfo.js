// wx.getWindowInfo -> my.getWindowInfo when available, else the adapted system info (PLATFORMS.md §6.4 #16)
// needs: getSystemInfoSync
api.getWindowInfo = function () {
  return my.canIUse('getWindowInfo') ? my.getWindowInfo() : api.getSystemInfoSync();
};
