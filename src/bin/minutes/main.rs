//! The `minutes` command: arguments, files, exit codes. All I/O and policy live here; the
//! library stays silent.

use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use minutes::decode::DecodeOptions;
use minutes::{Format, Options};

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
}

#[derive(Subcommand)]
enum Command {
    /// Parse one document (a path, or - for stdin) and print its JSON.
    Parse {
        /// The document to parse.
        path: String,
        /// Print compact JSON on one line.
        #[arg(long)]
        compact: bool,
        /// Include the decoded text the spans point into as source.text.
        #[arg(long)]
        with_text: bool,
        /// Read the input as this format instead of sniffing it.
        #[arg(long = "input-format", value_enum)]
        input_format: Option<InputFormat>,
        /// What to print: the JSON document or a readable outline.
        #[arg(long, value_enum, default_value = "json")]
        format: OutputFormat,
    },
    /// Print the JSON Schema of the output, generated from the model types.
    Schema,
    /// Validate minutes/1 JSON files: schema shape and invariants (spans need source.text).
    Check {
        /// JSON files produced by `minutes parse`.
        files: Vec<String>,
    },
    #[cfg(feature = "search")]
    #[command(flatten)]
    Search(search::SearchCommand),
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
fn parse_file(path: &str, format: Option<Format>, with_text: bool) -> Result<minutes::Document, String> {
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
        Command::Parse { path, compact, with_text, input_format, format } => {
            let fmt = input_format.map(|f| match f {
                InputFormat::Text => Format::Text,
                InputFormat::Html => Format::Html,
                InputFormat::Markdown => Format::Markdown,
                InputFormat::Pdf => Format::Pdf,
            });
            let doc = parse_file(&path, fmt, with_text)?;
            let s = match format {
                OutputFormat::Json => minutes::emit::json(&doc, !compact),
                OutputFormat::Outline => minutes::emit::outline::render(&doc),
            };
            emit(&s)
        }
        Command::Schema => emit(&minutes::emit::schema()),
        Command::Check { files } => {
            let mut bad = 0;
            for f in &files {
                let problems = check_file(f);
                if problems.is_empty() {
                    emit(&format!("{f}: ok\n"))?;
                } else {
                    bad += 1;
                    for p in problems {
                        emit(&format!("{f}: {p}\n"))?;
                    }
                }
            }
            Ok(if bad > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        #[cfg(feature = "search")]
        Command::Search(cmd) => search::run(cmd),
    }
}

fn check_file(f: &str) -> Vec<String> {
    let bytes = match std::fs::read(f) {
        Ok(b) => b,
        Err(e) => return vec![format!("cannot read: {e}")],
    };
    let doc: minutes::Document = match serde_json::from_slice(&bytes) {
        Ok(d) => d,
        Err(e) => return vec![format!("not a minutes/1 document: {e}")],
    };
    minutes::check::check(&doc, doc.source.text.as_deref())
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
