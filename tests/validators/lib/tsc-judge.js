// The type judges' shared engine: `tsc --checkJs --noEmit` over an emitted folder's own
// JavaScript against one platform's API typings, through the TypeScript API (nothing written).
// Used by ../wechat/types.js (miniprogram-api-typings) and ../alipay/types.js (@mini-types/alipay),
// and through the latter's platform by ../runtime/alipay-api-types.test.js; each passes a platform
// description:
//
//   {
//     name: 'wechat-types',              // prefix of every output line
//     typings: 'miniprogram-api-typings', // the package in tests/validators/node_modules
//     judged(rel): bool,                 // which .js files (relative, `/`-separated) are checked
//     opaque(rel): bool,                 // a require() landing on such a file is typed `any`
//     npmDirs: ['miniprogram_npm'],      // where a bare require('pkg') is looked up (opaque)
//     confine: false,                    // true: a require() resolving outside the folder is TS2307
//     globals: undefined,                // extra declarations (.d.ts text) for the platform's globals
//     blockPattern: undefined,           // RegExp naming the block of a line (allow-list `in`)
//     allow: [],                         // known false positives, see below
//   }
//
// How modules are resolved (a custom compiler host):
// - A require() that lands on an `opaque` file, and a bare `require('pkg')` that the platform would
//   find in an `npmDirs` folder of the requiring file's folder or an ancestor, resolve to an opaque
//   module typed `any`. Otherwise tsc would pull npm code (e.g. dayjs.min.js, a UMD bundle) into
//   the program, check it, and infer types from minified code.
// - A require() of one of our own modules that exports through swc's `_export(exports, { get
//   name() {...} })` helper (what swc emits for a module with two or more exports) also resolves
//   to the opaque module: TypeScript does not recognise that pattern as CommonJS exports and
//   would report `TS2306 File '…' is not a module` (or, under some typings, TS2339 on every export)
//   at every importer, although the module works. The module itself is still judged; only its
//   importers see it as `any`. Each such module is named in a note.
// - Everything else resolves as tsc would, so a require() of a file that does not exist is
//   `TS2307 Cannot find module`.
//
// Allow-list entries (known false positives), each matched narrowly:
//   { id, file: RegExp over the relative path, code: n | [n…], text: fragment of the message,
//     in?: block name (platform.blockPattern: the nearest line above that names a block),
//     call?: 'my.request' (the error lies inside the arguments of a call to exactly this callee) or
//       'my.request(data)' (inside the `data` property of its object argument),
//     match?: (error, fileText) => bool (a further condition on the error, e.g. on its line),
//     when?: RegExp | (text) => bool (a file whose text satisfies it must produce the error),
//     probe?: code that must produce the error (put into the self-test's correct file),
//     why: the reason, with the evidence }
// An error matching an entry is "allowed": not a failure, but counted in the summary. An entry is
// stale (a failure) when some judged file matches `file`, holds the `in` block and satisfies
// `when`, yet the entry allowed nothing; an entry with neither `in` nor `when` cannot be checked on
// an arbitrary program, so it needs a `probe`, which --self-test checks instead.
'use strict'
const fs = require('fs')
const os = require('os')
const path = require('path')
const ts = require('typescript')
const { listFiles } = require('../files')

// Virtual files: served by the compiler host, never written.
const VIRTUAL = path.join(os.tmpdir(), '__miniweave_types__')
const OPAQUE = path.join(VIRTUAL, 'opaque-module.d.ts')
const OPAQUE_TEXT = 'declare const opaque: any;\nexport = opaque;\n'
const GLOBALS = path.join(VIRTUAL, 'platform-globals.d.ts')
const SWC_EXPORT_HELPER = /^_export\(exports, \{/m

/** tests/validators/node_modules (the folder holding the typings package, scoped or not). */
function typeRootOf(pkg) {
  const dir = path.dirname(require.resolve(`${pkg}/package.json`))
  return path.resolve(dir, ...pkg.split('/').map(() => '..'))
}

/** The options of a tsconfig like { allowJs, checkJs, noEmit, skipLibCheck, strict: false, target ES2017, lib ["ES2017"], types [typings] }. */
function compilerOptions(platform) {
  return {
    allowJs: true,
    checkJs: true,
    noEmit: true,
    skipLibCheck: true,
    strict: false,
    target: ts.ScriptTarget.ES2017,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2017.d.ts'],
    types: [platform.typings],
    typeRoots: [typeRootOf(platform.typings)],
  }
}

/** The judged files of `dir`, relative, sorted. */
function judgedFiles(dir, platform) {
  return listFiles(dir).filter((f) => f.endsWith('.js') && platform.judged(f))
}

/** Names of the blocks a text opens (platform.blockPattern), in order, one per line or null. */
function blocksByLine(text, pattern) {
  let current = null
  return text.split('\n').map((line) => {
    const m = pattern && pattern.exec(line)
    if (m) current = m.slice(1).find(Boolean)
    return current
  })
}

/**
 * Where `pos` sits in calls, innermost first: for each call whose arguments contain it, the callee
 * text (`my.request`), preceded by `my.request(data)` when it lies in the `data` property of an
 * object literal argument.
 */
function enclosingCalls(sourceFile, pos) {
  const out = []
  const within = (node) => pos >= node.getStart(sourceFile) && pos < node.getEnd()
  const visit = (node) => {
    if (!within(node)) return
    const arg = ts.isCallExpression(node) && node.arguments.find(within)
    if (arg) {
      const callee = node.expression.getText(sourceFile)
      const prop = ts.isObjectLiteralExpression(arg) && arg.properties.find((p) => within(p) && p.name && ts.isIdentifier(p.name))
      out.unshift(...(prop ? [`${callee}(${prop.name.text})`] : []), callee)
    }
    ts.forEachChild(node, visit)
  }
  ts.forEachChild(sourceFile, visit)
  return out
}

/**
 * Type-checks the judged files of `dir`. Returns { files, all, errors, allowed, stale, idle, notes }:
 * `all` every diagnostic ({ file, line, col, code, text, block, calls }), `errors` those no allow
 * entry matched, `allowed` [{ entry, error }], `stale` the entries that should have matched and did
 * not, `idle` the entries that did not apply to this folder; `resort(allow)` redoes that split
 * with another allow-list.
 */
function check(dir, platform) {
  const options = compilerOptions(platform)
  const files = judgedFiles(dir, platform)
  const rel = (abs) => path.relative(dir, abs).split(path.sep).join('/')
  const inside = (abs) => !rel(abs).startsWith('..') && !path.isAbsolute(rel(abs))
  const opaqueModules = new Map() // rel path -> reason
  const virtual = new Map([[OPAQUE, OPAQUE_TEXT]])
  if (platform.globals) virtual.set(GLOBALS, platform.globals)

  const host = ts.createCompilerHost(options)
  const getSourceFile = host.getSourceFile
  host.getSourceFile = (name, version, onError, create) =>
    virtual.has(name) ? ts.createSourceFile(name, virtual.get(name), version) : getSourceFile(name, version, onError, create)
  const fileExists = host.fileExists
  host.fileExists = (name) => virtual.has(name) || fileExists(name)
  const readFile = host.readFile
  host.readFile = (name) => (virtual.has(name) ? virtual.get(name) : readFile(name))

  const opaque = { resolvedFileName: OPAQUE, extension: ts.Extension.Dts, isExternalLibraryImport: false }
  const npmDirs = platform.npmDirs || []
  const resolveOne = (name, containingFile) => {
    let resolved = ts.resolveModuleName(name, containingFile, options, host).resolvedModule
    if (resolved && inside(resolved.resolvedFileName)) {
      const target = rel(resolved.resolvedFileName)
      if (platform.opaque(target)) return opaque
      if (target.endsWith('.js') && SWC_EXPORT_HELPER.test(fs.readFileSync(resolved.resolvedFileName, 'utf8'))) {
        opaqueModules.set(target, "exports through swc's _export() helper, which TypeScript cannot follow; its importers see it as any")
        return opaque
      }
      return resolved
    }
    // The platform cannot reach outside its folder (imports inside the typings are not ours to confine).
    if (resolved && platform.confine && inside(containingFile)) resolved = undefined
    if (!resolved && !name.startsWith('.') && !name.startsWith('/')) {
      // The platform's npm lookup: <npmDir>/<name> next to the requiring file or in an ancestor, up to the root.
      for (let d = path.dirname(containingFile); inside(d); d = path.dirname(d)) {
        for (const npm of npmDirs) {
          const candidate = path.join(d, npm, name)
          if (['', '.js', '/index.js'].some((ext) => fs.existsSync(candidate + ext))) return opaque
        }
        if (d === dir) break
      }
    }
    return resolved
  }
  host.resolveModuleNameLiterals = (literals, containingFile) =>
    literals.map((literal) => ({ resolvedModule: resolveOne(literal.text, containingFile) }))

  const roots = files.map((f) => path.join(dir, f))
  if (platform.globals) roots.push(GLOBALS)
  const program = ts.createProgram(roots, options, host)
  const texts = new Map() // rel -> text, for the allow-list
  const blocks = new Map() // rel -> block per line
  const textOf = (f) => {
    if (!texts.has(f)) texts.set(f, fs.readFileSync(path.join(dir, f), 'utf8'))
    return texts.get(f)
  }
  const blocksOf = (f) => {
    if (!blocks.has(f)) blocks.set(f, blocksByLine(textOf(f), platform.blockPattern))
    return blocks.get(f)
  }
  const all = ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n')
    if (!d.file) return { file: '(options)', line: 0, col: 0, code: d.code, text, block: null, calls: [] }
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start)
    const own = inside(d.file.fileName)
    const file = own ? rel(d.file.fileName) : d.file.fileName
    const block = own && platform.blockPattern ? blocksOf(file)[line] : null
    return { file, line: line + 1, col: character + 1, code: d.code, text, block, calls: enclosingCalls(d.file, d.start) }
  })
  const notes = [...opaqueModules].map(([file, why]) => `${file}: ${why}`)
  const resort = (allow) => sortOut(all, allow, files, textOf, blocksOf)
  return { files, all, ...resort(platform.allow || []), resort, notes }
}

/** Whether allow entry `entry` matches diagnostic `e` (`textOf(file)` gives an own file's text). */
function allows(entry, e, textOf) {
  return (
    entry.file.test(e.file) &&
    [].concat(entry.code).includes(e.code) &&
    e.text.includes(entry.text) &&
    (!entry.in || e.block === entry.in) &&
    (!entry.call || e.calls.includes(entry.call)) &&
    (!entry.match || entry.match(e, textOf(e.file)))
  )
}

/** Splits diagnostics into errors and allowed ones; finds stale and idle entries (see the header). */
function sortOut(all, allow, files, textOf, blocksOf) {
  const errors = []
  const allowed = []
  for (const e of all) {
    const entry = allow.find((a) => allows(a, e, textOf))
    if (entry) allowed.push({ entry, error: e })
    else errors.push(e)
  }
  const stale = []
  const idle = []
  for (const entry of allow) {
    if (allowed.some((a) => a.entry === entry)) continue
    const due =
      (entry.in || entry.when) &&
      files.some((f) => {
        if (!entry.file.test(f)) return false
        if (entry.in && !blocksOf(f).includes(entry.in)) return false
        if (!entry.when) return true
        return typeof entry.when === 'function' ? entry.when(textOf(f)) : entry.when.test(textOf(f))
      })
    ;(due ? stale : idle).push(entry)
  }
  return { errors, allowed, stale, idle }
}

function format(e) {
  const [first, ...rest] = e.text.split('\n')
  return [`${e.file}(${e.line},${e.col}): TS${e.code} ${first}`, ...rest.map((l) => `    ${l}`)].join('\n')
}

function describeEntry(entry) {
  const where = [entry.file.source, entry.in && `in ${entry.in}`, entry.call && `inside ${entry.call.includes('(') ? entry.call : `${entry.call}()`}`].filter(Boolean).join(' ')
  return `${entry.id} (${where}: TS${[].concat(entry.code).join('/TS')} "${entry.text}")`
}

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`

/** The count of allowed false positives, for summaries ('' when the platform has no allow-list). */
function allowedSummary(platform, allowed) {
  if (!(platform.allow || []).length) return ''
  const ids = [...new Set(allowed.map((a) => a.entry.id))]
  return `; ${plural(allowed.length, 'known false positive', 'known false positives')} allowed${ids.length ? ` (${ids.join(', ')})` : ''}`
}

/** A normal run: prints the notes, then the summary (exit 0) or the failures (exit 1). */
function judge(dir, platform, { listAllowed = false } = {}) {
  const started = Date.now()
  const { files, errors, allowed, stale, idle, notes } = check(dir, platform)
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  for (const n of notes) console.error(`note: ${n}`)
  if (listAllowed) {
    for (const { entry, error } of allowed) console.log(`allowed: ${format(error).split('\n')[0]}\n    [${entry.id}] ${entry.why}`)
    for (const entry of idle) console.log(`not applicable here: ${describeEntry(entry)}`)
  }
  if (files.length === 0) {
    console.error(`${platform.name}: no JavaScript to judge`)
    process.exit(1)
  }
  if (errors.length > 0 || stale.length > 0) {
    const staleText = stale.length ? `, ${plural(stale.length, 'stale allow-list entry', 'stale allow-list entries')}` : ''
    console.error(
      `${platform.name}: ${errors.length} error(s) in ${new Set(errors.map((e) => e.file)).size} of ${files.length} file(s)${staleText} (${seconds}s)${allowedSummary(platform, allowed)}`,
    )
    for (const e of errors) console.error(`  ${format(e).split('\n').join('\n  ')}`)
    for (const entry of stale) console.error(`  stale allow-list entry (its code is there but the error is not; remove or fix it): ${describeEntry(entry)}`)
    process.exit(1)
  }
  console.log(`${platform.name}: ${files.length} file(s) type-check against ${platform.typings} in ${seconds}s${allowedSummary(platform, allowed)}`)
}

/**
 * --self-test: copies `dir` to a temp dir, makes the injections of `spec`, type-checks the copy and
 * requires exactly the expected errors. It passes whatever the folder's own errors are.
 *   spec.appends(originals, tmp): [{ file, code, tsCode, needle, what }]  appended as `\n;code;\n`
 *   spec.bad: [[code, tsCode, needle, what]], or (tmp) => that: one per line of <SELF>/bad.js (all
 *     must be caught)
 *   spec.good: text of <SELF>/good.js (must raise no error)
 *   spec.quiet: [[relative path, text]]  files under npm folders (must raise nothing)
 *   spec.quietLabel: 'miniprogram_npm'  for the summary line
 * With an allow-list, each entry's `probe` is appended to good.js and must be allowed by that entry
 * (so a fixed typing or an entry that no longer matches shows), and an entry made up to match
 * nothing while its code is there must come out stale.
 */
const SELF = '__miniweave_types_selftest__'

function selfTest(dir, platform, spec) {
  const started = Date.now()
  const originals = judgedFiles(dir, platform)
  if (originals.length === 0) {
    console.error(`${platform.name} --self-test: the folder has no judged JavaScript to inject into`)
    process.exit(1)
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'miniweave-types-'))
  const failures = []
  const allow = platform.allow || []
  const probed = allow.filter((a) => a.probe)
  let expectedCount = 0
  try {
    fs.cpSync(dir, tmp, { recursive: true })
    // 1. Wrong calls appended to emitted files prove those files are judged.
    const expected = []
    for (const a of spec.appends(originals, tmp)) {
      const p = path.join(tmp, a.file)
      const line = fs.readFileSync(p, 'utf8').split('\n').length + 1
      fs.appendFileSync(p, `\n;${a.code};\n`)
      expected.push([a.file, line, a.tsCode, a.needle, a.what])
    }
    // 2. A file of known mistakes, one per line; 3. a correct file; 4. bad npm files (not judged).
    const bad = typeof spec.bad === 'function' ? spec.bad(tmp) : spec.bad
    fs.mkdirSync(path.join(tmp, SELF))
    fs.writeFileSync(path.join(tmp, SELF, 'bad.js'), bad.map(([code]) => code).join('\n') + '\n')
    fs.writeFileSync(path.join(tmp, SELF, 'good.js'), spec.good + probed.map((a) => `${a.probe};\n`).join(''))
    for (const [file, text] of spec.quiet) {
      fs.mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true })
      fs.writeFileSync(path.join(tmp, file), text)
    }
    expected.push(...bad.map(([, code, needle, what], i) => [`${SELF}/bad.js`, i + 1, code, needle, what]))
    expectedCount = expected.length

    const result = check(tmp, platform)
    const { errors } = result
    for (const [file, line, code, needle, what] of expected) {
      const hit = errors.find((e) => e.file === file && e.line === line && e.code === code && e.text.includes(needle))
      console.log(`  ${hit ? 'caught ' : 'MISSED '} ${file}:${line} TS${code} (${what})`)
      if (!hit) failures.push(`missed: ${file}:${line} TS${code} containing ${needle} (${what})`)
    }
    // The folder's own errors, if any, are the normal run's business; these must stay silent.
    const quietDirs = spec.quiet.map(([file]) => file.split('/')[0])
    for (const e of errors) {
      if (e.file === `${SELF}/good.js` || e.file.split('/').some((part) => quietDirs.includes(part))) failures.push(`false positive: ${format(e)}`)
    }
    const extra = errors.filter((e) => e.file === `${SELF}/bad.js` && !expected.some(([f, l]) => f === e.file && l === e.line))
    for (const e of extra) failures.push(`unexpected extra error: ${format(e)}`)
    if (allow.length) checkAllowList(result, spec.good.split('\n').length - 1, probed, allow, failures)
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true })
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (failures.length > 0) {
    console.error(`${platform.name} --self-test: FAILED (${seconds}s)`)
    for (const f of failures) console.error(`  ${f.split('\n').join('\n  ')}`)
    process.exit(1)
  }
  const allowText = allow.length ? `; ${plural(probed.length, 'allow-list probe', 'allow-list probes')} allowed, a stale entry detected` : ''
  console.log(
    `${platform.name} --self-test: ${expectedCount} injected mistakes caught, no false positive in correct code or ${spec.quietLabel}${allowText} (${seconds}s)`,
  )
}

/** The self-test's allow-list checks: the probes after line `goodLines` of good.js, and staleness. */
function checkAllowList(result, goodLines, probed, allow, failures) {
  probed.forEach((entry, i) => {
    const line = goodLines + i + 1
    const hit = result.allowed.find((a) => a.entry === entry && a.error.file === `${SELF}/good.js` && a.error.line === line)
    console.log(`  ${hit ? 'allowed' : 'NOT ALLOWED'} ${SELF}/good.js:${line} (${entry.id}: ${entry.probe})`)
    if (!hit) failures.push(`allow-list probe not allowed (the typing may be fixed, or the entry no longer matches): ${describeEntry(entry)}`)
  })
  const bogus = { id: 'selftest-bogus', file: new RegExp(`^${SELF}/good\\.js$`), code: 2339, text: 'never reported', when: /./, why: 'self-test' }
  const found = result.resort([...allow, bogus]).stale.includes(bogus)
  console.log(`  ${found ? 'stale  ' : 'MISSED '} an allow-list entry whose code is there but whose error is not`)
  if (!found) failures.push('an unused allow-list entry was not reported as stale')
}

/** Parses `[--self-test] [flags…] <folder>` and runs the judge or its self-test; bad usage exits 2. */
function main(platform, spec, { usage, flags = [] }) {
  const args = process.argv.slice(2)
  const known = ['--self-test', ...flags]
  const positional = args.filter((a) => !a.startsWith('--'))
  const bad = () => {
    console.error(usage)
    process.exit(2)
  }
  if (positional.length !== 1 || args.some((a) => a.startsWith('--') && !known.includes(a))) bad()
  const dir = path.resolve(positional[0])
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) bad()
  const given = new Set(args.filter((a) => a.startsWith('--')))
  if (given.has('--self-test')) selfTest(dir, platform, spec)
  else judge(dir, platform, { listAllowed: given.has('--list-allowed') })
}

module.exports = { SELF, check, sortOut, allows, judgedFiles, format, describeEntry, judge, selfTest, main }
