//! Expanding `<template is>` and `<include>` in place.
//!
//! Alipay forbids custom components in files pulled in by `<import>`/`<include>`
//! (PLATFORMS.md §2.1), and Vue has no templates of this kind (LANGUAGE.md §8). Both get
//! the template's body at the call site. A template sees only its data, so the body's free
//! names are read from a one-item loop over the data object:
//! `<template is="row" data="{{...item}}"/>` becomes a loop over `[{...item}]` whose item
//! `__mwT0` scopes every free name (`{{name}}` → `{{__mwT0.name}}`). A dynamic `is` becomes
//! an if-chain over the template names in scope.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::ir::expr::{BinaryOp, Expr, ExprKind, StrLit};
use miniweave_compiler::ir::template::{
    Attr, Branch, Element, Event, ForLoop, IfChain, Node, Segment, Tag, Template, TemplateCall, TemplateDef, Text,
    Value, walk_nodes,
};
use miniweave_compiler::ir::{Project, Unit};
use miniweave_compiler::project::load::template_ref_path;
use miniweave_compiler::source::{SourceFile, Span};

use super::expr::scope_free_names;

/// Elements and text nodes the expansion of one unit may copy (LANGUAGE.md "Limits"). A
/// template that uses another twice, nested n deep, expands to 2^n copies: real pages copy
/// a few hundred nodes, and past this limit the output would outgrow any package limit.
pub const MAX_EXPANDED_NODES: usize = 100_000;
/// Templates and includes expanded inside each other: each level is a few stack frames.
pub const MAX_EXPANSION_DEPTH: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// Expand every template call and include (Weibo).
    Everything,
    /// Expand calls of templates defined in other files, and includes, only where their
    /// content uses custom components (Alipay).
    WhereComponents,
}

pub struct Expander<'p> {
    unit: &'p Unit,
    documents: BTreeMap<String, &'p Template>,
    policy: Policy,
    target: &'static str,
    next_alias: usize,
    /// Templates being expanded, by (document, name; an include's name is empty): recursion
    /// cannot be expanded.
    stack: Vec<(String, String)>,
    /// What `stack` holds, as a diagnostic names it.
    chain: Vec<String>,
    /// Nodes copied so far, against `MAX_EXPANDED_NODES`.
    copied: usize,
    /// Set once a limit is reported: nothing more is expanded.
    exhausted: bool,
    /// Other documents whose templates were expanded into the unit (their view-script
    /// modules are in scope in those templates' bodies).
    pub used_documents: BTreeSet<String>,
    pub diagnostics: Vec<Diagnostic>,
}

impl<'p> Expander<'p> {
    pub fn new(project: &'p Project, unit: &'p Unit, policy: Policy, target: &'static str) -> Self {
        let mut documents: BTreeMap<String, &Template> =
            project.templates.iter().map(|(p, t)| (p.clone(), t)).collect();
        documents.insert(unit_document(unit), &unit.template);
        Expander {
            unit,
            documents,
            policy,
            target,
            next_alias: 0,
            stack: Vec::new(),
            chain: Vec::new(),
            copied: 0,
            exhausted: false,
            used_documents: BTreeSet::new(),
            diagnostics: Vec::new(),
        }
    }

    /// The unit's template with calls and includes expanded as the policy says.
    pub fn expand_unit(&mut self) -> Vec<Node> {
        let path = unit_document(self.unit);
        let nodes = self.unit.template.nodes.clone();
        self.nodes(&nodes, std::slice::from_ref(&path), &path)
    }

    /// Expands `nodes`, written in document `file`; template names resolve in `scopes`
    /// (innermost last).
    fn nodes(&mut self, nodes: &[Node], scopes: &[String], file: &str) -> Vec<Node> {
        let mut out = Vec::new();
        for node in nodes {
            match node {
                Node::TemplateCall(call) => out.extend(self.call(call, scopes, file)),
                Node::Include(r) => {
                    let Some((path, doc)) = self.document(file, &r.src) else {
                        out.push(node.clone());
                        continue;
                    };
                    if self.policy == Policy::WhereComponents && !self.uses_components(&doc.nodes, &path) {
                        out.push(node.clone());
                        continue;
                    }
                    // `<include>` copies everything but `<template>` and `<wxs>` (WeChat's docs).
                    let content: Vec<Node> = doc
                        .nodes
                        .iter()
                        .filter(|n| !matches!(n, Node::TemplateDef(_) | Node::ViewScript(_)))
                        .cloned()
                        .collect();
                    let key = (path.clone(), String::new());
                    if !self.enter(key, format!("include `{}`", r.src), &content, file, r.span) {
                        continue;
                    }
                    let mut inner_scopes = scopes.to_vec();
                    inner_scopes.push(path.clone());
                    out.extend(self.nodes(&content, &inner_scopes, &path));
                    self.leave();
                }
                // Vue has no templates: once every call is expanded, definitions and imports
                // have done their work.
                Node::TemplateDef(_) | Node::Import(_) if self.policy == Policy::Everything => {}
                Node::Element(e) => {
                    let mut e = e.clone();
                    e.children = self.nodes(&e.children, scopes, file);
                    out.push(Node::Element(e));
                }
                Node::If(chain) => {
                    let mut chain = chain.clone();
                    for b in &mut chain.branches {
                        b.body = self.nodes(&b.body, scopes, file);
                    }
                    out.push(Node::If(chain));
                }
                Node::For(l) => {
                    let mut l = l.clone();
                    l.body = self.nodes(&l.body, scopes, file);
                    out.push(Node::For(l));
                }
                Node::TemplateDef(def) => {
                    let mut def = def.clone();
                    def.body = self.nodes(&def.body, scopes, file);
                    out.push(Node::TemplateDef(def));
                }
                other => out.push(other.clone()),
            }
        }
        out
    }

    /// Starts expanding `body` (a template's or an included file's) at `span` of `file`, or
    /// reports why it cannot be: recursion, or a limit. `leave` ends what this starts.
    fn enter(&mut self, key: (String, String), label: String, body: &[Node], file: &str, span: Span) -> bool {
        if self.exhausted {
            return false;
        }
        let source = self.source(file);
        if self.stack.contains(&key) {
            let what = if key.1.is_empty() {
                format!("`{}` includes itself", key.0)
            } else {
                format!("template `{}` uses itself", key.1)
            };
            self.diagnostics.push(
                Diagnostic::error(
                    "template::recursive",
                    format!("{what} ({}), so it cannot be expanded for {}", self.chain_with(&label), self.target),
                )
                .at(&source, span, "recursive use")
                .help("render recursive structures with a component that uses itself"),
            );
            return false;
        }
        let mut nodes = 0;
        walk_nodes(body, &mut |_| nodes += 1);
        self.copied += nodes;
        let too_deep = self.stack.len() >= MAX_EXPANSION_DEPTH;
        if too_deep || self.copied > MAX_EXPANDED_NODES {
            self.exhausted = true;
            let limit = if too_deep {
                format!("templates and includes nested more than {MAX_EXPANSION_DEPTH} deep")
            } else {
                format!("more than {MAX_EXPANDED_NODES} copied nodes")
            };
            self.diagnostics.push(
                Diagnostic::error(
                    "template::expansion-limit",
                    format!(
                        "{} copies each template and include in place, and `{}` reaches {limit}: {}",
                        self.target,
                        self.unit.path,
                        self.chain_with(&label)
                    ),
                )
                .at(&source, span, "the limit is reached here")
                .help(
                    "content repeated this much belongs in a component: a component is written once, whatever uses it",
                ),
            );
            return false;
        }
        self.stack.push(key);
        self.chain.push(label);
        true
    }

    fn leave(&mut self) {
        self.stack.pop();
        self.chain.pop();
    }

    /// The chain being expanded, then `last`: "template `a` → include `b.wxml` → template `c`".
    /// A long chain keeps its ends: "a → b → c → … 20 more … → x → y → z".
    fn chain_with(&self, last: &str) -> String {
        let all: Vec<&str> = self.chain.iter().map(String::as_str).chain([last]).collect();
        if all.len() <= 8 {
            return all.join(" → ");
        }
        let hidden = format!("… {} more …", all.len() - 6);
        all[..3]
            .iter()
            .copied()
            .chain([hidden.as_str()])
            .chain(all[all.len() - 3..].iter().copied())
            .collect::<Vec<_>>()
            .join(" → ")
    }

    /// The source of a document, for a diagnostic's place.
    fn source(&self, file: &str) -> Arc<SourceFile> {
        self.documents.get(file).map_or_else(|| self.unit.template.file.clone(), |t| t.file.clone())
    }

    fn document(&mut self, file: &str, src: &str) -> Option<(String, &'p Template)> {
        let path = template_ref_path(file, src).ok()?;
        let doc = *self.documents.get(&path)?;
        Some((path, doc))
    }

    /// Every `<template name>` visible from a document: its own and its imports'.
    fn visible(&self, doc_path: &str) -> Vec<(String, String, &'p TemplateDef)> {
        let Some(doc) = self.documents.get(doc_path).copied() else {
            return Vec::new();
        };
        let mut defs = Vec::new();
        let mut add = |path: &str, d: &'p Template| {
            walk_nodes(&d.nodes, &mut |n| {
                if let Node::TemplateDef(def) = n {
                    defs.push((def.name.clone(), path.to_string(), def));
                }
            });
        };
        add(doc_path, doc);
        for r in doc.imports() {
            if let Ok(p) = template_ref_path(doc_path, &r.src) {
                if let Some(imported) = self.documents.get(&p).copied() {
                    add(&p, imported);
                }
            }
        }
        defs
    }

    fn lookup(&self, scopes: &[String], name: &str) -> Option<(String, &'p TemplateDef)> {
        scopes
            .iter()
            .rev()
            .find_map(|s| self.visible(s).into_iter().find(|(n, _, _)| n == name).map(|(_, p, d)| (p, d)))
    }

    fn call(&mut self, call: &TemplateCall, scopes: &[String], file: &str) -> Vec<Node> {
        if let Some(name) = call.is.as_literal() {
            let Some((def_path, def)) = self.lookup(scopes, &name) else {
                // Reported by the frontend; keep the call so nothing is silently lost.
                return vec![Node::TemplateCall(call.clone())];
            };
            // Only the unit's own file may hold components: a template defined in an imported
            // file that uses them is copied, wherever it is called from.
            let local = def_path == unit_document(self.unit);
            if self.policy == Policy::WhereComponents && (local || !self.uses_components(&def.body, &def_path)) {
                return vec![Node::TemplateCall(call.clone())];
            }
            return self.instantiate(call, file, &def_path, def);
        }
        // A dynamic `is`: one branch per template in scope.
        let is_expr = value_expr(&call.is);
        let mut names: Vec<(String, String, &TemplateDef)> = scopes.iter().flat_map(|s| self.visible(s)).collect();
        names.sort_by(|a, b| a.0.cmp(&b.0));
        names.dedup_by(|a, b| a.0 == b.0);
        if self.policy == Policy::WhereComponents && !names.iter().any(|(_, p, d)| self.uses_components(&d.body, p)) {
            return vec![Node::TemplateCall(call.clone())];
        }
        let branches = names
            .into_iter()
            .map(|(name, path, def)| {
                let test = Expr {
                    kind: ExprKind::Binary {
                        op: BinaryOp::StrictEq,
                        left: Box::new(paren(is_expr.clone())),
                        right: Box::new(Expr { kind: ExprKind::String(StrLit::new(name)), span: call.span }),
                    },
                    span: call.is.span,
                };
                let body = self.instantiate(call, file, &path, def);
                Branch {
                    condition: Some(Value { segments: vec![Segment::Expr(test)], span: call.is.span }),
                    body,
                    lead: String::new(),
                    span: call.span,
                }
            })
            .collect::<Vec<_>>();
        if branches.is_empty() {
            return Vec::new();
        }
        vec![Node::If(IfChain { branches })]
    }

    /// One call of `def`, written in document `file`: its body, names scoped to the call's
    /// data, nested calls expanded.
    fn instantiate(&mut self, call: &TemplateCall, file: &str, def_path: &str, def: &TemplateDef) -> Vec<Node> {
        let key = (def_path.to_string(), def.name.clone());
        if !self.enter(key, format!("template `{}`", def.name), &def.body, file, call.span) {
            return Vec::new();
        }
        if def_path != unit_document(self.unit) {
            self.used_documents.insert(def_path.to_string());
        }
        let alias = format!("__mwT{}", self.next_alias);
        self.next_alias += 1;
        let modules = view_script_modules(self.documents.get(def_path).copied());
        let mut bound: Vec<String> = modules;
        let body = scope_nodes(&def.body, &alias, &mut bound);
        let body = self.nodes(&body, &[def_path.to_string()], def_path);
        self.leave();
        let data = match call.data.as_ref().and_then(|d| d.as_single_expr()) {
            Some(Expr { kind: ExprKind::BareObject(items), span }) => {
                Expr { kind: ExprKind::Object(items.clone()), span: *span }
            }
            _ => Expr { kind: ExprKind::Object(Vec::new()), span: call.span },
        };
        let list = Value {
            segments: vec![Segment::Expr(Expr { kind: ExprKind::Array(vec![data]), span: call.span })],
            span: call.span,
        };
        vec![Node::For(ForLoop {
            list,
            item: alias.clone(),
            index: format!("{alias}i"),
            key: None,
            body,
            span: call.span,
        })]
    }

    /// Whether `nodes` (of document `path`) use a custom component of the unit, directly
    /// or through the templates and includes they use.
    fn uses_components(&self, nodes: &[Node], path: &str) -> bool {
        self.uses_components_in(nodes, path, &mut BTreeSet::new())
    }

    /// `seen` holds the templates (document, name) and included documents (document, "")
    /// already followed.
    fn uses_components_in(&self, nodes: &[Node], path: &str, seen: &mut BTreeSet<(String, String)>) -> bool {
        let mut found = false;
        let mut follow: Vec<((String, String), &'p [Node])> = Vec::new();
        walk_nodes(nodes, &mut |n| match n {
            Node::Element(Element { tag: Tag::Named(name), .. }) if self.unit.components.contains_key(name) => {
                found = true
            }
            Node::TemplateCall(call) => {
                for (name, p, def) in self.visible(path) {
                    if call.is.as_literal().is_none_or(|n| n == name) {
                        follow.push(((p, name), &def.body));
                    }
                }
            }
            Node::Include(r) => {
                if let Ok(p) = template_ref_path(path, &r.src) {
                    if let Some(doc) = self.documents.get(&p).copied() {
                        follow.push(((p, String::new()), &doc.nodes));
                    }
                }
            }
            _ => {}
        });
        if found {
            return true;
        }
        for (key, body) in follow {
            let p = key.0.clone();
            if seen.insert(key) && self.uses_components_in(body, &p, seen) {
                return true;
            }
        }
        false
    }
}

/// The logical path of a unit's template document.
pub fn unit_document(unit: &Unit) -> String {
    format!("{}.wxml", unit.path)
}

fn view_script_modules(doc: Option<&Template>) -> Vec<String> {
    let mut modules = Vec::new();
    if let Some(doc) = doc {
        walk_nodes(&doc.nodes, &mut |n| {
            if let Node::ViewScript(v) = n {
                modules.push(v.module.clone());
            }
        });
    }
    modules
}

fn paren(e: Expr) -> Expr {
    let span = e.span;
    match e.kind {
        ExprKind::Binary { .. } | ExprKind::Conditional { .. } => Expr { kind: ExprKind::Paren(Box::new(e)), span },
        _ => e,
    }
}

/// An attribute value as one expression: a mustache alone, or literals and mustaches
/// joined with `+`.
pub fn value_expr(value: &Value) -> Expr {
    if let Some(single) = value.as_single_expr() {
        return single.clone();
    }
    let mut parts = value.segments.iter().map(|s| match s {
        Segment::Literal(text) => Expr { kind: ExprKind::String(StrLit::new(text.clone())), span: value.span },
        Segment::Expr(e) => paren(e.clone()),
    });
    let Some(first) = parts.next() else {
        return Expr { kind: ExprKind::String(StrLit::new("")), span: value.span };
    };
    parts.fold(first, |left, right| Expr {
        kind: ExprKind::Binary { op: BinaryOp::Add, left: Box::new(left), right: Box::new(right) },
        span: value.span,
    })
}

fn scope_value(value: &Value, alias: &str, bound: &[String]) -> Value {
    let is_bound = |n: &str| bound.iter().any(|b| b == n);
    Value {
        segments: value
            .segments
            .iter()
            .map(|s| match s {
                Segment::Expr(e) => Segment::Expr(scope_free_names(e, alias, &is_bound)),
                other => other.clone(),
            })
            .collect(),
        span: value.span,
    }
}

/// A template body with its free names read from `alias`; names bound by loops inside it,
/// and view-script modules, stay as they are.
fn scope_nodes(nodes: &[Node], alias: &str, bound: &mut Vec<String>) -> Vec<Node> {
    nodes
        .iter()
        .map(|node| match node {
            Node::Element(e) => Node::Element(Element {
                attrs: e
                    .attrs
                    .iter()
                    .map(|a| Attr { value: a.value.as_ref().map(|v| scope_value(v, alias, bound)), ..a.clone() })
                    .collect(),
                events: e
                    .events
                    .iter()
                    .map(|ev| Event { handler: scope_value(&ev.handler, alias, bound), ..ev.clone() })
                    .collect(),
                children: scope_nodes(&e.children, alias, bound),
                ..e.clone()
            }),
            Node::Text(t) => Node::Text(Text {
                segments: scope_value(&Value { segments: t.segments.clone(), span: t.span }, alias, bound).segments,
                span: t.span,
            }),
            Node::If(chain) => Node::If(IfChain {
                branches: chain
                    .branches
                    .iter()
                    .map(|b| Branch {
                        condition: b.condition.as_ref().map(|c| scope_value(c, alias, bound)),
                        body: scope_nodes(&b.body, alias, bound),
                        ..b.clone()
                    })
                    .collect(),
            }),
            Node::For(l) => {
                let list = scope_value(&l.list, alias, bound);
                bound.push(l.item.clone());
                bound.push(l.index.clone());
                let body = scope_nodes(&l.body, alias, bound);
                bound.truncate(bound.len() - 2);
                Node::For(ForLoop { list, body, ..l.clone() })
            }
            Node::TemplateCall(c) => Node::TemplateCall(TemplateCall {
                is: scope_value(&c.is, alias, bound),
                data: c.data.as_ref().map(|d| scope_value(d, alias, bound)),
                span: c.span,
            }),
            other => other.clone(),
        })
        .collect()
}
