//! How deep brackets nest in a script or a stylesheet, checked before the parsers see it.
//!
//! swc and lightningcss parse by recursion: CSS `:not(` repeated 70,000 times overflows the
//! stack and aborts the process, and a JS array nested 5,000 deep prints 96 MB (each level
//! indents the next). Real code nests a few dozen levels; past the limits below the file gets
//! a located error instead (docs/language.md, "Limits"). The scan is one pass over the bytes
//! that skips strings and comments (and, in scripts, template literals' text); brackets
//! inside a regular expression literal are counted, which can only make a real file look a
//! few levels deeper than it is, far below the limits.

/// The deepest nesting of `(`, `[` and `{` a script may have.
pub const SCRIPT_MAX_DEPTH: usize = 500;
/// The deepest nesting of `(`, `[` and `{` a stylesheet may have.
pub const STYLE_MAX_DEPTH: usize = 256;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Script,
    Style,
}

/// The byte offset of the first bracket that opens level `limit + 1`, if any.
pub fn too_deep(text: &str, limit: usize, syntax: Syntax) -> Option<usize> {
    let bytes = text.as_bytes();
    // Open brackets; a template literal's `${` is a `{` whose `}` returns to the template.
    let mut stack: Vec<u8> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = find(bytes, i + 2, b"*/").map_or(bytes.len(), |end| end + 2);
                continue;
            }
            b'/' if syntax == Syntax::Script && bytes.get(i + 1) == Some(&b'/') => {
                i = find(bytes, i + 2, b"\n").unwrap_or(bytes.len());
                continue;
            }
            b'"' | b'\'' => {
                i = string_end(bytes, i + 1, b);
                continue;
            }
            b'`' if syntax == Syntax::Script => {
                i = template_text_end(bytes, i + 1, &mut stack);
                continue;
            }
            b'(' | b'[' | b'{' => {
                if stack.len() >= limit {
                    return Some(i);
                }
                stack.push(b);
            }
            b'}' if stack.last() == Some(&b'`') => {
                // The end of a `${…}`: back into the template's text.
                stack.pop();
                i = template_text_end(bytes, i + 1, &mut stack);
                continue;
            }
            b')' | b']' | b'}' => {
                stack.pop();
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| from + p)
}

/// The index after the quote that closes a string opened before `from`; a line break ends
/// an unterminated one (the parser reports it).
fn string_end(bytes: &[u8], mut from: usize, quote: u8) -> usize {
    while from < bytes.len() {
        match bytes[from] {
            b'\\' => from += 2,
            b'\n' => return from,
            b if b == quote => return from + 1,
            _ => from += 1,
        }
    }
    bytes.len()
}

/// Skips a template literal's text from `from`: to after its closing backtick, or into a
/// `${`, which is pushed as a backtick so its `}` comes back here.
fn template_text_end(bytes: &[u8], mut from: usize, stack: &mut Vec<u8>) -> usize {
    while from < bytes.len() {
        match bytes[from] {
            b'\\' => from += 2,
            b'`' => return from + 1,
            b'$' if bytes.get(from + 1) == Some(&b'{') => {
                stack.push(b'`');
                return from + 2;
            }
            _ => from += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bracket_past_the_limit_is_found() {
        let text = format!("x = {}1{};", "[".repeat(10), "]".repeat(10));
        assert_eq!(too_deep(&text, 10, Syntax::Script), None);
        assert_eq!(too_deep(&text, 9, Syntax::Script), Some(4 + 9));
        let css = format!("{}a{}{{color:red}}", ":not(".repeat(5), ")".repeat(5));
        assert_eq!(too_deep(&css, 5, Syntax::Style), None);
        assert_eq!(too_deep(&css, 4, Syntax::Style), Some(4 * 5 + 4));
    }

    #[test]
    fn brackets_in_strings_comments_and_template_text_do_not_count() {
        let text = "a('(((', \"[[[\", `{{{ ${ f(`((( ${ g() }`) } {{{`) /* ((( */ // (((\n";
        // a( ${ f( ${ g( : five levels, a template's `${` being one.
        assert_eq!(too_deep(text, 5, Syntax::Script), None);
        assert_eq!(too_deep(text, 4, Syntax::Script), Some(text.find("g(").unwrap() + 1));
        assert_eq!(too_deep("a { content: '{{{{' } /* {{{{ */", 1, Syntax::Style), None);
    }

    #[test]
    fn unbalanced_and_unterminated_text_ends_the_scan() {
        assert_eq!(too_deep("'unterminated\n(((", 2, Syntax::Script), Some(16));
        assert_eq!(too_deep("))) `open ${", 5, Syntax::Script), None);
        assert_eq!(too_deep("/* open", 0, Syntax::Style), None);
    }
}
