//! miniweave.json's published JSON schema: derived from the option types, committed at
//! schema/miniweave.schema.json, named by `"$schema"` in what `miniweave new` writes, and
//! every key of it in the docs' table.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::support::{miniweave, read, repo, stderr, stdout};

/// What `miniweave schema` prints: the schema as the types derive it today.
fn derived() -> String {
    let output = miniweave(&["schema"], Path::new("."));
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output)
}

#[test]
fn the_published_schema_is_the_one_the_types_derive() {
    let published = read(repo().join("schema/miniweave.schema.json"));
    assert!(
        published == derived(),
        "schema/miniweave.schema.json differs from the schema the types in compiler/src/project/options.rs \
         derive; regenerate it with\n  cargo run -q -p miniweave-cli -- schema > schema/miniweave.schema.json"
    );
}

/// A dotted key path of every key the schema describes, and which of them are leaves (keys
/// with no keys of their own: a value, a list, or a free-form object such as `define`).
fn schema_keys(schema: &serde_json::Value) -> (BTreeSet<String>, BTreeSet<String>) {
    // A described `$ref` is `{ "description", "allOf": [{ "$ref" }] }` in draft 7.
    fn resolve<'a>(root: &'a Value, mut node: &'a Value) -> &'a Value {
        loop {
            if let Some(only) = node.get("allOf").and_then(Value::as_array).and_then(|a| a.first()) {
                node = only;
            } else if let Some(name) = node.get("$ref").and_then(Value::as_str) {
                node = &root["definitions"][name.trim_start_matches("#/definitions/")];
            } else {
                return node;
            }
        }
    }
    fn walk(root: &Value, node: &Value, prefix: &str, all: &mut BTreeSet<String>, leaves: &mut BTreeSet<String>) {
        for (key, child) in resolve(root, node).get("properties").and_then(Value::as_object).into_iter().flatten() {
            let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
            all.insert(path.clone());
            if resolve(root, child).get("properties").is_some() {
                walk(root, child, &path, all, leaves);
            } else {
                leaves.insert(path);
            }
        }
    }
    let (mut all, mut leaves) = (BTreeSet::new(), BTreeSet::new());
    walk(schema, schema, "", &mut all, &mut leaves);
    (all, leaves)
}

/// `a.{b,c}.d` as `a.b.d` and `a.c.d`, the docs' shorthand for keys alike.
fn expand_braces(pattern: &str) -> Vec<String> {
    let Some(open) = pattern.find('{') else {
        return vec![pattern.to_string()];
    };
    let close = open + pattern[open..].find('}').expect("a `{` in a key has its `}`");
    pattern[open + 1..close]
        .split(',')
        .flat_map(|choice| expand_braces(&format!("{}{choice}{}", &pattern[..open], &pattern[close + 1..])))
        .collect()
}

/// The keys in the first column of the table of docs/language.md's "Projects" section.
fn documented_keys() -> BTreeSet<String> {
    let docs = read(repo().join("docs/language.md"));
    let section = docs.split("\n## Projects\n").nth(1).expect("docs/language.md has a Projects section");
    let rows = section.lines().skip_while(|l| !l.starts_with('|')).take_while(|l| l.starts_with('|')).skip(2);
    let mut keys = BTreeSet::new();
    for row in rows {
        let first_cell = row.split('|').nth(1).unwrap_or_default();
        for key in first_cell.split('`').skip(1).step_by(2) {
            keys.extend(expand_braces(key));
        }
    }
    keys
}

#[test]
fn the_docs_table_has_every_key_of_the_schema_and_no_other() {
    let schema: Value = serde_json::from_str(&derived()).unwrap();
    let (all, leaves) = schema_keys(&schema);
    assert!(leaves.contains("$schema") && leaves.contains("sizeBudget.weibo.total"), "{leaves:?}");
    let documented = documented_keys();
    let missing: Vec<_> = leaves.difference(&documented).collect();
    assert!(missing.is_empty(), "keys of miniweave.json missing from docs/language.md's Projects table: {missing:?}");
    let unknown: Vec<_> = documented.difference(&all).collect();
    assert!(unknown.is_empty(), "docs/language.md's Projects table names keys the schema has not: {unknown:?}");
}

/// What `miniweave new` writes for a template: its miniweave.json's `"$schema"`, and the text
/// of the file it names.
fn new_project_schema(template: &str) -> (String, String) {
    let parent = tempfile::tempdir().unwrap();
    let created = miniweave(&["new", "app", "--template", template], parent.path());
    assert!(created.status.success(), "{}", stderr(&created));
    let app = parent.path().join("app");
    // miniweave.json is JSONC; the template's comments are whole lines.
    let config: String =
        read(app.join("miniweave.json")).lines().filter(|l| !l.trim_start().starts_with("//")).collect();
    let config: Value = serde_json::from_str(&config).unwrap();
    let named = config["$schema"].as_str().expect("miniweave.json names its schema").to_string();
    let text = read(app.join(&named));
    (named, text)
}

#[test]
fn new_projects_name_the_schema_and_carry_it() {
    for template in ["basic", "ts"] {
        let (named, text) = new_project_schema(template);
        assert_eq!(named, "./miniweave.schema.json", "{template}");
        assert!(text == derived(), "the {template} template's miniweave.schema.json is not the derived schema");
    }
}
