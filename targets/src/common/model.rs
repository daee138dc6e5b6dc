//! Two-way binding (`model:value="{{x}}"`, WeChat `framework/view/two-way-bindings`) on
//! targets without it: the value is bound one way, and the form field's own event sets the
//! data path through a generated handler (Alipay `__mwModel`, Weibo `__model`). On a custom
//! component (Vant's `<van-field model:value>`), WeChat updates the path whenever the
//! component sets that property itself; the runtimes' `setData` then fires `mw-model-<prop>`
//! with the new value, which the same handler takes.

use std::sync::Arc;

use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::ir::template::{AttrKind, Element, Tag};
use miniweave_compiler::source::{SourceFile, Span};
use miniweave_compiler::template::builtins::is_builtin;

use super::expr::{Dialect, print};

/// One `model:` attribute, as a target needs it.
pub struct Model {
    /// The bound property (`value`, `checked`).
    pub prop: String,
    /// The data path it writes, in WeChat's path syntax (`form.name`).
    pub path: String,
    /// The field's event that carries the new value in `detail.value`.
    pub event: String,
    pub span: Span,
}

/// The event that reports a built-in form field's new value (WeChat's component docs:
/// `input`/`textarea` fire `input`, the others `change`, each with `detail.value`).
fn value_event(tag: &str) -> Option<&'static str> {
    match tag {
        "input" | "textarea" => Some("input"),
        "switch" | "slider" | "picker" | "picker-view" | "checkbox-group" | "radio-group" => Some("change"),
        _ => None,
    }
}

/// The event a custom component's runtime fires when it sets property `prop` itself.
pub fn custom_model_event(prop: &str) -> String {
    format!("mw-model-{prop}")
}

/// The element's `model:` attributes; a binding the target cannot generate is an error.
pub fn models(e: &Element, file: &Arc<SourceFile>, platform: &str) -> (Vec<Model>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let tag = e.tag.name();
    let custom = matches!(&e.tag, Tag::Named(n) if !is_builtin(n));
    for attr in e.attrs.iter().filter(|a| a.kind == AttrKind::Model) {
        let Some(expr) = attr.value.as_ref().and_then(|v| v.as_single_expr()) else { continue };
        let path = print(expr, Dialect::Wxml);
        // The handler finds the path in the element's dataset, which holds one.
        let event = match value_event(tag) {
            _ if custom && out.is_empty() => Some(custom_model_event(&attr.name)),
            Some(event) if !custom => Some(event.to_string()),
            _ => None,
        };
        match event {
            Some(event) => out.push(Model { prop: attr.name.clone(), path, event, span: attr.span }),
            None => errors.push(
                Diagnostic::error(
                    "template::model",
                    format!("`model:{}` on <{tag}> cannot be generated for {platform}", attr.name),
                )
                .at(file, attr.span, if custom { "a second model: on one component" } else { "no field event to listen to" })
                .help(if custom {
                    "bind one property two-way per component; bind the others one way and update them from the component's change event".to_string()
                } else {
                    "two-way binding works on input, textarea, switch, slider, picker, picker-view, checkbox-group and radio-group".to_string()
                }),
            ),
        }
    }
    (out, errors)
}
