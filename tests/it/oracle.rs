//! The oracle (issue 9): every template, view script and stylesheet WeChat's own compilers
//! accept must build for WeChat with miniweave too.
//!
//! The corpus is the fixtures' `.wxml`/`.wxs`/`.wxss` files, those of every npm package the
//! suite installs that ships mini-program files (Vant), and the snippets of
//! [`snippets`]. tests/validators/oracle.js asks wcc/wcsc about each file on its own; each
//! file WeChat accepts is then wrapped into a native WeChat project in the place it was
//! written for, so that what miniweave says is about the file and not about the wrapping:
//!
//! - a corpus folder (a fixture's source root, a package's `miniprogram` folder, the
//!   snippets) is copied whole to the root of one project, so relative and `/`-rooted
//!   paths, and the neighbours a file names, stay as they were;
//! - a `.wxml` with a page's `.json` beside it is listed as a page; one with a component's
//!   `.json` is used by a host page; a loose `.wxml` (a template file) is `<include>`d by a
//!   host page that declares the components of the folder's `index.json`, which is the
//!   context it is written for;
//! - `.wxs` and `.wxss` files need nothing: miniweave compiles every one in the source tree.
//!
//! One build judges a whole folder. A rejection is blamed on the file its diagnostic names
//! (a host page's problems on the file it hosts). A file miniweave rejects is then replaced
//! by a neutral stub and the folder built again, since an early error can keep later checks
//! from running; files rejected only after a stub are marked as such, as they may be
//! rejected because of the stub.

mod snippets;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use miniweave::Target;
use serde_json::{Value, json};

use crate::support::{copy_dir, files_under, repo, try_build};

/// Where host pages go: a folder no corpus uses.
const HOSTS: &str = "oracle-host";

/// One corpus folder: its name in reports, and its files' root (the source root).
struct Corpus {
    name: String,
    root: PathBuf,
    /// Installed packages the folder's scripts import (a fixture's node_modules).
    node_modules: Option<PathBuf>,
}

/// What miniweave said about one file WeChat accepts.
struct Rejection {
    file: String,
    first: miniweave::Diagnostic,
    /// Built again after another file of the folder was stubbed (see the module comment).
    after_stub: bool,
}

/// What became of one corpus folder.
#[derive(Default)]
struct Outcome {
    judged: usize,
    rejections: Vec<Rejection>,
    /// Errors in files that are not in the corpus (scripts, configs, the wrapping): the
    /// folder could not be judged past them.
    blocked: Vec<String>,
    /// The files WeChat rejects (left out of the verdict), with WeChat's message.
    wechat_rejects: Vec<String>,
}

#[test]
fn miniweave_builds_every_file_wechat_accepts() {
    let started = std::time::Instant::now();
    let snippet_dir = write_snippets();
    let mut corpora = fixture_corpora();
    corpora.extend(package_corpora());
    corpora.push(Corpus { name: "snippets".into(), root: snippet_dir.path().to_path_buf(), node_modules: None });

    let mut report = String::new();
    let mut rejections = Vec::new();
    let mut blocked = Vec::new();
    let mut judged = 0;
    for corpus in &corpora {
        let outcome = judge_corpus(corpus);
        writeln!(
            report,
            "{}: {} file(s) WeChat accepts, {} rejected by miniweave",
            corpus.name,
            outcome.judged,
            outcome.rejections.len()
        )
        .unwrap();
        judged += outcome.judged;
        for r in &outcome.wechat_rejects {
            writeln!(report, "  WeChat rejects (not judged): {r}").unwrap();
        }
        rejections.extend(outcome.rejections.into_iter().map(|r| (corpus.name.clone(), r)));
        blocked.extend(outcome.blocked.into_iter().map(|b| format!("{}: {b}", corpus.name)));
    }
    assert!(
        judged > 200,
        "the oracle judged only {judged} files: is the corpus installed (scripts/test.sh)?\n{report}"
    );

    writeln!(report, "\n{} of {judged} file(s) WeChat accepts are rejected by miniweave:", rejections.len()).unwrap();
    for (corpus, r) in &rejections {
        let stub = if r.after_stub { " (found after other files were stubbed)" } else { "" };
        writeln!(report, "  {corpus}/{}{stub}\n      {}", r.file, r.first).unwrap();
    }
    let mut by_code: BTreeMap<&str, Vec<&(String, Rejection)>> = BTreeMap::new();
    for r in &rejections {
        by_code.entry(r.1.first.code.as_ref()).or_default().push(r);
    }
    writeln!(report, "\nby code:").unwrap();
    for (code, list) in &by_code {
        writeln!(report, "  {code}: {}", list.len()).unwrap();
    }
    if !blocked.is_empty() {
        writeln!(report, "\nfolders the oracle could not judge to the end (errors outside the corpus):").unwrap();
        for b in &blocked {
            writeln!(report, "  {b}").unwrap();
        }
    }
    writeln!(report, "\n(oracle run: {:.1} s)", started.elapsed().as_secs_f64()).unwrap();
    // On failure the test harness shows this printed report, so the panic message stays short.
    println!("{report}");
    assert!(
        rejections.is_empty() && blocked.is_empty(),
        "{} file(s) WeChat accepts are rejected by miniweave, and {} error(s) blocked the oracle: see the report above",
        rejections.len(),
        blocked.len()
    );
}

/// oracle.js itself must tell files apart, or the oracle would judge nothing.
#[test]
fn the_oracle_script_accepts_good_files_and_rejects_broken_ones() {
    let dir = crate::support::project(&[
        ("good.wxml", "<view wx:for=\"{{list}}\" wx:key=\"id\">{{item.name}}</view>"),
        ("bad.wxml", "<view><text>unclosed</view>"),
        ("uses-missing.wxml", "<wxs src=\"./missing.wxs\" module=\"m\"/><view/>"),
        ("good.wxss", "@import \"./base.wxss\";\n.a { color: red; }"),
        ("base.wxss", ".b { color: blue; }"),
        ("bad.wxss", "* { color: red; }"),
    ]);
    let (accepted, rejected) = wechat_verdict(dir.path());
    assert_eq!(accepted.into_iter().collect::<Vec<_>>(), ["base.wxss", "good.wxml", "good.wxss"], "{rejected:?}");
}

/// WeChat's verdict on each file under `root`: the files wcc/wcsc accept, and the others
/// with WeChat's message.
fn wechat_verdict(root: &Path) -> (BTreeSet<String>, Vec<String>) {
    let script = repo().join("tests/validators/oracle.js");
    assert!(
        repo().join("tests/validators/node_modules/miniprogram-compiler").is_dir(),
        "the validators are not installed: run scripts/test.sh, which runs `npm ci` in tests/validators"
    );
    let output = Command::new("node").arg(script).arg(root).output().expect("node runs (Node 20 is required)");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "oracle.js failed on {}: {}",
        root.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    let verdict: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("oracle.js printed no JSON ({e}): {text}"));
    let accepted = verdict["accepted"].as_array().expect("an accepted list");
    let rejected = verdict["rejected"].as_array().expect("a rejected list");
    (
        accepted.iter().map(|f| f.as_str().unwrap().to_string()).collect(),
        rejected
            .iter()
            .map(|r| {
                // wcsc adds an "error file count" line: the first line says what is wrong.
                let error = r["error"].as_str().unwrap().lines().next().unwrap_or_default();
                format!("{}: {error}", r["file"].as_str().unwrap())
            })
            .collect(),
    )
}

fn is_corpus_file(path: &str) -> bool {
    path.ends_with(".wxml") || path.ends_with(".wxs") || path.ends_with(".wxss")
}

/// Each fixture's source root, when it holds corpus files (`.mini` files are not WeChat's).
fn fixture_corpora() -> Vec<Corpus> {
    let mut out = Vec::new();
    let mut roots = Vec::new();
    for entry in fs::read_dir(repo().join("fixtures")).unwrap() {
        let dir = entry.unwrap().path();
        roots.push(dir.clone());
        // fixtures/errors holds one project per folder.
        if dir.file_name().is_some_and(|n| n == "errors") {
            roots.extend(fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()));
        }
    }
    roots.sort();
    for dir in roots {
        let src = source_root(&dir);
        if !files_under_skipping_packages(&src).iter().any(|f| is_corpus_file(f)) {
            continue;
        }
        let name = dir.strip_prefix(repo()).unwrap().to_string_lossy().into_owned();
        let node_modules = Some(dir.join("node_modules")).filter(|p| p.is_dir());
        out.push(Corpus { name, root: src, node_modules });
    }
    out
}

/// A project's source root as miniweave finds it (LANGUAGE.md §1): `src` of a
/// miniweave.json, a WeChat project's `miniprogramRoot`, `src/`, or the folder itself.
fn source_root(dir: &Path) -> PathBuf {
    for (file, key) in [("miniweave.json", "src"), ("project.config.json", "miniprogramRoot")] {
        let value = fs::read_to_string(dir.join(file)).ok().and_then(|t| serde_json::from_str::<Value>(&t).ok());
        if let Some(src) = value.as_ref().and_then(|v| v[key].as_str()) {
            return dir.join(src.trim_end_matches('/'));
        }
    }
    if dir.join("src").is_dir() { dir.join("src") } else { dir.to_path_buf() }
}

fn files_under_skipping_packages(root: &Path) -> Vec<String> {
    files_under(root).into_iter().filter(|f| !f.split('/').any(|p| p == "node_modules" || p == "dist")).collect()
}

/// Every installed npm package (of the fixtures and of the validators) that ships
/// mini-program files, once per name and version, rooted at its `miniprogram` folder (what
/// WeChat's npm build and miniweave take).
fn package_corpora() -> Vec<Corpus> {
    let mut bases: Vec<PathBuf> = fs::read_dir(repo().join("fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path().join("node_modules"))
        .chain([repo().join("tests/validators/node_modules")])
        .filter(|p| p.is_dir())
        .collect();
    bases.sort();
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for base in bases {
        for package in packages_in(&base) {
            let Ok(text) = fs::read_to_string(package.join("package.json")) else { continue };
            let Ok(manifest) = serde_json::from_str::<Value>(&text) else { continue };
            let (Some(name), Some(version)) = (manifest["name"].as_str(), manifest["version"].as_str()) else {
                continue;
            };
            let root = match manifest["miniprogram"].as_str() {
                Some(dir) if package.join(dir).is_dir() => package.join(dir),
                _ => package.clone(),
            };
            if !has_corpus_file(&root) || !seen.insert(format!("{name}@{version}")) {
                continue;
            }
            let dir = root.strip_prefix(&package).unwrap().to_string_lossy().into_owned();
            out.push(Corpus { name: format!("{name}@{version}/{dir}"), root, node_modules: None });
        }
    }
    out
}

/// The package folders of a node_modules (scoped ones included).
fn packages_in(base: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(base).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with('@') {
            out.extend(fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else if !name.starts_with('.') {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Whether a folder holds a corpus file, stopping at the first (node_modules is large).
fn has_corpus_file(dir: &Path) -> bool {
    let Ok(entries) = fs::read_dir(dir) else { return false };
    entries.flatten().any(|e| {
        let path = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if path.is_dir() { name != "node_modules" && has_corpus_file(&path) } else { is_corpus_file(&name) }
    })
}

/// The snippets as one page each, in a folder of their own.
fn write_snippets() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let page = |name: &str, files: &[(&str, &str)]| {
        let folder = dir.path().join(name);
        fs::create_dir_all(&folder).unwrap();
        for (file, text) in [("index.js", "Page({})\n"), ("index.json", "{}\n")].iter().chain(files) {
            fs::write(folder.join(file), text).unwrap();
        }
    };
    for (name, wxml) in snippets::WXML {
        page(name, &[("index.wxml", wxml)]);
    }
    for (name, wxss) in snippets::WXSS {
        page(&format!("style-{name}"), &[("index.wxml", "<view class=\"a\">x</view>"), ("index.wxss", wxss)]);
    }
    dir
}

/// How a `.wxml` file is put to use in the wrapping project.
enum Use {
    Page,
    Component,
    Included,
}

fn use_of(root: &Path, wxml: &str) -> Use {
    let stem = wxml.trim_end_matches(".wxml");
    let Ok(text) = fs::read_to_string(root.join(format!("{stem}.json"))) else { return Use::Included };
    let has_script = ["js", "ts"].iter().any(|ext| root.join(format!("{stem}.{ext}")).is_file());
    let component = serde_json::from_str::<Value>(&text).is_ok_and(|v| v["component"] == json!(true));
    match (component, has_script) {
        (true, _) => Use::Component,
        (false, true) => Use::Page,
        // A `.json` without a script is not a unit: the file can only be a template.
        (false, false) => Use::Included,
    }
}

/// A wrapping project for one corpus folder.
struct Wrapping {
    dir: tempfile::TempDir,
    /// Host page folder (`oracle-host/<n>`) → the file it hosts.
    hosts: BTreeMap<String, String>,
}

fn wrap(corpus: &Corpus, accepted: &BTreeSet<String>) -> Wrapping {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_dir(&corpus.root, root);
    if let Some(packages) = &corpus.node_modules {
        std::os::unix::fs::symlink(packages, root.join("node_modules")).unwrap();
    }
    // The folder's own app (if any) is replaced by one that lists what is judged: its
    // other keys (window, global components) stay, as its files may rely on them.
    let mut app = fs::read_to_string(root.join("app.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<Value>(&t).ok())
        .unwrap_or_else(|| json!({}));
    for key in ["pages", "subpackages", "subPackages", "tabBar", "entryPagePath", "preloadRule"] {
        app.as_object_mut().unwrap().remove(key);
    }
    fs::remove_file(root.join("app.mini")).ok();
    if !root.join("app.js").is_file() && !root.join("app.ts").is_file() {
        fs::write(root.join("app.js"), "App({})\n").unwrap();
    }
    let mut pages = Vec::new();
    let mut hosts = BTreeMap::new();
    for file in accepted.iter().filter(|f| f.ends_with(".wxml")) {
        let stem = file.trim_end_matches(".wxml");
        let (wxml, components) = match use_of(root, file) {
            Use::Page => {
                pages.push(json!(stem));
                continue;
            }
            Use::Component => ("<wrapped/>\n".to_string(), json!({ "wrapped": format!("/{stem}") })),
            Use::Included => (format!("<include src=\"/{file}\"/>\n"), template_components(root, file)),
        };
        let host = format!("{HOSTS}/{}", hosts.len());
        fs::create_dir_all(root.join(&host)).unwrap();
        fs::write(root.join(&host).join("index.wxml"), wxml).unwrap();
        fs::write(root.join(&host).join("index.js"), "Page({})\n").unwrap();
        let config = json!({ "usingComponents": components });
        fs::write(root.join(&host).join("index.json"), config.to_string()).unwrap();
        pages.push(json!(format!("{host}/index")));
        hosts.insert(host, file.clone());
    }
    if pages.is_empty() {
        // `.wxs`/`.wxss` only: the app still needs a page.
        let host = format!("{HOSTS}/empty");
        fs::create_dir_all(root.join(&host)).unwrap();
        for (file, text) in [("index.wxml", "<view/>\n"), ("index.js", "Page({})\n"), ("index.json", "{}\n")] {
            fs::write(root.join(&host).join(file), text).unwrap();
        }
        pages.push(json!(format!("{host}/index")));
    }
    app["pages"] = Value::Array(pages);
    fs::write(root.join("app.json"), serde_json::to_string_pretty(&app).unwrap()).unwrap();
    Wrapping { dir, hosts }
}

/// The components a template file may use. WeChat gives an imported or included file the
/// components of the unit that pulls it in, so the host declares those of every unit of
/// the folder that names the file, and those of its own folder's `index.json` (Vant's
/// templates sit beside the component that includes them).
fn template_components(root: &Path, file: &str) -> Value {
    let mut using = serde_json::Map::new();
    let folder = file.rsplit_once('/').map_or("", |(d, _)| d);
    let mut users = vec![format!("{folder}/index.wxml").trim_start_matches('/').to_string()];
    for unit in files_under_skipping_packages(root) {
        let is_unit =
            unit.ends_with(".mini") || (unit.ends_with(".wxml") && !matches!(use_of(root, &unit), Use::Included));
        if is_unit && template_refs(root, &unit).contains(&file.to_string()) {
            users.push(unit);
        }
    }
    for unit in users {
        let Some(Value::Object(declared)) = unit_config(root, &unit).map(|v| v["usingComponents"].clone()) else {
            continue;
        };
        let dir = unit.rsplit_once('/').map_or("", |(d, _)| d);
        for (tag, path) in declared {
            let path = path.as_str().unwrap_or_default();
            let path = if path.starts_with('.') {
                format!("/{}", normalize(&format!("{dir}/{path}")))
            } else {
                path.to_string()
            };
            using.entry(tag).or_insert(Value::String(path));
        }
    }
    Value::Object(using)
}

/// A unit's config: its `.json`, or the `<config>` block of a `.mini` file with its JSONC
/// comments (conditional-compilation markers included) dropped.
fn unit_config(root: &Path, unit: &str) -> Option<Value> {
    if let Some(stem) = unit.strip_suffix(".wxml") {
        return serde_json::from_str(&fs::read_to_string(root.join(format!("{stem}.json"))).ok()?).ok();
    }
    let text = fs::read_to_string(root.join(unit)).ok()?;
    let block = text.split_once("<config>")?.1.split_once("</config>")?.0;
    let mut json = String::new();
    for line in block.lines() {
        let line = line.split_once("//").map_or(line, |(code, _)| code);
        json.push_str(&strip_block_comments(line));
        json.push('\n');
    }
    serde_json::from_str(&json).ok()
}

fn strip_block_comments(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some((before, after)) = rest.split_once("/*") {
        out.push_str(before);
        rest = after.split_once("*/").map_or("", |(_, tail)| tail);
    }
    out + rest
}

/// The `.wxml` files a template names with `<import src>` or `<include src>`, from the root.
fn template_refs(root: &Path, wxml: &str) -> Vec<String> {
    let text = fs::read_to_string(root.join(wxml)).unwrap_or_default();
    let dir = wxml.rsplit_once('/').map_or("", |(d, _)| d);
    let mut refs = Vec::new();
    for tag in text.split('<').filter(|t| t.starts_with("import") || t.starts_with("include")) {
        let Some(rest) = tag.split_once("src=").map(|(_, r)| r) else { continue };
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else { continue };
        let Some(src) = rest[1..].split(quote).next() else { continue };
        let src = if src.ends_with(".wxml") { src.to_string() } else { format!("{src}.wxml") };
        refs.push(match src.strip_prefix('/') {
            Some(rooted) => normalize(rooted),
            None => normalize(&format!("{dir}/{src}")),
        });
    }
    refs
}

/// `a/./b/../c` → `a/c`.
fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// Neutral content for a file miniweave rejected, so the rest of its folder can be judged.
/// A template file keeps its template names (empty), which its importers may use.
fn stub(path: &str, text: &str) -> String {
    if path.ends_with(".wxs") {
        return "module.exports = {};\n".into();
    }
    if !path.ends_with(".wxml") {
        return String::new();
    }
    let names = text.split("<template").filter_map(|t| t.trim_start().strip_prefix("name=")).filter_map(|rest| {
        let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        rest[1..].split(quote).next()
    });
    names.map(|name| format!("<template name=\"{name}\"><view/></template>\n")).collect()
}

fn judge_corpus(corpus: &Corpus) -> Outcome {
    let (accepted, wechat_rejects) = wechat_verdict(&corpus.root);
    let all_corpus: BTreeSet<String> =
        files_under_skipping_packages(&corpus.root).into_iter().filter(|f| is_corpus_file(f)).collect();
    let wrapping = wrap(corpus, &accepted);
    let root = wrapping.dir.path();
    let mut outcome = Outcome { judged: accepted.len(), wechat_rejects, ..Outcome::default() };
    let mut rejected: BTreeSet<String> = BTreeSet::new();
    let mut stubbed = false;
    // Each round takes out at least one file, so this ends.
    while let Err(diagnostics) = try_build(root, &[Target::Wechat]) {
        let mut progress = false;
        let mut firsts: BTreeMap<String, miniweave::Diagnostic> = BTreeMap::new();
        for d in diagnostics.errors() {
            let Some(file) = blamed_file(d, &wrapping.hosts) else {
                outcome.blocked.push(d.to_string());
                continue;
            };
            if accepted.contains(&file) {
                firsts.entry(file).or_insert_with(|| d.clone());
            } else if all_corpus.contains(&file) && root.join(&file).is_file() {
                // WeChat rejects it too: no disagreement, but it must not block the others.
                fs::remove_file(root.join(&file)).unwrap();
                progress = true;
            } else {
                outcome.blocked.push(d.to_string());
            }
        }
        for (file, first) in firsts {
            if rejected.insert(file.clone()) {
                let text = fs::read_to_string(root.join(&file)).unwrap_or_default();
                fs::write(root.join(&file), stub(&file, &text)).unwrap();
                outcome.rejections.push(Rejection { file, first, after_stub: stubbed });
                progress = true;
            } else {
                outcome.blocked.push(format!("the stub that replaced {file} is rejected: {first}"));
            }
        }
        if !progress {
            break;
        }
        // Stop once the wrapping itself is at fault: later rounds would judge less.
        if !outcome.blocked.is_empty() {
            break;
        }
        stubbed = true;
    }
    outcome.blocked.sort();
    outcome.blocked.dedup();
    outcome
}

/// The corpus file a diagnostic is about: the file it names, or the file a host page hosts.
fn blamed_file(d: &miniweave::Diagnostic, hosts: &BTreeMap<String, String>) -> Option<String> {
    let (name, _, _) = d.location()?;
    let host = name.rsplit_once('/').map(|(dir, _)| dir);
    Some(host.and_then(|h| hosts.get(h)).cloned().unwrap_or_else(|| name.to_string()))
}
