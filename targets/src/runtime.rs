//! Runtime snippets: the plain JavaScript a target adds only where a semantic cannot be
//! mapped statically (ARCHITECTURE.md principle 6). Each snippet is a file
//! `<target>/runtime/<module>/<name>.js` whose first lines are `//` comments: a description
//! naming its source, then `// needs: a, b` (the snippets it uses). A runtime module is
//! assembled from the snippets a program uses and what they need, `_core` first, then the
//! rest in name order, so only used code ships.

use std::collections::{BTreeSet, VecDeque};

include!(concat!(env!("OUT_DIR"), "/runtime_snippets.rs"));

#[derive(Debug, Clone, Copy)]
pub struct Snippet {
    pub name: &'static str,
    /// The source without its header comments.
    pub body: &'static str,
    pub needs: &'static str,
}

impl Snippet {
    pub fn needs(&self) -> impl Iterator<Item = &'static str> {
        self.needs.split(',').map(str::trim).filter(|n| !n.is_empty())
    }
}

fn parse(name: &'static str, text: &'static str) -> Snippet {
    let mut body_start = 0;
    let mut needs = "";
    for line in text.split_inclusive('\n') {
        if !line.starts_with("//") {
            break;
        }
        if let Some(rest) = line.strip_prefix("// needs:") {
            needs = rest.trim_end();
        }
        body_start += line.len();
    }
    Snippet { name, body: &text[body_start..], needs }
}

/// The snippet `<group>/<name>` (group is `<target>/<module>`), or the shared one in
/// `common/<module>`, or in `common/constructors` (constructor code the Alipay `component`
/// and Weibo `vue` modules share).
pub fn snippet(group: &str, name: &str) -> Option<Snippet> {
    let module = group.split_once('/').map_or(group, |(_, m)| m);
    [group.to_string(), format!("common/{module}"), "common/constructors".to_string()].into_iter().find_map(|g| {
        let key = format!("{g}/{name}");
        SNIPPETS.iter().find(|(k, _)| *k == key).map(|(k, text)| parse(&k[g.len() + 1..], text))
    })
}

/// Whether the group has a snippet named `name`.
pub fn has(group: &str, name: &str) -> bool {
    snippet(group, name).is_some()
}

/// The names of every snippet in a group.
pub fn names(group: &str) -> Vec<&'static str> {
    let prefix = format!("{group}/");
    SNIPPETS.iter().filter_map(|(k, _)| k.strip_prefix(prefix.as_str())).collect()
}

/// Assembles a group's snippets `wanted` (plus what they need) after `header`. A wanted
/// name without a snippet file is produced by `synthesize` (for adapters that only adapt
/// the calling convention, generated from a template instead of one file each).
pub fn assemble(
    group: &str,
    wanted: &BTreeSet<String>,
    header: &str,
    synthesize: &dyn Fn(&str) -> Option<String>,
) -> String {
    let mut chosen: BTreeSet<String> = BTreeSet::new();
    let mut queue: VecDeque<String> = wanted.iter().cloned().collect();
    while let Some(name) = queue.pop_front() {
        if !chosen.insert(name.clone()) {
            continue;
        }
        match snippet(group, &name) {
            Some(s) => queue.extend(s.needs().map(str::to_string)),
            // A synthesized adapter uses the core.
            None => queue.push_back("_core".into()),
        }
    }
    let mut out = String::from(header);
    let mut ordered: Vec<&String> = chosen.iter().filter(|n| *n != "_core").collect();
    if chosen.contains("_core") {
        ordered.insert(0, chosen.get("_core").expect("present"));
    }
    for name in ordered {
        match snippet(group, name) {
            Some(s) => out.push_str(s.body.trim_end()),
            None => out.push_str(synthesize(name).unwrap_or_default().trim_end()),
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_are_embedded_with_their_needs() {
        let toast = snippet("alipay/api", "showToast").expect("the Alipay showToast adapter is embedded");
        assert!(toast.needs().any(|n| n == "_core"));
        assert!(toast.body.starts_with("api.showToast"));
        let wanted: BTreeSet<String> = ["showToast".to_string(), "vibrateLong".to_string()].into();
        let module = assemble("alipay/api", &wanted, "var api = exports, __mwHost = my;\n", &|_| None);
        let core = module.find("function __mwCall").unwrap();
        assert!(core < module.find("api.showToast").unwrap() && module.contains("api.vibrateLong"));
        assert!(!module.contains("api.request"), "only what is used");
    }
}
