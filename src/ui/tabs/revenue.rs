//! 收入: the eight sources, balances by fund, the totals and their 报表数, with charts 1 and 2.

use egui::Ui;

use egui::RichText;

use super::{RowOp, apply, cell, remove_button, virtual_rows, with_charts};
use crate::catalog::revenue_item_name;
use crate::document::Document;
use crate::model::{
    BalanceSide, Bridge, CarriedField, ControlTotal, FieldPath, Fund, PriorFigure, Project,
    REVENUE_SOURCES, RevenueField, RevenueItem, RevenueLine, RevenueLineField, RevenueSource,
};
use crate::ui::charts;
use crate::ui::widgets::{self, Form, RowText};

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
    for item in RevenueItem::ALL {
        widgets::amount(
            ui,
            form,
            item.label(),
            &FieldPath::revenue(*item),
            item.of_mut(r),
        );
    }
    let t = form.totals;
    widgets::computed(ui, "本年收入合计（计算）", t.revenue_this_year);
    widgets::amount(
        ui,
        form,
        "本年收入合计（报表数）",
        &FieldPath::control_total(ControlTotal::RevenueThisYear),
        &mut p.control_totals.revenue_this_year,
    );

    widgets::section(ui, "结转结余（可为负数）");
    let b = &mut p.balances;
    let locked = b.opening_locked();
    if let Some(carried) = &mut b.carried {
        ui.label(if locked {
            "年初结转和结余已从上年决算结转并锁定（年初数提取）。确需修改时，先写明解锁原因（至少 4 个字）："
        } else {
            "年初结转和结余从上年决算结转，已解锁，原因："
        });
        widgets::text(
            ui,
            form,
            "年初数解锁原因",
            &FieldPath::carried(CarriedField::UnlockReason),
            &mut carried.unlock_reason,
        );
    }
    // Each fund's rows stand under its name and are labelled without it, so that they fit the
    // label column and their boxes line up with the form's; each box keeps the whole name for
    // screen readers and messages.
    for fund in Fund::ALL {
        let name = fund.label();
        ui.label(RichText::new(name).strong());
        let fb = b.of_mut(fund);
        if locked {
            widgets::computed(ui, "年初结转和结余（上年结转）", fb.opening);
        } else {
            widgets::opening_balance(
                ui,
                form,
                RowText::in_group(name, "年初结转和结余"),
                &FieldPath::balance(fund, BalanceSide::Opening),
                &mut fb.opening,
            );
        }
        widgets::signed_amount(
            ui,
            form,
            RowText::in_group(name, "年末结转和结余"),
            &FieldPath::balance(fund, BalanceSide::Closing),
            &mut fb.closing,
        );
        widgets::amount(
            ui,
            form,
            RowText::in_group(name, "上年年末结转和结余"),
            &FieldPath::balance(fund, BalanceSide::PriorClosing),
            &mut fb.prior_closing,
        );
    }
    widgets::amount(
        ui,
        form,
        "使用非财政拨款结余",
        &FieldPath::bridge(Bridge::UseOfNonAppropriationSurplus),
        &mut b.use_of_non_appropriation_surplus,
    );
    widgets::signed_amount(
        ui,
        form,
        "结余分配",
        &FieldPath::bridge(Bridge::SurplusDistribution),
        &mut b.surplus_distribution,
    );

    widgets::section(ui, "收、支总计");
    widgets::computed(ui, "收入总计（计算）", t.total_revenue);
    widgets::amount(
        ui,
        form,
        "收入总计（报表数）",
        &FieldPath::control_total(ControlTotal::TotalRevenue),
        &mut p.control_totals.total_revenue,
    );
    widgets::computed(ui, "支出总计（计算）", t.total_expenditure);
    widgets::amount(
        ui,
        form,
        "支出总计（报表数）",
        &FieldPath::control_total(ControlTotal::TotalExpenditure),
        &mut p.control_totals.total_expenditure,
    );
    widgets::prior_amount(ui, form, &mut p.prior_year, PriorFigure::TotalRevenue);
    widgets::prior_amount(ui, form, &mut p.prior_year, PriorFigure::TotalExpenditure);
    let figures: Vec<PriorFigure> = std::iter::once(PriorFigure::RevenueThisYear)
        .chain(RevenueItem::ALL.iter().map(|i| PriorFigure::of_source(*i)))
        .collect();
    egui::CollapsingHeader::new("更多上年数（文档比较本年收入或各项收入时填写）")
        .id_salt("prior-revenue")
        .default_open(figures.iter().any(|f| p.prior_year.get(*f).is_some()))
        .open(widgets::highlighted_prior(form, &figures))
        .show(ui, |ui| {
            for figure in &figures {
                widgets::prior_amount(ui, form, &mut p.prior_year, *figure);
            }
        });
    widgets::multiline(
        ui,
        form,
        "收、支总计变动的主要原因",
        &FieldPath::revenue_field(RevenueField::ChangeReason),
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
    let jump = form
        .highlight
        .as_ref()
        .and_then(FieldPath::revenue_line_index)
        .filter(|_| !*form.scrolled);
    let lines = &p.expenditure.lines;
    const CODE: f32 = 84.0;
    const NAME: f32 = 220.0;
    const AMOUNT: f32 = 124.0;
    const TOTAL: f32 = 96.0;
    let mut columns = vec![("编码", CODE), ("科目名称", NAME)];
    columns.extend(shown.iter().map(|s| (s.label(), AMOUNT)));
    columns.push(("合计", TOTAL));
    virtual_rows(ui, ("表2", &columns), rows.len(), jump, |ui, i| {
        let Some(line) = rows.get_mut(i) else {
            return;
        };
        cell(ui, CODE, |ui| {
            widgets::text_cell(
                ui,
                form,
                &FieldPath::revenue_line(i, RevenueLineField::Code),
                &mut line.code,
                70.0,
                &format!("收入第{}行科目编码", i + 1),
            );
        });
        cell(ui, NAME, |ui| {
            let name = revenue_item_name(form.catalog, lines, line)
                .unwrap_or_else(|| "（科目表中没有此编码）".to_owned());
            ui.add(egui::Label::new(name).truncate());
        });
        for &source in &shown {
            cell(ui, AMOUNT, |ui| {
                widgets::amount_cell(
                    ui,
                    form,
                    &FieldPath::revenue_line(i, source.into()),
                    source.in_line(line),
                    &format!("收入第{}行{}", i + 1, source.label()),
                );
            });
        }
        cell(ui, TOTAL, |ui| {
            widgets::computed_cell(ui, &line.total().table());
        });
        if remove_button(ui, i, "科目") {
            remove = Some(i);
        }
    });
    let op = remove.map(RowOp::Remove);
    if apply(rows, op) {
        *form.edited = Some(FieldPath::revenue_field(RevenueField::ByFunction));
    }
    ui.horizontal(|ui| {
        if ui.button("添加收入科目").clicked() {
            rows.push(RevenueLine::default());
            *form.edited = Some(FieldPath::revenue_field(RevenueField::ByFunction));
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
            *form.edited = Some(FieldPath::revenue_field(RevenueField::ByFunction));
        }
    });
}
