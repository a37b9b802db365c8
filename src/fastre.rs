//! A [`Regex`] with Unicode word boundaries and classes that stays on the fast engines.
//!
//! The `regex` crate's lazy DFA cannot evaluate a Unicode `\b`: on the first non-ASCII byte of
//! a haystack it gives up and the search falls back to the PikeVM or the bounded backtracker,
//! 10–50 times slower. Minutes are full of non-ASCII bytes (curly quotes, dashes, `£`, NBSP),
//! so most searches with `\b` took the slow path (profile: about half of all instructions).
//!
//! A Unicode `\b` and an ASCII `(?-u:\b)` only differ next to a non-ASCII *word* character
//! (a letter such as `é`, `ŵ`, a non-ASCII digit...): ASCII `[0-9A-Za-z_]` are word characters
//! under both, and every other character is a non-word character under both. Likewise a
//! Unicode `\w` and `[0-9A-Za-z_]` (and `\d`, Unicode decimal digits, all of them word
//! characters, and `[0-9]`; and their negations `\W`, `\D`) only differ on non-ASCII word
//! characters. So on a haystack with no non-ASCII word character the original regex and its
//! twin, with these written in their ASCII forms, match exactly the same spans with the same
//! groups. The twin is much smaller: a Unicode `\w` is hundreds of UTF-8 byte ranges, which
//! made every lazy-DFA state expensive to build (profile: `OWNER_TO`'s reverse search, which
//! finds where a match starts, built new states all the time on varied text). `\s` stays
//! Unicode (a small class, and NBSP, a non-ASCII space, is common). [`FastRegex`] keeps both
//! and picks the twin when the haystack allows it, the original otherwise: the results are
//! those of the original pattern, always.
//!
//! On the other haystacks the original runs, and a Unicode `\b` keeps it off the lazy DFA:
//! the PikeVM scans the whole haystack (a few documents' long texts cost about a tenth of all
//! instructions). There [`FastRegex`] first runs a *relaxed* form of the original, with its
//! boundaries `\b` and `\B` removed: it matches wherever the original does (an assertion
//! removed only allows more), and it has no Unicode boundary, so it stays on the lazy DFA.
//! The original cannot match before the relaxed form's leftmost match, so it is run from
//! there (`captures_at` keeps the context before the start): no match of the relaxed form, no
//! search of the original; otherwise the slow engine starts at the first place where a match
//! may start, and stops at the match.

use std::sync::OnceLock;

use regex::{CaptureMatches, Captures, Match, Regex};
use regex_syntax::hir::{Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, LookSet, Repetition};

/// True when Unicode and ASCII word boundaries and word classes agree everywhere in `hay`: no
/// non-ASCII character that `\w` matches (`is_word_character` is the regex crate's `\w`).
///
/// Only the non-ASCII characters are decoded: runs of ASCII are skipped 16 bytes at a time
/// (`<[u8]>::is_ascii` reads words), then a byte at a time up to the next non-ASCII byte.
fn ascii_forms_agree(hay: &str) -> bool {
    let b = hay.as_bytes();
    let mut i = 0;
    loop {
        while i + 16 <= b.len() && b[i..i + 16].is_ascii() {
            i += 16;
        }
        match b[i..].iter().position(|&x| !x.is_ascii()) {
            None => return true,
            Some(k) => i += k,
        }
        let c = hay[i..].chars().next().expect("a character at a non-ASCII byte that starts one");
        if regex_syntax::is_word_character(c) {
            return false;
        }
        i += c.len_utf8();
    }
}

/// `\w` of the `regex` crate for one character (`regex_syntax::is_word_character`), with
/// ASCII decided at once: that function only short-cuts the ASCII word characters and
/// searches its Unicode table for every other character, spaces and punctuation included.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        regex_syntax::is_word_character(c)
    }
}

/// `\b` and `\B` outside character classes, and `\w`, `\W`, `\d`, `\D` anywhere, written as
/// their ASCII forms (the classes as nested classes, which mean the same inside a class).
fn ascii_twin(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut chars = pattern.chars();
    let mut class_depth = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(b @ ('b' | 'B')) if class_depth == 0 => {
                    out.push_str("(?-u:\\");
                    out.push(b);
                    out.push(')');
                }
                Some('w') => out.push_str("[0-9A-Za-z_]"),
                Some('W') => out.push_str("[^0-9A-Za-z_]"),
                Some('d') => out.push_str("[0-9]"),
                Some('D') => out.push_str("[^0-9]"),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            },
            '[' => {
                class_depth += 1;
                out.push(c);
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// The relaxed form of `pattern` (module documentation), printed from its syntax tree: its
/// Unicode word boundaries removed, its groups made plain (only where a match starts is asked
/// of it; a repeated part is a group), and its large classes (`\w`, `\d`, and what holds them) widened to all
/// non-ASCII characters, which are cheap for the lazy DFA to build states for. It matches
/// wherever the original does: it only drops assertions and widens classes.
#[cfg(test)]
fn relaxed_form(pattern: &str) -> Option<String> {
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    Some(relax(&hir).to_string())
}

/// See [`relaxed_form`].
fn relax(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Look(look) if LookSet::singleton(*look).contains_word_unicode() => Hir::empty(),
        HirKind::Class(Class::Unicode(c)) if c.ranges().len() > 16 => {
            let mut wide = c.clone();
            wide.union(&ClassUnicode::new([ClassUnicodeRange::new('\u{80}', char::MAX)]));
            Hir::class(Class::Unicode(wide))
        }
        // The repeated part in a group: printed bare, a repetition of a repetition ("a{1,3}"
        // made optional) would read as a lazy one ("a{1,3}?").
        HirKind::Repetition(r) => {
            let group = Capture { index: 1, name: None, sub: Box::new(relax(&r.sub)) };
            Hir::repetition(Repetition { sub: Box::new(Hir::capture(group)), ..r.clone() })
        }
        HirKind::Capture(c) => relax(&c.sub),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(relax).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(relax).collect()),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => hir.clone(),
    }
}

/// A regex and, when it has word boundaries or word classes, its twin with their ASCII forms
/// and its relaxed form (see the module documentation). The methods have the meaning of
/// [`Regex`]'s.
#[derive(Debug)]
pub(crate) struct FastRegex {
    /// The original, compiled on first use when there is a twin (most haystacks take the twin,
    /// and a process may never need the original: compiling it is most of the cost).
    unicode: OnceLock<Regex>,
    /// The relaxed form, compiled on first use, for the haystacks that need the original.
    /// Only when [`FastRegex::guided`].
    relaxed: OnceLock<Regex>,
    /// The relaxed form's pattern when there is a twin and the pattern cannot match an empty
    /// string (the guided searches step from the end of one match to the next; an empty match
    /// would need the `regex` iterators' rules for empty matches).
    guided: Option<String>,
    pattern: String,
    ascii: Option<Regex>,
}

impl FastRegex {
    pub(crate) fn new(pattern: &str) -> Result<FastRegex, regex::Error> {
        let twin = ascii_twin(pattern);
        let unicode = OnceLock::new();
        let syntax = |p: &str| regex_syntax::Parser::new().parse(p).map_err(|e| regex::Error::Syntax(e.to_string()));
        let (ascii, guided) = if twin == pattern {
            let _ = unicode.set(Regex::new(pattern)?);
            (None, None)
        } else {
            // The original is valid when its twin is (the twin only narrows classes and
            // boundaries); still, check its syntax now so that errors surface here.
            let hir = syntax(pattern)?;
            let nonempty = hir.properties().minimum_len().is_some_and(|n| n > 0);
            (Some(Regex::new(&twin)?), nonempty.then(|| relax(&hir).to_string()))
        };
        Ok(FastRegex { unicode, relaxed: OnceLock::new(), guided, pattern: pattern.to_string(), ascii })
    }

    /// The regex to run on `hay`: same results, faster engine when possible. Only for searches
    /// of `hay` itself (and of no other haystack); the check scans `hay`, so pick once for many
    /// searches of one haystack.
    pub(crate) fn pick(&self, hay: &str) -> Picked<'_> {
        self.pick_checked(Checked::new(hay))
    }

    /// [`FastRegex::pick`] for a haystack already checked.
    pub(crate) fn pick_checked(&self, hay: Checked) -> Picked<'_> {
        match &self.ascii {
            Some(a) if hay.agree => Picked { re: a, relaxed: None },
            _ => Picked { re: self.unicode(), relaxed: self.guided.as_ref().map(|r| self.relaxed(r)) },
        }
    }

    /// The original regex (compiled on first use).
    fn unicode(&self) -> &Regex {
        self.unicode.get_or_init(|| Regex::new(&self.pattern).expect("the original of a valid twin"))
    }

    /// The relaxed form (compiled on first use from `pattern`, its printed syntax tree).
    fn relaxed(&self, pattern: &str) -> &Regex {
        self.relaxed.get_or_init(|| Regex::new(pattern).expect("a printed syntax tree is a valid pattern"))
    }

    /// The original regex.
    #[cfg(test)]
    pub(crate) fn original(&self) -> &Regex {
        self.unicode()
    }

    /// The original pattern.
    #[cfg(test)]
    pub(crate) fn as_str(&self) -> &str {
        self.pattern.as_str()
    }

    /// Test oracle: on every haystack, the same matches with the same groups as the original
    /// pattern, whichever way [`FastRegex::pick`] went; the twin chosen for most haystacks;
    /// and every match of the original a match of the relaxed form at the same start (the
    /// relaxed form never rules out a real match).
    #[cfg(test)]
    pub(crate) fn assert_same_as_original(&self, hays: &[String]) {
        type Groups = Vec<Vec<Option<std::ops::Range<usize>>>>;
        let groups = |c: Captures| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>();
        let all = |re: &Regex, hay: &str| -> Groups { re.captures_iter(hay).map(groups).collect() };
        let (mut twin, mut matched, mut guided) = (0, 0, 0);
        for hay in hays {
            let orig = all(self.unicode(), hay);
            let ctx = |what: &str| format!("{what}: {:?} on {hay:?}", self.as_str());
            matched += usize::from(!orig.is_empty());
            assert_eq!(self.captures_iter(hay).map(groups).collect::<Groups>(), orig, "{}", ctx("captures_iter"));
            assert_eq!(self.captures(hay).map(groups), orig.first().cloned(), "{}", ctx("captures"));
            let picked = self.pick(hay);
            let found: Vec<_> = picked.find_iter(hay).map(|m| m.range()).collect();
            let whole: Vec<_> = orig.iter().map(|g| g[0].clone().expect("group 0")).collect();
            assert_eq!(found, whole, "{}", ctx("find_iter"));
            for m in &whole {
                let c = picked.captures_at(hay, m.start).map(groups);
                assert_eq!(c, self.unicode().captures_at(hay, m.start).map(groups), "{}", ctx("captures_at"));
                if let Some(p) = &self.guided {
                    let r = self.relaxed(p).find_at(hay, m.start).map(|r| r.start());
                    assert_eq!(r, Some(m.start), "{}", ctx("relaxed form at a match"));
                }
            }
            if let Some(a) = &self.ascii {
                if ascii_forms_agree(hay) {
                    twin += 1;
                    assert_eq!(all(a, hay), orig, "{}", ctx("twin"));
                } else {
                    guided += usize::from(self.guided.is_some() && !orig.is_empty());
                }
            }
        }
        assert!(self.ascii.is_none() || twin * 2 > hays.len(), "twin used on {twin} of {}", hays.len());
        assert!(matched * 100 > hays.len(), "matches in {matched} of {}", hays.len());
        assert!(self.guided.is_none() || guided * 1000 > hays.len(), "guided matches in {guided} of {}", hays.len());
    }

    #[cfg(test)]
    pub(crate) fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        self.pick(hay).captures_at(hay, 0)
    }

    pub(crate) fn captures_iter<'r, 'h>(&'r self, hay: &'h str) -> CapturesIter<'r, 'h> {
        self.pick(hay).captures_iter(hay)
    }
}

/// Whether the twins may run on a haystack ([`FastRegex::pick_checked`]): the check made once
/// for the searches of several regexes on that haystack (and on no other).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Checked {
    agree: bool,
}

impl Checked {
    pub(crate) fn new(hay: &str) -> Checked {
        Checked { agree: ascii_forms_agree(hay) }
    }

    /// A check of one regex's own, for a haystack where the caller has shown that this
    /// regex's twin finds what the original does (a narrower condition than
    /// [`Checked::new`]'s, which holds for every regex). Only for that regex.
    pub(crate) fn proven(agree: bool) -> Checked {
        Checked { agree }
    }
}

/// The regex [`FastRegex::pick`] chose for a haystack: the twin, or the original with the
/// relaxed form to find where its matches may start. The methods have the meaning of
/// [`Regex`]'s, for that haystack only.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Picked<'r> {
    re: &'r Regex,
    relaxed: Option<&'r Regex>,
}

impl<'r> Picked<'r> {
    /// The first place at or after `at` where a match may start: the relaxed form's leftmost
    /// match (none, no match); `at` itself without one.
    fn start(&self, hay: &str, at: usize) -> Option<usize> {
        match self.relaxed {
            Some(r) => r.find_at(hay, at).map(|m| m.start()),
            None => Some(at),
        }
    }

    pub(crate) fn find_at<'h>(&self, hay: &'h str, at: usize) -> Option<Match<'h>> {
        self.re.find_at(hay, self.start(hay, at)?)
    }

    pub(crate) fn captures_at<'h>(&self, hay: &'h str, at: usize) -> Option<Captures<'h>> {
        self.re.captures_at(hay, self.start(hay, at)?)
    }

    #[cfg(test)]
    pub(crate) fn find_iter<'h>(&self, hay: &'h str) -> FindIter<'r, 'h> {
        match self.relaxed {
            Some(_) => FindIter::Guided { picked: *self, hay, at: 0 },
            None => FindIter::Plain(self.re.find_iter(hay)),
        }
    }

    pub(crate) fn captures_iter<'h>(&self, hay: &'h str) -> CapturesIter<'r, 'h> {
        match self.relaxed {
            Some(_) => CapturesIter::Guided { picked: *self, hay, at: 0 },
            None => CapturesIter::Plain(self.re.captures_iter(hay)),
        }
    }
}

/// [`Regex::find_iter`]; guided: each search from the end of the last match (no match is
/// empty), as the `regex` iterator does.
#[cfg(test)]
pub(crate) enum FindIter<'r, 'h> {
    Plain(regex::Matches<'r, 'h>),
    Guided { picked: Picked<'r>, hay: &'h str, at: usize },
}

#[cfg(test)]
impl<'h> Iterator for FindIter<'_, 'h> {
    type Item = Match<'h>;

    fn next(&mut self) -> Option<Match<'h>> {
        match self {
            FindIter::Plain(it) => it.next(),
            FindIter::Guided { picked, hay, at } => {
                let m = picked.find_at(hay, *at)?;
                *at = m.end();
                Some(m)
            }
        }
    }
}

/// [`Regex::captures_iter`], as [`FindIter`].
pub(crate) enum CapturesIter<'r, 'h> {
    Plain(CaptureMatches<'r, 'h>),
    Guided { picked: Picked<'r>, hay: &'h str, at: usize },
}

impl<'h> Iterator for CapturesIter<'_, 'h> {
    type Item = Captures<'h>;

    fn next(&mut self) -> Option<Captures<'h>> {
        match self {
            CapturesIter::Plain(it) => it.next(),
            CapturesIter::Guided { picked, hay, at } => {
                let c = picked.captures_at(hay, *at)?;
                *at = c.get(0).expect("group 0").end();
                Some(c)
            }
        }
    }
}

/// A xorshift64 generator from `seed`, for the generated test strings (fixed seeds, so every
/// run checks the same cases).
#[cfg(test)]
pub(crate) fn xorshift(seed: u64) -> impl FnMut() -> u64 {
    let mut state = seed;
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    }
}

/// Every md/txt/html file of `../shared/corpus/bulk` (none when it is absent), for the ignored
/// tests that check a hand matcher against its former regex on real text.
#[cfg(test)]
pub(crate) fn bulk_text_files() -> Vec<std::path::PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "md" || x == "txt" || x == "html") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/bulk")), &mut files);
    files
}

/// Every line and every paragraph of every bulk file ([`bulk_text_files`]), cut to at most
/// `max` bytes (on a character boundary), given to `f` in turn; returns how many there were.
/// The ignored tests run a hand matcher and its former regex on each.
#[cfg(test)]
pub(crate) fn for_each_bulk_part(max: usize, mut f: impl FnMut(&str)) -> usize {
    let mut count = 0;
    for file in bulk_text_files() {
        let text = String::from_utf8_lossy(&std::fs::read(&file).expect("read")).into_owned();
        for part in text.split('\n').chain(text.split("\n\n")) {
            let mut cap = part.len().min(max);
            while !part.is_char_boundary(cap) {
                cap -= 1;
            }
            count += 1;
            f(&part[..cap]);
        }
    }
    count
}

#[cfg(test)]
/// Haystacks for [`FastRegex::assert_same_as_original`]: words of minutes (names, titles,
/// offices, link words, numbers), punctuation, and non-ASCII characters that are not word
/// characters (curly quotes, dashes, `£`, NBSP) or are (`é`, `ŵ`, `²`, `٣`), in random
/// order, from a fixed seed; with `extra` (phrases the regex under test looks for) half the
/// time.
pub(crate) fn sample_haystacks(n: usize, extra: &[&str]) -> Vec<String> {
    const TOKENS: &[&str] = &[
        "Mr",
        "Mrs",
        "Cllr",
        "Councillor",
        "Dr",
        "J.",
        "A",
        "B.",
        "Smith",
        "O’Neill",
        "McDonald",
        "Jean-Paul",
        "The",
        "the",
        "Clerk",
        "Chair",
        "Chairman",
        "Committee",
        "Members",
        "He",
        "she",
        "They",
        "and",
        "to",
        "will",
        "would",
        "be",
        "is",
        "are",
        "was",
        "asked",
        "agreed",
        "going",
        "also",
        "continue",
        "write",
        "circulate",
        "said",
        "reported",
        "carried",
        "votes",
        "in",
        "favour",
        "against",
        "Ayes",
        "Noes",
        "12",
        "3",
        "1,234",
        "2019",
        "Y-5",
        "of",
        "for",
        "Kent",
        "County",
        "Council",
        "Police",
        "RESOLVED",
        "that",
        ",",
        ";",
        ":",
        ".",
        "(",
        ")",
        "-",
        "–",
        "—",
        "’",
        "‘",
        "“",
        "”",
        "£5",
        "&",
        "/",
        "**",
        "_x",
        "\n",
        "\t",
        "\u{a0}",
        "\u{2009}",
        "é",
        "Zoë",
        "ŵ",
        "²",
        "٣",
        "Ω",
        "x",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |m: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % m as u64) as usize
    };
    (0..n)
        .map(|_| {
            let len = 1 + next(24);
            let mut s = String::new();
            for _ in 0..len {
                let t = if !extra.is_empty() && next(2) == 0 {
                    extra[next(extra.len())]
                } else if next(6) == 0 {
                    // A capital and a few printable ASCII characters ("Kz_9").
                    s.push(char::from(b'A' + next(26) as u8));
                    for _ in 0..next(6) {
                        s.push(char::from(b' ' + next(95) as u8));
                    }
                    ""
                } else {
                    TOKENS[next(TOKENS.len())]
                };
                // Mostly ASCII words, so that most haystacks take the twin.
                if !t.is_ascii() && next(3) != 0 {
                    continue;
                }
                s.push_str(t);
                match next(5) {
                    0 => {}
                    1 => s.push_str("  "),
                    _ => s.push(' '),
                }
            }
            s
        })
        .collect()
}

/// The place in an [`UnboundedFirst`] pattern where its bounded lazy repetition's counts go.
pub(crate) const BOUND: &str = "{BOUND}";

/// A regex with one bounded lazy repetition (`{0,100}?`) in a group, searched first with the
/// bound dropped: a bounded repetition of a Unicode class is compiled as that many copies of
/// the class, most of the cost of compiling the regex, which most processes never need.
///
/// The unbounded form matches wherever the bounded one does (it only drops a limit) and ranks
/// the ways to match in the same order, so when its first way keeps the group within the
/// limit (`max_chars`) that is the bounded form's first way too; otherwise the bounded form,
/// compiled then, decides.
pub(crate) struct UnboundedFirst {
    /// The pattern, with [`BOUND`] where the counts go.
    pattern: &'static str,
    bounded: &'static str,
    unbounded: &'static str,
    group: &'static str,
    max_chars: usize,
    bounded_re: OnceLock<Regex>,
    unbounded_re: OnceLock<Regex>,
}

impl UnboundedFirst {
    /// `pattern` with `bounded` ("{0,100}?") or `unbounded` ("*?") for [`BOUND`]; `group`
    /// holds at most `max_chars` characters under the bound.
    pub(crate) const fn new(
        pattern: &'static str,
        bounded: &'static str,
        unbounded: &'static str,
        group: &'static str,
        max_chars: usize,
    ) -> UnboundedFirst {
        UnboundedFirst {
            pattern,
            bounded,
            unbounded,
            group,
            max_chars,
            bounded_re: OnceLock::new(),
            unbounded_re: OnceLock::new(),
        }
    }

    fn compile(&self, counts: &str) -> Regex {
        Regex::new(&self.pattern.replace(BOUND, counts)).expect("unbounded-first regex")
    }

    /// The bounded regex itself (the tests' oracle, and the fallback).
    pub(crate) fn bounded(&self) -> &Regex {
        self.bounded_re.get_or_init(|| self.compile(self.bounded))
    }

    /// `self.bounded().captures_at(hay, at)`.
    pub(crate) fn captures_at<'h>(&self, hay: &'h str, at: usize) -> Option<Captures<'h>> {
        let u = self.unbounded_re.get_or_init(|| self.compile(self.unbounded)).captures_at(hay, at)?;
        if u.name(self.group).expect("the bounded group").as_str().chars().count() <= self.max_chars {
            Some(u)
        } else {
            self.bounded().captures_at(hay, at)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_word_char_is_the_regex_crates() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), regex_syntax::is_word_character(c), "{c:?}");
        }
    }

    #[test]
    fn ascii_forms_agree_is_the_char_scan() {
        let mut hays = sample_haystacks(5_000, &["é", "’", "\u{a0}", "ŵ", "٣", "—"]);
        hays.extend(
            ["", "a", "é", "’", &"x".repeat(40), &format!("{}é", "x".repeat(33)), &format!("{}’y", "x".repeat(16))]
                .map(String::from),
        );
        let mut differ = 0;
        for h in &hays {
            let old = h.is_ascii() || !h.chars().any(|c| !c.is_ascii() && regex_syntax::is_word_character(c));
            assert_eq!(ascii_forms_agree(h), old, "{h:?}");
            differ += usize::from(!old);
        }
        assert!(differ > 100, "{differ}");
    }

    #[test]
    fn non_ascii_word_characters_are_those_of_the_regex_crate() {
        let re = Regex::new(r"[\w&&[^\x00-\x7F]]").unwrap();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(ascii_forms_agree(&s), !re.is_match(&s), "{c:?}");
        }
    }

    #[test]
    fn rewrites_boundaries_outside_classes_and_word_classes() {
        assert_eq!(ascii_twin(r"\bMr\b"), r"(?-u:\b)Mr(?-u:\b)");
        assert_eq!(ascii_twin(r"a\Bb"), r"a(?-u:\B)b");
        assert_eq!(ascii_twin(r"\\b[\b]"), r"\\b[\b]");
        assert_eq!(ascii_twin(r"[^\]]\b"), r"[^\]](?-u:\b)");
        assert_eq!(
            ascii_twin(r"\w+[\w.'’-]\d[^\W\D]\s\\w"),
            r"[0-9A-Za-z_]+[[0-9A-Za-z_].'’-][0-9][^[^0-9A-Za-z_][^0-9]]\s\\w"
        );
    }

    #[test]
    fn relaxed_form_drops_boundaries_and_widens_large_classes() {
        let relaxed = |p: &str| Regex::new(&relaxed_form(p).unwrap()).unwrap();
        let r = relaxed(r"\bM(?P<x>r)\b");
        assert_eq!(r.captures_len(), 1);
        assert!(r.is_match("éMré"));
        // An optional repetition stays optional (not a lazy repetition).
        assert_eq!(relaxed(r"a(?P<d>\d{1,3})?").find("a").map(|m| m.range()), Some(0..1));
        assert_eq!(relaxed(r"a(?:\d{2})?").find("a12").map(|m| m.range()), Some(0..3));
        let r = relaxed(r"^\w+\s[^\W\d]$");
        for hay in ["é² x", "a—b …", "ab\u{a0}é", "x y"] {
            assert!(r.is_match(hay), "{hay:?}");
        }
        assert!(!r.is_match("a  b"));
        assert!(!relaxed(r"[\w--\d]").is_match("1"));
    }

    #[test]
    fn same_results_as_the_original() {
        let re = FastRegex::new(r"\b(?P<t>Mr|Mrs)\s+[A-Z][a-z]+\b").unwrap();
        let orig = Regex::new(r"\b(?P<t>Mr|Mrs)\s+[A-Z][a-z]+\b").unwrap();
        for hay in [
            "Mr Smith said",
            "“Mr Smith” said – £5",
            "éMr Smith and Mrs Joneś, Mr Brownx",
            "Café Mr Smith",
            "ŵMr Smith Mr Jones",
        ] {
            let a: Vec<_> = re.captures_iter(hay).map(|c| (c.get(0).unwrap().range(), c["t"].to_string())).collect();
            let b: Vec<_> = orig.captures_iter(hay).map(|c| (c.get(0).unwrap().range(), c["t"].to_string())).collect();
            assert_eq!(a, b, "{hay}");
            let first = |c: Option<Captures>| c.map(|c| c.get(0).unwrap().range());
            assert_eq!(first(re.captures(hay)), first(orig.captures(hay)));
        }
    }

    #[test]
    fn twin_of_word_classes_agrees_with_the_original() {
        for p in [r"(?P<w>[A-Z][\w.'’/-]*)\s+(?P<d>\d{1,3})?\b", r"\W+(?P<x>\D+)\b", r"(?i)\bs\w*k\b"] {
            let re = FastRegex::new(p).unwrap();
            re.assert_same_as_original(&sample_haystacks(5000, &["sk", "Spark", "SK", "Sk_k", "42"]));
        }
    }
}
