//! The app config's keys that decide the project's shape. Everything else passes through as
//! the checked JSON tree, in WeChat's spelling, for the backends to map.

use indexmap::IndexMap;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppModel {
    #[serde(default)]
    pub pages: Vec<String>,
    /// WeChat accepts both spellings; [`AppModel::subpackages`] reads either.
    #[serde(default, rename = "subpackages")]
    pub subpackages_lower: Vec<SubPackageModel>,
    #[serde(default, rename = "subPackages")]
    pub subpackages_camel: Vec<SubPackageModel>,
    #[serde(default)]
    pub using_components: IndexMap<String, String>,
    #[serde(default)]
    pub tab_bar: Option<TabBarModel>,
    #[serde(default)]
    pub entry_page_path: Option<String>,
    #[serde(default)]
    pub sitemap_location: Option<String>,
    /// Import aliases (`"~/*": "/*"`), WeChat's `resolveAlias`.
    #[serde(default)]
    pub resolve_alias: IndexMap<String, String>,
    /// The darkmode theme file (`theme.json`), whose variables (`"@iconPath"`) values may
    /// name.
    #[serde(default)]
    pub theme_location: Option<String>,
    /// WeChat's extended libraries (`"weui": true`), which WeChat provides at run time.
    #[serde(default)]
    pub use_extended_lib: IndexMap<String, serde_json::Value>,
}

impl AppModel {
    /// The npm packages of the WeChat extended libraries turned on: `useExtendedLib` names a
    /// library (`weui`) whose package is `<name>-miniprogram`.
    pub fn extended_lib_packages(&self) -> std::collections::BTreeSet<String> {
        self.use_extended_lib
            .iter()
            .filter(|(_, on)| on.as_bool() != Some(false))
            .map(|(lib, _)| format!("{lib}-miniprogram"))
            .collect()
    }

    pub fn subpackages(&self) -> &[SubPackageModel] {
        if self.subpackages_lower.is_empty() { &self.subpackages_camel } else { &self.subpackages_lower }
    }

    /// The key the subpackages were written under, for locating them.
    pub fn subpackages_key(&self) -> &'static str {
        if self.subpackages_lower.is_empty() { "subPackages" } else { "subpackages" }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubPackageModel {
    pub root: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub pages: Vec<String>,
    #[serde(default)]
    pub independent: bool,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TabBarModel {
    #[serde(default)]
    pub custom: bool,
    #[serde(default)]
    pub list: Vec<TabItemModel>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TabItemModel {
    pub page_path: String,
    #[serde(default)]
    pub icon_path: Option<String>,
    #[serde(default)]
    pub selected_icon_path: Option<String>,
}
