'use strict';
// miniweave installed the way front-end teams install it: `npm install -D miniweave` into a
// fresh folder, from the tarballs `scripts/release.sh --local` packs (served by a registry on
// 127.0.0.1), then run with `npx` and required from Node. MINIWEAVE_NPM_DIR names the folder
// holding the tarballs; scripts/test.sh makes it.

const assert = require('node:assert/strict');
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { after, before, describe, test } = require('node:test');

const { startRegistry, manifestOf } = require('./registry.js');

const repo = path.resolve(__dirname, '../..');
const showcase = path.join(repo, 'fixtures/showcase');
const tarballDir = process.env.MINIWEAVE_NPM_DIR;
const { packages } = require(path.join(repo, 'npm/miniweave/lib/platforms.json'));

/** Runs a command without blocking (the registry answers from this process). */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    execFile(command, args, { maxBuffer: 64 << 20, ...options }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A PATH with node and the system's tools but no Rust toolchain. */
function pathWithoutRust() {
  const dirs = [path.dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'];
  for (const dir of dirs) assert.ok(!fs.existsSync(path.join(dir, 'cargo')), `${dir} holds cargo`);
  return dirs.join(path.delimiter);
}

let registry;
let version;
let scratch;

/** A fresh project folder with miniweave installed from the registry; `flags` are npm's. */
async function install(name, flags = []) {
  const dir = path.join(scratch, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, private: true }));
  const env = {
    ...process.env,
    npm_config_registry: registry.url,
    npm_config_cache: path.join(scratch, 'npm-cache'),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const result = await run('npm', ['install', '--save-dev', `miniweave@${version}`, ...flags], { cwd: dir, env });
  assert.equal(result.code, 0, `npm install failed:\n${result.stderr}`);
  return dir;
}

/** Runs a Node script inside an installed project (so `require('miniweave')` is the package). */
function node(dir, script) {
  return run(process.execPath, ['-e', script], { cwd: dir, env: { ...process.env, PATH: pathWithoutRust() } });
}

before(async () => {
  assert.ok(tarballDir, 'MINIWEAVE_NPM_DIR is not set: run `scripts/release.sh --local DIR` and point it at DIR');
  const tarballs = fs.readdirSync(tarballDir).filter((f) => f.endsWith('.tgz')).map((f) => path.join(tarballDir, f));
  const main = tarballs.find((t) => manifestOf(t).name === 'miniweave');
  assert.ok(main, `no miniweave tarball in ${tarballDir}`);
  version = manifestOf(main).version;
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'miniweave-npm-'));
  // The other platforms' packages, with a stand-in binary: enough for npm to choose among.
  const real = new Set(tarballs.map((t) => manifestOf(t).name));
  const stub = path.join(scratch, 'stub-binary');
  fs.writeFileSync(stub, '#!/bin/sh\necho stand-in\n');
  const stubs = packages.filter((p) => !real.has(p.name)).flatMap((p) => ['--binary', `${p.name}=${stub}`]);
  const stubDir = path.join(scratch, 'stubs');
  const packed = await run(process.execPath, [
    path.join(repo, 'scripts/npm-packages.js'), '--version', version, '--out', path.join(scratch, 'stage'), ...stubs, '--pack', stubDir,
  ]);
  assert.equal(packed.code, 0, packed.stderr);
  const stubTarballs = fs.readdirSync(stubDir).map((f) => path.join(stubDir, f)).filter((t) => manifestOf(t).name !== 'miniweave');
  registry = await startRegistry([...stubTarballs, ...tarballs]);
});

after(async () => {
  await registry?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe('installed from npm', () => {
  let project;
  before(async () => {
    project = await install('app');
  });

  test('npx miniweave build builds the showcase for every target with no Rust toolchain', async () => {
    const out = path.join(project, 'dist');
    const result = await run('npx', ['--no-install', 'miniweave', 'build', showcase, '--out', out], {
      cwd: project,
      env: { ...process.env, PATH: pathWithoutRust() },
    });
    assert.equal(result.code, 0, result.stderr);
    // Each target's IDE project file: the folder opens in that platform's IDE.
    for (const file of ['wechat/project.config.json', 'alipay/mini.project.json', 'weibo/wbox.config.json']) {
      assert.ok(fs.existsSync(path.join(out, file)), `${file} written`);
    }
    assert.match(result.stderr + result.stdout, /wechat/);
    const printed = await run('npx', ['--no-install', 'miniweave', '--version'], { cwd: project, env: { ...process.env, PATH: pathWithoutRust() } });
    assert.equal(printed.stdout.trim(), `miniweave ${version}`);
  });

  test("require('miniweave').build() resolves with the report the files on disk match, check() writes nothing", async () => {
    const out = path.join(project, 'api-dist');
    const result = await node(
      project,
      `const { build, check } = require('miniweave');
      build({ project: ${JSON.stringify(showcase)}, outDir: 'api-dist' })
        .then(async (r) => {
          const checked = await check({ project: ${JSON.stringify(showcase)}, targets: ['alipay'] });
          console.log(JSON.stringify({ ...r, checked }));
        })
        .catch((e) => { console.error(e); process.exit(1); })`
    );
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(report.targets.map((t) => t.target), ['wechat', 'alipay', 'weibo']);
    // check() compiles and writes nothing.
    assert.deepEqual(report.checked.targets.map((t) => [t.target, t.written]), [['alipay', null]]);
    for (const t of report.targets) {
      assert.equal(t.outDir, path.join(out, t.target));
      const onDisk = fs.readdirSync(t.outDir, { recursive: true }).filter((f) => fs.statSync(path.join(t.outDir, f)).isFile() && !f.startsWith('.miniweave'));
      assert.equal(t.files, onDisk.length, `${t.target}: the report counts the files written`);
      assert.ok(t.size.packages[0].bytes > 0);
    }
  });

  test('a build with errors rejects with the diagnostics as data', async () => {
    const app = path.join(project, 'broken');
    assert.equal((await run('npx', ['--no-install', 'miniweave', 'new', app], { cwd: project })).code, 0);
    const file = path.join(app, 'src/pages/index/index.mini');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('<view', '<view>\n  <text>unclosed\n</view><view'));
    const result = await node(
      project,
      `require('miniweave').build({ project: 'broken', outDir: 'broken-dist' }).then(
        () => process.exit(3),
        (e) => console.log(JSON.stringify({ name: e.name, kind: e.kind, message: e.message, diagnostics: e.diagnostics })))`
    );
    assert.equal(result.code, 0, result.stderr);
    const error = JSON.parse(result.stdout);
    assert.equal(error.name, 'MiniweaveError');
    assert.equal(error.kind, 'project');
    const [first] = error.diagnostics;
    assert.equal(first.severity, 'error');
    assert.equal(first.file, 'src/pages/index/index.mini');
    assert.ok(first.line > 1 && first.column >= 1, JSON.stringify(first));
    assert.match(first.code, /^template::/);
    assert.ok(error.message.includes(`${first.file}:${first.line}:${first.column}`), error.message);
    assert.ok(!fs.existsSync(path.join(project, 'broken-dist')), 'nothing written');
  });

  test('watch() reports an edit to onUpdate, and close() ends it and lets Node exit', async () => {
    const app = path.join(project, 'watched');
    assert.equal((await run('npx', ['--no-install', 'miniweave', 'new', app], { cwd: project })).code, 0);
    const result = await node(
      project,
      `const fs = require('fs');
       const { watch } = require('miniweave');
       const file = 'watched/src/app.mini';
       (async () => {
         let seen;
         const updated = new Promise((resolve) => { seen = resolve; });
         const handle = await watch({ project: 'watched', outDir: 'watched-dist', targets: ['wechat'] }, (u) => seen(u));
         if (handle.error) throw handle.error;
         fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('</script>', 'console.log("edited-in-watch");\\n</script>'));
         const update = await updated;
         const appJs = fs.readFileSync('watched-dist/wechat/app.js', 'utf8');
         await handle.close();
         console.log(JSON.stringify({ changed: update.changed, ok: !update.error, written: update.report.targets[0].written, edited: appJs.includes('edited-in-watch') }));
       })().catch((e) => { console.error(e); process.exit(1); });`
    );
    assert.equal(result.code, 0, result.stderr);
    const seen = JSON.parse(result.stdout);
    assert.deepEqual(seen.changed, ['src/app.mini']);
    assert.ok(seen.ok && seen.written >= 1 && seen.edited, result.stdout);
  });
});

describe('TypeScript types', () => {
  test('the README example type-checks and a misspelt option does not', async () => {
    const project = await install('typed');
    const tsc = path.join(repo, 'tests/validators/node_modules/typescript/bin/tsc');
    const example = `import { build, watch, MiniweaveError, type BuildReport } from 'miniweave';
async function main(): Promise<void> {
  try {
    const report: BuildReport = await build({ project: '.', targets: ['wechat', 'alipay'], outDir: 'dist', release: true, define: { API: 'https://x' } });
    for (const t of report.targets) console.log(t.target, t.files, t.size.packages[0].bytes);
  } catch (e) {
    if (e instanceof MiniweaveError) for (const d of e.diagnostics) console.log(d.file, d.line, d.column, d.message);
  }
  const handle = await watch({ project: '.' }, (u) => console.log(u.changed, u.millis, u.error?.diagnostics.length));
  await handle.close();
}
main();
`;
    fs.writeFileSync(path.join(project, 'good.ts'), example);
    fs.writeFileSync(path.join(project, 'bad.ts'), "import { build } from 'miniweave';\nbuild({ outdir: 'dist' });\nbuild({ targets: ['baidu'] });\n");
    const flags = ['--noEmit', '--strict', '--module', 'commonjs', '--moduleResolution', 'node', '--target', 'es2020', '--lib', 'es2020,dom'];
    const good = await run(process.execPath, [tsc, ...flags, 'good.ts'], { cwd: project });
    assert.equal(good.code, 0, good.stdout);
    const bad = await run(process.execPath, [tsc, ...flags, 'bad.ts'], { cwd: project });
    assert.notEqual(bad.code, 0);
    assert.match(bad.stdout, /bad\.ts\(2,.*'outdir' does not exist/);
    assert.match(bad.stdout, /bad\.ts\(3,.*"baidu"/);
  });
});

describe('the platform package', () => {
  test('without optional dependencies the launcher names the missing package and the fix', async () => {
    const project = await install('no-optional', ['--omit=optional']);
    const result = await run('npx', ['--no-install', 'miniweave', 'build'], { cwd: project });
    assert.equal(result.code, 2);
    const expected = require(path.join(repo, 'npm/miniweave/lib/binary.js')).candidates()[0].name;
    assert.ok(result.stderr.includes(`the package ${expected} is not installed`), result.stderr);
    assert.match(result.stderr, /--omit=optional/);
    assert.match(result.stderr, /another platform/);
    assert.match(result.stderr, /MINIWEAVE_BINARY/);
  });

  for (const [os, cpu, libc, expected] of [
    ['darwin', 'arm64', undefined, '@miniweave/cli-darwin-arm64'],
    ['darwin', 'x64', undefined, '@miniweave/cli-darwin-x64'],
    ['win32', 'x64', undefined, '@miniweave/cli-win32-x64'],
    ['linux', 'arm64', 'musl', '@miniweave/cli-linux-arm64-musl'],
    ['linux', 'x64', 'glibc', '@miniweave/cli-linux-x64-gnu'],
  ]) {
    test(`npm install --os=${os} --cpu=${cpu}${libc ? ` --libc=${libc}` : ''} installs ${expected} alone`, async () => {
      const flags = [`--os=${os}`, `--cpu=${cpu}`, ...(libc ? [`--libc=${libc}`] : [])];
      const project = await install(`as-${os}-${cpu}-${libc ?? 'any'}`, flags);
      const installed = fs.readdirSync(path.join(project, 'node_modules/@miniweave')).map((n) => `@miniweave/${n}`);
      assert.deepEqual(installed, [expected]);
      // The lockfile records every platform's package, so it installs anywhere.
      const lock = JSON.parse(fs.readFileSync(path.join(project, 'package-lock.json'), 'utf8'));
      for (const p of packages) assert.ok(lock.packages[`node_modules/${p.name}`], `${p.name} in the lockfile`);
    });
  }

  test("the launcher's choice follows the machine's libc", () => {
    const { candidates } = require(path.join(repo, 'npm/miniweave/lib/binary.js'));
    assert.deepEqual(candidates('linux', 'x64', 'musl').map((p) => p.name), ['@miniweave/cli-linux-x64-musl', '@miniweave/cli-linux-x64-gnu']);
    assert.deepEqual(candidates('linux', 'arm64', 'glibc').map((p) => p.name), ['@miniweave/cli-linux-arm64-gnu', '@miniweave/cli-linux-arm64-musl']);
    assert.deepEqual(candidates('win32', 'x64').map((p) => p.name), ['@miniweave/cli-win32-x64']);
    assert.deepEqual(candidates('freebsd', 'x64'), []);
  });
});
