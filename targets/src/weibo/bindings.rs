//! An element's attributes and events in Vue's spelling, wired to the runtime's WeChat
//! model (`targets/src/weibo/runtime/vue`):
//! - a mustache attribute becomes a `:attr` binding;
//! - `data-*` attributes are also gathered into the element's `mwds` DOM property and
//!   `mark:*` into `mwmk`, from which the runtime builds `dataset` and `mark` of the
//!   WeChat-shaped event (WeChat: `data-todo-id` is `dataset.todoId`);
//! - every handler calls `__ev('method', $event)`, which shapes the event and ignores a
//!   name that is not a method, as WeChat does; `catch` is `.stop`, capture `.capture`;
//! - `model:value="{{p}}"` is `:value="p"` plus `__model('p', $event)` on the field's event.

use std::sync::Arc;

use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::ir::template::{AttrKind, Element, Value};
use miniweave_compiler::source::SourceFile;

use crate::common::case::dash_to_camel;
use crate::common::expand::value_expr;
use crate::common::expr::{Dialect, js_string, print};
use crate::common::markup::OutAttr;
use crate::common::model::models;
use crate::common::view_script::handler_error;
use crate::style::units::rpx_to_vw_text;

/// A value as a JavaScript expression (mixed text is string concatenation).
pub fn js(value: &Value) -> String {
    print(&value_expr(value), Dialect::Js)
}

/// A JavaScript string literal in single quotes (the attribute itself is double-quoted).
fn quoted(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// `todo-id` → `todoId`: WeChat's dataset key for `data-todo-id` (attribute names are not
/// case-sensitive, so upper-case letters are folded first).
fn dataset_key(name: &str) -> String {
    dash_to_camel(&name.to_ascii_lowercase())
}

/// `{ key: value, … }` from (key, JavaScript expression) pairs.
fn object(entries: &[(String, String)]) -> String {
    let items: Vec<String> = entries.iter().map(|(k, v)| format!("{}: {v}", quoted(k))).collect();
    format!("{{ {} }}", items.join(", "))
}

/// The value as a JavaScript expression: a literal as a string, else the binding.
fn value_js(value: Option<&Value>) -> String {
    match value {
        None => "true".into(),
        Some(v) => match v.as_literal() {
            Some(text) => quoted(&text),
            None => js(v),
        },
    }
}

/// What an element's bindings need from the runtime.
#[derive(Debug, Default, Clone, Copy)]
pub struct Needs {
    /// `__model`, for a two-way binding.
    pub model: bool,
    /// `__rpx`, for a `style` computed at run time.
    pub rpx: bool,
}

/// The attribute through which a parent passes the component chosen for the child's
/// `componentGenerics` placeholder `name`.
pub fn generic_attr(name: &str) -> String {
    format!("mw-generic-{name}")
}

/// The attributes (with their source offsets, for ordering) of element `e`, and what they
/// need from the runtime.
pub fn attributes(
    e: &Element,
    custom: bool,
    modules: &[String],
    file: &Arc<SourceFile>,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<(usize, OutAttr)>, Needs) {
    let mut needs = Needs::default();
    let mut attrs: Vec<(usize, OutAttr)> = Vec::new();
    let mut dataset = Vec::new();
    let mut marks = Vec::new();
    for attr in &e.attrs {
        let name = match attr.kind {
            AttrKind::Plain | AttrKind::Model => attr.name.clone(),
            // componentGenerics: the chosen component itself is passed to the child, which
            // renders its placeholder tag as <component :is> (see `VuePrinter::element`).
            AttrKind::Generic => {
                let choice = attr.value.as_ref().and_then(|v| v.as_literal()).unwrap_or_default();
                let value = format!("$options.components[{}]", js_string(&choice));
                attrs.push((attr.span.start, OutAttr::new(format!(":{}", generic_attr(&attr.name)), value)));
                continue;
            }
            AttrKind::Mark => {
                marks.push((attr.name.clone(), value_js(attr.value.as_ref())));
                continue;
            }
        };
        if let Some(key) = name.strip_prefix("data-") {
            dataset.push((dataset_key(key), value_js(attr.value.as_ref())));
        }
        let out_attr = match &attr.value {
            None => OutAttr::flag(name),
            // A web page has no rpx (LANGUAGE.md §5): static text is converted now, a style
            // computed at run time then.
            Some(v) if name == "style" => match v.as_literal() {
                Some(literal) => OutAttr::new(name, rpx_to_vw_text(&literal)),
                None => {
                    needs.rpx = true;
                    OutAttr::new(":style", format!("__rpx({})", js(v)))
                }
            },
            Some(v) => match v.as_literal() {
                Some(literal) => OutAttr::new(name, literal),
                None => OutAttr::new(format!(":{name}"), js(v)),
            },
        };
        attrs.push((attr.span.start, out_attr));
    }
    let at = e.name_span.end;
    if !dataset.is_empty() {
        attrs.push((at, OutAttr::new(":mwds.prop", object(&dataset))));
    }
    if !marks.is_empty() {
        attrs.push((at, OutAttr::new(":mwmk.prop", object(&marks))));
    }
    let (models, errors) = models(e, file, "Weibo");
    diagnostics.extend(errors);
    // Handlers per Vue event attribute: a model's handler and the user's share one.
    let mut handlers: Vec<(usize, String, Vec<String>)> = Vec::new();
    let mut add = |at: usize, name: String, call: Option<String>| match handlers.iter_mut().find(|(_, n, _)| *n == name)
    {
        Some((_, _, calls)) => calls.extend(call),
        None => handlers.push((at, name, call.into_iter().collect())),
    };
    for m in &models {
        add(m.span.start, format!("@{}", m.event), Some(format!("__model({}, $event)", quoted(&m.path))));
    }
    for ev in &e.events {
        if let Some(d) = handler_error(ev, modules, file, "Weibo") {
            diagnostics.push(d);
            continue;
        }
        let mut name = format!("@{}", ev.name);
        // Modifiers mean nothing on a component's own events, which do not bubble.
        if !custom {
            if ev.capture {
                name.push_str(".capture");
            }
            if ev.catch {
                name.push_str(".stop");
            }
        }
        let call = match ev.handler.as_literal() {
            Some(method) if method.is_empty() && !ev.catch => continue,
            Some(method) if method.is_empty() => None,
            Some(method) => Some(format!("__ev({}, $event)", quoted(&method))),
            // A handler chosen at run time: the runtime looks the method up by name.
            None => Some(format!("__ev({}, $event)", js(&ev.handler))),
        };
        add(ev.span.start, name, call);
    }
    for (at, name, calls) in handlers {
        let attr = if calls.is_empty() { OutAttr::flag(name) } else { OutAttr::new(name, calls.join("; ")) };
        attrs.push((at, attr));
    }
    needs.model = !models.is_empty();
    (attrs, needs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dataset_keys_follow_wechat() {
        assert_eq!(dataset_key("todo-id"), "todoId");
        assert_eq!(dataset_key("userName"), "username");
        assert_eq!(dataset_key("id"), "id");
    }
}
