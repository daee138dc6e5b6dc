//! Diagnostics: every user error is one of these, never a panic (ARCHITECTURE.md principle 3).
//!
//! A diagnostic has a code users can silence (`warnings.ignore`), a message, the file and
//! labelled spans it points at, and a help line saying what to write instead. Rendering lives
//! in [`render`]; this module only holds the data.

mod gaps;
mod render;
mod suggest;

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

pub use gaps::{Gap, keep_condition, merge_gaps};
pub use render::{RenderStyle, render, render_all, render_from};
pub use suggest::{did_you_mean, suggestion};

use crate::source::{SourceFile, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// A labelled span. The first label of a diagnostic is its primary location.
#[derive(Debug, Clone)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable code such as `template::unclosed-tag`; `warnings.ignore` matches it.
    pub code: Cow<'static, str>,
    pub message: String,
    pub file: Option<Arc<SourceFile>>,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    /// The platform gap this diagnostic reports, for saying it once across targets.
    pub gap: Option<Box<Gap>>,
}

impl Diagnostic {
    pub fn error(code: impl Into<Cow<'static, str>>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code: code.into(),
            message: bounded(message.into()),
            file: None,
            labels: Vec::new(),
            help: None,
            gap: None,
        }
    }

    pub fn warning(code: impl Into<Cow<'static, str>>, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, message) }
    }

    /// Points the diagnostic at `span` in `file`; the label text is shown under the span.
    pub fn at(mut self, file: &Arc<SourceFile>, span: Span, label: impl Into<String>) -> Self {
        self.file = Some(file.clone());
        self.labels.insert(0, Label { span, message: label.into() });
        self
    }

    /// Names the file without a position (for "this file is missing something").
    pub fn in_file(mut self, file: &Arc<SourceFile>) -> Self {
        self.file = Some(file.clone());
        self
    }

    /// A secondary label in the same file.
    pub fn also(mut self, span: Span, label: impl Into<String>) -> Self {
        self.labels.push(Label { span, message: label.into() });
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Marks the diagnostic as one target's gap (see [`merge_gaps`]).
    pub fn gap(mut self, gap: Gap) -> Self {
        self.gap = Some(Box::new(gap));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The primary location: the file's name, 1-based line and 1-based character column.
    pub fn location(&self) -> Option<(&str, usize, usize)> {
        let file = self.file.as_ref()?;
        let (line, col) = match self.labels.first() {
            Some(label) => file.line_col(label.span.start),
            None => (1, 1),
        };
        Some((file.name(), line, col))
    }

    fn sort_key(&self) -> (Option<&str>, usize, Severity, &str) {
        (
            self.file.as_ref().map(|f| f.name()),
            self.labels.first().map_or(0, |l| l.span.start),
            self.severity,
            &self.message,
        )
    }
}

impl fmt::Display for Diagnostic {
    /// One line: `file:line:col: severity[code]: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((name, line, col)) = self.location() {
            write!(f, "{name}:{line}:{col}: ")?;
        }
        write!(f, "{}[{}]: {}", self.severity, self.code, self.message)
    }
}

/// The longest message kept whole. Messages quote the source (a selector, a token), and
/// hostile or minified input can make that quote megabytes long; the snippet shows the place.
const MAX_MESSAGE: usize = 400;

fn bounded(mut message: String) -> String {
    if message.len() > MAX_MESSAGE {
        let mut cut = MAX_MESSAGE;
        while !message.is_char_boundary(cut) {
            cut -= 1;
        }
        message.truncate(cut);
        message.push('…');
    }
    message
}

/// A collection of diagnostics from any number of files.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
    /// How many were left out by [`Diagnostics::cap`].
    omitted: usize,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.list.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.list.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.list.iter().any(Diagnostic::is_error)
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.list.iter()
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.list.iter().filter(|d| d.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.list.iter().filter(|d| !d.is_error())
    }

    /// Drops warnings whose code is listed (`warnings.ignore`). Errors cannot be silenced.
    pub fn silence(&mut self, ignored: &[String]) {
        self.list.retain(|d| d.is_error() || !ignored.iter().any(|code| code == d.code.as_ref()));
    }

    /// Drops warnings about files of npm packages (installed in `node_modules`, or committed
    /// already built in `miniprogram_npm`): their users cannot edit them, and what a platform
    /// ignores there (Vant's WeChat-only button attributes on Alipay) is the package's choice.
    /// Errors in them still fail the build.
    pub fn hide_dependency_warnings(&mut self) {
        let in_package = |name: &str| name.split('/').any(|part| part == "node_modules" || part == "miniprogram_npm");
        self.list.retain(|d| d.is_error() || !d.file.as_ref().is_some_and(|f| in_package(f.name())));
    }

    /// Keeps at most `per_file` diagnostics of one file and `total` in all, errors before
    /// warnings, in their order; the rest are counted in [`Diagnostics::omitted`]. A file
    /// with thousands of problems (generated, or not the language it seems) would otherwise
    /// bury everything else and write megabytes of output.
    pub fn cap(&mut self, per_file: usize, total: usize) {
        use std::collections::HashMap;
        let mut in_file: HashMap<Option<&str>, usize> = HashMap::new();
        let mut kept = vec![false; self.list.len()];
        let mut count = 0;
        for errors_first in [true, false] {
            for (i, d) in self.list.iter().enumerate().filter(|(_, d)| d.is_error() == errors_first) {
                let here = in_file.entry(d.file.as_ref().map(|f| f.name())).or_default();
                if *here < per_file && count < total {
                    *here += 1;
                    count += 1;
                    kept[i] = true;
                }
            }
        }
        let before = self.list.len();
        let mut keep = kept.into_iter();
        self.list.retain(|_| keep.next().unwrap_or(false));
        self.omitted += before - self.list.len();
    }

    /// How many diagnostics [`Diagnostics::cap`] left out.
    pub fn omitted(&self) -> usize {
        self.omitted
    }

    /// Sorts by file, position and severity, and drops exact repeats (the same problem found
    /// once per target), so output is deterministic and says each thing once.
    pub fn normalize(&mut self) {
        self.list.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.list.dedup_by(|a, b| a.sort_key() == b.sort_key() && a.code == b.code && a.help == b.help);
    }
}

impl Diagnostics {
    /// For people: every error, and the first warning of each code, whose help then says
    /// how many more places have the same warning and names the first few. An existing app
    /// writes one tolerated form (`wx:key="{{index}}"`) in a hundred places; one located
    /// warning says what to change, a hundred bury everything else.
    pub fn with_repeats_collapsed(&self) -> Diagnostics {
        use std::collections::BTreeMap;
        let mut first: BTreeMap<&str, usize> = BTreeMap::new();
        let mut more: BTreeMap<usize, Vec<&Diagnostic>> = BTreeMap::new();
        let mut kept = Vec::new();
        for d in &self.list {
            if d.is_error() {
                kept.push(d.clone());
                continue;
            }
            match first.get(d.code.as_ref()) {
                Some(&at) => more.entry(at).or_default().push(d),
                None => {
                    first.insert(d.code.as_ref(), kept.len());
                    kept.push(d.clone());
                }
            }
        }
        for (at, repeats) in more {
            let files: std::collections::BTreeSet<&str> =
                repeats.iter().filter_map(|d| d.file.as_ref().map(|f| f.name())).collect();
            let shown: Vec<String> = repeats
                .iter()
                .take(3)
                .filter_map(|d| d.location().map(|(name, line, col)| format!("{name}:{line}:{col}")))
                .collect();
            let note = format!(
                "the same warning is given for {} more place{} in {} file{}: {}{}",
                repeats.len(),
                if repeats.len() == 1 { "" } else { "s" },
                files.len(),
                if files.len() == 1 { "" } else { "s" },
                shown.join(", "),
                if repeats.len() > shown.len() { ", …" } else { "" },
            );
            let d = &mut kept[at];
            d.help = Some(match d.help.take() {
                Some(help) => format!("{help}\n{note}"),
                None => note,
            });
        }
        Diagnostics { list: kept, omitted: self.omitted }
    }
}

/// The codes of errors that are platform gaps: what WeChat has and a target documentedly
/// lacks (PLATFORMS.md). With `"platformGaps": "warn"` they are warnings, so a team sees its
/// whole app running while it closes them one by one; the API gap gets a run-time stub
/// (`script::api`, mapped in `common::apis`), the others leave out or keep what the target
/// cannot express.
pub const PLATFORM_GAPS: &[&str] = &[
    "alipay::unsupported",
    "weibo::unsupported",
    "weibo::subpackages",
    "project::extended-lib",
    "style::attribute-selector",
    "template::model",
    "template::view-script-handler",
];

/// Turns the platform-gap errors among `diagnostics` into warnings.
pub fn tolerate_platform_gaps(diagnostics: &mut [Diagnostic]) {
    for d in diagnostics.iter_mut().filter(|d| d.is_error() && PLATFORM_GAPS.contains(&d.code.as_ref())) {
        d.severity = Severity::Warning;
        d.message.push_str(" (\"platformGaps\": \"warn\")");
    }
}

impl From<Vec<Diagnostic>> for Diagnostics {
    fn from(list: Vec<Diagnostic>) -> Self {
        Diagnostics { list, omitted: 0 }
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics { list: vec![d], omitted: 0 }
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.list.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.list {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{SourceFile, Span};

    #[test]
    fn a_cap_keeps_errors_first_and_counts_the_rest() {
        let a = SourceFile::new("a.js", "/p/a.js", "x");
        let b = SourceFile::new("b.js", "/p/b.js", "x");
        let mut list = Vec::new();
        for i in 0..10 {
            list.push(Diagnostic::warning("w", format!("a{i}")).at(&a, Span::new(0, 1), ""));
        }
        list.push(Diagnostic::error("e", "the error").at(&a, Span::new(0, 1), ""));
        list.push(Diagnostic::warning("w", "b0").at(&b, Span::new(0, 1), ""));
        let mut d = Diagnostics::from(list);
        d.cap(3, 4);
        let kept: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(kept, ["a0", "a1", "the error", "b0"]);
        assert_eq!(d.omitted(), 8);
        assert!(d.has_errors());
        assert_eq!(d.with_repeats_collapsed().omitted(), 8);
    }
}
