//! `<rich-text nodes="<p>static html</p>">`: the HTML is parsed at compile time into the
//! `nodes` array (LANGUAGE.md §3), as an expression every target prints in its own syntax.

use serde_json::Value as Json;

use crate::html;
use crate::ir::expr::{Expr, ExprKind, ObjectItem, ObjectKey, StrLit};
use crate::source::Span;

/// Whether a literal `nodes` value is HTML (rather than, say, a bare string).
pub fn is_html(literal: &str) -> bool {
    literal.trim_start().starts_with('<')
}

/// The `nodes` array for `html`, as an expression; every part carries `span`.
pub fn nodes_expr(html_text: &str, span: Span) -> Expr {
    json_expr(&html::to_nodes(html_text), span)
}

fn json_expr(value: &Json, span: Span) -> Expr {
    let kind = match value {
        Json::Null => ExprKind::Null,
        Json::Bool(b) => ExprKind::Bool(*b),
        Json::Number(n) => ExprKind::Number(n.to_string()),
        Json::String(s) => ExprKind::String(StrLit::new(s.clone())),
        Json::Array(items) => ExprKind::Array(items.iter().map(|i| json_expr(i, span)).collect()),
        Json::Object(map) => ExprKind::Object(
            map.iter()
                .map(|(k, v)| {
                    let is_ident = k.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                    let key =
                        if is_ident { ObjectKey::Ident(k.clone()) } else { ObjectKey::String(StrLit::new(k.clone())) };
                    ObjectItem::KeyValue { key, value: json_expr(v, span) }
                })
                .collect(),
        ),
    };
    Expr { kind, span }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_an_array_expression() {
        let e = nodes_expr("<p data-x=\"1\">it's</p>", Span::new(3, 9));
        let ExprKind::Array(items) = &e.kind else { panic!("{e:?}") };
        let ExprKind::Object(fields) = &items[0].kind else { panic!() };
        assert!(matches!(&fields[0], ObjectItem::KeyValue { key: ObjectKey::Ident(k), .. } if k == "name"));
        let ObjectItem::KeyValue { value, .. } = &fields[1] else { panic!() };
        let ExprKind::Object(attrs) = &value.kind else { panic!() };
        assert!(matches!(&attrs[0], ObjectItem::KeyValue { key: ObjectKey::String(s), .. } if s.raw == "'data-x'"));
        assert!(is_html(" <p>x</p>") && !is_html("plain"));
        assert_eq!(StrLit::new("it's \"x\"").raw, "'it\\'s \\x22x\\x22'");
    }
}
