// wx.setScreenBrightness -> my.setScreenBrightness: value->brightness (UNI protocols.ts setScreenBrightness)
// needs: _core
api.setScreenBrightness = function (o) {
  return __mwCall('setScreenBrightness', o, function (s, f, o) {
    return my.setScreenBrightness({ brightness: o.value, success: function () { s(); }, fail: f });
  });
};
