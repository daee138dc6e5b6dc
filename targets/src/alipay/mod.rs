//! The Alipay backend: AXML, ACSS, SJS and Alipay's configs (PLATFORMS.md §1.2–§6).

pub mod components;
mod config;
pub mod limits;
pub mod reserved_classes;
pub mod template;

use std::collections::BTreeSet;

use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::ir::template::{FileRef, Node, Tag, ViewScript, ViewScriptSource, walk_nodes};
use miniweave_compiler::ir::{Project, Template, Unit, UnitKind};
use miniweave_compiler::project::load::template_ref_path;
use miniweave_compiler::project::paths::{dir_of, relative};
use miniweave_compiler::source::Span;
use miniweave_compiler::target::Target;
use miniweave_compiler::template::builtins::is_builtin;
use serde_json::json;

use crate::common::class_scope::{Helper, SJS_MODULE, scope_unit};
use crate::common::component_styles::ComponentStyles;
use crate::common::constructors::{Rewrite, Rules, Uses};
use crate::common::emit::{FileKinds, emit_app_style, emit_style, emit_support_files};
use crate::common::expand::{Expander, Policy};
use crate::common::json::to_pretty;
use crate::common::paths::with_ext;
use crate::common::plain_elements::replace_undeclared_tags;
use crate::common::properties::type_static_attributes;
use crate::common::runtime_placement::place_runtime;
use crate::common::scripts::ScriptEmitter;
use crate::common::view_script::{Dialect, Origin, module_names, to_esm};
use crate::common::wxml::print_document;
use crate::common::{apis, constructors, selectors};
use crate::emitted::Emitted;
use crate::script::{OutputFormat, RUNTIME_DIR, ScriptTarget, minify_view_script, runtime_dir};

use config::ConfigMapper;
use template::{AlipaySpelling, move_slots_off_blocks};

/// Assets Alipay packs by default (Alipay `项目配置.md`, "assetsInclude 打包白名单").
pub const UPLOADED: &[&str] =
    &["png", "jpg", "jpeg", "gif", "svg", "webp", "eot", "woff", "ttf", "woff2", "otf", "mp3", "mp4"];

/// Alipay's custom tab bar lives in `customize-tab-bar/`, WeChat's in `custom-tab-bar/`
/// (Alipay `基础能力/自定义 tabBar.md`).
pub fn place(path: &str) -> String {
    match path.strip_prefix("custom-tab-bar/") {
        Some(rest) => format!("customize-tab-bar/{rest}"),
        None => path.to_string(),
    }
}

const KINDS: FileKinds =
    FileKinds { style_ext: "acss", view_script_ext: "sjs", view_script: Some(Dialect::Sjs), uploads: UPLOADED, place };

/// Alipay's runtime modules (CommonJS): `api` adapts WeChat's API over `my`; `component`
/// maps WeChat's constructor options to Alipay's.
fn assemble_runtime(module: &str, names: &BTreeSet<String>) -> String {
    match module {
        "api" => crate::common::assemble_api("alipay", names, "\"use strict\";\nvar api = exports, __mwHost = my;\n"),
        "component" => {
            crate::runtime::assemble("alipay/component", names, "\"use strict\";\nvar rt = exports;\n", &|_| None)
        }
        _ => String::new(),
    }
}

/// `Component`/`Page` are Alipay's own, given options the runtime maps (PLATFORMS.md §6.3);
/// `Behavior` is the runtime's (Alipay's `Mixin()` takes another shape).
const CONSTRUCTORS: Rules = Rules {
    platform: "Alipay",
    module: "component",
    rewrites: &[
        ("Component", Rewrite::Wrap("component")),
        ("Page", Rewrite::Wrap("page")),
        ("Behavior", Rewrite::Replace("behavior")),
    ],
    optional: &[
        ("moreObservers", Uses::OptionKey(&["observers"])),
        ("moreRelations", Uses::OptionKey(&["relations"])),
        ("morePageLifetimes", Uses::OptionKey(&["pageLifetimes"])),
        ("moreMoved", Uses::OptionKey(&["moved"])),
        ("moreError", Uses::OptionKey(&["error"])),
        ("moreExport", Uses::OptionKey(&["export"])),
        ("select", Uses::Member(&["selectComponent", "selectAllComponents"])),
    ],
    app_exports: false,
};

/// Every Alipay API adapter, assembled as a program using all of them would get it (for
/// the adapters' own tests).
pub fn full_api_runtime() -> String {
    let names: BTreeSet<String> = crate::runtime::names("alipay/api").into_iter().map(str::to_string).collect();
    assemble_runtime("api", &names)
}

/// Whether the configured base library is at least `major.minor.patch`.
fn base_library_at_least(project: &Project, wanted: (u32, u32, u32)) -> bool {
    let mut parts = project.options.alipay_base_library().split('.').map(|p| p.parse::<u32>().unwrap_or(0));
    let have = (parts.next().unwrap_or(0), parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    have >= wanted
}

pub fn emit(project: &Project) -> (Emitted, Vec<Diagnostic>) {
    let mut out = Emitted::new(Target::Alipay);
    let mut diags = Vec::new();
    let app_json = ConfigMapper::new(&mut diags).app_json(project);
    out.add("app.json".into(), to_pretty(&app_json), 0, project.app.file.name(), &mut diags);
    emit_app_style(project, &KINDS, &mut out, &mut diags);
    let target = ScriptTarget {
        target: Target::Alipay,
        format: OutputFormat::CommonJs,
        release: project.release,
        place,
        assemble: assemble_runtime,
    };
    let mut scripts = ScriptEmitter::new(project, target);
    scripts.emit_all(&mut out, &mut diags, &mut |program, env, out| {
        constructors::map(program, env, out, &CONSTRUCTORS);
        apis::map(program, env, out, Target::Alipay);
        selectors::map(program, env, out);
    });
    let styles = ComponentStyles::of(project);
    let mut scope_dirs = BTreeSet::new();
    for unit in project.units.values() {
        let unit_out = emit_unit(project, unit, &styles, &mut out, &mut diags);
        for snippet in unit_out.snippets {
            scripts.use_runtime(&unit.path, "component", snippet);
        }
        if unit_out.scope_helper {
            scope_dirs.insert(runtime_dir(project, &unit.path));
        }
    }
    // Release output is minified like the other runtime modules (its comments are most of it).
    let scope = include_str!("runtime/scope.sjs");
    let scope = if project.release { minify_view_script(scope) } else { scope.to_string() };
    for dir in scope_dirs {
        let path = place(&format!("{dir}/scope.sjs"));
        out.add(path, scope.clone(), project.package_of(&dir), RUNTIME_DIR, &mut diags);
    }
    for (path, template) in &project.templates {
        for snippet in emit_axml(project, path, without_components(&template.nodes), template, &mut out, &mut diags) {
            scripts.use_runtime(path, "component", snippet);
        }
    }
    scripts.emit_runtime(&mut out, &mut diags);
    emit_support_files(project, &KINDS, &mut out, &mut diags);
    // `format: 2` with `component2` (Alipay `项目配置.md`). Format 2 has no app-id field:
    // the IDE associates the app id, so `alipay.appid` cannot be written here.
    let project_file = json!({
        "format": 2,
        "compileType": "mini",
        "compileOptions": { "component2": true },
    });
    out.add(SETTINGS.path.into(), to_pretty(&project_file), 0, "miniweave.json", &mut diags);
    out.settings = Some(SETTINGS);
    place_runtime(project, &mut out);
    (out, diags)
}

/// What of `mini.project.json` miniweave sets; the rest is the IDE's.
const SETTINGS: crate::emitted::SettingsFile = crate::emitted::SettingsFile {
    path: "mini.project.json",
    owned: &["format", "compileType", "compileOptions/component2"],
};

/// What a unit's template needs from the runtime.
struct UnitRuntime {
    /// Snippets of the `component` module its generated handlers call.
    snippets: BTreeSet<&'static str>,
    /// Whether it computes class names at run time (`scope.sjs`).
    scope_helper: bool,
}

/// Emits a unit's AXML, JSON and ACSS.
fn emit_unit(
    project: &Project,
    unit: &Unit,
    styles: &ComponentStyles,
    out: &mut Emitted,
    diags: &mut Vec<Diagnostic>,
) -> UnitRuntime {
    let _file = miniweave_compiler::breadcrumb::working_on(unit.file.name());
    let source = unit.file.name();
    let path = place(&unit.path);
    // A component's templates are all expanded into it, so their class names take its scope.
    let policy = if unit.kind == UnitKind::Component { Policy::Everything } else { Policy::WhereComponents };
    let mut expander = Expander::new(project, unit, policy, "Alipay");
    let mut nodes = expander.expand_unit();
    diags.extend(expander.diagnostics);
    replace_undeclared_tags(unit, &mut nodes);
    type_static_attributes(project, unit, &mut nodes);
    let scope_helper = scope_unit(unit, &mut nodes, styles, Helper::Sjs);
    reserved_classes::unreserve_classes(&mut nodes);
    if scope_helper {
        let runtime = format!("{}/scope.wxs", runtime_dir(project, &unit.path));
        let src = relative(dir_of(&unit.path), &runtime);
        let src = if src.starts_with('.') { src } else { format!("./{src}") };
        let source = ViewScriptSource::File(FileRef { src, span: Span::point(0) });
        nodes.insert(0, Node::ViewScript(ViewScript { module: SJS_MODULE.into(), source, span: Span::point(0) }));
    }
    let snippets = emit_axml(project, &format!("{}.wxml", unit.path), nodes, &unit.template, out, diags);
    let json = ConfigMapper::new(diags).unit_json(unit);
    out.add(format!("{path}.json"), to_pretty(&json), unit.package, source, diags);
    if let Some(style) = &unit.style {
        let logical = format!("{}.wxss", unit.path);
        emit_style(
            project,
            style,
            &logical,
            format!("{path}.acss"),
            &styles.role(unit),
            &KINDS.styles(project),
            unit.package,
            out,
            diags,
        );
    }
    UnitRuntime { snippets, scope_helper }
}

/// A template file as Alipay may import it: Alipay forbids custom components in imported
/// and included files (PLATFORMS.md §2.1), and every use of a template that has them is
/// expanded in place at its call site, so those definitions and nodes are left out.
fn without_components(nodes: &[Node]) -> Vec<Node> {
    let uses_component = |node: &Node| {
        let mut found = false;
        walk_nodes(std::slice::from_ref(node), &mut |n| {
            if let Node::Element(e) = n {
                found |= matches!(&e.tag, Tag::Named(name) if !is_builtin(name));
            }
        });
        found
    };
    nodes.iter().filter(|n| !uses_component(n)).cloned().collect()
}

/// Leaves out `<import>`/`<include>` of files that do not exist: WeChat renders them as
/// nothing (the frontend warned), while Alipay's compiler would stop at the missing file.
fn drop_missing_file_refs(project: &Project, from: &str, nodes: &mut Vec<Node>) {
    let exists = |src: &str| template_ref_path(from, src).is_ok_and(|p| project.templates.contains_key(&p));
    nodes.retain(|n| match n {
        Node::Import(r) | Node::Include(r) => exists(&r.src),
        _ => true,
    });
    for node in nodes.iter_mut() {
        match node {
            Node::Element(e) => drop_missing_file_refs(project, from, &mut e.children),
            Node::If(chain) => {
                chain.branches.iter_mut().for_each(|b| drop_missing_file_refs(project, from, &mut b.body))
            }
            Node::For(l) => drop_missing_file_refs(project, from, &mut l.body),
            Node::TemplateDef(d) => drop_missing_file_refs(project, from, &mut d.body),
            _ => {}
        }
    }
}

/// Prints one AXML document (logical path `path`, a `.wxml` name) and its inline view
/// scripts; the runtime snippets its generated handlers need.
fn emit_axml(
    project: &Project,
    path: &str,
    mut nodes: Vec<miniweave_compiler::ir::template::Node>,
    template: &Template,
    out: &mut Emitted,
    diags: &mut Vec<Diagnostic>,
) -> BTreeSet<&'static str> {
    move_slots_off_blocks(&mut nodes);
    drop_missing_file_refs(project, path, &mut nodes);
    let placed = place(path);
    let stem = placed.rsplit('/').next().unwrap_or(&placed).trim_end_matches(".wxml").to_string();
    let mut spelling = AlipaySpelling::new(
        template.file.clone(),
        stem.clone(),
        base_library_at_least(project, (2, 8, 0)),
        module_names(&nodes),
    );
    let axml = print_document(&nodes, &mut spelling);
    let package = project.package_of(path);
    let source = template.file.name();
    out.add(with_ext(&placed, "axml"), axml, package, source, diags);
    let dir = dir_of(&placed);
    for (module, code, span) in spelling.inline_scripts {
        let file = if dir.is_empty() { format!("{stem}.{module}.sjs") } else { format!("{dir}/{stem}.{module}.sjs") };
        match to_esm(&code, Dialect::Sjs, &Origin { file: &template.file, base: None, fallback: span }) {
            Ok(code) => out.add(file, code, package, source, diags),
            Err(d) => diags.push(d),
        }
    }
    diags.extend(spelling.diagnostics);
    spelling.runtime
}
