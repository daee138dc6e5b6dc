//! Existing WeChat code as it is (issue 9): what WeChat's own tools accept builds on every
//! target, with at most a located warning where WeChat only misbehaves at run time. One
//! minimal project per form found in real apps.

use crate::support::{build_all, judge, lines, native_page, read};

/// The one-line forms of the warnings with `code`.
fn warnings_with(warnings: &miniweave::Diagnostics, code: &str) -> Vec<String> {
    lines(warnings).into_iter().filter(|l| l.contains(&format!("[{code}]"))).collect()
}

#[test]
fn unknown_config_keys_are_warnings_and_the_rest_of_the_config_still_applies() {
    let dir = native_page(
        "<view>hi</view>\n",
        &[
            ("app.json", "{\n  \"pages\": [\"pages/index/index\"],\n  \"__lazyCodeLoadingChunk\": true\n}\n"),
            (
                "pages/index/index.json",
                "{\n  \"navigationBarTitletext\": \"Home\",\n  \"navigationBarTitleText\": \"Shop\"\n}\n",
            ),
        ],
    );
    let (out, warnings) = build_all(dir.path());
    let found = warnings_with(&warnings, "config::unknown-key");
    assert!(found.iter().any(|l| l.starts_with("app.json:3:3: warning")), "{found:?}");
    assert!(found.iter().any(|l| l.starts_with("pages/index/index.json:2:3: warning")), "{found:?}");
    // WeChat keeps what it may know better than our schema; Alipay gets the mapped title.
    assert!(read(out.join("wechat/app.json")).contains("__lazyCodeLoadingChunk"));
    assert!(read(out.join("alipay/pages/index/index.json")).contains("\"defaultTitle\": \"Shop\""));
    judge("alipay", &out.join("alipay"));
    judge("weibo", &out.join("weibo"));
}

#[test]
fn template_forms_wechat_tolerates_are_warnings_and_build_everywhere() {
    let wxml = r#"<import src="./nope.wxml"/>
<include src="/missing/inc.wxml"/>
<template is="nothing" data="{{a}}"/>
<view wx:for="{{list}}" wx:key="{{item.id}}" wx:show="{{shown}}">{{fmt(item.id)}}</view>
<view wx:for="{{list}}" wx:key="">{{item.id}}</view>
<p class="lead">para</p><i class="iconfont icon-a"></i><br/><cu-custom bgColor="red"><view>in</view></cu-custom>
<wxs module="fmt">module.exports = function (x) { return 'n' + x }</wxs>
"#;
    let dir = native_page(wxml, &[("pages/index/index.js", "Page({ data: { list: [{ id: 1 }] } })\n")]);
    let (out, warnings) = build_all(dir.path());
    let at = |code: &str| warnings_with(&warnings, code);
    assert_eq!(at("template::missing-file").len(), 2, "{:?}", lines(&warnings));
    assert!(at("template::unknown-template")[0].starts_with("pages/index/index.wxml:3:"), "{:?}", lines(&warnings));
    let keys = at("template::bad-key");
    assert!(keys.iter().any(|l| l.starts_with("pages/index/index.wxml:4:25: warning")), "{keys:?}");
    assert_eq!(keys.len(), 2, "{keys:?}");
    assert_eq!(at("template::unknown-directive").len(), 1);
    assert_eq!(at("template::unknown-tag").len(), 4, "{:?}", lines(&warnings));
    // WeChat gets the markup as written (wcc accepts it); the others the nearest built-ins.
    let wechat = read(out.join("wechat/pages/index/index.wxml"));
    assert!(wechat.contains("<p class=\"lead\">") && wechat.contains("<import src=\"./nope.wxml\"/>"), "{wechat}");
    let alipay = read(out.join("alipay/pages/index/index.axml"));
    assert!(alipay.contains("<text class=\"iconfont icon-a\"></text>"), "{alipay}");
    assert!(!alipay.contains("<p ") && !alipay.contains("<cu-custom") && !alipay.contains("nope.axml"), "{alipay}");
    assert!(!alipay.contains("wx:show") && !alipay.contains("a:key"), "{alipay}");
    let weibo = read(out.join("weibo/src/pages/index/index.vue"));
    assert!(!weibo.contains("<p ") && !weibo.contains("<cu-custom"), "{weibo}");
    for target in ["wechat", "alipay", "weibo"] {
        judge(target, &out.join(target));
    }
}
