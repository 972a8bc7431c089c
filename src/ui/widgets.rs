//! Form widgets bound to field paths: amounts, optional amounts, counts, decimals and text, each
//! with its label, its unit, inline errors, finding markers and the jump-to highlight.

use std::collections::HashMap;

use egui::{Align, Response, RichText, Stroke, Ui};
use rust_decimal::Decimal;

use super::theme;
use crate::catalog::Catalog;
use crate::checks::{Finding, Severity};
use crate::model::totals::Totals;
use crate::model::{FieldPath, edit, limits};
use crate::money::{EntryUnit, Wan};

/// The text a field shows while the clerk types, and its error.
///
/// While the text is valid the model follows it keystroke by keystroke (the totals and charts
/// update live). While it is not, the model holds the value the clerk last *finished* (on Enter
/// or leaving the field), the field stays marked, and saving is refused until the text is fixed
/// or Esc restores the finished value.
#[derive(Clone, Debug, Default)]
pub struct Buffer {
    /// What the clerk typed.
    pub text: String,
    /// Why it is not a valid value, if it is not.
    pub error: Option<String>,
    /// The field's name, for messages about it (保存 refused because of this field).
    pub label: String,
    /// The last finished value, in the field's text form.
    finished: String,
}

impl Buffer {
    fn new(text: String, label: &str) -> Buffer {
        Buffer {
            finished: text.clone(),
            text,
            error: None,
            label: label.to_owned(),
        }
    }
}

/// What a tab needs to draw its fields: settings, findings, buffers, and where edits go.
pub struct Form<'a> {
    /// The unit amounts are typed in.
    pub unit: EntryUnit,
    /// The current findings, for markers.
    pub findings: &'a [Finding],
    /// Typing buffers by field path.
    pub buffers: &'a mut HashMap<FieldPath, Buffer>,
    /// The field a finding was clicked for, to scroll to and highlight.
    pub highlight: &'a Option<FieldPath>,
    /// Set when the highlighted field has been scrolled to.
    pub scrolled: &'a mut bool,
    /// The field edited this frame, if any.
    pub edited: &'a mut Option<FieldPath>,
    /// The catalog of the project's year.
    pub catalog: Option<&'a Catalog>,
    /// The project's totals as the core last computed them (after the previous edit).
    pub totals: &'a Totals,
    /// Names the clerk gave codes the catalog does not know, in earlier projects.
    pub remembered_codes: &'a std::collections::BTreeMap<String, crate::model::ClassNames>,
    /// Whether the figures are sums of a department's members (部门汇总): its amounts, counts
    /// and expenditure lines are shown, not typed, since 刷新汇总 would replace what is typed.
    pub amounts_from_members: bool,
}

impl Form<'_> {
    fn mark_edited(&mut self, path: &FieldPath) {
        *self.edited = Some(path.clone());
    }

    /// The most serious finding that involves `path`, with all messages for the tooltip.
    fn finding_for(&self, path: &FieldPath) -> Option<(Severity, String)> {
        let related: Vec<&Finding> = self
            .findings
            .iter()
            .filter(|f| f.fields.iter().any(|p| marks(p, path)))
            .collect();
        let worst = related.iter().map(|f| f.severity).min()?;
        let text = related
            .iter()
            .map(|f| format!("{} {}：{}", f.code, f.severity, f.message))
            .collect::<Vec<_>>()
            .join("\n");
        Some((worst, text))
    }

    /// Draws the marker of `path`'s findings, and highlights and scrolls to `response` when the
    /// clerk came here from a finding.
    pub fn decorate(&mut self, ui: &mut Ui, path: &FieldPath, response: &Response) {
        // The field Enter moved the focus to is brought into view: egui moves it at the end of
        // a pass, so the field never sees `gained_focus`.
        if response.has_focus()
            && ui
                .data(|d| d.get_temp::<egui::Id>(focus_moved_id()))
                .is_some_and(|from| from != response.id)
        {
            ui.data_mut(|d| d.remove::<egui::Id>(focus_moved_id()));
            response.scroll_to_me(None);
        }
        if let Some((severity, text)) = self.finding_for(path) {
            ui.label(RichText::new("●").color(theme::severity_color(severity)))
                .on_hover_text(text);
        }
        let highlighted = self
            .highlight
            .as_ref()
            .is_some_and(|h| path.is_within(h) || h.is_within(path));
        if highlighted {
            ui.painter().rect_stroke(
                response.rect.expand(3.0),
                3.0,
                Stroke::new(2.5, theme::HIGHLIGHT),
                egui::StrokeKind::Outside,
            );
            if !*self.scrolled {
                response.scroll_to_me(Some(Align::Center));
                response.request_focus();
                *self.scrolled = true;
            }
        }
    }
}

/// Where Enter has just moved the focus down from, for the field that receives it.
fn focus_moved_id() -> egui::Id {
    egui::Id::unique("juesuan-focus-moved-by-enter")
}

/// Whether a finding about `finding` should mark the field `field`: the same field, a field
/// inside it, or a field it is inside — but a finding about a whole list (`expenditure.lines`)
/// does not mark every cell of every row.
fn marks(finding: &FieldPath, field: &FieldPath) -> bool {
    if finding.is_within(field) {
        return true;
    }
    field.is_within(finding)
        && !matches!(
            field.steps().get(finding.steps().len()),
            Some(crate::model::Step::Index(_))
        )
}

/// The longest text the field at `path` may hold (see [`limits`]).
fn text_limit(path: &FieldPath) -> usize {
    limits::text_limit(path)
}

/// Says so when a text has reached its field's limit (the box takes no more).
fn limit_note(ui: &mut Ui, value: &str, path: &FieldPath) {
    let limit = text_limit(path);
    if value.chars().count() >= limit {
        ui.label(
            RichText::new(format!("已达到这一栏 {limit} 字的上限"))
                .color(theme::ERROR)
                .small(),
        );
    }
}

fn label(ui: &mut Ui, text: &str) -> egui::Id {
    ui.label(text).id
}

/// How wide an amount's box is.
const AMOUNT_BOX_WIDTH: f32 = 96.0;

/// How wide the labels of a form's rows are: a shorter label is followed by space and a longer
/// one wraps within it, so the boxes of a section line up one under the other as on a paper form.
const LABEL_COLUMN: f32 = 230.0;

/// Whether the next widget is the first of its row. A field draws its own row; when that row
/// sits inside another (two fields on one line), it is first only where the outer row starts.
fn first_in_row(ui: &Ui) -> bool {
    let left = ui.max_rect().min.x;
    if ui.cursor().min.x > left + 0.5 {
        return false;
    }
    match ui.stack().parent.as_deref() {
        Some(outer) if outer.layout_direction.is_horizontal() => left <= outer.max_rect.min.x + 0.5,
        _ => true,
    }
}

/// The label of a row's field. The first label of a row fills the label column; a second field
/// drawn on the same row after another follows that one's box directly.
pub fn row_label(ui: &mut Ui, text: &str) -> egui::Id {
    if !first_in_row(ui) {
        return ui.label(text).id;
    }
    // Laid out once: the label shows this galley when it fits.
    let galley = egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Body,
    );
    if galley.size().x <= LABEL_COLUMN {
        let response = ui.label(galley);
        ui.add_space(LABEL_COLUMN - response.rect.width());
        return response.id;
    }
    // 节庆、晚会、论坛、赛事活动费变动原因: two lines within the column, not a box out of line.
    ui.allocate_ui_with_layout(
        egui::vec2(LABEL_COLUMN, 0.0),
        egui::Layout::top_down(Align::Min),
        |ui| {
            ui.set_width(LABEL_COLUMN);
            ui.add(egui::Label::new(text).wrap()).id
        },
    )
    .inner
}

/// A row's error under its box (at `box_left`): the row keeps its width while the clerk types,
/// so what stands beside the form (the charts) does not move, and the message is read where
/// the box is. A field drawn inside another row has no line of its own: its error follows it.
fn error_below(ui: &mut Ui, (error, box_left): (Option<String>, f32)) {
    let Some(error) = error else { return };
    if ui.layout().is_horizontal() {
        error_line(ui, &Some(error));
        return;
    }
    ui.horizontal(|ui| {
        ui.add_space((box_left - ui.cursor().min.x).max(0.0));
        ui.label(RichText::new(error).color(theme::ERROR).small());
    });
}

fn error_line(ui: &mut Ui, error: &Option<String>) {
    if let Some(e) = error {
        ui.label(RichText::new(e).color(theme::ERROR).small());
    }
}

/// A row's label as shown, and the field's name for screen readers and messages: the same,
/// except under a group's heading, where the label leaves out the group (“年初结转和结余” under
/// “一般公共预算财政拨款”) so that it fits the label column, and the name keeps it.
pub struct RowText<'a> {
    shown: &'a str,
    name: std::borrow::Cow<'a, str>,
}

impl<'a> RowText<'a> {
    /// `shown` under the heading `group`: named `group` + `shown`.
    pub fn in_group(group: &str, shown: &'a str) -> RowText<'a> {
        RowText {
            shown,
            name: format!("{group}{shown}").into(),
        }
    }
}

impl<'a> From<&'a str> for RowText<'a> {
    fn from(text: &'a str) -> RowText<'a> {
        RowText {
            shown: text,
            name: text.into(),
        }
    }
}

impl<'a> From<&'a String> for RowText<'a> {
    fn from(text: &'a String) -> RowText<'a> {
        RowText::from(text.as_str())
    }
}

/// How an amount field accepts input.
#[derive(Clone, Copy)]
struct Accepts {
    /// Negative amounts (balances) are valid.
    negative: bool,
    /// An empty box is valid and means "not entered".
    empty: bool,
}

/// An amount of the year, or any that may stay unentered: an empty box means "not entered".
const OPTIONAL: Accepts = Accepts {
    negative: false,
    empty: true,
};

/// An amount field: label, text box, unit, marker, inline error; an empty box means "not
/// entered". Returns whether it changed.
pub fn amount<'t>(
    ui: &mut Ui,
    form: &mut Form<'_>,
    text: impl Into<RowText<'t>>,
    path: &FieldPath,
    value: &mut Option<Wan>,
) -> bool {
    labelled(ui, form, text.into(), path, value, OPTIONAL)
}

/// An amount field that accepts negative values (balances); empty means "not entered".
pub fn signed_amount<'t>(
    ui: &mut Ui,
    form: &mut Form<'_>,
    text: impl Into<RowText<'t>>,
    path: &FieldPath,
    value: &mut Option<Wan>,
) -> bool {
    let accepts = Accepts {
        negative: true,
        empty: true,
    };
    labelled(ui, form, text.into(), path, value, accepts)
}

/// An opening balance (年初结转和结余): may be negative, and is never empty — it is last year's
/// closing balance, zero for a new unit.
pub fn opening_balance<'t>(
    ui: &mut Ui,
    form: &mut Form<'_>,
    text: impl Into<RowText<'t>>,
    path: &FieldPath,
    value: &mut Wan,
) -> bool {
    let accepts = Accepts {
        negative: true,
        empty: false,
    };
    let mut v = Some(*value);
    let changed = labelled(ui, form, text.into(), path, &mut v, accepts);
    // The box refuses to be emptied, so `v` is always an amount here.
    if let Some(v) = v {
        *value = v;
    }
    changed
}

/// A prior-year figure's labelled box (empty: not entered). Returns whether it changed.
pub fn prior_amount(
    ui: &mut Ui,
    form: &mut Form<'_>,
    prior: &mut crate::model::PriorYear,
    figure: crate::model::PriorFigure,
) -> bool {
    let mut value = prior.get(figure);
    let changed = amount(
        ui,
        form,
        figure.label(),
        &FieldPath::prior_year(figure),
        &mut value,
    );
    if changed {
        prior.set(figure, value);
    }
    changed
}

/// `Some(true)` when the field a finding points at is one of `figures`, so the section that holds
/// it opens; `None` leaves it as the clerk left it.
pub fn highlighted_prior(form: &Form<'_>, figures: &[crate::model::PriorFigure]) -> Option<bool> {
    let path = form.highlight.as_ref()?;
    figures
        .iter()
        .any(|f| &FieldPath::prior_year(*f) == path)
        .then_some(true)
}

/// An amount box without label, for table cells; empty means "not entered". Returns whether it
/// changed.
pub fn amount_cell(
    ui: &mut Ui,
    form: &mut Form<'_>,
    path: &FieldPath,
    value: &mut Option<Wan>,
    a11y: &str,
) -> bool {
    cell(ui, form, path, value, OPTIONAL, a11y)
}

fn labelled(
    ui: &mut Ui,
    form: &mut Form<'_>,
    text: RowText<'_>,
    path: &FieldPath,
    value: &mut Option<Wan>,
    accepts: Accepts,
) -> bool {
    let mut changed = false;
    let unit = form.unit;
    let error = ui.horizontal(|ui| {
        let label_id = row_label(ui, text.shown);
        let (response, error) = amount_box(ui, form, (path, &text.name), *value, accepts, |v| {
            if v != *value {
                *value = v;
                changed = true;
            }
        });
        let response = if text.name == text.shown {
            response.labelled_by(label_id)
        } else {
            let name = &text.name;
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, name));
            response
        };
        ui.label(unit.label());
        form.decorate(ui, path, &response);
        (error, response.rect.min.x)
    });
    error_below(ui, error.inner);
    if changed {
        form.mark_edited(path);
    }
    changed
}

fn cell(
    ui: &mut Ui,
    form: &mut Form<'_>,
    path: &FieldPath,
    value: &mut Option<Wan>,
    accepts: Accepts,
    a11y: &str,
) -> bool {
    ui.horizontal(|ui| {
        let mut changed = false;
        let (response, error) = amount_box(ui, form, (path, a11y), *value, accepts, |v| {
            if v != *value {
                *value = v;
                changed = true;
            }
        });
        let response = response.on_hover_text(a11y);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, a11y));
        form.decorate(ui, path, &response);
        if let Some(e) = error {
            ui.label(RichText::new("⚠").color(theme::ERROR))
                .on_hover_text(e);
        }
        if changed {
            form.mark_edited(path);
        }
        changed
    })
    .inner
}

/// The text box of an amount, with its parsing. `set` receives the new value when the text is
/// valid (`None` for an empty optional box), and the finished value again when it turns invalid.
fn amount_box(
    ui: &mut Ui,
    form: &mut Form<'_>,
    (path, label): (&FieldPath, &str),
    value: Option<Wan>,
    accepts: Accepts,
    mut set: impl FnMut(Option<Wan>),
) -> (Response, Option<String>) {
    let unit = form.unit;
    let parse = |text: &str| edit::parse_amount(text, unit, accepts.empty, accepts.negative);
    let show = |v: &Option<Wan>| v.map(|v| unit.edit_text(v)).unwrap_or_default();
    let mut current = value;
    let size = egui::vec2(AMOUNT_BOX_WIDTH, ui.spacing().interact_size.y);
    let typed = !form.amounts_from_members;
    let (response, error) = parsed_box(
        ui,
        form,
        (path, label),
        &mut current,
        |ui, text| {
            ui.add_sized(
                size,
                egui::TextEdit::singleline(text)
                    .id_salt(("amount", path))
                    .interactive(typed)
                    .align(egui::Align2::RIGHT_CENTER),
            )
        },
        parse,
        show,
    );
    if current != value {
        set(current);
    }
    (response, error)
}

/// The core of every box whose text is parsed into a value: live updates while the text is
/// valid, the finished value kept while it is not, Esc back to the finished value.
fn parsed_box<T: Clone + PartialEq>(
    ui: &mut Ui,
    form: &mut Form<'_>,
    (path, label): (&FieldPath, &str),
    value: &mut T,
    add: impl FnOnce(&mut Ui, &mut String) -> Response,
    parse: impl Fn(&str) -> Result<T, String>,
    show: impl Fn(&T) -> String,
) -> (Response, Option<String>) {
    let buffer = form
        .buffers
        .entry(path.clone())
        .or_insert_with(|| Buffer::new(show(value), label));
    let response = add(ui, &mut buffer.text);
    let finished = |b: &Buffer, now: &T| parse(&b.finished).unwrap_or_else(|_| now.clone());
    let escaped = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape));
    if escaped {
        *value = finished(buffer, value);
        buffer.error = None;
    } else if response.changed() {
        match parse(&buffer.text) {
            Ok(v) => {
                buffer.error = None;
                *value = v;
            }
            Err(e) => {
                buffer.error = Some(e);
                *value = finished(buffer, value);
            }
        }
    }
    if !response.has_focus() && buffer.error.is_none() {
        buffer.text = show(value);
        buffer.finished = buffer.text.clone();
    }
    after_enter(ui, &response, buffer.error.is_none());
    (response, buffer.error.clone())
}

/// Enter on a one-line box finishes it: a valid entry goes down to the box below, as a
/// spreadsheet and the 决算 software do (egui moves the focus at the end of this pass, from the
/// box that has it, so it is given back first); an invalid one keeps the focus, to be put
/// right, its message under it.
fn after_enter(ui: &mut Ui, response: &Response, valid: bool) {
    if !(response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))) {
        return;
    }
    ui.memory_mut(|m| m.request_focus(response.id));
    if valid {
        ui.memory_mut(|m| m.move_focus(egui::FocusDirection::Down));
        ui.data_mut(|d| d.insert_temp(focus_moved_id(), response.id));
    }
    // The next frame draws the box with the focus (and scrolls it into view) at once, not at
    // the next key.
    ui.ctx().request_repaint();
}

/// A count (people, vehicles, batches): a whole number of zero or more, up to the field's bound;
/// a blank box, not 0, until the clerk types one (not entered).
pub fn count(
    ui: &mut Ui,
    form: &mut Form<'_>,
    text: &str,
    path: &FieldPath,
    value: &mut Option<u32>,
) -> bool {
    let limit = limits::count_limit(path);
    // A department's counts are its members' (刷新汇总 makes them again): shown, not typed.
    let typed = !form.amounts_from_members;
    single_line(
        ui,
        form,
        (text, path, value),
        ("count", 60.0, true, None, typed),
        |typed| edit::parse_optional_count(typed, limit),
        |n: &Option<u32>| n.map(|n| n.to_string()).unwrap_or_default(),
    )
}

/// The accounting year: a whole number within the years a project can be for.
pub fn year(
    ui: &mut Ui,
    form: &mut Form<'_>,
    text: &str,
    path: &FieldPath,
    value: &mut i32,
) -> bool {
    single_line(
        ui,
        form,
        (text, path, value),
        ("year", 60.0, true, None, true),
        edit::parse_year,
        |y: &i32| y.to_string(),
    )
}

/// A date that may be empty (批复日期, 公开日期): typed as 2024-05-31 or 2024年5月31日.
pub fn date(
    ui: &mut Ui,
    form: &mut Form<'_>,
    text: &str,
    path: &FieldPath,
    value: &mut Option<crate::model::Date>,
) -> bool {
    single_line(
        ui,
        form,
        (text, path, value),
        ("date", 100.0, false, Some("2024-05-31"), true),
        crate::model::Date::parse_optional,
        |d: &Option<crate::model::Date>| d.map(|d| d.to_string()).unwrap_or_default(),
    )
}

/// A labelled one-line box whose text `parse` turns into the value and `show` writes back:
/// `(salt, width, right-aligned, hint)` shape the box.
fn single_line<T: Clone + PartialEq>(
    ui: &mut Ui,
    form: &mut Form<'_>,
    (text, path, value): (&str, &FieldPath, &mut T),
    (salt, width, right, hint, typed): (&'static str, f32, bool, Option<&str>, bool),
    parse: impl Fn(&str) -> Result<T, String>,
    show: impl Fn(&T) -> String,
) -> bool {
    let mut changed = false;
    let error = ui.horizontal(|ui| {
        let label_id = row_label(ui, text);
        let mut current = value.clone();
        let (response, error) = parsed_box(
            ui,
            form,
            (path, text),
            &mut current,
            |ui, buffer| {
                let mut edit = egui::TextEdit::singleline(buffer)
                    .id_salt((salt, path))
                    .interactive(typed)
                    .desired_width(width);
                if right {
                    edit = edit.align(egui::Align2::RIGHT_CENTER);
                }
                if let Some(hint) = hint {
                    edit = edit.hint_text(hint);
                }
                ui.add(edit).labelled_by(label_id)
            },
            parse,
            show,
        );
        if current != *value {
            *value = current;
            changed = true;
        }
        form.decorate(ui, path, &response);
        (error, response.rect.min.x)
    });
    error_below(ui, error.inner);
    if changed {
        form.mark_edited(path);
    }
    changed
}

/// A decimal number (weights, scores, percentages); `optional` lets it be empty.
pub fn decimal_cell(
    ui: &mut Ui,
    form: &mut Form<'_>,
    path: &FieldPath,
    value: &mut Option<Decimal>,
    optional: bool,
    a11y: &str,
) -> bool {
    ui.horizontal(|ui| decimal_cell_inner(ui, form, path, value, optional, a11y))
        .inner
}

fn decimal_cell_inner(
    ui: &mut Ui,
    form: &mut Form<'_>,
    path: &FieldPath,
    value: &mut Option<Decimal>,
    optional: bool,
    a11y: &str,
) -> bool {
    let mut current = *value;
    let (response, error) = parsed_box(
        ui,
        form,
        (path, a11y),
        &mut current,
        |ui, buffer| {
            let response = ui.add(
                egui::TextEdit::singleline(buffer)
                    .id_salt(("decimal", path))
                    .desired_width(50.0)
                    .align(egui::Align2::RIGHT_CENTER),
            );
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, a11y));
            response
        },
        |typed| edit::parse_decimal(typed, optional),
        |v: &Option<Decimal>| v.map(|d| d.normalize().to_string()).unwrap_or_default(),
    );
    let changed = current != *value;
    if changed {
        *value = current;
    }
    form.decorate(ui, path, &response);
    if let Some(e) = error {
        ui.label(RichText::new("⚠").color(theme::ERROR))
            .on_hover_text(e);
    }
    if changed {
        form.mark_edited(path);
    }
    changed
}

/// A one-line text field with its label.
pub fn text(
    ui: &mut Ui,
    form: &mut Form<'_>,
    label_text: &str,
    path: &FieldPath,
    value: &mut String,
) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        let label_id = row_label(ui, label_text);
        let response = ui
            .add(
                egui::TextEdit::singleline(value)
                    .id_salt(("text", path))
                    .char_limit(text_limit(path))
                    .desired_width(360.0),
            )
            .labelled_by(label_id);
        changed = response.changed();
        after_enter(ui, &response, true);
        form.decorate(ui, path, &response);
        limit_note(ui, value, path);
    });
    if changed {
        form.mark_edited(path);
    }
    changed
}

/// A text cell without a visible label, for tables.
pub fn text_cell(
    ui: &mut Ui,
    form: &mut Form<'_>,
    path: &FieldPath,
    value: &mut String,
    width: f32,
    a11y: &str,
) -> bool {
    ui.horizontal(|ui| text_cell_inner(ui, form, path, value, width, a11y))
        .inner
}

fn text_cell_inner(
    ui: &mut Ui,
    form: &mut Form<'_>,
    path: &FieldPath,
    value: &mut String,
    width: f32,
    a11y: &str,
) -> bool {
    let response = ui.add(
        egui::TextEdit::singleline(value)
            .id_salt(("text", path))
            .char_limit(text_limit(path))
            .desired_width(width),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, a11y));
    let changed = response.changed();
    after_enter(ui, &response, true);
    form.decorate(ui, path, &response);
    if changed {
        form.mark_edited(path);
    }
    changed
}

/// A multi-line text field (reasons, summaries) with its label above.
pub fn multiline(
    ui: &mut Ui,
    form: &mut Form<'_>,
    label_text: &str,
    path: &FieldPath,
    value: &mut String,
) -> bool {
    let label_id = label(ui, label_text);
    let response = ui
        .add(
            egui::TextEdit::multiline(value)
                .id_salt(("multiline", path))
                .char_limit(text_limit(path))
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label_id);
    let changed = response.changed();
    ui.horizontal(|ui| {
        form.decorate(ui, path, &response);
        limit_note(ui, value, path);
    });
    if changed {
        form.mark_edited(path);
    }
    changed
}

/// A list of short texts edited as lines of a multi-line box (one item per line).
pub fn lines(
    ui: &mut Ui,
    form: &mut Form<'_>,
    label_text: &str,
    path: &FieldPath,
    items: &mut Vec<String>,
) -> bool {
    let label_id = label(ui, label_text);
    let mut current = items.clone();
    let (_, error) = parsed_box(
        ui,
        form,
        (path, label_text),
        &mut current,
        |ui, text| {
            ui.add(
                egui::TextEdit::multiline(text)
                    .id_salt(("lines", path))
                    .desired_rows(3)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label_id)
        },
        |typed| edit::parse_lines(typed, path),
        |v: &Vec<String>| v.join("\n"),
    );
    error_line(ui, &error);
    let changed = current != *items;
    if changed {
        *items = current;
        form.mark_edited(path);
    }
    changed
}

/// A computed value shown read-only, with its label: totals are never typed.
pub fn computed(ui: &mut Ui, label_text: &str, value: Wan) {
    ui.horizontal(|ui| {
        row_label(ui, label_text);
        // Right-aligned where the boxes' figures are, so a total stands under what it sums.
        let strong = ui.visuals().strong_text_color();
        figure_cell(ui, &value.table(), strong);
        ui.label("万元");
    });
}

/// A computed amount in a table's row: as wide as an amount's box and right-aligned like the
/// figures in the boxes beside it (a grid column takes the width its cells ask for, so the
/// text is placed in a rect of the box's width rather than laid out right to left).
pub fn computed_cell(ui: &mut Ui, text: &str) {
    let colour = ui.visuals().text_color();
    figure_cell(ui, text, colour);
}

/// A computed figure as wide as an amount's box, right-aligned, in `colour`.
fn figure_cell(ui: &mut Ui, text: &str, colour: egui::Color32) {
    let size = egui::vec2(AMOUNT_BOX_WIDTH, ui.spacing().interact_size.y);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    let margin = ui.spacing().button_padding.x;
    ui.painter().text(
        egui::pos2(rect.right() - margin, rect.center().y),
        egui::Align2::RIGHT_CENTER,
        text,
        egui::TextStyle::Body.resolve(ui.style()),
        colour,
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    response.on_hover_text("由各项自动计算，无需录入");
}

/// A heading inside a tab.
pub fn section(ui: &mut Ui, text: &str) {
    ui.add_space(6.0);
    ui.label(
        RichText::new(text)
            .strong()
            .size(16.0)
            .color(theme::SECTION),
    );
    ui.separator();
}

/// A vertical list that lays out only the items in view. Item heights are measured when drawn
/// and remembered; items not yet seen count as `estimate` high. Long lists (a large project's
/// findings or document) then cost a frame no more than short ones.
pub fn virtual_list(
    ui: &mut Ui,
    id_salt: &str,
    count: usize,
    estimate: f32,
    mut item: impl FnMut(&mut Ui, usize),
) {
    let id = ui.scope_id().with(("virtual-list", id_salt));
    let mut heights: Vec<f32> = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
    heights.resize(count, estimate);
    egui::ScrollArea::vertical()
        .id_salt(id_salt)
        .show_viewport(ui, |ui, viewport| {
            let margin = 200.0;
            let mut y = 0.0;
            let mut skipped = 0.0;
            for (i, height) in heights.iter_mut().enumerate() {
                let visible =
                    y + *height >= viewport.min.y - margin && y <= viewport.max.y + margin;
                if visible {
                    if skipped > 0.0 {
                        ui.add_space(skipped);
                        skipped = 0.0;
                    }
                    let top = ui.cursor().top();
                    item(ui, i);
                    *height = (ui.cursor().top() - top).max(1.0);
                } else {
                    skipped += *height;
                }
                y += *height;
            }
            if skipped > 0.0 {
                ui.add_space(skipped);
            }
        });
    ui.data_mut(|d| d.insert_temp(id, heights));
}

/// An import's preview in a scrolled list: the lines that say what cannot be read or imported
/// (无法读取…, 无法导入…, 有无法…) in the error colour.
pub fn preview_lines(ui: &mut Ui, lines: &[String], max_height: f32) {
    egui::ScrollArea::vertical()
        .max_height(max_height)
        .show(ui, |ui| {
            for line in lines {
                let text = RichText::new(line);
                ui.label(if line.starts_with("无法") || line.starts_with("有无法") {
                    text.color(theme::ERROR)
                } else {
                    text
                });
            }
        });
}
