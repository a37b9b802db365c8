//! Shared helpers: corpus discovery, parsing a file the way the binary does, running the binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use minutes::decode::DecodeOptions;
use minutes::{Document, Options};

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/corpus`, when present (CI has it beside the checkout).
pub fn shared_corpus() -> Option<PathBuf> {
    let p = root().join("../shared/corpus");
    p.is_dir().then_some(p)
}

/// Every file under `dir`, sorted, skipping gold annotations and READMEs.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.retain(|p| {
        let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        !n.ends_with(".gold.json") && !n.ends_with(".md") || is_corpus_markdown(p)
    });
    out.retain(|p| {
        let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        !matches!(n, "README.md" | "GOLD.md" | "SOURCES.tsv")
    });
    out.sort();
    out
}

fn is_corpus_markdown(p: &Path) -> bool {
    let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    n.ends_with(".md") && !matches!(n, "README.md" | "GOLD.md")
}

/// The binary's path (built by cargo for integration tests).
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_minutes"))
}

/// Run the binary with `args`.
pub fn run(args: &[&str]) -> Output {
    Command::new(bin()).args(args).output().expect("run minutes")
}

/// Parse a text/Markdown/HTML file in-process with `source.text` included.
/// PDF files go through the binary (pdftotext); returns None when that is unavailable.
pub fn parse_file(path: &Path) -> Option<Document> {
    let bytes = std::fs::read(path).expect("read corpus file");
    // Record the path relative to the project root, so snapshots hold the same path in any
    // checkout (CI clones elsewhere).
    let name = rel(path, &root());
    let fmt = minutes::decode::sniff(&bytes, Some(&name));
    if fmt == minutes::Format::Pdf {
        let out = Command::new(bin()).args(["parse", "--with-text", &name]).current_dir(root()).output().expect("run");
        if !out.status.success() {
            return None;
        }
        return Some(serde_json::from_slice(&out.stdout).expect("json"));
    }
    let opts = Options { with_text: true, path: name.clone() };
    Some(minutes::parse_bytes(&bytes, &DecodeOptions { format: None, name_hint: Some(name) }, &opts).expect("parse"))
}

/// A path relative to a base, with `/` separators, for snapshot names.
pub fn rel(path: &Path, base: &Path) -> String {
    path.strip_prefix(base).unwrap_or(path).to_string_lossy().replace('\\', "/")
}
