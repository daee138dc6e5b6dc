// WeChat Component() observers -> Alipay observers (ALI mini/framework/自定义组件/数据变化观测器.md); like every rt.more* part, run by rt.component when the program may use the field (component() drops the fields left empty)
// needs: component
rt.moreObservers = function (list, r) {
  var obs;
  list.forEach(function (d) {
    for (var k in d.observers) ((obs = obs || {})[k] = obs[k] || []).push(d.observers[k]);
  });
  // WeChat's path syntax ('a.b', 'arr[12]', 'a, b', 'x.**', '**') is Alipay's (数据变化观测器.md,
  // 2.8.1); props copied into data by setData fire them too. Behaviors' observers first.
  r.observers = obs && {};
  Object.keys(obs || {}).forEach(function (k) {
    r.observers[k] = function () {
      for (var i = 0; i < obs[k].length; i++) obs[k][i].apply(this, arguments);
    };
  });
};
