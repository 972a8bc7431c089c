//! 单位概况: names, year, kind, duties, organisation, staffing, signatories.

use egui::Ui;

use super::{apply, row_ops};
use crate::model::{
    AttachedUnit, Disclosure, FieldPath, NamedUnitField, Project, Signatory, StaffBody, StaffField,
    SubordinateUnit, UnitField, UnitKind,
};
use crate::ui::widgets::{self, Form};

const KINDS: [UnitKind; 3] = [
    UnitKind::Administrative,
    UnitKind::CivilServiceManaged,
    UnitKind::PublicService,
];

fn kind_combo(ui: &mut Ui, id: &FieldPath, kind: &mut UnitKind, name: &str) -> bool {
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
    widgets::text(
        ui,
        form,
        "单位全称",
        &FieldPath::unit(UnitField::Name),
        &mut u.name,
    );
    widgets::text(
        ui,
        form,
        "单位简称",
        &FieldPath::unit(UnitField::ShortName),
        &mut u.short_name,
    );
    widgets::text(
        ui,
        form,
        "主管部门",
        &FieldPath::unit(UnitField::SupervisingDepartment),
        &mut u.supervising_department,
    );
    widgets::year(
        ui,
        form,
        "决算年度",
        &FieldPath::unit(UnitField::Year),
        &mut u.year,
    );
    ui.horizontal(|ui| {
        widgets::row_label(ui, "单位性质");
        let path = FieldPath::unit(UnitField::Kind);
        if kind_combo(ui, &path, &mut u.kind, "单位性质") {
            *form.edited = Some(path);
        }
    });
    ui.horizontal(|ui| {
        widgets::row_label(ui, "公开的决算");
        let path = FieldPath::unit(UnitField::Disclosure);
        let before = u.disclosure;
        ui.radio_value(
            &mut u.disclosure,
            Disclosure::Department,
            "部门决算（主管部门）",
        );
        ui.radio_value(&mut u.disclosure, Disclosure::Unit, "单位决算（所属单位）");
        if u.disclosure != before {
            *form.edited = Some(path);
        }
    });
    widgets::date(
        ui,
        form,
        "决算批复日期",
        &FieldPath::unit(UnitField::ApprovalDate),
        &mut u.approval_date,
    );
    widgets::date(
        ui,
        form,
        "公开日期",
        &FieldPath::unit(UnitField::PublicationDate),
        &mut u.publication_date,
    );
    ui.label(
        egui::RichText::new("决算应在批复后 20 日内公开；填写批复日期后，审核会提醒期限。").small(),
    );

    widgets::section(ui, "部门职责（每行一条，编号自动生成）");
    widgets::lines(
        ui,
        form,
        "部门职责",
        &FieldPath::unit(UnitField::Duties),
        &mut u.duties,
    );

    widgets::section(ui, "机构设置");
    widgets::lines(
        ui,
        form,
        "内设机构（每行一个）",
        &FieldPath::unit(UnitField::InternalOffices),
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
                &FieldPath::named_unit(UnitField::AttachedUnits, i, NamedUnitField::Name),
                &mut a.name,
                220.0,
                "下设机构名称",
            );
            widgets::text_cell(
                ui,
                form,
                &FieldPath::named_unit(UnitField::AttachedUnits, i, NamedUnitField::Kind),
                &mut a.kind,
                180.0,
                "下设机构性质",
            );
            op = op.take().or(row_ops(ui, i, len, "下设机构"));
        });
    }
    if apply(&mut u.attached_units, op) {
        *form.edited = Some(FieldPath::unit(UnitField::AttachedUnits));
    }
    if ui.button("添加下设机构").clicked() {
        u.attached_units.push(AttachedUnit::default());
        *form.edited = Some(FieldPath::unit(UnitField::AttachedUnits));
    }

    ui.label("纳入决算的二级预算单位");
    let mut op = None;
    let len = u.subordinate_units.len();
    for (i, s) in u.subordinate_units.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            widgets::text_cell(
                ui,
                form,
                &FieldPath::named_unit(UnitField::SubordinateUnits, i, NamedUnitField::Name),
                &mut s.name,
                220.0,
                "二级预算单位名称",
            );
            let path = FieldPath::named_unit(UnitField::SubordinateUnits, i, NamedUnitField::Kind);
            if kind_combo(ui, &path, &mut s.kind, "二级预算单位性质") {
                *form.edited = Some(path);
            }
            op = op.take().or(row_ops(ui, i, len, "二级预算单位"));
        });
    }
    if apply(&mut u.subordinate_units, op) {
        *form.edited = Some(FieldPath::unit(UnitField::SubordinateUnits));
    }
    if ui.button("添加二级预算单位").clicked() {
        u.subordinate_units.push(SubordinateUnit::default());
        *form.edited = Some(FieldPath::unit(UnitField::SubordinateUnits));
    }

    widgets::section(ui, "人员编制（编制数，年末在职实有人数和离退休人数）");
    ui.label("一个机构有几类编制（行政、事业、工勤）时，每类一行，机构名称相同。");
    let mut op = None;
    let len = u.staffing.len();
    for (i, b) in u.staffing.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            widgets::text_cell(
                ui,
                form,
                &FieldPath::staffing(i, StaffField::Body),
                &mut b.body,
                200.0,
                "机构",
            );
            widgets::text_cell(
                ui,
                form,
                &FieldPath::staffing(i, StaffField::PostKind),
                &mut b.post_kind,
                90.0,
                "编制类别",
            );
            widgets::count(
                ui,
                form,
                "编制",
                &FieldPath::staffing(i, StaffField::Posts),
                &mut b.posts,
            );
            widgets::count(
                ui,
                form,
                "实有",
                &FieldPath::staffing(i, StaffField::Staff),
                &mut b.staff,
            );
            widgets::count(
                ui,
                form,
                "退休",
                &FieldPath::staffing(i, StaffField::Retired),
                &mut b.retired,
            );
            widgets::count(
                ui,
                form,
                "离休",
                &FieldPath::staffing(i, StaffField::VeteranRetired),
                &mut b.veteran_retired,
            );
            op = op.take().or(row_ops(ui, i, len, "编制"));
        });
    }
    if apply(&mut u.staffing, op) {
        *form.edited = Some(FieldPath::unit(UnitField::Staffing));
    }
    if ui.button("添加编制行").clicked() {
        u.staffing.push(StaffBody::default());
        *form.edited = Some(FieldPath::unit(UnitField::Staffing));
    }
    ui.label(
        "在职人员按岗位（事业单位的单位决算写“专业技术人员X人、管理人员X人，工勤人员X人”时填写）：",
    );
    let posts = &mut u.staff_by_post;
    for (field, count) in [
        (UnitField::PostProfessional, &mut posts.professional),
        (UnitField::PostManagement, &mut posts.management),
        (UnitField::PostWorkers, &mut posts.workers),
    ] {
        widgets::count(ui, form, field.label(), &FieldPath::unit(field), count);
    }

    widgets::section(ui, "签字人");
    for who in Signatory::ALL {
        widgets::text(
            ui,
            form,
            who.label(),
            &FieldPath::signatory(*who),
            who.of_mut(&mut u.signatories),
        );
    }
}
