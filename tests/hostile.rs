//! The hostile-input battery (issue 7): inputs an archive really contains, from empty files to
//! 50 MB on one line. Each one must complete, keep every invariant of `check.rs`, and say what
//! it could not read: an `error`/`warning` diagnostic, or for the binary a clear message and a
//! non-zero exit. Big inputs are generated here, never committed. Nothing here asserts wall
//! clock time: linearity in time and memory is measured by `bench/hostile.sh` (README
//! "Robustness"), which runs the same shapes at several sizes in a release build.

use minutes::decode::DecodeOptions;
use minutes::{Document, Format, Options};

use crate::util::{bin, root};

/// Parse bytes as the binary does for a file called `name` (format sniffed from bytes and name),
/// and assert the invariants.
fn parse_named(name: &str, bytes: &[u8]) -> Document {
    let opts = Options { with_text: true, path: name.into() };
    let dopts = DecodeOptions { format: None, name_hint: Some(name.into()) };
    let doc = minutes::parse_bytes(bytes, &dopts, &opts).expect("text, Markdown and HTML always parse");
    assert_valid(&doc, name);
    doc
}

fn assert_valid(doc: &Document, what: &str) {
    let text = doc.source.text.as_deref().expect("with_text");
    let errs = minutes::check::check(doc, Some(text));
    assert!(errs.is_empty(), "{what}: {:?}", &errs[..errs.len().min(5)]);
}

fn codes(doc: &Document) -> Vec<(&str, &str)> {
    doc.diagnostics.iter().map(|d| (d.severity.as_str(), d.code.as_str())).collect()
}

fn has(doc: &Document, severity: &str, code: &str) -> bool {
    doc.diagnostics.iter().any(|d| d.severity == severity && d.code == code)
}

fn resolutions(doc: &Document) -> usize {
    doc.items.iter().map(|i| i.resolutions.len()).sum()
}

/// A small well-formed document of minutes, for wrapping hostile parts.
const MINUTES: &str = "Minutes of the Ashby Parish Council held on 20 March 2019\n\n\
1. Apologies\n\nApologies were received from Cllr Jones.\n\n\
2. Budget\n\nRESOLVED that the budget be approved.\n";

#[test]
fn empty_and_whitespace_only_are_empty_input_errors() {
    for (name, bytes) in [
        ("empty.txt", Vec::new()),
        ("spaces.txt", b" \t \r\n\n   \n\t".repeat(1000)),
        ("nbsp.md", "\u{a0}\n\u{2003}\n".repeat(100).into_bytes()),
        ("empty.html", b"<html><body>  <p> </p>\n</body></html>".to_vec()),
    ] {
        let doc = parse_named(name, &bytes);
        assert!(doc.items.is_empty(), "{name}");
        assert!(has(&doc, "error", "empty-input"), "{name}: {:?}", codes(&doc));
    }
}

#[test]
fn ff_bytes_and_a_png_named_txt_are_binary_errors() {
    let ff = vec![0xFFu8; 4096];
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0".to_vec();
    png.extend((0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    // 0xFF with a little text around it, as in erased flash or padding.
    let mut padded = b"Minutes\n".to_vec();
    padded.extend(vec![0xFFu8; 2000]);
    for (name, bytes) in [("ff.txt", ff), ("image.png.txt", png), ("padded.txt", padded)] {
        let doc = parse_named(name, &bytes);
        assert!(doc.items.is_empty(), "{name}");
        assert!(has(&doc, "error", "binary-input"), "{name}: {:?}", codes(&doc));
        assert_eq!(doc.source.encoding, "binary", "{name}");
    }
}

#[test]
fn utf16_with_bom_is_decoded() {
    for (name, le) in [("utf16le.txt", true), ("utf16be.txt", false)] {
        let mut bytes = if le { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        for u in MINUTES.encode_utf16() {
            bytes.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        let doc = parse_named(name, &bytes);
        assert!(doc.source.encoding.to_ascii_lowercase().contains("utf-16"), "{name}: {}", doc.source.encoding);
        assert_eq!(doc.items.len(), 2, "{name}: {:?}", codes(&doc));
        assert_eq!(resolutions(&doc), 1, "{name}");
    }
}

#[test]
fn invalid_utf8_in_the_middle_is_decoded_with_a_diagnostic() {
    let (head, tail) = MINUTES.split_at(MINUTES.find("2. Budget").unwrap());
    let mut bytes = head.as_bytes().to_vec();
    bytes.extend(b"Caf\xe9 \x80\xC3\x28 broken \xF0\x9F bytes\n\n");
    bytes.extend(tail.as_bytes());
    let doc = parse_named("broken.txt", &bytes);
    assert_eq!(doc.items.len(), 2, "{:?}", codes(&doc));
    assert_eq!(resolutions(&doc), 1);
    // Not UTF-8: the guess is recorded, never silent.
    assert_ne!(doc.source.encoding, "utf-8");
    assert!(has(&doc, "info", "decoding"), "{:?}", codes(&doc));
}

/// 50 MB without a newline, through the binary (the debug library is slow on 50 MB; the
/// binary under test is the same code). Completes with a document and a diagnostic.
#[test]
fn fifty_megabytes_without_a_newline() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one-line.txt");
    let unit = "RESOLVED that the Council note the report of 20 March 2019 by Cllr Jones (a) and (b); ";
    let n = 50_000_000 / unit.len() + 1;
    std::fs::write(&path, unit.repeat(n)).unwrap();
    let out = std::process::Command::new(bin()).args(["parse", "--compact"]).arg(&path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: Document = serde_json::from_slice(&out.stdout).unwrap();
    assert!(doc.source.bytes >= 50_000_000);
    assert!(!doc.diagnostics.is_empty(), "a 50 MB line says something");
    assert!(minutes::check::check(&doc, None).is_empty());
}

#[test]
fn a_million_blank_lines() {
    let doc = parse_named("blank.txt", &b"\n".repeat(1_000_000));
    assert!(has(&doc, "error", "empty-input"), "{:?}", codes(&doc));
    // The same blank lines around real minutes: the minutes are still read.
    let mut bytes = b"\r\n".repeat(500_000);
    bytes.extend(MINUTES.as_bytes());
    bytes.extend(b"\n".repeat(500_000));
    let doc = parse_named("padded.txt", &bytes);
    assert_eq!(doc.items.len(), 2, "{:?}", codes(&doc));
}

#[test]
fn ten_thousand_levels_of_nested_numbering() {
    // One label of 10,000 levels, then 10,000 lines each one level deeper than the last in
    // the three written styles (1. / (a) / i.), indented as nested lists are.
    let mut text = String::from(MINUTES);
    text.push_str(&"1.".repeat(10_000));
    text.push_str(" Deepest\n\n3. Planning\n\n");
    for depth in 0..10_000usize {
        let label = match depth % 3 {
            0 => format!("{}.", depth / 3 + 1),
            1 => format!("({})", char::from(b'a' + (depth % 26) as u8)),
            _ => "iv.".to_string(),
        };
        text.push_str(&" ".repeat(depth % 64));
        text.push_str(&label);
        text.push_str(" RESOLVED that the point be noted.\n");
    }
    let doc = parse_named("nested.txt", text.as_bytes());
    assert!(doc.items.len() >= 2, "{:?}", codes(&doc));
    assert!(resolutions(&doc) >= 1);
    // Dotted numbers 1.1.1... up to 200 levels, as headings and paragraphs.
    let mut text = String::from(MINUTES);
    for depth in 1..=200 {
        text.push_str(&vec!["1"; depth].join("."));
        text.push_str(" Point\n");
    }
    parse_named("dotted.md", text.as_bytes());
}

#[test]
fn forty_digit_numbers_do_not_overflow() {
    // In every place a number is read: dates, headings, paragraph labels, minute references,
    // deadlines and vote counts.
    let big = "1234567890123456789012345678901234567890";
    let text = format!(
        "Minutes of the meeting held on {big} March {big}\n\n1. Apologies\n\nNone.\n\n{big}. Budget\n\n\
         {big}.{big} RESOLVED that the budget be approved by {big} March 2020.\n\n\
         Votes: For {big}, Against {big}, Abstentions {big}.\n\nMinute {big}/{big}\n\n({big}) clause\n\n\
         {big}) item\n\n2. Budget\n\nRESOLVED that the budget be approved. For {big}, against 2.\n"
    );
    let doc = parse_named("big-numbers.txt", text.as_bytes());
    assert!(doc.items.len() >= 2, "{:?}", codes(&doc));
    assert!(resolutions(&doc) >= 1, "{:?}", codes(&doc));
    // Numbers are kept as written, never parsed into a machine integer that overflows.
    let json = minutes::emit::json(&doc, false);
    assert!(!json.contains("e+"), "no float notation");
}

/// Flattened minutes (segment/flat.rs) on hostile lines: 200,000 references that never count
/// up (a quadratic chain search would hang here), and 99,900 that do, one item each.
#[test]
fn minute_references_on_one_line() {
    let doc = parse_named("same.txt", format!("Minutes\n{}", "1/20 A ".repeat(200_000)).as_bytes());
    assert_valid(&doc, "same reference");
    let mut text = String::from("Minutes of the council held on 1 May 2020 Present: Cllr A B");
    for y in 0..100 {
        for n in 1..1000 {
            text.push_str(&format!(" {n}/{y:02} Item text."));
        }
    }
    let doc = parse_named("counting.txt", text.as_bytes());
    assert_valid(&doc, "counting references");
    // The longest run is one year's 999 minutes (the numbers restart each year).
    assert_eq!(doc.items.len(), 999);
}

#[test]
fn a_hundred_thousand_resolved_lines() {
    let mut text = String::from("Minutes\n\n1. Decisions\n\n");
    for i in 0..100_000 {
        text.push_str(&format!("RESOLVED that item {i} be approved.\n"));
    }
    let doc = parse_named("resolved.txt", text.as_bytes());
    assert_eq!(doc.items.len(), 1, "{:?}", &codes(&doc)[..5.min(doc.diagnostics.len())]);
    assert_eq!(resolutions(&doc), 100_000);
}

#[test]
fn ten_thousand_nested_html_tags() {
    for (name, open, close) in [
        ("divs.html", "<div>", "</div>"),
        ("bold.html", "<b>", "</b>"),
        ("lists.html", "<ol><li>", "</li></ol>"),
        ("tables.html", "<table><tr><td>", "</td></tr></table>"),
        ("unclosed.html", "<span><em>", ""),
    ] {
        let html = format!(
            "<html><body>{}<h2>1. Budget</h2><p>RESOLVED that the budget be approved &amp; noted.</p>{}</body></html>",
            open.repeat(10_000),
            close.repeat(10_000)
        );
        let doc = parse_named(name, html.as_bytes());
        assert_eq!(doc.source.format, Format::Html);
        let text = doc.source.text.as_deref().unwrap();
        assert!(text.contains("RESOLVED that the budget be approved & noted."), "{name}: text kept");
        assert!(!text.contains('<'), "{name}: tags stripped");
        assert!(
            doc.diagnostics.iter().any(|d| d.code == "decoding" && d.message.contains("nested")),
            "{name}: {:?}",
            codes(&doc)
        );
    }
    // Just under the limit the tree is built as usual, without the warning.
    let html = format!("{}<p>RESOLVED that x.</p>{}", "<div>".repeat(400), "</div>".repeat(400));
    let doc = parse_named("400.html", html.as_bytes());
    assert!(!doc.diagnostics.iter().any(|d| d.message.contains("nested")));
}

#[test]
fn deeply_nested_markdown() {
    let mut md = String::from("# Minutes\n\n## 1. Budget\n\n");
    md.push_str(&">".repeat(10_000));
    md.push_str(" RESOLVED that the budget be approved.\n\n");
    for depth in 0..2_000 {
        md.push_str(&"  ".repeat(depth));
        md.push_str("- point\n");
    }
    md.push_str(&"[".repeat(10_000));
    md.push_str(&"*".repeat(10_000));
    parse_named("nested.md", md.as_bytes());
}

// PDFs: through the binary, as `pdftotext` is a separate program.

fn has_pdftotext() -> bool {
    std::process::Command::new("pdftotext").arg("-v").output().is_ok()
}

/// A one-page PDF with the given content stream, with a correct cross-reference table.
pub fn make_pdf(content: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len() + 1),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for off in offsets {
        pdf.extend(format!("{off:010} 00000 n \n").as_bytes());
    }
    pdf.extend(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    pdf
}

/// A PDF whose page shows the given lines of text.
pub fn text_pdf(lines: &[&str]) -> Vec<u8> {
    let mut content = String::from("BT /F1 11 Tf 14 TL 72 740 Td\n");
    for l in lines {
        content.push_str(&format!("({}) Tj T*\n", l.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)")));
    }
    content.push_str("ET");
    make_pdf(&content)
}

fn parse_pdf_file(name: &str, bytes: &[u8]) -> (std::process::Output, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new(bin()).args(["parse", "--with-text"]).arg(&path).output().unwrap();
    (out, dir)
}

#[test]
fn pdfs_without_text_truncated_and_encrypted() {
    if !has_pdftotext() {
        eprintln!("skipping: pdftotext (poppler-utils) not installed");
        return;
    }
    // The generator itself: a PDF with text gives its items.
    let good = text_pdf(&[
        "Minutes of the Ashby Parish Council",
        "1. Apologies",
        "None.",
        "2. Budget",
        "RESOLVED that the budget be approved.",
    ]);
    let (out, _d) = parse_pdf_file("good.pdf", &good);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: Document = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc.items.len(), 2, "{:?}", codes(&doc));

    // No text layer (a scan: only drawing operators): an error diagnostic asking for OCR.
    let (out, _d) = parse_pdf_file("scan.pdf", &make_pdf("0 0 1 rg 72 72 400 600 re f"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: Document = serde_json::from_slice(&out.stdout).unwrap();
    assert!(has(&doc, "error", "no-text-layer"), "{:?}", codes(&doc));
    assert!(doc.items.is_empty());

    // Truncated at every tenth of its length: either whatever text survives, or a clear error
    // naming the file (exit 2) — never a crash (101) or a silent empty success.
    for cut in (1..10).map(|k| good.len() * k / 10) {
        let (out, _d) = parse_pdf_file("cut.pdf", &good[..cut]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        match out.status.code() {
            Some(0) => {
                let doc: Document = serde_json::from_slice(&out.stdout).unwrap();
                assert!(minutes::check::check(&doc, doc.source.text.as_deref()).is_empty());
                assert!(!doc.items.is_empty() || !doc.diagnostics.is_empty(), "cut at {cut}: silent");
            }
            Some(2) => assert!(stderr.contains("cut.pdf") && stderr.contains("pdftotext"), "cut at {cut}: {stderr}"),
            other => panic!("cut at {cut}: exit {other:?}: {stderr}"),
        }
    }

    // Encrypted with a user password (tests/data, made with qpdf --encrypt): a clear error.
    let enc = std::fs::read(root().join("tests/data/encrypted-user-password.pdf")).unwrap();
    let (out, _d) = parse_pdf_file("encrypted.pdf", &enc);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("encrypted.pdf") && stderr.to_lowercase().contains("password"), "{stderr}");
}

#[test]
fn regression_cases_parse_and_keep_the_invariants() {
    let dir = root().join("corpus/regression");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let bytes = std::fs::read(e.path()).unwrap();
        // Every way the fuzz target reads bytes.
        for format in [None, Some(Format::Text), Some(Format::Markdown), Some(Format::Html)] {
            let opts = Options { with_text: true, path: name.clone() };
            let dopts = DecodeOptions { format, name_hint: Some(name.clone()) };
            if let Ok(doc) = minutes::parse_bytes(&bytes, &dopts, &opts) {
                assert_valid(&doc, &format!("{name} as {format:?}"));
            }
        }
        let opts = Options { with_text: true, path: name.clone() };
        let doc = minutes::parse_pdf_text(&bytes, String::from_utf8_lossy(&bytes).into_owned(), &opts);
        assert_valid(&doc, &format!("{name} as PDF text"));
        n += 1;
    }
    assert!(n >= 1, "corpus/regression holds the fuzz crash inputs");
}

/// Found by the fuzz run (seed text cut up): a decision whose mover and seconder are read
/// from text after it, in another paragraph ("3. It was moved by Councillor Hale, seconded by
/// ..."), made them speakers of the decision's paragraph with spans outside it. Parsed as
/// Markdown, every span must nest.
#[test]
fn a_mover_named_outside_the_decisions_paragraph() {
    let bytes = std::fs::read(root().join("tests/data/fuzz-mover-outside-paragraph.md")).unwrap();
    parse_named("fuzz-mover-outside-paragraph.md", &bytes);
}
