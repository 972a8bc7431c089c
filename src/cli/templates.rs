//! The template commands: `juesuan templates`, `juesuan figures`, `juesuan template
//! export/import`, and the `--template` option of `report` and `pdf`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::EXIT_OK;
use crate::catalog::Catalog;
use crate::document::{self, Document, Figures};
use crate::model::Project;
use crate::storage::{self, SaveTime};
use crate::template::{self, Chosen, Template};

/// The template `arg` names: a built-in id, or a template file.
pub(super) fn named(arg: &str) -> Result<Chosen, String> {
    if let Some(t) = template::builtin_by_id(arg) {
        return Ok(Chosen::Builtin(t));
    }
    let path = Path::new(arg);
    if !path.exists() {
        let ids: Vec<&str> = template::builtin().map(|t| t.id.as_str()).collect();
        return Err(format!(
            "没有 id 为“{arg}”的内置模板，也没有这个模板文件；内置模板：{}",
            ids.join("、")
        ));
    }
    template::read_file(path).map(|t| Chosen::Custom(Arc::new(t)))
}

/// The document of `project` under `template` (the project's own when `None`), with the
/// catalog it uses.
pub(super) fn document_with(project: &Project, template: Option<&Template>) -> Document {
    let catalog = Catalog::for_project(project).ok();
    let options = document::Options {
        catalog: catalog.as_ref(),
        template,
        ..document::Options::default()
    };
    document::build(project, &options)
}

pub(super) fn list_command(args: &[String], out: &mut dyn Write) -> Result<i32, String> {
    if !args.is_empty() {
        return Err("用法：juesuan templates".to_owned());
    }
    for t in template::builtin() {
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}—{}年度\t{}张附表",
            t.id,
            t.name,
            t.region,
            t.years[0],
            t.years[1],
            t.table_ids().len()
        );
    }
    Ok(EXIT_OK)
}

pub(super) fn figures_command(args: &[String], out: &mut dyn Write) -> Result<i32, String> {
    let usage = "用法：juesuan figures 文件 [--template 模板]";
    let (file, chosen) = match args {
        [file] => (file, None),
        [file, flag, id] | [flag, id, file] if flag == "--template" => (file, Some(named(id)?)),
        _ => return Err(usage.to_owned()),
    };
    let project = storage::load(&PathBuf::from(file)).map_err(|e| e.to_string())?;
    let chosen = match chosen {
        Some(c) => c,
        None => template::for_project(&project).0,
    };
    let catalog = Catalog::for_project(&project).ok();
    let options = document::Options {
        catalog: catalog.as_ref(),
        template: Some(&chosen),
        ..document::Options::default()
    };
    let figures = Figures::with(&project, &options);
    let ctx = template::context::build(&figures);
    let _ = writeln!(out, "# 模板“{}”可用的数字名称及当前值", chosen.name);
    for name in template::context::names(&ctx) {
        let _ = writeln!(out, "{}\t{}", name.path, name.value);
    }
    Ok(EXIT_OK)
}

pub(super) fn template_command(
    args: &[String],
    at: SaveTime,
    out: &mut dyn Write,
) -> Result<i32, String> {
    let usage = "用法：juesuan template export 模板|项目文件 -o 模板.toml\n      juesuan template import 项目文件 模板.toml";
    match args {
        [verb, source, flag, output]
            if verb == "export" && (flag == "-o" || flag == "--output") =>
        {
            let text = export_text(source)?;
            storage::replace_file(Path::new(output), text.as_bytes()).map_err(|e| e.to_string())?;
            let _ = writeln!(out, "已写出模板：{output}");
            Ok(EXIT_OK)
        }
        [verb, project_file, template_file] if verb == "import" => {
            let path = PathBuf::from(project_file);
            let mut project = storage::load(&path).map_err(|e| e.to_string())?;
            let t = template::read_file(Path::new(template_file))?;
            template::import_into(&mut project, &t)?;
            storage::save(&path, &project, at).map_err(|e| e.to_string())?;
            let _ = writeln!(out, "已导入模板“{}”（{}）并选用", t.name, t.id);
            Ok(EXIT_OK)
        }
        _ => Err(usage.to_owned()),
    }
}

/// The text of the template `source` names: a built-in id, or a project file whose imported
/// template it is.
fn export_text(source: &str) -> Result<String, String> {
    if let Some(t) = template::builtin_by_id(source) {
        return Ok(t.text.clone());
    }
    let project = storage::load(Path::new(source)).map_err(|e| e.to_string())?;
    match project.custom_template {
        Some(text) => Ok(text),
        None => {
            let (chosen, _) = template::for_project(&project);
            Ok(chosen.text.clone())
        }
    }
}
