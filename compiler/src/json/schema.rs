//! Checking a spanned JSON document against a JSON Schema.
//!
//! Only the keywords WeChat's own config schemas and miniweave.json's derived one use are
//! supported (`type`, `enum`, `const`, `properties`, `additionalProperties`, `required`,
//! `items`, `anyOf`, `allOf`, `$ref` into `#/definitions`, and `pattern` in its one form in
//! WeChat's, `^@.*$`); the rest (`description`, `minimum`, other patterns) is for editors.
//! Every problem carries the span of the offending key or value, and unknown keys a "did you
//! mean".

use serde_json::Value;

use super::{Json, JsonValue};
use crate::diagnostics::suggestion;
use crate::source::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct SchemaIssue {
    pub kind: IssueKind,
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssueKind {
    UnknownKey,
    WrongType,
    BadValue,
    MissingKey,
}

/// Checks `doc` against `schema` (whose `$ref`s resolve in `schema` itself). Messages name
/// values by their path (`window.navigationBarTitleText`, `pages[1]`).
pub fn check(schema: &Value, doc: &Json) -> Vec<SchemaIssue> {
    let mut checker = Checker { root: schema, issues: Vec::new() };
    checker.node(schema, doc, "");
    checker.issues
}

struct Checker<'s> {
    root: &'s Value,
    issues: Vec<SchemaIssue>,
}

fn type_matches(expected: &str, node: &Json) -> bool {
    match (expected, &node.value) {
        ("integer", JsonValue::Number(n)) => n.is_i64() || n.is_u64(),
        (t, _) => t == node.type_name(),
    }
}

fn types_of(schema: &Value) -> Vec<&str> {
    match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn show(value: &Value) -> String {
    match value {
        Value::String(s) => format!("\"{s}\""),
        other => other.to_string(),
    }
}

impl<'s> Checker<'s> {
    fn resolve(&self, schema: &'s Value) -> &'s Value {
        let mut schema = schema;
        // `$ref`s point into `#/definitions`; follow a bounded chain of them.
        for _ in 0..16 {
            let Some(target) = schema.get("$ref").and_then(Value::as_str) else {
                break;
            };
            let Some(name) = target.strip_prefix("#/definitions/") else {
                break;
            };
            match self.root.get("definitions").and_then(|d| d.get(name)) {
                Some(s) => schema = s,
                None => break,
            }
        }
        schema
    }

    /// Whether `node` satisfies `schema` without reporting anything.
    fn matches(&self, schema: &'s Value, node: &Json, path: &str) -> bool {
        let mut probe = Checker { root: self.root, issues: Vec::new() };
        probe.node(schema, node, path);
        probe.issues.is_empty()
    }

    fn push(&mut self, kind: IssueKind, span: Span, message: String, help: Option<String>) {
        self.issues.push(SchemaIssue { kind, span, message, help });
    }

    fn node(&mut self, schema: &'s Value, node: &Json, path: &str) {
        let schema = self.resolve(schema);
        // schemars writes a described `$ref` as `{ "description": …, "allOf": [{ "$ref": … }] }`
        // (draft 7 ignores a `$ref`'s siblings): the value must satisfy each part.
        if let Some(Value::Array(parts)) = schema.get("allOf") {
            for part in parts {
                self.node(part, node, path);
            }
        }
        if let Some(Value::Array(alternatives)) = schema.get("anyOf") {
            let alternatives: Vec<&Value> = alternatives.iter().map(|a| self.resolve(a)).collect();
            if alternatives.iter().any(|a| self.matches(a, node, path)) {
                return;
            }
            // Report against the alternative of the same type, which gives the precise reason.
            if let Some(same_type) = alternatives.iter().find(|a| types_of(a).iter().any(|t| type_matches(t, node))) {
                self.node(same_type, node, path);
            } else {
                let expected: Vec<&str> = alternatives.iter().flat_map(|a| types_of(a)).collect();
                self.wrong_type(node, path, &expected);
            }
            return;
        }
        let types = types_of(schema);
        if !types.is_empty() && !types.iter().any(|t| type_matches(t, node)) {
            self.wrong_type(node, path, &types);
            return;
        }
        if let Some(expected) = schema.get("const") {
            if node.to_value() != *expected {
                self.push(IssueKind::BadValue, node.span, format!("`{path}` must be {}", show(expected)), None);
            }
        }
        if let Some(Value::Array(allowed)) = schema.get("enum") {
            let value = node.to_value();
            if !allowed.contains(&value) {
                let names: Vec<String> = allowed.iter().map(show).collect();
                let hint = match &value {
                    Value::String(s) => suggestion(s, allowed.iter().filter_map(Value::as_str)),
                    _ => String::new(),
                };
                self.push(
                    IssueKind::BadValue,
                    node.span,
                    format!("`{path}` cannot be {}: expected one of {}", show(&value), names.join(", ")),
                    (!hint.is_empty()).then_some(hint),
                );
            }
        }
        if let (Some(pattern), JsonValue::String(s)) = (schema.get("pattern").and_then(Value::as_str), &node.value) {
            if let Some(prefix) = pattern.strip_prefix('^').and_then(|p| p.strip_suffix(".*$")) {
                if !s.starts_with(prefix) {
                    self.push(IssueKind::BadValue, node.span, format!("`{path}` must start with `{prefix}`"), None);
                }
            }
        }
        match &node.value {
            JsonValue::Object(members) => self.object(schema, node, members, path),
            JsonValue::Array(items) => {
                if let Some(item_schema) = schema.get("items").filter(|s| s.is_object()) {
                    for (i, item) in items.iter().enumerate() {
                        self.node(item_schema, item, &format!("{path}[{i}]"));
                    }
                }
            }
            _ => {}
        }
    }

    fn wrong_type(&mut self, node: &Json, path: &str, expected: &[&str]) {
        let mut expected: Vec<&str> = expected.to_vec();
        expected.dedup();
        self.push(
            IssueKind::WrongType,
            node.span,
            format!("`{path}` must be {}, not {}", a_or_an(&expected.join(" or ")), a_or_an(node.type_name())),
            None,
        );
    }

    fn object(&mut self, schema: &'s Value, node: &Json, members: &[super::Member], path: &str) {
        let properties = schema.get("properties").and_then(Value::as_object);
        let additional = schema.get("additionalProperties");
        for member in members {
            let child_path = if path.is_empty() { member.key.clone() } else { format!("{path}.{}", member.key) };
            if let Some(child) = properties.and_then(|p| p.get(&member.key)) {
                self.node(child, &member.value, &child_path);
                continue;
            }
            match additional {
                Some(Value::Bool(false)) => {
                    let known =
                        properties.map(|p| p.keys().map(String::as_str).collect::<Vec<_>>()).unwrap_or_default();
                    let hint = suggestion(&member.key, known.iter().copied());
                    let help = if hint.is_empty() {
                        let mut keys = known.clone();
                        keys.sort_unstable();
                        format!("known keys here: {}", keys.join(", "))
                    } else {
                        hint
                    };
                    let place = if path.is_empty() { String::new() } else { format!(" in `{path}`") };
                    self.push(
                        IssueKind::UnknownKey,
                        member.key_span,
                        format!("unknown key `{}`{place}", member.key),
                        Some(help),
                    );
                }
                Some(extra @ Value::Object(_)) => self.node(extra, &member.value, &child_path),
                _ => {}
            }
        }
        if let Some(Value::Array(required)) = schema.get("required") {
            for key in required.iter().filter_map(Value::as_str) {
                if node.member(key).is_none() {
                    self.push(
                        IssueKind::MissingKey,
                        node.span,
                        if path.is_empty() {
                            format!("the key `{key}` is required")
                        } else {
                            format!("`{path}` needs the key `{key}`")
                        },
                        Some(format!("add \"{key}\": …")),
                    );
                }
            }
        }
    }
}

fn a_or_an(word: &str) -> String {
    let article = if word.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    format!("{article} {word}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn issues(schema: Value, text: &str) -> Vec<SchemaIssue> {
        check(&schema, &Json::parse(text, 0).unwrap())
    }

    fn sample_schema() -> Value {
        json!({
            "type": "object",
            "additionalProperties": false,
            "properties": {
                "pages": {"type": "array", "items": {"type": "string"}},
                "window": {"$ref": "#/definitions/IWindow"},
                "style": {"anyOf": [{"enum": ["black", "white"], "type": "string"}, {"type": "string", "pattern": "^@.*$"}]},
                "sub": {"type": "array", "items": {"type": "object", "required": ["root"], "properties": {"root": {"type": "string"}}}},
            },
            "definitions": {"IWindow": {"type": "object", "additionalProperties": false, "properties": {"navigationBarTitleText": {"type": "string"}}}}
        })
    }

    #[test]
    fn unknown_keys_get_suggestions_at_the_key() {
        let text = "{ \"window\": { \"navigationBarTitletext\": \"x\" } }";
        let found = issues(sample_schema(), text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, IssueKind::UnknownKey);
        assert_eq!(found[0].message, "unknown key `navigationBarTitletext` in `window`");
        assert_eq!(&text[found[0].span.start..found[0].span.end], "\"navigationBarTitletext\"");
        assert_eq!(found[0].help.as_deref(), Some("did you mean `navigationBarTitleText`?"));
    }

    #[test]
    fn types_enums_any_of_and_required() {
        let found = issues(sample_schema(), "{ \"pages\": [\"a\", 1] }");
        assert_eq!(found[0].message, "`pages[1]` must be a string, not a number");
        assert!(issues(sample_schema(), "{ \"style\": \"@theme\" }").is_empty());
        let found = issues(sample_schema(), "{ \"style\": \"blak\" }");
        assert!(found[0].message.contains("expected one of \"black\", \"white\""), "{found:?}");
        assert_eq!(found[0].help.as_deref(), Some("did you mean `black`?"));
        let found = issues(sample_schema(), "{ \"sub\": [{}] }");
        assert_eq!(found[0].kind, IssueKind::MissingKey);
    }

    #[test]
    fn all_of_parts_each_apply() {
        let schema = json!({
            "type": "object",
            "properties": {"w": {"description": "d", "allOf": [{"$ref": "#/definitions/W"}]}},
            "definitions": {"W": {"type": "object", "additionalProperties": false, "properties": {"appid": {"type": "string"}}}}
        });
        assert!(issues(schema.clone(), "{ \"w\": { \"appid\": \"x\" } }").is_empty());
        let found = issues(schema.clone(), "{ \"w\": { \"appId\": \"x\" } }");
        assert_eq!(found[0].message, "unknown key `appId` in `w`");
        let found = issues(schema, "{ \"w\": 1 }");
        assert_eq!(found[0].message, "`w` must be an object, not a number");
    }
}
