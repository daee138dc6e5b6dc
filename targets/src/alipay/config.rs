//! app.json, page and component JSON in Alipay's names and value forms (PLATFORMS.md §5):
//! `navigationBarTitleText` → `defaultTitle`, `tabBar.list` → `items`, `"YES"`/`"NO"`
//! strings, `subPackages` with `root` and `pages` only, `customize-tab-bar`. A WeChat key
//! with no Alipay equivalent is dropped with a warning, once per key per build.

use std::collections::BTreeSet;

use miniweave_compiler::config::ConfigDoc;
use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::ir::{App, ComponentRef, Project, Unit, UnitKind};
use miniweave_compiler::json::Json;
use serde_json::{Map, Value, json};

use super::place;

/// Window keys (app `window`, and the top level of page JSON) and their Alipay names
/// (PLATFORMS.md §5.2; Alipay `app.json 应用配置.md`, `页面配置.md`).
const WINDOW_RENAMES: &[(&str, &str)] = &[
    ("navigationBarTitleText", "defaultTitle"),
    ("navigationBarBackgroundColor", "titleBarColor"),
    ("navigationBarTextStyle", "navigationBarFrontColor"),
    ("backgroundColor", "backgroundColor"),
    ("onReachBottomDistance", "onReachBottomDistance"),
];

/// App keys that keep their name and value.
const APP_KEPT: &[&str] = &["pages", "entryPagePath", "networkTimeout", "permission", "lazyCodeLoading", "plugins"];

pub struct ConfigMapper<'a> {
    warned: BTreeSet<String>,
    pub diagnostics: &'a mut Vec<Diagnostic>,
}

impl<'a> ConfigMapper<'a> {
    pub fn new(diagnostics: &'a mut Vec<Diagnostic>) -> Self {
        ConfigMapper { warned: BTreeSet::new(), diagnostics }
    }

    /// Reports a dropped key, the first time only.
    fn dropped(&mut self, doc: &ConfigDoc, node: &Json, path: &str, key: &str) {
        if !self.warned.insert(path.to_string()) {
            return;
        }
        let span = node.member(key).map_or(doc.json.span, |m| m.key_span);
        self.diagnostics.push(
            Diagnostic::warning("alipay::dropped-key", format!("Alipay has no `{path}`; it is dropped from the Alipay config"))
                .at(&doc.file, span, "no Alipay equivalent")
                .help("silence with \"warnings\": { \"ignore\": [\"alipay::dropped-key\"] } in miniweave.json, or put the key in a /* #if !alipay */ branch"),
        );
    }

    /// Maps window-level keys (`node`'s members) into `out`, dropping the rest of `known`.
    fn window(&mut self, doc: &ConfigDoc, node: &Json, prefix: &str, out: &mut Map<String, Value>, known: &[&str]) {
        for member in node.members() {
            let key = member.key.as_str();
            let value = member.value.to_value();
            if let Some((_, to)) = WINDOW_RENAMES.iter().find(|(from, _)| *from == key) {
                out.insert(to.to_string(), value);
            } else if key == "enablePullDownRefresh" {
                // Alipay needs both the switch and vertical bounce (MPX's window rules).
                let on = value.as_bool().unwrap_or(false);
                out.insert("pullRefresh".into(), Value::Bool(on));
                if on {
                    out.insert("allowsBounceVertical".into(), Value::String("YES".into()));
                }
            } else if key == "navigationStyle" {
                // Alipay has no custom navigation; a transparent, see-through title bar is the
                // common equivalent (PLATFORMS.md §5.2).
                if value.as_str() == Some("custom") {
                    out.insert("transparentTitle".into(), Value::String("always".into()));
                    out.insert("titlePenetrate".into(), Value::String("YES".into()));
                }
            } else if !known.contains(&key) {
                self.dropped(doc, node, &format!("{prefix}{key}"), key);
            }
        }
    }

    /// The app config in Alipay's names, with darkmode variables (`"@iconPath"`) replaced by
    /// their light-theme values: Alipay's configs take no WeChat theme variables.
    pub fn app_json(&mut self, project: &Project) -> Value {
        let mut out = self.app_json_with_variables(project);
        resolve_theme_variables(&project.app, &mut out);
        out
    }

    fn app_json_with_variables(&mut self, project: &Project) -> Value {
        let doc = &project.app.config;
        let root = &doc.json;
        let mut out = Map::new();
        for member in root.members() {
            let key = member.key.as_str();
            let node = &member.value;
            match key {
                k if APP_KEPT.contains(&k) => {
                    out.insert(k.to_string(), node.to_value());
                }
                "window" => {
                    let mut window = Map::new();
                    self.window(doc, node, "window.", &mut window, &[]);
                    out.insert("window".into(), Value::Object(window));
                }
                "subpackages" | "subPackages" => {
                    let subs: Vec<Value> = node
                        .items()
                        .iter()
                        .map(|s| json!({ "root": s.get("root").map(Json::to_value), "pages": s.get("pages").map_or(json!([]), Json::to_value) }))
                        .collect();
                    for s in node.items() {
                        for extra in ["name", "independent", "entry", "plugins"] {
                            if s.member(extra).is_some() {
                                self.dropped(doc, s, &format!("{key}[].{extra}"), extra);
                            }
                        }
                    }
                    out.insert("subPackages".into(), Value::Array(subs));
                }
                "preloadRule" => {
                    out.insert(key.into(), preload_rule(project, node));
                }
                "tabBar" => {
                    out.insert(key.into(), self.tab_bar(doc, node));
                }
                // Every page's and component's JSON lists the app's components with its own,
                // resolved (`unit_components`), so the app-level list is not needed.
                "usingComponents" => {}
                _ => self.dropped(doc, root, key, key),
            }
        }
        Value::Object(out)
    }

    fn tab_bar(&mut self, doc: &ConfigDoc, node: &Json) -> Value {
        let mut out = Map::new();
        for member in node.members() {
            let value = member.value.to_value();
            match member.key.as_str() {
                "color" => {
                    out.insert("textColor".into(), value);
                }
                "selectedColor" | "backgroundColor" => {
                    out.insert(member.key.clone(), value);
                }
                "custom" => {
                    out.insert("customize".into(), value);
                }
                "list" => {
                    let items = member.value.items().iter().map(|item| tab_item(item.to_value())).collect();
                    out.insert("items".into(), Value::Array(items));
                }
                other => self.dropped(doc, node, &format!("tabBar.{other}"), other),
            }
        }
        Value::Object(out)
    }

    pub fn unit_json(&mut self, unit: &Unit) -> Value {
        let mut out = Map::new();
        if unit.kind == UnitKind::Component {
            out.insert("component".into(), Value::Bool(true));
        }
        if let Some(doc) = &unit.config {
            const UNIT_KEYS: &[&str] =
                &["component", "usingComponents", "componentGenerics", "componentPlaceholder", "styleIsolation"];
            let root = &doc.json;
            let mut window = Map::new();
            self.window(doc, root, "", &mut window, UNIT_KEYS);
            out.extend(window);
            for member in root.members() {
                match member.key.as_str() {
                    "componentGenerics" | "componentPlaceholder" => {
                        out.insert(member.key.clone(), member.value.to_value());
                    }
                    // Alipay has `apply-shared` and `shared` only; WeChat's isolation is
                    // provided by scoping class names instead.
                    "styleIsolation" => {
                        if let Some(v @ ("apply-shared" | "shared")) = member.value.as_str() {
                            out.insert("styleIsolation".into(), Value::String(v.into()));
                        }
                    }
                    _ => {}
                }
            }
        }
        let components = unit_components(unit);
        if !components.is_empty() {
            out.insert("usingComponents".into(), Value::Object(components));
        }
        if unit.kind == UnitKind::Component {
            // A real host node, so `class`, `style` and `id` on the component's tag work as
            // on WeChat (PLATFORMS.md §4; LANGUAGE.md §8).
            out.insert("virtualHost".into(), Value::Bool(false));
        }
        Value::Object(out)
    }
}

fn resolve_theme_variables(app: &App, value: &mut Value) {
    match value {
        Value::String(s) => {
            if let Some(light) = app.theme_values(s).and_then(|values| values.first().map(|v| v.to_string())) {
                *s = light;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| resolve_theme_variables(app, v)),
        Value::Object(map) => map.values_mut().for_each(|v| resolve_theme_variables(app, v)),
        _ => {}
    }
}

fn tab_item(item: Value) -> Value {
    let Value::Object(item) = item else {
        return item;
    };
    let mut out = Map::new();
    for (k, v) in item {
        let key = match k.as_str() {
            "text" => "name",
            "iconPath" => "icon",
            "selectedIconPath" => "activeIcon",
            other => other,
        };
        out.insert(key.to_string(), v);
    }
    Value::Object(out)
}

/// Where a component is in the Alipay output: `/`-rooted, with folders renamed. npm
/// components are compiled into `miniprogram_npm/`, which Alipay does not search by
/// package name, so every path is written out in full.
fn component_path(component: &ComponentRef) -> Option<String> {
    match component {
        ComponentRef::Unit(path) => Some(format!("/{}", place(path))),
        ComponentRef::Plugin(url) => Some(url.clone()),
        ComponentRef::Generic => None,
    }
}

/// Every component a unit may use (its own `usingComponents` and the app's), resolved.
fn unit_components(unit: &Unit) -> Map<String, Value> {
    unit.components
        .iter()
        .filter_map(|(tag, c)| Some((super::template::alipay_tag(tag), Value::String(component_path(c)?))))
        .collect()
}

/// Alipay's `preloadRule.packages` takes subpackage roots only (PLATFORMS.md §5.1).
fn preload_rule(project: &Project, node: &Json) -> Value {
    let mut value = node.to_value();
    if let Value::Object(rules) = &mut value {
        for rule in rules.values_mut() {
            if let Some(Value::Array(packages)) = rule.get_mut("packages") {
                for p in packages.iter_mut() {
                    if let Some(name) = p.as_str() {
                        let root = project
                            .packages
                            .iter()
                            .find(|pk| pk.name.as_deref() == Some(name))
                            .and_then(|pk| pk.root.clone());
                        if let Some(root) = root {
                            *p = Value::String(root);
                        }
                    }
                }
            }
        }
    }
    value
}
