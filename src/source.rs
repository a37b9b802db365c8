//! The one decoded text every later stage points into, and the byte spans that point into it.
//!
//! A [`Span`] is valid for exactly one [`Source`]: offsets are bytes into `Source::text`, always
//! on UTF-8 boundaries. A stage that produces new text (HTML, PDF) produces a new `Source`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a [`Source`]'s text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Span {
    /// First byte of the element.
    pub start: usize,
    /// One past the last byte of the element.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (callers keep `start <= end`).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// True for a zero-length span.
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies inside `self`.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// The input format a document was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text (including text copied from web pages).
    Text,
    /// HTML; the parser reads the text extracted from it.
    Html,
    /// Markdown; the parser reads the Markdown source itself.
    Markdown,
    /// PDF; the parser reads the text layer.
    Pdf,
}

impl Format {
    /// The name used in `source.format` and on the command line.
    pub const fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Markdown => "markdown",
            Format::Pdf => "pdf",
        }
    }
}

/// Decoded text plus what it was decoded from.
#[derive(Clone, Debug)]
pub struct Source {
    /// The text all spans point into.
    pub text: String,
    /// The format the input was read as.
    pub format: Format,
    /// The encoding the bytes were decoded from (`utf-8`, `windows-1252`, ...).
    pub encoding: String,
    /// Size of the original input in bytes.
    pub bytes: usize,
}

impl Source {
    /// A UTF-8 text source, as used by tests and by callers that already hold a `String`.
    pub fn from_text(text: impl Into<String>) -> Self {
        let text = text.into();
        let bytes = text.len();
        Source { text, format: Format::Text, encoding: "utf-8".into(), bytes }
    }

    /// The text of `span`.
    pub fn get(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }
}

/// Converts byte offsets to 1-based line numbers, for human-facing messages only.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Index the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_counts_from_one() {
        let idx = LineIndex::new("a\nbc\n\nd");
        assert_eq!(idx.line(0), 1);
        assert_eq!(idx.line(2), 2);
        assert_eq!(idx.line(3), 2);
        assert_eq!(idx.line(5), 3);
        assert_eq!(idx.line(6), 4);
    }

    #[test]
    fn cover_and_contains() {
        let a = Span::new(2, 5);
        let b = Span::new(4, 9);
        assert_eq!(a.cover(b), Span::new(2, 9));
        assert!(a.cover(b).contains(a));
        assert!(!a.contains(b));
    }
}
