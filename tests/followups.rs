//! Follow-ups across meetings: the made-up Marsh Green sequence (every status, every deadline
//! form), margin owners in layout text, the CLI outputs, and the real-archive expectation file.

use minutes::decode::DecodeOptions;
use minutes::followup::{self, body_from_path, date_from_path, FollowUp, Input, Status};
use minutes::Options;

use crate::util::{parse_file, root, run, shared_corpus};

fn marsh_green() -> followup::Report {
    let dir = root().join("corpus/followups/marsh-green");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    // Given out of order on purpose: the body's calendar comes from the dates.
    files.reverse();
    let inputs: Vec<Input> =
        files.iter().map(|p| Input { path: p.to_string_lossy().into_owned(), doc: parse_file(p).unwrap() }).collect();
    followup::track(&inputs, &followup::Options::default())
}

fn by_text<'a>(r: &'a followup::Report, needle: &str) -> &'a FollowUp {
    r.bodies[0].followups.iter().find(|f| f.text.contains(needle)).unwrap_or_else(|| panic!("no follow-up {needle}"))
}

#[test]
fn sequence_grouped_and_ordered() {
    let r = marsh_green();
    assert_eq!(r.bodies.len(), 1);
    let b = &r.bodies[0];
    assert_eq!(b.name, "Marsh Green Parish Council");
    let dates: Vec<_> = b.meetings.iter().map(|m| m.date.clone().unwrap()).collect();
    assert_eq!(dates, ["2024-01-10", "2024-02-14", "2024-03-13", "2024-05-08"]);
}

#[test]
fn every_status_with_its_evidence() {
    let r = marsh_green();
    // done: matters arising at the next meeting says "had written" (then "confirmed ... installed").
    let f = by_text(&r, "Clerk to write to the County Council");
    assert_eq!(f.status, Status::Done, "{f:#?}");
    assert_eq!(f.owner.as_deref(), Some("Clerk"));
    assert!(f.evidence.iter().all(|e| e.kind == "matters-arising"));
    assert!(f.evidence[0].document.ends_with("2024-02-14.txt"));
    // "had written ... and a reply was awaited": the asked deed (write) is done; the reply
    // awaited is another matter.
    assert_eq!(f.evidence[0].done_word.as_deref(), Some("written"));
    assert_eq!(f.evidence[0].pending_word, None);
    // "an update report be brought to the next meeting": resolved to the next meeting, done.
    let f = by_text(&r, "playing field hedge");
    assert_eq!((f.due.as_deref(), f.due_source.as_deref()), (Some("2024-02-14"), Some("next meeting in input")));
    assert_eq!(f.status, Status::Done);
    assert_eq!(f.evidence[0].done_word.as_deref(), Some("received"));
    // "deferred to the next meeting", discussed again but "still" not done.
    let f = by_text(&r, "grit bin survey be deferred");
    assert_eq!(f.due.as_deref(), Some("2024-02-14"));
    assert_eq!(f.status, Status::RaisedAgain, "{f:#?}");
    assert_eq!(f.evidence[0].kind, "same-subject");
    // "by the end of February 2024" passed at the March meeting with no evidence.
    let f = by_text(&r, "speed watch");
    assert_eq!(f.due.as_deref(), Some("2024-02-29"));
    assert_eq!(f.status, Status::Overdue);
    assert!(f.reason.contains("2024-03-13"), "{}", f.reason);
    // "to the next meeting", and the next meeting said nothing: overdue at that meeting.
    let f = by_text(&r, "pond railings");
    assert_eq!(f.due.as_deref(), Some("2024-05-08"));
    assert_eq!(f.status, Status::Overdue);
    // "in due course": no date, no evidence, open.
    let f = by_text(&r, "circulated to councillors in due course");
    assert_eq!((f.due.as_deref(), f.due_text.as_deref()), (None, Some("in due course")));
    assert_eq!(f.status, Status::Open);
    // A decision's passive deed with a calendar deadline, not due yet.
    let f = by_text(&r, "defibrillator pads be replaced");
    assert_eq!((f.origin.as_str(), f.due.as_deref()), ("resolution-action", Some("2024-12-31")));
    assert_eq!(f.status, Status::Open);
    // Own detection where the parser has no action: a deferral word, no deadline, open.
    let f = by_text(&r, "village sign was postponed");
    assert_eq!((f.origin.as_str(), f.due.as_deref()), ("deferral", None));
    assert_eq!(f.status, Status::Open);
    // "The Clerk agreed to ask ...": at the last-but-one meeting, no evidence, open.
    let f = by_text(&r, "Clerk agreed to ask the Highways officer");
    assert_eq!(f.owner.as_deref(), Some("Clerk"));
    assert_eq!(f.status, Status::Open);
}

#[test]
fn every_status_is_traceable() {
    let r = marsh_green();
    for f in &r.bodies[0].followups {
        assert!(!f.reason.is_empty());
        match f.status {
            Status::Done => assert!(f.evidence.iter().any(|e| e.done_word.is_some() && e.pending_word.is_none())),
            Status::RaisedAgain => assert!(!f.evidence.is_empty()),
            Status::Overdue | Status::Open => assert!(f.evidence.is_empty()),
        }
        for e in &f.evidence {
            assert!(e.span.end > e.span.start && e.date.as_deref() > f.date.as_deref());
        }
    }
}

fn text_doc(path: &str, text: &str) -> Input {
    let opts = Options { with_text: true, path: path.into() };
    let dopts = DecodeOptions { format: Some(minutes::Format::Text), name_hint: Some(path.into()) };
    Input { path: path.into(), doc: minutes::parse_bytes(text.as_bytes(), &dopts, &opts).unwrap() }
}

/// Track follow-ups across made-up text meetings, given as (path, text).
fn track_texts(docs: &[(&str, &str)]) -> followup::Report {
    let inputs: Vec<Input> = docs.iter().map(|(path, text)| text_doc(path, text)).collect();
    followup::track(&inputs, &followup::Options::default())
}

#[test]
fn margin_owners_minute_references_and_file_name_dates() {
    let first = "1. CORRESPONDENCE\n\ni) Lloyds Bank statement.                                   Noted\n\nii) Y Lloffwr, request for financial assistance.                  Feb\n\niii) Vehicles parking on the corner near the Reading Room.         Cllr. J. Davies\n";
    let second = "1. MATTERS ARISING\n10i) nothing here\n1ii) Y Lloffwr: a donation of £50 was agreed and paid.\n1iii) Cllr. J. Davies had spoken to the owners and the parking problem was resolved.\n";
    let third = "1. LIGHTING\n\ni) No issues.\n";
    let inputs = vec![
        text_doc("x/council-minutes/2019/19-02-06.txt", second),
        text_doc("x/council-minutes/2019/19-01-09.txt", first),
        text_doc("x/council-minutes/2019/19-03-13.txt", third),
    ];
    let r = followup::track(&inputs, &followup::Options::default());
    let b = &r.bodies[0];
    assert_eq!((b.name.as_str(), b.name_source.as_str()), ("council-minutes", "path"));
    assert_eq!(b.meetings[0].date.as_deref(), Some("2019-01-09"));
    assert_eq!(b.meetings[0].date_source, "file name");
    let fus = &b.followups;
    assert_eq!(fus.len(), 2, "{fus:#?}");
    assert_eq!(fus[0].origin, "margin-owner");
    assert_eq!((fus[0].due.as_deref(), fus[0].due_text.as_deref()), (Some("2019-02-06"), Some("Feb")));
    assert_eq!(fus[0].status, Status::Done, "{:#?}", fus[0]);
    assert_eq!(fus[1].owner.as_deref(), Some("Cllr. J. Davies"));
    assert_eq!(fus[1].evidence[0].kind, "minute-reference");
    assert_eq!(fus[1].status, Status::Done);
}

#[test]
fn path_fallbacks() {
    assert_eq!(
        body_from_path("bulk/manordeilo-salem-cc-minutes/dist/minutes/2019/19-07-10.pdf").as_deref(),
        Some("manordeilo-salem-cc-minutes")
    );
    assert_eq!(body_from_path("x.txt"), None);
    assert_eq!(
        body_from_path("bulk/stokeferry-parish-minutes/src/2018/07/june-meeting-minutes/index.md").as_deref(),
        Some("stokeferry-parish-minutes")
    );
    assert_eq!(body_from_path("archive/june-meeting/notes.md").as_deref(), Some("june-meeting"));
    // Folders whose words are all generic ("meetings-historical", "minutes-deprecated") are
    // passed over for the archive's own name.
    assert_eq!(
        body_from_path("bulk/owasp-board-minutes/meetings-historical/2021/2021-01-05.md").as_deref(),
        Some("owasp-board-minutes")
    );
    assert_eq!(
        body_from_path("w3c-publ-wg-minutes/Meetings/Minutes/2018/x.md").as_deref(),
        Some("w3c-publ-wg-minutes")
    );
    assert_eq!(date_from_path("a/19-07-10.pdf").as_deref(), Some("2019-07-10"));
    assert_eq!(date_from_path("a/minutes-2019-06-05.md").as_deref(), Some("2019-06-05"));
    assert_eq!(
        date_from_path("src/2019/08/draft-minutes-held-on-wednesday-5th-june-2019-at-7-00pm/index.md").as_deref(),
        Some("2019-06-05")
    );
    assert_eq!(date_from_path("a/19-13-10.pdf"), None);
}

#[test]
fn cli_outputs() {
    let dir = root().join("corpus/followups/marsh-green");
    let d = dir.to_string_lossy();
    let out = run(&["followups", "--json", &d]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "minutes-followups/1");
    assert_eq!(v["bodies"][0]["followups"].as_array().unwrap().len(), 10);
    let md = String::from_utf8(run(&["followups", &d]).stdout).unwrap();
    assert!(md.contains("## Marsh Green Parish Council") && md.contains("| **overdue** |"));
    let html = String::from_utf8(run(&["followups", "--html", &d]).stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<table>") && html.contains("<strong>done</strong>"));
    let bad = run(&["followups", "/nonexistent/file.txt"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn parse_format_md() {
    let f = root().join("corpus/followups/marsh-green/2024-01-10.txt");
    let out = run(&["parse", "--format", "md", &f.to_string_lossy()]);
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# Minutes of the Marsh Green Parish Council held on 10 January 2024"));
    assert!(md.contains("## 3 Playing Field Hedge"));
    assert!(md.contains("> **item-3/r-1** (resolved): RESOLVED that a quote"));
    assert!(md.contains("- **Action:** Cllr Eve Frost to organise volunteers"));
    assert!(md.contains("due: 2024-02-29 (by the end of February 2024)"));
}

/// Agreement of the tool with a hand-checked expectation file: (agreeing, total, the
/// disagreements). An expected follow-up is found by meeting date and a snippet of its text;
/// `not_followup` agrees when the tool lists no follow-up containing the snippet.
fn agreement(got: &serde_json::Value, exp: &serde_json::Value) -> (usize, usize, Vec<String>) {
    let fus: Vec<&serde_json::Value> =
        got["bodies"].as_array().unwrap().iter().flat_map(|b| b["followups"].as_array().unwrap()).collect();
    let expected = exp["followups"].as_array().unwrap();
    let mut agree = 0;
    let mut missing = Vec::new();
    for e in expected {
        let (date, snippet, want) =
            (e["date"].as_str().unwrap(), e["snippet"].as_str().unwrap(), e["status"].as_str().unwrap());
        let hit = fus.iter().find(|f| f["date"] == date && f["text"].as_str().unwrap().contains(snippet));
        let status = hit.map_or("not_followup", |f| f["status"].as_str().unwrap());
        if status == want {
            agree += 1;
        } else {
            let why = hit.map_or(String::new(), |f| format!(" ({})", f["reason"].as_str().unwrap()));
            missing.push(format!("{date} {snippet:?}: tool {status}{why}, expected {want}"));
        }
    }
    (agree, expected.len(), missing)
}

/// A real run of meetings of one body of the Stoke Ferry archive (Stoke Ferry or West Dereham
/// Parish Council) against a hand-checked sample (`tests/data/<name>`): (agreeing, total, the disagreements); `None` without ../shared.
fn stoke_ferry_run(name: &str) -> Option<(usize, usize, Vec<String>)> {
    let Some(shared) = shared_corpus() else {
        eprintln!("skipping: ../shared/corpus not present");
        return None;
    };
    let exp: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("tests/data").join(name)).unwrap()).unwrap();
    // The files are named under `base` (the archive's Markdown copies by default).
    let base = shared.join(exp["base"].as_str().unwrap_or("bulk/stokeferry-parish-minutes/src"));
    let files: Vec<String> = exp["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| base.join(f.as_str().unwrap()).to_string_lossy().into_owned())
        .collect();
    if !files.iter().all(|f| std::path::Path::new(f).is_file()) {
        eprintln!("skipping: the Stoke Ferry archive is not in ../shared/corpus/bulk");
        return None;
    }
    let mut args = vec!["followups", "--json"];
    args.extend(files.iter().map(String::as_str));
    let out = run(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got["bodies"].as_array().unwrap().len(), 1, "one body: {:#?}", got["bodies"][1]["name"]);
    let (agree, total, missing) = agreement(&got, &exp);
    eprintln!("{name}: agreement {agree}/{total} = {:.2}; disagreements: {missing:#?}", agree as f64 / total as f64);
    Some((agree, total, missing))
}

/// The bar: 90% agreement on the hand-checked real runs: January 2018 to January
/// 2019 (the sample the rules were first tuned on), February 2019 to March 2020 (hand-checked
/// blind; held out in session 3, its disagreements studied since session 4) and August 2016
/// to September 2017 (hand-checked blind in session 4, held out: no rule tuned on it); and
/// West Dereham Parish Council, February 2017 to June 2018 (another clerk's minutes,
/// hand-checked blind in session 16: 11/29 before any rule was tuned on it); and Northwold
/// Parish Council, January 2012 to June 2013 (a third clerk, hand-checked blind in session
/// 17: 14/32 held out); and Wereham Parish Council, November 2004 to November 2008 (a fourth
/// clerk, hand-checked blind in session 18: 7/25 held out, and none of 20 asks its reader
/// found unlisted is listed).
#[test]
#[ignore = "agreement 19/29 (2018), 25/32 (2019), 22/30 (2017; 18/30 held out), West Dereham 21/29 (11/29 held out), Northwold 22/32 (14/32 held out), Wereham 7/25 (held out): below the 0.90 required; see README Follow-ups"]
fn real_run_stoke_ferry_matches_expectation() {
    for name in [
        "followups-stokeferry-2018.json",
        "followups-stokeferry-2019.json",
        "followups-stokeferry-2017.json",
        "followups-westdereham-2017.json",
        "followups-northwold-2012.json",
        "followups-wereham-2005.json",
    ] {
        let Some((agree, total, missing)) = stoke_ferry_run(name) else { return };
        let rate = agree as f64 / total as f64;
        assert!(rate >= 0.9, "{name}: agreement {agree}/{total} = {rate:.2} < 0.90: {missing:#?}");
    }
}

/// A ratchet, not the goal: the real runs must not agree less than they do now.
#[test]
fn real_run_stoke_ferry_does_not_regress() {
    for (name, floor) in [
        // 19, was 20: "agreed that improvement of the signage to Furlong Road was an option"
        // (2018-12-05) was raised again only because the parser gave it the owner "Furlong
        // Road" (a road is no one) and the January minutes name the road; without that wrong
        // owner its overlap with "liaising with NCC Highways on extra signage" is too low.
        ("followups-stokeferry-2018.json", 19),
        ("followups-stokeferry-2019.json", 25),
        ("followups-stokeferry-2017.json", 22),
        // Held out: judged blind in session 16, on another council's minutes. 16, was 15:
        // words inside a quotation (an MP's statement read out) ask nothing (session 22). 21,
        // was 17: a passage naming the owner is evidence only with three of the ask's own
        // words, in the sentence naming the owner when the passage is long; not a role's name
        // ("Locum Clerk") nor a standing item's title ("Finance") (helper fu23).
        ("followups-westdereham-2017.json", 21),
        // Held out: judged blind in session 17, on a third council's minutes. 22, was 17:
        // events announced (another group's meeting, an outside visit), hopes and money
        // carried forward ask nothing (session 22).
        ("followups-northwold-2012.json", 22),
        // Held out: judged blind in session 18, on a fourth council's minutes (2005-2008); its
        // "missed" list (asks the tool does not list) is not scored here.
        ("followups-wereham-2005.json", 7),
    ] {
        let Some((agree, total, missing)) = stoke_ferry_run(name) else { return };
        assert!(agree >= floor, "{name}: agreement fell to {agree}/{total} (floor {floor}): {missing:#?}");
    }
}

/// The real run: Manordeilo & Salem Community Council, 2019 (PDF), against a hand-checked
/// expectation file: (agreeing, total, the disagreements); `None` without ../shared or
/// pdftotext.
fn manordeilo_run() -> Option<(usize, usize, Vec<String>)> {
    let Some(shared) = shared_corpus() else {
        eprintln!("skipping: ../shared/corpus not present");
        return None;
    };
    let dir = shared.join("bulk/manordeilo-salem-cc-minutes/dist/minutes/2019");
    if !dir.is_dir() || std::process::Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("skipping: archive or pdftotext not present");
        return None;
    }
    let exp: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/data/followups-manordeilo-2019.json")).unwrap(),
    )
    .unwrap();
    // The English minutes (19-MM-DD*.pdf); the *_cy.pdf Welsh versions repeat them, undated.
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path().to_string_lossy().into_owned())
        .filter(|p| p.rsplit('/').next().is_some_and(|n| n.starts_with("19-")))
        .collect();
    files.sort();
    let mut args = vec!["followups", "--json"];
    args.extend(files.iter().map(String::as_str));
    let out = run(&args);
    assert!(out.status.success());
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let fus = got["bodies"][0]["followups"].as_array().unwrap();
    let expected = exp["followups"].as_array().unwrap();
    let mut agree = 0;
    let mut missing = Vec::new();
    for e in expected {
        let doc = e["document"].as_str().unwrap();
        let starts = e["text_starts"].as_str().unwrap();
        let hit = fus.iter().find(|f| {
            // Contained, as in the Stoke Ferry runs: a follow-up whose text now starts a few
            // words earlier ("proposed by Cllr. J. Davies, seconded by Cllr. K. Davies and
            // unanimously agreed to ask Mrs W. ...") is still the passage that was judged.
            f["document"].as_str().unwrap().ends_with(doc) && f["text"].as_str().unwrap().contains(starts)
        });
        match hit {
            Some(f) if f["status"] == e["status"] => agree += 1,
            Some(f) => missing.push(format!("{doc} {starts:?}: tool {} expected {}", f["status"], e["status"])),
            None => missing.push(format!("{doc} {starts:?}: not found")),
        }
    }
    eprintln!("followups agreement {agree}/{}; disagreements: {missing:#?}", expected.len());
    Some((agree, expected.len(), missing))
}

#[test]
#[ignore = "agreement on the hand-checked meeting is 0.70 (7/10), below the 0.90 required: see README Follow-ups"]
fn real_archive_matches_expectation() {
    let Some((agree, total, missing)) = manordeilo_run() else { return };
    let rate = agree as f64 / total as f64;
    assert!(rate >= 0.9, "agreement {rate:.2} < 0.90: {missing:#?}");
}

/// A ratchet, not the goal: the Manordeilo run must not agree less than it does now.
#[test]
fn real_archive_does_not_regress() {
    let Some((agree, total, missing)) = manordeilo_run() else { return };
    assert!(agree >= 7, "agreement fell to {agree}/{total} (floor 7): {missing:#?}");
}

#[test]
fn slash_minute_reference_and_clerk_to_write_in_matters_arising() {
    let first = "Minutes of the Fenby Parish Council held on 4 September 2019\n\n135/19 Village Sign\nThe sign is faded. The Clerk to write to the sign maker for a quote.\n\n136/19 Footpaths\nThe Clerk to write to the County Council about the stile on footpath 5.\n";
    let second = "Minutes of the Fenby Parish Council held on 2 October 2019\n\n150/19 Matters Arising\nMin. 135/19: a quote of £400 had been received from the sign maker.\nFootpath 5 stile – the County Council had not yet replied about the stile.\n\n151/19 Date of Next Meeting\n6 November 2019.\n";
    let r = track_texts(&[("fenby/2019-10-02.txt", second), ("fenby/2019-09-04.txt", first)]);
    let sign = by_text(&r, "sign maker");
    assert_eq!(sign.evidence[0].kind, "minute-reference", "{sign:#?}");
    assert_eq!(sign.status, Status::Done, "{sign:#?}");
    let stile = by_text(&r, "stile");
    assert_eq!(stile.evidence[0].kind, "matters-arising", "{stile:#?}");
    assert_eq!(stile.status, Status::RaisedAgain, "{stile:#?}");
    assert_eq!(stile.evidence[0].pending_word.as_deref(), Some("had not"));
}

#[test]
fn topic_labels_subjects_and_the_asked_deed() {
    // A clerk's report run into one paragraph of "Topic – text" entries, as pasted from a PDF;
    // the follow-ups are short ("progress the order") and get their subject from the label.
    let first = "Minutes of the Fenby Parish Council held on 6 November 2019\n\n200/19 Clerk's Report\nCemetery Bin – the old bin is broken and a new one is needed. The Chair agreed to progress the order. Bus Shelter – the glass is cracked. The Clerk agreed to chase the glazier.\n\n201/19 Hedges\nThe Clerk agreed to contact the owner of the Mill Lane hedge.\n";
    let second = "Minutes of the Fenby Parish Council held on 4 December 2019\n\n220/19 Clerk's Report (Inc Matters Arising)\nCemetery Bin – The new bin has been ordered and will be emptied monthly. Bus Shelter – The Clerk chased the glazier, who is still to fit the glass. Blocked drain - on High Street reported. The Mill Lane hedge was discussed again; no contact yet.\n\n221/19 Date of Next Meeting\n8 January 2020.\n";
    let r = track_texts(&[("fenby/2019-11-06.txt", first), ("fenby/2019-12-04.txt", second)]);
    let order = by_text(&r, "progress the order");
    assert_eq!(order.subject.as_deref(), Some("Cemetery Bin – the old bin is broken and a new one is needed."));
    assert_eq!(order.status, Status::Done, "{order:#?}");
    assert!(order.evidence[0].excerpt.starts_with("Cemetery Bin"), "{order:#?}");
    // "to chase" -> "chased": done, although the glazier is "still" to fit the glass.
    let chase = by_text(&r, "chase the glazier");
    assert_eq!(chase.evidence[0].done_word.as_deref(), Some("chased"), "{chase:#?}");
    assert_eq!(chase.status, Status::Done);
    // Talked about again, the asked contact not made: raised again.
    let hedge = by_text(&r, "Mill Lane hedge");
    assert_eq!(hedge.status, Status::RaisedAgain, "{hedge:#?}");
}

#[test]
fn a_message_sent_and_a_question_answered() {
    // Asked to report (a message): done by any message sent, whatever the reply. Asked to
    // find out (a question): done by the answer reported, unless it is still awaited.
    let first = "Minutes of the Fenby Parish Council held on 8 January 2020\n\n10/20 Quarry Site\nThe fencing at the quarry site is broken. The Clerk agreed to report the broken fencing to the quarry owner.\n\n11/20 Christmas Arrangements\nCllr Daphne Clements was checking if the Church will hold a carol service on the green.\n\n12/20 Bin Key\nCllr Jim Hall would check who holds the key to the cemetery bin.\n";
    let second = "Minutes of the Fenby Parish Council held on 5 February 2020\n\n30/20 Matters Arising\nQuarry Site – the Clerk had emailed the quarry owner about the broken fencing and was yet to receive a response.\nCarol Service – the Church advised that the carol service on the green would be on 20 December.\nCemetery Bin Key – Cllr Jim Hall advised that he was still awaiting an answer about the cemetery bin key.\n\n31/20 Date of Next Meeting\n4 March 2020.\n";
    let r = track_texts(&[("fenby/2020-01-08.txt", first), ("fenby/2020-02-05.txt", second)]);
    let fence = by_text(&r, "report the broken fencing");
    assert_eq!(fence.status, Status::Done, "{fence:#?}");
    assert_eq!(fence.evidence[0].done_word.as_deref(), Some("emailed"));
    let carol = by_text(&r, "carol service");
    assert_eq!(carol.status, Status::Done, "{carol:#?}");
    assert_eq!(carol.evidence[0].done_word.as_deref(), Some("advised"));
    let key = by_text(&r, "holds the key");
    assert_eq!(key.status, Status::RaisedAgain, "{key:#?}");
    assert_eq!(key.evidence[0].pending_word.as_deref(), Some("still"));
}

#[test]
fn a_later_passage_under_the_same_heading() {
    // The later minute says it in other words (overlap low), under a label naming the matter.
    let first = "Minutes of the Fenby Parish Council held on 15 May 2019\n\n101/19 Public Participation\nA resident asked for a dog bin on Bridge Road near the school. Cllr Jim Hall agreed to investigate whether there were any possible locations to place a dog bin there and contact the owners of neighbouring properties.\n\n102/19 Date of Next Meeting\n5 June 2019.\n";
    let second = "Minutes of the Fenby Parish Council held on 5 June 2019\n\n120/19 Clerk's Report\nPlay Area – the swings were repainted. Dog Bin on Bridge Road – Highways replied that nothing can be fixed to the lamp column.\n\n121/19 Date of Next Meeting\n3 July 2019.\n";
    let r = track_texts(&[("fenby/2019-05-15.txt", first), ("fenby/2019-06-05.txt", second)]);
    let f = by_text(&r, "dog bin there");
    assert_eq!(f.evidence.len(), 1, "{f:#?}");
    let e = &f.evidence[0];
    assert_eq!(e.kind, "same-heading", "{f:#?}");
    assert!(e.excerpt.starts_with("Dog Bin on Bridge Road"), "{e:#?}");
    assert!(e.overlap < followup::evidence::SUBJECT_MIN_OVERLAP, "{e:#?}");
    // Weak evidence: raised again, not done.
    assert_eq!(f.status, Status::RaisedAgain, "{f:#?}");
}

#[test]
fn deadlines_written_without_a_year() {
    // Each deadline takes its year (or month) from the meeting that set it.
    let first = "Minutes of the Fenby Parish Council held on 6 November 2019\n\n201/19 Highways\nThe Clerk to report the broken kerb on Mill Lane to Highways by 20 November. The Clerk to order two memorial benches by the end of January. Cllr Ann Webb agreed to bring costings for the noticeboard to the February meeting. The churchyard wall repairs would be completed in this financial year.\n\n202/19 Date of Next Meeting\n4 December 2019.\n";
    let second =
        "Minutes of the Fenby Parish Council held on 4 December 2019\n\n220/19 Matters Arising\nNothing to report.\n";
    let third =
        "Minutes of the Fenby Parish Council held on 5 February 2020\n\n20/20 Matters Arising\nNothing to report.\n";
    let r = track_texts(&[
        ("fenby/2019-11-06.txt", first),
        ("fenby/2019-12-04.txt", second),
        ("fenby/2020-02-05.txt", third),
    ]);
    let due = |needle: &str| {
        let f = by_text(&r, needle);
        (f.due.clone(), f.due_source.clone(), f.status)
    };
    let from_meeting = Some("written without a year, from the meeting date".to_string());
    // Passed at the December meeting, nothing said: overdue.
    assert_eq!(due("broken kerb"), (Some("2019-11-20".into()), from_meeting.clone(), Status::Overdue));
    // The January after a November meeting is next year's; passed by the February meeting.
    assert_eq!(due("memorial benches"), (Some("2020-01-31".into()), from_meeting.clone(), Status::Overdue));
    // "the February meeting": the body's own meeting in February.
    assert_eq!(
        due("costings for the noticeboard"),
        (Some("2020-02-05".into()), Some("month of a later meeting".into()), Status::Overdue)
    );
    // The UK financial year ends on 31 March: not passed by the last meeting.
    assert_eq!(due("churchyard wall"), (Some("2020-03-31".into()), from_meeting, Status::Open));
}

#[test]
fn a_deferral_to_a_dated_meeting_is_due_then() {
    // A deferral names the date of the meeting it goes to, without "by": due that day.
    let first = "Minutes of the Fenby Parish Council held on 4 December 2019\n\n230/19 Planning\nIt was agreed to defer the planning applications and another meeting was called for Wednesday 18th December, 2019.\n\n231/19 Accounts\nThe Clerk would circulate the accounts, the balance carried forward as at 1 April 2019 to be checked first.\n";
    let second =
        "Minutes of the Fenby Parish Council held on 8 January 2020\n\n10/20 Matters Arising\nNothing to report.\n";
    let r = track_texts(&[("fenby/2019-12-04.txt", first), ("fenby/2020-01-08.txt", second)]);
    let called = by_text(&r, "another meeting was called");
    assert_eq!(called.due.as_deref(), Some("2019-12-18"), "{called:#?}");
    assert_eq!(called.due_text.as_deref(), Some("for Wednesday 18th December, 2019"));
    assert_eq!(called.status, Status::Overdue, "{called:#?}");
    // A balance "carried forward as at" a date is no meeting a matter was sent to.
    let accounts = by_text(&r, "circulate the accounts");
    assert_eq!(accounts.due, None, "{accounts:#?}");
}

#[test]
fn the_owner_reporting_the_deed_outside_matters_arising() {
    // A later passage, not in matters arising and sharing few words, where the one asked says
    // the deed is done: as strong as a matters-arising entry. Not when the message went to
    // someone else, when the owner only receives news, or when the owner only speaks.
    let first = "Minutes of the Fenby Parish Council held on 6 March 2019\n\n54/19 Quarry Development\nThere was concern about the overgrown part of the quarry site within the fencing and the Clerk agreed to report to the developer to ensure this was not overlooked.\n\n55/19 Mill\nSmells from the mill were reported. The Clerk agreed to contact the Conservation Officer at the Borough Council to discuss the mill chimney.\n\n56/19 Furlong Road Signage\nThe Clerk agreed to notify residents to cut back the bushes from the signs.\n\n57/19 Cemetery Advert\nThe Clerk agreed to email Cllr Jo Webb the cemetery advert for the noticeboard.\n";
    let second = "Minutes of the Fenby Parish Council held on 5 June 2019\n\n140/19 Items of Concern\nCllr Ann Webb stated that the bus shelter was dirty. - The Clerk had emailed the developer of the quarry site about its untidiness and was yet to receive a response. - The Clerk emailed the Mill Manager about the chimney and the smells from the mill. - Resident informed Clerk that the bushes on Furlong Road had been cut back and the signs were clear. - The Clerk shared that the cemetery noticeboard advert had a spelling mistake.\n\n141/19 Date of Next Meeting\n3 July 2019.\n";
    let r = track_texts(&[("fenby/2019-03-06.txt", first), ("fenby/2019-06-05.txt", second)]);
    let quarry = by_text(&r, "report to the developer");
    assert_eq!(quarry.status, Status::Done, "{quarry:#?}");
    assert_eq!(quarry.evidence[0].kind, "owner-deed", "{quarry:#?}");
    assert_eq!(quarry.evidence[0].done_word.as_deref(), Some("emailed"));
    // The Mill Manager is not the Conservation Officer.
    let mill = by_text(&r, "Conservation Officer");
    assert_ne!(mill.status, Status::Done, "{mill:#?}");
    // The Clerk was told, and did not notify anyone.
    let signs = by_text(&r, "notify residents");
    assert!(signs.evidence.iter().all(|e| e.kind != "owner-deed"), "{signs:#?}");
    // "The Clerk shared that" is the Clerk speaking, not the advert sent.
    let advert = by_text(&r, "cemetery advert");
    assert!(advert.evidence.iter().all(|e| e.kind != "owner-deed"), "{advert:#?}");
}

#[test]
fn a_listed_topic_is_its_own_subject_and_a_request_received_is_no_deed() {
    // Inline list entries each start with their own topic label: an entry's subject is not
    // the label of the entry before it. And "the Clerk was asked to ..." reports a request
    // to the owner, not the asked deed done.
    let first = "Minutes of the Fenby Parish Council held on 3 February 2016\n\n20/16 Play Area Inspection\nThe following work was needed: \u{2022} Bench \u{2013} Remove fungus \u{2013} Clerk to ask Roger Dunmore \u{2022} Swings \u{2013} Remove rust and repaint \u{2013} Clerk to ask Roger Dunmore\n";
    let second = "Minutes of the Fenby Parish Council held on 2 March 2016\n\n40/16 Cemetery\nThe Clerk was asked to get a quote from Roger Dunmore to finish the cemetery railings.\n\n41/16 Play Area\nBench \u{2013} the fungus was discussed again.\n";
    let r = track_texts(&[("fenby/2016-02-03.txt", first), ("fenby/2016-03-02.txt", second)]);
    let swings = by_text(&r, "Remove rust");
    assert_eq!(swings.subject, None, "{swings:#?}");
    // Before, the Swings entry took "Bench" as its subject and found the bench minute.
    assert!(swings.evidence.is_empty(), "{swings:#?}");
    let bench = by_text(&r, "Remove fungus");
    assert!(bench.evidence.iter().all(|e| e.kind != "owner-deed"), "{bench:#?}");
    assert_ne!(bench.status, Status::Done, "{bench:#?}");
}

#[test]
fn a_listing_page_is_left_out_and_named() {
    // An archive's category page: excerpts of several meetings' minutes, each cut short. It
    // is no meeting of a body; the report names it instead.
    let meeting = "Minutes of the Fenby Parish Council held on 6 May 2015\n\n1. Bus Shelter\nThe Clerk to write to the County Council about the broken bus shelter glass.\n";
    let listing = "# Minutes from local Parish Council meetings\n\n### Fenby Parish Council - June\n\nMinutes of the Fenby Parish Council meeting held on 10 June 2015 Present: D Clements, P Denny...\n\n### Marsh Green Parish Council - June\n\nMinutes of the Marsh Green Parish Council meeting held on 11 June 2015 Present: A Webb...\n\n### Fenby Parish Council - May\n\nMinutes of the Fenby Parish Council meeting held on 6 May 2015 The Clerk to write to the County Council...\n";
    let r =
        track_texts(&[("site/2015/05/fenby/index.txt", meeting), ("site/category/parish-councils/index.txt", listing)]);
    let names: Vec<&str> = r.bodies.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["Fenby Parish Council"], "{r:#?}");
    assert_eq!(r.bodies[0].meetings.len(), 1);
    assert_eq!(r.left_out.len(), 1);
    assert_eq!(r.left_out[0].document, "site/category/parish-councils/index.txt");
    let md = followup::report::markdown(&r);
    assert!(md.contains("Left out: 1 input that lists other documents"), "{md}");
    assert!(md.contains("`site/category/parish-councils/index.txt`"), "{md}");
    // Nothing left out: no such line, and no such field in the JSON.
    let plain = track_texts(&[("site/2015/05/fenby/index.txt", meeting)]);
    assert!(!followup::report::markdown(&plain).contains("Left out"));
    assert!(!followup::report::json(&plain).contains("left_out"));
}

#[test]
fn a_meeting_written_twice_is_read_once() {
    // An archive holds each meeting twice (the HTML page and its Markdown copy; here a
    // re-post with other line breaks), and an annual meeting held the same day as another.
    let jan = "Minutes of the Marsh Green Parish Council held on 10 January 2024\n\n1. Bus Shelter\nThe Clerk to write to the County Council about the broken bus shelter glass.\n\n2. Footpaths\nThe muddy footpath by the mill was reported to Highways.\n";
    let jan_again = jan.replace("about the broken", "about the\nbroken").replace("Footpaths\n", "Footpaths\n\n");
    let annual = "Minutes of the Marsh Green Parish Council held on 10 January 2024\n\n1. Election of Chairman\nCllr Anne Brown was elected Chairman; the Clerk had written to the County Council about the bus shelter glass.\n";
    let feb = "Minutes of the Marsh Green Parish Council held on 14 February 2024\n\n1. Matters arising\nBus Shelter – the Clerk had written to the County Council about the bus shelter glass.\n";
    let r = track_texts(&[
        ("mg/docs/2024-01-10/index.txt", jan),
        ("mg/src/2024-01-10/index.txt", &jan_again),
        ("mg/annual/2024-01-10.txt", annual),
        ("mg/src/2024-02-14/index.txt", feb),
    ]);
    let b = &r.bodies[0];
    assert_eq!(b.meetings.len(), 4);
    let twins: Vec<(&str, Option<&str>)> =
        b.meetings.iter().map(|m| (m.document.as_str(), m.same_as.as_deref())).filter(|m| m.1.is_some()).collect();
    assert_eq!(twins, [("mg/src/2024-01-10/index.txt", Some("mg/docs/2024-01-10/index.txt"))]);
    // One follow-up, not one per copy, and its evidence is from February: neither its copy
    // nor the annual meeting of the same day follows it up.
    let asks: Vec<&FollowUp> = b.followups.iter().filter(|f| f.text.contains("bus shelter")).collect();
    assert_eq!(asks.len(), 1, "{asks:#?}");
    assert_eq!(asks[0].document, "mg/docs/2024-01-10/index.txt");
    assert_eq!(asks[0].status, Status::Done, "{:#?}", asks[0]);
    assert!(asks[0].evidence.iter().all(|e| e.date.as_deref() == Some("2024-02-14")), "{:#?}", asks[0].evidence);
}

#[test]
fn a_copy_cut_short_is_the_same_meeting_and_the_fuller_is_kept() {
    // The HTML page lost its last item; the Markdown copy has it. They share less than 80% of
    // their key terms, but the shorter one's terms are all in the longer.
    let items = [
        "1. Bus Shelter\nThe Clerk to write to the County Council about the broken glass panel of the bus shelter on Church Lane, and to ask for a repair date before winter.\n",
        "2. Footpaths\nResidents reported the muddy footpath behind the mill; the Clerk to report it to the Highways rights of way officer with photographs and a map reference.\n",
        "3. Allotments\nThe allotment association asked for a water trough near the northern gate; quotes from two plumbers to be obtained for the next meeting of the council.\n",
        "4. Village Sign\nCllr Anne Brown to obtain designs for a carved oak village sign showing the windmill, the church tower and the river, with costs for painting and installation.\n",
    ];
    let head = "Minutes of the Marsh Green Parish Council held on 10 January 2024\n\n";
    let full = format!("{head}{}", items.concat());
    let short = format!("{head}{}", items[..3].concat());
    let r = track_texts(&[("mg/a-docs/2024-01-10/index.txt", &short), ("mg/b-src/2024-01-10/index.txt", &full)]);
    let b = &r.bodies[0];
    let copies: Vec<(&str, Option<&str>)> =
        b.meetings.iter().map(|m| (m.document.as_str(), m.same_as.as_deref())).collect();
    assert_eq!(
        copies,
        [
            ("mg/a-docs/2024-01-10/index.txt", Some("mg/b-src/2024-01-10/index.txt")),
            ("mg/b-src/2024-01-10/index.txt", None)
        ]
    );
    assert!(b.followups.iter().all(|f| f.document == "mg/b-src/2024-01-10/index.txt"), "{:#?}", b.followups);
    assert!(b.followups.iter().any(|f| f.text.contains("carved oak")), "{:#?}", b.followups);
}

/// The same agenda subject under a later heading ("To Approve the Grounds Maintenance
/// Contract"; the agenda's verb is no part of the subject) is the matter raised again; a
/// heading in common never says done, however the later passage words it ("the quotation
/// received from its current contractor" is not the meeting arranged).
#[test]
fn same_heading_after_agenda_verb_is_raised_again_not_done() {
    let first = "ASHBY PARISH COUNCIL\nMinutes of the meeting held on 10 April 2024\n\n\
        1. To Approve the Grounds Maintenance Contract 2024/25\n\
        The Clerk had sent the quotation request to five contractors; two had responded. \
        The Clerk agreed to arrange a meeting with the current contractor.\n";
    let second = "ASHBY PARISH COUNCIL\nMinutes of the meeting held on 8 May 2024\n\n\
        1. To Approve the Grounds Maintenance Contract 2024/25\n\
        The Parish Council agreed the quotation received from its current contractor for the next year.\n";
    let r = track_texts(&[("2024-04-10.txt", first), ("2024-05-08.txt", second)]);
    let f = by_text(&r, "arrange a meeting with the current contractor");
    assert_eq!(f.status, Status::RaisedAgain, "{f:#?}");
    assert_eq!(f.evidence[0].kind, "same-heading", "{f:#?}");
    // Strong enough by overlap, with a done word: only the kind keeps it from saying done.
    assert!(f.evidence[0].overlap >= followup::evidence::DONE_MIN_OVERLAP, "{f:#?}");
    assert_eq!(f.evidence[0].done_word.as_deref(), Some("received"), "{f:#?}");
}

/// A meeting of "Fenby Parish Council" at `date` (long form), with `body` text.
fn fenby(name: &str, date: &str, body: &str) -> String {
    format!("Minutes of the {name} held on {date}\n\n{body}\n")
}

#[test]
fn a_name_written_with_a_slip_or_only_in_the_file_name_joins_its_body() {
    let usual = |d: &str| fenby("Fenby Parish Council", d, "1. Apologies\nNone.");
    let (a, b, c) = (usual("2 January 2019"), usual("6 February 2019"), usual("3 April 2019"));
    let ask = fenby(
        "Fenby Parish Council",
        "5 December 2018",
        "10/18 Verges\nThe Clerk to write to the Highways about the verges on Mill Lane.",
    );
    // A slip in one word ("Fennby"), the usual name written by four times as many meetings.
    let slip = fenby("Fennby Parish Council", "6 March 2019", "1. Apologies\nNone.");
    // No name in the document; the folder names the body.
    let unnamed = "Minutes of the meeting held on 1 May 2019\n\n5/19 Matters Arising\nThe Clerk had written to the Highways about the verges on Mill Lane.\n";
    // Another body one slip away but not much smaller stays apart.
    let other = |d: &str| fenby("Fenwick Parish Council", d, "1. Apologies\nNone.");
    let (o1, o2) = (other("9 January 2019"), other("13 February 2019"));
    let r = track_texts(&[
        ("fenby/2018-12-05.txt", ask.as_str()),
        ("fenby/2019-01-02.txt", a.as_str()),
        ("fenby/2019-02-06.txt", b.as_str()),
        ("fenby/2019-03-06.txt", slip.as_str()),
        ("fenby/2019-04-03.txt", c.as_str()),
        ("archive/2019/05/fenby-parish-council-may-meeting/index.txt", unnamed),
        ("fenwick/2019-01-09.txt", o1.as_str()),
        ("fenwick/2019-02-13.txt", o2.as_str()),
    ]);
    let names: Vec<&str> = r.bodies.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["Fenby Parish Council", "Fenwick Parish Council"], "{:#?}", r.bodies);
    let fenby = &r.bodies[0];
    assert_eq!(fenby.meetings.len(), 6);
    let also: Vec<(&str, &str, usize)> =
        fenby.also_named.iter().map(|a| (a.name.as_str(), a.why.as_str(), a.meetings)).collect();
    assert!(also.contains(&("Fennby Parish Council", "spelling", 1)), "{also:?}");
    assert!(also.iter().any(|(_, why, n)| *why == "file name" && *n == 1), "{also:?}");
    // The unnamed meeting is the body's: its matters arising do the ask.
    let verges = by_text(&r, "verges on Mill Lane");
    assert_eq!(verges.status, Status::Done, "{verges:#?}");
}

#[test]
fn evidence_years_later_is_another_matter_unless_it_cites_the_minute() {
    let ask = fenby(
        "Fenby Parish Council",
        "9 January 2019",
        "12/19 Verges\nThe Clerk to write to the Highways about the verges on Mill Lane.\n\n13/19 Sign\nThe Clerk to order a new village sign from the sign maker.",
    );
    let next = fenby("Fenby Parish Council", "6 February 2019", "20/19 Apologies\nNone.");
    let years = fenby(
        "Fenby Parish Council",
        "3 March 2021",
        "30/21 Matters Arising\nThe Clerk had written to the Highways about the verges on Mill Lane.\nMin. 13/19: the new village sign had been ordered from the sign maker.",
    );
    let r = track_texts(&[
        ("fenby/2019-01-09.txt", ask.as_str()),
        ("fenby/2019-02-06.txt", next.as_str()),
        ("fenby/2021-03-03.txt", years.as_str()),
    ]);
    let verges = by_text(&r, "verges on Mill Lane");
    assert_eq!(verges.status, Status::Open, "{verges:#?}");
    assert!(verges.evidence.is_empty());
    assert!(verges.reason.contains("1 later meeting(s) within 400 days"), "{}", verges.reason);
    let sign = by_text(&r, "village sign");
    assert_eq!(sign.status, Status::Done, "{sign:#?}");
    assert_eq!(sign.evidence[0].kind, "minute-reference");
}

#[test]
fn a_name_within_another_and_a_body_archive_folder_join_their_body() {
    let board = |name: &str, d: &str, body: &str| fenby(name, d, body);
    let ask = board(
        "Board",
        "5 January 2021",
        "3. Website\nThe Secretary to write to the hosting company about the renewal of the website.\n\n4. Any Other Business\nNone.",
    );
    let quiet = |name: &str, d: &str| board(name, d, "1. Apologies\nNone.");
    let (a, b, c) =
        (quiet("Board", "2 February 2021"), quiet("Board", "2 March 2021"), quiet("Global Board", "6 April 2021"));
    let special = quiet("Special Board", "20 April 2021");
    // Written with an acronym: "TSC" is "Technical Steering Committee".
    let tsc = |name: &str, d: &str| board(name, d, "1. Apologies\nNone.");
    let (t1, t2, t3) = (
        tsc("Fenby Technical Steering Committee", "7 January 2021"),
        tsc("Fenby Technical Steering Committee", "4 February 2021"),
        tsc("Fenby Foundation TSC", "4 March 2021"),
    );
    // Named by its folder only (the board's archive): its matters arising do the ask.
    let unnamed = "Minutes of the meeting held on 4 May 2021\n\n5. Matters Arising\nThe Secretary had written to the hosting company about the renewal of the website.\n\n6. Any Other Business\nNone.\n";
    // "Parish Council" among two parish councils is neither; a folder holding several
    // bodies' minutes names none of them.
    let (w1, w2) =
        (quiet("West Fenby Parish Council", "11 January 2021"), quiet("East Fenby Parish Council", "12 January 2021"));
    let generic = quiet("Parish Council", "8 February 2021");
    let r = track_texts(&[
        ("fenby-board-minutes/minutes-deprecated/2021-01-05.txt", ask.as_str()),
        ("fenby-board-minutes/minutes-deprecated/2021-02-02.txt", a.as_str()),
        ("fenby-board-minutes/meetings-historical/2021-03-02.txt", b.as_str()),
        ("fenby-board-minutes/meetings-historical/2021-04-06.txt", c.as_str()),
        ("fenby-board-minutes/meetings-historical/2021-04-20.txt", special.as_str()),
        ("fenby-board-minutes/meetings-historical/2021-05-04.txt", unnamed),
        ("tsc/2021-01-07.txt", t1.as_str()),
        ("tsc/2021-02-04.txt", t2.as_str()),
        ("tsc/2021-03-04.txt", t3.as_str()),
        ("fenby-parish-minutes/2021-01-11.txt", w1.as_str()),
        ("fenby-parish-minutes/2021-01-12.txt", w2.as_str()),
        ("fenby-parish-minutes/2021-02-08.txt", generic.as_str()),
        ("fenby-parish-minutes/2021-03-08.txt", "Notes of the meeting held on 8 March 2021\n\n1. Apologies\nNone.\n"),
    ]);
    let names: Vec<(&str, usize)> = r.bodies.iter().map(|b| (b.name.as_str(), b.meetings.len())).collect();
    assert_eq!(
        names,
        [
            ("Board", 6),
            ("East Fenby Parish Council", 1),
            ("Fenby Technical Steering Committee", 3),
            ("Parish Council", 1),
            ("West Fenby Parish Council", 1),
            ("fenby-parish-minutes", 1)
        ],
        "{:#?}",
        r.bodies
    );
    let also: Vec<(&str, &str)> = r.bodies[0].also_named.iter().map(|a| (a.name.as_str(), a.why.as_str())).collect();
    assert!(also.contains(&("Global Board", "name within name")), "{also:?}");
    assert!(also.contains(&("Special Board", "name within name")), "{also:?}");
    assert!(also.contains(&("fenby-board-minutes", "folder name")), "{also:?}");
    assert_eq!(r.bodies[2].also_named[0].name, "Fenby Foundation TSC");
    let md = followup::report::markdown(&r);
    assert!(md.contains("Also named: ") && md.contains("Global Board (1 meeting, name within name)"), "{md}");
    let website = by_text(&r, "renewal of the website");
    assert_eq!(website.status, Status::Done, "{website:#?}");
}

/// Follow-ups in notes of discussion (tc39, Node.js TSC, W3C), against a hand-judged sample
/// (`tests/data/followups-oss-sample.json`): (true ones still listed, false ones still listed,
/// how many true, how many false); `None` without ../shared. Detection is per document, so only
/// the sampled documents are read.
fn oss_sample_run() -> Option<(usize, usize, usize, usize)> {
    let shared = shared_corpus()?;
    let exp: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("tests/data/followups-oss-sample.json")).unwrap())
            .unwrap();
    let expected = exp["followups"].as_array().unwrap();
    let mut files: Vec<String> = expected
        .iter()
        .map(|e| shared.join("bulk").join(e["document"].as_str().unwrap()).to_string_lossy().into_owned())
        .collect();
    files.sort();
    files.dedup();
    if !files.iter().all(|f| std::path::Path::new(f).is_file()) {
        eprintln!("skipping: the notes archives are not in ../shared/corpus/bulk");
        return None;
    }
    let mut args = vec!["followups", "--json"];
    args.extend(files.iter().map(String::as_str));
    let out = run(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let fus: Vec<&serde_json::Value> =
        got["bodies"].as_array().unwrap().iter().flat_map(|b| b["followups"].as_array().unwrap()).collect();
    let (mut true_kept, mut false_kept, mut trues) = (0, 0, 0);
    for e in expected {
        let doc = e["document"].as_str().unwrap();
        let starts = e["text_starts"].as_str().unwrap();
        let listed = fus
            .iter()
            .any(|f| f["document"].as_str().unwrap().ends_with(doc) && f["text"].as_str().unwrap().starts_with(starts));
        let truth = e["followup"].as_bool().unwrap();
        trues += usize::from(truth);
        match (truth, listed) {
            (true, true) => true_kept += 1,
            (false, true) => false_kept += 1,
            (true, false) => eprintln!("lost a follow-up: {doc} {starts:?}"),
            (false, false) => {}
        }
    }
    eprintln!(
        "notes sample: {true_kept}/{trues} follow-ups listed, {false_kept}/{} others listed",
        expected.len() - trues
    );
    Some((true_kept, false_kept, trues, expected.len() - trues))
}

/// A ratchet: every judged follow-up of the notes sample is still listed, and no more of the
/// passages judged not to be follow-ups than now: 5 of 37 (23 at 825a841, before session 16's
/// rules on statements in speech, "Browsers will continue changing", "Leonard will speak
/// shortly"; left: "import defer" named unquoted, an opinion, technical content).
#[test]
fn notes_sample_precision_does_not_regress() {
    let Some((true_kept, false_kept, trues, _)) = oss_sample_run() else { return };
    assert_eq!(true_kept, trues, "a judged follow-up is no longer listed");
    assert!(false_kept <= 5, "{false_kept} passages judged not to be follow-ups are listed (was 5)");
}

#[test]
fn body_grouping_does_not_depend_on_file_order_or_size_of_an_unrelated_body() {
    let quiet = |name: &str, d: &str| fenby(name, d, "1. Apologies\nNone.\n\n2. Any Other Business\nNone.");
    let unnamed = "Minutes of the meeting held on 4 May 2021\n\n1. Apologies\nNone.\n\n2. Any Other Business\nNone.\n";
    let (b1, b2, g) =
        (quiet("Board", "2 February 2021"), quiet("Board", "2 March 2021"), quiet("Global Board", "6 April 2021"));
    let mut docs = vec![
        ("board/2021-02-02.txt", b1.as_str()),
        ("board/2021-03-02.txt", b2.as_str()),
        ("board/2021-04-06.txt", g.as_str()),
        ("board/2021-05-04.txt", unnamed),
    ];
    let names = |r: &followup::Report| -> Vec<(String, usize)> {
        r.bodies.iter().map(|b| (b.name.clone(), b.meetings.len())).collect()
    };
    let forward = names(&track_texts(&docs));
    docs.reverse();
    assert_eq!(names(&track_texts(&docs)), forward);
    assert_eq!(forward, [("Board".to_string(), 4)]);
    // "Parish Council" beside two parish councils joins neither, even the larger.
    let (w1, w2, e, p) = (
        quiet("West Fenby Parish Council", "11 January 2021"),
        quiet("West Fenby Parish Council", "8 February 2021"),
        quiet("East Fenby Parish Council", "12 January 2021"),
        quiet("Parish Council", "9 March 2021"),
    );
    let r = track_texts(&[
        ("w/2021-01-11.txt", w1.as_str()),
        ("w/2021-02-08.txt", w2.as_str()),
        ("e/2021-01-12.txt", e.as_str()),
        ("p/2021-03-09.txt", p.as_str()),
    ]);
    let got = names(&r);
    assert!(
        got.contains(&("Parish Council".to_string(), 1)) && got.contains(&("West Fenby Parish Council".to_string(), 2)),
        "{got:?}"
    );
}
