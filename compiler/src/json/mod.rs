//! JSON with positions.
//!
//! Configs are JSONC (comments and trailing commas allowed). serde_json keeps no positions,
//! so `jsonc-parser` (dprint's, well kept) parses to an AST with byte ranges, which becomes
//! this spanned tree: "unknown key", "missing page" and "bad JSON" can point at the exact key
//! (ARCHITECTURE.md "Positions"). Typed models are then read from [`Json::to_value`].

pub mod schema;

use jsonc_parser::ast::{ObjectPropName, Value as Ast};
use jsonc_parser::{CollectOptions, ParseOptions};
use serde_json::{Map, Number, Value};

use crate::source::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct Json {
    pub value: JsonValue,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum JsonValue {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Json>),
    Object(Vec<Member>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_span: Span,
    pub value: Json,
}

#[derive(Debug, Clone, PartialEq)]
pub struct JsonError {
    pub span: Span,
    pub message: String,
}

impl Json {
    /// Parses JSONC `text`, which starts at byte `base` of its file.
    pub fn parse(text: &str, base: usize) -> Result<Json, JsonError> {
        let options = ParseOptions {
            allow_comments: true,
            allow_trailing_commas: true,
            allow_loose_object_property_names: false,
            allow_missing_commas: false,
            allow_single_quoted_strings: false,
            allow_hexadecimal_numbers: false,
            allow_unary_plus_numbers: false,
            allow_bare_decimal_point_numbers: false,
            allow_non_finite_numbers: false,
            allow_extended_string_escapes: false,
        };
        let parsed = jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &options).map_err(|e| {
            let r = e.range();
            JsonError { span: Span::new(base + r.start, base + r.end.max(r.start)), message: e.kind().to_string() }
        })?;
        match parsed.value {
            Some(ast) => convert(ast, base),
            None => Err(JsonError {
                span: Span::point(base + text.len()),
                message: "the config is empty: write a JSON object, `{}` at least".into(),
            }),
        }
    }

    pub fn to_value(&self) -> Value {
        match &self.value {
            JsonValue::Null => Value::Null,
            JsonValue::Bool(b) => Value::Bool(*b),
            JsonValue::Number(n) => Value::Number(n.clone()),
            JsonValue::String(s) => Value::String(s.clone()),
            JsonValue::Array(items) => Value::Array(items.iter().map(Json::to_value).collect()),
            JsonValue::Object(members) => {
                let mut map = Map::new();
                for m in members {
                    map.insert(m.key.clone(), m.value.to_value());
                }
                Value::Object(map)
            }
        }
    }

    pub fn members(&self) -> &[Member] {
        match &self.value {
            JsonValue::Object(m) => m,
            _ => &[],
        }
    }

    /// The last member named `key` (JSON's "last one wins").
    pub fn member(&self, key: &str) -> Option<&Member> {
        self.members().iter().rev().find(|m| m.key == key)
    }

    pub fn get(&self, key: &str) -> Option<&Json> {
        self.member(key).map(|m| &m.value)
    }

    pub fn items(&self) -> &[Json] {
        match &self.value {
            JsonValue::Array(items) => items,
            _ => &[],
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            JsonValue::String(s) => Some(s),
            _ => None,
        }
    }

    /// The node at a path of keys and indices (`["pages", "1"]`), for locating a value that
    /// a typed model complains about.
    pub fn at_path<'a>(&self, path: impl IntoIterator<Item = &'a str>) -> Option<&Json> {
        let mut node = self;
        for step in path {
            node = match &node.value {
                JsonValue::Object(_) => node.get(step)?,
                JsonValue::Array(items) => items.get(step.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(node)
    }

    /// What kind of value this is, as JSON Schema names it.
    pub fn type_name(&self) -> &'static str {
        match &self.value {
            JsonValue::Null => "null",
            JsonValue::Bool(_) => "boolean",
            JsonValue::Number(_) => "number",
            JsonValue::String(_) => "string",
            JsonValue::Array(_) => "array",
            JsonValue::Object(_) => "object",
        }
    }
}

fn span_of(range: jsonc_parser::common::Range, base: usize) -> Span {
    Span::new(base + range.start, base + range.end)
}

fn convert(ast: Ast<'_>, base: usize) -> Result<Json, JsonError> {
    let (value, span) = match ast {
        Ast::NullKeyword(n) => (JsonValue::Null, span_of(n.range, base)),
        Ast::BooleanLit(b) => (JsonValue::Bool(b.value), span_of(b.range, base)),
        Ast::StringLit(s) => (JsonValue::String(s.value.into_owned()), span_of(s.range, base)),
        Ast::NumberLit(n) => {
            let span = span_of(n.range, base);
            let number = serde_json::from_str::<Number>(n.value)
                .map_err(|_| JsonError { span, message: format!("`{}` is not a JSON number", n.value) })?;
            (JsonValue::Number(number), span)
        }
        Ast::Array(a) => {
            let span = span_of(a.range, base);
            let items = a.elements.into_iter().map(|e| convert(e, base)).collect::<Result<_, _>>()?;
            (JsonValue::Array(items), span)
        }
        Ast::Object(o) => {
            let span = span_of(o.range, base);
            let mut members = Vec::with_capacity(o.properties.len());
            for p in o.properties {
                let (key, key_span) = match p.name {
                    ObjectPropName::String(s) => (s.value.into_owned(), span_of(s.range, base)),
                    ObjectPropName::Word(w) => (w.value.to_string(), span_of(w.range, base)),
                };
                members.push(Member { key, key_span, value: convert(p.value, base)? });
            }
            (JsonValue::Object(members), span)
        }
    };
    Ok(Json { value, span })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_bytes_into_the_file() {
        let text = "{\n  // 名字\n  \"pages\": [\"a\", \"b\",],\n}";
        let json = Json::parse(text, 10).unwrap();
        let b = json.at_path(["pages", "1"]).unwrap();
        assert_eq!(b.as_str(), Some("b"));
        assert_eq!(&text[b.span.start - 10..b.span.end - 10], "\"b\"");
        let key = json.member("pages").unwrap().key_span;
        assert_eq!(&text[key.start - 10..key.end - 10], "\"pages\"");
        assert_eq!(json.to_value(), serde_json::json!({"pages": ["a", "b"]}));
    }

    #[test]
    fn bad_json_is_located() {
        let text = "{ \"a\": 1 \"b\": 2 }";
        let e = Json::parse(text, 0).unwrap_err();
        assert_eq!(e.span.start, 8, "{e:?}");
        assert!(e.message.contains("comma"), "{e:?}");
        assert!(Json::parse("{ 'a': 1 }", 0).is_err());
        assert!(Json::parse("", 0).is_err());
    }
}
