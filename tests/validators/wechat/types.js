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
// How modules are resolved (a custom compiler host; no shims for require/module/exports are
// needed: miniprogram-api-typings declares `require`, `module`, `exports`, `console` and timers):
// - A require() that lands in a `miniprogram_npm` folder or in `miniweave_runtime/`, and a bare
//   `require('pkg')` that WeChat would find in a `miniprogram_npm` folder of the requiring file's
//   folder or an ancestor, resolve to an opaque module typed `any`. Otherwise tsc would pull the
//   npm code (e.g. dayjs.min.js, a UMD bundle) into the program, check it, and infer types from
//   minified code: ~20 errors in dayjs.min.js alone, none of them ours.
// - A require() of one of our own modules that exports through swc's `_export(exports, { get
//   name() {...} })` helper (what swc emits for a module with two or more exports) also resolves
//   to the opaque module: TypeScript does not recognise that pattern as CommonJS exports and
//   would report `TS2306 File '…' is not a module` at every importer, although the module works.
//   The module itself is still judged; only its importers see it as `any`. Each such module is
//   named in a note.
// - Everything else resolves as tsc would, so a require() of a file that does not exist is
//   `TS2307 Cannot find module`.
//
// --self-test copies the folder to a temp dir, appends `wx.showToast({ title: 1 })` to one of its
// judged files, adds a file of known mistakes, a correct file and a bad file under
// miniprogram_npm/, then requires exactly the expected errors: every mistake found, nothing in
// the correct file or in miniprogram_npm/. It passes whatever the folder's own errors are.
'use strict'
const fs = require('fs')
const os = require('os')
const path = require('path')
const ts = require('typescript')
const { listFiles } = require('../files')

const TYPE_ROOTS = path.dirname(path.dirname(require.resolve('miniprogram-api-typings/package.json')))
const OPTIONS = {
  allowJs: true,
  checkJs: true,
  noEmit: true,
  skipLibCheck: true,
  strict: false,
  target: ts.ScriptTarget.ES2017,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  lib: ['lib.es2017.d.ts'],
  types: ['miniprogram-api-typings'],
  typeRoots: [TYPE_ROOTS],
}

// The opaque module: what npm packages, the runtime and `_export()` modules are typed as.
const OPAQUE = path.join(os.tmpdir(), '__miniweave_types__', 'opaque-module.d.ts')
const OPAQUE_TEXT = 'declare const opaque: any;\nexport = opaque;\n'

const EXCLUDED = (rel) => rel.split('/').includes('miniprogram_npm') || rel.startsWith('miniweave_runtime/')
const SWC_EXPORT_HELPER = /^_export\(exports, \{/m

/** The judged files of `dir`, relative, sorted. */
function judgedFiles(dir) {
  return listFiles(dir).filter((f) => f.endsWith('.js') && !EXCLUDED(f))
}

/** Type-checks the judged files of `dir`. Returns { files, errors: [{ file, line, col, code, text }], notes }. */
function check(dir) {
  const files = judgedFiles(dir)
  const rel = (abs) => path.relative(dir, abs).split(path.sep).join('/')
  const inside = (abs) => !rel(abs).startsWith('..') && !path.isAbsolute(rel(abs))
  const opaqueModules = new Map() // rel path -> reason

  const host = ts.createCompilerHost(OPTIONS)
  const getSourceFile = host.getSourceFile
  host.getSourceFile = (name, version, onError, create) =>
    name === OPAQUE ? ts.createSourceFile(name, OPAQUE_TEXT, version) : getSourceFile(name, version, onError, create)
  const fileExists = host.fileExists
  host.fileExists = (name) => name === OPAQUE || fileExists(name)
  const readFile = host.readFile
  host.readFile = (name) => (name === OPAQUE ? OPAQUE_TEXT : readFile(name))

  const opaque = { resolvedFileName: OPAQUE, extension: ts.Extension.Dts, isExternalLibraryImport: false }
  const resolveOne = (name, containingFile) => {
    const resolved = ts.resolveModuleName(name, containingFile, OPTIONS, host).resolvedModule
    if (resolved && inside(resolved.resolvedFileName)) {
      const target = rel(resolved.resolvedFileName)
      if (EXCLUDED(target)) return opaque
      if (target.endsWith('.js') && SWC_EXPORT_HELPER.test(fs.readFileSync(resolved.resolvedFileName, 'utf8'))) {
        opaqueModules.set(target, "exports through swc's _export() helper, which TypeScript cannot follow; its importers see it as any")
        return opaque
      }
      return resolved
    }
    if (!resolved && !name.startsWith('.') && !name.startsWith('/')) {
      // WeChat's npm lookup: miniprogram_npm/<name> next to the requiring file or in an ancestor, up to the root.
      for (let d = path.dirname(containingFile); inside(d); d = path.dirname(d)) {
        const candidate = path.join(d, 'miniprogram_npm', name)
        if (['', '.js', '/index.js'].some((ext) => fs.existsSync(candidate + ext))) return opaque
        if (d === dir) break
      }
    }
    return resolved
  }
  host.resolveModuleNameLiterals = (literals, containingFile) =>
    literals.map((literal) => ({ resolvedModule: resolveOne(literal.text, containingFile) }))

  const program = ts.createProgram(files.map((f) => path.join(dir, f)), OPTIONS, host)
  const errors = ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n')
    if (!d.file) return { file: '(options)', line: 0, col: 0, code: d.code, text }
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start)
    const file = inside(d.file.fileName) ? rel(d.file.fileName) : d.file.fileName
    return { file, line: line + 1, col: character + 1, code: d.code, text }
  })
  const notes = [...opaqueModules].map(([file, why]) => `${file}: ${why}`)
  return { files, errors, notes }
}

function format(e) {
  const [first, ...rest] = e.text.split('\n')
  return [`${e.file}(${e.line},${e.col}): TS${e.code} ${first}`, ...rest.map((l) => `    ${l}`)].join('\n')
}

function usage() {
  console.error('usage: node types.js [--self-test] <emitted wechat folder>')
  process.exit(2)
}

function judge(dir) {
  const started = Date.now()
  const { files, errors, notes } = check(dir)
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  for (const n of notes) console.error(`note: ${n}`)
  if (files.length === 0) {
    console.error('wechat-types: no JavaScript to judge')
    process.exit(1)
  }
  if (errors.length > 0) {
    console.error(`wechat-types: ${errors.length} error(s) in ${new Set(errors.map((e) => e.file)).size} of ${files.length} file(s) (${seconds}s)`)
    for (const e of errors) console.error(`  ${format(e).split('\n').join('\n  ')}`)
    process.exit(1)
  }
  console.log(`wechat-types: ${files.length} file(s) type-check against miniprogram-api-typings in ${seconds}s`)
}

// ---- --self-test --------------------------------------------------------------------------------
const SELF = '__miniweave_types_selftest__'
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

function selfTest(dir) {
  const started = Date.now()
  const originals = judgedFiles(dir)
  if (originals.length === 0) {
    console.error('wechat-types --self-test: the folder has no judged JavaScript to inject into')
    process.exit(1)
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'miniweave-types-'))
  const failures = []
  try {
    fs.cpSync(dir, tmp, { recursive: true })
    // 1. A wrong call appended to one of the emitted files proves the emitted files are judged.
    const victim = originals[0]
    const victimPath = path.join(tmp, victim)
    const victimLine = fs.readFileSync(victimPath, 'utf8').split('\n').length + 1
    fs.appendFileSync(victimPath, '\n;wx.showToast({ title: 1 });\n')
    // 2. A file of known mistakes, one per line; 3. a correct file; 4. a bad npm file (not judged).
    fs.mkdirSync(path.join(tmp, SELF))
    fs.writeFileSync(path.join(tmp, SELF, 'bad.js'), BAD.map(([code]) => code).join('\n') + '\n')
    fs.writeFileSync(path.join(tmp, SELF, 'good.js'), GOOD)
    fs.mkdirSync(path.join(tmp, 'miniprogram_npm', 'selftest-pkg'), { recursive: true })
    fs.writeFileSync(path.join(tmp, 'miniprogram_npm', 'selftest-pkg', 'index.js'), 'wx.showToast({ title: 1 });\nexports.anything = function () {};\n')

    const { errors } = check(tmp)
    const expected = [
      [victim, victimLine, 2322, "'number' is not assignable to type 'string'", `wx.showToast({ title: 1 }) appended to ${victim}`],
      ...BAD.map(([, code, needle, what], i) => [`${SELF}/bad.js`, i + 1, code, needle, what]),
    ]
    for (const [file, line, code, needle, what] of expected) {
      const hit = errors.find((e) => e.file === file && e.line === line && e.code === code && e.text.includes(needle))
      console.log(`  ${hit ? 'caught ' : 'MISSED '} ${file}:${line} TS${code} (${what})`)
      if (!hit) failures.push(`missed: ${file}:${line} TS${code} containing ${needle} (${what})`)
    }
    // The folder's own errors, if any, are the normal run's business; these must stay silent.
    for (const e of errors) {
      if (e.file === `${SELF}/good.js` || e.file.split('/').includes('miniprogram_npm')) failures.push(`false positive: ${format(e)}`)
    }
    const extra = errors.filter((e) => e.file === `${SELF}/bad.js` && !expected.some(([f, l]) => f === e.file && l === e.line))
    for (const e of extra) failures.push(`unexpected extra error: ${format(e)}`)
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true })
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (failures.length > 0) {
    console.error(`wechat-types --self-test: FAILED (${seconds}s)`)
    for (const f of failures) console.error(`  ${f.split('\n').join('\n  ')}`)
    process.exit(1)
  }
  console.log(`wechat-types --self-test: ${BAD.length + 1} injected mistakes caught, no false positive in correct code or miniprogram_npm (${seconds}s)`)
}

function main() {
  const args = process.argv.slice(2)
  const self = args.includes('--self-test')
  const positional = args.filter((a) => !a.startsWith('--'))
  if (positional.length !== 1 || args.some((a) => a.startsWith('--') && a !== '--self-test')) usage()
  const dir = path.resolve(positional[0])
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) usage()
  if (self) selfTest(dir)
  else judge(dir)
}

main()
