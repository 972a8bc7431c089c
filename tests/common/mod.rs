//! What several test files share: the command line run as a shell would run it.

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

use std::ffi::OsString;

/// Runs `juesuan ARGS` through [`juesuan::cli::run`] on 2024-05-31 (the print date and the save
/// time of any backup it makes); returns the exit status, stdout and stderr.
#[allow(dead_code, reason = "some test files only read the shared sentences")]
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

/// Sentences of the seed's real document (区委绩效办 2023) that every rendering of the example
/// (PDF, Word) must state as written there.
#[allow(dead_code, reason = "not every test file reads the document's text")]
pub const SEED_SENTENCES: [&str; 10] = [
    "2023年度收、支总计均为226.23万元。",
    "收、支总计各增加13.16万元，增长6.18%",
    "基本支出166.46万元，占73.58%；项目支出59.77万元，占26.42%",
    "住房保障（类）支出11.94万元，占5.28%",
    "人员经费146.27万元",
    "日常公用经费20.19万元",
    "较上年增加0.71万元，增长253.57%",
    "国内公务接待5批次、85人次",
    "机关运行经费支出20.19万元，比2022年增加4.76万元，增长30.85%",
    "政府采购支出总额2.31万元",
];
