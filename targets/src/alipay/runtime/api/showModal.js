// wx.showModal -> my.showModal when available, else my.confirm / my.alert (showCancel:false); cancel = !confirm (PLATFORMS.md §6.4 #8)
// needs: _core
api.showModal = function (o) {
  return __mwCall('showModal', o, function (s, f, o) {
    function ok(r) {
      r = r || {};
      r.confirm = !!r.confirm;
      r.cancel = !r.confirm;
      s(r);
    }
    if (my.canIUse('showModal')) return my.showModal(__mwArgs(o, ok, f));
    if (o.showCancel === false) {
      return my.alert({
        title: o.title, content: o.content, buttonText: o.confirmText, confirmColor: o.confirmColor,
        success: function () { ok({ confirm: true }); }, fail: f
      });
    }
    return my.confirm({
      title: o.title, content: o.content, confirmButtonText: o.confirmText, cancelButtonText: o.cancelText,
      confirmColor: o.confirmColor, cancelColor: o.cancelColor, success: ok, fail: f
    });
  });
};
