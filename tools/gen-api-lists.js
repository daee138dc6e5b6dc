#!/usr/bin/env node
// gen-api-lists.js — regenerate the platform API allow-lists used by the compiler.
//
// Reads the installed platform typings with the TypeScript compiler API and
// writes the names of every member of each platform's global API object:
//   targets/src/api-lists/wechat.json  members of `wx` (miniprogram-api-typings,
//                                      `declare let wx: WechatMiniprogram.Wx`)
//   targets/src/api-lists/alipay.json  members of `my` (@mini-types/alipay, which
//                                      pulls in @mini-types/my: `declare namespace my`)
// Each file is { "source": "<package>@<version>", "functions": [...], "properties": [...] },
// both lists sorted. A member is a function when its type has call signatures
// (e.g. wx.showToast, my.canIUse); anything else is a property (wx.env, my.SDKVersion,
// wx.cloud, my.ap).
//
// Run from the repository root, after installing the validator packages:
//   (cd tests/validators && npm ci) && node tools/gen-api-lists.js
// Needs only Node >= 20 and `typescript` from tests/validators/node_modules.
'use strict';

const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const modules = path.join(root, 'tests', 'validators', 'node_modules');
const ts = require(path.join(modules, 'typescript'));
const outDir = path.join(root, 'targets', 'src', 'api-lists');

const platforms = [
  { out: 'wechat.json', pkg: 'miniprogram-api-typings', global: 'wx' },
  { out: 'alipay.json', pkg: '@mini-types/alipay', global: 'my' },
];

function packageInfo(pkg) {
  const dir = path.join(modules, pkg);
  const json = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const entry = path.join(dir, json.types || json.typings || 'index.d.ts');
  return { version: json.version, entry };
}

function listGlobal(platform) {
  const { version, entry } = packageInfo(platform.pkg);
  const options = {
    noEmit: true,
    skipLibCheck: true,
    types: [],
    lib: ['lib.es2017.d.ts'],
    typeRoots: [modules],
    moduleResolution: ts.ModuleResolutionKind.Node10,
  };
  const program = ts.createProgram([entry], options);
  const checker = program.getTypeChecker();
  const entryFile = program.getSourceFile(entry);
  if (!entryFile) throw new Error(`cannot load ${entry}`);

  // Globals are in scope of any file; @mini-types/alipay's index.d.ts is a module, so
  // look the name up from every source file until a value symbol is found.
  let symbol;
  for (const file of program.getSourceFiles()) {
    symbol = checker
      .getSymbolsInScope(file, ts.SymbolFlags.Value)
      .find((s) => s.name === platform.global);
    if (symbol) break;
  }
  if (!symbol) throw new Error(`no global \`${platform.global}\` in ${platform.pkg}`);

  const type = checker.getTypeOfSymbol(symbol);
  const functions = [];
  const properties = [];
  for (const prop of checker.getPropertiesOfType(type)) {
    const name = prop.getName();
    const declaration = prop.valueDeclaration || (prop.declarations || [])[0];
    const propType = declaration
      ? checker.getTypeOfSymbolAtLocation(prop, declaration)
      : checker.getTypeOfSymbol(prop);
    const callable = checker.getNonNullableType(propType).getCallSignatures().length > 0;
    (callable ? functions : properties).push(name);
  }
  const sort = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    source: `${platform.pkg}@${version}`,
    functions: [...new Set(functions)].sort(sort),
    properties: [...new Set(properties)].sort(sort),
  };
}

function main() {
  fs.mkdirSync(outDir, { recursive: true });
  for (const platform of platforms) {
    const list = listGlobal(platform);
    if (list.functions.length < 100) {
      throw new Error(`${platform.pkg}: only ${list.functions.length} functions found`);
    }
    const file = path.join(outDir, platform.out);
    fs.writeFileSync(file, JSON.stringify(list, null, 2) + '\n');
    console.log(
      `${path.relative(root, file)}: ${list.source}, ` +
        `${list.functions.length} functions, ${list.properties.length} properties`,
    );
  }
}

main();
