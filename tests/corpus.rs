//! Snapshots: the full JSON of every document in the project's own corpus, and a structural
//! outline (numbers, titles, names, counts, first words of resolutions) of every shared
//! corpus document. Review changes with `cargo insta review`; CI never writes snapshots.

use crate::util::{files_under, parse_file, rel, root, shared_corpus};

fn settings(dir: &str) -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(root().join("snapshots").join(dir));
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

#[test]
fn project_corpus_json() {
    let base = root().join("corpus");
    let mut n = 0;
    for path in files_under(&base) {
        let Some(mut doc) = parse_file(&path) else { continue };
        doc.source.text = None;
        // The checkout's location is not part of the output under test.
        doc.source.path = rel(&path, &root());
        let name = rel(&path, &base).replace('/', "__");
        settings("json").bind(|| insta::assert_snapshot!(name, minutes::emit::json(&doc, true)));
        n += 1;
    }
    assert!(n >= 5, "the project corpus holds the seeds");
}

#[test]
fn project_corpus_outline() {
    let base = root().join("corpus");
    for path in files_under(&base) {
        let Some(doc) = parse_file(&path) else { continue };
        let name = rel(&path, &base).replace('/', "__");
        settings("outline").bind(|| insta::assert_snapshot!(name, minutes::emit::outline::render(&doc)));
    }
}

#[test]
fn shared_corpus_outline() {
    let Some(base) = shared_corpus() else {
        eprintln!("skipping: ../shared/corpus not present");
        return;
    };
    for path in files_under(&base) {
        let r = rel(&path, &base);
        if r.starts_with("bulk/") || r.starts_with("gold/") || r.starts_with("seeds/") {
            continue;
        }
        let Some(doc) = parse_file(&path) else { continue };
        let name = format!("shared__{}", r.replace('/', "__"));
        settings("outline").bind(|| insta::assert_snapshot!(name, minutes::emit::outline::render(&doc)));
    }
}

/// Proposing, seconding and presenting are speaking (GOLD.md); a label before a colon that
/// names a part ("Sponsor:", "Presenter:") or a heading ("Revenue:") is not a speaker.
#[test]
fn movers_seconders_and_presenters_speak() {
    let doc = parse_file(&root().join("corpus/regression/r8-parts-that-speak.md")).expect("parses");
    let speakers = |title: &str| -> Vec<String> {
        let item = doc.items.iter().find(|i| i.title.as_deref().is_some_and(|t| t.contains(title))).expect(title);
        let mut names: Vec<String> =
            item.paragraphs.iter().flat_map(|p| p.speakers.iter()).filter_map(|s| s.name.clone()).collect();
        names.dedup();
        names
    };
    assert_eq!(speakers("Minutes of the last"), ["Cllr Bob Jones", "Cllr Carol White"]);
    assert_eq!(speakers("grants policy"), ["Ann Smith", "Bob Jones"]);
    let site = speakers("Website");
    assert_eq!(site.first().map(String::as_str), Some("Carol White"), "{site:?}");
    assert!(!site.iter().any(|s| s == "Presenter"), "{site:?}");
    assert!(speakers("Finances").is_empty(), "{:?}", speakers("Finances"));
}

/// Flattened minutes numbered inline ("... 1. Apologies ... 2. No Declarations ..."), which
/// no heading form finds, are items one number each.
#[test]
fn flattened_minutes_numbered_inline_have_items() {
    let doc = parse_file(&root().join("corpus/regression/r8-flattened-numbers.txt")).expect("parses");
    let numbers: Vec<&str> = doc.items.iter().filter_map(|i| i.number.as_deref()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5", "6", "7"]);
    let actions: Vec<&str> = doc.items[3].actions.iter().map(|a| a.text.as_str()).collect();
    assert!(actions.iter().any(|a| a.starts_with("The Clerk to chase Highways")), "{actions:?}");
}

/// Welsh minutes: passive agents and verb-first sentences speak ("Cynigiwyd gan y Cyng. X",
/// "Diolchodd y Cadeirydd"), "received from" and a firm after "gan" do not; "Cynigiwyd gan /
/// eiliwyd gan" name the mover and seconder, of their own decision only.
#[test]
fn welsh_speakers_and_motions() {
    let doc = parse_file(&root().join("corpus/regression/r9-welsh-minutes.md")).expect("parses");
    let speakers = |n: usize| -> Vec<String> {
        let mut names: Vec<String> = doc.items[n]
            .paragraphs
            .iter()
            .flat_map(|p| p.speakers.iter())
            .map(|s| s.name.clone().or(s.role.clone()).unwrap_or_default())
            .collect();
        names.dedup();
        names
    };
    assert_eq!(speakers(0), ["Cyng. A. Jones"]);
    assert_eq!(speakers(1), ["Cyng. H. Morgan", "Cyng. S. Evans"]);
    let third = speakers(2);
    assert!(third.contains(&"Clerc".to_string()) && third.contains(&"Cyng. D. Rees".to_string()), "{third:?}");
    assert!(third.contains(&"Cadeirydd".to_string()), "{third:?}");
    assert!(!third.iter().any(|s| s.contains("Zurich")), "{third:?}");
    let motion = |n: usize, k: usize| {
        let m = &doc.items[n].resolutions[k].motion;
        (m.mover.as_ref().and_then(|p| p.name.clone()), m.seconder.as_ref().and_then(|p| p.name.clone()))
    };
    assert!(doc.items[0].resolutions.is_empty(), "apologies received are no decision");
    assert!(doc.items[1].resolutions[0].text.starts_with("roedd pawb yn unfrydol bod"));
    assert_eq!(motion(1, 0), (Some("Cyng. H. Morgan".into()), Some("Cyng. S. Evans".into())));
    assert_eq!(doc.items[2].resolutions.len(), 2);
    assert_eq!(motion(2, 0), (None, None), "the next entry's mover is not this decision's");
    assert_eq!(motion(2, 1), (Some("Cyng. S. Evans".into()), Some("Cyng. A. Jones".into())));
    // The header and attendance: Welsh months and ordinals, "Cyngor Cymuned", lists joined by
    // "a’r", apologies "gan y Cyng.", the county councillor's role.
    assert_eq!(doc.meeting.date.as_deref(), Some("2020-07-08"));
    assert_eq!(doc.meeting.body.as_deref(), Some("Cyngor Cymuned Pentref"));
    let present: Vec<_> = doc.meeting.attendance.present.iter().filter_map(|p| p.name.as_deref()).collect();
    assert_eq!(present, ["Ann Jones", "Huw Morgan", "Siân Evans", "Cynghorydd Sir Dafydd Rees"]);
    let apologies: Vec<_> = doc.meeting.attendance.apologies.iter().filter_map(|p| p.name.as_deref()).collect();
    assert_eq!(apologies, ["Cyng. Mair Lloyd"]);
    let rees = doc.people.iter().find(|p| p.name == "Dafydd Rees").expect("Dafydd Rees");
    assert_eq!(rees.roles.first().and_then(|r| r.role.as_deref()), Some("Cynghorydd Sir"));
}

/// Notes kept as a transcript move and second in speaker turns ("GH: Move", "CD: Second"):
/// the decision after them takes the first mover and the first seconder, as written; a turn
/// that only mentions moving ("Let's move on", "The motion above ...") is no motion.
#[test]
fn motions_moved_and_seconded_in_speaker_turns() {
    let doc = parse_file(&root().join("corpus/regression/r10-motion-turns.md")).expect("parses");
    let motion = |n: usize| {
        let m = &doc.items[n].resolutions[0].motion;
        (m.mover.as_ref().and_then(|p| p.name.clone()), m.seconder.as_ref().and_then(|p| p.name.clone()))
    };
    assert_eq!(motion(0), (Some("GH".into()), Some("CD".into())));
    assert_eq!(motion(1), (Some("CD".into()), None));
    // The turn's speaker keeps the full name from the attendee list.
    let speakers: Vec<_> =
        doc.items[0].paragraphs.iter().flat_map(|p| p.speakers.iter()).filter_map(|s| s.name.clone()).collect();
    assert!(speakers.contains(&"Gil Hart".to_string()), "{speakers:?}");
}

/// Under an "**Actions**" label every list entry is an action, whatever its wording; the owner
/// is the task's owner, else an "(Assigned: X)" note, else the name that opens the entry (the
/// first named); an imperative has none. The same wording outside such a list is no action.
#[test]
fn every_entry_of_an_actions_list_is_an_action() {
    let doc = parse_file(&root().join("corpus/regression/r11-action-list.md")).expect("parses");
    let got: Vec<(String, Option<String>)> = doc.items[0]
        .actions
        .iter()
        .map(|a| {
            (
                a.text.split_whitespace().take(3).collect::<Vec<_>>().join(" "),
                a.owner.as_ref().and_then(|o| o.name.clone()),
            )
        })
        .collect();
    let want = [
        ("Andrew is working", Some("Andrew")),
        ("Andrew and Harold", Some("Andrew")),
        ("Review and simplify", Some("Kelly")),
        ("Prepare the draft", None),
        ("Kelly to circulate", Some("Kelly")),
    ];
    let want: Vec<(String, Option<String>)> =
        want.iter().map(|(t, o)| (t.to_string(), o.map(str::to_string))).collect();
    assert_eq!(got, want);
    assert_eq!(doc.items[0].actions[4].due.as_deref(), Some("2021-10-31"));
    assert!(doc.items[1].actions.is_empty(), "{:?}", doc.items[1].actions);
}

/// A Markdown table used as the agenda ("| Subject | Initials | Notes |") with whole lists in
/// its cells as raw HTML ("<ul><li>... <li>..."): each entry is a paragraph of its own, the
/// note-taker's initials are no part of the notes, and "Change:" opens no speaker turn. A
/// first name two attendees share ("Justin:") is a speaker as written; a first name one
/// attendee has speaks under the full name ("Ada said"), but not inside another's turn ("as
/// Grace said") or after a title ("Cllr Ada").
#[test]
fn lists_written_as_html_in_table_cells() {
    let doc = parse_file(&root().join("corpus/regression/r13-table-cell-lists.md")).expect("parses");
    let titles: Vec<&str> = doc.items.iter().filter_map(|i| i.title.as_deref()).collect();
    assert_eq!(titles, ["Budget", "Hosting", "Process"]);
    let paras = |n: usize| doc.items[n].paragraphs.iter().map(|p| p.text.clone()).collect::<Vec<_>>();
    assert_eq!(
        paras(0),
        [
            "Ada said the budget is on track.",
            "Change: $2,000 a month instead of $24,000 a year.",
            "Change: a 6 month notice."
        ]
    );
    assert_eq!(paras(1), ["Grace will ask the host for a quote.", "Quote due in June."]);
    let speakers: Vec<String> = doc
        .items
        .iter()
        .flat_map(|i| i.paragraphs.iter().flat_map(|p| p.speakers.iter()))
        .filter_map(|s| s.name.clone())
        .collect();
    assert_eq!(speakers, ["Ada Lovelace", "Justin", "Cllr Ada", "Grace Hopper"]);
    let owner = doc.items[1].actions.first().and_then(|a| a.owner.as_ref()).and_then(|o| o.name.clone());
    assert_eq!(owner.as_deref(), Some("Grace"));
}

/// Node.js notes write the speaker of a bullet as its first word, a first name from the Present
/// list and a comma or a dash ("* Ruben, this addresses ..."); a vote in a roll ("Matt - Yes")
/// and a group ("Matteo, Ruben and Matt will review") are no speaker turns, and a name that
/// does not start with an ASCII capital is left alone (it once split a character).
#[test]
fn bullets_led_by_a_first_name() {
    let doc = parse_file(&root().join("corpus/regression/r14-name-led-bullets.md")).expect("parses");
    let entries: Vec<(String, Vec<String>)> = doc
        .items
        .iter()
        .flat_map(|i| i.paragraphs.iter().flat_map(|p| p.list.iter()))
        .map(|e| {
            let first = e.text.split_whitespace().next().unwrap_or("").to_string();
            (first, e.speakers.iter().filter_map(|s| s.name.clone()).collect())
        })
        .collect();
    let want: Vec<(&str, &[&str])> = vec![
        ("Matteo", &["Matteo Collina"]),
        ("Discussion", &[]),
        ("Ruben,", &["Ruben Bridgewater"]),
        ("Matteo", &["Matteo Collina"]),
        ("Никита,", &[]),
        ("Matt", &[]),
        ("Matteo,", &[]),
        ("No", &[]),
    ];
    let want: Vec<(String, Vec<String>)> =
        want.into_iter().map(|(f, s)| (f.to_string(), s.iter().map(|x| x.to_string()).collect())).collect();
    assert_eq!(entries, want);
}

/// US council motions: "Motion by X, seconded by Y, to ...", "X moved to adopt Ordinance No.
/// 812 on second reading. Y seconded the motion." (a reading is no seconder; "No." does not end
/// the motion), "MOTION: X moved, seconded by Y, ...", "A motion was made by X ... died for
/// lack of a second" (lost); the outcome and tally written after them ("Motion carried 5-0",
/// a roll call then "The motion passed 4-1", "Motion failed 2-3"). Voters in a roll ("AYES:
/// ..., Mayor Hayes\nNAYS: ...") are neither speakers nor people with roles; a list running
/// into the next label is no appositive role; "Staff Present:" is in attendance.
#[test]
fn us_council_motions_and_roll_calls() {
    let doc = parse_file(&root().join("corpus/regression/r16-us-council-motions.txt")).expect("parses");
    let name = |p: &Option<minutes::model::Person>| p.as_ref().and_then(|p| p.name.clone());
    let got: Vec<_> = doc
        .items
        .iter()
        .flat_map(|it| it.resolutions.iter())
        .map(|r| {
            (
                name(&r.motion.mover),
                name(&r.motion.seconder),
                r.vote.for_,
                r.vote.against,
                r.vote.result.clone(),
                r.text.split_whitespace().take(3).collect::<Vec<_>>().join(" "),
            )
        })
        .collect();
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        got,
        vec![
            (
                s("Councilmember Chen"),
                s("Councilmember Alvarez"),
                Some(5),
                Some(0),
                s("carried"),
                "Motion by Councilmember".into()
            ),
            (
                s("Councilmember Alvarez"),
                s("Councilmember Chen"),
                Some(4),
                Some(1),
                s("carried"),
                "moved to adopt".into()
            ),
            (
                s("Councilmember Reed"),
                s("Councilmember Neil"),
                Some(2),
                Some(3),
                s("lost"),
                "moved, seconded by".into()
            ),
            (s("Councilmember Neil"), None, None, None, s("lost"), "A motion was".into()),
        ]
    );
    // "The parks budget was moved to the next meeting" is no motion.
    assert!(doc.items[5].resolutions.is_empty());
    let people: Vec<_> = doc.people.iter().map(|p| p.name.as_str()).collect();
    assert!(!people.iter().any(|n| n.contains("NAYS") || n.starts_with("Councilmembers")), "{people:?}");
    assert!(doc.people.iter().all(|p| p.roles.iter().all(|r| !r.role.as_deref().unwrap_or("").contains(':'))));
    let staff: Vec<_> = doc.meeting.attendance.in_attendance.iter().filter_map(|p| p.name.clone()).collect();
    assert_eq!(staff.len(), 3, "{staff:?}");
}

/// More US council forms: "X made a motion to ..., seconded by Y" and "... . Y seconded." (two
/// sentences), "On motion of X, seconded by Y, the Council voted 4-0 to ...", "Upon a motion
/// by X and second by Y, ...", "Council Member X" as a titled name (a two-word title), a role
/// phrase before a name that speaks ("Finance Director Paula Stein presented"), "Council
/// Members A, B" in a Present list, and "Staff was directed to ..." as an action with its date.
#[test]
fn us_council_motion_forms_titles_and_directions() {
    let doc = parse_file(&root().join("corpus/regression/r17-us-council-forms.txt")).expect("parses");
    let name = |p: &Option<minutes::model::Person>| p.as_ref().and_then(|p| p.name.clone());
    let got: Vec<_> = doc
        .items
        .iter()
        .flat_map(|it| it.resolutions.iter())
        .map(|r| (name(&r.motion.mover), name(&r.motion.seconder), r.vote.for_, r.vote.result.clone()))
        .collect();
    let s = |x: &str| Some(x.to_string());
    let c = s("carried");
    assert_eq!(
        got,
        vec![
            (s("Council Member Kim"), s("Council Member Diaz"), None, c.clone()),
            (s("Council Member Walsh"), s("Council Member Kim"), Some(3), c.clone()),
            (s("Council Member Diaz"), s("Council Member Walsh"), Some(4), c.clone()),
            (s("Mayor Ortiz"), s("Council Member Kim"), Some(4), c.clone()),
            (s("Council Member Diaz"), s("Council Member Kim"), None, c),
        ]
    );
    let speakers: Vec<_> =
        doc.items[1].paragraphs[0].speakers.iter().map(|p| (p.name.clone(), p.role.clone())).collect();
    assert_eq!(
        speakers,
        [(s("Paula Stein"), s("Finance Director")), (s("Council Member Walsh"), None), (s("Council Member Kim"), None)]
    );
    let present: Vec<_> = doc.meeting.attendance.present.iter().filter_map(|p| p.name.clone()).collect();
    assert_eq!(present, ["Mayor Ann Ortiz", "Dale Kim", "Rosa Diaz", "Evan Walsh"]);
    let action = &doc.items[1].actions[0];
    assert!(action.text.starts_with("Staff was directed to return"), "{}", action.text);
    assert_eq!(action.due.as_deref(), Some("2024-08-13"));
}

/// A motion's outcome after it in the same line joins it, whatever starts the outcome's
/// sentence ("Motion approved unanimously (5-0).", "The motion was carried."), and roll-call
/// tallies count ("Ayes: 4 Nays: 1").
#[test]
fn us_motion_outcomes_join_the_motion() {
    let text = "1. APPEAL\nMotion by Reed, seconded by Chen, to deny the appeal. Motion approved unanimously (5-0).\n\n\
                2. BUDGET\nMotion by Reed, seconded by Chen, to adopt the budget. The motion was carried.\n\n\
                3. FEES\nChen moved, seconded by Reed, to raise the fees. The motion carried by the following vote: Ayes: 4 Nays: 1\n";
    let opts = minutes::Options { with_text: false, path: "us.txt".into() };
    let dopts = minutes::decode::DecodeOptions { format: Some(minutes::Format::Text), name_hint: None };
    let doc = minutes::parse_bytes(text.as_bytes(), &dopts, &opts).unwrap();
    let got: Vec<_> = doc
        .items
        .iter()
        .map(|it| {
            let r: Vec<_> = it.resolutions.iter().map(|r| (r.vote.for_, r.vote.result.clone())).collect();
            (it.resolutions.len(), r)
        })
        .collect();
    let c = Some("carried".to_string());
    assert_eq!(
        got,
        vec![(1, vec![(Some(5), c.clone())]), (1, vec![(None, c.clone())]), (1, vec![(Some(4), c)])],
        "{:#?}",
        doc.items.iter().map(|i| &i.resolutions).collect::<Vec<_>>()
    );
}

/// US council headers and lists: the city named on the line before "CITY COUNCIL" is part of
/// the body; an office before a staff member's name ("City Manager David Park") is the role
/// (and the person is in `people`); "X motioned to ..." speaks; a motion's tally then the
/// disposition's own ("(Y-4)  (Y-4) ACCEPTED AS AMENDED") give each its tally.
#[test]
fn us_council_body_staff_offices_and_repeated_tallies() {
    let doc = parse_file(&root().join("corpus/regression/r18-us-council-staff-and-tallies.txt")).expect("parses");
    assert_eq!(doc.meeting.body.as_deref(), Some("CITY OF MAPLE GROVE CITY COUNCIL"));
    let staff: Vec<_> = doc.meeting.attendance.in_attendance.iter().map(|p| (p.name.clone(), p.role.clone())).collect();
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        staff,
        [
            (s("David Park"), s("City Manager")),
            (s("Helen Moss"), s("City Attorney")),
            (s("Rita Sousa"), s("City Clerk"))
        ]
    );
    let attorney = doc.people.iter().find(|p| p.name == "Helen Moss").expect("the City Attorney is in people");
    assert_eq!(attorney.roles[0].role.as_deref(), Some("City Attorney"));
    // Members' titles stay in their names.
    assert_eq!(doc.meeting.attendance.present[0].name.as_deref(), Some("Mayor Grace Holm"));
    let last: Vec<_> = doc.items[2].paragraphs[0].speakers.iter().filter_map(|p| p.name.clone()).collect();
    assert_eq!(last, ["Councilmember Reyes"]);
    let item = &doc.items[1];
    let votes: Vec<_> = item.resolutions.iter().map(|r| (r.text.clone(), r.vote.for_)).collect();
    assert_eq!(votes.len(), 2, "{votes:?}");
    assert!(votes[0].0.ends_with("Okafor.  (Y-4)"), "{votes:?}");
    assert_eq!(votes[1], ("ACCEPTED AS AMENDED".to_string(), Some(4)));
}
