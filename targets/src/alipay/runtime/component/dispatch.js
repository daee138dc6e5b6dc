// A handler chosen at run time (WeChat bindtap="{{ok ? 'a' : 'b'}}") -> the compiler's onTap="__mwDispatch" data-mw-on="{{ok ? 'a' : 'b'}}": Alipay's event value names a method (ALI mini/framework/事件系统/事件介绍.md "value 是一个字符串")
// needs:
rt.dispatch = function (e) {
  // data-mw-on when the element has one such handler, else data-mw-on-<event> per event.
  var t = String(e.type), d = e.currentTarget.dataset, m = d.mwOn || d['mwOn' + t.charAt(0).toUpperCase() + t.slice(1)];
  // An empty name binds nothing and an unknown one is ignored, as on WeChat.
  if (m && typeof this[m] == 'function') return this[m](e);
};
