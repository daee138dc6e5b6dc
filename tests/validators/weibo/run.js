#!/usr/bin/env node
// The Weibo judge: loads an emitted WBox project (a miniweave `dist/weibo` folder) into Vue 2
// inside jsdom and checks that it behaves like the WeChat source (LANGUAGE.md §8,
// PLATFORMS.md §7, VALIDATORS.md §7). No WBox runtime is public, so Vue 2 is the judge.
//
//   node tests/validators/weibo/run.js <weibo folder> [--fresh-runtime] [--verbose]
//
// --fresh-runtime  load miniweave_runtime/vue.js assembled from targets/src/weibo/runtime/vue/
//                  (all snippets) instead of the folder's copy
// --verbose        print every check, not only failures
//
// The hand-written fixture (tests/validators/weibo/fixture) keeps no runtime: given that folder, the
// judge copies it to a temp folder, writes its miniweave_runtime/vue.js and api.js there with the
// shared assembler (fixture.js, ../lib/assemble-runtime.js), judges the copy and removes it.
// Any other folder is judged in place, with the runtime it has.
//
// Exit 0 when every check passes, 1 otherwise, 2 on bad usage; the last line is a summary.
'use strict'

const fs = require('fs')
const path = require('path')
const { pathToFileURL } = require('url')
const nodeModule = require('module')
const os = require('os')
const { isFixture, copyFixture } = require('./fixture')

const NM = path.join(__dirname, '..', 'node_modules')
const { JSDOM } = require(path.join(NM, 'jsdom'))

// ---------------------------------------------------------------------------------------------
// Arguments, folder layout

const argv = process.argv.slice(2)
const flags = new Set(argv.filter((a) => a.startsWith('--')))
const positional = argv.filter((a) => !a.startsWith('--'))
for (const f of flags) {
  if (!['--fresh-runtime', '--verbose'].includes(f)) usage(`unknown option ${f}`)
}
if (positional.length !== 1) usage('expected one folder')
const GIVEN = path.resolve(positional[0])
if (!fs.existsSync(GIVEN) || !fs.statSync(GIVEN).isDirectory()) usage(`not a folder: ${GIVEN}`)
// The fixture: a temp copy with its generated runtime (see above).
const FROM_FIXTURE = isFixture(GIVEN)
const ROOT = FROM_FIXTURE ? copyFixture(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mw-weibo-fixture-')), 'fixture')) : GIVEN
if (FROM_FIXTURE) process.on('exit', () => fs.rmSync(path.dirname(ROOT), { recursive: true, force: true }))
const SRC = fs.existsSync(path.join(ROOT, 'src', 'app.json')) ? path.join(ROOT, 'src') : ROOT
const VERBOSE = flags.has('--verbose')

function usage(msg) {
  console.error(`weibo judge: ${msg}\nusage: node tests/validators/weibo/run.js <emitted weibo folder> [--fresh-runtime] [--verbose]`)
  process.exit(2)
}

function listFiles(dir, base = dir) {
  const out = []
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) out.push(...listFiles(p, base))
    else out.push(path.relative(base, p).split(path.sep).join('/'))
  }
  return out.sort()
}
const FILES = listFiles(SRC)
const has = (rel) => FILES.includes(rel)
const url = (rel) => pathToFileURL(path.join(SRC, rel)).href

// ---------------------------------------------------------------------------------------------
// Checks and their report

const results = []
let current = null

function problem(msg) {
  const text = String(msg).trim()
  if (current) current.problems.push(text)
  else orphans.push(text)
}
const orphans = []

class Fail extends Error {}
function assert(cond, msg) {
  if (!cond) throw new Fail(msg)
}
function eq(actual, expected, what) {
  const a = JSON.stringify(actual)
  const e = JSON.stringify(expected)
  if (a !== e) throw new Fail(`${what}: expected ${e}, got ${a}`)
}

async function check(name, fn) {
  current = { name, problems: [] }
  try {
    await fn()
  } catch (e) {
    problem(e instanceof Fail ? e.message : e && e.stack ? e.stack.split('\n').slice(0, 6).join('\n') : String(e))
  }
  // Warnings from leftover asynchronous work belong to this check.
  await settle()
  results.push(current)
  const c = current
  current = null
  if (c.problems.length) console.log(`FAIL ${c.name}\n${c.problems.map((p) => '     ' + p.replace(/\n/g, '\n     ')).join('\n')}`)
  else if (VERBOSE) console.log(`ok   ${c.name}`)
  return c.problems.length === 0
}

// ---------------------------------------------------------------------------------------------
// The DOM, Vue, the wbx mock. jsdom's window must be global before Vue loads (it reads `window`
// when it is first required).

const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: 'https://wbox.invalid/', pretendToBeVisual: true })
const { window } = dom
global.window = window
global.document = window.document
if (!('navigator' in global)) global.navigator = window.navigator
if (process.env.NODE_ENV === 'production') process.env.NODE_ENV = 'development' // warnings need Vue's development build
const Vue = require(path.join(NM, 'vue'))
// Only now: vue-template-compiler requires vue (to compare versions).
const csstree = require('css-tree')
const compiler = require(path.join(NM, 'vue-template-compiler'))

// WeChat built-in elements (and WBox's render-plugin tag): not components, never "unknown".
const BUILTINS = (
  'view,text,image,icon,button,input,textarea,label,form,checkbox,checkbox-group,radio,radio-group,' +
  'switch,slider,picker,picker-view,picker-view-column,progress,rich-text,navigator,swiper,swiper-item,' +
  'scroll-view,movable-area,movable-view,cover-view,cover-image,page-container,root-portal,match-media,' +
  'editor,audio,video,camera,live-player,live-pusher,map,canvas,web-view,ad,ad-custom,official-account,' +
  'open-data,functional-page-navigator,keyboard-accessory,navigation-bar,page-meta,voip-room,block,' +
  'slot,wbx-web-view'
).split(',')
const BUILTIN = new Set(BUILTINS)
Vue.config.productionTip = false
Vue.config.devtools = false
Vue.config.ignoredElements = BUILTINS
// Stock Vue 2 counts view, text, image and switch as SVG tags (its isSVG list), so it would create
// them, and everything inside them, in the SVG namespace: an <input> in a <view> would not be a
// form control. WBox's render layer shows them as page elements; so does the judge.
const svgNamespace = Vue.config.getTagNamespace
Vue.config.getTagNamespace = (tag) => (BUILTIN.has(tag) ? undefined : svgNamespace(tag))
// WeChat lets a component setData its own properties; the runtime writes the prop, which Vue's
// development build (only) warns about. Counted, not failed.
let propWrites = 0
Vue.config.warnHandler = (msg, vm, trace) => {
  if (/^Avoid mutating a prop directly/.test(msg)) propWrites++
  else problem(`Vue warning: ${msg}${trace || ''}`)
}
Vue.config.errorHandler = (err, vm, info) => problem(`Vue error in ${info}: ${err && err.stack ? err.stack.split('\n').slice(0, 6).join('\n') : err}`)
for (const level of ['warn', 'error']) {
  const original = console[level]
  console[level] = (...a) => {
    const text = a.map(String).join(' ')
    if (/\[Vue (tip|warn)\]/.test(text)) problem(text)
    else if (level === 'error') problem(`console.error: ${text}`)
    else original.apply(console, a)
  }
}
process.on('unhandledRejection', (e) => problem(`unhandled rejection: ${e && e.stack ? e.stack.split('\n').slice(0, 4).join('\n') : JSON.stringify(e)}`))
process.on('uncaughtException', (e) => problem(`uncaught exception: ${e && e.stack ? e.stack.split('\n').slice(0, 4).join('\n') : e}`))

// A recording wbx: the named calls behave as documented in the brief of this judge (showModal
// confirms, storage is a Map, request fails as if offline); any other call is recorded and
// succeeds (success/complete called asynchronously when given).
const calls = []
const storage = new Map()
const pageStack = []
const clone = (v) => (v === undefined ? v : JSON.parse(JSON.stringify(v)))
function answer(o, result, failed) {
  if (!o || typeof o !== 'object') return
  setTimeout(() => {
    const r = Object.assign({}, result)
    if (failed) {
      if (typeof o.fail === 'function') o.fail(r)
    } else if (typeof o.success === 'function') o.success(r)
    if (typeof o.complete === 'function') o.complete(r)
  }, 0)
}
const WBX = {
  showModal: (o) => answer(o, { confirm: true, cancel: false, errMsg: 'showModal:ok' }),
  getStorageSync: (k) => (storage.has(k) ? clone(storage.get(k)) : ''),
  setStorageSync: (k, v) => void storage.set(k, clone(v)),
  removeStorageSync: (k) => void storage.delete(k),
  clearStorageSync: () => storage.clear(),
  getStorage: (o) => (storage.has(o.key) ? answer(o, { data: clone(storage.get(o.key)), errMsg: 'getStorage:ok' }) : answer(o, { errMsg: 'getStorage:fail data not found' }, true)),
  setStorage: (o) => (storage.set(o.key, clone(o.data)), answer(o, { errMsg: 'setStorage:ok' })),
  request: (o) => answer(o, { errMsg: 'request:fail offline (weibo judge)' }, true),
  getSystemInfoSync: () => ({ SDKVersion: '3.0.0', platform: 'devtools', system: 'devtools', windowWidth: 375, windowHeight: 667, pixelRatio: 2 }),
  getCurrentPagesSync: () => pageStack.slice(),
}
global.wbx = new Proxy(
  { env: { USER_DATA_PATH: 'wbxfile://usr' } },
  {
    get(target, name) {
      if (typeof name !== 'string') return undefined
      if (name in target) return target[name]
      if (name === 'then') return undefined // not a thenable
      return (...args) => {
        calls.push({ name, args })
        return WBX[name] ? WBX[name](...args) : answer(args[0], { errMsg: `${name}:ok` })
      }
    },
    has: (target, name) => name !== 'then',
  },
)
const called = (name) => calls.filter((c) => c.name === name)

// ---------------------------------------------------------------------------------------------
// DOM helpers

async function settle(rounds = 4) {
  for (let i = 0; i < rounds; i++) {
    await new Promise((r) => setTimeout(r, 0))
    await Vue.nextTick()
  }
}
const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : null)
// Components' class names are scoped (LANGUAGE.md §5): a component's `.title` is emitted as
// `.<prefix>-title`, its prefix being `m` and six base-36 digits, which its root element also
// carries. A check names classes as the source writes them; `scoped` makes `.title` match the
// class as written or as any component scoped it.
function scoped(root, sel) {
  const names = new Map()
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const c of el.classList || []) {
      const m = /^m[0-9a-z]{6}-(.+)$/.exec(c)
      if (m) (names.get(m[1]) || names.set(m[1], new Set()).get(m[1])).add(c)
    }
  }
  return sel.replace(/\.([A-Za-z_][\w-]*)/g, (all, name) => (names.has(name) ? `:is(${[all, ...[...names.get(name)].map((c) => '.' + c)].join(', ')})` : all))
}
function all(root, sel) {
  return [...root.querySelectorAll(scoped(root, sel))]
}
function maybe(root, sel) {
  return root.querySelector(scoped(root, sel))
}
function one(root, sel, what) {
  const el = maybe(root, sel)
  assert(el, `${what || sel}: no element matches ${sel}`)
  return el
}
// Whether an element has a class as the source wrote it, scoped or not.
function hasClass(el, name) {
  return [...el.classList].some((c) => c === name || new RegExp(`^m[0-9a-z]{6}-${name.replace(/[-]/g, '\\-')}$`).test(c))
}
// WBox's tap: a bubbling DOM event named `tap` (assumption, as WeChat's web-based devtools fire it).
function tap(el) {
  el.dispatchEvent(new window.CustomEvent('tap', { bubbles: true, cancelable: true, detail: { x: 1, y: 1 } }))
}
function typeInto(el, value) {
  el.value = value
  el.dispatchEvent(new window.Event('input', { bubbles: true }))
}
function fire(el, type, detail) {
  el.dispatchEvent(new window.CustomEvent(type, { bubbles: true, cancelable: true, detail }))
}
function host() {
  const el = document.createElement('div')
  document.body.appendChild(el)
  return el
}
function getPath(o, p) {
  return String(p).replace(/\[(\d+)\]/g, '.$1').split('.').reduce((v, k) => (v == null ? v : v[k]), o)
}
// Every rendered vnode of an instance, through child components.
function vnodes(vm) {
  const out = []
  const walk = (v) => {
    if (!v) return
    out.push(v)
    ;(v.children || []).forEach(walk)
    if (v.componentInstance) walk(v.componentInstance._vnode)
  }
  walk(vm._vnode)
  return out
}
const handlerSource = (h) => [].concat(h && h.fns ? h.fns : h).map(String).join('\n')

// ---------------------------------------------------------------------------------------------
// Static checks, and compiling every .vue (the loader gets the code)

const compiled = {}
const vueFiles = FILES.filter((f) => f.endsWith('.vue'))
const handlerNames = {}
let appJson = null

async function staticChecks() {
  await check('project files: wbox.config.json, app.json, app.js', () => {
    const cfgPath = path.join(ROOT, 'wbox.config.json')
    if (SRC !== ROOT) {
      assert(fs.existsSync(cfgPath), 'wbox.config.json is missing')
      const cfg = JSON.parse(fs.readFileSync(cfgPath, 'utf8'))
      eq(cfg.settings && cfg.settings.framework, 'Vue2', 'wbox.config.json settings.framework')
    }
    appJson = JSON.parse(fs.readFileSync(path.join(SRC, 'app.json'), 'utf8'))
    assert(Array.isArray(appJson.pages) && appJson.pages.length > 0, 'app.json has no pages')
    assert(has('app.js'), 'src/app.js is missing')
    for (const p of appJson.pages) {
      assert(has(`${p}.vue`), `page ${p}: ${p}.vue is missing`)
      assert(has(`${p}.json`), `page ${p}: ${p}.json is missing`)
    }
    for (const f of FILES.filter((f) => f.endsWith('.json'))) JSON.parse(fs.readFileSync(path.join(SRC, f), 'utf8'))
  })
  // Web pages have no rpx (LANGUAGE.md §5): every stylesheet (the .css files and the .vue
  // files' <style> blocks) parses as CSS (css-tree, every parse error reported), and holds no
  // rpx value; nor does any static style attribute.
  await check('styles: every stylesheet parses as CSS; no rpx in styles or static style attributes', () => {
    const sheets = FILES.filter((f) => f.endsWith('.css')).map((f) => [f, fs.readFileSync(path.join(SRC, f), 'utf8')])
    for (const f of vueFiles) {
      const sfc = compiler.parseComponent(fs.readFileSync(path.join(SRC, f), 'utf8'))
      sfc.styles.forEach((st, i) => sheets.push([`${f} <style> ${i + 1}`, st.content]))
      const template = sfc.template ? sfc.template.content : ''
      for (const m of template.matchAll(/\sstyle="([^"]*)"/g)) assert(!/\drpx/i.test(m[1]), `${f}: rpx in a style attribute: ${m[0].trim()}`)
    }
    for (const [name, text] of sheets) {
      const ast = csstree.parse(text, { onParseError: (e) => problem(`${name}: CSS does not parse: ${e.formattedMessage || e.message}`) })
      csstree.walk(ast, (n) => {
        if (n.type === 'Dimension' && n.unit.toLowerCase() === 'rpx') problem(`${name}: rpx left: ${n.value}rpx`)
      })
    }
  })
  for (const file of vueFiles) {
    await check(`compile ${file}`, () => {
      const sfc = compiler.parseComponent(fs.readFileSync(path.join(SRC, file), 'utf8'))
      for (const e of sfc.errors) problem(`SFC: ${typeof e === 'string' ? e : e.msg}`)
      assert(sfc.template, 'no <template> block')
      assert(sfc.script, 'no <script> block')
      const r = compiler.compile(sfc.template.content, { whitespace: 'condense' })
      for (const e of r.errors) problem(`template error: ${typeof e === 'string' ? e : e.msg}`)
      for (const t of r.tips) problem(`template tip: ${typeof t === 'string' ? t : t.msg}`)
      if (r.errors.length) return
      compiled[url(file)] = { script: sfc.script.content, render: r.render, staticRenderFns: r.staticRenderFns }
      handlerNames[file] = [...new Set([...r.render.matchAll(/__ev\((['"])([\w$]+)\1/g)].map((m) => m[2]))]
    })
  }
}

// ---------------------------------------------------------------------------------------------
// Loading and mounting

let runtimeCode = null
function installLoader() {
  if (flags.has('--fresh-runtime')) runtimeCode = require('../lib/assemble-runtime').assemble('weibo', 'vue')
  nodeModule.register(pathToFileURL(path.join(__dirname, 'loader.mjs')).href, {
    data: { root: pathToFileURL(SRC + path.sep).href, vue: compiled, fresh: runtimeCode },
  })
}

async function load(rel) {
  const m = await import(url(rel))
  assert(m.default && typeof m.default === 'object', `${rel}: the default export is not an options object`)
  return m.default
}

let app = null
// WBox's page life, as the judge assumes it: the instance is created, then wbox.onLoad({ query })
// and onShow run, then it is mounted (first render), then onReady - WeChat's order.
async function openPage(route, query = {}) {
  const options = await load(`${route}.vue`)
  const vm = new Vue(options)
  const hooks = vm.$options.wbox || {}
  const call = async (name, ...a) => {
    if (typeof hooks[name] === 'function') {
      try {
        await hooks[name].call(vm, ...a)
      } catch (e) {
        problem(`wbox.${name} threw: ${e && e.stack ? e.stack.split('\n').slice(0, 4).join('\n') : e}`)
      }
    }
  }
  pageStack.push(vm)
  const loaded = call('onLoad', { query })
  await call('onShow')
  vm.$mount(host())
  await loaded
  await settle()
  await call('onReady')
  await settle()
  vm.__mwClose = async () => {
    await call('onHide')
    await call('onUnload')
    vm.$destroy()
    if (vm.$el && vm.$el.parentNode) vm.$el.parentNode.removeChild(vm.$el)
    pageStack.splice(pageStack.indexOf(vm), 1)
  }
  return vm
}

// A component inside a parent written with a render function, as a page would use it.
async function mountComponent(rel, { props = {}, on = {}, children, attrs, dataset } = {}) {
  const Comp = await load(rel)
  const parent = new Vue({
    data: { props },
    render(h) {
      return h('view', { class: 'judge-parent' }, [
        h(Comp, { props: this.props, on, attrs, domProps: dataset ? { mwds: dataset } : undefined }, children ? children(h) : undefined),
      ])
    },
  }).$mount(host())
  await settle()
  return { parent, vm: parent.$children[0], el: parent.$el }
}

// ---------------------------------------------------------------------------------------------
// Generic checks: any emitted folder

async function genericChecks() {
  await check('app.js: exports its App options; onLaunch/onShow run', async () => {
    app = await load('app.js')
    if (typeof app.onLaunch === 'function') await app.onLaunch({ path: appJson.pages[0], query: {}, scene: 1001 })
    if (typeof app.onShow === 'function') await app.onShow({ path: appJson.pages[0], query: {}, scene: 1001 })
  })
  const pages = new Set((appJson ? appJson.pages : []).map((p) => `${p}.vue`))
  for (const file of vueFiles.filter((f) => compiled[url(f)])) {
    const isPage = pages.has(file)
    await check(`${isPage ? 'page' : 'component'} ${file}: loads, renders, handlers are methods`, async () => {
      let vm
      let close = async () => {}
      if (isPage) {
        vm = await openPage(file.slice(0, -4))
        close = vm.__mwClose
        assert(vm.$el.classList && vm.$el.classList.contains('mw-page'), `the root element is not .mw-page: <${vm.$el.tagName}>`)
      } else {
        const m = await mountComponent(file)
        vm = m.vm
        close = async () => m.parent.$destroy()
        assert(vm && vm.$el.classList && vm.$el.classList.contains('mw-host'), `the root element is not .mw-host`)
      }
      const methods = vm.$options.methods || {}
      for (const n of handlerNames[file] || []) assert(typeof methods[n] === 'function', `the template's handler ${n} is not a method`)
      await modelChecks(vm)
      await close()
    })
  }
}

// model:value="{{path}}" became :value="path" @input="__model('path', $event)": typing into such
// an element must change the data at the path.
let modelChecked = 0
async function modelChecks(vm) {
  for (const v of vnodes(vm)) {
    const h = v.data && v.data.on && v.data.on.input
    const m = h && /__model\((['"])(.+?)\1/.exec(handlerSource(h))
    if (!m || !v.elm || !/^(INPUT|TEXTAREA)$/.test(v.elm.tagName)) continue
    const owner = v.context
    const probe = `mw-model-probe-${++modelChecked}`
    typeInto(v.elm, probe)
    await settle(1)
    eq(getPath(owner.data, m[2]), probe, `model ${m[2]}: the data after typing`)
    eq(v.elm.value, probe, `model ${m[2]}: the element's value after the update`)
    // And back: the element shows the data at the same path.
    owner.setData({ [m[2]]: `${probe}-back` })
    await settle(1)
    eq(v.elm.value, `${probe}-back`, `model ${m[2]}: the element's value after setData of the path`)
  }
}

// ---------------------------------------------------------------------------------------------
// The showcase (fixtures/showcase): run when its files are there

async function showcaseChecks() {
  if (has('components/todo-item/todo-item.vue')) {
    await check('showcase todo-item: renders, toggles, emits WeChat events to the parent', async () => {
      const events = []
      const record = (type) => (e) => events.push([type, e])
      const item = { id: 7, title: 'Water the plants', done: false }
      const { parent, el } = await mountComponent('components/todo-item/todo-item.vue', {
        props: { item, index: 0 },
        on: { toggle: record('toggle'), open: record('open'), remove: record('remove') },
        attrs: { 'data-where': 'list' },
        dataset: { where: 'list' },
      })
      let bubbled = 0
      el.addEventListener('tap', () => bubbled++)
      eq(text(one(el, '.todo__title')), '1. Water the plants', '.todo__title text')
      assert(!hasClass(one(el, '.todo'), 'todo--done'), '.todo has todo--done while item.done is false')
      tap(one(el, '.todo__box'))
      await settle()
      eq(events.map((e) => e[0]), ['toggle'], 'events after tapping .todo__box')
      const [, ev] = events[0]
      eq(ev.type, 'toggle', 'toggle event type')
      eq(ev.detail, { id: 7, done: true }, 'toggle event detail')
      eq(ev.currentTarget && ev.currentTarget.dataset, { where: 'list' }, 'toggle event currentTarget.dataset (the host element\'s data-*)')
      eq(bubbled, 0, 'taps reaching the parent after a catchtap (.stop)')
      parent.props = { item: Object.assign({}, item, { done: true }), index: 2 }
      await settle()
      assert(hasClass(one(el, '.todo'), 'todo--done'), '.todo lacks todo--done once item.done is true')
      eq(text(one(el, '.todo__title')), '3. Water the plants', '.todo__title text with index 2')
      tap(one(el, '.todo__title'))
      tap(one(el, '.todo__remove'))
      await settle()
      eq(events.slice(1).map((e) => [e[0], e[1].detail]), [['open', { id: 7 }], ['remove', { id: 7 }]], 'events after tapping the title and the cross')
      eq(bubbled, 1, 'taps reaching the parent (bindtap bubbles, catch:tap does not)')
      parent.$destroy()
    })
  }
  if (has('components/card/card.vue')) {
    await check('showcase card: title, header/default/footer slots, showFooter', async () => {
      const slots = (h) => [h('view', { slot: 'header', class: 'x-head' }, 'H'), h('view', { class: 'x-body' }, 'B'), h('view', { slot: 'footer', class: 'x-foot' }, 'F')]
      const a = await mountComponent('components/card/card.vue', { props: { title: 'Hello card' }, children: slots })
      eq(text(one(a.el, '.card__title')), 'Hello card', '.card__title text')
      one(a.el, '.card__head .x-head', 'the header slot')
      one(a.el, '.card__body .x-body', 'the default slot')
      one(a.el, '.card__foot .x-foot', 'the footer slot')
      a.parent.$destroy()
      const b = await mountComponent('components/card/card.vue', { props: { title: 'No footer', showFooter: false }, children: slots })
      assert(!maybe(b.el, '.card__foot'), '.card__foot is shown with showFooter false')
      b.parent.$destroy()
    })
  }
  if (has('pages/index/index.vue')) {
    await check('showcase pages/index: onLoad, typing, Add, toggle, open, remove, clear done', async () => {
      storage.delete('todos')
      const before = calls.length
      const vm = await openPage('pages/index/index')
      const el = vm.$el
      assert(calls.slice(before).some((c) => c.name === 'getStorageSync'), 'onLoad did not read the saved todos (no wbx.getStorageSync call)')
      const todos = () => all(el, '.todo')
      eq(todos().length, 3, 'todos rendered')
      eq(text(one(todos()[0], '.todo__title')), '1. Write the spec', 'the first todo')
      assert(hasClass(todos()[0], 'todo--done'), 'the first todo (done) lacks todo--done')
      eq(text(one(el, '.summary')), '2 items left', '.summary (WXS fmt.plural/fmt.remaining) text')

      const input = one(el, '.new-todo__input')
      const add = one(el, '.new-todo__add')
      assert(add.hasAttribute('disabled'), 'Add is enabled with an empty draft')
      typeInto(input, 'Buy milk')
      await settle()
      eq(vm.data.draft, 'Buy milk', 'draft after typing (bindinput -> onDraft -> setData)')
      assert(!add.hasAttribute('disabled'), 'Add is still disabled after typing')

      const mark = calls.length
      tap(add)
      await settle()
      eq(todos().length, 4, 'todos rendered after Add')
      eq(text(one(todos()[3], '.todo__title')), '4. Buy milk', 'the added todo')
      eq(vm.data.draft, '', 'draft after Add')
      eq(input.value, '', 'the input after Add')
      eq(text(one(el, '.summary')), '3 items left', '.summary after Add')
      const toast = calls.slice(mark).find((c) => c.name === 'showToast')
      assert(toast, 'Add did not call wbx.showToast')
      eq(toast.args[0] && toast.args[0].title, 'Added', 'showToast title')
      const saved = calls.slice(mark).find((c) => c.name === 'setStorageSync')
      assert(saved, 'Add did not call wbx.setStorageSync')
      eq(saved.args[0], 'todos', 'setStorageSync key')
      eq((saved.args[1] || []).map((t) => t.title), ['Write the spec', 'Compile for three platforms', 'Ship it', 'Buy milk'], 'saved todos')

      tap(one(todos()[1], '.todo__box'))
      await settle()
      eq(vm.data.todos[1].done, true, 'todos[1].done after tapping its box (child triggerEvent -> parent setData of todos[1].done)')
      assert(hasClass(todos()[1], 'todo--done'), 'the toggled todo lacks todo--done')
      eq(text(one(el, '.summary')), '2 items left', '.summary after the toggle')

      const nav = calls.length
      tap(one(todos()[0], '.todo__title'))
      await settle()
      const go = calls.slice(nav).find((c) => c.name === 'navigateTo')
      assert(go, 'tapping a title did not call wbx.navigateTo')
      eq(go.args[0] && go.args[0].url, '/pages/detail/detail?id=1', 'navigateTo url')

      tap(one(todos()[3], '.todo__remove'))
      await settle()
      eq(todos().map((t) => text(one(t, '.todo__title'))), ['1. Write the spec', '2. Compile for three platforms', '3. Ship it'], 'todos after removing the 4th')

      const clear = calls.length
      tap(one(el, '.filters__clear'))
      await settle(8)
      assert(calls.slice(clear).some((c) => c.name === 'showModal'), 'Clear done did not call wbx.showModal')
      eq(todos().map((t) => text(one(t, '.todo__title'))), ['1. Ship it'], 'todos after Clear done (showModal confirmed)')
      eq((storage.get('todos') || []).map((t) => t.title), ['Ship it'], 'saved todos after Clear done')
      await vm.__mwClose()

      const again = await openPage('pages/index/index')
      eq(all(again.$el, '.todo__title').map(text), ['1. Ship it'], 'todos when the page opens again (onLoad reads storage)')
      await again.__mwClose()
    })
  }
  if (has('pages/explore/explore.vue')) {
    await check('showcase pages/explore: topics, tap dataset, swiper change', async () => {
      const mark = calls.length
      const vm = await openPage('pages/explore/explore')
      const el = vm.$el
      assert(calls.slice(mark).some((c) => c.name === 'request'), 'onLoad did not call wbx.request')
      const offline = calls.slice(mark).find((c) => c.name === 'showToast')
      eq(offline && offline.args[0] && offline.args[0].title, 'Offline', 'showToast after the request failed')
      const topics = all(el, '.topic')
      eq(topics.map((t) => text(one(t, '.topic__name'))), ['Inbox zero', 'Weekly review', 'Deep work'], 'topics rendered')
      const seen = []
      const original = vm.onTopic
      assert(typeof original === 'function', 'onTopic is not a method')
      vm.onTopic = function (e) {
        seen.push(e)
        return original.call(this, e)
      }
      const tapped = calls.length
      tap(one(topics[1], '.topic__name'))
      await settle()
      eq(seen.length, 1, 'onTopic calls after tapping a topic name')
      const e = seen[0]
      eq(e.type, 'tap', 'event type')
      eq(e.currentTarget && e.currentTarget.dataset && e.currentTarget.dataset.topic, 't2', 'currentTarget.dataset.topic')
      assert(e.target && e.target.dataset && e.target.dataset.topic === undefined, 'target.dataset of the tapped <text> has no topic')
      const toast = calls.slice(tapped).find((c) => c.name === 'showToast')
      eq(toast && toast.args[0] && toast.args[0].title, 't2', 'showToast title after the tap')
      fire(one(el, '.banner'), 'change', { current: 1, source: 'touch' })
      await settle()
      eq(text(one(el, '.status')), 'Slide 2 of 3', '.status after a swiper change event (detail.current 1)')
      await vm.__mwClose()
    })
  }
  if (has('pages/me/me.vue') && has('pages/index/index.vue')) {
    await check('showcase pages/me: slider change, Vant cell, button and icon', async () => {
      const vm = await openPage('pages/me/me')
      const slider = vm.$el.querySelector('slider')
      if (slider) {
        fire(slider, 'change', { value: 70 })
        await settle()
        eq(vm.data.volume, 70, 'volume after a slider change event (detail.value 70)')
      }
      // @vant/weapp compiled from node_modules: van-cell renders its title and value, a tap on
      // van-button's <button> reaches the page through Vant's own `$emit('click')`, and
      // van-icon's badge (van-info) shows the page's data. (The hand-written fixture has no Vant.)
      if (vm.$options.components['van-cell']) {
        const cell = text(one(vm.$el, '.van-cell', 'van-cell'))
        assert(cell.includes('Reminders') && cell.includes(`${vm.data.volume}%`), `van-cell shows its title and value: ${cell}`)
        tap(one(vm.$el, '.van-button', 'van-button'))
        await settle()
        eq(vm.data.likes, 1, 'likes after a tap on van-button')
        eq(text(one(vm.$el, '.van-info', "van-icon's badge")), '1', "van-icon's badge after the tap")
      }
      await vm.__mwClose()
    })
  }
  if (has('packageA/pages/settings/settings.vue') && has('pages/index/index.vue')) {
    await check('showcase packageA/pages/settings: switch, picker, model:value', async () => {
      const vm = await openPage('packageA/pages/settings/settings')
      const el = vm.$el
      const sw = el.querySelector('switch')
      if (sw) {
        fire(sw, 'change', { value: false })
        await settle()
        eq(vm.data.reminder, false, 'reminder after a switch change event (detail.value false)')
      }
      const picker = el.querySelector('picker')
      if (picker) {
        fire(picker, 'change', { value: '2' })
        await settle()
        eq(vm.data.sort, 2, 'sort after a picker change event (detail.value "2")')
        assert(text(picker).includes('Title'), `the picker row shows the chosen sort: ${text(picker)}`)
      }
      const name = el.querySelector('input.name')
      const greeting = maybe(el, '.greeting')
      if (name && greeting) {
        typeInto(name, 'Ada')
        await settle()
        eq(text(greeting), 'Hello, Ada', '.greeting after typing into the model:value input')
      }
      await vm.__mwClose()
    })
  }
  if (has('pages/detail/detail.vue') && has('pages/index/index.vue')) {
    await check('showcase pages/detail: onLoad(query)', async () => {
      const vm = await openPage('pages/detail/detail', { id: '3' })
      eq(all(vm.$el, '.field__value').map(text).slice(0, 2), ['3', 'Open'], '.field__value texts for ?id=3')
      await vm.__mwClose()
    })
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now()
  await staticChecks()
  installLoader()
  if (appJson) {
    await genericChecks()
    await showcaseChecks()
  }
  await settle()
  if (orphans.length) results.push({ name: 'no stray warnings or errors', problems: orphans })
  const failed = results.filter((r) => r.problems.length)
  if (orphans.length) console.log(`FAIL no stray warnings or errors\n${orphans.map((p) => '     ' + p).join('\n')}`)
  const shown = (path.relative(process.cwd(), GIVEN) || '.') + (FROM_FIXTURE ? ', runtime assembled from the snippets' : '')
  console.log(
    `weibo judge: ${results.length - failed.length}/${results.length} checks passed` +
      (modelChecked ? `, ${modelChecked} model: binding(s)` : '') +
      (propWrites ? `, ${propWrites} setData write(s) of a property (allowed)` : '') +
      `, ${calls.length} wbx calls (${shown}, ${Date.now() - started} ms)` +
      (failed.length ? `; FAILED: ${failed.map((r) => r.name).join('; ')}` : ''),
  )
  process.exit(failed.length ? 1 : 0)
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e)
  process.exit(1)
})
