//! Every figure a document compares, with last year's: 本年收入合计 and each source, 本年支出合计
//! and each nature, both definitions of 财政拨款收入, each fund, each 类 and 项 of
//! 一般公共预算财政拨款支出, 基本支出 and its parts, 政府采购, each "三公" part; and the budget
//! comparisons (年初预算 and 全年预算, the amount over or under). Each is entered into the
//! example and the sentence that states it is asserted.

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

use juesuan::catalog::Catalog;
use juesuan::document::render::{Format, render};
use juesuan::document::{self, Block, ChartKind, Options};
use juesuan::example::example;
use juesuan::model::{Fund, PriorFigure, Project, ShareDecimals, ShareRounding};
use juesuan::money::Wan;
use juesuan::storage;
use juesuan::template::Template;

fn wan(s: &str) -> Wan {
    s.parse().unwrap()
}

/// The text of `project` under a template of one paragraph per line of `lines`.
fn say(project: &Project, lines: &[&str]) -> Vec<String> {
    let mut toml = String::from(
        "id = \"prior-test\"\nname = \"上年数测试\"\nregion = \"测试\"\nyears = [2017, 2100]\n",
    );
    for (i, line) in lines.iter().enumerate() {
        toml.push_str(&format!(
            "\n[[block]]\nparagraph = \"第{i}段\"\ntext = '''\n{line}\n'''\n"
        ));
    }
    let template = Template::parse(&toml, "测试.toml").unwrap();
    let catalog = Catalog::builtin(project.unit.year).ok();
    let options = Options {
        catalog: catalog.as_ref(),
        template: Some(&template),
        ..Options::default()
    };
    let doc = document::build(project, &options);
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
    // The first line is the document's title.
    render(&doc, Format::Text)
        .lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn this_years_revenue_and_each_source_are_compared_with_last_year() {
    let mut p = example().unwrap();
    p.prior_year
        .set(PriorFigure::RevenueThisYear, Some(wan("200")));
    p.prior_year
        .set(PriorFigure::GeneralBudgetRevenue, Some(wan("200")));
    p.prior_year.set(PriorFigure::Operations, Some(wan("5")));
    let text = say(
        &p,
        &[
            "本年收入合计{{ 本年收入合计|wan }}，比上年{{ 本年收入合计|change }}。",
            "{% for x in 收入结构.各项 if x.上年 is not none %}{{ x.名称 }}{{ x|wan }}，比上年{{ x|change }}。{% endfor %}",
            "事业收入{{ 收入结构.事业收入|wan }}，比上年{{ 收入结构.事业收入|change }}。",
            "{% if 收入结构.经营收入.上年 is none %}经营收入不比较。{% endif %}",
        ],
    );
    assert_eq!(
        text,
        [
            "本年收入合计226.23万元，比上年增加26.23万元，增长13.12%。",
            "一般公共预算财政拨款收入226.23万元，比上年增加26.23万元，增长13.12%。事业收入0万元，比上年减少5.00万元，下降100%。",
            "事业收入0万元，比上年减少5.00万元，下降100%。",
            "经营收入不比较。",
        ]
    );
}

#[test]
fn this_years_expenditure_and_each_nature_are_compared_with_last_year() {
    let mut p = example().unwrap();
    p.prior_year
        .set(PriorFigure::ExpenditureThisYear, Some(wan("250")));
    p.prior_year.set(PriorFigure::Basic, Some(wan("166.46")));
    p.prior_year.set(PriorFigure::Project, Some(wan("0")));
    let text = say(
        &p,
        &[
            "本年支出合计比上年{{ 本年支出合计|change }}。",
            "基本支出比上年{{ 支出结构.基本支出|change }}，项目支出比上年{{ 支出结构.项目支出|change }}。",
        ],
    );
    assert_eq!(
        text,
        [
            "本年支出合计比上年减少23.77万元，下降9.51%。",
            "基本支出比上年持平，项目支出比上年增加59.77万元（上年无此项支出）。",
        ]
    );
}

#[test]
fn both_definitions_of_appropriation_revenue_and_each_fund_are_compared() {
    let mut p = example().unwrap();
    p.prior_year
        .set(PriorFigure::AppropriationRevenueThisYear, Some(wan("220")));
    p.prior_year.set(
        PriorFigure::AppropriationExpenditureThisYear,
        Some(wan("226.23")),
    );
    p.prior_year
        .set(PriorFigure::GovernmentFundExpenditure, Some(wan("10")));
    let text = say(
        &p,
        &[
            "财政拨款收入{{ 财政拨款收入|wan }}，比上年{{ 财政拨款收入|change }}；财政拨款收入总计{{ 财政拨款收入总计|wan }}，比上年{{ 财政拨款收入总计|change }}。",
            "财政拨款支出比上年{{ 财政拨款支出|change }}。",
            "政府性基金预算财政拨款支出比上年{{ 政府性基金预算财政拨款支出|change }}。",
            "{% if 国有资本经营预算财政拨款支出.上年 is none %}国有资本不比较。{% endif %}",
        ],
    );
    let total = p.prior_year.get(PriorFigure::AppropriationRevenue).unwrap();
    assert_eq!(total, wan("213.07"), "the example's 上年财政拨款收入总计");
    assert_eq!(
        text,
        [
            "财政拨款收入226.23万元，比上年增加6.23万元，增长2.83%；财政拨款收入总计226.23万元，比上年增加13.16万元，增长6.18%。",
            "财政拨款支出比上年持平。",
            "政府性基金预算财政拨款支出比上年减少10.00万元，下降100%。",
            "国有资本不比较。",
        ]
    );
}

#[test]
fn each_class_and_line_of_general_budget_spending_is_compared_from_the_lines_prior_figures() {
    let mut p = example().unwrap();
    // The three 201 lines: 82.26, 51.12, 59.77 this year; last year 75, 50, 65.
    let mut priors = ["75", "50", "65"].into_iter();
    for line in &mut p.expenditure.lines {
        if line.code.starts_with("201") && line.fund == Fund::GeneralBudget {
            line.prior = Some(wan(priors.next().unwrap()));
        }
    }
    assert!(priors.next().is_none(), "the example has three 201 lines");
    let text = say(
        &p,
        &[
            "一般公共服务支出比上年{{ 一般公共预算财政拨款支出结构.一般公共服务支出|change }}。",
            "{% if 一般公共预算财政拨款支出结构.社会保障和就业支出.上年 is none %}社会保障和就业支出不比较。{% endif %}",
            "{% set x = 一般公共预算财政拨款支出明细[0] %}{{ x.名称 }}{{ x|wan }}，比上年{{ x|change }}。",
        ],
    );
    assert_eq!(
        text,
        [
            "一般公共服务支出比上年增加3.15万元，增长1.66%。",
            "社会保障和就业支出不比较。",
            "行政运行82.26万元，比上年增加7.26万元，增长9.68%。",
        ]
    );
}

#[test]
fn basic_costs_procurement_and_three_public_parts_are_compared() {
    let mut p = example().unwrap();
    p.prior_year
        .set(PriorFigure::GeneralBudgetBasic, Some(wan("160")));
    p.prior_year.set(PriorFigure::Personnel, Some(wan("140")));
    p.prior_year
        .set(PriorFigure::Procurement, Some(wan("2.31")));
    let text = say(
        &p,
        &[
            "基本支出比上年{{ 基本支出.合计|change }}；人员经费比上年{{ 基本支出.人员经费|change }}。",
            "{% if 基本支出.公用经费.上年 is none %}公用经费不比较。{% endif %}",
            "政府采购支出总额{{ 政府采购.合计|wan }}，比上年{{ 政府采购.合计|change }}。",
            "公务接待费比上年{{ 三公.结构.公务接待费|change }}。",
        ],
    );
    assert_eq!(
        text,
        [
            "基本支出比上年增加6.46万元，增长4.04%；人员经费比上年增加6.27万元，增长4.48%。",
            "公用经费不比较。",
            "政府采购支出总额2.31万元，比上年持平。",
            "公务接待费比上年增加0.71万元，增长253.57%。",
        ]
    );
}

#[test]
fn a_line_is_compared_with_its_initial_and_full_year_budget_and_states_the_difference() {
    let mut p = example().unwrap();
    let line = &mut p.expenditure.lines[0];
    assert_eq!(line.code, "2013101");
    line.initial_budget = Some(wan("90"));
    line.budget = Some(wan("80"));
    let lines = [
        "{% set x = 一般公共预算财政拨款支出明细[0] %}{{ x.名称 }}{{ x|completion(x.年初预算, label=\"年初预算的\") }}，{{ x|completion(label=\"全年预算的\") }}，{% if x.超预算 %}超出{% else %}低于{% endif %}全年预算{{ x.预算差额|wan }}。",
        "{% if 一般公共预算财政拨款支出.年初预算 is none %}年初预算不全，不比较总数。{% endif %}",
    ];
    let text = say(&p, &lines);
    assert_eq!(
        text,
        [
            "行政运行完成年初预算的91.40%，完成全年预算的102.83%，超出全年预算2.26万元。",
            "年初预算不全，不比较总数。",
        ]
    );
    // With every line's 年初预算 the whole has one; a unit set up mid-year has 0 and no rate.
    for line in &mut p.expenditure.lines {
        line.initial_budget = Some(line.total());
    }
    p.expenditure.lines[0].initial_budget = Some(Wan::ZERO);
    let text = say(
        &p,
        &[
            "一般公共预算财政拨款支出年初预算{{ 一般公共预算财政拨款支出.年初预算|wan }}，{{ 一般公共预算财政拨款支出|completion(一般公共预算财政拨款支出.年初预算, label=\"年初预算的\") }}；行政运行[{{ 一般公共预算财政拨款支出明细[0]|completion(一般公共预算财政拨款支出明细[0].年初预算) }}]。",
        ],
    );
    assert_eq!(
        text,
        ["一般公共预算财政拨款支出年初预算143.97万元，完成年初预算的157.14%；行政运行[]。"]
    );
}

#[test]
fn prior_year_figures_are_saved_by_key_and_a_null_or_absent_one_is_not_entered() {
    let mut p = example().unwrap();
    p.prior_year.set(PriorFigure::Operations, Some(wan("12.5")));
    p.prior_year.set(PriorFigure::TotalExpenditure, None);
    p.expenditure.lines[0].prior = Some(wan("75"));
    p.expenditure.lines[0].initial_budget = Some(wan("0"));
    let text = storage::to_json(&p);
    assert!(text.contains("\"operations\": \"12.5\""), "{text}");
    assert!(!text.contains("\"total_expenditure\": null"));
    let loaded = storage::from_json(&text).unwrap();
    assert_eq!(loaded, p);
    assert_eq!(loaded.expenditure.lines[0].initial_budget, Some(Wan::ZERO));

    // A file of an older version writes `null` for a figure not entered.
    let with_null = text.replace(
        "\"operations\": \"12.5\"",
        "\"operations\": \"12.5\", \"business_revenue\": null",
    );
    let loaded = storage::from_json(&with_null).unwrap();
    assert_eq!(loaded.prior_year.get(PriorFigure::BusinessRevenue), None);

    // A figure this program does not know is refused, naming it, in Chinese.
    let unknown = text.replace("\"operations\": \"12.5\"", "\"operatoins\": \"12.5\"");
    let e = storage::from_json(&unknown).unwrap_err().to_string();
    assert!(e.contains("operatoins"), "{e}");
    assert!(e.contains("上年数"), "{e}");
}

#[test]
fn every_prior_year_figure_can_be_set_and_cleared_by_its_path() {
    let mut p = example().unwrap();
    for figure in PriorFigure::ALL {
        let path = format!("prior_year.{}", figure.key());
        p.set(&path, "1,234.5").unwrap();
        assert_eq!(p.prior_year.get(*figure), Some(wan("1234.5")), "{path}");
        let e = p.set(&path, "12x").unwrap_err().to_string();
        assert!(e.contains(figure.label()), "{e}");
        p.set(&path, "").unwrap();
        assert_eq!(p.prior_year.get(*figure), None, "{path}");
    }
    p.set("expenditure.lines[0].prior", "70").unwrap();
    p.set("expenditure.lines[0].initial_budget", "0").unwrap();
    assert_eq!(p.expenditure.lines[0].prior, Some(wan("70")));
    assert_eq!(p.expenditure.lines[0].initial_budget, Some(Wan::ZERO));
}

#[test]
fn shares_print_with_the_decimals_the_project_chooses_and_still_add_up() {
    let mut p = example().unwrap();
    let line = "{% for x in 支出结构.各项 if x %}{{ x.名称 }}占{{ x.占比 }}；{% endfor %}";
    assert_eq!(say(&p, &[line]), ["基本支出占73.58%；项目支出占26.42%；"]);
    p.settings.share_decimals = ShareDecimals::One;
    assert_eq!(say(&p, &[line]), ["基本支出占73.6%；项目支出占26.4%；"]);
    p.settings.share_decimals = ShareDecimals::Zero;
    assert_eq!(say(&p, &[line]), ["基本支出占74%；项目支出占26%；"]);
    // The pie's legend says what the text says.
    let charts = document::build_explanation(&p, &Options::default());
    let shares: Vec<String> = charts
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Chart(c) if c.title.contains("支出") => match &c.kind {
                ChartKind::Pie { slices } => Some(slices.clone()),
                _ => None,
            },
            _ => None,
        })
        .next()
        .unwrap()
        .into_iter()
        .filter_map(|s| s.share)
        .collect();
    assert_eq!(shares, ["74%", "26%", "0%", "0%", "0%"]);

    // Three equal sources: 33% each would add up to 99%; the largest remainder is taken at the
    // printed precision, so they add up to 100%.
    p.settings.share_rounding = ShareRounding::LargestRemainder;
    p.revenue.general_budget = Some(wan("1"));
    p.revenue.operations = Some(wan("1"));
    p.revenue.other = Some(wan("1"));
    let line = "{% for x in 收入结构.各项 if x %}{{ x.占比 }}；{% endfor %}";
    assert_eq!(say(&p, &[line]), ["34%；33%；33%；"]);
    p.settings.share_decimals = ShareDecimals::One;
    assert_eq!(say(&p, &[line]), ["33.4%；33.3%；33.3%；"]);
    // Saved with the project, and the default is not written.
    let text = storage::to_json(&p);
    assert!(text.contains("\"share_decimals\": \"一位小数\""), "{text}");
    assert_eq!(storage::from_json(&text).unwrap(), p);
    p.settings.share_decimals = ShareDecimals::Template;
    assert!(!storage::to_json(&p).contains("share_decimals"));
}

#[test]
fn staff_are_stated_by_kind_of_post_by_body_and_as_serving_and_retired() {
    use juesuan::model::StaffBody;
    let mut p = example().unwrap();
    // The 机关 has 行政 and 工勤 posts: two rows of one body.
    p.unit.staffing.insert(
        1,
        StaffBody {
            body: "区委绩效办".into(),
            post_kind: "工勤编制".into(),
            posts: Some(1),
            staff: Some(1),
            retired: Some(2),
            veteran_retired: Some(0),
        },
    );
    p.unit.staffing[0].retired = Some(3);
    p.unit.staffing[2].veteran_retired = Some(1);
    let text = say(
        &p,
        &[
            "编制{{ 单位.人员.编制 }}名，其中{% for k in 单位.人员.各类编制 %}{{ k.编制类别 }}{{ k.编制数 }}名{% if not loop.last %}、{% endif %}{% endfor %}；行政编制{{ 单位.人员.编制类别.行政编制 }}名。",
            "实有人数{{ 单位.人员.在职 + 单位.人员.退休 + 单位.人员.离休 }}人，其中在职{{ 单位.人员.在职 }}人、退休{{ 单位.人员.退休 }}人、离休{{ 单位.人员.离休 }}人。",
            "{% for b in 单位.人员.按机构 %}{{ b.机构 }}{{ b.实有 }}人{% if not loop.last %}，{% endif %}{% endfor %}。",
            "内设机构{{ 单位.内设机构数 }}个。",
        ],
    );
    assert_eq!(
        text,
        [
            "编制15名，其中行政编制7名、工勤编制1名、事业编制7名；行政编制7名。",
            "实有人数17人，其中在职11人、退休5人、离休1人。",
            "区委绩效办6人，区目标绩效保障服务中心4人，区民生工作促进中心1人。",
            &format!("内设机构{}个。", p.unit.internal_offices.len()),
        ]
    );
    // Saved and read back: every body writes its retirees, a number or not entered (null).
    let json = storage::to_json(&p);
    assert_eq!(
        json.matches("\"retired\"").count(),
        p.unit.staffing.len(),
        "{json}"
    );
    assert_eq!(storage::from_json(&json).unwrap(), p);
    p.set("unit.staffing[0].veteran_retired", "2").unwrap();
    assert_eq!(p.unit.staffing[0].veteran_retired, Some(2));
    assert!(p.set("unit.staffing[0].retired", "-1").is_err());
}

#[test]
fn last_years_lines_must_add_up_to_last_years_general_budget_spending() {
    let js118 = |p: &Project| {
        let catalog = Catalog::builtin(p.unit.year).unwrap();
        juesuan::checks::run(p, Some(&catalog))
            .into_iter()
            .filter(|f| f.code == "JS-118")
            .collect::<Vec<_>>()
    };
    let mut p = example().unwrap();
    let total = p
        .prior_year
        .get(PriorFigure::GeneralBudgetExpenditure)
        .unwrap();
    // Last year's lines in proportion to this year's, the last one taking the remainder.
    let general: Vec<usize> = (0..p.expenditure.lines.len())
        .filter(|&i| p.expenditure.lines[i].fund == Fund::GeneralBudget)
        .collect();
    let mut left = total;
    for (n, &i) in general.iter().enumerate() {
        let prior = if n + 1 == general.len() {
            left
        } else {
            let share = p.expenditure.lines[i].total().wan() * wan("0.9").wan();
            Wan::from_wan(share.round_dp(2))
        };
        left = left - prior;
        p.expenditure.lines[i].prior = Some(prior);
    }
    assert!(js118(&p).is_empty(), "{:?}", js118(&p));
    // One line mistyped by 0.50: the sum no longer is last year's total.
    let first = general[0];
    let line = &mut p.expenditure.lines[first];
    line.prior = line.prior.map(|v| v + wan("0.5"));
    let found = js118(&p);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].message.starts_with(
            "上年一般公共预算财政拨款支出 213.07 万元，各项之和 213.57 万元，相差 0.50 万元"
        ),
        "{}",
        found[0].message
    );
    assert_eq!(found[0].fields.len(), general.len() + 1);
}
