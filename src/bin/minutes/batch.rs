//! `minutes parse` over many inputs: paths, directories (recursive) and globs, converted in
//! parallel (rayon) into one `.json` per input (`--out DIR`, mirroring the input tree) or one
//! compact document per line on stdout (`--ndjson`, in sorted input order).
//!
//! Output is byte-identical whatever the thread count or the order the inputs were listed in:
//! inputs are sorted, and results are collected in input order through a bounded reordering
//! window, so memory stays bounded by the largest documents in flight, not by the archive.
//! A file that cannot be read becomes an error record; it never stops the other files.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use minutes::decode::DecodeOptions;
use minutes::{Document, Format, Options};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::pdf;

/// The manifest `--incremental` keeps in the output folder.
pub const MANIFEST: &str = ".minutes-manifest.json";

/// Extensions picked up when walking a directory (explicit files are always taken).
const WALK_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm", "xhtml", "pdf"];

/// Set by Ctrl-C (SIGINT) or SIGTERM: no new input is started, the ones in flight finish (so
/// every output written is complete) and the run stops with exit status 130.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Exit status after an interruption (128 + SIGINT, as shells report it).
const EXIT_INTERRUPTED: u8 = 130;

/// Catch SIGINT and SIGTERM for a graceful stop; a second signal exits at once.
fn install_interrupt_handler() {
    // Fails only if a handler is already installed, which is then the one in charge.
    let _ = ctrlc::set_handler(|| {
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            std::process::exit(i32::from(EXIT_INTERRUPTED));
        }
    });
}

/// What the batch run was asked to do.
pub struct Config {
    /// The arguments: paths, directories, glob patterns.
    pub inputs: Vec<String>,
    /// Write one `.json` per input under this folder.
    pub out: Option<PathBuf>,
    /// Compact JSON (always for ndjson).
    pub compact: bool,
    /// Include `source.text`.
    pub with_text: bool,
    /// Forced input format.
    pub format: Option<Format>,
    /// Worker threads (None: all cores).
    pub jobs: Option<usize>,
    /// No progress bar, no summary.
    pub quiet: bool,
    /// Skip inputs whose bytes are unchanged since the last run (needs `out`).
    pub incremental: bool,
}

/// One input file: the path as shown and recorded in `source.path`, and where its output goes
/// relative to the output folder.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Input {
    path: String,
    rel: String,
}

/// Counts for the summary of one document.
#[derive(Default)]
struct Stats {
    items: usize,
    resolutions: usize,
    actions: usize,
    diagnostics: BTreeMap<String, usize>,
}

enum Outcome {
    Done { json: String, stats: Stats, sha256: Option<String> },
    Skipped,
    Failed { reason: String },
}

struct Finished {
    outcome: Outcome,
    bytes: u64,
}

#[derive(Default, Serialize, Deserialize)]
struct Manifest {
    /// `minutes` version and output options: a change re-parses everything.
    tool: String,
    /// Input path relative to the base → its state.
    files: BTreeMap<String, ManifestEntry>,
}

#[derive(Clone, Serialize, Deserialize)]
struct ManifestEntry {
    sha256: String,
    output: String,
}

/// Shared, read-only state of the workers.
struct Shared {
    cfg_compact: bool,
    with_text: bool,
    format: Option<Format>,
    out: Option<PathBuf>,
    incremental: bool,
    previous: Option<Manifest>,
    tool: String,
}

/// Run a batch. `Err` is a usage or fatal error (exit status 2); otherwise 0 when every file
/// was converted (or skipped), 1 when some failed.
#[allow(clippy::print_stderr)]
pub fn run(cfg: Config) -> Result<u8, String> {
    if cfg.incremental && cfg.out.is_none() {
        return Err("--incremental needs --out DIR".into());
    }
    let (inputs, missing) = expand(&cfg.inputs)?;
    let jobs = cfg.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let tool = format!(
        "minutes {} compact={} with_text={} format={:?}",
        env!("CARGO_PKG_VERSION"),
        cfg.compact,
        cfg.with_text,
        cfg.format
    );
    let previous = match (&cfg.out, cfg.incremental) {
        (Some(out), true) => read_manifest(&out.join(MANIFEST)).filter(|m| m.tool == tool),
        _ => None,
    };
    if let Some(out) = &cfg.out {
        fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    }
    let shared = Arc::new(Shared {
        cfg_compact: cfg.compact || cfg.out.is_none(),
        with_text: cfg.with_text,
        format: cfg.format,
        out: cfg.out.clone(),
        incremental: cfg.incremental,
        previous,
        tool,
    });

    let total_bytes: u64 = inputs.iter().map(|i| fs::metadata(&i.path).map_or(0, |m| m.len())).sum();
    let bar = progress_bar(cfg.quiet, inputs.len() + missing.len(), total_bytes);
    let stdout = io::stdout();
    let mut ndjson = cfg.out.is_none().then(|| BufWriter::with_capacity(1 << 16, stdout.lock()));
    let mut summary = Summary::default();
    let mut manifest = shared.previous.as_ref().map(|m| m.files.clone()).unwrap_or_default();
    let mut pipe_closed = false;
    install_interrupt_handler();

    // Inputs that do not exist at all (a path or a pattern matching nothing) are error records
    // too, in argument-sorted position before the rest: they never stop the run.
    let missing_records = missing.into_iter().map(|(path, reason)| {
        (Input { path, rel: String::new() }, Finished { outcome: Outcome::Failed { reason }, bytes: 0 })
    });
    let mut on_result = |input: &Input, fin: Finished| -> io::Result<()> {
        summary.files += 1;
        summary.bytes += fin.bytes;
        match fin.outcome {
            Outcome::Done { json, stats, sha256 } => {
                summary.add(&stats);
                if let Some(w) = ndjson.as_mut() {
                    w.write_all(json.as_bytes())?;
                }
                if let Some(sha256) = sha256 {
                    manifest.insert(input.rel.clone(), ManifestEntry { sha256, output: output_rel(&input.rel) });
                }
            }
            Outcome::Skipped => summary.skipped += 1,
            Outcome::Failed { reason } => {
                summary.failures += 1;
                manifest.remove(&input.rel);
                bar.suspend(|| eprintln!("minutes: {}: {reason}", input.path));
                if let Some(w) = ndjson.as_mut() {
                    let rec = serde_json::json!({ "error": { "path": input.path, "reason": reason } });
                    w.write_all(format!("{rec}\n").as_bytes())?;
                }
            }
        }
        if summary.files % 16 == 0 {
            if let Some(w) = ndjson.as_mut() {
                // Keep the stream moving for readers downstream; BufWriter batches the rest.
                w.flush()?;
            }
        }
        bar.set_position(summary.bytes);
        let secs = summary.started.elapsed().as_secs_f64().max(1e-3);
        bar.set_message(format!("{} files, {:.0} files/s", summary.files, summary.files as f64 / secs));
        Ok(())
    };
    let mut result = Ok(());
    for (input, fin) in missing_records {
        result = on_result(&input, fin);
    }
    if result.is_ok() {
        result = ordered_parallel(&inputs, jobs, &shared, &mut on_result);
    }
    if let Some(w) = ndjson.as_mut() {
        if result.is_ok() {
            result = w.flush();
        }
    }
    drop(ndjson);
    let interrupted = INTERRUPTED.load(Ordering::SeqCst);
    bar.finish_and_clear();
    match result {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => pipe_closed = true,
        Err(e) => return Err(format!("cannot write output: {e}")),
    }
    if let (Some(out), true) = (&cfg.out, cfg.incremental) {
        let m = Manifest { tool: shared.tool.clone(), files: manifest };
        let mut s = serde_json::to_string_pretty(&m).expect("manifest serializes");
        s.push('\n');
        write_atomic(&out.join(MANIFEST), s.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", out.join(MANIFEST).display()))?;
    }
    if !cfg.quiet && !pipe_closed {
        eprint!("{}", summary.render(cfg.incremental));
    }
    if interrupted {
        eprintln!(
            "minutes: interrupted after {} of {} inputs; every output written is complete",
            summary.files,
            inputs.len()
        );
        return Ok(EXIT_INTERRUPTED);
    }
    Ok(if summary.failures > 0 { 1 } else { 0 })
}

/// Run `work` over `inputs` on `jobs` threads and hand the results to `sink` in input order.
/// At most `window` results are in flight or waiting, so memory stays bounded.
fn ordered_parallel(
    inputs: &[Input],
    jobs: usize,
    shared: &Arc<Shared>,
    sink: &mut dyn FnMut(&Input, Finished) -> io::Result<()>,
) -> io::Result<()> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| io::Error::other(format!("cannot start {jobs} threads: {e}")))?;
    let window = jobs * 4;
    let (tx, rx) = mpsc::channel::<(usize, Finished)>();
    let mut pending: BTreeMap<usize, Finished> = BTreeMap::new();
    let (mut next_spawn, mut next_emit, mut received) = (0, 0, 0);
    while next_emit < inputs.len() {
        if INTERRUPTED.load(Ordering::SeqCst) {
            // Let the inputs in flight finish (their outputs are complete files), then stop.
            while received < next_spawn && rx.recv().is_ok() {
                received += 1;
            }
            return Ok(());
        }
        while next_spawn < inputs.len() && next_spawn < next_emit + window {
            let (tx, shared, input, i) = (tx.clone(), Arc::clone(shared), inputs[next_spawn].clone(), next_spawn);
            pool.spawn(move || {
                if INTERRUPTED.load(Ordering::SeqCst) {
                    let _ = tx.send((i, Finished { outcome: Outcome::Skipped, bytes: 0 }));
                    return;
                }
                let fin = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| convert(&input, &shared)))
                    .unwrap_or_else(|p| {
                        let msg = p
                            .downcast_ref::<&str>()
                            .map(|s| s.to_string())
                            .or_else(|| p.downcast_ref::<String>().cloned())
                            .unwrap_or_default();
                        Finished { outcome: Outcome::Failed { reason: format!("parser panicked: {msg}") }, bytes: 0 }
                    });
                let _ = tx.send((i, fin));
            });
            next_spawn += 1;
        }
        let (i, fin) = rx.recv().map_err(|_| io::Error::other("worker vanished"))?;
        received += 1;
        pending.insert(i, fin);
        while let Some(fin) = pending.remove(&next_emit) {
            sink(&inputs[next_emit], fin)?;
            next_emit += 1;
        }
    }
    Ok(())
}

/// Read, parse, serialize (and for `--out`, write) one input.
fn convert(input: &Input, shared: &Shared) -> Finished {
    let bytes = match read_file(&input.path) {
        Ok(b) => b,
        Err(reason) => return Finished { outcome: Outcome::Failed { reason }, bytes: 0 },
    };
    let len = bytes.len() as u64;
    let sha256 = shared.incremental.then(|| hex(&Sha256::digest(&bytes)));
    if let (Some(prev), Some(sha), Some(out)) = (&shared.previous, &sha256, &shared.out) {
        if let Some(entry) = prev.files.get(&input.rel) {
            if &entry.sha256 == sha && out.join(&entry.output).is_file() {
                return Finished { outcome: Outcome::Skipped, bytes: len };
            }
        }
    }
    let doc = match parse(&input.path, bytes, shared) {
        Ok(d) => d,
        Err(reason) => return Finished { outcome: Outcome::Failed { reason }, bytes: len },
    };
    let stats = stats(&doc);
    let json = minutes::emit::json(&doc, !shared.cfg_compact);
    drop(doc);
    if let Some(out) = &shared.out {
        let dest = out.join(output_rel(&input.rel));
        let written = dest
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| write_atomic(&dest, json.as_bytes()))
            .map_err(|e| format!("cannot write {}: {e}", dest.display()));
        return match written {
            Ok(()) => Finished { outcome: Outcome::Done { json: String::new(), stats, sha256 }, bytes: len },
            Err(reason) => Finished { outcome: Outcome::Failed { reason }, bytes: len },
        };
    }
    Finished { outcome: Outcome::Done { json, stats, sha256 }, bytes: len }
}

fn read_file(path: &str) -> Result<Vec<u8>, String> {
    let meta = fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.is_dir() {
        return Err("is a directory".into());
    }
    fs::read(path).map_err(|e| e.to_string())
}

fn parse(path: &str, bytes: Vec<u8>, shared: &Shared) -> Result<Document, String> {
    let opts = Options { with_text: shared.with_text, path: path.to_string() };
    let format = shared.format.unwrap_or_else(|| minutes::decode::sniff(&bytes, Some(path)));
    if format == Format::Pdf {
        let text = pdf::pdf_text(path, &bytes)?;
        return Ok(minutes::parse_pdf_text(&bytes, text, &opts));
    }
    let dopts = DecodeOptions { format: Some(format), name_hint: Some(path.to_string()) };
    minutes::parse_bytes(&bytes, &dopts, &opts).map_err(|e| e.to_string())
}

fn stats(doc: &Document) -> Stats {
    let mut s = Stats { items: doc.items.len(), ..Stats::default() };
    for item in &doc.items {
        s.resolutions += item.resolutions.len();
        s.actions += item.actions.len() + item.resolutions.iter().map(|r| r.actions.len()).sum::<usize>();
    }
    for d in &doc.diagnostics {
        *s.diagnostics.entry(d.code.clone()).or_default() += 1;
    }
    s
}

/// `a/b.md` → `a/b.md.json`: the full name is kept so `x.md` and `x.txt` never collide.
fn output_rel(rel: &str) -> String {
    format!("{rel}.json")
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Write `bytes` to a temporary file beside `dest`, then rename it over `dest`: readers never
/// see a half-written file, even after Ctrl-C or a crash.
fn write_atomic(dest: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dest.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let res = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_data()?;
        fs::rename(&tmp, dest)
    })();
    if res.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    res
}

fn read_manifest(path: &Path) -> Option<Manifest> {
    serde_json::from_slice(&fs::read(path).ok()?).ok()
}

/// Expand the arguments into sorted, de-duplicated input files, with their paths relative to
/// the common base of the arguments. Also returns arguments that match nothing, as
/// `(argument, reason)` error records.
#[allow(clippy::type_complexity)]
fn expand(args: &[String]) -> Result<(Vec<Input>, Vec<(String, String)>), String> {
    // (path as shown, is the argument itself a directory, root used for the base)
    let mut files: Vec<String> = Vec::new();
    let mut roots: Vec<PathBuf> = Vec::new();
    let mut missing = Vec::new();
    for arg in args {
        if arg == "-" {
            return Err("stdin (-) cannot be combined with other inputs or batch options".into());
        }
        let p = Path::new(arg);
        let is_symlink = fs::symlink_metadata(p).is_ok();
        if p.is_dir() {
            roots.push(p.to_path_buf());
            walk(p, &mut files, &mut missing);
        } else if p.exists() || is_symlink {
            // Existing files, and dangling symlinks (which become error records when read).
            roots.push(p.parent().map(Path::to_path_buf).unwrap_or_default());
            files.push(arg.clone());
        } else if arg.contains(['*', '?', '[']) {
            let paths = glob::glob(arg).map_err(|e| format!("bad pattern {arg:?}: {e}"))?;
            let mut any = false;
            for m in paths {
                let m = match m {
                    Ok(m) => m,
                    Err(e) => {
                        missing.push((e.path().to_string_lossy().into_owned(), e.error().to_string()));
                        continue;
                    }
                };
                any = true;
                if m.is_dir() {
                    roots.push(m.clone());
                    walk(&m, &mut files, &mut missing);
                } else {
                    roots.push(m.parent().map(Path::to_path_buf).unwrap_or_default());
                    files.push(m.to_string_lossy().into_owned());
                }
            }
            if !any {
                missing.push((arg.clone(), "no file matches this pattern".into()));
            }
        } else {
            missing.push((arg.clone(), "No such file or directory".into()));
        }
    }
    let base = common_base(&roots);
    let mut seen = HashSet::new();
    let mut inputs: Vec<Input> = files
        .into_iter()
        .filter(|f| seen.insert(f.clone()))
        .map(|path| {
            let abs = absolute(Path::new(&path));
            let rel = abs.strip_prefix(&base).unwrap_or(&abs);
            let rel = rel
                .components()
                .filter_map(|c| match c {
                    Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join("/");
            Input { path, rel }
        })
        .collect();
    inputs.sort();
    missing.sort();
    Ok((inputs, missing))
}

/// Every file under `dir` with a known minutes extension, skipping hidden entries (such as the
/// manifest) and not following symlinked directories. FIFOs, sockets and devices with such a
/// name are error records in `special` (reading a FIFO would block the run forever).
fn walk(dir: &Path, out: &mut Vec<String>, special: &mut Vec<(String, String)>) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let p = e.path();
            let Ok(ft) = e.file_type() else { continue };
            if ft.is_dir() {
                stack.push(p);
            } else {
                let ext = name.rsplit_once('.').map(|(_, x)| x.to_ascii_lowercase()).unwrap_or_default();
                if !WALK_EXTENSIONS.contains(&ext.as_str()) {
                    continue;
                }
                let path = p.to_string_lossy().into_owned();
                if ft.is_file() || ft.is_symlink() {
                    out.push(path);
                } else {
                    special.push((path, "not a regular file (FIFO, socket or device): not read".into()));
                }
            }
        }
    }
}

fn absolute(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    // Resolve `.` and `..` lexically so `a/../b` and `b` share a base.
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

fn common_base(roots: &[PathBuf]) -> PathBuf {
    let mut iter = roots.iter().map(|r| absolute(if r.as_os_str().is_empty() { Path::new(".") } else { r }));
    let Some(mut base) = iter.next() else { return PathBuf::new() };
    for r in iter {
        while !r.starts_with(&base) {
            if !base.pop() {
                break;
            }
        }
    }
    base
}

fn progress_bar(quiet: bool, files: usize, bytes: u64) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(bytes), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{bar:30} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}",
        )
        .expect("valid template"),
    );
    bar.set_message(format!("0/{files} files"));
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

struct Summary {
    started: Instant,
    files: usize,
    bytes: u64,
    documents: usize,
    items: usize,
    resolutions: usize,
    actions: usize,
    skipped: usize,
    failures: usize,
    diagnostics: BTreeMap<String, usize>,
}

impl Default for Summary {
    fn default() -> Self {
        Summary {
            started: Instant::now(),
            files: 0,
            bytes: 0,
            documents: 0,
            items: 0,
            resolutions: 0,
            actions: 0,
            skipped: 0,
            failures: 0,
            diagnostics: BTreeMap::new(),
        }
    }
}

impl Summary {
    fn add(&mut self, s: &Stats) {
        self.documents += 1;
        self.items += s.items;
        self.resolutions += s.resolutions;
        self.actions += s.actions;
        for (k, v) in &s.diagnostics {
            *self.diagnostics.entry(k.clone()).or_default() += v;
        }
    }

    fn render(&self, incremental: bool) -> String {
        let secs = self.started.elapsed().as_secs_f64();
        let mb = self.bytes as f64 / 1e6;
        let mut s = format!(
            "minutes: {} documents, {} items, {} resolutions, {} actions; {} failures; {:.1} MB in {:.2}s ({:.1} MB/s)\n",
            self.documents,
            self.items,
            self.resolutions,
            self.actions,
            self.failures,
            mb,
            secs,
            mb / secs.max(1e-9)
        );
        if incremental {
            s.push_str(&format!("minutes: {} unchanged inputs skipped\n", self.skipped));
        }
        if !self.diagnostics.is_empty() {
            let d: Vec<String> = self.diagnostics.iter().map(|(k, v)| format!("{k} {v}")).collect();
            s.push_str(&format!("minutes: diagnostics: {}\n", d.join(", ")));
        }
        s
    }
}
