//! The clock, read only by the shell (the window and `main`); the core is handed dates.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::print::PrintDate;

/// Seconds since 1970.
pub fn now_unix() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Today's date (UTC, which is at most a day off China's, and only names the print date).
pub fn today() -> PrintDate {
    civil_from_days((now_unix() / 86_400) as i64)
}

/// The calendar date of a day number counted from 1970-01-01 (Howard Hinnant's algorithm).
pub fn civil_from_days(days: i64) -> PrintDate {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    PrintDate {
        year: i32::try_from(year).unwrap_or(2025),
        month: u8::try_from(month).unwrap_or(1),
        day: u8::try_from(day).unwrap_or(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        assert_eq!(
            civil_from_days(0),
            PrintDate {
                year: 1970,
                month: 1,
                day: 1
            }
        );
        // 2026-11-28 is day 20_785.
        assert_eq!(
            civil_from_days(20_785),
            PrintDate {
                year: 2026,
                month: 11,
                day: 28
            }
        );
        assert_eq!(
            civil_from_days(19_782),
            PrintDate {
                year: 2024,
                month: 2,
                day: 29
            }
        );
    }
}
