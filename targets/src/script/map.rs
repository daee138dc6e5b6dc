//! Source maps: one layer, from the emitted file straight to the file the user wrote (the
//! `.mini` file itself for a `.mini` script block), with its original text embedded.

use std::sync::Arc;

use miniweave_compiler::source::SourceFile;
use swc_core::common::source_map::SourceMapGenConfig;
use swc_core::common::sync::Lrc;
use swc_core::common::{BytePos, FileName, LineCol, SourceMap};

struct Config;

impl SourceMapGenConfig for Config {
    fn file_name_to_source(&self, f: &FileName) -> String {
        f.to_string()
    }
}

/// The source map of `out_path`, pointing into `file` (whose name is relative to the
/// project root; the map's `sources` entry is made relative to the emitted file's folder
/// would be wrong once copied, so it names the project path and embeds the content).
pub fn build(cm: &Lrc<SourceMap>, mappings: &[(BytePos, LineCol)], file: &Arc<SourceFile>, out_path: &str) -> String {
    let map = cm.build_source_map(mappings, None, Config);
    let mut json = Vec::new();
    if map.to_writer(&mut json).is_err() {
        return String::new();
    }
    let mut value: serde_json::Value = serde_json::from_slice(&json).unwrap_or(serde_json::Value::Null);
    if let Some(object) = value.as_object_mut() {
        object.insert(
            "file".into(),
            serde_json::Value::String(out_path.rsplit('/').next().unwrap_or(out_path).to_string()),
        );
        object.insert("sources".into(), serde_json::json!([file.name()]));
        object.insert("sourcesContent".into(), serde_json::json!([file.text()]));
    }
    serde_json::to_string(&value).unwrap_or_default()
}
