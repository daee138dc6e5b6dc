//! The script frontend: JavaScript and TypeScript through swc.
//!
//! A script is parsed once per distinct text (cached across targets), TypeScript stripped;
//! then, per target, `process.env` and `define` are replaced, dead branches removed and its
//! dependencies collected, which builds the module graph. The AST travels to the backends,
//! which never re-parse source text. For a `.mini` file the text given to swc is the whole
//! file with everything outside the `<script>` block blanked, so every swc position is a
//! position in the `.mini` file, and source maps point straight into it.

pub mod comments;
pub mod facts;
pub mod load_time_use;
pub mod parse;
pub mod prepare;

use std::sync::Arc;

use swc_core::common::BytePos;
use swc_core::ecma::ast::Module;

use crate::diagnostics::Diagnostic;
use crate::sfc::ScriptLang;
use crate::source::{SourceFile, Span};

pub use comments::SendComments;
pub use parse::{ParseResult, Parsed, SyntaxError, parse};
pub use prepare::{DepKind, Env, ModuleFormat, Prepared, RawDep, prepare};

/// A module as the backends receive it.
#[derive(Debug, Clone)]
pub struct Script {
    /// The logical path the module is emitted at, before the target's extension: a module's
    /// own path (`utils/format.ts`), or `<unit>.js` for a page's or component's script.
    pub path: String,
    pub file: Arc<SourceFile>,
    pub lang: ScriptLang,
    /// JavaScript (types stripped, `process.env` replaced), with cleared syntax contexts.
    pub module: Module,
    pub comments: SendComments,
    /// The text swc parsed, for the backends' source maps.
    pub text: Arc<str>,
    /// The swc position of byte 0 of `text`.
    pub start_pos: BytePos,
    pub deps: Vec<Dependency>,
    pub format: ModuleFormat,
    /// Whether the module comes from an npm package.
    pub npm: bool,
}

/// A resolved dependency: the specifier as written and the logical path it names.
#[derive(Debug, Clone)]
pub struct Dependency {
    pub specifier: String,
    pub span: Span,
    pub kind: DepKind,
    pub target: String,
}

impl Script {
    /// The logical path a specifier of this module resolved to.
    pub fn dependency(&self, specifier: &str) -> Option<&str> {
        self.deps.iter().find(|d| d.specifier == specifier).map(|d| d.target.as_str())
    }
}

/// Syntax errors as diagnostics of `file` (their spans are already file offsets).
pub fn syntax_diagnostics(errors: &[SyntaxError], file: &Arc<SourceFile>) -> Vec<Diagnostic> {
    errors
        .iter()
        .map(|e| {
            Diagnostic::error("script::syntax", format!("the script does not parse: {}", e.message))
                .at(file, e.span, e.message.clone())
                .help("fix the syntax here: scripts are JavaScript, or TypeScript with lang=\"ts\" (a .ts file)")
        })
        .collect()
}

/// `text` with every byte outside `keep` blanked (line breaks kept): the text swc parses for
/// a `.mini` script block, so positions stay positions in the file.
pub fn blank_outside(text: &str, keep: Span, kept_text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for (i, b) in bytes.iter_mut().enumerate() {
        if (i < keep.start || i >= keep.end) && *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
    bytes.splice(keep.start..keep.end, kept_text.bytes());
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
pub(crate) fn print_for_tests(module: &Module) -> String {
    use swc_core::common::sync::Lrc;
    use swc_core::ecma::codegen::{Emitter, text_writer::JsWriter};
    let cm: Lrc<swc_core::common::SourceMap> = Default::default();
    let mut buf = Vec::new();
    {
        let mut emitter = Emitter {
            cfg: Default::default(),
            cm: cm.clone(),
            comments: None,
            wr: JsWriter::new(cm, "\n", &mut buf, None),
        };
        emitter.emit_module(module).unwrap();
    }
    String::from_utf8(buf).unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanking_keeps_offsets() {
        let text = "<template>名</template>\n<script>\nPage({})\n</script>\n";
        let start = text.find("\nPage").unwrap();
        let end = text.find("</script>").unwrap();
        let out = blank_outside(text, Span::new(start, end), &text[start..end]);
        assert_eq!(out.len(), text.len());
        assert_eq!(&out[start..end], "\nPage({})\n");
        assert!(out[..start].trim().is_empty() && out.lines().count() == text.lines().count());
    }
}
