#!/usr/bin/env node
// Assemble miniweave_runtime/api.js from the Alipay API adapter snippets in
// targets/src/alipay/runtime/api/, the way the compiler does:
//   "use strict";\nvar api = exports, __mwHost = my;\n  then _core.js (shared, in targets/src/common/runtime/api),
//   then each adapter in sorted file-name order,
// each snippet with its leading `//` header lines removed and ending in one newline.
//
//   node tests/validators/runtime/assemble.js              # every snippet (for the tests)
//   node tests/validators/runtime/assemble.js showToast request   # only these + what they need
//   node tests/validators/runtime/assemble.js --sizes      # byte counts per snippet, to stderr
'use strict';

const fs = require('fs');
const path = require('path');

const DIR = path.resolve(__dirname, '../../../targets/src/alipay/runtime/api');
// The calling-convention core is shared by every target's API runtime.
const COMMON = path.resolve(__dirname, '../../../targets/src/common/runtime/api');
const HEADER = '"use strict";\nvar api = exports, __mwHost = my;\n';

/** Parse one snippet: { name, description, needs: [...], body } (body without header comments). */
function readSnippet(name) {
  const own = path.join(DIR, name + '.js');
  const text = fs.readFileSync(fs.existsSync(own) ? own : path.join(COMMON, name + '.js'), 'utf8');
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && lines[i].startsWith('//')) i++;
  const header = lines.slice(0, i);
  const needsLine = header.find((l) => /^\/\/ needs:/.test(l));
  if (!needsLine) throw new Error(`${name}.js: no "// needs:" header line`);
  const needs = needsLine.replace(/^\/\/ needs:/, '').split(',').map((s) => s.trim()).filter(Boolean);
  const body = lines.slice(i).join('\n').replace(/\s+$/, '') + '\n';
  return { name, description: header[0].replace(/^\/\/\s*/, ''), needs, body, raw: text };
}

function allNames() {
  return ['_core', ...fs.readdirSync(DIR).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3))].sort();
}

/** The module text for the given adapter names (all when none given). */
function assemble(names) {
  const wanted = new Set();
  const visit = (n) => {
    if (wanted.has(n)) return;
    wanted.add(n);
    readSnippet(n).needs.forEach(visit);
  };
  (names && names.length ? names : allNames()).forEach(visit);
  let out = HEADER;
  if (wanted.has('_core')) out += readSnippet('_core').body;
  for (const n of [...wanted].filter((n) => n !== '_core').sort()) out += readSnippet(n).body;
  return out;
}

module.exports = { DIR, HEADER, readSnippet, allNames, assemble };

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === '--sizes') {
    let raw = 0;
    let body = 0;
    for (const n of allNames()) {
      const s = readSnippet(n);
      raw += Buffer.byteLength(s.raw);
      body += Buffer.byteLength(s.body);
      process.stderr.write(`${String(Buffer.byteLength(s.body)).padStart(6)}  ${n}\n`);
    }
    process.stderr.write(`${allNames().length} snippets: ${raw} bytes as stored, ${body} bytes without header comments\n`);
  } else {
    process.stdout.write(assemble(args));
  }
}
