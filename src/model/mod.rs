//! The project file's data: one unit's final accounts for one year.
//!
//! These are plain serde types. Every amount is a [`Wan`]; every total that is a
//! sum of entered parts is computed (see [`totals`]) and never stored. Figures the document compares
//! with the prior year carry the prior year's figure beside them, as an `Option` so that "not
//! entered" differs from zero. The user's own words (reasons, summaries) are plain strings.

mod accounts;
mod assets;
pub mod edit;
pub mod limits;
mod path;
mod performance;
mod three_public;
pub mod totals;
mod unit;
mod walk;

pub use accounts::*;
pub use assets::*;
pub use path::{FieldPath, PathError, Root, Step};
pub use performance::*;
pub use three_public::*;
pub use unit::*;
pub use walk::{AmountAt, FieldInfo, FieldKind, FieldValue};

use serde::{Deserialize, Serialize};

pub use crate::money::ShareRounding;
use crate::money::{EntryUnit, Wan};
use path::field_enum;

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
    /// The clerk's own wording of paragraphs of the document, used instead of the template's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wording: Vec<OwnWording>,
    /// A template file imported into the project (a 财政局's own), as its TOML text; used when
    /// `settings.template` names its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_template: Option<String>,
}

/// The clerk's own text of one paragraph of a template: a template text over the same figures,
/// so the amounts it states follow the figures.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnWording {
    /// The template's id (`sichuan-2023`).
    pub template: String,
    /// The paragraph's id in it (`收支总计`).
    pub paragraph: String,
    /// The text, with figures as `{{ 收入总计|wan }}`.
    pub text: String,
}

field_enum! {
    /// The fields of a paragraph's own wording.
    pub enum WordingField {
        /// 模板.
        Template => ("template", "模板"),
        /// 段落.
        Paragraph => ("paragraph", "段落"),
        /// 文字.
        Text => ("text", "文字"),
    }
}

field_enum! {
    /// The project settings.
    pub enum SettingField {
        /// 金额录入单位.
        EntryUnit => ("entry_unit", "金额录入单位"),
        /// 占比的四舍五入方式.
        ShareRounding => ("share_rounding", "占比的四舍五入方式"),
        /// 核对的精确程度.
        Tolerance => ("tolerance", "核对的精确程度"),
        /// 文档模板.
        Template => ("template", "文档模板"),
    }
}

field_enum! {
    /// The prior-year figures the document compares with.
    pub enum PriorFigure {
        /// 上年收入总计.
        TotalRevenue => ("total_revenue", "上年收入总计"),
        /// 上年支出总计.
        TotalExpenditure => ("total_expenditure", "上年支出总计"),
        /// 上年财政拨款收入总计.
        AppropriationRevenue => ("appropriation_revenue", "上年财政拨款收入总计"),
        /// 上年财政拨款支出总计.
        AppropriationExpenditure => ("appropriation_expenditure", "上年财政拨款支出总计"),
        /// 上年一般公共预算财政拨款支出.
        GeneralBudgetExpenditure => ("general_budget_expenditure", "上年一般公共预算财政拨款支出"),
    }
}

impl PriorFigure {
    /// The figure, if entered.
    pub fn of(self, p: &PriorYear) -> Option<Wan> {
        match self {
            PriorFigure::TotalRevenue => p.total_revenue,
            PriorFigure::TotalExpenditure => p.total_expenditure,
            PriorFigure::AppropriationRevenue => p.appropriation_revenue,
            PriorFigure::AppropriationExpenditure => p.appropriation_expenditure,
            PriorFigure::GeneralBudgetExpenditure => p.general_budget_expenditure,
        }
    }

    /// The figure, to edit.
    pub fn of_mut(self, p: &mut PriorYear) -> &mut Option<Wan> {
        match self {
            PriorFigure::TotalRevenue => &mut p.total_revenue,
            PriorFigure::TotalExpenditure => &mut p.total_expenditure,
            PriorFigure::AppropriationRevenue => &mut p.appropriation_revenue,
            PriorFigure::AppropriationExpenditure => &mut p.appropriation_expenditure,
            PriorFigure::GeneralBudgetExpenditure => &mut p.general_budget_expenditure,
        }
    }
}

field_enum! {
    /// The 报表数 a clerk copies from the official tables.
    pub enum ControlTotal {
        /// 收入总计.
        TotalRevenue => ("total_revenue", "收入总计（报表数）"),
        /// 本年收入合计.
        RevenueThisYear => ("revenue_this_year", "本年收入合计（报表数）"),
        /// 支出总计.
        TotalExpenditure => ("total_expenditure", "支出总计（报表数）"),
        /// 本年支出合计.
        ExpenditureThisYear => ("expenditure_this_year", "本年支出合计（报表数）"),
        /// 基本支出.
        Basic => ("basic", "基本支出（报表数）"),
        /// 项目支出.
        Project => ("project", "项目支出（报表数）"),
        /// 财政拨款收入.
        AppropriationRevenue => ("appropriation_revenue", "财政拨款收入（报表数）"),
        /// 财政拨款支出.
        AppropriationExpenditure => ("appropriation_expenditure", "财政拨款支出（报表数）"),
        /// 一般公共预算财政拨款支出.
        GeneralBudgetExpenditure => ("general_budget_expenditure", "一般公共预算财政拨款支出（报表数）"),
        /// 一般公共预算财政拨款基本支出.
        GeneralBudgetBasic => ("general_budget_basic", "一般公共预算财政拨款基本支出（报表数）"),
        /// "三公"经费合计.
        ThreePublic => ("three_public", "“三公”经费合计（报表数）"),
    }
}

impl ControlTotal {
    /// The 报表数, if entered.
    pub fn of(self, c: &ControlTotals) -> Option<Wan> {
        *self.of_ref(c)
    }

    fn of_ref(self, c: &ControlTotals) -> &Option<Wan> {
        match self {
            ControlTotal::TotalRevenue => &c.total_revenue,
            ControlTotal::RevenueThisYear => &c.revenue_this_year,
            ControlTotal::TotalExpenditure => &c.total_expenditure,
            ControlTotal::ExpenditureThisYear => &c.expenditure_this_year,
            ControlTotal::Basic => &c.basic,
            ControlTotal::Project => &c.project,
            ControlTotal::AppropriationRevenue => &c.appropriation_revenue,
            ControlTotal::AppropriationExpenditure => &c.appropriation_expenditure,
            ControlTotal::GeneralBudgetExpenditure => &c.general_budget_expenditure,
            ControlTotal::GeneralBudgetBasic => &c.general_budget_basic,
            ControlTotal::ThreePublic => &c.three_public,
        }
    }

    /// The 报表数, to edit.
    pub fn of_mut(self, c: &mut ControlTotals) -> &mut Option<Wan> {
        match self {
            ControlTotal::TotalRevenue => &mut c.total_revenue,
            ControlTotal::RevenueThisYear => &mut c.revenue_this_year,
            ControlTotal::TotalExpenditure => &mut c.total_expenditure,
            ControlTotal::ExpenditureThisYear => &mut c.expenditure_this_year,
            ControlTotal::Basic => &mut c.basic,
            ControlTotal::Project => &mut c.project,
            ControlTotal::AppropriationRevenue => &mut c.appropriation_revenue,
            ControlTotal::AppropriationExpenditure => &mut c.appropriation_expenditure,
            ControlTotal::GeneralBudgetExpenditure => &mut c.general_budget_expenditure,
            ControlTotal::GeneralBudgetBasic => &mut c.general_budget_basic,
            ControlTotal::ThreePublic => &mut c.three_public,
        }
    }
}

field_enum! {
    /// The fields of a glossary entry.
    pub enum GlossaryField {
        /// 名词.
        Term => ("term", "名词"),
        /// 解释.
        Definition => ("definition", "解释"),
    }
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
    /// The id of the document template (`sichuan-2024`); `None` for the built-in one of the
    /// project's year.
    #[serde(default)]
    pub template: Option<String>,
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
