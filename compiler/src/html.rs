//! Static HTML to a rich-text `nodes` array, at compile time.
//!
//! This is where HTML really occurs (ARCHITECTURE.md "Templates are not HTML"): the HTML in
//! `<rich-text nodes="<p>…</p>">` (and, with the scripts issue, imported `.html` files) is
//! parsed by html5ever's tree builder with HTML's own rules, and becomes the array form both
//! platforms accept: Alipay's rich-text takes only arrays, and WeChat renders arrays faster
//! than strings. Element nodes are `{name, attrs, children}`, text nodes `{type, text}`
//! (WeChat's rich-text docs, developers.weixin.qq.com/miniprogram/dev/component/rich-text.html).

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName, local_name, ns, parse_fragment};
use serde_json::{Map, Value, json};

/// Deeper HTML than this is cut off: it would be unreadable as rich text anyway, and the
/// conversion recurses.
const MAX_DEPTH: usize = 200;

#[derive(Debug)]
enum Data {
    Document,
    Element(Vec<Attribute>),
    Text(String),
    Other,
}

#[derive(Debug)]
struct ArenaNode {
    name: QualName,
    data: Data,
    children: Vec<usize>,
    parent: Option<usize>,
}

/// A minimal arena tree for html5ever (the rcdom crate does not match html5ever 0.40:
/// RUST-STACK.md §1).
#[derive(Default)]
struct Arena {
    nodes: RefCell<Vec<ArenaNode>>,
}

impl Arena {
    fn new() -> Self {
        let arena = Arena::default();
        arena.push(Data::Document, QualName::new(None, ns!(), local_name!("")));
        arena
    }

    fn push(&self, data: Data, name: QualName) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(ArenaNode { name, data, children: Vec::new(), parent: None });
        nodes.len() - 1
    }

    fn detach(&self, node: usize) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(parent) = nodes[node].parent.take() {
            nodes[parent].children.retain(|&c| c != node);
        }
    }

    fn insert(&self, parent: usize, index: Option<usize>, child: NodeOrText<usize>) {
        let mut nodes = self.nodes.borrow_mut();
        let at = index.unwrap_or(nodes[parent].children.len());
        match child {
            NodeOrText::AppendText(text) => {
                // Adjacent text merges, as the TreeSink contract asks.
                if at > 0 {
                    let prev = nodes[parent].children[at - 1];
                    if let Data::Text(t) = &mut nodes[prev].data {
                        t.push_str(&text);
                        return;
                    }
                }
                let name = QualName::new(None, ns!(), local_name!(""));
                nodes.push(ArenaNode {
                    name,
                    data: Data::Text(text.to_string()),
                    children: Vec::new(),
                    parent: Some(parent),
                });
                let id = nodes.len() - 1;
                nodes[parent].children.insert(at, id);
            }
            NodeOrText::AppendNode(id) => {
                nodes[id].parent = Some(parent);
                nodes[parent].children.insert(at, id);
            }
        }
    }
}

impl TreeSink for Arena {
    type Handle = usize;
    type Output = Self;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Self {
        self
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |n| &n[*target].name)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _flags: ElementFlags) -> usize {
        self.push(Data::Element(attrs), name)
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        self.push(Data::Other, QualName::new(None, ns!(), local_name!("")))
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.push(Data::Other, QualName::new(None, ns!(), local_name!("")))
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        self.insert(*parent, None, child);
    }

    fn append_based_on_parent_node(&self, element: &usize, prev: &usize, child: NodeOrText<usize>) {
        let has_parent = self.nodes.borrow()[*element].parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}

    fn get_template_contents(&self, target: &usize) -> usize {
        *target
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, child: NodeOrText<usize>) {
        let (parent, index) = {
            let nodes = self.nodes.borrow();
            let Some(parent) = nodes[*sibling].parent else { return };
            let index = nodes[parent].children.iter().position(|&c| c == *sibling);
            (parent, index)
        };
        if let NodeOrText::AppendNode(id) = &child {
            self.detach(*id);
        }
        self.insert(parent, index, child);
    }

    fn add_attrs_if_missing(&self, target: &usize, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let Data::Element(existing) = &mut nodes[*target].data {
            for a in attrs {
                if !existing.iter().any(|e| e.name == a.name) {
                    existing.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &usize) {
        self.detach(*target);
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let children = std::mem::take(&mut self.nodes.borrow_mut()[*node].children);
        let mut nodes = self.nodes.borrow_mut();
        for &c in &children {
            nodes[c].parent = Some(*new_parent);
        }
        nodes[*new_parent].children.extend(children);
    }
}

/// Converts an HTML fragment to a rich-text `nodes` array.
pub fn to_nodes(html: &str) -> Value {
    let context = QualName::new(None, ns!(html), local_name!("body"));
    let arena = parse_fragment(Arena::new(), Default::default(), context, Vec::new(), false).one(html);
    let nodes = arena.nodes.borrow();
    // The fragment parser puts the content under an `<html>` element below the document.
    let root = nodes[0].children.first().copied().unwrap_or(0);
    Value::Array(nodes[root].children.iter().filter_map(|&c| convert(&nodes, c, 0)).collect())
}

fn convert(nodes: &[ArenaNode], id: usize, depth: usize) -> Option<Value> {
    let node = &nodes[id];
    match &node.data {
        Data::Text(text) => Some(json!({ "type": "text", "text": text })),
        Data::Element(attrs) if depth < MAX_DEPTH => {
            let mut map = Map::new();
            for a in attrs {
                map.insert(a.name.local.to_string(), Value::String(a.value.to_string()));
            }
            let children: Vec<Value> = node.children.iter().filter_map(|&c| convert(nodes, c, depth + 1)).collect();
            let mut element = Map::new();
            element.insert("name".into(), Value::String(node.name.local.to_string()));
            if !map.is_empty() {
                element.insert("attrs".into(), Value::Object(map));
            }
            if !children.is_empty() {
                element.insert("children".into(), Value::Array(children));
            }
            Some(Value::Object(element))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_a_nodes_array() {
        let nodes = to_nodes("<p class=\"lead\">Hello <b>world</b> &amp; more</p><img src=\"a.png\">");
        assert_eq!(
            nodes,
            json!([
                { "name": "p", "attrs": { "class": "lead" }, "children": [
                    { "type": "text", "text": "Hello " },
                    { "name": "b", "children": [{ "type": "text", "text": "world" }] },
                    { "type": "text", "text": " & more" }
                ]},
                { "name": "img", "attrs": { "src": "a.png" } }
            ])
        );
    }

    #[test]
    fn html_rules_apply() {
        // An unclosed <p> closes at the next <p>, as a browser would.
        let nodes = to_nodes("<p>one<p>two");
        assert_eq!(nodes.as_array().unwrap().len(), 2);
    }
}
