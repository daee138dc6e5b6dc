//! `miniweave upload` and `miniweave preview`: the WeChat output handed to miniprogram-ci.
//! Uploading needs WeChat's server, a real app id and a whitelisted IP, so these tests stop at
//! `--dry-run`, where miniprogram-ci (the copy tests/validators installs) reads and checks the
//! output offline; what happens before that (settings, messages) is the same.

use std::path::Path;

use crate::support::{miniweave, one_page, repo, stderr, stdout};

fn with_miniprogram_ci(project: &Path) {
    let installed = repo().join("tests/validators/node_modules");
    assert!(installed.join("miniprogram-ci").is_dir(), "run scripts/test.sh: it installs tests/validators");
    #[cfg(unix)]
    std::os::unix::fs::symlink(installed, project.join("node_modules")).unwrap();
}

#[test]
fn a_dry_run_hands_the_release_output_to_miniprogram_ci_with_settings_from_miniweave_json() {
    let dir = one_page("<template><view>hi</view></template>");
    let root = dir.path();
    std::fs::write(
        root.join("miniweave.json"),
        r#"{ "wechat": { "appid": "wx0123456789abcdef", "upload": { "privateKeyPath": "keys/upload.key", "version": "2.3.4" } } }"#,
    )
    .unwrap();
    std::fs::create_dir(root.join("keys")).unwrap();
    std::fs::write(root.join("keys/upload.key"), "not a real key: a dry run signs nothing").unwrap();
    with_miniprogram_ci(root);
    let out = miniweave(&["upload", "--dry-run", "--color", "never"], root);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let said = stdout(&out);
    assert!(said.contains("dry run: miniprogram-ci read dist/wechat as wx0123456789abcdef and ran"), "{said}");
    assert!(said.contains("nothing was uploaded"), "{said}");
    // A release build: minified, no source maps.
    assert!(root.join("dist/wechat/app.json").is_file());
    assert!(!root.join("dist/wechat/pages/index/index.js.map").exists());
}

#[test]
fn without_miniprogram_ci_the_command_says_how_to_install_it() {
    let dir = one_page("<template><view>hi</view></template>");
    let root = dir.path();
    std::fs::write(root.join("upload.key"), "k").unwrap();
    let out = miniweave(&["upload", "--private-key", "upload.key", "--version", "1.0.0", "--appid", "wx1"], root);
    assert_eq!(out.status.code(), Some(2));
    let said = stderr(&out);
    assert!(said.contains("miniprogram-ci is not installed"), "{said}");
    assert!(said.contains("npm i -D miniprogram-ci"), "{said}");
}

#[test]
fn missing_settings_are_named_with_where_to_set_them() {
    let dir = one_page("<template><view>hi</view></template>");
    let root = dir.path();
    let out = miniweave(&["upload", "--version", "1.0.0"], root);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("give --private-key FILE or set wechat.upload.privateKeyPath"), "{}", stderr(&out));

    let out = miniweave(&["preview", "--private-key", "gone.key"], root);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("the upload key `gone.key` does not exist"), "{}", stderr(&out));

    std::fs::write(root.join("upload.key"), "k").unwrap();
    let out = miniweave(&["upload", "--private-key", "upload.key"], root);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no version to upload"), "{}", stderr(&out));

    // package.json's version is the default; the placeholder app id cannot be uploaded.
    std::fs::write(root.join("package.json"), r#"{ "name": "app", "version": "1.2.0" }"#).unwrap();
    let out = miniweave(&["upload", "--private-key", "upload.key"], root);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no app id: give --appid or set wechat.appid"), "{}", stderr(&out));

    let out = miniweave(&["upload", "--private-key", "upload.key", "--robot", "31"], root);
    assert!(stderr(&out).contains("robot 31 does not exist"), "{}", stderr(&out));
}

#[test]
fn a_build_error_stops_the_upload_with_its_diagnostic() {
    let dir = one_page("<template><view>hi</template>");
    let root = dir.path();
    std::fs::write(root.join("upload.key"), "k").unwrap();
    let out = miniweave(&["upload", "--private-key", "upload.key", "--version", "1.0.0", "--color", "never"], root);
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert!(said.contains("src/pages/index/index.mini:1:"), "{said}");
    assert!(said.contains("nothing was uploaded"), "{said}");
}
