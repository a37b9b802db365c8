//! Input formats: the text decoded from the shared corpus HTML and PDF documents (and the
//! project's own ModernGov fixture) is clean and in reading order. Shared documents are skipped
//! when `../shared/corpus` is absent; PDFs when `pdftotext` is not installed.

use std::path::Path;
use std::process::Command;

use crate::util::{parse_file, root, shared_corpus};

fn text_of(path: &Path) -> Option<String> {
    let doc = parse_file(path)?;
    Some(doc.source.text.expect("parse_file asks for the text"))
}

fn shared(rel: &str) -> Option<std::path::PathBuf> {
    let Some(base) = shared_corpus() else {
        eprintln!("skipping {rel}: ../shared/corpus not present");
        return None;
    };
    let p = base.join(rel);
    p.is_file().then_some(p)
}

fn has_pdftotext() -> bool {
    Command::new("pdftotext").arg("-v").output().is_ok()
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

fn assert_clean(text: &str, what: &str) {
    for l in text.lines() {
        assert_eq!(l, l.trim_end(), "{what}: trailing whitespace in {l:?}");
        assert!(!l.contains('<') || !l.contains('>') || !l.contains("</"), "{what}: markup left in {l:?}");
    }
    assert!(!text.contains("\n\n\n"), "{what}: runs of blank lines");
    assert!(!text.contains('\u{c}'), "{what}: form feed left");
    assert!(!text.contains("&nbsp;") && !text.contains("&amp;"), "{what}: undecoded entity");
}

#[test]
fn manordeilo_html_items_are_numbered_lines() {
    let Some(p) = shared("parish/manordeilo-salem-cc-2020-06-10.html") else { return };
    let t = text_of(&p).unwrap();
    assert_clean(&t, "manordeilo html");
    let ls = lines(&t);
    assert!(ls.contains(&"1. WELCOME AND APOLOGIES"), "{t}");
    assert!(ls.contains(&"2. TO CONFIRM THE MINUTES OF THE LAST MEETING"));
    assert!(ls.iter().any(|l| l.starts_with("Manordeilo and Salem Community Council held their meeting remotely")));
    assert!(!t.contains('×'), "the close button is chrome");
    // The item body follows its title after a blank line.
    let i = ls.iter().position(|l| *l == "1. WELCOME AND APOLOGIES").unwrap();
    assert_eq!(ls[i + 1], "");
    assert!(ls[i + 2].starts_with("Cllr. O. Williams took the Chair"));
    assert!(ls.iter().any(|l| l.starts_with("- Lloyds Bank, Sheet Number 27")), "ul items are bullets");
}

#[test]
fn stoke_ferry_html_reads_like_its_markdown() {
    let (Some(h), Some(m)) = (shared("parish/stoke-ferry-pc-2009-12.html"), shared("parish/stoke-ferry-pc-2009-12.md"))
    else {
        return;
    };
    let t = text_of(&h).unwrap();
    assert_clean(&t, "stoke ferry html");
    for chrome in ["Village Pump contributors", "All rights reserved", "Wereham", "Toggle navigation"] {
        assert!(!t.contains(chrome), "chrome {chrome:?} left in:\n{t}");
    }
    // Every paragraph of the Markdown body is a line of the HTML text, in the same order.
    let md = std::fs::read_to_string(m).unwrap();
    let body = md.splitn(3, "---\n").nth(2).unwrap_or(&md);
    let paras: Vec<&str> = body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect();
    let mut from = 0;
    let mut found = 0;
    for p in &paras {
        let first = p.lines().next().unwrap_or("").replace('\\', "");
        if let Some(off) = t[from..].find(first.as_str()) {
            from += off;
            found += 1;
        }
    }
    assert!(found * 10 >= paras.len() * 9, "only {found} of {} Markdown paragraphs found in order", paras.len());
}

#[test]
fn hansard_html_keeps_speakers_and_drops_column_markers() {
    let Some(base) = shared_corpus() else { return };
    for name in [
        "uk-commons-debate-with-division-2011-07-19.html",
        "uk-commons-oral-answers-2011-07-19.html",
        "uk-written-ministerial-statements-2011-07-19.html",
    ] {
        let t = text_of(&base.join("hansard").join(name)).unwrap();
        assert_clean(&t, name);
        assert!(!t.contains(": Column "), "{name}: column marker left");
        assert!(!t.contains("Previous Section") && !t.contains("Home Page"), "{name}: nav links left");
    }
    let t = text_of(&base.join("hansard/uk-commons-debate-with-division-2011-07-19.html")).unwrap();
    assert!(t.lines().any(|l| l.starts_with("Mr Hurd: In summary, the reforms")), "{t}");
    let t = text_of(&base.join("hansard/uk-commons-oral-answers-2011-07-19.html")).unwrap();
    // A paragraph cut by the column 772 marker is whole again.
    assert!(t.contains("in its own country and is prepared to connive") || !t.contains("prepared to connive"));
    assert!(!t.lines().any(|l| l.starts_with("on this that it has been prepared")), "{t}");
}

#[test]
fn moderngov_fixture_reads_like_the_seeds() {
    let t = text_of(&root().join("corpus/html/moderngov-item.html")).unwrap();
    assert_clean(&t, "moderngov fixture");
    assert!(t.starts_with("Agenda item\n\nRiverside Park Management Plan\n"), "{t}");
    assert!(t.contains("\n\nMinutes:\n\n1. The Parks Manager introduced"), "{t}");
    assert!(t.contains("\nRESOLVED that:\n\na. the Riverside Park"), "{t}");
    for chrome in ["Skip to", "Councillors\n", "Meetings >", "cookies", "Town Hall"] {
        assert!(!t.contains(chrome), "chrome {chrome:?} left in:\n{t}");
    }
}

fn pdf_text(rel: &str) -> Option<String> {
    let p = shared(rel)?;
    if !has_pdftotext() {
        eprintln!("skipping {rel}: pdftotext not installed");
        return None;
    }
    text_of(&p)
}

#[test]
fn manordeilo_pdf_text_is_clean_and_in_order() {
    let Some(t) = pdf_text("parish/manordeilo-salem-cc-2019-07-10.pdf") else { return };
    assert_clean(&t, "manordeilo pdf");
    let ls = lines(&t);
    assert_eq!(ls[0], "MANORDEILO & SALEM COMMUNITY COUNCIL", "the page number 1 is gone");
    assert!(!ls.iter().any(|l| l.trim().chars().all(|c| c.is_ascii_digit()) && !l.is_empty()), "bare page number");
    assert!(!ls.iter().any(|l| matches!(l.trim(), "th" | "st" | "nd" | "rd")), "superscript line left");
    let pos = |s: &str| t.find(s).unwrap_or_else(|| panic!("{s:?} missing in:\n{t}"));
    assert!(pos("1. WELCOME AND APOLOGIES") < pos("2. TO CONFIRM") && pos("9. PLANNING") < pos("10. ANNUAL RETURN"));
    assert!(t.contains("reported to C.C.C.    Cllr. J. Davies\n"), "right-aligned owner joins its line");
    assert!(t.contains("on the 19th June"));
}

#[test]
fn bulk_pdfs_lose_page_furniture() {
    let Some(base) = shared_corpus() else { return };
    if !has_pdftotext() {
        return;
    }
    let dir = base.join("bulk/manordeilo-salem-cc-minutes/dist/minutes");
    let mut pdfs: Vec<_> =
        crate::util::files_under(&dir).into_iter().filter(|p| p.extension().is_some_and(|e| e == "pdf")).collect();
    pdfs.truncate(12);
    for p in pdfs {
        let Some(t) = text_of(&p) else { continue };
        assert_clean(&t, &p.display().to_string());
        for l in t.lines() {
            let l = l.trim();
            assert!(!(l.starts_with("Page ") && l.contains(" of ") && l.len() < 16), "{}: {l}", p.display());
            assert!(
                !(l.len() <= 3 && !l.is_empty() && l.chars().all(|c| c.is_ascii_digit())),
                "{}: page number {l}",
                p.display()
            );
        }
    }
}
