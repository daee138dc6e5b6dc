// Type judge for an emitted Alipay folder: `tsc --checkJs --noEmit` over the program's JavaScript,
// the compiler's runtime included, against @mini-types/alipay 3.0.14 (shared/reference/VALIDATORS.md
// §5). The engine is ../lib/tsc-judge.js, shared with ../wechat/types.js.
//
//   node tests/validators/alipay/types.js <emitted alipay folder>
//   node tests/validators/alipay/types.js --list-allowed <emitted alipay folder>   # each allowed error, why
//   node tests/validators/alipay/types.js --self-test <emitted alipay folder>
//
// Judged: every .js file under the folder except those under a `miniprogram_npm` or `node_modules`
// folder (npm packages, not ours). That includes `miniweave_runtime/*.js`: api.js (WeChat's API
// over my.*) and component.js (WeChat's Component/Page options as Alipay's).
// Checks: only my.* APIs that exist, with the right option shapes and enum values (Alipay's own:
// `my.setStorageSync({ key, data })`, `my.showToast({ content, type })`); what Page() / Component()
// / App() are given, getApp() and getCurrentPages(); this.data / this.props keys; the runtime's
// exports the program uses (a missing adapter is `TS2339 Property 'x' does not exist on type
// 'typeof import(".../miniweave_runtime/api")'`); require() paths that resolve (TS2307).
// Each error is printed as `file(line,col): TSxxxx message`.
//
// Setup: the options of a tsconfig { allowJs, checkJs, noEmit, skipLibCheck (the typings do not
// compile under TS 5.9 without it: TS2707 in @mini-types/global), strict: false, target ES2017,
// lib ["ES2017"], types ["@mini-types/alipay"] } (../lib/tsc-judge.js). The
// package's index references @mini-types/my (the `my` namespace) and @mini-types/global, which
// declares as globals `App`, `Page`, `Component`, `Mixin`, `getApp`, `getCurrentPages`, `require`,
// `requirePlugin`. Alipay's logic layer has timers and `console`, which the typings declare only
// for workers (lib.worker.d.ts, not loaded) or not at all, so GLOBALS below declares them.
// TypeScript itself understands `module`, `exports` and `require()` in a .js file.
//
// Modules (see ../lib/tsc-judge.js): a require() into `miniprogram_npm`/`node_modules` is typed
// `any`, and so is a bare `require('pkg')` found in a `node_modules` folder (Alipay resolves bare
// names Node-style; miniweave itself writes relative paths into miniprogram_npm). A require() of
// the runtime resolves to the real module, so the program's `_api.showToast` is checked against
// what api.js exports. A module exporting through swc's `_export()` helper is `any` to its
// importers (named in a note). A require() resolving outside the folder is `TS2307`: the device
// only has the folder.
//
// ALLOW below lists the known false positives, each with its reason; an error matching one is
// not a failure but is counted in the summary (`--list-allowed` prints each). An entry whose code
// is in the folder but whose error is not fails the run (stale); one with a `probe` is checked by
// --self-test. ../runtime/alipay-api-types.test.js judges the full api.js (every adapter) with this
// platform (ALIPAY: these options, GLOBALS and ALLOW) and requires each api.js entry to match.
'use strict'
const fs = require('fs')
const path = require('path')
const { main } = require('../lib/tsc-judge')

const NPM = (rel) => rel.split('/').some((part) => part === 'miniprogram_npm' || part === 'node_modules')

// Timers take a function only ("setTimeout 和 setInterval 函数仅支持函数做回调参数": AlipayDocs/open-docs
// mini/framework/小程序的 JavaScript 引擎.md "对动态执行脚本的限制"); console is used by every example
// in mini/framework/小程序全局配置/app.js 注册小程序.md.
const GLOBALS = `declare function setTimeout(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): number;
declare function clearTimeout(id?: number): void;
declare function setInterval(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): number;
declare function clearInterval(id?: number): void;
declare const console: { log(...a: any[]): void; info(...a: any[]): void; warn(...a: any[]): void; error(...a: any[]): void; debug(...a: any[]): void };
`

const API = /^miniweave_runtime\/api\.js$/
const COMPONENT = /^miniweave_runtime\/component\.js$/
const PROGRAM = /^(?!miniweave_runtime\/).*\.js$/
const DOCS = 'AlipayDocs/open-docs mini/'

// Parts of component.js the compiler adds only when the program needs them (rt.model for
// model:value, rt.select for selectComponent, rt.behaviors for Behavior(), rt.moreObservers
// and the other rt.more* parts for observers/relations/..., and whatever comes next): the core tests for each one on the line that
// uses it (`if (rt.select) rt.select(dst)`, `rt.behaviors ? rt.behaviors(o) : [o]`), which
// TypeScript reports when the part is absent. The names such a test reads and the module lacks:
const FEATURE_TEST = /\bif \(rt\.(\w+)\)|\brt\.(\w+) \?/g
const absentParts = (src) => [...src.matchAll(FEATURE_TEST)].map((m) => m[1] || m[2]).filter((n) => !new RegExp(`^rt\\.${n} = `, 'm').test(src))
const lineOf = (src, line) => src.split('\n')[line - 1] || ''

const ALLOW = [
  // ---- the typings are wrong (doc evidence) ----
  {
    id: 'app-globalData',
    file: PROGRAM,
    code: 2339,
    text: "Property 'globalData' does not exist on type 'IAppInstance<",
    probe: 'getApp().globalData',
    why:
      'typing bug: MiniProgram.App.IAppInstance is Omit<options, keyof Options>, and Options declares globalData, so `this.globalData` in App() and ' +
      `getApp().globalData are rejected; the docs read and write exactly that (${DOCS}framework/小程序全局配置/getApp 方法.md: ` +
      "`getApp().globalData`, `app.globalData++`; app.js 注册小程序.md \"globalData 全局数据\", and fields of the App() object are reached with this)",
  },
  {
    id: 'request-data-object',
    file: PROGRAM,
    code: 2322,
    text: "is not assignable to type 'string'",
    call: 'my.request(data)',
    probe: "my.request({ url: 'https://example.com', method: 'POST', data: { page: 1 } })",
    why:
      'typing bug: my.request types data as string | Record<string, string> | ArrayBuffer; the docs give data as Object / ArrayBuffer, ' +
      `serialised by JSON or as a query string (${DOCS}api/基础API/网络/my.request.md "入参", "data 参数说明"), so non-string values are fine`,
  },
  {
    id: 'request-fail-status',
    file: API,
    in: 'request',
    code: 2339,
    text: "Property 'status' does not exist",
    why:
      'typing gap: the adapter reads status from a failure (Alipay fails on HTTP errors with error 19); the failure object carries status, data and ' +
      `headers (${DOCS}api/基础API/网络/my.request 常见问题.md: "根据 status 的 HTTP 状态码排查", the example failure {"data", "error", "headers", "status", ...}); the typings declare only error/errorMessage`,
  },
  // ---- the runtime does it on purpose ----
  {
    id: 'nextTick-feature-test',
    file: API,
    in: 'nextTick',
    code: 2339,
    text: "Property 'nextTick' does not exist on type 'typeof my'",
    why: 'deliberate feature test: `typeof my.nextTick == \'function\'` with a setTimeout fallback; my.nextTick is in neither @mini-types/my 3.0.14 nor the API docs',
  },
  {
    id: 'getStorageSync-APDataStorage',
    file: API,
    in: 'getStorageSync',
    code: 2339,
    text: "Property 'APDataStorage' does not exist",
    why: 'deliberate: a legacy result field some clients answered with (read only when data is undefined); not in the typings',
  },
  {
    id: 'getSystemInfoSync-SDKVersion',
    file: API,
    in: 'getSystemInfoSync',
    code: 2551,
    text: "Property 'SDKVersion' does not exist on type 'ITypeSystemInfo'",
    why: "deliberate: the adapter adds WeChat's SDKVersion (from my.SDKVersion) to Alipay's result object, which has no such field",
  },
  {
    id: 'downloadFile-statusCode',
    file: API,
    in: 'downloadFile',
    code: 2339,
    text: "Property 'statusCode' does not exist",
    why:
      `deliberate defensive read: \`r.statusCode || 200\`; Alipay's success result has only apFilePath/tempFilePath (${DOCS}api/基础API/网络/my.downloadFile.md "success 回调函数"), so WeChat's statusCode becomes 200`,
  },
  // ---- CommonJS / inference the checker cannot follow ----
  {
    id: 'uploadFile-args-copy',
    file: API,
    in: 'uploadFile',
    code: 2345,
    text: "Argument of type '{ success: any; fail: any; }'",
    why: 'checker limit: the argument is the WeChat options copied by __mwArgs (a for-in copy, which TypeScript types as just { success, fail }); url, filePath, name and fileType are in it at run time',
  },
  {
    id: 'model-this',
    file: COMPONENT,
    in: 'model',
    code: 2339,
    text: "Property 'setData' does not exist on type 'typeof import(",
    why: "checker limit: TypeScript takes `this` in a function assigned to an exports property to be the module; rt.model is installed as every page's and component's __mwModel method (__mwFns), so `this` is the instance",
  },
  {
    id: 'component-optional-part',
    file: COMPONENT,
    code: [2339, 2551],
    text: "does not exist on type 'typeof import(",
    // Only `Property 'x'` where x is absent and the error's own line is a feature test of x.
    match: (e, src) => {
      const name = (/^Property '(\w+)'/.exec(e.text) || [])[1]
      return absentParts(src).includes(name) && [...lineOf(src, e.line).matchAll(FEATURE_TEST)].some((m) => (m[1] || m[2]) === name)
    },
    when: (src) => absentParts(src).length > 0,
    why: 'deliberate feature test: an optional runtime part (rt.model, rt.select, rt.behaviors, rt.moreObservers, ...) is emitted only when the program uses it, and the line reading it first checks that it is there',
  },
]

const ALIPAY = {
  name: 'alipay-types',
  typings: '@mini-types/alipay',
  judged: (rel) => !NPM(rel),
  opaque: NPM,
  npmDirs: ['node_modules'],
  confine: true,
  globals: GLOBALS,
  // A block of the runtime: `api.NAME = `, `rt.NAME = ` or `function NAME`, up to the next one.
  blockPattern: /^(?:api|rt)\.(\w+) = |^function (\w+)/,
  allow: ALLOW,
}

// ---- --self-test --------------------------------------------------------------------------------
// [line of bad.js, expected TS code, text the message contains, the mistake]
const BAD = [
  ['my.showToast({ content: 1 })', 2322, "'number' is not assignable to type 'string'", 'wrong option type'],
  ["my.setStorageSync('k', 'v')", 2554, 'Expected 1 arguments, but got 2', "WeChat-style setStorageSync (Alipay takes { key, data })"],
  ["my.getStorageSync('k')", 2345, "not assignable to parameter of type '{ key: string; }'", 'WeChat-style getStorageSync'],
  ["my.showToast({ title: 'ok' })", 2353, "'title' does not exist", "WeChat's option name"],
  ["my.showToast({ content: 'ok', type: 'bogus' })", 2322, '"bogus"', 'value outside an enum'],
  ["my.shwoToast({ content: 'ok' })", 2551, "'shwoToast' does not exist", 'misspelt my.* API'],
  ["my.request({ url: 1, data: { page: 1 } })", 2322, "'number' is not assignable to type 'string'", 'wrong url type beside the allowed data object (the allow entry covers data only)'],
  ['my.login({})', 2339, "'login' does not exist", 'API that Alipay does not have'],
  ["wx.showToast({ title: 'ok' })", 2304, "Cannot find name 'wx'", 'WeChat global left in Alipay code'],
  ['my.nextTick(function () {})', 2339, "'nextTick' does not exist", 'my.nextTick outside the runtime (its allow entry is for api.js only)'],
  ["require('../miniweave_runtime/nope.js')", 2307, "Cannot find module '../miniweave_runtime/nope.js'", 'require() of a runtime module that does not exist'],
  ["require('./missing.js')", 2307, "Cannot find module './missing.js'", 'require() of a file that does not exist'],
  [`require(${JSON.stringify(__filename)})`, 2307, 'Cannot find module', 'require() of an existing file outside the folder (the device has only the folder)'],
  ["require('selftest-npm-only')", 2307, "Cannot find module 'selftest-npm-only'", 'bare require() of a package only in miniprogram_npm (Alipay looks in node_modules)'],
  ["setTimeout('tick()', 10)", 2345, "'string' is not assignable to parameter", 'setTimeout with code in a string'],
  ['Page({ data: { n: 0 }, onLoad() { this.setDta({ n: 1 }) } })', 2551, "'setDta' does not exist", 'misspelt Page instance method'],
  ['Component({ data: { count: 0 }, methods: { read() { return this.data.nope } } })', 2339, "'nope' does not exist", 'unknown this.data key'],
  ['Component({ props: { a: 1 }, didMount() { return this.props.b } })', 2339, "'b' does not exist", 'unknown this.props key'],
  ['getApp().nope()', 2339, "'nope' does not exist on type 'IAppInstance<", 'unknown getApp() member'],
  ["getCurrentPages()[0].nope", 2339, "'nope' does not exist", 'unknown page instance member'],
]
// When the folder has the API runtime: a program calling an adapter api.js lacks.
const MISSING_ADAPTER = ["require('../miniweave_runtime/api.js').__mwNoSuchAdapter({})", 2339, "'__mwNoSuchAdapter' does not exist", 'adapter missing from miniweave_runtime/api.js']

// Correct code in the same style as the emitted output: must produce no error. The lib appends the
// `probe` of each allow entry that has one, and each must be allowed (so a fixed typing shows).
const GOOD = `"use strict";
var _npm = require("../miniprogram_npm/selftest-pkg/index.js");
var _bare = require("selftest-pkg");
Page({
    data: { items: [], title: '' },
    onLoad () {
        this.setData({ title: String(getCurrentPages().length) });
    },
    onTap (e) {
        this.setData({ items: this.data.items.concat([e.target.dataset.id]) });
        (0, _npm.anything)(_bare.whatever);
    },
    async ask () {
        const { confirm } = await my.confirm({ title: 'Sure?', content: 'Really.' });
        if (confirm) my.showToast({ content: this.data.title, type: 'success' });
        my.request({ url: 'https://example.com', method: 'GET', success: (res) => console.log(res.status) });
        my.setStorageSync({ key: 'k', data: { a: 1 } });
        var id = setTimeout(() => my.hideLoading(), 10);
        clearTimeout(id);
        return my.getStorageSync({ key: 'k' }).data;
    }
});
Component({
    props: { title: '', onChange: (v) => {} },
    data: { count: 0 },
    didMount () { this.setData({ count: this.props.title.length }); },
    methods: { inc () { this.setData({ count: this.data.count + 1 }); this.props.onChange(this.data.count); } }
});
console.log(getCurrentPages().length);
`
const NPM_BAD = 'my.showToast({ title: 1 });\nexports.anything = function () {};\n'

const SPEC = {
  appends: (originals, tmp) => {
    // Wrong calls appended to an emitted program file and to the runtime prove both are judged.
    const program = originals.find((f) => !f.startsWith('miniweave_runtime/'))
    const runtime = originals.find((f) => f.startsWith('miniweave_runtime/'))
    const out = []
    if (program) out.push({ file: program, code: 'my.showToast({ content: 1 })', tsCode: 2322, needle: "'number' is not assignable to type 'string'", what: `my.showToast({ content: 1 }) appended to ${program}` })
    if (runtime) out.push({ file: runtime, code: "my.setStorageSync('k', 'v')", tsCode: 2554, needle: 'Expected 1 arguments, but got 2', what: `my.setStorageSync('k', 'v') appended to ${runtime}` })
    else console.log('  (no miniweave_runtime/*.js in the folder: the runtime injection is skipped)')
    return out
  },
  bad: (tmp) => {
    if (fs.existsSync(path.join(tmp, 'miniweave_runtime', 'api.js'))) return [...BAD, MISSING_ADAPTER]
    console.log('  (no miniweave_runtime/api.js in the folder: the missing-adapter check is skipped)')
    return BAD
  },
  good: GOOD,
  quiet: [
    ['miniprogram_npm/selftest-pkg/index.js', NPM_BAD],
    ['miniprogram_npm/selftest-npm-only/index.js', NPM_BAD],
    ['node_modules/selftest-pkg/index.js', NPM_BAD],
  ],
  quietLabel: 'miniprogram_npm/node_modules',
}

if (require.main === module) {
  main(ALIPAY, SPEC, { usage: 'usage: node types.js [--self-test | --list-allowed] <emitted alipay folder>', flags: ['--list-allowed'] })
}

module.exports = { ALIPAY, ALLOW, GLOBALS, SPEC }
