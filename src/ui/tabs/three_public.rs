//! 三公与运行经费: each "三公" part with its budget, actual, prior year and counts; 机关运行经费;
//! chart 7.

use egui::Ui;

use super::with_charts;
use crate::document::Document;
use crate::model::Project;
use crate::model::totals::ThreePublicTotals;
use crate::ui::charts;
use crate::ui::widgets::{self, Form};

pub(super) fn ui(ui: &mut Ui, p: &mut Project, form: &mut Form<'_>, doc: &Document) {
    with_charts(ui, |ui| form_ui(ui, p, form), |ui| charts::show(ui, doc, 7));
}

fn form_ui(ui: &mut Ui, p: &mut Project, form: &mut Form<'_>) {
    let t = &mut p.three_public;
    widgets::section(ui, "因公出国（境）费");
    let o = &mut t.overseas;
    widgets::amount(
        ui,
        form,
        "因公出国（境）费预算数",
        "three_public.overseas.budget",
        &mut o.budget,
    );
    widgets::amount(
        ui,
        form,
        "因公出国（境）费决算数",
        "three_public.overseas.actual",
        &mut o.actual,
    );
    widgets::optional_amount(
        ui,
        form,
        "上年因公出国（境）费",
        "three_public.overseas.prior",
        &mut o.prior,
    );
    widgets::count(
        ui,
        form,
        "团组（个）",
        "three_public.overseas.groups",
        &mut o.groups,
    );
    widgets::count(
        ui,
        form,
        "人次",
        "three_public.overseas.people",
        &mut o.people,
    );
    widgets::multiline(
        ui,
        form,
        "因公出国（境）费变动原因",
        "three_public.overseas.change_reason",
        &mut o.change_reason,
    );

    widgets::section(ui, "公务用车购置及运行维护费");
    let v = &mut t.vehicles;
    widgets::amount(
        ui,
        form,
        "公务用车购置费预算数",
        "three_public.vehicles.purchase_budget",
        &mut v.purchase_budget,
    );
    for (name, key, purchase) in [
        ("轿车", "sedan", &mut v.purchases.sedan),
        ("越野车", "suv", &mut v.purchases.suv),
        ("载客汽车", "passenger", &mut v.purchases.passenger),
    ] {
        ui.horizontal(|ui| {
            widgets::count(
                ui,
                form,
                &format!("购置{name}（辆）"),
                &format!("three_public.vehicles.purchases.{key}.count"),
                &mut purchase.count,
            );
            widgets::amount(
                ui,
                form,
                &format!("购置{name}金额"),
                &format!("three_public.vehicles.purchases.{key}.amount"),
                &mut purchase.amount,
            );
        });
    }
    widgets::optional_amount(
        ui,
        form,
        "上年公务用车购置费",
        "three_public.vehicles.purchase_prior",
        &mut v.purchase_prior,
    );
    widgets::amount(
        ui,
        form,
        "公务用车运行维护费预算数",
        "three_public.vehicles.operation_budget",
        &mut v.operation_budget,
    );
    widgets::amount(
        ui,
        form,
        "公务用车运行维护费决算数",
        "three_public.vehicles.operation_actual",
        &mut v.operation_actual,
    );
    widgets::optional_amount(
        ui,
        form,
        "上年公务用车运行维护费",
        "three_public.vehicles.operation_prior",
        &mut v.operation_prior,
    );
    ui.horizontal(|ui| {
        widgets::count(
            ui,
            form,
            "年末公务用车：轿车",
            "three_public.vehicles.held.sedan",
            &mut v.held.sedan,
        );
        widgets::count(
            ui,
            form,
            "越野车",
            "three_public.vehicles.held.suv",
            &mut v.held.suv,
        );
        widgets::count(
            ui,
            form,
            "载客汽车",
            "three_public.vehicles.held.passenger",
            &mut v.held.passenger,
        );
    });
    widgets::multiline(
        ui,
        form,
        "公务用车费用变动原因",
        "three_public.vehicles.change_reason",
        &mut v.change_reason,
    );

    widgets::section(ui, "公务接待费");
    let r = &mut t.reception;
    widgets::amount(
        ui,
        form,
        "公务接待费预算数",
        "three_public.reception.budget",
        &mut r.budget,
    );
    widgets::amount(
        ui,
        form,
        "国内公务接待支出",
        "three_public.reception.domestic.actual",
        &mut r.domestic.actual,
    );
    ui.horizontal(|ui| {
        widgets::count(
            ui,
            form,
            "国内接待批次",
            "three_public.reception.domestic.batches",
            &mut r.domestic.batches,
        );
        widgets::count(
            ui,
            form,
            "国内接待人次",
            "three_public.reception.domestic.people",
            &mut r.domestic.people,
        );
    });
    widgets::amount(
        ui,
        form,
        "外事接待支出",
        "three_public.reception.foreign.actual",
        &mut r.foreign.actual,
    );
    ui.horizontal(|ui| {
        widgets::count(
            ui,
            form,
            "外事接待批次",
            "three_public.reception.foreign.batches",
            &mut r.foreign.batches,
        );
        widgets::count(
            ui,
            form,
            "外事接待人次",
            "three_public.reception.foreign.people",
            &mut r.foreign.people,
        );
    });
    widgets::optional_amount(
        ui,
        form,
        "上年公务接待费",
        "three_public.reception.prior",
        &mut r.prior,
    );
    widgets::text(
        ui,
        form,
        "主要用于",
        "three_public.reception.purpose",
        &mut r.purpose,
    );
    widgets::text(
        ui,
        form,
        "具体内容包括",
        "three_public.reception.content",
        &mut r.content,
    );
    widgets::multiline(
        ui,
        form,
        "公务接待费变动原因",
        "three_public.reception.change_reason",
        &mut r.change_reason,
    );

    widgets::section(ui, "“三公”经费合计");
    let totals = ThreePublicTotals::of(&p.three_public);
    widgets::computed(ui, "“三公”经费预算数", totals.budget);
    widgets::computed(ui, "“三公”经费决算数", totals.actual);
    widgets::optional_amount(
        ui,
        form,
        "“三公”经费决算数（报表数）",
        "control_totals.three_public",
        &mut p.control_totals.three_public,
    );
    widgets::multiline(
        ui,
        form,
        "决算数与预算数不同的原因",
        "three_public.change_reason",
        &mut p.three_public.change_reason,
    );

    widgets::section(ui, "机关运行经费");
    let rc = &mut p.running_costs;
    widgets::amount(
        ui,
        form,
        "机关运行经费",
        "running_costs.amount",
        &mut rc.amount,
    );
    widgets::optional_amount(
        ui,
        form,
        "上年机关运行经费",
        "running_costs.prior",
        &mut rc.prior,
    );
    widgets::multiline(
        ui,
        form,
        "机关运行经费变动原因",
        "running_costs.change_reason",
        &mut rc.change_reason,
    );
}
