//! What the text will need (JS-6xx): a reason for every change and deviation the document
//! explains, and the prior-year figures it compares with.

use super::{Check, Context, Report, Rule, Severity, amount};
use crate::model::{
    ExpenditureField, FieldPath, Fund, LineField, PriorFigure, RevenueField, RunningField,
    ThreePublicField,
};
use crate::money::{Change, Wan};

pub(super) const RULES: &[Rule] = &[
    Rule {
        code: "JS-601",
        severity: Severity::Warning,
        title: "收、支总计与上年相比有变化，未填写变动原因",
        check: Check::Code(total_change_reason),
    },
    Rule {
        code: "JS-602",
        severity: Severity::Warning,
        title: "财政拨款收、支总计与上年相比有变化，未填写变动原因",
        check: Check::Code(appropriation_change_reason),
    },
    Rule {
        code: "JS-603",
        severity: Severity::Warning,
        title: "一般公共预算财政拨款支出与上年相比有变化，未填写变动原因",
        check: Check::Code(general_budget_change_reason),
    },
    Rule {
        code: "JS-604",
        severity: Severity::Warning,
        title: "科目决算数与预算数不同，未填写原因",
        check: Check::Code(line_deviation_reason),
    },
    Rule {
        code: "JS-605",
        severity: Severity::Warning,
        title: "“三公”经费某项与上年相比有变化，未填写原因",
        check: Check::Code(three_public_change_reason),
    },
    Rule {
        code: "JS-606",
        severity: Severity::Warning,
        title: "机关运行经费与上年相比有变化，未填写原因",
        check: Check::Code(running_costs_change_reason),
    },
    Rule {
        code: "JS-607",
        severity: Severity::Warning,
        title: "缺少文中需要比较的上年数",
        check: Check::Code(prior_year_missing),
    },
    Rule {
        code: "JS-608",
        severity: Severity::Hint,
        title: "一般公共预算财政拨款科目未填写预算数，无法写完成预算情况",
        check: Check::Code(line_budget_missing),
    },
];

fn changed(current: Wan, prior: Option<Wan>) -> Option<Change> {
    prior
        .map(|p| Change::between(current, p))
        .filter(|c| *c != Change::Unchanged)
}

fn describe(change: Change) -> String {
    match change {
        Change::Unchanged => "持平".to_owned(),
        Change::Increase { amount: a, .. } => format!("增加 {}", amount(a)),
        Change::Decrease { amount: a, .. } => format!("减少 {}", amount(a)),
    }
}

fn needs_reason(
    report: &mut Report<'_>,
    what: &str,
    current: Wan,
    prior: Option<Wan>,
    reason: &str,
    field: FieldPath,
) {
    if !reason.trim().is_empty() {
        return;
    }
    if let Some(change) = changed(current, prior) {
        report.add(
            format!(
                "{what}本年 {}，上年 {}，{}，文中需要说明主要原因",
                amount(current),
                amount(prior.unwrap_or_default()),
                describe(change)
            ),
            vec![field],
        );
    }
}

/// JS-601: the change of 收、支总计 is explained in section 一.
fn total_change_reason(ctx: &Context<'_>, report: &mut Report<'_>) {
    let p = ctx.project;
    needs_reason(
        report,
        "收入总计",
        ctx.totals.total_revenue,
        p.prior_year.get(PriorFigure::TotalRevenue),
        &p.revenue.change_reason,
        FieldPath::revenue_field(RevenueField::ChangeReason),
    );
}

/// JS-602: the change of 财政拨款收、支总计 is explained in section 四.
fn appropriation_change_reason(ctx: &Context<'_>, report: &mut Report<'_>) {
    let p = ctx.project;
    needs_reason(
        report,
        "财政拨款收入总计",
        ctx.totals.appropriation_total_revenue,
        p.prior_year.get(PriorFigure::AppropriationRevenue),
        &p.expenditure.appropriation_change_reason,
        FieldPath::expenditure(ExpenditureField::AppropriationChangeReason),
    );
}

/// JS-603: the change of 一般公共预算财政拨款支出 is explained in section 五（一）.
fn general_budget_change_reason(ctx: &Context<'_>, report: &mut Report<'_>) {
    let p = ctx.project;
    needs_reason(
        report,
        "一般公共预算财政拨款支出",
        ctx.totals.general_budget_expenditure,
        p.prior_year.get(PriorFigure::GeneralBudgetExpenditure),
        &p.expenditure.general_budget_change_reason,
        FieldPath::expenditure(ExpenditureField::GeneralBudgetChangeReason),
    );
}

/// JS-604: "决算数大于/小于预算数的主要原因是…" needs the user's reason for each such line.
fn line_deviation_reason(ctx: &Context<'_>, report: &mut Report<'_>) {
    for (i, line) in ctx.project.expenditure.lines.iter().enumerate() {
        let Some(budget) = line.budget else { continue };
        if line.fund == Fund::GeneralBudget
            && line.total() != budget
            && line.deviation_reason.trim().is_empty()
        {
            report.add(
                format!(
                    "科目 {} 决算数 {}，预算数 {}，相差 {}，请填写原因",
                    line.code,
                    amount(line.total()),
                    amount(budget),
                    amount((line.total() - budget).abs())
                ),
                vec![FieldPath::expenditure_line(i, LineField::DeviationReason)],
            );
        }
    }
}

/// JS-605: each "三公" part that changed against last year says why.
fn three_public_change_reason(ctx: &Context<'_>, report: &mut Report<'_>) {
    let t = &ctx.project.three_public;
    let totals = &ctx.totals.three_public;
    needs_reason(
        report,
        "因公出国（境）费",
        t.overseas.actual,
        t.overseas.prior,
        &t.overseas.change_reason,
        FieldPath::three_public(ThreePublicField::OverseasChangeReason),
    );
    needs_reason(
        report,
        "公务用车购置及运行维护费",
        totals.vehicles_actual,
        totals.vehicles_prior,
        &t.vehicles.change_reason,
        FieldPath::three_public(ThreePublicField::VehiclesChangeReason),
    );
    needs_reason(
        report,
        "公务接待费",
        totals.reception_actual,
        t.reception.prior,
        &t.reception.change_reason,
        FieldPath::three_public(ThreePublicField::ReceptionChangeReason),
    );
}

/// JS-606: the change of 机关运行经费 is explained in section 十（一）.
fn running_costs_change_reason(ctx: &Context<'_>, report: &mut Report<'_>) {
    let r = &ctx.project.running_costs;
    needs_reason(
        report,
        "机关运行经费",
        r.amount,
        r.prior,
        &r.change_reason,
        FieldPath::running_costs(RunningField::ChangeReason),
    );
}

/// JS-607: the document compares these figures with the prior year; without them it can only
/// say nothing.
fn prior_year_missing(ctx: &Context<'_>, report: &mut Report<'_>) {
    let p = ctx.project;
    let t = &p.three_public;
    let mut wanted: Vec<(&str, bool, FieldPath)> = PriorFigure::ALL
        .iter()
        .filter(|f| f.is_core())
        .map(|f| {
            (
                f.label(),
                f.of(&p.prior_year).is_none(),
                FieldPath::prior_year(*f),
            )
        })
        .collect();
    for (field, value) in [
        (ThreePublicField::OverseasPrior, t.overseas.prior),
        (ThreePublicField::PurchasePrior, t.vehicles.purchase_prior),
        (ThreePublicField::OperationPrior, t.vehicles.operation_prior),
        (ThreePublicField::ReceptionPrior, t.reception.prior),
    ] {
        wanted.push((
            field.label(),
            value.is_none(),
            FieldPath::three_public(field),
        ));
    }
    wanted.push((
        RunningField::Prior.label(),
        p.running_costs.prior.is_none(),
        FieldPath::running_costs(RunningField::Prior),
    ));
    let missing: Vec<_> = wanted.iter().filter(|(_, m, _)| *m).collect();
    if missing.is_empty() {
        return;
    }
    let names: Vec<&str> = missing.iter().map(|(n, _, _)| *n).collect();
    report.add(
        format!(
            "未填写：{}。文中与上年比较的句子将无法写出",
            names.join("、")
        ),
        missing.iter().map(|(_, _, f)| f.clone()).collect(),
    );
}

/// JS-608: "完成预算Y%" needs each general-budget line's 预算数.
fn line_budget_missing(ctx: &Context<'_>, report: &mut Report<'_>) {
    for (i, line) in ctx.project.expenditure.lines.iter().enumerate() {
        if line.fund == Fund::GeneralBudget && line.budget.is_none() {
            report.add(
                format!("科目 {} 未填写预算数", line.code),
                vec![FieldPath::expenditure_line(i, LineField::Budget)],
            );
        }
    }
}
