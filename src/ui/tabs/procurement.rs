//! 政府采购: goods, works, services, and what went to SMEs; 政府购买服务 where the template
//! states it.

use egui::Ui;

use crate::model::{
    FieldPath, PriorFigure, ProcurementField, Project, PurchasedServicesField as S,
};
use crate::ui::widgets::{self, Form};

pub(super) fn ui(ui: &mut Ui, p: &mut Project, form: &mut Form<'_>) {
    widgets::section(ui, "政府采购支出");
    let pr = &mut p.procurement;
    widgets::amount(
        ui,
        form,
        "政府采购货物支出",
        &FieldPath::procurement(ProcurementField::Goods),
        &mut pr.goods,
    );
    widgets::amount(
        ui,
        form,
        "政府采购工程支出",
        &FieldPath::procurement(ProcurementField::Works),
        &mut pr.works,
    );
    widgets::amount(
        ui,
        form,
        "政府采购服务支出",
        &FieldPath::procurement(ProcurementField::Services),
        &mut pr.services,
    );
    widgets::computed(ui, "政府采购支出总额", form.totals.procurement);
    widgets::prior_amount(ui, form, &mut p.prior_year, PriorFigure::Procurement);
    let pr = &mut p.procurement;
    widgets::amount(
        ui,
        form,
        "授予中小企业合同金额",
        &FieldPath::procurement(ProcurementField::ToSme),
        &mut pr.to_sme,
    );
    widgets::amount(
        ui,
        form,
        "其中：授予小微企业合同金额",
        &FieldPath::procurement(ProcurementField::ToSmallMicro),
        &mut pr.to_small_micro,
    );
    // 财政部's format states each kind's share going to SMEs; blank where the template does not.
    for (field, value) in [
        (ProcurementField::ToSmeGoods, &mut pr.to_sme_goods),
        (ProcurementField::ToSmeWorks, &mut pr.to_sme_works),
        (ProcurementField::ToSmeServices, &mut pr.to_sme_services),
    ] {
        let path = FieldPath::procurement(field);
        widgets::amount(ui, form, field.label(), &path, value);
    }

    widgets::section(ui, "政府购买服务（模板列示时填写）");
    let ps = &mut p.purchased_services;
    for (field, value) in [(S::Amount, &mut ps.amount), (S::Prior, &mut ps.prior)] {
        let path = FieldPath::purchased_services(field);
        widgets::amount(ui, form, field.label(), &path, value);
    }
    let path = FieldPath::purchased_services(S::Content);
    widgets::text(ui, form, S::Content.label(), &path, &mut ps.content);
}
