//! Printing template expressions, and rewriting their free names.
//!
//! Two dialects: WXML's mustache grammar (WeChat, Alipay) and JavaScript (Vue templates on
//! Weibo). Parentheses the user wrote are kept in the IR, so printing needs no precedence
//! table; new structure built here (concatenation) brackets its operands itself.

use miniweave_compiler::ir::expr::{Expr, ExprKind, ObjectItem, ObjectKey, Property};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// Inside `{{ }}` in WXML/AXML.
    Wxml,
    /// A JavaScript expression (Vue templates); object spread is spelled `Object.assign`
    /// so render functions stay within ES2017.
    Js,
}

pub fn print(expr: &Expr, dialect: Dialect) -> String {
    let mut out = String::new();
    write(&mut out, expr, dialect);
    out
}

/// JavaScript's reserved words and the names Vue 2's template compiler refuses as
/// identifiers (its `keywordRE`), which WXML reads as plain data names.
fn is_reserved(name: &str) -> bool {
    const RESERVED: &[&str] = &[
        "arguments",
        "await",
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "debugger",
        "default",
        "delete",
        "do",
        "else",
        "enum",
        "export",
        "extends",
        "finally",
        "for",
        "function",
        "if",
        "import",
        "in",
        "instanceof",
        "let",
        "new",
        "return",
        "static",
        "super",
        "switch",
        "this",
        "throw",
        "try",
        "typeof",
        "var",
        "void",
        "while",
        "with",
        "yield",
    ];
    RESERVED.contains(&name)
}

/// A JavaScript single-quoted string literal for `value`.
pub use miniweave_compiler::ir::expr::single_quoted as js_string;

/// Whether `expr` must be bracketed as an operand of `+`.
pub fn needs_parens_as_operand(expr: &Expr) -> bool {
    matches!(expr.kind, ExprKind::Binary { .. } | ExprKind::Conditional { .. } | ExprKind::BareObject(_))
}

fn write(out: &mut String, expr: &Expr, dialect: Dialect) {
    match &expr.kind {
        ExprKind::Number(n) => out.push_str(n),
        ExprKind::String(s) => match dialect {
            // Double-quoted strings are printed single-quoted: attribute values are written
            // in double quotes, and Alipay's parser does not decode the `&quot;` that a `"`
            // inside one would need (Lin UI writes class='a {{x ? "b" : ""}}').
            Dialect::Wxml if s.raw.starts_with('"') => out.push_str(&js_string(&s.value)),
            Dialect::Wxml => out.push_str(&s.raw),
            Dialect::Js => out.push_str(&js_string(&s.value)),
        },
        ExprKind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        ExprKind::Null => out.push_str("null"),
        ExprKind::Undefined => out.push_str("undefined"),
        // A data name WXML allows and JavaScript reserves (`{{class}}`, `{{in}}`) is read from
        // the Vue instance (`_self`, which the render function's scope holds); Vue also
        // rejects such a word after a dot, so a member of that name is computed.
        ExprKind::Ident(name) if dialect == Dialect::Js && is_reserved(name) => {
            out.push_str("_self[");
            out.push_str(&js_string(name));
            out.push(']');
        }
        ExprKind::Ident(name) => out.push_str(name),
        ExprKind::Member { object, property } => {
            write(out, object, dialect);
            match property {
                Property::Name(name) if dialect == Dialect::Js && is_reserved(name) => {
                    out.push('[');
                    out.push_str(&js_string(name));
                    out.push(']');
                }
                Property::Name(name) => {
                    out.push('.');
                    out.push_str(name);
                }
                Property::Computed(index) => {
                    out.push('[');
                    write(out, index, dialect);
                    out.push(']');
                }
            }
        }
        ExprKind::Call { callee, args } => {
            write(out, callee, dialect);
            out.push('(');
            write_list(out, args, dialect);
            out.push(')');
        }
        ExprKind::Unary { op, arg } => {
            out.push_str(op.as_str());
            let mut inner = String::new();
            write(&mut inner, arg, dialect);
            if inner.starts_with(op.as_str()) {
                out.push(' ');
            }
            out.push_str(&inner);
        }
        ExprKind::Binary { op, left, right } => {
            write(out, left, dialect);
            out.push(' ');
            out.push_str(op.as_str());
            out.push(' ');
            write(out, right, dialect);
        }
        ExprKind::Conditional { test, consequent, alternate } => {
            write(out, test, dialect);
            out.push_str(" ? ");
            write(out, consequent, dialect);
            out.push_str(" : ");
            write(out, alternate, dialect);
        }
        ExprKind::Paren(inner) => {
            out.push('(');
            write(out, inner, dialect);
            out.push(')');
        }
        ExprKind::Array(items) => {
            out.push('[');
            write_list(out, items, dialect);
            out.push(']');
        }
        ExprKind::Object(items) => write_object(out, items, dialect, true),
        ExprKind::BareObject(items) => write_object(out, items, dialect, dialect == Dialect::Js),
    }
}

fn write_key(out: &mut String, key: &ObjectKey, dialect: Dialect) {
    match (key, dialect) {
        (ObjectKey::Ident(name) | ObjectKey::Number(name), _) => out.push_str(name),
        (ObjectKey::String(s), Dialect::Wxml) => out.push_str(&s.raw),
        (ObjectKey::String(s), Dialect::Js) => out.push_str(&js_string(&s.value)),
    }
}

/// `a, b, c`: call arguments and array items.
fn write_list(out: &mut String, items: &[Expr], dialect: Dialect) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write(out, item, dialect);
    }
}

fn write_object(out: &mut String, items: &[ObjectItem], dialect: Dialect, braces: bool) {
    let has_spread = items.iter().any(|i| matches!(i, ObjectItem::Spread(_)));
    if dialect == Dialect::Js && has_spread {
        // `{a: 1, ...b}` → `Object.assign({}, {a: 1}, b)`: same result, ES5 syntax.
        out.push_str("Object.assign({}");
        let mut run: Vec<&ObjectItem> = Vec::new();
        let flush = |out: &mut String, run: &mut Vec<&ObjectItem>| {
            if !run.is_empty() {
                out.push_str(", ");
                let owned: Vec<ObjectItem> = run.drain(..).cloned().collect();
                write_object(out, &owned, dialect, true);
            }
        };
        for item in items {
            if let ObjectItem::Spread(e) = item {
                flush(out, &mut run);
                out.push_str(", ");
                write(out, e, dialect);
            } else {
                run.push(item);
            }
        }
        flush(out, &mut run);
        out.push(')');
        return;
    }
    if braces {
        out.push('{');
    }
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        match item {
            ObjectItem::KeyValue { key, value } => {
                write_key(out, key, dialect);
                out.push_str(": ");
                write(out, value, dialect);
            }
            ObjectItem::Shorthand { name, .. } => match dialect {
                Dialect::Wxml => out.push_str(name),
                Dialect::Js => {
                    out.push_str(name);
                    out.push_str(": ");
                    out.push_str(name);
                }
            },
            ObjectItem::Spread(e) => {
                out.push_str("...");
                write(out, e, dialect);
            }
        }
    }
    if braces {
        // `}}` would end a WXML mustache early (it closes at the first `}}`).
        if out.ends_with('}') {
            out.push(' ');
        }
        out.push('}');
    }
}

/// `expr` with every free name `n` (one `is_bound` rejects) read from `scope` instead:
/// `name` → `scope.name`. This is how a `<template>`'s body, which sees only its data,
/// is expanded in place.
pub fn scope_free_names(expr: &Expr, scope: &str, is_bound: &dyn Fn(&str) -> bool) -> Expr {
    let map = |e: &Expr| scope_free_names(e, scope, is_bound);
    let kind = match &expr.kind {
        ExprKind::Ident(name) if !is_bound(name) => ExprKind::Member {
            object: Box::new(Expr { kind: ExprKind::Ident(scope.to_string()), span: expr.span }),
            property: Property::Name(name.clone()),
        },
        ExprKind::Member { object, property } => ExprKind::Member {
            object: Box::new(map(object)),
            property: match property {
                Property::Name(n) => Property::Name(n.clone()),
                Property::Computed(p) => Property::Computed(Box::new(map(p))),
            },
        },
        ExprKind::Call { callee, args } => {
            ExprKind::Call { callee: Box::new(map(callee)), args: args.iter().map(map).collect() }
        }
        ExprKind::Unary { op, arg } => ExprKind::Unary { op: *op, arg: Box::new(map(arg)) },
        ExprKind::Binary { op, left, right } => {
            ExprKind::Binary { op: *op, left: Box::new(map(left)), right: Box::new(map(right)) }
        }
        ExprKind::Conditional { test, consequent, alternate } => ExprKind::Conditional {
            test: Box::new(map(test)),
            consequent: Box::new(map(consequent)),
            alternate: Box::new(map(alternate)),
        },
        ExprKind::Paren(inner) => ExprKind::Paren(Box::new(map(inner))),
        ExprKind::Array(items) => ExprKind::Array(items.iter().map(map).collect()),
        ExprKind::Object(items) => ExprKind::Object(scope_items(items, scope, is_bound)),
        ExprKind::BareObject(items) => ExprKind::BareObject(scope_items(items, scope, is_bound)),
        other => other.clone(),
    };
    Expr { kind, span: expr.span }
}

fn scope_items(items: &[ObjectItem], scope: &str, is_bound: &dyn Fn(&str) -> bool) -> Vec<ObjectItem> {
    items
        .iter()
        .map(|item| match item {
            ObjectItem::KeyValue { key, value } => {
                ObjectItem::KeyValue { key: key.clone(), value: scope_free_names(value, scope, is_bound) }
            }
            ObjectItem::Shorthand { name, span } => {
                let value = Expr { kind: ExprKind::Ident(name.clone()), span: *span };
                ObjectItem::KeyValue {
                    key: ObjectKey::Ident(name.clone()),
                    value: scope_free_names(&value, scope, is_bound),
                }
            }
            ObjectItem::Spread(e) => ObjectItem::Spread(scope_free_names(e, scope, is_bound)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use miniweave_compiler::template::expr::{MustacheKind, parse_mustache};

    fn parse(text: &str) -> Expr {
        parse_mustache(text, 0, MustacheKind::Value).unwrap()
    }

    #[test]
    fn prints_both_dialects() {
        let e = parse("a ? \"x\" : 'y' + -(-b)");
        // Double-quoted strings come out single-quoted, for attributes in double quotes.
        assert_eq!(print(&e, Dialect::Wxml), "a ? 'x' : 'y' + -(-b)");
        assert_eq!(print(&e, Dialect::Js), "a ? 'x' : 'y' + -(-b)");
        let e = parse("{a: 1, ...b, c}");
        assert_eq!(print(&e, Dialect::Wxml), "{a: 1, ...b, c}");
        assert_eq!(print(&e, Dialect::Js), "Object.assign({}, {a: 1}, b, {c: c})");
        assert_eq!(print(&parse("- -a"), Dialect::Wxml), "- -a");
        assert_eq!(print(&parse("{a: {b: 1} }"), Dialect::Wxml), "{a: {b: 1} }");
        // WXML data names that JavaScript reserves, for Vue.
        assert_eq!(print(&parse("class + item.in"), Dialect::Js), "_self['class'] + item['in']");
        assert_eq!(print(&parse("class + item.in"), Dialect::Wxml), "class + item.in");
    }

    #[test]
    fn scoping_free_names() {
        let e = parse_mustache("...item, n: name, fmt.f(x)", 0, MustacheKind::TemplateData);
        assert!(e.is_err(), "call values need keys");
        let e = parse("fmt.f(name, item.id, list[i])");
        let scoped = scope_free_names(&e, "__t0", &|n| n == "fmt");
        assert_eq!(print(&scoped, Dialect::Js), "fmt.f(__t0.name, __t0.item.id, __t0.list[__t0.i])");
    }
}
