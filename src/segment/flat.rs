//! Flattened minutes: a PDF's text pasted into a web page as one long line, with the minute
//! references running on inline ("... BCKLWN 01/20 Emergency Evacuation Procedures was read
//! ... 02/20 Openness and Transparency Notice - ..."). Parish minutes numbered by minute
//! reference (`NNN/YY`) count up by one through the meeting, so a run of inline references
//! in sequence is the item structure; the line is cut before each reference of the run, and
//! the rest of the segmenter sees the items at line starts. The text is not touched: a cut
//! only splits one [`Line`] into two spans.
//!
//! A candidate is `N/YY` (1 to 3 digits, a 2-digit year) not inside a longer number or path
//! ("18/00410/O" is a planning reference), followed by a space and an upper-case letter.
//! The run kept is the longest chain of candidates in text order whose numbers go up by one
//! or two (a missing minute) with the same year; it needs [`MIN_RUN`] members. References at
//! line starts join the chain too (a document may be flattened only in places), but only
//! inline members cause cuts; a number of the run seen twice between its first and last
//! member (a repeated page) cuts at both places. In a document that was cut, the header before the run is cut
//! too, before its attendance labels ("... Village Hall Present: Cllr A ... Public: 4 Also,
//! in attendance: ..."), so that each list is a line of its own.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::{trim_span, Line};
use crate::source::Span;

/// Attendance labels inside a flattened header (after a space, before a colon or a dash:
/// "... HELD AT THE CHURCH Present– Cllr David Llewellyn - Chairman, ...").
static HEADER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s(?:Present|Apologies(?: for [Aa]bsence)?|Also,? [Ii]n [Aa]ttendance|In [Aa]ttendance|Absent|Public|Members of the [Pp]ublic)\s*(?::|–|—|-\s)")
        .expect("header label regex")
});

/// Least length of a chain of references in sequence before any line is cut.
pub const MIN_RUN: usize = 3;

/// One candidate: byte offset, number, year.
type Cand = (usize, u32, u32);

/// A member of a run: byte offset, number.
pub(crate) type Member = (usize, u32);

fn candidates(text: &str) -> Vec<Cand> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    // Each candidate is found at its slash.
    for i in memchr::memchr_iter(b'/', b) {
        // Digits before the slash (1..=3), not preceded by a digit, letter, slash or dot.
        let mut s = i;
        while s > 0 && b[s - 1].is_ascii_digit() && i - s < 4 {
            s -= 1;
        }
        let n_len = i - s;
        let before_ok = s == 0 || !(b[s - 1].is_ascii_alphanumeric() || matches!(b[s - 1], b'/' | b'.' | b'-'));
        // Exactly two digits after, then a space and an upper-case ASCII letter.
        let y_ok = b.len() > i + 4
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
            && b[i + 3] == b' '
            && b[i + 4].is_ascii_uppercase();
        if (1..=3).contains(&n_len) && before_ok && y_ok {
            let n: u32 = text[s..i].parse().unwrap_or(0);
            let y: u32 = text[i + 1..i + 3].parse().unwrap_or(0);
            if n > 0 {
                out.push((s, n, y));
            }
        }
    }
    out
}

/// The longest chain of candidates in sequence (numbers up by 1 or 2, same year). Linear in
/// the candidates (a map from (number, year) to its latest occurrence): a hostile text of a
/// million "1/20 A" must not make this quadratic.
fn chain(c: &[Cand]) -> Vec<usize> {
    let mut len = vec![1usize; c.len()];
    let mut prev = vec![usize::MAX; c.len()];
    let mut latest: std::collections::HashMap<(u32, u32), usize> = std::collections::HashMap::new();
    for k in 0..c.len() {
        // The latest earlier candidate one below, else two below (a skipped number).
        for gap in 1..=2 {
            if let Some(&j) = c[k].1.checked_sub(gap).and_then(|n| latest.get(&(n, c[k].2))) {
                len[k] = len[j] + 1;
                prev[k] = j;
                break;
            }
        }
        latest.insert((c[k].1, c[k].2), k);
    }
    let Some(mut k) = (0..c.len()).max_by_key(|&k| (len[k], std::cmp::Reverse(k))) else { return Vec::new() };
    let mut out = vec![k];
    while prev[k] != usize::MAX {
        k = prev[k];
        out.push(k);
    }
    out.reverse();
    out
}

/// Cut `lines` before the inline minute references of the document's run (see the module
/// documentation). Lines without such a reference are returned as they are.
pub(crate) fn cut_inline_refs(text: &str, lines: Vec<Line>) -> Vec<Line> {
    cut_at_run(text, lines, &candidates(text), MIN_RUN, true).0
}

/// Least length of a run of plain inline numbers ("1. ... 2. ... 3. ... 4.").
pub const MIN_NUMBER_RUN: usize = 4;

/// Plain item numbers inside a line: "N." or "N\\." (1 or 2 digits, not part of "5.1" or a
/// date), after white space, then white space and a capital or a digit ("5. 5.1 Chairman's").
fn number_candidates(text: &str) -> Vec<Cand> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for i in 0..b.len() {
        if !b[i].is_ascii_digit() || i > 0 && !b[i - 1].is_ascii_whitespace() {
            continue;
        }
        let mut j = i;
        while j < b.len() && b[j].is_ascii_digit() && j - i < 3 {
            j += 1;
        }
        if j - i > 2 || j < b.len() && b[j].is_ascii_digit() {
            continue;
        }
        let dot = if b[j..].starts_with(b"\\.") {
            2
        } else if b[j..].starts_with(b".") {
            1
        } else {
            continue;
        };
        let k = j + dot;
        let next = b[k..].iter().position(|c| !c.is_ascii_whitespace()).map(|p| k + p);
        let ok = k < b.len()
            && b[k].is_ascii_whitespace()
            && next.is_some_and(|p| b[p].is_ascii_uppercase() || b[p].is_ascii_digit());
        if ok {
            let n: u32 = text[i..j].parse().unwrap_or(0);
            if n > 0 {
                out.push((i, n, 0));
            }
        }
    }
    out
}

/// Flattened minutes numbered "1. Apologies ... 2. No Declarations ... 3. The Minutes ...":
/// the lines cut before the inline members of the longest run of numbers counting up (at
/// least [`MIN_NUMBER_RUN`]), and where each member of the run starts, with its number.
/// Meant as a second try for a document in which no heading was found: in other documents
/// "1. ... 2. ... 3." inside a line is a list.
pub(crate) fn cut_inline_numbers(text: &str, lines: Vec<Line>) -> Option<(Vec<Line>, Vec<Member>)> {
    let cands = number_candidates(text);
    let (cut, run) = cut_at_run(text, lines, &cands, MIN_NUMBER_RUN, false);
    (!run.is_empty()).then_some((cut, run))
}

/// Cut `lines` before the inline members of the longest chain of `cands` (at least `min`
/// long), and the header before it at its attendance labels; with `repeats`, also before
/// other occurrences of the run's numbers between its ends. Also returns the chain's members
/// (offset, number); empty when nothing was cut.
fn cut_at_run(text: &str, lines: Vec<Line>, cands: &[Cand], min: usize, repeats: bool) -> (Vec<Line>, Vec<Member>) {
    if cands.len() < min {
        return (lines, Vec::new());
    }
    let run = chain(cands);
    if run.len() < min {
        return (lines, Vec::new());
    }
    let members: Vec<Member> = run.iter().map(|&k| (cands[k].0, cands[k].1)).collect();
    // Every occurrence of a number of the run between its first and last member cuts: a
    // page repeated by the flattening, or two minutes given the same number, are items too.
    let (lo, hi) = (cands[run[0]].0, cands[run[run.len() - 1]].0);
    let numbers: std::collections::HashSet<(u32, u32)> = run.iter().map(|&k| (cands[k].1, cands[k].2)).collect();
    let mut cuts: Vec<usize> = if repeats {
        cands.iter().filter(|c| lo <= c.0 && c.0 <= hi && numbers.contains(&(c.1, c.2))).map(|c| c.0).collect()
    } else {
        members.iter().map(|m| m.0).collect()
    };
    // Only inline members cut: a reference at a line's content start is already a line start.
    let starts: std::collections::HashSet<usize> = lines.iter().map(|l| l.content.start).collect();
    cuts.retain(|at| !starts.contains(at));
    if cuts.is_empty() {
        return (lines, Vec::new());
    }
    let head = cands[run[0]].0;
    // The label starts after the white space the match opens with (a no-break space is two
    // bytes).
    let label_start = |m: regex::Match| m.start() + m.as_str().chars().next().map_or(0, char::len_utf8);
    let mut labels: Vec<usize> = HEADER_LABEL.find_iter(&text[..head]).map(label_start).collect();
    labels.retain(|at| !starts.contains(at));
    labels.append(&mut cuts);
    let cuts = labels;
    let mut out = Vec::with_capacity(lines.len() + cuts.len());
    let mut next = 0;
    for l in lines {
        while next < cuts.len() && cuts[next] < l.span.start {
            next += 1;
        }
        let mut from = l.span.start;
        while next < cuts.len() && cuts[next] < l.span.end {
            let at = cuts[next];
            out.push(piece(text, from, at));
            from = at;
            next += 1;
        }
        if from == l.span.start {
            out.push(l);
        } else {
            out.push(piece(text, from, l.span.end));
        }
    }
    (out, members)
}

/// Where a line of bullets run together should be cut: "• The Clerk agreed to ask ... • Cllr
/// Janet Taylor agreed to visit ... • Cllr Trudy Mann shared ...". Offsets of the "•" that
/// follow white space, when the line opens with one and another follows, or when two or more
/// follow ("the following: • Missing tree guards could be added; • Planting ..."): a single
/// "•" inside a sentence may be a separator of another kind.
pub(crate) fn inline_bullets(s: &str) -> Vec<usize> {
    let cuts: Vec<usize> = s
        .match_indices('\u{2022}')
        .map(|(at, _)| at)
        .filter(|&at| {
            // Before an entry's capital: "swings • slide • zip wire were all found ..." is a
            // list inside a sentence.
            let next = s[at + '\u{2022}'.len_utf8()..].trim_start().chars().next();
            at > 0 && s[..at].ends_with(char::is_whitespace) && next.is_some_and(char::is_uppercase)
        })
        .collect();
    if cuts.len() >= 2 || !cuts.is_empty() && s.starts_with('\u{2022}') {
        cuts
    } else {
        Vec::new()
    }
}

/// Roman numerals for inline points, in order.
const ROMAN: [&str; 20] = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii",
    "xviii", "xix", "xx",
];

/// Where a paragraph whose points were run together on one line should be cut: "i. Newsletters
/// ... ii. Email from a resident ... iii. Letter from ...". The text must start with the first
/// label ("i." / "a." / "(i)" / "(a)" / "i)"); each later point is the next label of the same
/// series and style, before a capital letter and after a space; a letter label (and "v", "x")
/// also after the end of a sentence (". ", ": ", "; "). Offsets are of the labels after the
/// first; none when the series does not go on.
pub(crate) fn inline_points(s: &str) -> Vec<usize> {
    let (open, first, close) = if let Some(rest) = s.strip_prefix('(') {
        ("(", rest.chars().next(), ")")
    } else {
        let c = s.chars().next();
        let close = s.get(1..2).unwrap_or("");
        ("", c, if close == ")" { ")" } else { "." })
    };
    let Some(first) = first else { return Vec::new() };
    let roman = first == 'i';
    let series: Vec<String> = match first {
        'i' => ROMAN.iter().map(|r| r.to_string()).collect(),
        'a' => ('a'..='z').map(String::from).collect(),
        _ => return Vec::new(),
    };
    let head = format!("{open}{}{close}", series[0]);
    if !s.starts_with(&head) || !s[head.len()..].starts_with([' ', '\t']) {
        return Vec::new();
    }
    let mut cuts = Vec::new();
    let mut from = head.len();
    for next in &series[1..] {
        let label = format!("{open}{next}{close}");
        let found = s[from..].match_indices(&label).map(|(i, _)| from + i).find(|&at| {
            let before = s[..at].trim_end_matches([' ', '\t']);
            let after = &s[at + label.len()..];
            // Roman numerals past "i" are not words: after any word will do. A letter must
            // follow a sentence's end ("plan a. The" is not a point).
            let ended = before.ends_with(['.', ':', ';', '!', '?']) || roman && next.len() > 1;
            before.len() < at
                && ended
                && after.starts_with([' ', '\t'])
                && after.trim_start().chars().next().is_some_and(char::is_uppercase)
        });
        match found {
            Some(at) => {
                cuts.push(at);
                from = at + label.len();
            }
            None => break,
        }
    }
    cuts
}

/// Does label `next` come right after `prev` in a roman ("iv", "v") or letter ("h", "i")
/// series? "i", "v" and "x" may be either: "i" is followed by "ii" or "j".
pub(crate) fn follows(prev: &str, next: &str) -> bool {
    let roman = ROMAN.iter().position(|r| *r == prev).is_some_and(|k| ROMAN.get(k + 1) == Some(&next));
    let mut p = prev.chars();
    let mut n = next.chars();
    let letter = match (p.next(), p.next(), n.next(), n.next()) {
        (Some(a), None, Some(b), None) => a.is_ascii_lowercase() && b as u32 == a as u32 + 1,
        _ => false,
    };
    roman || letter
}

fn piece(text: &str, start: usize, end: usize) -> Line {
    let span = Span::new(start, end);
    Line { span, content: trim_span(text, span) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::lines::lines;

    fn cut(text: &str) -> Vec<&str> {
        cut_inline_refs(text, lines(text)).iter().map(|l| &text[l.content.start..l.content.end]).collect()
    }

    #[test]
    fn a_no_break_space_before_a_header_label() {
        // A property test put U+00A0 before "Present:"; the cut fell inside it.
        let t = "MINUTES OF ANYTOWN PARISH COUNCIL HELD ON 23 JANUARY 2017 \u{a0}Present: Cllr A Cole 1. Apologies received. 2. No Declarations made. 3. The Minutes were agreed. 4. Matters Arising.";
        let (cut, _) = cut_inline_numbers(t, lines(t)).expect("a run");
        let got: Vec<&str> = cut.iter().map(|l| &t[l.content.start..l.content.end]).collect();
        assert!(got.iter().any(|l| l.starts_with("Present:")), "{got:?}");
    }

    #[test]
    fn cuts_a_run_of_inline_numbers() {
        let t = "MINUTES OF ANYTOWN PARISH COUNCIL HELD ON 23 JANUARY 2017 Present: Cllr A Cole 1. Apologies for Absence received; Cllr B Dale. 2. No Declarations of Interest made 3. The Minutes were agreed. The fee is £5. 4. Matters Arising. 5. 5.1 Chairman's Report nothing.";
        let (cut, members) = cut_inline_numbers(t, lines(t)).expect("a run");
        let got: Vec<&str> = cut.iter().map(|l| &t[l.content.start..l.content.end]).collect();
        assert_eq!(got[0], "MINUTES OF ANYTOWN PARISH COUNCIL HELD ON 23 JANUARY 2017");
        assert_eq!(got[1], "Present: Cllr A Cole");
        assert_eq!(got[2], "1. Apologies for Absence received; Cllr B Dale.");
        assert_eq!(got[4], "3. The Minutes were agreed. The fee is £5.", "'£5.' is not a number of the run");
        assert_eq!(members.iter().map(|m| m.1).collect::<Vec<_>>(), vec![1, 2, 3, 4, 5]);
        let t = "MINUTES OF ANYTOWN PARISH COUNCIL HELD AT THE CHURCH Present– Cllr A Cole - Chairman, Cllr B Dale 1. Apologies none. 2. Declarations none. 3. Minutes agreed. 4. Accounts paid.";
        let (cut, _) = cut_inline_numbers(t, lines(t)).expect("a run");
        assert_eq!(&t[cut[1].content.start..cut[1].content.end], "Present– Cllr A Cole - Chairman, Cllr B Dale");
        // Three numbers are a list, not a run; nor are numbers each at a line's start.
        assert!(cut_inline_numbers("Options: 1. Hall 2. Field 3. Road", lines("Options: 1. Hall 2. Field 3. Road"))
            .is_none());
        let t = "1. A\n2. B\n3. C\n4. D\n";
        assert!(cut_inline_numbers(t, lines(t)).is_none());
    }

    #[test]
    fn series() {
        assert!(follows("iv", "v") && follows("viii", "ix") && follows("b", "c"));
        assert!(follows("h", "i") && follows("i", "ii") && follows("i", "j"));
        assert!(!follows("iv", "vi") && !follows("z", "aa") && !follows("1", "2") && !follows("ii", "b"));
    }

    #[test]
    fn bullets_run_together_are_cut() {
        let s = "\u{2022} The Clerk agreed to ask. \u{2022} Cllr Jo Bell agreed to visit.";
        assert_eq!(inline_bullets(s), [s.rfind('\u{2022}').unwrap()]);
        let s = "the following: \u{2022} Tree guards; \u{2022} Planting";
        assert_eq!(inline_bullets(s).len(), 2);
        // One bullet inside a sentence, and a bullet glued to a word, cut nothing.
        assert!(inline_bullets("Items \u{2022} Parking and more").is_empty());
        assert!(inline_bullets("\u{2022} Parking\u{2022}x").is_empty());
        assert!(inline_bullets("Play area inspection \u{2022} swings \u{2022} slide were found in order").is_empty());
    }

    #[test]
    fn inline_points_in_series() {
        let cut = |s: &'static str| inline_points(s).iter().map(|&at| &s[at..]).collect::<Vec<_>>();
        let t = "i. Newsletters: Norfolk ii. Email from a resident. It was agreed. iii. Letter from Lily.";
        assert_eq!(
            cut(t),
            vec!["ii. Email from a resident. It was agreed. iii. Letter from Lily.", "iii. Letter from Lily."]
        );
        // The next label must follow a sentence's end and come before a capital letter.
        assert!(inline_points("i. Plans ii. 19/00416/F").is_empty());
        assert!(inline_points("a. The plan b. The hall").is_empty(), "a letter needs a sentence end");
        assert_eq!(
            cut("i. A ii. B iii. C iv. D v. E"),
            vec!["ii. B iii. C iv. D v. E", "iii. C iv. D v. E", "iv. D v. E"]
        );
        assert_eq!(
            cut("i. New plans. ii. 19/00416/F. No objections. ii. Decisions noted"),
            vec!["ii. Decisions noted"]
        );
        assert_eq!(
            cut("(a) The hall. (b) The field. (c) The road."),
            vec!["(b) The field. (c) The road.", "(c) The road."]
        );
        assert_eq!(cut("a) Hall; b) Field"), vec!["b) Field"]);
        // Not a series: "i" is not where the text starts, or the second label is missing.
        assert!(inline_points("The i. Hall. ii. Field").is_empty());
        assert!(inline_points("i. Hall. iii. Field").is_empty());
        assert!(inline_points("ii. Hall. iii. Field").is_empty());
    }

    #[test]
    fn cuts_a_run_of_inline_references() {
        let t = "Present: Cllr A B 01/20 Evacuation was read. 02/20 Openness - the meeting. 04/20 Apologies were received, see 18/00410/O and 02/20 Minute.";
        assert_eq!(
            cut(t),
            vec![
                "Present: Cllr A B",
                "01/20 Evacuation was read.",
                "02/20 Openness - the meeting.",
                "04/20 Apologies were received, see 18/00410/O and 02/20 Minute."
            ]
        );
    }

    #[test]
    fn cuts_a_flattened_header_at_attendance_labels() {
        let t = "Minutes held on 8 January 2020 Present: Cllr A B (Chair) Cllr C D Public: 4 Also, in attendance: E F 01/20 Evacuation. 02/20 Openness. 03/20 Apologies: none.";
        assert_eq!(
            cut(t),
            vec![
                "Minutes held on 8 January 2020",
                "Present: Cllr A B (Chair) Cllr C D",
                "Public: 4",
                "Also, in attendance: E F",
                "01/20 Evacuation.",
                "02/20 Openness.",
                "03/20 Apologies: none."
            ]
        );
    }

    #[test]
    fn leaves_line_start_references_and_short_runs() {
        let t = "206/18 Clerk's report ... 207/18 To Approve: the plan\n208/18 Letter\n";
        assert_eq!(cut(t), vec!["206/18 Clerk's report ...", "207/18 To Approve: the plan", "208/18 Letter", ""]);
        // Two references are not a run.
        let t = "See 12/19 Report and 13/19 Budget.";
        assert_eq!(cut(t), vec![t]);
        // Numbers that do not count up are not a run.
        let t = "Minutes 12/19 Report, 15/19 Budget and 11/19 Plan.";
        assert_eq!(cut(t), vec![t]);
    }
}
