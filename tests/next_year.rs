//! 新建下一年度 (`juesuan next-year`): next year's project from the example — its prior-year
//! figures are this year's, its opening balances this year's closing ones and locked, its
//! texts drafts to review — and the checks on it.

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

mod common;

use common::juesuan;
use juesuan::checks::Severity;
use juesuan::example::example;
use juesuan::model::totals::Totals;
use juesuan::model::{Fund, Nature, PriorFigure, RevenueItem};
use juesuan::next_year::DRAFT;
use juesuan::storage;

/// The example saved, and `juesuan next-year` run on it: (its folder, the 2024 file, stdout).
fn next_of_example() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let this = dir.path().join("2023.json");
    let next = dir.path().join("2024.json");
    juesuan(&["example", "-o", this.to_str().unwrap()]);
    let (code, out, err) = juesuan(&[
        "next-year",
        this.to_str().unwrap(),
        "-o",
        next.to_str().unwrap(),
    ]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    (dir, next, out)
}

#[test]
fn this_years_figures_become_next_years_prior_year_figures() {
    let (_dir, path, out) = next_of_example();
    let this = example().unwrap();
    let t = Totals::of(&this);
    let next = storage::load(&path).unwrap();
    assert_eq!(next.unit.year, 2024);
    assert!(out.contains("已建立 2024 年度项目"), "{out}");
    for f in PriorFigure::ALL {
        assert_eq!(
            next.prior_year.get(*f),
            f.this_year(&this, &t),
            "{}",
            f.label()
        );
    }
    // Figures of the seed document (spec/seed-figures.md): 收入总计 226.23, 一般公共预算财政拨款
    // 支出 226.23, 基本支出 166.46, 机关运行经费 20.19, 公务接待费 0.99.
    let wan = |s: &str| s.parse().unwrap();
    assert_eq!(
        next.prior_year.get(PriorFigure::TotalRevenue),
        Some(wan("226.23"))
    );
    assert_eq!(
        next.prior_year.get(PriorFigure::GeneralBudgetExpenditure),
        Some(wan("226.23"))
    );
    assert_eq!(next.prior_year.get(PriorFigure::Basic), Some(wan("166.46")));
    assert_eq!(next.running_costs.prior, Some(wan("20.19")));
    assert_eq!(next.three_public.reception.prior, Some(wan("0.99")));
    for (line, was) in next.expenditure.lines.iter().zip(&this.expenditure.lines) {
        assert_eq!((&line.code, line.prior), (&was.code, Some(was.total())));
        assert!(line.total().is_zero() && line.budget.is_none());
    }
    // The structure stays: projects with their indicators, the unit, its duties.
    assert_eq!(next.projects.len(), this.projects.len());
    assert_eq!(
        next.projects[0].indicators.len(),
        this.projects[0].indicators.len()
    );
    assert!(
        next.projects[0]
            .indicators
            .iter()
            .all(|i| i.actual.is_none())
    );
    assert_eq!(next.unit.name, this.unit.name);
    // The 2023 template does not cover 2024: the province's 2024 one is chosen, and said so.
    assert_eq!(next.settings.template.as_deref(), Some("sichuan-2024"));
    assert!(out.contains("已改用“四川省2024年度部门决算公开"), "{out}");
}

#[test]
fn opening_balances_are_last_years_closing_ones_and_locked() {
    let (_dir, path, _) = next_of_example();
    let this = example().unwrap();
    let next = storage::load(&path).unwrap();
    assert!(next.balances.opening_locked());
    for fund in Fund::ALL {
        let (b, was) = (next.balances.of(fund), this.balances.of(fund));
        assert_eq!(Some(b.opening), was.closing);
        assert_eq!(b.prior_closing, was.closing);
    }
    let p = path.to_str().unwrap();
    // Locked: refused, the file byte for byte as it was.
    let before = std::fs::read(&path).unwrap();
    let (code, _, err) = juesuan(&["set", p, "balances.general_budget.opening", "5"]);
    assert_eq!(code, 2);
    assert!(err.contains("锁定") && err.contains("解锁原因"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // A word is not a reason: still locked.
    assert_eq!(
        juesuan(&["set", p, "balances.carried.unlock_reason", "改 "]).0,
        0
    );
    let (code, _, err) = juesuan(&["set", p, "balances.general_budget.opening", "5"]);
    assert_eq!(code, 2);
    assert!(err.contains("至少 4 个字"), "{err}");
    // Unlocked with a reason: the change is taken, and the check that an opening balance
    // equals last year's closing one (JS-103) says what differs.
    let reason = "财政批复调整上年结余";
    assert_eq!(
        juesuan(&["set", p, "balances.carried.unlock_reason", reason]).0,
        0
    );
    let (code, _, err) = juesuan(&["set", p, "balances.general_budget.opening", "5"]);
    assert_eq!(code, 0, "{err}");
    let changed = storage::load(&path).unwrap();
    assert_eq!(
        changed.balances.carried.as_ref().unwrap().unlock_reason,
        reason
    );
    let report = juesuan::checks::report::build(&changed, None);
    let js103: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.finding.code == "JS-103")
        .collect();
    assert_eq!(js103.len(), 1, "{:#?}", report.findings);
    assert!(
        js103[0]
            .finding
            .message
            .contains("本年年初结转和结余 5.00 万元，上年年末结转和结余 0.00 万元"),
        "{}",
        js103[0].finding.message
    );
}

#[test]
fn the_carried_structure_checks_clean_of_errors_and_drafts_are_flagged() {
    let (_dir, path, out) = next_of_example();
    let next = storage::load(&path).unwrap();
    let report = juesuan::checks::report::build(&next, None);
    let errors: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.finding.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // Last year's texts are drafts: marked, and reported until rewritten.
    assert!(next.revenue.change_reason.starts_with(DRAFT));
    assert!(next.projects[0].conclusion.starts_with(DRAFT));
    assert!(out.contains("段上年的文字"), "{out}");
    let drafts = report
        .findings
        .iter()
        .filter(|f| f.finding.code == "JS-609" && f.finding.message.contains("待复核"))
        .count();
    assert!(drafts > 5, "{drafts}");
}

#[test]
fn the_years_amounts_start_blank_not_zero_and_the_checks_list_them() {
    let (_dir, path, _) = next_of_example();
    let next = storage::load(&path).unwrap();
    let r = &next.revenue;
    for item in RevenueItem::ALL {
        assert_eq!(item.entered(r), None, "{}", item.label());
    }
    for line in &next.expenditure.lines {
        for nature in Nature::ALL {
            assert_eq!(
                nature.entered(line),
                None,
                "{} {}",
                line.code,
                nature.label()
            );
        }
    }
    for fund in Fund::ALL {
        assert_eq!(next.balances.of(fund).closing, None);
    }
    let t = &next.three_public;
    assert_eq!(
        (
            t.overseas.actual,
            t.reception.budget,
            t.reception.domestic.actual
        ),
        (None, None, None)
    );
    assert_eq!(next.running_costs.amount, None);
    assert_eq!(next.procurement.goods, None);
    assert!(
        next.projects[0].spending.iter().all(|s| s.amount.is_none()),
        "a project's spending items keep their names, not last year's amounts"
    );
    // The file says so: blank, not zero.
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("\"general_budget\": null"),
        "revenue is blank in the file"
    );

    // JS-711 names each part not yet entered, as a warning (a new year is not an error).
    let report = juesuan::checks::report::build(&next, None);
    let blank: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.finding.code == "JS-711")
        .map(|f| f.finding.message.as_str())
        .collect();
    for part in [
        "本年收入各项",
        "支出决算表各行的本年支出",
        "年末结转和结余",
        "人员经费",
        "公用经费",
        "“三公”经费的本年预算数和决算数",
        "机关运行经费",
        "政府采购支出",
    ] {
        assert!(
            blank.iter().any(|m| m.starts_with(part)),
            "{part} not listed: {blank:#?}"
        );
    }
    // A blank spending item is not compared with its cost indicator (JS-512 said "为 0.00
    // 万元，相差 1.20" on every new year).
    assert!(!report.findings.iter().any(|f| f.finding.code == "JS-512"));
    // Entering one amount of a part takes it off the list; the example has none of them.
    let mut entered = next.clone();
    entered.procurement.goods = Some(juesuan::money::Wan::ZERO);
    let report = juesuan::checks::report::build(&entered, None);
    assert!(
        !report
            .findings
            .iter()
            .any(|f| f.finding.code == "JS-711" && f.finding.message.starts_with("政府采购支出"))
    );
    let example = juesuan::checks::report::build(&example().unwrap(), None);
    assert!(!example.findings.iter().any(|f| f.finding.code == "JS-711"));
}

#[test]
fn a_next_year_never_replaces_an_existing_file() {
    let (dir, next, _) = next_of_example();
    let this = dir.path().join("2023.json");
    let before = std::fs::read(&this).unwrap();
    for target in [&this, &next] {
        let (code, _, err) = juesuan(&[
            "next-year",
            this.to_str().unwrap(),
            "-o",
            target.to_str().unwrap(),
        ]);
        assert_eq!(code, 2);
        assert!(err.contains("已经存在"), "{err}");
    }
    assert_eq!(std::fs::read(&this).unwrap(), before);
}

#[test]
fn an_empty_new_year_is_not_told_to_delete_its_lines() {
    let (_dir, path, _) = next_of_example();
    let next = storage::load(&path).unwrap();
    let report = juesuan::checks::report::build(&next, None);
    assert!(
        !report.findings.iter().any(|f| f.finding.code == "JS-210"),
        "no line has this year's amounts yet"
    );
    let entry = report.ledger.get("JS-210").unwrap();
    assert_eq!(entry.coverage.label(), "缺少数据");
    // Once some line has its amounts, a carried line still empty says what it had last year.
    let mut some = next.clone();
    some.expenditure.lines[0].basic = Some("10".parse().unwrap());
    let report = juesuan::checks::report::build(&some, None);
    let empty: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.finding.code == "JS-210")
        .collect();
    assert_eq!(empty.len(), next.expenditure.lines.len() - 1);
    assert!(
        empty[0].finding.message.contains("本年没有金额（上年"),
        "{}",
        empty[0].finding.message
    );
}

#[test]
fn a_line_blank_this_year_has_no_prior_figure_next_year() {
    let mut this = example().unwrap();
    let line = &mut this.expenditure.lines[0];
    line.basic = None;
    line.project = None;
    let next = juesuan::next_year::next_year(&this, None).project;
    assert_eq!(next.expenditure.lines[0].prior, None);
    assert_eq!(
        next.expenditure.lines[1].prior,
        Some(this.expenditure.lines[1].total())
    );
}

#[test]
fn meetings_training_and_purchased_services_become_next_years_prior_figures() {
    let mut this = example().unwrap();
    this.set("meetings_training.meetings.actual", "0.86")
        .unwrap();
    this.set("meetings_training.meetings.count", "6").unwrap();
    this.set("meetings_training.meetings.change_reason", "压减会议")
        .unwrap();
    this.set("meetings_training.training.budget", "0.5")
        .unwrap();
    this.set("purchased_services.amount", "3.6").unwrap();
    this.set("meetings_training.festivals.actual", "3.5")
        .unwrap();
    this.set("meetings_training.festivals.count", "1").unwrap();
    this.set("meetings_training.festivals.content", "全区运动会")
        .unwrap();
    let next = juesuan::next_year::next_year(&this, None).project;
    // 节庆、晚会、论坛、赛事活动费 goes the same way; its content is kept as a draft.
    let f = &next.meetings_training.festivals;
    assert_eq!(
        (f.prior, f.actual, f.count),
        (Some("3.5".parse().unwrap()), None, None)
    );
    assert!(f.content.starts_with(DRAFT), "{}", f.content);
    let (m, t) = (
        &next.meetings_training.meetings,
        &next.meetings_training.training,
    );
    assert_eq!(m.prior, Some("0.86".parse().unwrap()));
    assert_eq!((m.actual, m.budget, m.count), (None, None, None));
    assert!(m.change_reason.starts_with(DRAFT), "{}", m.change_reason);
    // 培训费 had a budget but no 决算数: next year has no prior figure, not a 0.
    assert_eq!((t.prior, t.budget), (None, None));
    let ps = &next.purchased_services;
    assert_eq!((ps.prior, ps.amount), (Some("3.6".parse().unwrap()), None));
}

/// 项目支出 by economic item: next year likely has the same items, not the same amounts.
#[test]
fn project_spending_by_economic_item_keeps_its_items_without_amounts() {
    let mut this = example().unwrap();
    this.expenditure.project_economic = vec![juesuan::model::EconomicItem {
        code: "30227".into(),
        name: "委托业务费".into(),
        amount: Some("59.77".parse().unwrap()),
    }];
    let next = juesuan::next_year::next_year(&this, None).project;
    let items = &next.expenditure.project_economic;
    assert_eq!(items.len(), 1);
    assert_eq!((items[0].code.as_str(), items[0].amount), ("30227", None));
}

#[test]
fn the_years_self_assessments_are_not_carried_and_the_vehicles_are() {
    let mut this = example().unwrap();
    for (path, value) in [
        ("performance.self_assessed_projects", "1"),
        ("performance.self_assessed_funds", "59.77"),
        ("performance.evaluated_projects", "1"),
        ("performance.evaluated_funds", "20"),
        ("assets.vehicles.retired_service", "2"),
        ("assets.vehicles.other_use", "日常公务保障"),
        ("assets.equipment_over_100", "1"),
        ("three_public.pre_pandemic", "2.5"),
    ] {
        this.set(path, value).unwrap();
    }
    let next = juesuan::next_year::next_year(&this, None).project;
    let pm = &next.performance;
    // Next year's self-assessments are done after next year: blank, not last year's.
    assert_eq!(
        (pm.self_assessed_projects, pm.evaluated_projects),
        (None, None)
    );
    assert_eq!((pm.self_assessed_funds, pm.evaluated_funds), (None, None));
    // The fleet and the equipment held at year end are next year's start.
    let a = &next.assets;
    assert_eq!(a.vehicles.retired_service, Some(2));
    assert_eq!(a.vehicles.other_use, "日常公务保障");
    assert_eq!(a.equipment_over_100, Some(1));
    // 2019's "三公" total is 2019's whatever the year.
    assert_eq!(next.three_public.pre_pandemic, Some("2.5".parse().unwrap()));
}

/// A department's next year does not print this year's members' figures in its tables by unit:
/// they wait for the next consolidation (浙江's 分单位 tables then print the 合计 and are reported).
#[test]
fn a_departments_members_figures_are_not_carried_into_next_year() {
    let this = storage::load(std::path::Path::new(
        "tests/samples/v13-department-zhejiang-2023.json",
    ))
    .unwrap();
    let members = |p: &juesuan::model::Project| p.department.clone().unwrap().members;
    assert!(members(&this).iter().all(|m| m.figures.is_some()));
    let next = juesuan::next_year::next_year(&this, None).project;
    let kept = members(&next);
    assert_eq!(kept.len(), 2);
    assert!(kept.iter().all(|m| m.figures.is_none()), "{kept:?}");
    assert_eq!(kept[1].name, "区目标绩效保障服务中心");
}
