//! The coverage ledger (审核覆盖): for every rule, whether it checked the project, did not apply
//! to it (and why), or could not run because data it needs is missing (and which).
//!
//! A rule declares what it needs ([`Need`]); the runner tests the needs before running the rule,
//! so a rule that could not run is never counted as a pass, and the reason is the same wherever
//! it is shown (the findings panel, `check`, `rules`, `docs/rules.md`).

use std::fmt;

use serde::Serialize;

use super::{Context, Severity};
use crate::model::{
    BalanceSide, ControlTotal, CostEntry, CostGroup, ExpenditureField, FieldPath,
    MeetingsTrainingField, PerformanceField, PriorFigure, RevenueField, Root, RunningField,
    ThreePublicField, UnitField, UnitKind,
};

/// What a rule needs of the project before it can say anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// The 支出决算表's functional lines.
    Lines,
    /// A catalog of the project's year.
    Catalog,
    /// 基本支出 split into 人员经费 and 公用经费.
    CostSplit,
    /// 人员经费 or 公用经费 entered by economic item.
    EconomicItems,
    /// 收入决算表 by functional class.
    RevenueByFunction,
    /// Last year's closing balances.
    PriorClosing,
    /// Any of last year's figures.
    PriorYear,
    /// One prior-year figure.
    Prior(PriorFigure),
    /// Any prior-year "三公" figure.
    ThreePublicPrior,
    /// This year's 机关运行经费 (a blank is not a zero to compare).
    RunningCosts,
    /// Last year's 机关运行经费.
    RunningCostsPrior,
    /// This year's 会议费 or 培训费 (stated where the template asks for them).
    MeetingsTraining,
    /// The projects self-assessed, or the funds they cover (stated where the template asks).
    SelfAssessment(SelfAssessed),
    /// A 报表数.
    Control(ControlTotal),
    /// Any 报表数.
    AnyControl,
    /// Figures entered in 万元 (rounding differences exist only then).
    EnteredInWan,
    /// Project self-assessments, where there is 项目支出.
    Projects,
    /// A project's spending breakdown.
    ProjectSpending,
    /// The 预算数 of a general-budget line.
    LineBudgets,
    /// The department self-assessment's full score.
    DepartmentScore,
    /// An administrative unit or one managed as such (机关运行经费 applies to them only).
    Administrative,
    /// A 事业单位 not managed as a civil-service unit.
    PublicService,
    /// The day the accounts were approved (决算批复日期).
    ApprovalDate,
    /// A template that prints the signatures.
    SignOffPrinted,
    /// Amounts entered on some line of the 支出决算表 (a year just begun has none yet).
    LineAmounts,
    /// 一般公共预算财政拨款项目支出 by economic item (where there is some and the template
    /// prints it by 经济分类).
    ProjectEconomic,
    /// 在职人员 by 岗位, all three, and the 实有人数 they divide.
    StaffByPost,
}

/// What of the year's 绩效自评 a rule needs: the count of projects or the funds they cover.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelfAssessed {
    /// 绩效自评项目数.
    Projects,
    /// 绩效自评涉及资金.
    Funds,
}

impl SelfAssessed {
    /// Its field of 预算绩效管理, from which its path and name follow.
    fn performance_field(self) -> PerformanceField {
        match self {
            SelfAssessed::Projects => PerformanceField::SelfAssessedProjects,
            SelfAssessed::Funds => PerformanceField::SelfAssessedFunds,
        }
    }

    fn field(self) -> FieldPath {
        FieldPath::performance(self.performance_field())
    }

    fn label(self) -> &'static str {
        self.performance_field().label()
    }

    /// The figure's name in templates (`绩效.自评资金`): a template that names it states it.
    fn figure(self) -> &'static str {
        match self {
            SelfAssessed::Projects => "自评项目数",
            SelfAssessed::Funds => "自评资金",
        }
    }

    fn entered(self, p: &crate::model::Project) -> bool {
        let pm = &p.performance;
        match self {
            SelfAssessed::Projects => pm.self_assessed_projects.is_some(),
            SelfAssessed::Funds => pm.self_assessed_funds.is_some(),
        }
    }
}

impl Need {
    /// What is needed, as the ledger and the rule catalog name it.
    pub fn label(self) -> String {
        match self {
            Need::Lines => "支出决算表的功能分类科目".to_owned(),
            Need::Catalog => "本年度的科目表".to_owned(),
            Need::CostSplit => "人员经费和公用经费".to_owned(),
            Need::EconomicItems => "基本支出按经济分类科目的明细".to_owned(),
            Need::RevenueByFunction => "收入决算表按功能分类科目的各行".to_owned(),
            Need::PriorClosing => "上年年末结转和结余".to_owned(),
            Need::PriorYear => "上年决算数".to_owned(),
            Need::Prior(f) => format!("上年数“{}”", f.label()),
            Need::ThreePublicPrior => "“三公”经费各项的上年数".to_owned(),
            Need::RunningCosts => "机关运行经费".to_owned(),
            Need::RunningCostsPrior => "机关运行经费的上年数".to_owned(),
            Need::MeetingsTraining => "会议费或培训费的决算数".to_owned(),
            Need::SelfAssessment(s) => s.label().to_owned(),
            Need::Control(t) => t.label().to_owned(),
            Need::AnyControl => "从官方报表照抄的报表数".to_owned(),
            Need::EnteredInWan => "按万元录入".to_owned(),
            Need::Projects => "项目支出绩效自评表".to_owned(),
            Need::ProjectSpending => "项目资金分配明细".to_owned(),
            Need::LineBudgets => "一般公共预算财政拨款科目的预算数".to_owned(),
            Need::DepartmentScore => "部门整体自评的总分".to_owned(),
            Need::Administrative => "行政单位或参公事业单位".to_owned(),
            Need::PublicService => "事业单位".to_owned(),
            Need::ApprovalDate => "决算批复日期".to_owned(),
            Need::SignOffPrinted => "印有签字栏的模板".to_owned(),
            Need::LineAmounts => "支出决算表各行的金额".to_owned(),
            Need::ProjectEconomic => "项目支出按经济分类科目的明细".to_owned(),
            Need::StaffByPost => "在职人员按岗位的人数".to_owned(),
        }
    }

    /// Why the rule cannot check `ctx`'s project, or `None` when the need is met.
    fn unmet(self, ctx: &Context<'_>) -> Option<Coverage> {
        let p = ctx.project;
        let missing = |what: &str, field: FieldPath| {
            Some(Coverage::MissingData {
                missing: what.to_owned(),
                fields: vec![field],
            })
        };
        let lines = || FieldPath::expenditure(ExpenditureField::Lines);
        match self {
            Need::Lines if p.expenditure.lines.is_empty() => {
                missing("未录入支出决算表的功能分类科目", lines())
            }
            Need::Catalog if ctx.catalog.is_none() => missing(
                &format!("程序没有 {} 年的科目表", p.unit.year),
                FieldPath::unit(UnitField::Year),
            ),
            Need::CostSplit if (ctx.totals.personnel_costs + ctx.totals.public_costs).is_zero() => {
                missing(
                    "未录入人员经费和公用经费",
                    FieldPath::cost_group(CostGroup::Personnel),
                )
            }
            Need::EconomicItems
                if ![&p.basic_costs.personnel, &p.basic_costs.public]
                    .iter()
                    .any(|e| matches!(e, CostEntry::Items(items) if !items.is_empty())) =>
            {
                missing(
                    "人员经费和公用经费只录入了合计，没有按经济分类科目录入明细",
                    FieldPath::cost_group(CostGroup::Personnel),
                )
            }
            Need::RevenueByFunction if p.revenue.by_function.is_empty() => missing(
                "收入决算表未按功能分类科目填列",
                FieldPath::revenue_field(RevenueField::ByFunction),
            ),
            Need::PriorClosing
                if crate::model::Fund::ALL
                    .iter()
                    .all(|f| p.balances.of(*f).prior_closing.is_none()) =>
            {
                missing(
                    "未填写上年年末结转和结余",
                    FieldPath::balance(
                        crate::model::Fund::GeneralBudget,
                        BalanceSide::PriorClosing,
                    ),
                )
            }
            Need::PriorYear if p.prior_year.entered().next().is_none() => {
                missing("未填写上年决算数", FieldPath::part(Root::PriorYear(None)))
            }
            Need::Prior(f) if p.prior_year.get(f).is_none() => missing(
                &format!("未填写上年数“{}”", f.label()),
                FieldPath::prior_year(f),
            ),
            Need::ThreePublicPrior => {
                let t = &p.three_public;
                let none = t.overseas.prior.is_none()
                    && t.vehicles.purchase_prior.is_none()
                    && t.vehicles.operation_prior.is_none()
                    && t.reception.prior.is_none();
                none.then(|| Coverage::MissingData {
                    missing: "未填写“三公”经费各项的上年数".to_owned(),
                    fields: vec![FieldPath::three_public(ThreePublicField::OverseasPrior)],
                })
            }
            Need::RunningCosts if p.running_costs.amount.is_none() => missing(
                "未填写机关运行经费",
                FieldPath::running_costs(RunningField::Amount),
            ),
            Need::RunningCostsPrior if p.running_costs.prior.is_none() => missing(
                "未填写机关运行经费的上年数",
                FieldPath::running_costs(RunningField::Prior),
            ),
            Need::MeetingsTraining
                if p.meetings_training
                    .expenses()
                    .iter()
                    .all(|e| e.actual.is_none()) =>
            {
                let (template, _) = crate::template::for_project(p);
                let states = ["会议费", "培训费", "节庆晚会论坛赛事"]
                    .iter()
                    .any(|w| template.mentions(w, "three_public_meetings"));
                if states {
                    missing(
                        "未填写会议费和培训费的决算数",
                        FieldPath::meetings_training(MeetingsTrainingField::MeetingsActual),
                    )
                } else {
                    Some(Coverage::NotApplicable(
                        "所用模板不列示会议费、培训费".to_owned(),
                    ))
                }
            }
            Need::SelfAssessment(s) if !s.entered(p) => {
                let (template, _) = crate::template::for_project(p);
                if template.names(s.figure()) {
                    missing(&format!("未填写{}", s.label()), s.field())
                } else {
                    Some(Coverage::NotApplicable(format!(
                        "所用模板不要求填写{}",
                        s.label()
                    )))
                }
            }
            Need::Control(t) if t.of(&p.control_totals).is_none() => {
                missing(&format!("未填写{}", t.label()), FieldPath::control_total(t))
            }
            Need::AnyControl
                if ControlTotal::ALL
                    .iter()
                    .all(|t| t.of(&p.control_totals).is_none()) =>
            {
                missing("未填写报表数", FieldPath::part(Root::ControlTotals(None)))
            }
            Need::EnteredInWan if p.settings.entry_unit == crate::money::EntryUnit::Yuan => Some(
                Coverage::NotApplicable("按元录入，明细与报表数之间没有四舍五入差额".to_owned()),
            ),
            Need::Projects if p.projects.is_empty() => {
                Some(if ctx.totals.by_nature.project.is_zero() {
                    Coverage::NotApplicable("本年没有项目支出".to_owned())
                } else {
                    Coverage::MissingData {
                        missing: format!(
                            "项目支出 {}，但未录入项目支出绩效自评表",
                            super::amount(ctx.totals.by_nature.project)
                        ),
                        fields: vec![FieldPath::part(Root::Projects)],
                    }
                })
            }
            // Items added but no amount typed yet: nothing to add up (the clerk is still
            // choosing the 科目).
            Need::ProjectEconomic if p.expenditure.project_economic_total().is_none() => {
                let (template, _) = crate::template::for_project(p);
                Some(if ctx.totals.general_budget_project.is_zero() {
                    Coverage::NotApplicable("本年没有一般公共预算财政拨款项目支出".to_owned())
                } else if template.table_ids().iter().any(|id| {
                    ["general_budget_economic", "general_budget_project_economic"].contains(id)
                }) {
                    Coverage::MissingData {
                        missing: "项目支出未按经济分类科目录入".to_owned(),
                        fields: vec![FieldPath::expenditure(ExpenditureField::ProjectEconomic)],
                    }
                } else {
                    Coverage::NotApplicable("所用模板不按经济分类列示项目支出".to_owned())
                })
            }
            Need::StaffByPost => {
                let posts = &p.unit.staff_by_post;
                if posts.is_empty() {
                    Some(Coverage::NotApplicable(
                        "未按岗位填写在职人员（事业单位的单位决算才写）".to_owned(),
                    ))
                } else if let Some((field, _)) =
                    posts.counts().into_iter().find(|(_, n)| n.is_none())
                {
                    missing(
                        &format!("未填写{}的人数", field.label()),
                        FieldPath::unit(field),
                    )
                } else if p.unit.staffing.is_empty() {
                    missing(
                        "未填写人员编制和实有人数",
                        FieldPath::unit(UnitField::Staffing),
                    )
                } else {
                    None
                }
            }
            Need::ProjectSpending if p.projects.iter().all(|p| p.spending.is_empty()) => missing(
                "各项目都未录入资金分配明细",
                FieldPath::part(Root::Projects),
            ),
            Need::LineBudgets
                if !p
                    .expenditure
                    .lines
                    .iter()
                    .any(|l| l.fund == crate::model::Fund::GeneralBudget && l.budget.is_some()) =>
            {
                missing("一般公共预算财政拨款科目都未填写预算数", lines())
            }
            Need::DepartmentScore if p.performance.department.full_score.is_none() => missing(
                "未填写部门整体自评的总分",
                FieldPath::performance(PerformanceField::Department),
            ),
            Need::Administrative
                if !matches!(
                    p.unit.kind,
                    UnitKind::Administrative | UnitKind::CivilServiceManaged
                ) =>
            {
                Some(Coverage::NotApplicable(format!(
                    "单位性质为{}，机关运行经费只适用于行政单位和参公事业单位",
                    p.unit.kind.label()
                )))
            }
            Need::PublicService if p.unit.kind != UnitKind::PublicService => Some(
                Coverage::NotApplicable(format!("单位性质为{}", p.unit.kind.label())),
            ),
            Need::ApprovalDate if p.unit.approval_date.is_none() => missing(
                "未填写决算批复日期，无法核对是否在批复后 20 日内公开",
                FieldPath::unit(UnitField::ApprovalDate),
            ),
            Need::LineAmounts if p.expenditure.lines.iter().all(|l| l.total().is_zero()) => {
                missing("支出决算表各行都还没有录入本年金额", lines())
            }
            Need::SignOffPrinted if !crate::template::for_project(p).0.sign_off.printed => Some(
                Coverage::NotApplicable("所用模板不印签字栏，无需填写签字人".to_owned()),
            ),
            _ => None,
        }
    }
}

/// Whether a rule did its work on the project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Coverage {
    /// The rule checked the project (its findings, if any, are listed).
    Checked,
    /// The rule does not apply to this unit or document, and why.
    NotApplicable(String),
    /// The rule could not run: what is missing, and where it is entered.
    MissingData {
        /// What is missing, in plain Chinese.
        missing: String,
        /// Where to enter it.
        fields: Vec<FieldPath>,
    },
}

impl Coverage {
    /// The status as the ledger names it: 已审核, 不适用, 缺少数据.
    pub fn label(&self) -> &'static str {
        match self {
            Coverage::Checked => "已审核",
            Coverage::NotApplicable(_) => "不适用",
            Coverage::MissingData { .. } => "缺少数据",
        }
    }

    /// Why the rule did not check, if it did not.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Coverage::Checked => None,
            Coverage::NotApplicable(why) => Some(why),
            Coverage::MissingData { missing, .. } => Some(missing),
        }
    }

    /// Where the missing data is entered.
    pub fn fields(&self) -> &[FieldPath] {
        match self {
            Coverage::MissingData { fields, .. } => fields,
            _ => &[],
        }
    }

    /// Tests the needs in order; the first unmet one says why the rule cannot check.
    pub(super) fn of(needs: &[Need], ctx: &Context<'_>) -> Coverage {
        needs
            .iter()
            .find_map(|n| n.unmet(ctx))
            .unwrap_or(Coverage::Checked)
    }
}

/// One rule's line in the ledger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LedgerEntry {
    /// The rule's code.
    pub code: &'static str,
    /// Its family.
    pub family: &'static str,
    /// Its severity.
    pub severity: Severity,
    /// Its title.
    pub title: &'static str,
    /// Whether it checked (`status`, and `reason` and `fields` when it did not).
    #[serde(flatten)]
    pub coverage: Coverage,
    /// How many findings it made.
    pub findings: usize,
}

impl Serialize for Coverage {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("status", self.label())?;
        if let Some(reason) = self.reason() {
            map.serialize_entry("reason", reason)?;
        }
        if !self.fields().is_empty() {
            map.serialize_entry("fields", self.fields())?;
        }
        map.end()
    }
}

impl LedgerEntry {
    /// The entry of a rule with its coverage and findings.
    pub fn new(
        code: &'static str,
        severity: Severity,
        title: &'static str,
        coverage: Coverage,
        findings: usize,
    ) -> LedgerEntry {
        LedgerEntry {
            code,
            family: super::family(code),
            severity,
            title,
            coverage,
            findings,
        }
    }
}

/// Every rule's coverage of one project, in code order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Ledger {
    /// One entry per rule.
    pub rules: Vec<LedgerEntry>,
}

/// How many rules checked, did not apply, and could not run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LedgerCounts {
    /// Rules in the ledger.
    pub rules: usize,
    /// 已审核.
    pub checked: usize,
    /// 不适用.
    pub not_applicable: usize,
    /// 缺少数据.
    pub missing_data: usize,
}

impl fmt::Display for LedgerCounts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} 条规则：{} 条已审核", self.rules, self.checked)?;
        if self.not_applicable > 0 {
            write!(f, "，{} 条不适用", self.not_applicable)?;
        }
        if self.missing_data > 0 {
            write!(f, "，{} 条缺少数据", self.missing_data)?;
        }
        Ok(())
    }
}

impl Ledger {
    /// The counts, for the summary line.
    pub fn counts(&self) -> LedgerCounts {
        let n = |f: fn(&Coverage) -> bool| self.rules.iter().filter(|e| f(&e.coverage)).count();
        LedgerCounts {
            rules: self.rules.len(),
            checked: n(|c| matches!(c, Coverage::Checked)),
            not_applicable: n(|c| matches!(c, Coverage::NotApplicable(_))),
            missing_data: n(|c| matches!(c, Coverage::MissingData { .. })),
        }
    }

    /// The rules that did not check, in code order.
    pub fn unchecked(&self) -> impl Iterator<Item = &LedgerEntry> {
        self.rules
            .iter()
            .filter(|e| !matches!(e.coverage, Coverage::Checked))
    }

    /// The entry of the rule `code`.
    pub fn get(&self, code: &str) -> Option<&LedgerEntry> {
        self.rules.iter().find(|e| e.code == code)
    }
}
