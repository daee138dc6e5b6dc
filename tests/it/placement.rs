//! Placement (issue 11 item 4): shared code and npm packages go to the package that uses
//! them on WeChat and Alipay; a file under a subpackage's root used from elsewhere is an error.

use std::fs;
use std::path::Path;

use crate::support::{build_all, copy_fixture, files_under, judge_all, lines, project, read, run_validator, try_build};

/// Writes an npm package into `root/node_modules/<name>`: a CommonJS `index.js` exporting
/// `function_name`, padded with about `bytes` of generated code (a large dependency without
/// committing one).
fn npm_package(root: &Path, name: &str, function_name: &str, bytes: usize) {
    let dir = root.join("node_modules").join(name);
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("package.json"),
        format!("{{ \"name\": \"{name}\", \"version\": \"1.0.0\", \"main\": \"index.js\" }}\n"),
    )
    .unwrap();
    let mut code = format!("exports.{function_name} = function (n) {{ return n * 2; }};\nvar table = [\n");
    let mut i = 0;
    while code.len() < bytes {
        code.push_str(&format!("  {{ id: {i}, name: 'entry number {i} of {name}', weight: {} }},\n", i * 7 % 13));
        i += 1;
    }
    code.push_str("];\nexports.size = function () { return table.length; };\n");
    fs::write(dir.join("index.js"), code).unwrap();
}

/// Fixture (a), with its npm packages written (ci_sizes.rs builds it too).
pub(crate) fn by_use() -> tempfile::TempDir {
    let dir = copy_fixture("size-placement");
    npm_package(dir.path(), "heavy-lib", "heavy", 300 * 1024);
    npm_package(dir.path(), "two-lib", "twice", 20 * 1024);
    // Object rest is lowered with an swc helper, which only pkgB and pkgC then need.
    let two = dir.path().join("node_modules/two-lib/index.js");
    let code = read(&two) + "exports.rest = function (o) { const { a, ...rest } = o; return rest; };\n";
    fs::write(two, code).unwrap();
    npm_package(dir.path(), "tiny-lib", "tiny", 100);
    dir
}

/// Bytes of the main package: every file outside the subpackage roots, source maps left out
/// (the platforms do not upload them).
fn main_package_bytes(out: &Path, roots: &[&str]) -> u64 {
    files_under(out)
        .iter()
        .filter(|f| !f.ends_with(".map") && !roots.iter().any(|r| f.starts_with(&format!("{r}/"))))
        .map(|f| fs::metadata(out.join(f)).unwrap().len())
        .sum()
}

#[test]
fn each_dependency_sits_in_the_package_that_uses_it() {
    let dir = by_use();
    let (out, _) = build_all(dir.path());
    for (target, ext) in [("wechat", "wxml"), ("alipay", "axml")] {
        let files = files_under(&out.join(target));
        let has = |path: &str| files.iter().any(|f| f == path);
        assert!(has("pkgA/miniprogram_npm/heavy-lib/index.js"), "{target}: {files:#?}");
        assert!(!files.iter().any(|f| f.starts_with("miniprogram_npm/heavy-lib")), "{target}: heavy-lib in main");
        for sub in ["pkgB", "pkgC"] {
            assert!(has(&format!("{sub}/miniprogram_npm/two-lib/index.js")), "{target}: two-lib not in {sub}");
            assert!(has(&format!("{sub}/__shared__/components/badge/badge.{ext}")), "{target}: badge not in {sub}");
        }
        assert!(!files.iter().any(|f| f.starts_with("miniprogram_npm/two-lib") || f.starts_with("components/")));
        assert!(has("miniprogram_npm/tiny-lib/index.js") && has("utils/common.js"), "{target}: main's own code");
        assert!(has("pkgA/__shared__/utils/only-a.js") && !has("utils/only-a.js"), "{target}: only-a");

        // The runtime follows the same rule: the swc helpers two-lib needs sit in pkgB and pkgC.
        assert!(has("pkgB/miniweave_runtime/swc.js") && has("pkgC/miniweave_runtime/swc.js"), "{target}: {files:#?}");
        assert!(!has("miniweave_runtime/swc.js"), "{target}: swc helpers in main");
        let two_lib = read(out.join(target).join("pkgB/miniprogram_npm/two-lib/index.js"));
        assert!(two_lib.contains("\"../../miniweave_runtime/swc.js\""), "{target}: {two_lib}");
        let main = main_package_bytes(&out.join(target), &["pkgA", "pkgB", "pkgC"]);
        assert!(main < 16 * 1024, "{target}: the main package is {main} bytes");
        let page = read(out.join(target).join("pkgA/pages/a/a.js"));
        assert!(page.contains("\"../../miniprogram_npm/heavy-lib/index.js\""), "{target}: {page}");
        assert!(page.contains("\"../../__shared__/utils/only-a.js\""), "{target}: {page}");
        let page_b = read(out.join(target).join("pkgB/pages/b/b.js"));
        assert!(page_b.contains("\"../../../utils/common.js\""), "{target}: main's util from a subpackage: {page_b}");
        let badge = read(out.join(target).join("pkgB/__shared__/components/badge/badge.js"));
        assert!(badge.contains("\"../../../miniprogram_npm/two-lib/index.js\""), "{target}: {badge}");
    }
    // The main page uses Alipay's constructor mapping too: it stays in main, once.
    let alipay = files_under(&out.join("alipay"));
    assert!(alipay.iter().any(|f| f == "miniweave_runtime/component.js"), "{alipay:#?}");
    assert!(!alipay.iter().any(|f| f.ends_with("/miniweave_runtime/component.js")), "{alipay:#?}");
    let wechat_b = read(out.join("wechat/pkgB/pages/b/b.json"));
    assert!(wechat_b.contains("\"/pkgB/__shared__/components/badge/badge\""), "{wechat_b}");
    let alipay_c = read(out.join("alipay/pkgC/pages/c/c.json"));
    assert!(alipay_c.contains("\"/pkgC/__shared__/components/badge/badge\""), "{alipay_c}");
    // pkgB's page (built with Component(), which miniprogram-simulate can load) runs with the
    // badge, two-lib and swc helpers placed in pkgB.
    let wechat = out.join("wechat");
    let (ok, report) = run_validator("wechat/render.js", &[wechat.as_os_str(), "pkgB/pages/b/b".as_ref()]);
    assert!(ok && report.contains("pkgB/pages/b/b: [2] 2"), "{report}");
    // Weibo has one package: nothing moves.
    let weibo = files_under(&out.join("weibo"));
    assert!(!weibo.iter().any(|f| f.contains("__shared__") || f.contains("pkgA/miniprogram_npm")), "{weibo:#?}");
    judge_all(&out);
}

#[test]
fn hoisted_names_stay_in_the_main_package_once() {
    let dir = by_use();
    fs::write(
        dir.path().join("miniweave.json"),
        "{ \"src\": \"src\", \"placement\": { \"hoist\": [\"two-lib\", \"components/badge\"] } }\n",
    )
    .unwrap();
    let (out, _) = build_all(dir.path());
    for target in ["wechat", "alipay"] {
        let files = files_under(&out.join(target));
        assert!(files.iter().any(|f| f == "miniprogram_npm/two-lib/index.js"), "{target}: {files:#?}");
        assert!(!files.iter().any(|f| f.contains("two-lib") && f.starts_with("pkg")), "{target}: copied anyway");
        assert!(!files.iter().any(|f| f.contains("__shared__/components")), "{target}: badge copied anyway");
        // Not hoisted: still where it is used.
        assert!(files.iter().any(|f| f == "pkgA/miniprogram_npm/heavy-lib/index.js"), "{target}");
    }
    judge_all(&out);
}

#[test]
fn a_file_under_a_subpackage_root_used_from_another_package_is_an_error() {
    let dir = project(&[
        (
            "src/app.mini",
            r#"<config>{ "pages": ["pages/index/index"], "subpackages": [{ "root": "pkgA", "pages": ["pages/a/a"] }, { "root": "pkgB", "pages": ["pages/b/b"] }] }</config>"#,
        ),
        (
            "src/pages/index/index.mini",
            "<script>\nimport { x } from '../../pkgA/util'\nPage({ data: { x } })\n</script>\n<template><view>{{x}}</view></template>",
        ),
        (
            "src/pkgA/pages/a/a.mini",
            "<script>\nimport { x } from '../../util'\nPage({ data: { x } })\n</script>\n<template><view>{{x}}</view></template>",
        ),
        ("src/pkgA/util.js", "export const x = 1\n"),
        (
            "src/pkgB/pages/b/b.mini",
            "<script>\nconst { x } = require('../../../pkgA/util')\nPage({ data: { x } })\n</script>\n<template><view>{{x}}</view><late /></template>\n<config>{ \"usingComponents\": { \"late\": \"/pkgA/late/late\" }, \"componentPlaceholder\": { \"late\": \"view\" } }</config>",
        ),
        // Named with a componentPlaceholder: WeChat loads it from pkgA asynchronously.
        ("src/pkgA/late/late.mini", "<template><view>late</view></template>\n<script>\nComponent({})\n</script>"),
    ]);
    let diagnostics = try_build(dir.path(), &[miniweave::Target::Wechat]).expect_err("cross-package imports fail");
    let found = lines(&diagnostics);
    let cross: Vec<&String> = found.iter().filter(|l| l.contains("package::cross-import")).collect();
    assert_eq!(cross.len(), 2, "{found:#?}");
    assert!(
        cross.iter().any(|l| l.starts_with("src/pages/index/index.mini:2:")
            && l.contains("`src/pages/index/index`")
            && l.contains("`src/pkgA/util.js`")),
        "{cross:#?}"
    );
    assert!(
        cross.iter().any(|l| l.starts_with("src/pkgB/pages/b/b.mini:2:") && l.contains("subpackage `pkgA`")),
        "{cross:#?}"
    );
    // Weibo has one package: the same project builds.
    try_build(dir.path(), &[miniweave::Target::Weibo]).expect("Weibo has no packages to cross");
}

/// The paths a file of the emitted output names: `require`s and `import … from`s of scripts
/// and view scripts, a page's or component's `usingComponents`, a template's `src=`/`from=`,
/// and a stylesheet's `@import`s and `url()`s (mustache values left out).
fn references(path: &str, text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut quoted_after = |marker: &str, text: &str| {
        for (i, _) in text.match_indices(marker) {
            let rest = text[i + marker.len()..].trim_start_matches([' ', '(']);
            let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else { continue };
            if let Some(end) = rest[1..].find(quote) {
                let value = &rest[1..1 + end];
                if !value.contains("{{") {
                    found.push(value.to_string());
                }
            }
        }
    };
    let ext = path.rsplit('.').next().unwrap_or_default();
    match ext {
        "js" | "wxs" | "sjs" => {
            quoted_after("require(", text);
            quoted_after(" from ", text);
        }
        "wxml" | "axml" => {
            quoted_after(" src=", text);
            quoted_after(" from=", text);
        }
        "wxss" | "acss" => {
            quoted_after("@import ", text);
            quoted_after("url(", text);
        }
        "json" => {
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            if let Some(using) = value.get("usingComponents").and_then(|u| u.as_object()) {
                found.extend(using.values().filter_map(|v| v.as_str()).map(str::to_string));
            }
        }
        _ => {}
    }
    found
}

/// `written` (named in the output file at `from`) as a path from the output root: `/`-rooted,
/// or relative to `from`'s folder; `None` for a bare name (an npm name, resolved by the
/// platform from anywhere).
fn resolve_output(from: &str, written: &str) -> Option<String> {
    let mut parts: Vec<&str> = match written.strip_prefix('/') {
        Some(_) => Vec::new(),
        None if written.starts_with('.') => from.rsplit_once('/').map_or(vec![], |(d, _)| d.split('/').collect()),
        None => return None,
    };
    for part in written.trim_start_matches('/').split('/') {
        match part {
            "." | "" => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

#[test]
fn an_independent_subpackage_gets_its_own_copies_and_names_nothing_outside_its_root() {
    let dir = copy_fixture("size-independent");
    npm_package(dir.path(), "tiny-lib", "tiny", 100);
    let (out, _) = build_all(dir.path());
    for (target, markup) in [("wechat", "wxml"), ("alipay", "axml")] {
        let root = out.join(target);
        let files = files_under(&root);
        let has = |path: &str| files.iter().any(|f| f == path);
        for copied in [
            "solo/__shared__/utils/price.js".to_string(),
            format!("solo/__shared__/components/tag/tag.{markup}"),
            format!("solo/__shared__/components/title/title.{markup}"),
            format!("solo/__shared__/components/dot/dot.{markup}"),
            "solo/miniprogram_npm/tiny-lib/index.js".to_string(),
        ] {
            assert!(has(&copied), "{target}: {copied} missing from {files:#?}");
        }
        // The main package keeps its own.
        assert!(has("utils/price.js") && has("miniprogram_npm/tiny-lib/index.js"), "{target}");
        assert!(has(&format!("components/tag/tag.{markup}")), "{target}");
        for file in files.iter().filter(|f| f.starts_with("solo/") && !f.ends_with(".map")) {
            let text = read(root.join(file));
            for written in references(file, &text) {
                let resolved = resolve_output(file, &written)
                    .unwrap_or_else(|| panic!("{target}: {file} names `{written}`, which resolves from outside solo/"));
                assert!(resolved.starts_with("solo/"), "{target}: {file} names `{written}`, outside solo/");
                assert!(
                    files.iter().any(|f| *f == resolved || f.starts_with(&format!("{resolved}."))),
                    "{target}: {file} names `{written}`, which is not emitted"
                );
            }
        }
    }
    // WeChat does not apply app.wxss there: the page imports its own copy.
    let style = read(out.join("wechat/solo/pages/s/s.wxss"));
    assert!(style.starts_with("@import \"../../__shared__/app.wxss\";"), "{style}");
    let app_copy = read(out.join("wechat/solo/__shared__/app.wxss"));
    assert!(app_copy.contains("@import \"./styles/base.wxss\"") && app_copy.contains("#fafafa"), "{app_copy}");
    assert!(!files_under(&out.join("alipay")).iter().any(|f| f.contains("__shared__/app.")), "Alipay applies app.acss");
    let page = read(out.join("wechat/solo/pages/s/s.json"));
    assert!(page.contains("\"g-title\": \"/solo/__shared__/components/title/title\""), "{page}");
    judge_all(&out);
}

#[test]
fn references_between_moved_and_staying_files_are_rewritten() {
    // A 1×1 PNG, small enough to be inlined on WeChat.
    const PNG: &str = "\u{89}PNG";
    let dir = project(&[
        (
            "src/app.mini",
            r#"<config>{ "pages": ["pages/index/index"], "subpackages": [{ "root": "pkgA", "pages": ["pages/a/a"] }] }</config>"#,
        ),
        (
            "src/pages/index/index.mini",
            "<template>\n  <import src=\"../../templates/shared.wxml\" />\n  <wxs src=\"../../wxs/g.wxs\" module=\"g\" />\n  <template is=\"shared\" data=\"{{text: g.twice(1)}}\" />\n</template>\n<style>\n@import \"../../styles/base.wxss\";\n</style>",
        ),
        (
            "src/pkgA/pages/a/a.mini",
            "<config>{ \"usingComponents\": { \"panel\": \"../../../components/panel/panel\" } }</config>\n<template>\n  <panel />\n</template>",
        ),
        (
            "src/components/panel/panel.mini",
            "<config>{ \"component\": true }</config>\n<template>\n  <import src=\"../../templates/shared.wxml\" />\n  <wxs src=\"../../wxs/f.wxs\" module=\"f\" />\n  <template is=\"shared\" data=\"{{text: f.label(2)}}\" />\n  <include src=\"../../templates/only-panel.wxml\" />\n</template>\n<script>\nComponent({})\n</script>\n<style>\n@import \"../../styles/base.wxss\";\n.p { background: url(../../assets/dot.png); }\n</style>",
        ),
        ("src/templates/shared.wxml", "<template name=\"shared\"><view class=\"base\">{{text}}</view></template>\n"),
        ("src/templates/only-panel.wxml", "<view class=\"p\">panel</view>\n"),
        (
            "src/wxs/f.wxs",
            "var g = require('./g.wxs');\nmodule.exports = { label: function (n) { return 'n' + g.twice(n); } };\n",
        ),
        ("src/wxs/g.wxs", "module.exports = { twice: function (n) { return n * 2; } };\n"),
        ("src/styles/base.wxss", ".base { color: #333; }\n"),
        ("src/assets/dot.png", PNG),
    ]);
    let (out, _) = build_all(dir.path());
    let wechat = out.join("wechat");
    let panel = read(wechat.join("pkgA/__shared__/components/panel/panel.wxml"));
    assert!(panel.contains("src=\"../../../../templates/shared.wxml\""), "{panel}");
    assert!(panel.contains("src=\"../../templates/only-panel.wxml\""), "moved together, unchanged: {panel}");
    assert!(panel.contains("src=\"../../wxs/f.wxs\""), "{panel}");
    let f = read(wechat.join("pkgA/__shared__/wxs/f.wxs"));
    assert!(f.contains("require('../../../wxs/g.wxs')"), "{f}");
    let style = read(wechat.join("pkgA/__shared__/components/panel/panel.wxss"));
    assert!(style.contains("@import \"../../../../styles/base.wxss\""), "{style}");
    assert!(style.contains("data:image/png;base64"), "the url() still finds its asset: {style}");
    let files = files_under(&wechat);
    assert!(files.iter().any(|f| f == "pkgA/__shared__/templates/only-panel.wxml"), "{files:#?}");
    for stays in ["templates/shared.wxml", "wxs/g.wxs", "styles/base.wxss"] {
        assert!(files.iter().any(|f| f == stays), "{stays} is used by main: {files:#?}");
    }
    assert!(files.iter().any(|f| f == "assets/dot.png"), "assets keep their paths: {files:#?}");
    let alipay = files_under(&out.join("alipay"));
    assert!(alipay.iter().any(|f| f == "pkgA/__shared__/components/panel/panel.axml"), "{alipay:#?}");
    judge_all(&out);
}

/// One target's output in memory, as the backends produce it (what the size report reads).
fn emitted(dir: &Path, target: miniweave::Target) -> miniweave_targets::Emitted {
    use miniweave_compiler::cache::ParseCache;
    use miniweave_compiler::project::{files, layout, load, npm};
    let Ok(layout) = layout::locate(dir, None) else { panic!("{} is not a project", dir.display()) };
    let Ok(files) = files::read_all(&layout) else { panic!("cannot read {}", dir.display()) };
    let npm = npm::Npm::new(&layout.root, &layout.src_abs());
    let defines = layout.options.define.clone();
    let options = load::LoadOptions { target, release: false, defines: &defines };
    let (project, _) = load::load(&layout, &files, &npm, &options, &ParseCache::new());
    miniweave_targets::emit(&project.expect("the project loads")).0
}

#[test]
fn assets_keep_their_paths_and_the_packages_naming_them_are_recorded() {
    let dir = by_use();
    for target in [miniweave::Target::Wechat, miniweave::Target::Alipay] {
        let out = emitted(dir.path(), target);
        let only_a = out.files.get("assets/only-a.png").expect("the asset keeps its path");
        assert_eq!(only_a.package, 0, "{target}: counted where it sits");
        let pkg_a = out.asset_users.get("assets/only-a.png").map(|s| s.iter().copied().collect::<Vec<_>>());
        assert_eq!(pkg_a, Some(vec![1]), "{target}: named by pkgA only");
        let logo = out.asset_users.get("assets/logo.png").map(|s| s.iter().copied().collect::<Vec<_>>());
        assert_eq!(logo, Some(vec![0]), "{target}: named by main");
    }
    assert!(emitted(dir.path(), miniweave::Target::Weibo).asset_users.is_empty(), "Weibo has one package");
}
