// wx.canIUse -> true for an API this runtime adapts, else my.canIUse (ALI mini/api/基础API/基础/my.canIUse.md)
// needs:
api.canIUse = function (n) {
  return !!api[n] || my.canIUse(n);
};
