//! `cargo bench`: in-process throughput of decode → parse → compact JSON on one core, over
//! the project seeds repeated to ~20 MB and (when present) the text-like files of
//! `../shared/corpus/bulk`. No harness: prints the median MB/s of several rounds.
//! `bench/run.sh` measures the whole command (I/O, threads, peak RSS) instead.

#![allow(clippy::print_stdout)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use minutes::decode::DecodeOptions;
use minutes::Options;

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

fn convert(set: &[(String, Vec<u8>)]) -> usize {
    let mut out = 0;
    for (name, bytes) in set {
        let dopts = DecodeOptions { format: None, name_hint: Some(name.clone()) };
        let opts = Options { with_text: false, path: name.clone() };
        let doc = minutes::parse_bytes(bytes, &dopts, &opts).expect("text parses");
        out += minutes::emit::json(&doc, false).len();
    }
    out
}

fn bench(name: &str, set: &[(String, Vec<u8>)], rounds: usize) {
    let bytes: usize = set.iter().map(|(_, b)| b.len()).sum();
    let mut rates: Vec<f64> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(convert(set));
            bytes as f64 / 1e6 / t.elapsed().as_secs_f64()
        })
        .collect();
    rates.sort_by(f64::total_cmp);
    let median = rates[rates.len() / 2];
    println!(
        "{name}: {} files, {:.1} MB, median {median:.1} MB/s over {rounds} rounds (min {:.1}, max {:.1})",
        set.len(),
        bytes as f64 / 1e6,
        rates[0],
        rates[rates.len() - 1]
    );
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut seeds = Vec::new();
    files(&root.join("corpus/seeds"), &mut seeds);
    seeds.sort();
    let one: Vec<(String, Vec<u8>)> =
        seeds.iter().map(|p| (p.to_string_lossy().into_owned(), std::fs::read(p).unwrap().repeat(8))).collect();
    let per_round: usize = one.iter().map(|(_, b)| b.len()).sum();
    let copies = (20_000_000 / per_round.max(1)).max(1);
    let repeated: Vec<_> = (0..copies).flat_map(|_| one.iter().cloned()).collect();
    bench("seeds x8, repeated", &repeated, 5);

    let mut bulk = Vec::new();
    files(&root.join("../shared/corpus/bulk"), &mut bulk);
    bulk.sort();
    if bulk.is_empty() {
        println!("../shared/corpus/bulk not present: skipped");
        return;
    }
    let set: Vec<_> = bulk.iter().map(|p| (p.to_string_lossy().into_owned(), std::fs::read(p).unwrap())).collect();
    bench("bulk md/txt/html", &set, 3);
}
