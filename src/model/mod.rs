//! The project file's data: one unit's final accounts for one year.
//!
//! These are plain serde types. Every amount is a [`Wan`](crate::money::Wan); every total that is a
//! sum of entered parts is computed (see [`totals`]) and never stored. Figures the document compares
//! with the prior year carry the prior year's figure beside them, as an `Option` so that "not
//! entered" differs from zero. The user's own words (reasons, summaries) are plain strings.

mod accounts;
mod assets;
pub mod limits;
mod path;
mod performance;
mod three_public;
pub mod totals;
mod unit;
mod walk;

pub use accounts::*;
pub use assets::*;
pub use path::FieldPath;
pub use performance::*;
pub use three_public::*;
pub use unit::*;
pub use walk::AmountAt;

use serde::{Deserialize, Serialize};

pub use crate::money::ShareRounding;
use crate::money::{EntryUnit, Wan};

/// One unit's final accounts for one year: everything the disclosure document states.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// Settings that change how figures are entered, checked and shown.
    pub settings: Settings,
    /// 单位概况.
    pub unit: Unit,
    /// Prior-year totals that the document compares with.
    pub prior_year: PriorYear,
    /// 收入: this year's revenue by source.
    pub revenue: Revenue,
    /// 结转结余: balances and their uses, by fund.
    pub balances: Balances,
    /// 支出: expenditure lines by functional classification, each split by nature.
    pub expenditure: Expenditure,
    /// 一般公共预算财政拨款基本支出: 人员经费 and 公用经费.
    pub basic_costs: BasicCosts,
    /// "三公"经费.
    pub three_public: ThreePublic,
    /// 机关运行经费.
    pub running_costs: RunningCosts,
    /// 政府采购.
    pub procurement: Procurement,
    /// 国有资产占有使用.
    pub assets: Assets,
    /// 预算绩效管理 and the department self-assessment (附件1).
    pub performance: PerformanceManagement,
    /// 项目支出绩效自评: one entry per project.
    pub projects: Vec<ProjectAssessment>,
    /// 报表数: totals copied from the official final-accounts tables, to catch mistyped parts.
    pub control_totals: ControlTotals,
    /// The user's changes to the built-in glossary (名词解释).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub glossary: Vec<GlossaryEntry>,
}

/// Project settings: entry unit, share rounding, tolerance.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The unit in which amounts are typed (元 or 万元); the file always stores 万元.
    pub entry_unit: EntryUnit,
    /// How the shares of a structure are rounded.
    pub share_rounding: ShareRounding,
    /// How exact the reconciliation checks are.
    pub tolerance: Tolerance,
}

/// How exact the equalities of the checks are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tolerance {
    /// 精确: amounts are exact, so equalities are exact.
    #[default]
    #[serde(rename = "精确")]
    Exact,
    /// 每项0.01万元: allow ±0.01 万元 per summed item, for figures copied from rounded tables.
    #[serde(rename = "每项0.01万元")]
    CentPerItem,
}

/// Prior-year figures that the document compares this year's with (上年数).
///
/// Only the totals are entered: last year's detail is not needed. `None` means not entered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorYear {
    /// 上年收入总计.
    pub total_revenue: Option<Wan>,
    /// 上年支出总计.
    pub total_expenditure: Option<Wan>,
    /// 上年财政拨款收入总计.
    pub appropriation_revenue: Option<Wan>,
    /// 上年财政拨款支出总计.
    pub appropriation_expenditure: Option<Wan>,
    /// 上年一般公共预算财政拨款支出.
    pub general_budget_expenditure: Option<Wan>,
}

/// 报表数: totals as printed by the finance bureau's reporting software.
///
/// They are never used in place of a computed total; the checks compare them with it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ControlTotals {
    /// 收入总计.
    pub total_revenue: Option<Wan>,
    /// 本年收入合计.
    pub revenue_this_year: Option<Wan>,
    /// 支出总计.
    pub total_expenditure: Option<Wan>,
    /// 本年支出合计.
    pub expenditure_this_year: Option<Wan>,
    /// 基本支出.
    pub basic: Option<Wan>,
    /// 项目支出.
    pub project: Option<Wan>,
    /// 财政拨款收入 (本年).
    pub appropriation_revenue: Option<Wan>,
    /// 财政拨款支出 (本年).
    pub appropriation_expenditure: Option<Wan>,
    /// 一般公共预算财政拨款支出.
    pub general_budget_expenditure: Option<Wan>,
    /// 一般公共预算财政拨款基本支出.
    pub general_budget_basic: Option<Wan>,
    /// "三公"经费决算数合计.
    pub three_public: Option<Wan>,
}

/// A glossary entry the user added or changed (名词解释).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    /// The term, or a functional code (e.g. `2013101`) to override that line's definition.
    pub term: String,
    /// The definition as it should be printed.
    pub definition: String,
}

/// A free-text section of an attachment: a heading and its paragraphs, the user's own words.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextSection {
    /// The heading, without its number (numbers are generated).
    pub heading: String,
    /// The paragraphs, each printed as its own paragraph.
    pub paragraphs: Vec<String>,
}
