// Type judge for an emitted WeChat folder: `tsc --checkJs --noEmit` over the program's own
// JavaScript against miniprogram-api-typings 5.2.3 (shared/reference/VALIDATORS.md §5).
//
//   node tests/validators/wechat/types.js <emitted wechat folder>
//   node tests/validators/wechat/types.js --self-test <emitted wechat folder>
//
// Judged: every .js file under the folder except those under a `miniprogram_npm` folder (npm
// packages, not ours) or `miniweave_runtime/` (the compiler's runtime, judged by its own tests).
// Checks: only wx.* APIs that exist, with the right option shapes and enum values; Component() /
// Page() / App() option keys; this.data keys and instance methods; require() paths that resolve.
//
// It uses the TypeScript API (tests/validators/node_modules/typescript) with the options of a
// tsconfig like { allowJs, checkJs, noEmit, skipLibCheck, strict: false, target ES2017,
// lib ["ES2017"], types ["miniprogram-api-typings"], typeRoots [tests/validators/node_modules] },
// and the judged files given by absolute path, so nothing is written anywhere (the emitted folder
// is only read). Each error is printed as `file(line,col): TSxxxx message`.
//
// How modules are resolved (../lib/tsc-judge.js, shared with the Alipay judge; no shims for
// require/module/exports are needed: miniprogram-api-typings declares `require`, `module`,
// `exports`, `console` and timers):
// - A require() that lands in a `miniprogram_npm` folder or in `miniweave_runtime/`, and a bare
//   `require('pkg')` that WeChat would find in a `miniprogram_npm` folder of the requiring file's
//   folder or an ancestor, resolve to an opaque module typed `any`. Otherwise tsc would pull the
//   npm code (e.g. dayjs.min.js, a UMD bundle) into the program, check it, and infer types from
//   minified code: ~20 errors in dayjs.min.js alone, none of them ours.
// - A require() of one of our own modules that exports through swc's `_export()` helper also
//   resolves to the opaque module (TypeScript would report `TS2306 File '…' is not a module` at
//   every importer); the module itself is still judged. Each such module is named in a note.
// - Everything else resolves as tsc would, so a require() of a file that does not exist is
//   `TS2307 Cannot find module`.
//
// --self-test copies the folder to a temp dir, appends `wx.showToast({ title: 1 })` to one of its
// judged files, adds a file of known mistakes, a correct file and a bad file under
// miniprogram_npm/, then requires exactly the expected errors: every mistake found, nothing in
// the correct file or in miniprogram_npm/. It passes whatever the folder's own errors are.
'use strict'
const { main } = require('../lib/tsc-judge')

const WECHAT = {
  name: 'wechat-types',
  typings: 'miniprogram-api-typings',
  judged: (rel) => !rel.split('/').includes('miniprogram_npm') && !rel.startsWith('miniweave_runtime/'),
  opaque: (rel) => rel.split('/').includes('miniprogram_npm') || rel.startsWith('miniweave_runtime/'),
  npmDirs: ['miniprogram_npm'],
}

// ---- --self-test --------------------------------------------------------------------------------
// [line of bad.js, expected TS code, text the message contains, the mistake]
const BAD = [
  ["wx.navigateTo({ url: 123 })", 2322, "'number' is not assignable to type 'string'", 'wrong option type'],
  ["wx.showToast({ title: 'ok', icon: 'bogus' })", 2322, '"bogus"', 'value outside an enum'],
  ['my.alert({ content: "x" })', 2304, "Cannot find name 'my'", 'Alipay global in WeChat code'],
  ['wx.tradePay({ tradeNO: "1" })', 2339, "'tradePay' does not exist", 'API that WeChat does not have'],
  ["wx.request({ uri: 'https://example.com' })", 2353, "'uri' does not exist", 'misspelt option'],
  ["require('./missing.js')", 2307, "Cannot find module './missing.js'", 'require() of a file that does not exist'],
  ['Component({ props: { a: 1 } })', 2353, "'props' does not exist", 'Alipay-style Component() key'],
  ['Component({ data: { count: 0 }, methods: { inc() { this.setDta({ count: 1 }) } } })', 2551, "'setDta' does not exist", 'misspelt instance method'],
  ['Component({ data: { count: 0 }, methods: { read() { return this.data.nope } } })', 2339, "'nope' does not exist", 'unknown this.data key'],
]
// Correct code in the same style as the emitted output: must produce no error.
const GOOD = `"use strict";
var _npm = require("../miniprogram_npm/selftest-pkg/index.js");
var _bare = require("selftest-pkg");
Component({
    options: { multipleSlots: true },
    properties: { title: { type: String, value: '' }, count: { type: Number, value: 0 } },
    data: { items: [] },
    methods: {
        onTap (e) {
            this.setData({ items: this.data.items.concat([e.currentTarget.dataset.id]) });
            this.triggerEvent('change', { count: this.data.count + 1 });
            (0, _npm.anything)(_bare.whatever);
        },
        async ask () {
            const { confirm } = await wx.showModal({ title: 'Sure?', content: 'Really.' });
            if (confirm) wx.showToast({ title: this.data.title, icon: 'none' });
            wx.request({ url: 'https://example.com', method: 'GET', success: (res) => console.log(res.statusCode) });
        }
    }
});
`

const SPEC = {
  // A wrong call appended to one of the emitted files proves the emitted files are judged.
  appends: (originals) => [
    { file: originals[0], code: 'wx.showToast({ title: 1 })', tsCode: 2322, needle: "'number' is not assignable to type 'string'", what: `wx.showToast({ title: 1 }) appended to ${originals[0]}` },
  ],
  bad: BAD,
  good: GOOD,
  quiet: [['miniprogram_npm/selftest-pkg/index.js', 'wx.showToast({ title: 1 });\nexports.anything = function () {};\n']],
  quietLabel: 'miniprogram_npm',
}

main(WECHAT, SPEC, { usage: 'usage: node types.js [--self-test] <emitted wechat folder>' })
