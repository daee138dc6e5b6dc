//! `miniweave upload` and `miniweave preview`: a release build of the WeChat target, handed
//! to miniprogram-ci (WeChat's own upload tool, a Node library the user installs) by a small
//! script run with `node` (upload/ci.js). Settings come from flags, else `wechat.upload` in
//! miniweave.json; `--dry-run` stops before the network and lets miniprogram-ci check the
//! output offline instead.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use miniweave::{BuildError, BuildOptions, Target, render_diagnostics_from, upload_settings};
use serde_json::{Value, json};

use crate::args::CiArgs;
use crate::summary::{print_summary, print_warnings};

const SCRIPT: &str = include_str!("upload/ci.js");

/// Where to get an upload key, said wherever one is missing.
const KEY_HELP: &str = "download it from mp.weixin.qq.com under Development → Development settings → Mini \
program code upload, where this machine's IP must also be whitelisted";

#[derive(Clone, Copy, PartialEq)]
pub enum Action {
    Upload,
    Preview,
}

fn fail(message: String) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

pub fn run(action: Action, args: &CiArgs, version: Option<&str>, qrcode: Option<&Path>, color: bool) -> ExitCode {
    let mut options = BuildOptions::new(&args.project).targets([Target::Wechat]).release(true);
    options.out_dir = args.out.clone();
    options.defines = args.defines.clone();
    let settings = match upload_settings(&options) {
        Ok(s) => s,
        Err(e) => return build_failed(&e, color, &args.project),
    };
    let Some(key) = args.private_key.clone().or(settings.private_key) else {
        return fail(format!(
            "no upload key: give --private-key FILE or set wechat.upload.privateKeyPath in miniweave.json ({KEY_HELP})"
        ));
    };
    if !key.is_file() {
        return fail(format!("the upload key `{}` does not exist ({KEY_HELP})", key.display()));
    }
    let version = match (action, version.map(str::to_string).or(settings.version)) {
        (Action::Preview, v) => v,
        (Action::Upload, Some(v)) => Some(v),
        (Action::Upload, None) => match package_version(&settings.root) {
            Some(v) => Some(v),
            None => {
                return fail(
                    "no version to upload: give --version, or set wechat.upload.version in miniweave.json or \
                     `version` in package.json"
                        .into(),
                );
            }
        },
    };
    let robot = args.robot.or(settings.robot).unwrap_or(1);
    if !(1..=30).contains(&robot) {
        return fail(format!("robot {robot} does not exist: miniprogram-ci's robots are 1 to 30"));
    }
    let desc = args.desc.clone().or(settings.desc).unwrap_or_else(|| "uploaded by miniweave".into());

    let report = match miniweave::build(&options) {
        Ok(r) => r,
        Err(e) => return build_failed(&e, color, &args.project),
    };
    print_warnings(&report.warnings, color, &args.project, false);
    print_summary(&report, true, false);
    let out = report.targets[0].out_dir.clone();
    let appid = args.appid.clone().or_else(|| emitted_appid(&out)).or(settings.appid);
    let appid = match appid {
        Some(id) if id != "touristappid" => id,
        _ if args.dry_run => "touristappid".to_string(),
        _ => return fail("no app id: give --appid or set wechat.appid in miniweave.json".into()),
    };

    let job = json!({
        "action": if action == Action::Upload { "upload" } else { "preview" },
        "root": settings.root,
        "projectPath": out,
        "appid": appid,
        "privateKeyPath": key,
        "version": version,
        "desc": desc,
        "robot": robot,
        "qrcode": qrcode.map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("preview-qrcode.png")),
        "dryRun": args.dry_run,
    });
    let child = Command::new("node")
        .arg("-e")
        .arg(SCRIPT)
        .arg(job.to_string())
        .current_dir(&settings.root)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .output();
    let output = match child {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return fail("`node` is not on PATH: miniprogram-ci, which uploads to WeChat, runs in Node.js".into());
        }
        Err(e) => return fail(format!("cannot run node: {e}")),
    };
    match output.status.code() {
        Some(0) => {}
        Some(3) => {
            return fail(format!(
                "miniprogram-ci is not installed in `{}`: run `npm i -D miniprogram-ci` there (miniweave hands \
                 the WeChat output to WeChat's own upload tool)",
                settings.root.display()
            ));
        }
        _ => {
            eprintln!("error: miniprogram-ci failed (its message is above); nothing was uploaded");
            return ExitCode::from(1);
        }
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let result: Value = stdout.lines().last().and_then(|l| serde_json::from_str(l).ok()).unwrap_or_default();
    let shown = out.strip_prefix(&settings.root).unwrap_or(&out).display().to_string();
    if args.dry_run {
        let checks = result["checks"].as_array().cloned().unwrap_or_default();
        let failed: Vec<&str> =
            checks.iter().filter(|c| c["success"] == json!(false)).filter_map(|c| c["name"].as_str()).collect();
        println!(
            "dry run: miniprogram-ci read {shown} as {appid} and ran {} checks{}; nothing was {}",
            checks.len(),
            if failed.is_empty() {
                String::new()
            } else {
                format!(" ({} not passed: {})", failed.len(), failed.join(", "))
            },
            if action == Action::Upload { "uploaded" } else { "previewed" }
        );
    } else if action == Action::Upload {
        println!("uploaded {shown} to {appid} as version {} (robot {robot})", version.unwrap_or_default());
    } else {
        println!("preview QR code written to {}", job["qrcode"].as_str().unwrap_or_default());
    }
    ExitCode::SUCCESS
}

fn build_failed(error: &BuildError, color: bool, project: &Path) -> ExitCode {
    if let BuildError::Project(d) | BuildError::Partial { diagnostics: d, .. } = error {
        eprint!("{}", render_diagnostics_from(&d.with_repeats_collapsed(), color, project));
    }
    eprintln!("error: {error}; nothing was uploaded");
    ExitCode::from(error.exit_code() as u8)
}

/// The app id the WeChat output's project.config.json holds (an existing WeChat project's own).
fn emitted_appid(out: &Path) -> Option<String> {
    let text = std::fs::read_to_string(out.join("project.config.json")).ok()?;
    let value: Value = serde_json::from_str(&text).ok()?;
    value["appid"].as_str().filter(|s| !s.is_empty()).map(str::to_string)
}

fn package_version(root: &Path) -> Option<String> {
    let text = std::fs::read_to_string(root.join("package.json")).ok()?;
    let value: Value = serde_json::from_str(&text).ok()?;
    value["version"].as_str().map(str::to_string)
}
