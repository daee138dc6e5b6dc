// WeChat Component() export() -> Alipay ref() (ALI mini/framework/自定义组件/组件对象.md "ref", 1.18.0); the last definition's wins
// needs: component
rt.moreExport = function (list, r) {
  list.forEach(function (d) { r.ref = d.export || r.ref; });
};
