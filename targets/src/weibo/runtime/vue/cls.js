// Class names a component's template computes at run time get its scope prefix, as its static ones and its stylesheet's do; an external class is what the parent passed (targets/src/common/class_scope.rs, LANGUAGE.md §5)
// needs:
rt.cls = {
  __cls(v) {
    const x = this.$options.mw;
    return String(v == null ? '' : v).split(' ').filter(Boolean)
      .map((w) => (x.ext.indexOf(w) < 0 ? x.scope + '-' + w + (x.shared ? ' ' + w : '') : this[w.replace(/-(\w)/g, (m, c) => c.toUpperCase())] || ''))
      .join(' ');
  }
};
