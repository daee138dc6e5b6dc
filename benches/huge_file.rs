//! `cargo bench --bench huge_file`: one source file of about 10 MB of each kind (a minified
//! one-line script, a minified one with a syntax error at its end, a data JSON module, a
//! stylesheet, a page template), in an otherwise one-page app built for all three targets,
//! development and release. Prints the Markdown table the README quotes: the build's
//! outcome, its wall time and the peak memory of the process (issue 15's goal: compiled or
//! rejected with a located error within 5 s in development, 20 s in release, and 1 GB).
//!
//! Each build runs in a child process of its own (this bench with `--case`), so the peak
//! memory it reports (Linux's `VmHWM`) is that build's alone.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use miniweave::{BuildError, BuildOptions, Target, build};

/// The size each generated file reaches, in bytes.
const SIZE: usize = 10 << 20;

/// The cases, by the kind of file the generated app holds (see `generate`).
const CASES: &[&str] = &["script", "script-error", "json", "style", "template"];

/// `piece(i)` repeated until the text reaches [`SIZE`].
fn repeat_to_size(piece: impl Fn(usize) -> String) -> String {
    let mut text = String::with_capacity(SIZE + 256);
    let mut i = 0;
    while text.len() < SIZE {
        text += &piece(i);
        i += 1;
    }
    text
}

/// Writes the app for `case` into `dir`.
fn generate(case: &str, dir: &Path) {
    let page_script = match case {
        "script" | "script-error" => {
            "const vendor = require('../../vendor.js');\nPage({ data: { n: vendor.f0(1) } })\n"
        }
        "json" => "const table = require('../../table.json');\nPage({ data: { n: table.rows.length } })\n",
        _ => "Page({ data: { n: 1 } })\n",
    };
    let mut template = String::from("<view>{{n}}</view>\n");
    let mut files: Vec<(&str, String)> = Vec::new();
    match case {
        "script" | "script-error" => {
            let mut code = repeat_to_size(|i| format!("var f{i}=function(a){{return a*{i}+(a>>1)}};"));
            code += "module.exports={f0:f0};";
            if case == "script-error" {
                code += "var broken = ;";
            }
            files.push(("src/vendor.js", code + "\n"));
        }
        "json" => {
            let rows = repeat_to_size(|i| format!("{{\"id\":{i},\"name\":\"row {i}\",\"tags\":[\"a\",\"b\"]}},"));
            files.push(("src/table.json", format!("{{\"rows\":[{}]}}\n", rows.trim_end_matches(','))));
        }
        "style" => {
            let css = repeat_to_size(|i| format!(".c{i} {{ color: #{:06x}; margin: {}rpx; }}\n", i % 0xffffff, i % 97));
            files.push(("src/big.wxss", css));
        }
        "template" => {
            template = repeat_to_size(|i| format!("<view class=\"row r{i}\" data-i=\"{i}\">{{{{n}}}} {i}</view>\n"));
        }
        _ => panic!("unknown case {case}"),
    }
    let app_style = if case == "style" { "@import \"./big.wxss\";\n" } else { "" };
    files.push(("src/app.mini", format!(
        "<config>{{ \"pages\": [\"pages/index/index\"] }}</config>\n<script>App({{}})</script>\n<style>{app_style}</style>\n"
    )));
    files.push((
        "src/pages/index/index.mini",
        format!("<template>\n{template}</template>\n<script>\n{page_script}</script>\n"),
    ));
    for (path, text) in files {
        let full = dir.join(path);
        std::fs::create_dir_all(full.parent().expect("a parent folder")).expect("a folder");
        std::fs::write(full, text).expect("the file is written");
    }
}

/// The peak resident memory of this process, in bytes (Linux; 0 elsewhere).
fn peak_memory() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

/// One build, in this process: prints `seconds peak-bytes outcome` on one line.
fn run_case(case: &str, release: bool) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    generate(case, dir.path());
    let options = BuildOptions::new(dir.path()).targets(Target::ALL).release(release);
    let started = Instant::now();
    let result = build(&options);
    let seconds = started.elapsed().as_secs_f64();
    let outcome = match result {
        Ok(report) => {
            let bytes: u64 = report.targets.iter().map(|t| t.bytes).sum();
            format!("built, {:.1} MB written", bytes as f64 / (1 << 20) as f64)
        }
        Err(BuildError::Project(d) | BuildError::Partial { diagnostics: d, .. }) => {
            let first = d.iter().find(|d| d.is_error()).map(|d| d.to_string()).unwrap_or_default();
            // The located error, without the message's tail.
            format!("error: {}", first.split(": ").take(2).collect::<Vec<_>>().join(": "))
        }
        Err(other) => format!("failed: {other}"),
    };
    println!("{seconds:.3} {} {outcome}", peak_memory());
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--case") {
        run_case(&args[i + 1], args.get(i + 2).is_some_and(|m| m == "release"));
        return;
    }
    let me = std::env::current_exe().expect("this bench's path");
    let mut table = String::from("| file (10 MB) | build | outcome | time | peak memory |\n|---|---|---|---|---|\n");
    for case in CASES {
        for mode in ["development", "release"] {
            let out = Command::new(&me).args(["--case", case, mode]).output().expect("the bench runs itself");
            let line = String::from_utf8_lossy(&out.stdout);
            let mut parts = line.trim().splitn(3, ' ');
            let (Some(secs), Some(peak), Some(outcome)) = (parts.next(), parts.next(), parts.next()) else {
                panic!("{case} {mode}: {}{}", line, String::from_utf8_lossy(&out.stderr));
            };
            let peak: f64 = peak.parse::<f64>().unwrap_or(0.0) / (1 << 20) as f64;
            let _ = writeln!(table, "| {case} | {mode} | {outcome} | {secs} s | {peak:.0} MB |");
        }
    }
    print!("{table}");
}
