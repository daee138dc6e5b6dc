//! Tags WeChat does not know and no `usingComponents` declares (`<p>`, `<i>`, `<br>`, a
//! `<cu-custom>` registered in another app's config): wcc compiles them and WeChat renders
//! each as a plain element with no behaviour. The frontend warns about them; here Alipay and
//! Weibo get the nearest built-in, so neither platform is asked to load a component that
//! does not exist: an HTML inline tag holding only text becomes `<text>` (icon fonts are
//! written `<i class="iconfont …">`), anything else a `<view>`.

use miniweave_compiler::ir::Unit;
use miniweave_compiler::ir::template::{Node, Tag, walk_nodes_mut};
use miniweave_compiler::template::builtins::is_builtin;

/// HTML's inline (phrasing) elements that people write in WXML by habit.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "em", "font", "i", "kbd", "label", "mark", "q", "s", "samp",
    "small", "span", "strong", "sub", "sup", "time", "u", "var",
];

/// Renames every undeclared tag in `nodes` (a unit's expanded template) to `text` or `view`.
pub fn replace_undeclared_tags(unit: &Unit, nodes: &mut [Node]) {
    walk_nodes_mut(nodes, &mut |node| {
        let Node::Element(e) = node else { return };
        let Tag::Named(name) = &e.tag else { return };
        if is_builtin(name) || unit.declares(name) {
            return;
        }
        let only_text = e.children.iter().all(|c| matches!(c, Node::Text(_)));
        let plain = if INLINE.contains(&name.as_str()) && only_text { "text" } else { "view" };
        e.tag = Tag::Named(plain.to_string());
    });
}
