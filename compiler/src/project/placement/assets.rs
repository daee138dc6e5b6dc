//! Which packages name each asset. Assets are never moved (a template may build a path at run
//! time, `src="/img/{{n}}.png"`), so this only informs: the size report counts an asset where
//! it sits, and can hint that one named only by one subpackage would be better under its root.
//!
//! Read after placement: a name found in a file counts for the package that file is in. Names
//! are static text only: template attribute values without a mustache, stylesheets' `url()`s,
//! the app's tab bar icons, and script string literals that are an asset's path. A path built
//! at run time is not seen, so an asset absent from the result may still be used.

use std::collections::{BTreeMap, BTreeSet};

use swc_core::ecma::ast::Str;
use swc_core::ecma::visit::{Visit as ScriptVisit, VisitWith};

use crate::ir::template::{Node, walk_nodes};
use crate::ir::{Project, StyleSheet, Template, package_of};
use crate::project::paths::{dir_of, resolve};
use crate::script::Script;

/// The packages (0 is main) whose files name each asset, by the asset's logical path.
pub fn asset_users(project: &Project) -> BTreeMap<String, BTreeSet<usize>> {
    let mut found = Found { project, users: BTreeMap::new() };
    if let Some(tab_bar) = &project.app.model.tab_bar {
        for item in &tab_bar.list {
            for icon in [&item.icon_path, &item.selected_icon_path].into_iter().flatten() {
                found.name("", icon, 0);
            }
        }
    }
    if let Some(s) = &project.app.script {
        found.script(s, 0);
    }
    if let Some(s) = &project.app.style {
        found.style("app.wxss", s, 0);
    }
    for unit in project.units.values() {
        found.template(&format!("{}.wxml", unit.path), &unit.template, unit.package);
        if let Some(s) = &unit.script {
            found.script(s, unit.package);
        }
        if let Some(s) = &unit.style {
            found.style(&format!("{}.wxss", unit.path), s, unit.package);
        }
    }
    for (path, template) in &project.templates {
        found.template(path, template, package_of(&project.packages, path));
    }
    for (path, script) in &project.modules {
        found.script(script, package_of(&project.packages, path));
    }
    for (path, sheet) in &project.styles {
        found.style(path, sheet, package_of(&project.packages, path));
    }
    found.users
}

struct Found<'p> {
    project: &'p Project,
    users: BTreeMap<String, BTreeSet<usize>>,
}

impl Found<'_> {
    /// Records `written` (in a file of folder `from_dir`) when it names an asset.
    fn name(&mut self, from_dir: &str, written: &str, package: usize) {
        let written = written.trim();
        let path = written.split(['?', '#']).next().unwrap_or_default();
        if path.is_empty() || path.contains("://") || path.starts_with("data:") {
            return;
        }
        if let Ok(asset) = resolve(from_dir, path) {
            if self.project.assets.contains_key(&asset) {
                self.users.entry(asset).or_default().insert(package);
            }
        }
    }

    fn template(&mut self, path: &str, template: &Template, package: usize) {
        let mut names = Vec::new();
        walk_nodes(&template.nodes, &mut |node| {
            if let Node::Element(e) = node {
                names.extend(e.attrs.iter().filter_map(|a| a.value.as_ref()?.as_literal()));
            }
        });
        for name in names {
            self.name(dir_of(path), &name, package);
        }
    }

    fn style(&mut self, path: &str, sheet: &StyleSheet, package: usize) {
        for url in crate::project::load::style_imports::urls(sheet) {
            self.name(dir_of(path), &url, package);
        }
    }

    fn script(&mut self, script: &Script, package: usize) {
        struct Strings(Vec<String>);
        impl ScriptVisit for Strings {
            fn visit_str(&mut self, s: &Str) {
                if let Some(text) = s.value.as_str() {
                    self.0.push(text.to_string());
                }
            }
        }
        let mut strings = Strings(Vec::new());
        script.module.visit_with(&mut strings);
        for s in strings.0 {
            // A relative string in a script is relative to the page at run time, not to the
            // module, so only `/`-rooted paths are certain; relative ones are read from the
            // module's folder, which is the page's for a page's own script.
            self.name(dir_of(&script.path), &s, package);
        }
    }
}
