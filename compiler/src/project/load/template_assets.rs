//! Static `src` of `<image>`, `<cover-image>` and `<video>` that names no file of the project.
//!
//! WeChat compiles such a template and only logs a failed load when the page shows it (the
//! image stays blank), just as for a missing `url()` in a style (`style::missing-asset`):
//! what WeChat tolerates is a warning here, not an error. A `src` climbing above the source
//! root is an error (`project::outside-path`): no target could hold the file.

use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::ir::template::{Node, Tag, Template, walk_nodes};
use crate::project::paths::{PathError, relative, resolve};

use super::Loader;

/// The built-in components whose `src` is a file the platform loads.
const LOADS_SRC: &[&str] = &["image", "cover-image", "video"];

/// Whether `src` points outside the project's files: a URL with a scheme (`https:`,
/// `cloud:`, `wxfile:`, `data:`), protocol-relative, or empty.
fn is_external(src: &str) -> bool {
    let lower = src.trim().to_ascii_lowercase();
    lower.is_empty() || lower.starts_with("data:") || lower.starts_with("//") || lower.contains(':')
}

impl Loader<'_> {
    /// Checks the static media sources of `template`. `unit_dir` is the folder of the unit
    /// the template belongs to, when it is the unit's own: a relative path in a file pulled
    /// in by `<import>`/`<include>` resolves from whichever page renders it, so only its
    /// `/`-rooted paths are checked.
    pub(super) fn check_media_sources(&self, template: &Template, unit_dir: Option<&str>, found: &mut Vec<Diagnostic>) {
        walk_nodes(&template.nodes, &mut |node| {
            let Node::Element(element) = node else { return };
            let Tag::Named(tag) = &element.tag else { return };
            if !LOADS_SRC.contains(&tag.as_str()) {
                return;
            }
            let Some(value) = element.attr_value("src") else { return };
            let Some(written) = value.as_literal() else { return };
            let written = written.trim();
            if is_external(written) {
                return;
            }
            let from = match (written.starts_with('/'), unit_dir) {
                (true, _) => "",
                (false, Some(dir)) => dir,
                (false, None) => return,
            };
            // `a.png?v=2`: the file is what comes before the query.
            let path_part = &written[..written.find(['?', '#']).unwrap_or(written.len())];
            let path = match resolve(from, path_part) {
                Ok(path) => path,
                // Climbing above the source root names a file no target holds: the platforms
                // would show nothing, and the path would reach into whatever sits beside the
                // output. An error, where a missing file inside is only a warning.
                Err(PathError::Escapes) => {
                    found.push(
                        Diagnostic::error(
                            "project::outside-path",
                            format!("`{written}` leads outside the project; keep assets inside it"),
                        )
                        .at(&template.file, value.span, "this path")
                        .help("put the file under the source root and point at it from there, or use an https:// URL"),
                    );
                    return;
                }
                Err(_) => return,
            };
            if self.view.contains(&path) {
                return;
            }
            let mut d = Diagnostic::warning(
                "template::missing-asset",
                format!("`<{tag} src=\"{written}\">`: no such file; WeChat shows nothing for it"),
            )
            .at(&template.file, value.span, format!("looked for {}", self.shown(&path)))
            .help("check the path: it is relative to this page or component, or starts with `/` at the source root");
            let ext = path.rsplit_once('.').map(|(_, e)| e);
            let same_kind =
                self.view.iter().map(|(p, _)| p.as_str()).filter(|p| p.rsplit_once('.').map(|(_, e)| e) == ext);
            if let Some(close) = did_you_mean(&path, same_kind) {
                let shown = if written.starts_with('/') { format!("/{close}") } else { relative(from, close) };
                d = d.help(format!("did you mean `{shown}`?"));
            }
            found.push(d);
        });
    }
}
