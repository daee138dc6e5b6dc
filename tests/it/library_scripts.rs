//! Component scripts as component libraries ship them (issue 13): compiled from TypeScript,
//! ES modules that end with `export default` of what they registered.

use miniweave::Target;

use crate::support::{judge, project, try_build};

/// A component whose compiled script registers itself and exports the result by default,
/// in each of the forms compilers write.
fn library_component(script: &str) -> tempfile::TempDir {
    project(&[
        ("src/app.mini", "<config>{ \"pages\": [\"pages/index/index\"] }</config>\n<script>App({})</script>\n"),
        (
            "src/pages/index/index.mini",
            "<config>{ \"usingComponents\": { \"t-badge\": \"/components/badge/badge\" } }</config>\n\
             <template><view><t-badge count=\"{{ 3 }}\" /></view></template>\n<script>Page({})</script>\n",
        ),
        ("src/components/badge/badge.json", "{ \"component\": true }"),
        ("src/components/badge/badge.wxml", "<text class=\"badge\">{{ count }}</text>"),
        ("src/components/badge/badge.js", script),
    ])
}

#[test]
fn a_component_script_ending_in_export_default_gets_one_default_export_on_weibo() {
    for script in [
        "const Badge = Component({ properties: { count: Number } });\nexport default Badge;\n",
        "export default Component({ properties: { count: Number } });\n",
        "class Badge {}\nComponent({ properties: { count: Number } });\nexport default Badge;\n",
        "export default class Badge {}\nComponent({ properties: { count: Number } });\n",
        "const Badge = Component({ properties: { count: Number } });\nexport { Badge as default, Badge };\n",
    ] {
        let dir = library_component(script);
        let out = try_build(dir.path(), &Target::ALL).unwrap_or_else(|d| panic!("{script}: {d:?}"));
        let vue = std::fs::read_to_string(out.join("weibo/src/components/badge/badge.vue")).unwrap();
        assert_eq!(vue.matches("export default").count(), 1, "{script}\n{vue}");
        judge("weibo", &out.join("weibo"));
        judge("wechat", &out.join("wechat"));
        judge("alipay", &out.join("alipay"));
    }
}

#[test]
fn strings_beside_external_classes_that_are_not_class_names_stay_out_of_synthesised_expressions() {
    // A library's table of observed fields sits under `externalClasses`' neighbour keys in
    // compiled code; the array also holds a real external class, used with a run-time class.
    let dir = library_component(
        "Component({ externalClasses: ['t-class', 'prefixCls, transparent', '2col'], properties: { count: Number, \
         tone: String } })\n",
    );
    std::fs::write(
        dir.path().join("src/components/badge/badge.wxml"),
        "<text class=\"t-class badge badge--{{tone}}\">{{ count }}</text>",
    )
    .unwrap();
    let out = try_build(dir.path(), &Target::ALL).unwrap_or_else(|d| panic!("{d:?}"));
    let axml = std::fs::read_to_string(out.join("alipay/components/badge/badge.axml")).unwrap();
    assert!(axml.contains("{'t-class': tClass || ''}"), "{axml}");
    assert!(!axml.contains("prefixCls") && !axml.contains("2col"), "{axml}");
    judge("alipay", &out.join("alipay"));
    judge("weibo", &out.join("weibo"));
    judge("wechat", &out.join("wechat"));
}
