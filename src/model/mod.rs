//! The project file's data: one unit's final accounts for one year.
//!
//! These are plain serde types. Every amount is a [`Wan`]; every total that is a
//! sum of entered parts is computed (see [`totals`]) and never stored. Figures the document compares
//! with the prior year carry the prior year's figure beside them, as an `Option` so that "not
//! entered" differs from zero. The user's own words (reasons, summaries) are plain strings.

mod accounts;
mod assets;
mod date;
pub mod edit;
mod edition;
pub mod limits;
mod path;
mod performance;
mod three_public;
pub mod totals;
mod unit;
mod walk;

pub use accounts::*;
pub use assets::*;
pub use date::Date;
pub use edition::{CatalogEdition, Classification};
pub use path::{FieldPath, PathError, Root, Step};
pub use performance::*;
pub use three_public::*;
pub use unit::*;
pub use walk::{AmountAt, FieldInfo, FieldKind, FieldValue};

use serde::{Deserialize, Serialize};

pub use crate::money::ShareRounding;

/// The sum of the counts entered (counted wide, so that no sum of counts can overflow); `None`
/// when none is: not entered is not zero, as [`crate::money::sum_entered`] adds amounts.
pub fn sum_counts(counts: impl IntoIterator<Item = Option<u32>>) -> Option<u64> {
    counts
        .into_iter()
        .flatten()
        .map(u64::from)
        .reduce(|a, b| a + b)
}
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
    /// 会议费 and 培训费, where the template states them.
    #[serde(default, skip_serializing_if = "MeetingsTraining::is_empty")]
    pub meetings_training: MeetingsTraining,
    /// 政府采购.
    pub procurement: Procurement,
    /// 政府购买服务, where the template states it.
    #[serde(default, skip_serializing_if = "PurchasedServices::is_empty")]
    pub purchased_services: PurchasedServices,
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
    /// The 科目表 imported into the project (the local 财政's for the year): its names replace
    /// the built-in catalog's, its codes add to them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog: Option<CatalogEdition>,
    /// The clerk's explanations of findings (出错说明), which travel with the file to 财政.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub explanations: Vec<Explanation>,
    /// For a department's accounts (部门汇总): the unit projects it consolidates. Its figures
    /// are then their sums (`crate::consolidate`); its texts are the department's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<Department>,
}

/// The member units of a department's accounts, the 本级 (机关) first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// Each member's project file and what it was at the last consolidation.
    pub members: Vec<Member>,
}

/// A member unit of a department.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Its project file, relative to the department's file (or absolute).
    pub file: String,
    /// The unit's name at the last consolidation.
    pub name: String,
    /// The SHA-256 of the file's bytes at the last consolidation (a changed file is reported).
    pub sha256: String,
    /// Its own 本年收入 and 本年支出 at the last consolidation, for the tables that list them by
    /// unit (浙江's 收入决算表（分单位）); `None` in a file consolidated before they were kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figures: Option<MemberFigures>,
}

/// A member unit's own 本年收入 by source and 本年支出 by nature, as its file had them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberFigures {
    /// 本年收入 by source, in [`REVENUE_SOURCES`] order (财政拨款, 上级补助, 事业, 经营,
    /// 附属单位上缴, 其他).
    pub revenue: [Wan; 6],
    /// 本年支出 by nature: 基本支出, 项目支出, 上缴上级支出, 经营支出, 对附属单位补助支出.
    pub expenditure: [Wan; 5],
}

impl MemberFigures {
    /// The figures of `project`, whose totals are `totals`.
    pub fn of(project: &Project, totals: &totals::Totals) -> MemberFigures {
        MemberFigures {
            revenue: REVENUE_SOURCES.map(|s| s.of_revenue(&project.revenue)),
            expenditure: totals.by_nature.parts(),
        }
    }
}

/// 出错说明: why a finding is not a mistake (or, for an 错误, what is being done about it),
/// as the filing tool's 编辑出错说明 keeps it. It is keyed by the rule and the finding's first
/// field, so it stays with the finding through edits; it remembers the finding's message, so
/// when the amounts in it change the explanation is flagged for review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    /// The rule's code, e.g. `JS-305`.
    pub rule: String,
    /// The finding's first field (none for what the document itself reports).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<FieldPath>,
    /// The explanation.
    pub text: String,
    /// The finding's message when the explanation was written.
    pub message: String,
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
        /// 占比的小数位数.
        ShareDecimals => ("share_decimals", "占比和增长率的小数位数"),
    }
}

field_enum! {
    /// The prior-year figures the document compares with (上年决算数), as last year's published
    /// document states them. 项 lines carry their own (`expenditure.lines[i].prior`).
    pub enum PriorFigure {
        /// 上年收入总计.
        TotalRevenue => ("total_revenue", "上年收入总计"),
        /// 上年支出总计.
        TotalExpenditure => ("total_expenditure", "上年支出总计"),
        /// 上年本年收入合计.
        RevenueThisYear => ("revenue_this_year", "上年本年收入合计"),
        /// 上年一般公共预算财政拨款收入.
        GeneralBudgetRevenue => ("general_budget_revenue", "上年一般公共预算财政拨款收入"),
        /// 上年政府性基金预算财政拨款收入.
        GovernmentFundRevenue => ("government_fund_revenue", "上年政府性基金预算财政拨款收入"),
        /// 上年国有资本经营预算财政拨款收入.
        StateCapitalRevenue => ("state_capital_revenue", "上年国有资本经营预算财政拨款收入"),
        /// 上年上级补助收入.
        HigherLevelGrants => ("higher_level_grants", "上年上级补助收入"),
        /// 上年事业收入.
        Operations => ("operations", "上年事业收入"),
        /// 上年经营收入.
        BusinessRevenue => ("business_revenue", "上年经营收入"),
        /// 上年附属单位上缴收入.
        FromSubsidiaries => ("from_subsidiaries", "上年附属单位上缴收入"),
        /// 上年其他收入.
        OtherRevenue => ("other_revenue", "上年其他收入"),
        /// 上年本年支出合计.
        ExpenditureThisYear => ("expenditure_this_year", "上年本年支出合计"),
        /// 上年基本支出.
        Basic => ("basic", "上年基本支出"),
        /// 上年项目支出.
        Project => ("project", "上年项目支出"),
        /// 上年上缴上级支出.
        Remitted => ("remitted", "上年上缴上级支出"),
        /// 上年经营支出.
        BusinessExpenditure => ("business_expenditure", "上年经营支出"),
        /// 上年对附属单位补助支出.
        Subsidies => ("subsidies", "上年对附属单位补助支出"),
        /// 上年财政拨款收入总计 (with 年初结转和结余).
        AppropriationRevenue => ("appropriation_revenue", "上年财政拨款收入总计"),
        /// 上年财政拨款支出总计 (with 年末结转和结余).
        AppropriationExpenditure => ("appropriation_expenditure", "上年财政拨款支出总计"),
        /// 上年财政拨款收入 (本年, without balances).
        AppropriationRevenueThisYear => ("appropriation_revenue_this_year", "上年财政拨款收入"),
        /// 上年财政拨款支出 (本年, without balances).
        AppropriationExpenditureThisYear => ("appropriation_expenditure_this_year", "上年财政拨款支出"),
        /// 上年一般公共预算财政拨款支出.
        GeneralBudgetExpenditure => ("general_budget_expenditure", "上年一般公共预算财政拨款支出"),
        /// 上年政府性基金预算财政拨款支出.
        GovernmentFundExpenditure => ("government_fund_expenditure", "上年政府性基金预算财政拨款支出"),
        /// 上年国有资本经营预算财政拨款支出.
        StateCapitalExpenditure => ("state_capital_expenditure", "上年国有资本经营预算财政拨款支出"),
        /// 上年一般公共预算财政拨款基本支出.
        GeneralBudgetBasic => ("general_budget_basic", "上年一般公共预算财政拨款基本支出"),
        /// 上年人员经费.
        Personnel => ("personnel", "上年人员经费"),
        /// 上年公用经费.
        PublicCosts => ("public_costs", "上年公用经费"),
        /// 上年政府采购支出总额.
        Procurement => ("procurement", "上年政府采购支出总额"),
    }
}

impl PriorFigure {
    /// This year's value of the figure that next year's document compares with: what becomes
    /// next year's prior-year figure (新建下一年度); `None` for a revenue source not entered.
    pub fn this_year(self, p: &Project, t: &totals::Totals) -> Option<Wan> {
        let r = &p.revenue;
        Some(match self {
            PriorFigure::TotalRevenue => t.total_revenue,
            PriorFigure::TotalExpenditure => t.total_expenditure,
            PriorFigure::RevenueThisYear => t.revenue_this_year,
            PriorFigure::GeneralBudgetRevenue => return r.general_budget,
            PriorFigure::GovernmentFundRevenue => return r.government_fund,
            PriorFigure::StateCapitalRevenue => return r.state_capital,
            PriorFigure::HigherLevelGrants => return r.higher_level_grants,
            PriorFigure::Operations => return r.operations,
            PriorFigure::BusinessRevenue => return r.business,
            PriorFigure::FromSubsidiaries => return r.from_subsidiaries,
            PriorFigure::OtherRevenue => return r.other,
            PriorFigure::ExpenditureThisYear => t.expenditure_this_year,
            PriorFigure::Basic => t.by_nature.basic,
            PriorFigure::Project => t.by_nature.project,
            PriorFigure::Remitted => t.by_nature.remitted,
            PriorFigure::BusinessExpenditure => t.by_nature.business,
            PriorFigure::Subsidies => t.by_nature.subsidies,
            PriorFigure::AppropriationRevenue => t.appropriation_total_revenue,
            PriorFigure::AppropriationExpenditure => t.appropriation_total_expenditure,
            PriorFigure::AppropriationRevenueThisYear => t.appropriation_revenue,
            PriorFigure::AppropriationExpenditureThisYear => t.appropriation_expenditure,
            PriorFigure::GeneralBudgetExpenditure => t.general_budget_expenditure,
            PriorFigure::GovernmentFundExpenditure => t.fund_expenditure(Fund::GovernmentFund),
            PriorFigure::StateCapitalExpenditure => t.fund_expenditure(Fund::StateCapital),
            PriorFigure::GeneralBudgetBasic => t.general_budget_basic,
            PriorFigure::Personnel => p.basic_costs.personnel.amount(),
            PriorFigure::PublicCosts => p.basic_costs.public.amount(),
            PriorFigure::Procurement => t.procurement,
        })
    }

    /// The figure, if entered.
    pub fn of(self, p: &PriorYear) -> Option<Wan> {
        p.get(self)
    }

    /// The figures every document compares (收支总计, 财政拨款收支总计, 一般公共预算财政拨款支出):
    /// JS-607 asks for these; the others only where the template states them.
    pub fn is_core(self) -> bool {
        matches!(
            self,
            PriorFigure::TotalRevenue
                | PriorFigure::TotalExpenditure
                | PriorFigure::AppropriationRevenue
                | PriorFigure::AppropriationExpenditure
                | PriorFigure::GeneralBudgetExpenditure
        )
    }

    /// Last year's figure of a revenue source.
    pub fn of_source(item: RevenueItem) -> PriorFigure {
        match item {
            RevenueItem::GeneralBudget => PriorFigure::GeneralBudgetRevenue,
            RevenueItem::GovernmentFund => PriorFigure::GovernmentFundRevenue,
            RevenueItem::StateCapital => PriorFigure::StateCapitalRevenue,
            RevenueItem::HigherLevelGrants => PriorFigure::HigherLevelGrants,
            RevenueItem::Operations => PriorFigure::Operations,
            RevenueItem::Business => PriorFigure::BusinessRevenue,
            RevenueItem::FromSubsidiaries => PriorFigure::FromSubsidiaries,
            RevenueItem::Other => PriorFigure::OtherRevenue,
        }
    }

    /// Last year's figure of a nature of expenditure.
    pub fn of_nature(nature: Nature) -> PriorFigure {
        match nature {
            Nature::Basic => PriorFigure::Basic,
            Nature::Project => PriorFigure::Project,
            Nature::Remitted => PriorFigure::Remitted,
            Nature::Business => PriorFigure::BusinessExpenditure,
            Nature::Subsidies => PriorFigure::Subsidies,
        }
    }

    /// Last year's expenditure of a fiscal appropriation (`None` for 非财政拨款).
    pub fn of_fund_expenditure(fund: Fund) -> Option<PriorFigure> {
        match fund {
            Fund::GeneralBudget => Some(PriorFigure::GeneralBudgetExpenditure),
            Fund::GovernmentFund => Some(PriorFigure::GovernmentFundExpenditure),
            Fund::StateCapital => Some(PriorFigure::StateCapitalExpenditure),
            Fund::NonAppropriation => None,
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
    /// How many decimals shares and rates print with; by default the template's.
    #[serde(default, skip_serializing_if = "ShareDecimals::is_template")]
    pub share_decimals: ShareDecimals,
}

/// The decimals of printed shares and rates (`68%`, `59.7%`, `6.18%`): documents differ, and a
/// unit follows its 财政's. The exact share is a `Decimal`; only the printing rounds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ShareDecimals {
    /// As the template writes them.
    #[default]
    #[serde(rename = "按模板")]
    Template,
    /// Whole percent (`68%`).
    #[serde(rename = "整数")]
    Zero,
    /// One decimal (`59.7%`).
    #[serde(rename = "一位小数")]
    One,
    /// Two decimals (`6.18%`).
    #[serde(rename = "两位小数")]
    Two,
}

impl ShareDecimals {
    /// The decimals chosen, or `None` for the template's.
    pub fn decimals(self) -> Option<u32> {
        match self {
            ShareDecimals::Template => None,
            ShareDecimals::Zero => Some(0),
            ShareDecimals::One => Some(1),
            ShareDecimals::Two => Some(2),
        }
    }

    fn is_template(&self) -> bool {
        *self == ShareDecimals::Template
    }
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

/// Prior-year figures that the document compares this year's with (上年数), by figure.
///
/// Stored as an object keyed by the figures' keys (`{"total_revenue": "226.23"}`); a figure not
/// entered is absent (or `null`), never zero.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PriorYear {
    figures: std::collections::BTreeMap<PriorFigure, Wan>,
}

impl PriorYear {
    /// The figure, if entered.
    pub fn get(&self, figure: PriorFigure) -> Option<Wan> {
        self.figures.get(&figure).copied()
    }

    /// Enters the figure, or clears it with `None`.
    pub fn set(&mut self, figure: PriorFigure, value: Option<Wan>) {
        match value {
            Some(v) => {
                self.figures.insert(figure, v);
            }
            None => {
                self.figures.remove(&figure);
            }
        }
    }

    /// The entered figures, in [`PriorFigure::ALL`] order.
    pub fn entered(&self) -> impl Iterator<Item = (PriorFigure, Wan)> + '_ {
        self.figures.iter().map(|(f, v)| (*f, *v))
    }
}

impl Serialize for PriorYear {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.figures.len()))?;
        for (figure, value) in &self.figures {
            map.serialize_entry(figure.key(), value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for PriorYear {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<PriorYear, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = PriorYear;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("上年数（各项上年决算数）")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<PriorYear, A::Error> {
                let mut out = PriorYear::default();
                while let Some(key) = map.next_key::<String>()? {
                    let Some(figure) = PriorFigure::from_key(&key) else {
                        return Err(serde::de::Error::custom(format!("未知的上年数“{key}”")));
                    };
                    let value: Option<Wan> = map.next_value()?;
                    out.set(figure, value);
                }
                Ok(out)
            }
        }
        deserializer.deserialize_map(Visitor)
    }
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
