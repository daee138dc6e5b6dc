//! # miniweave
//!
//! Compiles one mini-program source tree (`.mini` files or native WeChat files) into native
//! mini-programs for WeChat, Alipay and Weibo. This crate is the library face of the
//! compiler: the `miniweave` command is a thin shell over [`build`].
//!
//! ## From a build script
//!
//! A `build.rs` that compiles the mini-program beside the crate whenever its sources change
//! (this example builds the showcase app of this repository into a temporary folder):
//!
//! ```
//! use miniweave::{build, BuildOptions, Target};
//!
//! # let out = std::env::temp_dir().join(format!("miniweave-doc-{}", std::process::id()));
//! # let project = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/showcase");
//! // In a real build.rs: `let project = "miniprogram";` and
//! // `println!("cargo:rerun-if-changed={project}");`
//! let options = BuildOptions::new(project)
//!     .targets([Target::Wechat, Target::Alipay, Target::Weibo])
//!     .out_dir(&out)
//!     .release(std::env::var("PROFILE").as_deref() == Ok("release"));
//! match build(&options) {
//!     Ok(report) => {
//!         for t in &report.targets {
//!             println!("{}: {} files, {} bytes in {}", t.target, t.files, t.bytes, t.out_dir.display());
//!         }
//!         for warning in report.warnings.iter() {
//!             println!("cargo:warning={warning}");
//!         }
//!     }
//!     Err(miniweave::BuildError::Project(diagnostics)) => {
//!         // Each diagnostic renders with its file:line:col, a snippet and a hint.
//!         eprintln!("{}", miniweave::render_diagnostics(&diagnostics, false));
//!         panic!("the mini-program has errors");
//!     }
//!     Err(other) => panic!("{other}"),
//! }
//! # std::fs::remove_dir_all(&out).ok();
//! ```

mod build;
mod output_lock;
mod report;
mod report_json;
mod session;
mod settings_merge;
mod source_maps;
mod upload_settings;
mod write;

pub use build::{BuildError, BuildOptions, DEFAULT_MAX_DIAGNOSTICS, MAX_DIAGNOSTICS_PER_FILE, build, check};
pub use miniweave_compiler::diagnostics::{Diagnostic, Diagnostics, Severity};
pub use miniweave_compiler::project::options::GapPolicy;
/// miniweave.json's JSON schema as text (published as schema/miniweave.schema.json).
pub use miniweave_compiler::project::options::json_schema_text as miniweave_json_schema;
pub use miniweave_compiler::target::Target;
pub use miniweave_targets::size::{FileSize, NpmSize, PackageSize, SizeReport, human_bytes};
pub use report::{BuildReport, TargetReport};
pub use report_json::{DiagnosticRecord, diagnostics_json};
pub use session::Session;
pub use upload_settings::{UploadSettings, upload_settings};

/// Renders diagnostics for people: each with its `file:line:col` header (1-based, columns
/// in characters), the source snippet and the help line.
pub fn render_diagnostics(diagnostics: &Diagnostics, color: bool) -> String {
    render_diagnostics_from(diagnostics, color, std::path::Path::new(""))
}

/// [`render_diagnostics`] with file names joined to `project` (the project folder as the
/// caller named it), so they are relative to where the caller runs.
pub fn render_diagnostics_from(diagnostics: &Diagnostics, color: bool, project: &std::path::Path) -> String {
    use miniweave_compiler::diagnostics::{RenderStyle, render_all};
    let prefix = match project.to_string_lossy().replace('\\', "/").trim_end_matches('/') {
        "" | "." => String::new(),
        base => format!("{}/", base.strip_prefix("./").unwrap_or(base)),
    };
    let mut out = render_all(diagnostics.iter(), if color { RenderStyle::Color } else { RenderStyle::Plain }, &prefix);
    if diagnostics.omitted() > 0 {
        out.push_str(&format!(
            "and {} more diagnostic{} not shown (--max-diagnostics N shows more, 0 all)\n",
            diagnostics.omitted(),
            if diagnostics.omitted() == 1 { "" } else { "s" }
        ));
    }
    out
}
