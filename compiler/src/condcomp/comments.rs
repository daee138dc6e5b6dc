//! Where the comments of a text are, read with the lexical rules of its language, so that
//! a marker counts only in a real comment (issue 9, item 10): `// #if x` inside a template
//! literal (a GLSL shader, say), a string, a regex, a CSS string or a WXML attribute value
//! is text, not a marker.
//!
//! These are scanners, not parsers: they never fail. Unterminated strings end at their line
//! break (where the language's own parser would stop too), and an unterminated comment runs
//! to the end of the text.

use std::ops::Range;

use super::CommentSyntax;

/// The byte ranges of the comments in `text`, in order, delimiters included.
pub fn comment_ranges(text: &str, syntax: CommentSyntax) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    match syntax {
        CommentSyntax::Script => script(bytes),
        CommentSyntax::Css => css(bytes),
        CommentSyntax::Html => html(bytes),
    }
}

/// The index of the first `needle` at or after `from`, or the end of `bytes`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> usize {
    bytes
        .get(from..)
        .and_then(|rest| rest.windows(needle.len()).position(|w| w == needle))
        .map_or(bytes.len(), |i| from + i)
}

/// The end (exclusive) of the `quote`-delimited string whose opening quote is at `start`:
/// backslash escapes (line continuations included), and an unescaped line break ends it.
fn quoted(bytes: &[u8], start: usize, quote: u8) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' => return i,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The end of a block comment opened at `start` (`/*`), past its `*/`.
fn block_comment(bytes: &[u8], start: usize) -> usize {
    (find(bytes, start + 2, b"*/") + 2).min(bytes.len())
}

/// JavaScript and TypeScript (also JSONC and WXS, whose comments and strings are a subset):
/// line and block comments outside strings, template literals (with `${}` nesting) and
/// regex literals.
fn script(bytes: &[u8]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // For each template literal whose `${` we are inside, the brace depth at its opening: the
    // `}` that brings the depth back there resumes the template.
    let mut substitutions: Vec<usize> = Vec::new();
    let mut depth = 0usize;
    let mut regex_ok = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                let end = find(bytes, i, b"\n");
                out.push(i..end);
                i = end;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let end = block_comment(bytes, i);
                out.push(i..end);
                i = end;
                continue;
            }
            b'/' if regex_ok => {
                i = regex(bytes, i);
                regex_ok = false;
                continue;
            }
            b'\'' | b'"' => {
                i = quoted(bytes, i, b);
                regex_ok = false;
                continue;
            }
            // A template literal, or the rest of one after a `${…}` substitution closes.
            b'`' | b'}' if b == b'`' || substitutions.last() == Some(&depth) => {
                if b == b'}' {
                    substitutions.pop();
                }
                let (end, substitution) = template(bytes, i + 1);
                i = end;
                if substitution {
                    substitutions.push(depth);
                }
                // After `${` an expression starts (a regex may); after the closing backtick
                // an operator is due.
                regex_ok = substitution;
                continue;
            }
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80 {
            let start = i;
            while i < bytes.len()
                && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'_' | b'$') || bytes[i] >= 0x80)
            {
                i += 1;
            }
            // After a value a `/` divides; after a keyword that expects an expression it
            // opens a regex (`return /x/.test(s)`).
            regex_ok = REGEX_AFTER.contains(&&bytes[start..i]);
            continue;
        }
        if !b.is_ascii_whitespace() {
            // After `)` or `]` a `/` divides (a heuristic: `if (x) /re/` is rare); after any
            // other punctuator it opens a regex.
            regex_ok = !matches!(b, b')' | b']');
        }
        i += 1;
    }
    out
}

/// Keywords after which a `/` starts a regex literal.
const REGEX_AFTER: &[&[u8]] = &[
    b"return",
    b"typeof",
    b"instanceof",
    b"in",
    b"of",
    b"new",
    b"delete",
    b"void",
    b"throw",
    b"case",
    b"do",
    b"else",
    b"yield",
    b"await",
];

/// The end of the regex literal whose `/` is at `start` (flags are read as a word after it).
/// A line break ends it: a regex cannot span lines.
fn regex(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    let mut class = false;
    while i < bytes.len() {
        match bytes[i] {
            // The escaped byte is skipped by this and the `+= 1` below.
            b'\\' => i += 1,
            b'\n' => return i,
            b'[' => class = true,
            b']' => class = false,
            b'/' if !class => return i + 1,
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

/// Scans template-literal text from `from` (just after `` ` `` or the `}` closing a
/// substitution): the position after its closing `` ` `` (false), or after a `${` (true).
fn template(bytes: &[u8], from: usize) -> (usize, bool) {
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'`' => return (i + 1, false),
            b'$' if bytes.get(i + 1) == Some(&b'{') => return (i + 2, true),
            _ => i += 1,
        }
    }
    (bytes.len(), false)
}

/// CSS: block comments outside strings.
fn css(bytes: &[u8]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let end = block_comment(bytes, i);
                out.push(i..end);
                i = end;
            }
            q @ (b'\'' | b'"') => i = quoted(bytes, i, q),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    out
}

/// WXML/HTML: `<!-- -->` comments in text, not in attribute values, `{{ }}` expressions or
/// the raw body of a `<wxs>` (which the template scanner keeps raw too).
fn html(bytes: &[u8]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"<!--") {
            let end = (find(bytes, i + 4, b"-->") + 3).min(bytes.len());
            out.push(i..end);
            i = end;
        } else if bytes[i..].starts_with(b"{{") {
            i = mustache(bytes, i + 2);
        } else if bytes[i] == b'<' && bytes.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/') {
            let name_start = i + 1;
            i = tag(bytes, i + 1);
            let name_end = bytes[name_start..i]
                .iter()
                .position(|c| !(c.is_ascii_alphanumeric() || *c == b'-'))
                .map_or(i, |n| name_start + n);
            let self_closing = i >= 2 && bytes[i - 2] == b'/';
            if &bytes[name_start..name_end] == b"wxs" && !self_closing {
                i = find(bytes, i, b"</wxs");
            }
        } else {
            i += 1;
        }
    }
    out
}

/// The position after the `}}` closing an expression whose text starts at `from`; quoted
/// strings inside it are skipped.
fn mustache(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            q @ (b'\'' | b'"') => i = quoted(bytes, i, q),
            b'}' if bytes.get(i + 1) == Some(&b'}') => return i + 2,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The position after the `>` ending a tag whose name starts at `from`; quoted attribute
/// values are skipped (they may span lines, unlike a script string).
fn tag(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            q @ (b'\'' | b'"') => i = (find(bytes, i + 1, &[q]) + 1).min(bytes.len()),
            b'>' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comments(text: &str, syntax: CommentSyntax) -> Vec<&str> {
        comment_ranges(text, syntax).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn script_comments_outside_strings_templates_and_regexes() {
        let src = "a // one\nb = '// no' + \"/* no */\";\n/* two */ c = /\\/\\/ no [/*]/g.test(x) / 2; // three";
        assert_eq!(comments(src, CommentSyntax::Script), ["// one", "/* two */", "// three"]);
    }

    #[test]
    fn template_literals_nest_substitutions() {
        let src =
            "const s = `#ifdef GL_ES\n// #if weibo\n${ {a: `/* in */`}.a + f({}) } // text\n/* #endif */`;\n// real";
        assert_eq!(comments(src, CommentSyntax::Script), ["// real"]);
        let src = "x = `${ a /* c1 */ }` // c2";
        assert_eq!(comments(src, CommentSyntax::Script), ["/* c1 */", "// c2"]);
    }

    #[test]
    fn division_is_no_regex() {
        let src = "x = a / b; y = (c) / d; // c1\nreturn /'/.test(s) // c2";
        assert_eq!(comments(src, CommentSyntax::Script), ["// c1", "// c2"]);
    }

    #[test]
    fn css_comments_outside_strings() {
        let src = "a { content: \"/* no */\"; } /* yes */ b { content: '\\'/* no */' }";
        assert_eq!(comments(src, CommentSyntax::Css), ["/* yes */"]);
    }

    #[test]
    fn html_comments_outside_attributes_mustaches_and_wxs() {
        let src = "<view title=\"<!-- no -->\">{{ '<!-- no -->' }}<!-- yes --></view>\n<wxs module=\"m\">var a = '<!-- no -->';</wxs>\n<!-- end -->";
        assert_eq!(comments(src, CommentSyntax::Html), ["<!-- yes -->", "<!-- end -->"]);
    }

    #[test]
    fn unterminated_things_do_not_run_away() {
        assert_eq!(comments("a = 'open\n// c", CommentSyntax::Script), ["// c"]);
        assert_eq!(comments("/* open", CommentSyntax::Script), ["/* open"]);
        assert_eq!(comments("<!-- open", CommentSyntax::Html), ["<!-- open"]);
    }
}
