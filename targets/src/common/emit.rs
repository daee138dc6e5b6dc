//! Emitting what every backend emits alike: the app's style, view scripts, stylesheets, and
//! the assets the platform uploads. Scripts are emitted by [`super::scripts`].

use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::ir::Project;

use super::paths::{has_ext, with_ext};
use super::view_script::{Dialect, Origin, to_esm};
use crate::emitted::Emitted;

/// How a platform names and filters files.
pub struct FileKinds {
    pub style_ext: &'static str,
    pub view_script_ext: &'static str,
    /// How `.wxs` files are converted (`None`: copied as they are).
    pub view_script: Option<Dialect>,
    /// Asset extensions the platform uploads.
    pub uploads: &'static [&'static str],
    /// The output path of a logical path (folder renames such as Alipay's
    /// `customize-tab-bar`).
    pub place: fn(&str) -> String,
}

pub fn emit_app_style(project: &Project, kinds: &FileKinds, out: &mut Emitted, diags: &mut Vec<Diagnostic>) {
    let app = &project.app;
    if let Some(style) = &app.style {
        out.add((kinds.place)(&format!("app.{}", kinds.style_ext)), style.text.clone(), 0, app.file.name(), diags);
    }
}

pub fn emit_support_files(project: &Project, kinds: &FileKinds, out: &mut Emitted, diags: &mut Vec<Diagnostic>) {
    let place = kinds.place;
    for (path, script) in &project.view_scripts {
        let target = place(&with_ext(path, kinds.view_script_ext));
        let code = match kinds.view_script {
            None => script.code.clone(),
            Some(dialect) => {
                let origin = Origin { file: &script.file, base: Some(0), fallback: Default::default() };
                match to_esm(&script.code, dialect, &origin) {
                    Ok(code) => code,
                    Err(d) => {
                        diags.push(d);
                        continue;
                    }
                }
            }
        };
        out.add(target, code, project.package_of(path), script.file.name(), diags);
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
