//! One target's view of the source tree: file variants applied (LANGUAGE.md §7).
//!
//! `format.alipay.ts` replaces `format.ts` on Alipay and does not exist on the other
//! targets; `card.weibo.mini` replaces `card.mini` on Weibo; likewise for any file kind.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::target::Target;

use super::files::{FileEntry, FileSet};

#[derive(Debug, Default)]
pub struct SourceView {
    files: BTreeMap<String, Arc<FileEntry>>,
}

/// `dir/name.<target>.ext` → (`dir/name.ext`, target).
fn variant_of(path: &str) -> Option<(String, Target)> {
    let (dir, name) = path.rsplit_once('/').map_or(("", path), |(d, n)| (d, n));
    let (stem, ext) = name.rsplit_once('.')?;
    let (base, suffix) = stem.rsplit_once('.')?;
    let target = suffix.parse::<Target>().ok()?;
    let logical_name = format!("{base}.{ext}");
    let logical = if dir.is_empty() { logical_name } else { format!("{dir}/{logical_name}") };
    Some((logical, target))
}

impl SourceView {
    pub fn new(files: &FileSet, target: Target) -> Self {
        let mut view = BTreeMap::new();
        let mut variants = Vec::new();
        for (path, entry) in &files.files {
            match variant_of(path) {
                Some((logical, t)) if t == target => variants.push((logical, entry.clone())),
                Some(_) => {}
                None => {
                    view.insert(path.clone(), entry.clone());
                }
            }
        }
        view.extend(variants);
        SourceView { files: view }
    }

    pub fn get(&self, path: &str) -> Option<&Arc<FileEntry>> {
        self.files.get(path)
    }

    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Arc<FileEntry>)> {
        self.files.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants() {
        assert_eq!(variant_of("utils/format.alipay.ts"), Some(("utils/format.ts".into(), Target::Alipay)));
        assert_eq!(variant_of("card.weibo.mini"), Some(("card.mini".into(), Target::Weibo)));
        assert_eq!(variant_of("a.min.js"), None);
        assert_eq!(variant_of("weibo.js"), None);
    }
}
