//! Stylesheets reached through `@import` (WXSS `@import "../common/index.wxss";`), and the
//! files npm stylesheets point at with `url()`: each is loaded once, so that an npm
//! component's shared styles (Vant imports `../common/index.wxss` from every component) and
//! images are in the output. A missing import is an error at the `@import`, as WeChat's own
//! style compiler makes it. Imports are read from the parsed stylesheet, so an `@import`
//! written inside a string or a comment is not one.

use std::collections::BTreeMap;

use lightningcss::rules::CssRule;
use lightningcss::values::url::Url;
use lightningcss::visit_types;
use lightningcss::visitor::{Visit, VisitTypes, Visitor};

use crate::diagnostics::Diagnostic;
use crate::ir::{App, Asset, StyleSheet};
use crate::project::files::Content;
use crate::project::npm::NPM_DIR;
use crate::project::paths::{dir_of, resolve};
use crate::source::Span;

use super::Loader;
use super::parse::whole;

/// The logical paths an `@import` in the stylesheet at `from` may name, in the order tried:
/// relative to the stylesheet (WeChat reads `@import "common.wxss"` so), or `/`-rooted at the
/// source root; then, for a bare path, an npm package's file (`@vant/weapp/common/index.wxss`,
/// from the package's mini-program folder). Paths leading outside the source root are none.
pub fn style_import_paths(from: &str, written: &str) -> Vec<String> {
    let mut paths: Vec<String> = resolve(dir_of(from), written).into_iter().collect();
    if !written.starts_with('.') && !written.starts_with('/') {
        paths.extend(resolve("", &format!("{NPM_DIR}/{written}")));
    }
    paths
}

/// The `@import`s of a parsed stylesheet: what each names, and where.
fn imports(sheet: &StyleSheet) -> Vec<(String, Span)> {
    let Some(css) = &sheet.css else { return Vec::new() };
    css.rules
        .0
        .iter()
        .filter_map(|rule| match rule {
            CssRule::Import(i) => Some((i.url.to_string(), sheet.located.span(i.loc.line, i.loc.column))),
            _ => None,
        })
        .collect()
}

/// The `url()`s of a parsed stylesheet, as written.
pub(crate) fn urls(sheet: &StyleSheet) -> Vec<String> {
    struct Urls(Vec<String>);
    impl<'i> Visitor<'i> for Urls {
        type Error = std::convert::Infallible;
        fn visit_types(&self) -> VisitTypes {
            visit_types!(URLS)
        }
        fn visit_url(&mut self, url: &mut Url<'i>) -> Result<(), Self::Error> {
            self.0.push(url.url.to_string());
            Ok(())
        }
    }
    let Some(css) = &sheet.css else { return Vec::new() };
    let mut found = Urls(Vec::new());
    let _ = (**css).clone().visit(&mut found);
    found.0
}

impl Loader<'_> {
    /// Whether a logical path is a page's or component's own stylesheet (emitted with it).
    fn is_unit_style(&self, path: &str) -> bool {
        path.strip_suffix(".wxss").is_some_and(|unit| self.units.get(unit).is_some_and(|u| u.style.is_some()))
    }

    /// Adds every stylesheet the app's, the units' and the plain stylesheets import,
    /// transitively, to `styles` (by logical path), and the files npm stylesheets use in
    /// `url()` to `assets`.
    pub(super) fn load_style_imports(
        &mut self,
        app: &App,
        styles: &mut BTreeMap<String, StyleSheet>,
        assets: &mut BTreeMap<String, Asset>,
    ) {
        let mut pending: Vec<(String, StyleSheet)> = Vec::new();
        if let Some(style) = &app.style {
            pending.push(("app.wxss".into(), style.clone()));
        }
        for unit in self.units.values() {
            if let Some(style) = &unit.style {
                pending.push((format!("{}.wxss", unit.path), style.clone()));
            }
        }
        pending.extend(styles.iter().map(|(p, s)| (p.clone(), s.clone())));
        while let Some((path, sheet)) = pending.pop() {
            if path.starts_with(&format!("{NPM_DIR}/")) {
                self.load_npm_assets(&path, &sheet, assets);
            }
            for (src, span) in imports(&sheet) {
                if src.contains("://") {
                    continue;
                }
                let candidates = style_import_paths(&path, &src);
                if candidates.is_empty() {
                    self.error(
                        Diagnostic::error(
                            "style::bad-import",
                            format!("`@import \"{src}\"` leads outside the source root"),
                        )
                        .at(&sheet.file, span, "this path")
                        .help("import a stylesheet inside the project, relative to this file"),
                    );
                    continue;
                }
                // The app's own stylesheet is emitted with the app (a page may import it).
                let known =
                    |p: &String| styles.contains_key(p) || *p == path || (p == "app.wxss" && app.style.is_some());
                if candidates.iter().any(|p| known(p) || self.is_unit_style(p)) {
                    continue;
                }
                let Some((target, file)) = candidates.iter().find_map(|p| self.text_file(p).map(|f| (p.clone(), f)))
                else {
                    self.error(
                        Diagnostic::error("style::missing-import", format!("`{src}` not found"))
                            .at(&sheet.file, span, format!("looked for {}", self.shown(&candidates[0])))
                            .help("check the path: it is relative to this stylesheet, starts with `/` at the source root, or names an npm package's file"),
                    );
                    continue;
                };
                let mut diags = Vec::new();
                let imported = self.parsers.style(&file, whole(&file), &mut diags);
                self.diags.extend(diags);
                styles.insert(target.clone(), imported.clone());
                pending.push((target, imported));
            }
        }
    }

    /// The files an npm stylesheet names with a relative `url()` (users cannot copy them into
    /// their source root), as assets.
    fn load_npm_assets(&self, path: &str, sheet: &StyleSheet, assets: &mut BTreeMap<String, Asset>) {
        for url in urls(sheet) {
            let lower = url.to_ascii_lowercase();
            if lower.starts_with("data:") || lower.starts_with("//") || lower.contains("://") || url.starts_with('#') {
                continue;
            }
            let file_part = url.split(['?', '#']).next().unwrap_or_default();
            let Ok(asset) = resolve(dir_of(path), file_part) else { continue };
            if assets.contains_key(&asset) {
                continue;
            }
            if let Some(entry) = self.npm.file(&asset) {
                let bytes = match &entry.content {
                    Content::Bytes(b) => b.clone(),
                    Content::Text(f) => std::sync::Arc::new(f.text().as_bytes().to_vec()),
                };
                assets.insert(asset, Asset { bytes });
            }
        }
    }
}
