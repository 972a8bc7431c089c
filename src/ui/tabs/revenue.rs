//! 收入: the eight sources, balances by fund, the totals and their 报表数, with charts 1 and 2.

use egui::Ui;

use egui::RichText;

use super::{RowOp, apply, remove_button, with_charts};
use crate::catalog::revenue_item_name;
use crate::document::Document;
use crate::model::totals::Totals;
use crate::model::{Project, REVENUE_SOURCES, RevenueLine, RevenueSource};
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
    // Nine columns: the table takes the full width, below the form and its charts.
    by_function_ui(ui, p, form);
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

/// 表2 收入决算表: 本年收入 by 功能分类 项 and source. Each source column must add up to the
/// source above (JS-115); 合计 columns are computed.
fn by_function_ui(ui: &mut Ui, p: &mut Project, form: &mut Form<'_>) {
    widgets::section(ui, "本年收入按功能分类科目（表2）");
    ui.label(
        "每行一个项级科目，各列之和应等于上面的各项收入。只列出财政拨款和有金额的收入来源，\
         删除行不影响顺序（公开表按科目编码排列）。",
    );
    let r = &mut p.revenue;
    // Most units have one or two sources: the other columns would be rows of zeros, and the
    // table then fits the window without a scroll area of its own (a nested one would swallow
    // the vertical jump to a finding's field).
    let shown: Vec<RevenueSource> = REVENUE_SOURCES
        .into_iter()
        .filter(|&s| {
            s == RevenueSource::Appropriation
                || !s.of_revenue(r).is_zero()
                || r.by_function.iter().any(|l| !s.of_line(l).is_zero())
        })
        .collect();
    let rows = &mut r.by_function;
    let mut remove = None;
    egui::Grid::new("revenue-lines")
        .striped(true)
        .num_columns(shown.len() + 4)
        .show(ui, |ui| {
            let mut headers = vec!["编码", "科目名称"];
            headers.extend(shown.iter().map(|s| s.label()));
            headers.push("合计");
            for h in headers {
                // Named as a column for screen readers, apart from the fields above that carry
                // the same words.
                ui.label(RichText::new(h).strong()).widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Label, true, format!("表2“{h}”列"))
                });
            }
            ui.end_row();
            for (i, line) in rows.iter_mut().enumerate() {
                let base = format!("revenue.by_function[{i}]");
                ui.horizontal(|ui| {
                    // A grid column is as wide as its widest cell was: claim the room a 7-digit
                    // code needs, or the header's width wins.
                    ui.set_min_width(76.0);
                    widgets::text_cell(
                        ui,
                        form,
                        &format!("{base}.code"),
                        &mut line.code,
                        70.0,
                        &format!("收入第{}行科目编码", i + 1),
                    );
                });
                ui.label(
                    revenue_item_name(form.catalog, &p.expenditure.lines, line)
                        .unwrap_or_else(|| "（科目表中没有此编码）".to_owned()),
                );
                for &source in &shown {
                    widgets::amount_cell(
                        ui,
                        form,
                        &format!("{base}.{}", source.key()),
                        source.in_line(line),
                        &format!("收入第{}行{}", i + 1, source.label()),
                    );
                }
                ui.label(line.total().table());
                if remove_button(ui, i, "科目") {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
    let op = remove.map(RowOp::Remove);
    if apply(rows, op) {
        *form.edited = Some("revenue.by_function".into());
    }
    ui.horizontal(|ui| {
        if ui.button("添加收入科目").clicked() {
            rows.push(RevenueLine::default());
            *form.edited = Some("revenue.by_function".into());
        }
        // Only into an empty table: a draft never overwrites what the clerk typed.
        let draft = ui
            .add_enabled(rows.is_empty(), egui::Button::new("按支出科目生成"))
            .on_hover_text(
                "每个支出科目一行，财政拨款收入取该科目的财政拨款支出；\
                 没有结转结余时即为正确结果，否则请再核对",
            );
        if draft.clicked() {
            *rows = RevenueLine::draft_from(&p.expenditure.lines);
            *form.edited = Some("revenue.by_function".into());
        }
    });
}
