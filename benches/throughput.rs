//! `cargo bench`: in-process throughput of decode → parse → compact JSON over the project
//! seeds repeated to ~20 MB and (when present) the text-like files of `../shared/corpus/bulk`.
//! No harness: prints the median MB/s of several rounds on one core and on all cores (rayon),
//! the process's peak RSS, and `bench/reference_splitter.py` (Python) on the same files.
//! `bench/run.sh` measures the whole command (I/O, threads, peak RSS per run) instead.

#![allow(clippy::print_stdout)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use minutes::decode::DecodeOptions;
use minutes::Options;
use rayon::prelude::*;

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "md" || x == "txt" || x == "html") {
            out.push(p);
        }
    }
}

/// Bytes of JSON for one document; 0 when the parser panics (counted, like `minutes parse`
/// which turns a panic into an error record).
fn convert_one((name, bytes): &(String, Vec<u8>)) -> usize {
    let dopts = DecodeOptions { format: None, name_hint: Some(name.clone()) };
    let opts = Options { with_text: false, path: name.clone() };
    std::panic::catch_unwind(|| {
        let doc = minutes::parse_bytes(bytes, &dopts, &opts).expect("text parses");
        minutes::emit::json(&doc, false).len()
    })
    .unwrap_or_else(|_| {
        PANICS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        0
    })
}

static PANICS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn convert(set: &[(String, Vec<u8>)], all_cores: bool) -> usize {
    if all_cores {
        set.par_iter().map(convert_one).sum()
    } else {
        set.iter().map(convert_one).sum()
    }
}

/// Median MB/s of `rounds` runs of `f` over `bytes` bytes, with min and max.
fn rate(bytes: usize, rounds: usize, mut f: impl FnMut()) -> (f64, f64, f64) {
    let mut rates: Vec<f64> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            f();
            bytes as f64 / 1e6 / t.elapsed().as_secs_f64()
        })
        .collect();
    rates.sort_by(f64::total_cmp);
    (rates[rates.len() / 2], rates[0], rates[rates.len() - 1])
}

/// Peak resident set of this process so far (Linux), in MB.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn bench(name: &str, set: &[(String, Vec<u8>)], paths: &[PathBuf], rounds: usize) {
    let bytes: usize = set.iter().map(|(_, b)| b.len()).sum();
    println!("{name}: {} files, {:.1} MB, median of {rounds} rounds (min-max)", set.len(), bytes as f64 / 1e6);
    let cores = rayon::current_num_threads();
    PANICS.store(0, std::sync::atomic::Ordering::Relaxed);
    let (one, ..) = rate(bytes, rounds, || {
        std::hint::black_box(convert(set, false));
    });
    let panics = PANICS.load(std::sync::atomic::Ordering::Relaxed) / rounds;
    if panics > 0 {
        println!("  ({panics} documents make the parser panic: timed up to the panic, as in `minutes parse`)");
    }
    let (all, ..) = rate(bytes, rounds, || {
        std::hint::black_box(convert(set, true));
    });
    println!(
        "  minutes (in-process)     1 core {one:7.1} MB/s   {cores} cores {all:7.1} MB/s ({:.2}x)   peak RSS {}",
        all / one,
        peak_rss_mb().map_or("?".into(), |m| format!("{m:.0} MB (whole bench process)"))
    );
    // The Python reference on the same files, as a separate process (files from disk).
    if paths.is_empty() {
        return;
    }
    let py = |jobs: usize| {
        let (r, ..) = rate(bytes, rounds.min(3), || {
            let ok = std::process::Command::new("python3")
                .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/bench/reference_splitter.py"))
                .args(["--jobs", &jobs.to_string()])
                .args(paths)
                .stdout(std::process::Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            assert!(ok, "python3 bench/reference_splitter.py failed");
        });
        r
    };
    if std::process::Command::new("python3").arg("--version").output().is_ok() {
        let (p1, pn) = (py(1), py(cores));
        println!("  reference_splitter.py    1 core {p1:7.1} MB/s   {cores} cores {pn:7.1} MB/s ({:.2}x)", pn / p1);
    } else {
        println!("  reference_splitter.py    skipped: no python3");
    }
}

fn main() {
    // Parser panics are counted (see `convert_one`), not printed on every round.
    std::panic::set_hook(Box::new(|_| {}));
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut seeds = Vec::new();
    files(&root.join("corpus/seeds"), &mut seeds);
    seeds.sort();
    let one: Vec<(String, Vec<u8>)> =
        seeds.iter().map(|p| (p.to_string_lossy().into_owned(), std::fs::read(p).unwrap().repeat(8))).collect();
    let per_round: usize = one.iter().map(|(_, b)| b.len()).sum();
    let copies = (20_000_000 / per_round.max(1)).max(1);
    let repeated: Vec<_> = (0..copies).flat_map(|_| one.iter().cloned()).collect();
    // The Python reference reads files: write the same set to a temporary folder.
    let tmp = std::env::temp_dir().join(format!("minutes-bench-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("temp dir");
    let tmp_paths: Vec<PathBuf> = repeated
        .iter()
        .enumerate()
        .map(|(i, (_, b))| {
            let p = tmp.join(format!("{i:05}.txt"));
            std::fs::write(&p, b).expect("write temp file");
            p
        })
        .collect();
    bench("seeds x8, repeated", &repeated, &tmp_paths, 5);
    let _ = std::fs::remove_dir_all(&tmp);

    let mut bulk = Vec::new();
    files(&root.join("../shared/corpus/bulk"), &mut bulk);
    bulk.sort();
    if bulk.is_empty() {
        println!("../shared/corpus/bulk not present: skipped");
        return;
    }
    let set: Vec<_> = bulk.iter().map(|p| (p.to_string_lossy().into_owned(), std::fs::read(p).unwrap())).collect();
    bench("bulk md/txt/html", &set, &bulk, 3);
}
