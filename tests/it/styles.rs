//! Styles as users see them (LANGUAGE.md §5): a page's class rules do not reach into a
//! component on any target, proved from the emitted selectors and class attributes (static
//! and computed at run time); what a platform rejects is a located diagnostic; `url()`,
//! `@import` and `rpx` become what each platform reads.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use miniweave::{BuildOptions, Target, build};
use miniweave_targets::style::Scope;

use crate::support::{judge_all, lines, project, read, stderr, stdout, try_build};

const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0];

/// A page and a component that both style `.title`; the component also computes a class.
fn isolation_project() -> tempfile::TempDir {
    project(&[
        (
            "src/app.mini",
            "<config>{ \"pages\": [\"pages/index/index\"] }</config>\n<style>\n.shared { color: gray; }\n</style>\n",
        ),
        (
            "src/pages/index/index.mini",
            "<config>{ \"usingComponents\": { \"badge\": \"/components/badge/badge\" } }</config>\n<template>\n  <view class=\"title\">page</view>\n  <badge/>\n</template>\n<style>\n.title { color: red; }\n</style>\n",
        ),
        (
            "src/components/badge/badge.mini",
            "<template>\n  <view class=\"title\">static</view>\n  <view class=\"{{kind}}\">computed</view>\n</template>\n<script>\nComponent({ data: { kind: 'title' }, methods: { first() { return this.selectComponent('.title') } } })\n</script>\n<style>\n.title { color: blue; }\n</style>\n",
        ),
    ])
}

/// The class names a CSS rule's selector requires, for the simple `.a.b` rules used here.
fn rule_classes(css: &str, declaration: &str) -> BTreeSet<String> {
    let rule = css
        .split('}')
        .find(|r| r.contains(declaration))
        .unwrap_or_else(|| panic!("no rule with {declaration}:\n{css}"));
    let selector = rule.split('{').next().unwrap().trim();
    selector.split('.').skip(1).map(|c| c.trim().to_string()).collect()
}

fn matches(rule: &BTreeSet<String>, element: &BTreeSet<String>) -> bool {
    rule.is_subset(element)
}

fn classes(text: &str) -> BTreeSet<String> {
    text.split_whitespace().map(str::to_string).collect()
}

/// The value of the first `attr="…"` after `marker` in `text`.
fn attribute_after(text: &str, marker: &str, attr: &str) -> String {
    let at = text.find(marker).unwrap_or_else(|| panic!("no {marker} in:\n{text}"));
    let start = text[..at].rfind('<').unwrap();
    let tag = &text[start..at];
    let needle = format!("{attr}=\"");
    let from = tag.find(&needle).unwrap_or_else(|| panic!("no {attr} in {tag}")) + needle.len();
    tag[from..].split('"').next().unwrap().to_string()
}

fn node(script: &str) -> String {
    let output = Command::new("node").args(["--input-type=module", "-e", script]).output().expect("node runs");
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output).trim().to_string()
}

#[test]
fn page_class_rules_do_not_reach_into_components_on_any_target() {
    let dir = isolation_project();
    let out = try_build(dir.path(), &Target::ALL).unwrap();
    let scope = Scope::of("components/badge/badge");
    let scoped_title: BTreeSet<String> = [scope.class("title")].into();

    // Alipay: the component's selector and static class carry its prefix; the page's do not.
    let page_rule = rule_classes(&read(out.join("alipay/pages/index/index.acss")), "color: red");
    let badge_rule = rule_classes(&read(out.join("alipay/components/badge/badge.acss")), "color: #00f");
    let axml = read(out.join("alipay/components/badge/badge.axml"));
    let static_el = classes(&attribute_after(&axml, ">static<", "class"));
    assert!(matches(&badge_rule, &static_el) && !matches(&page_rule, &static_el), "{axml}");
    assert_eq!(badge_rule, scoped_title);
    // The computed class goes through scope.sjs, which gives the same scoped name.
    let dynamic = attribute_after(&axml, ">computed<", "class");
    assert!(dynamic.contains(&format!("__mwScope.c(kind, '{}')", scope.prefix)), "{dynamic}");
    let sjs = out.join("alipay/miniweave_runtime/scope.sjs");
    let computed = node(&format!(
        "import s from {:?}; console.log(s.c('title', {:?}))",
        format!("file://{}", copy_as_mjs(&sjs).display()),
        scope.prefix
    ));
    let computed_el = classes(&computed);
    assert!(matches(&badge_rule, &computed_el) && !matches(&page_rule, &computed_el), "{computed}");
    // The page's own element is not scoped.
    let page_el = classes(&attribute_after(&read(out.join("alipay/pages/index/index.axml")), ">page<", "class"));
    assert!(matches(&page_rule, &page_el) && !matches(&badge_rule, &page_el));

    // Weibo: the same, with the component's CSS in its .vue file and __cls for the computed one.
    let vue = read(out.join("weibo/src/components/badge/badge.vue"));
    let style = &vue[vue.find("<style>").unwrap()..];
    let badge_rule = rule_classes(style, "color: #00f");
    let page_rule = rule_classes(&read(out.join("weibo/src/pages/index/index.css")), "color: red");
    let static_el = classes(&attribute_after(&vue, ">static<", "class"));
    assert!(matches(&badge_rule, &static_el) && !matches(&page_rule, &static_el), "{vue}");
    assert!(attribute_after(&vue, ">computed<", ":class").contains("__cls(kind)"), "{vue}");
    let runtime = copy_as_mjs(&out.join("weibo/src/miniweave_runtime/vue.js"));
    let computed = node(&format!(
        "import rt from {:?}; console.log(rt.cls.__cls.call({{ $options: {{ mw: {{ scope: {:?}, ext: [] }} }} }}, 'title'))",
        format!("file://{}", runtime.display()),
        scope.prefix
    ));
    let computed_el = classes(&computed);
    assert!(matches(&badge_rule, &computed_el) && !matches(&page_rule, &computed_el), "{computed}");

    // Selector strings in the component's script name the scoped class.
    for file in ["alipay/components/badge/badge.js", "weibo/src/components/badge/badge.vue"] {
        let js = read(out.join(file));
        assert!(
            js.contains(&format!("selectComponent('.{}-title')", scope.prefix))
                || js.contains(&format!("selectComponent(\".{}-title\")", scope.prefix)),
            "{js}"
        );
    }
    // WeChat isolates components itself: nothing is renamed.
    assert!(read(out.join("wechat/components/badge/badge.wxml")).contains("class=\"title\""));
}

/// The file copied with an .mjs name, so Node loads it as an ES module.
fn copy_as_mjs(path: &Path) -> std::path::PathBuf {
    let target = path.with_extension("test.mjs");
    std::fs::copy(path, &target).unwrap();
    target
}

#[test]
fn rejected_selectors_and_ignored_declarations_are_located() {
    let dir = project(&[
        ("src/app.mini", "<config>{ \"pages\": [\"pages/index/index\"] }</config>\n"),
        (
            "src/pages/index/index.mini",
            "<config>{ \"usingComponents\": { \"c\": \"/components/c/c\" } }</config>\n<template><c/></template>\n<style>\n.am-x { color: green; }\n</style>\n",
        ),
        (
            "src/components/c/c.mini",
            "<template><view class=\"x\">x</view></template>\n<style>\n.x { *zoom: 1; color: red; }\nview.x { margin: 0; }\n[data-on] { color: blue; }\n* { box-sizing: border-box; }\n.am-y { color: green; }\n</style>\n",
        ),
    ]);
    let wechat = lines(&try_build(dir.path(), &[Target::Wechat]).unwrap_err());
    let expect_wechat =
        ["src/components/c/c.mini:6:1: error[style::universal-selector]: WeChat rejects the universal selector `*`"];
    for e in expect_wechat {
        assert!(wechat.iter().any(|l| l == e), "missing `{e}` in {wechat:#?}");
    }
    let warnings = [
        "src/components/c/c.mini:3:6: warning[style::ignored]: `*zoom: 1` is not standard CSS",
        "src/components/c/c.mini:4:1: warning[style::component-selector]: component styles should use class selectors only",
    ];
    for w in warnings {
        assert!(wechat.iter().any(|l| l == w), "missing `{w}` in {wechat:#?}");
    }
    let alipay = lines(&try_build(dir.path(), &[Target::Alipay]).unwrap_err());
    let e = "src/components/c/c.mini:5:1: error[style::attribute-selector]: Alipay has no attribute selectors";
    assert!(alipay.iter().any(|l| l == e), "missing `{e}` in {alipay:#?}");
    // Class names Alipay reserves (`.am-x`) are renamed, never an error (issue 9).
    assert!(!alipay.iter().any(|l| l.contains("am-")), "{alipay:#?}");
    assert!(!alipay.iter().any(|l| l.contains("universal")), "Alipay accepts `*`: {alipay:#?}");
}

#[test]
fn urls_imports_and_rpx_become_what_each_platform_reads() {
    let big = vec![0u8; 9000];
    let dir = project(&[
        (
            "src/app.mini",
            "<config>{ \"pages\": [\"pages/index/index\"] }</config>\n<style>\n@import \"./styles/base.css\";\n@import \"theme/vars.wxss\";\n.logo { background: url(./assets/dot.png) no-repeat; width: 750rpx; }\n</style>\n",
        ),
        (
            "node_modules/theme/package.json",
            "{ \"name\": \"theme\", \"version\": \"1.0.0\", \"miniprogram\": \"dist\" }",
        ),
        ("node_modules/theme/dist/vars.wxss", ".theme { color: #123456; }\n"),
        ("src/styles/base.css", ".base { margin: 15rpx; }\n"),
        (
            "src/pages/index/index.mini",
            "<config>{ \"usingComponents\": { \"c\": \"/components/c/c\" } }</config>\n<template><view style=\"height: 75rpx\">x</view><view style=\"width: {{w}}rpx\">y</view><c/></template>\n<script>\nPage({ data: { w: 150 } })\n</script>\n",
        ),
        (
            "src/components/c/c.mini",
            "<template><view class=\"base c\">c</view></template>\n<style>\n@import \"../../styles/base.css\";\n.c { padding: calc(10rpx + 1px); }\n</style>\n",
        ),
    ]);
    std::fs::create_dir_all(dir.path().join("src/assets")).unwrap();
    std::fs::write(dir.path().join("src/assets/dot.png"), PNG).unwrap();
    let out = try_build(dir.path(), &Target::ALL).unwrap();
    // WeChat: the import stays, with WeChat's extension; the small image is inlined.
    let app = read(out.join("wechat/app.wxss"));
    assert!(app.contains("@import \"./styles/base.wxss\""), "{app}");
    // An npm path: the package's mini-program folder, emitted under miniprogram_npm/.
    assert!(app.contains("@import \"./miniprogram_npm/theme/vars.wxss\""), "{app}");
    assert!(read(out.join("wechat/miniprogram_npm/theme/vars.wxss")).contains("#123456"));
    assert!(app.contains("url(\"data:image/png;base64,iVBORw0KGgo"), "{app}");
    assert!(app.contains("750rpx"), "{app}");
    // Alipay: absolute asset paths; the component takes the imported rules in, scoped.
    assert!(read(out.join("alipay/app.acss")).contains("url(\"/assets/dot.png\")"));
    let scope = Scope::of("components/c/c");
    let component = read(out.join("alipay/components/c/c.acss"));
    assert!(component.contains(&format!(".{}", scope.class("base"))) && !component.contains("@import"), "{component}");
    // Weibo: no rpx anywhere, in stylesheets or static styles; computed styles go through __rpx.
    let weibo_app = read(out.join("weibo/src/app.css"));
    assert!(weibo_app.contains("url(\"./assets/dot.png\")") && weibo_app.contains("width: 100vw"), "{weibo_app}");
    let page = read(out.join("weibo/src/pages/index/index.vue"));
    assert!(
        page.contains("style=\"height: 10vw\"") && page.contains(":style=\"__rpx('width: ' + w + 'rpx')\""),
        "{page}"
    );
    let rpx = Command::new("grep")
        .args(["-rl", "[0-9]rpx", out.join("weibo").to_str().unwrap(), "--include=*.css", "--include=*.vue"])
        .output()
        .unwrap();
    assert!(stdout(&rpx).trim().is_empty(), "rpx left in: {}", stdout(&rpx));
    let vue_style = read(out.join("weibo/src/components/c/c.vue"));
    assert!(vue_style.contains("calc(1.33333vw + 1px)"), "{vue_style}");

    // An image over assets.inlineLimit cannot go to WeChat.
    std::fs::write(dir.path().join("src/assets/dot.png"), &big).unwrap();
    let found = lines(&try_build(dir.path(), &[Target::Wechat]).unwrap_err());
    assert!(
        found.iter().any(|l| l.starts_with("src/app.mini:5:21:") && l.contains("error[style::asset-too-big]")),
        "{found:#?}"
    );
    // …unless the limit says so.
    std::fs::write(dir.path().join("miniweave.json"), "{ \"assets\": { \"inlineLimit\": \"16KB\" } }").unwrap();
    build(&BuildOptions::new(dir.path()).targets([Target::Wechat])).unwrap();
}

#[test]
fn hosts_shared_components_and_class_like_attributes() {
    let dir = project(&[
        ("src/app.mini", "<config>{ \"pages\": [\"pages/index/index\"] }</config>\n"),
        (
            "src/pages/index/index.mini",
            "<config>{ \"usingComponents\": { \"h\": \"/components/h/h\", \"s\": \"/components/s/s\", \"wrap\": \"/components/wrap/wrap\" } }</config>\n<template><h class=\"active\"/><s/><wrap/><view class=\"from-s\">page</view></template>\n",
        ),
        // A scoped component that gives h a class of its own.
        (
            "src/components/wrap/wrap.mini",
            "<config>{ \"component\": true, \"usingComponents\": { \"h\": \"/components/h/h\" } }</config>\n<template><h class=\"active\"/></template>\n",
        ),
        (
            "src/components/h/h.mini",
            "<template><view class=\"none\">x</view><picker-view indicator-class=\"ind\" mask-class=\"msk\"></picker-view><view hover-class=\"none\">y</view></template>\n<style>\n:host(.active) { color: red; }\n.none { display: none; }\n.ind { height: 50px; }\n@supports (width: 10rpx) { .msk { width: 10rpx; } }\n</style>\n",
        ),
        // `shared`: the component's rules reach the page, as on WeChat.
        (
            "src/components/s/s.mini",
            "<config>{ \"component\": true, \"styleIsolation\": \"shared\" }</config>\n<template><view class=\"from-s\">s</view></template>\n<script>\nComponent({ methods: { find() { return this.selectComponent('.from-s') } } })\n</script>\n<style>\n.from-s { color: green; }\n</style>\n",
        ),
    ]);
    let out = try_build(dir.path(), &Target::ALL).unwrap();
    let scope = Scope::of("components/h/h");
    let vue = read(out.join("weibo/src/components/h/h.vue"));
    // `:host(.active)` is the root (which carries the bare prefix) with the user's class.
    assert!(vue.contains(&format!(".{}.active", scope.prefix)), "{vue}");
    assert!(
        vue.contains(&format!("class=\"{}\"", scope.class("none"))),
        "only hover-class=\"none\" is special:\n{vue}"
    );
    assert!(vue.contains("hover-class=\"none\""), "{vue}");
    assert!(vue.contains(&format!("indicator-class=\"{}\"", scope.class("ind"))), "{vue}");
    assert!(vue.contains(&format!("mask-class=\"{}\"", scope.class("msk"))), "{vue}");
    assert!(vue.contains("@supports (width: 1.33333vw)"), "no rpx in conditions either:\n{vue}");
    let acss = read(out.join("alipay/components/h/h.acss"));
    assert!(acss.contains(":host(.active)"), "Alipay has :host; the page's class is as written:\n{acss}");
    // …and as `wrap`, a scoped user, writes it.
    let wrap = Scope::of("components/wrap/wrap");
    assert!(acss.contains(&format!(":host(.{})", wrap.class("active"))), "{acss}");
    assert!(vue.contains(&format!(".{}.{}", scope.prefix, wrap.class("active"))), "{vue}");
    // The shared component is not scoped, on either side.
    let shared = read(out.join("alipay/components/s/s.acss"));
    assert!(shared.contains(".from-s {"), "{shared}");
    assert!(read(out.join("alipay/components/s/s.axml")).contains("class=\"from-s\""));
    let script = read(out.join("alipay/components/s/s.js"));
    assert!(script.contains("selectComponent('.from-s')"), "its selectors are not scoped either:\n{script}");
}

#[test]
fn broken_stylesheets_fail_the_build_at_the_broken_line() {
    let dir = project(&[
        ("src/app.mini", "<config>{ \"pages\": [\"pages/index/index\"] }</config>\n"),
        (
            "src/pages/index/index.mini",
            "<template><view>x</view></template>\n<style>\n.p { color: red;\n.q { color: blue; }\n</style>\n",
        ),
    ]);
    let found = lines(&try_build(dir.path(), &[Target::Wechat]).unwrap_err());
    assert!(
        found.iter().any(|l| l == "src/pages/index/index.mini:3:4: error[style::syntax]: this `{` is never closed"),
        "{found:#?}"
    );
    assert!(!dir.path().join("dist").exists(), "nothing is written");
}

/// Builds `dir` for every target: the output folder and the warnings, one line each.
fn build_with_warnings(dir: &Path) -> (std::path::PathBuf, Vec<String>) {
    let out = dir.join("dist");
    let report = build(&BuildOptions::new(dir).targets(Target::ALL).out_dir(&out))
        .unwrap_or_else(|e| panic!("the project does not build: {e:?}"));
    (out, lines(&report.warnings))
}

#[test]
fn deep_combinators_become_descendants_that_reach_components_letting_rules_in() {
    let dir = project(&[
        ("src/app.mini", "<config>{ \"pages\": [\"pages/index/index\"] }</config>\n"),
        (
            "src/pages/index/index.mini",
            "<config>{ \"usingComponents\": { \"card\": \"/components/card/card\", \"cell\": \"/components/cell/cell\" } }</config>\n<template><view class=\"feedback-card\"><cell/></view><card/></template>\n<style>\n.feedback-card /deep/ .van-cell { padding: 20rpx 30rpx; }\n</style>\n",
        ),
        (
            "src/components/card/card.mini",
            "<config>{ \"component\": true, \"usingComponents\": { \"cell\": \"/components/cell/cell\" } }</config>\n<template><view class=\"card\"><view class=\"inner\">own</view><cell/></view></template>\n<style>\n.card >>> .inner { color: red; }\n</style>\n",
        ),
        // A child that lets outside class rules in, as vant's components do (addGlobalClass).
        (
            "src/components/cell/cell.mini",
            "<config>{ \"component\": true, \"styleIsolation\": \"apply-shared\" }</config>\n<template><view class=\"van-cell inner\">cell</view></template>\n",
        ),
    ]);
    let (out, warnings) = build_with_warnings(dir.path());
    for w in [
        "src/pages/index/index.mini:4:1: warning[style::deep-combinator]: `/deep/` is not CSS; it is written as a descendant combinator",
        "src/components/card/card.mini:4:1: warning[style::deep-combinator]: `>>>` is not CSS; it is written as a descendant combinator",
    ] {
        assert!(warnings.iter().any(|l| l == w), "missing `{w}` in {warnings:#?}");
    }
    // WeChat: a descendant combinator (wcsc would write `/deep/` as a descendant `eep`
    // element, which matches nothing, and rejects `>>>`).
    assert!(read(out.join("wechat/pages/index/index.wxss")).contains(".feedback-card .van-cell {"));
    assert!(read(out.join("wechat/components/card/card.wxss")).contains(".card .inner {"));
    // Alipay and Weibo: the part before it is scoped; the rule matches the component's own
    // `.inner` (as on WeChat) and, unscoped, the child's, which keeps its names.
    let scope = Scope::of("components/card/card");
    let (card, inner) = (scope.class("card"), scope.class("inner"));
    let expected = format!(".{card} .{inner}, .{card} .inner {{");
    assert!(read(out.join("alipay/components/card/card.acss")).contains(&expected), "{expected}");
    assert!(read(out.join("weibo/src/components/card/card.vue")).contains(&expected), "{expected}");
    assert!(read(out.join("alipay/pages/index/index.acss")).contains(".feedback-card .van-cell {"));
    assert!(read(out.join("weibo/src/pages/index/index.css")).contains(".feedback-card .van-cell {"));
    let child = classes(&attribute_after(&read(out.join("alipay/components/cell/cell.axml")), ">cell<", "class"));
    assert!(child.contains("inner") && child.contains("van-cell"), "{child:?}");
    let own = classes(&attribute_after(&read(out.join("alipay/components/card/card.axml")), ">own<", "class"));
    assert!(own.contains(&inner), "{own:?}");
    judge_all(&out);
}

#[test]
fn styles_wcsc_accepts_build_on_every_target() {
    let style = concat!(
        ". { color: red; }\n",
        ".1px-border { border: 1px solid; }\n",
        ".a:lang(en) { color: red; }\n",
        ".b:dir(rtl) { color: blue; }\n",
        ".c { color: red; *zoom: 1; margin: 0 ! important; }\n",
        ".d::after { content: \"中文✓\"; }\n",
        "@media screen and (max-width: 300px) { .d { width: calc(100% - 20rpx); } }\n",
        "page { background: #fff; }\n",
    );
    let dir = project(&[
        ("src/app.mini", "<config>{ \"pages\": [\"pages/index/index\"] }</config>\n"),
        (
            "src/pages/index/index.mini",
            &format!("<template><view class=\"a b c d\">x</view></template>\n<style>\n{style}</style>\n"),
        ),
    ]);
    let (out, warnings) = build_with_warnings(dir.path());
    for w in [
        "src/pages/index/index.mini:3:1: warning[style::no-class]: `.` names no class; this rule is left out",
        "src/pages/index/index.mini:4:1: warning[style::no-class]: `.1px-border` names no class; this rule is left out",
        "src/pages/index/index.mini:7:18: warning[style::ignored]: `*zoom: 1` is not standard CSS",
    ] {
        assert!(warnings.iter().any(|l| l == w), "missing `{w}` in {warnings:#?}");
    }
    for file in ["wechat/pages/index/index.wxss", "alipay/pages/index/index.acss", "weibo/src/pages/index/index.css"] {
        let css = read(out.join(file));
        // Selectors as written: no `:-webkit-any(…)`/`:is(…)` lists, which wcsc rejects.
        assert!(css.contains(".b:dir(rtl) {") && css.contains(".a:lang(en) {"), "{file}:\n{css}");
        assert!(!css.contains("any(") && !css.contains(":is("), "{file}:\n{css}");
        // The hack goes, and the declarations around it stay.
        let c = css.split(".c {").nth(1).and_then(|r| r.split('}').next()).unwrap_or_default();
        assert!(c.contains("color: red") && c.contains("margin: 0 !important") && !c.contains("zoom"), "{css}");
        assert!(css.contains("content: \"中文✓\"") && !css.contains("1px-border"), "{file}:\n{css}");
    }
    let wechat = read(out.join("wechat/pages/index/index.wxss"));
    assert!(wechat.contains("@media screen and (max-width: 300px)") && wechat.contains("calc(100% - 20rpx)"));
    judge_all(&out);
}

#[test]
fn a_bad_declaration_is_left_out_alone_wherever_it_stands() {
    // A missing colon, a hack, a misspelt !important, an unknown property: first, in the
    // middle, last. WeChat and browsers drop the one declaration; so must every target.
    let bad = ["padding 24rpx", "*zoom: 1", "color: red !importnt", "colr: red"];
    let mut css = String::new();
    // Distinct margins, so the minifier merges no two rules.
    for (i, b) in bad.iter().enumerate() {
        let m = |k: usize| format!("margin-bottom: {}rpx", i * 3 + k + 1);
        css.push_str(&format!(".first{i} {{ {b}; background: #fff; {}; }}\n", m(0)));
        css.push_str(&format!(".middle{i} {{ background: #fff; {b}; {}; }}\n", m(1)));
        css.push_str(&format!(".last{i} {{ background: #fff; {}; {b}; }}\n", m(2)));
    }
    let dir = project(&[
        ("src/app.mini", "<config>{ \"pages\": [\"pages/index/index\"] }</config>"),
        ("src/pages/index/index.mini", &format!("<template><view>x</view></template>\n<style>\n{css}</style>\n")),
    ]);
    let (out, warnings) = build_with_warnings(dir.path());
    assert!(warnings.len() >= bad.len(), "each bad declaration is a warning: {warnings:#?}");
    for target_file in ["wechat/pages/index/index.wxss", "alipay/pages/index/index.acss"] {
        let printed = read(out.join(target_file));
        for rule in printed.split('}').filter(|r| r.contains('{')) {
            assert!(
                rule.contains("background") && rule.contains("margin-bottom"),
                "{target_file}: a valid declaration was lost in `{rule}`\n{printed}"
            );
        }
        assert_eq!(printed.matches("background").count(), bad.len() * 3, "{target_file}:\n{printed}");
    }
    judge_all(&out);
}

#[test]
fn style_messages_are_words_and_a_stray_brace_is_one_error() {
    let dir = project(&[
        ("src/app.mini", "<config>{ \"pages\": [\"pages/index/index\"] }</config>"),
        (
            "src/pages/index/index.mini",
            "<template><view>x</view></template>\n<style>\n.card { background: #fff; padding 24rpx; margin: 0; }\n.x { color: red; }}\n</style>\n",
        ),
    ]);
    let output = crate::support::miniweave(&["check", ".", "--target", "wechat", "--color", "never"], dir.path());
    let err = stderr(&output);
    assert!(err.contains("unexpected here: a number with a unit (is a `:` missing?)"), "{err}");
    assert!(!err.contains("Dimension {") && !err.contains("has_sign"), "no parser internals:\n{err}");
    assert_eq!(err.matches("error[style::syntax]").count(), 1, "one error for one stray brace:\n{err}");
}
