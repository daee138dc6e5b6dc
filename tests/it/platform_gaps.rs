//! What a target cannot express is a compile error naming the target, the element and a
//! way out; what it ignores is a warning; folders and files are renamed where platforms
//! differ.

use miniweave::Target;

use crate::support::{files_under, lines, one_page, project, read, try_build};

#[test]
fn alipay_rejects_what_it_cannot_express_with_located_hints() {
    let page = "<template>\n  <view mut-bind:tap=\"a\">x</view>\n  <editor/>\n  <picker mode=\"date\"><view>d</view></picker>\n  <button open-type=\"contact\">c</button>\n</template>\n";
    let dir = one_page(page);
    let found = lines(&try_build(dir.path(), &[Target::Alipay]).unwrap_err());
    let expect = [
        "src/pages/index/index.mini:2:9: error[alipay::unsupported]: Alipay has no mutually exclusive binding (`mut-bind:tap`)",
        "src/pages/index/index.mini:3:4: error[alipay::unsupported]: Alipay has no <editor> component",
        "src/pages/index/index.mini:4:11: error[alipay::unsupported]: Alipay's <picker> has no mode \"date\": it only picks from a list",
        "src/pages/index/index.mini:5:11: error[alipay::unsupported]: Alipay's <button> has no open-type \"contact\"",
    ];
    for e in expect {
        assert!(found.iter().any(|f| f == e), "missing `{e}` in {found:#?}");
    }
    // The same page is fine on WeChat.
    try_build(dir.path(), &[Target::Wechat]).unwrap();
}

#[test]
fn a_gap_in_a_false_branch_is_no_error() {
    let page = "<template>\n  <!-- #if wechat -->\n  <editor/>\n  <!-- #endif -->\n  <!-- #if !alipay -->\n  <view mut-bind:tap=\"a\">x</view>\n  <!-- #else -->\n  <view bindtap=\"a\">x</view>\n  <!-- #endif -->\n  <view hover-class=\"on\" hover-class@alipay=\"none\">y</view>\n</template>\n";
    let dir = one_page(page);
    let out = try_build(dir.path(), &[Target::Alipay, Target::Wechat]).unwrap();
    let axml = read(out.join("alipay/pages/index/index.axml"));
    assert!(
        !axml.contains("editor") && axml.contains("onTap=\"a\"") && axml.contains("hover-class=\"none\""),
        "{axml}"
    );
    let wxml = read(out.join("wechat/pages/index/index.wxml"));
    assert!(
        wxml.contains("<editor/>") && wxml.contains("mut-bind:tap") && wxml.contains("hover-class=\"on\""),
        "{wxml}"
    );
}

#[test]
fn ignored_attributes_are_warnings() {
    let dir = one_page("<template>\n  <input cursor-spacing=\"20\" bindkeyboardheightchange=\"k\"/>\n</template>\n");
    let out = dir.path().join("out");
    let report =
        miniweave::build(&miniweave::BuildOptions::new(dir.path()).targets([Target::Alipay]).out_dir(&out)).unwrap();
    let warnings = lines(&report.warnings);
    assert!(
        warnings.iter().any(|w| w.starts_with("src/pages/index/index.mini:2:10: warning[alipay::ignored]")),
        "{warnings:#?}"
    );
    assert!(warnings.iter().any(|w| w.contains("never fires `keyboardheightchange`")), "{warnings:#?}");
    let axml = read(out.join("alipay/pages/index/index.axml"));
    assert_eq!(axml, "<input/>\n");
}

#[test]
fn custom_tab_bar_becomes_customize_tab_bar_on_alipay() {
    let dir = project(&[
        (
            "src/app.mini",
            "<config>{ \"pages\": [\"pages/index/index\"], \"tabBar\": { \"custom\": true, \"list\": [{ \"pagePath\": \"pages/index/index\", \"text\": \"Home\" }] } }</config>",
        ),
        ("src/pages/index/index.mini", "<template><view>home</view></template>"),
        ("src/custom-tab-bar/index.mini", "<template><view class=\"bar\">tabs</view></template>"),
    ]);
    let out = try_build(dir.path(), &[Target::Alipay, Target::Wechat]).unwrap();
    let alipay = files_under(&out.join("alipay"));
    assert!(alipay.contains(&"customize-tab-bar/index.axml".to_string()), "{alipay:?}");
    assert!(!alipay.iter().any(|f| f.starts_with("custom-tab-bar/")), "{alipay:?}");
    let app: serde_json::Value = serde_json::from_str(&read(out.join("alipay/app.json"))).unwrap();
    assert_eq!(app["tabBar"]["customize"], true);
    assert!(files_under(&out.join("wechat")).contains(&"custom-tab-bar/index.wxml".to_string()));
}

#[test]
fn for_and_if_on_one_element_keep_wechats_order_everywhere() {
    let dir = one_page(
        "<template>\n  <view wx:for=\"{{list}}\" wx:key=\"id\" wx:if=\"{{item.on}}\">{{item.name}}</view>\n</template>\n",
    );
    let out = try_build(dir.path(), &Target::ALL).unwrap();
    assert_eq!(
        read(out.join("wechat/pages/index/index.wxml")),
        "<view wx:for=\"{{list}}\" wx:key=\"id\" wx:if=\"{{item.on}}\">{{item.name}}</view>\n"
    );
    assert_eq!(
        read(out.join("alipay/pages/index/index.axml")),
        "<block a:for=\"{{list}}\" a:key=\"id\"><view a:if=\"{{item.on}}\">{{item.name}}</view></block>\n"
    );
    let vue = read(out.join("weibo/src/pages/index/index.vue"));
    assert!(
        vue.contains("<template v-for=\"(item, index) in list\"><view v-if=\"item.on\" :key=\"item.id\">"),
        "{vue}"
    );
}

#[test]
fn keyed_blocks_put_unique_keys_on_their_children_on_weibo() {
    let dir = one_page(
        "<template>\n  <block wx:for=\"{{rows}}\" wx:key=\"id\"><text>{{item.a}}</text><text>{{item.b}}</text></block>\n</template>\n",
    );
    let out = try_build(dir.path(), &[Target::Weibo]).unwrap();
    let vue = read(out.join("weibo/src/pages/index/index.vue"));
    assert!(vue.contains("<template v-for=\"(item, index) in rows\"><text :key=\"item.id + '_0'\">"), "{vue}");
    assert!(vue.contains("<text :key=\"item.id + '_1'\">"), "{vue}");
    crate::support::judge("weibo", &out.join("weibo"));
}

#[test]
fn file_variants_replace_their_base_file_on_one_target() {
    let dir = project(&[
        ("src/app.mini", "<config>{ \"pages\": [\"pages/index/index\"] }</config>"),
        (
            "src/pages/index/index.mini",
            "<template><view>everywhere</view></template><script>import { name } from '../../utils/env'\nPage({ data: { name } })</script>",
        ),
        (
            "src/pages/index/index.weibo.mini",
            "<template><view>only on weibo</view></template><script>import { name } from '../../utils/env'\nPage({ data: { name } })</script>",
        ),
        ("src/utils/env.js", "export const name = 'default'\n"),
        ("src/utils/env.alipay.js", "export const name = 'alipay'\n"),
    ]);
    let out = try_build(dir.path(), &Target::ALL).unwrap();
    assert!(read(out.join("wechat/pages/index/index.wxml")).contains("everywhere"));
    assert!(read(out.join("weibo/src/pages/index/index.vue")).contains("only on weibo"));
    assert!(read(out.join("alipay/utils/env.js")).contains("'alipay'"));
    assert!(read(out.join("wechat/utils/env.js")).contains("'default'"));
    assert!(!files_under(&out.join("wechat")).iter().any(|f| f.contains(".alipay.") || f.contains(".weibo.")));
}

#[test]
fn recursive_templates_cannot_be_expanded_for_weibo() {
    let page = "<template>\n  <template name=\"tree\"><view>{{name}}<template wx:for=\"{{children}}\" is=\"tree\" data=\"{{...item}}\"/></view></template>\n  <template is=\"tree\" data=\"{{...root}}\"/>\n</template>\n";
    let dir = one_page(page);
    try_build(dir.path(), &[Target::Wechat, Target::Alipay]).unwrap();
    let found = lines(&try_build(dir.path(), &[Target::Weibo]).unwrap_err());
    assert!(found.iter().any(|f| f.contains("error[template::recursive]") && f.contains("for Weibo")), "{found:#?}");
}

#[test]
fn static_rich_text_html_becomes_a_nodes_array_on_every_target() {
    let s = crate::support::showcase();
    let lead = "[{name: 'p', attrs: {class: 'about__lead'}, children: [{type: 'text', text: 'Write it '}";
    assert!(s.file("wechat", "packageA/pages/about/about.wxml").contains(&format!("nodes=\"{{{{{lead}")));
    assert!(s.file("alipay", "packageA/pages/about/about.axml").contains(&format!("nodes=\"{{{{{lead}")));
    assert!(s.file("weibo", "src/packageA/pages/about/about.vue").contains(&format!(":nodes=\"{lead}")));
}

#[test]
fn alipay_expands_templates_that_use_components_and_keeps_them_out_of_imported_files() {
    let s = crate::support::showcase();
    let explore = s.file("alipay", "pages/explore/explore.axml");
    assert!(explore.contains("<block a:for=\"{{[{message: 'No topics yet'}]}}\" a:for-item=\"__mwT0\""), "{explore}");
    assert!(explore.contains("<empty-state message=\"{{__mwT0.message}}\"/>"), "{explore}");
    assert!(!s.file("alipay", "templates/empty.axml").contains("<empty-state"));
    // WeChat keeps its native template call.
    assert!(
        s.file("wechat", "pages/explore/explore.wxml")
            .contains("<template wx:if=\"{{topics.length === 0}}\" is=\"empty-hint\"")
    );
}

#[test]
fn static_attributes_of_typed_properties_mean_what_wechat_converts_them_to() {
    let dir = project(&[
        ("src/app.mini", "<config>{ \"pages\": [\"pages/index/index\"] }</config>"),
        (
            "src/pages/index/index.mini",
            "<config>{ \"usingComponents\": { \"counter\": \"/components/counter/counter\" } }</config>\n<template>\n  <counter start=\"3\" step-size=\"0.5\" compact=\"false\" hidden-zero=\"\" label=\"7\" wide/>\n</template>\n",
        ),
        (
            "src/components/counter/counter.mini",
            "<template><view>{{label}} {{start}}</view></template>\n<script>\nComponent({\n  properties: {\n    start: Number,\n    stepSize: { type: Number, value: 1 },\n    compact: Boolean,\n    hiddenZero: { type: Boolean },\n    label: String,\n    wide: Boolean,\n  },\n})\n</script>\n",
        ),
    ]);
    let out = try_build(dir.path(), &Target::ALL).unwrap();
    let axml = read(out.join("alipay/pages/index/index.axml"));
    assert!(
        axml.contains(
            "start=\"{{3}}\" stepSize=\"{{0.5}}\" compact=\"{{true}}\" hiddenZero=\"{{false}}\" label=\"7\" wide=\"{{true}}\""
        ),
        "{axml}"
    );
    let vue = read(out.join("weibo/src/pages/index/index.vue"));
    assert!(
        vue.contains(
            ":start=\"3\" :step-size=\"0.5\" :compact=\"true\" :hidden-zero=\"false\" label=\"7\" :wide=\"true\""
        ),
        "{vue}"
    );
    // WeChat converts them itself.
    let wxml = read(out.join("wechat/pages/index/index.wxml"));
    assert!(wxml.contains("start=\"3\" step-size=\"0.5\" compact=\"false\""), "{wxml}");
}

#[test]
fn typed_attributes_inside_a_page_local_template_are_typed_too() {
    // Alipay keeps a page's own `<template name>` as a template (only imported ones that use
    // components are expanded), so its body must be typed where it stands.
    let dir = project(&[
        ("src/app.mini", "<config>{ \"pages\": [\"pages/index/index\"] }</config>"),
        (
            "src/pages/index/index.mini",
            "<config>{ \"usingComponents\": { \"counter\": \"/components/counter/counter\" } }</config>\n<template>\n  <template name=\"row\"><counter start=\"3\"/></template>\n  <template is=\"row\"/>\n</template>\n",
        ),
        (
            "src/components/counter/counter.mini",
            "<template><view>{{start}}</view></template>\n<script>\nComponent({ properties: { start: Number } })\n</script>\n",
        ),
    ]);
    let out = try_build(dir.path(), &[Target::Alipay, Target::Weibo]).unwrap();
    let axml = read(out.join("alipay/pages/index/index.axml"));
    assert!(axml.contains("<template name=\"row\"><counter start=\"{{3}}\""), "{axml}");
    let vue = read(out.join("weibo/src/pages/index/index.vue"));
    assert!(vue.contains(":start=\"3\""), "{vue}");
}

#[test]
fn what_the_runtimes_cannot_map_is_an_error_or_a_warning_at_the_source() {
    let dir = project(&[
        ("src/app.mini", "<config>{ \"pages\": [\"pages/index/index\"] }</config>"),
        (
            "src/pages/index/index.mini",
            "<config>{ \"usingComponents\": { \"chip\": \"/components/chip/chip\" } }</config>\n<template>\n  <wxs module=\"drag\">module.exports = { move: function (e) {} }</wxs>\n  <view bindtouchmove=\"{{drag.move}}\">x</view>\n  <chip bindtap=\"onChip\"/>\n</template>\n<script>\nComponent({ methods: { onChip() {} } })\n</script>\n",
        ),
        ("src/components/chip/chip.mini", "<template><view>chip</view></template>"),
    ]);
    for target in [Target::Alipay, Target::Weibo] {
        let found = lines(&try_build(dir.path(), &[target]).unwrap_err());
        let name = if target == Target::Alipay { "Alipay" } else { "Weibo" };
        let e = format!(
            "src/pages/index/index.mini:4:9: error[template::view-script-handler]: {name} cannot run a view-script function as an event handler (`bindtouchmove`)"
        );
        assert!(found.contains(&e), "missing `{e}` in {found:#?}");
        // A page built with Component() is mapped by the runtime (rt.pageOptions).
        assert!(!found.iter().any(|f| f.contains("Component()")), "{found:#?}");
    }
    // WeChat has all of it.
    try_build(dir.path(), &[Target::Wechat]).unwrap();
    // A touch event on a component's tag is a prop on Alipay: a warning.
    let tap = project(&[
        ("src/app.mini", "<config>{ \"pages\": [\"pages/index/index\"] }</config>"),
        (
            "src/pages/index/index.mini",
            "<config>{ \"usingComponents\": { \"chip\": \"/components/chip/chip\" } }</config>\n<template>\n  <chip bindtap=\"onChip\"/>\n</template>\n<script>\nPage({ onChip() {} })\n</script>\n",
        ),
        ("src/components/chip/chip.mini", "<template><view>chip</view></template>"),
    ]);
    let out = tap.path().join("dist");
    let report =
        miniweave::build(&miniweave::BuildOptions::new(tap.path()).targets([Target::Alipay]).out_dir(&out)).unwrap();
    let warnings = lines(&report.warnings);
    assert!(
        warnings.iter().any(|w| w.starts_with("src/pages/index/index.mini:3:9: warning[alipay::component-touch]")),
        "{warnings:#?}"
    );
}
