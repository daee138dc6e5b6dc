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
