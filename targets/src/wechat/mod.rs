//! The WeChat backend: WeChat's own format, the source language's home dialect.

mod project_files;
pub mod template;

use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::ir::{Project, Unit, UnitKind};
use miniweave_compiler::target::Target;
use serde_json::{Map, Value};

use crate::common::json::{to_pretty, with_first};
use crate::common::paths::{has_ext, with_ext};
use crate::common::wxml::print_document;
use crate::emitted::Emitted;

use template::WechatSpelling;

/// File kinds WeChat uploads besides compiled code (WeChat's project structure docs,
/// developers.weixin.qq.com/miniprogram/dev/framework/structure.html; PLATFORMS.md §1.1).
pub const UPLOADED: &[&str] = &[
    "wxs", "png", "jpg", "jpeg", "gif", "svg", "json", "cer", "mp3", "aac", "m4a", "mp4", "wav",
    "ogg", "silk", "wasm", "br", "cert",
];

pub fn emit(project: &Project) -> (Emitted, Vec<Diagnostic>) {
    let mut out = Emitted::new(Target::Wechat);
    let mut diags = Vec::new();
    let app = &project.app;
    let app_source = app.file.name();
    out.add(
        "app.json".into(),
        to_pretty(&app.config.json.to_value()),
        0,
        app_source,
        &mut diags,
    );
    let app_js = app
        .script
        .as_ref()
        .map_or_else(|| "App({});\n".to_string(), |s| s.code.clone());
    out.add("app.js".into(), app_js, 0, app_source, &mut diags);
    if let Some(style) = &app.style {
        out.add(
            "app.wxss".into(),
            style.text.clone(),
            0,
            app_source,
            &mut diags,
        );
    }
    for unit in project.units.values() {
        emit_unit(project, unit, &mut out, &mut diags);
    }
    for (path, template) in &project.templates {
        let wxml = print_document(&template.nodes, &mut WechatSpelling);
        out.add(
            path.clone(),
            wxml,
            project.package_of(path),
            template.file.name(),
            &mut diags,
        );
    }
    for (path, script) in &project.view_scripts {
        out.add(
            path.clone(),
            script.code.clone(),
            project.package_of(path),
            script.file.name(),
            &mut diags,
        );
    }
    for (path, script) in &project.scripts {
        out.add(
            with_ext(path, "js"),
            script.code.clone(),
            project.package_of(path),
            script.file.name(),
            &mut diags,
        );
    }
    for (path, style) in &project.styles {
        out.add(
            with_ext(path, "wxss"),
            style.text.clone(),
            project.package_of(path),
            style.file.name(),
            &mut diags,
        );
    }
    for (path, asset) in &project.assets {
        if has_ext(path, UPLOADED) {
            out.add_shared(
                path.clone(),
                asset.bytes.clone(),
                project.package_of(path),
                path,
                &mut diags,
            );
        }
    }
    project_files::emit(project, &mut out, &mut diags);
    (out, diags)
}

fn emit_unit(project: &Project, unit: &Unit, out: &mut Emitted, diags: &mut Vec<Diagnostic>) {
    let source = unit.file.name();
    let wxml = print_document(&unit.template.nodes, &mut WechatSpelling);
    out.add(
        format!("{}.wxml", unit.path),
        wxml,
        unit.package,
        source,
        diags,
    );
    out.add(
        format!("{}.json", unit.path),
        to_pretty(&unit_json(unit)),
        unit.package,
        source,
        diags,
    );
    let js = match &unit.script {
        Some(s) => s.code.clone(),
        // WeChat needs the constructor call to register a unit; a template-only unit gets
        // an empty one.
        None if unit.kind == UnitKind::Page => "Page({});\n".into(),
        None => "Component({});\n".into(),
    };
    out.add(format!("{}.js", unit.path), js, unit.package, source, diags);
    if let Some(style) = &unit.style {
        out.add(
            format!("{}.wxss", unit.path),
            style.text.clone(),
            unit.package,
            source,
            diags,
        );
    }
    let _ = project;
}

/// A unit's JSON as written; components say `"component": true` first, as WeChat requires.
fn unit_json(unit: &Unit) -> Value {
    let map = match unit.config.as_ref().map(|c| c.json.to_value()) {
        Some(Value::Object(m)) => m,
        _ => Map::new(),
    };
    match unit.kind {
        UnitKind::Component => Value::Object(with_first("component", Value::Bool(true), &map)),
        UnitKind::Page => Value::Object(map),
    }
}
