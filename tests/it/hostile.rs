//! Hostile input (issue 15): earlier output lying among the sources, builds racing into one
//! folder, asset references leading out of the project, a config that is not UTF-8. Each
//! gets a clear outcome, never a silent wrong build.

use std::fs;
use std::path::Path;

use miniweave::{BuildOptions, Session, Target, build};

use crate::support::{files_under, native_page, output_snapshot};

#[test]
fn an_earlier_builds_output_inside_the_sources_is_not_compiled_again() {
    // A native project: the source root is the project folder, so every outDir sits in it.
    let project = native_page("<view>hi</view>", &[]);
    let root = project.path();
    let first = root.join("out");
    build(&BuildOptions::new(root).targets(Target::ALL).out_dir(&first)).unwrap();
    let second = root.join("out2");
    build(&BuildOptions::new(root).targets(Target::ALL).out_dir(&second)).unwrap();
    for target in ["wechat", "alipay", "weibo"] {
        assert_eq!(
            files_under(&second.join(target)),
            files_under(&first.join(target)),
            "{target}: the output in out/ was read as sources"
        );
    }

    // A watch session told that files changed in the old output ignores them, and one told
    // that the whole old target folder appeared does too.
    let mut session = Session::open(BuildOptions::new(root).targets(Target::ALL).out_dir(&second)).unwrap();
    assert!(session.result().is_ok());
    let before = output_snapshot(&second);
    let changed = vec![first.join("wechat/app.json"), first.join("alipay"), first.join("weibo/src/app.json")];
    assert!(session.update(&changed).is_ok());
    assert_eq!(output_snapshot(&second), before, "a change in the old output reached the new one");
}

#[test]
fn a_folder_named_like_a_target_without_a_manifest_is_still_read() {
    // Only what miniweave wrote is left out: a source folder called `wechat` stays a source.
    let project = native_page(
        "<view>hi</view>",
        &[
            ("app.json", "{ \"pages\": [\"pages/index/index\", \"wechat/page\"] }"),
            ("wechat/page.wxml", "<view>w</view>"),
        ],
    );
    let out = project.path().join("dist");
    build(&BuildOptions::new(project.path()).targets([Target::Wechat]).out_dir(&out)).unwrap();
    assert!(out.join("wechat/wechat/page.wxml").is_file());
}

#[test]
fn builds_racing_into_one_folder_all_succeed_and_write_what_one_build_writes() {
    let project = crate::support::copy_fixture("showcase");
    let root = project.path();
    let single = crate::support::miniweave(&["build", ".", "--out", "single", "-q"], root);
    assert!(single.status.success(), "{}", crate::support::stderr(&single));
    let expected = output_snapshot(&root.join("single"));
    for round in 0..10 {
        let out = root.join("race");
        let _ = fs::remove_dir_all(&out);
        // Four builds at once into the same folder: each waits for the others' writes.
        let runs: Vec<_> = (0..4)
            .map(|_| {
                let root = root.to_path_buf();
                std::thread::spawn(move || crate::support::miniweave(&["build", ".", "--out", "race", "-q"], &root))
            })
            .collect();
        for run in runs {
            let output = run.join().unwrap();
            assert!(output.status.success(), "round {round}: {}", crate::support::stderr(&output));
        }
        let raced = output_snapshot(&out);
        let names = |s: &[(String, Vec<u8>)]| s.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(names(&raced), names(&expected), "round {round}: the same files, no temporary ones left");
        for ((name, a), (_, b)) in raced.iter().zip(&expected) {
            assert!(a == b, "round {round}: {name} differs from a single build's");
        }
    }
}

/// Builds `dir` for every target, which must fail; the one-line form of each diagnostic.
fn failures(dir: &Path) -> Vec<String> {
    match crate::support::try_build(dir, &Target::ALL) {
        Ok(_) => panic!("the build succeeded"),
        Err(d) => crate::support::lines(&d),
    }
}

#[test]
fn a_media_src_climbing_out_of_the_project_is_a_located_error() {
    for src in ["../../../../x.png", "/../x.png"] {
        let project = crate::support::one_page(&format!(
            "<template>\n<view>\n<image src=\"{src}\" />\n</view>\n</template>\n<script>Page({{}})</script>\n"
        ));
        let found = failures(project.path());
        let expected =
            format!("error[project::outside-path]: `{src}` leads outside the project; keep assets inside it");
        assert!(
            found.iter().any(|l| l.contains("pages/index/index.mini:3:") && l.contains(&expected)),
            "{src}: {found:#?}"
        );
    }
}

#[test]
fn styles_and_template_references_climbing_out_of_the_project_are_located_errors() {
    let cases = [
        (
            "<template><view>x</view></template>\n<style>\n.a { background: url(../../../../x.png); }\n</style>",
            "index.mini:3:",
            "style::bad-url",
        ),
        (
            "<template><view>x</view></template>\n<style>\n@import \"../../../../x.wxss\";\n</style>",
            "index.mini:3:",
            "style::bad-import",
        ),
        ("<template>\n<import src=\"../../../../x.wxml\" />\n</template>", "index.mini:2:", "template::bad-src"),
        ("<template>\n<include src=\"../../../../x.wxml\" />\n</template>", "index.mini:2:", "template::bad-src"),
    ];
    for (part, at, code) in cases {
        let project = crate::support::one_page(&format!("{part}\n<script>Page({{}})</script>\n"));
        let found = failures(project.path());
        assert!(
            found.iter().any(|l| l.contains(at) && l.contains(&format!("error[{code}]")) && l.contains("outside")),
            "{part}: {found:#?}"
        );
    }
}

#[test]
fn a_miniweave_json_that_is_not_utf8_is_a_located_error() {
    let project = crate::support::one_page("<template><view>x</view></template>\n<script>Page({})</script>\n");
    // Line 2, column 13 (byte 14 from the start): the byte 0xFF inside the name.
    fs::write(project.path().join("miniweave.json"), b"{\n  \"name\": \"a\xffb\"\n}\n").unwrap();
    let output = crate::support::miniweave(&["build", ".", "--color", "never"], project.path());
    let stderr = crate::support::stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("project::not-utf8") && stderr.contains("miniweave.json:2:13"), "{stderr}");
    assert!(stderr.contains("byte 14"), "{stderr}");
    let found = failures(project.path());
    assert_eq!(found, ["miniweave.json:2:13: error[project::not-utf8]: the file is not UTF-8 text"]);
}

#[test]
fn a_source_that_is_not_utf8_is_located_the_same_way() {
    let project = crate::support::one_page("");
    fs::write(project.path().join("src/pages/index/index.mini"), b"<template>\n<view>\xc3(</view>\n</template>\n")
        .unwrap();
    let found = failures(project.path());
    assert_eq!(found, ["src/pages/index/index.mini:2:7: error[project::not-utf8]: the file is not UTF-8 text"]);
}

#[test]
fn an_npm_file_that_is_not_utf8_or_too_large_is_located_in_node_modules() {
    let project = crate::support::one_page(
        "<template><view>{{msg}}</view></template>\n<script>\nconst legacy = require('legacy');\nPage({ data: { msg: legacy } })\n</script>\n",
    );
    let package = project.path().join("node_modules/legacy");
    fs::create_dir_all(&package).unwrap();
    fs::write(package.join("package.json"), r#"{ "name": "legacy", "main": "index.js" }"#).unwrap();
    // A GBK-encoded comment, as old vendor files have: 0xC4 0xE3 is 你 in GBK.
    fs::write(package.join("index.js"), b"// \xc4\xe3\nmodule.exports = require('./big.js');\n").unwrap();
    fs::write(package.join("big.js"), format!("module.exports = '{}';\n", "x".repeat(17 << 20))).unwrap();
    let found = failures(project.path());
    // Each file's own error, once for all targets, rather than a failed import.
    assert_eq!(
        found,
        [
            "node_modules/legacy/big.js:1:1: error[project::file-too-large]: the file is 17.0 MB, over the 16 MB \
             miniweave reads",
            "node_modules/legacy/index.js:1:4: error[project::not-utf8]: the file is not UTF-8 text",
        ]
    );
}

#[test]
#[cfg(unix)]
fn a_second_writer_waits_for_the_holder_naming_it_or_fails_at_once_with_no_wait() {
    use std::process::Command;
    let project = crate::support::one_page("<template><view>hi</view></template>\n<script>Page({})</script>\n");
    let root = project.path();
    let first = crate::support::miniweave(&["build", "--target", "wechat", "--quiet"], root);
    assert!(first.status.success());
    let lock = root.join("dist/.miniweave/wechat.lock");
    // Another writer holds the lock (util-linux's flock, standing in for a watch session
    // writing) and its record names it, as a miniweave holder's would.
    let mut holder = Command::new("flock").arg(&lock).args(["sleep", "3"]).spawn().expect("flock(1) runs");
    while Command::new("flock").args(["-n"]).arg(&lock).arg("true").status().unwrap().success() {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    fs::write(&lock, format!("{} /usr/bin/miniweave watch . --target wechat", holder.id())).unwrap();

    let refused = crate::support::miniweave(&["build", "--target", "wechat", "--no-wait"], root);
    assert_eq!(refused.status.code(), Some(2));
    let said = crate::support::stderr(&refused);
    let expected = format!("is being written by process {} (miniweave watch .); not waiting (--no-wait)", holder.id());
    assert!(said.contains(&expected), "{said}");

    let started = std::time::Instant::now();
    let waited = crate::support::miniweave(&["build", "--target", "wechat"], root);
    assert!(waited.status.success(), "{}", crate::support::stderr(&waited));
    let said = crate::support::stderr(&waited);
    assert!(
        said.contains(&format!("waiting for process {} (miniweave watch .) to finish writing", holder.id())),
        "{said}"
    );
    assert!(holder.try_wait().unwrap().is_some(), "the build went on only after the holder let go");
    assert!(started.elapsed() > std::time::Duration::from_millis(500));
    let _ = holder.wait();
}

#[test]
fn a_panic_becomes_an_internal_error_naming_the_file_and_writes_nothing() {
    let project = crate::support::one_page("<template><view>hi</view></template>\n<script>Page({})</script>\n");
    let root = project.path();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_miniweave"))
        .args(["build", "--color", "never"])
        .env("MINIWEAVE_PANIC_ON", "src/pages/index/index.mini")
        .env("RUST_BACKTRACE", "0")
        .current_dir(root)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = crate::support::stderr(&out);
    assert!(said.contains("error: internal error while compiling `src/pages/index/index.mini`"), "{said}");
    assert!(said.contains("nothing was written"), "{said}");
    assert!(said.contains("This is a bug in miniweave: please report it"), "{said}");
    assert!(!root.join("dist").exists(), "nothing written");
}
