//! Limits in force (the platform's, overridden by `sizeBudget`) and the diagnostics of a
//! package over or near its limit.
//!
//! The platforms enforce their limits on upload and phone preview, not in the simulator, and
//! development output is unminified: so a package over its limit fails a release build (an
//! error, nothing written for that target) and is a warning in development builds. At 90% of
//! a limit there is a warning, so the crossing is seen coming.

use indexmap::IndexMap;
use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::ir::Project;
use miniweave_compiler::project::options::Budget;
use miniweave_compiler::source::Span;
use miniweave_compiler::target::Target;

use super::{Limits, PackageSize, SizeReport, hints};

/// The limits a target's packages are checked against.
pub(super) struct InForce {
    main: u64,
    subpackage: u64,
    pub total: u64,
    packages: IndexMap<String, u64>,
    pub enforced: bool,
}

impl InForce {
    pub fn package(&self, name: &str, main: bool) -> u64 {
        self.packages.get(name).copied().unwrap_or(if main { self.main } else { self.subpackage })
    }
}

pub(super) fn limits(project: &Project, target: Target) -> InForce {
    let platform = Limits::of(target);
    let budget = project.options.size_budget.clone().unwrap_or_default();
    let own: Option<&Budget> = match target {
        Target::Wechat => budget.wechat.as_ref(),
        Target::Alipay => budget.alipay.as_ref(),
        Target::Weibo => budget.weibo.as_ref(),
    };
    let pick = |own: Option<u64>, all: Option<u64>, default: u64| own.or(all).unwrap_or(default);
    let mut packages: IndexMap<String, u64> = budget.packages.iter().map(|(k, v)| (k.clone(), v.0)).collect();
    if let Some(own) = own {
        packages.extend(own.packages.iter().map(|(k, v)| (k.clone(), v.0)));
    }
    InForce {
        main: pick(own.and_then(|b| b.main).map(|s| s.0), budget.main.map(|s| s.0), platform.main),
        subpackage: pick(
            own.and_then(|b| b.subpackage).map(|s| s.0),
            budget.subpackage.map(|s| s.0),
            platform.subpackage,
        ),
        total: pick(own.and_then(|b| b.total).map(|s| s.0), budget.total.map(|s| s.0), platform.total),
        packages,
        // Weibo publishes no limit: only a budget written for Weibo makes one.
        enforced: platform.published || own.is_some(),
    }
}

/// `2.00 MB`, `512.0 KB`, `900 B`.
pub fn human_bytes(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    } else {
        format!("{:.2} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// Warning at this share of a limit.
const NEAR: f64 = 90.0;

/// The diagnostics of `report`'s packages and total against their limits.
pub fn check(project: &Project, emitted: &crate::emitted::Emitted, report: &SizeReport) -> Vec<Diagnostic> {
    if !report.enforced {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (i, package) in report.packages.iter().enumerate() {
        if let Some(d) = over(project, emitted, report, package, i == 0) {
            found.push(d);
        }
    }
    let share = report.total_percent();
    if share >= NEAR {
        let platform = project.target.display_name();
        let over = report.total > report.total_limit;
        let message = format!(
            "{platform}'s whole app is {}, {} its {} limit ({share:.0}%)",
            human_bytes(report.total),
            if over { "over" } else { "near" },
            human_bytes(report.total_limit)
        );
        let heaviest: Vec<String> =
            report.packages.iter().map(|p| format!("{} {}", p.name, human_bytes(p.bytes))).collect();
        let d = severity(report.release && over, if over { "size::over-limit" } else { "size::near-limit" }, message)
            .in_file(&project.app.config.file)
            .help(format!("packages: {}", heaviest.join(", ")));
        found.push(d);
    }
    found
}

fn severity(error: bool, code: &'static str, message: String) -> Diagnostic {
    if error { Diagnostic::error(code, message) } else { Diagnostic::warning(code, message) }
}

/// Where in the app config a package is declared: `pages` for main, its subpackage entry.
fn declared_at(project: &Project, name: &str, main: bool) -> Span {
    let doc = &project.app.config;
    if main {
        return doc.json.member("pages").map_or(doc.json.span, |m| m.key_span);
    }
    let key = project.app.model.subpackages_key();
    doc.json
        .get(key)
        .and_then(|list| {
            list.items().iter().find(|item| {
                item.get("root")
                    .and_then(|r| r.as_str())
                    .is_some_and(|r| r.trim_end_matches('/') == name.trim_end_matches('/'))
            })
        })
        .map_or(doc.json.span, |item| item.span)
}

fn over(
    project: &Project,
    emitted: &crate::emitted::Emitted,
    report: &SizeReport,
    package: &PackageSize,
    main: bool,
) -> Option<Diagnostic> {
    let share = package.percent();
    if share < NEAR {
        return None;
    }
    let platform = project.target.display_name();
    let is_over = package.bytes > package.limit;
    let which = if main { "main package".to_string() } else { format!("subpackage `{}`", package.name) };
    let mut message = format!(
        "{platform}'s {which} is {}, {} its {} limit ({share:.0}%)",
        human_bytes(package.bytes),
        if is_over { "over" } else { "near" },
        human_bytes(package.limit)
    );
    if is_over && !report.release {
        message.push_str("; a release build fails on it");
    }
    let code = if is_over { "size::over-limit" } else { "size::near-limit" };
    let mut help = vec![format!(
        "heaviest: {}",
        package
            .files
            .iter()
            .take(10)
            .map(|f| format!("{} {}", f.path, human_bytes(f.bytes)))
            .collect::<Vec<_>>()
            .join(", ")
    )];
    if !package.npm.is_empty() {
        help.push(format!(
            "npm packages: {}",
            package
                .npm
                .iter()
                .take(10)
                .map(|n| format!("{} {}", n.name, human_bytes(n.bytes)))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    help.extend(hints::for_package(project, emitted, report, package, main));
    if !report.release {
        help.push(
            "this is a development build (not minified, maps excluded); `miniweave build --release` measures what is uploaded"
                .into(),
        );
    }
    let label = format!("{} here", if main { "the main package's pages" } else { "this subpackage" });
    Some(
        severity(report.release && is_over, code, message)
            .at(&project.app.config.file, declared_at(project, &package.name, main), label)
            .help(help.join("\n")),
    )
}
