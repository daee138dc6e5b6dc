// Module loader hooks for run.js (node:module register): every file under the emitted `src/`
// folder is loaded as an ES module, as WBox ships them (LANGUAGE.md §4: Weibo keeps ES modules).
//   x.vue            -> `import s from "x.vue?mwscript"; export default Object.assign(s, { render, staticRenderFns })`
//   x.vue?mwscript   -> the SFC's <script> block
//   x.json           -> `export default <the JSON>`
//   miniweave_runtime/vue.js -> the freshly assembled snippets, with --fresh-runtime (run.js assembles
//                               them with ../lib/assemble-runtime.js and passes the code in)
// The templates were compiled by run.js (main thread) and arrive here as code strings.
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

let root = null
let vue = {}
let fresh = null

export function initialize(data) {
  root = data.root
  vue = data.vue
  fresh = data.fresh
}

export async function load(url, context, next) {
  if (!root || !url.startsWith(root)) return next(url, context)
  const u = new URL(url)
  const query = u.search
  u.search = ''
  u.hash = ''
  const plain = u.href
  const file = fileURLToPath(plain)
  let source
  if (file.endsWith('.vue')) {
    const sfc = vue[plain]
    if (!sfc) throw new Error(`${file}: not a loadable single-file component (see the compile check)`)
    if (query === '?mwscript') {
      source = sfc.script
    } else {
      const fn = (code) => `new Function(${JSON.stringify(code)})`
      source =
        `import s from ${JSON.stringify(plain + '?mwscript')};\n` +
        `export default Object.assign(s, { render: ${fn(sfc.render)}, staticRenderFns: [${sfc.staticRenderFns.map(fn).join(', ')}] });\n`
    }
  } else if (fresh !== null && /\/miniweave_runtime\/vue\.js$/.test(plain)) {
    source = fresh
  } else if (file.endsWith('.json')) {
    source = `export default ${await readFile(file, 'utf8')};\n`
  } else {
    source = await readFile(file, 'utf8')
  }
  return { format: 'module', source, shortCircuit: true }
}
