//! Parsing one script text with swc, and stripping TypeScript's types.
//!
//! The result names no file and is the same on every target, so it is cached by content
//! and shared (ARCHITECTURE.md "One `Project` per target").

use std::sync::Arc;

use swc_core::common::comments::SingleThreadedComments;
use swc_core::common::sync::Lrc;
use swc_core::common::{BytePos, FileName, GLOBALS, Globals, Mark, SourceMap, Spanned, SyntaxContext};
use swc_core::ecma::ast::{BinExpr, EsVersion, Expr, Module, Pass, Program, VarDecl, VarDeclKind};
use swc_core::ecma::parser::{EsSyntax, Syntax, TsSyntax, parse_file_as_module};
use swc_core::ecma::transforms::base::resolver;
use swc_core::ecma::transforms::typescript::strip;
use swc_core::ecma::visit::{VisitMut, VisitMutWith};

use super::comments::SendComments;
use crate::nesting::{SCRIPT_MAX_DEPTH, Syntax as NestSyntax, too_deep};
use crate::sfc::ScriptLang;
use crate::source::Span;

/// A syntax error, at byte offsets of the parsed text.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    pub span: Span,
    pub message: String,
}

/// A parsed module: JavaScript (types stripped), with swc positions that start at
/// `start_pos` for byte 0 of the text.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub module: Module,
    pub comments: SendComments,
    pub text: Arc<str>,
    pub start_pos: BytePos,
}

pub type ParseResult = Result<Parsed, Vec<SyntaxError>>;

/// A `const` whose initializer chains more binary operators than this is declared with
/// `let` before `strip`: swc's `strip` folds every `const` initializer for enum inlining,
/// in time and memory quadratic in the chain's length (RUST-STACK.md §2.6: 8,000 terms took
/// 6 GB). `let` changes nothing at run time for code that already type-checked.
const MAX_CONST_CHAIN: usize = 256;

pub fn parse(text: &str, lang: ScriptLang) -> ParseResult {
    // swc drops a byte-order mark before parsing; blank it instead so offsets stay true.
    let text: Arc<str> = match text.strip_prefix('\u{feff}') {
        Some(rest) => format!("   {rest}").into(),
        None => text.into(),
    };
    if let Some(at) = too_deep(&text, SCRIPT_MAX_DEPTH, NestSyntax::Script) {
        return Err(vec![SyntaxError {
            span: Span::new(at, at + 1),
            message: format!(
                "brackets nested more than {SCRIPT_MAX_DEPTH} levels deep (miniweave's limit: docs/language.md, \
                 \"Limits\")"
            ),
        }]);
    }
    let cm: Lrc<SourceMap> = Default::default();
    let fm = cm.new_source_file(Lrc::new(FileName::Anon), text.to_string());
    let offset = |pos: BytePos| pos.0.saturating_sub(fm.start_pos.0) as usize;
    let syntax = match lang {
        ScriptLang::Ts => Syntax::Typescript(TsSyntax { decorators: true, ..Default::default() }),
        ScriptLang::Js => Syntax::Es(EsSyntax { decorators: true, ..Default::default() }),
    };
    let comments = SingleThreadedComments::default();
    let mut recovered = Vec::new();
    let parsed = parse_file_as_module(&fm, syntax, EsVersion::latest(), Some(&comments), &mut recovered);
    let mut errors = recovered;
    let mut module = match parsed {
        Ok(m) => m,
        Err(e) => {
            errors.insert(0, e);
            Module::default()
        }
    };
    if !errors.is_empty() {
        return Err(errors
            .into_iter()
            .map(|e| {
                let span = e.span();
                SyntaxError { span: Span::new(offset(span.lo), offset(span.hi)), message: e.kind().msg().to_string() }
            })
            .collect());
    }
    if lang == ScriptLang::Ts {
        module.visit_mut_with(&mut LongConstChains);
        module = GLOBALS.set(&Globals::new(), || {
            let unresolved_mark = Mark::new();
            let top_level_mark = Mark::new();
            let mut program = Program::Module(module);
            resolver(unresolved_mark, top_level_mark, true).process(&mut program);
            strip(unresolved_mark, top_level_mark).process(&mut program);
            program.expect_module()
        });
        reset_contexts(&mut module);
    }
    Ok(Parsed { module, comments: SendComments::from_store(&comments), text, start_pos: fm.start_pos })
}

/// Clears every syntax context: marks belong to the `Globals` that made them, and a module
/// travels to other threads and passes with their own.
pub fn reset_contexts(module: &mut Module) {
    struct Reset;
    impl VisitMut for Reset {
        fn visit_mut_syntax_context(&mut self, ctxt: &mut SyntaxContext) {
            *ctxt = SyntaxContext::empty();
        }
    }
    module.visit_mut_with(&mut Reset);
}

struct LongConstChains;

fn chain_length(expr: &Expr) -> usize {
    // Iterative over the left spine, which is where long `a + b + c` chains grow.
    let mut count = 1;
    let mut node = expr;
    while let Expr::Bin(BinExpr { left, .. }) = node {
        count += 1;
        node = left;
    }
    count
}

impl VisitMut for LongConstChains {
    fn visit_mut_var_decl(&mut self, decl: &mut VarDecl) {
        if decl.kind == VarDeclKind::Const
            && decl.decls.iter().any(|d| d.init.as_deref().is_some_and(|e| chain_length(e) > MAX_CONST_CHAIN))
        {
            decl.kind = VarDeclKind::Let;
        }
        decl.visit_mut_children_with(self);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typescript_is_stripped_and_errors_are_located() {
        let p = parse("interface A { x: number }\nexport const a: A = { x: 1 } as A;\n", ScriptLang::Ts).unwrap();
        assert_eq!(p.module.body.len(), 1);
        let errors = parse("let a = (1;\n", ScriptLang::Js).unwrap_err();
        assert_eq!(errors[0].span.start, 10);
    }

    #[test]
    fn long_const_chains_do_not_blow_up() {
        let terms: Vec<String> = (0..20_000).map(|i| format!("a{i}")).collect();
        let text = format!("declare const {};\nexport const s = {};\n", terms.join(", "), terms.join(" + "));
        let started = std::time::Instant::now();
        let result = std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(move || parse(&text, ScriptLang::Ts).map(|p| p.module.body.len()))
            .unwrap()
            .join()
            .unwrap();
        assert!(result.is_ok());
        assert!(started.elapsed().as_secs() < 20, "took {:?}", started.elapsed());
    }
}
