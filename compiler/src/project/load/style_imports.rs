//! Stylesheets reached through `@import` (WXSS `@import "../common/index.wxss";`): each is
//! loaded and emitted once, so that an npm component's shared styles (Vant imports
//! `../common/index.wxss` from every component) are in the output. A missing import is an
//! error at the `@import`, as WeChat's own style compiler makes it.

use std::collections::BTreeMap;

use crate::diagnostics::Diagnostic;
use crate::ir::{App, StyleSheet};
use crate::project::npm::NPM_DIR;
use crate::project::paths::{PathError, dir_of, resolve};
use crate::source::Span;

use super::Loader;
use super::parse::whole;

/// The logical path an `@import` in the stylesheet at `from` names: relative, `/`-rooted at
/// the source root, or an npm path (`@vant/weapp/common/index.wxss`, from the package's
/// mini-program folder).
pub fn style_import_path(from: &str, written: &str) -> Result<String, PathError> {
    let npm = !written.starts_with('.') && !written.starts_with('/');
    if npm {
        return resolve("", &format!("{NPM_DIR}/{written}"));
    }
    resolve(dir_of(from), written)
}

/// The `@import` targets of a stylesheet's text, with the span of each path (offsets of
/// `text`): `@import "x";`, `@import 'x';` and `@import url(x);`. Comments are skipped.
pub fn style_imports(text: &str) -> Vec<(String, Span)> {
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(at) = text[i..].find(['@', '/']).map(|n| i + n) {
        if text[at..].starts_with("/*") {
            i = text[at + 2..].find("*/").map_or(text.len(), |n| at + 2 + n + 2);
            continue;
        }
        if !text[at..].starts_with("@import") {
            i = at + 1;
            continue;
        }
        let rest = text[at + 7..].trim_start();
        let start = text.len() - rest.len();
        let (inner, offset) = match rest.strip_prefix("url(") {
            Some(r) => (r.trim_start(), text.len() - r.trim_start().len()),
            None => (rest, start),
        };
        let quoted = inner.chars().next().filter(|c| *c == '"' || *c == '\'');
        let (path, from) = match quoted {
            Some(q) => (inner[1..].split(q).next().unwrap_or(""), offset + 1),
            None => (inner.split(|c: char| c == ')' || c == ';' || c.is_whitespace()).next().unwrap_or(""), offset),
        };
        if !path.is_empty() {
            found.push((path.to_string(), Span::new(from, from + path.len())));
        }
        i = from + path.len().max(1);
    }
    found
}

impl Loader<'_> {
    /// Adds every stylesheet the app's, the units' and the plain stylesheets import,
    /// transitively, to `styles` (by logical path).
    pub(super) fn load_style_imports(&mut self, app: &App, styles: &mut BTreeMap<String, StyleSheet>) {
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
            for (src, span) in style_imports(&sheet.text) {
                if src.contains("://") {
                    continue;
                }
                let span = Span::new(span.start + sheet.base, span.end + sheet.base);
                let target = match style_import_path(&path, &src) {
                    Ok(t) => t,
                    Err(e) => {
                        self.error(
                            Diagnostic::error("style::bad-import", format!("`@import \"{src}\"`: {e}"))
                                .at(&sheet.file, span, "this path")
                                .help("import a stylesheet inside the project, relative to this file"),
                        );
                        continue;
                    }
                };
                if styles.contains_key(&target) || target == path {
                    continue;
                }
                let Some(file) = self.text_file(&target) else {
                    self.error(
                        Diagnostic::error("style::missing-import", format!("`{src}` not found"))
                            .at(&sheet.file, span, format!("looked for {}", self.shown(&target)))
                            .help("check the path: it is relative to this stylesheet"),
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_in_every_spelling_outside_comments() {
        let text = "/* @import 'no.wxss'; */\n@import \"../common/index.wxss\";\n@import 'a.wxss';\n@import url(b.wxss);\n@import url('c.wxss');\n.x { color: red }\n";
        let found = style_imports(text);
        let names: Vec<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(names, ["../common/index.wxss", "a.wxss", "b.wxss", "c.wxss"]);
        let (_, span) = &found[0];
        assert_eq!(&text[span.start..span.end], "../common/index.wxss");
    }
}
