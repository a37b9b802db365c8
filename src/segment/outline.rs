//! The outline: structure only, no meaning. Internal types (not `Serialize`); `extract`
//! turns them into `model` types.

use super::labels::{DecisionKind, LabelKind};
use crate::source::Span;

/// The structure of one document.
#[derive(Clone, Debug, Default)]
pub(crate) struct Outline {
    /// Text before the first item (the meeting header), trimmed.
    pub header: Option<Span>,
    /// Header lines split into single lines, for `extract::meeting`.
    pub header_lines: Vec<Span>,
    /// Every line of the document (content spans, empty for blank lines), for lists written
    /// anywhere.
    pub lines: Vec<Span>,
    /// Agenda items in order; spans do not overlap.
    pub items: Vec<ItemBlock>,
    /// Non-blank text in no item and no header.
    pub unclassified: Vec<Span>,
}

/// One agenda item.
#[derive(Clone, Debug)]
pub(crate) struct ItemBlock {
    pub span: Span,
    pub number: Option<String>,
    pub title: Option<Span>,
    /// The title was lost in the source ("Additional documents: Minutes: ...").
    pub lost_title: bool,
    /// A transcript item: its paragraphs are speaker turns, spoken words.
    pub spoken: bool,
    pub paragraphs: Vec<ParaBlock>,
    pub resolutions: Vec<ResBlock>,
    pub documents: Vec<DocLink>,
}

/// A paragraph, numbered or not.
#[derive(Clone, Debug)]
pub(crate) struct ParaBlock {
    pub span: Span,
    pub label: Option<(String, LabelKind)>,
    /// The paragraph's own text (without label and without list entries).
    pub text: Span,
    pub list: Vec<Entry>,
}

/// A labelled sub-point: a list entry of a paragraph or a clause of a resolution.
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    pub span: Span,
    pub label: Option<String>,
    pub text: Span,
}

/// A decision block.
#[derive(Clone, Debug)]
pub(crate) struct ResBlock {
    /// From the keyword to the end of the block.
    pub span: Span,
    pub kind: DecisionKind,
    /// Labelled clauses (bullets stay in the text, not in clauses: GOLD.md "Clauses").
    pub clauses: Vec<Entry>,
    /// Index of the paragraph that holds the decision, if it is inside one.
    pub paragraph: Option<usize>,
}

/// A linked document ("Notes of meeting ... PDF 110 KB").
#[derive(Clone, Debug)]
pub(crate) struct DocLink {
    pub title: Span,
    pub format: Option<String>,
    pub size: Option<String>,
}
