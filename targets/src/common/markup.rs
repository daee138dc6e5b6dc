//! Writing tags: attribute quoting and escaping shared by the WXML, AXML and Vue printers.

/// An attribute to print: name and value (`None` for a boolean attribute).
#[derive(Debug, Clone, PartialEq)]
pub struct OutAttr {
    pub name: String,
    pub value: Option<String>,
}

impl OutAttr {
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        OutAttr { name: name.into(), value: Some(value.into()) }
    }

    pub fn flag(name: impl Into<String>) -> Self {
        OutAttr { name: name.into(), value: None }
    }
}

/// `name="value"`, quoted with `"` unless the value holds one (mini-program expressions may
/// hold either quote, never both: the scanner rejects an expression holding its own quote).
pub fn write_attr(out: &mut String, attr: &OutAttr) {
    out.push(' ');
    out.push_str(&attr.name);
    if let Some(value) = &attr.value {
        let quote = if value.contains('"') && !value.contains('\'') { '\'' } else { '"' };
        out.push('=');
        out.push(quote);
        if quote == '"' {
            out.push_str(&value.replace('"', "&quot;"));
        } else {
            out.push_str(value);
        }
        out.push(quote);
    }
}

/// `<name attrs>` (or `<name attrs/>` when `self_close`).
pub fn open_tag(out: &mut String, name: &str, attrs: &[OutAttr], self_close: bool) {
    out.push('<');
    out.push_str(name);
    for attr in attrs {
        write_attr(out, attr);
    }
    out.push_str(if self_close { "/>" } else { ">" });
}

pub fn close_tag(out: &mut String, name: &str) {
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}
