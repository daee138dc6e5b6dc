//! miniweave's frontend: project discovery, `.mini` splitting, conditional compilation, the
//! template, config, script and style frontends, and the IR they produce (ARCHITECTURE.md).
//!
//! Nothing here knows how a platform spells things: the frontend runs once per target only
//! because conditional compilation makes the source differ per target.

pub mod breadcrumb;
pub mod cache;
pub mod condcomp;
pub mod diagnostics;
pub mod ir;
pub mod sfc;
pub mod source;
pub mod target;
pub mod template;

pub use diagnostics::{Diagnostic, Diagnostics, Severity};
pub use source::{SourceFile, Span};
pub use target::Target;
pub mod config;
pub mod html;
pub mod json;
pub mod nesting;
pub mod project;
pub mod script;
pub mod style;
