//! The colours of sticky notes. Each pairs a light paper colour with dark ink; the contrast
//! of ink on paper is checked by a test against WCAG's 4.5:1, and because every paper is
//! light, notes stay readable when printed in black and white.

/// A note colour, saved in `Note::colour` by its id. Anything else (an empty string from an
/// older save, an unknown id from a newer app) shows as the first colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum NoteColour {
    #[default]
    Yellow,
    Pink,
    Green,
    Blue,
    Orange,
    Purple,
}

/// The ink of every note: the app's own text colour.
pub const INK: &str = "#1b1f24";

impl NoteColour {
    pub const ALL: [NoteColour; 6] = [
        NoteColour::Yellow,
        NoteColour::Pink,
        NoteColour::Green,
        NoteColour::Blue,
        NoteColour::Orange,
        NoteColour::Purple,
    ];

    pub fn id(self) -> &'static str {
        match self {
            NoteColour::Yellow => "yellow",
            NoteColour::Pink => "pink",
            NoteColour::Green => "green",
            NoteColour::Blue => "blue",
            NoteColour::Orange => "orange",
            NoteColour::Purple => "purple",
        }
    }

    /// The colour saved as `id`; unknown and empty ids are the default colour.
    pub fn of(id: &str) -> NoteColour {
        NoteColour::ALL
            .into_iter()
            .find(|c| c.id() == id)
            .unwrap_or_default()
    }

    /// The paper colour as `#rrggbb`.
    pub fn paper(self) -> &'static str {
        match self {
            NoteColour::Yellow => "#fff1a8",
            NoteColour::Pink => "#ffd6e7",
            NoteColour::Green => "#c8f0cf",
            NoteColour::Blue => "#cfe4ff",
            NoteColour::Orange => "#ffd9b3",
            NoteColour::Purple => "#e4d8ff",
        }
    }

    /// The colour after this one, for a quick "next colour" action.
    pub fn next(self) -> NoteColour {
        let i = NoteColour::ALL.iter().position(|c| *c == self).unwrap_or(0);
        NoteColour::ALL[(i + 1) % NoteColour::ALL.len()]
    }
}

/// WCAG 2.1 contrast ratio of two `#rrggbb` colours (1.0 to 21.0); `None` for a bad colour.
pub fn contrast(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(a)?, luminance(b)?);
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

fn luminance(hex: &str) -> Option<f64> {
    let hex = hex.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let channel = |i: usize| -> Option<f64> {
        let v = u8::from_str_radix(hex.get(i..i + 2)?, 16).ok()? as f64 / 255.0;
        Some(if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        })
    };
    Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ink_on_every_paper_meets_wcag_aa() {
        assert!(NoteColour::ALL.len() >= 5);
        for c in NoteColour::ALL {
            let ratio = contrast(INK, c.paper()).unwrap();
            assert!(ratio >= 4.5, "{c:?}: {ratio:.2}:1");
        }
    }

    #[test]
    fn contrast_matches_known_values() {
        assert!((contrast("#000000", "#ffffff").unwrap() - 21.0).abs() < 0.01);
        assert!((contrast("#777777", "#ffffff").unwrap() - 4.48).abs() < 0.01);
        assert_eq!(contrast("#fff", "#000000"), None);
        assert_eq!(contrast("zzzzzz", "#000000"), None);
    }

    #[test]
    fn colours_round_trip_and_unknown_ids_fall_back() {
        for c in NoteColour::ALL {
            assert_eq!(NoteColour::of(c.id()), c);
        }
        assert_eq!(NoteColour::of(""), NoteColour::Yellow);
        assert_eq!(NoteColour::of("ultraviolet"), NoteColour::Yellow);
        assert_eq!(NoteColour::Purple.next(), NoteColour::Yellow);
    }
}
