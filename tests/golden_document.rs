//! The whole document, byte for byte, for the example and variants that exercise every branch
//! of the wording: compared with files in `tests/golden/` made from the document as it was
//! before the wording moved into templates. `JUESUAN_BLESS=1 cargo test --test golden_document`
//! rewrites them (only when a change of wording is intended; review the diff).

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

use std::path::Path;

use juesuan::document::build_with_builtin_catalog;
use juesuan::document::render::{Format, render};
use juesuan::example::{example, scaled_example};
use juesuan::model::{CostEntry, EconomicItem, PriorFigure, Project, ShareRounding};
use juesuan::money::Wan;

fn wan(s: &str) -> Wan {
    s.parse().unwrap()
}

/// The variants: each changes what the wording must say.
fn variants() -> Vec<(&'static str, Project)> {
    let base = example().unwrap();
    let with = |f: fn(&mut Project)| {
        let mut p = base.clone();
        f(&mut p);
        p
    };
    vec![
        ("example", base.clone()),
        (
            "no-prior-year",
            with(|p| {
                p.prior_year = Default::default();
                p.running_costs.prior = None;
                p.three_public.overseas.prior = None;
                p.three_public.vehicles.purchase_prior = None;
                p.three_public.vehicles.operation_prior = None;
                p.three_public.reception.prior = None;
            }),
        ),
        (
            "decrease",
            with(|p| {
                p.prior_year
                    .set(PriorFigure::TotalRevenue, Some(wan("250")));
                p.prior_year
                    .set(PriorFigure::TotalExpenditure, Some(wan("250")));
                p.prior_year
                    .set(PriorFigure::AppropriationRevenue, Some(wan("300")));
                p.prior_year
                    .set(PriorFigure::GeneralBudgetExpenditure, Some(wan("226.23")));
                p.running_costs.prior = Some(wan("25.19"));
                p.three_public.reception.prior = Some(wan("0.99"));
            }),
        ),
        (
            "zero-prior-and-budgets",
            with(|p| {
                p.running_costs.prior = Some(Wan::ZERO);
                p.three_public.reception.prior = Some(Wan::ZERO);
                p.three_public.reception.budget = Some(Wan::ZERO);
                p.three_public.reception.change_reason = "新增接待任务".into();
                p.expenditure.lines[0].budget = Some(Wan::ZERO);
                p.expenditure.lines[0].deviation_reason = "年中追加".into();
                p.expenditure.lines[1].budget = Some(wan("50"));
                p.expenditure.lines[1].deviation_reason = "人员调资".into();
                p.expenditure.lines[2].budget = None;
            }),
        ),
        (
            "everything-nonzero",
            with(|p| {
                p.settings.share_rounding = ShareRounding::LargestRemainder;
                p.revenue.government_fund = Some(wan("10"));
                p.revenue.operations = Some(wan("5"));
                p.revenue.other = Some(wan("1.5"));
                p.balances.non_appropriation.opening = wan("3");
                p.balances.general_budget.closing = Some(wan("2"));
                let o = &mut p.three_public.overseas;
                o.budget = Some(wan("2"));
                o.actual = Some(wan("1.8"));
                o.groups = Some(1);
                o.people = Some(3);
                o.prior = Some(wan("0"));
                let v = &mut p.three_public.vehicles;
                v.purchases.sedan.count = Some(1);
                v.purchases.sedan.amount = Some(wan("18"));
                v.purchase_budget = Some(wan("20"));
                v.operation_actual = Some(wan("2.5"));
                v.operation_budget = Some(wan("3"));
                v.held.sedan = Some(2);
                v.change_reason = "更新车辆".into();
                p.three_public.reception.foreign.actual = Some(wan("0.5"));
                p.three_public.reception.foreign.batches = Some(1);
                p.three_public.reception.foreign.people = Some(4);
                p.assets.vehicles.other = Some(2);
                p.procurement = Default::default();
                p.basic_costs.public = CostEntry::Items(vec![
                    EconomicItem {
                        code: "30201".into(),
                        name: "办公费".into(),
                        amount: Some(wan("10")),
                    },
                    EconomicItem {
                        code: "30211".into(),
                        name: "差旅费".into(),
                        amount: Some(wan("10.19")),
                    },
                ]);
                p.unit.signatories.head = "张三".into();
                p.unit
                    .subordinate_units
                    .push(juesuan::model::SubordinateUnit {
                        name: "某某中心".into(),
                        kind: juesuan::model::UnitKind::PublicService,
                    });
            }),
        ),
        ("three-times", scaled_example(3).unwrap()),
    ]
}

#[test]
fn the_document_reads_as_it_did() {
    let bless = std::env::var_os("JUESUAN_BLESS").is_some();
    let mut differ = Vec::new();
    for (name, project) in variants() {
        let document = build_with_builtin_catalog(&project);
        assert!(
            document.problems.is_empty(),
            "{name}: the template left out {:?}",
            document.problems
        );
        let text = render(&document, Format::Text);
        let path = Path::new("tests/golden").join(format!("{name}.txt"));
        if bless {
            std::fs::write(&path, &text).unwrap();
            continue;
        }
        let golden = std::fs::read_to_string(&path).unwrap();
        if golden != text {
            let line = golden
                .lines()
                .zip(text.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(golden.lines().count().min(text.lines().count()));
            let show = |t: &str| t.lines().nth(line).unwrap_or("<end>").to_owned();
            differ.push(format!(
                "{name}: line {}\n  golden: {}\n  now:    {}",
                line + 1,
                show(&golden),
                show(&text)
            ));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}
