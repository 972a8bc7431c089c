//! One module per tab; each draws its part of the project with the widgets of [`super::widgets`].

mod assets;
mod basic;
mod document;
mod expenditure;
mod performance;
mod procurement;
mod revenue;
mod three_public;
mod unit;

use egui::{RichText, Ui};

use super::tab::Tab;
use super::widgets::Form;
use crate::document::Document;
use crate::model::{Project, Settings, ShareDecimals, ShareRounding, Tolerance};
use crate::money::EntryUnit;

/// State a tab keeps between frames.
#[derive(Clone, Debug, Default)]
pub struct TabState {
    /// The functional-classification picker: the line it fills and the search text.
    pub picker: Option<(usize, String)>,
    /// What the 支出 tab's 科目表 line asked for this frame, for the application to carry out.
    pub catalog_request: Option<crate::ui::Command>,
}

/// Draws `tab`.
pub fn tab_ui(
    ui: &mut Ui,
    tab: Tab,
    project: &mut Project,
    form: &mut Form<'_>,
    doc: &Document,
    state: &mut TabState,
) {
    match tab {
        Tab::Unit => unit::ui(ui, project, form),
        Tab::Revenue => revenue::ui(ui, project, form, doc),
        Tab::Expenditure => expenditure::ui(ui, project, form, doc, state),
        Tab::BasicCosts => basic::ui(ui, project, form),
        Tab::ThreePublic => three_public::ui(ui, project, form, doc),
        Tab::Procurement => procurement::ui(ui, project, form),
        Tab::Assets => assets::ui(ui, project, form),
        Tab::Performance => performance::ui(ui, project, form),
        Tab::Document => {
            document::ui(ui, doc);
        }
        // Drawn by the app, which reads the members' files.
        Tab::Department => {}
    }
}

/// The generated document as text (the 情况说明 tab's first view); the id of the paragraph
/// the clerk clicked to rewrite, if any.
pub fn document_ui(ui: &mut Ui, doc: &Document) -> Option<String> {
    document::ui(ui, doc)
}

/// The project settings: entry unit, share rounding, tolerance.
pub fn settings_ui(ui: &mut Ui, settings: &mut Settings) {
    ui.label("金额录入单位（文件中一律按万元精确保存）：");
    ui.horizontal(|ui| {
        ui.radio_value(&mut settings.entry_unit, EntryUnit::Wan, "万元");
        ui.radio_value(&mut settings.entry_unit, EntryUnit::Yuan, "元");
    });
    ui.label("占比的四舍五入方式：");
    ui.radio_value(
        &mut settings.share_rounding,
        ShareRounding::Independent,
        "各项独立四舍五入（合计可能为 99.99% 或 100.01%）",
    );
    ui.radio_value(
        &mut settings.share_rounding,
        ShareRounding::LargestRemainder,
        "最大余额法（合计为 100%，文档加注说明）",
    );
    ui.label("占比和增长率的小数位数：");
    ui.horizontal(|ui| {
        for (value, text) in [
            (ShareDecimals::Template, "按模板"),
            (ShareDecimals::Zero, "整数（68%）"),
            (ShareDecimals::One, "一位（59.7%）"),
            (ShareDecimals::Two, "两位（6.18%）"),
        ] {
            ui.radio_value(&mut settings.share_decimals, value, text);
        }
    });
    ui.label("核对的精确程度：");
    ui.radio_value(&mut settings.tolerance, Tolerance::Exact, "精确相等");
    ui.radio_value(
        &mut settings.tolerance,
        Tolerance::CentPerItem,
        "允许每项 ±0.01 万元（数字抄自已四舍五入的报表时）",
    );
}

/// Row operations of an editable table.
pub enum RowOp {
    /// Move row up.
    Up(usize),
    /// Move row down.
    Down(usize),
    /// Remove row.
    Remove(usize),
}

/// The ↑ ↓ × buttons of row `i` of `len` rows.
pub fn row_ops(ui: &mut Ui, i: usize, len: usize, what: &str) -> Option<RowOp> {
    let mut op = None;
    if ui
        .add_enabled(i > 0, egui::Button::new("↑"))
        .on_hover_text("上移")
        .clicked()
    {
        op = Some(RowOp::Up(i));
    }
    if ui
        .add_enabled(i + 1 < len, egui::Button::new("↓"))
        .on_hover_text("下移")
        .clicked()
    {
        op = Some(RowOp::Down(i));
    }
    if remove_button(ui, i, what) {
        op = Some(RowOp::Remove(i));
    }
    op
}

/// The "×" that deletes row `i`; true when clicked.
pub fn remove_button(ui: &mut Ui, i: usize, what: &str) -> bool {
    let remove = format!("删除第 {} 行{what}", i + 1);
    let button = ui.button("×");
    // Screen readers (and the UI tests) name the button by what it does, not by "×".
    button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &remove));
    button.on_hover_text(&remove).clicked()
}

/// Applies a row operation to a list; returns whether it changed.
pub fn apply<T>(items: &mut Vec<T>, op: Option<RowOp>) -> bool {
    match op {
        Some(RowOp::Up(i)) if i > 0 && i < items.len() => items.swap(i - 1, i),
        Some(RowOp::Down(i)) if i + 1 < items.len() => items.swap(i, i + 1),
        Some(RowOp::Remove(i)) if i < items.len() => {
            items.remove(i);
        }
        _ => return false,
    }
    true
}

/// A table whose rows are laid out only while in view (a large project has hundreds of rows):
/// `columns` (heading, width) over rows in a scroll area of their own. The headings stay in view
/// while the rows scroll under them (a clerk twenty rows down still sees which of the six amount
/// columns is 年初预算数), and scroll sideways with them. Each row draws its cells in order with
/// [`GridRow::cell`]. When a finding named row `jump` and the field has not been scrolled to yet,
/// the area starts a few rows above it, so that the field is drawn and can scroll itself into
/// view.
pub fn virtual_grid(
    ui: &mut Ui,
    id: &str,
    columns: &[(&str, f32)],
    len: usize,
    jump: Option<usize>,
    mut row: impl FnMut(&mut GridRow<'_>, usize),
) {
    let row_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y + 2.0;
    // show_rows spaces rows by their height plus the item spacing.
    let pitch = row_height + ui.spacing().item_spacing.y;
    let spacing = ui.spacing().item_spacing.x;
    let width: f32 = columns.iter().map(|(_, w)| w + spacing).sum();
    let widths: Vec<f32> = columns.iter().map(|(_, w)| *w).collect();
    // As tall as its rows up to 440 points, also where the tab's own scroll area leaves less
    // room below (the table at the foot of a tab would otherwise shrink to a few rows).
    let height = (len as f32 * pitch).min(440.0);
    // The headings' place is kept above the rows and filled once the rows are drawn, shifted by
    // how far they were scrolled sideways: a scroll area of their own around the rows would take
    // the sideways scroll a finding asks for (egui gives each request to the innermost area).
    let heading_height = ui.spacing().interact_size.y;
    let (headings, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), heading_height),
        egui::Sense::hover(),
    );
    let mut scroll = egui::ScrollArea::both()
        .id_salt((id, "scroll"))
        .min_scrolled_height(height)
        .max_height(440.0);
    if let Some(i) = jump {
        scroll = scroll.vertical_scroll_offset((i as f32 - 3.0).max(0.0) * pitch);
    }
    // Scroll bars of their own below and beside the rows, not floating over them: a bar over
    // the last row would take the clicks meant for its fields.
    let mut bars = ui.spacing().clone();
    bars.scroll = egui::style::ScrollStyle::solid();
    let shown = ui
        .scope(|ui| {
            *ui.spacing_mut() = bars;
            scroll.show_rows(ui, row_height, len, |ui, rows| {
                ui.set_min_width(width);
                for i in rows {
                    let size = egui::vec2(width, row_height);
                    let at = egui::Rect::from_min_size(ui.cursor().min, size);
                    if i % 2 == 1 {
                        ui.painter()
                            .rect_filled(at, 0.0, ui.visuals().faint_bg_color);
                    }
                    let layout = egui::Layout::left_to_right(egui::Align::Center);
                    ui.allocate_ui_with_layout(size, layout, |ui| {
                        let mut cells = GridRow {
                            ui,
                            widths: widths.iter(),
                        };
                        row(&mut cells, i);
                    });
                }
            })
        })
        .inner;
    let shifted = egui::Rect::from_min_size(
        headings.min - egui::vec2(shown.state.clamped_offset().x, 0.0),
        egui::vec2(width.max(headings.width()), heading_height),
    );
    let mut heading_ui = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(shifted)
            .layout(egui::Layout::left_to_right(egui::Align::Center)),
    );
    heading_ui.set_clip_rect(headings.intersect(ui.clip_rect()));
    heading_cells(&mut heading_ui, "", columns);
}

/// One row of a [`virtual_grid`] being drawn: its cells take the columns' widths in turn.
pub struct GridRow<'a> {
    ui: &'a mut Ui,
    widths: std::slice::Iter<'a, f32>,
}

impl GridRow<'_> {
    /// The next cell, its content left to right; past the last column, as wide as it needs.
    pub fn cell<R>(&mut self, add: impl FnOnce(&mut Ui) -> R) -> R {
        match self.widths.next() {
            Some(&width) => cell(self.ui, width, add),
            None => add(self.ui),
        }
    }
}

/// Rows of fixed-width cells laid out only while in view of the tab's own scroll area: what a
/// long table at the foot of a tab needs (a scroll area of its own would swallow the scroll to
/// a finding's field, egui giving each scroll request to the innermost area). `columns` are the
/// headings and widths, the headings named `table` for screen readers; each row draws its cells
/// with [`cell`]. Once the headings scroll out of view while rows are still in it, a copy of them
/// stays at the top of the view. When a finding named row `jump` out of view, the tab scrolls to
/// it, so that the row is drawn and its field can take the focus.
pub fn virtual_rows(
    ui: &mut Ui,
    (table, columns): (&str, &[(&str, f32)]),
    total: usize,
    jump: Option<usize>,
    mut row: impl FnMut(&mut Ui, usize),
) {
    let height = ui.spacing().interact_size.y + 2.0;
    let headings = ui
        .horizontal(|ui| heading_cells(ui, table, columns))
        .response
        .rect;
    let pitch = height + ui.spacing().item_spacing.y;
    let top = ui.cursor().top();
    let clip = ui.clip_rect();
    // A screen above and below the view is laid out too, so that scrolling shows no gap.
    let margin = clip.height();
    let first = (((clip.top() - margin - top) / pitch).floor().max(0.0) as usize).min(total);
    let last =
        (((clip.bottom() + margin - top) / pitch).ceil().max(0.0) as usize).clamp(first, total);
    if let Some(j) = jump.filter(|j| !(first..last).contains(j)) {
        let y = top + j as f32 * pitch;
        let rect = egui::Rect::from_x_y_ranges(ui.max_rect().x_range(), y..=y + height);
        ui.scroll_to_rect(rect, Some(egui::Align::Center));
    }
    ui.add_space(first as f32 * pitch);
    for i in first..last {
        ui.allocate_ui_with_layout(
            egui::vec2(ui.available_width(), height),
            egui::Layout::left_to_right(egui::Align::Center),
            |ui| row(ui, i),
        );
    }
    ui.add_space((total - last) as f32 * pitch);
    let bottom = top + total as f32 * pitch;
    if headings.top() < clip.top() && bottom > clip.top() + headings.height() {
        // As wide as the rows (their buttons too) and down to where the next row begins.
        let band = egui::Rect::from_x_y_ranges(
            headings.left()..=ui.max_rect().right(),
            clip.top()..=clip.top() + headings.height() + ui.spacing().item_spacing.y,
        );
        pinned_headings(ui, band, (table, columns));
    }
}

/// The headings of a table, each in its column's cell, named `table`“heading”列 for screen
/// readers (apart from the fields that carry the same words).
fn heading_cells(ui: &mut Ui, table: &str, columns: &[(&str, f32)]) {
    for (h, w) in columns {
        cell(ui, *w, |ui| {
            ui.label(RichText::new(*h).strong()).widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Label, true, format!("{table}“{h}”列"))
            });
        });
    }
}

/// A painted copy of a table's headings at `at` over the rows scrolled under it, taking the
/// pointer there so that no hidden field is clicked through it. Painted, not laid out: each
/// heading is named once for screen readers, and the band as a whole as `table`表头.
fn pinned_headings(ui: &mut Ui, at: egui::Rect, (table, columns): (&str, &[(&str, f32)])) {
    ui.interact(
        at,
        ui.scope_id().with("pinned-headings"),
        egui::Sense::click(),
    )
    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, format!("{table}表头")));
    let painter = ui.painter();
    painter.rect_filled(at, 0.0, ui.visuals().panel_fill);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let colour = ui.visuals().strong_text_color();
    let mut x = at.left();
    for (h, w) in columns {
        let pos = egui::pos2(x, at.center().y);
        painter.text(pos, egui::Align2::LEFT_CENTER, *h, font.clone(), colour);
        x += w + ui.spacing().item_spacing.x;
    }
}

/// One cell of a [`virtual_rows`] or [`virtual_grid`] table: exactly `width` points wide
/// whatever it holds (a finding's mark or a "⚠" beside a field must not push the columns after
/// it out of line with their headings), its content left to right.
pub fn cell<R>(ui: &mut Ui, width: f32, add: impl FnOnce(&mut Ui) -> R) -> R {
    let size = egui::vec2(width, ui.spacing().interact_size.y);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let layout = egui::Layout::left_to_right(egui::Align::Center);
    let mut inside = ui.new_child(egui::UiBuilder::new().max_rect(rect).layout(layout));
    add(&mut inside)
}

/// Lays out a form beside its charts when there is room, and above them otherwise.
pub fn with_charts(ui: &mut Ui, form: impl FnOnce(&mut Ui), charts: impl FnOnce(&mut Ui)) {
    if ui.available_width() > 860.0 {
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_max_width(ui.available_width() - 350.0);
                form(ui);
            });
            ui.separator();
            ui.vertical(charts);
        });
    } else {
        form(ui);
        ui.separator();
        charts(ui);
    }
}
