//! What the backends share.

pub mod emit;
pub mod expand;
pub mod expr;
pub mod json;
pub mod markup;
pub mod paths;
pub mod scripts;
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
