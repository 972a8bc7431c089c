//! The desktop application (egui). A thin layer: it edits the project through
//! [`session::Session`] and shows what the core computes.

pub mod app;
pub mod charts;
pub mod clock;
pub mod crash;
pub mod files;
pub mod preview;
pub mod session;
mod tabs;
pub mod theme;
pub mod widgets;

use std::path::PathBuf;

pub use app::{JuesuanApp, Startup};

/// The window icon (the same image as the Windows .ico and the Linux desktop icon).
const ICON_PNG: &[u8] = include_bytes!("../../packaging/icons/juesuan-256.png");

/// Opens the window on `file`, or on the last project, or on the built-in example.
pub fn run(file: Option<PathBuf>) -> Result<(), String> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("决算助手")
        .with_inner_size([1280.0, 760.0])
        .with_min_inner_size([900.0, 560.0])
        .with_drag_and_drop(true);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON_PNG) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
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
