//! Templates in the IR: the meaning of a WXML document, free of any platform's spelling.
//!
//! Control flow is structure, not attributes: a `wx:if`/`wx:elif`/`wx:else` run of siblings
//! is one [`IfChain`], and `wx:for` wraps its element in a [`ForLoop`] (the shape of
//! glass-easel's `ElementKind::If`/`ElementKind::For`). Events are separated from attributes
//! and parsed into phase and name. Each backend decides how to spell all of it.

use std::sync::Arc;

use crate::ir::expr::Expr;
use crate::source::{SourceFile, Span};

/// One WXML document: a unit's template, or a `.wxml` file pulled in by `<import>`/`<include>`.
#[derive(Debug, Clone)]
pub struct Template {
    pub file: Arc<SourceFile>,
    pub nodes: Vec<Node>,
}

#[derive(Debug, Clone)]
pub enum Node {
    Element(Element),
    Text(Text),
    Comment(String),
    If(IfChain),
    For(ForLoop),
    /// `<template name="x">…</template>`
    TemplateDef(TemplateDef),
    /// `<template is="x" data="{{…}}"/>`
    TemplateCall(TemplateCall),
    /// `<import src="…"/>`
    Import(FileRef),
    /// `<include src="…"/>`
    Include(FileRef),
    /// `<wxs module="m" src="…"/>` or an inline `<wxs module="m">…</wxs>`
    ViewScript(ViewScript),
}

/// Literal text and expressions, as in text content and attribute values.
#[derive(Debug, Clone, PartialEq)]
pub enum Segment {
    Literal(String),
    Expr(Expr),
}

/// A text node.
#[derive(Debug, Clone)]
pub struct Text {
    pub segments: Vec<Segment>,
    pub span: Span,
}

impl Text {
    pub fn is_whitespace(&self) -> bool {
        self.segments.iter().all(|s| matches!(s, Segment::Literal(t) if t.trim().is_empty()))
    }
}

/// An attribute value: literal text and mustaches.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub segments: Vec<Segment>,
    pub span: Span,
}

impl Value {
    /// The value when it holds no mustache.
    pub fn as_literal(&self) -> Option<String> {
        let mut out = String::new();
        for s in &self.segments {
            match s {
                Segment::Literal(t) => out.push_str(t),
                Segment::Expr(_) => return None,
            }
        }
        Some(out)
    }

    /// The expression when the value is exactly one mustache (`"{{x}}"`).
    pub fn as_single_expr(&self) -> Option<&Expr> {
        match self.segments.as_slice() {
            [Segment::Expr(e)] => Some(e),
            _ => None,
        }
    }

    pub fn exprs(&self) -> impl Iterator<Item = &Expr> {
        self.segments.iter().filter_map(|s| match s {
            Segment::Expr(e) => Some(e),
            Segment::Literal(_) => None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tag {
    /// A built-in component or a custom component, by the name written in the template.
    /// Which one it is depends on the unit whose `usingComponents` is in force, since a
    /// template file can be imported by several units.
    Named(String),
    /// `<block>`: grouping without an element of its own.
    Block,
    /// `<slot>` in a component's template.
    Slot,
}

impl Tag {
    pub fn name(&self) -> &str {
        match self {
            Tag::Named(n) => n,
            Tag::Block => "block",
            Tag::Slot => "slot",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Element {
    pub tag: Tag,
    pub name_span: Span,
    pub attrs: Vec<Attr>,
    pub events: Vec<Event>,
    pub children: Vec<Node>,
    /// Written as `<x/>`: printed so again when it has no children.
    pub self_closing: bool,
    pub span: Span,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&Attr> {
        self.attrs.iter().find(|a| a.kind == AttrKind::Plain && a.name == name)
    }

    pub fn attr_value(&self, name: &str) -> Option<&Value> {
        self.attr(name).and_then(|a| a.value.as_ref())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrKind {
    /// `class`, `src`, `data-id`, a component property, `slot`, ...
    Plain,
    /// `model:value="{{x}}"`: two-way binding of property `name`.
    Model,
    /// `generic:selectable="my-item"`: a `componentGenerics` choice.
    Generic,
    /// `mark:key="v"`: event marks.
    Mark,
}

#[derive(Debug, Clone)]
pub struct Attr {
    pub kind: AttrKind,
    /// The name without its prefix (`value` for `model:value`).
    pub name: String,
    /// `None` for a boolean attribute written without a value.
    pub value: Option<Value>,
    pub span: Span,
    pub name_span: Span,
}

/// An event binding: `bindtap`, `catch:tap`, `capture-bind:touchstart`, `mut-bind:tap`.
#[derive(Debug, Clone)]
pub struct Event {
    /// The event name as written (`tap`, `my-event`, `getphonenumber`).
    pub name: String,
    /// Bound in the capture phase (`capture-bind`, `capture-catch`).
    pub capture: bool,
    /// Stops propagation (`catch`, `capture-catch`).
    pub catch: bool,
    /// `mut-bind`: mutually exclusive bubbling.
    pub mutual: bool,
    /// The handler: a method name, or a mustache choosing one.
    pub handler: Value,
    /// The attribute as written, for messages.
    pub attr_name: String,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct IfChain {
    pub branches: Vec<Branch>,
}

#[derive(Debug, Clone)]
pub struct Branch {
    /// `None` for `wx:else`.
    pub condition: Option<Value>,
    pub body: Vec<Node>,
    /// Whitespace written between the previous branch and this one.
    pub lead: String,
    /// The directive attribute (`wx:if="…"`), for messages.
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct ForLoop {
    pub list: Value,
    pub item: String,
    pub index: String,
    pub key: Option<ForKey>,
    pub body: Vec<Node>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ForKey {
    /// `wx:key="id"`: a property of each item.
    Property(String),
    /// `wx:key="*this"`: the item itself.
    This,
}

#[derive(Debug, Clone)]
pub struct TemplateDef {
    pub name: String,
    pub body: Vec<Node>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct TemplateCall {
    pub is: Value,
    pub data: Option<Value>,
    pub span: Span,
}

/// A reference to another file by its `src` as written.
#[derive(Debug, Clone)]
pub struct FileRef {
    pub src: String,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct ViewScript {
    pub module: String,
    pub source: ViewScriptSource,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum ViewScriptSource {
    File(FileRef),
    /// The body as written (dedented like the rest of the template).
    Inline(String),
}

impl Template {
    /// Every `<template name>` defined at the top level of this document.
    pub fn definitions(&self) -> impl Iterator<Item = &TemplateDef> {
        self.nodes.iter().filter_map(|n| match n {
            Node::TemplateDef(d) => Some(d),
            _ => None,
        })
    }

    /// Every `<import>` of this document.
    pub fn imports(&self) -> impl Iterator<Item = &FileRef> {
        self.nodes.iter().filter_map(|n| match n {
            Node::Import(r) => Some(r),
            _ => None,
        })
    }
}

/// [`walk_nodes`] for rewriting: `f` may change a node before its children are visited.
pub fn walk_nodes_mut(nodes: &mut [Node], f: &mut impl FnMut(&mut Node)) {
    for node in nodes {
        f(node);
        match node {
            Node::Element(e) => walk_nodes_mut(&mut e.children, f),
            Node::If(chain) => chain.branches.iter_mut().for_each(|b| walk_nodes_mut(&mut b.body, f)),
            Node::For(l) => walk_nodes_mut(&mut l.body, f),
            Node::TemplateDef(d) => walk_nodes_mut(&mut d.body, f),
            _ => {}
        }
    }
}

/// Calls `f` on every node of `nodes`, depth first, parents before children.
pub fn walk_nodes<'a>(nodes: &'a [Node], f: &mut impl FnMut(&'a Node)) {
    for node in nodes {
        f(node);
        match node {
            Node::Element(e) => walk_nodes(&e.children, f),
            Node::If(chain) => chain.branches.iter().for_each(|b| walk_nodes(&b.body, f)),
            Node::For(l) => walk_nodes(&l.body, f),
            Node::TemplateDef(d) => walk_nodes(&d.body, f),
            _ => {}
        }
    }
}
