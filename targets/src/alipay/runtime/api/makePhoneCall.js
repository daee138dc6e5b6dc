// wx.makePhoneCall -> my.makePhoneCall: phoneNumber->number (PLATFORMS.md §6.4 #26)
// needs: _core
api.makePhoneCall = function (o) {
  return __mwCall('makePhoneCall', o, function (s, f, o) {
    return my.makePhoneCall({ number: o.phoneNumber, success: function () { s(); }, fail: f });
  });
};
