//! The meeting header: body, title, date, time, venue and attendance lists.

use std::sync::LazyLock;

use regex::Regex;

use super::dates::find_date;
use crate::model::{Attendance, Meeting, Person};
use crate::source::{Source, Span};

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b")
        .expect("time regex")
});

static BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:draft\s+)?minutes\s+of\s+(?:the\s+)?(?:(?:annual|ordinary|extraordinary|special|regular)\s+)*(?:meeting\s+of\s+(?:the\s+)?)?(?P<body>.+?)(?:\s+(?:meeting|held)\b.*|\s+on\s+.*|,.*|\s*$)")
        .expect("body regex")
});

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
    keys.iter().find_map(|k| {
        let head = line.get(..k.len())?;
        head.eq_ignore_ascii_case(k).then(|| line[k.len()..].trim_start_matches([':', ' ', '\u{a0}', '-']).trim())
    })
}

/// Names in an attendance list: split at commas, semicolons and " and ", keeping titles.
pub(crate) fn attendance_names(src: &Source, span: Span) -> Vec<Person> {
    let text = src.get(span);
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0i32;
    let bytes = text.as_bytes();
    let mut cuts = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'(' => depth += 1,
            b')' => depth -= 1,
            b',' | b';' if depth <= 0 => cuts.push((i, i + 1)),
            _ => {}
        }
    }
    for (i, _) in text.match_indices(" and ") {
        if text[..i].matches('(').count() <= text[..i].matches(')').count() {
            cuts.push((i, i + 5));
        }
    }
    cuts.sort_unstable();
    cuts.push((text.len(), text.len()));
    for (a, b) in cuts {
        if a < start {
            continue;
        }
        let part = crate::segment::lines::trim_span(text, Span::new(start, a));
        start = b;
        if part.is_empty() {
            continue;
        }
        let raw = &text[part.start..part.end];
        let (name, role) = match raw.find('(') {
            Some(p) => (raw[..p].trim(), Some(raw[p + 1..].trim_end_matches(')').trim())),
            None => (raw.trim_end_matches('.').trim(), None),
        };
        if name.is_empty() || name.split_whitespace().count() > 6 || !name.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let (role, org) = role.map_or((None, None), super::speakers::split_role);
        let nspan = Span::new(span.start + part.start, span.start + part.start + name.len());
        out.push(Person { name: Some(name.to_string()), role, organisation: org, span: nspan });
    }
    out
}

/// Fill the meeting header from the header lines (and the first lines of the text).
pub(crate) fn meeting(src: &Source, header: Option<Span>, header_lines: &[Span]) -> Meeting {
    let mut m = Meeting { span: header, ..Meeting::default() };
    let mut list: Option<&'static str> = None;
    for &l in header_lines {
        let line = src.get(l);
        let lower = line.to_ascii_lowercase();
        if let Some(v) = value_after(line, &["Venue", "Place", "Location"]) {
            let v = v.trim_end_matches("View directions").trim().trim_end_matches('.');
            if !v.is_empty() {
                m.venue = Some(v.to_string());
            }
            list = None;
            continue;
        }
        if let Some(v) = value_after(line, &["Date and time", "Date", "Time"]) {
            if m.date.is_none() {
                m.date = find_date(v).map(|(d, _, _)| d.iso());
            }
            if m.time.is_none() {
                m.time = find_time(v);
            }
            list = None;
            continue;
        }
        if m.body.is_none() {
            if let Some(c) = BODY.captures(line) {
                m.body = Some(c["body"].trim().to_string());
                m.title = Some(line.to_string());
                if m.date.is_none() {
                    m.date = find_date(line).map(|(d, _, _)| d.iso());
                }
                continue;
            }
        }
        let key = [
            ("present", "present"),
            ("those present", "present"),
            ("apologies", "apologies"),
            ("absent", "absent"),
            ("also present", "in_attendance"),
            ("in attendance", "in_attendance"),
            ("also in attendance", "in_attendance"),
        ]
        .iter()
        .find(|(k, _)| lower.starts_with(k) && lower[k.len()..].trim_start().starts_with([':', '-']) || lower == *k);
        if let Some((k, which)) = key {
            list = Some(which);
            let rest_start = l.start + line.find(':').map_or(k.len(), |p| p + 1);
            let rest = crate::segment::lines::trim_span(&src.text, Span::new(rest_start.min(l.end), l.end));
            if !rest.is_empty() {
                push_list(&mut m.attendance, which, attendance_names(src, rest));
            }
            continue;
        }
        if let Some(which) = list {
            push_list(&mut m.attendance, which, attendance_names(src, l));
        }
    }
    if m.date.is_none() {
        if let Some(first) = header_lines.first() {
            m.date = find_date(src.get(*first)).map(|(d, _, _)| d.iso());
        }
    }
    m
}

fn push_list(a: &mut Attendance, which: &str, people: Vec<Person>) {
    match which {
        "present" => a.present.extend(people),
        "apologies" => a.apologies.extend(people),
        "absent" => a.absent.extend(people),
        _ => a.in_attendance.extend(people),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        assert_eq!(find_time("at 10am in"), Some("10:00".into()));
        assert_eq!(find_time("7.30 pm"), Some("19:30".into()));
        assert_eq!(find_time("19:30"), Some("19:30".into()));
    }

    #[test]
    fn header_fields() {
        let text = "Minutes of the Kent Community Safety Partnership held on 20 March 2019\nVenue: Medway Room, Sessions House, County Hall, Maidstone. View directions\nPresent: Mr A Smith (Chairman), Mrs B Jones and Cllr C Brown\nApologies: Mr D Green";
        let src = Source::from_text(text);
        let lines: Vec<Span> = crate::segment::lines::lines(text).iter().map(|l| l.content).collect();
        let m = meeting(&src, None, &lines);
        assert_eq!(m.body.as_deref(), Some("Kent Community Safety Partnership"));
        assert_eq!(m.date.as_deref(), Some("2019-03-20"));
        assert_eq!(m.venue.as_deref(), Some("Medway Room, Sessions House, County Hall, Maidstone"));
        let present: Vec<_> = m.attendance.present.iter().map(|p| p.name.clone().unwrap()).collect();
        assert_eq!(present, vec!["Mr A Smith", "Mrs B Jones", "Cllr C Brown"]);
        assert_eq!(m.attendance.present[0].role.as_deref(), Some("Chairman"));
        assert_eq!(m.attendance.apologies.len(), 1);
    }
}
