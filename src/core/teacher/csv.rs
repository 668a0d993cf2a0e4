//! CSV that opens right in a Danish spreadsheet: UTF-8 with a byte-order mark (or Excel
//! guesses the encoding wrong), `;` between cells (the Danish list separator, as `,` is the
//! decimal comma), CRLF line ends, quotes where needed, and formula injection neutralised
//! (a cell a pupil typed as `=HYPERLINK(…)` must stay text).

/// The whole file.
pub fn csv(rows: &[Vec<String>]) -> String {
    let mut out = String::from('\u{feff}');
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    }
    out
}

/// One cell: a leading `'` before anything a spreadsheet would run as a formula (`=`, `+`,
/// `-`, `@`, and tab or carriage return, per OWASP), then quotes if the text holds a
/// separator, a quote, a line break or edge spaces.
pub fn cell(text: &str) -> String {
    let risky = text
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'));
    let text = if risky {
        format!("'{text}")
    } else {
        text.to_string()
    };
    let quote =
        text.contains([';', '"', '\n', '\r', ',']) || text.starts_with(' ') || text.ends_with(' ');
    if quote {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_neutralised() {
        let cases = [
            ("Ida", "Ida"),
            ("", ""),
            ("a;b", "\"a;b\""),
            ("sagde \"hej\"", "\"sagde \"\"hej\"\"\""),
            ("to\nlinjer", "\"to\nlinjer\""),
            ("3,5", "\"3,5\""),
            ("=1+1", "'=1+1"),
            (
                "=HYPERLINK(\"x\";\"y\")",
                "\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")\"",
            ),
            ("+45 12345678", "'+45 12345678"),
            ("-5", "'-5"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            (" kant ", "\" kant \""),
            ("æøå", "æøå"),
        ];
        for (text, want) in cases {
            assert_eq!(cell(text), want, "{text:?}");
        }
    }

    #[test]
    fn a_file_has_a_bom_semicolons_and_crlf() {
        let text = csv(&[
            vec!["Elev".into(), "Svar".into()],
            vec!["Ida".into(), "a;b".into()],
        ]);
        assert_eq!(text, "\u{feff}Elev;Svar\r\nIda;\"a;b\"\r\n");
        assert!(text.as_bytes().starts_with(&[0xef, 0xbb, 0xbf]));
    }
}
