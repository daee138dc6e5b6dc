//! npm packages: found in `node_modules` folders from the source folder upwards (so
//! `node_modules` inside `miniprogramRoot` and a monorepo's hoisted packages both work), else
//! in a committed, already-built `miniprogram_npm/` folder of the source root (WeChat's "build
//! npm" output, which many apps commit instead of `node_modules`). Files are read on demand
//! and placed at logical paths `miniprogram_npm/<package>/<path>`, which is where every
//! target emits them.
//!
//! A package with a `miniprogram` field (how WeChat component libraries such as
//! `@vant/weapp` publish) is placed from that folder: `@vant/weapp/lib/button/index.js` is
//! `miniprogram_npm/@vant/weapp/button/index.js`, as WeChat's own npm build lays it out.
//! Without the field, WeChat's build takes `miniprogram_dist/` when the package has one
//! (WeChat `npm 支持.md`, "miniprogram 字段…默认值为 miniprogram_dist"). Other files of such a
//! package sit under `__pkg__/`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde_json::Value;

use super::files::{Content, FileEntry, MAX_TEXT_BYTES, extension, not_utf8, too_large};
use crate::diagnostics::Diagnostic;
use crate::source::SourceFile;

pub const NPM_DIR: &str = "miniprogram_npm";
const OUTSIDE_MINI_DIR: &str = "__pkg__";

#[derive(Debug)]
pub struct Package {
    pub name: String,
    pub dir: PathBuf,
    pub manifest: Value,
    /// The `miniprogram` folder, relative to the package.
    pub mini_dir: Option<String>,
}

impl Package {
    /// The logical path of a file given relative to the package folder.
    pub fn logical(&self, rel: &str) -> String {
        let placed = match &self.mini_dir {
            Some(dir) if rel == dir => String::new(),
            Some(dir) => match rel.strip_prefix(dir.as_str()).and_then(|r| r.strip_prefix('/')) {
                Some(inside) => inside.to_string(),
                None => format!("{OUTSIDE_MINI_DIR}/{rel}"),
            },
            None => rel.to_string(),
        };
        if placed.is_empty() { format!("{NPM_DIR}/{}", self.name) } else { format!("{NPM_DIR}/{}/{placed}", self.name) }
    }

    /// The file (relative to the package folder) at a path within the package's logical
    /// folder.
    fn physical(&self, placed: &str) -> String {
        match (&self.mini_dir, placed.strip_prefix(OUTSIDE_MINI_DIR).and_then(|r| r.strip_prefix('/'))) {
            (_, Some(outside)) => outside.to_string(),
            (Some(dir), None) => format!("{dir}/{placed}"),
            (None, None) => placed.to_string(),
        }
    }
}

/// Splits `@scope/name/sub/path` or `name/sub/path` into the package name and subpath.
pub fn split_specifier(spec: &str) -> Option<(&str, &str)> {
    let parts: Vec<&str> = spec.splitn(3, '/').collect();
    let name_len = if spec.starts_with('@') {
        if parts.len() < 2 || parts[1].is_empty() {
            return None;
        }
        parts[0].len() + 1 + parts[1].len()
    } else {
        parts[0].len()
    };
    if name_len == 0 {
        return None;
    }
    let (name, rest) = spec.split_at(name_len);
    Some((name, rest.trim_start_matches('/')))
}

#[derive(Debug)]
pub struct Npm {
    /// Where the search for `node_modules` starts: the source folder.
    root: PathBuf,
    /// The source folder's `miniprogram_npm/`, used for packages `node_modules` lacks.
    built: PathBuf,
    display_root: PathBuf,
    packages: Mutex<HashMap<String, Option<Arc<Package>>>>,
    files: Mutex<HashMap<String, Option<Arc<FileEntry>>>>,
    /// Files read that are not UTF-8 or too large, by logical path: each stands in the cache
    /// as the text that could be made of it, and its loader reports the problem.
    problems: Mutex<HashMap<String, Diagnostic>>,
}

impl Npm {
    /// Packages for the project at `project` whose sources are in `src`.
    pub fn new(project: &Path, src: &Path) -> Self {
        Npm {
            root: src.to_path_buf(),
            built: src.join(NPM_DIR),
            display_root: project.to_path_buf(),
            packages: Default::default(),
            files: Default::default(),
            problems: Default::default(),
        }
    }

    /// The package named `name`, from the nearest `node_modules` at or above the project.
    pub fn package(&self, name: &str) -> Option<Arc<Package>> {
        let mut packages = self.packages.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(found) = packages.get(name) {
            return found.clone();
        }
        let found = self.find(name).map(Arc::new);
        packages.insert(name.to_string(), found.clone());
        found
    }

    fn find(&self, name: &str) -> Option<Package> {
        if name.contains("..") || name.contains('\\') {
            return None;
        }
        let mut dir = Some(self.root.as_path());
        while let Some(d) = dir {
            let candidate = d.join("node_modules").join(name);
            let manifest_path = candidate.join("package.json");
            if let Ok(text) = std::fs::read_to_string(&manifest_path) {
                let manifest: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                let mini_dir = match manifest.get("miniprogram") {
                    Some(field) => field
                        .as_str()
                        .map(|d| d.trim_start_matches("./").trim_end_matches('/').to_string())
                        .filter(|d| !d.is_empty() && !d.contains("..")),
                    None => candidate.join("miniprogram_dist").is_dir().then(|| "miniprogram_dist".to_string()),
                };
                return Some(Package { name: name.to_string(), dir: candidate, manifest, mini_dir });
            }
            dir = d.parent();
        }
        // Already built: laid out as WeChat places it, so nothing is re-placed.
        let built = self.built.join(name);
        built.is_dir().then(|| Package { name: name.to_string(), dir: built, manifest: Value::Null, mini_dir: None })
    }

    /// The file at a logical `miniprogram_npm/…` path, read once.
    pub fn file(&self, logical: &str) -> Option<Arc<FileEntry>> {
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(found) = files.get(logical) {
            return found.clone();
        }
        let found = self.read(logical).map(Arc::new);
        files.insert(logical.to_string(), found.clone());
        found
    }

    fn read(&self, logical: &str) -> Option<FileEntry> {
        let rest = logical.strip_prefix(NPM_DIR)?.strip_prefix('/')?;
        let (name, placed) = split_specifier(rest)?;
        if placed.split('/').any(|p| p == ".." || p.is_empty()) {
            return None;
        }
        let package = self.package(name)?;
        let abs = package.dir.join(package.physical(placed));
        if !abs.is_file() {
            return None;
        }
        let text =
            ["wxml", "wxs", "js", "ts", "mjs", "cjs", "wxss", "css", "json", "html"].contains(&extension(logical));
        let shown = || abs.strip_prefix(&self.display_root).unwrap_or(&abs).to_string_lossy().replace('\\', "/");
        let len = std::fs::metadata(&abs).map(|m| m.len()).unwrap_or(0);
        if text && len > MAX_TEXT_BYTES {
            self.problem(logical, too_large(shown(), &abs, len));
            return Some(FileEntry { content: Content::Text(SourceFile::new(shown(), &abs, String::new())), abs });
        }
        let bytes = std::fs::read(&abs).ok()?;
        let content = if text {
            match String::from_utf8(bytes) {
                Ok(text) => Content::Text(SourceFile::new(shown(), &abs, text)),
                Err(e) => {
                    let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
                    self.problem(logical, not_utf8(shown(), &abs, e));
                    Content::Text(SourceFile::new(shown(), &abs, lossy))
                }
            }
        } else {
            Content::Bytes(Arc::new(bytes))
        };
        Some(FileEntry { abs, content })
    }

    fn problem(&self, logical: &str, diagnostic: Diagnostic) {
        self.problems.lock().unwrap_or_else(|e| e.into_inner()).insert(logical.to_string(), diagnostic);
    }

    /// Why the file at `logical`, already read, could not be read as it is: not UTF-8, or
    /// over the size limit.
    pub fn problem_of(&self, logical: &str) -> Option<Diagnostic> {
        self.problems.lock().unwrap_or_else(|e| e.into_inner()).get(logical).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_names_and_placement() {
        assert_eq!(split_specifier("@vant/weapp/button/index"), Some(("@vant/weapp", "button/index")));
        assert_eq!(split_specifier("dayjs"), Some(("dayjs", "")));
        assert_eq!(split_specifier("dayjs/plugin/utc"), Some(("dayjs", "plugin/utc")));
        assert_eq!(split_specifier("@scope"), None);
        let vant = Package {
            name: "@vant/weapp".into(),
            dir: PathBuf::new(),
            manifest: Value::Null,
            mini_dir: Some("lib".into()),
        };
        assert_eq!(vant.logical("lib/button/index.js"), "miniprogram_npm/@vant/weapp/button/index.js");
        assert_eq!(vant.physical("button/index.js"), "lib/button/index.js");
        assert_eq!(vant.logical("package.json"), "miniprogram_npm/@vant/weapp/__pkg__/package.json");
        assert_eq!(vant.physical("__pkg__/package.json"), "package.json");
    }
}
