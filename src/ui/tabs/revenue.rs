//! 收入: the eight sources, balances by fund, the totals and their 报表数, with charts 1 and 2.

use egui::Ui;

use super::with_charts;
use crate::document::Document;
use crate::model::Project;
use crate::model::totals::Totals;
use crate::ui::charts;
use crate::ui::widgets::{self, Form};

pub(super) fn ui(ui: &mut Ui, p: &mut Project, form: &mut Form<'_>, doc: &Document) {
    with_charts(
        ui,
        |ui| form_ui(ui, p, form),
        |ui| {
            charts::show(ui, doc, 1);
            charts::show(ui, doc, 2);
        },
    );
}

fn form_ui(ui: &mut Ui, p: &mut Project, form: &mut Form<'_>) {
    widgets::section(ui, "本年收入");
    let r = &mut p.revenue;
    for (label, path, value) in [
        (
            "一般公共预算财政拨款收入",
            "revenue.general_budget",
            &mut r.general_budget,
        ),
        (
            "政府性基金预算财政拨款收入",
            "revenue.government_fund",
            &mut r.government_fund,
        ),
        (
            "国有资本经营预算财政拨款收入",
            "revenue.state_capital",
            &mut r.state_capital,
        ),
        (
            "上级补助收入",
            "revenue.higher_level_grants",
            &mut r.higher_level_grants,
        ),
        ("事业收入", "revenue.operations", &mut r.operations),
        ("经营收入", "revenue.business", &mut r.business),
        (
            "附属单位上缴收入",
            "revenue.from_subsidiaries",
            &mut r.from_subsidiaries,
        ),
        ("其他收入", "revenue.other", &mut r.other),
    ] {
        widgets::amount(ui, form, label, path, value);
    }
    let t = Totals::of(p);
    widgets::computed(ui, "本年收入合计（计算）", t.revenue_this_year);
    widgets::optional_amount(
        ui,
        form,
        "本年收入合计（报表数）",
        "control_totals.revenue_this_year",
        &mut p.control_totals.revenue_this_year,
    );

    widgets::section(ui, "结转结余（可为负数）");
    let b = &mut p.balances;
    for (name, key, fb) in [
        (
            "一般公共预算财政拨款",
            "general_budget",
            &mut b.general_budget,
        ),
        (
            "政府性基金预算财政拨款",
            "government_fund",
            &mut b.government_fund,
        ),
        (
            "国有资本经营预算财政拨款",
            "state_capital",
            &mut b.state_capital,
        ),
        ("非财政拨款", "non_appropriation", &mut b.non_appropriation),
    ] {
        ui.label(name);
        ui.indent(key, |ui| {
            widgets::signed_amount(
                ui,
                form,
                &format!("{name}年初结转和结余"),
                &format!("balances.{key}.opening"),
                &mut fb.opening,
            );
            widgets::signed_amount(
                ui,
                form,
                &format!("{name}年末结转和结余"),
                &format!("balances.{key}.closing"),
                &mut fb.closing,
            );
            widgets::optional_amount(
                ui,
                form,
                &format!("{name}上年年末结转和结余"),
                &format!("balances.{key}.prior_closing"),
                &mut fb.prior_closing,
            );
        });
    }
    widgets::amount(
        ui,
        form,
        "使用非财政拨款结余",
        "balances.use_of_non_appropriation_surplus",
        &mut b.use_of_non_appropriation_surplus,
    );
    widgets::signed_amount(
        ui,
        form,
        "结余分配",
        "balances.surplus_distribution",
        &mut b.surplus_distribution,
    );

    widgets::section(ui, "收、支总计");
    let t = Totals::of(p);
    widgets::computed(ui, "收入总计（计算）", t.total_revenue);
    widgets::optional_amount(
        ui,
        form,
        "收入总计（报表数）",
        "control_totals.total_revenue",
        &mut p.control_totals.total_revenue,
    );
    widgets::computed(ui, "支出总计（计算）", t.total_expenditure);
    widgets::optional_amount(
        ui,
        form,
        "支出总计（报表数）",
        "control_totals.total_expenditure",
        &mut p.control_totals.total_expenditure,
    );
    widgets::optional_amount(
        ui,
        form,
        "上年收入总计",
        "prior_year.total_revenue",
        &mut p.prior_year.total_revenue,
    );
    widgets::optional_amount(
        ui,
        form,
        "上年支出总计",
        "prior_year.total_expenditure",
        &mut p.prior_year.total_expenditure,
    );
    widgets::multiline(
        ui,
        form,
        "收、支总计变动的主要原因",
        "revenue.change_reason",
        &mut p.revenue.change_reason,
    );
}
