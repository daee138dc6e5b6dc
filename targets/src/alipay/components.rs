//! How WeChat's built-in components differ on Alipay: which exist, and which attributes and
//! events are renamed, dropped (Alipay ignores them: a warning) or impossible (an error).
//!
//! Sources: PLATFORMS.md §2.3 (events) and §3 (components), from MPX
//! `platform/template/wx/component-config/*.js`, uni-app `uni-mp-alipay`, and Alipay's own
//! component docs (AlipayDocs/open-docs `mini/component/组件概览.md` and
//! `mini/component/基础组件/**`).

/// WeChat built-ins with no Alipay counterpart, with a hint where there is a near one.
pub const MISSING: &[(&str, &str)] = &[
    ("selection", ""),
    ("editor", ""),
    ("editor-portal", ""),
    ("keyboard-accessory", ""),
    ("functional-page-navigator", ""),
    ("audio", "Alipay plays audio through my.createInnerAudioContext"),
    ("channel-live", ""),
    ("channel-video", ""),
    ("live-player", ""),
    ("live-pusher", ""),
    ("voip-room", ""),
    ("ad", ""),
    ("ad-custom", ""),
    ("official-account", "Alipay's nearest is <lifestyle public-id=\"…\">"),
    (
        "open-data",
        "Alipay reads user info through <button open-type=\"getAuthorize\" scope=\"userInfo\"> and my.getOpenUserInfo",
    ),
    ("store-coupon", ""),
    ("store-gift", ""),
    ("store-home", ""),
    ("store-product", ""),
    ("navigation-bar", "Alipay sets the title bar with my.setNavigationBar"),
    ("draggable-sheet", ""),
    ("grid-builder", ""),
    ("grid-view", ""),
    ("list-builder", ""),
    ("list-view", ""),
    ("nested-scroll-body", ""),
    ("nested-scroll-header", ""),
    ("open-container", ""),
    ("snapshot", ""),
    ("span", ""),
    ("sticky-header", ""),
    ("sticky-section", ""),
    ("tap-gesture-handler", ""),
    ("double-tap-gesture-handler", ""),
    ("scale-gesture-handler", ""),
    ("force-press-gesture-handler", ""),
    ("pan-gesture-handler", ""),
    ("vertical-drag-gesture-handler", ""),
    ("horizontal-drag-gesture-handler", ""),
    ("long-press-gesture-handler", ""),
];

/// Per component: attribute renames, attributes Alipay ignores, event renames, and events
/// Alipay never fires.
pub struct Rules {
    pub tag: &'static str,
    pub renamed_attrs: &'static [(&'static str, &'static str)],
    pub dropped_attrs: &'static [&'static str],
    pub renamed_events: &'static [(&'static str, &'static str)],
    pub dropped_events: &'static [&'static str],
}

pub const RULES: &[Rules] = &[
    Rules {
        tag: "canvas",
        renamed_attrs: &[("canvas-id", "id")],
        dropped_attrs: &[],
        renamed_events: &[],
        dropped_events: &[],
    },
    Rules {
        tag: "slider",
        renamed_attrs: &[
            ("color", "background-color"),
            ("selected-color", "active-color"),
            ("activeColor", "active-color"),
            ("backgroundColor", "background-color"),
            ("block-size", "handle-size"),
            ("block-color", "handle-color"),
        ],
        dropped_attrs: &[],
        renamed_events: &[],
        dropped_events: &[],
    },
    Rules {
        tag: "map",
        renamed_attrs: &[("polygons", "polygon")],
        dropped_attrs: &[
            "min-scale",
            "max-scale",
            "covers",
            "subkey",
            "layer-style",
            "rotate",
            "skew",
            "enable-3D",
            "enable-rotate",
            "enable-overlooking",
            "enable-satellite",
            "enable-traffic",
            "enable-poi",
            "enable-building",
        ],
        renamed_events: &[
            ("markertap", "markerTap"),
            ("callouttap", "calloutTap"),
            ("controltap", "controlTap"),
            ("regionchange", "regionChange"),
        ],
        dropped_events: &[],
    },
    Rules {
        tag: "button",
        renamed_attrs: &[],
        dropped_attrs: &[
            "lang",
            "session-from",
            "send-message-title",
            "send-message-path",
            "send-message-img",
            "show-message-card",
            "app-parameter",
            "phone-number-no-quota-toast",
        ],
        renamed_events: &[("getphonenumber", "getPhoneNumber"), ("getuserinfo", "getUserInfo")],
        dropped_events: &[
            "contact",
            "opensetting",
            "launchapp",
            "chooseavatar",
            "agreeprivacyauthorization",
            "getrealtimephonenumber",
            "createliveactivity",
        ],
    },
    Rules {
        tag: "picker",
        renamed_attrs: &[],
        dropped_attrs: &["header-text", "start", "end", "fields", "custom-item", "level"],
        renamed_events: &[],
        dropped_events: &["cancel", "columnchange"],
    },
    Rules {
        tag: "picker-view",
        renamed_attrs: &[],
        dropped_attrs: &["immediate-change"],
        renamed_events: &[("pickstart", "pickerStart"), ("pickend", "pickerEnd")],
        dropped_events: &[],
    },
    Rules {
        tag: "scroll-view",
        renamed_attrs: &[],
        dropped_attrs: &[
            "refresher-enabled",
            "refresher-threshold",
            "refresher-default-style",
            "refresher-background",
            "refresher-triggered",
            "enhanced",
            "bounces",
            "show-scrollbar",
            "paging-enabled",
            "fast-deceleration",
            "enable-flex",
            "scroll-anchoring",
            "enable-passive",
            "type",
            "reverse",
            "clip",
            "cache-extent",
            "min-drag-distance",
        ],
        renamed_events: &[("scrolltoupper", "scrollToUpper"), ("scrolltolower", "scrollToLower")],
        dropped_events: &[
            "dragstart",
            "dragging",
            "dragend",
            "refresherpulling",
            "refresherrefresh",
            "refresherrestore",
            "refresherabort",
            "scrollstart",
            "scrollend",
        ],
    },
    Rules {
        tag: "swiper",
        renamed_attrs: &[],
        dropped_attrs: &["skip-hidden-item-layout", "layout-type", "transformer-type", "indicator-type"],
        renamed_events: &[("animationfinish", "animationEnd")],
        dropped_events: &[],
    },
    Rules {
        tag: "input",
        renamed_attrs: &[],
        dropped_attrs: &[
            "cursor-spacing",
            "adjust-position",
            "hold-keyboard",
            "safe-password-cert-path",
            "safe-password-length",
            "safe-password-time-stamp",
            "safe-password-nonce",
            "safe-password-salt",
            "safe-password-custom-hash",
            "auto-fill",
            "cursor-color",
            "always-embed",
        ],
        renamed_events: &[],
        dropped_events: &[
            "keyboardheightchange",
            "nicknamereview",
            "selectionchange",
            "keyboardcompositionstart",
            "keyboardcompositionupdate",
            "keyboardcompositionend",
            "change",
        ],
    },
    Rules {
        tag: "textarea",
        renamed_attrs: &[],
        dropped_attrs: &[
            "fixed",
            "cursor-spacing",
            "show-confirm-bar",
            "selection-start",
            "selection-end",
            "adjust-position",
            "hold-keyboard",
            "disable-default-padding",
            "adjust-keyboard-to",
        ],
        renamed_events: &[],
        dropped_events: &[
            "linechange",
            "keyboardheightchange",
            "selectionchange",
            "keyboardcompositionstart",
            "keyboardcompositionupdate",
            "keyboardcompositionend",
        ],
    },
    Rules {
        tag: "image",
        renamed_attrs: &[],
        dropped_attrs: &["show-menu-by-longpress", "webp", "fade-in"],
        renamed_events: &[],
        dropped_events: &[],
    },
    Rules {
        tag: "navigator",
        renamed_attrs: &[],
        dropped_attrs: &["target", "app-id", "path", "extra-data", "version", "short-link", "delta"],
        renamed_events: &[],
        dropped_events: &["success", "fail", "complete"],
    },
    Rules {
        tag: "movable-view",
        renamed_attrs: &[],
        dropped_attrs: &[],
        renamed_events: &[("changeend", "changeEnd")],
        dropped_events: &["htouchmove", "vtouchmove"],
    },
    Rules {
        tag: "video",
        renamed_attrs: &[],
        dropped_attrs: &[
            "danmu-list",
            "danmu-btn",
            "enable-danmu",
            "page-gesture",
            "vslide-gesture",
            "vslide-gesture-in-fullscreen",
            "show-casting-button",
            "picture-in-picture-mode",
            "enable-auto-rotation",
            "show-screen-lock-button",
            "show-snapshot-button",
            "show-background-playback-button",
            "background-poster",
            "referrer-policy",
            "is-drm",
            "provision-url",
            "certificate-url",
            "license-url",
        ],
        renamed_events: &[
            ("timeupdate", "timeUpdate"),
            ("waiting", "loading"),
            ("fullscreenchange", "fullScreenChange"),
            ("loadedmetadata", "renderStart"),
        ],
        dropped_events: &[
            "progress",
            "controlstoggle",
            "seekcomplete",
            "enterpictureinpicture",
            "leavepictureinpicture",
            "castinguserselect",
            "castingstatechange",
            "castinginterrupt",
        ],
    },
    Rules {
        tag: "rich-text",
        renamed_attrs: &[],
        dropped_attrs: &["space", "user-select"],
        renamed_events: &[],
        dropped_events: &[],
    },
    Rules {
        tag: "text",
        renamed_attrs: &[],
        dropped_attrs: &["space", "user-select"],
        renamed_events: &[],
        dropped_events: &[],
    },
    Rules {
        tag: "form",
        renamed_attrs: &[],
        dropped_attrs: &["report-submit-timeout"],
        renamed_events: &[],
        dropped_events: &["submitToGroup"],
    },
];

/// Event names shared by every component (PLATFORMS.md §2.3): Alipay spells them in camel
/// case.
pub const COMMON_EVENTS: &[(&str, &str)] = &[
    ("longpress", "longTap"),
    ("longtap", "longTap"),
    ("touchstart", "touchStart"),
    ("touchmove", "touchMove"),
    ("touchend", "touchEnd"),
    ("touchcancel", "touchCancel"),
    ("transitionend", "transitionEnd"),
    ("animationstart", "animationStart"),
    ("animationiteration", "animationIteration"),
    ("animationend", "animationEnd"),
];

/// Events no Alipay component fires.
pub const NEVER_FIRED: &[&str] = &["touchforcechange"];

/// `open-type` values of `<button>` and their Alipay form: open type and `scope`
/// (PLATFORMS.md §3.2; Alipay's button doc, `表单组件/button 按钮.md`).
pub fn button_open_type(value: &str) -> Result<(&'static str, Option<&'static str>), &'static str> {
    match value {
        "share" => Ok(("share", None)),
        // Alipay's own values, written in an `#if alipay` branch or `open-type@alipay`, pass.
        "getAuthorize" => Ok(("getAuthorize", None)),
        "contactShare" => Ok(("contactShare", None)),
        "lifestyle" => Ok(("lifestyle", None)),
        "getPhoneNumber" => Ok(("getAuthorize", Some("phoneNumber"))),
        "getUserInfo" => Ok(("getAuthorize", Some("userInfo"))),
        "contact" => Err("use Alipay's <contact-button> in an #if alipay branch"),
        _ => Err("Alipay's button open types are share, getAuthorize, contactShare and lifestyle"),
    }
}

pub fn rules(tag: &str) -> Option<&'static Rules> {
    RULES.iter().find(|r| r.tag == tag)
}

pub fn missing(tag: &str) -> Option<&'static str> {
    if tag.starts_with("xr-") {
        return Some("");
    }
    MISSING.iter().find(|(t, _)| *t == tag).map(|(_, hint)| *hint)
}
