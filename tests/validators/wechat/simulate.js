// Behavioural judge for an emitted WeChat folder: renders the showcase's custom components with
// miniprogram-simulate 1.6.2 + j-component (shared/reference/VALIDATORS.md §3), taps them and reads
// the DOM back.
//
//   node tests/validators/wechat/simulate.js <emitted wechat folder> [--keep]
//
// - Plain node + jsdom, no jest: jsdom's window/document/Event/... are installed as globals first.
//   Node 20's own Event/CustomEvent must be overwritten, or dispatchEvent fails with
//   "parameter 1 is not of type 'Event'".
// - The emitted folder is copied to a temp folder (never written to) and `rootPath` is that copy,
//   so `simulate.load` compiles every .wxml of the program with the real wcc (miniprogram-compiler)
//   and component JS is require()d in place: its `require('../../utils/x.js')` or
//   `require('../../miniweave_runtime/x.js')` resolve as they would in the emitted folder.
// - The parent/child cases use host components written by this script into the copy
//   (`__miniweave_simulate__/`), next to the emitted components they use.
// - Every exparser error (a handler or lifetime that throws) and warning (a property given the
//   wrong type, a component not found, ...) while a check runs fails that check. So does an event
//   binding whose handler is not a method of the component (exparser ignores those silently).
// - Pages are not covered here: miniprogram-simulate supports Component() only, not Page()
//   (`Page is not defined`). The pages' templates are still compiled by wcc through rootPath;
//   their WXML/WXSS/JSON are judged by ../wechat.js and their JS by ./types.js.
// - --keep leaves the temp copy in place and prints its path.
'use strict'
const assert = require('assert/strict')
const fs = require('fs')
const os = require('os')
const path = require('path')

const args = process.argv.slice(2)
const keep = args.includes('--keep')
const positional = args.filter((a) => !a.startsWith('--'))
if (positional.length !== 1 || !fs.existsSync(positional[0]) || !fs.statSync(positional[0]).isDirectory()) {
  console.error('usage: node simulate.js <emitted wechat folder> [--keep]')
  process.exit(2)
}
const emitted = path.resolve(positional[0])
const started = Date.now()

const { simulate, problems } = require('./simulate-env').simulateEnvironment()

// The copy the components are loaded from, with the test's host components added.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'miniweave-simulate-'))
fs.cpSync(emitted, root, { recursive: true })

const COMPONENTS = {
  card: 'components/card/card',
  todo: 'components/todo-item/todo-item',
  empty: 'components/empty-state/empty-state',
}
const HOST_DIR = '__miniweave_simulate__'

// A host that wraps todo-item and records the child's events in its own data. The outer view's
// bindtap counts taps that bubble out of the child (catchtap must stop them).
const TODO_HOST = {
  json: { component: true, usingComponents: { 'todo-item': '../../components/todo-item/todo-item' } },
  wxml: [
    '<view class="outer" bindtap="onOuterTap">',
    '  <todo-item id="child" item="{{item}}" index="{{index}}" bind:toggle="onToggle" bindopen="onOpen" bind:remove="onRemove"/>',
    '</view>',
    '<text class="log">{{log}}</text>',
  ].join('\n'),
  js: `Component({
  data: { item: { id: 5, title: 'Wrapped', done: false }, index: 1, log: 'none', events: [], outerTaps: 0 },
  methods: {
    record(name, detail) {
      this.setData({ events: this.data.events.concat([{ name: name, detail: detail }]), log: name + ' ' + JSON.stringify(detail) })
    },
    onToggle(e) { this.record('toggle', e.detail); this.setData({ 'item.done': e.detail.done }) },
    onOpen(e) { this.record('open', e.detail) },
    onRemove(e) { this.record('remove', e.detail) },
    onOuterTap() { this.setData({ outerTaps: this.data.outerTaps + 1 }) },
  },
})
`,
}

// A host that fills card's three slots and drives its footer through the dashed attribute.
const CARD_HOST = {
  json: { component: true, usingComponents: { card: '../../components/card/card' } },
  wxml: [
    '<card id="card" title="{{title}}" show-footer="{{footer}}">',
    '  <view slot="header" class="slot-header">HEAD</view>',
    '  <view class="slot-body">BODY</view>',
    '  <view slot="footer" class="slot-footer">FOOT</view>',
    '</card>',
  ].join('\n'),
  js: "Component({ data: { title: 'Hosted card', footer: true } })\n",
}

function writeHost(name, host) {
  const dir = path.join(root, HOST_DIR, name)
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(host.json, null, 2))
  fs.writeFileSync(path.join(dir, `${name}.wxml`), host.wxml)
  fs.writeFileSync(path.join(dir, `${name}.js`), host.js)
  return `${HOST_DIR}/${name}/${name}`
}
// Written before the first load: wcc compiles every .wxml under rootPath once, on the first load.
const HOSTS = { card: writeHost('card-host', CARD_HOST), todo: writeHost('todo-host', TODO_HOST) }

// wcc's stdout is the compiled program; its 1 MB default buffer is too small for big programs.
const WCC_OPTIONS = { maxBuffer: 64 * 1024 * 1024 }
const loaded = new Map()
/** Loads (once) and renders the component at `rel` (relative to the copy), attached to a parent. */
function mount(rel, props) {
  if (!loaded.has(rel)) {
    for (const ext of ['json', 'wxml', 'js']) {
      if (!fs.existsSync(path.join(root, `${rel}.${ext}`))) throw new Error(`${rel}.${ext} is missing from the emitted folder`)
    }
    loaded.set(rel, simulate.load(path.join(root, rel), path.basename(rel), { rootPath: root, compilerOptions: WCC_OPTIONS }))
  }
  const comp = simulate.render(loaded.get(rel), props || {})
  comp.attach(document.createElement('parent-wrapper'))
  return comp
}

async function settle() {
  await simulate.sleep(0)
}

async function tap(node, what) {
  assert.ok(node, `${what} not rendered`)
  node.dispatchEvent('tap')
  await settle()
}

function text(comp, selector) {
  const node = comp.querySelector(selector)
  assert.ok(node, `no ${selector} in ${html(comp)}`)
  return node.dom.textContent
}

function html(comp) {
  return comp.dom.outerHTML
}

/** Records the component's events (as [name, detail]) while `fn` runs. */
async function events(comp, names, fn) {
  const seen = []
  for (const name of names) comp.addEventListener(name, (e) => seen.push([name, e.detail]))
  await fn()
  return seen
}

/** toJSON() nodes whose static class list contains `cls` (classes there are unprefixed). */
function jsonNodes(tree, cls) {
  const out = []
  const walk = (node) => {
    if (!node || typeof node !== 'object') return
    const c = (node.attrs || []).find((a) => a.name === 'class')
    if (c && String(c.value).split(/\s+/).includes(cls)) out.push(node)
    ;(node.children || []).forEach(walk)
  }
  walk(tree)
  return out
}

function attr(node, name) {
  const a = (node.attrs || []).find((x) => x.name === name)
  return a ? a.value : undefined
}

/**
 * Every event binding in the component's own template names a method of the component.
 * exparser silently ignores a missing handler, so a renamed method would otherwise pass unnoticed.
 * Nodes of used custom components are checked for their own bindings but not descended into.
 */
function assertHandlersExist(comp, rel) {
  const json = JSON.parse(fs.readFileSync(path.join(root, `${rel}.json`), 'utf8'))
  const custom = new Set(Object.keys(json.usingComponents || {}))
  const missing = []
  const walk = (node, top) => {
    if (!node || typeof node !== 'object') return
    for (const [name, binding] of Object.entries(node.event || {})) {
      if (typeof binding.handler === 'string' && typeof comp.instance[binding.handler] !== 'function') {
        missing.push(`<${node.tagName}> ${binding.isCatch ? 'catch' : 'bind'}:${name}="${binding.handler}"`)
      }
    }
    if (!top && custom.has(node.tagName)) return
    ;(node.children || []).forEach((child) => walk(child, false))
  }
  walk(comp.toJSON(), true)
  assert.deepEqual(missing, [], `${rel}: event handlers that are not methods of the component`)
}

const checks = []
const check = (name, fn) => checks.push({ name, fn })

// ---- components/card/card ---------------------------------------------------------------------
check('card: renders the title property into .card__title', async () => {
  const comp = mount(COMPONENTS.card, { title: 'Groceries' })
  assert.equal(text(comp, '.card__title'), 'Groceries')
  assertHandlersExist(comp, COMPONENTS.card)
})
check('card: footer shown by default (showFooter defaults to true)', async () => {
  const comp = mount(COMPONENTS.card, { title: 'T' })
  assert.ok(comp.querySelector('.card__foot'), `no .card__foot in ${html(comp)}`)
})
check('card: footer hidden when showFooter is false', async () => {
  const comp = mount(COMPONENTS.card, { title: 'T', showFooter: false })
  assert.ok(!comp.querySelector('.card__foot'), `.card__foot still rendered: ${html(comp)}`)
  assert.ok(comp.querySelector('.card__body'), `no .card__body in ${html(comp)}`)
})
check('card: instance.setData re-renders the title and the footer', async () => {
  const comp = mount(COMPONENTS.card, { title: 'Before' })
  comp.instance.setData({ title: 'After' })
  await settle()
  assert.equal(text(comp, '.card__title'), 'After')
  comp.instance.setData({ showFooter: false })
  await settle()
  assert.ok(!comp.querySelector('.card__foot'), `.card__foot still rendered: ${html(comp)}`)
})
check('card: header, default and footer slots receive a parent\'s content; show-footer hides the footer', async () => {
  const host = mount(HOSTS.card)
  const card = host.querySelector('#card')
  assert.ok(card, `no <card> in ${html(host)}`)
  assert.equal(text(card, '.card__title'), 'Hosted card')
  const head = card.querySelector('.card__head')
  const body = card.querySelector('.card__body')
  const foot = card.querySelector('.card__foot')
  assert.ok(head && body && foot, `card parts missing: ${html(host)}`)
  // named slots need options.multipleSlots; without it every child lands in one slot.
  assert.equal(head.dom.textContent.replace(/\s+/g, ''), 'HostedcardHEAD', `header slot: ${head.dom.outerHTML}`)
  assert.equal(body.dom.textContent.trim(), 'BODY', `default slot: ${body.dom.outerHTML}`)
  assert.equal(foot.dom.textContent.trim(), 'FOOT', `footer slot: ${foot.dom.outerHTML}`)
  host.instance.setData({ footer: false })
  await settle()
  assert.ok(!card.querySelector('.card__foot'), `footer still rendered with show-footer false: ${html(host)}`)
  assert.ok(!html(host).includes('FOOT'), `footer slot content still rendered: ${html(host)}`)
  host.instance.setData({ footer: true })
  await settle()
  assert.equal(text(card, '.card__foot').trim(), 'FOOT')
})

// ---- components/todo-item/todo-item -----------------------------------------------------------
const milk = { id: 7, title: 'Buy milk', done: false }

check('todo-item: renders "{{index + 1}}. {{item.title}}"', async () => {
  const comp = mount(COMPONENTS.todo, { item: milk, index: 2 })
  assert.equal(text(comp, '.todo__title'), '3. Buy milk')
  assert.equal(attr(jsonNodes(comp.toJSON(), 'todo')[0], 'data-id'), 7, 'data-id of .todo')
  assertHandlersExist(comp, COMPONENTS.todo)
})
check('todo-item: index defaults to 0', async () => {
  const comp = mount(COMPONENTS.todo, { item: milk })
  assert.equal(text(comp, '.todo__title'), '1. Buy milk')
})
check('todo-item: todo--done class and icon follow item.done', async () => {
  const open = mount(COMPONENTS.todo, { item: milk, index: 0 })
  assert.ok(!open.querySelector('.todo--done'), `todo--done on an open item: ${html(open)}`)
  let icons = jsonNodes(open.toJSON(), 'todo__box')[0].children.filter((n) => n.tagName === 'wx-icon')
  assert.deepEqual(icons.map((n) => attr(n, 'type')), ['circle'], 'icon of an open item')
  const done = mount(COMPONENTS.todo, { item: { ...milk, done: true }, index: 0 })
  assert.ok(done.querySelector('.todo--done'), `no todo--done on a done item: ${html(done)}`)
  icons = jsonNodes(done.toJSON(), 'todo__box')[0].children.filter((n) => n.tagName === 'wx-icon')
  assert.deepEqual(icons.map((n) => attr(n, 'type')), ['success'], 'icon of a done item')
})
check('todo-item: tapping .todo__box triggers toggle { id, done: !done }', async () => {
  const comp = mount(COMPONENTS.todo, { item: milk, index: 0 })
  let seen = await events(comp, ['toggle', 'open', 'remove'], () => tap(comp.querySelector('.todo__box'), '.todo__box'))
  assert.deepEqual(seen, [['toggle', { id: 7, done: true }]])
  const done = mount(COMPONENTS.todo, { item: { ...milk, done: true }, index: 0 })
  seen = await events(done, ['toggle', 'open', 'remove'], () => tap(done.querySelector('.todo__box'), '.todo__box'))
  assert.deepEqual(seen, [['toggle', { id: 7, done: false }]])
})
check('todo-item: tapping .todo__title triggers open { id }', async () => {
  const comp = mount(COMPONENTS.todo, { item: milk, index: 0 })
  const seen = await events(comp, ['toggle', 'open', 'remove'], () => tap(comp.querySelector('.todo__title'), '.todo__title'))
  assert.deepEqual(seen, [['open', { id: 7 }]])
})
check('todo-item: tapping .todo__remove triggers remove { id }', async () => {
  const comp = mount(COMPONENTS.todo, { item: milk, index: 0 })
  const seen = await events(comp, ['toggle', 'open', 'remove'], () => tap(comp.querySelector('.todo__remove'), '.todo__remove'))
  assert.deepEqual(seen, [['remove', { id: 7 }]])
})
check('todo-item: instance.setData re-renders text and class', async () => {
  const comp = mount(COMPONENTS.todo, { item: milk, index: 0 })
  comp.instance.setData({ item: { id: 8, title: 'Walk the dog', done: true }, index: 4 })
  await settle()
  assert.equal(text(comp, '.todo__title'), '5. Walk the dog')
  assert.ok(comp.querySelector('.todo--done'), `no todo--done after setData: ${html(comp)}`)
  comp.instance.setData({ 'item.done': false })
  await settle()
  assert.ok(!comp.querySelector('.todo--done'), `todo--done after setData item.done=false: ${html(comp)}`)
  const seen = await events(comp, ['toggle'], () => tap(comp.querySelector('.todo__box'), '.todo__box'))
  assert.deepEqual(seen, [['toggle', { id: 8, done: true }]], 'toggle after setData')
})

// ---- components/empty-state/empty-state -------------------------------------------------------
check('empty-state: message defaults to "Nothing here yet"', async () => {
  const comp = mount(COMPONENTS.empty)
  assert.equal(text(comp, '.empty__message'), 'Nothing here yet')
  assertHandlersExist(comp, COMPONENTS.empty)
})
check('empty-state: renders the message property', async () => {
  const comp = mount(COMPONENTS.empty, { message: 'No todos' })
  assert.equal(text(comp, '.empty__message'), 'No todos')
})
check('empty-state: instance.setData re-renders the message', async () => {
  const comp = mount(COMPONENTS.empty, { message: 'No todos' })
  comp.instance.setData({ message: 'All done' })
  await settle()
  assert.equal(text(comp, '.empty__message'), 'All done')
})
check('empty-state: image src points at a file of the emitted folder', async () => {
  const comp = mount(COMPONENTS.empty)
  const images = jsonNodes(comp.toJSON(), 'empty__image')
  assert.equal(images.length, 1, `one .empty__image expected: ${html(comp)}`)
  const src = String(attr(images[0], 'src') || '')
  assert.ok(src.startsWith('/'), `src "${src}" is not root-relative`)
  assert.ok(fs.existsSync(path.join(emitted, src)), `src "${src}" does not exist in the emitted folder`)
})

// ---- parent/child: todo-item inside a host component ------------------------------------------
check('parent/child: toggle reaches the parent, which updates its data and the child', async () => {
  const host = mount(HOSTS.todo)
  const child = host.querySelector('#child')
  assert.ok(child, `no <todo-item> in ${html(host)}`)
  assert.equal(text(child, '.todo__title'), '2. Wrapped')
  await tap(child.querySelector('.todo__box'), '.todo__box')
  assert.deepEqual(host.data.events, [{ name: 'toggle', detail: { id: 5, done: true } }])
  assert.equal(text(host, '.log'), 'toggle {"id":5,"done":true}')
  assert.ok(child.querySelector('.todo--done'), `the parent's item.done did not reach the child: ${html(host)}`)
  assert.equal(host.data.outerTaps, 0, 'catchtap on .todo__box let the tap bubble to the parent')
  await tap(child.querySelector('.todo__box'), '.todo__box')
  assert.deepEqual(host.data.events[1], { name: 'toggle', detail: { id: 5, done: false } })
  assert.ok(!child.querySelector('.todo--done'), `todo--done after toggling back: ${html(host)}`)
})
check('parent/child: open and remove reach the parent; bindtap bubbles, catch:tap does not', async () => {
  const host = mount(HOSTS.todo)
  const child = host.querySelector('#child')
  assert.ok(child, `no <todo-item> in ${html(host)}`)
  await tap(child.querySelector('.todo__title'), '.todo__title')
  assert.deepEqual(host.data.events, [{ name: 'open', detail: { id: 5 } }])
  assert.equal(host.data.outerTaps, 1, 'bindtap on .todo__title should bubble to the parent')
  await tap(child.querySelector('.todo__remove'), '.todo__remove')
  assert.deepEqual(host.data.events[1], { name: 'remove', detail: { id: 5 } })
  assert.equal(text(host, '.log'), 'remove {"id":5}')
  assert.equal(host.data.outerTaps, 1, 'catch:tap on .todo__remove let the tap bubble to the parent')
})

/** Temp-copy paths in messages, shown as paths of the emitted folder. */
function unmap(message) {
  return String(message).split(root).join(emitted)
}

function finish(failures, total) {
  if (keep) console.error(`simulate: temp copy kept at ${root}`)
  else fs.rmSync(root, { recursive: true, force: true })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (failures.length > 0) {
    console.error(`wechat-simulate: ${failures.length} of ${total} check(s) failed (${seconds}s)`)
    for (const f of failures) console.error(`  ✗ ${unmap(f)}`)
    process.exit(1)
  }
  console.log(`wechat-simulate: ${total} checks passed (card, todo-item, empty-state, parent/child) in ${seconds}s`)
}

async function main() {
  // One wcc run over the whole copy first: a WXML error anywhere under rootPath would otherwise
  // fail every check with the same message.
  try {
    require(require.resolve('miniprogram-compiler', { paths: [require.resolve('miniprogram-simulate')] })).wxmlToJs(root, WCC_OPTIONS)
  } catch (err) {
    finish([`wcc cannot compile the folder's WXML (every load() would fail; see ../wechat.js)\n      ${err.message.trim()}`], checks.length)
  }
  const failures = []
  for (const { name, fn } of checks) {
    problems.length = 0
    try {
      await fn()
      await settle()
      if (problems.length > 0) throw new Error(problems.join('\n'))
    } catch (err) {
      const extra = problems.length > 0 && !String(err.message).includes(problems[0]) ? `\n${problems.join('\n')}` : ''
      failures.push(`${name}\n      ${String(err.message + extra).split('\n').join('\n      ')}`)
    }
  }
  finish(failures, checks.length)
}

main().catch((err) => {
  console.error(`wechat-simulate: crashed: ${err && err.stack}`)
  process.exit(1)
})
