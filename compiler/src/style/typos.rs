//! Misspelt CSS property names and units (`paddng: 3px`, `margin: 3xp`). wcsc compiles them
//! and the renderers drop the declaration, so the style silently does nothing: a warning,
//! given only for a name or unit near a known one (the property list is generated from
//! WeChat's docs, see [`crate::template::known`]; anything farther may be a property the list
//! lacks). lightningcss keeps what it cannot read as a custom or unparsed property with raw
//! tokens; a dimension left as a token is one whose unit lightningcss does not know.

use std::collections::HashMap;

use lightningcss::properties::Property;
use lightningcss::properties::custom::{CustomPropertyName, Token, TokenList, TokenOrValue};
use lightningcss::rules::CssRule;

use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::source::Span;
use crate::template::known::known;

use super::{Css, Located};

/// Units CSS and WeChat read (`rpx`), for suggestions: lightningcss has already read the
/// standard ones, so a dimension token with one of these is fine.
const UNITS: &[&str] = &[
    "px", "rpx", "em", "rem", "ex", "ch", "vw", "vh", "vmin", "vmax", "cm", "mm", "in", "pt", "pc", "q", "deg", "rad",
    "grad", "turn", "s", "ms", "hz", "khz", "dpi", "dpcm", "dppx", "x", "fr",
];

/// The diagnostics for every style rule of `css`.
pub fn check(css: &Css, located: &Located) -> Vec<Diagnostic> {
    let mut found = Found { list: Vec::new(), suggestions: HashMap::new() };
    check_rules(&css.rules.0, located, &mut found);
    found.list
}

/// The diagnostics so far, and the suggestion for each unknown name met: a minified file can
/// repeat one name thousands of times, and each suggestion compares it with every property.
struct Found {
    list: Vec<Diagnostic>,
    suggestions: HashMap<String, Option<&'static str>>,
}

fn check_rules(rules: &[CssRule<'_>], located: &Located, found: &mut Found) {
    for rule in rules {
        match rule {
            CssRule::Style(style) => {
                let start = located.offset(style.loc.line, style.loc.column);
                let block = &style.declarations;
                for property in block.declarations.iter().chain(&block.important_declarations) {
                    check_property(property, start, located, found);
                }
                check_rules(&style.rules.0, located, found);
            }
            CssRule::Media(media) => check_rules(&media.rules.0, located, found),
            CssRule::Supports(supports) => check_rules(&supports.rules.0, located, found),
            _ => {}
        }
    }
}

/// Where `needle` is first written at or after `from`, as a whole word; else `from`.
fn find_word(located: &Located, from: usize, needle: &str, before_ok: impl Fn(char) -> bool) -> Span {
    let text = located.file.text();
    let mut at = from.min(text.len());
    while let Some(i) = text[at..].find(needle) {
        let start = at + i;
        let end = start + needle.len();
        let before = text[..start].chars().next_back().is_none_or(&before_ok);
        let after = text[end..].chars().next().is_none_or(|c| !c.is_ascii_alphanumeric() && c != '-');
        if before && after {
            return Span::new(start, end);
        }
        at = end;
    }
    Span::new(from, from)
}

fn check_property(property: &Property<'_>, rule_start: usize, located: &Located, found: &mut Found) {
    let tokens = match property {
        Property::Custom(custom) => {
            if let CustomPropertyName::Unknown(name) = &custom.name {
                check_name(name.0.as_ref(), rule_start, located, found);
            }
            &custom.value
        }
        Property::Unparsed(unparsed) => &unparsed.value,
        _ => return,
    };
    check_units(tokens, rule_start, located, &mut found.list);
}

fn check_name(name: &str, rule_start: usize, located: &Located, found: &mut Found) {
    let lower = name.to_ascii_lowercase();
    // Vendor-prefixed and hack names (`-webkit-…`, `_height`) are not typos of a standard one.
    if lower.starts_with(['-', '_', '*']) || known().style_properties.contains(&lower) {
        return;
    }
    let close = *found
        .suggestions
        .entry(lower)
        .or_insert_with_key(|lower| did_you_mean(lower, known().style_properties.iter().map(String::as_str)));
    let Some(close) = close else { return };
    let span = find_word(located, rule_start, name, |c| !c.is_ascii_alphanumeric() && c != '-');
    found.list.push(
        Diagnostic::warning("style::unknown-property", format!("`{name}` is not a CSS property; it is ignored"))
            .at(&located.file, span, "unknown property")
            .help(format!("did you mean `{close}`?")),
    );
}

fn check_units(tokens: &TokenList<'_>, rule_start: usize, located: &Located, found: &mut Vec<Diagnostic>) {
    for token in &tokens.0 {
        match token {
            TokenOrValue::Token(Token::Dimension { unit, .. }) => {
                let unit = unit.as_ref();
                let lower = unit.to_ascii_lowercase();
                if UNITS.contains(&lower.as_str()) {
                    continue;
                }
                let Some(close) = did_you_mean(&lower, UNITS.iter().copied()) else { continue };
                let span = find_word(located, rule_start, unit, |c| c.is_ascii_digit() || c == '.');
                found.push(
                    Diagnostic::warning(
                        "style::unknown-unit",
                        format!("`{unit}` is not a CSS unit; the declaration is ignored"),
                    )
                    .at(&located.file, span, "unknown unit")
                    .help(format!("did you mean `{close}`?")),
                );
            }
            TokenOrValue::Function(f) => check_units(&f.arguments, rule_start, located, found),
            _ => {}
        }
    }
}
