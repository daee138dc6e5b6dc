// wx.getSystemInfoSync -> my.getSystemInfoSync: platform lower-case, screen{} sizes, SDKVersion, system prefix, language (PLATFORMS.md §6.4 #15; ALI mini/api/基础API/设备/系统信息/my.getSystemInfo.md)
// needs:
api.getSystemInfoSync = function () {
  var r = my.getSystemInfoSync(), c = r.screen, p = /^(ios|iphone)/i.test(r.platform) ? 'ios' : String(r.platform || '').toLowerCase();
  if (/^\d/.test(r.system)) r.system = (p == 'ios' ? 'iOS ' : p == 'android' ? 'Android ' : '') + r.system;
  r.platform = my.isIDE ? 'devtools' : p;
  if (c) {
    r.screenWidth = c.width;
    r.screenHeight = c.height;
  }
  if (!r.windowHeight) r.windowHeight = r.screenHeight - r.statusBarHeight - r.titleBarHeight;
  r.language = { 'zh-Hans': 'zh_CN', 'zh-Hant': 'zh_TW', 'zh-HK': 'zh_HK' }[r.language] || r.language;
  r.SDKVersion = my.SDKVersion;
  return r;
};
