//! `miniweave watch`: a [`Session`] fed by the project's file-system events
//! ([`ProjectWatcher`]), one line per update. Events that arrive while an update runs are
//! taken together by the next one. Ctrl-C lets the update being written finish, then exits 0.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use miniweave::{BuildError, BuildOptions, BuildReport, Session, Target, human_bytes, render_diagnostics_from};

use crate::summary::{print_summary, print_warnings};
use crate::watcher::{Message, ProjectWatcher};

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
    let root = session.root().to_path_buf();
    let mut watcher = match ProjectWatcher::new(&root, session.out_dir()) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let stop = watcher.stopper();
    if let Err(e) = ctrlc::set_handler(move || {
        let _ = stop.send(Message::Stop);
    }) {
        eprintln!("warning: Ctrl-C will stop watch without waiting for the files being written ({e})");
    }
    println!("watching {} (Ctrl-C to stop)", root.display());
    while let Some(batch) = watcher.next_batch(&session.src_dir()) {
        let changed = batch.changed;
        if !changed.is_empty() {
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
        if batch.stopping {
            break;
        }
    }
    drop(watcher);
    println!("stopped");
    ExitCode::SUCCESS
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
