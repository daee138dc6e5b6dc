//! The platforms miniweave emits for.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A target platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    Wechat,
    Alipay,
    Weibo,
}

impl Target {
    pub const ALL: [Target; 3] = [Target::Wechat, Target::Alipay, Target::Weibo];

    /// The name used in `--target`, `#if`, file variants and `outDir/<target>/`.
    pub const fn name(self) -> &'static str {
        match self {
            Target::Wechat => "wechat",
            Target::Alipay => "alipay",
            Target::Weibo => "weibo",
        }
    }

    /// What users call the platform in prose.
    pub const fn display_name(self) -> &'static str {
        match self {
            Target::Wechat => "WeChat",
            Target::Alipay => "Alipay",
            Target::Weibo => "Weibo",
        }
    }

    pub fn names() -> impl Iterator<Item = &'static str> {
        Self::ALL.iter().map(|t| t.name())
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Target {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Target::ALL
            .into_iter()
            .find(|t| t.name() == s)
            .ok_or_else(|| format!("unknown target `{s}`: expected wechat, alipay or weibo"))
    }
}
