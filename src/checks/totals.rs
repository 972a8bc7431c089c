//! Totals (JS-1xx): the two sides balance, each fund balances, balances carry over, and every
//! computed total agrees with the 报表数 the clerk copied from the official tables.

use super::classification::is_item_code;
use super::{Check, Compared, Context, Need, Report, Rule, Severity, amount, mismatch};
use crate::model::{
    BalanceSide, ControlTotal, ExpenditureField, FieldPath, Fund, REVENUE_SOURCES, RevenueField,
    RevenueItem, RevenueLineField, RevenueSource, Root,
};
use crate::money::Wan;

pub(super) const RULES: &[Rule] = &[
    Rule {
        code: "JS-101",
        severity: Severity::Error,
        title: "收入总计与支出总计不相等",
        check: Check::Code(totals_balance),
        needs: &[],
    },
    Rule {
        code: "JS-102",
        severity: Severity::Error,
        title: "财政拨款年初结转结余加本年收入不等于本年支出加年末结转结余",
        check: Check::Code(fund_balance),
        needs: &[],
    },
    Rule {
        code: "JS-103",
        severity: Severity::Warning,
        title: "年初结转和结余与上年年末结转和结余不一致",
        check: Check::Code(carry_over),
        needs: &[Need::PriorClosing],
    },
    control("JS-104", ControlTotal::TotalRevenue, "收入总计与报表数不符"),
    control(
        "JS-105",
        ControlTotal::RevenueThisYear,
        "本年收入合计与报表数不符",
    ),
    control(
        "JS-106",
        ControlTotal::TotalExpenditure,
        "支出总计与报表数不符",
    ),
    control(
        "JS-107",
        ControlTotal::ExpenditureThisYear,
        "本年支出合计与报表数不符",
    ),
    control("JS-108", ControlTotal::Basic, "基本支出与报表数不符"),
    control("JS-109", ControlTotal::Project, "项目支出与报表数不符"),
    control(
        "JS-110",
        ControlTotal::AppropriationRevenue,
        "财政拨款收入与报表数不符",
    ),
    control(
        "JS-111",
        ControlTotal::AppropriationExpenditure,
        "财政拨款支出与报表数不符",
    ),
    control(
        "JS-112",
        ControlTotal::GeneralBudgetExpenditure,
        "一般公共预算财政拨款支出与报表数不符",
    ),
    control(
        "JS-113",
        ControlTotal::GeneralBudgetBasic,
        "一般公共预算财政拨款基本支出与报表数不符",
    ),
    control(
        "JS-114",
        ControlTotal::ThreePublic,
        "“三公”经费合计与报表数不符",
    ),
    Rule {
        code: "JS-115",
        severity: Severity::Error,
        title: "收入决算表按功能分类之和与本年收入不符",
        check: Check::Code(revenue_by_function_sums),
        needs: &[Need::RevenueByFunction],
    },
    Rule {
        code: "JS-116",
        severity: Severity::Warning,
        title: "收入决算表的功能分类科目编码有误或无名称",
        check: Check::Code(revenue_line_codes),
        needs: &[Need::RevenueByFunction],
    },
    Rule {
        code: "JS-117",
        severity: Severity::Hint,
        title: "本年收入未按功能分类填列",
        check: Check::Code(revenue_by_function_missing),
        needs: &[],
    },
    Rule {
        code: "JS-118",
        severity: Severity::Warning,
        title: "上年数各项之和与上年合计不符",
        check: Check::Code(prior_parts),
        needs: &[Need::PriorYear],
    },
    Rule {
        code: "JS-119",
        severity: Severity::Hint,
        title: "报表数与明细之和的差额在四舍五入范围内",
        check: Check::Code(rounding_differences),
        needs: &[Need::EnteredInWan, Need::AnyControl],
    },
];

/// A prior-year figure for JS-118: its amount if entered, its name and its field.
type PriorPart<'a> = (Option<Wan>, &'a str, FieldPath);

/// JS-118: last year's parts against last year's total, both copied from last year's document.
/// Its printed cells are rounded, so 0.01 万元 per part is allowed whatever the project's
/// tolerance. With every part entered the sum must equal the total; with some, it may not
/// exceed it.
fn prior_parts(ctx: &Context<'_>, report: &mut Report<'_>) {
    use crate::model::{Nature, PriorFigure, RevenueItem};
    let p = ctx.project;
    let py = &p.prior_year;
    let figure = |f: PriorFigure| (py.get(f), f.label(), FieldPath::prior_year(f));
    let mut groups: Vec<(PriorPart<'_>, Vec<PriorPart<'_>>)> = vec![
        (
            figure(PriorFigure::RevenueThisYear),
            RevenueItem::ALL
                .iter()
                .map(|i| figure(PriorFigure::of_source(*i)))
                .collect(),
        ),
        (
            figure(PriorFigure::ExpenditureThisYear),
            Nature::ALL
                .iter()
                .map(|n| figure(PriorFigure::of_nature(*n)))
                .collect(),
        ),
        (
            figure(PriorFigure::GeneralBudgetBasic),
            vec![
                figure(PriorFigure::Personnel),
                figure(PriorFigure::PublicCosts),
            ],
        ),
    ];
    let lines: Vec<(usize, &crate::model::FunctionalLine)> = p
        .expenditure
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.fund == Fund::GeneralBudget)
        .collect();
    let line_label: Vec<String> = lines
        .iter()
        .map(|(i, l)| format!("支出第{}行（{}）上年决算数", i + 1, l.code))
        .collect();
    groups.push((
        figure(PriorFigure::GeneralBudgetExpenditure),
        lines
            .iter()
            .zip(&line_label)
            .map(|((i, l), label)| {
                (
                    l.prior,
                    label.as_str(),
                    FieldPath::expenditure_line(*i, crate::model::LineField::Prior),
                )
            })
            .collect(),
    ));
    for ((total, total_label, total_path), parts) in groups {
        let Some(total) = total else { continue };
        let entered: Vec<_> = parts.iter().filter(|(v, _, _)| v.is_some()).collect();
        if entered.is_empty() {
            continue;
        }
        let sum: Wan = entered.iter().filter_map(|(v, _, _)| *v).sum();
        let allowed = Wan::from_wan(rust_decimal::Decimal::new(entered.len() as i64, 2));
        let complete = entered.len() == parts.len();
        let wrong = if complete {
            (sum - total).abs() > allowed
        } else {
            sum - total > allowed
        };
        if !wrong {
            continue;
        }
        let names: Vec<&str> = entered.iter().map(|(_, n, _)| *n).collect();
        let what = if complete {
            "各项之和"
        } else {
            "已填各项之和"
        };
        let mut fields = vec![total_path];
        fields.extend(entered.iter().map(|(_, _, f)| f.clone()));
        let compared = Compared::new(total_label, total, what, sum);
        report.add_compared(
            format!("{}（{}）", compared, names.join("、")),
            compared,
            fields,
        );
    }
}

/// A JS-104…JS-114 rule: a 报表数 against the total it must equal. Each is its own row, with its
/// own stable code; [`check_control`] checks them all.
const fn control(code: &'static str, total: ControlTotal, title: &'static str) -> Rule {
    Rule {
        code,
        severity: Severity::Error,
        title,
        needs: &[],
        check: Check::Control(total),
    }
}

/// JS-101: 收入总计 = 支出总计. Both are sums (本年 + 结转结余 + bridge items), so a difference
/// means a revenue source, a line or a balance is missing or mistyped.
fn totals_balance(ctx: &Context<'_>, report: &mut Report<'_>) {
    let t = &ctx.totals;
    if !ctx.agree(t.total_revenue, t.total_expenditure, 2) {
        let compared = Compared::new("收入总计", t.total_revenue, "支出总计", t.total_expenditure);
        report.add_compared(
            compared.to_string(),
            compared,
            vec![
                FieldPath::part(Root::Revenue),
                lines(),
                FieldPath::part(Root::Balances),
            ],
        );
    }
}

/// JS-102: for each fiscal appropriation, 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余.
fn fund_balance(ctx: &Context<'_>, report: &mut Report<'_>) {
    let p = ctx.project;
    for fund in Fund::APPROPRIATIONS {
        let item = match fund {
            Fund::GeneralBudget => RevenueItem::GeneralBudget,
            Fund::GovernmentFund => RevenueItem::GovernmentFund,
            _ => RevenueItem::StateCapital,
        };
        let revenue = item.of(&p.revenue);
        let balance = p.balances.of(fund);
        let available = balance.opening + revenue;
        let used = ctx.totals.fund_expenditure(fund) + balance.closing.unwrap_or_default();
        if !ctx.agree(available, used, 2) {
            report.add(
                format!(
                    "{}：年初结转和结余 {} 加本年收入 {} 共 {}，本年支出 {} 加年末结转和结余 {} 共 {}，相差 {}",
                    fund.label(),
                    amount(balance.opening),
                    amount(revenue),
                    amount(available),
                    amount(ctx.totals.fund_expenditure(fund)),
                    amount(balance.closing.unwrap_or_default()),
                    amount(used),
                    amount((available - used).abs())
                ),
                vec![
                    FieldPath::balance(fund, BalanceSide::Closing),
                    FieldPath::revenue(item),
                    FieldPath::balance(fund, BalanceSide::Opening),
                    lines(),
                ],
            );
        }
    }
}

/// The lines of the 支出决算表, as a whole.
fn lines() -> FieldPath {
    FieldPath::expenditure(ExpenditureField::Lines)
}

/// JS-103: this year's opening balance equals last year's closing balance, fund by fund.
fn carry_over(ctx: &Context<'_>, report: &mut Report<'_>) {
    for fund in Fund::ALL {
        let balance = ctx.project.balances.of(fund);
        let Some(prior) = balance.prior_closing else {
            continue;
        };
        if balance.opening != prior {
            let compared = Compared::new(
                "本年年初结转和结余",
                balance.opening,
                "上年年末结转和结余",
                prior,
            );
            report.add_compared(
                format!("{}：{}", fund.label(), compared),
                compared,
                vec![
                    FieldPath::balance(fund, BalanceSide::Opening),
                    FieldPath::balance(fund, BalanceSide::PriorClosing),
                ],
            );
        }
    }
}

/// A 报表数 that differs from the total computed from its parts by no more than the official
/// tables' rounding: the filing system keeps 元 and rounds each printed cell to 0.01 万元, so
/// detail copied in 万元 often adds up to 0.01 more or less per row than the printed total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rounded {
    /// Which 报表数.
    pub total: ControlTotal,
    /// The 报表数, which the document prints.
    pub official: Wan,
    /// The sum of the entered parts.
    pub computed: Wan,
    /// What the sum is of, for the message.
    pub label: &'static str,
    /// The 报表数 and the fields it is the sum of.
    pub fields: Vec<FieldPath>,
}

/// The 报表数 that differ from their computed totals only by rounding (see [`Rounded`]). Entry
/// in 元 is exact, so there none do.
pub fn within_rounding(ctx: &Context<'_>) -> Vec<Rounded> {
    ControlTotal::ALL
        .iter()
        .filter_map(|&total| rounded(total, ctx))
        .collect()
}

/// `total`'s 报表数 when it differs from its parts only by rounding.
fn rounded(total: ControlTotal, ctx: &Context<'_>) -> Option<Rounded> {
    if ctx.project.settings.entry_unit == crate::money::EntryUnit::Yuan {
        return None;
    }
    let official = total.of(&ctx.project.control_totals)?;
    let (computed, label, parts, items) = computed(total, ctx);
    let allowed = Wan::from_wan(rust_decimal::Decimal::new(items.max(1) as i64, 2));
    let rounding = computed != official && (computed - official).abs() <= allowed;
    rounding.then(|| {
        let mut fields = vec![FieldPath::control_total(total)];
        fields.extend(parts);
        Rounded {
            total,
            official,
            computed,
            label,
            fields,
        }
    })
}

/// JS-119: every 报表数 that differs from its parts only by rounding, in one finding: the
/// document prints the 报表数, and the clerk sees which rows to look at if it is not rounding.
fn rounding_differences(ctx: &Context<'_>, report: &mut Report<'_>) {
    let rounded = within_rounding(ctx);
    if rounded.is_empty() {
        return;
    }
    let each: Vec<String> = rounded
        .iter()
        .map(|r| {
            format!(
                "{}：{}",
                r.total.label().trim_end_matches("（报表数）"),
                mismatch("报表数", r.official, r.label, r.computed)
            )
        })
        .collect();
    let mut fields: Vec<FieldPath> = Vec::new();
    for f in rounded.into_iter().flat_map(|r| r.fields) {
        if !fields.contains(&f) {
            fields.push(f);
        }
    }
    report.add(
        format!(
            "{}。官方报表按元计算、每格四舍五入到万元，照抄的明细相加常差 0.01 万元，文档各处按报表数印出；差额若不是四舍五入造成的，请核对所列明细",
            each.join("；")
        ),
        fields,
    );
}

/// JS-104 to JS-114: a 报表数, when entered, against the total computed from the entered parts.
/// A difference within rounding is not an error (JS-119 reports it).
pub(super) fn check_control(total: ControlTotal, ctx: &Context<'_>, report: &mut Report<'_>) {
    let Some(control) = total.of(&ctx.project.control_totals) else {
        return;
    };
    let (computed, computed_label, parts, items) = computed(total, ctx);
    if !ctx.agree(computed, control, items) && rounded(total, ctx).is_none() {
        let mut fields = vec![FieldPath::control_total(total)];
        fields.extend(parts);
        let compared = Compared::new("报表数", control, computed_label, computed);
        report.add_compared(compared.to_string(), compared, fields);
    }
}

/// What a 报表数 is compared with: the computed total, what it is the sum of (for the message),
/// the fields it is computed from, and how many items it sums (for the rounding tolerance).
fn computed(total: ControlTotal, ctx: &Context<'_>) -> (Wan, &'static str, Vec<FieldPath>, usize) {
    let t = &ctx.totals;
    let n = ctx.project.expenditure.lines.len();
    let revenue = || FieldPath::part(Root::Revenue);
    let balances = || FieldPath::part(Root::Balances);
    match total {
        ControlTotal::TotalRevenue => (
            t.total_revenue,
            "按各项收入和年初结转结余计算的收入总计",
            vec![revenue(), balances()],
            10,
        ),
        ControlTotal::RevenueThisYear => (t.revenue_this_year, "各项收入之和", vec![revenue()], 8),
        ControlTotal::TotalExpenditure => (
            t.total_expenditure,
            "按各项支出和年末结转结余计算的支出总计",
            vec![lines(), balances()],
            n + 5,
        ),
        ControlTotal::ExpenditureThisYear => (
            t.expenditure_this_year,
            "各功能分类科目之和",
            vec![lines()],
            n,
        ),
        ControlTotal::Basic => (
            t.by_nature.basic,
            "各功能分类科目基本支出之和",
            vec![lines()],
            n,
        ),
        ControlTotal::Project => (
            t.by_nature.project,
            "各功能分类科目项目支出之和",
            vec![lines()],
            n,
        ),
        ControlTotal::AppropriationRevenue => (
            t.appropriation_revenue,
            "三项财政拨款收入之和",
            [
                RevenueItem::GeneralBudget,
                RevenueItem::GovernmentFund,
                RevenueItem::StateCapital,
            ]
            .map(FieldPath::revenue)
            .to_vec(),
            3,
        ),
        ControlTotal::AppropriationExpenditure => (
            t.appropriation_expenditure,
            "财政拨款各科目支出之和",
            vec![lines()],
            n,
        ),
        ControlTotal::GeneralBudgetExpenditure => (
            t.general_budget_expenditure,
            "一般公共预算财政拨款各科目支出之和",
            vec![lines()],
            n,
        ),
        ControlTotal::GeneralBudgetBasic => (
            t.general_budget_basic,
            "一般公共预算财政拨款各科目基本支出之和",
            vec![lines()],
            n,
        ),
        ControlTotal::ThreePublic => (
            t.three_public.actual,
            "“三公”经费各项决算数之和",
            vec![FieldPath::part(Root::ThreePublic)],
            5,
        ),
    }
}

/// JS-115: each source column of 表2 adds up to that source of 本年收入 (财政拨款: the three
/// appropriations together), once the table is entered.
fn revenue_by_function_sums(ctx: &Context<'_>, report: &mut Report<'_>) {
    let r = &ctx.project.revenue;
    for source in REVENUE_SOURCES {
        let lines: Wan = r.by_function.iter().map(|l| source.of_line(l)).sum();
        let entered = source.of_revenue(r);
        if !ctx.agree(lines, entered, r.by_function.len() + 1) {
            let mut fields: Vec<FieldPath> = (0..r.by_function.len())
                .map(|i| FieldPath::revenue_line(i, source.into()))
                .collect();
            fields.insert(0, source_field(source));
            let compared = Compared::new(
                &format!("收入决算表各科目{}之和", source.label()),
                lines,
                &format!("本年{}", source.label()),
                entered,
            );
            report.add_compared(compared.to_string(), compared, fields);
        }
    }
}

/// Where a source of 本年收入 is entered (财政拨款: its first part).
fn source_field(source: RevenueSource) -> FieldPath {
    FieldPath::revenue(match source {
        RevenueSource::Appropriation => RevenueItem::GeneralBudget,
        RevenueSource::HigherLevelGrants => RevenueItem::HigherLevelGrants,
        RevenueSource::Operations => RevenueItem::Operations,
        RevenueSource::Business => RevenueItem::Business,
        RevenueSource::FromSubsidiaries => RevenueItem::FromSubsidiaries,
        RevenueSource::Other => RevenueItem::Other,
    })
}

/// JS-116: a row of 表2 needs a 7-digit 项 code with a name: from the catalog, from the row, or
/// from an expenditure line of the same code.
fn revenue_line_codes(ctx: &Context<'_>, report: &mut Report<'_>) {
    let p = ctx.project;
    for (i, line) in p.revenue.by_function.iter().enumerate() {
        let field = FieldPath::revenue_line(i, RevenueLineField::Code);
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
            vec![FieldPath::revenue_field(RevenueField::ByFunction)],
        );
    }
}
