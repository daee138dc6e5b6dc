//! The indentation a template is written at.
//!
//! A `.mini` template block is usually indented inside `<template>`. Like Vue 2's SFC
//! parser (`deindent`), miniweave removes the block's common indentation from text, so a
//! template in a `.mini` file and the same template as a native `.wxml` file compile to the
//! same output. Only literal text changes; spans keep pointing at the source.

/// The smallest indentation (spaces and tabs, in bytes) of the lines that hold anything
/// but whitespace. The first line is skipped when it continues the line of the opening tag.
pub fn common_indent(text: &str) -> usize {
    let mut lines = text.split('\n');
    if !text.starts_with('\n') && !text.is_empty() {
        lines.next();
    }
    lines.filter(|l| !l.trim().is_empty()).map(|l| l.len() - l.trim_start_matches([' ', '\t']).len()).min().unwrap_or(0)
}

/// `text` with up to `indent` spaces or tabs removed after each line break.
pub fn dedent(text: &str, indent: usize) -> String {
    if indent == 0 || !text.contains('\n') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            let strip = line.len() - line.trim_start_matches([' ', '\t']).len();
            out.push_str(&line[strip.min(indent)..]);
        } else {
            out.push_str(line);
        }
    }
    out
}

/// A whitespace-only run between nodes, tidied: lines left blank (by the author, or by
/// conditional compilation blanking a false branch) shrink to at most one empty line, and
/// the indentation of the next node is kept. Runs within one line are left alone.
pub fn tidy_blank_lines(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let [_, middle @ .., last] = lines.as_slice() else {
        return text.to_string();
    };
    let mut out = String::from("\n");
    if !middle.is_empty() {
        out.push('\n');
    }
    out.push_str(last);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_indent_and_dedent() {
        let block = "\n  <view>\n    <text>a\n      b</text>\n  </view>\n";
        assert_eq!(common_indent(block), 2);
        assert_eq!(dedent("a\n      b", 2), "a\n    b");
        assert_eq!(dedent("\n  ", 2), "\n");
        assert_eq!(common_indent("<view/>\n<view/>\n"), 0);
    }

    #[test]
    fn blank_line_runs_shrink() {
        assert_eq!(tidy_blank_lines("\n  "), "\n  ");
        assert_eq!(tidy_blank_lines("  \n      \n         \n    \n  "), "\n\n  ");
        assert_eq!(tidy_blank_lines("   "), "   ");
    }
}
