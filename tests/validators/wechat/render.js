// Renders one emitted WeChat component, or a page built with Component(), under
// miniprogram-simulate 1.6.2 (the real wcc, exparser and jsdom, as ./simulate.js does) and
// prints its text. Fails on any exparser error or warning (a component or module not found, a
// handler that throws), so a file placed where its users cannot load it fails here.
//
//   node tests/validators/wechat/render.js <emitted wechat folder> <path without extension>
//
// miniprogram-simulate has no Page(): a page is rendered only when it is built with
// Component(), which WeChat allows for pages too.
'use strict'
const fs = require('fs')
const os = require('os')
const path = require('path')

const [folder, rel] = process.argv.slice(2)
if (!folder || !rel || !fs.existsSync(path.join(folder, `${rel}.json`))) {
  console.error('usage: node render.js <emitted wechat folder> <component path without extension>')
  process.exit(2)
}
const { simulate, problems } = require('./simulate-env').simulateEnvironment()

// A copy, never the emitted folder itself, as rootPath (`/`-rooted paths resolve from it).
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'miniweave-render-'))
fs.cpSync(path.resolve(folder), root, { recursive: true })

// miniprogram-simulate renders a component it cannot find as nothing, without a warning.
const checked = new Set()
function checkComponents(unit) {
  if (checked.has(unit)) return
  checked.add(unit)
  const json = JSON.parse(fs.readFileSync(path.join(root, `${unit}.json`), 'utf8'))
  for (const [tag, target] of Object.entries(json.usingComponents || {})) {
    const file = target.startsWith('/') ? path.join(root, target) : path.join(root, path.dirname(unit), target)
    if (!fs.existsSync(`${file}.json`)) problems.push(`<${tag}>: ${target} is not in the folder`)
    else checkComponents(path.relative(root, file))
  }
}

async function main() {
  checkComponents(rel)
  const id = simulate.load(path.join(root, rel), path.basename(rel), { rootPath: root, compilerOptions: { maxBuffer: 64 * 1024 * 1024 } })
  const comp = simulate.render(id, {})
  comp.attach(document.createElement('parent-wrapper'))
  await simulate.sleep(0)
  const text = comp.dom.textContent.replace(/\s+/g, ' ').trim()
  fs.rmSync(root, { recursive: true, force: true })
  if (problems.length > 0) {
    console.error(`wechat-render: ${rel}: ${problems.join('\n')}`)
    process.exit(1)
  }
  console.log(`wechat-render: ${rel}: ${text}`)
}

main().catch((err) => {
  console.error(`wechat-render: ${rel}: ${err && err.stack}`)
  process.exit(1)
})
