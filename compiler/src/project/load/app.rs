//! The app (`app.mini`, or `app.json` + `app.js` + `app.wxss`), its pages, subpackages, custom
//! tab bar and sitemap.

use std::sync::Arc;

use crate::config::app::AppModel;
use crate::config::{self, ConfigDoc, ConfigKind};
use crate::diagnostics::Diagnostic;
use crate::ir::{App, ComponentRef, Package, UnitKind};
use crate::sfc::{self, ScriptLang};
use crate::source::{SourceFile, Span};

use super::parse::whole;

/// The value, with the diagnostics gathered while making it moved to `all`.
fn keep_or_extend<T>(value: Option<T>, found: Vec<Diagnostic>, all: &mut Vec<Diagnostic>) -> Option<T> {
    all.extend(found);
    value
}
use super::{Loader, Origin};

impl Loader<'_> {
    pub(super) fn load_app(&mut self) -> Option<App> {
        let mini = self.text_file("app.mini");
        let json = self.text_file("app.json");
        let app = match (mini, json) {
            (Some(mini), Some(json)) => {
                self.error(
                    Diagnostic::error("project::two-apps", "both app.mini and app.json exist")
                        .in_file(&json)
                        .help(format!("keep one: {} holds the config in its <config> block", mini.name())),
                );
                return None;
            }
            (None, None) => {
                let src = if self.layout.src_dir.is_empty() {
                    "the project folder".to_string()
                } else {
                    format!("`{}`", self.layout.src_dir)
                };
                self.error(Diagnostic::error("project::no-app", format!("no app found in {src}")).help(format!(
                    "create {} (a .mini file with a <config> block listing the pages) or {} for a native WeChat app",
                    self.shown("app.mini"),
                    self.shown("app.json")
                )));
                return None;
            }
            (Some(file), None) => {
                self.consumed.insert("app.mini".into());
                let sfc = match sfc::split(&file) {
                    Ok(s) => s,
                    Err(found) => {
                        self.diags.extend(found);
                        return None;
                    }
                };
                if let Some(t) = &sfc.template {
                    self.error(
                        Diagnostic::error("project::app-template", "the app has no template")
                            .at(&file, t.open_tag, "not allowed in app.mini")
                            .help("put markup in pages and components; the app holds <config>, <script> and <style>"),
                    );
                }
                let Some(config_block) = &sfc.config else {
                    self.error(
                        Diagnostic::error("project::app-config", "app.mini has no <config> block")
                            .at(&file, Span::point(0), "")
                            .help("add <config>{ \"pages\": [\"pages/index/index\"] }</config>"),
                    );
                    return None;
                };
                let mut diags = Vec::new();
                let config = self.parsers.config(&file, config_block.content, ConfigKind::App, &mut diags);
                let style = sfc.style.as_ref().map(|b| self.parsers.style(&file, b.content, &mut diags));
                let config = keep_or_extend(config, diags, &mut self.diags)?;
                let model = self.app_model(&config)?;
                self.collect_aliases(&model);
                self.extended_libs = model.extended_lib_packages();
                let mut diags = Vec::new();
                let lang = sfc.script_lang();
                let script = sfc
                    .script
                    .as_ref()
                    .and_then(|b| self.script_module("app.js".into(), &file, b.content, lang, false, &mut diags));
                self.diags.extend(diags);
                App { config, theme: self.theme(&model), model, script, style, file }
            }
            (None, Some(file)) => {
                self.consumed.insert("app.json".into());
                let mut diags = Vec::new();
                let config = self.parsers.config(&file, whole(&file), ConfigKind::App, &mut diags);
                let style = self.native_style("app", &mut diags);
                let config = keep_or_extend(config, diags, &mut self.diags)?;
                let model = self.app_model(&config)?;
                self.collect_aliases(&model);
                self.extended_libs = model.extended_lib_packages();
                let mut diags = Vec::new();
                let script = self.native_script("app", &mut diags);
                self.diags.extend(diags);
                App { config, theme: self.theme(&model), model, script, style, file }
            }
        };
        Some(app)
    }

    /// The theme file `themeLocation` names, parsed; a missing or broken one is reported.
    fn theme(&mut self, model: &AppModel) -> Option<serde_json::Value> {
        let written = model.theme_location.as_deref()?;
        let file = crate::project::paths::resolve("", written).ok().and_then(|p| self.text_file(&p))?;
        match serde_json::from_str(file.text()) {
            Ok(theme) => Some(theme),
            Err(e) => {
                self.error(
                    Diagnostic::error("config::bad-json", format!("invalid JSON in the theme file: {e}"))
                        .in_file(&file)
                        .help("theme.json holds { \"light\": { … }, \"dark\": { … } }"),
                );
                None
            }
        }
    }

    fn app_model(&mut self, config: &ConfigDoc) -> Option<AppModel> {
        match config::model::<AppModel>(config) {
            Ok(m) => Some(m),
            Err(d) => {
                self.model_error(d);
                None
            }
        }
    }

    /// A config that cannot be read into its model: reported unless the schema already
    /// reported an error in that file (the same wrong value, said twice).
    pub(super) fn model_error(&mut self, d: Diagnostic) {
        let file = d.file.as_ref().map(|f| f.name().to_string());
        let known = self.diags.iter().any(|e| e.is_error() && e.file.as_ref().map(|f| f.name().to_string()) == file);
        if !known {
            self.error(d);
        }
    }

    /// The one file of a native unit with base name `path` and one of two extensions,
    /// marked consumed, and which extension it has. Both present is an error.
    fn one_of(&mut self, path: &str, exts: [&str; 2], diags: &mut Vec<Diagnostic>) -> Option<(Arc<SourceFile>, usize)> {
        let names = exts.map(|ext| format!("{path}.{ext}"));
        let present = names.clone().map(|n| self.exists(&n));
        let index = match present {
            [true, true] => {
                let file = self.text_file(&names[1])?;
                diags.push(
                    Diagnostic::error("project::two-sources", format!("both {} and {} exist", names[0], names[1]))
                        .in_file(&file)
                        .help("keep one of them"),
                );
                return None;
            }
            [true, false] => 0,
            [false, true] => 1,
            [false, false] => return None,
        };
        let [first, second] = names;
        let name = if index == 0 { first } else { second };
        let file = self.text_file(&name)?;
        self.consumed.insert(name);
        Some((file, index))
    }

    /// The script of a native unit (`x.js` or `x.ts`), through the module graph.
    pub(super) fn native_script(&mut self, path: &str, diags: &mut Vec<Diagnostic>) -> Option<crate::script::Script> {
        let (file, index) = self.one_of(path, ["js", "ts"], diags)?;
        let lang = if index == 0 { ScriptLang::Js } else { ScriptLang::Ts };
        let npm = Self::is_npm(path);
        self.script_module(format!("{path}.js"), &file, whole(&file), lang, npm, diags)
    }

    /// The style of a native unit (`x.wxss` or `x.css`).
    pub(super) fn native_style(&mut self, path: &str, diags: &mut Vec<Diagnostic>) -> Option<crate::ir::StyleSheet> {
        let (file, _) = self.one_of(path, ["wxss", "css"], diags)?;
        Some(self.parsers.style(&file, whole(&file), diags))
    }

    /// Queues every page of the main package and the subpackages, the app's global
    /// components and a custom tab bar.
    pub(super) fn queue_pages(&mut self, app: &crate::ir::App) {
        let config = &app.config;
        let origin = |path: &[&str]| Origin { file: config.file.clone(), span: config.span_at(path.iter().copied()) };
        if app.model.pages.is_empty() {
            self.error(
                Diagnostic::error("project::no-pages", "the app lists no pages")
                    .at(&config.file, config.span_at(["pages"]), "")
                    .help("add \"pages\": [\"pages/index/index\"]"),
            );
        }
        for (i, page) in app.model.pages.iter().enumerate() {
            let index = i.to_string();
            let origin = origin(&["pages", &index]);
            if let Some(path) = self.resolve_path("", page, &origin) {
                self.queue.push_back((path, UnitKind::Page, origin));
            }
        }
        let key = app.model.subpackages_key();
        for (i, sub) in app.model.subpackages().iter().enumerate() {
            let index = i.to_string();
            let root_origin = origin(&[key, &index, "root"]);
            let Some(root) = self.resolve_path("", sub.root.trim_end_matches('/'), &root_origin) else {
                continue;
            };
            self.packages.push(Package {
                root: Some(root.clone()),
                name: sub.name.clone(),
                independent: sub.independent,
            });
            for (j, page) in sub.pages.iter().enumerate() {
                let page_index = j.to_string();
                let origin = origin(&[key, &index, "pages", &page_index]);
                if let Some(path) = self.resolve_path(&root, page, &origin) {
                    self.queue.push_back((path, UnitKind::Page, origin));
                }
            }
        }
        let app_dir = "";
        for (name, written) in &app.model.using_components {
            let origin = origin(&["usingComponents", name]);
            if let Some(component) = self.component_ref(app_dir, written, &origin) {
                self.global_components.insert(name.clone(), component);
            }
        }
        if app.model.tab_bar.as_ref().is_some_and(|t| t.custom) {
            let origin = origin(&["tabBar", "custom"]);
            // WeChat builds an app whose custom tab bar is missing, and shows no tab bar.
            if self.exists("custom-tab-bar/index.wxml") || self.exists("custom-tab-bar/index.mini") {
                self.queue.push_back(("custom-tab-bar/index".into(), UnitKind::Component, origin));
            } else {
                self.error(
                    Diagnostic::warning("project::missing-custom-tab-bar", "`tabBar.custom` is on, but there is no custom-tab-bar/index")
                        .at(&origin.file, origin.span, "no custom-tab-bar/ folder")
                        .help("create custom-tab-bar/index (a component), or turn `custom` off; WeChat shows no tab bar without it"),
                );
            }
        }
    }

    /// Resolves a path written in a config, reporting one that leaves the source root.
    pub(super) fn resolve_path(&mut self, from_dir: &str, written: &str, origin: &Origin) -> Option<String> {
        match crate::project::paths::resolve(from_dir, written) {
            Ok(p) => Some(p),
            Err(e) => {
                self.error(
                    Diagnostic::error("project::bad-path", format!("`{written}`: {e}"))
                        .at(&origin.file, origin.span, "this path")
                        .help(
                            "paths are relative to the file, or start with `/` at the source root, and stay inside it",
                        ),
                );
                None
            }
        }
    }

    /// A `usingComponents` entry: a plugin, or a component unit (queued for loading).
    pub(super) fn component_ref(&mut self, from_dir: &str, written: &str, origin: &Origin) -> Option<ComponentRef> {
        if written.starts_with("plugin://") || written.starts_with("plugin-private://") {
            return Some(ComponentRef::Plugin(written.to_string()));
        }
        let bare = !(written.starts_with('.') || written.starts_with('/'));
        let package = if bare { crate::project::npm::split_specifier(written).map(|(name, _)| name) } else { None };
        if let Some(lib) = package.filter(|name| self.extended_libs.contains(*name)) {
            // WeChat provides its extended libraries itself (WeChat `扩展能力/extended.md`);
            // Alipay and Weibo need the npm package, installed.
            if self.parsers.target == crate::target::Target::Wechat {
                return Some(ComponentRef::Plugin(written.to_string()));
            }
            if self.npm.package(lib).is_none() {
                self.error(
                    Diagnostic::error(
                        "project::extended-lib",
                        format!(
                            "`{written}` is WeChat's extended library `{lib}`, which {} does not have",
                            self.parsers.target.display_name()
                        ),
                    )
                    .at(&origin.file, origin.span, "provided by WeChat only")
                    .help(format!(
                        "install the library's npm package (npm install {lib}); miniweave then builds it for {}",
                        self.parsers.target.display_name()
                    )),
                );
                return None;
            }
        }
        let path = match self.component_resolver_lookup(from_dir, written) {
            Some(p) => p,
            None if package
                .is_some_and(|name| self.npm.package(name).is_none() && !self.has_folder(from_dir, name)) =>
            {
                let name = package.unwrap_or_default();
                self.error(
                    Diagnostic::error(
                        "project::missing-package",
                        format!("component `{written}`: the npm package `{name}` is not installed"),
                    )
                    .at(&origin.file, origin.span, "named here")
                    .help(format!(
                        "run `npm install` (or npm install {name}) where package.json is; a committed, built miniprogram_npm/ folder works too"
                    )),
                );
                return None;
            }
            None => self.resolve_path(from_dir, written, origin)?,
        };
        self.queue.push_back((path.clone(), UnitKind::Component, origin.clone()));
        Some(ComponentRef::Unit(path))
    }

    /// Whether the source tree has a folder `name` beside `from_dir` or at the source root
    /// (so a bare path that failed to resolve is a missing file there, not a package).
    fn has_folder(&self, from_dir: &str, name: &str) -> bool {
        let beside = if from_dir.is_empty() { format!("{name}/") } else { format!("{from_dir}/{name}/") };
        let root = format!("{name}/");
        self.view.iter().any(|(path, _)| path.starts_with(&beside) || path.starts_with(&root))
    }

    /// A `usingComponents` path: relative to the declaring file, else an npm package's.
    fn component_resolver_lookup(&self, from_dir: &str, written: &str) -> Option<String> {
        crate::project::resolve::ModuleResolver::new(&self.view, self.npm, self.aliases.clone())
            .component(from_dir, written)
    }

    pub(super) fn load_sitemap(&mut self, app: &App) -> Option<ConfigDoc> {
        let written = app.model.sitemap_location.clone().unwrap_or_else(|| "sitemap.json".into());
        let origin = Origin { file: app.config.file.clone(), span: app.config.span_at(["sitemapLocation"]) };
        let path = self.resolve_path("", &written, &origin)?;
        let Some(file) = self.text_file(&path) else {
            if app.model.sitemap_location.is_some() {
                self.error(
                    Diagnostic::error("project::missing-file", format!("the sitemap `{written}` does not exist")).at(
                        &origin.file,
                        origin.span,
                        "named here",
                    ),
                );
            }
            return None;
        };
        self.consumed.insert(path);
        let mut diags = Vec::new();
        let doc = self.parsers.config(&file, whole(&file), ConfigKind::Sitemap, &mut diags);
        self.diags.extend(diags);
        doc
    }
}
