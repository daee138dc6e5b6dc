// this.selectComponent / selectAllComponents: components below, by the selector their host element matches (PLATFORMS.md §6.3 row; LANGUAGE.md §4)
// needs:
rt.select = {
  // Any component below (a slotted component's Vue parent is the component with the slot).
  selectAllComponents(s) {
    const r = [], walk = (c) => c.$children.forEach((v) => (v.$el && v.$el.matches && v.$el.matches(s) && r.push(v), walk(v)));
    walk(this);
    return r;
  },
  selectComponent(s) {
    return this.selectAllComponents(s)[0] || null;
  }
};
