//! The Markdown subset of rich text: paragraphs, **bold**, *italic*, bullet and numbered
//! lists and links. It yields a tree the app turns into DOM nodes, so content text never
//! becomes HTML: anything that looks like a tag stays literal text.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    Bullets(Vec<Vec<Inline>>),
    Numbered(Vec<Vec<Inline>>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Bold(Vec<Inline>),
    Italic(Vec<Inline>),
    /// Only `https:`, `http:` and `mailto:` targets become links.
    Link {
        text: Vec<Inline>,
        href: String,
    },
}

pub fn parse(source: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut list: Option<(bool, Vec<String>)> = None;
    let flush_para = |para: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !para.is_empty() {
            blocks.push(Block::Paragraph(inline(&para.join(" "))));
            para.clear();
        }
    };
    let flush_list = |list: &mut Option<(bool, Vec<String>)>, blocks: &mut Vec<Block>| {
        if let Some((numbered, items)) = list.take() {
            let items = items.iter().map(|i| inline(i)).collect();
            blocks.push(if numbered {
                Block::Numbered(items)
            } else {
                Block::Bullets(items)
            });
        }
    };
    for raw in source.lines() {
        let line = raw.trim();
        if line.is_empty() {
            flush_para(&mut para, &mut blocks);
            flush_list(&mut list, &mut blocks);
            continue;
        }
        if let Some((numbered, item)) = list_item(line) {
            flush_para(&mut para, &mut blocks);
            if list.as_ref().is_some_and(|(n, _)| *n != numbered) {
                flush_list(&mut list, &mut blocks);
            }
            list.get_or_insert_with(|| (numbered, Vec::new()))
                .1
                .push(item.to_string());
        } else if let Some((_, items)) = list.as_mut().filter(|_| raw.starts_with([' ', '\t'])) {
            // An indented line continues the list item above it.
            if let Some(last) = items.last_mut() {
                last.push(' ');
                last.push_str(line);
            }
        } else {
            flush_list(&mut list, &mut blocks);
            para.push(line);
        }
    }
    flush_para(&mut para, &mut blocks);
    flush_list(&mut list, &mut blocks);
    blocks
}

/// `- item`, `* item` → bullet; `12. item` → numbered.
fn list_item(line: &str) -> Option<(bool, &str)> {
    if let Some(rest) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return Some((false, rest.trim()));
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        if let Some(rest) = line[digits..].strip_prefix(". ") {
            return Some((true, rest.trim()));
        }
    }
    None
}

/// Parses inline marks. Unclosed marks stay literal text.
pub fn inline(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some((node, after)) = mark(rest) {
            if !plain.is_empty() {
                out.push(Inline::Text(std::mem::take(&mut plain)));
            }
            out.push(node);
            rest = after;
        } else {
            plain.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    if !plain.is_empty() {
        out.push(Inline::Text(plain));
    }
    out
}

// public/boot.js (`appendRich`, `listItem`, `markAt`) draws rich text with the same rules
// before the app starts: a change here needs the same change there.
fn mark(s: &str) -> Option<(Inline, &str)> {
    if let Some(body) = s.strip_prefix("**") {
        let end = body.find("**").filter(|&e| e > 0)?;
        return Some((Inline::Bold(inline(&body[..end])), &body[end + 2..]));
    }
    if let Some(body) = s.strip_prefix('*') {
        if body.starts_with([' ', '*']) {
            return None;
        }
        let end = body.find('*').filter(|&e| e > 0)?;
        return Some((Inline::Italic(inline(&body[..end])), &body[end + 1..]));
    }
    if let Some(body) = s.strip_prefix('[') {
        let close = body.find("](")?;
        let after = &body[close + 2..];
        let end = after.find(')')?;
        let href = after[..end].trim();
        let safe = ["https://", "http://", "mailto:"]
            .iter()
            .any(|p| href.to_ascii_lowercase().starts_with(p));
        if !safe || href.contains(char::is_whitespace) {
            return None;
        }
        return Some((
            Inline::Link {
                text: inline(&body[..close]),
                href: href.to_string(),
            },
            &after[end + 1..],
        ));
    }
    None
}

/// The plain text of rich text, for reading aloud and searching.
pub fn plain_text(source: &str) -> String {
    fn collect(nodes: &[Inline], out: &mut String) {
        for n in nodes {
            match n {
                Inline::Text(t) => out.push_str(t),
                Inline::Bold(c) | Inline::Italic(c) | Inline::Link { text: c, .. } => {
                    collect(c, out)
                }
            }
        }
    }
    let mut out = String::new();
    for block in parse(source) {
        let items = match block {
            Block::Paragraph(p) => vec![p],
            Block::Bullets(i) | Block::Numbered(i) => i,
        };
        for item in items {
            collect(&item, &mut out);
            out.push_str(".\n");
        }
    }
    out.replace("..\n", ".\n")
        .replace("?.\n", "?\n")
        .replace("!.\n", "!\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use Inline::*;

    fn t(s: &str) -> Inline {
        Text(s.into())
    }

    #[test]
    fn inline_marks() {
        let cases: Vec<(&str, Vec<Inline>)> = vec![
            ("plain", vec![t("plain")]),
            ("a **b** c", vec![t("a "), Bold(vec![t("b")]), t(" c")]),
            (
                "*i* and **b *bi* c**",
                vec![
                    Italic(vec![t("i")]),
                    t(" and "),
                    Bold(vec![t("b "), Italic(vec![t("bi")]), t(" c")]),
                ],
            ),
            ("2 * 3 * 4", vec![t("2 * 3 * 4")]),
            ("**open", vec![t("**open")]),
            (
                "[x](https://a.dk)",
                vec![Link {
                    text: vec![t("x")],
                    href: "https://a.dk".into(),
                }],
            ),
            (
                "[x](javascript:alert(1))",
                vec![t("[x](javascript:alert(1))")],
            ),
            (
                "<script>alert(1)</script>",
                vec![t("<script>alert(1)</script>")],
            ),
            ("æ **ø** å", vec![t("æ "), Bold(vec![t("ø")]), t(" å")]),
        ];
        for (src, want) in cases {
            assert_eq!(inline(src), want, "{src}");
        }
    }

    #[test]
    fn blocks() {
        let src = "Hej\nmed dig\n\n- en\n- to\n  videre\n\n1. første\n2. anden\nslut";
        assert_eq!(
            parse(src),
            vec![
                Block::Paragraph(vec![t("Hej med dig")]),
                Block::Bullets(vec![vec![t("en")], vec![t("to videre")]]),
                Block::Numbered(vec![vec![t("første")], vec![t("anden")]]),
                Block::Paragraph(vec![t("slut")]),
            ]
        );
        assert_eq!(parse(""), vec![]);
    }

    #[test]
    fn plain_text_for_speech() {
        assert_eq!(plain_text("**Hej** du\n\n- a\n- b?"), "Hej du.\na.\nb?\n");
    }
}
