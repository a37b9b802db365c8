//! `minutes load`: parse documents and load them into PostgreSQL (schema `minutes`).
//!
//! The schema is created on first use and versioned in `minutes.minutes_schema_version`.
//! Documents are loaded in batches: one transaction deletes the batch's documents from every
//! table and COPYs their rows in (text format, escaped by `records::copy_text_line`). If a batch
//! fails, it is rolled back and retried one document per transaction, so a failing document
//! leaves no rows and does not take its neighbours down. No SQL is built from document content:
//! ids go in as parameters, rows as COPY data.

use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;
use minutes::emit::records::{self, Records, TableDef, TABLES};
use postgres::{Client, NoTls, Transaction};

use crate::inputs;

/// The database schema (namespace) the tables live in.
pub const SCHEMA: &str = "minutes";
/// The version of the table layout this binary writes.
pub const SCHEMA_VERSION: i32 = 1;
/// `pg_advisory_xact_lock` key serialising schema creation ("minutes" in ASCII).
const LOCK_KEY: i64 = 0x006d_696e_7574_6573;

/// Arguments of `minutes load`.
#[derive(Args)]
pub struct LoadArgs {
    /// Documents (text, Markdown, HTML, PDF, or minutes/1 .json) or directories of them. With
    /// none, only create the schema (e.g. before distributing the tables on Citus).
    pub paths: Vec<String>,
    /// PostgreSQL connection string (URL or key=value); default: $MINUTES_DATABASE_URL.
    #[arg(long = "postgres", value_name = "URL")]
    pub url: Option<String>,
    /// Documents per transaction (a failing batch is retried one document at a time).
    #[arg(long, default_value_t = 100)]
    pub batch: usize,
}

/// The statements creating schema version 1 (idempotent: `IF NOT EXISTS`).
pub fn ddl() -> Vec<String> {
    let mut out = vec![format!("CREATE SCHEMA IF NOT EXISTS {SCHEMA}")];
    for t in TABLES {
        out.push(create_table(t));
        if !t.search.is_empty() {
            out.push(format!("CREATE INDEX IF NOT EXISTS {0}_tsv_idx ON {SCHEMA}.{0} USING gin (tsv)", t.name));
        }
    }
    out
}

fn create_table(t: &TableDef) -> String {
    let mut cols: Vec<String> = t
        .columns
        .iter()
        .map(|c| format!("{} {}{}", c.name, c.ty.sql(), if c.required { " NOT NULL" } else { "" }))
        .collect();
    if !t.search.is_empty() {
        let text = t.search.iter().map(|c| format!("coalesce({c}, '')")).collect::<Vec<_>>().join(" || ' ' || ");
        cols.push(format!("tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', {text})) STORED"));
    }
    cols.push(format!("PRIMARY KEY ({})", t.key.join(", ")));
    format!("CREATE TABLE IF NOT EXISTS {SCHEMA}.{} (\n  {}\n)", t.name, cols.join(",\n  "))
}

/// Create the schema if absent; fail if the database holds another version.
pub fn ensure_schema(client: &mut Client) -> Result<(), String> {
    let mut tx = client.transaction().map_err(db)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LOCK_KEY]).map_err(db)?;
    tx.batch_execute(&format!(
        "CREATE SCHEMA IF NOT EXISTS {SCHEMA};
         CREATE TABLE IF NOT EXISTS {SCHEMA}.minutes_schema_version (
           version integer PRIMARY KEY,
           applied_at timestamptz NOT NULL DEFAULT now())"
    ))
    .map_err(db)?;
    let row = tx.query_one(&format!("SELECT max(version) FROM {SCHEMA}.minutes_schema_version"), &[]).map_err(db)?;
    match row.get::<_, Option<i32>>(0) {
        None => {
            for stmt in ddl() {
                tx.batch_execute(&stmt).map_err(db)?;
            }
            tx.execute(
                &format!("INSERT INTO {SCHEMA}.minutes_schema_version (version) VALUES ($1)"),
                &[&SCHEMA_VERSION],
            )
            .map_err(db)?;
        }
        Some(v) if v == SCHEMA_VERSION => {}
        Some(v) => {
            return Err(format!(
                "the database holds minutes schema version {v}; this minutes writes version {SCHEMA_VERSION}"
            ))
        }
    }
    tx.commit().map_err(db)
}

fn db(e: postgres::Error) -> String {
    // The server's message with its detail, not just "db error".
    match e.as_db_error() {
        Some(d) => match d.detail() {
            Some(detail) => format!("{}: {} ({detail})", d.severity(), d.message()),
            None => format!("{}: {}", d.severity(), d.message()),
        },
        None => e.to_string(),
    }
}

/// Delete the documents of `batch` and COPY their rows in, inside `tx`.
fn write_batch(tx: &mut Transaction<'_>, batch: &[&Records]) -> Result<(), String> {
    let ids: Vec<&str> = batch.iter().map(|r| r.document_id.as_str()).collect();
    for t in TABLES.iter().rev() {
        tx.execute(&format!("DELETE FROM {SCHEMA}.{} WHERE document_id = ANY($1)", t.name), &[&ids]).map_err(db)?;
    }
    let mut buf = String::new();
    for (i, t) in TABLES.iter().enumerate() {
        buf.clear();
        for r in batch {
            for row in &r.tables[i].rows {
                records::copy_text_line(row, &mut buf);
            }
        }
        if buf.is_empty() {
            continue;
        }
        let cols = t.columns.iter().map(|c| c.name).collect::<Vec<_>>().join(", ");
        let stmt = format!("COPY {SCHEMA}.{} ({cols}) FROM STDIN (FORMAT text)", t.name);
        let mut w = tx.copy_in(&stmt).map_err(db)?;
        w.write_all(buf.as_bytes()).map_err(|e| format!("COPY {}: {e}", t.name))?;
        w.finish().map_err(|e| format!("COPY {}: {}", t.name, db(e)))?;
    }
    Ok(())
}

fn load_in_one_transaction(client: &mut Client, batch: &[&Records]) -> Result<(), String> {
    let mut tx = client.transaction().map_err(db)?;
    write_batch(&mut tx, batch)?;
    tx.commit().map_err(db)
}

/// Load one batch: all in one transaction, or, if that fails, one document per transaction.
/// Returns one result per entry of `batch`.
pub fn load_batch(client: &mut Client, batch: &[(String, Records)]) -> Vec<Result<(), String>> {
    if batch.is_empty() {
        return Vec::new();
    }
    // The same document twice in a batch: the last one wins (a COPY would hit the key).
    let mut keep: Vec<&Records> = Vec::new();
    for (i, (_, r)) in batch.iter().enumerate() {
        if !batch[i + 1..].iter().any(|(_, later)| later.document_id == r.document_id) {
            keep.push(r);
        }
    }
    if load_in_one_transaction(client, &keep).is_ok() {
        return batch.iter().map(|_| Ok(())).collect();
    }
    let mut results: Vec<Result<(), String>> = Vec::new();
    for (i, (_, r)) in batch.iter().enumerate() {
        let superseded = batch[i + 1..].iter().any(|(_, later)| later.document_id == r.document_id);
        results.push(if superseded { Ok(()) } else { load_in_one_transaction(client, &[r]) });
    }
    // A superseded copy shares the fate of the copy that was loaded.
    for i in 0..batch.len() {
        if let Some(j) = (i + 1..batch.len()).rev().find(|&j| batch[j].1.document_id == batch[i].1.document_id) {
            results[i] = results[j].clone();
        }
    }
    results
}

/// The URL from `--postgres` or `MINUTES_DATABASE_URL`.
fn database_url(arg: Option<String>) -> Result<String, String> {
    arg.or_else(|| std::env::var("MINUTES_DATABASE_URL").ok().filter(|s| !s.is_empty()))
        .ok_or_else(|| "no database: give --postgres URL or set MINUTES_DATABASE_URL".to_string())
}

/// Run `minutes load`.
#[allow(clippy::print_stderr)]
pub fn run(args: LoadArgs) -> Result<ExitCode, String> {
    let url = database_url(args.url)?;
    let mut client = Client::connect(&url, NoTls).map_err(|e| format!("cannot connect to PostgreSQL: {}", db(e)))?;
    ensure_schema(&mut client)?;
    let files = inputs::expand(&args.paths);
    let started = Instant::now();
    let (mut loaded, mut failed, mut rows, mut nul) = (0usize, 0usize, 0usize, 0usize);
    for chunk in files.chunks(args.batch.max(1)) {
        let mut ready = Vec::new();
        for (path, res) in inputs::flatten_all(chunk) {
            match res {
                Ok(r) => ready.push((path, r)),
                Err(e) => {
                    failed += 1;
                    eprintln!("minutes: failed: {e}");
                }
            }
        }
        for ((path, r), res) in ready.iter().zip(load_batch(&mut client, &ready)) {
            match res {
                Ok(()) => {
                    loaded += 1;
                    rows += r.row_count();
                    nul += r.nul_replaced;
                    if r.nul_replaced > 0 {
                        eprintln!("minutes: {path}: {} NUL character(s) replaced with U+FFFD", r.nul_replaced);
                    }
                }
                Err(e) => {
                    failed += 1;
                    eprintln!("minutes: failed: {path}: {e}");
                }
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let rate = if secs > 0.0 { loaded as f64 / secs } else { 0.0 };
    let mut summary = format!("loaded {loaded}, failed {failed} ({rows} rows");
    if nul > 0 {
        summary.push_str(&format!(", {nul} NUL replaced"));
    }
    summary.push_str(&format!(") in {secs:.2} s, {rate:.1} documents/s\n"));
    crate::emit(&summary)?;
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
