//! swc's helpers (`_object_spread`, `_define_property`, …), emitted once per package as a
//! shared runtime module instead of imports of `@swc/helpers`, which a mini-program cannot
//! resolve. The helpers' sources are swc's own (`helpers::generated`), so they match the
//! code swc generates; only the helpers a program uses, and what they use, are emitted.

use std::collections::BTreeSet;

use swc_core::common::{DUMMY_SP, SyntaxContext};
use swc_core::ecma::ast::*;
use swc_core::ecma::transforms::base::helpers::generated::ALL;

use super::OutputFormat;
use super::build_ast::{declare, prologue_len, require_call, str_lit};

const HELPER_PREFIX: &str = "@swc/helpers/_/";

/// Binds the helpers `inject_helpers` asked for (in external mode it writes
/// `import { _ as _x } from "@swc/helpers/_/_x"`) to the runtime module, in the module format
/// of the output; returns the helpers named.
///
/// On a CommonJS target the binding must be a `require`, whatever the source was: a source
/// written in CommonJS skips the ES→CJS transform, so an ES import left here would reach the
/// device at the top of a CommonJS file, where it is a syntax error (issue 9, item 11). On an
/// ES-module target it is `import { _x as _x } from "<runtime>"`.
pub fn bind_helpers(
    module: &mut Module,
    runtime: &str,
    format: OutputFormat,
    unresolved: SyntaxContext,
) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    // (helper, local binding): the local keeps the context `inject_helpers` gave it, which the
    // code's references share.
    let mut bound: Vec<(String, Ident)> = Vec::new();
    module.body.retain_mut(|item| {
        let ModuleItem::ModuleDecl(ModuleDecl::Import(import)) = item else { return true };
        let Some(name) = import.src.value.as_str().and_then(|s| s.strip_prefix(HELPER_PREFIX)).map(str::to_string)
        else {
            return true;
        };
        used.insert(name.clone());
        match format {
            OutputFormat::Esm => {
                *import.src = str_lit(runtime);
                for spec in &mut import.specifiers {
                    if let ImportSpecifier::Named(named) = spec {
                        named.imported =
                            Some(ModuleExportName::Ident(Ident::new_no_ctxt(name.as_str().into(), DUMMY_SP)));
                    }
                }
                true
            }
            OutputFormat::CommonJs => {
                for spec in &import.specifiers {
                    if let ImportSpecifier::Named(named) = spec {
                        bound.push((name.clone(), named.local.clone()));
                    }
                }
                false
            }
        }
    });
    if !bound.is_empty() {
        // `var { _x: _x, … } = require("<runtime>")`: the key is the runtime's export name,
        // the value the local, which hygiene may rename.
        let props = bound
            .into_iter()
            .map(|(name, local)| {
                ObjectPatProp::KeyValue(KeyValuePatProp {
                    key: PropName::Ident(IdentName::new(name.into(), DUMMY_SP)),
                    value: Box::new(Pat::Ident(local.into())),
                })
            })
            .collect();
        let pattern = Pat::Object(ObjectPat { span: DUMMY_SP, props, optional: false, type_ann: None });
        let at = prologue_len(module);
        module.body.insert(at, declare(VarDeclKind::Var, pattern, require_call(runtime, unresolved)));
    }
    used
}

/// Every helper `names` needs, their dependencies included, in swc's order.
fn closure(names: &BTreeSet<String>) -> Vec<usize> {
    let mut wanted: Vec<bool> = ALL.iter().map(|h| names.contains(h.local)).collect();
    loop {
        let mut changed = false;
        for (i, helper) in ALL.iter().enumerate() {
            if !wanted[i] {
                continue;
            }
            for (j, other) in ALL.iter().enumerate() {
                if !wanted[j] && helper.deps.contains(other.name) {
                    wanted[j] = true;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    (0..ALL.len()).filter(|i| wanted[*i]).collect()
}

/// The runtime module defining `names` (and what they need): CommonJS, or an ES module.
pub fn runtime_module(names: &BTreeSet<String>, esm: bool) -> String {
    let mut out = String::from(if esm { "" } else { "\"use strict\";\n" });
    let indices = closure(names);
    for &i in &indices {
        out.push_str(ALL[i].source.trim_end());
        out.push('\n');
    }
    let exported: Vec<&str> = indices.iter().map(|&i| ALL[i].local).filter(|l| names.contains(*l)).collect();
    if esm {
        out.push_str(&format!("export {{ {} }};\n", exported.join(", ")));
    } else {
        for name in exported {
            out.push_str(&format!("exports.{name} = {name};\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers_bring_their_dependencies() {
        let names: BTreeSet<String> = ["_object_spread".to_string()].into();
        let module = runtime_module(&names, false);
        assert!(module.contains("function _object_spread("), "{module}");
        assert!(module.contains("function _define_property("), "a dependency is included:\n{module}");
        assert!(module.contains("exports._object_spread = _object_spread;"));
        assert!(!module.contains("exports._define_property"), "only what code imports is exported");
        assert!(runtime_module(&names, true).ends_with("export { _object_spread };\n"));
    }

    fn helper_module() -> Module {
        let text = "\"use strict\";\nimport { _ as _object_spread } from \"@swc/helpers/_/_object_spread\";\nconst o = _object_spread({}, a);\n";
        let parsed = miniweave_compiler::script::parse::parse(text, miniweave_compiler::sfc::ScriptLang::Js);
        parsed.expect("the sample parses").module
    }

    #[test]
    fn commonjs_output_requires_helpers_after_the_prologue() {
        let mut module = helper_module();
        let used = bind_helpers(&mut module, "../rt/swc.js", OutputFormat::CommonJs, SyntaxContext::empty());
        assert_eq!(used.into_iter().collect::<Vec<_>>(), ["_object_spread"]);
        assert!(!module.body.iter().any(|i| matches!(i, ModuleItem::ModuleDecl(_))), "no ES import is left");
        assert_eq!(prologue_len(&module), 1, "`\"use strict\"` stays first");
        let ModuleItem::Stmt(Stmt::Decl(Decl::Var(var))) = &module.body[1] else { panic!("{:?}", module.body[1]) };
        let Some(Expr::Call(call)) = var.decls[0].init.as_deref() else { panic!("not a require call") };
        assert!(matches!(&call.callee, Callee::Expr(e) if matches!(&**e, Expr::Ident(i) if i.sym == *"require")));
    }

    #[test]
    fn esm_output_imports_helpers_from_the_runtime() {
        let mut module = helper_module();
        bind_helpers(&mut module, "../rt/swc.js", OutputFormat::Esm, SyntaxContext::empty());
        let ModuleItem::ModuleDecl(ModuleDecl::Import(import)) = &module.body[1] else {
            panic!("{:?}", module.body[1])
        };
        assert_eq!(import.src.value.as_str(), Some("../rt/swc.js"));
    }
}
