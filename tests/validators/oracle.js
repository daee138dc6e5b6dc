// WeChat's verdict on each mini-program source file of a folder, for the oracle test
// (tests/it/oracle.rs): which .wxml/.wxs/.wxss files WeChat's own compilers accept.
//
// Usage: node oracle.js <folder>   prints {"accepted": [...], "rejected": [{file, error}]}
//
// Each file is judged on its own, so one bad file cannot hide the verdict on the others
// (wcc and wcsc fail a whole invocation on one error: VALIDATORS.md §1). A file is given
// with the neighbours the compiler needs to judge it, and no others:
// - wcc fails on a `<wxs src>` that is not on its command line, so a .wxml or .wxs goes
//   with the .wxs files it names (transitively). `<import>`/`<include>` targets are not
//   needed: wcc only warns about them when the page is rendered.
// - wcsc fails on an `@import` that is not on its command line, so a .wxss goes with its
//   imports (transitively), `./`-prefixed so that `/`-rooted imports resolve.
// Paths are relative to <folder>, which plays the source root for `/`-rooted paths.
'use strict'
const fs = require('fs')
const os = require('os')
const path = require('path')
const { spawnSync } = require('child_process')
const { listFiles, requireDir } = require('./files')

const root = requireDir(process.argv)
const bin = path.join(__dirname, 'node_modules/miniprogram-compiler/bin/linux')
// The npm tarball ships the binaries without the executable bit.
for (const tool of ['wcc', 'wcsc']) fs.chmodSync(path.join(bin, tool), 0o755)
const out = path.join(os.tmpdir(), `oracle-${process.pid}.js`)

/** `spec` as written in `from` (a root-relative path), as a root-relative path. */
function resolveFrom(from, spec) {
  const joined = spec.startsWith('/') ? spec.slice(1) : path.posix.join(path.posix.dirname(from), spec)
  return path.posix.normalize(joined)
}

function exists(rel) {
  return !rel.startsWith('..') && fs.existsSync(path.join(root, rel)) && fs.statSync(path.join(root, rel)).isFile()
}

/** `start` and every existing file reachable from it through `refs`, in discovery order. */
function closure(start, refs) {
  const seen = new Set([start])
  const queue = [start]
  while (queue.length > 0) {
    const file = queue.shift()
    for (const spec of refs(file, fs.readFileSync(path.join(root, file), 'utf8'))) {
      const rel = resolveFrom(file, spec)
      // A missing neighbour is left off: the compiler then reports it, which is the verdict.
      if (exists(rel) && !seen.has(rel)) {
        seen.add(rel)
        queue.push(rel)
      }
    }
  }
  return [...seen]
}

/** The .wxs files a .wxml (`<wxs src>`, inline `require`) or a .wxs (`require`) names. */
function viewScriptRefs(_file, text) {
  const refs = []
  for (const m of text.matchAll(/<wxs\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/g)) refs.push(m[1])
  for (const m of text.matchAll(/\brequire\s*\(\s*["']([^"']+\.wxs)["']\s*\)/g)) refs.push(m[1])
  return refs
}

/** The sheets a .wxss imports: `@import "x";`, `@import 'x';`, `@import url(x);`. */
function styleRefs(_file, text) {
  const refs = []
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '')
  for (const m of code.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)["']?/g)) refs.push(m[1])
  return refs
}

function run(tool, args) {
  const r = spawnSync(path.join(bin, tool), args, { cwd: root, encoding: 'utf8' })
  if (r.status === 0) return null
  const text = `${r.stderr || ''}${r.stdout || ''}`.trim()
  return `${tool} exited ${r.status}${r.signal ? ` (${r.signal})` : ''}: ${text}`
}

const accepted = []
const rejected = []
for (const file of listFiles(root)) {
  let error
  if (file.endsWith('.wxml') || file.endsWith('.wxs')) {
    error = run('wcc', ['-d', ...closure(file, viewScriptRefs), '-o', out])
  } else if (file.endsWith('.wxss')) {
    const sheets = closure(file, styleRefs).map((f) => `./${f}`)
    error = run('wcsc', ['-db', '-pc', '1', ...sheets, '-o', out])
  } else {
    continue
  }
  if (error === null) accepted.push(file)
  else rejected.push({ file, error })
}
fs.rmSync(out, { force: true })
console.log(JSON.stringify({ accepted, rejected }, null, 1))
