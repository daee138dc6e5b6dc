//! `cargo bench --bench watch`: cold builds and session updates of generated apps
//! (`miniweave-gen`, ANCHORS.md §5.1's app) for all three targets, printed as the Markdown
//! tables the README quotes.
//!
//! An update is timed from just after the edit is written to `Session::update` returning,
//! which is after every changed file and the manifest are on disk; `miniweave watch` adds
//! its debounce window (15 ms) on top. Edits alternate between two texts, 20 per kind.

use std::path::Path;
use std::time::Instant;

use miniweave::{BuildOptions, Session, Target, build};

const EDITS: usize = 20;

fn median_p95(values: &mut [f64]) -> (f64, f64) {
    values.sort_by(|a, b| a.total_cmp(b));
    let p95 = values[((values.len() as f64 * 0.95).ceil() as usize).saturating_sub(1).min(values.len() - 1)];
    (values[values.len() / 2], p95)
}

/// Times `EDITS` updates after replacing `from` with `to` (and back) in `file`.
fn time_edits(session: &mut Session, file: &Path, from: &str, to: &str) -> (f64, f64) {
    let original = std::fs::read_to_string(file).expect("the file exists");
    assert!(original.contains(from), "{} has {from:?}", file.display());
    let mut times = Vec::new();
    for i in 0..EDITS {
        let text = if i % 2 == 0 { original.replacen(from, to, 1) } else { original.clone() };
        std::fs::write(file, text).expect("the edit is written");
        let t = Instant::now();
        if let Err(e) = session.update(&[file.to_path_buf()]) {
            panic!("the update builds: {e}");
        }
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    median_p95(&mut times)
}

fn main() {
    let sizes: Vec<usize> = std::env::var("MINIWEAVE_BENCH_PAGES")
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.parse().ok()).collect())
        .unwrap_or_else(|| vec![4, 100, 300, 1000]);
    println!(
        "| pages | cold build, 3 targets (median of 5) | page template | page script | page style | shared component | shared util |"
    );
    println!("|---|---|---|---|---|---|---|");
    for n in sizes {
        let dir = tempfile::tempdir().expect("a temporary folder");
        miniweave_gen::generate(n, dir.path()).expect("the app is written");
        let options = BuildOptions::new(dir.path()).targets(Target::ALL);
        let mut cold = Vec::new();
        for _ in 0..5 {
            let _ = std::fs::remove_dir_all(dir.path().join("dist"));
            let t = Instant::now();
            build(&options).unwrap_or_else(|e| panic!("the {n}-page app builds: {e}"));
            cold.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        let (cold, _) = median_p95(&mut cold);
        let mut session = Session::open(options).expect("the session opens");
        let page = dir.path().join("src/pages/p0/p0.mini");
        let card = dir.path().join("src/components/card0/card0.mini");
        let util = dir.path().join("src/utils/format.js");
        let cells = [
            time_edits(&mut session, &page, "many taps", "many more taps"),
            time_edits(&mut session, &page, "count * 2", "count + count"),
            time_edits(&mut session, &page, "color: #999;", "color: #888;"),
            time_edits(&mut session, &card, "color: #333;", "color: #444;"),
            time_edits(&mut session, &util, "title.trim()", "String(title).trim()"),
        ];
        let shown: Vec<String> = cells.iter().map(|(m, p)| format!("{m:.1} / {p:.1} ms")).collect();
        println!("| {n} | {cold:.0} ms | {} |", shown.join(" | "));
    }
}
