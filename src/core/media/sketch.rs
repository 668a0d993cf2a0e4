//! The sketch pad as data: strokes in coordinates normalised to the pad (0‥=10 000 on each
//! axis, so a drawing keeps its shape when the screen resizes or rotates), the palette, and
//! the undo history of one pad (drawing, and clearing, which can be undone too).

use serde::{Deserialize, Serialize};

/// The normalised size of the pad on each axis.
pub const SCALE: u16 = 10_000;
/// A stroke stops taking points here (a minute of scribbling without lifting the pen).
pub const MAX_POINTS: usize = 4_000;
/// A drawing stops taking strokes here; the pad says so.
pub const MAX_STROKES: usize = 1_500;
/// Steps the undo history remembers.
pub const MAX_HISTORY: usize = 200;
/// The width:height of the pad; strokes are normalised to it.
pub const ASPECT: f64 = 4.0 / 3.0;

/// The pen's colours: name as saved, hex, and the UI string key suffix. All dark or strong
/// enough to read on white at 3:1 (graphics contrast, WCAG 1.4.11).
pub const PALETTE: [(&str, &str); 8] = [
    ("black", "#1a1a1a"),
    ("red", "#c62828"),
    ("blue", "#1565c0"),
    ("green", "#2e7d32"),
    ("orange", "#d84315"),
    ("purple", "#6a1b9a"),
    ("brown", "#6d4c41"),
    ("pink", "#ad1457"),
];

/// One line drawn without lifting the pen, or erased.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Stroke {
    /// `pen` or `eraser` (anything else draws as a pen).
    #[serde(default)]
    pub tool: String,
    /// A palette name (anything else draws black).
    #[serde(default)]
    pub colour: String,
    /// `thin` or `thick`.
    #[serde(default)]
    pub width: String,
    /// x0, y0, x1, y1, … each 0‥=10 000.
    #[serde(default)]
    pub points: Vec<u16>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    Pen,
    Eraser,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    Thin,
    Thick,
}

impl Tool {
    pub fn name(self) -> &'static str {
        match self {
            Tool::Pen => "pen",
            Tool::Eraser => "eraser",
        }
    }
}

impl Width {
    pub fn name(self) -> &'static str {
        match self {
            Width::Thin => "thin",
            Width::Thick => "thick",
        }
    }
}

impl Stroke {
    pub fn new(tool: Tool, colour: &str, width: Width) -> Stroke {
        Stroke {
            tool: tool.name().into(),
            colour: colour.into(),
            width: width.name().into(),
            points: Vec::new(),
        }
    }

    pub fn tool(&self) -> Tool {
        if self.tool == "eraser" {
            Tool::Eraser
        } else {
            Tool::Pen
        }
    }

    pub fn width(&self) -> Width {
        if self.width == "thick" {
            Width::Thick
        } else {
            Width::Thin
        }
    }

    /// The colour to draw with: the palette's hex for a known name, else black.
    pub fn hex(&self) -> &'static str {
        hex(&self.colour)
    }

    /// The line width in pixels on a pad `pad_width` pixels wide.
    pub fn line_width(&self, pad_width: f64) -> f64 {
        let share = match (self.tool(), self.width()) {
            (Tool::Pen, Width::Thin) => 0.006,
            (Tool::Pen, Width::Thick) => 0.018,
            (Tool::Eraser, Width::Thin) => 0.03,
            (Tool::Eraser, Width::Thick) => 0.07,
        };
        (pad_width * share).max(1.0)
    }

    /// Adds a point given in pixels on a pad of `w` × `h` pixels; points outside are held
    /// at the edge, points too close to the last one are skipped. False when full.
    pub fn push(&mut self, x: f64, y: f64, w: f64, h: f64) -> bool {
        if self.points.len() / 2 >= MAX_POINTS {
            return false;
        }
        let p = (normalise(x, w), normalise(y, h));
        if let Some((lx, ly)) = self.last() {
            let (dx, dy) = (p.0.abs_diff(lx) as u32, p.1.abs_diff(ly) as u32);
            if dx * dx + dy * dy < 15 * 15 {
                return true;
            }
        }
        self.points.extend([p.0, p.1]);
        true
    }

    fn last(&self) -> Option<(u16, u16)> {
        match self.points.len() {
            n if n >= 2 => Some((self.points[n - 2], self.points[n - 1])),
            _ => None,
        }
    }

    /// The points in pixels on a pad of `w` × `h`, whatever the saved data holds (an odd
    /// last number is dropped, values past the edge are held at it).
    pub fn pixels(&self, w: f64, h: f64) -> impl Iterator<Item = (f64, f64)> + '_ {
        self.points
            .chunks_exact(2)
            .take(MAX_POINTS)
            .map(move |p| (to_pixels(p[0], w), to_pixels(p[1], h)))
    }

    pub fn is_empty(&self) -> bool {
        self.points.len() < 2
    }
}

/// The hex of a palette colour name, black for anything else.
pub fn hex(name: &str) -> &'static str {
    PALETTE
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, h)| *h)
        .unwrap_or(PALETTE[0].1)
}

fn normalise(v: f64, size: f64) -> u16 {
    if size.is_nan() || size <= 0.0 || !v.is_finite() {
        return 0;
    }
    ((v / size).clamp(0.0, 1.0) * SCALE as f64).round() as u16
}

fn to_pixels(v: u16, size: f64) -> f64 {
    v.min(SCALE) as f64 / SCALE as f64 * size
}

/// A drawing as the app keeps it: lenient about saved data (strokes with no points are
/// dropped, at most [`MAX_STROKES`] kept).
pub fn restore(strokes: &[Stroke]) -> Vec<Stroke> {
    strokes
        .iter()
        .filter(|s| !s.is_empty())
        .take(MAX_STROKES)
        .cloned()
        .collect()
}

/// One change the undo history can take back.
#[derive(Debug, Clone, PartialEq)]
enum Edit {
    Add(Stroke),
    Clear(Vec<Stroke>),
}

/// One pad's drawing and its undo history (in memory, for as long as the pad is shown).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pad {
    strokes: Vec<Stroke>,
    done: Vec<Edit>,
    undone: Vec<Edit>,
}

impl Pad {
    pub fn new(strokes: &[Stroke]) -> Pad {
        Pad {
            strokes: restore(strokes),
            ..Pad::default()
        }
    }

    pub fn strokes(&self) -> &[Stroke] {
        &self.strokes
    }

    pub fn is_full(&self) -> bool {
        self.strokes.len() >= MAX_STROKES
    }

    /// Adds a finished stroke. False (and nothing changes) for an empty stroke or a full pad.
    pub fn add(&mut self, stroke: Stroke) -> bool {
        if stroke.is_empty() || self.is_full() {
            return false;
        }
        self.strokes.push(stroke.clone());
        self.record(Edit::Add(stroke));
        true
    }

    /// Clears the pad; an undo brings the drawing back. False when already empty.
    pub fn clear(&mut self) -> bool {
        if self.strokes.is_empty() {
            return false;
        }
        let all = std::mem::take(&mut self.strokes);
        self.record(Edit::Clear(all));
        true
    }

    fn record(&mut self, edit: Edit) {
        self.done.push(edit);
        if self.done.len() > MAX_HISTORY {
            self.done.remove(0);
        }
        self.undone.clear();
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    pub fn undo(&mut self) -> bool {
        let Some(edit) = self.done.pop() else {
            return false;
        };
        match &edit {
            Edit::Add(_) => {
                self.strokes.pop();
            }
            Edit::Clear(all) => self.strokes = all.clone(),
        }
        self.undone.push(edit);
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(edit) = self.undone.pop() else {
            return false;
        };
        match &edit {
            Edit::Add(s) => self.strokes.push(s.clone()),
            Edit::Clear(_) => self.strokes.clear(),
        }
        self.done.push(edit);
        true
    }

    /// Takes a drawing saved elsewhere (another tab): the history starts again, since its
    /// steps no longer describe this drawing. Nothing happens when it is the same drawing.
    pub fn replace(&mut self, strokes: &[Stroke]) {
        let strokes = restore(strokes);
        if strokes != self.strokes {
            *self = Pad {
                strokes,
                ..Pad::default()
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn line(n: u16) -> Stroke {
        Stroke {
            tool: "pen".into(),
            colour: "red".into(),
            width: "thin".into(),
            points: vec![n, n, n + 100, n + 100],
        }
    }

    #[test]
    fn points_are_normalised_and_come_back_at_any_size() {
        let mut s = Stroke::new(Tool::Pen, "blue", Width::Thick);
        s.push(0.0, 0.0, 400.0, 300.0);
        s.push(200.0, 150.0, 400.0, 300.0);
        s.push(900.0, -5.0, 400.0, 300.0);
        assert_eq!(s.points, [0, 0, 5000, 5000, 10000, 0]);
        let at_double: Vec<_> = s.pixels(800.0, 600.0).collect();
        assert_eq!(at_double, [(0.0, 0.0), (400.0, 300.0), (800.0, 0.0)]);
    }

    #[test]
    fn points_too_close_together_are_skipped() {
        let mut s = Stroke::new(Tool::Pen, "black", Width::Thin);
        s.push(100.0, 100.0, 1000.0, 1000.0);
        s.push(100.5, 100.5, 1000.0, 1000.0);
        assert_eq!(s.points.len(), 2);
    }

    #[test]
    fn unknown_names_draw_as_a_thin_black_pen() {
        let s = Stroke {
            tool: "laser".into(),
            colour: "<script>".into(),
            width: "huge".into(),
            points: vec![1, 2, 3],
        };
        assert_eq!(
            (s.tool(), s.width(), s.hex()),
            (Tool::Pen, Width::Thin, "#1a1a1a")
        );
        assert_eq!(s.pixels(10.0, 10.0).count(), 1);
    }

    #[test]
    fn clear_can_be_undone_and_redone() {
        let mut pad = Pad::new(&[line(1), line(2)]);
        assert!(pad.clear());
        assert!(pad.strokes().is_empty());
        assert!(pad.undo());
        assert_eq!(pad.strokes(), [line(1), line(2)]);
        assert!(pad.redo());
        assert!(pad.strokes().is_empty());
        assert!(!pad.clear());
    }

    #[test]
    fn a_new_stroke_forgets_what_was_undone() {
        let mut pad = Pad::default();
        pad.add(line(1));
        pad.add(line(2));
        pad.undo();
        pad.add(line(3));
        assert!(!pad.can_redo());
        assert_eq!(pad.strokes(), [line(1), line(3)]);
    }

    #[test]
    fn empty_strokes_and_a_full_pad_change_nothing() {
        let mut pad = Pad::default();
        assert!(!pad.add(Stroke::new(Tool::Pen, "red", Width::Thin)));
        let full: Vec<Stroke> = (0..MAX_STROKES as u16 + 10).map(line).collect();
        let mut pad2 = Pad::new(&full);
        assert_eq!(pad2.strokes().len(), MAX_STROKES);
        assert!(!pad2.add(line(7)));
        assert!(!pad.can_undo());
    }

    #[test]
    fn replace_keeps_the_history_for_the_same_drawing() {
        let mut pad = Pad::default();
        pad.add(line(1));
        pad.replace(&[line(1)]);
        assert!(pad.can_undo());
        pad.replace(&[line(2)]);
        assert!(!pad.can_undo());
        assert_eq!(pad.strokes(), [line(2)]);
    }

    #[derive(Debug, Clone)]
    enum Op {
        Add(u16),
        Clear,
        Undo,
        Redo,
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            4 => (0u16..9000).prop_map(Op::Add),
            1 => Just(Op::Clear),
            2 => Just(Op::Undo),
            2 => Just(Op::Redo),
        ]
    }

    fn stroke() -> impl Strategy<Value = Stroke> {
        (
            prop::sample::select(vec!["pen", "eraser", "", "x"]),
            prop::sample::select(vec!["black", "red", "blue", "??"]),
            prop::sample::select(vec!["thin", "thick", "wide"]),
            prop::collection::vec(any::<u16>(), 0..40),
        )
            .prop_map(|(t, c, w, points)| Stroke {
                tool: t.into(),
                colour: c.into(),
                width: w.into(),
                points,
            })
    }

    proptest! {
        /// Undoing every step returns the drawing the pad started with; redoing them all
        /// then returns the latest drawing (every step, none undone).
        #[test]
        fn undo_all_returns_to_the_start(start in prop::collection::vec(stroke(), 0..5), ops in prop::collection::vec(op(), 0..40)) {
            let mut pad = Pad::new(&start);
            let first = pad.strokes().to_vec();
            for op in &ops {
                match op {
                    Op::Add(n) => { pad.add(line(*n)); }
                    Op::Clear => { pad.clear(); }
                    Op::Undo => { pad.undo(); }
                    Op::Redo => { pad.redo(); }
                }
            }
            // The drawing with every undone step redone again.
            let mut tip = pad.clone();
            while tip.redo() {}
            let last = tip.strokes().to_vec();
            while pad.undo() {}
            prop_assert_eq!(pad.strokes(), &first[..]);
            while pad.redo() {}
            prop_assert_eq!(pad.strokes(), &last[..]);
        }

        /// A drawing survives saving as JSON and reading back, and any saved strokes —
        /// whatever their names and numbers — draw without panicking.
        #[test]
        fn strokes_round_trip_and_hostile_ones_draw(strokes in prop::collection::vec(stroke(), 0..20), w in -10.0f64..5000.0, h in -10.0f64..5000.0) {
            let json = serde_json::to_string(&strokes).unwrap();
            let back: Vec<Stroke> = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(&back, &strokes);
            for s in restore(&back) {
                let _ = (s.hex(), s.line_width(w));
                for (x, y) in s.pixels(w, h) {
                    prop_assert!(x.is_finite() && y.is_finite());
                }
            }
        }

        #[test]
        fn pushed_points_stay_on_the_pad(pts in prop::collection::vec((any::<f64>(), any::<f64>()), 0..50), w in any::<f64>(), h in any::<f64>()) {
            let mut s = Stroke::new(Tool::Pen, "red", Width::Thin);
            for (x, y) in pts {
                s.push(x, y, w, h);
            }
            prop_assert!(s.points.iter().all(|&p| p <= SCALE));
            prop_assert!(s.points.len().is_multiple_of(2));
        }
    }
}
