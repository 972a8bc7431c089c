//! Project files: JSON with a schema version, migration of older versions, atomic saves with a
//! backup, and errors a clerk can act on.
//!
//! This is the only module that knows the file format. A file is
//! `{"format": "juesuan", "schema_version": N, "project": {…}}`, pretty-printed, amounts as strings.
//! Loading never writes; saving writes a temporary file beside the target, flushes it to disk, keeps
//! the previous file as `NAME.bak` and renames the temporary file over the target.

use std::fmt;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::{FieldPath, Project};

/// The `format` marker of a project file.
pub const FORMAT: &str = "juesuan";

/// The schema version this build writes. Every released version keeps a sample in `tests/samples/`.
pub const SCHEMA_VERSION: u32 = 2;

/// A migration takes a project of version `n` (the `project` object) to version `n + 1`.
pub type Migration = fn(Value) -> Result<Value, String>;

/// Migrations from each older version, indexed by the version they start from (`MIGRATIONS[0]`
/// takes version 1 to 2).
const MIGRATIONS: &[Migration] = &[v1_to_v2];

/// Version 2 adds `revenue.by_function` (表2 收入决算表 by 功能分类). A version-1 file has none,
/// which version 2 reads as "not entered", so the data carry over unchanged; the version number
/// still changes, so that an older program refuses a newer file with a clear message instead of
/// an unknown field.
fn v1_to_v2(project: Value) -> Result<Value, String> {
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
        /// Where, as a field path inside the project (empty for the top level).
        field: FieldPath,
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
            Problem::Io(e) => write!(f, "{}", io_message(e)),
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
                field,
                position,
                message,
            } => {
                if let Some((line, column)) = position {
                    write!(f, "第 {line} 行第 {column} 列，")?;
                }
                if !field.as_str().is_empty() {
                    write!(f, "字段 {field}：")?;
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
        write!(f, "项目文件“{}”：{}", self.path.display(), self.problem)
    }
}

impl std::error::Error for StorageError {}

fn io_message(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "文件不存在".to_owned(),
        ErrorKind::PermissionDenied => "没有权限访问该文件".to_owned(),
        ErrorKind::InvalidData => "文件不是 UTF-8 编码的文本".to_owned(),
        _ => format!("读写失败（{e}）"),
    }
}

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

/// Rejects values the model can hold but a project cannot have: negative amounts outside balances.
fn validate(project: &Project) -> Result<(), Problem> {
    match project
        .amounts()
        .into_iter()
        .find(|a| !a.may_be_negative && a.value.is_negative())
    {
        Some(bad) => Err(Problem::Invalid {
            field: bad.path,
            position: None,
            message: format!("金额 {} 不能为负数", bad.value.wan()),
        }),
        None => Ok(()),
    }
}

fn syntax_problem(e: &serde_json::Error) -> Problem {
    use serde_json::error::Category;
    let message = match e.classify() {
        Category::Eof => "文件不完整（内容在此处中断，可能保存时被截断）".to_owned(),
        Category::Syntax => format!("JSON 语法错误（{}）", strip_position(e)),
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
    let inside = path.strip_prefix("project").unwrap_or(path);
    let inside = inside.strip_prefix('.').unwrap_or(inside);
    Problem::Invalid {
        field: FieldPath::new(if inside == "?" { "" } else { inside }),
        position,
        message: chinese_serde_message(&strip_position(e)),
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

/// Puts serde's English messages into Chinese; our own messages (amounts) are Chinese already.
fn chinese_serde_message(message: &str) -> String {
    let backticked = |s: &str| s.split('`').nth(1).map(str::to_owned).unwrap_or_default();
    let expected = message.split("expected ").nth(1).unwrap_or_default();
    if message.starts_with("missing field") {
        format!("缺少字段 {}", backticked(message))
    } else if message.starts_with("unknown field") {
        format!(
            "未知字段 {}（可能是拼写错误，或由其他程序写入）",
            backticked(message)
        )
    } else if message.starts_with("unknown variant") {
        let allowed = expected.trim_start_matches("one of ").replace('`', "");
        format!(
            "取值“{}”无效，应为：{}",
            backticked(message),
            allowed.replace(" or ", "、").replace(", ", "、")
        )
    } else if message.starts_with("invalid value: integer") && expected == "u32" {
        format!(
            "“{}”不是有效的数量，应为不小于 0 的整数",
            backticked(message)
        )
    } else if message.starts_with("invalid value: string") && expected.contains("Decimal") {
        let text = message.split('"').nth(1).unwrap_or_default();
        format!("“{text}”不是有效的数字")
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        let found = rest.split(", expected").next().unwrap_or_default();
        let found = if let Some(s) = found.strip_prefix("string ") {
            format!("文字 {s}")
        } else if found.starts_with("integer") || found.starts_with("floating point") {
            format!("数字 {}", backticked(found))
        } else {
            found.replace("null", "空值")
        };
        let expected = match expected {
            "u32" => "不小于 0 的整数",
            "i32" => "整数",
            "a string" => "文字",
            "a sequence" => "列表",
            "a Decimal type representing a fixed-point number" => "写成字符串的数字（如 \"10\"）",
            other => other,
        };
        format!("类型错误：应为{expected}，实际是{found}")
    } else {
        message.to_owned()
    }
}

/// Loads a project file. Never writes to disk.
pub fn load(path: &Path) -> Result<Project, StorageError> {
    let error = |problem| StorageError {
        path: path.to_owned(),
        problem,
    };
    let text = fs::read_to_string(path).map_err(|e| error(Problem::Io(e)))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    from_json(text).map_err(error)
}

/// The backup kept beside `path` when it is overwritten: `NAME.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    sibling(path, ".bak")
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// Saves a project atomically: the file at `path` is either the old one or the new one, never a
/// half-written mix. The previous file, if any, is kept as [`backup_path`].
pub fn save(path: &Path, project: &Project) -> Result<(), StorageError> {
    write_atomically(path, to_json(project).as_bytes()).map_err(|e| StorageError {
        path: path.to_owned(),
        problem: Problem::Io(e),
    })
}

/// Writes `bytes` to `path` through a temporary file beside it, keeping the old file as a backup.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_through_temp(path, bytes, true)
}

/// Writes `bytes` to `path` through a temporary file beside it, without a backup (for outputs
/// such as PDFs that can be made again).
pub fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_through_temp(path, bytes, false)
}

fn write_through_temp(path: &Path, bytes: &[u8], keep_backup: bool) -> std::io::Result<()> {
    let temp = sibling(path, ".tmp");
    let result = (|| {
        let mut file = fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        if keep_backup && path.exists() {
            fs::copy(path, backup_path(path))?;
        }
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        // Best effort: a leftover temporary file is harmless, but tidy up when we can.
        let _ = fs::remove_file(&temp);
    }
    result
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
        let empty = to_json(&Project::default());
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
        let project = from_json_with(&text, &[rename]).unwrap();
        assert_eq!(project, Project::default());

        let failing: Migration = |_| Err("缺少数据".into());
        match from_json_with(&text, &[failing]) {
            Err(Problem::Migration { from: 1, .. }) => {}
            other => panic!("expected a migration error, got {other:?}"),
        }
    }

    #[test]
    fn serde_messages_become_chinese() {
        assert_eq!(
            chinese_serde_message("missing field `year`"),
            "缺少字段 year"
        );
        assert_eq!(
            chinese_serde_message("unknown variant `x`, expected `元` or `万元`"),
            "取值“x”无效，应为：元、万元"
        );
        assert_eq!(
            chinese_serde_message("invalid type: integer `5`, expected i32"),
            "类型错误：应为整数，实际是数字 5"
        );
        assert!(
            chinese_serde_message("invalid value: integer `-1`, expected u32").contains("不小于 0")
        );
    }
}
