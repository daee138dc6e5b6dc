// wx.<name> where the platform has no such API: with "platformGaps": "warn", and always on Weibo, whose API list no source documents (PLATFORMS.md §7.1). The host's own function when it turns out to exist; else a stub that logs the gap and fails the call the WeChat way (errMsg, fail/complete, or a rejected promise); a synchronous API's stub returns undefined (LANGUAGE.md §4)
// needs: _core
api.__gap = function (name, platform, direct) {
  var own = __mwHost[name];
  if (typeof own == 'function') return own.bind(__mwHost);
  if (own !== undefined) return own;
  return function (o) {
    var why = 'wx.' + name + ' is not available on ' + platform;
    console.error('[miniweave] ' + why);
    if (direct) return undefined;
    return __mwCall(name, o, function (ok, fail) {
      fail(why);
    });
  };
};
