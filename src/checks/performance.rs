//! Self-assessment tables (JS-5xx): weights, scores, execution rates, 完成值, cost indicators
//! against the budget, and the department report's scores.

use rust_decimal::Decimal;

use super::{Check, Compared, Context, Need, Report, Rule, SelfAssessed, Severity, amount};
use crate::model::{
    FieldPath, FundColumn, Indicator, IndicatorField, IndicatorKind, IndicatorNature,
    PerformanceField, ProjectAssessment, ProjectField, ProjectFund, SpendingField,
};
use crate::money::{Percent, Wan, round_half_up};

pub(super) const RULES: &[Rule] = &[
    Rule {
        code: "JS-501",
        severity: Severity::Error,
        title: "绩效自评表权重合计不是 100",
        check: Check::Code(weights_sum_to_100),
        needs: &[Need::Projects],
    },
    Rule {
        code: "JS-502",
        severity: Severity::Warning,
        title: "预算执行权重不是 10 分，或绩效指标权重不是 90 分",
        check: Check::Code(weight_split),
        needs: &[Need::Projects],
    },
    Rule {
        code: "JS-503",
        severity: Severity::Error,
        title: "得分小于 0 或超过权重",
        check: Check::Code(score_within_weight),
        needs: &[Need::Projects],
    },
    Rule {
        code: "JS-504",
        severity: Severity::Warning,
        title: "预算执行率低于 90% 且未说明原因",
        check: Check::Code(low_execution_needs_reason),
        needs: &[Need::Projects],
    },
    Rule {
        code: "JS-505",
        severity: Severity::Warning,
        title: "绩效指标未填写完成值",
        check: Check::Code(missing_actuals),
        needs: &[Need::Projects],
    },
    Rule {
        code: "JS-506",
        severity: Severity::Warning,
        title: "定量指标得分与完成值、指标值不符",
        check: Check::Code(quantitative_score),
        needs: &[Need::Projects],
    },
    Rule {
        code: "JS-507",
        severity: Severity::Warning,
        title: "成本指标目标值合计与调整后预算不符",
        check: Check::Code(cost_targets_vs_budget),
        needs: &[Need::Projects],
    },
    Rule {
        code: "JS-508",
        severity: Severity::Error,
        title: "自评表合计得分与各项得分之和不符",
        check: Check::Code(stated_total_score),
        needs: &[Need::Projects],
    },
    Rule {
        code: "JS-509",
        severity: Severity::Warning,
        title: "定量指标的指标值不是数字",
        check: Check::Code(quantitative_target_is_number),
        needs: &[Need::Projects],
    },
    Rule {
        code: "JS-510",
        severity: Severity::Warning,
        title: "预算执行数超过调整后预算",
        check: Check::Code(execution_above_budget),
        needs: &[Need::Projects],
    },
    Rule {
        code: "JS-511",
        severity: Severity::Warning,
        title: "部门整体自评总分不是 100 分，或得分超过总分",
        check: Check::Code(department_scores),
        needs: &[Need::DepartmentScore],
    },
    Rule {
        code: "JS-512",
        severity: Severity::Hint,
        title: "成本指标目标值与同名资金分配明细不符",
        check: Check::Code(cost_indicator_vs_spending),
        needs: &[Need::Projects, Need::ProjectSpending],
    },
    Rule {
        code: "JS-513",
        severity: Severity::Warning,
        title: "绩效自评涉及资金超过一般公共预算财政拨款项目支出",
        check: Check::Code(self_assessed_funds_within_projects),
        needs: &[Need::SelfAssessment(SelfAssessed::Funds)],
    },
    Rule {
        code: "JS-514",
        severity: Severity::Warning,
        title: "绩效自评项目数少于所附项目支出绩效自评表的张数",
        check: Check::Code(self_assessed_projects_cover_tables),
        needs: &[Need::SelfAssessment(SelfAssessed::Projects)],
    },
];

/// Sums weights or scores without overflowing: a check must never panic, even on absurd input.
fn sum(values: impl IntoIterator<Item = Decimal>) -> Decimal {
    values.into_iter().fold(Decimal::ZERO, |a, b| {
        a.checked_add(b).unwrap_or(Decimal::MAX)
    })
}

fn indicator_weights(p: &ProjectAssessment) -> Decimal {
    sum(p.indicators.iter().map(|i| i.weight))
}

fn plain(d: Decimal) -> String {
    d.normalize().to_string()
}

/// JS-501: 预算执行 weight + indicator weights = 100.
fn weights_sum_to_100(ctx: &Context<'_>, report: &mut Report<'_>) {
    for (i, p) in ctx.project.projects.iter().enumerate() {
        let total = sum([p.budget_weight, indicator_weights(p)]);
        if total != Decimal::ONE_HUNDRED {
            report.add(
                format!(
                    "项目“{}”：预算执行权重 {} 加绩效指标权重 {} 共 {}，应为 100",
                    p.name,
                    plain(p.budget_weight),
                    plain(indicator_weights(p)),
                    plain(total)
                ),
                vec![
                    FieldPath::project(i, ProjectField::Indicators),
                    FieldPath::project(i, ProjectField::BudgetWeight),
                ],
            );
        }
    }
}

/// JS-502: the template gives 预算执行 10 points and the indicators 90. (A total other than 100
/// is JS-501's; this one is about the split of a correct total.)
fn weight_split(ctx: &Context<'_>, report: &mut Report<'_>) {
    for (i, p) in ctx.project.projects.iter().enumerate() {
        let indicators = indicator_weights(p);
        let total = sum([p.budget_weight, indicators]);
        if total == Decimal::ONE_HUNDRED && p.budget_weight != Decimal::TEN {
            report.add(
                format!(
                    "项目“{}”：预算执行权重 {}（应为 10）、绩效指标权重 {}（应为 90）",
                    p.name,
                    plain(p.budget_weight),
                    plain(indicators)
                ),
                vec![
                    FieldPath::project(i, ProjectField::BudgetWeight),
                    FieldPath::project(i, ProjectField::Indicators),
                ],
            );
        }
    }
}

/// JS-503: 0 ≤ 得分 ≤ 权重, for the budget block and every indicator.
fn score_within_weight(ctx: &Context<'_>, report: &mut Report<'_>) {
    for (i, p) in ctx.project.projects.iter().enumerate() {
        let mut scored: Vec<(String, Decimal, Option<Decimal>, FieldPath)> = vec![(
            "预算执行".to_owned(),
            p.budget_weight,
            p.budget_score,
            FieldPath::project(i, ProjectField::BudgetScore),
        )];
        for (j, ind) in p.indicators.iter().enumerate() {
            scored.push((
                ind.name.clone(),
                ind.weight,
                ind.score,
                FieldPath::indicator(i, j, IndicatorField::Score),
            ));
        }
        for (name, weight, score, field) in scored {
            let Some(score) = score else { continue };
            if score < Decimal::ZERO || score > weight {
                report.add(
                    format!(
                        "项目“{}”的“{name}”得分 {}，应在 0 到权重 {} 之间",
                        p.name,
                        plain(score),
                        plain(weight)
                    ),
                    vec![field],
                );
            }
        }
    }
}

/// JS-504: 执行率 = 执行数 / 调整后预算 below 90% needs a reason (100 字以内).
fn low_execution_needs_reason(ctx: &Context<'_>, report: &mut Report<'_>) {
    for (i, p) in ctx.project.projects.iter().enumerate() {
        let total = p.funds_total();
        let (Some(adjusted), Some(executed)) = (total.adjusted, total.executed) else {
            continue;
        };
        // A row budgeted but its 执行数 still blank: the rate is of what is entered so far.
        if p.funds.half_entered(|r| r.adjusted, |r| r.executed) {
            continue;
        }
        let Some(rate) = Percent::of(executed, adjusted) else {
            continue;
        };
        if rate.value() < Decimal::from(90) && p.execution_reason.trim().is_empty() {
            report.add(
                format!(
                    "项目“{}”预算执行率 {}（执行数 {} / 调整后预算 {}），低于 90%，请说明原因",
                    p.name,
                    rate.table(),
                    amount(executed),
                    amount(adjusted)
                ),
                vec![FieldPath::project(i, ProjectField::ExecutionReason)],
            );
        }
    }
}

/// JS-505: every indicator has a 完成值; one finding per project lists the empty cells.
fn missing_actuals(ctx: &Context<'_>, report: &mut Report<'_>) {
    for (i, p) in ctx.project.projects.iter().enumerate() {
        let missing: Vec<(usize, &Indicator)> = p
            .indicators
            .iter()
            .enumerate()
            .filter(|(_, ind)| ind.actual.as_deref().is_none_or(|a| a.trim().is_empty()))
            .collect();
        if missing.is_empty() {
            continue;
        }
        let names: Vec<String> = missing
            .iter()
            .map(|(_, ind)| format!("“{}”", ind.name))
            .collect();
        report.add(
            format!(
                "项目“{}”有 {} 个绩效指标未填写完成值：{}",
                p.name,
                missing.len(),
                names.join("、")
            ),
            missing
                .iter()
                .map(|(j, _)| FieldPath::indicator(i, *j, IndicatorField::Actual))
                .collect(),
        );
    }
}

fn number(text: &str) -> Option<Decimal> {
    let t = text.trim().trim_end_matches('%');
    Decimal::from_str_exact(t).ok()
}

/// The score a quantitative indicator earns: ≥ scores 完成/目标, ≤ scores 目标/完成, = scores
/// full marks when met and proportionally otherwise; capped at the weight.
pub fn expected_score(ind: &Indicator) -> Option<Decimal> {
    let target = number(&ind.target)?;
    let actual = number(ind.actual.as_deref()?)?;
    let ratio = match ind.nature {
        IndicatorNature::Qualitative => return None,
        IndicatorNature::AtLeast => {
            if target.is_zero() {
                Decimal::ONE
            } else {
                actual.checked_div(target)?
            }
        }
        IndicatorNature::AtMost => {
            if actual <= target {
                Decimal::ONE
            } else {
                target.checked_div(actual)?
            }
        }
        IndicatorNature::Equal => {
            if actual == target {
                Decimal::ONE
            } else if target.is_zero() || actual.is_zero() {
                Decimal::ZERO
            } else {
                (actual.min(target)).checked_div(actual.max(target))?
            }
        }
    };
    let ratio = ratio.clamp(Decimal::ZERO, Decimal::ONE);
    Some(round_half_up(ind.weight.checked_mul(ratio)?, 2))
}

/// JS-506: a quantitative indicator's 得分 follows from its 完成值 and 指标值.
fn quantitative_score(ctx: &Context<'_>, report: &mut Report<'_>) {
    for (i, p) in ctx.project.projects.iter().enumerate() {
        for (j, ind) in p.indicators.iter().enumerate() {
            let (Some(expected), Some(score)) = (expected_score(ind), ind.score) else {
                continue;
            };
            if round_half_up(score, 2) != expected {
                report.add(
                    format!(
                        "项目“{}”的“{}”：指标值 {}{}、完成值 {}{}，按{}计分应得 {} 分，表中为 {} 分",
                        p.name,
                        ind.name,
                        ind.nature.label(),
                        ind.target,
                        ind.actual.as_deref().unwrap_or_default(),
                        ind.unit,
                        match ind.nature {
                            IndicatorNature::AtMost => "目标值/完成值",
                            IndicatorNature::Equal => "是否达到目标值",
                            _ => "完成值/目标值",
                        },
                        plain(expected),
                        plain(score)
                    ),
                    vec![FieldPath::indicator(i, j, IndicatorField::Score)],
                );
            }
        }
    }
}

fn cost_indicators(p: &ProjectAssessment) -> impl Iterator<Item = (usize, &Indicator, Wan)> {
    p.indicators.iter().enumerate().filter_map(|(j, ind)| {
        if ind.level1 != IndicatorKind::Cost || ind.unit != "万元" {
            return None;
        }
        number(&ind.target)
            .and_then(|t| Wan::checked(t).ok())
            .map(|t| (j, ind, t))
    })
}

/// JS-507: the cost indicators (in 万元) cost out the adjusted budget; a sum equal to the initial
/// budget usually means the targets were not updated after the adjustment.
fn cost_targets_vs_budget(ctx: &Context<'_>, report: &mut Report<'_>) {
    for (i, p) in ctx.project.projects.iter().enumerate() {
        let costs: Vec<(usize, &Indicator, Wan)> = cost_indicators(p).collect();
        let total = p.funds_total();
        let Some(adjusted) = total.adjusted else {
            continue;
        };
        if costs.is_empty() || p.funds.half_entered(|r| r.initial, |r| r.adjusted) {
            continue;
        }
        let targets: Wan = costs.iter().map(|(_, _, t)| *t).sum();
        if !ctx.agree(targets, adjusted, costs.len()) {
            let compared = Compared::new("成本指标目标值合计", targets, "调整后预算", adjusted);
            let mut message = format!("项目“{}”：{compared}", p.name);
            if total.initial == Some(targets) {
                message.push_str("（与年初预算相同，目标值可能未随预算调整）");
            }
            report.add_compared(
                message,
                compared,
                costs
                    .iter()
                    .map(|(j, _, _)| FieldPath::indicator(i, *j, IndicatorField::Target))
                    .collect(),
            );
        }
    }
}

/// JS-508: the 合计 row's score is the sum of the scores.
fn stated_total_score(ctx: &Context<'_>, report: &mut Report<'_>) {
    for (i, p) in ctx.project.projects.iter().enumerate() {
        let Some(stated) = p.stated_total_score else {
            continue;
        };
        let scored = sum(p
            .budget_score
            .into_iter()
            .chain(p.indicators.iter().filter_map(|i| i.score)));
        if stated != scored {
            report.add(
                format!(
                    "项目“{}”合计得分写作 {}，各项得分之和为 {}",
                    p.name,
                    plain(stated),
                    plain(scored)
                ),
                vec![FieldPath::project(i, ProjectField::StatedTotalScore)],
            );
        }
    }
}

/// JS-509: ≥, ≤ and ＝ indicators need a numeric 指标值 to be scored.
fn quantitative_target_is_number(ctx: &Context<'_>, report: &mut Report<'_>) {
    for (i, p) in ctx.project.projects.iter().enumerate() {
        for (j, ind) in p.indicators.iter().enumerate() {
            if ind.nature != IndicatorNature::Qualitative && number(&ind.target).is_none() {
                report.add(
                    format!(
                        "项目“{}”的“{}”是定量指标（{}），指标值“{}”不是数字；定性指标请把性质改为“定性”",
                        p.name,
                        ind.name,
                        ind.nature.label(),
                        ind.target
                    ),
                    vec![FieldPath::indicator(i, j, IndicatorField::Target)],
                );
            }
        }
    }
}

/// JS-510: a fund row cannot execute more than its adjusted budget.
fn execution_above_budget(ctx: &Context<'_>, report: &mut Report<'_>) {
    for (i, p) in ctx.project.projects.iter().enumerate() {
        for fund in ProjectFund::ALL {
            let (name, row) = (fund.label(), fund.of(&p.funds));
            let (Some(adjusted), Some(executed)) = (row.adjusted, row.executed) else {
                continue;
            };
            if executed > adjusted {
                let compared = Compared::new("执行数", executed, "调整后预算", adjusted);
                report.add_compared(
                    format!("项目“{}”的{name}：{}", p.name, compared),
                    compared,
                    vec![FieldPath::project_fund(i, *fund, FundColumn::Executed)],
                );
            }
        }
    }
}

/// JS-511: the department self-assessment is marked out of 100, and scores within it.
fn department_scores(ctx: &Context<'_>, report: &mut Report<'_>) {
    let d = &ctx.project.performance.department;
    if let Some(full) = d.full_score
        && full != Decimal::ONE_HUNDRED
    {
        report.add(
            format!(
                "部门整体绩效自评写作“总分{}分”，评价指标体系总分应为 100 分",
                plain(full)
            ),
            vec![FieldPath::performance(PerformanceField::FullScore)],
        );
    }
    if let (Some(full), Some(score)) = (d.full_score, d.score)
        && (score > full || score < Decimal::ZERO)
    {
        report.add(
            format!(
                "部门整体绩效自评得分 {} 分，应在 0 到总分 {} 分之间",
                plain(score),
                plain(full)
            ),
            vec![FieldPath::performance(PerformanceField::Score)],
        );
    }
}

/// JS-512: a cost indicator named like a spending item (设备购置) should cost about what was
/// spent on it.
fn cost_indicator_vs_spending(ctx: &Context<'_>, report: &mut Report<'_>) {
    for (i, p) in ctx.project.projects.iter().enumerate() {
        for (j, ind, target) in cost_indicators(p) {
            for (k, item) in p.spending.iter().enumerate() {
                // A blank amount is not entered yet: nothing to compare.
                let Some(spent) = item.amount else { continue };
                if item.name == ind.name && spent != target {
                    report.add(
                        format!(
                            "项目“{}”：成本指标“{}”目标值 {}，资金分配明细中的“{}”为 {}，相差 {}",
                            p.name,
                            ind.name,
                            amount(target),
                            item.name,
                            amount(spent),
                            amount((spent - target).abs())
                        ),
                        vec![
                            FieldPath::indicator(i, j, IndicatorField::Target),
                            FieldPath::spending(i, k, SpendingField::Amount),
                        ],
                    );
                }
            }
        }
    }
}

/// JS-513: the funds self-assessed are stated as a share of 一般公共预算项目支出 ("占一般公共预算
/// 项目支出总额的X%"), so more than that spending would print a share above 100%.
fn self_assessed_funds_within_projects(ctx: &Context<'_>, report: &mut Report<'_>) {
    let Some(funds) = ctx.project.performance.self_assessed_funds else {
        return;
    };
    let projects = ctx.totals.general_budget_project;
    if funds > projects {
        let compared = Compared::new(
            "绩效自评涉及资金",
            funds,
            "一般公共预算财政拨款项目支出",
            projects,
        );
        report.add_compared(
            format!("{compared}；文中“占一般公共预算项目支出总额的比重”将超过100%，请核对自评范围或项目支出"),
            compared,
            vec![FieldPath::performance(PerformanceField::SelfAssessedFunds)],
        );
    }
}

/// JS-514: every project whose 项目支出绩效自评表 the document attaches was self-assessed, so the
/// count stated cannot be below the tables attached.
fn self_assessed_projects_cover_tables(ctx: &Context<'_>, report: &mut Report<'_>) {
    let Some(stated) = ctx.project.performance.self_assessed_projects else {
        return;
    };
    let tables = ctx.project.projects.len();
    if usize::try_from(stated).is_ok_and(|n| n < tables) {
        report.add(
            format!(
                "文中写对 {stated} 个项目开展了绩效自评，而附件中有 {tables} 张项目支出绩效自评表"
            ),
            vec![FieldPath::performance(
                PerformanceField::SelfAssessedProjects,
            )],
        );
    }
}
