//! The rules of SCHEMA.md over every corpus document: spans valid and nested, items disjoint,
//! nothing lost, output valid against `minutes schema`, and determinism.

use std::path::PathBuf;

use crate::util::{files_under, parse_file, root, shared_corpus};

fn all_documents() -> Vec<PathBuf> {
    let mut v = files_under(&root().join("corpus"));
    if let Some(shared) = shared_corpus() {
        v.extend(files_under(&shared).into_iter().filter(|p| !p.to_string_lossy().contains("/bulk/")));
    }
    v
}

#[test]
fn invariants_hold_on_every_corpus_document() {
    let mut failures = Vec::new();
    let docs = all_documents();
    assert!(docs.len() >= 5);
    for path in &docs {
        let Some(doc) = parse_file(path) else { continue };
        let text = doc.source.text.clone().expect("with_text");
        for e in minutes::check::check(&doc, Some(&text)) {
            failures.push(format!("{}: {e}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn output_validates_against_the_generated_schema() {
    let schema: serde_json::Value = serde_json::from_str(&minutes::emit::schema()).expect("schema json");
    let validator = jsonschema::validator_for(&schema).expect("valid schema");
    for path in all_documents() {
        let Some(doc) = parse_file(&path) else { continue };
        let value = serde_json::to_value(&doc).expect("to value");
        let errors: Vec<String> =
            validator.iter_errors(&value).map(|e| format!("{e} at {}", e.instance_path)).collect();
        assert!(errors.is_empty(), "{}: {}", path.display(), errors.join("; "));
    }
}

#[test]
fn same_bytes_give_same_output() {
    for path in all_documents() {
        let (Some(a), Some(b)) = (parse_file(&path), parse_file(&path)) else { continue };
        assert_eq!(minutes::emit::json(&a, false), minutes::emit::json(&b, false), "{}", path.display());
    }
}

#[test]
fn a_broken_document_is_caught_by_check() {
    let path = root().join("corpus/seeds/000_b0cdff2f6d2ef9e7.txt");
    let mut doc = parse_file(&path).expect("seed parses");
    let text = doc.source.text.clone().unwrap();
    // Shrink the first item so its last paragraph sticks out.
    let mut shrunk = doc.clone();
    shrunk.items[0].span.end -= 200;
    let errs = minutes::check::check(&shrunk, Some(&text));
    assert!(errs.iter().any(|e| e.contains("outside its parent")), "{errs:?}");
    // Drop the items: their text is now lost.
    doc.items.clear();
    let errs = minutes::check::check(&doc, Some(&text));
    assert!(errs.iter().any(|e| e.contains("lost text")), "{errs:?}");
}
