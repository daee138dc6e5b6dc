// Vue 2's own template compiler (vue-template-compiler, pinned to vue's version) judges
// every emitted .vue file: any error or tip is a failure (shared/reference/VALIDATORS.md §7).
'use strict'
const fs = require('fs')
const path = require('path')
const compiler = require('vue-template-compiler')
const { listFiles, finish, requireDir } = require('./files')

const dir = requireDir(process.argv)
const failures = []
let judged = 0
for (const file of listFiles(dir).filter((f) => f.endsWith('.vue'))) {
  const sfc = compiler.parseComponent(fs.readFileSync(path.join(dir, file), 'utf8'))
  if (sfc.errors.length > 0) failures.push(`${file}: ${JSON.stringify(sfc.errors)}`)
  if (!sfc.template) {
    failures.push(`${file}: no <template> block`)
    continue
  }
  const result = compiler.compile(sfc.template.content, { whitespace: 'condense' })
  for (const e of result.errors) failures.push(`${file}: error: ${typeof e === 'string' ? e : e.msg}`)
  for (const t of result.tips) failures.push(`${file}: tip: ${typeof t === 'string' ? t : t.msg}`)
  judged++
}
finish('weibo', judged, failures)
