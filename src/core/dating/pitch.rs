//! The pitch timer's cues: what a room reads from the back, in colour and in words, as the
//! seconds run out. No sound: the end is shown, not heard.

/// The stage a pitch is at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// Not started.
    Ready,
    /// Time is running.
    Go,
    /// The last stretch: wrap up.
    Soon,
    /// Time is up.
    Over,
}

impl Cue {
    /// The class the stage wears (its colours are in the stylesheet).
    pub fn class(self) -> &'static str {
        match self {
            Cue::Ready => "cue-ready",
            Cue::Go => "cue-go",
            Cue::Soon => "cue-soon",
            Cue::Over => "cue-over",
        }
    }
}

/// When the last stretch starts: a quarter of the pitch, at least 10 and at most 30 seconds.
pub fn soon_at(total: u32) -> u32 {
    (total / 4).clamp(10, 30).min(total)
}

/// The cue for `left` seconds of `total`, `running` or not.
pub fn cue(left: u32, total: u32, running: bool) -> Cue {
    if left == 0 {
        Cue::Over
    } else if !running && left == total {
        Cue::Ready
    } else if left <= soon_at(total) {
        Cue::Soon
    } else {
        Cue::Go
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_follow_the_clock() {
        assert_eq!(cue(60, 60, false), Cue::Ready);
        assert_eq!(cue(60, 60, true), Cue::Go);
        assert_eq!(cue(16, 60, true), Cue::Go);
        assert_eq!(cue(15, 60, true), Cue::Soon);
        assert_eq!(cue(1, 60, false), Cue::Soon);
        assert_eq!(cue(0, 60, false), Cue::Over);
        assert_eq!(soon_at(600), 30);
        assert_eq!(soon_at(10), 10);
    }
}
