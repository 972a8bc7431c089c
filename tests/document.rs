//! The disclosure document: golden sentences from the seed, wording rules, tables, charts,
//! glossary and shares.

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

use juesuan::document::render::{Format, render};
use juesuan::document::{Block, ChartKind, Document, build_with_builtin_catalog};
use juesuan::example::example;
use juesuan::model::{PriorFigure, Project, ShareRounding};
use juesuan::money::{ShareRounding as Rounding, Wan, rounded_shares};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn wan(s: &str) -> Wan {
    s.parse().unwrap()
}

fn doc(project: &Project) -> Document {
    build_with_builtin_catalog(project)
}

fn text(project: &Project) -> String {
    render(&doc(project), Format::Text)
}

fn assert_contains(haystack: &str, needles: &[&str]) {
    let missing: Vec<&&str> = needles.iter().filter(|n| !haystack.contains(**n)).collect();
    assert!(missing.is_empty(), "missing {missing:#?}");
}

#[test]
fn the_example_states_the_seeds_figures_in_the_seeds_sentences() {
    let t = text(&example().unwrap());
    assert_contains(
        &t,
        &[
            "2023年度收、支总计均为226.23万元。与2022年度相比，收、支总计各增加13.16万元，增长6.18%，主要变动原因是2023年人员变动、项目资金变动。",
            "2023年本年收入合计226.23万元，其中：一般公共预算财政拨款收入226.23万元，占100%；政府性基金预算财政拨款收入0万元，占0%；",
            "基本支出166.46万元，占73.58%；项目支出59.77万元，占26.42%；上缴上级支出0万元，占0%；",
            "2023年度财政拨款收、支总计均为226.23万元。",
            "2023年一般公共预算财政拨款支出226.23万元，占本年支出合计的100%。与2022年相比，一般公共预算财政拨款支出增加13.16万元，增长6.18%",
            "一般公共服务（类）支出193.15万元，占85.38%；社会保障和就业（类）支出14.63万元，占6.47%；卫生健康（类）支出6.51万元，占2.88%；住房保障（类）支出11.94万元，占5.28%。",
            "2023年一般公共预算支出决算数为226.23万元，完成预算100%。其中：",
            "1.一般公共服务支出（类）党委办公厅（室）及相关机构事务（款）行政运行（项）：支出决算为82.26万元，完成预算100%，决算数等于预算数；",
            "9.住房保障支出（类）住房改革支出（款）住房公积金（项）：支出决算为11.94万元，完成预算100%，决算数等于预算数。",
            "2023年一般公共预算财政拨款基本支出166.46万元，其中：",
            "人员经费146.27万元，主要包括：基本工资、津贴补贴、",
            "日常公用经费20.19万元，主要包括：办公费、",
            "2023年“三公”经费财政拨款支出决算为0.99万元，完成预算100%，较上年增加0.71万元，增长253.57%，决算数与预算数持平。",
            "公务接待费支出决算0.99万元，占100%",
            "公务接待费支出决算比2022年增加0.71万元，增长253.57%。主要原因是疫情结束，上级部门指导、调研、检查增加",
            "国内公务接待5批次、85人次（不包括陪同人员），共计支出0.99万元",
            "2023年，区委绩效办机关运行经费支出20.19万元，比2022年增加4.76万元，增长30.85%，主要原因是人员变动。",
            "2023年，区委绩效办政府采购支出总额2.31万元，其中：政府采购货物支出2.31万元、政府采购工程支出0万元、政府采购服务支出0万元。授予中小企业合同金额2.31万元，占政府采购支出总额的100%，其中：授予小微企业合同金额2.31万元，占政府采购支出总额的100%。",
            "截至2023年12月31日，区委绩效办共有车辆0辆",
            "区委绩效办部门整体（含部门预算项目）绩效自评得分为85分",
            "总分90分，自评得分85分。",
        ],
    );
    let completed = t.matches("完成预算100%，决算数等于预算数").count();
    assert_eq!(completed, 9, "the nine 项 lines");
}

#[test]
fn headings_are_numbered_in_chinese_and_in_order() {
    let d = doc(&example().unwrap());
    let level1: Vec<&str> = d
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level: 1, text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let second_part: Vec<&str> = level1
        .iter()
        .copied()
        .skip_while(|t| !t.starts_with("一、收入支出决算"))
        .take(10)
        .collect();
    let numbers: Vec<&str> = second_part
        .iter()
        .map(|t| t.split('、').next().unwrap())
        .collect();
    assert_eq!(
        numbers,
        ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    );
    assert!(second_part[8].starts_with("九、国有资本经营预算"));
    assert!(!render(&d, Format::Text).contains("9、"));
    let parts: Vec<&str> = d
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level: 0, text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        &parts[..4],
        [
            "第一部分 部门概况",
            "第二部分 2023年度部门决算情况说明",
            "第三部分 名词解释",
            "第四部分 2023年度部门决算表"
        ]
    );
    assert!(parts.contains(&"附件1") && parts.contains(&"附件2"));
}

#[test]
fn the_nine_tables_are_there_and_empty_ones_say_so() {
    let d = doc(&example().unwrap());
    let tables: Vec<_> = d
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) if t.title.starts_with('表') => Some(t),
            _ => None,
        })
        .collect();
    let titles: Vec<&str> = tables.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "表1 收入支出决算总表",
            "表2 收入决算表",
            "表3 支出决算表",
            "表4 财政拨款收入支出决算总表",
            "表5 一般公共预算财政拨款支出决算表",
            "表6 一般公共预算财政拨款基本支出决算表",
            "表7 一般公共预算财政拨款“三公”经费支出决算表",
            "表8 政府性基金预算财政拨款收入支出决算表",
            "表9 国有资本经营预算财政拨款支出决算表",
        ]
    );
    for t in &tables[..7] {
        assert!(
            t.notes.iter().all(|n| !n.contains("本表无数据")),
            "{}",
            t.title
        );
    }
    for t in &tables[7..] {
        assert!(
            t.notes.iter().any(|n| n.contains("本表无数据")),
            "{}",
            t.title
        );
    }
    let t = render(&d, Format::Text);
    assert_contains(
        &t,
        &[
            "总计 | 226.23 | 总计 | 226.23",
            "201 | 一般公共服务支出 | 193.15 | 133.38 | 59.77",
            "2210201 | 住房公积金 | 11.94 | 11.94 | 0.00",
        ],
    );
}

/// The rows of table `title` as rendered text, one string per row.
fn table_text(d: &juesuan::document::Document, title: &str) -> String {
    let table = d
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) if t.title == title => Some(t.clone()),
            _ => None,
        })
        .unwrap();
    let only = juesuan::document::Document {
        blocks: vec![Block::Table(table)],
        ..d.clone()
    };
    render(&only, Format::Text)
}

#[test]
fn table_2_breaks_revenue_down_by_function_like_table_3() {
    let mut p = example().unwrap();
    let t = table_text(&doc(&p), "表2 收入决算表");
    assert_contains(
        &t,
        &[
            "科目编码 | 科目名称 | 本年收入合计 | 财政拨款收入 | 上级补助收入 | 事业收入 | 经营收入 | 附属单位上缴收入 | 其他收入",
            " | 合计 | 226.23 | 226.23 | 0.00",
            "201 | 一般公共服务支出 | 193.15 | 193.15",
            "20131 | 党委办公厅（室）及相关机构事务 | 193.15",
            "2013199 | 其他党委办公厅（室）及相关机构事务支出 | 59.77",
            // Not in the 2023 catalog: named after the expenditure line of the same code.
            "2089999 | 其他社会保障和就业支出 | 0.42",
            "2210201 | 住房公积金 | 11.94",
        ],
    );
    assert!(!t.contains("未按功能分类"), "{t}");

    // Without rows by function the table keeps its 合计 and says why it has nothing more.
    p.revenue.by_function.clear();
    let t = table_text(&doc(&p), "表2 收入决算表");
    assert_contains(&t, &[" | 合计 | 226.23 | 226.23", "未按功能分类科目填列"]);
    assert!(!t.contains("2013101"), "{t}");
}

#[test]
fn tables_use_separators_and_text_does_not() {
    let mut p = example().unwrap();
    p.expenditure.lines[0].basic = Some(wan("4733.14"));
    p.expenditure.lines[0].budget = Some(wan("4733.14"));
    let t = text(&p);
    assert!(t.contains("支出决算为4733.14万元"));
    assert!(t.contains("| 4,733.14 |"));
    assert!(!t.contains("4,733.14万元"));
}

#[test]
fn the_seven_charts_carry_the_seeds_captions_and_the_texts_shares() {
    let d = doc(&example().unwrap());
    let charts: Vec<_> = d
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Chart(c) => Some(c),
            _ => None,
        })
        .collect();
    let captions: Vec<String> = charts.iter().map(|c| c.caption()).collect();
    assert_eq!(
        captions,
        [
            "图1：收、支决算总计变动情况图",
            "图2：收入决算结构图",
            "图3：支出决算结构图",
            "图4：财政拨款收、支决算总计变动情况",
            "图5：一般公共预算财政拨款支出决算变动情况",
            "图6：一般公共预算财政拨款支出决算结构",
            "图7：“三公”经费财政拨款支出结构",
        ]
    );
    match &charts[0].kind {
        ChartKind::Bars { categories, series } => {
            assert_eq!(categories, &["2022年", "2023年"]);
            assert_eq!(series[0].values, [Some(wan("213.07")), Some(wan("226.23"))]);
            assert_eq!(series[1].values, [Some(wan("213.07")), Some(wan("226.23"))]);
        }
        other => panic!("图1 should be bars: {other:?}"),
    }
    let text = render(&d, Format::Text);
    for chart in &charts {
        if let ChartKind::Pie { slices } = &chart.kind {
            for s in slices.iter().filter(|s| !s.value.is_zero()) {
                let printed = format!(
                    "{}，占{}",
                    juesuan::template::NumberStyle::default().amount(s.value),
                    s.share.clone().unwrap()
                );
                assert!(text.contains(&printed), "{} {printed}", chart.caption());
            }
        }
    }
    match &charts[2].kind {
        ChartKind::Pie { slices } => {
            let shares: Vec<_> = slices.iter().map(|s| s.share.clone().unwrap()).collect();
            assert_eq!(&shares[..2], ["73.58%", "26.42%"]);
        }
        other => panic!("图3 should be a pie: {other:?}"),
    }
    match &charts[6].kind {
        ChartKind::Pie { slices } => {
            let shares: Vec<_> = slices.iter().map(|s| s.share.clone().unwrap()).collect();
            assert_eq!(shares, ["0%", "0%", "100%"]);
        }
        other => panic!("图7 should be a pie: {other:?}"),
    }
}

fn glossary_terms(project: &Project) -> Vec<String> {
    let t = text(project);
    let start = t.find("第三部分 名词解释").unwrap();
    let end = t.find("第四部分").unwrap();
    t[start..end]
        .lines()
        .skip(1)
        .filter_map(|l| l.trim().split_once('：').map(|(term, _)| term.to_owned()))
        .collect()
}

#[test]
fn the_glossary_has_every_used_term_and_no_other() {
    let terms = glossary_terms(&example().unwrap());
    assert_eq!(terms.len(), 14, "{terms:#?}");
    assert_eq!(terms[0], "1.财政拨款收入");
    assert!(terms[5].ends_with("其他社会保障和就业支出（款）其他社会保障和就业支出（项）"));
    assert_eq!(terms[13], "14.机关运行经费");
    assert!(!terms.iter().any(|t| t.contains("事业收入")));

    let mut p = example().unwrap();
    p.revenue.operations = Some(wan("5"));
    assert!(glossary_terms(&p).iter().any(|t| t.ends_with("事业收入")));
}

#[test]
fn glossary_uses_the_projects_words_before_the_catalogs() {
    let t = text(&example().unwrap());
    assert!(
        t.contains("用于单位工伤保险、生育保险、失业保险等支出。"),
        "project override"
    );
    let mut p = example().unwrap();
    p.glossary.clear();
    let t = text(&p);
    assert!(
        t.contains("住房公积金（项）：反映行政事业单位按人力资源和社会保障部、财政部规定的基本工资和津贴补贴以及规定比例为职工缴纳的住房公积金。"),
        "catalog definition"
    );
}

#[test]
fn a_decrease_reads_as_a_decrease() {
    let mut p = example().unwrap();
    p.prior_year
        .set(PriorFigure::TotalRevenue, Some(wan("250")));
    p.prior_year
        .set(PriorFigure::TotalExpenditure, Some(wan("250")));
    p.running_costs.prior = Some(wan("25.19"));
    let t = text(&p);
    assert_contains(
        &t,
        &[
            "收、支总计各减少23.77万元，下降9.51%，主要变动原因是",
            "机关运行经费支出20.19万元，比2022年减少5.00万元，下降19.85%，主要原因是人员变动。",
        ],
    );
    // Revenue fell but expenditure rose: each is stated, never one for both.
    p.prior_year
        .set(PriorFigure::TotalExpenditure, Some(wan("213.07")));
    let t = text(&p);
    assert_contains(
        &t,
        &["收入总计减少23.77万元，下降9.51%，支出总计增加13.16万元，增长6.18%，主要变动原因是"],
    );
    assert!(!t.contains("收、支总计各减少"));
}

#[test]
fn a_zero_prior_year_has_no_growth_rate() {
    let mut p = example().unwrap();
    p.running_costs.prior = Some(Wan::ZERO);
    p.three_public.reception.prior = Some(Wan::ZERO);
    let t = text(&p);
    assert_contains(
        &t,
        &[
            "机关运行经费支出20.19万元，比2022年增加20.19万元（上年无此项支出），主要原因是人员变动。",
            "公务接待费支出决算比2022年增加0.99万元（上年无此项支出）。",
        ],
    );
}

#[test]
fn no_change_and_missing_prior_year() {
    let mut p = example().unwrap();
    p.running_costs.prior = Some(wan("20.19"));
    p.prior_year.set(PriorFigure::TotalRevenue, None);
    let t = text(&p);
    assert!(
        t.contains("机关运行经费支出20.19万元，与2022年持平。"),
        "unchanged"
    );
    // Without last year's revenue only the expenditure is compared.
    assert!(
        t.contains(
            "2023年度收、支总计均为226.23万元。与2022年度相比，支出总计增加13.16万元，增长6.18%"
        ),
        "{t}"
    );
    assert!(!t.contains("与2022年度相比，收、支总计"));
    assert!(!t.contains("与2022年度相比，收入总计"));
}

#[test]
fn no_rate_against_a_zero_budget() {
    let mut p = example().unwrap();
    p.three_public.reception.budget = Some(Wan::ZERO);
    p.three_public.reception.change_reason = "新增接待任务".into();
    p.expenditure.lines[0].budget = Some(Wan::ZERO);
    p.expenditure.lines[0].deviation_reason = "年中追加".into();
    let t = text(&p);
    assert!(
        t.contains("3.公务接待费支出0.99万元。"),
        "no 完成预算 against a zero budget"
    );
    assert!(t.contains("行政运行（项）：支出决算为82.26万元，主要原因是年中追加；"));
}

#[test]
fn a_budget_deviation_gives_the_users_reason() {
    let mut p = example().unwrap();
    p.expenditure.lines[0].budget = Some(wan("80"));
    p.expenditure.lines[0].deviation_reason = "人员调资".into();
    let t = text(&p);
    assert!(
        t.contains("支出决算为82.26万元，完成预算102.83%，决算数大于预算数的主要原因是人员调资；")
    );
}

#[test]
fn all_zero_sections_say_so_in_one_sentence() {
    let mut p = example().unwrap();
    p.procurement = Default::default();
    let t = text(&p);
    assert!(t.contains("2023年，区委绩效办无政府采购支出。"));
    assert!(t.contains("2023年政府性基金预算财政拨款支出0万元。\n"));
    assert!(t.contains("2023年国有资本经营预算财政拨款支出0万元。\n"));
}

#[test]
fn largest_remainder_rounding_sums_to_100_and_says_so() {
    let mut p = example().unwrap();
    p.settings.share_rounding = ShareRounding::LargestRemainder;
    let t = text(&p);
    assert!(t.contains("住房保障（类）支出11.94万元，占5.28%"));
    assert!(t.contains("社会保障和就业（类）支出14.63万元，占6.46%"));
    assert!(t.contains("注：各项占比按最大余额法四舍五入，使合计为100%。"));
    let independent = text(&example().unwrap());
    assert!(!independent.contains("最大余额法"));
}

#[test]
fn the_self_assessment_table_has_the_seeds_rows_and_weights() {
    let d = doc(&example().unwrap());
    let forms: Vec<&juesuan::document::Table> = d
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) if t.title.contains("绩效自评表") => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(forms.len(), 1, "one merged form per project");
    let weight = &forms[0]
        .rows
        .iter()
        .find(|r| r.len() == 11 && r[1].content.display() == "总额");
    assert!(
        weight.is_none(),
        "the budget rows sit under the block label's rowspan"
    );
    let t = text(&example().unwrap());
    assert_contains(
        &t,
        &[
            "部门预算项目支出绩效自评表（2023年度）",
            "项目基本情况 | 1.项目年度目标完成情况 |",
            "预算执行情况（10分） | 年度预算数（万元） | 年初预算 | 调整后预算数 | 预算执行数 |  | 预算执行率 | 权重 | 得分 | 原因 | ",
            " | 总额 | 50.00 | 59.77 | 59.77 |  | 100.00% | 10 | 10 |  | ",
            " | 其中：财政资金 | 50.00 | 59.77 | 59.77 |  | 100.00% | / | / |  | ",
            " | 说明：1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因",
            "绩效指标（90分） | 一级指标 | 二级指标 | 三级指标 |",
            "产出指标 | 数量指标 | 媒体宣传 | ≥ | 1 | 次 |  | 5 | 5 |",
            " |  | 设备购置 | ＝ | 2 | 台 |  | 5 | 5 |",
            "满意度指标 | 服务对象满意度指标 | 满意度 | ≥ | 95 | % |  | 10 | 10 |",
            " |  | 设备购置 | ＝ | 1.2 | 万元 |  | 15 | 15 |",
            "合计 |  |  |  |  |  |  |  | 100 | 100 | ",
            "项目负责人 | 周维维 |  |  |  | 财务负责人 |  | 周巧梅 |",
        ],
    );
}

#[test]
fn markdown_rendering_has_headings_and_pipe_tables() {
    let md = render(&doc(&example().unwrap()), Format::Markdown);
    assert!(md.starts_with("# 中共遂宁市安居区委目标绩效管理办公室2023年度部门决算"));
    assert!(md.contains("\n## 第一部分 部门概况\n"));
    assert!(md.contains("| 科目编码 | 科目名称 | 本年支出合计 |"));
    assert!(md.contains("|---|---|"));
}

proptest! {
    #[test]
    fn largest_remainder_shares_always_sum_to_100(
        parts in prop::collection::vec((0i64..10_000_000_000, 0u32..=6), 1..12)
    ) {
        let parts: Vec<Wan> = parts.into_iter().map(|(m, s)| Wan::from_wan(Decimal::new(m, s))).collect();
        let whole: Wan = parts.iter().copied().sum();
        prop_assume!(!whole.is_zero());
        let shares = rounded_shares(&parts, whole, Rounding::LargestRemainder);
        let sum: Decimal = shares.iter().map(|s| s.unwrap()).sum();
        prop_assert_eq!(sum, Decimal::ONE_HUNDRED);
        // Each share moves at most 0.01 from its independently rounded value.
        let independent = rounded_shares(&parts, whole, Rounding::Independent);
        for (a, b) in shares.iter().zip(&independent) {
            prop_assert!((a.unwrap() - b.unwrap()).abs() <= Decimal::new(1, 2));
        }
    }
}

#[test]
fn b1_only_the_side_with_a_prior_year_figure_is_compared() {
    let mut p = example().unwrap();
    p.prior_year.set(PriorFigure::TotalExpenditure, None);
    let t = text(&p);
    assert!(
        t.contains("与2022年度相比，收入总计增加13.16万元，增长6.18%，主要变动原因是"),
        "{t}"
    );
    assert!(!t.contains("与2022年度相比，收、支总计各"));
    assert!(!t.contains("，支出总计增加"));
}

#[test]
fn b2_the_reason_for_spending_over_budget_is_printed_without_a_prior_year() {
    let mut p = example().unwrap();
    let r = &mut p.three_public.reception;
    r.prior = None;
    r.budget = Some(wan("0.80"));
    r.change_reason = "上级检查增加。".into();
    let t = text(&p);
    assert!(
        t.contains(
            "3.公务接待费支出0.99万元，完成预算123.75%，决算数大于预算数的主要原因是上级检查增加。"
        ),
        "{t}"
    );
}

#[test]
fn b3_a_term_without_a_definition_is_not_printed_and_is_an_error() {
    let mut p = example().unwrap();
    // A line whose code neither the catalog nor the project defines.
    p.expenditure.lines[0].code = "2089998".into();
    p.expenditure.lines[0].names = Some(juesuan::model::ClassNames {
        class: "社会保障和就业支出".into(),
        section: "其他社会保障和就业支出".into(),
        item: "某项试点支出".into(),
    });
    let d = doc(&p);
    let t = render(&d, Format::Text);
    assert!(!t.contains("未填写"), "a placeholder reached the page");
    let findings = d.findings();
    let missing: Vec<_> = findings.iter().filter(|f| f.code == "WD-105").collect();
    assert!(!missing.is_empty(), "{findings:?}");
    assert_eq!(missing[0].severity, juesuan::checks::Severity::Error);
    // Given a definition, it is printed and the finding goes.
    let key = missing[0]
        .message
        .split('“')
        .nth(1)
        .and_then(|s| s.split('”').next())
        .unwrap()
        .to_owned();
    let code = p.expenditure.lines[0].code.clone();
    p.glossary.push(juesuan::model::GlossaryEntry {
        term: code,
        definition: "反映某项试点工作的支出。".into(),
    });
    let d = doc(&p);
    assert!(render(&d, Format::Text).contains("反映某项试点工作的支出。"));
    assert!(!d.findings().iter().any(|f| f.message.contains(&key)));
}

#[test]
fn a_prior_year_figure_not_entered_is_not_drawn_as_zero() {
    let mut p = example().unwrap();
    p.prior_year.set(PriorFigure::TotalRevenue, None);
    let d = doc(&p);
    let bars = d
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Chart(c) if c.number == 1 => Some(c.kind.clone()),
            _ => None,
        })
        .unwrap();
    let ChartKind::Bars { series, .. } = bars else {
        panic!("chart 1 is bars");
    };
    assert_eq!(series[0].values, [None, Some(wan("226.23"))]);
    assert!(render(&d, Format::Text).contains("收入（万元）：2022年 未填写，2023年 226.23"));
}

#[test]
fn a_basic_costs_table_of_totals_only_says_so_and_is_reported() {
    use juesuan::model::{CostEntry, EconomicItem};
    let table6 = |d: &Document| {
        d.blocks
            .iter()
            .find_map(|b| match b {
                Block::Table(t) if t.title.contains("基本支出决算表") => Some(t.clone()),
                _ => None,
            })
            .unwrap()
    };
    let mut p = example().unwrap();
    let d = doc(&p);
    let t = table6(&d);
    assert_eq!(
        t.notes,
        ["注：人员经费和公用经费只录入了合计，未按经济分类款级科目录入明细。"]
    );
    let f = d.findings();
    let f: Vec<_> = f.iter().filter(|f| f.code == "WD-106").collect();
    assert_eq!(f.len(), 1, "{f:?}");
    let fields: Vec<String> = f[0].fields.iter().map(ToString::to_string).collect();
    assert_eq!(
        fields,
        [
            "basic_costs.personnel.total.amount",
            "basic_costs.public.total.amount"
        ]
    );

    // With the 公用经费 by item, only 人员经费 is named, and the items are rows.
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
    let d = doc(&p);
    let t = table6(&d);
    assert_eq!(
        t.notes,
        ["注：人员经费只录入了合计，未按经济分类款级科目录入明细。"]
    );
    // The official two-block form: 公用经费 on the right, by 类 (its sum) and 款; the
    // 人员经费 block is empty but for its total in the last row.
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| r.iter().map(|c| c.content.display()).collect())
        .collect();
    assert_eq!(rows[0][3..], ["302", "商品和服务支出", "20.19"]);
    assert_eq!(rows[1][3..], ["30201", "　办公费", "10.00"]);
    assert_eq!(rows[2][3..], ["30211", "　差旅费", "10.19"]);
    assert!(rows[0][..3].iter().all(String::is_empty));
    assert_eq!(
        rows.last().unwrap(),
        &["人员经费合计", "146.27", "公用经费合计", "20.19"]
    );
    // A unit without 基本支出 says that instead.
    p.basic_costs.personnel = CostEntry::Items(Vec::new());
    p.basic_costs.public = CostEntry::Items(Vec::new());
    for line in &mut p.expenditure.lines {
        line.basic = Some(Wan::ZERO);
    }
    let d = doc(&p);
    assert!(
        table6(&d).notes[0].starts_with("注：本表无数据"),
        "{:?}",
        table6(&d).notes
    );
    assert!(!d.findings().iter().any(|f| f.code == "WD-106"));
}

#[test]
fn each_attachment_title_is_followed_by_its_subtitle_as_the_seed_has_it() {
    let d = doc(&example().unwrap());
    let after = |title: &str| {
        let at = d
            .blocks
            .iter()
            .position(|b| matches!(b, Block::Heading { level: 0, text } if text == title))
            .unwrap_or_else(|| panic!("no heading {title}"));
        d.blocks[at + 1].clone()
    };
    assert_eq!(
        after("2023年区委绩效办部门预算绩效评价报告"),
        Block::Subtitle {
            text: "（报告范围包括机关和下属单位）".into()
        }
    );
    assert_eq!(
        after("专项预算项目绩效评价报告"),
        Block::Subtitle {
            text: "（目标绩效督查营商管理经费2023）".into()
        }
    );
    let html = render(&d, Format::Html);
    assert!(html.contains("<p style=\"text-align:center\">（报告范围包括机关和下属单位）</p>"));
}

fn table_titled<'a>(d: &'a Document, title: &str) -> &'a juesuan::document::Table {
    d.blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) if t.title == title => Some(t),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no table {title}"))
}

fn cells(row: &[juesuan::document::Cell]) -> Vec<String> {
    row.iter().map(|c| c.content.display()).collect()
}

#[test]
fn table_8_has_the_forms_columns_with_the_funds_balances_in_its_total_row() {
    let mut p = example().unwrap();
    p.revenue.government_fund = Some(wan("30"));
    p.balances.government_fund.opening = wan("5");
    p.balances.government_fund.closing = Some(wan("15"));
    p.expenditure.lines.push(juesuan::model::FunctionalLine {
        code: "2120801".into(),
        fund: juesuan::model::Fund::GovernmentFund,
        project: Some(wan("20")),
        ..Default::default()
    });
    let d = doc(&p);
    let t = table_titled(&d, "表8 政府性基金预算财政拨款收入支出决算表");
    assert_eq!(
        cells(&t.header[0]),
        [
            "科目编码",
            "科目名称",
            "年初结转和结余",
            "本年收入",
            "本年支出",
            "年末结转和结余"
        ]
    );
    assert_eq!(
        cells(&t.rows[0]),
        [
            "", "合计", "5.00", "30.00", "20.00", "0.00", "20.00", "15.00"
        ]
    );
    let line = t.rows.iter().find(|r| cells(r)[0] == "2120801").unwrap();
    assert_eq!(cells(line)[2..], ["", "", "20.00", "0.00", "20.00", ""]);
    assert!(t.notes[0].contains("只列在合计行"), "{:?}", t.notes);

    // 表5 has the form's 本年支出 columns only: no 预算数.
    let t5 = table_titled(&d, "表5 一般公共预算财政拨款支出决算表");
    assert_eq!(cells(&t5.header[0]), ["科目编码", "科目名称", "本年支出"]);
    assert_eq!(cells(&t5.rows[0])[..3], ["", "合计", "226.23"]);
}

#[test]
fn table_4_splits_expenditure_by_fund_as_the_form_does() {
    let mut p = example().unwrap();
    p.revenue.government_fund = Some(wan("20"));
    p.balances.government_fund.closing = Some(wan("5"));
    p.expenditure.lines.push(juesuan::model::FunctionalLine {
        code: "2120801".into(),
        fund: juesuan::model::Fund::GovernmentFund,
        project: Some(wan("15")),
        ..Default::default()
    });
    let d = doc(&p);
    let t = table_titled(&d, "表4 财政拨款收入支出决算总表");
    assert_eq!(
        cells(&t.header[1])[3..],
        [
            "合计",
            "一般公共预算财政拨款",
            "政府性基金预算财政拨款",
            "国有资本经营预算财政拨款"
        ]
    );
    let row = |label: &str| {
        t.rows
            .iter()
            .map(|r| cells(r))
            .find(|r| r[2] == label)
            .unwrap_or_else(|| panic!("no row {label}"))
    };
    assert_eq!(
        row("本年支出合计")[3..],
        ["241.23", "226.23", "15.00", "0.00"]
    );
    assert_eq!(
        row("年末财政拨款结转和结余")[3..],
        ["5.00", "0.00", "5.00", "0.00"]
    );
    assert_eq!(
        row("一般公共服务支出")[3..],
        ["193.15", "193.15", "0.00", "0.00"]
    );
    assert!(t.wide, "the fund columns take a landscape page");
}

/// A count not entered is not a 0 on the page: the paragraph that states it waits for it, with
/// a problem the checks report (WD-102), where it used to say "主要领导干部用车0辆". In the
/// "三公" section a count not entered reads as 0, as the section's blank amounts do, and the
/// rules on money spent without a count report it.
#[test]
fn a_count_not_entered_holds_its_paragraph_back_instead_of_printing_0() {
    let mut p = example().unwrap();
    let stated = "区委绩效办共有车辆0辆，其中：主要领导干部用车0辆";
    assert!(text(&p).contains(stated));
    p.assets.vehicles.leadership = None;
    let d = doc(&p);
    assert!(!render(&d, Format::Text).contains("主要领导干部用车"));
    // The problem names the figure to fill in.
    assert!(
        d.problems.iter().any(|problem| problem.is_missing()
            && problem.message == "这一段用到的数还没有填写：国有资产.车辆.主要领导干部用车"),
        "{:?}",
        d.problems
    );
    // Entered again as 0, the paragraph is back.
    p.assets.vehicles.leadership = Some(0);
    assert!(text(&p).contains(stated));

    let mut p = example().unwrap();
    p.three_public.reception.domestic.batches = None;
    assert!(text(&p).contains("国内公务接待0批次、85人次"));
    let js306 = juesuan::checks::run(&p, None)
        .into_iter()
        .find(|f| f.code == "JS-306")
        .expect("JS-306 reports the reception without batches");
    assert!(js306.message.contains("批次 未填写"), "{}", js306.message);
}
