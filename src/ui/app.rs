//! The application's state and its frame: menu, tabs, findings panel, dialogs, status bar.
//!
//! The frame only reads the state and sends [`Command`]s; they are applied after it, in
//! [`super::commands`]. The tabs edit the session's project directly (that is what a form does);
//! after the frame, the edited field is recorded once for undo and the core recomputes what it
//! derives ([`super::session::Session::commit_edit`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

use super::commands::{Command, Pending};
use super::files::{AppFiles, Autosave, Recovery, Slot, Stale};
use super::preview::{self, Preview};
use super::session::Session;
use super::tab::{Place, Tab};
use super::tabs;
use super::theme;
use super::widgets::{Buffer, Form};
use crate::checks::{self, Severity};
use crate::example::example;
use crate::model::{FieldPath, Project, Settings};

/// A modal dialog.
#[derive(Clone, Debug)]
enum Dialog {
    /// An error to acknowledge.
    Error(String),
    /// What was done and what to look at next, to acknowledge.
    Info {
        /// The heading.
        title: String,
        /// The lines below it.
        lines: Vec<String>,
    },
    /// Save changes before `Pending`?
    Unsaved(Pending),
    /// Offer the oldest recovery copy of a run that did not end normally.
    Recover,
    /// Project settings.
    Settings,
    /// 帮助 → 审核规则: the rule catalog.
    Rules,
    /// 出错说明 of a finding, as typed so far.
    Explain {
        /// The finding explained.
        finding: checks::Finding,
        /// The explanation as typed.
        text: String,
    },
    /// 新建: the year and template of the new project.
    NewProject {
        /// The year as typed.
        year: String,
        /// The chosen template's id.
        template: Option<String>,
    },
}

/// How the application starts.
pub struct Startup {
    /// A file given on the command line.
    pub file: Option<PathBuf>,
    /// Where the application keeps its own files.
    pub files: AppFiles,
    /// Whether to use the system's file dialogs (not in tests).
    pub native_dialogs: bool,
}

/// The application.
pub struct JuesuanApp {
    pub(super) session: Session,
    files: AppFiles,
    pub(super) native_dialogs: bool,
    tab: Tab,
    buffers: HashMap<FieldPath, Buffer>,
    highlight: Option<FieldPath>,
    scrolled: bool,
    dialog: Option<Dialog>,
    allow_close: bool,
    title: String,
    /// This instance's recovery slot (`None` if it could not be made: then nothing is copied,
    /// and the status bar says so).
    slot: Option<Slot>,
    /// Recovery copies of runs that ended abnormally, oldest first, waiting for the clerk.
    stale: Vec<Stale>,
    autosave: Autosave,
    /// A problem the clerk should know about that needs no dialog (autosave failed …).
    notice: Option<String>,
    /// Tab-local state (code picker, selected project).
    pub(super) tab_state: tabs::TabState,
    /// Whether the 情况说明 tab shows the print preview rather than the text.
    show_preview: bool,
    preview: Preview,
    /// Commands sent during this frame, applied after it.
    pub(super) commands: Vec<Command>,
    /// The paragraph being rewritten in the 情况说明 tab, if any.
    pub(super) editor: Option<super::wording::WordingEditor>,
    /// The window's context, when there is a window (closing, focus).
    ctx: Option<egui::Context>,
    /// A 科目表 read and waiting for 导入 or 取消.
    pub(super) catalog_import: Option<super::catalog::CatalogImport>,
    /// The 部门汇总 tab's members and findings.
    pub(super) department: super::department::DepartmentView,
    /// The publication bundle being made in the background.
    pub(super) bundle_job: Option<super::bundle::BundleJob>,
    /// Figures read from a workbook, waiting for the clerk's answer.
    pub(super) figures_import: Option<super::figures_import::FiguresImport>,
    /// Names the clerk gave codes the catalog does not know, in any saved project.
    remembered_codes: std::collections::BTreeMap<String, crate::model::ClassNames>,
}

impl JuesuanApp {
    /// Creates the application: opens `startup.file`, else the last project, else the example,
    /// and offers a recovery copy if the last run did not end normally.
    pub fn new(ctx: &egui::Context, startup: Startup) -> JuesuanApp {
        theme::install_fonts(ctx);
        theme::install_style(ctx);
        // Typst's first layout in a process costs about 100 ms more than the next (its caches,
        // the fonts' tables): done once in the background now, on an empty cover, so that
        // opening the preview shows its first page at once.
        std::thread::spawn(|| {
            let blank = crate::document::Document::default();
            let _ = crate::print::Printer::shared().cover(&blank, super::clock::today());
        });
        let Startup {
            file,
            files,
            native_dialogs,
        } = startup;
        let mut dialog = None;
        let mut recent_failed = None;
        let session = match file {
            Some(path) => match Session::open(&path) {
                Ok(s) => {
                    recent_failed = remember(&files, &path);
                    s
                }
                Err(e) => {
                    dialog = Some(Dialog::Error(format!(
                        "{e}\n\n已打开内置示例；原文件未作任何改动。"
                    )));
                    example_session()
                }
            },
            None => files
                .remembered()
                .recent
                .iter()
                .find_map(|p| Session::open(p).ok())
                .unwrap_or_else(example_session),
        };
        let stale = files.stale_recoveries();
        if !stale.is_empty() {
            dialog = Some(Dialog::Recover);
        }
        let (slot, notice) = match files.claim_slot(std::process::id()) {
            Ok(slot) => (Some(slot), recent_failed),
            Err(e) => {
                super::crash::log(&format!("无法建立恢复副本：{e}"));
                (
                    None,
                    Some(format!("无法建立自动恢复副本（{e}），请及时保存")),
                )
            }
        };
        remove_old_print_files();
        let remembered_codes = files.remembered().codes;
        JuesuanApp {
            session,
            files,
            native_dialogs,
            tab: Tab::Unit,
            buffers: HashMap::new(),
            highlight: None,
            scrolled: true,
            dialog,
            allow_close: false,
            title: String::new(),
            slot,
            stale,
            autosave: Autosave::default(),
            notice,
            tab_state: tabs::TabState::default(),
            show_preview: false,
            preview: Preview::default(),
            commands: Vec::new(),
            editor: None,
            ctx: Some(ctx.clone()),
            remembered_codes,
            catalog_import: None,
            figures_import: None,
            bundle_job: None,
            department: Default::default(),
        }
    }

    /// The open session.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The open session, mutably (tests edit through it as a command would).
    pub fn session_mut(&mut self) -> &mut Session {
        &mut self.session
    }

    /// The current tab.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// Switches to `tab`.
    pub fn set_tab(&mut self, tab: Tab) {
        self.tab = tab;
    }

    /// The field a finding pointed at, if the clerk clicked one.
    pub fn highlight(&self) -> Option<&FieldPath> {
        self.highlight.as_ref()
    }

    /// The status bar's notice, if there is one (an autosave that failed …).
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Whether the recovery prompt is showing.
    pub fn recovery_offered(&self) -> bool {
        matches!(self.dialog, Some(Dialog::Recover))
    }

    /// The paragraph the wording editor is open on, if it is open.
    pub fn editing(&self) -> Option<&str> {
        self.editor.as_ref().map(|e| e.id.as_str())
    }

    /// Whether the project settings dialog is showing.
    pub fn settings_shown(&self) -> bool {
        matches!(self.dialog, Some(Dialog::Settings))
    }

    /// Whether the window may close now (it was asked to and nothing unsaved is in the way).
    pub fn closing_allowed(&self) -> bool {
        self.allow_close
    }

    /// The fields whose text is not a valid value yet: their names and messages. Saving is
    /// refused while there are any.
    pub fn unfinished_fields(&self) -> Vec<(String, String)> {
        let mut found: Vec<(String, String)> = self
            .buffers
            .values()
            .filter_map(|b| {
                b.error
                    .as_ref()
                    .map(|e| (b.label.clone(), format!("“{}”：{e}", b.text.trim())))
            })
            .collect();
        found.sort();
        found
    }

    /// The message of the open dialog, if it shows an error.
    pub fn error_message(&self) -> Option<&str> {
        match &self.dialog {
            Some(Dialog::Error(e)) => Some(e),
            _ => None,
        }
    }

    /// The title the window should have: file, unsaved mark, unit and year.
    pub fn window_title(&self) -> String {
        let s = &self.session;
        let dirty = if s.is_dirty() { " ●" } else { "" };
        let unit = &s.project.unit;
        let who = if unit.short_name.is_empty() {
            &unit.name
        } else {
            &unit.short_name
        };
        format!(
            "{}{dirty} — {who} {}年度 — 决算助手",
            s.display_name(),
            unit.year
        )
    }

    /// Shows `message` in the status bar, if there is one.
    pub(super) fn note(&mut self, message: Option<String>) {
        if message.is_some() {
            self.notice = message;
        }
    }

    pub(super) fn show_error(&mut self, message: String) {
        self.dialog = Some(Dialog::Error(message));
    }

    /// 新建: asks for the year (last year, whose accounts are closed now) and the template (the
    /// built-in one of that year).
    pub(super) fn ask_new_project(&mut self) {
        let year = current_year().saturating_sub(1);
        self.dialog = Some(Dialog::NewProject {
            year: year.to_string(),
            template: Some(crate::template::default_for(year).id.clone()),
        });
    }

    /// An empty project of `year` under `template`.
    fn new_project(&mut self, year: i32, template: Option<String>) {
        let mut project = Project::default();
        project.unit.year = year;
        // The project names its template from the start.
        project.settings.template =
            template.or_else(|| Some(crate::template::default_for(year).id.clone()));
        // Nothing typed yet means nothing to lose: a new project starts clean.
        self.replace_session(Session::new(project, None, true));
    }

    /// Opens `path`; on error shows it and keeps the current project.
    fn open_path(&mut self, path: &Path) {
        match Session::open(path) {
            Ok(session) => {
                self.note(remember(&self.files, path));
                self.replace_session(session);
            }
            Err(e) => self.show_error(e.to_string()),
        }
    }

    /// Saves to `path`; on error shows it. Returns whether it saved. Refuses while a field holds
    /// text that is not a valid value, naming the field.
    pub(super) fn save_as_path(&mut self, path: &Path) -> bool {
        let unfinished = self.unfinished_fields();
        if !unfinished.is_empty() {
            let list: Vec<String> = unfinished
                .iter()
                .map(|(label, problem)| format!("· {label}{problem}"))
                .collect();
            self.show_error(format!(
                "没有保存：以下栏目的内容还不是有效的值，文件中仍是原来的数：\n{}\n\n请改正，或在该栏按 Esc 恢复原值，然后再保存。",
                list.join("\n")
            ));
            return false;
        }
        match self.session.save_to(path, super::clock::save_time()) {
            Ok(()) => {
                self.note(remember(&self.files, path));
                self.remember_codes();
                if let Some(slot) = &self.slot {
                    slot.clear();
                }
                true
            }
            Err(e) => {
                self.show_error(e.to_string());
                false
            }
        }
    }

    /// Remembers the names the saved project gives codes its catalog does not know, for the
    /// next project. Failing loses nothing of the project: it is logged and noted.
    fn remember_codes(&mut self) {
        let Some(catalog) = self.session.catalog() else {
            return;
        };
        let codes = crate::catalog::named_unknown_codes(&self.session.project, catalog);
        if codes.is_empty() {
            return;
        }
        match self.files.remember_codes(codes) {
            Ok(all) => self.remembered_codes = all,
            Err(e) => {
                let message = format!("无法记住自填的科目名称（{e}）");
                super::crash::log(&message);
                self.note(Some(message));
            }
        }
    }

    /// The codes the application remembers names of (tests read them).
    pub fn remembered_codes(
        &self,
    ) -> &std::collections::BTreeMap<String, crate::model::ClassNames> {
        &self.remembered_codes
    }

    /// 保存: to the session's file, or asks for one.
    pub(super) fn save(&mut self) -> bool {
        match self.session.path.clone() {
            Some(path) => self.save_as_path(&path),
            None => self.save_as(),
        }
    }

    /// 另存为…
    pub(super) fn save_as(&mut self) -> bool {
        if !self.native_dialogs {
            return false;
        }
        let unit = &self.session.project.unit;
        let name = format!("{}{}年度决算.json", unit.short_name, unit.year);
        match rfd::FileDialog::new()
            .add_filter("决算项目", &["json"])
            .set_file_name(name)
            .save_file()
        {
            Some(path) => self.save_as_path(&path),
            None => false,
        }
    }

    pub(super) fn undo(&mut self) {
        self.surrender_focus();
        if self.session.undo() {
            self.buffers.clear();
        }
    }

    pub(super) fn redo(&mut self) {
        self.surrender_focus();
        if self.session.redo() {
            self.buffers.clear();
        }
    }

    /// Leaves the field being typed in, so that undo does not fight its text.
    fn surrender_focus(&self) {
        if let Some(ctx) = &self.ctx {
            ctx.memory_mut(|m| {
                if let Some(id) = m.focused() {
                    m.surrender_focus(id);
                }
            });
        }
    }

    /// Goes to the field a finding names: its tab, scrolled to and highlighted; the settings
    /// dialog for a setting.
    pub(super) fn go_to(&mut self, field: &FieldPath) {
        match Tab::of(field) {
            Place::Tab(tab) => {
                self.tab = tab;
                self.highlight = Some(field.clone());
                self.scrolled = false;
            }
            Place::Settings => self.show_settings(),
        }
    }

    pub(super) fn show_settings(&mut self) {
        self.dialog = Some(Dialog::Settings);
    }

    /// Takes `project` (the current one with other explanations) as one undo step.
    pub(super) fn replace_explanations(&mut self, project: crate::model::Project) {
        if project != self.session.project {
            self.session
                .replace(project, &FieldPath::part(crate::model::Root::Explanations));
        }
    }

    pub(super) fn show_rules(&mut self) {
        self.dialog = Some(Dialog::Rules);
    }

    pub(super) fn set_settings(&mut self, settings: Settings) {
        if settings == self.session.project.settings {
            return;
        }
        let mut project = self.session.project.clone();
        project.settings = settings;
        self.session
            .replace(project, &FieldPath::part(crate::model::Root::Settings));
        self.buffers.clear();
    }

    /// Asks before `action` when there is unsaved work; otherwise does it.
    pub(super) fn request(&mut self, action: Pending) {
        if self.session.is_dirty() {
            self.dialog = Some(Dialog::Unsaved(action));
        } else {
            self.perform(action);
        }
    }

    /// The clerk's answer to "保存修改吗？".
    pub(super) fn answer_unsaved(&mut self, save_first: bool) {
        let Some(Dialog::Unsaved(action)) = self.dialog.clone() else {
            return;
        };
        self.dialog = None;
        if !save_first || self.save() {
            self.perform(action);
        }
    }

    pub(super) fn close_dialog(&mut self) {
        self.dialog = None;
    }

    fn perform(&mut self, action: Pending) {
        match action {
            Pending::New { year, template } => self.new_project(year, template),
            Pending::Open(Some(path)) => self.open_path(&path),
            Pending::Open(None) => {
                if self.native_dialogs
                    && let Some(path) = rfd::FileDialog::new()
                        .add_filter("决算项目", &["json"])
                        .pick_file()
                {
                    self.open_path(&path);
                }
            }
            Pending::Example => self.replace_session(example_session()),
            Pending::Close => {
                self.allow_close = true;
                if let Some(ctx) = &self.ctx {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            Pending::Recover => self.recover(),
        }
    }

    /// 恢复: opens the oldest offered copy as unsaved work, copies it into this instance's own
    /// slot at once, and only then deletes the old copy.
    fn recover(&mut self) {
        if self.stale.is_empty() {
            return;
        }
        let stale = self.stale.remove(0);
        let session = Session::new(stale.project.clone(), stale.info.original.clone(), false);
        self.replace_session(session);
        let info = Recovery {
            original: stale.info.original.clone(),
            written_unix: now_unix(),
        };
        let kept = match &self.slot {
            Some(slot) => slot.write(&self.session.project, &info),
            None => Ok(()),
        };
        match kept {
            Ok(()) if self.slot.is_some() => {
                self.autosave
                    .written(Instant::now(), self.session.generation());
                stale.discard();
            }
            // Without a slot of its own the work lives in the window only: keep the old copy
            // until it is saved.
            Ok(()) => {}
            Err(e) => self.show_error(format!(
                "恢复的内容已打开，但无法写入新的恢复副本（{e}）；原副本保留，请尽快保存。"
            )),
        }
        // Otherwise the old copy stays on disk (its lock is released when `stale` drops) and is
        // offered again at the next start.
        self.offer_next_recovery();
    }

    /// 放弃: deletes the oldest offered copy.
    pub(super) fn discard_recovery(&mut self) {
        if self
            .dialog
            .as_ref()
            .is_some_and(|d| matches!(d, Dialog::Recover))
        {
            self.dialog = None;
        }
        if !self.stale.is_empty() {
            self.stale.remove(0).discard();
        }
        self.offer_next_recovery();
    }

    fn offer_next_recovery(&mut self) {
        if !self.stale.is_empty() && self.dialog.is_none() {
            self.dialog = Some(Dialog::Recover);
        }
    }

    fn replace_session(&mut self, session: Session) {
        self.session = session;
        self.buffers.clear();
        self.highlight = None;
        self.tab_state = tabs::TabState::default();
        self.editor = None;
        self.department = Default::default();
        if self.tab == Tab::Department && self.session.project.department.is_none() {
            self.tab = Tab::Unit;
        }
        self.autosave = Autosave::default();
        if let Some(slot) = &self.slot {
            // The new session has nothing unsaved yet; the old one's copy is no longer wanted.
            slot.clear();
        }
    }

    /// Sends the commands of this frame's keyboard shortcuts.
    fn shortcuts(&mut self, ctx: &egui::Context) {
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let keys = [
            (cmd, Key::N, Command::New),
            (cmd, Key::O, Command::Open(None)),
            (cmd_shift, Key::S, Command::SaveAs),
            (cmd, Key::S, Command::Save),
            (cmd_shift, Key::Z, Command::Redo),
            (cmd, Key::Y, Command::Redo),
            (cmd, Key::Z, Command::Undo),
        ];
        for (modifiers, key, command) in keys {
            // Shift variants first: consume_shortcut matches Ctrl+Shift+S for Ctrl+S too.
            if ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(modifiers, key))) {
                self.send(command);
            }
        }
    }

    fn menu_ui(&mut self, ui: &mut Ui) {
        let mut sent = Vec::new();
        let mut send = |c: Command| sent.push(c);
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("文件", |ui| {
                for (label, command) in [
                    ("新建\tCtrl+N", Command::New),
                    ("打开…\tCtrl+O", Command::Open(None)),
                    ("保存\tCtrl+S", Command::Save),
                    ("另存为…\tCtrl+Shift+S", Command::SaveAs),
                ] {
                    if ui.button(label).clicked() {
                        send(command);
                    }
                }
                ui.separator();
                let recent = self.files.remembered().recent;
                ui.add_enabled_ui(!recent.is_empty(), |ui| {
                    ui.menu_button("最近打开", |ui| {
                        for path in recent {
                            if ui.button(path.display().to_string()).clicked() {
                                send(Command::Open(Some(path)));
                            }
                        }
                    });
                });
                if ui.button("打开内置示例").clicked() {
                    send(Command::OpenExample);
                }
                if ui.button("导入决算数字…").clicked() {
                    send(Command::ImportFigures(None));
                }
                if ui.button("新建下一年度…").clicked() {
                    send(Command::NextYear(None));
                }
                if ui.button("打印预览").clicked() {
                    send(Command::ShowPreview);
                }
                if ui.button("导出Word文档…").clicked() {
                    send(Command::ExportWord(None));
                }
                if ui.button("导出Excel表格…").clicked() {
                    send(Command::ExportTables(None));
                }
                if ui.button("导出公开文件包…").clicked() {
                    send(Command::ExportBundle(None));
                }
                if ui.button("导出审核报告…").clicked() {
                    send(Command::ExportCheckReport(None));
                }
                ui.separator();
                if ui.button("退出").clicked() {
                    send(Command::Close);
                }
            });
            ui.menu_button("编辑", |ui| {
                if ui
                    .add_enabled(self.session.can_undo(), egui::Button::new("撤销\tCtrl+Z"))
                    .clicked()
                {
                    send(Command::Undo);
                }
                if ui
                    .add_enabled(self.session.can_redo(), egui::Button::new("重做\tCtrl+Y"))
                    .clicked()
                {
                    send(Command::Redo);
                }
                ui.separator();
                if ui.button("项目设置…").clicked() {
                    send(Command::ShowSettings);
                }
            });
            ui.menu_button("帮助", |ui| {
                if ui.button("审核规则…").clicked() {
                    send(Command::ShowRules);
                }
            });
        });
        self.commands.extend(sent);
    }

    fn status_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let (e, w, h) = checks::counts(&self.session.findings);
            for (n, severity) in [
                (e, Severity::Error),
                (w, Severity::Warning),
                (h, Severity::Hint),
            ] {
                ui.label(
                    RichText::new(format!("{} {n}", severity.label()))
                        .color(theme::severity_color(severity))
                        .strong(),
                );
            }
            ui.separator();
            let p = &self.session.project;
            ui.label(format!("录入单位：{}", p.settings.entry_unit.label()));
            ui.separator();
            let unfinished = self.unfinished_fields().len();
            if unfinished > 0 {
                ui.label(
                    RichText::new(format!("{unfinished} 个栏目的输入有误，尚未录入"))
                        .color(theme::ERROR),
                );
            } else {
                ui.label(if self.session.is_dirty() {
                    "有未保存的修改"
                } else {
                    "已保存"
                });
            }
            if let Some(notice) = &self.notice {
                ui.separator();
                ui.label(RichText::new(notice).color(theme::ERROR));
            }
        });
    }

    fn findings_ui(&mut self, ui: &mut Ui) {
        let (e, w, h) = checks::counts(&self.session.findings);
        ui.heading("审核结果");
        ui.label(format!("错误 {e}　警告 {w}　提示 {h}"));
        let mut target = None;
        // The ledger: a rule that could not run is not a pass, so the clerk sees which did not
        // and what each needs (a click goes to where it is entered).
        let ledger = &self.session.ledger;
        let counts = ledger.counts();
        if counts.checked == counts.rules {
            ui.label(RichText::new(counts.to_string()).small());
        } else {
            egui::CollapsingHeader::new(RichText::new(counts.to_string()).small())
                .id_salt("ledger")
                .show(ui, |ui| {
                    for entry in ledger.unchecked() {
                        let text = format!(
                            "{} {}：{}",
                            entry.code,
                            entry.coverage.label(),
                            entry.coverage.reason().unwrap_or_default()
                        );
                        let response = ui
                            .add(egui::Button::new(RichText::new(text).small()).wrap())
                            .on_hover_text(entry.title);
                        if response.clicked() {
                            target = entry.coverage.fields().first().cloned();
                        }
                    }
                });
        }
        ui.separator();
        let mut to_document = false;
        let mut import = false;
        let mut explain = None;
        if self.session.findings.is_empty() {
            ui.label("没有发现问题。");
        }
        let project = &self.session.project;
        let resolved = checks::explain::resolved(project, &self.session.findings).len();
        if resolved > 0 {
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(format!("{resolved} 条出错说明已失效（问题已不存在）")).small(),
                );
                if ui.small_button("删除失效的说明").clicked() {
                    self.commands.push(Command::RemoveResolvedExplanations);
                }
            });
        }
        let findings = &self.session.findings;
        super::widgets::virtual_list(ui, "findings", findings.len(), 60.0, |ui, i| {
            let f = &findings[i];
            let color = theme::severity_color(f.severity);
            let text =
                RichText::new(format!("【{}】{} {}", f.severity, f.code, f.title)).color(color);
            let explained = checks::explain::explanation_of(project, f);
            let response = ui
                .add(egui::Button::new(text).wrap())
                .on_hover_text(&f.message);
            let message = match explained {
                Some((e, standing)) => {
                    format!("{}\n说明（{}）：{}", f.message, standing.label(), e.text)
                }
                None => f.message.clone(),
            };
            ui.label(RichText::new(message).small());
            // Below the message, within the panel's width: 说明… (the clerk's 出错说明), and for a
            // code the catalog does not know, the import of the local 财政's 科目表.
            ui.horizontal(|ui| {
                let label = match explained {
                    None => "说明…",
                    Some((_, checks::explain::Standing::Current)) => "已说明",
                    Some(_) => "说明需复核",
                };
                if ui.small_button(label).clicked() {
                    explain = Some(i);
                }
                if matches!(f.code, "JS-207" | "JS-208") {
                    import |= ui.small_button("导入科目表…").clicked();
                }
            });
            if response.clicked() {
                match f.fields.first() {
                    Some(first) => target = Some(first.clone()),
                    // What the document reports (a paragraph left out, a table not filled) is
                    // shown, with its 编辑这一段, at the top of the 情况说明 tab.
                    None => to_document = f.code.starts_with("WD-"),
                }
            }
            ui.add_space(4.0);
        });
        if let Some(field) = target {
            self.send(Command::JumpTo(field));
        }
        if import {
            self.send(Command::ImportCatalog(None));
        }
        if let Some(i) = explain {
            let finding = self.session.findings[i].clone();
            let text = checks::explain::explanation_of(&self.session.project, &finding)
                .map(|(e, _)| e.text.clone())
                .unwrap_or_default();
            self.dialog = Some(Dialog::Explain { finding, text });
        }
        if to_document {
            self.show_preview = false;
            self.send(Command::ShowTab(Tab::Document));
        }
    }

    fn tabs_ui(&mut self, ui: &mut Ui) {
        let department = self.session.project.department.is_some();
        ui.horizontal_wrapped(|ui| {
            let extra = department.then_some(Tab::Department);
            for tab in Tab::ALL.into_iter().chain(extra) {
                if ui.selectable_label(self.tab == tab, tab.label()).clicked() {
                    self.commands.push(Command::ShowTab(tab));
                }
            }
        });
        ui.separator();
        if self.tab == Tab::Document {
            self.document_tab_ui(ui);
            return;
        }
        if self.tab == Tab::Department {
            self.department_tab_ui(ui);
            return;
        }
        let mut edited = None;
        let Session {
            project,
            findings,
            charts,
            catalog,
            totals,
            ..
        } = &mut self.session;
        let mut form = Form {
            unit: project.settings.entry_unit,
            findings,
            buffers: &mut self.buffers,
            highlight: &self.highlight,
            scrolled: &mut self.scrolled,
            edited: &mut edited,
            catalog: catalog.as_ref(),
            totals,
            remembered_codes: &self.remembered_codes,
            amounts_from_members: project.department.is_some(),
        };
        egui::ScrollArea::vertical()
            .id_salt(("tab", self.tab.label()))
            .show(ui, |ui| {
                tabs::tab_ui(
                    ui,
                    self.tab,
                    project,
                    &mut form,
                    charts,
                    &mut self.tab_state,
                );
            });
        if let Some(field) = edited {
            self.session.commit_edit(&field);
        }
        if let Some(request) = self.tab_state.catalog_request.take() {
            self.send(request);
        }
    }

    /// Shows the print preview (laying the pages out if needed).
    pub(super) fn open_preview(&mut self) {
        self.tab = Tab::Document;
        self.show_preview = true;
    }

    /// The preview's pages of the project as it is now, waiting for the layout if it is
    /// running (exports, printing and tests must never take older pages).
    pub fn preview_pages(&mut self) -> Option<std::sync::Arc<crate::print::Pages>> {
        let generation = self.session.generation();
        let doc = self.session.document();
        self.preview.ensure(generation, doc, super::clock::today());
        self.preview.wait();
        self.preview.pages_for(generation).cloned()
    }

    fn document_tab_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.show_preview, false, "文档内容");
            ui.selectable_value(&mut self.show_preview, true, "打印预览");
        });
        if !self.show_preview {
            self.template_bar_ui(ui);
            self.wording_editor_ui(ui);
            self.glossary_ui(ui);
            if let Some(id) = tabs::document_ui(ui, self.session.document()) {
                self.send(Command::EditParagraph(id));
            }
            return;
        }
        let generation = self.session.generation();
        let doc = self.session.document();
        self.preview.ensure(generation, doc, super::clock::today());
        let (errors, _, _) = checks::counts(&self.session.findings);
        let action = self.preview.ui(ui, self.session.generation(), errors);
        if self.preview.busy() {
            // Until the first page is there, look for it every frame's worth of time.
            let waiting =
                self.preview.cover().is_none() && self.preview.pages_for(generation).is_none();
            ui.ctx()
                .request_repaint_after(Duration::from_millis(if waiting { 16 } else { 100 }));
        }
        match action {
            Some(preview::Action::Export) => self.send(Command::ExportPdf),
            Some(preview::Action::Print) => self.send(Command::Print),
            None => {}
        }
    }

    /// 导出PDF…: asks for a file and writes the current project's PDF to it.
    pub(super) fn export_pdf(&mut self) {
        if !self.native_dialogs {
            return;
        }
        let unit = &self.session.project.unit;
        let name = format!(
            "{}{}年度{}.pdf",
            unit.short_name,
            unit.year,
            unit.disclosure.label()
        );
        let Some(path) = rfd::FileDialog::new()
            .add_filter("PDF", &["pdf"])
            .set_file_name(name)
            .save_file()
        else {
            return;
        };
        self.export_pdf_to(&path);
    }

    /// Writes the current project's PDF to `path`; shows an error dialog on failure.
    pub(super) fn export_pdf_to(&mut self, path: &Path) -> bool {
        let Some(pages) = self.preview_pages() else {
            self.show_error("排版失败，无法导出 PDF，请查看预览中的提示。".to_owned());
            return false;
        };
        let result = pages
            .pdf()
            .map_err(|e| e.to_string())
            .and_then(|pdf| crate::storage::replace_file(path, &pdf).map_err(|e| e.to_string()));
        match result {
            Ok(()) => {
                self.preview.status = Some(format!("已导出：{}", path.display()));
                true
            }
            Err(e) => {
                self.show_error(e);
                false
            }
        }
    }

    /// The file to read: the one given, or one the clerk picks in the open dialog (with these
    /// filters); `None` when there is neither.
    pub(super) fn read_path(
        &self,
        given: Option<PathBuf>,
        label: &str,
        extensions: &[&str],
    ) -> Option<PathBuf> {
        match given {
            Some(p) => Some(p),
            None if self.native_dialogs => rfd::FileDialog::new()
                .add_filter(label, extensions)
                .pick_file(),
            None => None,
        }
    }

    /// The file to write: the one given, or one the clerk chooses in the save dialog (with
    /// these filters and suggested name); `None` when there is neither.
    pub(super) fn save_path(
        &self,
        given: Option<PathBuf>,
        filters: &[(&str, &[&str])],
        name: String,
    ) -> Option<PathBuf> {
        match given {
            Some(p) => Some(p),
            None if self.native_dialogs => filters
                .iter()
                .fold(rfd::FileDialog::new(), |d, (label, ext)| {
                    d.add_filter(*label, ext)
                })
                .set_file_name(name)
                .save_file(),
            None => None,
        }
    }

    /// 导出审核报告…: writes the check report to `path` (or a file the clerk chooses) as a
    /// workbook, a PDF or text, by the file's extension.
    pub(super) fn export_check_report(&mut self, path: Option<PathBuf>) {
        let unit = &self.session.project.unit;
        let name = format!("{}{}年度审核报告.xlsx", unit.short_name, unit.year);
        let filters: [(&str, &[&str]); 3] = [
            ("Excel 工作簿", &["xlsx"]),
            ("PDF", &["pdf"]),
            ("文本", &["txt"]),
        ];
        let Some(path) = self.save_path(path, &filters, name) else {
            return;
        };
        let report = self.session.check_report();
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let bytes = match extension.as_str() {
            "xlsx" => crate::office::xlsx::check_report(&report),
            "pdf" => crate::print::Printer::shared()
                .layout(&report.document(), super::clock::today())
                .and_then(|pages| pages.pdf())
                .map_err(|e| e.to_string()),
            "txt" => Ok(report.text().into_bytes()),
            _ => Err(format!(
                "无法导出审核报告：“{}”不是 .xlsx、.pdf 或 .txt 文件",
                path.display()
            )),
        };
        match bytes.and_then(|b| crate::storage::replace_file(&path, &b).map_err(|e| e.to_string()))
        {
            Ok(()) => self.note(Some(format!("已导出审核报告：{}", path.display()))),
            Err(e) => self.show_error(e),
        }
    }

    /// 新建下一年度…: makes next year's project from this one, writes it to `path` (or a new
    /// file the clerk chooses; an existing file is never replaced) and opens it.
    pub(super) fn next_year(&mut self, path: Option<PathBuf>) {
        let unit = &self.session.project.unit;
        let year = unit.year + 1;
        let name = format!(
            "{}{year}年度{}.json",
            unit.short_name,
            unit.disclosure.label()
        );
        let Some(path) = self.save_path(path, &[("决算助手项目", &["json"])], name) else {
            return;
        };
        if path.exists() {
            self.show_error(format!(
                "{} 已经存在；下一年度的项目要写到新文件，请换一个文件名。",
                path.display()
            ));
            return;
        }
        let catalog = crate::catalog::Catalog::builtin(year).ok();
        let next = crate::next_year::next_year(&self.session.project, catalog.as_ref());
        if let Err(e) = crate::storage::save(&path, &next.project, super::clock::save_time()) {
            self.show_error(e.to_string());
            return;
        }
        self.request(Pending::Open(Some(path.clone())));
        let mut lines = vec![
            format!("已建立 {year} 年度项目：{}", path.display()),
            "上年的数字已作为上年数，年末结转和结余已作为年初结转和结余并锁定；本年金额待录入。"
                .to_owned(),
        ];
        lines.extend(next.review);
        if self.dialog.is_none() {
            self.dialog = Some(Dialog::Info {
                title: "新建下一年度".to_owned(),
                lines,
            });
        } else {
            self.note(Some(lines.join(" ")));
        }
    }

    /// 导出Excel表格…: writes every table of the document to `path` (or a workbook the clerk
    /// chooses), one sheet each.
    pub(super) fn export_tables(&mut self, path: Option<PathBuf>) {
        let unit = &self.session.project.unit;
        let name = format!(
            "{}{}年度{}公开表.xlsx",
            unit.short_name,
            unit.year,
            unit.disclosure.label()
        );
        let Some(path) = self.save_path(path, &[("Excel 工作簿", &["xlsx"])], name) else {
            return;
        };
        // A department's workbook has its figures by member after the tables.
        let (extra, missing) = crate::consolidate::workbook_sheets(
            self.session.path.as_deref(),
            &self.session.project,
        );
        let missing = missing.map(|m| format!("；{m}")).unwrap_or_default();
        let written = crate::office::xlsx::tables_with(self.session.document(), &extra)
            .and_then(|b| crate::storage::replace_file(&path, &b).map_err(|e| e.to_string()));
        match written {
            Ok(()) => self.note(Some(format!(
                "已导出 Excel 表格：{}{missing}",
                path.display()
            ))),
            Err(e) => self.show_error(e),
        }
    }

    /// 导出Word文档…: writes the document to `path` (or a file the clerk chooses) as Word,
    /// dated today as the PDF would be.
    pub(super) fn export_word(&mut self, path: Option<PathBuf>) {
        let unit = &self.session.project.unit;
        let name = format!(
            "{}{}年度{}.docx",
            unit.short_name,
            unit.year,
            unit.disclosure.label()
        );
        let Some(path) = self.save_path(path, &[("Word 文档", &["docx"])], name) else {
            return;
        };
        let written = crate::office::docx::document(self.session.document(), super::clock::today())
            .and_then(|b| crate::storage::replace_file(&path, &b).map_err(|e| e.to_string()));
        match written {
            Ok(()) => self.note(Some(format!("已导出 Word 文档：{}", path.display()))),
            Err(e) => self.show_error(e),
        }
    }

    /// 打印…: writes the current project's PDF to the print folder and hands it to the system.
    pub(super) fn print(&mut self) {
        let dir = print_dir();
        if let Err(e) = std::fs::create_dir_all(&dir) {
            self.show_error(format!(
                "无法准备打印文件：{}",
                crate::storage::io_message(&e)
            ));
            return;
        }
        let path = dir.join(format!("决算助手-打印-{}.pdf", super::clock::now_unix()));
        if self.export_pdf_to(&path) {
            match preview::print_pdf(&path) {
                Ok(()) => self.preview.status = Some("已交给系统打印".to_owned()),
                Err(e) => self.show_error(e),
            }
        }
    }

    fn dialogs_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = self.dialog.clone() else {
            return;
        };
        let mut sent = Vec::new();
        // A dialog whose fields changed this frame (the new project's year and template).
        let mut next = None;
        let modal = egui::Modal::new(egui::Id::unique("juesuan-dialog")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            match &dialog {
                Dialog::Error(message) => {
                    ui.heading("无法完成");
                    ui.label(message);
                    if ui.button("确定").clicked() {
                        sent.push(Command::CloseDialog);
                    }
                }
                Dialog::Info { title, lines } => {
                    ui.heading(title);
                    for line in lines {
                        ui.label(line);
                    }
                    if ui.button("确定").clicked() {
                        sent.push(Command::CloseDialog);
                    }
                }
                Dialog::Unsaved(_) => {
                    ui.heading("有未保存的修改");
                    ui.label(format!(
                        "是否保存对“{}”的修改？",
                        self.session.display_name()
                    ));
                    ui.horizontal(|ui| {
                        if ui.button("保存").clicked() {
                            sent.push(Command::SaveThenContinue);
                        }
                        if ui.button("不保存").clicked() {
                            sent.push(Command::DiscardThenContinue);
                        }
                        if ui.button("取消").clicked() {
                            sent.push(Command::CloseDialog);
                        }
                    });
                }
                Dialog::Recover => self.recover_ui(ui, &mut sent),
                Dialog::NewProject { year, template } => {
                    ui.heading("新建项目");
                    let (mut year_text, mut chosen) = (year.clone(), template.clone());
                    let parsed = crate::model::edit::parse_year(&year_text);
                    ui.horizontal(|ui| {
                        let label = ui.label("决算年度：");
                        ui.add(egui::TextEdit::singleline(&mut year_text).desired_width(60.0))
                            .labelled_by(label.id);
                    });
                    if let Err(e) = &parsed {
                        ui.label(RichText::new(e).color(theme::ERROR));
                    }
                    let year_now = parsed.as_ref().copied().unwrap_or(current_year() - 1);
                    let name = |id: &Option<String>| {
                        id.as_deref()
                            .and_then(crate::template::builtin_by_id)
                            .map_or("（本年度的内置模板）".to_owned(), |t| {
                                t.name.clone()
                            })
                    };
                    egui::ComboBox::new("new-template", "文档模板")
                        .selected_text(name(&chosen))
                        .width(320.0)
                        .show_ui(ui, |ui| {
                            for t in crate::template::builtin() {
                                let label = if t.covers(year_now) {
                                    t.name.clone()
                                } else {
                                    format!("{}（适用{}—{}年度）", t.name, t.years[0], t.years[1])
                                };
                                let id = Some(t.id.clone());
                                if ui.selectable_label(chosen == id, label).clicked() {
                                    chosen = id;
                                }
                            }
                        });
                    ui.label(
                        RichText::new(
                            "模板决定文档的结构和措辞，以后可在“情况说明”页更换，数字不受影响。",
                        )
                        .small(),
                    );
                    ui.horizontal(|ui| {
                        if ui
                            .add_enabled(parsed.is_ok(), egui::Button::new("创建"))
                            .clicked()
                        {
                            sent.push(Command::CreateProject {
                                year: year_now,
                                template: chosen.clone(),
                            });
                        }
                        if ui.button("取消").clicked() {
                            sent.push(Command::CloseDialog);
                        }
                    });
                    next = Some(Dialog::NewProject {
                        year: year_text,
                        template: chosen,
                    });
                }
                Dialog::Explain { finding, text } => {
                    ui.heading(format!("出错说明：{} {}", finding.code, finding.title));
                    ui.label(&finding.message);
                    ui.label(RichText::new(checks::explain::hint(finding.severity)).small());
                    let mut typed = text.clone();
                    let label = ui.label("说明内容");
                    ui.add(
                        egui::TextEdit::multiline(&mut typed)
                            .id_salt("explanation")
                            .desired_rows(4)
                            .desired_width(480.0),
                    )
                    .labelled_by(label.id);
                    ui.horizontal(|ui| {
                        if ui.button("保存说明").clicked() {
                            sent.push(Command::Explain(finding.clone(), typed.clone()));
                            sent.push(Command::CloseDialog);
                        }
                        let existing =
                            checks::explain::explanation_of(&self.session.project, finding);
                        if existing.is_some() && ui.button("删除说明").clicked() {
                            sent.push(Command::Explain(finding.clone(), String::new()));
                            sent.push(Command::CloseDialog);
                        }
                        if ui.button("取消").clicked() {
                            sent.push(Command::CloseDialog);
                        }
                    });
                    next = Some(Dialog::Explain {
                        finding: finding.clone(),
                        text: typed,
                    });
                }
                Dialog::Rules => {
                    rules_ui(ui);
                    if ui.button("关闭").clicked() {
                        sent.push(Command::CloseDialog);
                    }
                }
                Dialog::Settings => {
                    ui.heading("项目设置");
                    let mut settings = self.session.project.settings.clone();
                    tabs::settings_ui(ui, &mut settings);
                    if settings != self.session.project.settings {
                        sent.push(Command::SetSettings(settings));
                    }
                    if ui.button("关闭").clicked() {
                        sent.push(Command::CloseDialog);
                    }
                }
            }
        });
        // Escape or a click outside closes what needs no answer; a question stays until answered.
        if let Some(next) = next
            && sent.is_empty()
        {
            self.dialog = Some(next);
        }
        if modal.should_close()
            && matches!(
                dialog,
                Dialog::Error(_)
                    | Dialog::Info { .. }
                    | Dialog::Settings
                    | Dialog::Rules
                    | Dialog::Explain { .. }
                    | Dialog::NewProject { .. }
            )
        {
            sent.push(Command::CloseDialog);
        }
        self.commands.extend(sent);
    }

    fn recover_ui(&self, ui: &mut Ui, sent: &mut Vec<Command>) {
        let Some(stale) = self.stale.first() else {
            sent.push(Command::CloseDialog);
            return;
        };
        let info = &stale.info;
        ui.heading("恢复未保存的内容");
        let minutes = now_unix().saturating_sub(info.written_unix) / 60;
        let original = info
            .original
            .as_ref()
            .map(|p| format!("（原文件：{}）", p.display()))
            .unwrap_or_default();
        let unit = &stale.project.unit;
        ui.label(format!(
            "决算助手上次没有正常关闭。发现约 {minutes} 分钟前自动保存、尚未存盘的内容：{} {}年度{original}。\n\n“恢复”打开这些内容（之后请保存）；“放弃”删除这份副本。",
            unit.name, unit.year
        ));
        ui.horizontal(|ui| {
            if ui.button("恢复").clicked() {
                sent.push(Command::CloseDialog);
                sent.push(Command::Recover);
            }
            if ui.button("放弃").clicked() {
                sent.push(Command::DiscardRecovery);
            }
        });
    }

    /// Copies unsaved work to this instance's recovery slot, at most once a minute. A failure
    /// is shown once in the status bar and logged, and retried a minute later.
    fn autosave(&mut self, now: Instant) {
        let generation = self.session.generation();
        if !self.autosave.due(now, self.session.is_dirty(), generation) {
            return;
        }
        let Some(slot) = &self.slot else {
            return;
        };
        let info = Recovery {
            original: self.session.path.clone(),
            written_unix: now_unix(),
        };
        match slot.write(&self.session.project, &info) {
            Ok(()) => {
                self.autosave.written(now, generation);
                if self
                    .notice
                    .as_deref()
                    .is_some_and(|n| n.starts_with(AUTOSAVE_FAILED))
                {
                    self.notice = None;
                }
            }
            Err(e) => {
                self.autosave.failed(now);
                let message = format!("{AUTOSAVE_FAILED}（{e}），请及时保存");
                if self.notice.as_ref() != Some(&message) {
                    super::crash::log(&message);
                    self.notice = Some(message);
                }
            }
        }
    }

    /// Lets the window close: this instance's recovery slot goes (the work is saved or was
    /// given up), print files of this session are tidied. Offered copies of other runs stay.
    fn closing(&mut self) {
        if let Some(slot) = self.slot.take() {
            slot.release();
        }
        remove_old_print_files();
    }

    /// Draws one frame into `ui` (the whole window), then applies the commands it sent.
    pub fn frame_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if self.dialog.is_none() {
            self.shortcuts(&ctx);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.send(Command::Open(Some(path)));
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.session.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.dialog = Some(Dialog::Unsaved(Pending::Close));
            } else {
                self.allow_close = true;
            }
        }
        if self.allow_close {
            self.closing();
        }

        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        egui::Panel::right("findings")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| self.findings_ui(ui));
        egui::CentralPanel::default().show(ui, |ui| self.tabs_ui(ui));
        self.dialogs_ui(&ctx);
        self.catalog_import_ui(&ctx);
        self.figures_import_ui(&ctx);
        self.bundle_ui(&ctx);
        self.apply_queued();

        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        let now = Instant::now();
        self.autosave(now);
        ctx.request_repaint_after(self.autosave.wait(now));
    }
}

impl eframe::App for JuesuanApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }
}

/// The start of the notice shown when the recovery copy cannot be written.
const AUTOSAVE_FAILED: &str = "自动恢复副本写入失败";

/// Puts `path` first in the recent files. Failing to remember it loses nothing the clerk made,
/// so it needs no dialog: the message is logged and returned for the status bar.
fn remember(files: &AppFiles, path: &Path) -> Option<String> {
    let e = files.add_recent(path).err()?;
    let message = format!("无法记录最近打开的文件（{e}）");
    super::crash::log(&message);
    Some(message)
}

/// The folder the PDFs handed to the system's printing go to.
fn print_dir() -> PathBuf {
    std::env::temp_dir().join("juesuan-print")
}

/// Removes print PDFs older than an hour (the reader has long opened them by then).
fn remove_old_print_files() {
    let Ok(entries) = std::fs::read_dir(print_dir()) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > Duration::from_secs(3600));
        if old {
            // A file still open in a reader (on Windows) is removed next time.
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The built-in example, clean: it is built in, so leaving it unchanged loses nothing.
fn example_session() -> Session {
    Session::new(example().unwrap_or_default(), None, true)
}

use super::clock::now_unix;

/// The current year by the system clock.
fn current_year() -> i32 {
    super::clock::today().year
}

/// The rule catalog (帮助 → 审核规则), from the registry `juesuan rules` prints.
fn rules_ui(ui: &mut Ui) {
    let rules = checks::rule_catalog();
    ui.heading(format!("审核规则（{} 条）", rules.len()));
    ui.label(
        RichText::new(
            "规则所需的数据没有录入时不运行，审核结果中记为“缺少数据”，不算通过；对本单位不适用的记为“不适用”。",
        )
        .small(),
    );
    egui::ScrollArea::vertical()
        .max_height(420.0)
        .show(ui, |ui| {
            egui::Grid::new("rules").striped(true).show(ui, |ui| {
                for r in rules {
                    ui.label(r.code);
                    ui.label(
                        RichText::new(r.severity.label()).color(theme::severity_color(r.severity)),
                    );
                    ui.label(r.family);
                    ui.vertical(|ui| {
                        ui.label(r.title);
                        if !r.needs.is_empty() {
                            ui.label(
                                RichText::new(format!("需要：{}", r.needs.join("；"))).small(),
                            );
                        }
                        if let Some(example) = &r.example {
                            ui.label(
                                RichText::new(format!("示例：{example}"))
                                    .small()
                                    .color(theme::MUTED),
                            );
                        }
                    });
                    ui.end_row();
                }
            });
        });
}
