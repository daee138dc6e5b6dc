// wx.setClipboardData -> my.setClipboard: data->text (PLATFORMS.md §6.4 #24)
// needs: _core
api.setClipboardData = function (o) {
  return __mwCall('setClipboardData', o, function (s, f, o) {
    return my.setClipboard({ text: o.data, success: function () { s(); }, fail: f });
  });
};
