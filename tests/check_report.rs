//! The check report a unit hands its 财政 (`juesuan check --format text|json|pdf|xlsx`): the
//! workbook read back with calamine, the PDF with pdftotext, and the clerk's explanation in each.

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

mod common;

use std::path::Path;
use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::juesuan;
use juesuan::example::example;
use juesuan::model::Explanation;
use juesuan::storage::{self, SaveTime};

/// The example, its first finding explained, saved to `dir`.
fn example_with_explanation(dir: &Path) -> std::path::PathBuf {
    example_explained(dir, "经与财政核对，以批复数为准")
}

/// The example, its first finding explained by `text`, saved to `dir`.
fn example_explained(dir: &Path, text: &str) -> std::path::PathBuf {
    let mut project = example().unwrap();
    let report = juesuan::checks::report::build(&project, None);
    let first = &report.findings[0].finding;
    project.explanations.push(Explanation {
        rule: first.code.to_owned(),
        field: first.fields.first().cloned(),
        message: first.message.clone(),
        text: text.to_owned(),
    });
    let path = dir.join("例.json");
    storage::save(&path, &project, SaveTime::from_local(2024, 5, 31, 0)).unwrap();
    path
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Empty => String::new(),
        other => format!("{other:?}"),
    }
}

/// `juesuan check INPUT --format FORMAT -o OUT`: (exit code, stdout, stderr).
fn report_to(
    input: &std::path::Path,
    format: &str,
    out: &std::path::Path,
) -> (i32, String, String) {
    juesuan(&[
        "check",
        input.to_str().unwrap(),
        "--format",
        format,
        "-o",
        out.to_str().unwrap(),
    ])
}

#[test]
fn the_workbook_lists_every_finding_with_its_amounts_and_the_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let input = example_with_explanation(dir.path());
    let out = dir.path().join("审核报告.xlsx");
    let (code, stdout, stderr) = report_to(&input, "xlsx", &out);
    assert_eq!(stderr, "");
    assert!(stdout.contains("已写出审核报告"), "{stdout}");
    let project = storage::load(&input).unwrap();
    let report = juesuan::checks::report::build(&project, juesuan::model::Date::new(2024, 5, 31));
    let (errors, _, _) = report.counts();
    assert_eq!(code, if errors > 0 { 1 } else { 0 });

    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(book.sheet_names(), ["审核结果", "审核覆盖"]);
    let sheet = book.worksheet_range("审核结果").unwrap();
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(cell_text).collect())
        .collect();
    assert_eq!(
        rows[0][0],
        "中共遂宁市安居区委目标绩效管理办公室2023年度部门决算审核报告"
    );
    assert!(
        rows.iter().any(|r| r[0] == "审核日期：2024-05-31"),
        "{rows:?}"
    );
    let header = rows.iter().position(|r| r[0] == "序号").unwrap();
    assert_eq!(rows[header][1], "编码");
    let body: Vec<&Vec<String>> = rows[header + 1..]
        .iter()
        .take_while(|r| !r[0].is_empty())
        .collect();
    assert_eq!(body.len(), report.findings.len());
    for (row, reported) in body.iter().zip(&report.findings) {
        let f = &reported.finding;
        assert_eq!(row[1], f.code);
        assert_eq!(row[3], f.severity.label());
        assert!(row[4].ends_with(&f.message), "{row:?}");
        assert_eq!(row[10], reported.place);
    }
    // The explained finding carries the clerk's words, and a compared finding its amounts as
    // numbers (not text) that differ by the difference column.
    assert_eq!(body[0][12], "经与财政核对，以批复数为准");
    assert_eq!(body[0][13], "有效");
    let range = &sheet;
    let compared = report
        .findings
        .iter()
        .position(|f| f.finding.amounts.is_some())
        .expect("the example has a finding comparing two amounts");
    let at = (header + 1 + compared) as u32;
    let number = |col: u32| match range.get_value((at, col)) {
        Some(Data::Float(f)) => *f,
        other => panic!("column {col} holds {other:?}, not a number"),
    };
    let c = report.findings[compared].finding.amounts.as_ref().unwrap();
    assert_eq!(
        number(5).to_string(),
        c.left_amount.wan().normalize().to_string()
    );
    assert!((number(5) - number(7)).abs() - number(9) < 1e-9);

    let ledger = book.worksheet_range("审核覆盖").unwrap();
    let statuses: Vec<String> = ledger.rows().skip(2).map(|r| cell_text(&r[4])).collect();
    assert_eq!(statuses.len(), report.ledger.rules.len());
    let counts = report.ledger.counts();
    assert_eq!(
        statuses.iter().filter(|s| *s == "缺少数据").count(),
        counts.missing_data
    );
    assert_eq!(
        statuses.iter().filter(|s| *s == "已审核").count(),
        counts.checked
    );
}

#[test]
fn a_finding_with_the_longest_explanation_breaks_across_pages_and_stays_on_them() {
    let dir = tempfile::tempdir().unwrap();
    // The longest explanation a project keeps: taller than a page in its column.
    let text: String = "经与财政核对以批复数为准。"
        .chars()
        .cycle()
        .take(juesuan::model::limits::LONG_TEXT - 4)
        .chain("全文完毕".chars())
        .collect();
    let input = example_explained(dir.path(), &text);
    let out = dir.path().join("审核报告.pdf");
    let (code, _, stderr) = report_to(&input, "pdf", &out);
    assert_ne!(code, 2, "{stderr}");
    // Every word lies within its page (an unbreakable row would run off the bottom).
    let html = Command::new("pdftotext")
        .arg("-bbox")
        .arg(&out)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    let html = String::from_utf8(html.stdout).unwrap();
    let attr = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    let mut height = 0.0;
    let mut words = 0;
    for tag in html.split('<').skip(1) {
        if tag.starts_with("page ") {
            height = attr(tag, "height");
        } else if tag.starts_with("word ") {
            words += 1;
            assert!(attr(tag, "yMax") <= height, "a word below the page: <{tag}");
        }
    }
    assert!(words > 100);
    let text = Command::new("pdftotext")
        .arg(&out)
        .arg("-")
        .output()
        .unwrap();
    let flat: String = String::from_utf8(text.stdout)
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(
        flat.contains("全文完毕"),
        "the explanation's end is printed"
    );
}

#[test]
fn the_pdf_reads_back_with_the_findings_and_the_explanation() {
    let dir = tempfile::tempdir().unwrap();
    let input = example_with_explanation(dir.path());
    let out = dir.path().join("审核报告.pdf");
    let (_, stdout, stderr) = report_to(&input, "pdf", &out);
    assert_eq!(stderr, "");
    assert!(stdout.contains("已写出审核报告"));
    let text = Command::new("pdftotext")
        .arg(&out)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(
        text.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&text.stderr)
    );
    let text = String::from_utf8(text.stdout).unwrap();
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for expected in [
        "中共遂宁市安居区委目标绩效管理办公室2023年度部门决算审核报告",
        "审核日期：2024-05-31",
        "一、审核发现的问题",
        "二、未审核的规则",
        // A cell's text wraps within its column, so only its first line reads back whole.
        "经与财政核对",
        "财务负责人：",
        "制表人：",
    ] {
        assert!(flat.contains(expected), "{expected} not in:\n{text}");
    }
    // No cover and no contents: page 1 starts with the title and the unit's line.
    assert!(
        flat.starts_with("中共遂宁市安居区委目标绩效管理办公室2023年度部门决算审核报告单位："),
        "{text}"
    );
}

#[test]
fn text_is_the_default_and_names_the_unit_template_and_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let input = example_with_explanation(dir.path());
    let (_, stdout, _) = juesuan(&["check", input.to_str().unwrap()]);
    assert!(stdout.starts_with("中共遂宁市安居区委目标绩效管理办公室2023年度部门决算审核报告\n"));
    assert!(stdout.contains("公开模板："), "{stdout}");
    assert!(
        stdout.contains("说明（有效）：经与财政核对，以批复数为准"),
        "{stdout}"
    );
    assert!(stdout.contains("审核覆盖："), "{stdout}");
}

#[test]
fn a_format_that_needs_a_file_or_does_not_exist_is_refused_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = example_with_explanation(dir.path());
    let before = std::fs::read_dir(dir.path()).unwrap().count();
    let (code, _, stderr) = juesuan(&["check", input.to_str().unwrap(), "--format", "xlsx"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("需要用 -o 指定输出文件"), "{stderr}");
    let out = dir.path().join("x.doc");
    let (code, _, stderr) = report_to(&input, "doc", &out);
    assert_eq!(code, 2);
    assert!(stderr.contains("不认识的格式“doc”"), "{stderr}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), before);
}

#[test]
fn findings_that_compare_two_amounts_carry_them() {
    let project = example().unwrap();
    let report = juesuan::checks::report::build(&project, None);
    for f in report.findings.iter().map(|r| &r.finding) {
        if let Some(c) = &f.amounts {
            // The message states the amounts the columns hold.
            assert!(
                f.message.contains(&juesuan::checks::amount(c.left_amount))
                    && f.message.contains(&juesuan::checks::amount(c.right_amount)),
                "{f:?}"
            );
        }
    }
    assert!(
        report.findings.iter().any(|r| r.finding.amounts.is_some()),
        "the example has findings that compare two amounts"
    );
}
