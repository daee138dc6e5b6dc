//! "Did you mean" for a page, component or module path that names no file: the closest
//! source path of the same kind, as WeChat developers most often mistype a folder name
//! (`components/crad/card`, `../../utlis/format`).

use super::Loader;
use crate::diagnostics::did_you_mean;

/// Extensions of the files a unit is made of (its template decides).
pub(super) const UNIT_EXTENSIONS: &[&str] = &["mini", "wxml"];
/// Extensions of script modules.
pub(super) const MODULE_EXTENSIONS: &[&str] = &["ts", "js", "mjs", "cjs", "json"];

impl Loader<'_> {
    /// The source path (without extension) closest to `wanted`, among files with one of
    /// `extensions`; `None` when nothing is close enough to be a typo.
    pub(super) fn near_source(&self, wanted: &str, extensions: &[&str]) -> Option<String> {
        let stems: Vec<&str> = self
            .view
            .iter()
            .filter_map(|(path, _)| {
                let (stem, ext) = path.rsplit_once('.')?;
                extensions.contains(&ext).then_some(stem)
            })
            .filter(|stem| !stem.split('/').any(|part| part == "node_modules" || part == "miniprogram_npm"))
            .collect();
        did_you_mean(wanted, stems).map(str::to_string)
    }
}
