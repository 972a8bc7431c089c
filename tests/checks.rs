//! The reconciliation rules: each rule has a project that violates exactly it, the example yields
//! exactly the findings the seed deserves, and random edits never make the checks panic.

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

use std::collections::BTreeSet;

use juesuan::catalog::Catalog;
use juesuan::checks::{self, Finding, Severity};
use juesuan::example::example;
use juesuan::model::{
    ClassNames, CostEntry, EconomicItem, Fund, Project, ShareRounding, Tolerance, UnitKind,
};
use juesuan::money::Wan;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn wan(s: &str) -> Wan {
    s.parse().unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn findings(project: &Project) -> Vec<Finding> {
    let catalog = Catalog::builtin(project.unit.year).unwrap();
    checks::run(project, Some(&catalog))
}

fn codes(project: &Project) -> BTreeSet<&'static str> {
    findings(project).iter().map(|f| f.code).collect()
}

/// The example with every inconsistency of the seed put right: no rule fires on it.
fn clean() -> Project {
    let mut p = example().unwrap();
    let a = &mut p.projects[0];
    for ind in &mut a.indicators {
        ind.actual = Some(ind.target.clone());
    }
    a.indicators[11].target = "58.06".into();
    a.indicators[11].actual = Some("58.06".into());
    a.indicators[12].target = "1.71".into();
    a.indicators[12].actual = Some("1.71".into());
    p.performance.department.full_score = Some(dec("100"));
    let line = &mut p.expenditure.lines[4];
    line.code = "2080506".into();
    line.names = None;
    assert_eq!(p.revenue.by_function[4].code, "2089999");
    p.revenue.by_function[4].code = "2080506".into();
    p.unit.signatories.head = "单位负责人".into();
    p.unit.signatories.preparer = "填表人".into();
    p.settings.share_rounding = ShareRounding::LargestRemainder;
    p
}

#[test]
fn the_clean_project_has_no_findings() {
    let found = findings(&clean());
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_example_yields_exactly_the_findings_the_seed_deserves() {
    let found = findings(&example().unwrap());
    let got: BTreeSet<&str> = found.iter().map(|f| f.code).collect();
    let expected = BTreeSet::from([
        "JS-208", // 2089999: the seed's 20899 item code is not certain, so it is named by hand
        "JS-505", // every 完成值 cell is empty
        "JS-507", // cost targets sum to the initial 50.00, not the adjusted 59.77
        "JS-511", // "总分90分"
        "JS-512", // 设备购置 cost target 1.2 against 1.71 spent
        "JS-705", // the seed names no 单位负责人 or 填表人
        "JS-801", // independently rounded class shares sum to 100.01%
    ]);
    assert_eq!(got, expected, "{found:#?}");
    assert!(found.iter().all(|f| f.severity != Severity::Error));

    let cost = found.iter().find(|f| f.code == "JS-507").unwrap();
    assert!(cost.message.contains("50.00 万元") && cost.message.contains("59.77 万元"));
    assert!(cost.message.contains("与年初预算相同"));
    let empty = found.iter().find(|f| f.code == "JS-505").unwrap();
    assert_eq!(empty.fields.len(), 13);
    assert_eq!(empty.fields[0].as_str(), "projects[0].indicators[0].actual");
    let shares = found.iter().find(|f| f.code == "JS-801").unwrap();
    assert!(shares.message.contains("5.28%") && shares.message.contains("100.01%"));
}

type Mutation = fn(&mut Project);

/// One project per rule that violates exactly that rule.
const CASES: &[(&str, Mutation)] = &[
    ("JS-101", |p| {
        p.balances.non_appropriation.closing = wan("1");
        p.control_totals.total_expenditure = None;
    }),
    ("JS-102", |p| {
        p.balances.general_budget.closing = wan("1");
        p.balances.use_of_non_appropriation_surplus = wan("1");
        p.control_totals.total_revenue = None;
        p.control_totals.total_expenditure = None;
    }),
    ("JS-103", |p| {
        p.balances.general_budget.prior_closing = Some(wan("5"))
    }),
    ("JS-104", |p| {
        p.control_totals.total_revenue = Some(wan("226.24"))
    }),
    ("JS-105", |p| {
        p.control_totals.revenue_this_year = Some(wan("226.24"))
    }),
    ("JS-106", |p| {
        p.control_totals.total_expenditure = Some(wan("1"))
    }),
    ("JS-107", |p| {
        p.control_totals.expenditure_this_year = Some(wan("226.13"))
    }),
    ("JS-108", |p| p.control_totals.basic = Some(wan("166"))),
    ("JS-109", |p| p.control_totals.project = Some(wan("59"))),
    ("JS-110", |p| {
        p.control_totals.appropriation_revenue = Some(wan("1"))
    }),
    ("JS-111", |p| {
        p.control_totals.appropriation_expenditure = Some(wan("1"))
    }),
    ("JS-112", |p| {
        p.control_totals.general_budget_expenditure = Some(wan("1"))
    }),
    ("JS-113", |p| {
        p.control_totals.general_budget_basic = Some(wan("1"))
    }),
    ("JS-114", |p| p.control_totals.three_public = Some(wan("1"))),
    ("JS-115", |p| {
        p.revenue.by_function[0].appropriation = wan("80")
    }),
    ("JS-116", |p| p.revenue.by_function[0].code = "20131".into()),
    ("JS-117", |p| p.revenue.by_function.clear()),
    ("JS-201", |p| {
        p.basic_costs.personnel = CostEntry::Total {
            amount: wan("146.28"),
            item_names: vec![],
        }
    }),
    ("JS-202", |p| {
        p.basic_costs.public = CostEntry::Items(vec![EconomicItem {
            code: "30101".into(),
            name: "基本工资".into(),
            amount: wan("20.19"),
        }])
    }),
    ("JS-203", |p| {
        p.basic_costs.public = CostEntry::Items(vec![EconomicItem {
            code: "30201".into(),
            name: "办公用品".into(),
            amount: wan("20.19"),
        }])
    }),
    ("JS-204", |p| {
        p.projects[0].spending.clear();
        p.projects[0].funds.fiscal.executed = Some(wan("58.77"));
    }),
    ("JS-205", |p| p.projects[0].spending[0].amount = wan("4.15")),
    ("JS-206", |p| p.expenditure.lines[0].code = "201310".into()),
    ("JS-207", |p| p.expenditure.lines[0].code = "2019998".into()),
    ("JS-208", |p| {
        p.expenditure.lines[0].code = "2019998".into();
        p.expenditure.lines[0].names = Some(ClassNames {
            class: "一般公共服务支出".into(),
            section: "其他一般公共服务支出".into(),
            item: "试点支出".into(),
        });
    }),
    ("JS-209", |p| {
        let mut copy = p.expenditure.lines[0].clone();
        copy.basic = wan("2");
        copy.budget = Some(wan("2"));
        p.expenditure.lines[0].basic = wan("80.26");
        p.expenditure.lines[0].budget = Some(wan("80.26"));
        p.expenditure.lines.push(copy);
    }),
    ("JS-210", |p| {
        let mut empty = p.expenditure.lines[0].clone();
        empty.code = "2013102".into();
        empty.basic = Wan::ZERO;
        empty.budget = Some(Wan::ZERO);
        p.expenditure.lines.push(empty);
    }),
    ("JS-301", |p| {
        p.three_public.vehicles.purchases.sedan.count = 1
    }),
    ("JS-302", |p| {
        p.basic_costs.public = CostEntry::Items(vec![
            EconomicItem {
                code: "30217".into(),
                name: "公务接待费".into(),
                amount: wan("1"),
            },
            EconomicItem {
                code: "30201".into(),
                name: "办公费".into(),
                amount: wan("19.19"),
            },
        ])
    }),
    ("JS-303", |p| p.assets.vehicles.other = 1),
    ("JS-304", |p| {
        let o = &mut p.three_public.overseas;
        o.actual = wan("0.5");
        o.groups = 1;
        o.people = 2;
        o.change_reason = "出访任务".into();
        p.control_totals.three_public = None;
    }),
    ("JS-305", |p| {
        let o = &mut p.three_public.overseas;
        o.budget = wan("0.1");
        o.actual = wan("0.2");
        o.prior = Some(wan("0.2"));
        o.groups = 1;
        o.people = 1;
        p.control_totals.three_public = None;
    }),
    ("JS-306", |p| {
        p.three_public.reception.foreign.actual = wan("0.1");
        p.control_totals.three_public = None;
    }),
    ("JS-307", |p| p.three_public.reception.foreign.batches = 1),
    ("JS-308", |p| {
        let v = &mut p.three_public.vehicles;
        v.operation_actual = wan("0.5");
        v.operation_budget = wan("0.5");
        v.change_reason = "租用车辆".into();
        p.control_totals.three_public = None;
    }),
    ("JS-401", |p| p.procurement.to_sme = wan("3")),
    ("JS-402", |p| p.procurement.to_small_micro = wan("2.5")),
    ("JS-403", |p| p.procurement.goods = wan("300")),
    ("JS-501", |p| {
        let a = &mut p.projects[0];
        a.indicators[0].weight = dec("6");
        a.indicators[0].score = Some(dec("6"));
        a.stated_total_score = Some(dec("101"));
    }),
    ("JS-502", |p| {
        let a = &mut p.projects[0];
        a.budget_weight = dec("20");
        a.budget_score = Some(dec("20"));
        a.indicators[12].weight = dec("5");
        a.indicators[12].score = Some(dec("5"));
    }),
    ("JS-503", |p| {
        p.projects[0].budget_score = Some(dec("11"));
        p.projects[0].stated_total_score = Some(dec("101"));
    }),
    ("JS-504", |p| {
        let a = &mut p.projects[0];
        a.funds.fiscal.adjusted = Some(wan("70"));
        a.indicators[11].target = "68.29".into();
        a.indicators[11].actual = Some("68.29".into());
    }),
    ("JS-505", |p| p.projects[0].indicators[0].actual = None),
    ("JS-506", |p| {
        p.projects[0].indicators[0].actual = Some("0".into())
    }),
    ("JS-507", |p| {
        p.projects[0].indicators[11].target = "48.8".into();
        p.projects[0].indicators[11].actual = Some("48.8".into());
    }),
    ("JS-508", |p| {
        p.projects[0].stated_total_score = Some(dec("99"))
    }),
    ("JS-509", |p| {
        p.projects[0].indicators[0].target = "一次".into();
        p.projects[0].indicators[0].actual = Some("一次".into());
    }),
    ("JS-510", |p| {
        let a = &mut p.projects[0];
        a.funds.fiscal.adjusted = Some(wan("59"));
        a.indicators[11].target = "57.29".into();
        a.indicators[11].actual = Some("57.29".into());
    }),
    ("JS-511", |p| {
        p.performance.department.full_score = Some(dec("90"))
    }),
    ("JS-512", |p| {
        let a = &mut p.projects[0];
        a.indicators[12].target = "1.2".into();
        a.indicators[12].actual = Some("1.2".into());
        a.indicators[11].target = "58.57".into();
        a.indicators[11].actual = Some("58.57".into());
    }),
    ("JS-601", |p| p.revenue.change_reason.clear()),
    ("JS-602", |p| {
        p.expenditure.appropriation_change_reason.clear()
    }),
    ("JS-603", |p| {
        p.expenditure.general_budget_change_reason.clear()
    }),
    ("JS-604", |p| {
        p.expenditure.lines[0].budget = Some(wan("80"))
    }),
    ("JS-605", |p| p.three_public.reception.change_reason.clear()),
    ("JS-606", |p| p.running_costs.change_reason.clear()),
    ("JS-607", |p| p.prior_year.total_revenue = None),
    ("JS-608", |p| p.expenditure.lines[0].budget = None),
    ("JS-701", |p| p.unit.staffing[0].staff = 8),
    ("JS-702", |p| {
        let g = &mut p.balances.general_budget;
        g.opening = wan("-1");
        g.closing = wan("-1");
        g.prior_closing = Some(wan("-1"));
        p.control_totals.total_revenue = None;
        p.control_totals.total_expenditure = None;
    }),
    ("JS-703", |p| p.running_costs.amount = wan("5")),
    ("JS-704", |p| p.unit.kind = UnitKind::PublicService),
    ("JS-705", |p| p.unit.signatories.head.clear()),
    ("JS-706", |p| p.unit.name.clear()),
    ("JS-707", |p| {
        p.revenue.operations = wan("1");
        p.revenue.by_function[0].operations = wan("1");
        p.balances.non_appropriation.closing = wan("1");
        p.control_totals.total_revenue = None;
        p.control_totals.revenue_this_year = None;
        p.control_totals.total_expenditure = None;
    }),
    ("JS-708", |p| {
        p.expenditure.lines[0].basic = wan("81.26");
        p.expenditure.lines[0].business = wan("1");
        p.basic_costs.personnel = CostEntry::Total {
            amount: wan("145.27"),
            item_names: vec![],
        };
        p.control_totals.basic = None;
        p.control_totals.general_budget_basic = None;
    }),
    ("JS-801", |p| {
        p.settings.share_rounding = ShareRounding::Independent
    }),
];

#[test]
fn each_rule_has_a_project_that_violates_exactly_it() {
    let mut failures = Vec::new();
    for (code, mutate) in CASES {
        let mut project = clean();
        mutate(&mut project);
        let got = codes(&project);
        if got != BTreeSet::from([*code]) {
            failures.push(format!("{code}: got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_registered_rule_has_its_case() {
    let registered: BTreeSet<&str> = checks::rules().iter().map(|r| r.code).collect();
    let tested: BTreeSet<&str> = CASES.iter().map(|(c, _)| *c).collect();
    assert_eq!(registered, tested);
}

#[test]
fn findings_name_both_amounts_the_difference_and_the_field() {
    let mut p = clean();
    p.control_totals.expenditure_this_year = Some(wan("226.13"));
    let found = findings(&p);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message,
        "报表数 226.13 万元，各功能分类科目之和 226.23 万元，相差 0.10 万元"
    );
    assert_eq!(
        found[0].fields[0].as_str(),
        "control_totals.expenditure_this_year"
    );
}

#[test]
fn cent_per_item_tolerance_accepts_rounding_drift_only() {
    let mut p = clean();
    p.control_totals.expenditure_this_year = Some(wan("226.22"));
    assert_eq!(codes(&p), BTreeSet::from(["JS-107"]));
    p.settings.tolerance = Tolerance::CentPerItem;
    assert!(codes(&p).is_empty(), "0.01 over 9 lines is tolerated");
    p.control_totals.expenditure_this_year = Some(wan("226.00"));
    assert_eq!(
        codes(&p),
        BTreeSet::from(["JS-107"]),
        "0.23 over 9 lines is not"
    );
}

#[test]
fn checks_without_a_catalog_skip_only_the_catalog_rules() {
    let mut p = clean();
    p.expenditure.lines[0].code = "2019998".into();
    let without: BTreeSet<&str> = checks::run(&p, None).iter().map(|f| f.code).collect();
    assert!(without.is_empty(), "{without:?}");
}

#[test]
fn findings_are_deterministic() {
    let p = example().unwrap();
    assert_eq!(findings(&p), findings(&p));
}

#[test]
fn a_fund_line_of_another_fund_is_balanced_per_fund() {
    let mut p = clean();
    p.expenditure.lines[0].fund = Fund::GovernmentFund;
    let got = codes(&p);
    assert!(got.contains("JS-102"), "{got:?}");
}

fn any_amount() -> impl Strategy<Value = Wan> {
    (
        -999_999_999_999_999_999i64..999_999_999_999_999_999,
        0u32..=6,
    )
        .prop_map(|(m, s)| {
            Wan::checked(Decimal::new(m, s).trunc_with_scale(6)).unwrap_or(Wan::ZERO)
        })
}

fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
    ]
}

#[derive(Clone, Debug)]
enum Edit {
    LineAmount(usize, u8, Wan),
    LineCode(usize, String),
    LineFund(usize, u8),
    RemoveLine(usize),
    Revenue(u8, Wan),
    Balance(u8, Wan),
    Control(u8, Option<Wan>),
    Indicator(usize, Decimal, Option<Decimal>, Option<String>, String),
    Funds(Option<Wan>, Option<Wan>, Option<Wan>),
    Three(u8, Wan, u32),
    Settings(bool, bool),
    Year(i32),
    RemoveProject,
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0usize..12, 0u8..6, any_amount()).prop_map(|(i, f, a)| Edit::LineAmount(i, f, a)),
        (0usize..12, "\\PC{0,9}").prop_map(|(i, c)| Edit::LineCode(i, c)),
        (0usize..12, 0u8..4).prop_map(|(i, f)| Edit::LineFund(i, f)),
        (0usize..12).prop_map(Edit::RemoveLine),
        (0u8..8, any_amount()).prop_map(|(i, a)| Edit::Revenue(i, a)),
        (0u8..4, any_amount()).prop_map(|(i, a)| Edit::Balance(i, a)),
        (0u8..11, prop::option::of(any_amount())).prop_map(|(i, a)| Edit::Control(i, a)),
        (
            0usize..16,
            any_decimal(),
            prop::option::of(any_decimal()),
            prop::option::of("\\PC{0,6}"),
            "\\PC{0,6}"
        )
            .prop_map(|(i, w, s, a, t)| Edit::Indicator(i, w, s, a, t)),
        (
            prop::option::of(any_amount()),
            prop::option::of(any_amount()),
            prop::option::of(any_amount())
        )
            .prop_map(|(a, b, c)| Edit::Funds(a, b, c)),
        (0u8..5, any_amount(), any::<u32>()).prop_map(|(i, a, n)| Edit::Three(i, a, n)),
        (any::<bool>(), any::<bool>()).prop_map(|(a, b)| Edit::Settings(a, b)),
        any::<i32>().prop_map(Edit::Year),
        Just(Edit::RemoveProject),
    ]
}

fn apply(p: &mut Project, edit: Edit) {
    match edit {
        Edit::LineAmount(i, f, a) => {
            if let Some(line) = p.expenditure.lines.get_mut(i) {
                match f {
                    0 => line.basic = a,
                    1 => line.project = a,
                    2 => line.remitted = a,
                    3 => line.business = a,
                    4 => line.subsidies = a,
                    _ => line.budget = Some(a),
                }
            }
        }
        Edit::LineCode(i, c) => {
            if let Some(line) = p.expenditure.lines.get_mut(i) {
                line.code = c;
            }
        }
        Edit::LineFund(i, f) => {
            if let Some(line) = p.expenditure.lines.get_mut(i) {
                line.fund = Fund::ALL[f as usize % 4];
            }
        }
        Edit::RemoveLine(i) => {
            if i < p.expenditure.lines.len() {
                p.expenditure.lines.remove(i);
            }
        }
        Edit::Revenue(i, a) => match i {
            0 => p.revenue.general_budget = a,
            1 => p.revenue.government_fund = a,
            2 => p.revenue.operations = a,
            3 => p.revenue.business = a,
            _ => p.revenue.other = a,
        },
        Edit::Balance(i, a) => match i {
            0 => p.balances.general_budget.opening = a,
            1 => p.balances.general_budget.closing = a,
            2 => p.balances.non_appropriation.closing = a,
            _ => p.balances.surplus_distribution = a,
        },
        Edit::Control(i, a) => match i {
            0 => p.control_totals.total_revenue = a,
            1 => p.control_totals.basic = a,
            2 => p.control_totals.project = a,
            3 => p.control_totals.three_public = a,
            _ => p.control_totals.expenditure_this_year = a,
        },
        Edit::Indicator(i, w, s, a, t) => {
            if let Some(project) = p.projects.first_mut()
                && let Some(ind) = project.indicators.get_mut(i)
            {
                ind.weight = w;
                ind.score = s;
                ind.actual = a;
                ind.target = t;
            }
        }
        Edit::Funds(a, b, c) => {
            if let Some(project) = p.projects.first_mut() {
                project.funds.fiscal.initial = a;
                project.funds.fiscal.adjusted = b;
                project.funds.fiscal.executed = c;
            }
        }
        Edit::Three(i, a, n) => match i {
            0 => {
                p.three_public.overseas.actual = a;
                p.three_public.overseas.groups = n;
            }
            1 => p.three_public.reception.budget = a,
            2 => {
                p.three_public.reception.domestic.actual = a;
                p.three_public.reception.domestic.batches = n;
            }
            3 => p.three_public.vehicles.operation_actual = a,
            _ => p.running_costs.amount = a,
        },
        Edit::Settings(a, b) => {
            p.settings.share_rounding = if a {
                ShareRounding::Independent
            } else {
                ShareRounding::LargestRemainder
            };
            p.settings.tolerance = if b {
                Tolerance::Exact
            } else {
                Tolerance::CentPerItem
            };
        }
        Edit::Year(y) => p.unit.year = y,
        Edit::RemoveProject => {
            p.projects.pop();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_edits_never_make_the_checks_or_the_document_panic(edits in prop::collection::vec(edit(), 1..12)) {
        let mut project = example().unwrap();
        for e in edits {
            apply(&mut project, e);
        }
        let catalog = Catalog::builtin(2023).unwrap();
        let first = checks::run(&project, Some(&catalog));
        prop_assert_eq!(&first, &checks::run(&project, Some(&catalog)));
        // A broken project still yields a document, the same one each time.
        let doc = juesuan::document::build_with_builtin_catalog(&project);
        prop_assert_eq!(&doc, &juesuan::document::build_with_builtin_catalog(&project));
    }
}
