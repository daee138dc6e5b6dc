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

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use miniweave_targets::Emitted;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::output_lock::lock_target;
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
    /// Set while a build writes (the intent manifest): `files` then lists the old output and
    /// the new together. A build that finds it set knows the last writer died part-way (a
    /// SIGKILL, a power cut): it removes what its own output lacks from that list, and the
    /// temporary files left behind, so it ends where a clean build would.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    writing: bool,
}

fn hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// A hash as the manifest writes it.
fn hex(hash: u64) -> String {
    format!("{hash:016x}")
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

/// What a writer remembers of the files it wrote, so a session's next write need not read
/// them back: a file whose size and modification time are as recorded still holds the
/// recorded bytes. One touched by someone else has another time, and is read and compared.
#[derive(Debug, Default)]
pub struct KnownFiles {
    files: HashMap<String, Known>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Known {
    hash: u64,
    len: u64,
    modified: Option<SystemTime>,
}

impl Known {
    fn of(hash: u64, meta: &fs::Metadata) -> Known {
        Known { hash, len: meta.len(), modified: meta.modified().ok() }
    }
}

/// One emitted file's fate, decided before anything is written.
struct Plan<'a> {
    path: &'a str,
    full: PathBuf,
    /// The bytes to have on disk (the IDE project file merged with the IDE's edits).
    bytes: std::borrow::Cow<'a, [u8]>,
    hash: u64,
    write: bool,
    restored: bool,
    /// The IDE project file as emitted, before the merge (kept in the manifest).
    settings_emitted: Option<Value>,
}

/// Writes `emitted` into `out_dir/<target>/`. `known` is what earlier writes into this
/// folder left (empty for a one-off build).
pub fn write_target(
    out_dir: &Path,
    emitted: &Emitted,
    known: &mut KnownFiles,
    wait: bool,
) -> Result<WriteStats, WriteError> {
    let target = emitted.target.name();
    let dir = out_dir.join(target);
    let fail = |message: String, written: &[PathBuf]| WriteError { message, written: written.to_vec() };
    // Another build may be writing this target into the same folder (two terminals, a watch
    // session and a release build): each holds an OS lock while it writes, so the second
    // waits for the first rather than both reading and replacing the manifest at once. The
    // kernel releases the lock if the holder dies; it is dropped when this function returns.
    let _lock = lock_target(out_dir, target, wait).map_err(|message| fail(message, &[]))?;
    fs::create_dir_all(&dir).map_err(|e| fail(format!("cannot create `{}`: {e}{}", dir.display(), hint(&e)), &[]))?;
    if let Some(path) = emitted.files.keys().find(|p| !is_safe(p)) {
        return Err(fail(format!("refusing to write `{path}`: it would land outside `{}`", dir.display()), &[]));
    }
    let manifest_file = manifest_path(out_dir, target);
    let previous: Manifest =
        fs::read(&manifest_file).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default();
    if previous.writing {
        remove_temporaries(&dir);
    }
    // A writer killed while writing a manifest leaves its temporary beside it.
    let manifest_name = format!("{target}.json{TEMPORARY}");
    for entry in fs::read_dir(out_dir.join(".miniweave")).into_iter().flatten().flatten() {
        if entry.file_name().to_string_lossy().starts_with(&manifest_name) {
            let _ = fs::remove_file(entry.path());
        }
    }
    // Decide every file's fate in parallel: most are unchanged, and checking is the cost.
    let plans: Vec<Plan> =
        emitted.files.par_iter().map(|(path, file)| plan(&dir, path, &file.bytes, emitted, &previous, known)).collect();
    let current: BTreeSet<&str> = emitted.files.keys().map(String::as_str).collect();
    let stale = previous.files.iter().any(|p| !current.contains(p.as_str()));
    if plans.iter().any(|p| p.write) || stale {
        // Before the first change: what a build killed from here on must clean up.
        let mut files: BTreeSet<String> = previous.files.iter().cloned().collect();
        files.extend(current.iter().map(|p| p.to_string()));
        let intent = Manifest {
            generator: "miniweave".into(),
            files: files.into_iter().collect(),
            hashes: previous.hashes.clone(),
            settings: previous.settings.clone(),
            writing: true,
        };
        write_manifest(&manifest_file, &intent).map_err(|message| fail(message, &[]))?;
    }
    // One `mkdir` per folder, not per file.
    let folders: BTreeSet<&Path> = plans.iter().filter(|p| p.write).filter_map(|p| p.full.parent()).collect();
    for folder in folders {
        fs::create_dir_all(folder)
            .map_err(|e| fail(format!("cannot create `{}`: {e}{}", folder.display(), hint(&e)), &[]))?;
    }
    let results: Vec<Result<Option<Known>, String>> = plans
        .par_iter()
        .map(|p| {
            if !p.write {
                return Ok(None);
            }
            write_atomically(&p.full, &p.bytes)
                .and_then(|()| fs::metadata(&p.full))
                .map(|meta| Some(Known::of(p.hash, &meta)))
                .map_err(|e| format!("cannot write `{}`: {e}{}", p.full.display(), hint(&e)))
        })
        .collect();
    let mut stats = WriteStats::default();
    let mut written = Vec::new();
    let mut hashes = BTreeMap::new();
    let mut settings_emitted = None;
    let mut first_error = None;
    for (p, result) in plans.into_iter().zip(results) {
        hashes.insert(p.path.to_string(), hex(p.hash));
        if p.settings_emitted.is_some() {
            settings_emitted = p.settings_emitted.clone();
        }
        match result {
            Ok(Some(k)) => {
                known.files.insert(p.path.to_string(), k);
                written.push(p.full.clone());
                stats.written += 1;
                stats.written_files.push(p.path.to_string());
                if p.restored {
                    stats.restored.push(p.path.to_string());
                }
            }
            Ok(None) => stats.unchanged += 1,
            Err(message) => {
                first_error.get_or_insert(message);
            }
        }
    }
    if let Some(message) = first_error {
        return Err(fail(message, &written));
    }
    for stale in previous.files.iter().filter(|p| !current.contains(p.as_str()) && is_safe(p)) {
        let full = dir.join(stale);
        known.files.remove(stale);
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
        writing: false,
    };
    write_manifest(&manifest_file, &manifest).map_err(|message| fail(message, &written))?;
    Ok(stats)
}

fn write_manifest(file: &Path, manifest: &Manifest) -> Result<(), String> {
    let bytes = serde_json::to_vec_pretty(manifest).unwrap_or_default();
    if let Some(parent) = file.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("cannot create `{}`: {e}{}", parent.display(), hint(&e)))?;
    }
    write_atomically(file, &bytes).map_err(|e| format!("cannot write `{}`: {e}{}", file.display(), hint(&e)))
}

/// The marker in the names of files being written (see [`write_atomically`]).
const TEMPORARY: &str = ".miniweave-tmp";

/// Removes the temporary files a writer that died left under `dir`.
fn remove_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => remove_temporaries(&path),
            Ok(t) if t.is_file() && entry.file_name().to_string_lossy().contains(TEMPORARY) => {
                let _ = fs::remove_file(&path);
            }
            _ => {}
        }
    }
}

/// Decides whether `path` must be written: not when the disk already holds its bytes (known
/// from an earlier write, or read and compared).
fn plan<'a>(
    dir: &Path,
    path: &'a str,
    emitted_bytes: &'a [u8],
    emitted: &Emitted,
    previous: &Manifest,
    known: &KnownFiles,
) -> Plan<'a> {
    let full = dir.join(path);
    let mut bytes = std::borrow::Cow::Borrowed(emitted_bytes);
    let mut settings_emitted = None;
    let settings = emitted.settings.filter(|s| s.path == path);
    let emitted_hash = hash(emitted_bytes);
    if settings.is_none() {
        let h = emitted_hash;
        let still = known
            .files
            .get(path)
            .is_some_and(|k| k.hash == h && fs::metadata(&full).is_ok_and(|meta| Known::of(h, &meta) == *k));
        if still {
            return Plan { path, full, bytes, hash: h, write: false, restored: false, settings_emitted };
        }
    }
    let on_disk = fs::read(&full).ok();
    let mut restored = false;
    if let Some(settings) = settings {
        let emitted_value: Option<Value> = serde_json::from_slice(emitted_bytes).ok();
        let disk_value: Option<Value> = on_disk.as_deref().and_then(|b| serde_json::from_slice(b).ok());
        if let Some(value) = &emitted_value {
            let result = settings_merge::merge(&settings, value, previous.settings.as_ref(), disk_value.as_ref());
            if result != *value {
                let mut text = serde_json::to_string_pretty(&result).unwrap_or_default();
                text.push('\n');
                bytes = std::borrow::Cow::Owned(text.into_bytes());
            }
        }
        settings_emitted = emitted_value;
    } else if let (Some(old), Some(was)) = (&on_disk, previous.hashes.get(path)) {
        // After a writer died part-way, a file that differs may be its work, not a person's.
        restored = !previous.writing && old.as_slice() != emitted_bytes && hex(hash(old)) != *was;
    }
    // Only the merged IDE project file differs from what was emitted.
    let h = match &bytes {
        std::borrow::Cow::Borrowed(_) => emitted_hash,
        std::borrow::Cow::Owned(merged) => hash(merged),
    };
    let write = on_disk.as_deref() != Some(&*bytes);
    Plan { path, full, bytes, hash: h, write, restored, settings_emitted }
}

/// What to do about a failed write: a file is locked or read-only most often because an IDE
/// or another program has the output folder open (Windows refuses to replace a file another
/// process holds).
pub(crate) fn hint(e: &io::Error) -> &'static str {
    match e.kind() {
        io::ErrorKind::PermissionDenied | io::ErrorKind::ResourceBusy | io::ErrorKind::ReadOnlyFilesystem => {
            "; the folder may be open in another program (an IDE, a file watcher): close it, check the folder's permissions, or build into another folder with --out"
        }
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => "; free some disk space and build again",
        _ => "",
    }
}

/// Writes through a temporary file and a rename; the folder exists. The temporary name holds
/// the process id, so two processes writing the same file never share one (one's rename
/// would otherwise find the other's file gone).
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut temp = path.as_os_str().to_owned();
    temp.push(format!("{TEMPORARY}{}", std::process::id()));
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
