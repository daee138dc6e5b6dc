//! Helpers: fixtures copied to temporary folders, the built showcase (once per run), the
//! CLI, and the platforms' own judges from tests/validators.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use miniweave::{BuildOptions, BuildReport, build};

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("cli/ sits in the repository").to_path_buf()
}

pub fn fixture(name: &str) -> PathBuf {
    repo().join("fixtures").join(name)
}

/// Copies a folder, leaving out build output and installed packages.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if name == "dist" || name == "node_modules" {
            continue;
        }
        let target = to.join(&name);
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A fixture copied into a temporary folder, so a test may build and edit it. Its installed
/// npm packages are linked, not copied.
pub fn copy_fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture(name), dir.path());
    let packages = fixture(name).join("node_modules");
    if packages.is_dir() {
        std::os::unix::fs::symlink(&packages, dir.path().join("node_modules")).unwrap();
    }
    dir
}

/// Every file under `root`, relative, `/`-separated, sorted.
pub fn files_under(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                walk(root, &entry.path(), out);
            } else {
                let rel = entry.path().strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                out.push(rel);
            }
        }
    }
    if root.exists() {
        walk(root, root, &mut out);
    }
    out.sort();
    out
}

/// Every file under an output folder (all targets and the manifests) with its bytes; the
/// lock files are listed with no bytes: they record whichever build held them last.
pub fn output_snapshot(out: &Path) -> Vec<(String, Vec<u8>)> {
    files_under(out)
        .into_iter()
        .map(|f| {
            let bytes = if f.ends_with(".lock") { Vec::new() } else { fs::read(out.join(&f)).unwrap() };
            (f, bytes)
        })
        .collect()
}

pub fn read(path: impl AsRef<Path>) -> String {
    let path = path.as_ref();
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// A fixture built for every target into a temporary folder, kept for the whole run.
pub struct Built {
    pub project: PathBuf,
    pub out: PathBuf,
    pub report: BuildReport,
    _dir: tempfile::TempDir,
}

impl Built {
    pub fn target(&self, target: &str) -> PathBuf {
        self.out.join(target)
    }

    pub fn file(&self, target: &str, path: &str) -> String {
        read(self.target(target).join(path))
    }
}

fn build_fixture(name: &str, release: bool) -> Built {
    let dir = copy_fixture(name);
    let out = dir.path().join("dist");
    let report = build(&BuildOptions::new(dir.path()).targets(miniweave::Target::ALL).out_dir(&out).release(release))
        .unwrap_or_else(|e| panic!("{name} does not build: {e}\n{}", describe(&e)));
    Built { project: dir.path().to_path_buf(), out, report, _dir: dir }
}

fn describe(e: &miniweave::BuildError) -> String {
    match e {
        miniweave::BuildError::Project(d) | miniweave::BuildError::Partial { diagnostics: d, .. } => {
            miniweave::render_diagnostics(d, false)
        }
        other => other.to_string(),
    }
}

pub fn showcase() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| build_fixture("showcase", false))
}

/// The showcase built with `--release` (minified scripts and runtime).
pub fn showcase_release() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| build_fixture("showcase", true))
}

pub fn showcase_native() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| build_fixture("showcase-native", false))
}

/// Runs the `miniweave` command.
pub fn miniweave(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_miniweave"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("the miniweave binary runs")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Runs a Node script from tests/validators with `args`; whether it succeeded, and what it
/// printed.
pub fn run_validator(script: &str, args: &[&std::ffi::OsStr]) -> (bool, String) {
    let validators = repo().join("tests/validators");
    assert!(
        validators.join("node_modules").is_dir(),
        "the validators are not installed: run the README's test command (scripts/test.sh), which runs `npm ci` in tests/validators"
    );
    let output = Command::new("node")
        .arg(validators.join(script))
        .args(args)
        .output()
        .expect("node runs (Node 20 is required by the test suite)");
    let text = format!("{}{}", stdout(&output), stderr(&output));
    (output.status.success(), text)
}

/// Runs a platform's judge (tests/validators/<target>.js) over an emitted folder and returns
/// whether it accepted it, with its report.
pub fn judge_output(target: &str, dir: &Path) -> (bool, String) {
    run_validator(&format!("{target}.js"), &[dir.as_os_str()])
}

/// Asserts that a platform's judge accepts an emitted folder.
pub fn judge(target: &str, dir: &Path) {
    let (ok, text) = judge_output(target, dir);
    assert!(ok, "the {target} judge rejected {}:\n{text}", dir.display());
}

/// Asserts that every platform's judge accepts its folder of an output folder.
pub fn judge_all(out: &Path) {
    for target in ["wechat", "alipay", "weibo"] {
        judge(target, &out.join(target));
    }
}

/// A project made of the given files (paths relative to the project root).
pub fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let full = dir.path().join(path);
        fs::create_dir_all(full.parent().unwrap()).unwrap();
        fs::write(full, text).unwrap();
    }
    dir
}

/// A one-page project whose page is `page` (a `.mini` file's text).
pub fn one_page(page: &str) -> tempfile::TempDir {
    project(&[
        ("src/app.mini", "<config>{ \"pages\": [\"pages/index/index\"] }</config>"),
        ("src/pages/index/index.mini", page),
    ])
}

/// Builds `dir` for `targets`; on success, the output folder.
pub fn try_build(dir: &Path, targets: &[miniweave::Target]) -> Result<PathBuf, miniweave::Diagnostics> {
    let out = dir.join("dist");
    match build(&BuildOptions::new(dir).targets(targets.iter().copied()).out_dir(&out)) {
        Ok(_) => Ok(out),
        Err(miniweave::BuildError::Project(d) | miniweave::BuildError::Partial { diagnostics: d, .. }) => Err(d),
        Err(other) => panic!("{other}"),
    }
}

/// The one-line form (`file:line:col: severity[code]: message`) of each diagnostic.
pub fn lines(diagnostics: &miniweave::Diagnostics) -> Vec<String> {
    diagnostics.iter().map(|d| d.to_string()).collect()
}

/// Builds `dir` for every target, which must succeed; the output folder and the warnings.
pub fn build_all(dir: &Path) -> (PathBuf, miniweave::Diagnostics) {
    let out = dir.join("dist");
    match build(&BuildOptions::new(dir).targets(miniweave::Target::ALL).out_dir(&out)) {
        Ok(report) => (out, report.warnings),
        Err(e) => panic!("the build failed: {e}\n{}", describe(&e)),
    }
}

/// A native WeChat project (files at the root, as WeChat DevTools lays them out) with one
/// page `pages/index/index` made of `wxml` and a `Page({})` script, plus `extra` files.
pub fn native_page(wxml: &str, extra: &[(&str, &str)]) -> tempfile::TempDir {
    let mut files = vec![
        ("app.json", "{ \"pages\": [\"pages/index/index\"] }"),
        ("app.js", "App({})\n"),
        ("pages/index/index.wxml", wxml),
        ("pages/index/index.js", "Page({ data: {} })\n"),
    ];
    for (path, text) in extra {
        files.retain(|(p, _)| p != path);
        files.push((path, text));
    }
    project(&files)
}
