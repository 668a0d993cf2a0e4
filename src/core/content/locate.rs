//! Finds the line and column of a path inside JSON text, so problems found after parsing
//! still point at the place an author must edit.

use super::problem::Seg;

/// The 1-based line and column of the value at `path` (of its key, when the last step of the
/// path is an object key), or of the nearest enclosing value that exists.
pub fn locate(text: &str, path: &[Seg]) -> (usize, usize) {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
    };
    scanner.skip_ws();
    let offset = scanner.find(path).unwrap_or(scanner.pos.min(text.len()));
    line_col(text, offset)
}

/// The 1-based line and column of a byte offset, counting columns in characters.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    /// Walks down `path` from the value at the current position; returns the best offset found.
    fn find(&mut self, path: &[Seg]) -> Option<usize> {
        let start = self.pos;
        let Some((seg, rest)) = path.split_first() else {
            return Some(start);
        };
        match (self.peek()?, seg) {
            (b'{', Seg::Key(want)) => {
                self.pos += 1;
                loop {
                    self.skip_ws();
                    if self.peek()? == b'}' {
                        return Some(start);
                    }
                    let key_pos = self.pos;
                    let key = self.string()?;
                    self.skip_ws();
                    self.expect(b':')?;
                    self.skip_ws();
                    if &key == want {
                        if rest.is_empty() {
                            return Some(key_pos);
                        }
                        return self.find(rest).or(Some(key_pos));
                    }
                    self.skip_value()?;
                    self.skip_ws();
                    if self.peek()? == b',' {
                        self.pos += 1;
                    }
                }
            }
            (b'[', Seg::Index(want)) => {
                self.pos += 1;
                let mut i = 0;
                loop {
                    self.skip_ws();
                    if self.peek()? == b']' {
                        return Some(start);
                    }
                    if i == *want {
                        return self.find(rest).or(Some(self.pos));
                    }
                    self.skip_value()?;
                    self.skip_ws();
                    if self.peek()? == b',' {
                        self.pos += 1;
                    }
                    i += 1;
                }
            }
            _ => Some(start),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn expect(&mut self, b: u8) -> Option<()> {
        (self.peek()? == b).then(|| self.pos += 1)
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.pos += 1;
        }
    }

    fn string(&mut self) -> Option<String> {
        self.expect(b'"')?;
        let start = self.pos;
        loop {
            match self.peek()? {
                b'\\' => self.pos += 2,
                b'"' => break,
                _ => self.pos += 1,
            }
        }
        let raw = std::str::from_utf8(self.bytes.get(start..self.pos)?).ok()?;
        self.pos += 1;
        // Keys with escapes are rare in content; compare them decoded when they occur.
        Some(serde_json::from_str(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.to_string()))
    }

    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.pos += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.pos += 1;
                }
            }
            _ => {
                while !matches!(self.peek(), None | Some(b',' | b'}' | b']')) {
                    self.pos += 1;
                }
                Some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "{\n  \"id\": \"x\",\n  \"steps\": [\n    {\"type\": \"read\"},\n    {\"id\": \"b\", \"from\": \"q\"}\n  ]\n}";

    #[test]
    fn locates_keys_values_and_fallbacks() {
        let cases: Vec<(Vec<Seg>, (usize, usize))> = vec![
            (json_path![], (1, 1)),
            (json_path!["id"], (2, 3)),
            (json_path!["steps", 0], (4, 5)),
            (json_path!["steps", 1, "from"], (5, 17)),
            (json_path!["steps", 1, "nope"], (5, 5)),
            (json_path!["steps", 9], (3, 12)),
            (json_path!["missing", 0], (1, 1)),
        ];
        for (path, want) in cases {
            assert_eq!(locate(DOC, &path), want, "{path:?}");
        }
    }

    #[test]
    fn never_panics_on_broken_text() {
        for text in ["", "{", "{\"a\"", "[1,", "{\"a\":[{\"b\":\"\\", "\"\\u"] {
            let _ = locate(text, &[Seg::from("a"), Seg::from(0), Seg::from("b")]);
        }
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(line_col("{\"æ\": 1}", 7), (1, 7));
    }
}
