//! Stage 1, decode: bytes to a [`Source`], sniffing the format and the encoding.
//!
//! For text and Markdown the decoded text is the input itself (spans point into it). HTML and
//! PDF produce a new text (see `html.rs`, `pdf.rs`); `--with-text` shows it.

pub mod encoding;
pub mod html;
pub mod pdf;

use crate::diagnostics::{Code, Diagnostics, Severity};
use crate::source::{Format, Source, Span};

/// How to decode.
#[derive(Clone, Debug, Default)]
pub struct DecodeOptions {
    /// Force a format instead of sniffing.
    pub format: Option<Format>,
    /// The file name, used only as a hint for sniffing (its extension).
    pub name_hint: Option<String>,
}

/// Guess the format from the first bytes and the file name.
pub fn sniff(bytes: &[u8], name_hint: Option<&str>) -> Format {
    let ext = name_hint.and_then(|n| n.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())).unwrap_or_default();
    if bytes.starts_with(b"%PDF-") || (ext == "pdf" && bytes.windows(5).take(1024).any(|w| w == b"%PDF-")) {
        return Format::Pdf;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let head_text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let trimmed = head_text.trim_start_matches('\u{feff}').trim_start();
    if matches!(ext.as_str(), "html" | "htm" | "xhtml" | "php")
        || trimmed.starts_with("<!doctype html")
        || trimmed.starts_with("<html")
        || trimmed.starts_with("<?xml") && head_text.contains("<html")
    {
        return Format::Html;
    }
    if matches!(ext.as_str(), "md" | "markdown") {
        return Format::Markdown;
    }
    let tags = ["<p>", "<p ", "<div", "<br", "<li>", "<h1", "<h2", "<h3", "<h4", "<table", "<span"];
    let tag_hits: usize = tags.iter().map(|t| head_text.matches(t).count()).sum();
    if trimmed.starts_with('<') && tag_hits >= 2 {
        return Format::Html;
    }
    if trimmed.starts_with("---\n") || trimmed.starts_with("# ") || head_text.contains("\n## ") {
        return Format::Markdown;
    }
    Format::Text
}

/// Decode bytes into a [`Source`] of the given (or sniffed) format. HTML becomes the text of
/// [`html::html_to_text`]. PDF input is handled by the caller through [`crate::parse_pdf_text`],
/// which needs an extractor.
pub fn decode(bytes: &[u8], format: Format, diags: &mut Diagnostics) -> Source {
    let d = encoding::decode_text(bytes);
    let mut too_deep = false;
    let mut format = format;
    let text = if format == Format::Html {
        let (text, deep) = html::html_to_text_deep(&d.text);
        too_deep = deep;
        text
    } else if let Some(t) = (format == Format::Markdown).then(|| html::inline_html_blocks(&d.text)).flatten() {
        // Markdown that is mostly an HTML table (blog exports of Word minutes): the blocks are
        // converted, so spans point into the converted text, as for HTML.
        diags.push(
            Severity::Info,
            Code::Decoding,
            "Markdown whose content is mostly HTML blocks: read with the HTML blocks converted to text",
            Span::new(0, 0),
        );
        format = Format::Html;
        t
    } else {
        d.text
    };
    if too_deep {
        diags.warn(
            Code::Decoding,
            format!(
                "HTML nested more than {} levels deep: tags were stripped without building a tree",
                html::MAX_NESTING
            ),
            Span::new(0, 0),
        );
    }
    if d.guessed && !text.is_empty() {
        diags.push(
            Severity::Info,
            Code::Decoding,
            format!("input is not UTF-8; decoded as {}", d.encoding),
            Span::new(0, 0),
        );
    }
    if d.had_errors {
        diags.warn(
            Code::Decoding,
            format!("some bytes could not be decoded as {} and were replaced with U+FFFD", d.encoding),
            Span::new(0, 0),
        );
    }
    Source { text, format, encoding: d.encoding, bytes: bytes.len() }
}

/// True when raw bytes are a binary file: NUL bytes (outside UTF-16 text, which has a BOM or
/// alternating NULs and is decoded instead), many C0 control bytes or many 0xFF bytes in the
/// first 8 KiB.
pub fn bytes_look_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.is_empty() || encoding_rs::Encoding::for_bom(sample).is_some() {
        return false;
    }
    // This runs on every input: each count is its own branch-free pass, which the compiler
    // vectorises (one pass with branches was several instructions a byte).
    let nul = count_bytes(sample, |b| b == 0);
    let ff = count_bytes(sample, |b| b == 0xFF);
    let even_nul = if nul == 0 { 0 } else { sample.iter().step_by(2).filter(|&&b| b == 0).count() };
    let ctrl = count_bytes(sample, |b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c));
    let utf16_like = nul * 10 > sample.len() * 4 && (even_nul * 10 > nul * 9 || even_nul * 10 < nul);
    if nul > 0 && !utf16_like {
        return true;
    }
    // 0xFF is never UTF-8 and a rare letter in legacy encodings (`ÿ`, Cyrillic `я`): erased
    // flash, padding and image data are full of it.
    if !utf16_like && ff * 10 > sample.len() {
        return true;
    }
    ctrl * 20 > sample.len()
}

/// How many bytes of `s` satisfy `f`: counted in chunks of 255 bytes with a byte-wide counter
/// each (it cannot overflow), which the compiler vectorises 32 bytes at a time (a `usize` sum
/// took 4 lanes a register).
fn count_bytes(s: &[u8], f: impl Fn(u8) -> bool) -> usize {
    s.chunks(255).map(|c| usize::from(c.iter().fold(0u8, |n, &b| n + u8::from(f(b))))).sum()
}

/// True when the text looks like a binary file rather than minutes: NUL bytes or many
/// control characters.
pub fn looks_binary(text: &str) -> bool {
    // The first 8192 characters, counted by their bytes: the control characters are bytes
    // below 0x20 (no byte of a longer character is), U+FFFD is the bytes EF BF BD, and each
    // character has one byte that is not a continuation byte (0x80..=0xBF).
    let head = &text.as_bytes()[..char_prefix_len(text, 8192)];
    let n = count_bytes(head, |b| !(0x80..0xC0).contains(&b));
    if n == 0 {
        return false;
    }
    let control = count_bytes(head, |b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c));
    let bad = control + memchr::memmem::find_iter(head, "\u{FFFD}").count();
    let nul = memchr::memchr(0, head).is_some();
    bad * 20 > n || nul && bad * 100 > n
}

/// The length in bytes of the first `n` characters of `text` (all of it when shorter): the
/// characters start at the bytes that are not continuation bytes, counted a block at a time.
fn char_prefix_len(text: &str, n: usize) -> usize {
    let b = text.as_bytes();
    if b.len() <= n {
        return b.len();
    }
    let starts = |c: &[u8]| count_bytes(c, |x| !(0x80..0xC0).contains(&x));
    let (mut end, mut seen) = (0, 0);
    for block in b.chunks(256) {
        let k = starts(block);
        if seen + k > n {
            break;
        }
        seen += k;
        end += block.len();
    }
    // The block where the character after the first `n` starts, a byte at a time.
    while end < b.len() && (seen < n || !text.is_char_boundary(end)) {
        if text.is_char_boundary(end) {
            seen += 1;
        }
        end += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `looks_binary` as it was: a loop over the characters.
    fn looks_binary_by_chars(text: &str) -> bool {
        let (mut n, mut bad, mut nul) = (0usize, 0usize, false);
        for c in text.chars().take(8192) {
            n += 1;
            if (c < ' ' && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) || c == '\u{FFFD}' {
                bad += 1;
            }
            nul |= c == '\0';
        }
        n > 0 && (bad * 20 > n || nul && bad * 100 > n)
    }

    #[test]
    fn looks_binary_counts_the_characters_it_did() {
        let mut next = crate::fastre::xorshift(11);
        let pieces = ["a", " ", "\n", "\0", "\u{1}", "\u{c}", "\u{FFFD}", "é", "’", "😀", "\u{7f}", "\t"];
        for len in [0, 1, 5, 100, 4000, 8191, 8192, 8193, 9000, 20_000] {
            for weights in [1, 3, 40] {
                let text: String = (0..len)
                    .map(|_| {
                        let k = (next() % (pieces.len() as u64 * weights)) as usize;
                        if k < pieces.len() {
                            pieces[k]
                        } else {
                            "a"
                        }
                    })
                    .collect();
                assert_eq!(looks_binary(&text), looks_binary_by_chars(&text), "{len} {weights}");
                for n in [0, 1, 100, 8192] {
                    assert_eq!(char_prefix_len(&text, n), text.char_indices().nth(n).map_or(text.len(), |(i, _)| i));
                }
            }
        }
    }

    #[test]
    fn count_bytes_is_the_plain_count() {
        let mut next = crate::fastre::xorshift(7);
        for len in [0, 1, 254, 255, 256, 511, 8192] {
            // Bytes from a few values, so that every predicate holds often.
            let bytes: Vec<u8> =
                (0..len).map(|_| [0u8, 0xFF, 0x01, b'\n', b'a', 0x1F][(next() % 6) as usize]).collect();
            for f in [|b: u8| b == 0, |b: u8| b == 0xFF, |b: u8| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)]
            {
                assert_eq!(count_bytes(&bytes, f), bytes.iter().filter(|&&b| f(b)).count(), "{len}");
            }
        }
    }

    /// `bytes_look_binary` as it was, one pass with branches.
    fn old_bytes_look_binary(bytes: &[u8]) -> bool {
        let sample = &bytes[..bytes.len().min(8192)];
        if sample.is_empty() || encoding_rs::Encoding::for_bom(sample).is_some() {
            return false;
        }
        let (mut nul, mut even_nul, mut ctrl, mut ff) = (0usize, 0usize, 0usize, 0usize);
        for (i, &b) in sample.iter().enumerate() {
            ff += usize::from(b == 0xFF);
            if b < 0x20 {
                if b == 0 {
                    nul += 1;
                    even_nul += usize::from(i % 2 == 0);
                }
                if !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c) {
                    ctrl += 1;
                }
            }
        }
        let utf16_like = nul * 10 > sample.len() * 4 && (even_nul * 10 > nul * 9 || even_nul * 10 < nul);
        if nul > 0 && !utf16_like {
            return true;
        }
        if !utf16_like && ff * 10 > sample.len() {
            return true;
        }
        ctrl * 20 > sample.len()
    }

    #[test]
    fn binary_check_is_the_one_pass_loop() {
        let mut next = crate::fastre::xorshift(0x1234_5678_9ABC_DEF1u64);
        let alphabet = [0u8, 0, 0xFF, 1, 7, b'\n', b'\t', 0x0c, b'\r', b'a', b' ', 0xC3, 0xA9, 0x1F, 0x20];
        let (mut binary, mut cases) = (0, 0);
        for len in [0usize, 1, 2, 3, 10, 100, 1000, 9000] {
            for _ in 0..200 {
                // A mix weighted towards text, towards NULs (UTF-16 shapes), or uniform.
                let weight = next() % 3;
                let bytes: Vec<u8> = (0..len)
                    .map(|i| match weight {
                        0 if next() % 8 != 0 => b'a',
                        1 if i % 2 == 1 => 0,
                        _ => alphabet[(next() % alphabet.len() as u64) as usize],
                    })
                    .collect();
                assert_eq!(bytes_look_binary(&bytes), old_bytes_look_binary(&bytes), "{bytes:?}");
                binary += usize::from(old_bytes_look_binary(&bytes));
                cases += 1;
            }
        }
        assert!(binary > cases / 10 && binary < cases * 9 / 10, "{binary} of {cases}");
    }

    #[test]
    fn sniffs_formats() {
        assert_eq!(sniff(b"%PDF-1.4\n", None), Format::Pdf);
        assert_eq!(sniff(b"<!DOCTYPE html><html>", None), Format::Html);
        assert_eq!(sniff(b"<div><p>x</p><p>y</p></div>", None), Format::Html);
        assert_eq!(sniff(b"---\ntitle: x\n---\n", None), Format::Markdown);
        assert_eq!(sniff(b"Agenda item\n\nTitle\n", None), Format::Text);
        assert_eq!(sniff(b"anything", Some("a/b.md")), Format::Markdown);
    }

    #[test]
    fn binary_detection() {
        assert!(looks_binary("\u{89}PNG\r\n\u{1a}\n\0\0\0\rIHDR\0\0\0\u{1}"));
        assert!(!looks_binary("Agenda item\n\nMinutes:\n1. RESOLVED that\n"));
    }
}
