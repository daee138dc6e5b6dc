//! A mutation campaign on stable Rust, the way issue 15's 37,000 runs were made: every fuzz
//! target over mutations of the fixtures' files, each input run under `catch_unwind`, every
//! failing input saved for `fuzz/regressions/`.
//!
//!   cargo run --release -p miniweave-fuzz-props --bin campaign -- ROUNDS [SEED] [TARGET]
//!
//! ROUNDS per parser target (the whole-project target gets a twentieth); prints, per target,
//! the inputs run and the failures, saved under target/fuzz-campaign/.

use std::path::Path;
use std::time::Instant;

use miniweave_fuzz_props::{Rng, TARGETS, mutate};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rounds: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let seed: u64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1);
    let only = args.get(2).cloned();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let seeds = miniweave_fuzz_props::seeds(&repo);
    let saved = repo.join("target/fuzz-campaign");
    // The failures are reported here, once each, not by the panic hook.
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng::new(seed);
    let mut total = 0;
    for (name, target) in TARGETS.iter().filter(|(n, _)| only.as_deref().is_none_or(|o| o == *n)) {
        let runs = if *name == "project" { rounds / 20 } else { rounds };
        let started = Instant::now();
        let mut failures = 0;
        for i in 0..runs {
            let input = mutate(&seeds[rng.below(seeds.len())], &seeds, &mut rng);
            if std::panic::catch_unwind(|| target(&input)).is_err() {
                failures += 1;
                let file = saved.join(format!("{name}-{seed}-{i}"));
                let _ = std::fs::create_dir_all(&saved);
                let _ = std::fs::write(&file, &input);
                eprintln!("{name}: input {i} failed, saved as {}", file.display());
            }
        }
        total += failures;
        println!("{name}: {runs} inputs, {failures} failures, {:.1} s", started.elapsed().as_secs_f64());
    }
    std::process::exit(if total == 0 { 0 } else { 1 });
}
