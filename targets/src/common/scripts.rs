//! Emitting a project's scripts for one target: the app's and units' scripts, every module
//! of the graph, imported data, and the runtime modules they use (only those).

use std::collections::{BTreeMap, BTreeSet};

use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::ir::{Project, Unit, UnitKind};
use miniweave_compiler::script::Script;

use crate::emitted::Emitted;
use crate::script::{
    self, EmittedScript, OutputFormat, PassFn, RUNTIME_DIR, ScriptTarget, helpers, minify_source, module_output,
    runtime_dir,
};

/// A target's own passes over a script (API mapping, constructors).
pub type Passes<'a> = PassFn<'a>;

pub struct ScriptEmitter<'p> {
    pub project: &'p Project,
    pub target: ScriptTarget,
    /// swc helpers used, per runtime folder.
    helpers: BTreeMap<String, BTreeSet<String>>,
    /// Other runtime snippets used, per runtime folder and module.
    runtime: BTreeMap<String, BTreeMap<String, BTreeSet<String>>>,
    /// Snippets used if the program names one of their keys, per runtime folder: (module,
    /// snippet, keys); settled once every module is compiled (`constructors::named_in_program`).
    runtime_if_named: BTreeMap<String, Vec<script::RuntimeIfNamed>>,
}

impl<'p> ScriptEmitter<'p> {
    pub fn new(project: &'p Project, target: ScriptTarget) -> Self {
        ScriptEmitter {
            project,
            target,
            helpers: BTreeMap::new(),
            runtime: BTreeMap::new(),
            runtime_if_named: BTreeMap::new(),
        }
    }

    /// Compiles a script, recording the runtime it uses; its problems join `diags`. `map`:
    /// whether it gets a source map (not when the code is embedded in another file).
    pub fn compile(
        &mut self,
        script: &Script,
        diags: &mut Vec<Diagnostic>,
        passes: &mut Passes<'_>,
        map: bool,
    ) -> EmittedScript {
        let mut emitted = script::emit(self.project, script, &self.target, passes, map);
        let dir = runtime_dir(self.project, &script.path);
        if !emitted.helpers.is_empty() {
            self.helpers.entry(dir.clone()).or_default().extend(emitted.helpers.iter().cloned());
        }
        for (module, names) in std::mem::take(&mut emitted.pass.runtime) {
            self.runtime.entry(dir.clone()).or_default().entry(module).or_default().extend(names);
        }
        if !emitted.pass.runtime_if_named.is_empty() {
            self.runtime_if_named.entry(dir.clone()).or_default().append(&mut emitted.pass.runtime_if_named);
        }
        diags.append(&mut emitted.pass.diagnostics);
        emitted
    }

    /// Records a runtime snippet used by the unit or module at logical path `user` (a
    /// template's generated handler, a Vue file's options).
    pub fn use_runtime(&mut self, user: &str, module: &str, name: &str) {
        let dir = runtime_dir(self.project, user);
        self.runtime.entry(dir).or_default().entry(module.to_string()).or_default().insert(name.to_string());
    }

    /// Compiles a script and adds it (and its source map) to the output.
    pub fn emit(
        &mut self,
        script: &Script,
        package: usize,
        out: &mut Emitted,
        diags: &mut Vec<Diagnostic>,
        passes: &mut Passes<'_>,
    ) {
        let emitted = self.compile(script, diags, passes, true);
        let path = (self.target.place)(&module_output(&script.path));
        if let Some(map) = emitted.map {
            out.add(format!("{path}.map"), map, package, script.file.name(), diags);
        }
        out.add(path, emitted.code, package, script.file.name(), diags);
    }

    /// The app's script, every unit's (a unit without one gets an empty constructor call,
    /// which WeChat and Alipay need to register it), the module graph and imported data.
    pub fn emit_all(&mut self, out: &mut Emitted, diags: &mut Vec<Diagnostic>, passes: &mut Passes<'_>) {
        let project = self.project;
        match &project.app.script {
            Some(s) => self.emit(s, 0, out, diags, passes),
            None => out.add((self.target.place)("app.js"), "App({});\n", 0, project.app.file.name(), diags),
        }
        for unit in project.units.values() {
            self.emit_unit(unit, out, diags, passes);
        }
        for script in project.modules.values() {
            self.emit(script, project.package_of(&script.path), out, diags, passes);
        }
        self.emit_data(out, diags);
    }

    pub fn emit_unit(&mut self, unit: &Unit, out: &mut Emitted, diags: &mut Vec<Diagnostic>, passes: &mut Passes<'_>) {
        match &unit.script {
            Some(s) => self.emit(s, unit.package, out, diags, passes),
            None => {
                let call = if unit.kind == UnitKind::Page { "Page({});\n" } else { "Component({});\n" };
                out.add((self.target.place)(&format!("{}.js", unit.path)), call, unit.package, unit.file.name(), diags);
            }
        }
    }

    /// Imported `.json`/`.html` files as modules whose value is the data.
    pub fn emit_data(&mut self, out: &mut Emitted, diags: &mut Vec<Diagnostic>) {
        for (path, data) in &self.project.data {
            let value = serde_json::to_string(&data.value).unwrap_or_else(|_| "null".into());
            let code = match self.target.format {
                OutputFormat::CommonJs => format!("module.exports = {value};\n"),
                OutputFormat::Esm => format!("export default {value};\n"),
            };
            out.add(
                (self.target.place)(&module_output(path)),
                code,
                self.project.package_of(path),
                data.file.name(),
                diags,
            );
        }
    }

    /// Adds the snippets recorded as needed if the program names one of their keys, for the
    /// keys it names (one scan of the program for all of them).
    fn settle_runtime_if_named(&mut self) {
        let pending = std::mem::take(&mut self.runtime_if_named);
        let keys: BTreeSet<&'static str> =
            pending.values().flatten().flat_map(|(_, _, keys)| keys.iter().copied()).collect();
        if keys.is_empty() {
            return;
        }
        let named = crate::common::constructors::named_in_program(self.project, &keys);
        for (dir, list) in pending {
            for (module, snippet, keys) in list {
                if keys.iter().any(|k| named.contains(k)) {
                    self.runtime.entry(dir.clone()).or_default().entry(module).or_default().insert(snippet.to_string());
                }
            }
        }
    }

    /// A runtime module as shipped: minified in release builds.
    fn finish(&self, source: String) -> String {
        if self.target.release { minify_source(&source) } else { source }
    }

    /// The runtime modules the emitted scripts use, one set per package that needs them.
    pub fn emit_runtime(&mut self, out: &mut Emitted, diags: &mut Vec<Diagnostic>) {
        self.settle_runtime_if_named();
        for (dir, names) in &self.helpers {
            let module = self.finish(helpers::runtime_module(names, self.target.format == OutputFormat::Esm));
            let package = self.project.package_of(dir);
            out.add((self.target.place)(&format!("{dir}/swc.js")), module, package, RUNTIME_DIR, diags);
        }
        for (dir, modules) in &self.runtime {
            let package = self.project.package_of(dir);
            for (module, names) in modules {
                let source = self.finish((self.target.assemble)(module, names));
                out.add((self.target.place)(&format!("{dir}/{module}.js")), source, package, RUNTIME_DIR, diags);
            }
        }
    }
}
