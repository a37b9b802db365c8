//! Flat records: one [`Document`] as rows of relational tables, for databases and search
//! indexes (`minutes load`, `minutes export`).
//!
//! [`TABLES`] is the one description of the tables (columns, SQL types, keys, full-text
//! source); [`flatten`] turns a document into rows of those tables, and the `*_line` functions
//! write rows as PostgreSQL `COPY` text, CSV, NDJSON and OpenSearch bulk lines. Everything here
//! is pure: the same document gives the same rows and bytes.
//!
//! Every table's first column is `document_id` and every key starts with it, so each table can
//! be distributed on `document_id` (Citus). Element ids are the model's (`item-2/p-3`); actions,
//! clauses and mentions, which have none in the model, get ordinals or derived ids
//! (`item-2/r-1/a-1`). PostgreSQL text cannot hold NUL: every NUL character is replaced by
//! U+FFFD, counted in `documents.nul_replaced`, and reported as a `nul-replaced` diagnostic
//! row. A date that is not a real calendar date becomes `NULL` with an `invalid-date` row.

use serde_json::{Map, Value};

use crate::model::{Action, Document, Person, Span};

/// The SQL type of a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColType {
    /// `text`.
    Text,
    /// `bigint`.
    Int,
    /// `date` (cells are ISO `YYYY-MM-DD` text, already validated).
    Date,
    /// `jsonb`.
    Json,
}

impl ColType {
    /// The PostgreSQL type name.
    pub const fn sql(self) -> &'static str {
        match self {
            ColType::Text => "text",
            ColType::Int => "bigint",
            ColType::Date => "date",
            ColType::Json => "jsonb",
        }
    }
}

/// A column of a table.
#[derive(Debug)]
pub struct Column {
    /// Column name (a plain SQL identifier).
    pub name: &'static str,
    /// SQL type.
    pub ty: ColType,
    /// `NOT NULL`.
    pub required: bool,
}

/// A table: name, columns in row order, primary key, and the text it is searched by.
#[derive(Debug)]
pub struct TableDef {
    /// Table name (a plain SQL identifier).
    pub name: &'static str,
    /// What one row is.
    pub doc: &'static str,
    /// Columns, in the order of row cells.
    pub columns: &'static [Column],
    /// Primary key columns; always starts with `document_id`.
    pub key: &'static [&'static str],
    /// Columns whose text feeds the generated `tsv` column (English), if the table is searched.
    pub search: &'static [&'static str],
}

impl TableDef {
    /// The index of a column by name.
    pub fn col(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }
}

const fn c(name: &'static str, ty: ColType, required: bool) -> Column {
    Column { name, ty, required }
}

use ColType::{Date, Int, Json, Text};

const DOC_ID: Column = c("document_id", Text, true);
const SPAN_START: Column = c("span_start", Int, true);
const SPAN_END: Column = c("span_end", Int, true);

/// Every table, parents before children. Row cells follow `columns`.
pub static TABLES: &[TableDef] = &[
    TableDef {
        name: "documents",
        doc: "one row per document: where it came from",
        columns: &[
            DOC_ID,
            c("contract", Text, true),
            c("path", Text, true),
            c("format", Text, true),
            c("encoding", Text, true),
            c("bytes", Int, true),
            c("items", Int, true),
            c("diagnostics", Int, true),
            c("nul_replaced", Int, true),
        ],
        key: &["document_id"],
        search: &[],
    },
    TableDef {
        name: "meetings",
        doc: "one row per document: the meeting header",
        columns: &[
            DOC_ID,
            c("body", Text, false),
            c("title", Text, false),
            c("date", Date, false),
            c("time", Text, false),
            c("venue", Text, false),
            c("span_start", Int, false),
            c("span_end", Int, false),
        ],
        key: &["document_id"],
        search: &[],
    },
    TableDef {
        name: "items",
        doc: "agenda items",
        columns: &[
            DOC_ID,
            c("item_id", Text, true),
            c("ordinal", Int, true),
            c("number", Text, false),
            c("title", Text, false),
            SPAN_START,
            SPAN_END,
        ],
        key: &["document_id", "item_id"],
        search: &["number", "title"],
    },
    TableDef {
        name: "paragraphs",
        doc: "paragraphs of items",
        columns: &[
            DOC_ID,
            c("paragraph_id", Text, true),
            c("item_id", Text, true),
            c("ordinal", Int, true),
            c("number", Text, false),
            c("text", Text, true),
            SPAN_START,
            SPAN_END,
        ],
        key: &["document_id", "paragraph_id"],
        search: &["text"],
    },
    TableDef {
        name: "list_entries",
        doc: "sub-points of paragraphs",
        columns: &[
            DOC_ID,
            c("paragraph_id", Text, true),
            c("ordinal", Int, true),
            c("label", Text, false),
            c("text", Text, true),
            SPAN_START,
            SPAN_END,
        ],
        key: &["document_id", "paragraph_id", "ordinal"],
        search: &["text"],
    },
    TableDef {
        name: "resolutions",
        doc: "decisions: resolved, agreed, decided, noted, motion, recommended",
        columns: &[
            DOC_ID,
            c("resolution_id", Text, true),
            c("item_id", Text, true),
            c("ordinal", Int, true),
            c("kind", Text, true),
            c("text", Text, true),
            SPAN_START,
            SPAN_END,
        ],
        key: &["document_id", "resolution_id"],
        search: &["text"],
    },
    TableDef {
        name: "clauses",
        doc: "labelled clauses of resolutions",
        columns: &[
            DOC_ID,
            c("resolution_id", Text, true),
            c("ordinal", Int, true),
            c("label", Text, false),
            c("text", Text, true),
            SPAN_START,
            SPAN_END,
        ],
        key: &["document_id", "resolution_id", "ordinal"],
        search: &[],
    },
    TableDef {
        name: "votes",
        doc: "motion and vote of a resolution, when any is stated",
        columns: &[
            DOC_ID,
            c("resolution_id", Text, true),
            c("mover", Text, false),
            c("seconder", Text, false),
            c("votes_for", Int, false),
            c("votes_against", Int, false),
            c("abstentions", Int, false),
            c("result", Text, false),
        ],
        key: &["document_id", "resolution_id"],
        search: &[],
    },
    TableDef {
        name: "actions",
        doc: "actions, under a resolution or directly under an item",
        columns: &[
            DOC_ID,
            c("action_id", Text, true),
            c("item_id", Text, true),
            c("resolution_id", Text, false),
            c("text", Text, true),
            c("owner", Text, false),
            c("owner_role", Text, false),
            c("due", Date, false),
            c("due_text", Text, false),
            SPAN_START,
            SPAN_END,
        ],
        key: &["document_id", "action_id"],
        search: &["text", "owner"],
    },
    TableDef {
        name: "mentions",
        doc: "person mentions: attendance, speakers, movers, owners, declarations",
        columns: &[
            DOC_ID,
            c("mention_no", Int, true),
            c("element_id", Text, true),
            c("context", Text, true),
            c("name", Text, false),
            c("role", Text, false),
            c("organisation", Text, false),
            SPAN_START,
            SPAN_END,
        ],
        key: &["document_id", "mention_no"],
        search: &[],
    },
    TableDef {
        name: "people",
        doc: "people merged across mentions, first mention first",
        columns: &[
            DOC_ID,
            c("person_no", Int, true),
            c("name", Text, true),
            c("mentions", Int, true),
            c("roles", Json, true),
        ],
        key: &["document_id", "person_no"],
        search: &[],
    },
    TableDef {
        name: "declarations",
        doc: "declarations of interest",
        columns: &[
            DOC_ID,
            c("declaration_no", Int, true),
            c("person", Text, false),
            c("item", Text, false),
            c("interest", Text, false),
            c("text", Text, true),
            SPAN_START,
            SPAN_END,
        ],
        key: &["document_id", "declaration_no"],
        search: &[],
    },
    TableDef {
        name: "linked_documents",
        doc: "documents linked from items (\"PDF 110 KB\")",
        columns: &[
            DOC_ID,
            c("item_id", Text, true),
            c("ordinal", Int, true),
            c("title", Text, true),
            c("format", Text, false),
            c("size", Text, false),
        ],
        key: &["document_id", "item_id", "ordinal"],
        search: &[],
    },
    TableDef {
        name: "diagnostics",
        doc: "what the parser (or the flattening) was unsure of",
        columns: &[
            DOC_ID,
            c("diagnostic_no", Int, true),
            c("severity", Text, true),
            c("code", Text, true),
            c("message", Text, true),
            SPAN_START,
            SPAN_END,
        ],
        key: &["document_id", "diagnostic_no"],
        search: &[],
    },
];

/// The definition of a table by name.
pub fn table(name: &str) -> Option<&'static TableDef> {
    TABLES.iter().find(|t| t.name == name)
}

/// One cell of a row.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// SQL `NULL`.
    Null,
    /// Text without NUL characters (also dates, as ISO text).
    Text(String),
    /// An integer.
    Int(i64),
    /// A JSON value without NUL characters.
    Json(Value),
}

/// The rows of one table for one document.
#[derive(Clone, Debug)]
pub struct Rows {
    /// The table.
    pub def: &'static TableDef,
    /// Rows, cells in `def.columns` order.
    pub rows: Vec<Vec<Cell>>,
}

/// One document as rows of every table in [`TABLES`] (same order; tables may be empty).
#[derive(Clone, Debug)]
pub struct Records {
    /// The document id every row carries.
    pub document_id: String,
    /// One entry per table of [`TABLES`], in that order.
    pub tables: Vec<Rows>,
    /// How many NUL characters were replaced by U+FFFD.
    pub nul_replaced: usize,
}

impl Records {
    /// The rows of a table by name.
    pub fn rows(&self, name: &str) -> &[Vec<Cell>] {
        self.tables.iter().find(|t| t.def.name == name).map(|t| t.rows.as_slice()).unwrap_or(&[])
    }

    /// Total number of rows.
    pub fn row_count(&self) -> usize {
        self.tables.iter().map(|t| t.rows.len()).sum()
    }
}

/// Collects rows and counts what had to be changed for storage.
struct Flat {
    id: String,
    tables: Vec<Rows>,
    nul: usize,
    bad_dates: Vec<String>,
    mention_no: i64,
}

impl Flat {
    fn text(&mut self, s: &str) -> Cell {
        Cell::Text(self.clean(s))
    }

    fn opt(&mut self, s: Option<&str>) -> Cell {
        s.map_or(Cell::Null, |s| self.text(s))
    }

    fn clean(&mut self, s: &str) -> String {
        if s.contains('\0') {
            self.nul += s.matches('\0').count();
            s.replace('\0', "\u{FFFD}")
        } else {
            s.to_string()
        }
    }

    fn date(&mut self, s: Option<&str>) -> Cell {
        match s {
            None => Cell::Null,
            Some(d) if valid_iso_date(d) => Cell::Text(d.to_string()),
            Some(d) => {
                let d = self.clean(d);
                self.bad_dates.push(d);
                Cell::Null
            }
        }
    }

    fn push(&mut self, table: &str, row: Vec<Cell>) {
        let t = self.tables.iter_mut().find(|t| t.def.name == table).expect("known table");
        debug_assert_eq!(row.len(), t.def.columns.len(), "{table}");
        t.rows.push(row);
    }

    fn id(&self) -> Cell {
        Cell::Text(self.id.clone())
    }

    fn mention(&mut self, element: &str, context: &str, p: &Person) {
        self.mention_no += 1;
        let row = vec![
            self.id(),
            Cell::Int(self.mention_no),
            self.text(element),
            Cell::Text(context.to_string()),
            self.opt(p.name.as_deref()),
            self.opt(p.role.as_deref()),
            self.opt(p.organisation.as_deref()),
            int(p.span.start),
            int(p.span.end),
        ];
        self.push("mentions", row);
    }

    fn action(&mut self, action_id: &str, item_id: &str, resolution_id: Option<&str>, a: &Action) {
        let owner_name = a.owner.as_ref().and_then(|o| o.name.as_deref());
        let owner_role = a.owner.as_ref().and_then(|o| o.role.as_deref());
        let row = vec![
            self.id(),
            self.text(action_id),
            self.text(item_id),
            self.opt(resolution_id),
            self.text(&a.text),
            self.opt(owner_name),
            self.opt(owner_role),
            self.date(a.due.as_deref()),
            self.opt(a.due_text.as_deref()),
            int(a.span.start),
            int(a.span.end),
        ];
        self.push("actions", row);
        if let Some(o) = &a.owner {
            self.mention(action_id, "action_owner", o);
        }
    }
}

fn int<T: TryInto<i64>>(n: T) -> Cell {
    n.try_into().map_or(Cell::Null, Cell::Int)
}

fn span_cells(s: Option<Span>) -> [Cell; 2] {
    match s {
        Some(s) => [int(s.start), int(s.end)],
        None => [Cell::Null, Cell::Null],
    }
}

/// True for a real calendar date written `YYYY-MM-DD` (years 1 to 9999).
pub fn valid_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &s[r];
        part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok()).flatten()
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else { return false };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    y >= 1 && (1..=days).contains(&d)
}

/// Flatten one document into rows of every table.
pub fn flatten(doc: &Document) -> Records {
    let tables = TABLES.iter().map(|def| Rows { def, rows: Vec::new() }).collect();
    let mut f = Flat { id: String::new(), tables, nul: 0, bad_dates: Vec::new(), mention_no: 0 };
    f.id = f.clean(&doc.id);

    let m = &doc.meeting;
    let [ms, me] = span_cells(m.span);
    let row = vec![
        f.id(),
        f.opt(m.body.as_deref()),
        f.opt(m.title.as_deref()),
        f.date(m.date.as_deref()),
        f.opt(m.time.as_deref()),
        f.opt(m.venue.as_deref()),
        ms,
        me,
    ];
    f.push("meetings", row);
    let att = &m.attendance;
    for (context, list) in [
        ("present", &att.present),
        ("apologies", &att.apologies),
        ("absent", &att.absent),
        ("in_attendance", &att.in_attendance),
    ] {
        for p in list {
            f.mention("meeting", context, p);
        }
    }

    for (i, item) in doc.items.iter().enumerate() {
        let row = vec![
            f.id(),
            f.text(&item.id),
            int(i + 1),
            f.opt(item.number.as_deref()),
            f.opt(item.title.as_deref()),
            int(item.span.start),
            int(item.span.end),
        ];
        f.push("items", row);
        for (j, p) in item.paragraphs.iter().enumerate() {
            let row = vec![
                f.id(),
                f.text(&p.id),
                f.text(&item.id),
                int(j + 1),
                f.opt(p.number.as_deref()),
                f.text(&p.text),
                int(p.span.start),
                int(p.span.end),
            ];
            f.push("paragraphs", row);
            for s in &p.speakers {
                f.mention(&p.id, "speaker", s);
            }
            for (k, e) in p.list.iter().enumerate() {
                let row = vec![
                    f.id(),
                    f.text(&p.id),
                    int(k + 1),
                    f.opt(e.label.as_deref()),
                    f.text(&e.text),
                    int(e.span.start),
                    int(e.span.end),
                ];
                f.push("list_entries", row);
                let element = format!("{}/l-{}", p.id, k + 1);
                for s in &e.speakers {
                    f.mention(&element, "speaker", s);
                }
            }
        }
        for (j, r) in item.resolutions.iter().enumerate() {
            let row = vec![
                f.id(),
                f.text(&r.id),
                f.text(&item.id),
                int(j + 1),
                f.text(&r.kind),
                f.text(&r.text),
                int(r.span.start),
                int(r.span.end),
            ];
            f.push("resolutions", row);
            for (k, cl) in r.clauses.iter().enumerate() {
                let row = vec![
                    f.id(),
                    f.text(&r.id),
                    int(k + 1),
                    f.opt(cl.label.as_deref()),
                    f.text(&cl.text),
                    int(cl.span.start),
                    int(cl.span.end),
                ];
                f.push("clauses", row);
            }
            let (mv, v) = (&r.motion, &r.vote);
            let any = mv.mover.is_some()
                || mv.seconder.is_some()
                || v.for_.is_some()
                || v.against.is_some()
                || v.abstain.is_some()
                || v.result.is_some();
            if any {
                let row = vec![
                    f.id(),
                    f.text(&r.id),
                    f.opt(mv.mover.as_ref().and_then(|p| p.name.as_deref())),
                    f.opt(mv.seconder.as_ref().and_then(|p| p.name.as_deref())),
                    v.for_.map_or(Cell::Null, int),
                    v.against.map_or(Cell::Null, int),
                    v.abstain.map_or(Cell::Null, int),
                    f.opt(v.result.as_deref()),
                ];
                f.push("votes", row);
            }
            if let Some(p) = &mv.mover {
                f.mention(&r.id, "mover", p);
            }
            if let Some(p) = &mv.seconder {
                f.mention(&r.id, "seconder", p);
            }
            for (k, a) in r.actions.iter().enumerate() {
                f.action(&format!("{}/a-{}", r.id, k + 1), &item.id, Some(&r.id), a);
            }
        }
        for (k, a) in item.actions.iter().enumerate() {
            f.action(&format!("{}/a-{}", item.id, k + 1), &item.id, None, a);
        }
        for (k, d) in item.documents.iter().enumerate() {
            let row = vec![
                f.id(),
                f.text(&item.id),
                int(k + 1),
                f.text(&d.title),
                f.opt(d.format.as_deref()),
                f.opt(d.size.as_deref()),
            ];
            f.push("linked_documents", row);
        }
    }

    for (i, d) in doc.declarations.iter().enumerate() {
        let row = vec![
            f.id(),
            int(i + 1),
            f.opt(d.person.as_ref().and_then(|p| p.name.as_deref())),
            f.opt(d.item.as_deref()),
            f.opt(d.interest.as_deref()),
            f.text(&d.text),
            int(d.span.start),
            int(d.span.end),
        ];
        f.push("declarations", row);
        if let Some(p) = &d.person {
            f.mention(&format!("declaration-{}", i + 1), "declaration", p);
        }
    }

    for (i, p) in doc.people.iter().enumerate() {
        let roles: Vec<Value> = p
            .roles
            .iter()
            .map(|r| {
                let mut o = Map::new();
                o.insert("role".into(), r.role.as_deref().map_or(Value::Null, |s| Value::String(f.clean(s))));
                o.insert(
                    "organisation".into(),
                    r.organisation.as_deref().map_or(Value::Null, |s| Value::String(f.clean(s))),
                );
                Value::Object(o)
            })
            .collect();
        let row = vec![f.id(), int(i + 1), f.text(&p.name), int(p.mentions), Cell::Json(Value::Array(roles))];
        f.push("people", row);
    }

    let mut n = 0;
    for d in &doc.diagnostics {
        n += 1;
        let row = vec![
            f.id(),
            int(n),
            f.text(&d.severity),
            f.text(&d.code),
            f.text(&d.message),
            int(d.span.start),
            int(d.span.end),
        ];
        f.push("diagnostics", row);
    }
    for d in std::mem::take(&mut f.bad_dates) {
        n += 1;
        let msg = format!("{d:?} is not a calendar date; stored as NULL");
        let row = vec![f.id(), int(n), f.text("warning"), f.text("invalid-date"), Cell::Text(msg), int(0), int(0)];
        f.push("diagnostics", row);
    }
    // The document row comes last so that every NUL replaced above is counted.
    let (format, encoding, path) = (doc.source.format.name(), &doc.source.encoding, &doc.source.path);
    let mut row = vec![
        f.id(),
        f.text(&doc.schema),
        f.text(path),
        f.text(format),
        f.text(encoding),
        int(doc.source.bytes),
        int(doc.items.len()),
        Cell::Null,
        Cell::Null,
    ];
    let nul = f.nul;
    if nul > 0 {
        n += 1;
        let msg = format!("{nul} NUL character(s) replaced with U+FFFD: PostgreSQL text cannot hold NUL");
        let row = vec![f.id(), int(n), f.text("warning"), f.text("nul-replaced"), Cell::Text(msg), int(0), int(0)];
        f.push("diagnostics", row);
    }
    row[7] = int(n);
    row[8] = int(nul);
    f.push("documents", row);
    Records { document_id: f.id, tables: f.tables, nul_replaced: nul }
}

/// Append one row in PostgreSQL `COPY ... (FORMAT text)` form: tab-separated, `\N` for NULL,
/// backslash, tab, newline and carriage return escaped, newline-terminated.
pub fn copy_text_line(row: &[Cell], out: &mut String) {
    for (i, cell) in row.iter().enumerate() {
        if i > 0 {
            out.push('\t');
        }
        match cell {
            Cell::Null => out.push_str("\\N"),
            Cell::Int(n) => out.push_str(&n.to_string()),
            Cell::Text(s) => copy_escape(s, out),
            Cell::Json(v) => copy_escape(&v.to_string(), out),
        }
    }
    out.push('\n');
}

fn copy_escape(s: &str, out: &mut String) {
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            // Never present after flattening; kept out of COPY data all the same.
            '\0' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// The CSV header line of a table (RFC 4180, `\n`-terminated).
pub fn csv_header(def: &TableDef) -> String {
    let mut s = def.columns.iter().map(|c| c.name).collect::<Vec<_>>().join(",");
    s.push('\n');
    s
}

/// Append one row as CSV that PostgreSQL's `COPY ... (FORMAT csv, HEADER)` and `\copy` read
/// back exactly: NULL is an empty unquoted field, every text value is quoted (so `""` is the
/// empty string), quotes are doubled, newlines stay inside quotes.
pub fn csv_line(row: &[Cell], out: &mut String) {
    for (i, cell) in row.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match cell {
            Cell::Null => {}
            Cell::Int(n) => out.push_str(&n.to_string()),
            Cell::Text(s) => csv_quote(s, out),
            Cell::Json(v) => csv_quote(&v.to_string(), out),
        }
    }
    out.push('\n');
}

fn csv_quote(s: &str, out: &mut String) {
    out.push('"');
    for ch in s.chars() {
        if ch == '"' {
            out.push('"');
        }
        out.push(ch);
    }
    out.push('"');
}

/// One row as a JSON object keyed by column name (dates as ISO strings).
pub fn json_row(def: &TableDef, row: &[Cell]) -> Map<String, Value> {
    def.columns
        .iter()
        .zip(row)
        .map(|(col, cell)| {
            let v = match cell {
                Cell::Null => Value::Null,
                Cell::Int(n) => Value::from(*n),
                Cell::Text(s) => Value::String(s.clone()),
                Cell::Json(v) => v.clone(),
            };
            (col.name.to_string(), v)
        })
        .collect()
}

/// The stable id of a row: the document id, then the rest of the key joined with `:`
/// (`b0cdff2f6d2ef9e7:item-1/p-2`, `b0cdff2f6d2ef9e7:item-1/r-1:2`).
pub fn row_id(def: &TableDef, row: &[Cell]) -> String {
    def.key
        .iter()
        .filter_map(|k| def.col(k))
        .map(|i| match &row[i] {
            Cell::Text(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Null => String::new(),
            Cell::Json(v) => v.to_string(),
        })
        .collect::<Vec<_>>()
        .join(":")
}

/// Append every row of `records` as NDJSON: one object per line with a `"table"` field first.
pub fn ndjson_lines(records: &Records, out: &mut String) {
    for t in &records.tables {
        for row in &t.rows {
            let mut o = Map::new();
            o.insert("table".into(), Value::String(t.def.name.into()));
            o.extend(json_row(t.def, row));
            out.push_str(&Value::Object(o).to_string());
            out.push('\n');
        }
    }
}

/// Append every row of `records` in the OpenSearch / Elasticsearch `_bulk` format: an
/// `index` action line (`_index` = `{prefix}-{table}`, `_id` = [`row_id`]) then the source
/// line. Re-sending the same document overwrites its rows instead of duplicating them.
pub fn bulk_lines(records: &Records, index_prefix: &str, out: &mut String) {
    for t in &records.tables {
        for row in &t.rows {
            let action = serde_json::json!({
                "index": { "_index": format!("{index_prefix}-{}", t.def.name), "_id": row_id(t.def, row) }
            });
            out.push_str(&action.to_string());
            out.push('\n');
            out.push_str(&Value::Object(json_row(t.def, row)).to_string());
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_starts_with_document_id_and_names_columns() {
        for t in TABLES {
            assert_eq!(t.columns[0].name, "document_id", "{}", t.name);
            assert_eq!(t.key[0], "document_id", "{}", t.name);
            for k in t.key.iter().chain(t.search) {
                assert!(t.col(k).is_some(), "{}.{k}", t.name);
            }
        }
    }

    #[test]
    fn dates_are_checked() {
        assert!(valid_iso_date("2024-02-29"));
        assert!(!valid_iso_date("2023-02-29"));
        assert!(!valid_iso_date("2023-13-01"));
        assert!(!valid_iso_date("2023-1-01"));
        assert!(!valid_iso_date("0000-01-01"));
    }

    #[test]
    fn copy_text_escapes() {
        let mut s = String::new();
        copy_text_line(&[Cell::Text("a\tb\nc\\d\re".into()), Cell::Null, Cell::Int(-3)], &mut s);
        assert_eq!(s, "a\\tb\\nc\\\\d\\re\t\\N\t-3\n");
    }

    #[test]
    fn csv_quotes() {
        let mut s = String::new();
        csv_line(&[Cell::Text("say \"hi\",\nok".into()), Cell::Null, Cell::Text(String::new())], &mut s);
        assert_eq!(s, "\"say \"\"hi\"\",\nok\",,\"\"\n");
    }
}
