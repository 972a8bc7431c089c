//! 导入科目表…: reading the local 财政's 科目表, a preview of what it changes and of the rows that
//! could not be read, then one undoable edit (or none). The core reads and compares
//! ([`crate::catalog::import`]); this only shows it.

use std::path::PathBuf;

use egui::RichText;

use super::app::JuesuanApp;
use super::commands::Command;
use crate::catalog::import::{self, TableFile};
use crate::model::FieldPath;

/// How many rows of each list the preview shows.
const LISTED: usize = 200;

/// A 科目表 read and waiting for the clerk's 导入 or 取消.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogImport {
    /// The file's name, kept with the project as the edition's name.
    pub source: String,
    /// What the file holds.
    pub file: TableFile,
    /// What importing it changes, as the clerk reads it.
    pub preview: Vec<String>,
    /// Whether the clerk agreed to leave out the rows that could not be read.
    pub skip_bad_rows: bool,
}

impl JuesuanApp {
    /// 导入科目表…: reads `path` (or asks for a file) and shows what importing it would change.
    /// Nothing changes until the clerk confirms.
    pub(super) fn import_catalog(&mut self, path: Option<PathBuf>) {
        let Some(path) = self.read_path(path, "科目表", &["xlsx", "xls", "xlsm", "csv", "txt"])
        else {
            return;
        };
        let file = match import::read_file(&path) {
            Ok(file) => file,
            Err(e) => {
                self.show_error(format!("{e}\n\n项目未作任何改动。"));
                return;
            }
        };
        let Some(current) = self.session.catalog() else {
            self.show_error("内置科目表无法读取，不能比较导入的科目表。".to_owned());
            return;
        };
        let changes = file.changes(current);
        let source = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        self.catalog_import = Some(CatalogImport {
            preview: import::preview(&file, &changes, LISTED),
            source,
            file,
            skip_bad_rows: false,
        });
    }

    /// Keeps the 科目表 being previewed with the project, as one undo step.
    pub(super) fn apply_catalog_import(&mut self) {
        let Some(pending) = self.catalog_import.take() else {
            return;
        };
        if !pending.file.rejected.is_empty() && !pending.skip_bad_rows {
            self.catalog_import = Some(pending);
            return;
        }
        let mut project = self.session.project.clone();
        project.catalog = Some(
            pending
                .file
                .edition(project.catalog.as_ref(), &pending.source),
        );
        if let Err((_, message)) = project.validate() {
            self.show_error(format!("{message}\n\n项目未作任何改动。"));
            return;
        }
        self.session.replace(project, &FieldPath::catalog());
        self.note(Some(format!(
            "已导入科目表“{}”（{} 个科目），可撤销",
            pending.source,
            pending.file.len()
        )));
    }

    /// Stops using the imported 科目表 (one undo step): the built-in catalog names the codes again.
    pub(super) fn remove_catalog(&mut self) {
        if self.session.project.catalog.is_none() {
            return;
        }
        let mut project = self.session.project.clone();
        project.catalog = None;
        self.session.replace(project, &FieldPath::catalog());
        self.note(Some("已不再使用导入的科目表，可撤销".to_owned()));
    }

    /// The preview window, while a 科目表 waits for the clerk's answer.
    pub(super) fn catalog_import_ui(&mut self, ctx: &egui::Context) {
        let Some(pending) = self.catalog_import.as_mut() else {
            return;
        };
        let mut sent = Vec::new();
        let modal = egui::Modal::new(egui::Id::unique("juesuan-catalog-import")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading(format!("导入科目表“{}”", pending.source));
            super::widgets::preview_lines(ui, &pending.preview, 360.0);
            ui.separator();
            let bad = pending.file.rejected.len();
            if bad > 0 {
                ui.checkbox(
                    &mut pending.skip_bad_rows,
                    format!(
                        "不导入无法读取的 {bad} 行，只导入其余 {} 个科目",
                        pending.file.len()
                    ),
                );
            }
            ui.label(
                RichText::new(
                    "导入的科目表随项目保存；同编码的科目以它的名称为准，内置科目表补足其余科目。",
                )
                .small(),
            );
            ui.horizontal(|ui| {
                let ready = !pending.file.is_empty() && (bad == 0 || pending.skip_bad_rows);
                if ui.add_enabled(ready, egui::Button::new("导入")).clicked() {
                    sent.push(Command::ApplyCatalogImport);
                }
                if ui.button("取消").clicked() {
                    sent.push(Command::CancelCatalogImport);
                }
            });
        });
        if modal.should_close() && sent.is_empty() {
            sent.push(Command::CancelCatalogImport);
        }
        self.commands.extend(sent);
    }
}
