//! A session (the engine of `miniweave watch`): after every update, the output equals what
//! a cold build of the same sources writes, byte for byte with the manifest, and an update
//! with an error leaves the previous output as it was.

use std::fs;
use std::path::{Path, PathBuf};

use miniweave::{BuildOptions, Session, Target, build};

use crate::support::{copy_fixture, files_under, read};

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    files_under(dir).into_iter().map(|f| (f.clone(), fs::read(dir.join(&f)).unwrap())).collect()
}

/// Asserts that the session's output equals a cold build of the same sources, written to a
/// folder beside it (at the same depth, so source maps name the sources alike).
fn assert_equals_cold_build(project: &Path, out: &Path, step: &str) {
    let cold = project.join("cold");
    let _ = fs::remove_dir_all(&cold);
    let _ = build(&BuildOptions::new(project).targets(Target::ALL).out_dir(&cold));
    for target in ["wechat", "alipay", "weibo", ".miniweave"] {
        let (a, b) = (snapshot(&out.join(target)), snapshot(&cold.join(target)));
        let names = |s: &[(String, Vec<u8>)]| s.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(names(&a), names(&b), "{step}: {target}: the same files");
        for ((name, x), (_, y)) in a.iter().zip(&b) {
            assert!(x == y, "{step}: {target}/{name} differs from a cold build");
        }
    }
}

fn edit(path: &Path, from: &str, to: &str) -> PathBuf {
    let text = read(path);
    assert!(text.contains(from), "{} has {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
    path.to_path_buf()
}

#[test]
fn every_update_writes_what_a_cold_build_writes_and_an_error_keeps_the_last_output() {
    let project = copy_fixture("showcase");
    let root = project.path().to_path_buf();
    let out = root.join("out");
    let mut session = Session::open(BuildOptions::new(&root).targets(Target::ALL).out_dir(&out)).unwrap();
    assert!(session.result().is_ok());
    assert_equals_cold_build(&root, &out, "open");

    let me = root.join("src/pages/me/me.mini");
    let changed = edit(&me, "</template>", "<view>edited</view>\n</template>");
    let report = session.update(&[changed]).as_ref().unwrap();
    assert!(report.targets.iter().all(|t| t.written.unwrap() >= 1 && t.written.unwrap() <= 4), "{:?}", report.targets);
    assert_equals_cold_build(&root, &out, "a page template edited");

    // A broken template: the error, and the output of the previous update untouched.
    let before = snapshot(&out);
    let changed = edit(&me, "<view>edited</view>", "<view>edited</vew>");
    assert!(session.update(&[changed]).is_err());
    assert_eq!(snapshot(&out), before, "an update with an error writes nothing");
    let changed = edit(&me, "<view>edited</vew>", "<view>fixed</view>");
    assert!(session.update(&[changed]).is_ok());
    assert_equals_cold_build(&root, &out, "fixed");

    // A shared component, saved the way editors do: a temporary file renamed over it.
    let card = root.join("src/components/card/card.mini");
    let temp = root.join("src/components/card/.card.mini.swp");
    fs::write(&temp, read(&card).replacen("</template>", "<text>new</text></template>", 1)).unwrap();
    fs::rename(&temp, &card).unwrap();
    assert!(session.update(&[temp, card.clone()]).is_ok());
    assert_equals_cold_build(&root, &out, "a component renamed over");

    // A new page, added to the app config; then deleted again.
    let page = root.join("src/pages/extra/extra.mini");
    fs::create_dir_all(page.parent().unwrap()).unwrap();
    fs::write(&page, "<template><view>extra</view></template>\n<script>Page({})</script>\n").unwrap();
    let app = edit(
        &root.join("src/app.mini"),
        "\"pages/detail/detail\"",
        "\"pages/detail/detail\",\n    \"pages/extra/extra\"",
    );
    assert!(session.update(&[page.parent().unwrap().to_path_buf(), app.clone()]).is_ok());
    assert!(out.join("wechat/pages/extra/extra.wxml").exists());
    assert_equals_cold_build(&root, &out, "a page added");
    edit(&app, ",\n    \"pages/extra/extra\"", "");
    fs::remove_dir_all(page.parent().unwrap()).unwrap();
    assert!(session.update(&[app, page.parent().unwrap().to_path_buf()]).is_ok());
    assert!(!out.join("wechat/pages/extra").exists(), "a removed page's output goes");
    assert_equals_cold_build(&root, &out, "a page removed");

    // The project's settings: everything is read again.
    let settings = root.join("miniweave.json");
    let text = read(&settings);
    fs::write(&settings, text.replacen('{', "{ \"define\": { \"EXTRA\": true },", 1)).unwrap();
    assert!(session.update(&[settings]).is_ok());
    assert_equals_cold_build(&root, &out, "settings changed");
}

#[test]
fn an_output_file_changed_by_someone_else_is_restored_at_the_next_update() {
    let project = copy_fixture("showcase");
    let root = project.path().to_path_buf();
    let out = root.join("out");
    let mut session = Session::open(BuildOptions::new(&root).targets([Target::Wechat]).out_dir(&out)).unwrap();
    let wxml = out.join("wechat/pages/detail/detail.wxml");
    let original = read(&wxml);
    fs::write(&wxml, "<view>changed in the output</view>").unwrap();
    let changed = edit(&root.join("src/pages/me/me.mini"), "</template>", "<view>x</view>\n</template>");
    let report = session.update(&[changed]).as_ref().unwrap();
    assert_eq!(report.targets[0].restored, ["pages/detail/detail.wxml"]);
    assert_eq!(read(&wxml), original);
}
