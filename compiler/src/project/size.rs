//! Sizes as users write them in `miniweave.json`: `"8KB"`, `"1.5 MB"`, `"2048"` or `2048`
//! (bytes).
//! KB and MB are 1024-based, as the platforms' package limits are.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteSize(pub u64);

impl ByteSize {
    pub fn parse(text: &str) -> Option<ByteSize> {
        let t = text.trim();
        let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
        let (number, unit) = t.split_at(split);
        let number: f64 = number.parse().ok()?;
        let factor = match unit.trim().to_ascii_uppercase().as_str() {
            "" | "B" => 1.0,
            "KB" | "K" => 1024.0,
            "MB" | "M" => 1024.0 * 1024.0,
            _ => return None,
        };
        Some(ByteSize((number * factor).round() as u64))
    }
}

impl<'de> Deserialize<'de> for ByteSize {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        /// A size written as a number of bytes or as text.
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Bytes(u64),
            Text(String),
        }
        match Written::deserialize(d)? {
            Written::Bytes(n) => Ok(ByteSize(n)),
            Written::Text(text) => ByteSize::parse(&text).ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "`{text}` is not a size: write a number of bytes, or one with KB or MB (\"8KB\")"
                ))
            }),
        }
    }
}

/// What the deserializer above accepts, for miniweave.json's schema. The pattern is for
/// editors (the compiler's own check of a size is the parse above, with its message).
impl JsonSchema for ByteSize {
    fn schema_name() -> Cow<'static, str> {
        "ByteSize".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A size: a number of bytes, or text with KB or MB (1024-based): 2048, \"8KB\", \"1.5 MB\".",
            "type": ["string", "integer"],
            "minimum": 0,
            "pattern": "^\\s*[0-9.]+\\s*([bB]|[kKmM][bB]?)?\\s*$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_in_every_spelling() {
        assert_eq!(ByteSize::parse("8KB"), Some(ByteSize(8192)));
        assert_eq!(ByteSize::parse("1.5 MB"), Some(ByteSize(1_572_864)));
        assert_eq!(ByteSize::parse("2048"), Some(ByteSize(2048)));
        assert_eq!(ByteSize::parse("12kb"), Some(ByteSize(12288)));
        assert_eq!(ByteSize::parse("eight"), None);
        assert_eq!(ByteSize::parse("8GB"), None);
        assert_eq!(serde_json::from_str::<ByteSize>("16384").unwrap(), ByteSize(16384));
        assert_eq!(serde_json::from_str::<ByteSize>("\"16KB\"").unwrap(), ByteSize(16384));
        assert!(serde_json::from_str::<ByteSize>("\"lots\"").is_err());
    }
}
