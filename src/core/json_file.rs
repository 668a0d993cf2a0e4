//! The first steps of reading any JSON file a person hands the app (a backup, a project, a
//! canvas, a hand-in, a founder profile): within its size, text, and JSON. Each reader
//! then checks its own format and turns these errors into its own messages.

use serde_json::{Map, Value};

/// Why a file could not be opened as JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    TooLarge {
        bytes: usize,
    },
    /// Not UTF-8 text (a picture, a zip, an old text encoding).
    NotText,
    /// Nothing but white space.
    Empty,
    /// Broken JSON. `cut_off` when the text ends before the JSON does, as a file cut short
    /// in a download or a copy does.
    NotJson {
        line: usize,
        column: usize,
        cut_off: bool,
    },
}

/// The text of a file of at most `max_bytes`, without a leading byte order mark (which
/// Windows' Notepad writes).
pub fn open_text(bytes: &[u8], max_bytes: usize) -> Result<&str, OpenError> {
    if bytes.len() > max_bytes {
        return Err(OpenError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| OpenError::NotText)?;
    Ok(text.trim_start_matches('\u{feff}'))
}

/// Parses text as JSON, telling an empty text and one cut off from other broken JSON.
pub fn parse(text: &str) -> Result<Value, OpenError> {
    if text.trim().is_empty() {
        return Err(OpenError::Empty);
    }
    serde_json::from_str(text).map_err(|e| OpenError::NotJson {
        line: e.line(),
        column: e.column(),
        cut_off: e.is_eof(),
    })
}

/// Why a JSON file is not one of ours of a version this app reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnvelopeError {
    /// Not an object, or another `format` (another app's file, another kind of ours).
    OtherFormat,
    /// No `version` of 1 or more.
    NoVersion,
    /// Written by a newer app.
    Newer(u64),
}

/// The object of a file whose `format` is `format` and whose `version` is 1 to `newest`.
pub fn envelope(
    value: Value,
    format: &str,
    newest: u64,
) -> Result<Map<String, Value>, EnvelopeError> {
    let Value::Object(obj) = value else {
        return Err(EnvelopeError::OtherFormat);
    };
    if obj.get("format").and_then(Value::as_str) != Some(format) {
        return Err(EnvelopeError::OtherFormat);
    }
    match obj.get("version").and_then(Value::as_u64) {
        None | Some(0) => Err(EnvelopeError::NoVersion),
        Some(v) if v > newest => Err(EnvelopeError::Newer(v)),
        Some(_) => Ok(obj),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_opened_within_its_size_as_text_without_a_byte_order_mark() {
        assert_eq!(open_text(b"{}", 2), Ok("{}"));
        assert_eq!(open_text(b"{} ", 2), Err(OpenError::TooLarge { bytes: 3 }));
        assert_eq!(open_text(&[0xff, 0xfe, b'{'], 10), Err(OpenError::NotText));
        assert_eq!(open_text("\u{feff}{}".as_bytes(), 10), Ok("{}"));
    }

    #[test]
    fn empty_cut_off_and_broken_json_are_told_apart() {
        assert_eq!(parse(" \n\t"), Err(OpenError::Empty));
        assert!(matches!(
            parse("{\"format\": \"spire-"),
            Err(OpenError::NotJson { cut_off: true, .. })
        ));
        assert_eq!(
            parse("{\n  \"a\": 1,,\n}"),
            Err(OpenError::NotJson {
                line: 2,
                column: 10,
                cut_off: false
            })
        );
        assert_eq!(parse("[1]"), Ok(serde_json::json!([1])));
    }

    #[test]
    fn an_envelope_is_ours_and_of_a_version_we_read() {
        use serde_json::json;
        let read = |v: Value| envelope(v, "spire-x", 2).map(|o| o.len());
        assert_eq!(read(json!({"format": "spire-x", "version": 2})), Ok(2));
        assert_eq!(read(json!([])), Err(EnvelopeError::OtherFormat));
        assert_eq!(
            read(json!({"format": "excalidraw", "version": 1})),
            Err(EnvelopeError::OtherFormat)
        );
        assert_eq!(
            read(json!({"format": "spire-x"})),
            Err(EnvelopeError::NoVersion)
        );
        assert_eq!(
            read(json!({"format": "spire-x", "version": 0})),
            Err(EnvelopeError::NoVersion)
        );
        assert_eq!(
            read(json!({"format": "spire-x", "version": "2"})),
            Err(EnvelopeError::NoVersion)
        );
        assert_eq!(
            read(json!({"format": "spire-x", "version": 3})),
            Err(EnvelopeError::Newer(3))
        );
    }
}
