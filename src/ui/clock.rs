//! The clock, read only by the shell (the window and `main`); the core is handed dates.

use std::time::{SystemTime, UNIX_EPOCH};

use chrono::Datelike;

use crate::print::PrintDate;
use crate::storage::SaveTime;

/// Seconds since 1970.
pub fn now_unix() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Today's date by the computer's local time (the print date).
pub fn today() -> PrintDate {
    let date = chrono::Local::now().date_naive();
    PrintDate {
        year: date.year(),
        // A month is 1–12 and a day 1–31: both fit.
        month: u8::try_from(date.month()).unwrap_or(1),
        day: u8::try_from(date.day()).unwrap_or(1),
    }
}

/// Now, for a save: names its dated backup.
pub fn save_time() -> SaveTime {
    SaveTime {
        system: SystemTime::now(),
        local: chrono::Local::now().naive_local(),
    }
}
