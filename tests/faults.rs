//! Faults around the parser (issue 7): unreadable files, a directory where a file is expected,
//! symlink loops, FIFOs, an output folder that cannot be written, a full disk during `--out`,
//! SIGINT in the middle of a batch, and a file changing while it is read. Every case: the run
//! ends, says what went wrong, converts the rest, and leaves no half-written output.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::util::{bin, root};

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// `dir` with copies of the seeds (`seed-N.txt`).
fn seeded(dir: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    let mut seeds: Vec<_> =
        std::fs::read_dir(root().join("corpus/seeds")).unwrap().flatten().map(|e| e.path()).collect();
    seeds.sort();
    seeds
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let dest = dir.join(format!("seed-{i}.txt"));
            std::fs::copy(p, &dest).unwrap();
            dest
        })
        .collect()
}

/// Run the binary with a deadline: a hang fails the test instead of blocking CI.
fn run_within(cmd: &mut Command, limit: Duration) -> Output {
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn");
    let start = Instant::now();
    // Drain the pipes on threads so a large output cannot block the child.
    let mut so = child.stdout.take().unwrap();
    let mut se = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut so, &mut v).ok();
        v
    });
    let t_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut se, &mut v).ok();
        v
    });
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if start.elapsed() > limit {
            child.kill().ok();
            panic!("minutes did not finish within {limit:?}: {cmd:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output { status, stdout: t_out.join().unwrap(), stderr: t_err.join().unwrap() }
}

fn minutes(args: &[&str]) -> Output {
    run_within(Command::new(bin()).args(args), Duration::from_secs(300))
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The ndjson lines of a batch: documents (source.path) and error records (path, reason).
fn records(o: &Output) -> (Vec<String>, Vec<(String, String)>) {
    let (mut docs, mut errs) = (Vec::new(), Vec::new());
    for l in String::from_utf8_lossy(&o.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(l).expect("ndjson line");
        if let Some(e) = v.get("error") {
            errs.push((e["path"].as_str().unwrap().to_string(), e["reason"].as_str().unwrap().to_string()));
        } else {
            docs.push(v["source"]["path"].as_str().unwrap().to_string());
        }
    }
    (docs, errs)
}

/// Every file under `dir` (recursively), relative, sorted.
fn files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                out.push(e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    out.sort();
    out
}

/// Every output under `dir` is a complete, valid document, and no temporary file is left.
fn outputs_complete(dir: &Path) -> usize {
    let mut n = 0;
    for f in files(dir) {
        assert!(!f.ends_with(".tmp"), "a temporary file was left behind: {f}");
        if f.ends_with(".json") && !f.ends_with(".minutes-manifest.json") {
            let v: serde_json::Value =
                serde_json::from_slice(&std::fs::read(dir.join(&f)).unwrap()).unwrap_or_else(|e| panic!("{f}: {e}"));
            let errs = minutes::check::check_json(&v);
            assert!(errs.is_empty(), "{f}: {errs:?}");
            n += 1;
        }
    }
    n
}

#[test]
fn an_unreadable_file_is_an_error_record() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    seeded(&dir);
    let locked = dir.join("locked.txt");
    std::fs::write(&locked, "1. Budget\n").unwrap();
    let mut how = "mode 000";
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(&locked).is_ok() {
            // Running as root: permissions do not stop reading. /proc/self/mem cannot be read
            // from offset 0 by anyone (EIO), so a link to it is a file that fails to read.
            std::fs::remove_file(&locked).unwrap();
            if std::os::unix::fs::symlink("/proc/self/mem", &locked).is_err() || std::fs::read("/proc/self/mem").is_ok()
            {
                eprintln!("skipping: running privileged and /proc/self/mem is not available");
                return;
            }
            how = "link to /proc/self/mem";
        }
    }
    let out = minutes(&["parse", "--ndjson", "--quiet", &s(&dir)]);
    assert_eq!(out.status.code(), Some(1), "{how}: {}", stderr(&out));
    let (docs, errs) = records(&out);
    assert_eq!(docs.len(), 5, "the other files are converted");
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].0.ends_with("locked.txt"));
    assert!(stderr(&out).contains("locked.txt"));
    // One file alone: exit 2 and a message naming it.
    let out = minutes(&["parse", &s(&locked)]);
    assert_eq!(out.status.code(), Some(2), "{how}");
    assert!(stderr(&out).contains("locked.txt"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_directory_where_a_file_is_expected() {
    let tmp = tempfile::tempdir().unwrap();
    let seeds = seeded(&tmp.path().join("in"));
    // `check` on a folder.
    let out = minutes(&["check", &s(tmp.path())]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("cannot read"), "{out:?}");
    // A file used as a folder (`seed-0.txt/`).
    let out = minutes(&["parse", &format!("{}/", s(&seeds[0]))]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("seed-0.txt"), "{}", stderr(&out));
    // A folder named like a minutes file inside a tree is walked, not read.
    std::fs::create_dir_all(tmp.path().join("in/folder.txt")).unwrap();
    std::fs::copy(&seeds[0], tmp.path().join("in/folder.txt/inner.txt")).unwrap();
    let out = minutes(&["parse", "--ndjson", "--quiet", &s(&tmp.path().join("in"))]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(records(&out).0.len(), 6);
    // And given explicitly with an input format: still a folder of inputs.
    let out =
        minutes(&["parse", "--input-format", "text", "--ndjson", "--quiet", &s(&tmp.path().join("in/folder.txt"))]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(records(&out).0.len(), 1);
}

#[cfg(unix)]
#[test]
fn symlink_loops_end_and_are_reported() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    seeded(&dir);
    let export = |dir: &Path| minutes(&["export", "--format", "ndjson", &s(dir)]);
    let rows_before = export(&dir);
    assert!(rows_before.status.success(), "{}", stderr(&rows_before));
    symlink(".", dir.join("loop")).unwrap(); // a folder linking to itself
    symlink("..", dir.join("up")).unwrap(); // and to its parent
    symlink("self.txt", dir.join("self.txt")).unwrap(); // a file linking to itself
    symlink("b.md", dir.join("a.md")).unwrap(); // two files linking to each other
    symlink("a.md", dir.join("b.md")).unwrap();
    let out = minutes(&["parse", "--ndjson", "--quiet", &s(&dir)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let (docs, errs) = records(&out);
    assert_eq!(docs.len(), 5, "each seed once: linked folders are not followed");
    let mut names: Vec<&str> = errs.iter().map(|(p, _)| p.rsplit('/').next().unwrap()).collect();
    names.sort();
    assert_eq!(names, ["a.md", "b.md", "self.txt"]);
    assert!(errs.iter().all(|(_, r)| r.contains("symbolic links")), "{errs:?}");
    // `export` (and `load`) walk folders the same way: the same rows as without the links.
    let rows_after = export(&dir);
    let lines = |o: &Output| String::from_utf8_lossy(&o.stdout).lines().filter(|l| l.contains("seed-")).count();
    assert_eq!(lines(&rows_after), lines(&rows_before), "{}", stderr(&rows_after));
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_tree_is_reported_not_read() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    seeded(&dir);
    let fifo = dir.join("pipe.txt");
    if !Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
        eprintln!("skipping: mkfifo not available");
        return;
    }
    // Reading it would block forever: the deadline in `minutes` turns a hang into a failure.
    let out = minutes(&["parse", "--ndjson", "--quiet", &s(&dir)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let (docs, errs) = records(&out);
    assert_eq!(docs.len(), 5);
    assert_eq!(errs.len(), 1);
    assert!(errs[0].0.ends_with("pipe.txt") && errs[0].1.contains("not a regular file"), "{errs:?}");
}

#[test]
fn an_output_folder_that_cannot_be_written() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    seeded(&dir);
    // A regular file where the output folder should be: nothing can be created under it
    // (unlike permissions, this holds for root too).
    let blocker = tmp.path().join("blocker");
    std::fs::write(&blocker, "").unwrap();
    let out = minutes(&["parse", &s(&dir), "--out", &s(&blocker.join("out")), "--quiet"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot create"), "{}", stderr(&out));
    // One sub-folder of the output blocked by a file: those inputs fail, the rest is written.
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::copy(dir.join("seed-0.txt"), dir.join("sub/x.txt")).unwrap();
    let outdir = tmp.path().join("out");
    std::fs::create_dir_all(&outdir).unwrap();
    std::fs::write(outdir.join("sub"), "").unwrap();
    let out = minutes(&["parse", &s(&dir), "--out", &s(&outdir), "--quiet"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("x.txt") && stderr(&out).contains("cannot write"), "{}", stderr(&out));
    assert_eq!(outputs_complete(&outdir), 5);
    // Standard output that cannot be written: exit 2 with a message, for one file and a batch.
    if Path::new("/dev/full").exists() {
        for args in [vec!["parse", "--ndjson"], vec!["parse"]] {
            let target = if args.len() == 2 { s(&dir) } else { s(&dir.join("seed-0.txt")) };
            let out = run_within(
                Command::new("sh").args(["-c", "exec \"$@\" > /dev/full", "sh"]).arg(bin()).args(&args).arg(&target),
                Duration::from_secs(300),
            );
            assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
            assert!(stderr(&out).contains("cannot write output"), "{}", stderr(&out));
        }
    }
}

#[cfg(unix)]
#[test]
fn a_full_disk_during_out_leaves_no_half_written_file() {
    // RLIMIT_FSIZE (`ulimit -f`, 512-byte blocks) with SIGXFSZ ignored makes every write past
    // 4 KiB fail (EFBIG) as a full disk does (ENOSPC): small outputs fit, large ones fail.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    seeded(&dir);
    std::fs::write(dir.join("small.txt"), "").unwrap();
    std::fs::write(dir.join("tiny.txt"), "Apologies: none.\n").unwrap();
    let outdir = tmp.path().join("out");
    let out = run_within(
        Command::new("sh")
            .args(["-c", "trap '' XFSZ; ulimit -f 8 && exec \"$@\"", "sh"])
            .arg(bin())
            .args(["parse", "--quiet", "--incremental", "--out"])
            .arg(&outdir)
            .arg(&dir),
        Duration::from_secs(300),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("cannot write"), "{}", stderr(&out));
    // The small documents are written whole; the large ones are absent, not cut short.
    let written = outputs_complete(&outdir);
    assert!((1..7).contains(&written), "{written} outputs: {:?}", files(&outdir));
    assert!(!outdir.join("seed-0.txt.json").exists());
    assert!(outdir.join("small.txt.json").exists());
    // Space again: an incremental run converts what failed.
    let out = minutes(&["parse", "--quiet", "--incremental", "--out", &s(&outdir), &s(&dir)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(outputs_complete(&outdir), 7);
}

#[cfg(unix)]
#[test]
fn sigint_mid_batch_keeps_finished_outputs_and_writes_no_partial_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    std::fs::create_dir_all(&dir).unwrap();
    // 200 inputs of ~40 KB: long enough in a debug build to be interrupted in the middle.
    let seed = std::fs::read_to_string(root().join("corpus/seeds/003_55eb5eab3da61fc3.txt")).unwrap();
    let total = 200;
    for i in 0..total {
        std::fs::write(dir.join(format!("m{i:03}.txt")), format!("{}\n{i}\n", seed.repeat(4))).unwrap();
    }
    let outdir = tmp.path().join("out");
    let mut child = Command::new(bin())
        .args(["parse", "--jobs", "1", "--quiet", "--incremental", "--out"])
        .arg(&outdir)
        .arg(&dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while files(&outdir).iter().filter(|f| f.ends_with(".txt.json")).count() < 3 {
        assert!(start.elapsed() < Duration::from_secs(120), "no output appeared");
        assert!(child.try_wait().unwrap().is_none(), "finished before it could be interrupted");
        std::thread::sleep(Duration::from_millis(5));
    }
    let kill = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(kill.success());
    let out = run_within_child(child);
    assert_eq!(out.status.code(), Some(130), "{}", stderr(&out));
    assert!(stderr(&out).contains("interrupted"), "{}", stderr(&out));
    let written = outputs_complete(&outdir);
    assert!((3..total).contains(&written), "{written} of {total} written");
    // The manifest lists only finished outputs: the next incremental run does the rest.
    let out = minutes(&["parse", "--incremental", "--out", &s(&outdir), &s(&dir)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(outputs_complete(&outdir), total);
}

fn run_within_child(child: std::process::Child) -> Output {
    // The interrupted run finishes the input in flight; a hang would be a bug.
    let id = child.id();
    let watchdog = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(120));
        let _ = Command::new("kill").args(["-KILL", &id.to_string()]).status();
    });
    let out = child.wait_with_output().unwrap();
    drop(watchdog); // detached: the process has ended; a late kill hits nothing of ours
    out
}

#[test]
fn a_file_changing_while_it_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("live.txt");
    let seed = std::fs::read(root().join("corpus/seeds/000_b0cdff2f6d2ef9e7.txt")).unwrap();
    std::fs::write(&path, &seed).unwrap();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (path, stop, seed) = (path.clone(), stop.clone(), seed.clone());
        std::thread::spawn(move || {
            use std::io::Write;
            let mut k = 0usize;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                // Truncate and rewrite in pieces, append, cut mid-character: every state a
                // reader can meet.
                let mut f = std::fs::File::create(&path).unwrap();
                let cut = (k * 7919) % seed.len();
                f.write_all(&seed[..cut]).unwrap();
                f.write_all("é—\u{a0}".as_bytes()).unwrap();
                f.write_all(&seed[cut..]).unwrap();
                drop(f);
                let mut f = std::fs::OpenOptions::new().append(true).open(&path).unwrap();
                f.write_all(&seed[..seed.len() / 3]).unwrap();
                k += 1;
            }
        })
    };
    for i in 0..20 {
        let out = minutes(&["parse", "--with-text", "--compact", &s(&path)]);
        assert!(out.status.success(), "run {i}: {}", stderr(&out));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let errs = minutes::check::check_json(&v);
        assert!(errs.is_empty(), "run {i}: {errs:?}");
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    writer.join().unwrap();
}
