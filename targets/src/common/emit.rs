//! Emitting what every native backend emits alike: the app's script and style, view
//! scripts, utility scripts, stylesheets, and the assets the platform uploads.

use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::ir::Project;

use super::paths::{has_ext, with_ext};
use crate::emitted::Emitted;

/// How a platform names and filters files.
pub struct FileKinds {
    pub style_ext: &'static str,
    pub view_script_ext: &'static str,
    /// Asset extensions the platform uploads.
    pub uploads: &'static [&'static str],
    /// The output path of a logical path (folder renames such as Alipay's
    /// `customize-tab-bar`).
    pub place: fn(&str) -> String,
}

pub fn emit_app_code(project: &Project, kinds: &FileKinds, out: &mut Emitted, diags: &mut Vec<Diagnostic>) {
    let app = &project.app;
    let source = app.file.name();
    let js = app.script.as_ref().map_or_else(|| "App({});\n".to_string(), |s| s.code.clone());
    out.add("app.js".into(), js, 0, source, diags);
    if let Some(style) = &app.style {
        out.add(format!("app.{}", kinds.style_ext), style.text.clone(), 0, source, diags);
    }
}

pub fn emit_support_files(project: &Project, kinds: &FileKinds, out: &mut Emitted, diags: &mut Vec<Diagnostic>) {
    let place = kinds.place;
    for (path, script) in &project.view_scripts {
        let target = place(&with_ext(path, kinds.view_script_ext));
        out.add(target, script.code.clone(), project.package_of(path), script.file.name(), diags);
    }
    for (path, script) in &project.scripts {
        out.add(place(&with_ext(path, "js")), script.code.clone(), project.package_of(path), script.file.name(), diags);
    }
    for (path, style) in &project.styles {
        out.add(
            place(&with_ext(path, kinds.style_ext)),
            style.text.clone(),
            project.package_of(path),
            style.file.name(),
            diags,
        );
    }
    for (path, asset) in &project.assets {
        if has_ext(path, kinds.uploads) {
            out.add_shared(place(path), asset.bytes.clone(), project.package_of(path), path, diags);
        }
    }
}

/// A platform with no folder renames.
pub fn same_place(path: &str) -> String {
    path.to_string()
}
