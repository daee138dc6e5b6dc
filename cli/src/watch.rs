//! `miniweave watch`: a [`Session`] fed by file-system events.
//!
//! Events go through notify's full debouncer (it pairs the write-rename-chmod burst of an
//! editor's save into one change) with a short window, so the window does not dominate the
//! latency; events that arrive while an update runs are taken together by the next one. The
//! project folder is watched itself, each folder in it recursively except installed
//! packages (`node_modules` is watched one level deep: a package installed or removed),
//! dot-folders and the output, which never triggers an update. Ctrl-C lets the update being
//! written finish, then exits 0.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use miniweave::{BuildError, BuildOptions, BuildReport, Session, Target, human_bytes, render_diagnostics_from};
use notify_debouncer_full::notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

use crate::summary::{print_summary, print_warnings};

/// The debouncer's window: long enough to pair an editor's burst, short against a build.
const WINDOW: Duration = Duration::from_millis(15);

enum Message {
    Changed(Vec<PathBuf>),
    /// The watcher lost events (a queue overflow): read everything again.
    Lost,
    Stop,
}

pub fn run(options: BuildOptions, color: bool, quiet: bool) -> ExitCode {
    let project = options.project.clone();
    let mut session = match Session::open(options) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(e.exit_code() as u8);
        }
    };
    let mut sizes = main_sizes(session.result());
    let mut crossed = size_warnings(session.result()).map(|(key, _)| key).collect();
    report(session.result(), color, quiet, &project);
    let (tx, rx) = mpsc::channel::<Message>();
    let events = tx.clone();
    let debouncer = new_debouncer(WINDOW, None, move |result: DebounceEventResult| {
        let message = match result {
            Ok(batch) => Message::Changed(
                batch.iter().filter(|e| !e.kind.is_access()).flat_map(|e| e.paths.iter().cloned()).collect(),
            ),
            Err(_) => Message::Lost,
        };
        let _ = events.send(message);
    });
    let mut debouncer = match debouncer {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: cannot watch the project: {e}");
            return ExitCode::from(2);
        }
    };
    let root = session.root().to_path_buf();
    let out = session.out_dir().to_path_buf();
    let mut watched = Vec::new();
    if let Err(e) = watch_project(&mut debouncer, &root, &out, &mut watched) {
        eprintln!("error: cannot watch `{}`: {e}", root.display());
        return ExitCode::from(2);
    }
    let stop = tx.clone();
    if let Err(e) = ctrlc::set_handler(move || {
        let _ = stop.send(Message::Stop);
    }) {
        eprintln!("warning: Ctrl-C will stop watch without waiting for the files being written ({e})");
    }
    println!("watching {} (Ctrl-C to stop)", root.display());
    while let Ok(first) = rx.recv() {
        let mut changed = Vec::new();
        let mut stopping = false;
        let mut lost = false;
        // What arrived while the last update ran joins this one.
        for message in std::iter::once(first).chain(std::iter::from_fn(|| rx.try_recv().ok())) {
            match message {
                Message::Changed(paths) => changed.extend(paths),
                Message::Lost => lost = true,
                Message::Stop => stopping = true,
            }
        }
        changed.retain(|p| !p.starts_with(&out) && !p.components().any(|c| c.as_os_str() == ".git"));
        changed.sort();
        changed.dedup();
        if lost {
            changed.push(session.src_dir());
        }
        if !changed.is_empty() {
            // A folder created at the top: watch it too.
            for dir in changed.iter().filter(|p| p.parent() == Some(root.as_path()) && p.is_dir()) {
                if watched.contains(dir) {
                    continue;
                }
                // The first `npm install` creates node_modules: its packages, one level deep.
                let mode = if dir.file_name().is_some_and(|n| n == "node_modules") {
                    Some(RecursiveMode::NonRecursive)
                } else {
                    (!skipped(dir, &out)).then_some(RecursiveMode::Recursive)
                };
                if let Some(mode) = mode {
                    let _ = debouncer.watch(dir, mode);
                    watched.push(dir.clone());
                }
            }
            let started = Instant::now();
            let result = session.update(&changed);
            let millis = started.elapsed().as_secs_f64() * 1000.0;
            // Diagnostics first: the update line is the last thing an update prints, so a
            // tool (or a test) that waits for it has everything.
            report(result, color, true, &project);
            show_size_crossings(result, &mut crossed, color, &project);
            if !quiet {
                if let Err(e) = result {
                    eprintln!("error: {e}");
                }
            }
            update_line(&changed, &root, result, &mut sizes, millis);
        }
        if stopping {
            break;
        }
    }
    drop(debouncer);
    println!("stopped");
    ExitCode::SUCCESS
}

/// Installed packages, dot-folders and the output are not watched recursively.
fn skipped(dir: &Path, out: &Path) -> bool {
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    name.starts_with('.') || matches!(name.as_str(), "node_modules" | "miniprogram_npm") || dir == out
}

fn watch_project(
    debouncer: &mut notify_debouncer_full::Debouncer<
        notify_debouncer_full::notify::RecommendedWatcher,
        notify_debouncer_full::RecommendedCache,
    >,
    root: &Path,
    out: &Path,
    watched: &mut Vec<PathBuf>,
) -> Result<(), notify_debouncer_full::notify::Error> {
    debouncer.watch(root, RecursiveMode::NonRecursive)?;
    let Ok(entries) = std::fs::read_dir(root) else { return Ok(()) };
    for entry in entries.flatten() {
        let path = entry.path();
        if !path.is_dir() {
            continue;
        }
        if path.file_name().is_some_and(|n| n == "node_modules") {
            // A package installed or removed shows here; a lockfile change at the root too.
            debouncer.watch(&path, RecursiveMode::NonRecursive)?;
        } else if !skipped(&path, out) {
            if out.starts_with(&path) && path != out {
                // The output sits inside this folder: watch its other entries one by one.
                debouncer.watch(&path, RecursiveMode::NonRecursive)?;
                for inner in std::fs::read_dir(&path).into_iter().flatten().flatten() {
                    let inner = inner.path();
                    if inner.is_dir() && !out.starts_with(&inner) && !skipped(&inner, out) {
                        debouncer.watch(&inner, RecursiveMode::Recursive)?;
                    }
                }
            } else {
                debouncer.watch(&path, RecursiveMode::Recursive)?;
            }
        }
        watched.push(path);
    }
    Ok(())
}

/// The size warnings of a build (a package near or over its limit), keyed by the package
/// they are about: the numbers in the message change with every save, the package does not.
fn size_warnings(
    result: &Result<BuildReport, BuildError>,
) -> impl Iterator<Item = (String, miniweave::Diagnostic)> + '_ {
    let warnings = match result {
        Ok(r) => Some(&r.warnings),
        Err(BuildError::Partial { diagnostics, .. }) => Some(diagnostics),
        Err(_) => None,
    };
    warnings.into_iter().flat_map(|w| w.iter()).filter(|d| !d.is_error() && d.code.starts_with("size::")).map(|d| {
        let package = d.message.split(" is ").next().unwrap_or_default();
        (format!("{}:{package}", d.code), d.clone())
    })
}

/// A size warning is shown once when a package crosses into it, not on every save.
fn show_size_crossings(
    result: &Result<BuildReport, BuildError>,
    crossed: &mut std::collections::BTreeSet<String>,
    color: bool,
    project: &Path,
) {
    let now: Vec<(String, miniweave::Diagnostic)> = size_warnings(result).collect();
    let new: miniweave::Diagnostics =
        now.iter().filter(|(key, _)| !crossed.contains(key)).map(|(_, d)| d.clone()).collect::<Vec<_>>().into();
    if !new.is_empty() {
        eprint!("{}", render_diagnostics_from(&new, color, project));
    }
    *crossed = now.into_iter().map(|(key, _)| key).collect();
}

/// Each target's main-package size, to say how an update changed it.
fn main_sizes(result: &Result<BuildReport, BuildError>) -> BTreeMap<Target, u64> {
    let report = match result {
        Ok(r) => r,
        Err(BuildError::Partial { report, .. }) => report,
        Err(_) => return BTreeMap::new(),
    };
    report.targets.iter().map(|t| (t.target, t.size.main().bytes)).collect()
}

/// `updated pages/me/me.mini: wechat 2 written, alipay 2 written in 41.3 ms (main +0.1 KB)`.
fn update_line(
    changed: &[PathBuf],
    root: &Path,
    result: &Result<BuildReport, BuildError>,
    sizes: &mut BTreeMap<Target, u64>,
    millis: f64,
) {
    let shown: Vec<String> =
        changed.iter().take(3).map(|p| p.strip_prefix(root).unwrap_or(p).display().to_string()).collect();
    let more = if changed.len() > 3 { format!(" and {} more", changed.len() - 3) } else { String::new() };
    let after = main_sizes(result);
    let report = match result {
        Ok(r) => Some(r),
        Err(BuildError::Partial { report, .. }) => Some(&**report),
        Err(_) => None,
    };
    let targets: Vec<String> = report
        .map(|r| {
            r.targets
                .iter()
                .map(|t| {
                    let delta = match (sizes.get(&t.target), after.get(&t.target)) {
                        (Some(&b), Some(&a)) if a != b => {
                            let sign = if a > b { "+" } else { "-" };
                            format!(", main {sign}{}", human_bytes(a.abs_diff(b)))
                        }
                        _ => String::new(),
                    };
                    format!("{} {} written{delta}", t.target.name(), t.written.unwrap_or(0))
                })
                .collect()
        })
        .unwrap_or_default();
    let failed = match result {
        Ok(_) => String::new(),
        Err(BuildError::Partial { failed, .. }) => {
            format!(
                "; {} kept the last output (errors)",
                failed.iter().map(|t| t.name()).collect::<Vec<_>>().join(", ")
            )
        }
        Err(_) => "; errors, the last output is kept".to_string(),
    };
    println!("updated {}{more}: {}{failed} in {millis:.1} ms", shown.join(", "), targets.join(", "));
    sizes.extend(after);
}

/// The diagnostics of a build; with `quiet`, errors only (warnings of a good build shown
/// in full only on the first build).
fn report(result: &Result<BuildReport, BuildError>, color: bool, quiet: bool, project: &Path) {
    match result {
        Ok(report) => {
            if !quiet {
                print_warnings(&report.warnings, color, project, false);
                print_summary(report, true, false);
            }
        }
        Err(BuildError::Project(d) | BuildError::Partial { diagnostics: d, .. }) => {
            eprint!("{}", render_diagnostics_from(&d.with_repeats_collapsed(), color, project));
        }
        Err(e) => eprintln!("error: {e}"),
    }
}
