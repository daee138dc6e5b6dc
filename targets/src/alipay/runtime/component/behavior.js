// WeChat Behavior() -> its definition; rt.behaviors lists a component's definitions in WeChat's order for rt.component (PLATFORMS.md §6.3 behaviors row; ALI mini/framework/自定义组件/mixins.md)
// needs:
rt.behavior = function (o) {
  return o;
};
// Flattened here rather than handed to Alipay's mixins: WeChat runs a behavior used twice once,
// Alipay a Mixin() used twice twice (mixins.md), plain mixin objects cannot nest, and every created
// hook must run before the props are copied in, every attached hook after. Post-order: a
// definition's behaviors first, each once, so later ones win for fields and hooks run
// behaviors-first. Strings ('wx://form-field', ...) are WeChat built-ins, which Alipay lacks.
rt.behaviors = function (o) {
  var all = [];
  (function add(d) {
    if (d && typeof d == 'object' && all.indexOf(d) < 0) {
      (d.behaviors || []).forEach(add);
      all.push(d);
    }
  })(o);
  return all;
};
