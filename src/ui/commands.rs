//! What the clerk can ask the application to do, as values (after Rerun's `command_handling.rs`).
//!
//! Menus, shortcuts, buttons, dialogs and tests *send* a [`Command`]; [`JuesuanApp::apply`] is the
//! one place that carries them out, after the frame that sent them. Every error a command meets is
//! shown to the clerk exactly once (a dialog, or the status bar for what needs no answer).

use std::path::PathBuf;

use super::app::JuesuanApp;
use super::tab::Tab;
use crate::model::{FieldPath, Settings};

/// One thing the clerk asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// 新建: asks for the year and the template.
    New,
    /// Make the new project (asks first when there is unsaved work).
    CreateProject {
        /// Its accounting year.
        year: i32,
        /// Its template's id.
        template: Option<String>,
    },
    /// 打开: a given file, or ask for one (asks first when there is unsaved work).
    Open(Option<PathBuf>),
    /// 打开内置示例 (asks first when there is unsaved work).
    OpenExample,
    /// 保存: to the project's file, or ask for one.
    Save,
    /// 另存为…: ask for a file.
    SaveAs,
    /// Save to this file.
    SaveTo(PathBuf),
    /// 撤销.
    Undo,
    /// 重做.
    Redo,
    /// Show a tab.
    ShowTab(Tab),
    /// 打印预览.
    ShowPreview,
    /// 导出PDF…: ask for a file.
    ExportPdf,
    /// Write the preview's PDF to this file.
    ExportPdfTo(PathBuf),
    /// 打印….
    Print,
    /// 导出审核报告…: to a given file (.xlsx, .pdf or .txt by its extension), or ask for one.
    ExportCheckReport(Option<PathBuf>),
    /// 导出Excel表格…: the document's tables to a given workbook, or ask for one.
    ExportTables(Option<PathBuf>),
    /// 导出Word文档…: the document as a Word file, to a given path or ask for one.
    ExportWord(Option<PathBuf>),
    /// 导出公开文件包…: the publication bundle into a given new or empty folder, or one made
    /// in a folder the clerk picks; made in the background with progress.
    ExportBundle(Option<PathBuf>),
    /// 新建下一年度…: next year's project to a given new file (or ask for one), then open it.
    NextYear(Option<PathBuf>),
    /// Go to the field a finding names: its tab (or the settings), scrolled to and highlighted.
    JumpTo(FieldPath),
    /// 项目设置….
    ShowSettings,
    /// 帮助 → 审核规则….
    ShowRules,
    /// Set the 出错说明 of a finding (empty: remove it), one undo step.
    Explain(crate::checks::Finding, String),
    /// Remove the 出错说明 whose findings are gone.
    RemoveResolvedExplanations,
    /// Change the project settings (one undo step).
    SetSettings(Settings),
    /// Close the window (asks first when there is unsaved work).
    Close,
    /// 恢复 the oldest recovery copy offered (asks first when there is unsaved work).
    Recover,
    /// 放弃 the oldest recovery copy offered: delete it.
    DiscardRecovery,
    /// Answer to "保存修改吗？": save first, then go on.
    SaveThenContinue,
    /// Answer to "保存修改吗？": go on without saving.
    DiscardThenContinue,
    /// Close the dialog that is showing.
    CloseDialog,
    /// Choose the document template (one undo step); `None` is the built-in one of the year.
    SetTemplate(Option<String>),
    /// 导入模板文件…: a given file, or ask for one.
    ImportTemplate(Option<PathBuf>),
    /// 导出模板…: to a given file, or ask for one.
    ExportTemplate(Option<PathBuf>),
    /// Open the wording editor on a paragraph of the template.
    EditParagraph(String),
    /// Keep the clerk's own wording of a paragraph, or (`None`) restore the template's.
    SetWording {
        /// The paragraph's id.
        paragraph: String,
        /// The text, or `None` for the template's.
        text: Option<String>,
    },
    /// Close the wording editor without keeping its text.
    CloseEditor,
    /// 导入科目表…: read a given file (or ask for one) and show what importing it changes.
    ImportCatalog(Option<PathBuf>),
    /// Keep the 科目表 being shown with the project (one undo step).
    ApplyCatalogImport,
    /// Close the 科目表 preview without importing.
    CancelCatalogImport,
    /// Stop using the imported 科目表 (one undo step).
    RemoveCatalog,
    /// In the 科目表 preview: whether to leave out the rows that could not be read.
    SkipBadCatalogRows(bool),
    /// 刷新汇总: read a department's members again and consolidate (one undo step).
    RefreshDepartment,
    /// 导入决算数字…: read a given workbook (or ask for one) and show what importing it changes.
    ImportFigures(Option<PathBuf>),
    /// Take the figures being shown into the project (one undo step).
    ApplyFiguresImport,
    /// Close the figures preview without importing.
    CancelFiguresImport,
}

/// Something that would discard unsaved work, waiting for the clerk's answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// 新建, for this year and template.
    New {
        /// The year.
        year: i32,
        /// The template's id.
        template: Option<String>,
    },
    /// 打开 a file (or ask for one).
    Open(Option<PathBuf>),
    /// Open the built-in example.
    Example,
    /// Close the window.
    Close,
    /// Open the oldest recovery copy offered.
    Recover,
}

impl JuesuanApp {
    /// Queues `command`, to be applied after this frame.
    pub fn send(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Applies every queued command, in order (commands may queue more).
    pub fn apply_queued(&mut self) {
        let mut rounds = 0;
        while !self.commands.is_empty() && rounds < 8 {
            for command in std::mem::take(&mut self.commands) {
                self.apply(command);
            }
            rounds += 1;
        }
    }

    /// Applies one command now. This is the one place where the clerk's requests change the
    /// application's state.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::New => self.ask_new_project(),
            Command::CreateProject { year, template } => {
                self.close_dialog();
                self.request(Pending::New { year, template });
            }
            Command::Open(path) => self.request(Pending::Open(path)),
            Command::OpenExample => self.request(Pending::Example),
            Command::Close => self.request(Pending::Close),
            Command::Recover => self.request(Pending::Recover),
            Command::DiscardRecovery => self.discard_recovery(),
            Command::Save => {
                self.save();
            }
            Command::SaveAs => {
                self.save_as();
            }
            Command::SaveTo(path) => {
                self.save_as_path(&path);
            }
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::ShowTab(tab) => self.set_tab(tab),
            Command::ShowPreview => self.open_preview(),
            Command::ExportPdf => self.export_pdf(),
            Command::ExportPdfTo(path) => {
                self.export_pdf_to(&path);
            }
            Command::Print => self.print(),
            Command::JumpTo(field) => self.go_to(&field),
            Command::ShowSettings => self.show_settings(),
            Command::ShowRules => self.show_rules(),
            Command::Explain(finding, text) => {
                let mut project = self.session.project.clone();
                crate::checks::explain::explain(&mut project, &finding, &text);
                self.replace_explanations(project);
            }
            Command::RemoveResolvedExplanations => {
                let mut project = self.session.project.clone();
                crate::checks::explain::remove_resolved(&mut project, &self.session.findings);
                self.replace_explanations(project);
            }
            Command::SetSettings(settings) => self.set_settings(settings),
            Command::SaveThenContinue => self.answer_unsaved(true),
            Command::DiscardThenContinue => self.answer_unsaved(false),
            Command::CloseDialog => self.close_dialog(),
            Command::SetTemplate(id) => self.set_template(id),
            Command::ImportTemplate(path) => self.import_template(path),
            Command::ExportTemplate(path) => self.export_template(path),
            Command::ExportCheckReport(path) => self.export_check_report(path),
            Command::ExportTables(path) => self.export_tables(path),
            Command::ExportWord(path) => self.export_word(path),
            Command::ExportBundle(dir) => self.export_bundle(dir),
            Command::NextYear(path) => self.next_year(path),
            Command::EditParagraph(id) => self.edit_paragraph(id),
            Command::SetWording { paragraph, text } => {
                self.set_wording(&paragraph, text.as_deref());
            }
            Command::CloseEditor => self.editor = None,
            Command::ImportCatalog(path) => self.import_catalog(path),
            Command::ApplyCatalogImport => self.apply_catalog_import(),
            Command::CancelCatalogImport => self.catalog_import = None,
            Command::RemoveCatalog => self.remove_catalog(),
            Command::ImportFigures(path) => self.import_figures(path),
            Command::RefreshDepartment => self.refresh_department(),
            Command::ApplyFiguresImport => self.apply_figures_import(),
            Command::CancelFiguresImport => self.figures_import = None,
            Command::SkipBadCatalogRows(skip) => {
                if let Some(pending) = &mut self.catalog_import {
                    pending.skip_bad_rows = skip;
                }
            }
        }
    }
}
