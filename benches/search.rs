//! Query latency of `minutes search` in-process (not run in CI): opens an index built by
//! `minutes index`, runs every query of a list (one per line; `#` comments) with the CLI's
//! defaults (limit 10, snippets, stored fields), and prints the median and p99 latency.
//!
//! `cargo bench --bench search -- INDEX_DIR bench/queries.txt [ROUNDS]`; `bench/search.sh`
//! runs it after building an index over the bulk corpus.

#![allow(clippy::print_stdout)]

use std::time::{Duration, Instant};

use minutes::index::{SearchIndex, SearchQuery};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let (Some(dir), Some(list)) = (args.first(), args.get(1)) else {
        println!("usage: cargo bench --bench search -- INDEX_DIR QUERIES [ROUNDS]");
        return;
    };
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(5);
    let idx = SearchIndex::open(dir.as_ref()).expect("open index");
    let queries: Vec<String> = std::fs::read_to_string(list)
        .expect("read queries")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect();
    let mut cold = Vec::new();
    let mut warm = Vec::new();
    let mut hits = 0usize;
    for round in 0..=rounds {
        for q in &queries {
            let sq = SearchQuery { text: q.clone(), limit: 10, ..Default::default() };
            let t = Instant::now();
            let n = idx.search(&sq).unwrap_or_else(|e| panic!("{q}: {e}")).len();
            let dt = t.elapsed();
            if round == 0 {
                cold.push(dt);
                hits += n;
            } else {
                warm.push(dt);
            }
        }
    }
    cold.sort();
    warm.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!("{} queries, {} records in the index, {hits} hits in the first round", queries.len(), idx.num_records());
    println!("first round: median {:.2} ms, p99 {:.2} ms", ms(percentile(&cold, 0.5)), ms(percentile(&cold, 0.99)));
    println!(
        "next {rounds} rounds ({} searches): median {:.2} ms, p99 {:.2} ms",
        warm.len(),
        ms(percentile(&warm, 0.5)),
        ms(percentile(&warm, 0.99))
    );
}
