//! 预算绩效管理: the department's self-assessment and one self-assessment table per project.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::TextSection;
use super::path::field_enum;
use crate::money::Wan;

field_enum! {
    /// The fields of 预算绩效管理 and the department self-assessment (附件1).
    pub enum PerformanceField {
        /// 事前绩效评估项目数.
        PriorAssessmentProjects => ("prior_assessment_projects", "事前绩效评估项目数"),
        /// 编制绩效目标项目数.
        TargetProjects => ("target_projects", "编制绩效目标项目数"),
        /// 绩效监控项目数.
        MonitoredProjects => ("monitored_projects", "绩效监控项目数"),
        /// 绩效自评项目数.
        SelfAssessedProjects => ("self_assessed_projects", "绩效自评项目数"),
        /// 绩效自评涉及资金.
        SelfAssessedFunds => ("self_assessed_funds", "绩效自评涉及资金"),
        /// 部门评价项目数.
        EvaluatedProjects => ("evaluated_projects", "部门评价项目数"),
        /// 部门评价涉及资金.
        EvaluatedFunds => ("evaluated_funds", "部门评价涉及资金"),
        /// The department report as a whole.
        Department => ("department", "部门整体绩效自评"),
        /// 报告标题.
        Title => ("department.title", "自评报告标题"),
        /// 年初预算收入.
        InitialBudgetRevenue => ("department.initial_budget_revenue", "年初预算收入"),
        /// 年初预算支出.
        InitialBudgetExpenditure => ("department.initial_budget_expenditure", "年初预算支出"),
        /// 总分.
        FullScore => ("department.full_score", "自评总分（满分）"),
        /// 自评得分.
        Score => ("department.score", "自评得分"),
        /// 绩效自评综述.
        Summary => ("department.summary", "绩效自评综述"),
        /// The report's sections.
        Sections => ("department.sections", "自评报告各部分"),
        /// 评价结论.
        Conclusion => ("department.conclusion", "评价结论"),
        /// 存在问题.
        Problems => ("department.problems", "存在问题"),
        /// 改进建议.
        Improvements => ("department.improvements", "改进建议"),
    }
}

field_enum! {
    /// The fields of a text section (heading and paragraphs).
    pub enum SectionField {
        /// 标题.
        Heading => ("heading", "标题"),
        /// 段落.
        Paragraphs => ("paragraphs", "段落"),
    }
}

field_enum! {
    /// The fields of a project's self-assessment.
    pub enum ProjectField {
        /// 项目编码.
        Code => ("code", "项目编码"),
        /// 项目名称.
        Name => ("name", "项目名称"),
        /// 主管部门.
        SupervisingDepartment => ("supervising_department", "主管部门"),
        /// 实施单位.
        ImplementingUnit => ("implementing_unit", "实施单位"),
        /// 项目年度目标.
        AnnualGoal => ("annual_goal", "年度目标"),
        /// 年度目标完成情况.
        GoalCompletion => ("goal_completion", "年度目标完成情况"),
        /// 项目实施内容及过程概述.
        Implementation => ("implementation", "项目实施内容及过程概述"),
        /// 预算执行情况.
        Funds => ("funds", "预算执行情况"),
        /// 预算执行权重.
        BudgetWeight => ("budget_weight", "预算执行权重"),
        /// 预算执行得分.
        BudgetScore => ("budget_score", "预算执行得分"),
        /// 执行率偏低或预算调整的原因.
        ExecutionReason => ("execution_reason", "预算执行偏差原因"),
        /// 绩效指标.
        Indicators => ("indicators", "绩效指标"),
        /// 合计得分.
        StatedTotalScore => ("stated_total_score", "合计得分"),
        /// 评价结论.
        Conclusion => ("conclusion", "评价结论"),
        /// 存在问题.
        Problems => ("problems", "存在问题"),
        /// 改进措施.
        Measures => ("measures", "改进措施"),
        /// 项目负责人.
        ProjectLead => ("project_lead", "项目负责人"),
        /// 财务负责人.
        FinanceLead => ("finance_lead", "财务负责人"),
        /// 绩效自评综述.
        Summary => ("summary", "绩效自评综述"),
        /// 项目资金分配情况.
        Spending => ("spending", "项目资金分配情况"),
        /// 项目评价报告各部分.
        ReportSections => ("report_sections", "项目评价报告各部分"),
    }
}

field_enum! {
    /// The fund rows of a project's 预算执行 block.
    pub enum ProjectFund {
        /// 财政资金.
        Fiscal => ("fiscal", "财政资金"),
        /// 财政专户管理资金.
        SpecialAccount => ("special_account", "财政专户管理资金"),
        /// 单位资金.
        Unit => ("unit", "单位资金"),
        /// 其他资金.
        Other => ("other", "其他资金"),
    }
}

impl ProjectFund {
    /// The row.
    pub fn of(self, funds: &ProjectFunds) -> &FundExecution {
        match self {
            ProjectFund::Fiscal => &funds.fiscal,
            ProjectFund::SpecialAccount => &funds.special_account,
            ProjectFund::Unit => &funds.unit,
            ProjectFund::Other => &funds.other,
        }
    }

    /// The row, to edit.
    pub fn of_mut(self, funds: &mut ProjectFunds) -> &mut FundExecution {
        match self {
            ProjectFund::Fiscal => &mut funds.fiscal,
            ProjectFund::SpecialAccount => &mut funds.special_account,
            ProjectFund::Unit => &mut funds.unit,
            ProjectFund::Other => &mut funds.other,
        }
    }
}

field_enum! {
    /// The columns of a project's 预算执行 block.
    pub enum FundColumn {
        /// 年初预算数.
        Initial => ("initial", "年初预算数"),
        /// 调整后预算数.
        Adjusted => ("adjusted", "调整后预算数"),
        /// 预算执行数.
        Executed => ("executed", "预算执行数"),
    }
}

impl FundColumn {
    /// The cell of a row.
    pub fn of(self, row: &FundExecution) -> Option<Wan> {
        match self {
            FundColumn::Initial => row.initial,
            FundColumn::Adjusted => row.adjusted,
            FundColumn::Executed => row.executed,
        }
    }

    /// The cell of a row, to edit.
    pub fn of_mut(self, row: &mut FundExecution) -> &mut Option<Wan> {
        match self {
            FundColumn::Initial => &mut row.initial,
            FundColumn::Adjusted => &mut row.adjusted,
            FundColumn::Executed => &mut row.executed,
        }
    }
}

field_enum! {
    /// The cells of a performance indicator.
    pub enum IndicatorField {
        /// 一级指标.
        Level1 => ("level1", "一级指标"),
        /// 二级指标.
        Level2 => ("level2", "二级指标"),
        /// 三级指标.
        Name => ("name", "三级指标"),
        /// 指标性质.
        Nature => ("nature", "指标性质"),
        /// 指标值.
        Target => ("target", "指标值"),
        /// 度量单位.
        Unit => ("unit", "度量单位"),
        /// 完成值.
        Actual => ("actual", "完成值"),
        /// 权重.
        Weight => ("weight", "权重"),
        /// 得分.
        Score => ("score", "得分"),
        /// 未完成原因.
        ShortfallReason => ("shortfall_reason", "未完成原因分析"),
    }
}

field_enum! {
    /// The fields of a spending item.
    pub enum SpendingField {
        /// 用途.
        Name => ("name", "用途"),
        /// 金额.
        Amount => ("amount", "金额"),
    }
}

/// 预算绩效管理情况 and the department self-assessment report (附件1).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerformanceManagement {
    /// Projects given a prior performance assessment (事前绩效评估).
    #[serde(default)]
    pub prior_assessment_projects: Option<u32>,
    /// Projects with performance targets (编制绩效目标).
    #[serde(default)]
    pub target_projects: Option<u32>,
    /// Projects monitored during the year (绩效监控).
    #[serde(default)]
    pub monitored_projects: Option<u32>,
    /// Projects self-assessed after the year (绩效自评), as 财政部's wording and 四川's state it
    /// ("对X个项目开展了绩效目标完成情况自评"); `None` until entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_assessed_projects: Option<u32>,
    /// The funds those self-assessments cover ("共涉及资金X万元，占一般公共预算项目支出总额的X%").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_assessed_funds: Option<Wan>,
    /// Projects evaluated by the department itself (部门评价, 重点评价).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluated_projects: Option<u32>,
    /// The funds those evaluations cover ("涉及一般公共预算当年财政拨款X万元").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluated_funds: Option<Wan>,
    /// The department's self-assessment report.
    pub department: DepartmentAssessment,
}

/// 部门整体绩效自评 (附件1).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentAssessment {
    /// The report's title, e.g. 2023年区委绩效办部门预算绩效评价报告.
    pub title: String,
    /// 年初预算收入.
    pub initial_budget_revenue: Option<Wan>,
    /// 年初预算支出.
    pub initial_budget_expenditure: Option<Wan>,
    /// 总分 (full marks) as stated.
    pub full_score: Option<Decimal>,
    /// 自评得分.
    pub score: Option<Decimal>,
    /// 绩效自评综述, as the 预算绩效管理情况 section quotes it.
    pub summary: String,
    /// The report's analysis sections (部门预算绩效分析 …), the user's words.
    pub sections: Vec<TextSection>,
    /// 评价结论.
    pub conclusion: String,
    /// 存在问题.
    pub problems: Vec<String>,
    /// 改进建议.
    pub improvements: Vec<String>,
}

/// 项目支出绩效自评表 for one project, with its report (附件2).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectAssessment {
    /// 项目编码, e.g. 51090423T000007749267.
    pub code: String,
    /// 项目名称.
    pub name: String,
    /// 主管部门.
    pub supervising_department: String,
    /// 实施单位.
    pub implementing_unit: String,
    /// 项目年度目标.
    pub annual_goal: String,
    /// 年度目标完成情况.
    pub goal_completion: String,
    /// 项目实施内容及过程概述.
    pub implementation: String,
    /// 预算执行情况 by fund; the 总额 row is computed.
    pub funds: ProjectFunds,
    /// 预算执行 weight (normally 10).
    pub budget_weight: Decimal,
    /// 预算执行 score.
    pub budget_score: Option<Decimal>,
    /// Why 执行率 is below 90%, or why the budget was adjusted (the user's words).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub execution_reason: String,
    /// 绩效指标.
    pub indicators: Vec<Indicator>,
    /// 合计得分 as the table states it; the checks compare it with the sum of scores.
    pub stated_total_score: Option<Decimal>,
    /// 评价结论.
    pub conclusion: String,
    /// 存在问题.
    pub problems: String,
    /// 改进措施.
    pub measures: String,
    /// 项目负责人.
    pub project_lead: String,
    /// 财务负责人.
    pub finance_lead: String,
    /// 绩效自评综述, as the 预算绩效管理情况 section quotes it.
    pub summary: String,
    /// How the executed money was spent (项目资金分配情况), item by item.
    pub spending: Vec<SpendingItem>,
    /// The project report's text sections (附件2), the user's words.
    pub report_sections: Vec<TextSection>,
}

/// 预算执行情况 rows of a self-assessment table. 总额 = the sum of the rows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectFunds {
    /// 财政资金.
    pub fiscal: FundExecution,
    /// 财政专户管理资金.
    pub special_account: FundExecution,
    /// 单位资金.
    pub unit: FundExecution,
    /// 其他资金 (社会投入资金、银行贷款).
    pub other: FundExecution,
}

impl ProjectFunds {
    /// The rows with their names, in table order.
    pub fn rows(&self) -> [(&'static str, &FundExecution); 4] {
        [
            ("财政资金", &self.fiscal),
            ("财政专户管理资金", &self.special_account),
            ("单位资金", &self.unit),
            ("其他资金", &self.other),
        ]
    }

    /// Whether a row has an amount in one column and a blank in the next (年初预算 without
    /// 调整后预算, or 调整后预算 without 执行数): the later column's total is then a sum of what
    /// has been entered so far, not a figure to judge.
    pub fn half_entered(
        &self,
        first: fn(&FundExecution) -> Option<Wan>,
        then: fn(&FundExecution) -> Option<Wan>,
    ) -> bool {
        self.rows()
            .iter()
            .any(|(_, row)| first(row).is_some_and(|a| !a.is_zero()) && then(row).is_none())
    }
}

/// One fund row: 年初预算, 调整后预算, 执行数. Empty cells are `None`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FundExecution {
    /// 年初预算数.
    pub initial: Option<Wan>,
    /// 调整后预算数.
    pub adjusted: Option<Wan>,
    /// 预算执行数.
    pub executed: Option<Wan>,
}

/// One performance indicator (三级指标) of a self-assessment table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// 一级指标.
    pub level1: IndicatorKind,
    /// 二级指标, e.g. 数量指标.
    pub level2: String,
    /// 三级指标, e.g. 媒体宣传.
    pub name: String,
    /// 指标性质.
    pub nature: IndicatorNature,
    /// 指标值 as written: a number for quantitative indicators, a grade for qualitative ones.
    pub target: String,
    /// 度量单位, e.g. 次, 台, %, 万元.
    pub unit: String,
    /// 完成值, `None` while not filled in.
    pub actual: Option<String>,
    /// 权重.
    pub weight: Decimal,
    /// 得分, `None` while not scored.
    pub score: Option<Decimal>,
    /// 未完成原因分析.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub shortfall_reason: String,
}

/// 一级指标.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum IndicatorKind {
    /// 产出指标.
    #[default]
    #[serde(rename = "产出指标")]
    Output,
    /// 效益指标.
    #[serde(rename = "效益指标")]
    Effect,
    /// 满意度指标.
    #[serde(rename = "满意度指标")]
    Satisfaction,
    /// 成本指标.
    #[serde(rename = "成本指标")]
    Cost,
}

impl IndicatorKind {
    /// The name as the table writes it.
    pub fn label(self) -> &'static str {
        match self {
            IndicatorKind::Output => "产出指标",
            IndicatorKind::Effect => "效益指标",
            IndicatorKind::Satisfaction => "满意度指标",
            IndicatorKind::Cost => "成本指标",
        }
    }
}

/// 指标性质: how the 完成值 is compared with the 指标值.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum IndicatorNature {
    /// ≥: the more the better.
    #[default]
    #[serde(rename = "≥")]
    AtLeast,
    /// ≤: the less the better.
    #[serde(rename = "≤")]
    AtMost,
    /// ＝: exactly the target.
    #[serde(rename = "＝")]
    Equal,
    /// 定性: graded, not computed.
    #[serde(rename = "定性")]
    Qualitative,
}

impl IndicatorNature {
    /// The sign as the table writes it.
    pub fn label(self) -> &'static str {
        match self {
            IndicatorNature::AtLeast => "≥",
            IndicatorNature::AtMost => "≤",
            IndicatorNature::Equal => "＝",
            IndicatorNature::Qualitative => "定性",
        }
    }
}

/// One item of 项目资金分配情况, e.g. 办公费 4.14 万元.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpendingItem {
    /// What the money was spent on.
    pub name: String,
    /// How much.
    pub amount: Option<Wan>,
}
