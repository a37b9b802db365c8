//! The label of a speaker turn at the start of a paragraph, matched by hand.
//!
//! `TURN` was this regex (verbose; each alternative one label form):
//!
//! ```text
//! ^(?:>\s*)?(?:
//!     \*\*(?P<bold>[^*:\n]{1,60}?)\*\*\s*:
//!   | \*\*(?P<bold2>[^*:\n]{1,60}?):\*\*
//!   | [*_](?P<it>[^*_:\n]{1,60}?):[*_]
//!   | [*_](?P<it2>[^*_:\n]{1,60}?)[*_]\s*:
//!   | The\s+(?P<office>[^:()\n]{3,140}?)\s+\((?P<oname>[^()\n]{3,60})\):
//!   | (?P<name>[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,4})(?:\s+\((?P<c1>[^()\n]{1,60})\))?(?:\s+\((?P<c2>[^()\n]{1,30})\))?:
//!   | (?P<rname>[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+){1,2}),\s(?P<c3>[A-Z][^:\n]{2,100}?):
//! )\s
//! ```
//!
//! Its bounded repetitions of large Unicode classes made an NFA of thousands of states: half
//! of the paragraphs of notes-style minutes match, and every match ran the bounded
//! backtracker, which clears a visited set of (states × match length) bits per search (about
//! 4% of all instructions, plus ~5 ms to compile per process). [`turn_label`] walks the
//! alternatives in the order the regex engine tries them (leftmost-first: alternatives in
//! order, an optional group present before absent, a greedy repetition longest first, a lazy
//! one shortest first). Most steps have one way to match: a run of a class that excludes the
//! character that must follow it can only end at the first character outside the class, so
//! the searches below are linear scans. The test `turn_label_is_the_regex` checks it against
//! the old pattern.

use std::ops::Range;

/// Capture group numbers of the old `TURN` regex, in the order of the pattern.
pub(crate) const T_BOLD: usize = 1;
pub(crate) const T_BOLD2: usize = 2;
pub(crate) const T_IT: usize = 3;
pub(crate) const T_IT2: usize = 4;
pub(crate) const T_OFFICE: usize = 5;
pub(crate) const T_ONAME: usize = 6;
pub(crate) const T_NAME: usize = 7;
pub(crate) const T_C1: usize = 8;
pub(crate) const T_C2: usize = 9;
pub(crate) const T_RNAME: usize = 10;
pub(crate) const T_C3: usize = 11;

/// A match of the label: the groups the regex would capture (0 is the whole match).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct TurnLabel<'a> {
    text: &'a str,
    groups: [Option<Range<usize>>; 12],
}

impl<'a> TurnLabel<'a> {
    /// The text of group `i`, when it took part in the match.
    pub(crate) fn get(&self, i: usize) -> Option<&'a str> {
        self.groups[i].clone().map(|r| &self.text[r])
    }

    /// The end of the whole match (after the whitespace character that ends it).
    pub(crate) fn end(&self) -> usize {
        self.groups[0].as_ref().map_or(0, |r| r.end)
    }

    #[cfg(test)]
    pub(crate) fn groups(&self) -> &[Option<Range<usize>>; 12] {
        &self.groups
    }
}

/// `TURN.captures(text)`: a speaker's label at the start of `text`.
pub(crate) fn turn_label(text: &str) -> Option<TurnLabel<'_>> {
    // `(?:>\s*)?`: every alternative starts with a character other than whitespace and `>`,
    // so only the longest `\s*` after a `>` can lead to a match, and `>` must be taken.
    let p = if text.starts_with('>') { ws_end(text, 1) } else { 0 };
    let mut groups: [Option<Range<usize>>; 12] = Default::default();
    let end = marked(text, p, &mut groups)
        .or_else(|| office(text, p, &mut groups))
        .or_else(|| named(text, p, &mut groups))
        .or_else(|| named_comma(text, p, &mut groups))?;
    groups[0] = Some(0..end);
    Some(TurnLabel { text, groups })
}

/// Character at byte `i`.
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
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

/// `\s` at `i`: the index after that one whitespace character.
fn one_ws(s: &str, i: usize) -> Option<usize> {
    char_at(s, i).filter(|c| c.is_whitespace()).map(|c| i + c.len_utf8())
}

/// The start of the character before byte `i` (`i > 0`).
fn char_before(s: &str, i: usize) -> usize {
    i - s[..i].chars().next_back().map_or(0, char::len_utf8)
}

/// The run of characters from `i` that are not `stop`, read up to `max + 1` characters:
/// (its end, its length in characters). A length above `max` means the run is too long.
fn run(s: &str, i: usize, max: usize, stop: impl Fn(char) -> bool) -> (usize, usize) {
    let mut n = 0;
    for (at, c) in s[i..].char_indices() {
        if stop(c) || n > max {
            return (i + at, n);
        }
        n += 1;
    }
    (s.len(), n)
}

/// `:\s` at `i`: the end of the match.
fn colon_ws(s: &str, i: usize) -> Option<usize> {
    s[i..].starts_with(':').then(|| one_ws(s, i + 1)).flatten()
}

/// The four marked labels: `**bold**:`, `**bold2:**`, `*it:*` / `_it:_`, `*it2*:` / `_it2_:`.
///
/// Each label's class excludes the characters that may follow it (`*` for bold, `:` for
/// bold2, both for the italic forms, whose class also excludes `_`), so a lazy `{1,60}?` run
/// can only end at the first excluded character: it matches when that character comes after
/// 1 to 60 characters and the rest follows it.
fn marked(s: &str, p: usize, g: &mut [Option<Range<usize>>; 12]) -> Option<usize> {
    if s[p..].starts_with("**") {
        let q = p + 2;
        let (e, n) = run(s, q, 60, |c| matches!(c, '*' | ':' | '\n'));
        if (1..=60).contains(&n) {
            // `\*\*\s*:`: the greedy `\s*` before `:` matches its longest run only.
            if s[e..].starts_with("**") {
                if let Some(end) = colon_ws(s, ws_end(s, e + 2)) {
                    g[T_BOLD] = Some(q..e);
                    return Some(end);
                }
            }
            if s[e..].starts_with(":**") {
                if let Some(end) = one_ws(s, e + 3) {
                    g[T_BOLD2] = Some(q..e);
                    return Some(end);
                }
            }
        }
    }
    if s[p..].starts_with(['*', '_']) {
        let q = p + 1;
        let (e, n) = run(s, q, 60, |c| matches!(c, '*' | '_' | ':' | '\n'));
        if (1..=60).contains(&n) {
            if s[e..].starts_with(':') && s[e + 1..].starts_with(['*', '_']) {
                if let Some(end) = one_ws(s, e + 2) {
                    g[T_IT] = Some(q..e);
                    return Some(end);
                }
            }
            if s[e..].starts_with(['*', '_']) {
                if let Some(end) = colon_ws(s, ws_end(s, e + 1)) {
                    g[T_IT2] = Some(q..e);
                    return Some(end);
                }
            }
        }
    }
    None
}

/// `\s+\((?P<x>[^()\n]{min,max})\)` at `i`: the group and the index after the `)`. The greedy
/// `\s+` before `(` matches its longest run only, and the greedy run of the class, which
/// excludes `)`, can only end at the first character outside it, which must be the `)`.
fn bracketed(s: &str, i: usize, min: usize, max: usize) -> Option<(Range<usize>, usize)> {
    let u = ws_end(s, i);
    if u == i || !s[u..].starts_with('(') {
        return None;
    }
    let (v, n) = run(s, u + 1, max, |c| matches!(c, '(' | ')' | '\n'));
    ((min..=max).contains(&n) && s[v..].starts_with(')')).then(|| (u + 1..v, v + 1))
}

/// `The\s+(?P<office>[^:()\n]{3,140}?)\s+\((?P<oname>[^()\n]{3,60})\):`, by backtracking as
/// the regex does: the greedy `\s+` after "The" longest first (the office may then start with
/// spaces), the lazy office shortest first.
fn office(s: &str, p: usize, g: &mut [Option<Range<usize>>; 12]) -> Option<usize> {
    if !s[p..].starts_with("The") {
        return None;
    }
    let a = p + 3;
    let mut start = ws_end(s, a);
    while start > a {
        let (mut t, mut k) = (start, 0);
        while k < 140 {
            match char_at(s, t) {
                None | Some(':' | '(' | ')' | '\n') => break,
                Some(c) => t += c.len_utf8(),
            }
            k += 1;
            // (`bracketed` needs white space at `t`: asked first, without the call.)
            if k >= 3 && s[t..].starts_with(char::is_whitespace) {
                if let Some((oname, after)) = bracketed(s, t, 3, 60) {
                    if let Some(end) = colon_ws(s, after) {
                        g[T_OFFICE] = Some(start..t);
                        g[T_ONAME] = Some(oname);
                        return Some(end);
                    }
                }
            }
        }
        start = char_before(s, start);
    }
    None
}

/// The end of the run of `[\w'’.\-]` (or without `.` when `dot` is false) from `i`.
fn word_run(s: &str, i: usize, dot: bool) -> usize {
    s[i..]
        .find(|c: char| !(crate::fastre::is_word_char(c) || matches!(c, '\'' | '’' | '-') || dot && c == '.'))
        .map_or(s.len(), |n| i + n)
}

/// `[A-Z]` at `i`.
fn upper_at(s: &str, i: usize) -> bool {
    s.as_bytes().get(i).is_some_and(u8::is_ascii_uppercase)
}

/// `(?P<name>[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,4})(?:\s+\((?P<c1>...){1,60}\))?(?:\s+\((?P<c2>...){1,30}\))?:`.
///
/// What may follow a word (`\s` or `:`) is outside its class, so each word is its longest
/// run, and each `\s+` before a capital its longest run: the name with `k` more words has
/// one way to match, and the greedy `{0,4}` tries the most words first.
fn named(s: &str, p: usize, g: &mut [Option<Range<usize>>; 12]) -> Option<usize> {
    if !upper_at(s, p) {
        return None;
    }
    // The ends of the name with one to five words (no vector: one per paragraph).
    let (mut ends, mut n) = ([0; 5], 1);
    ends[0] = word_run(s, p + 1, true);
    while n < 5 {
        let x = ends[n - 1];
        let u = ws_end(s, x);
        if u == x || !upper_at(s, u) {
            break;
        }
        ends[n] = word_run(s, u + 1, true);
        n += 1;
    }
    for &x in ends[..n].iter().rev() {
        // The optional groups: present before absent.
        let c1 = bracketed(s, x, 1, 60);
        let tries = [
            c1.clone().and_then(|(r1, y)| bracketed(s, y, 1, 30).map(|(r2, z)| (Some(r1), Some(r2), z))),
            c1.map(|(r1, y)| (Some(r1), None, y)),
            bracketed(s, x, 1, 30).map(|(r2, z)| (None, Some(r2), z)),
            Some((None, None, x)),
        ];
        for (r1, r2, z) in tries.into_iter().flatten() {
            if let Some(end) = colon_ws(s, z) {
                g[T_NAME] = Some(p..x);
                g[T_C1] = r1;
                g[T_C2] = r2;
                return Some(end);
            }
        }
    }
    None
}

/// `(?P<rname>[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+){1,2}),\s(?P<c3>[A-Z][^:\n]{2,100}?):`.
///
/// As in [`named`], each word is its longest run (what follows, `\s` or `,`, is outside the
/// class); the greedy `{1,2}` tries two more words first. The lazy role can only end at the
/// first `:` or line break, which must be a `:` after 2 to 100 characters.
fn named_comma(s: &str, p: usize, g: &mut [Option<Range<usize>>; 12]) -> Option<usize> {
    if !upper_at(s, p) {
        return None;
    }
    let first = word_run(s, p + 1, false);
    if first == p + 1 {
        return None;
    }
    // `\s[A-Z][\w'’\-]+` at `i`: the end of that word.
    let word = |i: usize| -> Option<usize> {
        let u = one_ws(s, i)?;
        if !upper_at(s, u) {
            return None;
        }
        let e = word_run(s, u + 1, false);
        (e > u + 1).then_some(e)
    };
    let one = word(first)?;
    for x in [word(one), Some(one)].into_iter().flatten() {
        if !s[x..].starts_with(',') {
            continue;
        }
        let Some(y) = one_ws(s, x + 1) else { continue };
        if !upper_at(s, y) {
            continue;
        }
        let (e, n) = run(s, y + 1, 100, |c| matches!(c, ':' | '\n'));
        if (2..=100).contains(&n) {
            if let Some(end) = colon_ws(s, e) {
                g[T_RNAME] = Some(p..x);
                g[T_C3] = Some(y..e);
                return Some(end);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use regex::Regex;

    use super::*;

    /// The regex `turn_label` replaced, as it was.
    static TURN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)^(?:>\s*)?(?:
          \*\*(?P<bold>[^*:\n]{1,60}?)\*\*\s*:
        | \*\*(?P<bold2>[^*:\n]{1,60}?):\*\*
        | [*_](?P<it>[^*_:\n]{1,60}?):[*_]
        | [*_](?P<it2>[^*_:\n]{1,60}?)[*_]\s*:
        | The\s+(?P<office>[^:()\n]{3,140}?)\s+\((?P<oname>[^()\n]{3,60})\):
        | (?P<name>[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,4})(?:\s+\((?P<c1>[^()\n]{1,60})\))?(?:\s+\((?P<c2>[^()\n]{1,30})\))?:
        | (?P<rname>[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+){1,2}),\s(?P<c3>[A-Z][^:\n]{2,100}?):
        )\s",
        )
        .expect("turn regex")
    });

    fn old(text: &str) -> Option<[Option<Range<usize>>; 12]> {
        let c = TURN.captures(text)?;
        let mut g: [Option<Range<usize>>; 12] = Default::default();
        for (i, m) in c.iter().enumerate() {
            g[i] = m.map(|m| m.range());
        }
        Some(g)
    }

    /// Asserts `turn_label` agrees with the regex on `text`; returns the alternative that
    /// matched (the first group set), if any.
    pub(crate) fn check(text: &str) -> Option<usize> {
        let ours = turn_label(text).map(|t| t.groups().clone());
        assert_eq!(ours, old(text), "{text:?}");
        ours.and_then(|g| (1..12).find(|&i| g[i].is_some()))
    }

    #[test]
    fn group_numbers_match_names() {
        let names: Vec<Option<&str>> = TURN.capture_names().collect();
        let ours = [
            (T_BOLD, "bold"),
            (T_BOLD2, "bold2"),
            (T_IT, "it"),
            (T_IT2, "it2"),
            (T_OFFICE, "office"),
            (T_ONAME, "oname"),
            (T_NAME, "name"),
            (T_C1, "c1"),
            (T_C2, "c2"),
            (T_RNAME, "rname"),
            (T_C3, "c3"),
        ];
        for (i, name) in ours {
            assert_eq!(names[i], Some(name));
        }
        assert_eq!(names.len(), 12);
    }

    /// Strings made of pieces that reach every alternative, bound and backtracking step of
    /// the old pattern.
    fn generated(cases: usize) -> Vec<String> {
        let long = |c: &str, n: usize| c.repeat(n);
        let pieces: Vec<String> = vec![
            " ".into(),
            "  ".into(),
            "\u{a0}".into(),
            "\n".into(),
            "\t".into(),
            ":".into(),
            ": ".into(),
            ":\u{a0}".into(),
            " :".into(),
            "*".into(),
            "**".into(),
            "_".into(),
            ">".into(),
            "> ".into(),
            "(".into(),
            ")".into(),
            " (".into(),
            ",".into(),
            ", ".into(),
            ".".into(),
            "-".into(),
            "'".into(),
            "’".into(),
            "The".into(),
            "The ".into(),
            "Thelma".into(),
            "A".into(),
            "MB".into(),
            "Bob".into(),
            "Ann".into(),
            "Zoë".into(),
            "Élan".into(),
            "é".into(),
            "x".into(),
            "ab".into(),
            "abc".into(),
            "1".into(),
            "Mr".into(),
            "Chair".into(),
            long("x", 29),
            long("y", 30),
            long("z", 31),
            long("é", 59),
            long("w", 60),
            long("v", 61),
            long("u", 99),
            long("é", 100),
            long("t", 101),
            long("s", 138),
            long("é", 139),
            long("r", 140),
            long("q", 141),
            long("a ", 30),
        ];
        let mut next = crate::fastre::xorshift(0x2545_F491_4F6C_DD1Du64);
        // Half the strings are random runs of pieces; half follow the shape of one
        // alternative, each part present, absent or damaged.
        let shapes: [&[&[&str]]; 6] = [
            &[
                &["**", "*"],
                &["Bob", "Ann Lee", "é", "", "x*y", "a:b"],
                &["**", "*", ":**", ":*"],
                &["", " ", "  "],
                &[":", ""],
            ],
            &[&["*", "_"], &["Bob", "Ric Wright", "", "a_b"], &[":*", ":_", "*", "_", ":"], &["", " "], &[":", ""]],
            &[
                &["The", "The ", "The  ", "The\u{a0} ", "The ", "The "],
                &["", " ", "ab", "abc", "Chair", "Secretary of State", "a:b", "x\ny", "ab ", "Chair", "Clerk"],
                &["", " ", "  ", "\n", " ", " "],
                &["(", "((", "", "(", "("],
                &["Mr Hague", "ab", "abc", "a)b", "x\ny", "", "Mr Hague", "Ann"],
                &[")", "", ")"],
                &[":", "", ")", ":"],
            ],
            &[
                &["Bob", "MB", "Mr David Hanson", "A B C D E F G", "Zoë O’Neill-Smith", "J. Smith", "The Chair"],
                &["", " (Delyn)", " (a)", "(x)", " ()", " (a(b))", "\u{a0}(Lab)"],
                &["", " (Lab)", " (é)", "  (x)"],
                &[":", "", " :", ";"],
            ],
            &[
                &["Bob Lee", "Ann Marie Lee", "A B", "Bo Li Xu Wu", "Bob", "Bob  Lee", "Bob\nLee"],
                &[",", ""],
                &[" ", "", "  ", "\u{a0}"],
                &["Chair", "Head of X", "A", "Ab", "X:y", "x"],
                &[":", "", ":\n"],
            ],
            &[&["> ", ">", ">  ", ""], &["MB", "**MB**", "*MB*", "The X (Yyy)"], &[":", ""]],
        ];
        (0..cases)
            .map(|i| {
                let mut s = String::new();
                if i % 2 == 0 {
                    let n = 1 + (next() % 12) as usize;
                    for _ in 0..n {
                        s.push_str(&pieces[(next() % pieces.len() as u64) as usize]);
                    }
                    return s;
                }
                for part in shapes[(next() % shapes.len() as u64) as usize] {
                    s.push_str(part[(next() % part.len() as u64) as usize]);
                    if next() % 5 == 0 {
                        s.push_str(&pieces[(next() % pieces.len() as u64) as usize]);
                    }
                }
                // The whitespace character that ends the match, or not.
                s.push_str([" ", "\u{a0}", "\n", "", "x", " Yes"][(next() % 6) as usize]);
                s
            })
            .collect()
    }

    #[test]
    fn turn_label_is_the_regex() {
        let fixed = [
            "MB: With the updates",
            "**Bert**: Discussed adding WG",
            "**Bert:** Discussed",
            "> *Ric Wright:* I agree",
            "_Ric_: I agree",
            "Mr David Hanson (Delyn) (Lab): What",
            "The Secretary of State for Foreign and Commonwealth Affairs (Mr William Hague): The",
            "The  ab (Xyz): x",
            "The ab\n (Xyz): x",
            "The\n\nabc (Xyz): x",
            "Adams: Good morning",
            "Sherif Mansour, Chair of X: hello",
            "Note: the hall is booked",
            "Great Mans Way: text",
        ];
        let mut reached = [0usize; 12];
        for text in fixed.iter().map(|s| s.to_string()).chain(generated(40_000)) {
            if let Some(alt) = check(&text) {
                reached[alt] += 1;
            }
        }
        // Every alternative (its first group) is reached, not only failures.
        for i in [T_BOLD, T_BOLD2, T_IT, T_IT2, T_OFFICE, T_NAME, T_RNAME] {
            assert!(reached[i] >= 20, "{reached:?}");
        }
    }

    /// Run for the change that replaced the regex: every line start of every bulk file (the
    /// rest of the text from there, as a paragraph would start).
    #[test]
    #[ignore]
    fn turn_label_is_the_regex_on_bulk() {
        let files = crate::fastre::bulk_text_files();
        let (mut lines, mut matched) = (0, 0);
        for f in files {
            let text = String::from_utf8_lossy(&std::fs::read(&f).expect("read")).into_owned();
            let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1));
            for start in starts {
                let trimmed = start + (text[start..].len() - text[start..].trim_start().len());
                for at in [start, trimmed] {
                    let mut cap = text.len().min(at + 2000);
                    while !text.is_char_boundary(cap) {
                        cap -= 1;
                    }
                    lines += 1;
                    matched += usize::from(check(&text[at..cap]).is_some());
                }
            }
        }
        assert!(lines > 100_000 && matched > 10_000, "{lines} {matched}");
    }
}
