//! A QR code as one SVG path, drawn on the device (the link never goes to a QR service).
//! `qrcodegen` makes the code (+~8 KB gzip; the `qrcode` crate costs twice that); the path
//! is ours: one `M x y h n v1 h-n z` per run of dark modules in a row, so a 400-character
//! link is a few KB of SVG.

use qrcodegen::{QrCode, QrCodeEcc};

/// The quiet zone around the code, in modules, as the standard asks.
pub const BORDER: i32 = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrSvg {
    /// Width and height in modules, border included (the SVG `viewBox` is `0 0 size size`).
    pub size: i32,
    /// The dark modules, to fill.
    pub path: String,
}

/// The QR code of `text`, or `None` if the text is too long for any QR code. Error
/// correction starts at level L (a code on a screen or projector is not smudged), so the
/// code has as few modules as possible and each is as large as possible for a phone at the
/// back of the room; qrcodegen raises the level wherever that costs no extra modules.
pub fn qr_svg(text: &str) -> Option<QrSvg> {
    let qr = QrCode::encode_text(text, QrCodeEcc::Low).ok()?;
    Some(path_of(&qr))
}

fn path_of(qr: &QrCode) -> QrSvg {
    let n = qr.size();
    let mut path = String::new();
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if !qr.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < n && qr.get_module(x, y) {
                x += 1;
            }
            let run = x - start;
            path.push_str(&format!(
                "M{} {}h{run}v1h-{run}z",
                start + BORDER,
                y + BORDER
            ));
        }
    }
    QrSvg {
        size: n + 2 * BORDER,
        path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dark modules the path paints, read back from its commands.
    fn painted(svg: &QrSvg) -> Vec<(i32, i32)> {
        let mut cells = Vec::new();
        for cmd in svg.path.split('z').filter(|c| !c.is_empty()) {
            let nums: Vec<i32> = cmd
                .trim_start_matches('M')
                .split(['h', 'v', ' '])
                .filter(|s| !s.is_empty())
                .map(|s| s.parse().unwrap())
                .collect();
            let (x, y, run) = (nums[0], nums[1], nums[2]);
            cells.extend((x..x + run).map(|x| (x, y)));
        }
        cells
    }

    #[test]
    fn the_path_paints_exactly_the_dark_modules() {
        let text = "https://skole.example/spire/#/a/1.AbCdEf";
        let qr = QrCode::encode_text(text, QrCodeEcc::Low).unwrap();
        let svg = qr_svg(text).unwrap();
        assert_eq!(svg.size, qr.size() + 8);
        let mut want = Vec::new();
        for y in 0..qr.size() {
            for x in 0..qr.size() {
                if qr.get_module(x, y) {
                    want.push((x + BORDER, y + BORDER));
                }
            }
        }
        assert_eq!(painted(&svg), want);
        // The three finder patterns: a dark 7×7 frame in three corners.
        let cells = painted(&svg);
        let far = svg.size - BORDER - 1;
        for (x, y) in [(BORDER, BORDER), (far, BORDER), (BORDER, far)] {
            assert!(cells.contains(&(x, y)), "corner {x},{y}");
        }
        assert!(!cells
            .iter()
            .any(|&(x, y)| x < BORDER || y < BORDER || x > far || y > far));
    }

    #[test]
    fn a_ten_lesson_link_fits_and_too_much_text_does_not() {
        let link = format!("https://skole.example/spire/#/a/1.{}", "A".repeat(420));
        let svg = qr_svg(&link).unwrap();
        assert!(svg.size < 100, "{}", svg.size);
        assert_eq!(qr_svg(&"x".repeat(3000)), None);
        let qr = QrCode::encode_text(&link, QrCodeEcc::Low).unwrap();
        assert!(qr.error_correction_level() >= QrCodeEcc::Low);
    }
}
