//! `miniweave watch` driven through the real file system and a real watcher: each step waits
//! on the command's own update lines (never on sleeps), then compares the output with what
//! a cold build of the same sources writes.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use miniweave::{BuildOptions, Target, build};

use crate::support::{copy_fixture, files_under, read};

/// How long one step may take before the test gives up (a debug build on a busy machine).
const PATIENCE: Duration = Duration::from_secs(60);

struct Watch {
    child: Child,
    lines: Receiver<String>,
}

impl Watch {
    fn start(project: &Path) -> Watch {
        Watch::start_with(project, &["--target", "wechat,alipay", "--quiet"], Stdio::null())
    }

    fn start_with(project: &Path, args: &[&str], stderr: Stdio) -> Watch {
        let mut child = Command::new(env!("CARGO_BIN_EXE_miniweave"))
            .args(["watch", ".", "--color", "never"])
            .args(args)
            .current_dir(project)
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("miniweave watch starts");
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let watch = Watch { child, lines };
        watch.wait_for(|l| l.starts_with("watching "), "the watcher to start");
        watch
    }

    fn wait_for(&self, what: impl Fn(&str) -> bool, waiting_for: &str) -> String {
        loop {
            match self.lines.recv_timeout(PATIENCE) {
                Ok(line) if what(&line) => return line,
                Ok(_) => {}
                Err(_) => panic!("no line for {waiting_for}"),
            }
        }
    }

    /// Waits for updates until the output equals a cold build's.
    fn settles(&self, project: &Path, step: &str) {
        loop {
            self.wait_for(|l| l.starts_with("updated "), step);
            if differences(project).is_none() {
                return;
            }
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    files_under(dir).into_iter().map(|f| (f.clone(), fs::read(dir.join(&f)).unwrap())).collect()
}

/// What differs between the watch output (`dist`) and a cold build into `cold`.
fn differences(project: &Path) -> Option<String> {
    let cold = project.join("cold");
    let _ = fs::remove_dir_all(&cold);
    let _ = build(&BuildOptions::new(project).targets([Target::Wechat, Target::Alipay]).out_dir(&cold));
    for target in ["wechat", "alipay"] {
        let (a, b) = (snapshot(&project.join("dist").join(target)), snapshot(&cold.join(target)));
        if a != b {
            let names = |s: &[(String, Vec<u8>)]| s.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
            let differing: Vec<&String> =
                a.iter().zip(&b).filter(|(x, y)| x != y).map(|((n, _), _)| n).take(3).collect();
            return Some(format!(
                "{target}: {:?} vs {:?}; first differing {differing:?}",
                names(&a).len(),
                names(&b).len()
            ));
        }
    }
    None
}

fn replace(path: &Path, from: &str, to: &str) {
    let text = read(path);
    assert!(text.contains(from), "{} has {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn watch_survives_edits_errors_renames_new_and_removed_pages_and_stops_cleanly() {
    let project = copy_fixture("showcase");
    let root = project.path();
    let _ = fs::remove_dir_all(root.join("dist"));
    let watch = Watch::start(root);
    assert_eq!(differences(root), None, "the first build");

    let me = root.join("src/pages/me/me.mini");
    replace(&me, "</template>", "<view>edited</view>\n</template>");
    watch.settles(root, "a page edited");

    let before = snapshot(&root.join("dist/wechat"));
    replace(&me, "<view>edited</view>", "<view>edited</vew>");
    watch.wait_for(|l| l.starts_with("updated ") && l.contains("errors"), "the broken save");
    assert_eq!(snapshot(&root.join("dist/wechat")), before, "an error keeps the last output");
    replace(&me, "<view>edited</vew>", "<view>fixed</view>");
    watch.settles(root, "the fix");

    // Saved as editors do: a temporary file renamed over the component.
    let card = root.join("src/components/card/card.mini");
    let temp = root.join("src/components/card/card.mini.tmp");
    fs::write(&temp, read(&card).replacen("</template>", "<text>new</text></template>", 1)).unwrap();
    fs::rename(&temp, &card).unwrap();
    watch.settles(root, "a rename-on-save");

    let page = root.join("src/pages/extra/extra.mini");
    fs::create_dir_all(page.parent().unwrap()).unwrap();
    fs::write(&page, "<template><view>extra</view></template>\n<script>Page({})</script>\n").unwrap();
    replace(
        &root.join("src/app.mini"),
        "\"pages/detail/detail\"",
        "\"pages/detail/detail\",\n    \"pages/extra/extra\"",
    );
    watch.settles(root, "a page added");
    assert!(root.join("dist/wechat/pages/extra/extra.wxml").exists());

    replace(&root.join("src/app.mini"), ",\n    \"pages/extra/extra\"", "");
    fs::remove_dir_all(page.parent().unwrap()).unwrap();
    watch.settles(root, "a page removed");
    assert!(!root.join("dist/wechat/pages/extra").exists());

    // Ctrl-C: the watcher finishes and exits 0.
    let mut watch = watch;
    let status = Command::new("kill").args(["-INT", &watch.child.id().to_string()]).status().unwrap();
    assert!(status.success());
    watch.wait_for(|l| l == "stopped", "the stop");
    assert_eq!(watch.child.wait().unwrap().code(), Some(0));
}

#[test]
fn a_size_warning_is_shown_once_when_a_package_crosses_its_budget_not_on_every_save() {
    let project = crate::support::one_page("<template><view>small</view></template>\n<script>Page({})</script>\n");
    let root = project.path();
    fs::write(root.join("miniweave.json"), "{ \"sizeBudget\": { \"main\": \"6KB\" } }").unwrap();
    let log = root.join("watch.log");
    let watch = Watch::start_with(root, &["--target", "wechat"], Stdio::from(fs::File::create(&log).unwrap()));
    let page = root.join("src/pages/index/index.mini");
    let big = |n: usize| format!("<template><view>{}</view></template>\n<script>Page({{}})</script>\n", "x".repeat(n));
    let shown = || read(&log).matches("warning[size::over-limit]").count();
    // A save may reach the watcher as two events (truncate, write): wait on the lines that
    // say the step is done, not on the first line.
    fs::write(&page, big(8_000)).unwrap();
    while shown() < 1 {
        watch.wait_for(|l| l.starts_with("updated "), "the page over the budget");
    }
    fs::write(&page, big(8_100)).unwrap();
    watch.wait_for(|l| l.starts_with("updated ") && l.contains("main +100 B"), "a second save, still over");
    assert_eq!(shown(), 1, "not shown again while still over:\n{}", read(&log));
    // Back under the budget, then over again: a new crossing, shown again.
    fs::write(&page, big(10)).unwrap();
    watch.wait_for(|l| l.starts_with("updated ") && l.contains("main -"), "back under");
    fs::write(&page, big(8_000)).unwrap();
    while shown() < 2 {
        watch.wait_for(|l| l.starts_with("updated "), "over again");
    }
}

#[test]
fn installing_a_missing_package_during_watch_fixes_the_build_without_a_restart() {
    let project = crate::support::one_page(
        "<template><view>{{day}}</view></template>\n<script>\nimport dayjs from 'dayjs';\nPage({ data: { day: dayjs(0).year() } })\n</script>\n",
    );
    let root = project.path();
    let watch = Watch::start(root);
    assert!(!root.join("dist/wechat").exists(), "without the package the first build fails");
    // What `npm install dayjs` leaves: the package folder (copied from the suite's lockfile
    // install of the showcase instead of running npm).
    crate::support::copy_dir(
        &crate::support::repo().join("fixtures/showcase/node_modules/dayjs"),
        &root.join("node_modules/dayjs"),
    );
    // npm writes the lockfile last; node_modules is watched one level deep only (inotify
    // limits), so the lockfile is what says the install is complete.
    fs::write(root.join("package-lock.json"), "{ \"lockfileVersion\": 3 }\n").unwrap();
    watch.settles(root, "the package installed");
    assert!(root.join("dist/wechat/miniprogram_npm/dayjs").exists());
}
