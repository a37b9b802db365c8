//! Person mentions: who is named, with what role, and who speaks (GOLD.md "Speakers").
//!
//! A mention is a titled name ("Mr Peerbux", "Supt. Russell", "Cllr J Smith"), a first and
//! last name ("Tim Cook"), or an unnamed office ("The Chairman", "A Partnership Member").
//! It speaks when a speech verb follows it, possibly after a role in brackets ("Mr Peerbux
//! (Head of Community Safety, KCC) introduced"), an appositive ("Supt. Russell, Head of ...,
//! commented"), a "from ..." phrase, or a list of other speakers ("Mr Hill and Supt Russell
//! responded"). Groups ("Members", "the Committee", "Officers") never match.

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{contains, NOT_NAME_WORDS, OFFICES, ORG_WORDS, ROLE_HEADS, SPEECH_VERBS, TITLES};
use super::next_capital;
use super::turn_label::{
    turn_label, T_BOLD, T_BOLD2, T_C1, T_C2, T_C3, T_IT, T_IT2, T_NAME, T_OFFICE, T_ONAME, T_RNAME,
};
use crate::fastre::{Checked, FastRegex};
use crate::source::Span;

/// A mention found in a text, with any role given beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Mention {
    pub name: Option<String>,
    pub role: Option<String>,
    pub organisation: Option<String>,
    pub span: Span,
    pub speaks: bool,
}

/// `alternation` for a verbose (`(?x)`) pattern, where a plain space would be ignored: "had
/// spoken" must not become "hadspoken".
fn verbose_alternation(words: &[&str]) -> String {
    alternation(words).replace(' ', r"\s+")
}

/// The speech verbs, for the verbose patterns.
#[cfg(test)]
fn verb_alternation() -> String {
    verbose_alternation(SPEECH_VERBS)
}

fn alternation(words: &[&str]) -> String {
    let mut w: Vec<&str> = words.to_vec();
    w.sort_by_key(|s| std::cmp::Reverse(s.len()));
    w.iter().map(|s| regex::escape(s)).collect::<Vec<_>>().join("|")
}

const NAME: &str = r"(?:Mc|Mac|O'|O’)?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)*";

/// `MENTION`'s `titled` alternative; `b` is its word boundary (`\b`, or none for the anchored
/// twin [`TITLED_AT`]). One source for both, so that the twin cannot drift from the pattern.
fn titled_pattern(b: &str) -> String {
    // A title of two words ("Chief Inspector", "Council Member"): white space between them
    // (the pattern is verbose, where a plain space is ignored).
    let titles = alternation(TITLES).replace(' ', r"\s+");
    // A courtesy title after an office's ("Cllr Mrs R Mendoza", "Councillor Dr. A Lee"): its
    // initials follow it, not the first title.
    format!(r"{b}(?:{titles})\.?(?:\s+(?:Mrs|Mr|Ms|Miss|Dr)\.?)?(?:\s+(?:[A-Z]\.?\s*){{1,3}})?(?:\s+{NAME}){{1,2}}")
}

/// `MENTION`'s `office` alternatives (verbose syntax); `b` as in [`titled_pattern`] (the
/// anchored twin is [`OFFICE_AT`]).
fn office_pattern(b: &str) -> String {
    let offices = alternation(OFFICES);
    let lower: Vec<String> = OFFICES.iter().map(|o| o.to_lowercase()).collect();
    let lower = verbose_alternation(&lower.iter().map(String::as_str).collect::<Vec<_>>());
    let passing = TRANSIENT.join("|");
    let welsh = alternation(super::welsh::OFFICES);
    format!(
        r"{b}(?:[Tt]he|[Aa]n?)\s+(?:[A-Z][a-z]+\s+)?(?:{offices})\b
          | {b}[Tt]he\s+(?:(?:{passing})\s+)?(?:{lower})\b
          | (?:{b}[Yy]r?|[’']r)\s+(?:{welsh})\b"
    )
}

/// The mention pattern: the oracle of [`mention_matches`], which finds the same matches
/// without it.
#[cfg(test)]
static MENTION: LazyLock<FastRegex> = LazyLock::new(|| {
    let (titled, office) = (titled_pattern(r"\b"), office_pattern(r"\b"));
    let pattern = format!(
        r"(?x)
        (?P<titled>{titled})
      | (?P<office>{office})
      | (?P<plain>\b{NAME}(?:\s+{NAME}){{1,2}})
    "
    );
    FastRegex::new(&pattern).expect("mention regex")
});

/// `MENTION`'s `titled` alternative without its leading `\b`, anchored: whether a match at the
/// start of the haystack is `titled` (see [`mention_matches`]). No word boundary or class is
/// left, so it runs on the lazy DFA, and only as far as a title and a name.
static TITLED_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?x)^{}", titled_pattern(""))).expect("titled regex"));

/// `MENTION`'s `office` alternative without the leading `\b`s, anchored (see
/// [`mention_matches`]).
static OFFICE_AT: LazyLock<FastRegex> =
    LazyLock::new(|| FastRegex::new(&format!("(?x)^(?:\n{}\n)", office_pattern(""))).expect("office regex"));

/// `MENTION`'s `plain` alternative without its leading `\b`, anchored: the oracle of
/// [`plain_at`].
#[cfg(test)]
static PLAIN_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?x)^{NAME}(?:\s+{NAME}){{1,2}}")).expect("plain regex"));

/// Words before an office that say when its holder holds it ("the outgoing secretary"): not
/// part of the role.
const TRANSIENT: &[&str] = &["acting", "former", "incoming", "new", "outgoing", "retiring"];

/// Which alternative of `MENTION` matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Titled,
    Office,
    Plain,
}

/// The first words of the titles (every `titled` match starts with one), by first byte
/// ([`by_first_byte`]).
static TITLES_AS_MATCHED: LazyLock<Vec<Vec<String>>> =
    LazyLock::new(|| by_first_byte(TITLES.iter().map(|t| t.split_whitespace().next().unwrap_or(t).to_string())));

/// `words` indexed by their first byte (256 lists, most empty): the few words a text can start
/// with are looked up instead of comparing every word of a list.
fn by_first_byte<T: AsRef<str>>(words: impl IntoIterator<Item = T>) -> Vec<Vec<T>> {
    let mut by_byte: Vec<Vec<T>> = (0..256).map(|_| Vec::new()).collect();
    for w in words {
        if let Some(&first) = w.as_ref().as_bytes().first() {
            by_byte[usize::from(first)].push(w);
        }
    }
    by_byte
}

/// `MENTION.captures_iter(text)` as (alternative, match): the same matches, found without
/// running `MENTION` (its unanchored lazy-DFA scan of every byte of every text, the reverse
/// search for each match's start, and building the lazy DFA's states and compiling the
/// pattern in each process, were about 5% of all instructions on a sample of the bulk).
///
/// Where a match may start ([`Starts`]): every alternative's first white space comes right
/// after its first word (a name, a title with its dot, an article, "’r"), and what follows
/// that white space is a capital (a name, an initial, an office, a Welsh office), except in
/// `office`'s "the" then a lower-case office ("the outgoing clerk"). So a match starts in
/// the word before a run of white space then a capital, or at a "the" before white space and
/// a lower-case office or passing word. Each such start, in order, is tried with the
/// alternatives anchored there ([`mention_at`]); the first that matches is the leftmost
/// match, as the regex finds it.
///
/// At a start the regex takes its first alternative that matches there (leftmost-first), so
/// the match is `titled` when `titled` matches at its start, else `office` when `office`
/// does, else `plain`. Every alternative starts with `\b` then a letter, except `office`'s
/// `[’']r`: a match starting with a quote is `office`, and one starting with a letter has
/// `\b` before it (checked by hand, [`boundary_before`]), so [`TITLED_AT`], [`OFFICE_AT`]
/// and [`plain_at`] (`plain` by hand) drop the leading `\b`s and run on the text from the
/// start (the rest of the text, the context of the other boundaries, kept). `titled` starts with a title and
/// `office` with "the", "a", "an", "y", "yr" and white space.
fn mention_matches<'h, 'c>(text: &'h str, checked: &'c LazyChecked<'h>) -> impl Iterator<Item = (Kind, Found<'h>)> + 'c
where
    'h: 'c,
{
    let mut starts = Starts::new(text);
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(p) = starts.next_from(at) {
            if let Some((kind, end)) = mention_at(text, p, checked) {
                at = end;
                return Some((kind, Found { hay: text, start: p, end }));
            }
            at = p + 1;
        }
        None
    })
}

/// [`Checked::new`] of a text, made when first asked: the regexes that need it ([`OFFICE_AT`],
/// `ROLE_BEFORE`) run on few texts, and the check reads the whole text.
struct LazyChecked<'h> {
    text: &'h str,
    checked: std::cell::OnceCell<Checked>,
}

impl<'h> LazyChecked<'h> {
    fn new(text: &'h str) -> LazyChecked<'h> {
        LazyChecked { text, checked: std::cell::OnceCell::new() }
    }

    fn get(&self) -> Checked {
        *self.checked.get_or_init(|| Checked::new(self.text))
    }
}

/// A match of `MENTION` in a haystack.
#[derive(Clone, Copy, Debug)]
struct Found<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Found<'h> {
    fn start(&self) -> usize {
        self.start
    }

    fn end(&self) -> usize {
        self.end
    }

    fn as_str(&self) -> &'h str {
        &self.hay[self.start..self.end]
    }

    #[cfg(test)]
    fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// `MENTION`'s match starting at `p` (a start from [`Starts`], with `\b` before it when it is
/// a letter): which alternative, and where it ends.
fn mention_at(text: &str, p: usize, checked: &LazyChecked) -> Option<(Kind, usize)> {
    let rest = &text[p..];
    let first = rest.as_bytes()[0];
    let office = || office_at(rest, checked).map(|end| (Kind::Office, p + end));
    if matches!(first, b'\'' | 0xE2) {
        return office();
    }
    if TITLES_AS_MATCHED[usize::from(first)].iter().any(|t| rest.starts_with(t.as_str())) {
        if let Some(m) = TITLED_AT.find(rest) {
            return Some((Kind::Titled, p + m.end()));
        }
    }
    // The articles an office follows: English "the", "a", "an", Welsh "y", "yr"; every
    // `office` alternative has `\s` after its article (a name such as "Andrew Smith" starts
    // with "A" but is `plain`).
    let article = matches!(first, b'T' | b't' | b'A' | b'a' | b'Y' | b'y')
        && ["The", "the", "A", "a", "An", "an", "Y", "y", "Yr", "yr"]
            .iter()
            .any(|w| rest.strip_prefix(w).is_some_and(|r| r.starts_with(char::is_whitespace)));
    if article {
        if let Some(found) = office() {
            return Some(found);
        }
    }
    if first.is_ascii_uppercase() {
        return plain_at(text, p).map(|end| (Kind::Plain, end));
    }
    None
}

/// `OFFICE_AT.find(rest)`: where its match ends.
///
/// The pattern's only `\b`s end its alternatives, each after an office's last letter, an
/// ASCII letter; it has no `\w` or `\d`. After an ASCII letter a Unicode `\b` holds only
/// where the ASCII one does (what follows is no word character of either kind), and the ASCII
/// one holds too before a non-ASCII word character. So the twin matches wherever the original
/// does, and ranks the ways to match in the same order: when its match is not followed by a
/// non-ASCII word character, that is the original's match; otherwise the original decides.
/// (The check of the whole text for the twin, and compiling the original and its relaxed
/// form, were most of the cost of this search.)
fn office_at(rest: &str, checked: &LazyChecked) -> Option<usize> {
    let m = OFFICE_AT.pick_checked(Checked::proven(true)).find_at(rest, 0)?;
    let wide_word_next =
        rest[m.end()..].chars().next().is_some_and(|c| !c.is_ascii() && crate::fastre::is_word_char(c));
    if !wide_word_next {
        return Some(m.end());
    }
    OFFICE_AT.pick_checked(checked.get()).find_at(rest, 0).map(|m| m.end())
}

/// `PLAIN_AT` at `p` by hand: the end of its match. `NAME` is followed by white space or
/// ends the match, and what ends it early is followed by a lower-case letter or a hyphen or
/// apostrophe: so each `NAME` takes its longest extent under its first prefix that matches
/// (see [`name_end`]), the white space between is all of a run, and the match has a third
/// name when one follows the second and white space (else it ends after the second).
fn plain_at(text: &str, p: usize) -> Option<usize> {
    let first = name_end(text, p)?;
    let second_at = ws_end(text, first);
    if second_at == first {
        return None;
    }
    let second = name_end(text, second_at)?;
    let third_at = ws_end(text, second);
    Some(if third_at > second { name_end(text, third_at).unwrap_or(second) } else { second })
}

/// The end of `NAME` at `i`, `(?:Mc|Mac|O'|O’)?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)*`: under the
/// first prefix (none last) after which the rest matches, the longest (greedy) extent. (Where
/// the rest fails after a prefix, the regex tries the next; where it matches, a later prefix
/// or none ends before a capital, and a shorter extent before a lower-case letter or a
/// hyphen or apostrophe: neither white space, so neither lets the match go on, and the
/// longest is the first extent tried.)
fn name_end(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    // `[A-Z][a-z]+` at `j`: its end.
    let word = |j: usize| -> Option<usize> {
        if !b.get(j)?.is_ascii_uppercase() {
            return None;
        }
        let n = b[j + 1..].iter().take_while(|c| c.is_ascii_lowercase()).count();
        (n > 0).then_some(j + 1 + n)
    };
    let rest = |j: usize| -> Option<usize> {
        let mut end = word(j)?;
        loop {
            let sep = match b.get(end) {
                Some(b'-' | b'\'') => 1,
                Some(0xE2) if b[end..].starts_with("’".as_bytes()) => 3,
                _ => break,
            };
            match word(end + sep) {
                Some(e) => end = e,
                None => break,
            }
        }
        Some(end)
    };
    let prefixes: [&[u8]; 4] = [b"Mc", b"Mac", b"O'", "O’".as_bytes()];
    prefixes.iter().filter(|x| b[i..].starts_with(x)).find_map(|x| rest(i + x.len())).or_else(|| rest(i))
}

/// True when a `\b` holds before the word character at `p`: the character before is no word
/// character (Unicode `\w`, which is ASCII `\w` wherever the ASCII twin is picked).
fn boundary_before(text: &str, p: usize) -> bool {
    match text.as_bytes()[..p].last() {
        None => true,
        Some(&c) if c.is_ascii() => !(c.is_ascii_alphanumeric() || c == b'_'),
        Some(_) => !text[..p].chars().next_back().is_some_and(regex_syntax::is_word_character),
    }
}

/// The start of the white space (`\s`, Unicode `White_Space` as `char::is_whitespace`) that
/// ends at `i`; `i` when there is none.
fn white_space_start(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    while i > 0 {
        let c = b[i - 1];
        if c.is_ascii() {
            if !matches!(c, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r') {
                break;
            }
            i -= 1;
        } else {
            match text[..i].chars().next_back() {
                Some(ch) if ch.is_whitespace() => i -= ch.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// The start of the word (the characters other than white space) that ends at `i`.
fn word_start(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    while i > 0 {
        let c = b[i - 1];
        if c.is_ascii() {
            if matches!(c, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r') {
                break;
            }
            i -= 1;
        } else {
            match text[..i].chars().next_back() {
                Some(ch) if !ch.is_whitespace() => i -= ch.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// The first event at or after `from` (`from >= 1`) of [`Starts`]: an ASCII capital after
/// white space (an ASCII one, or a non-ASCII character), or an "h" after "t" or "T" and
/// before "e". Eight bytes at a time: a byte `v` below 0x80 with its top bit set (`t`) takes
/// 0x41 ('A') and 0x5B ('Z' + 1) without a borrow, and the top bit of the difference says
/// `v >= 'A'`, `v >= 'Z' + 1`; an "h" is a zero byte of `x ^ 0x68..` (a borrow may flag
/// other bytes above a zero byte: each byte flagged is checked); bytes from 0x80 are masked.
fn find_event(b: &[u8], from: usize) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let event = |k: usize| match b[k] {
        b'h' => b[k - 1] | 0x20 == b't' && b.get(k + 1) == Some(&b'e'),
        c => c.is_ascii_uppercase() && (!b[k - 1].is_ascii() || ascii_space(b[k - 1])),
    };
    let mut i = from;
    while i + 8 <= b.len() {
        let x = u64::from_le_bytes(b[i..i + 8].try_into().expect("eight bytes"));
        let t = x | HIGH;
        let caps = t.wrapping_sub(ONES * 0x41) & !t.wrapping_sub(ONES * 0x5B);
        let h = x ^ (ONES * u64::from(b'h'));
        let hs = h.wrapping_sub(ONES) & !h;
        let mut found = (caps | hs) & !x & HIGH;
        while found != 0 {
            let k = i + (found.trailing_zeros() / 8) as usize;
            if event(k) {
                return Some(k);
            }
            found &= found - 1;
        }
        i += 8;
    }
    (i..b.len()).find(|&k| event(k))
}

/// The first words that may follow "the" and white space in `office`'s lower-case
/// alternative, by first byte: the passing words ([`TRANSIENT`]) and the first words of the
/// offices, lower case ("vice" for "vice-chair").
static LOWER_OFFICE_STARTS: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    let mut words: Vec<String> = TRANSIENT.iter().map(|w| w.to_string()).collect();
    for o in OFFICES {
        let first = o.to_lowercase().split([' ', '-']).next().expect("a word").to_string();
        if !words.contains(&first) {
            words.push(first);
        }
    }
    by_first_byte(words)
});

/// True for the ASCII bytes of `\s` (`char::is_whitespace`): tab to carriage return, space.
fn ascii_space(c: u8) -> bool {
    matches!(c, b'\t'..=b'\r' | b' ')
}

/// The places where a `MENTION` match may start (see [`mention_matches`]), in order. One scan
/// finds the capitals and the "h"s: a capital may end a run of white space after a
/// word that holds starts ([`start_before_capital`]); an "h" may be that of a "the" before
/// white space and a lower-case office ([`the_before_lower_office`]). (A "the" start is never
/// in the word before a capital: white space then a lower-case letter follows it. So the
/// starts come in the order of the scan.)
struct Starts<'h> {
    text: &'h str,
    /// Where to look for the next capital or "h".
    scan: usize,
    /// Where starts may be in the word before the white space before the last capital found:
    /// `(from, to, end)`, the word ending at `end`.
    word: Option<(usize, usize, usize)>,
}

impl<'h> Starts<'h> {
    fn new(text: &'h str) -> Starts<'h> {
        Starts { text, scan: 0, word: None }
    }

    /// The first place at or after `from` where a match may start (`from` never decreases
    /// from one call to the next).
    fn next_from(&mut self, from: usize) -> Option<usize> {
        let (text, b) = (self.text, self.text.as_bytes());
        loop {
            if let Some((s, e, q)) = self.word {
                if let Some(p) = (s.max(from)..e).find(|&p| start_before_capital(text, p, q)) {
                    return Some(p);
                }
                self.word = None;
            }
            // A start at or after `from` has a capital or "h" after it.
            let Some(i) = find_event(b, self.scan.max(from + 1)) else {
                self.scan = b.len();
                return None;
            };
            self.scan = i + 1;
            if b[i] == b'h' {
                if the_before_lower_office(text, i - 1) {
                    return Some(i - 1);
                }
                continue;
            }
            let q = white_space_start(text, i);
            if q == i || q <= from {
                continue;
            }
            // A word of ASCII letters after white space (most words) may only hold a start
            // at its first letter: the others have a letter before them, no `\b`.
            let mut s = q;
            while s > 0 && b[s - 1].is_ascii_alphabetic() {
                s -= 1;
            }
            self.word = if s == q {
                Some((word_start(text, q), q, q))
            } else if s == 0 || ascii_space(b[s - 1]) {
                Some((s, s + 1, q))
            } else {
                Some((word_start(text, s), q, q))
            };
        }
    }
}

/// True when "the" or "The" at `p` is after `\b` and before white space and a passing word or
/// a lower-case office ([`LOWER_OFFICE_STARTS`]).
fn the_before_lower_office(text: &str, p: usize) -> bool {
    let b = text.as_bytes();
    // White space after "the": an ASCII one, or a non-ASCII character.
    if !b.get(p + 3).is_some_and(|&c| ascii_space(c) || !c.is_ascii()) {
        return false;
    }
    let r = ws_end(text, p + 3);
    r > p + 3
        && b.get(r).is_some_and(u8::is_ascii_lowercase)
        && boundary_before(text, p)
        && LOWER_OFFICE_STARTS[usize::from(b[r])].iter().any(|w| text[r..].starts_with(w.as_str()))
}

/// True when a match may start at `p` in the word `[p, q)` that white space then a capital
/// follow: a capital after `\b` that may start a name (a lower-case letter or a quote after
/// it), a title, or an article; a lower-case article ("the", "a", "an", "y", "yr") after
/// `\b`; "’r" or "'r".
fn start_before_capital(text: &str, p: usize, q: usize) -> bool {
    let b = text.as_bytes();
    match b[p] {
        c @ b'A'..=b'Z' => {
            let name_or_article = p + 1 == q || b[p + 1].is_ascii_lowercase() || matches!(b[p + 1], b'\'' | 0xE2);
            (name_or_article || TITLES_AS_MATCHED[usize::from(c)].iter().any(|t| text[p..].starts_with(t.as_str())))
                && boundary_before(text, p)
        }
        b't' | b'a' | b'y' => matches!(&b[p..q], b"the" | b"a" | b"an" | b"y" | b"yr") && boundary_before(text, p),
        b'\'' => &b[p..q] == b"'r",
        0xE2 => &b[p..q] == "’r".as_bytes(),
        _ => false,
    }
}

/// `TAIL`, the text after a mention that makes it speak, was one regex:
///
/// ```text
/// ^(?:\s*\((?P<paren>[^()]{2,200})\))?
///  (?:\s*,\s*(?P<appos>(?:[^;()]|\([^()]{1,40}\)){2,160}?)\s*,)?
///  (?:\s*,\s*(?P<acro>[A-Z]{2,8}))?
///  (?:\s+from\s+(?P<from>[^;()]{2,120}?)\s*,)?
///  \s+(?:(?:also|then|...)\s+)*(?P<verb>(?:said|...))\b
/// ```
///
/// Its bounded repetitions of Unicode classes made a Thompson NFA of tens of thousands of
/// states: ~0.06 s to compile per process, 6.5 MB, and a PikeVM cache of ~12 MB per thread
/// (allocated whether used or not), plus a large visited set to clear for every bounded
/// backtracker search. [`tail`] walks the four optional groups by hand, in the order the
/// regex engine tries them (leftmost-first: an optional group is tried present before absent,
/// a greedy repetition longest first, a lazy one shortest first), and the last part,
/// `TAIL_VERB`, too ([`tail_verb_at`]); the test `tail_is_the_old_regex` checks it against the
/// old pattern.
/// Capture group numbers of `MENTION` (`Captures::name` hashes the name on every call; the
/// test `group_numbers_match_names` ties these to the names).
#[cfg(test)]
const M_TITLED: usize = 1;
#[cfg(test)]
const M_OFFICE: usize = 2;
/// (`plain` is what is left: see `mention_matches`.)
#[cfg(test)]
const M_PLAIN: usize = 3;

/// The last part of `TAIL`: the oracle of [`tail_verb_at`].
#[cfg(test)]
static TAIL_VERB: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = verb_alternation();
    let pattern = format!(
        r"(?x)^
        \s+(?:(?:also|then|further|again|subsequently|briefly|formally|kindly|had|has|have|duly|verbally|jointly|both)\s+)*
        (?:took\s+the\s+[Cc]hair\s+and\s+)?
        (?P<verb>(?:{verbs}))\b"
    );
    Regex::new(&pattern).expect("tail verb regex")
});

/// What `TAIL` captured in the text after a mention.
#[derive(Debug, PartialEq, Eq)]
struct Tail<'a> {
    paren: Option<&'a str>,
    appos: Option<&'a str>,
    acro: Option<&'a str>,
    from: Option<&'a str>,
    /// Byte offset of the speech verb.
    verb_start: usize,
}

/// End of the run of whitespace (`\s`: Unicode White_Space, as `char::is_whitespace`) at `i`.
fn ws_end(s: &str, i: usize) -> usize {
    // Most calls are at a character that is no white space: an ASCII byte other than
    // `char::is_whitespace`'s ASCII ones (tab to carriage return, space) ends the run at once.
    if s.as_bytes().get(i).is_some_and(|&c| c < 0x80 && !matches!(c, b'\t'..=b'\r' | b' ')) {
        return i;
    }
    s[i..].find(|c: char| !c.is_whitespace()).map_or(s.len(), |n| i + n)
}

/// The start of the character before byte `i` (`i > 0`).
fn char_before(s: &str, i: usize) -> usize {
    i - s[..i].chars().next_back().map_or(0, char::len_utf8)
}

/// `[^()]{min,max}\)` at `i`: the index of the `)` when the run of characters other than
/// brackets from `i` has `min..=max` characters and a `)` ends it. A greedy run of a class
/// that excludes the closing character has this one way to match.
fn bracket_run(s: &str, i: usize, min: usize, max: usize) -> Option<usize> {
    for (n, (at, c)) in s[i..].char_indices().enumerate() {
        if c == '(' || c == ')' {
            return (c == ')' && n >= min).then_some(i + at);
        }
        if n == max {
            return None;
        }
    }
    None
}

/// False where [`comma_after_ws`] cannot match: at an ASCII byte that is neither a comma nor
/// white space (most places the appositive and "from" runs try), decided without the call.
fn may_comma(s: &str, i: usize) -> bool {
    s.as_bytes().get(i).is_some_and(|&c| c == b',' || c >= 0x80 || ascii_space(c))
}

/// `\s*,` at `i`: the index after the comma. (A greedy `\s*` before a non-space character
/// matches only its longest run: any shorter one leaves a space where the character must be.)
fn comma_after_ws(s: &str, i: usize) -> Option<usize> {
    let at = ws_end(s, i);
    s[at..].starts_with(',').then_some(at + 1)
}

/// `TAIL` on `after` (see `TAIL_VERB`): the paren group, present first, then absent.
fn tail(after: &str) -> Option<Tail<'_>> {
    let s = after;
    let open = ws_end(s, 0);
    if s[open..].starts_with('(') {
        if let Some(close) = bracket_run(s, open + 1, 2, 200) {
            if let Some(t) = tail_appos(s, close + 1) {
                return Some(Tail { paren: Some(&s[open + 1..close]), ..t });
            }
        }
    }
    tail_appos(s, 0)
}

/// `(?:\s*,\s*(?P<appos>(?:[^;()]|\([^()]{1,40}\)){2,160}?)\s*,)?` then the rest.
fn tail_appos(s: &str, pos: usize) -> Option<Tail<'_>> {
    if let Some(w) = comma_after_ws(s, pos) {
        // The greedy `\s*` after the comma: the appositive starts after all the spaces, then
        // after one fewer, and so on (the appositive itself may start with a space).
        let mut start = ws_end(s, w);
        loop {
            // Each unit is decided by its first character: `(` opens a bracketed unit, `;`
            // and `)` end the run, anything else is one character. Lazy: fewest units first.
            let (mut p, mut units) = (start, 0);
            while units < 160 {
                match s[p..].chars().next() {
                    None | Some(';' | ')') => break,
                    Some('(') => match bracket_run(s, p + 1, 1, 40) {
                        Some(close) => p = close + 1,
                        None => break,
                    },
                    Some(c) => p += c.len_utf8(),
                }
                units += 1;
                if units >= 2 && may_comma(s, p) {
                    if let Some(t) = comma_after_ws(s, p).and_then(|after| tail_acro(s, after)) {
                        return Some(Tail { appos: Some(&s[start..p]), ..t });
                    }
                }
            }
            if start == w {
                break;
            }
            start = char_before(s, start);
        }
    }
    tail_acro(s, pos)
}

/// `(?:\s*,\s*(?P<acro>[A-Z]{2,8}))?` then the rest: longest acronym first.
fn tail_acro(s: &str, pos: usize) -> Option<Tail<'_>> {
    if let Some(w) = comma_after_ws(s, pos) {
        let w = ws_end(s, w);
        let caps = s[w..].bytes().take_while(u8::is_ascii_uppercase).count().min(8);
        for len in (2..=caps).rev() {
            if let Some(t) = tail_from(s, w + len) {
                return Some(Tail { acro: Some(&s[w..w + len]), ..t });
            }
        }
    }
    tail_from(s, pos)
}

/// `(?:\s+from\s+(?P<from>[^;()]{2,120}?)\s*,)?` then the rest.
fn tail_from(s: &str, pos: usize) -> Option<Tail<'_>> {
    let at = ws_end(s, pos);
    if at > pos && s[at..].starts_with("from") {
        let w = at + "from".len();
        // The greedy `\s+` after "from": longest first, at least one space.
        let mut start = ws_end(s, w);
        while start > w {
            let (mut p, mut n) = (start, 0);
            while n < 120 {
                match s[p..].chars().next() {
                    None | Some(';' | '(' | ')') => break,
                    Some(c) => p += c.len_utf8(),
                }
                n += 1;
                if n >= 2 && may_comma(s, p) {
                    if let Some(t) = comma_after_ws(s, p).and_then(|after| tail_verb(s, after)) {
                        return Some(Tail { from: Some(&s[start..p]), ..t });
                    }
                }
            }
            start = char_before(s, start);
        }
    }
    tail_verb(s, pos)
}

/// The rest of `TAIL`: spaces, adverbs, the speech verb.
fn tail_verb(s: &str, pos: usize) -> Option<Tail<'_>> {
    if !verb_may_follow(&s[pos..]) {
        return None;
    }
    let verb_start = pos + tail_verb_at(&s[pos..])?;
    Some(Tail { paren: None, appos: None, acro: None, from: None, verb_start })
}

/// `TAIL_VERB.captures(rest)` by hand: where its `verb` group starts. (The regex's Unicode `\b`
/// kept it off the lazy DFA: each call ran a capturing engine, ~5,000 instructions.)
///
/// `^\s+(?:adverb\s+)*(?:took\s+the\s+[Cc]hair\s+and\s+)?(?P<verb>verbs)\b`: what follows
/// each `\s+` starts with a letter, so only its longest run can lead to a match. The greedy
/// repetition of adverbs tries one more adverb first, then the "took" group present, then
/// absent; the verb's start is where the verb alternatives are tried, whichever matches.
fn tail_verb_at(rest: &str) -> Option<usize> {
    let p = ws_end(rest, 0);
    (p > 0).then(|| verb_after_adverbs(rest, p)).flatten()
}

/// `(?:adverb\s+)*(?:took\s+the\s+[Cc]hair\s+and\s+)?(?P<verb>verbs)\b` at `p`, in the
/// order the regex tries it: the verb's start.
fn verb_after_adverbs(s: &str, p: usize) -> Option<usize> {
    for a in TAIL_ADVERBS {
        if s[p..].starts_with(a) {
            let q = ws_end(s, p + a.len());
            if q > p + a.len() {
                if let Some(v) = verb_after_adverbs(s, q) {
                    return Some(v);
                }
            }
        }
    }
    let chair = s[p..]
        .starts_with("took")
        .then_some(p + "took".len())
        .and_then(|e| spaced(s, e, "the"))
        .and_then(|e| spaced(s, e, "Chair").or_else(|| spaced(s, e, "chair")))
        .and_then(|e| spaced(s, e, "and"))
        .and_then(|e| Some(ws_end(s, e)).filter(|&q| q > e));
    if let Some(q) = chair {
        if speech_verb_at(s, q) {
            return Some(q);
        }
    }
    speech_verb_at(s, p).then_some(p)
}

/// `\s+` then `word` at `i`: the end of `word`. (Only the longest run of white space can be
/// followed by a word.)
fn spaced(s: &str, i: usize, word: &str) -> Option<usize> {
    let at = ws_end(s, i);
    (at > i && s[at..].starts_with(word)).then_some(at + word.len())
}

/// A speech verb (its spaces `\s+`) then `\b` at `p`.
fn speech_verb_at(s: &str, p: usize) -> bool {
    let Some(&first) = s.as_bytes().get(p) else { return false };
    SPEECH_VERBS_BY_BYTE[usize::from(first)].iter().any(|v| {
        let mut at = p;
        for (i, w) in v.split(' ').enumerate() {
            let q = if i == 0 { at } else { ws_end(s, at) };
            if (i > 0 && q == at) || !s[q..].starts_with(w) {
                return false;
            }
            at = q + w.len();
        }
        // `\b`: a word character on one side only.
        let word = crate::fastre::is_word_char;
        let before = s[..at].chars().next_back().is_some_and(word);
        before != s[at..].chars().next().is_some_and(word)
    })
}

/// [`SPEECH_VERBS`] by first byte ([`speech_verb_at`]).
static SPEECH_VERBS_BY_BYTE: LazyLock<Vec<Vec<&'static str>>> =
    LazyLock::new(|| by_first_byte(SPEECH_VERBS.iter().copied()));

/// False when `TAIL_VERB` cannot match `rest`, decided without running it (most calls, from
/// the commas [`tail_appos`] and [`tail_from`] try, are such): its pattern is `\s+`, then an
/// adverb, "took" or a speech verb (the first word of a verb of several words).
fn verb_may_follow(rest: &str) -> bool {
    let t = rest.trim_start();
    let first = t.as_bytes().first().copied().unwrap_or(0);
    t.len() < rest.len() && TAIL_FIRST_WORDS[usize::from(first)].iter().any(|w| t.starts_with(w))
}

/// The words `TAIL_VERB` can start with (see [`verb_may_follow`]) by their first byte.
static TAIL_FIRST_WORDS: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let verbs = SPEECH_VERBS.iter().map(|v| v.split(' ').next().unwrap_or(v));
    by_first_byte(TAIL_ADVERBS.iter().copied().chain(["took"]).chain(verbs))
});

/// The adverbs `TAIL` allows before the verb, as written in its pattern.
const TAIL_ADVERBS: &[&str] = &[
    "also",
    "then",
    "further",
    "again",
    "subsequently",
    "briefly",
    "formally",
    "kindly",
    "had",
    "has",
    "have",
    "duly",
    "verbally",
    "jointly",
    "both",
];

/// False when `TAIL` cannot match `after`, decided without running it: every way through the
/// pattern starts with `\s*(`, `\s*,`, or whitespace then `from`, an adverb or a verb. Most
/// mentions have no tail, and the regex (large bounded repetitions) is slow to say so.
fn tail_may_match(after: &str) -> bool {
    let t = after.trim_start();
    if t.starts_with(['(', ',']) {
        return true;
    }
    // "Cllr X took the Chair and welcomed everyone": the welcome is the speech.
    let first = t.as_bytes().first().copied().unwrap_or(0);
    after.starts_with(char::is_whitespace) && TAIL_START_WORDS[usize::from(first)].iter().any(|w| t.starts_with(w))
}

/// The words [`tail_may_match`] looks for after white space ("from", "took the", the adverbs,
/// the speech verbs) by their first byte: only those with `t`'s first byte are compared (a
/// scan of the whole list was ~1,700 instructions a mention).
static TAIL_START_WORDS: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    by_first_byte(
        ["from", "took the"].into_iter().chain(TAIL_ADVERBS.iter().copied()).chain(SPEECH_VERBS.iter().copied()),
    )
});

static AGENT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?:read|moved|seconded|proposed|presented|introduced|tabled|declared|raised|reported|given|made|led)\s+by\s+|^\s*(?:sponsor|second|seconder|mover|proposer|proposed|seconded|moved)\s*:\s*)$")
        .expect("agent regex")
});

/// `AGENT_BEFORE` on `before` (the text before a mention), looking only at its end.
///
/// The pattern is anchored at the end, but the regex engine cannot search backwards with a
/// Unicode `\b` on non-ASCII text, so a plain `is_match` scans all of `before`: quadratic in
/// the number of mentions of a long text. Same result, bounded work: the first alternative is
/// a cue word (at most 10 characters) then `\s+by\s+` at the very end, so it starts within 12
/// characters before the last two whitespace runs; `is_match_at` keeps the context of `\b`.
/// The second alternative (`^\s*cue\s*:\s*$`) spans all of `before`, and can only match when
/// `before` trimmed is a cue of at most 8 characters and a colon.
fn agent_before(before: &str) -> bool {
    let is_ws = char::is_whitespace;
    let mut at = before.trim_end_matches(is_ws).len();
    let back = |at: usize, n: usize| before[..at].char_indices().rev().take(n).last().map_or(at, |(i, _)| i);
    at = back(at, 2); // "by"
    at = before[..at].trim_end_matches(is_ws).len();
    at = back(at, 12); // the cue word and the character before it
    if at == 0 {
        return AGENT_BEFORE.is_match(before);
    }
    if AGENT_BEFORE.is_match_at(before, at) {
        return true;
    }
    let whole = before.trim().strip_suffix(':').map(str::trim_end);
    whole.is_some_and(|w| w.chars().count() <= 8) && AGENT_BEFORE.is_match(before)
}

/// "The following Councillors declared an interest:\nCllr. D. Jenkins - Agenda Item 9 ...": a
/// mention opening a line of the list after "declared an interest ...:" declares (GOLD.md
/// "Speakers"). `before` is the text before the mention; the list runs until a blank line.
fn declared_list_before(before: &str) -> bool {
    // The mention opens a line of the list, follows the colon ("... declared an interest and
    // did not take part: Cllr. D. Jenkins - Planning ..."), or a later entry of that sentence
    // ("... (neighbour) and Cllr. H. Gwynne - ...").
    // (Looking back over blanks and bullets only: a search for the line's start would walk a
    // flattened one-line document back to its start at every mention.)
    let opens_line = before.trim_end_matches(['-', '*', '•', ' ', '\t']).ends_with('\n');
    let end = before.trim_end();
    let after_colon = end.ends_with(':');
    let next_entry = end.ends_with([',', ';']) || end.ends_with(" and");
    if !opens_line && !after_colon && !next_entry {
        return false;
    }
    let mut from = before.len().saturating_sub(600);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let window = &before[from..];
    // Every cue holds "declared": most windows have none, and are spared the four searches
    // (each builds a searcher for its cue).
    if memchr::memmem::find(window.as_bytes(), b"declared").is_none() {
        return false;
    }
    // "declared an interest", "The following was declared as an interest:", "The following
    // interests were declared:".
    let cues = ["declared an interest", "declared interests", "declared as an interest", "interests were declared"];
    let Some(cue) = cues.iter().filter_map(|c| window.rfind(c)).max() else {
        return false;
    };
    let Some(colon) = window[cue..].find(':') else { return false };
    let list = &window[cue + colon..];
    !list.contains("\n\n") && (opens_line || after_colon || !crate::segment::has_full_stop(list))
}

/// `ROLE_ONLY` was the regex
/// `^(?:\s*\((?P<paren>[^()]{2,200})\))|^(?:,\s*(?P<appos>[A-Z][^;():]{2,120}?),)`: a role in
/// brackets or an appositive right after a mention (no colon in it: "Maria Alvarez, Thomas
/// Reed and Karen Neil.\nStaff Present: City Manager David Park, ..." is a list running into
/// the next label, not a role). Returns the role text and the end of the match. By hand for
/// the reason given at `TAIL_VERB`; each alternative has one way to match
/// (the appositive: the first comma after at least two more characters).
fn role_only(after: &str) -> Option<(&str, usize)> {
    let open = ws_end(after, 0);
    if after[open..].starts_with('(') {
        if let Some(close) = bracket_run(after, open + 1, 2, 200) {
            return Some((&after[open + 1..close], close + 1));
        }
    }
    if !after.starts_with(',') {
        return None;
    }
    let start = ws_end(after, 1);
    if !after[start..].starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let mut p = start + 1;
    for n in 1..=120 {
        match after[p..].chars().next() {
            None | Some(';' | '(' | ')' | ':') => return None,
            Some(c) => p += c.len_utf8(),
        }
        if n >= 2 && after[p..].starts_with(',') {
            return Some((&after[start..p], p + 1));
        }
    }
    None
}

static ROLE_BEFORE: LazyLock<FastRegex> = LazyLock::new(|| {
    let heads = alternation(ROLE_HEADS);
    let pattern = format!(
        r"(?P<pre>(?:\b[A-Z][A-Za-z&]*\s+){{0,3}})(?P<head>(?:{heads}))(?P<run>(?:\s+(?:of|for|of the|at)?\s*[A-Z][A-Za-z&]+)+)"
    );
    FastRegex::new(&pattern).expect("role-before regex")
});

/// The role heads as plain words: every match of `ROLE_BEFORE` holds one (its `head`), so a
/// text without any has no match, and most paragraphs are spared the regex's scan.
static ROLE_HEAD_FINDER: LazyLock<aho_corasick::AhoCorasick> =
    // Leftmost-first: the vectorised (Teddy) search; only whether there is a match is asked.
    LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(ROLE_HEADS)
            .expect("role heads")
    });

/// False when `ROLE_BEFORE` cannot match `text`: each of its matches holds a head followed by
/// its run's first word (`\s+`, a connective or none, `\s*`, a capital and a letter or '&').
/// Every start of a head is visited: the leftmost-first search finds the earliest start at or
/// after `from`, and every head starting there is tried.
fn may_role_before(text: &str) -> bool {
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(m) = ROLE_HEAD_FINDER.find(aho_corasick::Input::new(b).span(from..b.len())) {
        let s = m.start();
        let mut heads = ROLE_HEADS.iter().filter(|h| b[s..].starts_with(h.as_bytes()));
        // The heads are ASCII: a head's end is a char boundary.
        if heads.any(|h| run_may_follow(&text[s + h.len()..])) {
            return true;
        }
        from = s + 1;
    }
    false
}

/// True when `rest` may start a run of `ROLE_BEFORE` (see [`may_role_before`]).
fn run_may_follow(rest: &str) -> bool {
    // `\s` is Unicode white space, as `char::is_whitespace` is.
    let word = |r: &str| {
        let r = r.as_bytes();
        r.len() >= 2 && r[0].is_ascii_uppercase() && (r[1].is_ascii_alphabetic() || r[1] == b'&')
    };
    let t = rest.trim_start_matches(char::is_whitespace);
    t.len() < rest.len()
        && (word(t)
            || ["of the", "of", "for", "at"]
                .iter()
                .any(|c| t.strip_prefix(c).is_some_and(|u| word(u.trim_start_matches(char::is_whitespace)))))
}

/// "Violence Reduction Challenge (VRC)": a phrase followed by its own initials is a thing.
fn defines_acronym(phrase: &str, after: &str) -> bool {
    let initials: String = phrase.split_whitespace().filter_map(|w| w.chars().next()).collect();
    let after = after.trim_start();
    after.strip_prefix('(').is_some_and(|a| a.starts_with(&initials) && a[initials.len()..].starts_with(')'))
}

/// True when `s` names a person (a titled name or a plausible first and last name).
fn has_person(s: &str) -> bool {
    mention_matches(s, &LazyChecked::new(s))
        .any(|(kind, m)| kind == Kind::Titled || kind == Kind::Plain && plausible_name(m.as_str()))
}

/// True when a capitalised run of words is a name, not a thing ("Kent Police", "The Office").
fn plausible_name(s: &str) -> bool {
    let mut n = 0;
    for w in s.split_whitespace() {
        if not_name_or_org(w) || w.ends_with("shire") {
            return false;
        }
        n += 1;
    }
    n >= 2
}

/// `contains(NOT_NAME_WORDS, w) || contains(ORG_WORDS, w)`, from the words of both lists
/// with `w`'s first byte and length (a few, mostly none; the binary searches compared a
/// dozen strings for every word of every candidate name).
fn not_name_or_org(w: &str) -> bool {
    let Some(&first) = w.as_bytes().first() else { return false };
    NOT_NAME_OR_ORG[usize::from(first)].iter().any(|x| x.len() == w.len() && *x == w)
}

/// The words of [`NOT_NAME_WORDS`] and [`ORG_WORDS`] by first byte.
static NOT_NAME_OR_ORG: LazyLock<Vec<Vec<&'static str>>> =
    LazyLock::new(|| by_first_byte(NOT_NAME_WORDS.iter().chain(ORG_WORDS).copied()));

fn clean_title(m: &str) -> String {
    // The words joined by single spaces, written into one buffer (no vector of words).
    let mut out = String::with_capacity(m.len());
    for w in m.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Split "Head of Community Safety, KCC" into role "Head of Community Safety", organisation
/// "KCC": the last comma-separated part is the organisation when it is an acronym or holds an
/// organisation word.
pub(crate) fn split_role(s: &str) -> (Option<String>, Option<String>) {
    let s = clean_title(s.trim().trim_end_matches([',', '.']));
    if s.is_empty() {
        return (None, None);
    }
    let is_org = |p: &str| {
        let p = p.trim();
        (p.len() >= 2 && p.len() <= 8 && p.chars().all(|c| c.is_ascii_uppercase() || c == '&'))
            || p.split_whitespace().any(|w| contains(ORG_WORDS, w.trim_matches(|c: char| !c.is_alphanumeric())))
    };
    if let Some((role, org)) = s.rsplit_once(", ") {
        if is_org(org) && !role.is_empty() {
            return (Some(role.to_string()), Some(org.to_string()));
        }
    }
    if is_org(&s) && !s.split_whitespace().any(|w| contains(ROLE_HEADS, w)) {
        return (None, Some(s));
    }
    (Some(s), None)
}

/// All person mentions in `text` (which starts at byte `base` of the source), in order.
/// The labels of a roll-call line ("AYES: ...", "Nays: ...", "Abstain: ..."), lower case.
/// ("Absent:" is no vote: it heads an attendance list, read by `attendance`.)
const ROLL_LABELS: &[&str] =
    &["abstain", "abstained", "abstaining", "abstentions", "ayes", "nays", "noes", "recused", "yeas"];

/// True when byte `at` of `text` is on a line that opens with a roll-call label and a colon.
/// Lines are looked for at most 300 bytes back: a roll line is short, and a flattened
/// document's one line would be scanned again at every mention. (So a later byte of the same
/// line answers true only when an earlier one does: callers ask a name's end only when a line
/// ends inside the name, "Mayor Hayes\nNAYS".)
fn in_roll_line(text: &str, at: usize) -> bool {
    let from = at.saturating_sub(300);
    let Some(nl) =
        memchr::memrchr(b'\n', &text.as_bytes()[from..at]).map(|i| from + i + 1).or((from == 0).then_some(0))
    else {
        return false;
    };
    let line = text[nl..at].trim_start_matches([' ', '\t', '-', '*', '•']);
    let Some((label, _)) = line.split_once(':') else { return false };
    let label = label.trim().trim_matches('*');
    label.len() <= 12 && ROLL_LABELS.iter().any(|l| label.eq_ignore_ascii_case(l))
}

pub(crate) fn mentions(text: &str, base: usize) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let mut pending: Vec<usize> = Vec::new();
    // Bytes already taken as a previous mention's role: "(Chief Inspector, Partnerships ...)"
    // holds no mention of its own.
    let mut consumed = 0;
    // One check of `text` for both regexes run on it, made if one of them runs.
    let checked = LazyChecked::new(text);
    for (kind, m) in mention_matches(text, &checked) {
        if m.start() < consumed {
            continue;
        }
        // "AYES: Councilmembers Chen, Alvarez, Mayor Hayes": voters in a roll, not speakers,
        // and the next voter is no role ("Hayes\nNAYS" is no name either).
        if in_roll_line(text, m.start()) || m.as_str().contains('\n') && in_roll_line(text, m.end()) {
            pending.clear();
            continue;
        }
        let (name, role) = match kind {
            // "Cllr Smith The" cannot happen: NAME needs lower-case letters after a capital.
            Kind::Titled => (Some(clean_title(m.as_str())), None),
            Kind::Office => {
                let words: Vec<&str> =
                    m.as_str().split_whitespace().skip(1).filter(|w| !TRANSIENT.contains(w)).collect();
                (None, Some(words.join(" ")))
            }
            Kind::Plain => {
                let p = m.as_str();
                if !plausible_name(p) || defines_acronym(p, &text[m.end()..]) {
                    pending.clear();
                    continue;
                }
                (Some(clean_title(p)), None)
            }
        };
        let after = after_mention(text, m.end());
        let mut mention = Mention {
            name,
            role,
            organisation: None,
            span: Span::new(base + m.start(), base + m.end()),
            speaks: false,
        };
        // A list "A, B and C responded": a mention right after the previous one's separator.
        let joined = out.last().is_some_and(|prev| {
            let gap = &text[prev.span.end - base..m.start()];
            matches!(gap.trim(), "," | "and" | ", and" | "&")
        });
        if !joined {
            pending.clear();
        }
        // A passive with an agent: "was read by the Vice Chair", "Moved by Commissioner Fish".
        if agent_before(&text[..m.start()])
            || super::welsh::speaks(&text[..m.start()], after)
            || declared_list_before(&text[..m.start()])
        {
            mention.speaks = true;
            pending.clear();
            out.push(mention);
            continue;
        }
        if let Some(t) = tail_may_match(after).then(|| tail(after)).flatten() {
            if speaks_by(&mut mention, &t) {
                consumed = m.end() + t.verb_start;
                for &i in &pending {
                    out[i].speaks = true;
                }
                pending.clear();
            }
        } else if mention.name.is_some() {
            if let Some((raw, end)) = role_only(after) {
                if !has_person(raw) || raw.split_whitespace().count() > 3 {
                    let (role, org) = split_role(raw);
                    mention.role = role;
                    mention.organisation = org;
                    consumed = m.end() + end;
                }
            }
            pending.push(out.len());
        }
        out.push(mention);
    }
    let mut before = roles_before_names(text, base, &out, &checked);
    // Only a role that is an office phrase of its own ("Public Works Director"), not one
    // reaching a thing ("Manager of Riverside Nurseries") or holding a title.
    let office = |r: &str| {
        let words: Vec<&str> = r.split_whitespace().collect();
        words.len() <= 3
            && words.iter().all(|w| w.starts_with(char::is_uppercase) && !contains(TITLES, w.trim_end_matches('.')))
    };
    before.retain(|(b, _)| match out.iter_mut().find(|f| f.span == b.span) {
        Some(f) => {
            if f.speaks && b.role.as_deref().is_some_and(office) {
                f.role.clone_from(&b.role);
            }
            false
        }
        None => true,
    });
    out.retain(|m| m.speaks || m.role.is_some() || !before.iter().any(|(_, whole)| whole.overlaps(m.span)));
    out.extend(before.into_iter().map(|(m, _)| m));
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out
}

/// Whether the tail `t` after `mention` makes it speak: it does unless its appositive names
/// someone with a title ("Mr A, Mr B, ..." is a list). A speaking named mention takes the role
/// in brackets, the appositive or the acronym as its role, else the "from ..." phrase as its
/// organisation. An appositive that is a passive with its agent ("F.Reid, proposed by
/// D.Cooper, seconded by ...") makes the mention the one proposed, not a speaker.
fn speaks_by(mention: &mut Mention, t: &Tail) -> bool {
    let appos_ok = t.appos.is_none_or(|a| {
        let passive = a.split_once(' ').is_some_and(|(w, rest)| w.ends_with("ed") && rest.starts_with("by "));
        !passive
            && (mention.name.is_none()
                || !mention_matches(a, &LazyChecked::new(a)).any(|(kind, _)| kind == Kind::Titled))
    });
    if !appos_ok {
        return false;
    }
    mention.speaks = true;
    let role_text = t.paren.or(t.appos).or(t.acro);
    if mention.name.is_some() {
        if let Some(r) = role_text {
            let (role, org) = split_role(r);
            mention.role = role;
            mention.organisation = org;
        } else if let Some(f) = t.from {
            mention.organisation = Some(clean_title(f));
        }
    }
    true
}

/// The text after a mention ending at `end` that the tail patterns look at: at most a few
/// hundred bytes, so that long paragraphs stay linear.
fn after_mention(text: &str, end: usize) -> &str {
    let mut cap = text.len().min(end + 600);
    while !text.is_char_boundary(cap) {
        cap -= 1;
    }
    &text[end..cap]
}

/// "T Mann asked", "BC Sampson advised", "J. Smith reported", "P.Norris gave": initials and a
/// surname without a title, speaking (a tail after it, as for any mention: [`speaks_by`]).
/// Parish minutes write their members so. `found` are the text's [`mentions`]: a name inside
/// one ("Mrs T Mann", "PC Jones") is theirs. Not after a title or a capitalised word ("Kings
/// Lynn A Smith", "Cllrs Smith, T Mann"); not a surname from the lexicon's lists ("A
/// Parishioner asked", "GK All agreed"). The name is as written; `mod.rs::Turns` resolves it
/// through the attendance list ([`initialled_name`]).
pub(crate) fn initialled_speakers(text: &str, base: usize, found: &[Mention]) -> Vec<Mention> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    // (Each step goes to the next capital at once: the other bytes start no name.)
    while let Some(k) = next_capital(b, i) {
        i = k;
        // Not right after a dot: "E.ON Energy" is no "ON Energy".
        if !b[i].is_ascii_uppercase() || !boundary_before(text, i) || i > 0 && b[i - 1] == b'.' {
            i += 1;
            continue;
        }
        let Some(end) = initials_and_surname(text, i) else {
            i += 1;
            continue;
        };
        let span = Span::new(base + i, base + end);
        let inside = found.iter().any(|m| m.span.overlaps(span));
        let before = text[..i].trim_end();
        let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let titled = contains(TITLES, prev.trim_end_matches('.'));
        // A capitalised word before, unless it ends a sentence or a label ("... Mann. T Smith").
        let capitalised =
            prev.starts_with(|c: char| c.is_uppercase()) && !prev.ends_with(['.', ':', ';', '!', '?', ')']);
        let surname = text[..end].rsplit([' ', '.']).next().unwrap_or("");
        let listed = not_name_or_org(surname)
            || surname.ends_with("shire")
            || [OFFICES, TITLES, SPEECH_VERBS].iter().any(|l| contains(l, surname));
        if inside || titled || capitalised || listed {
            i = end;
            continue;
        }
        let mut mention =
            Mention { name: Some(clean_title(&text[i..end])), role: None, organisation: None, span, speaks: false };
        let after = after_mention(text, end);
        if let Some(t) = tail_may_match(after).then(|| tail(after)).flatten() {
            if speaks_by(&mut mention, &t) {
                out.push(mention);
            }
        }
        i = end;
    }
    out
}

/// The end of initials and a surname at `i` ("T Mann", "BC Sampson", "J. R. Smith",
/// "P.Norris"): one to three initials, each a capital and a dot (spaces after it optional) or
/// a run of one or two capitals and a space (not after a dotted one: "E.ON Energy"); then a
/// surname (`NAME`).
fn initials_and_surname(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let (mut j, mut letters, mut dotted) = (i, 0, false);
    loop {
        let run = b[j..].iter().take(3).take_while(|c| c.is_ascii_uppercase()).count();
        let spaces = |k: usize| b[k..].iter().take_while(|&&c| c == b' ').count();
        let next = match b.get(j + run) {
            Some(b'.') if run == 1 => {
                dotted = true;
                j + 2 + spaces(j + 2)
            }
            Some(b' ') if (1..=2).contains(&run) && !dotted => j + run + spaces(j + run),
            _ => return None,
        };
        letters += run;
        if letters > 3 {
            return None;
        }
        if let Some(end) = name_end(text, next) {
            return Some(end);
        }
        if !b.get(next).is_some_and(u8::is_ascii_uppercase) {
            return None;
        }
        j = next;
    }
}

/// The initials and surname of a name written as [`initialled_speakers`] finds it ("T Mann"
/// → (['T'], "Mann"), "B.C. Sampson" → (['B', 'C'], "Sampson")); `None` for any other name.
pub(crate) fn initialled_name(name: &str) -> Option<(Vec<char>, &str)> {
    let end = initials_and_surname(name, 0).filter(|&e| e == name.len())?;
    let surname = name[..end].rsplit([' ', '.']).next()?;
    let initials = name[..end - surname.len()].chars().filter(char::is_ascii_uppercase).collect();
    Some((initials, surname))
}

/// "the then Chief Constable of Kent Police David Phillips", "KCC Chief Executive Mike Pitt":
/// a role phrase whose last two capitalised words are a name.
fn roles_before_names(text: &str, base: usize, found: &[Mention], checked: &LazyChecked) -> Vec<(Mention, Span)> {
    let mut out = Vec::new();
    if !may_role_before(text) {
        return out;
    }
    // Brackets opened and closed in `text[..counted]`, counted once as the matches advance.
    let (mut open, mut close, mut counted) = (0usize, 0usize, 0usize);
    for c in ROLE_BEFORE.pick_checked(checked.get()).captures_iter(text) {
        let run = c.name("run").expect("run");
        let words: Vec<(usize, &str)> = run
            .as_str()
            .split_whitespace()
            .scan(0usize, |pos, w| {
                let at = run.as_str()[*pos..].find(w).map_or(*pos, |i| *pos + i);
                *pos = at + w.len();
                Some((run.start() + at, w))
            })
            .collect();
        if words.len() < 2 {
            continue;
        }
        let (first_at, first) = words[words.len() - 2];
        let (last_at, last) = words[words.len() - 1];
        // Voters in a roll ("AYES: ..., Mayor Hayes\nNAYS: ...") are no role phrase.
        if in_roll_line(text, first_at) || text[first_at..last_at].contains('\n') && in_roll_line(text, last_at) {
            continue;
        }
        let name = format!("{first} {last}");
        // The run's connectives are no name: "Secretary of State" names nobody.
        let capital = |w: &str| w.starts_with(|ch: char| ch.is_uppercase());
        if !capital(first) || !plausible_name(&name) {
            continue;
        }
        let span = Span::new(base + first_at, base + last_at + last.len());
        // A role phrase inside brackets describes the person before the brackets.
        let start = c.get(0).expect("match").start();
        let gained = &text[counted..start];
        open += gained.matches('(').count();
        close += gained.matches(')').count();
        counted = start;
        if open > close {
            continue;
        }
        if found.iter().any(|m| m.span.start <= span.start && span.end <= m.span.end && m.role.is_some()) {
            continue;
        }
        let pre = c.name("pre").map_or("", |p| p.as_str()).trim();
        let pre = pre.strip_prefix("The ").or_else(|| pre.strip_prefix("the ")).unwrap_or(pre);
        // "CONSENT AGENDA Œ NO DISCUSSION Mayor Sam Adams": a heading in capitals (two words or
        // more, one a word of four capitals or more) before the role is no part of it; an
        // acronym is ("BCKLWN Conservation Officer"), and so is a pair ("NHS UK Chief Executive").
        let caps = |w: &str| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase());
        let words: Vec<(usize, &str)> =
            pre.split_whitespace().map(|w| (w.as_ptr() as usize - pre.as_ptr() as usize, w)).collect();
        let heading = (1..words.len()).rev().find(|&i| {
            let (a, b) = (words[i - 1].1, words[i].1);
            caps(a) && caps(b) && (a.len() >= 4 || b.len() >= 4)
        });
        let pre = heading.map_or(pre, |i| pre[words[i].0 + words[i].1.len()..].trim());
        let role_words = &text[c.name("head").expect("head").start()..first_at];
        let role = format!("{pre} {role_words}").trim().trim_end_matches(|ch: char| !ch.is_alphanumeric()).to_string();
        let role = role.trim_start_matches("then ").to_string();
        let whole = c.get(0).expect("match");
        // "Finance Director Paula Stein presented the report": the name speaks when a speech
        // verb follows it straight away (no bracket or appositive of its own).
        let after = after_mention(text, last_at + last.len());
        // Not after a title ("Chairman Cllr Jim McNeill said": the role phrase holds the title).
        let titled = role_words.split_whitespace().last().is_some_and(|w| contains(TITLES, w.trim_end_matches('.')));
        let speaks = !titled
            && tail_may_match(after)
            && tail(after).is_some_and(|t| t.paren.is_none() && t.appos.is_none() && t.acro.is_none());
        let mention = Mention { name: Some(name), role: Some(clean_title(&role)), organisation: None, span, speaks };
        out.push((mention, Span::new(base + whole.start(), base + whole.end())));
    }
    // The same name found without a role ("Public Works Director Tom Bell presented": "Tom
    // Bell" speaks) takes this one's role in `mentions`.
    out.retain(|(m, _)| !found.iter().any(|f| f.span == m.span && (f.role.is_some() || f.organisation.is_some())));
    out
}

/// Normalised key for merging mentions of one person: lower case, no dots, single spaces.
pub(crate) fn name_key(name: &str) -> String {
    // An ASCII name (most): one pass over its bytes, each word lower-cased as it is copied
    // (`to_lowercase` of ASCII is `to_ascii_lowercase`), one space before each word but the
    // first. The ASCII bytes of `char::is_whitespace` are tab to carriage return and space.
    if name.is_ascii() {
        let mut key = String::with_capacity(name.len());
        let mut space = false;
        for &c in name.as_bytes() {
            if matches!(c, b'.' | b'\t'..=b'\r' | b' ') {
                space = !key.is_empty();
            } else {
                if space {
                    key.push(' ');
                    space = false;
                }
                key.push(char::from(c.to_ascii_lowercase()));
            }
        }
        return key;
    }
    // The words between dots and whitespace, joined by one space, in one buffer (it was a copy
    // with dots replaced, a vector of words and a joined copy), then lower-cased as a whole (as
    // before: `to_lowercase` looks at the context of a final sigma).
    let mut joined = String::with_capacity(name.len());
    for word in name.split(|c: char| c == '.' || c.is_whitespace()).filter(|w| !w.is_empty()) {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(word);
    }
    joined.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mention_matches_are_the_regex_captures() {
        let mut hays = crate::fastre::sample_haystacks(
            20_000,
            &[
                "Chief Superintendent",
                "ChiefSuperintendent",
                "Det Supt",
                "T/Supt",
                "Mr.",
                "J.",
                "an",
                "An",
                "A",
                "Vice Chair",
                "Member",
                "Vice-Chairman",
                "é",
                "Andrew",
                "Yvonne",
                "Theresa",
                "Yr",
                "’r",
                "\u{a0}",
            ],
        );
        hays.extend(
            [
                "The Chair",
                "Mr Smith",
                "ChiefInspector Jones",
                "a Clerk",
                "Cllrs Fox Lee",
                "Zoë Smith and Mr Brown",
                "Hysbyswyd gan y Clerc i’r Cadeirydd a'r Is-gadeirydd, Yvonne Jones",
            ]
            .map(String::from),
        );
        let mut kinds = [0usize; 3];
        for h in &hays {
            for k in mention_matches_checked(h) {
                kinds[k as usize] += 1;
            }
        }
        assert!(kinds.iter().all(|&n| n > 500), "{kinds:?}");
    }

    /// `mention_matches` finds where matches may start by hand ([`Starts`]) and the `plain`
    /// ones by hand ([`plain_at`]): the same matches as the regex on strings made to try their
    /// edges (white space of every kind between words, "the" before lower-case offices and
    /// passing words, the name prefixes, Welsh offices, words joined by punctuation, non-ASCII
    /// word characters before a capital).
    #[test]
    fn mention_starts_find_the_regex_matches() {
        let hays = crate::fastre::sample_haystacks(
            30_000,
            &[
                NAME_PREFIX_WORDS,
                &[
                    "the",
                    "The",
                    "chairman",
                    "chair",
                    "clerk",
                    "outgoing",
                    "new",
                    "acting",
                    "deputy leader",
                    "vice-chair",
                    "vice chairman",
                    "monitoring officer",
                    "member",
                    "theme",
                    "then",
                    "Clerc",
                    "Cadeirydd",
                    "Is-gadeirydd",
                    "y",
                    "yr",
                    "Y",
                    "'r",
                    "’r",
                    "a’r",
                    "Jean-Paul",
                    "Smith-Jones",
                    "-",
                    "(Mr",
                    "“Mr",
                    "éMr",
                    "Zoë",
                    "\u{a0}",
                    "\u{3000}",
                    "\u{85}",
                    "\u{2028}",
                    "\t",
                    "\n",
                    "A",
                    "An",
                    "DCI",
                    "PC",
                    "T/Supt",
                    "Dr.",
                    "RESOLVED",
                    "KCC",
                    "_",
                    "1",
                ],
            ]
            .concat(),
        );
        let mut kinds = [0usize; 3];
        for h in &hays {
            for k in mention_matches_checked(h) {
                kinds[k as usize] += 1;
            }
        }
        assert!(kinds.iter().all(|&n| n > 500), "{kinds:?}");
    }

    /// Name prefixes and apostrophes both hand matchers' oracle tests try ("Mac", "O'Neill").
    const NAME_PREFIX_WORDS: &[&str] =
        &["Mac", "MacDonald", "Macdonald", "Mc", "McD", "McDonald", "O'Neill", "O’Brien", "O'"];

    /// `plain_at` against `PLAIN_AT` at every capital of `h`; how many matched.
    fn plain_at_checked(h: &str) -> usize {
        let mut matched = 0;
        for p in (0..h.len()).filter(|&p| h.as_bytes()[p].is_ascii_uppercase()) {
            let theirs = PLAIN_AT.find(&h[p..]).map(|m| p + m.end());
            assert_eq!(plain_at(h, p), theirs, "{h:?} at {p}");
            matched += usize::from(theirs.is_some());
        }
        matched
    }

    #[test]
    fn plain_at_is_the_regex() {
        let hays = crate::fastre::sample_haystacks(
            20_000,
            &[
                NAME_PREFIX_WORDS,
                &[
                    "O’",
                    "Jean-Paul",
                    "Smith-Jones",
                    "Smith-",
                    "D'Arcy",
                    "Ann’s",
                    "-",
                    "'",
                    "’",
                    "Ab",
                    "Cd",
                    "\u{a0}",
                    "\u{3000}",
                    "\t",
                    "\n",
                ],
            ]
            .concat(),
        );
        let matched: usize = hays.iter().map(|h| plain_at_checked(h)).sum();
        assert!(matched > 5_000, "{matched}");
    }

    /// The same on every line and paragraph of the bulk corpus (run with `--ignored`).
    #[test]
    #[ignore]
    fn plain_at_is_the_regex_on_bulk() {
        let mut matched = 0;
        let texts = crate::fastre::for_each_bulk_part(4000, |part| matched += plain_at_checked(part));
        assert!(texts > 100_000 && matched > 10_000, "{texts} {matched}");
    }

    /// `mention_matches` on `h` against the regex's captures; the kinds found.
    fn mention_matches_checked(h: &str) -> Vec<Kind> {
        let ours: Vec<_> = mention_matches(h, &LazyChecked::new(h)).map(|(k, m)| (k, m.range())).collect();
        let theirs: Vec<_> = MENTION
            .original()
            .captures_iter(h)
            .map(|c| {
                let kind = [(M_TITLED, Kind::Titled), (M_OFFICE, Kind::Office), (M_PLAIN, Kind::Plain)]
                    .into_iter()
                    .find(|&(g, _)| c.get(g).is_some())
                    .expect("one group")
                    .1;
                let g = [M_TITLED, M_OFFICE, M_PLAIN].into_iter().find_map(|g| c.get(g)).expect("group");
                assert_eq!(g.range(), c.get(0).expect("match").range(), "{h:?}");
                (kind, g.range())
            })
            .collect();
        assert_eq!(ours, theirs, "{h:?}");
        ours.into_iter().map(|(k, _)| k).collect()
    }

    /// The same on every line and paragraph of the bulk corpus (run with `--ignored`).
    #[test]
    #[ignore]
    fn mention_matches_are_the_regex_captures_on_bulk() {
        let mut kinds = [0usize; 3];
        let texts = crate::fastre::for_each_bulk_part(4000, |part| {
            for k in mention_matches_checked(part) {
                kinds[k as usize] += 1;
            }
        });
        assert!(texts > 100_000 && kinds.iter().all(|&n| n > 1_000), "{texts} {kinds:?}");
    }

    /// `office_at` against `OFFICE_AT`'s original at every start, with non-ASCII letters after
    /// the offices.
    #[test]
    fn office_at_is_the_original_regex() {
        let mut hays = crate::fastre::sample_haystacks(
            20_000,
            &[
                "the",
                "The",
                "a",
                "An",
                "Y",
                "yr",
                "’r",
                "Clerk",
                "clerkë",
                "Chairŵ",
                "Cadeirydd",
                "Clercâ",
                "é",
                "ŷ",
                "outgoing",
                "chairman",
                "Mayor",
                "Vice-Chair",
                "\u{a0}",
                "Deputy Mayor",
                "\u{2003}",
            ],
        );
        // The twin's match followed by a non-ASCII letter: the original decides.
        hays.extend(
            [
                "the Clerkë said",
                "The Chairŵ",
                "Y Cadeiryddâ",
                "yr Is-gadeiryddŷ a",
                "a Chairmané",
                "the outgoing clerkö",
            ]
            .map(String::from),
        );
        let twin = OFFICE_AT.pick_checked(Checked::proven(true));
        let (mut found, mut fallback) = (0, 0);
        for h in &hays {
            let checked = LazyChecked::new(h);
            for p in (0..h.len()).filter(|&i| h.is_char_boundary(i)) {
                let rest = &h[p..];
                let want = OFFICE_AT.original().find(rest).map(|m| m.end());
                found += usize::from(want.is_some());
                let t = twin.find_at(rest, 0).map(|m| m.end());
                fallback +=
                    usize::from(t.is_some_and(|e| {
                        rest[e..].chars().next().is_some_and(|c| !c.is_ascii() && c.is_alphanumeric())
                    }));
                assert_eq!(office_at(rest, &checked), want, "{h:?} at {p}");
            }
        }
        assert!(found > 2_000 && fallback >= 6, "{found} {fallback}");
    }

    #[test]
    fn mention_regex_twins_are_the_originals() {
        let hays = crate::fastre::sample_haystacks(20_000, &[]);
        MENTION.assert_same_as_original(&hays);
        ROLE_BEFORE.assert_same_as_original(&hays);
        let with_role = hays.iter().filter(|h| role_head_filter_holds(h)).count();
        assert!(with_role > 100, "{with_role}");
    }

    #[test]
    fn clean_title_joins_the_words() {
        let extra = [" ", "  ", "\t", "\n", "\u{a0}", "\u{2003}"];
        for h in crate::fastre::sample_haystacks(5_000, &extra) {
            assert_eq!(clean_title(&h), h.split_whitespace().collect::<Vec<_>>().join(" "), "{h:?}");
        }
    }

    #[test]
    fn not_name_or_org_is_the_binary_searches() {
        let words = NOT_NAME_WORDS.iter().chain(ORG_WORDS).chain(TITLES).chain(OFFICES).chain(SPEECH_VERBS);
        let mut variants: Vec<String> = vec![String::new(), "Smith".into(), "é".into()];
        for w in words {
            variants.extend([
                w.to_string(),
                w.to_lowercase(),
                w.to_uppercase(),
                format!("{w}s"),
                w.get(1..).unwrap_or("").to_string(),
            ]);
        }
        for v in &variants {
            assert_eq!(not_name_or_org(v), contains(NOT_NAME_WORDS, v) || contains(ORG_WORDS, v), "{v:?}");
        }
    }

    /// `may_role_before` holds wherever `ROLE_BEFORE` matches (on `h` and from each of its
    /// char boundaries); true when it matches `h`.
    fn role_head_filter_holds(h: &str) -> bool {
        let matched = ROLE_BEFORE.original().is_match(h);
        assert!(!matched || (ROLE_HEAD_FINDER.is_match(h) && may_role_before(h)), "{h:?}");
        // Each start of the short texts too (not of the bulk's parts: quadratic).
        for (i, _) in h.char_indices().skip(1).filter(|_| h.len() <= 300) {
            assert!(!ROLE_BEFORE.original().is_match(&h[i..]) || may_role_before(&h[i..]), "{:?}", &h[i..]);
        }
        matched
    }

    #[test]
    fn may_role_before_cases() {
        let hays = [
            "the Chair said",
            "Chair of the meeting",
            "Chair of the Board",
            "Chairman Smith",
            "XChair\u{2003}Of",
            "Chair atKent",
            "Chief\u{a0}Constable Jo",
            "Chair \u{2003}of\u{a0}The",
            "Chair of theX",
            "Head é Smith",
            "Mayor\n\nSmith",
            "Mayor A& B",
            "Mayor A",
            "Mayor ofK",
            "a Chairman forAb",
            "ChairChairman Xy",
            "Chai",
            "Mayor",
            "Mayor ",
        ];
        let mut matched = 0;
        for h in hays {
            matched += usize::from(role_head_filter_holds(h));
        }
        assert!(matched >= 8, "{matched}");
        for h in ["the Chair said, the Mayor of the town", "Chair of theX", "Mayor A", "Mayor ofK", "Head é Smith"] {
            assert!(!may_role_before(h), "{h:?}");
        }
    }

    /// The same on every line and paragraph of the bulk corpus (run with `--ignored`).
    #[test]
    #[ignore]
    fn role_head_filter_on_bulk() {
        let mut matched = 0;
        let texts =
            crate::fastre::for_each_bulk_part(4000, |part| matched += usize::from(role_head_filter_holds(part)));
        assert!(texts > 100_000 && matched > 1_000, "{texts} {matched}");
    }

    fn speakers(text: &str) -> Vec<(Option<String>, Option<String>, Option<String>)> {
        mentions(text, 0).into_iter().filter(|m| m.speaks).map(|m| (m.name, m.role, m.organisation)).collect()
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn titled_with_role_in_brackets() {
        assert_eq!(
            speakers("Mr Peerbux (Head of Community Safety, KCC) introduced this item"),
            vec![(s("Mr Peerbux"), s("Head of Community Safety"), s("KCC"))]
        );
    }

    #[test]
    fn appositive_and_from() {
        assert_eq!(
            speakers("Supt. Russell, Head of Partnerships and Communities for Kent Police, commented on"),
            vec![(s("Supt. Russell"), s("Head of Partnerships and Communities for Kent Police"), None)]
        );
        assert_eq!(
            speakers("Cynthia Allen from Kent, Surrey & Sussex Community Rehabilitation Company, advised the"),
            vec![(s("Cynthia Allen"), None, s("Kent, Surrey & Sussex Community Rehabilitation Company"))]
        );
        assert_eq!(speakers("1. Cynthia Allen, CRC addressed the issue"), vec![(s("Cynthia Allen"), None, s("CRC"))]);
    }

    #[test]
    fn a_courtesy_title_after_an_office_keeps_the_initials_after_it() {
        let names = |t: &str| mentions(t, 0).into_iter().filter_map(|m| m.name).collect::<Vec<_>>();
        assert_eq!(
            names("seconded by Cllr Mrs R Mendoza. Cllr Mrs Mann asked"),
            ["Cllr Mrs R Mendoza", "Cllr Mrs Mann"]
        );
        // "Dr" opening a name is no title after one.
        assert_eq!(names("Cllr Drew Smith asked"), ["Cllr Drew Smith"]);
    }

    #[test]
    fn offices_and_groups() {
        assert_eq!(speakers("The Chairman stated that"), vec![(None, s("Chairman"), None)]);
        assert_eq!(speakers("The Vice-Chairman asked whether"), vec![(None, s("Vice-Chairman"), None)]);
        assert_eq!(speakers("A Partnership Member advised that"), vec![(None, s("Partnership Member"), None)]);
        assert!(speakers("Members asked several questions. The Committee noted the report.").is_empty());
        assert!(speakers("Officers explained that").is_empty());
        // Written in lower case after "the", without a word saying when it is held.
        assert_eq!(speakers("The outgoing secretary tabled copies"), vec![(None, s("secretary"), None)]);
        assert_eq!(speakers("the clerk reported that"), vec![(None, s("clerk"), None)]);
        assert!(speakers("a member asked whether").is_empty());
    }

    #[test]
    fn two_word_verbs_in_the_verbose_pattern() {
        assert_eq!(speakers("The Chairman had spoken to the Officer"), vec![(None, s("Chairman"), None)]);
        assert_eq!(speakers("Cllr Jones paid tribute to the Clerk"), vec![(s("Cllr Jones"), None, None)]);
        assert_eq!(speakers("The Vice Chair notified the public"), vec![(None, s("Vice Chair"), None)]);
    }

    #[test]
    fn lists_of_speakers() {
        let got = speakers("Members asked several questions, Mr Beaumont, Mr Hill, Supt Russell and Mr Bone-Knell responded as follows;");
        let names: Vec<_> = got.into_iter().map(|x| x.0.unwrap()).collect();
        assert_eq!(names, vec!["Mr Beaumont", "Mr Hill", "Supt Russell", "Mr Bone-Knell"]);
    }

    #[test]
    fn initials_and_a_surname_speak() {
        let names = |t: &str| -> Vec<String> {
            let found = mentions(t, 0);
            initialled_speakers(t, 0, &found).into_iter().filter_map(|m| m.name).collect()
        };
        assert_eq!(names("T Mann asked if the fence could be repaired."), ["T Mann"]);
        assert_eq!(names("BC Sampson advised the meeting. J. R. Smith reported back."), ["BC Sampson", "J. R. Smith"]);
        assert_eq!(
            names("Minutes: P.Norris proposed and G. Clere seconded that the minutes be signed."),
            ["P.Norris", "G. Clere"]
        );
        // Titled names are `mentions`' ("Mrs T Mann", "PC Jones"); a word of the lists is no
        // surname; no dotted initial then two capitals; a capitalised word before; a passive
        // appositive. (A lone "A" is left to `Turns`: "A Parishioner asked".)
        for t in [
            "Mrs T Mann asked about the dust.",
            "PC Jones advised caution.",
            "GK All agreed.",
            "E.ON Energy confirmed the account.",
            "Kings Lynn A Smith said so.",
            "F.Reid, proposed by D.Cooper, seconded by M.Pogmore.",
            "I said that A small group said no.",
            "T Mann and the clerk",
        ] {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
        assert_eq!(initialled_name("B.C. Sampson"), Some((vec!['B', 'C'], "Sampson")));
        assert_eq!(initialled_name("Mrs T Mann"), None);
    }

    #[test]
    fn passive_agents_speak() {
        assert_eq!(
            speakers("Emergency Evacuation Procedures was read by the Vice Chair."),
            vec![(None, s("Vice Chair"), None)]
        );
        let got = speakers("Moved by Commissioner Fish and seconded by Commissioner Fritz. (Y-5)");
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn motioning_speaks() {
        let got = speakers("Councilmember Alvarez motioned to award the trail contract.");
        assert_eq!(got, vec![(s("Councilmember Alvarez"), None, None)]);
    }

    #[test]
    fn mentioned_is_not_speaking() {
        assert!(speakers("paid tribute to the work of Shirley Brinson for their work").is_empty());
        assert!(speakers("Andy Raby (Independent Chair for Domestic Homicide Reviews) was in attendance").is_empty());
        let all = mentions("Andy Raby (Independent Chair for Domestic Homicide Reviews) was in attendance", 0);
        assert_eq!(all[0].role, s("Independent Chair for Domestic Homicide Reviews"));
    }

    #[test]
    fn voters_in_a_roll_are_no_mentions() {
        let names = |t: &str| mentions(t, 0).into_iter().filter_map(|m| m.name).collect::<Vec<_>>();
        assert!(names("AYES: Councilmembers Chen, Alvarez, Mayor Hayes\nNAYS: Councilmember Reed").is_empty());
        assert!(names("- **Ayes:** Trustee Ames, Trustee Bell").is_empty());
        // Not a roll line: the label must open the line and end with a colon.
        assert_eq!(names("Councilmember Reed said the ayes had it."), ["Councilmember Reed"]);
        assert!(
            in_roll_line("x\nNoes: A", 9) && !in_roll_line("x\nNoes A", 8) && !in_roll_line("Present: Ann Lee", 10)
        );
    }

    #[test]
    fn role_before_name() {
        let all = mentions(
            "set up by the then Chief Constable of Kent Police David Phillips and KCC Chief Executive Mike Pitt.",
            0,
        );
        let got: Vec<_> = all.iter().map(|m| (m.name.clone().unwrap(), m.role.clone().unwrap())).collect();
        assert_eq!(
            got,
            vec![
                ("David Phillips".to_string(), "Chief Constable of Kent Police".to_string()),
                ("Mike Pitt".to_string(), "KCC Chief Executive".to_string())
            ]
        );
        // A heading in capitals before the role is no part of it.
        let all = mentions("CONSENT AGENDA NO DISCUSSION    Mayor Sam Adams    41 Appoint", 0);
        let got: Vec<_> = all.iter().filter_map(|m| m.role.clone()).collect();
        assert_eq!(got, ["Mayor"]);
        // The name speaks on its own and keeps the role before it.
        let got: Vec<_> =
            mentions("Public Works Director Tom Bell presented it.", 0).into_iter().map(|m| (m.name, m.role)).collect();
        assert_eq!(got, [(Some("Tom Bell".to_string()), Some("Public Works Director".to_string()))]);
        let all = mentions("an email from BCKLWN Conservation Officer Pam Lynn.", 0);
        let got: Vec<_> = all.iter().filter_map(|m| m.role.clone()).collect();
        assert_eq!(got, ["BCKLWN Conservation Officer"]);
        // A pair of acronyms is no heading.
        let all = mentions("a letter from NHS UK Chief Executive Simon Stevens.", 0);
        let got: Vec<_> = all.iter().filter_map(|m| m.role.clone()).collect();
        assert_eq!(got, ["NHS UK Chief Executive"]);
        // A connective is no first name: "Secretary of State" names nobody.
        for t in ["The Secretary of State replied.", "The Clerk of Works was asked."] {
            assert!(mentions(t, 0).iter().all(|m| m.name.is_none()), "{t}: {:?}", mentions(t, 0));
        }
    }

    #[test]
    fn a_list_of_declarations_declares() {
        let named = |t: &str| -> Vec<String> {
            mentions(t, 0).into_iter().filter(|m| m.speaks).filter_map(|m| m.name).collect()
        };
        let t = "The following Councillors declared an interest:\nCllr. D. Jenkins - Agenda Item 9\nCllr. H. Gwynne – Agenda Item 9\n\nCllr. A. Smith was thanked.";
        assert_eq!(
            named("The following was declared as an interest: Cllr Janet Taylor due to a payment."),
            ["Cllr Janet Taylor"]
        );
        assert_eq!(named("The following interests were declared:\nCllr Ann Webb - item 7\n"), ["Cllr Ann Webb"]);
        assert_eq!(named(t), ["Cllr. D. Jenkins", "Cllr. H. Gwynne"]);
        assert!(named("Cllr. A. Smith declared an interest in item 4.\nCllr. B. Jones - Agenda Item 9").len() == 1);
        let t = "The following again declared an interest and did not take part: Cllr. D. Jenkins - Planning\nApplication E/39034 (neighbour) and Cllr. H. Gwynne – Planning Application E/39039 (relative).";
        assert_eq!(named(t), ["Cllr. D. Jenkins", "Cllr. H. Gwynne"]);
        let t = "Interests: none declared an interest: see below. Later, and Cllr. B. Jones was thanked";
        assert!(named(t).is_empty(), "{:?}", named(t));
    }

    #[test]
    fn tail_prefilter_lists_the_pattern_adverbs() {
        let adverbs = format!(r"(?:(?:{})\s+)*", TAIL_ADVERBS.join("|"));
        assert!(TAIL_VERB.as_str().contains(&adverbs), "TAIL_ADVERBS out of step with TAIL_VERB");
        for (after, tail) in [
            (" said that", true),
            (" took the Chair and welcomed everyone", true),
            (" took the Chair.", false),
            (" (Head of X) reported", true),
            (", Clerk, noted", true),
            (" from KCC, advised", true),
            (" also said", true),
            (" and Mr B said", false),
            ("said", false),
            (".", false),
        ] {
            assert_eq!(super::tail(after).is_some(), tail, "{after}");
            assert!(tail_may_match(after) || !tail, "{after}");
        }
    }

    /// The regex `tail` replaced (see `TAIL_VERB`), as it was.
    fn old_tail(after: &str) -> Option<Tail<'_>> {
        static OLD: LazyLock<Regex> = LazyLock::new(|| {
            let verbs = verb_alternation();
            let pattern = format!(
                r"(?x)^
                (?:\s*\((?P<paren>[^()]{{2,200}})\))?
                (?:\s*,\s*(?P<appos>(?:[^;()]|\([^()]{{1,40}}\)){{2,160}}?)\s*,)?
                (?:\s*,\s*(?P<acro>[A-Z]{{2,8}}))?
                (?:\s+from\s+(?P<from>[^;()]{{2,120}}?)\s*,)?
                \s+(?:(?:also|then|further|again|subsequently|briefly|formally|kindly|had|has|have|duly|verbally|jointly|both)\s+)*
                (?:took\s+the\s+[Cc]hair\s+and\s+)?
                (?P<verb>(?:{verbs}))\b"
            );
            // (The "took the Chair and" group was added to both in session 7.)
            Regex::new(&pattern).expect("tail regex")
        });
        let c = OLD.captures(after)?;
        let text = |name| c.name(name).map(|m| m.as_str());
        Some(Tail {
            paren: text("paren"),
            appos: text("appos"),
            acro: text("acro"),
            from: text("from"),
            verb_start: c.name("verb").expect("verb").start(),
        })
    }

    /// The regex `role_only` replaced, as it was.
    fn old_role_only(after: &str) -> Option<(&str, usize)> {
        static OLD: LazyLock<Regex> = LazyLock::new(|| {
            // With the rule added since: no colon in the appositive (", Tim Cole\n\n**Regrets:** ...").
            Regex::new(r"^(?:\s*\((?P<paren>[^()]{2,200})\))|^(?:,\s*(?P<appos>[A-Z][^;():]{2,120}?),)").expect("role")
        });
        let r = OLD.captures(after)?;
        Some((r.name("paren").or(r.name("appos")).map_or("", |x| x.as_str()), r.get(0).map_or(0, |x| x.end())))
    }

    /// Strings made of pieces that exercise every branch and bound of the old patterns.
    fn generated(cases: usize) -> Vec<String> {
        let long = |c: &str, n: usize| c.repeat(n);
        let pieces: Vec<String> = vec![
            " ".into(),
            "  ".into(),
            "\u{a0}".into(),
            "\n".into(),
            ",".into(),
            ", ".into(),
            " ,".into(),
            "(".into(),
            ")".into(),
            ";".into(),
            "A".into(),
            "KCC".into(),
            "ABCDEFGHIJ".into(),
            "x".into(),
            "é".into(),
            "ŵ".into(),
            "’".into(),
            "from".into(),
            " from ".into(),
            "fromage".into(),
            " said".into(),
            "said".into(),
            " saidx".into(),
            " said é".into(),
            " also".into(),
            " then ".into(),
            " reported".into(),
            " asked".into(),
            "Head of X".into(),
            " Mr B".into(),
            "_".into(),
            "1".into(),
            long("x", 1),
            long("y", 38),
            long("y", 39),
            long("z", 40),
            long("é", 41),
            long("w", 118),
            long("é", 119),
            long("v", 120),
            long("u", 158),
            long("é", 159),
            long("t", 198),
            long("é", 199),
            long("s", 200),
            long("a ", 30),
            long("(ab) ", 40),
        ];
        let mut next = crate::fastre::xorshift(0x9E37_79B9_7F4A_7C15u64);
        // Half the strings are random runs of pieces; half follow the shape of the pattern
        // (bracket, appositive, acronym, "from", verb), each part present, absent or damaged.
        let parts: [&[&str]; 5] = [
            &["", " (Head of X)", "(x)", " (", " ()", " (é)", "\u{a0}(Chief, KCC)", " (a(b)c)"],
            &["", ", Clerk,", ",  Head of X ,", ", A (b), C,", ", x;y,", ", (a) ,", ", é,", ",x,y,"],
            &["", ", KCC", ",AB", ", ABCDEFGHIJ", ", A", ", kcc", ", ABé"],
            &["", " from Kent,", " from  é x ,", " from x;y,", " fromx,", " from a, b,", " from (x),"],
            &[" said", " also said", " then  reported", " saidx", "said", " asked é", " both also noted", ""],
        ];
        (0..cases)
            .map(|i| {
                if i % 2 == 0 {
                    let n = 1 + (next() % 12) as usize;
                    return (0..n).map(|_| pieces[(next() % pieces.len() as u64) as usize].as_str()).collect();
                }
                let mut s = String::new();
                for part in parts {
                    s.push_str(part[(next() % part.len() as u64) as usize]);
                    if next() % 4 == 0 {
                        s.push_str(&pieces[(next() % pieces.len() as u64) as usize]);
                    }
                }
                s
            })
            .collect()
    }

    #[test]
    fn tail_is_the_old_regex() {
        let fixed = [
            " (Head of Community Safety, KCC) introduced",
            ", Head of Partnerships and Communities for Kent Police, commented on",
            " from Kent, Surrey & Sussex Community Rehabilitation Company, advised the",
            ", CRC addressed the issue",
            ",  Clerk, said",
            " (a) (b) said",
            ", A (b), C, said",
            ", AB, from X, said",
        ];
        let (mut tails, mut roles) = ([0; 5], 0);
        for after in fixed.iter().map(|s| s.to_string()).chain(generated(20_000)) {
            let t = tail(&after);
            assert_eq!(t, old_tail(&after), "{after:?}");
            if let Some(t) = t {
                tails[0] += 1;
                for (i, group) in [t.paren, t.appos, t.acro, t.from].into_iter().enumerate() {
                    tails[i + 1] += usize::from(group.is_some());
                }
            }
            let r = role_only(&after);
            assert_eq!(r, old_role_only(&after), "{after:?}");
            roles += usize::from(r.is_some());
        }
        // The generated strings reach every group, not only failures.
        assert!(tails.iter().all(|&n| n >= 20) && roles >= 100, "{tails:?} {roles}");
    }

    /// `next_capital` finds the first ASCII capital, at every start of varied bytes.
    #[test]
    fn next_capital_is_the_first_capital() {
        let mut next = crate::fastre::xorshift(0x9E37_79B9_7F4A_7C15u64);
        for n in 0..200 {
            let b: Vec<u8> =
                (0..n % 40).map(|_| [b'A', b'Z', b'@', b'[', b'a', 0xC1, 0xDA, b' '][(next() % 8) as usize]).collect();
            for i in 0..=b.len() {
                assert_eq!(next_capital(&b, i), (i..b.len()).find(|&k| b[k].is_ascii_uppercase()), "{b:?} {i}");
            }
        }
    }

    /// `tail_verb_at` against its oracle `TAIL_VERB` at every start of generated strings of
    /// white space, adverbs, "took the Chair and", every speech verb (its spaces varied) and
    /// what may follow a verb (a word character or not).
    #[test]
    fn tail_verb_is_the_regex() {
        for v in SPEECH_VERBS {
            assert!(v.split(' ').all(|w| !w.is_empty() && !w.contains(char::is_whitespace)), "{v:?}");
        }
        let mut pieces: Vec<String> = [
            " ",
            "  ",
            "\n",
            "\u{a0}",
            "\t",
            "x",
            "é",
            "ŵ",
            ".",
            ",",
            "_",
            "1",
            "’",
            "took",
            "the",
            "Chair",
            "chair",
            "and",
            "took the Chair and",
            "took  the\nchair and",
            "tookthe",
            "spoken",
            "saidx",
            "Said",
        ]
        .iter()
        .map(|p| p.to_string())
        .collect();
        pieces.extend(TAIL_ADVERBS.iter().map(|a| a.to_string()));
        pieces.extend(SPEECH_VERBS.iter().map(|v| v.to_string()));
        pieces.extend(SPEECH_VERBS.iter().filter(|v| v.contains(' ')).map(|v| v.replace(' ', " \n\u{a0}")));
        pieces.extend(SPEECH_VERBS.iter().filter(|v| v.contains(' ')).map(|v| v.replace(' ', "")));
        let mut next = crate::fastre::xorshift(0x2545_F491_4F6C_DD1Du64);
        let (mut found, mut later) = (0, 0);
        for _ in 0..20_000 {
            let n = 1 + (next() % 12) as usize;
            let s: String = (0..n)
                .map(|_| {
                    // A space before most pieces: the shape of the pattern.
                    let space = if next() % 3 > 0 { " " } else { "" };
                    format!("{space}{}", pieces[(next() % pieces.len() as u64) as usize])
                })
                .collect();
            for (i, _) in s.char_indices() {
                let rest = &s[i..];
                let old = TAIL_VERB.captures(rest).map(|c| c.get(1).expect("verb group").start());
                assert_eq!(tail_verb_at(rest), old, "{rest:?}");
                found += usize::from(old.is_some());
                later += usize::from(old.is_some_and(|v| v > ws_end(rest, 0)));
            }
        }
        // The strings reach matches, and matches after adverbs or "took the Chair and".
        assert!(found >= 1000 && later >= 100, "{found} {later}");
    }

    /// The same over the text after every mention in the shared bulk corpus (slow; run with
    /// `cargo test --release -- --ignored tail_is_the_old_regex_on_bulk`).
    #[test]
    #[ignore]
    fn tail_is_the_old_regex_on_bulk() {
        let files = crate::fastre::bulk_text_files();
        let mut checked = 0;
        for f in files {
            let text = String::from_utf8_lossy(&std::fs::read(&f).expect("read")).into_owned();
            for c in MENTION.captures_iter(&text) {
                let m = c.get(0).expect("match");
                let mut cap = text.len().min(m.end() + 600);
                while !text.is_char_boundary(cap) {
                    cap -= 1;
                }
                let after = &text[m.end()..cap];
                assert_eq!(tail(after), old_tail(after), "{f:?}: {after:?}");
                assert_eq!(role_only(after), old_role_only(after), "{f:?}: {after:?}");
                checked += 1;
            }
        }
        assert!(checked > 0);
    }

    #[test]
    fn name_keys_ignore_dots() {
        assert_eq!(name_key("Supt. Russell"), name_key("Supt Russell"));
        let old = |name: &str| name.replace('.', " ").split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        let mut hays = crate::fastre::sample_haystacks(
            5_000,
            &[".", "..", " . ", "ΟΔΥΣΣΕΥΣ", "Σ.", "J.R.", "\u{2028}", "\u{b}", "\u{c}"],
        );
        hays.extend(
            ["", " ", ".", "A.B", "ΣΑΣ Σ", "Ǆ.ǅ", "\u{b}A\u{c}b.\r", "Mr. J.R. O'Neill-Smith "].map(String::from),
        );
        for h in &hays {
            assert_eq!(name_key(h), old(h), "{h:?}");
        }
    }
}

/// Labels naming a person's part rather than the person ("Presenter: Kevin Gibbons (KG)").
/// Presenting, proposing and seconding are speaking (GOLD.md). Sorted: `contains` bisects.
const PART_LABELS: &[&str] = &["Mover", "Presenter", "Presenters", "Proposer", "Second", "Seconder", "Sponsor"];

/// A name run on into the next cue ("Ann Smith Second", "Cllr C Hardy Seconded"): the name
/// without it. `None` when the last word is no part label or "Seconded".
pub(crate) fn before_trailing_cue(name: &str) -> Option<&str> {
    let (head, last) = name.rsplit_once(' ')?;
    (contains(PART_LABELS, last) || last == "Seconded").then_some(head)
}

/// The person written right after a part label, up to the end of the line, a bracket, a comma
/// or a sentence's full stop: "Cllr P Norris" in "Proposer: Cllr P Norris. 2nd: Cllr G Key".
fn named_after_label(text: &str, from: usize, base: usize) -> Option<Mention> {
    let rest = &text[from..];
    let mut line = &rest[..rest.find(['\n', '(', ',', ';', '[', '*', ':']).unwrap_or(rest.len())];
    // "Sponsor: Avi Douglen Second: Matt Tesauro": the next label ends the name.
    if rest[line.len()..].starts_with(':') {
        if let Some(head) = before_trailing_cue(line.trim_end()) {
            line = head;
        }
    }
    // A full stop ends the name unless it follows an initial or a title ("Cllr P. Norris").
    let mut end = line.len();
    for (i, _) in line.match_indices('.') {
        let word = line[..i].rsplit(' ').next().unwrap_or("");
        if word.chars().count() >= 2 && !contains(TITLES, word) {
            end = i;
            break;
        }
    }
    let raw = line[..end].trim_end();
    let lead = raw.len() - raw.trim_start().len();
    let name = clean_title(raw);
    let words: Vec<&str> = name.split_whitespace().collect();
    let titled = words.len() >= 2 && contains(TITLES, words[0].trim_end_matches('.'));
    if words.len() > 5 || !(titled || plausible_name(&name)) {
        return None;
    }
    let start = base + from + lead;
    Some(Mention {
        name: Some(name),
        role: None,
        organisation: None,
        span: Span::new(start, base + from + raw.len()),
        speaks: true,
    })
}

/// Answers in a roll call ("Sherif Mansour:  Yay"), lower case.
pub(crate) const ROLL_CALL_ANSWERS: &[&str] =
    &["yay", "yea", "yes", "no", "nay", "aye", "abstain", "abstained", "no vote", "for", "against", "absent"];

/// A speaker turn at the start of a paragraph: "MB: ...", "**Bert**: ...", "> *Ric Wright:* ...",
/// "Mr David Hanson (Delyn) (Lab): ...", "The Secretary of State for ... (Mr William Hague): ...",
/// "Adams: ...". Returns the mention and whether it is a single bare word (which the caller
/// accepts only when the same label recurs).
///
/// `spoken` says the text is a transcript: there "Fish: Aye." is a person speaking, while in
/// written minutes it is a vote recorded in a roll.
/// The label of a link in a list of links ("Node.js Foundation Calendar", "GitHub Issue",
/// "Original Minutes Google Doc"), not a name: a word with a dot inside, or a last word
/// that names a kind of document. A person posting a link in chat ("Marisa DeMeglio:
/// <https://...>") still speaks.
fn link_label(words: &[&str]) -> bool {
    const KINDS: &[&str] = &[
        "Agenda",
        "Audio",
        "Calendar",
        "Doc",
        "Document",
        "Issue",
        "Link",
        "Links",
        "Minutes",
        "Notes",
        "Recording",
        "Repo",
        "Repository",
        "Slides",
        "Spreadsheet",
        "Video",
    ];
    words.iter().any(|w| w.trim_end_matches('.').contains('.')) || words.last().is_some_and(|w| KINDS.contains(w))
}

/// Text that is one link and nothing else: "<https://...>", "https://...", "[text](url)".
fn only_a_link(s: &str) -> bool {
    let s = s.trim();
    let angle = s.starts_with("<http") && s.ends_with('>') && !s.contains(' ');
    let bare = (s.starts_with("http://") || s.starts_with("https://")) && !s.contains(char::is_whitespace);
    let md = s.starts_with('[') && s.ends_with(')') && s.find("](").is_some_and(|p| !s[p + 2..].contains(' '));
    angle || bare || md
}

pub(crate) fn turn_in(text: &str, base: usize, spoken: bool) -> Option<(Mention, bool)> {
    let c = turn_label(text)?;
    // "Sherif Mansour:  Yay" is a vote in a roll call, not a speaker turn (GOLD.md). Compared
    // without lower-casing a copy of the paragraph: the words are lower-case ASCII, and
    // `eq_ignore_ascii_case` is `to_ascii_lowercase` then `==` for them.
    let said = text[c.end()..].trim().trim_end_matches('.');
    if !spoken && ROLL_CALL_ANSWERS.iter().any(|w| said.eq_ignore_ascii_case(w)) {
        return None;
    }
    // The match ends with one whitespace character, which may be multibyte (NBSP).
    let label_end = text[..c.end()].char_indices().next_back().map_or(0, |(i, _)| i);
    let span = Span::new(base, base + label_end.min(text.len()));
    if let (Some(office), Some(name)) = (c.get(T_OFFICE), c.get(T_ONAME)) {
        let mention = Mention {
            name: Some(clean_title(name)),
            role: Some(clean_title(office)),
            organisation: None,
            span,
            speaks: true,
        };
        return Some((mention, false));
    }
    let raw = c.get(T_BOLD).or(c.get(T_BOLD2)).or(c.get(T_IT)).or(c.get(T_IT2)).or(c.get(T_NAME)).or(c.get(T_RNAME))?;
    let name = clean_title(raw.trim());
    // "Presenter: Chris de Almeida (CDA)", "Sponsor: Joubin Jabbari": the label names the
    // part; the person after it is the one who speaks.
    if contains(PART_LABELS, &name) {
        return named_after_label(text, c.end(), base).map(|m| (m, false));
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || crate::segment::labels::NOT_TURNS.contains(&words[0]) || contains(NOT_NAME_WORDS, &name) {
        return None;
    }
    // "* **Node.js Foundation Calendar**: <https://nodejs.org/calendar>": a link labelled, not
    // words said.
    if only_a_link(said.lines().next().unwrap_or("")) && link_label(&words) {
        return None;
    }
    let titled = words.len() >= 2 && contains(TITLES, words[0].trim_end_matches('.'));
    let initials = words.len() == 1 && (2..=5).contains(&name.len()) && name.chars().all(|ch| ch.is_ascii_uppercase());
    // "Optional Call: `callback??(null)` maps to ...": a term defined by code, not a speaker
    // (a marked label, "> *Dave Cramer:* `{...}`", is one; so is a single name, "Chris:").
    let marked_label = c.get(T_BOLD).or(c.get(T_BOLD2)).or(c.get(T_IT)).or(c.get(T_IT2)).is_some();
    if words.len() >= 2 && !titled && !marked_label && text[c.end()..].trim_start().starts_with('`') {
        return None;
    }
    let plain = plausible_name(&name);
    let marked = c.get(T_BOLD).or(c.get(T_BOLD2)).or(c.get(T_IT)).or(c.get(T_IT2)).is_some();
    let single = words.len() == 1 && !initials;
    if !(titled || initials || plain || single || marked && words.len() <= 4) {
        return None;
    }
    if words.len() > 1 && !titled && !plain && !marked {
        return None;
    }
    if c.get(T_RNAME).is_some() && !plain {
        return None;
    }
    let (role, organisation) = match (c.get(T_C1).or(c.get(T_C3)), c.get(T_C2)) {
        (Some(a), Some(b)) => (Some(a.to_string()), Some(b.to_string())),
        (Some(a), None) => split_role(a),
        _ => (None, None),
    };
    let mention = Mention { name: Some(name), role, organisation, span, speaks: true };
    Some((mention, single && !marked))
}

#[cfg(test)]
mod turn_tests {
    use super::*;

    fn t(s: &str) -> Option<(Option<String>, Option<String>, bool)> {
        turn_in(s, 0, false).map(|(m, single)| (m.name, m.role, single))
    }

    #[test]
    fn group_numbers_match_names() {
        let names = |re: &Regex| re.capture_names().map(|n| n.map(str::to_string)).collect::<Vec<_>>();
        // FastRegex's ASCII twin differs only in `\b`, so it numbers groups the same way.
        let mention = names(&Regex::new(MENTION.as_str()).expect("mention"));
        assert_eq!(mention, [None, Some("titled".into()), Some("office".into()), Some("plain".into())]);
        assert_eq!(names(&TAIL_VERB), [None, Some("verb".into())]);
        assert_eq!((M_TITLED, M_OFFICE, M_PLAIN), (1, 2, 3));
    }

    #[test]
    fn turns() {
        assert_eq!(t("MB: With the updates"), Some((Some("MB".into()), None, false)));
        assert_eq!(t("**Bert**: Discussed adding WG"), Some((Some("Bert".into()), None, false)));
        assert_eq!(t("> *Ric Wright:* I agree"), Some((Some("Ric Wright".into()), None, false)));
        assert_eq!(
            t("Mr David Hanson (Delyn) (Lab): What"),
            Some((Some("Mr David Hanson".into()), Some("Delyn".into()), false))
        );
        assert_eq!(
            t("The Secretary of State for Foreign and Commonwealth Affairs (Mr William Hague): The"),
            Some((
                Some("Mr William Hague".into()),
                Some("Secretary of State for Foreign and Commonwealth Affairs".into()),
                false
            ))
        );
        assert_eq!(t("Adams: Good morning"), Some((Some("Adams".into()), None, true)));
        assert_eq!(t("Note: the hall is booked"), None);
        assert_eq!(t("The Chairman said that"), None);
        assert_eq!(t("Great Mans Way: text"), None);
    }

    #[test]
    fn part_labels_name_the_person_after_them() {
        assert_eq!(t("Presenter: Chris de Almeida (CDA)"), Some((Some("Chris de Almeida".into()), None, false)));
        assert_eq!(t("Presenter: Kevin Gibbons (KG)"), Some((Some("Kevin Gibbons".into()), None, false)));
        assert_eq!(
            t("Sponsor: Joubin Jabbari\nSecond: Vandana Verma"),
            Some((Some("Joubin Jabbari".into()), None, false))
        );
        assert_eq!(
            t("Proposer: Cllr P. Norris. 2nd: Cllr G Koopowitz."),
            Some((Some("Cllr P. Norris".into()), None, false))
        );
        let m = turn_in("Second: Vandana Verma", 10, false).expect("turn").0;
        assert_eq!(m.span, Span::new(18, 31), "the span is the name's");
        assert_eq!(t("Sponsor: TBA"), None);
        assert_eq!(t("Sponsor: Avi Douglen Second: Matt Tesauro"), Some((Some("Avi Douglen".into()), None, false)));
        assert_eq!(
            t("**Sponsor:** Ricardo Griffith **Second:** Avi Douglen"),
            Some((Some("Ricardo Griffith".into()), None, false))
        );
        assert_eq!(t("Background: Previously, honorary membership was"), None);
        assert_eq!(t("Revenue: On an accrual basis"), None);
        assert_eq!(t("Optional Call: `callback??(null)` maps to"), None);
        assert_eq!(t("WH: `a?.b` is fine"), Some((Some("WH".into()), None, false)));
        assert_eq!(t("> *Dave Cramer:* `{\"href\": \"c.html\"}`"), Some((Some("Dave Cramer".into()), None, false)));
        assert!(PART_LABELS.windows(2).all(|w| w[0] < w[1]), "sorted for contains");
        // A labelled link is no turn; a person posting a link in chat speaks.
        assert_eq!(t("**Node.js Foundation Calendar**: <https://nodejs.org/calendar>\nClick to add"), None);
        assert_eq!(t("**GitHub Issue**: <https://github.com/nodejs/TSC/issues/963>"), None);
        assert_eq!(
            t("*Marisa DeMeglio:* <https://github.com/w3c/pub-manifest/pull/1>"),
            Some((Some("Marisa DeMeglio".into()), None, false))
        );
    }
}
