//! Selectors each platform rejects or advises against (LANGUAGE.md §5, PLATFORMS.md §4).
//! WeChat's style compiler rejects `*` in any stylesheet (wcsc fails on it); its docs advise
//! only class selectors in components, so id, attribute and tag selectors there are warnings.
//! Alipay has no attribute selectors and reserves class names starting `a-`/`am-`: errors
//! (unless the name is emitted with a component's scope prefix).
//! Vue's deep combinators (`/deep/`, which wcsc accepts, and `>>>`) are warnings: they are
//! written as descendant combinators (scope.rs).
//! Nested rules (CSS nesting) are errors everywhere: the platforms' renderers do not read
//! them, and lowering them needs `:is()`, which those renderers lack too. Every rule is
//! visited, inside `@media`, `@supports`, `@layer`, `@container` or any other block.

use lightningcss::rules::CssRule;
use lightningcss::selector::{Combinator, Component, Selector};
use lightningcss::visit_types;
use lightningcss::visitor::{Visit, VisitTypes, Visitor};
use miniweave_compiler::diagnostics::Diagnostic;
use miniweave_compiler::ir::StyleSheet;
use miniweave_compiler::style::Css;
use miniweave_compiler::target::Target;

use super::Role;

struct Lint<'s> {
    sheet: &'s StyleSheet,
    component: bool,
    target: Target,
    /// Where the style rule being visited starts (its selectors have no spans of their own);
    /// turned into a span only when something is reported.
    at: (u32, u32),
    found: Vec<Diagnostic>,
}

impl Lint<'_> {
    fn push(&mut self, d: Diagnostic) {
        let same =
            |f: &Diagnostic| f.code == d.code && f.labels.first().map(|l| l.span) == d.labels.first().map(|l| l.span);
        if !self.found.iter().any(same) {
            self.found.push(d);
        }
    }

    fn selector(&mut self, selector: &Selector<'_>) {
        let (file, (line, column)) = (&self.sheet.file, self.at);
        let span = || self.sheet.located.span(line, column);
        for c in selector.iter_raw_match_order() {
            match c {
                Component::Negation(inner)
                | Component::Is(inner)
                | Component::Where(inner)
                | Component::Has(inner)
                | Component::Any(_, inner) => inner.iter().for_each(|s| self.selector(s)),
                Component::Slotted(inner) | Component::Host(Some(inner)) => self.selector(inner),
                Component::NthOf(data) => data.selectors().iter().for_each(|s| self.selector(s)),
                Component::Combinator(kind @ (Combinator::Deep | Combinator::DeepDescendant)) => {
                    let written = if *kind == Combinator::Deep { "/deep/" } else { ">>>" };
                    self.push(
                        Diagnostic::warning(
                            "style::deep-combinator",
                            format!("`{written}` is not CSS; it is written as a descendant combinator"),
                        )
                        .at(file, span(), "in this rule")
                        .help(
                            "write `.a .b`; it reaches into a child component only when that component lets \
                             outside rules in (`addGlobalClass`, `styleIsolation`); else pass it an external class",
                        ),
                    )
                }
                Component::ExplicitUniversalType if self.target == Target::Wechat => self.push(
                    Diagnostic::error("style::universal-selector", "WeChat rejects the universal selector `*`")
                        .at(file, span(), "in this rule")
                        .help("name the elements with a class instead"),
                ),
                Component::AttributeInNoNamespaceExists { .. }
                | Component::AttributeInNoNamespace { .. }
                | Component::AttributeOther(_)
                    if self.target == Target::Alipay =>
                {
                    self.push(
                        Diagnostic::error("style::attribute-selector", "Alipay has no attribute selectors")
                            .at(file, span(), "in this rule")
                            .help("give the elements a class, or keep the rule in a /* #if !alipay */ branch"),
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
                        .at(file, span(), "an id, attribute or tag selector")
                        .help("WeChat applies them unreliably inside components; give the element a class"),
                    )
                }
                _ => {}
            }
        }
    }
}

impl<'i> Visitor<'i> for Lint<'_> {
    type Error = std::convert::Infallible;

    fn visit_types(&self) -> VisitTypes {
        visit_types!(RULES | SELECTORS)
    }

    fn visit_rule(&mut self, rule: &mut CssRule<'i>) -> Result<(), Self::Error> {
        if let CssRule::Style(style) = rule {
            self.at = (style.loc.line, style.loc.column);
            if !style.rules.0.is_empty() {
                let span = self.sheet.located.span(style.loc.line, style.loc.column);
                self.push(
                    Diagnostic::error("style::nesting", "nested rules are not read by the platforms' renderers")
                        .at(&self.sheet.file, span, "a rule with rules inside")
                        .help("write each nested rule out with its full selector"),
                );
            }
        }
        rule.visit_children(self)
    }

    fn visit_selector(&mut self, selector: &mut Selector<'i>) -> Result<(), Self::Error> {
        self.selector(selector);
        Ok(())
    }
}

/// The problems with `css` (the parse of `sheet`) on `target`. The visitor API takes the sheet
/// mutably; nothing is changed.
pub fn check(css: &mut Css, sheet: &StyleSheet, role: &Role, target: Target) -> Vec<Diagnostic> {
    let mut lint = Lint { sheet, component: matches!(role, Role::Component(_)), target, at: (0, 1), found: Vec::new() };
    let _ = css.visit(&mut lint);
    lint.found
}
