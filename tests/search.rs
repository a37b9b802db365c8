//! `minutes index` and `minutes search` on the project corpus: real queries, filters, and
//! re-indexing. Every test indexes into its own temporary directory.

use std::path::Path;

use serde_json::Value;

use crate::util::{parse_file, root, run};

/// Index `paths` into `dir`; returns the command's stderr.
fn index(dir: &Path, paths: &[&str]) -> String {
    let mut args = vec!["index", "--index", dir.to_str().unwrap()];
    args.extend(paths);
    let out = run(&args);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "index failed: {err}");
    err
}

/// Search `dir` with `args` and `--json`; returns the hits.
fn search(dir: &Path, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["search", "--index", dir.to_str().unwrap(), "--json"];
    all.extend(args);
    let out = run(&all);
    assert!(out.status.success(), "search failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice::<Value>(&out.stdout).unwrap().as_array().unwrap().clone()
}

fn corpus_index() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let seeds = root().join("corpus/seeds");
    let dated = root().join("corpus/search");
    index(dir.path(), &[seeds.to_str().unwrap(), dated.to_str().unwrap()]);
    dir
}

#[test]
fn a_phrase_finds_its_one_resolution_first() {
    let dir = corpus_index();
    let hits = search(dir.path(), &["\"KMSAB Self Neglect Policy\""]);
    let first = &hits[0];
    assert_eq!(first["kind"], "resolution");
    assert!(first["path"].as_str().unwrap().ends_with("004_d3b479f4d09f45b7.txt"));
    assert_eq!(first["line"], 30);
    assert!(first["text"].as_str().unwrap().starts_with("RESOLVED that the update be noted"));
    assert_eq!(first["item"]["title"], "Domestic Homicide Review Update");
    let snippet = first["snippet"]["fragment"].as_str().unwrap();
    let marked: Vec<&str> = first["snippet"]["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &snippet[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize])
        .collect();
    assert_eq!(marked, ["KMSAB", "Self", "Neglect", "Policy"]);
    // The line really is where the resolution starts.
    let text = std::fs::read_to_string(first["path"].as_str().unwrap()).unwrap();
    assert!(text.lines().nth(29).unwrap().contains("RESOLVED that the update be noted"));
    // The phrase is in no other resolution: with the kind filter there is exactly one hit.
    assert_eq!(search(dir.path(), &["\"KMSAB Self Neglect Policy\"", "--kind", "resolution"]).len(), 1);
}

#[test]
fn speaker_filter_returns_only_his_paragraphs() {
    let dir = corpus_index();
    let hits = search(dir.path(), &["", "--speaker", "Peerbux", "--limit", "1000"]);
    assert!(!hits.is_empty());
    for h in &hits {
        assert_eq!(h["kind"], "paragraph", "{h}");
        let speakers: Vec<&str> = h["speakers"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
        assert!(speakers.iter().any(|s| s.contains("Peerbux")), "{speakers:?}");
    }
    // Exactly the paragraphs where the parser finds him speaking.
    let mut expected = 0;
    for f in crate::util::files_under(&root().join("corpus/seeds")) {
        let doc = parse_file(&f).unwrap();
        expected += minutes::emit::search_records::records(&doc, None)
            .iter()
            .filter(|r| r.speakers.iter().any(|s| s.contains("Peerbux")))
            .count();
    }
    assert_eq!(hits.len(), expected);
    // A query narrows the filter further.
    let fraud = search(dir.path(), &["fraud", "--speaker", "Peerbux"]);
    assert_eq!(fraud.len(), 1);
    assert!(fraud[0]["path"].as_str().unwrap().ends_with("003_55eb5eab3da61fc3.txt"));
}

#[test]
fn date_filters_exclude_other_meetings() {
    let dir = corpus_index();
    let all = search(dir.path(), &["swings"]);
    let dates: Vec<&str> = all.iter().map(|h| h["date"].as_str().unwrap()).collect();
    assert!(dates.contains(&"2019-03-20") && dates.contains(&"2021-06-09"), "{dates:?}");
    let recent = search(dir.path(), &["swings", "--since", "2020-01-01"]);
    assert!(!recent.is_empty());
    assert!(recent.iter().all(|h| h["date"] == "2021-06-09"));
    let old = search(dir.path(), &["swings", "--until", "2019-12-31", "--body", "Ashby Parish Council"]);
    assert!(!old.is_empty());
    assert!(old.iter().all(|h| h["date"] == "2019-03-20" && h["body"] == "Ashby Parish Council"));
    // Undated meetings (the seeds) never pass a date filter.
    assert!(search(dir.path(), &["Peerbux", "--since", "1900-01-01"]).is_empty());
}

#[test]
fn reindexing_a_changed_file_leaves_no_stale_record() {
    let dir = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let file = docs.path().join("minutes.txt");
    let original = std::fs::read_to_string(root().join("corpus/search/2019-03-20-ashby-parish.txt")).unwrap();
    std::fs::write(&file, &original).unwrap();
    let f = file.to_str().unwrap();
    index(dir.path(), &[f]);
    assert_eq!(search(dir.path(), &["boiler"]).len(), 2);

    let err = index(dir.path(), &[f]);
    assert!(err.contains("indexed 0 documents") && err.contains("1 unchanged"), "{err}");

    std::fs::write(&file, original.replace("boiler", "radiator")).unwrap();
    index(dir.path(), &[f]);
    assert!(search(dir.path(), &["boiler"]).is_empty());
    assert_eq!(search(dir.path(), &["radiator"]).len(), 2);
    let everything = search(dir.path(), &["", "--limit", "1000"]);
    let ids: std::collections::BTreeSet<&str> = everything.iter().map(|h| h["doc"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 1, "records of one version only: {ids:?}");
    let fresh = parse_file(&file).unwrap();
    assert_eq!(everything.len(), minutes::emit::search_records::records(&fresh, None).len());
}

#[test]
fn a_bad_file_is_reported_and_the_rest_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let seed = root().join("corpus/seeds/004_d3b479f4d09f45b7.txt");
    let out =
        run(&["index", "--quiet", "--index", dir.path().to_str().unwrap(), "no/such/file.txt", seed.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
    assert!(!search(dir.path(), &["Peerbux"]).is_empty());
}

#[test]
fn plain_output_has_snippets_and_path_line() {
    let dir = corpus_index();
    let out = run(&["search", "--index", dir.path().to_str().unwrap(), "Self Neglect", "--limit", "1"]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("**Self** **Neglect**"), "{s}");
    assert!(s.contains("004_d3b479f4d09f45b7.txt:"), "{s}");
    let nd = run(&["search", "--index", dir.path().to_str().unwrap(), "swings", "--ndjson"]);
    let lines: Vec<Value> =
        String::from_utf8(nd.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!lines.is_empty());
}

#[test]
fn searching_without_an_index_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["search", "--index", dir.path().join("none").to_str().unwrap(), "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no index"));
}
