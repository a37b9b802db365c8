//! Attendance lists, wherever the minutes write them:
//!
//! ```text
//! Present: Cllr A Smith (Chair), Mrs B Jones and Cllr C Brown        (one line, commas)
//! Present: Cllr Jim McNeill (Vice Chair) Cllr Daphne Clements ...    (no commas: split at titles)
//! PRESENT Cllr R Crisp, Cllr M Peake ... ALSO Cllr M Storey (NCC)    (stops at ALSO)
//! In Attendance:\nMichael Coates\nMatt Tesauro                        (one name a line)
//! ### Present\n* Bert Belder (TSC)\n* Ben Noordhuis (TSC)            (Markdown list)
//! **Present:** Tzviya Siegman, Wolfgang Schindler                    (bold label)
//! Apologies for absence were received from Cllr A, Cllr B and Cllr C  (anywhere)
//! Sebastian Markbåge (SM), Lin Clark (LCK), ...                       (an attendee paragraph)
//! ```
//!
//! Separately headed lists (Also in attendance, Officers, Staff present, Guests, a "Staff:"
//! line alone) go to `in_attendance`.

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{contains, NOT_NAME_WORDS, OFFICES, ORG_WORDS, TITLES};
use super::speakers::split_role;
use crate::model::{Attendance, Person};
use crate::source::{Source, Span};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum List {
    Present,
    Apologies,
    Absent,
    InAttendance,
}

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:\#+\s*|\*\*|<!--\s*|[-*]\s+|\d{1,2}\\?[.)]\s+)?
        (?P<label>those\s+present\s+were|present|those\s+attending|in\s+attendance|attendees|attendance|board\s+members(?:\s+present)?|members\s+present|remote
          |apologies(?:\s+for\s+absence)?|regrets|absent|also\s+present|also,?\s+in\s+attendance|officers(?:\s+in\s+attendance)?|(?-i:[Ss]taff|STAFF)\s+(?:present|in\s+attendance)|guests?|presennol|ymddiheuriadau|(?-i:Staff|STAFF)\b)
        \s*(?:\*\*)?\s*(?::|-|–)?\s*(?:\*\*)?(?P<rest>.*)$",
    )
    .expect("attendance label regex")
});

/// "Apologies ... from": where a list of apologies starts (its names are the rest of the line,
/// up to a line break). The regex was this with `(?P<names>.*)` after it: the same matches,
/// since `.*` matches any text without a line break, so the way the pattern matches up to it
/// (leftmost first, as a backtracking search) is the way it matches without it. The capture
/// of `.*` walked the rest of the line in the slower engines (its Unicode `\b` keeps a
/// non-ASCII line off the lazy DFA); searched from the first "apologie", the slower engines
/// walk only the match. (As a `FastRegex`, its three forms cost more to compile than its
/// searches on the slice of the bulk set.)
const APOLOGIES_HEAD: &str = r"(?i)\bapologies\b(?:\s+for\s+absence)?:?(?:\s+(?:were|had\s+been|have\s+been))?(?:\s+also)?(?:\s+(?:received|accepted|given|noted)(?:\s+and\s+(?:accepted|approved|noted))?)?(?:\s+for\s+absence)?(?:\s+before\s+the\s+meeting)?\s+(?:from|for)\b\s*:?\s*";

static APOLOGIES_FROM: LazyLock<Regex> = LazyLock::new(|| Regex::new(APOLOGIES_HEAD).expect("apologies regex"));

/// The names of the first apologies sentence of `line` starting at or after byte `from`: the
/// span the `names` group of `APOLOGIES_HEAD(?P<names>.*)` had in its `captures_at(line,
/// from)`. Every match starts with "apologie" in ASCII case (see [`apologie_at`]), so the
/// search starts at its first occurrence (`find_at` still sees the byte before, for `\b`): no
/// match starts between `from` and there.
fn apologies_at(line: &str, from: usize) -> Option<std::ops::Range<usize>> {
    let start = from + apologie_at(&line.as_bytes()[from..])?;
    let m = APOLOGIES_FROM.find_at(line, start)?;
    let end = memchr::memchr(b'\n', &line.as_bytes()[m.end()..]).map_or(line.len(), |k| m.end() + k);
    Some(m.end()..end)
}

/// The first "apologie" in `b`, in any ASCII case. Every match of `APOLOGIES_FROM` starts with
/// "apologies" in any case, and of its letters only `s` has a character outside ASCII folding
/// to it (U+017F; see `actions::case_folds_of_ascii_letters`), so "apologie" is there in
/// ASCII. Its "p" found with `memchr2` (`a`, which it searched for before, is the commonest
/// letter: it stopped every few bytes), then the bytes around it compared. Most lines say
/// nothing of apologies.
fn apologie_at(b: &[u8]) -> Option<usize> {
    memchr::memchr2_iter(b'p', b'P', b)
        .find(|&i| i >= 1 && b.get(i - 1..i + 7).is_some_and(|w| w.eq_ignore_ascii_case(b"apologie")))
        .map(|i| i - 1)
}

/// False when `APOLOGIES_FROM` cannot match `line` at or after byte `from` ([`apologie_at`]).
#[cfg(test)]
fn may_hold_apologies(line: &str, from: usize) -> bool {
    apologie_at(&line.as_bytes()[from..]).is_some()
}

/// The first two letters of `LABEL`'s labels, lower-cased.
const LABEL_STARTS: &[&[u8; 2]] =
    &[b"th", b"pr", b"in", b"at", b"bo", b"me", b"re", b"ap", b"ab", b"al", b"of", b"gu", b"ym", b"st"];

/// False when `LABEL` cannot match `line`, decided without running it: its optional prefix
/// (`#`, `*`, `<!--`, `-`, white space, digits, `\`, `.`, `)`) holds no letter, and every label
/// starts with two letters of [`LABEL_STARTS`], in any case; none of those letters has a
/// character outside ASCII folding to it (only `s` and `k` do; the labels starting with "Staff"
/// match its `s` in its own case). So the first character after
/// the longest run of prefix characters starts the label. Most lines start with no label.
fn may_be_label(line: &str) -> bool {
    let prefix =
        |c: char| c.is_whitespace() || c.is_numeric() || matches!(c, '#' | '*' | '<' | '!' | '-' | '\\' | '.' | ')');
    let b = line.trim_start_matches(prefix).as_bytes();
    b.len() >= 2 && LABEL_STARTS.contains(&&[b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase()])
}

fn list_of(label: &str) -> List {
    let l = label.to_ascii_lowercase();
    if l.starts_with("apolog") || l == "regrets" || l == "ymddiheuriadau" {
        List::Apologies
    } else if l == "absent" {
        List::Absent
    } else if l.starts_with("also") || l.starts_with("officers") || l.starts_with("guest") || l.starts_with("staff") {
        List::InAttendance
    } else {
        List::Present
    }
}

/// Words that end a list written on one line ("... ALSO Cllr M Storey", "Public: 2").
const STOPS: &[&str] = &["ALSO", "Also", "Public:", "PUBLIC", "In attendance", "Apologies", "Absent", "Officers"];

/// `h.find(n)`: the same first place, found with `memmem` (its Rabin-Karp for a short
/// haystack; a UTF-8 needle matches only at character boundaries). `str::find` set up a
/// two-way searcher for every call, which cost more than the search on these short lists.
fn find_str(h: &str, n: &str) -> Option<usize> {
    memchr::memmem::find(h.as_bytes(), n.as_bytes())
}

/// `h.split_once(n)` with [`find_str`].
fn split_once_str<'a>(h: &'a str, n: &str) -> Option<(&'a str, &'a str)> {
    find_str(h, n).map(|p| (&h[..p], &h[p + n.len()..]))
}

/// Finders (built once) for the joins and titles that [`names`] cuts lists at, in its order;
/// `find_iter` gives the non-overlapping places `match_indices` gave.
static JOINS: LazyLock<Vec<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
    [" and ", "\nand ", " & ", "\n& ", " together with "]
        .iter()
        .map(|n| memchr::memmem::Finder::new(n.as_bytes()))
        .collect()
});
static WELSH_JOINS: LazyLock<Vec<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
    [" a ", " ac ", " a’r ", " a'r ", "\na ", "\nac "]
        .iter()
        .map(|n| memchr::memmem::Finder::new(n.as_bytes()))
        .collect()
});
const LIST_TITLES: [&str; 6] = ["Cllr ", "Councillor ", "Mr ", "Mrs ", "Ms ", "Dr "];
static TITLE_FINDERS: LazyLock<Vec<memchr::memmem::Finder<'static>>> =
    LazyLock::new(|| LIST_TITLES.iter().map(|n| memchr::memmem::Finder::new(n.as_bytes())).collect());

/// Split a written list into person mentions. `span` is the list's text in the source.
fn names(src: &Source, span: Span) -> Vec<Person> {
    if let Some(p) = columns(src, span) {
        return vec![p];
    }
    let full = src.get(span);
    let mut text = full;
    for stop in STOPS {
        if let Some(p) = find_str(text, stop) {
            if p > 0 {
                text = &text[..p];
            }
        }
    }
    // Cut at the end of the first sentence ("... from Cllr A and Cllr B. The Clerk ...").
    if let Some(p) = sentence_end(text) {
        text = &text[..p];
    }
    if let Some(people) = semicolon_roles(text, span.start) {
        return people;
    }
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0i32;
    for (i, ch) in text.char_indices() {
        match ch {
            '(' => depth += 1,
            // "Ray Thompson (Secretary) Dawn Beckwith (Treasurer)": a role closes an entry.
            ')' if depth == 1
                && text[i + 1..].starts_with(' ')
                && text[i + 2..].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) =>
            {
                depth -= 1;
                cuts.push((i + 1, i + 1));
            }
            ')' => depth -= 1,
            ',' | ';' if depth <= 0 => cuts.push((i, i + ch.len_utf8())),
            // "Miss Richardson - Chairperson: Mrs. Fisher, ...": after a name and its office,
            // a colon before another name separates them.
            ':' if depth <= 0 && text[i + 1..].starts_with(' ') && entry_follows(&text[i + 2..]) && {
                let entry = &text[text[..i].rfind([',', ';']).map_or(0, |p| p + 1)..i];
                entry.contains(" - ") || entry.contains(" – ")
            } =>
            {
                cuts.push((i, i + 1));
            }
            '.' if depth <= 0
                && text[i + 1..].starts_with(' ')
                && !abbreviation_before(text, i)
                && entry_follows(&text[i + 2..]) =>
            {
                cuts.push((i, i + 1));
            }
            // A line of a list wrapped in a PDF's layout goes on ("... Owen Williams and
            // County\nCouncillor Joseph Davies."); a list one name a line is cut at each.
            '\n' if depth <= 0 && !wrapped(line_before(&src.text, span.start + i)) => cuts.push((i, i + 1)),
            _ => {}
        }
    }
    // Welsh lists join the last name with "a", "ac" or "a’r" ("and", "and the"): only in a
    // list that names Welsh councillors ("Cyng.", "Cynghorwyr"), where "a" is no article.
    let welsh: &[memchr::memmem::Finder<'static>] = if find_str(text, "Cyng").is_some() { &WELSH_JOINS } else { &[] };
    // A wrapped line may start with the join ("... Owen Williams\nand County Councillor ...").
    let joins = JOINS.iter().chain(welsh);
    for (i, len) in joins.flat_map(|j| j.find_iter(text.as_bytes()).map(|i| (i, j.needle().len()))) {
        if text[..i].matches('(').count() <= text[..i].matches(')').count() {
            cuts.push((i, i + len));
        }
    }
    // No separators but several titles: "Cllr A B (Vice Chair) Cllr C D".
    for (t, finder) in LIST_TITLES.into_iter().zip(TITLE_FINDERS.iter()) {
        for i in finder.find_iter(text.as_bytes()) {
            let before = text[..i].trim_end();
            let depth_ok = text[..i].matches('(').count() <= text[..i].matches(')').count();
            // "County Councillor Joseph Davies" is one title.
            let kind = ["County", "Borough", "District", "Town", "City", "Parish", "Community"];
            let after_title = before.ends_with("Cllr")
                || before.ends_with("Councillor")
                || kind.iter().any(|k| before.ends_with(k)) && t == "Councillor ";
            if i > 0 && depth_ok && !after_title && !before.ends_with([',', ';']) && !before.ends_with(" and") {
                cuts.push((i, i));
            }
        }
    }
    // At one place the widest cut wins ("\nand " over the line end).
    cuts.sort_unstable_by_key(|&(a, b)| (a, std::cmp::Reverse(b)));
    cuts.push((text.len(), text.len()));
    let mut out = Vec::new();
    let mut start = 0;
    let base = span.start;
    let mut after_comma = false;
    for (a, b) in cuts {
        if a < start {
            continue;
        }
        let part = crate::segment::lines::trim_span(text, Span::new(start, a));
        start = b;
        let comma_before = std::mem::replace(&mut after_comma, text[a..b].trim() == ",");
        for (k, piece) in split_run_on(text, part).into_iter().enumerate() {
            // "Cllr Martin Storey, Norfolk County Council": the body the one before is from.
            let words = text[piece.start..piece.end].trim_end_matches('.');
            // "Owen Pendlebury, Chairperson", "Grant Ongers, Member at Large": the office of
            // the one before.
            let office = !words.contains([':', '(', ')', '.'])
                && (dash_role(words) && office_words(words) || words.eq_ignore_ascii_case("Member at Large"));
            if k == 0 && comma_before && office {
                if let Some(prev) =
                    out.last_mut().filter(|p: &&mut Person| p.role.is_none() && p.organisation.is_none())
                {
                    prev.role = Some(words.to_string());
                    continue;
                }
            }
            let body =
                ["Council", "Committee", "Authority", "Police", "Constabulary"].iter().any(|w| words.ends_with(w));
            let plain = words.starts_with(|c: char| c.is_ascii_uppercase())
                && !words.contains(['(', ')', '-', '–', ':', '.'])
                && (2..=5).contains(&words.split_whitespace().count());
            if body && plain {
                if let Some(prev) =
                    out.last_mut().filter(|p: &&mut Person| p.organisation.is_none() && p.role.is_none())
                {
                    prev.organisation = Some(words.to_string());
                    continue;
                }
            }
            if let Some(p) = person(text, piece) {
                out.push(Person { span: Span::new(base + p.span.start, base + p.span.end), ..p });
            }
        }
    }
    out
}

/// "Karla Moore-Love, Clerk of the Council; Ben Walters, Chief Deputy City Attorney; and Ron
/// Willis, Sergeant at Arms.": entries cut at ";", each a name, a comma and its role. `None`
/// unless every entry has that shape.
fn semicolon_roles(text: &str, base: usize) -> Option<Vec<Person>> {
    if !text.contains(';') {
        return None;
    }
    let capitalised = |s: &str, most: usize| {
        let words: Vec<&str> = s.split_whitespace().collect();
        !words.is_empty() && words.len() <= most && words[0].starts_with(|c: char| c.is_uppercase())
    };
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split(';') {
        let at = start;
        start += piece.len() + 1;
        let lead = piece.len() - piece.trim_start().len();
        let mut entry = piece.trim();
        let mut from = at + lead;
        if let Some(r) = entry.strip_prefix("and ") {
            from += 4;
            entry = r;
        }
        let entry = entry.trim_end_matches(['.', ' ']);
        let (name, role) = entry.split_once(", ")?;
        let name = name.trim();
        let all_caps = name.split_whitespace().all(|w| w.starts_with(|c: char| c.is_uppercase()));
        if !capitalised(name, 5) || !all_caps || !capitalised(role, 8) || role.contains(',') {
            return None;
        }
        let (role, organisation) = split_role(role.trim());
        out.push(Person {
            name: Some(name.to_string()),
            role,
            organisation,
            span: Span::new(base + from, base + from + name.len()),
        });
    }
    (out.len() >= 2).then_some(out)
}

/// One attendee laid out in columns: "**Cllr Jo Bruce      JB      Chair**". The first column is
/// the name; initials columns are dropped (they are derived from the name again where needed);
/// the rest is the role.
fn columns(src: &Source, span: Span) -> Option<Person> {
    let raw = src.get(span);
    let lead = raw.len() - raw.trim_start_matches(['*', '_', ' ', '\t', '\u{a0}']).len();
    let body = raw[lead..].trim_end_matches(['*', '_', ' ', '\t', '\u{a0}']);
    let cols: Vec<(usize, &str)> = COLUMN_GAP
        .split(body)
        .map(|c| (c.as_ptr() as usize - body.as_ptr() as usize, c.trim()))
        .filter(|(_, c)| !c.is_empty())
        .collect();
    if cols.len() < 2 {
        return None;
    }
    let name_span = Span::new(span.start + lead, span.start + lead + cols[0].1.len());
    let p = person(&src.text, name_span)?;
    let own = initials(cols[0].1);
    let is_initials = |c: &str| c == own;
    let role: Vec<&str> = cols[1..].iter().map(|(_, c)| *c).filter(|c| !is_initials(c)).collect();
    if role.is_empty() {
        return Some(p);
    }
    let (role, organisation) = split_role(&role.join(", "));
    Some(Person { role: p.role.or(role), organisation: p.organisation.or(organisation), ..p })
}

/// A member's initials as notes-style minutes write them: "Cllr Jo Bruce" is "JB" (titles
/// and lower-case particles left out).
pub(crate) fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| !contains(TITLES, w.trim_end_matches('.')))
        .filter_map(|w| w.chars().next())
        .filter(char::is_ascii_uppercase)
        .collect()
}

/// Whether `tag` is an abbreviation of `name`: 2 to 5 capitals, the first the initial of the
/// name's first word (titles aside), all of them the name's letters in order ("PB" for Pam
/// Bullas, "JHD" for Jordan Harband, "MM" for Mark S. Miller); not "NCC" for Martin Storey,
/// "MP" for Elizabeth Truss.
pub(crate) fn abbreviates(tag: &str, name: &str) -> bool {
    if !(2..=5).contains(&tag.len()) || !tag.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let words: Vec<&str> = name.split_whitespace().filter(|w| !contains(TITLES, w.trim_end_matches('.'))).collect();
    if words.first().and_then(|w| w.bytes().next()) != tag.bytes().next() {
        return false;
    }
    let mut letters = words.iter().flat_map(|w| w.bytes()).map(|b| b.to_ascii_uppercase());
    tag.bytes().all(|t| letters.any(|l| l == t))
}

static COLUMN_GAP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[ \t\u{a0}]{3,}|[ \t\u{a0}]*\t[ \t\u{a0}]*").expect("column gap regex"));

/// The text of the source line that ends at byte `at`.
fn line_before(text: &str, at: usize) -> &str {
    &text[text[..at].rfind('\n').map_or(0, |p| p + 1)..at]
}

/// A line that a layout wrapped: long, and ending inside a sentence (a word, not ".", ",",
/// ";" or ":").
fn wrapped(line: &str) -> bool {
    line.trim_end().len() >= 60 && line.trim_end().ends_with(|c: char| c.is_alphanumeric())
}

/// Whether the word before a ". " at `p` is a title or an initial ("Cllrs. Kim", "A. Smith"):
/// no end there.
fn abbreviation_before(text: &str, p: usize) -> bool {
    let word = text[..p].rsplit(' ').next().unwrap_or("");
    matches!(word, "Cllrs" | "Cllr" | "Cyng" | "Mr" | "Mrs" | "Ms" | "M/s" | "Messrs" | "Dr" | "St" | "Revd" | "Prof")
        || word.len() == 1 && word.chars().all(|c| c.is_uppercase())
}

/// Whether `s` opens with another entry of a list of names: an initial ("T. Manley") or a
/// title ("Mrs. Willis", "Cllr Ann Cole"). "D. Pickston. T. Manley": the full stop separates
/// two names, it ends no sentence.
fn entry_follows(s: &str) -> bool {
    let b = s.as_bytes();
    let initial =
        b.len() >= 4 && b[0].is_ascii_uppercase() && b[1] == b'.' && b[2] == b' ' && b[3].is_ascii_uppercase();
    let first = s.split_whitespace().next().unwrap_or("").trim_end_matches('.');
    let titled = matches!(first, "Cllr" | "Councillor" | "Mr" | "Mrs" | "Ms" | "Miss" | "Dr" | "Revd");
    // Up to the next separator, a name and its role: no lower-case word ("Mrs Green (Clerk)
    // took the minutes" is a sentence), "and" and particles aside.
    let from = s.find(char::is_whitespace).unwrap_or(s.len());
    let end = [s[from..].find([',', ';', '.']), s[from..].find(" and ")].into_iter().flatten().min();
    let entry = &s[..end.map_or(s.len(), |e| from + e)];
    let named = entry.split_whitespace().all(|w| {
        !w.starts_with(char::is_lowercase) || matches!(w, "and" | "de" | "van" | "von" | "le" | "la" | "du" | "da")
    });
    (initial || titled) && named
}

/// The first ". " that ends a sentence (not "Cllrs. Kim", not an initial "A. Smith", not
/// before another name, [`entry_follows`]).
fn sentence_end(text: &str) -> Option<usize> {
    text.match_indices(". ").map(|(p, _)| p).find(|&p| !abbreviation_before(text, p) && !entry_follows(&text[p + 2..]))
}

/// "Cllr Kit Hesketh-Harvey Helen Richardson (Clerk)": a titled name takes its title, initials
/// and two more words; further capitalised words are the next person.
fn split_run_on(text: &str, part: Span) -> Vec<Span> {
    let s = &text[part.start..part.end];
    let words: Vec<(usize, &str)> =
        s.split_whitespace().map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w)).collect();
    let Some(&(_, first)) = words.first() else { return vec![part] };
    if !contains(TITLES, first.trim_end_matches('.')) {
        return vec![part];
    }
    let mut k = 1;
    while k < words.len()
        && (matches!(words[k].1, "Mrs" | "Mr" | "Ms" | "Miss" | "Dr") || words[k].1.trim_end_matches('.').len() == 1)
    {
        k += 1;
    }
    let cut = k + 2;
    // "Cllr Ann Cole - Chairman": a role after a dash is the same person's.
    let dash = |w: &str| matches!(w, "-" | "–" | "—");
    if words.len() > cut + 1
        && !words[cut].1.starts_with('(')
        && !words[k..=cut].iter().any(|(_, w)| dash(w))
        && !words[..cut].iter().any(|(_, w)| w.contains('('))
    {
        let at = words[cut].0;
        return vec![Span::new(part.start, part.start + at), Span::new(part.start + at, part.end)];
    }
    vec![part]
}

/// One entry of a list: "Cllr Mrs T Mann (Chairman)", "* Bert Belder (TSC)", "Cllrs. Kim Davies".
fn person(text: &str, part: Span) -> Option<Person> {
    let raw = &text[part.start..part.end];
    let lead = raw.len() - raw.trim_start_matches(['-', '*', '•', '·', ' ', '\t']).len();
    let mut s = &raw[lead..];
    let mut start = part.start + lead;
    // "PRESENT (3 Councillors):- Pam Bullas (PB), ...", "(Five Councillors)": the count is no
    // part of the first name.
    let count = |r: &&str| {
        let inside = r.split(')').next().unwrap_or("").to_ascii_lowercase();
        inside.starts_with(|c: char| c.is_ascii_digit()) || inside.contains("councillor") || inside.contains("member")
    };
    if let Some(close) = s.strip_prefix('(').filter(count).and_then(|r| r.find(')')) {
        let after = &s[close + 2..];
        let rest = after.trim_start_matches([':', '-', '–', ' ', '\t']);
        start += s.len() - rest.len();
        s = rest;
    }
    // "and County Councillor Joseph Davies": the last entry of a list, on a line of its own.
    for join in ["and ", "& "] {
        if let Some(r) = s.strip_prefix(join) {
            start += join.len();
            s = r;
        }
    }
    for plural in [
        "Cllrs. ",
        "Cllrs ",
        "Councillors ",
        "Commissioners ",
        "Councilmembers ",
        "Council Members ",
        "Trustees ",
        "Cynghorwyr ",
    ] {
        if let Some(r) = s.strip_prefix(plural) {
            start += plural.len();
            s = r;
        }
    }
    // "Claire Cann due to her being away", "Pam Walker who was unwell": the reason is no part
    // of the name.
    if let Some(cut) = [" due to ", " who ", " because ", " owing to "].iter().filter_map(|w| find_str(s, w)).min() {
        s = &s[..cut];
    }
    let (name, role) = match s.find('(') {
        // "Mrs Claire Cann (CC) – Chairman": initials in brackets, then the office.
        Some(p) => match s[p..].find(')').and_then(|q| after_dash(&s[p + q + 1..])).filter(|r| dash_role(r)) {
            Some(office) => (s[..p].trim(), Some(office)),
            None => (s[..p].trim(), Some(s[p + 1..].trim_end_matches([')', '.', ' ']))),
        },
        None => (s.trim_end_matches(['.', ':', ' ', '*']).trim(), None),
    };
    // "A. Cole - Chairman", "T. Manley - Borough Councillor": an office after a spaced dash.
    let (name, role) = match (role, split_once_str(name, " - ").or_else(|| split_once_str(name, " – "))) {
        (None, Some((n, r))) if dash_role(r) || is_acronym(r.trim()) || is_status(r.trim()) => {
            (n.trim(), Some(r.trim()))
        }
        _ => (name, role),
    };
    // "T. Manley: Borough Councillor", "Mrs J Smith: Clerk": an office after a colon (not a
    // label before names, "Parish Clerk: Peter King", nor "Ricardo Griffith: YES").
    let (name, role) = match (role, name.split_once(':')) {
        (None, Some((n, r)))
            if r.starts_with(' ') && n.split_whitespace().count() >= 2 && !dash_role(n) && dash_role(r) =>
        {
            (n.trim_end(), Some(r.trim()))
        }
        _ => (name, role),
    };
    // "Mrs R Crisp-Chair": an office joined to the surname by a hyphen (not "Hesketh-Harvey").
    let (name, role) = match (role, name.rsplit_once('-')) {
        (None, Some((n, r))) if !n.ends_with(' ') && n.split_whitespace().count() >= 2 && dash_role(r) => {
            (n.trim_end(), Some(r.trim()))
        }
        _ => (name, role),
    };
    // "Anatoli Papirovski @apapirovski (TSC)": the GitHub handle after the name is no part of it.
    let name = match find_str(name, " @") {
        Some(p) if !name[p + 2..].trim().contains(char::is_whitespace) => name[..p].trim_end(),
        _ => name,
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || !name.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    // A name wrapped over two lines ("Kim\nDavies") is one name.
    let joined = words.join(" ");
    let name = if name.contains(['\n', '\r']) { joined.as_str() } else { name };
    // Every word of a name is capitalised (particles like "de", "van", "le" allowed).
    let particle = |w: &str| {
        matches!(w, "de" | "van" | "von" | "le" | "la" | "du" | "da" | "der" | "den" | "ten" | "ter" | "di" | "del")
    };
    if !words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase()) || particle(w)) {
        return None;
    }
    if words.len() == 1 && !words[0].chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    if contains(TITLES, words[0].trim_end_matches('.')) && words.len() == 1
        || matches!(name, "Presiding" | "Chair" | "None")
    {
        return None;
    }
    // "Pam Bullas (PB)": the member's initials are another name for her, not a role (the
    // speaker labels find them from the name).
    let role = role.filter(|r| !abbreviates(r, name));
    let (role, organisation) = role.map_or((None, None), split_role);
    Some(Person { name: Some(name.to_string()), role, organisation, span: Span::new(start, start + name.len()) })
}

/// Whether every word of `r` but the last qualifies an office ("Vice Chair", "Parish Clerk",
/// "Borough Councillor") or is one: "Tim Read Treasurer" is a name and an office.
fn office_words(r: &str) -> bool {
    const QUALIFIERS: &[&str] = &[
        "Acting",
        "Assistant",
        "Borough",
        "Chief",
        "City",
        "Community",
        "County",
        "Deputy",
        "District",
        "Executive",
        "Finance",
        "Honorary",
        "Joint",
        "Locum",
        "Parish",
        "Responsible",
        "Town",
        "Vice",
        "Ward",
    ];
    let words: Vec<&str> = r.split_whitespace().collect();
    words[..words.len().saturating_sub(1)].iter().all(|w| QUALIFIERS.contains(w) || contains(OFFICES, w))
}

/// "NCC", "BCKLWN": an organisation after a dash ("Cllr. Martin Storey - NCC").
/// Not a word in capitals ("- LATE", "- YES"); "ABSENT" and "APOLOGIES" are `is_status`.
fn is_acronym(s: &str) -> bool {
    let word = matches!(s, "LATE" | "YES" | "NO" | "TBC");
    (2..=8).contains(&s.len()) && s.chars().all(|c| c.is_ascii_uppercase() || c == '&') && !word
}

/// "Avi Douglen - ABSENT": `push` moves the entry to the list the status names.
fn is_status(s: &str) -> bool {
    s.eq_ignore_ascii_case("absent") || s.eq_ignore_ascii_case("apologies")
}

/// The words after a leading dash ("– Chairman" → "Chairman").
fn after_dash(s: &str) -> Option<&str> {
    let t = s.trim_start();
    let rest = t.strip_prefix('-').or_else(|| t.strip_prefix('–')).or_else(|| t.strip_prefix('—'))?;
    Some(rest.trim().trim_end_matches(['.', ',']))
}

/// A role written after a dash: one to four capitalised words ending in an office
/// ("Chairman", "Vice-chairman", "Borough Councillor").
fn dash_role(r: &str) -> bool {
    let words: Vec<&str> = r.split_whitespace().collect();
    let last = words.last().map_or("", |w| w.trim_end_matches(['.', ',']));
    (1..=4).contains(&words.len())
        && words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase()) || *w == "of")
        && (OFFICES.iter().any(|o| o.eq_ignore_ascii_case(last) || o.eq_ignore_ascii_case(r.trim()))
            || last.eq_ignore_ascii_case("Councillor"))
}

fn a_list_started(a: &Attendance, list: List) -> bool {
    match list {
        List::Present => !a.present.is_empty(),
        List::Apologies => !a.apologies.is_empty(),
        List::Absent => !a.absent.is_empty(),
        List::InAttendance => !a.in_attendance.is_empty(),
    }
}

fn push(a: &mut Attendance, list: List, people: Vec<Person>) {
    for p in people {
        // "Ricardo Griffith: YES", "Avi Douglen: ABSTAIN": an entry of a roll-call vote under
        // a "Board Members" label, not a member present.
        if p.name.as_deref().is_some_and(crate::segment::roll_entry) {
            continue;
        }
        // "Avi Douglen - ABSENT", "Cllr X (apologies)" in a list of members: that list.
        let status = p.role.as_deref().or(p.organisation.as_deref()).map(str::to_ascii_lowercase);
        let (list, p) = match status.as_deref() {
            Some("absent") => (List::Absent, Person { role: None, organisation: None, ..p }),
            Some("apologies") => (List::Apologies, Person { role: None, organisation: None, ..p }),
            _ => (list, p),
        };
        // "Staff: City Manager David Park": the office before the name is the person's role
        // (only in the lists of officers and staff; a member's title stays in the name).
        let p = match (list, p.role.is_none() && p.organisation.is_none()) {
            (List::InAttendance, true) => office_before_name(p),
            _ => p,
        };
        let target = match list {
            List::Present => &mut a.present,
            List::Apologies => &mut a.apologies,
            List::Absent => &mut a.absent,
            List::InAttendance => &mut a.in_attendance,
        };
        if !target.iter().any(|q| q.name == p.name) {
            target.push(p);
        }
    }
}

/// The last words of an office written before a staff member's name ("City Manager", "Public
/// Works Director", "City Attorney").
const OFFICE_HEADS: &[&str] = &[
    "Administrator",
    "Attorney",
    "Auditor",
    "Clerk",
    "Director",
    "Engineer",
    "Manager",
    "Officer",
    "Planner",
    "Recorder",
    "Secretary",
    "Solicitor",
    "Superintendent",
    "Treasurer",
];

/// "City Manager David Park" → "David Park", role "City Manager": one to three capitalised
/// words ending in an office ([`OFFICE_HEADS`]), then a name of two or three capitalised
/// words, not titled ("Mayor", "Commissioner" are titles, kept in the name).
fn office_before_name(p: Person) -> Person {
    /// Words of a firm's name after an office ("Site Manager Kier Construction").
    const FIRM_WORDS: &[&str] =
        &["Construction", "Contractors", "Engineering", "Inc", "LLC", "Limited", "Ltd", "PLC", "plc"];
    let Some(full) = p.name.as_deref() else { return p };
    let words: Vec<(usize, &str)> =
        full.split_whitespace().map(|w| (w.as_ptr() as usize - full.as_ptr() as usize, w)).collect();
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase()) && !w.ends_with([',', ';', ':']);
    let split = (1..=3.min(words.len().saturating_sub(2))).find(|&k| {
        let rest = &words[k..];
        OFFICE_HEADS.contains(&words[k - 1].1)
            && words[..k].iter().all(|(_, w)| capital(w))
            && (2..=3).contains(&rest.len())
            && rest
                .iter()
                .all(|(_, w)| capital(w) && !OFFICE_HEADS.contains(w) && !contains(TITLES, w.trim_end_matches('.')))
            // "Site Manager Kier Construction": a firm, not a person.
            && !rest.iter().any(|(_, w)| {
                let w = w.trim_end_matches(['.', ',']);
                contains(ORG_WORDS, w) || contains(NOT_NAME_WORDS, w) || FIRM_WORDS.contains(&w)
            })
    });
    let Some(k) = split else { return p };
    let at = words[k].0;
    let role = full[..at].trim_end().to_string();
    let name = full[at..].to_string();
    let span = Span::new(p.span.start + at, p.span.end);
    Person { name: Some(name), role: Some(role), span, ..p }
}

/// The cells of a Markdown table row ("| Waldemar Horwat | WH | Google |"), trimmed, with
/// their spans.
fn cells(src: &Source, l: Span) -> Vec<Span> {
    let line = src.get(l);
    let inner = line.trim_end().strip_prefix('|').unwrap_or(line);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let base = l.start + (inner.as_ptr() as usize - line.as_ptr() as usize);
    let mut out = Vec::new();
    let mut at = 0;
    for cell in inner.split('|') {
        let s = Span::new(base + at, base + at + cell.len());
        out.push(crate::segment::lines::trim_span(&src.text, s));
        at += cell.len() + 1;
    }
    out
}

/// An attendee table (TC39: "| Name | Abbreviation | Organization |", in-person and remote
/// alike) starting at line `at`: its people join the Present list, the Organization column as
/// their organisation and the Abbreviation column kept for speaker labels. Returns the line
/// after the table, or `None` when the line heads no such table.
fn attendee_table(src: &Source, lines: &[Span], at: usize, a: &mut Attendance) -> Option<usize> {
    let head: Vec<String> = cells(src, lines[at]).iter().map(|c| src.get(*c).to_ascii_lowercase()).collect();
    let col = |names: &[&str]| head.iter().position(|h| names.contains(&h.as_str()));
    let name = col(&["name", "attendee", "attendees"])?;
    let abbr = col(&["abbreviation", "abbr", "abbr.", "initials"]);
    let org = col(&["organization", "organisation", "affiliation", "company", "member organization"]);
    if abbr.is_none() && org.is_none() {
        return None;
    }
    let separator = lines.get(at + 1).map(|l| src.get(*l))?;
    if !separator.starts_with('|') || separator.contains(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let mut i = at + 2;
    let mut people = Vec::new();
    while let Some(&l) = lines.get(i).filter(|l| src.get(**l).starts_with('|')) {
        i += 1;
        let row = cells(src, l);
        let Some(p) = row.get(name).and_then(|c| person(&src.text, *c)) else { continue };
        let cell = |k: Option<usize>| k.and_then(|k| row.get(k)).map(|c| src.get(*c)).filter(|t| !t.is_empty());
        if let (Some(ab), Some(n)) = (cell(abbr), p.name.clone()) {
            if (2..=5).contains(&ab.len()) && ab.chars().all(|c| c.is_ascii_uppercase()) {
                a.abbreviations.push((ab.to_string(), n));
            }
        }
        people.push(Person { organisation: cell(org).map(str::to_string), ..p });
    }
    push(a, List::Present, people);
    Some(i)
}

/// "Name (ABBR), Name (ABBR), ...": a paragraph that is only attendees with abbreviations.
fn attendee_paragraph(s: &str) -> bool {
    // Five entries need commas: a byte search rules out most lines before the substring counts.
    if !s.contains(',') {
        return false;
    }
    let entries = s.split(", ").count();
    let abbrs = s.matches(" (").count();
    entries >= 5 && abbrs * 10 >= entries * 7 && sentence_end(s).is_none()
}

/// Collect the attendance lists of a document from its lines (`lines` are content spans).
pub(crate) fn attendance(src: &Source, lines: &[Span]) -> Attendance {
    let mut a = Attendance::default();
    let mut i = 0;
    let mut seen_items = false;
    // One search of the whole text instead of one a line: most documents are not Welsh.
    let welsh_apologies = src.text.contains("ymddiheuriadau gan ");
    while i < lines.len() {
        let l = lines[i];
        let line = src.get(l);
        i += 1;
        if line.is_empty() {
            continue;
        }
        if line.starts_with("## ") || line.starts_with("### ") {
            seen_items |=
                !line.to_ascii_lowercase().contains("present") && !line.to_ascii_lowercase().contains("attend");
        }
        // "... THOSE PRESENT WERE:  Mayor Adams, ..." in the middle of a title line.
        // (Both hold a colon: a byte search rules out most lines before the substring searches.)
        let first = |needle| crate::segment::lines::colon_ended_matches(line, needle).next();
        let those_present = || first("THOSE PRESENT WERE:").or_else(|| first("Those present were:"));
        if let Some(p) = line.contains(':').then(those_present).flatten() {
            let from = l.start + p + "THOSE PRESENT WERE:".len();
            let mut end = l.end;
            if let Some(&next) = lines.get(i).filter(|n| !n.is_empty()) {
                end = next.end;
                i += 1;
            }
            push(&mut a, List::Present, names(src, crate::segment::lines::trim_span(&src.text, Span::new(from, end))));
            continue;
        }
        if line.starts_with('|') {
            if let Some(next) = attendee_table(src, lines, i - 1, &mut a) {
                i = next;
                continue;
            }
        }
        let label = may_be_label(line).then(|| LABEL.captures(line)).flatten().filter(|c| {
            // "Apologies received from ...", "Apologies: Apologies were received from ..." and
            // "Apologies: Were received from ..." are sentences, read by APOLOGIES_FROM below.
            let rest = c.name("rest").map_or("", |r| r.as_str()).trim_start();
            let lower = rest.to_ascii_lowercase();
            !rest.starts_with(|ch: char| ch.is_lowercase())
                && !lower.starts_with("apologies")
                && !lower.starts_with("were ")
                && !lower.starts_with("had been ")
                // "Staff" heads a list alone on its line or before a colon ("Staff: Ann Lee");
                // "Staff Reports" is an agenda item.
                && (rest.is_empty()
                    || !c["label"].eq_ignore_ascii_case("staff")
                    || line[c.name("label").map_or(0, |m| m.end())..].trim_start_matches(['*', ' ']).starts_with(':'))
        });
        if let Some(c) = label {
            let list = list_of(c.name("label").expect("label").as_str());
            let rest = c.name("rest").expect("rest");
            let rest_span = crate::segment::lines::trim_span(&src.text, Span::new(l.start + rest.start(), l.end));
            let rest_text = src.get(rest_span);
            if !rest_span.is_empty() && !rest_text.starts_with("-->") {
                push(&mut a, list, names(src, rest_span));
                // "PRESENT Cllr R Crisp, ... (Clerk) ALSO Cllr M Storey (NCC) 2 members of the
                // public": those after "ALSO" were in attendance.
                if list == List::Present {
                    if let Some(p) = rest_text.find(" ALSO ").or_else(|| rest_text.find(" Also present ")) {
                        let after = rest_text[p + 1..].find(' ').map_or(p, |k| p + 1 + k);
                        let after = rest_text[after..].strip_prefix(" present").map_or(after, |_| after + 8);
                        let also = crate::segment::lines::trim_span(
                            &src.text,
                            Span::new(rest_span.start + after, rest_span.end),
                        );
                        push(&mut a, List::InAttendance, names(src, also));
                    }
                }
                // A list that ends with a comma goes on in the next paragraph.
                if rest_text.trim_end().ends_with(',') {
                    if let Some(&next) = lines[i..].iter().find(|s| !s.is_empty()) {
                        // A short line, or a line of titled names ("Mrs T Mann, Mr S Randall, ...").
                        let nt = src.get(next);
                        let titled =
                            nt.split_whitespace().next().is_some_and(|w| contains(TITLES, w.trim_end_matches('.')));
                        let more = names(src, next);
                        if !LABEL.is_match(nt) && (nt.split_whitespace().count() <= 6 || titled && more.len() >= 2) {
                            push(&mut a, list, more);
                            i = lines[i..].iter().position(|s| *s == next).map_or(i, |p| i + p + 1);
                        }
                    }
                }
                // "Present: Mrs Pat Holton (Village Representative)", then one titled person a
                // paragraph ("Mr. David Haines (Borough Council ...)"): the list goes on while
                // each paragraph is one titled person.
                let titled =
                    |t: &str| t.split_whitespace().next().is_some_and(|w| contains(TITLES, w.trim_end_matches('.')));
                if list == List::Present && titled(rest_text) && names(src, rest_span).len() == 1 {
                    while let Some(k) = lines[i..].iter().position(|s| !s.is_empty()).map(|p| i + p) {
                        let nt = src.get(lines[k]);
                        let one = names(src, lines[k]);
                        if LABEL.is_match(nt) || !titled(nt) || nt.split_whitespace().count() > 12 || one.len() != 1 {
                            break;
                        }
                        push(&mut a, list, one);
                        i = k + 1;
                    }
                }
                continue;
            }
            // The names follow, one a line, until a line that is not a name.
            while i < lines.len() {
                let next = lines[i];
                let t = src.get(next);
                if t.is_empty() && a_list_started(&a, list) {
                    // Entries a paragraph each: go on when the next paragraph is a name too.
                    let more = lines[i..].iter().find(|s| !s.is_empty()).is_some_and(|&n| {
                        let nt = src.get(n);
                        !LABEL.is_match(nt)
                            && !nt.starts_with('#')
                            && !nt.trim_end_matches(['*', '_']).ends_with(':')
                            && columns(src, n).is_some()
                    });
                    if !more {
                        break;
                    }
                }
                if t.is_empty() {
                    i += 1;
                    continue;
                }
                // Another label ("**Notetakers:** Mark Cohen", "**Chair:** X") ends the list.
                let bold_label = t.starts_with("**") && t[2..].find(":**").is_some_and(|p| p < 40);
                if LABEL.is_match(t) || bold_label || t.starts_with('#') || t.starts_with("-->") || t.ends_with(':') {
                    break;
                }
                // A wrapped line goes on in the next ("... Owen Williams and County\nCouncillor
                // Joseph Davies.").
                let mut span = next;
                if wrapped(t) {
                    if let Some(&more) = lines.get(i + 1).filter(|m| !m.is_empty() && !LABEL.is_match(src.get(**m))) {
                        span = Span::new(next.start, more.end);
                        i += 1;
                    }
                }
                let found = names(src, span);
                if found.is_empty() {
                    break;
                }
                push(&mut a, list, found);
                i += 1;
            }
            continue;
        }
        if !seen_items && a.present.is_empty() && attendee_paragraph(line) {
            push(&mut a, List::Present, names(src, l));
        }
        let mut from = 0;
        while let Some(m) = apologies_at(line, from) {
            let said = &line[m.clone()];
            from = m.end;
            // "APOLOGIES FOR ABSENCE Apologies for absence were received from ...": a heading;
            // the sentence after it names them.
            let mut start = m.start;
            if said.get(..7).is_some_and(|w| w.eq_ignore_ascii_case("absence")) {
                let rest = said[7..].trim_start_matches([' ', ':', '-', '–', '.', ',', '*']);
                start = m.end - rest.len();
                if rest.get(..9).is_some_and(|w| w.eq_ignore_ascii_case("apologies")) {
                    from = start;
                    continue;
                }
            }
            // "Apologies for Absence accepted from:" and the names on the next line.
            if said.trim().is_empty() {
                if line.trim_end().ends_with(':') {
                    if let Some(&next) = lines[i..].iter().take(3).find(|n| !n.is_empty()) {
                        push(&mut a, List::Apologies, names(src, next));
                    }
                }
                break;
            }
            // "Apologies received from Cllrs. Alun Davies, Kim\nDavies and Doris Jones.": a
            // list that a wrapped line carries on to the next.
            let mut end = l.start + m.end;
            if m.end == line.len() && wrapped(line) {
                if let Some(&next) = lines.get(i).filter(|n| !n.is_empty()) {
                    end = next.end;
                }
            }
            push(&mut a, List::Apologies, names(src, Span::new(l.start + start, end)));
        }
        // Welsh: "Derbyniwyd ymddiheuriadau gan y Cynghorwyr A, B a C." (apologies were
        // received from).
        if let Some(at) = welsh_apologies.then(|| line.find("ymddiheuriadau gan ")).flatten() {
            let rest = &line[at + "ymddiheuriadau gan ".len()..];
            let names_at = rest.strip_prefix("y ").unwrap_or(rest);
            let start = l.start + line.len() - names_at.len();
            push(&mut a, List::Apologies, names(src, Span::new(start, l.end)));
        }
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The regex `apologies_at` replaced (with its names as a group), the oracle.
    static APOLOGIES_NAMES: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!("{APOLOGIES_HEAD}(?P<names>.*)")).expect("apologies regex"));

    #[test]
    fn apologies_at_is_the_names_group() {
        let extra = [
            "Apologies",
            "APOLOGIES FOR ABSENCE",
            "apologieſ were received from",
            "apologies for absence were received from:",
            "Apologies had been received and accepted from",
            "Apologies were also given for",
            "received",
            "from",
            "for",
            "\n",
            ":",
            "\u{a0}",
            "é",
        ];
        let mut found = 0;
        for h in crate::fastre::sample_haystacks(20_000, &extra) {
            for from in (0..=h.len()).filter(|&i| h.is_char_boundary(i)) {
                let want = APOLOGIES_NAMES.captures_at(&h, from).map(|c| c.name("names").expect("names").range());
                found += usize::from(want.is_some());
                assert_eq!(apologies_at(&h, from), want, "{h:?} {from}");
            }
        }
        assert!(found > 10_000, "{found}");
    }

    /// `apologies_at` against the regex on every bulk line and paragraph.
    #[test]
    #[ignore = "needs ../shared/corpus/bulk; slow"]
    fn apologies_at_is_the_names_group_on_bulk() {
        let mut found = 0;
        let parts = crate::fastre::for_each_bulk_part(4000, |part| {
            let want = APOLOGIES_NAMES.captures_at(part, 0).map(|c| c.name("names").expect("names").range());
            found += usize::from(want.is_some());
            assert_eq!(apologies_at(part, 0), want, "{part:?}");
        });
        assert!(parts == 0 || found > 100, "{found}");
    }

    #[test]
    fn label_and_apologies_prefilters_keep_every_match() {
        let extra = [
            "Apologies",
            "APOLOGIES FOR ABSENCE",
            "apologieſ were received from",
            "Present:",
            "## Present",
            "**In Attendance:**",
            "<!-- Attendees",
            "1. ",
            "12\\) ",
            "- ",
            "* ",
            "\u{a0}",
            "١",
            "Those present were",
            "Also, in attendance",
            "Officers",
            "Guests",
            "Staff",
            "STAFF",
            "ymddiheuriadau",
            "Presennol",
            "REGRETS",
            "Board Members",
            "Remote",
            "Absent",
        ];
        let mut hays = crate::fastre::sample_haystacks(20_000, &extra);
        // Labels at the start, after every prefix form.
        for (i, h) in hays.clone().iter().enumerate() {
            let pre = ["", "# ", "**", "<!-- ", "- ", "3. ", "١٢) ", "\u{a0}"][i % 8];
            let label = extra[i % extra.len()];
            hays.push(format!("{pre}{label}{h}"));
        }
        let (mut labels, mut apologies) = (0, 0);
        for h in &hays {
            if LABEL.is_match(h) {
                labels += 1;
                assert!(may_be_label(h), "{h:?}");
            }
            for from in (0..=h.len()).filter(|&i| h.is_char_boundary(i)).step_by(7) {
                let want = APOLOGIES_NAMES.captures_at(h, from).map(|c| c.name("names").expect("names").range());
                if want.is_some() {
                    apologies += 1;
                    assert!(may_hold_apologies(h, from), "{h:?} {from}");
                }
                assert_eq!(apologies_at(h, from), want, "{h:?} {from}");
            }
        }
        assert!(labels > 1_000 && apologies > 1_000, "{labels} {apologies}");
    }

    #[test]
    fn byte_checks_agree_with_the_substring_searches() {
        let hays = crate::fastre::sample_haystacks(5_000, &["Mr A (KCC), ", "Those present were:", ", ", " (", ":"]);
        let mut paragraphs = 0;
        for h in &hays {
            let entries = h.split(", ").count();
            let abbrs = h.matches(" (").count();
            let full = entries >= 5 && abbrs * 10 >= entries * 7 && sentence_end(h).is_none();
            paragraphs += usize::from(full);
            assert_eq!(attendee_paragraph(h), full, "{h:?}");
            if h.contains("Those present were:") {
                assert!(h.contains(':'));
            }
        }
        assert!(paragraphs > 50, "{paragraphs}");
    }

    /// The source and the attendance read from every line of `text`.
    fn read(text: &str) -> (Source, Attendance) {
        let src = Source::from_text(text);
        let lines: Vec<Span> = crate::segment::lines::lines(text).iter().map(|l| l.content).collect();
        let a = attendance(&src, &lines);
        (src, a)
    }

    /// (name, role) of each person of a list.
    fn names_and_roles(list: &[Person]) -> Vec<(&str, Option<&str>)> {
        list.iter().map(|p| (p.name.as_deref().unwrap(), p.role.as_deref())).collect()
    }

    fn att(text: &str) -> (Vec<String>, Vec<String>) {
        let (_, a) = read(text);
        let n = |v: &Vec<Person>| v.iter().map(|p| p.name.clone().unwrap()).collect();
        (n(&a.present), n(&a.apologies))
    }

    #[test]
    fn names_separated_by_full_stops_and_colons() {
        let present = |line: &str| {
            let (_, a) = read(&format!("Minutes of the meeting\n\nPresent: {line}\n\n1. Apologies: None\n"));
            a.present.iter().map(|p| (p.name.clone().unwrap(), p.role.clone())).collect::<Vec<_>>()
        };
        let named = |n: &str, r: Option<&str>| (n.to_string(), r.map(str::to_string));
        assert_eq!(
            present("G. Got, D. Pickston. T. Manley : Borough Councillor and a member of the public."),
            vec![named("G. Got", None), named("D. Pickston", None), named("T. Manley", Some("Borough Councillor"))]
        );
        assert_eq!(
            present("P. Markwell - Chairman, C. Humphries. P. Norris, M/s. Norris, D. Pickston"),
            vec![
                named("P. Markwell", Some("Chairman")),
                named("C. Humphries", None),
                named("P. Norris", None),
                named("M/s. Norris", None),
                named("D. Pickston", None)
            ]
        );
        assert_eq!(
            present("Cllr John Wyett. Mr C Sampson – Borough Councillor. 4 members of the public"),
            vec![named("Cllr John Wyett", None), named("Mr C Sampson", Some("Borough Councillor"))]
        );
        // A sentence after the list is no entry.
        assert_eq!(
            present("Cllr Ann Cole, Cllr Bob Dale. Mrs Green (Clerk) took the minutes."),
            vec![named("Cllr Ann Cole", None), named("Cllr Bob Dale", None)]
        );
        assert_eq!(
            present("Miss Richardson - Chairperson: Mrs. Fisher, Mrs. Cairn"),
            vec![named("Miss Richardson", Some("Chairperson")), named("Mrs. Fisher", None), named("Mrs. Cairn", None)]
        );
    }

    #[test]
    fn attendee_tables() {
        let text = "# 15 December, 2021 Meeting Notes\n\n**Remote attendees:**\n| Name | Abbreviation | Organization |\n| ---- | ------------ | ------------ |\n| Waldemar Horwat | WH | Google |\n| Chris de Almeida | CDA | IBM |\n| | | |\n\n## Records and Tuples\n\n| Name | Stage |\n|---|---|\n| Records | 2 |\n";
        let (_, a) = read(text);
        let people: Vec<(&str, Option<&str>)> =
            a.present.iter().map(|p| (p.name.as_deref().unwrap(), p.organisation.as_deref())).collect();
        assert_eq!(people, vec![("Waldemar Horwat", Some("Google")), ("Chris de Almeida", Some("IBM"))]);
        assert_eq!(
            a.abbreviations,
            vec![
                ("WH".to_string(), "Waldemar Horwat".to_string()),
                ("CDA".to_string(), "Chris de Almeida".to_string())
            ]
        );
    }

    #[test]
    fn an_office_joined_to_the_surname() {
        let (_, a) = read("Present: Mrs R Crisp-Chair, Cllr Kit Hesketh-Harvey, Mr A Cole - Vice-Chairman\n");
        let people = names_and_roles(&a.present);
        assert_eq!(
            people,
            [("Mrs R Crisp", Some("Chair")), ("Cllr Kit Hesketh-Harvey", None), ("Mr A Cole", Some("Vice-Chairman"))]
        );
    }

    #[test]
    fn an_office_after_a_colon() {
        let (_, a) =
            read("Present: G. Clere, Mrs. Willis, T. Manley: Borough Councillor and 2 members of the public\n");
        assert_eq!(
            names_and_roles(&a.present),
            [("G. Clere", None), ("Mrs. Willis", None), ("T. Manley", Some("Borough Councillor"))]
        );
        // A label before a name, and a vote after one, are no office of the name.
        let (_, a) = read("Present: Parish Clerk: Peter King, Ann Lee: YES\n");
        let names: Vec<&str> = a.present.iter().filter_map(|p| p.name.as_deref()).collect();
        assert!(!names.contains(&"Parish Clerk") && !names.contains(&"Ann Lee"), "{names:?}");
    }

    #[test]
    fn a_present_list_one_titled_person_a_paragraph() {
        let text = "Present: Mrs Pat Holton (Village Representative)\n\nMr. David Haines (Borough Council)\n\nMrs. Trudy Mann (Parish Council Representative)\n\n1\\. Apologies:\n\nMr Ray Thompson\n";
        assert_eq!(att(text).0, ["Mrs Pat Holton", "Mr. David Haines", "Mrs. Trudy Mann"]);
        // A sentence after the name is no second entry.
        let text = "Present: Mrs Pat Holton\n\nMr Haines reported on the works.\n";
        assert_eq!(att(text).0, ["Mrs Pat Holton"]);
    }

    #[test]
    fn apologies_written_as_a_sentence_with_reasons_or_on_the_next_line() {
        let text = "1. Apologies\n\nApologies were received and accepted from Claire Cann due to her being away; Tom Foy due to work commitments; and Pam Walker who was unwell.\n";
        assert_eq!(att(text).1, ["Claire Cann", "Tom Foy", "Pam Walker"]);
        let text = "1. Apologies for Absence accepted from:\n\nCllr G Mansell.\n\n2. Minutes\n";
        assert_eq!(att(text).1, ["Cllr G Mansell"]);
        let text = "There were apologies received and accepted for absence from Cllr Mick Peake.\n";
        assert_eq!(att(text).1, ["Cllr Mick Peake"]);
    }

    #[test]
    fn a_count_before_the_names_and_initials_after_them() {
        let (_, a) = read("PRESENT (Five Councillors): - Pam Bullas (PB), Paula Kellingray (PK) – Acting Chair, Claire Williams (CW), Tom Foy (Chairman)\n");
        let people = names_and_roles(&a.present);
        assert_eq!(
            people,
            [
                ("Pam Bullas", None),
                ("Paula Kellingray", Some("Acting Chair")),
                ("Claire Williams", None),
                ("Tom Foy", Some("Chairman"))
            ]
        );
        assert!(abbreviates("JHD", "Jordan Harband") && abbreviates("MM", "Mark S. Miller"));
        assert!(abbreviates("JB", "Cllr Jo Bruce"));
        assert!(!abbreviates("NCC", "Cllr Martin Storey") && !abbreviates("MP", "Elizabeth Truss"));
        assert!(!abbreviates("Chair", "Cllr Carol Hair"));
    }

    #[test]
    fn forms() {
        assert_eq!(
            att("Present: Cllr Jim McNeill (Vice Chair) Cllr Daphne Clements Cllr Kit Hesketh-Harvey Helen Richardson (Parish Clerk)").0,
            vec!["Cllr Jim McNeill", "Cllr Daphne Clements", "Cllr Kit Hesketh-Harvey", "Helen Richardson"]
        );
        assert_eq!(
            att("PRESENT Cllr R Crisp, Cllr M Peake, Mrs N Cooper (Clerk) ALSO Cllr M Storey (NCC) 2 members of the public").0,
            vec!["Cllr R Crisp", "Cllr M Peake", "Mrs N Cooper"]
        );
        assert_eq!(
            att("In Attendance:\nMichael Coates \nMatt Tesauro\n\nCommittee Chairs:\nJason Li").0,
            vec!["Michael Coates", "Matt Tesauro"]
        );
        // "Stafford" is no "Staff" label: the list goes on.
        assert_eq!(
            att("In Attendance:\nAnn Lee\nStafford Smith\nBob Ray").0,
            vec!["Ann Lee", "Stafford Smith", "Bob Ray"]
        );
        assert_eq!(
            att("### Present\n\n* Bert Belder (TSC)\n* Ben Noordhuis (TSC)\n").0,
            vec!["Bert Belder", "Ben Noordhuis"]
        );
        // A wrapped line that starts with the join.
        assert_eq!(
            att("PRESENT\nCouncillors Alun Davies, Andrew Thomas, Owen Williams\nand County Councillor Joseph Davies.\n").0,
            vec!["Alun Davies", "Andrew Thomas", "Owen Williams", "County Councillor Joseph Davies"]
        );
        // Guests are in attendance; an empty label's list does not take the next label's.
        let (_, a) =
            read("**Present:** Ann Bee, Cy Dee\n\n**Regrets:** \n\n**Guests:** Aderet Siegman\n\n**Chair:** Ann Bee\n");
        let n = |v: &Vec<Person>| v.iter().map(|p| p.name.clone().unwrap()).collect::<Vec<_>>();
        assert_eq!(
            (n(&a.present), n(&a.apologies), n(&a.in_attendance)),
            (vec!["Ann Bee".to_string(), "Cy Dee".to_string()], vec![], vec!["Aderet Siegman".to_string()])
        );
        let (_, a) = read("**Regrets:**\n\n**Notetakers:** Mark Cohen\n");
        assert!(a.apologies.is_empty() && a.present.is_empty());
        // A list ending with a comma goes on in a paragraph of titled names.
        assert_eq!(
            att("Those attending Mr M. Mycock, Mrs M Leaman,\n\nMrs T Mann, Mr S Randall, Mrs V Negus (Clerk) 6 members of the public\n").0,
            vec!["Mr M. Mycock", "Mrs M Leaman", "Mrs T Mann", "Mr S Randall", "Mrs V Negus"]
        );
        // A GitHub handle after the name is no part of it; "ten" is a name particle.
        assert_eq!(
            att("## Present\n\n* Anatoli Papirovski @apapirovski (TSC)\n* Glenn ten Cate\n").0,
            vec!["Anatoli Papirovski", "Glenn ten Cate"]
        );
        assert_eq!(
            att("**Present:** Tzviya Siegman, Wolfgang Schindler\n").0,
            vec!["Tzviya Siegman", "Wolfgang Schindler"]
        );
        assert_eq!(
            att("2. APOLOGIES Apologies for absence were received before the meeting from Cllr Anderson, Cllr Sharp and Cllr Smith. These were accepted.").1,
            vec!["Cllr Anderson", "Cllr Sharp", "Cllr Smith"]
        );
        assert_eq!(
            att("Apologies received from Cllrs. Kim Davies, Hubert Gwynne and Doris Jones.").1,
            vec!["Kim Davies", "Hubert Gwynne", "Doris Jones"]
        );
        assert_eq!(
            att("**Attendance:**\n\n**Cllr Jo Bruce        JB      Chair**\n\n**Cllr Phillip Norris     PN**\n\n**Nicola Cooper      NC      Parish Clerk (Minutes)**\n\n**Also in attendance:**\n").0,
            vec!["Cllr Jo Bruce", "Cllr Phillip Norris", "Nicola Cooper"]
        );
        assert_eq!(
            att("Present: A. Cole - Chairman, Mrs. Dale, B. Fox together with 6 members of the public.").0,
            vec!["A. Cole", "Mrs. Dale", "B. Fox"]
        );
        // A dash before something that is not an office keeps the entry whole (and rejected).
        assert_eq!(att("Apologies: G. Gott, Allotment Holders - Mr. Hall").1, vec!["G. Gott"]);
    }

    #[test]
    fn names_and_roles_cut_at_semicolons() {
        let text = "OFFICERS IN ATTENDANCE:  Karla Moore-Love, Clerk of the Council; Ben Walters, Chief Deputy City Attorney; and Ron Willis, Sergeant at Arms.";
        let (src, a) = read(text);
        let got: Vec<(String, String)> = a
            .in_attendance
            .iter()
            .map(|p| {
                let role = [p.role.clone(), p.organisation.clone()].into_iter().flatten().collect::<Vec<_>>().join(" ");
                (src.get(p.span).to_string(), role)
            })
            .collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0].0, "Karla Moore-Love");
        assert!(got[1].1.contains("Chief Deputy City Attorney"), "{got:?}");
        assert_eq!(got[2].0, "Ron Willis");
        // A plain list with a semicolon keeps its commas as separators.
        assert_eq!(att("Present: Cllr A Smith, Cllr B Jones; Cllr C Brown").0.len(), 3);
    }

    #[test]
    fn also_in_the_present_line_and_an_apologies_heading() {
        let text = "PRESENT Cllr R Crisp, Mrs N Cooper (Clerk) ALSO Cllr M Storey (NCC) 2 members of the public\n2. ACCEPTANCE OF APOLOGIES FOR ABSENCE Apologies for absence were received before the meeting from Cllr Anderson and Cllr Smith.";
        let (_, a) = read(text);
        let n = |v: &Vec<Person>| v.iter().map(|p| p.name.clone().unwrap()).collect::<Vec<_>>();
        assert_eq!(n(&a.present), ["Cllr R Crisp", "Mrs N Cooper"]);
        assert_eq!(n(&a.in_attendance), ["Cllr M Storey"]);
        assert_eq!(a.in_attendance[0].organisation.as_deref().or(a.in_attendance[0].role.as_deref()), Some("NCC"));
        assert_eq!(n(&a.apologies), ["Cllr Anderson", "Cllr Smith"]);
        assert_eq!(att("Apologies for Absence: Mrs V Lynch").1, ["Mrs V Lynch"]);
    }

    #[test]
    fn lists_wrapped_by_a_layout() {
        let text = "PRESENT\nCouncillors Gwenfyl Evans, Peter Harries, Dorian Jenkins, Hubert Gwynne, Owen Williams and County\nCouncillor Joseph Davies.\n\n1. WELCOME AND APOLOGIES\nCllr. O. Williams took the Chair and welcomed everyone to the meeting. Apologies received from Cllrs. Alun Davies, Kim\nDavies and Doris Jones.\n";
        let (present, apologies) = att(text);
        assert_eq!(present.last().map(String::as_str), Some("County Councillor Joseph Davies"), "{present:?}");
        assert_eq!(present.len(), 6, "{present:?}");
        assert_eq!(apologies, ["Alun Davies", "Kim Davies", "Doris Jones"]);
        // One name a line: each line is an entry.
        let (present, _) = att("Present:\nCllr Ann Cole\nCllr Bob Jones\n");
        assert_eq!(present, ["Cllr Ann Cole", "Cllr Bob Jones"]);
        let (_, apologies) = att("2. Apologies: Were received from County Councillor T White and Mr J Preston.\n");
        assert_eq!(apologies, ["County Councillor T White", "Mr J Preston"]);
    }

    #[test]
    fn an_office_before_a_staff_name() {
        let split = |n: &str| {
            let p = office_before_name(Person {
                name: Some(n.to_string()),
                role: None,
                organisation: None,
                span: Span::new(0, n.len()),
            });
            (p.name.unwrap_or_default(), p.role)
        };
        assert_eq!(split("City Manager David Park"), ("David Park".to_string(), Some("City Manager".to_string())));
        // A firm after the office is no person.
        assert_eq!(split("Site Manager Kier Construction"), ("Site Manager Kier Construction".to_string(), None));
        assert_eq!(split("Project Manager Acme Ltd"), ("Project Manager Acme Ltd".to_string(), None));
    }

    #[test]
    fn roles_after_a_dash() {
        assert!(dash_role("Chairman") && dash_role("Borough Councillor") && dash_role("Vice-chairman"));
        let present = |line: &str| -> Vec<(Option<String>, Option<String>)> {
            read(line).1.present.into_iter().map(|p| (p.name, p.role)).collect()
        };
        let s = |x: &str| Some(x.to_string());
        assert_eq!(present("Present: Cllr. Martin Storey - NCC, Cllr Ben Dale.").len(), 2);
        let (_, a) = read("Board Members\n- Ricardo Griffith\n- Avi Douglen - ABSENT\n- Diego Silva Martins\n");
        let names = |v: &Vec<Person>| v.iter().filter_map(|p| p.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&a.present), ["Ricardo Griffith", "Diego Silva Martins"]);
        assert_eq!(names(&a.absent), ["Avi Douglen"]);
        // "Board Members Present:" is one label; a roll-call vote under "Board Members" is no
        // attendance.
        let (_, a) = read("**Board Members Present:**\n\n- Ricardo Griffith\n- Steve Springett\n");
        assert_eq!(names(&a.present), ["Ricardo Griffith", "Steve Springett"]);
        let (_, a) = read("**Board Members**\n- Ricardo Griffith: YES\n- Avi Douglen: ABSTAIN\n");
        assert!(a.present.is_empty(), "{:?}", a.present);
        // An office after a comma is the role of the name before it; a name with an office
        // is not.
        let (_, a) = read("Present: Ray Thompson Deputy Chairman, Tim Read Treasurer\n");
        assert!(a.present.iter().all(|p| p.role.is_none()), "{:?}", a.present);
        assert!(office_words("Vice Chair") && office_words("Parish Clerk") && !office_words("Tim Read Treasurer"));
        let (_, a) = read("**Board Members Present**\n- Owen Pendlebury, Chairperson\n- Sherif Mansour, Vice Chair\n- Grant Ongers, Member at Large\n");
        let roles: Vec<(String, Option<String>)> =
            a.present.iter().map(|p| (p.name.clone().unwrap_or_default(), p.role.clone())).collect();
        assert_eq!(
            roles,
            [
                ("Owen Pendlebury".to_string(), Some("Chairperson".to_string())),
                ("Sherif Mansour".to_string(), Some("Vice Chair".to_string())),
                ("Grant Ongers".to_string(), Some("Member at Large".to_string())),
            ]
        );
        assert_eq!(
            present("Present: Cllr Ann Cole - Chairman, Cllr Ben Dale."),
            vec![(s("Cllr Ann Cole"), s("Chairman")), (s("Cllr Ben Dale"), None)]
        );
        assert_eq!(
            present("Present: Mrs Pam Bullas (PB), Mrs Claire Cann (CC) – Chairman, Mr Tom Foy (TF)")[1],
            (s("Mrs Claire Cann"), s("Chairman"))
        );
        assert!(!dash_role("Mr. Hall") && !dash_role("Two") && !dash_role("Borough") && !dash_role("ABSENT/LATE"));
    }
}
