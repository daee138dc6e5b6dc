//! `miniweave.json`: project settings, every one optional (LANGUAGE.md §1).

use indexmap::IndexMap;
use serde::Deserialize;
use serde_json::Value;

use super::size::ByteSize;
use crate::target::Target;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProjectOptions {
    pub src: Option<String>,
    pub out_dir: Option<String>,
    pub targets: Option<Vec<Target>>,
    #[serde(default)]
    pub wechat: AppIdSettings,
    #[serde(default)]
    pub alipay: AlipaySettings,
    #[serde(default)]
    pub weibo: AppIdSettings,
    #[serde(default)]
    pub define: IndexMap<String, Value>,
    #[serde(default)]
    pub size_budget: Option<Value>,
    #[serde(default)]
    pub assets: AssetSettings,
    #[serde(default)]
    pub warnings: WarningSettings,
    /// What a platform gap is: an error (the default), or a warning with a run-time stub
    /// while a team ports its app step by step.
    pub platform_gaps: Option<GapPolicy>,
}

/// `"platformGaps"` in miniweave.json, `--gaps` on the command line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
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

#[derive(Debug, Clone, Default, Deserialize)]
pub struct AppIdSettings {
    pub appid: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AlipaySettings {
    pub appid: Option<String>,
    pub min_base_library: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AssetSettings {
    pub inline_limit: Option<ByteSize>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct WarningSettings {
    #[serde(default)]
    pub ignore: Vec<String>,
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
