//! Parsing the inside of `{{ }}` against WXML's closed grammar (LANGUAGE.md §3). Anything
//! outside it (arrow functions, assignments, `new`, template literals, regexes, optional
//! chaining) is an error at the offending token, because WeChat's own compiler rejects it.

mod lexer;
mod parser;

use crate::ir::expr::Expr;
use crate::source::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct ExprError {
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
}

/// Where a mustache stands, which decides its grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MustacheKind {
    /// Text and attribute values: one expression.
    Value,
    /// `<template is data="…">`: a brace-less object.
    TemplateData,
}

/// Parses a mustache's inner text, which starts at byte `base` of its file.
pub fn parse_mustache(text: &str, base: usize, kind: MustacheKind) -> Result<Expr, ExprError> {
    let tokens = lexer::tokenize(text, base)?;
    let mut parser = parser::Parser::new(&tokens);
    if parser.at_end() {
        return Err(ExprError {
            span: Span::new(base, base + text.len()),
            message: "empty expression `{{}}`".into(),
            help: Some("write a value inside the braces, or remove them".into()),
        });
    }
    match kind {
        MustacheKind::Value => parser.mustache(),
        MustacheKind::TemplateData => parser.template_data(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::expr::{BinaryOp, ExprKind};

    fn ok(text: &str) -> Expr {
        parse_mustache(text, 0, MustacheKind::Value).unwrap_or_else(|e| panic!("{text}: {e:?}"))
    }

    fn data(text: &str) -> Result<Expr, ExprError> {
        parse_mustache(text, 0, MustacheKind::TemplateData)
    }

    fn err(text: &str) -> ExprError {
        parse_mustache(text, 100, MustacheKind::Value).expect_err(text)
    }

    #[test]
    fn accepts_the_wxml_grammar() {
        for text in [
            "a",
            " a.b[c]['d'] ",
            "!done && count > 0 ? 'yes' : \"no\"",
            "-a + b * (c - 1) % 2 - -d",
            "[1, 2, [3]]",
            "{a: 1, b, ...c, d: {e: 1} }",
            "fmt.twice(n)",
            "null || undefined",
            "0.5 + 10",
            "a?0.5:1",
            "'名字' + 'ok'",
        ] {
            ok(text);
        }
        let e = ok("a + b * c");
        let ExprKind::Binary { op: BinaryOp::Add, .. } = e.kind else { panic!("{e:?}") };
    }

    #[test]
    fn template_data_is_brace_less() {
        assert!(matches!(data("a: 1, ...b").unwrap().kind, ExprKind::BareObject(ref items) if items.len() == 2));
        assert!(matches!(data(" item ").unwrap().kind, ExprKind::BareObject(ref items) if items.len() == 1));
        assert!(data("{a: 1}").unwrap_err().message.contains("without braces"));
        assert!(err("a: 1").message.contains("only allowed as `<template is>` data"));
    }

    #[test]
    fn rejects_what_wxml_lacks_at_the_token() {
        let cases = [
            ("items.map(x => x)", "arrow functions", 112),
            ("a = 1", "assignments", 102),
            ("new Date()", "`new`", 100),
            ("`a${b}`", "template literals", 100),
            ("/a/.test(s)", "regular expressions", 100),
            ("a?.b", "optional chaining", 101),
            ("a ?? b", "`??`", 102),
            ("typeof x", "`typeof`", 100),
            ("+a", "unary `+`", 100),
            ("[...a]", "array spread", 101),
            ("1e3", "plain decimals", 100),
            ("0x1f", "plain decimals", 100),
            ("名字", "names are ASCII", 100),
            ("{a: {b: 1", "expected `}`", 109),
            ("a + ", "expected a value", 104),
            ("a, b", "comma operator", 101),
            ("", "empty expression", 100),
            ("'abc", "never closed", 100),
        ];
        for (text, needle, at) in cases {
            let e = err(text);
            assert!(e.message.contains(needle), "{text}: {}", e.message);
            assert_eq!(e.span.start, at, "{text}: {e:?}");
        }
    }

    #[test]
    fn a_leading_point_is_a_number_as_wcc_reads_it() {
        let e = parse_mustache(" .5 + a.b ", 0, MustacheKind::Value).unwrap();
        let ExprKind::Binary { left, .. } = &e.kind else { panic!("{e:?}") };
        assert!(matches!(&left.kind, ExprKind::Number(n) if n == ".5"), "{e:?}");
    }

    #[test]
    fn deep_nesting_is_a_diagnostic() {
        let text = format!("{}1{}", "(".repeat(5000), ")".repeat(5000));
        assert!(err(&text).message.contains("nested"));
    }
}
