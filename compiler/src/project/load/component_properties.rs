//! Attributes a project component does not declare (`<card titel="…">` for a `title`
//! property). WeChat compiles them and the component never sees the value. Checked where
//! the component's script states its `properties` as a literal
//! ([`crate::script::facts`]), and only for a name near a declared one: anything else may be
//! meant for the element itself, as WeChat's common attributes are.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::ir::template::{AttrKind, Node, Tag, Template, walk_nodes};
use crate::ir::{ComponentRef, Unit};
use crate::source::SourceFile;
use crate::template::known::COMMON_ATTRIBUTES;

/// `show-footer` → `showFooter`, the property WeChat sets from the attribute.
fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        match c {
            '-' => upper = true,
            c if upper => {
                out.extend(c.to_uppercase());
                upper = false;
            }
            c => out.push(c),
        }
    }
    out
}

/// `showFooter` → `show-footer`, to suggest a name in the dashed style it was written in.
fn dashed(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('-');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn normalized(name: &str) -> String {
    name.replace('-', "").to_ascii_lowercase()
}

/// Checks the attributes `template` (rendered by `unit`) gives to project components;
/// `properties_of` gives a component's declared properties, when they are known.
pub(super) fn check_component_properties<'u>(
    unit: &Unit,
    template: &Template,
    properties_of: &impl Fn(&str) -> Option<&'u BTreeSet<String>>,
    found: &mut Vec<Diagnostic>,
) {
    let file: &Arc<SourceFile> = &template.file;
    walk_nodes(&template.nodes, &mut |node| {
        let Node::Element(element) = node else { return };
        let Tag::Named(tag) = &element.tag else { return };
        let Some(ComponentRef::Unit(path)) = unit.components.get(tag) else { return };
        let Some(properties) = properties_of(path) else { return };
        for attr in element.attrs.iter().filter(|a| matches!(a.kind, AttrKind::Plain | AttrKind::Model)) {
            let name = attr.name.as_str();
            if name.starts_with("data-") || name.starts_with("aria-") || name.contains(':') {
                continue;
            }
            if COMMON_ATTRIBUTES.contains(&name) || properties.iter().any(|p| normalized(p) == normalized(name)) {
                continue;
            }
            let Some(close) = did_you_mean(&camel(name), properties.iter().map(String::as_str)) else { continue };
            let suggested = if name.contains('-') { dashed(close) } else { close.to_string() };
            found.push(
                Diagnostic::warning(
                    "template::unknown-property",
                    format!("`<{tag}>` ({path}) declares no property `{name}`; the component never sees it"),
                )
                .at(file, attr.name_span, "not in the component's properties")
                .help(format!("did you mean `{suggested}`?")),
            );
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_convert_between_styles() {
        assert_eq!(camel("show-footer"), "showFooter");
        assert_eq!(dashed("showFooter"), "show-footer");
        assert_eq!(normalized("show-Footer"), "showfooter");
    }
}
