//! Whether a module uses what it imports from another module while it loads (at its top
//! level, outside any function), which is what breaks in an import cycle: the module that
//! runs first sees the other half-initialised (`ReferenceError`, or `undefined`). Uses inside
//! functions run later, when both modules have loaded, and are safe.

use std::collections::BTreeSet;

use swc_core::ecma::ast::{
    ArrowExpr, CallExpr, Callee, Class, Decl, Expr, Function, Ident, ImportSpecifier, Lit, Module, ModuleDecl,
    ModuleItem, Pat, Stmt, VarDeclarator,
};
use swc_core::ecma::visit::{Visit, VisitWith};

/// `require("x")`'s specifier.
fn required(expr: &Expr) -> Option<String> {
    let Expr::Call(call) = expr else { return None };
    required_call(call)
}

fn required_call(call: &CallExpr) -> Option<String> {
    let CallExpr { callee: Callee::Expr(callee), args, .. } = call else { return None };
    let Expr::Ident(name) = &**callee else { return None };
    if name.sym != *"require" {
        return None;
    }
    match args.first().map(|a| &*a.expr) {
        Some(Expr::Lit(Lit::Str(s))) => s.value.as_str().map(str::to_string),
        _ => None,
    }
}

/// Names a pattern binds.
fn bound_names(pat: &Pat, out: &mut BTreeSet<String>) {
    match pat {
        Pat::Ident(i) => {
            out.insert(i.id.sym.to_string());
        }
        Pat::Object(o) => {
            for p in &o.props {
                match p {
                    swc_core::ecma::ast::ObjectPatProp::KeyValue(kv) => bound_names(&kv.value, out),
                    swc_core::ecma::ast::ObjectPatProp::Assign(a) => {
                        out.insert(a.key.sym.to_string());
                    }
                    swc_core::ecma::ast::ObjectPatProp::Rest(r) => bound_names(&r.arg, out),
                }
            }
        }
        Pat::Array(a) => a.elems.iter().flatten().for_each(|e| bound_names(e, out)),
        _ => {}
    }
}

/// The local names `module` binds to what `specifier` exports: ES imports, and top-level
/// `const x = require(specifier)` (or a destructuring of it).
fn bindings_from(module: &Module, specifier: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for item in &module.body {
        match item {
            ModuleItem::ModuleDecl(ModuleDecl::Import(import)) if import.src.value.as_str() == Some(specifier) => {
                for s in &import.specifiers {
                    let local = match s {
                        ImportSpecifier::Named(n) => &n.local,
                        ImportSpecifier::Default(d) => &d.local,
                        ImportSpecifier::Namespace(n) => &n.local,
                    };
                    names.insert(local.sym.to_string());
                }
            }
            ModuleItem::Stmt(Stmt::Decl(Decl::Var(var))) => {
                for d in &var.decls {
                    if d.init.as_deref().and_then(required).as_deref() == Some(specifier) {
                        bound_names(&d.name, &mut names);
                    }
                }
            }
            _ => {}
        }
    }
    names
}

/// Finds uses of `names` outside functions.
struct TopLevelUse<'n> {
    names: &'n BTreeSet<String>,
    found: bool,
}

impl Visit for TopLevelUse<'_> {
    fn visit_ident(&mut self, ident: &Ident) {
        if self.names.contains(ident.sym.as_str()) {
            self.found = true;
        }
    }
    // What runs later is safe.
    fn visit_function(&mut self, _: &Function) {}
    fn visit_arrow_expr(&mut self, _: &ArrowExpr) {}
    fn visit_class(&mut self, class: &Class) {
        // A class body's methods run later; its `extends` runs now.
        if let Some(sup) = &class.super_class {
            sup.visit_with(self);
        }
    }
    // The declaration that binds the name is not a use of it.
    fn visit_var_declarator(&mut self, d: &VarDeclarator) {
        if let Some(init) = &d.init {
            if required(init).is_none() {
                init.visit_with(self);
            }
        }
    }
    fn visit_module_decl(&mut self, decl: &ModuleDecl) {
        if !matches!(decl, ModuleDecl::Import(_)) {
            decl.visit_children_with(self);
        }
    }
}

/// Whether `module` uses, while it loads, a binding it takes from `specifier`.
pub fn uses_at_load(module: &Module, specifier: &str) -> bool {
    let names = bindings_from(module, specifier);
    if names.is_empty() {
        // `require(specifier).x` used directly at the top level.
        return module.body.iter().any(|item| matches!(item, ModuleItem::Stmt(s) if top_level_require(s, specifier)));
    }
    let mut finder = TopLevelUse { names: &names, found: false };
    module.visit_with(&mut finder);
    finder.found
}

/// A top-level statement that reads `require(specifier)` right away (not merely for effect).
fn top_level_require(stmt: &Stmt, specifier: &str) -> bool {
    struct Finder<'s> {
        specifier: &'s str,
        found: bool,
    }
    impl Visit for Finder<'_> {
        fn visit_member_expr(&mut self, m: &swc_core::ecma::ast::MemberExpr) {
            if required(&m.obj).as_deref() == Some(self.specifier) {
                self.found = true;
            }
            m.visit_children_with(self);
        }
        fn visit_function(&mut self, _: &Function) {}
        fn visit_arrow_expr(&mut self, _: &ArrowExpr) {}
    }
    let mut f = Finder { specifier, found: false };
    stmt.visit_with(&mut f);
    f.found
}

/// The specifiers `module` loads while it loads: every ES import (and re-export), and each
/// `require("x")` outside a function. A `require` inside a function runs later, so it cannot
/// close a cycle at load time (protobuf.js breaks its cycles that way).
pub fn loaded_at_load(module: &Module) -> BTreeSet<String> {
    struct Finder {
        found: BTreeSet<String>,
    }
    impl Visit for Finder {
        fn visit_module_decl(&mut self, decl: &ModuleDecl) {
            let src = match decl {
                ModuleDecl::Import(i) => Some(&i.src),
                ModuleDecl::ExportAll(e) => Some(&e.src),
                ModuleDecl::ExportNamed(e) => e.src.as_ref(),
                _ => None,
            };
            if let Some(value) = src.and_then(|s| s.value.as_str()) {
                self.found.insert(value.to_string());
            }
            decl.visit_children_with(self);
        }
        fn visit_call_expr(&mut self, call: &CallExpr) {
            if let Some(specifier) = required_call(call) {
                self.found.insert(specifier);
            }
            call.visit_children_with(self);
        }
        fn visit_function(&mut self, _: &Function) {}
        fn visit_arrow_expr(&mut self, _: &ArrowExpr) {}
    }
    let mut finder = Finder { found: BTreeSet::new() };
    module.visit_with(&mut finder);
    finder.found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn module(code: &str) -> Module {
        use swc_core::common::{FileName, SourceMap, sync::Lrc};
        use swc_core::ecma::parser::{Parser, StringInput, Syntax};
        let cm: Lrc<SourceMap> = Default::default();
        let fm = cm.new_source_file(Lrc::new(FileName::Anon), code.to_string());
        Parser::new(Syntax::Es(Default::default()), StringInput::from(&*fm), None).parse_module().unwrap()
    }

    #[test]
    fn a_use_while_loading_counts_and_a_use_inside_a_function_does_not() {
        assert!(uses_at_load(&module("import { a } from './a';\nexport const b = a + 1;"), "./a"));
        assert!(uses_at_load(&module("const { a } = require('./a');\nmodule.exports = a * 2;"), "./a"));
        assert!(uses_at_load(&module("module.exports = require('./a').x;"), "./a"));
        assert!(!uses_at_load(&module("import { a } from './a';\nexport function b() { return a; }"), "./a"));
        assert!(!uses_at_load(&module("const a = require('./a');\nmodule.exports = { f: () => a.x };"), "./a"));
        assert!(!uses_at_load(&module("import { a } from './a';\nexport class B { m() { return a; } }"), "./a"));
    }

    #[test]
    fn what_a_module_loads_while_loading() {
        let m = module(
            "import './a';\nconst b = require('./b');\nexport * from './c';\nfunction later() { return require('./d'); }",
        );
        assert_eq!(loaded_at_load(&m).into_iter().collect::<Vec<_>>(), ["./a", "./b", "./c"]);
    }
}
