//! What WeChat counts toward a package's size, and its limits (PLATFORMS.md §6b, from WeChat's
//! `framework/subpackages` and `framework/structure.html`).

use crate::size::Limits;

/// 2 MB per package (main and each subpackage), 30 MB for the whole app.
pub const LIMITS: Limits = Limits { main: 2 << 20, subpackage: 2 << 20, total: 30 << 20, published: true };

/// Suffixes WeChat uploads besides the compiled `.js`, `.json`, `.wxml` and `.wxss`
/// (the upload whitelist of `framework/structure.html`, PLATFORMS.md §1.1).
const UPLOADED: &[&str] = &[
    "js", "json", "wxml", "wxss", "wxs", "png", "jpg", "jpeg", "gif", "svg", "cer", "mp3", "aac", "m4a", "mp4", "wav",
    "ogg", "silk", "wasm", "br", "cert",
];

/// Whether a file of the output is uploaded, and so counts: every file with a suffix on the
/// whitelist, not source maps. The IDE's project files count too: miniprogram-ci's code
/// analysis counts them in the main package (its per-package sizes, which
/// tests/it/ci_sizes.rs compares with ours), and its upload sends both (`project.config.json`
/// rewritten, `project.private.config.json` as it is).
pub fn uploaded(path: &str) -> bool {
    crate::size::has_suffix(path, UPLOADED)
}
