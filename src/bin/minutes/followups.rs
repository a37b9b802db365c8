//! `minutes followups PATHS...`: parse many meetings (or read their minutes/1 JSON), track
//! follow-ups across each body's meetings, print Markdown (default), HTML or JSON.

use std::path::Path;

use clap::Args as ClapArgs;
use minutes::followup::{self, Digest, Options};
use rayon::prelude::*;

/// Arguments of `minutes followups`.
#[derive(ClapArgs)]
pub struct Args {
    /// Minutes files, minutes/1 JSON files, or directories (searched recursively for .txt,
    /// .md, .html, .htm, .pdf and .json).
    #[arg(required = true)]
    paths: Vec<String>,
    /// Print the report as JSON.
    #[arg(long, conflicts_with = "html")]
    json: bool,
    /// Print the report as an HTML page.
    #[arg(long)]
    html: bool,
    /// Treat every input as a meeting of this body (instead of meeting.body / the path).
    #[arg(long)]
    body: Option<String>,
}

const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "pdf", "json"];

fn collect(path: &str, out: &mut Vec<String>) {
    let p = Path::new(path);
    if !p.is_dir() {
        out.push(path.to_string());
        return;
    }
    let mut entries: Vec<String> = match std::fs::read_dir(p) {
        Ok(rd) => rd.flatten().map(|e| e.path().to_string_lossy().into_owned()).collect(),
        Err(_) => return,
    };
    entries.sort();
    for e in entries {
        let ep = Path::new(&e);
        let wanted = ep.is_dir()
            || ep
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()));
        let name = ep.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if wanted && !name.starts_with('.') && !name.ends_with(".gold.json") {
            collect(&e, out);
        }
    }
}

/// Parse (or read) one input and keep only its [`Digest`]: the document is dropped here, so a
/// whole archive is never held in memory at once.
fn load(path: &str) -> Result<Digest, String> {
    let doc = if path.ends_with(".json") {
        let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
        serde_json::from_slice(&bytes).map_err(|e| format!("{path}: not a minutes/1 document: {e}"))?
    } else {
        crate::parse_file(path, None, true)?
    };
    Ok(Digest::new(path.to_string(), &doc))
}

/// Run the command; returns the text to print. Unreadable inputs are reported on stderr and
/// skipped; no readable input at all is an error.
#[allow(clippy::print_stderr)]
pub fn run(args: &Args) -> Result<String, String> {
    let mut files = Vec::new();
    for p in &args.paths {
        collect(p, &mut files);
    }
    let loaded: Vec<Result<Digest, String>> = files.par_iter().map(|f| load(f)).collect();
    let mut digests = Vec::new();
    for r in loaded {
        match r {
            Ok(d) => digests.push(d),
            Err(e) => eprintln!("minutes: skipping {e}"),
        }
    }
    if digests.is_empty() {
        return Err("followups: no readable input".into());
    }
    let report = followup::track_digests(digests, &Options { body: args.body.clone() });
    Ok(if args.json {
        followup::report::json(&report)
    } else if args.html {
        followup::report::html(&report)
    } else {
        followup::report::markdown(&report)
    })
}
