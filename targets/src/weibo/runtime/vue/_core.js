// Shared helpers: WeChat's Component()/Page() model (PLATFORMS.md §6.2-6.3, LANGUAGE.md §4) over a WBox Vue 2 instance (PLATFORMS.md §7.1; no WBox runtime is public, Vue 2 is the judge)
// needs:
function __mwCopy(v) {
  return Array.isArray(v) ? v.map(__mwCopy) : v && v.constructor == Object ? Object.keys(v).reduce((r, k) => (r[k] = __mwCopy(v[k]), r), {}) : v;
}
// A WeChat data path ('a.b', 'list[2].done') as keys.
function __mwPath(p) {
  return String(p).replace(/\[(\d+)\]/g, '.$1').split('.');
}
// Behaviors first (depth-first, in order), the definition's own fields last; string behaviors
// ('wx://form-field', ...) are WeChat built-ins and are ignored.
function __mwFlat(o, f) {
  f = f || { p: {}, d: {}, m: {}, l: { created: [], attached: [], ready: [], detached: [] }, w: [] };
  (o.behaviors || []).forEach((b) => b && typeof b == 'object' && __mwFlat(b, f));
  Object.assign(f.p, o.properties);
  Object.assign(f.d, o.data);
  Object.assign(f.m, o.methods);
  for (const k in f.l) {
    const h = (o.lifetimes || {})[k] || o[k];
    if (h) f.l[k].push(h);
  }
  for (const k in o.properties) if (o.properties[k] && o.properties[k].observer) f.w.push([[k], o.properties[k].observer, 1]);
  for (const k in o.observers) f.w.push([k.split(','), o.observers[k]]);
  return f;
}
// A WeChat event from a DOM event. Assumption (WBox): built-in elements are DOM elements
// ("renderType": "Web") firing DOM events under WeChat's names (tap, input, change, confirm...),
// with a WeChat-shaped `detail` object when they carry one (a CustomEvent, as switch, slider and
// picker would); native input, textarea and select elements give their value. An object that is
// not a DOM event (no preventDefault) is a child's triggerEvent event, or a value some Vue
// component emitted.
function __mwEvent(e) {
  if (!e || typeof e.preventDefault != 'function') return e && e.currentTarget ? e : __mwEv('', e, { dataset: {} });
  const t = e.target || {}, c = e.currentTarget || t;
  let d = e.detail, m = {};
  if (!d || typeof d != 'object') d = /^(input|textarea|select)$/i.test(c.tagName) ? { value: c.type == 'checkbox' ? c.checked : c.value } : {};
  // mark:x values (the :mwmk.prop DOM property) from the target up to the listening element.
  for (let x = t; x; x = x != c && x.parentNode) m = Object.assign({}, x.mwmk, m);
  return __mwEv(e.type, d, __mwTarget(t), __mwTarget(c), m, e.timeStamp);
}
// The WeChat event object; an element's dataset is its :mwds.prop DOM property.
function __mwEv(type, detail, target, currentTarget, mark, timeStamp) {
  return { type, timeStamp: timeStamp || Date.now(), detail, target, currentTarget: currentTarget || target, mark: mark || {} };
}
function __mwTarget(el) {
  return { id: el.id, dataset: el.mwds || {} };
}
// setData of one WeChat path, reactively ($set for new keys and array items). Vue 2 cannot add a
// reactive top-level key (it warns and drops it), so a new one is stored plainly: this.data sees
// it, the template only if the compiler declared it (extra.vars). WeChat lets a component write
// its own properties (until the parent sets them again, as here); Vue's development builds warn
// "Avoid mutating a prop directly", its production builds do not.
function __mwSet(vm, p, v) {
  const ks = __mwPath(p), n = ks.length - 1, put = (o, k, v) => (o == vm.$data && !(k in o) ? (o[k] = v) : vm.$set(o, k, v));
  let o = vm.$props && ks[0] in vm.$props ? vm.$props : vm.$data;
  for (let i = 0; i < n; o = o[ks[i++]]) if (!o[ks[i]] || typeof o[ks[i]] != 'object') put(o, ks[i], /^\d+$/.test(ks[i + 1]) ? [] : {});
  put(o, ks[n], v);
}
function __mwData() {
  return Object.assign({}, this.$data, this.$props);
}
// The Vue options pages and components share: data, methods, WXS modules, the instance API.
function __mwVue(x, f, v) {
  // Vue reserves method names starting with '$' or '_': those are set on the instance (r),
  // unless Vue has its own (Vant's `$emit` calls triggerEvent, which Vue's `$emit` does).
  const m = {}, r = {};
  for (const k in f.m) (/^[$_]/.test(k) ? r : m)[k] = f.m[k];
  return Object.assign({
    // Vue component names take letters, digits, '-' and '_' (not '/' or an npm scope's '@').
    name: x.path.replace(/[^\w-]/g, '-'),
    // What the compiler knows (scope, external classes), for the optional parts.
    mw: x,
    components: x.components,
    data() {
      const r = __mwCopy(f.d);
      // Names the template reads that no data, property or method defines: declared so that a
      // later setData is reactive (WeChat renders them empty until then).
      (x.vars || []).forEach((k) => k in r || k in this || (r[k] = undefined));
      return r;
    },
    methods: Object.assign({
      setData(p, cb) {
        for (const k in p) {
          __mwSet(this, k, p[k]);
          // model:k on this component's tag: WeChat updates the parent's path whenever the
          // component sets that property itself (a parent's value arrives as a prop instead).
          if (this.$props && k in this.$props && this.$listeners['mw-model-' + k]) this.triggerEvent('mw-model-' + k, { value: p[k] });
        }
        if (cb) this.$nextTick(cb);
      },
      // Vue events do not bubble: the bubbles/composed/capturePhase options are ignored.
      triggerEvent(n, d) {
        this.$emit(n, __mwEv(n, d, __mwTarget(this.$el || {})));
      },
      // WeChat ignores (with a devtools warning) a handler that is not a method.
      __ev(m, e) {
        if (typeof this[m] == 'function') return this[m](__mwEvent(e));
      }
      // Optional parts, present when the program uses them: run-time class names (rt.cls),
      // two-way binding (rt.model), run-time styles (rt.rpx), selectComponent (rt.select).
    }, rt.cls, rt.model, rt.rpx, rt.select, m),
    beforeCreate() {
      for (const k in r) k in this || (this[k] = r[k]);
      Object.assign(this, x.wxs);
      this.is = this.route = x.path;
      Object.defineProperties(this, { data: { get: __mwData }, properties: { get: __mwData } });
    }
  }, v);
}
