//! Importing the year's figures from workbooks (`juesuan import`, 导入决算数字…): juesuan's own
//! export reads back to the same project, a filing-tool sheet in 元 with "—" and split codes is
//! read, and a malformed row is reported with its sheet and row while nothing is imported.

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

mod common;

use common::juesuan;
use juesuan::document::build_with_builtin_catalog;
use juesuan::example::example;
use juesuan::model::{CostEntry, Project};
use juesuan::money::Wan;
use juesuan::office::{import, xlsx};
use rust_xlsxwriter::Workbook;

fn wan(s: &str) -> Wan {
    s.parse().unwrap()
}

/// The example with every figure the tables state cleared.
fn cleared(p: &Project) -> Project {
    let mut p = p.clone();
    p.revenue.general_budget = Some(Wan::ZERO);
    for line in &mut p.revenue.by_function {
        line.appropriation = Some(Wan::ZERO);
    }
    for line in &mut p.expenditure.lines {
        line.basic = Some(Wan::ZERO);
        line.project = Some(Wan::ZERO);
    }
    p.basic_costs.personnel = CostEntry::Total {
        amount: Some(Wan::ZERO),
        item_names: match &p.basic_costs.personnel {
            CostEntry::Total { item_names, .. } => item_names.clone(),
            CostEntry::Items(_) => Vec::new(),
        },
    };
    if let CostEntry::Total { amount, .. } = &mut p.basic_costs.public {
        *amount = Some(Wan::ZERO);
    }
    p.three_public.reception.budget = Some(Wan::ZERO);
    p.three_public.reception.domestic.actual = Some(Wan::ZERO);
    p
}

/// The paths where two projects differ (the whole project printed would be pages long).
fn same(a: &Project, b: &Project) {
    fn walk(a: &serde_json::Value, b: &serde_json::Value, at: String, out: &mut Vec<String>) {
        use serde_json::Value::{Array, Object};
        match (a, b) {
            (Object(x), Object(y)) => {
                for k in x.keys().chain(y.keys()) {
                    let null = serde_json::Value::Null;
                    let (u, v) = (x.get(k).unwrap_or(&null), y.get(k).unwrap_or(&null));
                    walk(u, v, format!("{at}.{k}"), out);
                }
            }
            (Array(x), Array(y)) if x.len() == y.len() => {
                for (i, (u, v)) in x.iter().zip(y).enumerate() {
                    walk(u, v, format!("{at}[{i}]"), out);
                }
            }
            _ if a != b => out.push(format!("{at}: {a} ≠ {b}")),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(
        &serde_json::to_value(a).unwrap(),
        &serde_json::to_value(b).unwrap(),
        String::new(),
        &mut out,
    );
    out.dedup();
    assert!(out.is_empty(), "{out:#?}");
}

#[test]
fn juesuans_own_export_imports_back_to_the_same_figures() {
    let original = example().unwrap();
    let bytes = xlsx::tables(&build_with_builtin_catalog(&original)).unwrap();
    let file = import::read_workbook(bytes).unwrap();
    assert!(file.rejected.is_empty(), "{:?}", file.rejected);
    let blank = cleared(&original);
    assert_ne!(blank, original);
    let imported = file.apply(&blank).unwrap();
    same(&imported, &original);
    // What it changed, old → new, in the clerk's words.
    let changes = import::changes(&blank, &imported);
    let basic = changes
        .iter()
        .find(|c| c.label.contains("基本支出") && c.new == "82.26")
        .unwrap();
    assert_eq!(basic.old, "0.00");
    assert!(
        changes
            .iter()
            .any(|c| c.label == "一般公共预算财政拨款收入" && c.new == "226.23")
    );
    // Importing the same figures again changes nothing.
    assert!(import::changes(&original, &file.apply(&original).unwrap()).is_empty());
}

#[test]
fn a_blank_the_sheet_fills_with_zero_is_listed_as_a_change() {
    // 新建下一年度 leaves the year's amounts blank; a sheet that says 0 for a revenue source
    // fills it, and the preview must say so — the number alone looks unchanged, and the blank
    // it replaces is what JS-711 warns about.
    let original = example().unwrap();
    let zero_source = |p: &Project| p.revenue.government_fund;
    assert_eq!(zero_source(&original), Some(Wan::ZERO));
    let next = juesuan::next_year::next_year(&original, None).project;
    assert_eq!(zero_source(&next), None);
    let bytes = xlsx::tables(&build_with_builtin_catalog(&original)).unwrap();
    let imported = import::read_workbook(bytes).unwrap().apply(&next).unwrap();
    assert_eq!(zero_source(&imported), Some(Wan::ZERO));
    let changes = import::changes(&next, &imported);
    let filled = changes
        .iter()
        .find(|c| c.label == "政府性基金预算财政拨款收入")
        .unwrap_or_else(|| panic!("{changes:#?}"));
    assert_eq!((filled.old.as_str(), filled.new.as_str()), ("", "0.00"));
}

/// The example with `book`'s figures imported, every row of it read.
fn imported_into_example(book: &mut Workbook) -> Project {
    let file = import::read_workbook(book.save_to_buffer().unwrap()).unwrap();
    assert!(file.rejected.is_empty(), "{:?}", file.rejected);
    file.apply(&example().unwrap()).unwrap()
}

/// A 支出决算表 as the filing tool exports it: sheet name with its number, amounts in 元,
/// 类/款/项 codes in columns of their own, "—" for nothing; `bad` puts text in an amount.
fn filing_tool_sheet(bad: bool) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Z03 支出决算表(财决03表)").unwrap();
    sheet.write(0, 0, "支出决算表").unwrap();
    sheet.write(1, 0, "编制单位：区委绩效办").unwrap();
    sheet.write(1, 6, "单位：元").unwrap();
    for (c, h) in [
        "类",
        "款",
        "项",
        "科目名称",
        "合计",
        "基本支出",
        "项目支出",
        "上缴上级支出",
        "经营支出",
        "对附属单位补助支出",
    ]
    .iter()
    .enumerate()
    {
        sheet.write(2, c as u16, *h).unwrap();
    }
    sheet.write(3, 3, "合计").unwrap();
    sheet.write(3, 4, 2_262_300.0).unwrap();
    let rows: [(&str, &str, &str, &str, f64, f64, f64); 3] = [
        ("201", "31", "01", "行政运行", 822_600.0, 822_600.0, 0.0),
        (
            "201",
            "31",
            "99",
            "其他党委办公厅（室）及相关机构事务支出",
            597_700.0,
            0.0,
            597_700.0,
        ),
        ("221", "02", "01", "住房公积金", 119_400.0, 119_400.0, 0.0),
    ];
    for (i, (class, section, item, name, total, basic, project)) in rows.iter().enumerate() {
        let r = 4 + i as u32;
        sheet.write(r, 0, *class).unwrap();
        sheet.write(r, 1, *section).unwrap();
        sheet.write(r, 2, *item).unwrap();
        sheet.write(r, 3, *name).unwrap();
        sheet.write(r, 4, *total).unwrap();
        sheet.write(r, 5, *basic).unwrap();
        if bad && i == 1 {
            sheet.write(r, 6, "五十九万").unwrap();
        } else {
            sheet.write(r, 6, *project).unwrap();
        }
        for c in 7..10 {
            sheet.write(r, c, "—").unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_filing_tool_sheet_in_yuan_with_split_codes_is_read_in_wan() {
    let file = import::read_workbook(filing_tool_sheet(false)).unwrap();
    assert_eq!(file.tables.len(), 1);
    let imported = file.apply(&example().unwrap()).unwrap();
    let line = |code: &str| {
        imported
            .expenditure
            .lines
            .iter()
            .find(|l| l.code == code)
            .unwrap()
            .clone()
    };
    assert_eq!(line("2013101").basic, Some(wan("82.26")));
    assert_eq!(line("2013199").project, Some(wan("59.77")));
    assert_eq!(line("2210201").basic, Some(wan("11.94")));
    // A line of the project the sheet does not list spent nothing this year; it is kept.
    assert_eq!(line("2013150").total(), Wan::ZERO);
}

#[test]
fn a_filing_tool_overview_in_two_blocks_of_items_and_line_numbers_is_read() {
    // Z01 as the filing tool exports it: 收入 and 支出 side by side, each 项目 | 行次 | 金额,
    // items numbered 一、二、…, amounts in 元, "—" for none.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Z01 收入支出决算总表(财决01表)").unwrap();
    sheet.write(0, 0, "收入支出决算总表").unwrap();
    sheet.write(1, 5, "单位：元").unwrap();
    for (c, h) in ["项目", "行次", "金额", "项目", "行次", "金额"]
        .iter()
        .enumerate()
    {
        sheet.write(2, c as u16, *h).unwrap();
    }
    let rows: [(&str, &str, &str, &str); 4] = [
        (
            "一、一般公共预算财政拨款收入",
            "2262300.00",
            "一、一般公共服务支出",
            "1931500.00",
        ),
        ("二、政府性基金预算财政拨款收入", "—", "二、外交支出", "—"),
        ("七、其他收入", "1,200.50", "结余分配", "5000"),
        ("使用非财政拨款结余", "300", "", ""),
    ];
    for (i, (income, amount, spending, spent)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        sheet.write(r, 0, *income).unwrap();
        sheet.write(r, 1, (i + 1) as f64).unwrap();
        sheet.write(r, 2, *amount).unwrap();
        sheet.write(r, 3, *spending).unwrap();
        sheet.write(r, 5, *spent).unwrap();
    }
    let p = imported_into_example(&mut book);
    assert_eq!(p.revenue.general_budget, Some(wan("226.23")));
    assert_eq!(p.revenue.government_fund, Some(Wan::ZERO));
    assert_eq!(p.revenue.other, Some(wan("0.12005")));
    assert_eq!(p.balances.surplus_distribution, Some(wan("0.5")));
    assert_eq!(
        p.balances.use_of_non_appropriation_surplus,
        Some(wan("0.03"))
    );
}

#[test]
fn a_line_smaller_than_its_fund_tables_is_reported_at_its_row_of_the_expenditure_table() {
    let mut book = Workbook::new();
    for (name, basic) in [
        ("支出决算表", 10.0),
        ("一般公共预算财政拨款支出决算表", 20.0),
    ] {
        let sheet = book.add_worksheet();
        sheet.set_name(name).unwrap();
        for (c, h) in ["科目编码", "科目名称", "基本支出", "项目支出"]
            .iter()
            .enumerate()
        {
            sheet.write(1, c as u16, *h).unwrap();
        }
        sheet.write(2, 0, "2013101").unwrap();
        sheet.write(2, 1, "行政运行").unwrap();
        sheet.write(2, 2, basic).unwrap();
        sheet.write(2, 3, 0.0).unwrap();
    }
    let file = import::read_workbook(book.save_to_buffer().unwrap()).unwrap();
    let rejected = file.apply(&example().unwrap()).unwrap_err();
    assert_eq!(rejected.len(), 1);
    assert_eq!(rejected[0].sheet.as_deref(), Some("支出决算表"));
    assert_eq!(rejected[0].row, 3);
    assert!(
        rejected[0].reason.contains("2013101"),
        "{}",
        rejected[0].reason
    );
}

#[test]
fn a_malformed_row_is_reported_and_nothing_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("项目.json");
    let book = dir.path().join("决算表.xlsx");
    assert_eq!(juesuan(&["example", "-o", project.to_str().unwrap()]).0, 0);
    std::fs::write(&book, filing_tool_sheet(true)).unwrap();
    let before = std::fs::read(&project).unwrap();

    let file = import::read_workbook(filing_tool_sheet(true)).unwrap();
    let rejected = file.apply(&example().unwrap()).unwrap_err();
    assert_eq!(rejected.len(), 1);
    assert_eq!(
        rejected[0].sheet.as_deref(),
        Some("Z03 支出决算表(财决03表)")
    );
    assert_eq!(rejected[0].row, 6, "the spreadsheet's row number");
    assert!(
        rejected[0].reason.contains("“五十九万”不是金额"),
        "{}",
        rejected[0].reason
    );

    let (code, out, err) = juesuan(&["import", project.to_str().unwrap(), book.to_str().unwrap()]);
    assert_ne!(code, 0);
    assert!(
        out.contains("工作表“Z03 支出决算表(财决03表)”第 6 行"),
        "{out}"
    );
    assert!(err.contains("项目未改动"), "{err}");
    assert_eq!(
        std::fs::read(&project).unwrap(),
        before,
        "nothing half-imported"
    );
}

#[test]
fn dry_run_lists_the_changes_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("项目.json");
    let book = dir.path().join("决算表.xlsx");
    assert_eq!(juesuan(&["example", "-o", project.to_str().unwrap()]).0, 0);
    std::fs::write(&book, filing_tool_sheet(false)).unwrap();
    let (_, _, _) = juesuan(&[
        "set",
        project.to_str().unwrap(),
        "expenditure.lines[0].basic",
        "1",
    ]);
    let before = std::fs::read(&project).unwrap();
    let (code, out, err) = juesuan(&[
        "import",
        project.to_str().unwrap(),
        book.to_str().unwrap(),
        "--dry-run",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1.00 → 82.26"), "{out}");
    assert!(out.contains("试运行，项目未改动"), "{out}");
    assert_eq!(std::fs::read(&project).unwrap(), before);

    let (code, out, err) = juesuan(&["import", project.to_str().unwrap(), book.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("已导入"), "{out}");
    let (_, value, _) = juesuan(&[
        "get",
        project.to_str().unwrap(),
        "expenditure.lines[0].basic",
    ]);
    assert!(value.contains("82.26"), "{value}");
}

#[test]
fn a_workbook_without_the_tables_is_refused_in_words() {
    let mut book = Workbook::new();
    book.add_worksheet().write(0, 0, "人员名单").unwrap();
    let err = import::read_workbook(book.save_to_buffer().unwrap()).unwrap_err();
    assert!(err.to_string().contains("没有可导入的决算表"), "{err}");
    let err = import::read_workbook(b"not a workbook".to_vec()).unwrap_err();
    assert!(err.to_string().contains("不是 Excel 工作簿"), "{err}");
}

#[test]
fn a_three_public_table_laid_out_by_rows_is_read_part_by_part() {
    // 表7 as many provinces print it: 项目 | 预算数 | 决算数, a row per part, with the subtotal,
    // the 国内 reception and the counts in rows of their own that are not amounts to import.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("表7").unwrap();
    sheet
        .write(0, 0, "一般公共预算财政拨款“三公”经费支出决算表")
        .unwrap();
    sheet.write(1, 2, "单位：万元").unwrap();
    for (c, h) in ["项目", "预算数", "决算数"].iter().enumerate() {
        sheet.write(2, c as u16, *h).unwrap();
    }
    let rows: [(&str, &str, &str); 9] = [
        ("合计", "3.50", "2.80"),
        ("1.因公出国（境）费", "1.00", "0.80"),
        ("2.公务用车购置及运行维护费", "1.50", "1.20"),
        ("其中：公务用车购置费", "—", "—"),
        ("公务用车运行维护费", "1.50", "1.20"),
        ("3.公务接待费", "1.00", "0.80"),
        ("其中：国内公务接待费", "", "0.80"),
        ("因公出国（境）团组数（个）", "", "2"),
        ("公务用车保有量（辆）", "", "3"),
    ];
    for (i, (name, budget, actual)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        sheet.write(r, 0, *name).unwrap();
        sheet.write(r, 1, *budget).unwrap();
        sheet.write(r, 2, *actual).unwrap();
    }
    let p = imported_into_example(&mut book);
    let t = &p.three_public;
    assert_eq!(
        (t.overseas.budget, t.overseas.actual),
        (Some(wan("1.00")), Some(wan("0.80")))
    );
    assert_eq!(
        (t.vehicles.operation_budget, t.vehicles.operation_actual),
        (Some(wan("1.50")), Some(wan("1.20")))
    );
    assert_eq!(t.vehicles.purchase_budget, Some(Wan::ZERO));
    assert_eq!(
        (t.reception.budget, t.reception.domestic.actual),
        (Some(wan("1.00")), Some(wan("0.80")))
    );
    // The counts are not amounts: the example's stay.
    assert_eq!(
        t.overseas.groups,
        example().unwrap().three_public.overseas.groups
    );
}

#[test]
fn shaanxis_table_of_three_public_meetings_and_training_imports_back() {
    let mut original = example().unwrap();
    original.settings.template = Some("shaanxi-2020".into());
    let mt = &mut original.meetings_training;
    // As a number cell reads back (no trailing zeros), so the files compare equal.
    mt.meetings.budget = Some(wan("1.2"));
    mt.meetings.actual = Some(wan("0.86"));
    mt.training.budget = Some(wan("0.5"));
    mt.training.actual = Some(wan("0.5"));
    let doc = build_with_builtin_catalog(&original);
    assert!(
        doc.blocks.iter().any(|b| matches!(
            b,
            juesuan::document::Block::Table(t) if t.id == "three_public_meetings"
        )),
        "the template prints 陕西's 表7"
    );
    let file = import::read_workbook(xlsx::tables(&doc).unwrap()).unwrap();
    assert!(file.rejected.is_empty(), "{:?}", file.rejected);
    let mut blank = cleared(&original);
    blank.meetings_training = Default::default();
    let imported = file.apply(&blank).unwrap();
    same(&imported, &original);
}

/// Every built-in template's workbook imports back into the example's figures. Each titles its
/// tables its own way (表6, 六、, 基本支出决算明细表 …); a table read as another — 北京's
/// 政府性基金 基本支出 table as 表6, the 一般公共预算 收入支出决算表 as the 支出决算表 — would
/// change them, and a 明细表 not recognised would leave them out.
#[test]
fn every_templates_workbook_imports_back_to_the_same_figures() {
    for t in juesuan::template::builtin() {
        let mut original = example().unwrap();
        original.settings.template = Some(t.id.clone());
        if t.id == "shaanxi-2020" {
            // As the 陕西 test above: its 表7 holds 会议费 and 培训费, entered as they read back.
            let mt = &mut original.meetings_training;
            mt.meetings.budget = Some(wan("1.2"));
            mt.meetings.actual = Some(wan("0.86"));
            mt.training.budget = Some(wan("0.5"));
            mt.training.actual = Some(wan("0.5"));
        }
        let bytes = xlsx::tables(&build_with_builtin_catalog(&original)).unwrap();
        let file = import::read_workbook(bytes).unwrap();
        assert!(file.rejected.is_empty(), "{}: {:?}", t.id, file.rejected);
        let read: Vec<_> = file.tables.iter().map(|(_, kind)| *kind).collect();
        assert!(
            read.contains(&import::TableKind::BasicCosts),
            "{}: {:?}",
            t.id,
            file.tables
        );
        let imported = file.apply(&cleared(&original)).unwrap();
        assert!(
            import::changes(&original, &imported).is_empty(),
            "{}: {:#?}",
            t.id,
            import::changes(&original, &imported)
        );
    }
}

/// 四川 2024's 表7 brings 项目支出's 经济分类 items back (基本支出's come from 表8, titled
/// 基本支出决算明细表).
#[test]
fn sichuan_2024s_table_7_imports_project_spending_by_economic_item() {
    let original = juesuan::storage::load(std::path::Path::new(
        "tests/samples/v12-sichuan-2024-economic.json",
    ))
    .unwrap();
    let bytes = xlsx::tables(&build_with_builtin_catalog(&original)).unwrap();
    let file = import::read_workbook(bytes).unwrap();
    assert!(file.rejected.is_empty(), "{:?}", file.rejected);
    let mut blank = cleared(&original);
    blank.expenditure.project_economic.clear();
    let imported = file.apply(&blank).unwrap();
    same(&imported, &original);
}
