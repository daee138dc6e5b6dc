//! The files templates pull in: `.wxml` files through `<import src>` and `<include src>`,
//! and `.wxs` view scripts through `<wxs src>`, followed transitively.

use std::collections::BTreeSet;

use crate::diagnostics::Diagnostic;
use crate::ir::ViewScriptFile;
use crate::ir::template::{FileRef, Node, Template, ViewScriptSource, walk_nodes};
use crate::project::paths::{dir_of, resolve};
use crate::source::Span;

use super::parse::whole;
use super::{Loader, Origin};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RefKind {
    Template,
    ViewScript,
    /// A `require` in view-script code: wcc compiles it when the file is missing, and it
    /// gives `undefined` at run time.
    ViewScriptRequire,
}

/// Every file reference in a template, with what it refers to: imports, includes,
/// `<wxs src>`, and the modules inline `<wxs>` code requires (blamed on the element).
pub(crate) fn file_refs(template: &Template) -> Vec<(RefKind, FileRef)> {
    let mut refs = Vec::new();
    walk_nodes(&template.nodes, &mut |node| match node {
        Node::Import(r) | Node::Include(r) => refs.push((RefKind::Template, r.clone())),
        Node::ViewScript(v) => match &v.source {
            ViewScriptSource::File(r) => refs.push((RefKind::ViewScript, r.clone())),
            ViewScriptSource::Inline(code) => {
                for (src, _) in view_script_requires(code) {
                    refs.push((RefKind::ViewScriptRequire, FileRef { src, span: v.span }));
                }
            }
        },
        _ => {}
    });
    refs
}

/// The `require('…')` calls of WXS code, with the spans of their strings: a WXS module may
/// require other `.wxs` files (WeChat `WXS 模块`). Comments and other strings are skipped.
pub fn view_script_requires(code: &str) -> Vec<(String, Span)> {
    let bytes = code.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => i = code[i..].find('\n').map_or(bytes.len(), |n| i + n),
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = code[i + 2..].find("*/").map_or(bytes.len(), |n| i + 2 + n + 2)
            }
            quote @ (b'\'' | b'"') => {
                let mut j = i + 1;
                while j < bytes.len() && bytes[j] != quote && bytes[j] != b'\n' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                i = j + 1;
            }
            b'r' if code[i..].starts_with("require") && (i == 0 || !is_ident_byte(bytes[i - 1])) => {
                let rest = code[i + 7..].trim_start();
                let open = code.len() - rest.len();
                let Some(after) = rest.strip_prefix('(') else {
                    i += 7;
                    continue;
                };
                let arg = after.trim_start();
                let start = code.len() - arg.len();
                let quote = arg.chars().next().filter(|c| *c == '\'' || *c == '"');
                if let Some(end) = quote.and_then(|q| arg[1..].find(q)) {
                    found.push((arg[1..1 + end].to_string(), Span::new(start, start + end + 2)));
                    i = start + end + 2;
                } else {
                    i = open + 1;
                }
            }
            _ => i += 1,
        }
    }
    found
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$'
}

/// The logical path a template reference names: `src` resolved from the referring
/// template's folder, with `.wxml` added when no extension is written.
pub fn template_ref_path(from_template: &str, src: &str) -> Result<String, String> {
    let path = resolve(dir_of(from_template), src).map_err(|e| e.to_string())?;
    let name = path.rsplit('/').next().unwrap_or(&path);
    match name.rsplit_once('.') {
        None => Ok(format!("{path}.wxml")),
        Some((_, "wxml")) => Ok(path),
        Some((_, ext)) => Err(format!("`<import>` and `<include>` take .wxml files, not .{ext}")),
    }
}

/// The logical path a `<wxs src>` names.
pub fn view_script_ref_path(from_template: &str, src: &str) -> Result<String, String> {
    let path = resolve(dir_of(from_template), src).map_err(|e| e.to_string())?;
    if !path.ends_with(".wxs") {
        return Err("`<wxs src>` takes a .wxs file".into());
    }
    Ok(path)
}

impl Loader<'_> {
    pub(super) fn load_template_files(&mut self) {
        // (logical path of the referring template, reference)
        let mut pending: Vec<(String, RefKind, FileRef, Origin)> = Vec::new();
        for unit in self.units.values() {
            let template_path = format!("{}.wxml", unit.path);
            for (kind, r) in file_refs(&unit.template) {
                let origin = Origin { file: unit.template.file.clone(), span: r.span };
                pending.push((template_path.clone(), kind, r, origin));
            }
        }
        let mut failed = BTreeSet::new();
        while let Some((from, kind, r, origin)) = pending.pop() {
            let resolved = match kind {
                RefKind::Template => template_ref_path(&from, &r.src),
                RefKind::ViewScript | RefKind::ViewScriptRequire => view_script_ref_path(&from, &r.src),
            };
            let path = match resolved {
                Ok(p) => p,
                Err(message) => {
                    self.error(Diagnostic::error("template::bad-src", format!("`{}`: {message}", r.src)).at(
                        &origin.file,
                        origin.span,
                        "this path",
                    ));
                    continue;
                }
            };
            if self.templates.contains_key(&path) || self.view_scripts.contains_key(&path) || failed.contains(&path) {
                continue;
            }
            let Some(file) = self.text_file(&path) else {
                failed.insert(path.clone());
                // WeChat renders a missing import or include as nothing and logs a warning
                // at run time ("Path not found"); a missing wxs file is an error of wcc's.
                let d = match kind {
                    RefKind::Template => Diagnostic::warning(
                        "template::missing-file",
                        format!("`{}` not found; WeChat renders without it", r.src),
                    ),
                    RefKind::ViewScriptRequire => Diagnostic::warning(
                        "template::missing-file",
                        format!("`{}` not found; `require` gives undefined on WeChat", r.src),
                    ),
                    RefKind::ViewScript => {
                        Diagnostic::error("template::missing-file", format!("`{}` not found", r.src))
                    }
                };
                self.error(
                    d.at(&origin.file, origin.span, format!("looked for {}", self.shown(&path)))
                        .help("check the path: it is relative to this file, or starts with `/` at the source root"),
                );
                continue;
            };
            self.consumed.insert(path.clone());
            let mut diags = Vec::new();
            match kind {
                RefKind::Template => {
                    if let Some(template) = self.parsers.template(&file, whole(&file), &mut diags) {
                        for (k, inner) in file_refs(&template) {
                            let origin = Origin { file: file.clone(), span: inner.span };
                            pending.push((path.clone(), k, inner, origin));
                        }
                        self.templates.insert(path, template);
                    } else {
                        failed.insert(path);
                    }
                }
                RefKind::ViewScript | RefKind::ViewScriptRequire => {
                    let code = self.parsers.view_script(&file, &mut diags);
                    for (src, span) in view_script_requires(&code) {
                        let origin = Origin { file: file.clone(), span };
                        pending.push((path.clone(), RefKind::ViewScriptRequire, FileRef { src, span }, origin));
                    }
                    self.view_scripts.insert(path, ViewScriptFile { file, code });
                }
            }
            self.diags.extend(diags);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requires_of_view_scripts_are_found_outside_comments_and_strings() {
        let code = "var a = require('./a.wxs');\n// require('./no.wxs')\n/* require(\"./no2.wxs\") */\nvar s = \"require('./no3.wxs')\";\nvar b = require ( \"../b.wxs\" );\nmyrequire('./no4.wxs');\n";
        let found = view_script_requires(code);
        let names: Vec<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(names, ["./a.wxs", "../b.wxs"]);
        let (_, span) = &found[0];
        assert_eq!(&code[span.start..span.end], "'./a.wxs'");
    }
}
