//! Issue 3: every file of `../shared/corpus/bulk` (about 2,500 files, 70 MB of text, Markdown,
//! HTML and PDF) parses without a panic and keeps every invariant of `check.rs`. Text,
//! Markdown and HTML are parsed in-process on all cores; PDFs go through the binary in one
//! batch (`pdftotext`, as `minutes parse` does), whose outputs are checked with `source.text`.
//! Skipped, with a message, when `../shared` is absent.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use minutes::decode::DecodeOptions;
use minutes::Options;

use crate::util::{bin, shared_corpus};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if e.file_type().is_ok_and(|t| t.is_dir()) {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn every_bulk_document_parses_and_keeps_the_invariants() {
    let Some(shared) = shared_corpus() else {
        eprintln!("skipping: ../shared/corpus not present");
        return;
    };
    let started = std::time::Instant::now();
    let mut all = Vec::new();
    walk(&shared.join("bulk"), &mut all);
    all.sort();
    let ext = |p: &Path| p.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let (pdfs, docs): (Vec<PathBuf>, Vec<PathBuf>) = all
        .into_iter()
        .filter(|p| matches!(ext(p).as_str(), "txt" | "md" | "html" | "htm" | "pdf"))
        .partition(|p| ext(p) == "pdf");
    assert!(docs.len() > 100, "bulk holds text, Markdown and HTML");

    // PDFs: one batch of the binary in the background while this process parses the rest.
    let pdf_run = (!pdfs.is_empty()).then(|| {
        Command::new(bin())
            .args(["parse", "--ndjson", "--with-text", "--quiet"])
            .args(&pdfs)
            .output()
            .expect("run minutes")
    });

    let failures = Mutex::new(Vec::new());
    let next = AtomicUsize::new(0);
    let bytes = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = docs.get(i) else { break };
                let data = std::fs::read(path).expect("read bulk file");
                bytes.fetch_add(data.len(), Ordering::Relaxed);
                let name = path.to_string_lossy().into_owned();
                let opts = Options { with_text: true, path: name.clone() };
                let dopts = DecodeOptions { format: None, name_hint: Some(name.clone()) };
                let parsed = std::panic::catch_unwind(|| minutes::parse_bytes(&data, &dopts, &opts));
                let problems = match parsed {
                    Err(_) => vec!["panicked".to_string()],
                    Ok(Err(e)) => vec![format!("error: {e}")],
                    Ok(Ok(doc)) => minutes::check::check(&doc, doc.source.text.as_deref()),
                };
                if !problems.is_empty() {
                    failures.lock().unwrap().push(format!("{name}: {}", problems.join("; ")));
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap();

    let mut pdf_docs = 0;
    if let Some(out) = pdf_run {
        // Exit 1 is allowed: a PDF pdftotext cannot read is an error record, not a crash.
        assert!(matches!(out.status.code(), Some(0 | 1)), "{}", String::from_utf8_lossy(&out.stderr));
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("ndjson");
            if let Some(e) = v.get("error") {
                let reason = e["reason"].as_str().unwrap_or("");
                assert!(reason.contains("pdftotext") && !reason.contains("panicked"), "{e}");
                eprintln!("bulk: {} not read: {reason}", e["path"]);
                continue;
            }
            pdf_docs += 1;
            for p in minutes::check::check_json(&v) {
                failures.push(format!("{}: {p}", v["source"]["path"]));
            }
        }
    }
    eprintln!(
        "bulk: {} text/Markdown/HTML files ({:.1} MB) and {pdf_docs} of {} PDFs checked in {:.1}s",
        docs.len(),
        bytes.load(Ordering::Relaxed) as f64 / 1e6,
        pdfs.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
