//! JSON output: two-space indentation and a final line break, keys in the order given, so
//! output is byte-identical run to run (ARCHITECTURE.md principle 5).

use serde_json::{Map, Value};

pub fn to_pretty(value: &Value) -> String {
    let mut out = serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".into());
    out.push('\n');
    out
}

/// `map` with `key` first (WeChat's tools write `"component": true` first).
pub fn with_first(key: &str, value: Value, map: &Map<String, Value>) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert(key.to_string(), value);
    for (k, v) in map {
        if k != key {
            out.insert(k.clone(), v.clone());
        }
    }
    out
}
