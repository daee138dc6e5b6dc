// model:value two-way binding: the compiler's `__model('path', $event)` sets the data path to the field's new value (WX framework/view/two-way-bindings; LANGUAGE.md §4)
// needs: _core
rt.model = {
  __model(p, e) {
    const d = __mwEvent(e).detail;
    this.setData({ [p]: d && d.value !== undefined ? d.value : d });
  }
};
