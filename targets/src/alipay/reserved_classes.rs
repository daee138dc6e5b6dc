//! Alipay reserves class names starting `a-` and `am-` for its own components (PLATFORMS.md
//! §4, "class names starting `.a-` / `.am-` are reserved"). A user's class is never an error
//! for that: on Alipay such a name gets miniweave's `mw-` in front, in the stylesheets'
//! selectors and in the templates' class attributes alike. (Component classes already carry
//! their scope prefix, so only unscoped names need it.) A name computed whole at run time
//! (`class="{{cls}}"`) cannot be seen here and keeps its name.

use lightningcss::selector::Component;
use lightningcss::values::ident::Ident;
use miniweave_compiler::ir::template::{AttrKind, Node, Segment, walk_nodes_mut};
use miniweave_compiler::style::Css;

use crate::common::class_scope::CLASS_ATTRIBUTES;
use crate::style::scope::rename_selectors;

fn is_reserved(name: &str) -> bool {
    name.starts_with("a-") || name.starts_with("am-")
}

fn unreserved(name: &str) -> String {
    format!("mw-{name}")
}

/// Renames reserved class selectors in a stylesheet.
pub fn unreserve_selectors(css: &mut Css) {
    rename_selectors(css, &|c: &mut Component<'_>| {
        if let Component::Class(name) = c {
            if is_reserved(&name.0) {
                *name = Ident(unreserved(&name.0).into());
            }
        }
    });
}

/// Renames reserved class names written in a template's class attributes: each word of
/// literal text that starts a class name (at the start of the value, or after white space).
pub fn unreserve_classes(nodes: &mut [Node]) {
    walk_nodes_mut(nodes, &mut |node| {
        let Node::Element(e) = node else { return };
        for attr in
            e.attrs.iter_mut().filter(|a| a.kind == AttrKind::Plain && CLASS_ATTRIBUTES.contains(&a.name.as_str()))
        {
            let Some(value) = &mut attr.value else { continue };
            let mut word_start = true;
            for segment in &mut value.segments {
                match segment {
                    Segment::Literal(text) => {
                        *text = unreserve_words(text, word_start);
                        word_start = text.ends_with(char::is_whitespace);
                    }
                    Segment::Expr(_) => word_start = false,
                }
            }
        }
    });
}

/// `text` with each reserved word renamed; `at_word` says whether its first character starts
/// a word.
fn unreserve_words(text: &str, at_word: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut starts_word = at_word;
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (word, tail) = rest.split_at(end);
        if starts_word && is_reserved(word) {
            out.push_str(&unreserved(word));
        } else {
            out.push_str(word);
        }
        let spaces = tail.len() - tail.trim_start().len();
        out.push_str(&tail[..spaces]);
        rest = &tail[spaces..];
        starts_word = true;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::unreserve_words;

    #[test]
    fn only_whole_reserved_words_are_renamed() {
        assert_eq!(unreserve_words("a-section row am-x", true), "mw-a-section row mw-am-x");
        assert_eq!(unreserve_words("a-tail b", false), "a-tail b", "a word that began in an expression");
        assert_eq!(unreserve_words(" data-a-b", true), " data-a-b");
    }
}
