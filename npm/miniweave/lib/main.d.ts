// Types of miniweave's Node API (lib/main.js). The shapes are the JSON of the Rust crate's
// `BuildReport`, `TargetReport`, `SizeReport` and `DiagnosticRecord` (src/report_json.rs).

export type Target = 'wechat' | 'alipay' | 'weibo';

/** The Rust `BuildOptions`, in camelCase. Relative paths are taken from `process.cwd()`. */
export interface BuildOptions {
  /** The project folder (holding miniweave.json, or a WeChat project). Default: `.`. */
  project?: string;
  /** Targets to build; default: `targets` in miniweave.json, else all three. */
  targets?: Target[] | string;
  /** Overrides `outDir`; each target goes to `<outDir>/<target>/`. */
  outDir?: string;
  /** A production build: minified, no source maps, size limits enforced. */
  release?: boolean;
  /** Compile-time constants for `#if` and `process.env.KEY`; override miniweave.json's. */
  define?: Record<string, unknown>;
  /** What a platform gap is: an error (default) or a warning with a run-time stub. */
  gaps?: 'error' | 'warn';
  /** The most diagnostics to report (at most 50 of one file); 0 reports all. Default: 200. */
  maxDiagnostics?: number;
}

/** One problem, located. Lines and columns are 1-based; columns count characters. */
export interface Diagnostic {
  /** `template::unclosed-tag`: what `warnings.ignore` in miniweave.json matches. */
  code: string;
  severity: 'error' | 'warning';
  message: string;
  /** The file, relative to the project, as the command prints it. */
  file: string | null;
  /** The same file's absolute path. */
  path: string | null;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  /** The note under the span. */
  label: string | null;
  /** What to write instead. */
  help: string | null;
}

export interface FileSize {
  path: string;
  bytes: number;
}

export interface PackageSize {
  /** `main`, or the subpackage's root. */
  name: string;
  independent: boolean;
  bytes: number;
  /** The limit it is checked against (a budget, else the platform's). */
  limit: number;
  files: FileSize[];
  npm: { name: string; bytes: number }[];
  fromMain: FileSize[];
}

export interface SizeReport {
  release: boolean;
  packages: PackageSize[];
  total: number;
  totalLimit: number;
  /** Whether the limits are enforced (Weibo's are for reference unless a budget sets them). */
  enforced: boolean;
}

export interface TargetReport {
  target: Target;
  outDir: string;
  files: number;
  bytes: number;
  /** Bytes of the runtime miniweave adds (0 on WeChat). */
  runtimeBytes: number;
  /** Files written, unchanged and removed; null for `check`. */
  written: number | null;
  unchanged: number | null;
  removed: number | null;
  /** Output files edited by hand since the last build, put back. */
  restored: string[];
  writtenFiles: string[];
  removedFiles: string[];
  size: SizeReport;
  millis: number;
}

export interface BuildReport {
  targets: TargetReport[];
  warnings: Diagnostic[];
  /** Warnings left out by the `maxDiagnostics` cap. */
  omittedDiagnostics: number;
  /** Things to know that are not problems (a placeholder app id). */
  notices: string[];
  millis: number;
}

/** How a build failed: `project` (errors in every target; nothing written), `partial` (the
 * `failed` targets kept their last output; `report` is what the others wrote), `usage` or
 * `io`. The message names the first errors as `file:line:column: error[code]: message`. */
export class MiniweaveError extends Error {
  name: 'MiniweaveError';
  kind: 'project' | 'partial' | 'usage' | 'io';
  exitCode: number;
  diagnostics: Diagnostic[];
  /** Diagnostics left out by the `maxDiagnostics` cap. */
  omittedDiagnostics: number;
  failed: Target[];
  report?: BuildReport;
}

/** Builds and writes the project; rejects with a MiniweaveError. */
export function build(options?: BuildOptions): Promise<BuildReport>;

/** Compiles everything and reports problems, writing nothing. */
export function check(options?: BuildOptions): Promise<BuildReport>;

export interface WatchUpdate {
  /** The changed paths, relative to the project. */
  changed: string[];
  /** The engine's time for the update. */
  millis: number;
  /** When the engine finished it, in milliseconds since the Unix epoch (compare with
   * `performance.timeOrigin + performance.now()` to see how long it took to arrive). */
  finishedAt: number;
  /** What was written (absent when every target failed). */
  report?: BuildReport;
  /** Set when the update had errors; the failed targets kept their last good output. */
  error?: MiniweaveError;
}

export interface WatchHandle {
  /** The first build's report (absent when every target failed). */
  report?: BuildReport;
  /** Set when the first build had errors; the watch goes on. */
  error?: MiniweaveError;
  /** Stops watching; resolves once the engine has stopped. */
  close(): Promise<void>;
}

/** Builds, then rebuilds on every change until `close()`: the engine of `miniweave watch`. */
export function watch(options: BuildOptions, onUpdate?: (update: WatchUpdate) => void): Promise<WatchHandle>;

/** `file:line:column: severity[code]: message`. */
export function formatDiagnostic(diagnostic: Diagnostic): string;

/** The protocol version this package speaks with `miniweave serve`. */
export const PROTOCOL: number;
