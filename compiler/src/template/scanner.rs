//! The WXML scanner: text to a raw element tree with byte spans.
//!
//! WXML is not HTML (ARCHITECTURE.md "Templates are not HTML"): names keep their case,
//! `/>` closes any element, there are no implied end tags, and `{{a<b}}` is an expression,
//! not a tag. This scanner is mustache-aware, keeps attribute values and text as written
//! (entities are not decoded; every target reads them the same way), keeps `<wxs>` bodies
//! raw, and records a span for every element, name, attribute, value and text node.
//! Spans are relative to the scanned text; the caller adds the text's offset in its file.

use crate::source::Span;

use super::mustache::{Unclosed, find_close};

/// Deeper element nesting than this is refused with a diagnostic (stack safety).
pub const MAX_DEPTH: usize = 256;

#[derive(Debug, Clone)]
pub struct RawDocument {
    pub nodes: Vec<RawNode>,
}

#[derive(Debug, Clone)]
pub enum RawNode {
    Element(RawElement),
    Text(RawText),
    Comment(RawText),
}

#[derive(Debug, Clone)]
pub struct RawText {
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct RawElement {
    pub name: String,
    pub name_span: Span,
    pub attrs: Vec<RawAttr>,
    pub children: Vec<RawNode>,
    pub self_closing: bool,
    /// From `<` to the end of the closing tag.
    pub span: Span,
    /// The opening tag alone.
    pub open_tag: Span,
}

#[derive(Debug, Clone)]
pub struct RawAttr {
    pub name: String,
    pub name_span: Span,
    pub value: Option<RawText>,
    /// The whole `name="value"`.
    pub span: Span,
}

/// A problem found while scanning. Errors stop the scan (no recovery); warnings do not.
#[derive(Debug, Clone)]
pub struct ScanProblem {
    pub error: bool,
    pub code: &'static str,
    pub message: String,
    pub span: Span,
    pub label: String,
    pub help: Option<String>,
    pub also: Option<(Span, String)>,
}

impl ScanProblem {
    fn error(code: &'static str, message: impl Into<String>, span: Span, label: impl Into<String>) -> Self {
        ScanProblem { error: true, code, message: message.into(), span, label: label.into(), help: None, also: None }
    }

    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    fn warning(mut self) -> Self {
        self.error = false;
        self
    }

    fn also(mut self, span: Span, label: impl Into<String>) -> Self {
        self.also = Some((span, label.into()));
        self
    }
}

/// The scan of one WXML text: the tree when there was no error, and every problem found.
#[derive(Debug, Clone)]
pub struct Scan {
    pub document: Option<RawDocument>,
    pub problems: Vec<ScanProblem>,
}

/// Elements whose body is kept verbatim up to their end tag.
const RAW_TEXT_ELEMENTS: &[&str] = &["wxs"];

pub fn scan(text: &str) -> Scan {
    let mut scanner = Scanner { text, bytes: text.as_bytes(), pos: 0, warnings: Vec::new() };
    match scanner.document() {
        Ok(nodes) => Scan { document: Some(RawDocument { nodes }), problems: scanner.warnings },
        Err(e) => {
            let mut problems = scanner.warnings;
            problems.push(*e);
            Scan { document: None, problems }
        }
    }
}

type Result<T> = std::result::Result<T, Box<ScanProblem>>;

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    warnings: Vec<ScanProblem>,
}

struct Open {
    element: RawElement,
    children: Vec<RawNode>,
}

fn is_name_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_name_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')
}

impl<'a> Scanner<'a> {
    /// The span of the character at byte `at` (which may be several bytes), or an empty
    /// span at the end of the text.
    fn char_span(&self, at: usize) -> Span {
        let len = self.text.get(at..).and_then(|rest| rest.chars().next()).map_or(0, char::len_utf8);
        Span::new(at, at + len)
    }

    fn starts_with(&self, s: &str) -> bool {
        self.bytes[self.pos..].starts_with(s.as_bytes())
    }

    fn document(&mut self) -> Result<Vec<RawNode>> {
        let mut stack: Vec<Open> = Vec::new();
        let mut root: Vec<RawNode> = Vec::new();
        while self.pos < self.bytes.len() {
            let node = if self.starts_with("<!--") {
                Some(self.comment()?)
            } else if self.starts_with("</") {
                self.end_tag(&mut stack, &mut root)?;
                None
            } else if self.bytes[self.pos] == b'<' {
                if !self.bytes.get(self.pos + 1).copied().is_some_and(is_name_start) {
                    return Err(Box::new(
                        ScanProblem::error(
                            "template::stray-lt",
                            "`<` in text",
                            Span::new(self.pos, self.pos + 1),
                            "not the start of a tag",
                        )
                        .help("write `&lt;` for a literal `<`, or put the comparison inside `{{ }}`"),
                    ));
                }
                let element = self.start_tag()?;
                if element.self_closing {
                    Some(RawNode::Element(element))
                } else if RAW_TEXT_ELEMENTS.contains(&element.name.as_str()) {
                    Some(RawNode::Element(self.raw_text_element(element)?))
                } else {
                    if stack.len() >= MAX_DEPTH {
                        return Err(Box::new(
                            ScanProblem::error(
                                "template::too-deep",
                                format!("elements nested more than {MAX_DEPTH} levels deep"),
                                element.open_tag,
                                "too deep",
                            )
                            .help("flatten the template, or split it into components"),
                        ));
                    }
                    stack.push(Open { element, children: Vec::new() });
                    None
                }
            } else {
                Some(self.text_node()?)
            };
            if let Some(node) = node {
                match stack.last_mut() {
                    Some(open) => open.children.push(node),
                    None => root.push(node),
                }
            }
        }
        if let Some(open) = stack.pop() {
            let name = &open.element.name;
            let mut problem = ScanProblem::error(
                "template::unclosed-tag",
                format!("<{name}> is never closed"),
                open.element.open_tag,
                "opened here",
            )
            .help(format!("close it with `</{name}>`, or write `<{name} ... />`"));
            if let Some(parent) = stack.last() {
                problem = problem.also(parent.element.open_tag, format!("inside this <{}>", parent.element.name));
            }
            return Err(Box::new(problem));
        }
        Ok(root)
    }

    fn comment(&mut self) -> Result<RawNode> {
        let start = self.pos;
        match self.text[start + 4..].find("-->") {
            Some(n) => {
                let end = start + 4 + n + 3;
                self.pos = end;
                Ok(RawNode::Comment(RawText {
                    text: self.text[start + 4..end - 3].to_string(),
                    span: Span::new(start, end),
                }))
            }
            None => Err(Box::new(
                ScanProblem::error(
                    "template::unclosed-comment",
                    "comment is never closed",
                    Span::new(start, start + 4),
                    "opened here",
                )
                .help("close it with `-->`"),
            )),
        }
    }

    fn text_node(&mut self) -> Result<RawNode> {
        let start = self.pos;
        while self.pos < self.bytes.len() && self.bytes[self.pos] != b'<' {
            if self.starts_with("{{") {
                match find_close(self.text, self.pos, None) {
                    Ok(close) => self.pos = close + 2,
                    Err(_) => {
                        return Err(Box::new(
                            ScanProblem::error(
                                "template::unclosed-mustache",
                                "`{{` is never closed",
                                Span::new(self.pos, self.pos + 2),
                                "opened here",
                            )
                            .help("close the expression with `}}`"),
                        ));
                    }
                }
            } else {
                self.pos += 1;
            }
        }
        Ok(RawNode::Text(RawText { text: self.text[start..self.pos].to_string(), span: Span::new(start, self.pos) }))
    }

    fn name(&mut self) -> Span {
        let start = self.pos;
        while self.pos < self.bytes.len() && is_name_char(self.bytes[self.pos]) {
            self.pos += 1;
        }
        Span::new(start, self.pos)
    }

    fn skip_whitespace(&mut self) {
        while self.pos < self.bytes.len() && self.bytes[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn start_tag(&mut self) -> Result<RawElement> {
        let start = self.pos;
        self.pos += 1;
        let name_span = self.name();
        let name = self.text[name_span.start..name_span.end].to_string();
        let mut attrs: Vec<RawAttr> = Vec::new();
        loop {
            self.skip_whitespace();
            if self.pos >= self.bytes.len() {
                return Err(Box::new(
                    ScanProblem::error(
                        "template::unclosed-tag",
                        format!("the <{name}> tag is never closed with `>`"),
                        name_span,
                        "tag starts here",
                    )
                    .help("end the tag with `>` or `/>`"),
                ));
            }
            if self.starts_with("/>") {
                self.pos += 2;
                let span = Span::new(start, self.pos);
                return Ok(RawElement {
                    name,
                    name_span,
                    attrs,
                    children: Vec::new(),
                    self_closing: true,
                    span,
                    open_tag: span,
                });
            }
            if self.bytes[self.pos] == b'>' {
                self.pos += 1;
                let span = Span::new(start, self.pos);
                return Ok(RawElement {
                    name,
                    name_span,
                    attrs,
                    children: Vec::new(),
                    self_closing: false,
                    span,
                    open_tag: span,
                });
            }
            let attr = self.attribute(&name)?;
            if let Some(first) = attrs.iter().find(|a| a.name == attr.name) {
                self.warnings.push(ScanProblem {
                    error: false,
                    code: "template::duplicate-attribute",
                    message: format!("attribute `{}` is written twice", attr.name),
                    span: attr.name_span,
                    label: "written again here".into(),
                    help: Some("remove one of them; which one wins differs between platforms".into()),
                    also: Some((first.name_span, "first written here".into())),
                });
            }
            attrs.push(attr);
        }
    }

    fn attribute(&mut self, tag: &str) -> Result<RawAttr> {
        let start = self.pos;
        while self.pos < self.bytes.len() {
            let b = self.bytes[self.pos];
            if b.is_ascii_whitespace() || matches!(b, b'=' | b'>' | b'"' | b'\'' | b'<') || self.starts_with("/>") {
                break;
            }
            self.pos += 1;
        }
        let name_span = Span::new(start, self.pos);
        if name_span.is_empty() {
            let ch = self.text[self.pos..].chars().next().unwrap_or(' ');
            return Err(Box::new(ScanProblem::error(
                "template::bad-attribute",
                format!("unexpected `{ch}` in the <{tag}> tag"),
                Span::new(self.pos, self.pos + ch.len_utf8()),
                "expected an attribute name, `>` or `/>`",
            )));
        }
        let name = self.text[start..self.pos].to_string();
        let before_eq = self.pos;
        self.skip_whitespace();
        if self.pos >= self.bytes.len() || self.bytes[self.pos] != b'=' {
            self.pos = before_eq;
            return Ok(RawAttr { name, name_span, value: None, span: name_span });
        }
        self.pos += 1;
        self.skip_whitespace();
        let quote = self.bytes.get(self.pos).copied();
        // wcc reads a value that opens without a quote up to the next `"` (Lin UI's example
        // app has `image=https://…"`); with no whitespace or tag end before that quote it
        // compiles, so it is a warning here too.
        if !matches!(quote, Some(b'"' | b'\'')) {
            let rest = &self.text[self.pos..];
            let end = rest.find(|c: char| c == '"' || c.is_whitespace() || c == '>' || c == '<');
            if let Some(len) = end.filter(|&len| len > 0 && rest.as_bytes()[len] == b'"') {
                let value_start = self.pos;
                self.pos += len + 1;
                self.warnings.push(
                    ScanProblem::error(
                        "template::unquoted-value",
                        format!("the value of `{name}` has no opening quote; WeChat reads it up to the `\"`"),
                        self.char_span(value_start),
                        "value starts here",
                    )
                    .help(format!("write {name}=\"...\""))
                    .warning(),
                );
                let value = RawText {
                    text: self.text[value_start..value_start + len].to_string(),
                    span: Span::new(value_start, value_start + len),
                };
                return Ok(RawAttr { name, name_span, value: Some(value), span: Span::new(start, self.pos) });
            }
        }
        let Some(quote @ (b'"' | b'\'')) = quote else {
            return Err(Box::new(
                ScanProblem::error(
                    "template::unquoted-value",
                    format!("the value of `{name}` is not quoted"),
                    self.char_span(self.pos),
                    "value starts here",
                )
                .help(format!("write {name}=\"...\"")),
            ));
        };
        let value_start = self.pos + 1;
        let mut i = value_start;
        loop {
            match self.bytes.get(i) {
                None => {
                    return Err(Box::new(
                        ScanProblem::error(
                            "template::unclosed-value",
                            format!("the value of `{name}` is never closed"),
                            Span::new(value_start - 1, value_start),
                            "opened here",
                        )
                        .help(format!("close it with {}", quote as char)),
                    ));
                }
                Some(&b) if b == quote => break,
                Some(b'{') if self.bytes.get(i + 1) == Some(&b'{') => match find_close(self.text, i, Some(quote)) {
                    Ok(close) => i = close + 2,
                    Err(Unclosed::AttrQuote(at)) => {
                        return Err(Box::new(
                            ScanProblem::error(
                                "template::quote-in-expression",
                                format!(
                                    "the expression in `{name}` contains the attribute's own quote {}",
                                    quote as char
                                ),
                                Span::new(at, at + 1),
                                "this quote ends the attribute value",
                            )
                            .help(format!(
                                "use {} for strings inside the expression",
                                if quote == b'"' { "single quotes '...'" } else { "double quotes \"...\"" }
                            )),
                        ));
                    }
                    Err(Unclosed::End) => {
                        return Err(Box::new(
                            ScanProblem::error(
                                "template::unclosed-mustache",
                                "`{{` is never closed",
                                Span::new(i, i + 2),
                                "opened here",
                            )
                            .help("close the expression with `}}`"),
                        ));
                    }
                },
                Some(_) => i += 1,
            }
        }
        self.pos = i + 1;
        let value = RawText { text: self.text[value_start..i].to_string(), span: Span::new(value_start, i) };
        Ok(RawAttr { name, name_span, value: Some(value), span: Span::new(start, self.pos) })
    }

    fn raw_text_element(&mut self, mut element: RawElement) -> Result<RawElement> {
        let close = format!("</{}", element.name);
        let body_start = self.pos;
        let Some(n) = self.text[body_start..].find(&close) else {
            return Err(Box::new(
                ScanProblem::error(
                    "template::unclosed-tag",
                    format!("<{}> is never closed", element.name),
                    element.open_tag,
                    "opened here",
                )
                .help(format!("close it with `</{}>`", element.name)),
            ));
        };
        let body_end = body_start + n;
        self.pos = body_end + close.len();
        self.skip_whitespace();
        if self.bytes.get(self.pos) != Some(&b'>') {
            return Err(Box::new(ScanProblem::error(
                "template::bad-end-tag",
                format!("malformed `</{}>`", element.name),
                Span::new(body_end, self.pos),
                "expected `>`",
            )));
        }
        self.pos += 1;
        element.children.push(RawNode::Text(RawText {
            text: self.text[body_start..body_end].to_string(),
            span: Span::new(body_start, body_end),
        }));
        element.span = Span::new(element.span.start, self.pos);
        Ok(element)
    }

    fn end_tag(&mut self, stack: &mut Vec<Open>, root: &mut Vec<RawNode>) -> Result<()> {
        let start = self.pos;
        self.pos += 2;
        let name_span = self.name();
        let name = &self.text[name_span.start..name_span.end];
        self.skip_whitespace();
        if self.bytes.get(self.pos) != Some(&b'>') {
            return Err(Box::new(
                ScanProblem::error(
                    "template::bad-end-tag",
                    format!("malformed end tag `</{name}`"),
                    Span::new(start, self.pos),
                    "expected `>`",
                )
                .help(format!("write `</{name}>`")),
            ));
        }
        self.pos += 1;
        let tag_span = Span::new(start, self.pos);
        let Some(open) = stack.pop() else {
            return Err(Box::new(
                ScanProblem::error(
                    "template::unexpected-end-tag",
                    format!("`</{name}>` closes nothing"),
                    tag_span,
                    "no open element here",
                )
                .help("remove it, or add the opening tag it was meant to close"),
            ));
        };
        if open.element.name != name {
            let message = format!("mismatched end tag: expected `</{}>`, found `</{name}>`", open.element.name);
            return Err(Box::new(
                ScanProblem::error("template::mismatched-end-tag", message, tag_span, format!("found `</{name}>`"))
                    .also(open.element.open_tag, format!("<{}> opened here is still open", open.element.name))
                    .help(format!("close <{}> first", open.element.name)),
            ));
        }
        let mut element = open.element;
        element.children = open.children;
        element.span = Span::new(element.span.start, self.pos);
        let node = RawNode::Element(element);
        match stack.last_mut() {
            Some(parent) => parent.children.push(node),
            None => root.push(node),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(text: &str) -> RawDocument {
        let s = scan(text);
        s.document.unwrap_or_else(|| panic!("{:?}", s.problems))
    }

    fn error(text: &str) -> ScanProblem {
        scan(text).problems.into_iter().find(|p| p.error).expect("an error")
    }

    fn element(node: &RawNode) -> &RawElement {
        match node {
            RawNode::Element(e) => e,
            other => panic!("not an element: {other:?}"),
        }
    }

    #[test]
    fn keeps_case_spans_and_mustaches() {
        let src = "<my-card userName=\"{{n}}\" bind:tap='go' disabled/>\n<text>{{a<b ? 'lt' : 'ge'}} &amp;</text>";
        let doc = tree(src);
        let card = element(&doc.nodes[0]);
        assert_eq!(card.name, "my-card");
        assert!(card.self_closing);
        assert_eq!(card.attrs[0].name, "userName");
        assert_eq!(card.attrs[0].value.as_ref().unwrap().text, "{{n}}");
        assert!(card.attrs[2].value.is_none());
        let text = element(&doc.nodes[2]);
        let RawNode::Text(t) = &text.children[0] else { panic!() };
        assert_eq!(t.text, "{{a<b ? 'lt' : 'ge'}} &amp;");
        assert_eq!(&src[t.span.start..t.span.end], t.text);
    }

    #[test]
    fn wxs_bodies_are_raw() {
        let doc = tree(
            "<wxs module=\"m\">\nvar f = function(a) { return a < 3 && a > 1; };\nmodule.exports = { f: f };\n</wxs>",
        );
        let wxs = element(&doc.nodes[0]);
        let RawNode::Text(body) = &wxs.children[0] else { panic!() };
        assert!(body.text.contains("a < 3 && a > 1"));
    }

    #[test]
    fn structural_errors() {
        let e = error("<view>\n  <text>hi</view>");
        assert_eq!(e.code, "template::mismatched-end-tag");
        assert_eq!(e.span.start, 17);
        assert_eq!(e.also.unwrap().0.start, 9);
        assert_eq!(error("<view><text>x</text>").code, "template::unclosed-tag");
        assert_eq!(error("</view>").code, "template::unexpected-end-tag");
        assert_eq!(error("<view class=abc/>").code, "template::unquoted-value");
        // wcc reads an unquoted value up to the next `"`.
        let scanned = scan("<view class=abc\">x</view>");
        let Some(RawNode::Element(e)) = scanned.document.as_ref().and_then(|d| d.nodes.first()) else { panic!() };
        assert_eq!(e.attrs[0].value.as_ref().map(|v| v.text.as_str()), Some("abc"));
        assert_eq!((scanned.problems[0].code, scanned.problems[0].error), ("template::unquoted-value", false));
        assert_eq!(error("<view>a < b</view>").code, "template::stray-lt");
        assert_eq!(error("<view>{{ a </view>").code, "template::unclosed-mustache");
        assert_eq!(error("<view class=\"{{ a ? \"x\" : 'y' }}\"/>").code, "template::quote-in-expression");
        assert_eq!(error("<view class=\"a").code, "template::unclosed-value");
        // A value that starts with a character of several bytes is marked whole.
        assert_eq!(error("<view class=éx/>").span, Span::new(12, 14));
        assert_eq!(scan("<view class=éx\">x</view>").problems[0].span, Span::new(12, 14));
    }

    #[test]
    fn duplicate_attributes_warn() {
        let s = scan("<view class=\"a\" class=\"b\"/>");
        assert!(s.document.is_some());
        assert_eq!(s.problems[0].code, "template::duplicate-attribute");
    }

    #[test]
    fn deep_nesting_is_refused() {
        let src = "<view>".repeat(MAX_DEPTH + 1);
        assert_eq!(error(&src).code, "template::too-deep");
    }

    #[test]
    fn multibyte_text_is_safe() {
        let doc = tree("<view class=\"列表\">名字 {{ 名 }}</view>");
        assert_eq!(element(&doc.nodes[0]).attrs[0].value.as_ref().unwrap().text, "列表");
    }
}
