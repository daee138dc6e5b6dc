//! What Alipay counts toward a package's size, and its limits (PLATFORMS.md §6b, from
//! Alipay's `framework/分包加载.md` and `项目配置.md`).

use crate::size::Limits;

/// 2 MB per package, 8 MB for the whole app.
pub const LIMITS: Limits = Limits { main: 2 << 20, subpackage: 2 << 20, total: 8 << 20, published: true };

/// Code, and the assets Alipay's build product keeps without `assetsInclude` (PLATFORMS.md
/// §1.2).
const UPLOADED: &[&str] = &[
    "js", "json", "axml", "acss", "sjs", "png", "jpg", "jpeg", "gif", "svg", "webp", "eot", "woff", "ttf", "woff2",
    "otf", "mp3", "mp4",
];

/// Whether a file of the output is in the build product: not source maps, not the IDE's
/// project file.
pub fn uploaded(path: &str) -> bool {
    path != "mini.project.json" && crate::size::has_suffix(path, UPLOADED)
}
