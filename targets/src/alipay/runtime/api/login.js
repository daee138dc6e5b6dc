// wx.login -> my.getAuthCode({ scopes: 'auth_base' }): authCode->code (PLATFORMS.md §6.4 #30)
// needs: _core
api.login = function (o) {
  return __mwCall('login', o, function (s, f) {
    return my.getAuthCode({ scopes: 'auth_base', success: function (r) { s({ code: r.authCode }); }, fail: f });
  });
};
