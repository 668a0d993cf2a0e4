//! Due dates: `YYYY-MM-DD` as a date input gives them, written out in Danish or English
//! (chrono is built without its formatting feature, and its names are English only), and
//! whether an assignment is overdue on a given local day.

use crate::core::text::Lang;
use chrono::{Datelike, NaiveDate};

/// Reads `YYYY-MM-DD` (what `<input type="date">` gives); anything else is `None`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let mut parts = s.trim().splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let ok = y.len() == 4 && m.len() == 2 && d.len() == 2;
    let all_digits = [y, m, d]
        .iter()
        .all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if !ok || !all_digits {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// `YYYY-MM-DD`.
pub fn iso_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Days since 1970-01-01 (for compact links).
pub fn days_since_epoch(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) - 719_163
}

pub fn from_days_since_epoch(days: i64) -> Option<NaiveDate> {
    let ce = i32::try_from(days.checked_add(719_163)?).ok()?;
    NaiveDate::from_num_days_from_ce_opt(ce)
}

const MONTHS_DA: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "5. december 2026" / "5 December 2026".
pub fn format_date(date: NaiveDate, lang: Lang) -> String {
    let m = date.month0() as usize;
    match lang {
        Lang::Da => format!("{}. {} {}", date.day(), MONTHS_DA[m], date.year()),
        Lang::En => format!("{} {} {}", date.day(), MONTHS_EN[m], date.year()),
    }
}

/// Overdue: the due day has passed and nothing has been handed in. On the due day itself
/// the pupil still has until the end of the day.
pub fn is_overdue(due: NaiveDate, today: NaiveDate, handed_in: bool) -> bool {
    !handed_in && today > due
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(parse_date("2026-12-05"), Some(d(2026, 12, 5)));
        assert_eq!(parse_date(" 2026-01-31 "), Some(d(2026, 1, 31)));
        for bad in [
            "",
            "2026-2-5",
            "2026-02-30",
            "05-12-2026",
            "2026-12-05x",
            "+026-12-05",
            "2026-1a-05",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert_eq!(iso_date(d(2026, 3, 4)), "2026-03-04");
    }

    #[test]
    fn epoch_days_round_trip() {
        assert_eq!(days_since_epoch(d(1970, 1, 1)), 0);
        for date in [d(1970, 1, 1), d(2026, 12, 5), d(2100, 2, 28)] {
            assert_eq!(from_days_since_epoch(days_since_epoch(date)), Some(date));
        }
        assert_eq!(from_days_since_epoch(i64::MAX), None);
    }

    #[test]
    fn dates_read_in_both_languages() {
        assert_eq!(format_date(d(2026, 12, 5), Lang::Da), "5. december 2026");
        assert_eq!(format_date(d(2026, 12, 5), Lang::En), "5 December 2026");
    }

    #[test]
    fn overdue_only_after_the_due_day_and_only_without_a_hand_in() {
        let due = d(2026, 12, 5);
        assert!(!is_overdue(due, d(2026, 12, 5), false));
        assert!(is_overdue(due, d(2026, 12, 6), false));
        assert!(!is_overdue(due, d(2026, 12, 6), true));
    }
}
