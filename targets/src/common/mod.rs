//! What the backends share.

pub mod apis;
pub mod case;
pub mod class_scope;
pub mod component_styles;
pub mod constructors;
pub mod emit;
pub mod expand;
pub mod expr;
pub mod json;
pub mod markup;
pub mod model;
pub mod paths;
pub mod plain_elements;
pub mod properties;
pub mod runtime_placement;
pub mod scripts;
pub mod selectors;
pub mod view_script;
pub mod wxml;

use miniweave_compiler::ir::Unit;
use serde_json::{Map, Value};

/// A unit's config as a JSON object (empty when it has none).
pub fn unit_config_map(unit: &Unit) -> Map<String, Value> {
    match unit.config.as_ref().map(|c| c.json.to_value()) {
        Some(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

/// The source of an API runtime module (`api`) from `<target>/api` snippets: `header` names
/// the module's object and host; an API without its own adapter gets the generic one.
pub fn assemble_api(target: &str, names: &std::collections::BTreeSet<String>, header: &str) -> String {
    crate::runtime::assemble(&format!("{target}/api"), names, header, &|n| {
        Some(format!("api.{n} = __mwSame('{n}');\n"))
    })
}
