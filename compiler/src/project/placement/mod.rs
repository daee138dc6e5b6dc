//! Placement: which package each shared file is emitted into (issue 11 item 4; WeChat and
//! Alipay, since Weibo's WBox has one package).
//!
//! - A file under a subpackage's root belongs to that subpackage ([`uses`] reports a use of
//!   it from another package).
//! - Every other file (shared modules, components, templates, view scripts, stylesheets, npm
//!   modules) is placed by use: used by the main package, it stays in main; used by one
//!   subpackage only, it moves into it; used by several subpackages and not by main, it is
//!   copied into each, unless `placement.hoist` names it (then it stays in main, once).
//! - An independent subpackage cannot load anything from main (WeChat `独立分包`), so it
//!   always gets its own copy of what it uses, the app's global components included. WeChat
//!   does not apply app.wxss there either: its pages import a copy of it (and of what it
//!   imports) on WeChat.
//! - Assets keep their paths: templates may name them dynamically (`src="/img/{{n}}.png"`).
//!
//! Paths: a file placed in subpackage `<root>` is emitted at `<root>/__shared__/<path>`, and
//! an npm module at `<root>/miniprogram_npm/<package>/…`, where WeChat's own "build npm" puts
//! a subpackage's packages (WeChat `npm 支持`, developers.weixin.qq.com/miniprogram/dev/devtools/
//! npm.html, "默认的构建 npm 方式": each package.json's node_modules is built into a
//! `miniprogram_npm` beside it, `sub_package/miniprogram_npm` for a subpackage's; and "原理介绍":
//! a file's npm package is looked up from the file's own folder outwards, up to the app's
//! root, so a subpackage's files find its own copy first). Both keep the original path as a
//! suffix, so files moved together keep their relative paths to each other; every
//! other reference is rewritten here, in the IR, and the backends emit it as they find it.

mod assets;
mod rewrite;
mod uses;

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::Diagnostic;
use crate::ir::{Package, Project, package_of};
use crate::project::npm::NPM_DIR;

pub use assets::asset_users;
pub use uses::Item;

/// The folder, inside a subpackage's root, of the shared files placed into it.
pub const SHARED_DIR: &str = "__shared__";

/// Where each placed file goes: the packages holding a copy (0 is main). Files not listed
/// stay where they are.
pub struct Plan {
    homes: BTreeMap<Item, Vec<usize>>,
    packages: Vec<Package>,
}

impl Plan {
    /// The path of `path`'s copy in package `package` (a subpackage).
    fn copy_path(&self, path: &str, package: usize) -> String {
        let root = self.packages[package].root.as_deref().unwrap_or_default();
        if path.starts_with(NPM_DIR) && path[NPM_DIR.len()..].starts_with('/') {
            format!("{root}/{path}")
        } else {
            format!("{root}/{SHARED_DIR}/{path}")
        }
    }

    /// Where a file in package `from` finds `item`: its copy there, else its only place.
    pub fn locate(&self, item: &Item, from: usize) -> String {
        match self.homes.get(item) {
            Some(homes) if from != 0 && homes.contains(&from) => self.copy_path(item.path(), from),
            Some(homes) if !homes.contains(&0) && homes.len() == 1 => self.copy_path(item.path(), homes[0]),
            _ => item.path().to_string(),
        }
    }

    /// The copies of `item` to emit: (path, package).
    pub fn instances(&self, item: &Item) -> Vec<(String, usize)> {
        match self.homes.get(item) {
            Some(homes) => homes
                .iter()
                .map(|&h| (if h == 0 { item.path().to_string() } else { self.copy_path(item.path(), h) }, h))
                .collect(),
            None => vec![(item.path().to_string(), package_of(&self.packages, item.path()))],
        }
    }
}

/// Whether `placement.hoist` names the item: its npm package, or its path or a folder of it.
pub fn hoisted(hoist: &[String], path: &str) -> bool {
    let npm_name = path.strip_prefix(NPM_DIR).and_then(|r| r.strip_prefix('/')).map(|rest| {
        let mut parts = rest.splitn(3, '/');
        match (parts.next(), parts.next()) {
            (Some(scope), Some(name)) if scope.starts_with('@') => format!("{scope}/{name}"),
            (Some(name), _) => name.to_string(),
            _ => String::new(),
        }
    });
    hoist.iter().any(|h| {
        let h = h.trim_matches('/');
        npm_name.as_deref() == Some(h)
            || path == h
            || path.strip_prefix(h).is_some_and(|r| r.starts_with('/') || r.starts_with('.'))
    })
}

/// The packages an item used by `users` is emitted into (see the module's rules).
fn homes(packages: &[Package], users: &BTreeSet<usize>, hoist: bool) -> Vec<usize> {
    let independent: Vec<usize> = users.iter().copied().filter(|&p| packages[p].independent).collect();
    let normal: Vec<usize> = users.iter().copied().filter(|&p| !packages[p].independent).collect();
    let mut homes = match normal.as_slice() {
        [] if independent.is_empty() => vec![0],
        [] => Vec::new(),
        [only] => vec![*only],
        _ if normal.contains(&0) || hoist => vec![0],
        several => several.to_vec(),
    };
    homes.extend(independent);
    homes
}

/// Places the project's shared files into the packages that use them, rewriting every
/// reference to a moved or copied file. Reports uses of a file across subpackage roots.
pub fn place(project: &mut Project, diags: &mut Vec<Diagnostic>) {
    if project.packages.len() < 2 {
        return;
    }
    let users = uses::users(project, diags);
    let hoist = &project.options.placement.hoist;
    let mut plan = Plan { homes: BTreeMap::new(), packages: project.packages.clone() };
    for (item, used_by) in users {
        // Files under a subpackage's root, pages among them, stay where they are.
        if package_of(&project.packages, item.path()) != 0 {
            continue;
        }
        if matches!(&item, Item::Unit(u) if project.units.get(u).is_some_and(|u| u.kind == crate::ir::UnitKind::Page)) {
            continue;
        }
        let homes = homes(&project.packages, &used_by, hoisted(hoist, item.path()));
        if homes != [0] {
            plan.homes.insert(item, homes);
        }
    }
    let independent = project.packages.iter().any(|p| p.independent);
    if !plan.homes.is_empty() || (independent && uses::app_style_copied(project)) {
        rewrite::apply(project, &plan);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn packages() -> Vec<Package> {
        vec![
            Package { root: None, name: None, independent: false },
            Package { root: Some("a".into()), name: None, independent: false },
            Package { root: Some("b".into()), name: None, independent: false },
            Package { root: Some("solo".into()), name: None, independent: true },
        ]
    }

    #[test]
    fn homes_follow_use() {
        let p = packages();
        let set = |v: &[usize]| v.iter().copied().collect::<BTreeSet<_>>();
        assert_eq!(homes(&p, &set(&[0, 1]), false), [0]);
        assert_eq!(homes(&p, &set(&[1]), false), [1]);
        assert_eq!(homes(&p, &set(&[1, 2]), false), [1, 2]);
        assert_eq!(homes(&p, &set(&[1, 2]), true), [0]);
        assert_eq!(homes(&p, &set(&[3]), false), [3]);
        assert_eq!(homes(&p, &set(&[0, 3]), false), [0, 3]);
        assert_eq!(homes(&p, &set(&[1, 3]), true), [1, 3]);
    }

    #[test]
    fn copies_keep_their_path_as_a_suffix() {
        let plan = Plan { homes: BTreeMap::new(), packages: packages() };
        assert_eq!(plan.copy_path("utils/format.js", 1), "a/__shared__/utils/format.js");
        assert_eq!(plan.copy_path("miniprogram_npm/dayjs/index.js", 2), "b/miniprogram_npm/dayjs/index.js");
        assert!(hoisted(&["dayjs".into()], "miniprogram_npm/dayjs/esm/index.js"));
        assert!(hoisted(&["@vant/weapp".into()], "miniprogram_npm/@vant/weapp/button/index"));
        assert!(hoisted(&["components/card".into()], "components/card/card"));
        assert!(hoisted(&["utils/format".into()], "utils/format.js"));
        assert!(!hoisted(&["utils/format".into()], "utils/formatter.js"));
    }
}
