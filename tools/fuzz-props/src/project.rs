//! The whole-project target: the fuzzer's bytes become a small project (each file a slice
//! of the input), built for every target into a fresh output folder, twice.

use std::fs;
use std::path::Path;

use miniweave::{BuildError, BuildOptions, Target, build};

/// The files a project is cut into, in order; the input is split at `\x00` bytes.
const FILES: &[&str] = &[
    "src/pages/index/index.mini",
    "src/app.mini",
    "src/components/card/card.mini",
    "src/utils/util.js",
    "src/styles/common.wxss",
    "src/templates/item.wxml",
    "miniweave.json",
];

/// Builds the project the bytes describe; checks that output lands only under the output
/// folder, that a failed target writes nothing, and that two builds write the same bytes.
pub fn project(data: &[u8]) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path().join("project");
    let parts: Vec<&[u8]> = data.split(|b| *b == 0).collect();
    for (i, name) in FILES.iter().enumerate() {
        let bytes = parts.get(i).copied().unwrap_or_default();
        let bytes: Vec<u8> = if i == 1 && bytes.is_empty() {
            br#"<config>{ "pages": ["pages/index/index"], "usingComponents": { "card": "/components/card/card" } }</config>"#.to_vec()
        } else {
            bytes.to_vec()
        };
        let path = root.join(name);
        fs::create_dir_all(path.parent().expect("a parent")).expect("a folder");
        fs::write(path, bytes).expect("a file");
    }
    let before = listing(dir.path());
    let out = dir.path().join("out");
    let options = BuildOptions::new(&root).targets(Target::ALL).out_dir(&out);
    let first = build(&options);
    let written = snapshot(&out);
    // Nothing outside the output folder changed: the project's files are all there is.
    let after: Vec<String> = listing(dir.path()).into_iter().filter(|p| !p.starts_with("out/")).collect();
    assert_eq!(before, after, "a build writes only under its output folder");
    match &first {
        Ok(_) => {}
        Err(BuildError::Project(_)) => assert!(written.is_empty(), "a failed build writes nothing: {written:?}"),
        Err(BuildError::Partial { failed, .. }) => {
            for t in failed {
                let prefix = format!("{}/", t.name());
                assert!(!written.iter().any(|(p, _)| p.starts_with(&prefix)), "failed {} wrote files", t.name());
            }
        }
        Err(BuildError::Usage(_) | BuildError::Io { .. }) => {}
    }
    // The same sources, built again into a fresh folder: the same bytes.
    let again = dir.path().join("again");
    let second = build(&BuildOptions::new(&root).targets(Target::ALL).out_dir(&again));
    assert_eq!(first.is_ok(), second.is_ok(), "the same project builds the same way");
    let rewritten = snapshot(&again);
    let strip = |s: Vec<(String, Vec<u8>)>| -> Vec<(String, Vec<u8>)> {
        s.into_iter().filter(|(p, _)| !p.starts_with(".miniweave/")).collect()
    };
    assert!(strip(written) == strip(rewritten), "two builds of the same sources write the same bytes");
}

fn listing(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    walk(dir, dir, &mut |rel, _| out.push(rel));
    out.sort();
    out
}

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    walk(dir, dir, &mut |rel, path| {
        if !rel.ends_with(".lock") {
            out.push((rel, fs::read(path).unwrap_or_default()));
        }
    });
    out.sort();
    out
}

fn walk(root: &Path, dir: &Path, each: &mut dyn FnMut(String, &Path)) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(root, &path, each);
        } else {
            let rel = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            each(rel, &path);
        }
    }
}
