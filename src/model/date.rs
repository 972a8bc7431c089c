//! A calendar date the project records (批复日期, 公开日期), written `2024-05-31` in the file.

use std::fmt;

use chrono::{Datelike, NaiveDate};

/// A day of the calendar that exists (no 2023-02-29).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(NaiveDate);

impl Date {
    /// The date, if it exists and its year is one a project can be for.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1990..=2100).contains(&year) {
            return None;
        }
        NaiveDate::from_ymd_opt(year, month, day).map(Date)
    }

    /// Reads a date as a clerk types it: `2024-05-31`, `2024/5/31`, `2024.5.31` or
    /// `2024年5月31日`; the message says what is wrong, in Chinese.
    pub fn parse(text: &str) -> Result<Date, String> {
        let t = text.trim();
        let bad = || format!("“{t}”不是日期，请按 2024-05-31 或 2024年5月31日 填写");
        let narrow: String = t.chars().map(crate::money::narrow).collect();
        let numbers: Vec<&str> = narrow
            .split(['-', '/', '.', '年', '月', '日'])
            .filter(|p| !p.is_empty())
            .collect();
        let [y, m, d] = numbers.as_slice() else {
            return Err(bad());
        };
        let (Ok(y), Ok(m), Ok(d)) = (y.parse(), m.parse(), d.parse()) else {
            return Err(bad());
        };
        Date::new(y, m, d).ok_or_else(|| format!("{y}年{m}月{d}日不存在，请核对"))
    }

    /// Reads an optional date: empty is `None`.
    pub fn parse_optional(text: &str) -> Result<Option<Date>, String> {
        if text.trim().is_empty() {
            Ok(None)
        } else {
            Date::parse(text).map(Some)
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// Days from `earlier` to this date (negative when `earlier` is later).
    pub fn days_since(self, earlier: Date) -> i64 {
        (self.0 - earlier.0).num_days()
    }

    /// The date `days` later.
    pub fn plus_days(self, days: u32) -> Date {
        Date(self.0 + chrono::Days::new(u64::from(days)))
    }

    /// As a document writes it: `2024年5月31日`.
    pub fn chinese(self) -> String {
        format!("{}年{}月{}日", self.0.year(), self.0.month(), self.0.day())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_clerks_type_and_refuses_days_that_do_not_exist() {
        let d = Date::new(2024, 5, 31).unwrap();
        for typed in [
            "2024-05-31",
            " 2024/5/31 ",
            "2024.5.31",
            "2024年5月31日",
            // Full-width, as a Chinese input method types them.
            "２０２４年５月３１日",
            "2024／5／31",
            "２０２４－０５－３１",
        ] {
            assert_eq!(Date::parse(typed), Ok(d), "{typed}");
        }
        assert!(Date::parse("2023-02-29").unwrap_err().contains("不存在"));
        assert!(Date::parse("5月31日").unwrap_err().contains("不是日期"));
        assert!(Date::parse("2024-05-31-1").is_err());
        assert!(Date::parse("1900-01-01").is_err());
        assert_eq!(Date::parse_optional("  "), Ok(None));
        assert_eq!(d.to_string(), "2024-05-31");
        assert_eq!(d.chinese(), "2024年5月31日");
    }

    #[test]
    fn counts_days_across_months() {
        let approved = Date::new(2024, 8, 20).unwrap();
        assert_eq!(approved.plus_days(20), Date::new(2024, 9, 9).unwrap());
        assert_eq!(Date::new(2024, 9, 9).unwrap().days_since(approved), 20);
        assert_eq!(approved.days_since(Date::new(2024, 9, 9).unwrap()), -20);
    }

    #[test]
    fn the_file_holds_the_iso_form() {
        let d = Date::new(2024, 1, 2).unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2024-01-02\"");
        assert_eq!(serde_json::from_str::<Date>("\"2024-01-02\"").unwrap(), d);
        assert!(serde_json::from_str::<Date>("\"2024-13-02\"").is_err());
    }
}
