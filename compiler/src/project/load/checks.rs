//! Checks that need the whole project: which tags a unit may use (WeChat's built-ins plus
//! its `usingComponents`, including in the files its template pulls in), which `<template
//! is>` names exist, `generic:` choices, and the tab bar.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::ir::template::{AttrKind, Node, Tag, Template, walk_nodes};
use crate::ir::{App, Unit};
use crate::project::paths::{dir_of, resolve};
use crate::script::facts::{ConstructorFacts, constructor_facts, replaces_constructors};
use crate::source::{SourceFile, Span};
use crate::template::builtins::{WECHAT_BUILTINS, is_builtin};

use super::Loader;
use super::builtin_attributes::check_builtin_attributes;
use super::component_properties::check_component_properties;
use super::handlers::check_handlers;
use super::templates::template_ref_path;

/// A template and every template file it pulls in, transitively, with their logical paths.
fn reachable<'p>(loader: &'p Loader<'_>, start_path: &str, start: &'p Template) -> Vec<(String, &'p Template)> {
    let mut seen = BTreeSet::new();
    let mut out = vec![(start_path.to_string(), start)];
    let mut i = 0;
    while i < out.len() {
        let (path, template) = (out[i].0.clone(), out[i].1);
        walk_nodes(&template.nodes, &mut |node| {
            if let Node::Import(r) | Node::Include(r) = node {
                if let Ok(p) = template_ref_path(&path, &r.src) {
                    if let Some(t) = loader.templates.get(&p) {
                        if seen.insert(p.clone()) {
                            out.push((p, t));
                        }
                    }
                }
            }
        });
        i += 1;
    }
    out
}

impl Loader<'_> {
    pub(super) fn check_units(&mut self, app: &App) {
        let mut found = Vec::new();
        // An app that replaces `Page`/`Component` may give every unit methods of its own.
        let replaced = app
            .script
            .iter()
            .chain(self.modules.values())
            .chain(self.units.values().filter_map(|u| u.script.as_ref()))
            .any(|s| replaces_constructors(&s.module));
        // What each project unit's script states; npm components are their authors' business.
        let facts: BTreeMap<&str, ConstructorFacts> = self
            .units
            .values()
            .filter(|u| !replaced && !Self::is_npm(&u.path))
            .filter_map(|u| Some((u.path.as_str(), constructor_facts(&u.script.as_ref()?.module))))
            .collect();
        let properties_of = |path: &str| facts.get(path).and_then(|f| f.properties.as_ref());
        for unit in self.units.values().filter(|u| !self.broken_configs.contains(&u.path)) {
            if let Some(methods) = facts.get(unit.path.as_str()).and_then(|f| f.methods.as_ref()) {
                check_handlers(unit, methods, &mut found);
            }
            let path = format!("{}.wxml", unit.path);
            for (i, (_, template)) in reachable(self, &path, &unit.template).into_iter().enumerate() {
                check_tags(unit, template, &mut found);
                if !Self::is_npm(&unit.path) {
                    check_builtin_attributes(unit, template, &mut found);
                    check_component_properties(unit, template, &properties_of, &mut found);
                    self.check_media_sources(template, (i == 0).then(|| dir_of(&unit.path)), &mut found);
                }
            }
        }
        let mut documents: Vec<(String, &Template)> =
            self.units.values().map(|u| (format!("{}.wxml", u.path), &u.template)).collect();
        documents.extend(self.templates.iter().map(|(p, t)| (p.clone(), t)));
        for (path, template) in documents {
            self.check_template_names(&path, template, &mut found);
        }
        self.diags.extend(found);
        self.check_tab_bar(app);
    }

    /// `<template is="x">` with a literal name must find `x` in the file, in a file it
    /// imports, or in a file it includes.
    fn check_template_names(&self, path: &str, template: &Template, found: &mut Vec<Diagnostic>) {
        let mut names: BTreeSet<String> = defined_names(template);
        walk_nodes(&template.nodes, &mut |node| {
            if let Node::Import(r) | Node::Include(r) = node {
                if let Some(t) = template_ref_path(path, &r.src).ok().and_then(|p| self.templates.get(&p)) {
                    names.extend(defined_names(t));
                    if matches!(node, Node::Include(_)) {
                        for (_, inner) in reachable(self, path, t) {
                            names.extend(defined_names(inner));
                        }
                    }
                }
            }
        });
        walk_nodes(&template.nodes, &mut |node| {
            let Node::TemplateCall(call) = node else {
                return;
            };
            let Some(name) = call.is.as_literal() else {
                return;
            };
            if !names.contains(&name) {
                // WeChat renders nothing for it and logs a warning at run time (wcc's `_w`).
                let mut d = Diagnostic::warning(
                    "template::unknown-template",
                    format!("template `{name}` is not defined; WeChat renders nothing for it"),
                )
                .at(&template.file, call.is.span, "no <template name> with this name here or in an imported file")
                .help("define it with <template name=\"…\">, or <import src=\"…\"/> the file that does");
                if let Some(close) = did_you_mean(&name, names.iter().map(String::as_str)) {
                    d = d.help(format!("did you mean `{close}`?"));
                }
                found.push(d);
            }
        });
    }

    fn check_tab_bar(&mut self, app: &App) {
        let Some(tab_bar) = &app.model.tab_bar else {
            return;
        };
        let config = &app.config;
        for (i, item) in tab_bar.list.iter().enumerate() {
            let index = i.to_string();
            let page = item.page_path.trim_start_matches('/');
            if !app.model.pages.iter().any(|p| p.trim_start_matches('/') == page) {
                self.diags.push(
                    Diagnostic::error(
                        "project::tab-not-a-page",
                        format!("tab bar page `{}` is not in `pages`", item.page_path),
                    )
                    .at(&config.file, config.span_at(["tabBar", "list", &index, "pagePath"]), "not a main-package page")
                    .help("tab bar pages must be listed in the app's `pages`"),
                );
            }
            for (key, icon) in [("iconPath", &item.icon_path), ("selectedIconPath", &item.selected_icon_path)] {
                let Some(icon) = icon else { continue };
                let span = config.span_at(["tabBar", "list", &index, key]);
                // A darkmode variable (`@iconPath`) stands for the files the themes name.
                let files = match app.theme_values(icon) {
                    Some(values) if values.is_empty() => {
                        self.diags.push(
                            Diagnostic::warning(
                                "config::unknown-theme-variable",
                                format!("`{icon}` is not a variable of the app's theme"),
                            )
                            .at(&config.file, span, "not in themeLocation's light or dark theme")
                            .help("define it in the theme file named by `themeLocation`"),
                        );
                        continue;
                    }
                    Some(values) => values.into_iter().map(str::to_string).collect(),
                    None => vec![icon.clone()],
                };
                for file in files {
                    if !resolve("", &file).is_ok_and(|p| self.view.contains(&p)) {
                        self.diags.push(
                            Diagnostic::error("project::missing-file", format!("tab bar icon `{file}` does not exist"))
                                .at(&config.file, span, "no such file")
                                .help("icon paths are relative to the source root"),
                        );
                    }
                }
            }
        }
        if let Some(entry) = &app.model.entry_page_path {
            if !app.model.pages.contains(entry) {
                self.diags.push(
                    Diagnostic::error(
                        "project::bad-entry-page",
                        format!("`entryPagePath` `{entry}` is not in `pages`"),
                    )
                    .at(&config.file, config.span_at(["entryPagePath"]), "not a main-package page"),
                );
            }
        }
    }
}

fn defined_names(template: &Template) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    walk_nodes(&template.nodes, &mut |node| {
        if let Node::TemplateDef(d) = node {
            names.insert(d.name.clone());
        }
    });
    names
}

/// Every tag of `template` must be a WeChat built-in or a component `unit` declares;
/// every `generic:` choice must be a component the unit declares.
fn check_tags(unit: &Unit, template: &Template, found: &mut Vec<Diagnostic>) {
    let file: &Arc<SourceFile> = &template.file;
    let known = |name: &str| unit.declares(name);
    walk_nodes(&template.nodes, &mut |node| {
        let Node::Element(element) = node else { return };
        if let Tag::Named(name) = &element.tag {
            if !is_builtin(name) && !known(name) {
                found.push(unknown_tag(unit, file, element.name_span, name));
            }
        }
        for attr in element.attrs.iter().filter(|a| a.kind == AttrKind::Generic) {
            let choice = attr.value.as_ref().and_then(|v| v.as_literal()).unwrap_or_default();
            if !known(&choice) {
                // wcc compiles it; WeChat fails to find the component when it renders.
                found.push(
                    Diagnostic::warning(
                        "template::unknown-generic",
                        format!("`generic:{}` names `{choice}`, which is not a declared component", attr.name),
                    )
                    .at(file, attr.span, "not in usingComponents")
                    .help(format!("declare `{choice}` in {}'s usingComponents", unit.path)),
                );
            }
        }
    });
}

fn unknown_tag(unit: &Unit, file: &Arc<SourceFile>, span: Span, name: &str) -> Diagnostic {
    let candidates = WECHAT_BUILTINS.iter().copied().chain(unit.components.keys().map(String::as_str));
    let close = did_you_mean(name, candidates);
    let help = match close {
        Some(c) => format!(
            "did you mean `<{c}>`? Otherwise declare it in {}'s usingComponents: \"{name}\": \"/components/{name}/{name}\"",
            unit.path
        ),
        None => format!("declare it in {}'s usingComponents: \"{name}\": \"/components/{name}/{name}\"", unit.path),
    };
    // WeChat renders an unknown tag as a plain element without behaviour (wcc compiles it):
    // a warning, and the backends give Alipay and Weibo a plain `view` or `text`.
    Diagnostic::warning(
        "template::unknown-tag",
        format!("`<{name}>` is neither a WeChat component nor declared in usingComponents; WeChat renders it as a plain element"),
    )
    .at(file, span, "unknown tag")
    .help(help)
}
