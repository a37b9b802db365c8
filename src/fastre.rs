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

use std::sync::OnceLock;

use regex::{CaptureMatches, Captures, Regex};

/// True when Unicode and ASCII word boundaries and word classes agree everywhere in `hay`: no
/// non-ASCII character that `\w` matches (`is_word_character` is the regex crate's `\w`).
fn ascii_forms_agree(hay: &str) -> bool {
    hay.is_ascii() || !hay.chars().any(|c| !c.is_ascii() && regex_syntax::is_word_character(c))
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

/// A regex and, when it has word boundaries or word classes, its twin with their ASCII forms
/// (see the module documentation). The methods have the meaning of [`Regex`]'s.
#[derive(Debug)]
pub(crate) struct FastRegex {
    /// The original, compiled on first use when there is a twin (most haystacks take the twin,
    /// and a process may never need the original: compiling it is most of the cost).
    unicode: OnceLock<Regex>,
    pattern: String,
    ascii: Option<Regex>,
}

impl FastRegex {
    pub(crate) fn new(pattern: &str) -> Result<FastRegex, regex::Error> {
        let twin = ascii_twin(pattern);
        let unicode = OnceLock::new();
        let ascii = if twin == pattern {
            let _ = unicode.set(Regex::new(pattern)?);
            None
        } else {
            // The original is valid when its twin is (the twin only narrows classes and
            // boundaries); still, check its syntax now so that errors surface here.
            regex_syntax::Parser::new().parse(pattern).map_err(|e| regex::Error::Syntax(e.to_string()))?;
            Some(Regex::new(&twin)?)
        };
        Ok(FastRegex { unicode, pattern: pattern.to_string(), ascii })
    }

    /// The regex to run on `hay`: same results, faster engine when possible. Only for searches
    /// of `hay` itself (and of no other haystack); the check scans `hay`, so pick once for many
    /// searches of one haystack.
    pub(crate) fn pick(&self, hay: &str) -> &Regex {
        match &self.ascii {
            Some(a) if ascii_forms_agree(hay) => a,
            _ => self.unicode(),
        }
    }

    /// The original regex (compiled on first use).
    fn unicode(&self) -> &Regex {
        self.unicode.get_or_init(|| Regex::new(&self.pattern).expect("the original of a valid twin"))
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
    /// pattern, whichever regex [`FastRegex::pick`] chose; and the twin is chosen for most.
    #[cfg(test)]
    pub(crate) fn assert_same_as_original(&self, hays: &[String]) {
        let all = |re: &Regex, hay: &str| -> Vec<Vec<Option<std::ops::Range<usize>>>> {
            re.captures_iter(hay).map(|c| c.iter().map(|m| m.map(|m| m.range())).collect()).collect()
        };
        let (mut twin, mut matched) = (0, 0);
        for hay in hays {
            let orig = all(self.unicode(), hay);
            matched += usize::from(!orig.is_empty());
            assert_eq!(all(self.pick(hay), hay), orig, "{:?} on {hay:?}", self.as_str());
            if let Some(a) = &self.ascii {
                if ascii_forms_agree(hay) {
                    twin += 1;
                    assert_eq!(all(a, hay), orig, "{:?} on {hay:?}", self.as_str());
                }
            }
        }
        assert!(self.ascii.is_none() || twin * 2 > hays.len(), "twin used on {twin} of {}", hays.len());
        assert!(matched * 100 > hays.len(), "matches in {matched} of {}", hays.len());
    }

    pub(crate) fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        self.pick(hay).captures(hay)
    }

    pub(crate) fn captures_iter<'r, 'h>(&'r self, hay: &'h str) -> CaptureMatches<'r, 'h> {
        self.pick(hay).captures_iter(hay)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
