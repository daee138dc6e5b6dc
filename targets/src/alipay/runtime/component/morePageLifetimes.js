// WeChat pageLifetimes -> the page's lifecycles and events as seen from a component: Alipay rootEvents (ALI mini/framework/自定义组件/组件对象.md "rootEvents", 2.8.6; page events, onResize among them: 小程序页面/页面运行机制.md "events"); a component without them does not listen to its page
// needs: component
rt.morePageLifetimes = function (list, r) {
  var ev;
  ['show', 'hide', 'resize'].forEach(function (h) {
    if (__mwHas(list, h, 'pageLifetimes')) (ev = ev || {})['on' + h[0].toUpperCase() + h.slice(1)] = __mwHooks(list, h, 'pageLifetimes');
  });
  r.rootEvents = ev;
};
