//! Module specifiers in emitted code: every import, export-from, `import()` and `require()`
//! of a resolved dependency is rewritten to the relative path of the dependency's emitted
//! file (WeChat does not resolve absolute `require` paths by default, nor npm names).
//!
//! Interop is decided here, at compile time, from the module graph, instead of by runtime
//! helpers: on CommonJS targets a default import of a CommonJS module becomes a plain
//! `require` (its `module.exports` is the value); on ES-module targets a named import from
//! a CommonJS module (emitted as one default export) reads the property from it.

use std::collections::HashMap;

use swc_core::atoms::Atom;
use swc_core::common::{DUMMY_SP, SyntaxContext};
use swc_core::ecma::ast::*;
use swc_core::ecma::visit::{VisitMut, VisitMutWith};

use super::build_ast::{declare, member, require_call, str_lit};

/// What the emitting module knows about one dependency.
#[derive(Debug, Clone)]
pub struct DepInfo {
    /// The relative path from the importing file to the dependency's emitted file.
    pub relative: String,
    /// Whether the dependency is CommonJS (or data), whose value is its `module.exports`.
    pub commonjs: bool,
    /// Whether it is CommonJS compiled from ES modules, whose default export is
    /// `exports.default`.
    pub default_property: bool,
}

pub type Deps = HashMap<String, DepInfo>;

fn spec_of(s: &Str) -> String {
    s.value.as_str().map(str::to_string).unwrap_or_default()
}

/// Rewrites specifiers of dependencies the graph resolved. `require` must be the global.
pub struct RewriteSpecifiers<'a> {
    pub deps: &'a Deps,
    pub unresolved: SyntaxContext,
}

impl RewriteSpecifiers<'_> {
    fn rewrite(&self, src: &mut Str) {
        if let Some(dep) = self.deps.get(&spec_of(src)) {
            *src = str_lit(&dep.relative);
        }
    }
}

impl VisitMut for RewriteSpecifiers<'_> {
    fn visit_mut_module_decl(&mut self, decl: &mut ModuleDecl) {
        match decl {
            ModuleDecl::Import(i) => self.rewrite(&mut i.src),
            ModuleDecl::ExportAll(e) => self.rewrite(&mut e.src),
            ModuleDecl::ExportNamed(NamedExport { src: Some(src), .. }) => self.rewrite(src),
            _ => {}
        }
        decl.visit_mut_children_with(self);
    }

    fn visit_mut_call_expr(&mut self, call: &mut CallExpr) {
        let is_loader = match &call.callee {
            Callee::Import(_) => true,
            Callee::Expr(e) => matches!(&**e, Expr::Ident(id) if id.sym == *"require" && id.ctxt == self.unresolved),
            Callee::Super(_) => false,
        };
        if is_loader && call.args.len() == 1 {
            if let Expr::Lit(Lit::Str(s)) = &mut *call.args[0].expr {
                self.rewrite(s);
            }
        }
        call.visit_mut_children_with(self);
    }
}

/// Calls `f` for each non-type import of a CommonJS dependency (with its rewritten path and
/// what is known of it), letting it push the items that replace the import; other items stay.
fn rewrite_commonjs_imports(
    module: &mut Module,
    deps: &Deps,
    mut f: impl FnMut(ImportDecl, String, &DepInfo, &mut Vec<ModuleItem>),
) {
    let by_path: HashMap<&str, &DepInfo> = deps.values().map(|d| (d.relative.as_str(), d)).collect();
    let mut items = Vec::with_capacity(module.body.len());
    for item in std::mem::take(&mut module.body) {
        let ModuleItem::ModuleDecl(ModuleDecl::Import(import)) = item else {
            items.push(item);
            continue;
        };
        let path = spec_of(&import.src);
        match by_path.get(path.as_str()).filter(|d| d.commonjs && !import.type_only) {
            Some(dep) => f(import, path, dep, &mut items),
            None => items.push(ModuleItem::ModuleDecl(ModuleDecl::Import(import))),
        }
    }
    module.body = items;
}

/// CommonJS targets: `import x from 'cjs'` → `const x = require('cjs')`, and
/// `import * as ns from 'cjs'` likewise (run before the module transform, after specifiers
/// are rewritten; `deps` is keyed by the rewritten paths).
pub fn require_commonjs_defaults(module: &mut Module, deps: &Deps, unresolved: SyntaxContext) {
    rewrite_commonjs_imports(module, deps, |mut import, path, dep, items| {
        let mut bound: Vec<(BindingIdent, Expr)> = Vec::new();
        import.specifiers.retain(|s| match s {
            ImportSpecifier::Default(d) => {
                let value = require_call(&path, unresolved);
                let value = if dep.default_property { member(value, "default") } else { value };
                bound.push((d.local.clone().into(), value));
                false
            }
            ImportSpecifier::Namespace(n) => {
                bound.push((n.local.clone().into(), require_call(&path, unresolved)));
                false
            }
            ImportSpecifier::Named(_) => true,
        });
        for (name, value) in bound {
            items.push(declare(VarDeclKind::Const, Pat::Ident(name), value));
        }
        if !import.specifiers.is_empty() {
            items.push(ModuleItem::ModuleDecl(ModuleDecl::Import(import)));
        }
    });
}

/// ES-module targets: `import { a, b as c } from 'cjs'` → `import __mwCjs0 from 'cjs';
/// const { a, b: c } = __mwCjs0;` (a CommonJS module is emitted as one default export).
pub fn read_commonjs_names(module: &mut Module, deps: &Deps) {
    let mut n = 0;
    rewrite_commonjs_imports(module, deps, |mut import, _, dep, items| {
        let mut props = Vec::new();
        let mut default_local = None;
        for spec in std::mem::take(&mut import.specifiers) {
            match spec {
                ImportSpecifier::Named(named) => {
                    let key: Atom = match &named.imported {
                        Some(ModuleExportName::Ident(i)) => i.sym.clone(),
                        Some(ModuleExportName::Str(s)) => s.value.as_str().unwrap_or_default().into(),
                        None => named.local.sym.clone(),
                    };
                    props.push(ObjectPatProp::KeyValue(KeyValuePatProp {
                        key: PropName::Str(str_lit(&key)),
                        value: Box::new(Pat::Ident(named.local.into())),
                    }));
                }
                // Compiled from ES modules: the default export is `exports.default`.
                ImportSpecifier::Default(d) if dep.default_property => {
                    props.push(ObjectPatProp::KeyValue(KeyValuePatProp {
                        key: PropName::Str(str_lit("default")),
                        value: Box::new(Pat::Ident(d.local.into())),
                    }));
                }
                // The default export of the emitted module is the whole `module.exports`.
                ImportSpecifier::Default(d) => default_local = Some(d.local),
                ImportSpecifier::Namespace(ns) => default_local = Some(ns.local),
            }
        }
        let local = default_local.unwrap_or_else(|| {
            n += 1;
            Ident::new_no_ctxt(format!("__mwCjs{n}").into(), DUMMY_SP)
        });
        import.specifiers =
            vec![ImportSpecifier::Default(ImportDefaultSpecifier { span: DUMMY_SP, local: local.clone() })];
        items.push(ModuleItem::ModuleDecl(ModuleDecl::Import(import)));
        if !props.is_empty() {
            let destructure = Pat::Object(ObjectPat { span: DUMMY_SP, props, optional: false, type_ann: None });
            items.push(declare(VarDeclKind::Const, destructure, Expr::Ident(local)));
        }
    });
}
