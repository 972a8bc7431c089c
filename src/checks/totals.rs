//! Totals (JS-1xx): the two sides balance, each fund balances, balances carry over, and every
//! computed total agrees with the 报表数 the clerk copied from the official tables.

use super::classification::is_item_code;
use super::{Context, Report, Rule, Severity, amount, mismatch};
use crate::model::{FieldPath, Fund, REVENUE_SOURCES, RevenueSource};
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
    Rule {
        code: "JS-115",
        severity: Severity::Error,
        title: "收入决算表按功能分类之和与本年收入不符",
        check: revenue_by_function_sums,
    },
    Rule {
        code: "JS-116",
        severity: Severity::Warning,
        title: "收入决算表的功能分类科目编码有误或无名称",
        check: revenue_line_codes,
    },
    Rule {
        code: "JS-117",
        severity: Severity::Hint,
        title: "本年收入未按功能分类填列",
        check: revenue_by_function_missing,
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

/// JS-115: each source column of 表2 adds up to that source of 本年收入 (财政拨款: the three
/// appropriations together), once the table is entered.
fn revenue_by_function_sums(ctx: &Context<'_>, report: &mut Report<'_>) {
    let r = &ctx.project.revenue;
    if r.by_function.is_empty() {
        return;
    }
    for source in REVENUE_SOURCES {
        let lines: Wan = r.by_function.iter().map(|l| source.of_line(l)).sum();
        let entered = source.of_revenue(r);
        if !ctx.agree(lines, entered, r.by_function.len() + 1) {
            let mut fields: Vec<FieldPath> = (0..r.by_function.len())
                .map(|i| FieldPath::new(format!("revenue.by_function[{i}].{}", source.key())))
                .collect();
            fields.insert(0, source_field(source));
            report.add(
                mismatch(
                    &format!("收入决算表各科目{}之和", source.label()),
                    lines,
                    &format!("本年{}", source.label()),
                    entered,
                ),
                fields,
            );
        }
    }
}

/// Where a source of 本年收入 is entered (财政拨款: its first part).
fn source_field(source: RevenueSource) -> FieldPath {
    match source {
        RevenueSource::Appropriation => "revenue.general_budget".into(),
        other => FieldPath::new(format!("revenue.{}", other.key())),
    }
}

/// JS-116: a row of 表2 needs a 7-digit 项 code with a name: from the catalog, from the row, or
/// from an expenditure line of the same code.
fn revenue_line_codes(ctx: &Context<'_>, report: &mut Report<'_>) {
    let p = ctx.project;
    for (i, line) in p.revenue.by_function.iter().enumerate() {
        let field = FieldPath::new(format!("revenue.by_function[{i}].code"));
        if !is_item_code(&line.code) {
            report.add(
                format!(
                    "收入决算表第 {} 行科目编码“{}”应为 7 位数字（项级科目）",
                    i + 1,
                    line.code
                ),
                vec![field],
            );
            continue;
        }
        // Without a catalog the year is unknown to the program: nothing to compare with.
        let named = ctx.catalog.is_none()
            || crate::catalog::revenue_item_name(ctx.catalog, &p.expenditure.lines, line).is_some();
        if !named {
            report.add(
                format!(
                    "收入决算表第 {} 行科目 {} 不在 {} 年科目表中，也没有填写了名称的同编码支出行，请核对编码",
                    i + 1,
                    line.code,
                    p.unit.year
                ),
                vec![field],
            );
        }
    }
}

/// JS-117: with revenue but no rows by function, 表2 prints only its 合计 row.
fn revenue_by_function_missing(ctx: &Context<'_>, report: &mut Report<'_>) {
    let r = &ctx.project.revenue;
    if r.by_function.is_empty() && !ctx.totals.revenue_this_year.is_zero() {
        report.add(
            format!(
                "本年收入 {} 未按功能分类科目填列，收入决算表（表2）只有合计行；可在“收入”页按支出科目生成后核对",
                amount(ctx.totals.revenue_this_year)
            ),
            vec!["revenue.by_function".into()],
        );
    }
}
