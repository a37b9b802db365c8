//! Which passages of one meeting ask for something later.
//!
//! First the parser's own actions (`item.actions`, `resolution.actions`). Then, in
//! paragraphs, list entries and resolutions where the parser found no action, four
//! detections of this module:
//!
//! - `deferral`: a sentence that defers or asks for something later: "deferred to the next
//!   meeting", "an update report be brought to the next meeting", "will be circulated in due
//!   course", "be provided by the end of July 2022" (a deferral word, or a passive "be
//!   <done>" together with a deadline phrase of [`find_deadline`]); without a deadline phrase,
//!   the date of the meeting it is sent to ("another meeting was called for Wednesday 21st
//!   December, 2016") is its due date;
//! - `owner-to`: "the Clerk to write to ...", "The Clerk agreed to clarify ...", "Cllr Daphne
//!   Clements would be telephoning ...": an office or a councillor, then to/will/would/agreed
//!   to and a verb;
//! - `decision-deed`: a decision's sentence deciding a deed without naming who ("agreed to
//!   add the 15 minutes for the Parish Council to discuss the Mill");
//! - `margin-owner`: layout text (PDF) where a line ends, after a wide gap, with an owner in
//!   the right-hand column ("Clerk", "All", "Cllr. J. Davies") or a month ("Feb": brought
//!   back at that month's meeting). "Noted" is not a follow-up.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::dates::{find_date, find_deadline};
use crate::model::{Action, Document, Item, Person};
use crate::source::Span;

/// A follow-up found in one document, before dates and evidence.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// `item-N`.
    pub item_id: String,
    /// The item's number as written.
    pub item_number: Option<String>,
    /// The item's title.
    pub item_title: Option<String>,
    /// The paragraph or list label it sits under.
    pub paragraph_number: Option<String>,
    /// `action`, `resolution-action`, `deferral`, `owner-to`, `decision-deed` or `margin-owner`.
    pub origin: &'static str,
    /// The text, whitespace collapsed.
    pub text: String,
    /// Who.
    pub owner: Option<String>,
    /// ISO date when calendar.
    pub due: Option<String>,
    /// The deadline phrase as written.
    pub due_text: Option<String>,
    /// A month given in the margin ("Feb" -> 2).
    pub due_month: Option<u32>,
    /// Where.
    pub span: Span,
}

static DEFER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:defer|deferred|postpone|postponed|held over|carried forward|brought back|bring back|report back|update report|further report|revisit)\b",
    )
    .expect("defer regex")
});

/// Words that, among the four before a deferral word in its clause, make it only possible:
/// "we may revisit", "if we postpone this", "can defer reviewing that".
/// Also "easy" and "possible" ("it's easy to defer until later").
const MAYBE_BEFORE: &[&str] = &["can", "cannot", "could", "easy", "if", "may", "might", "possible", "whether"];

/// Negations of a deferral word ("not asking to postpone", "no way to defer", "no further
/// report"), when only [`NEGATED_THROUGH`] words stand between them ("Myles not here, defer
/// to next time" and "no updates defer to next week" are deferrals).
const NEGATIONS: &[&str] = &["cannot", "never", "no", "not", "without"];

/// Words a negation reaches through to the deferral word.
const NEGATED_THROUGH: &[&str] = &[
    "are", "ask", "asked", "asking", "be", "been", "being", "did", "do", "does", "further", "going", "had", "has",
    "have", "i", "intend", "is", "it", "item", "items", "matter", "matters", "meeting", "meetings", "need", "planning",
    "should", "that", "this", "to", "want", "wanting", "was", "way", "we", "were", "will", "would", "you",
];

/// Words after "deferred" that make it a verb, not an adjective: "deferred to May", "deferred
/// pending the quotes" (not "the deferred import evaluation").
const DEFERRED_THEN: &[&str] = &[
    "again",
    "and",
    "as",
    "at",
    "because",
    "by",
    "due",
    "for",
    "from",
    "further",
    "in",
    "indefinitely",
    "on",
    "or",
    "pending",
    "till",
    "to",
    "until",
    "with",
];

/// Determiners before an adjective "deferred" ("a deferred payment").
const DETERMINERS: &[&str] = &["a", "an", "any", "its", "our", "the", "their", "this", "these", "those"];

/// Words that make a passage's idle deferral a decision after all: "it was agreed the item
/// could be deferred", "Resolved: if no quote arrives, defer to May".
static DECIDED_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:agreed|decided|resolved)\b").expect("decided-word regex"));

/// Money in a sentence: a currency sign or a word for funds.
static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[£$€]|\b(?:money|monies|balances?|sums?|under\s*spen[dt]|overspen[dt]|surplus|funds?|reserves?|budgets?|precept|cash|accounts)\b")
        .expect("money regex")
});

/// A matter or meeting in a sentence: what is put off, or where to.
static MATTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:items?|matters?|meetings?|agendas?|discussions?|decisions?|issues?|consideration)\b")
        .expect("matter regex")
});

/// How far before or after a match a clause or a quotation is looked for: a pathological
/// sentence (one long run with no punctuation) would make every match rescan all of it.
const LOOK: usize = 1000;

/// The start of the look-back window of a match at byte `at` (a char boundary).
fn back(text: &str, at: usize) -> usize {
    let mut w = at.saturating_sub(LOOK);
    while !text.is_char_boundary(w) {
        w += 1;
    }
    w
}

/// The end of the look-ahead window of a match at byte `at` (a char boundary).
fn ahead(text: &str, at: usize) -> usize {
    let mut e = at.saturating_add(LOOK).min(text.len());
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    e
}

/// The byte offset just after the last char of `s` that is `stop` (0 when none): a char
/// boundary, whatever that char's width ("–", a no-break space).
fn after_last(s: &str, stop: impl Fn(char) -> bool) -> usize {
    s.char_indices().rev().find(|&(_, c)| stop(c)).map_or(0, |(i, c)| i + c.len_utf8())
}

/// Does sentence `s` defer something ([`DEFER`]) and mean it? Not a question ("Do you have
/// time to revisit ...?"), not negated or only possible ([`NEGATIONS`], [`MAYBE_BEFORE`], unless the sentence
/// reports a decision), and not a name: a word in code (`` `import defer` ``,
/// `import.defer`) or a link, or "deferred" before a noun ("the deferred import evaluation", "Deferred
/// Module Evaluation").
pub fn defers(s: &str) -> bool {
    let t = s.trim_end();
    // A decision word before the deferral word: "it was agreed the item could be deferred"
    // (not "we may revisit this once the issue is resolved").
    let decided = |at: usize| DECIDED_WORD.find(s).is_some_and(|d| d.end() <= at);
    if t.ends_with('?') && !decided(t.len()) {
        return false;
    }
    DEFER.find_iter(s).any(|m| {
        let before = &s[..m.start()];
        let after = &s[m.end()..];
        // The whitespace-free stretch holding the word: a link ("...?q=label%3A+postponed").
        let token = &s
            [after_last(before, char::is_whitespace)..m.end() + after.find(char::is_whitespace).unwrap_or(after.len())];
        let in_code = before.matches('`').count() % 2 == 1
            || token.contains("://")
            || token.contains('%')
            || before.ends_with(['.', '_', '@', '#'])
            || after.starts_with(['.', '(', '_']) && after[1..].starts_with(|c: char| c.is_alphanumeric() || c == ')');
        if in_code {
            return false;
        }
        // The words of the clause before it (back to a comma, colon, bracket or dash).
        let clause = &before[after_last(before, |c| [',', ';', ':', '(', ')', '–', '—'].contains(&c))..];
        let written: Vec<&str> =
            clause.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')).filter(|w| !w.is_empty()).collect();
        let words: Vec<String> = written.iter().map(|w| w.to_lowercase().replace('’', "'")).collect();
        let from = words.len().saturating_sub(4);
        // "May" with a capital is the month ("due to be held on 17 May 2017 had been postponed").
        // "There is a question of if we do it now or defer": "if" and "whether" make the
        // rest of their clause only possible, however far back.
        let maybe = (from..words.len())
            .any(|i| MAYBE_BEFORE.contains(&words[i].as_str()) && (words[i] != "may" || written[i] == "may"))
            // ... unless a new clause starts after it ("discussed whether to buy a bench and
            // deferred the decision": the deferral is said, not supposed).
            || words.iter().rposition(|w| w == "if" || w == "whether").is_some_and(|i| {
                !words[i + 1..].iter().any(|w| w == "and" || w == "then" || w == "so")
            });
        // Money carried forward is accounting, not a matter put off ("The Council has under
        // spent and money will be carried forward", "Balance carried forward £39,126.84"),
        // unless the sentence names a matter or a meeting ("Item to be carried forward to the
        // next PC meeting").
        if m.as_str().eq_ignore_ascii_case("carried forward") && MONEY.is_match(s) && !MATTER.is_match(s) {
            return false;
        }
        // "I had to defer to RBR", "I'll defer to you": the speaker gives way to someone in
        // the discussion.
        if yields(&words, &m.as_str().to_ascii_lowercase(), after) {
            return false;
        }
        let negated = (0..words.len())
            .rev()
            .find(|&i| !NEGATED_THROUGH.contains(&words[i].as_str()))
            .is_some_and(|i| NEGATIONS.contains(&words[i].as_str()) || words[i].ends_with("n't"));
        // A negation stands even after a decision word ("decided not to defer the item").
        if negated || maybe && !decided(m.start()) {
            return false;
        }
        // "deferred" as an adjective: after a determiner, or opening a title, and before a
        // word that is not a preposition ("the deferred import", not "deferred to May").
        let word = m.as_str().to_ascii_lowercase();
        if word == "deferred" {
            let next = after.split_whitespace().next().unwrap_or("");
            let next_word: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
            let preposition = DEFERRED_THEN.contains(&next_word.to_lowercase().as_str());
            let determiner = words.last().is_some_and(|w| DETERMINERS.contains(&w.as_str()));
            let opening_title = words.is_empty() && next_word.starts_with(char::is_uppercase);
            if !next_word.is_empty() && !preposition && (determiner || opening_title) {
                return false;
            }
        }
        true
    })
}

/// Whether a deferral word `word` after the clause `words` (lower case) and before `after`
/// is the speaker giving way: "I" in the clause, and "defer to" a person: a pronoun or a
/// speaker's initials ("defer to RBR"; not "defer to May", "defer to next time").
fn yields(words: &[String], word: &str, after: &str) -> bool {
    let mut next = after.split_whitespace();
    let to = next.next() == Some("to");
    let whom = next.next().map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric())).unwrap_or("");
    let initials = (2..=4).contains(&whom.len()) && whom.bytes().all(|b| b.is_ascii_uppercase());
    let person = initials || matches!(whom, "you" | "him" | "her" | "them");
    word == "defer" && words.iter().any(|w| w == "i" || w == "i'll" || w == "i'd") && to && person
}

static LATER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:be|is to be|are to be|will be|would be|to be)\s+(?:[a-z]+ed|sent|written|brought|done|made|given|shown|held|put|paid|set|drawn up)\b")
        .expect("later regex")
});

/// A passive "be done" ([`LATER`]) that is neither hoped for nor an event announced ("will be
/// held on 5th June").
fn later(s: &str) -> bool {
    LATER.find_iter(s).any(|m| {
        let mut words = m.as_str().split_whitespace().rev();
        let verb = words.next().unwrap_or("");
        !hoped(s, m.start()) && !announced(s, m.start(), verb, None)
    })
}

/// An owner named before the deed: an officer or a councillor ("the Clerk", "Cllr J. Hall").
const OWNER: &str = r"(?P<owner>(?:[Tt]he\s+)?(?:Parish\s+|Town\s+)?(?:[Cc]lerk|Chair(?:man|person)?|Vice[- ]Chair(?:man)?|Treasurer|Secretary|Cllrs?\.?\s+(?:[A-Z]\.\s*){0,2}[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+)?))";

static OWNER_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b{OWNER}\s+(?:agreed\s+to|is\s+to|was\s+to|to|will|would)\s+(?P<be>be\s+)?(?P<verb>[a-z]+)\b"
    ))
    .expect("owner-to regex")
});

/// A deed under way, reported at the meeting: "Cllr Daphne Clements was checking if ...".
static OWNER_DOING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b{OWNER}\s+(?:was|is)\s+(?:currently\s+|still\s+)?(?P<verb>[a-z]+ing)\b"))
        .expect("owner-doing regex")
});

/// The owner reporting what they will do: "Borough Cllr Sampson advised that he would check
/// ..." (the pronoun is the one speaking).
static OWNER_SAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b{OWNER}\s+(?:advised|said|stated|confirmed|explained|indicated|replied|agreed)\s+(?:that\s+)?(?:he|she)\s+(?:would|will)\s+(?P<verb>[a-z]+)\b"
    ))
    .expect("owner-said regex")
});

/// Deeds under way that someone will report back on (not "was concerned", "was speaking").
pub(crate) const UNDER_WAY: &[&str] = &[
    "arranging",
    "chasing",
    "checking",
    "contacting",
    "enquiring",
    "exploring",
    "investigating",
    "liaising",
    "looking",
    "obtaining",
    "organising",
    "pursuing",
    "researching",
    "seeking",
];

/// A phrase that asks for something later: a modal or "agreed/asked/resolved ... to" and
/// the word after it.
static ASK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?P<modal>will|would|shall|should|must|needs?\s+to|needed\s+to|agreed\s+to|agree\s+to|asked|requested|resolved|decided\s+to|undertook\s+to|instructed\s+to|directed\s+to|offered\s+to|is\s+to|are\s+to|was\s+to|were\s+to)\s+(?:(?:also|then|now|again)\s+)?(?P<next>[a-z]+)(?:\s+(?P<after>[a-z]+))?",
    )
    .expect("ask regex")
});

/// A resolution's subjunctive: "That the Clerk make the return", "that Cllr X write".
static THAT_OWNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bthat\s+(?:the\s+)?(?:clerk|chair(?:man|person)?|cllr\.?\s+[A-Za-z]+(?:\s+[A-Za-z]+)?)\s+[a-z]+\b",
    )
    .expect("that-owner regex")
});

/// Things done at the meeting itself: "agreed to abstain", "declared", "left the room".
static AT_THE_MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:abstain|abstained|abstention|declared\s+an\s+interest|left\s+the\s+(?:room|meeting|table)|withdrew\s+from)\b")
        .expect("at-the-meeting regex")
});

/// A vote agreed to: it is taken at the meeting ("agreed to vote on whether to accept the
/// sum and all agreed"), unless a deadline puts it later ("to vote at the next meeting").
static VOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:agreed|asked|decided)\s+(?:\w+\s+)?to\s+vote\b").expect("vote regex"));

/// A sentence that reports its own ask done: "they would be spraying more ... and this had
/// been implemented towards the end of July", "which has since been done".
static CLOSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:and\s+this|which)\s+(?:had|has|have)\s+(?:now\s+|since\s+|already\s+)*been\s+(?:done|completed|implemented|carried\s+out|put\s+in\s+place|actioned|resolved)\b")
        .expect("closed regex")
});

/// Words after a modal that make it a statement, not an ask ("it would be very difficult",
/// "would have liked", "they would become defunct").
const NOT_ASKS: &[&str] = &["appear", "become", "have", "like", "remain", "seem"];

/// Words that end the clause a modal stands in, looking back from it: "it was hoped there
/// would be progress and he agreed to update the Council" (the ask after "and" is no hope).
const CLAUSE_WORDS: &[&str] =
    &["and", "as", "because", "but", "so", "then", "when", "where", "whereas", "which", "while"];

/// The words of the clause before byte `at` of `text` (lower case), back to a punctuation mark
/// (not a full stop after an initial, "Cllr. M. Peake") or one of [`CLAUSE_WORDS`]; for a
/// `subject`, back to "that" (a subject after "informed that ...") but not "and" ("Mr Mycock
/// and himself will visit").
fn clause_words(text: &str, at: usize, subject: bool) -> Vec<String> {
    let floor = back(text, at);
    let mut from = at;
    loop {
        from = floor + after_last(&text[floor..from], |c| ".,;:!?()–—\"“”".contains(c));
        // A full stop after an abbreviation or an initial does not end the clause.
        let initial = from > floor
            && text[..from].ends_with('.')
            && crate::segment::lines::ends_in_abbreviation(&text[floor..from - 1]);
        if !initial {
            break;
        }
        from -= 1;
    }
    let before = &text[from..at];
    let words: Vec<String> = before
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '&'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    let cut = words
        .iter()
        .rposition(|w| CLAUSE_WORDS.contains(&w.as_str()) && !(subject && w == "and") || subject && w == "that")
        .map_or(0, |i| i + 1);
    words[cut..].to_vec()
}

/// A modal at byte `at` only hoped for: "it is hoped the Club will continue to move forward",
/// "it was hoped the following summer this could be mitigated". A hope is no ask.
/// Not when a decision or intention comes before it: the hope is then its reason ("agreed
/// that the signage was an option which it hoped would stop lorries").
fn hoped(text: &str, at: usize) -> bool {
    !INTENDED.is_match(&text[back(text, at)..at])
        && clause_words(text, at, false)
            .iter()
            .any(|w| matches!(w.as_str(), "hope" | "hoped" | "hopes" | "hopeful" | "hopefully"))
}

/// A decision or an intention: what follows it is asked for, whatever is hoped of it.
static INTENDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:agreed|decided|resolved|intended|intends|going\s+to|plans?\s+to|planned\s+to)\b")
        .expect("intended regex")
});

/// Words of a subject that make an event or visit ours: the body itself ("the Parish
/// Council", "we", "Members") or a person (a title or a pronoun: in many minutes councillors
/// are "Mr Collins", and "he" is whoever was speaking).
const OURS: &[&str] = &[
    "chair",
    "chairman",
    "chairperson",
    "clerk",
    "cllr",
    "cllrs",
    "councillor",
    "councillors",
    "dr",
    "he",
    "herself",
    "himself",
    "i",
    "members",
    "miss",
    "mr",
    "mrs",
    "ms",
    "she",
    "we",
];

/// Councils that are not the body itself when named before "Council".
const OTHER_COUNCILS: &[&str] = &["borough", "city", "county", "district", "ncc", "nalc", "town's"];

/// The subject of the clause before byte `at` is the body itself or one of its people
/// ([`OURS`], or "Council" not after [`OTHER_COUNCILS`]).
fn ours(text: &str, at: usize) -> bool {
    let words = clause_words(text, at, true);
    words.iter().enumerate().any(|(i, w)| {
        OURS.contains(&w.as_str())
            || w == "council" && !i.checked_sub(1).is_some_and(|j| OTHER_COUNCILS.contains(&words[j].as_str()))
    })
}

/// An event announced, not asked for: a meeting or event to be held ("The next meeting of CAN
/// is to be held on 9th August", "the Annual Parish Meeting will be held on 25th April"), or
/// held or visited by someone other than the body and its people ("The Borough Council is to
/// hold a second Basics of Planning Session", "The Highways Rangers will be visiting the
/// parish"). `verb` and `after` are the words after the modal ([`ASK`]'s `next` and `after`),
/// at byte `at`.
fn announced(text: &str, at: usize, verb: &str, after: Option<&str>) -> bool {
    let verb = if verb == "be" { after.unwrap_or("") } else { verb };
    // A visit for a purpose is a deed ("is to visit and deal with the matters").
    let purpose = || visit_for(&text[at..]);
    match verb {
        "held" => true,
        "hold" | "holding" => !ours(text, at),
        "visit" | "visiting" => !ours(text, at) && !purpose(),
        _ => false,
    }
}

/// A visit's purpose after it, in its sentence: "and" or "to" before a word in lower case
/// that is no determiner ("visit and deal with", "visit the site to look at", "will visit
/// Brussels to wind down the old entity"; not "visiting the parish on 7th November").
fn visit_for(after: &str) -> bool {
    let sentence = &after[..after.find(['.', ';', '!', '?']).unwrap_or(after.len())];
    // The words after the visit itself ("is to visit", "will be visiting"), "then" passed over.
    let words: Vec<&str> = sentence
        .split_whitespace()
        .skip_while(|w| !w.to_lowercase().starts_with("visit"))
        .skip(1)
        .filter(|w| *w != "then")
        .collect();
    words.windows(2).any(|w| {
        let next = w[1].trim_end_matches(|c: char| !c.is_alphabetic());
        matches!(w[0], "and" | "to")
            && next.chars().all(|c| c.is_ascii_lowercase())
            && !next.is_empty()
            && !DETERMINERS.contains(&next)
            && !["all", "some", "his", "her"].contains(&next)
    })
}

/// Byte `at` of `text` lies inside a quotation that speaks in the first person ("... it should
/// not impact on the villages, subsequently I have asked British Sugar to keep me updated.”",
/// "We will be amending our fire plan ...”"): a letter or statement read into the minutes, its
/// writer's words, not an ask of the body. A quoted motion or action item in the third person
/// ("Motion: “It is resolved to instruct ...”", "“Andrew will send out a Doodle”") is the body's
/// own.
fn quoted(text: &str, at: usize) -> bool {
    let (w, e) = (back(text, at), ahead(text, at));
    let before = &text[w..at];
    // A passage may start inside a quotation: the first curly quote after `at` closes one.
    let closes = text[at..e].chars().find(|c| ['“', '”'].contains(c)) == Some('”');
    let inside =
        before.matches('“').count() > before.matches('”').count() || before.matches('"').count() % 2 == 1 || closes;
    if !inside {
        return false;
    }
    // The quotation around `at`: from its opening quote (or the passage's start) to its
    // closing one (or the passage's end).
    let from = w + after_last(before, |c| c == '“' || c == '"');
    let to = text[at..e].find(['”', '"']).map_or(e, |i| at + i);
    text[from..to]
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .any(|w| FIRST_PERSON.contains(&w.to_lowercase().replace('’', "'").as_str()))
}

/// Words of one speaking of themselves.
const FIRST_PERSON: &[&str] = &["i", "i'll", "i'm", "i've", "me", "my", "our", "us", "we", "we'll", "we're", "we've"];

/// "asked whether ...", "asked what ...": a question put at the meeting, not a request.
fn asked_question(modal: &str, next: &str) -> bool {
    modal.eq_ignore_ascii_case("asked")
        && ["whether", "what", "why", "how", "when", "who", "where", "which"].contains(&next.to_lowercase().as_str())
}

/// Modals that announce (not "agreed to", "offered to", "should": those ask).
fn announcing(modal: &str) -> bool {
    let m = modal.to_ascii_lowercase();
    let m = m.split_whitespace().collect::<Vec<_>>().join(" ");
    ["will", "would", "shall", "is to", "are to", "was to", "were to"].contains(&m.as_str())
}

/// Does `text` ask for something later? A deferral, a passive "be done" with a deadline,
/// "X to do", or a modal/"agreed to" with a verb; and it is not something done at the
/// meeting itself (an abstention, a declaration).
pub fn asks(text: &str) -> bool {
    if AT_THE_MEETING.is_match(text) || VOTE.is_match(text) && find_deadline(text).is_none() || CLOSED.is_match(text) {
        return false;
    }
    if sentences(text).iter().any(|&(a, z)| defers(&text[a..z]))
        || owner_to(text).is_some()
        || THAT_OWNER.is_match(text)
    {
        return true;
    }
    ASK.captures_iter(text).any(|c| {
        let next = &c["next"];
        if NOT_ASKS.contains(&next) || NOT_VERBS.contains(&next) && next != "be" {
            return false;
        }
        let at = c.get(0).expect("match").start();
        let announces = announcing(&c["modal"]) && announced(text, at, next, c.name("after").map(|a| a.as_str()));
        if hoped(text, at) || announces || quoted(text, at) || asked_question(&c["modal"], next) {
            return false;
        }
        if next != "be" {
            return true;
        }
        // "would be arranging", "will be sent", "would be available", "be on the agenda".
        c.name("after").is_some_and(|a| {
            let a = a.as_str();
            a.ends_with("ing")
                || a.ends_with("ed")
                || a.ends_with("en")
                || ["available", "added", "brought", "done", "held", "made", "on", "put", "sent", "set"].contains(&a)
        })
    })
}

/// Deeds a decision can ask for without naming who ("agreed to add the 15 minutes ...").
const DEED_VERBS: &[&str] = &[
    "add",
    "arrange",
    "ask",
    "book",
    "bring",
    "chase",
    "check",
    "circulate",
    "contact",
    "draft",
    "email",
    "forward",
    "investigate",
    "invite",
    "obtain",
    "order",
    "organise",
    "prepare",
    "provide",
    "publish",
    "purchase",
    "refer",
    "remove",
    "repair",
    "replace",
    "request",
    "review",
    "seek",
    "send",
    "submit",
    "write",
];

static DECIDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:agreed|resolved|decided|voted)\s+to\s+(?:(?:also|then|now)\s+)?(?P<verb>[a-z]+)\b")
        .expect("decided regex")
});

/// A deed asked for without naming who, in the passive: "Quotes are to be obtained for two
/// signs", "A letter is to be sent to Calor", "Serious consideration is to be given to ...".
/// Not a meeting or event "to be held" (an announcement), nothing done at the meeting.
static PASSIVE_DEED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:is|are)\s+to\s+be\s+(?:(?:also|then|now|again)\s+)?(?P<done>obtained|sent|written|arranged|contacted|ordered|replaced|repaired|removed|requested|investigated|checked|chased|circulated|prepared|placed|erected|cleared|cleaned|painted|installed|purchased|bought|given|sought|informed|invited|approached|forwarded|referred|cut|trimmed|inspected|renewed|reviewed|discussed|considered|put)\b")
        .expect("passive-deed regex")
});

fn passive_deed(s: &str) -> bool {
    !AT_THE_MEETING.is_match(s)
        && PASSIVE_DEED.find_iter(s).any(|m| {
            // Not a question ("asked whether quotes are to be obtained"), a rule recalled
            // ("Members were reminded that all declarations are to be put in writing"),
            // another body's plan reported ("The Borough Council has confirmed that the trees
            // are to be trimmed"), a hope or a quotation.
            let before = s[back(s, m.start())..m.start()].to_lowercase();
            let words: Vec<&str> = before.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
            let put = ["whether", "if", "reminded", "confirmed", "informed", "advised", "no", "all"];
            !words.iter().any(|w| put.contains(w)) && !hoped(s, m.start()) && !quoted(s, m.start())
        })
}

/// "agreed to add ...", "resolved to purchase ...": a decision to do a deed later.
fn decided_deed(s: &str) -> bool {
    !AT_THE_MEETING.is_match(s) && DECIDED.captures_iter(s).any(|c| DEED_VERBS.contains(&&c["verb"].to_lowercase()[..]))
}

/// Words after "X to" that are not verbs.
const NOT_VERBS: &[&str] = &["a", "all", "an", "any", "be", "have", "her", "his", "like", "the", "their", "this"];

static MARGIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)\S(?P<gap>[ \t]{4,})(?P<owner>Clerk(?:\s*/\s*All)?|All|Chair(?:man|person)?|Cllrs?\.?\s+(?:[A-Z]\.\s*){1,2}[A-Z][A-Za-z'’-]+(?:\s*/\s*(?:Clerk|All))?|(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*)[ \t]*$",
    )
    .expect("margin regex")
});

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Collapse runs of whitespace to one space.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A person as a short string: name, else role.
pub fn person(p: &Person) -> Option<String> {
    p.name.clone().or_else(|| p.role.clone())
}

/// The byte offset where `text` starts inside `span` of the document's text, when
/// `source.text` is there.
pub fn text_start(doc: &Document, span: Span, text: &str) -> Option<usize> {
    let src = doc.source.text.as_deref()?;
    let hay = src.get(span.start..span.end)?;
    hay.find(text).map(|p| span.start + p)
}

/// Sentences of `text` as byte ranges: cut after ". " / "? " / "! " before a capital, and at
/// blank lines (single newlines of layout text are not sentence ends).
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let stop = matches!(b[i], b'.' | b'?' | b'!')
            && b.get(i + 1).is_some_and(u8::is_ascii_whitespace)
            && text[i + 1..].trim_start().starts_with(|c: char| c.is_uppercase())
            && !crate::segment::lines::ends_in_abbreviation(&text[..i]);
        let blank = b[i] == b'\n' && text[i + 1..].starts_with(['\n', '\r']);
        if stop || blank {
            push(text, start, i + 1, &mut out);
            start = i + 1;
        }
        if let Some(len) = piece_mark(text, i) {
            push(text, start, i, &mut out);
            start = i + len;
            i += len;
            continue;
        }
        i += 1;
    }
    push(text, start, text.len(), &mut out);
    out
}

static ENUM_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s(?:(?:\d{1,2}|[a-h])\)|[-–])\s").expect("enumerator regex"));

/// An inline list mark at byte `i` of `text`: a bullet "•" (its length), or " 2) " / " b) " /
/// " - " after the end of a sentence or a colon (the length of the space before it, so the mark
/// itself stays with its entry). Minutes pasted from a word processor run a whole list of
/// matters arising into one line this way.
fn piece_mark(text: &str, i: usize) -> Option<usize> {
    let rest = text.get(i..)?;
    if rest.starts_with('•') {
        return Some('•'.len_utf8());
    }
    let after_stop = text[..i].trim_end().ends_with(['.', ':', ';']);
    let m = ENUM_MARK.find(rest).filter(|_| after_stop)?;
    // A dash is dropped with its spaces; a number or letter stays with its entry.
    Some(if m.as_str().contains(')') { 1 } else { m.len() })
}

/// Inline list entries of `text` ("• a ... • b ...", "1) ... 2) ..."), as byte ranges.
pub fn pieces(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < text.len() {
        if !text.is_char_boundary(i) {
            i += 1;
            continue;
        }
        if let Some(len) = piece_mark(text, i) {
            push(text, start, i, &mut out);
            start = i + len;
            i += len;
            continue;
        }
        i += 1;
    }
    push(text, start, text.len(), &mut out);
    out
}

/// A topic label opening a passage: "Cemetery Bin – The bin has been ordered ...",
/// "Boughton Road Hedge - Resident informed ...": at the start of the text or of a sentence
/// or list entry, one to seven words starting with a capital (after a number at most: "2
/// Agriculture – ..."), then a spaced dash.
static TOPIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[.!?;:]\s+|•\s*)(?P<label>(?:\d{1,3}[ \t]+)?[A-Z][\w'’()/&,]*(?:[ \t]+[\w'’()/&,]+){0,6}?)[ \t]+[–—-][ \t]+\S")
        .expect("topic regex")
});

/// Words that make a "label" a sentence ("It was noted - ...").
const NOT_LABEL_WORDS: &[&str] = &[
    "advised", "agreed", "are", "had", "has", "have", "is", "noted", "reported", "said", "was", "were", "will", "would",
];

/// A topic segment: the byte range of its label (if any), and its own byte range.
pub type Topic = (Option<(usize, usize)>, (usize, usize));

/// Topic segments of `text`: (label range, segment range), in order. Text before the first
/// label is a segment without one; each label runs to the next.
pub fn topics(text: &str) -> Vec<Topic> {
    let labels: Vec<(usize, usize)> = TOPIC
        .captures_iter(text)
        .filter_map(|c| c.name("label"))
        .filter(|l| !l.as_str().split_whitespace().any(|w| NOT_LABEL_WORDS.contains(&w)))
        .map(|l| (l.start(), l.end()))
        .collect();
    let mut out = Vec::new();
    let first = labels.first().map_or(text.len(), |l| l.0);
    if !text[..first].trim().is_empty() {
        out.push((None, (0, first)));
    }
    for (k, l) in labels.iter().enumerate() {
        let end = labels.get(k + 1).map_or(text.len(), |n| n.0);
        out.push((Some(*l), (l.0, end)));
    }
    out
}

/// Keep the trimmed range `a..b` of `text`, if anything is left.
fn push(text: &str, a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    let t = crate::segment::lines::trim_span(text, Span::new(a, b));
    if !t.is_empty() {
        out.push((t.start, t.end));
    }
}

/// A passage of a document: text with its absolute start (when known) and its fallback span.
struct Block<'a> {
    text: &'a str,
    start: Option<usize>,
    fallback: Span,
    label: Option<String>,
    /// A decision's text: a decided deed without an owner is a follow-up too.
    decision: bool,
}

impl Block<'_> {
    fn span(&self, a: usize, b: usize) -> Span {
        self.start.map_or(self.fallback, |s| Span::new(s + a, s + b))
    }
}

fn from_action(item: &Item, a: &Action, origin: &'static str, label: Option<String>) -> Found {
    Found {
        item_id: item.id.clone(),
        item_number: item.number.clone(),
        item_title: item.title.clone(),
        paragraph_number: label,
        origin,
        text: collapse(&a.text),
        owner: a.owner.as_ref().and_then(person).or_else(|| owner_said(&a.text)),
        due: a.due.clone(),
        due_text: a.due_text.clone(),
        due_month: None,
        span: a.span,
    }
}

/// A parser action cut at its inline list marks ("... to chase Highways. • Grit Bins – ..."):
/// one follow-up per entry that asks for something; the owner the parser gave stays with
/// the entry that names it (or the first, when none does).
fn split_action(doc: &Document, item: &Item, a: &Action, origin: &'static str) -> Vec<Found> {
    let whole = from_action(item, a, origin, label_of(item, a.span));
    let parts = pieces(&a.text);
    if parts.len() < 2 {
        return if asks(&a.text) { vec![whole] } else { Vec::new() };
    }
    let start = text_start(doc, a.span, &a.text);
    let owner_word = whole.owner.as_deref().and_then(|o| o.split_whitespace().last()).map(str::to_string);
    let mut out: Vec<Found> = Vec::new();
    for (x, y) in parts {
        let t = &a.text[x..y];
        if !asks(t) {
            continue;
        }
        let mut f = whole.clone();
        f.text = collapse(t);
        f.span = start.map_or(a.span, |s| Span::new(s + x, s + y));
        let names = owner_word.as_deref().is_some_and(|w| t.contains(w));
        f.owner = match owner_to(t) {
            Some((o, _)) => Some(o),
            None if names => whole.owner.clone(),
            None => None,
        };
        if whole.due_text.as_deref().is_some_and(|d| !t.contains(d)) {
            (f.due, f.due_text) = (None, None);
        }
        out.push(f);
    }
    out
}

/// The label of the paragraph or list entry holding `span`.
fn label_of(item: &Item, span: Span) -> Option<String> {
    for p in &item.paragraphs {
        if p.span.start <= span.start && span.end <= p.span.end {
            for e in &p.list {
                if e.span.start <= span.start && span.end <= e.span.end {
                    return e.label.clone();
                }
            }
            return p.number.clone();
        }
    }
    None
}

/// Every follow-up of one document, in document order.
pub fn followups(doc: &Document) -> Vec<Found> {
    let mut out = Vec::new();
    for item in &doc.items {
        let mut parser: Vec<Found> = Vec::new();
        for a in &item.actions {
            parser.extend(split_action(doc, item, a, "action"));
        }
        for r in &item.resolutions {
            for a in &r.actions {
                parser.extend(split_action(doc, item, a, "resolution-action"));
            }
        }
        let mut blocks: Vec<Block> = Vec::new();
        for p in &item.paragraphs {
            blocks.push(Block {
                text: &p.text,
                start: text_start(doc, p.span, &p.text),
                fallback: p.span,
                label: p.number.clone(),
                decision: false,
            });
            for e in &p.list {
                blocks.push(Block {
                    text: &e.text,
                    start: text_start(doc, e.span, &e.text),
                    fallback: e.span,
                    label: e.label.clone(),
                    decision: false,
                });
            }
        }
        for r in &item.resolutions {
            if r.actions.is_empty() {
                blocks.push(Block {
                    text: &r.text,
                    start: text_start(doc, r.span, &r.text),
                    fallback: r.span,
                    label: None,
                    decision: true,
                });
            }
        }
        let mut own: Vec<Found> = Vec::new();
        for b in &blocks {
            own.extend(in_block(item, b, &parser));
        }
        let mut all: Vec<Found> = parser;
        for f in own {
            let dup = all.iter().any(|g| overlaps(g, &f));
            if !dup {
                all.push(f);
            }
        }
        all.sort_by_key(|f| (f.span.start, f.span.end));
        out.extend(all);
    }
    out
}

/// Same passage: spans overlap (exact spans) or one text holds the other.
fn overlaps(a: &Found, b: &Found) -> bool {
    let exact = a.span != b.span && a.span.overlaps(b.span);
    exact || a.text.contains(&b.text) || b.text.contains(&a.text)
}

fn found(item: &Item, b: &Block, origin: &'static str, a: usize, z: usize) -> Found {
    let text = &b.text[a..z];
    let (due, due_text) = match find_deadline(text) {
        Some((d, t)) => (d, Some(collapse(&t))),
        None => (None, None),
    };
    let owner = owner_to(text).map(|(o, _)| o);
    Found {
        item_id: item.id.clone(),
        item_number: item.number.clone(),
        item_title: item.title.clone(),
        paragraph_number: b.label.clone(),
        origin,
        text: collapse(text),
        owner,
        due,
        due_text,
        due_month: None,
        span: b.span(a, z),
    }
}

/// Words before a date that make it the date a deferred matter goes to ("deferred to 5 March
/// 2019", "another meeting was called for Wednesday 21st December, 2016").
const DEFERRED_TO: &[&str] = &["for", "on", "to", "until", "till"];

/// How far before the date ([`deferred_to`]) the meeting or deferral word may be, in bytes.
const DEFERRED_TO_REACH: usize = 60;

/// The date a deferral sends its matter to: the first full date in `s` right after one of
/// [`DEFERRED_TO`], with a meeting or a deferral word at most [`DEFERRED_TO_REACH`] bytes
/// before it (an ISO date and the phrase as
/// written). A deadline phrase ("by 5 May
/// 2019") is [`find_deadline`]'s; this reads the dates a deferral names without one.
fn deferred_to(s: &str) -> Option<(String, String)> {
    let mut from = 0;
    while let Some((d, a, z)) = find_date(&s[from..]) {
        let (a, z) = (from + a, from + z);
        let before = s[..a].trim_end();
        let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        // The date is the deferred-to meeting's: a meeting or the deferral is named before it.
        let mut cut = before.len().saturating_sub(DEFERRED_TO_REACH);
        while !before.is_char_boundary(cut) {
            cut -= 1;
        }
        let near = &before[cut..];
        let of_meeting = || near.to_ascii_lowercase().contains("meeting") || DEFER.is_match(near);
        if DEFERRED_TO.iter().any(|w| w.eq_ignore_ascii_case(word)) && of_meeting() {
            let start = before.len() - word.len();
            return Some((d.iso(), s[start..z].to_string()));
        }
        from = z;
    }
    None
}

/// "the Clerk to write", "Cllr X would be telephoning": (owner, byte offset of the match).
fn owner_to(text: &str) -> Option<(String, usize)> {
    for c in OWNER_TO.captures_iter(text) {
        let verb = &c["verb"];
        let be = c.name("be").is_some();
        if NOT_VERBS.contains(&verb) || (be && !verb.ends_with("ing")) {
            continue;
        }
        // A lower-case "clerk" is the office after "the", a dash or a clause's start, not a
        // clerk to be appointed ("a new clerk will start on 1 April", "appointment of a
        // clerk to replace Mrs X").
        let owner = c.name("owner").expect("owner");
        let prev = text[..owner.start()].split_whitespace().next_back().unwrap_or("").to_lowercase();
        if owner.as_str().starts_with("clerk")
            && ["a", "an", "new", "locum", "deputy", "of", "for"].contains(&prev.as_str())
        {
            continue;
        }
        return owner_of(&c);
    }
    if let Some(c) = OWNER_DOING.captures_iter(text).find(|c| UNDER_WAY.contains(&&c["verb"])) {
        return owner_of(&c);
    }
    owner_said(text).zip(OWNER_SAID.find(text)).map(|(o, m)| (o, m.start()))
}

/// The one who said they would do it ([`OWNER_SAID`]).
fn owner_said(text: &str) -> Option<String> {
    OWNER_SAID.captures(text).filter(|c| !NOT_VERBS.contains(&&c["verb"])).and_then(|c| owner_of(&c)).map(|(o, _)| o)
}

/// The owner group of an [`OWNER`] match without "the", and where it starts.
fn owner_of(c: &regex::Captures) -> Option<(String, usize)> {
    let o = c.name("owner")?;
    let name = o.as_str();
    let name = name.strip_prefix("the ").or_else(|| name.strip_prefix("The ")).unwrap_or(name);
    // "clerk to contact ...": the office as the minutes write it elsewhere.
    let name = match name {
        "clerk" => "Clerk",
        "Parish clerk" => "Parish Clerk",
        "Town clerk" => "Town Clerk",
        _ => name,
    };
    Some((collapse(name), o.start()))
}

fn in_block(item: &Item, b: &Block, parser: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    for (a, z) in sentences(b.text) {
        let s = &b.text[a..z];
        let deadline = find_deadline(s);
        let defer = defers(s) || (deadline.is_some() && later(s));
        if defer && !AT_THE_MEETING.is_match(s) {
            let mut f = found(item, b, "deferral", a, z);
            if f.due_text.is_none() {
                if let Some((iso, phrase)) = deferred_to(s) {
                    (f.due, f.due_text) = (Some(iso), Some(collapse(&phrase)));
                }
            }
            out.push(f);
        } else if owner_to(s).is_some() && asks(s) {
            out.push(found(item, b, "owner-to", a, z));
        } else if b.decision && decided_deed(s) {
            out.push(found(item, b, "decision-deed", a, z));
        } else if passive_deed(s) {
            out.push(found(item, b, "passive-deed", a, z));
        }
    }
    // Right-hand column owners in layout text: the text since the previous marker.
    let mut from = 0;
    for c in MARGIN.captures_iter(b.text) {
        let gap = c.name("gap").expect("gap");
        let what = b.text[from..gap.start()].trim();
        let lead = b.text[from..gap.start()].len() - b.text[from..gap.start()].trim_start().len();
        let (a, z) = (from + lead, from + lead + what.len());
        from = c.get(0).expect("match").end();
        if what.is_empty() {
            continue;
        }
        let collapsed = collapse(what);
        let covered = parser.iter().chain(&out).any(|f| collapsed.contains(&f.text) || f.text.contains(&collapsed));
        if covered {
            continue;
        }
        let mut f = found(item, b, "margin-owner", a, z);
        match c.name("month") {
            Some(m) => {
                let abbr = m.as_str()[..3].to_ascii_lowercase();
                f.due_month = MONTHS.iter().position(|x| *x == abbr).map(|i| i as u32 + 1);
                f.due_text = Some(c["owner"].to_string());
            }
            None => f.owner = Some(collapse(&c["owner"])),
        }
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owner_to_forms() {
        assert_eq!(owner_to("the Clerk to write to Highways").map(|x| x.0), Some("Clerk".into()));
        assert_eq!(owner_to("The Clerk agreed to clarify what was meant").map(|x| x.0), Some("Clerk".into()));
        assert_eq!(
            owner_to("Cllr Daphne Clements was checking if the Church").map(|x| x.0),
            Some("Cllr Daphne Clements".into())
        );
        assert_eq!(owner_to("Cllr Daphne Clements was concerned about the Church"), None);
        assert_eq!(
            owner_to("Cllr Daphne Clements would be telephoning Post Office Ltd").map(|x| x.0),
            Some("Cllr Daphne Clements".into())
        );
        assert_eq!(owner_to("Cllr. G. Evans would be attending").map(|x| x.0), Some("Cllr. G. Evans".into()));
        assert_eq!(owner_to("Cllr Smith would be pleased"), None);
        assert_eq!(owner_to("The Clerk had emailed the developer"), None);
        // The pronoun after a report of speech is the one speaking.
        assert_eq!(
            owner_to("Borough Cllr Sampson advised that he would check when the grass cutting would be done")
                .map(|x| x.0),
            Some("Cllr Sampson".into())
        );
        assert_eq!(owner_to("Cllr Cordner advised she would be happy to be the local contact"), None);
        assert_eq!(owner_to("Cllr Cordner advised that they would check"), None);
    }

    #[test]
    fn passive_deeds_and_a_lower_case_clerk() {
        assert!(passive_deed("Quotes are to be obtained for two signs."));
        assert!(passive_deed("A letter is to be sent to Calor about the tank."));
        assert!(!passive_deed("The next meeting is to be held on 4 May."));
        assert!(!passive_deed("The letter was sent to Calor."));
        assert_eq!(
            owner_to("Pot holes in Back Lane - clerk to contact the County Council").map(|x| x.0),
            Some("Clerk".into())
        );
        assert_eq!(owner_to("a letter to the clerk to the council"), None);
        assert_eq!(owner_to("The post has been advertised and a new clerk will start on 1 April."), None);
        assert!(!passive_deed("Cllr Smith asked whether quotes are to be obtained for the new signs."));
        assert!(!passive_deed("Members were reminded that all declarations are to be put in writing."));
        assert!(!passive_deed("The Borough Council has confirmed that the trees are to be trimmed in March."));
    }

    #[test]
    fn deferrals_meant_and_not() {
        for meant in [
            "Let's defer this discussion.",
            "The item was deferred to the next meeting.",
            "Deferred to the March meeting.",
            "The Planning Hearing due to be held on 17 May 2017 had been postponed.",
            "It was agreed that the matter could be deferred until the quotes arrive.",
            "Postpone proxy handlers API",
            "defer to next time",
            "Chalker, no updates defer to next week.",
            "Myles not here defer to next time.",
            "Not urgent, deferred to next week",
            "Matteo: there is no Ruben, postponed.",
            "Highways – deferred to the next meeting.",
            "Noted\u{a0}deferred until May.",
            "I propose we defer to next month.",
            "Members discussed whether to buy a new bench and deferred the decision to the next meeting.",
        ] {
            assert!(defers(meant), "{meant}");
        }
        for idle in [
            "Do you have time to revisit `Decimal.amount.prototype.equals`?",
            "That's something we may revisit if there is reason.",
            "AK: We'll have to look and see if this change breaks anything. (Not asking to postpone.)",
            "A134 Crossroads Update - no further report",
            "It’s not specific to import.defer.",
            "It doesn’t work with `export defer * from` which is exporting everything.",
            "Okay, so this is our Stage 2.7 update for the deferred import evaluation.",
            "Deferred Module Evaluation",
            "The deferred decision on the Incinerator is making this difficult.",
            "[see the URL](https://github.com/w3c/x/issues?q=-label%3A%22status%3A+postponed%22+)",
            "I feel like we can defer reviewing that to TG2.",
            "No update from CAN as no meetings have been held over the Christmas period.",
            "MM: WH did not ask that we revisit any part of the consensus.",
            "The Council decided not to defer the item.",
            "We may revisit this once the issue is resolved.",
            "These languages run checks, so there's no way to defer the use of the import.",
            "JHD: So if you want them listed, I had to defer to PQR.",
            "I'll defer to you on the naming.",
            "There is a question of if we do it now or defer.",
            "So it's easy to defer until later.",
        ] {
            assert!(!defers(idle), "{idle}");
        }
    }

    #[test]
    fn decided_deeds() {
        assert!(decided_deed("agreed to add the 15 minutes for the Parish Council to discuss the Mill."));
        assert!(decided_deed("It was resolved to purchase two wreaths."));
        assert!(!decided_deed("agreed to approve the minutes."));
        assert!(!decided_deed("agreed to abstain from voting on that item and to add nothing."));
    }

    #[test]
    fn an_ask_reported_done_in_its_own_sentence() {
        assert!(!asks(
            "The letter advised they would be spraying more and this had been implemented towards the end of July."
        ));
        assert!(!asks("The Clerk would write to the owner, which has since been done."));
        assert!(asks("The Clerk would write to the owner, as had been agreed."));
        // A question after a deferral does not undo it.
        assert!(asks("The item was deferred to the next meeting. Any questions?"));
    }

    #[test]
    fn events_announced_hopes_and_money_carried_forward_ask_nothing() {
        for idle in [
            "The next meeting of CAN is to be held on 9th August.",
            "The Annual Parish Meeting will be held on Wednesday 25th April 2018 at 7.00pm.",
            "The Borough Council is to hold a second Basics of Planning Session.",
            "Nothing further has been heard but is believed the Club Committee is to hold a meeting next Monday.",
            "The Highways Rangers will be visiting the parish on 7th November.",
            "The Highway Rangers are to visit the village on November 7th 2011.",
            "The Chairman of the Club was keen to show the improvements and it is hoped the Club will continue to move forward.",
        ] {
            assert!(!asks(idle), "{idle}");
        }
        for accounts in [
            "The Council has under spent and money will be carried forward to the current financial year.",
            "Balance carried forward end September £39,126.84.",
        ] {
            assert!(!defers(accounts), "{accounts}");
        }
        assert!(defers("Item to be carried forward to the next PC meeting."));
        for meant in [
            "The Parish Council will hold a public meeting on the plans.",
            "Cllr Smith will be visiting the site.",
            "Mr Collins is to visit the site before the next meeting.",
            "It was hoped there would be some progress soon and he agreed to update the Council.",
            "It was agreed that the Committee would hold a site meeting and report back to the next meeting.",
            "agreed to hold a meeting with the Village Hall Committee to discuss the event.",
            "Cllr. M. Peake offered to visit the local branch to sort this matter out.",
            "agreed that Mr Mycock and himself will visit the site and draw up a plan.",
            "Steve Donoclift is to visit and deal with the matters.",
            "Andrew is attending a meeting in London and will visit Brussels to wind down the old EU entity.",
            "agreed that improvement of the signage was an option which it hoped would stop lorries.",
            "The quote was accepted and the sum will be carried forward to the next meeting for approval.",
        ] {
            assert!(asks(meant), "{meant}");
        }
    }

    #[test]
    fn quoted_words_and_questions_put_ask_nothing() {
        assert!(!asks(
            "“It should not impact on the villages, subsequently I have asked British Sugar to keep me updated.”"
        ));
        assert!(!asks("In response, a parishioner asked whether the odour control equipment had been implemented."));
        assert!(asks("The Clerk read the letter: “the hedge is ours”. Cllr Smith asked the Clerk to reply."));
        assert!(asks("Cllr Smith asked the Clerk to find out whether the hedge is theirs."));
        // A quoted motion or action item is the body's own.
        assert!(asks("Motion: “It is resolved to instruct the Foundation to refresh the material.”"));
        assert!(asks("“Andrew will send out a Doodle to get dates for the meeting.”"));
    }

    #[test]
    fn votes_are_taken_at_the_meeting() {
        assert!(!asks("The Parish Council agreed to vote on whether to accept the sum and all agreed."));
        assert!(!asks("The Chair asked the Council to vote on the application."));
        assert!(asks("The Council agreed to vote on the design at the next meeting."));
        assert!(asks("The Clerk agreed to write to the Borough Council."));
        assert!(asks("The Clerk was instructed to chase the promised footpath maps."));
        assert!(asks("Staff was directed to return with a discount program."));
    }

    #[test]
    fn topic_labels() {
        let t = "Cemetery Bin – The bin has been ordered. Air Quality Monitor – awaiting power. Blocked drain - on High Street reported. It was noted - nothing. Cllr Jim Hesketh-Harvey said so. 2 Agriculture – The Chair wrote.";
        let got: Vec<(Option<&str>, &str)> =
            topics(t).into_iter().map(|(l, (a, b))| (l.map(|(x, y)| &t[x..y]), t[a..b].trim())).collect();
        assert_eq!(
            got,
            vec![
                (Some("Cemetery Bin"), "Cemetery Bin – The bin has been ordered."),
                (Some("Air Quality Monitor"), "Air Quality Monitor – awaiting power."),
                (
                    Some("Blocked drain"),
                    "Blocked drain - on High Street reported. It was noted - nothing. Cllr Jim Hesketh-Harvey said so."
                ),
                (Some("2 Agriculture"), "2 Agriculture – The Chair wrote."),
            ]
        );
        assert_eq!(topics("No labels here. None at all.").len(), 1);
    }

    #[test]
    fn sentences_split() {
        let t = "First one. Second\nline two. third stays";
        let s: Vec<&str> = sentences(t).into_iter().map(|(a, b)| &t[a..b]).collect();
        assert_eq!(s, vec!["First one.", "Second\nline two. third stays"]);
    }
}
