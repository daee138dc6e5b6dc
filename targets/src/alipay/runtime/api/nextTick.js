// wx.nextTick -> my.nextTick when present (not in @mini-types/my 3.0.14), else setTimeout 0
// needs:
api.nextTick = function (cb) {
  if (typeof my.nextTick == 'function') my.nextTick(cb);
  else setTimeout(cb, 0);
};
