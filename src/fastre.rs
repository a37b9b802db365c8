//! A [`Regex`] with Unicode word boundaries that stays on the fast engines.
//!
//! The `regex` crate's lazy DFA cannot evaluate a Unicode `\b`: on the first non-ASCII byte of
//! a haystack it gives up and the search falls back to the PikeVM or the bounded backtracker,
//! 10–50 times slower. Minutes are full of non-ASCII bytes (curly quotes, dashes, `£`, NBSP),
//! so most searches with `\b` took the slow path (profile: about half of all instructions).
//!
//! A Unicode `\b` and an ASCII `(?-u:\b)` only differ next to a non-ASCII *word* character
//! (a letter such as `é`, `ŵ`, a non-ASCII digit...): ASCII `[0-9A-Za-z_]` are word characters
//! under both, and every other character is a non-word character under both. So on a haystack
//! with no non-ASCII word character the two regexes match exactly the same spans with the
//! same groups. [`FastRegex`] keeps both and picks the ASCII twin when the haystack allows it,
//! the original otherwise: the results are those of the original pattern, always.

use std::sync::LazyLock;

use regex::{CaptureMatches, Captures, Regex};

/// Any non-ASCII character that `\w` matches.
static NON_ASCII_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\w&&[^\x00-\x7F]]").expect("non-ASCII word regex"));

/// True when Unicode and ASCII word boundaries agree everywhere in `hay`.
fn ascii_boundaries_agree(hay: &str) -> bool {
    hay.is_ascii() || !NON_ASCII_WORD.is_match(hay)
}

/// `\b` and `\B` outside character classes written as their ASCII forms.
fn ascii_boundaries(pattern: &str) -> String {
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

/// A regex and, when it has word boundaries, its twin with ASCII word boundaries (see the
/// module documentation). The methods have the meaning of [`Regex`]'s.
#[derive(Debug)]
pub(crate) struct FastRegex {
    unicode: Regex,
    ascii: Option<Regex>,
}

impl FastRegex {
    pub(crate) fn new(pattern: &str) -> Result<FastRegex, regex::Error> {
        let unicode = Regex::new(pattern)?;
        let twin = ascii_boundaries(pattern);
        let ascii = if twin == pattern { None } else { Some(Regex::new(&twin)?) };
        Ok(FastRegex { unicode, ascii })
    }

    /// The regex to run on `hay`: same results, faster engine when possible.
    fn pick(&self, hay: &str) -> &Regex {
        match &self.ascii {
            Some(a) if ascii_boundaries_agree(hay) => a,
            _ => &self.unicode,
        }
    }

    /// The original pattern.
    #[cfg(test)]
    pub(crate) fn as_str(&self) -> &str {
        self.unicode.as_str()
    }

    pub(crate) fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        self.pick(hay).captures(hay)
    }

    pub(crate) fn captures_iter<'r, 'h>(&'r self, hay: &'h str) -> CaptureMatches<'r, 'h> {
        self.pick(hay).captures_iter(hay)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_boundaries_outside_classes_only() {
        assert_eq!(ascii_boundaries(r"\bMr\b"), r"(?-u:\b)Mr(?-u:\b)");
        assert_eq!(ascii_boundaries(r"a\Bb"), r"a(?-u:\B)b");
        assert_eq!(ascii_boundaries(r"\\b[\b]"), r"\\b[\b]");
        assert_eq!(ascii_boundaries(r"[^\]]\b"), r"[^\]](?-u:\b)");
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
}
