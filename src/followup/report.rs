//! The follow-up report for people: Markdown (one table per body) and HTML rendered from that
//! Markdown with pulldown-cmark. JSON is the serde form of [`Report`].

use std::fmt::Write;

use super::{FollowUp, Report};

pub use crate::emit::outline::first_words;

/// Make `s` safe inside a Markdown table cell.
pub fn cell(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").replace('\\', "\\\\").replace('|', "\\|")
}

/// The report as JSON (pretty), with a trailing newline.
pub fn json(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).expect("report serializes");
    s.push('\n');
    s
}

fn due(fu: &FollowUp) -> String {
    match (&fu.due, &fu.due_text) {
        (Some(d), Some(t)) if !t.contains(d.as_str()) => format!("{d} ({})", first_words(t, 8)),
        (Some(d), _) => d.clone(),
        (None, Some(t)) => first_words(t, 8),
        (None, None) => "-".into(),
    }
}

fn evidence(fu: &FollowUp) -> String {
    if fu.evidence.is_empty() {
        return fu.reason.clone();
    }
    let cites: Vec<String> = fu
        .evidence
        .iter()
        .map(|e| {
            let item = e.item_number.as_deref().map_or(e.item_id.clone(), |n| format!("item {n}"));
            let word = match (&e.pending_word, &e.done_word) {
                (Some(p), _) => format!(", pending \"{p}\""),
                (None, Some(d)) => format!(", done \"{d}\""),
                (None, None) => String::new(),
            };
            format!(
                "{} {item}, {}{word}: \"{}\" ({}, {}..{})",
                e.date.as_deref().unwrap_or("undated"),
                e.kind,
                first_words(&e.excerpt, 10),
                e.document,
                e.span.start,
                e.span.end
            )
        })
        .collect();
    cites.join("; ")
}

/// The report as Markdown: rules, then per body its meetings and a table of follow-ups.
pub fn markdown(report: &Report) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# Follow-ups\n");
    let total: usize = report.bodies.iter().map(|b| b.followups.len()).sum();
    let _ = writeln!(o, "{} bodies, {total} follow-ups.\n", report.bodies.len());
    if !report.left_out.is_empty() {
        // Named, so that nothing is lost without a word; the JSON lists every one with why.
        const SHOWN: usize = 10;
        let mut paths: Vec<String> = report.left_out.iter().take(SHOWN).map(|l| format!("`{}`", l.document)).collect();
        if report.left_out.len() > SHOWN {
            paths.push(format!("and {} more", report.left_out.len() - SHOWN));
        }
        let n = report.left_out.len();
        let what = if n == 1 { "1 input that lists" } else { "inputs that list" };
        let count = if n == 1 { String::new() } else { format!("{n} ") };
        let _ = writeln!(
            o,
            "Left out: {count}{what} other documents (excerpts cut short), not one meeting's minutes: {}.\n",
            paths.join(", ")
        );
    }
    let _ = writeln!(o, "How statuses are decided:\n");
    for r in &report.rules {
        let _ = writeln!(o, "- {r}");
    }
    for b in &report.bodies {
        let _ = writeln!(o, "\n## {}\n", cell(&b.name));
        let dates: Vec<String> = b
            .meetings
            .iter()
            .map(|m| format!("{} (`{}`)", m.date.as_deref().unwrap_or("undated"), m.document))
            .collect();
        if !b.also_named.is_empty() {
            // What joined this body, and why, so that a wrong join can be seen.
            let also: Vec<String> = b
                .also_named
                .iter()
                .map(|a| {
                    let n = if a.meetings == 1 { "1 meeting".to_string() } else { format!("{} meetings", a.meetings) };
                    format!("{} ({n}, {})", cell(&a.name), a.why)
                })
                .collect();
            let _ = writeln!(o, "Also named: {}.\n", also.join("; "));
        }
        let _ = writeln!(o, "Meetings ({}): {}.\n", b.meetings.len(), dates.join(", "));
        let mut counts = Vec::new();
        for s in ["done", "raised_again", "overdue", "open"] {
            let n = b.followups.iter().filter(|f| f.status.name() == s).count();
            counts.push(format!("{s} {n}"));
        }
        let _ = writeln!(o, "Follow-ups: {} ({}).\n", b.followups.len(), counts.join(", "));
        if b.followups.is_empty() {
            continue;
        }
        let _ = writeln!(o, "| id | meeting | item | what | owner | due | status | evidence |");
        let _ = writeln!(o, "|---|---|---|---|---|---|---|---|");
        for f in &b.followups {
            let item = match (&f.item_number, &f.paragraph_number) {
                (Some(n), Some(p)) => format!("{n} ({p})"),
                (Some(n), None) => n.clone(),
                (None, _) => f.item_id.clone(),
            };
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} | **{}** | {} |",
                f.id,
                f.date.as_deref().unwrap_or("undated"),
                cell(&item),
                cell(&first_words(&f.text, 24)),
                cell(f.owner.as_deref().unwrap_or("-")),
                cell(&due(f)),
                f.status.name(),
                cell(&evidence(f))
            );
        }
    }
    o
}

/// The report as a standalone HTML page, rendered from [`markdown`].
pub fn html(report: &Report) -> String {
    let md = markdown(report);
    let parser = pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::ENABLE_TABLES);
    let mut body = String::new();
    pulldown_cmark::html::push_html(&mut body, parser);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Follow-ups</title>\n\
         <style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}\
         td,th{{border:1px solid #ccc;padding:4px;vertical-align:top}}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
}
