//! Rendering diagnostics for people.
//!
//! The first line is ours, `file:line:col: severity[code]`, with 1-based lines and columns
//! counted in characters, so editors and terminals can jump to it. Under it miette draws the
//! snippet; its own header would count columns in bytes (RUST-STACK.md §6), so it is told to
//! print only the file name.

use std::fmt;
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};

use super::{Diagnostic, Severity};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenderStyle {
    /// Unicode art and colours, for terminals.
    Color,
    /// Unicode art without colours: logs, CI output and tests.
    Plain,
}

/// One diagnostic as text: our header line followed by miette's snippet and help.
pub fn render(diagnostic: &Diagnostic, style: RenderStyle) -> String {
    let mut out = header(diagnostic);
    out.push('\n');
    let theme = match style {
        RenderStyle::Color => GraphicalTheme::unicode(),
        RenderStyle::Plain => GraphicalTheme::unicode_nocolor(),
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .without_primary_span_start()
        .with_context_lines(1)
        .with_width(100)
        .with_wrap_lines(false);
    let view = MietteView::new(diagnostic);
    if handler.render_report(&mut out, &view).is_err() {
        // A span past the end of its file (a bug, not a user error) must not lose the message.
        out.push_str(&format!("  × {}\n", diagnostic.message));
    }
    out
}

/// Several diagnostics, separated by blank lines.
pub fn render_all<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>, style: RenderStyle) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&render(d, style));
        out.push('\n');
    }
    out
}

fn header(d: &Diagnostic) -> String {
    match d.location() {
        Some((name, line, col)) => format!("{name}:{line}:{col}: {}[{}]", d.severity, d.code),
        None => format!("{}[{}]", d.severity, d.code),
    }
}

/// A diagnostic in the shape miette renders.
struct MietteView<'a> {
    diagnostic: &'a Diagnostic,
    source: Option<NamedSource<Arc<str>>>,
}

impl<'a> MietteView<'a> {
    fn new(diagnostic: &'a Diagnostic) -> Self {
        let source = diagnostic
            .file
            .as_ref()
            .filter(|_| !diagnostic.labels.is_empty())
            .map(|f| NamedSource::new(f.name(), f.shared_text()));
        MietteView { diagnostic, source }
    }
}

impl fmt::Display for MietteView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl fmt::Debug for MietteView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for MietteView<'_> {}

impl miette::Diagnostic for MietteView<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.diagnostic.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        let len = self.diagnostic.file.as_ref().map_or(0, |f| f.text().len());
        let labels = self.diagnostic.labels.iter().enumerate().map(move |(i, l)| {
            let start = l.span.start.min(len);
            let end = l.span.end.clamp(start, len);
            let text = (!l.message.is_empty()).then(|| l.message.clone());
            if i == 0 {
                LabeledSpan::new_primary_with_span(text, (start, end - start))
            } else {
                LabeledSpan::new_with_span(text, (start, end - start))
            }
        });
        Some(Box::new(labels))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{SourceFile, Span};

    #[test]
    fn header_counts_characters_and_snippet_shows_the_line() {
        let file = SourceFile::new("pages/a.wxml", "/p/pages/a.wxml", "<view>\n  <text>名字</text><oops/>\n</view>\n");
        let at = file.text().find("<oops").unwrap();
        let d = Diagnostic::error("template::unknown-tag", "unknown tag `oops`")
            .at(&file, Span::new(at + 1, at + 5), "not a component")
            .help("declare it in usingComponents");
        let text = render(&d, RenderStyle::Plain);
        let first = text.lines().next().unwrap();
        assert_eq!(first, "pages/a.wxml:2:19: error[template::unknown-tag]");
        assert!(text.contains("× unknown tag `oops`"), "{text}");
        assert!(text.contains("<text>名字</text><oops/>"), "{text}");
        assert!(text.contains("not a component"), "{text}");
        assert!(text.contains("help: declare it in usingComponents"), "{text}");
    }
}
