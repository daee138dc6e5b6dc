//! The elements that are language, not components: `<template>` (definitions and calls),
//! `<import>`/`<include>`, and `<wxs>` view scripts.

use crate::ir::template::{FileRef, Node, TemplateCall, TemplateDef, Value, ViewScript, ViewScriptSource};
use crate::template::expr::MustacheKind;
use crate::template::indent::dedent;
use crate::template::scanner::{RawAttr, RawElement, RawNode};

use super::Lowerer;

impl Lowerer<'_> {
    pub(super) fn template_element(&mut self, raw: &RawElement, attrs: &[(&RawAttr, &str)]) -> Vec<Node> {
        let find = |n: &str| attrs.iter().find(|(_, name)| *name == n).map(|(a, _)| *a);
        let span = self.span(raw.span);
        if let Some(name_attr) = find("name") {
            let name = name_attr.value.as_ref().map(|v| v.text.trim().to_string()).unwrap_or_default();
            if name.is_empty() || name.contains("{{") {
                self.error(
                    "template::bad-template-name",
                    "`<template name>` must be a plain name",
                    self.span(name_attr.span),
                    "not a plain name",
                    "write <template name=\"item\">",
                );
            }
            let body = self.nodes(&raw.children);
            return vec![Node::TemplateDef(TemplateDef { name, body, span })];
        }
        let Some(is_attr) = find("is") else {
            self.error(
                "template::bad-template",
                "`<template>` needs `name` (to define) or `is` (to use)",
                self.span(raw.name_span),
                "neither `name` nor `is`",
                "write <template name=\"x\">…</template> or <template is=\"x\" data=\"{{…}}\"/>",
            );
            return Vec::new();
        };
        let is = match &is_attr.value {
            Some(v) => self.value(v, MustacheKind::Value),
            None => Value { segments: Vec::new(), span: self.span(is_attr.span) },
        };
        let data = find("data").and_then(|a| a.value.as_ref()).map(|v| self.value(v, MustacheKind::TemplateData));
        if raw.children.iter().any(|c| !matches!(c, RawNode::Text(t) if t.text.trim().is_empty())) {
            self.warning(
                "template::ignored-children",
                "content inside `<template is>` is ignored",
                span,
                "children are ignored",
                "write <template is=\"x\"/>",
            );
        }
        vec![Node::TemplateCall(TemplateCall { is, data, span })]
    }

    pub(super) fn file_ref_element(&mut self, raw: &RawElement, attrs: &[(&RawAttr, &str)]) -> Vec<Node> {
        let tag = raw.name.as_str();
        let Some(src) = attrs.iter().find(|(_, n)| *n == "src").and_then(|(a, _)| a.value.as_ref()) else {
            self.error(
                "template::missing-src",
                format!("`<{tag}>` needs `src`"),
                self.span(raw.open_tag),
                "no src",
                format!("write <{tag} src=\"./file.wxml\"/>"),
            );
            return Vec::new();
        };
        if src.text.contains("{{") {
            self.error(
                "template::dynamic-src",
                format!("`<{tag}>` src must be a plain path"),
                self.span(src.span),
                "a path is resolved at compile time",
                "write the path without {{ }}",
            );
            return Vec::new();
        }
        let file_ref = FileRef { src: src.text.trim().to_string(), span: self.span(src.span) };
        vec![if tag == "import" { Node::Import(file_ref) } else { Node::Include(file_ref) }]
    }

    pub(super) fn view_script(&mut self, raw: &RawElement, attrs: &[(&RawAttr, &str)]) -> Vec<Node> {
        let find = |n: &str| attrs.iter().find(|(_, name)| *name == n).and_then(|(a, _)| a.value.as_ref());
        let span = self.span(raw.span);
        let module = find("module").map(|v| v.text.trim().to_string()).unwrap_or_default();
        let valid = module.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && module.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid {
            self.error(
                "template::bad-wxs-module",
                "`<wxs>` needs a `module` name",
                self.span(raw.open_tag),
                "missing or invalid module name",
                "write <wxs module=\"fmt\" src=\"./fmt.wxs\"/> (letters, digits and _)",
            );
            return Vec::new();
        }
        let body = match raw.children.first() {
            Some(RawNode::Text(t)) if !t.text.trim().is_empty() => Some(dedent(&t.text, self.indent)),
            _ => None,
        };
        let source = match (find("src"), body) {
            (Some(src), None) => {
                ViewScriptSource::File(FileRef { src: src.text.trim().to_string(), span: self.span(src.span) })
            }
            (None, Some(code)) => ViewScriptSource::Inline(code),
            (Some(src), Some(_)) => {
                self.error(
                    "template::wxs-src-and-body",
                    "`<wxs>` has both `src` and a body",
                    self.span(src.span),
                    "src given here",
                    "keep one: the src file, or the inline code",
                );
                return Vec::new();
            }
            (None, None) => {
                self.error(
                    "template::empty-wxs",
                    "`<wxs>` has neither `src` nor a body",
                    self.span(raw.open_tag),
                    "empty view script",
                    "add src=\"./file.wxs\" or write the module's code inside",
                );
                return Vec::new();
            }
        };
        vec![Node::ViewScript(ViewScript { module, source, span })]
    }
}
