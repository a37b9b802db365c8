//! The output contract `minutes/1` (`../shared/SCHEMA.md`), field for field.
//!
//! These are the only `Serialize` types in the crate: changing one is a contract change and
//! must show in `snapshots/` and `SCHEMA.md`. Absent values serialize as `null` or `[]`,
//! never as a missing field. Field order here is output order, so output is byte-stable.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::source::{Format, Span};

/// The schema tag written in every document.
pub const SCHEMA_TAG: &str = "minutes/1";

/// One parsed document of minutes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    /// Always `"minutes/1"`.
    pub schema: String,
    /// First 16 hex digits of the SHA-256 of the input bytes.
    pub id: String,
    /// Where the text came from.
    pub source: SourceInfo,
    /// Meeting header: body, date, venue, attendance.
    pub meeting: Meeting,
    /// Agenda items in document order.
    pub items: Vec<Item>,
    /// Declarations of interest, wherever they are minuted.
    pub declarations: Vec<Declaration>,
    /// Everyone named with a role or who speaks, merged across mentions, first mention first.
    pub people: Vec<PersonRecord>,
    /// What the parser was unsure of.
    pub diagnostics: Vec<DiagnosticOut>,
}

/// Origin of the decoded text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SourceInfo {
    /// The path as given (or `-` for stdin).
    pub path: String,
    /// `text`, `html`, `markdown` or `pdf`.
    pub format: Format,
    /// What the bytes were decoded from.
    pub encoding: String,
    /// Size of the input in bytes.
    pub bytes: usize,
    /// The decoded text spans point into; only with `--with-text`, else `null`.
    pub text: Option<String>,
}

/// The meeting header.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Meeting {
    /// Committee, board or council, when stated.
    pub body: Option<String>,
    /// The document's own title line, when it has one.
    pub title: Option<String>,
    /// ISO 8601 date of the meeting, when stated.
    pub date: Option<String>,
    /// `HH:MM`, 24-hour, when stated.
    pub time: Option<String>,
    /// Where the meeting was held, as written.
    pub venue: Option<String>,
    /// Attendance lists.
    pub attendance: Attendance,
    /// The header text before the first item (`null` when there is none). Added in minutes/1.
    pub span: Option<Span>,
}

/// Who was there.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Attendance {
    /// The main Present list.
    pub present: Vec<Person>,
    /// Apologies (regrets).
    pub apologies: Vec<Person>,
    /// Absent without apologies.
    pub absent: Vec<Person>,
    /// Also in attendance: officers, guests.
    pub in_attendance: Vec<Person>,
    /// Abbreviations an attendee table gives its people ("WH" -> "Waldemar Horwat"), for the
    /// speaker labels that use them. Not part of the output.
    #[serde(skip)]
    pub abbreviations: Vec<(String, String)>,
}

/// A mention of a person (Akoma Ntoso `@by` / `@as`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Person {
    /// Name as written, with titles ("Supt. Russell"); `null` for an unnamed office-holder.
    pub name: Option<String>,
    /// Role ("Head of Community Safety", "Chairman").
    pub role: Option<String>,
    /// Organisation ("KCC").
    pub organisation: Option<String>,
    /// Where the mention is.
    pub span: Span,
}

/// An agenda item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Item {
    /// `item-N`, N counting from 1 in document order.
    pub id: String,
    /// As written ("3", "23/045", "7.1"), or `null`.
    pub number: Option<String>,
    /// `null` when the source has none.
    pub title: Option<String>,
    /// The whole item.
    pub span: Span,
    /// Paragraphs, numbered or not.
    pub paragraphs: Vec<Paragraph>,
    /// Decisions.
    pub resolutions: Vec<Resolution>,
    /// Actions not tied to a resolution.
    pub actions: Vec<Action>,
    /// Linked documents ("PDF 110 KB").
    pub documents: Vec<LinkedDocument>,
}

/// A paragraph of an item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Paragraph {
    /// `item-N/p-M`.
    pub id: String,
    /// As written without the trailing "." or ")"; `null` when unnumbered.
    pub number: Option<String>,
    /// The paragraph's text, without its number.
    pub text: String,
    /// The whole paragraph, number and sub-list included.
    pub span: Span,
    /// Who speaks or reports in the paragraph's own text.
    pub speakers: Vec<Person>,
    /// Sub-points: bullets, (a) (b), i. ii.
    pub list: Vec<ListEntry>,
}

/// A sub-point of a paragraph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListEntry {
    /// "a", "ii", "·", as written without brackets or dot.
    pub label: Option<String>,
    /// The point's text.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// Who speaks in it.
    pub speakers: Vec<Person>,
}

/// A decision: RESOLVED / AGREED / DECIDED / a motion (Popolo Motion + VoteEvent).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Resolution {
    /// `item-N/r-M`.
    pub id: String,
    /// Verbatim, from the keyword on.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// `resolved`, `agreed`, `decided`, `noted`, `motion` or `recommended`.
    pub kind: String,
    /// Labelled clauses ("a", "b", "i").
    pub clauses: Vec<Clause>,
    /// Mover and seconder.
    pub motion: Motion,
    /// Counts and result.
    pub vote: Vote,
    /// What someone must do because of it.
    pub actions: Vec<Action>,
}

/// A labelled clause of a resolution.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Clause {
    /// The label as written, without brackets or dot.
    pub label: Option<String>,
    /// The clause text.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// Who moved and seconded.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Motion {
    /// The mover.
    pub mover: Option<Person>,
    /// The seconder.
    pub seconder: Option<Person>,
}

/// A vote's counts and result.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Vote {
    /// Votes for.
    #[serde(rename = "for")]
    pub for_: Option<u32>,
    /// Votes against.
    pub against: Option<u32>,
    /// Abstentions.
    pub abstain: Option<u32>,
    /// `carried` or `lost`, when stated.
    pub result: Option<String>,
}

/// Something someone must do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Action {
    /// The action as written.
    pub text: String,
    /// The first named owner, or an office ("Clerk").
    pub owner: Option<Person>,
    /// ISO date when the text gives a calendar date.
    pub due: Option<String>,
    /// The deadline phrase as written ("by the end of July 2022", "to the next meeting").
    pub due_text: Option<String>,
    /// Where it is.
    pub span: Span,
}

/// A document linked from an item ("Notes of meeting ... PDF 110 KB").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LinkedDocument {
    /// The document's title.
    pub title: String,
    /// "PDF", "DOC", ...
    pub format: Option<String>,
    /// "110 KB".
    pub size: Option<String>,
}

/// A declaration of interest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Declaration {
    /// Who declared it.
    pub person: Option<Person>,
    /// The agenda item it concerns, as written.
    pub item: Option<String>,
    /// The kind of interest, as written.
    pub interest: Option<String>,
    /// The declaration's text.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// A person merged across mentions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PersonRecord {
    /// The name as first written in full.
    pub name: String,
    /// Roles given anywhere in the document, first given first.
    pub roles: Vec<Role>,
    /// How many mentions were merged.
    pub mentions: u32,
}

/// A role with its organisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Role {
    /// "Head of Community Safety".
    pub role: Option<String>,
    /// "KCC".
    pub organisation: Option<String>,
}

/// A diagnostic as written in the output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DiagnosticOut {
    /// `info`, `warning` or `error`.
    pub severity: String,
    /// Stable kebab-case code.
    pub code: String,
    /// A sentence for people.
    pub message: String,
    /// Where.
    pub span: Span,
}
