//! A readable outline of a document: items, paragraph numbers, speakers, the first words of
//! each resolution, actions and diagnostics. Used by `minutes parse --format outline` and by
//! the structural snapshots of shared corpus documents (which record structure, not text).

use std::fmt::Write;

use crate::model::{Document, Person};

fn person(p: &Person) -> String {
    match (&p.name, &p.role, &p.organisation) {
        (Some(n), None, None) => n.clone(),
        (Some(n), r, o) => {
            format!("{n} ({})", [r.as_deref(), o.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", "))
        }
        (None, r, _) => format!("[{}]", r.as_deref().unwrap_or("?")),
    }
}

/// The first `n` words of `s`.
pub fn first_words(s: &str, n: usize) -> String {
    let words: Vec<&str> = s.split_whitespace().take(n + 1).collect();
    if words.len() > n {
        format!("{} ...", words[..n].join(" "))
    } else {
        words.join(" ")
    }
}

/// Render the outline.
pub fn render(doc: &Document) -> String {
    let mut o = String::new();
    let m = &doc.meeting;
    let _ = writeln!(o, "format: {} ({}), {} bytes", doc.source.format.name(), doc.source.encoding, doc.source.bytes);
    let _ = writeln!(o, "meeting: body={:?} date={:?} time={:?} venue={:?}", m.body, m.date, m.time, m.venue);
    let a = &m.attendance;
    let _ = writeln!(
        o,
        "attendance: present {} apologies {} absent {} in_attendance {}",
        a.present.len(),
        a.apologies.len(),
        a.absent.len(),
        a.in_attendance.len()
    );
    for item in &doc.items {
        let _ = writeln!(
            o,
            "{} number={} title={}",
            item.id,
            item.number.as_deref().unwrap_or("-"),
            item.title.as_deref().map_or("(none)".to_string(), |t| format!("{t:?}"))
        );
        let nums: Vec<&str> = item.paragraphs.iter().map(|p| p.number.as_deref().unwrap_or("_")).collect();
        let _ = writeln!(o, "  paragraphs: [{}]", nums.join(" "));
        let mut speakers: Vec<String> = Vec::new();
        for p in &item.paragraphs {
            for s in p.speakers.iter().chain(p.list.iter().flat_map(|e| &e.speakers)) {
                let s = person(s);
                if !speakers.contains(&s) {
                    speakers.push(s);
                }
            }
        }
        if !speakers.is_empty() {
            let _ = writeln!(o, "  speakers: {}", speakers.join("; "));
        }
        for r in &item.resolutions {
            let labels: Vec<&str> = r.clauses.iter().map(|c| c.label.as_deref().unwrap_or("_")).collect();
            let _ = writeln!(o, "  {} {}: {:?} clauses=[{}]", r.id, r.kind, first_words(&r.text, 8), labels.join(" "));
            if let Some(mv) = &r.motion.mover {
                let _ = writeln!(o, "    mover: {}", person(mv));
            }
            if let Some(sc) = &r.motion.seconder {
                let _ = writeln!(o, "    seconder: {}", person(sc));
            }
            let v = &r.vote;
            if v.for_.is_some() || v.result.is_some() {
                let _ = writeln!(
                    o,
                    "    vote: for={:?} against={:?} abstain={:?} result={:?}",
                    v.for_, v.against, v.abstain, v.result
                );
            }
            for a in &r.actions {
                let _ =
                    writeln!(o, "    action: {:?} due={:?} due_text={:?}", first_words(&a.text, 6), a.due, a.due_text);
            }
        }
        for a in &item.actions {
            let owner = a.owner.as_ref().map(person);
            let _ = writeln!(
                o,
                "  action: {:?} owner={:?} due={:?} due_text={:?}",
                first_words(&a.text, 6),
                owner,
                a.due,
                a.due_text
            );
        }
        for d in &item.documents {
            let _ = writeln!(o, "  document: {:?} {:?} {:?}", first_words(&d.title, 8), d.format, d.size);
        }
    }
    for d in &doc.declarations {
        let _ =
            writeln!(o, "declaration: {:?} item={:?} interest={:?}", d.person.as_ref().map(person), d.item, d.interest);
    }
    let _ = writeln!(o, "people:");
    for p in &doc.people {
        let roles: Vec<String> = p
            .roles
            .iter()
            .map(|r| {
                [r.role.as_deref(), r.organisation.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", ")
            })
            .collect();
        let _ = writeln!(o, "  {} x{} [{}]", p.name, p.mentions, roles.join(" | "));
    }
    for d in &doc.diagnostics {
        let _ = writeln!(o, "{} {} @{}..{}: {}", d.severity, d.code, d.span.start, d.span.end, d.message);
    }
    o
}
