//! The small byte tools behind assignment links and hand-in codes: base64url (RFC 4648 §5,
//! no padding), CRC-32 (IEEE) and a bounded reader/writer of varints and strings.
//! Our own few lines rather than the `base64` crate (+~5 KB gzip with its engine
//! generics) and a CRC crate: the jobs are tiny and fully tested here.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding: safe in a URL fragment and in a file name.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// Why base64url text could not be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base64Error {
    /// A character outside the alphabet.
    BadChar,
    /// A length no encoder writes (one character too many or too few).
    BadLength,
    /// A last character whose spare bits are not zero: what a text cut short ends with.
    BadEnd,
}

fn value_of(c: u8) -> Option<u32> {
    let v = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

/// Decodes base64url without padding. Leftover bits must be zero, so every byte string has
/// exactly one text (a changed last character is an error, not the same bytes).
pub fn base64url_decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        return Err(Base64Error::BadLength);
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 2);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= value_of(c).ok_or(Base64Error::BadChar)? << (18 - 6 * i);
        }
        let full = chunk.len() - 1;
        let leftover_mask = match full {
            1 => 0xffff,
            2 => 0xff,
            _ => 0,
        };
        if n & leftover_mask != 0 {
            return Err(Base64Error::BadEnd);
        }
        for i in 0..full {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Ok(out)
}

/// CRC-32 (IEEE 802.3, as in zip and PNG). Catches every burst error up to 32 bits, which is
/// what a mistyped or clipped link has; bitwise rather than a 1 KB table, as inputs are small.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xedb8_8320 & mask);
        }
    }
    !crc
}

/// Appends values as LEB128 varints and length-prefixed UTF-8.
#[derive(Default)]
pub struct ByteWriter {
    pub bytes: Vec<u8>,
}

impl ByteWriter {
    pub fn varint(&mut self, mut v: u64) {
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.bytes.push(byte);
                return;
            }
            self.bytes.push(byte | 0x80);
        }
    }

    pub fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.bytes.extend_from_slice(s.as_bytes());
    }

    /// A content id (`[a-z0-9-]`, checked by the caller) at 6 bits a character: ids are
    /// most of an assignment link, and a shorter link is a QR code readable from further.
    /// Any other byte is written as `-`.
    pub fn id(&mut self, id: &str) {
        let (mut acc, mut bits) = (0u32, 0u32);
        for b in id.bytes() {
            let symbol = ID_ALPHABET.iter().position(|&a| a == b).unwrap_or(0) as u32;
            acc = (acc << 6) | symbol;
            bits += 6;
            while bits >= 8 {
                bits -= 8;
                self.bytes.push((acc >> bits) as u8);
                acc &= (1 << bits) - 1;
            }
        }
        if bits > 0 {
            self.bytes.push((acc << (8 - bits)) as u8);
        }
    }
}

/// The characters of a content id, in the order of their 6-bit codes.
const ID_ALPHABET: &[u8; 37] = b"-0123456789abcdefghijklmnopqrstuvwxyz";

/// Why a byte reader stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadError {
    /// The bytes ended in the middle of a value.
    Ended,
    /// A value no writer makes (an overlong varint, bad UTF-8, a string over its limit).
    Bad,
}

/// Reads what `ByteWriter` wrote, never past the end and never allocating more than the
/// input could hold.
pub struct ByteReader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> ByteReader<'a> {
    pub fn new(bytes: &'a [u8]) -> ByteReader<'a> {
        ByteReader { bytes, pos: 0 }
    }

    /// How many bytes have been read.
    pub fn position(&self) -> usize {
        self.pos
    }

    pub fn is_at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    pub fn byte(&mut self) -> Result<u8, ReadError> {
        let b = *self.bytes.get(self.pos).ok_or(ReadError::Ended)?;
        self.pos += 1;
        Ok(b)
    }

    pub fn varint(&mut self) -> Result<u64, ReadError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            let part = u64::from(b & 0x7f);
            if shift == 63 && part > 1 {
                return Err(ReadError::Bad);
            }
            v |= part << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ReadError::Bad)
    }

    /// A string of at most `max` bytes.
    pub fn str(&mut self, max: usize) -> Result<String, ReadError> {
        let len = self.varint()?;
        if len > max as u64 {
            return Err(ReadError::Bad);
        }
        self.text(len as usize)
    }

    /// A content id of `chars` characters packed by [`ByteWriter::id`].
    pub fn id(&mut self, chars: usize) -> Result<String, ReadError> {
        let len = (chars * 6).div_ceil(8);
        let end = self.pos.checked_add(len).ok_or(ReadError::Bad)?;
        let slice = self.bytes.get(self.pos..end).ok_or(ReadError::Ended)?;
        self.pos = end;
        let mut out = String::with_capacity(chars);
        let (mut acc, mut bits) = (0u32, 0u32);
        let mut bytes = slice.iter();
        while out.len() < chars {
            if bits < 6 {
                acc = (acc << 8) | u32::from(*bytes.next().ok_or(ReadError::Ended)?);
                bits += 8;
            }
            bits -= 6;
            let symbol = (acc >> bits) & 63;
            acc &= (1 << bits) - 1;
            out.push(*ID_ALPHABET.get(symbol as usize).ok_or(ReadError::Bad)? as char);
        }
        // The padding bits are zero in every code this app writes.
        if acc != 0 {
            return Err(ReadError::Bad);
        }
        Ok(out)
    }

    /// `len` bytes of UTF-8.
    pub fn text(&mut self, len: usize) -> Result<String, ReadError> {
        let end = self.pos.checked_add(len).ok_or(ReadError::Bad)?;
        let slice = self.bytes.get(self.pos..end).ok_or(ReadError::Ended)?;
        self.pos = end;
        String::from_utf8(slice.to_vec()).map_err(|_| ReadError::Bad)
    }
}

/// Why a checksummed code (`<PREFIX><version>.<base64url(bytes ++ CRC-32)>`) was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeError {
    TooLarge,
    /// Not such a code, or a version that is no number.
    Damaged,
    Truncated,
    FromNewerApp(u32),
    /// The checksum does not hold: the code was cut or changed.
    BadChecksum,
}

/// The format version written before a code's `.` (links, hand-ins, founder profiles):
/// 1 to 4 ASCII digits, not 0.
pub fn parse_code_version(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|&v| v > 0)
}

/// A checksummed code (hand-ins, founder profiles): `<prefix><version>.` + base64url of
/// `bytes` followed by their CRC-32, as [`read_checksummed_code`] reads it.
pub fn checksummed_code(prefix: &str, version: u32, bytes: &[u8]) -> String {
    let mut framed = bytes.to_vec();
    framed.extend_from_slice(&crc32(bytes).to_be_bytes());
    format!("{prefix}{version}.{}", base64url_encode(&framed))
}

/// The checked bytes of a checksummed code (hand-ins, founder profiles). Whitespace inside
/// is ignored (a platform may wrap a code over lines).
pub fn read_checksummed_code(
    code: &str,
    prefix: &str,
    max_chars: usize,
    newest: u32,
) -> Result<Vec<u8>, CodeError> {
    let code: String = code.split_whitespace().collect();
    if code.len() > max_chars {
        return Err(CodeError::TooLarge);
    }
    let rest = code.strip_prefix(prefix).ok_or(CodeError::Damaged)?;
    let (version, data) = rest.split_once('.').ok_or(CodeError::Truncated)?;
    let version = parse_code_version(version).ok_or(CodeError::Damaged)?;
    if version > newest {
        return Err(CodeError::FromNewerApp(version));
    }
    let mut framed = base64url_decode(data).map_err(|e| match e {
        Base64Error::BadLength | Base64Error::BadEnd => CodeError::Truncated,
        Base64Error::BadChar => CodeError::Damaged,
    })?;
    if framed.len() < 5 {
        return Err(CodeError::Truncated);
    }
    let sum = framed.split_off(framed.len() - 4);
    if crc32(&framed).to_be_bytes()[..] != sum[..] {
        return Err(CodeError::BadChecksum);
    }
    Ok(framed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, coded) in cases {
            assert_eq!(base64url_encode(plain.as_bytes()), coded);
            assert_eq!(base64url_decode(coded).unwrap(), plain.as_bytes());
        }
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
    }

    proptest! {
        #[test]
        fn ids_pack_to_six_bits_a_character_and_back(id in "[a-z0-9]{1,20}(-[a-z0-9]{1,20}){0,3}") {
            let mut w = ByteWriter::default();
            w.id(&id);
            prop_assert_eq!(w.bytes.len(), (id.len() * 6).div_ceil(8));
            w.bytes.push(7);
            let mut r = ByteReader::new(&w.bytes);
            prop_assert_eq!(r.id(id.len()).unwrap(), id);
            prop_assert_eq!(r.byte(), Ok(7));
        }

        #[test]
        fn packed_ids_never_panic_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..40), n in 0usize..60) {
            let _ = ByteReader::new(&bytes).id(n);
        }
    }

    #[test]
    fn a_packed_id_with_stray_padding_bits_is_refused() {
        // "a" is code 11 = 0b001011, written as 0b0010_1100; the last two bits are padding.
        assert_eq!(ByteReader::new(&[0b0010_1100]).id(1).as_deref(), Ok("a"));
        assert_eq!(ByteReader::new(&[0b0010_1101]).id(1), Err(ReadError::Bad));
        assert_eq!(ByteReader::new(&[]).id(1), Err(ReadError::Ended));
    }

    #[test]
    fn base64url_rejects_what_no_encoder_writes() {
        assert_eq!(base64url_decode("Zm9vY"), Err(Base64Error::BadLength));
        assert_eq!(base64url_decode("Zm9v+A"), Err(Base64Error::BadChar));
        assert_eq!(base64url_decode("Zm=v"), Err(Base64Error::BadChar));
        // "Zh" has non-zero leftover bits: not the text of any byte string.
        assert_eq!(base64url_decode("Zh"), Err(Base64Error::BadEnd));
    }

    #[test]
    fn crc32_matches_the_check_value() {
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn varints_and_strings_round_trip_and_stop_at_the_end() {
        let mut w = ByteWriter::default();
        for v in [0, 1, 127, 128, 300, u64::MAX] {
            w.varint(v);
        }
        w.str("æøå");
        let mut r = ByteReader::new(&w.bytes);
        for v in [0, 1, 127, 128, 300, u64::MAX] {
            assert_eq!(r.varint(), Ok(v));
        }
        assert_eq!(r.str(10).as_deref(), Ok("æøå"));
        assert!(r.is_at_end());
        assert_eq!(r.byte(), Err(ReadError::Ended));
        assert_eq!(ByteReader::new(&[0x80]).varint(), Err(ReadError::Ended));
        assert_eq!(ByteReader::new(&[0xff; 11]).varint(), Err(ReadError::Bad));
        assert_eq!(ByteReader::new(&[5, b'a']).str(10), Err(ReadError::Ended));
        assert_eq!(ByteReader::new(&[5, b'a']).str(2), Err(ReadError::Bad));
        assert_eq!(ByteReader::new(&[1, 0xff]).str(2), Err(ReadError::Bad));
    }

    proptest! {
        #[test]
        fn any_bytes_round_trip_through_base64url(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let text = base64url_encode(&bytes);
            prop_assert!(text.bytes().all(|b| ALPHABET.contains(&b)));
            prop_assert_eq!(base64url_decode(&text).unwrap(), bytes);
        }

        #[test]
        fn any_text_decodes_or_fails_without_panicking(text in ".{0,80}") {
            let _ = base64url_decode(&text);
        }

        #[test]
        fn any_bytes_read_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let mut r = ByteReader::new(&bytes);
            while !r.is_at_end() {
                if r.str(16).is_err() { break; }
            }
        }
    }
}
