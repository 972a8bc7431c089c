//! "三公"经费 (JS-3xx): vehicles and their amounts, the economic lines inside 基本支出, the fleet
//! in two sections, budgets, and the counts behind each amount.

use super::{Check, Compared, Context, Need, Report, Rule, Severity, amount, count_text};
use crate::model::{
    AssetField, CostEntry, CostGroup, CostItemField, EXPENSE_FIELDS, FieldPath,
    ThreePublicField as F, VehiclePurchase,
};
use crate::money::Wan;

pub(super) const RULES: &[Rule] = &[
    Rule {
        code: "JS-301",
        severity: Severity::Warning,
        title: "购置车辆的数量与金额不匹配",
        check: Check::Code(purchases_count_vs_amount),
        needs: &[],
    },
    Rule {
        code: "JS-302",
        severity: Severity::Error,
        title: "基本支出中的“三公”经济科目超过“三公”经费决算数",
        check: Check::Code(economic_lines_within_three_public),
        needs: &[Need::EconomicItems],
    },
    Rule {
        code: "JS-303",
        severity: Severity::Warning,
        title: "“三公”部分的公务用车数量与国有资产部分的车辆数不一致",
        check: Check::Code(same_fleet),
        needs: &[],
    },
    Rule {
        code: "JS-304",
        severity: Severity::Hint,
        title: "预算数为 0 而有决算数，文中不写完成率",
        check: Check::Code(zero_budget),
        needs: &[],
    },
    Rule {
        code: "JS-305",
        severity: Severity::Warning,
        title: "“三公”经费决算数与预算数不同且未说明原因",
        check: Check::Code(off_budget),
        needs: &[],
    },
    Rule {
        code: "JS-306",
        severity: Severity::Warning,
        title: "有“三公”经费支出，却没有批次、团组或人数",
        check: Check::Code(amounts_without_counts),
        needs: &[],
    },
    Rule {
        code: "JS-307",
        severity: Severity::Hint,
        title: "有批次、团组或人数，却没有支出金额",
        check: Check::Code(counts_without_amounts),
        needs: &[],
    },
    Rule {
        code: "JS-308",
        severity: Severity::Hint,
        title: "没有公务用车，却有公务用车运行维护费",
        check: Check::Code(running_costs_without_vehicles),
        needs: &[],
    },
    Rule {
        code: "JS-309",
        severity: Severity::Error,
        title: "基本支出中的会议费、培训费超过会议费、培训费决算数",
        check: Check::Code(economic_lines_within_meetings_training),
        needs: &[Need::EconomicItems, Need::MeetingsTraining],
    },
    Rule {
        code: "JS-310",
        severity: Severity::Warning,
        title: "有会议费、培训费或节庆、晚会、论坛、赛事活动费支出，却没有次数或人次",
        check: Check::Code(meetings_training_without_counts),
        needs: &[Need::MeetingsTraining],
    },
];

/// A "三公" part: its name, budget, actual, reason and fields.
struct Part<'a> {
    name: &'static str,
    budget: Wan,
    /// Whether a budget was entered (a blank is not a budget of 0).
    budgeted: bool,
    actual: Wan,
    reason: &'a str,
    /// Where its reason is entered.
    reason_field: F,
}

fn parts<'a>(ctx: &'a Context<'_>) -> [Part<'a>; 3] {
    let t = &ctx.project.three_public;
    let totals = &ctx.totals.three_public;
    [
        Part {
            name: "因公出国（境）费",
            budget: t.overseas.budget.unwrap_or_default(),
            budgeted: t.overseas.budget.is_some(),
            actual: t.overseas.actual.unwrap_or_default(),
            reason: &t.overseas.change_reason,
            reason_field: F::OverseasChangeReason,
        },
        Part {
            name: "公务用车购置及运行维护费",
            budget: totals.vehicles_budget,
            budgeted: t.vehicles.purchase_budget.is_some() || t.vehicles.operation_budget.is_some(),
            actual: totals.vehicles_actual,
            reason: &t.vehicles.change_reason,
            reason_field: F::VehiclesChangeReason,
        },
        Part {
            name: "公务接待费",
            budget: t.reception.budget.unwrap_or_default(),
            budgeted: t.reception.budget.is_some(),
            actual: totals.reception_actual,
            reason: &t.reception.change_reason,
            reason_field: F::ReceptionChangeReason,
        },
    ]
}

/// JS-301: a bought vehicle has an amount, and an amount buys a vehicle.
/// A count that is zero or not entered: none of what it counts is stated.
fn none(n: Option<u32>) -> bool {
    n.unwrap_or(0) == 0
}

fn purchases_count_vs_amount(ctx: &Context<'_>, report: &mut Report<'_>) {
    let p = &ctx.project.three_public.vehicles.purchases;
    let kinds: [(F, F, &str, &VehiclePurchase); 3] = [
        (F::SedanCount, F::SedanAmount, "轿车", &p.sedan),
        (F::SuvCount, F::SuvAmount, "越野车", &p.suv),
        (
            F::PassengerCount,
            F::PassengerAmount,
            "载客汽车",
            &p.passenger,
        ),
    ];
    for (count, money, name, v) in kinds {
        if none(v.count) != v.amount.unwrap_or_default().is_zero() {
            report.add(
                format!(
                    "购置{name} {} 辆，金额 {}，数量与金额应同时为 0 或同时不为 0",
                    count_text(v.count),
                    v.amount.map_or_else(|| "未填写".to_owned(), amount)
                ),
                vec![
                    FieldPath::three_public(count),
                    FieldPath::three_public(money),
                ],
            );
        }
    }
}

/// JS-302: the economic items 30212, 31013, 30231 and 30217 of 基本支出 cannot exceed the matching
/// "三公" figure, which also includes project spending (so ≤, not =).
fn economic_lines_within_three_public(ctx: &Context<'_>, report: &mut Report<'_>) {
    let t = &ctx.project.three_public;
    let totals = &ctx.totals.three_public;
    let limit = |code, name, amount, field| Limit {
        code,
        of: format!("“三公”经费中的{name}"),
        amount,
        field: FieldPath::three_public(field),
    };
    let limits = [
        limit(
            "30212",
            "因公出国（境）费",
            t.overseas.actual,
            F::OverseasActual,
        ),
        limit(
            "31013",
            "公务用车购置费",
            Some(totals.purchase_actual),
            F::Purchases,
        ),
        limit(
            "30231",
            "公务用车运行维护费",
            t.vehicles.operation_actual,
            F::OperationActual,
        ),
        limit(
            "30217",
            "公务接待费",
            Some(totals.reception_actual),
            F::DomesticActual,
        ),
    ];
    economic_items_within(ctx, report, &limits);
}

/// JS-309: the economic items 30215 会议费 and 30216 培训费 of 基本支出 cannot exceed the 会议费
/// and 培训费 the document states, which also include project spending (so ≤, not =). A blank
/// 决算数 is not judged: a template that does not state them leaves them blank.
fn economic_lines_within_meetings_training(ctx: &Context<'_>, report: &mut Report<'_>) {
    use crate::model::MeetingsTrainingField as M;
    let mt = &ctx.project.meetings_training;
    let limits: Vec<Limit> = [
        (
            "30215",
            "会议费决算数",
            mt.meetings.actual,
            M::MeetingsActual,
        ),
        (
            "30216",
            "培训费决算数",
            mt.training.actual,
            M::TrainingActual,
        ),
    ]
    .into_iter()
    .filter(|(_, _, amount, _)| amount.is_some())
    .map(|(code, of, amount, field)| Limit {
        code,
        of: of.to_owned(),
        amount,
        field: FieldPath::meetings_training(field),
    })
    .collect();
    economic_items_within(ctx, report, &limits);
}

/// JS-310: a 会议费 or 培训费 spent is stated with how many meetings or trainings and people
/// (“召开会议6次，参会180人次”); an amount with a count of 0 would print "召开会议0次" beside it.
/// 节庆、晚会、论坛、赛事活动费 is stated with how many were held (新疆: “开展X次”), its people
/// only where a template asks.
fn meetings_training_without_counts(ctx: &Context<'_>, report: &mut Report<'_>) {
    // Each expense, and whether its people are stated.
    let kinds = [
        ("会议费", true),
        ("培训费", true),
        ("节庆、晚会、论坛、赛事活动费", false),
    ];
    let expenses = ctx.project.meetings_training.expenses();
    for (((name, with_people), e), fields) in kinds.into_iter().zip(expenses).zip(EXPENSE_FIELDS) {
        let [_, _, _, count, people, ..] = fields;
        let Some(actual) = e.actual.filter(|a| !a.rounded().is_zero()) else {
            continue;
        };
        if !with_people && none(e.count) {
            report.add(
                format!(
                    "{name}决算数 {}，但次数 {}",
                    amount(actual),
                    count_text(e.count)
                ),
                vec![FieldPath::meetings_training(count)],
            );
        } else if with_people && (none(e.count) || none(e.people)) {
            report.add(
                format!(
                    "{name}决算数 {}，但次数 {}、人次 {}",
                    amount(actual),
                    count_text(e.count),
                    count_text(e.people)
                ),
                vec![
                    FieldPath::meetings_training(count),
                    FieldPath::meetings_training(people),
                ],
            );
        }
    }
}

/// A figure that the 基本支出 economic item `code` is a part of.
struct Limit {
    code: &'static str,
    /// What the figure is, for the message (“三公”经费中的公务接待费).
    of: String,
    amount: Option<Wan>,
    field: FieldPath,
}

/// Reports each 基本支出 economic item above the figure it is part of.
fn economic_items_within(ctx: &Context<'_>, report: &mut Report<'_>, limits: &[Limit]) {
    let b = &ctx.project.basic_costs;
    for (group, entry) in [
        (CostGroup::Personnel, &b.personnel),
        (CostGroup::Public, &b.public),
    ] {
        let CostEntry::Items(items) = entry else {
            continue;
        };
        for (i, item) in items.iter().enumerate() {
            for limit in limits {
                if item.code != limit.code || item.amount <= limit.amount {
                    continue;
                }
                let code = limit.code;
                let (part, whole) = (
                    item.amount.unwrap_or_default(),
                    limit.amount.unwrap_or_default(),
                );
                let compared = Compared::new(
                    &format!("基本支出中 {code} {}", item.name),
                    part,
                    &limit.of,
                    whole,
                );
                report.add_compared(
                    format!(
                        "基本支出中 {code} {} {}，超过{} {}，相差 {}",
                        item.name,
                        amount(part),
                        limit.of,
                        amount(whole),
                        amount(part - whole)
                    ),
                    compared,
                    vec![
                        FieldPath::cost_item(group, i, CostItemField::Amount),
                        limit.field.clone(),
                    ],
                );
            }
        }
    }
}

/// JS-303: the vehicles held in the "三公" section and in the asset section are the same fleet.
fn same_fleet(ctx: &Context<'_>, report: &mut Report<'_>) {
    let held = ctx.project.three_public.vehicles.held.total();
    let assets = ctx.project.assets.vehicles.total();
    if held.unwrap_or(0) != assets.unwrap_or(0) {
        report.add(
            format!(
                "“三公”经费部分年末公务用车 {} 辆，国有资产部分车辆 {} 辆，二者应为同一车队",
                count_text(held),
                count_text(assets)
            ),
            vec![
                FieldPath::three_public(F::Held),
                FieldPath::assets(AssetField::Vehicles),
            ],
        );
    }
}

/// JS-304: with a zero budget no completion rate can be written; the text gives the reason only.
fn zero_budget(ctx: &Context<'_>, report: &mut Report<'_>) {
    for part in parts(ctx) {
        if part.budgeted && part.budget.is_zero() && !part.actual.is_zero() {
            report.add(
                format!(
                    "{}预算数为 0，决算数 {}：文中不写完成预算百分比，请在原因中说明",
                    part.name,
                    amount(part.actual)
                ),
                vec![FieldPath::three_public(part.reason_field)],
            );
        }
    }
}

/// JS-305: spending above or below the budget needs a reason: inspections ask for the reason of
/// every 三公 change against the budget, not only of an overrun.
fn off_budget(ctx: &Context<'_>, report: &mut Report<'_>) {
    for part in parts(ctx) {
        if part.budget.is_zero() || part.actual == part.budget || !part.reason.trim().is_empty() {
            continue;
        }
        let (than, by) = if part.actual > part.budget {
            ("大于", "超出")
        } else {
            ("小于", "相差")
        };
        let compared = Compared::new(
            &format!("{}决算数", part.name),
            part.actual,
            "预算数",
            part.budget,
        );
        report.add_compared(
            format!(
                "{}决算数 {} {than}预算数 {}，{by} {}，请填写原因",
                part.name,
                amount(part.actual),
                amount(part.budget),
                amount(compared.difference())
            ),
            compared,
            vec![FieldPath::three_public(part.reason_field)],
        );
    }
}

/// JS-306: money spent on trips or receptions goes with groups, batches and people.
fn amounts_without_counts(ctx: &Context<'_>, report: &mut Report<'_>) {
    let t = &ctx.project.three_public;
    let o = &t.overseas;
    if !o.actual.unwrap_or_default().is_zero() && (none(o.groups) || none(o.people)) {
        report.add(
            format!(
                "因公出国（境）费 {}，但团组 {} 个、人次 {}",
                amount(o.actual.unwrap_or_default()),
                count_text(o.groups),
                count_text(o.people)
            ),
            vec![
                FieldPath::three_public(F::OverseasGroups),
                FieldPath::three_public(F::OverseasPeople),
            ],
        );
    }
    for (fields, name, part) in [
        (
            [F::DomesticBatches, F::DomesticPeople],
            "国内公务接待",
            &t.reception.domestic,
        ),
        (
            [F::ForeignBatches, F::ForeignPeople],
            "外事接待",
            &t.reception.foreign,
        ),
    ] {
        if !part.actual.unwrap_or_default().is_zero() && (none(part.batches) || none(part.people)) {
            report.add(
                format!(
                    "{name}支出 {}，但批次 {}、人次 {}",
                    amount(part.actual.unwrap_or_default()),
                    count_text(part.batches),
                    count_text(part.people)
                ),
                fields.map(FieldPath::three_public).to_vec(),
            );
        }
    }
}

/// How JS-307 names an amount that is zero or blank.
fn spent(actual: Option<Wan>) -> &'static str {
    if actual.is_some() {
        "为 0"
    } else {
        "未填写"
    }
}

/// JS-307: groups, batches or people with no money spent are usually a missed amount.
fn counts_without_amounts(ctx: &Context<'_>, report: &mut Report<'_>) {
    let t = &ctx.project.three_public;
    let o = &t.overseas;
    if o.actual.unwrap_or_default().is_zero() && !(none(o.groups) && none(o.people)) {
        report.add(
            format!(
                "因公出国（境）团组 {} 个、{} 人次，但支出{}",
                count_text(o.groups),
                count_text(o.people),
                spent(o.actual)
            ),
            vec![FieldPath::three_public(F::OverseasActual)],
        );
    }
    for (field, name, part) in [
        (F::DomesticActual, "国内公务接待", &t.reception.domestic),
        (F::ForeignActual, "外事接待", &t.reception.foreign),
    ] {
        if part.actual.unwrap_or_default().is_zero() && !(none(part.batches) && none(part.people)) {
            report.add(
                format!(
                    "{name} {} 批次、{} 人次，但支出{}",
                    count_text(part.batches),
                    count_text(part.people),
                    spent(part.actual)
                ),
                vec![FieldPath::three_public(field)],
            );
        }
    }
}

/// JS-308: running costs without any vehicle held or bought are unusual (rented cars belong
/// elsewhere).
fn running_costs_without_vehicles(ctx: &Context<'_>, report: &mut Report<'_>) {
    let v = &ctx.project.three_public.vehicles;
    let (held, bought) = (v.held.total(), v.purchases.count());
    if !v.operation_actual.unwrap_or_default().is_zero()
        && held.unwrap_or(0) == 0
        && bought.unwrap_or(0) == 0
    {
        report.add(
            format!(
                "公务用车运行维护费 {}，但年末公务用车 {} 辆、本年购置 {} 辆",
                amount(v.operation_actual.unwrap_or_default()),
                count_text(held),
                count_text(bought)
            ),
            vec![
                FieldPath::three_public(F::OperationActual),
                FieldPath::three_public(F::Held),
            ],
        );
    }
}
