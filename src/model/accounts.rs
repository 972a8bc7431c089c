//! 收入, 结转结余, 支出 and 基本支出: the money of the year, classified several ways.

use serde::{Deserialize, Serialize};

use super::path::field_enum;
use crate::money::Wan;

field_enum! {
    /// The eight sources of 本年收入, in the order the tables list them.
    pub enum RevenueItem {
        /// 一般公共预算财政拨款收入.
        GeneralBudget => ("general_budget", "一般公共预算财政拨款收入"),
        /// 政府性基金预算财政拨款收入.
        GovernmentFund => ("government_fund", "政府性基金预算财政拨款收入"),
        /// 国有资本经营预算财政拨款收入.
        StateCapital => ("state_capital", "国有资本经营预算财政拨款收入"),
        /// 上级补助收入.
        HigherLevelGrants => ("higher_level_grants", "上级补助收入"),
        /// 事业收入.
        Operations => ("operations", "事业收入"),
        /// 经营收入.
        Business => ("business", "经营收入"),
        /// 附属单位上缴收入.
        FromSubsidiaries => ("from_subsidiaries", "附属单位上缴收入"),
        /// 其他收入.
        Other => ("other", "其他收入"),
    }
}

impl RevenueItem {
    /// This source's amount, zero when not entered.
    pub fn of(self, r: &Revenue) -> Wan {
        self.entered(r).unwrap_or_default()
    }

    /// This source's amount as entered.
    pub fn entered(self, r: &Revenue) -> Option<Wan> {
        match self {
            RevenueItem::GeneralBudget => r.general_budget,
            RevenueItem::GovernmentFund => r.government_fund,
            RevenueItem::StateCapital => r.state_capital,
            RevenueItem::HigherLevelGrants => r.higher_level_grants,
            RevenueItem::Operations => r.operations,
            RevenueItem::Business => r.business,
            RevenueItem::FromSubsidiaries => r.from_subsidiaries,
            RevenueItem::Other => r.other,
        }
    }

    /// This source's field, to edit.
    pub fn of_mut(self, r: &mut Revenue) -> &mut Option<Wan> {
        match self {
            RevenueItem::GeneralBudget => &mut r.general_budget,
            RevenueItem::GovernmentFund => &mut r.government_fund,
            RevenueItem::StateCapital => &mut r.state_capital,
            RevenueItem::HigherLevelGrants => &mut r.higher_level_grants,
            RevenueItem::Operations => &mut r.operations,
            RevenueItem::Business => &mut r.business,
            RevenueItem::FromSubsidiaries => &mut r.from_subsidiaries,
            RevenueItem::Other => &mut r.other,
        }
    }

    /// The fiscal appropriation this source is, if it is one.
    pub fn fund(self) -> Option<Fund> {
        match self {
            RevenueItem::GeneralBudget => Some(Fund::GeneralBudget),
            RevenueItem::GovernmentFund => Some(Fund::GovernmentFund),
            RevenueItem::StateCapital => Some(Fund::StateCapital),
            _ => None,
        }
    }
}

field_enum! {
    /// The fields of 收入 besides its eight sources.
    pub enum RevenueField {
        /// Why the totals changed.
        ChangeReason => ("change_reason", "收、支总计变动的主要原因"),
        /// 表2 收入决算表 rows.
        ByFunction => ("by_function", "收入决算表（按功能分类）"),
    }
}

field_enum! {
    /// The cells of a row of 表2 收入决算表.
    pub enum RevenueLineField {
        /// 科目编码.
        Code => ("code", "科目编码"),
        /// The names given for an unknown code.
        Names => ("names", "科目名称"),
        /// 类 name of an unknown code.
        NamesClass => ("names.class", "类名称"),
        /// 款 name of an unknown code.
        NamesSection => ("names.section", "款名称"),
        /// 项 name of an unknown code.
        NamesItem => ("names.item", "项名称"),
        /// 财政拨款收入.
        Appropriation => ("appropriation", "财政拨款收入"),
        /// 上级补助收入.
        HigherLevelGrants => ("higher_level_grants", "上级补助收入"),
        /// 事业收入.
        Operations => ("operations", "事业收入"),
        /// 经营收入.
        Business => ("business", "经营收入"),
        /// 附属单位上缴收入.
        FromSubsidiaries => ("from_subsidiaries", "附属单位上缴收入"),
        /// 其他收入.
        Other => ("other", "其他收入"),
    }
}

impl From<RevenueSource> for RevenueLineField {
    fn from(source: RevenueSource) -> RevenueLineField {
        match source {
            RevenueSource::Appropriation => RevenueLineField::Appropriation,
            RevenueSource::HigherLevelGrants => RevenueLineField::HigherLevelGrants,
            RevenueSource::Operations => RevenueLineField::Operations,
            RevenueSource::Business => RevenueLineField::Business,
            RevenueSource::FromSubsidiaries => RevenueLineField::FromSubsidiaries,
            RevenueSource::Other => RevenueLineField::Other,
        }
    }
}

field_enum! {
    /// Which balance of a fund.
    pub enum BalanceSide {
        /// 年初结转和结余.
        Opening => ("opening", "年初结转和结余"),
        /// 年末结转和结余.
        Closing => ("closing", "年末结转和结余"),
        /// 上年年末结转和结余.
        PriorClosing => ("prior_closing", "上年年末结转和结余"),
    }
}

field_enum! {
    /// The fields of the opening balances carried over from last year's project (年初数提取).
    pub enum CarriedField {
        /// Why the carried opening balances were unlocked.
        UnlockReason => ("carried.unlock_reason", "年初数解锁原因"),
    }
}

field_enum! {
    /// The items that bridge 本年 to 总计.
    pub enum Bridge {
        /// 使用非财政拨款结余.
        UseOfNonAppropriationSurplus => ("use_of_non_appropriation_surplus", "使用非财政拨款结余"),
        /// 结余分配.
        SurplusDistribution => ("surplus_distribution", "结余分配"),
    }
}

field_enum! {
    /// The fields of 支出 itself.
    pub enum ExpenditureField {
        /// The lines of the 支出决算表.
        Lines => ("lines", "支出决算明细"),
        /// Why 一般公共预算财政拨款支出 changed.
        GeneralBudgetChangeReason => ("general_budget_change_reason", "一般公共预算财政拨款支出变动的主要原因"),
        /// Why 财政拨款收、支总计 changed.
        AppropriationChangeReason => ("appropriation_change_reason", "财政拨款收、支总计变动的主要原因"),
        /// 一般公共预算财政拨款项目支出 by 经济分类.
        ProjectEconomic => ("project_economic", "一般公共预算财政拨款项目支出（按经济分类）"),
    }
}

field_enum! {
    /// The cells of a line of the 支出决算表.
    pub enum LineField {
        /// 科目编码.
        Code => ("code", "科目编码"),
        /// The names given for an unknown code.
        Names => ("names", "科目名称"),
        /// 类 name of an unknown code.
        NamesClass => ("names.class", "类名称"),
        /// 款 name of an unknown code.
        NamesSection => ("names.section", "款名称"),
        /// 项 name of an unknown code.
        NamesItem => ("names.item", "项名称"),
        /// 资金来源.
        Fund => ("fund", "资金来源"),
        /// 预算数 (调整后，全年).
        Budget => ("budget", "预算数"),
        /// 年初预算数.
        InitialBudget => ("initial_budget", "年初预算数"),
        /// 上年决算数.
        Prior => ("prior", "上年决算数"),
        /// 基本支出.
        Basic => ("basic", "基本支出"),
        /// 项目支出.
        Project => ("project", "项目支出"),
        /// 上缴上级支出.
        Remitted => ("remitted", "上缴上级支出"),
        /// 经营支出.
        Business => ("business", "经营支出"),
        /// 对附属单位补助支出.
        Subsidies => ("subsidies", "对附属单位补助支出"),
        /// Why 决算 differs from 预算.
        DeviationReason => ("deviation_reason", "决算数与预算数不同的原因"),
    }
}

field_enum! {
    /// The natures of expenditure (支出性质), in the tables' order.
    pub enum Nature {
        /// 基本支出.
        Basic => ("basic", "基本支出"),
        /// 项目支出.
        Project => ("project", "项目支出"),
        /// 上缴上级支出.
        Remitted => ("remitted", "上缴上级支出"),
        /// 经营支出.
        Business => ("business", "经营支出"),
        /// 对附属单位补助支出.
        Subsidies => ("subsidies", "对附属单位补助支出"),
    }
}

impl Nature {
    /// This nature's amount of a line, zero when not entered (a blank cell).
    pub fn of(self, line: &FunctionalLine) -> Wan {
        self.entered(line).unwrap_or_default()
    }

    /// This nature's amount of a line as entered.
    pub fn entered(self, line: &FunctionalLine) -> Option<Wan> {
        match self {
            Nature::Basic => line.basic,
            Nature::Project => line.project,
            Nature::Remitted => line.remitted,
            Nature::Business => line.business,
            Nature::Subsidies => line.subsidies,
        }
    }

    /// This nature's field of a line, to edit.
    pub fn of_mut(self, line: &mut FunctionalLine) -> &mut Option<Wan> {
        match self {
            Nature::Basic => &mut line.basic,
            Nature::Project => &mut line.project,
            Nature::Remitted => &mut line.remitted,
            Nature::Business => &mut line.business,
            Nature::Subsidies => &mut line.subsidies,
        }
    }

    /// The line's cell of this nature.
    pub fn field(self) -> LineField {
        match self {
            Nature::Basic => LineField::Basic,
            Nature::Project => LineField::Project,
            Nature::Remitted => LineField::Remitted,
            Nature::Business => LineField::Business,
            Nature::Subsidies => LineField::Subsidies,
        }
    }
}

field_enum! {
    /// The two groups of 基本支出.
    pub enum CostGroup {
        /// 人员经费.
        Personnel => ("personnel", "人员经费"),
        /// 公用经费.
        Public => ("public", "公用经费"),
    }
}

impl CostGroup {
    /// The group's entry.
    pub fn of(self, costs: &BasicCosts) -> &CostEntry {
        match self {
            CostGroup::Personnel => &costs.personnel,
            CostGroup::Public => &costs.public,
        }
    }

    /// The group's entry, to edit.
    pub fn of_mut(self, costs: &mut BasicCosts) -> &mut CostEntry {
        match self {
            CostGroup::Personnel => &mut costs.personnel,
            CostGroup::Public => &mut costs.public,
        }
    }
}

field_enum! {
    /// The fields of a group entered as one total.
    pub enum CostTotalField {
        /// The total.
        Amount => ("total.amount", "合计"),
        /// What it mainly includes.
        ItemNames => ("total.item_names", "主要包括的项目"),
    }
}

field_enum! {
    /// The fields of an economic-classification item.
    pub enum CostItemField {
        /// 经济分类编码.
        Code => ("code", "经济分类编码"),
        /// 名称.
        Name => ("name", "名称"),
        /// 金额.
        Amount => ("amount", "金额"),
    }
}

/// 本年收入 by its eight sources. 本年收入合计 is computed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revenue {
    /// 一般公共预算财政拨款收入.
    pub general_budget: Option<Wan>,
    /// 政府性基金预算财政拨款收入.
    pub government_fund: Option<Wan>,
    /// 国有资本经营预算财政拨款收入.
    pub state_capital: Option<Wan>,
    /// 上级补助收入.
    pub higher_level_grants: Option<Wan>,
    /// 事业收入.
    pub operations: Option<Wan>,
    /// 经营收入.
    pub business: Option<Wan>,
    /// 附属单位上缴收入.
    pub from_subsidiaries: Option<Wan>,
    /// 其他收入.
    pub other: Option<Wan>,
    /// Why the totals changed against last year (the user's words, e.g. 人员变动、项目资金变动).
    pub change_reason: String,
    /// 本年收入 by 功能分类 项, for 表2 收入决算表; empty when not entered (the table then has
    /// only its 合计 row). Each source column must add up to the source above. Written even
    /// when empty, so that its path names a value of every file; read as empty when absent
    /// (schema 1).
    #[serde(default)]
    pub by_function: Vec<RevenueLine>,
}

/// One row of 表2 收入决算表: a 项 of the functional classification, by source.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevenueLine {
    /// The 7-digit 项 code, e.g. `2013101`.
    pub code: String,
    /// Names given by the user for a code the catalog does not know; otherwise the catalog's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub names: Option<ClassNames>,
    /// 财政拨款收入 (the three fiscal appropriations together, as the table has them).
    pub appropriation: Option<Wan>,
    /// 上级补助收入.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub higher_level_grants: Option<Wan>,
    /// 事业收入.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operations: Option<Wan>,
    /// 经营收入.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business: Option<Wan>,
    /// 附属单位上缴收入.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_subsidiaries: Option<Wan>,
    /// 其他收入.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<Wan>,
}

/// The source columns of 表2 after 本年收入合计, in the table's order.
pub const REVENUE_SOURCES: [RevenueSource; 6] = [
    RevenueSource::Appropriation,
    RevenueSource::HigherLevelGrants,
    RevenueSource::Operations,
    RevenueSource::Business,
    RevenueSource::FromSubsidiaries,
    RevenueSource::Other,
];

/// A source column of 表2 收入决算表.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RevenueSource {
    /// 财政拨款收入.
    Appropriation,
    /// 上级补助收入.
    HigherLevelGrants,
    /// 事业收入.
    Operations,
    /// 经营收入.
    Business,
    /// 附属单位上缴收入.
    FromSubsidiaries,
    /// 其他收入.
    Other,
}

impl RevenueSource {
    /// The column's name.
    pub fn label(self) -> &'static str {
        match self {
            RevenueSource::Appropriation => "财政拨款收入",
            RevenueSource::HigherLevelGrants => "上级补助收入",
            RevenueSource::Operations => "事业收入",
            RevenueSource::Business => "经营收入",
            RevenueSource::FromSubsidiaries => "附属单位上缴收入",
            RevenueSource::Other => "其他收入",
        }
    }

    /// The field name, in a revenue line and (except 财政拨款) in [`Revenue`].
    pub fn key(self) -> &'static str {
        match self {
            RevenueSource::Appropriation => "appropriation",
            RevenueSource::HigherLevelGrants => "higher_level_grants",
            RevenueSource::Operations => "operations",
            RevenueSource::Business => "business",
            RevenueSource::FromSubsidiaries => "from_subsidiaries",
            RevenueSource::Other => "other",
        }
    }

    /// This source's amount in `revenue` (财政拨款: the three appropriations together).
    pub fn of_revenue(self, revenue: &Revenue) -> Wan {
        match self {
            RevenueSource::Appropriation => [
                revenue.general_budget,
                revenue.government_fund,
                revenue.state_capital,
            ]
            .into_iter()
            .sum(),
            RevenueSource::HigherLevelGrants => revenue.higher_level_grants.unwrap_or_default(),
            RevenueSource::Operations => revenue.operations.unwrap_or_default(),
            RevenueSource::Business => revenue.business.unwrap_or_default(),
            RevenueSource::FromSubsidiaries => revenue.from_subsidiaries.unwrap_or_default(),
            RevenueSource::Other => revenue.other.unwrap_or_default(),
        }
    }

    /// This source's amount in a line, zero when not entered (a blank cell).
    pub fn of_line(self, line: &RevenueLine) -> Wan {
        self.entered_in_line(line).unwrap_or_default()
    }

    /// This source's amount in a line as entered.
    pub fn entered_in_line(self, line: &RevenueLine) -> Option<Wan> {
        match self {
            RevenueSource::Appropriation => line.appropriation,
            RevenueSource::HigherLevelGrants => line.higher_level_grants,
            RevenueSource::Operations => line.operations,
            RevenueSource::Business => line.business,
            RevenueSource::FromSubsidiaries => line.from_subsidiaries,
            RevenueSource::Other => line.other,
        }
    }

    /// The line's field for this source, to edit.
    pub fn in_line(self, line: &mut RevenueLine) -> &mut Option<Wan> {
        match self {
            RevenueSource::Appropriation => &mut line.appropriation,
            RevenueSource::HigherLevelGrants => &mut line.higher_level_grants,
            RevenueSource::Operations => &mut line.operations,
            RevenueSource::Business => &mut line.business,
            RevenueSource::FromSubsidiaries => &mut line.from_subsidiaries,
            RevenueSource::Other => &mut line.other,
        }
    }
}

impl RevenueLine {
    /// 本年收入合计 of the line.
    pub fn total(&self) -> Wan {
        REVENUE_SOURCES.iter().map(|s| s.of_line(self)).sum()
    }

    /// A first draft of 表2 from the expenditure: one row per code, with the fiscal-appropriation
    /// expenditure of that code as its 财政拨款收入. Exact when appropriations carry no balances
    /// (收入 = 支出 code by code); otherwise a start for the clerk to correct. Non-appropriation
    /// expenditure is left out: which source paid for it is not in the expenditure.
    pub fn draft_from(lines: &[FunctionalLine]) -> Vec<RevenueLine> {
        let mut rows: std::collections::BTreeMap<&str, RevenueLine> = Default::default();
        for line in lines.iter().filter(|l| l.fund.is_appropriation()) {
            let row = rows.entry(&line.code).or_insert_with(|| RevenueLine {
                code: line.code.clone(),
                ..RevenueLine::default()
            });
            row.appropriation = Some(row.appropriation.unwrap_or_default() + line.total());
            if row.names.is_none() {
                row.names = line.names.clone();
            }
        }
        rows.into_values()
            .filter(|r| r.appropriation.is_some_and(|a| !a.is_zero()))
            .collect()
    }
}

/// The source of money a line or a balance belongs to.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Fund {
    /// 一般公共预算财政拨款.
    #[default]
    #[serde(rename = "一般公共预算财政拨款")]
    GeneralBudget,
    /// 政府性基金预算财政拨款.
    #[serde(rename = "政府性基金预算财政拨款")]
    GovernmentFund,
    /// 国有资本经营预算财政拨款.
    #[serde(rename = "国有资本经营预算财政拨款")]
    StateCapital,
    /// 非财政拨款资金 (上级补助、事业、经营、其他收入 and their balances).
    #[serde(rename = "非财政拨款")]
    NonAppropriation,
}

impl Fund {
    /// All funds, in the order the tables list them.
    pub const ALL: [Fund; 4] = [
        Fund::GeneralBudget,
        Fund::GovernmentFund,
        Fund::StateCapital,
        Fund::NonAppropriation,
    ];

    /// The three fiscal appropriations (财政拨款).
    pub const APPROPRIATIONS: [Fund; 3] = [
        Fund::GeneralBudget,
        Fund::GovernmentFund,
        Fund::StateCapital,
    ];

    /// The fund's key in [`Balances`].
    pub fn key(self) -> &'static str {
        match self {
            Fund::GeneralBudget => "general_budget",
            Fund::GovernmentFund => "government_fund",
            Fund::StateCapital => "state_capital",
            Fund::NonAppropriation => "non_appropriation",
        }
    }

    /// Whether this is a fiscal appropriation (财政拨款).
    pub fn is_appropriation(self) -> bool {
        self != Fund::NonAppropriation
    }

    /// The fund's name as the document writes it.
    pub fn label(self) -> &'static str {
        match self {
            Fund::GeneralBudget => "一般公共预算财政拨款",
            Fund::GovernmentFund => "政府性基金预算财政拨款",
            Fund::StateCapital => "国有资本经营预算财政拨款",
            Fund::NonAppropriation => "非财政拨款",
        }
    }
}

/// Opening and closing balance of one fund (年初/年末结转和结余).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FundBalance {
    /// 年初结转和结余.
    pub opening: Wan,
    /// 年末结转和结余.
    pub closing: Option<Wan>,
    /// Last year's 年末结转和结余, which this year's opening must equal; `None` if not entered.
    pub prior_closing: Option<Wan>,
}

/// 结转结余 by fund, and the items that bridge 本年 to 总计.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Balances {
    /// 一般公共预算财政拨款结转结余.
    pub general_budget: FundBalance,
    /// 政府性基金预算财政拨款结转结余.
    pub government_fund: FundBalance,
    /// 国有资本经营预算财政拨款结转结余.
    pub state_capital: FundBalance,
    /// 非财政拨款结转结余.
    pub non_appropriation: FundBalance,
    /// 使用非财政拨款结余 (a revenue-side bridge item).
    pub use_of_non_appropriation_surplus: Option<Wan>,
    /// 结余分配 (an expenditure-side bridge item).
    pub surplus_distribution: Option<Wan>,
    /// Set when the opening balances were carried over from last year's closing balances
    /// (新建下一年度): they are locked until the clerk says why they must change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried: Option<Carried>,
}

/// Opening balances carried over from last year's project (年初数提取), as the filing tool
/// extracts them: locked, editable only once unlocked with a reason, which is kept.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Carried {
    /// Why the clerk unlocked them; empty while they are locked.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unlock_reason: String,
}

impl Carried {
    /// The fewest characters (not counting spaces) of a reason that unlocks the opening
    /// balances: a word typed by accident, or the first character of a reason being typed,
    /// unlocks nothing.
    pub const MIN_REASON_CHARS: usize = 4;

    /// Whether the reason is long enough to unlock.
    pub fn unlocked(&self) -> bool {
        self.unlock_reason
            .chars()
            .filter(|c| !c.is_whitespace())
            .count()
            >= Self::MIN_REASON_CHARS
    }
}

impl Balances {
    /// Whether the opening balances are carried over from last year and still locked.
    pub fn opening_locked(&self) -> bool {
        self.carried.as_ref().is_some_and(|c| !c.unlocked())
    }

    /// The balance of one fund.
    pub fn of(&self, fund: Fund) -> &FundBalance {
        match fund {
            Fund::GeneralBudget => &self.general_budget,
            Fund::GovernmentFund => &self.government_fund,
            Fund::StateCapital => &self.state_capital,
            Fund::NonAppropriation => &self.non_appropriation,
        }
    }

    /// The balance of one fund, to edit.
    pub fn of_mut(&mut self, fund: Fund) -> &mut FundBalance {
        match fund {
            Fund::GeneralBudget => &mut self.general_budget,
            Fund::GovernmentFund => &mut self.government_fund,
            Fund::StateCapital => &mut self.state_capital,
            Fund::NonAppropriation => &mut self.non_appropriation,
        }
    }
}

/// 支出: the year's expenditure as lines of the functional classification.
///
/// Each line is one 项 of one fund, split by nature; the totals by nature (基本支出, 项目支出, …),
/// by 类 and by fund are all computed from the lines.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expenditure {
    /// The lines, in the order the clerk keeps them; documents sort by code.
    pub lines: Vec<FunctionalLine>,
    /// Why 一般公共预算财政拨款支出 changed against last year.
    pub general_budget_change_reason: String,
    /// Why 财政拨款收、支总计 changed against last year.
    pub appropriation_change_reason: String,
    /// 一般公共预算财政拨款项目支出 by 经济分类 款 (30201 办公费, 31002 办公设备购置 …), which
    /// 四川's 一般公共预算财政拨款支出决算明细表 prints beside 基本支出's; empty until entered.
    /// Its sum is the lines' 一般公共预算 项目支出, which stays the figure (JS-213 compares them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub project_economic: Vec<EconomicItem>,
}

impl Expenditure {
    /// The sum of 项目支出's economic items; `None` while no item has an amount (not broken
    /// down yet, even with 科目 chosen).
    pub fn project_economic_total(&self) -> Option<Wan> {
        crate::money::sum_entered(self.project_economic.iter().map(|i| i.amount))
    }
}

/// One line of the 支出决算表: a 项 of the functional classification, for one fund.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FunctionalLine {
    /// The 7-digit 项 code, e.g. `2013101`.
    pub code: String,
    /// Names given by the user for a code the catalog does not know; otherwise the catalog's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub names: Option<ClassNames>,
    /// Which money pays for it.
    pub fund: Fund,
    /// 预算数 (调整后，全年预算), for completion wording; `None` when not entered.
    pub budget: Option<Wan>,
    /// 年初预算数, for "完成年初预算的X%"; `None` when not entered (a unit set up mid-year has 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_budget: Option<Wan>,
    /// 上年决算数 of this line; `None` when not entered. A line last year had and this year
    /// does not is entered with zero amounts and its prior figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior: Option<Wan>,
    /// 基本支出.
    pub basic: Option<Wan>,
    /// 项目支出.
    pub project: Option<Wan>,
    /// 上缴上级支出.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remitted: Option<Wan>,
    /// 经营支出.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business: Option<Wan>,
    /// 对附属单位补助支出.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subsidies: Option<Wan>,
    /// Why 决算数 differs from 预算数 (the user's words).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub deviation_reason: String,
}

impl FunctionalLine {
    /// 决算数 of the line: the sum of its natures.
    pub fn total(&self) -> Wan {
        [
            self.basic,
            self.project,
            self.remitted,
            self.business,
            self.subsidies,
        ]
        .into_iter()
        .sum()
    }

    /// The 类 code (first 3 digits), if the code has them.
    pub fn class_code(&self) -> Option<&str> {
        self.code.get(..3)
    }

    /// The 款 code (first 5 digits), if the code has them.
    pub fn section_code(&self) -> Option<&str> {
        self.code.get(..5)
    }
}

/// The names of a 项 at its three levels, for codes the catalog does not know.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassNames {
    /// 类 name.
    pub class: String,
    /// 款 name.
    pub section: String,
    /// 项 name.
    pub item: String,
}

/// 一般公共预算财政拨款基本支出 split into 人员经费 and 公用经费.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BasicCosts {
    /// 人员经费 (301 工资福利支出 + 303 对个人和家庭的补助).
    pub personnel: CostEntry,
    /// 公用经费 (302 商品和服务支出 + 310 资本性支出, basic part); the document calls it 日常公用经费.
    pub public: CostEntry,
}

impl Default for BasicCosts {
    fn default() -> BasicCosts {
        BasicCosts {
            personnel: CostEntry::Total {
                amount: None,
                item_names: Vec::new(),
            },
            public: CostEntry::Total {
                amount: None,
                item_names: Vec::new(),
            },
        }
    }
}

/// A cost group entered either as one total or as economic-classification items.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum CostEntry {
    /// Only the total is known; `item_names` lists what it mainly includes, for the text.
    Total {
        /// The total; `None` when not entered.
        amount: Option<Wan>,
        /// Names of the items it mainly includes (主要包括…).
        item_names: Vec<String>,
    },
    /// The items of the economic classification; the total is their sum.
    Items(Vec<EconomicItem>),
}

impl CostEntry {
    /// The group's amount as entered: the total, or the sum of the items; blank when nothing is
    /// entered.
    pub fn entered(&self) -> Option<Wan> {
        match self {
            CostEntry::Total { amount, .. } => *amount,
            CostEntry::Items(items) => crate::money::sum_entered(items.iter().map(|i| i.amount)),
        }
    }

    /// The group's amount: the entered total, or the sum of the items.
    pub fn amount(&self) -> Wan {
        self.entered().unwrap_or_default()
    }

    /// The names the text lists after 主要包括: the entered names, or the items with an amount.
    pub fn item_names(&self) -> Vec<&str> {
        match self {
            CostEntry::Total { item_names, .. } => item_names.iter().map(String::as_str).collect(),
            CostEntry::Items(items) => items
                .iter()
                .filter(|i| i.amount.is_some_and(|a| !a.is_zero()))
                .map(|i| i.name.as_str())
                .collect(),
        }
    }
}

/// One item of the economic classification (支出经济分类), e.g. 30101 基本工资.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EconomicItem {
    /// The 5-digit code, e.g. `30101`.
    pub code: String,
    /// The name, e.g. 基本工资.
    pub name: String,
    /// The amount.
    pub amount: Option<Wan>,
}
