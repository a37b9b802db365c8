//! Flatten a [`Document`] into search records: one per agenda item, paragraph, resolution and
//! action, each carrying the meeting and item context it needs on its own (body, date, item
//! number and title) and a span back into the source. A pure function of the document; the
//! index (`crate::index`, feature `search`) stores these records.

use crate::model::{Action, Document, Item, Person};
use crate::source::{LineIndex, Span};

/// What a record stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RecordKind {
    /// An agenda item: its number, title and linked documents.
    Item,
    /// A paragraph of an item, with its sub-points.
    Paragraph,
    /// A decision (RESOLVED, AGREED, a motion ...).
    Resolution,
    /// An action, under a resolution or in an item.
    Action,
}

impl RecordKind {
    /// Every kind, in document order of importance.
    pub const ALL: [RecordKind; 4] =
        [RecordKind::Item, RecordKind::Paragraph, RecordKind::Resolution, RecordKind::Action];

    /// The name used in the index and on the command line.
    pub const fn name(self) -> &'static str {
        match self {
            RecordKind::Item => "item",
            RecordKind::Paragraph => "paragraph",
            RecordKind::Resolution => "resolution",
            RecordKind::Action => "action",
        }
    }

    /// The kind named `name`, if any.
    pub fn from_name(name: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// One searchable unit of a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// The document id (content hash of the input bytes).
    pub doc_id: String,
    /// `source.path` of the document.
    pub path: String,
    /// What this record is.
    pub kind: RecordKind,
    /// The element's id in the document (`item-2/r-1`; an action under a resolution gets
    /// `item-2/r-1/a-1`, one in an item `item-2/a-1`).
    pub element: String,
    /// Meeting body, when stated.
    pub body: Option<String>,
    /// ISO meeting date, when stated.
    pub date: Option<String>,
    /// The item's number as written.
    pub item_number: Option<String>,
    /// The item's title.
    pub item_title: Option<String>,
    /// The searchable text.
    pub text: String,
    /// Names of the people speaking (paragraphs) or moving/seconding (resolutions).
    pub speakers: Vec<String>,
    /// Their roles, as written.
    pub roles: Vec<String>,
    /// `resolved`, `agreed`, ... for resolutions.
    pub resolution_kind: Option<String>,
    /// `carried` or `lost`, for resolutions with a stated result.
    pub vote_result: Option<String>,
    /// Action owners (name, else office).
    pub owners: Vec<String>,
    /// ISO due dates of actions.
    pub due: Vec<String>,
    /// Where the element is in the decoded text.
    pub span: Span,
    /// 1-based line of `span.start`, when the decoded text was given.
    pub line: Option<usize>,
}

/// Flatten `doc` into records, in document order. A paragraph that is nothing but a decision
/// ("3. RESOLVED that ...") gives only its resolution record. `text` is the decoded text the spans point
/// into (`source.text`); without it records carry no line numbers.
pub fn records(doc: &Document, text: Option<&str>) -> Vec<Record> {
    let lines = text.map(LineIndex::new);
    let line = |span: Span| lines.as_ref().map(|l| l.line(span.start));
    let base = |kind: RecordKind, element: String, item: &Item, text: String, span: Span| Record {
        doc_id: doc.id.clone(),
        path: doc.source.path.clone(),
        kind,
        element,
        body: doc.meeting.body.clone(),
        date: doc.meeting.date.clone(),
        item_number: item.number.clone(),
        item_title: item.title.clone(),
        text,
        speakers: Vec::new(),
        roles: Vec::new(),
        resolution_kind: None,
        vote_result: None,
        owners: Vec::new(),
        due: Vec::new(),
        span,
        line: line(span),
    };
    let action = |item: &Item, element: String, a: &Action| {
        let mut r = base(RecordKind::Action, element, item, a.text.clone(), a.span);
        if let Some(owner) = &a.owner {
            push_person(owner, &mut r.owners, &mut r.roles);
        }
        r.due.extend(a.due.clone());
        r
    };
    let mut out = Vec::new();
    for item in &doc.items {
        let mut title = item.title.clone().unwrap_or_default();
        for d in &item.documents {
            if !title.is_empty() {
                title.push('\n');
            }
            title.push_str(&d.title);
        }
        out.push(base(RecordKind::Item, item.id.clone(), item, title, item.span));
        for p in &item.paragraphs {
            // "3. RESOLVED that ..." is one decision: its resolution record stands for it.
            let is_decision = item.resolutions.iter().any(|r| {
                let head = r.text.lines().next().unwrap_or("").trim();
                !head.is_empty() && p.span.contains(r.span) && p.text.trim_start().starts_with(head)
            });
            if is_decision {
                continue;
            }
            let mut text = p.text.clone();
            for e in &p.list {
                text.push('\n');
                text.push_str(&e.text);
            }
            let mut r = base(RecordKind::Paragraph, p.id.clone(), item, text, p.span);
            for person in p.speakers.iter().chain(p.list.iter().flat_map(|e| &e.speakers)) {
                push_person(person, &mut r.speakers, &mut r.roles);
            }
            out.push(r);
        }
        for res in &item.resolutions {
            let mut r = base(RecordKind::Resolution, res.id.clone(), item, res.text.clone(), res.span);
            for person in res.motion.mover.iter().chain(&res.motion.seconder) {
                push_person(person, &mut r.speakers, &mut r.roles);
            }
            r.resolution_kind = Some(res.kind.clone());
            r.vote_result = res.vote.result.clone();
            for a in &res.actions {
                r.owners.extend(a.owner.as_ref().and_then(owner_name));
                r.due.extend(a.due.clone());
            }
            dedup(&mut r.owners);
            dedup(&mut r.due);
            out.push(r);
            for (i, a) in res.actions.iter().enumerate() {
                out.push(action(item, format!("{}/a-{}", res.id, i + 1), a));
            }
        }
        for (i, a) in item.actions.iter().enumerate() {
            out.push(action(item, format!("{}/a-{}", item.id, i + 1), a));
        }
    }
    out
}

/// A person's name, else their role: how an owner is shown.
fn owner_name(p: &Person) -> Option<String> {
    p.name.clone().or_else(|| p.role.clone())
}

fn push_person(p: &Person, names: &mut Vec<String>, roles: &mut Vec<String>) {
    if let Some(n) = owner_name(p) {
        if !names.contains(&n) {
            names.push(n);
        }
    }
    if let Some(role) = &p.role {
        if !roles.contains(role) {
            roles.push(role.clone());
        }
    }
}

fn dedup(v: &mut Vec<String>) {
    let mut seen = Vec::new();
    v.retain(|x| {
        let new = !seen.contains(x);
        if new {
            seen.push(x.clone());
        }
        new
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::DecodeOptions;
    use crate::Options;

    const TEXT: &str = "Agenda item\n\n3. Budget\n\nMinutes:\n\n1. Mr Smith (Treasurer) introduced the report.\n\n2. RESOLVED that the budget be approved.\n";

    fn doc() -> Document {
        let opts = Options { with_text: true, path: "x.txt".into() };
        crate::parse_bytes(TEXT.as_bytes(), &DecodeOptions::default(), &opts).unwrap()
    }

    #[test]
    fn one_record_per_item_paragraph_resolution() {
        let d = doc();
        let recs = records(&d, d.source.text.as_deref());
        let kinds: Vec<_> = recs.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [RecordKind::Item, RecordKind::Paragraph, RecordKind::Resolution]);
        for r in &recs {
            assert_eq!(r.doc_id, d.id);
            assert_eq!(r.path, "x.txt");
            let line = r.line.unwrap();
            let start_of_line = TEXT.lines().nth(line - 1).unwrap();
            assert!(!start_of_line.is_empty() || r.span.is_empty());
        }
        let res = recs.iter().find(|r| r.kind == RecordKind::Resolution).unwrap();
        assert!(res.text.starts_with("RESOLVED"));
        assert_eq!(res.resolution_kind.as_deref(), Some("resolved"));
    }

    #[test]
    fn speakers_come_with_roles() {
        let d = doc();
        let recs = records(&d, None);
        let p = recs.iter().find(|r| r.text.contains("introduced")).unwrap();
        assert_eq!(p.speakers, vec!["Mr Smith".to_string()]);
        assert_eq!(p.roles, vec!["Treasurer".to_string()]);
        assert!(p.line.is_none());
    }

    #[test]
    fn kinds_round_trip_by_name() {
        for k in RecordKind::ALL {
            assert_eq!(RecordKind::from_name(k.name()), Some(k));
        }
        assert_eq!(RecordKind::from_name("clause"), None);
    }
}
