//! `juesuan consolidate`: a department's accounts (部门汇总) from its units' project files.
//!
//! `juesuan consolidate --new -o 部门.json 本级.json 单位1.json …` makes the department's project
//! (its texts start as the 本级's); `juesuan consolidate 部门.json` refreshes its figures from the
//! members, reporting each one's status. A member missing or unreadable stops the refresh and
//! nothing is written.

use std::io::Write;
use std::path::PathBuf;

use crate::consolidate::{self, Issue, Loaded, Status};
use crate::storage::{self, SaveTime};

use super::EXIT_OK;

const USAGE: &str = "用法：juesuan consolidate 部门.json（刷新汇总），或 juesuan consolidate --new -o 部门.json 本级.json 单位1.json …";

pub(super) fn consolidate_command(
    args: &[String],
    at: SaveTime,
    out: &mut dyn Write,
) -> Result<i32, String> {
    match args {
        [flag, rest @ ..] if flag == "--new" => new(rest, at, out),
        [file] if !file.starts_with('-') => refresh(&PathBuf::from(file), at, out),
        _ => Err(USAGE.to_owned()),
    }
}

fn print_issues(issues: &[Issue], out: &mut dyn Write) {
    for i in issues {
        let _ = writeln!(
            out,
            "{}{}",
            if i.blocking { "错误：" } else { "注意：" },
            i.message
        );
    }
}

fn summary(project: &crate::model::Project, out: &mut dyn Write) {
    let _ = writeln!(out, "{}", super::summary(project));
}

fn new(args: &[String], at: SaveTime, out: &mut dyn Write) -> Result<i32, String> {
    let [flag, output, units @ ..] = args else {
        return Err(USAGE.to_owned());
    };
    if (flag != "-o" && flag != "--output") || units.is_empty() {
        return Err(USAGE.to_owned());
    }
    let output = PathBuf::from(output);
    if output.exists() {
        return Err(format!(
            "{} 已经存在；部门汇总要写到新文件，请换一个文件名",
            output.display()
        ));
    }
    let mut members = Vec::new();
    for unit in units {
        let path = PathBuf::from(unit);
        let bytes = std::fs::read(&path)
            .map_err(|e| format!("无法读取 {}：{}", path.display(), storage::io_message(&e)))?;
        let project = storage::load(&path).map_err(|e| e.to_string())?;
        members.push(Loaded {
            path,
            project,
            sha256: crate::bundle::sha256(&bytes),
        });
    }
    let (project, issues) = consolidate::new_department(&output, &members).map_err(|issues| {
        print_issues(&issues, out);
        "未能汇总（见上），未写出任何文件".to_owned()
    })?;
    print_issues(&issues, out);
    storage::save(&output, &project, at).map_err(|e| e.to_string())?;
    let _ = writeln!(
        out,
        "已建立部门汇总：{}（本级和 {} 个所属单位）",
        output.display(),
        members.len() - 1
    );
    summary(&project, out);
    Ok(EXIT_OK)
}

fn refresh(file: &std::path::Path, at: SaveTime, out: &mut dyn Write) -> Result<i32, String> {
    let department = storage::load(file).map_err(|e| e.to_string())?;
    let Some(dept) = &department.department else {
        return Err(format!(
            "{} 是单位的项目，不是部门汇总；新建部门汇总请用 --new",
            file.display()
        ));
    };
    let mut members = Vec::new();
    let mut missing = 0;
    for (member, status) in consolidate::load_members(file, dept) {
        match status {
            Status::Loaded {
                member: loaded,
                changed,
            } => {
                let _ = writeln!(
                    out,
                    "  {}（{}）：{}",
                    loaded.project.unit.name,
                    member.file,
                    if changed {
                        "已读取，上次汇总后有改动"
                    } else {
                        "已读取"
                    }
                );
                members.push(*loaded);
            }
            Status::Unreadable(why) => {
                missing += 1;
                let _ = writeln!(out, "  {}（{}）：无法读取：{why}", member.name, member.file);
            }
        }
    }
    if missing > 0 {
        return Err(format!(
            "有 {missing} 个单位的文件无法读取，未刷新汇总，部门文件未改动"
        ));
    }
    let (project, issues) = consolidate::consolidate(&department, &members).map_err(|issues| {
        print_issues(&issues, out);
        "未能汇总（见上），部门文件未改动".to_owned()
    })?;
    print_issues(&issues, out);
    if project == department {
        let _ = writeln!(out, "汇总结果没有变化");
        return Ok(EXIT_OK);
    }
    storage::save(file, &project, at).map_err(|e| e.to_string())?;
    let _ = writeln!(out, "已刷新部门汇总：{}", file.display());
    summary(&project, out);
    Ok(EXIT_OK)
}
