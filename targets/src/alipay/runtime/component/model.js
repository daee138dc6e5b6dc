// WeChat two-way binding model:value -> the compiler's onX="__mwModel" data-mw-model="<path>" [data-mw-then="<handler>"] (PLATFORMS.md §2.1 two-way binding row; WX framework/view/two-way-bindings)
// needs:
rt.model = function (e) {
  // Added to every page and component as the __mwModel method (so it sees the event already made
  // WeChat-shaped): sets the WeChat data path to the new value, then calls the user's own handler
  // with the mw keys taken out of the dataset.
  var c = e.currentTarget, u = {}, d = c.dataset, then = d.mwThen;
  function own(s) {
    var n = {}, k;
    for (k in s) if (k != 'mwModel' && k != 'mwThen') n[k] = s[k];
    return n;
  }
  u[d.mwModel] = e.detail.value;
  this.setData(u);
  c.dataset = own(d);
  e.target.dataset = own(e.target.dataset);
  // WeChat ignores a handler that is not a method.
  if (then && typeof this[then] == 'function') this[then](e);
};
