//! What several test files share: the command line run as a shell would run it.

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

use std::ffi::OsString;

/// Runs `juesuan ARGS` through [`juesuan::cli::run`] on 2024-05-31 (the print date and the save
/// time of any backup it makes); returns the exit status, stdout and stderr.
pub fn juesuan(args: &[&str]) -> (i32, String, String) {
    let args: Vec<OsString> = args.iter().map(OsString::from).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let now = juesuan::cli::Now {
        today: juesuan::print::PrintDate {
            year: 2024,
            month: 5,
            day: 31,
        },
        save: juesuan::storage::SaveTime::from_local(2024, 5, 31, 36_000),
    };
    let code = juesuan::cli::run(&args, now, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}
