//! Evidence: later passages of the same body that speak about a follow-up, and the status
//! they give it.
//!
//! A later document is cut into units ([`passages`]): paragraphs (split again at line-initial
//! minute references such as "10ii)" or "6xiv)"), list entries and resolutions, then their
//! inline list entries ("• ...", "2) ..."), then topic segments ("Cemetery Bin – ..." up to
//! the next label); text without a label longer than [`MAX_UNLABELLED_SENTENCES`] sentences
//! is one unit a sentence. A unit is evidence for a follow-up when one of these holds
//! (checked in this order, the first wins):
//!
//! 1. `minute-reference`: the unit cites the follow-up's minute: a number with a slash
//!    ("Min. 135/19") anywhere in a later meeting; or, in the next meeting's matters-arising
//!    item, a line-initial "10ii)" equal to the follow-up's item number and paragraph label
//!    (an item-only reference "10)" also needs [`REF_MIN_SHARED`] shared key term);
//! 2. `matters-arising`: a unit of a later "Matters arising" / "Actions from previous
//!    meeting" / "Clerk's report" item whose overlap is at least [`MA_MIN_OVERLAP`] with at
//!    least [`MIN_SHARED`] shared key terms;
//! 3. `owner-deed`: a sentence of the unit names the follow-up's owner before the asked deed
//!    in the past, with [`MIN_SHARED`] shared terms besides the verb ([`owner_did`]); as
//!    strong as a matters-arising entry;
//! 4. `same-subject`: any later unit with overlap at least [`SUBJECT_MIN_OVERLAP`] and at
//!    least [`MIN_SHARED`] shared terms, or naming the owner and sharing at least
//!    [`OWNER_MIN_SHARED`] terms of the follow-up's text and subject (of its item's title
//!    only a rare word, [`TITLE_MIN_IDF`]; not the words of a role's name: "Locum" of "Locum
//!    Clerk"), in the sentence naming the
//!    owner when the unit is longer than [`OWNER_UNIT_SENTENCES`] sentences (a long passage
//!    names the Clerk somewhere and shares three words with anything);
//! 5. `same-heading`: a later unit whose heading (its topic label, "Dog Bin on Bridge Road –
//!    ...", else its item's short title) is mostly (by weight, [`HEADING_MIN_SHARE`]) made of
//!    the follow-up's terms, with at least [`MIN_SHARED`] of them: minutes come back to a
//!    matter under the same heading in other words.
//!
//! Overlap is weighted containment ([`Weights`]): the inverse-document-frequency weight of the
//! shared key terms over that of the follow-up's key terms, frequencies counted over every
//! passage of the body's meetings (the follow-up is short, the later passage long, so
//! Jaccard would punish the long side; rare words like "furlong" count for more than
//! "road"). Key terms ([`terms`]): lower-cased words of 3+ letters, minus [`STOP_WORDS`] and
//! people's names, Snowball-stemmed; a follow-up also takes the terms of its [`subject`]
//! (topic label, and the sentence before a short text) and of a short item title, and the
//! passages of a later item take that item's short title. Sharing only title terms is not
//! evidence. At most one unit per later meeting is kept: the strongest kind, then the highest
//! overlap.
//!
//! Done or pending is read in the sentences of the unit that hold [`FOCUS_MIN_SHARED`] shared
//! terms: the asked deed in the past ("to chase" -> "chased", "to write" -> "wrote") says
//! done whatever else is said; an asked message ("report to the developer") is done by any
//! message sent ("had emailed the developer"), whatever the reply; an asked question ("was
//! checking if the Church ...") is done by an answer reported ("the Church advised"), unless a
//! pending word is there too. Otherwise a pending word ("still", "awaiting") wins over a done
//! word. Only strong evidence (a citation, a matters-arising or owner-deed entry, or overlap at least
//! [`DONE_MIN_OVERLAP`] outside a mere heading in common) can make a follow-up done; weaker
//! evidence makes it raised again. A follow-up of four key terms or more reads done and
//! pending words only in sentences holding one of its own text's terms (not only its subject's).

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, LazyLock};

use regex::Regex;
use rust_stemmers::{Algorithm, Stemmer};

use super::detect::{collapse, pieces, sentences, text_start, topics, Found};
use super::{Evidence, FollowUp, Status};
use crate::model::Document;
use crate::source::Span;

/// Least overlap for a unit in a matters-arising item.
pub const MA_MIN_OVERLAP: f64 = 0.34;
/// Least overlap for a same-subject unit elsewhere.
pub const SUBJECT_MIN_OVERLAP: f64 = 0.5;
/// Least shared key terms for matters-arising and same-subject evidence.
pub const MIN_SHARED: usize = 2;
/// Shared key terms that are enough, whatever the overlap, for a passage naming the owner.
pub const OWNER_MIN_SHARED: usize = 3;
/// A passage of at most this many sentences that names the owner may share its
/// [`OWNER_MIN_SHARED`] terms anywhere; a longer one in the sentence naming the owner.
pub const OWNER_UNIT_SENTENCES: usize = 3;
/// Least weight ([`Weights::idf`]) of a word of the follow-up's item title for it to count
/// among the terms shared by a passage naming the owner: a rare title names the subject
/// ("Independent Remuneration Panel"), a standing one ("Finance", "Other Business") does not.
pub const TITLE_MIN_IDF: f64 = 5.0;
/// Least overlap for same-subject evidence to say done (weaker evidence says raised again).
pub const DONE_MIN_OVERLAP: f64 = 0.34;
/// Shared key terms a sentence of the evidence must hold for its done / pending words to count.
pub const FOCUS_MIN_SHARED: usize = 2;
/// Least share of a later unit's heading (its topic label or item title), by weight, that the
/// follow-up's terms must hold, with at least [`MIN_SHARED`] of its terms, for the unit to be
/// same-subject evidence whatever the overlap: "Recovery Plan – the document was awaiting a
/// GDPR check" speaks about "review whether the (Recovery Plan) document should be circulated".
pub const HEADING_MIN_SHARE: f64 = 0.5;
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
    "april",
    "are",
    "arising",
    "asked",
    "assistance",
    "attention",
    "august",
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
    "december",
    "did",
    "discussed",
    "does",
    "due",
    "each",
    "eight",
    "email",
    "february",
    "financial",
    "five",
    "follow",
    "following",
    "for",
    "four",
    "from",
    "further",
    "had",
    "has",
    "have",
    "her",
    "his",
    "included",
    "including",
    "into",
    "issue",
    "item",
    "items",
    "its",
    "january",
    "july",
    "june",
    "look",
    "make",
    "march",
    "matter",
    "matters",
    "may",
    "meeting",
    "members",
    "minute",
    "minutes",
    "month",
    "more",
    "mrs",
    "next",
    "nine",
    "not",
    "noted",
    "november",
    "october",
    "once",
    "one",
    "only",
    "other",
    "our",
    "out",
    "over",
    "parish",
    "per",
    "possible",
    "proposed",
    "raised",
    "regard",
    "regarding",
    "report",
    "reported",
    "request",
    "said",
    "seconded",
    "september",
    "seven",
    "shared",
    "she",
    "should",
    "six",
    "some",
    "soon",
    "such",
    "support",
    "ten",
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
    "three",
    "through",
    "time",
    "total",
    "two",
    "unanimously",
    "under",
    "until",
    "update",
    "upon",
    "urgent",
    "very",
    "was",
    "week",
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
    "year",
    "you",
];

/// Words that say a follow-up was done.
static DONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(done|completed?|sent|replied|circulated|received|written|wrote|installed|paid|forwarded|arranged|attended|ordered|delivered|repaired|replaced|resolved|cut down|carried out|submitted|emailed|contacted|purchased|agreed to sponsor|in place|finished|fixed|published|provided|presented|signed|returned|acknowledg\w*)\b",
    )
    .expect("done regex")
});

/// A perfect or passive of a verb: "had planted", "has been ordered", "was sent", "now
/// removed": something was done.
static DONE_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:had|has|have|had\s+been|has\s+been|have\s+been|was|were|now)\s+(?:(?:now|since|already|also|finally|successfully|been)\s+)?([a-z]+ed|sent|written|done|made|given|held|put|paid|set|cut|drawn up|taken|shown|sought|bought|brought|spoken)\b")
        .expect("done form regex")
});

/// Participles after "had been" / "was" that describe a state, a belief or a request, not a
/// deed ("was believed to have black paint left"), or a deed not done ("appeared to have
/// ignored the regulations", "had failed to reply", "has declined").
const NOT_DONE: &[&str] = &[
    "advised",
    "agreed",
    "asked",
    "assumed",
    "believed",
    "concerned",
    "considered",
    "declined",
    "delayed",
    "discussed",
    "expected",
    "failed",
    "felt",
    "highlighted",
    "hoped",
    "ignored",
    "mentioned",
    "needed",
    "neglected",
    "noted",
    "pleased",
    "proposed",
    "queried",
    "questioned",
    "raised",
    "refused",
    "reported",
    "requested",
    "required",
    "stalled",
    "suggested",
    "supposed",
    "thought",
    "understood",
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

/// "to <verb>", "will <verb>", "would <verb>": the deeds a follow-up asks for.
static ASKED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:to|will|would|shall)\s+(?:also\s+|then\s+|now\s+)?([a-z]+)\b").expect("asked regex")
});

/// "was checking", "is looking into": a deed under way ([`super::detect::UNDER_WAY`]), asked of
/// the one doing it.
static UNDER_WAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:was|were|is|are)\s+(?:currently\s+|still\s+|now\s+)?([a-z]{3,}ing)\b")
        .expect("under way regex")
});

/// Verbs after "to" that are not a deed to look for later.
const NOT_DEEDS: &[&str] = &[
    "a", "all", "an", "any", "be", "continue", "do", "ensure", "have", "her", "his", "its", "keep", "like", "make",
    "see", "that", "the", "their", "them", "this",
];

/// Verbs of [`NOT_DEEDS`] that ask with another word ("to see about the tree guard", "to make
/// an amendment"): neither a deed nor the subject.
const LIGHT_VERBS: &[&str] = &["continue", "ensure", "have", "keep", "make", "see"];

/// Past forms that do not end in "-ed".
const IRREGULAR_PAST: &[(&str, &[&str])] = &[
    ("bring", &["brought"]),
    ("buy", &["bought"]),
    ("find", &["found"]),
    ("get", &["got"]),
    ("give", &["gave", "given"]),
    ("go", &["went"]),
    ("hold", &["held"]),
    ("lay", &["laid"]),
    ("meet", &["met"]),
    ("pay", &["paid"]),
    ("put", &["put"]),
    ("seek", &["sought"]),
    ("send", &["sent"]),
    ("speak", &["spoke", "spoken"]),
    ("take", &["took", "taken"]),
    ("tell", &["told"]),
    ("write", &["wrote", "written"]),
];

/// The stems of the deeds `text` asks for ("The Clerk agreed to chase up ..." -> "chase"),
/// and those of the light verbs it asks with ([`LIGHT_VERBS`]).
fn asked_verbs(text: &str) -> (Vec<String>, Vec<Term>) {
    let mut out: Vec<String> = Vec::new();
    let mut light = Vec::new();
    for c in ASKED.captures_iter(text) {
        let v = c[1].to_lowercase();
        if LIGHT_VERBS.contains(&v.as_str()) {
            light.push(stem(&v));
        }
        if v.len() < 3 || NOT_DEEDS.contains(&v.as_str()) || v.ends_with("ing") || v.ends_with("ed") {
            continue;
        }
        if !out.contains(&v) {
            out.push(v);
        }
    }
    for c in UNDER_WAY.captures_iter(text) {
        let ing = c[1].to_lowercase();
        if !super::detect::UNDER_WAY.contains(&ing.as_str()) {
            continue;
        }
        let v = stem(&ing).to_string();
        if !out.contains(&v) {
            out.push(v);
        }
    }
    (out, light)
}

/// Whether the asked verb `v` (a word or a stem) is one of `list`.
fn one_of(list: &[&str], v: &str) -> bool {
    list.iter().any(|w| *w == v || stem(w) == stem(v))
}

/// Asked deeds that are messages to someone: any message sent later does them ("report
/// to the developer" is done by "the Clerk had emailed the developer"), whatever the reply.
const MESSAGE_VERBS: &[&str] = &[
    "approach", "ask", "chase", "contact", "email", "forward", "inform", "liaise", "notify", "phone", "remind",
    "report", "request", "send", "speak", "write",
];

/// Past forms that say a message was sent. Not "asked", "requested", "reported", "told",
/// "called": in minutes they are mostly passives about the Council ("the Clerk was asked to").
const MESSAGE_SENT: &[&str] = &[
    "approached",
    "chased",
    "contacted",
    "emailed",
    "forwarded",
    "informed",
    "liaised",
    "notified",
    "phoned",
    "reminded",
    "sent",
    "spoke",
    "spoken",
    "written",
    "wrote",
];

/// Asked deeds that are questions: an answer reported later does them ("checking if the
/// Church will be doing anything" is done by "the Church advised their service was on 1st
/// December").
const QUESTION_VERBS: &[&str] = &[
    "ascertain",
    "check",
    "clarify",
    "confirm",
    "enquire",
    "establish",
    "explore",
    "find",
    "inquire",
    "investigate",
    "look",
    "query",
    "research",
];

/// Words that report an answer. Weaker than a deed: a pending word in the same sentences
/// ("advised that no reply had been received yet") wins over them.
const ANSWERED: &[&str] =
    &["advised", "confirmed", "established", "found", "inspected", "replied", "responded", "surveyed"];

/// The deeds a follow-up asks for, and whether any is a message or a question.
struct Asked {
    verbs: Vec<String>,
    /// The verbs' stems, computed once ([`owner_did`] compares them with shared terms).
    stems: Vec<Term>,
    /// Stems of the light verbs it is asked with ("to see about", "to make an amendment"):
    /// no deed to look for, and no word of its subject either.
    light: Vec<Term>,
    message: bool,
    question: bool,
}

impl Asked {
    fn of(text: &str) -> Asked {
        let (verbs, light) = asked_verbs(text);
        let message = verbs.iter().any(|v| one_of(MESSAGE_VERBS, v));
        let question = verbs.iter().any(|v| one_of(QUESTION_VERBS, v));
        let stems = verbs.iter().map(|v| stem(v)).collect();
        Asked { verbs, stems, light, message, question }
    }
}

/// How a deed was found done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Deed {
    /// The asked deed in the past, or (for a message) any message sent.
    Done,
    /// An answer to an asked question; a pending word still wins.
    Answered,
}

/// A past form of one of `asked` in `focus`, not negated ("had not contacted"): the deed done.
/// For an asked message any message sent counts, for an asked question an answer reported.
fn own_deed(asked: &Asked, focus: &str) -> Option<(String, Deed)> {
    if asked.verbs.is_empty() {
        return None;
    }
    let Asked { verbs: asked, message, question, .. } = asked;
    let words: Vec<&str> =
        focus.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’').filter(|w| !w.is_empty()).collect();
    for (i, w) in words.iter().enumerate() {
        let lower = w.to_lowercase();
        let own = asked.iter().any(|v| {
            let irregular = IRREGULAR_PAST.iter().any(|(base, forms)| base == v && forms.contains(&lower.as_str()));
            irregular || lower.ends_with("ed") && stem(&lower) == stem(v)
        });
        // "had reported X to NCC": a perfect active "reported" is a message sent (a passive
        // "it was reported" is not, see MESSAGE_SENT).
        let reported =
            lower == "reported" && i > 0 && matches!(words[i - 1].to_lowercase().as_str(), "had" | "has" | "have");
        let kind = if own || *message && (MESSAGE_SENT.contains(&lower.as_str()) || reported) {
            Deed::Done
        } else if *question && ANSWERED.contains(&lower.as_str()) {
            Deed::Answered
        } else {
            continue;
        };
        let before = &words[i.saturating_sub(3)..i];
        let negated = before.iter().any(|b| {
            let b = b.to_lowercase();
            b == "not" || b.ends_with("n't") || b.ends_with("n’t") || b == "yet" || b == "never"
        });
        // "to be contacted", "will be sent": still to do.
        let future = before.iter().any(|b| matches!(b.to_lowercase().as_str(), "be" | "to"));
        // "The Clerk was asked to get a quote": a request received, not the deed.
        // Also "was also asked to", "had again been asked to", "was asked by Council to".
        let requested =
            matches!(lower.as_str(), "asked" | "requested" | "instructed" | "invited" | "reminded" | "told")
                && words[i + 1..].iter().take(4).any(|n| n.eq_ignore_ascii_case("to"))
                && before.iter().any(|b| matches!(b.to_lowercase().as_str(), "was" | "were" | "is" | "are" | "been"));
        if !negated && !future && !requested {
            return Some((lower, kind));
        }
    }
    None
}

/// Pending words that only say something is to come; a done word in the same sentences wins
/// over them.
const WEAK_PENDING: &[&str] = &["will be", "would be"];

/// Words that say it is not done yet; they win over [`DONE`] (except [`WEAK_PENDING`]).
static PENDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(not yet|yet to|no\s+\w+\s+yet|still|awaiting|awaited|no response|no reply|outstanding|chase|chased|deferred|postponed|not been|has not|had not|hasn't|hadn't|ongoing|carried forward|would be|will be)\b",
    )
    .expect("pending regex")
});

static MA_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)matters?\s+arising|actions?\s+(?:from|arising)|previous\s+meeting'?s?\s+actions|action\s+(?:log|list|points)|clerk'?’?s\s+report|progress\s+report|outstanding\s+(?:items|actions)",
    )
    .expect("matters arising regex")
});

/// The item that approves the previous meeting's minutes ("Minutes of the Ordinary Meeting on
/// 7 November 2018", "Approval of the minutes"): a minute number cited there corrects the
/// record ("agreed to amend the minute number 227/18 ...") and is no news of the matter.
static RECORD_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\W*(?:(?:to\s+)?(?:approve|approval\s+of|confirm|confirmation\s+of|sign)\s+)?(?:the\s+)?minutes\b",
    )
    .expect("record title regex")
});

/// A line-initial minute reference: "10i)", "6xiv)", "5.5xii)" (layout noise before it).
static LINE_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:[\d.]*?)(?P<item>\d{1,3})(?P<sub>[ivxl]+|[a-z])?\)").expect("line ref regex")
});

/// A paragraph label that is a minute reference ("10ii", "4.4.5viii", "4. 4.4.5viii": the
/// parser reads "10ii)" at a line's start as the paragraph's number, without the ")").
static LABEL_REF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\d. ]*?(?P<item>\d{1,3})(?P<sub>[ivxl]+)$").expect("label ref regex"));

/// A line-initial minute reference: item number and optional point ("10", "ii").
type Reference = (String, Option<String>);

/// A sentence of a [`Unit`]: its byte range in the unit's text and its key terms, sorted.
type Sentence = (usize, usize, Box<[Term]>);

/// A later passage. Kept for every meeting of an archive at once, so compact: its text is a
/// range of its [`Lookup`]'s text, its item an index into the lookup's items, its term sets
/// sorted slices of shared [`Term`]s.
#[derive(Clone, Debug)]
pub struct Unit {
    /// Index into [`Lookup`]'s items (id, number).
    item: usize,
    matters_arising: bool,
    /// In the item that approves (and corrects) the previous minutes.
    record: bool,
    span: Span,
    /// Byte range of the unit's text (whitespace collapsed) in [`Lookup`]'s text.
    text: (usize, usize),
    reference: Option<Box<Reference>>,
    /// The paragraph's own minute-reference label ("Min. 135/19: ..." read as a label).
    label: Option<Box<str>>,
    /// Key terms, sorted.
    terms: Box<[Term]>,
    /// The unit's sentences (byte ranges in its text) with their key terms, sorted.
    sentences: Box<[Sentence]>,
    /// Key terms of the topic label heading the unit ("Dog Bin on Bridge Road – ..."), else
    /// of its item's short title (shared by the item's units), sorted.
    heading: Arc<[Term]>,
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
pub fn terms(s: &str) -> BTreeSet<Term> {
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
        if let Some(stem) = key_stem(&lower) {
            out.insert(stem);
        }
    }
    out
}

/// A key term (a stem). Shared, not copied: the stem cache hands out the same one for every
/// occurrence of a word, so the many term sets of an archive's passages hold pointers, not
/// strings. Ordered and compared as its text.
pub type Term = Arc<str>;

/// Most words [`stem`] remembers; past it the memory is dropped and filled again.
const STEM_CACHE_MAX: usize = 100_000;

thread_local! {
    /// Lower-cased word -> its Snowball stem. Follow-up tracking reads the same passages'
    /// words for every follow-up; stemming them each time was most of its time.
    static STEM_CACHE: RefCell<HashMap<String, Term>> = RefCell::new(HashMap::new());
}

/// The Snowball stem of the lower-cased word `lower`, remembered.
fn stem(lower: &str) -> Term {
    STEM_CACHE.with_borrow_mut(|cache| {
        if let Some(hit) = cache.get(lower) {
            return hit.clone();
        }
        let stem: Term = STEMMER.stem(lower).into();
        if cache.len() >= STEM_CACHE_MAX {
            cache.clear();
        }
        cache.insert(lower.to_string(), stem.clone());
        stem
    })
}

/// The key stem of the lower-cased word `lower`: none for words under 3 letters and stop
/// words, before or after stemming.
fn key_stem(lower: &str) -> Option<Term> {
    if lower.chars().count() < 3 || STOP_WORDS.binary_search(&lower).is_ok() {
        return None;
    }
    Some(stem(lower)).filter(|s| s.chars().count() >= 3 && !STOP_STEMS.contains(&**s))
}

/// A text with fewer key terms than this also takes the sentence before it as its subject.
pub const SHORT_TEXT_TERMS: usize = 4;

/// The subject of `fu` in its own document (see [`FollowUp::subject`]): the topic label of
/// the passage it is in, and for a short text the sentence before it in its paragraph.
pub fn subject(doc: &Document, fu: &Found) -> Option<String> {
    let src = doc.source.text.as_deref()?;
    let item = doc.items.iter().find(|i| i.id == fu.item_id)?;
    // The innermost block holding the follow-up: a list entry, else a paragraph.
    let mut block: Option<Span> = None;
    for p in &item.paragraphs {
        if p.span.start <= fu.span.start && fu.span.end <= p.span.end {
            block = Some(p.span);
            for e in &p.list {
                if e.span.start <= fu.span.start && fu.span.end <= e.span.end {
                    block = Some(e.span);
                }
            }
        }
    }
    let block = block?;
    let before = src.get(block.start..fu.span.start)?;
    let mut parts: Vec<String> = Vec::new();
    // The topic label of the segment the follow-up starts in (a label starts its segment),
    // unless the follow-up's own text starts with it (its terms are already there).
    let here = src.get(block.start..fu.span.end)?;
    // Where the follow-up's words start: past a list mark ("• Lark Road – ...").
    let own = before.len() + here[before.len()..].find(char::is_alphanumeric).unwrap_or(0);
    let segment = topics(here).into_iter().rev().find(|(_, (start, _))| *start <= own);
    if let Some((Some((a, b)), _)) = segment {
        if a < before.len() {
            parts.push(collapse(&here[a..b]));
        }
    }
    // The sentence before, from the follow-up's own topic segment only.
    let before = &before[segment.map_or(0, |(_, (start, _))| start.min(before.len()))..];
    if terms(&fu.text).len() < SHORT_TEXT_TERMS {
        if let Some((a, b)) = sentences(before).last() {
            let sentence = collapse(&before[*a..*b]);
            // A sentence that starts with the label stands for both.
            parts.retain(|label| !sentence.starts_with(label.as_str()));
            parts.push(sentence);
        }
    }
    (!parts.is_empty()).then(|| parts.join(" / "))
}

/// Key terms of an item title that names a subject: short (at most five words before a list
/// mark or a name), and not a matters-arising list. Longer titles are headings run into text
/// or generic standing items ("Handyman/Rangers or Public Rights of Way Issues").
fn title_terms(title: Option<&str>) -> BTreeSet<Term> {
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

/// An agenda's verb before the subject of an item ("To Approve the Grounds Maintenance
/// Contract", "To Receive: Update from ...", "To discuss"): it names what the meeting does,
/// not what the item is about.
static AGENDA_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*to\s+(?:approve|receive|note|discuss|consider|agree|accept|review|resolve|decide)\b\s*:?\s*")
        .expect("agenda verb regex")
});

/// Key terms of the subject an item's title names, after the agenda's verb ("To Approve the
/// Grounds Maintenance Contract 2020/21" -> "ground", "mainten", "contract"), for matching
/// headings only: the same subject under a later heading. Overlap reads [`title_terms`], so
/// that a standing agenda subject ("Grounds Maintenance") does not make every later passage
/// on it look like the follow-up's.
fn heading_terms(title: Option<&str>) -> BTreeSet<Term> {
    title_terms(title.map(|t| AGENDA_VERB.find(t).map_or(t, |m| &t[m.end()..])))
}

/// One meeting's units and where to look among them: the units holding each key term (sorted
/// terms, each with its units), and every unit's text and label run together (a minute number
/// not in it is cited nowhere; the units' texts are ranges of it).
#[derive(Debug)]
pub struct Lookup {
    pub units: Vec<Unit>,
    /// The items' ids and numbers ([`Unit`]'s `item`).
    items: Vec<(String, Option<String>)>,
    /// Every term of the units, sorted; `starts[k]..starts[k + 1]` of `postings` are the units
    /// holding `terms[k]`, in order.
    terms: Box<[Term]>,
    starts: Box<[u32]>,
    postings: Box<[u32]>,
    cited: String,
}

impl Lookup {
    /// Cut a document into units ([`passages`] of its paragraphs, list entries and
    /// resolutions) and index them.
    pub fn of(doc: &Document) -> Lookup {
        let mut units = Vec::new();
        let mut items = Vec::new();
        let mut cited = String::new();
        for item in &doc.items {
            let at = items.len();
            items.push((item.id.clone(), item.number.clone()));
            let ma = item.title.as_deref().is_some_and(|t| MA_TITLE.is_match(t));
            let record = item.title.as_deref().is_some_and(|t| RECORD_TITLE.is_match(t));
            let subject = title_terms(item.title.as_deref());
            let subject_heading: Arc<[Term]> = heading_terms(item.title.as_deref()).into_iter().collect();
            let mut add = |text: &str,
                           start: Option<usize>,
                           fallback: Span,
                           reference: Option<(String, Option<String>)>,
                           label: Option<&String>| {
                let t = text.trim();
                if t.is_empty() {
                    return;
                }
                // A label opening the unit, after a list mark at most ("4) Lark Road – ...").
                let body = &t[t.find(char::is_alphabetic).unwrap_or(0)..];
                let heading = match topics(body).first() {
                    Some((Some((a, b)), _)) if *a == 0 => terms(&body[*a..*b]).into_iter().collect(),
                    _ => subject_heading.clone(),
                };
                let flat = collapse(text);
                let sentences = sentences(&flat)
                    .into_iter()
                    .map(|(a, b)| (a, b, terms(&flat[a..b]).into_iter().collect::<Box<[Term]>>()))
                    .collect();
                let unit_terms = terms(&flat).union(&subject).cloned().collect();
                let label = label.filter(|l| l.contains('/')).map(|l| Box::<str>::from(l.as_str()));
                let range = (cited.len(), cited.len() + flat.len());
                cited.push_str(&flat);
                cited.push('\n');
                if let Some(l) = &label {
                    cited.push_str(l);
                    cited.push('\n');
                }
                units.push(Unit {
                    item: at,
                    matters_arising: ma,
                    record,
                    span: start.map_or(fallback, |s| Span::new(s, s + text.len())),
                    sentences,
                    text: range,
                    reference: reference.map(Box::new),
                    label,
                    terms: unit_terms,
                    heading,
                });
            };
            for p in &item.paragraphs {
                let start = text_start(doc, p.span, &p.text);
                let own = p.number.as_deref().and_then(|n| LABEL_REF.captures(n));
                let own = own.map(|c| (c["item"].to_string(), Some(c["sub"].to_string())));
                let mut cuts: Vec<(usize, Option<Reference>)> = vec![(0, own)];
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
                    for (x, y) in passages(part) {
                        add(&part[x..y], start.map(|s| s + at + x), p.span, r.clone(), p.number.as_ref());
                    }
                }
                for e in &p.list {
                    let start = text_start(doc, e.span, &e.text);
                    for (x, y) in passages(&e.text) {
                        add(&e.text[x..y], start.map(|s| s + x), e.span, None, e.label.as_ref());
                    }
                }
            }
            for r in &item.resolutions {
                let start = text_start(doc, r.span, &r.text);
                for (x, y) in passages(&r.text) {
                    add(&r.text[x..y], start.map(|s| s + x), r.span, None, None);
                }
            }
        }
        // The term index: (term, unit) pairs sorted by term, units in order (a stable sort).
        let mut pairs: Vec<(&Term, u32)> = Vec::new();
        for (i, u) in units.iter().enumerate() {
            let i = u32::try_from(i).expect("fewer than 2^32 units");
            pairs.extend(u.terms.iter().map(|t| (t, i)));
        }
        pairs.sort_by(|a, b| a.0.cmp(b.0));
        let mut terms: Vec<Term> = Vec::new();
        let mut starts: Vec<u32> = Vec::new();
        for (k, (t, _)) in pairs.iter().enumerate() {
            if terms.last() != Some(*t) {
                terms.push(Term::clone(t));
                starts.push(u32::try_from(k).expect("fewer than 2^32 terms"));
            }
        }
        starts.push(u32::try_from(pairs.len()).expect("fewer than 2^32 terms"));
        let postings = pairs.iter().map(|(_, i)| *i).collect();
        Lookup { units, items, terms: terms.into(), starts: starts.into(), postings, cited }
    }

    /// Every key term of the meeting's units, sorted, each once.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// The units holding the key term `t`, in order.
    fn with_term(&self, t: &str) -> &[u32] {
        match self.terms.binary_search_by(|x| (**x).cmp(t)) {
            Ok(k) => &self.postings[self.starts[k] as usize..self.starts[k + 1] as usize],
            Err(_) => &[],
        }
    }

    /// The text of `u` (one of [`Lookup::units`]).
    fn text(&self, u: &Unit) -> &str {
        &self.cited[u.text.0..u.text.1]
    }
}

/// Most sentences a passage without a topic label may hold before it is cut into sentences.
pub const MAX_UNLABELLED_SENTENCES: usize = 2;

/// The passages of a later text, as byte ranges: inline list entries, then topic segments
/// ("Cemetery Bin – ..." up to the next label) as they are; text without a label is one
/// passage when short, else one passage a sentence (a clerk's report run into one paragraph
/// speaks of many things, and sharing words across them is not evidence).
pub fn passages(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (x, y) in pieces(text) {
        let piece = &text[x..y];
        for (label, (a, b)) in topics(piece) {
            let seg = &piece[a..b];
            let ss = sentences(seg);
            if label.is_some() || ss.len() <= MAX_UNLABELLED_SENTENCES {
                out.push((x + a, x + b));
            } else {
                out.extend(ss.into_iter().map(|(c, d)| (x + a + c, x + a + d)));
            }
        }
    }
    out
}

/// Term weights of one body: inverse document frequency over all passages of its meetings,
/// so that sharing "furlong" and "wall" counts for more than sharing "road" and "work".
#[derive(Debug, Default)]
pub struct Weights {
    df: std::collections::BTreeMap<Term, usize>,
    n: usize,
}

impl Weights {
    /// Count the passages of every meeting of a body.
    pub fn new<'a>(all: impl IntoIterator<Item = &'a Unit>) -> Weights {
        let mut w = Weights::default();
        for u in all {
            w.n += 1;
            for t in &u.terms {
                *w.df.entry(t.clone()).or_default() += 1;
            }
        }
        w
    }

    /// The weight of a term: ln((N + 1) / (df + 1)) + 1.
    pub fn idf(&self, t: &str) -> f64 {
        let df = self.df.get(t).copied().unwrap_or(0);
        ((self.n as f64 + 1.0) / (df as f64 + 1.0)).ln() + 1.0
    }

    /// The summed weight of `terms`.
    pub fn weight<'t>(&self, terms: impl IntoIterator<Item = &'t Term>) -> f64 {
        terms.into_iter().map(|t| self.idf(t)).sum()
    }

    /// Weighted containment: the weight of the shared terms over `total`, the weight of the
    /// follow-up's terms ([`Weights::weight`], computed once per follow-up).
    pub fn containment(&self, shared: &[Term], total: f64) -> f64 {
        if total == 0.0 {
            return 0.0;
        }
        self.weight(shared) / total
    }
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

/// Whether a sentence of `u` names the follow-up's owner (`owner`, its [`owner_key`]) doing
/// the asked deed ([`own_deed`]: "the Clerk had emailed the developer" for "the Clerk to report
/// to the developer"; "Cllr Mann ... had surveyed the area and found no suitable place" for
/// "Cllr Mann to investigate ...") and holds [`MIN_SHARED`] of the `shared` terms, counting
/// the unit's heading: the one asked reporting the deed is as good as a matters-arising entry.
/// A message sent counts only when it went to the one the follow-up names ([`addressee`]):
/// "the Clerk emailed the Mill Manager" does not do "the Clerk to contact the Conservation
/// Officer".
fn owner_did(
    asked: &Asked,
    owner: &str,
    u: &Unit,
    text: &str,
    shared: &[Term],
    to: &BTreeSet<Term>,
    subject: &BTreeSet<Term>,
) -> bool {
    shared.len() >= MIN_SHARED
        && u.sentences.iter().any(|(a, b, t)| {
            let s = &text[*a..*b];
            let here = |w: &Term| t.binary_search(w).is_ok() || u.heading.binary_search(w).is_ok();
            // A follow-up that needed its subject ("Furlong Road Signage – ... would notify
            // residents") needs a word of it here too.
            let on_subject = (subject.is_empty() || subject.iter().any(here))
                // The asked verb itself is not a shared subject ("confirm" in "confirmed"),
                // nor a light verb ("see" of "to see about").
                && shared
                    .iter()
                    .filter(|w| !asked.stems.contains(w) && !asked.light.contains(w) && here(w))
                    .count()
                    >= MIN_SHARED;
            if !on_subject {
                return false;
            }
            // The owner "advised that ..." or "shared that ..." is the owner speaking, not a
            // deed done or an answer received.
            let Some((word, _)) = own_deed(asked, s).filter(|(w, _)| !reports_speech(s, w)) else { return false };
            // The owner does it: named before the deed ("Resident informed Clerk" is not).
            let words: Vec<String> = s.split(|c: char| !c.is_alphanumeric()).map(str::to_lowercase).collect();
            let (Some(who), Some(did)) =
                (words.iter().position(|w| w.eq_ignore_ascii_case(owner)), words.iter().position(|w| *w == word))
            else {
                return false;
            };
            if who > did {
                return false;
            }
            !(MESSAGE_SENT.contains(&word.as_str()) && !to.is_empty() && stems(s).is_disjoint(to))
        })
}

/// Message verbs whose object is the message, not whom it goes to ("write a letter to ...",
/// "request a site visit from ..."); "report to the developer" names the addressee at once.
const MESSAGE_OBJECT_VERBS: &[&str] = &["forward", "report", "request", "send", "write"];

/// Words that start an addressee after "to" or "from" (or a capitalised name does).
const ADDRESSEE_DETERMINERS: &[&str] =
    &["a", "all", "an", "any", "each", "every", "her", "his", "its", "our", "the", "their", "those"];

/// How far after such a verb "to" or "from" may name the addressee.
const MESSAGE_OBJECT_WORDS: usize = 8;

/// Words that end the addressee after a message verb ("contact the Conservation Officer
/// about ...", "chase up with Highways in relation to ...").
const ADDRESSEE_END: &[&str] = &[
    "about",
    "and",
    "as",
    "concerning",
    "for",
    "if",
    "in",
    "on",
    "over",
    "re",
    "regarding",
    "that",
    "whether",
    "with",
];

/// The stems of whom the follow-up's message goes to: the words after its first message verb
/// ("to report to the developer" -> "develop"; "to forward details to Cllr Daphne Clements" ->
/// "daphn", "clement"), up to [`ADDRESSEE_END`] or punctuation, four words at most, without
/// titles and function words. Empty when the follow-up asks no message.
fn addressee(text: &str) -> BTreeSet<Term> {
    let words: Vec<&str> = text.split_inclusive(|c: char| c.is_whitespace()).filter(|w| !w.trim().is_empty()).collect();
    let Some(mut at) = words.iter().position(|w| {
        let w = w.trim().to_lowercase();
        one_of(MESSAGE_VERBS, &w) && !w.ends_with("ed")
    }) else {
        return BTreeSet::new();
    };
    // A verb whose object is the message names whom it goes to after "to" or "from": "write
    // a letter of response to those enquiring", "request a site visit from Highways".
    let verb = words[at].trim().to_lowercase();
    if one_of(MESSAGE_OBJECT_VERBS, &verb) {
        let bare = |w: &str| w.trim().trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        // "to" before a name or a determiner, not an infinitive ("ask them to see to ...").
        let names = |w: Option<&&str>| {
            w.is_some_and(|w| {
                w.trim().starts_with(char::is_uppercase) || ADDRESSEE_DETERMINERS.contains(&bare(w).as_str())
            })
        };
        let after = &words[at + 1..];
        let mark = after
            .iter()
            .take(MESSAGE_OBJECT_WORDS)
            .take_while(|w| !w.trim_end().ends_with([',', '.', ';', ':']))
            .enumerate()
            .position(|(k, w)| {
                // "from" names whom a request goes to, not a letter's sender ("forward the
                // email from Highways to all councillors").
                let mark = bare(w);
                (mark == "to" || mark == "from" && one_of(&["request"], &verb)) && names(after.get(k + 1))
            });
        if let Some(k) = mark {
            at += 1 + k;
        }
    }
    let mut out = BTreeSet::new();
    let mut taken = 0;
    for (k, w) in words[at + 1..].iter().enumerate() {
        let stop = w.trim_end().ends_with([',', '.', ';', ':']);
        let bare = w.trim().trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        if ADDRESSEE_END.contains(&bare.as_str()) && taken > 0 {
            break;
        }
        // "contact Bonnetts to see about ...": an infinitive ends the addressee.
        let infinitive = bare == "to"
            && words.get(at + 2 + k).is_some_and(|n| {
                let n = n.trim();
                n.starts_with(char::is_lowercase)
                    && !ADDRESSEE_DETERMINERS.contains(&n.trim_matches(|c: char| !c.is_alphanumeric()))
            });
        if infinitive && taken > 0 {
            break;
        }
        if bare.len() >= 3 && !TITLES.contains(&bare.as_str()) && !matches!(bare.as_str(), "the" | "back" | "with") {
            out.insert(stem(&bare));
            taken += 1;
        }
        if stop || taken == 4 {
            break;
        }
    }
    out
}

/// Stems of every word of `s` (no stop words removed).
fn stems(s: &str) -> BTreeSet<Term> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| stem(&w.to_lowercase())).collect()
}

/// Whether `word` (lower case) in `s` reports speech: "advised", or any verb followed by
/// "that" ("The Clerk shared that ...").
fn reports_speech(s: &str, word: &str) -> bool {
    word == "advised"
        || s.to_lowercase()
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .windows(2)
            .any(|w| w[0] == word && w[1] == "that")
}

fn rank(kind: &str) -> u8 {
    match kind {
        "minute-reference" => 3,
        "matters-arising" | "owner-deed" => 2,
        _ => 1,
    }
}

/// What [`find`] asks of every later unit about one follow-up, worked out once.
pub struct Probe {
    /// Key terms of its text and subject, and of its item's short title: overlap reads these.
    fu_terms: BTreeSet<Term>,
    fu_weight: f64,
    /// Key terms of its text and subject: a unit must share one to be evidence.
    text_terms: BTreeSet<Term>,
    /// Key terms of its text alone when it has [`SHORT_TEXT_TERMS`] or more, else
    /// `text_terms`: a sentence must hold one for its done / pending words to count.
    ask_terms: BTreeSet<Term>,
    /// `fu_terms` and its item's title after the agenda verb ([`heading_terms`]), for headings.
    heading_match: BTreeSet<Term>,
    owner: Option<String>,
    /// Key terms of the owner's name when it is a role ("locum" of "Locum Clerk"): no subject.
    owner_terms: BTreeSet<Term>,
    asked: Asked,
    to: BTreeSet<Term>,
    subject: BTreeSet<Term>,
}

impl Probe {
    pub fn new(fu: &FollowUp, weights: &Weights) -> Probe {
        let text = terms(&fu.text);
        let subject = fu.subject.as_deref().map(terms).unwrap_or_default();
        let text_terms: BTreeSet<Term> = text.union(&subject).cloned().collect();
        let mut fu_terms = text_terms.clone();
        fu_terms.extend(title_terms(fu.item_title.as_deref()));
        let mut heading_match = fu_terms.clone();
        heading_match.extend(heading_terms(fu.item_title.as_deref()));
        let ask_terms = if text.len() >= SHORT_TEXT_TERMS { text } else { text_terms.clone() };
        Probe {
            fu_weight: weights.weight(&fu_terms),
            fu_terms,
            text_terms,
            ask_terms,
            heading_match,
            owner: fu.owner.as_deref().and_then(owner_key),
            // The words of a role's name ("Locum" of "Locum Clerk"), not of a body named as
            // owner ("Country Grounds Maintenance" is also the subject).
            owner_terms: fu
                .owner
                .as_deref()
                .filter(|o| owner_key(o).is_some_and(|k| STOP_WORDS.binary_search(&k.to_lowercase().as_str()).is_ok()))
                .map(terms)
                .unwrap_or_default(),
            asked: Asked::of(&fu.text),
            to: addressee(&fu.text),
            subject,
        }
    }
}

/// Evidence for `fu` (its [`Probe`]) among the units of one later meeting (`next`: it is the
/// very next one).
pub fn find(
    fu: &FollowUp,
    probe: &Probe,
    lookup: &Lookup,
    weights: &Weights,
    path: &str,
    date: Option<&str>,
    next: bool,
) -> Vec<Evidence> {
    let Probe { fu_terms, fu_weight, text_terms, ask_terms, heading_match, owner, owner_terms, asked, to, subject } =
        probe;
    let units = &lookup.units;
    let fu_weight = *fu_weight;
    let slash_ref = fu.item_number.as_deref().filter(|n| n.contains('/'));
    // The unit's heading is mostly the follow-up's terms.
    let headed = |u: &Unit| {
        let heading: Vec<Term> = u.heading.iter().filter(|t| heading_match.contains(*t)).cloned().collect();
        heading.len() >= MIN_SHARED && weights.weight(&heading) >= HEADING_MIN_SHARE * weights.weight(u.heading.iter())
    };
    // Only units that share a term of the ask or may cite the follow-up can be evidence
    // (see `from_text` below): look them up instead of reading every unit.
    let mut candidates: Vec<usize> = text_terms.iter().flat_map(|t| lookup.with_term(t)).map(|&i| i as usize).collect();
    if let Some(n) = slash_ref.filter(|n| lookup.cited.contains(n)) {
        candidates.extend(
            units
                .iter()
                .enumerate()
                .filter(|(_, u)| lookup.text(u).contains(n) || u.label.as_deref().is_some_and(|l| l.contains(n)))
                .map(|(i, _)| i),
        );
    }
    if next {
        candidates.extend(
            units.iter().enumerate().filter(|(_, u)| u.matters_arising && u.reference.is_some()).map(|(i, _)| i),
        );
    }
    candidates.sort_unstable();
    candidates.dedup();
    let mut best: Option<Evidence> = None;
    for u in candidates.into_iter().map(|i| &units[i]) {
        let text = lookup.text(u);
        // In order, as the terms are sorted.
        let shared: Vec<Term> = u.terms.iter().filter(|t| fu_terms.contains(*t)).cloned().collect();
        let overlap = weights.containment(&shared, fu_weight);
        // Sharing only the item's subject is not enough: one term of the ask itself too.
        let from_text = shared.iter().any(|w| text_terms.contains(w));
        // A citation in the minutes-approval item must also share a term of the ask.
        let by_slash = (!u.record || from_text)
            && slash_ref
                .is_some_and(|n| contains_token(text, n) || u.label.as_deref().is_some_and(|l| contains_token(l, n)));
        let by_line = next
            && u.matters_arising
            && match (u.reference.as_deref(), &fu.item_number) {
                (Some((item, sub)), Some(n)) if item == n => match (&fu.paragraph_number, sub) {
                    (Some(p), Some(s)) => p.eq_ignore_ascii_case(s),
                    (None, _) => shared.len() >= REF_MIN_SHARED,
                    (Some(_), None) => shared.len() >= REF_MIN_SHARED,
                },
                _ => false,
            };
        let kind = if by_slash || by_line {
            "minute-reference"
        } else if !from_text {
            continue;
        } else if u.matters_arising && overlap >= MA_MIN_OVERLAP && shared.len() >= MIN_SHARED {
            "matters-arising"
        } else if owner.as_deref().is_some_and(|o| owner_did(asked, o, u, text, &shared, to, subject)) {
            "owner-deed"
        } else {
            // Naming the owner, a sentence (with the unit's heading) must hold the shared
            // terms, and they must be the ask's own: not a role's name ("Locum" of "Locum
            // Clerk"), nor a standing item's title ("Finance"). A long passage names the Clerk
            // somewhere and shares three words with anything.
            let names_owner = owner.as_deref().is_some_and(|o| {
                let o = o.to_lowercase();
                let own = |t: Option<&[Term]>| {
                    shared
                        .iter()
                        .filter(|w| {
                            !owner_terms.contains(*w) && (text_terms.contains(*w) || weights.idf(w) >= TITLE_MIN_IDF)
                        })
                        .filter(|w| t.is_none_or(|t| t.binary_search(w).is_ok() || u.heading.binary_search(w).is_ok()))
                        .count()
                        >= OWNER_MIN_SHARED
                };
                if u.sentences.len() <= OWNER_UNIT_SENTENCES {
                    return text.to_lowercase().contains(&o) && own(None);
                }
                u.sentences.iter().any(|(a, b, t)| text[*a..*b].to_lowercase().contains(&o) && own(Some(t)))
            });
            let ok = overlap >= SUBJECT_MIN_OVERLAP && shared.len() >= MIN_SHARED || names_owner;
            if ok {
                "same-subject"
            } else if headed(u) {
                "same-heading"
            } else {
                continue;
            }
        };
        // Judge done / pending on the sentences that carry shared terms (all of a cited unit).
        // A sentence speaks of the follow-up when it holds two of the shared terms (or all,
        // when fewer are shared); the done and pending words must be in such a sentence.
        let focus: String = if kind == "minute-reference" || shared.is_empty() {
            text.to_string()
        } else {
            let need = shared.len().min(FOCUS_MIN_SHARED);
            u.sentences
                .iter()
                .filter(|(_, _, t)| {
                    shared.iter().filter(|w| t.binary_search(w).is_ok()).count() >= need
                        && shared.iter().any(|w| ask_terms.contains(w) && t.binary_search(w).is_ok())
                })
                .map(|(a, b, _)| &text[*a..*b])
                .collect::<Vec<_>>()
                .join(" ")
        };
        // The asked deed itself in the past ("to chase" -> "chased") says done, whatever else
        // the sentence says; otherwise a pending word wins over a done word.
        let deed = own_deed(asked, &focus);
        let (done_word, pending_word) = match deed {
            Some((w, Deed::Done)) => (Some(w), None),
            _ => {
                let done = deed.map(|(w, _)| w).or_else(|| done_word(&focus));
                let pending = PENDING.find_iter(&focus).map(|m| m.as_str().to_lowercase()).find(|p| {
                    // "has been ordered and will be emptied": a future after a deed is the
                    // next step, not the deed pending.
                    done.is_none() || !WEAK_PENDING.contains(&p.as_str())
                });
                (done, pending)
            }
        };
        let ev = Evidence {
            document: path.to_string(),
            date: date.map(str::to_string),
            item_id: lookup.items[u.item].0.clone(),
            item_number: lookup.items[u.item].1.clone(),
            span: u.span,
            kind: kind.to_string(),
            overlap: (overlap * 100.0).round() / 100.0,
            shared_terms: shared.iter().map(|t| t.to_string()).collect(),
            done_word,
            pending_word,
            excerpt: super::report::first_words(text, 14),
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

/// The status of `fu` from its evidence, the number of later meetings, how many of them were
/// searched for evidence (those within the window, [`super::EVIDENCE_WINDOW_DAYS`]) and their
/// dates.
pub fn status(fu: &FollowUp, later: usize, searched: usize, later_dates: &[&str]) -> (Status, String) {
    // Only strong evidence can say done: a citation, a matters-arising entry, or a passage
    // sharing a third of the follow-up's (weighted) terms. A passage that only names the
    // owner and a few terms, or only shares the heading (the same agenda subject in other
    // words), shows the matter came up again, not that it was finished.
    let strong = |e: &&Evidence| rank(&e.kind) > 1 || e.kind != "same-heading" && e.overlap >= DONE_MIN_OVERLAP;
    if let Some(e) = fu.evidence.iter().filter(strong).rev().find(|e| e.done_word.is_some() && e.pending_word.is_none())
    {
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
    let searched = if searched < later {
        format!(
            "{searched} later meeting(s) within {} days (and no minute reference in the {} after)",
            super::EVIDENCE_WINDOW_DAYS,
            later - searched
        )
    } else {
        format!("{later} later meeting(s)")
    };
    match fu.due.as_deref() {
        Some(due) => match later_dates.iter().find(|d| **d >= due) {
            Some(at) => (
                Status::Overdue,
                format!("due {due}; no evidence in {searched}, the meeting of {at} is on or after it"),
            ),
            None => (Status::Open, format!("due {due}, not passed by the last meeting in the input")),
        },
        None => (Status::Open, format!("no due date; no evidence in {searched}")),
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
    fn a_request_received_is_no_deed() {
        let asked = Asked::of("The Clerk to ask the contractor for a quote.");
        for s in [
            "The Clerk was asked to get a quote from the contractor.",
            "The Clerk was also asked to get a quote from the contractor.",
            "The Clerk was asked by Council to get a quote from the contractor.",
        ] {
            assert_eq!(own_deed(&asked, s), None, "{s}");
        }
        assert!(own_deed(&asked, "The Clerk had asked the contractor for a quote.").is_some());
    }

    #[test]
    fn a_deed_not_done_is_no_done_word() {
        assert_eq!(done_word("The grass has been cut by the Borough Council."), Some("has been cut".into()));
        for s in [
            "The funeral director appeared to have ignored the regulations.",
            "The Borough Council has failed to reply to the letter.",
            "The repairs have been delayed by the weather.",
            "The owner had refused access to the site.",
        ] {
            assert_eq!(done_word(s), None, "{s}");
        }
    }

    #[test]
    fn whom_a_message_goes_to() {
        let to = |s: &str| addressee(s).iter().map(|t| t.to_string()).collect::<Vec<_>>();
        // The object of "contact" is the addressee; that of "write" or "request" the message.
        assert_eq!(to("The Clerk to contact the Conservation Officer about the mill."), ["conserv", "offic"]);
        assert_eq!(to("The Clerk to write a letter of response to those enquiring."), ["enquir", "those"]);
        assert_eq!(to("The Clerk will request a site visit from Highways."), ["highway"]);
        assert_eq!(to("Clerk to report to the developer."), ["develop"]);
        // An infinitive ends it.
        assert_eq!(to("Clerk to contact Bonnetts to see about the reuse of the tree guard."), ["bonnett"]);
        // "to" before a verb is no addressee: the message's words stand.
        assert_eq!(to("Clerk to write a piece to go in the Pump."), ["piec"]);
        assert_eq!(to("Clerk to email Fenby Regeneration and ask them to see to the land."), ["fenbi", "regener"]);
        // "from" is the sender but for a request; a double space is no word.
        assert_eq!(to("The Clerk to forward the email from Highways to the councillors."), Vec::<String>::new());
        assert_eq!(to("The Clerk to write a letter to  the developer."), ["develop"]);
    }

    #[test]
    fn key_terms() {
        let t = terms("The Clerk to write to the Highways about the verges.");
        assert_eq!(t.iter().map(|t| &**t).collect::<Vec<_>>(), vec!["highway", "verg", "write"]);
    }

    #[test]
    fn record_titles() {
        for t in
            ["Minutes of the Ordinary Meeting on 7 November 2018", "Approval of the minutes", "To confirm the minutes"]
        {
            assert!(RECORD_TITLE.is_match(t), "{t}");
        }
        for t in ["Matters arising from the minutes", "Clerk's report", "Planning"] {
            assert!(!RECORD_TITLE.is_match(t), "{t}");
        }
    }

    #[test]
    fn agenda_verb_is_no_subject() {
        let t = "To Approve the Grounds Maintenance Contract 2020/21";
        // Six words before the verb is taken off: too long for a subject in overlap.
        assert!(title_terms(Some(t)).is_empty());
        let h: Vec<String> = heading_terms(Some(t)).into_iter().map(|t| t.to_string()).collect();
        assert_eq!(h, ["contract", "ground", "mainten"]);
        assert!(heading_terms(Some("To Receive: Update from the Working Group")).contains("group"));
        // Not an agenda verb: "To Let" stays whole (and short).
        assert!(heading_terms(Some("To Let signs")).contains("let"));
        assert!(heading_terms(Some("Matters arising from the minutes")).is_empty());
    }

    #[test]
    fn number_words_carry_no_subject() {
        let t = terms("five contractors; one declined, two had responded");
        assert_eq!(t.iter().map(|t| &**t).collect::<Vec<_>>(), vec!["contractor", "declin", "respond"]);
    }

    #[test]
    fn same_heading_never_says_done() {
        let ev = |kind: &str| Evidence {
            document: "b.txt".into(),
            date: Some("2024-05-08".into()),
            item_id: "item-1".into(),
            item_number: Some("1".into()),
            span: Span::new(0, 10),
            kind: kind.into(),
            overlap: 0.6,
            shared_terms: vec!["ground".into(), "mainten".into()],
            done_word: Some("received".into()),
            pending_word: None,
            excerpt: String::new(),
        };
        let mut fu: FollowUp = serde_json::from_value(serde_json::json!({
            "id": "fu-1", "document": "a.txt", "date": "2024-04-10", "item_id": "item-1", "item_number": "1",
            "item_title": null, "paragraph_number": null, "origin": "action", "text": "Clerk to arrange a meeting.",
            "subject": null, "owner": "Clerk", "due": null, "due_text": null, "due_source": null,
            "span": {"start": 0, "end": 10}, "status": "open", "reason": "", "evidence": []
        }))
        .unwrap();
        fu.evidence = vec![ev("same-heading")];
        assert_eq!(status(&fu, 1, 1, &["2024-05-08"]).0, Status::RaisedAgain);
        fu.evidence = vec![ev("same-subject")];
        assert_eq!(status(&fu, 1, 1, &["2024-05-08"]).0, Status::Done);
    }

    #[test]
    fn tokens() {
        assert!(contains_token("see Min. 135/19 above", "135/19"));
        assert!(!contains_token("see Min. 1135/19 above", "135/19"));
    }
}
