#!/usr/bin/env node
'use strict';
// `npx miniweave …`: runs the native binary with the same arguments, passes Ctrl-C and
// termination on to it (watch finishes the update being written) and exits with its code.

const { spawn } = require('child_process');
const { binaryPath } = require('../lib/binary.js');

let binary;
try {
  binary = binaryPath();
} catch (e) {
  console.error(`error: ${e.message}`);
  process.exit(2);
}
const child = spawn(binary, process.argv.slice(2), { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  // The terminal sends Ctrl-C to the whole process group; only forward what it did not.
  process.on(signal, () => {
    if (signal !== 'SIGINT') child.kill(signal);
  });
}
child.on('error', (e) => {
  console.error(`error: cannot run ${binary}: ${e.message}`);
  process.exit(2);
});
child.on('exit', (code, signal) => {
  if (signal) {
    // Die of the same signal, as a shell expects (exit status 128 + n).
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else {
    process.exit(code ?? 1);
  }
});
