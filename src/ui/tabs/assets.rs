//! 国有资产: vehicles by use, large equipment, and the ratios of the department report.

use egui::Ui;

use crate::model::{AssetField, FieldPath, Project};
use crate::ui::widgets::{self, Form};

pub(super) fn ui(ui: &mut Ui, p: &mut Project, form: &mut Form<'_>) {
    let a = &mut p.assets;
    widgets::section(ui, "车辆（年末，按用途）");
    let v = &mut a.vehicles;
    for (field, value) in [
        (AssetField::Leadership, &mut v.leadership),
        (AssetField::Confidential, &mut v.confidential),
        (AssetField::Emergency, &mut v.emergency),
        (AssetField::LawEnforcement, &mut v.law_enforcement),
        (AssetField::SpecialTechnical, &mut v.special_technical),
        (AssetField::RetiredService, &mut v.retired_service),
        (AssetField::OtherVehicles, &mut v.other),
    ] {
        widgets::count(ui, form, field.label(), &FieldPath::assets(field), value);
    }
    let path = FieldPath::assets(AssetField::OtherVehiclesUse);
    widgets::text(ui, form, "其他用车主要用于", &path, &mut v.other_use);
    ui.label(match a.vehicles.total() {
        Some(n) => format!("车辆合计：{n} 辆"),
        None => "车辆合计：未填写".to_owned(),
    });
    widgets::section(ui, "大型设备");
    widgets::count(
        ui,
        form,
        "单价50万元以上通用设备（台套）",
        &FieldPath::assets(AssetField::GeneralEquipment),
        &mut a.general_equipment_over_50,
    );
    widgets::count(
        ui,
        form,
        "单价100万元以上专用设备（台套）",
        &FieldPath::assets(AssetField::SpecialEquipment),
        &mut a.special_equipment_over_100,
    );
    widgets::count(
        ui,
        form,
        "单价100万元（含）以上设备（台套）",
        &FieldPath::assets(AssetField::EquipmentOver100),
        &mut a.equipment_over_100,
    );
    widgets::count(
        ui,
        form,
        "其中本年购置（台套，北京等写明）",
        &FieldPath::assets(AssetField::EquipmentBought),
        &mut a.equipment_bought,
    );
    widgets::amount(
        ui,
        form,
        "本年购置金额",
        &FieldPath::assets(AssetField::EquipmentBoughtAmount),
        &mut a.equipment_bought_amount,
    );
    widgets::section(ui, "资产指标（%）");
    ui.horizontal(|ui| {
        widgets::row_label(ui, "资产变化率");
        widgets::decimal_cell(
            ui,
            form,
            &FieldPath::assets(AssetField::ChangeRate),
            &mut a.change_rate_percent,
            true,
            "资产变化率",
        );
        ui.label("资产利用率");
        widgets::decimal_cell(
            ui,
            form,
            &FieldPath::assets(AssetField::UtilizationRate),
            &mut a.utilization_rate_percent,
            true,
            "资产利用率",
        );
    });
}
