//! What a build prints for people: warnings (repeats folded), one line per target with its
//! package sizes, `--report`'s table per target, and `--report-json`'s file.

use std::path::Path;

use miniweave::{
    BuildReport, Diagnostics, PackageSize, SizeReport, TargetReport, human_bytes, render_diagnostics_from,
};

pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

pub fn print_warnings(warnings: &Diagnostics, color: bool, project: &Path, verbose: bool) {
    if warnings.is_empty() {
        return;
    }
    let shown = if verbose { warnings.clone() } else { warnings.with_repeats_collapsed() };
    eprint!("{}", render_diagnostics_from(&shown, color, project));
    // The count is of warnings as shown: a repeated warning is one thing to fix, however
    // many places have it, so it counts once and its places are counted beside it.
    let (distinct, places) = (shown.len(), warnings.len());
    let folded = if distinct < places {
        format!(" at {places} places (repeats of one warning are folded)")
    } else {
        String::new()
    };
    eprintln!("warning: {distinct} warning{}{folded}", plural(distinct));
}

/// `main 12.3 KB of 2.00 MB (1%), largest subpackage sub 3.1 KB (0%)`; Weibo without a
/// budget says its numbers are WeChat's, for reference.
fn size_line(size: &SizeReport) -> String {
    let main = size.main();
    let share = |p: &PackageSize| format!("{} ({:.0}%)", human_bytes(p.bytes), p.percent());
    let mut line = if size.enforced {
        format!("main {} of {} ({:.0}%)", human_bytes(main.bytes), human_bytes(main.limit), main.percent())
    } else {
        format!(
            "one package {} ({:.0}% of WeChat's {}, for reference)",
            human_bytes(main.bytes),
            main.percent(),
            human_bytes(main.limit)
        )
    };
    if let Some(sub) = size.largest_subpackage() {
        line.push_str(&format!(", largest subpackage {} {}", sub.name, share(sub)));
    }
    line
}

/// One line per target: files, bytes (of which runtime), milliseconds, package sizes, and
/// where the output went; with `verbose`, each file written or removed.
pub fn print_summary(report: &BuildReport, writing: bool, verbose: bool) {
    for t in &report.targets {
        print_target(t, writing, verbose);
    }
}

fn print_target(t: &TargetReport, writing: bool, verbose: bool) {
    let changes = match (t.written, t.removed) {
        (Some(w), Some(r)) if writing => format!("  ({w} written, {r} removed) → {}", t.out_dir.display()),
        _ => String::new(),
    };
    println!(
        "{:<7} {:>5} files {:>10} (runtime {:>8}) {:>8.1} ms  {}{changes}",
        t.target.name(),
        t.files,
        human_bytes(t.bytes),
        human_bytes(t.runtime_bytes),
        t.millis,
        size_line(&t.size),
    );
    if verbose {
        for file in &t.written_files {
            println!("  written  {file}");
        }
        for file in &t.removed_files {
            println!("  removed  {file}");
        }
    }
    if writing && !t.restored.is_empty() {
        let shown: Vec<&str> = t.restored.iter().take(5).map(String::as_str).collect();
        let more = t.restored.len() - shown.len();
        println!(
            "{:<7} restored {} file{} edited in the output since the last build: {}{} (edit the sources instead)",
            t.target.name(),
            t.restored.len(),
            plural(t.restored.len()),
            shown.join(", "),
            if more > 0 { format!(" and {more} more") } else { String::new() },
        );
    }
}

/// A bar of `width` cells for a share in percent (full at 100%).
fn bar(percent: f64, width: usize) -> String {
    let filled = ((percent / 100.0) * width as f64).round().clamp(0.0, width as f64) as usize;
    format!("{}{}", "█".repeat(filled), "·".repeat(width - filled))
}

/// `--report`: per target, each package with its bytes, share of its limit, a bar, and its
/// heaviest files and npm packages.
pub fn print_size_report(report: &BuildReport) {
    for t in &report.targets {
        let size = &t.size;
        println!(
            "\n{} ({} build{})",
            t.target.display_name(),
            if size.release { "release" } else { "development" },
            if size.enforced { "" } else { "; no published limit: WeChat's numbers for reference" }
        );
        println!("  {:<24} {:>10} {:>10} {:>6}", "package", "bytes", "limit", "share");
        for p in &size.packages {
            println!(
                "  {:<24} {:>10} {:>10} {:>5.0}% {}",
                if p.independent { format!("{} (independent)", p.name) } else { p.name.clone() },
                human_bytes(p.bytes),
                human_bytes(p.limit),
                p.percent(),
                bar(p.percent(), 20)
            );
            let heaviest: Vec<String> =
                p.files.iter().take(5).map(|f| format!("{} {}", f.path, human_bytes(f.bytes))).collect();
            if !heaviest.is_empty() {
                println!("      heaviest: {}", heaviest.join(", "));
            }
            if !p.from_main.is_empty() {
                let shared: Vec<String> =
                    p.from_main.iter().take(5).map(|f| format!("{} {}", f.path, human_bytes(f.bytes))).collect();
                println!("      built in from main too: {}", shared.join(", "));
            }
            if !p.npm.is_empty() {
                let npm: Vec<String> =
                    p.npm.iter().take(5).map(|n| format!("{} {}", n.name, human_bytes(n.bytes))).collect();
                println!("      npm: {}", npm.join(", "));
            }
        }
        println!(
            "  {:<24} {:>10} {:>10} {:>5.0}%",
            "total",
            human_bytes(size.total),
            human_bytes(size.total_limit),
            size.total_percent()
        );
    }
}

/// `--report-json FILE`: `{ "targets": [{ "target": "wechat", "release", "enforced", "total",
/// "totalLimit", "packages": [{ "name", "independent", "bytes", "limit", "files": [{ "path",
/// "bytes" }], "npm": [{ "name", "bytes" }] }] }] }`.
pub fn write_size_json(report: &BuildReport, file: &Path) -> std::io::Result<()> {
    let targets: Vec<serde_json::Value> = report
        .targets
        .iter()
        .map(|t| {
            let mut value = serde_json::to_value(&t.size).unwrap_or_default();
            if let serde_json::Value::Object(map) = &mut value {
                map.insert("target".into(), t.target.name().into());
            }
            value
        })
        .collect();
    let text = serde_json::to_string_pretty(&serde_json::json!({ "targets": targets })).unwrap_or_default();
    std::fs::write(file, text + "\n")
}
