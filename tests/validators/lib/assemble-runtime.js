#!/usr/bin/env node
// The judges' one runtime assembler: builds a miniweave runtime module from the snippets in
// targets/src/<target>/runtime/<module>/ exactly as the compiler does (targets/src/runtime.rs
// `assemble`, called by each target's `assemble_runtime` in targets/src/<target>/mod.rs):
// - the module's header (HEADERS below);
// - the wanted snippets plus everything their `// needs:` lines pull in, transitively, `_core`
//   first, the rest in name order (byte order, as Rust's BTreeSet sorts);
// - each snippet without its leading `//` lines, trailing white space trimmed, then one newline.
// A snippet is `targets/src/<target>/runtime/<module>/<name>.js`, else the shared
// `targets/src/common/runtime/<module>/<name>.js`, else `targets/src/common/runtime/constructors/`. In an `api` module a wanted name with no snippet
// file is the generic adapter `api.<name> = __mwSame('<name>');` and pulls in `_core`
// (targets/src/common/mod.rs `assemble_api`); in any other module it is an error.
//
//   node tests/validators/lib/assemble-runtime.js <target> <module> [names...]             # to stdout
//   node tests/validators/lib/assemble-runtime.js <target> <module> [names...] --out <file>
//   node tests/validators/lib/assemble-runtime.js --sizes <target> <module> [names...]     # bytes, to stderr
//
// Without names: every snippet of the folder, and of common/constructors for the component and
// vue modules (what their needs pull in from common/ too).
// <target>/<module> is one of alipay/api, alipay/component, weibo/api, weibo/vue. --sizes prints
// each chosen snippet's bytes, then the module's raw and minified size (terser, a transitive
// dependency here, used only to measure).
'use strict'
const fs = require('fs')
const path = require('path')

const SRC = path.resolve(__dirname, '../../../targets/src')

// Each module's header, and whether it is an ES module (Weibo) or CommonJS (Alipay).
const MODULES = {
  'alipay/api': { header: '"use strict";\nvar api = exports, __mwHost = my;\n', esm: false },
  'alipay/component': { header: '"use strict";\nvar rt = exports;\n', esm: false },
  'weibo/api': { header: 'const api = {}, __mwHost = wbx;\nexport default api;\n', esm: true },
  'weibo/vue': { header: 'const rt = {};\nexport default rt;\n', esm: true },
}
const HEADERS = Object.fromEntries(Object.entries(MODULES).map(([k, m]) => [k, m.header]))

function moduleOf(target, module) {
  const m = MODULES[`${target}/${module}`]
  if (!m) throw new Error(`no runtime module ${target}/${module} (known: ${Object.keys(MODULES).join(', ')})`)
  return m
}

const byteOrder = (a, b) => (a < b ? -1 : a > b ? 1 : 0)

/** The folder of a target's module: targets/src/<target>/runtime/<module>. */
function folder(target, module) {
  return path.join(SRC, target, 'runtime', module)
}

/** The names of every snippet in the target's own folder, sorted (as runtime.rs `names`). */
function snippetNames(target, module) {
  return fs.readdirSync(folder(target, module)).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3)).sort(byteOrder)
}

/** The file of snippet `name`: the target's own, else the shared one in common/; null if neither. */
function snippetFile(target, module, name) {
  return [folder(target, module), folder('common', module), folder('common', 'constructors')].map((d) => path.join(d, `${name}.js`)).find((f) => fs.existsSync(f)) || null
}

/**
 * Snippet `name` as the assembler reads it: { name, file, raw, description (line 1 without `// `),
 * needs: [...] (its last `// needs:` line), body (without the leading `//` lines, trimmed, one
 * newline) }. Throws when there is no such file.
 */
function readSnippet(target, module, name) {
  const file = snippetFile(target, module, name)
  if (!file) throw new Error(`no snippet "${name}" in ${folder(target, module)} or ${folder('common', module)}`)
  const raw = fs.readFileSync(file, 'utf8')
  let start = 0
  let needs = ''
  for (const line of raw.split(/(?<=\n)/)) {
    if (!line.startsWith('//')) break
    if (line.startsWith('// needs:')) needs = line.slice('// needs:'.length)
    start += line.length
  }
  return {
    name,
    file,
    raw,
    description: raw.split('\n')[0].replace(/^\/\/\s*/, ''),
    needs: needs.split(',').map((s) => s.trim()).filter(Boolean),
    body: raw.slice(start).trimEnd() + '\n',
  }
}

/** The snippet names a module made of `names` holds (their needs included), in module order. */
function resolve(target, module, names) {
  const chosen = new Set()
  // Every snippet: the folder's, and for the constructor modules the ones they share.
  const every = () => snippetNames(target, module).concat(module == 'api' ? [] : snippetNames('common', 'constructors'))
  const queue = [...(names == null ? every() : names)]
  while (queue.length) {
    const n = queue.shift()
    if (chosen.has(n)) continue
    chosen.add(n)
    if (snippetFile(target, module, n)) queue.push(...readSnippet(target, module, n).needs)
    else if (module === 'api') queue.push('_core') // a synthesized adapter uses the core
    else throw new Error(`no snippet "${n}" in ${folder(target, module)} or ${folder('common', module)}`)
  }
  const rest = [...chosen].filter((n) => n !== '_core').sort(byteOrder)
  return chosen.has('_core') ? ['_core', ...rest] : rest
}

/**
 * The text of the runtime module `<target>/<module>` for the wanted snippet `names` (plus what they
 * need); every snippet of the target's folder when `names` is omitted.
 */
function assemble(target, module, names) {
  let out = moduleOf(target, module).header
  for (const n of resolve(target, module, names)) {
    out += snippetFile(target, module, n) ? readSnippet(target, module, n).body : `api.${n} = __mwSame('${n}');\n`
  }
  return out
}

/** Minified size in bytes of a module's text (terser; only for measuring). */
async function minifiedSize(code, { esm = true } = {}) {
  const terser = require(path.join(__dirname, '..', 'node_modules', 'terser'))
  const r = await terser.minify(code, { module: esm, toplevel: true, ecma: 2017, compress: { ecma: 2017, passes: 2 }, mangle: true })
  return Buffer.byteLength(r.code)
}

module.exports = { SRC, HEADERS, folder, snippetNames, snippetFile, readSnippet, resolve, assemble, minifiedSize }

function cli(argv) {
  const usage = () => {
    console.error(
      'usage: node tests/validators/lib/assemble-runtime.js [--sizes] <target> <module> [names...] [--out <file>]\n' +
        `  <target>/<module>: ${Object.keys(MODULES).join(', ')}; no names: every snippet of the folder`,
    )
    process.exit(2)
  }
  const args = [...argv]
  let out = null
  const o = args.indexOf('--out')
  if (o >= 0) {
    out = args[o + 1]
    if (!out) usage()
    args.splice(o, 2)
  }
  const sizes = args[0] === '--sizes'
  if (sizes) args.shift()
  const [target, module, ...names] = args
  if (!target || !module || !MODULES[`${target}/${module}`] || args.some((a) => a.startsWith('--'))) usage()
  const wanted = names.length ? names : undefined
  const code = assemble(target, module, wanted)
  if (!sizes) {
    if (out) fs.writeFileSync(out, code)
    else process.stdout.write(code)
    return
  }
  let stored = 0
  let bodies = 0
  const chosen = resolve(target, module, wanted)
  for (const n of chosen) {
    const s = snippetFile(target, module, n) ? readSnippet(target, module, n) : null
    const body = s ? s.body : `api.${n} = __mwSame('${n}');\n`
    stored += s ? Buffer.byteLength(s.raw) : 0
    bodies += Buffer.byteLength(body)
    process.stderr.write(`${String(Buffer.byteLength(body)).padStart(6)}  ${n}${s ? '' : ' (generic adapter)'}\n`)
  }
  minifiedSize(code, { esm: MODULES[`${target}/${module}`].esm }).then((min) => {
    process.stderr.write(
      `${target}/${module}, ${names.join(', ') || 'every snippet'}: ${chosen.length} snippets, ${stored} bytes as stored, ${bodies} without header comments; ` +
        `the module ${Buffer.byteLength(code)} bytes raw, ${min} minified\n`,
    )
  })
}

if (require.main === module) {
  try {
    cli(process.argv.slice(2))
  } catch (e) {
    console.error(`assemble-runtime: ${e.message}`)
    process.exit(1)
  }
}
