#!/usr/bin/env node
'use strict';
// The Node API against the command, on the showcase (README "Numbers", Node API):
//   1. cold build: `miniweave build` as a process (spawn to exit) against `build()` from a
//      fresh API (the call to the settled promise, which includes starting the engine);
//   2. watch: how long an update takes to reach `onUpdate` after the engine finished it.
//
//   cargo build --release -p miniweave-cli && node benches/node_api.js [RUNS]
//
// MINIWEAVE_BINARY picks the binary (default: target/release/miniweave).

const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const repo = path.resolve(__dirname, '..');
process.env.MINIWEAVE_BINARY ||= path.join(repo, 'target/release/miniweave');
const runs = Number(process.argv[2] || 15);
const showcase = path.join(repo, 'fixtures/showcase');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'miniweave-bench-'));
const now = () => performance.timeOrigin + performance.now();

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function cliBuild(out) {
  const t = now();
  execFileSync(process.env.MINIWEAVE_BINARY, ['build', showcase, '--out', out, '--quiet']);
  return now() - t;
}

/** A fresh API each run, timed from the call (after `require`): its engine process starts
 * inside the timed call, as a script's first build does. */
function apiBuild(out) {
  const script = `const api = require(${JSON.stringify(path.join(repo, 'npm/miniweave/lib/main.js'))});
    const t = performance.timeOrigin + performance.now();
    api.build({ project: ${JSON.stringify(showcase)}, outDir: ${JSON.stringify(out)} })
      .then(() => console.log(performance.timeOrigin + performance.now() - t));`;
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

async function watchLatency() {
  const { watch } = require(path.join(repo, 'npm/miniweave/lib/main.js'));
  const project = path.join(scratch, 'app');
  execFileSync(process.env.MINIWEAVE_BINARY, ['new', project]);
  const file = path.join(project, 'src/pages/index/index.mini');
  const original = fs.readFileSync(file, 'utf8');
  let next;
  const handle = await watch({ project, outDir: path.join(scratch, 'watch-out') }, (u) => next(u));
  const delays = [];
  const engine = [];
  for (let i = 0; i < runs; i++) {
    const update = new Promise((resolve) => {
      next = (u) => resolve({ u, arrived: now() });
    });
    fs.writeFileSync(file, original.replace('</template>', `<text>${i}</text>\n</template>`));
    const { u, arrived } = await update;
    delays.push(arrived - u.finishedAt);
    engine.push(u.millis);
  }
  await handle.close();
  return { delay: median(delays), engine: median(engine) };
}

async function main() {
  const cli = [];
  const api = [];
  for (let i = 0; i < runs; i++) {
    // Alternate, into fresh folders: both write every file each time.
    cli.push(cliBuild(path.join(scratch, `cli-${i}`)));
    api.push(apiBuild(path.join(scratch, `api-${i}`)));
  }
  const c = median(cli);
  const a = median(api);
  console.log(`cold build of the showcase (3 targets, median of ${runs}): command ${c.toFixed(1)} ms, Node API build() ${a.toFixed(1)} ms (${(((a - c) / c) * 100).toFixed(1)}%)`);
  const w = await watchLatency();
  console.log(`watch (median of ${runs} edits): engine update ${w.engine.toFixed(1)} ms, then ${w.delay.toFixed(2)} ms until onUpdate`);
  fs.rmSync(scratch, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
