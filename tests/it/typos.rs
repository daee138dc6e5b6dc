//! The typos WeChat developers make (issue 10 item 5), as located warnings with a "did you
//! mean": WeChat compiles each of them and misbehaves only when the page runs. Each test
//! also shows the forms next to the typo that must stay silent.

use crate::support::{build_all, lines, native_page};

/// The one-line forms of the warnings with `code`, and the help of the first.
fn with_code(warnings: &miniweave::Diagnostics, code: &str) -> (Vec<String>, String) {
    let found: Vec<_> = warnings.iter().filter(|d| d.code == code).collect();
    let help = found.first().and_then(|d| d.help.clone()).unwrap_or_default();
    (found.iter().map(|d| d.to_string()).collect(), help)
}

#[test]
fn a_missing_image_file_is_a_warning_with_the_near_file() {
    let wxml = r#"<image src="/assets/logo2.png"/>
<image src="/assets/logo.png"/><image src="../../assets/logo.png?v=2"/>
<cover-image src="./pic.png"></cover-image>
<image src="{{url}}"/><image src="https://example.com/a.png"/><image src="cloud://env/a.png"/>
<image src="data:image/png;base64,AAAA"/><video src="//cdn.example.com/v.mp4"></video>
"#;
    let dir = native_page(wxml, &[("assets/logo.png", "png"), ("pages/index/pic.png", "png")]);
    let (_, warnings) = build_all(dir.path());
    let (found, help) = with_code(&warnings, "template::missing-asset");
    assert_eq!(found.len(), 1, "{:?}", lines(&warnings));
    assert!(found[0].starts_with("pages/index/index.wxml:1:13: warning"), "{found:?}");
    assert!(help.contains("did you mean `/assets/logo.png`?"), "{help}");
}

#[test]
fn a_missing_relative_video_is_named_as_written() {
    let dir = native_page(r#"<video src="../../media/clip.mp"></video>"#, &[("media/clip.mp4", "mp4")]);
    let (_, warnings) = build_all(dir.path());
    let (found, help) = with_code(&warnings, "template::missing-asset");
    assert_eq!(found.len(), 1, "{:?}", lines(&warnings));
    // `.mp` has no file of its kind: no suggestion rather than a wrong one.
    assert!(!help.contains("did you mean"), "{help}");
}

#[test]
fn a_handler_the_page_does_not_define_is_a_warning_with_the_near_method() {
    let wxml = r#"<view bindtap="onTapp">a</view>
<view bind:tap="onTap" catchlongpress="later" bindtouchstart="{{dynamic}}">b</view>
<button bindtap="submitForm">c</button>
"#;
    let script = "Page({\n  data: {},\n  onTap() {},\n  onLoad() { this.later = () => {} },\n})\n";
    let dir = native_page(wxml, &[("pages/index/index.js", script)]);
    let (_, warnings) = build_all(dir.path());
    let (found, help) = with_code(&warnings, "template::unknown-handler");
    assert_eq!(found.len(), 2, "{:?}", lines(&warnings));
    assert!(found[0].starts_with("pages/index/index.wxml:1:16: warning"), "{found:?}");
    assert!(help.contains("did you mean `onTap`?"), "{help}");
    assert!(found[1].contains("`submitForm`"), "{found:?}");
}

#[test]
fn handlers_are_not_checked_where_methods_may_come_from_elsewhere() {
    let wxml = r#"<view bindtap="fromBehavior">a</view>"#;
    for (script, app) in [
        ("Component({ behaviors: [require('./b')], methods: {} })\n", "App({})\n"),
        ("Page({ ...require('./b') })\n", "App({})\n"),
        ("Page({ onLoad() {} })\n", "const page = Page\nPage = (o) => page({ ...o, fromBehavior() {} })\nApp({})\n"),
    ] {
        let dir = native_page(
            wxml,
            &[("pages/index/index.js", script), ("pages/index/b.js", "module.exports = {}\n"), ("app.js", app)],
        );
        let (_, warnings) = build_all(dir.path());
        assert!(with_code(&warnings, "template::unknown-handler").0.is_empty(), "{script}: {:?}", lines(&warnings));
    }
}

#[test]
fn a_component_handler_is_looked_up_in_its_methods() {
    let dir = crate::support::project(&[
        ("app.json", "{ \"pages\": [\"pages/index/index\"] }"),
        ("app.js", "App({})\n"),
        ("pages/index/index.json", "{ \"usingComponents\": { \"card\": \"/components/card/card\" } }"),
        ("pages/index/index.wxml", "<card/>\n"),
        ("pages/index/index.js", "Page({})\n"),
        ("components/card/card.json", "{ \"component\": true }"),
        ("components/card/card.wxml", "<view bindtap=\"onClick\">x</view><view bindtap=\"onClik\">y</view>\n"),
        ("components/card/card.js", "Component({ methods: { onClick() {} } })\n"),
    ]);
    let (_, warnings) = build_all(dir.path());
    let (found, help) = with_code(&warnings, "template::unknown-handler");
    assert_eq!(found.len(), 1, "{:?}", lines(&warnings));
    assert!(found[0].starts_with("components/card/card.wxml:1:48: warning"), "{found:?}");
    assert!(help.contains("did you mean `onClick`?"), "{help}");
}

#[test]
fn misspelt_attributes_and_events_of_built_ins_are_warnings_with_the_near_name() {
    let wxml = r#"<view clss="a" bindtpa="go">x</view>
<image scr="/a.png" mode="aspectFit" lazy-load showMenuByLongpress data-x="1" aria-label="pic"/>
<view class="b" hover-class="h" bind:tap="go" catch:longpress="go" bindmyevent="go" worklet:ongesture="g">y</view>
<scroll-view scroll-y bindscrolltolower="go" bind:scrolltoupper="go" enhanced>z</scroll-view>
<picker mode="selector" range="{{list}}" range-key="name" bindchange="go">p</picker>
<view catch:tpa="go">w</view>
"#;
    let dir = native_page(wxml, &[("pages/index/index.js", "Page({ go() {}, g() {} })\n"), ("a.png", "png")]);
    let (_, warnings) = build_all(dir.path());
    let (attrs, attr_help) = with_code(&warnings, "template::unknown-attribute");
    assert_eq!(attrs.len(), 2, "{:?}", lines(&warnings));
    assert!(attrs[0].starts_with("pages/index/index.wxml:1:7: warning"), "{attrs:?}");
    assert!(attr_help.contains("did you mean `class`?"), "{attr_help}");
    assert!(attrs[1].starts_with("pages/index/index.wxml:2:8: warning") && attrs[1].contains("`scr`"), "{attrs:?}");
    let (events, event_help) = with_code(&warnings, "template::unknown-event");
    assert_eq!(events.len(), 2, "{:?}", lines(&warnings));
    assert!(events[0].starts_with("pages/index/index.wxml:1:16: warning"), "{events:?}");
    assert!(event_help.contains("did you mean `bindtap`?"), "{event_help}");
    assert!(events[1].contains("`catch:tpa`"), "{events:?}");
}

/// A page using `components/card/card`, whose script is `card_js`.
fn page_with_card(page_wxml: &str, card_js: &str) -> tempfile::TempDir {
    crate::support::project(&[
        ("app.json", "{ \"pages\": [\"pages/index/index\"] }"),
        ("app.js", "App({})\n"),
        ("pages/index/index.json", "{ \"usingComponents\": { \"card\": \"/components/card/card\" } }"),
        ("pages/index/index.wxml", page_wxml),
        ("pages/index/index.js", "Page({})\n"),
        ("components/card/card.json", "{ \"component\": true }"),
        ("components/card/card.wxml", "<view>{{title}}</view>\n"),
        ("components/card/card.js", card_js),
    ])
}

#[test]
fn an_undeclared_property_of_a_project_component_is_a_warning_with_the_near_property() {
    let wxml = r#"<card titel="a" title="b" show-footr class="c" id="d" data-x="1" custom-class="e" showFooter extra="f"/>
"#;
    let card = "Component({ externalClasses: ['custom-class'], properties: { title: String, showFooter: Boolean } })\n";
    let dir = page_with_card(wxml, card);
    let (_, warnings) = build_all(dir.path());
    let (found, help) = with_code(&warnings, "template::unknown-property");
    assert_eq!(found.len(), 2, "{:?}", lines(&warnings));
    assert!(found[0].starts_with("pages/index/index.wxml:1:7: warning"), "{found:?}");
    assert!(help.contains("did you mean `title`?"), "{help}");
    assert!(found[1].contains("`show-footr`"), "{found:?}");
    // Properties a behaviour may add are not checked.
    let dir = page_with_card(wxml, "Component({ behaviors: [require('./b')], properties: { title: String } })\n");
    std::fs::write(dir.path().join("components/card/b.js"), "module.exports = Behavior({})\n").unwrap();
    let (_, warnings) = build_all(dir.path());
    assert!(with_code(&warnings, "template::unknown-property").0.is_empty(), "{:?}", lines(&warnings));
}

#[test]
fn a_list_without_wx_key_is_a_warning_once_per_loop() {
    let wxml = r#"<view wx:for="{{list}}">{{item.name}}</view>
<view wx:for="{{list}}" wx:key="id">{{item.name}}</view>
<view wx:for="{{words}}" wx:key="*this">{{item}}</view>
<view wx:for="{{list}}" wx:key="">{{item.name}}</view>
<block wx:for="{{list}}" wx:for-item="row"><text>{{row.name}}</text></block>
"#;
    let dir = native_page(wxml, &[]);
    let (_, warnings) = build_all(dir.path());
    let (found, help) = with_code(&warnings, "template::missing-key");
    assert_eq!(found.len(), 2, "{:?}", lines(&warnings));
    assert!(found[0].starts_with("pages/index/index.wxml:1:7: warning"), "{found:?}");
    assert!(found[1].starts_with("pages/index/index.wxml:5:8: warning"), "{found:?}");
    assert!(help.contains("wx:key=\"*this\""), "{help}");
}

#[test]
fn misspelt_css_properties_and_units_are_warnings_with_the_near_name() {
    let wxss = ".a {\n  paddng: 3px;\n  margin: 3xp 10rpx;\n  width: calc(100% - 2rxp);\n}\n\
                .b { padding: 10rpx; -webkit-box-orient: vertical; --gap: 4px; grid-row-gap: 2px; line-height: 1.5; }\n\
                @media (min-width: 300px) { .c { colr: red; } }\n";
    let dir = native_page("<view class=\"a b c\">x</view>\n", &[("pages/index/index.wxss", wxss)]);
    let (_, warnings) = build_all(dir.path());
    let (properties, property_help) = with_code(&warnings, "style::unknown-property");
    assert_eq!(properties.len(), 2, "{:?}", lines(&warnings));
    assert!(properties[0].starts_with("pages/index/index.wxss:2:3: warning"), "{properties:?}");
    assert!(property_help.contains("did you mean `padding`?"), "{property_help}");
    assert!(properties[1].starts_with("pages/index/index.wxss:7:34: warning"), "{properties:?}");
    let (units, unit_help) = with_code(&warnings, "style::unknown-unit");
    assert_eq!(units.len(), 2, "{:?}", lines(&warnings));
    assert!(units[0].starts_with("pages/index/index.wxss:3:12: warning"), "{units:?}");
    assert!(unit_help.contains("did you mean `px`?"), "{unit_help}");
    assert!(units[1].starts_with("pages/index/index.wxss:4:23: warning"), "{units:?}");
}

#[test]
fn a_page_component_or_module_path_with_a_near_match_says_which() {
    let dir = crate::support::project(&[
        ("app.json", "{ \"pages\": [\"pages/index/index\", \"pages/indx/index\"] }"),
        ("app.js", "App({})\n"),
        ("pages/index/index.json", "{ \"usingComponents\": { \"card\": \"/components/crad/card\" } }"),
        ("pages/index/index.wxml", "<card/>"),
        ("pages/index/index.js", "const { f } = require('../../utlis/format');\nPage({})\n"),
        ("components/card/card.json", "{ \"component\": true }"),
        ("components/card/card.wxml", "<view/>"),
        ("components/card/card.js", "Component({})\n"),
        ("utils/format.js", "module.exports = { f: 1 };\n"),
    ]);
    let errors = crate::support::try_build(dir.path(), &[miniweave::Target::Wechat]).unwrap_err();
    let help_of =
        |code: &str| errors.iter().filter(|d| d.code == code).filter_map(|d| d.help.clone()).collect::<Vec<_>>();
    let units = help_of("project::missing-unit");
    assert!(units.iter().any(|h| h.starts_with("did you mean `pages/index/index`?")), "{units:?}");
    assert!(units.iter().any(|h| h.starts_with("did you mean `components/card/card`?")), "{units:?}");
    let modules = help_of("script::unresolved");
    assert!(modules.iter().any(|h| h.starts_with("did you mean the module `utils/format`?")), "{modules:?}");
}

#[test]
fn an_import_cycle_used_while_loading_is_a_warning_naming_the_cycle() {
    let dir = native_page(
        "<view/>",
        &[
            ("utils/a.js", "import { b } from './b';\nexport const a = 1;\nexport const twice = b * 2;\n"),
            (
                "utils/b.js",
                "import { a } from './a';\nexport const b = 2;\nexport function plusA() { return a + 1; }\n",
            ),
            ("utils/c.js", "import { d } from './d';\nexport function c() { return d(); }\n"),
            ("utils/d.js", "import { c } from './c';\nexport function d() { return c; }\n"),
            (
                "pages/index/index.js",
                "import { twice } from '../../utils/a';\nimport { c } from '../../utils/c';\nPage({ data: { twice, c: c.name } })\n",
            ),
        ],
    );
    let (_, warnings) = build_all(dir.path());
    let (found, help) = with_code(&warnings, "script::import-cycle");
    // a uses b's export while loading; b uses a's only in a function; c and d only in functions.
    assert_eq!(found.len(), 1, "{:?}", lines(&warnings));
    assert!(
        found[0].starts_with(
            "utils/a.js:1:19: warning[script::import-cycle]: import cycle utils/a.js → utils/b.js → utils/a.js"
        ),
        "{found:?}"
    );
    assert!(help.contains("move the use into a function"), "{help}");
}
