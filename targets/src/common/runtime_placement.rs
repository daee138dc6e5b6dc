//! Placing the runtime by use, as shared code is (issue 11 item 4, compiler/src/project/
//! placement): a runtime module of the main package's `miniweave_runtime/` (API adapters,
//! constructor mapping, swc helpers, Alipay's `scope.sjs`) that only subpackages' files use
//! goes into those subpackages' own `miniweave_runtime/` (copied into each when several use
//! it), unless `placement.hoist` names it; one the main package uses stays in main.
//!
//! Which runtime a file uses is known only once it is compiled, so this runs on the emitted
//! output: the files that name a runtime module do so in a string literal the backends
//! wrote (a `require`, an `import-sjs from`), which is pointed at the module's new place. That
//! string sits on a generated line of its own, so source maps are not disturbed.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use miniweave_compiler::ir::Project;
use miniweave_compiler::project::paths::{dir_of, relative, resolve};
use miniweave_compiler::project::placement::hoisted;

use crate::emitted::Emitted;
use crate::script::RUNTIME_DIR;

/// The string literals naming a path with `marker` in it, in a text file: (the literal's
/// contents, its byte range).
fn literals_naming(text: &str, marker: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices(marker) {
        let Some(open) = text[..at].rfind(['"', '\'', '\n']) else { continue };
        let quote = text.as_bytes()[open];
        if quote == b'\n' {
            continue;
        }
        let Some(len) = text[at..].find(quote as char) else { continue };
        let end = at + len;
        if text[open + 1..end].contains('\n') {
            continue;
        }
        found.push((text[open + 1..end].to_string(), open + 1..end));
    }
    found
}

/// Moves (or copies) the main package's runtime modules into the subpackages that alone use
/// them, rewriting the references.
pub fn place_runtime(project: &Project, out: &mut Emitted) {
    if project.packages.len() < 2 {
        return;
    }
    let prefix = format!("{RUNTIME_DIR}/");
    let marker = format!("{RUNTIME_DIR}/");
    // Runtime module (main's) → the files naming it: (file, literal).
    let mut users: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for (path, file) in &out.files {
        if path.ends_with(".map") || path.starts_with(&prefix) {
            continue;
        }
        let Ok(text) = std::str::from_utf8(&file.bytes) else { continue };
        for (literal, _) in literals_naming(text, &marker) {
            let Ok(resolved) = resolve(dir_of(path), &literal) else { continue };
            if resolved.starts_with(&prefix) && out.files.contains_key(&resolved) {
                users.entry(resolved).or_default().push((path.clone(), literal));
            }
        }
    }
    let hoist = &project.options.placement.hoist;
    for (module, named_by) in users {
        let packages: BTreeSet<usize> = named_by.iter().map(|(f, _)| out.files[f].package).collect();
        if packages.contains(&0) || hoisted(hoist, &module) {
            continue;
        }
        let Some(original) = out.files.remove(&module) else { continue };
        let mut new_paths = BTreeMap::new();
        for &package in &packages {
            let root = project.packages[package].root.as_deref().unwrap_or_default();
            let path = format!("{root}/{module}");
            let mut copy = original.clone();
            copy.package = package;
            out.files.insert(path.clone(), copy);
            new_paths.insert(package, path);
        }
        for (file, literal) in named_by {
            let entry = out.files.get_mut(&file).expect("a file that names the module");
            let new_literal = relative(dir_of(&file), &new_paths[&entry.package]);
            let text = String::from_utf8_lossy(&entry.bytes).into_owned();
            let rewritten = replace_literal(&text, &literal, &new_literal);
            entry.bytes = Arc::new(rewritten.into_bytes());
        }
    }
}

/// `text` with every string literal whose contents are `old` holding `new` instead.
fn replace_literal(text: &str, old: &str, new: &str) -> String {
    let mut out = text.to_string();
    for (contents, range) in literals_naming(text, RUNTIME_DIR).into_iter().rev() {
        if contents == old {
            out.replace_range(range, new);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_naming_the_runtime_are_found_and_replaced() {
        let text = "var a = require(\"../../miniweave_runtime/swc.js\");\nvar b = require('../x.js');\n<import-sjs from='./miniweave_runtime/scope.sjs'/>";
        let found: Vec<String> = literals_naming(text, "miniweave_runtime/").into_iter().map(|(s, _)| s).collect();
        assert_eq!(found, ["../../miniweave_runtime/swc.js", "./miniweave_runtime/scope.sjs"]);
        let replaced = replace_literal(text, "../../miniweave_runtime/swc.js", "../miniweave_runtime/swc.js");
        assert!(replaced.starts_with("var a = require(\"../miniweave_runtime/swc.js\");"), "{replaced}");
    }
}
