//! Preparing a parsed module for one target: `process.env.NODE_ENV`, `process.env.PLATFORM`
//! and `define` keys become literals, branches they make dead are removed (in `node_modules`
//! too: LANGUAGE.md §4), and the module's dependencies are collected for the module graph.

use indexmap::IndexMap;
use serde_json::Value;
use swc_core::common::{DUMMY_SP, GLOBALS, Globals, Mark, SyntaxContext};
use swc_core::ecma::ast::*;
use swc_core::ecma::transforms::base::resolver;
use swc_core::ecma::transforms::optimization::simplify::{dead_branch_remover, expr_simplifier};
use swc_core::ecma::visit::{Visit, VisitMut, VisitMutWith, VisitWith};

use super::parse::{Parsed, reset_contexts};
use crate::source::Span;

/// What `process.env` means in this build.
pub struct Env<'a> {
    pub node_env: &'a str,
    pub platform: &'a str,
    pub defines: &'a IndexMap<String, Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DepKind {
    /// `import … from`, `export … from`.
    Static,
    /// `import('…')`.
    Dynamic,
    /// `require('…')`.
    Require,
}

/// A module specifier as written, where it was written.
#[derive(Debug, Clone)]
pub struct RawDep {
    pub specifier: String,
    pub span: Span,
    pub kind: DepKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModuleFormat {
    /// `import`/`export`.
    Esm,
    /// `require`, `module.exports`, `exports.x`, or no module syntax at all.
    CommonJs,
    /// CommonJS compiled from ES modules (Babel, tsc, swc, webpack): it sets `__esModule`,
    /// and its default export is `exports.default`, not the whole `module.exports`.
    CommonJsFromEsm,
}

impl ModuleFormat {
    /// Whether the module's value is its `module.exports` object.
    pub fn is_commonjs(self) -> bool {
        self != ModuleFormat::Esm
    }
}

/// A module ready for the module graph: its AST (syntax contexts cleared), what it depends
/// on, and its format.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub module: Module,
    pub deps: Vec<RawDep>,
    pub format: ModuleFormat,
    /// `process.env.X` reads of keys nobody defined (replaced by `undefined`).
    pub undefined_env: Vec<(String, Span)>,
}

pub fn prepare(parsed: &Parsed, env: &Env<'_>) -> Prepared {
    let offset = |pos: swc_core::common::BytePos| pos.0.saturating_sub(parsed.start_pos.0) as usize;
    let (mut module, deps, format, undefined_env) = GLOBALS.set(&Globals::new(), || {
        let module = parsed.module.clone();
        let unresolved_mark = Mark::new();
        let top_level_mark = Mark::new();
        let mut program = Program::Module(module);
        resolver(unresolved_mark, top_level_mark, false).process(&mut program);
        let unresolved = SyntaxContext::empty().apply_mark(unresolved_mark);
        let mut replacer = EnvReplacer { env, unresolved, replaced: false, undefined: Vec::new() };
        program.visit_mut_with(&mut replacer);
        if replacer.replaced {
            // Only fold what the replacement made constant: no dead-code elimination of the
            // user's own declarations.
            expr_simplifier(unresolved_mark, Default::default()).process(&mut program);
            dead_branch_remover(unresolved_mark).process(&mut program);
        }
        let mut collector =
            DepCollector { unresolved, deps: Vec::new(), esm: false, cjs: false, es_module_flag: false };
        program.visit_with(&mut collector);
        let module = program.expect_module();
        let format = match (collector.esm, collector.es_module_flag) {
            (true, _) => ModuleFormat::Esm,
            (false, true) => ModuleFormat::CommonJsFromEsm,
            (false, false) => ModuleFormat::CommonJs,
        };
        let deps = collector
            .deps
            .into_iter()
            .map(|(specifier, span, kind)| RawDep {
                specifier,
                span: Span::new(offset(span.lo), offset(span.hi)),
                kind,
            })
            .collect();
        let undefined =
            replacer.undefined.into_iter().map(|(k, s)| (k, Span::new(offset(s.lo), offset(s.hi)))).collect();
        (module, deps, format, undefined)
    });
    reset_contexts(&mut module);
    Prepared { module, deps, format, undefined_env }
}

struct EnvReplacer<'e, 'd> {
    env: &'e Env<'d>,
    unresolved: SyntaxContext,
    replaced: bool,
    undefined: Vec<(String, swc_core::common::Span)>,
}

/// The `X` of `process.env.X` when `process` is the global (not a local binding).
fn env_key(expr: &Expr, unresolved: SyntaxContext) -> Option<String> {
    let Expr::Member(MemberExpr { obj, prop, .. }) = expr else { return None };
    let Expr::Member(MemberExpr { obj: process, prop: MemberProp::Ident(env), .. }) = &**obj else { return None };
    let Expr::Ident(process) = &**process else { return None };
    if process.sym != *"process" || process.ctxt != unresolved || env.sym != *"env" {
        return None;
    }
    match prop {
        MemberProp::Ident(key) => Some(key.sym.to_string()),
        MemberProp::Computed(ComputedPropName { expr, .. }) => match &**expr {
            Expr::Lit(Lit::Str(s)) => s.value.as_str().map(str::to_string),
            _ => None,
        },
        MemberProp::PrivateName(_) => None,
    }
}

/// A JSON value as an expression.
fn json_expr(value: &Value) -> Expr {
    match value {
        Value::Null => Expr::Lit(Lit::Null(Null { span: DUMMY_SP })),
        Value::Bool(b) => Expr::Lit(Lit::Bool(Bool { span: DUMMY_SP, value: *b })),
        Value::Number(n) => Expr::Lit(Lit::Num(Number { span: DUMMY_SP, value: n.as_f64().unwrap_or(0.0), raw: None })),
        Value::String(s) => Expr::Lit(Lit::Str(Str { span: DUMMY_SP, value: s.as_str().into(), raw: None })),
        Value::Array(items) => Expr::Array(ArrayLit {
            span: DUMMY_SP,
            elems: items.iter().map(|v| Some(ExprOrSpread { spread: None, expr: Box::new(json_expr(v)) })).collect(),
        }),
        Value::Object(map) => Expr::Object(ObjectLit {
            span: DUMMY_SP,
            props: map
                .iter()
                .map(|(k, v)| {
                    PropOrSpread::Prop(Box::new(Prop::KeyValue(KeyValueProp {
                        key: PropName::Str(Str { span: DUMMY_SP, value: k.as_str().into(), raw: None }),
                        value: Box::new(json_expr(v)),
                    })))
                })
                .collect(),
        }),
    }
}

impl VisitMut for EnvReplacer<'_, '_> {
    fn visit_mut_expr(&mut self, expr: &mut Expr) {
        if let Some(key) = env_key(expr, self.unresolved) {
            let value = match key.as_str() {
                "NODE_ENV" => Value::String(self.env.node_env.to_string()),
                "PLATFORM" => Value::String(self.env.platform.to_string()),
                other => match self.env.defines.get(other) {
                    Some(v) => v.clone(),
                    None => {
                        if let Expr::Member(m) = expr {
                            self.undefined.push((key.clone(), m.span));
                        }
                        *expr = Expr::Ident(Ident::new_no_ctxt("undefined".into(), DUMMY_SP));
                        self.replaced = true;
                        return;
                    }
                },
            };
            *expr = json_expr(&value);
            self.replaced = true;
            return;
        }
        expr.visit_mut_children_with(self);
    }
}

struct DepCollector {
    unresolved: SyntaxContext,
    deps: Vec<(String, swc_core::common::Span, DepKind)>,
    esm: bool,
    cjs: bool,
    /// Something sets `__esModule` (`exports.__esModule = true`,
    /// `Object.defineProperty(t, "__esModule", …)`); reads, as in interop helpers, do not count.
    es_module_flag: bool,
}

fn str_value(s: &Str) -> String {
    s.value.as_str().map(str::to_string).unwrap_or_default()
}

impl Visit for DepCollector {
    fn visit_module_decl(&mut self, decl: &ModuleDecl) {
        self.esm = true;
        match decl {
            ModuleDecl::Import(i) if !i.type_only => self.deps.push((str_value(&i.src), i.src.span, DepKind::Static)),
            ModuleDecl::ExportAll(e) if !e.type_only => {
                self.deps.push((str_value(&e.src), e.src.span, DepKind::Static))
            }
            ModuleDecl::ExportNamed(NamedExport { src: Some(src), type_only: false, .. }) => {
                self.deps.push((str_value(src), src.span, DepKind::Static))
            }
            _ => {}
        }
        decl.visit_children_with(self);
    }

    fn visit_call_expr(&mut self, call: &CallExpr) {
        let first_str = || match call.args.first().map(|a| &*a.expr) {
            Some(Expr::Lit(Lit::Str(s))) if call.args.len() == 1 => Some(s),
            _ => None,
        };
        match &call.callee {
            Callee::Import(_) => {
                if let Some(s) = first_str() {
                    self.deps.push((str_value(s), s.span, DepKind::Dynamic));
                }
            }
            Callee::Expr(callee) => {
                if is_define_property(callee)
                    && matches!(call.args.get(1).map(|a| &*a.expr), Some(Expr::Lit(Lit::Str(s))) if s.value == *"__esModule")
                {
                    self.es_module_flag = true;
                }
                if let Expr::Ident(id) = &**callee {
                    if id.sym == *"require" && id.ctxt == self.unresolved {
                        self.cjs = true;
                        if let Some(s) = first_str() {
                            self.deps.push((str_value(s), s.span, DepKind::Require));
                        }
                    }
                }
            }
            Callee::Super(_) => {}
        }
        call.visit_children_with(self);
    }

    fn visit_assign_expr(&mut self, assign: &AssignExpr) {
        if let AssignTarget::Simple(SimpleAssignTarget::Member(member)) = &assign.left {
            if matches!(&member.prop, MemberProp::Ident(p) if p.sym == *"__esModule") {
                self.es_module_flag = true;
            }
        }
        assign.visit_children_with(self);
    }
}

/// `Object.defineProperty`.
fn is_define_property(callee: &Expr) -> bool {
    let Expr::Member(MemberExpr { obj, prop: MemberProp::Ident(prop), .. }) = callee else { return false };
    matches!(&**obj, Expr::Ident(o) if o.sym == *"Object") && prop.sym == *"defineProperty"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::parse::parse;
    use crate::sfc::ScriptLang;

    fn prep(text: &str, platform: &str) -> Prepared {
        let mut defines = IndexMap::new();
        defines.insert("API".to_string(), Value::String("https://api".into()));
        let parsed = parse(text, ScriptLang::Js).unwrap();
        prepare(&parsed, &Env { node_env: "development", platform, defines: &defines })
    }

    fn code(module: &Module) -> String {
        crate::script::print_for_tests(module)
    }

    #[test]
    fn env_and_defines_become_literals_and_dead_branches_go() {
        let p = prep(
            "if (process.env.PLATFORM === 'alipay') { require('./ali') } else { require('./wx') }\nconst u = process.env.API;\nconst n = process.env.NOPE;\n",
            "wechat",
        );
        let out = code(&p.module);
        assert!(!out.contains("ali"), "{out}");
        assert!(out.contains("\"https://api\""), "{out}");
        assert_eq!(p.deps.iter().map(|d| d.specifier.as_str()).collect::<Vec<_>>(), ["./wx"]);
        assert_eq!(p.undefined_env[0].0, "NOPE");
        assert_eq!(p.format, ModuleFormat::CommonJs);
    }

    #[test]
    fn commonjs_compiled_from_es_modules_is_told_apart_by_what_sets_es_module() {
        for text in [
            "Object.defineProperty(exports, \"__esModule\", { value: true });\nexports.default = 1;\n",
            "exports.__esModule = true;\nexports.default = 1;\n",
            "!function(e,t){t(e)}(this,function(e){Object.defineProperty(e,'__esModule',{value:!0})});\n",
        ] {
            assert_eq!(prep(text, "wechat").format, ModuleFormat::CommonJsFromEsm, "{text}");
        }
        // An interop helper reads the flag; that makes nothing an ES module.
        let helper = "function i(m) { return m && m.__esModule ? m.default : m }\nmodule.exports = i;\n";
        assert_eq!(prep(helper, "wechat").format, ModuleFormat::CommonJs);
    }

    #[test]
    fn a_local_process_is_not_the_global() {
        let p = prep("function f(process) { return process.env.NODE_ENV }\n", "wechat");
        assert!(code(&p.module).contains("process.env.NODE_ENV"));
    }

    #[test]
    fn collects_every_kind_of_dependency_with_spans() {
        let text = "import a from './a';\nexport * from './b';\nexport { c } from './c';\nconst d = import('./d');\n";
        let p = prep(text, "weibo");
        let deps: Vec<_> = p.deps.iter().map(|d| (d.specifier.as_str(), d.kind)).collect();
        assert_eq!(
            deps,
            [("./a", DepKind::Static), ("./b", DepKind::Static), ("./c", DepKind::Static), ("./d", DepKind::Dynamic)]
        );
        assert_eq!(&text[p.deps[0].span.start..p.deps[0].span.end], "'./a'");
        assert_eq!(p.format, ModuleFormat::Esm);
    }
}
