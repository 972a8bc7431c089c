//! 支出: the functional-classification lines with the code picker, totals by nature and fund,
//! their 报表数, and charts 3 to 6.

use egui::{RichText, Ui};

use super::{GridRow, TabState, apply, row_ops, virtual_grid};
use crate::document::Document;
use crate::model::{
    ClassNames, ControlTotal, ExpenditureField, FieldPath, FunctionalLine, Fund, LineField,
    PriorFigure, Project,
};
use crate::ui::charts;
use crate::ui::widgets::{self, Form};

/// The prior-year figures of expenditure beyond the three every document compares.
pub(crate) const PRIOR_EXPENDITURE: [PriorFigure; 10] = [
    PriorFigure::ExpenditureThisYear,
    PriorFigure::Basic,
    PriorFigure::Project,
    PriorFigure::Remitted,
    PriorFigure::BusinessExpenditure,
    PriorFigure::Subsidies,
    PriorFigure::AppropriationRevenueThisYear,
    PriorFigure::AppropriationExpenditureThisYear,
    PriorFigure::GovernmentFundExpenditure,
    PriorFigure::StateCapitalExpenditure,
];

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

fn fund_combo(ui: &mut Ui, id: &FieldPath, fund: &mut Fund, name: &str) -> bool {
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
    // A department's lines are its members' (刷新汇总 makes them again): only its own texts are
    // typed here.
    let fixed = form.amounts_from_members;
    ui.label(if fixed {
        "部门汇总：科目和金额由各单位的文件汇总而来，刷新汇总时重新生成，请在各单位的文件中修改；决算与预算不同的原因可在此填写。"
    } else {
        "每行一个项级科目；输入 7 位编码自动带出名称，或点“选择…”按编码、名称、拼音首字母查找。"
    });
    let year = p.unit.year;
    let mut op = None;
    let len = p.expenditure.lines.len();
    // Only the visible rows are laid out, so a unit with hundreds of lines stays responsive.
    let jump = form
        .highlight
        .as_ref()
        .and_then(FieldPath::expenditure_line_index)
        .filter(|_| !*form.scrolled);
    let lines = &mut p.expenditure.lines;
    virtual_grid(ui, "lines", &COLUMNS, len, jump, |row, i| {
        let Some(line) = lines.get_mut(i) else {
            return;
        };
        line_row(row, form, i, line, state);
        op = op.take().or(row.cell(|ui| {
            if fixed {
                ui.disable();
            }
            row_ops(ui, i, len, "科目")
        }));
    });
    if apply(&mut p.expenditure.lines, op) {
        *form.edited = Some(FieldPath::expenditure(ExpenditureField::Lines));
    }
    if ui
        .add_enabled(!fixed, egui::Button::new("添加科目"))
        .clicked()
    {
        p.expenditure.lines.push(FunctionalLine {
            budget: None,
            ..FunctionalLine::default()
        });
        *form.edited = Some(FieldPath::expenditure(ExpenditureField::Lines));
    }
    picker_ui(ui, p, form, state, year);
    catalog_bar(ui, p, form, state);

    let t = form.totals;
    widgets::section(ui, "合计（由明细自动计算）与报表数");
    for (label, computed, total) in [
        (
            "本年支出合计",
            t.expenditure_this_year,
            ControlTotal::ExpenditureThisYear,
        ),
        ("基本支出", t.by_nature.basic, ControlTotal::Basic),
        ("项目支出", t.by_nature.project, ControlTotal::Project),
        (
            "财政拨款收入",
            t.appropriation_revenue,
            ControlTotal::AppropriationRevenue,
        ),
        (
            "财政拨款支出",
            t.appropriation_expenditure,
            ControlTotal::AppropriationExpenditure,
        ),
        (
            "一般公共预算财政拨款支出",
            t.general_budget_expenditure,
            ControlTotal::GeneralBudgetExpenditure,
        ),
    ] {
        widgets::computed(ui, label, computed);
        widgets::amount(
            ui,
            form,
            total.label(),
            &FieldPath::control_total(total),
            total.of_mut(&mut p.control_totals),
        );
    }

    widgets::section(ui, "与上年比较");
    for figure in [
        PriorFigure::AppropriationRevenue,
        PriorFigure::AppropriationExpenditure,
        PriorFigure::GeneralBudgetExpenditure,
    ] {
        widgets::prior_amount(ui, form, &mut p.prior_year, figure);
    }
    egui::CollapsingHeader::new("更多上年数（文档比较本年支出、各项支出或各项资金时填写）")
        .id_salt("prior-expenditure")
        .default_open(
            PRIOR_EXPENDITURE
                .iter()
                .any(|f| p.prior_year.get(*f).is_some()),
        )
        .open(widgets::highlighted_prior(form, &PRIOR_EXPENDITURE))
        .show(ui, |ui| {
            for figure in PRIOR_EXPENDITURE {
                widgets::prior_amount(ui, form, &mut p.prior_year, figure);
            }
        });
    let e = &mut p.expenditure;
    widgets::multiline(
        ui,
        form,
        "财政拨款收、支总计变动的主要原因",
        &FieldPath::expenditure(ExpenditureField::AppropriationChangeReason),
        &mut e.appropriation_change_reason,
    );
    widgets::multiline(
        ui,
        form,
        "一般公共预算财政拨款支出变动的主要原因",
        &FieldPath::expenditure(ExpenditureField::GeneralBudgetChangeReason),
        &mut e.general_budget_change_reason,
    );
}

/// The columns of the lines' table: heading and width.
const COLUMNS: [(&str, f32); 11] = [
    ("编码", 168.0),
    ("科目名称", 300.0),
    ("资金来源", 176.0),
    ("年初预算数", 124.0),
    ("全年预算数", 124.0),
    ("基本支出", 124.0),
    ("项目支出", 124.0),
    ("决算合计", 104.0),
    ("上年决算数", 124.0),
    ("决算≠预算的原因", 168.0),
    ("", 96.0),
];

fn line_row(
    row: &mut GridRow<'_>,
    form: &mut Form<'_>,
    i: usize,
    line: &mut FunctionalLine,
    state: &mut TabState,
) {
    let at = |field| FieldPath::expenditure_line(i, field);
    let fixed = form.amounts_from_members;
    row.cell(|ui| {
        if fixed {
            ui.disable();
        }
        widgets::text_cell(
            ui,
            form,
            &at(LineField::Code),
            &mut line.code,
            70.0,
            &format!("第{}行科目编码", i + 1),
        );
        if ui.small_button("选择…").clicked() {
            state.picker = Some((i, line.code.clone()));
        }
    });
    row.cell(|ui| names_cell(ui, form, i, line));
    row.cell(|ui| {
        if fixed {
            ui.label(line.fund.label());
        } else if fund_combo(
            ui,
            &at(LineField::Fund),
            &mut line.fund,
            &format!("第{}行资金来源", i + 1),
        ) {
            *form.edited = Some(at(LineField::Fund));
        }
    });
    for (field, value, name) in [
        (
            LineField::InitialBudget,
            &mut line.initial_budget,
            "年初预算数",
        ),
        (LineField::Budget, &mut line.budget, "预算数"),
        (LineField::Basic, &mut line.basic, "基本支出"),
        (LineField::Project, &mut line.project, "项目支出"),
    ] {
        row.cell(|ui| {
            widgets::amount_cell(ui, form, &at(field), value, &format!("第{}行{name}", i + 1));
        });
    }
    row.cell(|ui| widgets::computed_cell(ui, &line.total().table()));
    row.cell(|ui| {
        widgets::amount_cell(
            ui,
            form,
            &at(LineField::Prior),
            &mut line.prior,
            &format!("第{}行上年决算数", i + 1),
        );
    });
    row.cell(|ui| {
        widgets::text_cell(
            ui,
            form,
            &at(LineField::DeviationReason),
            &mut line.deviation_reason,
            140.0,
            &format!("第{}行原因", i + 1),
        );
    });
}

/// The line's 科目 names: the catalog's (cut to the column, whole in the hover) when it knows
/// the code, otherwise 类/款/项 fields to type them.
fn names_cell(ui: &mut Ui, form: &mut Form<'_>, i: usize, line: &mut FunctionalLine) {
    let at = |field| FieldPath::expenditure_line(i, field);
    let fixed = form.amounts_from_members;
    let known = form.catalog.and_then(|c| c.class_path(&line.code));
    match known {
        Some(path) => {
            // Long 项 names are cut to keep the amounts in view; the whole name is in the hover.
            let size = egui::vec2(292.0, ui.spacing().interact_size.y);
            let layout = egui::Layout::left_to_right(egui::Align::Center);
            ui.allocate_ui_with_layout(size, layout, |ui| {
                ui.set_min_width(size.x);
                ui.add(egui::Label::new(&path.item.name).truncate())
            })
            .inner
            .on_hover_text(format!(
                "{} / {} / {}",
                path.class.name, path.section.name, path.item.name
            ));
            // Names the clerk gave are kept (the document uses the catalog's while it knows
            // the code): looking at the tab never changes the project.
        }
        None => {
            // A code named in an earlier project gets those names until the clerk types others.
            let unnamed = line
                .names
                .as_ref()
                .is_none_or(|n| n.class.is_empty() && n.section.is_empty() && n.item.is_empty());
            if unnamed && let Some(names) = form.remembered_codes.get(&line.code) {
                line.names = Some(names.clone());
                for field in [
                    LineField::NamesClass,
                    LineField::NamesSection,
                    LineField::NamesItem,
                ] {
                    form.buffers.remove(&at(field));
                }
                *form.edited = Some(at(LineField::Names));
            }
            let mut names = line.names.clone().unwrap_or_default();
            ui.horizontal(|ui| {
                if fixed {
                    ui.disable();
                }
                let names = &mut names;
                widgets::text_cell(
                    ui,
                    form,
                    &at(LineField::NamesClass),
                    &mut names.class,
                    56.0,
                    "类名称",
                );
                widgets::text_cell(
                    ui,
                    form,
                    &at(LineField::NamesSection),
                    &mut names.section,
                    56.0,
                    "款名称",
                );
                widgets::text_cell(
                    ui,
                    form,
                    &at(LineField::NamesItem),
                    &mut names.item,
                    84.0,
                    "项名称",
                );
            })
            .response
            .on_hover_text("科目表中没有此编码，请依次填写类、款、项名称");
            // Names exist once the clerk types one; erasing all three leaves none.
            if line.names.clone().unwrap_or_default() != names {
                line.names = (names != ClassNames::default()).then_some(names);
            }
        }
    }
}

/// The catalog in use, with 导入科目表… and, once one is imported, the way back to the built-in.
fn catalog_bar(ui: &mut Ui, p: &Project, form: &Form<'_>, state: &mut TabState) {
    let described = form
        .catalog
        .map_or_else(|| "内置科目表无法读取".to_owned(), |c| c.describe());
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("所用科目表：{described}"));
        if ui
            .button("导入科目表…")
            .on_hover_text(
                "导入本地财政下发的本年度科目表（.xlsx、.xls 或 .csv，含“科目编码”“科目名称”列）",
            )
            .clicked()
        {
            state.catalog_request = Some(crate::ui::Command::ImportCatalog(None));
        }
        if p.catalog.is_some() && ui.button("不再使用导入的科目表").clicked() {
            state.catalog_request = Some(crate::ui::Command::RemoveCatalog);
        }
    });
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
            let path = FieldPath::expenditure_line(index, LineField::Code);
            form.buffers.remove(&path);
            *form.edited = Some(path);
        }
        state.picker = None;
    } else if !open {
        state.picker = None;
    }
}
