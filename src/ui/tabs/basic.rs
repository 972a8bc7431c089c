//! 人员/公用经费: each as a total with the names it mainly includes, or as economic items.

use egui::Ui;

use super::{apply, row_ops};
use crate::model::totals::Totals;
use crate::model::{
    ControlTotal, CostEntry, CostGroup, CostItemField, CostTotalField, EconomicItem,
    ExpenditureField, FieldPath, PriorFigure, Project,
};
use crate::ui::widgets::{self, Form};

pub(super) fn ui(ui: &mut Ui, p: &mut Project, form: &mut Form<'_>) {
    let t = Totals::of(p);
    widgets::section(ui, "一般公共预算财政拨款基本支出");
    widgets::computed(ui, "基本支出（由支出明细计算）", t.general_budget_basic);
    widgets::computed(
        ui,
        "人员经费 + 公用经费",
        t.personnel_costs + t.public_costs,
    );
    widgets::amount(
        ui,
        form,
        "一般公共预算财政拨款基本支出（报表数）",
        &FieldPath::control_total(ControlTotal::GeneralBudgetBasic),
        &mut p.control_totals.general_budget_basic,
    );
    for figure in [
        PriorFigure::GeneralBudgetBasic,
        PriorFigure::Personnel,
        PriorFigure::PublicCosts,
    ] {
        widgets::prior_amount(ui, form, &mut p.prior_year, figure);
    }
    let b = &mut p.basic_costs;
    group_ui(
        ui,
        form,
        CostGroup::Personnel,
        &mut b.personnel,
        &["301", "303"],
    );
    group_ui(ui, form, CostGroup::Public, &mut b.public, &["302", "310"]);

    // 四川's 一般公共预算财政拨款支出决算明细表 prints 项目支出 by 经济分类 beside 基本支出.
    widgets::section(ui, "一般公共预算财政拨款项目支出（按经济分类）");
    widgets::computed(ui, "项目支出（由支出明细计算）", t.general_budget_project);
    let base = FieldPath::expenditure(ExpenditureField::ProjectEconomic);
    let path = |i, field| FieldPath::project_economic(i, field);
    items_ui(
        ui,
        form,
        &mut p.expenditure.project_economic,
        &path,
        &base,
        "项目支出",
        &[],
    );
    if let Some(sum) = p.expenditure.project_economic_total() {
        widgets::computed(ui, "项目支出经济分类合计", sum);
    }
}

fn group_ui(
    ui: &mut Ui,
    form: &mut Form<'_>,
    group: CostGroup,
    entry: &mut CostEntry,
    classes: &[&str],
) {
    let name = group.label();
    widgets::section(ui, name);
    let base = FieldPath::cost_group(group);
    let mut by_items = matches!(entry, CostEntry::Items(_));
    ui.horizontal(|ui| {
        let a = ui.radio_value(&mut by_items, false, "只录总额");
        let b = ui.radio_value(&mut by_items, true, "按经济分类科目录入明细");
        if a.changed() || b.changed() {
            *entry = if by_items {
                CostEntry::Items(Vec::new())
            } else {
                CostEntry::Total {
                    amount: entry.entered(),
                    item_names: entry.item_names().into_iter().map(str::to_owned).collect(),
                }
            };
            *form.edited = Some(base.clone());
        }
    });
    match entry {
        CostEntry::Total { amount, item_names } => {
            widgets::amount(
                ui,
                form,
                &format!("{name}总额"),
                &FieldPath::cost_total(group, CostTotalField::Amount),
                amount,
            );
            widgets::lines(
                ui,
                form,
                "主要包括（每行一项）",
                &FieldPath::cost_total(group, CostTotalField::ItemNames),
                item_names,
            );
        }
        CostEntry::Items(items) => {
            let path = |i, field| FieldPath::cost_item(group, i, field);
            items_ui(ui, form, items, &path, &base, name, classes);
            widgets::computed(ui, &format!("{name}合计"), entry.amount());
        }
    }
}

/// Economic items, each a 科目 chosen from the catalog's 款 (of `classes`, or any when empty)
/// and its amount, with the row operations and an "add" button. `path` names an item's field.
fn items_ui(
    ui: &mut Ui,
    form: &mut Form<'_>,
    items: &mut Vec<EconomicItem>,
    path: &dyn Fn(usize, CostItemField) -> FieldPath,
    base: &FieldPath,
    name: &str,
    classes: &[&str],
) {
    let mut op = None;
    let len = items.len();
    for (i, item) in items.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let code_path = path(i, CostItemField::Code);
            let label = format!("{} {}", item.code, item.name);
            egui::ComboBox::from_id_salt(&code_path)
                .width(220.0)
                .selected_text(if item.code.is_empty() {
                    "选择科目".to_owned()
                } else {
                    label
                })
                .show_ui(ui, |ui| {
                    let Some(catalog) = form.catalog else {
                        return;
                    };
                    // What the clerk typed to narrow the list, kept while the list is open.
                    let query_id = ui.make_persistent_id(("economic-search", &code_path));
                    let mut query: String =
                        ui.data_mut(|d| d.get_temp(query_id)).unwrap_or_default();
                    let search = ui.add(
                        egui::TextEdit::singleline(&mut query)
                            .hint_text("编码、名称或拼音首字母")
                            .desired_width(200.0),
                    );
                    search.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::SearchInput,
                            true,
                            format!("查找{name}第{}项科目", i + 1),
                        )
                    });
                    search.request_focus();
                    let hits = catalog.search_economic(&query, classes);
                    if hits.is_empty() {
                        ui.label("没有符合的科目");
                    }
                    for e in hits {
                        if ui
                            .selectable_label(item.code == e.code, format!("{} {}", e.code, e.name))
                            .clicked()
                        {
                            item.code = e.code.clone();
                            item.name = e.name.clone();
                            *form.edited = Some(code_path.clone());
                            query.clear();
                        }
                    }
                    ui.data_mut(|d| d.insert_temp(query_id, query));
                })
                .response
                .widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::ComboBox,
                        true,
                        format!("{name}第{}项科目", i + 1),
                    )
                });
            widgets::amount_cell(
                ui,
                form,
                &path(i, CostItemField::Amount),
                &mut item.amount,
                &format!("{name}第{}项金额", i + 1),
            );
            op = op.take().or(row_ops(ui, i, len, "科目"));
        });
    }
    if apply(items, op) {
        *form.edited = Some(base.clone());
    }
    if ui.button(format!("添加{name}科目")).clicked() {
        items.push(EconomicItem::default());
        *form.edited = Some(base.clone());
    }
}
