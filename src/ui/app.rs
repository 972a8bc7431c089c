//! The application: menu, tabs, findings panel, dialogs, files, undo, autosave.
//!
//! The tabs edit the session's project; after the frame, one place ([`JuesuanApp::end_frame`])
//! records the edit for undo and recomputes what the core derives from it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

use super::files::{AppFiles, Autosave, Recovery, Slot, Stale};
use super::preview::{self, Preview};
use super::session::Session;
use super::tabs;
use super::theme;
use super::widgets::{Buffer, Form};
use crate::checks::{self, Severity};
use crate::example::example;
use crate::model::{FieldPath, Project};

/// The tabs, in the order the clerk works through them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// 单位概况.
    Unit,
    /// 收入 (and balances).
    Revenue,
    /// 支出.
    Expenditure,
    /// 人员/公用经费.
    BasicCosts,
    /// 三公与运行经费.
    ThreePublic,
    /// 政府采购.
    Procurement,
    /// 国有资产.
    Assets,
    /// 绩效.
    Performance,
    /// 情况说明 (the generated document).
    Document,
}

impl Tab {
    /// All tabs in order.
    pub const ALL: [Tab; 9] = [
        Tab::Unit,
        Tab::Revenue,
        Tab::Expenditure,
        Tab::BasicCosts,
        Tab::ThreePublic,
        Tab::Procurement,
        Tab::Assets,
        Tab::Performance,
        Tab::Document,
    ];

    /// The tab's label.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Unit => "单位概况",
            Tab::Revenue => "收入",
            Tab::Expenditure => "支出",
            Tab::BasicCosts => "人员/公用经费",
            Tab::ThreePublic => "三公与运行经费",
            Tab::Procurement => "政府采购",
            Tab::Assets => "国有资产",
            Tab::Performance => "绩效",
            Tab::Document => "情况说明",
        }
    }

    /// The tab where the field at `path` is edited.
    pub fn of_field(path: &FieldPath) -> Tab {
        let p = path.as_str();
        let starts = |prefixes: &[&str]| prefixes.iter().any(|x| p.starts_with(x));
        if starts(&["unit"]) {
            Tab::Unit
        } else if starts(&[
            "revenue",
            "balances",
            "prior_year.total_",
            "control_totals.total_",
            "control_totals.revenue_this_year",
        ]) {
            Tab::Revenue
        } else if starts(&["basic_costs", "control_totals.general_budget_basic"]) {
            Tab::BasicCosts
        } else if starts(&["expenditure", "prior_year", "control_totals"])
            && !p.contains("three_public")
        {
            Tab::Expenditure
        } else if starts(&[
            "three_public",
            "running_costs",
            "control_totals.three_public",
        ]) {
            Tab::ThreePublic
        } else if starts(&["procurement"]) {
            Tab::Procurement
        } else if starts(&["assets"]) {
            Tab::Assets
        } else if starts(&["performance", "projects"]) {
            Tab::Performance
        } else {
            Tab::Document
        }
    }
}

/// Something that would discard unsaved work, waiting for the clerk's answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// 新建.
    New,
    /// 打开 a file (or ask for one).
    Open(Option<PathBuf>),
    /// Open the built-in example.
    Example,
    /// Close the window.
    Close,
    /// Open the oldest recovery copy offered.
    Recover,
}

/// A modal dialog.
#[derive(Clone, Debug)]
enum Dialog {
    /// An error to acknowledge.
    Error(String),
    /// Save changes before `Pending`?
    Unsaved(Pending),
    /// Offer the oldest recovery copy of a run that did not end normally.
    Recover,
    /// Project settings.
    Settings,
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
    session: Session,
    files: AppFiles,
    native_dialogs: bool,
    tab: Tab,
    buffers: HashMap<String, Buffer>,
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
}

impl JuesuanApp {
    /// Creates the application: opens `startup.file`, else the last project, else the example,
    /// and offers a recovery copy if the last run did not end normally.
    pub fn new(ctx: &egui::Context, startup: Startup) -> JuesuanApp {
        theme::install_fonts(ctx);
        theme::install_style(ctx);
        let Startup {
            file,
            files,
            native_dialogs,
        } = startup;
        let mut dialog = None;
        let session = match file {
            Some(path) => match Session::open(&path) {
                Ok(s) => {
                    remember(&files, &path);
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
            Ok(slot) => (Some(slot), None),
            Err(e) => {
                super::crash::log(&format!("无法建立恢复副本：{e}"));
                (
                    None,
                    Some(format!("无法建立自动恢复副本（{e}），请及时保存")),
                )
            }
        };
        remove_old_print_files();
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

    /// 新建: an empty project for last year (the year whose accounts are closed now).
    pub fn new_project(&mut self) {
        let mut project = Project::default();
        project.unit.year = current_year().saturating_sub(1);
        // Nothing typed yet means nothing to lose: a new project starts clean.
        self.replace_session(Session::new(project, None, true));
    }

    /// Opens `path`; on error shows it and keeps the current project.
    pub fn open_path(&mut self, path: &Path) {
        match Session::open(path) {
            Ok(session) => {
                remember(&self.files, path);
                self.replace_session(session);
            }
            Err(e) => self.dialog = Some(Dialog::Error(e.to_string())),
        }
    }

    /// Saves to `path`; on error shows it. Returns whether it saved. Refuses while a field holds
    /// text that is not a valid value, naming the field.
    pub fn save_as_path(&mut self, path: &Path) -> bool {
        let unfinished = self.unfinished_fields();
        if !unfinished.is_empty() {
            let list: Vec<String> = unfinished
                .iter()
                .map(|(label, problem)| format!("· {label}{problem}"))
                .collect();
            self.dialog = Some(Dialog::Error(format!(
                "没有保存：以下栏目的内容还不是有效的值，文件中仍是原来的数：\n{}\n\n请改正，或在该栏按 Esc 恢复原值，然后再保存。",
                list.join("\n")
            )));
            return false;
        }
        match self.session.save_to(path, super::clock::save_time()) {
            Ok(()) => {
                remember(&self.files, path);
                if let Some(slot) = &self.slot {
                    slot.clear();
                }
                true
            }
            Err(e) => {
                self.dialog = Some(Dialog::Error(e.to_string()));
                false
            }
        }
    }

    /// 保存: to the session's file, or asks for one.
    pub fn save(&mut self) -> bool {
        match self.session.path.clone() {
            Some(path) => self.save_as_path(&path),
            None => self.save_as(),
        }
    }

    /// 另存为…
    pub fn save_as(&mut self) -> bool {
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

    /// Undo (Ctrl+Z).
    pub fn undo(&mut self) {
        if self.session.undo() {
            self.buffers.clear();
        }
    }

    /// Redo (Ctrl+Y).
    pub fn redo(&mut self) {
        if self.session.redo() {
            self.buffers.clear();
        }
    }

    /// Jumps to the first field of a finding: its tab, scrolled to and highlighted.
    pub fn go_to(&mut self, field: &FieldPath) {
        self.tab = Tab::of_field(field);
        self.highlight = Some(field.clone());
        self.scrolled = false;
    }

    /// Asks before `action` when there is unsaved work; otherwise does it.
    pub fn request(&mut self, action: Pending) {
        if self.session.is_dirty() {
            self.dialog = Some(Dialog::Unsaved(action));
        } else {
            self.perform(action);
        }
    }

    fn perform(&mut self, action: Pending) {
        match action {
            Pending::New => self.new_project(),
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
            Pending::Close => self.allow_close = true,
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
        let kept = self
            .slot
            .as_ref()
            .is_some_and(|slot| slot.write(&self.session.project, &info).is_ok());
        if kept {
            self.autosave
                .written(Instant::now(), self.session.generation());
            stale.discard();
        }
        // Otherwise the old copy stays on disk (its lock is released when `stale` drops) and is
        // offered again at the next start.
        self.offer_next_recovery();
    }

    /// 放弃: deletes the oldest offered copy.
    fn discard_recovery(&mut self) {
        if !self.stale.is_empty() {
            self.stale.remove(0).discard();
        }
        self.offer_next_recovery();
    }

    fn offer_next_recovery(&mut self) {
        if !self.stale.is_empty() {
            self.dialog = Some(Dialog::Recover);
        }
    }

    fn replace_session(&mut self, session: Session) {
        self.session = session;
        self.buffers.clear();
        self.highlight = None;
        self.tab_state = tabs::TabState::default();
        self.autosave = Autosave::default();
        if let Some(slot) = &self.slot {
            // The new session has nothing unsaved yet; the old one's copy is no longer wanted.
            slot.clear();
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let shortcut = |m, k| KeyboardShortcut::new(m, k);
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let (new, open, save_as, save, redo, redo2, undo) = ctx.input_mut(|i| {
            (
                i.consume_shortcut(&shortcut(cmd, Key::N)),
                i.consume_shortcut(&shortcut(cmd, Key::O)),
                i.consume_shortcut(&shortcut(cmd_shift, Key::S)),
                i.consume_shortcut(&shortcut(cmd, Key::S)),
                i.consume_shortcut(&shortcut(cmd_shift, Key::Z)),
                i.consume_shortcut(&shortcut(cmd, Key::Y)),
                i.consume_shortcut(&shortcut(cmd, Key::Z)),
            )
        });
        if new {
            self.request(Pending::New);
        }
        if open {
            self.request(Pending::Open(None));
        }
        if save_as {
            self.save_as();
        } else if save {
            self.save();
        }
        if undo || redo || redo2 {
            ctx.memory_mut(|m| {
                if let Some(id) = m.focused() {
                    m.surrender_focus(id);
                }
            });
            if undo {
                self.undo();
            } else {
                self.redo();
            }
        }
    }

    fn menu_ui(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("文件", |ui| {
                if ui.button("新建\tCtrl+N").clicked() {
                    self.request(Pending::New);
                }
                if ui.button("打开…\tCtrl+O").clicked() {
                    self.request(Pending::Open(None));
                }
                if ui.button("保存\tCtrl+S").clicked() {
                    self.save();
                }
                if ui.button("另存为…\tCtrl+Shift+S").clicked() {
                    self.save_as();
                }
                ui.separator();
                let recent = self.files.remembered().recent;
                ui.add_enabled_ui(!recent.is_empty(), |ui| {
                    ui.menu_button("最近打开", |ui| {
                        for path in recent {
                            if ui.button(path.display().to_string()).clicked() {
                                self.request(Pending::Open(Some(path)));
                            }
                        }
                    });
                });
                if ui.button("打开内置示例").clicked() {
                    self.request(Pending::Example);
                }
                if ui.button("打印预览").clicked() {
                    self.open_preview();
                }
                ui.separator();
                if ui.button("退出").clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("编辑", |ui| {
                if ui
                    .add_enabled(self.session.can_undo(), egui::Button::new("撤销\tCtrl+Z"))
                    .clicked()
                {
                    self.undo();
                }
                if ui
                    .add_enabled(self.session.can_redo(), egui::Button::new("重做\tCtrl+Y"))
                    .clicked()
                {
                    self.redo();
                }
                ui.separator();
                if ui.button("项目设置…").clicked() {
                    self.dialog = Some(Dialog::Settings);
                }
            });
        });
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
        ui.separator();
        let mut target = None;
        if self.session.findings.is_empty() {
            ui.label("没有发现问题。");
        }
        let findings = &self.session.findings;
        super::widgets::virtual_list(ui, "findings", findings.len(), 60.0, |ui, i| {
            let f = &findings[i];
            let color = theme::severity_color(f.severity);
            let text =
                RichText::new(format!("【{}】{} {}", f.severity, f.code, f.title)).color(color);
            let response = ui
                .add(egui::Button::new(text).wrap())
                .on_hover_text(&f.message);
            ui.label(RichText::new(&f.message).small());
            if response.clicked()
                && let Some(first) = f.fields.first()
            {
                target = Some(first.clone());
            }
            ui.add_space(4.0);
        });
        if let Some(field) = target {
            self.go_to(&field);
        }
    }

    fn tabs_ui(&mut self, ui: &mut Ui) {
        ui.horizontal_wrapped(|ui| {
            for tab in Tab::ALL {
                if ui.selectable_label(self.tab == tab, tab.label()).clicked() {
                    self.tab = tab;
                }
            }
        });
        ui.separator();
        if self.tab == Tab::Document {
            self.document_tab_ui(ui);
            return;
        }
        let mut edited = None;
        let Session {
            project,
            findings,
            charts,
            catalog,
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
    }

    /// Shows the print preview (laying the pages out if needed).
    pub fn open_preview(&mut self) {
        self.tab = Tab::Document;
        self.show_preview = true;
    }

    /// The preview's pages, waiting for the layout if it is running (for tests and exports).
    pub fn preview_pages(&mut self) -> Option<std::sync::Arc<crate::print::Pages>> {
        let generation = self.session.generation();
        let signatories = self.session.project.unit.signatories.clone();
        let doc = self.session.document();
        self.preview
            .ensure(generation, doc, &signatories, super::clock::today());
        self.preview.wait();
        self.preview.pages_for(self.session.generation()).cloned()
    }

    fn document_tab_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.show_preview, false, "文档内容");
            ui.selectable_value(&mut self.show_preview, true, "打印预览");
        });
        if !self.show_preview {
            tabs::document_ui(ui, self.session.document());
            return;
        }
        let generation = self.session.generation();
        let signatories = self.session.project.unit.signatories.clone();
        let doc = self.session.document();
        self.preview
            .ensure(generation, doc, &signatories, super::clock::today());
        let (errors, _, _) = checks::counts(&self.session.findings);
        let action = self.preview.ui(ui, self.session.generation(), errors);
        if self.preview.busy() {
            ui.ctx().request_repaint_after(Duration::from_millis(100));
        }
        match action {
            Some(preview::Action::Export(pages)) => self.export_pdf(&pages),
            Some(preview::Action::Print(pages)) => self.print(&pages),
            None => {}
        }
    }

    fn export_pdf(&mut self, pages: &crate::print::Pages) {
        if !self.native_dialogs {
            return;
        }
        let unit = &self.session.project.unit;
        let name = format!("{}{}年度部门决算.pdf", unit.short_name, unit.year);
        let Some(path) = rfd::FileDialog::new()
            .add_filter("PDF", &["pdf"])
            .set_file_name(name)
            .save_file()
        else {
            return;
        };
        self.write_pdf(pages, &path);
    }

    /// Writes the PDF of `pages` to `path`; shows an error dialog on failure.
    pub fn write_pdf(&mut self, pages: &crate::print::Pages, path: &Path) -> bool {
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
                self.dialog = Some(Dialog::Error(e));
                false
            }
        }
    }

    fn print(&mut self, pages: &crate::print::Pages) {
        let dir = print_dir();
        if let Err(e) = std::fs::create_dir_all(&dir) {
            self.dialog = Some(Dialog::Error(format!(
                "无法准备打印文件：{}",
                crate::storage::io_message(&e)
            )));
            return;
        }
        let path = dir.join(format!("决算助手-打印-{}.pdf", super::clock::now_unix()));
        if self.write_pdf(pages, &path) {
            match preview::print_pdf(&path) {
                Ok(()) => self.preview.status = Some("已交给系统打印".to_owned()),
                Err(e) => self.dialog = Some(Dialog::Error(e)),
            }
        }
    }

    fn dialogs_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = self.dialog.clone() else {
            return;
        };
        let mut close = false;
        let mut recovery_choice = None;
        let modal = egui::Modal::new(egui::Id::unique("juesuan-dialog")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            match &dialog {
                Dialog::Error(message) => {
                    ui.heading("无法完成");
                    ui.label(message);
                    if ui.button("确定").clicked() {
                        close = true;
                    }
                }
                Dialog::Unsaved(action) => {
                    ui.heading("有未保存的修改");
                    ui.label(format!("是否保存对“{}”的修改？", self.session.display_name()));
                    ui.horizontal(|ui| {
                        if ui.button("保存").clicked() && self.save() {
                            close = true;
                            self.perform(action.clone());
                        }
                        if ui.button("不保存").clicked() {
                            close = true;
                            self.perform(action.clone());
                        }
                        if ui.button("取消").clicked() {
                            close = true;
                        }
                    });
                }
                Dialog::Recover => {
                    let Some(stale) = self.stale.first() else {
                        close = true;
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
                            recovery_choice = Some(true);
                            close = true;
                        }
                        if ui.button("放弃").clicked() {
                            recovery_choice = Some(false);
                            close = true;
                        }
                    });
                }
                Dialog::Settings => {
                    ui.heading("项目设置");
                    let mut settings = self.session.project.settings.clone();
                    tabs::settings_ui(ui, &mut settings);
                    if settings != self.session.project.settings {
                        let mut project = self.session.project.clone();
                        project.settings = settings;
                        self.session.replace(project, "settings");
                        self.buffers.clear();
                    }
                    if ui.button("关闭").clicked() {
                        close = true;
                    }
                }
            }
        });
        if modal.should_close() && !matches!(dialog, Dialog::Unsaved(_) | Dialog::Recover) {
            close = true;
        }
        if close
            && matches!(self.dialog.as_ref().map(std::mem::discriminant), Some(d) if d == std::mem::discriminant(&dialog))
        {
            self.dialog = None;
        }
        match recovery_choice {
            Some(true) => self.request(Pending::Recover),
            Some(false) => self.discard_recovery(),
            None => {}
        }
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

    /// Draws one frame into `ui` (the whole window).
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
            self.request(Pending::Open(Some(path)));
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.session.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.dialog = Some(Dialog::Unsaved(Pending::Close));
            } else {
                self.closing();
            }
        }
        if self.allow_close {
            self.closing();
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }

        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        egui::Panel::right("findings")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| self.findings_ui(ui));
        egui::CentralPanel::default().show(ui, |ui| self.tabs_ui(ui));
        self.dialogs_ui(&ctx);

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
/// so it is logged rather than shown.
fn remember(files: &AppFiles, path: &Path) {
    if let Err(e) = files.add_recent(path) {
        super::crash::log(&format!("无法记录最近打开的文件：{e}"));
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_map_to_their_tabs() {
        let cases = [
            ("unit.staffing[0].staff", Tab::Unit),
            ("revenue.general_budget", Tab::Revenue),
            ("balances.general_budget.closing", Tab::Revenue),
            ("control_totals.revenue_this_year", Tab::Revenue),
            ("expenditure.lines[3].basic", Tab::Expenditure),
            ("control_totals.basic", Tab::Expenditure),
            ("control_totals.general_budget_basic", Tab::BasicCosts),
            ("basic_costs.public", Tab::BasicCosts),
            ("three_public.reception.budget", Tab::ThreePublic),
            ("control_totals.three_public", Tab::ThreePublic),
            ("running_costs.change_reason", Tab::ThreePublic),
            ("procurement.to_sme", Tab::Procurement),
            ("assets.vehicles", Tab::Assets),
            ("projects[0].indicators[2].actual", Tab::Performance),
            ("performance.department.full_score", Tab::Performance),
        ];
        for (path, tab) in cases {
            assert_eq!(Tab::of_field(&FieldPath::new(path)), tab, "{path}");
        }
    }

    #[test]
    fn the_clock_gives_a_plausible_year() {
        let y = current_year();
        assert!((2024..2200).contains(&y), "{y}");
    }
}
