//! Issue 11 item 6: where miniprogram-ci can analyse the WeChat output offline, its
//! per-package byte counts agree with ours within 1%.

use miniweave::{BuildOptions, Target, build};

use crate::support::run_validator;

/// miniprogram-ci's per-package bytes of an emitted WeChat folder, by package name (`main`,
/// or the subpackage's root), from tests/validators/wechat/package-sizes.js.
fn ci_package_sizes(dir: &std::path::Path) -> Vec<(String, u64)> {
    let (ok, report) = run_validator("wechat/package-sizes.js", &[dir.as_os_str()]);
    assert!(ok, "{report}");
    let line =
        report.lines().find_map(|l| l.strip_prefix("wechat-package-sizes: ")).unwrap_or_else(|| panic!("{report}"));
    let sizes: serde_json::Map<String, serde_json::Value> = serde_json::from_str(line).unwrap();
    sizes.into_iter().map(|(name, bytes)| (name, bytes.as_u64().unwrap())).collect()
}

#[test]
fn miniprogram_ci_counts_each_wechat_package_as_we_do() {
    let dir = crate::placement::by_use();
    let out = dir.path().join("dist");
    let report = build(&BuildOptions::new(dir.path()).targets([Target::Wechat]).out_dir(&out).release(true))
        .unwrap_or_else(|e| panic!("size-placement does not build: {e}"));
    let ours = &report.targets.iter().find(|t| t.target == Target::Wechat).unwrap().size.packages;
    let theirs = ci_package_sizes(&out.join("wechat"));
    let mut names: Vec<&str> = ours.iter().map(|p| p.name.as_str()).collect();
    let mut ci_names: Vec<&str> = theirs.iter().map(|(n, _)| n.as_str()).collect();
    names.sort_unstable();
    ci_names.sort_unstable();
    assert_eq!(names, ci_names, "the same packages");
    for package in ours {
        let ci = theirs.iter().find(|(n, _)| *n == package.name).unwrap().1;
        let off = package.bytes.abs_diff(ci) as f64 / ci as f64;
        assert!(
            off <= 0.01,
            "{}: we count {} bytes, miniprogram-ci {ci} ({:.2}% apart); ours: {:#?}",
            package.name,
            package.bytes,
            off * 100.0,
            package.files
        );
    }
}
