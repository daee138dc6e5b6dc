//! Isolation with WeChat's semantics where the platform has none (LANGUAGE.md §5): Alipay's
//! components only know `shared`/`apply-shared` and Weibo renders web pages, so each
//! component's class names get a stable prefix, in its stylesheet and in its template, and a
//! page's `.title` no longer matches a component's `.title`. Prefixes are `m` and a hash of
//! the component's path: never `a-`/`am-`, which Alipay reserves (PLATFORMS.md §4).

use lightningcss::selector::{Combinator, Component, Selector, SelectorList};
use lightningcss::values::ident::Ident;
use lightningcss::visit_types;
use lightningcss::visitor::{Visit, VisitTypes, Visitor};
use miniweave_compiler::style::Css;
use miniweave_compiler::target::Target;
use smallvec::SmallVec;

use super::Scoping;
use parcel_selectors::parser::NthOfSelectorData;

/// One component's class-name scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    /// `m` and six base-36 digits of the component path's hash (`m3k9x1a`).
    pub prefix: String,
}

impl Scope {
    /// The scope of the component at logical path `unit` (stable across builds and machines).
    pub fn of(unit: &str) -> Scope {
        let mut n = xxhash_rust::xxh3::xxh3_64(unit.as_bytes());
        let mut digits = String::new();
        for _ in 0..6 {
            digits.push(char::from_digit((n % 36) as u32, 36).unwrap_or('0'));
            n /= 36;
        }
        Scope { prefix: format!("m{digits}") }
    }

    /// A class name of the component as emitted (`title` → `m3k9x1a-title`).
    pub fn class(&self, name: &str) -> String {
        format!("{}-{name}", self.prefix)
    }
}

/// Applies `f` to every component of a selector, nested ones included, except inside
/// `:host(…)`: the host's classes are written by the component's user, not scoped with it.
fn rename(selector: &mut Selector<'_>, f: &dyn Fn(&mut Component<'_>)) {
    selector.iter_mut_raw_match_order().for_each(|c| rename_component(c, f));
}

fn rename_component(component: &mut Component<'_>, f: &dyn Fn(&mut Component<'_>)) {
    match component {
        Component::Negation(inner)
        | Component::Is(inner)
        | Component::Where(inner)
        | Component::Has(inner)
        | Component::Any(_, inner) => inner.iter_mut().for_each(|s| rename(s, f)),
        Component::Slotted(inner) => rename(inner, f),
        Component::NthOf(data) => {
            let mut selectors = data.clone_selectors();
            selectors.iter_mut().for_each(|s| rename(s, f));
            *data = NthOfSelectorData::new(*data.nth_data(), selectors);
        }
        _ => {}
    }
    f(component);
}

/// `/deep/` or `>>>` (Vue's deep combinators, which users bring from Vue and uni-app).
fn is_deep(component: &Component<'_>) -> bool {
    matches!(component, Component::Combinator(Combinator::Deep | Combinator::DeepDescendant))
}

/// Applies `f` to the part of a selector before its last deep combinator only: what follows
/// `/deep/` names elements of child components, which keep their names unscoped when they
/// let outside rules in (`addGlobalClass`, `styleIsolation`).
fn rename_before_deep(selector: &mut Selector<'_>, f: &dyn Fn(&mut Component<'_>)) {
    let mut past_deep = false;
    // Match order runs right to left: the components after `/deep/` come first.
    for component in selector.iter_mut_raw_match_order() {
        if past_deep {
            rename_component(component, f);
        }
        past_deep |= is_deep(component);
    }
}

/// `:host(.on)`: the classes inside are written by the component's user, so they take the
/// user's scope (`None`: an unscoped page). On Weibo the host is the component's root element,
/// which carries the bare prefix as a class: `.<prefix>.on`.
fn scope_host(selector: &mut Selector<'_>, user: Option<&Scope>, own: &Scope, target: Target) {
    let mut parts = Vec::new();
    for c in selector.iter_raw_parse_order_from(0) {
        match c {
            Component::Host(inner) => {
                let mut inner = inner.clone();
                if let (Some(inner), Some(user)) = (inner.as_mut(), user) {
                    let f = |c: &mut Component<'_>| {
                        if let Component::Class(name) = c {
                            *name = Ident(user.class(&name.0).into());
                        }
                    };
                    rename(inner, &f);
                }
                if target == Target::Weibo {
                    parts.push(Component::Class(Ident(own.prefix.clone().into())));
                    parts.extend(inner.iter().flat_map(|s| s.iter_raw_parse_order_from(0).cloned()));
                } else {
                    parts.push(Component::Host(inner));
                }
            }
            other => parts.push(other.clone()),
        }
    }
    *selector = Selector::from(parts);
}

fn has_host(selector: &Selector<'_>) -> bool {
    selector.iter_raw_match_order().any(|c| matches!(c, Component::Host(_)))
}

struct Selectors<'f> {
    f: &'f dyn Fn(&mut Component<'_>),
    /// A component's scoping: `:host(…)` selectors become one per scope of its users, and a
    /// selector with `/deep/` gets a copy whose part after it is left unscoped.
    host: Option<(&'f Scoping, Target)>,
}

impl<'i> Visitor<'i> for Selectors<'_> {
    type Error = std::convert::Infallible;

    fn visit_types(&self) -> VisitTypes {
        visit_types!(SELECTORS)
    }

    fn visit_selector_list(&mut self, list: &mut SelectorList<'i>) -> Result<(), Self::Error> {
        let mut out = SmallVec::new();
        let mut renamed = Vec::new();
        for selector in std::mem::take(&mut list.0) {
            // `.a /deep/ .b` as WeChat reads it (a descendant `.b` of the component's own),
            // and as meant (a `.b` inside a child component that lets outside rules in).
            if self.host.is_some() && selector.iter_raw_match_order().any(is_deep) {
                let mut deep = selector.clone();
                rename_before_deep(&mut deep, self.f);
                let mut own = selector;
                rename(&mut own, self.f);
                let differs = own != deep;
                renamed.push(own);
                if differs {
                    renamed.push(deep);
                }
            } else {
                let mut selector = selector;
                rename(&mut selector, self.f);
                renamed.push(selector);
            }
        }
        for selector in renamed {
            match self.host {
                Some((scoping, target)) if has_host(&selector) => {
                    let users: Vec<Option<&Scope>> = if scoping.hosts.is_empty() {
                        vec![None]
                    } else {
                        scoping.hosts.iter().map(Option::as_ref).collect()
                    };
                    for user in users {
                        let mut copy = selector.clone();
                        scope_host(&mut copy, user, &scoping.scope, target);
                        out.push(copy);
                    }
                }
                _ => out.push(selector),
            }
        }
        list.0 = out;
        Ok(())
    }
}

/// Prefixes the class selectors of a component's stylesheet; `:host(.x)` takes the scopes of
/// the component's users. Alipay components have a real host node (`virtualHost: false`) and
/// keep `:host`; on Weibo it is the component's root element.
pub fn scope_sheet(css: &mut Css, scoping: &Scoping, target: Target) {
    let scope = &scoping.scope;
    let f = |c: &mut Component<'_>| {
        if let Component::Class(name) = c {
            *name = Ident(scope.class(&name.0).into());
        }
    };
    let _ = css.visit(&mut Selectors { f: &f, host: Some((scoping, target)) });
}

/// Applies `f` to every component of every selector of a stylesheet.
pub fn rename_selectors(css: &mut Css, f: &dyn Fn(&mut Component<'_>)) {
    let _ = css.visit(&mut Selectors { f, host: None });
}

/// The class names a stylesheet's selectors name.
pub fn class_names(css: &Css) -> std::collections::BTreeSet<String> {
    let names = std::cell::RefCell::new(std::collections::BTreeSet::new());
    let f = |c: &mut Component<'_>| {
        if let Component::Class(name) = c {
            names.borrow_mut().insert(name.0.to_string());
        }
    };
    let mut copy = css.clone();
    let _ = copy.visit(&mut Selectors { f: &f, host: None });
    names.into_inner()
}

/// `/deep/` and `>>>` become descendant combinators, the nearest CSS every platform reads
/// (after [`scope_sheet`], which leaves the part after them unscoped).
pub fn deep_to_descendant(css: &mut Css) {
    let f = |c: &mut Component<'_>| {
        if let Component::Combinator(combinator @ (Combinator::Deep | Combinator::DeepDescendant)) = c {
            *combinator = Combinator::Descendant;
        }
    };
    let _ = css.visit(&mut Selectors { f: &f, host: None });
}

/// Weibo: the `page` element selector of app and page styles is the page's root element.
pub fn page_to_root(css: &mut Css) {
    let f = |c: &mut Component<'_>| {
        if matches!(c, Component::LocalName(l) if l.name.0.eq_ignore_ascii_case("page")) {
            *c = Component::Class(Ident("mw-page".into()));
        }
    };
    let _ = css.visit(&mut Selectors { f: &f, host: None });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_stable_and_tell_components_apart() {
        let a = Scope::of("components/card/card");
        assert_eq!(a, Scope::of("components/card/card"), "the same on every build and machine");
        assert_ne!(a, Scope::of("components/card2/card2"));
        assert_ne!(a, Scope::of("packageA/components/card/card"));
    }
}
