//! Splitting a `.mini` file into its top-level blocks (LANGUAGE.md §2).
//!
//! Blocks are `<config>`, `<template>`, `<script>` and `<style>`, each at most once, in any
//! order, with comments allowed between them. A block ends at the close tag that matches it
//! by nesting depth, so `<template name="row">…</template>` inside the template block is
//! fine. Only byte ranges are recorded: each block's content is parsed later at its offset,
//! so every diagnostic points into the `.mini` file itself.

use std::sync::Arc;

use crate::diagnostics::{Diagnostic, suggestion};
use crate::source::{SourceFile, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Config,
    Template,
    Script,
    Style,
}

impl BlockKind {
    const ALL: [BlockKind; 4] = [BlockKind::Config, BlockKind::Template, BlockKind::Script, BlockKind::Style];

    pub fn tag(self) -> &'static str {
        match self {
            BlockKind::Config => "config",
            BlockKind::Template => "template",
            BlockKind::Script => "script",
            BlockKind::Style => "style",
        }
    }
}

#[derive(Debug, Clone)]
pub struct BlockAttr {
    pub name: String,
    pub value: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    pub attrs: Vec<BlockAttr>,
    /// The opening tag, `<script lang="ts">`.
    pub open_tag: Span,
    /// The content between the tags: what the block's parser reads.
    pub content: Span,
}

impl Block {
    pub fn attr(&self, name: &str) -> Option<&BlockAttr> {
        self.attrs.iter().find(|a| a.name == name)
    }
}

/// The script language of a `<script>` block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScriptLang {
    Js,
    Ts,
}

#[derive(Debug, Default, Clone)]
pub struct Sfc {
    pub config: Option<Block>,
    pub template: Option<Block>,
    pub script: Option<Block>,
    pub style: Option<Block>,
}

impl Sfc {
    fn slot(&mut self, kind: BlockKind) -> &mut Option<Block> {
        match kind {
            BlockKind::Config => &mut self.config,
            BlockKind::Template => &mut self.template,
            BlockKind::Script => &mut self.script,
            BlockKind::Style => &mut self.style,
        }
    }

    /// The `<script>` block's language, from its `lang` attribute (checked by [`split`]).
    pub fn script_lang(&self) -> ScriptLang {
        match self.script.as_ref().and_then(|b| b.attr("lang")).and_then(|a| a.value.as_deref()) {
            Some("ts" | "typescript") => ScriptLang::Ts,
            _ => ScriptLang::Js,
        }
    }
}

/// Splits `file` into blocks, or reports everything wrong at its top level.
pub fn split(file: &Arc<SourceFile>) -> Result<Sfc, Vec<Diagnostic>> {
    let text = file.text();
    let bytes = text.as_bytes();
    let mut sfc = Sfc::default();
    let mut errors = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if bytes[i..].starts_with(b"<!--") {
            match text[i..].find("-->") {
                Some(end) => i += end + 3,
                None => {
                    errors.push(
                        Diagnostic::error("sfc::unclosed-comment", "comment is never closed")
                            .at(file, Span::new(i, i + 4), "opened here")
                            .help("close it with `-->`"),
                    );
                    break;
                }
            }
            continue;
        }
        if bytes[i] != b'<' || !bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            let end = text[i..].find('\n').map_or(text.len(), |n| i + n);
            errors.push(
                Diagnostic::error("sfc::stray-text", "text outside of any block")
                    .at(file, Span::new(i, end), "not inside <config>, <template>, <script> or <style>")
                    .help("a .mini file holds only <config>, <template>, <script> and <style> blocks and comments"),
            );
            i = end;
            continue;
        }
        match read_block(file, i) {
            Ok((block, next)) => {
                let slot = sfc.slot(block.kind);
                if let Some(previous) = slot {
                    errors.push(
                        Diagnostic::error("sfc::duplicate-block", format!("a second <{}> block", block.kind.tag()))
                            .at(file, block.open_tag, "second block")
                            .also(previous.open_tag, "first block")
                            .help("a .mini file has each block at most once: merge them"),
                    );
                } else {
                    if let Err(e) = check_lang(file, &block) {
                        errors.push(e);
                    }
                    *slot = Some(block);
                }
                i = next;
            }
            Err(e) => {
                errors.push(e);
                break;
            }
        }
    }
    if errors.is_empty() { Ok(sfc) } else { Err(errors) }
}

fn read_block(file: &Arc<SourceFile>, start: usize) -> Result<(Block, usize), Diagnostic> {
    let text = file.text();
    let name_end = text[start + 1..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .map_or(text.len(), |n| start + 1 + n);
    let name = &text[start + 1..name_end];
    let name_span = Span::new(start + 1, name_end);
    let Some(kind) = BlockKind::ALL.into_iter().find(|k| k.tag() == name) else {
        let hint = suggestion(name, BlockKind::ALL.iter().map(|k| k.tag()));
        return Err(Diagnostic::error("sfc::unknown-block", format!("unknown top-level block <{name}>"))
            .at(file, name_span, "not a block")
            .help(if hint.is_empty() {
                "a .mini file holds <config>, <template>, <script> and <style> blocks; elements go inside <template>"
                    .to_string()
            } else {
                hint
            }));
    };
    let Some((tag_end, self_closing)) = find_tag_end(text, name_end) else {
        return Err(Diagnostic::error("sfc::unclosed-tag", format!("the <{name}> tag is never closed with `>`")).at(
            file,
            Span::new(start, name_end),
            "tag starts here",
        ));
    };
    let attrs = parse_attrs(text, name_end, if self_closing { tag_end - 2 } else { tag_end - 1 });
    let open_tag = Span::new(start, tag_end);
    if self_closing {
        let block = Block { kind, attrs, open_tag, content: Span::point(tag_end) };
        return Ok((block, tag_end));
    }
    let close = format!("</{name}>");
    let close_at = if kind == BlockKind::Template {
        find_matching_template_close(text, tag_end)
    } else {
        text[tag_end..].find(&close).map(|n| tag_end + n)
    };
    let Some(close_at) = close_at else {
        return Err(Diagnostic::error("sfc::unclosed-block", format!("<{name}> block is never closed"))
            .at(file, open_tag, "opened here")
            .help(format!("end the block with `{close}`")));
    };
    let block = Block { kind, attrs, open_tag, content: Span::new(tag_end, close_at) };
    Ok((block, close_at + close.len()))
}

/// The end of a tag whose name ends at `from`: the index after its `>` and whether it was
/// `/>`. Quoted attribute values may hold `>`.
fn find_tag_end(text: &str, from: usize) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    let mut quote = None;
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return Some((i + 1, i > from && bytes[i - 1] == b'/')),
            None => {}
        }
        i += 1;
    }
    None
}

/// The `</template>` that closes the template block opened before `from`: nested
/// `<template name>` definitions open and close in between; `<template is/>` calls are
/// self-closing; comments are skipped.
fn find_matching_template_close(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = from;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &text[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |n| n + 3);
        } else if rest.starts_with("</template") && rest[10..].trim_start().starts_with('>') {
            if depth == 0 {
                return Some(i);
            }
            depth -= 1;
            i += 10;
        } else if rest.starts_with("<template")
            && rest[9..].starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/')
        {
            let (end, self_closing) = find_tag_end(text, i + 9)?;
            if !self_closing {
                depth += 1;
            }
            i = end;
        } else {
            i += 1;
        }
    }
    None
}

fn parse_attrs(text: &str, from: usize, to: usize) -> Vec<BlockAttr> {
    let bytes = text.as_bytes();
    let mut attrs = Vec::new();
    let mut i = from;
    while i < to {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let name_start = i;
        while i < to && !bytes[i].is_ascii_whitespace() && bytes[i] != b'=' {
            i += 1;
        }
        let name = text[name_start..i].to_string();
        let mut value = None;
        if i < to && bytes[i] == b'=' {
            i += 1;
            if i < to && (bytes[i] == b'"' || bytes[i] == b'\'') {
                let q = bytes[i];
                let v_start = i + 1;
                i = v_start;
                while i < to && bytes[i] != q {
                    i += 1;
                }
                value = Some(text[v_start..i.min(to)].to_string());
                i += 1;
            } else {
                let v_start = i;
                while i < to && !bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = Some(text[v_start..i].to_string());
            }
        }
        attrs.push(BlockAttr { name, value, span: Span::new(name_start, i.min(to)) });
    }
    attrs
}

fn check_lang(file: &Arc<SourceFile>, block: &Block) -> Result<(), Diagnostic> {
    let Some(attr) = block.attr("lang") else {
        return Ok(());
    };
    let lang = attr.value.as_deref().unwrap_or("");
    let accepted: &[&str] = match block.kind {
        BlockKind::Script => &["js", "javascript", "ts", "typescript"],
        BlockKind::Style => &["css", "wxss"],
        BlockKind::Config => &["json", "jsonc"],
        BlockKind::Template => &["wxml"],
    };
    if accepted.contains(&lang) {
        return Ok(());
    }
    let tag = block.kind.tag();
    let diagnostic = if block.kind == BlockKind::Style && matches!(lang, "scss" | "sass" | "less" | "stylus" | "styl") {
        Diagnostic::error("sfc::unsupported-lang", format!("`<style lang=\"{lang}\">` is not supported yet"))
            .at(file, attr.span, "preprocessor languages are not supported yet")
            .help("write plain CSS (with rpx), or compile the stylesheet to CSS before miniweave")
    } else {
        Diagnostic::error("sfc::unknown-lang", format!("unknown language `{lang}` for <{tag}>"))
            .at(file, attr.span, "unknown lang")
            .help(format!("<{tag}> accepts lang=\"{}\"", accepted.join("\", \"")))
    };
    Err(diagnostic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> Arc<SourceFile> {
        SourceFile::new("x.mini", "/x.mini", text)
    }

    #[test]
    fn splits_blocks_by_depth_with_offsets() {
        let f = file(
            "<!-- page -->\n<config>{ \"a\": 1 }</config>\n<template>\n<template name=\"row\"><view/></template>\n<template is=\"row\"/>\n</template>\n<script lang=\"ts\">const a = '</template>'</script>\n<style>.a{}</style>\n",
        );
        let sfc = split(&f).unwrap();
        let template = sfc.template.as_ref().unwrap();
        assert_eq!(f.slice(template.content), "\n<template name=\"row\"><view/></template>\n<template is=\"row\"/>\n");
        assert_eq!(f.slice(sfc.config.as_ref().unwrap().content), "{ \"a\": 1 }");
        assert_eq!(sfc.script_lang(), ScriptLang::Ts);
        assert_eq!(f.slice(sfc.style.as_ref().unwrap().content), ".a{}");
    }

    #[test]
    fn reports_top_level_problems() {
        let errs = split(&file("<template></template>\n<template></template>")).unwrap_err();
        assert_eq!(errs[0].code, "sfc::duplicate-block");
        let errs = split(&file("hello\n<template/>")).unwrap_err();
        assert_eq!(errs[0].code, "sfc::stray-text");
        let errs = split(&file("<templat></templat>")).unwrap_err();
        assert!(errs[0].help.as_deref().unwrap().contains("template"));
        let errs = split(&file("<style lang=\"scss\"></style>")).unwrap_err();
        assert_eq!(errs[0].code, "sfc::unsupported-lang");
        let errs = split(&file("<template>\n<view/>\n")).unwrap_err();
        assert_eq!(errs[0].code, "sfc::unclosed-block");
    }
}
