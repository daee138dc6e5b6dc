//! Emitting what every backend emits alike: the app's style, view scripts, stylesheets, and
//! the assets the platform uploads. Scripts are emitted by [`super::scripts`].

use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::ir::{Project, StyleSheet, Unit, UnitKind};

use super::paths::{has_ext, with_ext};
use super::view_script::{Dialect, Origin, to_esm};
use crate::emitted::Emitted;
use crate::style::{self, EmittedStyle, Role, StyleTarget};

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

impl FileKinds {
    /// How this platform's stylesheets are written.
    pub fn styles(&self, project: &Project) -> StyleTarget {
        StyleTarget { target: project.target, ext: self.style_ext, release: project.release, place: self.place }
    }
}

/// The role of a unit's stylesheet where the platform isolates components itself (WeChat):
/// nothing is scoped.
pub fn unscoped_role(unit: &Unit) -> Role {
    match unit.kind {
        UnitKind::Page => Role::Global,
        UnitKind::Component => Role::Component(None),
    }
}

/// A stylesheet written to `out_path` (logical path `logical`), with its source map.
#[allow(clippy::too_many_arguments)]
pub fn emit_style(
    project: &Project,
    sheet: &StyleSheet,
    logical: &str,
    out_path: String,
    role: &Role,
    styles: &StyleTarget,
    package: usize,
    out: &mut Emitted,
    diags: &mut Vec<Diagnostic>,
) {
    if let Some(EmittedStyle { mut code, map }) = style::emit(project, sheet, logical, &out_path, role, styles, diags) {
        if let Some(map) = map {
            let name = out_path.rsplit('/').next().unwrap_or(&out_path);
            code.push_str(&format!("\n/*# sourceMappingURL={name}.map */\n"));
            out.add(format!("{out_path}.map"), map, package, sheet.file.name(), diags);
        }
        out.add(out_path, code, package, sheet.file.name(), diags);
    }
}

pub fn emit_app_style(project: &Project, kinds: &FileKinds, out: &mut Emitted, diags: &mut Vec<Diagnostic>) {
    if let Some(style) = &project.app.style {
        let logical = format!("app.{}", kinds.style_ext);
        let placed = (kinds.place)(&logical);
        emit_style(project, style, "app.wxss", placed, &Role::Global, &kinds.styles(project), 0, out, diags);
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
    let styles = kinds.styles(project);
    for (path, style) in &project.styles {
        let out_path = place(&with_ext(path, kinds.style_ext));
        emit_style(project, style, path, out_path, &Role::Shared, &styles, project.package_of(path), out, diags);
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
