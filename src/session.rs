//! A build that stays open: the engine behind `miniweave watch` and build scripts that
//! rebuild on change.
//!
//! [`Session::open`] builds cold; [`Session::update`] takes the paths that changed and builds
//! again, reading only those files, reusing every parse whose text did not change (the
//! parse cache is keyed by content, ARCHITECTURE.md principle 2), and writing only files
//! whose bytes changed. What is not yet incremental: each update still runs loading and
//! emitting over the whole project (every unit, from cached parses), so its time grows with
//! the project, more slowly than a cold build's.
//!
//! ```no_run
//! use miniweave::{BuildOptions, Session};
//!
//! let mut session = Session::open(BuildOptions::new("my-app")).expect("the project can be used");
//! // ... the user saves src/pages/home/home.mini ...
//! let changed = [std::path::PathBuf::from("my-app/src/pages/home/home.mini")];
//! match session.update(&changed) {
//!     Ok(report) => println!("rebuilt in {:.1} ms", report.millis),
//!     Err(e) => eprintln!("{e}"),
//! }
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use miniweave_compiler::cache::ParseCache;
use miniweave_compiler::project::files::{FileSet, read_all};
use miniweave_compiler::project::npm::Npm;

use crate::build::{BuildError, BuildOptions, Context, compile, prepare, read_error};
use crate::report::BuildReport;
use crate::write::KnownFiles;
use miniweave_compiler::target::Target;

/// Files whose change may change everything: the project's settings, WeChat's project file,
/// the TypeScript settings, the package manifest.
const PROJECT_FILES: &[&str] = &["miniweave.json", "project.config.json", "tsconfig.json", "package.json"];

/// Lockfiles: a change means packages were installed or removed.
const LOCKFILES: &[&str] = &["package-lock.json", "yarn.lock", "pnpm-lock.yaml", "npm-shrinkwrap.json"];

/// An open build of one project.
pub struct Session {
    options: BuildOptions,
    ctx: Context,
    /// The sources as last read; `None` when reading failed (the next update reads them all).
    files: Option<FileSet>,
    cache: ParseCache,
    npm: Npm,
    /// What each target's writes left on disk, so unchanged output is not read back.
    known: BTreeMap<Target, KnownFiles>,
    last: Result<BuildReport, BuildError>,
}

impl Session {
    /// Locates the project and builds it cold. Fails only when the project cannot be used at
    /// all (a usage or I/O problem, or a `miniweave.json` that does not parse); a build with
    /// errors still opens a session, and [`Session::result`] holds them.
    pub fn open(options: BuildOptions) -> Result<Session, BuildError> {
        let started = Instant::now();
        let ctx = prepare(&options)?;
        let npm = Npm::new(&ctx.layout.root, &ctx.layout.src_abs());
        let mut session = Session {
            options,
            ctx,
            files: None,
            cache: ParseCache::new(),
            npm,
            known: BTreeMap::new(),
            last: Err(BuildError::Usage(String::new())),
        };
        session.last = session.run(started);
        if matches!(session.last, Err(BuildError::Usage(_) | BuildError::Io { .. })) {
            // Nothing to keep open: say it now.
            return session.into_result().map(|_| unreachable!("matched an error above"));
        }
        Ok(session)
    }

    /// The project folder (absolute).
    pub fn root(&self) -> &Path {
        &self.ctx.layout.root
    }

    /// The source root (absolute).
    pub fn src_dir(&self) -> PathBuf {
        self.ctx.layout.src_abs()
    }

    /// The output folder (absolute): each target goes to `<out_dir>/<target>/`.
    pub fn out_dir(&self) -> &Path {
        &self.ctx.layout.out_dir
    }

    /// The last build's result.
    pub fn result(&self) -> &Result<BuildReport, BuildError> {
        &self.last
    }

    /// The last build's result, closing the session.
    pub fn into_result(self) -> Result<BuildReport, BuildError> {
        self.last
    }

    /// Builds again after `changed` paths (absolute, or relative to the current folder)
    /// changed on disk: created, edited, deleted or renamed files or folders. Only those are
    /// read again; a change to the project's settings reloads everything.
    pub fn update(&mut self, changed: &[PathBuf]) -> &Result<BuildReport, BuildError> {
        let started = Instant::now();
        let changed: Vec<PathBuf> = changed.iter().map(|p| absolute(p)).collect();
        let root = &self.ctx.layout.root;
        let names = |list: &[&str], p: &Path| p.file_name().is_some_and(|n| list.iter().any(|f| n == *f));
        if changed.iter().any(|p| p.parent() == Some(root.as_path()) && names(PROJECT_FILES, p)) {
            match prepare(&self.options) {
                Ok(ctx) => {
                    self.npm = Npm::new(&ctx.layout.root, &ctx.layout.src_abs());
                    self.ctx = ctx;
                    self.files = None;
                }
                Err(e) => {
                    self.last = Err(e);
                    return &self.last;
                }
            }
        }
        if changed.iter().any(|p| names(LOCKFILES, p) || p.components().any(|c| c.as_os_str() == "node_modules")) {
            self.npm = Npm::new(&self.ctx.layout.root, &self.ctx.layout.src_abs());
        }
        if let Some(files) = &mut self.files {
            if let Err(e) = files.refresh(&self.ctx.layout, &changed) {
                self.files = None;
                self.last = Err(read_error(e));
                return &self.last;
            }
        }
        self.last = self.run(started);
        &self.last
    }

    fn run(&mut self, started: Instant) -> Result<BuildReport, BuildError> {
        if self.files.is_none() {
            self.files = Some(read_all(&self.ctx.layout).map_err(read_error)?);
        }
        let files = self.files.as_ref().expect("read above");
        // A panic in the compiler is a bug; it must not take a long-running session down
        // with a poisoned cache: start over cold next time.
        let _ = miniweave_compiler::breadcrumb::take_panicked_file();
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            compile(&self.ctx, &self.options, files, &self.cache, &self.npm, &mut self.known, started)
        }));
        match result {
            Ok(result) => {
                self.cache.sweep();
                result
            }
            Err(panic) => {
                self.cache = ParseCache::new();
                self.known.clear();
                self.files = None;
                let what = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                let file = miniweave_compiler::breadcrumb::take_panicked_file()
                    .map_or_else(String::new, |f| format!(" while compiling `{f}`"));
                Err(BuildError::Usage(format!(
                    "internal error{file}: {what}; nothing was written. This is a bug in miniweave: please report it \
                     with that file (a session rebuilds from scratch on the next update)"
                )))
            }
        }
    }
}

fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().map(|d| d.join(path)).unwrap_or_else(|_| path.to_path_buf())
    }
}
