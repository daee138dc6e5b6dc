#!/usr/bin/env node
// Assembles miniweave_runtime/component.js for Alipay the way the compiler does
// (targets/src/runtime.rs `assemble`): the header `"use strict";\nvar rt = exports;\n`, then the
// wanted snippets of targets/src/alipay/runtime/component/ plus everything their `// needs:` lines
// pull in, `_core` first, the rest in name order; each snippet without its leading `//` lines,
// trailing white space trimmed, then one newline. A snippet missing there is looked up in
// targets/src/common/runtime/component/, as runtime.rs does.
//
//   node tests/validators/alipay/assemble-runtime.js <out-file> component page [model behavior]
//   node tests/validators/alipay/assemble-runtime.js - component page     # to stdout
'use strict';

const fs = require('fs');
const path = require('path');

const SRC = path.resolve(__dirname, '../../../targets/src');
const GROUP = 'alipay/component';
const HEADER = '"use strict";\nvar rt = exports;\n';

function readSnippet(name, group = GROUP) {
  const [target, module] = group.split('/');
  const dirs = [path.join(SRC, target, 'runtime', module), path.join(SRC, 'common', 'runtime', module)];
  const file = dirs.map((d) => path.join(d, `${name}.js`)).find((f) => fs.existsSync(f));
  if (!file) throw new Error(`no snippet "${name}" in ${dirs.join(' or ')}`);
  const text = fs.readFileSync(file, 'utf8');
  let start = 0;
  let needs = '';
  for (const line of text.split(/(?<=\n)/)) {
    if (!line.startsWith('//')) break;
    if (line.startsWith('// needs:')) needs = line.slice('// needs:'.length).trimEnd();
    start += line.length;
  }
  return {
    name,
    file,
    body: text.slice(start),
    needs: needs.split(',').map((s) => s.trim()).filter(Boolean),
  };
}

/** The module for `wanted` snippet names (plus what they need). */
function assemble(wanted, group = GROUP, header = HEADER) {
  const chosen = new Set();
  const queue = [...wanted];
  while (queue.length) {
    const n = queue.shift();
    if (chosen.has(n)) continue;
    chosen.add(n);
    queue.push(...readSnippet(n, group).needs);
  }
  const ordered = [...chosen].filter((n) => n !== '_core').sort();
  if (chosen.has('_core')) ordered.unshift('_core');
  let out = header;
  for (const n of ordered) out += readSnippet(n, group).body.trimEnd() + '\n';
  return out;
}

module.exports = { assemble, readSnippet, HEADER, GROUP };

if (require.main === module) {
  const [out, ...names] = process.argv.slice(2);
  if (!out || names.length === 0) {
    console.error('usage: node assemble-runtime.js <out-file | -> <snippet names...>');
    process.exit(2);
  }
  const text = assemble(names);
  if (out === '-') process.stdout.write(text);
  else fs.writeFileSync(out, text);
}
