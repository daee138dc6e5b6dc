//! Pages and components: a `.mini` file, or a native quad (`x.wxml` + `x.js`/`x.ts` +
//! `x.wxss`/`x.css` + `x.json`) with one base name, exactly as in a WeChat project.

use std::collections::BTreeMap;

use crate::config::unit::UnitModel;
use crate::config::{self, ConfigKind};
use crate::diagnostics::Diagnostic;
use crate::ir::{ComponentRef, Unit, UnitKind, package_of};
use crate::project::paths::dir_of;
use crate::sfc;

use super::parse::whole;
use super::{Loader, Origin};

fn kind_name(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Page => "page",
        UnitKind::Component => "component",
    }
}

impl Loader<'_> {
    pub(super) fn load_unit(&mut self, path: String, kind: UnitKind, origin: Origin) {
        if let Some(existing) = self.units.get(&path) {
            // WeChat lets a page built with Component() and marked `"component": true` be
            // used as a component too (ColorUI's demo app does); one set of files serves both.
            if existing.kind != kind {
                let message = format!("`{path}` is used both as a page and as a component");
                let d = if existing.model.component {
                    Diagnostic::warning("project::page-and-component", message)
                } else {
                    Diagnostic::error("project::page-and-component", message)
                };
                self.error(d.at(&origin.file, origin.span, format!("used as a {} here", kind_name(kind))).help(
                    "a page is listed in `pages`; a component is named in `usingComponents`: make them two units",
                ));
            }
            return;
        }
        let mini = format!("{path}.mini");
        let wxml = format!("{path}.wxml");
        let unit = match (self.text_file(&mini), self.text_file(&wxml)) {
            (Some(m), Some(_)) => {
                self.error(
                    Diagnostic::error(
                        "project::two-sources",
                        format!("`{path}` has both a .mini file and a .wxml file"),
                    )
                    .at(&origin.file, origin.span, "named here")
                    .help(format!("keep {} or the native files, not both", m.name())),
                );
                return;
            }
            (None, None) => {
                let message = format!("{} `{path}` not found", kind_name(kind));
                let create = format!(
                    "create {} (or the native {} with its .js, .wxss and .json)",
                    self.shown(&mini),
                    self.shown(&wxml)
                );
                let help = match self.near_source(&path, super::near::UNIT_EXTENSIONS) {
                    Some(near) => format!("did you mean `{near}`? Otherwise {create}"),
                    None => create,
                };
                self.error(
                    Diagnostic::error("project::missing-unit", message)
                        .at(&origin.file, origin.span, "named here")
                        .help(help),
                );
                return;
            }
            (Some(_), None) => self.load_mini(&path, kind),
            (None, Some(_)) => self.load_native(&path, kind),
        };
        if let Some(unit) = unit {
            self.units.insert(path, unit);
        }
    }

    fn load_mini(&mut self, path: &str, kind: UnitKind) -> Option<Unit> {
        let name = format!("{path}.mini");
        let file = self.text_file(&name)?;
        self.consumed.insert(name);
        for ext in ["js", "ts", "wxss", "css", "json"] {
            let sibling = format!("{path}.{ext}");
            if self.exists(&sibling) {
                self.error(
                    Diagnostic::error("project::conflicting-file", format!("{} sits beside {}", self.shown(&sibling), file.name()))
                        .in_file(&file)
                        .help(format!("the .mini file's blocks produce {path}.{ext}'s output: move that code into the .mini file, or rename one of them")),
                );
            }
        }
        let sfc = match sfc::split(&file) {
            Ok(s) => s,
            Err(found) => {
                self.diags.extend(found);
                return None;
            }
        };
        let mut diags = Vec::new();
        let Some(template_block) = &sfc.template else {
            self.error(
                Diagnostic::error("project::no-template", format!("the {} has no <template> block", kind_name(kind)))
                    .in_file(&file)
                    .help("add <template>…</template> with the unit's WXML"),
            );
            return None;
        };
        let template = self.parsers.template(&file, template_block.content, &mut diags);
        let config =
            sfc.config.as_ref().and_then(|b| self.parsers.config(&file, b.content, ConfigKind::Unit, &mut diags));
        if sfc.config.is_some() && config.is_none() {
            self.broken_configs.insert(path.to_string());
        }
        let lang = sfc.script_lang();
        let npm = Self::is_npm(path);
        let script = sfc
            .script
            .as_ref()
            .and_then(|b| self.script_module(format!("{path}.js"), &file, b.content, lang, npm, &mut diags));
        let style = sfc.style.as_ref().map(|b| self.parsers.style(&file, b.content, &mut diags));
        self.diags.extend(diags);
        let template = template?;
        self.finish_unit(path, kind, template, script, style, config, file)
    }

    fn load_native(&mut self, path: &str, kind: UnitKind) -> Option<Unit> {
        let name = format!("{path}.wxml");
        let file = self.text_file(&name)?;
        self.consumed.insert(name);
        let mut diags = Vec::new();
        let template = self.parsers.template(&file, whole(&file), &mut diags);
        let json_name = format!("{path}.json");
        let config = match self.text_file(&json_name) {
            Some(json) => {
                self.consumed.insert(json_name);
                let config = self.parsers.config(&json, whole(&json), ConfigKind::Unit, &mut diags);
                if config.is_none() {
                    self.broken_configs.insert(path.to_string());
                }
                config
            }
            None => None,
        };
        let script = self.native_script(path, &mut diags);
        let style = self.native_style(path, &mut diags);
        self.diags.extend(diags);
        let template = template?;
        self.finish_unit(path, kind, template, script, style, config, file)
    }

    #[allow(clippy::too_many_arguments)]
    fn finish_unit(
        &mut self,
        path: &str,
        kind: UnitKind,
        template: crate::ir::Template,
        script: Option<crate::script::Script>,
        style: Option<crate::ir::StyleSheet>,
        config: Option<crate::config::ConfigDoc>,
        file: std::sync::Arc<crate::source::SourceFile>,
    ) -> Option<Unit> {
        let model = match &config {
            Some(doc) => match config::model::<UnitModel>(doc) {
                Ok(m) => m,
                Err(d) => {
                    self.model_error(d);
                    return None;
                }
            },
            None => UnitModel::default(),
        };
        let mut components: BTreeMap<String, ComponentRef> = self.global_components.clone();
        if let Some(doc) = &config {
            let dir = dir_of(path).to_string();
            for (tag, written) in &model.using_components {
                let origin = Origin { file: doc.file.clone(), span: doc.span_at(["usingComponents", tag.as_str()]) };
                if let Some(component) = self.component_ref(&dir, written, &origin) {
                    components.insert(tag.clone(), component);
                }
            }
            for (generic, _) in &model.component_generics {
                components.insert(generic.clone(), ComponentRef::Generic);
                if let Some(default) = model.generic_default(generic) {
                    let origin = Origin {
                        file: doc.file.clone(),
                        span: doc.span_at(["componentGenerics", generic.as_str(), "default"]),
                    };
                    self.component_ref(&dir, default, &origin);
                }
            }
        }
        let package = package_of(&self.packages, path);
        Some(Unit { path: path.to_string(), kind, template, script, style, config, model, components, package, file })
    }
}
