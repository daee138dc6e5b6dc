// Alipay's own AXML parser, @alipay/axml-transverter (shared/reference/VALIDATORS.md §4),
// parses every emitted .axml; a parse error is a failure.
'use strict'
const fs = require('fs')
const path = require('path')
const { TransformCompiler } = require('@alipay/axml-transverter')
const { listFiles, finish, requireDir } = require('./files')

const dir = requireDir(process.argv)
const failures = []
let judged = 0
for (const file of listFiles(dir).filter((f) => f.endsWith('.axml'))) {
  try {
    new TransformCompiler({ platform: 'ALIPAY', customMapping: {} }, []).compile(fs.readFileSync(path.join(dir, file), 'utf8'))
  } catch (e) {
    failures.push(`${file}: ${e.message}`)
  }
  judged++
}
finish('alipay', judged, failures)
