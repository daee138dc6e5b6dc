//! Vue 2 templates for WBox pages and components (LANGUAGE.md §8).
//!
//! The IR arrives with every `<template is>` and `<include>` expanded. Attribute mustaches
//! become `:attr` bindings (mixed text becomes string concatenation), `wx:if` chains
//! `v-if`/`v-else-if`/`v-else`, `wx:for` `v-for="(item, index) in list"` with `:key` on
//! elements, `<block>` `<template>`; attributes and events as [`super::bindings`] spells them.
//!
//! Assumptions about WBox beyond LANGUAGE.md §8, written where they are made:
//! - Built-in tags keep their WXML names (`view`, `text`, `image`): WBox's sample pages use
//!   `<view>`, so its Vue build knows them.
//! - Events keep their WXML names (`@tap`, `@input`): WBox's renderer dispatches them.

use std::collections::BTreeSet;
use std::sync::Arc;

use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::ir::expr::{BinaryOp, Expr, ExprKind, Property, StrLit};
use miniweave_compiler::ir::template::{
    AttrKind, Branch, Element, ForKey, ForLoop, IfChain, Node, Segment, Tag, Value,
};
use miniweave_compiler::source::{SourceFile, Span};
use miniweave_compiler::template::builtins::is_builtin;

use crate::common::expr::{Dialect, js_string, print};
use crate::common::markup::{OutAttr, close_tag, open_tag};

use super::bindings::{Needs, attributes, generic_attr, js};

/// HTML's void elements, which Vue's template parser treats as having no end tag.
const HTML_VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

pub struct VuePrinter {
    file: Arc<SourceFile>,
    /// The view-script modules in scope (their functions cannot be handlers on Weibo).
    modules: Vec<String>,
    /// Loops without `wx:key` printed so far: each gets its own key prefix.
    unkeyed_loops: usize,
    /// The unit's `componentGenerics` placeholders: printed as `<component :is>`.
    generics: BTreeSet<String>,
    /// What the document's bindings need from the runtime.
    pub needs: Needs,
    pub diagnostics: Vec<Diagnostic>,
}

fn ident(name: &str, span: Span) -> Expr {
    Expr { kind: ExprKind::Ident(name.to_string()), span }
}

impl VuePrinter {
    pub fn new(file: Arc<SourceFile>, modules: Vec<String>, generics: BTreeSet<String>) -> Self {
        VuePrinter { file, modules, unkeyed_loops: 0, generics, needs: Needs::default(), diagnostics: Vec::new() }
    }

    /// The template block of a `.vue` file: exactly one root element (Vue 2 requires it).
    /// The root stands for WeChat's page or component host node, so it always exists.
    pub fn document(&mut self, nodes: &[Node], root_class: &str) -> String {
        let mut body = String::new();
        self.nodes(&mut body, nodes);
        format!("<template>\n<view class=\"{root_class}\">\n{}\n</view>\n</template>\n", body.trim_matches('\n'))
    }

    fn nodes(&mut self, out: &mut String, nodes: &[Node]) {
        for node in nodes {
            match node {
                Node::Element(e) => self.element(out, e, Vec::new()),
                Node::Text(t) => {
                    for s in &t.segments {
                        match s {
                            Segment::Literal(text) => out.push_str(text),
                            Segment::Expr(e) => {
                                out.push_str("{{ ");
                                out.push_str(&print(e, Dialect::Js));
                                out.push_str(" }}");
                            }
                        }
                    }
                }
                Node::Comment(c) => {
                    out.push_str("<!--");
                    out.push_str(c);
                    out.push_str("-->");
                }
                Node::If(chain) => self.if_chain(out, chain),
                Node::For(l) => self.for_loop(out, l),
                // Expanded before printing; view scripts become script-side functions.
                Node::TemplateDef(_)
                | Node::TemplateCall(_)
                | Node::Import(_)
                | Node::Include(_)
                | Node::ViewScript(_) => {}
            }
        }
    }

    fn element(&mut self, out: &mut String, e: &Element, directives: Vec<OutAttr>) {
        let tag = match &e.tag {
            Tag::Block => "template",
            Tag::Slot => "slot",
            Tag::Named(n) => n.as_str(),
        };
        let custom = matches!(&e.tag, Tag::Named(n) if !is_builtin(n));
        let (mut attrs, needs) = attributes(e, custom, &self.modules, &self.file, &mut self.diagnostics);
        self.needs.model |= needs.model;
        self.needs.rpx |= needs.rpx;
        attrs.sort_by_key(|(at, _)| *at);
        let mut all = directives;
        // A componentGenerics placeholder is the component the user chose (a parent passes it
        // as `mw-generic-<name>`, which Vue leaves in $attrs), else nothing.
        let tag = if self.generics.contains(tag) {
            all.push(OutAttr::new(":is", format!("$attrs[{}] || 'view'", js_string(&generic_attr(tag)))));
            "component"
        } else {
            tag
        };
        all.extend(attrs.into_iter().map(|(_, a)| a));
        // Vue's parser reads HTML's void elements as self-closing and others as open until
        // their end tag, so void elements are written `<input/>` and the rest in full.
        if HTML_VOID.contains(&tag) && e.children.is_empty() {
            open_tag(out, tag, &all, true);
        } else {
            open_tag(out, tag, &all, false);
            self.nodes(out, &e.children);
            close_tag(out, tag);
        }
    }

    /// Nodes carrying directives: on the element itself when the body is one element,
    /// otherwise on a `<template>` around the body.
    fn with_directives(&mut self, out: &mut String, body: &[Node], directives: Vec<OutAttr>) {
        match body {
            [Node::Element(e)] => self.element(out, e, directives),
            _ => {
                open_tag(out, "template", &directives, false);
                self.nodes(out, body);
                close_tag(out, "template");
            }
        }
    }

    fn if_chain(&mut self, out: &mut String, chain: &IfChain) {
        for (i, branch) in chain.branches.iter().enumerate() {
            out.push_str(&branch.lead);
            let directive = match (&branch.condition, i) {
                (None, _) => OutAttr::flag("v-else"),
                (Some(c), 0) => OutAttr::new("v-if", js(c)),
                (Some(c), _) => OutAttr::new("v-else-if", js(c)),
            };
            self.with_directives(out, &branch.body, vec![directive]);
        }
    }

    fn for_loop(&mut self, out: &mut String, l: &ForLoop) {
        let directive = OutAttr::new("v-for", format!("({}, {}) in {}", l.item, l.index, js(&l.list)));
        let key = key_expr(l, self.unkeyed_loops);
        if l.key.is_none() {
            self.unkeyed_loops += 1;
        }
        let mut body = l.body.clone();
        // Vue keys elements, never a `<template>` (it rejects a keyed one): every element
        // an iteration renders at its top gets the key, made unique among them.
        let count = count_keyable(&body);
        let mut next = 0;
        add_keys(&mut body, &key, count, &mut next);
        self.with_directives(out, &body, vec![directive]);
    }
}

/// The key of each item: `item.<prop>` for `wx:key="prop"`, the item for `*this`, else
/// the index prefixed with the loop's number, so that sibling loops without keys (two
/// expanded `<template is>` calls are such loops) do not repeat each other's keys.
fn key_expr(l: &ForLoop, loop_number: usize) -> Expr {
    let span = l.span;
    match &l.key {
        Some(ForKey::This) => ident(&l.item, span),
        Some(ForKey::Property(p)) => p.split('.').fold(ident(&l.item, span), |object, name| Expr {
            kind: ExprKind::Member { object: Box::new(object), property: Property::Name(name.to_string()) },
            span,
        }),
        None => Expr {
            kind: ExprKind::Binary {
                op: BinaryOp::Add,
                left: Box::new(Expr { kind: ExprKind::String(StrLit::new(format!("l{loop_number}-"))), span }),
                right: Box::new(ident(&l.index, span)),
            },
            span,
        },
    }
}

/// Whether a node is an element that takes a key, and how keyable children are reached.
fn count_keyable(nodes: &[Node]) -> usize {
    nodes
        .iter()
        .map(|n| match n {
            Node::Element(e) if e.tag == Tag::Block => count_keyable(&e.children),
            Node::Element(e) if e.tag == Tag::Slot => 0,
            Node::Element(_) => 1,
            Node::If(chain) => chain.branches.iter().map(|b: &Branch| count_keyable(&b.body)).max().unwrap_or(0),
            _ => 0,
        })
        .sum()
}

fn add_keys(nodes: &mut [Node], key: &Expr, count: usize, next: &mut usize) {
    for node in nodes.iter_mut() {
        match node {
            Node::Element(e) if e.tag == Tag::Block => add_keys(&mut e.children, key, count, next),
            Node::Element(e) if e.tag == Tag::Slot => {}
            Node::Element(e) => {
                let value = if count > 1 {
                    let suffix = Expr { kind: ExprKind::String(StrLit::new(format!("_{next}"))), span: key.span };
                    Expr {
                        kind: ExprKind::Binary {
                            op: BinaryOp::Add,
                            left: Box::new(key.clone()),
                            right: Box::new(suffix),
                        },
                        span: key.span,
                    }
                } else {
                    key.clone()
                };
                *next += 1;
                e.attrs.retain(|a| !(a.kind == AttrKind::Plain && a.name == "key"));
                e.attrs.insert(
                    0,
                    miniweave_compiler::ir::template::Attr {
                        kind: AttrKind::Plain,
                        name: "key".into(),
                        value: Some(Value { segments: vec![Segment::Expr(value)], span: key.span }),
                        span: Span::point(0),
                        name_span: Span::point(0),
                    },
                );
            }
            Node::If(chain) => {
                // Branches are exclusive: each may reuse the same positions.
                let start = *next;
                let mut end = start;
                for b in &mut chain.branches {
                    let mut n = start;
                    add_keys(&mut b.body, key, count, &mut n);
                    end = end.max(n);
                }
                *next = end;
            }
            _ => {}
        }
    }
}
