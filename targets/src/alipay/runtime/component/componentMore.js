// The less common WeChat Component() fields -> Alipay: observers, relations, pageLifetimes, moved, error, export; external classes are filled in by the compiler's class scoping (targets/src/common/class_scope.rs), not by Alipay's externalClasses (PLATFORMS.md §6.3; ALI mini/framework/自定义组件/组件对象.md, 数据变化观测器.md, 组件间关系.md, 组件模板和样式.md, 生命周期.md)
// needs: component
rt.componentMore = function (list, r) {
  // Each field is set only when some definition uses it (component() drops the empty ones), so
  // a component without pageLifetimes does not listen to its page, nor catch errors without error.
  var obs, rel, ev, has = function (h, g) {
    return list.some(function (d) { return (d[g || 'lifetimes'] || {})[h] || !g && d[h]; });
  };
  list.forEach(function (d) {
    for (var k in d.observers) ((obs = obs || {})[k] = obs[k] || []).push(d.observers[k]);
    if (d.relations) rel = Object.assign(rel || {}, d.relations);
    r.ref = d.export || r.ref; // WeChat export() -> Alipay ref() (组件对象.md "ref", 1.18.0)
  });
  // WeChat's path syntax ('a.b', 'arr[12]', 'a, b', 'x.**', '**') is Alipay's (数据变化观测器.md,
  // 2.8.1); props copied into data by setData fire them too. Behaviors' observers first.
  r.observers = obs && {};
  Object.keys(obs || {}).forEach(function (k) {
    r.observers[k] = function () {
      for (var i = 0; i < obs[k].length; i++) obs[k][i].apply(this, arguments);
    };
  });
  r.relations = rel; // same keys and types; both sides declare them (组件间关系.md, 2.8.5)
  // moved exists only as a node-tree lifetime (生命周期.md "开启 lifetimes", 2.8.5).
  r.lifetimes = has('moved') && { moved: __mwHooks(list, 'moved') };
  // Alipay's onError catches the component's errors (生命周期.md onError, 1.24.9).
  r.onError = has('error') && __mwHooks(list, 'error');
  // pageLifetimes -> the page's lifecycles and events as seen from a component (组件对象.md
  // "rootEvents", 2.8.6; page events, onResize among them: 小程序页面/页面运行机制.md "events").
  ['show', 'hide', 'resize'].forEach(function (h) {
    if (has(h, 'pageLifetimes')) (ev = ev || {})['on' + h[0].toUpperCase() + h.slice(1)] = __mwHooks(list, h, 'pageLifetimes');
  });
  r.rootEvents = ev;
  // Alipay reads these fields only when switched on (the doc pages above).
  r.options = { observers: !!obs, lifetimes: !!r.lifetimes, relations: !!rel };
};
