//! The IR: the meaning of the source, free of any platform's spelling.
//!
//! One [`Project`] is built per target (conditional compilation makes each target's source
//! differ); backends are functions of it. Paths are *logical*: relative to the source root,
//! `/`-separated, after file variants are applied (`card.weibo.mini` is `card.mini` on Weibo).

pub mod expr;
pub mod template;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::config::ConfigDoc;
use crate::config::app::AppModel;
use crate::config::unit::UnitModel;
use crate::project::options::ProjectOptions;
use crate::script::Script;
use crate::source::SourceFile;
use crate::target::Target;

pub use template::Template;

#[derive(Debug)]
pub struct Project {
    pub target: Target,
    /// The project root (where `miniweave.json` is, or the folder given).
    pub root: PathBuf,
    /// The project's name, for IDE project files.
    pub name: String,
    /// An existing WeChat project's own `project.config.json`, carried into the WeChat output.
    pub wechat_project_config: Option<Arc<serde_json::Value>>,
    /// The source root, relative to the project root (`src`, or `` for a WeChat project).
    pub src_dir: String,
    pub options: Arc<ProjectOptions>,
    pub release: bool,
    pub app: App,
    /// Pages and components by logical path without extension (`pages/home/home`).
    pub units: BTreeMap<String, Unit>,
    /// `.wxml` files pulled in by `<import>`/`<include>`, by logical path.
    pub templates: BTreeMap<String, Template>,
    /// `.wxs` view-script files, by logical path.
    pub view_scripts: BTreeMap<String, ViewScriptFile>,
    /// The modules units and the app import, transitively (npm packages included, under
    /// `miniprogram_npm/`), by logical path. Units' own scripts are on the units.
    pub modules: BTreeMap<String, Script>,
    /// Imported `.json` and `.html` files, as data, by logical path.
    pub data: BTreeMap<String, DataModule>,
    /// Stylesheets that are not a unit's, by logical path.
    pub styles: BTreeMap<String, StyleSheet>,
    /// Every other file under the source root, by logical path; each target copies the
    /// kinds its platform uploads.
    pub assets: BTreeMap<String, Asset>,
    /// The main package first, then subpackages in config order.
    pub packages: Vec<Package>,
    /// The user's `sitemap.json`, if any.
    pub sitemap: Option<ConfigDoc>,
}

impl Project {
    /// The stylesheet at a logical path: a plain (imported) one, or a page's or component's
    /// own (`components/card/card.wxss`).
    pub fn stylesheet(&self, path: &str) -> Option<&StyleSheet> {
        self.styles.get(path).or_else(|| {
            let unit = path.strip_suffix(".wxss")?;
            self.units.get(unit)?.style.as_ref()
        })
    }
}

#[derive(Debug)]
pub struct App {
    /// The app config as written (WeChat's keys), checked against WeChat's schema.
    pub config: ConfigDoc,
    pub model: AppModel,
    pub script: Option<Script>,
    pub style: Option<StyleSheet>,
    /// The app's own file (`app.mini`, or `app.json` for a native app).
    pub file: Arc<SourceFile>,
    /// The darkmode theme (`themeLocation`), when the app has one: `{ "light": {…}, "dark": {…} }`.
    pub theme: Option<serde_json::Value>,
}

impl App {
    /// The values a config value written `@name` takes in the app's themes (light first);
    /// `None` for a value that is not a theme variable.
    pub fn theme_values(&self, value: &str) -> Option<Vec<&str>> {
        let name = value.strip_prefix('@')?;
        let theme = self.theme.as_ref();
        Some(["light", "dark"].iter().filter_map(|mode| theme?.get(mode)?.get(name)?.as_str()).collect())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Page,
    Component,
}

#[derive(Debug, Clone)]
pub struct Unit {
    /// Logical path without extension (`components/card/card`).
    pub path: String,
    pub kind: UnitKind,
    pub template: Template,
    pub script: Option<Script>,
    pub style: Option<StyleSheet>,
    /// The unit's config, if it has one (a `<config>` block or a `.json` file).
    pub config: Option<ConfigDoc>,
    pub model: UnitModel,
    /// Custom tags usable in this unit's templates: its own `usingComponents`, the app's
    /// global ones, and its `componentGenerics`.
    pub components: BTreeMap<String, ComponentRef>,
    /// Index into [`Project::packages`].
    pub package: usize,
    /// The file users edit for this unit (`.mini` or `.wxml`).
    pub file: Arc<SourceFile>,
}

impl Unit {
    /// Whether a custom tag is declared for this unit: in its components, or named in its
    /// `usingComponents` even when the path failed to resolve (that failure is reported on
    /// its own).
    pub fn declares(&self, tag: &str) -> bool {
        self.components.contains_key(tag) || self.model.using_components.contains_key(tag)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ComponentRef {
    /// A component of the project, by logical path.
    Unit(String),
    /// `plugin://provider/name`: passed to the platform as written.
    Plugin(String),
    /// A `componentGenerics` placeholder, chosen by the component's user.
    Generic,
}

#[derive(Debug, Clone)]
pub struct StyleSheet {
    pub file: Arc<SourceFile>,
    /// The preprocessed text.
    pub text: String,
    /// Where `text` starts in `file`.
    pub base: usize,
    /// The text parsed (`None` when it does not parse; the error is reported).
    pub css: Option<Arc<crate::style::Css>>,
    /// Maps the parser's positions to spans of `file`.
    pub located: crate::style::Located,
}

/// An imported `.json` file, or an `.html` file as a rich-text `nodes` array.
#[derive(Debug, Clone)]
pub struct DataModule {
    pub file: Arc<SourceFile>,
    pub value: serde_json::Value,
}

#[derive(Debug, Clone)]
pub struct ViewScriptFile {
    pub file: Arc<SourceFile>,
    pub code: String,
}

#[derive(Debug, Clone)]
pub struct Asset {
    pub bytes: Arc<Vec<u8>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    /// `None` for the main package, else the subpackage's root folder.
    pub root: Option<String>,
    pub name: Option<String>,
    pub independent: bool,
}

impl Project {
    /// The package a logical path belongs to (by subpackage root).
    pub fn package_of(&self, path: &str) -> usize {
        package_of(&self.packages, path)
    }
}

/// The index of the package `path` lies in: a subpackage whose root contains it, else main.
pub fn package_of(packages: &[Package], path: &str) -> usize {
    packages
        .iter()
        .position(|p| {
            p.root.as_deref().is_some_and(|root| path.strip_prefix(root).is_some_and(|rest| rest.starts_with('/')))
        })
        .unwrap_or(0)
}
