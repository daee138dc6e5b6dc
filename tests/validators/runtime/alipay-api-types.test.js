#!/usr/bin/env node
// Type-check the assembled Alipay API runtime with `tsc --checkJs` against @mini-types/alipay.
//
//   node tests/validators/runtime/alipay-api-types.test.js <assembled-api.js>
//
// <assembled-api.js> is the full module, every adapter (the compiler's full_api_runtime() in the
// Rust tests; by hand: node tests/validators/lib/assemble-runtime.js alipay api --out /tmp/api.js).
// It is judged as `miniweave_runtime/api.js`, alone in a temp folder, by the type judges' engine
// (../lib/tsc-judge.js) with the Alipay platform of ../alipay/types.js: the same compiler options
// (allowJs + checkJs, skipLibCheck, strict off, ES2017, types ["@mini-types/alipay"]), the same
// declarations of Alipay's timers and console (GLOBALS there), and the same allow-list (ALLOW
// there), whose api.js entries are this module's known false positives, each matched inside the
// adapter (`api.NAME = ` block) it belongs to. Any other diagnostic fails, and so does an api.js
// entry that allowed nothing: the module has every adapter, so each known false positive must
// still be reported (remove or fix an entry whose typing or adapter changed).
'use strict'

const fs = require('fs')
const os = require('os')
const path = require('path')
const { check, describeEntry } = require('../lib/tsc-judge')
const { ALIPAY, ALLOW } = require('../alipay/types')

const AS = 'miniweave_runtime/api.js'
// The known false positives of api.js (the entries for program code and component.js cannot apply).
const KNOWN = ALLOW.filter((entry) => entry.file.test(AS))

function main() {
  const file = process.argv[2] && path.resolve(process.argv[2])
  if (!file || !fs.existsSync(file)) {
    console.error('usage: node alipay-api-types.test.js <assembled-api.js>')
    process.exit(2)
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'miniweave-api-types-'))
  let result
  try {
    fs.mkdirSync(path.join(tmp, path.dirname(AS)))
    fs.copyFileSync(file, path.join(tmp, AS))
    result = check(tmp, ALIPAY)
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true })
  }
  const seen = KNOWN.filter((entry) => result.allowed.some((a) => a.entry === entry))
  const stale = [...new Set([...result.stale, ...KNOWN.filter((entry) => !seen.includes(entry))])]
  const name = path.basename(file)
  for (const e of result.errors) {
    const where = e.file === AS ? `${name}(${e.line},${e.col}) [${e.block || '(header)'}]` : `${e.file}(${e.line},${e.col})`
    console.error(`unexpected: ${where} TS${e.code}: ${e.text.split('\n')[0]}`)
  }
  for (const entry of stale) console.error(`known false positive no longer reported (remove or fix it in ALLOW, ../alipay/types.js): ${describeEntry(entry)}`)
  const ok = !result.errors.length && !stale.length
  console.log(`alipay-api-types: ${ok ? 'ok' : 'FAILED'}, ${seen.length} known false positives, ${result.errors.length} unexpected, ${stale.length} stale`)
  process.exit(ok ? 0 : 1)
}

main()
