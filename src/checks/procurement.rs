//! 政府采购 (JS-4xx): SMEs within the total, small and micro within SMEs, the total within spending.

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
];

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
