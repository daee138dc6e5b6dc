//! The Weibo backend: native WBox pages (PLATFORMS.md §7.3), Vue 2 single-file components
//! in the layout of WBox's project template (PLATFORMS.md §7.1): `wbox.config.json`,
//! `src/app.json`, `src/app.js`, `src/app.css`, and per page `src/<page>.vue`, `.json`, `.css`.
//!
//! Assumptions about WBox, beyond LANGUAGE.md §8, written where they are made:
//! - WBox has no documented subpackages: their pages are listed in `src/app.json`'s `pages`
//!   (the main package), with a warning.
//! - `src/app.json` and page JSON take WeChat's window keys (`navigationBarTitleText`, ...):
//!   WBox's template page JSON uses them. The tab bar is passed in WeChat's form too.
//! - Assets are copied as they are under `src/`, at the same paths.

mod bindings;
mod default_export;
pub mod limits;
mod project_files;
pub mod template;
mod unit_script;

use std::collections::BTreeSet;

use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::ir::template::{Node, ViewScriptSource, walk_nodes};
use miniweave_compiler::ir::{Project, Unit, UnitKind};
use miniweave_compiler::project::load::view_script_ref_path;
use miniweave_compiler::target::Target;
use serde_json::Value;
use swc_core::ecma::ast::Program;

use crate::common::class_scope::{Helper, scope_unit};
use crate::common::component_styles::ComponentStyles;
use crate::common::constructors::{RUNTIME_LOCAL, Rewrite, Rules, Uses};
use crate::common::emit::{FileKinds, emit_app_style, emit_style, emit_support_files};
use crate::common::expand::{Expander, Policy, unit_document};
use crate::common::json::to_pretty;
use crate::common::paths::with_ext;
use crate::common::plain_elements::replace_undeclared_tags;
use crate::common::properties::{Isolation, type_static_attributes};
use crate::common::scripts::{Passes, ScriptEmitter};
use crate::common::unit_config_map;
use crate::common::view_script::{Dialect, Origin, to_esm};
use crate::common::{apis, constructors, selectors};
use crate::emitted::Emitted;
use crate::script::{OutputFormat, PassEnv, PassOutput, ScriptTarget, import_runtime, runtime_dir};
use crate::style::{self, Role, Scope};

use template::VuePrinter;
use unit_script::{Scoping, WxsModule, items, scriptless, vue_options};

/// Weibo's runtime modules (ES modules): `api` adapts WeChat's calling convention over
/// `wbx`; `vue` turns WeChat's constructor options into Vue 2 options.
fn assemble_runtime(module: &str, names: &BTreeSet<String>) -> String {
    match module {
        "api" => crate::common::assemble_api("weibo", names, "const api = {}, __mwHost = wbx;\nexport default api;\n"),
        "vue" => crate::runtime::assemble("weibo/vue", names, "const rt = {};\nexport default rt;\n", &|_| None),
        _ => String::new(),
    }
}

/// Every constructor is the runtime's: `Page(x)`/`Component(x)` record the options for the
/// `.vue` file's export, `src/app.js` exports the app (PLATFORMS.md §7.1).
const CONSTRUCTORS: Rules = Rules {
    platform: "Weibo",
    module: "vue",
    rewrites: &[
        ("Component", Rewrite::Replace("register")),
        ("Page", Rewrite::Replace("register")),
        ("Behavior", Rewrite::Replace("behavior")),
        ("App", Rewrite::Replace("app")),
        ("getApp", Rewrite::Replace("getApp")),
        ("getCurrentPages", Rewrite::Replace("pages")),
    ],
    optional: &[("select", Uses::Member(&["selectComponent", "selectAllComponents"]))],
    app_exports: true,
};

/// Everything is under `src/` in a WBox project.
fn place(path: &str) -> String {
    format!("src/{path}")
}

/// Asset kinds copied for Weibo: WBox renders web pages, so web media and fonts.
const UPLOADED: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "bmp", "eot", "woff", "woff2", "ttf", "otf", "mp3", "mp4",
    "wav", "ogg", "aac", "m4a", "webm", "json",
];

const KINDS: FileKinds =
    FileKinds { style_ext: "css", view_script_ext: "wxs.js", view_script: Some(Dialect::Js), uploads: UPLOADED, place };

pub fn emit(project: &Project) -> (Emitted, Vec<Diagnostic>) {
    let mut out = Emitted::new(Target::Weibo);
    let mut diags = Vec::new();
    project_files::emit(project, &mut out, &mut diags);
    emit_app_style(project, &KINDS, &mut out, &mut diags);
    let target = ScriptTarget {
        target: Target::Weibo,
        format: OutputFormat::Esm,
        release: project.release,
        place,
        assemble: assemble_runtime,
    };
    let mut scripts = ScriptEmitter::new(project, target);
    let passes: &mut Passes<'_> = &mut |program, env, out| {
        constructors::map(program, env, out, &CONSTRUCTORS);
        apis::map(program, env, out, Target::Weibo);
        selectors::map(program, env, out);
    };
    match &project.app.script {
        Some(s) => scripts.emit(s, 0, &mut out, &mut diags, passes),
        None => out.add(place("app.js"), "export default {};\n", 0, project.app.file.name(), &mut diags),
    }
    let mut shared = Shared { inline_done: BTreeSet::new(), styles: ComponentStyles::of(project) };
    for unit in project.units.values() {
        emit_unit(unit, &mut scripts, &mut out, &mut diags, &mut shared);
    }
    for script in project.modules.values() {
        scripts.emit(script, project.package_of(&script.path), &mut out, &mut diags, passes);
    }
    scripts.emit_data(&mut out, &mut diags);
    scripts.emit_runtime(&mut out, &mut diags);
    emit_support_files(project, &KINDS, &mut out, &mut diags);
    (out, diags)
}

/// The view-script modules in scope in a unit's template: its own document's and those of
/// the documents whose templates were expanded into it. Inline ones are written beside
/// their document (once), as `<document>.<module>.wxs.js`.
fn view_scripts(
    project: &Project,
    unit: &Unit,
    documents: &BTreeSet<String>,
    out: &mut Emitted,
    diags: &mut Vec<Diagnostic>,
    inline_done: &mut BTreeSet<String>,
) -> Vec<WxsModule> {
    let mut modules: Vec<WxsModule> = Vec::new();
    let own = unit_document(unit);
    for doc_path in std::iter::once(&own).chain(documents.iter()) {
        let doc = if *doc_path == own { Some(&unit.template) } else { project.templates.get(doc_path) };
        let Some(doc) = doc else { continue };
        let mut found = Vec::new();
        walk_nodes(&doc.nodes, &mut |n| {
            if let Node::ViewScript(v) = n {
                found.push(v.clone());
            }
        });
        for v in found {
            let path = match &v.source {
                ViewScriptSource::File(r) => match view_script_ref_path(doc_path, &r.src) {
                    Ok(p) => with_ext(&p, "wxs.js"),
                    Err(_) => continue,
                },
                ViewScriptSource::Inline(code) => {
                    let path = format!("{}.{}.wxs.js", doc_path.trim_end_matches(".wxml"), v.module);
                    if inline_done.insert(path.clone()) {
                        let origin = Origin { file: &doc.file, base: None, fallback: v.span };
                        match to_esm(code, Dialect::Js, &origin) {
                            Ok(js) => out.add(place(&path), js, project.package_of(doc_path), doc.file.name(), diags),
                            Err(d) => diags.push(d),
                        }
                    }
                    path
                }
            };
            // A Vue page has one namespace: two documents' modules of one name that are
            // different files cannot both be in it (WeChat scopes them per document).
            match modules.iter().find(|m| m.name == v.module) {
                Some(m) if m.path != path => diags.push(
                    Diagnostic::error(
                        "weibo::view-script-name",
                        format!("two view scripts named `{}` meet in this page on Weibo", v.module),
                    )
                    .at(&doc.file, v.span, format!("also `{}` in another template", v.module))
                    .help("give one of them another module name"),
                ),
                Some(_) => {}
                None => modules.push(WxsModule { name: v.module.clone(), path }),
            }
        }
    }
    modules
}

/// What the units of one build share.
struct Shared {
    /// Inline view scripts already written (a template file's, used by several units).
    inline_done: BTreeSet<String>,
    /// What every component's styles need.
    styles: ComponentStyles,
}

fn emit_unit(
    unit: &Unit,
    scripts: &mut ScriptEmitter<'_>,
    out: &mut Emitted,
    diags: &mut Vec<Diagnostic>,
    shared: &mut Shared,
) {
    let project = scripts.project;
    let _file = miniweave_compiler::breadcrumb::working_on(unit.file.name());
    let source = unit.file.name();
    let mut expander = Expander::new(project, unit, Policy::Everything, "Weibo");
    let mut nodes = expander.expand_unit();
    diags.extend(std::mem::take(&mut expander.diagnostics));
    replace_undeclared_tags(unit, &mut nodes);
    type_static_attributes(project, unit, &mut nodes);
    if scope_unit(unit, &mut nodes, &shared.styles, Helper::Method) {
        scripts.use_runtime(&unit.path, "vue", "cls");
    }
    let wxs = view_scripts(project, unit, &expander.used_documents, out, diags, &mut shared.inline_done);
    let generics = unit
        .components
        .iter()
        .filter(|(_, c)| matches!(c, miniweave_compiler::ir::ComponentRef::Generic))
        .map(|(t, _)| t.clone())
        .collect();
    let mut printer =
        VuePrinter::new(unit.template.file.clone(), wxs.iter().map(|m| m.name.clone()).collect(), generics);
    // The root stands for WeChat's page or component host node; a component's root carries
    // its bare scope prefix, which its `:host` rules name.
    let root_class = match unit.kind {
        UnitKind::Page => "mw-page".to_string(),
        UnitKind::Component => format!("mw-host {}", Scope::of(&unit.path).prefix),
    };
    let mut vue = printer.document(&nodes, &root_class);
    diags.extend(printer.diagnostics);
    if printer.needs.model {
        scripts.use_runtime(&unit.path, "vue", "model");
    }
    if printer.needs.rpx {
        scripts.use_runtime(&unit.path, "vue", "rpx");
    }
    let kind = if unit.kind == UnitKind::Page { "page" } else { "component" };
    scripts.use_runtime(&unit.path, "vue", kind);
    let externals = shared.styles.externals.get(&unit.path).cloned().unwrap_or_default();
    let scoping = Scoping { externals: &externals, shared: shared.styles.isolation(unit) == Isolation::ApplyShared };
    let options = vue_options(unit, &nodes, &wxs, &scoping);
    let script = match &unit.script {
        Some(script) => {
            let mut passes = |program: &mut Program, env: &PassEnv<'_>, pass: &mut PassOutput| {
                constructors::map(program, env, pass, &CONSTRUCTORS);
                apis::map(program, env, pass, Target::Weibo);
                selectors::map(program, env, pass);
                if let Program::Module(module) = program {
                    // The export needs the runtime even when the script calls no constructor.
                    if !pass.runtime.contains_key("vue") {
                        import_runtime(module, env, "vue", RUNTIME_LOCAL);
                    }
                    default_export::strip_default_export(module);
                    module.body.extend(items(&options));
                }
            };
            // The script lives inside the .vue file, so it gets no source map.
            scripts.compile(script, diags, &mut passes, false).code
        }
        None => scriptless(unit, &nodes, &wxs, &scoping, &format!("{}/vue.js", runtime_dir(project, &unit.path))),
    };
    vue.push_str("\n<script>\n");
    vue.push_str(&script);
    vue.push_str("</script>\n");
    // Assumption (WBox): a page's CSS is its own file (the WBox template's layout); a
    // component's travels in its .vue file's <style> block, as Vue single-file components do.
    let component_style = unit.style.as_ref().filter(|_| unit.kind == UnitKind::Component);
    if let Some(style) = component_style {
        let logical = format!("{}.wxss", unit.path);
        let out_path = place(&format!("{}.vue", unit.path));
        let styles = KINDS.styles(project);
        if let Some(css) = style::emit(project, style, &logical, &out_path, &shared.styles.role(unit), &styles, diags) {
            vue.push_str(&format!("\n<style>\n{}\n</style>\n", css.code.trim_end()));
        }
    }
    out.add(place(&format!("{}.vue", unit.path)), vue, unit.package, source, diags);
    if unit.kind == UnitKind::Page {
        // Page JSON keeps the window keys; components are registered by the Vue files.
        let mut map = unit_config_map(unit);
        map.shift_remove("usingComponents");
        out.add(place(&format!("{}.json", unit.path)), to_pretty(&Value::Object(map)), unit.package, source, diags);
    }
    if let Some(style) = unit.style.as_ref().filter(|_| unit.kind == UnitKind::Page) {
        let logical = format!("{}.wxss", unit.path);
        let styles = KINDS.styles(project);
        let out_path = place(&format!("{}.css", unit.path));
        emit_style(project, style, &logical, out_path, &Role::Global, &styles, unit.package, out, diags);
    }
}
