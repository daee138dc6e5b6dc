//! Emitting scripts: the target's passes, dependency paths, ES2017 syntax, the module
//! format (CommonJS on WeChat and Alipay, ES modules on Weibo), helpers from a shared
//! runtime module, minification under `--release`, and otherwise a one-layer source map
//! into the original `.mini`/`.ts` file.

pub mod build_ast;
mod esm;
pub mod helpers;
mod hygiene_check;
mod imports;
mod map;
mod minify_source;
mod runtime_import;

use std::collections::{BTreeMap, BTreeSet};

use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::ir::{Project, UnitKind};
use miniweave_compiler::nesting::{Syntax, too_deep};
use miniweave_compiler::project::paths::{dir_of, relative};
use miniweave_compiler::script::{ModuleFormat, Script};
use miniweave_compiler::target::Target;
use swc_core::common::sync::Lrc;
use swc_core::common::{FileName, GLOBALS, Globals, Mark, SourceMap, SyntaxContext};
use swc_core::ecma::ast::{EsVersion, Pass, Program};
use swc_core::ecma::codegen::text_writer::JsWriter;
use swc_core::ecma::codegen::{Config as CodegenConfig, Emitter};
use swc_core::ecma::minifier::option::{ExtraOptions, MinifyOptions};
use swc_core::ecma::transforms::base::fixer::fixer;
use swc_core::ecma::transforms::base::helpers::{HELPERS, Helpers, inject_helpers};
use swc_core::ecma::transforms::base::resolver;
use swc_core::ecma::transforms::compat;
use swc_core::ecma::transforms::module::common_js;
use swc_core::ecma::transforms::module::path::Resolver;
use swc_core::ecma::transforms::module::util::{Config as ModuleConfig, ImportInterop};
use swc_core::ecma::visit::VisitMutWith;

use crate::common::paths::with_ext;
use crate::common::properties::{Isolation, isolation};
pub use esm::uses_commonjs_exports;
use hygiene_check::hygiene_where_needed;
use imports::{DepInfo, Deps, RewriteSpecifiers, read_commonjs_names, require_commonjs_defaults};
pub use minify_source::{minify_source, minify_view_script};
pub use runtime_import::import_runtime;

/// The folder, per package, that holds the runtime modules a program uses.
pub const RUNTIME_DIR: &str = "miniweave_runtime";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    CommonJs,
    Esm,
}

/// How one target emits scripts.
pub struct ScriptTarget {
    pub target: Target,
    pub format: OutputFormat,
    pub release: bool,
    /// The output path of a logical path (a target's folder renames, Weibo's `src/`).
    pub place: fn(&str) -> String,
    /// The source of runtime module `module` (other than `swc`) holding `names`.
    pub assemble: fn(module: &str, names: &BTreeSet<String>) -> String,
}

/// Marks a target's passes need.
pub struct Marks {
    pub unresolved: Mark,
    pub top_level: Mark,
}

/// What a target's passes know about the module being emitted.
pub struct PassEnv<'a> {
    pub marks: &'a Marks,
    pub script: &'a Script,
    /// The runtime folder, relative to the module's own folder (`../../miniweave_runtime`).
    pub runtime_rel: String,
    pub format: OutputFormat,
    pub target: Target,
    /// Whether the module is a page's or component's own script, and which.
    pub unit: Option<UnitKind>,
    /// Whether it is a component's script whose class names are scoped where the target
    /// scopes them (every component but a `styleIsolation: "shared"` one).
    pub scoped: bool,
    /// `"platformGaps": "warn"`: a gap is a warning with a run-time stub.
    pub gaps_warn: bool,
}

impl PassEnv<'_> {
    /// A span of the parsed module as a span of its source file.
    pub fn span(&self, span: swc_core::common::Span) -> miniweave_compiler::source::Span {
        let start = self.script.start_pos.0;
        miniweave_compiler::source::Span::new(
            span.lo.0.saturating_sub(start) as usize,
            span.hi.0.saturating_sub(start) as usize,
        )
    }

    /// The syntax context of globals (names bound nowhere in the module).
    pub fn unresolved(&self) -> SyntaxContext {
        SyntaxContext::empty().apply_mark(self.marks.unresolved)
    }

    /// The relative path to runtime module `module` (`api` → `../../miniweave_runtime/api.js`).
    pub fn runtime_module(&self, module: &str) -> String {
        format!("{}/{module}.js", self.runtime_rel)
    }
}

/// A runtime snippet needed only if the program names one of its keys: (runtime module,
/// snippet, keys).
pub type RuntimeIfNamed = (String, &'static str, &'static [&'static str]);

/// What a target's passes report: runtime snippets used, per runtime module, and problems.
#[derive(Default)]
pub struct PassOutput {
    pub runtime: BTreeMap<String, BTreeSet<String>>,
    /// Runtime snippets needed only if the program names one of their keys somewhere (a
    /// constructor given options built by code): (runtime module, snippet, keys).
    pub runtime_if_named: Vec<RuntimeIfNamed>,
    pub diagnostics: Vec<Diagnostic>,
}

impl PassOutput {
    pub fn use_runtime(&mut self, module: &str, name: &str) {
        self.runtime.entry(module.to_string()).or_default().insert(name.to_string());
    }
}

pub struct EmittedScript {
    pub code: String,
    pub map: Option<String>,
    /// swc helpers the module imports from the runtime.
    pub helpers: BTreeSet<String>,
    pub pass: PassOutput,
}

/// The logical output path of a module: scripts become `.js`; imported data files keep
/// their name with `.js` appended.
pub fn module_output(logical: &str) -> String {
    let name = logical.rsplit('/').next().unwrap_or(logical);
    match name.rsplit_once('.').map(|(_, e)| e) {
        Some("json" | "html") => format!("{logical}.js"),
        Some("ts" | "mjs" | "cjs" | "js") => with_ext(logical, "js"),
        _ => format!("{logical}.js"),
    }
}

/// The runtime folder (logical) for a module: its independent subpackage's own, else the
/// main package's (normal subpackages may require the main package).
pub fn runtime_dir(project: &Project, logical: &str) -> String {
    let package = &project.packages[project.package_of(logical)];
    match (&package.root, package.independent) {
        (Some(root), true) => format!("{root}/{RUNTIME_DIR}"),
        _ => RUNTIME_DIR.to_string(),
    }
}

/// The deepest nesting printed with indentation in development output.
const READABLE_DEPTH: usize = 64;

fn dependency_infos(project: &Project, script: &Script, target: &ScriptTarget) -> Deps {
    let from = (target.place)(&module_output(&script.path));
    script
        .deps
        .iter()
        .map(|d| {
            let to = (target.place)(&module_output(&d.target));
            let format = project.modules.get(&d.target).map(|m| m.format);
            let commonjs = project.data.contains_key(&d.target) || format.is_some_and(ModuleFormat::is_commonjs);
            let default_property = format == Some(ModuleFormat::CommonJsFromEsm);
            (d.specifier.clone(), DepInfo { relative: relative(dir_of(&from), &to), commonjs, default_property })
        })
        .collect()
}

/// A target's own transforms (API mapping, constructors), run first on the resolved module.
pub type PassFn<'a> = dyn FnMut(&mut Program, &PassEnv<'_>, &mut PassOutput) + 'a;

/// Emits one module.
/// Emits one module; `map`: whether it gets a source map (in development builds, for code
/// users wrote, in a file of its own).
pub fn emit(
    project: &Project,
    script: &Script,
    target: &ScriptTarget,
    passes: &mut PassFn<'_>,
    map: bool,
) -> EmittedScript {
    let cm: Lrc<SourceMap> = Default::default();
    let fm = cm.new_source_file(Lrc::new(FileName::Custom(script.file.name().to_string())), script.text.to_string());
    debug_assert_eq!(fm.start_pos, script.start_pos, "a fresh source map starts where the parse did");
    let comments = script.comments.to_store();
    let deps = dependency_infos(project, script, target);
    let out_path = (target.place)(&module_output(&script.path));
    let runtime_folder = (target.place)(&runtime_dir(project, &script.path));
    let runtime_dir_rel = relative(dir_of(&out_path), &runtime_folder);
    let runtime_rel = format!("{runtime_dir_rel}/swc.js");
    let mut pass_output = PassOutput::default();
    let commonjs_source = script.format.is_commonjs();
    let unit_ref = script.path.strip_suffix(".js").and_then(|u| project.units.get(u));
    let unit = unit_ref.map(|u| u.kind);
    let scoped = unit_ref.is_some_and(|u| u.kind == UnitKind::Component && isolation(project, u) != Isolation::Shared);

    let (program, helpers) = GLOBALS.set(&Globals::new(), || {
        let marks = Marks { unresolved: Mark::new(), top_level: Mark::new() };
        let unresolved = SyntaxContext::empty().apply_mark(marks.unresolved);
        let mut program = Program::Module(script.module.clone());
        resolver(marks.unresolved, marks.top_level, false).process(&mut program);
        let env = PassEnv {
            marks: &marks,
            script,
            runtime_rel: runtime_dir_rel.clone(),
            format: target.format,
            target: target.target,
            unit,
            scoped,
            gaps_warn: project.options.gaps_warn(),
        };
        passes(&mut program, &env, &mut pass_output);
        program.visit_mut_with(&mut RewriteSpecifiers { deps: &deps, unresolved });
        let mut helpers = BTreeSet::new();
        HELPERS.set(&Helpers::new(true), || {
            // ES2017 output on every target: lower everything newer.
            compat::es2022::es2022(Default::default(), marks.unresolved).process(&mut program);
            compat::es2021::es2021().process(&mut program);
            compat::es2020::es2020(Default::default(), marks.unresolved).process(&mut program);
            compat::es2019::es2019().process(&mut program);
            compat::es2018::es2018(Default::default()).process(&mut program);
            inject_helpers(marks.unresolved).process(&mut program);
            if let Program::Module(module) = &mut program {
                helpers = helpers::bind_helpers(module, &runtime_rel, target.format, unresolved);
                match target.format {
                    OutputFormat::CommonJs if !commonjs_source => require_commonjs_defaults(module, &deps, unresolved),
                    OutputFormat::Esm if !commonjs_source => read_commonjs_names(module, &deps),
                    _ => {}
                }
            }
            if target.format == OutputFormat::CommonJs && !commonjs_source {
                let config = ModuleConfig { import_interop: Some(ImportInterop::None), ..Default::default() };
                common_js(Resolver::Default, marks.unresolved, config, Default::default()).process(&mut program);
            }
        });
        if target.release {
            program = minify(program, &cm, &comments, &marks);
        }
        let mut wrap = false;
        if let (OutputFormat::Esm, Program::Module(module)) = (target.format, &mut program) {
            // Before hygiene, which clears the contexts that tell the global `require`.
            esm::hoist_requires(module, &deps, unresolved);
            // A script without module syntax that never touches `module`/`exports` (a page
            // calling `Page()`) needs no CommonJS wrapper.
            wrap = commonjs_source && esm::uses_commonjs_exports(module, unresolved);
        }
        hygiene_where_needed(&mut program, script.text.len());
        if let (true, Program::Module(module)) = (wrap, &mut program) {
            // After hygiene, so that `module` and `exports` keep their names.
            esm::wrap_commonjs(module, unit.is_none());
        }
        fixer(Some(&comments)).process(&mut program);
        (program, helpers)
    });
    // npm code gets no map: it would point into node_modules, which users do not edit.
    let want_map = map && !target.release && !script.npm;
    // Each level of nesting indents the lines inside it, so printing a deeply nested file
    // readably grows with the square of its depth (an array 499 deep: 1 MB from 1 KB). Past
    // this depth the file is printed without whitespace, which grows with its length.
    let compact = too_deep(&script.text, READABLE_DEPTH, Syntax::Script).is_some();
    let mut buf = Vec::new();
    let mut mappings = Vec::new();
    {
        let mut emitter = Emitter {
            cfg: CodegenConfig::default().with_target(EsVersion::Es2017).with_minify(target.release || compact),
            cm: cm.clone(),
            comments: if target.release { None } else { Some(&comments) },
            wr: JsWriter::new(cm.clone(), "\n", &mut buf, want_map.then_some(&mut mappings)),
        };
        // Writing into a Vec cannot fail.
        let _ = emitter.emit_program(&program);
    }
    let mut code = String::from_utf8(buf).unwrap_or_default();
    let map = want_map.then(|| map::build(&cm, &mappings, &script.file, &out_path));
    if map.is_some() {
        let name = out_path.rsplit('/').next().unwrap_or(&out_path);
        if !code.ends_with('\n') {
            code.push('\n');
        }
        code.push_str(&format!("//# sourceMappingURL={name}.map\n"));
    } else if !code.ends_with('\n') {
        code.push('\n');
    }
    EmittedScript { code, map, helpers, pass: pass_output }
}

fn minify(
    program: Program,
    cm: &Lrc<SourceMap>,
    comments: &swc_core::common::comments::SingleThreadedComments,
    marks: &Marks,
) -> Program {
    let options =
        MinifyOptions { compress: Some(Default::default()), mangle: Some(Default::default()), ..Default::default() };
    let extra =
        ExtraOptions { unresolved_mark: marks.unresolved, top_level_mark: marks.top_level, mangle_name_cache: None };
    swc_core::ecma::minifier::optimize(program, cm.clone(), Some(comments), None, &options, &extra)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths() {
        assert_eq!(module_output("utils/format.ts"), "utils/format.js");
        assert_eq!(module_output("data/config.json"), "data/config.json.js");
        assert_eq!(module_output("miniprogram_npm/dayjs/esm/index.js"), "miniprogram_npm/dayjs/esm/index.js");
    }
}
