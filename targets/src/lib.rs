//! miniweave's backends: one module per platform, each a function of the IR that returns the
//! files to write (ARCHITECTURE.md "Backends are functions of the IR").

pub mod alipay;
pub mod common;
pub mod emitted;
pub mod runtime;
pub mod script;
pub mod size;
pub mod style;
pub mod wechat;
pub mod weibo;

use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::ir::Project;
use miniweave_compiler::target::Target;

pub use emitted::{Emitted, EmittedFile, SettingsFile};

/// Emits `project` for its target: the files, and any diagnostics (errors mean the files
/// must not be written).
pub fn emit(project: &Project) -> (Emitted, Vec<Diagnostic>) {
    let (mut emitted, diagnostics) = match project.target {
        Target::Wechat => wechat::emit(project),
        Target::Alipay => alipay::emit(project),
        Target::Weibo => weibo::emit(project),
    };
    if project.target != Target::Weibo {
        record_asset_users(project, &mut emitted);
    }
    if project.release {
        compact_json(&mut emitted);
    }
    (emitted, diagnostics)
}

/// Fills [`Emitted::asset_users`]: an emitted asset's `source` is its logical path.
fn record_asset_users(project: &Project, out: &mut Emitted) {
    if project.packages.len() < 2 {
        return;
    }
    let users = miniweave_compiler::project::placement::asset_users(project);
    out.asset_users =
        out.files.iter().filter_map(|(path, file)| Some((path.clone(), users.get(&file.source)?.clone()))).collect();
}

/// Release output is what gets uploaded and counted against the package limits: its JSON
/// configs lose their indentation (a quarter of a page config's bytes). The IDE's project
/// file stays readable, since people edit it in the IDE and it is not uploaded.
fn compact_json(emitted: &mut Emitted) {
    let settings = emitted.settings.map(|s| s.path);
    for (path, file) in emitted.files.iter_mut() {
        if !path.ends_with(".json") || Some(path.as_str()) == settings {
            continue;
        }
        if let Ok(value) = serde_json::from_slice::<serde_json::Value>(&file.bytes) {
            if let Ok(compact) = serde_json::to_vec(&value) {
                file.bytes = std::sync::Arc::new(compact);
            }
        }
    }
}
