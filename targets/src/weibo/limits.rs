//! Weibo publishes no package limit and WBox documents no subpackages (PLATFORMS.md §6b, §7):
//! the whole app is one package, measured against WeChat's numbers as a reference only,
//! never failing a build unless `sizeBudget.weibo` sets a limit.

use crate::size::Limits;

pub const LIMITS: Limits = Limits { published: false, ..crate::wechat::limits::LIMITS };

/// Everything but source maps and the IDE's project file: no upload rules are published.
pub fn uploaded(path: &str) -> bool {
    path != "wbox.config.json" && !path.ends_with(".map")
}
