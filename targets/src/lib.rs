//! miniweave's backends: one module per platform, each a function of the IR that returns the
//! files to write (ARCHITECTURE.md "Backends are functions of the IR").

pub mod alipay;
pub mod common;
pub mod emitted;
pub mod runtime;
pub mod script;
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
    let (mut out, diags) = match project.target {
        Target::Wechat => wechat::emit(project),
        Target::Alipay => alipay::emit(project),
        Target::Weibo => return weibo::emit(project),
    };
    record_asset_users(project, &mut out);
    (out, diags)
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
