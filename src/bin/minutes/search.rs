//! `minutes index` and `minutes search` (feature `search`): walk and parse files in parallel,
//! feed one index writer, and print ranked hits for people (snippets, `path:line`) or tools
//! (`--json`, `--ndjson`).

use std::collections::HashSet;
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Instant;

use clap::{Args, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use minutes::decode::DecodeOptions;
use minutes::emit::search_records::{records, Record, RecordKind};
use minutes::index::{Hit, SearchIndex, SearchQuery};
use minutes::{Document, Format, Options};
use rayon::prelude::*;
use serde_json::json;

use crate::pdf;

/// File name endings `minutes index` picks up when walking a directory.
const INDEXED_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm", "pdf", "json"];

/// The search subcommands, flattened into the main command.
#[derive(Subcommand)]
pub enum SearchCommand {
    /// Parse minutes (files or directories, recursively) and add them to a full-text index.
    /// Unchanged files are skipped; changed ones replace their old records.
    Index(IndexArgs),
    /// Search an index built by `minutes index`; prints ranked hits with `path:line`.
    Search(SearchArgs),
}

/// Arguments of `minutes index`.
#[derive(Args)]
pub struct IndexArgs {
    /// Files or directories: text, Markdown, HTML, PDF, or minutes/1 JSON from `minutes parse`.
    #[arg(required = true)]
    paths: Vec<String>,
    /// The index directory (created when missing).
    #[arg(long)]
    index: PathBuf,
    /// No progress bar and no summary; errors are still reported.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Kind {
    Item,
    Paragraph,
    Resolution,
    Action,
}

/// Arguments of `minutes search`.
#[derive(Args)]
pub struct SearchArgs {
    /// The query: words, "a phrase", AND/OR/NOT, +must -not, field:value (fields: text, title,
    /// body, speaker, role, owner, kind, decision, vote, number). Empty: all records.
    query: String,
    /// The index directory built by `minutes index`.
    #[arg(long)]
    index: PathBuf,
    /// Only records where this person speaks (or moves/seconds a motion).
    #[arg(long)]
    speaker: Option<String>,
    /// Only meetings of this body (committee, council, board).
    #[arg(long)]
    body: Option<String>,
    /// Only meetings on or after this date (YYYY-MM-DD).
    #[arg(long)]
    since: Option<String>,
    /// Only meetings on or before this date (YYYY-MM-DD).
    #[arg(long)]
    until: Option<String>,
    /// Only records of this kind (repeat or comma-separate for several).
    #[arg(long, value_enum, value_delimiter = ',')]
    kind: Vec<Kind>,
    /// At most this many hits.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Print one JSON array of hits.
    #[arg(long, conflicts_with = "ndjson")]
    json: bool,
    /// Print one JSON object per hit per line.
    #[arg(long)]
    ndjson: bool,
}

/// Run a search subcommand.
pub fn run(cmd: SearchCommand) -> Result<ExitCode, String> {
    match cmd {
        SearchCommand::Index(a) => index(a),
        SearchCommand::Search(a) => search(a),
    }
}

/// What became of one input file.
enum Outcome {
    /// Already indexed with the same content.
    Unchanged { id: String },
    /// Parsed: records to write.
    Parsed { key: String, id: String, records: Vec<Record> },
    /// Could not be read or parsed.
    Failed(String),
}

fn index(a: IndexArgs) -> Result<ExitCode, String> {
    let start = Instant::now();
    let idx = SearchIndex::open_or_create(&a.index).map_err(|e| e.to_string())?;
    let mut failures = 0usize;
    let mut files = Vec::new();
    for p in &a.paths {
        if let Err(e) = collect(Path::new(p), true, &mut files) {
            eprintln_err(&format!("{p}: {e}"));
            failures += 1;
        }
    }
    // Never index the index itself.
    let index_dir = a.index.canonicalize().ok();
    files.retain(|f| index_dir.as_ref().is_none_or(|d| !f.canonicalize().is_ok_and(|c| c.starts_with(d))));

    let bar = if a.quiet || !io::stderr().is_terminal() {
        ProgressBar::hidden()
    } else {
        let b = ProgressBar::new(files.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} files, {elapsed} {wide_msg}") {
            b.set_style(style);
        }
        b
    };
    let mut writer = idx.writer().map_err(|e| e.to_string())?;
    let (mut written, mut unchanged, mut duplicates, mut nrecords, mut bytes) = (0usize, 0usize, 0usize, 0usize, 0u64);
    let mut seen: HashSet<String> = HashSet::new();
    let (tx, rx) = mpsc::sync_channel::<(PathBuf, u64, Outcome)>(64);
    std::thread::scope(|s| -> Result<(), String> {
        let idx = &idx;
        let files = &files;
        s.spawn(move || {
            files.par_iter().for_each_with(tx, |tx, f| {
                let size = f.metadata().map(|m| m.len()).unwrap_or(0);
                let _ = tx.send((f.clone(), size, process(idx, f)));
            });
        });
        for (f, size, outcome) in rx {
            bar.inc(1);
            bytes += size;
            match outcome {
                Outcome::Unchanged { id } => {
                    unchanged += 1;
                    seen.insert(id);
                }
                Outcome::Parsed { key, id, records } => {
                    if !seen.insert(id.clone()) {
                        duplicates += 1;
                        continue;
                    }
                    writer.replace(&key, &id, &records).map_err(|e| e.to_string())?;
                    written += 1;
                    nrecords += records.len();
                }
                Outcome::Failed(msg) => {
                    failures += 1;
                    bar.suspend(|| eprintln_err(&format!("{}: {msg}", f.display())));
                }
            }
        }
        Ok(())
    })?;
    bar.set_message("committing");
    writer.commit().map_err(|e| e.to_string())?;
    bar.finish_and_clear();
    if !a.quiet {
        let secs = start.elapsed().as_secs_f64();
        eprintln_err(&format!(
            "indexed {written} documents ({nrecords} records), {unchanged} unchanged, {duplicates} duplicates, {failures} errors; {} files, {:.1} MB in {secs:.1} s; {} records in {}",
            files.len(),
            bytes as f64 / 1e6,
            idx.num_records(),
            a.index.display()
        ));
    }
    Ok(if failures > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Files to index under `p`: a file given by name is always taken; in directories only
/// known extensions, skipping hidden entries and `.gold.json` annotations.
fn collect(p: &Path, explicit: bool, out: &mut Vec<PathBuf>) -> io::Result<()> {
    let meta = std::fs::metadata(p)?;
    if meta.is_file() {
        if explicit || wanted(p) {
            out.push(p.to_path_buf());
        }
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(p)?.flatten().map(|e| e.path()).collect();
    entries.sort();
    for e in entries {
        let hidden = e.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if !hidden {
            collect(&e, false, out)?;
        }
    }
    Ok(())
}

fn wanted(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_lowercase();
    if name.ends_with(".gold.json") {
        return false;
    }
    let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    INDEXED_EXTENSIONS.contains(&ext)
}

/// Read, skip when unchanged, else parse and flatten one file. Runs on the rayon pool.
fn process(idx: &SearchIndex, f: &Path) -> Outcome {
    let path = f.to_string_lossy().into_owned();
    let bytes = match std::fs::read(f) {
        Ok(b) => b,
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    let is_json = f.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let (doc, text) = if is_json {
        match from_json(&bytes) {
            Ok(x) => x,
            Err(e) => return Outcome::Failed(e),
        }
    } else {
        let id = minutes::document_id(&bytes);
        match idx.contains(&path, &id) {
            Ok(true) => return Outcome::Unchanged { id },
            Ok(false) => {}
            Err(e) => return Outcome::Failed(e.to_string()),
        }
        match parse(&path, &bytes) {
            Ok(mut doc) => {
                let text = doc.source.text.take();
                (doc, text)
            }
            Err(e) => return Outcome::Failed(e),
        }
    };
    // A JSON document points back at its source: records are keyed and located by it.
    let key =
        if is_json && !doc.source.path.is_empty() && doc.source.path != "-" { doc.source.path.clone() } else { path };
    if is_json {
        match idx.contains(&key, &doc.id) {
            Ok(true) => return Outcome::Unchanged { id: doc.id },
            Ok(false) => {}
            Err(e) => return Outcome::Failed(e.to_string()),
        }
    }
    let mut doc = doc;
    doc.source.path = key.clone();
    let records = records(&doc, text.as_deref());
    Outcome::Parsed { key, id: doc.id, records }
}

fn parse(path: &str, bytes: &[u8]) -> Result<Document, String> {
    let opts = Options { with_text: true, path: path.to_string() };
    let format = minutes::decode::sniff(bytes, Some(path));
    if format == Format::Pdf {
        let text = pdf::pdf_text(path, bytes)?;
        return Ok(minutes::parse_pdf_text(bytes, text, &opts));
    }
    let dopts = DecodeOptions { format: Some(format), name_hint: Some(path.to_string()) };
    minutes::parse_bytes(bytes, &dopts, &opts).map_err(|e| e.to_string())
}

/// A minutes/1 JSON document and the text its spans point into: `source.text` when stored,
/// else the source file itself when it is still there unchanged and is text or Markdown
/// (whose spans point into the file's own bytes).
fn from_json(bytes: &[u8]) -> Result<(Document, Option<String>), String> {
    let mut doc: Document = serde_json::from_slice(bytes).map_err(|e| format!("not a minutes/1 document: {e}"))?;
    let text = doc.source.text.take().or_else(|| {
        if !matches!(doc.source.format, Format::Text | Format::Markdown) {
            return None;
        }
        let src = std::fs::read(&doc.source.path).ok()?;
        (minutes::document_id(&src) == doc.id).then(|| String::from_utf8(src).ok()).flatten()
    });
    Ok((doc, text))
}

fn search(a: SearchArgs) -> Result<ExitCode, String> {
    let idx = SearchIndex::open(&a.index).map_err(|e| e.to_string())?;
    let kinds = a
        .kind
        .iter()
        .map(|k| match k {
            Kind::Item => RecordKind::Item,
            Kind::Paragraph => RecordKind::Paragraph,
            Kind::Resolution => RecordKind::Resolution,
            Kind::Action => RecordKind::Action,
        })
        .collect();
    let q = SearchQuery {
        text: a.query.clone(),
        speaker: a.speaker.clone(),
        body: a.body.clone(),
        since: a.since.clone(),
        until: a.until.clone(),
        kinds,
        limit: a.limit,
    };
    let hits = idx.search(&q).map_err(|e| e.to_string())?;
    let out = if a.json {
        let arr: Vec<_> = hits.iter().map(hit_json).collect();
        let mut s = serde_json::to_string_pretty(&arr).expect("json values serialize");
        s.push('\n');
        s
    } else if a.ndjson {
        hits.iter().map(|h| format!("{}\n", hit_json(h))).collect()
    } else {
        if hits.is_empty() {
            eprintln_err("no hits");
        }
        let color = io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        hits.iter().enumerate().map(|(i, h)| render(i + 1, h, color)).collect()
    };
    crate::emit(&out)
}

/// One hit for people: a heading line, the snippet, and `path:line`.
fn render(rank: usize, h: &Hit, color: bool) -> String {
    let r = &h.record;
    let (b, hl, dim, off) = if color { ("\x1b[1m", "\x1b[1;31m", "\x1b[2m", "\x1b[0m") } else { ("", "**", "", "**") };
    let plain_off = if color { off } else { "" };
    let mut head = Vec::new();
    head.push(r.body.clone().unwrap_or_else(|| "(no body)".into()));
    head.push(r.date.clone().unwrap_or_else(|| "(no date)".into()));
    let item = match (&r.item_number, &r.item_title) {
        (Some(n), Some(t)) => format!("item {n}: {t}"),
        (None, Some(t)) => format!("item: {t}"),
        (Some(n), None) => format!("item {n}"),
        (None, None) => "(untitled item)".into(),
    };
    head.push(item);
    let mut extra = r.kind.name().to_string();
    if !r.speakers.is_empty() {
        extra.push_str(&format!("; {}", r.speakers.join(", ")));
    }
    let mut snippet = String::new();
    let frag = h.snippet.fragment.replace(['\n', '\r', '\t'], " ");
    let mut at = 0;
    for range in &h.snippet.highlights {
        if range.start < at || range.end > frag.len() {
            continue;
        }
        snippet.push_str(&frag[at..range.start]);
        snippet.push_str(hl);
        snippet.push_str(&frag[range.clone()]);
        snippet.push_str(off);
        at = range.end;
    }
    snippet.push_str(&frag[at..]);
    let loc = match r.line {
        Some(l) => format!("{}:{l}", r.path),
        None => r.path.clone(),
    };
    format!("{rank}. {b}{}{plain_off} [{extra}]\n   {snippet}\n   {dim}{loc}{plain_off}\n\n", head.join(" · "))
}

/// One hit for tools.
fn hit_json(h: &Hit) -> serde_json::Value {
    let r = &h.record;
    json!({
        "score": h.score,
        "path": r.path,
        "line": r.line,
        "doc": r.doc_id,
        "kind": r.kind.name(),
        "element": r.element,
        "body": r.body,
        "date": r.date,
        "item": { "number": r.item_number, "title": r.item_title },
        "text": r.text,
        "snippet": {
            "fragment": h.snippet.fragment,
            "highlights": h.snippet.highlights.iter().map(|x| [x.start, x.end]).collect::<Vec<_>>(),
        },
        "speakers": r.speakers,
        "roles": r.roles,
        "decision": r.resolution_kind,
        "vote": r.vote_result,
        "owners": r.owners,
        "due": r.due,
        "span": { "start": r.span.start, "end": r.span.end },
    })
}

#[allow(clippy::print_stderr)]
fn eprintln_err(msg: &str) {
    eprintln!("minutes: {msg}");
}
