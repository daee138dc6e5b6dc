//! Static attributes of custom components, typed as the component declares them. WeChat
//! converts what a template passes to the property's declared type (checked with its own
//! component engine, exparser, in miniprogram-simulate): `count="3"` is the number 3,
//! `flag="false"` is `true` (a non-empty string), `flag=""` is `false` and a bare `flag` is
//! `true`. Alipay and Weibo pass attribute text as strings, so a literal given to a `Number`
//! or `Boolean` property is written as the typed value it means (`count="{{3}}"`,
//! `:count="3"`). Values computed at run time are converted by the runtime.

use std::collections::{BTreeMap, BTreeSet};

use miniweave_compiler::ir::expr::{Expr, ExprKind};

use miniweave_compiler::ir::template::{AttrKind, Node, Segment, Tag, Value, walk_nodes_mut};
use miniweave_compiler::ir::{ComponentRef, Project, Unit, UnitKind};
use miniweave_compiler::script::Script;
use swc_core::ecma::ast::{
    CallExpr, Callee, Expr as JsExpr, KeyValueProp, Lit, Module, ObjectLit, Prop, PropName, PropOrSpread,
};
use swc_core::ecma::visit::{Visit, VisitWith};

use super::case::dash_to_camel;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PropType {
    Number,
    Boolean,
}

/// A property's declared type, from `p: Number` or `p: { type: Number, … }`.
fn declared_type(value: &JsExpr) -> Option<PropType> {
    let type_expr = match value {
        JsExpr::Object(o) => o.props.iter().find_map(|p| match p {
            PropOrSpread::Prop(p) => match &**p {
                Prop::KeyValue(KeyValueProp { key: PropName::Ident(k), value }) if k.sym == *"type" => Some(&**value),
                _ => None,
            },
            PropOrSpread::Spread(_) => None,
        })?,
        other => other,
    };
    match type_expr {
        JsExpr::Ident(i) if i.sym == *"Number" => Some(PropType::Number),
        JsExpr::Ident(i) if i.sym == *"Boolean" => Some(PropType::Boolean),
        _ => None,
    }
}

fn key_name(key: &PropName) -> Option<String> {
    match key {
        PropName::Ident(i) => Some(i.sym.to_string()),
        PropName::Str(s) => s.value.as_str().map(str::to_string),
        _ => None,
    }
}

/// The `properties` of the first `Component({ … })` call written as an object literal.
struct Finder {
    types: Option<BTreeMap<String, PropType>>,
}

impl Visit for Finder {
    fn visit_call_expr(&mut self, call: &CallExpr) {
        if self.types.is_some() {
            return;
        }
        let is_component =
            matches!(&call.callee, Callee::Expr(c) if matches!(&**c, JsExpr::Ident(i) if i.sym == *"Component"));
        if let (true, Some(JsExpr::Object(options))) = (is_component, call.args.first().map(|a| &*a.expr)) {
            self.types = Some(properties_of(options));
            return;
        }
        call.visit_children_with(self);
    }
}

fn properties_of(options: &ObjectLit) -> BTreeMap<String, PropType> {
    let mut types = BTreeMap::new();
    for p in &options.props {
        let PropOrSpread::Prop(p) = p else { continue };
        let Prop::KeyValue(KeyValueProp { key, value }) = &**p else { continue };
        if key_name(key).as_deref() != Some("properties") {
            continue;
        }
        let JsExpr::Object(properties) = &**value else { continue };
        for p in &properties.props {
            let PropOrSpread::Prop(p) = p else { continue };
            let Prop::KeyValue(KeyValueProp { key, value }) = &**p else { continue };
            if let (Some(name), Some(t)) = (key_name(key), declared_type(value)) {
                types.insert(name, t);
            }
        }
    }
    types
}

/// The external classes a component's script declares: string arrays under
/// `externalClasses`, wherever they are written, and in npm code also under `classes`
/// (Vant's `VantComponent({ classes: [...] })`, which it turns into `externalClasses`; in the
/// project's own code `classes` is too common a name to mean that).
pub fn declared_external_classes(module: &Module, npm: bool) -> BTreeSet<String> {
    struct Finder {
        npm: bool,
        found: BTreeSet<String>,
    }
    impl Visit for Finder {
        fn visit_key_value_prop(&mut self, prop: &KeyValueProp) {
            let key = key_name(&prop.key);
            if key.as_deref() == Some("externalClasses") || (self.npm && key.as_deref() == Some("classes")) {
                if let JsExpr::Array(array) = &*prop.value {
                    for item in array.elems.iter().flatten() {
                        if let JsExpr::Lit(Lit::Str(s)) = &*item.expr {
                            self.found
                                .extend(s.value.as_str().filter(|n| is_external_class_name(n)).map(str::to_string));
                        }
                    }
                }
            }
            prop.visit_children_with(self);
        }
    }
    let mut finder = Finder { npm, found: BTreeSet::new() };
    module.visit_with(&mut finder);
    finder.found
}

/// Whether a string in such an array can name an external class: a class name that is a
/// property name once camel-cased (ASCII letters, digits, `-`, `_`, not starting with a digit
/// or `-`). Other strings there are not classes (a library's tables of observed fields,
/// `'prefixCls, transparent'`), and as names they would make invalid template expressions.
pub fn is_external_class_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// How a component's styles meet the page's (WeChat `styleIsolation`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Isolation {
    /// WeChat's default: neither side's class rules reach the other.
    Isolated,
    /// `apply-shared` or `addGlobalClass: true`: the page's and app's rules reach in.
    ApplyShared,
    /// `shared`: the rules reach both ways.
    Shared,
}

fn isolation_named(value: &str) -> Option<Isolation> {
    match value {
        "isolated" => Some(Isolation::Isolated),
        "apply-shared" => Some(Isolation::ApplyShared),
        "shared" => Some(Isolation::Shared),
        _ => None,
    }
}

/// A component's isolation, from its config's `styleIsolation`, or from `styleIsolation` /
/// `addGlobalClass: true` written in its script or any module the script imports (Vant sets
/// it inside its `VantComponent`); pages are not isolated from the app.
pub fn isolation(project: &Project, unit: &Unit) -> Isolation {
    if unit.kind == UnitKind::Page {
        return Isolation::Shared;
    }
    let config = unit.config.as_ref().map(|c| c.json.to_value());
    if let Some(i) =
        config.as_ref().and_then(|c| c.get("styleIsolation")).and_then(|v| v.as_str()).and_then(isolation_named)
    {
        return i;
    }
    struct Finder {
        found: Option<Isolation>,
    }
    impl Visit for Finder {
        fn visit_key_value_prop(&mut self, prop: &KeyValueProp) {
            let here = match (key_name(&prop.key).as_deref(), &*prop.value) {
                (Some("addGlobalClass"), JsExpr::Lit(Lit::Bool(b))) if b.value => Some(Isolation::ApplyShared),
                (Some("styleIsolation"), JsExpr::Lit(Lit::Str(s))) => s.value.as_str().and_then(isolation_named),
                _ => None,
            };
            self.found = self.found.max(here);
            prop.visit_children_with(self);
        }
    }
    let mut finder = Finder { found: None };
    let mut pending: Vec<&Script> = unit.script.iter().collect();
    let mut seen = BTreeSet::new();
    while let Some(script) = pending.pop() {
        script.module.visit_with(&mut finder);
        for dep in &script.deps {
            if seen.insert(dep.target.clone()) {
                pending.extend(project.modules.get(&dep.target));
            }
        }
    }
    finder.found.unwrap_or(Isolation::Isolated)
}

/// The typed properties a component's script declares.
fn component_types(module: &Module) -> BTreeMap<String, PropType> {
    let mut finder = Finder { types: None };
    module.visit_with(&mut finder);
    finder.types.unwrap_or_default()
}

fn typed(text: Option<&str>, t: PropType) -> ExprKind {
    match t {
        PropType::Boolean => ExprKind::Bool(text.is_none_or(|s| !s.is_empty())),
        PropType::Number => {
            let n = text.and_then(|s| s.trim().parse::<f64>().ok()).filter(|n| n.is_finite()).unwrap_or(0.0);
            ExprKind::Number(n.to_string())
        }
    }
}

/// Rewrites literal attributes of the unit's custom components in `nodes` to typed values.
pub fn type_static_attributes(project: &Project, unit: &Unit, nodes: &mut [Node]) {
    let mut cache: BTreeMap<String, BTreeMap<String, PropType>> = BTreeMap::new();
    let mut types_of = |tag: &str| -> Option<BTreeMap<String, PropType>> {
        let ComponentRef::Unit(path) = unit.components.get(tag)? else { return None };
        if !cache.contains_key(path) {
            let types = project.units.get(path).and_then(|u| u.script.as_ref()).map(|s| component_types(&s.module));
            cache.insert(path.clone(), types.unwrap_or_default());
        }
        cache.get(path).cloned()
    };
    walk_nodes_mut(nodes, &mut |node| {
        let Node::Element(e) = node else { return };
        let Tag::Named(name) = &e.tag else { return };
        let Some(types) = types_of(name).filter(|t| !t.is_empty()) else { return };
        for attr in e.attrs.iter_mut().filter(|a| a.kind == AttrKind::Plain) {
            let Some(t) = types.get(&dash_to_camel(&attr.name)) else { continue };
            let literal = match &attr.value {
                None => None,
                Some(v) => match v.as_literal() {
                    Some(text) => Some(text),
                    None => continue,
                },
            };
            let span = attr.value.as_ref().map_or(attr.span, |v| v.span);
            let expr = Expr { kind: typed(literal.as_deref(), *t), span };
            attr.value = Some(Value { segments: vec![Segment::Expr(expr)], span });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_mean_what_wechat_converts_them_to() {
        assert_eq!(typed(Some("3"), PropType::Number), ExprKind::Number("3".into()));
        assert_eq!(typed(Some(" 2.5 "), PropType::Number), ExprKind::Number("2.5".into()));
        assert_eq!(typed(Some("abc"), PropType::Number), ExprKind::Number("0".into()));
        assert_eq!(typed(Some("false"), PropType::Boolean), ExprKind::Bool(true));
        assert_eq!(typed(Some(""), PropType::Boolean), ExprKind::Bool(false));
        assert_eq!(typed(None, PropType::Boolean), ExprKind::Bool(true));
    }
}
