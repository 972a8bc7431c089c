//! The `juesuan` binary: opens the window, or hands the command line to [`juesuan::cli`].

// Release builds on Windows are GUI programs: no console window behind the application.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use juesuan::cli::{self, Launch};
use juesuan::ui;

fn main() {
    ui::crash::install_panic_hook();
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let code = match cli::launch(&args) {
        Launch::Window(file) => match ui::run(file) {
            Ok(()) => 0,
            Err(message) => {
                ui::crash::report_fatal(&message);
                cli::EXIT_FAILURE
            }
        },
        Launch::Command => {
            attach_console();
            let now = cli::Now {
                today: ui::clock::today(),
                save: ui::clock::save_time(),
            };
            cli::run(&args, now, &mut std::io::stdout(), &mut std::io::stderr())
        }
    };
    std::process::exit(code);
}

/// On Windows a GUI program has no console; borrow the one that started us, if any.
#[cfg(windows)]
#[allow(unsafe_code, reason = "one Win32 call with no preconditions")]
fn attach_console() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: AttachConsole has no preconditions; failure (no parent console) is harmless.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}

#[cfg(not(windows))]
fn attach_console() {}
