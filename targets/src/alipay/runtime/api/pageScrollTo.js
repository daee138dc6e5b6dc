// wx.pageScrollTo -> my.pageScrollTo, same arguments; duration defaults to WeChat's 300 ms (Alipay's is 0) (PLATFORMS.md §6.4 #33)
// needs: _core
api.pageScrollTo = function (o) {
  return __mwCall('pageScrollTo', o, function (s, f, o) {
    var a = __mwArgs(o, s, f);
    if (a.duration == null) a.duration = 300;
    return my.pageScrollTo(a);
  });
};
