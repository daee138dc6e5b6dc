//! AXML: the IR printed in Alipay's spelling.
//!
//! `a:` directives; events as `onX`/`catchX`/`capture-onX`/`capture-catchX` props
//! (`bind:my-event` → `onMyEvent`); every custom event on a custom component's tag becomes
//! its `on<Name>` prop, bound or caught; dash-case properties of custom components become
//! camel-case props; built-in attribute and event renames from [`super::components`];
//! `<wxs>` becomes `<import-sjs>` (PLATFORMS.md §2).

use std::collections::BTreeSet;
use std::sync::Arc;

use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::ir::template::{
    Attr, AttrKind, Element, Event, Node, Tag, Text, ViewScript, ViewScriptSource, walk_nodes_mut,
};
use miniweave_compiler::source::SourceFile;
use miniweave_compiler::template::builtins::is_builtin;

use super::components::{COMMON_EVENTS, NEVER_FIRED, button_open_type, missing, rules};
use crate::common::case::{dash_to_camel, join_words};
use crate::common::markup::OutAttr;
use crate::common::model::models;
use crate::common::paths::with_ext;
use crate::common::view_script::handler_error;
use crate::common::wxml::{Spelled, Spelling, value_text};

pub struct AlipaySpelling {
    file: Arc<SourceFile>,
    /// The AXML file's name without extension, for inline view-script files beside it.
    stem: String,
    /// Whether the base library has `onGetPhoneNumber`/`onGetUserInfo` (2.8.0+).
    has_named_auth_events: bool,
    /// The document's view-script modules (their functions cannot be handlers on Alipay).
    modules: Vec<String>,
    /// Inline `<wxs>` bodies (module, code, the element's span), to be written to
    /// `<stem>.<module>.sjs`.
    pub inline_scripts: Vec<(String, String, miniweave_compiler::source::Span)>,
    /// Runtime snippets the document's generated handlers need (`model` for `__mwModel`,
    /// `dispatch` for `__mwDispatch`).
    pub runtime: BTreeSet<&'static str>,
    pub diagnostics: Vec<Diagnostic>,
}

/// `my-event` → `MyEvent`, `tap` → `Tap` (WeChat event names may use `-`, `_` and `:`).
pub fn pascal_case(name: &str) -> String {
    join_words(name, &['-', '_', ':'], true)
}

/// The event part of an Alipay binding name, dash-case: `catchTouchStart` → `touch-start`
/// (what `data-mw-on-touch-start` needs to become the dataset key `mwOnTouchStart`).
fn kebab(binding: &str) -> String {
    let event =
        ["capture-catch", "capture-on", "catch", "on"].iter().find_map(|p| binding.strip_prefix(p)).unwrap_or(binding);
    let mut out = String::new();
    for (i, c) in event.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Attributes of a custom component's tag that Alipay applies to the host node itself
/// (components have `virtualHost: false`), so they keep their names.
const HOST_ATTRIBUTES: &[&str] = &["class", "style", "id", "slot", "hidden"];

impl AlipaySpelling {
    pub fn new(file: Arc<SourceFile>, stem: String, has_named_auth_events: bool, modules: Vec<String>) -> Self {
        AlipaySpelling {
            file,
            stem,
            has_named_auth_events,
            modules,
            inline_scripts: Vec::new(),
            runtime: BTreeSet::new(),
            diagnostics: Vec::new(),
        }
    }

    fn warn_dropped(&mut self, what: String, span: miniweave_compiler::source::Span) {
        self.diagnostics.push(
            Diagnostic::warning("alipay::ignored", format!("{what}; it is left out of the Alipay output"))
                .at(&self.file, span, "Alipay ignores this")
                .help("keep it for the other platforms, or set an Alipay alternative with `name@alipay=\"…\"` or in an #if alipay branch"),
        );
    }

    fn attribute(&mut self, tag: &str, custom: bool, attr: &Attr, out: &mut Vec<(usize, OutAttr)>) {
        let at = attr.span.start;
        let value = attr.value.as_ref().map(value_text);
        let name = match attr.kind {
            AttrKind::Model => attr.name.clone(),
            AttrKind::Generic => format!("generic:{}", attr.name),
            AttrKind::Mark => format!("mark:{}", attr.name),
            AttrKind::Plain
                if custom && !HOST_ATTRIBUTES.contains(&attr.name.as_str()) && !attr.name.starts_with("data-") =>
            {
                dash_to_camel(&attr.name)
            }
            AttrKind::Plain => {
                if let Some(r) = rules(tag) {
                    if r.dropped_attrs.contains(&attr.name.as_str()) {
                        self.warn_dropped(format!("Alipay's <{tag}> has no `{}` attribute", attr.name), attr.span);
                        return;
                    }
                    if let Some((_, to)) = r.renamed_attrs.iter().find(|(from, _)| *from == attr.name) {
                        out.push((at, OutAttr { name: to.to_string(), value }));
                        return;
                    }
                }
                if tag == "button" && attr.name == "open-type" {
                    self.button_open_type(attr, out);
                    return;
                }
                if tag == "picker" && attr.name == "mode" {
                    self.picker_mode(attr);
                    return;
                }
                attr.name.clone()
            }
        };
        out.push((at, OutAttr { name, value }));
    }

    fn button_open_type(&mut self, attr: &Attr, out: &mut Vec<(usize, OutAttr)>) {
        let at = attr.span.start;
        let Some(literal) = attr.value.as_ref().and_then(|v| v.as_literal()) else {
            // A value chosen at run time passes through; Alipay reads it as written.
            out.push((at, OutAttr { name: "open-type".into(), value: attr.value.as_ref().map(value_text) }));
            return;
        };
        match button_open_type(&literal) {
            Ok((open_type, scope)) => {
                out.push((at, OutAttr::new("open-type", open_type)));
                if let Some(scope) = scope {
                    out.push((at, OutAttr::new("scope", scope)));
                }
            }
            Err(hint) => self.diagnostics.push(
                Diagnostic::error("alipay::unsupported", format!("Alipay's <button> has no open-type \"{literal}\""))
                    .at(&self.file, attr.span, "not available on Alipay")
                    .help(format!(
                        "{hint}; or set `open-type@alipay=\"…\"`, or put the button in an #if !alipay branch"
                    )),
            ),
        }
    }

    fn picker_mode(&mut self, attr: &Attr) {
        match attr.value.as_ref().and_then(|v| v.as_literal()).as_deref() {
            // Alipay's picker is always a selector (its picker doc has no `mode`).
            Some("selector") => {}
            Some(other) => self.diagnostics.push(
                Diagnostic::error("alipay::unsupported", format!("Alipay's <picker> has no mode \"{other}\": it only picks from a list"))
                    .at(&self.file, attr.span, "not available on Alipay")
                    .help("in an #if alipay branch, open my.datePicker (dates and times) or my.multiLevelSelect (cascades) from a tap handler"),
            ),
            None => self.warn_dropped("Alipay's <picker> has no `mode`: it always picks from a list".into(), attr.span),
        }
    }

    /// An event's attribute name, or `None` when Alipay cannot bind it.
    fn event(&mut self, tag: &str, custom: bool, ev: &Event) -> Option<String> {
        if ev.mutual {
            self.diagnostics.push(
                Diagnostic::error(
                    "alipay::unsupported",
                    format!("Alipay has no mutually exclusive binding (`{}`)", ev.attr_name),
                )
                .at(&self.file, ev.span, "not available on Alipay")
                .help(
                    "write `bind:` or `catch:` for Alipay with `<attr>@alipay`, or move the element into an #if branch",
                ),
            );
            return None;
        }
        if custom {
            // On WeChat a tap inside a component bubbles to a handler on its tag; on Alipay the
            // handler is only a prop the component would have to call (使用自定义组件.md).
            const TOUCH: &[&str] =
                &["tap", "longpress", "longtap", "touchstart", "touchmove", "touchend", "touchcancel"];
            if TOUCH.contains(&ev.name.as_str()) {
                self.diagnostics.push(
                    Diagnostic::warning(
                        "alipay::component-touch",
                        format!(
                            "on Alipay, `{}` on a custom component fires only if the component calls it",
                            ev.attr_name
                        ),
                    )
                    .at(&self.file, ev.span, "a touch event on a component's tag")
                    .help("wrap the component in a <view> that binds the event, or have the component trigger it"),
                );
            }
            // A component's events arrive as function props named `on<Name>`; they do not
            // bubble, so `catch` and capture make no difference on Alipay.
            return Some(format!("on{}", pascal_case(&ev.name)));
        }
        let rules = rules(tag);
        if rules.is_some_and(|r| r.dropped_events.contains(&ev.name.as_str()))
            || NEVER_FIRED.contains(&ev.name.as_str())
        {
            self.warn_dropped(format!("Alipay's <{tag}> never fires `{}`", ev.name), ev.span);
            return None;
        }
        let renamed = rules
            .and_then(|r| r.renamed_events.iter().find(|(from, _)| *from == ev.name))
            .or_else(|| COMMON_EVENTS.iter().find(|(from, _)| *from == ev.name))
            .map_or(ev.name.as_str(), |(_, to)| *to);
        let renamed = match renamed {
            "getPhoneNumber" | "getUserInfo" if !self.has_named_auth_events => "getAuthorize",
            other => other,
        };
        let prefix = match (ev.capture, ev.catch) {
            (false, false) => "on",
            (false, true) => "catch",
            (true, false) => "capture-on",
            (true, true) => "capture-catch",
        };
        Some(format!("{prefix}{}", pascal_case(renamed)))
    }
}

impl Spelling for AlipaySpelling {
    fn prefix(&self) -> &'static str {
        "a:"
    }

    /// Alipay's parser rejects the space entities WeChat's `<text decode>` reads ("E2046:
    /// value 已经被修改" on TDesign's `&nbsp;*`), so they are written as the characters.
    fn text<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        if !text.contains('&') {
            return std::borrow::Cow::Borrowed(text);
        }
        std::borrow::Cow::Owned(
            text.replace("&nbsp;", "\u{a0}").replace("&ensp;", "\u{2002}").replace("&emsp;", "\u{2003}"),
        )
    }

    /// Alipay documents no order between `a:for` and `a:if` on one node, so the `if` goes
    /// on the element inside a `<block a:for>`, which means the same as WeChat's order.
    fn merges_for_and_if(&self) -> bool {
        false
    }

    fn element(&mut self, e: &Element) -> Spelled {
        let tag = e.tag.name();
        if let Tag::Named(name) = &e.tag {
            if let Some(hint) = missing(name).filter(|_| is_builtin(name)) {
                let help = if hint.is_empty() {
                    "put it in an #if !alipay branch (<!-- #if !alipay --> … <!-- #endif -->), with an Alipay alternative in #else".to_string()
                } else {
                    format!("{hint}; put the element in an #if !alipay branch with that alternative in #else")
                };
                self.diagnostics.push(
                    Diagnostic::error("alipay::unsupported", format!("Alipay has no <{name}> component"))
                        .at(&self.file, e.name_span, "not available on Alipay")
                        .help(help),
                );
            }
        }
        let custom = matches!(&e.tag, Tag::Named(n) if !is_builtin(n));
        let mut attrs: Vec<(usize, OutAttr)> = Vec::new();
        for attr in &e.attrs {
            self.attribute(tag, custom, attr, &mut attrs);
        }
        let (models, errors) = models(e, &self.file, "Alipay");
        self.diagnostics.extend(errors);
        let dynamic = e.events.iter().filter(|ev| ev.handler.as_literal().is_none()).count();
        for ev in &e.events {
            // The model handler runs the user's handler of the same event after it.
            if models.iter().any(|m| m.event == ev.name && !ev.capture) {
                attrs.push((ev.span.start, OutAttr::new("data-mw-then", value_text(&ev.handler))));
                continue;
            }
            if let Some(d) = handler_error(ev, &self.modules, &self.file, "Alipay") {
                self.diagnostics.push(d);
                continue;
            }
            let Some(name) = self.event(tag, custom, ev) else { continue };
            if ev.handler.as_literal().is_some() || custom {
                attrs.push((ev.span.start, OutAttr::new(name, value_text(&ev.handler))));
                continue;
            }
            // Alipay's event value names a method (事件介绍.md): a name chosen at run time
            // goes through the runtime's dispatcher, which reads it from the dataset.
            self.runtime.insert("dispatch");
            let key = if dynamic == 1 { "data-mw-on".to_string() } else { format!("data-mw-on-{}", kebab(&name)) };
            attrs.push((ev.span.start, OutAttr::new(name, "__mwDispatch")));
            attrs.push((ev.span.start, OutAttr::new(key, value_text(&ev.handler))));
        }
        for m in &models {
            self.runtime.insert("model");
            attrs.push((m.span.start, OutAttr::new(format!("on{}", pascal_case(&m.event)), "__mwModel")));
            attrs.push((m.span.start, OutAttr::new("data-mw-model", m.path.clone())));
        }
        attrs.sort_by_key(|(at, _)| *at);
        Spelled { tag: alipay_tag(tag), attrs: attrs.into_iter().map(|(_, a)| a).collect() }
    }

    fn view_script(&mut self, script: &ViewScript) -> Option<(String, Vec<OutAttr>, Option<String>)> {
        let from = match &script.source {
            ViewScriptSource::File(r) => with_ext(&r.src, "sjs"),
            ViewScriptSource::Inline(code) => {
                self.inline_scripts.push((script.module.clone(), code.clone(), script.span));
                format!("./{}.{}.sjs", self.stem, script.module)
            }
        };
        Some(("import-sjs".into(), vec![OutAttr::new("name", script.module.clone()), OutAttr::new("from", from)], None))
    }

    fn template_src(&self, src: &str) -> String {
        match src.strip_suffix(".wxml") {
            Some(stem) => format!("{stem}.axml"),
            None => format!("{src}.axml"),
        }
    }
}

/// Alipay rejects `slot="x"` on `<block>` (PLATFORMS.md §2.1): the slot moves to each
/// element the block holds, and loose text gets a `<text>` to carry it.
pub fn move_slots_off_blocks(nodes: &mut [Node]) {
    walk_nodes_mut(nodes, &mut |node| {
        let Node::Element(e) = node else { return };
        if e.tag != Tag::Block {
            return;
        }
        if let Some(i) = e.attrs.iter().position(|a| a.kind == AttrKind::Plain && a.name == "slot") {
            let slot = e.attrs.remove(i);
            give_slot(&mut e.children, &slot);
        }
    });
}

fn give_slot(nodes: &mut [Node], slot: &Attr) {
    for node in nodes.iter_mut() {
        match node {
            Node::Element(e) if e.tag == Tag::Block => give_slot(&mut e.children, slot),
            Node::Element(e) if !e.attrs.iter().any(|a| a.kind == AttrKind::Plain && a.name == "slot") => {
                e.attrs.insert(0, slot.clone());
            }
            Node::Text(t) if !t.is_whitespace() => {
                let text = Text { segments: t.segments.clone(), span: t.span };
                *node = Node::Element(Element {
                    tag: Tag::Named("text".into()),
                    name_span: t.span,
                    attrs: vec![slot.clone()],
                    events: Vec::new(),
                    children: vec![Node::Text(text)],
                    self_closing: false,
                    span: t.span,
                });
            }
            Node::If(chain) => chain.branches.iter_mut().for_each(|b| give_slot(&mut b.body, slot)),
            Node::For(l) => give_slot(&mut l.body, slot),
            _ => {}
        }
    }
}

/// A tag as Alipay takes it: Alipay's compiler rejects upper-case letters in tags ("E2150:
/// Element 标签 <TRTCCalling> 应该小写"), which WeChat allows, so tags are lower-cased here and
/// in the `usingComponents` keys alike.
pub fn alipay_tag(tag: &str) -> String {
    tag.to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_and_prop_names() {
        assert_eq!(pascal_case("my-event"), "MyEvent");
        assert_eq!(pascal_case("scrollToUpper"), "ScrollToUpper");
    }
}
