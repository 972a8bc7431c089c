//! The desktop application (egui). A thin layer: it edits the project through
//! [`session::Session`] and shows what the core computes.

pub mod app;
pub mod charts;
pub mod clock;
pub mod files;
pub mod preview;
pub mod session;
mod tabs;
pub mod theme;
pub mod widgets;

use std::path::PathBuf;

pub use app::{JuesuanApp, Startup};

/// Opens the window on `file`, or on the last project, or on the built-in example.
pub fn run(file: Option<PathBuf>) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("决算助手")
            .with_inner_size([1280.0, 760.0])
            .with_min_inner_size([900.0, 560.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "决算助手",
        options,
        Box::new(move |cc| {
            Ok(Box::new(JuesuanApp::new(
                &cc.egui_ctx,
                Startup {
                    file,
                    files: files::AppFiles::user(),
                    native_dialogs: true,
                },
            )))
        }),
    )
    .map_err(|e| format!("无法打开窗口：{e}"))
}
