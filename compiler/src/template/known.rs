//! What WeChat's built-in components take: each one's attributes and events, and the CSS
//! properties its renderers know. Generated into `wechat-components.json` by
//! `tools/gen-wechat-components.js` from glass-easel-analyzer-miniprogram's
//! `miniprogram-config.toml`, which is extracted from the WeChat docs. The docs trail what
//! WeChat accepts (new attributes, undocumented ones), so the checks built on these lists
//! only warn about a name that is unknown *and* near a known one: a typo, not a gap.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

#[derive(Debug, serde::Deserialize)]
pub struct Component {
    pub attributes: BTreeSet<String>,
    pub events: BTreeSet<String>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Known {
    pub components: BTreeMap<String, Component>,
    pub global_attributes: BTreeSet<String>,
    pub global_events: BTreeSet<String>,
    pub style_properties: BTreeSet<String>,
    /// Every event of every component and the global ones: an event bound on an element
    /// may come from any component inside it (`bubbles: true`), so this is the set an
    /// event name is checked against.
    #[serde(skip)]
    pub all_events: BTreeSet<String>,
}

/// The lists, parsed once.
pub fn known() -> &'static Known {
    static KNOWN: OnceLock<Known> = OnceLock::new();
    KNOWN.get_or_init(|| {
        let mut known: Known =
            serde_json::from_str(include_str!("wechat-components.json")).expect("embedded component lists are valid");
        let all: BTreeSet<String> = known
            .components
            .values()
            .flat_map(|c| c.events.iter().cloned())
            .chain(known.global_events.iter().cloned())
            .collect();
        known.all_events = all;
        known
    })
}

/// Attributes every element takes (WXML's common attributes,
/// https://developers.weixin.qq.com/miniprogram/dev/framework/view/component.html ), besides
/// `data-*`, `aria-*` and namespaced ones (`worklet:`, `mark:`, `generic:`), which are
/// always accepted.
pub const COMMON_ATTRIBUTES: &[&str] = &["id", "class", "style", "hidden", "slot", "animation", "role"];
