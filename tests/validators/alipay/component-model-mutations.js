// The broken copies component-model.js --self-test makes of an emitted Alipay folder: each
// changes one runtime or emitted file (`from` → `to`) and names the checks (by prefix) that
// must fail on it, so a check that cannot fail is noticed.
'use strict'

module.exports = [
  {
    name: 'triggerEvent does not reach the parent',
    file: 'miniweave_runtime/component.js', from: "if (typeof f == 'function') f(", to: 'if (0) f(',
    expect: ['todo-item: tapping .todo__box', 'todo-item: tapping .todo__title', 'todo-item: tapping .todo__remove', 'todo-item: triggerEvent gives', 'rt.component: triggerEvent'],
  },
  {
    name: 'props are not copied into data',
    file: 'miniweave_runtime/component.js', from: '    me.setData(set);\n    me.__mwFromParent = 0;', to: '    me.__mwFromParent = 0;',
    expect: ['card: title from the page', 'card: show-footer', 'todo-item: item and index', 'empty-state:', 'rt.component: property defaults'],
  },
  {
    name: 'prop defaults are not in data',
    file: 'miniweave_runtime/component.js', from: 'props[k] = data[k] = defs[k].v;', to: 'props[k] = defs[k].v;',
    expect: ['card: title from the page', 'empty-state:'],
  },
  {
    name: 'no type conversion',
    file: 'miniweave_runtime/component.js', from: 't == Number ? (isFinite(v) ? +v : 0)', to: 't == Number ? v',
    expect: ['todo-item: index="3"', 'rt.component: property defaults'],
  },
  {
    name: 'property observers never fire',
    file: 'miniweave_runtime/component.js', from: '(me[f] || f).call(', to: '(function () {}).call(',
    expect: ['rt.component: a property observer'],
  },
  {
    name: 'events keep Alipay\'s target.dataset',
    file: 'miniweave_runtime/component.js', from: 'n.dataset = t.targetDataset;', to: '',
    expect: ['rt.component: methods see WeChat events', 'rt.page: page functions'],
  },
  {
    name: 'no currentTarget made for events without one',
    file: 'miniweave_runtime/component.js', from: 'e.currentTarget = e.currentTarget ||', to: 'e.currentTarget = e.currentTarget &&',
    expect: ['explore: tapping a topic', 'rt.component: methods see WeChat events'],
  },
  {
    name: 'page data not copied per page',
    file: 'miniweave_runtime/component.js', from: 'r.data = function () { return JSON.parse(d); };', to: '',
    expect: ['index: a page opened twice'],
  },
  {
    name: 'attached runs before the props arrive',
    file: 'miniweave_runtime/component.js', from: '      __mwProps(me, me.props, props, defs);\n      on.attached.call(me);', to: '      on.attached.call(me);\n      __mwProps(me, me.props, props, defs);',
    expect: ['rt.component: created sees defaults'],
  },
  {
    name: 'a component\'s own setData of a property is undone at once',
    file: 'miniweave_runtime/component.js', from: 'deriveDataFromProps: function (next) { __mwProps(this, next, this.props, defs); }', to: 'deriveDataFromProps: function (next) { __mwProps(this, next, {}, defs); }',
    expect: ['card: a parent\'s new value'],
  },
  {
    name: 'onResize not moved to events',
    file: 'miniweave_runtime/component.js', from: 'if (o.onResize) r.events', to: 'if (0) r.events',
    expect: ['rt.page: page functions'],
  },
  {
    name: 'behaviors ignored',
    file: 'miniweave_runtime/component.js', from: 'rt.behaviors ? rt.behaviors(o) : [o]', to: '[o]',
    expect: ['rt.behavior:'],
  },
  {
    name: 'observers dropped',
    file: 'miniweave_runtime/component.js', from: 'r.observers[k] = function', to: 'r.observers[k + "-"] = function',
    expect: ['rt.moreObservers: observers'],
  },
  {
    name: 'pageLifetimes dropped',
    file: 'miniweave_runtime/component.js', from: 'r.rootEvents = ev;', to: 'r.rootEvents = undefined;',
    expect: ['rt.morePageLifetimes: pageLifetimes'],
  },
  {
    name: 'relations dropped',
    file: 'miniweave_runtime/component.js', from: 'if (d.relations) r.relations =', to: 'if (0) r.relations =',
    expect: ['rt.moreRelations:', 'rt.morePageLifetimes:'],
  },
  {
    name: 'selectComponent finds nothing',
    file: 'miniweave_runtime/component.js', from: 'return this.$selectComponent(s);', to: 'return null;',
    expect: ['rt.select:'],
  },
  {
    name: 'a Component() page runs no attached hook',
    file: 'miniweave_runtime/component.js', from: 'if (attached) attached.call(this);', to: '',
    expect: ['rt.pageOptions:'],
  },
  {
    name: 'model sets nothing',
    file: 'miniweave_runtime/component.js', from: 'u[d.mwModel] = e.detail.value;', to: '',
    expect: ['rt.model:'],
  },
  {
    name: 'onError always set (catches every component error)',
    file: 'miniweave_runtime/component.js', from: "r.onError = __mwHas(list, 'error') &&", to: 'r.onError =',
    expect: ['rt.component: no observers'],
  },
  {
    name: 'app.js took the wrong #if branch',
    file: 'app.js', from: "platform = 'alipay'", to: "platform = 'wechat'",
    expect: ['app:'],
  },
  {
    name: 'getStorageSync passes the key positionally, as WeChat does',
    file: 'miniweave_runtime/api.js', from: 'my.getStorageSync({ key: k })', to: 'my.getStorageSync(k)',
    expect: ['index: onLoad reads the saved todos', 'detail:'],
  },
  {
    name: 'getStorageSync answers [] for a missing key',
    file: 'miniweave_runtime/api.js', from: "return d == null ? '' : d;", to: 'return d == null ? [] : d;',
    expect: ['index: without saved todos'],
  },
  {
    name: 'showToast keeps WeChat\'s title',
    file: 'miniweave_runtime/api.js', from: 'my.showToast({ content: o.title', to: 'my.showToast({ title: o.title',
    expect: ['index: typing', 'explore: tapping a topic'],
  },
  {
    name: 'showModal answers the opposite',
    file: 'miniweave_runtime/api.js', from: 'r.confirm = !!r.confirm;', to: 'r.confirm = !r.confirm;',
    expect: ['index: Clear done'],
  },
  {
    name: 'request leaves the JSON text unparsed',
    file: 'miniweave_runtime/api.js', from: 'try { d = JSON.parse(d); }', to: 'try { d = d; }',
    expect: ['explore: onLoad requests'],
  },
  {
    name: 'the input binds the wrong event',
    file: 'pages/index/index.axml', from: 'onInput="onDraft"', to: 'onChange="onDraft"',
    expect: ['index: typing', 'index: a page opened twice'],
  },
  {
    name: 'the swiper\'s change is not bound',
    file: 'pages/explore/explore.axml', from: 'onChange="onBanner"', to: 'onChanging="onBanner"',
    expect: ['explore: the swiper'],
  },
  {
    name: 'detail reads the wrong query key',
    file: 'pages/detail/detail.js', from: 'query.id', to: 'query.todo',
    expect: ['detail:'],
  },
  {
    name: 'the slider\'s change is not bound',
    file: 'pages/me/me.axml', from: 'onChange="onVolume"', to: 'onChanging="onVolume"',
    expect: ['me:'],
  },
  {
    name: 'the picker\'s change is not bound',
    file: 'packageA/pages/settings/settings.axml', from: 'onChange="onSort"', to: '',
    expect: ['settings:'],
  },
  {
    name: 'the template binds a misspelt method',
    file: 'components/todo-item/todo-item.axml', from: 'catchTap="toggle"', to: 'catchTap="toggl"',
    expect: ['templates: every handler', 'todo-item: tapping .todo__box'],
  },
  {
    name: 'the page binds todo-item\'s toggle to a missing handler',
    file: 'pages/index/index.axml', from: 'onToggle="onToggle"', to: 'onToggle="onToggled"',
    expect: ['templates: every handler', 'todo-item: tapping .todo__box'],
  },
  {
    name: 'Component() left unadapted (the WeChat options as they are)',
    file: 'components/card/card.js', from: 'Component(__mwRt.component(', to: 'Component((',
    expect: ['card: title from the page', 'card: show-footer', 'card: a parent\'s new value', 'templates: every handler'],
  },
  {
    name: 'Page() left unadapted',
    file: 'pages/index/index.js', from: 'Page(__mwRt.page(', to: 'Page((',
    expect: ['index: a page opened twice'],
  },
  {
    name: 'component2 off',
    file: 'mini.project.json', from: '"component2": true', to: '"component2": false',
    expect: ['project:', 'card: title from the page', 'todo-item: item and index'],
  },
];
