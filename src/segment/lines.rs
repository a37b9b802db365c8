//! The line tokenizer: text to [`Line`]s with spans. It cannot fail.
//!
//! Whitespace here is Unicode whitespace, so the U+00A0 that ModernGov pages put after
//! paragraph numbers and on "blank" lines counts as blank; `\r\n` is a line end.

use crate::source::Span;

/// One physical line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line {
    /// The line without its line end.
    pub span: Span,
    /// The line without leading and trailing whitespace (empty span at `span.start` when blank).
    pub content: Span,
}

impl Line {
    /// True when the line holds only whitespace.
    pub fn is_blank(&self) -> bool {
        self.content.is_empty()
    }
}

/// Split `text` into lines.
pub(crate) fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    while start <= text.len() {
        let end = memchr_newline(&bytes[start..]).map_or(text.len(), |i| start + i);
        let mut line_end = end;
        if line_end > start && bytes[line_end - 1] == b'\r' {
            line_end -= 1;
        }
        let raw = &text[start..line_end];
        let trimmed_start = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        let content = if trimmed.is_empty() {
            Span::new(start, start)
        } else {
            Span::new(start + trimmed_start, start + trimmed_start + trimmed.len())
        };
        out.push(Line { span: Span::new(start, line_end), content });
        if end == text.len() {
            break;
        }
        start = end + 1;
    }
    out
}

fn memchr_newline(b: &[u8]) -> Option<usize> {
    memchr::memchr(b'\n', b)
}

/// The positions in `b` of the bytes of `set`, in order: `memchr3` over each half of the set,
/// merged (the halves share no byte, so no position comes twice; a half may repeat a byte).
/// The sentence splitters look only at the bytes that can end a sentence.
pub(crate) fn positions_of(b: &[u8], set: [u8; 6]) -> impl Iterator<Item = usize> + '_ {
    debug_assert!(set[..3].iter().all(|c| !set[3..].contains(c)), "{set:?}");
    let mut x = memchr::memchr3_iter(set[0], set[1], set[2], b).peekable();
    let mut y = memchr::memchr3_iter(set[3], set[4], set[5], b).peekable();
    std::iter::from_fn(move || match (x.peek(), y.peek()) {
        (Some(i), Some(j)) if i < j => x.next(),
        (Some(_), None) => x.next(),
        _ => y.next(),
    })
}

/// The starts of the occurrences of `needle` in `hay`, in order, for a needle whose only `:` is
/// its last character ("Minutes:", "THOSE PRESENT WERE:"): each occurrence ends at a colon of
/// `hay`, so only the bytes before each colon (found with `memchr`) are compared. Most lines
/// have no colon, and `str::find` sets up a two-way searcher on every call. Such a needle
/// cannot overlap itself (a suffix equal to a prefix would end in a second `:`), so these
/// are also the non-overlapping matches `str::match_indices` gives.
pub(crate) fn colon_ended_matches<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    debug_assert!(needle.ends_with(':') && needle.matches(':').count() == 1, "{needle:?}");
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    memchr::memchr_iter(b':', h).map(|p| p + 1).filter(move |&end| h[..end].ends_with(n)).map(move |end| end - n.len())
}

/// Trim Unicode whitespace from both ends of `span` within `text`.
/// Words that end in a full stop without ending a sentence: titles and common abbreviations.
const ABBREVIATIONS: &[&str] = &[
    "Capt", "Cllr", "Cllrs", "Co", "Cyng", "Dr", "Hon", "Ltd", "Min", "Mr", "Mrs", "Ms", "No", "Nos", "Prof", "Rev",
    "St", "etc",
];

/// Does `before` (text up to a ".") end in an initial or an abbreviation ("J", "Cllr", "No")?
pub(crate) fn ends_in_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let single = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single || ABBREVIATIONS.contains(&word)
}

pub(crate) fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if t.is_empty() {
        Span::new(span.start, span.start)
    } else {
        Span::new(span.start + lead, span.start + lead + t.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_of_are_the_bytes_of_the_set() {
        let set = [b'.', b'?', b'!', b'\n', b'<', 0xE2];
        let hays = crate::fastre::sample_haystacks(2_000, &[".", "?!", "\n", "<li>", "• ", "…"]);
        for h in &hays {
            let b = h.as_bytes();
            let theirs: Vec<usize> = (0..b.len()).filter(|&i| set.contains(&b[i])).collect();
            assert_eq!(positions_of(b, set).collect::<Vec<_>>(), theirs, "{h:?}");
        }
    }

    #[test]
    fn colon_ended_matches_are_match_indices() {
        let needles = ["Minutes:", "Decision:", "THOSE PRESENT WERE:", "Those present were:"];
        let hays =
            crate::fastre::sample_haystacks(5_000, &["Minutes", "Decision", ":", "::", "Minutes:Minutes:", "é:"]);
        let mut found = 0;
        for h in
            hays.iter().map(String::as_str).chain(["Minutes:", "xMinutes::Decision: Minutes:", "THOSE PRESENT WERE:"])
        {
            for n in needles {
                let theirs: Vec<usize> = h.match_indices(n).map(|(at, _)| at).collect();
                assert_eq!(colon_ended_matches(h, n).collect::<Vec<_>>(), theirs, "{h:?} {n:?}");
                found += theirs.len();
            }
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn splits_crlf_and_nbsp_blank_lines() {
        let text = "Agenda item\r\n\u{a0}\r\n1.\u{a0}\u{a0} Text\n";
        let ls = lines(text);
        assert_eq!(ls.len(), 4);
        assert_eq!(&text[ls[0].content.start..ls[0].content.end], "Agenda item");
        assert!(ls[1].is_blank());
        assert_eq!(&text[ls[2].content.start..ls[2].content.end], "1.\u{a0}\u{a0} Text");
        assert!(ls[3].is_blank());
    }

    #[test]
    fn trims_spans() {
        let text = "  a b \u{a0}";
        assert_eq!(trim_span(text, Span::new(0, text.len())), Span::new(2, 5));
    }
}
