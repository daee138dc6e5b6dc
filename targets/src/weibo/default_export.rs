//! A unit script's own `export default`, made a plain statement: on Weibo the unit's `.vue`
//! file exports the Vue options miniweave appends, and a module has one default export.
//! Library scripts compiled from TypeScript end with `export default Button` (TDesign), and
//! WeChat ignores what a page's or component's module exports, so only the evaluation is kept:
//! a declared class or function stays declared, an expression is evaluated for its effects.

use swc_core::ecma::ast::{
    ClassExpr, Decl, DefaultDecl, ExportSpecifier, Expr, ExprStmt, FnExpr, Module, ModuleDecl, ModuleExportName,
    ModuleItem, Stmt,
};

pub fn strip_default_export(module: &mut Module) {
    let body = std::mem::take(&mut module.body);
    for item in body {
        let ModuleItem::ModuleDecl(decl) = item else {
            module.body.push(item);
            continue;
        };
        let replaced = match decl {
            ModuleDecl::ExportDefaultExpr(e) => Some(Stmt::Expr(ExprStmt { span: e.span, expr: e.expr })),
            ModuleDecl::ExportDefaultDecl(e) => match e.decl {
                DefaultDecl::Class(ClassExpr { ident: Some(ident), class }) => {
                    Some(Stmt::Decl(Decl::Class(swc_core::ecma::ast::ClassDecl { ident, declare: false, class })))
                }
                DefaultDecl::Fn(FnExpr { ident: Some(ident), function }) => {
                    Some(Stmt::Decl(Decl::Fn(swc_core::ecma::ast::FnDecl { ident, declare: false, function })))
                }
                DefaultDecl::Class(class) => {
                    Some(Stmt::Expr(ExprStmt { span: e.span, expr: Box::new(Expr::Class(class)) }))
                }
                DefaultDecl::Fn(function) => {
                    Some(Stmt::Expr(ExprStmt { span: e.span, expr: Box::new(Expr::Fn(function)) }))
                }
                DefaultDecl::TsInterfaceDecl(_) => None,
            },
            ModuleDecl::ExportNamed(mut named) if named.src.is_none() => {
                // `export { Button as default }`: the other names stay exported.
                named.specifiers.retain(|s| {
                    !matches!(s, ExportSpecifier::Named(n)
                        if matches!(&n.exported, Some(ModuleExportName::Ident(i)) if &*i.sym == "default"))
                });
                if !named.specifiers.is_empty() {
                    module.body.push(ModuleItem::ModuleDecl(ModuleDecl::ExportNamed(named)));
                }
                None
            }
            other => {
                module.body.push(ModuleItem::ModuleDecl(other));
                None
            }
        };
        if let Some(stmt) = replaced {
            module.body.push(ModuleItem::Stmt(stmt));
        }
    }
}
