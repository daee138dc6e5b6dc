//! WXS view scripts as ES modules, for Alipay's SJS (`<import-sjs>` loads ES modules:
//! PLATFORMS.md §2, Alipay `SJS 语法参考`) and Weibo's template helpers (plain functions the
//! Vue page registers). WXS modules are CommonJS: `module.exports = { … }` becomes
//! `export default { … }`, and `require('./x.wxs')` an import of the converted file. Other
//! uses of `module`/`exports` run in a local `module` object that is exported.
//!
//! On Weibo the code runs as ordinary JavaScript, so what WXS defines differently is written
//! out at compile time instead of shipped as runtime: `getRegExp(p, f)` is `new RegExp(p, f)`,
//! `getDate(…)` is `new Date(…)`, and `x.constructor` (a type name string in WXS:
//! `'Array'`, `'Object'`, …) is `x.constructor.name`.

use std::sync::Arc;

use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::script::parse::parse;
use miniweave_compiler::sfc::ScriptLang;
use miniweave_compiler::source::{SourceFile, Span};
use swc_core::common::sync::Lrc;
use swc_core::common::{DUMMY_SP, SourceMap, SyntaxContext};
use swc_core::ecma::ast::*;
use swc_core::ecma::codegen::text_writer::JsWriter;
use swc_core::ecma::codegen::{Config as CodegenConfig, Emitter};
use swc_core::ecma::visit::{Visit, VisitMut, VisitMutWith, VisitWith};

use crate::script::build_ast::{ident, import_from};

/// Which platform the module is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// Alipay SJS: WXS's built-ins exist; `.wxs` imports become `.sjs`.
    Sjs,
    /// Plain JavaScript in the Weibo page: WXS's built-ins are written out; `.wxs` imports
    /// become `.wxs.js`.
    Js,
}

impl Dialect {
    fn extension(self) -> &'static str {
        match self {
            Dialect::Sjs => "sjs",
            Dialect::Js => "wxs.js",
        }
    }
}

/// Where a view script's text sits, for messages.
pub struct Origin<'a> {
    pub file: &'a Arc<SourceFile>,
    /// Where the script text starts in `file` (0 for a `.wxs` file); `None` when the text is
    /// not the file's own (an inline script is dedented).
    pub base: Option<usize>,
    /// The span to blame when positions are not the file's (an inline script's element).
    pub fallback: Span,
}

/// WeChat lets a view-script function handle an event (`bindtouchmove="{{drag.move}}"`, WXS
/// 响应事件, with its `ownerInstance` API in the render layer). Alipay forbids SJS functions as
/// handlers and Weibo's pages have no such layer, so the binding is an error there.
pub fn handler_error(
    ev: &miniweave_compiler::ir::template::Event,
    modules: &[String],
    file: &Arc<SourceFile>,
    platform: &str,
) -> Option<Diagnostic> {
    let root = ev.handler.as_single_expr()?.root_ident()?;
    modules.iter().any(|m| m == root).then(|| {
        Diagnostic::error(
            "template::view-script-handler",
            format!("{platform} cannot run a view-script function as an event handler (`{}`)", ev.attr_name),
        )
        .at(file, ev.span, "a view-script function")
        .help("handle the event in a page or component method, or keep this binding in an #if branch for WeChat")
    })
}

/// The names of the view-script modules a document declares.
pub fn module_names(nodes: &[miniweave_compiler::ir::template::Node]) -> Vec<String> {
    let mut names = Vec::new();
    miniweave_compiler::ir::template::walk_nodes(nodes, &mut |n| {
        if let miniweave_compiler::ir::template::Node::ViewScript(v) = n {
            names.push(v.module.clone());
        }
    });
    names
}

fn is_ident(expr: &Expr, name: &str) -> bool {
    matches!(expr, Expr::Ident(i) if i.sym == *name)
}

/// `module.exports`.
fn is_module_exports(expr: &Expr) -> bool {
    matches!(expr, Expr::Member(MemberExpr { obj, prop: MemberProp::Ident(p), .. })
        if is_ident(obj, "module") && p.sym == *"exports")
}

/// Whether anything but `module.exports = …` statements uses `module` or `exports`.
struct OtherModuleUse {
    found: bool,
}

impl Visit for OtherModuleUse {
    fn visit_expr(&mut self, expr: &Expr) {
        if is_ident(expr, "module") || is_ident(expr, "exports") {
            self.found = true;
        }
        expr.visit_children_with(self);
    }
}

/// `require('./x.wxs')` → a hoisted import; WXS built-ins for plain JavaScript.
struct Rewrite {
    dialect: Dialect,
    imports: Vec<(String, String)>,
}

impl Rewrite {
    fn import_for(&mut self, specifier: &str) -> Ident {
        let path = match specifier.strip_suffix(".wxs") {
            Some(stem) => format!("{stem}.{}", self.dialect.extension()),
            None => specifier.to_string(),
        };
        if let Some((_, local)) = self.imports.iter().find(|(p, _)| *p == path) {
            return ident(local);
        }
        let local = format!("__mwWxs{}", self.imports.len());
        self.imports.push((path, local.clone()));
        ident(&local)
    }
}

impl VisitMut for Rewrite {
    fn visit_mut_expr(&mut self, expr: &mut Expr) {
        expr.visit_mut_children_with(self);
        let replacement = match expr {
            Expr::Call(CallExpr { callee: Callee::Expr(callee), args, .. }) => match (&**callee, args.as_slice()) {
                (Expr::Ident(f), [arg]) if f.sym == *"require" => match &*arg.expr {
                    Expr::Lit(Lit::Str(s)) => Some(Expr::Ident(self.import_for(s.value.as_str().unwrap_or_default()))),
                    _ => None,
                },
                (Expr::Ident(f), _)
                    if self.dialect == Dialect::Js && (f.sym == *"getRegExp" || f.sym == *"getDate") =>
                {
                    let class = if f.sym == *"getRegExp" { "RegExp" } else { "Date" };
                    Some(Expr::New(NewExpr {
                        span: DUMMY_SP,
                        ctxt: SyntaxContext::empty(),
                        callee: Box::new(Expr::Ident(ident(class))),
                        args: Some(std::mem::take(args)),
                        type_args: None,
                    }))
                }
                _ => None,
            },
            Expr::Member(MemberExpr { prop: MemberProp::Ident(p), .. })
                if self.dialect == Dialect::Js && p.sym == *"constructor" =>
            {
                let inner = std::mem::replace(expr, Expr::Invalid(Invalid { span: DUMMY_SP }));
                Some(Expr::Member(MemberExpr {
                    span: DUMMY_SP,
                    obj: Box::new(inner),
                    prop: MemberProp::Ident(IdentName::new("name".into(), DUMMY_SP)),
                }))
            }
            _ => None,
        };
        if let Some(r) = replacement {
            *expr = r;
        }
    }

    // Assigning `x.constructor` is not reading a type name.
    fn visit_mut_assign_target(&mut self, _: &mut AssignTarget) {}
}

fn print(module: &Module) -> String {
    let cm: Lrc<SourceMap> = Default::default();
    let mut buf = Vec::new();
    {
        let mut emitter = Emitter {
            cfg: CodegenConfig::default().with_target(EsVersion::Es5),
            cm: cm.clone(),
            comments: None,
            wr: JsWriter::new(cm, "\n", &mut buf, None),
        };
        // Writing into a Vec cannot fail.
        let _ = emitter.emit_module(module);
    }
    String::from_utf8(buf).unwrap_or_default()
}

/// Converts one WXS module.
pub fn to_esm(code: &str, dialect: Dialect, origin: &Origin<'_>) -> Result<String, Diagnostic> {
    let parsed = parse(code, ScriptLang::Js).map_err(|errors| {
        let first = &errors[0];
        let span = match origin.base {
            Some(base) => Span::new(first.span.start + base, first.span.end + base),
            None => origin.fallback,
        };
        Diagnostic::error("template::view-script", format!("the view script does not parse: {}", first.message))
            .at(origin.file, span, "here")
            .help("WXS is ES5 with CommonJS modules (`module.exports = { … }`)")
    })?;
    let mut module = parsed.module;
    let mut rewrite = Rewrite { dialect, imports: Vec::new() };
    module.visit_mut_with(&mut rewrite);
    // `module.exports = X;` statements, and whether anything else touches module/exports.
    let mut exported = None;
    let mut others = OtherModuleUse { found: false };
    for (i, item) in module.body.iter().enumerate() {
        if let ModuleItem::Stmt(Stmt::Expr(ExprStmt { expr, .. })) = item {
            if let Expr::Assign(AssignExpr { op: AssignOp::Assign, left, right, .. }) = &**expr {
                if matches!(left, AssignTarget::Simple(SimpleAssignTarget::Member(m)) if is_module_exports(&Expr::Member(m.clone())))
                    && exported.is_none()
                {
                    exported = Some(i);
                    right.visit_with(&mut others);
                    continue;
                }
            }
        }
        item.visit_with(&mut others);
    }
    let mut body: Vec<ModuleItem> =
        rewrite.imports.iter().map(|(path, local)| import_from(path, ident(local), false)).collect();
    match exported {
        Some(index) if !others.found => {
            for (i, item) in std::mem::take(&mut module.body).into_iter().enumerate() {
                if i != index {
                    body.push(item);
                    continue;
                }
                let ModuleItem::Stmt(Stmt::Expr(ExprStmt { expr, .. })) = item else { continue };
                let Expr::Assign(AssignExpr { right, .. }) = *expr else { continue };
                body.push(ModuleItem::ModuleDecl(ModuleDecl::ExportDefaultExpr(ExportDefaultExpr {
                    span: DUMMY_SP,
                    expr: right,
                })));
            }
        }
        _ => {
            // var module = { exports: {} }, exports = module.exports; … export default module.exports;
            let text = format!("var module = {{ exports: {{}} }}, exports = module.exports;\n{}\n", print(&module));
            let wrapped = parse(&text, ScriptLang::Js).map_err(|_| {
                Diagnostic::error("template::view-script", "the view script cannot be converted").at(
                    origin.file,
                    origin.fallback,
                    "here",
                )
            })?;
            body.extend(wrapped.module.body);
            body.push(ModuleItem::ModuleDecl(ModuleDecl::ExportDefaultExpr(ExportDefaultExpr {
                span: DUMMY_SP,
                expr: Box::new(Expr::Member(MemberExpr {
                    span: DUMMY_SP,
                    obj: Box::new(Expr::Ident(ident("module"))),
                    prop: MemberProp::Ident(IdentName::new("exports".into(), DUMMY_SP)),
                })),
            })));
        }
    }
    module.body = body;
    Ok(print(&module))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(code: &str, dialect: Dialect) -> String {
        let file = SourceFile::new("x.wxs", "x.wxs", code);
        to_esm(code, dialect, &Origin { file: &file, base: Some(0), fallback: Span::new(0, 0) }).unwrap()
    }

    #[test]
    fn module_exports_becomes_the_default_export_and_requires_imports() {
        let out = convert(
            "var u = require('./util.wxs');\nmodule.exports = { f: function (x) { return u.g(x) } };\n",
            Dialect::Sjs,
        );
        assert!(out.starts_with("import __mwWxs0 from \"./util.sjs\";"), "{out}");
        assert!(out.contains("var u = __mwWxs0;") && out.contains("export default {"), "{out}");
        assert!(!out.contains("module.exports"), "{out}");
    }

    #[test]
    fn other_uses_of_exports_run_in_a_local_module() {
        let out = convert("exports.a = 1;\nmodule.exports.b = 2;\n", Dialect::Js);
        assert!(out.contains("var module = {") && out.trim_end().ends_with("export default module.exports;"), "{out}");
    }

    #[test]
    fn wxs_built_ins_are_written_out_for_plain_javascript_only() {
        let code = "module.exports = { r: getRegExp('a', 'g'), d: getDate(0), t: function (x) { return x.constructor === 'Array' } };\n";
        let js = convert(code, Dialect::Js);
        assert!(js.contains("new RegExp('a', 'g')") && js.contains("new Date(0)"), "{js}");
        assert!(js.contains("x.constructor.name === 'Array'"), "{js}");
        let sjs = convert(code, Dialect::Sjs);
        assert!(sjs.contains("getRegExp(") && !sjs.contains(".name"), "{sjs}");
    }
}
