//! Reading the source tree: every file under the source root except what miniweave writes
//! (`outDir/<target>/`, and any earlier build's target folders), `node_modules`,
//! `miniprogram_npm` and dot-folders (LANGUAGE.md §1), read once per build and shared by every
//! target.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostics::Diagnostic;
use crate::source::{SourceFile, Span};

use super::layout::Layout;

/// File kinds read as text; everything else is an asset, read as bytes.
const TEXT_EXTENSIONS: &[&str] = &["mini", "wxml", "wxs", "js", "ts", "wxss", "css", "json"];

#[derive(Debug)]
pub enum Content {
    Text(Arc<SourceFile>),
    Bytes(Arc<Vec<u8>>),
}

#[derive(Debug)]
pub struct FileEntry {
    pub abs: PathBuf,
    pub content: Content,
}

impl FileEntry {
    pub fn text(&self) -> Option<&Arc<SourceFile>> {
        match &self.content {
            Content::Text(f) => Some(f),
            Content::Bytes(_) => None,
        }
    }
}

/// The files under the source root, by path relative to it (`/`-separated).
#[derive(Debug, Default)]
pub struct FileSet {
    pub files: BTreeMap<String, Arc<FileEntry>>,
}

/// What went wrong while reading: problems in the project (exit 1) or I/O trouble (exit 2).
#[derive(Debug)]
pub enum ReadError {
    Project(Vec<Diagnostic>),
    Io(String),
}

pub fn extension(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').map_or("", |(_, ext)| ext)
}

/// The folders miniweave writes (`<outDir>/<target>/`), as given and resolved.
fn outputs(layout: &Layout) -> Vec<PathBuf> {
    let out_dir = dunce::canonicalize(&layout.out_dir).unwrap_or_else(|_| layout.out_dir.clone());
    crate::target::Target::ALL.iter().flat_map(|t| [out_dir.join(t.name()), layout.out_dir.join(t.name())]).collect()
}

/// Whether `dir` is a target folder an earlier build wrote, into whatever outDir it had: it is
/// named after a target and beside it sits that target's manifest, `.miniweave/<target>.json`
/// by miniweave (src/write.rs). Such output would otherwise be compiled again as sources when
/// a build's outDir changes (`--out src/out`, then `--out src/out2`). Only the target folders
/// are left out, not the whole outDir: a project may keep sources in a folder named like its
/// outDir (Lin UI's example app keeps its library in `dist/`). Costs a lookup only for folders
/// named after a target.
fn written_target(dir: &Path) -> bool {
    let Some(name) = dir.file_name().and_then(|n| n.to_str()) else { return false };
    if !crate::target::Target::names().any(|t| t == name) {
        return false;
    }
    let Some(parent) = dir.parent() else { return false };
    let manifest = parent.join(".miniweave").join(format!("{name}.json"));
    let Ok(bytes) = std::fs::read(manifest) else { return false };
    serde_json::from_slice::<serde_json::Value>(&bytes)
        .is_ok_and(|v| v.get("generator").and_then(|g| g.as_str()) == Some("miniweave"))
}

/// Whether a folder or file name below the source root is left out: dot-names, installed
/// packages (read on demand through npm resolution instead).
fn skipped_name(name: &str, is_dir: bool) -> bool {
    name.starts_with('.') || (is_dir && matches!(name, "node_modules" | "miniprogram_npm"))
}

pub fn read_all(layout: &Layout) -> Result<FileSet, ReadError> {
    let src = layout.src_abs();
    Ok(FileSet { files: read_under(layout, &src)?.into_iter().collect() })
}

/// Every source file under `dir` (the source root or a folder in it), read.
fn read_under(layout: &Layout, dir: &Path) -> Result<Vec<(String, Arc<FileEntry>)>, ReadError> {
    let src = layout.src_abs();
    // Only what miniweave writes is left out: `<outDir>/<target>/` (and the hidden manifest
    // folder). A WeChat project rooted at its own folder may keep sources in a folder that
    // happens to be named like outDir (Lin UI's and Wux's example apps keep their component
    // library in `dist/`), and those are read.
    let outputs = outputs(layout);
    let mut paths = Vec::new();
    // A folder read again by `refresh` may itself be an earlier build's target folder.
    if dir != src && written_target(dir) {
        return Ok(Vec::new());
    }
    let walker = WalkDir::new(dir).follow_links(false).sort_by_file_name().into_iter().filter_entry(|e| {
        if e.depth() == 0 {
            return true;
        }
        let name = e.file_name().to_string_lossy();
        let is_dir = e.file_type().is_dir();
        !(skipped_name(&name, is_dir) || outputs.iter().any(|o| e.path() == o) || (is_dir && written_target(e.path())))
    });
    for entry in walker {
        let entry = entry.map_err(|e| ReadError::Io(format!("cannot read the source tree: {e}")))?;
        let path = entry.path();
        let is_file = if entry.path_is_symlink() {
            // A link may only lead to a file inside the project: sources never reach out.
            match dunce::canonicalize(path) {
                Ok(target) if target.starts_with(&layout.root) => target.is_file(),
                _ => false,
            }
        } else {
            entry.file_type().is_file()
        };
        if !is_file {
            continue;
        }
        let rel = relative_name(&src, path);
        paths.push((rel, path.to_path_buf()));
    }
    paths.into_par_iter().map(|(rel, abs)| read_one(layout, rel, abs)).collect()
}

/// The largest source text miniweave reads (docs/language.md, "Limits"): far above any file
/// people write or vendor, and small enough that parsing it stays within seconds and a few
/// hundred MB.
pub const MAX_TEXT_BYTES: u64 = 16 << 20;

/// Reads one source file: text for the kinds miniweave parses, bytes for assets.
fn read_one(layout: &Layout, rel: String, abs: PathBuf) -> Result<(String, Arc<FileEntry>), ReadError> {
    let text = TEXT_EXTENSIONS.contains(&extension(&rel));
    let len = std::fs::metadata(&abs).map(|m| m.len()).unwrap_or(0);
    if text && len > MAX_TEXT_BYTES {
        return Err(ReadError::Project(vec![too_large(layout.display_name(&rel), &abs, len)]));
    }
    let bytes = std::fs::read(&abs).map_err(|e| ReadError::Io(format!("cannot read `{}`: {e}", abs.display())))?;
    let content = if text {
        let name = layout.display_name(&rel);
        match String::from_utf8(bytes) {
            Ok(text) => Content::Text(SourceFile::new(name, &abs, text)),
            Err(e) => return Err(ReadError::Project(vec![not_utf8(name, &abs, e)])),
        }
    } else {
        Content::Bytes(Arc::new(bytes))
    };
    Ok((rel, Arc::new(FileEntry { abs, content })))
}

/// The error for a source text over [`MAX_TEXT_BYTES`], at its start (it is not read).
pub(crate) fn too_large(name: String, abs: &Path, len: u64) -> Diagnostic {
    let mb = |bytes: u64| bytes as f64 / (1024.0 * 1024.0);
    let file = SourceFile::new(name, abs, "");
    Diagnostic::error(
        "project::file-too-large",
        format!("the file is {:.1} MB, over the {:.0} MB miniweave reads", mb(len), mb(MAX_TEXT_BYTES)),
    )
    .at(&file, Span::new(0, 0), "not read")
    .help(
        "a source this large is generated data: load it at run time (a JSON file fetched with wx.request), or split \
         it into modules",
    )
}

/// The error for a file that is not UTF-8 text, at its first invalid byte (line and column,
/// and the byte offset, which an editor may need to find a byte it shows as `?`).
pub(crate) fn not_utf8(name: String, abs: &Path, e: std::string::FromUtf8Error) -> Diagnostic {
    let at = e.utf8_error().valid_up_to();
    // Everything before `at` is valid, so the offset is the same in the lossy text, where the
    // bad byte became one U+FFFD: the span covers that character whole.
    let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
    let file = SourceFile::new(name, abs, lossy);
    Diagnostic::error("project::not-utf8", "the file is not UTF-8 text")
        .at(&file, Span::new(at, at + '\u{FFFD}'.len_utf8()), format!("invalid byte here (byte {at})"))
        .help("save the file as UTF-8")
}

impl FileSet {
    /// Brings the set up to date for paths that changed on disk (absolute): a changed or new
    /// file is read again, a removed one dropped, a new or removed folder read again or
    /// dropped whole. Paths outside the source root, in skipped folders or in the output
    /// are ignored. The rest of the set is not touched, so an edit costs one read.
    pub fn refresh(&mut self, layout: &Layout, changed: &[PathBuf]) -> Result<(), ReadError> {
        let src = layout.src_abs();
        let src = dunce::canonicalize(&src).unwrap_or(src);
        let outputs = outputs(layout);
        for path in changed {
            let path = dunce::canonicalize(path).unwrap_or_else(|_| path.clone());
            let Ok(rel_path) = path.strip_prefix(&src) else { continue };
            if outputs.iter().any(|o| path.starts_with(o)) {
                continue;
            }
            // Inside an earlier build's target folder (below the source root): not sources.
            if path.ancestors().take_while(|a| *a != src).any(written_target) {
                continue;
            }
            let parts: Vec<String> =
                rel_path.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            let last = parts.len().saturating_sub(1);
            if parts.iter().enumerate().any(|(i, p)| skipped_name(p, i < last || path.is_dir())) || parts.is_empty() {
                continue;
            }
            let rel = parts.join("/");
            // Whatever was there (a file, or a folder's files) goes; what is there now comes in.
            let prefix = format!("{rel}/");
            self.files.retain(|k, _| *k != rel && !k.starts_with(&prefix));
            if path.is_dir() {
                self.files.extend(read_under(layout, &path)?);
            } else if path.is_file() {
                let (rel, entry) = read_one(layout, rel, path.clone())?;
                self.files.insert(rel, entry);
            }
        }
        Ok(())
    }
}

fn relative_name(src: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(src).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/")
}
