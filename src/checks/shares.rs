//! Shares (JS-8xx): independently rounded shares of a structure that do not add up to 100.00%.

use rust_decimal::Decimal;

use super::{Check, Context, Report, Rule, Severity};
use crate::model::totals::general_budget_by_class;
use crate::model::{ExpenditureField, FieldPath, RevenueItem, Root, SettingField};
use crate::money::{ShareRounding, Wan, rounded_shares};

pub(super) const RULES: &[Rule] = &[Rule {
    code: "JS-801",
    severity: Severity::Hint,
    title: "各项占比四舍五入后合计不等于 100%",
    check: Check::Code(shares_sum_to_100),
    needs: &[],
}];

/// The structures whose shares the document prints: name, parts, whole, field.
pub fn structures(ctx: &Context<'_>) -> Vec<(&'static str, Vec<Wan>, Wan, FieldPath)> {
    let p = ctx.project;
    let t = &ctx.totals;
    let r = &p.revenue;
    let n = &t.by_nature;
    let tp = &t.three_public;
    vec![
        (
            "收入结构",
            RevenueItem::ALL.iter().map(|i| i.of(r)).collect(),
            t.revenue_this_year,
            FieldPath::part(Root::Revenue),
        ),
        (
            "支出结构",
            vec![n.basic, n.project, n.remitted, n.business, n.subsidies],
            t.expenditure_this_year,
            FieldPath::expenditure(ExpenditureField::Lines),
        ),
        (
            "一般公共预算财政拨款支出结构（按类）",
            general_budget_by_class(p)
                .into_iter()
                .map(|(_, a)| a)
                .collect(),
            t.general_budget_expenditure,
            FieldPath::expenditure(ExpenditureField::Lines),
        ),
        (
            "“三公”经费支出结构",
            vec![
                p.three_public.overseas.actual.unwrap_or_default(),
                tp.vehicles_actual,
                tp.reception_actual,
            ],
            tp.actual,
            FieldPath::part(Root::ThreePublic),
        ),
        (
            "基本支出结构（人员经费、公用经费）",
            vec![t.personnel_costs, t.public_costs],
            t.general_budget_basic,
            FieldPath::part(Root::BasicCosts),
        ),
    ]
}

/// JS-801: with independent rounding (the default, as published documents do), a structure's
/// printed shares can sum to 99.99% or 100.01%. The document may print them so; this says so,
/// and names the setting that makes them sum to 100%.
fn shares_sum_to_100(ctx: &Context<'_>, report: &mut Report<'_>) {
    if ctx.project.settings.share_rounding != ShareRounding::Independent {
        return;
    }
    for (name, parts, whole, field) in structures(ctx) {
        if whole.is_zero() || parts.iter().copied().sum::<Wan>() != whole {
            continue;
        }
        let shares: Vec<Decimal> = rounded_shares(&parts, whole, ShareRounding::Independent)
            .into_iter()
            .flatten()
            .collect();
        let sum: Decimal = shares.iter().sum();
        if sum != Decimal::ONE_HUNDRED {
            let listed: Vec<String> = shares
                .iter()
                .zip(&parts)
                .filter(|(_, p)| !p.is_zero())
                .map(|(s, _)| format!("{s:.2}%"))
                .collect();
            report.add(
                format!(
                    "{name}各项占比分别为 {}，合计 {sum:.2}%（当前设置“各项独立四舍五入”；改用“最大余额法”可使合计为 100.00%，文档会加注说明）",
                    listed.join("、")
                ),
                vec![field, FieldPath::setting(SettingField::ShareRounding)],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::example::example;
    use crate::model::totals::Totals;

    #[test]
    fn the_basic_costs_split_is_a_structure_whose_shares_are_checked() {
        let p = example().unwrap_or_default();
        let mut t = Totals::of(&p);
        // 9.70 / 80 = 12.125%, 70.30 / 80 = 87.875%: each rounds up, 100.01% in all.
        t.personnel_costs = "9.70".parse().unwrap_or_default();
        t.public_costs = "70.30".parse().unwrap_or_default();
        t.general_budget_basic = "80".parse().unwrap_or_default();
        let found: Vec<String> = super::super::run_with(&p, t, None)
            .into_iter()
            .filter(|f| f.code == "JS-801")
            .map(|f| f.message)
            .collect();
        assert!(
            found
                .iter()
                .any(|m| m.contains("基本支出结构") && m.contains("12.13%、87.88%")),
            "{found:?}"
        );
    }
}
