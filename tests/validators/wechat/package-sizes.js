// Per-package byte counts of an emitted WeChat folder, as miniprogram-ci counts them, offline.
//
//   node tests/validators/wechat/package-sizes.js <emitted wechat folder>
//   → wechat-package-sizes: {"main":1213,"pkgA":261616,...}
//
// The count is miniprogram-ci's own: `checkCodeQuality`'s PACKAGE_SIZE_LIMIT check (the IDE's
// code-quality panel), whose detail is its code analyser's per-package sum
// (`CodeDenpendencyQualityChecker.caculatePackageSize`): the size on disk of every file whose
// suffix is on its upload whitelist, in the subpackage whose root it sits under, else in the
// main package (`__APP__`, printed as `main`; roots are printed without their trailing `/`).
// Nothing of it goes to the network (checked under `unshare -rn`): `ci.Project` wants a private
// key, which only upload and preview use, so a placeholder stands in.
//
// Not used: `getCompiledResult` (the files `upload` would send) asks WeChat's server for the
// app's attributes unless they are stubbed, and does not split the files into packages; the
// server does that after upload.
'use strict'
const fs = require('fs')
const path = require('path')
const { requireDir } = require('../files')

const dir = requireDir(process.argv)
// miniprogram-ci logs progress with console.log: keep stdout for the one result line.
const log = console.log
console.log = console.info = (...args) => console.error(...args)

const ci = require('miniprogram-ci')

async function main() {
  const config = JSON.parse(fs.readFileSync(path.join(dir, 'project.config.json'), 'utf8'))
  const project = new ci.Project({
    appid: config.appid || 'touristappid',
    type: 'miniProgram',
    projectPath: dir,
    privateKey: 'unused: code analysis does not sign anything',
  })
  const checks = await ci.checkCodeQuality(project)
  const check = checks.find((c) => c.name === 'PACKAGE_SIZE_LIMIT')
  if (!check || !check.detail) throw new Error(`no PACKAGE_SIZE_LIMIT detail in ${JSON.stringify(checks)}`)
  const sizes = {}
  for (const [name, bytes] of Object.entries(check.detail)) {
    sizes[name === '__APP__' ? 'main' : name.replace(/\/$/, '')] = bytes
  }
  log(`wechat-package-sizes: ${JSON.stringify(sizes)}`)
}

main().then(
  // The analyser leaves a file watcher open.
  () => process.exit(0),
  (e) => {
    console.error(`wechat-package-sizes: ${e && e.stack ? e.stack : e}`)
    process.exit(1)
  },
)
