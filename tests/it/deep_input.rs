//! Input that nests deeper than anything people write, and lines longer than anything they
//! read (issue 15): a located error at the documented limits (docs/language.md, "Limits"),
//! never a stack overflow, a panic or output that grows with the square of the input.

use std::fs;
use std::path::Path;

use crate::support::{miniweave, project, stderr};

/// An app whose app script requires `utils.js` and whose app style imports `deep.wxss`.
fn app_with(utils: &str, style: &str) -> tempfile::TempDir {
    project(&[
        (
            "src/app.mini",
            "<config>{ \"pages\": [\"pages/index/index\"] }</config>\n\
             <script>require('./utils.js'); App({})</script>\n<style>@import \"./deep.wxss\";</style>\n",
        ),
        ("src/pages/index/index.mini", "<template><view>hi</view></template>\n<script>Page({})</script>\n"),
        ("src/utils.js", utils),
        ("src/deep.wxss", style),
    ])
}

fn build_fails_with(dir: &Path, expected: &[&str]) {
    let out = miniweave(&["build", "--color", "never"], dir);
    let said = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{}", &said[..said.len().min(3000)]);
    for e in expected {
        assert!(said.contains(e), "`{e}` in:\n{}", &said[..said.len().min(3000)]);
    }
    assert!(said.len() < 20_000, "one diagnostic, not one per level: {} bytes", said.len());
    assert!(!dir.join("dist").exists(), "nothing written");
}

#[test]
fn a_selector_nested_70000_deep_is_a_located_error_not_a_stack_overflow() {
    let n = 70_000;
    let style = format!(".ok {{ color: blue }}\n{}a{} {{ color: red }}\n", ":not(".repeat(n), ")".repeat(n));
    let dir = app_with("module.exports = 1\n", &style);
    // The 257th bracket: 256 `:not(` of 5 bytes, then `:not` of the next.
    build_fails_with(
        dir.path(),
        &["src/deep.wxss:2:1285: error[style::too-deep]", "nested more than 256 levels deep", " 2 │ …"],
    );
}

#[test]
fn css_rules_nested_10000_deep_give_one_diagnostic() {
    let n = 10_000;
    let style = format!("{}color: red; oops{}", ".a { ".repeat(n), " }".repeat(n));
    let dir = app_with("module.exports = 1\n", &style);
    // `.a { ` is 5 bytes with its brace at 3: the 257th brace is at 256 * 5 + 3.
    build_fails_with(dir.path(), &["src/deep.wxss:1:1284: error[style::too-deep]"]);
}

#[test]
fn a_script_array_nested_past_the_limit_is_a_located_error() {
    for n in [5_000, 20_000] {
        let utils = format!("module.exports = {}{};\n", "[".repeat(n), "]".repeat(n));
        let dir = app_with(&utils, ".ok { color: blue }\n");
        // "module.exports = " is 17 bytes; the 501st bracket opens level 501.
        build_fails_with(
            dir.path(),
            &["src/utils.js:1:518: error[script::syntax]", "nested more than 500 levels deep"],
        );
    }
}

#[test]
fn a_script_nested_just_under_the_limit_prints_in_linear_size() {
    let n = 499;
    let utils = format!("module.exports = {}{};\n", "[".repeat(n), "]".repeat(n));
    let dir = app_with(&utils, ".ok { color: blue }\n");
    let out = miniweave(&["build", "--color", "never", "--quiet"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    for file in ["dist/wechat/utils.js", "dist/alipay/utils.js", "dist/weibo/src/utils.js"] {
        let printed = fs::read_to_string(dir.path().join(file)).unwrap();
        assert!(printed.contains(&"[".repeat(n)), "{file} keeps the data");
        // Indented, each level would add a line as wide as its depth: about 1 MB.
        assert!(printed.len() < 4 * n + 500, "{file}: {} bytes", printed.len());
    }
}

#[test]
fn a_problem_far_into_a_minified_line_is_shown_as_an_excerpt_of_that_line() {
    let utils = format!("// minified\n\nvar a=[{}];var b = ;\n", vec!["1"; 40_000].join(","));
    let dir = app_with(&utils, ".ok { color: blue }\n");
    build_fails_with(
        dir.path(),
        &["src/utils.js:3:80017: error[script::syntax]", " 3 │ …,1,1,1", "Expression expected"],
    );
}

#[test]
fn a_source_over_the_size_limit_is_a_located_error_without_being_read() {
    let dir = app_with("module.exports = 1\n", ".ok { color: blue }\n");
    let big = format!("module.exports = '{}';\n", "x".repeat(17 << 20));
    fs::write(dir.path().join("src/utils.js"), big).unwrap();
    build_fails_with(
        dir.path(),
        &["src/utils.js:1:1: error[project::file-too-large]", "over the 16 MB miniweave reads"],
    );
}

/// An app whose page imports `templates/tree.wxml`, in which template `t{i}` uses `t{i+1}`
/// twice, `depth` levels, and the last one a custom component (so Alipay expands them too).
fn doubling_templates(depth: usize) -> tempfile::TempDir {
    let mut tree = String::new();
    for i in 0..depth {
        tree += &format!(
            "<template name=\"t{i}\"><view><template is=\"t{0}\"/><template is=\"t{0}\"/></view></template>\n",
            i + 1
        );
    }
    tree += &format!("<template name=\"t{depth}\"><badge text=\"{{{{n}}}}\"/></template>\n");
    project(&[
        ("src/app.mini", "<config>{ \"pages\": [\"pages/index/index\"] }</config>\n<script>App({})</script>\n"),
        (
            "src/pages/index/index.mini",
            "<config>{ \"usingComponents\": { \"badge\": \"/components/badge\" } }</config>\n\
             <template>\n<import src=\"/templates/tree.wxml\"/>\n<template is=\"t0\" data=\"{{n: 1}}\"/>\n</template>\n\
             <script>Page({})</script>\n",
        ),
        (
            "src/components/badge.mini",
            "<config>{ \"component\": true }</config>\n<template><text>{{text}}</text></template>\n\
             <script>Component({ properties: { text: String } })</script>\n",
        ),
        ("src/templates/tree.wxml", &tree),
    ])
}

#[test]
fn templates_that_double_at_each_level_stop_at_the_expansion_limit_naming_the_chain() {
    let dir = doubling_templates(30);
    for target in ["alipay", "weibo"] {
        let out = miniweave(&["build", "--color", "never", "--target", target], dir.path());
        let said = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{said}");
        // Copying depth-first, the first path down reaches `t27` (line 28, called on line 27)
        // when the copies pass 100,000 nodes.
        assert!(said.contains("src/templates/tree.wxml:27:48: error[template::expansion-limit]"), "{said}");
        assert!(said.contains("reaches more than 100000 copied nodes"), "{said}");
        assert!(said.contains("template `t0` → template `t1` → template `t2` → … 22 more … → template `t25` → template `t26` → template `t27`"), "{said}");
        assert!(said.len() < 20_000, "one diagnostic: {} bytes", said.len());
        assert!(!dir.path().join("dist").join(target).exists(), "nothing written for {target}");
    }
    // WeChat keeps its templates as they are: nothing is copied.
    let out = miniweave(&["build", "--color", "never", "--target", "wechat", "--quiet"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn templates_under_the_expansion_limit_are_all_expanded() {
    let dir = doubling_templates(10);
    let out = miniweave(&["build", "--color", "never", "--quiet"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let read = |file: &str| fs::read_to_string(dir.path().join("dist").join(file)).unwrap();
    for page in ["weibo/src/pages/index/index.vue", "alipay/pages/index/index.axml"] {
        assert_eq!(read(page).matches("<badge").count(), 1 << 10, "{page}: every copy of the last template");
    }
    // Alipay forbids components in imported files: the chain that reaches one is copied
    // whole, and the imported file keeps no component.
    assert!(!read("alipay/pages/index/index.axml").contains("<template is="));
    assert!(!read("alipay/templates/tree.axml").contains("<badge"));
}

#[test]
fn a_file_that_includes_itself_is_a_located_error_where_includes_are_expanded() {
    let dir = project(&[
        ("src/app.mini", "<config>{ \"pages\": [\"pages/index/index\"] }</config>\n<script>App({})</script>\n"),
        (
            "src/pages/index/index.mini",
            "<template>\n<include src=\"/parts/loop.wxml\"/>\n</template>\n<script>Page({})</script>\n",
        ),
        ("src/parts/loop.wxml", "<view>again</view>\n<include src=\"./loop.wxml\"/>\n"),
    ]);
    let out = miniweave(&["build", "--color", "never", "--target", "weibo"], dir.path());
    let said = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("src/parts/loop.wxml:2:15: error[template::recursive]"), "{said}");
    assert!(
        said.contains("`parts/loop.wxml` includes itself (include `/parts/loop.wxml` → include `./loop.wxml`)"),
        "{said}"
    );
}
