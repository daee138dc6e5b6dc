//! Merging an IDE project file (`project.config.json` and its kin) with what the IDE changed
//! in the output folder since the last build.
//!
//! WeChat DevTools, Alipay's IDE and WBox write their settings (`libVersion`,
//! `setting.minified`, `editorSetting`, ...) into the project file of the folder they open,
//! which is our output. A build that overwrote the file would undo those edits every time.
//! The merge is three-way: `base` is what the previous build emitted, `disk` what is in the
//! folder now, `emitted` what this build emits. Where the disk differs from the base, the
//! IDE changed it and the disk wins; everywhere else this build's value wins, so a change to
//! the sources (a new `libVersion` in the project's own `project.config.json`) still comes
//! through. Keys miniweave owns (the app id, the compile type) always take the build's value.

use serde_json::{Map, Value};

use miniweave_targets::SettingsFile;

/// The file to write: `emitted`, with the IDE's changes (`disk` against `base`) kept.
pub fn merge(settings: &SettingsFile, emitted: &Value, base: Option<&Value>, disk: Option<&Value>) -> Value {
    match (base, disk) {
        (Some(base), Some(disk)) => {
            merge_at(settings, "", Some(emitted), Some(base), Some(disk)).unwrap_or(Value::Null)
        }
        _ => emitted.clone(),
    }
}

fn owned(settings: &SettingsFile, path: &str) -> bool {
    settings.owned.contains(&path)
}

/// The merged value at `path`; `None` means the key is absent.
fn merge_at(
    settings: &SettingsFile,
    path: &str,
    emitted: Option<&Value>,
    base: Option<&Value>,
    disk: Option<&Value>,
) -> Option<Value> {
    if !path.is_empty() && owned(settings, path) {
        return emitted.cloned();
    }
    if disk == base {
        return emitted.cloned();
    }
    match (emitted, base, disk) {
        (Some(Value::Object(e)), Some(Value::Object(b)), Some(Value::Object(d))) => {
            Some(Value::Object(merge_objects(settings, path, e, b, d)))
        }
        // The IDE changed, added or removed this value.
        _ => disk.cloned(),
    }
}

fn merge_objects(
    settings: &SettingsFile,
    path: &str,
    emitted: &Map<String, Value>,
    base: &Map<String, Value>,
    disk: &Map<String, Value>,
) -> Map<String, Value> {
    // The emitted order first, then keys only the IDE wrote, as it wrote them.
    let keys = emitted
        .keys()
        .chain(disk.keys().filter(|k| !emitted.contains_key(*k)))
        .chain(base.keys().filter(|k| !emitted.contains_key(*k) && !disk.contains_key(*k)));
    let mut out = Map::new();
    for key in keys {
        let child = if path.is_empty() { key.clone() } else { format!("{path}/{key}") };
        if let Some(value) = merge_at(settings, &child, emitted.get(key), base.get(key), disk.get(key)) {
            out.insert(key.clone(), value);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const SETTINGS: SettingsFile = SettingsFile { path: "p.json", owned: &["appid", "settings/framework"] };

    #[test]
    fn the_ides_changes_survive_and_the_builds_changes_come_through() {
        let base = json!({ "appid": "wx1", "setting": { "minified": false, "es6": false }, "libVersion": "2.0" });
        let disk = json!({ "appid": "edited", "setting": { "minified": true, "es6": false }, "libVersion": "2.0", "condition": {} });
        let emitted = json!({ "appid": "wx2", "setting": { "minified": false, "es6": true }, "libVersion": "3.0" });
        let merged = merge(&SETTINGS, &emitted, Some(&base), Some(&disk));
        assert_eq!(
            merged,
            json!({ "appid": "wx2", "setting": { "minified": true, "es6": true }, "libVersion": "3.0", "condition": {} })
        );
    }

    #[test]
    fn a_key_the_ide_removed_stays_removed_and_owned_nested_keys_are_the_builds() {
        let base = json!({ "a": 1, "settings": { "framework": "Vue2", "x": 1 } });
        let disk = json!({ "settings": { "framework": "React", "x": 2 } });
        let emitted = json!({ "a": 1, "settings": { "framework": "Vue2", "x": 1 } });
        let merged = merge(&SETTINGS, &emitted, Some(&base), Some(&disk));
        assert_eq!(merged, json!({ "settings": { "framework": "Vue2", "x": 2 } }));
    }

    #[test]
    fn without_a_previous_build_the_emitted_file_is_written() {
        let emitted = json!({ "a": 1 });
        assert_eq!(merge(&SETTINGS, &emitted, None, Some(&json!({ "a": 2 }))), emitted);
    }
}
