//! What the backends share.

pub mod expand;
pub mod expr;
pub mod json;
pub mod markup;
pub mod paths;
pub mod wxml;

use miniweave_compiler::ir::Project;

/// The project's name for IDE project files: the root folder's name.
pub fn project_name(project: &Project) -> String {
    project
        .root
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "miniweave-app".into())
}
