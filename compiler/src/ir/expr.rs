//! Template expressions: WXML's closed grammar (LANGUAGE.md §3), parsed once, with spans.
//!
//! The grammar is what WeChat's own compiler evaluates, checked against `wcc` and its
//! rendered output: `typeof` (rejected, or rendered empty as `typeof(x)`), unary `+` and
//! array spread are not part of it, and object spread is.

use crate::source::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// A number as written (`1`, `0.5`, `1e3`).
    Number(String),
    String(StrLit),
    Bool(bool),
    Null,
    Undefined,
    Ident(String),
    Member {
        object: Box<Expr>,
        property: Property,
    },
    /// Only view-script functions may be called (`fmt.twice(n)`).
    Call {
        callee: Box<Expr>,
        args: Vec<Expr>,
    },
    Unary {
        op: UnaryOp,
        arg: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    Conditional {
        test: Box<Expr>,
        consequent: Box<Expr>,
        alternate: Box<Expr>,
    },
    /// Parentheses as written, kept so printed expressions read like their source.
    Paren(Box<Expr>),
    Array(Vec<Expr>),
    Object(Vec<ObjectItem>),
    /// WXML's brace-less object, `data="{{a: 1, ...b}}"`, allowed as `<template is>` data.
    BareObject(Vec<ObjectItem>),
}

/// A string literal: its value, and its text as written (with quotes and escapes).
#[derive(Debug, Clone, PartialEq)]
pub struct StrLit {
    pub value: String,
    pub raw: String,
}

impl StrLit {
    /// A literal for `value`, written single-quoted (see [`single_quoted`]).
    pub fn new(value: impl Into<String>) -> Self {
        let value = value.into();
        StrLit { raw: single_quoted(&value), value }
    }
}

/// `value` as a single-quoted string literal that reads the same in WXML and JavaScript, and
/// inside a double-quoted attribute (`"` is written `\x22`).
pub fn single_quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '"' => out.push_str("\\x22"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

#[derive(Debug, Clone, PartialEq)]
pub enum Property {
    /// `a.b`
    Name(String),
    /// `a[i]`, `a['k']`
    Computed(Box<Expr>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum ObjectItem {
    KeyValue {
        key: ObjectKey,
        value: Expr,
    },
    /// `{a}`, meaning `{a: a}`.
    Shorthand {
        name: String,
        span: Span,
    },
    Spread(Expr),
}

#[derive(Debug, Clone, PartialEq)]
pub enum ObjectKey {
    Ident(String),
    String(StrLit),
    Number(String),
}

impl ObjectKey {
    /// The property name the key denotes.
    pub fn name(&self) -> &str {
        match self {
            ObjectKey::Ident(s) | ObjectKey::Number(s) => s,
            ObjectKey::String(s) => &s.value,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Not,
    Minus,
}

impl UnaryOp {
    pub fn as_str(self) -> &'static str {
        match self {
            UnaryOp::Not => "!",
            UnaryOp::Minus => "-",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Eq,
    NotEq,
    StrictEq,
    StrictNotEq,
    Lt,
    Gt,
    LtEq,
    GtEq,
    And,
    Or,
}

impl BinaryOp {
    pub fn as_str(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::Div => "/",
            BinaryOp::Rem => "%",
            BinaryOp::Eq => "==",
            BinaryOp::NotEq => "!=",
            BinaryOp::StrictEq => "===",
            BinaryOp::StrictNotEq => "!==",
            BinaryOp::Lt => "<",
            BinaryOp::Gt => ">",
            BinaryOp::LtEq => "<=",
            BinaryOp::GtEq => ">=",
            BinaryOp::And => "&&",
            BinaryOp::Or => "||",
        }
    }

    /// Binding strength, higher binds tighter (JavaScript's order).
    pub fn precedence(self) -> u8 {
        match self {
            BinaryOp::Or => 1,
            BinaryOp::And => 2,
            BinaryOp::Eq | BinaryOp::NotEq | BinaryOp::StrictEq | BinaryOp::StrictNotEq => 3,
            BinaryOp::Lt | BinaryOp::Gt | BinaryOp::LtEq | BinaryOp::GtEq => 4,
            BinaryOp::Add | BinaryOp::Sub => 5,
            BinaryOp::Mul | BinaryOp::Div | BinaryOp::Rem => 6,
        }
    }
}

impl Expr {
    /// The identifier a member chain or call starts from: `a` in `a.b[c].d(e)`.
    pub fn root_ident(&self) -> Option<&str> {
        match &self.kind {
            ExprKind::Ident(name) => Some(name),
            ExprKind::Member { object, .. } => object.root_ident(),
            ExprKind::Call { callee, .. } => callee.root_ident(),
            ExprKind::Paren(inner) => inner.root_ident(),
            _ => None,
        }
    }

    /// Calls `f` on this expression and every expression inside it, outermost first.
    pub fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Expr)) {
        f(self);
        match &self.kind {
            ExprKind::Member { object, property } => {
                object.walk(f);
                if let Property::Computed(p) = property {
                    p.walk(f);
                }
            }
            ExprKind::Call { callee, args } => {
                callee.walk(f);
                args.iter().for_each(|a| a.walk(f));
            }
            ExprKind::Unary { arg, .. } | ExprKind::Paren(arg) => arg.walk(f),
            ExprKind::Binary { left, right, .. } => {
                left.walk(f);
                right.walk(f);
            }
            ExprKind::Conditional { test, consequent, alternate } => {
                test.walk(f);
                consequent.walk(f);
                alternate.walk(f);
            }
            ExprKind::Array(items) => items.iter().for_each(|e| e.walk(f)),
            ExprKind::Object(items) | ExprKind::BareObject(items) => items.iter().for_each(|i| match i {
                ObjectItem::KeyValue { value, .. } => value.walk(f),
                ObjectItem::Spread(e) => e.walk(f),
                ObjectItem::Shorthand { .. } => {}
            }),
            _ => {}
        }
    }
}
