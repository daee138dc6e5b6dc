//! The `miniweave` command: argument parsing and terminal output around `miniweave::build`.

mod args;
mod new;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use miniweave::{BuildError, BuildOptions, BuildReport, Diagnostics, build, render_diagnostics_from};

use args::{Cli, Command};

/// Whether to colour: `--color always|never`, else the environment's conventions (`NO_COLOR`
/// and `TERM=dumb` turn it off, `FORCE_COLOR`/`CLICOLOR_FORCE` on: no-color.org,
/// bixense.com/clicolors), else whether stderr is a terminal.
fn use_color(choice: &str, env: &dyn Fn(&str) -> Option<String>) -> bool {
    let set = |name: &str| env(name).is_some_and(|v| !v.is_empty() && v != "0");
    match choice {
        "always" => true,
        "never" => false,
        _ if set("NO_COLOR") || env("TERM").as_deref() == Some("dumb") => false,
        _ if set("FORCE_COLOR") || set("CLICOLOR_FORCE") => true,
        _ => std::io::stderr().is_terminal(),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = use_color(&cli.color, &|name| std::env::var(name).ok());
    let quiet = cli.quiet;
    let (options, writing) = match &cli.command {
        Command::Build(b) => {
            let mut o = BuildOptions::new(&b.common.project).release(b.release);
            o.targets = b.common.targets();
            o.out_dir = b.out.clone();
            o.defines = b.common.defines.clone();
            o.gaps = b.common.gaps();
            (o, true)
        }
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(*shell, &mut Cli::command(), "miniweave", &mut std::io::stdout());
            return ExitCode::SUCCESS;
        }
        Command::Schema => {
            print!("{}", miniweave::miniweave_json_schema());
            return ExitCode::SUCCESS;
        }
        Command::New(n) => {
            return match new::create(&n.dir, new::template(&n.template)) {
                Ok(message) => {
                    println!("{message}");
                    ExitCode::SUCCESS
                }
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::from(2)
                }
            };
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
            if !quiet || cli.deny_warnings {
                print_warnings(&report.warnings, color, &options.project, cli.verbose);
            }
            if !quiet {
                print_summary(&report, writing, cli.verbose);
                for notice in &report.notices {
                    eprintln!("note: {notice}");
                }
            }
            if cli.deny_warnings && !report.warnings.is_empty() {
                eprintln!("error: warnings are denied (--deny-warnings); the output was written");
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
        Err(BuildError::Project(diagnostics)) => {
            eprint!("{}", render_diagnostics_from(&diagnostics.with_repeats_collapsed(), color, &options.project));
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
                eprint!("{}", render_diagnostics_from(&diagnostics.with_repeats_collapsed(), color, &options.project));
                if !quiet {
                    print_summary(report, writing, cli.verbose);
                }
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

fn print_warnings(warnings: &Diagnostics, color: bool, project: &std::path::Path, verbose: bool) {
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

/// One line per target: files, bytes (of which runtime), milliseconds, and where the output
/// went; with `verbose`, each file written or removed.
fn print_summary(report: &BuildReport, writing: bool, verbose: bool) {
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

#[cfg(test)]
mod tests {
    use super::use_color;

    #[test]
    fn colour_follows_the_flag_then_the_environment() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
        };
        assert!(!use_color("auto", &env(&[("NO_COLOR", "1"), ("FORCE_COLOR", "1")])));
        assert!(!use_color("auto", &env(&[("TERM", "dumb")])));
        assert!(use_color("auto", &env(&[("FORCE_COLOR", "1")])));
        assert!(use_color("auto", &env(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "")])));
        assert!(use_color("always", &env(&[("NO_COLOR", "1")])));
        assert!(!use_color("never", &env(&[("FORCE_COLOR", "1")])));
    }
}
