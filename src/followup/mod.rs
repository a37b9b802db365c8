//! Follow-ups across meetings: what one meeting asked for later, and what later meetings of
//! the same body say about it.
//!
//! [`track`] takes parsed documents (with the path each came from), keeps of each only a
//! [`Digest`] (what the steps below read: its units, follow-ups and their subjects), and:
//!
//! 1. groups them by body: `meeting.body`, else a body name taken from the path
//!    ([`body_from_path`]); a document naming no body whose file or folder name holds a
//!    body's name ("stoke-ferry-parish-council-june-meeting/index.md") joins that body, and a
//!    name written with a slip ("Stroke Ferry Parish Council" among hundreds of "Stoke Ferry
//!    Parish Council") joins the usual spelling, a name within a fuller one of the same kind
//!    of body ("Board", "Global Board"; "TSC" read as "Technical Steering Committee") joins the
//!    one with more meetings, and a folder that is one body's archive joins that body
//!    ([`Body::also_named`] says which, and why);
//! 2. orders each body's meetings by `meeting.date`, else a date in the file name
//!    ([`date_from_path`]: `2019-06-05`, `19-07-10` as YY-MM-DD, `5th-june-2019`);
//! 3. collects follow-ups ([`detect`]): the parser's actions (item and resolution level) and
//!    this module's own detection of deferrals, "X to do Y" sentences and margin owner
//!    markers where the parser found none;
//! 4. resolves relative deadlines against the body's own calendar: "next meeting" becomes
//!    the date of that body's next meeting in the input;
//! 5. looks for evidence in later meetings of the same body ([`evidence`]) and gives every
//!    follow-up a [`Status`] with the reason and the evidence it rests on.
//!
//! Pure functions of their inputs: no I/O; paths are only read as strings.

pub mod detect;
pub mod evidence;
pub mod report;

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::extract::dates::{date_at, days_in_month, find_date, find_relative, Relative};
use crate::model::Document;
use crate::source::Span;

/// The tag written in every follow-up report.
pub const SCHEMA_TAG: &str = "minutes-followups/1";

/// One parsed meeting and where it came from.
#[derive(Clone, Debug)]
pub struct Input {
    /// The path as given on the command line (used for body/date fallbacks and citations).
    pub path: String,
    /// The parsed document. With `source.text` present, evidence spans are exact sub-spans;
    /// without it they are the enclosing paragraph's span.
    pub doc: Document,
}

/// What follow-up tracking keeps of one parsed meeting: its path, id, `meeting.body` and
/// `meeting.date`, its passages ([`evidence::Lookup`]) and the follow-ups it asks for with their
/// subjects. A whole archive is read as digests: the [`Document`]s need not be held at once
/// ([`track_digests`]).
#[derive(Debug)]
pub struct Digest {
    path: String,
    id: String,
    body: Option<String>,
    date: Option<String>,
    lookup: evidence::Lookup,
    found: Vec<(detect::Found, Option<String>)>,
    /// The document lists other documents (diagnostic `listing`): no meeting.
    listing: bool,
}

impl Digest {
    /// The digest of `doc`, read from `path`.
    pub fn new(path: String, doc: &Document) -> Digest {
        let found = detect::followups(doc)
            .into_iter()
            .map(|f| {
                let subject = evidence::subject(doc, &f);
                (f, subject)
            })
            .collect();
        Digest {
            path,
            id: doc.id.clone(),
            body: doc.meeting.body.clone(),
            date: doc.meeting.date.clone(),
            lookup: evidence::Lookup::of(doc),
            found,
            listing: doc.diagnostics.iter().any(|d| d.code == crate::diagnostics::Code::Listing.name()),
        }
    }
}

/// Options for [`track`].
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Use this body for every input, whatever the documents say.
    pub body: Option<String>,
}

/// The status of a follow-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Later text says it was done (sent, circulated, completed, received ...).
    Done,
    /// Discussed again later, but not said to be done.
    RaisedAgain,
    /// Its due date passed at a later meeting with no evidence at all.
    Overdue,
    /// Not yet due, no deadline, or no later meeting.
    Open,
}

impl Status {
    /// The name used in reports.
    pub const fn name(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::RaisedAgain => "raised_again",
            Status::Overdue => "overdue",
            Status::Open => "open",
        }
    }
}

/// A meeting of a body, in the body's order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeetingRef {
    /// The path as given.
    pub document: String,
    /// The document id (hash of the input bytes).
    pub document_id: String,
    /// ISO date, `null` when neither the document nor the file name gives one.
    pub date: Option<String>,
    /// Where the date came from: `meeting.date`, `file name` or `none`.
    pub date_source: String,
    /// The document this one repeats: the same body and date and nearly the same words (an
    /// archive's HTML page and its Markdown copy). Its follow-ups and evidence are read once,
    /// from that document.
    #[serde(default)]
    pub same_as: Option<String>,
}

/// A later passage that speaks about a follow-up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The later document's path.
    pub document: String,
    /// Its meeting date.
    pub date: Option<String>,
    /// The item it is in (`item-N`).
    pub item_id: String,
    /// The item's number as written.
    pub item_number: Option<String>,
    /// Where the passage is (byte span into the later document's text).
    pub span: Span,
    /// `minute-reference`, `matters-arising`, `owner-deed`, `same-subject` or `same-heading`.
    pub kind: String,
    /// Shared key terms / the follow-up's key terms (containment), 0..1.
    pub overlap: f64,
    /// The shared key terms.
    pub shared_terms: Vec<String>,
    /// The word that says it was done, if any ("sent", "circulated").
    pub done_word: Option<String>,
    /// The word that says it is not done yet, if any ("yet to", "awaiting").
    pub pending_word: Option<String>,
    /// The first words of the passage.
    pub excerpt: String,
}

/// Something a meeting asked for later.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    /// `fu-N`, counting from 1 within the body in meeting order.
    pub id: String,
    /// The document that asked for it.
    pub document: String,
    /// That meeting's date.
    pub date: Option<String>,
    /// `item-N`.
    pub item_id: String,
    /// The item's number as written ("10", "135/19").
    pub item_number: Option<String>,
    /// The item's title.
    pub item_title: Option<String>,
    /// The paragraph or list label it sits under ("x" in "5x"), when there is one.
    pub paragraph_number: Option<String>,
    /// Where it came from: `action` (parser, item level), `resolution-action` (parser,
    /// under a decision), `deferral`, `owner-to`, `decision-deed`, `passive-deed` ("quotes are to be obtained") or `margin-owner` (this
    /// module).
    pub origin: String,
    /// What is to be done, as written.
    pub text: String,
    /// What it is about when the text alone does not say ("The Chair agreed to progress the
    /// order."): the topic label of its passage ("Cemetery Bin – ...") and, for a short text,
    /// the sentence before it. Its key terms count as the follow-up's own.
    pub subject: Option<String>,
    /// Who is to do it.
    pub owner: Option<String>,
    /// ISO due date: a calendar date, or the body's next meeting for "next meeting".
    pub due: Option<String>,
    /// The deadline phrase as written.
    pub due_text: Option<String>,
    /// How `due` was found: `calendar`, `next meeting in input`, `month of a later meeting`,
    /// `written without a year, from the meeting date`.
    pub due_source: Option<String>,
    /// Where it is.
    pub span: Span,
    /// The status.
    pub status: Status,
    /// Why, in a sentence, citing the evidence.
    pub reason: String,
    /// Later passages about it, in meeting order.
    pub evidence: Vec<Evidence>,
}

/// All follow-ups of one body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Body {
    /// The body's name.
    pub name: String,
    /// Where the name came from: `meeting.body`, `path` or `option`.
    pub name_source: String,
    /// Its meetings in order.
    pub meetings: Vec<MeetingRef>,
    /// Its follow-ups in meeting order, then document order.
    pub followups: Vec<FollowUp>,
    /// Other names its meetings were grouped under before they joined it, and why.
    #[serde(default)]
    pub also_named: Vec<AlsoNamed>,
}

/// A name some of a body's meetings carry, other than the body's own ([`Body::also_named`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlsoNamed {
    /// The name (its most frequent spelling), or the path's name for documents naming none.
    pub name: String,
    /// `spelling`: one word differs by a slip of a letter or two, and the body's own name is
    /// written by at least [`MISSPELLING_RATIO`] times as many meetings; `file name`: the
    /// documents name no body and their file or folder name holds this body's name.
    pub why: String,
    /// How many meetings.
    pub meetings: usize,
}

/// The whole report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`SCHEMA_TAG`].
    pub schema: String,
    /// The thresholds and rules used, in sentences.
    pub rules: Vec<String>,
    /// The bodies, by name.
    pub bodies: Vec<Body>,
    /// Inputs left out, with why: listings of other documents (an archive's index or category
    /// pages, diagnostic `listing`), not one meeting's minutes. In input order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<LeftOut>,
}

/// An input [`track`] did not read as a meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeftOut {
    /// Its path.
    pub document: String,
    /// Why, in a sentence.
    pub why: String,
}

/// Words of directory names that never name a body: storage folders and the kinds of
/// papers kept (`src`, `minutes`, `meetings-historical`, `minutes-deprecated`, `notes`).
const GENERIC_DIR_WORDS: &[&str] = &[
    "agenda",
    "agendas",
    "archive",
    "archived",
    "archives",
    "deprecated",
    "dist",
    "docs",
    "documents",
    "files",
    "historic",
    "historical",
    "history",
    "html",
    "md",
    "meeting",
    "meetings",
    "minutes",
    "notes",
    "old",
    "papers",
    "past",
    "pdf",
    "pdfs",
    "previous",
    "src",
    "txt",
    "text",
    "uploads",
];

/// The words of a directory name (split at anything not a letter or digit, lower-cased)
/// that are not [`GENERIC_DIR_WORDS`] or numbers.
fn dir_name_words(d: &str) -> Vec<String> {
    lower_words(d)
        .into_iter()
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()) && !GENERIC_DIR_WORDS.contains(&w.as_str()))
        .collect()
}

/// The words of a file or folder name: lower-cased, apostrophes dropped, split at anything
/// not a letter or digit.
fn lower_words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .replace(['\'', '’'], "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The body named by a path: the nearest parent directory with a word that is not a number
/// (year, month) or generic ([`GENERIC_DIR_WORDS`]: `minutes`, `src`, `meetings-historical`
/// ...). `None` for a bare name. The folder of an `index.*` file is the document's own name
/// (a site's post, `.../2018/07/june-meeting-minutes/index.md`), not its body's: it is
/// passed over.
pub fn body_from_path(path: &str) -> Option<String> {
    let parts: Vec<&str> = path.split(['/', '\\']).collect();
    let index = parts.last().is_some_and(|f| f.split('.').next().is_some_and(|s| s.eq_ignore_ascii_case("index")));
    parts.iter().rev().skip(1 + usize::from(index)).find(|d| !dir_name_words(d).is_empty()).map(|d| d.to_string())
}

static ISO_IN_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\D)(\d{4})-(\d{2})-(\d{2})(?:\D|$)").expect("iso name regex"));
static YY_MM_DD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{2})-(\d{2})-(\d{2})(?:\D|$)").expect("yy-mm-dd regex"));

/// A date in a file name: `2019-06-05`, `19-07-10.pdf` (YY-MM-DD, 20YY), or written out in
/// a slug (`held-on-wednesday-5th-june-2019`). Only the file name is read, then its parent
/// directory (for `.../some-slug/index.md`).
pub fn date_from_path(path: &str) -> Option<String> {
    let parts: Vec<&str> = path.split(['/', '\\']).filter(|p| !p.is_empty()).collect();
    for name in parts.iter().rev().take(2) {
        let stem = name.rsplit_once('.').map_or(*name, |(s, _)| s);
        if let Some(c) = ISO_IN_NAME.captures(stem) {
            if let Some(d) = ymd(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?) {
                return Some(d);
            }
        }
        if let Some(c) = YY_MM_DD.captures(stem) {
            if let Some(d) = ymd(2000 + c[1].parse::<i32>().ok()?, c[2].parse().ok()?, c[3].parse().ok()?) {
                return Some(d);
            }
        }
        let spaced = stem.replace(['-', '_'], " ");
        if let Some((d, _, _)) = find_date(&spaced) {
            return Some(d.iso());
        }
    }
    None
}

fn ymd(y: i32, m: u32, d: u32) -> Option<String> {
    ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The rules behind every status, written into every report.
pub fn rules() -> Vec<String> {
    vec![
        format!(
            "Evidence is looked for only in later meetings of the same body. Passages: paragraphs, list entries and \
             resolutions, cut at inline list marks (\"• ...\", \"2) ...\") and topic labels (\"Cemetery Bin – ...\"); \
             unlabelled text of more than {} sentences is one passage a sentence. Key terms: lower-cased words of 3+ \
             letters, stop words, minute boilerplate and people's names dropped, Snowball-stemmed; a follow-up also takes \
             the terms of its subject (topic label; the sentence before a short text) and of a short item title, and so \
             does every passage of a later item. overlap = idf weight of the shared terms / idf weight of the follow-up's \
             terms (idf over all passages of the body); at least one shared term must come from the follow-up's own text \
             or subject.",
            evidence::MAX_UNLABELLED_SENTENCES
        ),
        format!(
            "minute-reference: a later text cites the follow-up's minute (\"Min. 135/19\", or \"10ii)\" in the next \
             meeting's matters arising for item 10, point ii); an item-only reference also needs {} shared term.",
            evidence::REF_MIN_SHARED
        ),
        format!(
            "matters-arising: a passage in a later \"Matters arising\" / \"Actions from previous meeting\" / \"Clerk's report\" \
             item with overlap >= {:.2} and >= {} shared terms.",
            evidence::MA_MIN_OVERLAP,
            evidence::MIN_SHARED
        ),
        format!(
            "owner-deed: a later sentence naming the follow-up's owner before the asked deed in the past (\"the Clerk \
             had emailed the developer\" for \"the Clerk to report to the developer\"), holding >= {} shared terms besides \
             the verb (and a word of the follow-up's subject when it needed one); a message counts only when it went to \
             the addressee the follow-up names; \"the owner advised that\" is speech, not a deed.",
            evidence::MIN_SHARED
        ),
        format!(
            "same-subject: any later passage with overlap >= {:.2} and >= {} shared terms, or naming the owner and \
             sharing >= {} terms of the follow-up's text and subject at any overlap (a word of its item's title only when rare, idf >= {:.1}; not the \
             words of a role's name, \"Locum\" of \"Locum Clerk\"), in the sentence naming the owner when the passage \
             is longer than {} sentences.",
            evidence::SUBJECT_MIN_OVERLAP,
            evidence::MIN_SHARED,
            evidence::OWNER_MIN_SHARED,
            evidence::TITLE_MIN_IDF,
            evidence::OWNER_UNIT_SENTENCES
        ),
        format!(
            "same-heading: a later passage under a heading (its topic label, \"Dog Bin on Bridge Road – ...\", else its \
             item's short title, after an agenda verb: \"To Approve the Grounds Maintenance Contract\") that is >= {:.2} \
             the follow-up's terms by idf weight, with >= {} of them, at any overlap; never enough to say done.",
            evidence::HEADING_MIN_SHARE,
            evidence::MIN_SHARED
        ),
        format!(
            "done: strong evidence (a minute reference, a matters-arising or owner-deed passage, or overlap >= {:.2} other \
             than same-heading) says it was done in a sentence holding {} shared terms (one of them from the follow-up's \
             own text when it has 4 or more terms): the asked deed in the past (\"to chase\" -> \"chased\", \"to write\" \
             -> \"wrote\"; for an asked message any message sent, \"report to\" -> \"had emailed\", whatever the reply; \
             for an asked question an answer, \"was checking if\" -> \"advised\", unless a pending word is there), or a done word (sent, circulated, completed, received, installed, paid, ..., or a \
             perfect/passive such as \"had planted\", \"has been ordered\"; not \"discussed\", \"noted\") with no pending \
             word (yet to, awaiting, still, no response, deferred ...; \"will be\" / \"would be\" only when no done word \
             is there).",
            evidence::DONE_MIN_OVERLAP,
            evidence::FOCUS_MIN_SHARED
        ),
        format!(
            "Evidence other than a minute reference is looked for only in the meetings up to {EVIDENCE_WINDOW_DAYS} days \
             after the follow-up's meeting (or {DUE_GRACE_DAYS} days after its due date, when later): a passage on the \
             same words years later is about another matter."
        ),
        "raised_again: evidence exists but none says done. overdue: no evidence, and a later meeting is on or after \
         the due date. open: no evidence, and no due date, or none passed, or no later meeting."
            .to_string(),
        "\"next meeting\" is the body's next meeting in the input; a month in the margin (\"Feb\") is the body's first \
         later meeting in that month."
            .to_string(),
    ]
}

struct Meeting {
    digest: Digest,
    date: Option<String>,
    date_source: &'static str,
}

/// The grouping key of a body name: lower-cased, whitespace collapsed, "&" as "and",
/// apostrophes dropped ("Residents' Association" is "Resident's Association").
fn body_key(name: &str) -> String {
    detect::collapse(&name.to_lowercase().replace('&', " and ").replace(['\'', '’'], ""))
}

/// A body's meetings while they are grouped ([`track_digests`]).
#[derive(Default)]
struct Group {
    /// [`body_key`] of its name.
    key: String,
    /// Where its name came from: `meeting.body`, `path` or `option`.
    source: &'static str,
    /// The name as each of its documents wrote it.
    spellings: Vec<String>,
    meetings: Vec<Meeting>,
    also: Vec<AlsoNamed>,
}

impl Group {
    /// Take `other`'s meetings (a document already here is not added twice) and its other
    /// names, recording `other` itself as one (`why`).
    fn absorb(&mut self, other: Group, why: &str) {
        let name = if other.source == "path" { other.spellings[0].clone() } else { most_frequent(&other.spellings) };
        let n = other.meetings.len();
        for a in std::iter::once(AlsoNamed { name, why: why.to_string(), meetings: n }).chain(other.also) {
            match self.also.iter_mut().find(|b| b.name == a.name && b.why == a.why) {
                Some(b) => b.meetings += a.meetings,
                None => self.also.push(a),
            }
        }
        for m in other.meetings {
            if !self.meetings.iter().any(|o| o.digest.id == m.digest.id) {
                self.meetings.push(m);
            }
        }
    }
}

/// How many times as many meetings a body's usual name must be written by for a name one
/// slip away to join it ([`merge_misspellings`]).
pub const MISSPELLING_RATIO: usize = 3;

/// Whether two body keys differ in one word only, by a slip: one letter added, dropped,
/// changed or two swapped (two for words of eight letters or more), the first letter kept
/// ("stroke ferry" / "stoke ferry", "nortwold" / "northwold"; not "west" / "east").
fn one_slip_apart(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    if wa.len() != wb.len() || wa.len() < 2 {
        return false;
    }
    let differ: Vec<(&str, &str)> = wa.iter().zip(&wb).filter(|(x, y)| x != y).map(|(x, y)| (*x, *y)).collect();
    let [(x, y)] = differ[..] else { return false };
    let long = x.chars().count().min(y.chars().count()) >= 8;
    x.chars().next() == y.chars().next()
        && x.chars().count().min(y.chars().count()) >= 3
        && strsim::damerau_levenshtein(x, y) <= if long { 2 } else { 1 }
}

/// Merge each body named with a slip ([`one_slip_apart`]) into the one its meetings mostly
/// write, when that one has [`MISSPELLING_RATIO`] times as many meetings (the largest such).
/// Smallest first, so a slip of a slip ends in the usual name too.
fn merge_misspellings(groups: &mut Vec<Group>) {
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by_key(|&i| (groups[i].meetings.len(), i));
    for &g in &order {
        if groups[g].source != "meeting.body" {
            continue;
        }
        let n = groups[g].meetings.len();
        // A group merged away is left empty.
        let into = (0..groups.len())
            .filter(|&h| h != g && !groups[h].meetings.is_empty() && groups[h].source == "meeting.body")
            .filter(|&h| groups[h].meetings.len() >= MISSPELLING_RATIO * n)
            .filter(|&h| one_slip_apart(&groups[g].key, &groups[h].key))
            .max_by_key(|&h| (groups[h].meetings.len(), std::cmp::Reverse(h)));
        if let Some(h) = into {
            let taken = std::mem::take(&mut groups[g]);
            groups[h].absorb(taken, "spelling");
        }
    }
    groups.retain(|g| !g.meetings.is_empty());
}

/// The words of a document's file name and its folder's ("stoke-ferry-parish-council-june-
/// meeting/index.md"), lower-cased, "pc" read as "parish council".
fn file_name_words(path: &str) -> Vec<String> {
    let parts: Vec<&str> = path.split(['/', '\\']).filter(|p| !p.is_empty()).collect();
    let mut out = Vec::new();
    for part in parts.iter().rev().take(2).rev() {
        let stem = part.rsplit_once('.').map_or(*part, |(s, _)| s);
        for w in lower_words(stem) {
            match w.as_str() {
                "pc" => out.extend(["parish".to_string(), "council".to_string()]),
                _ => out.push(w),
            }
        }
    }
    out
}

/// Move each meeting of a body named after its path (the document names none) to the body
/// whose name (three words or more) its file or folder name holds, the longest such name.
fn join_by_file_name(groups: &mut Vec<Group>) {
    // Each named body: its index, its key's words and its meetings before any joined.
    let named: Vec<(usize, Vec<String>, usize)> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.source == "meeting.body")
        .map(|(i, g)| (i, g.key.split(' ').map(str::to_string).collect::<Vec<_>>(), g.meetings.len()))
        .filter(|(_, w, _)| w.len() >= 3)
        .collect();
    for gi in 0..groups.len() {
        if groups[gi].source != "path" {
            continue;
        }
        // Per target body, the meetings it takes, in order; the others stay.
        let mut moved: Vec<(usize, Vec<Meeting>)> = Vec::new();
        for m in std::mem::take(&mut groups[gi].meetings) {
            let words = file_name_words(&m.digest.path);
            let to = named
                .iter()
                .filter(|(_, key, _)| words.windows(key.len()).any(|w| w == key.as_slice()))
                .max_by_key(|(_, key, n)| (key.len(), *n))
                .map(|(i, _, _)| *i);
            match to {
                Some(t) => match moved.iter_mut().find(|(x, _)| *x == t) {
                    Some((_, v)) => v.push(m),
                    None => moved.push((t, vec![m])),
                },
                None => groups[gi].meetings.push(m),
            }
        }
        for (to, meetings) in moved {
            let (key, spelling) = (groups[gi].key.clone(), groups[gi].spellings[0].clone());
            let from = Group { key, source: "path", spellings: vec![spelling], meetings, also: Vec::new() };
            groups[to].absorb(from, "file name");
        }
    }
    groups.retain(|g| !g.meetings.is_empty());
}

/// A word of a body name, lower-cased, and whether it was written as an acronym: two to
/// four capitals in a name that has small letters ("TSC", "WG", "SF").
struct NameWord {
    word: String,
    acronym: bool,
}

/// Words left out when body names are compared: fillers ("Northwold and Whittington" holds
/// "Northwold") and the kinds of meeting a body holds ("Special Board", "Extraordinary Parish
/// Council" and "Annual Parish Meeting" are the board, the council and the parish meeting).
const NAME_FILLERS: &[&str] = &[
    "adjourned",
    "and",
    "annual",
    "closed",
    "emergency",
    "extraordinary",
    "for",
    "of",
    "ordinary",
    "private",
    "public",
    "regular",
    "special",
    "the",
];

/// The words of a body name ([`NameWord`]): split at anything not a letter or digit
/// ("Node.js" is "node", "js"), apostrophes dropped, [`NAME_FILLERS`] left out.
fn name_words(written: &str) -> Vec<NameWord> {
    let has_small = written.chars().any(char::is_lowercase);
    written
        .replace(['\'', '’'], "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !NAME_FILLERS.contains(&w.to_lowercase().as_str()))
        .map(|w| NameWord {
            word: w.to_lowercase(),
            acronym: has_small && (2..=4).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase()),
        })
        .collect()
}

/// `a`'s words, each acronym replaced by the words of `b` it abbreviates: a run of as many
/// words as it has letters, with those initials ("TSC" by "Technical Steering Committee").
fn expanded(a: &[NameWord], b: &[NameWord]) -> Vec<String> {
    let mut out = Vec::new();
    for w in a {
        let n = w.word.len();
        let run = b
            .windows(n)
            .find(|r| w.acronym && r.iter().zip(w.word.chars()).all(|(x, c)| !x.acronym && x.word.starts_with(c)));
        match run {
            Some(r) => out.extend(r.iter().map(|x| x.word.clone())),
            None => out.push(w.word.clone()),
        }
    }
    out
}

/// Whether two body names name one body written more or less fully: the same last word
/// (the kind of body: "Board", "Committee", "Council"), and every word of one is in the other,
/// acronyms read as what they abbreviate ("Board" and "Public Board", "Node.js Foundation
/// TSC" and "Node.js Foundation Technical Steering Committee", "Northwold Parish Council"
/// and "Northwold and Whittington Parish Council"; not "Parish Council" and "Parish Council
/// Planning Committee", nor "West Dereham" and "Stoke Ferry Parish Council").
fn one_name_within_other(a: &[NameWord], b: &[NameWord]) -> bool {
    let (x, y) = (expanded(a, b), expanded(b, a));
    if x.is_empty() || y.is_empty() || x.last() != y.last() {
        return false;
    }
    let (x, y): (BTreeSet<&String>, BTreeSet<&String>) = (x.iter().collect(), y.iter().collect());
    x.is_subset(&y) || y.is_subset(&x)
}

/// Whether the words of a folder name ([`dir_name_words`]) and a body name hold one another:
/// every word of one matches a word of the other, a word of four letters or more matching
/// the words it begins ("owasp-board" and "Board", "w3c-publ-wg" and "Publishing Working
/// Group", "node.js" and "Node.js Technical Steering Committee").
fn folder_names(folder: &[String], name: &[NameWord]) -> bool {
    let folder: Vec<NameWord> = folder
        .iter()
        .map(|w| NameWord {
            word: w.clone(),
            acronym: (2..=4).contains(&w.len()) && w.chars().all(|c| c.is_ascii_alphabetic()),
        })
        .collect();
    let (f, n) = (expanded(&folder, name), expanded(name, &folder));
    let matches = |u: &String, v: &String| {
        let (short, long) = if u.len() <= v.len() { (u, v) } else { (v, u) };
        short == long || short.chars().count() >= 4 && long.starts_with(short.as_str())
    };
    let within = |a: &[String], b: &[String]| a.iter().all(|u| b.iter().any(|v| matches(u, v)));
    !f.is_empty() && !n.is_empty() && (within(&f, &n) || within(&n, &f))
}

/// The order bodies are joined in ([`merge_name_families`]): fewest meetings first, the
/// longer name first among equals, the key breaking ties, so the result does not depend on
/// the order of the input.
fn join_rank(g: &Group, words: &[NameWord]) -> (usize, std::cmp::Reverse<usize>, String) {
    (g.meetings.len(), std::cmp::Reverse(words.len()), g.key.clone())
}

/// Among `candidates` (indices of `groups`), the one to join: the highest [`join_rank`],
/// when the candidates are one family, each reached from it through names within names
/// ([`one_name_within_other`]: "Node.js Foundation TSC" among "Node Foundation TSC",
/// "Node.js Foundation Technical Steering Committee" and "Node.js Technical Steering
/// Committee"); `None` when they are different bodies ("Parish Council" among "Stoke Ferry
/// Parish Council" and "Wretton Parish Council").
fn sole_family(groups: &[Group], words: &[Vec<NameWord>], candidates: &[usize]) -> Option<usize> {
    let top = *candidates.iter().max_by_key(|&&h| join_rank(&groups[h], &words[h]))?;
    let mut reached = vec![top];
    let mut left: Vec<usize> = candidates.iter().copied().filter(|&c| c != top).collect();
    while let Some(i) = left.iter().position(|&c| reached.iter().any(|&r| one_name_within_other(&words[c], &words[r])))
    {
        reached.push(left.swap_remove(i));
    }
    left.is_empty().then_some(top)
}

/// Merge each named body into one whose name holds it or is within it
/// ([`one_name_within_other`]) and that has more meetings, when there is one such family
/// ([`sole_family`]); "West Fenby Parish Council" and "Parish Council" with one meeting each
/// stay apart. Then move each body named after a folder
/// ([`body_from_path`]) into the named body its folder name names ([`folder_names`]), when
/// there is one such family and the folder is its archive (nine in ten of the meetings under
/// the folder that name a body name that one).
fn merge_name_families(groups: &mut Vec<Group>) {
    // A group's name words do not change as it takes others: `absorb` keeps its spellings.
    let words: Vec<Vec<NameWord>> = groups.iter().map(|g| name_words(&most_frequent(&g.spellings))).collect();
    let named = |groups: &[Group], h: usize| groups[h].source == "meeting.body" && !groups[h].meetings.is_empty();
    let mut order: Vec<usize> = (0..groups.len()).filter(|&g| named(groups, g)).collect();
    order.sort_by_key(|&g| join_rank(&groups[g], &words[g]));
    for &g in &order {
        // Every body whose name holds this one or is within it, whatever its size: they must
        // be one family ("Parish Council" beside "West Fenby" and "East Fenby Parish Council"
        // joins neither, even when one of them is smaller than it).
        let related: Vec<usize> = (0..groups.len())
            .filter(|&h| h != g && named(groups, h) && one_name_within_other(&words[g], &words[h]))
            .collect();
        let into =
            sole_family(groups, &words, &related).filter(|&h| groups[h].meetings.len() > groups[g].meetings.len());
        if let Some(h) = into {
            let taken = std::mem::take(&mut groups[g]);
            groups[h].absorb(taken, "name within name");
        }
    }
    let mut paths: Vec<usize> = (0..groups.len()).filter(|&p| groups[p].source == "path").collect();
    paths.sort_by(|&a, &b| groups[a].key.cmp(&groups[b].key));
    for p in paths {
        if groups[p].meetings.is_empty() {
            continue;
        }
        let dir = groups[p].spellings.iter().min().cloned().unwrap_or_default();
        let folder = dir_name_words(&dir);
        let candidates: Vec<usize> =
            (0..groups.len()).filter(|&h| named(groups, h) && folder_names(&folder, &words[h])).collect();
        // The folder must be that body's archive: of the meetings under it that name a body,
        // nine in ten are its ("stokeferry-parish-minutes" holds five parishes' minutes).
        let under =
            |g: &Group| g.meetings.iter().filter(|m| m.digest.path.split(['/', '\\']).any(|d| d == dir)).count();
        let named_under: usize = (0..groups.len()).filter(|&h| named(groups, h)).map(|h| under(&groups[h])).sum();
        let family = sole_family(groups, &words, &candidates);
        if let Some(h) = family.filter(|&h| under(&groups[h]) * 10 >= named_under * 9) {
            let taken = std::mem::take(&mut groups[p]);
            groups[h].absorb(taken, "folder name");
        }
    }
    groups.retain(|g| !g.meetings.is_empty());
}

/// The most frequent string of `v` (the smallest among equals). Title-like spellings
/// ("Stoke Ferry Parish Council") win over all-capitals and odd-case ones on a tie.
fn most_frequent(v: &[String]) -> String {
    let score = |s: &String| {
        let n = v.iter().filter(|x| *x == s).count();
        let upper = s.chars().filter(|c| c.is_uppercase()).count();
        let letters = s.chars().filter(|c| c.is_alphabetic()).count().max(1);
        // Few capitals (but some) is the usual way a name is written.
        (n, upper * 4 <= letters && upper > 0)
    };
    let mut best = &v[0];
    for s in v {
        // Ties go to the smaller string, so the name does not depend on the order of the input.
        if score(s) > score(best) || score(s) == score(best) && s < best {
            best = s;
        }
    }
    best.clone()
}

/// Track follow-ups across `inputs`.
pub fn track(inputs: &[Input], opts: &Options) -> Report {
    track_digests(inputs.iter().map(|i| Digest::new(i.path.clone(), &i.doc)), opts)
}

/// Track follow-ups across the meetings `digests` stand for, in input order.
pub fn track_digests(digests: impl IntoIterator<Item = Digest>, opts: &Options) -> Report {
    // Group by body (the same name whatever its case and spacing: "STOKE FERRY PARISH
    // COUNCIL" is "Stoke Ferry Parish Council"), keeping first-seen order, then sort bodies
    // by name. A group is shown under its most frequent spelling.
    let mut groups: Vec<Group> = Vec::new();
    let mut left_out = Vec::new();
    for digest in digests {
        if digest.listing {
            let why = "a listing of other documents (excerpts cut short), not one meeting's minutes".to_string();
            left_out.push(LeftOut { document: digest.path, why });
            continue;
        }
        let (written, source) = match (&opts.body, &digest.body) {
            (Some(b), _) => (b.clone(), "option"),
            (None, Some(b)) => (detect::collapse(b), "meeting.body"),
            (None, None) => (body_from_path(&digest.path).unwrap_or_else(|| "(unknown body)".into()), "path"),
        };
        let key = body_key(&written);
        let (date, date_source) = match (&digest.date, date_from_path(&digest.path)) {
            (Some(d), _) => (Some(d.clone()), "meeting.date"),
            (None, Some(d)) => (Some(d), "file name"),
            (None, None) => (None, "none"),
        };
        let m = Meeting { digest, date, date_source };
        // A folder's name and a body's own are kept apart until the folder is judged
        // (`merge_name_families`), whichever file comes first.
        let g = match groups.iter().position(|g| g.key == key && g.source == source) {
            Some(g) => g,
            None => {
                groups.push(Group { key, source, ..Group::default() });
                groups.len() - 1
            }
        };
        let g = &mut groups[g];
        g.spellings.push(written);
        // The same bytes under two names (a re-upload) are one meeting, not two.
        if !g.meetings.iter().any(|o| o.digest.id == m.digest.id) {
            g.meetings.push(m);
        }
    }
    join_by_file_name(&mut groups);
    merge_misspellings(&mut groups);
    merge_name_families(&mut groups);
    let mut groups: Vec<(String, Group)> = groups.into_iter().map(|g| (most_frequent(&g.spellings), g)).collect();
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    let bodies = groups
        .into_iter()
        .map(|(name, mut g)| {
            // Undated meetings go last, in path order: they cannot be placed in time.
            g.meetings.sort_by(|a, b| {
                (a.date.is_none(), &a.date, &a.digest.path).cmp(&(b.date.is_none(), &b.date, &b.digest.path))
            });
            let mut b = body(name, g.source.to_string(), g.meetings);
            b.also_named = g.also;
            b
        })
        .collect();
    Report { schema: SCHEMA_TAG.to_string(), rules: rules(), bodies, left_out }
}

/// How long after its meeting a later passage can be evidence for a follow-up, in days
/// (a year's round of meetings and the one after): minutes come back to an ask within months,
/// and a passage sharing its terms years later is about another matter with the same words
/// (a 2004 "Clerk to contact the dog warden" is not done by 2019's "the Clerk had reported
/// the drain cover on Wretton Road"). A citation of its minute counts at any distance.
pub const EVIDENCE_WINDOW_DAYS: u32 = 400;
/// A due date after the window moves its end to this many days after the due date.
pub const DUE_GRACE_DAYS: u32 = 120;

/// The last date (ISO) a later meeting can hold evidence for `fu` other than a minute
/// reference: [`EVIDENCE_WINDOW_DAYS`] after its meeting, or [`DUE_GRACE_DAYS`] after its due
/// date when that is later; `None` (no end) for an undated meeting.
fn window_end(fu: &FollowUp) -> Option<String> {
    let (meeting, _) = fu.date.as_deref().and_then(date_at)?;
    let end = meeting.plus_days(EVIDENCE_WINDOW_DAYS).iso();
    Some(match fu.due.as_deref().and_then(date_at) {
        Some((due, _)) => end.max(due.plus_days(DUE_GRACE_DAYS).iso()),
        None => end,
    })
}

fn body(name: String, name_source: String, mut meetings: Vec<Meeting>) -> Body {
    let founds: Vec<_> = meetings.iter_mut().map(|m| std::mem::take(&mut m.digest.found)).collect();
    let meetings = &meetings[..];
    let same_as = twins(meetings);
    let refs: Vec<MeetingRef> = meetings
        .iter()
        .zip(&same_as)
        .map(|(m, twin)| MeetingRef {
            document: m.digest.path.clone(),
            document_id: m.digest.id.clone(),
            date: m.date.clone(),
            date_source: m.date_source.to_string(),
            same_as: twin.map(|i| meetings[i].digest.path.clone()),
        })
        .collect();
    let weights = evidence::Weights::new(
        meetings.iter().zip(&same_as).filter(|(_, twin)| twin.is_none()).flat_map(|(m, _)| &m.digest.lookup.units),
    );
    let mut followups = Vec::new();
    for ((k, m), found) in meetings.iter().enumerate().zip(founds) {
        if same_as[k].is_some() {
            continue;
        }
        // The meetings that can hold evidence: later ones, not repeats, and not held the same
        // day (a meeting does not follow itself up); an undated meeting is not "after" a
        // dated one.
        let later: Vec<usize> = (k + 1..meetings.len())
            .filter(|&j| {
                same_as[j].is_none()
                    && match (&m.date, &meetings[j].date) {
                        (Some(a), Some(b)) => b > a,
                        (Some(_), None) => false,
                        (None, _) => true,
                    }
            })
            .collect();
        for (found, subject) in found {
            let mut fu = FollowUp {
                id: format!("fu-{}", followups.len() + 1),
                document: m.digest.path.clone(),
                date: m.date.clone(),
                item_id: found.item_id,
                item_number: found.item_number,
                item_title: found.item_title,
                paragraph_number: found.paragraph_number,
                origin: found.origin.to_string(),
                subject,
                text: found.text,
                owner: found.owner,
                due: found.due,
                due_text: found.due_text,
                due_source: None,
                span: found.span,
                status: Status::Open,
                reason: String::new(),
                evidence: Vec::new(),
            };
            resolve_due(&mut fu, meetings, k, found.due_month);
            let probe = evidence::Probe::new(&fu, &weights);
            let end = window_end(&fu);
            let mut searched = 0;
            for (x, &j) in later.iter().enumerate() {
                let (next, later) = (x == 0, &meetings[j]);
                let inside = match (&end, &later.date) {
                    (Some(e), Some(d)) => d <= e,
                    _ => true,
                };
                searched += usize::from(inside);
                // Past the window only a minute reference can count: a slash number cited
                // anywhere, or an item reference in the very next meeting's matters arising.
                if !inside && !next && !fu.item_number.as_deref().is_some_and(|n| n.contains('/')) {
                    continue;
                }
                let found = evidence::find(
                    &fu,
                    &probe,
                    &later.digest.lookup,
                    &weights,
                    &later.digest.path,
                    later.date.as_deref(),
                    next,
                );
                // Past the window only a citation of the minute counts.
                fu.evidence.extend(found.into_iter().filter(|e| inside || e.kind == "minute-reference"));
            }
            let later_dates: Vec<&str> = later.iter().filter_map(|&j| meetings[j].date.as_deref()).collect();
            let (status, reason) = evidence::status(&fu, later.len(), searched, &later_dates);
            fu.status = status;
            fu.reason = reason;
            followups.push(fu);
        }
    }
    Body { name, name_source, meetings: refs, followups, also_named: Vec::new() }
}

/// Least share of key terms two documents of a body with the same date must have in common
/// (Jaccard) to be one meeting written twice.
pub const TWIN_MIN_JACCARD: f64 = 0.8;
/// Or: least share of the smaller document's key terms found in the larger one (an HTML page
/// and its Markdown copy parsed into different items, one copy cut short) ...
pub const TWIN_MIN_CONTAINMENT: f64 = 0.95;
/// ... when the smaller holds at least this many key terms.
pub const TWIN_MIN_TERMS: usize = 30;

/// For each meeting, the meeting it repeats ([`MeetingRef::same_as`]): the same date, and at
/// least [`TWIN_MIN_JACCARD`] of their key terms shared, or at least [`TWIN_MIN_CONTAINMENT`]
/// of the smaller one's (of [`TWIN_MIN_TERMS`] or more). Of a meeting's copies the one with the
/// most key terms is kept (the fullest reading; the first in path order among equals).
/// `meetings` are in date order.
fn twins(meetings: &[Meeting]) -> Vec<Option<usize>> {
    let bags: Vec<BTreeSet<&str>> =
        meetings.iter().map(|m| m.digest.lookup.terms().iter().map(|t| &**t).collect()).collect();
    let copies = |a: usize, b: usize| {
        let shared = bags[a].intersection(&bags[b]).count();
        let all = bags[a].len() + bags[b].len() - shared;
        let small = bags[a].len().min(bags[b].len());
        all > 0 && shared as f64 >= TWIN_MIN_JACCARD * all as f64
            || small >= TWIN_MIN_TERMS && shared as f64 >= TWIN_MIN_CONTAINMENT * small as f64
    };
    let mut out: Vec<Option<usize>> = vec![None; meetings.len()];
    let mut start = 0;
    while start < meetings.len() {
        let date = &meetings[start].date;
        let end = start + meetings[start..].iter().take_while(|m| m.date == *date).count();
        if date.is_some() {
            let mut order: Vec<usize> = (start..end).collect();
            order.sort_by_key(|&i| (std::cmp::Reverse(bags[i].len()), i));
            let mut kept: Vec<usize> = Vec::new();
            for i in order {
                match kept.iter().find(|&&k| copies(k, i)) {
                    Some(&k) => out[i] = Some(k),
                    None => kept.push(i),
                }
            }
        }
        start = end;
    }
    out
}

/// `due_source` of a deadline written without a year.
const YEARLESS: &str = "written without a year, from the meeting date";

/// Turn "next meeting", margin months ("Feb") and "the May meeting" into the body's own
/// dates, and deadlines written without a year ("by 31 May", "within 14 days", "in this
/// financial year") into dates from the meeting's own.
fn resolve_due(fu: &mut FollowUp, meetings: &[Meeting], k: usize, due_month: Option<u32>) {
    let relative = fu.due_text.as_deref().and_then(find_relative).map(|(r, _)| r);
    if fu.due.is_some() {
        // The parser dates "by 31 May" from the meeting too.
        let source = if relative.is_some() { YEARLESS } else { "calendar" };
        fu.due_source = Some(source.into());
        return;
    }
    let this = meetings[k].date.as_deref();
    let later = || meetings[k + 1..].iter().filter_map(|m| m.date.as_deref()).filter(move |d| Some(*d) > this);
    let due_month = due_month.or(match relative {
        Some(Relative::MonthMeeting(m)) => Some(m),
        _ => None,
    });
    if let Some(month) = due_month {
        let mm = format!("-{month:02}-");
        if let Some(d) = later().find(|d| d.get(4..8) == Some(mm.as_str())) {
            fu.due = Some(d.to_string());
            fu.due_source = Some("month of a later meeting".into());
        }
        return;
    }
    // "by 31 May", "within 14 days", "in this financial year": from the meeting's own date.
    if let Some(r) = relative {
        if let Some(d) = this.and_then(date_at).and_then(|(m, _)| r.resolve(m)) {
            fu.due = Some(d.iso());
            fu.due_source = Some(YEARLESS.into());
        }
        return;
    }
    let asks_next = fu.due_text.as_deref().is_some_and(|t| t.to_ascii_lowercase().contains("next"));
    if asks_next && this.is_some() {
        if let Some(d) = later().next() {
            fu.due = Some(d.to_string());
            fu.due_source = Some("next meeting in input".into());
        }
    }
}
