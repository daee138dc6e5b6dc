//! Writing one target's output folder (ARCHITECTURE.md "Writing").
//!
//! The folder is brought to exactly the emitted set: files whose bytes changed are written
//! (through a temporary file and a rename, so an IDE watching the folder never reads half a
//! file), files the previous build wrote and this one did not are deleted, and nothing else
//! in the folder is touched. The list of files a build wrote is kept in a manifest beside the
//! target folders, `<outDir>/.miniweave/<target>.json`, so the target folder holds only what
//! the platform should see. The manifest also keeps a hash of each file as written, so a
//! file edited by hand in the output is named when a build restores it, and what the
//! previous build emitted as the IDE's project file, which the IDE's own edits are merged
//! with (`settings_merge`).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use miniweave_targets::Emitted;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::settings_merge;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WriteStats {
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
    /// Files changed in the output since the previous build (by hand, or by another tool)
    /// that this build put back, relative to the target folder.
    pub restored: Vec<String>,
    /// The files written and removed, relative to the target folder.
    pub written_files: Vec<String>,
    pub removed_files: Vec<String>,
}

#[derive(Debug)]
pub struct WriteError {
    pub message: String,
    /// Files written before the failure.
    pub written: Vec<PathBuf>,
}

#[derive(Serialize, Deserialize, Default)]
struct Manifest {
    generator: String,
    files: Vec<String>,
    /// The xxh3 hash of each file as written, in hex.
    #[serde(default)]
    hashes: BTreeMap<String, String>,
    /// The IDE project file as this build emitted it, before the IDE's edits were merged in.
    #[serde(default)]
    settings: Option<Value>,
}

fn hash(bytes: &[u8]) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes))
}

/// Whether an emitted path is a plain relative path that stays inside its folder.
fn is_safe(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && !path.contains(':')
        && path.split('/').all(|part| !part.is_empty() && part != "." && part != "..")
}

fn manifest_path(out_dir: &Path, target: &str) -> PathBuf {
    out_dir.join(".miniweave").join(format!("{target}.json"))
}

/// Writes `emitted` into `out_dir/<target>/`.
pub fn write_target(out_dir: &Path, emitted: &Emitted) -> Result<WriteStats, WriteError> {
    let target = emitted.target.name();
    let dir = out_dir.join(target);
    let mut written = Vec::new();
    let fail = |message: String, written: &Vec<PathBuf>| WriteError { message, written: written.clone() };
    fs::create_dir_all(&dir)
        .map_err(|e| fail(format!("cannot create `{}`: {e}{}", dir.display(), hint(&e)), &written))?;
    let manifest_file = manifest_path(out_dir, target);
    let previous: Manifest =
        fs::read(&manifest_file).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default();
    let mut stats = WriteStats::default();
    let mut hashes = BTreeMap::new();
    let mut settings_emitted = None;
    for (path, file) in &emitted.files {
        if !is_safe(path) {
            return Err(fail(
                format!("refusing to write `{path}`: it would land outside `{}`", dir.display()),
                &written,
            ));
        }
        let full = dir.join(path);
        let on_disk = fs::read(&full).ok();
        let mut bytes = file.bytes.as_slice();
        let merged;
        if let Some(settings) = emitted.settings.filter(|s| s.path == path) {
            let emitted_value: Option<Value> = serde_json::from_slice(bytes).ok();
            let disk_value: Option<Value> = on_disk.as_deref().and_then(|b| serde_json::from_slice(b).ok());
            if let Some(value) = &emitted_value {
                let result = settings_merge::merge(&settings, value, previous.settings.as_ref(), disk_value.as_ref());
                if result != *value {
                    let mut text = serde_json::to_string_pretty(&result).unwrap_or_default();
                    text.push('\n');
                    merged = text.into_bytes();
                    bytes = &merged;
                }
            }
            settings_emitted = emitted_value;
        } else if let (Some(old), Some(was)) = (&on_disk, previous.hashes.get(path)) {
            if old.as_slice() != bytes && hash(old) != *was {
                stats.restored.push(path.clone());
            }
        }
        hashes.insert(path.clone(), hash(bytes));
        if on_disk.as_deref() == Some(bytes) {
            stats.unchanged += 1;
            continue;
        }
        write_atomically(&full, bytes)
            .map_err(|e| fail(format!("cannot write `{}`: {e}{}", full.display(), hint(&e)), &written))?;
        written.push(full);
        stats.written += 1;
        stats.written_files.push(path.clone());
    }
    let current: BTreeSet<&str> = emitted.files.keys().map(String::as_str).collect();
    for stale in previous.files.iter().filter(|p| !current.contains(p.as_str()) && is_safe(p)) {
        let full = dir.join(stale);
        match fs::remove_file(&full) {
            Ok(()) => {
                stats.removed += 1;
                stats.removed_files.push(stale.clone());
                remove_empty_parents(&full, &dir);
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(fail(format!("cannot remove `{}`: {e}{}", full.display(), hint(&e)), &written));
            }
        }
    }
    let manifest = Manifest {
        generator: "miniweave".into(),
        files: emitted.files.keys().cloned().collect(),
        hashes,
        settings: settings_emitted,
    };
    let bytes = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
    write_atomically(&manifest_file, &bytes)
        .map_err(|e| fail(format!("cannot write `{}`: {e}{}", manifest_file.display(), hint(&e)), &written))?;
    Ok(stats)
}

/// What to do about a failed write: a file is locked or read-only most often because an IDE
/// or another program has the output folder open (Windows refuses to replace a file another
/// process holds).
fn hint(e: &io::Error) -> &'static str {
    match e.kind() {
        io::ErrorKind::PermissionDenied | io::ErrorKind::ResourceBusy | io::ErrorKind::ReadOnlyFilesystem => {
            "; the folder may be open in another program (an IDE, a file watcher): close it, check the folder's permissions, or build into another folder with --out"
        }
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => "; free some disk space and build again",
        _ => "",
    }
}

fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    let mut temp = path.as_os_str().to_owned();
    temp.push(".miniweave-tmp");
    let temp = PathBuf::from(temp);
    fs::write(&temp, bytes)?;
    fs::rename(&temp, path).inspect_err(|_| {
        let _ = fs::remove_file(&temp);
    })
}

/// Removes folders left empty by a deletion, up to (not including) `root`.
fn remove_empty_parents(file: &Path, root: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == root || !d.starts_with(root) || fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_write_says_the_folder_may_be_open_elsewhere() {
        assert!(hint(&io::Error::from(io::ErrorKind::PermissionDenied)).contains("open in another program"));
        assert!(hint(&io::Error::from(io::ErrorKind::StorageFull)).contains("disk space"));
        assert_eq!(hint(&io::Error::from(io::ErrorKind::NotFound)), "");
    }

    #[test]
    fn unsafe_paths_are_refused() {
        assert!(is_safe("pages/a/a.wxml"));
        for bad in ["", "/etc/passwd", "../x", "a/../../x", "a//b", "C:\\x", "a/./b"] {
            assert!(!is_safe(bad), "{bad}");
        }
    }
}
