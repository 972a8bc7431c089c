//! Importing the 科目表 a local 财政 hands out: from an `.xlsx` built here (with one malformed
//! row) and from a `.csv`, through the command line as a clerk runs it; the project keeps it,
//! its names reach the checks and the document, and a bad file changes nothing.

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

mod common;

use std::fs;
use std::path::Path;

use common::juesuan;
use juesuan::catalog::Catalog;
use juesuan::catalog::import::{self, ImportError};
use juesuan::checks;
use juesuan::cli::{EXIT_FAILURE, EXIT_OK};
use juesuan::document::render::{Format, render};
use juesuan::example::example;
use juesuan::model::{ClassNames, Classification, FunctionalLine, Fund};
use juesuan::storage;

/// A code the built-in catalog does not know (the items of 20899 are left out of it).
const LOCAL_CODE: &str = "2089901";
const LOCAL_NAME: &str = "其他社会保障和就业支出（本地试点）";

/// The example with one more line, of a code only the local 科目表 has, named by the clerk.
fn project_with_local_code(dir: &Path) -> std::path::PathBuf {
    let mut project = example().unwrap();
    project.expenditure.lines.push(FunctionalLine {
        code: LOCAL_CODE.into(),
        fund: Fund::GeneralBudget,
        names: Some(ClassNames {
            class: "社会保障和就业支出".into(),
            section: "其他社会保障和就业支出".into(),
            item: "自填的名称".into(),
        }),
        project: Some("1.5".parse().unwrap()),
        budget: Some("1.5".parse().unwrap()),
        ..FunctionalLine::default()
    });
    let path = dir.join("项目.json");
    storage::save(
        &path,
        &project,
        storage::SaveTime::from_local(2024, 5, 1, 0),
    )
    .unwrap();
    path
}

/// A workbook as a 财政局 sends it: a cover sheet without a table, then the 功能分类 sheet with
/// a title row, codes typed as numbers, and one row whose code is mistyped (row 6).
fn workbook(path: &Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let cover = book.add_worksheet().set_name("说明").unwrap();
    cover.write(0, 0, "本表由区财政局下发").unwrap();
    let sheet = book.add_worksheet().set_name("功能分类").unwrap();
    sheet
        .write(0, 0, "2023年政府收支分类科目（支出功能分类）")
        .unwrap();
    sheet.write(1, 0, "科目编码").unwrap();
    sheet.write(1, 1, "科目名称").unwrap();
    let rows: [(f64, &str); 3] = [
        (208.0, "社会保障和就业支出"),
        (20899.0, "其他社会保障和就业支出"),
        (2089901.0, LOCAL_NAME),
    ];
    for (i, (code, name)) in rows.iter().enumerate() {
        let row = u32::try_from(i).unwrap() + 2;
        sheet.write(row, 0, *code).unwrap();
        sheet.write(row, 1, *name).unwrap();
    }
    sheet.write(5, 0, "20899O1").unwrap();
    sheet.write(5, 1, "字母O代替了数字0").unwrap();
    sheet.write(6, 0, 2013101.0).unwrap();
    sheet.write(6, 1, "行政运行").unwrap();
    book.save(path).unwrap();
}

#[test]
fn an_xlsx_is_read_from_the_sheet_with_the_header_and_its_bad_row_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("科目表.xlsx");
    workbook(&xlsx);
    let file = import::read_file(&xlsx).unwrap();
    assert_eq!(file.sheets, ["功能分类"]);
    let functional = &file.codes[&Classification::Functional];
    assert_eq!(functional.len(), 4);
    assert_eq!(functional[LOCAL_CODE], LOCAL_NAME);
    assert_eq!(file.rejected.len(), 1);
    assert_eq!(
        file.rejected[0].to_string(),
        "工作表“功能分类”第 6 行：科目编码“20899O1”应只含数字"
    );
    let changes = file.changes(&Catalog::builtin(2023).unwrap());
    assert_eq!(
        changes
            .added
            .iter()
            .map(|(_, c, _)| c.as_str())
            .collect::<Vec<_>>(),
        [LOCAL_CODE],
        "208, 20899 and 2013101 are known under the same names"
    );
    assert_eq!(changes.unchanged, 3);
}

#[test]
fn a_bad_row_stops_the_import_until_the_clerk_skips_it_and_then_the_names_are_used() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_with_local_code(dir.path());
    let p = project.to_str().unwrap();
    let xlsx = dir.path().join("科目表.xlsx");
    workbook(&xlsx);
    let before = fs::read(&project).unwrap();
    let findings = |path: &Path| {
        let project = storage::load(path).unwrap();
        let catalog = Catalog::for_project(&project).unwrap();
        checks::run(&project, Some(&catalog))
    };
    let js208 = findings(&project)
        .into_iter()
        .find(|f| f.code == "JS-208")
        .unwrap();
    assert!(
        js208.message.contains("不在所用的2023 年内置科目表中")
            && js208.message.contains("导入本地财政下发的科目表"),
        "{}",
        js208.message
    );

    let (code, out, _) = juesuan(&["catalog", "import", p, xlsx.to_str().unwrap(), "--dry-run"]);
    assert_eq!(code, EXIT_OK);
    assert!(out.contains("新增 1 个科目"), "{out}");
    assert!(out.contains("工作表“功能分类”第 6 行"), "{out}");
    assert!(out.contains("试运行，项目未改动"), "{out}");
    assert_eq!(fs::read(&project).unwrap(), before);

    let (code, out, err) = juesuan(&["catalog", "import", p, xlsx.to_str().unwrap()]);
    assert_eq!(code, EXIT_FAILURE);
    assert!(out.contains("无法读取 1 行"), "{out}");
    assert!(
        err.contains("项目未改动") && err.contains("--skip-bad-rows"),
        "{err}"
    );
    assert_eq!(fs::read(&project).unwrap(), before, "nothing half-imported");

    let (code, out, err) = juesuan(&[
        "catalog",
        "import",
        p,
        xlsx.to_str().unwrap(),
        "--skip-bad-rows",
    ]);
    assert_eq!(code, EXIT_OK, "{err}");
    assert!(out.contains("已导入科目表“科目表.xlsx”"), "{out}");
    let saved = storage::load(&project).unwrap();
    let edition = saved.catalog.as_ref().unwrap();
    assert_eq!(edition.source, "科目表.xlsx");
    assert_eq!(edition.functional.len(), 4);
    assert!(
        !findings(&project).iter().any(|f| f.code == "JS-208"),
        "the code is in the catalog the project uses now"
    );
    let catalog = Catalog::for_project(&saved).unwrap();
    assert_eq!(
        catalog.describe(),
        "导入的科目表“科目表.xlsx”（及 2023 年内置科目表）"
    );
    let options = juesuan::document::Options {
        catalog: Some(&catalog),
        ..Default::default()
    };
    let text = render(&juesuan::document::build(&saved, &options), Format::Text);
    assert!(
        text.contains(LOCAL_NAME),
        "the document names the line by the 科目表"
    );
    assert!(!text.contains("自填的名称"));
}

#[test]
fn a_gbk_csv_with_class_section_item_columns_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_with_local_code(dir.path());
    let csv = dir.path().join("科目表.csv");
    let text = "类,款,项,科目名称\r\n208,,,社会保障和就业支出\r\n,99,,其他社会保障和就业支出\r\n,,01,其他社会保障和就业支出（本地试点）\r\n";
    let (bytes, _, _) = encoding_rs::GBK.encode(text);
    fs::write(&csv, &bytes).unwrap();
    let (code, out, err) = juesuan(&[
        "catalog",
        "import",
        project.to_str().unwrap(),
        csv.to_str().unwrap(),
    ]);
    assert_eq!(code, EXIT_OK, "{err}");
    assert!(out.contains("读到 3 个科目"), "{out}");
    let saved = storage::load(&project).unwrap();
    let catalog = Catalog::for_project(&saved).unwrap();
    assert_eq!(
        catalog.class_path(LOCAL_CODE).unwrap().item.name,
        LOCAL_NAME
    );
}

#[test]
fn a_file_that_is_not_a_table_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_with_local_code(dir.path());
    let before = fs::read(&project).unwrap();
    let junk = dir.path().join("不是表.xlsx");
    fs::write(&junk, "这不是工作簿").unwrap();
    let no_header = dir.path().join("无表头.csv");
    fs::write(&no_header, "编号,说明\n1,2\n").unwrap();
    let missing = dir.path().join("不存在.xlsx");
    for (file, expected) in [
        (&junk, "不是 Excel 工作簿"),
        (&no_header, "没有找到科目表的表头"),
        (&missing, "不存在.xlsx”："),
    ] {
        let (code, _, err) = juesuan(&[
            "catalog",
            "import",
            project.to_str().unwrap(),
            file.to_str().unwrap(),
        ]);
        assert_eq!(code, EXIT_FAILURE);
        assert!(err.contains(expected), "{err}");
        assert_eq!(fs::read(&project).unwrap(), before);
    }
    assert_eq!(import::read_file(&no_header), Err(ImportError::NoHeader));
}

#[test]
fn a_file_with_a_bad_imported_catalog_is_refused_on_load() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("坏科目表.json");
    let mut project = example().unwrap();
    let mut edition = juesuan::model::CatalogEdition {
        source: "x.csv".into(),
        ..Default::default()
    };
    edition.functional.insert("30101".into(), "基本工资".into());
    project.catalog = Some(edition);
    let text = serde_json::json!({"format": "juesuan", "schema_version": storage::SCHEMA_VERSION, "project": project}).to_string();
    fs::write(&path, &text).unwrap();
    let err = storage::load(&path).unwrap_err().to_string();
    assert!(err.contains("支出经济分类科目“30101”"), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}
