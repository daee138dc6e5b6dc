//! One build: locate the project, read its files once, load and emit every target in
//! parallel on large-stack threads, and write each target that has no error (ARCHITECTURE.md
//! "Writing": one target's platform gap never holds back the others' output).

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Instant;

use indexmap::IndexMap;
use miniweave_compiler::cache::ParseCache;
use miniweave_compiler::diagnostics::{Diagnostic, Diagnostics};
use miniweave_compiler::project::files::{FileSet, ReadError};
use miniweave_compiler::project::layout::{Layout, LocateError, locate};
use miniweave_compiler::project::load::{LoadOptions, load};
use miniweave_compiler::project::npm::Npm;
use miniweave_compiler::project::options::GapPolicy;
use miniweave_compiler::target::Target;
use miniweave_targets::Emitted;
use miniweave_targets::size::SizeReport;
use rayon::prelude::*;
use serde_json::Value;

use crate::report::{BuildReport, TargetReport};
use crate::write::{KnownFiles, WriteStats, write_target};

/// What to build. Everything but the project folder has a default.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The project folder (holding `miniweave.json`, or a WeChat project).
    pub project: PathBuf,
    /// Targets to build; `None` means `targets` in `miniweave.json`, or all three.
    pub targets: Option<Vec<Target>>,
    /// Overrides `outDir`; relative paths are taken from the current directory.
    pub out_dir: Option<PathBuf>,
    /// A production build: `process.env.NODE_ENV` is `"production"`, output is minified
    /// and has no source maps.
    pub release: bool,
    /// `--define KEY=VALUE` constants, overriding `define` in `miniweave.json`.
    pub defines: Vec<(String, Value)>,
    /// `false` checks everything but writes nothing (`miniweave check`).
    pub write: bool,
    /// Overrides `platformGaps` in miniweave.json: whether a platform gap is an error or a
    /// warning with a run-time stub.
    pub gaps: Option<GapPolicy>,
    /// The most diagnostics a build keeps (`--max-diagnostics`): [`DEFAULT_MAX_DIAGNOSTICS`]
    /// by default, and at most [`MAX_DIAGNOSTICS_PER_FILE`] of one file; 0 keeps them all.
    /// `Diagnostics::omitted` counts the rest.
    pub max_diagnostics: Option<usize>,
    /// Whether to wait while another process writes the same output folder (`true`), or
    /// fail at once (`--no-wait`).
    pub wait: bool,
}

/// How many diagnostics a build keeps unless told otherwise.
pub const DEFAULT_MAX_DIAGNOSTICS: usize = 200;
/// How many diagnostics of one file a build keeps (fewer when the whole cap is lower).
pub const MAX_DIAGNOSTICS_PER_FILE: usize = 50;

impl BuildOptions {
    pub fn new(project: impl Into<PathBuf>) -> Self {
        BuildOptions {
            project: project.into(),
            targets: None,
            out_dir: None,
            release: false,
            defines: Vec::new(),
            write: true,
            gaps: None,
            max_diagnostics: None,
            wait: true,
        }
    }

    /// Platform gaps as warnings with run-time stubs (`GapPolicy::Warn`), or errors.
    pub fn gaps(mut self, policy: GapPolicy) -> Self {
        self.gaps = Some(policy);
        self
    }

    pub fn targets(mut self, targets: impl IntoIterator<Item = Target>) -> Self {
        self.targets = Some(targets.into_iter().collect());
        self
    }

    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.out_dir = Some(dir.into());
        self
    }

    pub fn release(mut self, release: bool) -> Self {
        self.release = release;
        self
    }

    pub fn define(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.defines.push((key.into(), value.into()));
        self
    }

    /// Checks without writing.
    pub fn check_only(mut self) -> Self {
        self.write = false;
        self
    }
}

/// Why a build did not complete.
#[derive(Debug)]
pub enum BuildError {
    /// The project has errors in every selected target (or before any target could be
    /// compiled); nothing was written, the previous output is intact (exit 1).
    Project(Diagnostics),
    /// Some targets have errors: those (`failed`) wrote nothing and kept their previous
    /// output, while every other target compiled cleanly and was written as `report` says
    /// (exit 1).
    Partial { failed: Vec<Target>, diagnostics: Diagnostics, report: Box<BuildReport> },
    /// The command was used wrongly, or the project folder cannot be used (exit 2).
    Usage(String),
    /// Reading or writing failed part-way (exit 2); `written` lists what was written.
    Io { message: String, written: Vec<PathBuf> },
}

impl BuildError {
    /// The process exit code for this failure (ARCHITECTURE.md principle 3).
    pub fn exit_code(&self) -> i32 {
        match self {
            BuildError::Project(_) | BuildError::Partial { .. } => 1,
            BuildError::Usage(_) | BuildError::Io { .. } => 2,
        }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Project(d) => {
                let errors = d.errors().count();
                write!(f, "the project has {errors} error{}; nothing was written", if errors == 1 { "" } else { "s" })
            }
            BuildError::Partial { failed, diagnostics, report } => {
                let errors = diagnostics.errors().count();
                let checked_only = report.targets.iter().all(|t| t.written.is_none());
                write!(
                    f,
                    "{errors} error{} in {} (nothing written there{}); {} {}",
                    if errors == 1 { "" } else { "s" },
                    names(failed.iter().copied()),
                    if checked_only { "" } else { ", the previous output is intact" },
                    names(report.targets.iter().map(|t| t.target)),
                    match (checked_only, report.targets.len()) {
                        (true, _) => "compiled cleanly",
                        (false, 1) => "compiled cleanly and was written",
                        (false, _) => "compiled cleanly and were written",
                    },
                )
            }
            BuildError::Usage(m) => f.write_str(m),
            BuildError::Io { message, written } => {
                write!(f, "{message}")?;
                if !written.is_empty() {
                    write!(
                        f,
                        " (written before the failure: {})",
                        written.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
                    )?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for BuildError {}

/// `wechat`, `wechat and alipay`, `wechat, alipay and weibo`.
fn names(targets: impl Iterator<Item = Target>) -> String {
    let names: Vec<&str> = targets.map(Target::name).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// Compilation recurses over user input; a stack overflow would abort the process, so it
/// runs on threads with large stacks (ARCHITECTURE.md "Stacks and depth").
fn pool() -> &'static rayon::ThreadPool {
    static POOL: OnceLock<rayon::ThreadPool> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .stack_size(256 << 20)
            .thread_name(|i| format!("miniweave-{i}"))
            .build()
            .expect("a thread pool can be created")
    })
}

struct TargetOutcome {
    target: Target,
    emitted: Option<(Emitted, SizeReport)>,
    diagnostics: Vec<Diagnostic>,
    millis: f64,
}

/// What a build is for, settled once per project: where it is, its settings, the targets
/// and the constants.
pub(crate) struct Context {
    pub layout: Layout,
    pub targets: Vec<Target>,
    pub defines: IndexMap<String, Value>,
}

/// Locates the project and settles what to build.
pub(crate) fn prepare(options: &BuildOptions) -> Result<Context, BuildError> {
    let mut layout = locate(&options.project, options.out_dir.as_deref()).map_err(|e| match e {
        LocateError::Usage(m) => BuildError::Usage(m),
        LocateError::Project(d) => BuildError::Project(d.into()),
    })?;
    if let Some(policy) = options.gaps {
        std::sync::Arc::make_mut(&mut layout.options).platform_gaps = Some(policy);
    }
    let targets = options.targets.clone().unwrap_or_else(|| layout.options.targets());
    if targets.is_empty() {
        return Err(BuildError::Usage("no target selected: give --target wechat, alipay, weibo or all".into()));
    }
    let mut defines = layout.options.define.clone();
    defines.extend(options.defines.iter().cloned());
    Ok(Context { layout, targets, defines })
}

pub(crate) fn read_error(e: ReadError) -> BuildError {
    match e {
        ReadError::Project(d) => BuildError::Project(d.into()),
        ReadError::Io(message) => BuildError::Io { message, written: Vec::new() },
    }
}

/// Builds a project: every selected target is compiled in memory, and each one without an
/// error is written. A target with an error writes nothing and keeps its previous output;
/// then the result is [`BuildError::Partial`] (some targets written) or
/// [`BuildError::Project`] (none). It is a [`crate::Session`] opened and closed: one code path.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    crate::Session::open(options.clone())?.into_result()
}

/// Compiles every target of `ctx` from `files` and writes the clean ones; `cache` and `npm`
/// may be kept from earlier builds of the same project (a session's).
pub(crate) fn compile(
    ctx: &Context,
    options: &BuildOptions,
    files: &FileSet,
    cache: &ParseCache,
    npm: &Npm,
    known: &mut std::collections::BTreeMap<Target, KnownFiles>,
    started: Instant,
) -> Result<BuildReport, BuildError> {
    let Context { layout, targets, defines } = ctx;
    let outcomes: Vec<TargetOutcome> = pool().install(|| {
        targets
            .par_iter()
            .map(|&target| {
                let t0 = Instant::now();
                let load_options = LoadOptions { target, release: options.release, defines };
                let (project, mut diagnostics) = load(layout, files, npm, &load_options, cache);
                let emitted = project.map(|p| {
                    let (emitted, found) = miniweave_targets::emit(&p);
                    diagnostics.extend(found);
                    let size = miniweave_targets::size::measure(&p, &emitted);
                    diagnostics.extend(miniweave_targets::size::check(&p, &emitted, &size));
                    (emitted, size)
                });
                if layout.options.gaps_warn() {
                    miniweave_compiler::diagnostics::tolerate_platform_gaps(&mut diagnostics);
                }
                TargetOutcome { target, emitted, diagnostics, millis: t0.elapsed().as_secs_f64() * 1000.0 }
            })
            .collect()
    });
    let mut all: Vec<Diagnostic> = outcomes.iter().flat_map(|o| o.diagnostics.iter().cloned()).collect();
    miniweave_compiler::diagnostics::merge_gaps(&mut all);
    let mut diagnostics = Diagnostics::from(all);
    diagnostics.normalize();
    diagnostics.hide_dependency_warnings();
    diagnostics.silence(&layout.options.warnings.ignore);
    match options.max_diagnostics.unwrap_or(DEFAULT_MAX_DIAGNOSTICS) {
        0 => {}
        most => diagnostics.cap(MAX_DIAGNOSTICS_PER_FILE.min(most), most),
    }
    let mut failed = Vec::new();
    let mut clean = Vec::new();
    for outcome in outcomes {
        match outcome.emitted {
            Some((mut emitted, size)) if !outcome.diagnostics.iter().any(Diagnostic::is_error) => {
                let dir = layout.out_dir.join(outcome.target.name());
                crate::source_maps::anchor(&mut emitted, &dir, &layout.root);
                let memory = known.remove(&outcome.target).unwrap_or_default();
                clean.push((emitted, size, dir, outcome.millis, memory));
            }
            _ => failed.push(outcome.target),
        }
    }
    // Targets write to folders of their own: in parallel.
    let written: Vec<Result<Option<WriteStats>, BuildError>> = pool().install(|| {
        clean
            .par_iter_mut()
            .map(|(emitted, _, _, _, memory)| {
                if !options.write {
                    return Ok(None);
                }
                write_target(&layout.out_dir, emitted, memory, options.wait)
                    .map(Some)
                    .map_err(|e| BuildError::Io { message: e.message, written: e.written })
            })
            .collect()
    });
    let mut reports = Vec::new();
    let mut first_error = None;
    for ((emitted, size, dir, millis, memory), stats) in clean.into_iter().zip(written) {
        known.insert(emitted.target, memory);
        match stats {
            Ok(stats) => reports.push(TargetReport::new(&emitted, dir, stats, size, millis)),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    if let Some(e) = first_error {
        return Err(e);
    }
    let placeholders: Vec<&str> =
        targets.iter().filter(|t| layout.options.appid_is_placeholder(**t)).map(|t| t.display_name()).collect();
    let notices = if placeholders.is_empty() || !options.write {
        Vec::new()
    } else {
        vec![format!(
            "{} get{} a placeholder app id: the IDE's simulator runs it, but previewing on a phone and uploading need yours: set {} in miniweave.json",
            placeholders.join(" and "),
            if placeholders.len() == 1 { "s" } else { "" },
            placeholders.iter().map(|p| format!("`{}.appid`", p.to_lowercase())).collect::<Vec<_>>().join(" and ")
        )]
    };
    let report = BuildReport {
        targets: reports,
        warnings: Diagnostics::new(),
        notices,
        millis: started.elapsed().as_secs_f64() * 1000.0,
    };
    match (failed.is_empty(), report.targets.is_empty()) {
        (true, _) => Ok(BuildReport { warnings: diagnostics, ..report }),
        (false, true) => Err(BuildError::Project(diagnostics)),
        (false, false) => Err(BuildError::Partial { failed, diagnostics, report: Box::new(report) }),
    }
}

/// Everything [`build`] does except writing.
pub fn check(project: impl AsRef<Path>) -> Result<BuildReport, BuildError> {
    build(&BuildOptions::new(project.as_ref()).check_only())
}
