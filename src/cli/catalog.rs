//! `juesuan catalog import 项目文件 科目表文件 [--dry-run] [--skip-bad-rows]`: imports the year's
//! 科目表 into a project, after showing what it changes.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::catalog::{Catalog, import};
use crate::storage::{self, SaveTime};

use super::EXIT_OK;

const USAGE: &str =
    "用法：juesuan catalog import 项目文件 科目表.xlsx|.xls|.csv [--dry-run] [--skip-bad-rows]";

/// How many rows of each list the command prints.
const LISTED: usize = 30;

pub(super) fn catalog_command(
    args: &[String],
    at: SaveTime,
    out: &mut dyn Write,
) -> Result<i32, String> {
    let (flags, files) = super::split_flags(args, &["--dry-run", "--skip-bad-rows"], USAGE)?;
    let dry_run = flags.contains(&"--dry-run");
    let skip_bad = flags.contains(&"--skip-bad-rows");
    let [verb, project_file, table_file] = files.as_slice() else {
        return Err(USAGE.to_owned());
    };
    if verb.as_str() != "import" {
        return Err(USAGE.to_owned());
    }
    let path = PathBuf::from(project_file);
    let mut project = storage::load(&path).map_err(|e| e.to_string())?;
    let table_path = Path::new(table_file.as_str());
    let file = import::read_file(table_path).map_err(|e| e.to_string())?;
    let current = Catalog::for_project(&project).map_err(|e| e.to_string())?;
    let changes = file.changes(&current);
    let source = table_path.file_name().map_or_else(
        || table_file.to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let _ = writeln!(out, "科目表“{source}”：");
    for line in import::preview(&file, &changes, LISTED) {
        let _ = writeln!(out, "{line}");
    }
    if dry_run {
        let _ = writeln!(out, "（试运行，项目未改动）");
        return Ok(EXIT_OK);
    }
    if !file.rejected.is_empty() && !skip_bad {
        return Err(format!(
            "科目表有 {} 行无法读取（见上），项目未改动。请修正后再导入，或加 --skip-bad-rows 只导入能读取的 {} 个科目",
            file.rejected.len(),
            file.len()
        ));
    }
    if file.is_empty() {
        return Err("科目表中没有能读取的科目，项目未改动".to_owned());
    }
    project.catalog = Some(file.edition(project.catalog.as_ref(), &source));
    project
        .validate()
        .map_err(|(_, m)| format!("{m}，项目未改动"))?;
    storage::save(&path, &project, at).map_err(|e| e.to_string())?;
    let _ = writeln!(
        out,
        "已导入科目表“{source}”：新增 {} 个、改名 {} 个科目",
        changes.added.len(),
        changes.renamed.len()
    );
    Ok(EXIT_OK)
}
