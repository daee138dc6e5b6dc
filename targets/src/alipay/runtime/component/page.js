// WeChat Page() options -> Alipay Page() options: same lifecycles and onLoad(query), WeChat-shaped events (PLATFORMS.md §6.2; ALI mini/framework/小程序页面/页面运行机制.md)
// needs: _core
rt.page = function (o) {
  var r = __mwFns(o, {}), d = JSON.stringify(o.data || {});
  // "当 data 为对象时，被所有页面共享" (页面运行机制.md "页面数据对象 data"): a page opened twice
  // would start from the first one's data; WeChat gives each page its own copy, and its data must
  // be JSON (strings, numbers, booleans, objects, arrays), so a JSON copy is exact.
  r.data = function () { return JSON.parse(d); };
  // WeChat's top-level onResize is an Alipay page event (页面运行机制.md "events", 1.16.0).
  if (o.onResize) r.events = Object.assign({}, o.events, { onResize: r.onResize });
  return r;
};
