//! Tokens of WXML expressions. Constructs outside WXML's grammar are recognised here on
//! purpose, so the error can name them ("arrow functions are not WXML") instead of
//! reporting an unexpected character.

use crate::source::Span;

use super::ExprError;

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Number(String),
    /// A string literal: value and raw text.
    Str(String, String),
    Ident(String),
    Punct(&'static str),
    Eof,
}

#[derive(Debug, Clone)]
pub struct Token {
    pub tok: Tok,
    pub span: Span,
}

/// Punctuators of the grammar, longest first so `===` wins over `==`.
const PUNCTS: &[&str] = &[
    "...", "===", "!==", "==", "!=", "<=", ">=", "&&", "||", "(", ")", "[", "]", "{", "}", ",", ":", "?", ".", "+",
    "-", "*", "/", "%", "!", "<", ">",
];

/// Spellings that are JavaScript but not WXML: what they are, and what to write instead.
const FORBIDDEN: &[(&str, &str, &str)] = &[
    ("=>", "arrow functions are not WXML", "compute the value in the script, or call a function of a wxs module"),
    ("?.", "optional chaining is not WXML", "write `a && a.b`"),
    ("??", "`??` is not WXML", "write `a !== undefined && a !== null ? a : b`, or `a || b`"),
    ("**", "`**` is not WXML", "compute the power in the script or a wxs function"),
    ("++", "`++` assigns, and WXML expressions cannot assign", "update the data with setData in the script"),
    ("--", "`--` assigns, and WXML expressions cannot assign", "update the data with setData in the script"),
    ("<<", "bitwise operators are not WXML", "compute the value in a wxs function"),
    (">>", "bitwise operators are not WXML", "compute the value in a wxs function"),
    ("=", "assignments are not WXML", "update the data with setData in the script"),
    ("&", "bitwise operators are not WXML", "compute the value in a wxs function"),
    ("|", "bitwise operators are not WXML", "compute the value in a wxs function"),
    ("^", "bitwise operators are not WXML", "compute the value in a wxs function"),
    ("~", "bitwise operators are not WXML", "compute the value in a wxs function"),
    ("`", "template literals are not WXML", "join strings with `+`"),
    (";", "a WXML expression holds one expression, without `;`", "remove the `;`"),
];

pub fn tokenize(text: &str, base: usize) -> Result<Vec<Token>, ExprError> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        // wcc reads `.5` as a number where an operand may start (`{{ .5 }}` compiles), and
        // `a.5` as a member access.
        let after_operand = tokens.last().is_some_and(|t: &Token| {
            matches!(&t.tok, Tok::Ident(_) | Tok::Number(_) | Tok::Str(..) | Tok::Punct(")" | "]" | "}"))
        });
        let leading_point = c == b'.' && !after_operand && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if c.is_ascii_digit() || leading_point {
            i = scan_number(bytes, i);
            if i < bytes.len() && (bytes[i].is_ascii_alphabetic() || bytes[i] == b'_') {
                return Err(ExprError {
                    span: Span::new(base + start, base + i + 1),
                    message: "WXML numbers are plain decimals: no exponents, hex or suffixes".into(),
                    help: Some("write the number out in decimal (`1000`, `31`)".into()),
                });
            }
            tokens
                .push(Token { tok: Tok::Number(text[start..i].to_string()), span: Span::new(base + start, base + i) });
            continue;
        }
        if c == b'"' || c == b'\'' {
            let (value, end) = scan_string(text, i).ok_or_else(|| ExprError {
                span: Span::new(base + start, base + text.len()),
                message: "string is never closed".into(),
                help: Some(format!("close it with {}", c as char)),
            })?;
            i = end;
            tokens.push(Token {
                tok: Tok::Str(value, text[start..i].to_string()),
                span: Span::new(base + start, base + i),
            });
            continue;
        }
        if c >= 0x80 {
            let ch = text[i..].chars().next().unwrap_or('?');
            return Err(ExprError {
                span: Span::new(base + i, base + i + ch.len_utf8()),
                message: format!("`{ch}` cannot appear in a WXML expression: names are ASCII"),
                help: Some("rename the data field with ASCII letters, or put the text in quotes".into()),
            });
        }
        if c.is_ascii_alphabetic() || c == b'_' || c == b'$' {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] == b'$') {
                i += 1;
            }
            tokens.push(Token { tok: Tok::Ident(text[start..i].to_string()), span: Span::new(base + start, base + i) });
            continue;
        }
        let rest = &text[i..];
        // `!==`/`===`/`==` must win over `=`, and `=>` over `>=`.
        if let Some(p) = PUNCTS.iter().find(|p| rest.starts_with(**p)) {
            // `a?.5:1` is a conditional, not optional chaining (JavaScript reads it so too).
            let ternary_number = rest.starts_with("?.") && rest[2..].starts_with(|c: char| c.is_ascii_digit());
            let is_forbidden_prefix =
                !ternary_number && FORBIDDEN.iter().any(|(f, _, _)| f.len() > p.len() && rest.starts_with(f));
            if !is_forbidden_prefix {
                i += p.len();
                tokens.push(Token { tok: Tok::Punct(p), span: Span::new(base + start, base + i) });
                continue;
            }
        }
        if let Some((f, what, fix)) = FORBIDDEN.iter().find(|(f, _, _)| rest.starts_with(f)) {
            return Err(ExprError {
                span: Span::new(base + start, base + start + f.len()),
                message: what.to_string(),
                help: Some(fix.to_string()),
            });
        }
        let ch = rest.chars().next().unwrap_or('?');
        return Err(ExprError {
            span: Span::new(base + start, base + start + ch.len_utf8()),
            message: format!("unexpected character `{ch}` in the expression"),
            help: Some(
                "WXML expressions use names, literals, arithmetic, comparisons, `&&`, `||`, `!` and `? :`".into(),
            ),
        });
    }
    tokens.push(Token { tok: Tok::Eof, span: Span::point(base + text.len()) });
    Ok(tokens)
}

/// Digits with at most one decimal point: what WeChat's wcc accepts (it rejects `1e3`,
/// `0x1f` and `.5`).
fn scan_number(bytes: &[u8], mut i: usize) -> usize {
    let mut seen_point = false;
    while i < bytes.len() {
        match bytes[i] {
            b'0'..=b'9' => {}
            b'.' if !seen_point && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => seen_point = true,
            _ => break,
        }
        i += 1;
    }
    i
}

/// Scans a quoted string starting at `start`; returns its value and the index after it.
fn scan_string(text: &str, start: usize) -> Option<(String, usize)> {
    let quote = text.as_bytes()[start] as char;
    let mut value = String::new();
    let mut chars = text[start + 1..].char_indices();
    while let Some((off, c)) = chars.next() {
        match c {
            c if c == quote => return Some((value, start + 1 + off + 1)),
            '\\' => {
                let (_, e) = chars.next()?;
                match e {
                    'n' => value.push('\n'),
                    't' => value.push('\t'),
                    'r' => value.push('\r'),
                    'b' => value.push('\u{8}'),
                    'f' => value.push('\u{c}'),
                    'v' => value.push('\u{b}'),
                    '0' => value.push('\0'),
                    'u' | 'x' => {
                        let n = if e == 'u' { 4 } else { 2 };
                        let hex: String = (0..n).filter_map(|_| chars.next().map(|(_, c)| c)).collect();
                        let code = u32::from_str_radix(&hex, 16).ok()?;
                        value.push(char::from_u32(code)?);
                    }
                    other => value.push(other),
                }
            }
            '\n' => return None,
            c => value.push(c),
        }
    }
    None
}
