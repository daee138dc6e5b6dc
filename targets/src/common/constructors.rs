//! WeChat's constructors on the other targets (LANGUAGE.md §4, PLATFORMS.md §6.1–§6.3).
//! `Component`, `Page`, `Behavior`, `App`, `getApp` and `getCurrentPages` keep WeChat's
//! meaning through a small runtime module (`component` on Alipay, `vue` on Weibo) that maps
//! the options object when the program runs: options are often built by code (component
//! libraries such as Vant wrap `Component` in their own function), so a compile-time rewrite
//! of an object literal would miss them. Only the globals are rewritten (scope-aware), and
//! only the runtime functions a program calls are emitted.

use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::ir::UnitKind;
use swc_core::common::{DUMMY_SP, SyntaxContext};
use swc_core::ecma::ast::*;
use swc_core::ecma::visit::{Visit, VisitMut, VisitMutWith, VisitWith};

use crate::script::{PassEnv, PassOutput, import_runtime, uses_commonjs_exports};

/// What a call of a global constructor becomes.
#[derive(Clone, Copy)]
pub enum Rewrite {
    /// `Name(x)` → `Name(__mwRt.<f>(x))`: the platform has the constructor; the runtime
    /// maps its options.
    Wrap(&'static str),
    /// `Name(x)` → `__mwRt.<f>(x)`: the runtime is the constructor.
    Replace(&'static str),
}

/// What makes a module need an optional runtime snippet.
#[derive(Clone, Copy)]
pub enum Uses {
    /// An object key with one of these names in the options of a rewritten call (`observers`,
    /// `relations`), or options that are not an object literal (built by code, so anything).
    OptionKey(&'static [&'static str]),
    /// A property read or call with one of these names anywhere (`this.selectComponent`).
    Member(&'static [&'static str]),
}

/// A target's constructor rules.
pub struct Rules {
    /// The platform's name, for messages.
    pub platform: &'static str,
    /// The runtime module (`component` → `miniweave_runtime/component.js`).
    pub module: &'static str,
    pub rewrites: &'static [(&'static str, Rewrite)],
    /// Snippets emitted only for programs that use what they support.
    pub optional: &'static [(&'static str, Uses)],
    /// The app script exports what `App(x)` returns (Weibo: `src/app.js` exports the app).
    pub app_exports: bool,
}

/// The local name of the imported runtime module.
pub const RUNTIME_LOCAL: &str = "__mwRt";

struct Mapper<'e> {
    rules: &'e Rules,
    env: &'e PassEnv<'e>,
    unresolved: SyntaxContext,
    used: Vec<&'static str>,
    diagnostics: Vec<Diagnostic>,
}

fn runtime_member(f: &str) -> Box<Expr> {
    Box::new(Expr::Member(MemberExpr {
        span: DUMMY_SP,
        obj: Box::new(Expr::Ident(Ident::new_no_ctxt(RUNTIME_LOCAL.into(), DUMMY_SP))),
        prop: MemberProp::Ident(IdentName::new(f.into(), DUMMY_SP)),
    }))
}

/// Whether `expr` (a constructor's options) may hold one of `keys`: an object literal is
/// searched at any depth (`lifetimes: { moved }`); anything else is built by code.
fn may_hold_key(expr: &Expr, keys: &[&str]) -> bool {
    struct Keys<'k> {
        keys: &'k [&'k str],
        found: bool,
    }
    impl Visit for Keys<'_> {
        fn visit_prop_name(&mut self, name: &PropName) {
            let text = match name {
                PropName::Ident(i) => Some(i.sym.as_str()),
                PropName::Str(s) => s.value.as_str(),
                _ => None,
            };
            self.found |= text.is_some_and(|t| self.keys.contains(&t));
        }
        fn visit_method_prop(&mut self, m: &MethodProp) {
            self.visit_prop_name(&m.key);
        }
    }
    let Expr::Object(object) = expr else { return true };
    let mut finder = Keys { keys, found: false };
    object.visit_with(&mut finder);
    finder.found
}

/// A property name anywhere in the module (`x.selectComponent`, `x['selectComponent']`).
fn mentions_member(module: &Module, names: &[&str]) -> bool {
    struct Members<'n> {
        names: &'n [&'n str],
        found: bool,
    }
    impl Visit for Members<'_> {
        fn visit_member_prop(&mut self, prop: &MemberProp) {
            if let MemberProp::Ident(i) = prop {
                self.found |= self.names.contains(&i.sym.as_str());
            }
            prop.visit_children_with(self);
        }
    }
    let mut finder = Members { names, found: false };
    module.visit_with(&mut finder);
    finder.found
}

impl Mapper<'_> {
    /// Records the optional snippets a rewritten call's options need.
    fn note_options(&mut self, args: &[ExprOrSpread]) {
        for (snippet, uses) in self.rules.optional {
            if let Uses::OptionKey(keys) = uses {
                if args.first().is_some_and(|a| a.spread.is_some() || may_hold_key(&a.expr, keys)) {
                    self.use_fn(snippet);
                }
            }
        }
    }

    fn rule(&self, ident: &Ident) -> Option<Rewrite> {
        if ident.ctxt != self.unresolved {
            return None;
        }
        self.rules.rewrites.iter().find(|(name, _)| ident.sym == **name).map(|(_, r)| *r)
    }

    fn use_fn(&mut self, f: &'static str) {
        if !self.used.contains(&f) {
            self.used.push(f);
        }
    }
}

impl VisitMut for Mapper<'_> {
    fn visit_mut_call_expr(&mut self, call: &mut CallExpr) {
        call.args.visit_mut_with(self);
        let Callee::Expr(callee) = &mut call.callee else { return };
        let Expr::Ident(ident) = &**callee else {
            callee.visit_mut_with(self);
            return;
        };
        let mut rule = self.rule(ident);
        if rule.is_some() {
            self.note_options(&call.args);
        }
        // WeChat builds a page with Component() too: the runtime's `pageOptions` turns the
        // options into Page() options. Where Page() is wrapped (Alipay), the call becomes
        // Page(rt.page(rt.pageOptions(o))); where both register their options (Weibo), the
        // page's rt.page converts what it finds.
        if rule.is_some() && ident.sym == *"Component" && self.env.unit == Some(UnitKind::Page) {
            self.use_fn("pageOptions");
            if let Some((_, page @ Rewrite::Wrap(_))) = self.rules.rewrites.iter().find(|(name, _)| *name == "Page") {
                let Expr::Ident(ident) = &mut **callee else { return };
                ident.sym = "Page".into();
                let args = std::mem::take(&mut call.args);
                let options = CallExpr {
                    span: DUMMY_SP,
                    ctxt: SyntaxContext::empty(),
                    callee: Callee::Expr(runtime_member("pageOptions")),
                    args,
                    type_args: None,
                };
                call.args = vec![ExprOrSpread { spread: None, expr: Box::new(Expr::Call(options)) }];
                rule = Some(*page);
            }
        }
        match rule {
            Some(Rewrite::Wrap(f)) => {
                self.use_fn(f);
                let args = std::mem::take(&mut call.args);
                let inner = CallExpr {
                    span: DUMMY_SP,
                    ctxt: SyntaxContext::empty(),
                    callee: Callee::Expr(runtime_member(f)),
                    args,
                    type_args: None,
                };
                call.args = vec![ExprOrSpread { spread: None, expr: Box::new(Expr::Call(inner)) }];
            }
            Some(Rewrite::Replace(f)) => {
                self.use_fn(f);
                *callee = runtime_member(f);
            }
            None => {}
        }
    }

    /// A constructor used other than by a call (`const C = Component`, a library wrapping
    /// `Page`) cannot be mapped: that use gets the platform's own constructor, with a warning.
    fn visit_mut_expr(&mut self, expr: &mut Expr) {
        if let Expr::Ident(ident) = expr {
            if self.rule(ident).is_some() && !self.env.script.npm {
                let name = ident.sym.to_string();
                self.diagnostics.push(
                    Diagnostic::warning("script::constructor", format!("`{name}` is used as a value: that use gets the platform's own `{name}`, without WeChat's options mapped"))
                        .at(&self.env.script.file, self.env.span(ident.span), "not a call")
                        .help(format!("call `{name}(...)` directly, so miniweave can map it for every platform")),
                );
            }
            return;
        }
        expr.visit_mut_children_with(self);
    }
}

/// `App(x);` as a statement of the app script → `export default App(x)` (an ES module) or
/// `module.exports = App(x)` (CommonJS), after the call itself was rewritten.
fn export_app(module: &mut Module, commonjs: bool) {
    for item in &mut module.body {
        let ModuleItem::Stmt(Stmt::Expr(ExprStmt { expr, .. })) = item else { continue };
        let Expr::Call(CallExpr { callee: Callee::Expr(callee), .. }) = &**expr else { continue };
        let is_app = matches!(&**callee, Expr::Member(MemberExpr { obj, prop: MemberProp::Ident(p), .. })
            if matches!(&**obj, Expr::Ident(o) if o.sym == *RUNTIME_LOCAL) && p.sym == *"app");
        if !is_app {
            continue;
        }
        let value = std::mem::replace(expr, Box::new(Expr::Invalid(Invalid { span: DUMMY_SP })));
        *item = if commonjs {
            let target = MemberExpr {
                span: DUMMY_SP,
                obj: Box::new(Expr::Ident(Ident::new_no_ctxt("module".into(), DUMMY_SP))),
                prop: MemberProp::Ident(IdentName::new("exports".into(), DUMMY_SP)),
            };
            ModuleItem::Stmt(Stmt::Expr(ExprStmt {
                span: DUMMY_SP,
                expr: Box::new(Expr::Assign(AssignExpr {
                    span: DUMMY_SP,
                    op: AssignOp::Assign,
                    left: AssignTarget::Simple(SimpleAssignTarget::Member(target)),
                    right: value,
                })),
            }))
        } else {
            ModuleItem::ModuleDecl(ModuleDecl::ExportDefaultExpr(ExportDefaultExpr { span: DUMMY_SP, expr: value }))
        };
        return;
    }
}

/// Maps the constructors of one module, importing the runtime module when it is used.
pub fn map(program: &mut Program, env: &PassEnv<'_>, out: &mut PassOutput, rules: &Rules) {
    let Program::Module(module) = program else { return };
    let mut mapper = Mapper { rules, env, unresolved: env.unresolved(), used: Vec::new(), diagnostics: Vec::new() };
    module.visit_mut_with(&mut mapper);
    for (snippet, uses) in rules.optional {
        if let Uses::Member(names) = uses {
            if mentions_member(module, names) {
                mapper.use_fn(snippet);
            }
        }
    }
    out.diagnostics.append(&mut mapper.diagnostics);
    if mapper.used.is_empty() {
        return;
    }
    for f in &mapper.used {
        out.use_runtime(rules.module, f);
    }
    if rules.app_exports && env.script.path == "app.js" {
        export_app(module, uses_commonjs_exports(module, env.unresolved()));
    }
    import_runtime(module, env, rules.module, RUNTIME_LOCAL);
}
