#!/usr/bin/env node
// Assemble miniweave_runtime/vue.js from the snippets in targets/src/weibo/runtime/vue/, the way
// the compiler does (targets/src/runtime.rs): `const rt = {};\nexport default rt;\n`, then
// `_core` if a chosen snippet needs it, then the chosen snippets in name order, each without its
// leading `//` header lines, trimmed and ending in one newline.
//
//   node tests/validators/weibo/assemble.js                        # every snippet
//   node tests/validators/weibo/assemble.js register page app      # these + what they need
//   node tests/validators/weibo/assemble.js --sizes [names...]     # raw and minified sizes, to stderr
'use strict'

const fs = require('fs')
const path = require('path')

const DIR = path.resolve(__dirname, '../../../targets/src/weibo/runtime/vue')
const HEADER = 'const rt = {};\nexport default rt;\n'

function readSnippet(name) {
  const text = fs.readFileSync(path.join(DIR, name + '.js'), 'utf8')
  const lines = text.split('\n')
  let i = 0
  while (i < lines.length && lines[i].startsWith('//')) i++
  const needsLine = lines.slice(0, i).find((l) => l.startsWith('// needs:'))
  if (!needsLine) throw new Error(`${name}.js: no "// needs:" header line`)
  const needs = needsLine.slice('// needs:'.length).split(',').map((s) => s.trim()).filter(Boolean)
  return { name, needs, body: lines.slice(i).join('\n').trimEnd() + '\n', raw: text }
}

function allNames() {
  return fs.readdirSync(DIR).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3)).sort()
}

function assemble(names) {
  const chosen = new Set()
  const visit = (n) => {
    if (chosen.has(n)) return
    chosen.add(n)
    readSnippet(n).needs.forEach(visit)
  }
  ;(names && names.length ? names : allNames()).forEach(visit)
  let out = HEADER
  if (chosen.has('_core')) out += readSnippet('_core').body
  // Byte order, as Rust's BTreeSet<String> sorts.
  for (const n of [...chosen].filter((n) => n !== '_core').sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) out += readSnippet(n).body
  return out
}

/** Minified size (terser, a transitive dependency here; only for measuring). */
async function minifiedSize(code) {
  const terser = require(path.join(__dirname, '..', 'node_modules', 'terser'))
  const r = await terser.minify(code, { module: true, ecma: 2017, compress: { ecma: 2017, passes: 2 }, mangle: true })
  return Buffer.byteLength(r.code)
}

module.exports = { DIR, HEADER, readSnippet, allNames, assemble, minifiedSize }

if (require.main === module) {
  const args = process.argv.slice(2)
  if (args[0] === '--sizes') {
    const code = assemble(args.slice(1))
    minifiedSize(code).then((min) => {
      process.stderr.write(`${Buffer.byteLength(code)} bytes raw, ${min} bytes minified (${args.slice(1).join(', ') || 'all snippets'})\n`)
    })
  } else {
    process.stdout.write(assemble(args))
  }
}
