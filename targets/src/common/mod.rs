//! What the backends share.

pub mod emit;
pub mod expand;
pub mod expr;
pub mod json;
pub mod markup;
pub mod paths;
pub mod wxml;

use miniweave_compiler::ir::{Unit, UnitKind};
use serde_json::{Map, Value};

/// The unit's script. A unit without one gets an empty constructor call: WeChat and Alipay
/// need the call to register the unit.
pub fn unit_script(unit: &Unit) -> String {
    match (&unit.script, unit.kind) {
        (Some(s), _) => s.code.clone(),
        (None, UnitKind::Page) => "Page({});\n".into(),
        (None, UnitKind::Component) => "Component({});\n".into(),
    }
}

/// A unit's config as a JSON object (empty when it has none).
pub fn unit_config_map(unit: &Unit) -> Map<String, Value> {
    match unit.config.as_ref().map(|c| c.json.to_value()) {
        Some(Value::Object(m)) => m,
        _ => Map::new(),
    }
}
