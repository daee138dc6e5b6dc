//! `cargo bench --bench size`: the package sizes of the generated benchmark app (the
//! anchors' app of ANCHORS.md §5.1, from `miniweave-gen`), release, per target, printed as
//! the Markdown table the README quotes, with the runtime miniweave adds.

use miniweave::{BuildOptions, Target, build, human_bytes};

fn main() {
    let pages = [4usize, 100, 300];
    println!("| pages | target | main package | largest subpackage | total | runtime |");
    println!("|---|---|---|---|---|---|");
    for n in pages {
        let dir = tempfile::tempdir().expect("a temporary folder");
        miniweave_gen::generate(n, dir.path()).expect("the generated app is written");
        let report = build(&BuildOptions::new(dir.path()).targets(Target::ALL).release(true).check_only())
            .unwrap_or_else(|e| panic!("the generated {n}-page app builds: {e}"));
        for t in &report.targets {
            let size = &t.size;
            println!(
                "| {n} | {} | {} | {} | {} | {} |",
                t.target.display_name(),
                human_bytes(size.main().bytes),
                size.largest_subpackage().map_or("none".to_string(), |s| human_bytes(s.bytes)),
                human_bytes(size.total),
                human_bytes(t.runtime_bytes),
            );
        }
    }
}
