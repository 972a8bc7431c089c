//! Project files: JSON with a schema version, migration of older versions, atomic saves with a
//! backup, and errors a clerk can act on.
//!
//! This is the only module that knows the file format. A file is
//! `{"format": "juesuan", "schema_version": N, "project": {…}}`, pretty-printed, amounts as strings.
//! Loading never writes. Saving (see [`write`]) goes through an exclusive temporary file beside
//! the target, flushed and renamed over it, and keeps what the file held as a dated backup.

mod messages;
mod write;

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::{FieldPath, Project};

pub use messages::io_message;
pub use write::{BACKUPS_KEPT, SaveTime, backups};

/// The `format` marker of a project file.
pub const FORMAT: &str = "juesuan";

/// The schema version this build writes. Every released version keeps a sample in `tests/samples/`.
pub const SCHEMA_VERSION: u32 = 14;

/// A migration takes a project of version `n` (the `project` object) to version `n + 1`.
pub type Migration = fn(Value) -> Result<Value, String>;

/// Migrations from each older version, indexed by the version they start from (`MIGRATIONS[0]`
/// takes version 1 to 2).
const MIGRATIONS: &[Migration] = &[
    v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6, v6_to_v7, v7_to_v8, v8_to_v9, v9_to_v10,
    v10_to_v11, v11_to_v12, v12_to_v13, v13_to_v14,
];

/// Version 2 adds `revenue.by_function` (表2 收入决算表 by 功能分类). A version-1 file has none,
/// which version 2 reads as "not entered", so the data carry over unchanged; the version number
/// still changes, so that an older program refuses a newer file with a clear message instead of
/// an unknown field.
fn v1_to_v2(project: Value) -> Result<Value, String> {
    Ok(project)
}

/// Version 3 adds the document template (`settings.template`), the clerk's own wording of
/// paragraphs (`wording`) and an imported template (`custom_template`). Every file before it was
/// written by a program with only the 四川 2023年度 wording, so it keeps that template, whatever
/// its year: opening an old file never changes the document it makes.
fn v2_to_v3(mut project: Value) -> Result<Value, String> {
    let settings = project
        .get_mut("settings")
        .and_then(Value::as_object_mut)
        .ok_or("缺少 settings")?;
    settings
        .entry("template")
        .or_insert_with(|| Value::from("sichuan-2023"));
    Ok(project)
}

/// Version 4 adds prior-year figures beyond the five totals (`prior_year.revenue_this_year`,
/// each source and nature, …) and a line's `initial_budget` (年初预算) and `prior` (上年决算数).
/// A version-3 file has none of them, which version 4 reads as "not entered"; the number changes
/// so that an older program refuses a file that has them with a clear message.
fn v3_to_v4(project: Value) -> Result<Value, String> {
    Ok(project)
}

/// Version 5 adds the 科目表 imported into the project (`catalog`). A version-4 file has none
/// and uses the built-in catalog, as before.
fn v4_to_v5(project: Value) -> Result<Value, String> {
    Ok(project)
}

/// Version 6 adds the 批复 and 公开 dates (`unit.approval_date`, `unit.publication_date`) and the
/// clerk's explanations of findings (`explanations`, 出错说明). A version-5 file has none of
/// them: not entered, as before.
fn v5_to_v6(project: Value) -> Result<Value, String> {
    Ok(project)
}

/// Version 7 adds opening balances carried over from last year's project and locked
/// (`balances.carried`, 新建下一年度). A version-6 file has none: its opening balances were
/// typed, and stay editable.
fn v6_to_v7(project: Value) -> Result<Value, String> {
    Ok(project)
}

/// Version 8 adds a department's member units (`department`, 部门汇总). A version-7 file is a
/// unit's own project, which version 8 reads as having none; the number changes so that an
/// older program refuses a department's file with a clear message.
fn v7_to_v8(project: Value) -> Result<Value, String> {
    Ok(project)
}

/// Version 9 lets the year's amounts be blank (`null` or absent: not entered yet, as a new
/// year starts) where version 8 had a number in every one. A version-8 file's amounts are all
/// entered; the columns it left out of a row were zero, and a blank cell adds and prints as
/// zero, so they carry over unchanged. The number changes so that an older program refuses a
/// file with blank amounts with a clear message instead of a type error.
fn v8_to_v9(project: Value) -> Result<Value, String> {
    Ok(project)
}

/// Version 10 adds 会议费 and 培训费 (`meetings_training`), which some provinces state beside the
/// "三公", and 政府购买服务 (`purchased_services`). A version-9 file has none: not entered, as
/// before; the number changes so that an older program refuses a file that has them with a clear
/// message instead of an unknown field.
fn v9_to_v10(project: Value) -> Result<Value, String> {
    Ok(project)
}

/// Version 11 adds what 财政部's format and other provinces state of 绩效 and 国有资产: the
/// projects self-assessed and evaluated and the funds they cover (`performance.self_assessed_*`,
/// `performance.evaluated_*`), 离退休干部服务用车 and what the other vehicles are for
/// (`assets.vehicles.retired_service`, `.other_use`), and 单价100万元（含）以上设备
/// (`assets.equipment_over_100`), and whether the unit publishes a 部门决算 or a 单位决算
/// (`unit.disclosure`), and 2019's "三公" total and the reason the total changed against last
/// year (`three_public.pre_pandemic`, `.prior_change_reason`). A version-10 file
/// has none of them: not entered, and a 部门决算 as before.
fn v10_to_v11(project: Value) -> Result<Value, String> {
    Ok(project)
}

/// Version 12 adds 一般公共预算财政拨款项目支出 by 经济分类 (`expenditure.project_economic`),
/// which 四川's 一般公共预算财政拨款支出决算明细表 prints, 在职人员 by 岗位
/// (`unit.staff_by_post`), which a 事业单位's 单位决算 states, and the year's purchases of
/// 单价100万元（含）以上设备 (`assets.equipment_bought`, `_amount`), which 北京 states. A
/// version-11 file has none of them: not entered, and the table is reported unfilled as before.
fn v11_to_v12(project: Value) -> Result<Value, String> {
    Ok(project)
}

/// Version 13 keeps, in a department's file, each member's own 本年收入 by source and 本年支出
/// by nature as at the last consolidation (`department.members[].figures`), which 浙江's
/// 分单位 tables list, and 节庆、晚会、论坛、赛事活动费 (`meetings_training.festivals`) beside
/// 会议费 and 培训费, which 新疆 and 湖南 state, and 授予中小企业合同金额 by kind of purchase
/// (`procurement.to_sme_goods`, `_works`, `_services`), whose shares 财政部's format states. A version-12 file has none: its 分单位 tables
/// print the 合计 and are reported until the department is consolidated again, and 新疆's
/// paragraph waits for the amount.
fn v12_to_v13(project: Value) -> Result<Value, String> {
    Ok(project)
}

/// Version 14 lets every count (people, vehicles, batches, projects, 台（套）) be left empty, not
/// entered, as amounts are: until now a count not typed in was 0, and the document said "0辆"
/// where the clerk had said nothing. An older file's counts are kept as they are, 0 included
/// (opening an old file never changes the document it makes), and the counts it left out
/// because they were 0 (执法执勤、特种专业技术、离退休干部服务用车; a body's 退休 and 离休
/// people) are written in as 0.
fn v13_to_v14(mut project: Value) -> Result<Value, String> {
    fn zero_if_absent(object: Option<&mut Value>, keys: &[&str]) {
        if let Some(object) = object.and_then(Value::as_object_mut) {
            for key in keys {
                object.entry(*key).or_insert_with(|| Value::from(0));
            }
        }
    }
    zero_if_absent(
        project.pointer_mut("/assets/vehicles"),
        &["law_enforcement", "special_technical", "retired_service"],
    );
    if let Some(bodies) = project
        .pointer_mut("/unit/staffing")
        .and_then(Value::as_array_mut)
    {
        for body in bodies {
            zero_if_absent(Some(body), &["retired", "veteran_retired"]);
        }
    }
    Ok(project)
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'static str,
    schema_version: u32,
    project: &'a Project,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EnvelopeIn {
    #[serde(rename = "format")]
    _format: String,
    #[serde(rename = "schema_version")]
    _schema_version: u32,
    project: Project,
}

#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    schema_version: Option<u32>,
}

/// What went wrong with a project file, in terms a clerk can act on.
#[derive(Debug)]
pub enum Problem {
    /// The file could not be read or written.
    Io(std::io::Error),
    /// The file ends in the middle of its content: a save was cut off.
    Truncated {
        /// 1-based line where it ends.
        line: usize,
    },
    /// The file is empty.
    Empty,
    /// The file is larger than any project can be.
    TooLarge {
        /// Its size.
        bytes: u64,
    },
    /// The bytes are not UTF-8 text.
    NotText {
        /// 1-based line of the first byte that is not.
        line: usize,
        /// 1-based column (in characters) of that byte.
        column: usize,
    },
    /// The file to write is read-only.
    ReadOnly,
    /// The path names a directory, not a file.
    NotAFile,
    /// The previous content could not be kept as a backup, so the file was not replaced.
    BackupFailed(std::io::Error),
    /// The text is not valid JSON.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong, in Chinese.
        message: String,
    },
    /// Valid JSON, but not a juesuan project.
    NotAProject,
    /// Saved by a newer juesuan with a schema this build does not know.
    NewerVersion {
        /// The file's schema version.
        found: u32,
    },
    /// A value that cannot be: a non-numeric amount, a negative count, an unknown field.
    Invalid {
        /// Where, as a field path inside the project, when the place is inside one of its parts.
        field: Option<Box<FieldPath>>,
        /// Where, as the file names it (empty for the top level); may name a key the project does
        /// not have (an unknown field).
        place: String,
        /// Position in the file, when known (1-based line and column).
        position: Option<(usize, usize)>,
        /// What is wrong, in Chinese.
        message: String,
    },
    /// An older file whose migration failed.
    Migration {
        /// The version the failing step started from.
        from: u32,
        /// What is wrong.
        message: String,
    },
}

/// An error about one project file: the file and the problem.
#[derive(Debug)]
pub struct StorageError {
    /// The file concerned.
    pub path: PathBuf,
    /// The problem.
    pub problem: Problem,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Io(e) => f.write_str(&io_message(e)),
            Problem::Truncated { line } => write!(
                f,
                "文件不完整：内容在第 {line} 行中断，可能保存时被截断。请打开同一文件夹中的备份（文件名以 .bak 结尾）"
            ),
            Problem::TooLarge { bytes } => {
                // Tenths of a MiB, rounded up so a file just over the limit never reads as equal.
                let tenths = bytes.saturating_mul(10).div_ceil(1_048_576);
                write!(
                    f,
                    "文件有 {}.{} MB，超过项目文件的上限 {} MB，可能不是决算助手的项目文件",
                    tenths / 10,
                    tenths % 10,
                    crate::model::limits::FILE_BYTES / 1_048_576
                )
            }
            Problem::Empty => f.write_str(
                "文件是空的（0 字节），可能保存时被中断。请打开同一文件夹中的备份（文件名以 .bak 结尾）",
            ),
            Problem::NotText { line, column } => write!(
                f,
                "第 {line} 行第 {column} 列有无法识别的字节：这不是 UTF-8 编码的文本，可能不是决算助手的文件或已损坏"
            ),
            Problem::ReadOnly => f.write_str(
                "文件是只读的，没有保存。请在文件属性中取消“只读”，或用“另存为…”保存到其他文件",
            ),
            Problem::NotAFile => f.write_str("这是一个文件夹，不是文件，请选择或输入一个文件名"),
            Problem::BackupFailed(e) => write!(
                f,
                "无法为原文件做备份（{}），为避免丢失内容，文件没有保存",
                io_message(e)
            ),
            Problem::Syntax {
                line,
                column,
                message,
            } => write!(f, "第 {line} 行第 {column} 列：{message}"),
            Problem::NotAProject => {
                f.write_str("这不是决算助手的项目文件（缺少 format 或 schema_version）")
            }
            Problem::NewerVersion { found } => write!(
                f,
                "该文件由更新版本的决算助手保存（格式版本 {found}），本程序只能打开版本 {SCHEMA_VERSION} 及以前的文件，请升级决算助手后再打开"
            ),
            Problem::Invalid {
                place,
                position,
                message,
                ..
            } => {
                if let Some((line, column)) = position {
                    write!(f, "第 {line} 行第 {column} 列，")?;
                }
                if !place.is_empty() {
                    write!(f, "字段 {place}：")?;
                }
                f.write_str(message)
            }
            Problem::Migration { from, message } => {
                write!(f, "从格式版本 {from} 升级失败：{message}")
            }
        }
    }
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "文件“{}”：{}", self.path.display(), self.problem)
    }
}

impl std::error::Error for StorageError {}

/// The project as the text of a file of the current schema version.
pub fn to_json(project: &Project) -> String {
    let envelope = EnvelopeOut {
        format: FORMAT,
        schema_version: SCHEMA_VERSION,
        project,
    };
    // Serializing plain data to a String cannot fail: every key is a string and no Serialize
    // impl of the model returns an error.
    let mut text = serde_json::to_string_pretty(&envelope).unwrap_or_default();
    text.push('\n');
    text
}

/// Reads a project from the text of a file, migrating older versions.
pub fn from_json(text: &str) -> Result<Project, Problem> {
    from_json_with(text, MIGRATIONS)
}

fn from_json_with(text: &str, migrations: &[Migration]) -> Result<Project, Problem> {
    let header: Header = serde_json::from_str(text).map_err(|e| syntax_problem(&e))?;
    let (Some(format), Some(version)) = (header.format, header.schema_version) else {
        return Err(Problem::NotAProject);
    };
    if format != FORMAT || version == 0 {
        return Err(Problem::NotAProject);
    }
    let current = migrations.len() as u32 + 1;
    if version > current {
        return Err(Problem::NewerVersion { found: version });
    }
    let project = if version == current {
        let mut de = serde_json::Deserializer::from_str(text);
        let envelope: EnvelopeIn = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let position = Some((e.inner().line(), e.inner().column()));
            invalid(&e.path().to_string(), e.inner(), position)
        })?;
        envelope.project
    } else {
        let mut value: Value = serde_json::from_str(text).map_err(|e| syntax_problem(&e))?;
        let mut project = value
            .get_mut("project")
            .map(Value::take)
            .ok_or(Problem::NotAProject)?;
        for from in version..current {
            project = migrations[(from - 1) as usize](project)
                .map_err(|message| Problem::Migration { from, message })?;
        }
        serde_path_to_error::deserialize(project).map_err(|e| invalid_value(e.path(), e.inner()))?
    };
    validate(&project)?;
    Ok(project)
}

/// Rejects values the model can hold but a project cannot have (see [`Project::validate`]).
fn validate(project: &Project) -> Result<(), Problem> {
    project
        .validate()
        .map_err(|(field, message)| Problem::Invalid {
            place: field.to_string(),
            field: Some(Box::new(field)),
            position: None,
            message,
        })
}

fn syntax_problem(e: &serde_json::Error) -> Problem {
    use serde_json::error::Category;
    let message = match e.classify() {
        Category::Eof => return Problem::Truncated { line: e.line() },
        Category::Syntax => messages::syntax_message(&strip_position(e)),
        Category::Data => return invalid("", e, Some((e.line(), e.column()))),
        Category::Io => "读取失败".to_owned(),
    };
    Problem::Syntax {
        line: e.line(),
        column: e.column(),
        message,
    }
}

fn invalid(path: &str, e: &serde_json::Error, position: Option<(usize, usize)>) -> Problem {
    use serde_json::error::Category;
    if e.classify() == Category::Eof {
        return Problem::Truncated { line: e.line() };
    }
    if e.classify() == Category::Syntax {
        return syntax_problem(e);
    }
    let inside = path.strip_prefix("project").unwrap_or(path);
    let inside = inside.strip_prefix('.').unwrap_or(inside);
    let place = if inside == "?" { "" } else { inside };
    Problem::Invalid {
        field: FieldPath::parse(place).ok().map(Box::new),
        place: place.to_owned(),
        position,
        message: messages::data_message(&strip_position(e)),
    }
}

fn invalid_value(path: &serde_path_to_error::Path, e: &serde_json::Error) -> Problem {
    invalid(&path.to_string(), e, None)
}

fn strip_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// Loads a project file. Never writes to disk.
pub fn load(path: &Path) -> Result<Project, StorageError> {
    let error = |problem| StorageError {
        path: path.to_owned(),
        problem,
    };
    if let Ok(meta) = fs::metadata(path)
        && meta.is_file()
        && meta.len() > crate::model::limits::FILE_BYTES
    {
        return Err(error(Problem::TooLarge { bytes: meta.len() }));
    }
    let bytes = fs::read(path).map_err(|e| {
        error(if e.kind() == std::io::ErrorKind::IsADirectory {
            Problem::NotAFile
        } else {
            Problem::Io(e)
        })
    })?;
    let text = text_of(&bytes).map_err(error)?;
    from_json(text).map_err(error)
}

/// The text of a file's bytes (without a byte-order mark), or why it is not text: empty, cut
/// off inside a character, or not UTF-8 at all.
fn text_of(bytes: &[u8]) -> Result<&str, Problem> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Problem::Empty);
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        if e.error_len().is_none() {
            // The bytes end inside a character: the file was cut off there.
            return Problem::Truncated { line };
        }
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        Problem::NotText { line, column }
    })
}

/// The backup that versions before dated backups kept beside `path`: `NAME.bak`.
pub fn legacy_backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Saves a project atomically: the file at `path` is either the old one or the new one, never a
/// half-written mix. What it held before is kept as a dated backup (see [`backups`]).
pub fn save(path: &Path, project: &Project, at: SaveTime) -> Result<(), StorageError> {
    write::write_with_backups(path, to_json(project).as_bytes(), at).map_err(|problem| {
        StorageError {
            path: path.to_owned(),
            problem,
        }
    })
}

/// The bytes of a file to import (a workbook, a 科目表), refused in words when it is larger than
/// `max_bytes` or cannot be read.
pub fn read_import(path: &Path, max_bytes: u64) -> Result<Vec<u8>, String> {
    let io = |e: std::io::Error| format!("“{}”：{}", path.display(), io_message(&e));
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > max_bytes {
        return Err(format!(
            "文件有 {} MB，最大 {} MB",
            size / (1024 * 1024),
            max_bytes / (1024 * 1024)
        ));
    }
    std::fs::read(path).map_err(io)
}

/// Writes `bytes` to `path` atomically without a backup (for outputs such as PDFs that can be
/// made again, and the application's own files).
pub fn replace_file(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    write::write_replacing(path, bytes).map_err(|problem| StorageError {
        path: path.to_owned(),
        problem,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal(version: u32, project: &str) -> String {
        format!(r#"{{"format":"juesuan","schema_version":{version},"project":{project}}}"#)
    }

    #[test]
    fn the_written_version_is_the_one_the_migrations_reach() {
        assert_eq!(MIGRATIONS.len() as u32 + 1, SCHEMA_VERSION);
    }

    #[test]
    fn migrations_run_in_order_from_the_file_version() {
        let mut project = Project::default();
        project.unit.year = 2023;
        let empty = to_json(&project);
        let value: Value = serde_json::from_str(&empty).unwrap();
        let mut v1_project = value["project"].clone();
        // Pretend version 1 named the unit field `unit_name` inside unit, which version 2 renamed.
        v1_project["unit"]["unit_name"] = v1_project["unit"]["name"].take();
        v1_project["unit"].as_object_mut().unwrap().remove("name");
        let text = minimal(1, &v1_project.to_string());
        let rename: Migration = |mut p| {
            let unit = p["unit"].as_object_mut().ok_or("unit missing")?;
            let name = unit.remove("unit_name").ok_or("unit_name missing")?;
            unit.insert("name".into(), name);
            Ok(p)
        };
        let migrated = from_json_with(&text, &[rename]).unwrap();
        assert_eq!(migrated, project);

        let failing: Migration = |_| Err("缺少数据".into());
        match from_json_with(&text, &[failing]) {
            Err(Problem::Migration { from: 1, .. }) => {}
            other => panic!("expected a migration error, got {other:?}"),
        }
    }
}
