//! Class names in templates, scoped the way [`crate::style::scope`] scopes the stylesheets,
//! on the targets without component isolation (Alipay, Weibo). In a component's template
//! every class (in `class`, `hover-class`, `placeholder-class`, and in the external-class
//! attributes it passes to its own child components) gets the component's prefix: static
//! names at compile time, names computed at run time through a tiny helper (Alipay: an SJS
//! function, Weibo: a method), counted as runtime. An external class of the component
//! (`custom-class` that a parent fills) becomes the value the parent passed, which the parent
//! scoped with its own prefix. Pages are not scoped: their rules are the app's.

use std::collections::BTreeSet;

use miniweave_compiler::ir::expr::{Expr, ExprKind, ObjectItem, ObjectKey, Property, StrLit};
use miniweave_compiler::ir::template::{AttrKind, Node, Segment, Tag, Value, walk_nodes, walk_nodes_mut};
use miniweave_compiler::ir::{ComponentRef, Unit};
use miniweave_compiler::source::Span;
use miniweave_compiler::template::builtins::is_builtin;

use super::case::dash_to_camel;
use super::component_styles::ComponentStyles;
use super::properties::Isolation;
use crate::style::Scope;

/// How run-time class names reach the helper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Helper {
    /// `__mwScope.c(value, 'prefix')`, an SJS module the template imports.
    Sjs,
    /// `__cls(value)`, a method of the component (it knows its prefix).
    Method,
}

/// The local name of the Alipay SJS helper module.
pub const SJS_MODULE: &str = "__mwScope";

pub struct ClassScope<'a> {
    /// The unit's prefix (`None` for a page).
    pub scope: Option<&'a Scope>,
    /// The unit's own external classes.
    pub externals: &'a BTreeSet<String>,
    /// The component lets page and app class rules in (`addGlobalClass`, `apply-shared`):
    /// its elements keep their names beside the scoped ones.
    pub shared: bool,
    /// The external classes of the custom component a tag names.
    pub child_externals: &'a dyn Fn(&str) -> BTreeSet<String>,
    pub helper: Helper,
    /// Whether a run-time class needed the helper.
    pub used_helper: bool,
}

/// Attributes of built-in components whose values are class names (WeChat's component docs:
/// `hover-class` on view/button/navigator, `placeholder-class` on input/textarea,
/// `indicator-class`/`mask-class` on picker-view).
pub const CLASS_ATTRIBUTES: &[&str] = &["class", "hover-class", "placeholder-class", "indicator-class", "mask-class"];

fn string(value: &str, span: Span) -> Expr {
    Expr { kind: ExprKind::String(StrLit::new(value)), span }
}

fn concat(parts: Vec<Expr>, span: Span) -> Expr {
    let mut parts = parts.into_iter();
    let first = parts.next().unwrap_or_else(|| string("", span));
    parts.fold(first, |left, right| Expr {
        kind: ExprKind::Binary {
            op: miniweave_compiler::ir::expr::BinaryOp::Add,
            left: Box::new(left),
            right: Box::new(right),
        },
        span,
    })
}

/// A word of a class value: literal text, or text and expressions with no space between.
enum Word {
    Static(String),
    Dynamic(Vec<Expr>),
}

fn words(value: &Value) -> Vec<(Word, String)> {
    // Each word with the white space that follows it.
    let mut out: Vec<(Word, String)> = Vec::new();
    let mut current: Vec<Segment> = Vec::new();
    let flush = |current: &mut Vec<Segment>, out: &mut Vec<(Word, String)>, space: String| {
        if current.is_empty() {
            if let Some(last) = out.last_mut() {
                last.1.push_str(&space);
            } else if !space.is_empty() {
                out.push((Word::Static(String::new()), space));
            }
            return;
        }
        let word = if current.iter().all(|s| matches!(s, Segment::Literal(_))) {
            Word::Static(current.iter().map(|s| if let Segment::Literal(t) = s { t.as_str() } else { "" }).collect())
        } else {
            Word::Dynamic(
                current
                    .iter()
                    .map(|s| match s {
                        Segment::Literal(t) => string(t, value.span),
                        Segment::Expr(e) => paren(e.clone()),
                    })
                    .collect(),
            )
        };
        current.clear();
        out.push((word, space));
    };
    for segment in &value.segments {
        match segment {
            Segment::Expr(_) => current.push(segment.clone()),
            Segment::Literal(text) => {
                let mut rest = text.as_str();
                while !rest.is_empty() {
                    let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    if word_end > 0 {
                        current.push(Segment::Literal(rest[..word_end].to_string()));
                    }
                    rest = &rest[word_end..];
                    let space_end = rest.find(|c: char| !c.is_whitespace()).unwrap_or(rest.len());
                    if space_end > 0 {
                        flush(&mut current, &mut out, rest[..space_end].to_string());
                    }
                    rest = &rest[space_end..];
                }
            }
        }
    }
    flush(&mut current, &mut out, String::new());
    out
}

/// `value || ''`.
fn or_empty(value: Expr, span: Span) -> Expr {
    Expr {
        kind: ExprKind::Binary {
            op: miniweave_compiler::ir::expr::BinaryOp::Or,
            left: Box::new(value),
            right: Box::new(string("", span)),
        },
        span,
    }
}

fn paren(e: Expr) -> Expr {
    match e.kind {
        ExprKind::Binary { .. } | ExprKind::Conditional { .. } => {
            let span = e.span;
            Expr { kind: ExprKind::Paren(Box::new(e)), span }
        }
        _ => e,
    }
}

impl ClassScope<'_> {
    fn helper_call(&mut self, value: Expr, scope: &Scope) -> Expr {
        self.used_helper = true;
        let span = value.span;
        let ident = |name: &str| Expr { kind: ExprKind::Ident(name.to_string()), span };
        let (callee, args) = match self.helper {
            Helper::Sjs => {
                let mut args = vec![value, string(&scope.prefix, span)];
                // The component's external classes a run-time value may name, with the values
                // the parent passed; then whether names are also kept as written.
                if !self.externals.is_empty() || self.shared {
                    let items = self
                        .externals
                        .iter()
                        .map(|name| ObjectItem::KeyValue {
                            key: ObjectKey::String(StrLit::new(name.clone())),
                            value: or_empty(Expr { kind: ExprKind::Ident(dash_to_camel(name)), span }, span),
                        })
                        .collect();
                    args.push(Expr { kind: ExprKind::Object(items), span });
                }
                if self.shared {
                    args.push(Expr { kind: ExprKind::Bool(true), span });
                }
                let member =
                    ExprKind::Member { object: Box::new(ident(SJS_MODULE)), property: Property::Name("c".into()) };
                (Expr { kind: member, span }, args)
            }
            Helper::Method => (ident("__cls"), vec![value]),
        };
        Expr { kind: ExprKind::Call { callee: Box::new(callee), args }, span }
    }

    /// A class value with this unit's names scoped and its external classes filled in.
    fn value(&mut self, value: &Value) -> Value {
        let span = value.span;
        let mut segments: Vec<Segment> = Vec::new();
        for (word, space) in words(value) {
            match word {
                Word::Static(name) if name.is_empty() => {}
                Word::Static(name) if self.externals.contains(&name) => {
                    // The value the parent passed (scoped by the parent), or nothing.
                    let prop = Expr { kind: ExprKind::Ident(dash_to_camel(&name)), span };
                    segments.push(Segment::Expr(or_empty(prop, span)));
                }
                Word::Static(name) => match self.scope {
                    Some(scope) if self.shared => {
                        segments.push(Segment::Literal(format!("{} {name}", scope.class(&name))))
                    }
                    Some(scope) => segments.push(Segment::Literal(scope.class(&name))),
                    None => segments.push(Segment::Literal(name)),
                },
                Word::Dynamic(parts) => match self.scope {
                    Some(scope) => {
                        let scope = scope.clone();
                        let call = self.helper_call(concat(parts, span), &scope);
                        segments.push(Segment::Expr(call));
                    }
                    None => segments.extend(parts.into_iter().map(|e| match e.kind {
                        ExprKind::String(s) => Segment::Literal(s.value),
                        _ => Segment::Expr(e),
                    })),
                },
            }
            if !space.is_empty() {
                segments.push(Segment::Literal(space));
            }
        }
        Value { segments, span }
    }

    /// Scopes the class names of `nodes`.
    pub fn nodes(&mut self, nodes: &mut [Node]) {
        walk_nodes_mut(nodes, &mut |node| {
            let Node::Element(e) = node else { return };
            let child = match &e.tag {
                Tag::Named(name) if !is_builtin(name) => Some((self.child_externals)(name)),
                _ => None,
            };
            for attr in e.attrs.iter_mut().filter(|a| a.kind == AttrKind::Plain) {
                let class_like = CLASS_ATTRIBUTES.contains(&attr.name.as_str());
                let external = child.as_ref().is_some_and(|c| c.contains(&attr.name));
                let Some(value) = &attr.value else { continue };
                // `hover-class="none"` means no hover class (WeChat's view/button docs).
                let no_hover = attr.name == "hover-class" && value.as_literal().as_deref() == Some("none");
                if (!class_like && !external) || no_hover {
                    continue;
                }
                attr.value = Some(self.value(value));
            }
        });
    }
}

/// Scopes the class names of a unit's expanded template; whether the helper is needed.
pub fn scope_unit(unit: &Unit, nodes: &mut [Node], styles: &ComponentStyles, helper: Helper) -> bool {
    let shared = styles.isolation(unit) == Isolation::ApplyShared;
    let scope = styles.scope(unit);
    let externals = &styles.externals;
    let none = BTreeSet::new();
    let own = externals.get(&unit.path).unwrap_or(&none);
    let child = |tag: &str| match unit.components.get(tag) {
        Some(ComponentRef::Unit(path)) => externals.get(path).cloned().unwrap_or_default(),
        _ => BTreeSet::new(),
    };
    let mut cs = ClassScope {
        scope: scope.as_ref(),
        externals: own,
        shared,
        child_externals: &child,
        helper,
        used_helper: false,
    };
    cs.nodes(nodes);
    cs.used_helper
}

/// The class names written in static parts of a template's class attributes.
pub fn static_classes(nodes: &[Node]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    walk_nodes(nodes, &mut |n| {
        if let Node::Element(e) = n {
            for attr in
                e.attrs.iter().filter(|a| a.kind == AttrKind::Plain && CLASS_ATTRIBUTES.contains(&a.name.as_str()))
            {
                if let Some(v) = &attr.value {
                    for (word, _) in words(v) {
                        if let Word::Static(name) = word {
                            if !name.is_empty() {
                                out.insert(name);
                            }
                        }
                    }
                }
            }
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literal(text: &str) -> Value {
        Value { segments: vec![Segment::Literal(text.into())], span: Span::point(0) }
    }

    #[test]
    fn static_names_are_prefixed_and_externals_filled_in() {
        let scope = Scope { prefix: "mabc".into() };
        let externals: BTreeSet<String> = ["custom-class".to_string()].into();
        let none = |_: &str| BTreeSet::new();
        let mut cs = ClassScope {
            scope: Some(&scope),
            externals: &externals,
            shared: false,
            child_externals: &none,
            helper: Helper::Method,
            used_helper: false,
        };
        let out = cs.value(&literal("card  custom-class card--on"));
        let printed: Vec<String> = out
            .segments
            .iter()
            .map(|s| match s {
                Segment::Literal(t) => t.clone(),
                Segment::Expr(e) => {
                    format!("{{{{{}}}}}", crate::common::expr::print(e, crate::common::expr::Dialect::Wxml))
                }
            })
            .collect();
        assert_eq!(printed.concat(), "mabc-card  {{customClass || ''}} mabc-card--on");
        assert!(!cs.used_helper);
    }
}
