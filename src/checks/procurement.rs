//! 政府采购 (JS-4xx): SMEs within the total, small and micro within SMEs, the total within
//! spending, and SMEs' part of each kind of purchase within that kind and adding up.

use super::{Check, Compared, Context, Report, Rule, Severity, amount};
use crate::model::{ExpenditureField, FieldPath, ProcurementField};

pub(super) const RULES: &[Rule] = &[
    Rule {
        code: "JS-401",
        severity: Severity::Error,
        title: "授予中小企业合同金额超过政府采购支出总额",
        check: Check::Code(sme_within_total),
        needs: &[],
    },
    Rule {
        code: "JS-402",
        severity: Severity::Error,
        title: "授予小微企业合同金额超过授予中小企业合同金额",
        check: Check::Code(small_micro_within_sme),
        needs: &[],
    },
    Rule {
        code: "JS-403",
        severity: Severity::Error,
        title: "政府采购支出总额超过本年支出合计",
        check: Check::Code(total_within_spending),
        needs: &[],
    },
    Rule {
        code: "JS-404",
        severity: Severity::Error,
        title: "某类采购授予中小企业合同金额超过该类政府采购支出",
        check: Check::Code(sme_kind_within_kind),
        needs: &[],
    },
    Rule {
        code: "JS-405",
        severity: Severity::Error,
        title: "货物、工程、服务授予中小企业合同金额之和与授予中小企业合同金额不符",
        check: Check::Code(sme_kinds_add_up),
        needs: &[],
    },
];

/// The fields of each kind of purchase and of its SMEs' part, in [`Procurement::kinds`]' order.
///
/// [`Procurement::kinds`]: crate::model::Procurement::kinds
const KIND_FIELDS: [(ProcurementField, ProcurementField); 3] = [
    (ProcurementField::Goods, ProcurementField::ToSmeGoods),
    (ProcurementField::Works, ProcurementField::ToSmeWorks),
    (ProcurementField::Services, ProcurementField::ToSmeServices),
];

/// JS-404: what went to SMEs of one kind of purchase is part of that kind (the text would
/// otherwise state a share above 100%).
fn sme_kind_within_kind(ctx: &Context<'_>, report: &mut Report<'_>) {
    let p = &ctx.project.procurement;
    for ((name, kind, sme), (kind_field, sme_field)) in p.kinds().into_iter().zip(KIND_FIELDS) {
        let (Some(sme), kind) = (sme, kind.unwrap_or_default()) else {
            continue;
        };
        if sme > kind {
            let compared = Compared::new(
                &format!("{name}采购授予中小企业合同金额"),
                sme,
                &format!("政府采购{name}支出"),
                kind,
            );
            report.add_compared(
                compared.to_string(),
                compared,
                vec![
                    FieldPath::procurement(sme_field),
                    FieldPath::procurement(kind_field),
                ],
            );
        }
    }
}

/// JS-405: once the SMEs' part is entered for every kind that was bought, the parts add up to
/// 授予中小企业合同金额.
fn sme_kinds_add_up(ctx: &Context<'_>, report: &mut Report<'_>) {
    let p = &ctx.project.procurement;
    let kinds = p.kinds();
    let bought_but_blank = kinds
        .iter()
        .any(|(_, kind, sme)| sme.is_none() && kind.is_some_and(|k| !k.is_zero()));
    let parts: Vec<_> = kinds.iter().filter_map(|(_, _, sme)| *sme).collect();
    if bought_but_blank || parts.is_empty() {
        return;
    }
    let sum = parts.iter().copied().sum();
    let total = p.to_sme.unwrap_or_default();
    if !ctx.agree(sum, total, parts.len()) {
        let compared = Compared::new(
            "货物、工程、服务采购授予中小企业合同金额之和",
            sum,
            "授予中小企业合同金额",
            total,
        );
        // The parts entered, then the total they should make.
        let mut fields: Vec<FieldPath> = kinds
            .iter()
            .zip(KIND_FIELDS)
            .filter(|((_, _, sme), _)| sme.is_some())
            .map(|(_, (_, sme))| FieldPath::procurement(sme))
            .collect();
        fields.push(FieldPath::procurement(ProcurementField::ToSme));
        report.add_compared(compared.to_string(), compared, fields);
    }
}

/// JS-401: 授予中小企业 ≤ 政府采购支出总额 (货物 + 工程 + 服务).
fn sme_within_total(ctx: &Context<'_>, report: &mut Report<'_>) {
    let p = &ctx.project.procurement;
    let total = ctx.totals.procurement;
    if p.to_sme > Some(total) {
        let compared = Compared::new(
            "授予中小企业合同金额",
            p.to_sme.unwrap_or_default(),
            "政府采购支出总额（货物、工程、服务之和）",
            total,
        );
        report.add_compared(
            compared.to_string(),
            compared,
            vec![
                FieldPath::procurement(ProcurementField::ToSme),
                FieldPath::procurement(ProcurementField::Goods),
                FieldPath::procurement(ProcurementField::Works),
                FieldPath::procurement(ProcurementField::Services),
            ],
        );
    }
}

/// JS-402: 授予小微企业 ≤ 授予中小企业, since small and micro firms are SMEs.
fn small_micro_within_sme(ctx: &Context<'_>, report: &mut Report<'_>) {
    let p = &ctx.project.procurement;
    if p.to_small_micro > p.to_sme {
        let compared = Compared::new(
            "授予小微企业合同金额",
            p.to_small_micro.unwrap_or_default(),
            "授予中小企业合同金额",
            p.to_sme.unwrap_or_default(),
        );
        report.add_compared(
            compared.to_string(),
            compared,
            vec![
                FieldPath::procurement(ProcurementField::ToSmallMicro),
                FieldPath::procurement(ProcurementField::ToSme),
            ],
        );
    }
}

/// JS-403: what was procured was spent this year, so it cannot exceed 本年支出合计.
fn total_within_spending(ctx: &Context<'_>, report: &mut Report<'_>) {
    let total = ctx.totals.procurement;
    let spent = ctx.totals.expenditure_this_year;
    if total > spent {
        report.add(
            format!(
                "政府采购支出总额 {} 超过本年支出合计 {}，相差 {}",
                amount(total),
                amount(spent),
                amount(total - spent)
            ),
            vec![
                FieldPath::procurement(ProcurementField::Goods),
                FieldPath::expenditure(ExpenditureField::Lines),
            ],
        );
    }
}
