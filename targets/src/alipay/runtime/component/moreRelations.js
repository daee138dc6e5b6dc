// WeChat Component() relations -> Alipay relations: same keys and types; both sides declare them (ALI mini/framework/自定义组件/组件间关系.md, 2.8.5)
// needs: component
rt.moreRelations = function (list, r) {
  list.forEach(function (d) {
    if (d.relations) r.relations = Object.assign(r.relations || {}, d.relations);
  });
};
