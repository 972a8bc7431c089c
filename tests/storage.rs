//! Storage: round trips, samples of every released schema, and bad files that change nothing.

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

use std::fs;
use std::path::Path;

use juesuan::example::{EXAMPLE_JSON, example};
use juesuan::model::Project;
use juesuan::storage::{self, Problem, SaveTime};

/// A save `minute` minutes after 10:00 on 2026-12-01 (local time).
fn at(minute: u32) -> SaveTime {
    SaveTime::from_local(2026, 12, 1, 36_000 + 60 * minute)
}

#[test]
fn example_file_is_in_canonical_form() {
    let project = example().unwrap();
    assert_eq!(storage::to_json(&project), EXAMPLE_JSON);
}

#[test]
fn save_load_save_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("区委绩效办 2023.json");
    let project = example().unwrap();
    storage::save(&path, &project, at(0)).unwrap();
    let first = fs::read(&path).unwrap();
    let loaded = storage::load(&path).unwrap();
    assert_eq!(loaded, project);
    storage::save(&path, &loaded, at(1)).unwrap();
    assert_eq!(fs::read(&path).unwrap(), first);
    assert!(
        storage::backups(&path).is_empty(),
        "saving the same content again makes no backup"
    );
}

#[test]
fn every_released_schema_sample_still_loads() {
    let mut count = 0;
    for entry in fs::read_dir("tests/samples").unwrap() {
        let path = entry.unwrap().path();
        let project = storage::load(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            !project.unit.name.is_empty(),
            "{} lost its unit",
            path.display()
        );
        count += 1;
    }
    // v7's and v9's samples are the example's next year, made by `juesuan next-year`: what
    // they add (carried, locked opening balances; the year's amounts blank) is in them.
    let prefix = format!("v{}-", storage::SCHEMA_VERSION);
    assert!(
        fs::read_dir("tests/samples").unwrap().any(|e| e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with(&prefix)),
        "the current schema version needs a sample file"
    );
    assert!(count >= 1);
}

#[test]
fn saving_keeps_the_previous_file_as_a_dated_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("项目.json");
    let mut project = example().unwrap();
    storage::save(&path, &project, at(0)).unwrap();
    let before = fs::read(&path).unwrap();
    project.unit.short_name = "改名后".into();
    storage::save(&path, &project, at(1)).unwrap();
    let backups = storage::backups(&path);
    assert_eq!(backups.len(), 1);
    assert_eq!(
        backups[0].file_name().unwrap().to_string_lossy(),
        "项目.json.20261201-100100.bak"
    );
    assert_eq!(fs::read(&backups[0]).unwrap(), before);
    assert_eq!(storage::load(&path).unwrap().unit.short_name, "改名后");
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn the_newest_five_backups_are_kept_and_none_is_a_duplicate() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("项目.json");
    let mut project = example().unwrap();
    let mut states = Vec::new();
    for i in 0..8 {
        project.unit.short_name = format!("第{i}版");
        storage::save(&path, &project, at(i)).unwrap();
        states.push(fs::read(&path).unwrap());
    }
    let backups = storage::backups(&path);
    assert_eq!(backups.len(), storage::BACKUPS_KEPT);
    // The backups hold versions 2 to 6, oldest first; version 7 is the file itself.
    for (backup, state) in backups.iter().zip(&states[2..7]) {
        assert_eq!(&fs::read(backup).unwrap(), state, "{}", backup.display());
    }
    // Two saves within the same second get two backups.
    project.unit.short_name = "同一秒".into();
    storage::save(&path, &project, at(7)).unwrap();
    let names: Vec<String> = storage::backups(&path)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names.last().unwrap(),
        "项目.json.20261201-100700-2.bak",
        "{names:?}"
    );
}

#[test]
fn a_failed_save_leaves_the_old_file_intact_and_says_why_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("没有这个文件夹").join("项目.json");
    let err = storage::save(&path, &Project::default(), at(0)).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("项目.json"), "{message}");
    assert!(message.contains("不存在"), "{message}");
    assert!(!message.contains("os error"), "{message}");
}

/// Writes `text` to a file, loads it, and checks that it fails and the file is unchanged.
fn load_fails(text: &str) -> (String, Problem) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("坏文件.json");
    fs::write(&path, text).unwrap();
    let err = storage::load(&path).unwrap_err();
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        text,
        "loading must not write"
    );
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "loading must not create files");
    let message = err.to_string();
    assert!(message.contains("坏文件.json"), "names the file: {message}");
    (message, err.problem)
}

#[test]
fn truncated_file_names_line_and_column() {
    let half = EXAMPLE_JSON.len() / 2;
    let end = (half..)
        .find(|&i| EXAMPLE_JSON.is_char_boundary(i))
        .unwrap();
    let cut = &EXAMPLE_JSON[..end];
    let (message, problem) = load_fails(cut);
    assert!(matches!(problem, Problem::Truncated { .. }), "{problem:?}");
    assert!(message.contains("行"), "{message}");
    assert!(message.contains("文件不完整"), "{message}");
}

#[test]
fn syntax_error_names_its_position() {
    let broken = EXAMPLE_JSON.replacen("\"format\": \"juesuan\",", "\"format\": \"juesuan\"", 1);
    let (message, problem) = load_fails(&broken);
    match problem {
        Problem::Syntax { line, .. } => assert_eq!(line, 3),
        other => panic!("expected a syntax error, got {other:?}"),
    }
    assert!(message.contains("第 3 行"), "{message}");
}

#[test]
fn a_version_1_file_is_migrated_and_keeps_its_figures() {
    let v1 = storage::load(Path::new("tests/samples/v1-example-2023.json")).unwrap();
    assert!(
        v1.revenue.by_function.is_empty(),
        "version 1 had no 表2 rows"
    );
    let mut current = example().unwrap();
    assert!(!current.revenue.by_function.is_empty());
    current.revenue.by_function.clear();
    assert_eq!(v1, current, "everything else carries over");
}

#[test]
fn newer_schema_is_refused_with_advice() {
    let current = format!("\"schema_version\": {}", storage::SCHEMA_VERSION);
    assert!(EXAMPLE_JSON.contains(&current));
    let newer = EXAMPLE_JSON.replacen(&current, "\"schema_version\": 99", 1);
    let (message, problem) = load_fails(&newer);
    assert!(matches!(problem, Problem::NewerVersion { found: 99 }));
    assert!(message.contains("更新版本"), "{message}");
}

#[test]
fn non_numeric_amount_names_the_field() {
    let bad = EXAMPLE_JSON.replacen(
        "\"general_budget\": \"226.23\"",
        "\"general_budget\": \"226.2x\"",
        1,
    );
    let (message, problem) = load_fails(&bad);
    match &problem {
        Problem::Invalid {
            field, position, ..
        } => {
            assert_eq!(
                field.as_ref().map(ToString::to_string).as_deref(),
                Some("revenue.general_budget")
            );
            assert!(position.is_some());
        }
        other => panic!("expected an invalid value, got {other:?}"),
    }
    assert!(message.contains("不是有效金额"), "{message}");
}

#[test]
fn amount_written_as_a_json_number_is_refused() {
    let bad = EXAMPLE_JSON.replacen(
        "\"general_budget\": \"226.23\"",
        "\"general_budget\": 226.23",
        1,
    );
    let (message, _) = load_fails(&bad);
    assert!(message.contains("revenue.general_budget"), "{message}");
    assert!(message.contains("金额"), "{message}");
}

#[test]
fn negative_amount_is_refused_where_not_allowed() {
    let bad = EXAMPLE_JSON.replacen("\"basic\": \"82.26\"", "\"basic\": \"-82.26\"", 1);
    let (message, problem) = load_fails(&bad);
    match problem {
        Problem::Invalid { field, .. } => assert_eq!(
            field.map(|f| f.to_string()).as_deref(),
            Some("expenditure.lines[0].basic")
        ),
        other => panic!("expected an invalid value, got {other:?}"),
    }
    assert!(message.contains("不能为负数"), "{message}");
}

#[test]
fn negative_balance_is_allowed() {
    let text = EXAMPLE_JSON.replacen("\"closing\": \"0\"", "\"closing\": \"-1.5\"", 1);
    let project = storage::from_json(&text).unwrap();
    assert!(
        project
            .balances
            .general_budget
            .closing
            .unwrap()
            .is_negative()
    );
}

#[test]
fn negative_count_is_refused() {
    let bad = EXAMPLE_JSON.replacen("\"batches\": 5", "\"batches\": -5", 1);
    let (message, _) = load_fails(&bad);
    assert!(
        message.contains("three_public.reception.domestic.batches"),
        "{message}"
    );
    assert!(message.contains("不小于 0 的整数"), "{message}");
}

#[test]
fn unknown_field_and_missing_field_are_named() {
    let unknown = EXAMPLE_JSON.replacen("\"short_name\"", "\"shortname\"", 1);
    let (message, _) = load_fails(&unknown);
    assert!(message.contains("未知字段 shortname"), "{message}");

    let missing = EXAMPLE_JSON.replacen("\"year\": 2023,", "", 1);
    let (message, _) = load_fails(&missing);
    assert!(message.contains("缺少字段 year"), "{message}");
}

#[test]
fn other_json_is_not_a_project() {
    let (message, problem) = load_fails("{\"name\": \"别的文件\"}");
    assert!(matches!(problem, Problem::NotAProject));
    assert!(message.contains("不是决算助手的项目文件"), "{message}");
}

#[test]
fn missing_file_says_so() {
    let err = storage::load(Path::new("/nonexistent/没有这个文件.json")).unwrap_err();
    assert!(err.to_string().contains("不存在"), "{err}");
}

#[test]
fn utf8_bom_from_windows_editors_is_accepted() {
    let with_bom = format!("\u{feff}{EXAMPLE_JSON}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.json");
    fs::write(&path, with_bom).unwrap();
    assert_eq!(storage::load(&path).unwrap(), example().unwrap());
}

#[test]
fn a_version_2_file_keeps_the_template_it_was_written_with() {
    let v2 = storage::load(Path::new("tests/samples/v2-example-2023.json")).unwrap();
    assert_eq!(v2.settings.template.as_deref(), Some("sichuan-2023"));
    assert!(v2.wording.is_empty() && v2.custom_template.is_none());
    // Even a 2024 project of version 2 keeps it: its document does not change on opening.
    let text = fs::read_to_string("tests/samples/v2-example-2023.json")
        .unwrap()
        .replacen("\"year\": 2023", "\"year\": 2024", 1);
    let project = storage::from_json(&text).unwrap();
    assert_eq!(project.unit.year, 2024);
    assert_eq!(project.settings.template.as_deref(), Some("sichuan-2023"));
    assert_eq!(
        juesuan::document::build_with_builtin_catalog(&project).template,
        "sichuan-2023"
    );
}

#[test]
fn meetings_training_and_purchased_services_load_from_the_v10_sample_and_a_v9_file_has_none() {
    let v10 = storage::load(Path::new("tests/samples/v10-shaanxi-2023.json")).unwrap();
    let m = &v10.meetings_training.meetings;
    assert_eq!(m.actual, Some("0.86".parse().unwrap()));
    assert_eq!((m.count, m.people), (Some(6), Some(180)));
    assert_eq!(v10.settings.template.as_deref(), Some("shaanxi-2020"));
    assert_eq!(v10.purchased_services.amount, Some("3.6".parse().unwrap()));
    let v9 = storage::load(Path::new("tests/samples/v9-next-year-2024.json")).unwrap();
    assert!(v9.meetings_training.is_empty());
    assert!(v9.purchased_services.is_empty());
}

#[test]
fn the_self_assessment_scope_and_the_fleet_load_from_the_v11_sample_and_a_v10_file_has_none() {
    let v11 = storage::load(Path::new("tests/samples/v11-national-2023.json")).unwrap();
    let pm = &v11.performance;
    assert_eq!(pm.self_assessed_projects, Some(1));
    assert_eq!(pm.self_assessed_funds, Some("59.77".parse().unwrap()));
    assert_eq!(pm.evaluated_projects, Some(1));
    assert_eq!(v11.assets.vehicles.retired_service, Some(2));
    assert_eq!(v11.assets.vehicles.other_use, "日常公务保障");
    // Entered as 0 is a 0, not "not entered".
    assert_eq!(v11.assets.equipment_over_100, Some(0));
    assert_eq!(v11.settings.template.as_deref(), Some("national"));
    assert_eq!(v11.unit.disclosure, juesuan::model::Disclosure::Unit);
    assert_eq!(v11.three_public.pre_pandemic, Some("2.5".parse().unwrap()));
    let v10 = storage::load(Path::new("tests/samples/v10-shaanxi-2023.json")).unwrap();
    assert_eq!(v10.performance.self_assessed_projects, None);
    assert_eq!(v10.performance.self_assessed_funds, None);
    assert_eq!(v10.assets.equipment_over_100, None);
    assert_eq!(v10.assets.vehicles.retired_service, Some(0));
    assert_eq!(v10.unit.disclosure, juesuan::model::Disclosure::Department);
    // Saved again, nothing not entered is written as a 0 or an empty text.
    let text = serde_json::to_string(&v10).unwrap();
    for key in [
        "self_assessed",
        "evaluated_",
        "\"equipment_over_100\"",
        "other_use",
        "disclosure",
        "pre_pandemic",
    ] {
        assert!(!text.contains(key), "{key}");
    }
}

/// Version 14: a count may be not entered (`null`), as an amount may; a count an older file
/// holds, 0 included, is kept, and the zero counts it left out are written in as 0.
#[test]
fn counts_not_entered_load_from_the_v14_sample_and_an_older_files_zeros_stay() {
    let v14 = storage::load(Path::new("tests/samples/v14-counts-not-entered-2023.json")).unwrap();
    let o = &v14.three_public.overseas;
    assert_eq!((o.groups, o.people), (None, None));
    assert_eq!(v14.three_public.vehicles.held.total(), None);
    assert_eq!(v14.assets.vehicles.leadership, None);
    assert_eq!(v14.unit.staffing[2].retired, None);
    // The kinds entered add up; none entered is not 0.
    assert_eq!(v14.assets.vehicles.total(), Some(0));
    let text = storage::to_json(&v14);
    assert!(text.contains("\"groups\": null"), "written as not entered");
    assert_eq!(storage::from_json(&text).unwrap(), v14);

    let v13 = storage::load(Path::new("tests/samples/v13-department-zhejiang-2023.json")).unwrap();
    let held = &v13.three_public.vehicles.held;
    assert!(
        [held.sedan, held.suv, held.passenger]
            .iter()
            .all(Option::is_some)
    );
    assert!(
        v13.unit
            .staffing
            .iter()
            .all(|b| b.retired.is_some() && b.veteran_retired.is_some())
    );
    assert_eq!(v13.assets.vehicles.law_enforcement, Some(0));
}

#[test]
fn project_spending_by_item_and_staff_by_post_load_from_the_v12_sample_and_a_v11_file_has_none() {
    let v12 = storage::load(Path::new("tests/samples/v12-sichuan-2024-economic.json")).unwrap();
    let items = &v12.expenditure.project_economic;
    assert_eq!(items.len(), 2);
    assert_eq!(
        (items[1].code.as_str(), items[1].name.as_str()),
        ("30227", "委托业务费")
    );
    assert_eq!(items[1].amount, Some("50".parse().unwrap()));
    assert_eq!(v12.assets.equipment_bought, Some(1));
    assert_eq!(
        v12.assets.equipment_bought_amount,
        Some("120.5".parse().unwrap())
    );
    let posts = &v12.unit.staff_by_post;
    assert_eq!(
        (posts.professional, posts.management, posts.workers),
        (Some(7), Some(2), Some(1))
    );
    let v11 = storage::load(Path::new("tests/samples/v11-national-2023.json")).unwrap();
    assert!(v11.expenditure.project_economic.is_empty());
    assert!(v11.unit.staff_by_post.is_empty());
    // Saved again, a file without them does not gain an empty list.
    let text = serde_json::to_string(&v11).unwrap();
    assert!(!text.contains("project_economic"));
    assert!(!text.contains("staff_by_post"));
    assert!(!text.contains("equipment_bought"));
}

/// Version 13: a department's members keep their own figures from the last consolidation (the
/// v13 sample: 本级 226.23, and a centre with 226.23 财政拨款 and 10 上级补助 from the 本级); the
/// v8 department, consolidated before, has none and writes none.
#[test]
fn members_figures_load_from_the_v13_sample_and_a_v8_department_has_none() {
    let v13 = storage::load(Path::new("tests/samples/v13-department-zhejiang-2023.json")).unwrap();
    let members = &v13.department.as_ref().unwrap().members;
    let wan = |s: &str| s.parse::<juesuan::money::Wan>().unwrap();
    let centre = members[1].figures.as_ref().unwrap();
    assert_eq!(centre.revenue[..2], [wan("226.23"), wan("10")]);
    assert_eq!(centre.expenditure[..2], [wan("176.46"), wan("59.77")]);
    let own = members[0].figures.as_ref().unwrap();
    assert_eq!(own.expenditure[4], wan("10"), "对附属单位补助支出");
    // And 节庆、晚会、论坛、赛事活动费, beside 会议费 and 培训费.
    let f = &v13.meetings_training.festivals;
    assert_eq!((f.actual, f.count), (Some(wan("3.5")), Some(1)));
    assert_eq!(f.content, "全区职工运动会");
    // And what went to SMEs by kind of purchase: goods entered, works not, services 0.
    let pr = &v13.procurement;
    assert_eq!(
        (pr.to_sme_goods, pr.to_sme_works, pr.to_sme_services),
        (Some(wan("2.31")), None, Some(wan("0")))
    );
    let v8 = storage::load(Path::new("tests/samples/v8-department-2023.json")).unwrap();
    let members = &v8.department.as_ref().unwrap().members;
    assert!(members.iter().all(|m| m.figures.is_none()));
    assert!(!storage::to_json(&v8).contains("\"figures\""));
}

#[test]
fn staff_by_post_loads_when_entered_and_is_not_written_when_not() {
    let mut p = juesuan::example::example().unwrap();
    assert!(!storage::to_json(&p).contains("staff_by_post"));
    p.unit.staff_by_post.management = Some(0);
    let text = storage::to_json(&p);
    assert!(text.contains("\"staff_by_post\""), "{text}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("岗位.json");
    std::fs::write(&path, &text).unwrap();
    let back = storage::load(&path).unwrap();
    // Entered as 0 is a 0; the others stay not entered.
    assert_eq!(back.unit.staff_by_post.management, Some(0));
    assert_eq!(back.unit.staff_by_post.professional, None);
}
