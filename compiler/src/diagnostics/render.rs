//! Rendering diagnostics for people.
//!
//! The first line is ours, `file:line:col: severity[code]`, with 1-based lines and columns
//! counted in characters, so editors and terminals can jump to it. Under it miette draws the
//! snippet; its own header would count columns in bytes (RUST-STACK.md §6), so it is told to
//! print only the file name.

use std::fmt;
use std::sync::Arc;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents, NamedSource, SourceCode,
    SourceSpan, SpanContents,
};

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
    render_from(diagnostic, style, "")
}

/// [`render`] with `prefix` before every file name (`app/` when the command ran in the
/// project's parent folder), so terminals and editors open the right file.
pub fn render_from(diagnostic: &Diagnostic, style: RenderStyle, prefix: &str) -> String {
    let mut out = header(diagnostic, prefix);
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
    let view = MietteView::new(diagnostic, prefix);
    if handler.render_report(&mut out, &view).is_err() {
        // A span past the end of its file (a bug, not a user error) must not lose the message.
        out.push_str(&format!("  × {}\n", diagnostic.message));
    }
    out
}

/// Several diagnostics, separated by blank lines, each file name after `prefix`.
pub fn render_all<'a>(
    diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
    style: RenderStyle,
    prefix: &str,
) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&render_from(d, style, prefix));
        out.push('\n');
    }
    out
}

fn header(d: &Diagnostic, prefix: &str) -> String {
    match d.location() {
        Some((name, line, col)) => format!("{prefix}{name}:{line}:{col}: {}[{}]", d.severity, d.code),
        None => format!("{}[{}]", d.severity, d.code),
    }
}

/// A diagnostic in the shape miette renders.
struct MietteView<'a> {
    diagnostic: &'a Diagnostic,
    source: Option<Snippet>,
    /// (start, length, text) of each label, in `source`'s bytes.
    labels: Vec<(usize, usize, Option<String>)>,
}

/// Lines longer than this (minified files) are shown as an excerpt around the primary label:
/// miette lays out the whole line and panics on very long ones.
const LONG_LINE: usize = 400;
/// A label over more lines than this is drawn as its first line.
const MAX_LABEL_LINES: usize = 12;
/// Bytes of context kept on each side of the label in an excerpt.
const EXCERPT_CONTEXT: usize = 60;

/// The nearest char boundary at or before `i` (`str::floor_char_boundary` is newer than the
/// MSRV).
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The nearest char boundary at or after `i`.
fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

impl<'a> MietteView<'a> {
    fn new(diagnostic: &'a Diagnostic, prefix: &str) -> Self {
        let none = MietteView { diagnostic, source: None, labels: Vec::new() };
        let Some(file) = diagnostic.file.as_ref().filter(|_| !diagnostic.labels.is_empty()) else {
            return none;
        };
        let text = file.text();
        let len = text.len();
        // Spans are byte offsets; one inside a character (a producer's mistake on
        // multi-byte text) widens to whole characters rather than slicing a char apart.
        let spans = diagnostic.labels.iter().map(|l| {
            let start = floor_boundary(text, l.span.start.min(len));
            let mut end = ceil_boundary(text, l.span.end.clamp(start, len));
            // A label over many lines (a whole block) is drawn as its first line: miette
            // draws every line of a span, which grows with the file.
            if text[start..end].matches('\n').count() > MAX_LABEL_LINES {
                end = text[start..end].find('\n').map_or(end, |i| start + i);
            }
            (start, end - start, (!l.message.is_empty()).then(|| l.message.clone()))
        });
        let spans: Vec<(usize, usize, Option<String>)> = spans.collect();
        let primary = floor_boundary(text, diagnostic.labels[0].span.start.min(len));
        let line_start = text[..primary].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[primary..].find('\n').map_or(len, |i| primary + i);
        // miette shows each label's lines and one line around them: all must be short.
        let short = spans.iter().all(|(start, length, _)| lines_around_are_short(text, *start, start + length));
        if short {
            return MietteView {
                diagnostic,
                source: Some(Snippet::Whole(NamedSource::new(format!("{prefix}{}", file.name()), file.shared_text()))),
                labels: spans,
            };
        }
        // An excerpt of the long line around the primary label, on char boundaries.
        let (start, length, label) = spans.into_iter().next().unwrap_or((primary, 0, None));
        let length = length.min(EXCERPT_CONTEXT);
        let from = floor_boundary(text, start.saturating_sub(EXCERPT_CONTEXT).max(line_start));
        let to = ceil_boundary(text, (start + length + EXCERPT_CONTEXT).min(line_end));
        let excerpt = format!("…{}…", &text[from..to]);
        let offset = start - from + '…'.len_utf8();
        MietteView {
            diagnostic,
            source: Some(Snippet::Excerpt {
                name: format!("{prefix}{}", file.name()),
                text: Arc::from(excerpt),
                line: text[..line_start].matches('\n').count(),
            }),
            labels: vec![(offset, length.min(to.saturating_sub(start)), label)],
        }
    }
}

/// Whether the lines from the one before `start`'s to the one after `end`'s are all at most
/// [`LONG_LINE`] bytes: what miette would lay out around a label.
fn lines_around_are_short(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].rfind('\n').map_or(0, |i| text[..i].rfind('\n').map_or(0, |j| j + 1));
    let after = match text[end..].find('\n') {
        Some(i) => text[end + i + 1..].find('\n').map_or(text.len(), |j| end + i + 1 + j),
        None => text.len(),
    };
    text[before..after].lines().all(|l| l.len() <= LONG_LINE)
}

/// What miette draws the snippet from: the whole file, or an excerpt of one long line that
/// keeps the line's number in the file.
enum Snippet {
    Whole(NamedSource<Arc<str>>),
    Excerpt { name: String, text: Arc<str>, line: usize },
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        match self {
            Snippet::Whole(source) => source.read_span(span, before, after),
            Snippet::Excerpt { name, text, line } => {
                let inner = text.read_span(span, before, after)?;
                Ok(Box::new(MietteSpanContents::new_named(
                    name.clone(),
                    inner.data(),
                    *inner.span(),
                    inner.line() + line,
                    inner.column(),
                    inner.line_count(),
                )))
            }
        }
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
        let labels = self.labels.iter().enumerate().map(|(i, (start, length, text))| {
            if i == 0 {
                LabeledSpan::new_primary_with_span(text.clone(), (*start, *length))
            } else {
                LabeledSpan::new_with_span(text.clone(), (*start, *length))
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

    #[test]
    fn a_label_far_into_a_minified_line_shows_an_excerpt() {
        let line = format!("{}.bad{{color:red}}{}", ".a{b:c}".repeat(20_000), "x".repeat(5_000));
        let file = SourceFile::new("min.wxss", "/p/min.wxss", line.clone());
        let at = line.find(".bad").unwrap();
        let d = Diagnostic::warning("style::x", "bad rule").at(&file, Span::new(at, at + 4), "here");
        let text = render(&d, RenderStyle::Plain);
        assert!(text.starts_with("min.wxss:1:140001: warning[style::x]"), "{}", &text[..200.min(text.len())]);
        assert!(text.contains(".bad{color:red}") && text.contains("here"), "{text}");
        assert!(text.len() < 2_000, "the snippet is an excerpt, not the whole line");
    }

    #[test]
    fn a_long_line_next_to_the_label_is_not_laid_out_whole() {
        let text = format!("a{{}}\nb{{colr:red}}\n{}\n", ".a{b:c}".repeat(10_000));
        let file = SourceFile::new("min.wxss", "/p/min.wxss", text.clone());
        let at = text.find("colr").unwrap();
        let d = Diagnostic::warning("style::x", "unknown property").at(&file, Span::new(at, at + 4), "here");
        let shown = render(&d, RenderStyle::Plain);
        assert!(shown.starts_with("min.wxss:2:3:"), "{shown}");
        assert!(shown.contains("b{colr:red}"), "{shown}");
        assert!(shown.len() < 2_000, "{} bytes", shown.len());
    }

    #[test]
    fn an_excerpt_keeps_its_line_number() {
        let text = format!("a{{}}\nb{{}}\n{}.bad{{color:red}}\n", ".a{b:c}".repeat(1_000));
        let file = SourceFile::new("min.wxss", "/p/min.wxss", text.clone());
        let at = text.find(".bad").unwrap();
        let d = Diagnostic::warning("style::x", "bad rule").at(&file, Span::new(at, at + 4), "here");
        let shown = render(&d, RenderStyle::Plain);
        assert!(shown.starts_with("min.wxss:3:7001:"), "{shown}");
        assert!(shown.contains(" 3 │ …"), "{shown}");
        assert!(!shown.contains(" 1 │"), "{shown}");
    }
}
