//! The invariants of `SCHEMA.md` as code: spans in bounds and on char boundaries, children
//! inside parents, items disjoint and in order, ids unique, nothing lost. Used by the tests
//! and by `minutes check`, so users can validate what they store.

use std::collections::HashSet;

use crate::diagnostics::{Code, Severity};
use crate::model::{Document, Person};
use crate::source::Span;

/// Check a stored document as JSON: its shape (every field of the contract present with the
/// right type, known severities and diagnostic codes, a 16-hex-digit id), then [`check`] against
/// `source.text` when the document carries it. Returns one message per violation.
pub fn check_json(value: &serde_json::Value) -> Vec<String> {
    let doc: Document = match serde_json::from_value(value.clone()) {
        Ok(d) => d,
        Err(e) => return vec![format!("not a minutes/1 document: {e}")],
    };
    let mut errs = Vec::new();
    // Fields are never missing (SCHEMA.md): every field our own serialization writes must be
    // there. serde alone would read a missing optional field as null.
    match serde_json::to_value(&doc) {
        Ok(canonical) => missing_fields(&canonical, value, "", &mut errs),
        Err(e) => errs.push(format!("cannot serialize the document: {e}")),
    }
    if doc.id.len() != 16 || !doc.id.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
        errs.push(format!("id {:?} is not 16 lowercase hex digits", doc.id));
    }
    let severities = [Severity::Info, Severity::Warning, Severity::Error].map(Severity::name);
    for d in &doc.diagnostics {
        if !severities.contains(&d.severity.as_str()) {
            errs.push(format!("diagnostic {}: unknown severity {:?}", d.code, d.severity));
        }
        if !Code::ALL.iter().any(|c| c.name() == d.code) {
            errs.push(format!("unknown diagnostic code {:?}", d.code));
        }
    }
    errs.extend(check(&doc, doc.source.text.as_deref()));
    errs
}

/// Report every object key of `canonical` absent from `given`, as a JSON path.
fn missing_fields(canonical: &serde_json::Value, given: &serde_json::Value, path: &str, errs: &mut Vec<String>) {
    use serde_json::Value;
    match (canonical, given) {
        (Value::Object(c), Value::Object(g)) => {
            for (k, v) in c {
                let p = format!("{path}/{k}");
                match g.get(k) {
                    Some(gv) => missing_fields(v, gv, &p, errs),
                    None => errs.push(format!("missing field {p}")),
                }
            }
        }
        (Value::Array(c), Value::Array(g)) => {
            for (i, (cv, gv)) in c.iter().zip(g).enumerate() {
                missing_fields(cv, gv, &format!("{path}/{i}"), errs);
            }
        }
        _ => {}
    }
}

/// Check `doc` against the decoded `text` its spans point into (`None`: structure only).
/// Returns one message per violation; empty means valid.
pub fn check(doc: &Document, text: Option<&str>) -> Vec<String> {
    let mut errs = Vec::new();
    let mut spans: Vec<(String, Span)> = Vec::new();
    let mut ids = HashSet::new();
    let mut id = |s: &str, errs: &mut Vec<String>| {
        if !ids.insert(s.to_string()) {
            errs.push(format!("duplicate id {s}"));
        }
    };
    if doc.schema != crate::model::SCHEMA_TAG {
        errs.push(format!("schema is {:?}, expected {:?}", doc.schema, crate::model::SCHEMA_TAG));
    }
    let inside = |what: &str, parent: Span, child: Span, errs: &mut Vec<String>| {
        if !parent.contains(child) {
            errs.push(format!(
                "{what} {}..{} outside its parent {}..{}",
                child.start, child.end, parent.start, parent.end
            ));
        }
    };
    let person = |what: &str, p: &Person, parent: Span, errs: &mut Vec<String>, spans: &mut Vec<(String, Span)>| {
        inside(what, parent, p.span, errs);
        spans.push((what.to_string(), p.span));
        if p.name.is_none() && p.role.is_none() {
            errs.push(format!("{what} has neither name nor role"));
        }
    };
    let mut prev_end = 0;
    for item in &doc.items {
        id(&item.id, &mut errs);
        spans.push((item.id.clone(), item.span));
        if item.span.start < prev_end {
            errs.push(format!("{} overlaps the item before it", item.id));
        }
        prev_end = item.span.end;
        for p in &item.paragraphs {
            id(&p.id, &mut errs);
            inside(&p.id, item.span, p.span, &mut errs);
            spans.push((p.id.clone(), p.span));
            for s in &p.speakers {
                person(&format!("{} speaker", p.id), s, p.span, &mut errs, &mut spans);
            }
            for e in &p.list {
                inside(&format!("{} list entry", p.id), p.span, e.span, &mut errs);
                spans.push((p.id.clone(), e.span));
                for s in &e.speakers {
                    person(&format!("{} list speaker", p.id), s, e.span, &mut errs, &mut spans);
                }
            }
        }
        for r in &item.resolutions {
            id(&r.id, &mut errs);
            inside(&r.id, item.span, r.span, &mut errs);
            spans.push((r.id.clone(), r.span));
            for c in &r.clauses {
                inside(&format!("{} clause", r.id), r.span, c.span, &mut errs);
                spans.push((r.id.clone(), c.span));
            }
            for a in &r.actions {
                inside(&format!("{} action", r.id), r.span, a.span, &mut errs);
                spans.push((r.id.clone(), a.span));
            }
            for p in [&r.motion.mover, &r.motion.seconder].into_iter().flatten() {
                inside(&format!("{} motion", r.id), item.span, p.span, &mut errs);
                spans.push((r.id.clone(), p.span));
            }
        }
        for a in &item.actions {
            inside(&format!("{} action", item.id), item.span, a.span, &mut errs);
            spans.push((item.id.clone(), a.span));
        }
    }
    for d in &doc.diagnostics {
        spans.push((format!("diagnostic {}", d.code), d.span));
    }
    if let Some(m) = doc.meeting.span {
        spans.push(("meeting".into(), m));
    }
    let Some(text) = text else { return errs };
    for (what, s) in &spans {
        if s.start > s.end || s.end > text.len() {
            errs.push(format!("{what}: span {}..{} out of bounds ({} bytes)", s.start, s.end, text.len()));
        } else if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
            errs.push(format!("{what}: span {}..{} not on a char boundary", s.start, s.end));
        }
    }
    if !errs.is_empty() {
        return errs;
    }
    // Nothing lost: every non-blank character lies in an item, the header, or an
    // `unclassified` diagnostic.
    let mut covered: Vec<Span> = doc.items.iter().map(|i| i.span).collect();
    covered.extend(doc.meeting.span);
    covered.extend(doc.diagnostics.iter().filter(|d| d.code == "unclassified").map(|d| d.span));
    covered.sort();
    let mut pos = 0;
    let check_gap = |from: usize, to: usize, errs: &mut Vec<String>| {
        if let Some((off, c)) = text[from..to].char_indices().find(|(_, c)| !c.is_whitespace()) {
            errs.push(format!("lost text at byte {}: {:?}", from + off, c));
        }
    };
    for s in covered {
        if s.start > pos {
            check_gap(pos, s.start, &mut errs);
        }
        pos = pos.max(s.end);
    }
    if pos < text.len() {
        check_gap(pos, text.len(), &mut errs);
    }
    errs
}
