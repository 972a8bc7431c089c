//! The rule catalog's examples: the built-in example with every inconsistency of the seed put
//! right ([`clean`]), and for each rule a change that makes it violate exactly that rule
//! ([`CASES`]). `juesuan rules` prints the message each rule gives on its case, and
//! `tests/checks.rs` pins those messages, so the catalog's examples are what the rules really
//! say.

use rust_decimal::Decimal;

use crate::example::example;
use crate::model::{
    ClassNames, CostEntry, Date, EconomicItem, PriorFigure, Project, ShareRounding, UnitKind,
};
use crate::money::Wan;

fn wan(s: &str) -> Wan {
    s.parse().unwrap_or_default()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap_or_default()
}

/// The day the deadline rules count to in the examples (and the tests).
pub fn today() -> Option<Date> {
    Date::new(2024, 9, 1)
}

/// The example with every inconsistency of the seed put right: no rule fires on it.
pub fn clean() -> Project {
    let Ok(mut p) = example() else {
        return Project::default();
    };
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
    p.revenue.by_function[4].code = "2080506".into();
    p.unit.signatories.head = "单位负责人".into();
    p.unit.signatories.deputy_head = "分管负责人".into();
    p.unit.signatories.preparer = "制表人".into();
    p.settings.share_rounding = ShareRounding::LargestRemainder;
    p
}

/// A change to the project.
pub type Mutation = fn(&mut Project);

/// One project per rule that violates exactly that rule.
pub const CASES: &[(&str, Mutation)] = &[
    ("JS-101", |p| {
        p.balances.non_appropriation.closing = Some(wan("1"));
        p.control_totals.total_expenditure = None;
    }),
    ("JS-102", |p| {
        p.balances.general_budget.closing = Some(wan("1"));
        p.balances.use_of_non_appropriation_surplus = Some(wan("1"));
        p.control_totals.total_revenue = None;
        p.control_totals.total_expenditure = None;
    }),
    ("JS-103", |p| {
        p.balances.general_budget.prior_closing = Some(wan("5"))
    }),
    // 0.01 per summed row is rounding (JS-119); 0.27 over 10 and 8 rows is not.
    ("JS-104", |p| {
        p.control_totals.total_revenue = Some(wan("226.50"))
    }),
    ("JS-105", |p| {
        p.control_totals.revenue_this_year = Some(wan("226.50"))
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
    ("JS-114", |p| {
        p.control_totals.three_public = Some(wan("1.50"))
    }),
    ("JS-115", |p| {
        p.revenue.by_function[0].appropriation = Some(wan("80"))
    }),
    ("JS-116", |p| p.revenue.by_function[0].code = "20131".into()),
    ("JS-117", |p| p.revenue.by_function.clear()),
    ("JS-119", |p| {
        p.control_totals.revenue_this_year = Some(wan("226.24"));
        p.control_totals.expenditure_this_year = Some(wan("226.22"));
    }),
    ("JS-118", |p| {
        // Two of the eight sources already exceed the total by more than 0.01 each.
        p.prior_year
            .set(PriorFigure::RevenueThisYear, Some(wan("200")));
        p.prior_year
            .set(PriorFigure::GeneralBudgetRevenue, Some(wan("150")));
        p.prior_year
            .set(PriorFigure::Operations, Some(wan("50.03")));
        // 人员 + 公用 within 0.01 each of 上年基本支出: rounding, not reported.
        p.prior_year
            .set(PriorFigure::GeneralBudgetBasic, Some(wan("160")));
        p.prior_year
            .set(PriorFigure::Personnel, Some(wan("140.01")));
        p.prior_year
            .set(PriorFigure::PublicCosts, Some(wan("20.01")));
    }),
    ("JS-201", |p| {
        p.basic_costs.personnel = CostEntry::Total {
            amount: Some(wan("146.28")),
            item_names: vec![],
        }
    }),
    ("JS-202", |p| {
        p.basic_costs.public = CostEntry::Items(vec![EconomicItem {
            code: "30101".into(),
            name: "基本工资".into(),
            amount: Some(wan("20.19")),
        }])
    }),
    ("JS-203", |p| {
        p.basic_costs.public = CostEntry::Items(vec![EconomicItem {
            code: "30201".into(),
            name: "办公用品".into(),
            amount: Some(wan("20.19")),
        }])
    }),
    ("JS-204", |p| {
        p.projects[0].spending.clear();
        p.projects[0].funds.fiscal.executed = Some(wan("58.77"));
    }),
    ("JS-205", |p| {
        p.projects[0].spending[0].amount = Some(wan("4.15"))
    }),
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
        copy.basic = Some(wan("2"));
        copy.budget = Some(wan("2"));
        p.expenditure.lines[0].basic = Some(wan("80.26"));
        p.expenditure.lines[0].budget = Some(wan("80.26"));
        p.expenditure.lines.push(copy);
    }),
    ("JS-210", |p| {
        let mut empty = p.expenditure.lines[0].clone();
        empty.code = "2013102".into();
        empty.basic = Some(Wan::ZERO);
        empty.budget = Some(Wan::ZERO);
        p.expenditure.lines.push(empty);
    }),
    ("JS-301", |p| {
        p.three_public.vehicles.purchases.sedan.count = Some(1)
    }),
    ("JS-211", |p| {
        p.basic_costs.public = CostEntry::Items(vec![
            EconomicItem {
                code: "302".into(),
                name: "商品和服务支出".into(),
                amount: Some(wan("10")),
            },
            EconomicItem {
                code: "30201".into(),
                name: "办公费".into(),
                amount: Some(wan("5")),
            },
            EconomicItem {
                code: "30211".into(),
                name: "差旅费".into(),
                amount: Some(wan("5.19")),
            },
        ])
    }),
    ("JS-212", |p| {
        p.basic_costs.public = CostEntry::Items(vec![
            EconomicItem {
                code: "30201".into(),
                name: "办公费".into(),
                amount: Some(wan("4")),
            },
            EconomicItem {
                code: "30211".into(),
                name: "差旅费".into(),
                amount: Some(wan("6")),
            },
            EconomicItem {
                code: "30299".into(),
                name: "其他商品和服务支出".into(),
                amount: Some(wan("10")),
            },
            EconomicItem {
                code: "31002".into(),
                name: "办公设备购置".into(),
                amount: Some(wan("0.19")),
            },
        ])
    }),
    ("JS-213", |p| {
        // 59.77 of 项目支出, broken down as 59.00.
        p.expenditure.project_economic = vec![
            EconomicItem {
                code: "30201".into(),
                name: "办公费".into(),
                amount: Some(wan("20")),
            },
            EconomicItem {
                code: "30227".into(),
                name: "委托业务费".into(),
                amount: Some(wan("39")),
            },
        ]
    }),
    ("JS-302", |p| {
        p.basic_costs.public = CostEntry::Items(vec![
            EconomicItem {
                code: "30217".into(),
                name: "公务接待费".into(),
                amount: Some(wan("1")),
            },
            EconomicItem {
                code: "30201".into(),
                name: "办公费".into(),
                amount: Some(wan("19.19")),
            },
        ])
    }),
    ("JS-303", |p| p.assets.vehicles.other = Some(1)),
    ("JS-304", |p| {
        let o = &mut p.three_public.overseas;
        o.actual = Some(wan("0.5"));
        o.groups = Some(1);
        o.people = Some(2);
        o.change_reason = "出访任务".into();
        p.control_totals.three_public = None;
    }),
    ("JS-305", |p| {
        let o = &mut p.three_public.overseas;
        o.budget = Some(wan("0.1"));
        o.actual = Some(wan("0.2"));
        o.prior = Some(wan("0.2"));
        o.groups = Some(1);
        o.people = Some(1);
        p.three_public.vehicles.operation_budget = Some(wan("0.5"));
        p.control_totals.three_public = None;
    }),
    ("JS-306", |p| {
        p.three_public.reception.foreign.actual = Some(wan("0.1"));
        p.control_totals.three_public = None;
    }),
    ("JS-307", |p| {
        p.three_public.reception.foreign.batches = Some(1)
    }),
    ("JS-308", |p| {
        let v = &mut p.three_public.vehicles;
        v.operation_actual = Some(wan("0.5"));
        v.operation_budget = Some(wan("0.5"));
        v.change_reason = "租用车辆".into();
        p.control_totals.three_public = None;
    }),
    ("JS-309", |p| {
        p.basic_costs.public = CostEntry::Items(vec![
            EconomicItem {
                code: "30215".into(),
                name: "会议费".into(),
                amount: Some(wan("0.6")),
            },
            EconomicItem {
                code: "30201".into(),
                name: "办公费".into(),
                amount: Some(wan("19.59")),
            },
        ]);
        // 培训费 left blank: a blank is not judged.
        let m = &mut p.meetings_training.meetings;
        m.actual = Some(wan("0.5"));
        m.count = Some(2);
        m.people = Some(40);
    }),
    ("JS-310", |p| {
        let t = &mut p.meetings_training.training;
        t.actual = Some(wan("0.5"));
        t.count = Some(2);
    }),
    ("JS-401", |p| p.procurement.to_sme = Some(wan("3"))),
    ("JS-402", |p| {
        p.procurement.to_small_micro = Some(wan("2.5"))
    }),
    ("JS-403", |p| p.procurement.goods = Some(wan("300"))),
    ("JS-404", |p| {
        // 3 of the 2.31 of goods went to SMEs; with 1 of services, none to SMEs, the parts
        // still add up to 授予中小企业 and stay within the total.
        let pr = &mut p.procurement;
        pr.services = Some(wan("1"));
        pr.to_sme = Some(wan("3"));
        pr.to_sme_goods = Some(wan("3"));
        pr.to_sme_services = Some(wan("0"));
    }),
    ("JS-405", |p| p.procurement.to_sme_goods = Some(wan("2"))),
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
    ("JS-513", |p| {
        p.performance.self_assessed_funds = Some(wan("60"))
    }),
    ("JS-514", |p| p.performance.self_assessed_projects = Some(0)),
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
    ("JS-607", |p| {
        p.prior_year.set(PriorFigure::TotalRevenue, None)
    }),
    ("JS-608", |p| p.expenditure.lines[0].budget = None),
    ("JS-609", |p| {
        p.unit.duties[0].push_str("，年内完成XX项考核")
    }),
    ("JS-610", |p| {
        p.revenue.change_reason = "主要是文化体育与传媒支出增加".into()
    }),
    ("JS-611", |p| {
        p.three_public.reception.change_reason = "公务接待费增长 100%，主要是…".into()
    }),
    ("JS-612", |p| {
        p.revenue.change_reason = "主要是增加了12000元的办公费".into()
    }),
    ("JS-701", |p| p.unit.staffing[0].staff = Some(8)),
    ("JS-702", |p| {
        let g = &mut p.balances.general_budget;
        g.opening = wan("-1");
        g.closing = Some(wan("-1"));
        g.prior_closing = Some(wan("-1"));
        p.control_totals.total_revenue = None;
        p.control_totals.total_expenditure = None;
    }),
    ("JS-703", |p| p.running_costs.amount = Some(wan("5"))),
    ("JS-704", |p| p.unit.kind = UnitKind::PublicService),
    ("JS-705", |p| p.unit.signatories.head.clear()),
    ("JS-706", |p| p.unit.name.clear()),
    ("JS-707", |p| {
        p.revenue.operations = Some(wan("1"));
        p.revenue.by_function[0].operations = Some(wan("1"));
        p.balances.non_appropriation.closing = Some(wan("1"));
        p.control_totals.total_revenue = None;
        p.control_totals.revenue_this_year = None;
        p.control_totals.total_expenditure = None;
    }),
    ("JS-708", |p| {
        p.expenditure.lines[0].basic = Some(wan("81.26"));
        p.expenditure.lines[0].business = Some(wan("1"));
        p.basic_costs.personnel = CostEntry::Total {
            amount: Some(wan("145.27")),
            item_names: vec![],
        };
        p.control_totals.basic = None;
        p.control_totals.general_budget_basic = None;
    }),
    // Approved 2024-08-15: on 2024-09-01 it is day 17, not yet published.
    ("JS-709", |p| p.unit.approval_date = Date::new(2024, 8, 15)),
    ("JS-710", |p| {
        p.unit.approval_date = Date::new(2024, 6, 1);
        p.unit.publication_date = Date::new(2024, 7, 1);
    }),
    ("JS-711", |p| {
        p.procurement = crate::model::Procurement::default()
    }),
    ("JS-712", |p| {
        // The example's 10 在职 divided as 6 + 2 + 1.
        let posts = &mut p.unit.staff_by_post;
        posts.professional = Some(6);
        posts.management = Some(2);
        posts.workers = Some(1);
    }),
    ("JS-801", |p| {
        p.settings.share_rounding = ShareRounding::Independent
    }),
];

/// The message `code` gives on its case, if it has one: what the rule catalog shows as its
/// example.
pub fn message(code: &str) -> Option<String> {
    let (_, mutate) = CASES.iter().find(|(c, _)| *c == code)?;
    let mut project = clean();
    mutate(&mut project);
    let catalog = crate::catalog::Catalog::for_project(&project).ok();
    let totals = crate::model::totals::Totals::of(&project);
    super::review(&project, totals, catalog.as_ref(), today())
        .findings
        .into_iter()
        .find(|f| f.code == code)
        .map(|f| f.message)
}
