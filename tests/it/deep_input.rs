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
