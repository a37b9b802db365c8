//! Decisions: kind, clauses, motion (mover, seconder), vote (counts, result) and the
//! actions a decision asks for.

use std::sync::LazyLock;

use regex::Regex;

use super::actions;
use super::speakers::{mentions, Mention};
use crate::fastre::{FastRegex, UnboundedFirst};
use crate::model::{Clause, Motion, Resolution, Vote};
use crate::segment::ResBlock;
use crate::source::{Source, Span};

static VOTE_COUNTS: LazyLock<FastRegex> = LazyLock::new(|| {
    FastRegex::new(
        r"(?ix)
        (?:carried|pass(?:es|ed)?|approved|agreed|lost|defeated|failed|vote[sd]?)[^0-9.;]{0,20}?\(?(?P<f>\d{1,3})\s*(?:-|–|to|:)\s*(?P<a>\d{1,3})(?:\s*(?:-|–|:)\s*(?P<ab>\d{1,3}))?
      | \(\s*Y\s*-\s*(?P<y>\d{1,3})(?:\s*;?\s*N\s*-\s*(?P<n>\d{1,3}))?\s*\)
      | \b(?:Ayes|Yeas)\s*:?\s+(?P<f3>\d{1,3})\s*[,.;]?\s+(?:Noes|Nays)\s*:?\s+(?P<a3>\d{1,3})
      | \b(?P<f4>\d{1,3})\s+(?:ayes|yeas)\s*,?\s+(?:and\s+)?(?P<a4>\d{1,3})\s+(?:noes|nays)\b
      | (?P<f5>\d{1,3})\s+votes?\s+to\s+(?P<a5>\d{1,3})
      | (?P<f2>\d{1,3})\s+(?:votes?\s+|were\s+|voted\s+)?(?:in\s+favour|for)\b(?:[^0-9.]{0,20}?(?P<a2>\d{1,3})\s+against)?(?:[^0-9.]{0,20}?(?P<ab2>\d{1,3})\s+abstentions?)?
    ",
    )
    .expect("vote regex")
});

/// The old regex of [`result_word`], its test oracle.
#[cfg(test)]
static RESULT: LazyLock<FastRegex> = LazyLock::new(|| {
    FastRegex::new(r"(?i)\b(?P<lost>not carried|was lost|motion lost|defeated|fell|rejected|negatived|motion failed|motion fails|failed to pass|failed to carry|motion died|died for lack|roedd pawb yn erbyn)\b|\b(?P<carried>carried|unanimously|unanimous|passed|motion passes|vote passes|agreed to|all in favour|all agreed|all resolved|agreed by all|nem\.? ?con|yn unfrydol|all were in favour|all were in agreement|all councillors agreed|all members agreed|pawb o blaid|roedd pawb yn)\b")
        .expect("result regex")
});

/// The words of a lost vote, in the order `RESULT` tried them.
const LOST_WORDS: &[&str] = &[
    "not carried",
    "was lost",
    "motion lost",
    "defeated",
    "fell",
    "rejected",
    "negatived",
    "motion failed",
    "motion fails",
    "failed to pass",
    "failed to carry",
    "motion died",
    "died for lack",
    "roedd pawb yn erbyn",
];
/// The words of a carried vote, in the order `RESULT` tried them (`nem\.? ?con` spelt out, the
/// optional characters present before absent).
const CARRIED_WORDS: &[&str] = &[
    "carried",
    "unanimously",
    "unanimous",
    "passed",
    "motion passes",
    "vote passes",
    "agreed to",
    "all in favour",
    "all agreed",
    "all resolved",
    "agreed by all",
    "nem. con",
    "nem.con",
    "nem con",
    "nemcon",
    "yn unfrydol",
    "all were in favour",
    "all were in agreement",
    "all councillors agreed",
    "all members agreed",
    // Welsh: everyone was in favour; "everyone was ..." (agreed, unanimous: "yn gytûn", "yn
    // unfrydol"; the words are matched in ASCII, and "against" is lost).
    "pawb o blaid",
    "roedd pawb yn",
];

/// The outcome word that comes first in `text`: `Some(true)` when it says the vote was lost.
/// This was the regex `RESULT` (kept as the test oracle): `(?i)\b(?P<lost>...)\b|\b(?P<carried>...)\b`
/// over [`LOST_WORDS`] and [`CARRIED_WORDS`], its first match. Matched by hand: at each
/// character from the left that starts a word (no word character before it), the words in
/// the order of the pattern, any case (`starts_with_folded`: the two non-ASCII characters that
/// fold to an ASCII letter too), each ending where a word ends ([`outcome_at`]). The places
/// tried are those where a word starts in ASCII case ([`OUTCOME_FINDER`], a vectorised
/// search: a scan of every byte cost more than the regex on long vote contexts); a text
/// holding `ſ` (U+017F) or `K` (U+212A), which fold to `s` and `k` under `(?i)`, tries
/// every place.
fn result_word(text: &str) -> Option<bool> {
    let b = text.as_bytes();
    let folds = memchr::memmem::find(b, "\u{17F}".as_bytes()).is_some()
        || memchr::memmem::find(b, "\u{212A}".as_bytes()).is_some();
    if folds {
        return (0..b.len().saturating_sub(1)).find_map(|i| outcome_at(text, i));
    }
    let mut from = 0;
    while let Some(m) = OUTCOME_FINDER.find(aho_corasick::Input::new(text).span(from..text.len())) {
        if let Some(lost) = outcome_at(text, m.start()) {
            return Some(lost);
        }
        // Every word starts with an ASCII letter: the next byte starts a character.
        from = m.start() + 1;
    }
    None
}

/// Where a word of [`LOST_WORDS`] or [`CARRIED_WORDS`] starts, in ASCII case (leftmost first).
static OUTCOME_FINDER: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(LOST_WORDS.iter().chain(CARRIED_WORDS))
        .expect("outcome words")
});

/// The outcome word starting at byte `i` of `text` ([`result_word`]), if one does.
fn outcome_at(text: &str, i: usize) -> Option<bool> {
    let b = text.as_bytes();
    let is_word = crate::fastre::is_word_char;
    // The words whose first two letters are here, in any case: no word has `s` or `k`, the
    // letters with non-ASCII case variants, in these places.
    let (first, second) = (b[i] | 0x20, *b.get(i + 1)? | 0x20);
    let pair = |c: u8, d: u8| OUTCOME_PAIRS[usize::from(c - b'a')] & (1 << (d - b'a')) != 0;
    if !(first.is_ascii_lowercase() && second.is_ascii_lowercase() && pair(first, second))
        || text[..i].chars().next_back().is_some_and(is_word)
    {
        return None;
    }
    let here = |w: &&&str| w.as_bytes()[0] == first && w.as_bytes()[1] == second;
    let ends_word = |e: usize| !text[e..].chars().next().is_some_and(is_word);
    let found = |words: &[&str]| {
        words.iter().filter(here).any(|w| actions::starts_with_folded(text, i, w).is_some_and(ends_word))
    };
    if found(LOST_WORDS) {
        return Some(true);
    }
    if found(CARRIED_WORDS) {
        return Some(false);
    }
    None
}

/// The first two letters of [`LOST_WORDS`] and [`CARRIED_WORDS`]: for each first letter
/// (`a` to `z`), a bit for each second letter.
const OUTCOME_PAIRS: [u32; 26] = {
    let mut t = [0u32; 26];
    let words: [&[&str]; 2] = [LOST_WORDS, CARRIED_WORDS];
    let mut k = 0;
    while k < words.len() {
        let mut i = 0;
        while i < words[k].len() {
            let w = words[k][i].as_bytes();
            t[(w[0] - b'a') as usize] |= 1 << (w[1] - b'a');
            i += 1;
        }
        k += 1;
    }
    t
};

/// A decision stated as made: "agreed", "accepted", "approved", "resolved", "adopted".
static AFFIRMED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:agreed|accepted|approved|resolved|adopted)\b").expect("affirmed regex"));

/// An [`AFFIRMED`] word saying the decision was made: not negated ("was not agreed"), not the
/// wording of the proposal ("proposed that the minutes be adopted", a quoted "Resolved, ...").
fn affirmed(text: &str) -> bool {
    AFFIRMED.find_iter(text).any(|m| {
        let raw = &text[..m.start()];
        let before = raw.trim_end().to_ascii_lowercase();
        let quoted = raw.matches(['"', '“', '”']).count() % 2 == 1;
        let proposal = before.ends_with(" be") || before.contains("proposed that") || before.contains("moved that");
        !quoted && !proposal && !before.ends_with("not") && !before.ends_with("never") && !before.ends_with("n't")
    })
}

/// "(Y-5)" or "(Y-4; N-1)" ending the text before an outcome.
static TALLY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\(\s*Y\s*-\s*(?P<y>\d{1,3})(?:\s*;?\s*N\s*-\s*(?P<n>\d{1,3}))?\s*\)$").expect("tally regex")
});

static MOVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:proposed|moved|proposer|mover|sponsor|sponsored|(?:c|g|ch)ynigiwyd|prop\.?(?:\s|:))\s*(?:by|:|[–—]|gan(?:\s+yr?\b)?)?\s*|\bmotion\s+(?:was\s+)?(?:made\s+)?(?:by|of)\s+")
        .expect("mover regex")
});
static SECONDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:seconded|seconder|second:)\s*(?:by|:|[–—])?\s*|\bsecond\s+by\s+|\beiliwyd\s*(?:gan(?:\s+yr?\b)?)?\s*|\b2nd(?:ed)?\s*(?:by|:)?\s*")
        .expect("seconder regex")
});
/// "were proposed for approval as a correct record by Cllr Gail Reeve": words between the verb
/// and "by" (none of them ending the clause). The gap's `{1,80}?`, 80 copies of a Unicode class
/// (~4.5 M instructions to compile), is dropped for a first search (see [`UnboundedFirst`]).
static MOVER_BY: UnboundedFirst = UnboundedFirst::new(
    r"(?i)\b(?:proposed|moved|nominated)\s(?P<gap>[^.;,\n]{BOUND})\bby\s+",
    "{1,80}?",
    "+?",
    "gap",
    80,
);

/// The matches of `MOVER_BY`, those of the bounded regex's `find_iter`: each search starts at
/// the end of the last match (none is empty).
fn mover_by_matches(text: &str) -> impl Iterator<Item = regex::Match<'_>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let m = MOVER_BY.captures_at(text, at)?.get(0).expect("the match");
        at = m.end();
        Some(m)
    })
}
/// "Cllr Nicholas-Letch proposed, seconded by ...", "X made a motion to ...": the mover named
/// before the verb.
static MOVER_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:proposed|moved|motions|motioned|moves|seconded|made\s+(?:a|the)\s+motion)\b")
        .expect("mover verb regex")
});
/// "..., Owen Pendlebury seconds", "..., Owen Pendlebury second." (the verb ending the
/// clause), "Councilmember Chen seconded the motion.", "Cllr X seconded.": the seconder named
/// before the verb.
static SECONDER_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bseconds\b|\bsecond\b(?:\s*[.,;*]|\s*$)|\bseconded\s+(?:the\s+motion|it)\b|\bseconded[.;]")
        .expect("seconder verb regex")
});
/// The old regex of [`bare_name`], its test oracle.
#[cfg(test)]
static BARE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[A-Z][\w'’-]+(?:[ \t]+(?:(?:de|van|von|der|la|le|du|da|di|del|den|ten|ter)[ \t]+)?[A-Z][\w'’-]+){0,3}[ \t]*(?:$|[,;.\n(])",
    )
    .expect("bare name regex")
});
/// The particles a name may hold between its capitalised words ("Guy de Montfort").
const PARTICLES: &[&str] = &["de", "van", "von", "der", "la", "le", "du", "da", "di", "del", "den", "ten", "ter"];

/// `[A-Z][\w'’-]+` at `i` of `t`: the end of the word.
pub(super) fn capitalised_word(t: &str, i: usize) -> Option<usize> {
    if !t.as_bytes().get(i).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let rest = &t[i + 1..];
    let run =
        rest.find(|c: char| !(crate::fastre::is_word_char(c) || matches!(c, '\'' | '’' | '-'))).unwrap_or(rest.len());
    (run > 0).then_some(i + 1 + run)
}

/// `[ \t]*` at `i` of `t`: the end of the run.
fn blanks(t: &str, i: usize) -> usize {
    i + t.as_bytes()[i..].iter().take_while(|&&c| c == b' ' || c == b'\t').count()
}

/// The ends of `[A-Z][\w'’-]+(?:[ \t]+(?:PARTICLE[ \t]+)?[A-Z][\w'’-]+){0,n}` at `i` of `t`,
/// one word more each, as far as they go. Each step has one way to match (a run of a class is
/// followed by a character outside it; a particle is followed by a blank, so only the one
/// that is the whole word fits, and a capitalised word cannot start at a particle).
fn name_word_ends(t: &str, i: usize, n: usize) -> Vec<usize> {
    let mut ends = Vec::new();
    let Some(mut e) = capitalised_word(t, i) else { return ends };
    ends.push(e);
    while ends.len() <= n {
        let j = blanks(t, e);
        if j == e {
            break;
        }
        let after_particle = PARTICLES.iter().find_map(|p| {
            let k = j + p.len();
            (t[j..].starts_with(p) && blanks(t, k) > k).then(|| blanks(t, k))
        });
        match after_particle.and_then(|k| capitalised_word(t, k)).or_else(|| capitalised_word(t, j)) {
            Some(next) => e = next,
            None => break,
        }
        ends.push(e);
    }
    ends
}

/// A name with no title right after a cue ("Second: Grant Ongers", "Sponsor: Joubin"), on the
/// same line and ending the line or the clause: the end of the match at the start of `rest`.
/// This was the regex `BARE_NAME` (kept as the test oracle),
/// `^[A-Z][\w'’-]+(?:[ \t]+(?:(?:de|van|von|der|la|le|du|da|di|del|den|ten|ter)[ \t]+)?[A-Z][\w'’-]+){0,3}[ \t]*(?:$|[,;.\n(])`:
/// its Unicode classes cost ~9 M instructions to compile per process. The words as far as they
/// go ([`name_word_ends`]), then the greedy repetition gives back words until blanks and the
/// end of `rest` or one of `,;.\n(` follow.
fn bare_name(rest: &str) -> Option<usize> {
    name_word_ends(rest, 0, 3).into_iter().rev().find_map(|e| {
        let j = blanks(rest, e);
        if j == rest.len() {
            Some(j)
        } else {
            matches!(rest.as_bytes()[j], b',' | b';' | b'.' | b'\n' | b'(').then_some(j + 1)
        }
    })
}

/// A name written as initials and a surname, without a title ("P. Norris", "R.Drew",
/// "J. A. Smith"): the surname ends at the first character that is no part of a word.
static INITIALED_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<n>(?:[A-Z]\.[ \t]?){1,3}[A-Z][a-z][A-Za-z'’]*(?:-[A-Z][A-Za-z'’]*)?)(?:$|[^A-Za-z'’])")
        .expect("initialed name regex")
});

/// Initials standing for a member ("Prop CP, 2nd RC"), as notes-style minutes write them.
static INITIALS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[A-Z]{2,4}\b").expect("initials regex"));

/// The first person mention right after a "proposed by"/"seconded by" cue in `text`, or the
/// person named just before the verb ("Cllr X proposed, seconded by Cllr Y").
fn person_after(re: &Regex, text: &str, base: usize) -> Option<Mention> {
    // "It is moved, and seconded to adjourn. ... Sponsor: Sherif Mansour": a cue with no name
    // after it gives way to the next cue.
    re.find_iter(text).find_map(|m| person_after_cue(m, text, base))
}

fn person_after_cue(m: regex::Match<'_>, text: &str, base: usize) -> Option<Mention> {
    let rest = &text[m.end()..];
    // Only the first mention counts, and it must start right after the cue: a window of the
    // rest is enough (mentions look at most 600 bytes past a name), and keeps many cues in a
    // long context linear.
    let mut cap = rest.len().min(1000);
    while !rest.is_char_boundary(cap) {
        cap += 1;
    }
    let first = mentions(&rest[..cap], base + m.end()).into_iter().next().map(|mut f| {
        // "Sponsor: Ann Smith Second: Bob Jones": the next cue is not part of the name.
        if let Some(head) = f.name.as_deref().and_then(super::speakers::before_trailing_cue).map(str::to_string) {
            f.span = Span::new(f.span.start, f.span.start + head.len());
            f.name = Some(head);
        }
        f
    });
    // "Proposed Focused Changes: Invitation to ...": a title, not a mover.
    let titled_after = |f: &Mention| text[f.span.end - base..].starts_with(':');
    if let Some(mut first) =
        first.filter(|f| f.span.start - (base + m.end()) <= 3 && !titled_after(f) && !adjective_cue(m, f, text, base))
    {
        // A name ends its line: "Sponsor: Joubin Jabbari\nSecond: ..." is not "Jabbari Second".
        let local = first.span.start - base - m.end()..first.span.end - base - m.end();
        if let Some(nl) = rest[local.clone()].find('\n') {
            let name = rest[local.start..local.start + nl].trim_end();
            if first.name.as_deref().is_some_and(|n| n.contains(name)) && !name.is_empty() {
                first.name = Some(name.to_string());
                first.span = Span::new(first.span.start, first.span.start + name.len());
            }
        }
        return Some(first);
    }
    // "**Sponsor:** Grant Ongers": the bold's close before the name.
    let skip = rest.len() - rest.trim_start_matches(['*', '_']).trim_start_matches([' ', '\t']).len();
    let (rest, at) = (&rest[skip..], m.end() + skip);
    // "Second: TBA" names nobody; nor does an outcome ("PAG seconded Agreed").
    let word = rest.split(|c: char| !c.is_alphanumeric() && c != '/').next().unwrap_or("");
    if matches!(
        word,
        "TBA" | "TBC" | "TBD" | "None" | "N/A" | "Nobody" | "Agreed" | "Carried" | "Approved" | "All" | "Unanimously"
    ) {
        return None;
    }
    if let Some(n) = bare_name(rest) {
        let name = rest[..n].trim_end_matches([',', ';', '.', '\n', '(', ' ', '\t']);
        let span = Span::new(base + at, base + at + name.len());
        return Some(Mention { name: Some(name.to_string()), role: None, organisation: None, span, speaks: false });
    }
    // "proposed P. Norris & seconded C. Humphries": initials and a surname, no title; else
    // initials alone ("Prop CP").
    let i = INITIALED_NAME.captures(rest).and_then(|c| c.name("n")).or_else(|| INITIALS.find(rest))?;
    let span = Span::new(base + at + i.start(), base + at + i.end());
    Some(Mention { name: Some(i.as_str().to_string()), role: None, organisation: None, span, speaks: false })
}

/// "the proposed Barclays Tracker account", "Proposed Rent Increase of the Play Area",
/// "Proposed Low Carbon Dwelling the Firs": "proposed"/"moved" alone (no "by", no colon) before
/// a plain name, a phrase of capitalised words, is an adjective; it names a mover only when a
/// seconder follows ("proposed Mark Dawson, seconded Claire Page"). A titled name or initials
/// after it stay the mover ("proposed Mr Collins, ...", "Prop CP").
fn adjective_cue(m: regex::Match<'_>, f: &Mention, text: &str, base: usize) -> bool {
    let cue = m.as_str().trim_end();
    if !(cue.eq_ignore_ascii_case("proposed") || cue.eq_ignore_ascii_case("moved")) {
        return false;
    }
    let name = f.name.as_deref().unwrap_or("");
    let words: Vec<&str> = name.split_whitespace().collect();
    let initial = |w: &&str| w.trim_end_matches('.').chars().all(|c| c.is_uppercase());
    let titled =
        words.first().is_some_and(|w| super::lexicon::contains(super::lexicon::TITLES, w.trim_end_matches('.')));
    if words.len() < 2 || titled || words.iter().any(initial) {
        return false;
    }
    let after = &text[f.span.end - base..];
    let mut near = after.len().min(60);
    while !after.is_char_boundary(near) {
        near -= 1;
    }
    !SECONDER.is_match(&after[..near])
}

/// The person after "proposed ... by" (`MOVER_BY`): a name of two words or more ("Cllr Gail
/// Reeve", "P. Norris"), not initials, which after "carried out by" are a contractor's ("CGM").
fn mover_by(text: &str, base: usize) -> Option<Mention> {
    // The words between are no cue of their own: "proposed by R Wood and seconded by G. Cann"
    // names the seconder after the second "by".
    let inner = |m: &regex::Match<'_>| {
        let gap = m.as_str().to_ascii_lowercase();
        gap.split_once(char::is_whitespace).map_or(String::new(), |(_, r)| r.to_string())
    };
    let gap_ok = |m: &regex::Match<'_>| {
        let gap = m.as_str().to_ascii_lowercase();
        !inner(m).starts_with("by ") && !gap.contains("second") && !gap.contains(" and ")
    };
    // "proposed to add a discussion by Shruti Kulkani regarding ...": after an infinitive,
    // the agent of its deed, not of the proposal; the proposer only when the seconder follows
    // ("proposed to accept the bills as presented by Cllr Mandy Leamon, seconded by ...").
    let seconded_next = |p: &Mention| {
        let after = text[p.span.end - base..].trim_start_matches([',', ' ', '\t']);
        after.starts_with("seconded") || after.starts_with("and seconded")
    };
    mover_by_matches(text)
        .filter(gap_ok)
        .find_map(|m| person_after_cue(m, text, base).filter(|p| !inner(&m).starts_with("to ") || seconded_next(p)))
        .filter(|m| m.name.as_deref().is_some_and(|n| n.contains(' ')))
}

/// The person named right before "proposed"/"moved"/"motions" when the mover is the sentence
/// subject ("Sherif Mansour motions, Owen Pendlebury seconds").
fn subject_mover(text: &str, base: usize) -> Option<Mention> {
    subject_of(&MOVER_VERB, text, base)
}

/// The person named right before a verb of `re` (not "seconded", which names the seconder
/// after it).
fn subject_of(re: &Regex, text: &str, base: usize) -> Option<Mention> {
    // "It is moved, and seconded to adjourn ... Steve Springett motions, ...": a verb with no
    // subject gives way to the next one.
    re.find_iter(text).take_while(|v| v.as_str() != "seconded").find_map(|v| subject_before(v, text, base))
}

/// The person named right before the verb `verb`, or, for a seconder, before a comma and the
/// verb ("Tom Brennan motions, Andrew van der Stock, seconds."). A mover is not read across a
/// comma: "As reported by Cllr Smith, proposed works to the wall were approved."
fn subject_before(verb: regex::Match<'_>, text: &str, base: usize) -> Option<Mention> {
    let before = &text[..verb.start()];
    let seconds = verb.as_str().get(..6).is_some_and(|w| w.eq_ignore_ascii_case("second"));
    let found = mentions(before, base).into_iter().rev().find(|m| {
        let end = m.span.end - base;
        let gap = before[end..].trim();
        m.name.is_some() && (gap.is_empty() || seconds && gap == ",")
    });
    // "Guy de Montfort proposed that ...": a name with a particle, at the sentence's start.
    found.or_else(|| {
        let name = subject_name(before)?;
        let words: Vec<&str> = before[name.clone()].split_whitespace().collect();
        if words.iter().any(|w| super::lexicon::contains(super::lexicon::NOT_NAME_WORDS, w)) {
            return None;
        }
        let span = Span::new(base + name.start, base + name.end);
        Some(Mention { name: Some(before[name].to_string()), role: None, organisation: None, span, speaks: false })
    })
}

/// The old regex of [`subject_name`], its test oracle.
#[cfg(test)]
static SUBJECT_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^\s*|[.;:]\s+)([A-Z][\w'’-]+(?:[ \t]+(?:(?:de|van|von|der|la|le|du|da|di|del|den|ten|ter)[ \t]+)?[A-Z][\w'’-]+){1,3})\s*$",
    )
    .expect("subject name regex")
});

/// Two to four capitalised words (a particle allowed between them) ending the text and
/// starting it or a sentence: the span of the name. This was the regex `SUBJECT_NAME` (kept as
/// the test oracle), `(?:^\s*|[.;:]\s+)([A-Z][\w'’-]+(?:[ \t]+(?:PARTICLE[ \t]+)?[A-Z][\w'’-]+){1,3})\s*$`,
/// its first match: its Unicode classes cost ~10 M instructions to compile per process. The
/// starts in order: the start of `text` (after white space), then each `.`, `;` or `:` with
/// white space after it; at each, the words as far as they go ([`name_word_ends`]), of which
/// at most one end has only white space after it (a later word would not).
fn subject_name(text: &str) -> Option<std::ops::Range<usize>> {
    let ws_end = |i: usize| text.len() - text[i..].trim_start().len();
    let at = |p: usize| {
        let ends = name_word_ends(text, p, 3);
        ends.get(1..)?.iter().rev().find(|&&e| text[e..].trim_start().is_empty()).map(|&e| p..e)
    };
    let b = text.as_bytes();
    let cues = memchr::memchr3_iter(b'.', b';', b':', b).filter_map(|i| Some(i + 1).filter(|&j| ws_end(j) > j));
    std::iter::once(ws_end(0)).chain(cues.map(ws_end)).find_map(at)
}

/// Build a model resolution from a decision block. `context` is the surrounding paragraph
/// (a mover may be named before the keyword).
/// `vote_context` runs from the decision to the next decision or the item's end, where a
/// tally ("**Passed: 5-0**") is often written after the decision.
/// `lead` is the text just before the decision, where a roll-call tally may stand.
pub(crate) fn resolution(
    src: &Source,
    id: String,
    r: &ResBlock,
    context: Span,
    vote_context: Span,
    lead: Span,
) -> Resolution {
    let text = src.get(r.span).to_string();
    let clauses: Vec<Clause> = r
        .clauses
        .iter()
        .map(|c| Clause { label: c.label.clone(), text: src.get(c.text).to_string(), span: c.span })
        .collect();
    let ctx = src.get(context);
    let wide = src.get(vote_context);
    let motion = Motion {
        mover: person_after(&MOVER, ctx, context.start)
            .or_else(|| subject_mover(ctx, context.start))
            .or_else(|| mover_by(ctx, context.start))
            .or_else(|| person_after(&MOVER, wide, vote_context.start))
            .map(super::to_person),
        seconder: person_after(&SECONDER, ctx, context.start)
            .or_else(|| subject_of(&SECONDER_VERB, ctx, context.start))
            .or_else(|| person_after(&SECONDER, wide, vote_context.start))
            .map(super::to_person),
    };
    let mut vote = vote(&text);
    if vote.for_.is_none() && vote.result.is_none() {
        vote = self::vote(wide);
    }
    if vote.for_.is_none() {
        if let Some(c) = TALLY_BEFORE.captures(src.get(lead).trim_end()) {
            let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
            vote.for_ = num("y");
            vote.against = num("n").or(Some(0));
        }
    }
    // A proposed and seconded motion recorded as the decision itself ("Minutes were accepted as
    // a true and accurate record. Prop. PN, 2nd DD"; "Agreed cheques be signed ...") was
    // carried: the record of the decision is its outcome.
    if vote.result.is_none() && motion.mover.is_some() && motion.seconder.is_some() && affirmed(&text) {
        vote.result = Some("carried".to_string());
    }
    // A note that drops the verb "to be" ("Contract approved as written, ...", "Minutes
    // approved."): the approval written is the outcome, carried.
    if vote.result.is_none() && crate::segment::note_style(ctx.trim_start()).is_some() {
        vote.result = Some("carried".to_string());
    }
    let actions = actions::from_resolution(src, r, &clauses);
    Resolution { id, text, span: r.span, kind: r.kind.name().to_string(), clauses, motion, vote, actions }
}

/// `text` with number words written as figures, when it holds one and a vote word ("in
/// favour", "against", "abstain", "votes"); `None` otherwise.
fn numerals(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    if !["favour", "against", "abstain", "votes"].iter().any(|w| lower.contains(w)) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut word_start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        if c.is_alphabetic() {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(a) = word_start.take() {
            let w = &text[a..i];
            match super::dates::number_word(w).filter(|_| counts(text, a, i)) {
                Some(n) => {
                    out.push_str(&n.to_string());
                    changed = true;
                }
                None => out.push_str(w),
            }
        }
        if i < text.len() {
            out.push(c);
        }
    }
    changed.then_some(out)
}

/// Whether the number word at `a..z` of `text` is a count: before a vote word ("six were in
/// favour", "one abstained"), not "twenty-one trees", "one to one sessions", "no one against".
fn counts(text: &str, a: usize, z: usize) -> bool {
    let after = text[z..].trim_start_matches([' ', ',']).as_bytes();
    let counted = ["were ", "voted", "votes", "vote ", "for", "in favour", "against", "abstain", "abstention"]
        .iter()
        .any(|v| after.get(..v.len()).is_some_and(|p| p.eq_ignore_ascii_case(v.as_bytes())));
    let joined = text[..a].ends_with('-') || text[z..].starts_with('-');
    let before = text[..a].trim_end().as_bytes();
    let negated = before.len() >= 2 && before[before.len() - 2..].eq_ignore_ascii_case(b"no");
    counted && !joined && !negated
}

/// Counts and result stated in a decision's text; counts written in words too ("six were in
/// favour").
pub(crate) fn vote(text: &str) -> Vote {
    match numerals(text) {
        Some(figures) => vote_of(&figures),
        None => vote_of(text),
    }
}

/// [`vote`] of counts written in figures.
fn vote_of(text: &str) -> Vote {
    let mut v = Vote::default();
    // Every alternative of `VOTE_COUNTS` and `ABSTAINED` holds a `\d` (a Unicode decimal digit;
    // `char::is_numeric` takes all of them and more): a text without one skips both searches.
    let digit = text.bytes().any(|b| b.is_ascii_digit()) || !text.is_ascii() && text.chars().any(char::is_numeric);
    // The check of `text` for `VOTE_COUNTS`'s twin only when it runs.
    let counts = (digit && may_count(text))
        .then(|| {
            let checked = crate::fastre::Checked::proven(vote_twin_agrees(text));
            VOTE_COUNTS.pick_checked(checked).captures_iter(text).find(|c| tally(text, c))
        })
        .flatten();
    if let Some(c) = counts {
        let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
        v.for_ = num("f").or(num("y")).or(num("f2")).or(num("f3")).or(num("f4")).or(num("f5"));
        v.against =
            num("a").or(num("n")).or(num("a2")).or(num("a3")).or(num("a4")).or(num("a5")).or(c.name("y").map(|_| 0));
        v.abstain = num("ab").or(num("ab2"));
    }
    if v.abstain.is_none() && digit {
        v.abstain = ABSTAINED.captures(text).and_then(|c| c["n"].parse().ok());
    }
    if let Some(lost) = result_word(text) {
        v.result = Some(if lost { "lost" } else { "carried" }.to_string());
    } else if let (Some(f), a) = (v.for_, v.against) {
        // "5 in favour, 2 against": a tally states its outcome.
        let a = a.unwrap_or(0);
        if f != a {
            v.result = Some(if f > a { "carried" } else { "lost" }.to_string());
        }
    }
    v
}

/// False when `VOTE_COUNTS` cannot match `text`. Each alternative starts its count with a
/// number (`f`, `y`, `f3`, `f4`, `f2`): a whole run of digits (at most three) in the first
/// four, the end of one (`f2`), and after it, past white space (`\s`, Unicode's, as
/// `char::is_whitespace`), comes:
/// - `f`: "-", "–", ":" or "to", and one of the first alternative's words ("carried",
///   "passed", "votes", ...) ends at most 21 characters other than `[0-9.;]` before the
///   number (its `[^0-9.;]{0,20}?\(?`);
/// - `y`: ")" or ";" or "N", after a "-" before the number;
/// - `f3`: "N", or one of ",.;" then white space and "N", after "Ayes" or "Yeas", white space
///   and a colon before the number;
/// - `f4`: "aye" or "yea" (then "s" or 'ſ') after white space;
/// - `f2`, `f5`: "vote" ("votes to", "voted"), "were" then "in favour" or "for", "in favour"
///   or "for" after white space.
///
/// Letters in any case (`(?i)` folds none of these to a character outside ASCII but "s" to
/// 'ſ': a text holding 'ſ' is left to the regex, as is one with a digit other than ASCII's,
/// `\d` being Unicode's). Most decision texts with a digit hold only dates, times, sums and
/// minute numbers: the search (a lazy DFA building states for its bounded gaps, then
/// captures) cost ~70 K instructions a text, ~90 a byte.
fn may_count(text: &str) -> bool {
    let b = text.as_bytes();
    if !text.is_ascii() && text.chars().any(|c| c.is_numeric() && !c.is_ascii_digit() || c == 'ſ') {
        return true;
    }
    let skip_ws = |at: usize| text[at..].find(|c: char| !c.is_whitespace()).map_or(text.len(), |k| at + k);
    let word = |at: usize, w: &str| b.get(at..at + w.len()).is_some_and(|x| x.eq_ignore_ascii_case(w.as_bytes()));
    // "in", white space, "favour" at `at`.
    let in_favour = |at: usize| word(at, "in") && skip_ws(at + 2) > at + 2 && word(skip_ws(at + 2), "favour");
    let were = |at: usize| {
        word(at, "were") && skip_ws(at + 4) > at + 4 && (in_favour(skip_ws(at + 4)) || word(skip_ws(at + 4), "for"))
    };
    let mut i = 0;
    while let Some(k) = b[i..].iter().position(u8::is_ascii_digit) {
        let start = i + k;
        let mut end = start;
        while end < b.len() && b[end].is_ascii_digit() {
            end += 1;
        }
        i = end;
        let at = skip_ws(end);
        let spaced = at > end;
        if spaced && (word(at, "vote") || were(at) || in_favour(at) || word(at, "for")) {
            return true;
        }
        if end - start > 3 || at == b.len() {
            continue;
        }
        let dash_before = text[..start].trim_end_matches(char::is_whitespace).ends_with('-');
        let found = match b[at] {
            b'-' | b':' => first_words_before(text, start),
            b't' | b'T' => word(at, "to") && first_words_before(text, start),
            b'n' | b'N' => dash_before || ayes_before(text, start),
            b')' => dash_before,
            b',' | b'.' | b';' => {
                let n = skip_ws(at + 1);
                b.get(n).is_some_and(|&c| c == b'n' || c == b'N') && (dash_before || ayes_before(text, start))
            }
            // ("ayeſ": `(?i)` folds 's' to 'ſ'.)
            b'a' | b'A' | b'y' | b'Y' => spaced && (word(at, "aye") || word(at, "yea")),
            _ => text[at..].starts_with('–') && first_words_before(text, start),
        };
        if found {
            return true;
        }
    }
    false
}

/// The words that open `VOTE_COUNTS`'s first alternative, as they may end.
const FIRST_WORDS: &[&str] = &[
    "carried", "pass", "passes", "passed", "approved", "agreed", "lost", "defeated", "failed", "vote", "votes", "voted",
];

/// Whether one of [`FIRST_WORDS`] (ASCII case) ends at most 21 characters before byte `at`,
/// none of those characters in `[0-9.;]`: where `VOTE_COUNTS`' first alternative may have its
/// count `f` at `at` (`[^0-9.;]{0,20}?\(?`, the bracket one character more of the same).
fn first_words_before(text: &str, mut at: usize) -> bool {
    let ends = |e: usize| {
        FIRST_WORDS.iter().any(|w| e >= w.len() && text.as_bytes()[e - w.len()..e].eq_ignore_ascii_case(w.as_bytes()))
    };
    for _ in 0..=21 {
        if ends(at) {
            return true;
        }
        match text[..at].chars().next_back() {
            Some(c) if !matches!(c, '0'..='9' | '.' | ';') => at -= c.len_utf8(),
            _ => return false,
        }
    }
    false
}

/// Whether "Ayes" or "Yeas" (ASCII case), white space, a colon and white space come before
/// byte `at` as `VOTE_COUNTS`' `f3` asks (`(?:Ayes|Yeas)\s*:?\s+`).
fn ayes_before(text: &str, at: usize) -> bool {
    let t = text[..at].trim_end_matches(char::is_whitespace);
    if t.len() == at {
        return false;
    }
    let t = t.strip_suffix(':').unwrap_or(t).trim_end_matches(char::is_whitespace);
    let b = t.as_bytes();
    b.len() >= 4 && (b[b.len() - 4..].eq_ignore_ascii_case(b"ayes") || b[b.len() - 4..].eq_ignore_ascii_case(b"yeas"))
}

/// Whether `VOTE_COUNTS`'s twin (`\b` and `\d` in their ASCII forms) finds the same matches
/// with the same groups as the original on `text`; compiling the original and its relaxed
/// form costs 22 M instructions, for texts that hold a digit and a non-ASCII letter (Welsh
/// minutes, names with accents), a wider set than `Checked::new` accepts.
///
/// Without a non-ASCII digit (`char::is_numeric` takes all of them) `\d` and `[0-9]` match the
/// same characters. The two `\b` differ only next to a non-ASCII word character, and the
/// pattern has four, each with an ASCII side: before "Ayes" or "Yeas" (so before `[AaYy]`,
/// which `(?i)` folds to no other character), before a digit of `f4`, and after "noes" or
/// "nays" (`[Ss]`, or 'ſ', which `(?i)` folds 's' to) and after "favour" or "for" (`[Rr]`). So
/// with no 'ſ', and no non-ASCII word character just after `[SsRr]` or just before `[AaYy0-9]`,
/// no search meets a place where the two differ.
fn vote_twin_agrees(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(k) = b[i..].iter().position(|x| !x.is_ascii()) {
        i += k;
        let c = text[i..].chars().next().expect("a character at a non-ASCII byte that starts one");
        let next = i + c.len_utf8();
        if c.is_numeric() || c == 'ſ' {
            return false;
        }
        if crate::fastre::is_word_char(c)
            && (i > 0 && matches!(b[i - 1], b'S' | b's' | b'R' | b'r')
                || b.get(next).is_some_and(|&x| matches!(x, b'A' | b'a' | b'Y' | b'y' | b'0'..=b'9')))
        {
            return false;
        }
        i = next;
    }
    true
}

/// Whether a `VOTE_COUNTS` match is a tally. A bare "N for" (no "votes", "in favour" or
/// count against) is one only as a whole number ending its clause ("5 for, 2 abstentions",
/// "carried 7 for."): not "Stage 2 for Records", "£5,000 for the year", "2020/21 for the
/// map", "#357 for folks", "3 for 3".
fn tally(text: &str, c: &regex::Captures) -> bool {
    let Some(n) = c.name("f2") else { return true };
    let whole = c.get(0).expect("match");
    if c.name("a2").is_some()
        || c.name("ab2").is_some()
        || whole.as_str()[n.len()..].trim_start().starts_with(['v', 'V', 'i', 'I'])
    {
        return true;
    }
    let before = &text[..n.start()];
    let glued = before.chars().next_back().is_some_and(|ch| ch.is_alphanumeric() || ",./£$#€-".contains(ch));
    let stage = before.trim_end().to_ascii_lowercase().ends_with("stage");
    let rest = text[whole.end()..].trim_start_matches(' ');
    let ends = rest.is_empty() || rest.starts_with([',', ';', '.', ')', '-', '–', '\n', '*']);
    !glued && !stage && ends
}

/// A named roll call: "- Joubin Jabbari - Yes", "Sherif Mansour:  Yay", "Fish: Aye.".
static ROLL_ENTRY: LazyLock<FastRegex> = LazyLock::new(|| {
    FastRegex::new(
        r"(?m)(?:^[ \t]*[-*•]?[ \t]*|[.!]\s+)(?:Commissioner\s+|Cllr\.?\s+|Councill?or\s+)?[A-Z][\w'’.-]+(?:[ ][A-Z][\w'’.-]+){0,3}[ \t]*(?::|-|–)[ \t]*(?P<v>Yay|Yea|Yes|Aye|Nay|No\s+vote|No|Abstain(?:ed)?)\b",
    )
    .expect("roll entry regex")
});
/// The old regex of [`roll_lists`], its test oracle.
#[cfg(test)]
static ROLL_LIST: LazyLock<FastRegex> = LazyLock::new(|| {
    FastRegex::new(r"(?m)\b(?P<k>Ayes|Yeas|Nays|Noes|Abstain(?:ed|ing|s)?)[ \t]*[:\-–][ \t]*(?P<names>[^\n;]{1,300})")
        .expect("roll list regex")
});

/// "Ayes: Smith, Jones and Brown" / "Nays: none": the spans of the kind of vote and of the
/// names. This was the regex `ROLL_LIST` (kept as the test oracle),
/// `\b(?P<k>Ayes|Yeas|Nays|Noes|Abstain(?:ed|ing|s)?)[ \t]*[:\-–][ \t]*(?P<names>[^\n;]{1,300})`,
/// its `captures_iter`; its bounded repetition of a Unicode class cost ~12 M instructions to
/// compile per process. Matched by hand: a kind word at a word start (no word character
/// before it), its endings in the order of the pattern, blanks, one separator, blanks, then up
/// to 300 characters other than a newline or `;`. When none follows the blanks, the last blank
/// is given back to `names` (the regex backtracks into the greedy `[ \t]*`).
fn roll_lists(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, std::ops::Range<usize>)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let m = roll_list_at(text, from)?;
        from = m.1.end;
        Some(m)
    })
}

/// The first match of [`roll_lists`] starting at or after `from`.
fn roll_list_at(text: &str, from: usize) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let b = text.as_bytes();
    let blanks = |i: usize| i + b[i..].iter().take_while(|&&c| c == b' ' || c == b'\t').count();
    (from..b.len()).filter(|&i| matches!(b[i], b'A' | b'Y' | b'N')).find_map(|i| {
        if text[..i].chars().next_back().is_some_and(crate::fastre::is_word_char) {
            return None;
        }
        let rest = &text[i..];
        let kinds: &[&str] = if rest.starts_with("Abstain") {
            &["Abstained", "Abstaining", "Abstains", "Abstain"]
        } else {
            &["Ayes", "Yeas", "Nays", "Noes"]
        };
        kinds.iter().filter(|k| rest.starts_with(*k)).find_map(|k| {
            let k_end = i + k.len();
            let a = blanks(k_end);
            let sep = text[a..].chars().next().filter(|c| matches!(c, ':' | '-' | '–'))?;
            let c = blanks(a + sep.len_utf8());
            let names: usize =
                text[c..].chars().take_while(|&ch| ch != '\n' && ch != ';').take(300).map(char::len_utf8).sum();
            if names > 0 {
                Some((i..k_end, c..c + names))
            } else if c > a + sep.len_utf8() {
                // The last blank, given back.
                Some((i..k_end, c - 1..c))
            } else {
                None
            }
        })
    })
}

/// Counts of a named roll (for, against, abstain), when the text has one of at least two names.
fn roll(text: &str) -> Option<(u32, u32, u32)> {
    let (mut f, mut a, mut ab) = (0u32, 0u32, 0u32);
    for c in ROLL_ENTRY.captures_iter(text) {
        match c["v"].to_ascii_lowercase().as_str() {
            "yay" | "yea" | "yes" | "aye" => f += 1,
            "nay" | "no" => a += 1,
            v if v.starts_with("abstain") => ab += 1,
            _ => {} // "No vote": did not vote
        }
    }
    if f + a + ab < 2 {
        (f, a, ab) = (0, 0, 0);
        for (k, names) in roll_lists(text) {
            let names = text[names].trim();
            if names.starts_with(|ch: char| ch.is_ascii_digit()) {
                return None; // "Ayes 5, Noes 2" is a tally, not a roll
            }
            let n = if names.eq_ignore_ascii_case("none") || names.eq_ignore_ascii_case("none.") {
                0
            } else {
                u32::try_from(
                    names.split([',', '&']).flat_map(|p| p.split(" and ")).filter(|p| !p.trim().is_empty()).count(),
                )
                .unwrap_or(u32::MAX)
            };
            match text[k].to_ascii_lowercase().as_str() {
                "ayes" | "yeas" => f += n,
                "nays" | "noes" => a += n,
                _ => ab += n,
            }
        }
    }
    (f + a + ab >= 2).then_some((f, a, ab))
}

/// Minutes that read e-votes into the record: votes cast outside the meeting, by members who
/// need not be present, so the attendance is no bound on them.
static REMOTE_VOTES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:e-?votes?|electronic\s+votes?|email\s+votes?|votes?\s+by\s+email)\b").expect("e-vote regex")
});

pub(crate) fn reads_in_remote_votes(text: &str) -> bool {
    REMOTE_VOTES.is_match(text)
}

/// What is wrong with a decision's stated tally: it disagrees with the named roll written
/// with it, or counts more votes than members present (`present` 0: no bound). Published vote data is often wrong in
/// exactly this way.
pub(crate) fn check_vote(context: &str, vote: &Vote, present: usize) -> Vec<String> {
    let mut out = Vec::new();
    let Some(f) = vote.for_ else { return out };
    if let Some((rf, ra, rab)) = roll(context) {
        let against = vote.against.unwrap_or(0);
        if rf != f || ra != against || vote.abstain.is_some_and(|ab| ab != rab) {
            out.push(format!(
                "tally {f}-{against}{} but the named roll reads {rf}-{ra}{}",
                vote.abstain.map_or(String::new(), |ab| format!("-{ab}")),
                if rab > 0 { format!(" ({rab} abstaining)") } else { String::new() }
            ));
        }
    }
    let total = f + vote.against.unwrap_or(0) + vote.abstain.unwrap_or(0);
    if present > 0 && usize::try_from(total).is_ok_and(|t| t > present) {
        out.push(format!("{total} votes counted but the attendance lists {present} present"));
    }
    out
}

/// "(2 abstained due to interest)", "1 abstention".
static ABSTAINED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<n>\d{1,3})\s+(?:abstained|abstentions?|abstaining|abstain)\b").expect("abstained regex")
});

#[cfg(test)]
mod tests {
    use super::*;

    /// `subject_name` finds what `SUBJECT_NAME` found on `t`; whether it found one.
    fn check_subject_name(t: &str) -> bool {
        let want = SUBJECT_NAME.captures(t).map(|c| c.get(1).expect("group 1").range());
        assert_eq!(subject_name(t), want, "{t:?}");
        want.is_some()
    }

    #[test]
    fn subject_name_is_the_regex() {
        let extra = [
            "Guy",
            "Montfort",
            "de",
            "van",
            "der",
            "la",
            "Ann",
            "Lee",
            "O’Neill",
            "Jean-Paul",
            "Zoë",
            "Émile",
            ".",
            ";",
            ":",
            ". ",
            "; ",
            ":\n",
            "\n",
            " \t",
            "\u{a0}",
            "x",
        ];
        let mut hays = crate::fastre::sample_haystacks(30_000, &extra);
        hays.extend(
            ["Guy de Montfort", " Ann Lee\n", "x. Ann Lee. Bob Ray ", "x.Ann Lee", "Ann", ". Ann Lee Bo Cy Dd"]
                .map(String::from),
        );
        let matched = hays.iter().filter(|t| check_subject_name(t)).count();
        assert!(matched > 1_000, "{matched}");
    }

    /// Run for the change that replaced the regex: the text before every blank of every bulk
    /// file (from up to 300 bytes before it).
    #[test]
    #[ignore]
    fn subject_name_is_the_regex_on_bulk() {
        let (mut texts, mut matched) = (0, 0);
        for f in crate::fastre::bulk_text_files() {
            let text = String::from_utf8_lossy(&std::fs::read(&f).expect("read")).into_owned();
            for (i, _) in text.match_indices(' ') {
                let mut from = i.saturating_sub(300);
                while !text.is_char_boundary(from) {
                    from += 1;
                }
                texts += 1;
                matched += usize::from(check_subject_name(&text[from..i]));
            }
        }
        assert!(texts > 100_000 && matched > 1_000, "{texts} {matched}");
    }

    /// `bare_name` finds what `BARE_NAME` found on `t`; whether it found one.
    fn check_bare_name(t: &str) -> bool {
        let want = BARE_NAME.find(t).map(|m| m.end());
        assert_eq!(bare_name(t), want, "{t:?}");
        want.is_some()
    }

    #[test]
    fn bare_name_is_the_regex() {
        let extra = [
            "Grant",
            "Ongers",
            "de",
            "van",
            "von",
            "der",
            "la",
            "le",
            "du",
            "da",
            "di",
            "dex",
            "O’Neill",
            "Jean-Paul",
            "Zoë",
            "Émile",
            "A1",
            "Ab_c",
            ",",
            ";",
            ".",
            "\n",
            "(",
            " \t",
            "\t",
            "  ",
            "x",
        ];
        let mut hays = crate::fastre::sample_haystacks(30_000, &extra);
        hays.extend(
            ["Grant Ongers", "Grant  de  Ongers,", "Ann van Lee la Bo du Xy di Zz.", "Ann van  ", "A", "Ab"]
                .map(String::from),
        );
        let matched = hays.iter().filter(|t| check_bare_name(t)).count();
        assert!(matched > 1_000, "{matched}");
    }

    /// Run for the change that replaced the regex: the text after every line start and every
    /// blank of every bulk file (up to 300 bytes).
    #[test]
    #[ignore]
    fn bare_name_is_the_regex_on_bulk() {
        let (mut texts, mut matched) = (0, 0);
        for f in crate::fastre::bulk_text_files() {
            let text = String::from_utf8_lossy(&std::fs::read(&f).expect("read")).into_owned();
            for (i, _) in text.match_indices([' ', '\n']) {
                let mut cap = text.len().min(i + 301);
                while !text.is_char_boundary(cap) {
                    cap -= 1;
                }
                texts += 1;
                matched += usize::from(check_bare_name(&text[i + 1..cap]));
            }
        }
        assert!(texts > 100_000 && matched > 10_000, "{texts} {matched}");
    }

    /// Haystacks for the hand matchers of `RESULT` and `ROLL_LIST`: their words in any case,
    /// the characters that fold to ASCII letters, separators, blanks, word characters around.
    fn outcome_and_roll_haystacks() -> Vec<String> {
        let mut extra: Vec<&str> = LOST_WORDS.iter().chain(CARRIED_WORDS).copied().collect();
        extra.extend([
            "NOT CARRIED",
            "Carried",
            "Nem. Con",
            "nem.  con",
            "pa\u{17F}\u{17F}ed",
            "Unanimou\u{17F}ly",
            "carriedx",
            "xcarried",
            "_passed",
            "passé",
            "éfell",
            "Ayes",
            "Yeas",
            "Nays",
            "Noes",
            "Abstain",
            "Abstained",
            "Abstaining",
            "Abstains",
            "Abstainx",
            ":",
            "-",
            "–",
            " \t",
            "\t",
            ";",
            "\n",
            "\r",
            "Ayes:",
            "Nays \t– ",
            "Abstaining :",
        ]);
        let mut hays = crate::fastre::sample_haystacks(30_000, &extra);
        hays.extend(
            ["Ayes: ", "Ayes:  \n", "Ayes:\t;x", "Ayes:", "Noes - ;", "xAyes: a", "éNays: a"].map(String::from),
        );
        hays.push(format!("Ayes: {}", "é".repeat(400)));
        hays
    }

    /// `result_word` and `roll_lists` give what `RESULT` and `ROLL_LIST` gave on `t`.
    fn check_outcome_and_roll(t: &str) -> (bool, bool) {
        let want = RESULT.captures(t).map(|c| c.name("lost").is_some());
        assert_eq!(result_word(t), want, "{t:?}");
        let rolls: Vec<_> = ROLL_LIST
            .captures_iter(t)
            .map(|c| (c.name("k").expect("k").range(), c.name("names").expect("names").range()))
            .collect();
        assert_eq!(roll_lists(t).collect::<Vec<_>>(), rolls, "{t:?}");
        (want.is_some(), !rolls.is_empty())
    }

    #[test]
    fn outcome_and_roll_matchers_are_the_regexes() {
        let (mut results, mut rolls) = (0, 0);
        for t in outcome_and_roll_haystacks() {
            let (r, l) = check_outcome_and_roll(&t);
            results += usize::from(r);
            rolls += usize::from(l);
        }
        assert!(results > 5_000 && rolls > 2_000, "{results} {rolls}");
    }

    /// Run for the change that replaced the regexes: every line and paragraph (up to 4000
    /// bytes) of every bulk file.
    #[test]
    #[ignore]
    fn outcome_and_roll_matchers_are_the_regexes_on_bulk() {
        let (mut results, mut rolls) = (0, 0);
        let texts = crate::fastre::for_each_bulk_part(4000, |part| {
            let (r, l) = check_outcome_and_roll(part);
            results += usize::from(r);
            rolls += usize::from(l);
        });
        assert!(texts > 100_000 && results > 1_000 && rolls >= 5, "{texts} {results} {rolls}");
    }

    /// `may_count` holds wherever `VOTE_COUNTS` matches, on the lines and paragraphs (up to 4,000
    /// bytes) of every bulk file.
    #[test]
    #[ignore]
    fn vote_counts_need_a_count_shape_on_bulk() {
        let mut matched = 0;
        let texts = crate::fastre::for_each_bulk_part(4000, |part| {
            let m = VOTE_COUNTS.original().is_match(part);
            matched += usize::from(m);
            assert!(!m || may_count(part), "{part:?}");
        });
        assert!(texts > 100_000 && matched > 100, "{texts} {matched}");
    }

    /// `may_count` holds wherever `VOTE_COUNTS` matches.
    #[test]
    fn vote_counts_need_a_count_shape() {
        let mut hays = crate::fastre::sample_haystacks(
            50_000,
            &[
                "carried 5-2",
                "carried 5 – 2",
                "passed 7 to 0",
                "approved 4:1:1",
                "(Y-5; N-1)",
                "( Y - 3 )",
                "(Y-5 N-1)",
                "(Y-5;N-1)",
                "Ayes 5, Noes 2",
                "Yeas: 5. Nays: 2",
                "5 ayes and 2 noes",
                "5 Yeas, 2 nays",
                "5 ayeſ, 2 noes",
                // Forms the pattern may come to take: a count must still pass `may_count`.
                "6 were in favour",
                "6 voted for",
                "4 votes to 1",
                "3 votes in favour",
                "3 for, 2 against",
                "1234 for",
                "12",
                "7",
                "1,234",
                "\u{a0}",
                "-",
                "N",
                "٣",
                "١٢ for",
            ],
        );
        hays.extend(
            ["vote 1\u{a0}–\u{2009}2", "carried 1to2", "(Y-1)", "2 FOR", "Ayes 3\u{a0}; NAYS 1"].map(String::from),
        );
        // The words before a first alternative's count, the gap up to its bound, white space
        // and colons around "Ayes", "were"/"in favour" spelt with other white space.
        for gap in 0..24 {
            for fill in ["x", "é", " ", "(", "-", "\u{a0}", ",", "Ω"] {
                for word in [
                    "carried", "PASS", "Passes", "passed", "approved", "AGREED", "lost", "defeated", "failed", "vote",
                    "VoteS", "voted", "loſt", "passeſ", "carry",
                ] {
                    for count in ["5-2", "(5 – 2)", "5:2:1", "5 to 2", "5\u{a0}-2", "12 - 3", "1234-1"] {
                        hays.push(format!("{word}{}{count}", fill.repeat(gap)));
                    }
                }
            }
        }
        for lead in [
            "Ayes",
            "YEAS",
            "ayes",
            "Ayes:",
            "Ayes :",
            "Ayes\u{a0}:\u{2009}",
            "Ayes:\n",
            "Ayes  ",
            "xAyes",
            "Ayes -",
            "(Y -",
            "(Y-",
            "( y\u{a0}-\u{a0}",
        ] {
            for tail in [
                " 5, Noes 2",
                " 5 Noes 2",
                " 5. nays: 2",
                " 5 ; NAYS 1",
                "5, Noes 2",
                " 5)",
                " 5 N-2)",
                " 5;N-1)",
                "\u{a0}5\u{2003}nays 1",
            ] {
                hays.push(format!("{lead}{tail}"));
            }
        }
        for mid in [
            "in favour",
            "IN\u{a0}FAVOUR",
            "in  favour",
            "infavour",
            "were in favour",
            "WERE for",
            "were\u{2003}in\u{a0}favour",
            "werefor",
            "voted for",
            "votes in favour",
            "in favor",
            "were against",
            "for",
        ] {
            hays.push(format!("6 {mid}"));
            hays.push(format!("6\u{a0}{mid}, 2 against"));
        }
        // Numbers that are no counts, mostly.
        hays.extend(crate::fastre::sample_haystacks(20_000, &["12", "7", "1,234", "30th", "2019-20", "item 5"]));
        let mut matched = 0;
        let mut skipped = 0;
        for h in &hays {
            let m = VOTE_COUNTS.original().is_match(h);
            matched += usize::from(m);
            let may = may_count(h);
            skipped += usize::from(!may && h.bytes().any(|b| b.is_ascii_digit()));
            assert!(!m || may, "{h:?}");
        }
        assert!(matched > 2_000 && skipped > 1_000, "{matched} {skipped}");
    }

    #[test]
    fn mover_by_is_the_bounded_regex() {
        let ranges = |it: &mut dyn Iterator<Item = regex::Match<'_>>| it.map(|m| m.range()).collect::<Vec<_>>();
        let mut n = 0;
        for len in 0..90 {
            for fill in ["x", "é", " ", "by", ".", "\u{a0}"] {
                for tail in ["by X", " by Y", " BY Cllr Z, proposed a by b", "by", " by\n", "\nby Q"] {
                    for head in ["proposed ", "Moved\u{a0}", "was nominated  ", "xproposed ", "proposed.", ""] {
                        let text = format!("{head}{}{tail} moved {} by W", fill.repeat(len), fill.repeat(90 - len));
                        let want = ranges(&mut MOVER_BY.bounded().find_iter(&text));
                        n += usize::from(!want.is_empty());
                        assert_eq!(ranges(&mut mover_by_matches(&text)), want, "{text:?}");
                    }
                }
            }
        }
        assert!(n > 5_000, "{n}");
        let hays = crate::fastre::sample_haystacks(20_000, &["proposed", "moved", "nominated", "by", "BY", "seconded"]);
        let mut matched = 0;
        for h in &hays {
            let want = ranges(&mut MOVER_BY.bounded().find_iter(h));
            matched += usize::from(!want.is_empty());
            assert_eq!(ranges(&mut mover_by_matches(h)), want, "{h:?}");
        }
        assert!(matched > 500, "{matched}");
    }

    #[test]
    fn vote_patterns_need_a_digit() {
        // Every Unicode decimal digit is `char::is_numeric`, so a text without one cannot match.
        let digit = Regex::new(r"\d").unwrap();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if digit.is_match(&c.to_string()) {
                assert!(c.is_numeric(), "{c:?}");
            }
        }
        // Each alternative needs one: with every `\d` made a class that matches nothing, the
        // patterns match nothing, while they match every alternative of this text.
        let text = "carried 5-2 (Y-5; N-1) Ayes 5, Noes 2 5 in favour 2 abstained";
        for re in [VOTE_COUNTS.as_str(), ABSTAINED.as_str()] {
            assert!(re.contains(r"\d"));
            assert!(Regex::new(re).unwrap().is_match(text));
            let without = Regex::new(&re.replace(r"\d", r"[^\s\S]")).unwrap();
            assert!(!without.is_match(text), "{re}");
            assert!(!without.is_match(&text.repeat(3)));
        }
    }

    #[test]
    fn vote_regex_twins_are_the_originals() {
        let hays = crate::fastre::sample_haystacks(
            20_000,
            &[
                "carried 5-2",
                "(Y-5; N-1)",
                "(Y-3)",
                "Ayes 5, Noes 2",
                "votes in favour",
                "for",
                "not carried",
                "4 – 1 – 0",
                "nem con",
            ],
        );
        VOTE_COUNTS.assert_same_as_original(&hays);
        RESULT.assert_same_as_original(&hays);
    }

    /// `vote_twin_agrees`: where it holds, the twin's matches are the original's.
    #[test]
    fn vote_twin_agrees_where_it_says_so() {
        let groups = |c: regex::Captures| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>();
        let hays = crate::fastre::sample_haystacks(
            20_000,
            &[
                "carried 5-2",
                "(Y-5; N-1)",
                "Ayes 5, Noes 2",
                "5 ayes and 2 noes",
                "ŵ5 ayes, 2 nays",
                "4 nayſ",
                "3 for",
                "3 in favour",
                "é",
                "ŵ",
                "Ŷ",
                "٣",
                "5",
                "ayes",
                "Ayes",
                "nays",
                "for",
                "favour",
                "ſ",
                "\u{a0}",
            ],
        );
        let twin = VOTE_COUNTS.pick_checked(crate::fastre::Checked::proven(true));
        let (mut agreed, mut matched) = (0, 0);
        for h in &hays {
            if !vote_twin_agrees(h) {
                continue;
            }
            agreed += 1;
            let want: Vec<_> = VOTE_COUNTS.original().captures_iter(h).map(groups).collect();
            matched += usize::from(!want.is_empty() && !h.is_ascii());
            assert_eq!(twin.captures_iter(h).map(groups).collect::<Vec<_>>(), want, "{h:?}");
        }
        assert!(agreed * 2 > hays.len() && matched > 500, "{agreed} {matched}");
        // Each condition, where it fails, changes some match.
        for h in ["é5 ayes, 2 noes", "5 ayes, 2 noesé", "5 ayes, 2 nayſ", "5 forè", "éAyes 5, Noes 2", "٣ for"] {
            assert!(!vote_twin_agrees(h), "{h:?}");
        }
        for h in ["é5 ayes, 2 noes", "5 ayes, 2 noesé", "5 ayes, 2 nayſ", "éAyes 5, Noes 2", "5 forè", "٣ for"] {
            let want: Vec<_> = VOTE_COUNTS.original().captures_iter(h).map(groups).collect();
            assert_ne!(twin.captures_iter(h).map(groups).collect::<Vec<_>>(), want, "{h:?}");
        }
    }

    #[test]
    fn roll_regex_twins_are_the_originals() {
        let hays = crate::fastre::sample_haystacks(
            20_000,
            &[
                "\n- Smith: Aye",
                "\n * Cllr. Jones – Nay",
                ". Brown-Lee: No vote",
                "Commissioner O’Neill: Yes",
                "\nAyes: Smith, Jones and Brown",
                "Nays – none",
                "Abstaining: Lee",
                "\nÉmile: Abstained",
            ],
        );
        ROLL_ENTRY.assert_same_as_original(&hays);
        ROLL_LIST.assert_same_as_original(&hays);
    }

    #[test]
    fn votes() {
        let v = vote("The motion was carried 5-0.");
        assert_eq!((v.for_, v.against, v.result.as_deref()), (Some(5), Some(0), Some("carried")));
        let v = vote("Moved by Commissioner Fish and seconded by Commissioner Fritz. (Y-5)");
        assert_eq!((v.for_, v.against), (Some(5), Some(0)));
        let v = vote("7 in favour, 2 against and 1 abstention; the motion was lost");
        assert_eq!((v.for_, v.against, v.abstain, v.result.as_deref()), (Some(7), Some(2), Some(1), Some("lost")));
        assert_eq!(vote("RESOLVED that the update be noted.").result, None);
        // "by N votes to M"; counts in words.
        let v = vote("It was resolved by 4 votes to 1 that the hall be painted.");
        assert_eq!((v.for_, v.against, v.result.as_deref()), (Some(4), Some(1), Some("carried")));
        let v = vote(
            "proposed by Cllr Janet Taylor, seconded by Cllr Daphne Clements, one abstained and six were in favour.",
        );
        assert_eq!((v.for_, v.against, v.abstain, v.result.as_deref()), (Some(6), None, Some(1), Some("carried")));
        let v = vote("Cllr Stocking seconded: six for, one against.");
        assert_eq!((v.for_, v.against, v.result.as_deref()), (Some(6), Some(1), Some("carried")));
        // Only a number word before a vote word counts: not "twenty-one", "one to one", "no one".
        let v = vote("RESOLVED: the Council approved twenty-one trees; one councillor spoke against the site.");
        assert_eq!((v.for_, v.against), (None, None));
        assert_eq!(vote("agreed to offer one to one sessions, all in favour of the scheme").for_, None);
        assert_eq!(vote("All in favour; no one against and no one abstained.").abstain, None);
        // Number words without a vote word are no count.
        assert_eq!(vote("Proposed by one member, carried.").for_, None);
        // US roll-call tallies: "Ayes: 4 Nays: 1", "3 ayes, 2 nays".
        let v = vote("The motion carried by the following vote: Ayes: 4 Nays: 1 Absent: 0");
        assert_eq!((v.for_, v.against, v.result.as_deref()), (Some(4), Some(1), Some("carried")));
        let v = vote("Vote: 3 ayes, 2 nays. Motion failed.");
        assert_eq!((v.for_, v.against, v.result.as_deref()), (Some(3), Some(2), Some("lost")));
        for text in ["**Passes 7-0**", "Motion passes 5-0", "Vote PASSES **6-1**", "**Pass:** 6-1"] {
            let v = vote(text);
            assert_eq!((v.against.is_some(), v.result.as_deref()), (true, Some("carried")), "{text}");
        }
        // "passes" in the motion's own words states no outcome.
        assert_eq!(vote("Resolved, the OWASP Board passes the new Grants Policy").result, None);
        assert_eq!(vote("The motion passes.").result.as_deref(), Some("carried"));
        for text in [
            "proposed by Cllr Trudy Mann, seconded by Cllr Donna Stocking, all were in favour.",
            "All Councillors agreed.",
            "proposed and all members agreed that the hall be booked",
        ] {
            assert_eq!(vote(text).result.as_deref(), Some("carried"), "{text}");
        }
        // A bare "N for" is a tally only as a whole number ending its clause.
        let v = vote("Cllr Lintern seconded; 7 for, 1 abstention (Cllr Leamon absent); Carried.");
        assert_eq!((v.for_, v.abstain), (Some(7), Some(1)));
        assert_eq!(vote("seconded by Cllr S Lintern 6 votes for 1 abstention").for_, Some(6));
        assert_eq!(vote("The motion was put: 5 for.").for_, Some(5));
        for text in [
            "Stage 2 for Records and Tuples",
            "No stage 2 for now",
            "the precept be set at £5,000 for the following financial year",
            "the Funding Application for 2020/21 for the map",
            "Please look at PR number 3357 for folks",
            "Stage 1. 4 for 4!",
        ] {
            assert_eq!(vote(text).for_, None, "{text}");
        }
    }

    #[test]
    fn tallies_are_checked_against_the_roll_and_attendance() {
        let roll = "**Passed: 5-0**\n- Joubin Jabbari - Yes\n- Grant Ongers - Yes\n- Bil Corry - Yes\n- Owen Pendlebury - No\n";
        let v = vote("Passed: 5-0");
        assert_eq!(check_vote(roll, &v, 0), vec!["tally 5-0 but the named roll reads 3-1".to_string()]);
        let ok = "Carried 2-1. Ayes: Smith, Jones; Nays: Brown";
        assert!(check_vote(ok, &vote(ok), 0).is_empty());
        let v = vote("7 in favour, 2 against");
        assert_eq!(check_vote("", &v, 6), vec!["9 votes counted but the attendance lists 6 present".to_string()]);
        assert!(check_vote("", &v, 12).is_empty());
    }

    #[test]
    fn a_seconded_decision_recorded_as_made_was_carried() {
        assert!(affirmed("Minutes were accepted as a true and accurate record. Prop. PN, 2nd DD"));
        assert!(affirmed("proposed approval for payment seconded by Cllr Mrs Leamon. Agreed"));
        assert!(!affirmed("proposed that the minutes be adopted, seconded by Mr Mycock."));
        assert!(!affirmed("**Motion**: \"Resolved, the Conflict of Interest Policy is approved.\""));
        assert!(!affirmed("It was not agreed. Proposed by CW, seconded by PK."));
    }

    #[test]
    fn mover_and_seconder() {
        let t = "It was proposed by Cllr Smith, seconded by Cllr Jones and unanimously agreed";
        assert_eq!(person_after(&MOVER, t, 0).and_then(|m| m.name).as_deref(), Some("Cllr Smith"));
        assert_eq!(person_after(&SECONDER, t, 0).and_then(|m| m.name).as_deref(), Some("Cllr Jones"));
        // Initials and a surname, no title.
        let t = "The survey was accepted, proposed P. Norris & seconded C. Humphries-Smith- pass for payment.";
        assert_eq!(person_after(&MOVER, t, 0).and_then(|m| m.name).as_deref(), Some("P. Norris"));
        assert_eq!(person_after(&SECONDER, t, 0).and_then(|m| m.name).as_deref(), Some("C. Humphries-Smith"));
        let t = "The minutes were proposed for approval as a correct record by Cllr Gail Reeve, seconded by Cllr Janet Taylor";
        assert_eq!(person_after(&MOVER, t, 0).and_then(|m| m.name), None);
        assert_eq!(mover_by(t, 0).and_then(|m| m.name).as_deref(), Some("Cllr Gail Reeve"));
        let t = "It was proposed that the works be carried out by CGM, seconded by Cllr Jones";
        assert_eq!(mover_by(t, 0).and_then(|m| m.name), None, "an organisation");
        for t in ["proposed by R Wood and seconded by G. Cann that", "proposed acceptance seconded by Cllr R Bivon"] {
            assert_eq!(mover_by(t, 0).and_then(|m| m.name), None, "the seconder: {t}");
        }
        let t = "**Motion:** \"Resolved, ...\"\n\n**Sponsor:** Grant Ongers\n\n**Second:** Glenn ten Cate\n";
        assert_eq!(person_after(&MOVER, t, 0).and_then(|m| m.name).as_deref(), Some("Grant Ongers"));
        assert_eq!(person_after(&SECONDER, t, 0).and_then(|m| m.name).as_deref(), Some("Glenn ten Cate"));
        assert_eq!(person_after(&SECONDER, "**Second:** TBA\n", 0).and_then(|m| m.name), None);
        let t = "Proposed by G.Clere and seconded by J. A. Smith that the accounts be paid.";
        assert_eq!(person_after(&MOVER, t, 0).and_then(|m| m.name).as_deref(), Some("G.Clere"));
        assert_eq!(person_after(&SECONDER, t, 0).and_then(|m| m.name).as_deref(), Some("J. A. Smith"));
        let t = "Cllr Nicholas-Letch proposed, seconded by Cllr Precey that no action be taken.";
        assert_eq!(subject_mover(t, 0).and_then(|m| m.name).as_deref(), Some("Cllr Nicholas-Letch"));
        let t = "Sponsor: Joubin Jabbari\nSecond: Vandana Verma\n";
        assert_eq!(person_after(&MOVER, t, 0).and_then(|m| m.name).as_deref(), Some("Joubin Jabbari"));
        let t = "- Sponsor: Sherif Mansour\n- Second: Grant Ongers\n";
        assert_eq!(person_after(&SECONDER, t, 0).and_then(|m| m.name).as_deref(), Some("Grant Ongers"));
        let t = "Sponsor: Avi Douglen Second: Matt Tesauro";
        let m = person_after(&MOVER, t, 0).expect("mover");
        assert_eq!((m.name.as_deref(), m.span), (Some("Avi Douglen"), Span::new(9, 20)));
        assert_eq!(person_after(&SECONDER, t, 0).and_then(|m| m.name).as_deref(), Some("Matt Tesauro"));
        let t = "\"It is moved, and seconded to adjourn.\"\n\nSponsor: Sherif Mansour\nSecond: TBA\n";
        assert_eq!(person_after(&MOVER, t, 0).and_then(|m| m.name).as_deref(), Some("Sherif Mansour"));
        assert_eq!(person_after(&SECONDER, t, 0).and_then(|m| m.name), None);
        let t = "Ray resigned. Guy de Montfort proposed that Ray Thompson be elected.";
        assert_eq!(subject_mover(t, 0).and_then(|m| m.name).as_deref(), Some("Guy de Montfort"));
        assert_eq!(subject_mover("The Council proposed that", 0).and_then(|m| m.name), None);
        let t = "FRE Proposed PAG seconded, agreed.\n\nFRE Proposed PAG seconded Agreed\n";
        assert_eq!(person_after(&SECONDER, t, 0).and_then(|m| m.name), None);
        let t = "Plan Document: Proposed Focused Changes: Invitation to make Representations.";
        assert_eq!(person_after(&MOVER, t, 0).and_then(|m| m.name), None);
        // "proposed" as an adjective; a plain name is a mover only when a seconder follows.
        for t in [
            "iii) Proposed Rent Increase of the Play Area",
            "once conditions of the proposed Barclays Tracker account have been checked.",
            "3. Proposed Low Carbon Dwelling the Firs Wretton Road – BPC originally objected.",
        ] {
            assert_eq!(person_after(&MOVER, t, 0).and_then(|m| m.name), None, "{t}");
        }
        let t = "Proposed Mark Dawson, seconded Claire Page, all agreed.";
        assert_eq!(person_after(&MOVER, t, 0).and_then(|m| m.name).as_deref(), Some("Mark Dawson"));
        let t = "Proposed Mark Dawson, 2nd Claire Page.";
        assert_eq!(person_after(&MOVER, t, 0).and_then(|m| m.name).as_deref(), Some("Mark Dawson"));
        let t = "Chairman: proposed Mr Collins as Vice Chair.";
        assert_eq!(person_after(&MOVER, t, 0).and_then(|m| m.name).as_deref(), Some("Mr Collins"));
        let t = "A change to the agenda was proposed to add a discussion by Shruti Kulkani regarding training.";
        assert_eq!(mover_by(t, 0).and_then(|m| m.name), None);
        let t =
            "It was proposed to accept the bills as presented by Cllr Mandy Leamon, seconded by Cllr Grant Tomkins.";
        assert_eq!(mover_by(t, 0).and_then(|m| m.name).as_deref(), Some("Cllr Mandy Leamon"));
        let t = "Payments approved. Prop CP, 2nd RC, All agreed.";
        assert_eq!(person_after(&MOVER, t, 0).and_then(|m| m.name).as_deref(), Some("CP"));
        assert_eq!(person_after(&SECONDER, t, 0).and_then(|m| m.name).as_deref(), Some("RC"));
        let t = "Previous Meeting Minutes Sherif Mansour motions, Owen Pendlebury seconds";
        assert_eq!(subject_mover(t, 0).and_then(|m| m.name).as_deref(), Some("Sherif Mansour"));
        assert_eq!(subject_of(&SECONDER_VERB, t, 0).and_then(|m| m.name).as_deref(), Some("Owen Pendlebury"));
        let t = "To renew the lease, Ann Lee motioned, Bob Ray second.";
        assert_eq!(subject_mover(t, 0).and_then(|m| m.name).as_deref(), Some("Ann Lee"));
        assert_eq!(subject_of(&SECONDER_VERB, t, 0).and_then(|m| m.name).as_deref(), Some("Bob Ray"));
        let t = "Ann Lee motions, Martin Knobloch, second.";
        assert_eq!(subject_of(&SECONDER_VERB, t, 0).and_then(|m| m.name).as_deref(), Some("Martin Knobloch"));
        // No mover across a comma.
        let t = "As reported by Cllr Smith, proposed works to the church wall were approved.";
        assert_eq!(subject_mover(t, 0).and_then(|m| m.name), None);
        // "second" as an ordinal is no verb.
        assert_eq!(subject_of(&SECONDER_VERB, "Ann Lee second reading of the bylaws", 0).and_then(|m| m.name), None);
    }
}
