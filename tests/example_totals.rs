//! Golden test: the built-in example's computed totals are the seed document's figures.

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

use juesuan::example::example;
use juesuan::model::totals::{Totals, general_budget_by_class};
use juesuan::money::Wan;

fn wan(s: &str) -> Wan {
    s.parse().unwrap()
}

#[test]
fn example_totals_equal_the_seed_document() {
    let project = example().unwrap();
    let t = Totals::of(&project);
    assert_eq!(t.total_revenue, wan("226.23"), "收入总计");
    assert_eq!(t.total_expenditure, wan("226.23"), "支出总计");
    assert_eq!(t.revenue_this_year, wan("226.23"), "本年收入合计");
    assert_eq!(t.expenditure_this_year, wan("226.23"), "本年支出合计");
    assert_eq!(t.by_nature.basic, wan("166.46"), "基本支出");
    assert_eq!(t.by_nature.project, wan("59.77"), "项目支出");
    assert_eq!(
        t.appropriation_total_revenue,
        wan("226.23"),
        "财政拨款收入总计"
    );
    assert_eq!(t.appropriation_expenditure, wan("226.23"), "财政拨款支出");
    assert_eq!(
        t.general_budget_expenditure,
        wan("226.23"),
        "一般公共预算财政拨款支出"
    );
    assert_eq!(t.personnel_costs, wan("146.27"), "人员经费");
    assert_eq!(t.public_costs, wan("20.19"), "日常公用经费");
    assert_eq!(t.personnel_costs + t.public_costs, t.general_budget_basic);
    assert_eq!(t.three_public.actual, wan("0.99"), "三公经费");
    assert_eq!(t.three_public.prior, Some(wan("0.28")), "上年三公经费");
    assert_eq!(t.procurement, wan("2.31"), "政府采购");
    assert_eq!(t.projects_executed, wan("59.77"), "项目执行数");
}

#[test]
fn example_general_budget_by_class_equals_the_seed() {
    let project = example().unwrap();
    let by_class = general_budget_by_class(&project);
    let expected = [
        ("201", "193.15"),
        ("208", "14.63"),
        ("210", "6.51"),
        ("221", "11.94"),
    ];
    let got: Vec<(&str, Wan)> = by_class.iter().map(|(c, a)| (c.as_str(), *a)).collect();
    let want: Vec<(&str, Wan)> = expected.iter().map(|(c, a)| (*c, wan(a))).collect();
    assert_eq!(got, want);
}

#[test]
fn example_keeps_the_seeds_own_inconsistencies() {
    let project = example().unwrap();
    let assessment = &project.projects[0];
    assert!(
        assessment.indicators.iter().all(|i| i.actual.is_none()),
        "the seed leaves every 完成值 empty"
    );
    let cost_targets: Wan = assessment
        .indicators
        .iter()
        .filter(|i| i.unit == "万元")
        .map(|i| i.target.parse::<Wan>().unwrap())
        .sum();
    assert_eq!(
        cost_targets,
        wan("50.0"),
        "cost targets sum to the initial budget"
    );
    assert_eq!(
        project
            .performance
            .department
            .full_score
            .map(|d| d.to_string()),
        Some("90".to_owned()),
        "the seed states 总分90分"
    );
}

/// The seed's unit has no balances and only 一般公共预算财政拨款, so its revenue by function is
/// its expenditure by function: the example's 表2 is exactly the draft made from 表3.
#[test]
fn the_examples_table_2_is_the_draft_from_its_expenditure() {
    use juesuan::model::{Fund, RevenueLine};
    let mut project = example().unwrap();
    let draft = RevenueLine::draft_from(&project.expenditure.lines);
    assert_eq!(draft, project.revenue.by_function);
    let sum: Wan = draft.iter().map(RevenueLine::total).sum();
    assert_eq!(sum, wan("226.23"));

    // Two lines of one code become one row; non-appropriation money has no source to go to.
    let lines = &mut project.expenditure.lines;
    let mut copy = lines[0].clone();
    copy.basic = Some(wan("1.00"));
    lines.push(copy);
    let mut other = lines[1].clone();
    other.fund = Fund::NonAppropriation;
    lines.push(other);
    let draft = RevenueLine::draft_from(lines);
    assert_eq!(draft.len(), 9);
    assert_eq!(draft[0].code, "2013101");
    assert_eq!(draft[0].appropriation, Some(wan("83.26")));
    assert_eq!(draft[1].appropriation, Some(wan("51.12")));
}
