//! Two-way binding (`model:value="{{x}}"`, WeChat `framework/view/two-way-bindings`) on
//! targets without it: the value is bound one way, and the form field's own event sets the
//! data path through a generated handler (Alipay `__mwModel`, Weibo `__model`).

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
    pub event: &'static str,
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

/// The element's `model:` attributes; a binding the target cannot generate is an error.
pub fn models(e: &Element, file: &Arc<SourceFile>, platform: &str) -> (Vec<Model>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let tag = e.tag.name();
    for attr in e.attrs.iter().filter(|a| a.kind == AttrKind::Model) {
        let Some(expr) = attr.value.as_ref().and_then(|v| v.as_single_expr()) else { continue };
        let custom = matches!(&e.tag, Tag::Named(n) if !is_builtin(n));
        match value_event(tag) {
            Some(event) if !custom => {
                out.push(Model { prop: attr.name.clone(), path: print(expr, Dialect::Wxml), event, span: attr.span })
            }
            _ => errors.push(
                Diagnostic::error(
                    "template::model",
                    format!("`model:{}` on <{tag}> cannot be generated for {platform}", attr.name),
                )
                .at(file, attr.span, "no field event to listen to")
                .help(if custom {
                    "bind the value one way and update it from the component's change event".to_string()
                } else {
                    "two-way binding works on input, textarea, switch, slider, picker, picker-view, checkbox-group and radio-group".to_string()
                }),
            ),
        }
    }
    (out, errors)
}
