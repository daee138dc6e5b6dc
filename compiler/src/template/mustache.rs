//! Finding `{{ … }}` in WXML text and attribute values.
//!
//! Inside a mustache, `<`, `>` and quoted strings never end the surrounding text or tag.
//! The first `}}` outside a string closes it, as in WeChat's own compiler: `{{ {a: {b: 1}} }}`
//! closes after `1`, so nested objects need a space (`{a: {b: 1} }`).

use crate::source::Span;

/// Where a mustache that opens at `open` (the index of `{{`) closes: the index of its `}}`.
/// `attr_quote` is the quote delimiting the attribute value the mustache sits in: WXML ends
/// the value at that quote even inside the braces, so meeting it is an error (`Err(index)`).
pub fn find_close(text: &str, open: usize, attr_quote: Option<u8>) -> Result<usize, Unclosed> {
    let bytes = text.as_bytes();
    let mut i = open + 2;
    let mut string: Option<u8> = None;
    while i < bytes.len() {
        let b = bytes[i];
        if Some(b) == attr_quote {
            return Err(Unclosed::AttrQuote(i));
        }
        match string {
            Some(q) => {
                if b == b'\\' {
                    i += 1;
                } else if b == q {
                    string = None;
                }
            }
            None => match b {
                b'\'' | b'"' => string = Some(b),
                b'}' if bytes.get(i + 1) == Some(&b'}') => return Ok(i),
                _ => {}
            },
        }
        i += 1;
    }
    Err(Unclosed::End)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unclosed {
    /// The text ended first.
    End,
    /// The attribute's own quote appeared inside the braces, at this index.
    AttrQuote(usize),
}

/// A piece of text or attribute value: literal text, or a mustache's inner text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Literal(&'a str),
    /// The text between `{{` and `}}`, and its span (relative to the split text).
    Mustache(&'a str, Span),
}

/// Splits `text` into literals and mustaches. Unclosed mustaches are reported with the span
/// of their `{{`; the scanner has already rejected them, so this only guards.
pub fn split(text: &str) -> Result<Vec<Piece<'_>>, Span> {
    let mut pieces = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find("{{") {
        let open = from + found;
        if open > from {
            pieces.push(Piece::Literal(&text[from..open]));
        }
        let close = find_close(text, open, None).map_err(|_| Span::new(open, open + 2))?;
        pieces.push(Piece::Mustache(&text[open + 2..close], Span::new(open + 2, close)));
        from = close + 2;
    }
    if from < text.len() {
        pieces.push(Piece::Literal(&text[from..]));
    }
    Ok(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_quotes() {
        let t = "a {{ {x: {y: '}}'} } }} b {{c}}";
        let p = split(t).unwrap();
        assert_eq!(p.len(), 4);
        assert_eq!(p[1], Piece::Mustache(" {x: {y: '}}'} } ", Span::new(4, 21)));
        assert_eq!(p[3], Piece::Mustache("c", Span::new(28, 29)));
        // As in wcc, the first `}}` outside a string closes the mustache.
        assert_eq!(find_close("{{ {a: {b: 1}} }}", 0, None), Ok(12));
        assert_eq!(find_close("{{ a ? \"x\" : 'y' }}\"", 0, Some(b'"')), Err(Unclosed::AttrQuote(7)));
        assert_eq!(find_close("{{ a < b", 0, None), Err(Unclosed::End));
    }
}
