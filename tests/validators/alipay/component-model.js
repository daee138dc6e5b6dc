#!/usr/bin/env node
// Behavioural judge for an emitted Alipay folder: runs its JavaScript against Alipay's documented
// component model (the fake world in ./world.js, each behaviour citing its AlipayDocs page) and
// checks that the showcase keeps its WeChat meaning: props readable as this.data, events from
// todo-item reaching the page as WeChat events, page handlers fed Alipay-shaped events, storage
// and requests through `my`.
//
//   node tests/validators/alipay/component-model.js <emitted alipay folder>
//        [--runtime <component.js>]   the runtime module for the feature checks (default: the folder's)
//        [--self-test [--verbose]]    break copies of the folder and check that the checks notice
//                                     (--verbose names the checks that caught each break)
//
// - Emitted modules are loaded with Node's require from the folder (CommonJS, relative requires),
//   the module cache cleared for every check, so each check starts a fresh program.
// - Handlers are found the way Alipay finds them: the name in the emitted .axml (onTap="toggle"),
//   then the method of that name; a wrong binding fails the check.
// - Feature checks (property types, observers, behaviors, pageLifetimes, model:value, ...) use
//   synthetic components and pages built on the runtime module's exports (rt.component, rt.page,
//   rt.behavior, rt.model, ...); a feature the module does not export is skipped and named in the
//   summary, since the compiler only ships the snippets a program uses.
// - Any violation of the world's rules while a check runs (setData with undefined or non-JSON,
//   WeChat-only Component fields, a template binding with no method, ...) fails that check.
// Exit 0 with a one-line summary when every check passes, 1 with the failures, 2 on bad usage.
'use strict';

const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { createWorld, findAll, hasClass } = require('./world');

const args = process.argv.slice(2);
const selfTest = args.includes('--self-test');
const verbose = args.includes('--verbose');
const runtimeArg = args.includes('--runtime') ? args[args.indexOf('--runtime') + 1] : null;
const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runtime');
if (positional.length !== 1 || !fs.existsSync(positional[0]) || !fs.statSync(positional[0]).isDirectory() ||
  (args.includes('--runtime') && (!runtimeArg || !fs.existsSync(runtimeArg)))) {
  console.error('usage: node component-model.js <emitted alipay folder> [--runtime <component.js>] [--self-test [--verbose]]');
  process.exit(2);
}
const started = Date.now();

const checks = [];
/** A check: fn(world, rt) with a fresh world; `needs` names rt exports the check relies on. */
const check = (name, fn, needs = []) => checks.push({ name, fn, needs });

const PAGES = { index: 'pages/index/index', explore: 'pages/explore/explore', detail: 'pages/detail/detail', me: 'pages/me/me', settings: 'packageA/pages/settings/settings' };
const VANT_BUTTON = 'miniprogram_npm/@vant/weapp/button/index';
const COMPONENTS = { card: 'components/card/card', todo: 'components/todo-item/todo-item', empty: 'components/empty-state/empty-state' };
const TODOS = [
  { id: 1, title: 'Write the spec', done: true },
  { id: 2, title: 'Compile for three platforms', done: false },
  { id: 3, title: 'Ship it', done: false },
];

/** The one element of rel's template matching pred (a class name or a function). */
function node(world, rel, pred) {
  const p = typeof pred === 'string' ? hasClass(pred) : pred;
  const found = findAll(world.axml(rel), p);
  assert.equal(found.length, 1, `${rel}.axml: one element ${typeof pred === 'string' ? `.${pred}` : 'matching'} expected, found ${found.length}`);
  return found[0];
}
const tag = (name) => (n) => n.tag === name;
/** The binding attribute of an element for an event: onX, catchX (事件系统/事件介绍.md). */
function binding(n, event) {
  const names = [`on${event}`, `catch${event}`, `capture-on${event}`, `capture-catch${event}`];
  const found = names.filter((a) => typeof n.attrs[a] === 'string');
  assert.ok(found.length, `<${n.tag} class="${n.attrs.class || ''}"> binds no ${event} event (attributes: ${Object.keys(n.attrs).join(' ')})`);
  return found[0];
}
/** Opens the index page with the todos in storage (or none), and mounts the todo-item of todo i. */
function todoOnIndex(world, i, saved) {
  if (saved) world.mock.store.todos = JSON.parse(JSON.stringify(saved));
  const page = world.openPage(PAGES.index);
  const item = world.mountChild(page, node(world, PAGES.index, tag('todo-item')), i);
  return { page, item };
}
/** Captures what a page handler receives, calling it through. */
function spy(inst, name) {
  const seen = [];
  const fn = inst[name];
  assert.equal(typeof fn, 'function', `${inst.is} has no ${name}`);
  inst[name] = function (e) {
    seen.push(JSON.parse(JSON.stringify(e === undefined ? null : e)));
    return fn.apply(this, arguments);
  };
  return seen;
}

// ---- Program setup ---------------------------------------------------------------------------

check('project: mini.project.json enables component2 (onInit / deriveDataFromProps run only then)', (world) => {
  assert.ok(world.component2, 'compileOptions.component2 is not true in mini.project.json (小程序全局配置/项目配置.md)');
});
check('app: App() registers; onLaunch records the platform as alipay', (world) => {
  const app = world.launch();
  assert.equal(app.globalData.platform, 'alipay');
  assert.equal(typeof app.globalData.launchedAt, 'number');
});
check('templates: every handler an .axml binds is a method of its component or page', (world) => {
  const missing = [];
  const scan = (rel, inst) => {
    const using = world.json(rel).usingComponents || {};
    for (const n of findAll(world.axml(rel), () => true)) {
      for (const [a, v] of Object.entries(n.attrs)) {
        if (!/^(capture-)?(on|catch)[A-Z]/.test(a) || typeof v !== 'string' || v.includes('{{')) continue;
        // on a custom component the attribute is a function prop, still a function of this file
        if (typeof inst[v] !== 'function') missing.push(`${rel}.axml <${n.tag}${using[n.tag] ? ' (component)' : ''} ${a}="${v}">`);
      }
    }
  };
  for (const rel of Object.values(PAGES)) scan(rel, world.openPage(rel));
  for (const rel of Object.values(COMPONENTS)) scan(rel, world.mount(rel, rel === COMPONENTS.todo ? { item: TODOS[1] } : {}));
  assert.deepEqual(missing, [], 'bindings without a method (组件对象.md: a component\'s events are answered by its methods)');
});

// ---- card ------------------------------------------------------------------------------------

check('card: title from the page is this.data.title; showFooter defaults to true (this.data, this.properties)', (world) => {
  const page = world.openPage(PAGES.index);
  const card = world.mountChild(page, node(world, PAGES.index, tag('card')));
  assert.equal(card.props.title, 'My todos', 'the page passes title="My todos"');
  assert.equal(card.data.title, 'My todos', 'this.data.title');
  assert.equal(card.data.showFooter, true, 'this.data.showFooter (WeChat default value true)');
  assert.equal(card.properties && card.properties.showFooter, true, 'this.properties.showFooter');
});
check('card: show-footer="{{false}}" from the settings page is this.data.showFooter === false', (world) => {
  const page = world.openPage(PAGES.settings);
  const card = world.mountChild(page, node(world, PAGES.settings, tag('card')));
  assert.equal(card.props.showFooter, false, 'the page passes showFooter (camel-cased by the compiler)');
  assert.equal(card.data.showFooter, false, 'this.data.showFooter');
  assert.equal(card.data.title, 'Settings');
});
check('card: a parent\'s new value reaches this.data; the component\'s own setData of a property stands until then', (world) => {
  const card = world.mount(COMPONENTS.card, { title: 'A' });
  world.update(card, { title: 'B', showFooter: false });
  assert.equal(card.data.title, 'B');
  assert.equal(card.data.showFooter, false);
  card.setData({ title: 'mine' });
  world.flush();
  assert.equal(card.data.title, 'mine', 'setData of a property (WeChat allows it) is undone by the next update');
  world.update(card, { title: 'C', showFooter: false });
  assert.equal(card.data.title, 'C');
});

// ---- empty-state -----------------------------------------------------------------------------

check('empty-state: message defaults to "Nothing here yet"; the page\'s message="Nothing left to do" arrives', (world) => {
  assert.equal(world.mount(COMPONENTS.empty).data.message, 'Nothing here yet');
  world.mock.store.todos = [];
  const page = world.openPage(PAGES.index);
  page.setData({ todos: [] });
  world.flush();
  const empty = world.mountChild(page, node(world, PAGES.index, tag('empty-state')));
  assert.equal(empty.data.message, 'Nothing left to do');
});

// ---- todo-item on the index page -------------------------------------------------------------

check('todo-item: item and index from the page\'s a:for are this.data.item / this.data.index', (world) => {
  const { item } = todoOnIndex(world, 1);
  assert.deepEqual(item.data.item, TODOS[1]);
  assert.equal(item.data.index, 1);
  assert.deepEqual(item.properties.item, TODOS[1], 'this.properties.item');
});
check('todo-item: tapping .todo__box calls the page\'s toggle handler with a WeChat event; todos[i].done flips and flows back', async (world) => {
  const { page, item } = todoOnIndex(world, 1);
  const seen = spy(page, node(world, PAGES.index, tag('todo-item')).attrs.onToggle);
  const box = node(world, COMPONENTS.todo, 'todo__box');
  world.fire(item, box, binding(box, 'Tap'), { from: box.children[0] });
  assert.equal(seen.length, 1, 'the page handler bound to todo-item\'s toggle event was called once');
  const e = seen[0];
  assert.equal(e.type, 'toggle');
  assert.deepEqual(e.detail, { id: 2, done: true });
  assert.equal(typeof e.timeStamp, 'number');
  assert.ok(e.target && e.currentTarget && e.target.dataset && e.currentTarget.dataset, `WeChat event shape: ${JSON.stringify(e)}`);
  assert.equal(page.data.todos[1].done, true, 'the page set todos[1].done');
  assert.equal(item.data.item.done, true, 'the new item reached the child\'s this.data.item');
  world.fire(item, box, binding(box, 'Tap'));
  assert.deepEqual(seen[1].detail, { id: 2, done: false });
  assert.equal(page.data.todos[1].done, false);
});
check('todo-item: tapping .todo__title opens the detail page through the page (my.navigateTo)', async (world) => {
  const { page, item } = todoOnIndex(world, 2);
  const seen = spy(page, node(world, PAGES.index, tag('todo-item')).attrs.onOpen);
  const title = node(world, COMPONENTS.todo, 'todo__title');
  world.fire(item, title, binding(title, 'Tap'));
  assert.deepEqual(seen.map((e) => [e.type, e.detail]), [['open', { id: 3 }]]);
  await world.settle();
  assert.equal(world.mock.lastCall('navigateTo').arg.url, '/pages/detail/detail?id=3');
});
check('todo-item: tapping .todo__remove removes the todo from the page', (world) => {
  const { page, item } = todoOnIndex(world, 0);
  const seen = spy(page, node(world, PAGES.index, tag('todo-item')).attrs.onRemove);
  const remove = node(world, COMPONENTS.todo, 'todo__remove');
  world.fire(item, remove, binding(remove, 'Tap'));
  assert.deepEqual(seen.map((e) => [e.type, e.detail]), [['remove', { id: 1 }]]);
  assert.deepEqual(page.data.todos.map((t) => t.id), [2, 3]);
});
check('todo-item: triggerEvent gives target/currentTarget the host\'s id and data-* dataset; no handler, no error', (world) => {
  const got = [];
  const item = world.mount(COMPONENTS.todo, { item: TODOS[0], index: 0, id: 'first', 'data-todo-id': 1, 'data-list': 'main', onToggle: (e) => got.push(e) });
  const box = node(world, COMPONENTS.todo, 'todo__box');
  world.fire(item, box, binding(box, 'Tap'));
  assert.equal(got.length, 1);
  assert.deepEqual(got[0].target, { id: 'first', dataset: { todoId: 1, list: 'main' } });
  assert.deepEqual(got[0].currentTarget, { id: 'first', dataset: { todoId: 1, list: 'main' } });
  const lonely = world.mount(COMPONENTS.todo, { item: TODOS[0] });
  world.fire(lonely, box, binding(box, 'Tap')); // no onToggle prop: nothing happens
});
check('todo-item: index="3" (a string) becomes the Number 3, as WeChat converts a Number property', (world) => {
  const item = world.mount(COMPONENTS.todo, { item: TODOS[0], index: '3' });
  assert.equal(item.data.index, 3);
});

// ---- pages/index -----------------------------------------------------------------------------

check('index: onLoad reads the saved todos with my.getStorageSync({ key: "todos" })', (world) => {
  const saved = [{ id: 9, title: 'Saved', done: false }];
  world.mock.store.todos = saved;
  const page = world.openPage(PAGES.index);
  assert.deepEqual(world.mock.lastCall('getStorageSync').arg, { key: 'todos' });
  assert.deepEqual(page.data.todos, saved);
});
check('index: without saved todos the page starts with its three', (world) => {
  const page = world.openPage(PAGES.index);
  assert.deepEqual(page.data.todos, TODOS);
});
check('index: typing (Alipay input event) then Add adds the todo, clears the draft, saves it and toasts', async (world) => {
  const page = world.openPage(PAGES.index);
  const input = node(world, PAGES.index, 'new-todo__input');
  world.fire(page, input, binding(input, 'Input'), { detail: { value: 'Buy milk', cursor: 8 } });
  assert.equal(page.data.draft, 'Buy milk');
  const add = node(world, PAGES.index, 'new-todo__add');
  world.fire(page, add, binding(add, 'Tap'));
  assert.equal(page.data.todos.length, 4);
  assert.equal(page.data.todos[3].title, 'Buy milk');
  assert.equal(page.data.todos[3].done, false);
  assert.equal(page.data.draft, '');
  const saved = world.mock.lastCall('setStorageSync').arg;
  assert.equal(saved.key, 'todos');
  assert.equal(saved.data.length, 4);
  await world.settle();
  assert.equal(world.mock.lastCall('showToast').arg.content, 'Added');
});
check('index: a page opened twice starts from its own initial data (Alipay shares an object data)', (world) => {
  const first = world.openPage(PAGES.index);
  const input = node(world, PAGES.index, 'new-todo__input');
  world.fire(first, input, binding(input, 'Input'), { detail: { value: 'half-typed' } });
  first.setData({ 'todos[0].title': 'Renamed' });
  world.flush();
  const second = world.openPage(PAGES.index);
  assert.equal(second.data.draft, '', 'the second page\'s draft');
  assert.equal(second.data.todos[0].title, 'Write the spec', 'the second page\'s first todo');
});
check('index: Clear done asks (my.showModal) and keeps the open todos', async (world) => {
  const page = world.openPage(PAGES.index);
  const clear = node(world, PAGES.index, 'filters__clear');
  world.fire(page, clear, binding(clear, 'Tap'));
  await world.settle();
  assert.equal(world.mock.lastCall('showModal').arg.title, 'Clear done todos?');
  assert.deepEqual(page.data.todos.map((t) => t.id), [2, 3]);
});

// ---- other pages -----------------------------------------------------------------------------

check('explore: onLoad requests the topics with my.request and shows the answer', async (world) => {
  const topics = [{ id: 'x1', name: 'From the server', hot: false }];
  world.mock.next('request', { ok: { data: JSON.stringify(topics), status: 200, headers: { 'content-type': 'application/json' } } });
  const page = world.openPage(PAGES.explore);
  assert.equal(world.mock.lastCall('request').arg.url, 'https://example.com/api/topics.json');
  await world.settle();
  assert.deepEqual(page.data.topics, topics);
});
check('explore: tapping a topic toasts its data-topic (event shaped per 事件对象.md\'s table: no currentTarget)', async (world) => {
  world.mock.next('request', { err: { error: 12, errorMessage: 'offline' } });
  const page = world.openPage(PAGES.explore);
  await world.settle();
  const topic = node(world, PAGES.explore, 'topic');
  const name = findAll(topic, hasClass('topic__name'))[0];
  const scope = { topic: page.data.topics[1], i: 1 };
  world.fire(page, topic, binding(topic, 'Tap'), { from: name, scope, withCurrentTarget: false });
  await world.settle();
  assert.equal(world.mock.lastCall('showToast').arg.content, 't2');
});
check('explore: the swiper\'s change event sets current from e.detail.current', (world) => {
  const page = world.openPage(PAGES.explore);
  const swiper = node(world, PAGES.explore, tag('swiper'));
  world.fire(page, swiper, binding(swiper, 'Change'), { detail: { current: 2, source: 'touch' } });
  assert.equal(page.data.current, 2);
});
check('detail: onLoad(query) reads ?id= and shows the saved todo', (world) => {
  const due = Date.UTC(2030, 0, 15, 12);
  world.mock.store.todos = [{ id: 2, title: 'Two', done: true, due }];
  const page = world.openPage(PAGES.detail, { id: '2' });
  assert.equal(page.data.id, 2);
  assert.equal(page.data.done, true);
  assert.equal(page.data.due, '2030-01-15');
});
check('me: the slider\'s change event sets volume', (world) => {
  const page = world.openPage(PAGES.me);
  const slider = node(world, PAGES.me, tag('slider'));
  world.fire(page, slider, binding(slider, 'Change'), { detail: { value: 70 } });
  assert.equal(page.data.volume, 70);
});
check('me: Vant from node_modules: van-cell gets its props; a tap in van-button reaches the page through Vant\'s $emit', (world) => {
  const page = world.openPage(PAGES.me);
  const cells = findAll(world.axml(PAGES.me), tag('van-cell'));
  assert.ok(cells.length >= 1, 'the me page uses van-cell');
  const cell = world.mountChild(page, cells[0]);
  assert.equal(cell.data.title, 'Reminders', 'van-cell title');
  assert.equal(cell.data.border, false, 'border="{{false}}" arrives as false');
  const button = world.mountChild(page, node(world, PAGES.me, tag('van-button')));
  assert.equal(button.data.type, 'primary', 'van-button type');
  // Vant binds its <button> tap to a handler it chooses at run time ({{disabled ? '' : 'onClick'}}).
  const inner = node(world, VANT_BUTTON, tag('button'));
  world.fire(button, inner, binding(inner, 'Tap'));
  assert.equal(page.data.likes, 1, 'the page\'s bind:click handler (onLike) ran once');
  button.setData({ disabled: true });
  world.flush();
  world.fire(button, inner, binding(inner, 'Tap'));
  assert.equal(page.data.likes, 1, 'a disabled van-button binds no handler');
});
check('settings: switch and picker change events set reminder and sort', (world) => {
  const page = world.openPage(PAGES.settings);
  const sw = node(world, PAGES.settings, tag('switch'));
  world.fire(page, sw, binding(sw, 'Change'), { detail: { value: false } });
  assert.equal(page.data.reminder, false);
  const picker = node(world, PAGES.settings, tag('picker'));
  world.fire(page, picker, binding(picker, 'Change'), { detail: { value: '2' } });
  assert.equal(page.data.sort, 2);
});

// ---- Runtime features on synthetic components and pages -------------------------------------

/** A synthetic component registered through the runtime: Component(rt.component(options)). */
function define(world, rt, rel, options, axml = '<view/>') {
  world.define('component', rel, rt.component(options), axml, { component: true });
  return rel;
}

check('rt.component: property defaults per type and WeChat\'s conversions of other values', (world, rt) => {
  const rel = define(world, rt, 'x/types', {
    properties: {
      n: Number, s: String, b: Boolean, o: Object, a: Array, any: null,
      v: { type: Number, value: 5 }, opt: { type: Number, optionalTypes: [String] },
    },
  });
  assert.deepEqual(world.mount(rel).data, { n: 0, s: '', b: false, o: null, a: [], any: null, v: 5, opt: 0 });
  const c = world.mount(rel, { n: '3', s: 7, b: 'x', o: 'str', a: 'x', any: 'x', v: 'abc', opt: 'q' });
  assert.deepEqual(c.data, { n: 3, s: '7', b: true, o: null, a: [], any: 'x', v: 0, opt: 'q' });
}, ['component']);
check('rt.component: created sees defaults, attached the parent\'s values, ready on didMount, detached on didUnmount', (world, rt) => {
  const log = [];
  const rel = define(world, rt, 'x/life', {
    properties: { p: { type: String, value: 'default' } },
    lifetimes: {
      created() { log.push(['created', this.data.p]); },
      attached() { log.push(['attached', this.data.p]); },
      ready() { log.push(['ready']); },
      detached() { log.push(['detached']); },
    },
    attached() { log.push(['top-level attached: must not run, lifetimes wins']); },
    created() { log.push(['top-level created: must not run, lifetimes wins']); },
  });
  const c = world.mount(rel, { p: 'parent' });
  world.unmount(c);
  assert.deepEqual(log, [['created', 'default'], ['attached', 'parent'], ['ready'], ['detached']]);
  const top = [];
  const rel2 = define(world, rt, 'x/life2', { created() { top.push('created'); }, attached() { top.push('attached'); }, ready() { top.push('ready'); }, detached() { top.push('detached'); } });
  world.unmount(world.mount(rel2));
  assert.deepEqual(top, ['created', 'attached', 'ready', 'detached'], 'top-level lifecycle functions');
}, ['component']);
check('rt.component: a property observer gets (newVal, oldVal) for a parent\'s value and for changes only', (world, rt) => {
  const log = [];
  const rel = define(world, rt, 'x/observer', {
    properties: {
      a: { type: Number, value: 1, observer(n, o) { log.push(['a', n, o, this.data.a]); } },
      b: { type: String, observer: 'onB' },
    },
    methods: { onB(n, o) { log.push(['b', n, o]); } },
  });
  const c = world.mount(rel, { a: 2 });
  assert.deepEqual(log.splice(0), [['a', 2, 1, 2]], 'at creation: only the property the parent set to a new value');
  world.update(c, { a: 2, b: 'x' });
  assert.deepEqual(log.splice(0), [['b', 'x', '']], 'an update: only the changed property, by method name');
  world.update(c, { a: '2', b: 'x' });
  assert.deepEqual(log.splice(0), [], 'the same value after conversion');
  world.mount(rel);
  assert.deepEqual(log, [], 'defaults fire nothing');
}, ['component']);
check('rt.component: methods see WeChat events (target = where it started, currentTarget = where bound); plain calls untouched', (world, rt) => {
  const got = [];
  const rel = define(world, rt, 'x/events', {
    methods: { h(e) { got.push(e); }, call() { this.h({ plain: 1 }); this.h(); } },
  }, '<view class="outer" data-where="outer" data-n="{{1}}" onTap="h"><text class="inner" data-where="inner"/></view>');
  const c = world.mount(rel);
  const outer = node(world, rel, 'outer');
  world.fire(c, outer, 'onTap', { from: outer.children[0] });
  world.fire(c, outer, 'onTap', { from: outer.children[0], withCurrentTarget: false });
  for (const e of got.splice(0)) {
    assert.deepEqual(e.target.dataset, { where: 'inner' }, 'e.target.dataset: the node the tap started on');
    assert.deepEqual(e.currentTarget.dataset, { where: 'outer', n: 1 }, 'e.currentTarget.dataset: the bound node');
  }
  c.call();
  assert.deepEqual(got, [{ plain: 1 }, undefined]);
  assert.equal(c.properties, c.data, 'this.properties is this.data');
}, ['component']);
check('rt.component: triggerEvent("my-event") calls the parent\'s onMyEvent (the compiler\'s bind:my-event name)', (world, rt) => {
  const got = [];
  const rel = define(world, rt, 'x/trigger', { methods: { go(name) { this.triggerEvent(name, { n: name }); } } });
  const c = world.mount(rel, { onMyEvent: (e) => got.push(e.type), onSnake_case: () => got.push('wrong'), onSnakeCase: (e) => got.push(e.type), onNs: (e) => got.push(e.type) });
  c.go('my-event');
  c.go('snake_case');
  c.go('ns:');
  c.go('unbound');
  assert.deepEqual(got, ['my-event', 'snake_case', 'ns:']);
}, ['component']);
check('rt.page: page functions see WeChat events; WeChat onResize becomes events.onResize', (world, rt) => {
  const got = [];
  world.define('page', 'x/page', rt.page({
    data: { n: 1 },
    tap(e) { got.push(['tap', e.target.dataset, e.currentTarget.dataset]); },
    onResize(r) { got.push(['resize', r.size.windowWidth]); },
  }), '<view class="box" data-a="box" onTap="tap"><view class="in" data-a="in"/></view>');
  const page = world.openPage('x/page');
  const box = node(world, 'x/page', 'box');
  world.fire(page, box, 'onTap', { from: box.children[0] });
  world.resizePage(page, { windowWidth: 320, windowHeight: 640 });
  assert.deepEqual(got, [['tap', { a: 'in' }, { a: 'box' }], ['resize', 320]]);
}, ['page']);
check('rt.select: this.selectComponent / selectAllComponents find children as $selectComponent does', (world, rt) => {
  const child = define(world, rt, 'x/child', {});
  const rel = define(world, rt, 'x/parent', { methods: { one(s) { return this.selectComponent(s); }, all(s) { return this.selectAllComponents(s); } } });
  const p = world.mount(rel);
  const a = world.mount(child, { id: 'a', class: 'k' }, p);
  const b = world.mount(child, { id: 'b', class: 'k' }, p);
  assert.equal(p.one('#b'), b);
  assert.deepEqual(p.all('.k'), [a, b]);
}, ['component', 'select']);
check('rt.behavior: behaviors (nested, shared, built-in names) merge and run in WeChat\'s order', (world, rt) => {
  const log = [];
  const inner = rt.behavior({
    properties: { fromInner: { type: String, value: 'i' } },
    data: { shared: 'inner', onlyInner: 1 },
    methods: { who() { return 'inner'; }, innerOnly() { return 'inner'; } },
    lifetimes: { created() { log.push('inner created'); }, attached() { log.push('inner attached'); } },
  });
  const outer = rt.behavior({
    behaviors: [inner],
    data: { shared: 'outer' },
    methods: { who() { return 'outer'; } },
    attached() { log.push('outer attached'); },
  });
  const rel = define(world, rt, 'x/behaviors', {
    behaviors: ['wx://form-field', outer, inner],
    data: { own: true },
    methods: { who() { return 'component'; } },
    lifetimes: { attached() { log.push('component attached'); } },
  });
  const c = world.mount(rel);
  assert.deepEqual(log, ['inner created', 'inner attached', 'outer attached', 'component attached']);
  assert.equal(c.who(), 'component');
  assert.equal(c.innerOnly(), 'inner');
  assert.deepEqual(c.data, { fromInner: 'i', shared: 'outer', onlyInner: 1, own: true });
}, ['component', 'behavior']);
check('rt.moreObservers: observers (\'a, b\', \'o.x\', \'**\') fire for setData and for the parent\'s props', (world, rt) => {
  const log = [];
  const rel = define(world, rt, 'x/observers', {
    properties: { a: Number },
    data: { b: 1, o: { x: 1 } },
    observers: {
      'a, b': function (a, b) { log.push(['a,b', a, b]); },
      'o.x': function (x) { log.push(['o.x', x]); },
    },
    methods: { bump() { this.setData({ b: 2 }); }, deep() { this.setData({ 'o.x': 5 }); } },
  });
  const c = world.mount(rel, { a: 7 });
  assert.deepEqual(log.splice(0), [['a,b', 7, 1]], 'the parent\'s value at creation');
  c.bump();
  world.flush();
  assert.deepEqual(log.splice(0), [['a,b', 7, 2]]);
  c.deep();
  world.flush();
  assert.deepEqual(log.splice(0), [['o.x', 5]]);
  world.update(c, { a: 8 });
  assert.deepEqual(log.splice(0), [['a,b', 8, 2]]);
}, ['component', 'moreObservers']);
check('rt.morePageLifetimes: pageLifetimes show/hide/resize run from the page (rootEvents); moved, error, export, relations; externalClasses left to the compiler', (world, rt) => {
  const log = [];
  const rel = define(world, rt, 'x/more', {
    pageLifetimes: { show() { log.push('show'); }, hide() { log.push('hide'); }, resize(r) { log.push(['resize', r.size.windowWidth]); } },
    lifetimes: { moved() { log.push('moved'); }, error(e) { log.push(['error', e.message]); } },
    relations: { './item': { type: 'child' } },
    externalClasses: ['my-class'],
    export() { return { exported: true }; },
  });
  world.define('page', 'x/host', rt.page({}), '<more/>', { usingComponents: { more: '/x/more' } });
  const page = world.openPage('x/host');
  const c = world.mountChild(page, node(world, 'x/host', tag('more')));
  world.hidePage(page);
  world.showPage(page);
  world.resizePage(page, { windowWidth: 300, windowHeight: 500 });
  world.move(c);
  const options = world.registered.component.get(rel);
  options.onError.call(c, new Error('boom'));
  assert.deepEqual(log, ['hide', 'show', ['resize', 300], 'moved', ['error', 'boom']]);
  assert.deepEqual(options.ref(), { exported: true }, 'export() -> ref()');
  assert.deepEqual(options.relations, { './item': { type: 'child' } });
  assert.equal(options.externalClasses, undefined, 'the compiler fills external classes in; Alipay\'s own mechanism is not asked for');
  assert.deepEqual(options.options, { observers: false, lifetimes: true, relations: true });
}, ['component', 'page', 'morePageLifetimes', 'moreMoved', 'moreError', 'moreExport', 'moreRelations']);
check('rt.moreRelations: relations reach Alipay as they are, switched on in options', (world, rt) => {
  const inner = rt.behavior({ relations: { './a': { type: 'parent' } } });
  const rel = define(world, rt, 'x/relations', { behaviors: [inner], relations: { './b': { type: 'child' } } });
  const options = world.registered.component.get(rel);
  assert.deepEqual(options.relations, { './a': { type: 'parent' }, './b': { type: 'child' } });
  assert.equal(options.options.relations, true);
}, ['component', 'behavior', 'moreRelations']);
check('rt.component: no observers, relations, rootEvents, lifetimes, onError or ref when the component has none', (world, rt) => {
  const options = rt.component({ properties: { a: Number }, methods: { m() {} }, options: { multipleSlots: true } });
  for (const k of ['observers', 'relations', 'externalClasses', 'rootEvents', 'lifetimes', 'onError', 'ref']) assert.ok(!(k in options), `${k} is set`);
  for (const k of Object.keys(options.options || {})) assert.equal(options.options[k], false, `options.${k}`);
}, ['component']);
check('rt.model: model:value sets the data path, then the user\'s handler gets the event without the mw keys', (world, rt) => {
  const got = [];
  world.define('page', 'x/form', rt.page({
    data: { form: { name: '' } },
    onName(e) { got.push([e.detail.value, e.currentTarget.dataset, this.data.form.name]); },
  }), '<input class="name" value="{{form.name}}" onInput="__mwModel" data-mw-model="form.name" data-mw-then="onName" data-field="name"/>' +
    '<input class="plain" value="{{list[1]}}" onInput="__mwModel" data-mw-model="list[1]"/>');
  const page = world.openPage('x/form');
  world.fire(page, node(world, 'x/form', 'name'), 'onInput', { detail: { value: 'Ann' } });
  assert.equal(page.data.form.name, 'Ann');
  assert.deepEqual(got, [['Ann', { field: 'name' }, 'Ann']]);
  world.fire(page, node(world, 'x/form', 'plain'), 'onInput', { detail: { value: 'b' }, withCurrentTarget: false });
  assert.equal(page.data.list[1], 'b');
  const rel = define(world, rt, 'x/model-in-component', { data: { v: '' } }, '<input class="v" onInput="__mwModel" data-mw-model="v"/>');
  const c = world.mount(rel);
  world.fire(c, node(world, rel, 'v'), 'onInput', { detail: { value: 'z' } });
  assert.equal(c.data.v, 'z');
}, ['component', 'page', 'model']);
check('rt.pageOptions: a page built with Component() runs as a Page: query into properties, lifetimes around the page hooks, methods as page functions', (world, rt) => {
  const log = [];
  world.define('page', 'x/cpage', rt.page(rt.pageOptions({
    properties: { id: Number, title: String },
    data: { n: 1 },
    lifetimes: { created() { log.push('created'); }, attached() { log.push(['attached', this.data.id]); }, ready() { log.push('ready'); }, detached() { log.push('detached'); } },
    pageLifetimes: { show() { log.push('show'); } },
    methods: { onLoad(q) { log.push(['onLoad', q.id, this.data.title]); }, bump() { this.setData({ n: this.data.n + 1 }); } },
  })), '<view/>');
  const page = world.openPage('x/cpage', { id: '7', title: 'T' });
  assert.deepEqual(log, ['created', ['attached', 7], ['onLoad', '7', 'T'], 'show', 'ready']);
  page.bump();
  assert.equal(page.data.n, 2);
}, ['page', 'pageOptions']);
check('rt.model: model:value on a custom component updates the parent\'s path when the component sets the property itself', (world, rt) => {
  world.define('page', 'x/field-host', rt.page({ data: { name: 'Ann' } }), '<view/>');
  const page = world.openPage('x/field-host');
  const rel = define(world, rt, 'x/field', { properties: { value: String }, methods: { type(v) { this.setData({ value: v, other: 1 }); } } });
  // What the compiler writes for <field model:value="{{name}}"/>: value, onMwModelValue, data-mw-model.
  const c = world.mount(rel, { value: 'Ann', onMwModelValue: (e) => page.__mwModel(e), 'data-mw-model': 'name' });
  assert.equal(page.data.name, 'Ann', 'the parent\'s own value does not echo back');
  c.type('Bob');
  assert.equal(page.data.name, 'Bob');
  const plain = world.mount(rel, { value: 'x' });
  plain.type('y');
  assert.equal(plain.data.value, 'y', 'without model: the component keeps its own value');
}, ['component', 'page', 'model']);

// ---- Running -----------------------------------------------------------------------------------

/** Runs every check against `root` with the runtime module `runtimeFile`; returns the results. */
async function runAll(root, runtimeFile) {
  const results = [];
  let rtExports = {};
  try {
    rtExports = fs.existsSync(runtimeFile) ? require(runtimeFile) : {};
  } finally {
    delete require.cache[runtimeFile];
  }
  for (const c of checks) {
    const missing = c.needs.filter((n) => typeof rtExports[n] !== 'function');
    if (missing.length) {
      results.push({ name: c.name, skipped: missing });
      continue;
    }
    const world = createWorld(root);
    world.install();
    let error = null;
    try {
      delete require.cache[runtimeFile];
      const rt = c.needs.length ? require(runtimeFile) : null; // the emitted files require it themselves
      if (c.name.startsWith('app:')) await c.fn(world, rt);
      else {
        world.launch();
        await c.fn(world, rt);
      }
      await world.settle();
      if (world.problems.length) throw new Error(world.problems.join('\n'));
    } catch (err) {
      const extra = world.problems.filter((p) => !String(err.message).includes(p));
      error = `${err.message}${extra.length ? `\n${extra.join('\n')}` : ''}`;
    } finally {
      world.uninstall();
      delete require.cache[runtimeFile];
    }
    results.push({ name: c.name, error });
  }
  return results;
}

function report(results, label) {
  const failed = results.filter((r) => r.error);
  const skipped = results.filter((r) => r.skipped);
  const ran = results.length - skipped.length;
  const features = [...new Set(skipped.flatMap((r) => r.skipped))];
  return { failed, skipped, ran, features, label };
}

async function main() {
  const root = path.resolve(positional[0]);
  const runtimeFile = path.resolve(runtimeArg || path.join(root, 'miniweave_runtime', 'component.js'));
  if (selfTest) return runSelfTest(root);
  const results = await runAll(root, runtimeFile);
  const { failed, ran, features } = report(results);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const skippedNote = features.length ? `; skipped checks of ${features.map((f) => `rt.${f}`).join(', ')} (not in ${path.relative(process.cwd(), runtimeFile)})` : '';
  if (failed.length) {
    console.error(`alipay-component-model: ${failed.length} of ${ran} check(s) failed (${seconds}s)${skippedNote}`);
    for (const f of failed) console.error(`  ✗ ${f.name}\n      ${f.error.split('\n').join('\n      ')}`);
    process.exit(1);
  }
  console.log(`alipay-component-model: ${ran} checks passed in ${seconds}s${skippedNote}`);
}

// ---- Self-test: broken copies must fail the checks that guard them ----------------------------

const MUTATIONS = require('./component-model-mutations')

async function runSelfTest(root) {
  const { assemble } = require('../lib/assemble-runtime');
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'miniweave-alipay-model-'));
  const failures = [];
  const caughtBy = [];
  try {
    // The folder with a runtime holding every snippet, so every check runs.
    const full = path.join(base, 'full');
    fs.cpSync(root, full, { recursive: true });
    fs.mkdirSync(path.join(full, 'miniweave_runtime'), { recursive: true });
    // Every snippet there is, so a new one is part of the baseline without a change here.
    fs.writeFileSync(path.join(full, 'miniweave_runtime', 'component.js'), assemble('alipay', 'component'));
    const baseline = await runAll(full, path.join(full, 'miniweave_runtime', 'component.js'));
    for (const r of baseline) {
      if (r.error) failures.push(`baseline: ${r.name}\n      ${r.error.split('\n').join('\n      ')}`);
      if (r.skipped) failures.push(`baseline: ${r.name} skipped (${r.skipped.join(', ')})`);
    }
    for (const [i, m] of MUTATIONS.entries()) {
      const dir = path.join(base, `m${i}`);
      fs.cpSync(full, dir, { recursive: true });
      const file = path.join(dir, m.file);
      const text = fs.readFileSync(file, 'utf8');
      if (!text.includes(m.from)) {
        failures.push(`mutation "${m.name}": ${m.file} has no "${m.from}" any more (update the self-test)`);
        continue;
      }
      fs.writeFileSync(file, text.split(m.from).join(m.to));
      const results = await runAll(dir, path.join(dir, 'miniweave_runtime', 'component.js'));
      const failed = results.filter((r) => r.error).map((r) => r.name);
      caughtBy.push(...failed);
      const missed = m.expect.filter((prefix) => !failed.some((n) => n.startsWith(prefix)));
      if (missed.length) failures.push(`mutation "${m.name}" went unnoticed by: ${missed.join('; ')} (failed: ${failed.join('; ') || 'none'})`);
      else if (verbose) console.log(`  ✓ ${m.name}: caught by ${failed.length} check(s):\n      ${failed.join('\n      ')}`);
      else console.log(`  ✓ ${m.name}: caught by ${failed.length} check(s)`);
    }
    // Every check must guard something: a check no broken copy fails proves nothing.
    const caught = new Set(caughtBy);
    for (const c of checks) if (!caught.has(c.name)) failures.push(`no broken copy fails "${c.name}" (add a mutation)`);
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (failures.length) {
    console.error(`alipay-component-model --self-test: ${failures.length} problem(s) (${seconds}s)`);
    for (const f of failures) console.error(`  ✗ ${f}`);
    process.exit(1);
  }
  console.log(`alipay-component-model --self-test: ${checks.length} checks pass on the folder with every snippet; ${MUTATIONS.length} broken copies each caught, every check fails on at least one (${seconds}s)`);
}

main().catch((err) => {
  console.error(`alipay-component-model: crashed: ${err && err.stack}`);
  process.exit(1);
});
