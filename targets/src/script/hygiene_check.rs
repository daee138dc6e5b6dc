//! swc's hygiene pass only where a script needs it.
//!
//! Hygiene renames bindings so that the printed names resolve to what their syntax contexts
//! say. Its renamer is quadratic in the number of same-named bindings in sibling scopes
//! (`Scope::can_rename` walks every earlier binding of the name, marked "We can optimize
//! this" in swc_ecma_transforms_base 51), and minified vendor code is made of them: every
//! function has its own `t`, `e`, `n`. A 1 MB one-line file spent a second in it, 2 MB four,
//! 10 MB over three minutes (`cargo bench --bench huge_file`, issue 15).
//!
//! Most scripts need no renaming at all: their names, printed as they are, already resolve to
//! the bindings their contexts name. That is checked in linear time by resolving the program
//! again from its names alone: if the identifiers fall into the same groups both ways, no
//! name would change meaning when printed, and hygiene has nothing to do.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use swc_core::common::{Mark, SyntaxContext};
use swc_core::ecma::ast::{Ident, Pass, Program};
use swc_core::ecma::atoms::Atom;
use swc_core::ecma::transforms::base::hygiene::hygiene;
use swc_core::ecma::transforms::base::resolver;
use swc_core::ecma::visit::{VisitMut, VisitMutWith};

/// Sources below this size go straight to hygiene: its quadratic part cannot grow large
/// there, and the check would only add its own passes to every rebuild of ordinary files.
const CHECK_FROM_BYTES: usize = 256 << 10;

/// Runs hygiene on `program` (printed from `source_len` bytes of source) if its names do not
/// already resolve as its contexts say. Must run inside `GLOBALS` (it creates marks).
pub fn hygiene_where_needed(program: &mut Program, source_len: usize) {
    if source_len < CHECK_FROM_BYTES {
        hygiene().process(program);
        return;
    }
    let mut before = Contexts::default();
    program.visit_mut_with(&mut before);
    program.visit_mut_with(&mut Strip);
    resolver(Mark::new(), Mark::new(), false).process(program);
    let mut after = Contexts::default();
    program.visit_mut_with(&mut after);
    if same_groups(&before.seen, &after.seen) {
        return;
    }
    program.visit_mut_with(&mut Restore { contexts: before.seen.into_iter() });
    hygiene().process(program);
}

/// Every identifier's name and context, in visiting order.
#[derive(Default)]
struct Contexts {
    seen: Vec<(Atom, SyntaxContext)>,
}

impl VisitMut for Contexts {
    fn visit_mut_ident(&mut self, ident: &mut Ident) {
        self.seen.push((ident.sym.clone(), ident.ctxt));
    }
}

/// Clears every identifier's context, so the resolver assigns them again from the names.
struct Strip;

impl VisitMut for Strip {
    fn visit_mut_ident(&mut self, ident: &mut Ident) {
        ident.ctxt = SyntaxContext::empty();
    }
}

/// Puts back the contexts `Contexts` recorded (the resolver adds and removes no identifier,
/// so the visiting order matches).
struct Restore<I> {
    contexts: I,
}

impl<I: Iterator<Item = (Atom, SyntaxContext)>> VisitMut for Restore<I> {
    fn visit_mut_ident(&mut self, ident: &mut Ident) {
        if let Some((_, ctxt)) = self.contexts.next() {
            ident.ctxt = ctxt;
        }
    }
}

/// Whether two labellings of the same identifiers group them the same way: each (name,
/// context) of one side always meets the same context on the other, both ways.
fn same_groups(before: &[(Atom, SyntaxContext)], after: &[(Atom, SyntaxContext)]) -> bool {
    if before.len() != after.len() {
        return false;
    }
    let mut forward: HashMap<(&Atom, SyntaxContext), SyntaxContext> = HashMap::new();
    let mut backward: HashMap<(&Atom, SyntaxContext), SyntaxContext> = HashMap::new();
    for ((name, old), (_, new)) in before.iter().zip(after) {
        for (map, from, to) in [(&mut forward, *old, *new), (&mut backward, *new, *old)] {
            match map.entry((name, from)) {
                Entry::Occupied(e) if *e.get() != to => return false,
                Entry::Occupied(_) => {}
                Entry::Vacant(e) => {
                    e.insert(to);
                }
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use swc_core::common::sync::Lrc;
    use swc_core::common::{FileName, GLOBALS, Globals, SourceMap};
    use swc_core::ecma::ast::{EsVersion, Pat};
    use swc_core::ecma::codegen::text_writer::JsWriter;
    use swc_core::ecma::codegen::{Config, Emitter};
    use swc_core::ecma::parser::{EsSyntax, Syntax, parse_file_as_module};

    use super::*;

    /// `code` resolved, passed through `edit`, then through `hygiene_where_needed`, printed.
    fn print_after(code: &str, edit: impl FnOnce(&mut Program)) -> String {
        let cm: Lrc<SourceMap> = Default::default();
        let fm = cm.new_source_file(Lrc::new(FileName::Anon), code.to_string());
        let module = parse_file_as_module(&fm, Syntax::Es(EsSyntax::default()), EsVersion::Es2017, None, &mut vec![])
            .expect("the test's code parses");
        GLOBALS.set(&Globals::new(), || {
            let mut program = Program::Module(module);
            resolver(Mark::new(), Mark::new(), false).process(&mut program);
            edit(&mut program);
            hygiene_where_needed(&mut program, CHECK_FROM_BYTES);
            let mut buf = Vec::new();
            let mut emitter = Emitter {
                cfg: Config::default().with_minify(true),
                cm: cm.clone(),
                comments: None,
                wr: JsWriter::new(cm.clone(), "\n", &mut buf, None),
            };
            emitter.emit_program(&program).expect("printing into a Vec");
            String::from_utf8(buf).expect("UTF-8")
        })
    }

    #[test]
    fn names_that_already_resolve_as_their_contexts_say_are_kept() {
        let code = "var t=1;function f(t,e){return function(e){return t+e;};}function g(t){return t;}";
        assert_eq!(print_after(code, |_| {}), code);
    }

    #[test]
    fn a_binding_that_would_capture_another_name_is_renamed() {
        // The inner function's parameter `b` renamed to `a` by a pass, keeping its context:
        // printed as is, `return a` would read the inner parameter instead of the outer one.
        struct RenameParam;
        impl VisitMut for RenameParam {
            fn visit_mut_pat(&mut self, pat: &mut Pat) {
                if let Pat::Ident(binding) = pat {
                    if &*binding.id.sym == "b" {
                        binding.id.sym = "a".into();
                    }
                }
            }
        }
        let printed =
            print_after("function f(a){return function(b){return a}}", |p| p.visit_mut_with(&mut RenameParam));
        assert_eq!(printed, "function f(a){return function(a1){return a;};}");
    }
}
