//! The `miniweave` command: argument parsing and terminal output around `miniweave::build`.

mod args;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use miniweave::{BuildError, BuildOptions, BuildReport, Diagnostics, build, render_diagnostics};

use args::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = match cli.color.as_str() {
        "always" => true,
        "never" => false,
        _ => std::io::stderr().is_terminal(),
    };
    let (options, writing) = match &cli.command {
        Command::Build(b) => {
            let mut o = BuildOptions::new(&b.common.project).release(b.release);
            o.targets = b.common.targets();
            o.out_dir = b.out.clone();
            o.defines = b.common.defines.clone();
            o.gaps = b.common.gaps();
            (o, true)
        }
        Command::Check(c) => {
            let mut o = BuildOptions::new(&c.project).check_only();
            o.targets = c.targets();
            o.defines = c.defines.clone();
            o.gaps = c.gaps();
            (o, false)
        }
    };
    match build(&options) {
        Ok(report) => {
            print_warnings(&report.warnings, color);
            print_summary(&report, writing);
            ExitCode::SUCCESS
        }
        Err(BuildError::Project(diagnostics)) => {
            eprint!("{}", render_diagnostics(&diagnostics.with_repeats_collapsed(), color));
            let errors = diagnostics.errors().count();
            let warnings = diagnostics.warnings().count();
            eprintln!(
                "error: {errors} error{}{}; nothing was written",
                plural(errors),
                if warnings > 0 { format!(" and {warnings} warning{}", plural(warnings)) } else { String::new() }
            );
            ExitCode::from(1)
        }
        Err(partial @ BuildError::Partial { .. }) => {
            if let BuildError::Partial { diagnostics, report, .. } = &partial {
                eprint!("{}", render_diagnostics(&diagnostics.with_repeats_collapsed(), color));
                print_summary(report, writing);
            }
            eprintln!("error: {partial}");
            ExitCode::from(1)
        }
        Err(other) => {
            eprintln!("error: {other}");
            ExitCode::from(other.exit_code() as u8)
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn print_warnings(warnings: &Diagnostics, color: bool) {
    if warnings.is_empty() {
        return;
    }
    let shown = warnings.with_repeats_collapsed();
    eprint!("{}", render_diagnostics(&shown, color));
    let total = warnings.len();
    let folded =
        if shown.len() < total { format!(" ({} shown in full, repeats folded)", shown.len()) } else { String::new() };
    eprintln!("warning: {total} warning{}{folded}", plural(total));
}

/// One line per target: files, bytes (of which runtime), milliseconds, and where the output
/// went.
fn print_summary(report: &BuildReport, writing: bool) {
    for t in &report.targets {
        let changes = match (t.written, t.removed) {
            (Some(w), Some(r)) if writing => {
                format!("  ({w} written, {r} removed) → {}", t.out_dir.display())
            }
            _ => String::new(),
        };
        println!(
            "{:<7} {:>5} files {:>10} (runtime {:>8}) {:>8.1} ms{changes}",
            t.target.name(),
            t.files,
            human_bytes(t.bytes),
            human_bytes(t.runtime_bytes),
            t.millis
        );
    }
}

fn human_bytes(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    } else {
        format!("{:.2} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}
