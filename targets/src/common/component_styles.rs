//! What the targets that scope class names themselves (Alipay, Weibo) need to know about
//! every component's styles, worked out once per build of a target: its isolation, its
//! external classes, and the scopes of the units that use it (whose class names reach its
//! host element, for `:host(.x)`).

use std::collections::{BTreeMap, BTreeSet};

use miniweave_compiler::ir::{ComponentRef, Project, Unit, UnitKind};

use super::class_scope::static_classes;
use super::properties::{Isolation, declared_external_classes, isolation};
use crate::style::scope::class_names;
use crate::style::{Role, Scope, Scoping};

pub struct ComponentStyles {
    /// External classes by component path: what its script declares, and the class names
    /// its template writes that end in `-class` and that its own stylesheet does not style
    /// (WeChat's naming convention for them, `custom-class`), which covers libraries that
    /// build their options in code.
    pub externals: BTreeMap<String, BTreeSet<String>>,
    isolation: BTreeMap<String, Isolation>,
    /// By component path, the prefixes of the units that use it (`None`: an unscoped one).
    users: BTreeMap<String, BTreeSet<Option<String>>>,
}

impl ComponentStyles {
    pub fn of(project: &Project) -> ComponentStyles {
        let components = || project.units.values().filter(|u| u.kind == UnitKind::Component);
        let isolation: BTreeMap<String, Isolation> =
            components().map(|u| (u.path.clone(), isolation(project, u))).collect();
        let externals = components()
            .map(|unit| {
                let npm = unit.script.as_ref().is_some_and(|s| s.npm);
                let mut found =
                    unit.script.as_ref().map(|s| declared_external_classes(&s.module, npm)).unwrap_or_default();
                let styled =
                    unit.style.as_ref().and_then(|s| s.css.as_ref()).map(|c| class_names(c)).unwrap_or_default();
                let conventional = static_classes(&unit.template.nodes);
                found.extend(conventional.into_iter().filter(|c| c.ends_with("-class") && !styled.contains(c)));
                (unit.path.clone(), found)
            })
            .collect();
        let mut styles = ComponentStyles { externals, isolation, users: BTreeMap::new() };
        for unit in project.units.values() {
            let prefix = styles.scope(unit).map(|s| s.prefix);
            for component in unit.components.values() {
                if let ComponentRef::Unit(path) = component {
                    styles.users.entry(path.clone()).or_default().insert(prefix.clone());
                }
            }
        }
        styles
    }

    /// A unit's isolation: pages are global, as WeChat's are to the app.
    pub fn isolation(&self, unit: &Unit) -> Isolation {
        self.isolation.get(&unit.path).copied().unwrap_or(Isolation::Shared)
    }

    /// The scope a unit's class names take: a component's, unless it is `shared`.
    pub fn scope(&self, unit: &Unit) -> Option<Scope> {
        (self.isolation(unit) != Isolation::Shared).then(|| Scope::of(&unit.path))
    }

    /// The role of a unit's own stylesheet.
    pub fn role(&self, unit: &Unit) -> Role {
        if unit.kind == UnitKind::Page {
            return Role::Global;
        }
        Role::Component(self.scope(unit).map(|scope| {
            Scoping {
                scope,
                hosts: self
                    .users
                    .get(&unit.path)
                    .map(|users| users.iter().map(|p| p.clone().map(|prefix| Scope { prefix })).collect())
                    .unwrap_or_default(),
            }
        }))
    }
}
