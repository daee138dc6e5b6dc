//! Selector strings in a component's script name its template's classes, which are scoped
//! on Alipay and Weibo (LANGUAGE.md §5): `this.selectComponent('.item')`,
//! `selectAllComponents`, and `createSelectorQuery().select('.x')`/`selectAll` become
//! `'.<prefix>-item'`. Only string literals can be rewritten; pages are not scoped.

use swc_core::ecma::ast::*;
use swc_core::ecma::visit::{VisitMut, VisitMutWith};

use miniweave_compiler::diagnostics::Diagnostic;
use swc_core::common::Spanned;

use crate::script::{PassEnv, PassOutput};
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
    env: &'s PassEnv<'s>,
    diagnostics: Vec<Diagnostic>,
}

impl VisitMut for Rewrite<'_> {
    fn visit_mut_call_expr(&mut self, call: &mut CallExpr) {
        call.visit_mut_children_with(self);
        let Callee::Expr(callee) = &call.callee else { return };
        let Expr::Member(MemberExpr { prop: MemberProp::Ident(name), .. }) = &**callee else { return };
        if !SELECTING.contains(&name.sym.as_str()) {
            return;
        }
        let Some(arg) = call.args.first_mut() else { return };
        match &mut *arg.expr {
            Expr::Lit(Lit::Str(s)) => {
                let scoped = scope_selector(s.value.as_str().unwrap_or_default(), self.scope);
                *s = Str { span: s.span, value: scoped.as_str().into(), raw: None };
            }
            // A template literal without substitutions is a string too.
            Expr::Tpl(Tpl { exprs, quasis, .. }) if exprs.is_empty() && quasis.len() == 1 => {
                let q = &mut quasis[0];
                let scoped = scope_selector(&q.raw, self.scope);
                q.raw = scoped.as_str().into();
                q.cooked = Some(scoped.as_str().into());
            }
            other => {
                if !self.env.script.npm {
                    let span = self.env.span(other.span());
                    self.diagnostics.push(
                        Diagnostic::warning(
                            "style::dynamic-selector",
                            format!(
                                "a selector computed at run time cannot be scoped for {}",
                                self.env.target.display_name()
                            ),
                        )
                        .at(&self.env.script.file, span, "not a string literal")
                        .help("write the selector as a string literal (`'.item'`), or select by id"),
                    );
                }
            }
        }
    }
}

/// Scopes the selector strings of a component's own script.
pub fn map(program: &mut Program, env: &PassEnv<'_>, out: &mut PassOutput) {
    if !env.scoped {
        return;
    }
    let Some(unit) = env.script.path.strip_suffix(".js") else { return };
    let scope = Scope::of(unit);
    let mut rewrite = Rewrite { scope: &scope, env, diagnostics: Vec::new() };
    program.visit_mut_with(&mut rewrite);
    out.diagnostics.append(&mut rewrite.diagnostics);
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
