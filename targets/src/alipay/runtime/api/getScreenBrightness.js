// wx.getScreenBrightness -> my.getScreenBrightness: brightness->value (UNI protocols.ts getScreenBrightness)
// needs: _core
api.getScreenBrightness = function (o) {
  return __mwCall('getScreenBrightness', o, function (s, f) {
    return my.getScreenBrightness({ success: function (r) { s({ value: r.brightness }); }, fail: f });
  });
};
