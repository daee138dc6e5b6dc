//! Conditional compilation (LANGUAGE.md §7): `#if` / `#elif` / `#else` / `#endif` markers.
//!
//! A marker is a comment alone on its line, in the comment syntax of the text it sits in.
//! Only real comments count: the text is read with its language's lexical rules first
//! (`comments`), so marker-like text in a string, a template literal (GLSL's `#ifdef` in a
//! shader), a regex or an attribute value is left alone.
//! False branches and the marker lines themselves are blanked byte for byte (every byte but
//! line breaks becomes a space) before any parser sees the text, so a false branch may hold
//! another platform's syntax, and every byte offset after it is still the offset in the file.

mod comments;
mod condition;

use std::borrow::Cow;
use std::sync::Arc;

pub use condition::{Conditions, evaluate};

use crate::diagnostics::{Diagnostic, suggestion};
use crate::source::{SourceFile, Span};

/// The comment forms a marker may be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommentSyntax {
    /// `<!-- #if x -->`: templates.
    Html,
    /// `// #if x` and `/* #if x */`: scripts, view scripts and JSONC configs.
    Script,
    /// `/* #if x */`: styles.
    Css,
}

impl CommentSyntax {
    fn example(self, directive: &str) -> String {
        match self {
            CommentSyntax::Html => format!("<!-- {directive} -->"),
            CommentSyntax::Script => format!("// {directive}"),
            CommentSyntax::Css => format!("/* {directive} */"),
        }
    }

    /// The text inside a comment that makes up the whole (trimmed) line. The caller has
    /// checked that the line is one real comment; this strips its delimiters.
    fn whole_line_comment(self, line: &str) -> Option<&str> {
        let t = line.trim();
        let block = |open: &str, close: &str| {
            (t.len() >= open.len() + close.len() && t.starts_with(open) && t.ends_with(close))
                .then(|| &t[open.len()..t.len() - close.len()])
        };
        match self {
            CommentSyntax::Html => block("<!--", "-->"),
            CommentSyntax::Css => block("/*", "*/"),
            CommentSyntax::Script => t.strip_prefix("//").or_else(|| block("/*", "*/")),
        }
    }

    fn openers(self) -> &'static [&'static str] {
        match self {
            CommentSyntax::Html => &["<!--"],
            CommentSyntax::Css => &["/*"],
            CommentSyntax::Script => &["//", "/*"],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Directive {
    If,
    Elif,
    Else,
    Endif,
}

/// Reads a marker from a comment's inner text: `Ok(None)` when the comment is no marker,
/// `Err` for a marker-like word we do not accept (`#ifdef`, `#else if`), with a hint.
fn directive(inner: &str) -> Result<Option<(Directive, &str)>, String> {
    let Some(rest) = inner.trim().strip_prefix('#') else {
        return Ok(None);
    };
    let word_len = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
    let (word, cond) = rest.split_at(word_len);
    let cond = cond.trim();
    let directive = match word {
        "if" => Directive::If,
        "elif" => Directive::Elif,
        "else" if cond.starts_with("if ") || cond == "if" => {
            return Err("`#else if` is not a marker: write `#elif CONDITION`".into());
        }
        "else" => Directive::Else,
        "endif" => Directive::Endif,
        "ifdef" | "ifndef" => {
            return Err(format!(
                "`#{word}` is not a miniweave marker: write `#if {}NAME`",
                if word == "ifndef" { "!" } else { "" }
            ));
        }
        "elseif" | "elsif" => return Err("write `#elif CONDITION`".into()),
        _ => return Ok(None),
    };
    Ok(Some((directive, cond)))
}

struct Frame {
    /// Whether the text around this `#if` is kept.
    parent_active: bool,
    /// Whether some branch of this chain was true already.
    taken: bool,
    /// Whether the current branch is kept.
    active: bool,
    else_seen: bool,
    open: Span,
}

/// Preprocesses `text`, which starts at byte `base` of `file`. Returns the text with false
/// branches and markers blanked (the same length as the input) and any diagnostics.
pub fn preprocess<'t>(
    text: &'t str,
    base: usize,
    syntax: CommentSyntax,
    conditions: &Conditions<'_>,
    file: &Arc<SourceFile>,
) -> (Cow<'t, str>, Vec<Diagnostic>) {
    // Fast path: most files have no markers at all.
    if !text.contains('#') {
        return (Cow::Borrowed(text), Vec::new());
    }
    let comments = comments::comment_ranges(text, syntax);
    let mut next_comment = 0;
    let mut diagnostics = Vec::new();
    let mut blank: Vec<(usize, usize)> = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let lead = content.len() - content.trim_start().len();
        let span = Span::new(base + start + lead, base + start + content.trim_end().len());
        let active = stack.last().is_none_or(|f| f.active);

        // The comments that start on this line (a comment opened on an earlier line and
        // running into this one makes no marker here: its text is comment text).
        while comments.get(next_comment).is_some_and(|c| c.start < start) {
            next_comment += 1;
        }
        let first = next_comment;
        while comments.get(next_comment).is_some_and(|c| c.start < start + content.len()) {
            next_comment += 1;
        }
        let on_line = &comments[first..next_comment];
        // The whole (trimmed) line is one comment: it starts at the first non-blank byte and
        // ends at or after the last one, on this line.
        let whole = on_line.first().is_some_and(|c| {
            c.start == start + lead && c.end >= start + content.trim_end().len() && c.end <= start + line.len()
        });
        let line_comment = if whole { syntax.whole_line_comment(content) } else { None };

        let marker = match line_comment.map(directive) {
            Some(Ok(Some(m))) => Some(m),
            Some(Err(message)) => {
                diagnostics.push(Diagnostic::error("cond::bad-marker", message.clone()).at(
                    file,
                    span,
                    "not a conditional-compilation marker",
                ));
                None
            }
            _ => {
                let texts = on_line.iter().map(|c| &text[c.start..c.end.min(start + content.len())]);
                if let Some(d) = misplaced_marker(texts, syntax, file, span) {
                    diagnostics.push(d);
                }
                None
            }
        };
        let Some((directive, cond)) = marker else {
            if !active {
                blank.push((start, start + content.len()));
            }
            continue;
        };
        blank.push((start, start + content.len()));
        let example = |d: &str| syntax.example(d);
        match directive {
            Directive::If => {
                let value = eval(cond, conditions, file, span, &mut diagnostics);
                stack.push(Frame {
                    parent_active: active,
                    taken: value,
                    active: active && value,
                    else_seen: false,
                    open: span,
                });
            }
            Directive::Elif | Directive::Else => {
                let name = if directive == Directive::Elif { "#elif" } else { "#else" };
                let Some(frame) = stack.last_mut() else {
                    diagnostics.push(
                        Diagnostic::error("cond::unmatched", format!("`{name}` without an `#if` before it"))
                            .at(file, span, "no open `#if`")
                            .help(format!("start the block with `{}`, or remove this line", example("#if CONDITION"))),
                    );
                    continue;
                };
                if frame.else_seen {
                    diagnostics.push(
                        Diagnostic::error("cond::unmatched", format!("`{name}` after `#else`"))
                            .at(file, span, "the `#else` branch must come last")
                            .also(frame.open, "in this `#if` block"),
                    );
                    continue;
                }
                let value = if directive == Directive::Elif {
                    eval(cond, conditions, file, span, &mut diagnostics)
                } else {
                    frame.else_seen = true;
                    true
                };
                frame.active = frame.parent_active && !frame.taken && value;
                frame.taken |= value;
            }
            Directive::Endif => {
                if stack.pop().is_none() {
                    diagnostics.push(
                        Diagnostic::error("cond::unmatched", "`#endif` without an `#if` before it")
                            .at(file, span, "no open `#if`")
                            .help("remove this line, or add the `#if` it was meant to close"),
                    );
                }
            }
        }
    }
    for frame in stack {
        diagnostics.push(
            Diagnostic::error("cond::unclosed", "`#if` is never closed")
                .at(file, frame.open, "this `#if` has no `#endif`")
                .help(format!("close the block with `{}` on its own line", syntax.example("#endif"))),
        );
    }
    if blank.is_empty() {
        return (Cow::Borrowed(text), diagnostics);
    }
    let mut bytes = text.as_bytes().to_vec();
    for (from, to) in blank {
        for b in &mut bytes[from..to] {
            if *b != b'\r' {
                *b = b' ';
            }
        }
    }
    // Only whole lines (up to their line break) were replaced by ASCII spaces, so the
    // result is valid UTF-8; fall back to the original text rather than panic otherwise.
    let text = String::from_utf8(bytes).map(Cow::Owned).unwrap_or(Cow::Borrowed(text));
    (text, diagnostics)
}

fn eval(
    cond: &str,
    conditions: &Conditions<'_>,
    file: &Arc<SourceFile>,
    span: Span,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    match evaluate(cond, conditions) {
        Ok(result) => {
            for name in result.unknown {
                let hint = suggestion(name, conditions.known_names());
                let help = if hint.is_empty() {
                    "targets are `wechat`, `alipay` and `weibo`; other names must be `define` keys in miniweave.json or `--define`".to_string()
                } else {
                    hint
                };
                diagnostics.push(
                    Diagnostic::warning(
                        "cond::unknown-name",
                        format!("`{name}` is neither a target nor a `define` key, so it is false"),
                    )
                    .at(file, span, "unknown name")
                    .help(help),
                );
            }
            result.value
        }
        Err(message) => {
            diagnostics.push(Diagnostic::error("cond::bad-condition", message).at(file, span, "in this condition"));
            false
        }
    }
}

/// A marker written after other text on its line is not a marker: say so, since the user
/// surely meant one. `comments`: the real comments that start on the line.
fn misplaced_marker<'c>(
    mut comments: impl Iterator<Item = &'c str>,
    syntax: CommentSyntax,
    file: &Arc<SourceFile>,
    span: Span,
) -> Option<Diagnostic> {
    let found = comments.any(|comment| {
        syntax.openers().iter().any(|open| {
            comment.strip_prefix(open).is_some_and(|inner| {
                let after = inner.trim_start();
                ["#if ", "#elif ", "#else", "#endif"].iter().any(|m| after.starts_with(m))
            })
        })
    });
    found.then(|| {
        Diagnostic::warning(
            "cond::marker-not-alone",
            "this conditional-compilation marker is not alone on its line, so it is ignored",
        )
        .at(file, span, "marker shares its line with other text")
        .help("put the marker comment on a line of its own")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::target::Target;
    use indexmap::IndexMap;

    fn run(text: &str, syntax: CommentSyntax, target: Target) -> (String, Vec<Diagnostic>) {
        let defines = IndexMap::new();
        let file = SourceFile::new("f", "/f", text);
        let (out, diags) = preprocess(text, 0, syntax, &Conditions { target, defines: &defines }, &file);
        assert_eq!(out.len(), text.len(), "preprocessing must keep every offset");
        (out.into_owned(), diags)
    }

    #[test]
    fn blanks_false_branches_and_markers_keeping_lines() {
        let src =
            "a\n<!-- #if alipay -->\n<x 支付宝/>\n<!-- #elif weibo -->\nw\n<!-- #else -->\nc\n<!-- #endif -->\nz\n";
        let (out, diags) = run(src, CommentSyntax::Html, Target::Wechat);
        assert!(diags.is_empty(), "{diags:?}");
        let kept: Vec<&str> = out.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert_eq!(kept, ["a", "c", "z"]);
        assert_eq!(out.lines().count(), src.lines().count());
        let (out, _) = run(src, CommentSyntax::Html, Target::Alipay);
        assert!(out.contains("<x 支付宝/>"));
        assert!(!out.contains("w\n"));
    }

    #[test]
    fn nested_and_script_markers() {
        let src = "// #if !alipay\nA\n/* #if weibo */\nB\n// #endif\n// #endif\nC\n";
        let (out, diags) = run(src, CommentSyntax::Script, Target::Weibo);
        assert!(diags.is_empty());
        assert_eq!(out.split_whitespace().collect::<Vec<_>>(), ["A", "B", "C"]);
        let (out, _) = run(src, CommentSyntax::Script, Target::Wechat);
        assert_eq!(out.split_whitespace().collect::<Vec<_>>(), ["A", "C"]);
    }

    #[test]
    fn unmatched_markers_are_errors_at_their_line() {
        let (_, diags) = run("a\n/* #endif */\n", CommentSyntax::Css, Target::Wechat);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, "cond::unmatched");
        assert_eq!(diags[0].location().map(|l| (l.1, l.2)), Some((2, 1)));
        let (_, diags) = run("x\n  /* #if alipay */\nb\n", CommentSyntax::Css, Target::Wechat);
        assert_eq!(diags[0].code, "cond::unclosed");
        assert_eq!(diags[0].location().map(|l| (l.1, l.2)), Some((2, 3)));
    }

    #[test]
    fn css_syntax_ignores_line_comments_and_unknown_names_warn() {
        let (out, diags) = run("// #if alipay\nkeep\n", CommentSyntax::Css, Target::Wechat);
        assert!(out.contains("keep") && diags.is_empty());
        let (_, diags) = run("<!-- #if alipy -->\n<!-- #endif -->\n", CommentSyntax::Html, Target::Wechat);
        assert_eq!(diags[0].code, "cond::unknown-name");
        assert!(diags[0].help.as_deref().unwrap().contains("alipay"));
    }

    #[test]
    fn ifdef_gets_a_hint() {
        let (_, diags) = run("<!-- #ifdef MP-WEIXIN -->\n", CommentSyntax::Html, Target::Wechat);
        assert!(diags.iter().any(|d| d.code == "cond::bad-marker"));
    }

    #[test]
    fn marker_text_in_strings_and_templates_is_not_a_marker() {
        let src = concat!(
            "const fs = `#ifdef GL_ES\nprecision mediump float;\n#endif\n",
            "// #if weibo\n/* #endif */\n#ifndef X\n${ `// #else` }\nvoid main() {}\n`;\n",
            "const s = '// #if alipay';\nconst r = /\\/* #endif *\\//;\n",
            "// #if alipay\nmy();\n// #endif\n",
        );
        for target in [Target::Wechat, Target::Alipay, Target::Weibo] {
            let (out, diags) = run(src, CommentSyntax::Script, target);
            assert!(diags.is_empty(), "{target:?}: {diags:?}");
            let shader_end = src.find("`;").unwrap();
            assert_eq!(out[..shader_end + 2], src[..shader_end + 2], "the template literal is kept verbatim");
            assert!(out.contains("'// #if alipay'") && out.contains("/\\/* #endif *\\//"));
            assert_eq!(out.contains("my();"), target == Target::Alipay, "real markers still work");
        }
    }

    #[test]
    fn marker_text_in_css_strings_and_wxml_attributes_is_not_a_marker() {
        let css = "a::before {\n  content: \"\\\n/* #endif */\";\n}\n/* #if alipay */\n.x {}\n/* #endif */\n";
        let (out, diags) = run(css, CommentSyntax::Css, Target::Wechat);
        assert!(diags.is_empty(), "{diags:?}");
        assert!(out.contains("/* #endif */\";") && !out.contains(".x"));
        let wxml = "<view title=\"a\n<!-- #endif -->\n\">{{ '<!-- #if x -->' }}</view>\n<!-- #if weibo -->\n<w/>\n<!-- #endif -->\n";
        let (out, diags) = run(wxml, CommentSyntax::Html, Target::Wechat);
        assert!(diags.is_empty(), "{diags:?}");
        assert!(out.contains("\n<!-- #endif -->\n\">") && !out.contains("<w/>"));
    }

    #[test]
    fn jsonc_markers_only_outside_strings() {
        let json = "{\n  \"a\": \"// #if weibo\",\n  // #if weibo\n  \"b\": 1,\n  // #endif\n  \"c\": 2\n}\n";
        let (out, diags) = run(json, CommentSyntax::Script, Target::Wechat);
        assert!(diags.is_empty(), "{diags:?}");
        assert!(out.contains("\"// #if weibo\"") && !out.contains("\"b\"") && out.contains("\"c\": 2"));
    }

    #[test]
    fn a_marker_inside_a_multiline_comment_is_comment_text() {
        let src = "/*\n/* #if alipay */\nkeep\n*/\n";
        let (out, diags) = run(src, CommentSyntax::Script, Target::Wechat);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(out, src);
    }
}
