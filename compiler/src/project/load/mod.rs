//! Discovering one target's project: the app, its pages and subpackages, the components
//! they name, the template and view-script files they pull in, and every other file.
//!
//! A unit listed in `pages` or `subpackages` is a page; a unit named from a
//! `usingComponents` is a component (LANGUAGE.md §1): the script's constructor does not
//! decide it. No path written in a source may resolve outside the source root.

mod app;
mod builtin_attributes;
mod checks;
mod component_properties;
mod cycles;
mod handlers;
mod modules;
mod near;
mod parse;
mod plain;
pub(crate) mod style_imports;
mod template_assets;
mod templates;
mod units;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::Arc;

use crate::cache::ParseCache;
use crate::condcomp::Conditions;
use crate::diagnostics::Diagnostic;
use crate::ir::{ComponentRef, DataModule, Package, Project, Template, Unit, UnitKind, ViewScriptFile};
use crate::script::Script;
use crate::source::{SourceFile, Span};
use crate::target::Target;

use super::files::FileSet;
use super::layout::Layout;
use super::npm::{NPM_DIR, Npm};
use super::resolve::Alias;
use super::view::SourceView;

pub use parse::Parsers;
pub use style_imports::style_import_paths;
pub(crate) use templates::{RefKind, file_refs, view_script_requires};
pub use templates::{template_ref_path, view_script_ref_path};

/// Where a file was asked for: the file and span of the path that named it.
#[derive(Debug, Clone)]
pub struct Origin {
    pub file: Arc<SourceFile>,
    pub span: Span,
}

/// A build's inputs besides the files.
#[derive(Debug, Clone)]
pub struct LoadOptions<'a> {
    pub target: Target,
    pub release: bool,
    /// `define` with `--define` applied.
    pub defines: &'a indexmap::IndexMap<String, serde_json::Value>,
}

struct Loader<'a> {
    layout: &'a Layout,
    view: SourceView,
    npm: &'a Npm,
    /// npm files read as text, whose reading problems this build reports.
    npm_texts: RefCell<BTreeSet<String>>,
    aliases: Vec<Alias>,
    module_queue: VecDeque<(String, Origin)>,
    modules: BTreeMap<String, Script>,
    data: BTreeMap<String, DataModule>,
    /// Modules already taken from the queue.
    loaded: BTreeSet<String>,
    parsers: Parsers<'a>,
    diags: Vec<Diagnostic>,
    units: BTreeMap<String, Unit>,
    queue: VecDeque<(String, UnitKind, Origin)>,
    /// Logical paths of files that belong to the app or a unit, so they are not emitted
    /// again as plain files.
    consumed: BTreeSet<String>,
    templates: BTreeMap<String, Template>,
    view_scripts: BTreeMap<String, ViewScriptFile>,
    global_components: BTreeMap<String, ComponentRef>,
    packages: Vec<Package>,
    /// npm package names of the WeChat extended libraries the app turns on
    /// (`useExtendedLib: { "weui": true }` → `weui-miniprogram`).
    extended_libs: BTreeSet<String>,
    /// Units whose config failed to parse: what they declare is unknown, so checks that
    /// read it (unknown tags) are skipped rather than reported as follow-on errors.
    broken_configs: BTreeSet<String>,
}

/// Loads the project for one target: the project (`None` only when there is no usable app),
/// with whatever failed to load left out, and every diagnostic found (warnings included).
/// A project with an error may be emitted to find more problems, but never written.
pub fn load(
    layout: &Layout,
    files: &FileSet,
    npm: &Npm,
    options: &LoadOptions<'_>,
    cache: &ParseCache,
) -> (Option<Project>, Vec<Diagnostic>) {
    let mut loader = Loader {
        layout,
        view: SourceView::new(files, options.target),
        npm,
        npm_texts: RefCell::default(),
        aliases: Vec::new(),
        module_queue: VecDeque::new(),
        modules: BTreeMap::new(),
        data: BTreeMap::new(),
        loaded: BTreeSet::new(),
        parsers: Parsers {
            cache,
            conditions: Conditions { target: options.target, defines: options.defines },
            target: options.target,
            release: options.release,
        },
        diags: Vec::new(),
        units: BTreeMap::new(),
        queue: VecDeque::new(),
        consumed: BTreeSet::new(),
        templates: BTreeMap::new(),
        view_scripts: BTreeMap::new(),
        global_components: BTreeMap::new(),
        packages: vec![Package { root: None, name: None, independent: false }],
        extended_libs: BTreeSet::new(),
        broken_configs: BTreeSet::new(),
    };
    let Some(app) = loader.load_app() else {
        return (None, loader.diags);
    };
    loader.queue_pages(&app);
    while let Some((path, kind, origin)) = loader.queue.pop_front() {
        loader.load_unit(path, kind, origin);
    }
    loader.load_template_files();
    loader.load_modules();
    loader.check_units(&app);
    loader.check_import_cycles();
    let sitemap = loader.load_sitemap(&app);
    let (mut styles, mut assets) = loader.load_plain_files();
    loader.load_style_imports(&app, &mut styles, &mut assets);
    loader.report_npm_problems();
    // The project is returned even when something in it is an error, so the backends report
    // their own problems in the same run (every error at once); it is never written then.
    let mut project = Project {
        target: options.target,
        root: layout.root.clone(),
        name: layout.name.clone(),
        wechat_project_config: layout.wechat_project_config.clone(),
        src_dir: layout.src_dir.clone(),
        options: layout.options.clone(),
        release: options.release,
        app,
        units: loader.units,
        templates: loader.templates,
        view_scripts: loader.view_scripts,
        modules: loader.modules,
        data: loader.data,
        styles,
        assets,
        packages: loader.packages,
        sitemap,
    };
    let mut diags = loader.diags;
    // WBox documents no subpackages: every Weibo page is in one package, so nothing moves.
    if options.target != Target::Weibo {
        super::placement::place(&mut project, &mut diags);
    }
    (Some(project), diags)
}

impl Loader<'_> {
    fn error(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// The name users see for a logical path.
    fn shown(&self, logical: &str) -> String {
        self.layout.display_name(logical)
    }

    fn is_npm(logical: &str) -> bool {
        logical.starts_with(NPM_DIR) && logical[NPM_DIR.len()..].starts_with('/')
    }

    /// A text file by logical path: from the source tree, or from an npm package.
    fn text_file(&self, logical: &str) -> Option<Arc<SourceFile>> {
        if Self::is_npm(logical) {
            return self.npm_text(logical);
        }
        self.view.get(logical).and_then(|e| e.text().cloned())
    }

    /// An npm file's text, noted so that a problem reading it is reported.
    fn npm_text(&self, logical: &str) -> Option<Arc<SourceFile>> {
        let file = self.npm.file(logical).and_then(|e| e.text().cloned());
        if file.is_some() {
            self.npm_texts.borrow_mut().insert(logical.to_string());
        }
        file
    }

    /// npm files that are not UTF-8 or too large: each an error at its place, once.
    fn report_npm_problems(&mut self) {
        let read = std::mem::take(self.npm_texts.get_mut());
        for logical in read {
            if let Some(problem) = self.npm.problem_of(&logical) {
                self.error(problem);
            }
        }
    }

    fn exists(&self, logical: &str) -> bool {
        if Self::is_npm(logical) { self.npm.file(logical).is_some() } else { self.view.contains(logical) }
    }
}
