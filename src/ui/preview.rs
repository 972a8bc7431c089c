//! 打印预览: the PDF's own pages, laid out in the background, with page navigation, zoom and
//! fit-width; export to PDF and print from a temporary PDF.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use egui::{ColorImage, RichText, TextureHandle, TextureOptions, Ui};

use super::theme;
use crate::document::Document;
use crate::print::{Pages, PrintDate, PrintError, Printer};

/// What a layout job sends: first the cover alone (when nothing is shown yet, so the first
/// page appears at once even for a document of hundreds of pages), then all pages.
enum Laid {
    /// The cover page, laid out on its own: exactly the document's first page.
    Cover(Pages),
    /// The whole document.
    All(Result<Pages, PrintError>),
}

/// The preview's state.
#[derive(Default)]
pub struct Preview {
    /// The laid-out pages and the session generation they were made from.
    pages: Option<(u64, Arc<Pages>)>,
    /// The cover, while the first layout runs.
    cover: Option<Arc<Pages>>,
    /// A layout under way, for that generation.
    job: Option<(u64, Receiver<Laid>)>,
    error: Option<String>,
    textures: HashMap<(usize, u32), TextureHandle>,
    page: usize,
    zoom: f32,
    fit_width: bool,
    /// A message after an export or print.
    pub status: Option<String>,
}

/// What the clerk asked the preview to do.
pub enum Action {
    /// Save the PDF somewhere.
    Export,
    /// Print it (through the system's PDF handler).
    Print,
}

impl Preview {
    /// Whether layout is running.
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// The pages, when laid out for `generation`.
    pub fn pages_for(&self, generation: u64) -> Option<&Arc<Pages>> {
        self.pages
            .as_ref()
            .filter(|(g, _)| *g == generation)
            .map(|(_, p)| p)
    }

    /// Starts laying out `doc` for `generation` unless that is done or under way.
    pub fn ensure(&mut self, generation: u64, doc: &Document, date: PrintDate) {
        let fresh = self.pages.as_ref().is_some_and(|(g, _)| *g == generation);
        let running = self.job.as_ref().is_some_and(|(g, _)| *g == generation);
        if fresh || running {
            return;
        }
        let (tx, rx) = channel();
        let doc = doc.clone();
        let first = self.pages.is_none();
        std::thread::spawn(move || {
            // The receiver is gone only if the preview was dropped; nothing to report then.
            if first
                && doc.kind == crate::document::DocumentKind::Disclosure
                && let Ok(pages) = Printer::shared().cover(&doc, date)
            {
                let _ = tx.send(Laid::Cover(pages));
            }
            let _ = tx.send(Laid::All(Printer::shared().layout(&doc, date)));
        });
        self.job = Some((generation, rx));
    }

    /// The cover alone, while the first layout of the whole document runs.
    pub fn cover(&self) -> Option<&Arc<Pages>> {
        self.cover.as_ref()
    }

    /// Collects a finished layout (and the cover that comes before it).
    pub fn poll(&mut self) {
        loop {
            let Some((generation, rx)) = &self.job else {
                return;
            };
            match rx.try_recv() {
                Ok(Laid::Cover(pages)) => self.cover = Some(Arc::new(pages)),
                Ok(Laid::All(result)) => {
                    let generation = *generation;
                    self.finish(generation, result);
                    return;
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => return,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    self.error = Some("排版中断，请重试".to_owned());
                    self.job = None;
                    return;
                }
            }
        }
    }

    fn finish(&mut self, generation: u64, result: Result<Pages, PrintError>) {
        match result {
            Ok(pages) => {
                self.page = self.page.min(pages.count().saturating_sub(1));
                self.pages = Some((generation, Arc::new(pages)));
                self.textures.clear();
                self.error = None;
            }
            Err(e) => self.error = Some(e.to_string()),
        }
        self.cover = None;
        self.job = None;
    }

    /// Waits for the running layout (tests and exports that need the pages now).
    pub fn wait(&mut self) {
        while let Some((generation, rx)) = &self.job {
            let generation = *generation;
            match rx.recv() {
                Ok(Laid::Cover(pages)) => self.cover = Some(Arc::new(pages)),
                Ok(Laid::All(result)) => self.finish(generation, result),
                Err(_) => {
                    self.error = Some("排版中断，请重试".to_owned());
                    self.job = None;
                }
            }
        }
    }

    /// The current page (0-based).
    pub fn page(&self) -> usize {
        self.page
    }

    /// Draws the preview. `errors` is the number of 错误 findings, for the banner.
    pub fn ui(&mut self, ui: &mut Ui, generation: u64, errors: usize) -> Option<Action> {
        self.poll();
        if self.zoom == 0.0 {
            self.zoom = 1.0;
            self.fit_width = true;
        }
        let mut action = None;
        if errors > 0 {
            egui::Frame::new()
                .fill(theme::ERROR_BANNER)
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(format!(
                            "审核发现 {errors} 个错误：文档中的数字可能互相矛盾。建议先在右侧“审核结果”中逐条更正；仍可导出和打印。"
                        ))
                        .color(theme::ERROR),
                    );
                });
        }
        let current = self.pages.clone();
        let stale = current.as_ref().is_some_and(|(g, _)| *g != generation);
        ui.horizontal(|ui| {
            let count = current.as_ref().map_or(0, |(_, p)| p.count());
            if ui
                .add_enabled(self.page > 0, egui::Button::new("上一页"))
                .clicked()
            {
                self.page -= 1;
            }
            ui.label(match count {
                0 if self.cover.is_some() => "第 1 页".to_owned(),
                0 => "第 0 / 0 页".to_owned(),
                _ => format!("第 {} / {count} 页", self.page + 1),
            });
            if ui
                .add_enabled(self.page + 1 < count, egui::Button::new("下一页"))
                .clicked()
            {
                self.page += 1;
            }
            ui.separator();
            ui.checkbox(&mut self.fit_width, "适合宽度");
            ui.add_enabled(
                !self.fit_width,
                egui::Slider::new(&mut self.zoom, 0.5..=2.5)
                    .text("缩放")
                    .fixed_decimals(1),
            );
            ui.separator();
            if current.is_some() {
                if ui.button("导出PDF…").clicked() {
                    action = Some(Action::Export);
                }
                if ui.button("打印…").clicked() {
                    action = Some(Action::Print);
                }
            }
            if self.busy() || stale {
                ui.spinner();
                ui.label("正在排版…");
            }
        });
        if let Some(s) = &self.status {
            ui.label(RichText::new(s).small());
        }
        if let Some(e) = &self.error {
            ui.label(RichText::new(e).color(theme::ERROR));
        }
        if ui.input(|i| i.key_pressed(egui::Key::PageDown)) {
            self.page += 1;
        }
        if ui.input(|i| i.key_pressed(egui::Key::PageUp)) {
            self.page = self.page.saturating_sub(1);
        }
        let pages = match (current, &self.cover) {
            (Some((_, pages)), _) => pages,
            // The first page at once; the others when the whole document is laid out.
            (None, Some(cover)) => {
                let cover = Arc::clone(cover);
                self.page = 0;
                let key = if self.fit_width {
                    0
                } else {
                    (self.zoom * 10.0) as u32
                };
                if let Some(texture) = self.texture(ui, &cover, 0, key + 1000) {
                    let width = ui.available_width().min(1000.0);
                    let size = texture.size_vec2();
                    ui.image((texture.id(), egui::vec2(width, width * size.y / size.x)));
                }
                return action;
            }
            (None, None) => return action,
        };
        self.page = self.page.min(pages.count().saturating_sub(1));
        let scale_key = if self.fit_width {
            0
        } else {
            (self.zoom * 10.0) as u32
        };
        let texture = self.texture(ui, &pages, self.page, scale_key);
        if let Some(texture) = texture {
            let size = texture.size_vec2();
            let width = if self.fit_width {
                ui.available_width().min(1000.0)
            } else {
                size.x / 2.0 * self.zoom
            };
            let shown = egui::vec2(width, width * size.y / size.x);
            egui::ScrollArea::both()
                .id_salt("preview-page")
                .show(ui, |ui| {
                    egui::Frame::new()
                        .stroke(egui::Stroke::new(1.0, theme::OUTLINE))
                        .show(ui, |ui| ui.image((texture.id(), shown)));
                });
        }
        action
    }

    fn texture(&mut self, ui: &Ui, pages: &Pages, page: usize, key: u32) -> Option<TextureHandle> {
        if let Some(t) = self.textures.get(&(page, key)) {
            return Some(t.clone());
        }
        // Two pixels per point: sharp at common zoom levels, 1191 × 1684 for A4.
        let (w, h, rgba) = pages.render(page, 2.0)?;
        let image = ColorImage::from_rgba_premultiplied([w as usize, h as usize], &rgba);
        let texture = ui
            .ctx()
            .load_texture(format!("page-{page}"), image, TextureOptions::LINEAR);
        self.textures.retain(|(p, _), _| p.abs_diff(page) <= 2);
        self.textures.insert((page, key), texture.clone());
        Some(texture)
    }
}

/// Opens `pdf` for printing: on Windows with the shell's print verb (the PDF reader's own print
/// dialog), elsewhere, or when no reader registers that verb, with the default PDF handler, from
/// which the clerk prints.
pub fn print_pdf(pdf: &std::path::Path) -> Result<(), String> {
    #[cfg(windows)]
    if shell_print(pdf) {
        return Ok(());
    }
    opener::open(pdf).map_err(|e| format!("无法打开 PDF 以打印：{e}"))
}

/// `ShellExecuteW(…, "print", pdf, …)`; false when no program handles the verb (Edge, for one,
/// registers none) or the call fails otherwise.
#[cfg(windows)]
#[allow(
    unsafe_code,
    reason = "one Win32 call on NUL-terminated UTF-16 strings we own"
)]
fn shell_print(pdf: &std::path::Path) -> bool {
    use std::os::windows::ffi::OsStrExt;
    use windows_sys::Win32::UI::Shell::ShellExecuteW;
    use windows_sys::Win32::UI::WindowsAndMessaging::SW_SHOWNORMAL;

    let wide = |s: &std::ffi::OsStr| s.encode_wide().chain([0]).collect::<Vec<u16>>();
    let verb = wide("print".as_ref());
    let file = wide(pdf.as_os_str());
    // SAFETY: both strings are NUL-terminated and outlive the call; the null window, parameters
    // and directory are allowed by the API.
    let result = unsafe {
        ShellExecuteW(
            std::ptr::null_mut(),
            verb.as_ptr(),
            file.as_ptr(),
            std::ptr::null(),
            std::ptr::null(),
            SW_SHOWNORMAL,
        )
    };
    // Values above 32 mean success (documented; the HINSTANCE is not a real handle).
    result as isize > 32
}
