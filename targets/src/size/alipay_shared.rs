//! Alipay builds each package on its own: a module of the main package that a subpackage's
//! code requires is compiled into that subpackage too, and counts there (PLATFORMS.md §6b,
//! from Alipay's `分包加载.md`). The emitted scripts say what they require; following those
//! `require("…")` calls from a subpackage's scripts finds the main-package modules it
//! carries.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use crate::emitted::Emitted;

/// The string arguments of `require("…")` calls in `code`.
fn required(code: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("require(") {
        rest = &rest[at + "require(".len()..];
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else { continue };
        let body = &rest[1..];
        if let Some(end) = body.find(quote) {
            out.push(&body[..end]);
            rest = &body[end..];
        }
    }
    out
}

/// `spec` required from `from`, as a path of the output (relative and `/`-rooted specifiers).
fn resolve(emitted: &Emitted, from: &str, spec: &str) -> Option<String> {
    let joined = if let Some(absolute) = spec.strip_prefix('/') {
        absolute.to_string()
    } else if spec.starts_with('.') {
        let dir = from.rsplit_once('/').map_or("", |(d, _)| d);
        if dir.is_empty() { spec.to_string() } else { format!("{dir}/{spec}") }
    } else {
        return None;
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    let path = parts.join("/");
    [path.clone(), format!("{path}.js"), format!("{path}/index.js")].into_iter().find(|p| emitted.files.contains_key(p))
}

/// For each package index but main's, the main-package scripts its scripts require,
/// transitively.
pub(super) fn main_modules_used(emitted: &Emitted, packages: usize) -> BTreeMap<usize, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for package in 1..packages {
        let mut seen: BTreeSet<String> = BTreeSet::new();
        let mut queue: VecDeque<String> = emitted
            .files
            .iter()
            .filter(|(p, f)| f.package == package && p.ends_with(".js"))
            .map(|(p, _)| p.clone())
            .collect();
        let mut from_main = BTreeSet::new();
        while let Some(path) = queue.pop_front() {
            let Some(file) = emitted.files.get(&path) else { continue };
            let code = String::from_utf8_lossy(&file.bytes);
            for spec in required(&code) {
                if let Some(target) = resolve(emitted, &path, spec) {
                    if seen.insert(target.clone()) {
                        if emitted.files.get(&target).is_some_and(|f| f.package == 0) {
                            from_main.insert(target.clone());
                        }
                        queue.push_back(target);
                    }
                }
            }
        }
        out.insert(package, from_main);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requires_are_read_from_emitted_code() {
        assert_eq!(
            required("var a = require(\"../../utils/a.js\"), b = require('./b'); require(x);"),
            ["../../utils/a.js", "./b"]
        );
    }
}
