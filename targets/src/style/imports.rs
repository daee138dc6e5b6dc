//! `@import` (LANGUAGE.md §5): the frontend loaded every imported stylesheet (relative or
//! `/`-rooted paths). Where the stylesheet stays global, an import stays an `@import` of the
//! emitted file, with the target's extension, relative to the importing file. A component's
//! stylesheet on a target that scopes class names itself takes the imported rules in, so that
//! each component's copy is scoped with it (Vant's components all import one shared sheet).

use lightningcss::media_query::MediaList;
use lightningcss::rules::media::MediaRule;
use lightningcss::rules::supports::{SupportsCondition, SupportsRule};
use lightningcss::rules::{CssRule, CssRuleList, Location};
use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::ir::{StyleSheet, UnitKind};
use miniweave_compiler::project::load::style_import_paths;
use miniweave_compiler::project::paths::{dir_of, relative};
use miniweave_compiler::style::Css;
use miniweave_compiler::target::Target;

use super::urls::{self, Context, is_external};
use crate::common::paths::with_ext;

/// Resolves the `@import`s of `css` (the parse of `sheet`, at logical path `logical`):
/// inlined when `inline`, else pointed at the emitted files. Each inlined sheet has its own
/// `url()`s rewritten from its own place first.
pub fn resolve_imports(css: &mut Css, logical: &str, ctx: &Context<'_>, inline: bool, diags: &mut Vec<Diagnostic>) {
    let mut seen = vec![logical.to_string()];
    resolve_in(css, logical, ctx, inline, &mut seen, diags);
}

fn resolve_in(
    css: &mut Css,
    logical: &str,
    ctx: &Context<'_>,
    inline: bool,
    seen: &mut Vec<String>,
    diags: &mut Vec<Diagnostic>,
) {
    let mut rules = Vec::with_capacity(css.rules.0.len());
    for rule in std::mem::take(&mut css.rules.0) {
        let CssRule::Import(mut import) = rule else {
            rules.push(rule);
            continue;
        };
        let written = import.url.to_string();
        let candidates = if is_external(&written) { Vec::new() } else { style_import_paths(logical, &written) };
        // Missing and escaping imports were reported when the project was loaded.
        let Some((path, sheet)) = candidates.into_iter().find_map(|p| ctx.project.stylesheet(&p).map(|s| (p, s)))
        else {
            rules.push(CssRule::Import(import));
            continue;
        };
        // A component's own stylesheet is emitted scoped to it; whoever else imports it takes
        // its rules in, so they read as written (or as the importer scopes them).
        let component_style = path
            .strip_suffix(".wxss")
            .and_then(|u| ctx.project.units.get(u))
            .is_some_and(|u| u.kind == UnitKind::Component && ctx.target.target != Target::Wechat);
        if (inline || component_style) && import.layer.is_none() {
            // An import cycle (a imports b imports a) takes each sheet in once.
            if !seen.contains(&path) {
                seen.push(path.clone());
                let taken = inlined(sheet, &path, ctx, seen, diags);
                rules.extend(under_conditions(taken, import.media, import.supports, import.loc));
            }
            continue;
        }
        let placed = (ctx.target.place)(&with_ext(&path, ctx.target.ext));
        let mut url = relative(dir_of(ctx.out), &placed);
        if !url.starts_with('.') {
            url = format!("./{url}");
        }
        import.url = url.into();
        rules.push(CssRule::Import(import));
    }
    css.rules.0 = rules;
}

/// Imported rules under the import's media query and `supports()` condition, as the browser
/// would apply them.
fn under_conditions(
    rules: Vec<CssRule<'static>>,
    media: MediaList<'static>,
    supports: Option<SupportsCondition<'static>>,
    loc: Location,
) -> Vec<CssRule<'static>> {
    let mut rules = rules;
    if let Some(condition) = supports {
        rules = vec![CssRule::Supports(SupportsRule { condition, rules: CssRuleList(rules), loc })];
    }
    if !media.media_queries.is_empty() {
        rules = vec![CssRule::Media(MediaRule { query: media, rules: CssRuleList(rules), loc })];
    }
    rules
}

/// The rules of an imported stylesheet, ready to stand in its importer.
fn inlined(
    sheet: &StyleSheet,
    logical: &str,
    ctx: &Context<'_>,
    seen: &mut Vec<String>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<CssRule<'static>> {
    let Some(css) = &sheet.css else { return Vec::new() };
    let mut css: Css = (**css).clone();
    urls::rewrite(&mut css, sheet, logical, ctx, diags);
    resolve_in(&mut css, logical, ctx, true, seen, diags);
    css.rules.0
}
