//! CommonJS modules as ES modules, for Weibo, whose WBox projects are ES modules throughout
//! (LANGUAGE.md §4): each static `require('x')` becomes an import hoisted to the top, the
//! body runs with a local `module`/`exports`, and `module.exports` is the default export.
//! A required ES module is imported as a namespace (what `require` would return); a
//! required CommonJS module by its default export. An ES module that also calls `require`
//! gets the same hoisting. Hoisting makes a `require` eager: the module runs at import time,
//! not at the call, which is what bundlers do too.

use std::collections::HashMap;

use swc_core::common::{DUMMY_SP, SyntaxContext};
use swc_core::ecma::ast::*;
use swc_core::ecma::visit::{Visit, VisitMut, VisitMutWith, VisitWith};

use super::build_ast::{ident, import_from, member};
use super::imports::Deps;

struct HoistRequires<'a> {
    deps: &'a Deps,
    unresolved: SyntaxContext,
    /// Rewritten path → local name.
    imports: Vec<(String, Ident, bool)>,
    by_path: HashMap<String, Ident>,
}

impl VisitMut for HoistRequires<'_> {
    fn visit_mut_expr(&mut self, expr: &mut Expr) {
        expr.visit_mut_children_with(self);
        let Expr::Call(call) = expr else { return };
        let Callee::Expr(callee) = &call.callee else { return };
        let is_require = matches!(&**callee, Expr::Ident(id) if id.sym == *"require" && id.ctxt == self.unresolved);
        if !is_require || call.args.len() != 1 {
            return;
        }
        let Expr::Lit(Lit::Str(s)) = &*call.args[0].expr else { return };
        let path = s.value.as_str().unwrap_or_default().to_string();
        let Some(dep) = self.deps.values().find(|d| d.relative == path) else { return };
        let local = self.by_path.entry(path.clone()).or_insert_with(|| {
            let id = Ident::new_no_ctxt(format!("__mwReq{}", self.imports.len()).into(), DUMMY_SP);
            self.imports.push((path.clone(), id.clone(), dep.commonjs));
            id
        });
        *expr = Expr::Ident(local.clone());
    }
}

fn var(name: &str, init: Expr) -> VarDeclarator {
    VarDeclarator {
        span: DUMMY_SP,
        name: Pat::Ident(Ident::new_no_ctxt(name.into(), DUMMY_SP).into()),
        init: Some(Box::new(init)),
        definite: false,
    }
}

/// Replaces each static `require('x')` of a known dependency by an import hoisted to the top
/// (specifiers already rewritten).
pub fn hoist_requires(module: &mut Module, deps: &Deps, unresolved: SyntaxContext) {
    let mut hoist = HoistRequires { deps, unresolved, imports: Vec::new(), by_path: HashMap::new() };
    module.visit_mut_with(&mut hoist);
    let mut body: Vec<ModuleItem> =
        hoist.imports.into_iter().map(|(path, local, commonjs)| import_from(&path, local, !commonjs)).collect();
    body.append(&mut module.body);
    module.body = body;
}

/// Whether the module reads or writes the global `module` or `exports` (before hygiene,
/// which clears the contexts that tell globals apart).
pub fn uses_commonjs_exports(module: &Module, unresolved: SyntaxContext) -> bool {
    struct Finder {
        unresolved: SyntaxContext,
        found: bool,
    }
    impl Visit for Finder {
        fn visit_ident(&mut self, id: &Ident) {
            if id.ctxt == self.unresolved && (id.sym == *"module" || id.sym == *"exports") {
                self.found = true;
            }
        }
    }
    let mut finder = Finder { unresolved, found: false };
    module.visit_with(&mut finder);
    finder.found
}

/// Turns a CommonJS module whose requires are hoisted into an ES module: the body runs with
/// a local `module`/`exports`, and `module.exports` is the default export unless
/// `export_default` is false (a page's or component's script, whose file exports its Vue
/// options instead).
pub fn wrap_commonjs(module: &mut Module, export_default: bool) {
    let first_statement = module.body.iter().position(|item| !matches!(item, ModuleItem::ModuleDecl(_)));
    let mut rest = module.body.split_off(first_statement.unwrap_or(module.body.len()));
    let mut body = std::mem::take(&mut module.body);
    let module_object = Expr::Object(ObjectLit {
        span: DUMMY_SP,
        props: vec![PropOrSpread::Prop(Box::new(Prop::KeyValue(KeyValueProp {
            key: PropName::Ident(IdentName::new("exports".into(), DUMMY_SP)),
            value: Box::new(Expr::Object(ObjectLit { span: DUMMY_SP, props: vec![] })),
        })))],
    });
    body.push(ModuleItem::Stmt(Stmt::Decl(Decl::Var(Box::new(VarDecl {
        span: DUMMY_SP,
        ctxt: SyntaxContext::empty(),
        kind: VarDeclKind::Var,
        declare: false,
        decls: vec![var("module", module_object), var("exports", member(Expr::Ident(ident("module")), "exports"))],
    })))));
    body.append(&mut rest);
    if export_default {
        body.push(ModuleItem::ModuleDecl(ModuleDecl::ExportDefaultExpr(ExportDefaultExpr {
            span: DUMMY_SP,
            expr: Box::new(member(Expr::Ident(ident("module")), "exports")),
        })));
    }
    module.body = body;
}
