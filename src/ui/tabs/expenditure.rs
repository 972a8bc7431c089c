//! 支出: the functional-classification lines with the code picker, totals by nature and fund,
//! their 报表数, and charts 3 to 6.

use egui::{RichText, Ui};

use super::{TabState, apply, row_ops};
use crate::document::Document;
use crate::model::totals::Totals;
use crate::model::{ClassNames, FunctionalLine, Fund, Project};
use crate::ui::charts;
use crate::ui::widgets::{self, Form};

pub(super) fn ui(
    ui: &mut Ui,
    p: &mut Project,
    form: &mut Form<'_>,
    doc: &Document,
    state: &mut TabState,
) {
    // The table needs the full width; the charts follow it.
    form_ui(ui, p, form, state);
    widgets::section(ui, "图表");
    ui.horizontal_wrapped(|ui| {
        for n in [3, 6, 4, 5] {
            ui.group(|ui| charts::show(ui, doc, n));
        }
    });
}

fn fund_combo(ui: &mut Ui, id: &str, fund: &mut Fund, name: &str) -> bool {
    let before = *fund;
    egui::ComboBox::from_id_salt(id)
        .width(150.0)
        .selected_text(fund.label())
        .show_ui(ui, |ui| {
            for f in Fund::ALL {
                ui.selectable_value(fund, f, f.label());
            }
        })
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, name));
    *fund != before
}

fn form_ui(ui: &mut Ui, p: &mut Project, form: &mut Form<'_>, state: &mut TabState) {
    widgets::section(ui, "支出决算明细（按功能分类科目）");
    ui.label(
        "每行一个项级科目；输入 7 位编码自动带出名称，或点“选择…”按编码、名称、拼音首字母查找。",
    );
    let year = p.unit.year;
    let mut op = None;
    let len = p.expenditure.lines.len();
    // Only the visible rows are laid out, so a unit with hundreds of lines stays responsive.
    let row_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y + 2.0;
    let mut scroll = egui::ScrollArea::both()
        .id_salt("lines-scroll")
        .max_height(440.0);
    if let Some(i) = form.highlight.as_ref().and_then(|h| line_index(h.as_str()))
        && !*form.scrolled
    {
        // show_rows spaces rows by their height plus the item spacing.
        let pitch = row_height + ui.spacing().item_spacing.y;
        scroll = scroll.vertical_scroll_offset((i as f32 - 3.0).max(0.0) * pitch);
    }
    scroll.show_rows(ui, row_height, len, |ui, rows| {
        egui::Grid::new("lines")
            .striped(true)
            .num_columns(9)
            .min_row_height(row_height - ui.spacing().item_spacing.y)
            .show(ui, |ui| {
                if rows.start == 0 {
                    for h in [
                        "编码",
                        "科目名称",
                        "资金来源",
                        "预算数",
                        "基本支出",
                        "项目支出",
                        "决算合计",
                        "决算≠预算的原因",
                        "",
                    ] {
                        ui.label(RichText::new(h).strong());
                    }
                    ui.end_row();
                }
                for i in rows {
                    let Some(line) = p.expenditure.lines.get_mut(i) else {
                        break;
                    };
                    line_row(ui, form, i, line, state);
                    op = op
                        .take()
                        .or(ui.horizontal(|ui| row_ops(ui, i, len, "科目")).inner);
                    ui.end_row();
                }
            });
    });
    if apply(&mut p.expenditure.lines, op) {
        *form.edited = Some("expenditure.lines".into());
    }
    if ui.button("添加科目").clicked() {
        p.expenditure.lines.push(FunctionalLine {
            budget: None,
            ..FunctionalLine::default()
        });
        *form.edited = Some("expenditure.lines".into());
    }
    picker_ui(ui, p, form, state, year);

    let t = Totals::of(p);
    widgets::section(ui, "合计（由明细自动计算）与报表数");
    widgets::computed(ui, "本年支出合计", t.expenditure_this_year);
    let c = &mut p.control_totals;
    widgets::optional_amount(
        ui,
        form,
        "本年支出合计（报表数）",
        "control_totals.expenditure_this_year",
        &mut c.expenditure_this_year,
    );
    widgets::computed(ui, "基本支出", t.by_nature.basic);
    widgets::optional_amount(
        ui,
        form,
        "基本支出（报表数）",
        "control_totals.basic",
        &mut c.basic,
    );
    widgets::computed(ui, "项目支出", t.by_nature.project);
    widgets::optional_amount(
        ui,
        form,
        "项目支出（报表数）",
        "control_totals.project",
        &mut c.project,
    );
    widgets::computed(ui, "财政拨款收入", t.appropriation_revenue);
    widgets::optional_amount(
        ui,
        form,
        "财政拨款收入（报表数）",
        "control_totals.appropriation_revenue",
        &mut c.appropriation_revenue,
    );
    widgets::computed(ui, "财政拨款支出", t.appropriation_expenditure);
    widgets::optional_amount(
        ui,
        form,
        "财政拨款支出（报表数）",
        "control_totals.appropriation_expenditure",
        &mut c.appropriation_expenditure,
    );
    widgets::computed(ui, "一般公共预算财政拨款支出", t.general_budget_expenditure);
    widgets::optional_amount(
        ui,
        form,
        "一般公共预算财政拨款支出（报表数）",
        "control_totals.general_budget_expenditure",
        &mut c.general_budget_expenditure,
    );

    widgets::section(ui, "与上年比较");
    let py = &mut p.prior_year;
    widgets::optional_amount(
        ui,
        form,
        "上年财政拨款收入总计",
        "prior_year.appropriation_revenue",
        &mut py.appropriation_revenue,
    );
    widgets::optional_amount(
        ui,
        form,
        "上年财政拨款支出总计",
        "prior_year.appropriation_expenditure",
        &mut py.appropriation_expenditure,
    );
    widgets::optional_amount(
        ui,
        form,
        "上年一般公共预算财政拨款支出",
        "prior_year.general_budget_expenditure",
        &mut py.general_budget_expenditure,
    );
    let e = &mut p.expenditure;
    widgets::multiline(
        ui,
        form,
        "财政拨款收、支总计变动的主要原因",
        "expenditure.appropriation_change_reason",
        &mut e.appropriation_change_reason,
    );
    widgets::multiline(
        ui,
        form,
        "一般公共预算财政拨款支出变动的主要原因",
        "expenditure.general_budget_change_reason",
        &mut e.general_budget_change_reason,
    );
}

fn line_row(
    ui: &mut Ui,
    form: &mut Form<'_>,
    i: usize,
    line: &mut FunctionalLine,
    state: &mut TabState,
) {
    let base = format!("expenditure.lines[{i}]");
    ui.horizontal(|ui| {
        widgets::text_cell(
            ui,
            form,
            &format!("{base}.code"),
            &mut line.code,
            70.0,
            &format!("第{}行科目编码", i + 1),
        );
        if ui.small_button("选择…").clicked() {
            state.picker = Some((i, line.code.clone()));
        }
    });
    let known = form.catalog.and_then(|c| c.class_path(&line.code));
    match known {
        Some(path) => {
            ui.label(&path.item.name).on_hover_text(format!(
                "{} / {} / {}",
                path.class.name, path.section.name, path.item.name
            ));
            if line.names.is_some() {
                line.names = None;
                *form.edited = Some(format!("{base}.names"));
            }
        }
        None => {
            ui.horizontal(|ui| {
                let names = line.names.get_or_insert_with(ClassNames::default);
                widgets::text_cell(
                    ui,
                    form,
                    &format!("{base}.names.class"),
                    &mut names.class,
                    70.0,
                    "类名称",
                );
                widgets::text_cell(
                    ui,
                    form,
                    &format!("{base}.names.section"),
                    &mut names.section,
                    70.0,
                    "款名称",
                );
                widgets::text_cell(
                    ui,
                    form,
                    &format!("{base}.names.item"),
                    &mut names.item,
                    90.0,
                    "项名称",
                );
            })
            .response
            .on_hover_text("科目表中没有此编码，请依次填写类、款、项名称");
        }
    }
    if fund_combo(
        ui,
        &format!("{base}.fund"),
        &mut line.fund,
        &format!("第{}行资金来源", i + 1),
    ) {
        *form.edited = Some(format!("{base}.fund"));
    }
    widgets::optional_amount_cell(
        ui,
        form,
        &format!("{base}.budget"),
        &mut line.budget,
        &format!("第{}行预算数", i + 1),
    );
    widgets::amount_cell(
        ui,
        form,
        &format!("{base}.basic"),
        &mut line.basic,
        &format!("第{}行基本支出", i + 1),
    );
    widgets::amount_cell(
        ui,
        form,
        &format!("{base}.project"),
        &mut line.project,
        &format!("第{}行项目支出", i + 1),
    );
    ui.label(line.total().table());
    widgets::text_cell(
        ui,
        form,
        &format!("{base}.deviation_reason"),
        &mut line.deviation_reason,
        140.0,
        &format!("第{}行原因", i + 1),
    );
}

fn picker_ui(ui: &mut Ui, p: &mut Project, form: &mut Form<'_>, state: &mut TabState, year: i32) {
    let Some((line, query)) = state.picker.as_mut() else {
        return;
    };
    let mut open = true;
    let mut chosen = None;
    egui::Window::new(format!("选择功能分类科目（{year}年）"))
        .open(&mut open)
        .collapsible(false)
        .show(ui.ctx(), |ui| {
            ui.horizontal(|ui| {
                let label = ui.label("搜索科目");
                ui.text_edit_singleline(query)
                    .labelled_by(label.id)
                    .request_focus();
            });
            ui.label(
                RichText::new("可输入编码、名称的一部分或拼音首字母，如 221、住房公积、zfgjj")
                    .small(),
            );
            let Some(catalog) = form.catalog else {
                ui.label("本年度没有科目表。");
                return;
            };
            egui::ScrollArea::vertical()
                .max_height(300.0)
                .show(ui, |ui| {
                    for hit in catalog.search_functional(query, 30) {
                        if ui.selectable_label(false, hit.label()).clicked() {
                            chosen = Some(hit.entry.code.clone());
                        }
                    }
                });
        });
    let index = *line;
    if let Some(code) = chosen {
        if let Some(l) = p.expenditure.lines.get_mut(index) {
            l.code = code;
            l.names = None;
            form.buffers
                .remove(&format!("expenditure.lines[{index}].code"));
            *form.edited = Some(format!("expenditure.lines[{index}].code"));
        }
        state.picker = None;
    } else if !open {
        state.picker = None;
    }
}

/// The line index of a field path inside `expenditure.lines[N]`.
fn line_index(path: &str) -> Option<usize> {
    path.strip_prefix("expenditure.lines[")?
        .split(']')
        .next()?
        .parse()
        .ok()
}
