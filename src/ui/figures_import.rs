//! 导入决算数字…: reading the year's figures from a workbook laid out like the official tables,
//! a preview of every change (old → new) and of the rows that could not be read, then one
//! undoable edit — or none, when any row could not be read. The core reads, applies and compares
//! ([`crate::office::import`]); this only shows it.

use std::path::PathBuf;

use super::app::JuesuanApp;
use super::commands::Command;
use crate::model::{ExpenditureField, FieldPath, Project};
use crate::office::import;

/// How many changes the preview lists.
const LISTED: usize = 300;

/// Figures read and waiting for the clerk's 导入 or 取消.
#[derive(Clone, Debug, PartialEq)]
pub struct FiguresImport {
    /// The workbook's file name.
    pub source: String,
    /// The project with the figures, when every row could be read and fits.
    pub project: Option<Project>,
    /// How many figures change.
    pub changes: usize,
    /// What importing does, as the clerk reads it (and what cannot be imported).
    pub preview: Vec<String>,
}

impl JuesuanApp {
    /// 导入决算数字…: reads `path` (or asks for a workbook) and shows what importing it would
    /// change. Nothing changes until the clerk confirms.
    pub(super) fn import_figures(&mut self, path: Option<PathBuf>) {
        let Some(path) = self.read_path(path, "Excel 工作簿", &["xlsx", "xls", "xlsm"]) else {
            return;
        };
        let file = match import::read_file(&path) {
            Ok(file) => file,
            Err(e) => {
                self.show_error(format!("{e}\n\n项目未作任何改动。"));
                return;
            }
        };
        let current = &self.session.project;
        let (project, changes, mut preview) = match file.apply(current) {
            Ok(new) => {
                let changes = import::changes(current, &new);
                let preview = import::preview(&file, &changes, LISTED);
                (Some(new), changes.len(), preview)
            }
            Err(rejected) => {
                let mut preview = import::preview(&file, &[], LISTED);
                preview.retain(|l| !l.starts_with("导入不会改变"));
                preview.extend(
                    rejected
                        .iter()
                        .skip(file.rejected.len())
                        .map(|r| format!("无法导入 {r}")),
                );
                (None, 0, preview)
            }
        };
        if project.is_none() {
            preview.push("有无法读取或无法导入的内容，不能导入；请修正工作簿后再试。".to_owned());
        }
        self.figures_import = Some(FiguresImport {
            source: path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            project,
            changes,
            preview,
        });
    }

    /// Takes the previewed figures into the project, as one undo step.
    pub(super) fn apply_figures_import(&mut self) {
        let Some(pending) = self.figures_import.take() else {
            return;
        };
        let Some(project) = pending.project else {
            return;
        };
        self.session
            .replace(project, &FieldPath::expenditure(ExpenditureField::Lines));
        self.note(Some(format!(
            "已从“{}”导入 {} 个数字，可撤销",
            pending.source, pending.changes
        )));
    }

    /// The preview window, while figures wait for the clerk's answer.
    pub(super) fn figures_import_ui(&mut self, ctx: &egui::Context) {
        let Some(pending) = self.figures_import.as_ref() else {
            return;
        };
        let mut sent = Vec::new();
        let modal = egui::Modal::new(egui::Id::unique("juesuan-figures-import")).show(ctx, |ui| {
            ui.set_max_width(620.0);
            ui.heading(format!("导入决算数字“{}”", pending.source));
            super::widgets::preview_lines(ui, &pending.preview, 380.0);
            ui.separator();
            ui.horizontal(|ui| {
                let ready = pending.project.is_some() && pending.changes > 0;
                if ui.add_enabled(ready, egui::Button::new("导入")).clicked() {
                    sent.push(Command::ApplyFiguresImport);
                }
                if ui.button("取消").clicked() {
                    sent.push(Command::CancelFiguresImport);
                }
            });
        });
        if modal.should_close() && sent.is_empty() {
            sent.push(Command::CancelFiguresImport);
        }
        self.commands.extend(sent);
    }
}
