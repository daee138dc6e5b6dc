//! Writing: only changed files are rewritten, stale files are removed by manifest, files the
//! build did not write are left alone, and nothing lands outside the output folder.

use std::fs;

use miniweave::{BuildOptions, Target, build};

use crate::support::{copy_fixture, files_under, read};

#[test]
fn a_second_build_rewrites_nothing_and_an_edit_rewrites_one_file() {
    let project = copy_fixture("showcase");
    let options = BuildOptions::new(project.path()).targets([Target::Wechat]);
    let first = build(&options).unwrap();
    assert_eq!(first.targets[0].written, Some(first.targets[0].files));
    let second = build(&options).unwrap();
    assert_eq!(second.targets[0].written, Some(0));
    assert_eq!(second.targets[0].unchanged, Some(second.targets[0].files));
    let about = project.path().join("src/packageA/pages/about/about.mini");
    fs::write(&about, read(&about).replace("One source tree", "One source")).unwrap();
    let third = build(&options).unwrap();
    // about.wxml, and about.js.map and about.wxss.map, which embed the .mini file's text.
    assert_eq!(third.targets[0].written, Some(3));
}

#[test]
fn stale_files_are_removed_and_foreign_files_kept() {
    let project = copy_fixture("showcase");
    let options = BuildOptions::new(project.path()).targets([Target::Wechat]);
    build(&options).unwrap();
    let out = project.path().join("dist/wechat");
    fs::write(out.join("notes.txt"), "mine").unwrap();
    // Drop the detail page: its six files (wxml, json, js, wxss and their maps) must go, and
    // its folder with them, and the modules only it imported (utils/date.js, its map, dayjs).
    let app = project.path().join("src/app.mini");
    fs::write(&app, read(&app).replace("\"pages/me/me\",\n    \"pages/detail/detail\"", "\"pages/me/me\"")).unwrap();
    fs::remove_dir_all(project.path().join("src/pages/detail")).unwrap();
    let report = build(&options).unwrap();
    assert_eq!(report.targets[0].removed, Some(9));
    let files = files_under(&out);
    assert!(!files.iter().any(|f| f.starts_with("pages/detail/")), "{files:?}");
    assert!(
        !files.iter().any(|f| f.starts_with("utils/date.js") || f.starts_with("miniprogram_npm/dayjs")),
        "{files:?}"
    );
    assert!(files.contains(&"utils/store.js".to_string()), "still imported by the index page");
    assert!(!out.join("pages/detail").exists(), "the emptied folder is removed");
    assert_eq!(read(out.join("notes.txt")), "mine", "files miniweave did not write are untouched");
    let manifest = project.path().join("dist/.miniweave/wechat.json");
    assert!(read(manifest).contains("pages/index/index.wxml"));
}

#[test]
fn check_writes_nothing() {
    let project = copy_fixture("showcase");
    let report = miniweave::check(project.path()).unwrap();
    assert_eq!(report.targets.len(), 3);
    assert!(report.targets.iter().all(|t| t.written.is_none() && t.files > 0));
    assert!(!project.path().join("dist").exists());
}

#[test]
fn an_output_folder_holding_the_sources_is_refused() {
    let project = copy_fixture("showcase");
    let err = build(&BuildOptions::new(project.path()).out_dir(project.path())).unwrap_err();
    assert_eq!(err.exit_code(), 2, "{err}");
    assert!(err.to_string().contains("contains the sources"), "{err}");
}

#[test]
fn a_project_rooted_at_its_folder_never_reads_its_own_output() {
    // A native WeChat project with app.json at the top: the source root is the project
    // folder, so dist/ sits inside it.
    let dir = crate::support::project(&[
        ("app.json", "{ \"pages\": [\"pages/index/index\"] }"),
        ("pages/index/index.wxml", "<view>home</view>\n"),
        ("pages/index/index.js", "Page({})\n"),
    ]);
    let options = BuildOptions::new(dir.path()).targets([Target::Wechat, Target::Weibo]);
    let first = build(&options).unwrap();
    let second = build(&options).unwrap();
    assert_eq!(first.targets[0].files, second.targets[0].files, "dist/ was read back as sources");
    assert_eq!(second.targets[0].written, Some(0));
    assert!(!files_under(&dir.path().join("dist/wechat")).iter().any(|f| f.starts_with("dist/")));
}

#[test]
fn a_platform_gap_in_one_target_keeps_its_old_output_and_writes_the_others() {
    let project = crate::support::one_page("<template><view>hi</view></template>\n<script>Page({})</script>\n");
    let options = BuildOptions::new(project.path()).targets(Target::ALL);
    build(&options).unwrap();
    let alipay_page = project.path().join("dist/alipay/pages/index/index.axml");
    let before = read(&alipay_page);
    let page = project.path().join("src/pages/index/index.mini");
    fs::write(
        &page,
        "<template><view bindtap=\"run\">run</view></template>\n<script>Page({ run() { wx.getWeRunData({}) } })</script>\n",
    )
    .unwrap();
    let Err(miniweave::BuildError::Partial { failed, diagnostics, report }) = build(&options) else {
        panic!("expected a partial build");
    };
    // Weibo's API list is unverified, so there the call is a warning and a guard.
    assert_eq!(failed, [Target::Alipay]);
    assert!(diagnostics.errors().all(|d| d.code == "script::api"), "{diagnostics}");
    assert_eq!(report.targets.iter().map(|t| t.target).collect::<Vec<_>>(), [Target::Wechat, Target::Weibo]);
    assert!(read(project.path().join("dist/wechat/pages/index/index.wxml")).contains("bindtap=\"run\""));
    assert_eq!(read(&alipay_page), before, "the failed target's previous output is intact");
    let err = miniweave::BuildError::Partial { failed, diagnostics, report }.to_string();
    assert!(err.contains("in alipay (") && err.contains("wechat and weibo compiled cleanly and were written"), "{err}");
}

/// The original position of the first occurrence of `needle` in an emitted file, through its
/// source map, as a tool resolves it (the `source-map` library the validators install): the
/// source's path on disk, its 1-based line and 0-based column.
fn map_back(file: &std::path::Path, needle: &str) -> (std::path::PathBuf, usize, usize) {
    let script = format!(
        "const {{ SourceMapConsumer }} = require({lib:?});\n\
         const fs = require('fs'), path = require('path');\n\
         const file = {file:?}, code = fs.readFileSync(file, 'utf8'), at = code.indexOf({needle:?});\n\
         const before = code.slice(0, at).split('\\n');\n\
         const map = JSON.parse(fs.readFileSync(file + '.map', 'utf8'));\n\
         const c = new SourceMapConsumer(map);\n\
         const o = c.originalPositionFor({{ line: before.length, column: before[before.length - 1].length }});\n\
         process.stdout.write(path.resolve(path.dirname(file), o.source) + '\\n' + o.line + '\\n' + o.column);",
        lib = crate::support::repo().join("tests/validators/node_modules/source-map").display().to_string(),
        file = file.display().to_string(),
    );
    let output = std::process::Command::new("node").arg("-e").arg(script).output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let parts: Vec<&str> = text.split('\n').collect();
    (std::path::PathBuf::from(parts[0]), parts[1].parse().unwrap(), parts[2].parse().unwrap())
}

#[test]
fn source_maps_lead_tools_back_to_the_mini_file_line_and_column() {
    let project = crate::support::one_page(
        "<template><view>x</view></template>\n<script>\nPage({\n  data: { greeting: 'mapped here' },\n})\n</script>\n",
    );
    let options = BuildOptions::new(project.path()).targets(Target::ALL).out_dir(project.path().join("out/deep"));
    build(&options).unwrap();
    for target in ["wechat", "alipay"] {
        let js = project.path().join("out/deep").join(target).join("pages/index/index.js");
        let (source, line, column) = map_back(&js, "mapped here");
        assert_eq!(source, project.path().join("src/pages/index/index.mini").canonicalize().unwrap(), "{target}");
        assert_eq!(line, 4, "{target}: the line of `greeting` in the .mini file");
        assert_eq!(column, "  data: { greeting: ".len(), "{target}: the column of the string in the .mini file");
    }
}

/// Edits `file` (JSON) in place with `change`.
fn edit_json(file: &std::path::Path, change: impl FnOnce(&mut serde_json::Value)) {
    let mut value: serde_json::Value = serde_json::from_str(&read(file)).unwrap();
    change(&mut value);
    fs::write(file, serde_json::to_string_pretty(&value).unwrap()).unwrap();
}

#[test]
fn settings_changed_in_each_ide_survive_the_next_build() {
    let project = crate::support::native_page(
        "<view>hi</view>",
        &[(
            "project.config.json",
            "{ \"appid\": \"wx0123456789abcdef\", \"libVersion\": \"2.30.0\", \"setting\": { \"minified\": false } }",
        )],
    );
    let out = project.path().join("dist");
    let options = BuildOptions::new(project.path()).targets(Target::ALL).out_dir(&out);
    build(&options).unwrap();
    // What each IDE writes into the folder it opened.
    edit_json(&out.join("wechat/project.config.json"), |v| {
        v["setting"]["minified"] = true.into();
        v["condition"] = serde_json::json!({ "miniprogram": { "list": [] } });
        v["appid"] = "touched".into();
    });
    edit_json(&out.join("alipay/mini.project.json"), |v| v["enableAppxNg"] = true.into());
    edit_json(&out.join("weibo/wbox.config.json"), |v| v["version"] = "2.0.0".into());
    // And the project's own settings change in the sources.
    let own = project.path().join("project.config.json");
    edit_json(&own, |v| v["libVersion"] = "3.0.0".into());

    let report = build(&options).unwrap();
    let wechat: serde_json::Value = serde_json::from_str(&read(out.join("wechat/project.config.json"))).unwrap();
    assert_eq!(wechat["setting"]["minified"], true, "the IDE's setting is kept: {wechat}");
    assert_eq!(wechat["condition"]["miniprogram"]["list"], serde_json::json!([]), "{wechat}");
    assert_eq!(wechat["libVersion"], "3.0.0", "the sources' change comes through: {wechat}");
    assert_eq!(wechat["appid"], "wx0123456789abcdef", "the app id is miniweave's to set: {wechat}");
    let alipay: serde_json::Value = serde_json::from_str(&read(out.join("alipay/mini.project.json"))).unwrap();
    assert_eq!(alipay["enableAppxNg"], true, "{alipay}");
    assert_eq!(alipay["compileOptions"]["component2"], true, "{alipay}");
    let weibo: serde_json::Value = serde_json::from_str(&read(out.join("weibo/wbox.config.json"))).unwrap();
    assert_eq!(weibo["version"], "2.0.0", "{weibo}");
    assert!(report.targets.iter().all(|t| t.restored.is_empty()), "merging is not restoring");
    // A third build with nothing changed rewrites nothing.
    let again = build(&options).unwrap();
    assert!(again.targets.iter().all(|t| t.written == Some(0)), "{:?}", again.targets);
}

#[test]
fn a_file_edited_by_hand_in_the_output_is_put_back_and_named() {
    let project = crate::support::native_page("<view>hi</view>", &[]);
    fs::write(project.path().join("pages/index/index.wxss"), ".a { color: red; }\n").unwrap();
    let built = crate::support::miniweave(&["build", ".", "--target", "wechat"], project.path());
    assert!(built.status.success(), "{}", crate::support::stderr(&built));
    let wxml = project.path().join("dist/wechat/pages/index/index.wxml");
    let original = read(&wxml);
    fs::write(&wxml, "<view>patched in the output</view>").unwrap();
    let rebuilt = crate::support::miniweave(&["build", ".", "--target", "wechat"], project.path());
    let out = crate::support::stdout(&rebuilt);
    assert!(rebuilt.status.success(), "{}", crate::support::stderr(&rebuilt));
    assert!(
        out.contains("wechat  restored 1 file edited in the output since the last build: pages/index/index.wxml"),
        "{out}"
    );
    assert_eq!(read(&wxml), original);
    // Once restored, the next build has nothing to say.
    let quiet = crate::support::miniweave(&["build", ".", "--target", "wechat"], project.path());
    assert!(!crate::support::stdout(&quiet).contains("restored"));
}
