//! 三公与运行经费: each "三公" part with its budget, actual, prior year and counts; 机关运行经费;
//! 会议费 and 培训费 (where the template states them); chart 7.

use egui::Ui;

use super::with_charts;
use crate::document::Document;
use crate::model::{
    ControlTotal, CountedExpense, EXPENSE_FIELDS, FieldPath, MeetingsTrainingField as M, Project,
    RunningField, ThreePublicField,
};
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
        &FieldPath::three_public(ThreePublicField::OverseasBudget),
        &mut o.budget,
    );
    widgets::amount(
        ui,
        form,
        "因公出国（境）费决算数",
        &FieldPath::three_public(ThreePublicField::OverseasActual),
        &mut o.actual,
    );
    widgets::amount(
        ui,
        form,
        "上年因公出国（境）费",
        &FieldPath::three_public(ThreePublicField::OverseasPrior),
        &mut o.prior,
    );
    widgets::count(
        ui,
        form,
        "团组（个）",
        &FieldPath::three_public(ThreePublicField::OverseasGroups),
        &mut o.groups,
    );
    widgets::count(
        ui,
        form,
        "人次",
        &FieldPath::three_public(ThreePublicField::OverseasPeople),
        &mut o.people,
    );
    widgets::multiline(
        ui,
        form,
        "因公出国（境）费变动原因",
        &FieldPath::three_public(ThreePublicField::OverseasChangeReason),
        &mut o.change_reason,
    );

    widgets::section(ui, "公务用车购置及运行维护费");
    let v = &mut t.vehicles;
    widgets::amount(
        ui,
        form,
        "公务用车购置费预算数",
        &FieldPath::three_public(ThreePublicField::PurchaseBudget),
        &mut v.purchase_budget,
    );
    for (name, count, amount, purchase) in [
        (
            "轿车",
            ThreePublicField::SedanCount,
            ThreePublicField::SedanAmount,
            &mut v.purchases.sedan,
        ),
        (
            "越野车",
            ThreePublicField::SuvCount,
            ThreePublicField::SuvAmount,
            &mut v.purchases.suv,
        ),
        (
            "载客汽车",
            ThreePublicField::PassengerCount,
            ThreePublicField::PassengerAmount,
            &mut v.purchases.passenger,
        ),
    ] {
        widgets::count(
            ui,
            form,
            &format!("购置{name}（辆）"),
            &FieldPath::three_public(count),
            &mut purchase.count,
        );
        widgets::amount(
            ui,
            form,
            &format!("购置{name}金额"),
            &FieldPath::three_public(amount),
            &mut purchase.amount,
        );
    }
    widgets::amount(
        ui,
        form,
        "上年公务用车购置费",
        &FieldPath::three_public(ThreePublicField::PurchasePrior),
        &mut v.purchase_prior,
    );
    widgets::amount(
        ui,
        form,
        "公务用车运行维护费预算数",
        &FieldPath::three_public(ThreePublicField::OperationBudget),
        &mut v.operation_budget,
    );
    widgets::amount(
        ui,
        form,
        "公务用车运行维护费决算数",
        &FieldPath::three_public(ThreePublicField::OperationActual),
        &mut v.operation_actual,
    );
    widgets::amount(
        ui,
        form,
        "上年公务用车运行维护费",
        &FieldPath::three_public(ThreePublicField::OperationPrior),
        &mut v.operation_prior,
    );
    for (name, field, held) in [
        ("轿车", ThreePublicField::HeldSedan, &mut v.held.sedan),
        ("越野车", ThreePublicField::HeldSuv, &mut v.held.suv),
        (
            "载客汽车",
            ThreePublicField::HeldPassenger,
            &mut v.held.passenger,
        ),
    ] {
        widgets::count(
            ui,
            form,
            &format!("年末公务用车：{name}（辆）"),
            &FieldPath::three_public(field),
            held,
        );
    }
    widgets::multiline(
        ui,
        form,
        "公务用车费用变动原因",
        &FieldPath::three_public(ThreePublicField::VehiclesChangeReason),
        &mut v.change_reason,
    );

    widgets::section(ui, "公务接待费");
    let r = &mut t.reception;
    widgets::amount(
        ui,
        form,
        "公务接待费预算数",
        &FieldPath::three_public(ThreePublicField::ReceptionBudget),
        &mut r.budget,
    );
    widgets::amount(
        ui,
        form,
        "国内公务接待支出",
        &FieldPath::three_public(ThreePublicField::DomesticActual),
        &mut r.domestic.actual,
    );
    widgets::count(
        ui,
        form,
        "国内接待批次",
        &FieldPath::three_public(ThreePublicField::DomesticBatches),
        &mut r.domestic.batches,
    );
    widgets::count(
        ui,
        form,
        "国内接待人次",
        &FieldPath::three_public(ThreePublicField::DomesticPeople),
        &mut r.domestic.people,
    );
    widgets::amount(
        ui,
        form,
        "外事接待支出",
        &FieldPath::three_public(ThreePublicField::ForeignActual),
        &mut r.foreign.actual,
    );
    widgets::count(
        ui,
        form,
        "外事接待批次",
        &FieldPath::three_public(ThreePublicField::ForeignBatches),
        &mut r.foreign.batches,
    );
    widgets::count(
        ui,
        form,
        "外事接待人次",
        &FieldPath::three_public(ThreePublicField::ForeignPeople),
        &mut r.foreign.people,
    );
    widgets::amount(
        ui,
        form,
        "上年公务接待费",
        &FieldPath::three_public(ThreePublicField::ReceptionPrior),
        &mut r.prior,
    );
    widgets::text(
        ui,
        form,
        "主要用于",
        &FieldPath::three_public(ThreePublicField::ReceptionPurpose),
        &mut r.purpose,
    );
    widgets::text(
        ui,
        form,
        "具体内容包括",
        &FieldPath::three_public(ThreePublicField::ReceptionContent),
        &mut r.content,
    );
    widgets::multiline(
        ui,
        form,
        "公务接待费变动原因",
        &FieldPath::three_public(ThreePublicField::ReceptionChangeReason),
        &mut r.change_reason,
    );

    widgets::section(ui, "“三公”经费合计");
    let totals = form.totals.three_public;
    widgets::computed(ui, "“三公”经费预算数", totals.budget);
    widgets::computed(ui, "“三公”经费决算数", totals.actual);
    widgets::amount(
        ui,
        form,
        "“三公”经费决算数（报表数）",
        &FieldPath::control_total(ControlTotal::ThreePublic),
        &mut p.control_totals.three_public,
    );
    widgets::multiline(
        ui,
        form,
        "决算数与预算数不同的原因",
        &FieldPath::three_public(ThreePublicField::ChangeReason),
        &mut p.three_public.change_reason,
    );
    widgets::multiline(
        ui,
        form,
        "比上年变动的原因（模板单独说明时填写）",
        &FieldPath::three_public(ThreePublicField::PriorChangeReason),
        &mut p.three_public.prior_change_reason,
    );
    widgets::amount(
        ui,
        form,
        "2019年“三公”经费决算数",
        &FieldPath::three_public(ThreePublicField::PrePandemic),
        &mut p.three_public.pre_pandemic,
    );

    widgets::section(ui, "机关运行经费");
    let rc = &mut p.running_costs;
    widgets::amount(
        ui,
        form,
        "机关运行经费",
        &FieldPath::running_costs(RunningField::Amount),
        &mut rc.amount,
    );
    widgets::amount(
        ui,
        form,
        "上年机关运行经费",
        &FieldPath::running_costs(RunningField::Prior),
        &mut rc.prior,
    );
    widgets::multiline(
        ui,
        form,
        "机关运行经费变动原因",
        &FieldPath::running_costs(RunningField::ChangeReason),
        &mut rc.change_reason,
    );

    widgets::section(
        ui,
        "会议费、培训费，节庆、晚会、论坛、赛事活动费（模板列示时填写）",
    );
    let mt = &mut p.meetings_training;
    for (expense, fields) in mt.expenses_mut().into_iter().zip(EXPENSE_FIELDS) {
        counted_expense_ui(ui, form, expense, fields);
    }
}

/// 会议费, 培训费 or 节庆、晚会、论坛、赛事活动费: `fields` are its budget, actual, prior, count, people, content and reason.
fn counted_expense_ui(ui: &mut Ui, form: &mut Form<'_>, e: &mut CountedExpense, fields: [M; 7]) {
    let [budget, actual, prior, count, people, content, reason] = fields;
    for (field, value) in [
        (budget, &mut e.budget),
        (actual, &mut e.actual),
        (prior, &mut e.prior),
    ] {
        let path = FieldPath::meetings_training(field);
        widgets::amount(ui, form, field.label(), &path, value);
    }
    for (field, value) in [(count, &mut e.count), (people, &mut e.people)] {
        let path = FieldPath::meetings_training(field);
        widgets::count(ui, form, field.label(), &path, value);
    }
    let path = FieldPath::meetings_training(content);
    widgets::text(ui, form, content.label(), &path, &mut e.content);
    let path = FieldPath::meetings_training(reason);
    widgets::multiline(ui, form, reason.label(), &path, &mut e.change_reason);
}
