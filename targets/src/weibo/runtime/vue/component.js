// Component(): the recorded WeChat options as Vue 2 options: properties as typed props, observers as watchers, lifetimes as Vue hooks (PLATFORMS.md §6.3; LANGUAGE.md §8)
// needs: _core, register
rt.component = function (x) {
  const o = rt.register.o || {}, f = __mwFlat(o), p = {}, run = (vm, k) => f.l[k].forEach((h) => h.call(vm));
  rt.register.o = null;
  for (const k in f.p) p[k] = __mwProp(f.p[k]);
  // The parent's class names for an external class arrive as a string prop (camel-cased by Vue).
  (o.externalClasses || []).concat(x.ext || []).forEach((c) => (p[c] = String));
  // pageLifetimes, relations, options (multipleSlots, styleIsolation, virtualHost) and export
  // have no Vue counterpart here and are ignored.
  return __mwVue(x, f, {
    props: p,
    created() {
      const given = this.$options.propsData || {};
      run(this, 'created');
      for (const [keys, h, single] of f.w) {
        // 'a, b', 'a.b', 'list[0]', 'a.**' (deep) and '**' (all data, deep).
        const fn = typeof h == 'string' ? this[h] : h, paths = keys.map((s) => s.trim().replace(/\.?\*\*$/, ''));
        const get = () => paths.map((s) => (s ? __mwPath(s).reduce((o, k) => (o == null ? o : o[k]), this) : this.data));
        const call = (v, old) => fn && fn.apply(this, single ? [v[0], old && old[0]] : v);
        this.$watch(get, call, { deep: /\*\*/.test(keys) });
        // WeChat also fires them when the parent gives a property at creation.
        if (paths.some((s) => __mwPath(s)[0] in given)) call(get());
      }
    },
    mounted() {
      run(this, 'attached');
      run(this, 'ready');
    },
    destroyed() {
      run(this, 'detached');
    }
  });
};
// A WeChat property (`p: Type` or `p: { type, optionalTypes, value }`) as a Vue prop; a missing
// value defaults by type as on WeChat (String() is '', Number() 0, Boolean() false, Array() []);
// an object value comes from a factory (one per instance).
function __mwProp(d) {
  const o = d && typeof d == 'object', t = o ? d.type : d, v = o && 'value' in d ? d.value : t && t != Object ? t() : null;
  return { type: t && o && d.optionalTypes ? [t].concat(d.optionalTypes) : t || null, default: v && typeof v == 'object' ? () => __mwCopy(v) : v };
}
