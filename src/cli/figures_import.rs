//! `juesuan import 项目文件 决算表.xlsx [--dry-run]`: reads the year's figures from workbooks laid
//! out like the official tables, shows every change old → new, and saves them all or none.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::office::import;
use crate::storage::{self, SaveTime};

use super::EXIT_OK;

const USAGE: &str = "用法：juesuan import 项目文件 决算表.xlsx|.xls [--dry-run]";

/// How many changes the command lists.
const LISTED: usize = 60;

pub(super) fn import_command(
    args: &[String],
    at: SaveTime,
    out: &mut dyn Write,
) -> Result<i32, String> {
    let (flags, files) = super::split_flags(args, &["--dry-run"], USAGE)?;
    let dry_run = flags.contains(&"--dry-run");
    let [project_file, workbook] = files.as_slice() else {
        return Err(USAGE.to_owned());
    };
    let path = PathBuf::from(project_file);
    let project = storage::load(&path).map_err(|e| e.to_string())?;
    let file = import::read_file(Path::new(workbook.as_str())).map_err(|e| e.to_string())?;
    let applied = file.apply(&project);
    let changes = match &applied {
        Ok(new) => import::changes(&project, new),
        Err(_) => Vec::new(),
    };
    for line in import::preview(&file, &changes, LISTED) {
        let _ = writeln!(out, "{line}");
    }
    let new = match applied {
        Ok(new) => new,
        Err(rejected) => {
            for r in rejected.iter().skip(file.rejected.len()) {
                let _ = writeln!(out, "无法导入 {r}");
            }
            return Err(format!(
                "有 {} 处无法读取或无法导入（见上），项目未改动；请修正工作簿后再导入",
                rejected.len()
            ));
        }
    };
    if dry_run {
        let _ = writeln!(out, "（试运行，项目未改动）");
        return Ok(EXIT_OK);
    }
    if changes.is_empty() {
        return Ok(EXIT_OK);
    }
    storage::save(&path, &new, at).map_err(|e| e.to_string())?;
    let _ = writeln!(
        out,
        "已导入 {} 个数字（导入前的项目文件已留作备份）",
        changes.len()
    );
    Ok(EXIT_OK)
}
