//! Small pieces of JavaScript the passes generate (`require("x")`, `import x from "x"`,
//! `const x = …`, `a.b`), built in one place.

use swc_core::common::{DUMMY_SP, SyntaxContext};
use swc_core::ecma::ast::*;

/// A string literal.
pub fn str_lit(value: &str) -> Str {
    Str { span: DUMMY_SP, value: value.into(), raw: None }
}

/// An identifier without a syntax context (a generated name).
pub fn ident(name: &str) -> Ident {
    Ident::new_no_ctxt(name.into(), DUMMY_SP)
}

/// `object.name`.
pub fn member(object: Expr, name: &str) -> Expr {
    Expr::Member(MemberExpr {
        span: DUMMY_SP,
        obj: Box::new(object),
        prop: MemberProp::Ident(IdentName::new(name.into(), DUMMY_SP)),
    })
}

/// `require("path")`, with `require` the global (context `unresolved`).
pub fn require_call(path: &str, unresolved: SyntaxContext) -> Expr {
    Expr::Call(CallExpr {
        span: DUMMY_SP,
        ctxt: SyntaxContext::empty(),
        callee: Callee::Expr(Box::new(Expr::Ident(Ident::new("require".into(), DUMMY_SP, unresolved)))),
        args: vec![ExprOrSpread { spread: None, expr: Box::new(Expr::Lit(Lit::Str(str_lit(path)))) }],
        type_args: None,
    })
}

/// `<kind> name = init;` for a `const` or `var`.
pub fn declare(kind: VarDeclKind, name: Pat, init: Expr) -> ModuleItem {
    ModuleItem::Stmt(Stmt::Decl(Decl::Var(Box::new(VarDecl {
        span: DUMMY_SP,
        ctxt: SyntaxContext::empty(),
        kind,
        declare: false,
        decls: vec![VarDeclarator { span: DUMMY_SP, name, init: Some(Box::new(init)), definite: false }],
    }))))
}

/// `import local from "path";`, or `import * as local from "path";` when `namespace`.
pub fn import_from(path: &str, local: Ident, namespace: bool) -> ModuleItem {
    let specifier = if namespace {
        ImportSpecifier::Namespace(ImportStarAsSpecifier { span: DUMMY_SP, local })
    } else {
        ImportSpecifier::Default(ImportDefaultSpecifier { span: DUMMY_SP, local })
    };
    ModuleItem::ModuleDecl(ModuleDecl::Import(ImportDecl {
        span: DUMMY_SP,
        specifiers: vec![specifier],
        src: Box::new(str_lit(path)),
        type_only: false,
        with: None,
        phase: Default::default(),
    }))
}

/// How many items open `module` as its directive prologue (`"use strict"`), which must stay
/// first to take effect: generated declarations go after it.
pub fn prologue_len(module: &Module) -> usize {
    module
        .body
        .iter()
        .take_while(|i| matches!(i, ModuleItem::Stmt(Stmt::Expr(ExprStmt { expr, .. })) if matches!(&**expr, Expr::Lit(Lit::Str(_)))))
        .count()
}
