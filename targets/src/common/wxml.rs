//! Printing the IR as WXML-family markup (WeChat's WXML, Alipay's AXML). Structure is the
//! same; each platform supplies its spelling: directive prefix, element and attribute
//! names, events, view-script tags and file extensions.

use miniweave_compiler::ir::expr::Expr;
use miniweave_compiler::ir::template::{
    Branch, Element, FileRef, ForKey, ForLoop, IfChain, Node, Segment, TemplateCall, Value, ViewScript,
};

use super::expr::{Dialect, print};
use super::markup::{OutAttr, close_tag, open_tag};

/// An element as a platform spells it: its tag and attributes (directives excluded).
pub struct Spelled {
    pub tag: String,
    pub attrs: Vec<OutAttr>,
}

pub trait Spelling {
    /// `wx:` or `a:`.
    fn prefix(&self) -> &'static str;
    /// Whether `for` and `if` may share one element (WeChat applies `for` first).
    fn merges_for_and_if(&self) -> bool;
    fn element(&mut self, element: &Element) -> Spelled;
    /// A view-script tag, or `None` to drop it.
    fn view_script(&mut self, script: &ViewScript) -> Option<(String, Vec<OutAttr>, Option<String>)>;
    /// The `src` of an `<import>`/`<include>` as this platform names the file.
    fn template_src(&self, src: &str) -> String;
    /// Literal text as this platform's parser takes it.
    fn text<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        std::borrow::Cow::Borrowed(text)
    }
}

/// `{{expr}}`, with a space where the expression itself starts or ends with a brace, so
/// `{{ {a: 1} }}` does not read as `{{{`.
pub fn mustache(expr: &Expr) -> String {
    let inner = print(expr, Dialect::Wxml);
    let lead = if inner.starts_with('{') { " " } else { "" };
    let trail = if inner.ends_with('}') { " " } else { "" };
    format!("{{{{{lead}{inner}{trail}}}}}")
}

pub fn value_text(value: &Value) -> String {
    let mut out = String::new();
    for s in &value.segments {
        match s {
            Segment::Literal(t) => out.push_str(t),
            Segment::Expr(e) => out.push_str(&mustache(e)),
        }
    }
    out
}

pub fn print_document(nodes: &[Node], spelling: &mut dyn Spelling) -> String {
    let mut out = String::new();
    print_nodes(&mut out, nodes, spelling);
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

pub fn print_nodes(out: &mut String, nodes: &[Node], sp: &mut dyn Spelling) {
    for node in nodes {
        match node {
            Node::Element(e) => print_element(out, e, Vec::new(), sp),
            Node::Text(t) => {
                for s in &t.segments {
                    match s {
                        Segment::Literal(text) => out.push_str(&sp.text(text)),
                        Segment::Expr(e) => out.push_str(&mustache(e)),
                    }
                }
            }
            Node::Comment(c) => {
                out.push_str("<!--");
                out.push_str(c);
                out.push_str("-->");
            }
            Node::If(chain) => print_if(out, chain, sp),
            Node::For(l) => print_for(out, l, sp),
            Node::TemplateDef(def) => {
                open_tag(out, "template", &[OutAttr::new("name", def.name.clone())], false);
                print_nodes(out, &def.body, sp);
                close_tag(out, "template");
            }
            Node::TemplateCall(call) => print_call(out, call, Vec::new()),
            Node::Import(r) => file_ref(out, "import", r, sp),
            Node::Include(r) => file_ref(out, "include", r, sp),
            Node::ViewScript(v) => {
                if let Some((tag, attrs, body)) = sp.view_script(v) {
                    match body {
                        Some(code) => {
                            open_tag(out, &tag, &attrs, false);
                            out.push_str(&code);
                            close_tag(out, &tag);
                        }
                        None => open_tag(out, &tag, &attrs, true),
                    }
                }
            }
        }
    }
}

fn print_call(out: &mut String, call: &TemplateCall, mut attrs: Vec<OutAttr>) {
    attrs.push(OutAttr::new("is", value_text(&call.is)));
    if let Some(data) = &call.data {
        attrs.push(OutAttr::new("data", value_text(data)));
    }
    open_tag(out, "template", &attrs, true);
}

fn file_ref(out: &mut String, tag: &str, r: &FileRef, sp: &mut dyn Spelling) {
    open_tag(out, tag, &[OutAttr::new("src", sp.template_src(&r.src))], true);
}

pub fn print_element(out: &mut String, e: &Element, directives: Vec<OutAttr>, sp: &mut dyn Spelling) {
    let spelled = sp.element(e);
    let mut attrs = directives;
    attrs.extend(spelled.attrs);
    if e.children.is_empty() && e.self_closing {
        open_tag(out, &spelled.tag, &attrs, true);
    } else {
        open_tag(out, &spelled.tag, &attrs, false);
        print_nodes(out, &e.children, sp);
        close_tag(out, &spelled.tag);
    }
}

/// Nodes carrying directives: on the element itself when the body is one element,
/// otherwise on a `<block>` around the body.
fn print_with_directives(out: &mut String, body: &[Node], directives: Vec<OutAttr>, sp: &mut dyn Spelling) {
    match body {
        [Node::Element(e)] => print_element(out, e, directives, sp),
        [Node::TemplateCall(call)] => print_call(out, call, directives),
        _ => {
            open_tag(out, "block", &directives, false);
            print_nodes(out, body, sp);
            close_tag(out, "block");
        }
    }
}

fn branch_directive(prefix: &str, index: usize, branch: &Branch) -> OutAttr {
    match (&branch.condition, index) {
        (None, _) => OutAttr::flag(format!("{prefix}else")),
        (Some(c), 0) => OutAttr::new(format!("{prefix}if"), value_text(c)),
        (Some(c), _) => OutAttr::new(format!("{prefix}elif"), value_text(c)),
    }
}

fn print_if(out: &mut String, chain: &IfChain, sp: &mut dyn Spelling) {
    let prefix = sp.prefix();
    for (i, branch) in chain.branches.iter().enumerate() {
        out.push_str(&branch.lead);
        print_with_directives(out, &branch.body, vec![branch_directive(prefix, i, branch)], sp);
    }
}

fn print_for(out: &mut String, l: &ForLoop, sp: &mut dyn Spelling) {
    let prefix = sp.prefix();
    let mut directives = vec![OutAttr::new(format!("{prefix}for"), value_text(&l.list))];
    if l.item != "item" {
        directives.push(OutAttr::new(format!("{prefix}for-item"), l.item.clone()));
    }
    if l.index != "index" {
        directives.push(OutAttr::new(format!("{prefix}for-index"), l.index.clone()));
    }
    if let Some(key) = &l.key {
        let key = match key {
            ForKey::Property(p) => p.clone(),
            ForKey::This => "*this".to_string(),
        };
        directives.push(OutAttr::new(format!("{prefix}key"), key));
    }
    // `<view wx:for wx:if>` means the same as `<block wx:for><view wx:if>`: print the short
    // form where the platform allows it.
    if sp.merges_for_and_if() {
        if let [Node::If(chain)] = l.body.as_slice() {
            if let [Branch { condition: Some(c), body, .. }] = chain.branches.as_slice() {
                if let [Node::Element(e)] = body.as_slice() {
                    directives.push(OutAttr::new(format!("{prefix}if"), value_text(c)));
                    print_element(out, e, directives, sp);
                    return;
                }
            }
        }
    }
    print_with_directives(out, &l.body, directives, sp);
}
