//! What to do about a package near or over its limit: pages that could move out of the main
//! package, WeChat's `lazyCodeLoading`, and assets better served from a CDN.

use miniweave_compiler::ir::Project;
use miniweave_compiler::target::Target;

use super::budget::human_bytes;
use super::{PackageSize, SizeReport};
use crate::emitted::Emitted;

/// Media suffixes a CDN can serve instead of the package.
const MEDIA: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "svg", "webp", "mp3", "mp4", "aac", "m4a", "wav", "ogg", "ttf", "woff", "woff2",
    "otf", "eot",
];

/// Assets at least this big are worth a CDN.
const CDN_WORTHY: u64 = 20 * 1024;

pub(super) fn for_package(
    project: &Project,
    emitted: &Emitted,
    report: &SizeReport,
    package: &PackageSize,
    main: bool,
) -> Vec<String> {
    let mut hints = Vec::new();
    if main {
        // Assets keep their paths (templates may build them at run time), so an asset only
        // one subpackage names is the user's to move under its root.
        let single: Vec<String> = package
            .files
            .iter()
            .filter_map(|f| {
                let users = emitted.asset_users.get(&f.path)?;
                let only = *users.iter().next()?;
                (users.len() == 1 && only > 0).then(|| {
                    let sub = report.packages.get(only).map_or("?", |p| p.name.as_str());
                    format!("{} {} (only {sub} uses it)", f.path, human_bytes(f.bytes))
                })
            })
            .take(5)
            .collect();
        if !single.is_empty() {
            hints.push(format!(
                "assets in main that one subpackage alone names, to move under its root: {}",
                single.join(", ")
            ));
        }
        let movable = movable_pages(project, package);
        if !movable.is_empty() {
            hints.push(format!(
                "pages that could move to a subpackage (not the entry page or a tab): {}",
                movable.iter().take(5).map(|(p, b)| format!("{p} {}", human_bytes(*b))).collect::<Vec<_>>().join(", ")
            ));
        }
        if project.target == Target::Wechat && project.app.config.json.get("lazyCodeLoading").is_none() {
            hints.push(
                "set \"lazyCodeLoading\": \"requiredComponents\" in app.json, so WeChat injects only the components a page uses"
                    .into(),
            );
        }
    }
    let assets: Vec<String> = package
        .files
        .iter()
        .filter(|f| f.bytes >= CDN_WORTHY && super::has_suffix(&f.path, MEDIA))
        .take(5)
        .map(|f| format!("{} {}", f.path, human_bytes(f.bytes)))
        .collect();
    if !assets.is_empty() {
        hints.push(format!("assets to serve from a CDN instead: {}", assets.join(", ")));
    }
    hints
}

/// Main-package pages other than the entry page and the tab pages, with the bytes of their
/// own files, heaviest first.
fn movable_pages(project: &Project, package: &PackageSize) -> Vec<(String, u64)> {
    let model = &project.app.model;
    let entry = model.entry_page_path.clone().or_else(|| model.pages.first().cloned()).unwrap_or_default();
    let tabs: Vec<&str> = model.tab_bar.iter().flat_map(|t| t.list.iter().map(|i| i.page_path.as_str())).collect();
    let mut pages: Vec<(String, u64)> = model
        .pages
        .iter()
        .filter(|p| **p != entry && !tabs.contains(&p.as_str()))
        .map(|page| {
            let own = format!("{page}.");
            let bytes = package.files.iter().filter(|f| f.path.contains(&own)).map(|f| f.bytes).sum();
            (page.clone(), bytes)
        })
        .filter(|(_, bytes)| *bytes > 0)
        .collect();
    pages.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    pages
}
