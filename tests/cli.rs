//! The binary: exit codes, stdin, output flags, `schema`, `check`.

use crate::util::{root, run};

fn seed(n: &str) -> String {
    let dir = root().join("corpus/seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    files
        .into_iter()
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(n))
        .unwrap()
        .to_string_lossy()
        .into()
}

#[test]
fn parse_prints_one_json_document() {
    let out = run(&["parse", &seed("000")]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "minutes/1");
    assert_eq!(v["id"].as_str().unwrap().len(), 16);
    assert_eq!(v["items"][0]["title"], "Kent Community Safety Agreement Update");
    assert!(v["source"]["text"].is_null());
}

#[test]
fn compact_and_with_text() {
    let out = run(&["parse", "--compact", "--with-text", &seed("003")]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert_eq!(s.lines().count(), 1);
    let v: serde_json::Value = serde_json::from_str(&s).unwrap();
    let text = v["source"]["text"].as_str().unwrap();
    let span = &v["items"][0]["resolutions"][0]["span"];
    let (a, b) = (span["start"].as_u64().unwrap() as usize, span["end"].as_u64().unwrap() as usize);
    assert!(text[a..b].starts_with("RESOLVED that the Kent Community Safety Partnership"));
}

#[test]
fn stdin_is_read_with_dash() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(crate::util::bin())
        .args(["parse", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Agenda item\n\nBudget\n\nMinutes:\n\n1. RESOLVED that the budget be approved.\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["source"]["path"], "-");
    assert_eq!(v["items"][0]["resolutions"][0]["kind"], "resolved");
}

#[test]
fn missing_file_and_directory_fail_clearly() {
    let out = run(&["parse", "/nonexistent/minutes.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/minutes.txt"));
    // A directory is a batch (tests/batch.rs): one compact document per file, in path order.
    let out = run(&["parse", "--quiet", root().join("corpus").to_str().unwrap()]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).lines().count() >= 5);
}

#[test]
fn bad_inputs_give_error_diagnostics_not_panics() {
    for (name, code) in
        [("empty.txt", "empty-input"), ("binary.png.txt", "binary-input"), ("whitespace.txt", "empty-input")]
    {
        let path = root().join("corpus/bad").join(name);
        let out = run(&["parse", path.to_str().unwrap()]);
        assert!(out.status.success(), "{name}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let codes: Vec<&str> =
            v["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
        assert!(codes.contains(&code), "{name}: {codes:?}");
        assert!(v["items"].as_array().unwrap().is_empty());
    }
}

#[test]
fn windows_1252_is_decoded_and_recorded() {
    let path = root().join("corpus/bad/windows-1252.txt");
    let out = run(&["parse", path.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["source"]["encoding"], "windows-1252");
    assert!(v["items"][0]["title"].as_str().unwrap().contains("Council\u{2019}s"));
}

#[test]
fn schema_is_json_schema_of_the_model() {
    let out = run(&["schema"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["properties"]["items"].is_object());
    assert!(v["required"].as_array().unwrap().iter().any(|r| r == "diagnostics"));
}

#[test]
fn check_accepts_our_output_and_rejects_a_broken_one() {
    let dir = std::env::temp_dir().join(format!("minutes-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = run(&["parse", "--with-text", &seed("004")]);
    let good = dir.join("good.json");
    std::fs::write(&good, &out.stdout).unwrap();
    let res = run(&["check", good.to_str().unwrap()]);
    assert!(res.status.success(), "{}", String::from_utf8_lossy(&res.stdout));
    let mut v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["items"][2]["paragraphs"][0]["span"]["end"] = serde_json::json!(999_999);
    let bad = dir.join("bad.json");
    std::fs::write(&bad, serde_json::to_vec(&v).unwrap()).unwrap();
    let res = run(&["check", bad.to_str().unwrap()]);
    assert_eq!(res.status.code(), Some(1));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn check_validates_shape_codes_and_ndjson() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["parse", "--with-text", "--compact", &seed("003")]);
    let good: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let write = |name: &str, v: &serde_json::Value| {
        let p = dir.path().join(name);
        std::fs::write(&p, serde_json::to_vec(v).unwrap()).unwrap();
        p.to_string_lossy().into_owned()
    };
    let check = |path: &str| {
        let res = run(&["check", path]);
        (res.status.code(), String::from_utf8_lossy(&res.stdout).into_owned())
    };
    assert_eq!(
        check(&write("good.json", &good)),
        (Some(0), format!("{}: ok\n", dir.path().join("good.json").display()))
    );
    // A field of the contract missing (serde alone would read it as null).
    let mut v = good.clone();
    v["meeting"].as_object_mut().unwrap().remove("venue");
    let (code, msg) = check(&write("missing.json", &v));
    assert_eq!(code, Some(1));
    assert!(msg.contains("missing field /meeting/venue"), "{msg}");
    // A diagnostic code and severity outside the contract, and a malformed id.
    let mut v = good.clone();
    v["diagnostics"] =
        serde_json::json!([{"severity": "fatal", "code": "oops", "message": "", "span": {"start": 0, "end": 0}}]);
    v["id"] = serde_json::json!("XYZ");
    let (code, msg) = check(&write("codes.json", &v));
    assert_eq!(code, Some(1));
    assert!(
        msg.contains("unknown severity") && msg.contains("unknown diagnostic code") && msg.contains("16 lowercase hex"),
        "{msg}"
    );
    // Wrong types and wrong schema tags.
    let mut v = good.clone();
    v["items"] = serde_json::json!("none");
    assert!(check(&write("types.json", &v)).1.contains("not a minutes/1 document"));
    let mut v = good.clone();
    v["schema"] = serde_json::json!("minutes/2");
    assert!(check(&write("schema.json", &v)).1.contains("schema is"));
    // Without source.text only the structure is checked, and the output says so.
    let out = run(&["parse", &seed("003")]);
    let p = dir.path().join("no-text.json");
    std::fs::write(&p, &out.stdout).unwrap();
    let (code, msg) = check(p.to_str().unwrap());
    assert_eq!(code, Some(0));
    assert!(msg.contains("structure only"), "{msg}");
    // NDJSON from a batch: one verdict per line; an error record is a lost document.
    let out = run(&["parse", "--ndjson", "--quiet", "--with-text", &seed("000"), &seed("001"), "/nonexistent.txt"]);
    let p = dir.path().join("all.ndjson");
    std::fs::write(&p, &out.stdout).unwrap();
    let (code, msg) = check(p.to_str().unwrap());
    assert_eq!(code, Some(1));
    assert_eq!(msg.matches(": ok").count(), 2, "{msg}");
    assert!(msg.contains(":1: error record"), "{msg}");
    // Not JSON at all, and no file.
    let p = dir.path().join("junk.json");
    std::fs::write(&p, "{ not json").unwrap();
    assert!(check(p.to_str().unwrap()).1.contains("not JSON"));
    let res = run(&["check"]);
    assert_eq!(res.status.code(), Some(2), "check needs a file");
}
