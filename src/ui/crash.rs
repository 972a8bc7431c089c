//! What happens when something goes badly wrong: a log file under the user's data directory,
//! and for fatal errors a message box (release builds on Windows have no console).

use std::io::Write;

use super::files::AppFiles;

/// The log file.
pub fn log_path() -> std::path::PathBuf {
    AppFiles::user().dir().join("juesuan.log")
}

/// Appends a line to the log; best effort, since it runs while something is already failing.
pub fn log(message: &str) {
    let path = log_path();
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    if let Ok(mut file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
    {
        let _ = writeln!(file, "[{}] {message}", super::clock::now_unix());
    }
}

/// Logs every panic (with its location) before the default report.
pub fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        log(&format!("程序错误：{info}"));
        default(info);
    }));
}

/// Logs a fatal error, prints it, and shows it in a message box.
pub fn report_fatal(message: &str) {
    log(message);
    eprintln!("错误：{message}");
    let text = format!("{message}\n\n详细记录见：{}", log_path().display());
    rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("决算助手")
        .set_description(text)
        .show();
}
