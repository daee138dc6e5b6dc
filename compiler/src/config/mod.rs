//! Configs: app, page and component JSON (WeChat's keys, LANGUAGE.md §6), `sitemap.json` and
//! `miniweave.json`. Each is parsed as JSONC with positions, checked against its schema
//! (WeChat's own for WeChat's files), and read into a typed model.

pub mod app;
pub mod unit;

use std::sync::{Arc, OnceLock};

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::diagnostics::Diagnostic;
use crate::json::Json;
use crate::json::schema::{IssueKind, check};
use crate::source::{SourceFile, Span};

/// Which schema a config is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigKind {
    /// `app.json` / `app.mini`'s `<config>`.
    App,
    /// A page's or component's config (WeChat has one schema for both).
    Unit,
    Sitemap,
    /// `miniweave.json`.
    Project,
}

impl ConfigKind {
    pub fn schema(self) -> &'static Value {
        static WECHAT: OnceLock<Value> = OnceLock::new();
        static PROJECT: OnceLock<Value> = OnceLock::new();
        let wechat = || {
            WECHAT.get_or_init(|| {
                serde_json::from_str(include_str!("wechat-schema.json")).expect("embedded WeChat schema is valid JSON")
            })
        };
        match self {
            ConfigKind::App => &wechat()["app"],
            ConfigKind::Unit => &wechat()["page"],
            ConfigKind::Sitemap => &wechat()["sitemap"],
            // Derived from the option types, so the check and the model cannot disagree
            // (and equal to the published schema/miniweave.schema.json, which a test keeps so).
            ConfigKind::Project => PROJECT.get_or_init(crate::project::options::json_schema),
        }
    }

    fn name(self) -> &'static str {
        match self {
            ConfigKind::App => "app config",
            ConfigKind::Unit => "page/component config",
            ConfigKind::Sitemap => "sitemap",
            ConfigKind::Project => "miniweave.json",
        }
    }
}

/// A config file parsed and checked: its spanned tree and its file.
#[derive(Debug, Clone)]
pub struct ConfigDoc {
    pub json: Json,
    pub file: Arc<SourceFile>,
}

impl ConfigDoc {
    /// The span of the value at `path`, or of the whole document.
    pub fn span_at<'a>(&self, path: impl IntoIterator<Item = &'a str>) -> Span {
        self.json.at_path(path).map_or(self.json.span, |n| n.span)
    }
}

/// Parses (preprocessed) JSONC `text`, at `base` in `file`, and checks it against `kind`'s
/// schema. Returns the document (`None` when it is not a JSON object) and the schema's
/// findings: a document with a wrong value is still returned, so one bad key does not hide
/// the problems of the rest of the project (the build fails on the error all the same).
///
/// An unknown key in one of WeChat's configs is a warning: WeChat's schema gains keys every
/// month (`__lazyCodeLoadingChunk`, `rendererOptions.skyline.*`), and WeChat itself only
/// ignores a key it does not know, so a key miniweave does not know yet must never stop a
/// build. Wrong types and values stay errors, as `miniprogram-ci` rejects them too; in
/// `miniweave.json`, miniweave's own schema, an unknown key is an error.
pub fn parse(
    text: &str,
    base: usize,
    file: &Arc<SourceFile>,
    kind: ConfigKind,
) -> (Option<ConfigDoc>, Vec<Diagnostic>) {
    let json = match Json::parse(text, base) {
        Ok(json) => json,
        Err(e) => {
            let d = Diagnostic::error(
                "config::bad-json",
                format!("invalid JSON in the {}: {}", kind.name(), e.message),
            )
            .at(file, e.span, "here")
            .help("configs are JSON with comments and trailing commas allowed; keys and strings use double quotes");
            return (None, vec![d]);
        }
    };
    if !matches!(json.value, crate::json::JsonValue::Object(_)) {
        let d = Diagnostic::error("config::not-an-object", format!("the {} must be a JSON object", kind.name()))
            .at(file, json.span, format!("{} here", json.type_name()))
            .help("wrap the settings in `{ … }`");
        return (None, vec![d]);
    }
    let issues = check(kind.schema(), &json);
    let found = issues
        .into_iter()
        .map(|issue| {
            let (code, tolerated) = match issue.kind {
                IssueKind::UnknownKey => ("config::unknown-key", kind != ConfigKind::Project),
                IssueKind::WrongType => ("config::wrong-type", false),
                IssueKind::BadValue => ("config::bad-value", false),
                IssueKind::MissingKey => ("config::missing-key", false),
            };
            let mut d = if tolerated {
                Diagnostic::warning(code, format!("{}; WeChat ignores it", issue.message))
            } else {
                Diagnostic::error(code, issue.message)
            };
            d = d.at(file, issue.span, "");
            if let Some(help) = issue.help {
                d = d.help(help);
            }
            d
        })
        .collect::<Vec<_>>();
    (Some(ConfigDoc { json, file: file.clone() }), found)
}

/// [`parse`] for `miniweave.json`, where every finding is an error.
pub fn parse_project(text: &str, file: &Arc<SourceFile>) -> Result<ConfigDoc, Vec<Diagnostic>> {
    match parse(text, 0, file, ConfigKind::Project) {
        (Some(doc), found) if found.is_empty() => Ok(doc),
        (_, found) => Err(found),
    }
}

/// Reads a typed model from a checked document. The schema has vouched for the types, so a
/// failure here means the model is stricter than the schema: it is reported at the value.
pub fn model<T: DeserializeOwned>(doc: &ConfigDoc) -> Result<T, Diagnostic> {
    let value = doc.json.to_value();
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let steps: Vec<String> =
            path.split(['.', '[', ']']).filter(|s| !s.is_empty() && *s != "?").map(str::to_string).collect();
        let span = doc.span_at(steps.iter().map(String::as_str));
        Diagnostic::error("config::bad-value", format!("`{path}`: {}", e.inner())).at(&doc.file, span, "here")
    })
}
