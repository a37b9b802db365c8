//! Evidence: later passages of the same body that speak about a follow-up, and the status
//! they give it.
//!
//! A later document is cut into units: paragraphs (split again at line-initial minute
//! references such as "10ii)" or "6xiv)"), list entries and resolutions. A unit is evidence
//! for a follow-up when one of these holds (checked in this order, the first wins):
//!
//! 1. `minute-reference`: the unit cites the follow-up's minute: a number with a slash
//!    ("Min. 135/19") anywhere in a later meeting; or, in the next meeting's matters-arising
//!    item, a line-initial "10ii)" equal to the follow-up's item number and paragraph label
//!    (an item-only reference "10)" also needs [`REF_MIN_SHARED`] shared key term);
//! 2. `matters-arising`: a unit of a later "Matters arising" / "Actions from previous
//!    meeting" / "Clerk's report" item whose overlap is at least [`MA_MIN_OVERLAP`] with at
//!    least [`MIN_SHARED`] shared key terms;
//! 3. `same-subject`: any later unit naming the same owner with overlap at least
//!    [`SUBJECT_MIN_OVERLAP`] and at least [`MIN_SHARED`] shared terms; with no owner, at
//!    least [`NO_OWNER_MIN_SHARED`] shared terms.
//!
//! Overlap is containment: shared key terms divided by the follow-up's key terms (the
//! follow-up is short, the later passage long, so Jaccard would punish the long side).
//! Key terms ([`terms`]): lower-cased words of 3+ letters, minus [`STOP_WORDS`] and people's
//! names, Snowball-stemmed; a follow-up and the passages of a later item also take the terms
//! of a short item title. Inline lists ("• ...", "2) ...") are cut into units of their own.
//! Sharing only title terms is not evidence.
//! At most one unit per later meeting is kept: the strongest kind, then the highest overlap.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;
use rust_stemmers::{Algorithm, Stemmer};

use super::detect::{collapse, pieces, sentences, text_start};
use super::{Evidence, FollowUp, Status};
use crate::model::Document;
use crate::source::Span;

/// Least overlap for a unit in a matters-arising item.
pub const MA_MIN_OVERLAP: f64 = 0.34;
/// Least overlap for a same-subject unit elsewhere.
pub const SUBJECT_MIN_OVERLAP: f64 = 0.5;
/// Least shared key terms for matters-arising and same-subject evidence.
pub const MIN_SHARED: usize = 2;
/// Least shared key terms for same-subject evidence when the follow-up has no owner.
pub const NO_OWNER_MIN_SHARED: usize = 3;
/// Shared key terms that are enough, whatever the overlap, for a passage naming the owner.
pub const OWNER_MIN_SHARED: usize = 3;
/// Least shared key terms for an item-only minute reference.
pub const REF_MIN_SHARED: usize = 1;

/// Words that carry no subject: English function words and minute boilerplate. Sorted.
pub const STOP_WORDS: &[&str] = &[
    "about",
    "above",
    "action",
    "advised",
    "after",
    "again",
    "agenda",
    "agree",
    "agreed",
    "all",
    "also",
    "and",
    "any",
    "are",
    "arising",
    "asked",
    "assistance",
    "been",
    "before",
    "being",
    "both",
    "but",
    "can",
    "chair",
    "chairman",
    "chairperson",
    "clerk",
    "cllr",
    "cllrs",
    "concern",
    "concerns",
    "contact",
    "could",
    "council",
    "councillor",
    "councillors",
    "did",
    "discussed",
    "does",
    "due",
    "each",
    "email",
    "financial",
    "follow",
    "following",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "her",
    "his",
    "into",
    "issue",
    "item",
    "items",
    "its",
    "look",
    "make",
    "matter",
    "matters",
    "meeting",
    "members",
    "minute",
    "minutes",
    "more",
    "mrs",
    "next",
    "not",
    "noted",
    "once",
    "only",
    "other",
    "our",
    "out",
    "over",
    "parish",
    "per",
    "proposed",
    "raised",
    "regard",
    "regarding",
    "report",
    "reported",
    "request",
    "said",
    "seconded",
    "shared",
    "she",
    "should",
    "some",
    "such",
    "support",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "unanimously",
    "under",
    "until",
    "update",
    "upon",
    "very",
    "was",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "will",
    "with",
    "would",
    "you",
];

/// Words that say a follow-up was done.
static DONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(done|completed?|sent|replied|circulated|received|written|wrote|installed|paid|forwarded|arranged|attended|ordered|delivered|repaired|replaced|resolved|cut down|carried out|confirmed|submitted|emailed|contacted|purchased|agreed to sponsor|in place|finished|fixed|published|provided|presented|signed|returned|acknowledg\w*)\b",
    )
    .expect("done regex")
});

/// A perfect or passive of a verb: "had planted", "has been ordered", "was sent", "now
/// removed": something was done.
static DONE_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:had|has|have|had\s+been|has\s+been|have\s+been|was|were|now)\s+(?:(?:now|since|already|also|finally|successfully|been)\s+)?([a-z]+ed|sent|written|done|made|given|held|put|paid|set|cut|drawn up|taken|shown|sought|bought|brought|spoken)\b")
        .expect("done form regex")
});

/// Participles after "had been" / "was" that describe a state or a request, not a deed.
const NOT_DONE: &[&str] = &[
    "advised",
    "agreed",
    "asked",
    "concerned",
    "expected",
    "needed",
    "proposed",
    "raised",
    "reported",
    "required",
    "requested",
    "supposed",
    "used",
];

/// The word that says done in `s`: a [`DONE`] word, else a perfect/passive verb form.
fn done_word(s: &str) -> Option<String> {
    if let Some(m) = DONE.find(s) {
        return Some(m.as_str().to_lowercase());
    }
    DONE_FORM
        .captures_iter(s)
        .map(|c| c[0].to_lowercase())
        .find(|w| w.rsplit(' ').next().is_some_and(|v| !NOT_DONE.contains(&v)))
}

/// Words that say it is not done yet; they win over [`DONE`].
static PENDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(not yet|yet to|still|awaiting|awaited|no response|no reply|outstanding|chase|chased|deferred|postponed|not been|has not|had not|hasn't|hadn't|ongoing|carried forward|would be|will be)\b",
    )
    .expect("pending regex")
});

static MA_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)matters?\s+arising|actions?\s+(?:from|arising)|previous\s+meeting'?s?\s+actions|action\s+(?:log|list|points)|clerk'?’?s\s+report|progress\s+report|outstanding\s+(?:items|actions)",
    )
    .expect("matters arising regex")
});

/// A line-initial minute reference: "10i)", "6xiv)", "5.5xii)" (layout noise before it).
static LINE_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:[\d.]*?)(?P<item>\d{1,3})(?P<sub>[ivxl]+|[a-z])?\)").expect("line ref regex")
});

/// A line-initial minute reference: item number and optional point ("10", "ii").
type Reference = (String, Option<String>);

/// A later passage.
#[derive(Clone, Debug)]
pub struct Unit {
    item_id: String,
    item_number: Option<String>,
    matters_arising: bool,
    span: Span,
    text: String,
    reference: Option<Reference>,
    terms: BTreeSet<String>,
}

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// The stems of [`STOP_WORDS`] ("meetings" -> "meet" is a stop word too).
static STOP_STEMS: LazyLock<BTreeSet<String>> =
    LazyLock::new(|| STOP_WORDS.iter().map(|w| STEMMER.stem(w).into_owned()).collect());

/// Titles before a person's name: the capitalised words after them are a name, not a
/// subject ("Cllr Trudy Mann", "Mrs W. Phillips").
const TITLES: &[&str] = &["cllr", "cllrs", "councillor", "councillors", "dr", "miss", "mr", "mrs", "ms"];

/// Key terms of `s`: lower-cased words of 3+ letters, not stop words, not people's names
/// (capitalised words after a title), Snowball-stemmed ("planted", "planting" -> "plant").
pub fn terms(s: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut in_name = 0u8;
    for w in s.split(|c: char| !c.is_alphabetic() && c != '-').flat_map(|w| w.split('-')) {
        if w.is_empty() {
            continue;
        }
        let lower = w.to_lowercase();
        if TITLES.contains(&lower.as_str()) {
            in_name = 3;
            continue;
        }
        if in_name > 0 && w.starts_with(|c: char| c.is_uppercase()) {
            in_name -= 1;
            continue;
        }
        in_name = 0;
        if w.chars().count() < 3 || STOP_WORDS.binary_search(&lower.as_str()).is_ok() {
            continue;
        }
        let stem = STEMMER.stem(&lower).into_owned();
        if stem.chars().count() >= 3 && !STOP_STEMS.contains(&stem) {
            out.insert(stem);
        }
    }
    out
}

/// Key terms of a follow-up: its text, and the subject of its item (the title up to a list
/// mark, at most eight words) unless the item is itself a matters-arising list.
pub fn followup_terms(fu: &FollowUp) -> BTreeSet<String> {
    let mut t = terms(&fu.text);
    t.extend(title_terms(fu.item_title.as_deref()));
    t
}

/// Key terms of an item title that names a subject: short (at most five words before a list
/// mark or a name), and not a matters-arising list. Longer titles are headings run into text
/// or generic standing items ("Handyman/Rangers or Public Rights of Way Issues").
fn title_terms(title: Option<&str>) -> BTreeSet<String> {
    let Some(title) = title.filter(|t| !MA_TITLE.is_match(t)) else { return BTreeSet::new() };
    let head: Vec<&str> = title
        .split('•')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .take_while(|w| !TITLES.contains(&w.to_lowercase().as_str()))
        .collect();
    if head.len() > 5 {
        return BTreeSet::new();
    }
    terms(&head.join(" "))
}

/// Cut a document into units.
pub fn units(doc: &Document) -> Vec<Unit> {
    let mut out = Vec::new();
    for item in &doc.items {
        let ma = item.title.as_deref().is_some_and(|t| MA_TITLE.is_match(t));
        let subject = title_terms(item.title.as_deref());
        let mut add =
            |text: &str, start: Option<usize>, fallback: Span, reference: Option<(String, Option<String>)>| {
                let t = text.trim();
                if t.is_empty() {
                    return;
                }
                out.push(Unit {
                    item_id: item.id.clone(),
                    item_number: item.number.clone(),
                    matters_arising: ma,
                    span: start.map_or(fallback, |s| Span::new(s, s + text.len())),
                    text: collapse(text),
                    reference,
                    terms: terms(text).union(&subject).cloned().collect(),
                });
            };
        for p in &item.paragraphs {
            let start = text_start(doc, p.span, &p.text);
            let mut cuts: Vec<(usize, Option<Reference>)> = vec![(0, None)];
            for c in LINE_REF.captures_iter(&p.text) {
                let at = c.get(0).expect("match").start();
                let r = (c["item"].to_string(), c.name("sub").map(|s| s.as_str().to_string()));
                if at == 0 {
                    cuts[0].1 = Some(r);
                } else {
                    cuts.push((at, Some(r)));
                }
            }
            for (i, (at, r)) in cuts.iter().enumerate() {
                let end = cuts.get(i + 1).map_or(p.text.len(), |c| c.0);
                // Inline list entries ("• Grit Bins – ...", "2) ...") are units of their own.
                let part = &p.text[*at..end];
                for (x, y) in pieces(part) {
                    add(&part[x..y], start.map(|s| s + at + x), p.span, r.clone());
                }
            }
            for e in &p.list {
                let start = text_start(doc, e.span, &e.text);
                for (x, y) in pieces(&e.text) {
                    add(&e.text[x..y], start.map(|s| s + x), e.span, None);
                }
            }
        }
        for r in &item.resolutions {
            let start = text_start(doc, r.span, &r.text);
            for (x, y) in pieces(&r.text) {
                add(&r.text[x..y], start.map(|s| s + x), r.span, None);
            }
        }
    }
    out
}

fn contains_token(hay: &str, token: &str) -> bool {
    let mut from = 0;
    while let Some(p) = hay[from..].find(token) {
        let a = from + p;
        let z = a + token.len();
        let before = hay[..a].chars().next_back().is_none_or(|c| !c.is_alphanumeric() && c != '/');
        let after = hay[z..].chars().next().is_none_or(|c| !c.is_alphanumeric() && c != '/');
        if before && after {
            return true;
        }
        from = z;
    }
    false
}

/// The word of the owner to look for in later text ("Clerk", "Davies"); `None` for "All".
fn owner_key(owner: &str) -> Option<String> {
    let first = owner.split('/').next().unwrap_or(owner).trim();
    let last = first.split_whitespace().last()?;
    (!last.eq_ignore_ascii_case("all")).then(|| last.trim_matches(|c: char| !c.is_alphabetic()).to_string())
}

fn rank(kind: &str) -> u8 {
    match kind {
        "minute-reference" => 3,
        "matters-arising" => 2,
        _ => 1,
    }
}

/// Evidence for `fu` among the units of one later meeting (`next`: it is the very next one).
pub fn find(fu: &FollowUp, units: &[Unit], path: &str, date: Option<&str>, next: bool) -> Vec<Evidence> {
    let fu_terms = followup_terms(fu);
    let text_terms = terms(&fu.text);
    let owner = fu.owner.as_deref().and_then(owner_key);
    let slash_ref = fu.item_number.as_deref().filter(|n| n.contains('/'));
    let mut best: Option<Evidence> = None;
    for u in units {
        let shared: Vec<String> = fu_terms.intersection(&u.terms).cloned().collect();
        let overlap = if fu_terms.is_empty() { 0.0 } else { shared.len() as f64 / fu_terms.len() as f64 };
        let by_slash = slash_ref.is_some_and(|n| contains_token(&u.text, n));
        let by_line = next
            && u.matters_arising
            && match (&u.reference, &fu.item_number) {
                (Some((item, sub)), Some(n)) if item == n => match (&fu.paragraph_number, sub) {
                    (Some(p), Some(s)) => p.eq_ignore_ascii_case(s),
                    (None, _) => shared.len() >= REF_MIN_SHARED,
                    (Some(_), None) => shared.len() >= REF_MIN_SHARED,
                },
                _ => false,
            };
        // Sharing only the item's subject is not enough: one term of the ask itself too.
        let from_text = shared.iter().any(|w| text_terms.contains(w));
        let kind = if by_slash || by_line {
            "minute-reference"
        } else if !from_text {
            continue;
        } else if u.matters_arising && overlap >= MA_MIN_OVERLAP && shared.len() >= MIN_SHARED {
            "matters-arising"
        } else {
            let names_owner = owner.as_deref().is_some_and(|o| u.text.to_lowercase().contains(&o.to_lowercase()));
            let ok = match &owner {
                Some(_) => {
                    names_owner
                        && (overlap >= SUBJECT_MIN_OVERLAP && shared.len() >= MIN_SHARED
                            || shared.len() >= OWNER_MIN_SHARED)
                }
                None => overlap >= SUBJECT_MIN_OVERLAP && shared.len() >= NO_OWNER_MIN_SHARED,
            };
            if !ok {
                continue;
            }
            "same-subject"
        };
        // Judge done / pending on the sentences that carry shared terms (all of a cited unit).
        let focus: String = if kind == "minute-reference" || shared.is_empty() {
            u.text.clone()
        } else {
            sentences(&u.text)
                .into_iter()
                .map(|(a, b)| &u.text[a..b])
                .filter(|s| {
                    let t = terms(s);
                    shared.iter().any(|w| t.contains(w))
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let pending_word = PENDING.find(&focus).map(|m| m.as_str().to_lowercase());
        let done_word = done_word(&focus);
        let ev = Evidence {
            document: path.to_string(),
            date: date.map(str::to_string),
            item_id: u.item_id.clone(),
            item_number: u.item_number.clone(),
            span: u.span,
            kind: kind.to_string(),
            overlap: (overlap * 100.0).round() / 100.0,
            shared_terms: shared,
            done_word,
            pending_word,
            excerpt: super::report::first_words(&u.text, 14),
        };
        let better = best.as_ref().is_none_or(|b| (rank(&ev.kind), ev.overlap) > (rank(&b.kind), b.overlap));
        if better {
            best = Some(ev);
        }
    }
    best.into_iter().collect()
}

fn cite(e: &Evidence) -> String {
    let item = e.item_number.as_deref().map_or(e.item_id.clone(), |n| format!("item {n}"));
    format!("{} {} ({}, {}..{})", e.date.as_deref().unwrap_or("undated"), item, e.kind, e.span.start, e.span.end)
}

/// The status of `fu` from its evidence, the number of later meetings and their dates.
pub fn status(fu: &FollowUp, later: usize, later_dates: &[&str]) -> (Status, String) {
    if let Some(e) = fu.evidence.iter().rev().find(|e| e.done_word.is_some() && e.pending_word.is_none()) {
        let w = e.done_word.as_deref().unwrap_or("");
        return (Status::Done, format!("\"{w}\" in {}", cite(e)));
    }
    if let Some(e) = fu.evidence.last() {
        let why = match (&e.pending_word, &e.done_word) {
            (Some(p), _) => format!("pending (\"{p}\")"),
            (None, _) => "no word says done".to_string(),
        };
        return (Status::RaisedAgain, format!("raised again in {}: {why}", cite(e)));
    }
    if later == 0 {
        return (Status::Open, "no later meeting of this body in the input".into());
    }
    match fu.due.as_deref() {
        Some(due) => match later_dates.iter().find(|d| **d >= due) {
            Some(at) => (
                Status::Overdue,
                format!("due {due}; no evidence in {later} later meeting(s), the meeting of {at} is on or after it"),
            ),
            None => (Status::Open, format!("due {due}, not passed by the last meeting in the input")),
        },
        None => (Status::Open, format!("no due date; no evidence in {later} later meeting(s)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_sorted() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn key_terms() {
        let t = terms("The Clerk to write to the Highways about the verges.");
        assert_eq!(t.into_iter().collect::<Vec<_>>(), vec!["highway", "verg", "write"]);
    }

    #[test]
    fn tokens() {
        assert!(contains_token("see Min. 135/19 above", "135/19"));
        assert!(!contains_token("see Min. 1135/19 above", "135/19"));
    }
}
