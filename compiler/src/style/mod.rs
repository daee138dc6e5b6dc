//! Styles: every stylesheet is parsed once by lightningcss (LANGUAGE.md §5; RUST-STACK.md §5).
//!
//! Parsing recovers from old hacks and declarations lightningcss does not know how to read
//! (`color red`, which wcsc accepts; `_height: 1px`; `*zoom: 1`, which this wcsc rejects but
//! real apps still carry): each skipped declaration, and each rule renderers would drop (a
//! `.` naming no class), is a warning at its position, not a failure. What cannot be read at
//! all is an error. `rpx` needs nothing: lightningcss keeps unknown units as tokens.
//!
//! Positions: lightningcss counts lines from 0 and columns from 1 in UTF-16 code units; a
//! [`Located`] maps them to byte offsets in the stylesheet's file.

mod typos;

use std::sync::{Arc, RwLock};

use lightningcss::error::{Error, ErrorLocation, ParserError};
use lightningcss::stylesheet::{ParserFlags, ParserOptions, StyleSheet};
use lightningcss::traits::IntoOwned;

use crate::diagnostics::Diagnostic;
use crate::nesting::{STYLE_MAX_DEPTH, Syntax as NestSyntax, too_deep};
use crate::source::{SourceFile, Span};

/// A parsed stylesheet, owned.
pub type Css = StyleSheet<'static>;

/// Maps lightningcss positions to spans of a stylesheet's file. The text is parsed behind
/// padding (line breaks, then spaces) that puts it at its place in the file, so positions,
/// source maps included, are the file's own lines and UTF-16 columns.
#[derive(Debug, Clone)]
pub struct Located {
    pub file: Arc<SourceFile>,
    /// Where the stylesheet's text starts in the file (a `.mini` block's offset).
    pub base: usize,
    /// Byte offset of each line start in the file, so a position costs its line only.
    line_starts: Arc<[usize]>,
    /// Whether the file is ASCII, where a UTF-16 column is a byte count: a position then
    /// costs nothing, which matters on a minified one-line file with thousands of them.
    ascii: bool,
}

impl Located {
    pub fn new(file: Arc<SourceFile>, base: usize) -> Self {
        let mut starts = vec![0];
        starts.extend(file.text().match_indices('\n').map(|(i, _)| i + 1));
        let ascii = file.text().is_ascii();
        Located { file, base, line_starts: starts.into(), ascii }
    }

    /// The padding that puts text starting at `base` at its line and column.
    pub fn padding(&self) -> String {
        let before = &self.file.text()[..self.base.min(self.file.text().len())];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let lines = before.matches('\n').count();
        let columns: usize = before[line_start..].chars().map(char::len_utf16).sum();
        "\n".repeat(lines) + &" ".repeat(columns)
    }

    /// The byte offset in the file of a 0-based line and a 1-based UTF-16 column.
    pub fn offset(&self, line: u32, column: u32) -> usize {
        let text = self.file.text();
        let Some(&start) = self.line_starts.get(line as usize) else { return text.len() };
        if self.ascii {
            let end = self.line_starts.get(line as usize + 1).map_or(text.len(), |next| next - 1);
            return (start + column.saturating_sub(1) as usize).min(end);
        }
        let mut units = 1;
        for (i, c) in text[start..].char_indices() {
            if units >= column || c == '\n' {
                return start + i;
            }
            units += c.len_utf16() as u32;
        }
        text.len()
    }

    /// A span from a position to the end of the token there (lightningcss gives start
    /// positions only).
    pub fn span(&self, line: u32, column: u32) -> Span {
        let text = self.file.text();
        let start = self.offset(line, column);
        let rest = &text[start..];
        let len = rest.find(['\n', ';', '{', '}', ',']).unwrap_or(rest.len()).max(1).min(rest.len());
        Span::new(start, start + len)
    }

    fn error_span(&self, loc: &Option<ErrorLocation>) -> Span {
        match loc {
            Some(l) => self.span(l.line, l.column),
            None => Span::new(self.base, self.base),
        }
    }

    /// The declaration or rule a recovered error sits in: lightningcss reports where reading
    /// gave up (often its closing `;`), users want the whole `*zoom: 1`.
    fn skipped_span(&self, loc: &Option<ErrorLocation>) -> Span {
        let Some(l) = loc else { return Span::new(self.base, self.base) };
        let text = self.file.text();
        let (start, end) = statement_around(text, self.base, self.offset(l.line, l.column));
        let start = start + (text[start..].len() - text[start..].trim_start().len());
        let end = start + text[start..end.max(start)].trim_end().len();
        if end > start { Span::new(start, end) } else { self.error_span(loc) }
    }
}

/// The declaration (or rule head) of `text` around byte `at`, from `from` on: from after the
/// `{`, `;` or `}` before it to the `;` or `}` after it.
fn statement_around(text: &str, from: usize, at: usize) -> (usize, usize) {
    let at = at.clamp(from, text.len());
    let start = text[from..at].rfind(['{', ';', '}']).map_or(from, |i| from + i + 1);
    let end = text[start..].find([';', '}']).map_or(text.len(), |i| start + i);
    (start, end)
}

/// A stylesheet's text parsed, with the problems found.
pub struct Parsed {
    pub css: Option<Css>,
    pub diagnostics: Vec<Diagnostic>,
}

/// How serious a problem lightningcss recovered from is (see [`severity`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Severity {
    /// Broken syntax wherever it is: a broken selector or rule.
    Broken,
    /// Broken outside a block; inside one, a declaration renderers skip (`*zoom: 1`).
    BrokenOutsideBlock,
    /// Something a renderer ignores: an unknown pseudo-class or at-rule, a media query.
    Ignored,
    /// A `.` with no name after it (`. {`, `.a.`): see [`names_no_class`].
    NoClass,
    /// Past one of miniweave's limits: not parsed at all.
    Limit,
}

/// One problem, naming no file.
#[derive(Debug, Clone)]
struct Problem {
    message: String,
    loc: Option<ErrorLocation>,
    severity: Severity,
}

/// What lightningcss made of a (padded) text, naming no file, so that it can be shared
/// between targets through the parse cache.
#[derive(Debug)]
pub struct Raw {
    css: Option<Css>,
    fatal: Option<Problem>,
    recovered: Vec<Problem>,
}

fn severity(kind: &ParserError<'_>) -> Severity {
    use lightningcss::error::SelectorError as S;
    match kind {
        ParserError::SelectorError(
            S::UnsupportedPseudoClass(_)
            | S::UnsupportedPseudoElement(_)
            | S::InvalidPseudoClassAfterPseudoElement
            | S::InvalidPseudoClassAfterWebKitScrollbar
            | S::InvalidPseudoClassBeforeWebKitScrollbar,
        ) => Severity::Ignored,
        ParserError::SelectorError(S::ClassNeedsIdent(_)) => Severity::NoClass,
        ParserError::SelectorError(_) | ParserError::QualifiedRuleInvalid => Severity::Broken,
        ParserError::UnexpectedToken(_) | ParserError::EndOfInput => Severity::BrokenOutsideBlock,
        _ => Severity::Ignored,
    }
}

fn problem(Error { kind, loc }: &Error<ParserError<'_>>) -> Problem {
    Problem { message: kind.to_string(), loc: loc.clone(), severity: severity(kind) }
}

/// Parses a text already padded to its place in its file ([`Located::padding`]).
///
/// lightningcss recovers from a bad declaration by dropping it *and every declaration before
/// it in the block* (it reads style blocks as possibly nested rule lists): `.a { color: red;
/// *zoom: 1; }` would lose the colour. So the declarations it skipped are blanked out and the
/// text parsed again, and the problems reported are the first parse's.
pub fn parse_raw(padded: &str) -> Raw {
    if let Some(at) = too_deep(padded, STYLE_MAX_DEPTH, NestSyntax::Style) {
        return too_deep_raw(padded, at);
    }
    let unled = blank_leading_deep(padded);
    let padded = unled.as_deref().unwrap_or(padded);
    let first = parse_once(padded);
    let Some(blanked) = blank_skipped_declarations(padded, &first.recovered) else { return first };
    let second = parse_once(&blanked);
    let mut recovered = first.recovered;
    for p in second.recovered {
        if !recovered.iter().any(|q| q.message == p.message && q.loc == p.loc) {
            recovered.push(p);
        }
    }
    Raw { css: second.css, fatal: second.fatal, recovered }
}

/// `padded` with each `/deep/` that starts a selector turned to spaces (`/deep/ .b { }`,
/// which wcsc accepts and lightningcss reads as a dangling combinator): the selector is then
/// `.b`, as a `/deep/` between two selectors is a descendant combinator. `None` when there is
/// none.
fn blank_leading_deep(padded: &str) -> Option<String> {
    const DEEP: &str = "/deep/";
    let b = padded.as_bytes();
    let mut starts = Vec::new();
    let (mut i, mut at_selector_start) = (0, true);
    while i < b.len() {
        if b[i..].starts_with(DEEP.as_bytes()) {
            if at_selector_start {
                starts.push(i);
            }
            i += DEEP.len();
            at_selector_start = false;
            continue;
        }
        if let Some(next) = skip_quoted(b, i) {
            i = next;
            continue;
        }
        match b[i] {
            b'{' | b'}' | b',' | b';' => at_selector_start = true,
            c if c.is_ascii_whitespace() => {}
            _ => at_selector_start = false,
        }
        i += 1;
    }
    if starts.is_empty() {
        return None;
    }
    let mut out = padded.to_string();
    for at in starts {
        out.replace_range(at..at + DEEP.len(), "      ");
    }
    Some(out)
}

/// `padded` with each declaration a recovered problem sits in turned to spaces (line breaks
/// kept, one space per UTF-16 unit, so every later position stays where it was); `None` when
/// there is none. Broken rules are left: they fail the build anyway.
fn blank_skipped_declarations(padded: &str, problems: &[Problem]) -> Option<String> {
    let located = Located::new(SourceFile::new("", "", padded), 0);
    let candidates: Vec<(usize, usize)> = problems
        .iter()
        .filter(|p| p.severity != Severity::Broken)
        .filter_map(|p| p.loc.as_ref())
        .map(|loc| statement_around(padded, 0, located.offset(loc.line, loc.column)))
        .collect();
    let depths = depths_at(padded, &candidates.iter().map(|&(start, _)| start).collect::<Vec<_>>());
    let mut ranges: Vec<(usize, usize)> = candidates
        .into_iter()
        .zip(depths)
        .filter(|&((start, end), depth)| depth > 0 && end > start && !padded[start..end].contains('{'))
        .map(|(range, _)| range)
        .collect();
    if ranges.is_empty() {
        return None;
    }
    ranges.sort_unstable();
    // One pass: text between ranges copied, text inside them blanked.
    let mut out = String::with_capacity(padded.len());
    let mut at = 0;
    for (start, end) in ranges {
        let start = start.max(at);
        if end <= start {
            continue;
        }
        out.push_str(&padded[at..start]);
        for c in padded[start..end].chars() {
            if c == '\n' {
                out.push(c);
            } else {
                out.extend(std::iter::repeat_n(' ', c.len_utf16()));
            }
        }
        at = end;
    }
    out.push_str(&padded[at..]);
    Some(out)
}

/// The brace depth (strings and comments skipped) at each of `positions` of `text`, in one
/// pass over the text.
fn depths_at(text: &str, positions: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..positions.len()).collect();
    order.sort_unstable_by_key(|&i| positions[i]);
    let mut depths = vec![0; positions.len()];
    let b = text.as_bytes();
    let (mut i, mut depth) = (0, 0usize);
    for k in order {
        let at = positions[k].min(b.len());
        while i < at {
            if let Some(next) = skip_quoted(b, i) {
                i = next;
                continue;
            }
            match b[i] {
                b'{' => depth += 1,
                b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
            i += 1;
        }
        depths[k] = depth;
    }
    depths
}

/// A stylesheet nested past [`STYLE_MAX_DEPTH`], not given to lightningcss: its recursion
/// would overflow the stack.
fn too_deep_raw(padded: &str, at: usize) -> Raw {
    let before = &padded[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let loc = ErrorLocation {
        filename: String::new(),
        line: before.matches('\n').count() as u32,
        column: before[line_start..].chars().map(|c| c.len_utf16() as u32).sum::<u32>() + 1,
    };
    let message = format!("brackets nested more than {STYLE_MAX_DEPTH} levels deep");
    Raw {
        css: None,
        fatal: Some(Problem { message, loc: Some(loc), severity: Severity::Limit }),
        recovered: Vec::new(),
    }
}

fn parse_once(padded: &str) -> Raw {
    let warnings = Arc::new(RwLock::new(Vec::new()));
    let options = ParserOptions {
        error_recovery: true,
        warnings: Some(warnings.clone()),
        // `/deep/` and `>>>` (Vue's deep combinators): wcsc accepts `/deep/`, and real apps
        // write both; the targets lint them and write descendant combinators.
        flags: ParserFlags::DEEP_SELECTOR_COMBINATOR,
        ..ParserOptions::default()
    };
    let (css, fatal) = match StyleSheet::parse(padded, options) {
        Ok(sheet) => (Some(sheet.into_owned()), None),
        Err(e) => (None, Some(problem(&e))),
    };
    let recovered = warnings.read().map(|found| found.iter().map(problem).collect()).unwrap_or_default();
    Raw { css, fatal, recovered }
}

/// The diagnostics of a parse of `text` (the stylesheet's own, unpadded), in its file.
fn diagnose(raw: &Raw, text: &str, located: &Located) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    if let Some(p) = raw.fatal.as_ref().filter(|p| p.severity == Severity::Limit) {
        // Nothing else is known about a text that was not parsed.
        return vec![
            Diagnostic::error("style::too-deep", format!("the stylesheet has {}", p.message))
                .at(&located.file, located.error_span(&p.loc), "this bracket is one level too deep")
                .help(format!(
                    "miniweave accepts {STYLE_MAX_DEPTH} levels (docs/language.md, \"Limits\"): no renderer needs more; \
                     look for brackets that are never closed"
                )),
        ];
    }
    if let Some(p) = &raw.fatal {
        diagnostics.push(
            Diagnostic::error("style::syntax", format!("the stylesheet does not parse: {}", in_words(&p.message)))
                .at(&located.file, located.error_span(&p.loc), "here")
                .help("check for a missing `}` or `;`, and that @import rules come before all other rules"),
        );
    }
    let brace = unbalanced(text, located);
    let unbalanced_brace = brace.is_some();
    diagnostics.extend(brace);
    let spans: Vec<Span> = raw.recovered.iter().map(|p| located.skipped_span(&p.loc)).collect();
    let depths = depths_at(text, &spans.iter().map(|s| s.start.saturating_sub(located.base)).collect::<Vec<_>>());
    for ((p, span), depth) in raw.recovered.iter().zip(spans).zip(depths) {
        let written = located.file.text().get(span.start..span.end).unwrap_or_default();
        // A stray brace is one mistake: lightningcss's follow-on problem at the end of the
        // text names nothing.
        let at_end = span.start >= located.base + text.trim_end().len();
        if unbalanced_brace && (written.trim().is_empty() || at_end) {
            continue;
        }
        let inside = depth > 0;
        let selector = written.split('{').next().unwrap_or_default().trim();
        let broken = match p.severity {
            Severity::Broken | Severity::NoClass | Severity::Limit => true,
            Severity::BrokenOutsideBlock => !inside,
            Severity::Ignored => false,
        };
        if broken && !inside && names_no_class(p.severity, selector) {
            diagnostics.push(
                Diagnostic::warning("style::no-class", format!("`{selector}` names no class; this rule is left out"))
                    .at(&located.file, span, in_words(&p.message))
                    .help(
                        "WeChat keeps the rule but no renderer applies it; a class name starts with a letter, \
                         `-` or `_` (`.border-1px`); or remove the rule",
                    ),
            );
            continue;
        }
        diagnostics.push(if broken {
            Diagnostic::error("style::syntax", format!("`{written}` cannot be read as CSS"))
                .at(&located.file, span, in_words(&p.message))
                .help("check the selector and the braces around this rule")
        } else {
            Diagnostic::warning("style::ignored", format!("`{written}` is not standard CSS"))
                .at(&located.file, span, in_words(&p.message))
                .help("platforms ignore it; remove it, or write it as standard CSS")
        });
    }
    diagnostics
}

/// Parses a stylesheet's text (`located` says where it is in its file), through `cache` when
/// given: the same text at the same place parses once for every target.
pub fn parse(text: &str, located: &Located, cache: Option<&crate::cache::ParseCache>) -> Parsed {
    let padded = located.padding() + text;
    let raw = match cache {
        Some(cache) => cache.get_or_parse(crate::cache::ParseKind::Style, &padded, parse_raw),
        None => Arc::new(parse_raw(&padded)),
    };
    let mut diagnostics = diagnose(&raw, text, located);
    if let Some(css) = &raw.css {
        diagnostics.extend(typos::check(css, located));
    }
    Parsed { css: raw.css.clone(), diagnostics }
}

/// lightningcss's message in words: its "Unexpected token" messages print the token's debug
/// form (`Dimension { has_sign: false, value: 24.0, … }`), which says nothing to a user.
fn in_words(message: &str) -> String {
    let Some(rest) = message.strip_prefix("Unexpected token ") else { return message.to_string() };
    let what = match rest.split([' ', '(']).next().unwrap_or_default() {
        "Dimension" => "a number with a unit (is a `:` missing?)",
        "Number" | "Percentage" => "a number (is a `:` missing?)",
        "Ident" => "a name (is a `:` or `;` missing?)",
        "Colon" => "`:`",
        "Semicolon" => "`;`",
        "CurlyBracketBlock" => "`{`",
        "CloseCurlyBracket" => "`}`",
        "QuotedString" => "a string",
        "Function" => "a function",
        "Hash" | "IDHash" => "`#`",
        "Delim" => "a symbol",
        _ => "something",
    };
    format!("unexpected here: {what}")
}

/// Whether a broken selector is one with a `.` that names no class: `. {`, `.a.`, or
/// `.1px-border`, where CSS reads `.1px` as a number (so lightningcss reports an empty
/// selector, a dangling combinator or an unexpected token). WeChat's wcsc accepts all of them
/// and writes them out as they are, so its renderer drops the rule: here it is left out, with
/// a warning, on every target.
fn names_no_class(severity: Severity, selector: &str) -> bool {
    severity == Severity::NoClass || selector.as_bytes().windows(2).any(|w| w[0] == b'.' && w[1].is_ascii_digit())
}

/// Skips a string or comment starting at `i` of `b`: the index after it, or `None` when
/// neither starts there.
fn skip_quoted(b: &[u8], i: usize) -> Option<usize> {
    match b[i] {
        q @ (b'"' | b'\'') => {
            let mut j = i + 1;
            while j < b.len() && b[j] != q && b[j] != b'\n' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            Some(j + 1)
        }
        b'/' if b.get(i + 1) == Some(&b'*') => {
            let end = (i + 2..b.len().saturating_sub(1)).find(|&j| b[j] == b'*' && b[j + 1] == b'/');
            Some(end.map_or(b.len(), |j| j + 2))
        }
        _ => None,
    }
}

/// A brace that is never closed, or one that closes nothing: lightningcss recovers from both
/// by guessing (a later rule silently nests into the unclosed one), so they are errors here.
fn unbalanced(text: &str, located: &Located) -> Option<Diagnostic> {
    let b = text.as_bytes();
    let mut open: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if let Some(next) = skip_quoted(b, i) {
            i = next;
            continue;
        }
        match b[i] {
            b'{' => open.push(i),
            b'}' if open.pop().is_none() => {
                let at = located.base + i;
                return Some(
                    Diagnostic::error("style::syntax", "this `}` closes no block")
                        .at(&located.file, Span::new(at, at + 1), "closes nothing")
                        .help("remove it, or add the `{` it belongs to"),
                );
            }
            _ => {}
        }
        i += 1;
    }
    let at = located.base + *open.first()?;
    Some(
        Diagnostic::error("style::syntax", "this `{` is never closed")
            .at(&located.file, Span::new(at, at + 1), "opened here")
            .help("add the `}` that ends this rule"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use lightningcss::stylesheet::PrinterOptions;

    fn located(text: &str) -> Located {
        Located::new(SourceFile::new("a.wxss", "a.wxss", text), 0)
    }

    #[test]
    fn rpx_survives_and_hacks_are_warnings_at_their_position() {
        let text = ".a { width: 750rpx; }\n.b { *zoom: 1; color: red; }\n";
        let parsed = parse(text, &located(text), None);
        let css = parsed.css.expect("parses");
        let out = css.to_css(PrinterOptions::default()).unwrap().code;
        assert!(out.contains("750rpx") && out.contains("color: red"), "{out}");
        assert_eq!(parsed.diagnostics.len(), 1, "{:?}", parsed.diagnostics);
        let d = &parsed.diagnostics[0];
        assert_eq!(d.code, "style::ignored");
        let span = d.labels[0].span;
        assert_eq!(&text[span.start..span.end], "*zoom: 1", "{}", d.message);
    }

    #[test]
    fn declarations_before_a_skipped_one_are_kept() {
        // lightningcss alone keeps only `margin: 0` of each rule.
        let text = ".a { color: red; *zoom: 1; margin: 0; }\n.b { content: \"好😀\"; color red; margin: 0 }\n";
        let parsed = parse(text, &located(text), None);
        let out = parsed.css.expect("parses").to_css(PrinterOptions::default()).unwrap().code;
        assert!(out.contains("color: red") && out.contains("content: \"好😀\""), "{out}");
        assert_eq!(out.matches("margin: 0").count(), 2, "{out}");
        let spans: Vec<&str> =
            parsed.diagnostics.iter().map(|d| &text[d.labels[0].span.start..d.labels[0].span.end]).collect();
        assert_eq!(spans, ["*zoom: 1", "color red"], "{:?}", parsed.diagnostics);
    }

    #[test]
    fn selectors_naming_no_class_are_warnings_and_the_rest_stays() {
        let text =
            ". { color: red; }\n.1px-border { color: red; }\n.x .2x, .y { color: red; }\n.ok { color: green; }\n";
        let parsed = parse(text, &located(text), None);
        let out = parsed.css.expect("parses").to_css(PrinterOptions::default()).unwrap().code;
        assert_eq!(out.trim(), ".ok {\n  color: green;\n}", "{out}");
        let codes: Vec<(&str, usize)> =
            parsed.diagnostics.iter().map(|d| (d.code.as_ref(), d.labels[0].span.start)).collect();
        assert_eq!(codes, [("style::no-class", 0), ("style::no-class", 18), ("style::no-class", 46)]);
    }

    #[test]
    fn a_leading_deep_combinator_is_dropped() {
        let text = "/deep/ .b { color: red; }\n.a, /deep/ .c { color: red; }\n.s::after { content: \"/deep/\"; }\n";
        let blanked = blank_leading_deep(text).unwrap();
        assert_eq!(
            blanked,
            "       .b { color: red; }\n.a,        .c { color: red; }\n.s::after { content: \"/deep/\"; }\n"
        );
        assert!(blank_leading_deep(".a /deep/ .b {}").is_none(), "a /deep/ between selectors stays");
        assert!(blank_leading_deep(".标题 { color: red; }").is_none(), "multi-byte text is walked safely");
    }

    #[test]
    fn deep_combinators_parse() {
        let text = ".a /deep/ .b { color: red; }\n.a >>> .b { color: red; }\n";
        let parsed = parse(text, &located(text), None);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let out = parsed.css.expect("parses").to_css(PrinterOptions::default()).unwrap().code;
        assert!(out.contains(".a /deep/ .b") && out.contains(".a >>> .b"), "{out}");
    }

    #[test]
    fn unreadable_rules_and_unbalanced_braces_are_errors() {
        for (text, at) in [
            (".p { color: red;\n.q { color: blue; }\n", 3),
            (".p color: red; }\n", 15),
            (".p,, .q { color: red; }\n", 0),
        ] {
            let parsed = parse(text, &located(text), None);
            let errors: Vec<_> = parsed.diagnostics.iter().filter(|d| d.is_error()).collect();
            assert!(!errors.is_empty(), "{text}: {:?}", parsed.diagnostics);
            assert!(errors.iter().any(|d| d.labels[0].span.start == at), "{text}: {:?}", errors);
        }
        let fine = ".a { content: \"}{\"; } /* { */\n";
        assert!(parse(fine, &located(fine), None).diagnostics.is_empty());
    }

    #[test]
    fn a_style_block_keeps_its_place_in_the_file() {
        let file_text = "<template>好</template>\n<style>.a { *zoom: 1; }</style>\n";
        let file = SourceFile::new("a.mini", "a.mini", file_text);
        let base = file_text.find(".a").unwrap();
        let block = &file_text[base..file_text.find("</style>").unwrap()];
        let parsed = parse(block, &Located::new(file, base), None);
        let span = parsed.diagnostics[0].labels[0].span;
        assert_eq!(&file_text[span.start..span.end], "*zoom: 1");
    }

    #[test]
    fn utf16_columns_become_byte_offsets() {
        // `好` is one UTF-16 unit and three bytes; `😀` two units and four bytes.
        let text = "/* 好😀 */ .x{}";
        let l = located(text);
        assert_eq!(l.offset(0, 1), 0);
        assert_eq!(&text[l.offset(0, 11)..], ".x{}");
    }
}
