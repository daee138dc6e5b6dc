//! WeChat's built-in components: every tag a template may use without `usingComponents`.
//!
//! Sources (cite when changing): the component overview,
//! https://developers.weixin.qq.com/miniprogram/dev/component/ , and its per-tag pages
//! (https://developers.weixin.qq.com/miniprogram/dev/component/<tag>.html); the machine-read
//! list in wechat-miniprogram/glass-easel-analyzer-miniprogram `miniprogram-config.toml`
//! ("extracted from the WeChat docs"); Skyline's gesture handlers,
//! https://developers.weixin.qq.com/miniprogram/dev/framework/runtime/skyline/gesture.html ;
//! Skyline components in wechat-miniprogram/skyline-skills; WeChat Store components,
//! https://developers.weixin.qq.com/doc/store/shop/linkstore/miniprogram_connection/miniprogram_desc.md .

pub const WECHAT_BUILTINS: &[&str] = &[
    // view containers
    "cover-image",
    "cover-view",
    "match-media",
    "movable-area",
    "movable-view",
    "page-container",
    "root-portal",
    "scroll-view",
    "swiper",
    "swiper-item",
    "view",
    // basic content
    "icon",
    "progress",
    "rich-text",
    "selection",
    "text",
    // forms
    "button",
    "checkbox",
    "checkbox-group",
    "editor",
    "editor-portal",
    "form",
    "input",
    "keyboard-accessory",
    "label",
    "picker",
    "picker-view",
    "picker-view-column",
    "radio",
    "radio-group",
    "slider",
    "switch",
    "textarea",
    // Skyline
    "draggable-sheet",
    "grid-builder",
    "grid-view",
    "list-builder",
    "list-view",
    "nested-scroll-body",
    "nested-scroll-header",
    "open-container",
    "share-element",
    "snapshot",
    "span",
    "sticky-header",
    "sticky-section",
    "tap-gesture-handler",
    "double-tap-gesture-handler",
    "scale-gesture-handler",
    "force-press-gesture-handler",
    "pan-gesture-handler",
    "vertical-drag-gesture-handler",
    "horizontal-drag-gesture-handler",
    "long-press-gesture-handler",
    // navigation
    "functional-page-navigator",
    "navigator",
    // media
    "audio",
    "camera",
    "channel-live",
    "channel-video",
    "image",
    "live-player",
    "live-pusher",
    "video",
    "voip-room",
    // map and canvas
    "map",
    "canvas",
    // open capabilities
    "ad",
    "ad-custom",
    "official-account",
    "open-data",
    "store-coupon",
    "store-gift",
    "store-home",
    "store-product",
    "web-view",
    // page properties
    "navigation-bar",
    "page-meta",
];

/// Whether `tag` is a WeChat built-in. `xr-*` elements belong to WeChat's XR-FRAME
/// renderer (https://developers.weixin.qq.com/miniprogram/dev/component/xr-frame/overview/).
pub fn is_builtin(tag: &str) -> bool {
    WECHAT_BUILTINS.contains(&tag) || tag.starts_with("xr-")
}

/// WXML's own tags, which are language, not components.
pub const LANGUAGE_TAGS: &[&str] = &["block", "template", "import", "include", "slot", "wxs"];
