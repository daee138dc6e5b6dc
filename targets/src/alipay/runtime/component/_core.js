// Shared by the Component()/Page() adapters: WeChat-shaped event objects for every method (ALI mini/framework/事件系统/事件对象.md), plus the optional model, dispatch and select snippets' methods
// needs:
function __mwFns(src, dst) {
  // dst holds the adapter's own methods; the program's win. rt.model exists when a template uses
  // model:value, rt.dispatch when one binds a handler chosen at run time, rt.select when the
  // program calls selectComponent.
  var k;
  if (rt.model) dst.__mwModel = rt.model;
  if (rt.dispatch) dst.__mwDispatch = rt.dispatch;
  if (rt.select) rt.select(dst);
  Object.assign(dst, src);
  for (k in dst) if (typeof dst[k] == 'function') dst[k] = __mwWrap(dst[k]);
  return dst;
}
function __mwWrap(f) {
  // Alipay gives a handler target.dataset = the data-* of the node the handler is bound on and
  // target.targetDataset = those of the node the event started on (事件对象.md); WeChat has
  // target = where it started, currentTarget = where it is bound. A plain call or an event made
  // by triggerEvent has no targetDataset and passes untouched; a second pass changes nothing.
  return function (e) {
    var t = e && e.target, n = {}, k;
    if (t && t.targetDataset) {
      e.currentTarget = e.currentTarget || { id: t.id, tagName: t.tagName, dataset: t.dataset };
      for (k in t) n[k] = t[k];
      n.dataset = t.targetDataset;
      e.target = n;
    }
    return f.apply(this, arguments);
  };
}
