// A page built with Component() (WX framework/custom-component/component.html, "使用 Component 构造器构造页面"): its options as Page() options, for rt.page (LANGUAGE.md §4). Methods (onLoad, handlers) become page functions; properties take the page's query (strings converted to the property's type); created/attached run before onLoad, ready before onReady, detached after onUnload; pageLifetimes show/hide/resize join onShow/onHide/onResize. Behaviors given as Behavior() objects are merged first; observers are not run.
// needs:
rt.pageOptions = function (o) {
  var defs = [], props = {}, r = { data: {} }, k;
  // Page() options pass as they are (on Weibo both constructors register their options).
  if (!(o.methods || o.lifetimes || o.properties || o.pageLifetimes)) return o;
  (function add(d) {
    (d.behaviors || []).forEach(function (b) { if (b && typeof b == 'object') add(b); });
    defs.push(d);
  })(o);
  defs.forEach(function (d) {
    for (k in d.properties) {
      var p = d.properties[k], t = p && typeof p == 'object' ? p.type : p;
      props[k] = t;
      r.data[k] = p && typeof p == 'object' && 'value' in p ? p.value : t == String ? '' : t == Number ? 0 : t == Boolean ? false : t == Array ? [] : null;
    }
    Object.assign(r.data, d.data);
    for (k in d.methods) r[k] = d.methods[k];
  });
  function hooks(group, name, own) {
    var list = defs.map(function (d) { return (d[group] || {})[name] || (group == 'lifetimes' && d[name]); }).filter(Boolean);
    return list.length || own ? function () {
      var me = this, a = arguments;
      list.forEach(function (h) { h.apply(me, a); });
      if (own) return own.apply(me, a);
    } : own;
  }
  var created = hooks('lifetimes', 'created'), attached = hooks('lifetimes', 'attached'), load = r.onLoad;
  r.onLoad = function (q) {
    var set = {}, any;
    q = q || {};
    for (k in props) if (k in q) {
      set[k] = props[k] == Number ? +q[k] : props[k] == Boolean ? q[k] !== 'false' && q[k] !== '' : q[k];
      any = 1;
    }
    if (created) created.call(this);
    if (any) this.setData(set);
    if (attached) attached.call(this);
    if (load) return load.apply(this, arguments);
  };
  r.onReady = hooks('lifetimes', 'ready', r.onReady);
  var detached = hooks('lifetimes', 'detached'), unload = r.onUnload;
  r.onUnload = function () {
    if (unload) unload.apply(this, arguments);
    if (detached) detached.call(this);
  };
  r.onShow = hooks('pageLifetimes', 'show', r.onShow);
  r.onHide = hooks('pageLifetimes', 'hide', r.onHide);
  r.onResize = hooks('pageLifetimes', 'resize', r.onResize);
  for (k in r) if (r[k] === undefined) delete r[k];
  return r;
};
