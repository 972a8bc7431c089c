//! Plausibility (JS-7xx): figures that are possible but unusual for a unit of this kind.

use rust_decimal::Decimal;

use super::{Check, Context, Need, Report, Rule, Severity, amount};
use crate::model::{
    BalanceSide, Bridge, CostGroup, ExpenditureField, FieldPath, Fund, RevenueItem, RunningField,
    Signatory, StaffField, UnitField, UnitKind,
};
use crate::money::{Percent, Wan};

pub(super) const RULES: &[Rule] = &[
    Rule {
        code: "JS-701",
        severity: Severity::Warning,
        title: "实有人数超过编制数",
        check: Check::Code(staff_within_posts),
        needs: &[],
    },
    Rule {
        code: "JS-712",
        severity: Severity::Warning,
        title: "在职人员按岗位的人数之和与实有人数不符",
        check: Check::Code(staff_by_post_adds_up),
        needs: &[Need::StaffByPost],
    },
    Rule {
        code: "JS-702",
        severity: Severity::Hint,
        title: "结转结余为负数",
        check: Check::Code(negative_balances),
        needs: &[],
    },
    Rule {
        code: "JS-703",
        severity: Severity::Hint,
        title: "机关运行经费与日常公用经费相差较大",
        check: Check::Code(running_costs_vs_public_costs),
        needs: &[Need::Administrative, Need::CostSplit, Need::RunningCosts],
    },
    Rule {
        code: "JS-704",
        severity: Severity::Hint,
        title: "事业单位填写了机关运行经费",
        check: Check::Code(running_costs_for_public_service_unit),
        needs: &[Need::PublicService],
    },
    Rule {
        code: "JS-705",
        severity: Severity::Hint,
        title: "签字人未填写",
        check: Check::Code(signatories),
        needs: &[Need::SignOffPrinted],
    },
    Rule {
        code: "JS-706",
        severity: Severity::Error,
        title: "单位名称或决算年度未填写或不合理",
        check: Check::Code(unit_identity),
        needs: &[],
    },
    Rule {
        code: "JS-707",
        severity: Severity::Hint,
        title: "行政单位有事业收入或经营收入",
        check: Check::Code(administrative_income),
        needs: &[Need::Administrative],
    },
    Rule {
        code: "JS-708",
        severity: Severity::Hint,
        title: "有经营支出却没有经营收入",
        check: Check::Code(business_without_income),
        needs: &[],
    },
    Rule {
        code: "JS-709",
        severity: Severity::Warning,
        title: "决算批复已满 15 日，尚未公开",
        needs: &[Need::ApprovalDate],
        check: Check::Code(publication_due),
    },
    Rule {
        code: "JS-710",
        severity: Severity::Error,
        title: "未在决算批复后 20 日内公开",
        needs: &[Need::ApprovalDate],
        check: Check::Code(publication_late),
    },
    Rule {
        code: "JS-711",
        severity: Severity::Warning,
        title: "本年金额尚未填写",
        check: Check::Code(year_amounts_entered),
        needs: &[],
    },
];

/// JS-711: a part of the year's figures of which not one amount is entered — a year just begun
/// (新建下一年度), or a part forgotten. A blank amount counts as zero in every total and in the
/// document, so the document would state zeros nobody typed; one zero typed says "none this
/// year". A blank cell among entered ones is an ordinary empty cell and is not listed.
fn year_amounts_entered(ctx: &Context<'_>, report: &mut Report<'_>) {
    use crate::model::{CostEntry, ProcurementField, ThreePublicField as T};
    let p = ctx.project;
    let mut blank = |part: &str, amounts: &[Option<Wan>], fields: Vec<FieldPath>| {
        if amounts.iter().all(Option::is_none) {
            report.add(
                format!("{part}尚未填写（空白按 0 计入合计和文档；本年确实没有的，请填 0）"),
                fields,
            );
        }
    };
    let r = &p.revenue;
    blank(
        "本年收入各项",
        &RevenueItem::ALL
            .iter()
            .map(|i| i.entered(r))
            .collect::<Vec<_>>(),
        RevenueItem::ALL
            .iter()
            .map(|i| FieldPath::revenue(*i))
            .collect(),
    );
    let lines = &p.expenditure.lines;
    if !lines.is_empty() {
        blank(
            "支出决算表各行的本年支出",
            &lines
                .iter()
                .flat_map(|l| crate::model::Nature::ALL.iter().map(|n| n.entered(l)))
                .collect::<Vec<_>>(),
            vec![FieldPath::expenditure(ExpenditureField::Lines)],
        );
    }
    blank(
        "年末结转和结余",
        &Fund::ALL
            .iter()
            .map(|f| p.balances.of(*f).closing)
            .collect::<Vec<_>>(),
        Fund::ALL
            .iter()
            .map(|f| FieldPath::balance(*f, BalanceSide::Closing))
            .collect(),
    );
    for group in CostGroup::ALL {
        let amounts: Vec<Option<Wan>> = match group.of(&p.basic_costs) {
            CostEntry::Total { amount, .. } => vec![*amount],
            CostEntry::Items(items) => items.iter().map(|i| i.amount).collect(),
        };
        blank(group.label(), &amounts, vec![FieldPath::cost_group(*group)]);
    }
    blank(
        "“三公”经费的本年预算数和决算数",
        &p.three_public.year_amounts().map(|(_, a)| a),
        vec![
            FieldPath::three_public(T::OverseasBudget),
            FieldPath::three_public(T::OverseasActual),
        ],
    );
    if matches!(
        p.unit.kind,
        UnitKind::Administrative | UnitKind::CivilServiceManaged
    ) {
        blank(
            "机关运行经费",
            &[p.running_costs.amount],
            vec![FieldPath::running_costs(RunningField::Amount)],
        );
    }
    let pr = &p.procurement;
    blank(
        "政府采购支出",
        &[pr.goods, pr.works, pr.services],
        [
            ProcurementField::Goods,
            ProcurementField::Works,
            ProcurementField::Services,
        ]
        .map(FieldPath::procurement)
        .to_vec(),
    );
}

/// JS-701: a body cannot normally have more staff than posts.
fn staff_within_posts(ctx: &Context<'_>, report: &mut Report<'_>) {
    for (i, body) in ctx.project.unit.staffing.iter().enumerate() {
        if let (Some(staff), Some(posts)) = (body.staff, body.posts)
            && staff > posts
        {
            report.add(
                format!(
                    "{}实有 {staff} 人，超过{} {posts} 名",
                    body.body, body.post_kind
                ),
                vec![
                    FieldPath::staffing(i, StaffField::Staff),
                    FieldPath::staffing(i, StaffField::Posts),
                ],
            );
        }
    }
}

/// JS-712: 专业技术、管理 and 工勤 人员 divide the 在职实有人数 (a unit's document states both).
fn staff_by_post_adds_up(ctx: &Context<'_>, report: &mut Report<'_>) {
    let u = &ctx.project.unit;
    let staff = crate::model::sum_counts(u.staffing.iter().map(|b| b.staff));
    let posts = &u.staff_by_post;
    let total = posts.total().unwrap_or_default();
    if total != staff.unwrap_or(0) {
        let parts: Vec<String> = posts
            .counts()
            .iter()
            .map(|(field, n)| format!("{}{}人", field.label(), n.unwrap_or_default()))
            .collect();
        let mut fields: Vec<FieldPath> = posts
            .counts()
            .iter()
            .map(|(field, _)| FieldPath::unit(*field))
            .collect();
        fields.push(FieldPath::unit(UnitField::Staffing));
        report.add(
            format!(
                "在职人员按岗位：{}，共 {total} 人；人员编制中的实有人数为 {} 人",
                parts.join("、"),
                super::count_text(staff)
            ),
            fields,
        );
    }
}

/// JS-702: negative balances can be real (超支挂账) but are more often a sign error.
fn negative_balances(ctx: &Context<'_>, report: &mut Report<'_>) {
    let b = &ctx.project.balances;
    for fund in Fund::ALL {
        let balance = b.of(fund);
        for (side, value) in [
            (BalanceSide::Opening, Some(balance.opening)),
            (
                BalanceSide::Closing,
                Some(balance.closing.unwrap_or_default()),
            ),
            (BalanceSide::PriorClosing, balance.prior_closing),
        ] {
            if let Some(value) = value.filter(Wan::is_negative) {
                report.add(
                    format!(
                        "{}{}为 {}，请确认是否正确",
                        fund.label(),
                        side.label(),
                        amount(value)
                    ),
                    vec![FieldPath::balance(fund, side)],
                );
            }
        }
    }
    if b.surplus_distribution.unwrap_or_default().is_negative() {
        report.add(
            format!(
                "{}为 {}，请确认是否正确",
                Bridge::SurplusDistribution.label(),
                amount(b.surplus_distribution.unwrap_or_default())
            ),
            vec![FieldPath::bridge(Bridge::SurplusDistribution)],
        );
    }
}

/// JS-703: 机关运行经费 is the 日常公用经费 of administrative units; they differ by definition
/// (project money can count, some public costs do not), but by more than half is worth a look.
fn running_costs_vs_public_costs(ctx: &Context<'_>, report: &mut Report<'_>) {
    // Needs RunningCosts: the rule is not run on a blank.
    let Some(running) = ctx.project.running_costs.amount else {
        return;
    };
    let public = ctx.totals.public_costs;
    let Some(ratio) = Percent::of(running, public) else {
        return;
    };
    let ratio = ratio.value();
    if ratio < Decimal::from(50) || ratio > Decimal::from(150) {
        report.add(
            format!(
                "机关运行经费 {} 是日常公用经费 {} 的 {}%，二者口径相近，请核对",
                amount(running),
                amount(public),
                crate::money::round_half_up(ratio, 2).normalize()
            ),
            vec![
                FieldPath::running_costs(RunningField::Amount),
                FieldPath::cost_group(CostGroup::Public),
            ],
        );
    }
}

/// JS-704: 机关运行经费 applies to administrative units (and those managed as such) only.
fn running_costs_for_public_service_unit(ctx: &Context<'_>, report: &mut Report<'_>) {
    let p = ctx.project;
    if p.unit.kind == UnitKind::PublicService
        && !p.running_costs.amount.unwrap_or_default().is_zero()
    {
        report.add(
            format!(
                "单位性质为事业单位，机关运行经费只适用于行政单位和参公事业单位，却填写了 {}",
                amount(p.running_costs.amount.unwrap_or_default())
            ),
            vec![
                FieldPath::running_costs(RunningField::Amount),
                FieldPath::unit(UnitField::Kind),
            ],
        );
    }
}

/// JS-705: the sign-off names every signatory (单位负责人, 分管负责人, 财务负责人, 制表人).
fn signatories(ctx: &Context<'_>, report: &mut Report<'_>) {
    let s = &ctx.project.unit.signatories;
    let missing: Vec<Signatory> = Signatory::ALL
        .iter()
        .copied()
        .filter(|who| who.of(s).trim().is_empty())
        .collect();
    if !missing.is_empty() {
        let labels: Vec<&str> = missing.iter().map(|who| who.label()).collect();
        report.add(
            format!("签字栏缺少：{}", labels.join("、")),
            missing.into_iter().map(FieldPath::signatory).collect(),
        );
    }
}

/// JS-706: the document's title needs the unit's name and a real year.
fn unit_identity(ctx: &Context<'_>, report: &mut Report<'_>) {
    let u = &ctx.project.unit;
    if u.name.trim().is_empty() {
        report.add(
            "未填写单位全称".to_owned(),
            vec![FieldPath::unit(UnitField::Name)],
        );
    }
    if !(2000..=2100).contains(&u.year) {
        report.add(
            format!("决算年度 {} 不合理", u.year),
            vec![FieldPath::unit(UnitField::Year)],
        );
    }
}

/// JS-707: administrative units have no 事业收入 or 经营收入.
fn administrative_income(ctx: &Context<'_>, report: &mut Report<'_>) {
    let p = ctx.project;
    for item in [RevenueItem::Operations, RevenueItem::Business] {
        let (name, value) = (item.label(), item.of(&p.revenue));
        if !value.is_zero() {
            report.add(
                format!(
                    "单位性质为{}，却有{name} {}",
                    p.unit.kind.label(),
                    amount(value)
                ),
                vec![FieldPath::revenue(item), FieldPath::unit(UnitField::Kind)],
            );
        }
    }
}

/// JS-708: 经营支出 is paid from 经营收入 (or its balance).
fn business_without_income(ctx: &Context<'_>, report: &mut Report<'_>) {
    let p = ctx.project;
    let spent = ctx.totals.by_nature.business;
    if !spent.is_zero() && p.revenue.business.unwrap_or_default().is_zero() {
        report.add(
            format!("经营支出 {}，经营收入为 0", amount(spent)),
            vec![
                FieldPath::revenue(RevenueItem::Business),
                FieldPath::expenditure(ExpenditureField::Lines),
            ],
        );
    }
}

/// The days within which approved accounts are published (财政部 notices since 2016: 批复后 20
/// 日内), and the day from which the clerk is warned.
const PUBLISH_WITHIN: u32 = 20;
const WARN_FROM: i64 = 15;

/// JS-709: 15 days after 批复 and not yet published: the deadline is near.
fn publication_due(ctx: &Context<'_>, report: &mut Report<'_>) {
    let u = &ctx.project.unit;
    let (Some(approved), None, Some(today)) = (u.approval_date, u.publication_date, ctx.today)
    else {
        return;
    };
    let days = today.days_since(approved);
    if (WARN_FROM..=i64::from(PUBLISH_WITHIN)).contains(&days) {
        report.add(
            format!(
                "决算于 {} 批复，今天是第 {days} 日，尚未填写公开日期；应在 {} 前公开",
                approved.chinese(),
                approved.plus_days(PUBLISH_WITHIN).chinese()
            ),
            vec![
                FieldPath::unit(UnitField::PublicationDate),
                FieldPath::unit(UnitField::ApprovalDate),
            ],
        );
    }
}

/// JS-710: published (or still not) more than 20 days after 批复.
fn publication_late(ctx: &Context<'_>, report: &mut Report<'_>) {
    let u = &ctx.project.unit;
    let Some(approved) = u.approval_date else {
        return;
    };
    let deadline = approved.plus_days(PUBLISH_WITHIN);
    let fields = vec![
        FieldPath::unit(UnitField::PublicationDate),
        FieldPath::unit(UnitField::ApprovalDate),
    ];
    match (u.publication_date, ctx.today) {
        (Some(published), _) if published < approved => report.add(
            format!(
                "公开日期 {} 早于批复日期 {}，请核对",
                published.chinese(),
                approved.chinese()
            ),
            fields,
        ),
        (Some(published), _) if published > deadline => report.add(
            format!(
                "决算于 {} 批复，{} 公开，是批复后第 {} 日，超过 20 日的期限（{}）",
                approved.chinese(),
                published.chinese(),
                published.days_since(approved),
                deadline.chinese()
            ),
            fields,
        ),
        (None, Some(today)) if today > deadline => report.add(
            format!(
                "决算于 {} 批复，应在 {} 前公开，今天已是第 {} 日，尚未填写公开日期",
                approved.chinese(),
                deadline.chinese(),
                today.days_since(approved)
            ),
            fields,
        ),
        _ => {}
    }
}
