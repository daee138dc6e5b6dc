//! Files that belong to no unit: utility scripts, shared stylesheets, view scripts, and
//! assets. Each target later copies the asset kinds its platform uploads.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::ir::{Asset, StyleSheet, ViewScriptFile};
use crate::project::files::{Content, extension};

use super::Loader;
use super::parse::whole;

/// Files at the source root that are tooling, not app content.
const TOOLING_FILES: &[&str] = &[
    "project.config.json",
    "project.private.config.json",
    "package.json",
    "package-lock.json",
    "tsconfig.json",
    "jsconfig.json",
    "miniweave.json",
    "miniweave.schema.json",
];

type Plain = (BTreeMap<String, StyleSheet>, BTreeMap<String, Asset>);

impl Loader<'_> {
    pub(super) fn load_plain_files(&mut self) -> Plain {
        let mut styles = BTreeMap::new();
        let mut assets = BTreeMap::new();
        let entries: Vec<_> =
            self.view.iter().map(|(p, e)| (p.clone(), e.clone())).filter(|(p, _)| !self.consumed.contains(p)).collect();
        let mut diags = Vec::new();
        for (path, entry) in entries {
            let text = entry.text().cloned();
            match (extension(&path), text) {
                // Units and template files are reached from the app; others are not part
                // of it.
                ("mini" | "wxml", _) => {}
                // Scripts are emitted when the module graph reaches them; others are not
                // part of the app.
                ("js" | "ts" | "mjs" | "cjs", _) => {}
                ("wxss" | "css", Some(file)) => {
                    styles.insert(path, self.parsers.style(&file, whole(&file), &mut diags));
                }
                ("wxs", Some(file)) => {
                    let code = self.parsers.view_script(&file, &mut diags);
                    self.view_scripts.insert(path, ViewScriptFile { file, code });
                }
                ("json", _) if !path.contains('/') && TOOLING_FILES.contains(&path.as_str()) => {}
                _ => {
                    let bytes = match &entry.content {
                        Content::Bytes(b) => b.clone(),
                        Content::Text(f) => Arc::new(f.text().as_bytes().to_vec()),
                    };
                    assets.insert(path, Asset { bytes });
                }
            }
        }
        self.diags.extend(diags);
        (styles, assets)
    }
}
