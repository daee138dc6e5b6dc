// WeChat's error lifetime -> Alipay's onError, which catches the component's errors (ALI mini/framework/自定义组件/生命周期.md onError, 1.24.9)
// needs: component
rt.moreError = function (list, r) {
  r.onError = __mwHas(list, 'error') && __mwHooks(list, 'error');
};
