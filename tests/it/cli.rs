//! The command line: help a newcomer can follow, exit codes, the summary line, --define,
//! --out, and silencing warnings by code.

use std::fs;

use crate::support::{copy_fixture, miniweave, read, stderr, stdout};

#[test]
fn help_explains_the_commands() {
    let help = stdout(&miniweave(&["--help"], std::path::Path::new(".")));
    for needle in ["build", "check", "Examples:", "Exit codes"] {
        assert!(help.contains(needle), "{needle} missing from:\n{help}");
    }
    let build_help = stdout(&miniweave(&["build", "--help"], std::path::Path::new(".")));
    for needle in ["--target", "--out", "--release", "--define", "KEY=VALUE"] {
        assert!(build_help.contains(needle), "{needle} missing from:\n{build_help}");
    }
}

#[test]
fn usage_problems_exit_2() {
    let here = std::path::Path::new(".");
    let no_project = miniweave(&["build", "/nonexistent/miniweave-project"], here);
    assert_eq!(no_project.status.code(), Some(2));
    assert!(stderr(&no_project).contains("cannot open the project folder"), "{}", stderr(&no_project));
    let bad_target = miniweave(&["build", ".", "--target", "baidu"], here);
    assert_eq!(bad_target.status.code(), Some(2));
    assert!(stderr(&bad_target).contains("unknown target `baidu`"), "{}", stderr(&bad_target));
}

#[test]
fn build_prints_one_summary_line_per_target_and_honours_out() {
    let project = copy_fixture("showcase");
    let output = miniweave(&["build", ".", "--target", "all", "--out", "build-out"], project.path());
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    for (line, target) in lines.iter().zip(["wechat", "alipay", "weibo"]) {
        assert!(line.starts_with(target) && line.contains(" files ") && line.contains(" ms"), "{line}");
        assert!(line.contains(&format!("build-out/{target}")), "{line}");
    }
    assert!(project.path().join("build-out/wechat/app.json").is_file());
}

#[test]
fn define_on_the_command_line_drives_conditional_compilation() {
    let project = copy_fixture("showcase");
    let page = project.path().join("src/pages/about/about.mini");
    let page = if page.exists() { page } else { project.path().join("src/packageA/pages/about/about.mini") };
    let text = read(&page).replace(
        "    <rich-text",
        "    <!-- #if SHOW_DEBUG -->\n    <text class=\"debug\">debug build</text>\n    <!-- #endif -->\n    <rich-text",
    );
    fs::write(&page, text).unwrap();
    let built = |args: &[&str]| {
        let mut all = vec!["build", ".", "--target", "wechat"];
        all.extend_from_slice(args);
        let out = miniweave(&all, project.path());
        assert!(out.status.success(), "{}", stderr(&out));
        read(project.path().join("dist/wechat/packageA/pages/about/about.wxml"))
    };
    assert!(!built(&[]).contains("debug build"), "miniweave.json defines SHOW_DEBUG as false");
    assert!(built(&["--define", "SHOW_DEBUG=true"]).contains("debug build"));
}

#[test]
fn warnings_are_shown_and_can_be_silenced_by_code() {
    let project = copy_fixture("showcase");
    let noisy = miniweave(&["check", ".", "--target", "alipay", "--color", "never"], project.path());
    assert!(noisy.status.success());
    assert!(stderr(&noisy).contains("warning[alipay::dropped-key]"), "{}", stderr(&noisy));
    let config = project.path().join("miniweave.json");
    let text =
        read(&config).replace("\"define\"", "\"warnings\": { \"ignore\": [\"alipay::dropped-key\"] },\n  \"define\"");
    fs::write(&config, text).unwrap();
    let quiet = miniweave(&["check", ".", "--target", "alipay", "--color", "never"], project.path());
    assert!(quiet.status.success());
    assert!(!stderr(&quiet).contains("alipay::dropped-key"), "{}", stderr(&quiet));
}

#[test]
fn a_misspelt_setting_gets_a_suggestion() {
    let project = copy_fixture("showcase");
    let config = project.path().join("miniweave.json");
    fs::write(&config, read(&config).replace("\"outDir\"", "\"outdir\"")).unwrap();
    let output = miniweave(&["check", ".", "--color", "never"], project.path());
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("miniweave.json:4:3: error[config::unknown-key]"), "{err}");
    assert!(err.contains("did you mean `outDir`?"), "{err}");
}

#[test]
fn quiet_deny_warnings_and_a_bare_define_flag() {
    let dir = crate::support::native_page(
        "<view wx:for=\"{{a}}\" wx:key=\"{{item.id}}\">x</view>\n<!-- #if BETA -->\n<view>beta</view>\n<!-- #endif -->\n",
        &[],
    );
    let quiet = miniweave(&["build", ".", "--target", "wechat", "-q", "-D", "BETA"], dir.path());
    assert!(quiet.status.success(), "{}", stderr(&quiet));
    assert_eq!((stdout(&quiet).as_str(), stderr(&quiet).as_str()), ("", ""), "quiet prints nothing on success");
    assert!(read(dir.path().join("dist/wechat/pages/index/index.wxml")).contains("beta"), "-D BETA is BETA=true");
    let denied = miniweave(&["build", ".", "--target", "wechat", "--deny-warnings", "--color", "never"], dir.path());
    assert_eq!(denied.status.code(), Some(1));
    let err = stderr(&denied);
    assert!(err.contains("warning[template::bad-key]") && err.contains("warnings are denied"), "{err}");
}

#[test]
fn diagnostics_name_files_from_where_the_command_ran() {
    let parent = tempfile::tempdir().unwrap();
    crate::support::copy_dir(
        crate::support::native_page("<view>{{ a + }}</view>\n", &[]).path(),
        &parent.path().join("app"),
    );
    let output = miniweave(&["check", "app", "--color", "never"], parent.path());
    let err = stderr(&output);
    assert!(
        err.lines().any(|l| l.starts_with("app/pages/index/index.wxml:1:14: error[template::bad-expression]")),
        "{err}"
    );
    assert!(err.contains("[app/pages/index/index.wxml"), "the snippet's header too:\n{err}");
}

/// Whether the command printed nothing but notes (the placeholder app id's).
fn only_notes(stderr: &str) -> bool {
    stderr.lines().all(|l| l.starts_with("note: "))
}

#[test]
fn new_creates_an_app_that_builds_everywhere_without_warnings() {
    let parent = tempfile::tempdir().unwrap();
    let created = miniweave(&["new", "shop"], parent.path());
    assert!(created.status.success(), "{}", stderr(&created));
    assert!(stdout(&created).contains("miniweave build"), "{}", stdout(&created));
    let app = parent.path().join("shop");
    let built = miniweave(&["build", "--color", "never"], &app);
    assert!(built.status.success() && only_notes(&stderr(&built)), "no warnings:\n{}", stderr(&built));
    crate::support::judge_all(&app.join("dist"));
    // WeChat's own files, built as an existing WeChat project.
    let native = miniweave(&["new", "native-shop", "--template", "native"], parent.path());
    assert!(native.status.success(), "{}", stderr(&native));
    let built = miniweave(&["build", "--color", "never"], &parent.path().join("native-shop"));
    assert!(built.status.success() && only_notes(&stderr(&built)), "no warnings:\n{}", stderr(&built));
    crate::support::judge_all(&parent.path().join("native-shop/dist"));
    // Never over a user's files.
    let again = miniweave(&["new", "shop"], parent.path());
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("is not empty"), "{}", stderr(&again));
}

#[test]
fn new_ts_template_builds_everywhere_and_type_checks_against_wechats_typings() {
    let parent = tempfile::tempdir().unwrap();
    let created = miniweave(&["new", "ts-shop", "--template", "ts"], parent.path());
    assert!(created.status.success(), "{}", stderr(&created));
    assert!(stdout(&created).contains("npm install"), "{}", stdout(&created));
    let app = parent.path().join("ts-shop");
    assert!(read(app.join("src/pages/index/index.mini")).contains("<script lang=\"ts\">"));
    assert!(read(app.join("package.json")).contains("\"miniprogram-api-typings\""));
    let built = miniweave(&["build", "--color", "never"], &app);
    assert!(built.status.success() && only_notes(&stderr(&built)), "no warnings:\n{}", stderr(&built));
    crate::support::judge_all(&app.join("dist"));
    // The tsconfig.json it writes works: tsc checks the app's .ts modules, wx.* included,
    // against the typings (here the validators' copy stands in for `npm install`).
    let validators = crate::support::repo().join("tests/validators");
    let tsconfig = app.join("tsconfig.json");
    let type_roots = validators.join("node_modules");
    let (ok, text) = crate::support::run_validator(
        "node_modules/typescript/bin/tsc",
        &["-p".as_ref(), tsconfig.as_os_str(), "--typeRoots".as_ref(), type_roots.as_os_str()],
    );
    assert!(ok, "tsc rejected the ts template:\n{text}");
}

#[test]
fn completions_for_a_shell() {
    let output = miniweave(&["completions", "bash"], std::path::Path::new("."));
    assert!(output.status.success(), "{}", stderr(&output));
    let script = stdout(&output);
    assert!(script.contains("_miniweave()") && script.contains("--gaps") && script.contains("completions"), "{script}");
    assert_eq!(miniweave(&["completions", "tcsh"], std::path::Path::new(".")).status.code(), Some(2));
}

#[test]
fn a_placeholder_app_id_gets_one_note_per_build() {
    let dir = crate::support::native_page("<view>x</view>", &[]);
    let built = miniweave(&["build", ".", "--color", "never"], dir.path());
    assert!(built.status.success(), "{}", stderr(&built));
    let notes: Vec<String> = stderr(&built).lines().filter(|l| l.starts_with("note:")).map(str::to_string).collect();
    assert_eq!(
        notes,
        [
            "note: WeChat and Weibo get a placeholder app id: the IDE's simulator runs it, but previewing on a phone and uploading need yours: set `wechat.appid` and `weibo.appid` in miniweave.json"
        ],
    );
    // With the app ids set there is nothing to say.
    fs::write(
        dir.path().join("miniweave.json"),
        "{ \"src\": \".\", \"wechat\": { \"appid\": \"wx0123456789abcdef\" }, \"weibo\": { \"appid\": \"1234\" } }",
    )
    .unwrap();
    let set = miniweave(&["build", ".", "--color", "never"], dir.path());
    assert!(set.status.success(), "{}", stderr(&set));
    assert!(!stderr(&set).contains("note:"), "{}", stderr(&set));
}

#[test]
fn verbose_shows_every_place_of_a_warning_and_every_file_written() {
    let wxml = "<view wx:for=\"{{a}}\" wx:key=\"{{item.id}}\"/>\n".repeat(2);
    let dir = crate::support::native_page(&wxml, &[]);
    let run = miniweave(&["build", ".", "--target", "wechat", "--verbose", "--color", "never"], dir.path());
    assert!(run.status.success(), "{}", stderr(&run));
    let err = stderr(&run);
    assert_eq!(err.matches("warning[template::bad-key]").count(), 2, "{err}");
    assert!(stdout(&run).contains("  written  pages/index/index.wxml"), "{}", stdout(&run));
    let both = miniweave(&["build", ".", "-q", "-v"], dir.path());
    assert_eq!(both.status.code(), Some(2), "--quiet and --verbose contradict each other");
}
