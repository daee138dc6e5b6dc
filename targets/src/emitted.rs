//! What a backend produces: files by path, with the package each belongs to. Size
//! accounting reads this; writing is the last step (ARCHITECTURE.md).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::target::Target;

#[derive(Debug, Clone)]
pub struct EmittedFile {
    pub bytes: Arc<Vec<u8>>,
    /// Index into the project's packages (0 is the main package).
    pub package: usize,
    /// The source it came from, for "two sources emit one file" messages.
    pub source: String,
}

/// The file a platform's IDE opens the output with and may edit (`project.config.json`,
/// `mini.project.json`, `wbox.config.json`), and the keys of it miniweave must set. Writing
/// merges the rest with what the IDE changed since the last build, so a setting changed in
/// the IDE survives the next build.
#[derive(Debug, Clone, Copy)]
pub struct SettingsFile {
    pub path: &'static str,
    /// Paths of the keys miniweave owns, `/`-separated (`settings/framework`); a key owned
    /// and absent from the emitted file is removed.
    pub owned: &'static [&'static str],
}

/// One target's output, by path relative to `outDir/<target>/`.
#[derive(Debug, Clone)]
pub struct Emitted {
    pub target: Target,
    pub files: BTreeMap<String, EmittedFile>,
    /// The IDE's project file among `files`, when the target has one.
    pub settings: Option<SettingsFile>,
    /// The packages whose files name each emitted asset, by output path (WeChat and Alipay;
    /// empty for Weibo's one package). Assets keep their paths, so this is for the size
    /// report's hints: an asset named only by one subpackage could move under its root. A
    /// path built at run time (`/img/{{n}}.png`) is not seen: an asset missing here may
    /// still be used.
    pub asset_users: BTreeMap<String, BTreeSet<usize>>,
}

impl Emitted {
    pub fn new(target: Target) -> Self {
        Emitted { target, files: BTreeMap::new(), settings: None, asset_users: BTreeMap::new() }
    }

    /// Adds a file. Two sources emitting one path is the user's conflict to resolve, so it
    /// is reported rather than silently overwritten.
    pub fn add(
        &mut self,
        path: String,
        bytes: impl Into<Vec<u8>>,
        package: usize,
        source: &str,
        diags: &mut Vec<Diagnostic>,
    ) {
        self.add_shared(path, Arc::new(bytes.into()), package, source, diags);
    }

    pub fn add_shared(
        &mut self,
        path: String,
        bytes: Arc<Vec<u8>>,
        package: usize,
        source: &str,
        diags: &mut Vec<Diagnostic>,
    ) {
        if let Some(existing) = self.files.get(&path) {
            diags.push(
                Diagnostic::error(
                    "emit::conflict",
                    format!("{} and {} both produce `{path}`", existing.source, source),
                )
                .help("rename one of them"),
            );
            return;
        }
        self.files.insert(path, EmittedFile { bytes, package, source: source.to_string() });
    }

    pub fn total_bytes(&self) -> u64 {
        self.files.values().map(|f| f.bytes.len() as u64).sum()
    }

    /// Bytes of the runtime modules (`miniweave_runtime/` of every package): the code
    /// miniweave adds to a program, API adapters and swc helpers included.
    pub fn runtime_bytes(&self) -> u64 {
        let marker = format!("{}/", crate::script::RUNTIME_DIR);
        self.files
            .iter()
            .filter(|(path, _)| path.starts_with(&marker) || path.contains(&format!("/{marker}")))
            .map(|(_, f)| f.bytes.len() as u64)
            .sum()
    }
}
