//! Selectors each platform rejects or advises against (LANGUAGE.md §5, PLATFORMS.md §4).
//! WeChat's style compiler rejects `*` in any stylesheet (wcsc fails on it); its docs advise
//! only class selectors in components, so id, attribute and tag selectors there are warnings.
//! Alipay has no attribute selectors and reserves class names starting `a-`/`am-`: errors.

use lightningcss::rules::CssRule;
use lightningcss::selector::{Component, Selector};
use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::ir::StyleSheet;
use miniweave_compiler::source::Span;
use miniweave_compiler::style::Css;
use miniweave_compiler::target::Target;

use super::Role;

struct Lint<'s> {
    sheet: &'s StyleSheet,
    component: bool,
    target: Target,
    found: Vec<Diagnostic>,
}

impl Lint<'_> {
    fn push(&mut self, d: Diagnostic) {
        if !self
            .found
            .iter()
            .any(|f| f.code == d.code && f.labels.first().map(|l| l.span) == d.labels.first().map(|l| l.span))
        {
            self.found.push(d);
        }
    }

    fn selector(&mut self, selector: &Selector<'_>, span: Span) {
        let file = &self.sheet.file;
        for c in selector.iter_raw_match_order() {
            match c {
                Component::Negation(inner) | Component::Is(inner) | Component::Where(inner) | Component::Has(inner) => {
                    inner.iter().for_each(|s| self.selector(s, span))
                }
                Component::ExplicitUniversalType if self.target == Target::Wechat => self.push(
                    Diagnostic::error("style::universal-selector", "WeChat rejects the universal selector `*`")
                        .at(file, span, "in this rule")
                        .help("name the elements with a class instead"),
                ),
                Component::AttributeInNoNamespaceExists { .. }
                | Component::AttributeInNoNamespace { .. }
                | Component::AttributeOther(_)
                    if self.target == Target::Alipay =>
                {
                    self.push(
                        Diagnostic::error("style::attribute-selector", "Alipay has no attribute selectors")
                            .at(file, span, "in this rule")
                            .help("give the elements a class, or keep the rule in a /* #if !alipay */ branch"),
                    )
                }
                Component::Class(name)
                    if self.target == Target::Alipay && (name.0.starts_with("a-") || name.0.starts_with("am-")) =>
                {
                    self.push(
                        Diagnostic::error(
                            "style::reserved-class",
                            format!("Alipay reserves class names starting `a-` or `am-` (`.{}`)", name.0),
                        )
                        .at(file, span, "in this rule")
                        .help("rename the class"),
                    )
                }
                Component::ID(_)
                | Component::LocalName(_)
                | Component::AttributeInNoNamespaceExists { .. }
                | Component::AttributeInNoNamespace { .. }
                | Component::AttributeOther(_)
                    if self.component =>
                {
                    self.push(
                        Diagnostic::warning(
                            "style::component-selector",
                            "component styles should use class selectors only",
                        )
                        .at(file, span, "an id, attribute or tag selector")
                        .help("WeChat applies them unreliably inside components; give the element a class"),
                    )
                }
                _ => {}
            }
        }
    }

    fn rules(&mut self, rules: &[CssRule<'_>]) {
        for rule in rules {
            match rule {
                CssRule::Style(style) => {
                    let span = self.sheet.located.span(style.loc.line, style.loc.column);
                    for s in &style.selectors.0 {
                        self.selector(s, span);
                    }
                    self.rules(&style.rules.0);
                }
                CssRule::Media(m) => self.rules(&m.rules.0),
                CssRule::Supports(s) => self.rules(&s.rules.0),
                _ => {}
            }
        }
    }
}

/// The problems with `css` (the parse of `sheet`) on `target`.
pub fn check(css: &Css, sheet: &StyleSheet, role: &Role, target: Target) -> Vec<Diagnostic> {
    let mut lint = Lint { sheet, component: matches!(role, Role::Component(_)), target, found: Vec::new() };
    lint.rules(&css.rules.0);
    lint.found
}
