//! 国有资产: vehicles by use, large equipment, and the ratios of the department report.

use egui::Ui;

use crate::model::Project;
use crate::ui::widgets::{self, Form};

pub(super) fn ui(ui: &mut Ui, p: &mut Project, form: &mut Form<'_>) {
    let a = &mut p.assets;
    widgets::section(ui, "车辆（年末，按用途）");
    let v = &mut a.vehicles;
    for (label, key, value) in [
        ("主要领导干部用车", "leadership", &mut v.leadership),
        ("机要通信用车", "confidential", &mut v.confidential),
        ("应急保障用车", "emergency", &mut v.emergency),
        ("执法执勤用车", "law_enforcement", &mut v.law_enforcement),
        (
            "特种专业技术用车",
            "special_technical",
            &mut v.special_technical,
        ),
        ("其他用车", "other", &mut v.other),
    ] {
        widgets::count(ui, form, label, &format!("assets.vehicles.{key}"), value);
    }
    ui.label(format!("车辆合计：{} 辆", a.vehicles.total()));
    widgets::section(ui, "大型设备");
    widgets::count(
        ui,
        form,
        "单价50万元以上通用设备（台套）",
        "assets.general_equipment_over_50",
        &mut a.general_equipment_over_50,
    );
    widgets::count(
        ui,
        form,
        "单价100万元以上专用设备（台套）",
        "assets.special_equipment_over_100",
        &mut a.special_equipment_over_100,
    );
    widgets::section(ui, "资产指标（%）");
    ui.horizontal(|ui| {
        ui.label("资产变化率");
        widgets::decimal_cell(
            ui,
            form,
            "assets.change_rate_percent",
            &mut a.change_rate_percent,
            true,
            "资产变化率",
        );
        ui.label("资产利用率");
        widgets::decimal_cell(
            ui,
            form,
            "assets.utilization_rate_percent",
            &mut a.utilization_rate_percent,
            true,
            "资产利用率",
        );
    });
}
