//! Reading and changing one field by its path, with the same parsers the window's fields use:
//! what `juesuan get`, `juesuan set` and batch corrections go through.

use std::fmt;

use rust_decimal::Decimal;
use serde_json::Value;

use super::{FieldInfo, FieldKind, FieldPath, Project, limits};
use crate::money::{AmountError, EntryUnit, Wan, parse_entry};

/// Parses an amount as a clerk types it in a field shown in `unit`. An empty text is "not
/// entered" where the field allows it; a negative amount only where it may be (balances).
pub fn parse_amount(
    text: &str,
    unit: EntryUnit,
    optional: bool,
    signed: bool,
) -> Result<Option<Wan>, String> {
    let text = text.trim();
    if text.is_empty() {
        return if optional {
            Ok(None)
        } else {
            Err("请输入金额；没有发生额请填 0".to_owned())
        };
    }
    match parse_entry(text, unit) {
        Ok(v) if v.is_negative() && !signed => {
            Err(AmountError::Negative(text.to_owned()).to_string())
        }
        Ok(v) => Ok(Some(v)),
        Err(e) => Err(e.to_string()),
    }
}

/// The words a count may be followed by, as documents write counts (`3次`, `12人次`, `2辆`,
/// `1,200人次`): one of them is dropped, none is needed. Longer first, so 人次 is not read as 人.
const COUNT_WORDS: [&str; 15] = [
    "人次", "批次", "次", "人", "名", "辆", "台", "套", "个", "批", "项", "团", "组", "家", "处",
];

/// Parses a count: full-width digits, thousands separators that group three digits and a
/// trailing count word are allowed; anything above `limit` is refused.
pub fn parse_count(text: &str, limit: u64) -> Result<u32, String> {
    let shown = text.trim();
    let normalized: String = shown.chars().map(crate::money::narrow).collect();
    let number = COUNT_WORDS
        .iter()
        .find_map(|word| normalized.strip_suffix(word))
        .unwrap_or(&normalized)
        .trim_end();
    let digits = crate::money::ungroup(number)
        .filter(|d| !d.is_empty())
        .ok_or_else(|| format!("“{shown}”不是有效的数量，请输入不小于 0 的整数"))?;
    let too_many = || format!("数量“{shown}”过大，这一项最多 {limit}");
    let n: u64 = digits.parse().map_err(|_| too_many())?;
    if n > limit {
        return Err(too_many());
    }
    u32::try_from(n).map_err(|_| too_many())
}

/// Parses a count that may be left empty: empty is `None` (not entered).
pub fn parse_optional_count(text: &str, limit: u64) -> Result<Option<u32>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_count(text, limit).map(Some)
}

/// Parses the accounting year.
pub fn parse_year(text: &str) -> Result<i32, String> {
    let years = limits::YEARS;
    parse_count(text, u64::MAX)
        .ok()
        .and_then(|n| i32::try_from(n).ok())
        .filter(|y| years.contains(&i64::from(*y)))
        .ok_or_else(|| {
            format!(
                "“{}”不是有效的年度，应在 {} 到 {} 之间",
                text.trim(),
                years.start(),
                years.end()
            )
        })
}

/// Parses a decimal number (weights, scores, rates): at most four decimals, below a million.
pub fn parse_decimal(text: &str, optional: bool) -> Result<Option<Decimal>, String> {
    let text = text.trim();
    if text.is_empty() && optional {
        return Ok(None);
    }
    Decimal::from_str_exact(text)
        .ok()
        .filter(|d| d.scale() <= 4 && d.abs() < Decimal::from(1_000_000))
        .map(Some)
        .ok_or_else(|| format!("“{text}”不是有效的数字（最多四位小数，如 10 或 9.5）"))
}

/// Parses a text for the field at `path`, refusing one longer than the field's limit.
pub fn parse_text(text: &str, path: &FieldPath) -> Result<String, String> {
    let limit = limits::text_limit(path);
    let chars = text.chars().count();
    if chars > limit {
        return Err(format!("文字过长（{chars} 字），这一栏最多 {limit} 字"));
    }
    Ok(text.to_owned())
}

/// Parses lines of text (one item a line, blank lines dropped) for the list at `path`.
pub fn parse_lines(text: &str, path: &FieldPath) -> Result<Vec<String>, String> {
    let limit = limits::text_limit(path);
    let lines: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    if let Some((i, long)) = lines
        .iter()
        .enumerate()
        .find(|(_, l)| l.chars().count() > limit)
    {
        return Err(format!(
            "第 {} 行有 {} 字，每行最多 {limit} 字",
            i + 1,
            long.chars().count()
        ));
    }
    if lines.len() > limits::LIST_ROWS {
        return Err(format!("最多 {} 行", limits::LIST_ROWS));
    }
    Ok(lines)
}

/// Why a field could not be read or changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// No field of the project has this path; the nearest paths that do.
    UnknownPath {
        /// The path as given.
        path: String,
        /// The nearest valid paths, nearest first.
        nearest: Vec<String>,
    },
    /// The path names a part of the project, not one value.
    NotAValue(String),
    /// The text is not a valid value for the field; the message says why.
    BadValue {
        /// The field's label.
        label: String,
        /// Why, in Chinese (the window's message for the same text).
        message: String,
    },
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::UnknownPath { path, nearest } => {
                write!(f, "项目中没有字段“{path}”")?;
                if !nearest.is_empty() {
                    write!(f, "。最接近的有：{}", nearest.join("、"))?;
                }
                f.write_str("。用 juesuan paths 文件 可列出全部字段")
            }
            EditError::NotAValue(path) => write!(
                f,
                "“{path}”是项目的一部分，不是单个数值，不能直接修改；请指定其中的字段"
            ),
            EditError::BadValue { label, message } => write!(f, "{label}：{message}"),
        }
    }
}

impl std::error::Error for EditError {}

/// Why a carried-over opening balance cannot be edited.
pub const LOCKED_OPENING: &str = "年初结转和结余已从上年决算结转并锁定（年初数提取），应与上年年末结转和结余一致；\
     确需修改时，先在“年初数解锁原因”中写明原因，至少 4 个字（balances.carried.unlock_reason）";

impl Project {
    /// The field at `path` among every editable field, or why there is none.
    fn field_at(&self, path: &str) -> Result<(FieldInfo<'_>, FieldPath), EditError> {
        let fields = self.fields();
        let parsed = FieldPath::parse(path).ok();
        if let Some(parsed) = &parsed
            && let Some(info) = fields.iter().find(|f| &f.path == parsed)
        {
            return Ok((info.clone(), parsed.clone()));
        }
        if let Some(parsed) = &parsed
            && fields.iter().any(|f| f.path.is_within(parsed))
        {
            return Err(EditError::NotAValue(path.to_owned()));
        }
        Err(EditError::UnknownPath {
            path: path.to_owned(),
            nearest: nearest_paths(path, &fields),
        })
    }

    /// The value at `path` as the file holds it (a part of the project as its JSON).
    pub fn get(&self, path: &str) -> Result<Value, EditError> {
        let value = serde_json::to_value(self).unwrap_or_default();
        let unknown = || EditError::UnknownPath {
            path: path.to_owned(),
            nearest: nearest_paths(path, &self.fields()),
        };
        let parsed = FieldPath::parse(path).map_err(|_| unknown())?;
        if let Some(v) = parsed.locate(&value) {
            return Ok(v.clone());
        }
        // A field the file leaves out when it is zero or empty is still a field.
        self.fields()
            .into_iter()
            .find(|f| f.path == parsed)
            .map(|f| json_of(&f.value))
            .ok_or_else(unknown)
    }

    /// Sets the field at `path` from `text` as the window's field would parse it (amounts in
    /// the project's entry unit). On any error the project is unchanged.
    pub fn set(&mut self, path: &str, text: &str) -> Result<(), EditError> {
        let (info, parsed) = self.field_at(path)?;
        let bad = |message: String| EditError::BadValue {
            label: info.label.clone(),
            message,
        };
        if self.balances.opening_locked()
            && super::Fund::ALL
                .iter()
                .any(|f| info.path == FieldPath::balance(*f, super::BalanceSide::Opening))
        {
            return Err(bad(LOCKED_OPENING.to_owned()));
        }
        let unit = self.settings.entry_unit;
        let new: Value = match info.kind {
            FieldKind::Amount { optional, signed } => {
                match parse_amount(text, unit, optional, signed).map_err(bad)? {
                    Some(a) => Value::String(a.wan().to_string()),
                    None => Value::Null,
                }
            }
            FieldKind::Count => {
                let limit = limits::count_limit(&parsed);
                match parse_optional_count(text, limit).map_err(bad)? {
                    Some(n) => Value::from(n),
                    None => Value::Null,
                }
            }
            FieldKind::Year => Value::from(parse_year(text).map_err(bad)?),
            FieldKind::Date => match super::Date::parse_optional(text).map_err(bad)? {
                Some(d) => Value::String(d.to_string()),
                None => Value::Null,
            },
            FieldKind::Text => Value::String(parse_text(text, &parsed).map_err(bad)?),
            FieldKind::OptionalText => {
                let t = parse_text(text, &parsed).map_err(bad)?;
                if t.trim().is_empty() {
                    Value::Null
                } else {
                    Value::String(t)
                }
            }
            FieldKind::Lines => Value::from(parse_lines(text, &parsed).map_err(bad)?),
            FieldKind::Decimal { optional } => match parse_decimal(text, optional).map_err(bad)? {
                Some(d) => Value::String(d.to_string()),
                None => Value::Null,
            },
            FieldKind::Choice(allowed) => {
                let t = text.trim();
                if !allowed.contains(&t) {
                    return Err(bad(format!(
                        "“{t}”不是可选的值，应为：{}",
                        allowed.join("、")
                    )));
                }
                Value::String(t.to_owned())
            }
        };
        let mut value = serde_json::to_value(&*self).unwrap_or_default();
        if !set_at(&parsed, &mut value, new) {
            return Err(bad("项目文件中没有这个位置".to_owned()));
        }
        let changed: Project = serde_json::from_value(value).map_err(|e| bad(e.to_string()))?;
        changed
            .validate()
            .map_err(|(_, message)| EditError::BadValue {
                label: info.label.clone(),
                message,
            })?;
        *self = changed;
        Ok(())
    }

    /// The first value a project cannot have: a negative amount outside balances, or a text,
    /// count, list or year beyond its bound ([`limits`]); its path and what is wrong.
    pub fn validate(&self) -> Result<(), (FieldPath, String)> {
        if let Some(bad) = self
            .amounts()
            .into_iter()
            .find(|a| !a.may_be_negative && a.value.is_negative())
        {
            return Err((bad.path, format!("金额 {} 不能为负数", bad.value.wan())));
        }
        if let Some(catalog) = &self.catalog {
            catalog.validate().map_err(|m| (FieldPath::catalog(), m))?;
        }
        let value = serde_json::to_value(self).unwrap_or_default();
        match limits::check(&value) {
            Some(exceeded) => Err((exceeded.field, exceeded.message)),
            None => Ok(()),
        }
    }
}

/// A field's value as the file would write it.
fn json_of(value: &super::FieldValue<'_>) -> Value {
    use super::FieldValue as V;
    match value {
        V::Amount(Some(a)) => Value::String(a.wan().to_string()),
        V::Amount(None) | V::Decimal(None) => Value::Null,
        V::Count(Some(n)) => Value::from(*n),
        V::Count(None) => Value::Null,
        V::Year(y) => Value::from(*y),
        V::Date(Some(d)) => Value::String(d.to_string()),
        V::Date(None) => Value::Null,
        V::Text(t) => Value::String((*t).to_owned()),
        V::Lines(lines) => Value::from(lines.to_vec()),
        V::Decimal(Some(d)) => Value::String(d.to_string()),
        V::Choice(c) => Value::String(c.clone()),
    }
}

/// Puts `new` at `path` in `project`, creating the key of an optional field the file omits, and
/// the parts above it that it omits as a whole (`meetings_training` while nothing in it is
/// entered). False when there is no place for it (an index past the end of a list).
fn set_at(path: &FieldPath, project: &mut Value, new: Value) -> bool {
    if let Some(slot) = path.locate_mut(project) {
        *slot = new;
        return true;
    }
    let Some(parent) = path.parent() else {
        // The part itself.
        let Value::Object(map) = project else {
            return false;
        };
        map.insert(path.root().key().to_owned(), new);
        return true;
    };
    let Some(super::Step::Key(last)) = path.steps().last() else {
        return false;
    };
    if parent.locate_mut(project).is_none()
        && !set_at(&parent, project, Value::Object(serde_json::Map::new()))
    {
        return false;
    }
    let Some(Value::Object(map)) = parent.locate_mut(project) else {
        return false;
    };
    map.insert(last.to_string(), new);
    true
}

/// The paths of `fields` nearest to `path` by edit distance, at most five.
fn nearest_paths(path: &str, fields: &[FieldInfo<'_>]) -> Vec<String> {
    let mut scored: Vec<(usize, String)> = fields
        .iter()
        .map(|f| {
            let candidate = f.path.to_string();
            (strsim::levenshtein(path, &candidate), candidate)
        })
        .collect();
    scored.sort();
    scored.dedup();
    let best = scored.first().map_or(0, |(d, _)| *d);
    scored
        .into_iter()
        .take_while(|(d, _)| *d <= best + 3)
        .take(5)
        .map(|(_, p)| p)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::example;

    #[test]
    fn a_count_is_read_as_documents_write_it_and_anything_else_is_refused() {
        for (typed, n) in [
            ("3", 3),
            (" 3次 ", 3),
            ("12人次", 12),
            ("２辆", 2),
            ("1,200人次", 1200),
            ("1，200", 1200),
            ("5 批次", 5),
            ("0", 0),
        ] {
            assert_eq!(parse_count(typed, 100_000), Ok(n), "{typed}");
        }
        for bad in [
            "", "次", "-1", "1.5", "3次次", "1,20", "三次", "3万元", "3 4",
        ] {
            let message = parse_count(bad, 100_000).unwrap_err();
            assert!(message.contains("不是有效的数量"), "{bad}: {message}");
        }
        assert!(parse_count("1,000次", 999).unwrap_err().contains("过大"));
        // The window and `juesuan set` read counts alike.
        let mut p = example().unwrap();
        p.set("meetings_training.meetings.count", "4次").unwrap();
        assert_eq!(p.meetings_training.meetings.count, Some(4));
    }

    #[test]
    fn set_parses_as_the_window_does_and_refuses_what_it_refuses() {
        let mut p = example().unwrap();
        p.set("revenue.other", "1,234.5万元").unwrap();
        assert_eq!(p.revenue.other, Some("1234.5".parse().unwrap()));
        let before = p.clone();
        for (path, bad) in [
            ("revenue.other", "226.23x"),
            ("revenue.other", "1,23"),
            ("revenue.other", "-1"),
            ("three_public.vehicles.held.sedan", "4294967293"),
            ("unit.year", "1850"),
            ("unit.kind", "私营企业"),
        ] {
            let e = p.set(path, bad).unwrap_err();
            assert!(matches!(e, EditError::BadValue { .. }), "{path}={bad}: {e}");
            assert_eq!(p, before, "{path}={bad} changed the project");
        }
        p.set("prior_year.total_revenue", "").unwrap();
        assert_eq!(
            p.prior_year.get(super::super::PriorFigure::TotalRevenue),
            None
        );
        p.set("balances.general_budget.closing", "-3").unwrap();
        assert!(
            p.balances
                .general_budget
                .closing
                .unwrap_or_default()
                .is_negative()
        );
    }

    #[test]
    fn a_field_of_a_part_the_file_leaves_out_is_set_and_read_back() {
        let mut p = example().unwrap();
        assert!(p.meetings_training.is_empty());
        let text = serde_json::to_value(&p).unwrap();
        assert!(
            text.get("meetings_training").is_none(),
            "left out while empty"
        );
        p.set("meetings_training.training.actual", "0.5").unwrap();
        p.set("meetings_training.meetings.count", "6").unwrap();
        assert_eq!(
            p.meetings_training.training.actual,
            Some("0.5".parse().unwrap())
        );
        assert_eq!(p.meetings_training.meetings.count, Some(6));
        assert_eq!(
            p.get("meetings_training.training.actual").unwrap(),
            Value::String("0.5".into())
        );
    }

    #[test]
    fn unknown_paths_name_the_nearest_ones() {
        let mut p = example().unwrap();
        let e = p.set("revenue.othr", "1").unwrap_err();
        match &e {
            EditError::UnknownPath { nearest, .. } => {
                assert_eq!(nearest[0], "revenue.other", "{nearest:?}");
            }
            other => panic!("{other:?}"),
        }
        assert!(e.to_string().contains("revenue.other"), "{e}");
        assert!(matches!(
            p.set("revenue", "1"),
            Err(EditError::NotAValue(_))
        ));
        assert_eq!(p.get("revenue.general_budget").unwrap(), "226.23");
        assert!(p.get("revenue.nothing").is_err());
    }
}
