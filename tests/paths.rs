//! Field paths name real values: every path the model lists resolves in the project's JSON, and
//! `juesuan get/set/paths` read and change every field through the window's parsers.

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

mod common;

use std::fs;
use std::path::Path;

use common::juesuan;
use juesuan::cli::{EXIT_FAILURE, EXIT_OK};
use juesuan::example::{example, scaled_example};
use juesuan::model::{CostEntry, EconomicItem, FieldKind, FieldValue, Project};
use juesuan::storage::{self, SaveTime};

/// The example with every optional part present: economic items, names of an unknown code,
/// 会议费 and 培训费, 政府购买服务.
fn full() -> Project {
    let mut p = example().unwrap();
    p.basic_costs.public = CostEntry::Items(vec![EconomicItem {
        code: "30201".into(),
        name: "办公费".into(),
        amount: Some("20.19".parse().unwrap()),
    }]);
    let line = &mut p.revenue.by_function[0];
    for source in juesuan::model::REVENUE_SOURCES {
        *source.in_line(line) = Some("1".parse().unwrap());
    }
    let line = &mut p.expenditure.lines[0];
    for nature in juesuan::model::Nature::ALL {
        *nature.of_mut(line) = Some("1".parse().unwrap());
    }
    p.meetings_training.meetings.budget = Some("1.2".parse().unwrap());
    p.meetings_training.training.actual = Some("0.5".parse().unwrap());
    p.purchased_services.amount = Some("3.6".parse().unwrap());
    p.glossary.push(juesuan::model::GlossaryEntry {
        term: "机关运行经费".into(),
        definition: "行政单位的日常公用经费。".into(),
    });
    p
}

#[test]
fn every_listed_path_resolves_in_the_file() {
    for project in [example().unwrap(), full(), scaled_example(3).unwrap()] {
        let value = serde_json::to_value(&project).unwrap();
        let fields = project.fields();
        assert!(fields.len() > 150, "{} fields", fields.len());
        for f in &fields {
            // A field the file leaves out when zero or empty resolves to its parent object.
            let default = matches!(
                f.value,
                FieldValue::Amount(Some(a)) if a.is_zero()
            ) || f.value == FieldValue::Text("")
                || f.value == FieldValue::Count(Some(0))
                // Not entered: a count stated only where the template states it.
                || f.value == FieldValue::Count(None)
                // Not entered: absent (a prior-year figure, a line's 年初预算).
                || f.value == FieldValue::Amount(None)
                // Not entered: no 批复 or 公开 date yet.
                || f.value == FieldValue::Date(None)
                // The template's decimals, the default.
                || f.value == FieldValue::Choice("按模板".to_owned())
                // A department's accounts, the default.
                || f.value == FieldValue::Choice("部门决算".to_owned());
            // A part the file leaves out while nothing in it is entered (会议费、培训费), or a
            // group of fields inside one (unit.staff_by_post): the nearest ancestor the file
            // has is an object.
            let part_left_out = value.get(f.path.root().key()).is_none();
            let mut ancestor = f.path.parent();
            while let Some(a) = ancestor.as_ref().filter(|a| a.locate(&value).is_none()) {
                ancestor = a.parent();
            }
            let skipped_zero = default
                && (part_left_out
                    || ancestor
                        .and_then(|p| p.locate(&value).cloned())
                        .is_some_and(|p| p.is_object()));
            assert!(
                f.path.locate(&value).is_some() || skipped_zero,
                "{} does not resolve",
                f.path
            );
            let parsed = juesuan::model::FieldPath::parse(&f.path.to_string()).unwrap();
            assert_eq!(parsed, f.path, "{} parses back", f.path);
        }
        let mut seen = std::collections::BTreeSet::new();
        for f in &fields {
            assert!(seen.insert(f.path.to_string()), "{} listed twice", f.path);
        }
    }
}

#[test]
fn every_amount_of_the_json_is_listed() {
    // Each string that is an amount in the file is a listed field: nothing is edited unseen.
    let project = full();
    let value = serde_json::to_value(&project).unwrap();
    let listed: std::collections::BTreeSet<String> = project
        .fields()
        .iter()
        .map(|f| f.path.to_string())
        .collect();
    let mut missing = Vec::new();
    walk(&value, String::new(), &mut |path, v| {
        let leaf = path.rsplit('.').next().unwrap_or_default();
        let is_amount = v
            .as_str()
            .is_some_and(|s| s.parse::<juesuan::money::Wan>().is_ok())
            && !["code", "year", "target", "actual", "weight", "score"].contains(&leaf);
        if is_amount && !listed.contains(&path) {
            missing.push(path);
        }
    });
    assert!(missing.is_empty(), "amounts not listed: {missing:?}");
}

fn walk(v: &serde_json::Value, path: String, f: &mut impl FnMut(String, &serde_json::Value)) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, item) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                walk(item, p, f);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, format!("{path}[{i}]"), f);
            }
        }
        other => f(path, other),
    }
}

fn example_file(dir: &Path) -> String {
    let path = dir.join("示例.json");
    storage::save(
        &path,
        &example().unwrap(),
        SaveTime::from_local(2024, 1, 1, 0),
    )
    .unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn get_and_set_round_trip_every_amount_of_the_example() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_file(dir.path());
    let project = example().unwrap();
    let amounts: Vec<_> = project
        .fields()
        .into_iter()
        .filter(|f| matches!(f.kind, FieldKind::Amount { .. }))
        .collect();
    assert!(amounts.len() > 60, "{}", amounts.len());
    for (i, f) in amounts.iter().enumerate() {
        let path = f.path.to_string();
        let (code, out, err) = juesuan(&["get", &file, &path]);
        assert_eq!(code, EXIT_OK, "{path}: {err}");
        let expected = match &f.value {
            FieldValue::Amount(Some(a)) => a.wan().to_string(),
            _ => String::new(),
        };
        assert_eq!(out.trim_end(), expected, "get {path}");
        // A new value, typed as a clerk would (separators, the unit), lands exactly.
        let typed = format!("1,{:03}.25万元", i);
        let (code, _, err) = juesuan(&["set", &file, &path, &typed]);
        assert_eq!(code, EXIT_OK, "set {path}: {err}");
        let (_, out, _) = juesuan(&["get", &file, &path]);
        assert_eq!(out.trim_end(), format!("1{:03}.25", i), "{path} after set");
    }
    let changed = storage::load(Path::new(&file)).unwrap();
    assert_eq!(
        changed.revenue.other.unwrap().wan().to_string().len(),
        "1000.25".len()
    );
}

#[test]
fn a_bad_value_or_an_unknown_path_exits_2_and_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_file(dir.path());
    let before = fs::read(&file).unwrap();
    for (path, value, says) in [
        ("revenue.other", "226.23x", "不是有效金额"),
        ("revenue.other", "1,23", "千位分隔符"),
        ("revenue.other", "-5", "不能为负数"),
        ("three_public.vehicles.held.sedan", "4294967293", "过大"),
        ("unit.year", "2023年", "不是有效的年度"),
        ("revenue.othr", "1", "revenue.other"),
        ("收入", "1", "没有字段"),
        ("revenue", "1", "不是单个数值"),
    ] {
        let (code, _, err) = juesuan(&["set", &file, path, value]);
        assert_eq!(code, EXIT_FAILURE, "{path}={value}");
        assert!(err.contains(says), "{path}={value}: {err}");
        assert_eq!(
            fs::read(&file).unwrap(),
            before,
            "{path}={value} changed the file"
        );
    }
    assert!(storage::backups(Path::new(&file)).is_empty());
    let (code, _, err) = juesuan(&["get", &file, "revenue.generalbudget"]);
    assert_eq!(code, EXIT_FAILURE);
    assert!(err.contains("revenue.general_budget"), "{err}");
}

#[test]
fn paths_lists_every_field_with_its_label_and_kind() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_file(dir.path());
    let (code, out, _) = juesuan(&["paths", &file]);
    assert_eq!(code, EXIT_OK);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), example().unwrap().fields().len());
    assert!(
        lines.contains(&"revenue.other\t其他收入\t金额（万元，可空）"),
        "{}",
        &out[..400.min(out.len())]
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("expenditure.lines[0].basic\t支出第1行基本支出"))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("unit.kind\t单位性质\t选项：行政单位"))
    );
    // An opening balance is last year's closing one: never blank, and may be negative.
    assert!(
        lines.contains(
            &"balances.general_budget.opening\t一般公共预算财政拨款年初结转和结余\t金额（万元，可为负）"
        ),
        "{}",
        lines
            .iter()
            .find(|l| l.starts_with("balances.general_budget.opening"))
            .unwrap_or(&"")
    );
}

#[test]
fn the_walk_of_texts_lists_exactly_the_texts_of_the_whole_walk() {
    let next = juesuan::next_year::next_year(&example().unwrap(), None).project;
    for project in [full(), scaled_example(3).unwrap(), next] {
        let texts: Vec<_> = project
            .fields()
            .into_iter()
            .filter(|f| matches!(f.value, FieldValue::Text(_) | FieldValue::Lines(_)))
            .collect();
        assert!(texts.len() > 100, "{}", texts.len());
        assert_eq!(project.text_fields(), texts);
    }
}
