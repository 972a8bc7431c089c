//! 单位概况: names, year, kind, duties, organisation, staffing, signatories.

use egui::Ui;

use super::{apply, row_ops};
use crate::model::{AttachedUnit, Project, StaffBody, SubordinateUnit, UnitKind};
use crate::ui::widgets::{self, Form};

const KINDS: [UnitKind; 3] = [
    UnitKind::Administrative,
    UnitKind::CivilServiceManaged,
    UnitKind::PublicService,
];

fn kind_combo(ui: &mut Ui, id: &str, kind: &mut UnitKind, name: &str) -> bool {
    let before = *kind;
    egui::ComboBox::from_id_salt(id)
        .selected_text(kind.label())
        .show_ui(ui, |ui| {
            for k in KINDS {
                ui.selectable_value(kind, k, k.label());
            }
        })
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, name));
    *kind != before
}

pub(super) fn ui(ui: &mut Ui, p: &mut Project, form: &mut Form<'_>) {
    let u = &mut p.unit;
    widgets::section(ui, "基本信息");
    widgets::text(ui, form, "单位全称", "unit.name", &mut u.name);
    widgets::text(ui, form, "单位简称", "unit.short_name", &mut u.short_name);
    widgets::text(
        ui,
        form,
        "主管部门",
        "unit.supervising_department",
        &mut u.supervising_department,
    );
    let mut year = u32::try_from(u.year).unwrap_or(0);
    if widgets::count(ui, form, "决算年度", "unit.year", &mut year) {
        u.year = i32::try_from(year).unwrap_or(i32::MAX);
    }
    ui.horizontal(|ui| {
        ui.label("单位性质");
        if kind_combo(ui, "unit.kind", &mut u.kind, "单位性质") {
            *form.edited = Some("unit.kind".into());
        }
    });

    widgets::section(ui, "部门职责（每行一条，编号自动生成）");
    widgets::lines(ui, form, "部门职责", "unit.duties", &mut u.duties);

    widgets::section(ui, "机构设置");
    widgets::lines(
        ui,
        form,
        "内设机构（每行一个）",
        "unit.internal_offices",
        &mut u.internal_offices,
    );
    ui.label("下设机构（不单独编制决算）");
    let mut op = None;
    let len = u.attached_units.len();
    for (i, a) in u.attached_units.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            widgets::text_cell(
                ui,
                form,
                &format!("unit.attached_units[{i}].name"),
                &mut a.name,
                220.0,
                "下设机构名称",
            );
            widgets::text_cell(
                ui,
                form,
                &format!("unit.attached_units[{i}].kind"),
                &mut a.kind,
                180.0,
                "下设机构性质",
            );
            op = op.take().or(row_ops(ui, i, len, "下设机构"));
        });
    }
    if apply(&mut u.attached_units, op) {
        *form.edited = Some("unit.attached_units".into());
    }
    if ui.button("添加下设机构").clicked() {
        u.attached_units.push(AttachedUnit::default());
        *form.edited = Some("unit.attached_units".into());
    }

    ui.label("纳入决算的二级预算单位");
    let mut op = None;
    let len = u.subordinate_units.len();
    for (i, s) in u.subordinate_units.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            widgets::text_cell(
                ui,
                form,
                &format!("unit.subordinate_units[{i}].name"),
                &mut s.name,
                220.0,
                "二级预算单位名称",
            );
            if kind_combo(
                ui,
                &format!("unit.subordinate_units[{i}].kind"),
                &mut s.kind,
                "二级预算单位性质",
            ) {
                *form.edited = Some(format!("unit.subordinate_units[{i}].kind"));
            }
            op = op.take().or(row_ops(ui, i, len, "二级预算单位"));
        });
    }
    if apply(&mut u.subordinate_units, op) {
        *form.edited = Some("unit.subordinate_units".into());
    }
    if ui.button("添加二级预算单位").clicked() {
        u.subordinate_units.push(SubordinateUnit::default());
        *form.edited = Some("unit.subordinate_units".into());
    }

    widgets::section(ui, "人员编制（编制数与年末实有人数）");
    let mut op = None;
    let len = u.staffing.len();
    for (i, b) in u.staffing.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            widgets::text_cell(
                ui,
                form,
                &format!("unit.staffing[{i}].body"),
                &mut b.body,
                200.0,
                "机构",
            );
            widgets::text_cell(
                ui,
                form,
                &format!("unit.staffing[{i}].post_kind"),
                &mut b.post_kind,
                90.0,
                "编制类别",
            );
            widgets::count(
                ui,
                form,
                "编制",
                &format!("unit.staffing[{i}].posts"),
                &mut b.posts,
            );
            widgets::count(
                ui,
                form,
                "实有",
                &format!("unit.staffing[{i}].staff"),
                &mut b.staff,
            );
            op = op.take().or(row_ops(ui, i, len, "编制"));
        });
    }
    if apply(&mut u.staffing, op) {
        *form.edited = Some("unit.staffing".into());
    }
    if ui.button("添加编制行").clicked() {
        u.staffing.push(StaffBody::default());
        *form.edited = Some("unit.staffing".into());
    }

    widgets::section(ui, "签字人");
    widgets::text(
        ui,
        form,
        "单位负责人",
        "unit.signatories.head",
        &mut u.signatories.head,
    );
    widgets::text(
        ui,
        form,
        "财务负责人",
        "unit.signatories.finance_head",
        &mut u.signatories.finance_head,
    );
    widgets::text(
        ui,
        form,
        "填表人",
        "unit.signatories.preparer",
        &mut u.signatories.preparer,
    );
}
