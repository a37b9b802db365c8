//! An embedded full-text index of minutes (feature `search`, on by default), built on tantivy.
//!
//! The index holds one tantivy document per [`Record`] (agenda item, paragraph, resolution,
//! action: see [`crate::emit::search_records`]). This module is the one place in the library that
//! touches the file system, and only through its explicit index-directory API
//! ([`SearchIndex::open_or_create`]); it never prints or reads the environment.
//!
//! Documents are keyed twice: by document id (content hash) and by source path. Replacing a
//! document deletes both terms, so a changed file (new id, same path) and a moved file (same
//! id, new path) leave no stale records. [`SearchIndex::contains`] tells whether a
//! (path, id) pair is already indexed, so unchanged files can be skipped.

mod query;

use std::fmt;
use std::path::Path;

use tantivy::collector::Count;
use tantivy::directory::MmapDirectory;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, Schema, TantivyDocument, Value, FAST, STORED, STRING,
    TEXT,
};
use tantivy::{DateTime, Index, IndexReader, IndexWriter, ReloadPolicy, Term};

use crate::emit::search_records::{Record, RecordKind};
use crate::source::Span;

pub use query::{Hit, SearchQuery, Snippet};

/// The `kind` of the one marker entry per document (never a search hit).
const MARKER_KIND: &str = "document";

/// The fast field holding a record's kind as a number (index into [`KIND_WEIGHT`]).
const KIND_RANK: &str = "kind_rank";

/// Score factors by kind (item, paragraph, resolution, action): decisions are what minutes
/// are searched for, and an action repeats words of its resolution in a shorter text, which
/// BM25 would otherwise rank above the resolution itself.
const KIND_WEIGHT: [f32; 4] = [1.0, 1.0, 1.3, 0.8];

/// Heap given to the index writer (tantivy splits it between its indexing threads).
const WRITER_HEAP: usize = 64 * 1024 * 1024;

/// An error from the index: tantivy's, a bad query, or a bad filter value.
#[derive(Debug)]
pub struct IndexError(String);

impl IndexError {
    fn new(msg: impl Into<String>) -> Self {
        IndexError(msg.into())
    }
}

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for IndexError {}

impl From<tantivy::TantivyError> for IndexError {
    fn from(e: tantivy::TantivyError) -> Self {
        IndexError(e.to_string())
    }
}

/// The index's fields. Names are what the query language uses (`speaker:Peerbux`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fields {
    doc_id: Field,
    path: Field,
    kind: Field,
    element: Field,
    body: Field,
    date: Field,
    date_text: Field,
    number: Field,
    title: Field,
    text: Field,
    speaker: Field,
    role: Field,
    decision: Field,
    vote: Field,
    owner: Field,
    due: Field,
    span_start: Field,
    span_end: Field,
    line: Field,
    kind_rank: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let date_opts =
        DateOptions::default().set_indexed().set_fast().set_stored().set_precision(DateTimePrecision::Seconds);
    let fields = Fields {
        doc_id: b.add_text_field("doc", STRING | STORED),
        path: b.add_text_field("path", STRING | STORED),
        kind: b.add_text_field("kind", STRING | STORED),
        element: b.add_text_field("element", STORED),
        body: b.add_text_field("body", TEXT | STORED),
        date: b.add_date_field("date", date_opts),
        date_text: b.add_text_field("date_text", STORED),
        number: b.add_text_field("number", STRING | STORED),
        title: b.add_text_field("title", TEXT | STORED),
        text: b.add_text_field("text", TEXT | STORED),
        speaker: b.add_text_field("speaker", TEXT | STORED),
        role: b.add_text_field("role", TEXT | STORED),
        decision: b.add_text_field("decision", STRING | STORED),
        vote: b.add_text_field("vote", STRING | STORED),
        owner: b.add_text_field("owner", TEXT | STORED),
        due: b.add_text_field("due", STRING | STORED),
        span_start: b.add_u64_field("span_start", STORED),
        span_end: b.add_u64_field("span_end", STORED),
        line: b.add_u64_field("line", STORED),
        kind_rank: b.add_u64_field(KIND_RANK, FAST),
    };
    (b.build(), fields)
}

/// An open index: in a directory, or in memory for tests.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

impl SearchIndex {
    /// Open the index in `dir`, creating the directory and an empty index when missing.
    pub fn open_or_create(dir: &Path) -> Result<SearchIndex, IndexError> {
        std::fs::create_dir_all(dir).map_err(|e| IndexError::new(format!("{}: {e}", dir.display())))?;
        let mmap = MmapDirectory::open(dir).map_err(|e| IndexError::new(format!("{}: {e}", dir.display())))?;
        let (schema, fields) = schema();
        let index = Index::open_or_create(mmap, schema).map_err(|e| match e {
            tantivy::TantivyError::SchemaError(m) => IndexError::new(format!(
                "{}: the index was built with another schema ({m}); remove the directory and index again",
                dir.display()
            )),
            e => e.into(),
        })?;
        Self::from_index(index, fields)
    }

    /// Open the existing index in `dir` (for searching): an error when there is none.
    pub fn open(dir: &Path) -> Result<SearchIndex, IndexError> {
        if !dir.join("meta.json").is_file() {
            return Err(IndexError::new(format!("{}: no index here (run `minutes index` first)", dir.display())));
        }
        Self::open_or_create(dir)
    }

    /// A fresh index in memory.
    pub fn in_memory() -> SearchIndex {
        let (schema, fields) = schema();
        Self::from_index(Index::create_in_ram(schema), fields).expect("an in-memory index opens")
    }

    fn from_index(index: Index, fields: Fields) -> Result<SearchIndex, IndexError> {
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        Ok(SearchIndex { index, reader, fields })
    }

    /// True when records of document `doc_id` from `path` are in the index (as of the last
    /// commit): the file is unchanged and need not be parsed again.
    pub fn contains(&self, path: &str, doc_id: &str) -> Result<bool, IndexError> {
        let f = self.fields;
        let q = BooleanQuery::new(vec![
            (Occur::Must, term_query(f.path, path)),
            (Occur::Must, term_query(f.doc_id, doc_id)),
        ]);
        Ok(self.reader.searcher().search(&q, &Count)? > 0)
    }

    /// Number of records in the index (as of the last commit).
    pub fn num_records(&self) -> u64 {
        self.num_docs_and_records().1
    }

    /// Number of documents and of records in the index (as of the last commit).
    pub fn num_docs_and_records(&self) -> (u64, u64) {
        let searcher = self.reader.searcher();
        let docs = searcher.search(&term_query(self.fields.kind, MARKER_KIND), &Count).unwrap_or(0) as u64;
        (docs, searcher.num_docs() - docs)
    }

    /// A writer; only one can be open on an index directory at a time.
    pub fn writer(&self) -> Result<IndexWriterHandle<'_>, IndexError> {
        let writer = self.index.writer(WRITER_HEAP).map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => {
                IndexError::new("the index is locked by another writer (is `minutes index` running?)")
            }
            e => e.into(),
        })?;
        Ok(IndexWriterHandle { owner: self, writer })
    }
}

/// Writes records into a [`SearchIndex`]; nothing is visible until [`commit`](Self::commit).
pub struct IndexWriterHandle<'a> {
    owner: &'a SearchIndex,
    writer: IndexWriter,
}

impl IndexWriterHandle<'_> {
    /// Replace whatever the index holds for `path` or for document `doc_id` by `records`
    /// (which may be empty: the document then has no records, e.g. a non-minutes file).
    pub fn replace(&mut self, path: &str, doc_id: &str, records: &[Record]) -> Result<(), IndexError> {
        let f = self.owner.fields;
        self.writer.delete_term(Term::from_field_text(f.path, path));
        self.writer.delete_term(Term::from_field_text(f.doc_id, doc_id));
        // The marker remembers the document even when it has no records (not minutes).
        let mut marker = TantivyDocument::default();
        marker.add_text(f.doc_id, doc_id);
        marker.add_text(f.path, path);
        marker.add_text(f.kind, MARKER_KIND);
        self.writer.add_document(marker)?;
        for r in records {
            self.writer.add_document(to_doc(&f, r))?;
        }
        Ok(())
    }

    /// Remove every record of `path`.
    pub fn remove_path(&mut self, path: &str) {
        self.writer.delete_term(Term::from_field_text(self.owner.fields.path, path));
    }

    /// Make the changes durable and visible to searches through the owning index.
    pub fn commit(mut self) -> Result<(), IndexError> {
        self.writer.commit()?;
        self.writer.wait_merging_threads()?;
        self.owner.reader.reload()?;
        Ok(())
    }
}

fn term_query(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic))
}

fn to_doc(f: &Fields, r: &Record) -> TantivyDocument {
    let mut d = TantivyDocument::default();
    d.add_text(f.doc_id, &r.doc_id);
    d.add_text(f.path, &r.path);
    d.add_text(f.kind, r.kind.name());
    let rank = RecordKind::ALL.iter().position(|&k| k == r.kind).unwrap_or(1);
    d.add_u64(f.kind_rank, rank as u64);
    d.add_text(f.element, &r.element);
    if let Some(b) = &r.body {
        d.add_text(f.body, b);
    }
    if let Some(date) = &r.date {
        d.add_text(f.date_text, date);
        if let Some(dt) = iso_date(date) {
            d.add_date(f.date, dt);
        }
    }
    if let Some(n) = &r.item_number {
        d.add_text(f.number, n);
    }
    if let Some(t) = &r.item_title {
        d.add_text(f.title, t);
    }
    d.add_text(f.text, &r.text);
    for s in &r.speakers {
        d.add_text(f.speaker, s);
    }
    for s in &r.roles {
        d.add_text(f.role, s);
    }
    if let Some(k) = &r.resolution_kind {
        d.add_text(f.decision, k);
    }
    if let Some(v) = &r.vote_result {
        d.add_text(f.vote, v);
    }
    for o in &r.owners {
        d.add_text(f.owner, o);
    }
    for due in &r.due {
        d.add_text(f.due, due);
    }
    d.add_u64(f.span_start, r.span.start as u64);
    d.add_u64(f.span_end, r.span.end as u64);
    if let Some(l) = r.line {
        d.add_u64(f.line, l as u64);
    }
    d
}

fn from_doc(f: &Fields, d: &TantivyDocument) -> Record {
    let one = |field: Field| d.get_first(field).and_then(|v| v.as_str()).map(str::to_string);
    let all = |field: Field| d.get_all(field).filter_map(|v| v.as_str()).map(str::to_string).collect::<Vec<_>>();
    let num = |field: Field| d.get_first(field).and_then(|v| v.as_u64());
    Record {
        doc_id: one(f.doc_id).unwrap_or_default(),
        path: one(f.path).unwrap_or_default(),
        kind: one(f.kind).and_then(|k| RecordKind::from_name(&k)).unwrap_or(RecordKind::Paragraph),
        element: one(f.element).unwrap_or_default(),
        body: one(f.body),
        date: one(f.date_text),
        item_number: one(f.number),
        item_title: one(f.title),
        text: one(f.text).unwrap_or_default(),
        speakers: all(f.speaker),
        roles: all(f.role),
        resolution_kind: one(f.decision),
        vote_result: one(f.vote),
        owners: all(f.owner),
        due: all(f.due),
        span: Span::new(num(f.span_start).unwrap_or(0) as usize, num(f.span_end).unwrap_or(0) as usize),
        line: num(f.line).map(|l| l as usize),
    }
}

/// `YYYY-MM-DD` as a tantivy date (midnight UTC); `None` when not a valid calendar date.
pub(crate) fn iso_date(s: &str) -> Option<DateTime> {
    let mut parts = s.trim().splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.get(..2)?.parse().ok()?;
    let days_in_month = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return None,
    };
    if d == 0 || d > days_in_month {
        return None;
    }
    Some(DateTime::from_timestamp_secs(days_from_civil(y, m, d) * 86_400))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_convert() {
        assert_eq!(iso_date("1970-01-01").unwrap().into_timestamp_secs(), 0);
        assert_eq!(iso_date("2019-03-20").unwrap().into_timestamp_secs(), 1_553_040_000);
        assert_eq!(iso_date("2000-02-29").unwrap().into_timestamp_secs(), 951_782_400);
        assert!(iso_date("2019-02-29").is_none());
        assert!(iso_date("2019-13-01").is_none());
        assert!(iso_date("March 2019").is_none());
    }
}
