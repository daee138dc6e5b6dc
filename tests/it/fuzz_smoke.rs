//! The fuzz targets' smoke run on stable Rust (issue 15): every target of fuzz/ over a fixed
//! sequence of mutations of the fixtures' files, checking the same properties as the long
//! cargo-fuzz runs (tools/fuzz-props). A crash found by fuzzing becomes a case in
//! `fuzz/regressions/`, which this run replays first.

use crate::support::repo;

fn seeds() -> Vec<Vec<u8>> {
    let seeds = miniweave_fuzz_props::seeds(&repo());
    assert!(seeds.len() > 50, "{} seeds", seeds.len());
    seeds
}

#[test]
fn the_regressions_found_by_fuzzing_stay_fixed() {
    let dir = repo().join("fuzz/regressions");
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        // `<target>-<what>`: replayed through that target.
        let name = entry.file_name().to_string_lossy().to_string();
        let target = miniweave_fuzz_props::TARGETS
            .iter()
            .find(|(t, _)| name.starts_with(&format!("{t}-")))
            .unwrap_or_else(|| panic!("{name} names no fuzz target"));
        (target.1)(&std::fs::read(entry.path()).unwrap());
    }
}

#[test]
fn every_fuzz_target_survives_a_fixed_run_of_mutations() {
    let counts = miniweave_fuzz_props::smoke(&seeds(), 1000, 0x6d69_6e69_7765_6176, None);
    assert_eq!(counts.len(), miniweave_fuzz_props::TARGETS.len());
    assert!(counts.iter().all(|(_, n)| *n >= 50), "{counts:?}");
}
