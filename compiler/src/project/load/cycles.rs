//! Import cycles that break while loading: a module in a cycle that uses, at its top level,
//! what another module of the cycle exports reads it half-initialised when the other one
//! loads first (`ReferenceError` for ES bindings, `undefined` for CommonJS). WeChat builds
//! it and fails at run time, so it is a warning naming the cycle. Cycles whose modules only
//! use each other inside functions are fine and stay silent.

use std::collections::{BTreeMap, VecDeque};

use super::Loader;
use crate::diagnostics::Diagnostic;
use crate::script::load_time_use::{loaded_at_load, uses_at_load};

impl Loader<'_> {
    pub(super) fn check_import_cycles(&mut self) {
        // Only what a module loads while it loads can close a cycle that breaks.
        let edges: BTreeMap<&str, Vec<&str>> = self
            .modules
            .iter()
            .filter(|(_, m)| !m.npm)
            .map(|(path, m)| {
                let now = loaded_at_load(&m.module);
                (
                    path.as_str(),
                    m.deps.iter().filter(|d| now.contains(&d.specifier)).map(|d| d.target.as_str()).collect(),
                )
            })
            .collect();
        let mut found = Vec::new();
        for (path, module) in self.modules.iter().filter(|(_, m)| !m.npm) {
            for dep in
                module.deps.iter().filter(|d| edges.get(path.as_str()).is_some_and(|e| e.contains(&d.target.as_str())))
            {
                let Some(back) = path_between(&edges, &dep.target, path) else { continue };
                if !uses_at_load(&module.module, &dep.specifier) {
                    continue;
                }
                let cycle: Vec<String> =
                    std::iter::once(path.as_str()).chain(back.iter().copied()).map(|p| self.shown(p)).collect();
                found.push(
                    Diagnostic::warning(
                        "script::import-cycle",
                        format!("import cycle {}: this module uses what it imports here while it loads", cycle.join(" → ")),
                    )
                    .at(&module.file, dep.span, "used at the top level")
                    .help(
                        "whichever module loads first sees the other half-initialised; move the use into a function, or the shared code into a module both import",
                    ),
                );
            }
        }
        self.diags.extend(found);
    }
}

/// The modules from `from` to `to` along imports (both included), if `to` is reachable.
fn path_between<'a>(edges: &BTreeMap<&'a str, Vec<&'a str>>, from: &'a str, to: &str) -> Option<Vec<&'a str>> {
    let mut previous: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = VecDeque::from([from]);
    let mut seen = std::collections::BTreeSet::from([from]);
    while let Some(at) = queue.pop_front() {
        if at == to {
            let mut path = vec![at];
            let mut cur = at;
            while let Some(&p) = previous.get(cur) {
                path.push(p);
                cur = p;
            }
            path.reverse();
            return Some(path);
        }
        for &next in edges.get(at).into_iter().flatten() {
            if seen.insert(next) {
                previous.insert(next, at);
                queue.push_back(next);
            }
        }
    }
    None
}
