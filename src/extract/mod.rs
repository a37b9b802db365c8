//! Stage 3, extract: walk the [`Outline`] and fill a `model::Document` with meaning:
//! speakers, people, resolutions with motions and votes, actions, the meeting header and
//! declarations of interest.
//!
//! Extract adds facts with spans inside the block they came from; it never changes the
//! outline.

pub(crate) mod actions;
pub(crate) mod attendance;
pub mod dates;
mod division;
pub(crate) mod lexicon;
pub(crate) mod meeting;
mod owner_to;
pub(crate) mod people;
pub(crate) mod resolutions;
pub(crate) mod speakers;
mod turn_label;
pub(crate) mod welsh;

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostics::{Code, Diagnostics};
use crate::model::{Declaration, Item, LinkedDocument, ListEntry, Paragraph, Person};
use crate::segment::Outline;
use crate::source::{Source, Span};
use speakers::{mentions, Mention};

/// The text a decision's mover may be named in: the sentence the decision is in, up to the
/// decision's end. A mover named before the keyword ("Cllr X proposed, seconded by ...")
/// belongs to this decision only; the text of the decision before it does not ("Motion to
/// accept the substitute: Moved by X and seconded by Y. (Y-5) SUBSTITUTE PASSED ...").
/// Also says whether the context starts a sentence, paragraph or list entry of its own (not
/// just where the previous decision ends).
fn lead_context(src: &Source, it: &crate::segment::ItemBlock, k: usize) -> (Span, bool) {
    let r = &it.resolutions[k];
    // The paragraph holding the decision (recorded for a numbered one), else the text the
    // decision's line starts with ("Guy de Montfort proposed that ...": the outline keeps the
    // words before the keyword as a paragraph ending where the decision starts).
    let para = r.paragraph.map(|i| it.paragraphs[i].span).unwrap_or_else(|| {
        let joined =
            |p: &Span| p.start <= r.span.start && src.text[p.end.min(r.span.start)..r.span.start].trim().is_empty();
        it.paragraphs.iter().map(|p| p.span).find(joined).unwrap_or(r.span)
    });
    let prev_end = k.checked_sub(1).map_or(0, |j| it.resolutions[j].span.end);
    let from = para.start.max(prev_end).min(r.span.start);
    let cut = crate::segment::clause_start(&src.text[from..r.span.start]);
    (Span::new(from + cut, r.span.end), cut > 0 || para.start >= prev_end)
}

/// True when `s` is a person's name (a titled name or a plausible first and last name), as
/// used to tell speaker turns ("Adams:") from titles ("Great Mans Way:").
pub(crate) fn looks_like_person(s: &str) -> bool {
    mentions(s, 0).first().is_some_and(|m| m.name.is_some() && m.span.start == 0 && m.span.end == s.len())
}

pub(crate) fn to_person(m: Mention) -> Person {
    Person { name: m.name, role: m.role, organisation: m.organisation, span: m.span }
}

/// Participles of speech verbs that notes write without "is"/"was" after an attendee's first
/// name ("Kate requesting feedback on ..."); only there: after any other name ("a letter from
/// Mr X requesting ...") they report a letter, not speech.
const SPEECH_PARTICIPLES: &[&str] = &["asking", "reporting", "requesting", "suggesting"];

/// What extraction produces besides the items.
pub(crate) struct Extracted {
    pub meeting: crate::model::Meeting,
    pub items: Vec<Item>,
    pub declarations: Vec<Declaration>,
    pub people: Vec<crate::model::PersonRecord>,
}

static DECLARATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)declared\s+(?:an?\s+)?(?P<kind>[A-Za-z\- ]{0,60}?interest)(?:\s+in\s+(?:agenda\s+)?(?:item|minute)\s+(?P<item>[0-9][0-9./a-z]*))?")
        .expect("declaration regex")
});

/// False when `DECLARATION` cannot match `text`: every match holds "declared", in any ASCII
/// case (`(?i)` folds none of its letters to a character outside ASCII, unlike "s" and "k"),
/// found here from each "c" (its rarest letter) with one vectorised byte search. The regex's
/// own search cost ~800 instructions a paragraph (its captures set up, its prefilter run) on
/// the ~99% of paragraphs that hold no "declared".
fn may_declare(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2_iter(b'c', b'C', b)
        .any(|i| i >= 2 && b.get(i - 2..i + 6).is_some_and(|w| w.eq_ignore_ascii_case(b"declared")))
}

/// Who the speaker labels of a document stand for: initials ("DE") and first names ("Bert")
/// resolved through the attendance list, and bare labels ("Adams:") accepted only when they
/// recur.
struct Turns {
    abbreviations: Vec<(String, String)>,
    first_names: Vec<(String, String)>,
    /// First names two or more attendees share: a label of one is a speaker, unresolved.
    shared_first_names: Vec<String>,
    /// Attendees by surname and first initial ("Mrs. Trudy Mann" → ("Mann", 'T')), to
    /// resolve "T Mann asked" (`initialled_speakers`).
    initialled: Vec<(String, char, String)>,
    /// Surnames of people who took a turn under their full name ("Jerry Skillete: ..."), so
    /// that a later "Skillete:" is the same person.
    surnames: Vec<(String, String)>,
    recurring: Vec<String>,
    /// `speakers::turn_in` of every paragraph and list entry, keyed by span: `new` needs them
    /// all to count labels and `speaker` needs them again, so the regex runs once per text.
    turn_cache: SpanMap<Option<(Mention, bool)>>,
}

/// A map keyed by a span's `(start, end)`, hashed with [`SpanHasher`].
type SpanMap<V> = HashMap<(usize, usize), V, BuildHasherDefault<SpanHasher>>;

/// The turn cache's hasher: a multiply and a rotate a word (as rustc's `FxHasher`) instead of
/// SipHash, which cost ~100 instructions a look-up. The keys are byte offsets into one
/// document, not chosen by anyone to collide, and the map is never iterated (its order
/// reaches no output).
#[derive(Default, Clone, Copy)]
struct SpanHasher(u64);

impl SpanHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for SpanHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.add(u64::from(b));
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

impl Turns {
    fn new(src: &Source, outline: &Outline, attendance: &crate::model::Attendance) -> Turns {
        let mut abbreviations = attendance.abbreviations.clone();
        // An attendee table that gives everyone's abbreviation is the whole key: no tags or
        // initials guessed besides ("MM" is nobody when the table has "Mary Marchini | MAR").
        let table = !abbreviations.is_empty();
        // "Presenter: Shu-yu Guo (SYG)": a key as explicit as the table's, for presenters the
        // table does not list.
        for (abbr, name) in presenter_abbreviations(&src.text) {
            if !abbreviations.iter().any(|(a, _)| *a == abbr) {
                abbreviations.push((abbr, name));
            }
        }
        let mut first_names: Vec<(String, String)> = Vec::new();
        let mut initialled = Vec::new();
        for p in attendance.present.iter().chain(&attendance.in_attendance) {
            let Some(name) = p.name.clone() else { continue };
            let words: Vec<&str> = name
                .split_whitespace()
                .skip_while(|w| lexicon::contains(lexicon::TITLES, w.trim_end_matches('.')))
                .collect();
            if let ([first, .., last], Some(initial)) = (words.as_slice(), words.first().and_then(|w| w.chars().next()))
            {
                if first.starts_with(|c: char| c.is_ascii_uppercase()) {
                    initialled.push((last.to_string(), initial, name.clone()));
                }
            }
            for tag in [&p.role, &p.organisation].into_iter().flatten().filter(|_| !table) {
                if (2..=5).contains(&tag.len()) && tag.chars().all(|c| c.is_ascii_uppercase()) {
                    abbreviations.push((tag.clone(), name.clone()));
                }
            }
            // "Pam Bullas (PB)": initials in brackets after the name, which the attendance
            // list keeps as no role.
            if let Some(tag) = bracketed_initials(&src.text[p.span.end.min(src.text.len())..]).filter(|_| !table) {
                abbreviations.push((tag.to_string(), name.clone()));
            }
            if let Some(first) = name.split_whitespace().next() {
                first_names.push((first.to_string(), name.clone()));
            }
        }
        // Notes-style minutes name members by their initials ("JB welcomed all"): initials
        // derived from the attendance list, when no two attendees share them.
        let mut derived: Vec<(String, String)> = Vec::new();
        for p in attendance.present.iter().chain(&attendance.in_attendance).filter(|_| !table) {
            let Some(name) = &p.name else { continue };
            let initials = attendance::initials(name);
            if (2..=3).contains(&initials.len()) {
                derived.push((initials, name.clone()));
            }
        }
        let all: Vec<String> = derived.iter().map(|(i, _)| i.clone()).collect();
        derived.retain(|(i, _)| all.iter().filter(|j| *j == i).count() == 1);
        for d in derived {
            if !abbreviations.iter().any(|(a, _)| *a == d.0) {
                abbreviations.push(d);
            }
        }
        // A first name shared by two attendees resolves to nobody; it is still a person's name
        // ("Justin:" when Justin Fagnani and Justin Ridgewell attended), kept as written.
        let firsts: Vec<String> = first_names.iter().map(|(f, _)| f.clone()).collect();
        let mut shared_first_names: Vec<String> =
            firsts.iter().filter(|f| firsts.iter().filter(|g| g == f).count() > 1).cloned().collect();
        shared_first_names.dedup();
        first_names.retain(|(f, _)| firsts.iter().filter(|g| *g == f).count() == 1);
        let mut counts: Vec<(String, usize)> = Vec::new();
        let mut surnames: Vec<(String, String)> = Vec::new();
        let mut turn_cache = HashMap::default();
        for it in &outline.items {
            for p in &it.paragraphs {
                let spans = std::iter::once(p.text).chain(p.list.iter().map(|e| e.text));
                for s in spans {
                    let turn = turn_cache
                        .entry((s.start, s.end))
                        .or_insert_with(|| speakers::turn_in(src.get(s), s.start, it.spoken))
                        .clone();
                    match turn {
                        Some((m, true)) => {
                            let n = m.name.unwrap_or_default();
                            match counts.iter_mut().find(|(k, _)| *k == n) {
                                Some(c) => c.1 += 1,
                                None => counts.push((n, 1)),
                            }
                        }
                        Some((m, false)) => {
                            let name = m.name.unwrap_or_default();
                            let words: Vec<&str> = name.split_whitespace().collect();
                            if words.len() >= 2 && !surnames.iter().any(|(_, f)| *f == name) {
                                surnames.push((words[words.len() - 1].to_string(), name.clone()));
                            }
                        }
                        None => {}
                    }
                }
            }
        }
        // A surname shared by two people resolves to nobody.
        let last: Vec<String> = surnames.iter().map(|(s, _)| s.clone()).collect();
        surnames.retain(|(s, _)| last.iter().filter(|t| *t == s).count() == 1);
        let recurring = counts.into_iter().filter(|(_, c)| *c >= 2).map(|(n, _)| n).collect();
        Turns { abbreviations, first_names, shared_first_names, initialled, surnames, recurring, turn_cache }
    }

    /// Members named by their initials and speaking: "JB welcomed all", "KN declared ...";
    /// then attendees named by their first name alone ("Rod outlined the state of play",
    /// "Tom talked to WebEx"), when no other attendee shares it.
    fn initial_speakers(&self, text: &str, base: usize, in_turn: bool) -> Vec<Mention> {
        // In a speaker's turn "what Ron said" is the speaker's words, not Ron's turn.
        let mut out = if in_turn { Vec::new() } else { self.first_name_speakers(text, base) };
        if self.abbreviations.is_empty() {
            return out;
        }
        // In text order, then the list's order at one position (as a search per abbreviation
        // and a stable sort by position gave).
        for (at, end) in capital_runs(text) {
            let word = &text[at..end];
            for (abbr, full) in &self.abbreviations {
                if abbr != word {
                    continue;
                }
                let after = &text[end..];
                let verb = after.trim_start().split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                if lexicon::contains(lexicon::SPEECH_VERBS, verb) {
                    let span = Span::new(base + at, base + end);
                    out.push(Mention { name: Some(full.clone()), role: None, organisation: None, span, speaks: true });
                }
            }
        }
        out
    }

    /// "Rod outlined ...": a word that is the first name of one attendee, followed by a speech
    /// verb, outside a speaker's turn, and not after a capitalised word ("Cllr Rod said", "Mr Tom Smith said" are
    /// `mentions`' to find); at the start of a sentence or entry, a speech verb's participle
    /// too ("Kate requesting feedback", [`SPEECH_PARTICIPLES`]).
    fn first_name_speakers(&self, text: &str, base: usize) -> Vec<Mention> {
        let mut out = Vec::new();
        if self.first_names.is_empty() {
            return out;
        }
        let b = text.as_bytes();
        for at in (0..b.len()).filter(|&i| b[i].is_ascii_uppercase() && (i == 0 || !b[i - 1].is_ascii_alphanumeric())) {
            let end = at + text[at..].find(|c: char| !c.is_alphabetic()).unwrap_or(text.len() - at);
            let Some(full) = self.written_first_name(&text[at..end]) else { continue };
            if !text[end..].starts_with(' ') {
                continue;
            }
            let verb = text[end + 1..].split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            let before = text[..at].trim_end();
            let prev = before.rsplit(|c: char| !c.is_alphabetic() && c != '.').next().unwrap_or("");
            if before.len() < at && prev.starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            // Notes drop the auxiliary: "Kate requesting feedback on ..." opening an entry.
            let opens = before.is_empty() || before.ends_with(['.', ':', ';', '-', '*', '•', '|', '>']);
            if lexicon::contains(lexicon::SPEECH_VERBS, verb) || opens && SPEECH_PARTICIPLES.contains(&verb) {
                let span = Span::new(base + at, base + end);
                out.push(Mention { name: Some(full.clone()), role: None, organisation: None, span, speaks: true });
            }
        }
        out
    }

    /// "T Mann asked", "BC Sampson advised" (`speakers::initialled_speakers`; `found` are the
    /// text's other mentions): under the name of the one attendee with that surname whose first
    /// initial is one of those written, else as written; a lone "A" or "I" ("A Smith said") and
    /// two capitals without dots ("SP Landscapes advised", a firm) only when an attendee
    /// resolves them, but for "BC" and "CC" (Borough and County Councillor: "BC Sampson").
    fn initialled_speakers(&self, text: &str, base: usize, found: &[Mention]) -> Vec<Mention> {
        let mut out = speakers::initialled_speakers(text, base, found);
        out.retain_mut(|m| {
            let Some(name) = m.name.as_deref() else { return true };
            let Some((initials, surname)) = speakers::initialled_name(name) else { return true };
            let mut fits: Vec<&String> = self
                .initialled
                .iter()
                .filter(|(s, i, _)| s == surname && initials.contains(i))
                .map(|(_, _, full)| full)
                .collect();
            fits.dedup();
            let full = match fits.as_slice() {
                [full] => Some((*full).clone()),
                _ => None,
            };
            let first = name.split(' ').next().unwrap_or("");
            let two_capitals = first.len() == 2 && first.bytes().all(|b| b.is_ascii_uppercase());
            let unsure = matches!(first, "A" | "I") || two_capitals && !matches!(first, "BC" | "CC");
            match full {
                Some(full) => {
                    m.name = Some(full);
                    true
                }
                None => !unsure,
            }
        });
        out
    }

    /// A list entry that opens with an attendee's first name and a comma or a dash ("* Ruben,
    /// this addresses a common case", "* Matteo - reminder tickets available"): Node.js notes
    /// write the speaker so.
    fn name_lead(&self, text: &str, base: usize) -> Option<Mention> {
        let end = text.find(|c: char| !c.is_alphabetic()).unwrap_or(text.len());
        let word = &text[..end];
        let rest = &text[end..];
        let lead = rest.starts_with(", ") || rest.starts_with(" - ") || rest.starts_with(" – ");
        if !lead {
            return None;
        }
        // "Matt - Yes" is a vote in a roll call; "Avi, Glenn and Grant will review" names a
        // group.
        let said = rest.trim_start_matches([',', '-', '–', ' ']).trim_end().trim_end_matches('.');
        let next = said.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        if speakers::ROLL_CALL_ANSWERS.iter().any(|w| said.eq_ignore_ascii_case(w))
            || self.first_names.iter().any(|(f, _)| f == next)
        {
            return None;
        }
        let full = self.written_first_name(word)?;
        let span = Span::new(base, base + end);
        Some(Mention { name: Some(full.clone()), role: None, organisation: None, span, speaks: true })
    }

    /// The full name of the one attendee whose first name `word` is, when `word` is written
    /// as a first name ("Rod"; not "JB", nor "Clerk" from "Clerk: Nicola Cooper" read as a
    /// name, nor a word of the lexicon's lists).
    fn written_first_name(&self, word: &str) -> Option<&String> {
        // Asked first: most capitalised words are no attendee's first name.
        let (_, full) = self.first_names.iter().find(|(f, _)| f == word)?;
        // (A capital ASCII letter first: `word[1..]` is then a character boundary.)
        let name_like = word.len() >= 3
            && word.starts_with(|c: char| c.is_ascii_uppercase())
            && word[1..].bytes().all(|b| b.is_ascii_lowercase());
        let listed =
            [lexicon::NOT_NAME_WORDS, lexicon::OFFICES, lexicon::TITLES].iter().any(|l| lexicon::contains(l, word));
        (name_like && !listed).then_some(full)
    }

    /// A person named by initials the attendance list resolves ("PN"), under the full name.
    fn full_name(&self, mut p: Person) -> Person {
        if let Some((_, full)) = self.abbreviations.iter().find(|(a, _)| Some(a) == p.name.as_ref()) {
            p.name = Some(full.clone());
        }
        p
    }

    /// Who speaks at byte `at` of the block `block` (a paragraph or list entry): the speaker
    /// of the nearest line at or before it that opens a turn ([`Turns::speaker`]); lines
    /// without a label continue the turn above them.
    fn speaker_at(&self, src: &Source, block: Span, at: usize) -> Option<Person> {
        let text = src.get(block);
        let mut end = at.checked_sub(block.start)?.min(text.len());
        loop {
            let start = text[..end].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            if let Some(m) = self.speaker(&text[start..line_end], block.start + start, false) {
                return Some(to_person(m));
            }
            end = start.checked_sub(1)?;
        }
    }

    /// The turn speaker of a paragraph, with its label resolved to a full name when the
    /// attendance list allows.
    fn speaker(&self, text: &str, base: usize, spoken: bool) -> Option<Mention> {
        let turn = match self.turn_cache.get(&(base, base + text.len())) {
            Some(turn) => turn.clone(),
            None => speakers::turn_in(text, base, spoken),
        };
        let (mut m, single) = turn.or_else(|| arrow_turn(text, base))?;
        // (Compared in place: a copy of the label was made for every paragraph.)
        let name = m.name.as_deref().unwrap_or_default();
        let known = |list: &[(String, String)]| list.iter().any(|(f, _)| f == name);
        if single
            && !self.recurring.iter().any(|r| r == name)
            && !known(&self.first_names)
            && !known(&self.surnames)
            && !self.shared_first_names.iter().any(|s| s == name)
        {
            return None;
        }
        let full = self
            .abbreviations
            .iter()
            .find(|(a, _)| a == name)
            .or_else(|| self.first_names.iter().find(|(f, _)| f == name))
            .or_else(|| if single { self.surnames.iter().find(|(f, _)| f == name) } else { None })
            .map(|(_, full)| full.clone());
        if let Some(full) = full {
            m.name = Some(full);
        }
        Some(m)
    }
}

/// "(PB)" of " (PB), Paula ...": 2 to 5 capitals in brackets at the start of `after`.
fn bracketed_initials(after: &str) -> Option<&str> {
    let rest = after.trim_start_matches([' ', '\t']).strip_prefix('(')?;
    let close = rest.find(')')?;
    let tag = &rest[..close];
    ((2..=5).contains(&tag.len()) && tag.bytes().all(|b| b.is_ascii_uppercase())).then_some(tag)
}

/// The (abbreviation, name) pairs of "Presenter:"/"Presenters:" lines (TC39 notes): "Presenter:
/// Shu-yu Guo (SYG)", "Presenters: Robin Ricard (RRD), Ashley Claymore (ACE)", "Gus Caplan
/// (GCL) and Myles Borins (MBS)".
fn presenter_abbreviations(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    // (`memmem`, its searcher built once: `match_indices` set up a two-way searcher for
    // every document and ran it over the whole text; the word does not overlap itself.)
    static PRESENTER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("Presenter"));
    for at in PRESENTER.find_iter(text.as_bytes()) {
        let line_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
        if !text[line_start..at].chars().all(|c| matches!(c, ' ' | '-' | '*' | '\t')) {
            continue;
        }
        let line = &text[at..text[at..].find('\n').map_or(text.len(), |p| at + p)];
        let Some(list) = line.strip_prefix("Presenters:").or_else(|| line.strip_prefix("Presenter:")) else {
            continue;
        };
        let mut from = 0;
        for (open, _) in list.match_indices('(') {
            let Some(close) = list[open..].find(')').map(|c| open + c) else { break };
            let abbr = &list[open + 1..close];
            let is_abbr = (2..=5).contains(&abbr.len()) && abbr.bytes().all(|b| b.is_ascii_uppercase());
            let before = &list[from.min(open)..open];
            let name = before.rsplit([',', '&', ':']).next().unwrap_or("").trim();
            let name = name.strip_prefix("and ").unwrap_or(name).trim();
            let words = name.split_whitespace().count();
            if is_abbr && (2..=4).contains(&words) && name.starts_with(|c: char| c.is_uppercase()) {
                out.push((abbr.to_string(), name.to_string()));
            }
            from = close + 1;
        }
    }
    out
}

/// "Matteo -> Most realistic is to look at what others do" (Node.js TSC notes): a single name
/// and an arrow open the turn. Taken as a single label, so only a name the attendance list
/// resolves (or one that recurs) is a speaker.
fn arrow_turn(text: &str, base: usize) -> Option<(Mention, bool)> {
    // (`memmem`, its searcher built once: `str::find` set up a two-way searcher for every
    // paragraph, and `memmem::find` a searcher.)
    static ARROW: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(" -> "));
    let at = ARROW.find(text.as_bytes())?;
    let name = &text[..at];
    let word = |w: &str| {
        w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '-')
    };
    if name.is_empty() || name.split(' ').count() > 2 || !name.split(' ').all(word) {
        return None;
    }
    let span = crate::source::Span::new(base, base + at);
    Some((Mention { name: Some(name.to_string()), role: None, organisation: None, span, speaks: true }, true))
}

/// The byte ranges of the whole runs of alphanumeric characters in `text` that are 2 to 5 ASCII
/// capitals (where an abbreviation of a name may be), in order. Only a run that starts with an
/// ASCII capital can be one, so the bytes are scanned for capitals that start a run (no
/// alphanumeric character before them); the run is the capitals from there when the
/// character after them is not alphanumeric. (Decoding every character to find every run
/// cost several times more; the bytes between capitals are skipped eight at a time.)
fn capital_runs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let alnum_before = |i: usize| text[..i].chars().next_back().is_some_and(char::is_alphanumeric);
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(capital) = next_capital(b, at) {
            at = capital;
            if alnum_before(at) {
                at += 1;
                continue;
            }
            let start = at;
            at += b[at..].iter().take(6).take_while(|c| c.is_ascii_uppercase()).count();
            let whole = !text[at..].chars().next().is_some_and(char::is_alphanumeric);
            if (2..=5).contains(&(at - start)) && whole {
                return Some((start, at));
            }
        }
        None
    })
}

/// The first ASCII capital in `b` at or after `from`, eight bytes at a time (the bytes
/// between are skipped in [`capital_runs`]): a byte `v` below 0x80 with its top bit set (`t`)
/// takes 0x41 ('A') and 0x5B ('Z' + 1) without a borrow, and the top bit of the difference
/// says `v >= 'A'`, `v >= 'Z' + 1`; bytes from 0x80 are masked.
pub(crate) fn next_capital(b: &[u8], from: usize) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut i = from;
    while i + 8 <= b.len() {
        let x = u64::from_le_bytes(b[i..i + 8].try_into().expect("eight bytes"));
        let t = x | HIGH;
        let caps = t.wrapping_sub(ONES * 0x41) & !t.wrapping_sub(ONES * 0x5B) & !x & HIGH;
        if caps != 0 {
            return Some(i + (caps.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    b.get(i..)?.iter().position(u8::is_ascii_uppercase).map(|k| i + k)
}

/// Add a speaker who is not already there (by name, or by role when unnamed), in text order.
fn add_speaker(list: &mut Vec<Person>, p: Person) {
    let same = |o: &Person| match (&o.name, &p.name) {
        (Some(a), Some(b)) => a == b,
        (None, None) => o.role == p.role,
        _ => false,
    };
    if !list.iter().any(same) {
        let at = list.iter().position(|o| o.span.start > p.span.start).unwrap_or(list.len());
        list.insert(at, p);
    }
}

/// Speakers of a text span, in order, one per person.
fn speakers_of(
    src: &Source,
    span: Span,
    people: &mut people::People,
    turns: &Turns,
    spoken: bool,
    entry: bool,
) -> Vec<Person> {
    let mut out: Vec<Person> = Vec::new();
    let text = src.get(span);
    let turn =
        turns.speaker(text, span.start, spoken).or_else(|| entry.then(|| turns.name_lead(text, span.start)).flatten());
    let skip = turn.as_ref().map_or(0, |m| m.span.end - span.start);
    let mut found: Vec<Mention> = turn.into_iter().collect();
    // In a transcript the turns are the speakers: "As the mayor mentioned, ..." is speech.
    if !spoken {
        found.extend(mentions(&text[skip..], span.start + skip));
        found.extend(turns.initial_speakers(&text[skip..], span.start + skip, skip > 0));
        // In a speaker's turn "T Mann said" is the speaker's words (as for first names).
        if skip == 0 {
            let initialled = turns.initialled_speakers(text, span.start, &found);
            found.extend(initialled);
        }
    }
    for m in found {
        let speaks = m.speaks;
        let p = to_person(m);
        people.add(&p, speaks);
        if speaks
            && !out.iter().any(|o| {
                o.name == p.name && o.role == p.role && p.name.is_some()
                    || p.name.is_none() && o.name.is_none() && o.role == p.role
            })
        {
            out.push(p);
        }
    }
    out
}

/// Build the document's contents from the outline.
pub(crate) fn extract(src: &Source, outline: &Outline, diags: &mut Diagnostics) -> Extracted {
    let mut people = people::People::default();
    let mut meeting = meeting::meeting(src, outline.header, &outline.header_lines, diags);
    meeting.attendance = attendance::attendance(src, &outline.lines);
    let turns = Turns::new(src, outline, &meeting.attendance);
    // Asked only when a decision states a tally: most documents never need the scan.
    let remote_votes = std::cell::OnceCell::new();
    let a = &meeting.attendance;
    for p in a.present.iter().chain(&a.in_attendance) {
        if p.role.is_some() || p.organisation.is_some() {
            people.add(p, false);
        }
    }
    // "Cllr Martin Storey, Norfolk County Council" sent apologies: the organisation is his.
    // What follows an apology in brackets is mostly its reason, not a role.
    let plain = |p: &Person| p.organisation.as_deref().is_some_and(|o| !o.contains(['(', ')']));
    for p in a.apologies.iter().chain(&a.absent).filter(|p| plain(p) && !people::org_is_own_initials(p)) {
        people.add(&Person { role: None, ..p.clone() }, false);
    }
    let mut items = Vec::new();
    let mut declarations = Vec::new();
    for (n, it) in outline.items.iter().enumerate() {
        let item_id = format!("item-{}", n + 1);
        let mut paragraphs = Vec::new();
        let mut actions = Vec::new();
        // The decisions held in each paragraph, gathered once (not a scan per paragraph).
        let mut held_in: std::collections::BTreeMap<usize, Vec<Span>> = std::collections::BTreeMap::new();
        for r in &it.resolutions {
            if let Some(k) = r.paragraph {
                held_in.entry(k).or_default().push(r.span);
            }
        }
        for (k, p) in it.paragraphs.iter().enumerate() {
            // Text of a decision inside this paragraph belongs to the decision, not to its
            // actions; the paragraph keeps the words.
            let speakers = speakers_of(src, p.text, &mut people, &turns, it.spoken, false);
            let held: &[Span] = held_in.get(&k).map_or(&[], Vec::as_slice);
            // Spoken words ("I'll look into it") are not the minutes' record of an action.
            if !it.spoken {
                // The text outside the paragraph's decisions ("RESOLVED that ... . The Clerk
                // to write to ..."): the decisions' own actions come from the decisions.
                let speaker = |at: usize| turns.speaker_at(src, p.text, at);
                for gap in outside(p.text, held) {
                    actions.extend(actions::from_text(src, gap, &speaker));
                }
            }
            // "**Actions**" then a list: every entry is an action.
            let action_list = !it.spoken && actions::is_actions_label(src.get(p.text));
            let list = p
                .list
                .iter()
                .map(|e| {
                    // An entry is read on its own, outside any decision in it, as a paragraph
                    // is ("• It was agreed to send ... . The Clerk agreed to contact them.").
                    let inside: Vec<Span> = held.iter().filter(|h| h.overlaps(e.text)).copied().collect();
                    if !it.spoken {
                        let speaker = |at: usize| turns.speaker_at(src, e.text, at);
                        let found: Vec<_> = outside(e.text, &inside)
                            .into_iter()
                            .flat_map(|gap| actions::from_text(src, gap, &speaker))
                            .collect();
                        if found.is_empty() && action_list && inside.is_empty() {
                            actions.push(actions::listed(src, e.text));
                        }
                        actions.extend(found);
                    }
                    ListEntry {
                        label: e.label.clone(),
                        text: src.get(e.text).to_string(),
                        span: e.span,
                        speakers: speakers_of(src, e.text, &mut people, &turns, it.spoken, true),
                    }
                })
                .collect();
            for c in
                may_declare(src.get(p.text)).then(|| DECLARATION.captures_iter(src.get(p.text))).into_iter().flatten()
            {
                let whole = c.get(0).expect("match");
                let before = &src.get(p.text)[..whole.start()];
                let person = mentions(before, p.text.start).into_iter().last().map(to_person);
                declarations.push(Declaration {
                    person,
                    item: c.name("item").map(|m| m.as_str().trim_end_matches('.').to_string()),
                    interest: c.name("kind").map(|m| m.as_str().trim().to_string()),
                    text: src.get(p.text).to_string(),
                    span: p.text,
                });
            }
            paragraphs.push(Paragraph {
                id: format!("{item_id}/p-{}", k + 1),
                number: p.label.as_ref().map(|(l, _)| l.clone()),
                text: src.get(p.text).to_string(),
                span: p.span,
                speakers,
                list,
            });
        }
        // Each decision's lead text, once: a decision's own and its predecessor's bound use it.
        let leads: Vec<(Span, bool)> = (0..it.resolutions.len()).map(|k| lead_context(src, it, k)).collect();
        let mut resolutions: Vec<crate::model::Resolution> = it
            .resolutions
            .iter()
            .enumerate()
            .map(|(k, r)| {
                let (context, _) = leads[k];
                // Up to the next decision's own sentence, when it has one: "Agreed to hold the
                // AGM.\n- Proposed by X, seconded by Y and agreed that ..." names the next
                // decision's mover. (When no sentence starts between the two decisions, text
                // after this one may still be its own: "It was agreed ... roof. Proposed - Cllr
                // X Seconded - Cllr Y 'That the sum ...' It was agreed that ...".)
                let next = match (it.resolutions.get(k + 1), leads.get(k + 1)) {
                    (Some(_), Some(&(lead, true))) => lead.start,
                    (Some(n), _) => n.span.start,
                    (None, _) => it.span.end,
                };
                let vote_context = Span::new(r.span.start, next.max(r.span.end));
                // A roll-call tally written just before an outcome ("(Y-5) CONFIRMED").
                let prev_end = k.checked_sub(1).map_or(it.span.start, |j| it.resolutions[j].span.end);
                let mut lead_start = prev_end.max(r.span.start.saturating_sub(40)).min(r.span.start);
                while !src.text.is_char_boundary(lead_start) {
                    lead_start += 1;
                }
                let lead = Span::new(lead_start, r.span.start);
                for m in mentions(src.get(r.span), r.span.start) {
                    let speaks = m.speaks;
                    people.add(&to_person(m), speaks);
                }
                let res =
                    resolutions::resolution(src, format!("{item_id}/r-{}", k + 1), r, context, vote_context, lead);
                // Minutes that read e-votes into the record count votes cast outside the
                // meeting: the attendance is no bound on them.
                if res.vote.for_.is_some() {
                    let remote = *remote_votes.get_or_init(|| resolutions::reads_in_remote_votes(&src.text));
                    let present = if remote { 0 } else { meeting.attendance.present.len() };
                    for problem in resolutions::check_vote(src.get(vote_context), &res.vote, present) {
                        diags.warn(Code::VoteMismatch, format!("{}: {problem}", res.id), res.span);
                    }
                }
                res
            })
            .collect();
        motions_in_turns(&paragraphs, &mut resolutions, it.span.start);
        // Proposing and seconding is speaking (GOLD.md): the mover and seconder speak in the
        // paragraph (or list entry) that names them. A mover read from text after the decision
        // (its vote context, another paragraph or none) is no speaker of the decision's
        // paragraph: a speaker's span lies inside its paragraph.
        for r in &resolutions {
            for p in [&r.motion.mover, &r.motion.seconder].into_iter().flatten() {
                let Some(k) = it.paragraphs.iter().position(|q| q.span.contains(p.span)) else {
                    continue;
                };
                let entry = it.paragraphs[k].list.iter().position(|e| e.text.contains(p.span));
                let para = &mut paragraphs[k];
                let list = match entry {
                    Some(e) => &mut para.list[e].speakers,
                    None => &mut para.speakers,
                };
                add_speaker(list, turns.full_name(p.clone()));
            }
        }
        // Owners in an "Action" column ("... was in hand.    Clerk"): a new action, or the owner
        // of the action already read there; in a decision's text, the decision's action.
        if !it.spoken {
            let blocks =
                it.paragraphs.iter().flat_map(|p| std::iter::once(p.text).chain(p.list.iter().map(|e| e.text)));
            for block in blocks {
                for m in actions::margin_owners(src, block) {
                    // Into a decision when it lies in it or the decision has an action there;
                    // a decision that a line break cut short leaves it to the item.
                    // A decision that ends the owner's line ("vii) Dementia Group; it was agreed to
                    // host an information session ...   Clerk") is the deed: the action is the
                    // decision's own text (GOLD.md "Actions").
                    match resolutions.iter_mut().find(|r| r.span.overlaps(m.span)) {
                        Some(r) if r.span.contains(m.span) || r.actions.iter().any(|a| a.span.overlaps(m.span)) => {
                            actions::merge_margin(src, &mut r.actions, m, Some(r.span))
                        }
                        Some(r) if r.span.start > m.span.start && r.span.end >= m.span.end => {
                            let deed = actions::clipped(src, m, r.span);
                            actions::merge_margin(src, &mut r.actions, deed, Some(r.span))
                        }
                        _ => actions::merge_margin(src, &mut actions, m, None),
                    }
                }
            }
        }
        let title = it.title.map(|t| src.get(t).to_string());
        if let Some(t) = it.title {
            for m in mentions(src.get(t), t.start) {
                // "Cllr Colin Sampson (BCKLWN)"; not "Exponentiation Operator (RW)", a topic
                // and its presenter's initials.
                let titled = m
                    .name
                    .as_deref()
                    .and_then(|n| n.split_whitespace().next())
                    .is_some_and(|w| lexicon::contains(lexicon::TITLES, w.trim_end_matches('.')));
                let p = to_person(m);
                if p.role.is_some() || p.organisation.is_some() && titled && !people::org_is_own_initials(&p) {
                    people.add(&p, false);
                }
            }
        }
        items.push(Item {
            id: item_id,
            number: it.number.clone(),
            title,
            span: it.span,
            paragraphs,
            resolutions,
            actions,
            documents: it
                .documents
                .iter()
                .map(|d| LinkedDocument {
                    title: src.get(d.title).to_string(),
                    format: d.format.clone(),
                    size: d.size.clone(),
                })
                .collect(),
        });
    }
    // A later bare mention inherits the role given earlier (or later) for the same person.
    for item in &mut items {
        let fill = |p: &mut Person| {
            if p.role.is_none() && p.organisation.is_none() {
                if let Some(r) = p.name.as_deref().and_then(|n| people.role_of(n)) {
                    p.role = r.role.clone();
                    p.organisation = r.organisation.clone();
                }
            }
        };
        for para in &mut item.paragraphs {
            para.speakers.iter_mut().for_each(fill);
            for e in &mut para.list {
                e.speakers.iter_mut().for_each(fill);
            }
        }
    }
    // "by 31 May", "by the end of June": a calendar date written without its year takes the
    // meeting's (the first such day on or after the meeting).
    if let Some((held, _)) = meeting.date.as_deref().and_then(dates::date_at) {
        for item in &mut items {
            let all = item.actions.iter_mut().chain(item.resolutions.iter_mut().flat_map(|r| r.actions.iter_mut()));
            for a in all {
                if a.due.is_some() {
                    continue;
                }
                let calendar = a.due_text.as_deref().and_then(dates::find_relative).and_then(|(r, _)| match r {
                    dates::Relative::Day { .. } | dates::Relative::MonthEnd(_) => r.resolve(held),
                    _ => None,
                });
                a.due = calendar.map(|d| d.iso());
            }
        }
    }
    for &u in &outline.unclassified {
        diags.warn(Code::Unclassified, "text outside any agenda item or header", u);
    }
    for p in people::role_mentions(&src.text) {
        people.add(&p, false);
    }
    for p in division::members(&src.text) {
        people.add_listed(&p);
    }
    let people = people.into_records();
    // A one-word owner must be someone the document names (GOLD.md "Actions").
    let a = &meeting.attendance;
    let listed = a.present.iter().chain(&a.apologies).chain(&a.absent).chain(&a.in_attendance);
    let mut names: Vec<String> = people.iter().map(|r| r.name.clone()).collect();
    names.extend(listed.filter_map(|p| p.name.clone()));
    names.extend(turns.abbreviations.iter().chain(&turns.surnames).map(|(_, n)| n.clone()));
    let tags = turns.abbreviations.iter().map(|(t, _)| t.clone()).chain(turns.recurring.iter().cloned()).collect();
    let known = actions::Known::new(&src.text, names, tags);
    for item in &mut items {
        let all = item.actions.iter_mut().chain(item.resolutions.iter_mut().flat_map(|r| r.actions.iter_mut()));
        actions::forget_unknown_owners(all, &known);
    }
    Extracted { meeting, items, declarations, people }
}

/// What a speaker turn says about a motion: it moves ("YK: Move", "Ms Jones: So moved.") or
/// seconds it ("MF: Second", "Cllr Hall: I second that."), and nothing else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TurnMotion {
    Moves,
    Seconds,
}

/// The longest text [`turn_motion`] reads as a cue, in bytes: "i'll ", "so ", "second the motion".
const TURN_MOTION_MAX: usize = 25;

/// The speaker of a one-speaker turn `para` whose whole text after "Name:" is a motion cue.
fn turn_motion(para: &Paragraph) -> Option<(Person, TurnMotion)> {
    let [who] = para.speakers.as_slice() else { return None };
    let (label, said) = para.text.split_once(':')?;
    if label.len() > 40 || label.contains(['.', '\n']) {
        return None;
    }
    let said = said.trim().trim_end_matches(['.', '!']).trim();
    // The longest cue below with both prefixes ("i'll so second the motion") is 25 bytes; an
    // ASCII text keeps its length when lowercased, and a text with any other character matches
    // no cue (a lowercased non-ASCII character is non-ASCII, or the Kelvin sign's "k", which no
    // cue holds). So a longer text is none, without lowercasing a copy of a whole paragraph.
    if said.len() > TURN_MOTION_MAX {
        return None;
    }
    let said = said.to_lowercase();
    let said = said.strip_prefix("i ").or_else(|| said.strip_prefix("i'll ")).unwrap_or(&said);
    let said = said.strip_prefix("so ").unwrap_or(said);
    let cue = match said {
        "move" | "moved" | "motion" | "move it" | "move to approve" | "move to adopt" | "move to accept" => {
            TurnMotion::Moves
        }
        "second" | "seconded" | "second it" | "second that" | "second the motion" => TurnMotion::Seconds,
        _ => return None,
    };
    // The mover as written ("YK"), like a mover read from "Moved by X"; the paragraph's
    // speaker keeps the full name.
    let name = label.trim().trim_start_matches(['*', '_']).trim_end_matches(['*', '_']).trim();
    // The turn's span runs to its colon ("YK:"); the mover's is the name alone.
    let span = match who.span.len() >= name.len() {
        true => Span::new(who.span.start, who.span.start + name.len()),
        false => who.span,
    };
    Some((Person { name: Some(name.to_string()), span, ..who.clone() }, cue))
}

/// A decision that names no mover or seconder takes them from the speaker turns between the
/// decision before it (or the item's start, `item_start`) and itself: "YK: Move" / "MF:
/// Second" / "Approved: Rex as chair ..." in notes kept as a transcript.
fn motions_in_turns(paragraphs: &[Paragraph], resolutions: &mut [crate::model::Resolution], item_start: usize) {
    for k in 0..resolutions.len() {
        let from = k.checked_sub(1).map_or(item_start, |j| resolutions[j].span.end);
        let r = &mut resolutions[k];
        if r.motion.mover.is_some() || r.motion.seconder.is_some() {
            continue;
        }
        for para in paragraphs.iter().filter(|p| p.span.start >= from && p.span.end <= r.span.start) {
            // The first to move and the first to second ("MM: Seconded" / "DC: Seconded").
            let slot = match turn_motion(para) {
                Some((who, TurnMotion::Moves)) => (&mut r.motion.mover, who),
                Some((who, TurnMotion::Seconds)) => (&mut r.motion.seconder, who),
                None => continue,
            };
            slot.0.get_or_insert(slot.1);
        }
    }
}

/// The parts of `span` outside `taken` (spans inside it, in any order).
fn outside(span: Span, taken: &[Span]) -> Vec<Span> {
    let mut taken: Vec<Span> = taken.to_vec();
    taken.sort_by_key(|t| t.start);
    let mut out = Vec::new();
    let mut from = span.start;
    for t in taken {
        let cut = t.start.min(span.end);
        if cut > from {
            out.push(Span::new(from, cut));
        }
        from = from.max(t.end);
    }
    if from < span.end {
        out.push(Span::new(from, span.end));
    }
    out
}

#[cfg(test)]
mod outside_tests {
    use super::*;

    #[test]
    fn may_declare_holds_wherever_declaration_matches() {
        // `(?i)` folds no character outside ASCII to a letter of "declared".
        let letters = Regex::new("(?i)^[declar]$").expect("class");
        let folded: Vec<char> =
            (0x80..=0x10FFFFu32).filter_map(char::from_u32).filter(|c| letters.is_match(&c.to_string())).collect();
        assert_eq!(folded, Vec::<char>::new());
        let mut hays = crate::fastre::sample_haystacks(
            5_000,
            &[
                "declared",
                "DECLARED",
                "DeClArEd",
                "declare",
                "eclared",
                "d",
                "c",
                "Cllr X declared an interest in item 4",
                "declared\u{a0}a pecuniary interest",
            ],
        );
        hays.extend(
            [
                "declared an interest",
                "He DECLARED A PERSONAL INTEREST in minute 5.",
                "dec",
                "cdeclared",
                "xdeclared  interest",
            ]
            .map(String::from),
        );
        let mut matched = 0;
        for h in &hays {
            let m = DECLARATION.is_match(h);
            matched += usize::from(m);
            assert!(!m || may_declare(h), "{h:?}");
            assert_eq!(may_declare(h), h.to_ascii_lowercase().contains("declared"), "{h:?}");
        }
        assert!(matched > 100, "{matched}");
    }

    #[test]
    fn turn_motion_reads_its_longest_cue() {
        let who = Person { name: Some("MF".into()), role: None, organisation: None, span: Span::new(0, 3) };
        let para = |said: &str| Paragraph {
            id: "item-1/p-1".into(),
            number: None,
            text: format!("MF: {said}"),
            span: Span::new(0, 4 + said.len()),
            speakers: vec![who.clone()],
            list: Vec::new(),
        };
        let longest = "I'll so second the motion";
        assert_eq!(longest.len(), TURN_MOTION_MAX);
        assert_eq!(turn_motion(&para(&format!(" {longest}. "))).map(|m| m.1), Some(TurnMotion::Seconds));
        assert_eq!(turn_motion(&para("I'LL SO MOVE TO APPROVE!")).map(|m| m.1), Some(TurnMotion::Moves));
        assert_eq!(turn_motion(&para("I'll so second the motions")), None);
        assert_eq!(turn_motion(&para("I\u{212a} second")), None);
    }

    #[test]
    fn presenter_lines_give_abbreviations() {
        let text = "## A\n\nPresenter: Shu-yu Guo (SYG)\n\n- Presenters: Gus Caplan (GCL) and Myles Borins (MBS), Mike Samuel (MSL) (Google)\n\nThe Presenter: Ann Lee (AL)\n\nPresenter: Jordan Harband\n";
        let got = presenter_abbreviations(text);
        let want = [("SYG", "Shu-yu Guo"), ("GCL", "Gus Caplan"), ("MBS", "Myles Borins"), ("MSL", "Mike Samuel")];
        assert_eq!(got, want.map(|(a, n)| (a.to_string(), n.to_string())));
    }

    #[test]
    fn capital_runs_are_the_alphanumeric_runs_of_capitals() {
        let mut hays = crate::fastre::sample_haystacks(
            5_000,
            &["JB", "PN", "ABCDE", "ABCDEF", "JBé", "éJB", "J", "JB2", "Mc", "KCC"],
        );
        hays.extend(["JB said", "(PN) said", "ABCDEF", "xJB", "JB_", "ÀB", "JB\u{a0}said"].map(String::from));
        let mut found = 0;
        for text in &hays {
            // The runs as found before: every maximal run of alphanumeric characters.
            let mut theirs = Vec::new();
            let (mut rest, mut offset) = (text.as_str(), 0);
            while let Some(start) = rest.find(char::is_alphanumeric) {
                let run = &rest[start..];
                let len = run.find(|c: char| !c.is_alphanumeric()).unwrap_or(run.len());
                let (at, end) = (offset + start, offset + start + len);
                if (2..=5).contains(&len) && run[..len].bytes().all(|b| b.is_ascii_uppercase()) {
                    theirs.push((at, end));
                }
                offset = end;
                rest = &text[end..];
            }
            assert_eq!(capital_runs(text).collect::<Vec<_>>(), theirs, "{text:?}");
            found += theirs.len();
        }
        assert!(found > 1_000, "{found}");
    }

    #[test]
    fn arrow_turns_of_attendees() {
        let text = "# Node.js TSC Meeting 2021-01-14\n\n## Present\n\n* Matteo Collina @mcollina (TSC)\n\n## Agenda\n\n### nodejs/node\n\n* http: replace destroySoon\n  * Matteo -> Most realistic is to look at what others do\n  * Anatoli -> not an attendee\n  * Version 15 -> 16 is next\n\n### Other\n\n* Nothing\n";
        let dopts = crate::decode::DecodeOptions { format: None, name_hint: Some("t.md".into()) };
        let doc = crate::parse_bytes(text.as_bytes(), &dopts, &crate::Options::default()).expect("parse");
        let said: Vec<(String, Vec<String>)> = doc.items[0].paragraphs[0]
            .list
            .iter()
            .map(|e| (e.text.clone(), e.speakers.iter().filter_map(|s| s.name.clone()).collect()))
            .collect();
        assert_eq!(said[1].1, vec!["Matteo Collina".to_string()], "{said:?}");
        assert!(said[2].1.is_empty() && said[3].1.is_empty(), "{said:?}");
    }

    #[test]
    fn initialled_speakers_are_the_attendees() {
        let text = "Present: Mrs. Trudy Mann, Mr Ray Thompson, Mr Tom Thompson\n\n1. Matters\n\nT Mann asked about the dust monitor. R Thompson said it had moved. T Thompson agreed. K White stated there was none. P. Norris pointed out a hot spot. A Smith said no. A Parishioner asked why. SP Landscapes advised they were busy.\n";
        let dopts = crate::decode::DecodeOptions { format: None, name_hint: Some("t.txt".into()) };
        let doc = crate::parse_bytes(text.as_bytes(), &dopts, &crate::Options::default()).expect("parse");
        let said: Vec<String> = doc.items[0].paragraphs[0].speakers.iter().filter_map(|s| s.name.clone()).collect();
        // "T Thompson" fits Tom Thompson only; "K White" and "P. Norris" are nobody present: as
        // written (a dotted initial is no firm's capitals); the lone
        // "A" ("A Smith", "A Parishioner") and the firm's "SP" resolve to nobody: no speakers.
        assert_eq!(said, ["Mrs. Trudy Mann", "Mr Ray Thompson", "Mr Tom Thompson", "K White", "P. Norris"], "{said:?}");
    }

    #[test]
    fn an_approval_noted_without_the_verb_is_carried() {
        let text = "## Board meeting 2012-03-06\n\n| Subject | Initials | Notes |\n| -- | -- | -- |\n| Hosting | GH | <li>Lease approved as written, Ada to ask for a copy. |\n| Minutes | GH | Minutes approved. |\n| Budget | GH | The budget was approved in June. |\n";
        let dopts = crate::decode::DecodeOptions { format: None, name_hint: Some("t.md".into()) };
        let doc = crate::parse_bytes(text.as_bytes(), &dopts, &crate::Options::default()).expect("parse");
        let results: Vec<(String, Option<String>)> = doc
            .items
            .iter()
            .flat_map(|i| &i.resolutions)
            .map(|r| (r.text.chars().take(20).collect(), r.vote.result.clone()))
            .collect();
        let carried = Some("carried".to_string());
        assert_eq!(
            results[..2],
            [("approved as written,".into(), carried.clone()), ("Minutes approved.".into(), carried)]
        );
        // A passive approval is no note: its result stays unstated.
        assert_eq!(results.len(), 3, "{results:?}");
        assert_eq!(results[2].1, None, "{results:?}");
    }

    #[test]
    fn staff_lists_and_notes_participles() {
        let text = "## Board meeting 2012-03-06\n\nIn Attendance:\nAda Lovelace\nGrace Hopper\n\nStaff:\nKim Nakamura\nLee Ortiz\n\n| Subject | Initials | Notes |\n| -- | -- | -- |\n| Budget | GH | <li>Kim requesting comments on the draft budget. <li>Letter from Mr Ray Dunn requesting a refund. |\n| Staff Reports | GH | Lee asking whether the office lease is renewed. |\n| Hosting | GH | Discussion of the host. |\n";
        let dopts = crate::decode::DecodeOptions { format: None, name_hint: Some("t.md".into()) };
        let doc = crate::parse_bytes(text.as_bytes(), &dopts, &crate::Options::default()).expect("parse");
        let staff: Vec<&str> = doc.meeting.attendance.in_attendance.iter().filter_map(|p| p.name.as_deref()).collect();
        assert_eq!(staff, ["Kim Nakamura", "Lee Ortiz"]);
        let said: Vec<Vec<String>> = doc
            .items
            .iter()
            .map(|i| i.paragraphs.iter().flat_map(|p| p.speakers.iter().filter_map(|s| s.name.clone())).collect())
            .collect();
        // A participle speaks after an attendee's first name opening the entry, not after the
        // writer of a letter.
        assert_eq!(said, [vec!["Kim Nakamura".to_string()], vec!["Lee Ortiz".to_string()], vec![]]);
    }

    #[test]
    fn parts_outside_decisions() {
        let s = Span::new(10, 50);
        assert_eq!(outside(s, &[Span::new(20, 30)]), vec![Span::new(10, 20), Span::new(30, 50)]);
        assert_eq!(outside(s, &[]), vec![s]);
        // A decision running past the paragraph (merged outcome lines), and one before it.
        assert_eq!(outside(s, &[Span::new(40, 70), Span::new(5, 12)]), vec![Span::new(12, 40)]);
        assert_eq!(outside(s, &[Span::new(30, 60), Span::new(55, 58)]), vec![Span::new(10, 30)]);
    }
}
