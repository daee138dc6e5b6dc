//! Misspelt attributes and events on WeChat's built-in components (`<view clss>`,
//! `<image scr>`, `bindtpa`). WeChat compiles them and ignores them when rendering, so the
//! class, the picture or the handler silently does nothing: a warning, given only when the
//! name is unknown and near a known one (see [`crate::template::known`]).

use std::sync::Arc;

use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::ir::Unit;
use crate::ir::template::{AttrKind, Node, Tag, Template, walk_nodes};
use crate::source::SourceFile;
use crate::template::builtins::is_builtin;
use crate::template::known::{COMMON_ATTRIBUTES, known};

/// `show-menu-by-longpress` and `showMenuByLongpress` are one property to WeChat, and a name
/// differing only in case may still reach it: compared this way, a name counts as known.
fn normalized(name: &str) -> String {
    name.replace('-', "").to_ascii_lowercase()
}

fn is_always_accepted(name: &str) -> bool {
    name.starts_with("data-") || name.starts_with("aria-") || name.contains(':')
}

pub(super) fn check_builtin_attributes(unit: &Unit, template: &Template, found: &mut Vec<Diagnostic>) {
    let known = known();
    let file: &Arc<SourceFile> = &template.file;
    walk_nodes(&template.nodes, &mut |node| {
        let Node::Element(element) = node else { return };
        let Tag::Named(tag) = &element.tag else { return };
        if !is_builtin(tag) || unit.declares(tag) {
            return;
        }
        // Tags the lists do not describe (XR-FRAME's `xr-*`) have events of their own.
        let Some(component) = known.components.get(tag.as_str()) else { return };
        for event in &element.events {
            let name = event.name.as_str();
            let lower = name.to_ascii_lowercase();
            if known.all_events.contains(name) || known.all_events.contains(&lower) {
                continue;
            }
            // A custom component inside may bubble any event up to this element (lin-ui's
            // `lintap` is two edits from `longtap`): only one edit away counts as a typo.
            let close = known.all_events.iter().find(|e| strsim::damerau_levenshtein(name, e) == 1);
            if let Some(close) = close {
                let written = event.attr_name.strip_suffix(name).unwrap_or("bind");
                found.push(
                    Diagnostic::warning(
                        "template::unknown-event",
                        format!(
                            "`{}`: no WeChat component has an event `{name}`; the handler never runs",
                            event.attr_name
                        ),
                    )
                    .at(file, event.span, "unknown event")
                    .help(format!("did you mean `{written}{close}`?")),
                );
            }
        }
        let candidates = || {
            component
                .attributes
                .iter()
                .map(String::as_str)
                .chain(COMMON_ATTRIBUTES.iter().copied())
                .chain(known.global_attributes.iter().map(String::as_str))
        };
        for attr in element.attrs.iter().filter(|a| a.kind == AttrKind::Plain) {
            let name = attr.name.as_str();
            if is_always_accepted(name) || candidates().any(|c| normalized(c) == normalized(name)) {
                continue;
            }
            if let Some(close) = did_you_mean(name, candidates()) {
                found.push(
                    Diagnostic::warning(
                        "template::unknown-attribute",
                        format!("`<{tag}>` has no attribute `{name}`; WeChat ignores it"),
                    )
                    .at(file, attr.name_span, "unknown attribute")
                    .help(format!("did you mean `{close}`?")),
                );
            }
        }
    });
}
