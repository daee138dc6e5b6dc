//! The showcase written as native WeChat files compiles to the same WeChat output as the
//! `.mini` showcase.

use crate::support::{files_under, judge, showcase, showcase_native};

#[test]
fn native_and_mini_sources_emit_identical_wxml_and_json() {
    let mini = showcase().target("wechat");
    let native = showcase_native().target("wechat");
    let compared: Vec<String> = files_under(&mini)
        .into_iter()
        // project.config.json names each project (`projectname`), so it differs by design.
        .filter(|f| (f.ends_with(".wxml") || f.ends_with(".json")) && f != "project.config.json")
        .collect();
    assert!(compared.len() >= 20, "{compared:?}");
    let native_files = files_under(&native);
    for f in &compared {
        assert!(native_files.contains(f), "the native build lacks {f}");
        let a = std::fs::read_to_string(mini.join(f)).unwrap();
        let b = std::fs::read_to_string(native.join(f)).unwrap();
        assert_eq!(a, b, "{f} differs between the .mini and the native showcase");
    }
}

#[test]
fn the_native_project_keeps_its_app_id_and_passes_wechats_judges() {
    let native = showcase_native();
    let project: serde_json::Value = serde_json::from_str(&native.file("wechat", "project.config.json")).unwrap();
    assert_eq!(project["appid"], "wx0123456789abcdef");
    judge("wechat", &native.target("wechat"));
    judge("alipay", &native.target("alipay"));
    judge("weibo", &native.target("weibo"));
}
