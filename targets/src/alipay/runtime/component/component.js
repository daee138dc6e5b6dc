// WeChat Component() options -> Alipay component2 options (PLATFORMS.md §6.3; ALI mini/framework/自定义组件/组件对象.md, 生命周期.md, 组件模板和样式.md, 数据变化观测器.md)
// needs: _core
rt.component = function (o) {
  // The component's behaviors (flattened by rt.behaviors, present when the program calls
  // Behavior()) then the component itself: later definitions win, hooks run in this order.
  var list = rt.behaviors ? rt.behaviors(o) : [o], defs = {}, props = {}, data = {}, methods = {}, on = {}, r, k;
  list.forEach(function (d) {
    var k, n;
    for (k in d.properties) {
      n = d.properties[k];
      n = n && typeof n == 'object' ? n : { type: n }; // shorthand `p: Number`
      n = defs[k] = { t: n.type, o: n.optionalTypes, f: n.observer, v: n.value };
      if (n.v === undefined) n.v = __mwType(n); // the type's default: '', 0, false, null, []
    }
    Object.assign(data, d.data);
    Object.assign(methods, d.methods);
  });
  for (k in defs) props[k] = data[k] = defs[k].v;
  // WeChat's created, attached, ready, detached (in lifetimes, or top-level) run from the
  // data-dimension lifecycles (生命周期.md; creation onInit -> deriveDataFromProps -> didMount,
  // update deriveDataFromProps -> didUpdate: 组件模板和样式.md "使用示例"), not from Alipay's
  // node-tree lifetimes, whose order against onInit is only drawn in a picture and whose detached
  // 2.8.5 skips when a page closes (生命周期.md "Bug & Tip"). created sees the defaults, attached
  // the parent's values, as on WeChat.
  'created attached ready detached'.split(' ').forEach(function (h) { on[h] = __mwHooks(list, h); });
  r = {
    props: props, // defaults only: Alipay props have no types (组件对象.md "props")
    data: data,
    methods: __mwFns(methods, {
      // A parent's `bind:my-event="h"` is compiled to the function prop onMyEvent="h" (组件对象.md
      // "props": function props start with `on`), named as the compiler's pascal_case does.
      triggerEvent: function (name, detail) {
        var p = this.props, t = { id: p.id || '', dataset: __mwDataset(p) };
        var f = p['on' + __mwCase(name, /(?:^|[-_:]+)(.?)/g)];
        if (typeof f == 'function') f({ type: name, timeStamp: Date.now(), detail: detail, target: t, currentTarget: t });
      }
    }),
    onInit: function () {
      var me = this, set = me.setData;
      // WeChat's this.properties is this.data.
      Object.defineProperty(me, 'properties', { get: function () { return me.data; } });
      // model:prop on this component's tag (the compiler's onMwModel<Prop> prop): WeChat updates
      // the parent's path whenever the component sets that property itself, not when the parent
      // passes a value (__mwProps marks those).
      me.setData = function (d, cb) {
        set.call(me, d, cb);
        if (me.__mwFromParent) return;
        for (var k in d) if (defs[k] && typeof me.props[__mwModelProp(k)] == 'function') me.triggerEvent('mw-model-' + k, { value: d[k] });
      };
      on.created.call(me);
      __mwProps(me, me.props, props, defs);
      on.attached.call(me);
    },
    // "组件创建时和更新前触发", after the component's own setData too (组件模板和样式.md): only props
    // the parent changed (nextProps vs this.props, as 数据变化观测器.md does) are copied, so a
    // component's this.setData({ prop }) stands until the parent passes a new value, as on WeChat.
    deriveDataFromProps: function (next) { __mwProps(this, next, this.props, defs); },
    didMount: on.ready,
    didUnmount: on.detached
  };
  __mwMore(list, r);
  for (k in r) if (!r[k]) delete r[k];
  return r;
};
// One function running every definition's hook h (lifetimes.h, else a top-level h; in
// pageLifetimes with g), behaviors first.
function __mwHooks(list, h, g) {
  return function () {
    var me = this, a = arguments;
    list.forEach(function (d) {
      var f = (d[g || 'lifetimes'] || {})[h] || !g && d[h];
      if (f) f.apply(me, a);
    });
  };
}
// observers, relations, pageLifetimes, moved, error, export: one rt.more* snippet each, emitted
// only when the program may use that field, so a program pays for the fields it has.
function __mwMore(list, r) {
  for (var k in rt) if (k.slice(0, 4) == 'more') rt[k](list, r);
  // Alipay reads these fields only when switched on (the more* snippets' doc pages).
  if (r.observers || r.lifetimes || r.relations) r.options = { observers: !!r.observers, lifetimes: !!r.lifetimes, relations: !!r.relations };
}
// Whether some definition has hook h (lifetimes.h, else a top-level h; in pageLifetimes with g).
function __mwHas(list, h, g) {
  return list.some(function (d) { return (d[g || 'lifetimes'] || {})[h] || !g && d[h]; });
}
// A property value as WeChat's component framework stores it: a value of the type or of one of
// the optionalTypes is kept, anything else converted (String(v), '' for null; a finite number or 0;
// !!v; an object or null; an array or []); with v undefined it is the type's default.
function __mwType(p, v) {
  var t = p.t;
  return (p.o || []).some(function (o) { return __mwType({ t: o }, v) === v; }) ? v
    : t == String ? (v == null ? '' : String(v))
    : t == Number ? (isFinite(v) ? +v : 0)
    : t == Boolean ? !!v
    : t == Array ? (Array.isArray(v) ? v : [])
    : t == Object ? (typeof v == 'object' ? v : null)
    : v === undefined ? null : v;
}
// Copies into data (WeChat reads props as this.data.p) the props that differ from prev, converted,
// then calls each property observer(newVal, oldVal) whose value changed; WeChat fires it for a
// parent's value at creation too.
function __mwProps(me, next, prev, defs) {
  var set = {}, old = {}, k, f, any;
  for (k in defs) {
    if (next[k] !== prev[k]) {
      old[k] = me.data[k];
      set[k] = __mwType(defs[k], next[k]);
      any = 1;
    }
  }
  if (any) {
    me.__mwFromParent = 1;
    me.setData(set);
    me.__mwFromParent = 0;
  }
  for (k in old) if ((f = defs[k].f) && set[k] !== old[k]) (me[f] || f).call(me, set[k], old[k]);
}
// The host's data-* props (Alipay passes every attribute in this.props: 使用自定义组件.md) as
// WeChat's dataset: data-todo-id -> todoId, upper case folded as WXML does.
function __mwDataset(p) {
  var d = {}, k;
  for (k in p) {
    if (k.slice(0, 5) == 'data-') d[__mwCase(k.slice(5).toLowerCase(), /-(.)/g)] = p[k];
  }
  return d;
}
// The function prop a parent's model:k binding passes (triggerEvent's naming of 'mw-model-' + k).
function __mwModelProp(k) {
  return 'on' + __mwCase('mw-model-' + k, /(?:^|[-_:]+)(.?)/g);
}
function __mwCase(s, re) {
  return s.replace(re, function (m, c) { return c.toUpperCase(); });
}
