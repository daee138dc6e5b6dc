'use strict';
// Finds the miniweave binary for this machine: the platform package npm installed beside
// this one (an optional dependency selected by its `os`, `cpu` and `libc` fields), or the
// binary MINIWEAVE_BINARY names. No install script: npm 11 and pnpm 10 block them.

const fs = require('fs');
const path = require('path');
const { packages } = require('./platforms.json');
const { version } = require('../package.json');

/** 'glibc' or 'musl' on Linux. `ldd` names its C library (fast); otherwise Node's own report
 * says which glibc it runs on, and musl builds of Node report none (slower: it gathers a
 * whole diagnostic report). */
function linuxLibc() {
  try {
    const ldd = fs.readFileSync('/usr/bin/ldd', 'latin1');
    if (ldd.includes('musl')) return 'musl';
    if (ldd.includes('GNU C Library') || ldd.includes('GLIBC')) return 'glibc';
  } catch {
    // No ldd (a minimal container): ask Node.
  }
  const report = typeof process.report?.getReport === 'function' ? process.report.getReport() : null;
  const header = report && (typeof report === 'string' ? JSON.parse(report).header : report.header);
  return header && header.glibcVersionRuntime ? 'glibc' : 'musl';
}

/** The platform packages that can run here, best first (on Linux the other libc's static
 * musl build still runs on glibc, so it is the second choice there). */
function candidates(platform = process.platform, arch = process.arch, libc = platform === 'linux' ? linuxLibc() : undefined) {
  const fits = packages.filter((p) => p.os === platform && p.cpu === arch);
  return [...fits.filter((p) => p.libc === libc), ...fits.filter((p) => p.libc !== libc)];
}

function describe(platform, arch, libc) {
  return `${platform}-${arch}${libc ? ` (${libc})` : ''}`;
}

/** The binary's absolute path; throws an Error whose message says what to do. */
function binaryPath() {
  const override = process.env.MINIWEAVE_BINARY;
  if (override) {
    if (!fs.existsSync(override)) {
      throw new Error(`MINIWEAVE_BINARY is set to ${override}, which does not exist. Unset it to use the binary npm installed, or point it at a miniweave binary.`);
    }
    return override;
  }
  const platform = process.platform;
  const arch = process.arch;
  const libc = platform === 'linux' ? linuxLibc() : undefined;
  const fits = candidates(platform, arch, libc);
  if (fits.length === 0) {
    throw new Error(
      `miniweave has no prebuilt binary for ${describe(platform, arch, libc)}.\n` +
        'Build one with Rust (`cargo install --locked miniweave-cli`, from the repository) and set ' +
        'MINIWEAVE_BINARY to its path.'
    );
  }
  for (const pkg of fits) {
    let manifest;
    try {
      manifest = require.resolve(`${pkg.name}/package.json`);
    } catch {
      continue;
    }
    const installed = JSON.parse(fs.readFileSync(manifest, 'utf8')).version;
    if (installed !== version) {
      process.emitWarning(`${pkg.name} is ${installed} but miniweave is ${version}: reinstall so the two match.`);
    }
    const binary = path.join(path.dirname(manifest), 'bin', pkg.binary);
    if (fs.existsSync(binary)) return binary;
  }
  const wanted = fits[0].name;
  throw new Error(
    `miniweave cannot find its binary for ${describe(platform, arch, libc)}: the package ${wanted} is not installed.\n` +
      'npm installs it as an optional dependency of miniweave, so it is usually missing because:\n' +
      '  - optional dependencies were left out (npm install --omit=optional or --no-optional, yarn --ignore-optional);\n' +
      '  - node_modules or the lockfile came from another platform (copied into a Docker image, made on macOS, or run under Rosetta).\n' +
      `Fix: reinstall here with optional dependencies (\`rm -rf node_modules && npm install\`; with a lockfile from another platform, \`npm install ${wanted}@${version}\`),\n` +
      'or set MINIWEAVE_BINARY to the path of a miniweave binary.'
  );
}

module.exports = { binaryPath, candidates, linuxLibc };
