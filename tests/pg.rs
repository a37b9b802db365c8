//! `minutes load` against a real PostgreSQL server: the README's example queries over the
//! project corpus, idempotent re-loads, hostile text round trips, failing documents leaving no
//! rows, and CSV exports read back with COPY.
//!
//! The server is `MINUTES_TEST_DATABASE_URL` (`.ci/run` starts one with `.ci/pg-start.sh`);
//! without it the tests start their own throwaway cluster from the PostgreSQL binaries
//! (`initdb` on PATH or under /usr/lib/postgresql/*/bin), and skip with a message only when
//! there are none. Each test works in its own database.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};

use minutes::emit::records::{self, Cell, Records, TABLES};
use minutes::Document;
use postgres::{Client, NoTls};

use crate::util::{files_under, parse_file, root, run};

/// The server every test uses: a base URL (database `postgres`), or None when none exists.
fn server() -> Option<&'static str> {
    static SERVER: OnceLock<Option<String>> = OnceLock::new();
    SERVER
        .get_or_init(|| match std::env::var("MINUTES_TEST_DATABASE_URL") {
            Ok(url) if !url.is_empty() => Some(url),
            _ => start_cluster(),
        })
        .as_deref()
}

/// The server's stdin: dropping it (at process exit) stops the server and removes its data.
static KEEPER: Mutex<Option<Child>> = Mutex::new(None);

fn pg_bindir() -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> =
        std::env::var_os("PATH").map(|p| std::env::split_paths(&p).collect()).unwrap_or_default();
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|rd| rd.flatten().map(|e| e.path().join("bin")).collect())
        .unwrap_or_default();
    versions.sort();
    versions.reverse();
    dirs.extend(versions);
    dirs.into_iter()
        .find(|d| d.join("initdb").is_file() && d.join("postgres").is_file())
        .map(|d| d.join("initdb").canonicalize().ok().and_then(|p| p.parent().map(Path::to_path_buf)).unwrap_or(d))
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Start a throwaway cluster on 127.0.0.1 (trust auth, temp dir) that lives as long as this
/// test process: a shell holds the server and stops it when our end of its stdin closes.
fn start_cluster() -> Option<String> {
    let Some(bindir) = pg_bindir() else {
        // Straight to fd 2, past the test harness's capture, so the skip is seen.
        let _ = std::io::stderr().write_all(
            b"SKIPPED PostgreSQL tests (tests/pg.rs): MINUTES_TEST_DATABASE_URL is unset and there are no \
              PostgreSQL server binaries (apt-get install postgresql)\n",
        );
        return None;
    };
    let dir = std::env::temp_dir().join(format!("minutes-pg-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let as_user = |prog: &str| -> Command {
        if is_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--", prog]);
            c
        } else {
            Command::new(prog)
        }
    };
    if is_root() {
        assert!(Command::new("chown").args(["postgres:", dir.to_str().unwrap()]).status().unwrap().success());
    }
    let data = dir.join("data");
    let initdb = bindir.join("initdb");
    let out = as_user(initdb.to_str().unwrap())
        .args(["-D", data.to_str().unwrap(), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale"])
        .output()
        .expect("run initdb");
    assert!(out.status.success(), "initdb failed: {}", String::from_utf8_lossy(&out.stderr));
    let port = free_port();
    let script = r#"
        "$1/postgres" -D "$2/data" -p "$3" -k "$2" -c listen_addresses=127.0.0.1 -c fsync=off \
            >"$2/server.log" 2>&1 &
        pid=$!
        cat >/dev/null
        kill -INT "$pid"; wait "$pid"; rm -rf "$2""#;
    let child = as_user("sh")
        .args(["-c", script, "sh", bindir.to_str().unwrap(), dir.to_str().unwrap(), &port.to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("start postgres");
    *KEEPER.lock().unwrap() = Some(child);
    let url = format!("postgres://postgres@127.0.0.1:{port}/postgres");
    for _ in 0..200 {
        if Client::connect(&url, NoTls).is_ok() {
            eprintln!("started a throwaway PostgreSQL on 127.0.0.1:{port} ({})", dir.display());
            return Some(url);
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let mut log = String::new();
    let _ = std::fs::File::open(dir.join("server.log")).and_then(|mut f| f.read_to_string(&mut log));
    panic!("PostgreSQL did not start:\n{log}");
}

/// `url` with its database name replaced.
fn with_db(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host_end = base[scheme_end..].find('/').map_or(base.len(), |i| scheme_end + i);
    let mut out = format!("{}/{name}", &base[..host_end]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

/// A new empty database for one test: its URL and a client, or None (skipped).
fn fresh_db(name: &str) -> Option<(String, Client)> {
    let base = server()?;
    let mut admin = Client::connect(base, NoTls).expect("connect to the test server");
    let db = format!("minutes_test_{name}");
    admin.batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)")).unwrap();
    admin.batch_execute(&format!("CREATE DATABASE {db}")).unwrap();
    let url = with_db(base, &db);
    let client = Client::connect(&url, NoTls).unwrap();
    Some((url, client))
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("minutes-pg-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn load(url: &str, paths: &[&str]) -> (Option<i32>, String, String) {
    let mut args = vec!["load", "--postgres", url];
    args.extend_from_slice(paths);
    let out = run(&args);
    (out.status.code(), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

/// The project's own corpus: seeds and bad inputs.
fn corpus_files() -> Vec<PathBuf> {
    let mut files = files_under(&root().join("corpus/seeds"));
    files.extend(files_under(&root().join("corpus/bad")));
    files
}

fn strs(files: &[PathBuf]) -> Vec<String> {
    files.iter().map(|p| p.to_string_lossy().into_owned()).collect()
}

/// Parse like the binary does (no source text, the path as given).
fn parse(path: &Path) -> Document {
    let mut doc = parse_file(path).expect("parse");
    doc.source.text = None;
    // The binary records the path as given on its command line (absolute here).
    doc.source.path = path.to_string_lossy().into_owned();
    doc
}

/// A cell as the text `SELECT col::text` returns; JSON normalised through serde.
fn cell_text(c: &Cell) -> Option<String> {
    match c {
        Cell::Null => None,
        Cell::Int(n) => Some(n.to_string()),
        Cell::Text(s) => Some(s.clone()),
        Cell::Json(v) => Some(v.to_string()),
    }
}

fn normalise(def: &records::TableDef, mut row: Vec<Option<String>>) -> Vec<Option<String>> {
    for (i, col) in def.columns.iter().enumerate() {
        if col.ty == records::ColType::Json {
            row[i] = row[i].as_ref().map(|s| serde_json::from_str::<serde_json::Value>(s).unwrap().to_string());
        }
    }
    row
}

/// Every row the database holds for `id`, per table, sorted.
fn db_rows(client: &mut Client, id: &str) -> Vec<Vec<Vec<Option<String>>>> {
    TABLES
        .iter()
        .map(|t| {
            let cols = t.columns.iter().map(|c| format!("{}::text", c.name)).collect::<Vec<_>>().join(", ");
            let q = format!("SELECT {cols} FROM minutes.{} WHERE document_id = $1", t.name);
            let mut rows: Vec<_> = client
                .query(&q, &[&id])
                .unwrap()
                .iter()
                .map(|r| normalise(t, (0..t.columns.len()).map(|i| r.get::<_, Option<String>>(i)).collect()))
                .collect();
            rows.sort();
            rows
        })
        .collect()
}

/// The rows flattening gives for a document, per table, sorted, as text.
fn expected_rows(r: &Records) -> Vec<Vec<Vec<Option<String>>>> {
    r.tables
        .iter()
        .map(|t| {
            let mut rows: Vec<_> =
                t.rows.iter().map(|row| normalise(t.def, row.iter().map(cell_text).collect())).collect();
            rows.sort();
            rows
        })
        .collect()
}

fn assert_round_trip(client: &mut Client, r: &Records) {
    let got = db_rows(client, &r.document_id);
    let want = expected_rows(r);
    for (i, t) in TABLES.iter().enumerate() {
        assert_eq!(got[i], want[i], "table {} of {}", t.name, r.document_id);
    }
}

fn count(client: &mut Client, table: &str) -> i64 {
    client.query_one(&format!("SELECT count(*) FROM minutes.{table}"), &[]).unwrap().get(0)
}

/// The README's example queries (keep them in sync with README.md "PostgreSQL").
mod queries {
    pub const ACTION_PLAN: &str = "SELECT document_id, resolution_id, kind FROM minutes.resolutions
 WHERE text ILIKE '%action plan%' ORDER BY document_id, resolution_id";
    pub const SEARCH: &str = "SELECT document_id, paragraph_id,
       ts_rank(tsv, websearch_to_tsquery('english', $1)) AS rank
  FROM minutes.paragraphs
 WHERE tsv @@ websearch_to_tsquery('english', $1)
 ORDER BY rank DESC, document_id, paragraph_id";
    pub const BY_KIND: &str = "SELECT kind, count(*) FROM minutes.resolutions GROUP BY kind ORDER BY kind";
    pub const DUE: &str = "SELECT a.document_id, a.action_id, a.due::text, a.due_text, a.owner
  FROM minutes.actions a
 WHERE a.due IS NOT NULL
 ORDER BY a.due, a.document_id, a.action_id";
}

#[test]
fn loads_the_corpus_and_answers_the_readme_queries() {
    let Some((url, mut client)) = fresh_db("corpus") else { return };
    let files = corpus_files();
    let paths = strs(&files);
    let args: Vec<&str> = paths.iter().map(String::as_str).collect();
    let (code, stdout, stderr) = load(&url, &args);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert!(stdout.starts_with(&format!("loaded {}, failed 0", files.len())), "{stdout}");

    let docs: Vec<Document> = files.iter().map(|p| parse(p)).collect();
    let recs: Vec<Records> = docs.iter().map(records::flatten).collect();
    for r in &recs {
        assert_round_trip(&mut client, r);
    }
    let version: i32 = client.query_one("SELECT max(version) FROM minutes.minutes_schema_version", &[]).unwrap().get(0);
    assert_eq!(version, 1);

    // Every resolution that mentions "action plan".
    let got: Vec<(String, String, String)> =
        client.query(queries::ACTION_PLAN, &[]).unwrap().iter().map(|r| (r.get(0), r.get(1), r.get(2))).collect();
    let mut want = Vec::new();
    for d in &docs {
        for it in &d.items {
            for r in &it.resolutions {
                if r.text.to_lowercase().contains("action plan") {
                    want.push((d.id.clone(), r.id.clone(), r.kind.clone()));
                }
            }
        }
    }
    want.sort();
    assert_eq!(got, want);
    assert!(got.contains(&("655b076c7f6af933".into(), "item-1/r-1".into(), "resolved".into())), "{got:?}");

    // Full-text search: stemmed, phrase and negation via websearch_to_tsquery.
    let hits: Vec<(String, String)> = client
        .query(queries::SEARCH, &[&"\"community safety\" -budget"])
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    assert!(!hits.is_empty());
    for (doc, pid) in &hits {
        let d = docs.iter().find(|d| &d.id == doc).unwrap();
        let p = d.items.iter().flat_map(|i| &i.paragraphs).find(|p| &p.id == pid).unwrap();
        let t = p.text.to_lowercase();
        assert!(t.contains("communit") && t.contains("safe") && !t.contains("budget"), "{pid}: {t}");
    }
    let want_hits = docs
        .iter()
        .flat_map(|d| d.items.iter().flat_map(|i| &i.paragraphs))
        .filter(|p| p.text.to_lowercase().contains("community safety") && !p.text.to_lowercase().contains("budget"))
        .count();
    assert!(hits.len() >= want_hits, "{} hits, {want_hits} paragraphs say it", hits.len());

    // Resolutions by kind.
    let got: Vec<(String, i64)> =
        client.query(queries::BY_KIND, &[]).unwrap().iter().map(|r| (r.get(0), r.get(1))).collect();
    let mut want: std::collections::BTreeMap<String, i64> = Default::default();
    for r in docs.iter().flat_map(|d| &d.items).flat_map(|i| &i.resolutions) {
        *want.entry(r.kind.clone()).or_default() += 1;
    }
    assert_eq!(got, want.into_iter().collect::<Vec<_>>());

    // Actions with due dates.
    let got: Vec<(String, String, String)> =
        client.query(queries::DUE, &[]).unwrap().iter().map(|r| (r.get(0), r.get(1), r.get(2))).collect();
    assert!(got.contains(&("655b076c7f6af933".into(), "item-1/r-1/a-1".into(), "2022-07-31".into())), "{got:?}");
    let want = recs.iter().flat_map(|r| r.rows("actions")).filter(|row| row[7] != Cell::Null).count();
    assert_eq!(got.len(), want);

    // Re-loading replaces: same counts, no duplicates.
    let before: Vec<i64> = TABLES.iter().map(|t| count(&mut client, t.name)).collect();
    let (code, stdout, _) = load(&url, &args);
    assert_eq!(code, Some(0), "{stdout}");
    let after: Vec<i64> = TABLES.iter().map(|t| count(&mut client, t.name)).collect();
    assert_eq!(before, after);
    assert_eq!(after[0], files.len() as i64);
    for r in &recs {
        assert_round_trip(&mut client, r);
    }
}

const HOSTILE: &str = "Agenda item\n\nBudget 'quoted' \"double\" back\\slash\n\nMinutes:\n\n\
1. Cllr O'Brien said the budget \\N was '); DROP TABLE minutes.items; -- fine\tand\ttabbed.\n\
2. RESOLVED that the budget be approved\\r\\n with a \\\\ and a tab\there and \\. alone.\n\
\\.\n\
3. ACTION: Clerk to write to the council by 31 March 2025.\n";

#[test]
fn hostile_text_loads_intact_and_round_trips() {
    let Some((url, mut client)) = fresh_db("hostile") else { return };
    let dir = tmpdir("hostile");
    // Text with quotes, backslashes, SQL, tabs, CRLF and invalid UTF-8 bytes.
    let mut bytes = HOSTILE.as_bytes().to_vec();
    bytes.extend_from_slice(b"4. Caf\xe9 \xff\xfe bytes\r\n");
    let text = dir.join("hostile.txt");
    std::fs::write(&text, &bytes).unwrap();
    // A NUL byte in a source file (parsed as binary input) ...
    let nul_file = dir.join("nul.txt");
    std::fs::write(&nul_file, b"Agenda item\n\nBudget\0 with a NUL\n").unwrap();
    // ... and NUL characters inside a minutes/1 JSON document's text.
    let mut doc = parse(&text);
    assert!(!doc.items.is_empty(), "the hostile text should still parse into items");
    doc.id = "00000000000000aa".into();
    doc.items[0].title = Some("nul\0in\0title".into());
    doc.items[0].paragraphs[0].text.push_str(" \0 end");
    let json = dir.join("nul.json");
    std::fs::write(&json, minutes::emit::json(&doc, false)).unwrap();

    let paths = [text.to_str().unwrap(), nul_file.to_str().unwrap(), json.to_str().unwrap()];
    let (code, stdout, stderr) = load(&url, &paths);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert!(stdout.starts_with("loaded 3, failed 0"), "{stdout}");
    assert!(stderr.contains("3 NUL character(s) replaced"), "{stderr}");

    for p in [&text, &nul_file] {
        let r = records::flatten(&parse(p));
        assert_round_trip(&mut client, &r);
    }
    let r = records::flatten(&doc);
    assert_eq!(r.nul_replaced, 3);
    assert_round_trip(&mut client, &r);

    // The tables are all there and the text is intact, byte for byte.
    assert!(count(&mut client, "items") >= 2);
    let id = parse(&text).id;
    let texts: Vec<String> = client
        .query("SELECT text FROM minutes.paragraphs WHERE document_id = $1 ORDER BY ordinal", &[&id])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let all = texts.join("\n");
    assert!(all.contains("'); DROP TABLE minutes.items; -- fine\tand\ttabbed."), "{all}");
    assert!(all.contains("\\N was"), "{all}");
    let title: String = client
        .query_one("SELECT title FROM minutes.items WHERE document_id = '00000000000000aa' AND item_id = 'item-1'", &[])
        .unwrap()
        .get(0);
    assert_eq!(title, "nul\u{FFFD}in\u{FFFD}title");
    let (nul, code): (i64, String) = client
        .query_one(
            "SELECT d.nul_replaced, g.code FROM minutes.documents d JOIN minutes.diagnostics g USING (document_id)
              WHERE d.document_id = '00000000000000aa' AND g.code = 'nul-replaced'",
            &[],
        )
        .map(|r| (r.get(0), r.get(1)))
        .unwrap();
    assert_eq!((nul, code.as_str()), (3, "nul-replaced"));
    // Full-text search finds words next to the hostile characters.
    let n: i64 = client
        .query_one(
            "SELECT count(*) FROM minutes.paragraphs WHERE tsv @@ websearch_to_tsquery('english', 'tabbed')",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(n >= 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_failing_document_leaves_no_rows() {
    let Some((url, mut client)) = fresh_db("failing") else { return };
    let dir = tmpdir("failing");
    let seeds = files_under(&root().join("corpus/seeds"));
    let good = parse(&seeds[0]);
    let other = &seeds[1];
    // Load the good document first: a failed re-load must keep its rows.
    let (code, stdout, _) = load(&url, &[seeds[0].to_str().unwrap()]);
    assert_eq!(code, Some(0), "{stdout}");
    let before = db_rows(&mut client, &good.id);

    // The same id with two items both called item-1: the items COPY fails on the key after
    // the document, meeting and diagnostic rows were written in the same transaction.
    let mut bad = good.clone();
    let dup = bad.items[0].clone();
    bad.items.push(dup);
    bad.meeting.venue = Some("changed".into());
    let bad_path = dir.join("bad.json");
    std::fs::write(&bad_path, minutes::emit::json(&bad, true)).unwrap();
    // A brand-new id that fails the same way.
    let mut new_bad = bad.clone();
    new_bad.id = "ffffffffffffffff".into();
    let new_bad_path = dir.join("new-bad.json");
    std::fs::write(&new_bad_path, minutes::emit::json(&new_bad, true)).unwrap();
    // Not JSON at all.
    let garbage = dir.join("garbage.json");
    std::fs::write(&garbage, "{ not json").unwrap();

    let paths = [
        bad_path.to_str().unwrap(),
        other.to_str().unwrap(),
        new_bad_path.to_str().unwrap(),
        garbage.to_str().unwrap(),
    ];
    let (code, stdout, stderr) = load(&url, &paths);
    assert_eq!(code, Some(1), "{stdout}{stderr}");
    assert!(stdout.starts_with("loaded 1, failed 3"), "{stdout}");
    assert!(stderr.contains("bad.json") && stderr.contains("duplicate key"), "{stderr}");
    assert!(stderr.contains("garbage.json"), "{stderr}");

    assert_eq!(db_rows(&mut client, &good.id), before, "the failed re-load changed the old rows");
    assert!(db_rows(&mut client, "ffffffffffffffff").iter().all(Vec::is_empty), "partial rows left");
    assert_round_trip(&mut client, &records::flatten(&parse(other)));
    assert_eq!(count(&mut client, "documents"), 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn csv_export_reads_back_with_copy() {
    let Some((url, mut client)) = fresh_db("csv") else { return };
    let dir = tmpdir("csv");
    let hostile = dir.join("hostile.txt");
    std::fs::write(&hostile, HOSTILE).unwrap();
    let mut paths = strs(&corpus_files());
    paths.push(hostile.to_string_lossy().into());
    let out_dir = dir.join("out");
    let mut args = vec!["export", "--format", "csv", "--out", out_dir.to_str().unwrap()];
    args.extend(paths.iter().map(String::as_str));
    let out = run(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    // Create the schema only (no paths), then COPY every CSV file in.
    let (code, stdout, stderr) = load(&url, &[]);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    for t in TABLES {
        let data = std::fs::read(out_dir.join(format!("{}.csv", t.name))).unwrap();
        let cols = t.columns.iter().map(|c| c.name).collect::<Vec<_>>().join(", ");
        let mut w =
            client.copy_in(&format!("COPY minutes.{} ({cols}) FROM STDIN (FORMAT csv, HEADER)", t.name)).unwrap();
        w.write_all(&data).unwrap();
        w.finish().unwrap_or_else(|e| panic!("{}: {e:?}", t.name));
    }
    for p in &paths {
        assert_round_trip(&mut client, &records::flatten(&parse(Path::new(p))));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_schema_version_is_checked() {
    let Some((url, mut client)) = fresh_db("version") else { return };
    let (code, _, stderr) = load(&url, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    client.batch_execute("UPDATE minutes.minutes_schema_version SET version = 99").unwrap();
    let (code, _, stderr) = load(&url, &[]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("schema version 99"), "{stderr}");
}
