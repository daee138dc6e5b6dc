// wx.canIUse('name.…'): WBox bridges no canIUse (PLATFORMS.md §7.1); an API is usable when wbx has it
// needs:
api.canIUse = function (schema) {
  return typeof wbx[String(schema).split('.')[0]] != 'undefined';
};
