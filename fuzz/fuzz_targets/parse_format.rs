//! Fuzz target for long runs: the first byte picks one input path (sniffed, text, Markdown,
//! HTML, PDF text layer) and the rest is the input. One parse per run instead of `parse_any`'s
//! five, so about five times the executions per second; the same invariants are asserted.

#![no_main]

use libfuzzer_sys::fuzz_target;
use minutes::decode::DecodeOptions;
use minutes::{Format, Options};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, data)) = data.split_first() else { return };
    let opts = Options { with_text: true, path: "fuzz".into() };
    let doc = match pick % 5 {
        4 => minutes::parse_pdf_text(data, String::from_utf8_lossy(data).into_owned(), &opts),
        k => {
            let format = [None, Some(Format::Text), Some(Format::Markdown), Some(Format::Html)][usize::from(k)];
            match minutes::parse_bytes(data, &DecodeOptions { format, name_hint: None }, &opts) {
                Ok(doc) => doc,
                // Only a sniffed PDF may be refused.
                Err(_) => return assert!(format.is_none()),
            }
        }
    };
    let text = doc.source.text.as_deref().expect("with_text");
    let errs = minutes::check::check(&doc, Some(text));
    assert!(errs.is_empty(), "path {}: {errs:?}", pick % 5);
});
