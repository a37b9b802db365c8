//! Stage 5, emit: documents to bytes. Emitters are pure functions of a `Document`: the same
//! document gives the same bytes.

pub mod markdown;
pub mod outline;
pub mod records;
pub mod search_records;

mod compact;

use crate::model::Document;

/// One document as JSON, pretty (two-space indent) or compact, with a trailing newline.
pub fn json(doc: &Document, pretty: bool) -> String {
    let mut s = if pretty {
        serde_json::to_string_pretty(doc).expect("model serializes")
    } else {
        // serde_json's bytes, written faster (`compact`); serde_json itself for anything
        // `compact` does not write.
        // The JSON of a text or Markdown document is ~1.6 times its input on the bulk set (an
        // HTML page's far less): twice the input to start with spares most doublings. At most
        // 64 MB up front (a PDF of scanned pages is large and its JSON small).
        let guess = doc.source.bytes.saturating_mul(2).saturating_add(4096).min(64 << 20);
        compact::to_string_sized(doc, guess).unwrap_or_else(|| serde_json::to_string(doc).expect("model serializes"))
    };
    s.push('\n');
    s
}

/// The JSON Schema of the output, generated from the model types.
pub fn schema() -> String {
    let schema = schemars::schema_for!(Document);
    let mut s = serde_json::to_string_pretty(&schema).expect("schema serializes");
    s.push('\n');
    s
}
