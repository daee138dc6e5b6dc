//! Package size: every build measures each package as the platform counts it, a release
//! build over a limit fails that target (nothing written), a development build warns, and
//! the reports (summary line, --report, --report-json) say the same numbers.

use std::fs;

use miniweave::{BuildError, BuildOptions, Target, build};

use crate::support::{miniweave, read, stderr, stdout};

/// A project whose main package holds a module of `bytes` bytes, and a subpackage page.
fn project_with_heavy_module(bytes: usize, budget: &str) -> tempfile::TempDir {
    let heavy = format!("module.exports = \"{}\";\n", "x".repeat(bytes));
    crate::support::project(&[
        (
            "miniweave.json",
            &format!(
                "{{ \"wechat\": {{ \"appid\": \"wx0123456789abcdef\" }}, \"weibo\": {{ \"appid\": \"1\" }}{budget} }}"
            ),
        ),
        (
            "src/app.mini",
            "<config>{ \"pages\": [\"pages/index/index\", \"pages/more/more\"], \"subpackages\": [{ \"root\": \"sub\", \"pages\": [\"pages/a/a\"] }] }</config>",
        ),
        (
            "src/pages/index/index.mini",
            "<template><view>{{n}}</view></template>\n<script>\nconst data = require('../../utils/data.js');\nPage({ data: { n: data.length } })\n</script>\n",
        ),
        ("src/pages/more/more.mini", "<template><view>more</view></template>\n<script>Page({})</script>\n"),
        ("src/sub/pages/a/a.mini", "<template><view>a</view></template>\n<script>Page({})</script>\n"),
        ("src/utils/data.js", &heavy),
    ])
}

#[test]
fn every_build_measures_each_package_as_the_platform_counts_it() {
    let dir = project_with_heavy_module(10_000, "");
    let report = build(&BuildOptions::new(dir.path()).targets(Target::ALL)).unwrap();
    let wechat = report.targets.iter().find(|t| t.target == Target::Wechat).unwrap();
    let names: Vec<&str> = wechat.size.packages.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["main", "sub"]);
    let main = &wechat.size.packages[0];
    assert_eq!(main.limit, 2 << 20);
    assert_eq!(main.files[0].path, "utils/data.js", "the heaviest file comes first");
    // Counted as the platform counts: what is on disk in the package, minus maps
    // (project.config.json included, as miniprogram-ci counts it: ci_sizes.rs).
    let out = dir.path().join("dist/wechat");
    let on_disk: u64 = crate::support::files_under(&out)
        .iter()
        .filter(|f| !f.ends_with(".map") && !f.starts_with("sub/"))
        .map(|f| fs::metadata(out.join(f)).unwrap().len())
        .sum();
    assert_eq!(main.bytes, on_disk);
    assert!(wechat.size.packages[1].files.iter().all(|f| f.path.starts_with("sub/")));
    // Weibo is one package, measured against WeChat's numbers for reference only.
    let weibo = report.targets.iter().find(|t| t.target == Target::Weibo).unwrap();
    assert_eq!(weibo.size.packages.len(), 1);
    assert!(!weibo.size.enforced);
}

#[test]
fn a_release_build_over_the_limit_fails_that_target_and_a_development_build_warns() {
    let dir = project_with_heavy_module(2_200_000, "");
    let out = dir.path().join("dist");
    let release = build(&BuildOptions::new(dir.path()).targets(Target::ALL).release(true));
    let Err(BuildError::Partial { failed, diagnostics, .. }) = release else { panic!("the release build must fail") };
    assert_eq!(failed, [Target::Wechat, Target::Alipay], "Weibo publishes no limit");
    let errors: Vec<&miniweave::Diagnostic> = diagnostics.errors().collect();
    assert_eq!(errors.len(), 2, "{}", crate::support::lines(&diagnostics).join("\n"));
    let wechat = errors.iter().find(|d| d.message.starts_with("WeChat's")).unwrap();
    assert!(wechat.message.starts_with("WeChat's main package is 2."), "{}", wechat.message);
    assert!(wechat.message.contains("over its 2.00 MB limit"), "{}", wechat.message);
    assert_eq!(wechat.code, "size::over-limit");
    let help = wechat.help.as_deref().unwrap();
    assert!(help.contains("heaviest: utils/data.js 2."), "{help}");
    assert!(help.contains("pages/more/more"), "the page that could move: {help}");
    assert!(help.contains("lazyCodeLoading"), "{help}");
    assert!(wechat.to_string().starts_with("src/app.mini:1:"), "located at the app config's pages: {wechat}");
    assert!(!out.join("wechat").exists() && !out.join("alipay").exists(), "nothing written for those targets");
    assert!(out.join("weibo").exists());
    // The development build writes, with the same finding as a warning.
    let dev = build(&BuildOptions::new(dir.path()).targets([Target::Wechat])).unwrap();
    let warning = dev.warnings.iter().find(|d| d.code == "size::over-limit").unwrap();
    assert!(warning.message.contains("a release build fails on it"), "{}", warning.message);
    assert!(out.join("wechat/utils/data.js").exists());
    // `check --release` says the same without writing.
    fs::remove_dir_all(&out).unwrap();
    let checked = miniweave(&["check", ".", "--release", "--target", "wechat", "--color", "never"], dir.path());
    assert_eq!(checked.status.code(), Some(1), "{}", stderr(&checked));
    assert!(stderr(&checked).contains("error[size::over-limit]"), "{}", stderr(&checked));
    assert!(!out.exists());
}

#[test]
fn budgets_override_the_limits_per_target_and_per_package_and_warn_near_them() {
    // A 60 KB main package against a 64 KB budget: near (over 90%), a warning.
    let dir = project_with_heavy_module(
        60_000,
        ", \"sizeBudget\": { \"main\": \"64KB\", \"weibo\": { \"packages\": { \"main\": \"10KB\" } } }",
    );
    let report = build(&BuildOptions::new(dir.path()).targets([Target::Wechat])).unwrap();
    let near: Vec<String> =
        report.warnings.iter().filter(|d| d.code == "size::near-limit").map(|d| d.message.clone()).collect();
    assert_eq!(near.len(), 1, "{near:?}");
    assert!(near[0].starts_with("WeChat's main package is") && near[0].contains("near its 64.0 KB limit"), "{near:?}");
    // A budget written for Weibo makes its limit real: a release build fails on it.
    let weibo = build(&BuildOptions::new(dir.path()).targets([Target::Weibo]).release(true));
    let Err(BuildError::Project(d)) = weibo else { panic!("Weibo's budget must fail the release build") };
    assert!(
        d.errors()
            .any(|e| e.message.starts_with("Weibo's main package is") && e.message.contains("over its 10.0 KB limit"))
    );
}

#[test]
fn the_command_reports_sizes_on_each_line_in_a_table_and_as_json() {
    let dir = project_with_heavy_module(10_000, "");
    let run = miniweave(
        &["build", ".", "--target", "wechat,weibo", "--report", "--report-json", "sizes.json", "--color", "never"],
        dir.path(),
    );
    assert!(run.status.success(), "{}", stderr(&run));
    let out = stdout(&run);
    let line = out.lines().find(|l| l.starts_with("wechat ")).unwrap();
    assert!(
        line.contains("main ") && line.contains(" of 2.00 MB (") && line.contains("largest subpackage sub "),
        "{line}"
    );
    let weibo = out.lines().find(|l| l.starts_with("weibo ")).unwrap();
    assert!(weibo.contains("one package ") && weibo.contains("for reference"), "{weibo}");
    assert!(out.contains("WeChat (development build)") && out.contains("heaviest: utils/data.js"), "{out}");
    let json: serde_json::Value = serde_json::from_str(&read(dir.path().join("sizes.json"))).unwrap();
    let wechat = &json["targets"][0];
    assert_eq!(wechat["target"], "wechat");
    assert_eq!(wechat["packages"][0]["name"], "main");
    assert_eq!(wechat["packages"][0]["files"][0]["path"], "utils/data.js");
    assert_eq!(wechat["packages"][1]["name"], "sub");
    assert_eq!(json["targets"][1]["enforced"], false);
}

#[test]
fn the_hints_name_assets_in_main_that_one_subpackage_alone_uses() {
    let dir = project_with_heavy_module(100, ", \"sizeBudget\": { \"main\": \"20KB\" }");
    fs::create_dir_all(dir.path().join("src/img")).unwrap();
    fs::write(dir.path().join("src/img/banner.png"), vec![0u8; 30_000]).unwrap();
    fs::write(
        dir.path().join("src/sub/pages/a/a.mini"),
        "<template><image src=\"/img/banner.png\"/></template>\n<script>Page({})</script>\n",
    )
    .unwrap();
    let Err(BuildError::Project(d)) = build(&BuildOptions::new(dir.path()).targets([Target::Wechat]).release(true))
    else {
        panic!("over the 20 KB budget")
    };
    let help = d.errors().find(|e| e.code == "size::over-limit").and_then(|e| e.help.clone()).unwrap();
    assert!(help.contains("img/banner.png 29.3 KB (only sub uses it)"), "{help}");
    assert!(help.contains("assets to serve from a CDN instead: img/banner.png"), "{help}");
}

#[test]
fn on_alipay_a_subpackage_also_counts_the_main_modules_it_requires() {
    let dir = project_with_heavy_module(50_000, "");
    fs::write(
        dir.path().join("src/sub/pages/a/a.mini"),
        "<template><view>a</view></template>\n<script>\nconst data = require('../../../utils/data.js');\nPage({ data: { n: data.length } })\n</script>\n",
    )
    .unwrap();
    let report = build(&BuildOptions::new(dir.path()).targets([Target::Wechat, Target::Alipay])).unwrap();
    let sub = |target: Target| report.targets.iter().find(|t| t.target == target).unwrap().size.packages[1].clone();
    let alipay = sub(Target::Alipay);
    assert!(alipay.from_main.iter().any(|f| f.path == "utils/data.js"), "{:?}", alipay.from_main);
    assert!(alipay.bytes > 50_000, "Alipay builds the module into the subpackage too: {}", alipay.bytes);
    let wechat = sub(Target::Wechat);
    assert!(wechat.from_main.is_empty() && wechat.bytes < 10_000, "WeChat loads it from main: {}", wechat.bytes);
}
