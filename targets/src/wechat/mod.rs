//! The WeChat backend: WeChat's own format, the source language's home dialect.

pub mod limits;
mod project_files;
pub mod template;

use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::ir::{Project, Unit, UnitKind};
use miniweave_compiler::target::Target;
use serde_json::Value;

use crate::common::apis;
use crate::common::emit::{FileKinds, emit_app_style, emit_style, emit_support_files, same_place, unscoped_role};
use crate::common::json::{to_pretty, with_first};
use crate::common::runtime_placement::place_runtime;
use crate::common::scripts::ScriptEmitter;
use crate::common::unit_config_map;
use crate::common::wxml::print_document;
use crate::emitted::Emitted;
use crate::script::{OutputFormat, ScriptTarget};

use template::WechatSpelling;

/// File kinds WeChat uploads besides compiled code (WeChat's project structure docs,
/// developers.weixin.qq.com/miniprogram/dev/framework/structure.html; PLATFORMS.md §1.1).
pub const UPLOADED: &[&str] = &[
    "wxs", "png", "jpg", "jpeg", "gif", "svg", "json", "cer", "mp3", "aac", "m4a", "mp4", "wav", "ogg", "silk", "wasm",
    "br", "cert",
];

const KINDS: FileKinds =
    FileKinds { style_ext: "wxss", view_script_ext: "wxs", view_script: None, uploads: UPLOADED, place: same_place };

pub fn emit(project: &Project) -> (Emitted, Vec<Diagnostic>) {
    let mut out = Emitted::new(Target::Wechat);
    let mut diags = Vec::new();
    let app = &project.app;
    out.add("app.json".into(), to_pretty(&app.config.json.to_value()), 0, app.file.name(), &mut diags);
    emit_app_style(project, &KINDS, &mut out, &mut diags);
    let target = ScriptTarget {
        target: Target::Wechat,
        format: OutputFormat::CommonJs,
        release: project.release,
        place: same_place,
        assemble: |_, _| String::new(),
    };
    let mut scripts = ScriptEmitter::new(project, target);
    // WeChat's API is the source's own; the pass only rejects other platforms' objects.
    scripts.emit_all(&mut out, &mut diags, &mut |program, env, out| apis::map(program, env, out, Target::Wechat));
    scripts.emit_runtime(&mut out, &mut diags);
    for unit in project.units.values() {
        emit_unit(project, unit, &mut out, &mut diags);
    }
    for (path, template) in &project.templates {
        let wxml = print_document(&template.nodes, &mut WechatSpelling);
        out.add(path.clone(), wxml, project.package_of(path), template.file.name(), &mut diags);
    }
    emit_support_files(project, &KINDS, &mut out, &mut diags);
    project_files::emit(project, &mut out, &mut diags);
    place_runtime(project, &mut out);
    (out, diags)
}

fn emit_unit(project: &Project, unit: &Unit, out: &mut Emitted, diags: &mut Vec<Diagnostic>) {
    let _file = miniweave_compiler::breadcrumb::working_on(unit.file.name());
    let source = unit.file.name();
    let wxml = print_document(&unit.template.nodes, &mut WechatSpelling);
    out.add(format!("{}.wxml", unit.path), wxml, unit.package, source, diags);
    out.add(format!("{}.json", unit.path), to_pretty(&unit_json(unit)), unit.package, source, diags);
    if let Some(style) = &unit.style {
        let path = format!("{}.wxss", unit.path);
        let styles = KINDS.styles(project);
        emit_style(project, style, &path, path.clone(), &unscoped_role(unit), &styles, unit.package, out, diags);
    }
}

/// A unit's JSON as written; components say `"component": true` first, as WeChat requires.
fn unit_json(unit: &Unit) -> Value {
    let map = unit_config_map(unit);
    match unit.kind {
        UnitKind::Component => Value::Object(with_first("component", Value::Bool(true), &map)),
        UnitKind::Page => Value::Object(map),
    }
}
