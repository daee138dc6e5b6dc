//! The `miniweave` command: argument parsing and terminal output around `miniweave::build`.

mod args;
mod json_output;
mod new;
mod serve;
mod summary;
mod upload;
mod watch;
mod watcher;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use miniweave::{BuildError, BuildOptions, build, render_diagnostics_from};

use args::{Cli, Command};
use summary::{plural, print_summary, print_warnings};

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
        Command::Build(b) => (b.options(), true),
        Command::Watch(b) => return watch::run(b.options(), color, quiet),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(*shell, &mut Cli::command(), "miniweave", &mut std::io::stdout());
            return ExitCode::SUCCESS;
        }
        Command::Serve => return serve::run(),
        Command::Upload(u) => {
            return upload::run(upload::Action::Upload, &u.ci, u.upload_version.as_deref(), None, color);
        }
        Command::Preview(p) => return upload::run(upload::Action::Preview, &p.ci, None, Some(&p.qrcode), color),
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
            let mut o = BuildOptions::new(&c.project).check_only().release(c.release);
            o.targets = c.targets();
            o.defines = c.defines.clone();
            o.gaps = c.gaps();
            o.max_diagnostics = Some(c.max_diagnostics);
            (o, false)
        }
    };
    let result = build(&options);
    if cli.message_format == "json" {
        return json_output::finish(&result, cli.deny_warnings);
    }
    match result {
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
            if let Some(code) = size_outputs(&cli.command, &report) {
                return code;
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
                if let Some(code) = size_outputs(&cli.command, report) {
                    return code;
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

/// `--report` and `--report-json`; an exit code when the JSON cannot be written.
fn size_outputs(command: &Command, report: &miniweave::BuildReport) -> Option<ExitCode> {
    let common = match command {
        Command::Build(b) => &b.common,
        Command::Check(c) => c,
        _ => return None,
    };
    if common.report {
        summary::print_size_report(report);
    }
    let file = common.report_json.as_ref()?;
    match summary::write_size_json(report, file) {
        Ok(()) => None,
        Err(e) => {
            eprintln!("error: cannot write the size report `{}`: {e}", file.display());
            Some(ExitCode::from(2))
        }
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
