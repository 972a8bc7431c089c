//! The documented bounds of what a project can hold: text lengths, counts, list lengths, the
//! year. Files beyond them are refused on load with a message naming the field; the UI stops
//! typing at the same bounds. They are far above any unit's real figures and low enough that no
//! input makes a command slow or a sum overflow.
//!
//! | what | bound |
//! |---|---|
//! | a name, code, label or short entry (单位名称, 科目名称, 指标名称, 度量单位 …) | 200 characters |
//! | a paragraph, reason or summary (职责, 原因, 综述, 评价结论 …) | 5,000 characters |
//! | a template imported into the project | 200,000 characters |
//! | a 科目表 imported into the project | 10,000 codes |
//! | all texts of a project together | 600,000 characters (twice a 50× example project) |
//! | a list (支出科目, 项目, 指标, 职责段落 …) | 2,000 rows |
//! | all rows of all lists together | 10,000 (five times a 50× example project) |
//! | the project file | 16 MiB (the 50× example project is 0.9 MiB) |
//! | a count of vehicles (公务用车, 车辆) | 10,000 |
//! | a count of posts or staff (编制数, 实有人数) | 100,000 |
//! | any other count (团组, 人次, 批次, 项目数, 设备) | 1,000,000 |
//! | the year | 1990 to 2100 |

use serde_json::Value;

use super::{FieldPath, Step};

/// The longest name, code, label or short entry, in characters.
pub const SHORT_TEXT: usize = 200;

/// The longest paragraph, reason or summary, in characters.
pub const LONG_TEXT: usize = 5_000;

/// The longest template file imported into a project, in characters (the built-in ones have
/// about 20,000).
pub const TEMPLATE_TEXT: usize = 200_000;

/// The most codes a 科目表 imported into a project may have (the national 支出功能分类 has
/// about 2,000).
pub const CATALOG_CODES: usize = 10_000;

/// The most characters all texts of a project may have together.
pub const ALL_TEXT: usize = 600_000;

/// The most rows a list may have.
pub const LIST_ROWS: usize = 2_000;

/// The most rows all lists of a project may have together (nested lists multiply otherwise).
pub const ALL_ROWS: usize = 10_000;

/// The largest project file that is read, in bytes; a bigger file is refused before parsing.
pub const FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The most vehicles a count of vehicles may say.
pub const VEHICLES: u64 = 10_000;

/// The most posts or staff of one body.
pub const STAFF: u64 = 100_000;

/// The most any other count may say.
pub const COUNT: u64 = 1_000_000;

/// The years a project can be for.
pub const YEARS: std::ops::RangeInclusive<i64> = 1990..=2100;

/// Field names whose text is a paragraph (the rest are short entries). A list of strings under
/// one of these names holds paragraphs.
const LONG_FIELDS: &[&str] = &[
    "duties",
    "change_reason",
    "general_budget_change_reason",
    "appropriation_change_reason",
    "deviation_reason",
    "purpose",
    "content",
    "summary",
    "paragraphs",
    "conclusion",
    "problems",
    "improvements",
    "measures",
    "annual_goal",
    "goal_completion",
    "implementation",
    "execution_reason",
    "shortfall_reason",
    "definition",
    "item_names",
];

/// Field names of vehicle counts.
const VEHICLE_FIELDS: &[&str] = &[
    "sedan",
    "suv",
    "passenger",
    "count",
    "leadership",
    "confidential",
    "emergency",
    "law_enforcement",
    "special_technical",
];

/// The field names of a path, without its indices (`unit.duties[3]` → `duties`).
fn names(path: &FieldPath) -> impl Iterator<Item = &str> {
    path.steps().iter().filter_map(|s| match s {
        Step::Key(k) => Some(k.as_ref()),
        Step::Index(_) => None,
    })
}

/// The last field name of a path, or its part's name.
fn leaf(path: &FieldPath) -> &str {
    names(path).last().unwrap_or(path.root().key())
}

/// The longest text the field at `path` may hold, in characters.
pub fn text_limit(path: &FieldPath) -> usize {
    use super::Root;
    if path.root() == Root::CustomTemplate {
        TEMPLATE_TEXT
    } else if LONG_FIELDS.contains(&leaf(path))
        || (path.root() == Root::Wording && leaf(path) == "text")
        || path.root() == Root::Explanations
    {
        LONG_TEXT
    } else {
        SHORT_TEXT
    }
}

/// The largest count the field at `path` may hold.
pub fn count_limit(path: &FieldPath) -> u64 {
    let name = leaf(path);
    let in_vehicles = names(path).any(|n| n == "vehicles" || n == "held" || n == "purchases");
    let asset_vehicles =
        path.root() == super::Root::Assets && names(path).next() == Some("vehicles");
    if (in_vehicles && VEHICLE_FIELDS.contains(&name)) || asset_vehicles {
        VEHICLES
    } else if ["posts", "staff", "retired", "veteran_retired"].contains(&name) {
        STAFF
    } else {
        COUNT
    }
}

/// A value beyond its bound: where, and what to tell the clerk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exceeded {
    /// The field, as a path inside the project.
    pub field: FieldPath,
    /// What is wrong, in Chinese.
    pub message: String,
}

/// The first value of `project` (the project as JSON) beyond its bound, if any.
pub fn check(project: &Value) -> Option<Exceeded> {
    let mut walker = Walker {
        all_text: 0,
        all_rows: 0,
    };
    let Value::Object(parts) = project else {
        return None;
    };
    parts.iter().find_map(|(name, value)| {
        let path = FieldPath::parse(name).ok()?;
        walker.value(value, &path)
    })
}

struct Walker {
    all_text: usize,
    all_rows: usize,
}

impl Walker {
    fn value(&mut self, value: &Value, path: &FieldPath) -> Option<Exceeded> {
        let exceeded = |message: String| {
            Some(Exceeded {
                field: path.clone(),
                message,
            })
        };
        match value {
            Value::String(text) => {
                let chars = text.chars().count();
                self.all_text += chars;
                let limit = text_limit(path);
                if chars > limit {
                    return exceeded(format!("文字过长（{chars} 字），这一项最多 {limit} 字"));
                }
                if self.all_text > ALL_TEXT {
                    return exceeded(format!(
                        "项目中的文字合计超过 {ALL_TEXT} 字，文件可能已损坏"
                    ));
                }
                None
            }
            Value::Number(n) => {
                let name = leaf(path);
                if name == "year" {
                    let year = n.as_i64().unwrap_or(i64::MAX);
                    if !YEARS.contains(&year) {
                        return exceeded(format!(
                            "年度 {n} 不合理，应在 {} 到 {} 之间",
                            YEARS.start(),
                            YEARS.end()
                        ));
                    }
                    return None;
                }
                let limit = count_limit(path);
                match n.as_u64() {
                    Some(count) if count > limit => exceeded(format!(
                        "数量 {count} 过大，这一项最多 {limit}，请检查是否多输了位数"
                    )),
                    _ => None,
                }
            }
            Value::Array(items) => {
                if items.len() > LIST_ROWS {
                    return exceeded(format!("列表有 {} 行，最多 {LIST_ROWS} 行", items.len()));
                }
                self.all_rows += items.len();
                if self.all_rows > ALL_ROWS {
                    return exceeded(format!(
                        "项目中各列表合计超过 {ALL_ROWS} 行，文件可能已损坏"
                    ));
                }
                items
                    .iter()
                    .enumerate()
                    .find_map(|(i, item)| self.value(item, &path.child_index(i)))
            }
            Value::Object(fields) => fields
                .iter()
                .find_map(|(name, item)| self.value(item, &path.child_key(name))),
            Value::Null | Value::Bool(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_follow_the_field_name() {
        use crate::model::{AssetField, StaffField, ThreePublicField, UnitField};
        assert_eq!(text_limit(&FieldPath::unit(UnitField::Name)), SHORT_TEXT);
        assert_eq!(
            text_limit(&FieldPath::unit_entry(UnitField::Duties, 3)),
            LONG_TEXT
        );
        assert_eq!(
            text_limit(&FieldPath::three_public(
                ThreePublicField::ReceptionChangeReason
            )),
            LONG_TEXT
        );
        assert_eq!(
            count_limit(&FieldPath::three_public(ThreePublicField::HeldSedan)),
            VEHICLES
        );
        assert_eq!(
            count_limit(&FieldPath::assets(AssetField::OtherVehicles)),
            VEHICLES
        );
        assert_eq!(
            count_limit(&FieldPath::staffing(0, StaffField::Staff)),
            STAFF
        );
        assert_eq!(
            count_limit(&FieldPath::three_public(ThreePublicField::DomesticPeople)),
            COUNT
        );
    }

    #[test]
    fn the_first_value_beyond_its_bound_is_named() {
        let ok = serde_json::json!({"unit": {"name": "区委绩效办", "year": 2023}});
        assert_eq!(check(&ok), None);
        let long_name = serde_json::json!({"unit": {"name": "名".repeat(201)}});
        let e = check(&long_name).unwrap();
        assert_eq!(e.field.to_string(), "unit.name");
        assert!(e.message.contains("最多 200 字"), "{}", e.message);
        let cars = serde_json::json!({"three_public": {"vehicles": {"held": {"sedan": 4_294_967_293_u64}}}});
        let e = check(&cars).unwrap();
        assert_eq!(e.field.to_string(), "three_public.vehicles.held.sedan");
        let year = serde_json::json!({"unit": {"year": 99999}});
        assert!(check(&year).unwrap().message.contains("年度"));
    }
}
