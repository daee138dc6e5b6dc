#!/usr/bin/env node
'use strict';
// Lays out the npm packages from built binaries: the main package `miniweave` (launcher and
// Node API, from npm/miniweave) and one package per platform holding its binary, each with
// the workspace's version, README and license; with --pack, `npm pack`s them.
//
//   node scripts/npm-packages.js --version V --out DIR [--binary PACKAGE=PATH]... [--pack DEST]
//
// The main package's optionalDependencies name every platform package at exactly V, whether
// or not this run has its binary: npm picks the one that fits the machine at install time.

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const source = path.join(root, 'npm', 'miniweave');
const { packages } = require(path.join(source, 'lib', 'platforms.json'));

function parseArgs(argv) {
  const args = { binaries: {} };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--version': args.version = value; i++; break;
      case '--out': args.out = path.resolve(value); i++; break;
      case '--pack': args.pack = path.resolve(value); i++; break;
      case '--binary': {
        const [name, file] = value.split('=');
        if (!packages.some((p) => p.name === name)) throw new Error(`--binary: unknown package ${name}`);
        args.binaries[name] = path.resolve(file);
        i++;
        break;
      }
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  if (!args.version || !args.out) throw new Error('usage: npm-packages.js --version V --out DIR [--binary PACKAGE=PATH]... [--pack DEST]');
  return args;
}

function writeJson(file, value) {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

function stageMain(version, out) {
  const dir = path.join(out, 'miniweave');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(source, dir, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8'));
  manifest.version = version;
  manifest.optionalDependencies = Object.fromEntries(packages.map((p) => [p.name, version]));
  writeJson(path.join(dir, 'package.json'), manifest);
  fs.copyFileSync(path.join(root, 'LICENSE'), path.join(dir, 'LICENSE'));
  return dir;
}

function stagePlatform(pkg, binary, version, out) {
  const dir = path.join(out, pkg.name.replace('@miniweave/', ''));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'bin'), { recursive: true });
  const target = path.join(dir, 'bin', pkg.binary);
  fs.copyFileSync(binary, target);
  fs.chmodSync(target, 0o755);
  const manifest = {
    name: pkg.name,
    version,
    description: `The miniweave binary for ${pkg.os} ${pkg.cpu}${pkg.libc ? ` (${pkg.libc})` : ''}; installed by the miniweave package.`,
    license: 'MIT',
    os: [pkg.os],
    cpu: [pkg.cpu],
    ...(pkg.libc ? { libc: [pkg.libc] } : {}),
    files: ['bin', 'README.md'],
    // Yarn PnP runs binaries only from unplugged packages.
    preferUnplugged: true,
  };
  writeJson(path.join(dir, 'package.json'), manifest);
  fs.writeFileSync(
    path.join(dir, 'README.md'),
    `# ${pkg.name}\n\nThe \`miniweave\` binary for ${pkg.os} ${pkg.cpu}${pkg.libc ? ` (${pkg.libc})` : ''}. Install \`miniweave\` instead: npm picks this package for machines it fits.\n`
  );
  fs.copyFileSync(path.join(root, 'LICENSE'), path.join(dir, 'LICENSE'));
  return dir;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  fs.mkdirSync(args.out, { recursive: true });
  const dirs = [stageMain(args.version, args.out)];
  for (const pkg of packages) {
    const binary = args.binaries[pkg.name];
    if (binary) dirs.push(stagePlatform(pkg, binary, args.version, args.out));
  }
  if (args.pack) {
    fs.mkdirSync(args.pack, { recursive: true });
    for (const dir of dirs) {
      const file = execFileSync('npm', ['pack', '--silent', '--pack-destination', args.pack], { cwd: dir, encoding: 'utf8' }).trim();
      console.log(path.join(args.pack, file));
    }
  } else {
    for (const dir of dirs) console.log(dir);
  }
}

try {
  main();
} catch (e) {
  console.error(`error: ${e.message}`);
  process.exit(1);
}
