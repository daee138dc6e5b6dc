//! Importing a runtime module into the module being emitted, under a fixed local name, in
//! the form its target needs: on a CommonJS target a `require` (which also keeps a CommonJS
//! source CommonJS, and keeps the name, which the module transform would change), on an
//! ES-module target an import of the module's default export.

use swc_core::common::{DUMMY_SP, SyntaxContext};
use swc_core::ecma::ast::*;

use super::{OutputFormat, PassEnv};

fn str_lit(value: &str) -> Box<Str> {
    Box::new(Str { span: DUMMY_SP, value: value.into(), raw: None })
}

/// Puts `local = <runtime module>` at the top of `module`.
pub fn import_runtime(module: &mut Module, env: &PassEnv<'_>, runtime_module: &str, local: &str) {
    let path = env.runtime_module(runtime_module);
    let local_ident = Ident::new_no_ctxt(local.into(), DUMMY_SP);
    let item = if env.format == OutputFormat::CommonJs {
        let unresolved = SyntaxContext::empty().apply_mark(env.marks.unresolved);
        let call = Expr::Call(CallExpr {
            span: DUMMY_SP,
            ctxt: SyntaxContext::empty(),
            callee: Callee::Expr(Box::new(Expr::Ident(Ident::new("require".into(), DUMMY_SP, unresolved)))),
            args: vec![ExprOrSpread { spread: None, expr: Box::new(Expr::Lit(Lit::Str(*str_lit(&path)))) }],
            type_args: None,
        });
        ModuleItem::Stmt(Stmt::Decl(Decl::Var(Box::new(VarDecl {
            span: DUMMY_SP,
            ctxt: SyntaxContext::empty(),
            kind: VarDeclKind::Var,
            declare: false,
            decls: vec![VarDeclarator {
                span: DUMMY_SP,
                name: Pat::Ident(local_ident.into()),
                init: Some(Box::new(call)),
                definite: false,
            }],
        }))))
    } else {
        let specifier = ImportSpecifier::Default(ImportDefaultSpecifier { span: DUMMY_SP, local: local_ident });
        ModuleItem::ModuleDecl(ModuleDecl::Import(ImportDecl {
            span: DUMMY_SP,
            specifiers: vec![specifier],
            src: str_lit(&path),
            type_only: false,
            with: None,
            phase: Default::default(),
        }))
    };
    // After the directive prologue (`"use strict"`), which must stay first to take effect.
    let prologue = module
        .body
        .iter()
        .take_while(|i| matches!(i, ModuleItem::Stmt(Stmt::Expr(ExprStmt { expr, .. })) if matches!(&**expr, Expr::Lit(Lit::Str(_)))))
        .count();
    module.body.insert(prologue, item);
}
