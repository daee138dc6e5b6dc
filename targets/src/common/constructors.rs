//! WeChat's constructors on the other targets (LANGUAGE.md §4, PLATFORMS.md §6.1–§6.3).
//! `Component`, `Page`, `Behavior`, `App`, `getApp` and `getCurrentPages` keep WeChat's
//! meaning through a small runtime module (`component` on Alipay, `vue` on Weibo) that maps
//! the options object when the program runs: options are often built by code (component
//! libraries such as Vant wrap `Component` in their own function), so a compile-time rewrite
//! of an object literal would miss them. Only the globals are rewritten (scope-aware), and
//! only the runtime functions a program calls are emitted.

use miniweave_compiler::diagnostics::Diagnostic;
use std::collections::BTreeSet;

use miniweave_compiler::ir::{Project, UnitKind};
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
    /// An object key with one of these names in the options of a rewritten `Component` or
    /// `Behavior` call (`observers`, `relations`); for options that are not an object literal
    /// (built by code, as Vant's `VantComponent` does), one of these names anywhere in the
    /// program (see `named_in_program`).
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
    /// Optional snippets needed if the program names one of their keys.
    if_named: Vec<(&'static str, &'static [&'static str])>,
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
    /// Records the optional snippets a rewritten call's options need: those whose keys an
    /// object literal holds; for options built by code, those whose keys the program names.
    fn note_options(&mut self, args: &[ExprOrSpread]) {
        let Some(first) = args.first() else { return };
        let literal = first.spread.is_none() && matches!(&*first.expr, Expr::Object(_));
        for (snippet, uses) in self.rules.optional {
            if let Uses::OptionKey(keys) = uses {
                if !literal {
                    self.if_named.push((snippet, keys));
                } else if may_hold_key(&first.expr, keys) {
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
        // Page options are not mapped by the component code the optional snippets extend.
        if rule.is_some()
            && ident.sym != *"Page"
            && !(ident.sym == *"Component" && self.env.unit == Some(UnitKind::Page))
        {
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
    let mut mapper = Mapper {
        rules,
        env,
        unresolved: env.unresolved(),
        used: Vec::new(),
        if_named: Vec::new(),
        diagnostics: Vec::new(),
    };
    module.visit_mut_with(&mut mapper);
    for (snippet, uses) in rules.optional {
        if let Uses::Member(names) = uses {
            if mentions_member(module, names) {
                mapper.use_fn(snippet);
            }
        }
    }
    out.diagnostics.append(&mut mapper.diagnostics);
    for (snippet, keys) in mapper.if_named {
        out.runtime_if_named.push((rules.module.to_string(), snippet, keys));
    }
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

/// Which of `keys` the program names anywhere: as an object key, a property written
/// (`o.relations = x`), or a string (`mapKeys(o, { watch: 'observers' })`, `o['moved']`), in
/// any module, npm packages included, or as a key of an imported JSON file. Options built by
/// code get their keys from one of these places, so a key named nowhere is in no options
/// object (a name assembled from pieces, `'page' + 'Lifetimes'`, is not seen).
pub fn named_in_program(project: &Project, keys: &BTreeSet<&'static str>) -> BTreeSet<&'static str> {
    struct Names<'k> {
        keys: &'k BTreeSet<&'static str>,
        found: BTreeSet<&'static str>,
    }
    impl Names<'_> {
        fn note(&mut self, name: &str) {
            if let Some(k) = self.keys.get(name) {
                self.found.insert(*k);
            }
        }
        fn note_json(&mut self, value: &serde_json::Value) {
            match value {
                serde_json::Value::Object(map) => {
                    for (k, v) in map {
                        self.note(k);
                        self.note_json(v);
                    }
                }
                serde_json::Value::Array(items) => items.iter().for_each(|v| self.note_json(v)),
                serde_json::Value::String(s) => self.note(s),
                _ => {}
            }
        }
    }
    impl Visit for Names<'_> {
        fn visit_prop_name(&mut self, name: &PropName) {
            if let PropName::Ident(i) = name {
                self.note(&i.sym);
            }
            name.visit_children_with(self);
        }
        // A property written (`o.relations = x`) may become an options key; one only read
        // (`e.error`) cannot.
        fn visit_assign_expr(&mut self, assign: &AssignExpr) {
            if let AssignTarget::Simple(SimpleAssignTarget::Member(MemberExpr { prop: MemberProp::Ident(i), .. })) =
                &assign.left
            {
                self.note(&i.sym);
            }
            assign.visit_children_with(self);
        }
        fn visit_prop(&mut self, prop: &Prop) {
            if let Prop::Shorthand(ident) = prop {
                self.note(&ident.sym);
            }
            prop.visit_children_with(self);
        }
        fn visit_str(&mut self, s: &Str) {
            if let Some(text) = s.value.as_str() {
                self.note(text);
            }
        }
    }
    let mut names = Names { keys, found: BTreeSet::new() };
    let scripts = project.app.script.iter().chain(project.units.values().filter_map(|u| u.script.as_ref()));
    for script in scripts.chain(project.modules.values()) {
        script.module.visit_with(&mut names);
    }
    for data in project.data.values() {
        names.note_json(&data.value);
    }
    names.found
}
