//! The page/component config keys that decide a unit's shape.

use indexmap::IndexMap;
use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnitModel {
    #[serde(default)]
    pub component: bool,
    #[serde(default)]
    pub using_components: IndexMap<String, String>,
    /// `componentGenerics`: placeholder tags the user of the component fills with `generic:x`.
    #[serde(default)]
    pub component_generics: IndexMap<String, Value>,
    #[serde(default)]
    pub component_placeholder: IndexMap<String, String>,
}

impl UnitModel {
    /// The default component of a generic (`{"default": "path"}`), if it names one.
    pub fn generic_default(&self, name: &str) -> Option<&str> {
        self.component_generics.get(name)?.get("default")?.as_str()
    }
}
