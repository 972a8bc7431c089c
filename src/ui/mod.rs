//! The desktop application (egui). A thin layer: it edits the project through
//! [`session::Session`] and shows what the core computes.

pub mod app;
mod bundle;
mod catalog;
pub mod charts;
pub mod clock;
pub mod commands;
pub mod crash;
mod department;
mod figures_import;
pub mod files;
pub mod preview;
pub mod session;
pub mod tab;
mod tabs;
pub mod theme;
pub mod widgets;
mod wording;

use std::path::PathBuf;

pub use app::{JuesuanApp, Startup};
pub use commands::Command;
pub use tab::{Place, Tab};

/// The window icon (the same image as the Windows .ico and the Linux desktop icon).
const ICON_PNG: &[u8] = include_bytes!("../../packaging/icons/juesuan-256.png");

/// The environment variable wgpu reads to choose its graphics back-ends.
const BACKEND_ENV: &str = "WGPU_BACKEND";

/// The back-ends to try when the first choice fails to start: on Windows that choice is usually
/// Direct3D 12, which some drivers and remote desktops offer but cannot run (seen under Wine:
/// "Parent device is lost").
const FALLBACK_BACKENDS: &str = "vulkan,gl";

/// Opens the window on `file`, or on the last project, or on the built-in example. When the
/// graphics back-end fails to start, starts the program once more with other back-ends (a
/// second event loop in the same process is not allowed).
pub fn run(file: Option<PathBuf>) -> Result<(), String> {
    match open_window(file) {
        Err(eframe::Error::Wgpu(e)) if std::env::var_os(BACKEND_ENV).is_none() => {
            crash::log(&format!(
                "图形接口无法启动（{e}），改用 {FALLBACK_BACKENDS} 重新打开窗口"
            ));
            relaunch_with_backends(FALLBACK_BACKENDS)
        }
        other => other.map_err(|e| format!("无法打开窗口：{e}")),
    }
}

/// Runs this program again with the same arguments and `backends`, and waits for it. The
/// second run reports its own errors.
fn relaunch_with_backends(backends: &str) -> Result<(), String> {
    let exe = std::env::current_exe().map_err(|e| format!("无法打开窗口：{e}"))?;
    let status = std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env(BACKEND_ENV, backends)
        .status()
        .map_err(|e| format!("无法打开窗口：{e}"))?;
    if !status.success() {
        crash::log(&format!("改用 {backends} 的窗口以 {status} 结束"));
    }
    Ok(())
}

fn open_window(file: Option<PathBuf>) -> Result<(), eframe::Error> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("决算助手")
        // Opens maximised: at 150 % display scaling, common on office laptops, a 1080p screen is
        // 1280 × 720 points, less than a fixed 1280 × 760 window (seen under Wine at 144 dpi:
        // the window ran off the screen). The size is what "restore" returns to.
        .with_maximized(true)
        .with_inner_size([1200.0, 660.0])
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
}
