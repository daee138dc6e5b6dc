//! What a page's or component's script states about itself, when it states it statically:
//! the methods its events may call and the properties its users may set. The template
//! checks (`template::unknown-handler`, `template::unknown-property`) trust these facts only
//! when nothing could add to them at run time, so every doubt gives `None` and no warning:
//! options built by code, spreads, computed keys, `behaviors`/`mixins` (which add methods
//! and properties), a second constructor call, or a script that assigns to a property of
//! the same name somewhere (`this.onTap = …`).

use std::collections::BTreeSet;

use swc_core::ecma::ast::{
    ArrayLit, AssignExpr, AssignTarget, CallExpr, Callee, Expr, Lit, MemberProp, Module, ModuleItem, ObjectLit, Prop,
    PropName, PropOrSpread, SimpleAssignTarget, Stmt,
};
use swc_core::ecma::visit::{Visit, VisitWith};

/// A unit script's constructor facts; `None` where the script does not settle the answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConstructorFacts {
    /// The names an event handler may name: a `Page`'s option keys, or a `Component`'s
    /// `methods` (and, to stay on the safe side, its other option keys).
    pub methods: Option<BTreeSet<String>>,
    /// A `Component`'s `properties` and its `externalClasses` (both are attributes its
    /// users may write).
    pub properties: Option<BTreeSet<String>>,
}

fn key_name(key: &PropName) -> Option<String> {
    match key {
        PropName::Ident(i) => Some(i.sym.to_string()),
        PropName::Str(s) => s.value.as_str().map(str::to_string),
        _ => None,
    }
}

/// The keys of an object literal with their values (`None` for a method or shorthand's
/// value); `None` when a key is computed or a spread is present.
fn keys_of(object: &ObjectLit) -> Option<Vec<(String, Option<&Expr>)>> {
    let mut keys = Vec::new();
    for p in &object.props {
        let PropOrSpread::Prop(p) = p else { return None };
        let entry = match &**p {
            Prop::KeyValue(kv) => (key_name(&kv.key)?, Some(&*kv.value)),
            Prop::Method(m) => (key_name(&m.key)?, None),
            Prop::Getter(g) => (key_name(&g.key)?, None),
            Prop::Setter(s) => (key_name(&s.key)?, None),
            Prop::Shorthand(i) => (i.sym.to_string(), None),
            Prop::Assign(_) => return None,
        };
        keys.push(entry);
    }
    Some(keys)
}

/// The strings of an array literal of string literals.
fn strings_of(array: &ArrayLit) -> Option<BTreeSet<String>> {
    array
        .elems
        .iter()
        .map(|e| match e.as_ref().map(|e| &*e.expr) {
            Some(Expr::Lit(Lit::Str(s))) => s.value.as_str().map(str::to_string),
            _ => None,
        })
        .collect()
}

/// Every call of `Page`/`Component` anywhere, and the property names the module assigns to.
#[derive(Default)]
struct Survey {
    constructor_calls: usize,
    assigned: BTreeSet<String>,
}

fn is_constructor(call: &CallExpr) -> Option<&'static str> {
    let Callee::Expr(callee) = &call.callee else { return None };
    let Expr::Ident(name) = &**callee else { return None };
    match &*name.sym {
        "Page" => Some("Page"),
        "Component" => Some("Component"),
        _ => None,
    }
}

impl Visit for Survey {
    fn visit_call_expr(&mut self, call: &CallExpr) {
        self.constructor_calls += usize::from(is_constructor(call).is_some());
        call.visit_children_with(self);
    }

    fn visit_assign_expr(&mut self, assign: &AssignExpr) {
        if let AssignTarget::Simple(SimpleAssignTarget::Member(m)) = &assign.left {
            if let MemberProp::Ident(i) = &m.prop {
                self.assigned.insert(i.sym.to_string());
            }
        }
        assign.visit_children_with(self);
    }
}

/// The constructor called as a top-level statement with an object literal (`Page({…})`).
fn top_level_call(module: &Module) -> Option<(&'static str, &ObjectLit)> {
    module.body.iter().find_map(|item| {
        let ModuleItem::Stmt(Stmt::Expr(e)) = item else { return None };
        let Expr::Call(call) = &*e.expr else { return None };
        let constructor = is_constructor(call)?;
        match call.args.as_slice() {
            [arg] if arg.spread.is_none() => match &*arg.expr {
                Expr::Object(o) => Some((constructor, o)),
                _ => None,
            },
            _ => None,
        }
    })
}

/// The facts of a unit script's module.
pub fn constructor_facts(module: &Module) -> ConstructorFacts {
    let mut survey = Survey::default();
    module.visit_with(&mut survey);
    // Exactly one constructor call, written as a statement with an object literal.
    let Some((constructor, options)) = top_level_call(module) else { return ConstructorFacts::default() };
    if survey.constructor_calls != 1 {
        return ConstructorFacts::default();
    }
    let Some(keys) = keys_of(options) else { return ConstructorFacts::default() };
    let value_of = |name: &str| keys.iter().find(|(k, _)| k == name).map(|(_, v)| *v);
    // Behaviours and mixins add methods and properties the template may use.
    for extra in ["behaviors", "mixins"] {
        match value_of(extra) {
            None => {}
            Some(Some(Expr::Array(a))) if a.elems.is_empty() => {}
            Some(_) => return ConstructorFacts::default(),
        }
    }
    let top: BTreeSet<String> = keys.iter().map(|(k, _)| k.clone()).collect();
    let object_keys = |name: &str| -> Option<BTreeSet<String>> {
        match value_of(name) {
            None => Some(BTreeSet::new()),
            Some(Some(Expr::Object(o))) => Some(keys_of(o)?.into_iter().map(|(k, _)| k).collect()),
            Some(_) => None,
        }
    };
    let mut methods = match constructor {
        "Page" => Some(top.clone()),
        _ => object_keys("methods").map(|m| m.union(&top).cloned().collect()),
    };
    if let Some(m) = &mut methods {
        m.extend(survey.assigned.iter().cloned());
    }
    let properties = match constructor {
        "Component" => object_keys("properties").and_then(|mut props| {
            match value_of("externalClasses") {
                None => {}
                Some(Some(Expr::Array(a))) => props.extend(strings_of(a)?),
                Some(_) => return None,
            }
            Some(props)
        }),
        _ => None,
    };
    ConstructorFacts { methods, properties }
}

/// Whether `module` replaces the global `Page` or `Component` (`Page = wrap(Page)`,
/// `global.Page = …`): apps do so to mix methods into every page, so no unit's own options
/// are the whole story any more.
pub fn replaces_constructors(module: &Module) -> bool {
    struct Finder(bool);
    impl Visit for Finder {
        fn visit_assign_expr(&mut self, assign: &AssignExpr) {
            let name = match &assign.left {
                AssignTarget::Simple(SimpleAssignTarget::Ident(i)) => Some(&*i.id.sym),
                AssignTarget::Simple(SimpleAssignTarget::Member(m)) => match &m.prop {
                    MemberProp::Ident(i) => Some(&*i.sym),
                    _ => None,
                },
                _ => None,
            };
            self.0 |= matches!(name, Some("Page" | "Component"));
            assign.visit_children_with(self);
        }
    }
    let mut finder = Finder(false);
    module.visit_with(&mut finder);
    finder.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::parse;
    use crate::sfc::ScriptLang;

    fn facts(code: &str) -> ConstructorFacts {
        constructor_facts(&parse(code, ScriptLang::Js).unwrap().module)
    }

    fn set(names: &[&str]) -> Option<BTreeSet<String>> {
        Some(names.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn static_options_state_methods_and_properties() {
        assert_eq!(facts("Page({ data: {}, onTap() {}, go: function () {} })").methods, set(&["data", "go", "onTap"]));
        let component = facts(
            "Component({ externalClasses: ['my-class'], properties: { title: String }, methods: { tap() { this.later = 1 } } })",
        );
        assert_eq!(component.properties, set(&["my-class", "title"]));
        assert!(component.methods.unwrap().contains("later"));
    }

    #[test]
    fn anything_dynamic_states_nothing() {
        for code in [
            "Page({ ...base, onTap() {} })",
            "Page(options)",
            "Component({ behaviors: [b], methods: {} })",
            "Component({ methods: { ...shared } })",
            "Page({ [name]: 1 })",
            "Page({}); Page({})",
            "if (x) { Page({}) }",
        ] {
            assert_eq!(facts(code).methods, None, "{code}");
        }
    }
}
