//! Stylesheets for one target (LANGUAGE.md §5): each parsed sheet of the IR is checked
//! against what the platform rejects, its `@import`s and `url()`s resolved, component class
//! names scoped where the platform has no isolation, `rpx` converted where it is not
//! understood, and printed by lightningcss for the platforms' browsers (always with
//! [`browsers`], so media queries keep the syntax old WebViews read). Development builds get
//! a source map; `--release` minifies.

mod imports;
mod lint;
mod merge_runs;
pub mod scope;
pub mod units;
mod urls;

use lightningcss::stylesheet::{MinifyOptions, PrinterOptions};
use lightningcss::targets::{Browsers, Features, Targets};
use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::ir::{Project, StyleSheet};
use miniweave_compiler::style::Css;
use miniweave_compiler::target::Target;
use parcel_sourcemap::SourceMap;

pub use scope::Scope;

/// The renderers behind the platforms: iOS 10 and Android 5.0's WebView (Chrome 53), the
/// oldest WeChat and Alipay still run on, and what Weibo's web pages meet. Passed to every
/// print, so nothing newer than they read is written.
///
/// Selectors are never lowered: lightningcss would write `:dir(rtl)` as
/// `:-webkit-any(:lang(ae), :lang(ar), …)` and `:not(.a, .b)` as `:not(:-webkit-any(.a, .b))`,
/// and WeChat's wcsc rejects any selector list inside a pseudo-class (`error at token ,`).
/// Selectors are written as the user wrote them, which wcsc accepts, on every target alike.
pub fn browsers() -> Targets {
    Targets {
        browsers: Some(Browsers {
            ios_saf: Some(10 << 16),
            android: Some(53 << 16),
            chrome: Some(53 << 16),
            ..Default::default()
        }),
        include: Features::empty(),
        exclude: Features::Selectors,
    }
}

/// What a stylesheet is to its unit: how it is scoped and what its imports become.
#[derive(Debug, Clone)]
pub enum Role {
    /// `app.wxss` and page styles: global on every platform.
    Global,
    /// A component's own styles, with its scope where the target scopes class names itself
    /// (none on WeChat, which isolates components, nor for a `shared` component).
    Component(Option<Scoping>),
    /// A stylesheet only other stylesheets import.
    Shared,
}

/// A component's class-name scope, and the scopes of the units that use it: their class
/// names are the ones on its host element, which `:host(.x)` names.
#[derive(Debug, Clone)]
pub struct Scoping {
    pub scope: Scope,
    pub hosts: Vec<Option<Scope>>,
}

/// How one target writes stylesheets.
#[derive(Debug, Clone, Copy)]
pub struct StyleTarget {
    pub target: Target,
    /// The extension stylesheets get (`wxss`, `acss`, `css`).
    pub ext: &'static str,
    pub release: bool,
    /// Where output paths go (Alipay's folder renames, Weibo's `src/`).
    pub place: fn(&str) -> String,
}

impl StyleTarget {
    /// Whether a component's stylesheet takes in what it imports, so that the imported rules
    /// are scoped with it (the targets that scope class names themselves).
    fn inlines_imports(&self) -> bool {
        self.target != Target::Wechat
    }
}

/// A stylesheet ready to write: CSS, and a source map in development builds (the writer
/// links it).
pub struct EmittedStyle {
    pub code: String,
    pub map: Option<String>,
}

/// One stylesheet for `target`: `logical` is its own logical path (imports and `url()`s
/// resolve from it), `out` the path it is written to (relative `url()`s are made from it).
pub fn emit(
    project: &Project,
    sheet: &StyleSheet,
    logical: &str,
    out: &str,
    role: &Role,
    target: &StyleTarget,
    diags: &mut Vec<Diagnostic>,
) -> Option<EmittedStyle> {
    let css = sheet.css.as_ref()?;
    let mut css: Css = (**css).clone();
    diags.extend(lint::check(&mut css, sheet, role, target.target));
    let ctx = urls::Context { project, target, out };
    urls::rewrite(&mut css, sheet, logical, &ctx, diags);
    let inline = matches!(role, Role::Component(_)) && target.inlines_imports();
    imports::resolve_imports(&mut css, logical, &ctx, inline, diags);
    if let Role::Component(Some(scoping)) = role {
        scope::scope_sheet(&mut css, scoping, target.target);
    }
    scope::deep_to_descendant(&mut css);
    if target.target == Target::Alipay {
        crate::alipay::reserved_classes::unreserve_selectors(&mut css);
    }
    if target.target == Target::Weibo {
        units::rpx_to_vw(&mut css);
        if !matches!(role, Role::Component(_)) {
            scope::page_to_root(&mut css);
        }
    }
    print(css, sheet, target, diags)
}

fn print(mut css: Css, sheet: &StyleSheet, target: &StyleTarget, diags: &mut Vec<Diagnostic>) -> Option<EmittedStyle> {
    let targets = browsers();
    let failed = |e: String| {
        Diagnostic::error("style::print", format!("the stylesheet cannot be written: {e}"))
            .at(&sheet.file, miniweave_compiler::source::Span::new(sheet.base, sheet.base), "in this stylesheet")
            .help("this is a bug in miniweave; please report it with the stylesheet")
    };
    // lightningcss writes vendor prefixes and lowers newer syntax for the targets here, so
    // development and release builds behave alike on old renderers; release also minifies.
    merge_runs::merge_same_selector_runs(&mut css.rules.0);
    if let Err(e) = css.minify(MinifyOptions { targets, ..Default::default() }) {
        diags.push(failed(e.to_string()));
        return None;
    }
    let mut map = (!target.release).then(|| {
        let mut map = SourceMap::new("/");
        let index = map.add_source(sheet.file.name());
        let _ = map.set_source_content(index as usize, sheet.file.text());
        map
    });
    let options = PrinterOptions { minify: target.release, targets, source_map: map.as_mut(), ..Default::default() };
    match css.to_css(options) {
        Ok(r) => Some(EmittedStyle { code: requote(r.code), map: map.and_then(|mut m| m.to_json(None).ok()) }),
        Err(e) => {
            diags.push(failed(e.to_string()));
            None
        }
    }
}

/// lightningcss writes every string in double quotes, escaping the ones inside
/// (`content: "\\""`), and wcsc rejects an escaped quote ("unexpected token"; mp-html's
/// `content: '"'`). A string holding `"` but no `'` is written in single quotes instead, which
/// every platform reads alike.
fn requote(code: String) -> String {
    if !code.contains("\\\"") {
        return code;
    }
    let mut out = String::with_capacity(code.len());
    let mut rest = code.as_str();
    while let Some(at) = rest.find(['"', '/']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(comment) = rest.strip_prefix("/*") {
            let end = comment.find("*/").map_or(rest.len(), |e| e + 4);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        if rest.starts_with('/') {
            out.push('/');
            rest = &rest[1..];
            continue;
        }
        // A double-quoted string: find its end past escapes.
        let bytes = rest.as_bytes();
        let mut i = 1;
        while i < bytes.len() && bytes[i] != b'"' {
            i += if bytes[i] == b'\\' { 2 } else { 1 };
        }
        let end = (i + 1).min(rest.len());
        let inner = &rest[1..end.saturating_sub(1).max(1)];
        if inner.contains("\\\"") && !inner.contains('\'') {
            out.push('\'');
            out.push_str(&inner.replace("\\\"", "\""));
            out.push('\'');
        } else {
            out.push_str(&rest[..end]);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::requote;

    #[test]
    fn strings_with_double_quotes_are_single_quoted() {
        assert_eq!(requote(r#"a::after{content:"\""}"#.into()), r#"a::after{content:'"'}"#);
        assert_eq!(requote(r#"/* "\"" */b{content:"x\"y"}"#.into()), r#"/* "\"" */b{content:'x"y'}"#);
        assert_eq!(requote(r#"c{content:"it's \"q\""}"#.into()), r#"c{content:"it's \"q\""}"#);
        assert_eq!(requote(r#"d{background:url("a.png")}"#.into()), r#"d{background:url("a.png")}"#);
    }
}
