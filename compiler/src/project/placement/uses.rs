//! Which packages use each file: the whole program's references (a unit's components, its
//! script's imports, its template's `<import>`/`<include>`/`<wxs>`, its style's `@import`;
//! the same from every module, template, view script and stylesheet), followed from each
//! package's pages, and from the app itself for the main package.
//!
//! A file under a subpackage's root belongs to that subpackage; reaching it from another
//! package is WeChat's cross-package import, reported here with both paths.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::Arc;

use lightningcss::rules::CssRule;

use crate::diagnostics::Diagnostic;
use crate::ir::template::{Node, Tag, walk_nodes};
use crate::ir::{ComponentRef, Project, StyleSheet, Template, UnitKind, package_of};
use crate::project::load::{RefKind, file_refs, style_import_paths, template_ref_path, view_script_ref_path};
use crate::source::{SourceFile, Span};

/// A file of the program, by kind and logical path (a unit's path has no extension).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    Unit(String),
    Module(String),
    Data(String),
    Template(String),
    ViewScript(String),
    Style(String),
}

impl Item {
    pub fn path(&self) -> &str {
        match self {
            Item::Unit(p)
            | Item::Module(p)
            | Item::Data(p)
            | Item::Template(p)
            | Item::ViewScript(p)
            | Item::Style(p) => p,
        }
    }
}

/// A reference from one file to another, and where it is written.
pub struct Ref {
    pub to: Item,
    pub at: Option<(Arc<SourceFile>, Span)>,
    /// A component with a `componentPlaceholder`: WeChat loads another subpackage's component
    /// asynchronously then (`分包异步化`; the independent-subpackage rules, independent.html,
    /// exempt it: "使用分包异步化时 js 文件、自定义组件、插件不受此条限制"), so naming one is
    /// not a cross-package use.
    pub deferred: bool,
}

/// The item a script dependency names (a module or imported data), if loaded.
pub fn dep_item(project: &Project, target: &str) -> Option<Item> {
    if project.modules.contains_key(target) {
        Some(Item::Module(target.to_string()))
    } else if project.data.contains_key(target) {
        Some(Item::Data(target.to_string()))
    } else {
        None
    }
}

/// The item an `@import` in the stylesheet at `from` names: a plain stylesheet, or a unit's
/// own (which brings the unit along).
pub fn style_item(project: &Project, from: &str, written: &str) -> Option<Item> {
    style_import_paths(from, written).into_iter().find_map(|p| {
        if project.styles.contains_key(&p) {
            return Some(Item::Style(p));
        }
        let unit = p.strip_suffix(".wxss")?;
        project.units.get(unit)?.style.as_ref()?;
        Some(Item::Unit(unit.to_string()))
    })
}

/// The item a template reference names, if loaded.
pub fn template_ref_item(project: &Project, from: &str, kind: RefKind, src: &str) -> Option<Item> {
    match kind {
        RefKind::Template => {
            template_ref_path(from, src).ok().filter(|p| project.templates.contains_key(p)).map(Item::Template)
        }
        RefKind::ViewScript | RefKind::ViewScriptRequire => {
            view_script_ref_path(from, src).ok().filter(|p| project.view_scripts.contains_key(p)).map(Item::ViewScript)
        }
    }
}

fn script_refs(project: &Project, script: &crate::script::Script, out: &mut Vec<Ref>) {
    for d in &script.deps {
        if let Some(to) = dep_item(project, &d.target) {
            out.push(Ref { to, at: Some((script.file.clone(), d.span)), deferred: false });
        }
    }
}

fn template_refs(project: &Project, from: &str, template: &Template, out: &mut Vec<Ref>) {
    for (kind, r) in file_refs(template) {
        if let Some(to) = template_ref_item(project, from, kind, &r.src) {
            out.push(Ref { to, at: Some((template.file.clone(), r.span)), deferred: false });
        }
    }
}

fn style_refs(project: &Project, from: &str, sheet: &StyleSheet, out: &mut Vec<Ref>) {
    let Some(css) = &sheet.css else { return };
    for rule in &css.rules.0 {
        if let CssRule::Import(i) = rule {
            if let Some(to) = style_item(project, from, &i.url) {
                out.push(Ref {
                    to,
                    at: Some((sheet.file.clone(), sheet.located.span(i.loc.line, i.loc.column))),
                    deferred: false,
                });
            }
        }
    }
}

/// The custom tags a template uses, its imported and included templates' too.
pub fn tags_used(project: &Project, from: &str, template: &Template) -> BTreeSet<String> {
    let mut tags = BTreeSet::new();
    let mut queue = vec![(from.to_string(), template)];
    let mut seen = BTreeSet::new();
    while let Some((path, t)) = queue.pop() {
        walk_nodes(&t.nodes, &mut |node| {
            if let Node::Element(e) = node {
                if let Tag::Named(name) = &e.tag {
                    tags.insert(name.clone());
                }
            }
        });
        for (kind, r) in file_refs(t) {
            if let Some(Item::Template(p)) = template_ref_item(project, &path, kind, &r.src) {
                if seen.insert(p.clone()) {
                    queue.push((p.clone(), &project.templates[&p]));
                }
            }
        }
    }
    tags
}

/// The app's global components (`usingComponents` of app.json) a unit may use: the tags
/// it does not declare itself.
pub fn globals<'p>(project: &'p Project, unit: &'p crate::ir::Unit) -> impl Iterator<Item = (&'p String, &'p String)> {
    unit.components.iter().filter_map(|(tag, c)| match c {
        ComponentRef::Unit(path)
            if project.app.model.using_components.contains_key(tag)
                && !unit.model.using_components.contains_key(tag) =>
        {
            Some((tag, path))
        }
        _ => None,
    })
}

/// What an item references when used by package `package`.
pub fn refs(project: &Project, item: &Item, package: usize) -> Vec<Ref> {
    let mut out = Vec::new();
    match item {
        Item::Module(p) => {
            if let Some(s) = project.modules.get(p) {
                script_refs(project, s, &mut out);
            }
        }
        Item::Data(_) => {}
        Item::Template(p) => {
            if let Some(t) = project.templates.get(p) {
                template_refs(project, p, t, &mut out);
            }
        }
        Item::ViewScript(p) => {
            if let Some(v) = project.view_scripts.get(p) {
                for (src, span) in crate::project::load::view_script_requires(&v.code) {
                    if let Some(to) = template_ref_item(project, p, RefKind::ViewScriptRequire, &src) {
                        out.push(Ref { to, at: Some((v.file.clone(), span)), deferred: false });
                    }
                }
            }
        }
        Item::Style(p) => {
            if let Some(s) = project.styles.get(p) {
                style_refs(project, p, s, &mut out);
            }
        }
        Item::Unit(p) => {
            let Some(unit) = project.units.get(p) else { return out };
            for (tag, c) in &unit.components {
                if let (ComponentRef::Unit(path), true) = (c, unit.model.using_components.contains_key(tag)) {
                    let at =
                        unit.config.as_ref().map(|d| (d.file.clone(), d.span_at(["usingComponents", tag.as_str()])));
                    let placeholder = unit.config.as_ref().and_then(|d| d.json.get("componentPlaceholder")?.get(tag));
                    out.push(Ref { to: Item::Unit(path.clone()), at, deferred: placeholder.is_some() });
                }
            }
            // The app's components do not reach an independent subpackage: the ones its
            // units' templates use (a shared component's included) are its own copies
            // (WeChat `independent subpackages`).
            if project.packages[package].independent {
                let used = tags_used(project, &format!("{p}.wxml"), &unit.template);
                for (tag, path) in globals(project, unit).filter(|(tag, _)| used.contains(*tag)) {
                    let app = &project.app.config;
                    let at = Some((app.file.clone(), app.span_at(["usingComponents", tag.as_str()])));
                    out.push(Ref { to: Item::Unit(path.clone()), at, deferred: false });
                }
            }
            if let Some(s) = &unit.script {
                script_refs(project, s, &mut out);
            }
            template_refs(project, &format!("{p}.wxml"), &unit.template, &mut out);
            if let Some(s) = &unit.style {
                style_refs(project, &format!("{p}.wxss"), s, &mut out);
            }
        }
    }
    out
}

/// What each package starts from: its pages, and for the main package the app's script,
/// style, global components and custom tab bar.
fn roots(project: &Project) -> Vec<Vec<Item>> {
    let mut roots = vec![Vec::new(); project.packages.len()];
    for unit in project.units.values().filter(|u| u.kind == UnitKind::Page) {
        roots[unit.package].push(Item::Unit(unit.path.clone()));
    }
    let main = &mut roots[0];
    let mut app_refs = Vec::new();
    if let Some(s) = &project.app.script {
        script_refs(project, s, &mut app_refs);
    }
    if let Some(s) = &project.app.style {
        style_refs(project, "app.wxss", s, &mut app_refs);
    }
    main.extend(app_refs.into_iter().map(|r| r.to));
    for unit in project.units.values() {
        main.extend(globals(project, unit).map(|(_, path)| Item::Unit(path.clone())));
    }
    if project.units.contains_key("custom-tab-bar/index") {
        main.push(Item::Unit("custom-tab-bar/index".into()));
    }
    // WeChat does not apply app.wxss in an independent subpackage: its pages import their own
    // copy (see rewrite.rs), and with it what app.wxss imports.
    if let (Some(style), true) = (&project.app.style, app_style_copied(project)) {
        let mut imported = Vec::new();
        style_refs(project, "app.wxss", style, &mut imported);
        for (package, roots) in roots.iter_mut().enumerate() {
            if package != 0 && project.packages[package].independent {
                roots.extend(imported.iter().map(|r| r.to.clone()));
            }
        }
    }
    roots
}

/// Whether an independent subpackage gets its own copy of the app's stylesheet: on WeChat,
/// which does not apply app.wxss there (WeChat `独立分包`, developers.weixin.qq.com/miniprogram/
/// dev/framework/subpackages/independent.html: "主包中的 app.wxss 对独立分包无效").
/// Alipay documents no independent subpackages: its app.acss applies everywhere.
pub fn app_style_copied(project: &Project) -> bool {
    project.target == crate::target::Target::Wechat && project.app.style.is_some()
}

/// The packages that use each item reached from some package's roots. A reference into
/// another subpackage's root is reported and not followed.
pub fn users(project: &Project, diags: &mut Vec<Diagnostic>) -> BTreeMap<Item, BTreeSet<usize>> {
    let mut users: BTreeMap<Item, BTreeSet<usize>> = BTreeMap::new();
    let mut reported = BTreeSet::new();
    for (package, roots) in roots(project).into_iter().enumerate() {
        let mut queue: VecDeque<Item> = roots.into_iter().collect();
        while let Some(item) = queue.pop_front() {
            if !users.entry(item.clone()).or_default().insert(package) {
                continue;
            }
            for r in refs(project, &item, package) {
                let owner = package_of(&project.packages, r.to.path());
                if owner != 0 && owner != package {
                    if r.deferred {
                        continue;
                    }
                    if let Some((file, span)) = &r.at {
                        if reported.insert((file.name().to_string(), span.start)) {
                            diags.push(cross_import(project, package, item.path(), &r.to, owner, file, *span));
                        }
                    }
                    continue;
                }
                queue.push_back(r.to);
            }
        }
    }
    users
}

fn package_name(project: &Project, index: usize) -> String {
    match &project.packages[index].root {
        None => "the main package".into(),
        Some(root) => format!("subpackage `{root}`"),
    }
}

fn cross_import(
    project: &Project,
    from_package: usize,
    from: &str,
    to: &Item,
    owner: usize,
    file: &Arc<SourceFile>,
    span: Span,
) -> Diagnostic {
    let shown = |p: &str| if project.src_dir.is_empty() { p.to_string() } else { format!("{}/{p}", project.src_dir) };
    let (from, to_path) = (shown(from), shown(to.path()));
    Diagnostic::error(
        "package::cross-import",
        format!(
            "`{from}` ({}) uses `{to_path}`, which belongs to {}",
            package_name(project, from_package),
            package_name(project, owner)
        ),
    )
    .at(file, span, format!("`{to_path}` is in another package"))
    .help(format!(
        "a file under a subpackage's root can be used only from that subpackage (WeChat's rule): move `{to_path}` out of `{}/`, and miniweave places it where it is used",
        shown(project.packages[owner].root.as_deref().unwrap_or_default())
    ))
}
