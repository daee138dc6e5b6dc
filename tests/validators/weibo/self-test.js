#!/usr/bin/env node
// Self-test of the Weibo judge: run.js must pass the hand-written fixture (fixture/, emitted-style
// output of the showcase's index, explore and me pages) and must fail each known mistake injected
// into a temporary copy of it, naming the right problem. Each copy gets the runtime the fixture
// does not keep (fixture.js: miniweave_runtime/vue.js and api.js assembled from the snippets), so
// the runtime mutation below applies to the generated vue.js.
//
//   node tests/validators/weibo/self-test.js [--fresh-runtime]
'use strict'

const fs = require('fs')
const os = require('os')
const path = require('path')
const { spawnSync } = require('child_process')

const { copyFixture } = require('./fixture')

const RUN = path.join(__dirname, 'run.js')
const extra = process.argv.includes('--fresh-runtime') ? ['--fresh-runtime'] : []

// [what, file under src/, text, replacement, words the report must contain]
const MUTATIONS = [
  ['catchtap lost its .stop', 'components/todo-item/todo-item.vue', `@tap.stop="__ev('toggle'`, `@tap="__ev('toggle'`, 'taps reaching the parent after a catchtap'],
  ['a handler that is not a method', 'pages/index/index.vue', `__ev('onDraft'`, `__ev('onDraftt'`, "handler onDraftt is not a method"],
  ['sibling keys that collide', 'pages/index/index.vue', `:key="'__mwT1-' + __mwT1i"`, `:key="'__mwT0-' + __mwT1i"`, 'Duplicate keys'],
  ['two template roots', 'components/card/card.vue', '</view>\n</template>', '</view>\n<view></view>\n</template>', 'template error'],
  ['data-* not collected in :mwds.prop', 'pages/explore/explore.vue', ` :mwds.prop="{topic: topic.id}"`, '', 'currentTarget.dataset.topic'],
  ['the dataset of a component host lost', 'components/todo-item/todo-item.vue', `this.triggerEvent('toggle', {`, `this.$emit('toggle', {`, 'toggle event type'],
  ["setData without WeChat's list[i] paths", 'miniweave_runtime/vue.js', String.raw`String(p).replace(/\[(\d+)\]/g, '.$1').split('.')`, `String(p).split('.')`, 'todos[1].done after tapping its box'],
  ['model: bound to another path', 'pages/me/me.vue', `:value="form.city"`, `:value="name"`, 'model form.city'],
  ['a page without the runtime', 'pages/explore/explore.vue', 'export default __mwRt.page(', 'export const page = __mwRt.page(', "does not provide an export named 'default'"],
  ['an undeclared template name', 'pages/index/index.vue', '{{ __mwT1.n }}', '{{ __mwT1.n }}{{ missing }}', 'Property or method "missing" is not defined'],
  ['the app without App()', 'app.js', 'export default __mwRt.app(', '__mwRt.app(', 'app.js'],
  ['rpx left in a stylesheet', 'components/card/card.css', 'margin: 3.2vw', 'margin: 24rpx', 'rpx left: 24rpx'],
  ['a stylesheet that does not parse', 'pages/index/index.css', '.new-todo {', '.new-todo {{', 'CSS does not parse'],
]

const copy = copyFixture
function run(dir) {
  const r = spawnSync(process.execPath, [RUN, dir, ...extra], { encoding: 'utf8' })
  return { status: r.status, out: `${r.stdout}${r.stderr}` }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-weibo-judge-'))
const failures = []
let skipped = 0
try {
  const clean = path.join(tmp, 'clean')
  copy(clean)
  const base = run(clean)
  if (base.status !== 0) failures.push(`the fixture does not pass:\n${base.out}`)
  MUTATIONS.forEach(([what, file, from, to, expect], i) => {
    const dir = path.join(tmp, `m${i}`)
    copy(dir)
    const f = path.join(dir, 'src', file)
    const text = fs.readFileSync(f, 'utf8')
    if (!text.includes(from)) {
      failures.push(`${what}: the fixture's ${file} no longer contains ${JSON.stringify(from)}`)
      return
    }
    fs.writeFileSync(f, text.replace(from, to))
    // With --fresh-runtime the folder's runtime is not read: its mutation is skipped.
    if (extra.length && file.startsWith('miniweave_runtime/')) return void skipped++
    const r = run(dir)
    if (r.status !== 1) failures.push(`${what}: exit ${r.status}, expected 1\n${r.out}`)
    else if (!r.out.includes(expect)) failures.push(`${what}: the report does not mention ${JSON.stringify(expect)}\n${r.out}`)
  })
} finally {
  fs.rmSync(tmp, { recursive: true, force: true })
}
for (const f of failures) console.error(`FAIL ${f}\n`)
console.log(`weibo judge self-test: the fixture passes: ${failures.some((f) => f.startsWith('the fixture')) ? 'no' : 'yes'}; ` +
  `${MUTATIONS.length - skipped - failures.filter((f) => !f.startsWith('the fixture')).length}/${MUTATIONS.length - skipped} injected mistakes caught` +
  (skipped ? ` (${skipped} runtime mutation skipped with --fresh-runtime)` : '') + (failures.length ? '; FAILED' : ''))
process.exit(failures.length ? 1 : 0)
