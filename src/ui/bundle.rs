//! 导出公开文件包…: the publication bundle made in the background (the PDF of a large project
//! takes seconds) with a progress bar; the core makes and writes the files ([`crate::bundle`]).

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::app::JuesuanApp;

/// What the background job reports.
enum Report {
    /// Making this file (the `n`th of [`crate::bundle::STEPS`]).
    Making(usize, String),
    /// Finished: the folder and the number of files written, or why not.
    Done(Result<(PathBuf, usize), String>),
}

/// A bundle being made.
pub struct BundleJob {
    rx: Receiver<Report>,
    /// What the bundle lacks that the clerk should be told when it is done.
    missing: Option<String>,
    /// The file being made and how many came before it.
    pub step: (usize, String),
}

impl BundleJob {
    /// The share done, 0 to 1.
    pub fn fraction(&self) -> f32 {
        self.step.0 as f32 / (crate::bundle::STEPS + 1) as f32
    }
}

impl JuesuanApp {
    /// 导出公开文件包…: into `dir` (a new or empty folder) or, when none is given, into a new
    /// folder named for the unit and year inside the folder the clerk picks.
    pub(super) fn export_bundle(&mut self, dir: Option<PathBuf>) {
        if self.bundle_job.is_some() {
            return;
        }
        let unit = &self.session.project.unit;
        let dir = match dir {
            Some(d) => d,
            None if self.native_dialogs => match rfd::FileDialog::new().pick_folder() {
                Some(parent) => parent.join(format!(
                    "{}{}年度决算公开文件包",
                    unit.short_name, unit.year
                )),
                None => return,
            },
            None => return,
        };
        if let Err(e) = crate::bundle::check_target(&dir) {
            self.show_error(e);
            return;
        }
        let doc = self.session.document().clone();
        let report = self.session.check_report();
        // A department's workbook has its figures by member; when a member's file cannot be
        // read, the bundle is made without them and the clerk is told.
        let (sheets, missing) = crate::consolidate::workbook_sheets(
            self.session.path.as_deref(),
            &self.session.project,
        );

        let date = super::clock::today();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut step = 0;
            let made = crate::bundle::make(&doc, &report, &sheets, date, &mut |name| {
                step += 1;
                // The window may be gone; the job then simply finishes.
                let _ = tx.send(Report::Making(step, name.to_owned()));
            });
            let written = made.and_then(|files| {
                crate::bundle::write(&dir, &files)?;
                Ok((dir, files.len()))
            });
            let _ = tx.send(Report::Done(written));
        });
        self.bundle_job = Some(BundleJob {
            rx,
            missing,
            step: (0, "准备中".to_owned()),
        });
    }

    /// Collects the job's progress; reports the end.
    pub(super) fn poll_bundle(&mut self) {
        let Some(job) = &mut self.bundle_job else {
            return;
        };
        loop {
            match job.rx.try_recv() {
                Ok(Report::Making(n, name)) => job.step = (n - 1, name),
                Ok(Report::Done(result)) => {
                    let missing = job.missing.take().map(|m| format!("；{m}"));
                    self.bundle_job = None;
                    match result {
                        Ok((dir, n)) => self.note(Some(format!(
                            "已生成公开文件包：{}（{n} 个文件，清单中有每个文件的 SHA-256）{}",
                            dir.display(),
                            missing.unwrap_or_default()
                        ))),
                        Err(e) => self.show_error(format!("公开文件包未能生成：{e}")),
                    }
                    return;
                }
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => {
                    self.bundle_job = None;
                    self.show_error("公开文件包未能生成：生成中断，请重试".to_owned());
                    return;
                }
            }
        }
    }

    /// Whether a bundle is being made.
    pub fn bundle_busy(&self) -> bool {
        self.bundle_job.is_some()
    }

    /// The progress window while the bundle is made.
    pub(super) fn bundle_ui(&mut self, ctx: &egui::Context) {
        self.poll_bundle();
        let Some(job) = &self.bundle_job else {
            return;
        };
        egui::Modal::new(egui::Id::unique("juesuan-bundle")).show(ctx, |ui| {
            ui.set_min_width(420.0);
            ui.heading("正在生成公开文件包");
            ui.label(format!(
                "{}（第 {} 个，共 {} 个文件及清单）",
                job.step.1,
                job.step.0 + 1,
                crate::bundle::STEPS
            ));
            ui.add(egui::ProgressBar::new(job.fraction()).show_percentage());
        });
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
    }
}
