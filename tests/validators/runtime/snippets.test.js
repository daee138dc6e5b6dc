#!/usr/bin/env node
// Lint of the Alipay API adapter snippets (targets/src/alipay/runtime/api/*.js): the format the
// compiler's assembler relies on, ES5-only syntax, correct `// needs:` lists, API names that exist
// in the generated allow-lists (targets/src/api-lists/*.json), and the size budget.
//
//   node tests/validators/runtime/snippets.test.js
//
// Snippet format:
//   line 1   `// <one-line description, with the PLATFORMS.md §6.4 row or the Alipay doc it follows>`
//   line 2   `// needs: a, b` (comma-separated snippet names) or `// needs:` when none
//   then     `_core.js`: only `function __mw...(...) {...}` declarations;
//            `<wxName>.js`: exactly one statement `api.<wxName> = ...;` plus, optionally,
//            `function __mw...` declarations.
'use strict';

const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const ts = require(path.join(__dirname, '..', 'node_modules', 'typescript'));
const lib = require('../lib/assemble-runtime');
// The Alipay API module as the compiler assembles it; the snippets are the adapters in
// targets/src/alipay/runtime/api/ and the shared `_core` (targets/src/common/runtime/api/).
const assemble = (names) => lib.assemble('alipay', 'api', names);
const readSnippet = (name) => lib.readSnippet('alipay', 'api', name);
const allNames = () => ['_core', ...lib.snippetNames('alipay', 'api')].sort();

const LISTS = path.resolve(__dirname, '../../../targets/src/api-lists');
const wechat = JSON.parse(fs.readFileSync(path.join(LISTS, 'wechat.json'), 'utf8'));
const alipay = JSON.parse(fs.readFileSync(path.join(LISTS, 'alipay.json'), 'utf8'));
const wxNames = new Set([...wechat.functions, ...wechat.properties]);
const myNames = new Set([...alipay.functions, ...alipay.properties]);
// my.* members the adapters feature-test although @mini-types/my does not declare them.
const MY_UNDECLARED = new Set(['nextTick']);
// Budget: a typical program's runtime (these sets of APIs) must assemble under 4 KB.
const BUDGET = 4096;
const TYPICAL = [
  ['request', 'showToast', 'showLoading', 'hideLoading', 'navigateTo'],
  ['request', 'showModal', 'showToast', 'setStorageSync', 'getStorageSync'],
  ['getSystemInfoSync', 'navigateTo', 'redirectTo', 'switchTab', 'navigateBack', 'showToast'],
];

// Syntax newer than ES5.
const NOT_ES5 = new Set([
  ts.SyntaxKind.ArrowFunction, ts.SyntaxKind.ClassDeclaration, ts.SyntaxKind.ClassExpression,
  ts.SyntaxKind.SpreadElement, ts.SyntaxKind.SpreadAssignment, ts.SyntaxKind.TemplateExpression,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral, ts.SyntaxKind.TaggedTemplateExpression,
  ts.SyntaxKind.ShorthandPropertyAssignment, ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.GetAccessor, ts.SyntaxKind.SetAccessor, ts.SyntaxKind.ComputedPropertyName,
  ts.SyntaxKind.ObjectBindingPattern, ts.SyntaxKind.ArrayBindingPattern, ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.AwaitExpression, ts.SyntaxKind.YieldExpression, ts.SyntaxKind.AsteriskAsteriskToken,
  ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.QuestionDotToken, ts.SyntaxKind.ImportDeclaration,
  ts.SyntaxKind.ExportDeclaration, ts.SyntaxKind.ExportAssignment, ts.SyntaxKind.MetaProperty,
]);

const failures = [];
let checks = 0;
function check(name, fn) {
  checks++;
  try {
    fn();
  } catch (e) {
    failures.push(name);
    console.error(`FAIL ${name}: ${e.message}`);
  }
}

const names = allNames();
const parsed = {};
for (const n of names) {
  const s = readSnippet(n);
  const sf = ts.createSourceFile(`${n}.js`, s.body, ts.ScriptTarget.ES5, true, ts.ScriptKind.JS);
  const defined = new Set();
  for (const st of sf.statements) if (ts.isFunctionDeclaration(st) && st.name) defined.add(st.name.text);
  parsed[n] = { s, sf, defined };
}

check('_core exists', () => assert.ok(parsed._core, '_core.js is missing'));

for (const n of names) {
  const { s, sf, defined } = parsed[n];
  check(`${n}: header`, () => {
    const lines = s.raw.split('\n');
    assert.match(lines[0], /^\/\/ \S.*$/, 'line 1 is a `// description` comment');
    assert.match(lines[1], /^\/\/ needs:( \w+(, \w+)*)?$/, 'line 2 is `// needs: a, b` or `// needs:`');
    assert.ok(!lines[2].startsWith('//'), 'exactly two header lines');
    assert.ok(/PLATFORMS\.md §|ALI |@mini-types|UNI |mini\/api\//.test(lines[0]), 'the description names its source');
    for (const d of s.needs) assert.ok(parsed[d], `needs unknown snippet ${d}`);
    assert.ok(!s.needs.includes(n), 'does not need itself');
  });
  check(`${n}: syntax is ES5`, () => {
    assert.deepEqual(sf.parseDiagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ')), [], 'parses');
    const bad = [];
    const visit = (node) => {
      if (NOT_ES5.has(node.kind)) bad.push(ts.SyntaxKind[node.kind]);
      if (ts.isVariableDeclarationList(node) && node.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) bad.push('let/const');
      if (ts.isParameter(node) && (node.initializer || node.dotDotDotToken)) bad.push('default/rest parameter');
      if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) && (node.asteriskToken || (node.modifiers || []).length)) bad.push('generator/async');
      if (ts.isFunctionDeclaration(node) && !ts.isSourceFile(node.parent) &&
        !(ts.isBlock(node.parent) && ts.isFunctionLike(node.parent.parent))) bad.push('function declaration in a block');
      if (ts.isRegularExpressionLiteral(node) && /\/[a-z]*[uys][a-z]*$/.test(node.text)) bad.push('regexp flag u/y/s');
      ts.forEachChild(node, visit);
    };
    visit(sf);
    assert.deepEqual(bad, []);
  });
  check(`${n}: top-level shape`, () => {
    for (const st of sf.statements) {
      if (ts.isFunctionDeclaration(st)) {
        assert.ok(st.name && st.name.text.startsWith('__mw'), `top-level function ${st.name && st.name.text} is prefixed __mw`);
        continue;
      }
      assert.notEqual(n, '_core', '_core has only function declarations');
      assert.ok(ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) &&
        st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isPropertyAccessExpression(st.expression.left) && st.expression.left.expression.getText() === 'api' &&
        st.expression.left.name.text === n, `the statement is \`api.${n} = ...;\`, got \`${st.getText().slice(0, 40)}\``);
    }
    if (n !== '_core') {
      assert.equal(sf.statements.filter((st) => !ts.isFunctionDeclaration(st)).length, 1, `exactly one api.${n} assignment`);
      assert.ok(wxNames.has(n), `wx.${n} exists in ${wechat.source}`);
    }
  });
  check(`${n}: needs are exact, Alipay names exist`, () => {
    const usedHelpers = new Set();
    const usedApi = new Set();
    const usedMy = new Set();
    const visit = (node) => {
      if (ts.isIdentifier(node) && node.text.startsWith('__mw')) usedHelpers.add(node.text);
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
        if (node.expression.text === 'api' && node.name.text !== n) usedApi.add(node.name.text);
        if (node.expression.text === 'my') usedMy.add(node.name.text);
      }
      if (ts.isCallExpression(node) && node.expression.getText() === '__mwSame') usedMy.add(node.arguments[0].text);
      if (ts.isCallExpression(node) && node.expression.getText() === 'my.canIUse' && ts.isStringLiteral(node.arguments[0])) usedMy.add(node.arguments[0].text);
      ts.forEachChild(node, visit);
    };
    visit(sf);
    const justified = new Set();
    for (const h of usedHelpers) {
      // The module header names the host API object (`__mwHost = my`), not a snippet.
      if (defined.has(h) || h === '__mwHost') continue;
      const from = s.needs.find((d) => parsed[d].defined.has(h));
      assert.ok(from, `${h} is defined in a needed snippet`);
      justified.add(from);
    }
    for (const a of usedApi) {
      assert.ok(s.needs.includes(a), `uses api.${a} so needs ${a}`);
      justified.add(a);
    }
    for (const d of s.needs) assert.ok(justified.has(d), `needs ${d} but does not use it`);
    for (const m of usedMy) assert.ok(myNames.has(m) || MY_UNDECLARED.has(m), `my.${m} exists in ${alipay.source}`);
  });
}

check('the `needs` graph has no cycles', () => {
  const state = {};
  const visit = (n, trail) => {
    assert.notEqual(state[n], 1, `cycle: ${[...trail, n].join(' -> ')}`);
    if (state[n] === 2) return;
    state[n] = 1;
    for (const d of parsed[n].s.needs) visit(d, [...trail, n]);
    state[n] = 2;
  };
  names.forEach((n) => visit(n, []));
});

let total = 0;
let bodies = 0;
for (const n of names) {
  total += Buffer.byteLength(parsed[n].s.raw);
  bodies += Buffer.byteLength(parsed[n].s.body);
}
const sizes = TYPICAL.map((set) => [set, Buffer.byteLength(assemble(set))]);
check(`typical programs assemble under ${BUDGET} bytes`, () => {
  for (const [set, size] of sizes) assert.ok(size < BUDGET, `${set.join(', ')}: ${size} bytes`);
});

console.log(`snippets: ${checks - failures.length}/${checks} checks passed; ${names.length} snippets, ${total} bytes as stored ` +
  `(${bodies} without headers); typical programs ${sizes.map(([, b]) => b).join('/')} bytes` + (failures.length ? '; FAILED' : ''));
process.exit(failures.length ? 1 : 0);
