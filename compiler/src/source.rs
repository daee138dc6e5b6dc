//! Source files and byte spans.
//!
//! Every span in miniweave is a byte range into the *original* file: conditional compilation
//! blanks false branches byte for byte (ARCHITECTURE.md "Positions"), so a span found in
//! preprocessed text is already a span in the file on disk. What users read is computed here:
//! 1-based lines and 1-based columns counted in characters.

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A half-open byte range `start..end` into one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// An empty span at `offset`, for "something is missing here" diagnostics.
    pub const fn point(offset: usize) -> Self {
        Span { start: offset, end: offset }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// This span moved by `base` bytes: parsers work on a block's text and report spans
    /// relative to it; the block's offset in its file turns them into file spans.
    pub fn shift(self, base: usize) -> Self {
        Span { start: self.start + base, end: self.end + base }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Self {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// A file the compiler read: the name users see (relative to the project root, `/`-separated),
/// where it lives, and its text as read.
#[derive(Debug)]
pub struct SourceFile {
    name: String,
    path: PathBuf,
    text: Arc<str>,
    line_starts: Vec<usize>,
    /// Whether the text is ASCII: a column is then a byte count, which keeps positions cheap
    /// on a minified one-line file with many diagnostics.
    ascii: bool,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> Arc<Self> {
        let text: Arc<str> = text.into();
        let mut line_starts = vec![0];
        line_starts.extend(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
        let ascii = text.is_ascii();
        Arc::new(SourceFile { name: name.into(), path: path.into(), text, line_starts, ascii })
    }

    /// The project-relative name, as printed in diagnostics.
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn shared_text(&self) -> Arc<str> {
        self.text.clone()
    }

    /// 1-based line and 1-based column in characters (Unicode scalar values) of a byte offset.
    /// Offsets past the end or inside a character are clamped to a valid position.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        if self.ascii {
            return (line + 1, offset - start + 1);
        }
        let mut end = offset;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let column = self.text[start..end].chars().count() + 1;
        (line + 1, column)
    }

    /// The text of a span, or "" when it does not fall on character boundaries.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let file = SourceFile::new("a.wxml", "/a.wxml", "<view>\n  <text>名字</text><oops>\n");
        let oops = file.text().find("<oops>").unwrap();
        // "  <text>名字</text>" is 17 characters before `<oops>`, so the column is 18, while
        // the byte offset within the line is 21.
        assert_eq!(file.line_col(oops), (2, 18));
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col(file.text().len()), (3, 1));
    }
}
