//! The `juesuan` binary: opens the window, or hands the command line to [`juesuan::cli`].

fn main() {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let code = match juesuan::cli::launch(&args) {
        juesuan::cli::Launch::Window(file) => match juesuan::ui::run(file) {
            Ok(()) => 0,
            Err(message) => {
                eprintln!("错误：{message}");
                juesuan::cli::EXIT_FAILURE
            }
        },
        juesuan::cli::Launch::Command => {
            let today = juesuan::ui::clock::today();
            juesuan::cli::run(&args, today, &mut std::io::stdout(), &mut std::io::stderr())
        }
    };
    std::process::exit(code);
}
