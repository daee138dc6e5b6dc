//! Every project in fixtures/errors fails with exit code 1, a diagnostic at the right file,
//! line and column (characters, not bytes), writes nothing for the targets it fails on, and
//! never panics.

use std::fs;

use crate::support::{copy_dir, copy_fixture, files_under, fixture, miniweave, read, stderr};

fn error_fixtures() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(fixture("errors"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_error_fixture_fails_at_its_location_and_writes_nothing() {
    let names = error_fixtures();
    assert!(names.len() >= 12, "{names:?}");
    for name in names {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&fixture("errors").join(&name), dir.path());
        let expected = read(dir.path().join("expected.txt")).trim().to_string();
        let output = miniweave(&["build", ".", "--color", "never"], dir.path());
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{name}: exit code\n{err}");
        assert!(err.lines().any(|l| l == expected), "{name}: expected the header `{expected}` in:\n{err}");
        assert!(!err.contains("panicked"), "{name} panicked:\n{err}");
        assert!(err.contains("help:"), "{name}: no help line:\n{err}");
        // Either every target failed, or the error line names the failed ones; those wrote
        // nothing, while a target that compiled cleanly was written.
        let summary = err.lines().rfind(|l| l.starts_with("error: ")).unwrap_or_default();
        for target in ["wechat", "alipay", "weibo"] {
            let failed = summary.contains("nothing was written")
                || summary.split(" (nothing written there").next().unwrap_or_default().contains(target);
            let written = dir.path().join("dist").join(target).exists();
            assert_eq!(written, !failed, "{name}: {target} written: {written}\n{err}");
        }
    }
}

#[test]
fn columns_count_characters_after_cjk_text() {
    // `<text>待办事项清单</text><view wx:else/>`: `wx:else` is the 30th character of its
    // line but starts at byte 42; the header must say 30.
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("errors/cjk-column"), dir.path());
    let line = read(dir.path().join("src/pages/index/index.mini")).lines().nth(2).unwrap().to_string();
    let at = line.find("wx:else").unwrap();
    let (char_col, byte_col) = (line[..at].chars().count() + 1, at + 1);
    assert_eq!((char_col, byte_col), (30, 42));
    let err = stderr(&miniweave(&["check", ".", "--color", "never"], dir.path()));
    assert!(err.contains("src/pages/index/index.mini:3:30: error[template::orphan-else]"), "{err}");
    assert!(!err.contains(":3:42:"), "{err}");
}

#[test]
fn a_failing_build_leaves_the_previous_output_intact() {
    let project = copy_fixture("showcase");
    let ok = miniweave(&["build", ".", "--target", "wechat,alipay"], project.path());
    assert!(ok.status.success(), "{}", stderr(&ok));
    let out = project.path().join("dist");
    let before: Vec<(String, Vec<u8>)> =
        files_under(&out).into_iter().map(|f| (f.clone(), fs::read(out.join(&f)).unwrap())).collect();
    let page = project.path().join("src/pages/me/me.mini");
    fs::write(&page, read(&page).replace("<text>Reminder volume</text>", "<text>Reminder volume</view>")).unwrap();
    // A change that compiles on its own, to prove it is not written either.
    let about = project.path().join("src/packageA/pages/about/about.mini");
    fs::write(&about, read(&about).replace("One source tree", "One changed source tree")).unwrap();
    let failed = miniweave(&["build", ".", "--target", "wechat,alipay"], project.path());
    assert_eq!(failed.status.code(), Some(1), "{}", stderr(&failed));
    let after: Vec<(String, Vec<u8>)> =
        files_under(&out).into_iter().map(|f| (f.clone(), fs::read(out.join(&f)).unwrap())).collect();
    assert!(before == after, "the output changed after a failed build");
}

#[test]
fn deeply_nested_input_is_a_diagnostic_not_a_crash() {
    let project = copy_fixture("errors/unclosed-tag");
    let deep = format!("<template>\n{}\n</template>\n", "<view>".repeat(5000) + &"</view>".repeat(5000));
    fs::write(project.path().join("src/pages/index/index.mini"), deep).unwrap();
    let long_expr = format!("<template>\n<text>{{{{ {} }}}}</text>\n</template>\n", vec!["a"; 20000].join(" + "));
    fs::create_dir_all(project.path().join("src/pages/two")).unwrap();
    fs::write(project.path().join("src/pages/two/two.mini"), long_expr).unwrap();
    fs::write(
        project.path().join("src/app.mini"),
        "<config>{ \"pages\": [\"pages/index/index\", \"pages/two/two\"] }</config>",
    )
    .unwrap();
    let output = miniweave(&["check", ".", "--color", "never"], project.path());
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains("template::too-deep"), "{err}");
    assert!(!err.contains("panicked") && !err.contains("overflow"), "{err}");
}

#[test]
fn one_run_reports_every_error_a_bad_config_key_and_an_unresolved_import_do_not_hide_the_rest() {
    let dir = crate::support::project(&[
        ("app.json", "{ \"pages\": [\"pages/a/a\", \"pages/b/b\"], \"window\": { \"navigationBarTextStyle\": 5 } }"),
        ("app.js", "App({})\n"),
        ("pages/a/a.wxml", "<view>{{ a + }}</view>\n"),
        ("pages/a/a.js", "Page({})\n"),
        ("pages/b/b.wxml", "<view>b</view>\n"),
        ("pages/b/b.js", "import x from './nope'\nPage({ onLoad() { wx.getWeRunData({}) } })\n"),
    ]);
    let output = miniweave(&["build", ".", "--target", "alipay", "--color", "never"], dir.path());
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    for header in [
        "app.json:1:78: error[config::wrong-type]",
        "pages/a/a.wxml:1:14: error[template::bad-expression]",
        "pages/b/b.js:1:15: error[script::unresolved]",
        "pages/b/b.js:2:19: error[script::api]",
    ] {
        assert!(err.lines().any(|l| l == header), "missing `{header}` in:\n{err}");
    }
    assert!(!dir.path().join("dist").exists(), "nothing is written");
}

#[test]
fn a_config_that_does_not_parse_is_one_error_without_follow_on_complaints() {
    // A missing comma: what the page declares is unknown, so `<card>` must not be reported
    // as undeclared on top of the real mistake.
    let dir = crate::support::project(&[
        ("src/app.mini", "<config>{ \"pages\": [\"pages/index/index\"] }</config>"),
        (
            "src/pages/index/index.mini",
            "<config>{ \"usingComponents\": { \"card\": \"../../components/card/card\" } \"navigationBarTitleText\": \"x\" }</config>\n<template><card/></template>\n",
        ),
        (
            "src/components/card/card.mini",
            "<config>{ \"component\": true }</config>\n<template><view>c</view></template>\n<script>Component({})</script>\n",
        ),
    ]);
    let found = crate::support::lines(&crate::support::try_build(dir.path(), &miniweave::Target::ALL).unwrap_err());
    assert_eq!(
        found,
        [
            "src/pages/index/index.mini:1:70: error[config::bad-json]: invalid JSON in the page/component config: Expected comma"
        ],
    );
}
