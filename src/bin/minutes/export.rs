//! `minutes export`: the rows `minutes load` writes, as files for other tools: OpenSearch /
//! Elasticsearch `_bulk` NDJSON, plain NDJSON (one row per line with its table), or one CSV
//! file per table that `psql \copy ... (FORMAT csv, HEADER)` reads.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use minutes::emit::records::{self, TABLES};

use crate::inputs;

/// Export formats.
#[derive(Clone, Copy, ValueEnum, PartialEq)]
pub enum ExportFormat {
    /// `_bulk` request body: an index action line then the row, `_id` = document id + element id.
    OpensearchBulk,
    /// One JSON object per row, with a `table` field.
    Ndjson,
    /// One CSV file per table (`--out DIR` required), header row, every text value quoted.
    Csv,
}

/// Arguments of `minutes export`.
#[derive(Args)]
pub struct ExportArgs {
    /// What to write.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Documents (text, Markdown, HTML, PDF, or minutes/1 .json) or directories of them.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// Directory to write into (created if absent): `bulk.ndjson`, `rows.ndjson` or
    /// `TABLE.csv`. Without it, bulk and NDJSON go to stdout.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Index names are `PREFIX-TABLE` in the bulk format.
    #[arg(long, default_value = "minutes")]
    pub index_prefix: String,
}

/// Where the text goes: stdout or one file.
enum Sink {
    Stdout,
    File(std::io::BufWriter<std::fs::File>, PathBuf),
}

impl Sink {
    fn write(&mut self, s: &str) -> Result<(), String> {
        match self {
            Sink::Stdout => crate::emit(s).map(|_| ()),
            Sink::File(w, p) => w.write_all(s.as_bytes()).map_err(|e| format!("{}: {e}", p.display())),
        }
    }

    fn finish(self) -> Result<(), String> {
        match self {
            Sink::Stdout => Ok(()),
            Sink::File(mut w, p) => w.flush().map_err(|e| format!("{}: {e}", p.display())),
        }
    }
}

fn create(dir: &Path, name: &str) -> Result<Sink, String> {
    let p = dir.join(name);
    let f = std::fs::File::create(&p).map_err(|e| format!("{}: {e}", p.display()))?;
    Ok(Sink::File(std::io::BufWriter::new(f), p))
}

/// Run `minutes export`.
#[allow(clippy::print_stderr)]
pub fn run(args: ExportArgs) -> Result<ExitCode, String> {
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let mut sinks: Vec<Sink> = match (&args.out, args.format) {
        (None, ExportFormat::Csv) => return Err("--format csv writes one file per table: give --out DIR".into()),
        (None, _) => vec![Sink::Stdout],
        (Some(dir), ExportFormat::Csv) => TABLES
            .iter()
            .map(|t| {
                let mut s = create(dir, &format!("{}.csv", t.name))?;
                s.write(&records::csv_header(t))?;
                Ok(s)
            })
            .collect::<Result<_, String>>()?,
        (Some(dir), ExportFormat::OpensearchBulk) => vec![create(dir, "bulk.ndjson")?],
        (Some(dir), ExportFormat::Ndjson) => vec![create(dir, "rows.ndjson")?],
    };
    let files = inputs::expand(&args.paths);
    let (mut done, mut failed) = (0usize, 0usize);
    for chunk in files.chunks(64) {
        for (_, res) in inputs::flatten_all(chunk) {
            let r = match res {
                Ok(r) => r,
                Err(e) => {
                    failed += 1;
                    eprintln!("minutes: failed: {e}");
                    continue;
                }
            };
            done += 1;
            match args.format {
                ExportFormat::Csv => {
                    for (t, sink) in r.tables.iter().zip(sinks.iter_mut()) {
                        let mut s = String::new();
                        for row in &t.rows {
                            records::csv_line(row, &mut s);
                        }
                        sink.write(&s)?;
                    }
                }
                ExportFormat::Ndjson => {
                    let mut s = String::new();
                    records::ndjson_lines(&r, &mut s);
                    sinks[0].write(&s)?;
                }
                ExportFormat::OpensearchBulk => {
                    let mut s = String::new();
                    records::bulk_lines(&r, &args.index_prefix, &mut s);
                    sinks[0].write(&s)?;
                }
            }
        }
    }
    for s in sinks {
        s.finish()?;
    }
    eprintln!("minutes: exported {done}, failed {failed}");
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
