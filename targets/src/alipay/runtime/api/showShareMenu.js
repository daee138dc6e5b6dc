// wx.showShareMenu -> my.showShareMenu when available (it only enables the menu's share entry; my.showSharePanel would open the panel at once), else a no-op success (PLATFORMS.md §6.4 #38; @mini-types/my lib.my.d.ts showShareMenu)
// needs: _core
api.showShareMenu = function (o) {
  return __mwCall('showShareMenu', o, function (s, f) {
    if (!my.canIUse('showShareMenu')) return s();
    return my.showShareMenu({ success: function (r) { if (r && r.error) f(r); else s(); }, fail: f });
  });
};
