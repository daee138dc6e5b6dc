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
    match project.target {
        Target::Wechat => wechat::emit(project),
        Target::Alipay => alipay::emit(project),
        Target::Weibo => weibo::emit(project),
    }
}
