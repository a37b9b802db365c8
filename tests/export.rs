//! `minutes export`: OpenSearch bulk lines and NDJSON parse back into the rows of every table;
//! CSV without `--out` is refused. (CSV read back by PostgreSQL is in `pg.rs`.)

use std::collections::{BTreeMap, BTreeSet};

use minutes::emit::records::{self, TABLES};
use serde_json::Value;

use crate::util::{files_under, parse_file, root, run};

fn seeds() -> Vec<String> {
    files_under(&root().join("corpus/seeds")).iter().map(|p| p.to_string_lossy().into_owned()).collect()
}

/// Rows per table that flattening gives for the seeds.
fn expected_counts() -> BTreeMap<String, usize> {
    let mut want = BTreeMap::new();
    for p in seeds() {
        let r = records::flatten(&parse_file(std::path::Path::new(&p)).unwrap());
        for t in &r.tables {
            *want.entry(t.def.name.to_string()).or_default() += t.rows.len();
        }
    }
    want.retain(|_, n| *n > 0);
    want
}

#[test]
fn opensearch_bulk_lines_pair_actions_and_sources() {
    let mut args = vec!["export", "--format", "opensearch-bulk"];
    let files = seeds();
    args.extend(files.iter().map(String::as_str));
    let out = run(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.ends_with('\n'));
    let lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len() % 2, 0);
    let mut ids = BTreeSet::new();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for pair in lines.chunks(2) {
        let action = &pair[0]["index"];
        let index = action["_index"].as_str().unwrap();
        let id = action["_id"].as_str().unwrap();
        let table = index.strip_prefix("minutes-").expect("prefixed index");
        let def = records::table(table).expect("a known table");
        let src = pair[1].as_object().unwrap();
        assert_eq!(src.len(), def.columns.len());
        let doc_id = src["document_id"].as_str().unwrap();
        assert!(id.starts_with(doc_id), "{id}");
        assert!(ids.insert(format!("{index}/{id}")), "duplicate _id {index}/{id}");
        *counts.entry(table.to_string()).or_default() += 1;
    }
    assert_eq!(counts, expected_counts());
    assert!(ids.contains("minutes-resolutions/655b076c7f6af933:item-1/r-1"), "{ids:?}");
}

#[test]
fn ndjson_rows_carry_their_table() {
    let dir = std::env::temp_dir().join(format!("minutes-export-{}", std::process::id()));
    let mut args = vec!["export", "--format", "ndjson", "--out", dir.to_str().unwrap()];
    let files = seeds();
    args.extend(files.iter().map(String::as_str));
    let out = run(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(dir.join("rows.ndjson")).unwrap();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for l in text.lines() {
        let v: Value = serde_json::from_str(l).unwrap();
        *counts.entry(v["table"].as_str().unwrap().to_string()).or_default() += 1;
    }
    assert_eq!(counts, expected_counts());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn csv_needs_an_output_directory_and_writes_every_table() {
    let files = seeds();
    let out = run(&["export", "--format", "csv", &files[0]]);
    assert_eq!(out.status.code(), Some(2));
    let dir = std::env::temp_dir().join(format!("minutes-export-csv-{}", std::process::id()));
    let out = run(&["export", "--format", "csv", "--out", dir.to_str().unwrap(), &files[0]]);
    assert!(out.status.success());
    for t in TABLES {
        let s = std::fs::read_to_string(dir.join(format!("{}.csv", t.name))).unwrap();
        assert_eq!(s.lines().next().unwrap(), records::csv_header(t).trim_end());
    }
    let _ = std::fs::remove_dir_all(&dir);
}
