//! 部门汇总 (`juesuan consolidate`): a department from two units built from the example — the
//! 机关 (行政) and a 事业 unit it funds and that remits to it — whose totals are the sums less
//! the transfers inside the department, to the cent; a transfer pair that does not match is
//! named with both units and amounts; a changed member is reported, a missing one stops the
//! refresh without touching the department's file, and a unit is never counted twice.

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

mod common;

use std::path::{Path, PathBuf};

use common::juesuan;
use juesuan::consolidate::{self, Loaded, Status};
use juesuan::document::build_with_builtin_catalog;
use juesuan::document::render::{Format, render};
use juesuan::example::example;
use juesuan::model::totals::Totals;
use juesuan::model::{Project, UnitKind};
use juesuan::money::Wan;
use juesuan::storage::{self, SaveTime};

fn wan(s: &str) -> Wan {
    s.parse().unwrap()
}

/// The 机关: the example, paying its 事业 unit a 对附属单位补助支出 of 30.00 and receiving
/// 附属单位上缴收入 of 5.00.
fn agency() -> Project {
    let mut p = example().unwrap();
    p.expenditure.lines[0].subsidies = Some(wan("30.00"));
    p.revenue.from_subsidiaries = Some(wan("5.00"));
    p.meetings_training.meetings.actual = Some(wan("0.86"));
    p.meetings_training.meetings.count = Some(6);
    p.meetings_training.training.actual = Some(wan("0.30"));
    p.purchased_services.amount = Some(wan("3.60"));
    p.performance.self_assessed_projects = Some(1);
    p.performance.self_assessed_funds = Some(wan("59.77"));
    p.assets.vehicles.retired_service = Some(1);
    p.expenditure.project_economic = vec![economic("30201", "办公费", "9.77")];
    p.unit.staff_by_post.management = Some(3);
    p.assets.equipment_bought = Some(1);
    p.assets.equipment_bought_amount = Some(wan("120"));
    p
}

fn economic(code: &str, name: &str, amount: &str) -> juesuan::model::EconomicItem {
    juesuan::model::EconomicItem {
        code: code.into(),
        name: name.into(),
        amount: Some(wan(amount)),
    }
}

/// The 事业 unit: the example under another name, with 上级补助收入 30.00 from the 机关 and
/// 上缴上级支出 5.00 to it.
fn service_unit(grant: &str) -> Project {
    let mut p = example().unwrap();
    p.unit.name = "安居区目标绩效保障服务中心".to_owned();
    p.unit.short_name = "保障中心".to_owned();
    p.unit.kind = UnitKind::PublicService;
    p.revenue.higher_level_grants = Some(wan(grant));
    p.expenditure.lines[1].remitted = Some(wan("5.00"));
    p.meetings_training.training.actual = Some(wan("0.50"));
    p.performance.self_assessed_projects = Some(2);
    p.assets.vehicles.retired_service = Some(2);
    p.assets.equipment_over_100 = Some(1);
    p.expenditure.project_economic = vec![
        economic("30227", "委托业务费", "50"),
        economic("30201", "办公费", "0.23"),
    ];
    p.unit.staff_by_post.management = Some(1);
    p.unit.staff_by_post.professional = Some(8);
    p
}

fn write(dir: &Path, name: &str, p: &Project) -> PathBuf {
    let path = dir.join(name);
    storage::save(&path, p, SaveTime::from_local(2024, 5, 31, 36_000)).unwrap();
    path
}

fn loaded(path: &Path) -> Loaded {
    Loaded {
        path: path.to_owned(),
        project: storage::load(path).unwrap(),
        sha256: juesuan::bundle::sha256(&std::fs::read(path).unwrap()),
    }
}

#[test]
fn totals_are_the_sums_less_the_transfers_inside_the_department() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, b) = (agency(), service_unit("30.00"));
    a.meetings_training.festivals.actual = Some(wan("2.00"));
    a.meetings_training.festivals.count = Some(1);
    a.procurement.to_sme_goods = Some(wan("1.00"));
    let members = [
        loaded(&write(dir.path(), "机关.json", &a)),
        loaded(&write(dir.path(), "中心.json", &b)),
    ];
    let (dept, issues) =
        consolidate::new_department(&dir.path().join("部门.json"), &members).unwrap();
    assert!(issues.is_empty(), "{issues:?}");
    let (ta, tb, td) = (Totals::of(&a), Totals::of(&b), Totals::of(&dept));
    // 30.00 of grants and 5.00 of remittances are inside the department.
    let internal = wan("35.00");
    assert_eq!(
        td.revenue_this_year,
        ta.revenue_this_year + tb.revenue_this_year - internal
    );
    assert_eq!(
        td.expenditure_this_year,
        ta.expenditure_this_year + tb.expenditure_this_year - internal
    );
    assert_eq!(dept.revenue.higher_level_grants, Some(Wan::ZERO));
    assert_eq!(dept.revenue.from_subsidiaries, Some(Wan::ZERO));
    assert_eq!(td.by_nature.subsidies, Wan::ZERO);
    assert_eq!(td.by_nature.remitted, Wan::ZERO);
    assert_eq!(td.by_nature.basic, ta.by_nature.basic + tb.by_nature.basic);
    // The example's lines are all 一般公共预算; the transfers were paid from them.
    assert_eq!(
        td.general_budget_expenditure,
        ta.general_budget_expenditure + tb.general_budget_expenditure - internal
    );
    assert_eq!(
        td.three_public.actual,
        ta.three_public.actual + tb.three_public.actual
    );
    // 会议费 and 培训费 add up as the year's amounts do: blank only where every unit left it blank.
    assert_eq!(dept.meetings_training.meetings.actual, Some(wan("0.86")));
    assert_eq!(dept.meetings_training.meetings.count, Some(6));
    // Counts alike: one unit's where the other left it blank, blank where both did.
    assert_eq!(dept.meetings_training.training.count, None);
    assert_eq!(dept.meetings_training.training.actual, Some(wan("0.80")));
    assert_eq!(dept.meetings_training.training.budget, None);
    // SMEs' part by kind: the one unit's that entered it; blank where neither did.
    assert_eq!(dept.procurement.to_sme_goods, Some(wan("1.00")));
    assert_eq!(dept.procurement.to_sme_works, None);
    let festivals = &dept.meetings_training.festivals;
    assert_eq!(
        (festivals.actual, festivals.count),
        (Some(wan("2.00")), Some(1))
    );
    assert_eq!(dept.purchased_services.amount, Some(wan("3.60")));
    // The scope of the self-assessments and the equipment add up the same way; the vehicles
    // are counted whole.
    let pm = &dept.performance;
    assert_eq!(pm.self_assessed_projects, Some(3));
    assert_eq!(pm.self_assessed_funds, Some(wan("59.77")));
    assert_eq!((pm.evaluated_projects, pm.evaluated_funds), (None, None));
    assert_eq!(dept.assets.equipment_over_100, Some(1));
    assert_eq!(dept.assets.vehicles.retired_service, Some(3));
    // The year's equipment purchases: the one unit's that entered them.
    assert_eq!(dept.assets.equipment_bought, Some(1));
    assert_eq!(dept.assets.equipment_bought_amount, Some(wan("120")));
    // 在职人员 by 岗位: summed where entered; 工勤 entered by neither stays blank.
    let posts = &dept.unit.staff_by_post;
    assert_eq!(
        (posts.professional, posts.management, posts.workers),
        (Some(8), Some(4), None)
    );
    // 项目支出 by economic item: summed by code, in code order.
    assert_eq!(
        dept.expenditure.project_economic,
        [
            economic("30201", "办公费", "10.00"),
            economic("30227", "委托业务费", "50")
        ]
    );
    // 机关运行经费: the 行政 机关's only; the 事业 unit has none.
    assert_eq!(dept.running_costs.amount, a.running_costs.amount);
    assert_eq!(
        dept.three_public.reception.domestic.batches,
        a.three_public.reception.domestic.batches.map(|n| n * 2)
    );
    // Each member's own figures are kept for the tables by unit: the centre's 30.00 上级补助
    // and the 机关's 30.00 对附属单位补助, which the department's totals no longer show.
    let kept: Vec<_> = dept
        .department
        .as_ref()
        .unwrap()
        .members
        .iter()
        .map(|m| m.figures.clone().unwrap())
        .collect();
    assert_eq!(kept[0], juesuan::model::MemberFigures::of(&a, &ta));
    assert_eq!(kept[1], juesuan::model::MemberFigures::of(&b, &tb));
    assert_eq!(kept[1].revenue[1], wan("30.00"));
    assert_eq!(kept[0].expenditure[4], wan("30.00"));
    // The department's document names the unit it covers.
    let text = render(&build_with_builtin_catalog(&dept), Format::Text);
    assert!(
        text.contains("二级预算单位包括：安居区目标绩效保障服务中心"),
        "{}",
        &text[..2000.min(text.len())]
    );
}

#[test]
fn a_transfer_pair_that_does_not_match_names_both_units_and_amounts() {
    let dir = tempfile::tempdir().unwrap();
    let members = [
        loaded(&write(dir.path(), "机关.json", &agency())),
        loaded(&write(dir.path(), "中心.json", &service_unit("32.50"))),
    ];
    let (dept, issues) =
        consolidate::new_department(&dir.path().join("部门.json"), &members).unwrap();
    let issue = issues
        .iter()
        .find(|i| i.message.starts_with("内部补助不相等"))
        .unwrap();
    assert!(!issue.blocking);
    for part in [
        "中共遂宁市安居区委目标绩效管理办公室对附属单位补助支出 30.00 万元",
        "上级补助收入合计 32.50 万元（安居区目标绩效保障服务中心 32.50 万元）",
        "差额 2.50 万元",
    ] {
        assert!(issue.message.contains(part), "{}", issue.message);
    }
    // The matched 30.00 is eliminated; the 2.50 stays as the unit's 上级补助收入.
    assert_eq!(dept.revenue.higher_level_grants, Some(wan("2.50")));
}

#[test]
fn the_command_reports_changed_and_missing_members_and_refuses_a_unit_twice() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "机关.json", &agency());
    let b = write(dir.path(), "中心.json", &service_unit("30.00"));
    let dept = dir.path().join("部门.json");
    let s = |p: &Path| p.to_str().unwrap().to_owned();

    // Counted twice: refused, nothing written.
    let (code, out, err) = juesuan(&["consolidate", "--new", "-o", &s(&dept), &s(&a), &s(&a)]);
    assert_ne!(code, 0);
    assert!(out.contains("被列入两次"), "{out}");
    assert!(err.contains("未写出任何文件"), "{err}");
    assert!(!dept.exists());

    let (code, out, err) = juesuan(&["consolidate", "--new", "-o", &s(&dept), &s(&a), &s(&b)]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("本级和 1 个所属单位"), "{out}");
    // Members are kept relative to the department's file.
    let saved = storage::load(&dept).unwrap();
    let files: Vec<&str> = saved
        .department
        .as_ref()
        .unwrap()
        .members
        .iter()
        .map(|m| m.file.as_str())
        .collect();
    assert_eq!(files, ["机关.json", "中心.json"]);

    // A member changed since: reported, and the refresh takes its figures.
    let mut changed = service_unit("30.00");
    changed.revenue.other = Some(wan("1.00"));
    write(dir.path(), "中心.json", &changed);
    let (code, out, err) = juesuan(&["consolidate", &s(&dept)]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("安居区目标绩效保障服务中心（中心.json）：已读取，上次汇总后有改动"),
        "{out}"
    );
    assert_eq!(
        storage::load(&dept).unwrap().revenue.other,
        Some(wan("1.00"))
    );
    let statuses = consolidate::load_members(
        &dept,
        storage::load(&dept).unwrap().department.as_ref().unwrap(),
    );
    assert!(
        statuses
            .iter()
            .all(|(_, s)| matches!(s, Status::Loaded { changed: false, .. }))
    );

    // A member missing: reported, and the department's file is left as it was.
    std::fs::remove_file(&b).unwrap();
    let before = std::fs::read(&dept).unwrap();
    let (code, out, err) = juesuan(&["consolidate", &s(&dept)]);
    assert_ne!(code, 0);
    assert!(out.contains("中心.json）：无法读取"), "{out}");
    assert!(err.contains("部门文件未改动"), "{err}");
    assert_eq!(std::fs::read(&dept).unwrap(), before);

    // A unit's own project is not a department.
    let (code, _, err) = juesuan(&["consolidate", &s(&a)]);
    assert_ne!(code, 0);
    assert!(err.contains("不是部门汇总"), "{err}");
}

/// A department of the agency and one service unit, made by `juesuan consolidate --new` in a
/// new folder: (the folder, the service unit's file, the department's file).
fn department_of_two() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "机关.json", &agency());
    let b = write(dir.path(), "中心.json", &service_unit("30.00"));
    let dept = dir.path().join("部门.json");
    let s = |p: &Path| p.to_str().unwrap().to_owned();
    assert_eq!(
        juesuan(&["consolidate", "--new", "-o", &s(&dept), &s(&a), &s(&b)]).0,
        0
    );
    (dir, b, dept)
}

#[test]
fn the_departments_workbook_has_its_figures_by_member() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let (dir, _, dept) = department_of_two();
    let book = dir.path().join("部门公开表.xlsx");
    let s = |p: &Path| p.to_str().unwrap().to_owned();
    let (code, out, err) = juesuan(&["xlsx", &s(&dept), "-o", &s(&book)]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("张表"), "{out}");
    let mut wb: Xlsx<_> = open_workbook(&book).unwrap();
    let sheet = wb.worksheet_range("分单位汇总表").unwrap();
    let rows: Vec<Vec<Data>> = sheet.rows().map(<[Data]>::to_vec).collect();
    let text = |d: &Data| d.to_string();
    let header = rows
        .iter()
        .find(|r| r.first().map(text).as_deref() == Some("项目"))
        .unwrap();
    assert_eq!(
        header.iter().map(text).collect::<Vec<_>>(),
        [
            "项目",
            "中共遂宁市安居区委目标绩效管理办公室",
            "安居区目标绩效保障服务中心",
            "汇总调整",
            "部门合计"
        ]
    );
    let revenue = rows
        .iter()
        .find(|r| r.first().map(text).as_deref() == Some("本年收入合计"))
        .unwrap();
    // Amounts are numbers, read back as written: 231.23 + 256.23 − 35.00 (the transfers).
    let number = |d: &Data| match d {
        Data::Float(f) => wan(&f.to_string()),
        other => panic!("{other:?} is not a number"),
    };
    assert_eq!(number(&revenue[1]), wan("231.23"));
    assert_eq!(number(&revenue[2]), wan("256.23"));
    assert_eq!(number(&revenue[3]), wan("-35.00"));
    assert_eq!(number(&revenue[4]), wan("452.46"));
    let running = rows
        .iter()
        .find(|r| r.first().map(text).as_deref() == Some("机关运行经费"))
        .unwrap();
    assert!(text(&running[2]).contains("不计入"));
}

#[test]
fn the_departments_bundle_has_the_figures_by_member_too() {
    use calamine::{Reader, Xlsx, open_workbook};
    let (dir, b, dept) = department_of_two();
    let out = dir.path().join("文件包");
    let s = |p: &Path| p.to_str().unwrap().to_owned();
    let (code, _, err) = juesuan(&["bundle", &s(&dept), "-o", &s(&out)]);
    assert_eq!(code, 0, "{err}");
    let book = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with("公开表.xlsx"))
        .unwrap();
    let wb: Xlsx<_> = open_workbook(&book).unwrap();
    assert!(
        wb.sheet_names().iter().any(|n| n == "分单位汇总表"),
        "{:?}",
        wb.sheet_names()
    );

    // A member's file gone: the bundle is still made, without the sheet, and says so.
    std::fs::remove_file(&b).unwrap();
    let again = dir.path().join("文件包2");
    let (code, stdout, err) = juesuan(&["bundle", &s(&dept), "-o", &s(&again)]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("分单位汇总表未生成"), "{stdout}");
}
