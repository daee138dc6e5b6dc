// wx.nextTick(callback): WBox bridges no nextTick (PLATFORMS.md §7.1); a microtask runs it after the current update, as WeChat's does
// needs:
api.nextTick = function (callback) {
  Promise.resolve().then(callback);
};
