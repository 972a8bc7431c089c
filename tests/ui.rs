//! The real application driven through its accessibility tree (egui_kittest): tabs, typing,
//! bad input, findings, undo, files.

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

mod common;

use std::path::PathBuf;

use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use juesuan::model::totals::Totals;
use juesuan::model::{PriorFigure, RevenueLineField};
use juesuan::money::Wan;
use juesuan::ui::files::AppFiles;
use juesuan::ui::{Command, Tab};
use juesuan::ui::{JuesuanApp, Startup};

fn wan(s: &str) -> Wan {
    s.parse().unwrap()
}

fn harness(dir: &std::path::Path) -> Harness<'static, JuesuanApp> {
    harness_on(dir, None)
}

/// The app with its files in `dir`, opened on `file` (or on the example).
fn harness_on(dir: &std::path::Path, file: Option<PathBuf>) -> Harness<'static, JuesuanApp> {
    let files = AppFiles::in_dir(dir);
    Harness::builder()
        .with_size(Vec2::new(1366.0, 768.0))
        // The app's own theme (kittest's default is dark).
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| {
            JuesuanApp::new(
                &cc.egui_ctx,
                Startup {
                    file,
                    files,
                    native_dialogs: false,
                },
            )
        })
}

/// `project` saved as `name` in `dir`, and the app (its files in `dir`) opened on that file.
fn harness_on_saved(
    dir: &std::path::Path,
    name: &str,
    project: &juesuan::model::Project,
) -> (Harness<'static, JuesuanApp>, PathBuf) {
    let path = dir.join(name);
    juesuan::storage::save(
        &path,
        project,
        juesuan::storage::SaveTime::from_local(2026, 12, 1, 0),
    )
    .unwrap();
    (harness_on(dir, Some(path.clone())), path)
}

/// Clicks the finding labelled `finding` and checks that the app shows `tab`, highlights `path`
/// and focuses the field labelled `field`.
fn lands_on(h: &mut Harness<'_, JuesuanApp>, finding: &str, (tab, path): (Tab, &str), field: &str) {
    h.get_by_label(finding).click();
    h.run();
    assert_eq!(h.state().tab(), tab);
    assert_eq!(
        h.state().highlight().map(ToString::to_string).as_deref(),
        Some(path)
    );
    assert!(h.get_by_label(field).is_focused(), "{field} has the focus");
}

fn go(h: &mut Harness<'_, JuesuanApp>, tab: &str) {
    h.get_by_label(tab).click();
    h.run();
}

/// Whether 其他收入 is still the example's zero (what a refused or unfinished entry leaves).
fn other_revenue_is_zero(h: &Harness<'_, JuesuanApp>) -> bool {
    h.state().session().project.revenue.other == Some(Wan::ZERO)
}

/// Replaces the text of the field labelled `label` with `text`.
fn type_into(h: &mut Harness<'_, JuesuanApp>, label: &str, text: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

#[test]
fn opens_on_the_example_and_visits_every_tab() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    assert_eq!(h.state().session().project.unit.short_name, "区委绩效办");
    assert!(h.state().window_title().contains("区委绩效办 2023年度"));
    for tab in Tab::ALL {
        go(&mut h, tab.label());
        assert_eq!(h.state().tab(), tab, "clicking {}", tab.label());
    }
}

#[test]
fn typing_an_amount_updates_total_chart_and_findings_and_undo_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    go(&mut h, "收入");
    let before = h.state().session().findings.len();
    type_into(&mut h, "其他收入", "1,000.5");
    let session = h.state().session();
    assert_eq!(session.project.revenue.other, Some(wan("1000.5")));
    assert_eq!(
        Totals::of(&session.project).revenue_this_year,
        wan("1226.73")
    );
    let chart = juesuan::ui::charts::find(&session.charts, 2).unwrap();
    match &chart.kind {
        juesuan::document::ChartKind::Pie { slices } => {
            let other = slices.iter().find(|s| s.label == "其他收入").unwrap();
            assert_eq!(other.value, wan("1000.5"));
        }
        other => panic!("{other:?}"),
    }
    let codes: Vec<&str> = session.findings.iter().map(|f| f.code).collect();
    assert!(codes.contains(&"JS-101"), "收支不平 now: {codes:?}");
    assert!(session.findings.len() > before);
    assert!(h.state().window_title().contains('●'), "unsaved mark");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(other_revenue_is_zero(&h), "undo restores");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(
        h.state().session().project.revenue.other,
        Some(wan("1000.5")),
        "redo"
    );
}

#[test]
fn table_2_rows_are_edited_checked_removed_and_drafted_in_the_revenue_tab() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    go(&mut h, "收入");
    let codes = |h: &Harness<'_, JuesuanApp>| -> Vec<&'static str> {
        h.state()
            .session()
            .findings
            .iter()
            .map(|f| f.code)
            .collect()
    };
    assert!(!codes(&h).contains(&"JS-115"));

    // 表2 is at the foot of the tab and lays out only the rows in view: scroll to it first.
    h.get_by_label("表2“编码”列").scroll_to_me();
    h.run();
    type_into(&mut h, "收入第1行财政拨款收入", "80");
    let rows = &h.state().session().project.revenue.by_function;
    assert_eq!(rows[0].appropriation, Some(wan("80")));
    assert!(codes(&h).contains(&"JS-115"), "{:?}", codes(&h));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(!codes(&h).contains(&"JS-115"), "undo restores 82.26");

    // A finding about a row lands on that row's cell, below the fold of the tab.
    type_into(&mut h, "收入第2行科目编码", "20131");
    go(&mut h, "单位概况");
    lands_on(
        &mut h,
        "【警告】JS-116 收入决算表的功能分类科目编码有误或无名称",
        (Tab::Revenue, "revenue.by_function[1].code"),
        "收入第2行科目编码",
    );
    let rect = h.get_by_label("收入第2行科目编码").rect();
    assert!(
        rect.min.y >= 0.0 && rect.max.y <= 768.0,
        "scrolled into view: {rect:?}"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(!codes(&h).contains(&"JS-116"));

    // Generating never overwrites typed rows: the button waits for an empty table.
    type_into(&mut h, "收入第1行财政拨款收入", "80");
    h.get_by_label("按支出科目生成").click();
    h.run();
    let rows = &h.state().session().project.revenue.by_function;
    assert_eq!(rows[0].appropriation, Some(wan("80")), "typed rows stay");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let count = h.state().session().project.revenue.by_function.len();
    for _ in 0..count {
        h.get_by_label("删除第 1 行科目").scroll_to_me();
        h.run();
        h.get_by_label("删除第 1 行科目").click();
        h.run();
    }
    assert!(h.state().session().project.revenue.by_function.is_empty());
    assert!(codes(&h).contains(&"JS-117"), "表2 has only its 合计 now");

    h.get_by_label("按支出科目生成").click();
    h.run();
    let project = &h.state().session().project;
    assert_eq!(
        project.revenue.by_function,
        juesuan::model::RevenueLine::draft_from(&project.expenditure.lines)
    );
    assert_eq!(project.revenue.by_function.len(), count);
    assert!(!codes(&h).contains(&"JS-117") && !codes(&h).contains(&"JS-115"));
}

#[test]
fn a_bad_amount_shows_a_message_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    go(&mut h, "收入");
    let row_width = h.get_by_label("其他收入").rect().right();
    type_into(&mut h, "其他收入", "12a");
    assert!(other_revenue_is_zero(&h));
    assert!(!h.state().session().can_undo(), "nothing was recorded");
    // The message is under the box, where the clerk looks, and the row does not widen (the
    // charts beside the form stay where they are).
    let message = h.get_by_label_contains("不是有效金额").rect();
    let field = h.get_by_label("其他收入").rect();
    assert!(
        message.top() >= field.bottom(),
        "{message:?} under {field:?}"
    );
    assert!(
        (message.left() - field.left()).abs() < 2.0,
        "{message:?} under {field:?}"
    );
    assert_eq!(h.get_by_label("其他收入").rect().right(), row_width);
    // Full-width digits and a unit are accepted.
    type_into(&mut h, "其他收入", "１２万元");
    assert_eq!(h.state().session().project.revenue.other, Some(wan("12")));
}

#[test]
fn a_label_longer_than_the_label_column_wraps_and_its_box_stays_in_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    go(&mut h, "三公与运行经费");
    let long = "节庆、晚会、论坛、赛事活动费预算数";
    h.get_by_label(long).scroll_to_me();
    h.run();
    let short = h.get_by_label("会议费预算数").rect();
    let festivals = h.get_by_label(long).rect();
    // The box is where every other row's box is, not pushed right by its label.
    assert_eq!(
        festivals.left(),
        short.left(),
        "{festivals:?} under {short:?}"
    );
    let count = h.get_by_label("举办节庆、晚会、论坛、赛事活动次数").rect();
    assert_eq!(count.left(), h.get_by_label("召开会议次数").rect().left());
    // And it is still the field the label names: typing there enters 节庆 费预算数.
    type_into(&mut h, long, "3.5");
    h.run();
    let festivals = &h.state().session().project.meetings_training.festivals;
    assert_eq!(festivals.budget, Some(wan("3.5")));
}

#[test]
fn enter_finishes_a_figure_and_goes_on_to_the_next_box() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    go(&mut h, "收入");
    type_into(&mut h, "事业收入", "3");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state().session().project.revenue.operations,
        Some(wan("3"))
    );
    // The next box down has the focus: typing goes on there.
    assert!(h.get_by_label("经营收入").is_focused());
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("经营收入").type_text("2");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().session().project.revenue.business, Some(wan("2")));
    // A text that is not an amount keeps the focus, to be put right, with the message under it.
    type_into(&mut h, "附属单位上缴收入", "2a");
    h.key_press(Key::Enter);
    h.run();
    assert!(h.query_by_label_contains("不是有效金额").is_some());
    assert!(h.get_by_label("附属单位上缴收入").is_focused());
    h.key_press(Key::Backspace);
    h.key_press(Key::Enter);
    h.run();
    let p = &h.state().session().project;
    assert_eq!(p.revenue.from_subsidiaries, Some(wan("2")));
    assert!(h.get_by_label("其他收入").is_focused());

    // A box below the foot of the view is scrolled into it as Enter comes to it.
    go(&mut h, "三公与运行经费");
    let last = "上年公务用车运行维护费";
    h.get_by_label(last).click();
    h.run();
    h.get_by_label(last).type_text("1.5");
    for _ in 0..3 {
        h.key_press(Key::Enter);
        h.run();
    }
    let focused = h.get_by_label("年末公务用车：载客汽车（辆）");
    assert!(focused.is_focused());
    let view = h.ctx.content_rect();
    assert!(
        focused.rect().bottom() < view.bottom() - 20.0,
        "{:?} in {view:?}",
        focused.rect()
    );

    // Text boxes go down too: a code typed, then the next line's code.
    go(&mut h, "支出");
    h.get_by_label("第1行科目编码").click();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(h.get_by_label("第2行科目编码").is_focused());
    assert_eq!(
        h.state().session().project.expenditure.lines[0].code,
        "2013101",
        "Enter changes nothing it did not type"
    );
}

#[test]
fn clicking_a_finding_lands_on_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    lands_on(
        &mut h,
        "【警告】JS-505 绩效指标未填写完成值",
        (Tab::Performance, "projects[0].indicators[0].actual"),
        "第1个指标完成值",
    );
    // Filling it in removes it from that finding.
    h.get_by_label("第1个指标完成值").type_text("2");
    h.run();
    let f = h
        .state()
        .session()
        .findings
        .iter()
        .find(|f| f.code == "JS-505")
        .unwrap();
    assert_eq!(f.fields.len(), 12);
}

#[test]
fn save_and_reopen_through_the_apps_commands() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    go(&mut h, "收入");
    type_into(&mut h, "其他收入", "3.5");
    let path = dir.path().join("我的 项目.json");
    h.state_mut().apply(Command::SaveTo(path.clone()));
    assert!(h.state().error_message().is_none());
    h.run();
    assert!(!h.state().window_title().contains('●'));
    let saved = h.state().session().project.clone();

    h.state_mut().apply(Command::CreateProject {
        year: 2024,
        template: None,
    });
    h.run();
    assert_ne!(h.state().session().project, saved);
    h.state_mut().apply(Command::Open(Some(path.clone())));
    h.run();
    assert_eq!(h.state().session().project, saved);
    assert!(h.state().window_title().starts_with("我的 项目.json"));

    // A bad file is refused with a Chinese message, and the open project stays.
    let bad = dir.path().join("坏.json");
    std::fs::write(&bad, "{").unwrap();
    h.state_mut().apply(Command::Open(Some(bad.clone())));
    h.run();
    assert!(h.state().error_message().unwrap().contains("坏.json"));
    assert_eq!(h.state().session().project, saved);
    assert_eq!(std::fs::read_to_string(&bad).unwrap(), "{");
}

#[test]
fn the_code_picker_finds_a_line_by_pinyin() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    go(&mut h, "支出");
    h.get_by_label("添加科目").click();
    h.run();
    let n = h.state().session().project.expenditure.lines.len();
    h.get_all_by_label("选择…").last().unwrap().click();
    h.run();
    h.get_by_label("搜索科目").type_text("zfgjj");
    h.run();
    h.get_by_label("2210201 住房公积金（住房保障支出 / 住房改革支出）")
        .click();
    h.run();
    assert_eq!(
        h.state().session().project.expenditure.lines[n - 1].code,
        "2210201"
    );
    let codes: Vec<&str> = h
        .state()
        .session()
        .findings
        .iter()
        .map(|f| f.code)
        .collect();
    assert!(
        codes.contains(&"JS-209"),
        "the same code twice is flagged: {codes:?}"
    );
}

#[test]
fn snapshot_of_the_revenue_tab_with_its_charts() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    go(&mut h, "收入");
    h.snapshot("revenue_tab");
}

#[test]
fn the_preview_shows_the_pdfs_pages_and_exports_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    h.state_mut().apply(Command::ShowPreview);
    let pages = h.state_mut().preview_pages().unwrap();
    h.run();
    assert_eq!(h.state().tab(), Tab::Document);
    h.get_by_label("导出PDF…");
    h.get_by_label_contains(&format!("/ {} 页", pages.count()));
    h.get_by_label("下一页").click();
    h.run();
    h.get_by_label_contains(&format!("第 2 / {} 页", pages.count()));

    let path = dir.path().join("导出 测试.pdf");
    h.state_mut().apply(Command::ExportPdfTo(path.clone()));
    assert!(h.state().error_message().is_none());
    let pdf = std::fs::read(&path).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let info = std::process::Command::new("pdfinfo")
        .arg(&path)
        .output()
        .unwrap();
    let info = String::from_utf8(info.stdout).unwrap();
    assert!(
        info.contains(&format!("Pages:           {}", pages.count())),
        "{info}"
    );
}

#[test]
fn a_finding_on_a_far_line_of_a_large_project_scrolls_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = harness_on_saved(
        dir.path(),
        "大项目.json",
        &juesuan::example::scaled_example(50).unwrap(),
    );
    h.run();
    let far = h
        .state()
        .session()
        .findings
        .iter()
        .rev()
        .find(|f| f.code == "JS-209")
        .unwrap()
        .fields[0]
        .clone();
    assert_eq!(far.to_string(), "expenditure.lines[449].code");
    h.state_mut().apply(Command::JumpTo(far.clone()));
    h.run();
    assert_eq!(h.state().tab(), Tab::Expenditure);
    let rows: Vec<String> = h
        .query_all_by(|n| n.label().is_some_and(|l| l.ends_with("行科目编码")))
        .map(|n| n.accesskit_node().label().unwrap_or_default().to_string())
        .collect();
    let target = h.query_by_label("第450行科目编码");
    assert!(
        target.is_some_and(|n| n.is_focused()),
        "rows in view: {rows:?}"
    );

    // 450 rows down, the headings are still above the rows, each over its column.
    let bounds = |label: &str| {
        h.get_by_label(label)
            .accesskit_node()
            .bounding_box()
            .unwrap()
    };
    let row = bounds("第450行年初预算数");
    for (heading, field) in [
        ("“年初预算数”列", "第450行年初预算数"),
        ("“全年预算数”列", "第450行预算数"),
        ("“基本支出”列", "第450行基本支出"),
    ] {
        let (heading, field) = (bounds(heading), bounds(field));
        assert!(heading.y1 <= row.y0, "{heading:?} above {row:?}");
        assert!(
            (heading.x0 - field.x0).abs() < 1.0,
            "{heading:?} over {field:?}"
        );
    }
}

#[test]
fn table_2s_headings_stay_at_the_top_of_the_view_over_its_far_rows() {
    let dir = tempfile::tempdir().unwrap();
    let project = juesuan::example::scaled_example(50).unwrap();
    let rows = project.revenue.by_function.len();
    assert!(rows > 200, "{rows} rows");
    let (mut h, _) = harness_on_saved(dir.path(), "大项目.json", &project);
    h.run();
    go(&mut h, "收入");
    assert!(
        h.query_by_label("表2表头").is_none(),
        "no copy while the headings themselves are in view or below it"
    );
    let far = juesuan::model::FieldPath::revenue_line(rows - 10, RevenueLineField::Code);
    h.state_mut().apply(Command::JumpTo(far));
    // The tab scrolls there over a few frames.
    h.run_steps(10);
    let bounds = |h: &Harness<'_, JuesuanApp>, label: &str| {
        h.get_by_label(label)
            .accesskit_node()
            .bounding_box()
            .unwrap()
    };
    let field = bounds(&h, &format!("收入第{}行科目编码", rows - 9));
    let band = bounds(&h, "表2表头");
    let headings = bounds(&h, "表2“编码”列");
    // The headings themselves are far above; their copy is at the top of the view, above
    // the row and as far left as the row's first column.
    assert!(
        headings.y1 < band.y0,
        "{headings:?} scrolled away above {band:?}"
    );
    assert!(band.y1 <= field.y0, "{band:?} above {field:?}");
    assert!((band.x0 - field.x0).abs() < 1.0, "{band:?} from {field:?}");
    assert!(band.x1 > field.x1, "{band:?} across {field:?}");
}

/// Text of a PDF by poppler's pdftotext.
fn pdf_text(path: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_half_typed_amount_is_never_saved_and_esc_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = harness_on_saved(
        dir.path(),
        "项目.json",
        &juesuan::example::example().unwrap(),
    );
    h.run();
    go(&mut h, "收入");
    // Typed key by key: while the text is a number, the totals follow it…
    type_into(&mut h, "其他收入", "226.23");
    assert_eq!(
        h.state().session().project.revenue.other,
        Some(wan("226.23"))
    );
    // …and when it stops being one, the model goes back to the value last finished (0).
    h.get_by_label("其他收入").type_text("x");
    h.run();
    assert!(other_revenue_is_zero(&h));
    h.get_by_label_contains("不是有效金额");
    assert_eq!(h.state().unfinished_fields().len(), 1);
    h.get_by_label_contains("1 个栏目的输入有误");

    // Saving is refused and names the field; the file keeps the previous value.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let message = h.state().error_message().unwrap().to_owned();
    assert!(
        message.contains("其他收入") && message.contains("226.23x"),
        "{message}"
    );
    let on_disk = juesuan::storage::load(&path).unwrap();
    assert!(
        on_disk.revenue.other.unwrap_or_default().is_zero(),
        "nothing half-typed reached the disk"
    );
    h.get_by_label("确定").click();
    h.run();

    // Esc in the field restores the model's value and clears the mark.
    h.get_by_label("其他收入").click();
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().unfinished_fields().is_empty());
    assert!(h.get_by_label("其他收入").value().is_some_and(|v| v == "0"));
    assert!(h.query_by_label_contains("不是有效金额").is_none());

    // Other forms that used to be cut short are refused whole: 1e5, 1000abc, 1,23.
    for bad in ["1e5", "1000abc", "1,23"] {
        type_into(&mut h, "其他收入", bad);
        assert!(other_revenue_is_zero(&h), "{bad} must not enter the model");
        h.key_press(Key::Escape);
        h.run();
    }
}

#[test]
fn the_preview_of_a_new_project_is_not_the_previous_projects() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    h.state_mut().apply(Command::ShowPreview);
    let example_pages = h.state_mut().preview_pages().unwrap();
    h.run();
    let first = dir.path().join("示例.pdf");
    h.state_mut().apply(Command::ExportPdfTo(first.clone()));
    let unit = "中共遂宁市安居区委目标绩效管理办公室";
    assert!(pdf_text(&first).contains(unit));

    // 新建 while the preview shows: the next frame starts laying out the new project.
    h.state_mut().apply(Command::CreateProject {
        year: 2024,
        template: None,
    });
    h.step();
    h.state_mut().apply(Command::ShowPreview);
    let new_pages = h.state_mut().preview_pages().unwrap();
    h.run();
    assert!(!std::sync::Arc::ptr_eq(&example_pages, &new_pages));
    let second = dir.path().join("新建.pdf");
    h.state_mut().apply(Command::ExportPdfTo(second.clone()));
    assert!(
        !pdf_text(&second).contains(unit),
        "the new project's PDF must not name the example's unit"
    );
}

#[test]
fn a_recovery_copy_survives_closing_the_prompt_and_is_recovered_once() {
    let dir = tempfile::tempdir().unwrap();
    let files = AppFiles::in_dir(dir.path());
    let mut unsaved = juesuan::example::example().unwrap();
    unsaved.unit.short_name = "未保存的修改".into();
    {
        // A run that dies with unsaved work: its slot's lock goes with it, the copy stays.
        let slot = files.claim_slot(4242).unwrap();
        let info = juesuan::ui::files::Recovery {
            original: None,
            written_unix: 1,
        };
        slot.write(&unsaved, &info).unwrap();
    }
    {
        let mut h = harness(dir.path());
        h.run();
        assert!(h.state().recovery_offered());
        // The window is closed while the prompt shows: nothing is deleted.
    }
    let mut h = harness(dir.path());
    h.run();
    assert!(h.state().recovery_offered(), "offered again");
    h.get_by_label("恢复").click();
    h.run();
    assert!(!h.state().recovery_offered());
    assert_eq!(h.state().session().project, unsaved);
    assert!(
        h.state().session().is_dirty(),
        "recovered work is unsaved work"
    );
    // The old copy is gone; this instance's own slot holds the work now, so a third start
    // (while this one runs) is offered nothing.
    let third = harness(dir.path());
    assert!(!third.state().recovery_offered());
}

#[test]
fn a_list_of_commands_is_applied_without_a_window() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = egui::Context::default();
    let mut app = JuesuanApp::new(
        &ctx,
        Startup {
            file: None,
            files: AppFiles::in_dir(dir.path()),
            native_dialogs: false,
        },
    );
    let path = dir.path().join("命令.json");
    app.session_mut().project.revenue.other = Some(wan("7"));
    app.session_mut()
        .commit_edit(&juesuan::model::FieldPath::revenue(
            juesuan::model::RevenueItem::Other,
        ));
    for command in [
        Command::SaveTo(path.clone()),
        Command::CreateProject {
            year: 2024,
            template: None,
        },
        Command::Open(Some(path.clone())),
        Command::JumpTo(juesuan::model::FieldPath::control_total(
            juesuan::model::ControlTotal::ThreePublic,
        )),
    ] {
        app.send(command);
    }
    app.apply_queued();
    assert!(app.error_message().is_none(), "{:?}", app.error_message());
    assert_eq!(
        app.session().project.revenue.other,
        Some(wan("7")),
        "saved and reopened"
    );
    assert_eq!(app.tab(), Tab::ThreePublic);
    app.apply(Command::JumpTo(juesuan::model::FieldPath::setting(
        juesuan::model::SettingField::ShareRounding,
    )));
    assert!(
        app.settings_shown(),
        "a setting is edited in the settings dialog"
    );
    // 新建 with unsaved work asks first; 不保存 goes on.
    app.apply(Command::CloseDialog);
    app.session_mut().project.revenue.other = Some(wan("8"));
    app.session_mut()
        .commit_edit(&juesuan::model::FieldPath::revenue(
            juesuan::model::RevenueItem::Other,
        ));
    app.apply(Command::CreateProject {
        year: 2024,
        template: None,
    });
    assert_eq!(
        app.session().project.revenue.other,
        Some(wan("8")),
        "not yet"
    );
    app.apply(Command::DiscardThenContinue);
    assert!(
        app.session()
            .project
            .revenue
            .other
            .unwrap_or_default()
            .is_zero()
    );
}

#[test]
fn the_template_is_chosen_and_a_paragraph_rewritten_in_the_document_tab() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    go(&mut h, "情况说明");
    // Choosing a template re-lays the document with the same figures.
    h.get_by_label("文档模板").click();
    h.run();
    h.get_by_label("财政部部门决算公开格式（九张表）").click();
    h.run();
    assert_eq!(h.state().session().document().template, "national");
    assert!(h.state().session().can_undo());
    h.state_mut().apply(Command::Undo);
    h.run();
    assert_eq!(h.state().session().document().template, "sichuan-2023");

    // Click a paragraph: the editor opens on it with its figures named.
    h.get_by_label_contains("年度收、支总计均为226.23万元")
        .scroll_to_me();
    h.run();
    h.get_by_label_contains("年度收、支总计均为226.23万元")
        .click();
    h.run();
    assert_eq!(h.state().editing(), Some("收支总计"));
    h.get_by_label("取消").click();
    h.run();
    assert_eq!(h.state().editing(), None);
    assert!(h.state().session().project.wording.is_empty());

    // Rewrite it: the new sentence states the figures, and follows them.
    h.state_mut()
        .apply(Command::EditParagraph("收支总计".to_owned()));
    h.run();
    type_into(&mut h, "改写段落“收支总计”", "本年收支总计{{ 收入总计 }}。");
    // The preview under the editor already states the amount.
    assert!(
        h.query_by_label_contains("本年收支总计226.23万元")
            .is_some()
    );
    h.get_by_label("应用").scroll_to_me();
    h.run();
    h.get_by_label("应用").click();
    h.run();
    assert_eq!(h.state().editing(), None);
    assert_eq!(h.state().session().project.wording.len(), 1);
    let text = juesuan::document::render::render(
        h.state().session().document(),
        juesuan::document::render::Format::Text,
    );
    assert!(text.contains("本年收支总计226.23万元。"), "{text}");
    assert!(
        h.query_by_label_contains("本年收支总计226.23万元")
            .is_some()
    );
    // 恢复模板原文.
    h.get_by_label_contains("本年收支总计226.23万元")
        .scroll_to_me();
    h.run();
    h.get_by_label_contains("本年收支总计226.23万元").click();
    h.run();
    h.get_by_label("恢复模板原文").scroll_to_me();
    h.run();
    h.get_by_label("恢复模板原文").click();
    h.run();
    assert!(h.state().session().project.wording.is_empty());
    assert!(
        h.query_by_label_contains("年度收、支总计均为226.23万元")
            .is_some()
    );
}

#[test]
fn a_template_file_is_imported_and_a_bad_one_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    let national = juesuan::template::builtin_by_id("national").unwrap();
    let good = dir.path().join("县模板.toml");
    std::fs::write(
        &good,
        national
            .text
            .replace("id = \"national\"", "id = \"county-2024\"")
            .replace(
                "name = \"财政部部门决算公开格式（九张表）\"",
                "name = \"某县统一模板\"",
            ),
    )
    .unwrap();
    let bad = dir.path().join("坏.toml");
    std::fs::write(&bad, "id = \"x\"\nname = [").unwrap();
    let before = h.state().session().project.clone();
    h.state_mut().apply(Command::ImportTemplate(Some(bad)));
    h.run();
    assert!(h.state().error_message().unwrap().contains("坏.toml"));
    assert_eq!(h.state().session().project, before);
    h.state_mut().apply(Command::CloseDialog);
    h.state_mut().apply(Command::ImportTemplate(Some(good)));
    h.run();
    assert!(h.state().error_message().is_none());
    assert_eq!(h.state().session().document().template, "county-2024");
    go(&mut h, "情况说明");
    h.get_by_label("文档模板").click();
    h.run();
    assert!(h.query_by_label("某县统一模板（导入）").is_some());
}

#[test]
fn a_new_project_is_made_for_the_year_and_template_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    h.state_mut().apply(Command::New);
    h.run();
    // A year that is not one: 创建 stays disabled and nothing changes.
    type_into(&mut h, "决算年度：", "20x4");
    assert!(h.query_by_label_contains("不是有效的年度").is_some());
    h.get_by_label("创建").click();
    h.run();
    assert_eq!(h.state().session().project.unit.short_name, "区委绩效办");
    type_into(&mut h, "决算年度：", "2024");
    h.get_by_label("文档模板").click();
    h.run();
    h.get_by_label("云南省2024年度部门决算公开").click();
    h.run();
    h.get_by_label("创建").click();
    h.run();
    let project = &h.state().session().project;
    assert_eq!(project.unit.year, 2024);
    assert_eq!(project.settings.template.as_deref(), Some("yunnan-2024"));
    assert_eq!(h.state().session().document().template, "yunnan-2024");
}

#[test]
fn a_missing_glossary_definition_is_written_in_the_document_tab() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    let session = h.state_mut().session_mut();
    session.project.expenditure.lines[0].code = "2089998".into();
    session.project.expenditure.lines[0].names = Some(juesuan::model::ClassNames {
        class: "社会保障和就业支出".into(),
        section: "其他社会保障和就业支出".into(),
        item: "某项试点支出".into(),
    });
    session.commit_edit(&juesuan::model::FieldPath::expenditure_line(
        0,
        juesuan::model::LineField::Code,
    ));
    h.run();
    assert!(
        h.state()
            .session()
            .findings
            .iter()
            .any(|f| f.code == "WD-105")
    );
    go(&mut h, "情况说明");
    let label = h
        .get_by_label_contains("某项试点支出（项）（缺少解释）")
        .accesskit_node()
        .label()
        .unwrap()
        .to_string();
    type_into(&mut h, &label, "反映某项试点工作的支出。");
    assert!(
        !h.state()
            .session()
            .findings
            .iter()
            .any(|f| f.code == "WD-105")
    );
    let text = juesuan::document::render::render(
        h.state().session().document(),
        juesuan::document::render::Format::Text,
    );
    assert!(text.contains("某项试点支出（项）：反映某项试点工作的支出。"));
}

#[test]
fn last_years_sources_and_a_lines_prior_figure_are_typed_where_their_figures_are() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    go(&mut h, "收入");
    let more = "更多上年数（文档比较本年收入或各项收入时填写）";
    h.get_by_label(more).scroll_to_me();
    h.run();
    h.get_by_label(more).click();
    h.run();
    h.run();
    type_into(&mut h, "上年事业收入", "12.5");
    let prior = &h.state().session().project.prior_year;
    assert_eq!(prior.get(PriorFigure::Operations), Some(wan("12.5")));
    // Emptied, it is not entered again (not zero).
    type_into(&mut h, "上年事业收入", "");
    h.key_press(Key::Backspace);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let prior = &h.state().session().project.prior_year;
    assert_eq!(prior.get(PriorFigure::Operations), None);

    go(&mut h, "支出");
    type_into(&mut h, "第1行上年决算数", "75");
    type_into(&mut h, "第1行年初预算数", "90");
    h.key_press(Key::Enter);
    h.run();
    let line = &h.state().session().project.expenditure.lines[0];
    assert_eq!(line.prior, Some(wan("75")));
    assert_eq!(line.initial_budget, Some(wan("90")));
}

#[test]
fn every_prior_year_figure_has_a_field_in_the_tab_its_path_names() {
    use juesuan::model::FieldPath;
    use juesuan::ui::tab::Place;
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    for figure in PriorFigure::ALL {
        let Place::Tab(tab) = Tab::of(&FieldPath::prior_year(*figure)) else {
            panic!("{figure:?} is not in a tab");
        };
        go(&mut h, tab.label());
        for more in [
            "更多上年数（文档比较本年收入或各项收入时填写）",
            "更多上年数（文档比较本年支出、各项支出或各项资金时填写）",
        ] {
            if h.query_by_label(more).is_some() && h.query_by_label(figure.label()).is_none() {
                h.get_by_label(more).scroll_to_me();
                h.run();
                h.get_by_label(more).click();
                h.run();
                h.run();
            }
        }
        assert!(
            h.query_by_label(figure.label()).is_some(),
            "{} is not in {}",
            figure.label(),
            tab.label()
        );
    }
}

#[test]
fn figures_are_previewed_then_imported_as_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    let original = h.state().session().project.clone();
    // The example's own tables, exported, then a figure changed in the window.
    let book = dir.path().join("公开表.xlsx");
    h.state_mut()
        .apply(Command::ExportTables(Some(book.clone())));
    let mut changed = original.clone();
    changed.expenditure.lines[0].basic = Some("1".parse().unwrap());
    h.state_mut().session_mut().replace(
        changed.clone(),
        &juesuan::model::FieldPath::expenditure(juesuan::model::ExpenditureField::Lines),
    );
    h.run();
    h.state_mut().apply(Command::ImportFigures(Some(book)));
    h.run();
    assert_eq!(
        h.state().session().project,
        changed,
        "a preview changes nothing"
    );
    assert!(h.query_by_label_contains("1.00 → 82.26").is_some());
    h.get_by_label("导入").click();
    h.run();
    assert_eq!(h.state().session().project, original);
    h.state_mut().apply(Command::Undo);
    h.run();
    assert_eq!(h.state().session().project, changed, "one undo step");

    // A workbook with a row that cannot be read: listed, and 导入 stays disabled.
    let bad = dir.path().join("坏表.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sheet = wb.add_worksheet();
    sheet.set_name("支出决算表").unwrap();
    for (c, head) in ["科目编码", "科目名称", "基本支出", "项目支出"]
        .iter()
        .enumerate()
    {
        sheet.write(1, c as u16, *head).unwrap();
    }
    sheet.write(2, 0, "2013101").unwrap();
    sheet.write(2, 2, "八十万").unwrap();
    wb.save(&bad).unwrap();
    h.state_mut().apply(Command::ImportFigures(Some(bad)));
    h.run();
    assert!(
        h.query_by_label_contains("工作表“支出决算表”第 3 行：基本支出：“八十万”不是金额")
            .is_some()
    );
    h.state_mut().apply(Command::ApplyFiguresImport);
    h.run();
    assert_eq!(
        h.state().session().project,
        changed,
        "nothing half-imported"
    );
}

#[test]
fn a_catalog_is_previewed_imported_as_one_undo_step_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    let csv = dir.path().join("区财政科目表.csv");
    std::fs::write(
        &csv,
        "科目编码,科目名称\n2013101,行政运行（本地）\n2089901,本地试点\n2089902,\n",
    )
    .unwrap();
    let before = h.state().session().project.clone();
    h.state_mut().apply(Command::ImportCatalog(Some(csv)));
    h.run();
    assert_eq!(
        h.state().session().project,
        before,
        "a preview changes nothing"
    );
    assert!(h.query_by_label_contains("改名 1 个科目").is_some());
    assert!(
        h.query_by_label_contains("第 4 行：科目编码“2089902”没有科目名称")
            .is_some()
    );
    // 导入 waits until the clerk agrees to leave the bad row out.
    h.state_mut().apply(Command::ApplyCatalogImport);
    h.run();
    assert_eq!(h.state().session().project, before);
    h.get_by_label_contains("不导入无法读取的 1 行").click();
    h.run();
    h.get_by_label("导入").click();
    h.run();
    let edition = h.state().session().project.catalog.clone().unwrap();
    assert_eq!(edition.source, "区财政科目表.csv");
    assert_eq!(edition.functional.len(), 2);
    go(&mut h, "支出");
    assert!(
        h.query_by_label_contains("所用科目表：导入的科目表“区财政科目表.csv”")
            .is_some()
    );
    assert!(h.query_by_label("行政运行（本地）").is_some());
    h.state_mut().apply(Command::Undo);
    h.run();
    assert_eq!(h.state().session().project, before);
    h.state_mut().apply(Command::Redo);
    h.run();
    h.get_by_label("不再使用导入的科目表").click();
    h.run();
    assert!(h.state().session().project.catalog.is_none());
}

/// Types a code into a line's code field: the 支出 grid resizes its columns as the name beside
/// it appears, which takes a few frames to settle.
fn type_code(h: &mut Harness<'_, JuesuanApp>, label: &str, code: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run_steps(4);
    h.get_by_label(label).click();
    h.run_steps(4);
    h.get_by_label(label).type_text(code);
    h.run_steps(8);
}

#[test]
fn a_code_named_in_a_saved_project_is_named_so_in_the_next_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    go(&mut h, "支出");
    h.get_by_label("添加科目").click();
    h.run_steps(8);
    let n = h.state().session().project.expenditure.lines.len();
    type_code(&mut h, &format!("第{n}行科目编码"), "2089901");
    for (label, text) in [
        ("类名称", "社会保障和就业支出"),
        ("款名称", "其他社会保障和就业支出"),
        ("项名称", "本地试点"),
    ] {
        h.get_all_by_label(label).last().unwrap().click();
        h.run();
        h.get_all_by_label(label).last().unwrap().type_text(text);
        h.run_steps(8);
    }
    h.state_mut()
        .apply(Command::SaveTo(dir.path().join("今年.json")));
    h.run();
    assert!(h.state().error_message().is_none());
    assert_eq!(h.state().remembered_codes()["2089901"].item, "本地试点");

    // Another run of the application, a new project: typing the code brings its names back.
    let mut h = harness(dir.path());
    h.run();
    h.state_mut().apply(Command::CreateProject {
        year: 2024,
        template: None,
    });
    h.run();
    go(&mut h, "支出");
    h.get_by_label("添加科目").click();
    h.run_steps(8);
    let n = h.state().session().project.expenditure.lines.len();
    type_code(&mut h, &format!("第{n}行科目编码"), "2089901");
    let line = &h.state().session().project.expenditure.lines[n - 1];
    assert_eq!(line.names.as_ref().unwrap().item, "本地试点");
}

#[test]
fn looking_at_every_tab_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = harness_on_saved(
        dir.path(),
        "示例.json",
        &juesuan::example::example().unwrap(),
    );
    h.run();
    let opened = h.state().session().project.clone();
    for tab in Tab::ALL {
        h.state_mut().apply(Command::ShowTab(tab));
        h.run();
    }
    assert_eq!(h.state().session().project, opened);
    assert!(
        !h.state().window_title().contains('●'),
        "nothing to save after only looking"
    );
}

#[test]
fn snapshot_of_the_catalog_import_preview() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    go(&mut h, "支出");
    let csv = dir.path().join("安居区2023年政府收支分类科目.csv");
    std::fs::write(
        &csv,
        "2023年政府收支分类科目\n科目编码,科目名称\n2013101,行政运行\n2013102,一般行政管理事务（区级）\n2089901,其他社会保障和就业支出（试点）\n20899x1,错误编码\n2089902,\n",
    )
    .unwrap();
    h.state_mut().apply(Command::ImportCatalog(Some(csv)));
    h.run();
    h.snapshot("catalog_import_preview");
}

#[test]
fn a_finding_gets_an_explanation_that_undo_takes_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    // The ledger sits above the findings: not every rule could check the example.
    h.get_by_label_contains("条已审核").click();
    h.run();
    assert!(
        h.query_by_label_contains("JS-710 缺少数据：未填写决算批复日期")
            .is_some()
    );
    // Folded again, so that the findings below it are in view.
    h.get_by_label_contains("条已审核").click();
    h.run();
    // The first finding's 说明…: the dialog shows the finding and what an explanation does.
    h.get_all_by_label("说明…").next().unwrap().click();
    h.run();
    assert!(h.query_by_label_contains("出错说明：JS-505").is_some());
    h.get_by_label("说明内容").click();
    h.run();
    h.get_by_label("说明内容")
        .type_text("完成值待年度考核结束后填写");
    h.run();
    h.get_by_label("保存说明").click();
    h.run();
    let project = &h.state().session().project;
    assert_eq!(project.explanations.len(), 1);
    assert_eq!(project.explanations[0].rule, "JS-505");
    assert_eq!(project.explanations[0].text, "完成值待年度考核结束后填写");
    assert!(h.query_by_label("已说明").is_some());
    assert!(
        h.query_by_label_contains("说明（有效）：完成值待年度考核结束后填写")
            .is_some()
    );
    // One undo step takes it back.
    h.state_mut().apply(Command::Undo);
    h.run();
    assert!(h.state().session().project.explanations.is_empty());
    assert!(h.query_by_label("已说明").is_none());
}

#[test]
fn the_help_lists_every_rule_and_a_date_that_does_not_exist_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    h.get_by_label("帮助").click();
    h.run();
    h.get_by_label("审核规则…").click();
    h.run();
    let n = juesuan::checks::rule_catalog().len();
    assert!(h.query_by_label(&format!("审核规则（{n} 条）")).is_some());
    h.get_by_label("关闭").click();
    h.run();

    go(&mut h, "单位概况");
    type_into(&mut h, "决算批复日期", "2024-02-30");
    h.key_press(Key::Tab);
    h.run();
    assert!(h.query_by_label_contains("不存在").is_some());
    assert_eq!(h.state().session().project.unit.approval_date, None);
    type_into(&mut h, "决算批复日期", "2024年6月1日");
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(
        h.state().session().project.unit.approval_date,
        juesuan::model::Date::new(2024, 6, 1)
    );
    // Approved long ago and not published: the deadline rule fires at once.
    assert!(
        h.state()
            .session()
            .findings
            .iter()
            .any(|f| f.code == "JS-710")
    );
}

#[test]
fn the_check_report_is_exported_from_the_file_menu_by_the_files_extension() {
    use calamine::{Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    h.get_by_label("文件").click();
    h.run();
    h.get_by_label("导出审核报告…");

    let xlsx = dir.path().join("审核报告.xlsx");
    h.state_mut()
        .apply(Command::ExportCheckReport(Some(xlsx.clone())));
    assert_eq!(h.state().error_message(), None);
    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    assert_eq!(book.sheet_names(), ["审核结果", "审核覆盖"]);
    // One row per finding the window lists, below the heading lines and the column names.
    let sheet = book.worksheet_range("审核结果").unwrap();
    let listed = h.state().session().findings.len();
    let codes: Vec<String> = sheet
        .rows()
        .skip_while(|r| r[0] != "序号")
        .skip(1)
        .take_while(|r| !r[0].to_string().is_empty())
        .map(|r| r[1].to_string())
        .collect();
    assert_eq!(codes.len(), listed);
    assert_eq!(codes[0], h.state().session().findings[0].code);

    let txt = dir.path().join("审核报告.txt");
    h.state_mut()
        .apply(Command::ExportCheckReport(Some(txt.clone())));
    let text = std::fs::read_to_string(&txt).unwrap();
    assert!(text.contains("审核覆盖："), "{text}");

    // A file of another kind is refused with the reason, and nothing is written.
    let doc = dir.path().join("审核报告.docx");
    h.state_mut()
        .apply(Command::ExportCheckReport(Some(doc.clone())));
    let message = h.state().error_message().unwrap();
    assert!(
        message.contains("不是 .xlsx、.pdf 或 .txt 文件"),
        "{message}"
    );
    assert!(!doc.exists());
}

#[test]
fn the_documents_tables_are_exported_to_excel_from_the_file_menu() {
    use calamine::{Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    h.get_by_label("文件").click();
    h.run();
    h.get_by_label("导出Excel表格…");
    let path = dir.path().join("公开表.xlsx");
    h.state_mut()
        .apply(Command::ExportTables(Some(path.clone())));
    assert_eq!(h.state().error_message(), None);
    let book: Xlsx<_> = open_workbook(&path).unwrap();
    let tables = h
        .state()
        .session()
        .document()
        .blocks
        .iter()
        .filter(|b| matches!(b, juesuan::document::Block::Table(_)))
        .count();
    assert_eq!(book.sheet_names().len(), tables);
}

#[test]
fn the_document_is_exported_to_word_from_the_file_menu() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    h.get_by_label("文件").click();
    h.run();
    h.get_by_label("导出Word文档…");
    let path = dir.path().join("决算.docx");
    h.state_mut().apply(Command::ExportWord(Some(path.clone())));
    assert_eq!(h.state().error_message(), None);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let unit = h.state().session().project.unit.name.clone();
    assert!(xml.contains(&format!("{unit}（盖章）")));
    assert!(xml.contains("<w:tblHeader />"));
}

#[test]
fn the_publication_bundle_is_made_in_the_background_from_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    h.get_by_label("文件").click();
    h.run();
    h.get_by_label("导出公开文件包…");
    let target = dir.path().join("文件包");
    h.state_mut()
        .apply(Command::ExportBundle(Some(target.clone())));
    assert!(h.state().bundle_busy(), "made in the background");
    let mut saw_progress = false;
    for _ in 0..600 {
        h.run();
        if !h.state().bundle_busy() {
            break;
        }
        saw_progress |= h.query_by_label("正在生成公开文件包").is_some();
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(!h.state().bundle_busy(), "finished");
    assert!(saw_progress, "the progress window showed while it was made");
    assert_eq!(h.state().error_message(), None);
    let manifest: juesuan::bundle::Manifest =
        serde_json::from_slice(&std::fs::read(target.join(juesuan::bundle::MANIFEST)).unwrap())
            .unwrap();
    assert_eq!(manifest.files.len(), juesuan::bundle::STEPS);
    let read = |name: &str| std::fs::read(target.join(name)).ok();
    assert!(juesuan::bundle::verify(&manifest, &read).is_empty());
    // A second bundle never goes into the same (now full) folder.
    h.state_mut().apply(Command::ExportBundle(Some(target)));
    assert!(!h.state().bundle_busy());
    assert!(h.state().error_message().unwrap().contains("不是空的"));
}

#[test]
fn a_department_shows_its_members_and_refreshes_as_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let unit = |name: &str, file: &str| {
        let mut p = juesuan::example::example().unwrap();
        p.unit.name = name.to_owned();
        let path = dir.path().join(file);
        juesuan::storage::save(
            &path,
            &p,
            juesuan::storage::SaveTime::from_local(2024, 5, 31, 0),
        )
        .unwrap();
        path
    };
    let a = unit("区委绩效办", "机关.json");
    let b = unit("区民生工作促进中心", "中心.json");
    let dept = dir.path().join("部门.json");
    let (code, _, err) = common::juesuan(&[
        "consolidate",
        "--new",
        "-o",
        dept.to_str().unwrap(),
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let mut h = harness_on(dir.path(), Some(dept.clone()));
    h.run();
    go(&mut h, "部门汇总");
    assert_eq!(h.state().tab(), Tab::Department);
    assert!(h.query_by_label("区民生工作促进中心").is_some());
    assert!(h.query_by_label("中心.json").is_some());
    assert_eq!(h.query_all_by_label("已读取").count(), 2);
    // The amounts are the members' sums: shown on the figure tabs, not typed there.
    go(&mut h, "收入");
    let shown = h.state().session().project.clone();
    type_into(&mut h, "其他收入", "9");
    assert!(
        h.state().session().project == shown,
        "an amount of a department is not typed"
    );
    // Nor its counts, nor its lines: 刷新汇总 would make them again from the members.
    go(&mut h, "三公与运行经费");
    type_into(&mut h, "团组（个）", "3");
    go(&mut h, "支出");
    h.get_by_label("添加科目").click();
    h.run();
    type_into(&mut h, "第1行科目编码", "2010101");
    // Nor its projects' self-assessments, which are its members'.
    go(&mut h, "绩效");
    h.get_by_label("添加项目").click();
    h.run();
    assert!(
        h.query_by_label_contains("各项目的自评表来自各单位的文件")
            .is_some()
    );
    assert!(
        h.state().session().project == shown,
        "a department's counts and lines are not typed"
    );
    go(&mut h, "部门汇总");
    // The department's 本年收入合计 and 本年支出合计 are the two units' (no transfers
    // between them).
    assert!(h.query_all_by_label("452.46").count() >= 2);

    // A member changes: the tab says so; 刷新汇总 takes it, one undo step.
    let mut changed = juesuan::example::example().unwrap();
    changed.unit.name = "区民生工作促进中心".to_owned();
    changed.revenue.other = Some("1".parse().unwrap());
    juesuan::storage::save(
        &b,
        &changed,
        juesuan::storage::SaveTime::from_local(2024, 6, 1, 0),
    )
    .unwrap();
    h.state_mut().apply(Command::ShowTab(Tab::Unit));
    h.run();
    let before = h.state().session().project.clone();
    h.state_mut().apply(Command::RefreshDepartment);
    h.run();
    assert_eq!(h.state().error_message(), None);
    assert_eq!(
        h.state().session().project.revenue.other,
        Some("1".parse().unwrap())
    );
    h.state_mut().apply(Command::Undo);
    h.run();
    assert_eq!(h.state().session().project, before);

    // A member missing: the refresh changes nothing and says which.
    std::fs::remove_file(&b).unwrap();
    h.state_mut().apply(Command::RefreshDepartment);
    h.run();
    assert!(
        h.state()
            .error_message()
            .unwrap()
            .contains("区民生工作促进中心")
    );
    assert_eq!(h.state().session().project, before);
}

#[test]
fn next_year_opens_the_new_project_with_its_opening_balances_locked() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    h.state_mut().apply(Command::ShowTab(Tab::Revenue));
    h.run();
    assert!(
        h.query_by_label("一般公共预算财政拨款年初结转和结余")
            .is_some(),
        "a typed opening balance is a field"
    );
    let path = dir.path().join("2024 年度.json");
    h.state_mut().apply(Command::NextYear(Some(path.clone())));
    h.run();
    let s = h.state().session();
    assert_eq!(s.path.as_deref(), Some(path.as_path()));
    assert_eq!(s.project.unit.year, 2024);
    assert!(s.project.balances.opening_locked());
    h.get_by_label_contains("已建立 2024 年度项目");
    h.get_by_label("确定").click();
    h.run();
    h.state_mut().apply(Command::ShowTab(Tab::Revenue));
    h.run();
    // The opening balance is shown, not edited, until a reason is written.
    h.get_by_label_contains("已从上年决算结转并锁定");
    assert!(
        h.query_by_label("一般公共预算财政拨款年初结转和结余")
            .is_none(),
        "no field to type the locked opening balance into"
    );
    // The same file again: refused, nothing replaced.
    let before = std::fs::read(&path).unwrap();
    h.state_mut().apply(Command::NextYear(Some(path.clone())));
    assert!(h.state().error_message().unwrap().contains("已经存在"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// A count that may be left empty starts blank, takes a number, refuses a word with a message
/// and keeps what was there, and goes back to "not entered" when emptied.
#[test]
fn the_self_assessment_count_is_blank_until_typed_and_can_be_emptied_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    go(&mut h, "绩效");
    let count = |h: &Harness<'_, JuesuanApp>| {
        h.state()
            .session()
            .project
            .performance
            .self_assessed_projects
    };
    assert_eq!(count(&h), None);
    type_into(&mut h, "开展绩效自评的项目数", "3");
    assert_eq!(count(&h), Some(3));
    // Finished (Enter leaves the box), then typed over with a word.
    h.key_press(Key::Enter);
    h.run();
    type_into(&mut h, "开展绩效自评的项目数", "三个");
    assert!(h.query_by_label_contains("不是有效的数量").is_some());
    assert_eq!(count(&h), Some(3), "a refused entry changes nothing");
    type_into(&mut h, "开展绩效自评的项目数", "");
    h.key_press(Key::Backspace);
    h.run();
    assert_eq!(count(&h), None, "emptied, it is not entered, not 0");
    assert!(h.query_by_label_contains("不是有效的数量").is_none());
    type_into(&mut h, "绩效自评涉及资金", "59.77");
    assert_eq!(
        h.state().session().project.performance.self_assessed_funds,
        Some(wan("59.77"))
    );
    go(&mut h, "国有资产");
    type_into(&mut h, "离退休干部服务用车", "2");
    assert_eq!(
        h.state().session().project.assets.vehicles.retired_service,
        Some(2)
    );
    assert!(h.query_by_label_contains("车辆合计：2 辆").is_some());
}

/// 项目支出 by economic item, on the 人员/公用经费 tab: a 科目 chosen from the catalog, its
/// amount typed (a bad one refused, the value kept), and the findings follow (JS-213 while the
/// items do not add up to the lines' 项目支出).
#[test]
fn project_spending_is_entered_by_economic_item_on_the_costs_tab() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    go(&mut h, "人员/公用经费");
    h.get_by_label("添加项目支出科目").scroll_to_me();
    h.run();
    h.get_by_label("添加项目支出科目").click();
    h.run_steps(4);
    h.get_by_label("项目支出第1项科目").click();
    h.run_steps(4);
    // The list opens on every 款 a 项目 may spend on; typing 拼音 initials narrows it.
    assert!(h.query_by_label("30201 办公费").is_some());
    h.get_by_label("查找项目支出第1项科目").type_text("wtyw");
    h.run_steps(4);
    assert!(h.query_by_label("30201 办公费").is_none());
    h.get_by_label("30227 委托业务费").click();
    h.run_steps(4);
    type_into(&mut h, "项目支出第1项金额", "59.7x");
    let items = || {
        h.state()
            .session()
            .project
            .expenditure
            .project_economic
            .clone()
    };
    assert_eq!(items()[0].code, "30227");
    assert_eq!(items()[0].amount, None);
    type_into(&mut h, "项目支出第1项金额", "50");
    h.key_press(Key::Enter);
    h.run_steps(4);
    let items = h
        .state()
        .session()
        .project
        .expenditure
        .project_economic
        .clone();
    assert_eq!(
        (items[0].name.as_str(), items[0].amount),
        ("委托业务费", Some(wan("50")))
    );
    let codes: Vec<&str> = h
        .state()
        .session()
        .findings
        .iter()
        .map(|f| f.code)
        .collect();
    assert!(codes.contains(&"JS-213"), "{codes:?}");
}
