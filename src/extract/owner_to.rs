//! "X to <verb>" (an owner, a link, a verb) in a sentence, matched by hand.
//!
//! `OWNER_TO` was this regex (verbose; `W` stands for `[\w.'’/-]`, `N` for
//! `(?:[A-Z]W*\s+){0,2}[A-Z]W*`, one to three capitalised words):
//!
//! ```text
//! (?:^|[.;:,]\s+|\band\s+|\*\*\s*|\s|>|\()
//! (?P<owner>(?P<first>(?:[Tt]he\s+)?(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+)?N)
//!     (?:,\s+N){0,4}(?:,?\s+(?:and|&)\s+(?:the\s+|other\s+)?N)?
//!   |[Hh]e|[Ss]he|[Tt]hey)
//! \s+(?P<link>(?:was|were|has\s+been|had\s+been)\s+(?:asked|requested|directed|instructed)\s+to
//!   |(?:also\s+)?(?:agreed|offered|volunteered|undertook|asked)\s+to|would\s+be|will\s+be
//!   |is\s+to|are\s+to|(?:is|are)\s+going\s+to|also\s+to|to\s+continue\s+to|to|will|would)
//! \s+(?P<verb>[a-z]+)\b
//! ```
//!
//! It ran on every sentence that holds " to ", " be ", " will" or " would" (most of them):
//! a lazy-DFA search forward and backward, then a capturing engine on each match (about 6%
//! of all instructions), and its Unicode original, needed on text with a non-ASCII letter,
//! cost ~45 M instructions to compile per process. [`find_at`] walks the pattern in the order
//! the regex engine tries it (leftmost-first: the leftmost start, then alternatives in order,
//! an optional group present before absent, a greedy repetition longest first). Most steps
//! have one way to match: every run of a class (`\s+`, `[A-Z]W*`, `[a-z]+`) is followed by
//! a character outside the class (`W` holds neither white space nor `,`; no word or name
//! starts with white space), so a shorter run always fails and each run is taken whole. What
//! is left to try are the optional parts, the repetition counts and the alternatives. Before
//! any of that, [`last_link`] finds the last place where a link with its verb follows what
//! may end an owner (none in most sentences: no search at all). The tests
//! `owner_to_is_the_regex` (generated strings) and `owner_to_is_the_regex_on_bulk` (ignored:
//! every line and paragraph of the bulk corpus) check it against the old pattern, kept below
//! as the oracle.

use std::ops::Range;

/// A match: the spans (byte ranges of the haystack) of the regex's groups.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct OwnerTo {
    /// The whole match, from the character before the owner (or the owner at the start).
    pub whole: Range<usize>,
    pub owner: Range<usize>,
    /// The first named owner (absent when the owner is a pronoun).
    pub first: Option<Range<usize>>,
    pub link: Range<usize>,
    pub verb: Range<usize>,
}

/// The matches of `OWNER_TO` in `t`, as `captures_iter` finds them (each search from the end
/// of the last match; no match is empty).
///
/// [`last_link`] is found once: it is the last link start at or after `max(from, 1)`, so for a
/// later `from` it is the same when it is still at or after it, and there is none when not.
pub(crate) fn matches(t: &str) -> impl Iterator<Item = OwnerTo> + '_ {
    let mut at = 0;
    let mut last = None;
    std::iter::from_fn(move || {
        let l = *last.get_or_insert_with(|| last_link(t, at));
        let m = find_before(t, at, l.filter(|&l| l >= at.max(1))?)?;
        at = m.whole.end;
        Some(m)
    })
}

/// Whether the leftmost match of `OWNER_TO` in `t` has its owner at the start of `t`
/// (`find_at(t, 0)` with `owner.start == 0`): the first candidate owner is at 0 (it needs
/// nothing before it), and when the groups fit there the match starts there; a link after
/// the owner is a link start, so [`last_link`] is not needed.
pub(crate) fn owner_at_start(t: &str) -> bool {
    owner(t, 0).is_some()
}

/// The leftmost match of `OWNER_TO` starting at or after byte `from` of `t` (see
/// [`find_before`]); the tests' entry point.
#[cfg(test)]
pub(crate) fn find_at(t: &str, from: usize) -> Option<OwnerTo> {
    find_before(t, from, last_link(t, from)?)
}

/// The leftmost match of `OWNER_TO` starting at or after byte `from` of `t` (`captures_at`:
/// the text before `from` is seen by `\b`, and `^` is the start of `t`).
///
/// The candidates are the owner's starts `p`, in order: a capital or `t`, `h`, `s` after what
/// the part before the owner ends with. Their order is that of the match starts: the part
/// before an owner is made of punctuation, "and", `**` and white space, where no owner
/// starts, so the match of a later owner cannot start before an earlier owner. The match at
/// an owner starts with the leftmost part before it that fits ([`start_before`]); which one
/// does not change the groups.
///
/// `last` is the value of [`last_link`]`(t, from)`.
fn find_before(t: &str, from: usize, last: usize) -> Option<OwnerTo> {
    let b = t.as_bytes();
    // Before an owner: white space, `>`, `(`, `*`, or the start of `t`.
    let may_follow = |p: usize| p == 0 || matches!(b[p - 1], 0x80..|b'\t'..=b'\r'| b' ' | b'>' | b'(' | b'*');
    let may_start = |p: usize| b[p].is_ascii_uppercase() || matches!(b[p], b't' | b'h' | b's');
    (from..last).filter(|&p| may_start(p) && may_follow(p)).find_map(|p| {
        let s = start_before(t, from, p)?;
        let (owner, first, link, verb) = owner(t, p)?;
        Some(OwnerTo { whole: s..verb.end, owner, first, link, verb })
    })
}

/// The leftmost start `s >= from` of `(?:^|[.;:,]\s+|\band\s+|\*\*\s*|\s|>|\()` ending at
/// `p` (an owner's start, not white space), if any.
fn start_before(t: &str, from: usize, p: usize) -> Option<usize> {
    let b = t.as_bytes();
    if p == 0 {
        // Only `^` ends at 0.
        return Some(0);
    }
    // The run of white space before `p` starts at `w`.
    let w = t[..p].trim_end().len();
    let mut best: Option<usize> = None;
    let mut fits = |s: usize| {
        if s >= from && best.is_none_or(|x| s < x) {
            best = Some(s);
        }
    };
    if w < p && w >= 1 && matches!(b[w - 1], b'.' | b';' | b':' | b',') {
        fits(w - 1);
    }
    if w < p && t[..w].ends_with("and") && !t[..w - 3].chars().next_back().is_some_and(is_word) {
        fits(w - 3);
    }
    if t[..w].ends_with("**") {
        fits(w - 2);
    }
    if w < p {
        // One white space character.
        let c = t[..p].chars().next_back().expect("white space before p");
        fits(p - c.len_utf8());
    }
    if matches!(b[p - 1], b'>' | b'(') {
        fits(p - 1);
    }
    best
}

/// The start of the last link (with a verb after it, [`link_and_verb`]) at or after `from`
/// that follows what may end an owner: a name (`[A-Z]W*` at the end of the text before it)
/// or a pronoun (text ending with "he" or "hey"). No match has its owner start after it.
///
/// Every link ends with the token "to", "be", "will" or "would" (white space before and
/// after it), its first to fourth token. So the link starts are found from those words, all
/// four in one pass of a packed searcher (Teddy, vectorised: [`LINK_WORDS`]; a `memmem` pass
/// per word, [`LINK_FINDERS`], cost more in setting up the four searches of every sentence,
/// and is kept for a CPU without Teddy; `memchr3` on their first letters stopped at nearly
/// every "t"), then it and the starts of the three tokens before it are the candidates, tried
/// with [`link_at`], the test of every byte that this replaced (kept as `last_link_by_bytes`,
/// the oracle of the tests). The answer is the largest start found, whatever the order the
/// words are visited in; a candidate at or before the best start found so far cannot beat
/// it, so it is not tried.
fn last_link(t: &str, from: usize) -> Option<usize> {
    last_link_with(t, from, LINK_WORDS.as_ref())
}

/// [`last_link`], with the words found by `packed`, or by [`LINK_FINDERS`] without it.
fn last_link_with(t: &str, from: usize, packed: Option<&aho_corasick::packed::Searcher>) -> Option<usize> {
    let b = t.as_bytes();
    let lowest = from.max(1);
    if lowest >= b.len() {
        return None;
    }
    // A byte that may end (before) or start (after) white space.
    let may_space = |c: u8| c >= 0x80 || c.is_ascii_whitespace() || c == 0x0B;
    let mut best: Option<usize> = None;
    // The word at `i`, `len` bytes long.
    let mut visit = |i: usize, len: usize| {
        if best.is_some_and(|x| i <= x) || !(may_space(b[i - 1]) && b.get(i + len).is_some_and(|&c| may_space(c))) {
            return;
        }
        // The word is the link's first token, or its second, third or fourth.
        let mut l = i;
        for _ in 0..4 {
            if l < lowest || best.is_some_and(|x| l <= x) {
                break;
            }
            if link_at(t, l) {
                best = Some(l);
                break;
            }
            // The start of the token before.
            let e = t[..l].trim_end().len();
            if e == l || e == 0 {
                break;
            }
            l = t[..e].rfind(char::is_whitespace).map_or(0, |k| k + t[k..].chars().next().map_or(1, char::len_utf8));
        }
    };
    match packed {
        Some(searcher) => {
            for m in searcher.find_iter(&b[lowest..]) {
                visit(lowest + m.start(), m.len());
            }
        }
        None => {
            for (len, finder) in LINK_FINDERS.iter() {
                let mut at = lowest;
                while let Some(i) = finder.find(&b[at..]).map(|k| at + k) {
                    at = i + len;
                    visit(i, *len);
                }
            }
        }
    }
    best
}

/// The words a link ends with, in one packed searcher (built once; none on a CPU without the
/// vector instructions of Teddy). Its non-overlapping matches are every place of every word:
/// no word overlaps itself or another (none ends with the start of one: "o", "e", "l", "ll",
/// "ill", "d", "ld", "uld", "ould" against "t", "b", "w"), and no two start at the same place.
static LINK_WORDS: std::sync::LazyLock<Option<aho_corasick::packed::Searcher>> = std::sync::LazyLock::new(|| {
    aho_corasick::packed::Config::new()
        .match_kind(aho_corasick::packed::MatchKind::LeftmostFirst)
        .builder()
        .extend(["to", "be", "will", "would"])
        .build()
});

/// The words a link ends with, each with its `memmem` searcher (built once). Searching on from
/// the end of each place gives `find_iter`'s places (no word overlaps itself).
static LINK_FINDERS: std::sync::LazyLock<[(usize, memchr::memmem::Finder<'static>); 4]> =
    std::sync::LazyLock::new(|| ["to", "be", "will", "would"].map(|w| (w.len(), memchr::memmem::Finder::new(w))));

/// Whether a link with its verb starts at `l` (`l > 0`), after what may end an owner (see
/// [`last_link`]).
///
/// A filter, so it may take more than it must: any non-ASCII character may be white space
/// before the link or part of the name.
fn link_at(t: &str, l: usize) -> bool {
    let b = t.as_bytes();
    let name_byte = |c: u8| c >= 0x80 || c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'\'' | b'/' | b'-');
    let space_before = b[l - 1] >= 0x80 || b[l - 1].is_ascii_whitespace() || b[l - 1] == 0x0B;
    if !(matches!(b[l], b'w' | b'h' | b'a' | b'o' | b'v' | b'u' | b'i' | b't') && space_before) {
        return false;
    }
    let e = t[..l].trim_end().len();
    if e == l {
        return false;
    }
    let before = &b[..e];
    let name = before.iter().rev().take_while(|&&c| name_byte(c)).any(u8::is_ascii_uppercase);
    (name || before.ends_with(b"he") || before.ends_with(b"hey")) && link_and_verb(t, e).is_some()
}

/// [`last_link`] as it was, every byte tried: the oracle of the tests.
#[cfg(test)]
fn last_link_by_bytes(t: &str, from: usize) -> Option<usize> {
    (from.max(1)..t.len()).rev().find(|&l| link_at(t, l))
}

/// The groups `(owner, first, link, verb)` of a match whose owner starts at `p`.
type Groups = (Range<usize>, Option<Range<usize>>, Range<usize>, Range<usize>);

/// The owner at `p` and what follows it: the named owner (`first`, a list, an "and" part),
/// then the pronouns, each with the link and the verb after it.
fn owner(t: &str, p: usize) -> Option<Groups> {
    // Every alternative starts with a capital or with "the", "he", "she", "they".
    if !t.as_bytes().get(p).is_some_and(|&c| c.is_ascii_uppercase() || matches!(c, b't' | b'h' | b's')) {
        return None;
    }
    let named = named_owner(t, p, &mut |f, e| {
        let (link, verb) = link_and_verb(t, e)?;
        Some((p..e, Some(p..f), link, verb))
    });
    named.or_else(|| {
        ["He", "he", "She", "she", "They", "they"].iter().find_map(|w| {
            let e = lit(t, p, w)?;
            let (link, verb) = link_and_verb(t, e)?;
            Some((p..e, None, link, verb))
        })
    })
}

/// `(?:[Tt]he\s+)?(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+)?N`, then `(?:,\s+N){0,4}`, then
/// `(?:,?\s+(?:and|&)\s+(?:the\s+|other\s+)?N)?` at `p`: `k(end of first, end of owner)` for
/// each way in the order tried, until `k` accepts one.
fn named_owner<R>(t: &str, p: usize, k: &mut dyn FnMut(usize, usize) -> Option<R>) -> Option<R> {
    let the = lit(t, p, "The").or_else(|| lit(t, p, "the")).and_then(|i| ws1(t, i));
    for q in the.into_iter().chain([p]) {
        // At most one title fits: "Mr" is followed by "." or white space, "Mrs" by "s".
        let title = ["Cllr", "Councillor", "Mr", "Mrs", "Ms", "Dr"].iter().find_map(|w| {
            let i = lit(t, q, w)?;
            lit(t, i, ".").and_then(|j| ws1(t, j)).or_else(|| ws1(t, i))
        });
        for r in title.into_iter().chain([q]) {
            for f in names(t, r).rev() {
                let found = list(t, f, 0, &mut |e| and_part(t, e, &mut |e| k(f, e)));
                if found.is_some() {
                    return found;
                }
            }
        }
    }
    None
}

/// `(?:,\s+N){n,4}` (greedy) at `e`: `k(end)` for each way, longest first.
fn list<R>(t: &str, e: usize, n: usize, k: &mut dyn FnMut(usize) -> Option<R>) -> Option<R> {
    if n < 4 {
        if let Some(b) = lit(t, e, ",").and_then(|i| ws1(t, i)) {
            for x in names(t, b).rev() {
                if let Some(r) = list(t, x, n + 1, k) {
                    return Some(r);
                }
            }
        }
    }
    k(e)
}

/// `(?:,?\s+(?:and|&)\s+(?:the\s+|other\s+)?N)?` at `e`: `k(end)` for each way, the part
/// present before absent.
fn and_part<R>(t: &str, e: usize, k: &mut dyn FnMut(usize) -> Option<R>) -> Option<R> {
    for c in lit(t, e, ",").into_iter().chain([e]) {
        let Some(d) = ws1(t, c).and_then(|a| lit(t, a, "and").or_else(|| lit(t, a, "&"))).and_then(|i| ws1(t, i))
        else {
            continue;
        };
        let article = lit(t, d, "the").or_else(|| lit(t, d, "other")).and_then(|i| ws1(t, i));
        for r in article.into_iter().chain([d]) {
            for x in names(t, r).rev() {
                if let Some(res) = k(x) {
                    return Some(res);
                }
            }
        }
    }
    k(e)
}

/// `N` at `i`, `(?:[A-Z]W*\s+){0,2}[A-Z]W*`: the ends of one, two and three words (those
/// that are there), shortest first.
fn names(t: &str, i: usize) -> impl DoubleEndedIterator<Item = usize> {
    let mut ends = [0usize; 3];
    let mut n = 0;
    let mut at = Some(i);
    while n < 3 {
        let Some(e) = at.and_then(|a| capitalised(t, a)) else { break };
        ends[n] = e;
        n += 1;
        at = ws1(t, e);
    }
    ends.into_iter().take(n)
}

/// `\s+(?P<link>...)\s+(?P<verb>[a-z]+)\b` after an owner ending at `e`: the first link, in
/// the order of the alternatives, with a verb after it.
///
/// Every word of a link is followed by white space in the pattern, so it is a whole token
/// (a run of characters other than white space followed by white space): the alternatives
/// are sequences of tokens.
fn link_and_verb(t: &str, e: usize) -> Option<(Range<usize>, Range<usize>)> {
    let l = ws1(t, e)?;
    // The tokens from `l`: their ends; each is followed by white space. The first one starts
    // a link, or nothing matches (most calls end here).
    let token = |at: usize| {
        let rest = &t[at..];
        let len = rest.find(char::is_whitespace)?;
        (len > 0).then_some(at + len)
    };
    let first = token(l)?;
    const FIRST: &[&str] = &[
        "was",
        "were",
        "has",
        "had",
        "also",
        "agreed",
        "offered",
        "volunteered",
        "undertook",
        "asked",
        "would",
        "will",
        "is",
        "are",
        "to",
    ];
    if !FIRST.contains(&&t[l..first]) {
        return None;
    }
    let mut ends = [first, 0, 0, 0];
    let mut n = 1;
    while n < 4 {
        let Some(end) = token(ws0(t, ends[n - 1])) else { break };
        ends[n] = end;
        n += 1;
    }
    let starts = |k: usize| if k == 0 { l } else { ws0(t, ends[k - 1]) };
    let tok = |k: usize| if k < n { &t[starts(k)..ends[k]] } else { "" };
    let is = |k: usize, words: &[&str]| words.contains(&tok(k));
    const AGREED: &[&str] = &["agreed", "offered", "volunteered", "undertook", "asked"];
    const ASKED: &[&str] = &["asked", "requested", "directed", "instructed"];
    // The number of tokens of each alternative that matches, in the order of the pattern.
    let lens = [
        (is(0, &["was", "were"]) && is(1, ASKED) && is(2, &["to"])).then_some(3),
        (is(0, &["has", "had"]) && is(1, &["been"]) && is(2, ASKED) && is(3, &["to"])).then_some(4),
        (is(0, &["also"]) && is(1, AGREED) && is(2, &["to"])).then_some(3),
        (is(0, AGREED) && is(1, &["to"])).then_some(2),
        (is(0, &["would"]) && is(1, &["be"])).then_some(2),
        (is(0, &["will"]) && is(1, &["be"])).then_some(2),
        (is(0, &["is"]) && is(1, &["to"])).then_some(2),
        (is(0, &["are"]) && is(1, &["to"])).then_some(2),
        (is(0, &["is", "are"]) && is(1, &["going"]) && is(2, &["to"])).then_some(3),
        (is(0, &["also"]) && is(1, &["to"])).then_some(2),
        (is(0, &["to"]) && is(1, &["continue"]) && is(2, &["to"])).then_some(3),
        is(0, &["to", "will", "would"]).then_some(1),
    ];
    lens.into_iter().flatten().find_map(|k| {
        let end = ends[k - 1];
        let v = ws1(t, end)?;
        let run = t[v..].bytes().take_while(u8::is_ascii_lowercase).count();
        let after = t[v + run..].chars().next();
        (run > 0 && !after.is_some_and(is_word)).then(|| (l..end, v..v + run))
    })
}

/// `[A-Z]W*` at `i`, `W` = `[\w.'’/-]`: the end of the run.
fn capitalised(t: &str, i: usize) -> Option<usize> {
    if !t.as_bytes().get(i).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let rest = &t[i + 1..];
    let run = rest.find(|c: char| !(is_word(c) || matches!(c, '.' | '\'' | '’' | '/' | '-'))).unwrap_or(rest.len());
    Some(i + 1 + run)
}

/// `\s+` at `i`: the end of the run of white space, when there is one.
fn ws1(t: &str, i: usize) -> Option<usize> {
    let e = ws0(t, i);
    (e > i).then_some(e)
}

/// `\s*` at `i`: the end of the run of white space (`\s` is Unicode `White_Space`, as
/// `char::is_whitespace`).
fn ws0(t: &str, i: usize) -> usize {
    let rest = &t[i..];
    i + rest.len() - rest.trim_start().len()
}

/// The literal `w` at `i`: its end.
fn lit(t: &str, i: usize, w: &str) -> Option<usize> {
    t.as_bytes()[i..].starts_with(w.as_bytes()).then(|| i + w.len())
}

/// `\w`, as the regex crate has it.
fn is_word(c: char) -> bool {
    regex_syntax::is_word_character(c)
}

/// The old regex, the oracle of the tests.
#[cfg(test)]
pub(crate) static OWNER_TO: std::sync::LazyLock<crate::fastre::FastRegex> = std::sync::LazyLock::new(|| {
    crate::fastre::FastRegex::new(
        r"(?x)(?:^|[.;:,]\s+|\band\s+|\*\*\s*|\s|>|\()
        (?P<owner>(?P<first>(?:[Tt]he\s+)?(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+)?(?:[A-Z][\w.'’/-]*\s+){0,2}[A-Z][\w.'’/-]*)
            (?:,\s+(?:[A-Z][\w.'’/-]*\s+){0,2}[A-Z][\w.'’/-]*){0,4}(?:,?\s+(?:and|&)\s+(?:the\s+|other\s+)?(?:[A-Z][\w.'’/-]*\s+){0,2}[A-Z][\w.'’/-]*)?
            |[Hh]e|[Ss]he|[Tt]hey)
        \s+(?P<link>(?:was|were|has\s+been|had\s+been)\s+(?:asked|requested|directed|instructed)\s+to|(?:also\s+)?(?:agreed|offered|volunteered|undertook|asked)\s+to|would\s+be|will\s+be|is\s+to|are\s+to|(?:is|are)\s+going\s+to|also\s+to|to\s+continue\s+to|to|will|would)
        \s+(?P<verb>[a-z]+)\b",
    )
    .expect("owner regex")
});

#[cfg(test)]
mod tests {
    use super::*;

    /// The matches of the old regex on `t`, as [`OwnerTo`]s.
    fn by_regex(t: &str) -> Vec<OwnerTo> {
        OWNER_TO
            .captures_iter(t)
            .map(|c| {
                let g = |n: &str| c.name(n).map(|m| m.range());
                OwnerTo {
                    whole: c.get(0).expect("group 0").range(),
                    owner: g("owner").expect("owner"),
                    first: g("first"),
                    link: g("link").expect("link"),
                    verb: g("verb").expect("verb"),
                }
            })
            .collect()
    }

    /// Same matches as the regex on `t`; whether there was one.
    fn check(t: &str) -> bool {
        for k in [0, 1, 2, 3, 5, 8] {
            let mut from = t.len() * k / 8;
            while !t.is_char_boundary(from) {
                from -= 1;
            }
            let want = last_link_by_bytes(t, from);
            assert_eq!(last_link(t, from), want, "from {from} in {t:?}");
            assert_eq!(last_link_with(t, from, None), want, "memmem, from {from} in {t:?}");
        }
        let want = by_regex(t);
        assert_eq!(matches(t).collect::<Vec<_>>(), want, "{t:?}");
        let at_start = find_at(t, 0).is_some_and(|c| c.owner.start == 0);
        assert_eq!(owner_at_start(t), at_start, "{t:?}");
        !want.is_empty()
    }

    #[test]
    fn owner_to_is_the_regex() {
        let fixed = [
            "Clerk to write to Highways",
            "The Clerk agreed to clarify what was meant",
            "Cllr Daphne Clements was asked to check if the Church",
            "Cllr. G. Evans would be attending",
            "YK, WH, and GI to converse with the Board",
            "Brian Terlson, Jordan Harband, and Bradley Farias will present",
            "on the 26th April and the Clerk agreed to add it",
            "**Cllr Smith** to email the residents",
            "** Cllr Smith to email the residents",
            "(Cllr Crisp to request)",
            "<li>Matt will ask if this is possible.",
            "He will be writing. She is going to call. They are to meet.",
            "The Clerk and other Members also agreed to help",
            "Mrs. Jones & the Chair to continue to chase",
            "Mr Smith to",
            "Mr Smith to Écrire",
            "Zoë to write",
            "Mr Zoë to write",
            "Clerk to writeé now",
            "Clerk to write² now",
            "Clerk\u{a0}to\u{a0}write",
            "José Smith has been requested to send",
            "and Andrew to send; andrew to send",
            "A, B, C, D, E, F to go",
            "Well, I would argue",
            "The Chair, Vice-Chair and the Clerk would be meeting",
            "x.  Tom O’Neill-Smith/Jones volunteered to organise",
        ];
        let extra = [
            " to ",
            " will ",
            " would be ",
            " was asked to ",
            " has been requested to ",
            " were directed to ",
            " had been instructed to ",
            " also agreed to ",
            " is going to ",
            " to continue to ",
            " undertook to ",
            ", ",
            " and ",
            " & ",
            " the ",
            " other ",
            "write",
            "circulate",
            "writing",
            "The Clerk",
            "Cllr. J.",
            "Mr",
            "Mrs",
            "Ms.",
            "Dr",
            "He",
            "she",
            "they",
            "**",
            ">",
            "(",
            ";",
            "é",
            "Zoë",
            "\u{a0}",
            "\n",
        ];
        let mut matched = 0;
        for t in fixed.iter().map(|s| s.to_string()).chain(crate::fastre::sample_haystacks(30_000, &extra)) {
            matched += usize::from(check(&t));
        }
        assert!(matched > 5_000, "{matched}");
    }

    /// Run for the change that replaced the regex: every line of every bulk file, and every
    /// paragraph (up to 4000 bytes).
    #[test]
    #[ignore]
    fn owner_to_is_the_regex_on_bulk() {
        let mut matched = 0;
        let texts = crate::fastre::for_each_bulk_part(4000, |part| matched += usize::from(check(part)));
        assert!(texts > 100_000 && matched > 5_000, "{texts} {matched}");
    }
}
