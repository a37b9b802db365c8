//! Bytes to text, recording what the bytes were decoded from.
//!
//! Precedence: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) wins; then valid UTF-8; then
//! the legacy encoding `chardetng` guesses for the bytes (for English minutes this is
//! almost always windows-1252, which also covers ISO-8859-1). Decoding never fails:
//! sequences that cannot be decoded become U+FFFD and a `decoding` diagnostic.
//! The text is not otherwise rewritten, so spans for text input point into the input.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// The result of decoding: text, the encoding's name, and whether anything was replaced.
#[derive(Debug)]
pub struct Decoded {
    /// The decoded text (a leading BOM is removed).
    pub text: String,
    /// Lower-case encoding name: `utf-8`, `utf-16le`, `windows-1252`, ...
    pub encoding: String,
    /// True when some bytes had to be replaced with U+FFFD.
    pub had_errors: bool,
    /// True when the encoding was guessed rather than known (no BOM, not valid UTF-8).
    pub guessed: bool,
}

/// Decode `bytes` by the precedence above.
pub fn decode_text(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Decoded { text: text.into_owned(), encoding: name(enc), had_errors, guessed: false };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded { text: s.to_owned(), encoding: "utf-8".into(), had_errors: false, guessed: false };
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        return Decoded { text: text.into_owned(), encoding: name(enc), had_errors, guessed: true };
    }
    // Mostly-UTF-8 text with a few stray bytes is far more common in archives than a legacy
    // encoding that happens to contain valid multi-byte sequences, so keep UTF-8 when the
    // invalid sequences are rare.
    let (lossy, _, _) = UTF_8.decode(bytes);
    let bad = lossy.matches('\u{FFFD}').count();
    let multibyte = bytes.iter().filter(|&&b| (0xC2..=0xF4).contains(&b)).count();
    if bad > 0 && multibyte > bad * 4 {
        return Decoded { text: lossy.into_owned(), encoding: "utf-8".into(), had_errors: true, guessed: false };
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _, had_errors) = enc.decode(bytes);
    Decoded { text: text.into_owned(), encoding: name(enc), had_errors, guessed: true }
}

/// UTF-16 without a BOM shows as NUL in every other byte of ASCII text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 16 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_nul * 10 > pairs * 8 && even_nul * 10 < pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 > pairs * 8 && odd_nul * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn name(enc: &'static Encoding) -> String {
    enc.name().to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode_text(b"\xEF\xBB\xBFAgenda item");
        assert_eq!((d.text.as_str(), d.encoding.as_str()), ("Agenda item", "utf-8"));
        let d = decode_text("Caf\u{e9}".as_bytes());
        assert_eq!(d.text, "Caf\u{e9}");
        assert!(!d.guessed);
    }

    #[test]
    fn windows_1252_is_detected() {
        // "Council’s report – agreed" with 0x92 and 0x96, as Word exports write it.
        let d = decode_text(b"The Council\x92s report \x96 it was agreed that the Clerk write to the school.");
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("Council\u{2019}s report \u{2013} it"));
        assert!(d.guessed);
    }

    #[test]
    fn utf16_le_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "RESOLVED".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let d = decode_text(&bytes);
        assert_eq!((d.text.as_str(), d.encoding.as_str()), ("RESOLVED", "utf-16le"));
    }

    #[test]
    fn mostly_utf8_with_a_stray_byte_stays_utf8() {
        let mut bytes = "caf\u{e9} na\u{ef}ve r\u{e9}sum\u{e9} \u{2013} d\u{e9}j\u{e0} ".repeat(3).into_bytes();
        bytes.push(0xFF);
        let d = decode_text(&bytes);
        assert_eq!(d.encoding, "utf-8");
        assert!(d.had_errors);
    }
}
