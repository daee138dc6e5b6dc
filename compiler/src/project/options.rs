//! `miniweave.json`: project settings, every one optional (LANGUAGE.md §1).
//!
//! These types are the one source of miniweave.json's JSON schema: [`json_schema`] derives it
//! (with `schemars`, the doc comments below becoming its descriptions), the compiler checks
//! every miniweave.json against it, `miniweave schema` prints it, and the copy published at
//! `schema/miniweave.schema.json` is tested to equal it. So a doc comment here is what users
//! read in their editor: it says what the key does and its default.

use indexmap::IndexMap;
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};
use serde::Deserialize;
use serde_json::Value;

use super::size::ByteSize;
use crate::target::Target;

/// miniweave.json: the settings of a miniweave project. Every key is optional; comments and
/// trailing commas are allowed.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
// Unknown keys are errors in miniweave.json (config::unknown-key): the checker reads this
// from the schema, so the types keep serde's leniency and the schema carries the rule.
#[schemars(title = "miniweave.json", deny_unknown_fields)]
pub struct ProjectOptions {
    /// The JSON schema of this file, for editors' completion and checking (`miniweave new`
    /// writes "./miniweave.schema.json", refreshed by `miniweave schema >
    /// miniweave.schema.json`). The compiler ignores the value.
    #[serde(rename = "$schema")]
    pub schema: Option<String>,
    /// The app's name in the IDE project files (WeChat's `projectname`, Weibo's `name`).
    /// Default: an existing WeChat project's `projectname`, else package.json's `name`, else
    /// "miniweave-app"; never the folder's name, so two checkouts give the same output.
    pub name: Option<String>,
    /// The source root, relative to this file. Default: "src", or a detected WeChat root.
    pub src: Option<String>,
    /// The output folder: each target goes to <outDir>/<target>/. Default: "dist".
    pub out_dir: Option<String>,
    /// What `miniweave build` emits without --target. Default: all three.
    pub targets: Option<Vec<Target>>,
    /// WeChat settings.
    #[serde(default)]
    pub wechat: WechatSettings,
    /// Alipay settings.
    #[serde(default)]
    pub alipay: AlipaySettings,
    /// Weibo settings.
    #[serde(default)]
    pub weibo: AppIdSettings,
    /// Compile-time constants (any JSON values) for #if conditions and process.env.KEY in
    /// scripts; --define KEY=VALUE overrides them. Default: {}.
    #[serde(default)]
    pub define: IndexMap<String, Value>,
    /// Package-size limits: "main", "subpackage", "total" and single "packages" for every
    /// target, and the same per target. A release build over a limit fails; a development
    /// build warns.
    #[serde(default)]
    pub size_budget: Option<SizeBudget>,
    /// Asset settings.
    #[serde(default)]
    pub assets: AssetSettings,
    /// Where shared code goes on WeChat and Alipay.
    #[serde(default)]
    pub placement: PlacementSettings,
    /// Warning settings.
    #[serde(default)]
    pub warnings: WarningSettings,
    /// What a platform gap is: "error" (the default) fails the target's build; "warn" makes it
    /// a warning and a run-time stub that logs the gap and fails the call, while a team ports
    /// its app step by step. --gaps on the command line overrides it.
    pub platform_gaps: Option<GapPolicy>,
}

/// A platform gap's policy: error or warn ("platformGaps" in miniweave.json, --gaps on the
/// command line).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum GapPolicy {
    #[default]
    Error,
    Warn,
}

impl std::str::FromStr for GapPolicy {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "error" => Ok(GapPolicy::Error),
            "warn" => Ok(GapPolicy::Warn),
            other => Err(format!("`{other}` is not a gap policy: write error or warn")),
        }
    }
}

/// WeChat's settings.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct WechatSettings {
    /// The app id written into project.config.json, and the one `miniweave upload` uses.
    /// Default: a placeholder (an existing WeChat project keeps the appid of its
    /// project.config.json).
    pub appid: Option<String>,
    /// What `miniweave upload` and `miniweave preview` hand to miniprogram-ci; flags
    /// override each.
    #[serde(default)]
    pub upload: UploadSettings,
}

/// `wechat.upload`: the settings of `miniweave upload` and `miniweave preview`.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(deny_unknown_fields)]
pub struct UploadSettings {
    /// The upload key downloaded from the WeChat admin console (Development → Development
    /// settings → Mini program code upload), relative to this file. Keep it out of version
    /// control.
    pub private_key_path: Option<String>,
    /// The version to upload. Default: package.json's `version`.
    pub version: Option<String>,
    /// The description shown with the version. Default: "uploaded by miniweave".
    pub desc: Option<String>,
    /// Which CI robot (1 to 30) uploads: each robot's upload is a separate development
    /// version. Default: 1.
    pub robot: Option<u8>,
}

/// A target's settings (Weibo).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct AppIdSettings {
    /// The app id written into the target's project file. Default: a placeholder (an
    /// existing WeChat project keeps the appid of its project.config.json).
    pub appid: Option<String>,
}

/// Alipay's settings.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(deny_unknown_fields)]
pub struct AlipaySettings {
    /// The Alipay app id. Alipay's mini.project.json has no app-id field (its IDE associates
    /// the id), so it is not written anywhere.
    pub appid: Option<String>,
    /// The oldest Alipay base library to support. Default: "2.8.5".
    pub min_base_library: Option<String>,
}

/// `url()` assets in styles.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(deny_unknown_fields)]
pub struct AssetSettings {
    /// url() assets in styles up to this size are inlined on WeChat, which cannot load them
    /// from files; bigger ones are errors. Default: "8KB".
    pub inline_limit: Option<ByteSize>,
}

/// Where shared code goes (docs/language.md, "Packages and placement").
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PlacementSettings {
    /// Shared modules, components and npm packages used by several subpackages and not by the
    /// main package are copied into each of them; the ones named here stay in the main package
    /// instead, once. A name is an npm package ("dayjs") or a path under the source root
    /// ("utils/format.js", or a folder: "components/card"). Default: [].
    #[serde(default)]
    pub hoist: Vec<String>,
}

/// Which warnings are shown.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct WarningSettings {
    /// Warning codes to silence, such as "alipay::dropped-key". Default: [].
    #[serde(default)]
    pub ignore: Vec<String>,
}

/// Package-size limits for every target, and per target.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SizeBudget {
    /// The main package's limit. Default: the platform's.
    pub main: Option<ByteSize>,
    /// Each subpackage's limit. Default: the platform's.
    pub subpackage: Option<ByteSize>,
    /// The whole app's limit. Default: the platform's.
    pub total: Option<ByteSize>,
    /// Limits of single packages, by subpackage root (or "main"), over "main" and
    /// "subpackage".
    #[serde(default)]
    pub packages: IndexMap<String, ByteSize>,
    /// WeChat's limits, over the ones above.
    pub wechat: Option<Budget>,
    /// Alipay's limits, over the ones above.
    pub alipay: Option<Budget>,
    /// Weibo's limits, over the ones above.
    pub weibo: Option<Budget>,
}

/// One target's package-size limits.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Budget {
    /// The main package's limit.
    pub main: Option<ByteSize>,
    /// Each subpackage's limit.
    pub subpackage: Option<ByteSize>,
    /// The whole app's limit.
    pub total: Option<ByteSize>,
    /// Limits of single packages on this target, by subpackage root (or "main").
    #[serde(default)]
    pub packages: IndexMap<String, ByteSize>,
}

/// miniweave.json's JSON schema (draft 7, which every editor's JSON support reads), derived
/// from [`ProjectOptions`].
pub fn json_schema() -> Value {
    let mut settings = SchemaSettings::draft07();
    // First, before draft 7's own transforms move `$ref` siblings into `allOf`.
    settings.transforms.insert(0, Box::new(no_null));
    settings.transforms.insert(0, Box::new(unwrap_descriptions));
    let Value::Object(mut derived) = settings.into_generator().into_root_schema_for::<ProjectOptions>().to_value()
    else {
        unreachable!("a struct's schema is an object")
    };
    // What a reader of the file looks for first: which draft, and what it describes.
    let mut schema = serde_json::Map::new();
    for key in ["$schema", "title", "description"] {
        if let Some(value) = derived.shift_remove(key) {
            schema.insert(key.into(), value);
        }
    }
    schema.extend(derived);
    Value::Object(schema)
}

/// [`json_schema`] as the published file holds it: pretty, with a final newline.
pub fn json_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&json_schema()).expect("a schema is plain JSON");
    text.push('\n');
    text
}

/// Doc comments are wrapped at 100 columns; editors show a description as it is, so its
/// lines are joined (a blank line stays a paragraph break).
fn unwrap_descriptions(schema: &mut Schema) {
    if let Some(Value::String(text)) = schema.as_object_mut().and_then(|o| o.get_mut("description")) {
        *text = text
            .split("\n\n")
            .map(|p| p.split('\n').map(str::trim).collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\n\n");
    }
    schemars::transform::transform_subschemas(&mut unwrap_descriptions, schema);
}

/// schemars lets `null` in wherever an `Option` is; miniweave.json has never accepted `null`
/// for a setting (leaving the key out is how to say "the default"), so that stays an error.
fn no_null(schema: &mut Schema) {
    if let Some(object) = schema.as_object_mut() {
        if let Some(Value::Array(types)) = object.get_mut("type") {
            types.retain(|t| t != "null");
            if types.len() == 1 {
                let only = types.remove(0);
                object.insert("type".into(), only);
            }
        }
        if let Some(Value::Array(alternatives)) = object.get_mut("anyOf") {
            alternatives.retain(|a| a.get("type").and_then(Value::as_str) != Some("null"));
            if let [Value::Object(only)] = alternatives.as_slice() {
                let only = only.clone();
                object.remove("anyOf");
                object.extend(only);
            }
        }
    }
    schemars::transform::transform_subschemas(&mut no_null, schema);
}

/// Placeholder app ids written into each target's project file when none is configured:
/// WeChat's devtools open `touristappid` projects in test mode.
pub const WECHAT_PLACEHOLDER_APPID: &str = "touristappid";
pub const ALIPAY_PLACEHOLDER_APPID: &str = "2021000000000000";
pub const WEIBO_PLACEHOLDER_APPID: &str = "wbox-placeholder-appid";

/// The Alipay base library supported when `alipay.minBaseLibrary` is not set.
pub const DEFAULT_ALIPAY_BASE_LIBRARY: &str = "2.8.5";

/// `assets.inlineLimit`'s default (LANGUAGE.md §1).
pub const DEFAULT_INLINE_LIMIT: u64 = 8 * 1024;

impl ProjectOptions {
    pub fn appid(&self, target: Target) -> &str {
        match target {
            Target::Wechat => self.wechat.appid.as_deref().unwrap_or(WECHAT_PLACEHOLDER_APPID),
            Target::Alipay => self.alipay.appid.as_deref().unwrap_or(ALIPAY_PLACEHOLDER_APPID),
            Target::Weibo => self.weibo.appid.as_deref().unwrap_or(WEIBO_PLACEHOLDER_APPID),
        }
    }

    /// Whether `target`'s project file gets a placeholder app id (none set, or WeChat's
    /// own tourist id), with which the IDE runs the simulator but cannot preview on a phone
    /// or upload. Alipay's project file has no app id, so it never does.
    pub fn appid_is_placeholder(&self, target: Target) -> bool {
        match target {
            Target::Alipay => false,
            _ => matches!(self.appid(target), WECHAT_PLACEHOLDER_APPID | WEIBO_PLACEHOLDER_APPID),
        }
    }

    /// `url()` assets up to this size are inlined where a target cannot load them from styles.
    pub fn inline_limit(&self) -> u64 {
        self.assets.inline_limit.map_or(DEFAULT_INLINE_LIMIT, |s| s.0)
    }

    pub fn alipay_base_library(&self) -> &str {
        self.alipay.min_base_library.as_deref().unwrap_or(DEFAULT_ALIPAY_BASE_LIBRARY)
    }

    /// Whether platform gaps are warnings (`"platformGaps": "warn"`).
    pub fn gaps_warn(&self) -> bool {
        self.platform_gaps == Some(GapPolicy::Warn)
    }

    pub fn targets(&self) -> Vec<Target> {
        self.targets.clone().unwrap_or_else(|| Target::ALL.to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::Json;
    use crate::json::schema::{IssueKind, check};

    fn issues(text: &str) -> Vec<(IssueKind, String)> {
        check(&json_schema(), &Json::parse(text, 0).unwrap()).into_iter().map(|i| (i.kind, i.message)).collect()
    }

    #[test]
    fn the_derived_schema_checks_every_key() {
        let every_key = r#"{
            "$schema": "./miniweave.schema.json", "src": "src", "outDir": "dist", "targets": ["wechat", "weibo"],
            "wechat": { "appid": "wx1" }, "alipay": { "appid": "2021", "minBaseLibrary": "2.8.5" },
            "weibo": { "appid": "wb1" }, "define": { "API": "https://x", "N": 1 },
            "sizeBudget": { "main": "2MB", "subpackage": 2097152, "total": "8MB", "alipay": { "total": "4MB" } },
            "assets": { "inlineLimit": 16384 }, "warnings": { "ignore": ["alipay::dropped-key"] },
            "platformGaps": "warn"
        }"#;
        assert_eq!(issues(every_key), []);
        assert_eq!(issues(r#"{ "outdir": "x" }"#)[0].0, IssueKind::UnknownKey);
        assert_eq!(issues(r#"{ "sizeBudget": { "weibo": { "mian": "1MB" } } }"#)[0].0, IssueKind::UnknownKey);
        assert_eq!(issues(r#"{ "targets": ["baidu"] }"#)[0].0, IssueKind::BadValue);
        assert_eq!(issues(r#"{ "platformGaps": "warning" }"#)[0].0, IssueKind::BadValue);
        assert_eq!(issues(r#"{ "assets": { "inlineLimit": true } }"#)[0].0, IssueKind::WrongType);
        // Leaving a key out says "the default"; `null` was never a setting's value.
        assert_eq!(issues(r#"{ "src": null }"#), [(IssueKind::WrongType, "`src` must be a string, not a null".into())]);
        assert_eq!(issues(r#"{ "alipay": null }"#)[0].0, IssueKind::WrongType);
    }
}
