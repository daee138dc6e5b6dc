//! `cargo bench --bench showcase`: how fast the showcase builds and how much runtime code
//! each target gets, printed as the Markdown table the README quotes.
//!
//! Each configuration is built `RUNS` times into a temporary folder after one warm-up run;
//! the table shows the median and the fastest run. Per-target times are the target's own
//! load-and-emit time (targets build in parallel); "whole build" includes discovery and
//! writing. The showcase's npm packages must be installed (`scripts/build-showcase.sh` does).

use std::path::{Path, PathBuf};
use std::time::Instant;

use miniweave::{BuildOptions, BuildReport, Target, build};

const RUNS: usize = 15;

fn showcase() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/showcase")
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    values[values.len() / 2]
}

struct Measured {
    whole: Vec<f64>,
    per_target: Vec<Vec<f64>>,
    last: BuildReport,
}

fn measure(release: bool) -> Measured {
    let out = tempfile::tempdir().expect("a temporary folder");
    let options = BuildOptions::new(showcase()).targets(Target::ALL).out_dir(out.path()).release(release);
    let run = || build(&options).unwrap_or_else(|e| panic!("the showcase does not build: {e}"));
    run();
    let mut whole = Vec::new();
    let mut per_target = vec![Vec::new(); Target::ALL.len()];
    let mut last = None;
    for _ in 0..RUNS {
        let t0 = Instant::now();
        let report = run();
        whole.push(t0.elapsed().as_secs_f64() * 1000.0);
        for (i, t) in report.targets.iter().enumerate() {
            per_target[i].push(t.millis);
        }
        last = Some(report);
    }
    Measured { whole, per_target, last: last.expect("at least one run") }
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

fn main() {
    assert!(
        showcase().join("node_modules/@vant/weapp").is_dir(),
        "install the showcase's packages first: scripts/build-showcase.sh (or npm ci in fixtures/showcase)"
    );
    println!("| build | target | time (median / fastest) | output | runtime |");
    println!("|---|---|---|---|---|");
    for release in [false, true] {
        let mut m = measure(release);
        let mode = if release { "`--release`" } else { "development" };
        for (i, t) in m.last.targets.iter().enumerate() {
            let fastest = m.per_target[i].iter().copied().fold(f64::INFINITY, f64::min);
            let med = median(&mut m.per_target[i]);
            println!(
                "| {mode} | {} | {med:.1} ms / {fastest:.1} ms | {} in {} files | {} |",
                t.target.name(),
                kb(t.bytes),
                t.files,
                if t.runtime_bytes == 0 { "0 B".to_string() } else { kb(t.runtime_bytes) }
            );
        }
        let fastest = m.whole.iter().copied().fold(f64::INFINITY, f64::min);
        println!("| {mode} | whole build, 3 targets | {:.1} ms / {fastest:.1} ms | | |", median(&mut m.whole));
    }
}
