//! Finding a project: its root, its settings, its source root and its output folder.
//!
//! A project is a folder with `miniweave.json`, or an existing WeChat project: a folder
//! whose `project.config.json` names a `miniprogramRoot`, or that holds `app.json` itself
//! (LANGUAGE.md §1). Without any of these, `src/` is the source root.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use crate::config;
use crate::diagnostics::Diagnostic;
use crate::json::Json;
use crate::source::SourceFile;

use super::options::ProjectOptions;
use super::paths::resolve;

#[derive(Debug, Clone)]
pub struct Layout {
    /// The project root, absolute.
    pub root: PathBuf,
    /// The source root relative to `root` (`src`, `miniprogram`, or `` for the root itself).
    pub src_dir: String,
    /// The output folder, absolute; each target goes to `<out_dir>/<target>/`.
    pub out_dir: PathBuf,
    pub options: Arc<ProjectOptions>,
    /// `miniweave.json`, when there is one.
    pub options_file: Option<Arc<SourceFile>>,
    /// The project's name for IDE project files: `name` in miniweave.json, else an existing
    /// WeChat project's `projectname`, else `package.json`'s `name`, else `miniweave-app` (never the folder's
    /// name, so two checkouts give the same output).
    pub name: String,
    /// An existing WeChat project's own `project.config.json` (its settings: `libVersion`,
    /// `setting.minified`, `editorSetting`, ...), which the WeChat output carries on.
    pub wechat_project_config: Option<Arc<serde_json::Value>>,
}

impl Layout {
    pub fn src_abs(&self) -> PathBuf {
        if self.src_dir.is_empty() { self.root.clone() } else { self.root.join(&self.src_dir) }
    }

    /// The name users see for a logical path: relative to the project root.
    pub fn display_name(&self, logical: &str) -> String {
        if self.src_dir.is_empty() { logical.to_string() } else { format!("{}/{logical}", self.src_dir) }
    }
}

#[derive(Debug)]
pub enum LocateError {
    /// The folder given is not usable: a usage problem (exit 2).
    Usage(String),
    /// The project's settings are wrong: a project error (exit 1).
    Project(Vec<Diagnostic>),
}

/// Locates the project in folder `project`. `out_dir` overrides `outDir` (relative paths are
/// taken from the current directory, as a command-line flag is).
pub fn locate(project: &Path, out_dir: Option<&Path>) -> Result<Layout, LocateError> {
    let root = dunce::canonicalize(project)
        .map_err(|e| LocateError::Usage(format!("cannot open the project folder `{}`: {e}", project.display())))?;
    if !root.is_dir() {
        return Err(LocateError::Usage(format!("`{}` is not a folder: give the project's folder", project.display())));
    }
    let (mut options, options_file) = read_options(&root)?;
    let wechat_project = read_wechat_project(&root);
    // An existing WeChat project keeps its app id unless miniweave.json sets one.
    if options.wechat.appid.is_none() {
        options.wechat.appid = wechat_project.appid.clone();
    }
    let package_name = || {
        let text = std::fs::read_to_string(root.join("package.json")).ok()?;
        let manifest: serde_json::Value = serde_json::from_str(&text).ok()?;
        manifest.get("name")?.as_str().filter(|n| !n.is_empty()).map(str::to_string)
    };
    let name = options
        .name
        .clone()
        .filter(|n| !n.is_empty())
        .or_else(|| wechat_project.name.clone())
        .or_else(package_name)
        .unwrap_or_else(|| "miniweave-app".into());
    let src_dir = match &options.src {
        Some(src) => {
            let file = options_file.as_ref().expect("src comes from miniweave.json");
            let config = config::parse_project(file.text(), file).map_err(LocateError::Project)?;
            let span = config.span_at(["src"]);
            match src.trim_end_matches('/') {
                "" | "." => String::new(),
                s => resolve("", s).map_err(|e| {
                    LocateError::Project(vec![
                        Diagnostic::error("project::bad-src", format!("`src` is not usable: {e}"))
                            .at(file, span, "here")
                            .help("give a folder inside the project, such as \"src\""),
                    ])
                })?,
            }
        }
        None => detect_src(&root, wechat_project.mini_root.as_deref()),
    };
    let src_abs = if src_dir.is_empty() { root.clone() } else { root.join(&src_dir) };
    if !src_abs.is_dir() {
        let message = format!("the source root `{}` does not exist", if src_dir.is_empty() { "." } else { &src_dir });
        let mut d = Diagnostic::error("project::no-source", message).help(
            "a project needs miniweave.json (with \"src\"), a WeChat project (project.config.json or app.json), or src/app.mini",
        );
        if let Some(file) = &options_file {
            d = d.in_file(file);
        }
        return Err(LocateError::Project(vec![d]));
    }
    let out_dir = match out_dir {
        Some(dir) => absolute(&std::env::current_dir().unwrap_or_else(|_| root.clone()), dir),
        None => absolute(&root, Path::new(options.out_dir.as_deref().unwrap_or("dist"))),
    };
    if src_abs.starts_with(&out_dir) {
        return Err(LocateError::Usage(format!(
            "the output folder `{}` contains the sources; choose another outDir (such as dist)",
            out_dir.display()
        )));
    }
    let wechat_project_config = wechat_project.config.map(Arc::new);
    Ok(Layout { root, src_dir, out_dir, options: Arc::new(options), options_file, name, wechat_project_config })
}

fn read_options(root: &Path) -> Result<(ProjectOptions, Option<Arc<SourceFile>>), LocateError> {
    let path = root.join("miniweave.json");
    if !path.is_file() {
        return Ok((ProjectOptions::default(), None));
    }
    let bytes =
        std::fs::read(&path).map_err(|e| LocateError::Usage(format!("cannot read `{}`: {e}", path.display())))?;
    // Bytes that are not UTF-8 are the project's problem, located like a source file's.
    let text = String::from_utf8(bytes)
        .map_err(|e| LocateError::Project(vec![super::files::not_utf8("miniweave.json".into(), &path, e)]))?;
    let file = SourceFile::new("miniweave.json", &path, text);
    let doc = config::parse_project(file.text(), &file).map_err(LocateError::Project)?;
    let options = config::model::<ProjectOptions>(&doc).map_err(|d| LocateError::Project(vec![d]))?;
    Ok((options, Some(file)))
}

/// What an existing WeChat project's `project.config.json` says about it.
#[derive(Default)]
struct WechatProject {
    mini_root: Option<String>,
    appid: Option<String>,
    name: Option<String>,
    /// The whole file, when it is a JSON object.
    config: Option<serde_json::Value>,
}

fn read_wechat_project(root: &Path) -> WechatProject {
    let Some(json) =
        std::fs::read_to_string(root.join("project.config.json")).ok().and_then(|t| Json::parse(&t, 0).ok())
    else {
        return WechatProject::default();
    };
    let text = |key: &str| json.get(key).and_then(Json::as_str).map(str::to_string).filter(|s| !s.is_empty());
    let config = Some(json.to_value()).filter(serde_json::Value::is_object);
    WechatProject { mini_root: text("miniprogramRoot"), appid: text("appid"), name: text("projectname"), config }
}

/// The source root of a project without `src` in its settings.
fn detect_src(root: &Path, mini_root: Option<&str>) -> String {
    if let Some(dir) = mini_root {
        return resolve("", dir.trim_end_matches('/')).unwrap_or_default();
    }
    if root.join("app.json").is_file() {
        return String::new();
    }
    "src".to_string()
}

/// `path` made absolute against `base`, with `.` and `..` folded lexically (the folder may
/// not exist yet).
pub fn absolute(base: &Path, path: &Path) -> PathBuf {
    let joined = if path.is_absolute() { path.to_path_buf() } else { base.join(path) };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}
