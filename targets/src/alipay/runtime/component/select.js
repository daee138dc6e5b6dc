// WeChat this.selectComponent / selectAllComponents -> Alipay this.$selectComponent / $selectAllComponents, on components and pages (PLATFORMS.md §6.3; ALI mini/framework/自定义组件/组件对象.md, 2.8.0)
// needs:
rt.select = function (m) {
  m.selectComponent = function (s) { return this.$selectComponent(s); };
  m.selectAllComponents = function (s) { return this.$selectAllComponents(s); };
};
