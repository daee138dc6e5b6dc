//! A build killed at any moment (SIGKILL while writing) may leave a mixture, but the next
//! build repairs it (issue 15): the intent manifest written before the first file lists the
//! old output and the new, so the next build removes what its output lacks and the
//! temporary files left behind, and ends byte-identical to a clean build.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{copy_fixture, miniweave, output_snapshot};

fn build_args(out: &Path) -> Vec<String> {
    let out = out.display().to_string();
    ["build", ".", "--out", &out, "--quiet", "--target", "wechat,alipay"].map(String::from).to_vec()
}

/// Puts variant `name`'s assets in `src/static`: 120 files of 40 KB, named after the variant,
/// so that going from one variant to the other writes 10 MB and removes as many files.
fn use_variant(root: &Path, name: char) {
    let folder = root.join("src/static");
    if folder.exists() {
        let current = if folder.join("a-0.png").exists() { 'a' } else { 'b' };
        if current == name {
            return;
        }
        std::fs::rename(&folder, root.join(format!("static-{current}"))).unwrap();
    }
    let parked = root.join(format!("static-{name}"));
    if parked.exists() {
        std::fs::rename(parked, &folder).unwrap();
        return;
    }
    std::fs::create_dir_all(&folder).unwrap();
    let mut state = name as u64;
    for i in 0..120 {
        let bytes: Vec<u8> = (0..40_000)
            .map(|_| {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (state >> 56) as u8
            })
            .collect();
        std::fs::write(folder.join(format!("{name}-{i}.png")), bytes).unwrap();
    }
}

#[test]
#[cfg(unix)]
fn a_build_killed_at_random_points_is_repaired_by_the_next_one_50_times() {
    let project = copy_fixture("showcase");
    let root = project.path();
    let mut clean = Vec::new();
    let mut quickest = Duration::MAX;
    for variant in ['a', 'b'] {
        use_variant(root, variant);
        let out = root.join(format!("clean-{variant}"));
        let started = Instant::now();
        let built = miniweave(&build_args(&out).iter().map(String::as_str).collect::<Vec<_>>(), root);
        quickest = quickest.min(started.elapsed());
        assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
        clean.push(output_snapshot(&out));
    }
    let out = root.join("dist-killed");
    // A fixed sequence of delays (a linear congruential generator) spread over the time a
    // build takes on this machine: from before the first write to the manifest at the end.
    let span = quickest.as_millis().max(20) as u64;
    let mut seed: u64 = 0x5eed;
    let mut interrupted = 0;
    let mut state = 'a';
    use_variant(root, state);
    let built = miniweave(&build_args(&out).iter().map(String::as_str).collect::<Vec<_>>(), root);
    assert!(built.status.success());
    for round in 0..50 {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let delay = Duration::from_millis((seed >> 33) % span);
        // The killed build heads for the other variant; the repair goes back (the killed
        // build's files are then stale) or, every third round, finishes the move.
        let killed = if state == 'a' { 'b' } else { 'a' };
        let repair = if round % 3 == 0 { killed } else { state };
        state = repair;
        use_variant(root, killed);
        let mut child = Command::new(env!("CARGO_BIN_EXE_miniweave"))
            .args(build_args(&out))
            .current_dir(root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        if child.try_wait().unwrap().is_none() {
            interrupted += 1;
        }
        let _ = child.kill();
        let _ = child.wait();
        use_variant(root, repair);
        let built = miniweave(&build_args(&out).iter().map(String::as_str).collect::<Vec<_>>(), root);
        assert!(built.status.success(), "round {round}: {}", String::from_utf8_lossy(&built.stderr));
        let now = output_snapshot(&out);
        let expected = &clean[usize::from(repair == 'b')];
        let names = |s: &[(String, Vec<u8>)]| s.iter().map(|(f, _)| f.clone()).collect::<Vec<_>>();
        assert_eq!(names(&now), names(expected), "round {round} (killed after {delay:?}): the same files");
        assert!(now == *expected, "round {round} (killed after {delay:?}): the same bytes");
    }
    assert!(interrupted >= 25, "most builds were killed part-way ({interrupted} of 50)");
}
