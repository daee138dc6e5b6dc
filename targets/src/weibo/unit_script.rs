//! The `<script>` of a Weibo `.vue` file. The unit's own script runs first: its rewritten
//! `Page(x)`/`Component(x)` hands the WeChat options to the runtime (`__mwRt.register`).
//! Then the file's default export asks the runtime for the Vue options, given what only the
//! compiler knows: the unit's path, the components its template uses (imported `.vue`
//! files), its view-script modules, and the names its template reads (so that a name set
//! later by `setData` is reactive: Vue 2 cannot add a reactive top-level key afterwards).

use std::collections::BTreeSet;

use miniweave_compiler::ir::expr::{Expr, ExprKind, ObjectItem, Property};
use miniweave_compiler::ir::template::{AttrKind, Element, Node, Segment, Tag, Value};
use miniweave_compiler::ir::{ComponentRef, Unit, UnitKind};
use miniweave_compiler::project::paths::{dir_of, relative};

use super::place;
use crate::common::case::dash_to_camel;
use crate::common::constructors::RUNTIME_LOCAL;
use crate::style::Scope;
use miniweave_compiler::script::parse;
use miniweave_compiler::sfc::ScriptLang;
use swc_core::common::DUMMY_SP;
use swc_core::ecma::ast::ModuleItem;
use swc_core::ecma::visit::{VisitMut, VisitMutWith};

/// What the runtime needs to scope a component's run-time class names.
pub struct Scoping<'a> {
    /// The component's external classes (props).
    pub externals: &'a BTreeSet<String>,
    /// Whether global class rules apply inside it (names are kept beside the scoped ones).
    pub shared: bool,
}

/// A view-script module a unit's template uses: its name and emitted logical path.
pub struct WxsModule {
    pub name: String,
    pub path: String,
}

/// The custom components the template uses, as (tag, unit path), in first-use order: as tags,
/// and as the choices of `generic:` attributes (passed to the child component as objects).
fn used_components(unit: &Unit, nodes: &[Node]) -> Vec<(String, String)> {
    let mut used: Vec<(String, String)> = Vec::new();
    let mut add = |name: &str| {
        if let Some(ComponentRef::Unit(path)) = unit.components.get(name) {
            if !used.iter().any(|(t, _)| t == name) {
                used.push((name.to_string(), path.clone()));
            }
        }
    };
    miniweave_compiler::ir::template::walk_nodes(nodes, &mut |n| {
        if let Node::Element(e @ Element { tag: Tag::Named(name), .. }) = n {
            add(name);
            for attr in e.attrs.iter().filter(|a| a.kind == AttrKind::Generic) {
                if let Some(choice) = attr.value.as_ref().and_then(|v| v.as_literal()) {
                    add(&choice);
                }
            }
        }
    });
    used
}

/// The top-level names an expression reads that `bound` does not hold.
fn expr_names(expr: &Expr, bound: &[String], out: &mut BTreeSet<String>) {
    match &expr.kind {
        ExprKind::Ident(name) if !bound.contains(name) => {
            out.insert(name.clone());
        }
        ExprKind::Member { object, property } => {
            expr_names(object, bound, out);
            if let Property::Computed(p) = property {
                expr_names(p, bound, out);
            }
        }
        ExprKind::Call { callee, args } => {
            expr_names(callee, bound, out);
            args.iter().for_each(|a| expr_names(a, bound, out));
        }
        ExprKind::Unary { arg, .. } | ExprKind::Paren(arg) => expr_names(arg, bound, out),
        ExprKind::Binary { left, right, .. } => {
            expr_names(left, bound, out);
            expr_names(right, bound, out);
        }
        ExprKind::Conditional { test, consequent, alternate } => {
            for e in [test, consequent, alternate] {
                expr_names(e, bound, out);
            }
        }
        ExprKind::Array(items) => items.iter().for_each(|e| expr_names(e, bound, out)),
        ExprKind::Object(items) | ExprKind::BareObject(items) => {
            for item in items {
                match item {
                    ObjectItem::KeyValue { value, .. } => expr_names(value, bound, out),
                    ObjectItem::Spread(e) => expr_names(e, bound, out),
                    ObjectItem::Shorthand { name, .. } => {
                        if !bound.contains(name) {
                            out.insert(name.clone());
                        }
                    }
                }
            }
        }
        _ => {}
    }
}

fn value_names(value: &Value, bound: &[String], out: &mut BTreeSet<String>) {
    for s in &value.segments {
        if let Segment::Expr(e) = s {
            expr_names(e, bound, out);
        }
    }
}

/// Every top-level name the template reads, loop variables excluded.
fn template_names(nodes: &[Node], bound: &mut Vec<String>, out: &mut BTreeSet<String>) {
    for node in nodes {
        match node {
            Node::Element(e) => {
                e.attrs.iter().filter_map(|a| a.value.as_ref()).for_each(|v| value_names(v, bound, out));
                e.events.iter().for_each(|ev| value_names(&ev.handler, bound, out));
                template_names(&e.children, bound, out);
            }
            Node::Text(t) => {
                for s in &t.segments {
                    if let Segment::Expr(e) = s {
                        expr_names(e, bound, out);
                    }
                }
            }
            Node::If(chain) => {
                for branch in &chain.branches {
                    if let Some(c) = &branch.condition {
                        value_names(c, bound, out);
                    }
                    template_names(&branch.body, bound, out);
                }
            }
            Node::For(each) => {
                value_names(&each.list, bound, out);
                let depth = bound.len();
                bound.push(each.item.clone());
                bound.push(each.index.clone());
                template_names(&each.body, bound, out);
                bound.truncate(depth);
            }
            _ => {}
        }
    }
}

fn js_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// The `.vue` file's script after the unit's own: imports of the components and view
/// scripts the template uses, and the export of the Vue options.
pub fn vue_options(unit: &Unit, nodes: &[Node], wxs: &[WxsModule], scoping: &Scoping<'_>) -> String {
    let externals = scoping.externals;
    let mut imports = String::new();
    let mut components = Vec::new();
    for (i, (tag, path)) in used_components(unit, nodes).iter().enumerate() {
        imports.push_str(&format!("import __mwC{i} from {};\n", js_string(&relative_to(unit, &format!("{path}.vue")))));
        components.push(format!("{}: __mwC{i}", js_string(tag)));
    }
    let mut modules = Vec::new();
    for (i, m) in wxs.iter().enumerate() {
        imports.push_str(&format!("import __mwW{i} from {};\n", js_string(&relative_to(unit, &m.path))));
        modules.push(format!("{}: __mwW{i}", js_string(&m.name)));
    }
    let mut names = BTreeSet::new();
    template_names(nodes, &mut Vec::new(), &mut names);
    for m in wxs {
        names.remove(&m.name);
    }
    for name in externals {
        names.remove(&dash_to_camel(name));
    }
    let vars: Vec<String> = names.iter().map(|n| js_string(n)).collect();
    // A component's class-name scope (its template's run-time classes take it) and its
    // external classes, which are props.
    let ext: Vec<String> = externals.iter().map(|n| js_string(n)).collect();
    let scope = match unit.kind {
        UnitKind::Component => format!(
            ", scope: {}, ext: [{}]{}",
            js_string(&Scope::of(&unit.path).prefix),
            ext.join(", "),
            if scoping.shared { ", shared: true" } else { "" }
        ),
        UnitKind::Page => String::new(),
    };
    let kind = if unit.kind == UnitKind::Page { "page" } else { "component" };
    let object =
        |items: &[String]| if items.is_empty() { "{}".to_string() } else { format!("{{ {} }}", items.join(", ")) };
    imports
        + &format!(
            "export default {RUNTIME_LOCAL}.{kind}({{ path: {}, components: {}, wxs: {}, vars: [{}]{scope} }});\n",
            js_string(&unit.path),
            object(&components),
            object(&modules),
            vars.join(", ")
        )
}

/// The relative import path from a unit's `.vue` file to logical path `to`.
fn relative_to(unit: &Unit, to: &str) -> String {
    let r = relative(dir_of(&place(&unit.path)), &place(to));
    if r.starts_with('.') { r } else { format!("./{r}") }
}

/// The script of a unit without one: the runtime's import (logical path `runtime`), then
/// [`vue_options`].
pub fn scriptless(unit: &Unit, nodes: &[Node], wxs: &[WxsModule], scoping: &Scoping<'_>, runtime: &str) -> String {
    let import = format!("import {RUNTIME_LOCAL} from {};\n", js_string(&relative_to(unit, runtime)));
    import + &vue_options(unit, nodes, wxs, scoping)
}

/// Generated code as module items to append to a unit's module, so that its names bind with
/// the module's own (and survive minification together); spans are cleared, since they
/// belong to no source file.
pub fn items(code: &str) -> Vec<ModuleItem> {
    struct NoSpans;
    impl VisitMut for NoSpans {
        fn visit_mut_span(&mut self, span: &mut swc_core::common::Span) {
            *span = DUMMY_SP;
        }
    }
    let Ok(parsed) = parse(code, ScriptLang::Js) else { return Vec::new() };
    let mut module = parsed.module;
    module.visit_mut_with(&mut NoSpans);
    module.body
}
