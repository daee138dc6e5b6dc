//! Event handlers a page or component does not have. WeChat compiles `bindtap="onTapp"`
//! and, when the event fires, only logs that the component "does not have a method
//! `onTapp` to handle event `tap`". Checked where the unit's script states its methods
//! statically ([`constructor_facts`]), in the unit's own template: a file pulled in by
//! `<import>`/`<include>` may be rendered by units with different methods.

use std::collections::BTreeSet;

use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::ir::template::{Node, walk_nodes};
use crate::ir::{Unit, UnitKind};

pub(super) fn check_handlers(unit: &Unit, methods: &BTreeSet<String>, found: &mut Vec<Diagnostic>) {
    let template = &unit.template;
    let what = match unit.kind {
        UnitKind::Page => "page",
        UnitKind::Component => "component",
    };
    walk_nodes(&template.nodes, &mut |node| {
        let Node::Element(element) = node else { return };
        for event in &element.events {
            let Some(handler) = event.handler.as_literal() else { continue };
            let handler = handler.trim();
            if handler.is_empty() || methods.contains(handler) {
                continue;
            }
            let mut d = Diagnostic::warning(
                "template::unknown-handler",
                format!(
                    "`{}` calls `{handler}`, which the {what} {} does not define; WeChat only logs it when the event fires",
                    event.attr_name, unit.path
                ),
            )
            .at(&template.file, event.handler.span, "no such method");
            let place = match unit.kind {
                UnitKind::Page => "to the options of Page({…})",
                UnitKind::Component => "to `methods` in Component({…})",
            };
            d = match did_you_mean(handler, methods.iter().map(String::as_str)) {
                Some(close) => d.help(format!("did you mean `{close}`?")),
                None => d.help(format!("add `{handler}` {place}")),
            };
            found.push(d);
        }
    });
}
