//! Selector strings in a component's script name its template's classes, which are scoped
//! on Alipay and Weibo (LANGUAGE.md §5): `this.selectComponent('.item')`,
//! `selectAllComponents`, and `createSelectorQuery().select('.x')`/`selectAll` become
//! `'.<prefix>-item'`. Only string literals can be rewritten; pages are not scoped.

use miniweave_compiler::ir::UnitKind;
use swc_core::ecma::ast::*;
use swc_core::ecma::visit::{VisitMut, VisitMutWith};

use crate::script::PassEnv;
use crate::style::Scope;

const SELECTING: &[&str] = &["selectComponent", "selectAllComponents", "select", "selectAll"];

/// `.item > .x #id` → `.<prefix>-item > .<prefix>-x #id`.
pub fn scope_selector(selector: &str, scope: &Scope) -> String {
    let mut out = String::with_capacity(selector.len() + 16);
    let mut chars = selector.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        out.push(c);
        let starts_name = chars.peek().is_some_and(|(_, n)| n.is_ascii_alphabetic() || *n == '_' || *n == '-');
        if c == '.' && starts_name {
            out.push_str(&scope.prefix);
            out.push('-');
        }
    }
    out
}

struct Rewrite<'s> {
    scope: &'s Scope,
}

impl VisitMut for Rewrite<'_> {
    fn visit_mut_call_expr(&mut self, call: &mut CallExpr) {
        call.visit_mut_children_with(self);
        let Callee::Expr(callee) = &call.callee else { return };
        let Expr::Member(MemberExpr { prop: MemberProp::Ident(name), .. }) = &**callee else { return };
        if !SELECTING.contains(&name.sym.as_str()) {
            return;
        }
        if let Some(Expr::Lit(Lit::Str(s))) = call.args.first_mut().map(|a| &mut *a.expr) {
            if let Some(text) = s.value.as_str() {
                let scoped = scope_selector(text, self.scope);
                *s = Str { span: s.span, value: scoped.as_str().into(), raw: None };
            }
        }
    }
}

/// Scopes the selector strings of a component's own script.
pub fn map(program: &mut Program, env: &PassEnv<'_>) {
    if env.unit != Some(UnitKind::Component) {
        return;
    }
    let Some(unit) = env.script.path.strip_suffix(".js") else { return };
    let scope = Scope::of(unit);
    program.visit_mut_with(&mut Rewrite { scope: &scope });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_scoped_and_the_rest_kept() {
        let scope = Scope { prefix: "mabc123".into() };
        assert_eq!(
            scope_selector(".item > .x-y #id view.z", &scope),
            ".mabc123-item > .mabc123-x-y #id view.mabc123-z"
        );
        assert_eq!(scope_selector("#only", &scope), "#only");
    }
}
