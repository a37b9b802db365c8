//! The meeting header: body, title, date, time, venue and attendance lists.

use std::sync::LazyLock;

use regex::Regex;

use super::dates::{find_date, find_yearless_before, written_weekday, Date};
use crate::diagnostics::{Code, Diagnostics};
use crate::fastre::FastRegex;
use crate::model::Meeting;
use crate::source::{Source, Span};

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b")
        .expect("time regex")
});

const ORG: &str = r"(?:Council|Committee|Board|Partnership|Association|Assembly|Cabinet|Panel|Trust|TSC|WG|Working\s+Group|Forum|Group|Commission|House\s+of\s+Commons|House\s+of\s+Lords|Parliament|Senate|Authority)";

static MEETING_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\bmeeting\s+of\s+(?:the\s+)?(?P<body>[^.;:()]*?\b{ORG}\b(?:\s+of\s+the\s+[^.;:()]*?(?:,\s*[A-Za-z]+)?)?)(?:\s+(?:was\s+held|held|on|at)\b|[,.;:]|\s*$|\s+[–—-]\s)"
    ))
    .expect("meeting-of regex")
});

static ORG_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:#+\s*)?(?:Page\s+\d+\s+of\s+\d+\s+)?(?:(?:[Dd]raft\s+)?(?:[Mm]inutes|MINUTES)\s+(?:of|OF)\s+)?(?:[Tt]he\s+|THE\s+)?(?P<body>House\s+of\s+(?:Commons|Lords)\b|[A-Z](?:[^.;:()–—]|\.[a-z])*?\b(?i:{ORG}))\b")).expect("org-prefix regex")
});

/// A header line that is only a place ("**Wereham Village Hall**").
static VENUE_LINE: LazyLock<FastRegex> = LazyLock::new(|| {
    FastRegex::new(
        r"^[*_#\s]*(?P<venue>[A-Z][\w'’&]*(?:\s+[A-Z][\w'’&]*)*?\s+(?:Hall|Room|Centre|Center|Chamber|Chambers|Library|Church|School|Pavilion|Institute|Club)(?:,\s+[A-Z][a-z]+\b(?:\s+[A-Z][a-z]+)?)?)[*_\s]*$",
    )
    .expect("venue line regex")
});

static VENUE_IN: LazyLock<FastRegex> = LazyLock::new(|| {
    FastRegex::new(
        r"(?:\bin|\bat|\d\s*(?:am|pm|a\.m\.|p\.m\.))\s+(?:[Tt]he\s+)?(?P<venue>[A-Z][\w'’&]*(?:\s+[A-Z][\w'’&]*)*?\s+(?:Hall|Room|Centre|Center|Chamber|Chambers|House|Library|Church|School|Pavilion|Offices|Office|Institute|Club)(?:,\s+[A-Z][a-z]+\b(?:\s+[A-Z][a-z]+)?)?)",
    )
    .expect("venue regex")
});

/// The place words of `VENUE_IN` and `VENUE_LINE` ("Chambers" holds "Chamber", "Offices"
/// "Office"): each match of either holds one, and most header lines have none. A literal
/// alternation, searched much faster than the two patterns.
static PLACE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("Hall|Room|Centre|Center|Chamber|House|Library|Church|School|Pavilion|Office|Institute|Club")
        .expect("place word regex")
});

/// A place in capitals after "AT"/"IN" ("HELD AT THE VILLAGE HALL ON", "HELD AT THE CHURCH
/// MONDAY ...", "HELD AT ST. ANDREWS CHURCH", "THE VILLAGEHALL"): the place up to its first
/// place word, without "THE".
static CAPS_VENUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:AT|IN)\s+(?:THE\s+)?(?P<venue>(?:[A-Z][A-Z'’&.]*\s+){0,4}?[A-Z]*(?:HALL|ROOM|CENTRE|CENTER|CHAMBERS?|HOUSE|LIBRARY|CHURCH|SCHOOL|PAVILION|OFFICES?|INSTITUTE|CLUB))(?-u:\b)",
    )
    .expect("capitals venue regex")
});

/// The place words of `CAPS_VENUE`, a literal alternation most header lines fail at once.
static CAPS_PLACE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("HALL|ROOM|CENTRE|CENTER|CHAMBER|HOUSE|LIBRARY|CHURCH|SCHOOL|PAVILION|OFFICE|INSTITUTE|CLUB")
        .expect("capitals place word regex")
});

/// A venue written in capitals (`CAPS_VENUE`), read through bold markers split inside it
/// ("**HELD AT WEST DEREHAM VILLAGE** **HALL**").
fn caps_venue(line: &str) -> Option<String> {
    if !CAPS_PLACE_WORD.is_match(line) {
        return None;
    }
    let plain = line.replace("**", "");
    let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    // The place after the last "AT"/"IN" before it: "HELD IN WEST DEREHAM AT THE HALL" is
    // the HALL; "IN RESPECT OF THE COMMUNITY CENTRE" names no venue.
    let mut from = 0;
    while let Some(c) = CAPS_VENUE.captures_at(&plain, from) {
        let venue = &c["venue"];
        if !venue.split(' ').any(|w| matches!(w, "AT" | "IN" | "ON" | "OF" | "FOR" | "TO" | "RESPECT" | "AND")) {
            return Some(venue.to_string());
        }
        from = c.get(0).map_or(plain.len(), |m| m.start() + 1);
    }
    None
}

/// Front matter keys whose values describe the meeting.
fn front_matter_value<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let rest = line.strip_prefix(key)?.strip_prefix(':')?;
    Some(rest.trim().trim_matches('"').trim_matches('\''))
}

/// A time like "10.00 am", "7pm", "19:30" as `HH:MM`.
pub(crate) fn find_time(s: &str) -> Option<String> {
    let c = TIME.captures(s)?;
    if let Some(h) = c.name("h") {
        let mut h: u32 = h.as_str().parse().ok()?;
        let m: u32 = c.name("m").map_or(Some(0), |m| m.as_str().parse().ok())?;
        let pm = c.name("ap").is_some_and(|a| a.as_str().to_ascii_lowercase().starts_with('p'));
        if h > 12 || m > 59 {
            return None;
        }
        if pm && h < 12 {
            h += 12;
        }
        if !pm && h == 12 {
            h = 0;
        }
        return Some(format!("{h:02}:{m:02}"));
    }
    let h: u32 = c.name("h24")?.as_str().parse().ok()?;
    Some(format!("{h:02}:{}", c.name("m24")?.as_str()))
}

fn value_after<'a>(line: &'a str, keys: &[&str]) -> Option<&'a str> {
    let line = line.trim_start_matches(['-', '*', ' ', '#']).trim_start();
    keys.iter().find_map(|k| {
        let head = line.get(..k.len())?;
        let rest = &line[k.len()..];
        let rest = rest.strip_prefix(":**").or_else(|| rest.strip_prefix("**:")).or_else(|| rest.strip_prefix(':'))?;
        head.eq_ignore_ascii_case(k).then(|| rest.trim_start_matches(['*', ' ', '\u{a0}', '-']).trim())
    })
}

/// Fill the meeting header from the header lines (front matter, title lines, "Venue:" lines).
pub(crate) fn meeting(src: &Source, header: Option<Span>, header_lines: &[Span], diags: &mut Diagnostics) -> Meeting {
    let mut m = Meeting { span: header, ..Meeting::default() };
    let mut candidates: Vec<&str> = Vec::new();
    let mut front_date = None;
    // A post's title ("Northwold Parish Council April Meeting") names the body less exactly
    // than the minutes' own first lines ("Northwold and Whittington Parish Council – ..."):
    // read last for the body, but it stays the title.
    let mut front_title: Option<&str> = None;
    let mut in_front = header_lines.first().is_some_and(|l| src.get(*l) == "---");
    let mut slash_date = None;
    for (k, &l) in header_lines.iter().enumerate() {
        let line = src.get(l);
        if in_front {
            if line == "---" && k > 0 {
                in_front = false;
            } else if let Some(v) = front_matter_value(line, "title") {
                front_title = Some(v);
                candidates.insert(0, v);
            } else if let Some(v) = front_matter_value(line, "date") {
                front_date = find_date(v).map(|(d, _, _)| d);
            }
            continue;
        }
        if let Some(v) = value_after(line, &["Venue", "Place", "Location", "Where"]) {
            let v = v.trim_end_matches("View directions").trim().trim_end_matches('.');
            if !v.is_empty() && m.venue.is_none() {
                m.venue = Some(v.to_string());
            }
            continue;
        }
        if let Some(v) = value_after(line, &["Date and time", "Meeting Date", "Date", "Time", "When"]) {
            if m.date.is_none() {
                match find_date(v) {
                    Some((d, _, _)) if v.contains('/') => slash_date = slash_date.or(Some(d.iso())),
                    Some((d, a, b)) => m.date = Some(year_checked(src, v, (d, a, b), front_date, diags).iso()),
                    None => {}
                }
            }
            if m.time.is_none() {
                m.time = find_time(v);
            }
            continue;
        }
        if k < 40 {
            candidates.push(line);
        }
    }
    let front_body = front_title.and_then(body_in);
    for (k, line) in candidates.iter().enumerate() {
        let front = k == 0 && front_title.is_some();
        if m.body.is_none() && !front {
            if let Some(body) = body_in(line) {
                // "CITY OF MAPLE GROVE" on the line before "CITY COUNCIL REGULAR MEETING": the
                // city's council, named by both lines.
                let place = k.checked_sub(1).and_then(|j| place_line(candidates[j]));
                let body = match place {
                    Some(place) if generic_body(&body) => format!("{place} {body}"),
                    _ => body,
                };
                m.body = Some(body);
                m.title = Some(line.trim_start_matches('#').trim().to_string());
            }
        }
        if m.date.is_none() {
            if let Some((d, a, b)) = find_date(line) {
                if line[a..b].contains('/') {
                    slash_date = slash_date.or(Some(d.iso()));
                } else {
                    m.date = Some(year_checked(src, line, (d, a, b), front_date, diags).iso());
                }
            }
        }
        if m.time.is_none() && find_date(line).is_some() {
            m.time = find_time(line);
        }
        if m.venue.is_none() {
            let place = || PLACE_WORD.is_match(line);
            if let Some(c) = place()
                .then(|| {
                    VENUE_IN.pick(line).captures_at(line, 0).or_else(|| VENUE_LINE.pick(line).captures_at(line, 0))
                })
                .flatten()
            {
                m.venue = Some(c["venue"].trim().to_string());
            } else {
                m.venue = caps_venue(line);
            }
        }
    }
    // The minutes' own date written without its year ("held on Tuesday 13th September"),
    // in the year of the post's date (the latest such day not after it).
    if m.date.is_none() && slash_date.is_none() {
        if let Some(by) = front_date {
            let skip = usize::from(front_title.is_some());
            m.date = candidates[skip..].iter().find_map(|l| find_yearless_before(l, by)).map(|d| d.iso());
        }
    }
    // The front matter's date is often the date of the post, not of the meeting: a last
    // resort, but before US-style "9/6/2011" dates, which it disambiguates.
    m.date = m.date.or_else(|| front_date.map(|d| d.iso())).or(slash_date);
    // The post's title names the body the same way across a site's posts; the minutes' own
    // line wins only when it names it more fully ("Northwold Parish Council" in the title,
    // "Northwold and Whittington Parish Council" in the minutes).
    if let Some(fb) = front_body {
        let fuller = m.body.as_deref().is_some_and(|b| {
            // "Wereham Annual Parish Council": a kind of meeting, not a fuller name.
            let kinds = ["annual", "extraordinary", "ordinary", "special", "draft"];
            let bl: String =
                b.to_lowercase().split_whitespace().filter(|w| !kinds.contains(w)).collect::<Vec<_>>().join(" ");
            let fl = fb.to_lowercase();
            let first = fl.split_whitespace().next().unwrap_or("");
            let last = fl.split_whitespace().next_back().unwrap_or("");
            bl != fl && bl.len() > fl.len() && bl.starts_with(first) && bl.ends_with(last)
        });
        if !fuller {
            m.body = Some(fb);
            m.title = front_title.map(str::to_string);
        }
    }
    m
}

/// The header's date `d`, found at `line[a..b]`, or the same day of the next year when that
/// is the day the written weekday falls on ([`next_year_by_weekday`]); the correction is
/// reported (`date-corrected`).
fn year_checked(
    src: &Source,
    line: &str,
    (d, a, b): (Date, usize, usize),
    by: Option<Date>,
    diags: &mut Diagnostics,
) -> Date {
    let Some(next) = next_year_by_weekday(&line[..a], &line[a..b], d, by) else { return d };
    let start = (line.as_ptr() as usize).wrapping_sub(src.text.as_ptr() as usize);
    let span = if start <= src.text.len() && start + b <= src.text.len() {
        Span::new(start + a, start + b)
    } else {
        Span::new(0, 0)
    };
    diags.warn(
        Code::DateCorrected,
        format!(
            "the date \"{}\" names a weekday it does not fall on; {} does: taken as the meeting's date",
            line[a..b].trim(),
            next.iso()
        ),
        span,
    );
    next
}

/// A January or February date whose written weekday ("MONDAY JANUARY 4th 2015", "Monday the
/// 9th January 2011") falls on that day only in the next year: the clerk wrote the old year
/// at the turn of the year. `before` is the text before the date as matched, `at` the date;
/// the post's date `by` must be known and not before the corrected date.
fn next_year_by_weekday(before: &str, at: &str, d: Date, by: Option<Date>) -> Option<Date> {
    let written = written_weekday(at).or_else(|| {
        let b = before.trim_end().trim_end_matches(',').trim_end();
        let b = b.strip_suffix(" the").or_else(|| b.strip_suffix(" The")).unwrap_or(b).trim_end_matches(',');
        let word = b.rsplit(|c: char| !c.is_ascii_alphabetic()).next()?;
        written_weekday(word).filter(|_| word.len() <= 9)
    })?;
    if d.month > 2 || d.weekday() == written {
        return None;
    }
    // Only where the post's date says the meeting cannot be in the written year's January
    // (published after the corrected date): else a slip of the day ("Tuesday 12th January
    // 2015" for the 13th) would move the meeting a year.
    let next = Date::checked(d.year + 1, d.month, d.day)?;
    (next.weekday() == written && by.is_some_and(|by| next <= by)).then_some(next)
}

/// The old regex of [`welsh_body`], its test oracle.
#[cfg(test)]
static WELSH_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b[CG](?P<rest>yngor\s+(?:Cymuned|Tref|Plwyf|Bro|Sir|Dinas)(?:\s+(?:a|ac)\s+[A-Z][\w'’-]+|\s+[A-Z][\w'’-]+)+)",
    )
    .expect("welsh body regex")
});

/// A Welsh council's name: "Cyngor Cymuned Manordeilo a Salem" (Community Council), "Cyngor
/// Tref ..." (Town), written "Gyngor" after "o" ("cyfarfod o Gyngor Cymuned ..."): the name
/// after its first letter. This was the regex `WELSH_BODY` (kept as the test oracle),
/// `\b[CG](?P<rest>yngor\s+(?:Cymuned|Tref|Plwyf|Bro|Sir|Dinas)(?:\s+(?:a|ac)\s+[A-Z][\w'’-]+|\s+[A-Z][\w'’-]+)+)`,
/// its first match: ~5 M instructions to compile per process. Matched by hand at each
/// "yngor" from the left: each step has one way to match (no kind word is the start of
/// another, and each is followed by white space; a run of a class is followed by a
/// character outside it), and the greedy repetition takes every capitalised word (or "a"/"ac"
/// and one) it can, with nothing after it to give any back for.
fn welsh_body(line: &str) -> Option<&str> {
    let b = line.as_bytes();
    let ws1 = |i: usize| Some(line.len() - line[i..].trim_start().len()).filter(|&e| e > i);
    let lit = |i: usize, w: &str| line[i..].starts_with(w).then_some(i + w.len());
    let word = |i: usize| super::resolutions::capitalised_word(line, i);
    line.match_indices("yngor").find_map(|(i, _)| {
        if i == 0
            || !matches!(b[i - 1], b'C' | b'G')
            || line[..i - 1].chars().next_back().is_some_and(crate::fastre::is_word_char)
        {
            return None;
        }
        let at = ws1(i + 5)?;
        let mut e = ["Cymuned", "Tref", "Plwyf", "Bro", "Sir", "Dinas"].iter().find_map(|w| lit(at, w))?;
        let mut words = 0;
        while let Some(j) = ws1(e) {
            let and = |w: &str| lit(j, w).and_then(ws1).and_then(word);
            match and("a").or_else(|| and("ac")).or_else(|| word(j)) {
                Some(next) => e = next,
                None => break,
            }
            words += 1;
        }
        (words > 0).then(|| &line[i..e])
    })
}

/// A body name that names no place of its own: "CITY COUNCIL", "Board of Commissioners".
fn generic_body(body: &str) -> bool {
    const WORDS: &[&str] = &[
        "aldermen",
        "board",
        "borough",
        "city",
        "commission",
        "commissioners",
        "common",
        "council",
        "county",
        "of",
        "selectboard",
        "supervisors",
        "the",
        "town",
        "township",
        "trustees",
        "village",
    ];
    body.split_whitespace().all(|w| WORDS.contains(&w.to_ascii_lowercase().as_str()))
}

/// A header line that is only a municipality's name: "CITY OF MAPLE GROVE", "Town of Ayr".
fn place_line(line: &str) -> Option<&str> {
    let t = line.trim().trim_start_matches('#').trim().trim_end_matches([',', '.']);
    let (kind, rest) = t.split_once(char::is_whitespace)?;
    let kinds = ["city", "town", "township", "village", "county", "borough"];
    let name = rest.trim_start().strip_prefix("OF ").or_else(|| rest.trim_start().strip_prefix("of "))?;
    let words: Vec<&str> = name.split_whitespace().collect();
    let capital = |w: &&str| w.starts_with(|c: char| c.is_uppercase());
    (kinds.contains(&kind.to_ascii_lowercase().as_str()) && (1..=4).contains(&words.len()) && words.iter().all(capital))
        .then_some(t)
}

/// The body named in a header line ("Minutes of the meeting of X Parish Council held ...").
fn body_in(line: &str) -> Option<String> {
    if let Some(rest) = welsh_body(line) {
        // The name in its own (radical) form: "o Gyngor Cymuned X" is "Cyngor Cymuned X".
        return Some(format!("C{rest}"));
    }
    let c = MEETING_OF.captures(line).or_else(|| ORG_PREFIX.captures(line))?;
    let m = c.name("body")?;
    // "Stoke Ferry Resident's Association Committee": the search stops at the first body
    // word; a second one right after it is part of the name.
    // One ASCII space before it, so that the end below is right (and on a character
    // boundary: " \u{a0}Council" is not this form).
    let next = line[m.end()..].split_whitespace().next().unwrap_or("");
    let second = ["Committee", "Board", "Council", "Group", "Panel", "Forum", "Trust"].contains(&next)
        && line[m.end()..].strip_prefix(' ').is_some_and(|r| r.starts_with(next));
    let end = if second { m.end() + 1 + next.len() } else { m.end() };
    let body = tidy_body(line[m.start()..end].trim().trim_end_matches(',').trim());
    (!body.is_empty() && body.split_whitespace().count() <= 12 && !is_clause(&body)).then_some(body)
}

/// A sentence's words up to a body word, no name: "Special recognition was given to previous
/// Board" (members: ...). A name holds few lower-case words besides its linking ones ("local
/// Parish Council", "West dereham parish Council"), and no verb of being or having.
fn is_clause(body: &str) -> bool {
    const LINKS: &[&str] = &["&", "a", "an", "and", "at", "de", "for", "in", "of", "on", "the", "to"];
    const VERBS: &[&str] = &["are", "been", "had", "has", "have", "is", "was", "were", "will"];
    let lower: Vec<&str> =
        body.split_whitespace().filter(|w| w.starts_with(|c: char| c.is_lowercase()) && !LINKS.contains(w)).collect();
    lower.len() >= 3 || lower.iter().any(|w| VERBS.contains(w))
}

/// Words of a body name that name the document or the kind and date of the meeting, not the
/// body: "DRAFT MINUTES OF THE", "Minuted of", "Notes of a meeting between", "Annual",
/// "Extraordinary", "Virtual", a month ([`super::dates::MONTHS`]), a year, "latest" ("Minutes
/// of the 2008 annual Wereham Parish Council", "Stoke Ferry Annual Parish Council", "June
/// Village Liaison Committee"). "General" and "Special" stay: they are part of names
/// ("General Assembly", "Special Committee on ...").
const NOT_BODY_WORDS: &[&str] = &["annual", "extra", "extraordinary", "latest", "ordinary", "virtual"];

/// Document words before a body name ("draft minutes of the", "notes of a meeting between").
static DOCUMENT_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:the\s+)?(?:draft\s+)?(?:(?:minutes|minuted|notes)\s+(?:of|for|from|to)\s+)?(?:(?:the|an?)\s+)?(?:meeting\s+(?:of|between)\s+(?:the\s+)?)?")
        .expect("document lead regex")
});

/// A body name without the document's and the meeting's words ([`NOT_BODY_WORDS`],
/// [`DOCUMENT_LEAD`]); the words of the name itself as written. Only the words before the
/// last word (the body word: "Council", "Committee") are dropped.
fn tidy_body(body: &str) -> String {
    let lead = DOCUMENT_LEAD.find(body).map_or(0, |m| m.end());
    let words: Vec<&str> = body[lead..].split_whitespace().collect();
    let Some((last, before)) = words.split_last() else { return String::new() };
    let mut out: Vec<&str> = Vec::new();
    let mut annual = false;
    for w in before {
        let l = w.to_lowercase();
        let year = w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
        // "Annual General": the annual general meeting.
        let general = annual && l == "general";
        annual = l == "annual";
        let month = super::dates::MONTHS.contains(&l.as_str());
        if !year && !general && !month && !NOT_BODY_WORDS.contains(&l.as_str()) {
            out.push(w);
        }
    }
    // A leading "the" left after the dropped words ("the December Liaison Committee").
    if out.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        out.remove(0);
    }
    out.push(last);
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn venue_regex_twins_are_the_originals() {
        // Header lines made of place words, names (some with a non-ASCII letter), times and
        // the link words, for matches of both on both kinds of haystack.
        const WORDS: &[&str] = &[
            "in",
            "at",
            "the",
            "7pm",
            "7.30 p.m.",
            "Village",
            "Hall",
            "Room",
            "Chambers",
            "House",
            "Club",
            "Offices",
            "Wereham",
            "Zoë",
            "O’Neill",
            "St",
            "&",
            ",",
            "**",
            "_",
            "#",
            "\n",
            "\u{a0}",
            "–",
            "é",
            "x",
        ];
        let mut next = crate::fastre::xorshift(0x6a09_e667_f3bc_c908);
        let hays: Vec<String> = (0..20_000)
            .map(|_| {
                let n = 1 + (next() % 7) as usize;
                let words: Vec<&str> = (0..n).map(|_| WORDS[(next() % WORDS.len() as u64) as usize]).collect();
                words.join(if next() % 4 == 0 { "  " } else { " " })
            })
            .collect();
        VENUE_IN.assert_same_as_original(&hays);
        VENUE_LINE.assert_same_as_original(&hays);
    }

    /// `welsh_body` finds what `WELSH_BODY` found on `t`; whether it found one.
    fn check_welsh_body(t: &str) -> bool {
        let want = WELSH_BODY.captures(t).map(|c| c.name("rest").expect("rest").as_str());
        assert_eq!(welsh_body(t), want, "{t:?}");
        want.is_some()
    }

    #[test]
    fn welsh_body_is_the_regex() {
        let extra = [
            "Cyngor",
            "Gyngor",
            "xCyngor",
            "yngor",
            "Cymuned",
            "Tref",
            "Plwyf",
            "Bro",
            "Brodorol",
            "Sir",
            "Dinas",
            "a",
            "ac",
            "acx",
            "Manordeilo",
            "Salem",
            "Llan-y-Bri",
            "Gâr",
            "Ŵyl",
            "\u{a0}",
            "\n",
        ];
        let mut hays = crate::fastre::sample_haystacks(30_000, &extra);
        hays.extend(
            ["Cyngor Cymuned Manordeilo a Salem", "o Gyngor Sir Gâr,", "Cyngor Tref ac Aber"].map(String::from),
        );
        let matched = hays.iter().filter(|t| check_welsh_body(t)).count();
        assert!(matched > 500, "{matched}");
    }

    /// Run for the change that replaced the regex: every line of every bulk file.
    #[test]
    #[ignore]
    fn welsh_body_is_the_regex_on_bulk() {
        let (mut lines, mut matched) = (0, 0);
        for f in crate::fastre::bulk_text_files() {
            let text = String::from_utf8_lossy(&std::fs::read(&f).expect("read")).into_owned();
            for line in text.lines() {
                lines += 1;
                matched += usize::from(check_welsh_body(line));
            }
        }
        assert!(lines > 100_000 && matched > 10, "{lines} {matched}");
    }

    #[test]
    fn venue_patterns_need_a_place_word() {
        // Every place word of either pattern holds one of `PLACE_WORD`.
        for (re, sample) in
            [(&*VENUE_IN, "held at 7pm in the Council Chambers"), (&*VENUE_LINE, "**Wereham Village Hall**")]
        {
            let p = re.as_str();
            let words = &p[p.find(r"\s+(?:Hall").expect("place words") + r"\s+(?:".len()..];
            let words = &words[..words.find(')').expect("end of the place words")];
            for w in words.split('|') {
                assert!(PLACE_WORD.is_match(w), "{w}");
            }
            // And that alternation is the only way through the pattern to a match.
            let without = Regex::new(&p.replace(words, r"[^\s\S]")).expect("pattern");
            assert!(re.original().is_match(sample) && !without.is_match(sample), "{p}");
        }
    }

    /// The meeting header read from every line of `text`.
    fn header(text: &str) -> Meeting {
        header_and_diagnostics(text).0
    }

    /// [`header`], with what it reported.
    fn header_and_diagnostics(text: &str) -> (Meeting, Diagnostics) {
        let src = Source::from_text(text);
        let lines: Vec<Span> = crate::segment::lines::lines(text).iter().map(|l| l.content).collect();
        let mut diags = Diagnostics::default();
        (meeting(&src, None, &lines, &mut diags), diags)
    }

    #[test]
    fn a_venue_in_capitals() {
        let venue = |t: &str| header(t).venue;
        assert_eq!(
            venue("MINUTES OF NORTHWOLD PARISH COUNCIL MEETING HELD AT THE VILLAGE HALL ON\n").as_deref(),
            Some("VILLAGE HALL")
        );
        assert_eq!(
            venue("MINUTES OF WRETTON PARISH COUNCIL MEETING HELD AT THE CHURCH MONDAY 13th MAY 2015\n").as_deref(),
            Some("CHURCH")
        );
        assert_eq!(
            venue("**HELD AT WEST DEREHAM VILLAGE** **HALL** **at** **7.30 pm**\n").as_deref(),
            Some("WEST DEREHAM VILLAGE HALL")
        );
        assert_eq!(venue("HELD AT ST. ANDREWS CHURCH\n").as_deref(), Some("ST. ANDREWS CHURCH"));
        // A place word inside another word, or no "at"/"in" before it: no venue.
        assert_eq!(venue("MINUTES OF THE HALLAM PARISH COUNCIL\n"), None);
        assert_eq!(venue("CHURCH ROAD RESIDENTS\n"), None);
        assert_eq!(venue("MEETING HELD IN WEST DEREHAM AT THE HALL\n").as_deref(), Some("HALL"));
        assert_eq!(venue("REPORTS IN RESPECT OF THE COMMUNITY CENTRE\n"), None);
    }

    #[test]
    fn the_old_year_written_at_the_turn_of_the_year() {
        // 4 January 2015 was a Sunday, 4 January 2016 a Monday.
        let text = "---\ntitle: \"Wretton PC Minutes\"\ndate: \"2016-02-18\"\n---\n\nMINUTES OF WRETTON PARISH COUNCIL MEETING HELD AT THE CHURCH MONDAY JANUARY 4th 2015\n";
        let (m, diags) = header_and_diagnostics(text);
        assert_eq!(m.date.as_deref(), Some("2016-01-04"));
        let d = &diags.into_sorted()[0];
        assert_eq!(d.code, Code::DateCorrected);
        assert_eq!(&text[d.span.start..d.span.end], "MONDAY JANUARY 4th 2015");
        // The weekday before the date, "the" between.
        let posted = |t: &str| format!("---\ntitle: \"Minutes\"\ndate: \"2012-03-01\"\n---\n{t}\n");
        assert_eq!(header(&posted("Meeting held on Monday the 9th January 2011")).date.as_deref(), Some("2012-01-09"));
        assert_eq!(header(&posted("Date: Monday, 9th January 2011")).date.as_deref(), Some("2012-01-09"));
        // Without a post's date, as written (a slip of the day, "Tuesday 12th January 2015"
        // for the 13th, would move it a year).
        assert_eq!(header("Meeting held on Tuesday 12th January 2015\n").date.as_deref(), Some("2015-01-12"));
        // The weekday is right: no change.
        assert_eq!(header("Meeting held on Monday 4th January 2016\n").date.as_deref(), Some("2016-01-04"));
        // Wrong, but not the next year's either (a slip of the day), or not at the turn of
        // the year: as written.
        assert_eq!(header("Meeting held on Tuesday 4th January 2016\n").date.as_deref(), Some("2016-01-04"));
        assert_eq!(header("Meeting held on Monday 5th March 2019\n").date.as_deref(), Some("2019-03-05"));
        // The post's date comes before the corrected date: as written.
        let posted = "---\ntitle: \"Minutes\"\ndate: \"2015-02-01\"\n---\nMeeting held on Monday January 4th 2015\n";
        assert_eq!(header(posted).date.as_deref(), Some("2015-01-04"));
        let posted = "---\ntitle: \"Minutes\"\ndate: \"2016-02-18\"\n---\nMeeting held on Monday January 4th 2015\n";
        assert_eq!(header(posted).date.as_deref(), Some("2016-01-04"));
    }

    #[test]
    fn times() {
        assert_eq!(find_time("at 10am in"), Some("10:00".into()));
        assert_eq!(find_time("7.30 pm"), Some("19:30".into()));
        assert_eq!(find_time("19:30"), Some("19:30".into()));
    }

    #[test]
    fn a_body_without_the_document_and_meeting_words() {
        for (line, want) in [
            ("DRAFT MINUTES OF THE WEST DEREHAM PARISH COUNCIL", "WEST DEREHAM PARISH COUNCIL"),
            ("Minuted of Wretton Parish Council held on", "Wretton Parish Council"),
            ("MINUTES FOR WRETTON PARISH COUNCIL", "WRETTON PARISH COUNCIL"),
            ("Minutes of the 2008 annual Wereham Parish Council", "Wereham Parish Council"),
            ("Stoke Ferry Annual Parish Council", "Stoke Ferry Parish Council"),
            ("Stoke Ferry Annual general Parish Council", "Stoke Ferry Parish Council"),
            ("Minutes of an Extraordinary West dereham Parish Council", "West dereham Parish Council"),
            ("The minutes of the December Liaison Committee", "Liaison Committee"),
            ("Minutes of a Virtual West Dereham Parish Council meeting", "West Dereham Parish Council"),
            ("Notes of a meeting between West Dereham Parish Council", "West Dereham Parish Council"),
            // Part of the name: kept.
            ("Minutes of the General Assembly", "General Assembly"),
            ("Minutes of the Special Committee on Housing", "Special Committee"),
            ("Maybury Parish Council", "Maybury Parish Council"),
            ("Minutes from local Parish Council meetings", "local Parish Council"),
        ] {
            assert_eq!(body_in(line).as_deref(), Some(want), "{line}");
        }
        // A sentence that reaches a body word names none.
        for line in [
            "Special recognition was given to previous Board members: Matt Tesauro, Bil Corry.",
            "The chair noted that the new finance Committee papers were late.",
        ] {
            assert_eq!(body_in(line), None, "{line}");
        }
    }

    #[test]
    fn a_city_named_on_the_line_before_its_council() {
        let m = header("CITY OF MAPLE GROVE\nCITY COUNCIL REGULAR MEETING MINUTES\nTuesday, March 5, 2024\n");
        assert_eq!(m.body.as_deref(), Some("CITY OF MAPLE GROVE CITY COUNCIL"));
        // A council named with its place keeps its own name.
        let m = header("CITY OF MAPLE GROVE\nRiverton Parks Board\nTuesday, March 5, 2024\n");
        assert_eq!(m.body.as_deref(), Some("Riverton Parks Board"));
        assert_eq!(place_line("City of the future"), None);
    }

    #[test]
    fn a_body_named_by_two_body_words() {
        assert_eq!(
            body_in("Minutes of Stoke Ferry Resident's Association Committee").as_deref(),
            Some("Stoke Ferry Resident's Association Committee")
        );
        assert_eq!(body_in("Wereham Parish Council meeting").as_deref(), Some("Wereham Parish Council"));
        // A dot inside a word ("Node.js") is no sentence end.
        assert_eq!(
            body_in("# Node.js Technical Steering Committee (TSC) Meeting 2021-11-04").as_deref(),
            Some("Node.js Technical Steering Committee")
        );
        // A no-break space before the second word (a property test found the slice inside it).
        assert_eq!(
            body_in("Minutes of Fenby Parish Council \u{a0}Council 88").as_deref(),
            Some("Fenby Parish Council")
        );
    }

    #[test]
    fn welsh_bodies() {
        let body = |s: &str| body_in(s);
        assert_eq!(
            body("Cynhaliwyd cyfarfod Cyngor Cymuned Manordeilo a Salem o bell ar Zoom").as_deref(),
            Some("Cyngor Cymuned Manordeilo a Salem")
        );
        assert_eq!(
            body("Cynhaliwyd cyfarfod o Gyngor Cymuned Manordeilo a Salem am 7:30").as_deref(),
            Some("Cyngor Cymuned Manordeilo a Salem")
        );
    }

    #[test]
    fn header_fields() {
        let text = "Minutes of the Kent Community Safety Partnership held on 20 March 2019\nVenue: Medway Room, Sessions House, County Hall, Maidstone. View directions\nPresent: Mr A Smith (Chairman), Mrs B Jones and Cllr C Brown\nApologies: Mr D Green";
        let m = header(text);
        assert_eq!(m.body.as_deref(), Some("Kent Community Safety Partnership"));
        assert_eq!(m.date.as_deref(), Some("2019-03-20"));
        assert_eq!(m.venue.as_deref(), Some("Medway Room, Sessions House, County Hall, Maidstone"));
        let fm = "---\ntitle: \"STOKE FERRY PARISH COUNCIL  Draft Minutes of the Ordinary Meeting held on   Wednesday 5th June 2019 at 7.00pm in Stoke Ferry Village Hall\"\ndate: \"2019-08-26\"\n---";
        let m = header(fm);
        assert_eq!(m.body.as_deref(), Some("STOKE FERRY PARISH COUNCIL"));
        assert_eq!(m.date.as_deref(), Some("2019-06-05"));
        assert_eq!(m.venue.as_deref(), Some("Stoke Ferry Village Hall"));
        // The minutes' own line names the body more fully than the post's title; a line that
        // is only a place is the venue.
        let fm = "---\ntitle: \"Northwold Parish Council April Meeting\"\n---\nNorthwold and Whittington Parish Council – Ordinary Meeting Tuesday 2nd April 2019\n**Northwold Village Hall**";
        let m = header(fm);
        assert_eq!(m.body.as_deref(), Some("Northwold and Whittington Parish Council"));
        assert_eq!(m.venue.as_deref(), Some("Northwold Village Hall"));
        // A house of parliament is a body by itself ("## House of Commons").
        assert_eq!(header("## House of Commons\n#### Tuesday 19 July 2011").body.as_deref(), Some("House of Commons"));
        // Not when it names it less fully or differently: the title's body stays.
        let fm = "---\ntitle: \"Stoke Ferry Resident's Association Minutes\"\n---\nMinutes of the Resident's Association meeting";
        assert_eq!(header(fm).body.as_deref(), Some("Stoke Ferry Resident's Association"));
    }

    #[test]
    fn a_date_without_its_year_takes_the_posts_year() {
        let fm = |date: &str, line: &str| {
            format!(
                "---\ntitle: \"Wereham Parish Council Minutes\"\ndate: \"{date}\"\n---\n\n{line}\n\n1. Apologies: None"
            )
        };
        let date = |date: &str, line: &str| header(&fm(date, line)).date;
        let held = "Minutes of Wereham Parish Council meeting held on Tuesday 13th September";
        assert_eq!(date("2005-10-01", held).as_deref(), Some("2005-09-13"));
        // A post in January of minutes from December: the year before.
        assert_eq!(date("2006-01-20", held).as_deref(), Some("2005-09-13"));
        assert_eq!(
            date("2012-05-16", "held on April 11th at the Village Hall, Northwold.").as_deref(),
            Some("2012-04-11")
        );
        // Another meeting's date is not this one's.
        assert_eq!(
            date("2012-05-16", "DRAFT - to be approved at the meeting on Tuesday 12th June").as_deref(),
            Some("2012-05-16")
        );
        // A full date wins; a number without ordinal or weekday is no date; without either
        // the post's date stays the last resort.
        assert_eq!(date("2012-05-16", "held on 11 April 2012").as_deref(), Some("2012-04-11"));
        assert_eq!(
            date("2012-05-16", "Minutes of the April meeting, 3 May parishioners").as_deref(),
            Some("2012-05-16")
        );
    }
}
