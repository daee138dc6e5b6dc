// WeChat's moved lifetime -> Alipay's node-tree lifetimes.moved, its only form there (ALI mini/framework/自定义组件/生命周期.md "开启 lifetimes", 2.8.5)
// needs: component
rt.moreMoved = function (list, r) {
  r.lifetimes = __mwHas(list, 'moved') && { moved: __mwHooks(list, 'moved') };
};
