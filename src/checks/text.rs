//! What the text will need (JS-6xx): a reason for every change and deviation the document
//! explains, and the prior-year figures it compares with.

use super::{Check, Context, Need, Report, Rule, Severity, amount};
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
        needs: &[Need::Prior(PriorFigure::TotalRevenue)],
    },
    Rule {
        code: "JS-602",
        severity: Severity::Warning,
        title: "财政拨款收、支总计与上年相比有变化，未填写变动原因",
        check: Check::Code(appropriation_change_reason),
        needs: &[Need::Prior(PriorFigure::AppropriationRevenue)],
    },
    Rule {
        code: "JS-603",
        severity: Severity::Warning,
        title: "一般公共预算财政拨款支出与上年相比有变化，未填写变动原因",
        check: Check::Code(general_budget_change_reason),
        needs: &[Need::Prior(PriorFigure::GeneralBudgetExpenditure)],
    },
    Rule {
        code: "JS-604",
        severity: Severity::Warning,
        title: "科目决算数与预算数不同，未填写原因",
        check: Check::Code(line_deviation_reason),
        needs: &[Need::LineBudgets],
    },
    Rule {
        code: "JS-605",
        severity: Severity::Warning,
        title: "“三公”经费某项与上年相比有变化，未填写原因",
        check: Check::Code(three_public_change_reason),
        needs: &[Need::ThreePublicPrior],
    },
    Rule {
        code: "JS-606",
        severity: Severity::Warning,
        title: "机关运行经费与上年相比有变化，未填写原因",
        check: Check::Code(running_costs_change_reason),
        needs: &[Need::Administrative, Need::RunningCostsPrior],
    },
    Rule {
        code: "JS-607",
        severity: Severity::Warning,
        title: "缺少文中需要比较的上年数",
        check: Check::Code(prior_year_missing),
        needs: &[],
    },
    Rule {
        code: "JS-608",
        severity: Severity::Hint,
        title: "一般公共预算财政拨款科目未填写预算数，无法写完成预算情况",
        check: Check::Code(line_budget_missing),
        needs: &[Need::Lines],
    },
    Rule {
        code: "JS-609",
        severity: Severity::Warning,
        title: "文字中有未填写的占位符",
        needs: &[],
        check: Check::Code(placeholders),
    },
    Rule {
        code: "JS-610",
        severity: Severity::Warning,
        title: "文字中的功能分类科目名称不是本年度的名称",
        needs: &[],
        check: Check::Code(outdated_class_names),
    },
    Rule {
        code: "JS-611",
        severity: Severity::Hint,
        title: "文字中写了“增长100%”（上年为 0 时应写“上年无此项支出”）",
        needs: &[],
        check: Check::Code(growth_on_zero_base),
    },
    Rule {
        code: "JS-612",
        severity: Severity::Hint,
        title: "文字中的金额以“元”为单位，文档的金额单位是万元",
        check: Check::Code(yuan_in_text),
        needs: &[],
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
        t.overseas.actual.unwrap_or_default(),
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
        r.amount.unwrap_or_default(),
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

/// Up to eight characters either side of byte `at` of `text`, for the message.
fn excerpt(text: &str, at: usize, len: usize) -> String {
    let before: String = {
        let mut b: Vec<char> = text[..at].chars().rev().take(8).collect();
        b.reverse();
        b.into_iter().collect()
    };
    let after: String = text[at + len..].chars().take(8).collect();
    format!("…{before}{}{after}…", &text[at..at + len])
}

/// What a clerk leaves where a figure or a name is still to come. "XX" also appears inside
/// Latin words, so it counts only beside a non-Latin character or the text's edge.
const PLACEHOLDERS: &[&str] = &[
    "XX",
    "xx",
    "ＸＸ",
    "××",
    "**",
    "＊＊",
    "○○",
    "□□",
    "某某",
    "待填",
    "待补充",
    // 新建下一年度 marks last year's texts so (next_year::DRAFT).
    "待复核",
    "请填写",
    "此处填",
    "TODO",
];

/// JS-609: a placeholder (XX, ××, 某某, 待填…) left in any text the clerk typed reaches the
/// printed page.
fn placeholders(ctx: &Context<'_>, report: &mut Report<'_>) {
    static ANY: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::LazyLock::new(|| aho_corasick::AhoCorasick::new(PLACEHOLDERS).ok());
    for (field, text) in ctx.texts() {
        // Most texts have none: one pass says so; the rest are searched placeholder by
        // placeholder, as the message names the first of the list found.
        if ANY.as_ref().is_some_and(|any| !any.is_match(text)) {
            continue;
        }
        let found = PLACEHOLDERS.iter().find_map(|p| {
            text.match_indices(p).find(|(at, _)| {
                let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
                !p.starts_with(['X', 'x']) || {
                    let before = text[..*at].chars().next_back();
                    let after = text[at + p.len()..]
                        .chars()
                        .find(|c| *c != 'X' && *c != 'x');
                    !latin(before) && !latin(after)
                }
            })
        });
        if let Some((at, p)) = found {
            report.add(
                format!(
                    "“{}”中有占位符“{p}”：{}，请填写实际内容",
                    field.label,
                    excerpt(text, at, p.len())
                ),
                vec![field.path.clone()],
            );
        }
    }
}

/// The 类 names the 2019 政府收支分类科目 changed (文化旅游体育与传媒, 卫生健康, 自然资源海洋气象):
/// (the name before 2019, the name from 2019).
const RENAMED_CLASSES: &[(&str, &str)] = &[
    ("文化体育与传媒", "文化旅游体育与传媒"),
    ("医疗卫生与计划生育", "卫生健康"),
    ("国土海洋气象等", "自然资源海洋气象等"),
];

/// JS-610: a 类 name of another year's catalog in the text (as "文化体育与传媒支出" in a 2023
/// document whose tables say 文化旅游体育与传媒支出).
fn outdated_class_names(ctx: &Context<'_>, report: &mut Report<'_>) {
    static ANY: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::LazyLock::new(|| {
            let names = RENAMED_CLASSES.iter().flat_map(|(old, new)| [*old, *new]);
            aho_corasick::AhoCorasick::new(names).ok()
        });
    let year = ctx.project.unit.year;
    for (field, text) in ctx.texts() {
        if ANY.as_ref().is_some_and(|any| !any.is_match(text)) {
            continue;
        }
        for &(old, new) in RENAMED_CLASSES {
            let (wrong, right) = if year >= 2019 { (old, new) } else { (new, old) };
            if let Some(at) = text.find(wrong) {
                report.add(
                    format!(
                        "“{}”写作“{wrong}”：{}，{year} 年度的科目名称是“{right}”",
                        field.label,
                        excerpt(text, at, wrong.len())
                    ),
                    vec![field.path.clone()],
                );
            }
        }
    }
}

/// JS-611: "增长100%" is what a growth rate on a zero base prints as; the official wording is
/// "上年无此项支出" (or the amount of the increase alone).
fn growth_on_zero_base(ctx: &Context<'_>, report: &mut Report<'_>) {
    for (field, text) in ctx.texts() {
        if !text.contains("100") {
            continue;
        }
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let hit = [
            "增长100%",
            "增长100.0%",
            "增长100.00%",
            "增长100％",
            "增幅100%",
        ]
        .iter()
        .find(|p| compact.contains(*p));
        if let Some(p) = hit {
            report.add(
                format!(
                    "“{}”写了“{p}”：若上年为 0，应写“上年无此项支出”或只写增加的金额",
                    field.label
                ),
                vec![field.path.clone()],
            );
        }
    }
}

/// JS-612: an amount written in 元 ("12,345.00元") among figures in 万元: budget tables copied
/// in 元 and read as 万元 are a fault inspections find. 万元 and 亿元 are not 元.
fn yuan_in_text(ctx: &Context<'_>, report: &mut Report<'_>) {
    for (field, text) in ctx.texts() {
        let hit = text.match_indices('元').find(|(at, _)| {
            text[..*at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        });
        if let Some((at, _)) = hit {
            report.add(
                format!(
                    "“{}”中的金额以“元”为单位：{}；文档中的金额都以万元为单位，请换算成万元或确认无误",
                    field.label,
                    excerpt(text, at, '元'.len_utf8())
                ),
                vec![field.path.clone()],
            );
        }
    }
}
