// Shared helpers for the judges: list a folder's files, report and exit.
'use strict'
const fs = require('fs')
const path = require('path')

/** Every file under `root`, as paths relative to it with `/` separators, sorted. */
function listFiles(root) {
  const out = []
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else out.push(path.relative(root, full).split(path.sep).join('/'))
    }
  }
  walk(root)
  return out.sort()
}

/** Prints the failures (or a count of what was judged) and exits 1 on any failure. */
function finish(judge, judged, failures) {
  if (failures.length > 0) {
    console.error(`${judge}: ${failures.length} failure(s)`)
    for (const f of failures) console.error(`  ${f}`)
    process.exit(1)
  }
  if (judged === 0) {
    console.error(`${judge}: nothing to judge`)
    process.exit(1)
  }
  console.log(`${judge}: ${judged} file(s) accepted`)
}

function requireDir(argv) {
  const dir = argv[2]
  if (!dir || !fs.existsSync(dir)) {
    console.error(`usage: node ${path.basename(argv[1])} <emitted folder>`)
    process.exit(2)
  }
  return path.resolve(dir)
}

module.exports = { listFiles, finish, requireDir }
