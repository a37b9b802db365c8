//! Fuzz target: arbitrary bytes through every input path of the library (text, Markdown and
//! HTML forced in turn, sniffed, and as the text layer of a PDF). Each document must satisfy
//! every invariant of `minutes::check` (nothing lost, spans valid and nested) and parse the
//! same way twice.

#![no_main]

use libfuzzer_sys::fuzz_target;
use minutes::decode::DecodeOptions;
use minutes::{Format, Options};

fn assert_valid(doc: &minutes::Document, what: &str) {
    let text = doc.source.text.as_deref().expect("with_text");
    let errs = minutes::check::check(doc, Some(text));
    assert!(errs.is_empty(), "{what}: {errs:?}");
}

fuzz_target!(|data: &[u8]| {
    let opts = Options { with_text: true, path: "fuzz".into() };
    for format in [None, Some(Format::Text), Some(Format::Markdown), Some(Format::Html)] {
        let dopts = DecodeOptions { format, name_hint: None };
        match minutes::parse_bytes(data, &dopts, &opts) {
            Ok(doc) => {
                assert_valid(&doc, &format!("{format:?}"));
                if format == Some(Format::Text) {
                    let again = minutes::parse_bytes(data, &dopts, &opts).expect("second parse");
                    assert_eq!(minutes::emit::json(&doc, false), minutes::emit::json(&again, false));
                }
            }
            // Only a sniffed PDF may be refused.
            Err(_) => assert!(format.is_none()),
        }
    }
    let text = String::from_utf8_lossy(data).into_owned();
    let doc = minutes::parse_pdf_text(data, text, &opts);
    assert_valid(&doc, "pdf text");
});
