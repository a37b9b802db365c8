//! Property tests (proptest): generated minutes-like text, and corpus documents with random
//! edits, read as every format. Properties: parsing never panics, `check.rs` finds nothing (spans
//! in bounds, on char boundaries and nested; items disjoint; nothing lost), and the same bytes
//! give the same output. `PROPTEST_CASES=N` runs more cases than the default below.

use std::path::PathBuf;
use std::sync::OnceLock;

use minutes::decode::DecodeOptions;
use minutes::{Format, Options};
use proptest::prelude::*;

use crate::util::{files_under, root, shared_corpus};

/// Cases per property unless `PROPTEST_CASES` says otherwise: enough to be useful in a debug
/// build in CI (a few seconds each).
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(64);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// Parse `bytes` in every way the library offers and check each result.
fn check_all_ways(bytes: &[u8]) -> Result<(), TestCaseError> {
    let opts = Options { with_text: true, path: "prop".into() };
    for format in [None, Some(Format::Text), Some(Format::Markdown), Some(Format::Html)] {
        let dopts = DecodeOptions { format, name_hint: None };
        let Ok(doc) = minutes::parse_bytes(bytes, &dopts, &opts) else {
            prop_assert!(format.is_none(), "only a sniffed PDF may be refused");
            continue;
        };
        let errs = minutes::check::check(&doc, doc.source.text.as_deref());
        prop_assert!(errs.is_empty(), "{format:?}: {errs:?}");
        let again = minutes::parse_bytes(bytes, &dopts, &opts).expect("parsed once");
        prop_assert_eq!(minutes::emit::json(&doc, false), minutes::emit::json(&again, false));
    }
    let doc = minutes::parse_pdf_text(bytes, String::from_utf8_lossy(bytes).into_owned(), &opts);
    let errs = minutes::check::check(&doc, doc.source.text.as_deref());
    prop_assert!(errs.is_empty(), "PDF text: {errs:?}");
    Ok(())
}

/// One line of minutes-like text: the constructs the segmenter and extractors look for, with
/// random names, numbers and filler, and now and then arbitrary Unicode.
fn line() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("the".to_string()),
        Just("Council".to_string()),
        Just("Clerk".to_string()),
        Just("Cllr Smith".to_string()),
        Just("Mr O'Neill".to_string()),
        Just("31 March 2024".to_string()),
        Just("by the end of July".to_string()),
        Just("\u{a0}".to_string()),
        Just("é".to_string()),
        Just("—".to_string()),
        "[a-zA-Z]{1,10}",
        "[0-9]{1,4}",
    ];
    let words = prop::collection::vec(word, 0..12).prop_map(|w| w.join(" "));
    let label = prop_oneof![
        (1u32..40).prop_map(|n| format!("{n}.")),
        (1u32..9, 1u32..9).prop_map(|(a, b)| format!("{a}.{b}")),
        (1u32..200, 10u32..30).prop_map(|(a, b)| format!("{a}/{b}")),
        "[a-h]".prop_map(|c| format!("({c})")),
        prop_oneof![Just("i."), Just("ii)"), Just("(iv)"), Just("x.")].prop_map(str::to_string),
        prop_oneof![Just("-"), Just("*"), Just("•"), Just("#"), Just("##"), Just(">")].prop_map(str::to_string),
        Just("Agenda item".to_string()),
        Just("Item".to_string()),
        Just(String::new()),
    ];
    let keyword = prop_oneof![
        Just("RESOLVED that"),
        Just("AGREED:"),
        Just("Resolved:"),
        Just("DECIDED"),
        Just("NOTED"),
        Just("ACTION:"),
        Just("Proposed by"),
        Just("Seconded by"),
        Just("Present:"),
        Just("Apologies:"),
        Just("said"),
        Just("For 5, Against 2, Abstentions 1"),
        Just("declared an interest in item 4"),
        Just(""),
    ];
    let indent = prop_oneof![Just(""), Just("  "), Just("\t"), Just("    ")];
    prop_oneof![
        8 => (indent, label, keyword, words).prop_map(|(i, l, k, w)| format!("{i}{l} {k} {w}")),
        2 => Just(String::new()),
        1 => any::<String>(),
        1 => "[ \t|]{0,6}",
    ]
}

fn document() -> impl Strategy<Value = (Vec<String>, bool)> {
    (prop::collection::vec(line(), 0..80), any::<bool>())
}

/// The corpus documents edits start from: the project corpus and the small shared ones.
fn corpus() -> &'static [Vec<u8>] {
    static DOCS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let mut paths: Vec<PathBuf> = files_under(&root().join("corpus"));
        if let Some(shared) = shared_corpus() {
            paths.extend(files_under(&shared).into_iter().filter(|p| {
                let s = p.to_string_lossy();
                !s.contains("/bulk/") && !s.contains("/gold/")
            }));
        }
        paths
            .iter()
            .filter(|p| !p.extension().is_some_and(|e| e == "pdf" || e == "json"))
            .filter_map(|p| std::fs::read(p).ok())
            .filter(|b| b.len() < 64 * 1024)
            .collect()
    })
}

/// A random edit of a byte string.
#[derive(Clone, Debug)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Duplicate(usize, usize),
    Truncate(usize),
    Flip(usize, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    let pos = any::<usize>();
    let insert = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..16),
        line().prop_map(|l| format!("\n{l}\n").into_bytes()),
        prop_oneof![
            Just(&b"\r\n"[..]),
            Just(&b"\xc2\xa0"[..]),
            Just(&b"\xe2\x80\x99"[..]),
            Just(&b"<div>"[..]),
            Just(&b"</p>"[..]),
            Just(&b"\xef\xbb\xbf"[..]),
            Just(&b"\0"[..]),
            Just(&b"\xff\xfe"[..]),
        ]
        .prop_map(<[u8]>::to_vec),
    ];
    prop_oneof![
        (pos, 0usize..200).prop_map(|(a, n)| Edit::Delete(a, n)),
        (pos, insert).prop_map(|(a, b)| Edit::Insert(a, b)),
        (pos, 0usize..400).prop_map(|(a, n)| Edit::Duplicate(a, n)),
        pos.prop_map(Edit::Truncate),
        (pos, any::<u8>()).prop_map(|(a, b)| Edit::Flip(a, b)),
    ]
}

fn apply(bytes: &mut Vec<u8>, e: &Edit) {
    let at = |p: usize, len: usize| if len == 0 { 0 } else { p % (len + 1) };
    match e {
        Edit::Delete(a, n) => {
            let a = at(*a, bytes.len());
            let b = (a + n).min(bytes.len());
            bytes.drain(a..b);
        }
        Edit::Insert(a, ins) => {
            let a = at(*a, bytes.len());
            bytes.splice(a..a, ins.iter().copied());
        }
        Edit::Duplicate(a, n) => {
            let a = at(*a, bytes.len());
            let b = (a + n).min(bytes.len());
            let dup = bytes[a..b].to_vec();
            bytes.splice(b..b, dup);
        }
        Edit::Truncate(a) => {
            let a = at(*a, bytes.len());
            bytes.truncate(a);
        }
        Edit::Flip(a, v) => {
            if !bytes.is_empty() {
                let a = *a % bytes.len();
                bytes[a] = *v;
            }
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn generated_minutes_keep_every_invariant((lines, crlf) in document()) {
        let text = lines.join(if crlf { "\r\n" } else { "\n" });
        check_all_ways(text.as_bytes())?;
    }

    #[test]
    fn generated_minutes_as_html_keep_every_invariant(lines in prop::collection::vec(line(), 0..60),
                                                      tags in prop::collection::vec(0usize..8, 0..60)) {
        const TAGS: [(&str, &str); 8] = [("<p>", "</p>"), ("<h2>", "</h2>"), ("<li>", ""), ("<td>", "</td>"),
            ("<div><b>", "</b></div>"), ("<br>", ""), ("<ol><li>", "</li></ol>"), ("<tr><td>", "</td><td>|</td></tr>")];
        let mut html = String::from("<html><body>");
        for (i, l) in lines.iter().enumerate() {
            let (open, close) = TAGS[tags.get(i).copied().unwrap_or(0)];
            html.push_str(&format!("{open}{}{close}\n", l.replace('<', "&lt;")));
        }
        html.push_str("</body></html>");
        let doc = minutes::parse_bytes(html.as_bytes(), &DecodeOptions { format: Some(Format::Html), name_hint: None },
            &Options { with_text: true, path: "prop.html".into() }).expect("HTML parses");
        let errs = minutes::check::check(&doc, doc.source.text.as_deref());
        prop_assert!(errs.is_empty(), "{errs:?}");
    }

    #[test]
    fn edited_corpus_documents_keep_every_invariant(pick in any::<prop::sample::Index>(),
                                                    edits in prop::collection::vec(edit(), 1..6)) {
        let docs = corpus();
        prop_assume!(!docs.is_empty());
        let mut bytes = docs[pick.index(docs.len())].clone();
        for e in &edits {
            apply(&mut bytes, e);
        }
        check_all_ways(&bytes)?;
    }
}
