//! Item headings outside ModernGov pages: Markdown ATX headings, numbered headings
//! ("5. MATTERS ARISING", "2\. ACCEPTANCE OF APOLOGIES Apologies were ...", "135/19 Apologies
//! for Absence. Apologies were ...", "ITEM 4 FINANCE"), and "Title:" lines of minutes with
//! unnumbered items ("Great Mans Way:", "Minutes of the last Meeting: Cllr X queried ...").
//!
//! Each detector returns candidate headings; `super::find_headings` picks the scheme the
//! document uses (GOLD.md "Items").

use std::sync::LazyLock;

use regex::Regex;

use super::lines::{trim_span, Line};
use super::{content, split_title, Heading};
use crate::fastre::UnboundedFirst;
use crate::source::Span;

/// Headings that open the preamble or label a part of an item, never an item themselves
/// (GOLD.md: attendance and agenda lists are preamble; "Conclusion/Resolution" labels part of
/// an item).
const NOT_ITEMS: &[&str] = &[
    "action items",
    "actions",
    "agenda",
    "apologies",
    "attendance",
    "attendees",
    "conclusion",
    "conclusion/resolution",
    "conclusions",
    "contents",
    "decision",
    "decisions",
    "guests",
    "in attendance",
    "links",
    "meeting details",
    "minutes",
    "notes",
    "participants",
    "present",
    "regrets",
    "resolution",
    "resolutions",
    "speaker's summary of key points",
    "summary",
    "table of contents",
    "today's agenda",
    "today’s agenda",
];

/// Headings whose appearance means "the minutes start here": what comes before is preamble.
const MINUTES_START: &[&str] = &["minutes", "content", "content:", "notes", "proceedings"];

fn norm_title(s: &str) -> String {
    s.trim().trim_end_matches(':').trim().to_lowercase()
}

/// A Markdown ATX heading: (level, title span without the #s).
fn atx(text: &str, l: &Line) -> Option<(usize, Span)> {
    let c = content(text, l);
    let level = c.bytes().take_while(|&b| b == b'#').count();
    if level == 0 || level > 6 || !c[level..].starts_with([' ', '\t']) {
        return None;
    }
    let inner = c[level..].trim_end().trim_end_matches('#');
    let start = l.content.start + level;
    let title = trim_span(text, Span::new(start, start + inner.len()));
    Some((level, strip_emphasis(text, title)))
}

/// `**Title**` → `Title`.
fn strip_emphasis(text: &str, s: Span) -> Span {
    let t = &text[s.start..s.end];
    for m in ["**", "__", "*", "_"] {
        if t.len() > 2 * m.len() && t.starts_with(m) && t.ends_with(m) {
            return trim_span(text, Span::new(s.start + m.len(), s.end - m.len()));
        }
    }
    s
}

/// "Policy for PR blocking? [#2078](https://github.com/...)": the issue link after a heading's
/// title is its reference, not its words (Node.js TSC agendas); the title ends before it.
fn strip_issue_link(text: &str, s: Span) -> Span {
    let t = &text[s.start..s.end];
    let Some(open) = t.rfind(" [#") else { return s };
    let link = &t[open + 1..];
    // "[#" digits "](" a URL without spaces ")".
    let is_ref = link.find("](").is_some_and(|p| {
        p > 2 && link[2..p].chars().all(|c| c.is_ascii_digit()) && link.ends_with(')') && !link[p + 2..].contains(' ')
    });
    if is_ref && !t[..open].trim().is_empty() {
        trim_span(text, Span::new(s.start, s.start + open))
    } else {
        s
    }
}

/// "13.ii.j Title", "1.1. Title", "6.i Title": an agenda number before a heading's title.
fn heading_number(t: &str) -> Option<(String, usize)> {
    let first = t.split_whitespace().next()?;
    let num = first.trim_end_matches(['.', ')', ':']);
    let ok = num.starts_with(|c: char| c.is_ascii_digit())
        && num.len() <= 12
        && num.split('.').all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_alphanumeric()))
        && (num.chars().all(|c| c.is_ascii_digit() || c == '.') || num.contains('.'));
    if !ok || first.len() == t.len() {
        return None;
    }
    let after = &t[first.len()..];
    let skip = first.len() + (after.len() - after.trim_start().len());
    Some((num.to_string(), skip))
}

/// Markdown headings that are items.
pub(super) fn markdown_headings(text: &str, lines: &[Line]) -> Vec<Heading> {
    let mut fence = false;
    let mut comment = false;
    let mut heads: Vec<(usize, usize, Span)> = Vec::new(); // (line index, level, title)
    for (i, l) in lines.iter().enumerate() {
        let c = content(text, l);
        if c.starts_with("```") || c.starts_with("~~~") {
            fence = !fence;
            continue;
        }
        if comment {
            comment = !c.contains("-->");
            continue;
        }
        if c.starts_with("<!--") && !c.contains("-->") {
            comment = true;
            continue;
        }
        if fence {
            continue;
        }
        if let Some((level, title)) = atx(text, l) {
            // "[Mr Speaker in the Chair]" is a stage direction, content of the heading above.
            let t = &text[title.start..title.end];
            if !(t.starts_with('[') && t.ends_with(']')) {
                heads.push((i, level, title));
            }
        }
    }
    if heads.len() < 2 {
        return Vec::new();
    }
    let minutes_start =
        heads.iter().position(|(_, _, t)| MINUTES_START.contains(&norm_title(&text[t.start..t.end]).as_str()));
    let mut out = Vec::new();
    let mut seen_content = false;
    for (k, &(i, level, title)) in heads.iter().enumerate() {
        let next_line = heads.get(k + 1).map_or(lines.len(), |h| h.0);
        // A kramdown attribute line ("{: #section1}", "{:toc}") is markup, not content.
        let markup = |l: &Line| {
            let c = content(text, l).trim();
            c.starts_with("{:") && c.ends_with('}') && !c[1..].contains('{')
        };
        let content_lines: Vec<&Line> =
            lines[i + 1..next_line].iter().filter(|l| !l.is_blank() && !markup(l)).collect();
        let own_content = !content_lines.is_empty();
        // "The Secretary of State was asked—": one introductory line before sub-headings.
        let intro_only = content_lines.len() == 1
            && heads.get(k + 1).is_some_and(|h| h.1 > level)
            && content(text, content_lines[0]).len() < 80
            && content(text, content_lines[0]).ends_with(['—', ':', '-']);
        let was_seen = seen_content;
        seen_content |= own_content;
        let has_sub = heads.get(k + 1).is_some_and(|h| h.1 > level);
        let t = &text[title.start..title.end];
        let name = norm_title(t);
        if minutes_start.is_some_and(|m| k < m) {
            continue;
        }
        // The heading where the minutes start ("## Content:") is no item; what it holds before
        // the first topic (the scribe tool's table of contents aside: W3C's IRC chat) is an
        // untitled one.
        if minutes_start == Some(k) {
            if let Some(first) = content_lines.iter().find(|l| !toc_line(content(text, l))) {
                out.push(Heading {
                    start: first.content.start,
                    number: None,
                    title: None,
                    lost_title: false,
                    body_start: first.content.start,
                    documents: Vec::new(),
                });
            }
            continue;
        }
        if k == 0 && level == 1 {
            continue; // the document's title
        }
        // "### 5. Resolutions" (the scribe tool's index of the resolutions above) is no item
        // either, nor "#### Consensus/Resolution" under a topic.
        let unnumbered = heading_number(t).map_or(name.as_str(), |(_, skip)| t[skip..].trim());
        if NOT_ITEMS.contains(&name.as_str())
            || name.is_empty()
            || matches!(norm_title(unnumbered).as_str(), "resolutions" | "action items" | "decisions")
            || super::decisions::is_conclusion_heading(t)
        {
            continue;
        }
        if !own_content && has_sub || intro_only {
            continue;
        }
        // "#### The Secretary of State was asked—" followed by the questions' headings: an
        // introduction written as a heading of its own, with nothing under it.
        if !own_content && t.trim_end().ends_with('—') {
            continue;
        }
        // Empty headings before any heading with content (dates, "The House met at ...")
        // are the document's header.
        if !own_content && !was_seen {
            continue;
        }
        if super::super::extract::dates::find_date(t).is_some_and(|(_, a, b)| b - a + 12 >= t.len()) {
            continue;
        }
        let (number, title) = match heading_number(t) {
            Some((n, skip)) => (Some(n), Span::new(title.start + skip, title.end)),
            None => (None, title),
        };
        let title = strip_issue_link(text, strip_emphasis(text, title));
        out.push(Heading {
            start: lines[i].content.start,
            number,
            title: Some(title),
            lost_title: false,
            body_start: lines[i].span.end,
            documents: Vec::new(),
        });
    }
    // One heading is an agenda only when it is numbered ("### 1. Testing" after "## Attendees"
    // in a short telco); an unnumbered one ("## Summary") may head a document whose items are
    // its numbered paragraphs, which the later strategies find.
    if out.len() < 2 && out.first().is_none_or(|h| h.number.is_none()) {
        return Vec::new();
    }
    out
}

/// A line of a generated table of contents: "* TOC", a kramdown attribute ("{:toc}"), a rule
/// ("---"), or a list entry that only links to an anchor ("* [1. Resolutions](#section1)").
fn toc_line(c: &str) -> bool {
    let c = c.trim();
    let entry =
        c.trim_start_matches(['*', '-', '+', ' ']).trim_start_matches(|ch: char| ch.is_ascii_digit() || ch == '.');
    let entry = entry.trim();
    matches!(c, "* TOC" | "- TOC" | "TOC")
        || c.starts_with('{') && c.ends_with('}')
        || !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | '*' | '_' | ' '))
        || entry.starts_with('[') && entry.ends_with(')') && entry.contains("](#")
}

/// An item number at the start of a line: "1.", "1\.", "12)", "135/19", "ITEM 4", "Item 4:",
/// "*42", "S-56", "Min. 12/23". Returns (number, offset of the title).
fn item_number(c: &str) -> Option<(String, usize)> {
    let lower_head = c.get(..5).map(str::to_ascii_lowercase);
    if lower_head.as_deref() == Some("item ") {
        let rest = &c[5..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            let after = &rest[digits.len()..];
            let after_trim = after.trim_start_matches([':', '.', ' ', '-', '–', '\u{a0}']);
            return Some((digits, c.len() - after_trim.len()));
        }
    }
    let (prefix, rest) = match c.strip_prefix('*') {
        Some(r) => ("*", r),
        None => match c.strip_prefix("S-") {
            Some(r) => ("S-", r),
            None => ("", c),
        },
    };
    if !prefix.is_empty() {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let after = &rest[digits.len()..];
        if digits.is_empty() || digits.len() > 4 || !after.starts_with([' ', '\u{a0}']) {
            return None;
        }
        let skip = after.len() - after.trim_start().len();
        return Some((format!("{prefix}{digits}"), prefix.len() + digits.len() + skip));
    }
    // Without a backslash, `replacen` would copy `rest` unchanged.
    let unescaped =
        if rest.contains('\\') { std::borrow::Cow::Owned(rest.replacen("\\.", ".", 1)) } else { rest.into() };
    let lb = super::labels::label(&unescaped)?;
    use super::labels::LabelKind;
    if !matches!(lb.kind, LabelKind::Number | LabelKind::Ref) {
        return None;
    }
    let escaped = rest.starts_with(|ch: char| ch.is_ascii_digit())
        && rest.as_bytes()[..lb.written_len.min(rest.len())].ends_with(b"\\");
    let offset = prefix.len()
        + lb.body_offset
        + usize::from(escaped || rest.as_bytes()[..(lb.body_offset + 1).min(rest.len())].contains(&b'\\'));
    let num = if lb.text.ends_with(".0") { lb.text.trim_end_matches(".0").to_string() } else { lb.text.clone() };
    if num.contains('.') {
        return None; // "5.1" is a paragraph of item 5
    }
    Some((format!("{prefix}{num}"), offset.min(c.len())))
}

const SENTENCE_STARTERS: &[&str] = &[
    "A",
    "All",
    "An",
    "Apologies",
    "As",
    "Cllr",
    "Councillor",
    "Following",
    "He",
    "In",
    "It",
    "Members",
    "Mr",
    "Mrs",
    "Ms",
    "No",
    "Nothing",
    "She",
    "The",
    "There",
    "These",
    "They",
    "This",
    "We",
];
/// Verbs an agenda title opens with ("To Approve ...", "To Receive ..."): a capitalised word
/// after one is their object, still the title.
const AGENDA_VERBS: &[&str] =
    &["adopt", "agree", "appoint", "approve", "confirm", "consider", "discuss", "elect", "receive", "thank", "welcome"];
const FUNCTION_WORDS: &[&str] = &["a", "and", "at", "for", "from", "in", "of", "on", "the", "to", "with", "&"];

/// "4\\. Matters Arising: The allotment hedge has been cut ...": a short title (at most four
/// words, no punctuation) before a colon, then the minute's text; its length.
fn colon_title(body: &str) -> Option<usize> {
    body.find(": ").filter(|&c| {
        let head = &body[..c];
        c > 0 && !head.contains(['.', ',', ';']) && head.split_whitespace().count() <= 4
    })
}

/// The words of `s` with their byte offsets.
fn words_at(s: &str) -> Vec<(usize, &str)> {
    s.split_whitespace().map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w)).collect()
}

/// Where the title ends in a heading line that runs on into the minute's text:
/// an upper-case title ("ACCEPTANCE OF APOLOGIES Apologies were ..."), or a title cut at
/// " - ", ". ", before "was/were" or before a word that starts a sentence.
pub(super) fn title_end(s: &str) -> usize {
    let words = words_at(s);
    // Its letters all upper-case, two or more of them (or "A"); no vector of them built.
    let is_caps = |w: &str| {
        let mut letters = 0usize;
        for c in w.chars().filter(|c| c.is_alphabetic()) {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
        letters >= 2 || w == "A"
    };
    // Upper-case titles, allowing lower-case function words and a bracketed remark inside.
    let caps_run = words
        .iter()
        .enumerate()
        .take_while(|(k, (_, w))| {
            (is_caps(w) && (*w != "A" || words.get(k + 1).is_some_and(|(_, n)| is_caps(n))))
                || w.chars().all(|c| !c.is_alphabetic())
        })
        .count();
    if caps_run >= 1
        && words.first().is_some_and(|(_, w)| is_caps(w) && w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
    {
        let mut end_word = caps_run;
        let mut k = caps_run;
        // "... INTERESTS and DISPENSATION REQUESTS (for items on the Agenda) Nothing ..."
        while k < words.len() {
            let w = words[k].1;
            if FUNCTION_WORDS.contains(&w) && words.get(k + 1).is_some_and(|(_, n)| is_caps(n)) {
                k += 1;
                continue;
            }
            // A lone "A" starts the minute's text ("(15 MINUTES) A representative ...").
            if is_caps(w)
                && (w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    || words.get(k + 1).is_some_and(|(_, n)| is_caps(n)))
            {
                end_word = k + 1;
                k += 1;
                continue;
            }
            break;
        }
        // "BCKLWN Draft Local Plan i. ...": one upper-case word followed by a Title Case title.
        if end_word == 1 {
            while end_word < words.len() {
                let w = words[end_word].1;
                let title_case =
                    w.starts_with(|c: char| c.is_uppercase()) && w.chars().skip(1).all(|c| c.is_lowercase());
                if !title_case || SENTENCE_STARTERS.contains(&w) {
                    break;
                }
                end_word += 1;
            }
        }
        let mut end = words.get(end_word - 1).map_or(s.len(), |(o, w)| o + w.len());
        if let Some(rest) = s.get(end..) {
            let r = rest.trim_start();
            if r.starts_with('(') {
                if let Some(close) = r.find(')') {
                    end = s.len() - r.len() + close + 1;
                }
            }
        }
        if end_word == words.len() || end < s.len() {
            return end;
        }
    }
    // `memmem` finds what `str::find` did (a UTF-8 needle matches only at character
    // boundaries) without setting up a two-way searcher each time; the words are counted only
    // up to the limit (the line may be a long paragraph).
    for sep in [" - ", " – ", ". "] {
        if let Some(p) = memchr::memmem::find(s.as_bytes(), sep.as_bytes()) {
            if p > 0 && s[..p].split_whitespace().nth(16).is_none() {
                return p;
            }
        }
    }
    for (k, (off, w)) in words.iter().enumerate().skip(2) {
        let prev = words[k - 1].1;
        // "Date of meetings in 2019/20 Kent Community Safety Partnership meetings to be held
        // ...": a title ending with a year, then the minute's first sentence.
        let year = |t: &str| {
            t.len() >= 4
                && t.bytes().take(4).all(|c| c.is_ascii_digit())
                && t.bytes().all(|c| c.is_ascii_digit() || c == b'/')
        };
        if year(prev)
            && w.starts_with(|c: char| c.is_uppercase())
            && words[k..].iter().any(|(_, x)| x.chars().all(char::is_lowercase))
        {
            return s[..*off].trim_end().len();
        }
        // (No non-ASCII word lower-cases to one of these ASCII words.)
        if FUNCTION_WORDS.iter().any(|f| prev.eq_ignore_ascii_case(f)) {
            continue;
        }
        // "To Approve Councillor Attendance to NALC Course", "To Welcome Mr Smith": the object
        // of an agenda verb, not a sentence's subject.
        let opens = k == 1 || words[k - 2].1.eq_ignore_ascii_case("to");
        let pronoun =
            matches!(*w, "The" | "There" | "These" | "They" | "This" | "It" | "He" | "She" | "We" | "A" | "An");
        if opens
            && !pronoun
            && AGENDA_VERBS.iter().any(|v| prev.eq_ignore_ascii_case(v))
            && w.starts_with(char::is_uppercase)
        {
            continue;
        }
        if matches!(*w, "was" | "were" | "is" | "are" | "had" | "has") || SENTENCE_STARTERS.contains(w) {
            return s[..*off].trim_end().len();
        }
    }
    let limit = words.get(14).map_or(s.len(), |(o, _)| *o);
    s[..limit].trim_end().len()
}

/// After a title cut at " – " or ": ", the dash or colon is the title's separator, not a
/// bullet or the start of the body.
fn skip_dash(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let trimmed = rest.trim_start_matches([' ', '\t']);
    for dash in ["– ", "— ", "- ", ": "] {
        if let Some(after) = trimmed.strip_prefix(dash) {
            return text.len() - after.len();
        }
    }
    at
}

/// A number and a bold title at a line's start (see `numbered_headings`); not "5.1". The
/// title's `{0,100}?` is dropped for a first search (see [`UnboundedFirst`]).
static BOLD_NUMBERED: UnboundedFirst = UnboundedFirst::new(
    r"^(?:\d{1,2}\.[ \t]+)?(?:\*\*)?(?P<n>\d{1,2})(?:\\?\.0?)?(?:\*\*)?[ \t\u{a0}]*(?:\*\*)?(?P<t>[A-Z][^*\n]{BOUND})\*\*",
    "{0,100}?",
    "*?",
    "t",
    101,
);

/// `BOLD_NUMBERED.captures(c)`.
fn bold_numbered(c: &str) -> Option<regex::Captures<'_>> {
    BOLD_NUMBERED.captures_at(c, 0)
}

/// Items of flattened minutes numbered inline ("1. Apologies for Absence received; ... 2. No
/// Declarations of Interest made 3. ..."; see `flat::cut_inline_numbers`): one item a member
/// of the run, titled as a long numbered line is ([`run_in_title`], a short title before a
/// colon, [`title_end`]), untitled when no title of at most 100 bytes can be told from the
/// minute.
pub(super) fn inline_number_headings(text: &str, members: &[super::flat::Member]) -> Vec<Heading> {
    let mut out = Vec::with_capacity(members.len());
    for (k, &(at, n)) in members.iter().enumerate() {
        let number = n.to_string();
        let after = at + number.len();
        let dot = if text[after..].starts_with("\\.") { 2 } else { 1 };
        let rest = &text[after + dot..];
        let body_at = after + dot + (rest.len() - rest.trim_start().len());
        let next = members.get(k + 1).map_or(text.len(), |m| m.0);
        let line_end = text[body_at..].find('\n').map_or(text.len(), |p| body_at + p);
        let body = text[body_at..next.min(line_end).max(body_at)].trim_end();
        // "Church Survey Cllr Wyett ...", "Correspondence: Correspondence received ...", else
        // as a long numbered line.
        let end = run_in_title(body).or_else(|| colon_title(body)).unwrap_or_else(|| title_end(body));
        let title = (end > 0 && end <= 100).then(|| Span::new(body_at, body_at + end));
        out.push(Heading {
            start: at,
            number: Some(number),
            title,
            lost_title: false,
            body_start: title.map_or(body_at, |t| skip_dash(text, t.end)),
            documents: Vec::new(),
        });
    }
    out
}

/// "1\\. Apologies for absence. Apologies had been received from ...": a numbered line whose
/// first sentence is a short title (at most six words, no verb of a minute's text) and whose
/// next sentence starts with a capital or a sub-number ("5\\. Reports. 5.1 Chairman's
/// Report."). Returns the title's length (without the full stop).
fn sentence_title(body: &str) -> Option<usize> {
    let stop = body.find(". ")?;
    let head = &body[..stop];
    let words: Vec<&str> = head.split_whitespace().collect();
    let verbs = ["was", "were", "is", "are", "had", "has", "have", "will", "would", "be", "been", "to"];
    let next = body[stop + 2..].trim_start();
    (!words.is_empty()
        && words.len() <= 6
        && head.len() <= 50
        && !head.contains([',', ';', ':', '('])
        && !crate::segment::lines::ends_in_abbreviation(head)
        && !words.iter().any(|w| verbs.contains(&w.to_lowercase().as_str()) || w.ends_with("ed"))
        && next.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
    .then_some(stop)
}

/// Words before a title that make it an office's ("County Councillor", "Deputy Mayor").
const OFFICE_BEFORE_TITLE: &[&str] =
    &["Borough", "City", "County", "Deputy", "District", "Lord", "Our", "Parish", "Town", "Vice", "Ward"];

/// "6\\. Church Survey Cllr Wyett and Cllr Mack both declared ...", "14\\. Further Reports •
/// Thanks were expressed ...", "12\\. Correspondence 12.1 NALC ...": a numbered line that
/// opens with a title in Title Case (up to eight words; function words, figures and acronyms
/// allowed, not last) and runs on into the minute's text from a word that starts a sentence
/// ("Cllr", "The", "It", [`SENTENCE_STARTERS`], a title of a person; not the object of an
/// agenda verb: "To Consider Apologies for Absence"), a bullet, or a sub-number (a dash is
/// no stop: "3. Norfolk Minerals ... - notification" is a point of a list).
/// Returns the title's length.
fn run_in_title(body: &str) -> Option<usize> {
    let words = words_at(body);
    let mut end = 0;
    for (k, &(off, w)) in words.iter().enumerate() {
        let sub_number = w.split_once('.').is_some_and(|(a, b)| {
            !a.is_empty()
                && a.bytes().all(|c| c.is_ascii_digit())
                && b.trim_end_matches('.').bytes().all(|c| c.is_ascii_digit())
        });
        let object = k >= 1
            && (k == 1 || words[k - 2].1.eq_ignore_ascii_case("to"))
            && AGENDA_VERBS.iter().any(|v| words[k - 1].1.eq_ignore_ascii_case(v));
        // "County Councillor Long reported", "Town Mayor Cllr Peake": an office's title, not a
        // name's; a person's title opens the text only before a name.
        let office = k >= 1
            && (OFFICE_BEFORE_TITLE.contains(&words[k - 1].1)
                || crate::extract::lexicon::contains(crate::extract::lexicon::OFFICES, words[k - 1].1));
        let person = crate::extract::lexicon::contains(crate::extract::lexicon::TITLES, w.trim_end_matches('.'))
            && words.get(k + 1).is_some_and(|(_, n)| n.starts_with(char::is_uppercase));
        let stop = w == "•" || sub_number || !object && !office && (SENTENCE_STARTERS.contains(&w) || person);
        if stop {
            let last = words[..k].last().map(|(_, l)| *l);
            let open_end = last.is_some_and(|l| FUNCTION_WORDS.iter().any(|f| l.eq_ignore_ascii_case(f)));
            return ((1..=8).contains(&k) && !open_end).then_some(end);
        }
        let title_word = FUNCTION_WORDS.contains(&w) || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        if !title_word || w.ends_with(['.', ',', ';', ':']) {
            return None;
        }
        end = off + w.len();
    }
    None
}

/// Numbered headings. A candidate is a numbered line whose text is short and title-like, or
/// that starts with an upper-case title, or that carries a minute reference or "ITEM n".
/// Numbers must increase along the document (a longest increasing run is kept), so that
/// numbered paragraphs inside items are not taken for items.
pub(super) fn numbered_headings(text: &str, lines: &[Line]) -> Vec<Heading> {
    let mut cands: Vec<(u64, Heading)> = Vec::new();
    // Numbered lines written as a sentence ("2\\. Minutes of the previous meeting.", "6.
    // Accounts were presented and accepted for payment."): items only where they fill a gap
    // in the numbering of the others (see `fill_gaps`).
    let mut weak: Vec<(u64, Heading)> = Vec::new();
    // Short-titled minute references ("101/19 Public Participation"): one alone is an item.
    let (mut refs, mut first_ref) = (0usize, None::<Heading>);
    for l in lines {
        if l.is_blank() {
            continue;
        }
        let c = content(text, l);
        // "**1.** **Apologies for absence:** Mr M Peake", "**1.0 Welcome and Introductions**",
        // "2. **Minutes of the previous meeting**": a number and a bold title; after a list
        // mark a word processor numbered ("1. **2.**    **Declarations of Interest:**"), the
        // bold number is the item's.
        if let Some(b) = bold_numbered(c).filter(|b| b.name("t").is_some_and(|t| c[..t.start()].contains("**"))) {
            let (n, t) = (b.name("n").expect("n"), b.name("t").expect("t"));
            let title = t.as_str().trim_end_matches([':', '.', ' ', '\u{a0}']);
            if let (Ok(value), false) = (n.as_str().parse::<u64>(), title.is_empty()) {
                let start = l.content.start + t.start();
                // "**7.** **The following payments were agreed:**": a title that records a
                // decision is also the item's first paragraph, where the decision is read.
                let after = l.content.start + b.get(0).expect("match").end();
                let body_start = if super::decisions::find(title).is_empty() { after } else { start };
                cands.push((
                    value,
                    Heading {
                        start: l.content.start,
                        number: Some(n.as_str().to_string()),
                        title: Some(Span::new(start, start + title.len())),
                        lost_title: false,
                        body_start,
                        documents: Vec::new(),
                    },
                ));
                continue;
            }
        }
        let Some((num, off)) = item_number(c) else { continue };
        // A flattened table row: the title cell ends at the next cell border.
        let body = c[off..].split(" | ").next().unwrap_or("").trim_end();
        if body.is_empty() || !body.starts_with(|ch: char| ch.is_uppercase() || ch == '\'' || ch == '‘') {
            continue;
        }
        if super::labels::decision_start(body).is_some() {
            continue;
        }
        // "2.0 Apologies for absence." numbers items N.0 and their paragraphs N.1, N.2.
        let point_zero = c
            .strip_prefix(num.as_str())
            .is_some_and(|r| r.starts_with(".0") && !r[2..].starts_with(|ch: char| ch.is_ascii_digit()));
        let strong = num.contains('/')
            || c.get(..5).is_some_and(|w| w.eq_ignore_ascii_case("item "))
            || num.starts_with(['*', 'S'])
            || point_zero;
        let short = body.len() <= 100 && !body.ends_with(['.', ',', ';']);
        let mut end = if short { body.len() } else { title_end(body) };
        // "Parish Plan: Moved to March meeting.": the title, then the minute in one sentence.
        if let Some(colon) = body[..end].find(": ") {
            let after = body[colon + 2..end].trim();
            if colon > 0 && after.ends_with('.') && after.split_whitespace().count() >= 3 {
                end = colon;
            }
        }
        let is_caps_word = |w: &str| w.len() >= 2 && w.chars().all(|ch| !ch.is_lowercase());
        let first_two: Vec<&str> = body.split_whitespace().take(2).collect();
        let caps = first_two.iter().all(|w| is_caps_word(w)) && first_two.len() == 2
            || first_two.first().is_some_and(|w| w.len() >= 3 && is_caps_word(w));
        let colon_title = colon_title(body);
        let mut sentence = false;
        if !(short || caps || strong) {
            if let Some(c) = colon_title.or_else(|| sentence_title(body)).or_else(|| run_in_title(body)) {
                end = c;
            } else if body.len() <= 160 {
                sentence = true;
                end = if body.len() <= 100 { body.trim_end_matches(['.', ' ']).len() } else { end };
            } else if let Some(stop) = body.find(". ").filter(|&stop| {
                // Not an abbreviation's full stop ("St. Mary's Church roof ...").
                stop <= 100
                    && body[..stop].split_whitespace().nth(2).is_some()
                    && !crate::segment::lines::ends_in_abbreviation(&body[..stop])
            }) {
                // "11\\. Accounts were presented and accepted for payment. Cheques for ...":
                // a long minute whose first sentence is short; its sentence fills a gap only.
                sentence = true;
                end = stop;
            } else {
                continue;
            }
        }
        if end == 0 {
            continue;
        }
        let Some(value) = number_value(&num) else { continue };
        let title_start = l.content.start + off;
        let (title, documents) = split_title(text, Span::new(title_start, title_start + end));
        let slash_ref = num.contains('/') && short;
        // A whole line that records a decision ("3. The Minutes ... were agreed as a true
        // record") is the title and also the item's first paragraph.
        let whole_line = body[end..].trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace()).is_empty();
        let decides = whole_line && !sentence && !super::decisions::find(body).is_empty();
        let heading = Heading {
            start: l.content.start,
            number: Some(num),
            title: Some(title),
            lost_title: false,
            body_start: if decides { title_start } else { skip_dash(text, title.end.max(title_start + end)) },
            documents,
        };
        if sentence {
            // The sentence's full stop is no paragraph; a sentence that records a decision
            // ("3. The Minutes ... were agreed as a true record.") is also the item's first
            // paragraph, where the decision is read.
            let decides = !super::decisions::find(body).is_empty();
            let body_start = if decides { title_start } else { title_start + body.len() };
            weak.push((value, Heading { body_start, ..heading }));
            continue;
        }
        if slash_ref {
            refs += 1;
            if first_ref.is_none() {
                first_ref = Some(heading.clone());
            }
        }
        cands.push((value, heading));
    }
    let run = longest_increasing(text, cands);
    if run.is_empty() && refs == 1 {
        return first_ref.into_iter().collect();
    }
    fill_gaps(run, weak)
}

/// The numbered lines written as a sentence (`weak`) that fill a gap in the items' numbering:
/// between items 1 and 4, lines "2." and "3." and no other numbered sentence (a list that
/// restarts at 1 inside item 1 leaves the gap open: its "3." is a point of that list); before
/// the first item, "1." up to it; after the last, the lines that go on counting from it.
fn fill_gaps(run: Vec<Heading>, weak: Vec<(u64, Heading)>) -> Vec<Heading> {
    if run.len() < 2 || weak.is_empty() {
        return run;
    }
    let value = |h: &Heading| h.number.as_deref().and_then(number_value);
    let mut out = Vec::with_capacity(run.len() + weak.len());
    let mut weak = weak.into_iter().peekable();
    let mut prev: Option<u64> = Some(0);
    for h in run.into_iter().map(Some).chain([None]) {
        let limit = h.as_ref().map_or(usize::MAX, |h| h.start);
        let mut gap: Vec<(u64, Heading)> = Vec::new();
        while let Some(w) = weak.next_if(|w| w.1.start < limit) {
            gap.push(w);
        }
        let next = h.as_ref().and_then(value);
        if let Some(from) = prev {
            // Between two items a number may be missing from the lines ("8." run into the
            // line of "7."): the gap's numbers need only go on counting up, below the next
            // item's; after the last item they must count on without a hole.
            let picked = fill(from, &gap, next.is_some());
            let fills = match (next, &picked) {
                (Some(to), Some((p, last))) => !p.is_empty() && *last < to,
                (None, Some(_)) => h.is_none(),
                _ => false,
            };
            if let (true, Some((p, _))) = (fills, picked) {
                let mut gap: Vec<Option<(u64, Heading)>> = gap.into_iter().map(Some).collect();
                out.extend(p.into_iter().filter_map(|i| gap[i].take().map(|(_, g)| g)));
            }
        }
        prev = next;
        out.extend(h);
    }
    out
}

/// Which of a gap's numbered sentences continue the count from `from` (their indices, and the
/// last number picked), or None when the gap's numbering is not the items' count with lists
/// nested in it: a number below the count is a point of a list that restarted inside the item
/// before it; one that goes on from such a list's last point ("1. 2. 3." inside item 2) is
/// that list's; a number above the count skips the missing ones when `skips` (a heading run
/// into the line before it), else it breaks the count.
fn fill(from: u64, gap: &[(u64, Heading)], skips: bool) -> Option<(Vec<usize>, u64)> {
    let mut expected = from.saturating_add(1);
    let mut picked = Vec::new();
    let mut last: Option<(u64, bool)> = None;
    for (i, (v, _)) in gap.iter().enumerate() {
        let continues_list = last.is_some_and(|(l, was_picked)| !was_picked && l + 1 == *v);
        if continues_list && *v >= expected {
            return None;
        }
        let pick = !continues_list && (*v == expected || skips && *v > expected);
        if pick {
            picked.push(i);
            expected = v.saturating_add(1);
        } else if *v >= expected {
            return None;
        }
        last = Some((*v, pick));
    }
    Some((picked, expected - 1))
}

/// The count an item number stands at: "*61" 61, "S-3" 3, "135/19" 135, "5.0" 5.
fn number_value(num: &str) -> Option<u64> {
    num.trim_start_matches(['*', 'S', '-']).split(['/', '.']).next()?.parse().ok()
}

/// The candidates that are a list nested in an item: a run counting up from 1 ("7.
/// Correspondence:" / "1. West Norfolk Inter Village Games" ... "9. Letter from BCKLWN"),
/// (a point written as a sentence is no candidate: the run may skip one number), after a
/// candidate numbered higher than 1 that the count reached, and followed by a candidate that goes on from
/// that one's count ("8. Planning:"). Its "6." to "9." would otherwise carry the count past
/// the items they sit in. A run after which the count does not resume (the minutes' items
/// after a numbered agenda) is no nested list.
fn nested_lists(text: &str, cands: &[(u64, Heading)]) -> Vec<bool> {
    // Nothing of its own before the next candidate: a list's entry ("5. Council meeting
    // agenda"), not an item with its minute.
    let bare = |k: usize| {
        let end = cands.get(k + 1).map_or(text.len(), |c| c.1.start);
        text.get(cands[k].1.body_start.min(end)..end).is_some_and(|t| t.trim().is_empty())
    };
    let mut nested = vec![false; cands.len()];
    let mut i = 1;
    while i < cands.len() {
        let outer = cands[i - 1].0;
        // The candidate before the run is itself counted to ("5. Chairman's Report" before
        // "7. Correspondence"), not a stray number ahead of the items' "1.".
        let counted = cands[i.saturating_sub(4)..i - 1].iter().any(|&(v, _)| v < outer && outer - v <= 2);
        if cands[i].0 != 1 || outer < 2 || !counted {
            i += 1;
            continue;
        }
        let mut e = i;
        while let Some(&(v, _)) = cands.get(e + 1) {
            let counts_on = v > cands[e].0 && v - cands[e].0 <= 2;
            // After entries with nothing of their own, the items' count resumes with a
            // number that has ("7. Letter from ..." then "8. Planning: 8.1 ...").
            // Not when the same number follows ("8. Norfolk Fire ... A request ... was
            // turned down." then "8. Planning": the list's last entry, then the item).
            let resumes =
                v == outer.saturating_add(1) && bare(e) && !bare(e + 1) && cands.get(e + 2).is_none_or(|c| c.0 != v);
            if !counts_on || resumes {
                break;
            }
            e += 1;
        }
        if cands.get(e + 1).is_some_and(|&(v, _)| v > outer && v - outer <= 3) {
            nested[i..=e].iter_mut().for_each(|x| *x = true);
        }
        i = e + 1;
    }
    nested
}

/// Keep the longest run of candidates whose numbers strictly increase in small steps.
fn longest_increasing(text: &str, cands: Vec<(u64, Heading)>) -> Vec<Heading> {
    let n = cands.len().min(4000);
    if n == 0 {
        return Vec::new();
    }
    let nested = nested_lists(text, &cands[..n]);
    let mut best = vec![1usize; n];
    let mut prev = vec![usize::MAX; n];
    for i in 0..n {
        if nested[i] {
            continue;
        }
        for j in i.saturating_sub(200)..i {
            if nested[j] {
                continue;
            }
            let (a, b) = (cands[j].0, cands[i].0);
            // "206/19 Apologies ... 206/19 Declarations of Interest": a minute reference the
            // clerk wrote twice in a row is still the next item.
            let repeated_ref = b == a && j + 1 == i && cands[i].1.number.as_deref().is_some_and(|n| n.contains('/'));
            if (b > a && b - a <= 5 || repeated_ref) && best[j] + 1 > best[i] {
                best[i] = best[j] + 1;
                prev[i] = j;
            }
        }
    }
    let mut end = (0..n).max_by_key(|&i| (best[i], usize::MAX - i)).unwrap_or(0);
    if best[end] < 2 {
        // A single item is an item only when it is numbered 1 ("1. Finance").
        return cands.into_iter().take(1).filter(|(v, _)| *v == 1).map(|(_, h)| h).collect();
    }
    let mut keep = Vec::new();
    loop {
        keep.push(end);
        if prev[end] == usize::MAX {
            break;
        }
        end = prev[end];
    }
    keep.reverse();
    let mut cands: Vec<Option<(u64, Heading)>> = cands.into_iter().map(Some).collect();
    keep.into_iter().filter_map(|i| cands[i].take().map(|(_, h)| h)).collect()
}

static INLINE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)(?P<num>\*?(?:S-)?\d{1,3})\s{1,3}(?P<first>[A-Z][a-z]+)\s").expect("inline number regex")
});

static TITLE_STOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s\((?:Ordinance|Communication|Report|Resolution|Second Reading|Emergency|Previous|Presentation|Proclamation)|\s{2,}\(|\s{2,}[A-Z]{4,}")
        .expect("title stop regex")
});

/// Agenda items run together on long lines, as PDF-extracted US council minutes print them:
/// "... PLACED ON FILE  39 Request of Dixie Johnston to address Council ...  (Communication)".
/// Numbers anywhere in the text are candidates; the longest increasing run (at least five)
/// are the items. Titles end at the item's type in brackets.
pub(super) fn inline_numbered(text: &str) -> Vec<Heading> {
    let mut cands = Vec::new();
    for c in INLINE_NUMBER.captures_iter(text) {
        let num = c.name("num").expect("num");
        let value = num.as_str().trim_start_matches(['*', 'S', '-']).parse::<u64>().ok();
        let Some(value) = value else { continue };
        let title_start = c.name("first").expect("first").start();
        let mut cap = text.len().min(title_start + 400);
        while !text.is_char_boundary(cap) {
            cap -= 1;
        }
        let rest = &text[title_start..cap];
        let end = TITLE_STOP.find(rest).map_or_else(|| rest.find('\n').unwrap_or(rest.len()), |m| m.start());
        let title = trim_span(text, Span::new(title_start, title_start + end));
        cands.push((
            value,
            Heading {
                start: num.start(),
                number: Some(num.as_str().to_string()),
                title: Some(title),
                lost_title: false,
                body_start: title.end,
                documents: Vec::new(),
            },
        ));
    }
    let run = longest_increasing(text, cands);
    if run.len() >= 5 {
        run
    } else {
        Vec::new()
    }
}

/// A Markdown pipe table used as the agenda: "| Subject | Initials | Notes |" with one row an
/// item, the first cell its title.
pub(super) fn table_headings(text: &str, lines: &[Line]) -> Vec<Heading> {
    let mut out = Vec::new();
    let mut in_table = false;
    for l in lines {
        let c = content(text, l);
        if !c.starts_with('|') {
            in_table = false;
            continue;
        }
        let first = c.trim_start_matches('|').split('|').next().unwrap_or("").trim();
        let first_l = first.to_ascii_lowercase();
        if !in_table {
            in_table =
                matches!(first_l.as_str(), "subject" | "item" | "topic" | "agenda item" | "agenda" | "no." | "#");
            continue;
        }
        if first.chars().all(|ch| matches!(ch, '-' | ':' | ' ')) {
            continue;
        }
        let at = l.content.start + c.find(first).unwrap_or(0);
        let title = trim_span(text, Span::new(at, at + first.len()));
        if title.is_empty() {
            continue;
        }
        out.push(Heading {
            start: l.content.start,
            number: None,
            title: Some(title),
            lost_title: false,
            body_start: after_initials_cells(text, title.end, l.content.end),
            documents: Vec::new(),
        });
    }
    if out.len() >= 3 {
        out
    } else {
        Vec::new()
    }
}

/// Where a table row's notes start: past the cell separator after the title and past cells of
/// initials alone ("| SB |", the note-taker's column), which are no part of the notes.
fn after_initials_cells(text: &str, from: usize, end: usize) -> usize {
    let mut at = from;
    loop {
        let rest = &text[at..end];
        let Some(bar) = rest.find('|') else { return at };
        if !rest[..bar].trim().is_empty() {
            return at;
        }
        let after = at + bar + 1;
        let cell = text[after..end].split('|').next().unwrap_or("");
        let c = cell.trim();
        let initials = (2..=4).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_uppercase());
        if !initials || after + cell.len() >= end {
            return after;
        }
        at = after + cell.len();
    }
}

/// Labels before a colon that are not item titles.
const NOT_COLON_TITLES: &[&str] = &[
    "action",
    "actions",
    "agreed",
    "apologies",
    "also present",
    "attendees",
    "chair",
    "date",
    "email",
    "in attendance",
    "motion",
    "note",
    "present",
    "proposed",
    "regrets",
    "resolved",
    "seconded",
    "tel",
    "those attending",
    "time",
    "venue",
    "vote",
];

/// "Great Mans Way:" alone on a line, or "Minutes of the last Meeting: Cllr X queried ...":
/// a short title-cased phrase before a colon at the start of a paragraph.
pub(super) fn colon_headings(text: &str, lines: &[Line]) -> Vec<Heading> {
    let mut out = Vec::new();
    let mut prev_blank = true;
    for l in lines {
        if l.is_blank() {
            prev_blank = true;
            continue;
        }
        let was_blank = prev_blank;
        prev_blank = false;
        if !was_blank {
            continue;
        }
        let c = content(text, l);
        let Some(colon) = c.find(':') else { continue };
        let head = c[..colon].trim();
        let words: Vec<&str> = head.split_whitespace().collect();
        if words.is_empty() || words.len() > 9 || head.len() > 80 || !head.starts_with(|ch: char| ch.is_uppercase()) {
            continue;
        }
        if c[colon + 1..].starts_with(|ch: char| ch.is_ascii_digit()) || head.contains(['*', '#', '|', '(']) {
            continue;
        }
        if NOT_COLON_TITLES.contains(&head.to_lowercase().as_str()) {
            continue;
        }
        // A person's name before a colon is a speaker turn, not a title; a phrase alone on
        // its line ("Inter-Village Games:") heads what follows.
        let alone = c[colon + 1..].trim().is_empty();
        if words.len() <= 3 && !alone && super::super::extract::looks_like_person(head) {
            continue;
        }
        let title = Span::new(l.content.start, l.content.start + head.len());
        out.push(Heading {
            start: l.content.start,
            number: None,
            title: Some(title),
            lost_title: false,
            body_start: l.content.start + colon + 1,
            documents: Vec::new(),
        });
    }
    // In minutes whose titles end with a colon, a title written without one ("Draft Budget
    // 2010/2011") is a short title-case line standing alone between blank lines. With fewer
    // than three colon titles, the lines standing alone decide: upper-case ones ("MATTERS
    // ARISING", "CO OPTION") and single words ("Planning", "Correspondence") count too, and
    // four titles in all make the agenda (older parish minutes written without numbers).
    // Without colon titles to go by, what stands alone before the attendance list is the
    // header ("DRAFT", "At 7.30pm on Wednesday 13 April 2011", the council's name).
    let attendance_line = lines.iter().position(|l| {
        let c = content(text, l).trim_start_matches(['*', '#', ' ']).to_ascii_lowercase();
        ["present", "those present", "those attending", "attendance", "in attendance", "councillors present"]
            .iter()
            .any(|w| c.starts_with(w))
    });
    let lone = |strict: bool| -> Vec<Heading> {
        let mut found = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            let c = content(text, l);
            let alone = i > 0 && lines[i - 1].is_blank() && lines.get(i + 1).is_none_or(Line::is_blank);
            if l.is_blank() || !alone || out.iter().any(|h| h.start == l.content.start) {
                continue;
            }
            // "Minutes of the previous meeting. Mrs Mann proposed ...": a usual agenda title run
            // into its minute.
            if let Some((len, dot)) = agenda_run_in(c).filter(|_| attendance_line.is_none_or(|a| i > a)) {
                found.push(Heading {
                    start: l.content.start,
                    number: None,
                    title: Some(Span::new(l.content.start, l.content.start + len)),
                    lost_title: false,
                    body_start: l.content.start + dot + 1,
                    documents: Vec::new(),
                });
                continue;
            }
            if !(standalone_title(c) || agenda_title(c) || !strict && (caps_title(c) || single_word_title(c))) {
                continue;
            }
            if attendance_line.is_some_and(|a| i < a) || !plain_title(c) {
                continue;
            }
            // A name, or a signature at the end ("Parish Clerk"), is not a title.
            let last = lines[i + 1..].iter().all(Line::is_blank);
            if last || super::super::extract::looks_like_person(c) {
                continue;
            }
            found.push(Heading {
                start: l.content.start,
                number: None,
                title: Some(l.content),
                lost_title: false,
                body_start: l.content.end,
                documents: Vec::new(),
            });
        }
        found
    };
    if out.len() >= 3 {
        out.extend(lone(true));
    } else {
        let more = lone(false);
        // Numbered titles run into the text ("1 Apologies ... 4 Noise"), found later, win.
        if more.len() < 2 || out.len() + more.len() < 4 || inline_numbered(text).len() >= 3 {
            return Vec::new();
        }
        out.extend(more);
    }
    out.sort_by_key(|h| h.start);
    out
}

/// "5. Reports" with nothing of its own before "5.1 Chairman's Report", "5.2 ...": a heading
/// whose only content is numbered sub-headings is no item; its sub-headings are (GOLD.md).
/// The first sub-heading must be a title (short, no full stop) on a line of its own; every
/// "N.k" line of the item that follows, counting up, is then an item.
pub(super) fn promote_sub_headings(text: &str, lines: &[Line], headings: Vec<Heading>) -> Vec<Heading> {
    let mut out = Vec::with_capacity(headings.len());
    for (i, h) in headings.iter().enumerate() {
        let end = headings.get(i + 1).map_or(text.len(), |n| n.start);
        let subs = h.number.as_deref().filter(|n| n.bytes().all(|b| b.is_ascii_digit())).and_then(|n| {
            // The item's lines (`lines` are in text order), each with its sub-label if any.
            let from = lines.partition_point(|l| l.content.start < h.body_start);
            // (A heading's body may start past the next heading: then there is none.)
            let to = lines.partition_point(|l| l.content.start < end).max(from);
            let body: Vec<(&Line, Option<(u64, &str)>)> = lines[from..to]
                .iter()
                .filter(|l| !l.is_blank() && l.content.end <= end)
                .map(|l| (l, sub_label(text, l, n)))
                .collect();
            // A title alone on its line: not "6.1 Norfolk Age UK – Request for donations", a
            // point with its text.
            let title_like = |r: &str| {
                r.len() <= 60
                    && !r.ends_with(['.', ',', ';', ':'])
                    && r.split_whitespace().count() <= 8
                    && !r.contains(" - ")
                    && !r.contains(" – ")
            };
            let &(_, Some((1, first))) = body.first()? else { return None };
            if !title_like(first) || body.len() < 2 {
                return None;
            }
            // Sub-headings with text of their own under them (not a list of one-line points).
            let with_text = body.windows(2).filter(|w| w[0].1.is_some() && w[1].1.is_none()).count();
            let (mut next, mut titles) = (1, 0);
            let mut found = Vec::new();
            for &(l, sub) in &body {
                let Some((k, rest)) = sub.filter(|&(k, _)| k == next) else { continue };
                next += 1;
                // Two titles at least: "5.1 Chairman's Report", "5.3 Manor House Update".
                titles += usize::from(title_like(rest));
                let title_len =
                    [" - ", " – "].iter().filter_map(|d| rest.find(d)).min().unwrap_or(if rest.len() <= 100 {
                        rest.trim_end_matches(['.', ' ']).len()
                    } else {
                        title_end(rest)
                    });
                let at = l.content.end - rest.len();
                let whole = rest[title_len..].trim_matches(['.', ' ']).is_empty();
                found.push(Heading {
                    start: l.content.start,
                    number: Some(format!("{n}.{k}")),
                    title: Some(Span::new(at, at + title_len)),
                    lost_title: false,
                    body_start: if whole { l.content.end } else { skip_dash(text, at + title_len) },
                    documents: Vec::new(),
                });
            }
            if found.len() < 2 || titles < 2 || with_text < 2 {
                return None;
            }
            // The first takes the heading's line ("5. Reports"), which holds nothing of its own.
            found[0].start = h.start;
            Some(found)
        });
        match subs {
            Some(subs) => out.extend(subs),
            None => out.push(h.clone()),
        }
    }
    out
}

/// "5.2 The Clerk ...": the point `k` of item `n` at the start of line `l`, and the rest.
fn sub_label<'a>(text: &'a str, l: &Line, n: &str) -> Option<(u64, &'a str)> {
    let c = content(text, l);
    let lb = super::labels::label(c)?;
    let (item, k) = lb.text.split_once('.')?;
    if item != n || !matches!(lb.kind, super::labels::LabelKind::Number) {
        return None;
    }
    let rest = c[lb.body_offset.min(c.len())..].trim();
    (rest.starts_with(|ch: char| ch.is_uppercase())).then_some((k.parse().ok()?, rest))
}

/// Agenda titles every parish writes, in lower case: a line that is one of them ("Matters
/// arising", "Any other business") titles an item even in sentence case.
const AGENDA_TITLES: &[&str] = &[
    "any other business",
    "apologies for absence",
    "chairman's report",
    "chairmans report",
    "clerk's report",
    "clerks report",
    "date of next meeting",
    "date of the next meeting",
    "declarations of interest",
    "matters arising",
    "minutes of last meeting",
    "minutes of previous meeting",
    "minutes of the last meeting",
    "minutes of the previous meeting",
    "open forum",
    "public forum",
    "public participation",
];

/// A line that is one of [`AGENDA_TITLES`] (a trailing colon or full stop aside).
fn agenda_title(c: &str) -> bool {
    let t = c.trim().trim_end_matches([':', '.', ' ']).replace('’', "'").to_lowercase();
    AGENDA_TITLES.contains(&t.as_str())
}

/// "Minutes of the previous meeting. Mrs Mann proposed that ...": one of [`AGENDA_TITLES`]
/// opening a line and ended by a full stop, then the minute's text (a capital); the title's
/// length and where the full stop is (white space may stand between them: "meeting\u{a0}.").
fn agenda_run_in(c: &str) -> Option<(usize, usize)> {
    let dot = c.find(". ")?;
    let rest = c[dot + 2..].trim_start();
    (agenda_title(&c[..dot]) && rest.starts_with(|ch: char| ch.is_uppercase()))
        .then_some((c[..dot].trim_end().len(), dot))
}

/// "MATTERS ARISING", "CO OPTION", "ANY OTHER BUSINESS": 1 to 8 upper-case words (3 letters
/// at least), no closing punctuation, no figures.
fn caps_title(c: &str) -> bool {
    let letters = c.chars().filter(|ch| ch.is_alphabetic()).count();
    let words = c.split_whitespace().count();
    letters >= 3
        && (1..=8).contains(&words)
        && c.len() <= 60
        && c.chars().all(|ch| !ch.is_lowercase() && !ch.is_ascii_digit())
        && !c.ends_with(['.', ',', ';', ':', '!', '?'])
        && !c.contains(['*', '#', '|', '(', '[', '£', '$'])
}

/// A line standing alone that may title an item where no colon titles confirm it: not a date
/// ("Wednesday 9th June"), a time, a draft mark, or a person with a title or office ("Mrs
/// Joyce Hull Chairwoman", "Cllr Shirley Cordner   SC").
fn plain_title(c: &str) -> bool {
    let first = c.split_whitespace().next().unwrap_or("").trim_end_matches('.').to_ascii_lowercase();
    let titled = ["mr", "mrs", "ms", "miss", "dr", "cllr", "councillor", "rev", "revd"].contains(&first.as_str());
    let weekday = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        .iter()
        .any(|d| first.trim_end_matches(',').eq(*d));
    let dated = crate::extract::dates::find_date(c).is_some();
    let timed = c.contains(|ch: char| ch.is_ascii_digit()) && (c.contains("pm") || c.contains("am"));
    !titled && !weekday && !dated && !timed && !c.eq_ignore_ascii_case("draft") && !c.contains('\u{a0}')
}

/// "Planning", "Correspondence", "Budget": one capitalised word of letters.
fn single_word_title(c: &str) -> bool {
    (4..=20).contains(&c.len())
        && c.starts_with(|ch: char| ch.is_uppercase())
        && c.chars().all(|ch| ch.is_alphabetic() || ch == '-')
        && !["Noted", "Agreed", "Approved", "Refused", "Resolved", "Carried", "None", "Nothing"].contains(&c)
}

/// "Draft Budget 2010/2011": 2 to 8 words in title case (function words excepted), no closing
/// punctuation, not an outcome ("Approved by Parish").
fn standalone_title(c: &str) -> bool {
    let words: Vec<&str> = c.split_whitespace().collect();
    let title_case = words.iter().all(|w| {
        w.starts_with(|ch: char| ch.is_uppercase() || ch.is_ascii_digit())
            || FUNCTION_WORDS.contains(w)
            || matches!(*w, "-" | "–" | "by" | "an")
    });
    let outcome = ["Approved", "Agreed", "Refused", "Resolved", "Carried", "Noted", "Received", "Rejected"]
        .contains(&words.first().copied().unwrap_or(""));
    (2..=8).contains(&words.len())
        && c.len() <= 60
        && title_case
        && !outcome
        && !c.ends_with(['.', ',', ';', ':', '!', '?'])
        && !c.contains(['*', '#', '|', '(', '['])
        // "Apologies: T. Manley and G. Cann": a colon line is read as one (or left as preamble).
        && !c.contains(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `bold_numbered` against `BOLD_NUMBERED`, with titles around the limit.
    #[test]
    fn bold_numbered_is_the_bounded_regex() {
        let groups = |c: regex::Captures| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>();
        let mut n = 0;
        for len in 0..106 {
            for fill in ["x", "é", " ", "\u{a0}", "\r"] {
                for head in ["**1.** **A", "1. **2.**    **B", "**1.0 C", "3 **D", "12\\.0 E", "**5 f"] {
                    for tail in ["**", "*", "**:** x", "\n**", "* **"] {
                        let c = format!("{head}{}{tail}", fill.repeat(len));
                        let want = BOLD_NUMBERED.bounded().captures(&c).map(groups);
                        n += usize::from(want.is_some());
                        assert_eq!(bold_numbered(&c).map(groups), want, "{c:?}");
                    }
                }
            }
        }
        assert!(n > 2_000, "{n}");
    }

    fn te(s: &str) -> &str {
        &s[..title_end(s)]
    }

    #[test]
    fn run_in_titles() {
        let t = |s: &'static str| run_in_title(s).map(|e| &s[..e]);
        assert_eq!(t("Church Survey Cllr Wyett and Cllr Mack both declared an interest."), Some("Church Survey"));
        assert_eq!(t("Further Reports • Thanks were expressed to Cllr Whitmore"), Some("Further Reports"));
        assert_eq!(t("Correspondence 12.1 NALC newsletter"), Some("Correspondence"));
        assert_eq!(t("Neighbourhood Plan The Borough Council has provided a map."), Some("Neighbourhood Plan"));
        // The object of an agenda verb, a title ending in a function word, a sentence, a dash.
        assert_eq!(t("To Consider Apologies for Absence Cllr Peake"), Some("To Consider Apologies for Absence"));
        assert_eq!(t("Parking at The Cross was discussed"), None);
        assert_eq!(t("County Councillor Long reported on the budget."), None);
        assert_eq!(t("Town Mayor Cllr Peake laid a wreath."), None);
        assert_eq!(t("Accounts were presented and accepted. The"), None);
        assert_eq!(t("Norfolk Minerals and Waste Framework - notification of submission."), None);
    }

    #[test]
    fn a_gap_between_items_may_skip_a_number_run_into_a_line() {
        let h = |n: u64| {
            (
                n,
                Heading {
                    start: 0,
                    number: Some(n.to_string()),
                    title: None,
                    lost_title: false,
                    body_start: 0,
                    documents: Vec::new(),
                },
            )
        };
        // Between items 4 and 9: "6." and "7." ("5." and "8." run into other lines).
        assert_eq!(fill(4, &[h(6), h(7)], true).map(|(p, last)| (p.len(), last)), Some((2, 7)));
        // After the last item, no hole; a list restarting at 1 that counts on past the count
        // breaks it.
        assert_eq!(fill(4, &[h(6), h(7)], false), None);
        assert_eq!(fill(4, &[h(1), h(2), h(3), h(4), h(5)], true), None);
    }

    #[test]
    fn title_ends() {
        assert_eq!(
            te("ACCEPTANCE OF APOLOGIES FOR ABSENCE Apologies for absence were"),
            "ACCEPTANCE OF APOLOGIES FOR ABSENCE"
        );
        assert_eq!(
            te("MEMBERS’ DECLARATION OF INTERESTS and DISPENSATION REQUESTS (for items on the Agenda) Nothing was declared."),
            "MEMBERS’ DECLARATION OF INTERESTS and DISPENSATION REQUESTS (for items on the Agenda)"
        );
        assert_eq!(
            te("Emergency Evacuation Procedures was read by the Vice Chair."),
            "Emergency Evacuation Procedures"
        );
        assert_eq!(
            te("Openness and Transparency Notice - The Parish Council record"),
            "Openness and Transparency Notice"
        );
        assert_eq!(te("Apologies for Absence. Apologies were accepted"), "Apologies for Absence");
        assert_eq!(
            te("To Approve Councillor Attendance to NALC Course: Law and Good Practice The Parish Council approved"),
            "To Approve Councillor Attendance to NALC Course: Law and Good Practice"
        );
        assert_eq!(te("Apologies and Welcome There were no apologies"), "Apologies and Welcome");
        assert_eq!(
            te("To receive Declarations of Interest from Members on any item to be discussed The following was declared"),
            "To receive Declarations of Interest from Members on any item to be discussed"
        );
    }

    #[test]
    fn sub_headings_of_a_heading_with_nothing_of_its_own_are_items() {
        let text = "Minutes\n\n4. Matters Arising\n\nSalt bins ordered.\n\n5. Reports\n\n5.1 Chairman's Report\n\nThe tenant is repairing the fence.\n\n5.2 The Clerk had nothing to report.\n\n5.3 Manor House Update\n\nMr Peake reported.\n\n6. Correspondence\n\n6.1 Norfolk Age UK – Request for donations\n\n6.2 Bennett Homes – Letter\n\n7. Planning\n";
        let lines = crate::segment::lines::lines(text);
        let hs = promote_sub_headings(text, &lines, numbered_headings(text, &lines));
        let got: Vec<(String, &str)> = hs
            .iter()
            .map(|h| (h.number.clone().unwrap_or_default(), h.title.map_or("", |t| &text[t.start..t.end])))
            .collect();
        let want = [
            ("4", "Matters Arising"),
            ("5.1", "Chairman's Report"),
            ("5.2", "The Clerk had nothing to report"),
            ("5.3", "Manor House Update"),
            ("6", "Correspondence"),
            ("7", "Planning"),
        ];
        assert_eq!(got, want.map(|(n, t)| (n.to_string(), t)));
        // The first sub-heading's item starts at the dropped heading's line.
        assert!(text[hs[1].start..].starts_with("5. Reports"));
        // One-line points with no text under them stay paragraphs.
        let text = "Minutes\n\n5. Matters\n\nNone.\n\n6. Correspondence\n\n6.1 NALC newsletter\n\n6.2 Highways letter\n\n6.3 Police report\n\n7. Planning\n";
        let lines = crate::segment::lines::lines(text);
        let hs = promote_sub_headings(text, &lines, numbered_headings(text, &lines));
        assert_eq!(hs.iter().filter_map(|h| h.number.clone()).collect::<Vec<_>>(), ["5", "6", "7"]);
    }

    #[test]
    fn usual_agenda_titles_in_sentence_case() {
        let text = "Minutes of the meeting held on 5th May 2004\n\nThose attending Mr M. Mycock, Mrs M Leaman\n\nMinutes of the previous meeting. Mrs Mann proposed that the minutes be adopted.\n\nMatters arising\n\n(a) Playing Field sign - Not yet in place.\n\nPlanning\n\n4 dwellings at Wretton Road - approved by Borough Council\n\nCorrespondence\n\nA letter from the Police.\n\nOther Business\n\nNone.\n";
        let lines = crate::segment::lines::lines(text);
        let hs = colon_headings(text, &lines);
        let titles: Vec<&str> = hs.iter().map(|h| h.title.map_or("", |t| &text[t.start..t.end])).collect();
        assert_eq!(
            titles,
            ["Minutes of the previous meeting", "Matters arising", "Planning", "Correspondence", "Other Business"]
        );
        assert!(text[hs[0].body_start..].trim_start().starts_with("Mrs Mann proposed"));
        // Not any sentence-case line: "Nothing to report" is no title.
        assert!(!agenda_title("Nothing to report") && agenda_title("Any other business:"));
    }

    #[test]
    fn colon_titles_after_escaped_numbers() {
        let text = "Minutes of the meeting held on 25th November 2004.\n\n1\\. Present: A. Cole - Chairman, Mrs. Dale, Miss Eve, B. Fox together with 6 members of the public.\n\n2\\. Apologies: None\n\n3\\. Matters Arising: The allotment hedge has been cut, but the untenanted allotments still need to be cleared.\n";
        let lines = crate::segment::lines::lines(text);
        let hs = numbered_headings(text, &lines);
        let titles: Vec<&str> = hs.iter().map(|h| h.title.map_or("", |t| &text[t.start..t.end])).collect();
        assert_eq!(titles, vec!["Present", "Apologies: None", "Matters Arising"]);
        // The body starts after the colon.
        assert!(text[hs[2].body_start..].starts_with("The allotment"));
    }

    #[test]
    fn numbered_lines_titled_by_a_short_first_sentence() {
        let text = "Minutes of the meeting held on 1 December 2016.\n\n1\\. Apologies for absence. Apologies had been received from Tom Foy.\n\n2\\. Declarations of Interest. No declarations were made.\n\n5\\. Reports. 5.1 Chairman's Report. The hedge will be cut.\n";
        let lines = crate::segment::lines::lines(text);
        let titles: Vec<&str> =
            numbered_headings(text, &lines).iter().map(|h| h.title.map_or("", |t| &text[t.start..t.end])).collect();
        assert_eq!(titles, vec!["Apologies for absence", "Declarations of Interest", "Reports"]);
        assert_eq!(sentence_title("The Clerk reported. The hedge was cut."), None, "a verb: the minute's text");
        assert_eq!(sentence_title("Grass cutting. it was noted"), None);
        assert_eq!(sentence_title("Planning, highways and footpaths. None."), None);
    }

    #[test]
    fn numbered_sentences_fill_the_gaps_in_the_items_numbering() {
        let titles = |text: &str| -> Vec<String> {
            let lines = crate::segment::lines::lines(text);
            numbered_headings(text, &lines)
                .iter()
                .map(|h| {
                    format!("{} {}", h.number.as_deref().unwrap_or(""), h.title.map_or("", |t| &text[t.start..t.end]))
                })
                .collect()
        };
        // Items 2, 3, 5 and 6 are written as sentences; items 5's own points restart at 1.
        let text = "1\\. Apologies:\n\nMr Ray Thompson\n\n2\\. Minutes of the previous meeting.\n\nThe minutes were agreed.\n\n3\\. Complaints received since the last meeting.\n\nSeven complaints.\n\n4\\. Noise\n\nNone.\n\n5\\. Transport.\n\n1\\. Parking of a vehicle on the path.\n\n2\\. Speeding vehicle through Oxborough.\n\n6\\. Odour Dust & particulates.\n\nFive complaints.\n\n7\\. AOB\n\nNone.\n\n8\\. Date of next meeting.\n";
        assert_eq!(
            titles(text),
            [
                "1 Apologies",
                "2 Minutes of the previous meeting",
                "3 Complaints received since the last meeting",
                "4 Noise",
                "5 Transport",
                "6 Odour Dust & particulates",
                "7 AOB",
                "8 Date of next meeting"
            ]
        );
        // A list inside item 2 whose "3." continues it is no item 3; the gap stays open.
        let text = "1\\. Apologies\n\nNone.\n\n2\\. Planning\n\n1\\. The hedge was cut.\n\n2\\. The wall was built.\n\n3\\. The gate was painted.\n\n4\\. Finance\n\nNone.\n";
        assert_eq!(titles(text), ["1 Apologies", "2 Planning", "4 Finance"]);
        // A sentence that records a decision is also the item's first paragraph.
        let text = "1\\. Apologies\n\nNone.\n\n2\\. The minutes of the meeting held on 4 May were agreed as a true record.\n\n3\\. Finance\n\nNone.\n";
        let lines = crate::segment::lines::lines(text);
        let hs = numbered_headings(text, &lines);
        assert_eq!(hs.len(), 3);
        assert!(text[hs[1].body_start..].starts_with("The minutes of the meeting"));
        // So is a bold title that records one, and a numbered line that is one.
        let text = "**6.** **Finance**\n\nNone.\n\n**7.** **The following payments were agreed:**\n\nCGM £40.00\n\n8. The accounts were approved\n\n9. Close\n";
        let lines = crate::segment::lines::lines(text);
        let hs = numbered_headings(text, &lines);
        assert_eq!(hs.len(), 4);
        assert!(text[hs[1].body_start..].starts_with("The following payments were agreed"));
        assert!(text[hs[2].body_start..].starts_with("The accounts were approved"));
        assert!(text[hs[0].body_start..].trim_start().starts_with("None"));
    }

    #[test]
    fn colon_titles_alone_on_their_line_even_when_name_like() {
        let text = "Co-option:\n\nA letter was read.\n\nInter-Village Games:\n\nIt was agreed.\n\nWar Memorials:\n\nNoted.\n\nRoger Partridge: I will visit.\n";
        let lines = crate::segment::lines::lines(text);
        let titles: Vec<&str> =
            colon_headings(text, &lines).iter().map(|h| h.title.map_or("", |t| &text[t.start..t.end])).collect();
        assert_eq!(
            titles,
            vec!["Co-option", "Inter-Village Games", "War Memorials"],
            "a name with words after it is a turn"
        );
    }

    #[test]
    fn an_empty_heading_ending_in_a_dash_introduces() {
        let text = "### Prayers\n\n#### [Mr Speaker in the Chair]\n\n## Oral Answers\n\n### Foreign Office\n\n#### The Secretary of State was asked—\n\n### Syria\n\n1. Mr David Hanson (Delyn) (Lab): When?\n";
        let lines = crate::segment::lines::lines(text);
        let titles: Vec<&str> =
            markdown_headings(text, &lines).iter().map(|h| h.title.map_or("", |t| &text[t.start..t.end])).collect();
        assert!(titles.contains(&"Syria"), "{titles:?}");
        assert!(!titles.iter().any(|t| t.contains("was asked")), "{titles:?}");
    }

    #[test]
    fn unnumbered_titles_standing_alone() {
        // Older parish minutes: upper-case and single-word titles, no numbers, no colons; what
        // stands alone before the attendance list is the header.
        let text = "# Stoke Ferry Parish Council Meeting\n\nDRAFT\n\nWednesday 9th June\n\nPRESENT: Mr. Mycock, Mrs. Leamon.\n\nMATTERS ARISING\n\n1. Parking still bad.\n\nCO OPTION\n\nOne applicant was voted on.\n\nPlanning\n\nExtension approved.\n\nMrs Joyce Hull Chairwoman\n\nCorrespondence\n\nHighways wrote.\n\nThe end.\n";
        let lines = crate::segment::lines::lines(text);
        let hs = colon_headings(text, &lines);
        let got: Vec<&str> = hs.iter().map(|h| h.title.map_or("", |t| &text[t.start..t.end])).collect();
        assert_eq!(got, vec!["MATTERS ARISING", "CO OPTION", "Planning", "Correspondence"]);
        // With colon titles too, the lines before the attendance list are the header.
        let text = "July Minutes\n\nTuesday 8th July 2003 in the\n\nPresent: R. Lankfer, Mrs. Willis.\n\nMinutes: signed.\n\nMatters Arising: none.\n\nPlanning: none.\n\nDraft Budget 2010/2011\n\nAgreed.\n";
        let hs = colon_headings(text, &crate::segment::lines::lines(text));
        let got: Vec<&str> = hs.iter().map(|h| h.title.map_or("", |t| &text[t.start..t.end])).collect();
        assert_eq!(got, vec!["Minutes", "Matters Arising", "Planning", "Draft Budget 2010/2011"]);
        assert!(!standalone_title("Apologies: T. Manley and G. Cann"));
        assert!(standalone_title("Draft Budget 2010/2011"));
        // Three such lines alone are not enough.
        let text = "PRESENT: Mr. Mycock.\n\nPLANNING\n\nApproved.\n\nPAYMENTS\n\nPaid.\n\nThe end.\n";
        assert!(colon_headings(text, &crate::segment::lines::lines(text)).is_empty());
    }

    #[test]
    fn issue_links_after_titles() {
        let t = "Policy for PR blocking? [#2078](https://github.com/nodejs/node/issues/2078)";
        assert_eq!(&t[strip_issue_link(t, Span::new(0, t.len())).end..][..3], " [#");
        assert_eq!(strip_issue_link(t, Span::new(0, t.len())), Span::new(0, 23));
        for keep in ["[#84](https://x/84)", "Read [the docs](https://x)", "See [#12](a b)"] {
            assert_eq!(strip_issue_link(keep, Span::new(0, keep.len())), Span::new(0, keep.len()), "{keep}");
        }
    }

    #[test]
    fn scribe_tool_markdown() {
        // W3C: the chat under "## Content:" (its table of contents aside) is an untitled item;
        // the generated "### 3. Resolutions" index and a "#### Consensus/Resolution" label are
        // no items.
        let text = "# Publishing WG Telco — Minutes\n\n## Attendees\n\n**Present:** Ann Bee\n\n## Content:\n{: .no_toc}\n\n* TOC\n{:toc}\n---\n\n> *Ann Bee:* hi all\n\n### 1. Locators\n{: #section1}\n\nAnn Bee: text\n\n#### Consensus/Resolution\n\n- Go with locators\n\n### 2. Issues\n\nnone\n\n### 3. Resolutions\n{: #res}\n\n* [Resolution #1](#resolution1): go\n";
        let lines = crate::segment::lines::lines(text);
        let hs = markdown_headings(text, &lines);
        let got: Vec<(Option<&str>, &str)> =
            hs.iter().map(|h| (h.number.as_deref(), h.title.map_or("", |t| &text[t.start..t.end]))).collect();
        assert_eq!(got, vec![(None, ""), (Some("1"), "Locators"), (Some("2"), "Issues")]);
        assert!(text[hs[0].start..].starts_with("> *Ann Bee:* hi all"));
        for t in ["Conclusion / Decision", "Summary and conclusion", "Conclusion//resolution", "Consensus/Resolution:"]
        {
            assert!(super::super::decisions::is_conclusion_heading(t), "{t}");
        }
        assert!(!super::super::decisions::is_conclusion_heading("Summary"));
        assert!(!super::super::decisions::is_conclusion_heading("Consensus reached pull requests"));
    }

    #[test]
    fn numbers_with_bold_titles() {
        // A word processor's list mark before the bold number.
        let text = "MINUTES\n\n1. **1.**    **No Apologies for absence received.**\n\nText.\n\n1. **2.**    **Declarations of Interest:**\n\nNone.\n\n**3\\. Minutes** were agreed\n";
        let lines = crate::segment::lines::lines(text);
        let got: Vec<Option<String>> = numbered_headings(text, &lines).into_iter().map(|h| h.number).collect();
        assert_eq!(got, vec![Some("1".into()), Some("2".into()), Some("3".into())]);
        let text = "MINUTES\n\n **1.**    **Apologies for absence:** Mr M Peake\n\n**2.0 Declarations of Interest**\n\nNone.\n\n3. **Minutes of the previous meeting** were agreed\n\n4. Matters arising **none**\n\n5.1 **Sub** point\n";
        let lines = crate::segment::lines::lines(text);
        let hs = numbered_headings(text, &lines);
        let got: Vec<(Option<&str>, &str)> =
            hs.iter().map(|h| (h.number.as_deref(), h.title.map_or("", |t| &text[t.start..t.end]))).collect();
        assert_eq!(
            got,
            vec![
                (Some("1"), "Apologies for absence"),
                (Some("2"), "Declarations of Interest"),
                (Some("3"), "Minutes of the previous meeting"),
                (Some("4"), "Matters arising **none**"),
            ]
        );
    }

    #[test]
    fn item_numbers() {
        assert_eq!(item_number("2\\. ACCEPTANCE"), Some(("2".into(), 4)));
        assert_eq!(item_number("135/19 Emergency"), Some(("135/19".into(), 7)));
        assert_eq!(item_number("ITEM 4 FINANCE"), Some(("4".into(), 7)));
        assert_eq!(item_number("*43 Authorize"), Some(("*43".into(), 4)));
        assert_eq!(item_number("5.1 Text"), None);
    }

    #[test]
    fn increasing_run() {
        let h = |n| {
            (
                n,
                Heading {
                    start: 0,
                    number: None,
                    title: None,
                    lost_title: false,
                    body_start: 0,
                    documents: Vec::new(),
                },
            )
        };
        let got = longest_increasing("", vec![h(1), h(2), h(1), h(3), h(4), h(2), h(5)]);
        assert_eq!(got.len(), 5);
        // "7. Correspondence:" holds a list 1. ... 9. (its "2." a sentence, no candidate),
        // then "8. Planning:": the list is no run of items, though it is longer.
        let values = [1, 3, 4, 5, 7, 1, 3, 4, 5, 6, 7, 8, 9, 8, 10];
        let nested = nested_lists("", &values.map(h));
        assert_eq!(nested.iter().filter(|&&x| x).count(), 8);
        assert!(nested[5..13].iter().all(|&x| x));
        assert_eq!(longest_increasing("", values.map(h).to_vec()).len(), 7);
        // A stray number before the items' "1." (here "9."), or the minutes' items after a
        // numbered agenda (the count does not resume after them): no nested list.
        assert!(!nested_lists("", &[9, 1, 2, 12, 3].map(h)).iter().any(|&x| x));
        assert!(!nested_lists("", &[1, 2, 3, 4, 1, 2, 3, 4, 5].map(h)).iter().any(|&x| x));
    }
}
