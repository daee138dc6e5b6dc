//! The judges themselves must be able to fail: each one rejects a broken file.

use std::fs;

use crate::support::{copy_dir, judge_output, run_validator, showcase};

fn broken_copy(target: &str, file: &str, break_it: impl Fn(String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&showcase().target(target), dir.path());
    let path = dir.path().join(file);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, break_it(text)).unwrap();
    dir
}

#[test]
fn the_wechat_judge_rejects_broken_wxml_wxss_and_config() {
    let wxml = broken_copy("wechat", "pages/index/index.wxml", |t| t.replace("</card>", ""));
    assert!(!judge_output("wechat", wxml.path()).0);
    let wxss = broken_copy("wechat", "app.wxss", |t| t + "\n* { color: red; }\n");
    assert!(!judge_output("wechat", wxss.path()).0);
    let json = broken_copy("wechat", "app.json", |t| t.replacen('{', "{\n  \"windw\": {},", 1));
    let (ok, report) = judge_output("wechat", json.path());
    assert!(!ok && report.contains("windw"), "{report}");
}

#[test]
fn the_alipay_judge_rejects_a_bad_expression() {
    let dir = broken_copy("alipay", "pages/me/me.axml", |t| t.replace("{{volume}}", "{{volume +}}"));
    assert!(!judge_output("alipay", dir.path()).0);
}

#[test]
fn the_weibo_judge_rejects_a_second_root() {
    let dir = broken_copy("weibo", "src/pages/me/me.vue", |t| {
        t.replacen("</view>\n</template>", "</view>\n<view>second root</view>\n</template>", 1)
    });
    let (ok, report) = judge_output("weibo", dir.path());
    assert!(!ok, "{report}");
}

#[test]
fn the_wechat_simulator_judge_rejects_an_event_that_bubbles_where_it_must_not() {
    let dir = broken_copy("wechat", "components/todo-item/todo-item.wxml", |t| t.replace("catchtap=", "bindtap="));
    let (ok, report) = run_validator("wechat/simulate.js", &[dir.path().as_os_str()]);
    assert!(!ok && report.contains("bubble"), "{report}");
}

#[test]
fn the_wechat_type_judge_rejects_a_wrong_api_option() {
    let dir = broken_copy("wechat", "app.js", |t| t + "\nwx.showToast({ title: 1 });\n");
    let (ok, report) = run_validator("wechat/types.js", &[dir.path().as_os_str()]);
    assert!(!ok && report.contains("app.js"), "{report}");
}

#[test]
fn the_weibo_vue_judge_catches_injected_mistakes() {
    let (ok, report) = run_validator("weibo/self-test.js", &[]);
    assert!(ok, "{report}");
}

#[test]
fn the_alipay_component_model_judge_fails_on_broken_copies() {
    let dir = showcase().target("alipay");
    let (ok, report) = run_validator("alipay/component-model.js", &[dir.as_os_str(), "--self-test".as_ref()]);
    assert!(ok, "{report}");
}

#[test]
fn the_alipay_type_judge_catches_injected_mistakes() {
    let dir = showcase().target("alipay");
    let (ok, report) = run_validator("alipay/types.js", &["--self-test".as_ref(), dir.as_os_str()]);
    assert!(ok, "{report}");
}
