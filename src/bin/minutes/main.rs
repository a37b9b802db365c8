//! The `minutes` command: arguments, files, exit codes. All I/O and policy live here; the
//! library stays silent.

use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use minutes::decode::DecodeOptions;
use minutes::{Format, Options};

mod batch;
mod export;
mod followups;
mod inputs;
#[cfg(feature = "postgres")]
mod load;
mod pdf;
#[cfg(feature = "search")]
mod search;

#[derive(Parser)]
#[command(name = "minutes", version, about = "Turn meeting minutes into structured JSON (minutes/1)")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFormat {
    Text,
    Html,
    Markdown,
    Pdf,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum OutputFormat {
    Json,
    Outline,
    Md,
}

#[derive(Subcommand)]
enum Command {
    /// Parse documents (paths, directories, globs, or - for stdin) and print or write their JSON.
    Parse {
        /// The documents: files, directories (recursive) and quoted glob patterns.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Print compact JSON on one line.
        #[arg(long)]
        compact: bool,
        /// Include the decoded text the spans point into as source.text.
        #[arg(long)]
        with_text: bool,
        /// Read the input as this format instead of sniffing it.
        #[arg(long = "input-format", value_enum)]
        input_format: Option<InputFormat>,
        /// What to print: the JSON document, a readable outline, or Markdown (md).
        #[arg(long, value_enum, default_value = "json")]
        format: OutputFormat,
        #[command(flatten)]
        batch: BatchArgs,
    },
    /// Print the JSON Schema of the output, generated from the model types.
    Schema,
    /// Validate minutes/1 JSON or NDJSON files: shape, codes and invariants (spans need source.text).
    Check {
        /// JSON files produced by `minutes parse`, or NDJSON files from `parse --ndjson`.
        #[arg(required = true)]
        files: Vec<String>,
    },
    /// Parse documents and load them into PostgreSQL (see README "PostgreSQL").
    #[cfg(feature = "postgres")]
    Load(load::LoadArgs),
    /// Write the rows `load` would write as OpenSearch bulk, NDJSON or CSV files.
    Export(export::ExportArgs),
    /// Track actions and deferrals across meetings of the same body; print a report.
    Followups(followups::Args),
    #[cfg(feature = "search")]
    #[command(flatten)]
    Search(search::SearchCommand),
}

/// Options of `parse` over many inputs (see `batch.rs`).
#[derive(clap::Args)]
struct BatchArgs {
    /// Write one .json per input under DIR, mirroring the input tree.
    #[arg(long, value_name = "DIR", conflicts_with = "ndjson")]
    out: Option<std::path::PathBuf>,
    /// Print one compact document per line, in sorted input order.
    #[arg(long)]
    ndjson: bool,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// No progress bar and no summary.
    #[arg(long, short)]
    quiet: bool,
    /// With --out: skip inputs unchanged since the last run (manifest in DIR).
    #[arg(long, requires = "out")]
    incremental: bool,
}

impl BatchArgs {
    fn any(&self) -> bool {
        self.out.is_some() || self.ndjson || self.jobs.is_some() || self.incremental
    }
}

fn read_input(path: &str) -> io::Result<Vec<u8>> {
    if path == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        if Path::new(path).is_dir() {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "is a directory"));
        }
        std::fs::read(path)
    }
}

/// Parse one file into a document, or an error message for stderr.
pub(crate) fn parse_file(path: &str, format: Option<Format>, with_text: bool) -> Result<minutes::Document, String> {
    let bytes = read_input(path).map_err(|e| format!("{path}: {e}"))?;
    let opts = Options { with_text, path: path.to_string() };
    let name_hint = (path != "-").then(|| path.to_string());
    let format = format.unwrap_or_else(|| minutes::decode::sniff(&bytes, name_hint.as_deref()));
    if format == Format::Pdf {
        let text = pdf::pdf_text(path, &bytes).map_err(|e| format!("{path}: {e}"))?;
        return Ok(minutes::parse_pdf_text(&bytes, text, &opts));
    }
    let dopts = DecodeOptions { format: Some(format), name_hint };
    minutes::parse_bytes(&bytes, &dopts, &opts).map_err(|e| format!("{path}: {e}"))
}

fn write_out(s: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(s.as_bytes())?;
    out.flush()
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Command::Parse { paths, compact, with_text, input_format, format, batch } => {
            let fmt = input_format.map(|f| match f {
                InputFormat::Text => Format::Text,
                InputFormat::Html => Format::Html,
                InputFormat::Markdown => Format::Markdown,
                InputFormat::Pdf => Format::Pdf,
            });
            // One file and no batch option: today's behaviour (one pretty document on stdout).
            let is_many = |p: &str| Path::new(p).is_dir() || !Path::new(p).exists() && p.contains(['*', '?', '[']);
            let single = paths.len() == 1 && !batch.any() && !is_many(&paths[0]);
            if !single {
                if format == OutputFormat::Outline {
                    return Err("--format outline takes one file".into());
                }
                let cfg = batch::Config {
                    inputs: paths,
                    out: batch.out,
                    compact,
                    with_text,
                    format: fmt,
                    jobs: batch.jobs.map(usize::from),
                    quiet: batch.quiet,
                    incremental: batch.incremental,
                };
                return batch::run(cfg).map(ExitCode::from);
            }
            let path = &paths[0];
            let doc = parse_file(path, fmt, with_text)?;
            let s = match format {
                OutputFormat::Json => minutes::emit::json(&doc, !compact),
                OutputFormat::Outline => minutes::emit::outline::render(&doc),
                OutputFormat::Md => minutes::emit::markdown::render(&doc),
            };
            emit(&s)
        }
        Command::Schema => emit(&minutes::emit::schema()),
        Command::Followups(args) => emit(&followups::run(&args)?),
        Command::Check { files } => {
            let mut bad = 0;
            for f in &files {
                for (at, problems, with_text) in check_file(f) {
                    if problems.is_empty() {
                        let note =
                            if with_text { "" } else { " (structure only: no source.text to check spans against)" };
                        emit(&format!("{at}: ok{note}\n"))?;
                    } else {
                        bad += 1;
                        for p in problems {
                            emit(&format!("{at}: {p}\n"))?;
                        }
                    }
                }
            }
            Ok(if bad > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        #[cfg(feature = "postgres")]
        Command::Load(args) => load::run(args),
        Command::Export(args) => export::run(args),
        #[cfg(feature = "search")]
        Command::Search(cmd) => search::run(cmd),
    }
}

/// One checked document: where (`FILE`, or `FILE:LINE` in NDJSON), its problems (empty:
/// valid), and whether its spans could be checked against `source.text`.
type Checked = (String, Vec<String>, bool);

/// Check a stored `.json` document, or every line of an NDJSON file (`parse --ndjson`).
fn check_file(f: &str) -> Vec<Checked> {
    let bytes = match std::fs::read(f) {
        Ok(b) => b,
        Err(e) => return vec![(f.to_string(), vec![format!("cannot read: {e}")], false)],
    };
    let one = |at: String, value: serde_json::Value| -> Checked {
        if let Some(err) = value.get("error").filter(|_| value.get("schema").is_none()) {
            return (at, vec![format!("error record, no document: {err}")], false);
        }
        let with_text = value.pointer("/source/text").is_some_and(serde_json::Value::is_string);
        (at, minutes::check::check_json(&value), with_text)
    };
    match serde_json::from_slice::<serde_json::Value>(&bytes) {
        Ok(v) => vec![one(f.to_string(), v)],
        Err(e) => {
            let text = String::from_utf8_lossy(&bytes);
            let lines: Vec<(usize, &str)> =
                text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).map(|(i, l)| (i + 1, l)).collect();
            if lines.len() < 2 {
                return vec![(f.to_string(), vec![format!("not JSON: {e}")], false)];
            }
            lines
                .into_iter()
                .map(|(n, l)| match serde_json::from_str(l) {
                    Ok(v) => one(format!("{f}:{n}"), v),
                    Err(e) => (format!("{f}:{n}"), vec![format!("not JSON: {e}")], false),
                })
                .collect()
        }
    }
}

/// Write to stdout; a closed pipe (`minutes parse x | head`) is success, not an error.
fn emit(s: &str) -> Result<ExitCode, String> {
    match write_out(s) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(format!("cannot write output: {e}")),
    }
}

#[allow(clippy::print_stderr)]
fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("minutes: {msg}");
            ExitCode::from(2)
        }
    }
}
