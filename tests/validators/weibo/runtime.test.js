#!/usr/bin/env node
// Tests of the Weibo Vue runtime snippets (targets/src/weibo/runtime/vue/*.js): their format
// (as the compiler's assembler reads them), ES2017-only syntax, exact `// needs:` lists, the size
// of the showcase's runtime, and WeChat's Component()/Page()/Behavior()/App() semantics on
// Vue 2.7 in jsdom. Any Vue warning or error fails the test that caused it.
//
//   node tests/validators/weibo/runtime.test.js
'use strict'

const fs = require('fs')
const os = require('os')
const path = require('path')
const { pathToFileURL } = require('url')

const NM = path.join(__dirname, '..', 'node_modules')
const { JSDOM } = require(path.join(NM, 'jsdom'))
const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'https://wbox.invalid/' })
global.window = dom.window
global.document = dom.window.document
const Vue = require(path.join(NM, 'vue'))
const compiler = require(path.join(NM, 'vue-template-compiler'))
const ts = require(path.join(NM, 'typescript'))
const lib = require('../lib/assemble-runtime')
// The Vue runtime module, as the compiler assembles it (every snippet when `names` is omitted).
const assemble = (names) => lib.assemble('weibo', 'vue', names)
const readSnippet = (name) => lib.readSnippet('weibo', 'vue', name)
const allNames = () => lib.snippetNames('weibo', 'vue')
const minifiedSize = (code) => lib.minifiedSize(code, { esm: true })

const BUILTIN = new Set(['view', 'text', 'input', 'button', 'slider', 'switch', 'image', 'icon', 'block'])
Vue.config.productionTip = false
Vue.config.devtools = false
Vue.config.ignoredElements = [...BUILTIN]
const svg = Vue.config.getTagNamespace
Vue.config.getTagNamespace = (t) => (BUILTIN.has(t) ? undefined : svg(t))
let warnings = []
Vue.config.warnHandler = (msg, vm, trace) => warnings.push(`Vue warning: ${msg}${trace}`)
Vue.config.errorHandler = (err, vm, info) => warnings.push(`Vue error in ${info}: ${err.stack}`)

const failures = []
let count = 0
async function test(name, fn) {
  count++
  warnings = []
  try {
    await fn()
    await tick()
    if (warnings.length) throw new Error(warnings.join('\n'))
  } catch (e) {
    failures.push(name)
    console.error(`FAIL ${name}: ${e && e.stack ? e.stack.split('\n').slice(0, 5).join('\n') : e}`)
  }
}
function eq(actual, expected, what) {
  const a = JSON.stringify(actual)
  const e = JSON.stringify(expected)
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`)
}
function ok(cond, what) {
  if (!cond) throw new Error(what)
}
async function tick() {
  await new Promise((r) => setTimeout(r, 0))
  await Vue.nextTick()
}
// A template as the compiler emits it, attached to runtime-built options.
function withTemplate(options, template) {
  const r = compiler.compileToFunctions(template)
  return Object.assign(options, { render: r.render, staticRenderFns: r.staticRenderFns })
}
function mount(options, propsData) {
  const el = document.createElement('div')
  document.body.appendChild(el)
  return new Vue(Object.assign({}, options, propsData ? { propsData } : {})).$mount(el)
}
function tap(el, detail = { x: 0, y: 0 }) {
  el.dispatchEvent(new window.CustomEvent('tap', { bubbles: true, detail }))
}

// ---------------------------------------------------------------------------------------------
// Format, syntax, needs

const RT_KEYS = ['register', 'behavior', 'component', 'page', 'app', 'getApp', 'pages']
const names = allNames()
const parsed = {}
for (const n of names) {
  const s = readSnippet(n)
  const sf = ts.createSourceFile(`${n}.js`, s.body, ts.ScriptTarget.ES2017, true, ts.ScriptKind.JS)
  const defined = new Set(sf.statements.filter(ts.isFunctionDeclaration).map((f) => f.name.text))
  parsed[n] = { s, sf, defined }
}
const NEWER_THAN_ES2017 = new Set([ts.SyntaxKind.QuestionDotToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken, ts.SyntaxKind.AmpersandAmpersandEqualsToken, ts.SyntaxKind.SpreadAssignment, ts.SyntaxKind.BigIntLiteral,
  ts.SyntaxKind.PrivateIdentifier, ts.SyntaxKind.ImportDeclaration, ts.SyntaxKind.ExportDeclaration, ts.SyntaxKind.ExportAssignment, ts.SyntaxKind.ClassDeclaration])

async function formatTests() {
  await test('every rt key the compiler uses has a snippet', () => {
    for (const k of RT_KEYS) ok(names.includes(k), `${k}.js is missing`)
    ok(names.includes('_core'), '_core.js is missing')
  })
  for (const n of names) {
    const { s, sf, defined } = parsed[n]
    await test(`${n}: header, top-level shape, ES2017 syntax, exact needs`, () => {
      const lines = s.raw.split('\n')
      ok(/^\/\/ \S.*(PLATFORMS\.md|LANGUAGE\.md) §/.test(lines[0]), 'line 1 is a `// description` naming its source (PLATFORMS.md §/LANGUAGE.md §)')
      ok(/^\/\/ needs:( \w+(, \w+)*)?$/.test(lines[1]), 'line 2 is `// needs: a, b` or `// needs:`')
      ok(!lines[2].startsWith('//'), 'exactly two header lines')
      eq(sf.parseDiagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ')), [], 'parse errors')
      const bad = []
      const visit = (node) => {
        if (NEWER_THAN_ES2017.has(node.kind)) bad.push(ts.SyntaxKind[node.kind])
        if (ts.isRegularExpressionLiteral(node) && /\/[a-z]*s[a-z]*$/.test(node.text)) bad.push('regexp flag s')
        if (ts.isCatchClause(node) && !node.variableDeclaration) bad.push('optional catch binding')
        if (ts.isForOfStatement(node) && node.awaitModifier) bad.push('for await')
        if (ts.isIdentifier(node) && /^(Vue|require|module|exports)$/.test(node.text) && !ts.isPropertyAccessExpression(node.parent)) bad.push(`uses ${node.text}`)
        ts.forEachChild(node, visit)
      }
      visit(sf)
      eq(bad, [], 'syntax newer than ES2017 or forbidden names')
      for (const st of sf.statements) {
        if (ts.isFunctionDeclaration(st)) {
          ok(st.name.text.startsWith('__mw'), `top-level function ${st.name.text} is prefixed __mw`)
          continue
        }
        ok(n !== '_core', '_core holds only function declarations')
        const e = st.expression
        ok(ts.isExpressionStatement(st) && ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
          ts.isPropertyAccessExpression(e.left) && e.left.expression.getText() === 'rt' && e.left.name.text === n,
          `the statement is \`rt.${n} = ...;\`, got \`${st.getText().slice(0, 40)}\``)
      }
      if (n !== '_core') eq(sf.statements.filter((st) => !ts.isFunctionDeclaration(st)).length, 1, `rt.${n} assignments`)
      const helpers = new Set()
      const rtKeys = new Set()
      // An optional part: `if (rt.x) ...` uses snippet x only when the program includes it.
      const optional = new Set()
      const walk = (node) => {
        if (ts.isIdentifier(node) && node.text.startsWith('__mw') && !defined.has(node.text)) helpers.add(node.text)
        if (ts.isIfStatement(node) && /^rt\.\w+$/.test(node.expression.getText())) optional.add(node.expression.getText().slice(3))
        // Object.assign(..., rt.x, ...) mixes optional methods in: absent parts are skipped.
        if (ts.isCallExpression(node) && node.expression.getText() === 'Object.assign') {
          for (const a of node.arguments) if (/^rt\.\w+$/.test(a.getText())) optional.add(a.getText().slice(3))
        }
        if (ts.isPropertyAccessExpression(node) && node.expression.getText() === 'rt' && node.name.text !== n) rtKeys.add(node.name.text)
        ts.forEachChild(node, walk)
      }
      walk(sf)
      for (const k of optional) rtKeys.delete(k)
      const justified = new Set()
      for (const h of helpers) {
        const from = s.needs.find((d) => parsed[d] && parsed[d].defined.has(h))
        ok(from, `${h} is defined in a needed snippet`)
        justified.add(from)
      }
      for (const k of rtKeys) {
        ok(s.needs.includes(k), `uses rt.${k} so needs ${k}`)
        justified.add(k)
      }
      for (const d of s.needs) ok(justified.has(d), `needs ${d} but does not use it`)
    })
  }
  await test('the showcase runtime (register, component, page, app) parses as a module; sizes', async () => {
    const code = assemble(['register', 'component', 'page', 'app'])
    ts.transpileModule(code, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2017, module: ts.ModuleKind.ESNext } })
    const all = assemble()
    sizes = { showcaseRaw: Buffer.byteLength(code), showcaseMin: await minifiedSize(code), allRaw: Buffer.byteLength(all), allMin: await minifiedSize(all) }
    ok(sizes.showcaseMin < 4096, `the showcase runtime is ${sizes.showcaseMin} bytes minified (budget 4096)`)
  })
}
let sizes = {}

// ---------------------------------------------------------------------------------------------
// Behaviour

async function behaviourTests(rt) {
  await test('register/component: typed props with WeChat defaults, per-instance object defaults', async () => {
    rt.register({
      properties: {
        s: String, n: Number, b: Boolean, o: Object, a: Array, any: null,
        conf: { type: Object, value: { deep: { x: 1 } } },
        list: { type: Array, value: [1, 2] },
        title: { type: String, value: 'T' },
        num: { type: Number, optionalTypes: [String], value: 3 },
      },
    })
    const C = withTemplate(rt.component({ path: 'components/x/x' }), '<view class="mw-host">{{ title }}|{{ s }}|{{ n }}</view>')
    eq(C.name, 'components-x-x', 'Vue name from the path')
    const one = mount(C)
    const two = mount(C, { num: '7', title: 'Given' })
    eq([one.s, one.n, one.b, one.o, one.a, one.any, one.title, one.num], ['', 0, false, null, [], null, 'T', 3], 'defaults')
    eq(two.num, '7', 'optionalTypes value')
    one.conf.deep.x = 2
    one.list.push(3)
    eq([two.conf.deep.x, two.list], [1, [1, 2]], 'object defaults are per instance')
    eq(two.$el.textContent, 'Given||0', 'rendered')
    eq(Object.keys(two.data).sort(), ['a', 'any', 'b', 'conf', 'list', 'n', 'num', 'o', 's', 'title'], 'this.data keys (properties)')
    eq(two.properties.title, 'Given', 'this.properties')
    eq(two.is, 'components/x/x', 'this.is')
  })

  await test('behaviors: merged in order, own last; lifetimes in order; string behaviors ignored', async () => {
    const log = []
    const inner = rt.behavior({ data: { i: 1 }, methods: { who: () => 'inner', deep: () => 'deep' }, created() { log.push('inner created') } })
    const B = rt.behavior({
      behaviors: [inner],
      properties: { fromB: { type: String, value: 'b' } },
      data: { shared: 'b', fromBData: true },
      methods: { who: () => 'B', onlyB: () => 'B' },
      lifetimes: { attached() { log.push('B attached') } },
      observers: { shared(v) { log.push(`B sees ${v}`) } },
    })
    rt.register({
      behaviors: ['wx://form-field', B],
      data: { shared: 'own' },
      methods: { who: () => 'own' },
      lifetimes: { created() { log.push('own created') }, attached() { log.push('own attached') }, ready() { log.push('own ready') }, detached() { log.push('own detached') } },
      attached() { log.push('old-style attached (ignored: lifetimes wins)') },
    })
    const vm = mount(withTemplate(rt.component({ path: 'c/b' }), '<view class="mw-host">{{ shared }}</view>'))
    eq([vm.who(), vm.onlyB(), vm.deep(), vm.shared, vm.fromBData, vm.i, vm.fromB], ['own', 'B', 'deep', 'own', true, 1, 'b'], 'merged fields')
    vm.setData({ shared: 'x' })
    await tick()
    vm.$destroy()
    eq(log, ['inner created', 'own created', 'B attached', 'own attached', 'own ready', 'B sees x', 'own detached'], 'lifetimes and observer order')
  })

  await test('property observers and observers (a, b / a.b / a.** / **), also for properties given at creation', async () => {
    const log = []
    rt.register({
      properties: { value: { type: Number, value: 0, observer(n, o) { log.push(['value', n, o]) } }, other: { type: Number, value: 0, observer: 'onOther' } },
      data: { a: 1, b: 2, obj: { x: 1, y: { z: 1 } } },
      methods: { onOther(n) { log.push(['other', n]) } },
      observers: {
        'a, b': function (a, b) { log.push(['a,b', a, b]) },
        'obj.x': function (x) { log.push(['obj.x', x]) },
        'obj.**': function (obj) { log.push(['obj.**', obj.y.z]) },
        '**': function () { log.push(['**']) },
      },
    })
    const C = withTemplate(rt.component({ path: 'c/o' }), '<view class="mw-host">{{ value }}</view>')
    const parent = mount({ data: { v: 5 }, components: { c: C }, render(h) { return h('c', { props: { value: this.v } }) } })
    const vm = parent.$children[0]
    eq(log, [['value', 5, undefined]], 'a property given at creation fires its observer (only it)')
    log.length = 0
    parent.v = 6
    await tick()
    eq(log, [['value', 6, 5], ['**']], "a property change fires its observer and '**'")
    log.length = 0
    vm.setData({ b: 3 })
    await tick()
    eq(log, [['a,b', 1, 3], ['**']], "setData({ b }) fires 'a, b' and '**'")
    log.length = 0
    vm.setData({ 'obj.y.z': 9 })
    await tick()
    eq(log.map((l) => l[0]).sort(), ['**', 'obj.**'], "setData('obj.y.z') fires 'obj.**' and '**', not 'obj.x'")
    log.length = 0
    vm.setData({ 'obj.x': 4 })
    await tick()
    ok(log.some((l) => l[0] === 'obj.x' && l[1] === 4), "setData('obj.x') fires 'obj.x'")
  })

  await test('setData: paths, new keys, arrays, declared template vars, callback after render', async () => {
    rt.register({ data: { list: [{ done: false }, { done: false }], form: { name: '' }, n: 0 } })
    const P = withTemplate(rt.page({ path: 'pages/s/s', vars: ['later', 'list', 'n'] }),
      '<view class="mw-page"><text class="later">{{ later }}</text><text v-for="(t, i) in list" :key="i" :class="t.done ? \'done\' : \'\'">{{ i }}</text><text class="deep">{{ form.a && form.a.b }}</text></view>')
    const vm = mount(P)
    let seen = null
    vm.setData({ 'list[1].done': true, 'form.a.b': 'x', later: 'now', n: 1 }, function () {
      seen = [this === vm, vm.$el.querySelector('.later').textContent, vm.$el.querySelectorAll('.done').length, vm.$el.querySelector('.deep').textContent]
    })
    eq(vm.data.list[1].done, true, 'this.data sees the change at once')
    await tick()
    eq(seen, [true, 'now', 1, 'x'], 'the callback runs after the DOM update, with this = the instance')
    vm.setData({ 'list[2]': { done: true }, undeclared: { k: 1 } })
    vm.setData({ 'undeclared.k': 2, 'fresh.path[0]': 'a' })
    await tick()
    eq(vm.data.list.length, 3, 'list[2] extends the array')
    eq(vm.$el.querySelectorAll('.done').length, 2, 'the array change renders')
    eq([vm.data.undeclared, vm.data.fresh], [{ k: 2 }, { path: ['a'] }], 'new top-level keys are kept in this.data')
  })

  await test('setData of a property: written until the parent sets it again (Vue dev warns, as expected)', async () => {
    rt.register({ properties: { v: { type: Number, value: 0 } }, methods: { bump() { this.setData({ v: this.data.v + 1 }) } } })
    const C = withTemplate(rt.component({ path: 'c/p' }), '<view class="mw-host">{{ v }}</view>')
    const parent = mount({ data: { v: 5 }, components: { c: C }, render(h) { return h('c', { props: { v: this.v } }) } })
    const vm = parent.$children[0]
    vm.bump()
    await tick()
    eq([vm.data.v, vm.$el.textContent], [6, '6'], 'after setData')
    parent.v = 10
    await tick()
    eq(vm.$el.textContent, '10', 'after the parent sets it')
    ok(warnings.length === 1 && /Avoid mutating a prop directly/.test(warnings[0]), 'exactly the prop-mutation warning')
    warnings = []
  })

  await test('model:value on a custom component: the component\'s own setData of the property updates the parent\'s path', async () => {
    rt.register({ properties: { value: { type: String, value: '' } }, methods: { type(v) { this.setData({ value: v }) } } })
    const Field = withTemplate(rt.component({ path: 'c/field' }), '<view class="mw-host">{{ value }}</view>')
    rt.register({ data: { name: 'Ann' } })
    // What the compiler writes for <field model:value="{{name}}"/>.
    const P = withTemplate(rt.page({ path: 'pages/m/m', components: { field: Field } }),
      '<view class="mw-page"><field :value="name" @mw-model-value="__model(\'name\', $event)"></field><field class="plain" :value="name"></field></view>')
    const vm = mount(P)
    const [bound, plain] = vm.$children
    eq(vm.data.name, 'Ann', 'the parent\'s value does not echo back')
    bound.type('Bob')
    await tick()
    eq([vm.data.name, plain.$el.textContent], ['Bob', 'Bob'], 'the path is set, and flows to every user')
    plain.type('Cy')
    await tick()
    eq(vm.data.name, 'Bob', 'a component without model: keeps its value to itself')
    warnings = []
  })

  await test('events: __ev builds WeChat events (detail, dataset, mark), triggerEvent reaches the parent, missing handlers are ignored', async () => {
    rt.register({ methods: { ping() { this.triggerEvent('ping', { n: 1 }, { bubbles: true }) } } })
    const Child = withTemplate(rt.component({ path: 'c/child' }), '<view class="mw-host"><view class="ping" @tap.stop="__ev(\'ping\', $event)">p</view></view>')
    const got = []
    rt.register({
      data: { name: 'dyn' },
      onTap(e) { got.push(['tap', e]) },
      dyn(e) { got.push(['dyn', e.type]) },
      onInput(e) { got.push(['input', e.detail]) },
      onPing(e) { got.push(['ping', e]) },
      onCustom(e) { got.push(['custom', e.detail]) },
    })
    const P = withTemplate(rt.page({ path: 'pages/e/e', components: { child: Child } }), `<view class="mw-page">
      <view class="outer" :mwmk.prop="{ where: 'outer', who: 'outer' }">
        <view id="box" class="box" data-user-id="7" :mwds.prop="{ userId: 7 }" :mwmk.prop="{ who: 'box' }" @tap="__ev('onTap', $event)"><text class="inner" :mwds.prop="{ k: 'inner' }">in</text></view>
      </view>
      <view class="dyn" @tap="__ev(name, $event)">d</view>
      <view class="missing" @tap="__ev('nope', $event)">m</view>
      <input class="field" @input="__ev('onInput', $event)"/>
      <input class="check" type="checkbox" @change="__ev('onInput', $event)"/>
      <child id="kid" data-role="kid" :mwds.prop="{ role: 'kid' }" @ping="__ev('onPing', $event)"></child>
      <slider class="slider" @change="__ev('onCustom', $event)"></slider>
    </view>`)
    const vm = mount(P)
    tap(vm.$el.querySelector('.inner'))
    tap(vm.$el.querySelector('.dyn'))
    tap(vm.$el.querySelector('.missing'))
    const input = vm.$el.querySelector('.field')
    input.value = 'abc'
    input.dispatchEvent(new window.Event('input', { bubbles: true }))
    const check = vm.$el.querySelector('.check')
    check.checked = true
    check.dispatchEvent(new window.Event('change', { bubbles: true }))
    tap(vm.$el.querySelector('.ping'))
    vm.$el.querySelector('.slider').dispatchEvent(new window.CustomEvent('change', { bubbles: true, detail: { value: 30 } }))
    await tick()
    eq(got.map((g) => g[0]), ['tap', 'dyn', 'input', 'input', 'ping', 'custom'], 'handlers called')
    const e = got[0][1]
    eq([e.type, e.detail, e.currentTarget, e.target, e.mark], ['tap', { x: 0, y: 0 }, { id: 'box', dataset: { userId: 7 } }, { id: '', dataset: { k: 'inner' } }, { who: 'box' }],
      'tap event: type, detail, currentTarget, target, mark (target up to the listener)')
    ok(typeof e.timeStamp === 'number', 'timeStamp')
    eq(got[2][1], { value: 'abc' }, 'input detail')
    eq(got[3][1], { value: true }, 'checkbox detail')
    const p = got[4][1]
    eq([p.type, p.detail, p.currentTarget.dataset, p.target.id], ['ping', { n: 1 }, { role: 'kid' }, 'kid'], 'triggerEvent event')
    eq(got[5][1], { value: 30 }, 'a CustomEvent detail is passed through')
  })

  await test('__model: typing sets the bound (dotted) path', async () => {
    rt.register({ data: { form: { name: 'a' }, n: '' } })
    const vm = mount(withTemplate(rt.page({ path: 'pages/m/m' }), `<view class="mw-page">
      <input class="a" :value="form.name" @input="__model('form.name', $event)"/>
      <input class="b" :value="n" @input="__model('n', $event)"/></view>`))
    const a = vm.$el.querySelector('.a')
    a.value = 'typed'
    a.dispatchEvent(new window.Event('input'))
    await tick()
    eq(vm.data.form.name, 'typed', 'form.name')
    vm.setData({ n: 'set' })
    await tick()
    eq(vm.$el.querySelector('.b').value, 'set', 'the data flows back to the input')
  })

  await test('selectComponent / selectAllComponents, through slots', async () => {
    rt.register({ data: { v: 1 } })
    const Leaf = withTemplate(rt.component({ path: 'c/leaf' }), '<view class="mw-host">{{ v }}</view>')
    rt.register({})
    const Box = withTemplate(rt.component({ path: 'c/box', components: { leaf: Leaf } }), '<view class="mw-host"><leaf class="own"></leaf><slot></slot></view>')
    rt.register({})
    const vm = mount(withTemplate(rt.page({ path: 'pages/q/q', components: { box: Box, leaf: Leaf } }),
      '<view class="mw-page"><box id="b"><leaf class="slotted x"></leaf></box><leaf id="l3" class="x"></leaf></view>'))
    eq(vm.selectAllComponents('.x').length, 2, '.x components')
    ok(vm.selectComponent('#b') === vm.$children[0], '#b')
    ok(vm.selectComponent('.slotted').v === 1, 'a slotted component')
    eq(vm.selectComponent('.none'), null, 'no match is null')
  })

  await test('page: wbox lifecycles, onLoad query forms, this.options/route, other keys as data, WXS modules', async () => {
    const log = []
    rt.register({
      data: { a: 1 },
      extra: { k: 'v' },
      onLoad(q) { log.push(['load', q, this.options === q]) },
      onShow() { log.push(['show']) },
      onShareAppMessage() { return { title: 'share' } },
      onTopic() {},
    })
    const P = withTemplate(rt.page({ path: 'pages/w/w', wxs: { fmt: { up: (s) => s.toUpperCase() } } }), '<view class="mw-page">{{ fmt.up(extra.k) }}</view>')
    eq(Object.keys(P.wbox).sort(), ['onLoad', 'onShareAppMessage', 'onShow'], 'the wbox block holds only lifecycles')
    const vm = mount(P)
    P.wbox.onLoad.call(vm, { query: { id: '1' } })
    P.wbox.onLoad.call(vm, { queryParams: { id: '2' } })
    P.wbox.onLoad.call(vm, { id: '3' })
    P.wbox.onLoad.call(vm)
    P.wbox.onShow.call(vm)
    eq(P.wbox.onShareAppMessage.call(vm), { title: 'share' }, 'onShareAppMessage returns')
    eq(log, [['load', { id: '1' }, true], ['load', { id: '2' }, true], ['load', { id: '3' }, true], ['load', {}, true], ['show']], 'onLoad gets the query')
    eq([vm.route, typeof vm.onLoad, typeof vm.onTopic, vm.$el.textContent], ['pages/w/w', 'function', 'function', 'V'], 'route, methods, data, WXS')
  })

  await test('page built with Component(): query into properties, lifetimes around the page hooks, methods as page functions', async () => {
    const log = []
    rt.register({
      properties: { id: Number },
      data: { n: 1 },
      lifetimes: { attached() { log.push(['attached', this.data.id]) } },
      pageLifetimes: { show() { log.push('show') } },
      methods: { onLoad(q) { log.push(['onLoad', q.id]) }, bump() { this.setData({ n: this.data.n + 1 }) } },
    })
    const P = withTemplate(rt.page({ path: 'pages/c/c' }), '<view class="mw-page">{{ n }}</view>')
    const vm = mount(P)
    P.wbox.onLoad.call(vm, { queryParams: { id: '7' } })
    P.wbox.onShow.call(vm)
    vm.bump()
    await tick()
    eq(log, [['attached', 7], ['onLoad', '7'], 'show'], 'the hooks in WeChat\'s order, the property from the query')
    eq(vm.$el.textContent, '2', 'a method is a page function')
  })

  await test('app/getApp/pages: App options exported, onLaunch once before onShow, getCurrentPages', async () => {
    const log = []
    const o = rt.app({ globalData: { n: 0 }, onLaunch() { this.globalData.n++; log.push('launch') }, onShow() { log.push('show') } })
    ok(rt.getApp() === o, 'getApp() is the exported object')
    o.onShow()
    o.onLaunch()
    o.onShow()
    eq([log, o.globalData.n], [['launch', 'show', 'show'], 1], 'onLaunch ran once, before the first onShow')
    eq(rt.pages(), [], 'no wbx: no pages')
    global.wbx = { getCurrentPagesSync: () => ['p'] }
    eq(rt.pages(), ['p'], 'wbx.getCurrentPagesSync()')
    delete global.wbx
  })

  await test('component(): no registration gives an empty component; externalClasses are string props', async () => {
    const Empty = withTemplate(rt.component({ path: 'c/empty' }), '<view class="mw-host">e</view>')
    mount(Empty)
    rt.register({ externalClasses: ['custom-class'] })
    const C = withTemplate(rt.component({ path: 'c/ext' }), '<view class="mw-host" :class="customClass">e</view>')
    const parent = mount({ components: { c: C }, render: (h) => h('c', { attrs: { 'custom-class': 'red' } }) })
    eq(parent.$el.className, 'mw-host red', 'the external class arrives')
  })
}

async function main() {
  await formatTests()
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-weibo-rt-'))
  const file = path.join(tmp, 'vue.mjs')
  fs.writeFileSync(file, assemble())
  const rt = (await import(pathToFileURL(file).href)).default
  await behaviourTests(rt)
  fs.rmSync(tmp, { recursive: true, force: true })
  console.log(`weibo runtime: ${count - failures.length}/${count} tests passed; showcase runtime ${sizes.showcaseRaw} bytes raw / ${sizes.showcaseMin} minified, ` +
    `all ${names.length} snippets ${sizes.allRaw} / ${sizes.allMin}` + (failures.length ? `; FAILED: ${failures.join('; ')}` : ''))
  process.exit(failures.length ? 1 : 0)
}
main().catch((e) => {
  console.error(e)
  process.exit(1)
})
