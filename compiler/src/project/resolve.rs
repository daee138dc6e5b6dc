//! Resolving module specifiers to logical paths (LANGUAGE.md §4): relative paths, `/`-rooted
//! paths, aliases (`@/` is the source root, app.json `resolveAlias`, tsconfig `paths`), then
//! a bare path as WeChat's `require` takes it (beside the requiring file first, then in the
//! `miniprogram_npm` folders of the enclosing folders, nearest first), then npm packages:
//! the `miniprogram` field first, `exports` (conditions `miniprogram`, `import`, `default`),
//! `module`, `main`, index files. Node built-ins are an error.

use serde_json::Value;

use super::npm::{NPM_DIR, Npm, Package, split_specifier};
use super::paths::{dir_of, resolve as join};
use super::view::SourceView;

/// Extensions tried, in order, for a specifier written without one.
const EXTENSIONS: &[&str] = &["ts", "js", "mjs", "cjs", "json"];
/// Extensions a module file may have.
const MODULE_EXTENSIONS: &[&str] = &["ts", "js", "mjs", "cjs", "json", "html"];

const NODE_BUILTINS: &[&str] = &[
    "assert",
    "async_hooks",
    "buffer",
    "child_process",
    "cluster",
    "console",
    "constants",
    "crypto",
    "dgram",
    "dns",
    "domain",
    "events",
    "fs",
    "http",
    "http2",
    "https",
    "inspector",
    "module",
    "net",
    "os",
    "path",
    "perf_hooks",
    "process",
    "punycode",
    "querystring",
    "readline",
    "repl",
    "stream",
    "string_decoder",
    "sys",
    "timers",
    "tls",
    "trace_events",
    "tty",
    "url",
    "util",
    "v8",
    "vm",
    "wasi",
    "worker_threads",
    "zlib",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolveError {
    NotFound { tried: Vec<String> },
    Builtin(String),
    NoPackage(String),
    Invalid(String),
}

impl std::fmt::Display for ResolveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ResolveError::NotFound { .. } => f.write_str("no such module"),
            ResolveError::Builtin(name) => {
                write!(f, "`{name}` is a Node.js built-in module, which mini-programs do not have")
            }
            ResolveError::NoPackage(name) => write!(f, "the npm package `{name}` is not installed"),
            ResolveError::Invalid(why) => f.write_str(why),
        }
    }
}

/// An alias: `prefix*suffix` → targets with `*` (logical paths).
#[derive(Debug, Clone)]
pub struct Alias {
    prefix: String,
    suffix: String,
    targets: Vec<String>,
}

impl Alias {
    /// `pattern` and targets as written in config (`"~/*": "/*"`); targets are logical.
    pub fn new(pattern: &str, targets: Vec<String>) -> Self {
        let (prefix, suffix) = pattern.split_once('*').unwrap_or((pattern, ""));
        Alias { prefix: prefix.to_string(), suffix: suffix.to_string(), targets }
    }

    fn apply(&self, spec: &str) -> Option<Vec<String>> {
        let middle = spec.strip_prefix(&self.prefix)?.strip_suffix(&self.suffix)?;
        Some(self.targets.iter().map(|t| t.replacen('*', middle, 1)).collect())
    }
}

pub struct ModuleResolver<'a> {
    view: &'a SourceView,
    npm: &'a Npm,
    aliases: Vec<Alias>,
}

fn has_module_extension(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').is_some_and(|(_, ext)| MODULE_EXTENSIONS.contains(&ext))
}

impl<'a> ModuleResolver<'a> {
    pub fn new(view: &'a SourceView, npm: &'a Npm, aliases: Vec<Alias>) -> Self {
        let mut all = vec![Alias::new("@/*", vec!["*".into()])];
        all.extend(aliases);
        ModuleResolver { view, npm, aliases: all }
    }

    pub fn exists(&self, logical: &str) -> bool {
        if logical.starts_with(&format!("{NPM_DIR}/")) {
            self.npm.file(logical).is_some()
        } else {
            self.view.contains(logical)
        }
    }

    /// The first existing file for a base path: as written, with an extension, or its
    /// folder's index file.
    fn probe(&self, base: &str, tried: &mut Vec<String>) -> Option<String> {
        let mut candidates = Vec::new();
        if has_module_extension(base) {
            candidates.push(base.to_string());
        }
        candidates.extend(EXTENSIONS.iter().map(|e| format!("{base}.{e}")));
        candidates.extend(["ts", "js"].iter().map(|e| format!("{base}/index.{e}")));
        for c in candidates {
            if self.exists(&c) {
                return Some(c);
            }
            tried.push(c);
        }
        None
    }

    /// Resolves `spec`, written in the module at logical path `from`.
    pub fn resolve(&self, from: &str, spec: &str) -> Result<String, ResolveError> {
        let mut tried = Vec::new();
        if spec.is_empty() {
            return Err(ResolveError::Invalid("the module specifier is empty".into()));
        }
        if spec.starts_with("./") || spec.starts_with("../") || spec.starts_with('/') || spec == "." || spec == ".." {
            let base = join(dir_of(from), spec).map_err(|e| ResolveError::Invalid(e.to_string()))?;
            // A relative import inside a package stays inside that package.
            if let Some(package) = package_prefix(from) {
                if !spec.starts_with('/') && !base.starts_with(&package) {
                    return Err(ResolveError::Invalid("the path leads out of its npm package".into()));
                }
            }
            if let Some(found) = self.probe(&base, &mut tried) {
                return Ok(found);
            }
            // WeChat then looks for the path in the `miniprogram_npm` folders from the file's
            // folder up (miniprogram-ci's code analysis: `require('./threejs-miniprogram')`
            // finds `miniprogram_npm/threejs-miniprogram/index.js`).
            if let Some(as_package) = spec.strip_prefix("./") {
                if let Ok(found) = self.package_path(from, as_package, &mut tried) {
                    return Ok(found);
                }
            }
            return Err(ResolveError::NotFound { tried });
        }
        for alias in &self.aliases {
            if let Some(targets) = alias.apply(spec) {
                for target in targets {
                    if let Ok(base) = join("", &target) {
                        if let Some(found) = self.probe(&base, &mut tried) {
                            return Ok(found);
                        }
                    }
                }
                return Err(ResolveError::NotFound { tried });
            }
        }
        // WeChat's `require('utils/auth')` tries the path beside the file before any package
        // (checked against the base library's `require`: `config.js` beside the page wins).
        if !spec.starts_with("node:") {
            if let Some(found) = join(dir_of(from), spec).ok().and_then(|base| self.probe(&base, &mut tried)) {
                return Ok(found);
            }
        }
        self.package_path(from, spec, &mut tried)
    }

    /// `spec` as a package path: in a nested `miniprogram_npm`, else an npm package.
    fn package_path(&self, from: &str, spec: &str, tried: &mut Vec<String>) -> Result<String, ResolveError> {
        let bare = spec.strip_prefix("node:").unwrap_or(spec);
        let (name, sub) =
            split_specifier(bare).ok_or_else(|| ResolveError::Invalid(format!("`{spec}` is not a module name")))?;
        if let Some(found) = self.nested_package(from, name, sub, tried) {
            return Ok(found);
        }
        let Some(package) = self.npm.package(name) else {
            if spec.starts_with("node:") || NODE_BUILTINS.contains(&name) {
                return Err(ResolveError::Builtin(name.to_string()));
            }
            return Err(ResolveError::NoPackage(name.to_string()));
        };
        self.in_package(&package, sub, tried).ok_or_else(|| ResolveError::NotFound { tried: tried.clone() })
    }

    /// A package in a `miniprogram_npm` folder nested inside an npm package (TDesign ships
    /// its own `tslib` and `dayjs` so), looked for from the requiring file's folder upwards,
    /// as WeChat's `require` does; the top-level `miniprogram_npm` is [`Npm`]'s.
    fn nested_package(&self, from: &str, name: &str, sub: &str, tried: &mut Vec<String>) -> Option<String> {
        let package = package_prefix(from)?;
        let mut dir = dir_of(from);
        while dir.len() >= package.len().saturating_sub(1) && !dir.is_empty() {
            let base = format!("{dir}/{NPM_DIR}/{name}");
            let base = if sub.is_empty() { base } else { format!("{base}/{sub}") };
            if let Some(found) = self.probe(&base, tried) {
                return Some(found);
            }
            dir = dir_of(dir);
        }
        None
    }

    fn in_package(&self, package: &Package, sub: &str, tried: &mut Vec<String>) -> Option<String> {
        let at = |rel: &str| -> Option<String> {
            let rel = rel.trim_start_matches("./");
            let base = join("", rel).ok()?;
            Some(package.logical(&base))
        };
        if sub.is_empty() {
            let mut entries: Vec<String> = Vec::new();
            if let Some(dir) = &package.mini_dir {
                entries.push(format!("{dir}/index"));
            }
            if let Some(e) = package.manifest.get("exports").and_then(|e| export_target(e, ".")) {
                entries.push(e);
            }
            for field in ["module", "main"] {
                if let Some(v) = package.manifest.get(field).and_then(Value::as_str) {
                    entries.push(v.to_string());
                }
            }
            entries.push("index".into());
            for entry in entries {
                if let Some(found) = at(&entry).and_then(|base| self.probe(&base, tried)) {
                    return Some(found);
                }
            }
            return None;
        }
        if let Some(dir) = &package.mini_dir {
            if let Some(found) = at(&format!("{dir}/{sub}")).and_then(|base| self.probe(&base, tried)) {
                return Some(found);
            }
        }
        if let Some(e) = package.manifest.get("exports").and_then(|e| export_target(e, &format!("./{sub}"))) {
            if let Some(found) = at(&e).and_then(|base| self.probe(&base, tried)) {
                return Some(found);
            }
        }
        at(sub).and_then(|base| self.probe(&base, tried))
    }

    /// A component path from `usingComponents`, without extension, resolved the way WeChat
    /// does: relative to the declaring file first, then as an npm package path; a folder
    /// stands for its `index` component, and a package name alone for the package's main
    /// component (`"mp-html": "mp-html"`).
    pub fn component(&self, from_dir: &str, spec: &str) -> Option<String> {
        let has_unit = |p: &str| self.exists(&format!("{p}.wxml")) || self.exists(&format!("{p}.mini"));
        let unit_at = |p: String| -> Option<String> {
            if has_unit(&p) {
                return Some(p);
            }
            let index = if p.is_empty() { "index".to_string() } else { format!("{p}/index") };
            has_unit(&index).then_some(index)
        };
        if let Ok(local) = join(from_dir, spec) {
            if let Some(found) = unit_at(local.clone()) {
                return Some(found);
            }
            if spec.starts_with('.') || spec.starts_with('/') {
                return Some(local);
            }
        }
        let (name, sub) = split_specifier(spec)?;
        let package = self.npm.package(name)?;
        let mut inside = Vec::new();
        if let Some(dir) = &package.mini_dir {
            inside.push(if sub.is_empty() { dir.clone() } else { format!("{dir}/{sub}") });
        }
        inside.push(sub.to_string());
        // A package name alone means the package's folder itself (`join` refuses an empty path).
        let normal = |rel: &String| if rel.is_empty() { Some(String::new()) } else { join("", rel).ok() };
        inside.iter().filter_map(normal).map(|rel| package.logical(&rel)).find_map(unit_at)
    }
}

/// `miniprogram_npm/<package>/` for a logical path inside a package.
fn package_prefix(path: &str) -> Option<String> {
    let rest = path.strip_prefix(NPM_DIR)?.strip_prefix('/')?;
    let (name, _) = split_specifier(rest)?;
    Some(format!("{NPM_DIR}/{name}/"))
}

/// The target of an `exports` entry for `key` (`.` or `./sub`), under the conditions
/// miniweave honours: `miniprogram`, `import`, `default`.
fn export_target(exports: &Value, key: &str) -> Option<String> {
    let pick = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            Value::Object(map) => {
                ["miniprogram", "import", "default"].iter().find_map(|c| map.get(*c).and_then(export_target_value))
            }
            Value::Array(items) => items.iter().find_map(export_target_value),
            _ => None,
        }
    };
    match exports {
        Value::Object(map) if map.keys().any(|k| k.starts_with('.')) => {
            if let Some(v) = map.get(key) {
                return pick(v);
            }
            map.iter().find_map(|(pattern, v)| {
                let (prefix, suffix) = pattern.split_once('*')?;
                let middle = key.strip_prefix(prefix)?.strip_suffix(suffix)?;
                pick(v).map(|t| t.replacen('*', middle, 1))
            })
        }
        other if key == "." => pick(other),
        _ => None,
    }
}

fn export_target_value(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(map) => {
            ["miniprogram", "import", "default"].iter().find_map(|c| map.get(*c).and_then(export_target_value))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn exports_conditions_and_patterns() {
        let e = json!({ ".": { "require": "./cjs.js", "import": "./esm.js" }, "./plugin/*": "./plugin/*.js" });
        assert_eq!(export_target(&e, "."), Some("./esm.js".into()));
        assert_eq!(export_target(&e, "./plugin/utc"), Some("./plugin/utc.js".into()));
        assert_eq!(export_target(&json!("./index.mjs"), "."), Some("./index.mjs".into()));
        assert_eq!(
            export_target(&json!({ "miniprogram": "./mp.js", "default": "./d.js" }), "."),
            Some("./mp.js".into())
        );
    }

    #[test]
    fn aliases_substitute_the_star() {
        let a = Alias::new("~/*", vec!["*".into()]);
        assert_eq!(a.apply("~/utils/x"), Some(vec!["utils/x".into()]));
        assert_eq!(a.apply("utils/x"), None);
    }
}
