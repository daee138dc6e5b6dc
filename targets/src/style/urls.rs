//! `url()` of assets in the source root (LANGUAGE.md §5). WeChat does not load local files
//! from styles (its docs: "本地资源无法通过 WXSS 获取"), so an asset up to `assets.inlineLimit` is
//! inlined as a data URI and a bigger one is an error; Alipay wants absolute paths
//! (PLATFORMS.md §9); Weibo's web pages get paths relative to the emitted stylesheet.
//! Remote (`https:`, `//`), `data:` and fragment URLs are left alone.

use base64::Engine;
use lightningcss::values::url::Url;
use lightningcss::visit_types;
use lightningcss::visitor::{Visit, VisitTypes, Visitor};
use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::ir::{Project, StyleSheet};
use miniweave_compiler::project::paths::{dir_of, relative, resolve};
use miniweave_compiler::style::Css;
use miniweave_compiler::target::Target;

use super::StyleTarget;

/// What resolving needs: the project (its assets), the target, and the output path.
pub struct Context<'a> {
    pub project: &'a Project,
    pub target: &'a StyleTarget,
    pub out: &'a str,
}

/// Whether a URL points outside the project's files.
pub fn is_external(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.is_empty()
        || lower.starts_with('#')
        || lower.starts_with("data:")
        || lower.starts_with("//")
        || lower.contains("://")
}

fn mime(path: &str) -> &'static str {
    match path.rsplit('.').next().map(str::to_ascii_lowercase).as_deref() {
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("svg") => "image/svg+xml",
        Some("webp") => "image/webp",
        Some("woff") => "font/woff",
        Some("woff2") => "font/woff2",
        Some("ttf") => "font/ttf",
        Some("otf") => "font/otf",
        _ => "application/octet-stream",
    }
}

struct Rewrite<'a, 'c> {
    ctx: &'c Context<'a>,
    sheet: &'c StyleSheet,
    from_dir: String,
    diags: &'c mut Vec<Diagnostic>,
}

impl Rewrite<'_, '_> {
    fn new_url(&mut self, url: &Url<'_>) -> Option<String> {
        let written = url.url.to_string();
        if is_external(&written) {
            return None;
        }
        // Worked out only for a message. A url()'s location counts lines from 1 (lightningcss
        // `dependencies::Location`), unlike rules'.
        let sheet = self.sheet;
        let span = || {
            let start = sheet.located.offset(url.loc.line.saturating_sub(1), url.loc.column);
            let text = sheet.file.text();
            let end = text[start..].find(')').map_or(text.len(), |i| start + i + 1);
            miniweave_compiler::source::Span::new(start, end)
        };
        let file = &self.sheet.file;
        // `font.woff2?v=3#x`: the file, then what the browser gets as it was written.
        let cut = written.find(['?', '#']).unwrap_or(written.len());
        let (path, suffix) = written.split_at(cut);
        let Ok(asset_path) = resolve(&self.from_dir, path) else {
            self.diags.push(
                Diagnostic::error("style::bad-url", format!("`url({written})` leads outside the source root"))
                    .at(file, span(), "this path")
                    .help("put the file under the source root, or use an https:// URL"),
            );
            return None;
        };
        // wcsc does not look for the file, and WeChat shows nothing for it: a warning, and the
        // url() stays as written.
        let Some(asset) = self.ctx.project.assets.get(&asset_path) else {
            self.diags.push(
                Diagnostic::warning(
                    "style::missing-asset",
                    format!("`url({written})`: no such file; WeChat shows nothing for it"),
                )
                .at(file, span(), format!("looked for {asset_path}"))
                .help("check the path: it is relative to this stylesheet, or starts with `/` at the source root"),
            );
            return None;
        };
        let placed = (self.ctx.target.place)(&asset_path);
        Some(match self.ctx.target.target {
            Target::Wechat => {
                let limit = self.ctx.project.options.inline_limit();
                if asset.bytes.len() as u64 > limit {
                    self.diags.push(
                        Diagnostic::error(
                            "style::asset-too-big",
                            format!(
                                "`{written}` is {} bytes: WeChat does not load local files from styles, and it is over assets.inlineLimit ({limit} bytes) to inline",
                                asset.bytes.len()
                            ),
                        )
                        .at(file, span(), "a local file in a style")
                        .help("show it with <image>, serve it from an https:// URL, or raise assets.inlineLimit in miniweave.json"),
                    );
                    return None;
                }
                let data = base64::engine::general_purpose::STANDARD.encode(asset.bytes.as_slice());
                format!("data:{};base64,{data}", mime(&asset_path))
            }
            Target::Alipay => format!("/{placed}{suffix}"),
            Target::Weibo => format!("{}{suffix}", relative(dir_of(self.ctx.out), &placed)),
        })
    }
}

impl<'i> Visitor<'i> for Rewrite<'_, '_> {
    type Error = std::convert::Infallible;

    fn visit_types(&self) -> VisitTypes {
        visit_types!(URLS)
    }

    fn visit_url(&mut self, url: &mut Url<'i>) -> Result<(), Self::Error> {
        if let Some(new) = self.new_url(url) {
            url.url = new.into();
        }
        Ok(())
    }
}

/// Rewrites every `url()` of `css` (the parse of `sheet`, at logical path `logical`).
pub fn rewrite(css: &mut Css, sheet: &StyleSheet, logical: &str, ctx: &Context<'_>, diags: &mut Vec<Diagnostic>) {
    let mut visitor = Rewrite { ctx, sheet, from_dir: dir_of(logical).to_string(), diags };
    let _ = css.visit(&mut visitor);
}
