//! One document as readable Markdown: the meeting header, then per item its paragraphs (with
//! their sub-points), resolutions (with clauses, motion, vote) and actions. Used by `minutes
//! parse --format md`.

use std::fmt::Write;

use crate::model::{Action, Document, Person};

fn person(p: &Person) -> String {
    let extra: Vec<&str> = [p.role.as_deref(), p.organisation.as_deref()].into_iter().flatten().collect();
    match (&p.name, extra.is_empty()) {
        (Some(n), true) => n.clone(),
        (Some(n), false) => format!("{n} ({})", extra.join(", ")),
        (None, _) => extra.join(", "),
    }
}

/// Text on one line, with Markdown's line-start markers left harmless.
fn inline(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn action(o: &mut String, a: &Action, indent: &str) {
    let mut extra = Vec::new();
    if let Some(p) = &a.owner {
        extra.push(format!("owner: {}", person(p)));
    }
    match (&a.due, &a.due_text) {
        (Some(d), Some(t)) => extra.push(format!("due: {d} ({t})")),
        (Some(d), None) => extra.push(format!("due: {d}")),
        (None, Some(t)) => extra.push(format!("due: {t}")),
        (None, None) => {}
    }
    let tail = if extra.is_empty() { String::new() } else { format!(" — {}", extra.join("; ")) };
    let _ = writeln!(o, "{indent}- **Action:** {}{tail}", inline(&a.text));
}

/// Render the document.
pub fn render(doc: &Document) -> String {
    let mut o = String::new();
    let m = &doc.meeting;
    let title = m.title.as_deref().or(m.body.as_deref()).unwrap_or("Minutes");
    let _ = writeln!(o, "# {}\n", inline(title));
    let facts: Vec<String> = [
        ("Body", m.body.clone()),
        ("Date", m.date.clone()),
        ("Time", m.time.clone()),
        ("Venue", m.venue.as_deref().map(inline)),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| format!("- **{k}:** {v}")))
    .collect();
    for f in &facts {
        let _ = writeln!(o, "{f}");
    }
    let a = &m.attendance;
    for (k, list) in [
        ("Present", &a.present),
        ("Apologies", &a.apologies),
        ("Absent", &a.absent),
        ("In attendance", &a.in_attendance),
    ] {
        if !list.is_empty() {
            let names: Vec<String> = list.iter().map(person).collect();
            let _ = writeln!(o, "- **{k}:** {}", inline(&names.join("; ")));
        }
    }
    let _ = writeln!(o, "- **Source:** `{}` ({})", doc.source.path, doc.source.format.name());
    for item in &doc.items {
        let num = item.number.as_deref().map(|n| format!("{n} ")).unwrap_or_default();
        let _ = writeln!(o, "\n## {num}{}\n", inline(item.title.as_deref().unwrap_or("(untitled)")));
        for p in &item.paragraphs {
            let num = p.number.as_deref().map(|n| format!("**{n}.** ")).unwrap_or_default();
            let _ = writeln!(o, "{num}{}\n", inline(&p.text));
            for e in &p.list {
                let label = e.label.as_deref().map(|l| format!("({l}) ")).unwrap_or_default();
                let _ = writeln!(o, "- {label}{}", inline(&e.text));
            }
            if !p.list.is_empty() {
                let _ = writeln!(o);
            }
        }
        for r in &item.resolutions {
            let _ = writeln!(o, "> **{}** ({}): {}", r.id, r.kind, inline(&r.text));
            for c in &r.clauses {
                let label = c.label.as_deref().map(|l| format!("({l}) ")).unwrap_or_default();
                let _ = writeln!(o, "> - {label}{}", inline(&c.text));
            }
            let mut who = Vec::new();
            if let Some(p) = &r.motion.mover {
                who.push(format!("moved by {}", person(p)));
            }
            if let Some(p) = &r.motion.seconder {
                who.push(format!("seconded by {}", person(p)));
            }
            let v = &r.vote;
            if v.for_.is_some() || v.result.is_some() {
                let n = |x: Option<u32>| x.map_or("-".to_string(), |x| x.to_string());
                who.push(format!(
                    "vote {} for, {} against, {} abstaining{}",
                    n(v.for_),
                    n(v.against),
                    n(v.abstain),
                    v.result.as_deref().map(|r| format!(": {r}")).unwrap_or_default()
                ));
            }
            if !who.is_empty() {
                let _ = writeln!(o, ">\n> {}", who.join("; "));
            }
            let _ = writeln!(o);
            for a in &r.actions {
                action(&mut o, a, "");
            }
            if !r.actions.is_empty() {
                let _ = writeln!(o);
            }
        }
        for a in &item.actions {
            action(&mut o, a, "");
        }
        if !item.actions.is_empty() {
            let _ = writeln!(o);
        }
    }
    while o.ends_with("\n\n") {
        o.pop();
    }
    o
}
