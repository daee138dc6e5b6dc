//! Applying a [`Plan`]: every placed file is re-keyed at its new path (once per copy), and
//! every reference, in the file or to it, is rewritten to where the referring copy finds it.
//! References the plan leaves as they were keep their written form.

use std::collections::BTreeMap;
use std::sync::Arc;

use lightningcss::media_query::MediaList;
use lightningcss::rules::import::ImportRule;
use lightningcss::rules::{CssRule, Location};
use lightningcss::stylesheet::ParserOptions;
use lightningcss::values::url::Url;
use lightningcss::visit_types;
use lightningcss::visitor::{Visit, VisitTypes, Visitor};

use super::uses::{Item, app_style_copied, dep_item, globals, style_item, tags_used, template_ref_item};
use super::{Plan, SHARED_DIR};
use crate::config::ConfigDoc;
use crate::ir::template::{FileRef, Node, ViewScriptSource, walk_nodes_mut};
use crate::ir::{ComponentRef, Project, StyleSheet, Template, Unit, UnitKind};
use crate::json::{Json, JsonValue, Member};
use crate::project::load::{RefKind, view_script_requires};
use crate::project::paths::{dir_of, relative, resolve};
use crate::script::Script;
use crate::source::Span;
use crate::style::{Css, Located};

/// One copy of a file: where it was, where it goes, and the package it is in.
struct Copy<'a> {
    old: &'a str,
    new: &'a str,
    package: usize,
}

impl Copy<'_> {
    fn moved(&self) -> bool {
        self.old != self.new
    }
}

/// `map`'s items (made by `item`) at their copies' paths, each copy rewritten by `f`.
fn place_map<T: Clone>(
    map: &BTreeMap<String, T>,
    plan: &Plan,
    item: fn(String) -> Item,
    mut f: impl FnMut(&mut T, &Copy<'_>),
) -> BTreeMap<String, T> {
    let mut out = BTreeMap::new();
    for (path, value) in map {
        for (new, package) in plan.instances(&item(path.clone())) {
            let mut v = value.clone();
            f(&mut v, &Copy { old: path, new: &new, package });
            out.insert(new, v);
        }
    }
    out
}

pub fn apply(project: &mut Project, plan: &Plan) {
    // References resolve against the project as loaded; it is replaced once all is placed.
    let p: &Project = project;
    let modules = place_map(&p.modules, plan, Item::Module, |s, c| rewrite_script(p, plan, s, c.new, c.package));
    let data = place_map(&p.data, plan, Item::Data, |_, _| {});
    let templates = place_map(&p.templates, plan, Item::Template, |t, c| rewrite_template_nodes(p, plan, t, c));
    let view_scripts =
        place_map(&p.view_scripts, plan, Item::ViewScript, |v, c| v.code = rewrite_requires(p, plan, &v.code, c));
    let mut styles = place_map(&p.styles, plan, Item::Style, |s, c| rewrite_style(p, plan, s, c));
    if let (Some(app_style), true) = (&p.app.style, app_style_copied(p)) {
        for (package, pk) in p.packages.iter().enumerate().filter(|(i, pk)| *i != 0 && pk.independent) {
            let path = app_style_copy(pk);
            let mut sheet = app_style.clone();
            rewrite_style(p, plan, &mut sheet, &Copy { old: "app.wxss", new: &path, package });
            styles.insert(path, sheet);
        }
    }
    let units = place_map(&p.units, plan, Item::Unit, |u, c| rewrite_unit(p, plan, u, c));
    project.modules = modules;
    project.data = data;
    project.templates = templates;
    project.view_scripts = view_scripts;
    project.styles = styles;
    project.units = units;
}

fn rewrite_script(p: &Project, plan: &Plan, script: &mut Script, new_path: &str, package: usize) {
    script.path = new_path.to_string();
    for d in &mut script.deps {
        if let Some(item) = dep_item(p, &d.target) {
            d.target = plan.locate(&item, package);
        }
    }
}

/// `written` (a reference from the file at `c.old` to `target`) as the copy at `c.new` writes
/// it: unchanged when neither end moved.
fn rewritten(plan: &Plan, c: &Copy<'_>, target: &Item, written: &str) -> Option<String> {
    let located = plan.locate(target, c.package);
    (c.moved() || located != target.path()).then(|| relative(dir_of(c.new), &located)).filter(|r| r != written)
}

fn rewrite_template_nodes(p: &Project, plan: &Plan, template: &mut Template, c: &Copy<'_>) {
    let fix = |r: &mut FileRef, kind: RefKind| {
        if let Some(target) = template_ref_item(p, c.old, kind, &r.src) {
            if let Some(src) = rewritten(plan, c, &target, &r.src) {
                r.src = src;
            }
        }
    };
    walk_nodes_mut(&mut template.nodes, &mut |node| match node {
        Node::Import(r) | Node::Include(r) => fix(r, RefKind::Template),
        Node::ViewScript(v) => match &mut v.source {
            ViewScriptSource::File(r) => fix(r, RefKind::ViewScript),
            ViewScriptSource::Inline(code) => *code = rewrite_requires(p, plan, code, c),
        },
        _ => {}
    });
}

/// A view script's `require('…')`s (WXS code, in a file or inline in the template at
/// `c.old`), pointed at the copies.
fn rewrite_requires(p: &Project, plan: &Plan, code: &str, c: &Copy<'_>) -> String {
    let mut out = code.to_string();
    for (src, span) in view_script_requires(code).into_iter().rev() {
        let Some(target) = template_ref_item(p, c.old, RefKind::ViewScriptRequire, &src) else { continue };
        if let Some(new) = rewritten(plan, c, &target, &src) {
            out.replace_range(span.start..span.end, &format!("'{new}'"));
        }
    }
    out
}

/// A stylesheet's `@import`s pointed at the copies; a moved sheet's relative `url()`s
/// written from the source root, since assets keep their paths.
fn rewrite_style(p: &Project, plan: &Plan, sheet: &mut StyleSheet, c: &Copy<'_>) {
    let Some(css) = &sheet.css else { return };
    let mut css = (**css).clone();
    for rule in css.rules.0.iter_mut() {
        if let CssRule::Import(i) = rule {
            let written = i.url.to_string();
            let Some(target) = style_item(p, c.old, &written) else { continue };
            let located = match &target {
                Item::Unit(_) => format!("{}.wxss", plan.locate(&target, c.package)),
                _ => plan.locate(&target, c.package),
            };
            let original = match &target {
                Item::Unit(u) => format!("{u}.wxss"),
                other => other.path().to_string(),
            };
            if c.moved() || located != original {
                i.url = relative(dir_of(c.new), &located).into();
            }
        }
    }
    if c.moved() {
        let mut rooted = RootUrls { from_dir: dir_of(c.old) };
        let _ = css.visit(&mut rooted);
    }
    sheet.css = Some(Arc::new(css));
}

/// Relative `url()`s rewritten from the source root (`/img/a.png`).
struct RootUrls<'a> {
    from_dir: &'a str,
}

impl<'i> Visitor<'i> for RootUrls<'_> {
    type Error = std::convert::Infallible;
    fn visit_types(&self) -> VisitTypes {
        visit_types!(URLS)
    }
    fn visit_url(&mut self, url: &mut Url<'i>) -> Result<(), Self::Error> {
        let written = url.url.to_string();
        let lower = written.to_ascii_lowercase();
        let external = written.is_empty()
            || written.starts_with('/')
            || written.starts_with('#')
            || lower.starts_with("data:")
            || lower.contains("://");
        if !external {
            let cut = written.find(['?', '#']).unwrap_or(written.len());
            if let Ok(path) = resolve(self.from_dir, &written[..cut]) {
                url.url = format!("/{path}{}", &written[cut..]).into();
            }
        }
        Ok(())
    }
}

fn rewrite_unit(p: &Project, plan: &Plan, unit: &mut Unit, c: &Copy<'_>) {
    let old_template = format!("{}.wxml", c.old);
    let new_template = format!("{}.wxml", c.new);
    let independent = p.packages[c.package].independent;
    // Global components an independent subpackage's unit uses, copied in and named in its
    // own config; the others are not available there.
    let own_globals: Vec<String> = if independent {
        let used = tags_used(p, &old_template, &unit.template);
        let all: Vec<String> = globals(p, unit).map(|(tag, _)| tag.clone()).collect();
        for tag in all.iter().filter(|t| !used.contains(*t)) {
            unit.components.remove(tag);
        }
        all.into_iter().filter(|t| used.contains(t)).collect()
    } else {
        Vec::new()
    };
    let mut config_paths: BTreeMap<String, String> = BTreeMap::new();
    for (tag, component) in unit.components.iter_mut() {
        if let ComponentRef::Unit(path) = component {
            let item = Item::Unit(path.clone());
            let located = plan.locate(&item, c.package);
            let own = unit.model.using_components.contains_key(tag);
            if (own && (c.moved() || located != *path)) || own_globals.contains(tag) {
                config_paths.insert(tag.clone(), format!("/{located}"));
            }
            *path = located;
        }
    }
    if !config_paths.is_empty() {
        let doc = unit.config.get_or_insert_with(|| ConfigDoc {
            json: Json { value: JsonValue::Object(Vec::new()), span: Span::point(0) },
            file: unit.file.clone(),
        });
        set_using_components(&mut doc.json, &config_paths);
        for (tag, path) in &config_paths {
            unit.model.using_components.insert(tag.clone(), path.clone());
        }
    }
    unit.path = c.new.to_string();
    unit.package = c.package;
    if let Some(script) = &mut unit.script {
        rewrite_script(p, plan, script, &format!("{}.js", c.new), c.package);
    }
    let tc = Copy { old: &old_template, new: &new_template, package: c.package };
    rewrite_template_nodes(p, plan, &mut unit.template, &tc);
    if let Some(style) = &mut unit.style {
        let (old, new) = (format!("{}.wxss", c.old), format!("{}.wxss", c.new));
        rewrite_style(p, plan, style, &Copy { old: &old, new: &new, package: c.package });
    }
    if independent && unit.kind == UnitKind::Page && app_style_copied(p) {
        import_app_style(unit, &app_style_copy(&p.packages[c.package]));
    }
}

/// Where an independent subpackage's copy of the app's stylesheet goes.
fn app_style_copy(package: &crate::ir::Package) -> String {
    format!("{}/{SHARED_DIR}/app.wxss", package.root.as_deref().unwrap_or_default())
}

/// Makes a page's stylesheet import `copy` (the app's stylesheet) first, as app.wxss would
/// apply before it; a page without a stylesheet gets one.
fn import_app_style(unit: &mut Unit, copy: &str) {
    let url = relative(dir_of(&unit.path), copy);
    let style = unit.style.get_or_insert_with(|| StyleSheet {
        file: unit.file.clone(),
        text: String::new(),
        base: 0,
        css: None,
        located: Located::new(unit.file.clone(), 0),
    });
    let mut css = match &style.css {
        Some(css) => (**css).clone(),
        None => Css::parse("", ParserOptions::default()).expect("an empty stylesheet parses"),
    };
    let import = ImportRule {
        url: url.into(),
        layer: None,
        supports: None,
        media: MediaList::new(),
        loc: Location { source_index: 0, line: 0, column: 1 },
    };
    css.rules.0.insert(0, CssRule::Import(import));
    style.css = Some(Arc::new(css));
}

/// Sets `usingComponents.<tag>` of a config to `paths`' values, adding the entries it lacks.
fn set_using_components(json: &mut Json, paths: &BTreeMap<String, String>) {
    let JsonValue::Object(members) = &mut json.value else { return };
    let span = json.span;
    let index = match members.iter().rposition(|m| m.key == "usingComponents") {
        Some(i) => i,
        None => {
            let value = Json { value: JsonValue::Object(Vec::new()), span };
            members.push(Member { key: "usingComponents".into(), key_span: span, value });
            members.len() - 1
        }
    };
    let using = &mut members[index].value;
    let JsonValue::Object(entries) = &mut using.value else { return };
    for (tag, path) in paths {
        let value = Json { value: JsonValue::String(path.clone()), span };
        match entries.iter_mut().rev().find(|m| m.key == *tag) {
            Some(m) => m.value = Json { span: m.value.span, ..value },
            None => entries.push(Member { key: tag.clone(), key_span: span, value }),
        }
    }
}
