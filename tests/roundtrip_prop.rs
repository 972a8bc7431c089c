//! Property test: any project the model can hold survives save → load → save unchanged.

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

use juesuan::example::example;
use juesuan::model::{
    CatalogEdition, ClassNames, ControlTotal, CostEntry, Date, EconomicItem, Explanation,
    FieldPath, FunctionalLine, Fund, Indicator, IndicatorKind, IndicatorNature, PriorFigure,
    Project,
};
use juesuan::money::Wan;
use juesuan::storage;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn amount() -> impl Strategy<Value = Wan> {
    (0i64..1_000_000_000_000, 0u32..=6).prop_map(|(m, s)| Wan::from_wan(Decimal::new(m, s)))
}

fn signed_amount() -> impl Strategy<Value = Wan> {
    (-1_000_000_000i64..1_000_000_000, 0u32..=6)
        .prop_map(|(m, s)| Wan::from_wan(Decimal::new(m, s)))
}

fn fund() -> impl Strategy<Value = Fund> {
    prop::sample::select(Fund::ALL.to_vec())
}

fn line() -> impl Strategy<Value = FunctionalLine> {
    (
        "[0-9]{0,8}",
        prop::option::of(("\\PC{0,6}", "\\PC{0,6}", "\\PC{0,6}")),
        fund(),
        (
            prop::option::of(amount()),
            prop::option::of(amount()),
            prop::option::of(amount()),
        ),
        (amount(), amount(), amount(), amount(), amount()),
        any::<String>(),
    )
        .prop_map(
            |(code, names, fund, (budget, initial_budget, prior), (b, p, r, bu, s), reason)| {
                FunctionalLine {
                    code,
                    names: names.map(|(class, section, item)| ClassNames {
                        class,
                        section,
                        item,
                    }),
                    fund,
                    budget,
                    initial_budget,
                    prior,
                    basic: Some(b),
                    project: Some(p),
                    remitted: Some(r),
                    business: Some(bu),
                    subsidies: Some(s),
                    deviation_reason: reason,
                }
            },
        )
}

fn indicator() -> impl Strategy<Value = Indicator> {
    (
        prop::sample::select(vec![
            IndicatorKind::Output,
            IndicatorKind::Effect,
            IndicatorKind::Satisfaction,
            IndicatorKind::Cost,
        ]),
        prop::sample::select(vec![
            IndicatorNature::AtLeast,
            IndicatorNature::AtMost,
            IndicatorNature::Equal,
            IndicatorNature::Qualitative,
        ]),
        any::<String>(),
        prop::option::of(any::<String>()),
        (0i64..10_000, 0u32..3),
        prop::option::of((-100i64..10_000, 0u32..3)),
    )
        .prop_map(|(level1, nature, name, actual, (w, ws), score)| Indicator {
            level1,
            level2: "数量指标".into(),
            name,
            nature,
            target: "≥1".into(),
            unit: "次".into(),
            actual,
            weight: Decimal::new(w, ws),
            score: score.map(|(m, s)| Decimal::new(m, s)),
            shortfall_reason: String::new(),
        })
}

fn project() -> impl Strategy<Value = Project> {
    (
        any::<String>(),
        1990i32..=2100,
        prop::collection::vec(line(), 0..12),
        prop::collection::vec(indicator(), 0..8),
        (
            signed_amount(),
            signed_amount(),
            prop::option::of(signed_amount()),
        ),
        prop::option::of(amount()),
        prop::collection::vec(("[0-9]{5}", any::<String>(), amount()), 0..5),
        (
            prop::option::of(0u32..=1_000_000),
            prop::option::of(0u32..=1_000_000),
        ),
        prop::collection::vec(
            (0..PriorFigure::ALL.len(), prop::option::of(amount())),
            0..12,
        ),
        prop::option::of((
            prop::collection::btree_map("2[0-9]{2}|2[0-9]{6}", "[\\p{Han}a-z（）]{1,12}", 0..6),
            prop::collection::btree_map("3[0-9]{4}", "[\\p{Han}]{1,8}", 0..4),
        )),
        (
            prop::option::of((1990i32..=2100, 1u32..=12, 1u32..=31)),
            prop::collection::vec((any::<String>(), any::<String>()), 0..3),
        ),
    )
        .prop_map(
            |(
                name,
                year,
                lines,
                indicators,
                (opening, closing, prior),
                control,
                items,
                (g, p),
                prior_figures,
                edition,
                (approved, explanations),
            )| {
                let mut project = example().unwrap();
                for (i, value) in prior_figures {
                    project.prior_year.set(PriorFigure::ALL[i], value);
                }
                project.unit.name = name;
                project.unit.year = year;
                project.expenditure.lines = lines;
                project.projects[0].indicators = indicators;
                project.balances.non_appropriation.opening = opening;
                project.balances.non_appropriation.closing = Some(closing);
                project.balances.non_appropriation.prior_closing = prior;
                project.control_totals.basic = control;
                project.basic_costs.public = CostEntry::Items(
                    items
                        .into_iter()
                        .map(|(code, name, amount)| EconomicItem {
                            code,
                            name,
                            amount: Some(amount),
                        })
                        .collect(),
                );
                project.three_public.overseas.groups = g;
                project.three_public.overseas.people = p;
                project.catalog = edition.map(|(functional, economic)| CatalogEdition {
                    source: "科目表.xlsx".into(),
                    functional,
                    economic,
                });
                // A day that does not exist (2023-02-31) stays not entered.
                project.unit.approval_date = approved.and_then(|(y, m, d)| Date::new(y, m, d));
                project.explanations = explanations
                    .into_iter()
                    .enumerate()
                    .map(|(i, (text, message))| Explanation {
                        rule: "JS-108".into(),
                        field: (i % 2 == 0).then(|| FieldPath::control_total(ControlTotal::Basic)),
                        text,
                        message,
                    })
                    .collect();
                project
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn generated_projects_round_trip_exactly(project in project()) {
        let text = storage::to_json(&project);
        let loaded = storage::from_json(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&loaded, &project);
        prop_assert_eq!(storage::to_json(&loaded), text);
    }
}
