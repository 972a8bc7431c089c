//! The 情况说明 tab's template and wording controls: choosing the template, importing and
//! exporting one, and the editor in which the clerk rewrites a paragraph with the figures as
//! names (`{{ 收入总计 }}`) that keep following what is entered. The core decides what the
//! editor starts from and how a text prints ([`crate::document::editing`]); this only shows it.

use std::path::{Path, PathBuf};

use egui::text::LayoutJob;
use egui::{RichText, TextFormat, Ui};

use super::app::JuesuanApp;
use super::commands::Command;
use super::theme;
use crate::document::editing;
use crate::model::{FieldPath, Root, SettingField};
use crate::template::{self, ProblemKind, Template, context};

/// A paragraph being rewritten.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordingEditor {
    /// The paragraph's id in the template.
    pub id: String,
    /// The text as typed so far.
    pub text: String,
    /// The search text of the figure list.
    pub filter: String,
    /// Where a chosen figure is put (a character index in `text`).
    pub cursor: usize,
}

/// How many figures the list shows at once (the rest are found by typing in its search box).
const FIGURES_SHOWN: usize = 40;

impl JuesuanApp {
    /// Chooses the document template (one undo step); `None` is the built-in one of the year.
    pub(super) fn set_template(&mut self, id: Option<String>) {
        if self.session.project.settings.template == id {
            return;
        }
        let mut project = self.session.project.clone();
        project.settings.template = id;
        self.session
            .replace(project, &FieldPath::setting(SettingField::Template));
        self.editor = None;
    }

    /// Keeps `text` as the clerk's wording of paragraph `id` (one undo step), or restores the
    /// template's when `text` is `None`.
    pub(super) fn set_wording(&mut self, id: &str, text: Option<&str>) {
        let template = self.session.template().id.clone();
        let project = editing::with_wording(&self.session.project, &template, id, text);
        if project != self.session.project {
            self.session
                .replace(project, &FieldPath::part(Root::Wording));
        }
        self.editor = None;
    }

    /// Opens the editor on paragraph `id`, starting from its own wording or its printed text.
    pub(super) fn edit_paragraph(&mut self, id: String) {
        let session = &self.session;
        let options = crate::document::Options {
            catalog: session.catalog(),
            totals: Some(&session.totals),
            template: Some(session.template()),
        };
        let text = editing::start_text(
            &session.project,
            &options,
            session.template(),
            session.document(),
            &id,
        );
        let cursor = text.chars().count();
        self.editor = Some(WordingEditor {
            id,
            text,
            filter: String::new(),
            cursor,
        });
    }

    /// 导入模板…: reads a template file (asking for one when `path` is `None`) into the
    /// project and chooses it. A file that cannot be used changes nothing.
    pub(super) fn import_template(&mut self, path: Option<PathBuf>) {
        let path = match path {
            Some(p) => p,
            None if self.native_dialogs => {
                match rfd::FileDialog::new()
                    .add_filter("决算公开模板", &["toml"])
                    .pick_file()
                {
                    Some(p) => p,
                    None => return,
                }
            }
            None => return,
        };
        let mut project = self.session.project.clone();
        let result = template::read_file(&path)
            .and_then(|t| template::import_into(&mut project, &t).map(|()| t.name));
        match result {
            Ok(name) => {
                self.session
                    .replace(project, &FieldPath::part(Root::CustomTemplate));
                self.editor = None;
                self.note(Some(format!("已导入并选用模板“{name}”")));
            }
            Err(e) => self.show_error(format!("{e}\n\n项目未作任何改动。")),
        }
    }

    /// 导出模板…: writes the project's template to a file (asking for one when `path` is
    /// `None`), for another unit to import.
    pub(super) fn export_template(&mut self, path: Option<PathBuf>) {
        let t = self.session.template();
        let (name, text) = (format!("{}.toml", t.id), t.text.clone());
        let Some(path) = self.save_path(path, &[("决算公开模板", &["toml"])], name) else {
            return;
        };
        match crate::storage::replace_file(Path::new(&path), text.as_bytes()) {
            Ok(()) => self.note(Some(format!("已导出模板：{}", path.display()))),
            Err(e) => self.show_error(e.to_string()),
        }
    }

    /// The template chooser and its import and export buttons.
    pub(super) fn template_bar_ui(&mut self, ui: &mut Ui) {
        let project = &self.session.project;
        let current = self.session.template();
        let year = project.unit.year;
        let mut choices: Vec<(Option<String>, String)> = template::builtin()
            .map(|t| (Some(t.id.clone()), choice_label(t, year)))
            .collect();
        if let Some(Ok(own)) = project
            .custom_template
            .as_deref()
            .map(|text| Template::parse(text, "导入的模板"))
        {
            choices.push((Some(own.id.clone()), format!("{}（导入）", own.name)));
        }
        let chosen = project.settings.template.clone();
        ui.horizontal(|ui| {
            egui::ComboBox::new("template-choice", "文档模板")
                .selected_text(current.name.as_str())
                .width(320.0)
                .show_ui(ui, |ui| {
                    for (id, label) in &choices {
                        if ui.selectable_label(*id == chosen, label).clicked() {
                            self.commands.push(Command::SetTemplate(id.clone()));
                        }
                    }
                });
            if ui
                .button("导入模板文件…")
                .on_hover_text("导入财政部门或其他单位提供的模板文件（.toml），并选用它")
                .clicked()
            {
                self.commands.push(Command::ImportTemplate(None));
            }
            if ui
                .button("导出模板…")
                .on_hover_text("把当前模板写成文件，供其他单位导入")
                .clicked()
            {
                self.commands.push(Command::ExportTemplate(None));
            }
        });
        let problems = &self.session.document().problems;
        if !problems.is_empty() {
            ui.group(|ui| {
                for p in problems {
                    let colour = match p.kind {
                        ProblemKind::Template => theme::ERROR,
                        _ => theme::WARNING,
                    };
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(p.to_string()).color(colour));
                        if current.block(&p.block).is_some()
                            && ui.small_button("编辑这一段").clicked()
                        {
                            self.commands.push(Command::EditParagraph(p.block.clone()));
                        }
                    });
                }
            });
        }
    }

    /// The editor of one paragraph, when one is open.
    pub(super) fn wording_editor_ui(&mut self, ui: &mut Ui) {
        let Some(mut editor) = self.editor.clone() else {
            return;
        };
        let session = &self.session;
        let t = session.template();
        let options = crate::document::Options {
            catalog: session.catalog(),
            totals: Some(&session.totals),
            template: Some(t),
        };
        let has_own = editing::own_wording(&session.project, &t.id, &editor.id).is_some();
        let (printed, problems) =
            editing::preview(&session.project, &options, t, &editor.id, &editor.text);
        let figures = crate::document::Figures::with(&session.project, &options);
        let names = context::names(&context::build(&figures));
        let mut sent = Vec::new();
        ui.group(|ui| {
            let title = ui.label(RichText::new(format!("改写段落“{}”", editor.id)).strong());
            ui.label(
                RichText::new(
                    "蓝底的 {{ 名称 }} 是录入的数字，印出时换成当前的值，数字改了句子跟着改；\
                     直接写的数字不会跟着变。空行分段。",
                )
                .small(),
            );
            ui.horizontal(|ui| {
                let broken = problems.iter().any(|p| p.kind == ProblemKind::Template);
                if ui
                    .add_enabled(!broken, egui::Button::new("应用"))
                    .on_disabled_hover_text("文字有误，改正后才能应用")
                    .clicked()
                {
                    sent.push(Command::SetWording {
                        paragraph: editor.id.clone(),
                        text: Some(editor.text.clone()),
                    });
                }
                if ui.button("取消").clicked() {
                    sent.push(Command::CloseEditor);
                }
                if ui
                    .add_enabled(has_own, egui::Button::new("恢复模板原文"))
                    .clicked()
                {
                    sent.push(Command::SetWording {
                        paragraph: editor.id.clone(),
                        text: None,
                    });
                }
            });
            let mut layouter = |ui: &Ui, text: &dyn egui::TextBuffer, wrap: f32| {
                let mut job = token_layout(ui, text.as_str());
                job.wrap.max_width = wrap;
                ui.fonts_mut(|f| f.layout_job(job))
            };
            // A long paragraph scrolls inside the editor, so the buttons and the document stay
            // in view.
            egui::ScrollArea::vertical()
                .id_salt("wording-text")
                .max_height(180.0)
                .show(ui, |ui| {
                    let output = egui::TextEdit::multiline(&mut editor.text)
                        .id_salt("wording-editor")
                        .desired_width(f32::INFINITY)
                        .desired_rows(4)
                        .layouter(&mut layouter)
                        .show(ui);
                    output.response.response.clone().labelled_by(title.id);
                    if let Some(range) = output.cursor_range {
                        editor.cursor = range.primary.index.0;
                    }
                });
            ui.horizontal(|ui| {
                let label = ui.label("插入数字：");
                ui.add(
                    egui::TextEdit::singleline(&mut editor.filter)
                        .hint_text("输入名称的一部分，如 三公、收入")
                        .desired_width(220.0),
                )
                .labelled_by(label.id);
            });
            egui::ScrollArea::vertical()
                .id_salt("wording-figures")
                .max_height(100.0)
                .show(ui, |ui| {
                    let filter = editor.filter.trim();
                    for n in names
                        .iter()
                        .filter(|n| filter.is_empty() || n.path.contains(filter))
                        .take(FIGURES_SHOWN)
                    {
                        let label = format!("{}　{}", n.path, n.value);
                        if ui.small_button(label).clicked() {
                            insert_at(
                                &mut editor.text,
                                editor.cursor,
                                &format!("{{{{ {} }}}}", n.path),
                            );
                            editor.cursor += n.path.chars().count() + 6;
                        }
                    }
                });
            ui.label(RichText::new("印出效果：").strong());
            egui::ScrollArea::vertical()
                .id_salt("wording-preview")
                .max_height(120.0)
                .show(ui, |ui| {
                    for p in &printed {
                        ui.label(format!("　　{p}"));
                    }
                });
            for p in &problems {
                let colour = match p.kind {
                    ProblemKind::Template => theme::ERROR,
                    _ => theme::WARNING,
                };
                ui.label(RichText::new(&p.message).color(colour));
            }
        });
        if self.editor.is_some() {
            self.editor = Some(editor);
        }
        self.commands.extend(sent);
    }
}

/// A template in the chooser: its name, and whether it is for the project's year.
fn choice_label(t: &Template, year: i32) -> String {
    if t.covers(year) {
        t.name.clone()
    } else {
        format!("{}（适用{}—{}年度）", t.name, t.years[0], t.years[1])
    }
}

/// Puts `insert` at character `at` of `text` (at its end when past it).
fn insert_at(text: &mut String, at: usize, insert: &str) {
    let byte = text.char_indices().nth(at).map_or(text.len(), |(i, _)| i);
    text.insert_str(byte, insert);
}

/// The editor's text with every `{{ … }}` shown as a chip and every `{% … %}` dimmed.
fn token_layout(ui: &Ui, text: &str) -> LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = TextFormat::simple(font.clone(), ui.visuals().text_color());
    let chip = TextFormat {
        background: theme::TOKEN,
        ..TextFormat::simple(font.clone(), theme::TOKEN_TEXT)
    };
    let logic = TextFormat::simple(font, theme::OUTLINE);
    let mut job = LayoutJob::default();
    let mut rest = text;
    while !rest.is_empty() {
        let next = ["{{", "{%"]
            .iter()
            .filter_map(|open| rest.find(open).map(|at| (at, *open)))
            .min();
        let Some((at, open)) = next else {
            job.append(rest, 0.0, plain.clone());
            break;
        };
        job.append(&rest[..at], 0.0, plain.clone());
        let close = if open == "{{" { "}}" } else { "%}" };
        let end = rest[at..]
            .find(close)
            .map_or(rest.len(), |e| at + e + close.len());
        let format = if open == "{{" { &chip } else { &logic };
        job.append(&rest[at..end], 0.0, format.clone());
        rest = &rest[end..];
    }
    job
}

impl JuesuanApp {
    /// 名词解释: every term the document uses, with its definition (the catalog's unless the
    /// project has its own), editable; a term without one is marked, as the findings say.
    pub(super) fn glossary_ui(&mut self, ui: &mut Ui) {
        let terms = self.session.glossary.clone();
        let missing = terms.iter().filter(|t| t.definition.is_none()).count();
        let title = if missing == 0 {
            format!("名词解释（{} 条）", terms.len())
        } else {
            format!("名词解释（{} 条，其中 {missing} 条缺少解释）", terms.len())
        };
        let mut edited: Option<(String, String)> = None;
        egui::CollapsingHeader::new(title)
            .id_salt("glossary")
            .default_open(missing > 0)
            .show(ui, |ui| {
                ui.label(
                    RichText::new(
                        "未改写的解释取自科目表；改写后以本项目的为准，清空即恢复科目表的解释。",
                    )
                    .small(),
                );
                for term in &terms {
                    let label = match (&term.definition, term.own) {
                        (None, _) => {
                            RichText::new(format!("{}（缺少解释）", term.shown)).color(theme::ERROR)
                        }
                        (Some(_), true) => RichText::new(format!("{}（本项目的解释）", term.shown)),
                        (Some(_), false) => RichText::new(&term.shown),
                    };
                    let label = ui.label(label.strong());
                    let mut text = term.definition.clone().unwrap_or_default();
                    let response = ui
                        .add(
                            egui::TextEdit::multiline(&mut text)
                                .id_salt(("glossary", &term.key))
                                .desired_width(f32::INFINITY)
                                .desired_rows(1),
                        )
                        .labelled_by(label.id);
                    if response.changed() {
                        edited = Some((term.key.clone(), text));
                    }
                }
            });
        if let Some((key, text)) = edited {
            self.set_definition(&key, text);
        }
    }

    /// The project's own definition of the glossary term `key` (typing in it is one undo step).
    fn set_definition(&mut self, key: &str, text: String) {
        use crate::model::{GlossaryEntry, GlossaryField};
        let glossary = &mut self.session.project.glossary;
        let i = match glossary.iter().position(|g| g.term == key) {
            Some(i) => i,
            None => {
                glossary.push(GlossaryEntry {
                    term: key.to_owned(),
                    definition: String::new(),
                });
                glossary.len() - 1
            }
        };
        glossary[i].definition = text;
        self.session
            .commit_edit(&FieldPath::glossary(i, GlossaryField::Definition));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_goes_where_the_cursor_is() {
        let mut text = "收入总计。".to_owned();
        insert_at(&mut text, 4, "{{ 收入总计 }}");
        assert_eq!(text, "收入总计{{ 收入总计 }}。");
        insert_at(&mut text, 999, "完");
        assert!(text.ends_with("。完"));
    }
}
