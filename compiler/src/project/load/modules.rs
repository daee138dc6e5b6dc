//! The module graph: every module the app's and units' scripts import, transitively,
//! resolved (LANGUAGE.md §4) and loaded once; `.json` and `.html` imports as data. A missing
//! module is a diagnostic at its import; cycles are fine (each module is loaded once).

use std::sync::Arc;

use crate::diagnostics::Diagnostic;
use crate::html;
use crate::ir::DataModule;
use crate::json::Json;
use crate::project::files::extension;
use crate::project::npm::NPM_DIR;
use crate::project::paths::resolve as join;
use crate::project::resolve::{Alias, ModuleResolver, ResolveError};
use crate::script::{DepKind, Dependency, Script};
use crate::sfc::ScriptLang;
use crate::source::{SourceFile, Span};

use super::parse::whole;
use super::{Loader, Origin};

/// The language a module file is written in.
fn lang_of(path: &str) -> ScriptLang {
    if extension(path) == "ts" { ScriptLang::Ts } else { ScriptLang::Js }
}

impl Loader<'_> {
    fn resolver(&self) -> ModuleResolver<'_> {
        ModuleResolver::new(&self.view, self.npm, self.aliases.clone())
    }

    /// Import aliases from app.json's `resolveAlias` and tsconfig.json's `paths`.
    pub(super) fn collect_aliases(&mut self, app: &crate::config::app::AppModel) {
        let mut aliases = Vec::new();
        for (pattern, target) in &app.resolve_alias {
            aliases.push(Alias::new(pattern, vec![target.trim_start_matches('/').to_string()]));
        }
        let tsconfig =
            std::fs::read_to_string(self.layout.root.join("tsconfig.json")).ok().and_then(|t| Json::parse(&t, 0).ok());
        if let Some(options) = tsconfig.as_ref().and_then(|t| t.get("compilerOptions")) {
            let base = options.get("baseUrl").and_then(Json::as_str).unwrap_or(".");
            let src_prefix =
                if self.layout.src_dir.is_empty() { String::new() } else { format!("{}/", self.layout.src_dir) };
            for member in options.get("paths").map(Json::members).unwrap_or_default() {
                // Targets are relative to baseUrl (from the project root); they must lie in
                // the source root, whose logical paths start at its top.
                let targets = member
                    .value
                    .items()
                    .iter()
                    .filter_map(Json::as_str)
                    .filter_map(|t| join(base.trim_start_matches("./"), t).ok())
                    .filter_map(|t| {
                        t.strip_prefix(&src_prefix).map(str::to_string).or_else(|| src_prefix.is_empty().then_some(t))
                    })
                    .collect();
                aliases.push(Alias::new(&member.key, targets));
            }
        }
        self.aliases = aliases;
    }

    /// A script (an app's, unit's or module's): parsed, prepared, its dependencies resolved
    /// and queued. `path` is the logical path it is emitted at.
    pub(super) fn script_module(
        &mut self,
        path: String,
        file: &Arc<SourceFile>,
        span: Span,
        lang: ScriptLang,
        npm: bool,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Script> {
        let (parsed, prepared) = self.parsers.script(file, span, lang, npm, diags)?;
        for (key, at) in &prepared.undefined_env {
            if !npm {
                diags.push(
                    Diagnostic::warning(
                        "script::undefined-env",
                        format!("`process.env.{key}` is not defined, so it is `undefined`"),
                    )
                    .at(file, *at, "not a define key")
                    .help(format!(
                        "define it in miniweave.json (\"define\": {{ \"{key}\": … }}) or with --define {key}=VALUE"
                    )),
                );
            }
        }
        let mut deps = Vec::new();
        for dep in &prepared.deps {
            match self.resolver().resolve(&path, &dep.specifier) {
                Ok(target) => {
                    if !self.modules.contains_key(&target) && !self.data.contains_key(&target) {
                        self.module_queue.push_back((target.clone(), Origin { file: file.clone(), span: dep.span }));
                    }
                    deps.push(Dependency { specifier: dep.specifier.clone(), span: dep.span, kind: dep.kind, target });
                }
                Err(error) => {
                    let mut d = unresolved(&dep.specifier, &error, file, dep.span);
                    if let ResolveError::NotFound { tried } = &error {
                        let wanted = tried.first().map(|t| t.rsplit_once('.').map_or(t.as_str(), |(stem, _)| stem));
                        if let Some(near) = wanted.and_then(|w| self.near_source(w, super::near::MODULE_EXTENSIONS)) {
                            let looked = d.help.take().unwrap_or_default();
                            d.help = Some(format!("did you mean the module `{near}`? ({looked})"));
                        }
                    }
                    // A library's `require` may sit in a guard (`try { require('fs') }`):
                    // say so, without failing the build.
                    let d = if npm && dep.kind == DepKind::Require {
                        Diagnostic { severity: crate::Severity::Warning, ..d }
                    } else {
                        d
                    };
                    diags.push(d);
                }
            }
        }
        Some(Script {
            path,
            file: file.clone(),
            lang,
            module: prepared.module,
            comments: parsed.comments,
            text: parsed.text,
            start_pos: parsed.start_pos,
            deps,
            format: prepared.format,
            npm,
        })
    }

    /// Loads every queued module, and what they import in turn.
    pub(super) fn load_modules(&mut self) {
        while let Some((path, origin)) = self.module_queue.pop_front() {
            if self.modules.contains_key(&path) || self.data.contains_key(&path) || !self.loaded.insert(path.clone()) {
                continue;
            }
            let npm = path.starts_with(&format!("{NPM_DIR}/"));
            let file = if npm { self.npm_text(&path) } else { self.view.get(&path).and_then(|e| e.text().cloned()) };
            let Some(file) = file else {
                self.error(Diagnostic::error("script::unreadable", format!("`{path}` cannot be read as text")).at(
                    &origin.file,
                    origin.span,
                    "imported here",
                ));
                continue;
            };
            if !npm {
                self.consumed.insert(path.clone());
            }
            let mut diags = Vec::new();
            match extension(&path) {
                "json" => match Json::parse(file.text(), 0) {
                    Ok(json) => {
                        self.data.insert(path, DataModule { file, value: json.to_value() });
                    }
                    Err(e) => diags.push(
                        Diagnostic::error("script::bad-json", format!("invalid JSON: {}", e.message))
                            .at(&file, e.span, "here")
                            .help("an imported .json file must be valid JSON"),
                    ),
                },
                "html" => {
                    let value = html::to_nodes(file.text());
                    self.data.insert(path, DataModule { file, value });
                }
                _ => {
                    if let Some(script) =
                        self.script_module(path.clone(), &file, whole(&file), lang_of(&path), npm, &mut diags)
                    {
                        self.modules.insert(path, script);
                    }
                }
            }
            self.diags.extend(diags);
        }
    }
}

fn unresolved(specifier: &str, error: &ResolveError, file: &Arc<SourceFile>, span: Span) -> Diagnostic {
    let help = match error {
        ResolveError::NotFound { tried } => {
            let shown: Vec<&str> = tried.iter().map(String::as_str).take(6).collect();
            format!("looked for {}", shown.join(", "))
        }
        ResolveError::NoPackage(name) => format!("install it (npm install {name}), or fix the name"),
        ResolveError::Builtin(_) => "use the platform's API instead (wx.getFileSystemManager for files, wx.request for HTTP), or a package written for browsers".into(),
        ResolveError::Invalid(_) => "write a relative path (./x), an alias (@/x) or an npm package name".into(),
    };
    Diagnostic::error("script::unresolved", format!("cannot resolve `{specifier}`: {error}"))
        .at(file, span, "imported here")
        .help(help)
}
