//! What the parser was unsure of: diagnostics are data in the output, never silence.
//!
//! Each [`Code`] has a stable kebab-case name (`numbering-gap`, `unclassified`, ...) that
//! downstream tools may match on; the tidy test checks every code is documented here.

use crate::source::Span;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// A note about an inference the parser made.
    Info,
    /// Something in the source looks wrong or was guessed.
    Warning,
    /// The document could not be read as minutes at all.
    Error,
}

impl Severity {
    /// The name used in the JSON output.
    pub const fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The stable diagnostic codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// `unclassified`: non-blank text that belongs to no item and no header, e.g. a stray
    /// line after the last item's "Supporting documents:". Check the source around the span.
    Unclassified,
    /// `numbering-gap`: a paragraph number is missing, e.g. an item whose paragraphs start
    /// at "2." (seed 004). Usually a copy-paste loss in the published minutes.
    NumberingGap,
    /// `lost-title`: an agenda item whose title is missing in the source, e.g.
    /// "Additional documents: Minutes: 1. ..." in a flattened ModernGov table.
    LostTitle,
    /// `no-items`: text that holds no recognisable agenda item; the whole text is reported
    /// as unclassified. Is this really minutes?
    NoItems,
    /// `empty-input`: the input has no non-blank character.
    EmptyInput,
    /// `binary-input`: the bytes look like a binary file (NUL bytes, control characters),
    /// not text. Nothing is parsed.
    BinaryInput,
    /// `decoding`: the bytes were not valid UTF-8 and were decoded from a guessed legacy
    /// encoding (recorded in `source.encoding`), or held sequences that had to be replaced.
    Decoding,
    /// `vote-mismatch`: a stated tally disagrees with the named roll call or with the
    /// attendance (more votes than members present).
    VoteMismatch,
    /// `no-text-layer`: a PDF with no extractable text (a scan); OCR it first.
    NoTextLayer,
    /// `truncated`: the input was cut short or exceeded a size limit; the rest was not read.
    Truncated,
    /// `listing`: the text is a list of other documents, each cut short ("Minutes of the
    /// ... held on 10 June 2015 Attendance: D Clements..."): an archive's index, category or
    /// search page, not one meeting's minutes. It is parsed all the same; `minutes followups`
    /// leaves it out.
    Listing,
    /// `date-corrected`: the header's date names a weekday it does not fall on, and the same
    /// day of the next year does ("MONDAY JANUARY 4th 2015" in minutes of 4 January 2016: the
    /// old year written at the turn of the year). The corrected date is the meeting's `date`;
    /// the message quotes the date as written. Check the source.
    DateCorrected,
}

impl Code {
    /// Every code, for documentation and the tidy test.
    pub const ALL: [Code; 12] = [
        Code::Unclassified,
        Code::NumberingGap,
        Code::LostTitle,
        Code::NoItems,
        Code::EmptyInput,
        Code::BinaryInput,
        Code::Decoding,
        Code::VoteMismatch,
        Code::NoTextLayer,
        Code::Truncated,
        Code::Listing,
        Code::DateCorrected,
    ];

    /// The stable name written in the output.
    pub const fn name(self) -> &'static str {
        match self {
            Code::Unclassified => "unclassified",
            Code::NumberingGap => "numbering-gap",
            Code::LostTitle => "lost-title",
            Code::NoItems => "no-items",
            Code::EmptyInput => "empty-input",
            Code::BinaryInput => "binary-input",
            Code::Decoding => "decoding",
            Code::VoteMismatch => "vote-mismatch",
            Code::NoTextLayer => "no-text-layer",
            Code::Truncated => "truncated",
            Code::Listing => "listing",
            Code::DateCorrected => "date-corrected",
        }
    }
}

/// One thing the parser was unsure of, with the span it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// The stable code.
    pub code: Code,
    /// A sentence for people.
    pub message: String,
    /// Where in the decoded text.
    pub span: Span,
}

/// The sink every stage reports into (toml's `ErrorSink` pattern).
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Record a diagnostic.
    pub fn push(&mut self, severity: Severity, code: Code, message: impl Into<String>, span: Span) {
        self.items.push(Diagnostic { severity, code, message: message.into(), span });
    }

    /// Record a warning.
    pub fn warn(&mut self, code: Code, message: impl Into<String>, span: Span) {
        self.push(Severity::Warning, code, message, span);
    }

    /// The diagnostics in source order (stable for equal positions).
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by_key(|d| (d.span.start, d.span.end));
        self.items
    }

    /// Append another sink's diagnostics.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    /// Diagnostics recorded so far.
    pub fn as_slice(&self) -> &[Diagnostic] {
        &self.items
    }
}
