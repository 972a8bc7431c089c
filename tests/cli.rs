//! The command line as a user runs it: `example`, `summary`, and bad files.

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

mod common;

use std::ffi::OsString;
use std::fs;

use common::juesuan;
use juesuan::cli::{EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK};

#[test]
fn example_then_summary_prints_the_seed_totals() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("示例 项目.json");
    let path = path.to_str().unwrap();
    let (code, out, _) = juesuan(&["example", "-o", path]);
    assert_eq!(code, EXIT_OK);
    assert!(out.contains("已写入"));

    let (code, out, err) = juesuan(&["summary", path]);
    assert_eq!(code, EXIT_OK, "{err}");
    for expected in [
        "单位：中共遂宁市安居区委目标绩效管理办公室（区委绩效办）",
        "年度：2023",
        "收入总计：226.23 万元",
        "本年收入合计：226.23 万元",
        "本年支出合计：226.23 万元",
        "基本支出：166.46 万元",
        "项目支出：59.77 万元",
        "财政拨款支出：226.23 万元",
        "“三公”经费合计：0.99 万元",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
}

#[test]
fn summary_of_a_bad_file_fails_with_the_chinese_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("坏.json");
    fs::write(
        &path,
        "{\"format\": \"juesuan\", \"schema_version\": 1, \"project\": {",
    )
    .unwrap();
    let (code, out, err) = juesuan(&["summary", path.to_str().unwrap()]);
    assert_eq!(code, EXIT_FAILURE);
    assert!(out.is_empty());
    assert!(
        err.contains("坏.json") && err.contains("文件不完整"),
        "{err}"
    );
}

#[test]
fn no_arguments_prints_usage_and_unknown_commands_fail() {
    let (code, out, _) = juesuan(&[]);
    assert_eq!(code, EXIT_OK);
    assert!(out.contains("用法"));
    let (code, _, err) = juesuan(&["frobnicate"]);
    assert_eq!(code, EXIT_FAILURE);
    assert!(err.contains("未知命令"));
    let (code, _, err) = juesuan(&["example"]);
    assert_eq!(code, EXIT_FAILURE);
    assert!(err.contains("-o"));
}

#[test]
fn check_groups_findings_and_sets_the_exit_status() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("示例.json");
    let path_str = path.to_str().unwrap();
    juesuan(&["example", "-o", path_str]);

    let (code, out, _) = juesuan(&["check", path_str]);
    assert_eq!(code, EXIT_OK, "the example has no 错误");
    // The example's 基本支出 has totals only: WD-106 says the table lacks its detail.
    assert!(out.contains("【警告】4 条"), "{out}");
    assert!(out.contains("WD-106"), "{out}");
    assert!(out.contains("【提示】3 条"), "{out}");
    assert!(out.contains("共 7 条：错误 0，警告 4，提示 3"), "{out}");
    // The ledger: which rules could not check the example, and what they need.
    assert!(out.contains("审核覆盖："), "{out}");
    assert!(
        out.contains("JS-710 未在决算批复后 20 日内公开：缺少数据（未填写决算批复日期"),
        "{out}"
    );
    // Where: the field's name, as the findings name theirs, with the path for `juesuan set`.
    assert!(
        out.contains("位置：决算批复日期（unit.approval_date）"),
        "{out}"
    );

    let (code, out, _) = juesuan(&["check", "--json", path_str]);
    assert_eq!(code, EXIT_OK);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let found = &json["findings"];
    assert_eq!(found.as_array().unwrap().len(), 7);
    assert_eq!(found[0]["code"], "JS-505");
    assert_eq!(found[0]["severity"], "警告");
    assert!(found[0]["fields"][0].is_string());
    let ledger = &json["ledger"];
    let rules = ledger["rules"].as_array().unwrap();
    assert_eq!(
        ledger["counts"]["rules"].as_u64().unwrap() as usize,
        rules.len()
    );
    let js710 = rules.iter().find(|r| r["code"] == "JS-710").unwrap();
    assert_eq!(js710["status"], "缺少数据");
    assert_eq!(js710["fields"][0], "unit.approval_date");
    let js505 = rules.iter().find(|r| r["code"] == "JS-505").unwrap();
    assert_eq!(js505["status"], "已审核");
    assert_eq!(js505["findings"], 1);
    assert!(ledger["summary"].as_str().unwrap().contains("条已审核"));

    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replacen(
            "\"revenue_this_year\": \"226.23\"",
            "\"revenue_this_year\": \"226.32\"",
            1,
        ),
    )
    .unwrap();
    let (code, out, _) = juesuan(&["check", path_str]);
    assert_eq!(code, EXIT_FINDINGS, "{out}");
    assert!(out.contains("JS-105"), "{out}");
    assert!(out.contains("相差 0.09 万元"), "{out}");

    let (code, _, err) = juesuan(&["check", "/nonexistent/x.json"]);
    assert_eq!(code, EXIT_FAILURE);
    assert!(err.contains("不存在"));
}

#[test]
fn report_prints_the_document_as_text_or_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("示例.json");
    let path = path.to_str().unwrap();
    juesuan(&["example", "-o", path]);
    let (code, out, _) = juesuan(&["report", path]);
    assert_eq!(code, EXIT_OK);
    assert!(out.contains("2023年度收、支总计均为226.23万元。"));
    let (code, out, _) = juesuan(&["report", "--format", "markdown", path]);
    assert_eq!(code, EXIT_OK);
    assert!(out.starts_with("# "));
    let (code, _, err) = juesuan(&["report", path, "--format", "pdf"]);
    assert_eq!(code, EXIT_FAILURE);
    assert!(err.contains("未知格式"));
}

#[test]
fn pdf_writes_a_dated_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("示例.json");
    let pdf = dir.path().join("决算 公开.pdf");
    juesuan(&["example", "-o", project.to_str().unwrap()]);
    let (code, out, err) = juesuan(&[
        "pdf",
        project.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
        "--date",
        "2024-06-01",
    ]);
    assert_eq!(code, EXIT_OK, "{err}");
    assert!(out.contains("页"), "{out}");
    let bytes = fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let (code, _, err) = juesuan(&[
        "pdf",
        project.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
        "--date",
        "2024-13-01",
    ]);
    assert_eq!(code, EXIT_FAILURE);
    assert!(err.contains("日期"), "{err}");
    // A date that does not exist is refused in Chinese, not "date is invalid".
    let (code, _, err) = juesuan(&[
        "pdf",
        project.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
        "--date",
        "2023-02-31",
    ]);
    assert_eq!(code, EXIT_FAILURE);
    assert!(
        err.contains("2023-02-31") && err.contains("实际存在"),
        "{err}"
    );
    assert!(!err.contains("invalid"), "{err}");
}

#[test]
fn pdf_alone_is_a_command_not_a_file_to_open() {
    assert_eq!(
        juesuan::cli::launch(&[OsString::from("pdf")]),
        juesuan::cli::Launch::Command
    );
    let (code, _, err) = juesuan(&["pdf"]);
    assert_eq!(code, EXIT_FAILURE);
    assert!(err.contains("用法"), "{err}");
}

#[test]
fn a_count_that_would_wrap_is_refused_and_check_fails() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("车.json");
    juesuan(&["example", "-o", path.to_str().unwrap()]);
    let text = fs::read_to_string(&path).unwrap();
    let wrapped = text.replacen("\"sedan\": 0", "\"sedan\": 4294967293", 1);
    assert_ne!(wrapped, text);
    fs::write(&path, &wrapped).unwrap();
    let (code, out, err) = juesuan(&["check", path.to_str().unwrap()]);
    assert_eq!(code, EXIT_FAILURE, "{out}");
    assert!(err.contains("过大"), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), wrapped, "unchanged");
}

#[test]
fn two_processes_report_the_same_findings_in_the_same_order() {
    // Determinism across processes: a HashMap's order would differ from run to run.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("示例.json");
    juesuan(&["example", "-o", path.to_str().unwrap()]);
    let run = || {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_juesuan"))
            .args(["check", "--json"])
            .arg(&path)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let first = run();
    assert!(first.contains("JS-801"), "{first}");
    assert_eq!(first, run());
}

#[test]
fn rules_lists_the_catalog_and_check_counts_the_publication_deadline() {
    let (code, out, _) = juesuan(&["rules"]);
    assert_eq!(code, EXIT_OK);
    assert!(
        out.contains("JS-710 【错误】合理性：未在决算批复后 20 日内公开"),
        "{out}"
    );
    assert!(out.contains("需要：决算批复日期"), "{out}");
    let (_, markdown, _) = juesuan(&["rules", "--markdown"]);
    assert!(markdown.starts_with("# 审核规则"), "{markdown}");
    let (code, _, err) = juesuan(&["rules", "--json"]);
    assert_eq!(code, EXIT_FAILURE, "{err}");

    // Approved 2024-04-01 and not published by 2024-05-31 (the runner's today): too late.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("示例.json");
    let path_str = path.to_str().unwrap();
    juesuan(&["example", "-o", path_str]);
    let (code, _, err) = juesuan(&["set", path_str, "unit.approval_date", "2024年4月1日"]);
    assert_eq!(code, EXIT_OK, "{err}");
    let (code, out, _) = juesuan(&["check", path_str]);
    assert_eq!(code, EXIT_FINDINGS, "{out}");
    assert!(out.contains("JS-710"), "{out}");
    assert!(
        out.contains("决算于 2024年4月1日 批复，应在 2024年4月21日 前公开，今天已是第 60 日"),
        "{out}"
    );
    let (code, _, _) = juesuan(&["set", path_str, "unit.publication_date", "2024-04-15"]);
    assert_eq!(code, EXIT_OK);
    let (code, out, _) = juesuan(&["check", path_str]);
    assert_eq!(code, EXIT_OK, "{out}");
    assert!(!out.contains("JS-710 未在"), "{out}");
    // A day that does not exist is refused and the file is unchanged.
    let before = fs::read_to_string(&path).unwrap();
    let (code, _, err) = juesuan(&["set", path_str, "unit.publication_date", "2024-02-30"]);
    assert_eq!(code, EXIT_FAILURE);
    assert!(err.contains("不存在"), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), before);
}
