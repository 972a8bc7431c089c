//! Totals (JS-1xx): the two sides balance, each fund balances, balances carry over, and every
//! computed total agrees with the 报表数 the clerk copied from the official tables.

use super::{Context, Report, Rule, Severity, amount, mismatch};
use crate::model::{FieldPath, Fund};
use crate::money::Wan;

pub(super) const RULES: &[Rule] = &[
    Rule {
        code: "JS-101",
        severity: Severity::Error,
        title: "收入总计与支出总计不相等",
        check: totals_balance,
    },
    Rule {
        code: "JS-102",
        severity: Severity::Error,
        title: "财政拨款年初结转结余加本年收入不等于本年支出加年末结转结余",
        check: fund_balance,
    },
    Rule {
        code: "JS-103",
        severity: Severity::Warning,
        title: "年初结转和结余与上年年末结转和结余不一致",
        check: carry_over,
    },
    Rule {
        code: "JS-104",
        severity: Severity::Error,
        title: "收入总计与报表数不符",
        check: control_total_revenue,
    },
    Rule {
        code: "JS-105",
        severity: Severity::Error,
        title: "本年收入合计与报表数不符",
        check: control_revenue_this_year,
    },
    Rule {
        code: "JS-106",
        severity: Severity::Error,
        title: "支出总计与报表数不符",
        check: control_total_expenditure,
    },
    Rule {
        code: "JS-107",
        severity: Severity::Error,
        title: "本年支出合计与报表数不符",
        check: control_expenditure_this_year,
    },
    Rule {
        code: "JS-108",
        severity: Severity::Error,
        title: "基本支出与报表数不符",
        check: control_basic,
    },
    Rule {
        code: "JS-109",
        severity: Severity::Error,
        title: "项目支出与报表数不符",
        check: control_project,
    },
    Rule {
        code: "JS-110",
        severity: Severity::Error,
        title: "财政拨款收入与报表数不符",
        check: control_appropriation_revenue,
    },
    Rule {
        code: "JS-111",
        severity: Severity::Error,
        title: "财政拨款支出与报表数不符",
        check: control_appropriation_expenditure,
    },
    Rule {
        code: "JS-112",
        severity: Severity::Error,
        title: "一般公共预算财政拨款支出与报表数不符",
        check: control_general_budget,
    },
    Rule {
        code: "JS-113",
        severity: Severity::Error,
        title: "一般公共预算财政拨款基本支出与报表数不符",
        check: control_general_budget_basic,
    },
    Rule {
        code: "JS-114",
        severity: Severity::Error,
        title: "“三公”经费合计与报表数不符",
        check: control_three_public,
    },
];

/// JS-101: 收入总计 = 支出总计. Both are sums (本年 + 结转结余 + bridge items), so a difference
/// means a revenue source, a line or a balance is missing or mistyped.
fn totals_balance(ctx: &Context<'_>, report: &mut Report<'_>) {
    let t = &ctx.totals;
    if !ctx.agree(t.total_revenue, t.total_expenditure, 2) {
        report.add(
            mismatch("收入总计", t.total_revenue, "支出总计", t.total_expenditure),
            vec![
                "revenue".into(),
                "expenditure.lines".into(),
                "balances".into(),
            ],
        );
    }
}

/// JS-102: for each fiscal appropriation, 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余.
fn fund_balance(ctx: &Context<'_>, report: &mut Report<'_>) {
    let p = ctx.project;
    for fund in Fund::APPROPRIATIONS {
        let (revenue, revenue_field) = match fund {
            Fund::GeneralBudget => (p.revenue.general_budget, "revenue.general_budget"),
            Fund::GovernmentFund => (p.revenue.government_fund, "revenue.government_fund"),
            _ => (p.revenue.state_capital, "revenue.state_capital"),
        };
        let balance = p.balances.of(fund);
        let available = balance.opening + revenue;
        let used = ctx.totals.fund_expenditure(fund) + balance.closing;
        if !ctx.agree(available, used, 2) {
            let key = fund_key(fund);
            report.add(
                format!(
                    "{}：年初结转和结余 {} 加本年收入 {} 共 {}，本年支出 {} 加年末结转和结余 {} 共 {}，相差 {}",
                    fund.label(),
                    amount(balance.opening),
                    amount(revenue),
                    amount(available),
                    amount(ctx.totals.fund_expenditure(fund)),
                    amount(balance.closing),
                    amount(used),
                    amount((available - used).abs())
                ),
                vec![
                    FieldPath::new(format!("balances.{key}.closing")),
                    revenue_field.into(),
                    FieldPath::new(format!("balances.{key}.opening")),
                    "expenditure.lines".into(),
                ],
            );
        }
    }
}

/// The field name of a fund's balance.
pub(super) fn fund_key(fund: Fund) -> &'static str {
    match fund {
        Fund::GeneralBudget => "general_budget",
        Fund::GovernmentFund => "government_fund",
        Fund::StateCapital => "state_capital",
        Fund::NonAppropriation => "non_appropriation",
    }
}

/// JS-103: this year's opening balance equals last year's closing balance, fund by fund.
fn carry_over(ctx: &Context<'_>, report: &mut Report<'_>) {
    for fund in Fund::ALL {
        let balance = ctx.project.balances.of(fund);
        let Some(prior) = balance.prior_closing else {
            continue;
        };
        if balance.opening != prior {
            let key = fund_key(fund);
            report.add(
                format!(
                    "{}：{}",
                    fund.label(),
                    mismatch(
                        "本年年初结转和结余",
                        balance.opening,
                        "上年年末结转和结余",
                        prior
                    )
                ),
                vec![
                    FieldPath::new(format!("balances.{key}.opening")),
                    FieldPath::new(format!("balances.{key}.prior_closing")),
                ],
            );
        }
    }
}

/// Compares a computed total with its 报表数, when one is entered.
fn control(
    ctx: &Context<'_>,
    report: &mut Report<'_>,
    (control, field): (Option<Wan>, &str),
    (computed, computed_label): (Wan, &str),
    parts: &[&str],
    items: usize,
) {
    let Some(control) = control else {
        return;
    };
    if !ctx.agree(computed, control, items) {
        let mut fields = vec![FieldPath::new(field)];
        fields.extend(parts.iter().map(|&p| FieldPath::new(p)));
        report.add(
            mismatch("报表数", control, computed_label, computed),
            fields,
        );
    }
}

fn line_count(ctx: &Context<'_>) -> usize {
    ctx.project.expenditure.lines.len()
}

/// JS-104: 收入总计 against its 报表数.
fn control_total_revenue(ctx: &Context<'_>, report: &mut Report<'_>) {
    let c = &ctx.project.control_totals;
    control(
        ctx,
        report,
        (c.total_revenue, "control_totals.total_revenue"),
        (
            ctx.totals.total_revenue,
            "按各项收入和年初结转结余计算的收入总计",
        ),
        &["revenue", "balances"],
        10,
    );
}

/// JS-105: 本年收入合计 against its 报表数.
fn control_revenue_this_year(ctx: &Context<'_>, report: &mut Report<'_>) {
    let c = &ctx.project.control_totals;
    control(
        ctx,
        report,
        (c.revenue_this_year, "control_totals.revenue_this_year"),
        (ctx.totals.revenue_this_year, "各项收入之和"),
        &["revenue"],
        8,
    );
}

/// JS-106: 支出总计 against its 报表数.
fn control_total_expenditure(ctx: &Context<'_>, report: &mut Report<'_>) {
    let c = &ctx.project.control_totals;
    control(
        ctx,
        report,
        (c.total_expenditure, "control_totals.total_expenditure"),
        (
            ctx.totals.total_expenditure,
            "按各项支出和年末结转结余计算的支出总计",
        ),
        &["expenditure.lines", "balances"],
        line_count(ctx) + 5,
    );
}

/// JS-107: 本年支出合计 against its 报表数: a mistyped line shows here first.
fn control_expenditure_this_year(ctx: &Context<'_>, report: &mut Report<'_>) {
    let c = &ctx.project.control_totals;
    control(
        ctx,
        report,
        (
            c.expenditure_this_year,
            "control_totals.expenditure_this_year",
        ),
        (ctx.totals.expenditure_this_year, "各功能分类科目之和"),
        &["expenditure.lines"],
        line_count(ctx),
    );
}

/// JS-108: 基本支出 against its 报表数.
fn control_basic(ctx: &Context<'_>, report: &mut Report<'_>) {
    let c = &ctx.project.control_totals;
    control(
        ctx,
        report,
        (c.basic, "control_totals.basic"),
        (ctx.totals.by_nature.basic, "各功能分类科目基本支出之和"),
        &["expenditure.lines"],
        line_count(ctx),
    );
}

/// JS-109: 项目支出 against its 报表数.
fn control_project(ctx: &Context<'_>, report: &mut Report<'_>) {
    let c = &ctx.project.control_totals;
    control(
        ctx,
        report,
        (c.project, "control_totals.project"),
        (ctx.totals.by_nature.project, "各功能分类科目项目支出之和"),
        &["expenditure.lines"],
        line_count(ctx),
    );
}

/// JS-110: 财政拨款收入 against its 报表数.
fn control_appropriation_revenue(ctx: &Context<'_>, report: &mut Report<'_>) {
    let c = &ctx.project.control_totals;
    control(
        ctx,
        report,
        (
            c.appropriation_revenue,
            "control_totals.appropriation_revenue",
        ),
        (ctx.totals.appropriation_revenue, "三项财政拨款收入之和"),
        &[
            "revenue.general_budget",
            "revenue.government_fund",
            "revenue.state_capital",
        ],
        3,
    );
}

/// JS-111: 财政拨款支出 against its 报表数.
fn control_appropriation_expenditure(ctx: &Context<'_>, report: &mut Report<'_>) {
    let c = &ctx.project.control_totals;
    control(
        ctx,
        report,
        (
            c.appropriation_expenditure,
            "control_totals.appropriation_expenditure",
        ),
        (
            ctx.totals.appropriation_expenditure,
            "财政拨款各科目支出之和",
        ),
        &["expenditure.lines"],
        line_count(ctx),
    );
}

/// JS-112: 一般公共预算财政拨款支出 against its 报表数.
fn control_general_budget(ctx: &Context<'_>, report: &mut Report<'_>) {
    let c = &ctx.project.control_totals;
    control(
        ctx,
        report,
        (
            c.general_budget_expenditure,
            "control_totals.general_budget_expenditure",
        ),
        (
            ctx.totals.general_budget_expenditure,
            "一般公共预算财政拨款各科目支出之和",
        ),
        &["expenditure.lines"],
        line_count(ctx),
    );
}

/// JS-113: 一般公共预算财政拨款基本支出 against its 报表数.
fn control_general_budget_basic(ctx: &Context<'_>, report: &mut Report<'_>) {
    let c = &ctx.project.control_totals;
    control(
        ctx,
        report,
        (
            c.general_budget_basic,
            "control_totals.general_budget_basic",
        ),
        (
            ctx.totals.general_budget_basic,
            "一般公共预算财政拨款各科目基本支出之和",
        ),
        &["expenditure.lines"],
        line_count(ctx),
    );
}

/// JS-114: "三公"经费合计 against its 报表数.
fn control_three_public(ctx: &Context<'_>, report: &mut Report<'_>) {
    let c = &ctx.project.control_totals;
    control(
        ctx,
        report,
        (c.three_public, "control_totals.three_public"),
        (ctx.totals.three_public.actual, "“三公”经费各项决算数之和"),
        &["three_public"],
        5,
    );
}
