//! The showcase on WeChat: accepted by WeChat's own compilers and schemas.

use crate::support::{files_under, judge, run_validator, showcase};

#[test]
fn wechat_output_passes_wcc_wcsc_and_the_config_schemas() {
    judge("wechat", &showcase().target("wechat"));
}

#[test]
fn wechat_output_has_every_unit_and_project_file() {
    let files = files_under(&showcase().target("wechat"));
    for page in [
        "pages/index/index",
        "pages/explore/explore",
        "pages/me/me",
        "pages/detail/detail",
        "packageA/pages/about/about",
        "packageA/pages/settings/settings",
    ] {
        for ext in ["wxml", "json", "js", "wxss"] {
            assert!(files.contains(&format!("{page}.{ext}")), "missing {page}.{ext} in {files:?}");
        }
    }
    for file in [
        "app.json",
        "app.js",
        "app.wxss",
        "project.config.json",
        "sitemap.json",
        "utils/format.wxs",
        "templates/tag.wxml",
        "assets/tab-todo.png",
    ] {
        assert!(files.contains(&file.to_string()), "missing {file}");
    }
}

#[test]
fn conditional_compilation_picks_the_wechat_branch_in_every_block() {
    let s = showcase();
    let index = s.file("wechat", "pages/index/index.wxml");
    assert!(
        index.contains("Running on WeChat")
            && !index.contains("Running on Alipay")
            && !index.contains("Running on Weibo")
    );
    assert!(!index.contains("#if"), "markers are removed:\n{index}");
    let app: serde_json::Value = serde_json::from_str(&s.file("wechat", "app.json")).unwrap();
    assert_eq!(app["window"]["navigationBarTitleText"], "Todos");
    let app_js = s.file("wechat", "app.js");
    assert!(app_js.contains("'wechat'") && !app_js.contains("'alipay'"), "{app_js}");
    let app_wxss = s.file("wechat", "app.wxss");
    assert!(app_wxss.contains("#1aad19") && !app_wxss.contains("#1677ff"), "{app_wxss}");
}

#[test]
fn components_say_component_true_and_the_project_file_names_the_app() {
    let s = showcase();
    let card: serde_json::Value =
        serde_json::from_str(&s.file("wechat", "components/empty-state/empty-state.json")).unwrap();
    assert_eq!(card, serde_json::json!({ "component": true }));
    let project: serde_json::Value = serde_json::from_str(&s.file("wechat", "project.config.json")).unwrap();
    assert_eq!(project["appid"], "wx0123456789abcdef");
    assert_eq!(project["compileType"], "miniprogram");
}

#[test]
fn typescript_is_stripped_and_a_template_only_unit_gets_a_constructor() {
    let s = showcase();
    let index = s.file("wechat", "pages/index/index.js");
    assert!(index.contains("Page({"), "{index}");
    assert!(!index.contains("<script"), "{index}");
}

#[test]
fn builds_are_byte_identical() {
    let first = showcase();
    let again = tempfile::tempdir().unwrap();
    miniweave::build(&miniweave::BuildOptions::new(&first.project).out_dir(again.path())).unwrap();
    for target in ["wechat", "alipay", "weibo"] {
        let files = files_under(&first.target(target));
        assert_eq!(files, files_under(&again.path().join(target)));
        // A source map's sourceRoot leads back from where the output is (another outDir
        // here), so maps are compared without it.
        let read = |path: std::path::PathBuf| {
            let bytes = std::fs::read(&path).unwrap();
            if !path.to_string_lossy().ends_with(".map") {
                return bytes;
            }
            let mut map: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
            map.as_object_mut().unwrap().remove("sourceRoot");
            serde_json::to_vec(&map).unwrap()
        };
        for f in files {
            assert_eq!(
                read(first.target(target).join(&f)),
                read(again.path().join(target).join(&f)),
                "{target}/{f} differs between builds"
            );
        }
    }
}

#[test]
fn components_render_and_talk_to_their_parents_in_wechats_simulator() {
    let dir = showcase().target("wechat");
    let (ok, report) = run_validator("wechat/simulate.js", &[dir.as_os_str()]);
    assert!(ok, "{report}");
}

#[test]
fn emitted_scripts_type_check_against_wechats_api_typings() {
    let dir = showcase().target("wechat");
    let (ok, report) = run_validator("wechat/types.js", &[dir.as_os_str()]);
    assert!(ok, "{report}");
    // The type judge itself catches the mistakes it is meant to catch.
    let (ok, report) = run_validator("wechat/types.js", &["--self-test".as_ref(), dir.as_os_str()]);
    assert!(ok, "{report}");
}
