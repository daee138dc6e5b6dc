//! Importing a runtime module into the module being emitted, under a fixed local name, in
//! the form its target needs: on a CommonJS target a `require` (which also keeps a CommonJS
//! source CommonJS, and keeps the name, which the module transform would change), on an
//! ES-module target an import of the module's default export.

use swc_core::ecma::ast::*;

use super::build_ast::{declare, ident, import_from, prologue_len, require_call};
use super::{OutputFormat, PassEnv};

/// Puts `local = <runtime module>` at the top of `module`.
pub fn import_runtime(module: &mut Module, env: &PassEnv<'_>, runtime_module: &str, local: &str) {
    let path = env.runtime_module(runtime_module);
    let item = if env.format == OutputFormat::CommonJs {
        declare(VarDeclKind::Var, Pat::Ident(ident(local).into()), require_call(&path, env.unresolved()))
    } else {
        import_from(&path, ident(local), false)
    };
    // After the directive prologue (`"use strict"`), which must stay first to take effect.
    module.body.insert(prologue_len(module), item);
}
