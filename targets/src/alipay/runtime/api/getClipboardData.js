// wx.getClipboardData -> my.getClipboard: text->data (PLATFORMS.md §6.4 #25)
// needs: _core
api.getClipboardData = function (o) {
  return __mwCall('getClipboardData', o, function (s, f) {
    return my.getClipboard({ success: function (r) { s({ data: r.text }); }, fail: f });
  });
};
