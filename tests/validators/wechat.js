// WeChat's own tools judge an emitted WeChat folder (shared/reference/VALIDATORS.md §1, §2):
// - wcc (npm miniprogram-compiler) compiles every .wxml and .wxs in one invocation;
// - wcsc compiles every .wxss in one invocation, with ./-prefixed paths so /-rooted
//   imports resolve;
// - miniprogram-ci's schemaValidate checks app.json, every page/component .json,
//   sitemap.json and project.config.json; its warnings (unknown keys) count as failures.
'use strict'
const fs = require('fs')
const path = require('path')
const { spawnSync } = require('child_process')
const { listFiles, finish, requireDir } = require('./files')

const dir = requireDir(process.argv)
const bin = path.join(__dirname, 'node_modules/miniprogram-compiler/bin/linux')
// The npm tarball ships the binaries without the executable bit.
for (const tool of ['wcc', 'wcsc']) fs.chmodSync(path.join(bin, tool), 0o755)

const files = listFiles(dir)
const failures = []
let judged = 0

function run(tool, args) {
  const r = spawnSync(path.join(bin, tool), args, { cwd: dir, encoding: 'utf8' })
  if (r.status !== 0) failures.push(`${tool} exited ${r.status}: ${(r.stderr || r.stdout || '').trim()}`)
}

const markup = files.filter((f) => f.endsWith('.wxml') || f.endsWith('.wxs'))
if (markup.length > 0) {
  run('wcc', ['-d', ...markup, '-o', path.join(require('os').tmpdir(), `wcc-${process.pid}.js`)])
  judged += markup.length
}
const styles = files.filter((f) => f.endsWith('.wxss'))
if (styles.length > 0) {
  run('wcsc', ['-db', '-pc', String(styles.length), ...styles.map((f) => `./${f}`), '-o', path.join(require('os').tmpdir(), `wcsc-${process.pid}.js`)])
  judged += styles.length
}

const ci = require('miniprogram-ci')
const units = new Set(files.filter((f) => f.endsWith('.wxml')).map((f) => f.replace(/\.wxml$/, '')))
for (const file of files.filter((f) => f.endsWith('.json'))) {
  let kind = null
  if (file === 'app.json') kind = 'app'
  else if (file === 'project.config.json') kind = 'projectconfig'
  else if (file === 'sitemap.json') kind = 'sitemap'
  else if (units.has(file.replace(/\.json$/, ''))) kind = 'page'
  if (!kind) continue
  const result = ci.schemaValidate(kind, JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')))
  if (result.error.length > 0) failures.push(`${file}: ${JSON.stringify(result.error)}`)
  if (result.warning) failures.push(`${file}: schema warning ${result.warning}`)
  judged++
}
finish('wechat', judged, failures)
