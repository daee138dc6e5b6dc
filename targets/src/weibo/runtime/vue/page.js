// Page(): the recorded WeChat options as Vue 2 options, lifecycles in the `wbox` block WBox calls (PLATFORMS.md §6.2, §7.1 page script shape)
// needs: _core, register
rt.page = function (x) {
  let o = rt.register.o || {};
  // A page built with Component() (rt.pageOptions is emitted when the program has one).
  if (rt.pageOptions) o = rt.pageOptions(o);
  const f = __mwFlat({ behaviors: o.behaviors, data: o.data }), h = {};
  rt.register.o = null;
  // WeChat: functions are methods; `data` and any other value are data.
  for (const k in o) typeof o[k] == 'function' ? (f.m[k] = o[k]) : k == 'data' || k == 'behaviors' || (f.d[k] = o[k]);
  // Assumptions (WBox): it calls these with `this` = the page's Vue instance, and gives onLoad an
  // object holding the query as `queryParams` or `query` (its sample page reads both), or the
  // query itself. The handlers stay methods too, so `this.onLoad()` works as on WeChat.
  for (const k in f.m) if (/^on(Load|Show|Ready|Hide|Unload|PullDownRefresh|ReachBottom|PageScroll|ShareAppMessage|Resize|TabItemTap)$/.test(k)) h[k] = f.m[k];
  if (h.onLoad) h.onLoad = function (q) {
    return f.m.onLoad.call(this, (this.options = (q && (q.queryParams || q.query)) || q || {}));
  };
  return __mwVue(x, f, { wbox: h });
};
