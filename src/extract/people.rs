//! Merge person mentions into `people[]`, in first-mention order.
//!
//! Mentions merge when their names match ignoring case and dots ("Supt. Russell" = "Supt
//! Russell"). Roles accumulate, first given first; a later bare mention inherits them.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::speakers::name_key;
use crate::fastre::{FastRegex, UnboundedFirst};
use crate::model::{Person, PersonRecord, Role};

/// People built from mentions in document order.
#[derive(Default)]
pub(crate) struct People {
    records: Vec<PersonRecord>,
    /// Where each record was first mentioned, to keep `people[]` in first-mention order when
    /// mentions are added out of order.
    first: Vec<usize>,
    index: HashMap<String, usize>,
}

impl People {
    /// Record a mention. Mentions without a name (offices) are not people. Mentions that
    /// neither speak nor carry a role only count towards people already known.
    pub fn add(&mut self, p: &Person, speaks: bool) {
        let Some(name) = p.name.as_deref() else {
            return;
        };
        let key = name_key(name);
        let has_role = p.role.is_some() || p.organisation.is_some();
        let idx = match self.index.get(&key) {
            Some(&i) => i,
            None if speaks || has_role => {
                self.records.push(PersonRecord { name: name.to_string(), roles: Vec::new(), mentions: 0 });
                self.first.push(p.span.start);
                self.index.insert(key, self.records.len() - 1);
                self.records.len() - 1
            }
            None => return,
        };
        self.first[idx] = self.first[idx].min(p.span.start);
        let rec = &mut self.records[idx];
        rec.mentions += 1;
        if has_role {
            let role = Role { role: p.role.clone(), organisation: p.organisation.clone() };
            if !rec.roles.contains(&role) {
                rec.roles.push(role);
            }
        }
    }

    /// Record a person named in a list that names people only (a division list): a record
    /// whether or not they speak or carry a role.
    pub fn add_listed(&mut self, p: &Person) {
        self.add(p, true);
    }

    /// The first role known for `name`, to fill a bare mention.
    pub fn role_of(&self, name: &str) -> Option<&Role> {
        self.index.get(&name_key(name)).and_then(|&i| self.records[i].roles.first())
    }

    /// The records, first mention first.
    pub fn into_records(self) -> Vec<PersonRecord> {
        let mut order: Vec<(usize, PersonRecord)> = self.first.into_iter().zip(self.records).collect();
        order.sort_by_key(|(f, _)| *f);
        order.into_iter().map(|(_, r)| r).collect()
    }
}

/// Roles written around a name rather than in parentheses (GOLD.md "Roles"):
///
/// ```text
/// County Councillor Joseph Davies      Borough Councillor Colin Sampson
/// Jonathan Edwards MP                  Chair: Tzviya Siegman     Scribe: Laurent Le Meur
/// - Mark Curphey, OWASP Founder        (a list entry that is a name and a description)
/// ```
pub(crate) fn role_mentions(text: &str) -> Vec<Person> {
    let mut out = Vec::new();
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let person = |name: regex::Match, role: &str| Person {
        name: Some(one_line(name.as_str())),
        role: Some(one_line(role)),
        organisation: None,
        span: crate::source::Span::new(name.start(), name.start() + name.as_str().trim().len()),
    };
    // Both patterns need a literal after whitespace ("County Councillor", " MP"): a document
    // without one skips a whole-text search (with a Unicode `\b`, often on the slow engines).
    if may_hold_councillor_of(text) {
        for c in COUNCILLOR_OF.captures_iter(text) {
            out.push(person(c.name("name").expect("name"), &c["role"]));
        }
    }
    for c in mp_captures(text) {
        out.push(person(c.name("name").expect("name"), "MP"));
    }
    for line in role_lines(text) {
        let role = text[line.role].to_string();
        let mut at = line.names.start;
        for part in text[line.names].split([',', ';']) {
            let trimmed = part.trim().trim_matches('*').trim();
            let lead = part.find(trimmed).unwrap_or(0);
            if super::looks_like_person(trimmed) {
                let span = crate::source::Span::new(at + lead, at + lead + trimmed.len());
                out.push(Person {
                    name: Some(trimmed.to_string()),
                    role: Some(role.clone()),
                    organisation: None,
                    span,
                });
            }
            at += part.len() + 1;
        }
    }
    for c in name_comma_role_captures(text) {
        let name = c.name("name").expect("name");
        if super::looks_like_person(name.as_str()) {
            out.push(person(name, &c["role"]));
        }
    }
    out.extend(appointed_roles(text));
    // "Chairperson Cllr. O. Williams", "y Cadeirydd Cyng. O. Williams", "Cynghorydd Sir Joseph
    // Davies": an office written right before a titled name. The offices are literals, so
    // the search runs on the literal prefilter.
    if OFFICE_BEFORE_CUE.is_match(text) {
        for c in OFFICE_BEFORE_NAME.captures_iter(text) {
            if !opens_office(&text[..c.get(0).expect("match").start()]) {
                continue;
            }
            let name = c.name("name").or_else(|| c.name("n2")).expect("a name group");
            let role = c.name("role").or_else(|| c.name("r2")).expect("a role group");
            // An attendance table run into one line ("Chairman Mrs J Taylor Councillors ...",
            // "Mrs D Clements Vice Chairman"): the next heading word is not a surname.
            let text = name.as_str();
            let trimmed = match text.rsplit_once([' ', '\t']) {
                Some((head, last)) if is_heading_word(last) && head.contains(|c: char| c.is_ascii_lowercase()) => head,
                _ => text,
            };
            out.push(Person {
                name: Some(trimmed.to_string()),
                role: Some(role.as_str().to_string()),
                organisation: None,
                span: crate::source::Span::new(name.start(), name.start() + trimmed.len()),
            });
        }
    }
    out.extend(signatures(text));
    // Only where an acronym follows: " at " is common.
    let acronym_next = |r: &str| {
        let r = r.strip_prefix("the ").unwrap_or(r).as_bytes();
        r.len() >= 3 && r[..3].iter().all(u8::is_ascii_uppercase)
    };
    for (base, c) in captures_near(&NAME_AT_ACRONYM, text, &AT_CUE, acronym_next, 80, 20) {
        let name = c.name("name").expect("name");
        if super::looks_like_person(name.as_str()) && !is_initials_of(&c["org"], name.as_str()) {
            out.push(Person {
                name: Some(one_line(name.as_str())),
                role: None,
                organisation: Some(c["org"].to_string()),
                span: crate::source::Span::new(base + name.start(), base + name.end()),
            });
        }
    }
    out.sort_by_key(|p| p.span.start);
    out
}

/// An office, then a titled name: "Chairperson Cllr. O. Williams and Vice Chairperson Cllr. K.
/// Davies", Welsh "y Cadeirydd Cyng. O. Williams a’r Is-gadeirydd Cyng. K. Davies", and the
/// Welsh county councillor, "Cynghorydd Sir Joseph Davies" / "Cyng. Sir Joseph Davies".
/// ASCII word boundaries: the offices and titles are ASCII, and the lazy DFA runs them on
/// any text.
static OFFICE_BEFORE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    let initials = r"(?:[A-Z]\.?\s*){0,3}";
    let word = r"(?:Mc|Mac|O'|O’)?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)*";
    let name = format!(r"{word}(?:[ \t]+{word})?");
    Regex::new(&format!(
        r"(?-u:\b)(?P<role>(?:Vice[- ]|Deputy[- ])?Chair(?:man|person|woman)?|Clerk|Treasurer|Secretary|Mayor|Cadeirydd|Is-[Gg]adeirydd|Clerc|Trysorydd|Ysgrifennydd)[ \t]+(?P<name>(?:Cllr|Councillor|Cyng|Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+{initials}{name})(?-u:\b)|(?P<r2>Cynghorydd[ \t]+Sir|Cyng\.?[ \t]+Sir)[ \t]+(?P<n2>{name})(?-u:\b)"
    ))
    .expect("office before name regex")
});

/// True when an office written before a name starts an entry of its own, so the name after
/// it is its holder: after a line start, ":", ",", "(" or a lower-case word ("the Chairman
/// Cllr X", "y Cadeirydd Cyng. X", "from Vice-Chair Cllr S Lintern"), or a dash after a
/// lower-case word ("existing officers - Chairperson Cllr. O. Williams"). Not after a name:
/// in "Cllr Sue Lintern Chair Cllr Janet Taylor" and "Mrs Claire Cann - Chair Mrs Doreen
/// Berry" the office is the name's before it; nor after "of" ("Election of Vice Chairman Cllr
/// Ryves asked for nominations").
fn opens_office(before: &str) -> bool {
    let b = before.trim_end_matches(|c: char| c.is_whitespace() || c == '*' || c == '_');
    if b.is_empty() || before[b.len()..].contains('\n') || b.ends_with([':', ',', '(', ';']) {
        return true;
    }
    let (b, dash) = match b.strip_suffix(['-', '–']) {
        Some(rest) => (rest.trim_end(), true),
        None => (b, false),
    };
    let word = b.rsplit(char::is_whitespace).next().unwrap_or("");
    let lower = word.starts_with(|c: char| c.is_lowercase());
    lower && (dash || word != "of")
}

/// A word that heads a list or names an office, never a surname ("Councillors", "Vice").
fn is_heading_word(w: &str) -> bool {
    use super::lexicon::{contains, NOT_NAME_WORDS, OFFICES};
    contains(NOT_NAME_WORDS, w) || contains(OFFICES, w) || matches!(w, "Vice" | "Deputy" | "Councillors" | "Members")
}

/// The literals an `OFFICE_BEFORE_NAME` match holds (a cheap test before the search).
static OFFICE_BEFORE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"Chair|Clerk|Treasurer|Secretary|Mayor|adeirydd|Clerc|Trysorydd|Ysgrifennydd|Cyng").expect("cue")
});

/// A role given by a decision (GOLD.md "Roles"): "the appointment of Max Bergin as Internal
/// Auditor for 2018/19", "that Jean Markwell be co-opted as parish councillor", "Ray Thompson
/// was elected as Vice Chairman".
static APPOINTED: LazyLock<Regex> = LazyLock::new(|| {
    // A titled name may hold initials and be a surname alone ("Mrs A Morgan", "Mr Smith").
    let name = r"(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+(?:[A-Z]\.?\s+){0,2}[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}|[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})";
    Regex::new(&format!(
        r"(?:\b(?:appointment|election|co-option)\s+of|\b(?:appoint|appointed|elect|elected|co-opt|co-opted))\s+(?P<n1>{name})\s+as\s+(?:the\s+|a\s+|an\s+)?(?P<r1>[A-Za-z][A-Za-z-]*(?:[ \t]+[A-Za-z][A-Za-z-]*){{0,4}})|(?P<n2>{name})\s+(?:be|was|is|has\s+been|were)\s+(?:duly\s+)?(?:appointed|elected|re-elected|co-opted)\s+as\s+(?:the\s+|a\s+|an\s+)?(?P<r2>[A-Za-z][A-Za-z-]*(?:[ \t]+[A-Za-z][A-Za-z-]*){{0,4}})"
    ))
    .expect("appointed regex")
});

/// "an email from Alan Gomm at BCKLWN", "contacted Alan Gomm at the BCKLWN": after a word
/// that takes a person, a name, then "at" an organisation written as an acronym of three or
/// more letters. Not "information on Neighbourhood Plans at the NALC conference", nor "of"
/// ("Executive Director of NCC").
static NAME_AT_ACRONYM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:from|to|with|by|contacted|emailed|phoned|met)\s+(?P<name>[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+)\s+at\s+(?:the\s+)?(?P<org>[A-Z][A-Z&]{2,7})\b")
        .expect("name at acronym regex")
});

/// Words that start the next sentence when a full stop is missing ("as Chairman Proposed by").
const NEXT_SENTENCE: &[&str] = &["A", "Agreed", "All", "Carried", "It", "Proposed", "Seconded", "The", "This"];

/// "Pam Bullas (PB)": the letters are the person's initials, not an organisation.
pub(crate) fn is_initials_of(letters: &str, name: &str) -> bool {
    letters.len() >= 2 && super::attendance::initials(name) == letters
}

/// A person whose "organisation" is their own initials ("Pam Bullas (PB)").
pub(crate) fn org_is_own_initials(p: &Person) -> bool {
    p.organisation.as_deref().zip(p.name.as_deref()).is_some_and(|(o, n)| is_initials_of(o, n))
}

/// Literal cues for the windows of [`captures_near`]: one pass over the text each.
static APPOINTED_CUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("ppoint|elected|elect |lection of|o-opt").expect("appointed cue regex"));
static AT_CUE: LazyLock<Regex> = LazyLock::new(|| Regex::new(" at ").expect("at cue regex"));

/// Words that end a role taken from an appointment ("as Internal Auditor for 2018/19").
const AFTER_ROLE: &[&str] =
    &["and", "as", "at", "by", "for", "from", "in", "of", "on", "the", "this", "to", "until", "with"];

/// `re`'s captures near each occurrence of a cue (from about `before` bytes before it to
/// `after` bytes after it, overlapping windows merged), each with the offset of its window.
/// These patterns have no literal prefix of their own (or a Unicode `\b` before it), and a
/// whole-text search costs more than all the rest of a document's parse. A window starts
/// after white space, so `\b` at its start is a true word start.
fn captures_near<'t>(
    re: &Regex,
    text: &'t str,
    cues: &Regex,
    keep: impl Fn(&str) -> bool,
    before: usize,
    after: usize,
) -> Vec<(usize, regex::Captures<'t>)> {
    let mut windows: Vec<(usize, usize)> = Vec::new();
    for m in cues.find_iter(text).filter(|m| keep(&text[m.end()..])) {
        let i = m.start();
        let mut a = i.saturating_sub(before);
        while !text.is_char_boundary(a) {
            a -= 1;
        }
        // Back to a word's start, if one is near.
        a = text[..a].rfind(char::is_whitespace).map_or(0, |w| w + 1).max(a.saturating_sub(40)).min(i);
        while !text.is_char_boundary(a) {
            a += 1;
        }
        let mut b = (m.end() + after).min(text.len());
        while !text.is_char_boundary(b) {
            b += 1;
        }
        windows.push((a, b));
    }
    windows.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (a, b) in windows {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged.into_iter().flat_map(|(a, b)| re.captures_iter(&text[a..b]).map(move |c| (a, c))).collect()
}

fn appointed_roles(text: &str) -> Vec<Person> {
    let mut out = Vec::new();
    for (base, c) in captures_near(&APPOINTED, text, &APPOINTED_CUE, |_| true, 80, 120) {
        let (Some(name), Some(role)) = (c.name("n1").or(c.name("n2")), c.name("r1").or(c.name("r2"))) else {
            continue;
        };
        // A capitalised role ends at its first lower-case word ("Internal Auditor seconded").
        let capital = role.as_str().starts_with(|c: char| c.is_uppercase());
        let words: Vec<&str> = role
            .as_str()
            .split_whitespace()
            .take_while(|w| {
                let ends = AFTER_ROLE.contains(&w.to_lowercase().as_str())
                    || NEXT_SENTENCE.contains(w)
                    || capital && w.starts_with(|c: char| c.is_lowercase());
                !ends
            })
            .collect();
        // A title inside the captured words starts the name ("5 Votes Cllr Mack").
        let (mut title_at, mut pos) = (0, 0);
        let words_of_name = name.as_str();
        for w in words_of_name.split_whitespace() {
            let at = pos + words_of_name[pos..].find(w).unwrap_or(0);
            if super::lexicon::contains(super::lexicon::TITLES, w.trim_end_matches('.')) {
                title_at = at;
            }
            pos = at + w.len();
        }
        let (start, end) = (base + name.start() + title_at, base + name.end());
        let person = &text[start..end];
        if words.is_empty() || !super::looks_like_person(person) {
            continue;
        }
        out.push(Person {
            name: Some(person.split_whitespace().collect::<Vec<_>>().join(" ")),
            role: Some(words.join(" ")),
            organisation: None,
            span: crate::source::Span::new(start, end),
        });
    }
    out
}

/// The words `COUNCILLOR_OF` allows before "Councillor".
const COUNCILLOR_OF_WORDS: &[&str] = &["County", "Borough", "District", "Town", "City", "Parish", "Community"];

/// "Council" as a regex: a literal, searched with the `memchr` crate's vectorised substring
/// search, several times cheaper per byte over a whole document than `str::match_indices`
/// (two-way); the same occurrences (a literal's matches do not overlap).
static COUNCIL: LazyLock<Regex> = LazyLock::new(|| Regex::new("Council").expect("literal regex"));

/// False when `COUNCILLOR_OF` cannot match: no "Council" has one of its words and whitespace
/// just before it.
fn may_hold_councillor_of(text: &str) -> bool {
    COUNCIL.find_iter(text).any(|m| {
        let before = &text[..m.start()];
        let word = before.trim_end_matches(char::is_whitespace);
        word.len() < before.len() && COUNCILLOR_OF_WORDS.iter().any(|w| word.ends_with(w))
    })
}

static COUNCILLOR_OF: LazyLock<FastRegex> = LazyLock::new(|| {
    FastRegex::new(
        r"\b(?P<role>(?:County|Borough|District|Town|City|Parish|Community)\s+Councill?or)\s+(?P<name>(?:Cllr\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+){1,2})\b",
    )
    .expect("councillor regex")
});
static MP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?P<name>[A-Z][a-z]+\s+[A-Z][a-z'’-]+)\s+MP\b").expect("mp regex"));
/// A line naming the holders of a role ("Chair: Ann Lee") up to its colon, without its
/// `(?m)^`: [`ROLE_HEAD_AT`]'s pattern, and the start of `ROLE_LINE`'s.
const ROLE_HEAD: &str = r"[\s*_>-]*(?P<role>Chairs?|Co-chairs?|Scribes?|Clerk|Secretary|Treasurer|Facilitator|Minute[- ]?taker|Note[- ]?taker)(?:\(s\))?[*_]*\s*:";
/// `(?m)^`, [`ROLE_HEAD`] and the names after the colon: the lines searched for, the test
/// oracle of [`role_lines`] (each costs ~8 M instructions to compile, most of it for
/// `[^\n]{3,200}`).
#[cfg(test)]
static ROLE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?m)^{ROLE_HEAD}[*_]*[ \t]*(?P<names>[^\n]{{3,200}})$")).expect("role line regex")
});
/// [`ROLE_HEAD`] anchored at its start (`\A` for its `(?m)^`, which the caller checks), to
/// run on the text from a line start; [`names_after`] matches the rest by hand.
static ROLE_HEAD_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\A{ROLE_HEAD}")).expect("role head regex"));
/// The literals one of `ROLE_LINE`'s role words starts with (case-sensitive, as the pattern).
static ROLE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("Chair|Co-chair|Scribe|Clerk|Secretary|Treasurer|Facilitator|Minute|Note").expect("role word regex")
});

/// A match of `ROLE_LINE`: its groups, and where it ends (in the whole text).
#[derive(Debug, PartialEq, Eq)]
struct RoleLine {
    role: std::ops::Range<usize>,
    names: std::ops::Range<usize>,
}

/// `ROLE_LINE`'s `[*_]*[ \t]*(?P<names>[^\n]{3,200})$` at `q` (just after the colon), by hand:
/// the names.
///
/// `[^\n]` cannot pass the line's end, where `$` holds, so the names run to it. The stars and
/// blanks take all they can first, then give back one character at a time, the last first
/// (giving back a star leaves no blank to take); the names grow by one character each time.
/// So the names are the rest of the line after the stars and blanks when it has 3 to 200
/// characters; when it has fewer, the last 3 characters of the line if the stars and blanks
/// make up the difference; else (or with more than 200) no match.
fn names_after(text: &str, q: usize) -> Option<std::ops::Range<usize>> {
    let b = text.as_bytes();
    let stars = b[q..].iter().take_while(|&&x| x == b'*' || x == b'_').count();
    let blanks = b[q + stars..].iter().take_while(|&&x| x == b' ' || x == b'\t').count();
    let from = q + stars + blanks;
    let end = memchr::memchr(b'\n', &b[from..]).map_or(text.len(), |i| from + i);
    let n = text[from..end].chars().count();
    match n {
        3..=200 => Some(from..end),
        // The characters given back are ASCII: one byte each.
        _ if n < 3 && stars + blanks >= 3 - n => Some(from - (3 - n)..end),
        _ => None,
    }
}

/// `ROLE_LINE.captures_iter(text)`, searching only where a role word starts.
///
/// In a match the prefix `[\s*_>-]*` takes every character up to the role word (role words
/// start with a capital letter, outside the class), so the role starts at the first character
/// after the line start that is not in the class, and the match starts at the earliest line
/// start in the run of class characters before it; its groups do not depend on which line
/// start. Each match thus belongs to one occurrence of a role word (`ROLE_WORD`: the words hold
/// no capital after their first letter, so their occurrences do not overlap and `find_iter`
/// sees all), matches do not overlap, and a match after another starts after its end (a later
/// role word's run holds a newline after the earlier match's colon). So trying the anchored
/// pattern at the line start before each role word, in order, finds the same matches as a
/// search of the whole text. Up to its colon the pattern has one way to match (each part's
/// next character is outside the one before it: the prefix's class, the role word, "(s)",
/// stars, white space, the colon), so [`ROLE_HEAD_AT`] finds it and [`names_after`] the rest.
fn role_lines(text: &str) -> Vec<RoleLine> {
    let mut out = Vec::new();
    let mut done = 0; // end of the last match
    let in_class = |c: char| c.is_whitespace() || matches!(c, '*' | '_' | '>' | '-');
    for m in ROLE_WORD.find_iter(text) {
        let at = m.start();
        if at < done {
            continue;
        }
        let run = text[..at].trim_end_matches(in_class).len();
        // The earliest line start in `run..=at`: the start of the text, or just after the first
        // newline (`run` follows a character outside the class, so not a newline).
        let start = if run == 0 {
            0
        } else {
            match text[run..at].find('\n') {
                Some(i) => run + i + 1,
                None => continue,
            }
        };
        if start < done {
            continue;
        }
        let Some(head) = ROLE_HEAD_AT.captures(&text[start..]) else { continue };
        let colon = start + head.get(0).expect("match").end();
        if let Some(names) = names_after(text, colon) {
            done = names.end;
            let role = head.name("role").expect("role").range();
            out.push(RoleLine { role: start + role.start..start + role.end, names });
        }
    }
    out
}

/// `NAME_COMMA_ROLE.captures_iter(text)`, searching only lines that start as a list entry.
///
/// The pattern matches within one line (no part of it takes a newline) from its start: blanks,
/// a bullet (`-`, `*` or `•`), then a blank. Searching each line that starts so (with the text
/// before it as context for `^`, and ending the haystack at the line's end, where `$` holds
/// either way) finds the same matches as a search of the whole text.
fn name_comma_role_captures(text: &str) -> Vec<regex::Captures<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start <= text.len() {
        // (The `memchr` crate's vectorised search: `str::find` runs core's word-at-a-time one.)
        let end = memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i);
        let line = text[start..end].trim_start_matches([' ', '\t']);
        let bullet = line.strip_prefix(['-', '*', '•']);
        if bullet.is_some_and(|rest| rest.starts_with([' ', '\t'])) {
            if let Some(c) = name_comma_role_at(&text[..end], start) {
                out.push(c);
            }
        }
        start = end + 1;
    }
    out
}

/// `MP.captures_iter(text)`, searching only around each " MP".
///
/// A match is `name \s+ name \s+ MP` and holds no other "MP" (the name parts take a capital
/// and then lower-case letters or `'’-`), so each match ends at one "MP" that follows
/// whitespace and starts no earlier than the two runs of letters and whitespace before it.
/// Searching that window (plus the character after "MP", which decides its `\b`), with the
/// text before it as context (`captures_at`), finds the same matches in the same order as a
/// search of the whole text, which on text with a non-ASCII letter runs on the slow engines.
/// (The windows are short, so the Unicode pattern is used as written.)
fn mp_captures(text: &str) -> Vec<regex::Captures<'_>> {
    let mut out = Vec::new();
    let mut done = 0; // end of the last match: matches do not overlap
                      // "MP" cannot overlap itself: memmem's matches are those of `match_indices`.
    for at in memchr::memmem::find_iter(text.as_bytes(), "MP") {
        let before = &text[..at];
        let gap = before.trim_end_matches(char::is_whitespace);
        if at < done || gap.len() == before.len() {
            continue;
        }
        let name2 = gap.trim_end_matches(|c: char| c.is_ascii_alphabetic() || matches!(c, '\'' | '’' | '-'));
        let name1 = name2.trim_end_matches(char::is_whitespace).trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let from = name1.len().max(done);
        let mut limit = at + 2;
        if let Some(next) = text[limit..].chars().next() {
            limit += next.len_utf8();
        }
        if let Some(c) = MP.captures_at(&text[..limit], from) {
            done = c.get(0).expect("match").end();
            out.push(c);
        }
    }
    out
}

/// The office under a signature: "Auditor of the City of Portland", "City Clerk", "Clerk of
/// the Council", "Recording Secretary".
static SIGNED_OFFICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:City|Town|Village|County|Borough|Deputy|Assistant|Chief|Recording)[ \t]+)?(?:Auditor|Clerk|Recorder|Secretary)(?:[ \t]+of[ \t]+the[ \t]+(?:City|Town|Village|County|Borough|Council|Board)(?:[ \t]+of[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)?)?")
        .expect("signed office regex")
});

/// Capitalised words that sign off minutes without naming anyone ("RESPECTFULLY SUBMITTED").
const SIGN_OFF_WORDS: &[&str] = &[
    "ADJOURNED",
    "ADJOURNMENT",
    "APPROVED",
    "ATTEST",
    "BY",
    "PREPARED",
    "RECORDED",
    "RESPECTFULLY",
    "SIGNED",
    "SUBMITTED",
];

/// A signature: a name in capitals, then the signer's office ending its line ("Council
/// adjourned. LAVONNE GRIFFIN-VALADE Auditor of the City of Portland", "JANE E. DOE\nCity
/// Clerk"). The name starts a line or a sentence; each of its words (two or three, and an
/// initial) is capitals only, and none a word that names no one.
fn signatures(text: &str) -> Vec<Person> {
    let mut out = Vec::new();
    for m in SIGNED_OFFICE.find_iter(text) {
        let rest = &text[m.end()..];
        let line_end = rest.trim_start_matches([' ', '\t']);
        if !(line_end.is_empty() || line_end.starts_with(['\n', '\r'])) {
            continue;
        }
        let before = &text[..m.start()];
        let lead = before.trim_end_matches([' ', '\t']);
        let lead = lead.strip_suffix('\n').or_else(|| lead.strip_suffix("\r\n")).unwrap_or(lead);
        let lead = lead.trim_end_matches([' ', '\t']);
        let lead = lead.strip_suffix(',').unwrap_or(lead);
        if lead.len() == before.len() {
            continue;
        }
        let words: Vec<&str> = lead.rsplit([' ', '\t', '\n']).take(4).collect();
        let is_word = |w: &str| {
            w.chars().count() >= 2
                && w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.chars().all(|c| c.is_ascii_uppercase() || matches!(c, '-' | '\'' | '’'))
                && !SIGN_OFF_WORDS.contains(&w)
                && {
                    let title: String =
                        w.chars().enumerate().map(|(i, c)| if i == 0 { c } else { c.to_ascii_lowercase() }).collect();
                    !super::lexicon::contains(super::lexicon::NOT_NAME_WORDS, &title)
                        && !super::lexicon::contains(super::lexicon::ORG_WORDS, &title)
                }
        };
        let initial = |w: &str| w.len() == 2 && w.starts_with(|c: char| c.is_ascii_uppercase()) && w.ends_with('.');
        // The name's words, last first: a surname, then up to two more words or initials.
        let mut n = 0;
        let mut names = 0;
        for w in &words {
            if is_word(w) {
                names += 1;
            } else if !(initial(w) && names > 0) {
                break;
            }
            n += 1;
        }
        if names < 2 {
            continue;
        }
        // Whole words only, from a line start or after a sentence.
        let name_len: usize = words[..n].iter().map(|w| w.len()).sum::<usize>() + n - 1;
        let start = lead.len() - name_len;
        if lead[start..].split_whitespace().count() != n {
            continue;
        }
        let prior = lead[..start].trim_end_matches([' ', '\t']);
        let opens = prior.is_empty()
            || prior.ends_with(['.', '!', '?', ':', '\n'])
            || lead[..start].ends_with('\n')
            || lead[..start].ends_with("  ");
        if !opens {
            continue;
        }
        out.push(Person {
            name: Some(lead[start..].to_string()),
            role: Some(m.as_str().split_whitespace().collect::<Vec<_>>().join(" ")),
            organisation: None,
            span: crate::source::Span::new(start, lead.len()),
        });
    }
    out
}

/// A list entry "- Ann Lee, Chair of Governors": a name, a comma and a role ending the line.
/// The role's `{2,100}?` is dropped for a first search (see [`UnboundedFirst`]).
static NAME_COMMA_ROLE: UnboundedFirst = UnboundedFirst::new(
    r"(?m)^[ \t]*[-*•][ \t]+(?P<name>[A-Z][a-z]+(?:[ ][A-Z][a-z'’-]+){1,2}),[ \t]+(?P<role>[A-Za-z][^\n.:;]{BOUND})[\x22”]?[ \t]*$",
    "{2,100}?",
    "{2,}?",
    "role",
    101,
);

/// `NAME_COMMA_ROLE.captures_at(hay, at)`.
fn name_comma_role_at(hay: &str, at: usize) -> Option<regex::Captures<'_>> {
    NAME_COMMA_ROLE.captures_at(hay, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_given_by_a_decision() {
        let roles = |t: &str| -> Vec<(String, String)> {
            appointed_roles(t).into_iter().map(|p| (p.name.unwrap(), p.role.unwrap())).collect()
        };
        let pair = |n: &str, r: &str| (n.to_string(), r.to_string());
        assert_eq!(
            roles("i. The Councillors agreed the appointment of Max Bergin as Internal Auditor for 2018/19 year end."),
            vec![pair("Max Bergin", "Internal Auditor")]
        );
        assert_eq!(
            roles("Cllr Nicholas-Letch proposed that Jean Markwell be co-opted as parish councillor. Agreed."),
            vec![pair("Jean Markwell", "parish councillor")]
        );
        assert_eq!(
            roles("Ray Thompson was elected as the Vice Chairman of the Association."),
            vec![pair("Ray Thompson", "Vice Chairman")]
        );
        assert_eq!(roles("5 Votes Cllr Mack was elected as Vice Chairman."), vec![pair("Cllr Mack", "Vice Chairman")]);
        // A titled name with initials.
        assert_eq!(
            roles("It was also agreed to appoint Mrs A Morgan as the Internal Auditor for 2016 if she is willing."),
            vec![pair("Mrs A Morgan", "Internal Auditor")]
        );
        assert_eq!(
            roles("Mr Cross be appointed as Internal Auditor seconded by Cllr Hardy"),
            vec![pair("Mr Cross", "Internal Auditor")]
        );
        assert_eq!(
            roles("Cllr Hardy was elected as Chairman Proposed by Cllr Lintern"),
            vec![pair("Cllr Hardy", "Chairman")]
        );
        assert!(is_initials_of("PB", "Pam Bullas") && !is_initials_of("NCC", "Andy Wallace"));
        assert!(roles("The Council appointed Acme Services Ltd as contractor").is_empty(), "a firm is no person");
        assert!(roles("The minutes were approved as a true record.").is_empty());
    }

    #[test]
    fn offices_before_titled_names() {
        let roles = |t: &str| -> Vec<(String, String)> {
            role_mentions(t).into_iter().map(|p| (p.name.unwrap(), p.role.unwrap_or_default())).collect()
        };
        let pair = |n: &str, r: &str| (n.to_string(), r.to_string());
        assert_eq!(
            roles("the existing officers - Chairperson Cllr. O. Williams and Vice Chairperson Cllr. K. Davies remain"),
            vec![pair("Cllr. O. Williams", "Chairperson"), pair("Cllr. K. Davies", "Vice Chairperson")]
        );
        assert_eq!(
            roles("y Cadeirydd Cyng. O. Williams a’r Is-gadeirydd Cyng. K. Davies a’r Cynghorydd Sir Joseph Davies."),
            vec![
                pair("Cyng. O. Williams", "Cadeirydd"),
                pair("Cyng. K. Davies", "Is-gadeirydd"),
                pair("Joseph Davies", "Cynghorydd Sir")
            ]
        );
        assert_eq!(roles("Present: Chairman Cllr P Norris, Cllr G Key"), vec![pair("Cllr P Norris", "Chairman")]);
        assert_eq!(roles("Attendance: Chairman Mrs J Taylor Councillors A"), vec![pair("Mrs J Taylor", "Chairman")]);
        assert!(roles("Present: Cllr Sue Lintern Chair Cllr Janet Taylor Vice Chair Cllr Trudy Mann").is_empty());
        assert!(roles("Present: Mrs Claire Cann - Chair Mrs Doreen Berry").is_empty());
        assert!(roles("2. Election of Vice Chairman Cllr Ryves asked for nominations").is_empty());
    }

    #[test]
    fn a_signature_names_its_office() {
        let roles = |t: &str| -> Vec<(String, String)> {
            signatures(t).into_iter().map(|p| (p.name.unwrap(), p.role.unwrap_or_default())).collect()
        };
        let pair = |n: &str, r: &str| (n.to_string(), r.to_string());
        assert_eq!(
            roles("At 10:31 a.m. Council adjourned. LAVONNE GRIFFIN-VALADE Auditor of the City of Portland  \n"),
            vec![pair("LAVONNE GRIFFIN-VALADE", "Auditor of the City of Portland")]
        );
        assert_eq!(roles("Signed:\nJANE E. DOE\nCity Clerk\n"), vec![pair("JANE E. DOE", "City Clerk")]);
        assert_eq!(roles("MARY O’NEILL, Recording Secretary"), vec![pair("MARY O’NEILL", "Recording Secretary")]);
        assert!(roles("RESPECTFULLY SUBMITTED\nCity Clerk").is_empty());
        assert!(roles("CITY COUNCIL Clerk\n").is_empty());
        assert!(roles("a letter from JOHN SMITH Clerk\n").is_empty(), "not after a sentence");
        assert!(roles("JOHN SMITH Clerk to the Council wrote").is_empty(), "the office ends its line");
        assert!(roles("É\nÉ É Clerk").is_empty());
    }

    #[test]
    fn a_name_at_an_acronym_is_of_that_organisation() {
        let orgs: Vec<(Option<String>, Option<String>)> =
            role_mentions("NC read out an email from Alan Gomm at BCKLWN regarding the Levy. I met Bob at BT.")
                .into_iter()
                .map(|p| (p.name, p.organisation))
                .collect();
        assert_eq!(orgs, vec![(Some("Alan Gomm".into()), Some("BCKLWN".into()))]);
    }

    #[test]
    fn councillor_regex_twin_is_the_original() {
        COUNCILLOR_OF.assert_same_as_original(&crate::fastre::sample_haystacks(
            20_000,
            &["County Councillor", "Parish Councilor", "City Councillor Cllr."],
        ));
    }

    #[test]
    fn mp_windows_find_what_the_whole_text_search_finds() {
        for text in [
            "Jonathan Edwards MP and Ann Clwyd MP spoke. Café Owner MP",
            "ŵ Jonathan  Edwards\n MP\u{a0}MPs; Ann O’Neill-Smith MP, Bob Jones MPé Bob Jones MP",
            "MP MP Bob Jones MPMP Bob Jones MP MP",
            "Bob Jones Smith MP Jones MP",
            "éBob Jones MP xBob Jones MP",
        ] {
            let all: Vec<_> =
                MP.captures_iter(text).map(|c| (c.get(0).unwrap().range(), c["name"].to_string())).collect();
            let ours: Vec<_> =
                mp_captures(text).iter().map(|c| (c.get(0).unwrap().range(), c["name"].to_string())).collect();
            assert_eq!(ours, all, "{text}");
        }
    }

    /// Texts of lines made of role words, bullets, names, blanks and punctuation.
    fn role_texts(n: usize) -> Vec<String> {
        const TOKENS: &[&str] = &[
            "Chair",
            "Chairs",
            "Chairman",
            "Co-chair",
            "Co-chairs",
            "Scribe",
            "Clerk",
            "Secretary",
            "Treasurer",
            "Facilitator",
            "Minute-taker",
            "Minute taker",
            "Minutetaker",
            "Note-taker",
            "Notetaker",
            "(s)",
            ":",
            "**",
            "*",
            "_",
            ">",
            "-",
            "•",
            " ",
            "  ",
            "\t",
            "\n",
            "\n\n",
            "\r\n",
            " \n ",
            "\u{a0}",
            "Bob",
            "Jones",
            "Ann O’Neill",
            "Mark Curphey",
            ",",
            ", ",
            ";",
            ".",
            "OWASP Founder",
            "the",
            "é",
            "\"",
            "”",
            "x",
            "\n- ",
            "\n * ",
            "\n•\t",
            "Bob Jones, ",
            "Ann Lee Smith,",
            "Jean-Paul Sartre, ",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        (0..n)
            .map(|_| {
                let mut text = String::new();
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                let len = 1 + (state >> 33) % 40;
                for _ in 0..len {
                    state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    text.push_str(TOKENS[(state >> 33) as usize % TOKENS.len()]);
                }
                text
            })
            .collect()
    }

    /// Names near their limits of 3 and 200 characters, after stars and blanks to give back.
    #[test]
    fn role_line_names_at_their_limits() {
        for n in 0..205 {
            for fill in ["x", "é", " ", "*", "\r"] {
                for after in ["", "*", "_ ", "**\t", " \t ", "  "] {
                    let names = fill.repeat(n);
                    let text = format!("Chair:{after}{names}\nClerk :{after}{names}\r\n- Secretary:{after}{names}");
                    let whole: Vec<_> = ROLE_LINE
                        .captures_iter(&text)
                        .map(|c| (c.name("role").unwrap().range(), c.name("names").unwrap().range()))
                        .collect();
                    let ours: Vec<_> = role_lines(&text).into_iter().map(|l| (l.role, l.names)).collect();
                    assert_eq!(ours, whole, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn role_line_starts_find_what_the_whole_text_search_finds() {
        let mut matched = 0;
        let mut texts = role_texts(50_000);
        texts.extend(
            [
                "Chair: Bob Jones\nScribe:\n Ann\n\n * Clerk : Ann, Bob",
                "x\n\n- Chair\n: Bob Jones, Ann\n\nNote taker:Bob",
            ]
            .map(String::from),
        );
        for text in &texts {
            let whole: Vec<_> = ROLE_LINE
                .captures_iter(text)
                .map(|c| (c.name("role").unwrap().range(), c.name("names").unwrap().range()))
                .collect();
            let ours: Vec<_> = role_lines(text).into_iter().map(|l| (l.role, l.names)).collect();
            matched += usize::from(!whole.is_empty());
            assert_eq!(ours, whole, "{text:?}");
        }
        assert!(matched > 500, "{matched}");
    }

    /// `name_comma_role_at` against `NAME_COMMA_ROLE`, with roles around the limit.
    #[test]
    fn name_comma_role_at_is_the_bounded_regex() {
        let groups = |c: regex::Captures| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>();
        let mut n = 0;
        for len in 0..106 {
            for fill in ["x", "é", " ", "\r", "\""] {
                for tail in ["", "\"", "” ", " \t", ".", "\nx"] {
                    let text = format!("x\n - Ann Lee, C{}{tail}", fill.repeat(len));
                    for at in [0, 2] {
                        let want = NAME_COMMA_ROLE.bounded().captures_at(&text, at).map(groups);
                        n += usize::from(want.is_some());
                        assert_eq!(name_comma_role_at(&text, at).map(groups), want, "{text:?}");
                    }
                }
            }
        }
        assert!(n > 1_000, "{n}");
    }

    #[test]
    fn list_lines_find_what_the_whole_text_search_finds() {
        let mut matched = 0;
        let mut texts = role_texts(50_000);
        texts.extend(
            [
                "- Mark Curphey, OWASP Founder\n  * Ann Jones, Clerk\n•\tBob Jones Smith, the Chair”",
                " - Bob Jones, x\r",
            ]
            .map(String::from),
        );
        for text in &texts {
            let whole: Vec<_> = NAME_COMMA_ROLE
                .bounded()
                .captures_iter(text)
                .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>())
                .collect();
            let ours: Vec<_> = name_comma_role_captures(text)
                .iter()
                .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>())
                .collect();
            matched += usize::from(!whole.is_empty());
            assert_eq!(ours, whole, "{text:?}");
        }
        assert!(matched > 100, "{matched}");
    }

    #[test]
    fn councillor_prefilter_lists_the_pattern_words() {
        let words = format!(r"(?:{})\s+Councill?or", COUNCILLOR_OF_WORDS.join("|"));
        assert!(COUNCILLOR_OF.as_str().contains(&words), "COUNCILLOR_OF_WORDS out of step");
        assert!(may_hold_councillor_of("the County  Councillor Jo Bloggs"));
        for h in crate::fastre::sample_haystacks(5_000, &["Council", "Councillor", "CouncilCouncil", "County"]) {
            let starts: Vec<usize> = h.match_indices("Council").map(|(at, _)| at).collect();
            assert_eq!(COUNCIL.find_iter(&h).map(|m| m.start()).collect::<Vec<_>>(), starts, "{h:?}");
        }
        assert!(!may_hold_councillor_of("the Councillor and the Council"));
    }

    fn roles(text: &str) -> Vec<(String, String)> {
        role_mentions(text).into_iter().map(|p| (p.name.unwrap_or_default(), p.role.unwrap_or_default())).collect()
    }

    #[test]
    fn roles_written_around_names() {
        assert_eq!(
            roles("County Councillor Joseph Davies gave his report."),
            vec![("Joseph Davies".to_string(), "County Councillor".to_string())]
        );
        assert_eq!(
            roles("A letter from Jonathan Edwards MP was read."),
            vec![("Jonathan Edwards".into(), "MP".into())]
        );
        assert_eq!(
            roles("**Scribe(s):** Laurent Le Meur\n**Chair:** Tzviya Siegman\n"),
            vec![("Laurent Le Meur".into(), "Scribe".into()), ("Tzviya Siegman".into(), "Chair".into())]
        );
        assert_eq!(roles("- Mark Curphey, OWASP Founder\n"), vec![("Mark Curphey".into(), "OWASP Founder".into())]);
        assert!(roles("The council met. Members agreed.").is_empty());
    }
}
