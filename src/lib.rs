//! `minutes` turns one document of meeting minutes into one `minutes/1` JSON [`Document`].
//!
//! The pipeline, one module per stage, over one in-memory [`Source`]:
//!
//! 1. [`decode`]: bytes to a `Source` (format sniffing, encoding detection);
//! 2. `segment`: the `Source` cut into an outline (header, items, paragraphs, decisions) with
//!    nom;
//! 3. `extract`: meaning (speakers, people, resolutions, motions, votes, actions, dates);
//! 4. [`model`]: the serde types of the contract;
//! 5. [`emit`]: JSON, JSON Schema, readable outlines and search records.
//!
//! With the feature `search` (on by default), [`index`] keeps an embedded full-text index of
//! those records in a directory.
//!
//! Parsing never fails on text: whatever the parser is unsure of becomes a diagnostic in the
//! document. [`Error`] is only for input that cannot be read at all. Nothing in the library
//! prints, exits, reads the environment or touches the file system, except the index
//! directory that [`index::SearchIndex`] is explicitly asked to open.

pub mod check;
pub mod decode;
pub mod diagnostics;
pub mod emit;
mod error;
pub mod extract;
mod fastre;
pub mod followup;
#[cfg(feature = "search")]
pub mod index;
pub mod model;
mod segment;
pub mod source;

pub use error::{Error, ErrorKind};
pub use model::Document;
pub use source::{Format, Source, Span};

use diagnostics::{Code, Diagnostics, Severity};
use sha2::{Digest, Sha256};

/// Options for [`parse`].
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Include the decoded text as `source.text`.
    pub with_text: bool,
    /// The path to record in `source.path` (`-` for stdin).
    pub path: String,
}

/// First 16 hex digits of the SHA-256 of `bytes`: the document id.
pub fn document_id(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Parse a decoded source. `id` is the document id of the original bytes.
pub fn parse(src: &Source, id: &str, opts: &Options) -> Document {
    let mut diags = Diagnostics::default();
    parse_with(src, id, opts, &mut diags)
}

fn parse_with(src: &Source, id: &str, opts: &Options, diags: &mut Diagnostics) -> Document {
    let blank = src.text.trim().is_empty();
    let binary = !blank && decode::looks_binary(&src.text);
    let (meeting, items, declarations, people) = if blank || binary {
        if blank {
            diags.push(Severity::Error, Code::EmptyInput, "the input holds no text", Span::new(0, 0));
        } else {
            diags.push(
                Severity::Error,
                Code::BinaryInput,
                "the input looks like a binary file, not text",
                Span::new(0, 0),
            );
            let all = segment::lines::trim_span(&src.text, Span::new(0, src.text.len()));
            diags.warn(Code::Unclassified, "binary content was not parsed", all);
        }
        (model::Meeting::default(), Vec::new(), Vec::new(), Vec::new())
    } else {
        let outline = segment::segment(src, diags);
        let ex = extract::extract(src, &outline, diags);
        (ex.meeting, ex.items, ex.declarations, ex.people)
    };
    let diagnostics = std::mem::take(diags)
        .into_sorted()
        .into_iter()
        .map(|d| model::DiagnosticOut {
            severity: d.severity.name().to_string(),
            code: d.code.name().to_string(),
            message: d.message,
            span: d.span,
        })
        .collect();
    Document {
        schema: model::SCHEMA_TAG.to_string(),
        id: id.to_string(),
        source: model::SourceInfo {
            path: opts.path.clone(),
            format: src.format,
            encoding: src.encoding.clone(),
            bytes: src.bytes,
            text: opts.with_text.then(|| src.text.clone()),
        },
        meeting,
        items,
        declarations,
        people,
        diagnostics,
    }
}

/// Decode and parse bytes of text, Markdown or HTML. PDF needs its text layer first: see
/// [`parse_pdf_text`]. Returns an error only for formats this function cannot read.
pub fn parse_bytes(bytes: &[u8], dopts: &decode::DecodeOptions, opts: &Options) -> Result<Document, Error> {
    let format = dopts.format.unwrap_or_else(|| decode::sniff(bytes, dopts.name_hint.as_deref()));
    if format == Format::Pdf {
        return Err(Error::new(ErrorKind::UnsupportedFormat(
            "PDF input needs its text layer: use parse_pdf_text".into(),
        )));
    }
    let mut diags = Diagnostics::default();
    if decode::bytes_look_binary(bytes) {
        // Do not guess a text encoding for a PNG: keep the bytes visible but parse nothing.
        let src = Source {
            text: String::from_utf8_lossy(bytes).into_owned(),
            format,
            encoding: "binary".into(),
            bytes: bytes.len(),
        };
        return Ok(parse_with(&src, &document_id(bytes), opts, &mut diags));
    }
    let src = decode::decode(bytes, format, &mut diags);
    Ok(parse_with(&src, &document_id(bytes), opts, &mut diags))
}

/// Parse the text layer of a PDF (as extracted by the caller with `pdftotext -layout`): the
/// text is cleaned by [`decode::pdf::clean_pdf_text`] first, and spans point into the cleaned
/// text. `bytes` are the PDF's own bytes, for the id and size.
pub fn parse_pdf_text(bytes: &[u8], text: String, opts: &Options) -> Document {
    let mut diags = Diagnostics::default();
    let text = decode::pdf::clean_pdf_text(&text);
    let src = Source { text, format: Format::Pdf, encoding: "utf-8".into(), bytes: bytes.len() };
    if src.text.trim().is_empty() && !bytes.is_empty() {
        diags.push(
            Severity::Error,
            Code::NoTextLayer,
            "the PDF has no text layer (a scan?); run OCR first",
            Span::new(0, 0),
        );
        let mut doc = parse_with(&src, &document_id(bytes), opts, &mut Diagnostics::default());
        doc.diagnostics = diags
            .into_sorted()
            .into_iter()
            .map(|d| model::DiagnosticOut {
                severity: d.severity.name().to_string(),
                code: d.code.name().to_string(),
                message: d.message,
                span: d.span,
            })
            .collect();
        return doc;
    }
    parse_with(&src, &document_id(bytes), opts, &mut diags)
}
