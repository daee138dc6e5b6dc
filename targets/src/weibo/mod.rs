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

mod project_files;
pub mod template;

use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::ir::{Project, Unit, UnitKind};
use miniweave_compiler::target::Target;
use serde_json::Value;

use crate::common::apis;
use crate::common::emit::{FileKinds, emit_support_files};
use crate::common::expand::{Expander, Policy};
use crate::common::json::to_pretty;
use crate::common::scripts::{Passes, ScriptEmitter};
use crate::common::unit_config_map;
use crate::emitted::Emitted;
use crate::script::{OutputFormat, ScriptTarget};

use template::VuePrinter;

/// Weibo's runtime modules (ES modules): `api` adapts WeChat's calling convention over `wbx`.
fn assemble_runtime(module: &str, names: &std::collections::BTreeSet<String>) -> String {
    match module {
        "api" => crate::common::assemble_api("weibo", names, "const api = {}, __mwHost = wbx;\nexport default api;\n"),
        _ => String::new(),
    }
}

/// Everything is under `src/` in a WBox project.
fn place(path: &str) -> String {
    format!("src/{path}")
}

/// Asset kinds copied for Weibo: WBox renders web pages, so web media and fonts.
const UPLOADED: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "bmp", "eot", "woff", "woff2", "ttf", "otf", "mp3", "mp4",
    "wav", "ogg", "aac", "m4a", "webm", "json",
];

const KINDS: FileKinds = FileKinds { style_ext: "css", view_script_ext: "wxs.js", uploads: UPLOADED, place };

pub fn emit(project: &Project) -> (Emitted, Vec<Diagnostic>) {
    let mut out = Emitted::new(Target::Weibo);
    let mut diags = Vec::new();
    project_files::emit(project, &mut out, &mut diags);
    let target =
        ScriptTarget { format: OutputFormat::Esm, release: project.release, place, assemble: assemble_runtime };
    let mut scripts = ScriptEmitter::new(project, target);
    let passes: &mut Passes<'_> = &mut |program, env, out| apis::map(program, env, out, Target::Weibo);
    match &project.app.script {
        Some(s) => scripts.emit(s, 0, &mut out, &mut diags, passes),
        None => out.add(
            place("app.js"),
            "export default {};
",
            0,
            project.app.file.name(),
            &mut diags,
        ),
    }
    for unit in project.units.values() {
        emit_unit(unit, &mut scripts, &mut out, &mut diags, passes);
    }
    for script in project.modules.values() {
        scripts.emit(script, project.package_of(&script.path), &mut out, &mut diags, passes);
    }
    scripts.emit_data(&mut out, &mut diags);
    scripts.emit_runtime(&mut out, &mut diags);
    emit_support_files(project, &KINDS, &mut out, &mut diags);
    (out, diags)
}

fn emit_unit(
    unit: &Unit,
    scripts: &mut ScriptEmitter<'_>,
    out: &mut Emitted,
    diags: &mut Vec<Diagnostic>,
    passes: &mut Passes<'_>,
) {
    let project = scripts.project;
    let source = unit.file.name();
    let mut expander = Expander::new(project, unit, Policy::Everything, "Weibo");
    let nodes = expander.expand_unit();
    diags.extend(expander.diagnostics);
    let mut printer = VuePrinter::new(unit.template.file.clone());
    let root_class = if unit.kind == UnitKind::Page { "mw-page" } else { "mw-host" };
    let mut vue = printer.document(&nodes, root_class);
    diags.extend(printer.diagnostics);
    if let Some(script) = &unit.script {
        // The script lives inside the .vue file, so its source map is not kept.
        let compiled = scripts.compile(script, diags, passes);
        let code: String = compiled
            .code
            .lines()
            .filter(|l| !l.starts_with("//# sourceMappingURL="))
            .map(|l| {
                format!(
                    "{l}
"
                )
            })
            .collect();
        vue.push_str(
            "
<script>
",
        );
        vue.push_str(&code);
        vue.push_str(
            "</script>
",
        );
    }
    out.add(place(&format!("{}.vue", unit.path)), vue, unit.package, source, diags);
    if unit.kind == UnitKind::Page {
        // Page JSON keeps the window keys; components are registered by the Vue files.
        let mut map = unit_config_map(unit);
        map.shift_remove("usingComponents");
        out.add(place(&format!("{}.json", unit.path)), to_pretty(&Value::Object(map)), unit.package, source, diags);
    }
    if let Some(style) = &unit.style {
        out.add(place(&format!("{}.css", unit.path)), style.text.clone(), unit.package, source, diags);
    }
}
