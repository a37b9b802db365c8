//! Verbatim transcripts written after (or instead of) the minutes proper. US councils publish
//! the closed-caption text of the meeting after the agenda, one long run of speaker turns:
//!
//! ```text
//! ... [gavel pounding] Adams: Good morning and welcome ...  Moore-Love: Here.  ...
//! Please read the title for item number 40.    Item 40.
//! Moore-Love: She's not coming.    Adams: Ok.  Moving to the consent agenda.  ...
//! January 12, 2011  8 of 18 Consent Agenda roll. Fritz: I vote aye.  ...
//! ```
//!
//! A transcript starts at the first turn of a dense run of turns by recurring speakers. The
//! clerk's reading of an item ("Item 40.", "Item 59 roll.", "Consent Agenda roll.") starts a
//! new item at the next turn; its paragraphs are the turns (see [`turns`]).

use std::sync::LazyLock;

use regex::Regex;

/// A speaker label where a turn may start: after a line break, two spaces, or the end of a
/// sentence. One to three capitalised words (or the captioner's "*****"), optionally a
/// ", role" description, then a colon. [`turn_at`] matches it by hand (compiling it cost
/// about a quarter of the time spent finding turns); it stays as the tests' oracle.
#[cfg(test)]
static TURN_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?:^|\n|[\x20\t]{2}|[.?!\]]\s)[\x20\t]*
        (?P<label>\*{5}|[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?(?:\x20[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?){0,2})
        (?:,\x20[A-Z][^:\n]{2,100}?)?:[\x20\t\n]",
    )
    .expect("turn regex")
});

/// The clerk reading an item's title or calling its roll.
static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Item\s+(?P<n>\d{1,4}[A-Z]?)|(?P<c>Consent\s+Agenda))(?:\s+roll)?\.(?:\s|$)")
        .expect("marker regex")
});

/// Labels that end with a colon in minutes without being speakers.
const NOT_SPEAKERS: &[&str] = &[
    "Absent",
    "Action",
    "Actions",
    "Agenda",
    "Agreed",
    "Ayes",
    "Apologies",
    "Attendees",
    "Date",
    "Decision",
    "Key",
    "Location",
    "Minutes",
    "Motion",
    "Nays",
    "Noes",
    "Note",
    "Notes",
    "Present",
    "Resolved",
    "Second",
    "Time",
    "Venue",
    "Vote",
    "Votes",
];

/// Turns by speakers needed, in all, for a document to have a transcript.
const MIN_TURNS: usize = 15;
/// Turns needed within [`WINDOW`] bytes of the first one for a run to count as dense.
const DENSE_TURNS: usize = 6;
const WINDOW: usize = 10_000;

/// Where the transcript of a document starts and where each of its items starts (with the
/// item number the clerk read, if any).
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Transcript {
    pub items: Vec<(usize, Option<String>)>,
}

/// Speaker-turn starts in `text` (byte offsets of the label).
pub(super) fn turns(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut colon = 0;
    while let Some(t) = turn_at(text, at) {
        let label = &text[t.label.clone()];
        // The next search starts at the label's colon, so that "A: ...  B: ..." finds both.
        at = t.label.end;
        // A label inside the role of the one before ("Ron Geason, Sr. Business Operations
        // Manager, Bureau of Transportation:" holds "Business Operations Manager, ...:") ends
        // at the same colon: it is part of that label, no turn of its own.
        let skip = t.label.start < colon;
        colon = t.end;
        let first = label.split(' ').next().unwrap_or("");
        if skip || NOT_SPEAKERS.contains(&first) {
            continue;
        }
        out.push((t.label.start, label));
    }
    out
}

/// A match of [`TURN_AT`]: where it starts and ends, and its label.
#[derive(Debug, PartialEq, Eq)]
struct Turn {
    start: usize,
    end: usize,
    label: std::ops::Range<usize>,
}

/// `TURN_AT.captures_at(text, at)`, without running the regex over the whole text (a lazy DFA
/// pass over every byte: most of the text holds no turn). A match holds exactly one colon,
/// the one before its last byte (no part of the pattern before it matches ':'), so its colon
/// is the first colon at or after its start, and white space (`[ \t\n]`) follows it. And a
/// match starts at most two bytes before the line of its colon (only its opening `\n`, or the
/// `\s` after a sentence end, can be a line break). So, with `c` the first colon at or after
/// `at` that white space follows: no match starts in `at..line_start(c) - 2`, and every match
/// starting at or before `c` ends at `c + 2`; [`turn_from`] is tried at each start from two
/// bytes before `c`'s line up to `c`. No match there: none starts at or before `c`, and the
/// next such colon is tried. Most such colons end no label: the starts are tried only where
/// the word before the colon may end one or a ", " before it may start a role.
fn turn_at(text: &str, mut at: usize) -> Option<Turn> {
    let b = text.as_bytes();
    loop {
        let c = memchr::memchr_iter(b':', &b[at..])
            .map(|i| at + i)
            .find(|&c| matches!(b.get(c + 1), Some(b' ' | b'\t' | b'\n')))?;
        // The line's start only matters after `at` (a line break searched before `at` too made
        // this quadratic on long lines).
        let line = memchr::memrchr(b'\n', &b[at..c]).map_or(at, |n| at + n + 1);
        let lo = line.saturating_sub(2).max(at);
        // The label ends at the colon ("*****", or a capital and lower-case letters: the
        // whole run of lower-case letters before the colon, since a capital comes before
        // each run in a label), or it has a ", role" of 3 to 101 characters (at most 404
        // bytes) before the colon, ", " and a capital.
        let run = b[..c].iter().rev().take_while(|x| x.is_ascii_lowercase()).count();
        let label_before = (run > 0 && c > run && b[c - run - 1].is_ascii_uppercase()) || b[..c].ends_with(b"*****");
        let window = &b[c.saturating_sub(410).max(lo)..c];
        let role = || {
            memchr::memchr_iter(b',', window)
                .any(|i| window.get(i + 1) == Some(&b' ') && window.get(i + 2).is_some_and(u8::is_ascii_uppercase))
        };
        if label_before || role() {
            // Every opening starts with an ASCII byte (`^` aside), so at a character boundary.
            if let Some(t) = (lo..=c).find_map(|s| turn_from(text, s)) {
                return Some(t);
            }
        }
        at = c + 1;
    }
}

/// [`TURN_AT`] anchored at `s` (`^` holding only at 0), by hand.
///
/// Each part of the pattern has one way to match here, so no backtracking is needed: the
/// opening decides where the blanks after it end, and the label must start there (it cannot
/// start with a blank). A capitalised word's `[a-z]+` takes the whole run of lower-case
/// letters, since nothing that may follow starts with one; a word's `[-'’]` part, and each
/// further word, is taken whenever it matches, since without it the next character (the
/// separator, or the space) could neither start a role nor be the colon. The role, `,\x20`,
/// a capital and 2 to 100 characters up to the colon (lazily), ends at the first ':' or line
/// break, and must be followed by `:[\x20\t\n]`; without a role the label is followed by it.
fn turn_from(text: &str, s: usize) -> Option<Turn> {
    let b = text.as_bytes();
    let blank = |i: usize| matches!(b.get(i), Some(b' ' | b'\t'));
    // Where the opening ends: `\n`; an end of sentence and one white-space character; `^`,
    // whose blanks are also those of `[\x20\t]{2}` (where `^` fails, at a line break or a
    // sentence end, the label would start there); two blanks.
    let open = match b.get(s)? {
        b'\n' => s + 1,
        b'.' | b'?' | b'!' | b']' => {
            let ws = text[s + 1..].chars().next().filter(|c| c.is_whitespace())?;
            s + 1 + ws.len_utf8()
        }
        _ if s == 0 => 0,
        b' ' | b'\t' if blank(s + 1) => s + 2,
        _ => return None,
    };
    let l = open + b[open..].iter().take_while(|&&x| x == b' ' || x == b'\t').count();
    let lower_run = |i: usize| b.get(i..).map_or(0, |r| r.iter().take_while(|x| x.is_ascii_lowercase()).count());
    // A capital and lower-case letters: where they end.
    let cap_word = |i: usize| {
        let n = if b.get(i).is_some_and(u8::is_ascii_uppercase) { lower_run(i + 1) } else { 0 };
        (n > 0).then_some(i + 1 + n)
    };
    // `[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?`: where it ends.
    let word = |i: usize| {
        let e = cap_word(i)?;
        let sep = match b.get(e) {
            Some(b'-' | b'\'') => 1,
            _ if b[e..].starts_with("’".as_bytes()) => 3,
            _ => 0,
        };
        Some(if sep > 0 { cap_word(e + sep).unwrap_or(e) } else { e })
    };
    let e = if b[l..].starts_with(b"*****") {
        l + 5
    } else {
        let mut e = word(l)?;
        for _ in 0..2 {
            match b.get(e) {
                Some(b' ') => match word(e + 1) {
                    Some(next) => e = next,
                    None => break,
                },
                _ => break,
            }
        }
        e
    };
    let colon = if b.get(e) == Some(&b',') {
        // `,\x20[A-Z][^:\n]{2,100}?:`
        if b.get(e + 1) != Some(&b' ') || !b.get(e + 2).is_some_and(u8::is_ascii_uppercase) {
            return None;
        }
        let from = e + 3;
        let stop = memchr::memchr2(b':', b'\n', &b[from..]).map(|i| from + i)?;
        let n = text[from..stop].chars().count();
        if b[stop] != b':' || !(2..=100).contains(&n) {
            return None;
        }
        stop
    } else {
        e
    };
    (b.get(colon) == Some(&b':') && matches!(b.get(colon + 1), Some(b' ' | b'\t' | b'\n'))).then_some(Turn {
        start: s,
        end: colon + 2,
        label: l..e,
    })
}

/// ": " as a regex: a literal, searched with the `memchr` crate's vectorised substring search
/// (`str::matches` runs two-way, several times the instructions per byte).
static COLON_SPACE: LazyLock<Regex> = LazyLock::new(|| Regex::new(": ").expect("literal regex"));

/// At least `MIN_TURNS` occurrences of ": " (counting stops there, not at the end of the text).
fn has_turn_colons(text: &str) -> bool {
    COLON_SPACE.find_iter(text).nth(MIN_TURNS - 1).is_some()
}

/// Find the transcript in `text`, if it has one.
pub(super) fn find(text: &str) -> Option<Transcript> {
    // Cheap test first: most minutes have few colons after capitalised words.
    if !has_turn_colons(text) {
        return None;
    }
    let all = turns(text);
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (_, l) in &all {
        match counts.iter_mut().find(|(k, _)| k == l) {
            Some(c) => c.1 += 1,
            None => counts.push((l, 1)),
        }
    }
    let recurring = |l: &str| counts.iter().any(|(k, c)| *k == l && *c >= 3);
    let rec: Vec<usize> = all.iter().filter(|(_, l)| recurring(l)).map(|(p, _)| *p).collect();
    // Notes written turn by turn, a line each ("KG: ..."), have their own headings; a
    // transcript is running text with turns inside its lines.
    let inline = rec.iter().filter(|&&p| p > 0 && text.as_bytes()[p - 1] != b'\n').count();
    if rec.len() < MIN_TURNS || inline * 2 < rec.len() {
        return None;
    }
    let start = rec.iter().enumerate().find_map(|(i, &p)| {
        let dense = rec[i..].iter().take_while(|&&q| q < p + WINDOW).count();
        (dense >= DENSE_TURNS).then_some(p)
    })?;
    let mut items = vec![(start, None::<String>)];
    let mut current: Option<String> = None;
    for m in MARKER.captures_iter(&text[start..]) {
        let whole = m.get(0).expect("marker");
        let number = m.name("n").map_or_else(|| "consent".to_string(), |n| n.as_str().to_string());
        if current.as_deref() == Some(number.as_str()) {
            continue;
        }
        let after = start + whole.end();
        let next_turn = all.iter().map(|(p, _)| *p).find(|&p| p >= after).filter(|&p| p < after + 400);
        let at = next_turn.unwrap_or(after);
        if at >= text.len() || items.last().is_some_and(|(s, _)| *s >= at) {
            continue;
        }
        current = Some(number.clone());
        items.push((at, m.name("n").map(|n| n.as_str().to_string())));
    }
    Some(Transcript { items })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colon_count_stops_at_the_threshold() {
        for n in 0..40 {
            for sep in [": ", "::  ", ": :", "x:y "] {
                let text = format!("{}tail", format!("A{sep}").repeat(n));
                assert_eq!(has_turn_colons(&text), text.matches(": ").count() >= MIN_TURNS, "{text:?}");
            }
        }
    }

    /// The speaker turns as the regex alone finds them (`turns` before `turn_at`).
    fn turns_by_regex(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut at = 0;
        let mut colon = 0;
        while let Some(c) = TURN_AT.captures_at(text, at) {
            let label = c.name("label").expect("label");
            at = label.end();
            let skip = label.start() < colon;
            colon = c.get(0).expect("match").end();
            let first = label.as_str().split(' ').next().unwrap_or("");
            if skip || NOT_SPEAKERS.contains(&first) {
                continue;
            }
            out.push((label.start(), label.as_str()));
        }
        out
    }

    /// The groups of a match of `TURN_AT`, whole match first.
    fn groups(c: regex::Captures) -> Vec<Option<std::ops::Range<usize>>> {
        c.iter().map(|m| m.map(|m| m.range())).collect()
    }

    /// The same for `turn_at`'s.
    fn turn_groups(t: Turn) -> Vec<Option<std::ops::Range<usize>>> {
        vec![Some(t.start..t.end), Some(t.label)]
    }

    /// Every search `turn_at` makes, compared with the regex's, with all its groups.
    fn same_turns(text: &str) -> usize {
        let mut at = 0;
        let mut found = 0;
        loop {
            let want = TURN_AT.captures_at(text, at).map(groups);
            assert_eq!(turn_at(text, at).map(turn_groups), want, "{text:?} at {at}");
            let Some(w) = want else { break };
            found += 1;
            at = w[1].clone().expect("label").end;
        }
        assert_eq!(turns(text), turns_by_regex(text), "{text:?}");
        found
    }

    #[test]
    fn turn_at_is_the_regex_search() {
        let extra = [
            ": ",
            ":\t",
            ":\n",
            "\n",
            "  ",
            ". ",
            ".\n",
            "?\u{2028}",
            "]\u{85}",
            "Adams: ",
            "Moore-Love:",
            "*****: ",
            ", Clerk: ",
            "O’Neill:",
            "Fish",
            "Vice Chair",
            " Item 40. ",
            "10:30",
            "\t",
        ];
        let mut found = 0;
        for h in crate::fastre::sample_haystacks(20_000, &extra) {
            found += same_turns(&h);
            // At every start, too (`^`, and a start inside a label).
            for at in (0..h.len()).filter(|&i| h.is_char_boundary(i)).step_by(5) {
                assert_eq!(turn_at(&h, at).map(turn_groups), TURN_AT.captures_at(&h, at).map(groups), "{h:?} at {at}");
            }
        }
        assert!(found > 2_000, "{found}");
        let text = sample();
        assert!(same_turns(&text) > 15);
        assert!(same_turns(&text.replace("  ", "\n")) > 15);
        assert!(same_turns(&text.replace(". ", ".\n")) > 10);
    }

    /// Roles near the limits of their length, with multi-byte characters (counted as one), and
    /// labels whose words do not all fit.
    #[test]
    fn turn_at_is_the_regex_search_at_the_limits() {
        let mut texts = Vec::new();
        for n in 0..106 {
            for fill in ["x", "é", "’", "\r", " "] {
                texts.push(format!("Ok.  Ann Lee, C{}: Yes.  Bob: No.", fill.repeat(n)));
                texts.push(format!("Ok.\nAnn, C{}\n: Yes.  Bob, Cx:: No.", fill.repeat(n)));
            }
        }
        for label in ["Smith-jones", "Smith-Jones", "O’Neill", "Ann Lee Fox Day", "Ann  Lee", "A", "******", "****"] {
            for open in ["", "\n", "  ", ". ", ".\u{a0}", "]\t", "!x", " ", "\t\t \t"] {
                texts.push(format!("{open}{label}: a{open}{label}, The Clerk:\tb{open}{label}:x {open}{label}:"));
            }
        }
        for text in &texts {
            same_turns(text);
            for at in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(
                    turn_at(text, at).map(turn_groups),
                    TURN_AT.captures_at(text, at).map(groups),
                    "{text:?} at {at}"
                );
            }
        }
    }

    /// `turn_at` against the regex on every bulk file, whole (transcripts are long runs).
    #[test]
    #[ignore = "needs ../shared/corpus/bulk; slow"]
    fn turn_at_is_the_regex_search_on_bulk() {
        let mut found = 0;
        let files = crate::fastre::bulk_text_files();
        for f in &files {
            let text = String::from_utf8_lossy(&std::fs::read(f).expect("read")).into_owned();
            found += same_turns(&text);
        }
        assert!(files.is_empty() || found > 1_000, "{found}");
    }

    fn sample() -> String {
        let mut s = String::from("1 Agenda: Approve minutes (Report)  (Y-5) CONFIRMED\n");
        s.push_str("[gavel] Adams: Good morning.  Fish: Thanks.  Adams: Next.  Fritz: Aye.  Fish: Aye.\n");
        s.push_str("Adams: Please read item 40.    Item 40.\nMoore-Love: She's not coming.  Adams: Ok.\n");
        s.push_str("Fritz: Fine.  Fish: Aye.  Item 40 roll.  Fritz: Aye.  Fish: Aye.  Adams: Aye.\n");
        s.push_str("Consent Agenda roll. Fritz: I vote aye.  Fish: Aye.  Adams: Aye.  Moore-Love: Done.\n");
        s
    }

    #[test]
    fn items_start_at_the_turn_after_the_clerk_reads_a_new_item() {
        let text = sample();
        let t = find(&text).expect("transcript");
        let starts: Vec<&str> = t.items.iter().map(|(p, _)| &text[*p..*p + 12]).collect();
        assert_eq!(starts, vec!["Adams: Good ", "Moore-Love: ", "Fritz: I vot"]);
        assert_eq!(t.items[1].1.as_deref(), Some("40"));
        assert_eq!(t.items[2].1, None);
    }

    #[test]
    fn a_role_with_a_full_stop_is_one_label() {
        let text = "about this contract.    Ron Geason, Sr. Business Operations Manager, Bureau of Transportation:  Good morning.";
        let got: Vec<&str> = turns(text).into_iter().map(|(_, l)| l).collect();
        assert_eq!(got, ["Ron Geason"]);
    }

    #[test]
    fn minutes_without_a_transcript() {
        let text = "Present: Cllr A, Cllr B.\nApologies: Cllr C.\n1. Minutes: approved.\n".repeat(10);
        assert_eq!(find(&text), None);
    }
}
