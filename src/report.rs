//! What a build reports: per target, the files and bytes emitted, what changed on disk, and
//! how long it took; plus the warnings.

use std::path::PathBuf;

use miniweave_compiler::diagnostics::Diagnostics;
use miniweave_compiler::target::Target;
use miniweave_targets::Emitted;
use miniweave_targets::size::SizeReport;
use serde::Serialize;

use crate::write::WriteStats;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TargetReport {
    pub target: Target,
    /// `outDir/<target>/`.
    pub out_dir: PathBuf,
    pub files: usize,
    pub bytes: u64,
    /// Bytes of the runtime miniweave adds (API adapters, constructor mapping, swc helpers);
    /// 0 when the program needs none, as on WeChat.
    pub runtime_bytes: u64,
    /// Files written, unchanged and removed; `None` for `check`.
    pub written: Option<usize>,
    pub unchanged: Option<usize>,
    pub removed: Option<usize>,
    /// Files edited in the output since the previous build that this build put back.
    pub restored: Vec<String>,
    /// The files written and removed, relative to `out_dir` (for `--verbose`).
    pub written_files: Vec<String>,
    pub removed_files: Vec<String>,
    /// The output measured per package as the platform counts it, against its limits.
    pub size: SizeReport,
    /// Time to load and emit this target, in milliseconds.
    pub millis: f64,
}

impl TargetReport {
    pub(crate) fn new(
        emitted: &Emitted,
        out_dir: PathBuf,
        stats: Option<WriteStats>,
        size: SizeReport,
        millis: f64,
    ) -> Self {
        TargetReport {
            target: emitted.target,
            out_dir,
            files: emitted.files.len(),
            bytes: emitted.total_bytes(),
            runtime_bytes: emitted.runtime_bytes(),
            written: stats.as_ref().map(|s| s.written),
            unchanged: stats.as_ref().map(|s| s.unchanged),
            removed: stats.as_ref().map(|s| s.removed),
            written_files: stats.as_ref().map(|s| s.written_files.clone()).unwrap_or_default(),
            removed_files: stats.as_ref().map(|s| s.removed_files.clone()).unwrap_or_default(),
            restored: stats.map(|s| s.restored).unwrap_or_default(),
            size,
            millis,
        }
    }
}

#[derive(Debug, Clone)]
pub struct BuildReport {
    pub targets: Vec<TargetReport>,
    /// Warnings that were not silenced by `warnings.ignore`.
    pub warnings: Diagnostics,
    /// Things to know that are not problems in the sources, once per build (a placeholder
    /// app id), for the command to print as notes.
    pub notices: Vec<String>,
    /// The whole build, in milliseconds.
    pub millis: f64,
}
