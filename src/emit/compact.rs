//! Compact JSON exactly as `serde_json::to_string` writes it, for the types this crate
//! serializes: structs, sequences, maps with string keys, strings, integers, booleans,
//! options and unit variants. Anything else (floats, bytes, a map key that is no string,
//! serde_json's private raw-value and number tokens) is refused ([`to_string_sized`] returns
//! `None`) and the caller falls back to `serde_json`.
//!
//! serde_json escapes a string byte by byte through a 256-entry table (~9 instructions a
//! byte, 4% of a `parse` run); here the bytes that need no escape are skipped eight at a
//! time. The test `same_as_serde_json` checks the output against serde_json's.

use serde::ser::{self, Serialize};

/// `value` as compact JSON, byte for byte what `serde_json::to_string` gives; `None` when
/// `value` holds something this writer does not handle.
#[cfg(test)]
pub(crate) fn to_string<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    to_string_sized(value, 4096)
}

/// `value` as compact JSON ([`to_string`] in the tests), into a buffer of `capacity` bytes to
/// start with (a guess of the size written: each doubling of the buffer copies what was
/// written so far).
pub(crate) fn to_string_sized<T: Serialize + ?Sized>(value: &T, capacity: usize) -> Option<String> {
    let mut w = Writer { out: Vec::with_capacity(capacity) };
    value.serialize(&mut w).ok()?;
    // Only whole UTF-8 strings and ASCII were written.
    Some(String::from_utf8(w.out).expect("JSON written from UTF-8 strings"))
}

/// What the writer refuses; the caller writes the value with serde_json instead.
#[derive(Debug)]
pub(crate) struct Unsupported;

impl std::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not written by emit::compact")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: std::fmt::Display>(_msg: T) -> Self {
        Unsupported
    }
}

struct Writer {
    out: Vec<u8>,
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The bytes of `x` (eight of a string, little-endian) that JSON escapes, flagged in their
/// high bits: bytes under 0x20, `"`, `\`. Only the lowest flag is sure to be one (a borrow
/// flags bytes above a true hit, never below one), which is all [`next_escape`] reads.
fn escapes(x: u64) -> u64 {
    let quote = x ^ (ONES * u64::from(b'"'));
    let slash = x ^ (ONES * u64::from(b'\\'));
    (x.wrapping_sub(ONES * 0x20) | (quote.wrapping_sub(ONES) & !quote) | (slash.wrapping_sub(ONES) & !slash))
        & !x
        & HIGH
}

/// The index of the first byte of `b` that JSON escapes (a control character, `"` or `\`),
/// or `b.len()`. Eight bytes at a time; the last word overlaps the one before it (its bytes
/// before the last index read are clean, so its lowest flag is the first escape after them),
/// and a string of four to seven bytes is read as its first four and last four.
fn next_escape(b: &[u8]) -> usize {
    let n = b.len();
    let word = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().expect("eight bytes"));
    let half = |i: usize| u64::from(u32::from_le_bytes(b[i..i + 4].try_into().expect("four bytes")));
    let first = |found: u64| (found.trailing_zeros() / 8) as usize;
    if n < 4 {
        return b.iter().position(|&c| c < 0x20 || c == b'"' || c == b'\\').unwrap_or(n);
    }
    if n < 8 {
        // Bytes 0..4, then n - 4..n: a flag at `j >= 4` is byte n - 8 + j.
        let found = escapes(half(0) | half(n - 4) << 32);
        return match found {
            0 => n,
            _ if first(found) < 4 => first(found),
            // (n + j - 8, not n - 8 + j: n is below 8 here.)
            _ => n + first(found) - 8,
        };
    }
    let mut i = 0;
    while i + 8 <= n {
        let found = escapes(word(i));
        if found != 0 {
            return i + first(found);
        }
        i += 8;
    }
    if i < n {
        let found = escapes(word(n - 8));
        if found != 0 {
            return n - 8 + first(found);
        }
    }
    n
}

impl Writer {
    fn string(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut b = s.as_bytes();
        self.out.reserve(b.len() + 2);
        self.out.push(b'"');
        loop {
            let k = next_escape(b);
            self.out.extend_from_slice(&b[..k]);
            let Some(&c) = b.get(k) else { break };
            match c {
                b'"' => self.out.extend_from_slice(b"\\\""),
                b'\\' => self.out.extend_from_slice(b"\\\\"),
                0x08 => self.out.extend_from_slice(b"\\b"),
                b'\t' => self.out.extend_from_slice(b"\\t"),
                b'\n' => self.out.extend_from_slice(b"\\n"),
                0x0C => self.out.extend_from_slice(b"\\f"),
                b'\r' => self.out.extend_from_slice(b"\\r"),
                _ => self.out.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(c >> 4)],
                    HEX[usize::from(c & 0xF)],
                ]),
            }
            b = &b[k + 1..];
        }
        self.out.push(b'"');
    }

    fn unsigned(&mut self, mut n: u64) {
        let mut buf = [0u8; 20];
        let mut at = buf.len();
        loop {
            at -= 1;
            buf[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.out.extend_from_slice(&buf[at..]);
    }

    fn signed(&mut self, n: i64) {
        if n < 0 {
            self.out.push(b'-');
        }
        self.unsigned(n.unsigned_abs());
    }
}

/// A sequence, map or struct being written: whether an element was written yet.
pub(crate) struct Compound<'a> {
    w: &'a mut Writer,
    first: bool,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !self.first {
            self.w.out.push(b',');
        }
        self.first = false;
    }
}

type Res = Result<(), Unsupported>;

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = ser::Impossible<(), Unsupported>;

    fn serialize_bool(self, v: bool) -> Res {
        self.out.extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Res {
        self.signed(i64::from(v));
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Res {
        self.signed(i64::from(v));
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Res {
        self.signed(i64::from(v));
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Res {
        self.signed(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Res {
        self.unsigned(u64::from(v));
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Res {
        self.unsigned(u64::from(v));
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Res {
        self.unsigned(u64::from(v));
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Res {
        self.unsigned(v);
        Ok(())
    }
    fn serialize_f32(self, _v: f32) -> Res {
        Err(Unsupported)
    }
    fn serialize_f64(self, _v: f64) -> Res {
        Err(Unsupported)
    }
    fn serialize_char(self, v: char) -> Res {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Res {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Res {
        Err(Unsupported)
    }
    fn serialize_none(self) -> Res {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Res {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Res {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Res {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Res {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, name: &'static str, value: &T) -> Res {
        if name.starts_with("$serde_json") {
            return Err(Unsupported);
        }
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Res {
        self.out.push(b'{');
        self.string(variant);
        self.out.push(b':');
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Unsupported> {
        self.out.push(b'[');
        Ok(Compound { w: self, first: true })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a>, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, Unsupported> {
        self.out.push(b'{');
        Ok(Compound { w: self, first: true })
    }
    fn serialize_struct(self, name: &'static str, _len: usize) -> Result<Compound<'a>, Unsupported> {
        if name.starts_with("$serde_json") {
            return Err(Unsupported);
        }
        self.out.push(b'{');
        Ok(Compound { w: self, first: true })
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(Unsupported)
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Res {
        self.comma();
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Res {
        self.w.out.push(b']');
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Res {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Res {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Res {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Res {
        ser::SerializeSeq::end(self)
    }
}

/// A map key: only a string (serde_json also quotes numbers and booleans; refused here).
struct Key<'a>(&'a mut Writer);

impl ser::Serializer for Key<'_> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = ser::Impossible<(), Unsupported>;
    type SerializeTuple = ser::Impossible<(), Unsupported>;
    type SerializeTupleStruct = ser::Impossible<(), Unsupported>;
    type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
    type SerializeMap = ser::Impossible<(), Unsupported>;
    type SerializeStruct = ser::Impossible<(), Unsupported>;
    type SerializeStructVariant = ser::Impossible<(), Unsupported>;

    fn serialize_str(self, v: &str) -> Res {
        self.0.string(v);
        Ok(())
    }
    fn serialize_bool(self, _v: bool) -> Res {
        Err(Unsupported)
    }
    fn serialize_i8(self, _v: i8) -> Res {
        Err(Unsupported)
    }
    fn serialize_i16(self, _v: i16) -> Res {
        Err(Unsupported)
    }
    fn serialize_i32(self, _v: i32) -> Res {
        Err(Unsupported)
    }
    fn serialize_i64(self, _v: i64) -> Res {
        Err(Unsupported)
    }
    fn serialize_u8(self, _v: u8) -> Res {
        Err(Unsupported)
    }
    fn serialize_u16(self, _v: u16) -> Res {
        Err(Unsupported)
    }
    fn serialize_u32(self, _v: u32) -> Res {
        Err(Unsupported)
    }
    fn serialize_u64(self, _v: u64) -> Res {
        Err(Unsupported)
    }
    fn serialize_f32(self, _v: f32) -> Res {
        Err(Unsupported)
    }
    fn serialize_f64(self, _v: f64) -> Res {
        Err(Unsupported)
    }
    fn serialize_char(self, _v: char) -> Res {
        Err(Unsupported)
    }
    fn serialize_bytes(self, _v: &[u8]) -> Res {
        Err(Unsupported)
    }
    fn serialize_none(self) -> Res {
        Err(Unsupported)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Res {
        Err(Unsupported)
    }
    fn serialize_unit(self) -> Res {
        Err(Unsupported)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Res {
        Err(Unsupported)
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, _variant: &'static str) -> Res {
        Err(Unsupported)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, _value: &T) -> Res {
        Err(Unsupported)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Res {
        Err(Unsupported)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(Unsupported)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Res {
        self.comma();
        key.serialize(Key(&mut *self.w))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Res {
        self.w.out.push(b':');
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Res {
        self.w.out.push(b'}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Res {
        self.comma();
        self.w.string(key);
        self.w.out.push(b':');
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Res {
        self.w.out.push(b'}');
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same<T: Serialize + ?Sized>(value: &T) {
        assert_eq!(to_string(value).as_deref(), Some(serde_json::to_string(value).expect("json").as_str()));
    }

    #[test]
    fn strings_escape_as_serde_json() {
        let all: String = (0u8..=0x7F).map(char::from).collect();
        same(&all);
        same("");
        same("plain text, long enough for two words of eight bytes");
        same("é “quoted” — \u{2028} \u{7f} \u{1F600}");
        // Every escaped byte at every place of a word of eight, and next to others.
        for c in (0u8..0x20).chain([b'"', b'\\', b'a', 0x7F]) {
            for at in 0..17 {
                let mut s = "abcdefghijklmnopq".to_string().into_bytes();
                s[at] = c;
                let s = String::from_utf8(s).expect("ASCII");
                same(&s);
                same(&format!("{s}\"{s}\\\n"));
            }
        }
        // Every length up to three words, an escaped byte (or two) at every place.
        for len in 0..25 {
            let clean = &b"abcdefghijklmnopqrstuvwxy"[..len];
            assert_eq!(next_escape(clean), len);
            for at in 0..len {
                for c in [0u8, 0x1F, b'"', b'\\'] {
                    let mut b = clean.to_vec();
                    b[at] = c;
                    assert_eq!(next_escape(&b), at, "{b:?}");
                    if at + 1 < len {
                        b[at + 1] = b'\n';
                        assert_eq!(next_escape(&b), at, "{b:?}");
                    }
                }
            }
        }
        // Generated strings (a fixed xorshift): ASCII with control characters, and some
        // non-ASCII.
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..2000 {
            let mut s = String::new();
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = (x % 40) as usize;
            for _ in 0..len {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                match x % 10 {
                    0 => s.push(char::from((x >> 8) as u8 % 0x20)),
                    1 => s.push(['"', '\\', '/', 'é', '—', '\u{80}'][(x >> 8) as usize % 6]),
                    _ => s.push(char::from(0x20 + (x >> 8) as u8 % 0x5F)),
                }
            }
            same(&s);
        }
    }

    #[test]
    fn values_as_serde_json() {
        same(&(0u64, u64::MAX, i64::MIN, -1i32, 7u8, true, false, 'x', '"'));
        same(&vec![Some(1u32), None]);
        same(&Vec::<String>::new());
        let mut map = std::collections::BTreeMap::new();
        map.insert("k\"ey".to_string(), vec![1u16, 2]);
        map.insert(String::new(), vec![]);
        same(&map);
        same(&crate::model::Format::Markdown);
        same(&crate::model::Span::new(3, 17));
        // Refused: floats, non-string keys.
        assert_eq!(to_string(&1.5f64), None);
        let mut numbered = std::collections::BTreeMap::new();
        numbered.insert(1u32, "one");
        assert_eq!(to_string(&numbered), None);
    }

    #[test]
    fn documents_as_serde_json() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/seeds");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).expect("corpus/seeds") {
            let path = entry.expect("entry").path();
            let Ok(bytes) = std::fs::read(&path) else { continue };
            let dopts =
                crate::decode::DecodeOptions { format: None, name_hint: Some(path.to_string_lossy().into_owned()) };
            let opts = crate::Options { with_text: true, path: path.to_string_lossy().into_owned() };
            let Ok(doc) = crate::parse_bytes(&bytes, &dopts, &opts) else { continue };
            same(&doc);
            n += 1;
        }
        assert!(n > 0);
    }
}
