//! The command line: `miniweave build`, `miniweave check`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use miniweave::Target;
use serde_json::Value;

#[derive(Parser, Debug)]
#[command(
    name = "miniweave",
    version,
    about = "Compile one mini-program source tree to native WeChat, Alipay and Weibo mini-programs",
    long_about = "miniweave compiles a mini-program written once (.mini files, or a native WeChat project) into \
native mini-programs for WeChat, Alipay and Weibo. Each target is written to <outDir>/<target>/, a folder the \
platform's IDE opens as it is.",
    after_help = "Examples:
  miniweave build                      build the project in this folder for every target
  miniweave build app --target alipay  build ./app for Alipay only
  miniweave build --release --define API=https://api.example.com
  miniweave check                      report errors and warnings without writing
  miniweave new my-app                 create a small app to start from

  miniweave build --gaps warn          see a WeChat app run on Alipay and Weibo while porting it

Exit codes: 0 success, 1 the project has errors (a target with errors writes nothing; the others \
are written), 2 usage or I/O trouble."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// When to colour output: auto (honours NO_COLOR, TERM=dumb, FORCE_COLOR), always or never.
    #[arg(long, global = true, default_value = "auto", value_parser = ["auto", "always", "never"])]
    pub color: String,

    /// Print errors only: no warnings, no summary lines.
    #[arg(long, short, global = true)]
    pub quiet: bool,

    /// Print more: every warning at every place (not folded), and each file written or
    /// removed.
    #[arg(long, short, global = true, conflicts_with = "quiet")]
    pub verbose: bool,

    /// Warnings fail the command (exit 1), for CI; the output is still written.
    #[arg(long, global = true)]
    pub deny_warnings: bool,

    /// How build and check report: human (rendered, on stderr) or json (one JSON object per
    /// diagnostic on stdout, then a build-finished line; docs in cli/src/json_output.rs).
    #[arg(long, global = true, default_value = "human", value_parser = ["human", "json"])]
    pub message_format: String,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Compile the project and write each target to <outDir>/<target>/.
    Build(BuildArgs),
    /// Build, then rebuild on every change to the sources until Ctrl-C: one line per
    /// update; on an error the diagnostics, and the last good output kept.
    Watch(BuildArgs),
    /// Compile everything and report problems, writing nothing.
    Check(CommonArgs),
    /// Create a small app to start from (in DIR, a new or empty folder).
    New(NewArgs),
    /// Print miniweave.json's JSON schema, for editors (`miniweave schema >
    /// miniweave.schema.json` refreshes the copy `miniweave new` writes).
    Schema,
    /// Build for WeChat (release) and upload it as a development version through
    /// miniprogram-ci, which must be installed in the project (`npm i -D miniprogram-ci`).
    Upload(UploadArgs),
    /// Build for WeChat (release) and write a preview QR code through miniprogram-ci.
    Preview(PreviewArgs),
    /// Speak the Node API's JSON protocol on stdin and stdout (the npm package's `build`,
    /// `check` and `watch` drive this; docs/node-api.md describes it).
    Serve,
    /// Print a completion script for a shell (bash, zsh, fish, powershell, elvish), to source
    /// from the shell's startup file.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// What `upload` and `preview` share.
#[derive(Args, Debug)]
pub struct CiArgs {
    /// The project folder: it holds miniweave.json, or is a WeChat project.
    #[arg(default_value = ".")]
    pub project: PathBuf,

    /// The WeChat app id [default: wechat.appid in miniweave.json, or an existing project's].
    #[arg(long)]
    pub appid: Option<String>,

    /// The upload key file from the WeChat admin console [default:
    /// wechat.upload.privateKeyPath in miniweave.json].
    #[arg(long, value_name = "FILE")]
    pub private_key: Option<PathBuf>,

    /// The description shown with the version [default: wechat.upload.desc, else "uploaded by
    /// miniweave"].
    #[arg(long)]
    pub desc: Option<String>,

    /// The CI robot, 1 to 30 [default: wechat.upload.robot, else 1].
    #[arg(long)]
    pub robot: Option<u8>,

    /// Compile-time constant, as for build; repeat for more.
    #[arg(long = "define", short = 'D', value_name = "KEY=VALUE", value_parser = parse_define)]
    pub defines: Vec<(String, Value)>,

    /// Output folder, as for build.
    #[arg(long, short, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Build and let miniprogram-ci read and check the output offline, but send nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Args, Debug)]
pub struct UploadArgs {
    #[command(flatten)]
    pub ci: CiArgs,

    /// The version to upload [default: wechat.upload.version, else package.json's version].
    #[arg(long = "version", value_name = "VERSION")]
    pub upload_version: Option<String>,
}

#[derive(Args, Debug)]
pub struct PreviewArgs {
    #[command(flatten)]
    pub ci: CiArgs,

    /// Where to write the preview QR code (PNG).
    #[arg(long, value_name = "FILE", default_value = "preview-qrcode.png")]
    pub qrcode: PathBuf,
}

#[derive(Args, Debug)]
pub struct NewArgs {
    /// The folder to create the app in.
    #[arg(default_value = "my-miniapp")]
    pub dir: PathBuf,

    /// basic: `.mini` files (a page, a component, an #if block); ts: the same in TypeScript,
    /// with a tsconfig.json for WeChat's API types; native: WeChat's own files.
    #[arg(long, default_value = "basic", value_parser = ["basic", "ts", "native"])]
    pub template: String,
}

#[derive(Args, Debug)]
pub struct CommonArgs {
    /// The project folder: it holds miniweave.json, or is a WeChat project.
    #[arg(default_value = ".")]
    pub project: PathBuf,

    /// Targets, comma-separated: wechat, alipay, weibo, or all [default: miniweave.json's
    /// `targets`, else all].
    #[arg(long, short, value_delimiter = ',', value_parser = parse_target_list)]
    pub target: Vec<Vec<Target>>,

    /// Compile-time constant for `#if` and `process.env.KEY` (the value is JSON, or else a
    /// string; `-D FLAG` alone is FLAG=true); repeat for more. Overrides `define` in
    /// miniweave.json.
    #[arg(long = "define", short = 'D', value_name = "KEY=VALUE", value_parser = parse_define)]
    pub defines: Vec<(String, Value)>,

    /// What a platform gap is: error, or warn (a warning, and a run-time stub that logs the
    /// gap and fails the call). Overrides `platformGaps` in miniweave.json [default: error].
    #[arg(long, value_name = "POLICY", value_parser = ["error", "warn"])]
    pub gaps: Option<String>,

    /// A production build: NODE_ENV is "production", output is minified, no source maps, and
    /// a package over its size limit fails the target.
    #[arg(long)]
    pub release: bool,

    /// The most diagnostics to report (at most 50 of one file); 0 reports all. The rest are
    /// counted in an "and N more" line.
    #[arg(long, value_name = "N", default_value_t = miniweave::DEFAULT_MAX_DIAGNOSTICS)]
    pub max_diagnostics: usize,

    /// Print each target's packages: bytes, share of the limit, and the heaviest files and npm
    /// packages.
    #[arg(long)]
    pub report: bool,

    /// Write the size report as JSON to FILE (targets → packages → files, and npm packages
    /// summed), for CI dashboards.
    #[arg(long, value_name = "FILE")]
    pub report_json: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct BuildArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    /// Output folder (overrides `outDir`; default dist). Each target goes to <DIR>/<target>/.
    #[arg(long, short, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Fail at once (exit 2) when another process is writing the same output folder, instead
    /// of waiting for it.
    #[arg(long)]
    pub no_wait: bool,
}

impl BuildArgs {
    /// What `build` and `watch` build.
    pub fn options(&self) -> miniweave::BuildOptions {
        let mut o = miniweave::BuildOptions::new(&self.common.project).release(self.common.release);
        o.targets = self.common.targets();
        o.out_dir = self.out.clone();
        o.defines = self.common.defines.clone();
        o.gaps = self.common.gaps();
        o.max_diagnostics = Some(self.common.max_diagnostics);
        o.wait = !self.no_wait;
        o
    }
}

impl CommonArgs {
    /// `--gaps`, parsed (clap has checked the value).
    pub fn gaps(&self) -> Option<miniweave::GapPolicy> {
        self.gaps.as_deref().and_then(|g| g.parse().ok())
    }

    /// The targets given, deduplicated in order; `None` when none were given.
    pub fn targets(&self) -> Option<Vec<Target>> {
        let mut out: Vec<Target> = Vec::new();
        for t in self.target.iter().flatten() {
            if !out.contains(t) {
                out.push(*t);
            }
        }
        (!out.is_empty()).then_some(out)
    }
}

fn parse_target_list(s: &str) -> Result<Vec<Target>, String> {
    match s.trim() {
        "all" => Ok(Target::ALL.to_vec()),
        name => name.parse::<Target>().map(|t| vec![t]),
    }
}

fn parse_define(s: &str) -> Result<(String, Value), String> {
    // `-D FLAG` alone means FLAG=true, as compilers read it.
    let (key, value) = s.split_once('=').unwrap_or((s, "true"));
    let key = key.trim();
    if key.is_empty() {
        return Err("the key before `=` is empty".into());
    }
    let value = serde_json::from_str(value).unwrap_or_else(|_| Value::String(value.to_string()));
    Ok((key.to_string(), value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defines_are_json_or_strings() {
        assert_eq!(parse_define("DEBUG=true").unwrap(), ("DEBUG".into(), Value::Bool(true)));
        assert_eq!(parse_define("API=https://x").unwrap(), ("API".into(), Value::String("https://x".into())));
        assert_eq!(parse_define("FLAG").unwrap(), ("FLAG".into(), Value::Bool(true)));
        assert!(parse_define("=1").is_err());
    }

    #[test]
    fn target_lists() {
        assert_eq!(parse_target_list("all").unwrap().len(), 3);
        assert!(parse_target_list("baidu").is_err());
    }
}
