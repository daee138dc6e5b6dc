//! Lowering a scanned WXML tree into the IR.
//!
//! Here `wx:if`/`wx:elif`/`wx:else` sibling runs become [`IfChain`]s, `wx:for` wraps its
//! element in a [`ForLoop`] (WeChat applies `wx:for` before `wx:if` on one element, and a
//! `wx:else` cannot follow such an element: both checked against WeChat's `wcc`), events
//! are parsed, `attr@target` is resolved, mustaches are parsed, and text is dedented.
//! Which tags are components is decided later, per unit (see `project::tags`).

use std::collections::HashSet;
use std::sync::Arc;

use crate::diagnostics::{Diagnostic, suggestion};
use crate::ir::expr::{Expr, ExprKind};
use crate::ir::template::{
    Attr, AttrKind, Branch, Element, Event, ForKey, ForLoop, IfChain, Node, Segment, Tag, Template, Text, Value,
};
use crate::source::{SourceFile, Span};
use crate::target::Target;

use super::events::parse_event_attr;
use super::expr::{MustacheKind, parse_mustache};
use super::indent::{common_indent, dedent, tidy_blank_lines};
use super::mustache::{Piece, split};
use super::rich_text;
use super::scanner::{RawAttr, RawDocument, RawElement, RawNode, RawText, ScanProblem};

/// What a lowering needs besides the tree.
pub struct LowerInput<'a> {
    pub file: &'a Arc<SourceFile>,
    /// The offset in `file` of the text that was scanned (a `.mini` block's content).
    pub base: usize,
    /// The scanned (preprocessed) text, for its indentation.
    pub text: &'a str,
    /// The target being built: `attr@target` attributes apply to it only.
    pub target: Target,
}

/// Turns scan problems into diagnostics of `file`.
pub fn scan_diagnostics(problems: &[ScanProblem], file: &Arc<SourceFile>, base: usize) -> Vec<Diagnostic> {
    problems
        .iter()
        .map(|p| {
            let mut d = if p.error {
                Diagnostic::error(p.code, p.message.clone())
            } else {
                Diagnostic::warning(p.code, p.message.clone())
            }
            .at(file, p.span.shift(base), p.label.clone());
            if let Some((span, label)) = &p.also {
                d = d.also(span.shift(base), label.clone());
            }
            if let Some(help) = &p.help {
                d = d.help(help.clone());
            }
            d
        })
        .collect()
}

pub fn lower(doc: &RawDocument, input: &LowerInput<'_>) -> (Template, Vec<Diagnostic>) {
    let mut view_script_modules = HashSet::new();
    collect_view_script_modules(&doc.nodes, &mut view_script_modules);
    let mut lowerer = Lowerer {
        file: input.file,
        base: input.base,
        target: input.target,
        indent: common_indent(input.text),
        diagnostics: Vec::new(),
        view_script_modules,
        uppercase_warned: HashSet::new(),
        in_text: 0,
    };
    let mut nodes = lowerer.nodes(&doc.nodes);
    // The whitespace that frames a template (after `<template>`, before `</template>`, or
    // the final line break of a file) is not content.
    while matches!(nodes.first(), Some(Node::Text(t)) if t.is_whitespace()) {
        nodes.remove(0);
    }
    while matches!(nodes.last(), Some(Node::Text(t)) if t.is_whitespace()) {
        nodes.pop();
    }
    let template = Template { file: input.file.clone(), nodes };
    (template, lowerer.diagnostics)
}

fn collect_view_script_modules(nodes: &[RawNode], out: &mut HashSet<String>) {
    for node in nodes {
        if let RawNode::Element(e) = node {
            if e.name == "wxs" {
                if let Some(m) = e.attrs.iter().find(|a| a.name == "module").and_then(|a| a.value.as_ref()) {
                    out.insert(m.text.clone());
                }
            }
            collect_view_script_modules(&e.children, out);
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CondKind {
    If,
    Elif,
    Else,
}

struct Cond {
    kind: CondKind,
    value: Option<Value>,
    span: Span,
}

/// What one source element lowers to: its nodes (a plain `<block>` with a directive
/// dissolves into its children) and the `wx:if`-family directive it carries, if any.
struct Lowered {
    nodes: Vec<Node>,
    cond: Option<Cond>,
}

struct Lowerer<'a> {
    file: &'a Arc<SourceFile>,
    base: usize,
    target: Target,
    indent: usize,
    diagnostics: Vec<Diagnostic>,
    view_script_modules: HashSet<String>,
    /// Upper-case names already warned about in this file.
    uppercase_warned: HashSet<String>,
    /// Inside `<text>`, whitespace renders, so it is kept exactly as written.
    in_text: usize,
}

/// An element's attributes sorted by role.
#[derive(Default)]
struct Directives<'r> {
    cond: Option<(CondKind, &'r RawAttr)>,
    for_list: Option<&'r RawAttr>,
    for_item: Option<&'r RawAttr>,
    for_index: Option<&'r RawAttr>,
    key: Option<&'r RawAttr>,
}

impl<'a> Lowerer<'a> {
    fn span(&self, span: Span) -> Span {
        span.shift(self.base)
    }

    fn error(
        &mut self,
        code: &'static str,
        message: impl Into<String>,
        span: Span,
        label: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.report(Diagnostic::error(code, message), span, label, help.into());
    }

    fn warning(
        &mut self,
        code: &'static str,
        message: impl Into<String>,
        span: Span,
        label: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.report(Diagnostic::warning(code, message), span, label, help.into());
    }

    fn report(&mut self, diagnostic: Diagnostic, span: Span, label: impl Into<String>, help: String) {
        let mut d = diagnostic.at(self.file, span, label);
        if !help.is_empty() {
            d = d.help(help);
        }
        self.diagnostics.push(d);
    }

    fn nodes(&mut self, raw: &[RawNode]) -> Vec<Node> {
        let mut out = Vec::new();
        let mut chain: Option<IfChain> = None;
        let mut trivia = String::new();
        for node in raw {
            if chain.is_some() {
                match node {
                    RawNode::Text(t) if t.text.trim().is_empty() => {
                        trivia.push_str(&t.text);
                        continue;
                    }
                    // Comments between branches are dropped: they have no meaning.
                    RawNode::Comment(_) => continue,
                    _ => {}
                }
            }
            let lowered = match node {
                RawNode::Element(e) => self.element(e),
                RawNode::Text(t) => Lowered { nodes: vec![Node::Text(self.text(t))], cond: None },
                RawNode::Comment(c) => Lowered { nodes: vec![Node::Comment(c.text.clone())], cond: None },
            };
            match lowered.cond {
                Some(cond @ Cond { kind: CondKind::Elif | CondKind::Else, .. }) => {
                    if chain.is_none() {
                        let name = if cond.kind == CondKind::Elif { "wx:elif" } else { "wx:else" };
                        self.error(
                            "template::orphan-else",
                            format!("`{name}` without a `wx:if` before it"),
                            cond.span,
                            "no `wx:if` on a preceding sibling",
                            "put it right after an element with `wx:if` (only whitespace and comments may sit between); a `wx:if` on an element with `wx:for` applies per item and cannot be continued",
                        );
                        out.push_whitespace(self.whitespace(&std::mem::take(&mut trivia)));
                        out.extend(lowered.nodes);
                        continue;
                    }
                    let is_else = cond.kind == CondKind::Else;
                    let lead = self.whitespace(&std::mem::take(&mut trivia));
                    let Some(open) = chain.as_mut() else { unreachable!("checked above") };
                    open.branches.push(Branch { condition: cond.value, body: lowered.nodes, lead, span: cond.span });
                    if is_else {
                        out.push(Node::If(chain.take().expect("open chain")));
                    }
                }
                Some(cond) => {
                    if let Some(done) = chain.take() {
                        out.push(Node::If(done));
                    }
                    out.push_whitespace(self.whitespace(&std::mem::take(&mut trivia)));
                    chain = Some(IfChain {
                        branches: vec![Branch {
                            condition: cond.value,
                            body: lowered.nodes,
                            lead: String::new(),
                            span: cond.span,
                        }],
                    });
                }
                None => {
                    if let Some(done) = chain.take() {
                        out.push(Node::If(done));
                    }
                    out.push_whitespace(self.whitespace(&std::mem::take(&mut trivia)));
                    out.extend(lowered.nodes);
                }
            }
        }
        if let Some(done) = chain {
            out.push(Node::If(done));
        }
        out.push_whitespace(self.whitespace(&trivia));
        out
    }

    fn text(&mut self, raw: &RawText) -> Text {
        if self.in_text == 0 && raw.text.trim().is_empty() {
            let tidy = self.whitespace(&raw.text);
            return Text { segments: vec![Segment::Literal(tidy)], span: self.span(raw.span) };
        }
        let segments = self.segments(raw, MustacheKind::Value, true);
        Text { segments, span: self.span(raw.span) }
    }

    /// Whitespace between nodes, dedented, with blank-line runs tidied outside `<text>`.
    fn whitespace(&self, text: &str) -> String {
        let text = dedent(text, self.indent);
        if self.in_text == 0 { tidy_blank_lines(&text) } else { text }
    }

    fn value(&mut self, raw: &RawText, kind: MustacheKind) -> Value {
        let segments = self.segments(raw, kind, false);
        Value { segments, span: self.span(raw.span) }
    }

    fn segments(&mut self, raw: &RawText, kind: MustacheKind, is_text: bool) -> Vec<Segment> {
        let pieces = match split(&raw.text) {
            Ok(p) => p,
            Err(span) => {
                self.error(
                    "template::unclosed-mustache",
                    "`{{` is never closed",
                    self.span(span.shift(raw.span.start)),
                    "opened here",
                    "close the expression with `}}`",
                );
                return vec![Segment::Literal(raw.text.clone())];
            }
        };
        let mut segments = Vec::new();
        for piece in pieces {
            match piece {
                Piece::Literal(text) => {
                    let text = if is_text { dedent(text, self.indent) } else { text.to_string() };
                    segments.push(Segment::Literal(text));
                }
                // wcc renders an empty `{{}}` as an empty string.
                Piece::Mustache(inner, span) if inner.trim().is_empty() => {
                    let at = self.span(Span::new(raw.span.start + span.start, raw.span.start + span.end));
                    self.warning(
                        "template::empty-expression",
                        "empty expression `{{}}`; WeChat renders it as nothing",
                        at,
                        "empty",
                        "write a value inside the braces, or remove them",
                    );
                    segments.push(Segment::Literal(String::new()));
                }
                Piece::Mustache(inner, span) => {
                    let base = self.base + raw.span.start + span.start;
                    match parse_mustache(inner, base, kind) {
                        Ok(expr) => {
                            self.check_calls(&expr);
                            segments.push(Segment::Expr(expr));
                        }
                        Err(e) => {
                            let help = e.help.clone().unwrap_or_default();
                            self.error("template::bad-expression", e.message, e.span, "here", help);
                            segments.push(Segment::Literal(format!("{{{{{inner}}}}}")));
                        }
                    }
                }
            }
        }
        segments
    }

    /// Only view-script functions can be called: `module.fn(x)`, or `module(x)` for a module
    /// whose export is a function. wcc compiles any other call (a method on data, an unknown
    /// function) but WeChat renders it empty (checked with wcc and miniprogram-simulate), so
    /// that is a warning: it fails silently at run time.
    fn check_calls(&mut self, expr: &Expr) {
        let mut bad = Vec::new();
        expr.walk(&mut |e| {
            if let ExprKind::Call { callee, .. } = &e.kind {
                let root = callee.root_ident().unwrap_or("");
                if !self.view_script_modules.contains(root) {
                    bad.push((callee.span, root.to_string()));
                }
            }
        });
        for (span, root) in bad {
            let message = if root.is_empty() {
                "only functions of a wxs module can be called in WXML; WeChat renders this empty".to_string()
            } else {
                format!("`{root}` is not a wxs module of this file: WeChat renders this call empty")
            };
            self.warning(
                "template::bad-call",
                message,
                span,
                "called here",
                "compute the value in the script and bind it, or define the function in a <wxs module> and call `module.fn(...)`",
            );
        }
    }

    /// Applies `attr@target`: on the named target it replaces `attr`; elsewhere it is dropped.
    fn effective_attrs<'r>(&mut self, raw: &'r RawElement) -> Vec<(&'r RawAttr, &'r str)> {
        let mut overridden = HashSet::new();
        let mut out = Vec::new();
        for attr in &raw.attrs {
            if let Some((name, target)) = attr.name.rsplit_once('@') {
                match target.parse::<Target>() {
                    Ok(t) if t == self.target => {
                        overridden.insert(name);
                    }
                    Ok(_) => {}
                    Err(_) => {
                        let hint = suggestion(target, Target::names());
                        self.error(
                            "template::unknown-target",
                            format!("`@{target}` is not a target"),
                            self.span(attr.name_span),
                            "unknown target",
                            if hint.is_empty() {
                                "targets are `wechat`, `alipay` and `weibo`".to_string()
                            } else {
                                hint
                            },
                        );
                    }
                }
            }
        }
        for attr in &raw.attrs {
            match attr.name.rsplit_once('@') {
                Some((name, target)) if target.parse::<Target>() == Ok(self.target) => out.push((attr, name)),
                Some(_) => {}
                None if overridden.contains(attr.name.as_str()) => {}
                None => out.push((attr, attr.name.as_str())),
            }
        }
        out
    }

    fn element(&mut self, raw: &RawElement) -> Lowered {
        let attrs = self.effective_attrs(raw);
        let mut directives = Directives::default();
        let mut rest: Vec<(&RawAttr, &str)> = Vec::new();
        for (attr, name) in attrs {
            match name {
                "wx:if" => directives.cond = Some((CondKind::If, attr)),
                "wx:elif" => directives.cond = Some((CondKind::Elif, attr)),
                "wx:else" => directives.cond = Some((CondKind::Else, attr)),
                "wx:for" | "wx:for-items" => directives.for_list = Some(attr),
                "wx:for-item" => directives.for_item = Some(attr),
                "wx:for-index" => directives.for_index = Some(attr),
                "wx:key" => directives.key = Some(attr),
                // wcc compiles an unknown `wx:` attribute (`wx:show`, `wx:id`) and renders
                // the element without it, so it is dropped here too, with a warning.
                other if other.starts_with("wx:") => {
                    let known = ["wx:if", "wx:elif", "wx:else", "wx:for", "wx:for-item", "wx:for-index", "wx:key"];
                    let hint = match other {
                        "wx:show" => "to hide an element, write hidden=\"{{!condition}}\"".to_string(),
                        _ => suggestion(other, known),
                    };
                    self.warning(
                        "template::unknown-directive",
                        format!("unknown directive `{other}`; WeChat ignores it"),
                        self.span(attr.name_span),
                        "not a WXML directive",
                        if hint.is_empty() { format!("WXML's directives are {}", known.join(", ")) } else { hint },
                    );
                }
                _ => rest.push((attr, name)),
            }
        }
        // wcc keeps the last of a repeated attribute (the scanner warned about it).
        let mut seen = HashSet::new();
        let mut rest: Vec<(&RawAttr, &str)> = rest.into_iter().rev().filter(|(_, name)| seen.insert(*name)).collect();
        rest.reverse();
        let cond = directives.cond.map(|(kind, attr)| self.cond(kind, attr));
        let inner = self.element_kind(raw, &rest);
        let Some(list_attr) = directives.for_list else {
            for (attr, what) in [
                (directives.for_item, "wx:for-item"),
                (directives.for_index, "wx:for-index"),
                (directives.key, "wx:key"),
            ] {
                if let Some(attr) = attr {
                    self.warning(
                        "template::for-attr-without-for",
                        format!("`{what}` without `wx:for` is ignored"),
                        self.span(attr.span),
                        "no `wx:for` on this element",
                        "remove it, or add `wx:for`",
                    );
                }
            }
            return Lowered { nodes: inner, cond };
        };
        let list = match &list_attr.value {
            Some(v) => self.value(v, MustacheKind::Value),
            None => {
                self.error(
                    "template::missing-value",
                    "`wx:for` needs a list",
                    self.span(list_attr.span),
                    "no value",
                    "write wx:for=\"{{list}}\"",
                );
                Value { segments: Vec::new(), span: self.span(list_attr.span) }
            }
        };
        let item = self.loop_name(directives.for_item, "item");
        let index = self.loop_name(directives.for_index, "index");
        let key = directives.key.and_then(|k| self.key(k, &item, &index));
        if directives.key.is_none() {
            // WeChat's DevTools log "Now you can provide attr `wx:key` for a `wx:for` to
            // improve performance" for such a list; `wx:key=""` is how a list says it needs none.
            self.warning(
                "template::missing-key",
                "`wx:for` without `wx:key`: the list is not keyed, and WeChat's DevTools warn about it",
                self.span(list_attr.span),
                "no wx:key on this element",
                "write wx:key=\"id\" (a property unique to each item), wx:key=\"*this\" for a list of strings or numbers, or wx:key=\"\" for a list that needs no key",
            );
        }
        let body = match cond {
            Some(Cond { kind: CondKind::If, value, span }) => {
                vec![Node::If(IfChain {
                    branches: vec![Branch { condition: value, body: inner, lead: String::new(), span }],
                })]
            }
            Some(Cond { kind, span, .. }) => {
                let name = if kind == CondKind::Elif { "wx:elif" } else { "wx:else" };
                self.error(
                    "template::else-with-for",
                    format!("`{name}` and `wx:for` on one element"),
                    span,
                    "WXML applies `wx:for` first, so this cannot continue a `wx:if`",
                    format!("move the loop inside: <block {name}><view wx:for=\"…\">…</view></block>"),
                );
                inner
            }
            None => inner,
        };
        let node = Node::For(ForLoop { list, item, index, key, body, span: self.span(list_attr.span) });
        Lowered { nodes: vec![node], cond: None }
    }

    fn cond(&mut self, kind: CondKind, attr: &RawAttr) -> Cond {
        let span = self.span(attr.span);
        let value = match (kind, &attr.value) {
            (CondKind::Else, Some(v)) if !v.text.trim().is_empty() => {
                self.warning(
                    "template::else-value",
                    "`wx:else` takes no value; it is ignored",
                    span,
                    "value ignored",
                    "write `wx:else` alone, or use `wx:elif`",
                );
                None
            }
            (CondKind::Else, _) => None,
            (_, Some(v)) => Some(self.value(v, MustacheKind::Value)),
            (_, None) => {
                self.error(
                    "template::missing-value",
                    format!("`{}` needs a condition", attr.name),
                    span,
                    "no value",
                    format!("write {}=\"{{{{condition}}}}\"", attr.name),
                );
                None
            }
        };
        Cond { kind, value, span }
    }

    fn loop_name(&mut self, attr: Option<&RawAttr>, default: &str) -> String {
        let Some(attr) = attr else {
            return default.to_string();
        };
        let name = attr.value.as_ref().map(|v| v.text.trim()).unwrap_or("");
        let is_identifier = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_' || c == '$')
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
        if !is_identifier {
            self.error(
                "template::bad-loop-name",
                format!("`{}` must name a variable", attr.name),
                self.span(attr.span),
                "not a plain name",
                format!("write {}=\"{default}\" (a plain name, no braces)", attr.name),
            );
            return default.to_string();
        }
        name.to_string()
    }

    /// `wx:key` names a property of each item, or is `*this`. Any other text (a mustache
    /// such as `{{item.id}}`, `cate-{{id}}`, nothing) is what wcc accepts with the warning
    /// "does not look like a valid key name" and WeChat then treats as a property nobody
    /// has: the list is not keyed. So it is a warning here, and the loop has no key.
    fn key(&mut self, attr: &RawAttr, item: &str, index: &str) -> Option<ForKey> {
        let text = attr.value.as_ref().map(|v| v.text.trim()).unwrap_or("");
        if text == "*this" {
            return Some(ForKey::This);
        }
        // An empty key and `{{index}}` ask for what WeChat then does, an unkeyed list (the
        // empty one is how apps quiet the IDE's "provide wx:key" note): no warning.
        let inner = text.strip_prefix("{{").and_then(|t| t.strip_suffix("}}")).map(str::trim);
        if text.is_empty() || inner == Some(index) {
            return None;
        }
        let is_name = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '$');
        if is_name(text) {
            return Some(ForKey::Property(text.to_string()));
        }
        let help = match inner {
            Some(p) if p == item => "write wx:key=\"*this\" to key the items by themselves".to_string(),
            Some(p) => match p.strip_prefix(item).and_then(|r| r.strip_prefix('.')).filter(|r| is_name(r)) {
                Some(property) => {
                    format!("write wx:key=\"{property}\": wx:key takes the property name, without braces")
                }
                None => "write the name of a property of each item (wx:key=\"id\"), or wx:key=\"*this\"".to_string(),
            },
            None => "write the name of a property of each item (wx:key=\"id\"), or wx:key=\"*this\"".to_string(),
        };
        self.warning(
            "template::bad-key",
            format!("wx:key=\"{text}\" is not a key name; WeChat ignores it and the list is not keyed"),
            self.span(attr.span),
            "not a property name",
            help,
        );
        None
    }

    /// The element itself, without its `wx:` directives.
    fn element_kind(&mut self, raw: &RawElement, attrs: &[(&RawAttr, &str)]) -> Vec<Node> {
        match raw.name.as_str() {
            "template" => return self.template_element(raw, attrs),
            "import" | "include" => return self.file_ref_element(raw, attrs),
            "wxs" => return self.view_script(raw, attrs),
            _ => {}
        }
        let tag = match raw.name.as_str() {
            "block" => Tag::Block,
            "slot" => Tag::Slot,
            name => {
                // Upper-case tags (`<TRTCCalling>`, `mp-indexList`) work on WeChat, and the
                // Alipay backend lower-cases them, so they get no warning.
                Tag::Named(name.to_string())
            }
        };
        let mut element = Element {
            tag,
            name_span: self.span(raw.name_span),
            attrs: Vec::new(),
            events: Vec::new(),
            children: Vec::new(),
            self_closing: raw.self_closing,
            span: self.span(raw.span),
        };
        for (attr, name) in attrs {
            self.attribute(&mut element, attr, name);
        }
        let is_text = raw.name == "text";
        self.in_text += usize::from(is_text);
        element.children = self.nodes(&raw.children);
        self.in_text -= usize::from(is_text);
        // A `<block>` with nothing but directives is pure grouping: its children stand alone.
        if element.tag == Tag::Block && element.attrs.is_empty() && element.events.is_empty() {
            return element.children;
        }
        vec![Node::Element(element)]
    }

    fn attribute(&mut self, element: &mut Element, attr: &RawAttr, name: &str) {
        let span = self.span(attr.span);
        let name_span = self.span(attr.name_span);
        // Only a dataset key behaves differently from what its spelling suggests: WeChat
        // lower-cases `data-userId` to `dataset.userid`. Other camel-case attributes
        // (`openType`) work as WeChat takes them, so they get no warning; each name is
        // reported once per file.
        if name.starts_with("data-")
            && name.bytes().any(|b| b.is_ascii_uppercase())
            && self.uppercase_warned.insert(name.to_string())
        {
            let lower = dash_case(name);
            self.warning(
                "template::uppercase-name",
                format!("attribute `{name}` has upper-case letters"),
                name_span,
                "WeChat lower-cases the dataset key",
                format!("WeChat lower-cases dataset keys written so; write `{lower}` to get a camel-case key"),
            );
        }
        if let Some(event) = parse_event_attr(name) {
            let handler = match &attr.value {
                Some(v) => self.value(v, MustacheKind::Value),
                None => Value { segments: Vec::new(), span: name_span },
            };
            element.events.push(Event {
                name: event.event.to_string(),
                capture: event.capture,
                catch: event.catch,
                mutual: event.mutual,
                handler,
                attr_name: name.to_string(),
                span,
            });
            return;
        }
        let (kind, bare) = match name.split_once(':') {
            Some(("model", p)) => (AttrKind::Model, p),
            Some(("generic", p)) => (AttrKind::Generic, p),
            Some(("mark", p)) => (AttrKind::Mark, p),
            _ => (AttrKind::Plain, name),
        };
        if kind == AttrKind::Model && !attr.value.as_ref().is_some_and(|v| is_bindable(&v.text)) {
            self.error(
                "template::bad-model",
                format!("`{name}` must bind a data field"),
                span,
                "not a single data path",
                format!("write {name}=\"{{{{field}}}}\""),
            );
        }
        let value = match &attr.value {
            Some(v)
                if element.tag == Tag::Named("rich-text".into()) && bare == "nodes" && rich_text::is_html(&v.text) =>
            {
                let span = self.span(v.span);
                Some(Value { segments: vec![Segment::Expr(rich_text::nodes_expr(&v.text, span))], span })
            }
            Some(v) => Some(self.value(v, MustacheKind::Value)),
            None => None,
        };
        element.attrs.push(Attr { kind, name: bare.to_string(), value, span, name_span });
    }
}

/// `userName` → `user-name`.
pub fn dash_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.char_indices() {
        if c.is_ascii_uppercase() {
            if i > 0 && !name[..i].ends_with(['-', ':']) {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `model:` needs one mustache holding a data path (`{{a.b}}`), which the target can set.
fn is_bindable(text: &str) -> bool {
    let t = text.trim();
    let Some(inner) = t.strip_prefix("{{").and_then(|r| r.strip_suffix("}}")) else {
        return false;
    };
    let inner = inner.trim();
    !inner.is_empty() && inner.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '$' | '.'))
}

trait PushWhitespace {
    fn push_whitespace(&mut self, text: String);
}

impl PushWhitespace for Vec<Node> {
    /// Whitespace held back while looking for more branches goes back as a text node.
    fn push_whitespace(&mut self, text: String) {
        if !text.is_empty() {
            self.push(Node::Text(Text { segments: vec![Segment::Literal(text)], span: Span::default() }));
        }
    }
}

mod special;
#[cfg(test)]
mod tests;
