#!/usr/bin/env node
// Behaviour test of miniweave's Weibo API runtime (targets/src/weibo/runtime/api/*.js and the
// shared targets/src/common/runtime/api/*.js), assembled as the compiler does
// (tests/validators/lib/assemble-runtime.js) for a program calling the adapters below plus two
// generic ones (`showToast`, `getStorage`: WBox bridges them under WeChat's names, so only the
// calling convention is adapted: PLATFORMS.md §7.1).
//
//   node tests/validators/runtime/weibo-api.test.js
//
// A recording `wbx` is installed as a global; its functions answer through `success`/`fail`
// (asynchronously, as a bridge would). Checked: callback and promise style, WeChat's `errMsg`
// on both paths, `nextTick` after the current task, `canIUse` from what `wbx` has, and
// `wx[name]` chosen at run time (`__get`). Plain node:assert; one summary line; exit 1 on failure.
'use strict'

const assert = require('node:assert/strict')
const fs = require('fs')
const os = require('os')
const path = require('path')
const { pathToFileURL } = require('url')
const { assemble } = require('../lib/assemble-runtime')

const calls = []
globalThis.wbx = {
  showToast(o) {
    calls.push(['showToast', o])
    setTimeout(() => (o.title ? o.success({}) : o.fail({ errMsg: 'showToast:fail title is required' })), 0)
  },
  getStorage(o) {
    calls.push(['getStorage', o])
    setTimeout(() => (o.key === 'k' ? o.success({ data: 42 }) : o.fail(new Error('data not found'))), 0)
  },
  navigateTo(o) {
    calls.push(['navigateTo', o, this === globalThis.wbx])
    setTimeout(() => o.success({}), 0)
  },
}

const results = []
async function test(name, fn) {
  calls.length = 0
  try {
    await fn()
    results.push([name, null])
  } catch (e) {
    results.push([name, e])
  }
}

async function main() {
  const code = assemble('weibo', 'api', ['showToast', 'getStorage', 'nextTick', 'canIUse', '__get'])
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'miniweave-weibo-api-')), 'api.mjs')
  fs.writeFileSync(file, code)
  const api = (await import(pathToFileURL(file).href)).default

  await test('a generic adapter: callbacks run after the call returns, with errMsg "<name>:ok"', async () => {
    const seen = []
    const returned = api.showToast({ title: 'Hi', success: (r) => seen.push(['success', r]), complete: (r) => seen.push(['complete', r]) })
    assert.equal(seen.length, 0, 'callbacks are asynchronous')
    assert.equal(returned, undefined, 'callback style returns what wbx returns')
    await new Promise((r) => setTimeout(r, 5))
    assert.deepEqual(seen.map(([k]) => k), ['success', 'complete'])
    assert.equal(seen[0][1].errMsg, 'showToast:ok')
    assert.equal(calls[0][0], 'showToast')
    assert.equal(calls[0][1].title, 'Hi', 'the options reach wbx as written')
  })
  await test('a generic adapter without callbacks returns a promise; failures reject with WeChat\'s errMsg', async () => {
    const r = await api.getStorage({ key: 'k' })
    assert.equal(r.data, 42)
    assert.equal(r.errMsg, 'getStorage:ok')
    await assert.rejects(api.getStorage({ key: 'missing' }), (e) => e.errMsg === 'getStorage:fail data not found')
    const failed = []
    api.showToast({ title: '', fail: (e) => failed.push(e.errMsg) })
    await new Promise((r) => setTimeout(r, 5))
    assert.deepEqual(failed, ['showToast:fail title is required'], 'a wbx failure keeps its reason under WeChat\'s name')
  })
  await test('nextTick runs its callback after the current task, before timers', async () => {
    const order = []
    setTimeout(() => order.push('timer'), 0)
    api.nextTick(() => order.push('tick'))
    order.push('sync')
    await new Promise((r) => setTimeout(r, 5))
    assert.deepEqual(order, ['sync', 'tick', 'timer'])
  })
  await test('canIUse answers from what wbx has', async () => {
    assert.equal(api.canIUse('navigateTo'), true)
    assert.equal(api.canIUse('showToast.object.title'), true)
    assert.equal(api.canIUse('openBluetoothAdapter'), false)
  })
  await test('wx[name] chosen at run time: the adapter when there is one, else wbx\'s own, bound to wbx', async () => {
    assert.equal(api.__get('showToast'), api.showToast)
    await new Promise((resolve) => api.__get('navigateTo')({ url: '/a', success: resolve }))
    assert.deepEqual(calls[0].slice(2), [true], 'called with this === wbx')
    assert.equal(api.__get('noSuchApi'), undefined)
  })

  const failed = results.filter(([, e]) => e)
  for (const [name, e] of failed) console.log(`FAIL ${name}\n     ${String(e && e.stack || e).split('\n').slice(0, 4).join('\n     ')}`)
  console.log(`weibo-api: ${results.length - failed.length}/${results.length} tests passed${failed.length ? '; FAILED' : ''}`)
  process.exit(failed.length ? 1 : 0)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
