// A fake Alipay mini-program world for judging emitted Alipay code in plain Node: the globals the
// code registers itself with (Component, Page, App, getApp, getCurrentPages, my) and instances
// that behave as Alipay's documentation describes. Every imitated behaviour cites the page of
// AlipayDocs/open-docs (under mini/framework/) it follows; where the docs are silent, the comment
// says what is assumed. Used by ./component-model.js.
//
// What is imitated:
// - Component(options) (自定义组件/组件对象.md): props = the options' props defaults merged with the
//   attributes a parent passes; attributes starting with `on` whose value names a parent method
//   arrive as that function, others as strings or evaluated {{ }} values (组件对象.md "外部使用传递
//   props"); methods on the instance; data, props, is, $id, $page; setData / $spliceData;
//   $selectComponent / $selectAllComponents; mixins (自定义组件/mixins.md).
// - component2 lifecycles (自定义组件/生命周期.md; order from 组件模板和样式.md "使用示例"): creation
//   onInit -> deriveDataFromProps(props) -> didMount; update deriveDataFromProps(nextProps) (this.props
//   still the old ones) -> didUpdate(prevProps, prevData), after a parent's new props and after the
//   component's own setData; didUnmount. Only when mini.project.json enables component2
//   (小程序全局配置/项目配置.md compileOptions.component2): otherwise onInit/deriveDataFromProps never run.
// - options.observers (自定义组件/数据变化观测器.md), options.lifetimes (生命周期.md "节点树维度生命周期"),
//   rootEvents (组件对象.md; page events per 小程序页面/页面运行机制.md "events").
// - Page(options) (小程序页面/页面运行机制.md): object data shared by every instance of the page, a
//   data function called per instance; onLoad(query) -> onShow -> onReady; top-level functions on
//   the instance; events; setData with paths ('array[2].message', 'a.b.c.d', new keys allowed);
//   setData values must be JSON and not undefined.
// - Event objects (事件系统/事件对象.md): type, timeStamp, target { id, tagName, dataset (the data-* of
//   the node the handler is bound on), targetDataset (of the node where the event started) },
//   currentTarget (present in the doc's printed example, absent from its table: both are produced),
//   detail.
// Not imitated: rendering, bubbling between nodes, relations linking (only the options are read).
'use strict';

const fs = require('fs');
const path = require('path');
const { createMy } = require('../runtime/my-mock');

// Component() fields Alipay documents (组件对象.md 参数 table; onError: 生命周期.md).
const COMPONENT_FIELDS = new Set(['data', 'options', 'observers', 'props', 'onInit', 'deriveDataFromProps', 'didMount',
  'didUpdate', 'didUnmount', 'onError', 'mixins', 'methods', 'ref', 'relations', 'externalClasses', 'lifetimes', 'rootEvents']);
// options switches (组件模板和样式.md virtualHost; 数据变化观测器.md; 生命周期.md; 组件间关系.md; 外部样式类).
const COMPONENT_OPTIONS = new Set(['virtualHost', 'observers', 'lifetimes', 'relations', 'externalClasses']);
// WeChat Component() fields with no Alipay meaning: seeing one means the options were not adapted.
const WECHAT_ONLY = new Set(['properties', 'behaviors', 'pageLifetimes', 'created', 'attached', 'ready', 'moved',
  'detached', 'error', 'definitionFilter', 'export']);

/** 'a.b[1].c' -> ['a', 'b', 1, 'c'] (小程序页面/页面运行机制.md setData: "以数据路径的形式给出"). */
function parsePath(p) {
  const out = [];
  String(p).replace(/([^.[\]]+)|\[(\d+)\]/g, (m, key, index) => {
    out.push(index !== undefined ? Number(index) : key.trim());
    return m;
  });
  return out;
}

function getPath(obj, tokens) {
  let v = obj;
  for (const t of tokens) {
    if (v == null) return undefined;
    v = v[t];
  }
  return v;
}

/** Sets a data path, creating what is missing ("可以不需要在 this.data 中预先定义"). */
function setPath(obj, tokens, value) {
  let o = obj;
  tokens.forEach((t, i) => {
    if (i === tokens.length - 1) o[t] = value;
    else {
      if (o[t] == null || typeof o[t] !== 'object') o[t] = typeof tokens[i + 1] === 'number' ? [] : {};
      o = o[t];
    }
  });
}

function copy(v) {
  if (Array.isArray(v)) return v.map(copy);
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const r = {};
    for (const k of Object.keys(v)) r[k] = copy(v[k]);
    return r;
  }
  return v;
}

/** Why a setData value breaks 页面运行机制.md setData ("仅支持设置可 JSON 化的数据", no undefined), or ''. */
function notJson(v, where) {
  if (v === undefined) return `${where} is undefined ("请不要把 data 中任何一项的 value 设为 undefined")`;
  if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') return `${where} is a ${typeof v}, not JSON data`;
  if (typeof v === 'number' && !Number.isFinite(v)) return `${where} is ${v}, not JSON data`;
  if (v && typeof v === 'object') {
    for (const k of Object.keys(v)) {
      if (v[k] === undefined) continue; // JSON drops it, as the view layer would
      const bad = notJson(v[k], `${where}.${k}`);
      if (bad) return bad;
    }
  }
  return '';
}

// ---- AXML: enough of a parser to find elements and read their attributes ---------------------

function parseAxml(text) {
  const root = { tag: '#root', attrs: {}, children: [], parent: null };
  let cur = root;
  const re = /<!--[\s\S]*?-->|<\/([\w\-:.]+)\s*>|<([\w\-:.]+)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)\s*(\/?)>/g;
  let m;
  while ((m = re.exec(text))) {
    if (m[1]) {
      while (cur !== root && cur.tag !== m[1]) cur = cur.parent;
      if (cur !== root) cur = cur.parent;
    } else if (m[2]) {
      const attrs = {};
      m[3].replace(/([^\s=/>]+)(?:\s*=\s*("([^"]*)"|'([^']*)'))?/g, (all, name, q, dq, sq) => {
        attrs[name] = q === undefined ? true : dq !== undefined ? dq : sq;
        return all;
      });
      const node = { tag: m[2], attrs, children: [], parent: cur };
      cur.children.push(node);
      if (!m[4]) cur = node;
    }
  }
  return root;
}

function findAll(node, pred, out = []) {
  for (const c of node.children) {
    if (pred(c)) out.push(c);
    findAll(c, pred, out);
  }
  return out;
}

// A class as the source wrote it: components' class names are scoped, `title` emitted as
// `<prefix>-title` with a prefix of `m` and six base-36 digits (LANGUAGE.md §5).
const hasClass = (cls) => (n) =>
  typeof n.attrs.class === 'string' && n.attrs.class.split(/\s+/).some((c) => c === cls || (/^m[0-9a-z]{6}-/.test(c) && c.slice(8) === cls));

/** A {{ }} attribute value evaluated in scope (AXML 数据绑定: a lone {{x}} keeps x's type). */
function evalAttr(value, scope) {
  if (value === true) return true;
  const one = /^\s*\{\{([\s\S]*)\}\}\s*$/.exec(value);
  // eslint-disable-next-line no-new-func
  const run = (expr) => new Function('__s', `with (__s) { return (${expr}); }`)(scope);
  if (one && !one[1].includes('}}')) return run(one[1]);
  return String(value).replace(/\{\{([\s\S]*?)\}\}/g, (m, e) => String(run(e)));
}

/** The for-item scope of a node inside `a:for` (AXML 列表渲染: a:for-item/a:for-index, item/index by default). */
function loopScope(node, parentScope, index) {
  let n = node;
  while (n && !n.attrs['a:for']) n = n.parent;
  if (!n) return parentScope;
  const list = evalAttr(n.attrs['a:for'], parentScope);
  if (!list || index >= list.length) return null; // the iteration is gone
  const item = n.attrs['a:for-item'] || 'item';
  const idx = n.attrs['a:for-index'] || 'index';
  return Object.assign(Object.create(null), parentScope, { [item]: list[index], [idx]: index });
}

// ---- The world -------------------------------------------------------------------------------

function createWorld(root) {
  const problems = [];
  const problem = (msg) => problems.push(msg);
  const mock = createMy();
  mock.reset();
  const projectFile = path.join(root, 'mini.project.json');
  const project = fs.existsSync(projectFile) ? JSON.parse(fs.readFileSync(projectFile, 'utf8')) : {};
  // 项目配置.md: compileOptions.component2 (format 2) switches on onInit / deriveDataFromProps.
  const component2 = !!((project.compileOptions && project.compileOptions.component2) || project.component2);
  const registered = { component: new Map(), page: new Map(), app: null };
  let registering = null;
  let nextId = 1;
  const dirty = new Set();
  const pages = [];
  let app = null;

  const world = {
    root, mock, problems, component2, registered,
    get pages() { return pages; },
  };

  // The globals emitted code registers itself with.
  const globals = {
    my: mock.my,
    Component(options) {
      if (!registering || registering.kind !== 'component') return problem(`Component() called outside a component file (${registering ? registering.rel : 'no file loading'})`);
      if (registered.component.has(registering.rel)) return problem(`${registering.rel}: Component() called twice`);
      registered.component.set(registering.rel, options);
    },
    Page(options) {
      if (!registering || registering.kind !== 'page') return problem(`Page() called outside a page file (${registering ? registering.rel : 'no file loading'})`);
      if (registered.page.has(registering.rel)) return problem(`${registering.rel}: Page() called twice`);
      registered.page.set(registering.rel, options);
    },
    App(options) {
      registered.app = options;
    },
    // app.js 注册小程序 / getApp: the App instance; getCurrentPages: the page stack, top last.
    getApp() { return app; },
    getCurrentPages() { return pages.slice(); },
  };
  const saved = {};
  world.install = () => {
    for (const k of Object.keys(globals)) {
      saved[k] = Object.getOwnPropertyDescriptor(globalThis, k);
      globalThis[k] = globals[k];
    }
    // Each world loads the emitted modules afresh.
    for (const k of Object.keys(require.cache)) if (k.startsWith(root + path.sep)) delete require.cache[k];
  };
  world.uninstall = () => {
    for (const k of Object.keys(globals)) {
      if (saved[k]) Object.defineProperty(globalThis, k, saved[k]);
      else delete globalThis[k];
    }
    for (const k of Object.keys(require.cache)) if (k.startsWith(root + path.sep)) delete require.cache[k];
  };

  function load(kind, rel) {
    const map = kind === 'component' ? registered.component : registered.page;
    if (!map.has(rel)) {
      const file = path.join(root, `${rel}.js`);
      if (!fs.existsSync(file)) throw new Error(`${rel}.js is missing from the emitted folder`);
      registering = { kind, rel };
      try {
        require(file);
      } finally {
        registering = null;
      }
      if (!map.has(rel)) throw new Error(`${rel}.js did not call ${kind === 'component' ? 'Component' : 'Page'}()`);
    }
    return map.get(rel);
  }
  /** Registers a definition written by a check (no file), with its template and config. */
  const synthetic = new Map();
  world.define = (kind, rel, options, axml = '', json = {}) => {
    (kind === 'component' ? registered.component : registered.page).set(rel, options);
    synthetic.set(rel, { axml, json });
  };
  world.axml = (rel) => {
    if (synthetic.has(rel)) return parseAxml(synthetic.get(rel).axml);
    const file = path.join(root, `${rel}.axml`);
    if (!fs.existsSync(file)) throw new Error(`${rel}.axml is missing from the emitted folder`);
    return parseAxml(fs.readFileSync(file, 'utf8'));
  };
  world.json = (rel) => synthetic.has(rel) ? synthetic.get(rel).json : JSON.parse(fs.readFileSync(path.join(root, `${rel}.json`), 'utf8'));

  /** app.js: App(options) (app.js 注册小程序.md); onLaunch then onShow. */
  world.launch = (options = { query: {}, scene: 1001, path: 'pages/index/index' }) => {
    if (!registered.app) {
      registering = { kind: 'app', rel: 'app' };
      try {
        require(path.join(root, 'app.js'));
      } finally {
        registering = null;
      }
    }
    if (!registered.app) throw new Error('app.js did not call App()');
    app = registered.app;
    if (typeof app.onLaunch === 'function') app.onLaunch(options);
    if (typeof app.onShow === 'function') app.onShow(options);
    return app;
  };

  // ---- setData, shared by pages and components ----
  function makeSetData(inst) {
    return function setData(update, callback) {
      if (!update || typeof update !== 'object') return problem(`${inst.is}: setData(${update}) needs an object`);
      if (!inst.__mw.inCycle && !inst.__mw.prevData) inst.__mw.prevData = Object.assign({}, inst.data);
      for (const key of Object.keys(update)) {
        const bad = notJson(update[key], `${inst.is}: setData key "${key}"`);
        if (bad) problem(bad);
        if (update[key] === undefined) continue; // "这一项将不被设置"
        setPath(inst.data, parsePath(key), update[key]);
        inst.__mw.dirtyKeys.push(key);
      }
      if (!inst.__mw.inCycle) dirty.add(inst);
      if (typeof callback === 'function') inst.__mw.callbacks.push(callback);
    };
  }
  // $spliceData (页面运行机制.md): value [start, deleteCount, ...items] at a path.
  function makeSpliceData(inst) {
    return function $spliceData(update, callback) {
      for (const key of Object.keys(update)) {
        const arr = getPath(inst.data, parsePath(key));
        if (!Array.isArray(arr)) problem(`${inst.is}: $spliceData on "${key}", not an array`);
        else arr.splice(...update[key]);
        inst.__mw.dirtyKeys.push(key);
      }
      if (!inst.__mw.inCycle) dirty.add(inst);
      if (typeof callback === 'function') inst.__mw.callbacks.push(callback);
    };
  }

  // ---- observers (数据变化观测器.md) ----
  function observerFires(obsPath, key) {
    const o = parsePath(obsPath.trim());
    const deep = o[o.length - 1] === '**';
    if (deep) o.pop();
    if (o.length === 0) return deep; // '**': every setData and every prop change
    const k = parsePath(key);
    const same = (a, b, n) => a.slice(0, n).every((t, i) => String(t) === String(b[i]));
    // Setting the field or one of its parents fires it ("设置 this.data.some 也会触发"); a child only with '.**'.
    return k.length <= o.length ? same(o, k, k.length) : deep && same(k, o, o.length);
  }
  function runObservers(inst, observers) {
    // Callbacks that setData again are checked again (component2 behaviour in 数据变化观测器.md).
    for (let round = 0; inst.__mw.dirtyKeys.length; round++) {
      if (round > 20) return problem(`${inst.is}: observers keep setting data (a loop)`);
      const keys = inst.__mw.dirtyKeys.splice(0);
      for (const [spec, fn] of observers) {
        if (!spec.split(',').some((p) => keys.some((k) => observerFires(p, k)))) continue;
        const all = Object.assign({}, inst.props, inst.data);
        const args = spec.trim() === '**' ? [all] : spec.split(',').map((p) => getPath(all, parsePath(p.trim()).filter((t) => t !== '**')));
        fn.apply(inst, args);
      }
    }
  }
  function observerList(defs) {
    const out = [];
    for (const d of defs) for (const k of Object.keys(d.observers || {})) out.push([k, d.observers[k]]);
    return out;
  }

  // ---- Components ----
  /** The definitions in call order: mixins first, in order, then the component (mixins.md). */
  function definitions(options) {
    return [...(options.mixins || []), options];
  }
  function callHook(defs, name, inst, args) {
    for (const d of defs) if (typeof d[name] === 'function') d[name].apply(inst, args || []);
  }
  function lifetime(defs, options, name, inst) {
    if (!(options.options && options.options.lifetimes)) return; // 生命周期.md "开启 lifetimes"
    for (const d of defs) if (d.lifetimes && typeof d.lifetimes[name] === 'function') d.lifetimes[name].call(inst);
  }

  function checkComponentOptions(rel, options) {
    for (const k of Object.keys(options)) {
      if (WECHAT_ONLY.has(k)) problem(`${rel}: Component() got the WeChat field \`${k}\`, which Alipay ignores (自定义组件/组件对象.md)`);
      else if (!COMPONENT_FIELDS.has(k)) problem(`${rel}: Component() got \`${k}\`, not a field of Alipay's Component (组件对象.md)`);
    }
    for (const k of Object.keys(options.options || {})) {
      if (!COMPONENT_OPTIONS.has(k)) problem(`${rel}: Component options.${k} is not an Alipay option`);
    }
    for (const [field, flag, doc] of [['observers', 'observers', '数据变化观测器.md'], ['lifetimes', 'lifetimes', '生命周期.md'],
      ['relations', 'relations', '组件间关系.md'], ['externalClasses', 'externalClasses', '组件模板和样式.md 外部样式类']]) {
      if (options[field] && !(options.options && options.options[flag])) {
        problem(`${rel}: \`${field}\` without options.${flag}: Alipay ignores it (${doc})`);
      }
    }
    for (const k of Object.keys(options.methods || {})) {
      if (typeof options.methods[k] !== 'function') problem(`${rel}: methods.${k} is not a function`);
    }
  }

  /**
   * Creates a component instance as a parent's template would: `attrs` are the tag's attributes
   * (already resolved, see attrsFrom). Returns the instance (methods on it, as 组件对象.md's
   * `this.plusOne` style uses them).
   */
  world.mount = (rel, attrs = {}, parent = null, extra = {}) => {
    const options = load('component', rel);
    if (!options.__mwChecked) {
      checkComponentOptions(rel, options);
      Object.defineProperty(options, '__mwChecked', { value: true });
    }
    const defs = definitions(options);
    const defaults = {};
    for (const d of defs) Object.assign(defaults, d.props); // component's props win (mixins.md)
    const data = {};
    for (const d of defs) Object.assign(data, copy(typeof d.data === 'function' ? d.data() : d.data)); // component's data wins
    const inst = {
      is: `/${rel}`,
      $id: nextId++,
      $page: parent ? (parent.__mw.page || parent) : null,
      props: Object.assign({}, defaults, attrs),
      data,
      __mw: { kind: 'component', rel, options, defs, dirtyKeys: [], callbacks: [], children: [], parent, page: parent ? (parent.__mw.page || parent) : null, ...extra },
    };
    inst.setData = makeSetData(inst);
    inst.$spliceData = makeSpliceData(inst);
    inst.$selectComponent = (sel) => selectAll(inst, sel)[0] || null; // 组件对象.md, 2.8.0
    inst.$selectAllComponents = (sel) => selectAll(inst, sel);
    // Methods: later definitions win (mixins.md "同名字段的覆盖"), all on the instance.
    for (const d of defs) for (const k of Object.keys(d.methods || {})) inst[k] = d.methods[k];
    if (parent) parent.__mw.children.push(inst);
    inst.__mw.inCycle = true;
    lifetime(defs, options, 'created', inst);
    if (component2) callHook(defs, 'onInit', inst);
    if (component2) callHook(defs, 'deriveDataFromProps', inst, [inst.props]);
    if (options.options && options.options.observers) runObservers(inst, observerList(defs));
    inst.__mw.dirtyKeys.length = 0;
    inst.__mw.inCycle = false;
    lifetime(defs, options, 'attached', inst);
    callHook(defs, 'didMount', inst);
    lifetime(defs, options, 'ready', inst);
    world.flush();
    return inst;
  };

  /** An update: a parent passed new props (nextProps) or the component set its data. */
  function updateComponent(inst, nextProps) {
    const { defs, options } = inst.__mw;
    const prevProps = inst.props;
    const prevData = inst.__mw.prevData || Object.assign({}, inst.data);
    inst.__mw.prevData = null;
    const next = nextProps || inst.props;
    inst.__mw.inCycle = true;
    if (component2) callHook(defs, 'deriveDataFromProps', inst, [next]);
    // A changed prop counts as set unless data has the same name (数据变化观测器.md 注意事项).
    for (const k of Object.keys(next)) if (next[k] !== prevProps[k] && !(k in inst.data)) inst.__mw.dirtyKeys.push(k);
    inst.props = next;
    if (options.options && options.options.observers) runObservers(inst, observerList(defs));
    inst.__mw.dirtyKeys.length = 0;
    inst.__mw.inCycle = false;
    callHook(defs, 'didUpdate', inst, [prevProps, prevData]);
    for (const cb of inst.__mw.callbacks.splice(0)) cb.call(inst);
  }

  world.unmount = (inst) => {
    for (const c of inst.__mw.children.slice()) world.unmount(c);
    if (inst.__mw.kind !== 'component') return;
    callHook(inst.__mw.defs, 'didUnmount', inst);
    lifetime(inst.__mw.defs, inst.__mw.options, 'detached', inst);
    const siblings = inst.__mw.parent ? inst.__mw.parent.__mw.children : [];
    if (siblings.includes(inst)) siblings.splice(siblings.indexOf(inst), 1);
  };
  /** 生命周期.md "moved": the node moved in the tree. */
  world.move = (inst) => lifetime(inst.__mw.defs, inst.__mw.options, 'moved', inst);

  function selectAll(inst, sel) {
    const out = [];
    const walk = (p) => p.__mw.children.forEach((c) => {
      const id = c.props.id;
      const cls = String(c.props.class || '').split(/\s+/);
      if ((sel.startsWith('#') && id === sel.slice(1)) || (sel.startsWith('.') && cls.includes(sel.slice(1)))) out.push(c);
      walk(c);
    });
    walk(inst);
    return out;
  }

  // ---- Pages ----
  world.openPage = (rel, query = {}) => {
    const options = load('page', rel);
    for (const k of ['properties', 'methods', 'lifetimes', 'behaviors']) {
      if (k in options) problem(`${rel}: Page() got the WeChat Component field \`${k}\``);
    }
    // "当 data 为对象时，被所有页面共享" (页面运行机制.md 页面数据对象 data): the same object.
    const data = typeof options.data === 'function' ? options.data() : (options.data || (options.data = {}));
    const inst = { route: rel, is: rel, data, __mw: { kind: 'page', rel, options, dirtyKeys: [], callbacks: [], children: [] } };
    for (const k of Object.keys(options)) if (typeof options[k] === 'function' && k !== 'data') inst[k] = options[k];
    inst.setData = makeSetData(inst);
    inst.$spliceData = makeSpliceData(inst);
    inst.$selectComponent = (sel) => selectAll(inst, sel)[0] || null;
    inst.$selectAllComponents = (sel) => selectAll(inst, sel);
    pages.push(inst);
    // Page lifecycle order (页面运行机制.md 页面生命周期): onLoad(query), onShow, then onReady after the first render.
    if (typeof options.onLoad === 'function') inst.onLoad(query);
    world.flush();
    world.showPage(inst);
    if (typeof options.onReady === 'function') inst.onReady();
    world.flush();
    return inst;
  };
  function pageEvent(page, name, args) {
    const options = page.__mw.options;
    // Page-level lifecycle functions, and events (页面运行机制.md "events"; onShow/onHide appear in @mini-types Page.Events too).
    if (typeof options[name] === 'function' && (name === 'onShow' || name === 'onHide')) options[name].apply(page, args);
    else if (options.events && typeof options.events[name] === 'function') options.events[name].apply(page, args);
    // Components hear their page through rootEvents (组件对象.md, 2.8.6).
    const walk = (p) => p.__mw.children.forEach((c) => {
      const defs = c.__mw.defs;
      for (const d of defs) if (d.rootEvents && typeof d.rootEvents[name] === 'function') d.rootEvents[name].apply(c, args);
      walk(c);
    });
    walk(page);
    world.flush();
  }
  world.showPage = (page) => pageEvent(page, 'onShow', []);
  world.hidePage = (page) => pageEvent(page, 'onHide', []);
  world.resizePage = (page, size) => pageEvent(page, 'onResize', [{ size }]);
  world.closePage = (page) => {
    world.unmount(page);
    if (typeof page.__mw.options.onUnload === 'function') page.onUnload();
    pages.splice(pages.indexOf(page), 1);
  };

  // ---- Rendering the bits the checks need ----
  /**
   * The props a parent's template gives a custom-component tag (组件对象.md "外部使用传递 props"):
   * `on*` attributes naming a parent method arrive as that method bound to the parent; {{ }} values
   * are evaluated in the parent's data (and loop scope); other values are strings.
   */
  world.attrsFrom = (node, parent, scope) => {
    const props = {};
    const all = Object.assign(Object.create(null), parent.__mw.kind === 'component' ? parent.props : {}, parent.data, scope);
    for (const [name, value] of Object.entries(node.attrs)) {
      if (name.startsWith('a:') || name === 'key' || name === 'slot') continue;
      if (/^on[A-Z]/.test(name) && typeof value === 'string' && !value.includes('{{')) {
        const fn = parent[value];
        if (typeof fn !== 'function') problem(`<${node.tag} ${name}="${value}">: ${parent.is} has no method ${value}`);
        else props[name] = function () { return parent[value].apply(parent, arguments); };
      } else props[name] = evalAttr(value, all);
    }
    return props;
  };
  /**
   * Mounts the custom component a parent's template uses at `node` (index = loop iteration), and
   * re-renders it whenever the parent's data changes.
   */
  world.mountChild = (parent, node, index = 0) => {
    const using = world.json(parent.__mw.rel).usingComponents || {};
    const target = using[node.tag];
    if (!target) throw new Error(`${parent.__mw.rel}.json does not declare <${node.tag}>`);
    const rel = target.startsWith('/') ? target.slice(1) : path.posix.join(path.posix.dirname(parent.__mw.rel), target);
    const scopeOf = () => loopScope(node, Object.assign(Object.create(null), parent.data), index);
    const scope = scopeOf();
    if (!scope) throw new Error(`<${node.tag}> has no iteration ${index} in ${parent.__mw.rel}`);
    const inst = world.mount(rel, world.attrsFrom(node, parent, scope), parent, { node, scopeOf });
    return inst;
  };
  function rerenderChildren(parent) {
    for (const child of parent.__mw.children.slice()) {
      if (!child.__mw.node) continue;
      const scope = child.__mw.scopeOf();
      if (!scope) {
        world.unmount(child); // its a:for iteration is gone, so is the node
        continue;
      }
      world.update(child, world.attrsFrom(child.__mw.node, parent, scope));
    }
  }
  /** A parent passes new attributes: props = defaults + attrs; an update if any value changed. */
  world.update = (child, attrs) => {
    const next = Object.assign({}, ...definitions(child.__mw.options).map((d) => d.props || {}), attrs);
    // Function props are new closures each render of the parent; they do not count as a change.
    for (const k of Object.keys(next)) if (typeof next[k] === 'function' && typeof child.props[k] === 'function') next[k] = child.props[k];
    const keys = new Set([...Object.keys(next), ...Object.keys(child.props)]);
    if ([...keys].some((k) => next[k] !== child.props[k])) updateComponent(child, next);
  };

  /** Runs pending updates: components' own setData, parents' re-renders (synchronously, to quiescence). */
  world.flush = () => {
    for (let round = 0; dirty.size; round++) {
      if (round > 50) return problem('updates never settle (setData loop)');
      const list = [...dirty];
      dirty.clear();
      for (const inst of list) {
        if (inst.__mw.kind === 'component') updateComponent(inst);
        else {
          inst.__mw.prevData = null;
          const opt = inst.__mw.options;
          if (opt.options && opt.options.observers) runObservers(inst, observerList([opt]));
          inst.__mw.dirtyKeys.length = 0;
          for (const cb of inst.__mw.callbacks.splice(0)) cb.call(inst);
        }
        rerenderChildren(inst);
      }
    }
  };
  /** Lets asynchronous my.* callbacks and timers run, then flushes. */
  world.settle = async () => {
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 5));
      world.flush();
    }
  };

  /**
   * An Alipay event on the element `node` of inst's template, bound with `attr` (e.g. onTap):
   * calls the handler the template names, as Alipay does (components: a method, 组件对象.md; pages:
   * a page function, 页面运行机制.md). `from` is the node where the event started (default: node).
   */
  world.fire = (inst, node, attr, { detail, from, scope, type, withCurrentTarget = true } = {}) => {
    const name = node.attrs[attr];
    if (typeof name !== 'string') throw new Error(`<${node.tag} class="${node.attrs.class || ''}"> has no ${attr} binding`);
    const fn = inst[name];
    if (typeof fn !== 'function') throw new Error(`${attr}="${name}" on <${node.tag}>: ${inst.is} has no method ${name}`);
    const all = Object.assign(Object.create(null), inst.__mw.kind === 'component' ? inst.props : {}, inst.data, scope);
    const dataset = (n) => {
      const d = {};
      for (const [k, v] of Object.entries(n.attrs)) {
        // data-alpha-beta -> alphaBeta (事件对象.md "target")
        if (k.startsWith('data-')) d[k.slice(5).replace(/-([a-z])/g, (m, c) => c.toUpperCase())] = evalAttr(v, all);
      }
      return d;
    };
    const bound = { id: node.attrs.id || '', tagName: node.tag, dataset: dataset(node) };
    const origin = from || node;
    const e = {
      type: type || attr.replace(/^(capture-)?(on|catch)/, '').replace(/^./, (c) => c.toLowerCase()),
      timeStamp: Date.now(),
      target: { id: origin.attrs.id || '', tagName: origin.tag, dataset: bound.dataset, targetDataset: dataset(origin) },
    };
    if (withCurrentTarget) e.currentTarget = bound;
    if (detail !== undefined) e.detail = detail;
    const result = fn.call(inst, e);
    world.flush();
    return { event: e, result };
  };

  return world;
}

module.exports = { createWorld, parseAxml, findAll, hasClass, evalAttr, parsePath, loopScope };
