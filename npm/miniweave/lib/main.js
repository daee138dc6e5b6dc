'use strict';
// The Node API: build, check and watch through one long-lived `miniweave serve` process per
// Node process, which speaks a versioned JSON protocol on stdin/stdout (docs/node-api.md).
// The command line and this API run the same engine; reports and errors arrive as data.

const { spawn } = require('child_process');
const path = require('path');
const readline = require('readline');
const { binaryPath } = require('./binary.js');

/** The protocol this package speaks; `miniweave serve` says which it speaks first. */
const PROTOCOL = 1;

const OPTION_NAMES = ['project', 'targets', 'outDir', 'release', 'define', 'gaps', 'maxDiagnostics'];

/** A failed build, check or watch. `kind` is `project` (errors in every target, nothing
 * written), `partial` (`failed` targets kept their last output, `report` is what the others
 * wrote), `usage` or `io`; `diagnostics` holds each problem with file, line and column. */
class MiniweaveError extends Error {
  constructor(error) {
    const shown = (error.diagnostics || []).filter((d) => d.severity === 'error').slice(0, 5).map(formatDiagnostic);
    super([error.message, ...shown].join('\n'));
    this.name = 'MiniweaveError';
    this.kind = error.kind;
    this.exitCode = error.exitCode;
    this.diagnostics = error.diagnostics || [];
    this.omittedDiagnostics = error.omittedDiagnostics || 0;
    this.failed = error.failed || [];
    this.report = error.report;
  }
}

/** `pages/index.mini:3:7: error[template::unclosed-tag]: …`, as the command prints it. */
function formatDiagnostic(d) {
  const where = d.file ? `${d.file}:${d.line}:${d.column}: ` : '';
  return `${where}${d.severity}[${d.code}]: ${d.message}`;
}

/** Options as the engine takes them: checked, paths absolute (relative to the working
 * directory, as on the command line). */
function params(options = {}) {
  if (options === null || typeof options !== 'object') throw new TypeError('miniweave: options must be an object');
  const unknown = Object.keys(options).filter((k) => !OPTION_NAMES.includes(k));
  if (unknown.length) {
    throw new TypeError(`miniweave: unknown option ${unknown.map((k) => `\`${k}\``).join(', ')}; the options are ${OPTION_NAMES.join(', ')}`);
  }
  const out = { project: path.resolve(options.project ?? '.') };
  if (options.targets !== undefined) out.targets = typeof options.targets === 'string' ? options.targets.split(',') : options.targets;
  if (options.outDir !== undefined) out.outDir = path.resolve(options.outDir);
  if (options.release !== undefined) out.release = Boolean(options.release);
  if (options.define !== undefined) out.define = options.define;
  if (options.gaps !== undefined) out.gaps = options.gaps;
  if (options.maxDiagnostics !== undefined) out.maxDiagnostics = options.maxDiagnostics;
  return out;
}

/** The `miniweave serve` process, started on first use. It does not keep Node alive while
 * nothing is pending, and ends when this process does (its stdin closes). */
class Service {
  constructor() {
    this.nextId = 1;
    this.pending = new Map();
    this.watches = new Map();
    this.child = spawn(binaryPath(), ['serve'], { stdio: ['pipe', 'pipe', 'inherit'], windowsHide: true });

    this.child.on('error', (e) => this.fail(new Error(`miniweave: cannot run the engine: ${e.message}`)));
    this.child.on('exit', (code, signal) => {
      this.fail(new Error(`miniweave: the engine stopped (${signal || `exit code ${code}`})`));
    });
    readline.createInterface({ input: this.child.stdout }).on('line', (line) => this.receive(line));
    this.idle();
  }

  receive(line) {
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      return;
    }
    if (message.protocol !== undefined) {
      if (message.protocol !== PROTOCOL) {
        this.fail(new Error(`miniweave: the binary (${message.version}) speaks protocol ${message.protocol}, this package ${PROTOCOL}: reinstall miniweave so both come from one version`));
        this.child.kill();
      }
      return;
    }
    if (message.event !== undefined) {
      const watch = this.watches.get(message.watch);
      if (watch) watch.event(message);
      return;
    }
    const request = this.pending.get(message.id);
    if (!request) return;
    this.pending.delete(message.id);
    this.idle();
    request(message);
  }

  /** Sends a request: its id at once, and a promise of the response message. */
  request(method, params) {
    const id = this.nextId++;
    const response = new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.busy();
    });
    // Sent at once, not after the engine's first line: a mismatched protocol fails every
    // pending request when that line arrives.
    this.child.stdin.write(`${JSON.stringify({ id, method, params })}\n`);
    return { id, response };
  }

  fail(error) {
    for (const request of this.pending.values()) request({ ok: false, error: { kind: 'io', message: error.message, exitCode: 2 } });
    this.pending.clear();
    for (const watch of this.watches.values()) watch.event({ event: 'stopped' });
    this.watches.clear();
    if (service === this) service = null;
  }

  // While requests or watches are pending the engine keeps Node alive; otherwise not.
  busy() {
    this.child.ref();
    this.child.stdout.ref?.();
    this.child.stdin.ref?.();
  }

  idle() {
    if (this.pending.size > 0 || this.watches.size > 0) return;
    this.child.unref();
    this.child.stdout.unref?.();
    this.child.stdin.unref?.();
  }
}

let service = null;

function engine() {
  if (!service) service = new Service();
  return service;
}

function settle(response) {
  if (response.ok) return response.report;
  throw new MiniweaveError(response.error);
}

/** Builds the project; resolves with the report, rejects with a MiniweaveError. */
async function build(options) {
  return settle(await engine().request('build', params(options)).response);
}

/** Checks the project without writing; resolves with the report. */
async function check(options) {
  return settle(await engine().request('check', params(options)).response);
}

/** Builds, then rebuilds on every change until `close()`. Resolves once the first build is
 * done, with `{ report, error, close }` (`error` a MiniweaveError when the first build had
 * errors; the watch goes on). `onUpdate({ changed, millis, report, error })` is called
 * after each update. */
async function watch(options, onUpdate = () => {}) {
  const service = engine();
  const checked = params(options);
  let stopped;
  const done = new Promise((resolve) => {
    stopped = resolve;
  });
  const entry = {
    event(message) {
      if (message.event === 'stopped') {
        service.watches.delete(id);
        service.idle();
        stopped();
        return;
      }
      const update = { changed: message.changed, millis: message.millis, finishedAt: message.finishedAt, report: message.report };
      if (!message.ok) update.error = new MiniweaveError(message.error);
      onUpdate(update);
    },
  };
  const { id, response: pending } = service.request('watch', checked);
  service.watches.set(id, entry);
  const response = await pending;
  if (!response.ok && response.error.kind !== 'project' && response.error.kind !== 'partial') {
    service.watches.delete(id);
    service.idle();
    throw new MiniweaveError(response.error);
  }
  return {
    report: response.ok ? response.report : response.error.report,
    error: response.ok ? undefined : new MiniweaveError(response.error),
    /** Stops watching; resolves when the engine has stopped this watch. */
    async close() {
      if (!service.watches.has(id)) return;
      await service.request('stop', { watch: id }).response;
      await done;
    },
  };
}

module.exports = { build, check, watch, MiniweaveError, formatDiagnostic, PROTOCOL };
