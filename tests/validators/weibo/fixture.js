// The hand-written fixture (fixture/) holds no runtime: its `src/miniweave_runtime/` is what the
// compiler would generate, so the judge generates it. `copyFixture(to)` copies fixture/ to `to` and
// writes there, with ../lib/assemble-runtime.js:
//   src/miniweave_runtime/vue.js  every snippet of targets/src/weibo/runtime/vue/
//   src/miniweave_runtime/api.js  the Weibo API module for the names the fixture calls
//                                 (`__mwApi.<name>` in its .vue and .js files)
// Used by run.js (when it is given the fixture folder) and by self-test.js (for every copy it
// judges, so its runtime mutation applies to the generated vue.js).
'use strict'

const fs = require('fs')
const path = require('path')
const { assemble } = require('../lib/assemble-runtime')

const FIXTURE = path.join(__dirname, 'fixture')
const SRC = path.join(FIXTURE, 'src')

/** Whether `dir` is the fixture folder itself (or its src/). */
function isFixture(dir) {
  const real = (p) => (fs.existsSync(p) ? fs.realpathSync(p) : p)
  return [FIXTURE, SRC].map(real).includes(real(path.resolve(dir)))
}

/** Every `.vue`/`.js` file under `dir`, outside miniweave_runtime/. */
function sources(dir) {
  const out = []
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) {
      if (e.name !== 'miniweave_runtime') out.push(...sources(p))
    } else if (/\.(vue|js)$/.test(e.name)) out.push(p)
  }
  return out
}

/** The API names the fixture's code calls through the runtime (`__mwApi.<name>`), sorted. */
function apiNames() {
  const names = new Set()
  for (const f of sources(SRC)) for (const m of fs.readFileSync(f, 'utf8').matchAll(/\b__mwApi\.(\w+)/g)) names.add(m[1])
  return [...names].sort()
}

/** Copies fixture/ to `to` and writes its generated runtime modules there; returns `to`. */
function copyFixture(to) {
  fs.cpSync(FIXTURE, to, { recursive: true })
  const runtime = path.join(to, 'src', 'miniweave_runtime')
  fs.mkdirSync(runtime, { recursive: true })
  fs.writeFileSync(path.join(runtime, 'vue.js'), assemble('weibo', 'vue'))
  fs.writeFileSync(path.join(runtime, 'api.js'), assemble('weibo', 'api', apiNames()))
  return to
}

module.exports = { FIXTURE, isFixture, apiNames, copyFixture }
