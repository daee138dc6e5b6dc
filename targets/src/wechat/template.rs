//! WXML as WeChat reads it: the IR printed back in WeChat's own spelling.

use miniweave_compiler::ir::template::{AttrKind, Element, ViewScript, ViewScriptSource};

use crate::common::markup::OutAttr;
use crate::common::wxml::{Spelled, Spelling, value_text};

pub struct WechatSpelling;

/// An attribute's name with its kind's prefix (`model:value`, `generic:x`, `mark:k`).
pub fn prefixed_name(kind: AttrKind, name: &str) -> String {
    match kind {
        AttrKind::Plain => name.to_string(),
        AttrKind::Model => format!("model:{name}"),
        AttrKind::Generic => format!("generic:{name}"),
        AttrKind::Mark => format!("mark:{name}"),
    }
}

impl Spelling for WechatSpelling {
    fn prefix(&self) -> &'static str {
        "wx:"
    }

    fn merges_for_and_if(&self) -> bool {
        true
    }

    fn element(&mut self, e: &Element) -> Spelled {
        // Attributes and events in the order they were written.
        let mut attrs: Vec<(usize, OutAttr)> = e
            .attrs
            .iter()
            .map(|a| {
                let name = prefixed_name(a.kind, &a.name);
                let attr = match &a.value {
                    Some(v) => OutAttr::new(name, value_text(v)),
                    None => OutAttr::flag(name),
                };
                (a.span.start, attr)
            })
            .collect();
        attrs.extend(
            e.events.iter().map(|ev| (ev.span.start, OutAttr::new(ev.attr_name.clone(), value_text(&ev.handler)))),
        );
        attrs.sort_by_key(|(at, _)| *at);
        Spelled { tag: e.tag.name().to_string(), attrs: attrs.into_iter().map(|(_, a)| a).collect() }
    }

    fn view_script(&mut self, script: &ViewScript) -> Option<(String, Vec<OutAttr>, Option<String>)> {
        let mut attrs = vec![OutAttr::new("module", script.module.clone())];
        let body = match &script.source {
            ViewScriptSource::File(r) => {
                attrs.push(OutAttr::new("src", r.src.clone()));
                None
            }
            ViewScriptSource::Inline(code) => Some(code.clone()),
        };
        Some(("wxs".into(), attrs, body))
    }

    fn template_src(&self, src: &str) -> String {
        src.to_string()
    }
}
