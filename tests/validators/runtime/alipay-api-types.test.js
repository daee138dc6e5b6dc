#!/usr/bin/env node
// Type-check the assembled Alipay API runtime with `tsc --checkJs` against @mini-types/alipay.
//
//   node tests/validators/runtime/alipay-api-types.test.js <assembled-api.js>
//
// Uses the TypeScript compiler API from tests/validators/node_modules (no files written):
// allowJs + checkJs, skipLibCheck, strict off, lib ES2017, types ["@mini-types/alipay"], plus a
// one-line shim for setTimeout (Alipay's runtime has it; @mini-types/global declares it only
// for workers). Every diagnostic is attributed to the snippet it falls in (the nearest
// preceding `api.NAME =` or `function __mw...` line). The known false positives below are
// accepted; anything else fails, and so does a listed one that is no longer reported.
'use strict';

const fs = require('fs');
const path = require('path');
const ts = require(path.join(__dirname, '..', 'node_modules', 'typescript'));

// [snippet, TS code, text the message contains, why it is accepted]
const KNOWN = [
  ['request', 2339, "'status'", 'reads status from a failure: Alipay fails on HTTP errors (error 19) and the failure object carries status/data/headers (ALI mini/api/基础API/网络/my.request 常见问题.md); the typings declare only error/errorMessage'],
  ['uploadFile', 2345, "'{ success: any; fail: any; }'", 'the argument is a copy of the WeChat options made by __mwArgs (a for-in copy types as { success, fail }); url/filePath/name are in it at run time'],
  ['downloadFile', 2339, "'statusCode'", 'defensive read; the typings give no statusCode, the adapter defaults it to 200'],
  ['getStorageSync', 2339, "'APDataStorage'", 'legacy field some clients answered with (TARO handleSyncApis); not in the typings'],
  ['getSystemInfoSync', 2551, "'SDKVersion'", 'adds WeChat\'s SDKVersion to the Alipay result object'],
  ['nextTick', 2339, "'nextTick'", 'my.nextTick is not declared in @mini-types/my 3.0.14 (nor documented); the adapter tests for it and falls back to setTimeout'],
];

const SHIM = '/__miniweave_shim__.d.ts';
const SHIM_TEXT = 'declare function setTimeout(handler: (...args: any[]) => void, timeout?: number): number;\n';

function check(file) {
  const options = {
    allowJs: true,
    checkJs: true,
    noEmit: true,
    skipLibCheck: true,
    strict: false,
    target: ts.ScriptTarget.ES2017,
    module: ts.ModuleKind.CommonJS,
    lib: ['lib.es2017.d.ts'],
    types: ['@mini-types/alipay'],
    typeRoots: [path.join(__dirname, '..', 'node_modules')],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, version, onError, create) =>
    name === SHIM ? ts.createSourceFile(name, SHIM_TEXT, version) : getSourceFile(name, version, onError, create);
  const fileExists = host.fileExists;
  host.fileExists = (name) => name === SHIM || fileExists(name);
  const program = ts.createProgram([file, SHIM], options, host);
  return ts.getPreEmitDiagnostics(program);
}

function main() {
  const file = process.argv[2] && path.resolve(process.argv[2]);
  if (!file) {
    console.error('usage: node alipay-api-types.test.js <assembled-api.js>');
    process.exit(2);
  }
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const snippetAt = (line) => {
    for (let i = line; i >= 0; i--) {
      const m = /^api\.(\w+) = /.exec(lines[i]) || /^function (__mw\w+)/.exec(lines[i]);
      if (m) return m[1].startsWith('__mw') ? '_core' : m[1];
    }
    return '(header)';
  };
  const seen = new Set();
  const unexpected = [];
  for (const d of check(file)) {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    let where = '(global)';
    let snippet = '(global)';
    if (d.file) {
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      where = `${path.basename(d.file.fileName)}(${line + 1},${character + 1})`;
      snippet = d.file.fileName === file ? snippetAt(line) : '(lib)';
    }
    const k = KNOWN.findIndex(([s, code, needle]) => s === snippet && code === d.code && text.includes(needle));
    if (k >= 0) seen.add(k);
    else unexpected.push(`${where} [${snippet}] TS${d.code}: ${text.split('\n')[0]}`);
  }
  const stale = KNOWN.filter((_, i) => !seen.has(i)).map(([s, code, needle]) => `${s} TS${code} ${needle}`);
  for (const u of unexpected) console.error(`unexpected: ${u}`);
  for (const s of stale) console.error(`known false positive no longer reported (remove it from KNOWN): ${s}`);
  const ok = !unexpected.length && !stale.length;
  console.log(`alipay-api-types: ${ok ? 'ok' : 'FAILED'}, ${seen.size} known false positives, ${unexpected.length} unexpected, ${stale.length} stale`);
  process.exit(ok ? 0 : 1);
}

main();
