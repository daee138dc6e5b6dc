//! Package size, measured as the platform counts it (PLATFORMS.md §6b): each target's emitted
//! files grouped into its packages (main, each subpackage), the files the platform does not
//! upload left out (source maps, suffixes off its whitelist, Alipay's and Weibo's IDE project
//! files), with the heaviest files and npm packages of each, and checked against the limits.

mod alipay_shared;
mod budget;
mod hints;

use miniweave_compiler::ir::Project;
use miniweave_compiler::target::Target;
use serde::Serialize;

pub use budget::{check, human_bytes};

use crate::emitted::Emitted;

/// A target's limits in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub main: u64,
    pub subpackage: u64,
    pub total: u64,
    /// Whether the platform publishes these limits (Weibo does not: WeChat's numbers stand
    /// in as a reference, and never fail a build).
    pub published: bool,
}

impl Limits {
    pub fn of(target: Target) -> Limits {
        match target {
            Target::Wechat => crate::wechat::limits::LIMITS,
            Target::Alipay => crate::alipay::limits::LIMITS,
            Target::Weibo => crate::weibo::limits::LIMITS,
        }
    }
}

/// Whether `target` uploads the output file at `path`.
pub fn uploaded(target: Target, path: &str) -> bool {
    match target {
        Target::Wechat => crate::wechat::limits::uploaded(path),
        Target::Alipay => crate::alipay::limits::uploaded(path),
        Target::Weibo => crate::weibo::limits::uploaded(path),
    }
}

/// Whether `path`'s suffix (after its last dot) is one of `suffixes`.
pub(crate) fn has_suffix(path: &str, suffixes: &[&str]) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').is_some_and(|(_, ext)| suffixes.iter().any(|s| ext.eq_ignore_ascii_case(s)))
}

/// One file's contribution.
#[derive(Debug, Clone, Serialize)]
pub struct FileSize {
    /// Relative to the target's output folder.
    pub path: String,
    pub bytes: u64,
}

/// An npm package's files in one package of the output, summed.
#[derive(Debug, Clone, Serialize)]
pub struct NpmSize {
    pub name: String,
    pub bytes: u64,
}

/// One package of a target's output.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PackageSize {
    /// `main`, or the subpackage's root.
    pub name: String,
    pub independent: bool,
    pub bytes: u64,
    /// The limit it is checked against (a budget, else the platform's).
    pub limit: u64,
    /// Every counted file, heaviest first.
    pub files: Vec<FileSize>,
    /// npm packages, summed, heaviest first.
    pub npm: Vec<NpmSize>,
    /// Main-package modules this subpackage's code requires, which Alipay compiles into the
    /// subpackage as well (each package is built on its own): counted in `bytes` too.
    pub from_main: Vec<FileSize>,
}

impl PackageSize {
    pub fn percent(&self) -> f64 {
        percent(self.bytes, self.limit)
    }
}

/// A target's output measured per package.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SizeReport {
    /// Whether this is a release build (minified, no maps): what the platform will see.
    pub release: bool,
    /// The main package first, then subpackages in config order.
    pub packages: Vec<PackageSize>,
    pub total: u64,
    pub total_limit: u64,
    /// Whether the limits are enforced: the platform publishes them or a budget sets them.
    /// Weibo's sizes are otherwise measured against WeChat's numbers for reference only.
    pub enforced: bool,
}

impl SizeReport {
    pub fn main(&self) -> &PackageSize {
        &self.packages[0]
    }

    /// The whole app's share of its limit, in percent.
    pub fn total_percent(&self) -> f64 {
        percent(self.total, self.total_limit)
    }

    /// The largest subpackage, if there is one.
    pub fn largest_subpackage(&self) -> Option<&PackageSize> {
        self.packages[1..].iter().max_by_key(|p| p.bytes)
    }
}

pub(crate) fn percent(bytes: u64, limit: u64) -> f64 {
    if limit == 0 { 0.0 } else { bytes as f64 * 100.0 / limit as f64 }
}

/// The npm package a file of the output belongs to (`miniprogram_npm/@scope/name/…`).
fn npm_package(path: &str) -> Option<String> {
    let parts: Vec<&str> = path.split('/').collect();
    let at = parts.iter().position(|p| *p == "miniprogram_npm" || *p == "node_modules")?;
    let first = parts.get(at + 1)?;
    if first.starts_with('@') { Some(format!("{first}/{}", parts.get(at + 2)?)) } else { Some((*first).to_string()) }
}

/// Measures `emitted` per package of `project` as its target counts it.
pub fn measure(project: &Project, emitted: &Emitted) -> SizeReport {
    let target = emitted.target;
    let limits = budget::limits(project, target);
    // WBox documents no subpackages: the whole Weibo app is one package.
    let package_count = if target == Target::Weibo { 1 } else { project.packages.len().max(1) };
    let mut packages: Vec<PackageSize> = (0..package_count)
        .map(|i| {
            let p = project.packages.get(i);
            let name = p.and_then(|p| p.root.clone()).unwrap_or_else(|| "main".into());
            PackageSize {
                limit: limits.package(&name, i == 0),
                name,
                independent: p.is_some_and(|p| p.independent),
                bytes: 0,
                files: Vec::new(),
                npm: Vec::new(),
                from_main: Vec::new(),
            }
        })
        .collect();
    for (path, file) in emitted.files.iter().filter(|(path, _)| uploaded(target, path)) {
        let index = if file.package < package_count { file.package } else { 0 };
        let package = &mut packages[index];
        let bytes = file.bytes.len() as u64;
        package.bytes += bytes;
        package.files.push(FileSize { path: path.clone(), bytes });
        if let Some(name) = npm_package(path) {
            match package.npm.iter_mut().find(|n| n.name == name) {
                Some(n) => n.bytes += bytes,
                None => package.npm.push(NpmSize { name, bytes }),
            }
        }
    }
    if target == Target::Alipay {
        for (index, modules) in alipay_shared::main_modules_used(emitted, package_count) {
            let package = &mut packages[index];
            for path in modules.into_iter().filter(|p| uploaded(target, p)) {
                let bytes = emitted.files[&path].bytes.len() as u64;
                package.bytes += bytes;
                package.from_main.push(FileSize { path, bytes });
            }
        }
    }
    for p in &mut packages {
        p.from_main.sort_by(|a, b| b.bytes.cmp(&a.bytes).then_with(|| a.path.cmp(&b.path)));
        p.files.sort_by(|a, b| b.bytes.cmp(&a.bytes).then_with(|| a.path.cmp(&b.path)));
        p.npm.sort_by(|a, b| b.bytes.cmp(&a.bytes).then_with(|| a.name.cmp(&b.name)));
    }
    SizeReport {
        release: project.release,
        total: packages.iter().map(|p| p.bytes).sum(),
        total_limit: limits.total,
        enforced: limits.enforced,
        packages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn npm_files_are_summed_by_package_name() {
        assert_eq!(npm_package("miniprogram_npm/dayjs/index.js").as_deref(), Some("dayjs"));
        assert_eq!(npm_package("sub/miniprogram_npm/@vant/weapp/button/index.js").as_deref(), Some("@vant/weapp"));
        assert_eq!(npm_package("utils/x.js"), None);
    }

    #[test]
    fn what_each_platform_uploads() {
        assert!(uploaded(Target::Wechat, "pages/a/a.wxml") && uploaded(Target::Wechat, "img/a.png"));
        assert!(!uploaded(Target::Wechat, "pages/a/a.js.map") && uploaded(Target::Wechat, "project.config.json"));
        assert!(!uploaded(Target::Wechat, "README.md") && !uploaded(Target::Wechat, "img/a.webp"));
        assert!(uploaded(Target::Alipay, "img/a.webp") && !uploaded(Target::Alipay, "mini.project.json"));
        assert!(uploaded(Target::Weibo, "src/pages/a/a.vue") && !uploaded(Target::Weibo, "src/app.js.map"));
    }
}
