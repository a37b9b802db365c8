//! `minutes parse` over many inputs: directory recursion and mirroring with `--out`, ndjson
//! order independent of threads and argument order, error records, `--incremental`.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::util::{root, run};

fn seeds() -> PathBuf {
    root().join("corpus/seeds")
}

/// A scratch tree: `in/a/<seed 0,1>`, `in/b/c/<seed 2..>`, plus a README that the walk skips.
fn tree() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let mut files: Vec<_> = std::fs::read_dir(seeds()).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    for (i, f) in files.iter().enumerate() {
        let dir = if i < 2 { input.join("a") } else { input.join("b/c") };
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(f, dir.join(f.file_name().unwrap())).unwrap();
    }
    std::fs::write(input.join("notes.tsv"), "not\tminutes\n").unwrap();
    (tmp, input)
}

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

fn all_files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                out.push(e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

fn ok(out: &Output) {
    assert!(out.status.success(), "status {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
}

#[test]
fn out_mirrors_the_input_tree() {
    let (tmp, input) = tree();
    let out_dir = tmp.path().join("out");
    let out = run(&["parse", &s(&input), "--out", &s(&out_dir), "--quiet"]);
    ok(&out);
    let mut expected: Vec<String> =
        all_files(&input).into_iter().filter(|f| f.ends_with(".txt")).map(|f| format!("{f}.json")).collect();
    expected.sort();
    assert_eq!(all_files(&out_dir), expected);
    // Each output is what the single-file command prints for that input.
    let first = &expected[0];
    let src = input.join(first.trim_end_matches(".json"));
    let single = run(&["parse", &s(&src)]);
    ok(&single);
    assert_eq!(std::fs::read(out_dir.join(first)).unwrap(), single.stdout);
}

#[test]
fn ndjson_is_identical_across_threads_and_argument_order() {
    let mut files: Vec<String> = std::fs::read_dir(seeds()).unwrap().flatten().map(|e| s(&e.path())).collect();
    files.sort();
    let bad = s(&root().join("corpus/bad"));
    let mut args = vec!["parse".to_string(), "--ndjson".into(), "--jobs".into(), "1".into(), bad.clone()];
    args.extend(files.iter().cloned());
    let argv = |a: &[String]| run(&a.iter().map(String::as_str).collect::<Vec<_>>());
    let one = argv(&args);
    ok(&one);
    let lines = String::from_utf8(one.stdout.clone()).unwrap();
    assert_eq!(lines.lines().count(), files.len() + 5);
    for l in lines.lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert_eq!(v["schema"], "minutes/1");
    }
    args[3] = "4".into();
    let four = argv(&args);
    ok(&four);
    assert_eq!(one.stdout, four.stdout);
    // Shuffled: reversed files first, the directory last.
    let mut shuffled = vec!["parse".to_string(), "--ndjson".into()];
    shuffled.extend(files.iter().rev().cloned());
    shuffled.push(bad);
    let other = argv(&shuffled);
    ok(&other);
    assert_eq!(one.stdout, other.stdout);
}

#[test]
fn a_bad_file_is_an_error_record_and_the_rest_is_converted() {
    let (tmp, input) = tree();
    #[cfg(unix)]
    std::os::unix::fs::symlink(input.join("gone.txt"), input.join("a/dangling.txt")).unwrap();
    let missing = s(&input.join("missing.txt"));
    let out = run(&["parse", &s(&input), &missing, "--ndjson", "--quiet"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let records: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let errors: Vec<_> = records.iter().filter(|r| r.get("error").is_some()).collect();
    let docs = records.iter().filter(|r| r["schema"] == "minutes/1").count();
    assert_eq!(docs, 5);
    let expected_errors = if cfg!(unix) { 2 } else { 1 };
    assert_eq!(errors.len(), expected_errors, "{text}");
    assert!(errors.iter().any(|e| e["error"]["path"] == missing.as_str()));
    assert!(errors.iter().all(|e| e["error"]["reason"].as_str().is_some_and(|r| !r.is_empty())));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("missing.txt"), "{stderr}");

    // With --out the good files are written all the same.
    let out_dir = tmp.path().join("out");
    let out = run(&["parse", &s(&input), "--out", &s(&out_dir), "--quiet"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(all_files(&out_dir).len(), 5);
    assert!(all_files(&out_dir).iter().all(|f| !f.ends_with(".tmp")));
}

#[test]
fn incremental_skips_unchanged_and_reparses_changed() {
    let (tmp, input) = tree();
    let out_dir = tmp.path().join("out");
    let args = ["parse", &s(&input), "--out", &s(&out_dir), "--incremental"];
    let first = run(&args);
    ok(&first);
    assert!(out_dir.join(".minutes-manifest.json").is_file());
    let second = run(&args);
    ok(&second);
    let err = String::from_utf8_lossy(&second.stderr);
    assert!(err.contains("5 unchanged inputs skipped"), "{err}");
    assert!(err.contains("0 documents"), "{err}");

    // Change one file: only it is parsed again, and its output follows.
    let a = std::fs::read_dir(input.join("a")).unwrap().flatten().map(|e| e.path()).min().unwrap();
    std::fs::write(&a, "Agenda item\n\nBudget\n\nMinutes:\n\n1. RESOLVED that the budget be approved.\n").unwrap();
    let third = run(&args);
    ok(&third);
    let err = String::from_utf8_lossy(&third.stderr);
    assert!(err.contains("4 unchanged inputs skipped") && err.contains("1 documents"), "{err}");
    let rel = format!("a/{}.json", a.file_name().unwrap().to_string_lossy());
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(out_dir.join(rel)).unwrap()).unwrap();
    assert_eq!(v["items"][0]["title"], "Budget");
    assert!(all_files(&out_dir).iter().all(|f| !f.ends_with(".tmp")));
}

#[test]
fn globs_are_expanded_and_one_file_keeps_pretty_output() {
    let pattern = format!("{}/00[01]_*.txt", s(&seeds()));
    let out = run(&["parse", &pattern, "--quiet"]);
    ok(&out);
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
    let nothing = run(&["parse", &format!("{}/zz*.txt", s(&seeds())), "--ndjson", "--quiet"]);
    assert_eq!(nothing.status.code(), Some(1));
    let usage = run(&["parse", "--incremental", &pattern]);
    assert_eq!(usage.status.code(), Some(2));
}
