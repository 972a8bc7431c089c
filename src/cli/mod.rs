//! The command line: `juesuan example`, `summary`, `check`, `report`, `pdf`, `paths`, `get`,
//! `set`, the template commands (`templates`, `figures`, `template`), `catalog import`, and the
//! usage text.
//!
//! [`run`] takes the arguments and two writers and returns the exit status, so tests drive it
//! exactly as a shell would.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use crate::checks::{self, Finding};
use crate::document::render::{Format, render};
use crate::example::example;
use crate::model::totals::Totals;
use crate::model::{FieldKind, Project};
use crate::money::Wan;
use crate::print::{PrintDate, Printer};
use crate::storage::{self, SaveTime};

mod catalog;
mod consolidate;
mod figures_import;
mod templates;

/// Exit status: success.
pub const EXIT_OK: i32 = 0;
/// Exit status: the command ran and found errors (used by `check`).
pub const EXIT_FINDINGS: i32 = 1;
/// Exit status: bad usage or a file that cannot be read or written.
pub const EXIT_FAILURE: i32 = 2;

/// The usage text.
pub const USAGE: &str = "\
决算助手 juesuan —— 部门决算与决算公开文档编制工具

用法：
  juesuan [文件]                打开窗口；不给文件时打开上次的项目或内置示例
  juesuan example -o 文件       把内置示例项目（区委绩效办 2023 年度）写入文件
  juesuan summary 文件          显示项目的单位、年度和主要合计数（万元）
  juesuan check 文件 [--json]   审核：按严重程度列出核对发现的问题，及审核覆盖（哪些规则因
                               缺少数据或不适用而未审核）；有“错误”时退出码为 1
  juesuan check 文件 --format text|json|pdf|xlsx -o 输出
                               写出审核报告（随决算报送财政）：单位、年度、模板、日期、审核覆盖，
                               每个问题的两边金额、差额、位置和出错说明
  juesuan rules [--markdown]   列出全部审核规则：编码、类别、严重程度、审核内容、所需数据
  juesuan report 文件 [--format text|markdown|html] [--template 模板]
                               输出完整的决算公开文档
  juesuan pdf 文件 -o 输出.pdf [--date 2024-05-31] [--template 模板]
                               生成供打印签字的 PDF（日期默认为今天）
                               --template 给内置模板的 id 或模板文件，默认用项目选定的模板
  juesuan docx 文件 -o 输出.docx [--date 2024-05-31] [--template 模板]
                               生成 Word 文档（标题为 Word 标题样式，可生成目录；公文字体字号；
                               表格为可编辑的 Word 表格，表头跨页重复；图为图片）
  juesuan xlsx 文件 -o 输出.xlsx [--template 模板]
                               把模板的全部公开表写成 Excel（每张表一个工作表，金额为数字）
  juesuan import 文件 决算表.xlsx|.xls [--dry-run]
                               从按官方表样排列的工作簿（决算软件、一体化系统或本程序导出）
                               导入本年数字：按表名和列名识别收入支出决算总表、收入决算表、
                               支出决算表、各财政拨款支出决算表、基本支出决算表、“三公”经费表；
                               先列出每个数字的原值 → 新值；有无法读取的行时一个也不导入；
                               --dry-run 只列出不导入
  juesuan consolidate --new -o 部门.json 本级.json 单位1.json …
                               部门汇总：由本级和所属单位的项目文件建立部门决算（数字为各单位之和，
                               内部上缴、补助相互抵消；文字先取本级的，可再修改）
  juesuan consolidate 部门.json
                               刷新部门汇总：重新读取各单位文件，列出状态（已读取、有改动、
                               无法读取），内部往来不相等时列出两边金额和差额
  juesuan next-year 文件 -o 新文件
                               新建下一年度：保留单位、科目、项目和指标，本年数字作为上年数，
                               年末结转和结余作为年初数并锁定，上年文字保留为待复核的草稿
  juesuan bundle 文件 -o 文件夹 [--date 2024-05-31]
                               公开文件包：PDF、Word 文档、Excel 公开表、审核报告（Excel 和 PDF）和清单
                               （单位、年度、模板、日期、签字人、每个文件的 SHA-256）
  juesuan bundle --verify 文件夹
                               核对文件包中的文件是否与清单一致（生成之后是否被改动）
  juesuan templates            列出内置模板：id、名称、地区、适用年度
  juesuan figures 文件 [--template 模板]
                               列出模板可用的全部数字名称及其当前值（编写模板时查阅）
  juesuan template export 模板|项目文件 -o 模板.toml
                               把内置模板或项目导入的模板写成文件（供其他单位导入）
  juesuan template import 项目文件 模板.toml
                               把模板文件导入项目并选用它（检查无误才导入）
  juesuan catalog import 项目文件 科目表.xlsx|.xls|.csv [--dry-run] [--skip-bad-rows]
                               导入本地财政下发的科目表（按“科目编码”“科目名称”列读取），
                               先列出新增、改名的科目和无法读取的行；有无法读取的行时
                               不导入，除非加 --skip-bad-rows；--dry-run 只列出不导入
  juesuan paths 文件            列出可修改的全部字段：路径、名称、类型
  juesuan get 文件 路径         显示一个字段（或一部分）的值
  juesuan set 文件 路径 值      修改一个字段并保存（金额按项目的录入单位，与界面同样校验）；
                               值无效时退出码为 2，文件不变
  juesuan help                 显示本帮助
";

/// The commands the command line knows.
const COMMANDS: [&str; 22] = [
    "help",
    "-h",
    "--help",
    "example",
    "summary",
    "check",
    "report",
    "pdf",
    "xlsx",
    "docx",
    "import",
    "consolidate",
    "next-year",
    "bundle",
    "paths",
    "get",
    "set",
    "templates",
    "figures",
    "template",
    "catalog",
    "rules",
];

/// What the shell's clock says, handed to the command line (which reads no clock itself).
#[derive(Clone, Copy, Debug)]
pub struct Now {
    /// The default print date.
    pub today: PrintDate,
    /// The moment of any save a command makes (names its dated backup).
    pub save: SaveTime,
}

/// What the program should do with its arguments.
#[derive(Debug, PartialEq, Eq)]
pub enum Launch {
    /// Open the window, on a file if one is given.
    Window(Option<PathBuf>),
    /// Run a command-line command with [`run`].
    Command,
}

/// Decides between the window and a command: no arguments or a single file opens the window.
pub fn launch(args: &[OsString]) -> Launch {
    match args {
        [] => Launch::Window(None),
        [one]
            if !COMMANDS.contains(&one.to_string_lossy().as_ref())
                && !one.to_string_lossy().starts_with('-') =>
        {
            Launch::Window(Some(PathBuf::from(one)))
        }
        _ => Launch::Command,
    }
}

/// Runs the command line `args` (without the program name); returns the exit status. `now` is
/// what the shell's clock says (this module reads none).
pub fn run(args: &[OsString], now: Now, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let result = match args.first().map(String::as_str) {
        None | Some("help" | "-h" | "--help") => {
            let _ = write!(out, "{USAGE}");
            Ok(EXIT_OK)
        }
        Some("example") => example_command(&args[1..], now.save, out),
        Some("summary") => summary_command(&args[1..], out),
        Some("check") => check_command(&args[1..], now, out),
        Some("rules") => rules_command(&args[1..], out),
        Some("report") => report_command(&args[1..], out),
        Some("pdf") => pdf_command(&args[1..], now.today, out),
        Some("xlsx") => xlsx_command(&args[1..], now.today, out),
        Some("docx") => docx_command(&args[1..], now.today, out),
        Some("consolidate") => consolidate::consolidate_command(&args[1..], now.save, out),
        Some("import") => figures_import::import_command(&args[1..], now.save, out),
        Some("next-year") => next_year_command(&args[1..], now.save, out),
        Some("bundle") => bundle_command(&args[1..], now.today, out),
        Some("paths") => paths_command(&args[1..], out),
        Some("get") => get_command(&args[1..], out),
        Some("set") => set_command(&args[1..], now.save, out),
        Some("templates") => templates::list_command(&args[1..], out),
        Some("figures") => templates::figures_command(&args[1..], out),
        Some("template") => templates::template_command(&args[1..], now.save, out),
        Some("catalog") => catalog::catalog_command(&args[1..], now.save, out),
        Some(other) => Err(format!("未知命令“{other}”\n\n{USAGE}")),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(err, "错误：{message}");
            EXIT_FAILURE
        }
    }
}

/// `args` split into options (`--…`) and the rest, any option not in `allowed` refused.
fn split_flags<'a>(
    args: &'a [String],
    allowed: &[&str],
    usage: &str,
) -> Result<(Vec<&'a str>, Vec<&'a String>), String> {
    let (flags, rest): (Vec<&String>, Vec<&String>) =
        args.iter().partition(|a| a.starts_with("--"));
    if let Some(bad) = flags.iter().find(|f| !allowed.contains(&f.as_str())) {
        return Err(format!("未知选项“{bad}”\n{usage}"));
    }
    Ok((flags.into_iter().map(String::as_str).collect(), rest))
}

/// Parses `-o FILE` / `--output FILE`.
fn output_path(args: &[String]) -> Result<PathBuf, String> {
    match args {
        [flag, path] if flag == "-o" || flag == "--output" => Ok(PathBuf::from(path)),
        _ => Err("用法：juesuan example -o 文件".to_owned()),
    }
}

fn one_file(args: &[String], usage: &str) -> Result<PathBuf, String> {
    match args {
        [path] => Ok(PathBuf::from(path)),
        _ => Err(format!("用法：{usage}")),
    }
}

fn example_command(args: &[String], at: SaveTime, out: &mut dyn Write) -> Result<i32, String> {
    let path = output_path(args)?;
    let project = example().map_err(|e| format!("内置示例损坏：{e}"))?;
    storage::save(&path, &project, at).map_err(|e| e.to_string())?;
    let _ = writeln!(out, "已写入示例项目：{}", path.display());
    Ok(EXIT_OK)
}

fn summary_command(args: &[String], out: &mut dyn Write) -> Result<i32, String> {
    let path = one_file(args, "juesuan summary 文件")?;
    let project = storage::load(&path).map_err(|e| e.to_string())?;
    let _ = write!(out, "{}", summary(&project));
    Ok(EXIT_OK)
}

/// The summary text: unit, year and the main totals in 万元 with two decimals.
pub fn summary(project: &Project) -> String {
    let t = Totals::of(project);
    let unit = &project.unit;
    let mut text = format!("单位：{}", unit.name);
    if !unit.short_name.is_empty() {
        text.push_str(&format!("（{}）", unit.short_name));
    }
    text.push_str(&format!("\n年度：{}\n", unit.year));
    let rows: [(&str, Wan); 7] = [
        ("收入总计", t.total_revenue),
        ("本年收入合计", t.revenue_this_year),
        ("本年支出合计", t.expenditure_this_year),
        ("基本支出", t.by_nature.basic),
        ("项目支出", t.by_nature.project),
        ("财政拨款支出", t.appropriation_expenditure),
        ("“三公”经费合计", t.three_public.actual),
    ];
    for (label, amount) in rows {
        text.push_str(&format!("{label}：{} 万元\n", amount.text()));
    }
    text
}

fn check_command(args: &[String], now: Now, out: &mut dyn Write) -> Result<i32, String> {
    let usage = "用法：juesuan check 文件 [--json] [--format text|json|pdf|xlsx -o 输出]";
    let mut input = None;
    let mut output = None;
    let mut format = "text".to_owned();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--json" => format = "json".to_owned(),
            "--format" => format = rest.next().ok_or(usage)?.clone(),
            "-o" | "--output" => output = Some(PathBuf::from(rest.next().ok_or(usage)?)),
            other if input.is_none() && !other.starts_with('-') => {
                input = Some(PathBuf::from(other));
            }
            _ => return Err(usage.to_owned()),
        }
    }
    let Some(input) = input else {
        return Err(usage.to_owned());
    };
    let project = storage::load(&input).map_err(|e| e.to_string())?;
    let report = checks::report::build(&project, now.today.date());
    let file = match (format.as_str(), &output) {
        ("text", None) => {
            let _ = write!(out, "{}", report.text());
            None
        }
        ("json", None) => {
            let _ = writeln!(out, "{}", check_json(&project, &report));
            None
        }
        ("text", Some(path)) => Some((path, report.text().into_bytes())),
        ("json", Some(path)) => Some((path, (check_json(&project, &report) + "\n").into_bytes())),
        ("xlsx", Some(path)) => Some((path, crate::office::xlsx::check_report(&report)?)),
        ("pdf", Some(path)) => {
            let pages = Printer::shared()
                .layout_once(&report.document(), now.today)
                .map_err(|e| e.to_string())?;
            Some((path, pages.pdf().map_err(|e| e.to_string())?))
        }
        ("xlsx" | "pdf", None) => {
            return Err(format!("--format {format} 需要用 -o 指定输出文件\n{usage}"));
        }
        (other, _) => {
            return Err(format!(
                "不认识的格式“{other}”：可用 text、json、pdf、xlsx\n{usage}"
            ));
        }
    };
    if let Some((path, bytes)) = file {
        storage::replace_file(path, &bytes).map_err(|e| e.to_string())?;
        let _ = writeln!(out, "已写出审核报告：{}", path.display());
    }
    let (errors, _, _) = report.counts();
    Ok(if errors > 0 { EXIT_FINDINGS } else { EXIT_OK })
}

/// The check as JSON: the findings, the explanations and the ledger.
fn check_json(project: &Project, report: &checks::CheckReport) -> String {
    let findings: Vec<Finding> = report.findings.iter().map(|f| f.finding.clone()).collect();
    let json = serde_json::json!({
        "unit": report.unit,
        "year": report.year,
        "template": report.template,
        "date": report.date,
        "findings": findings,
        "explanations": checks::explain::report(project, &findings),
        "ledger": {
            "summary": report.ledger.counts().to_string(),
            "counts": report.ledger.counts(),
            "rules": report.ledger.rules,
        },
    });
    serde_json::to_string_pretty(&json).unwrap_or_default()
}

fn rules_command(args: &[String], out: &mut dyn Write) -> Result<i32, String> {
    let text = match args {
        [] => checks::rule_catalog_text(),
        [flag] if flag == "--markdown" => checks::rule_catalog_markdown(),
        _ => return Err("用法：juesuan rules [--markdown]".to_owned()),
    };
    let _ = write!(out, "{text}");
    Ok(EXIT_OK)
}

fn report_command(args: &[String], out: &mut dyn Write) -> Result<i32, String> {
    let usage = "用法：juesuan report 文件 [--format text|markdown|html] [--template 模板]";
    let mut format = Format::Text;
    let mut template = None;
    let mut input = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--format" => {
                format = match rest.next().map(String::as_str) {
                    Some("text") => Format::Text,
                    Some("markdown" | "md") => Format::Markdown,
                    Some("html") => Format::Html,
                    Some(other) => {
                        return Err(format!(
                            "未知格式“{other}”，可用 text、markdown 或 html\n{usage}"
                        ));
                    }
                    None => return Err(usage.to_owned()),
                }
            }
            "--template" => {
                template = Some(templates::named(rest.next().ok_or(usage)?)?);
            }
            other if input.is_none() && !other.starts_with("--") => {
                input = Some(PathBuf::from(other));
            }
            _ => return Err(usage.to_owned()),
        }
    }
    let input = input.ok_or(usage)?;
    let project = storage::load(&input).map_err(|e| e.to_string())?;
    let doc = templates::document_with(&project, template.as_deref());
    let _ = write!(out, "{}", render(&doc, format));
    Ok(EXIT_OK)
}

/// Parses `2024-05-31`, a date that exists (not `2023-02-31`).
pub fn parse_date(text: &str) -> Option<PrintDate> {
    use chrono::Datelike;
    let mut parts = text.trim().split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(1990..=2100).contains(&year) {
        return None;
    }
    let date = chrono::NaiveDate::from_ymd_opt(year, month, day)?;
    Some(PrintDate {
        year: date.year(),
        month: u8::try_from(date.month()).ok()?,
        day: u8::try_from(date.day()).ok()?,
    })
}

/// The value of `--date`, or why it is not a date.
fn date_argument(text: &str) -> Result<PrintDate, String> {
    parse_date(text)
        .ok_or_else(|| format!("日期“{text}”无效：应是实际存在的日期，写作 2024-05-31（年-月-日）"))
}

/// What an export command was given: `FILE -o OUT [--date D] [--template T]`.
struct Export {
    input: PathBuf,
    output: PathBuf,
    date: PrintDate,
    template: Option<crate::template::Chosen>,
}

impl Export {
    fn parse(args: &[String], today: PrintDate, usage: &str) -> Result<Export, String> {
        let mut input = None;
        let mut output = None;
        let mut date = today;
        let mut template = None;
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            match arg.as_str() {
                "-o" | "--output" => output = rest.next().map(PathBuf::from),
                "--template" => {
                    template = Some(templates::named(rest.next().ok_or(usage)?)?);
                }
                "--date" => date = date_argument(rest.next().ok_or(usage)?)?,
                other if input.is_none() && !other.starts_with('-') => {
                    input = Some(PathBuf::from(other));
                }
                _ => return Err(usage.to_owned()),
            }
        }
        let (Some(input), Some(output)) = (input, output) else {
            return Err(usage.to_owned());
        };
        Ok(Export {
            input,
            output,
            date,
            template,
        })
    }

    /// The project, and its document under the chosen template (or its own).
    fn load(&self) -> Result<(Project, crate::document::Document), String> {
        let project = storage::load(&self.input).map_err(|e| e.to_string())?;
        let doc = templates::document_with(&project, self.template.as_deref());
        Ok((project, doc))
    }

    fn write(&self, bytes: &[u8]) -> Result<(), String> {
        storage::replace_file(&self.output, bytes).map_err(|e| e.to_string())
    }
}

fn pdf_command(args: &[String], today: PrintDate, out: &mut dyn Write) -> Result<i32, String> {
    let usage = "用法：juesuan pdf 文件 -o 输出.pdf [--date 2024-05-31] [--template 模板]";
    let export = Export::parse(args, today, usage)?;
    // The printer's fonts are parsed (about 4 ms) while the project is read and its document
    // made (about 4 ms for the example), on the two threads the layout then uses.
    let (loaded, printer) = rayon::join(|| export.load(), Printer::shared);
    let (_, doc) = loaded?;
    let pages = printer
        .layout_once(&doc, export.date)
        .map_err(|e| e.to_string())?;
    export.write(&pages.pdf().map_err(|e| e.to_string())?)?;
    let _ = writeln!(
        out,
        "已生成 PDF：{}（{} 页）",
        export.output.display(),
        pages.count()
    );
    free_in_background((pages, doc));
    Ok(EXIT_OK)
}

/// Frees `value` on a thread of its own: the command's output is written, and the process exits
/// (`main`) without waiting for what it made to be freed piece by piece (at 50× the laid-out
/// pages took 16 ms). A process that goes on (a test) still frees it all.
fn free_in_background<T: Send + 'static>(value: T) {
    std::thread::spawn(move || drop(value));
}

fn docx_command(args: &[String], today: PrintDate, out: &mut dyn Write) -> Result<i32, String> {
    let usage = "用法：juesuan docx 文件 -o 输出.docx [--date 2024-05-31] [--template 模板]";
    let export = Export::parse(args, today, usage)?;
    let (_, doc) = export.load()?;
    export.write(&crate::office::docx::document(&doc, export.date)?)?;
    let _ = writeln!(out, "已生成 Word 文档：{}", export.output.display());
    Ok(EXIT_OK)
}

fn xlsx_command(args: &[String], today: PrintDate, out: &mut dyn Write) -> Result<i32, String> {
    let usage = "用法：juesuan xlsx 文件 -o 输出.xlsx [--template 模板]";
    let export = Export::parse(args, today, usage)?;
    let (project, doc) = export.load()?;
    // A department's workbook has its figures by member after the tables.
    let (extra, missing) = crate::consolidate::workbook_sheets(Some(&export.input), &project);
    if let Some(missing) = missing {
        let _ = writeln!(out, "{missing}");
    }
    export.write(&crate::office::xlsx::tables_with(&doc, &extra)?)?;
    let sheets = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, crate::document::Block::Table(_)))
        .count()
        + extra.len();
    let _ = writeln!(
        out,
        "已生成 Excel：{}（{sheets} 张表）",
        export.output.display()
    );
    Ok(EXIT_OK)
}

fn next_year_command(args: &[String], at: SaveTime, out: &mut dyn Write) -> Result<i32, String> {
    let usage = "用法：juesuan next-year 文件 -o 新文件";
    let [input, flag, output] = args else {
        return Err(usage.to_owned());
    };
    if flag != "-o" && flag != "--output" {
        return Err(usage.to_owned());
    }
    let (input, output) = (PathBuf::from(input), PathBuf::from(output));
    // A new year never replaces a project: not this year's, not another one.
    if output.exists() {
        return Err(format!(
            "{} 已经存在；下一年度的项目要写到新文件，请换一个文件名",
            output.display()
        ));
    }
    let project = storage::load(&input).map_err(|e| e.to_string())?;
    let catalog = crate::catalog::Catalog::builtin(project.unit.year + 1).ok();
    let next = crate::next_year::next_year(&project, catalog.as_ref());
    storage::save(&output, &next.project, at).map_err(|e| e.to_string())?;
    let _ = writeln!(
        out,
        "已建立 {} 年度项目：{}\n上年的数字已作为上年数，年末结转和结余已作为年初结转和结余（已锁定）；本年金额待录入。",
        next.project.unit.year,
        output.display()
    );
    if !next.review.is_empty() {
        let _ = writeln!(out, "请复核：");
        for item in &next.review {
            let _ = writeln!(out, "  {item}");
        }
    }
    Ok(EXIT_OK)
}

fn bundle_command(args: &[String], today: PrintDate, out: &mut dyn Write) -> Result<i32, String> {
    let usage = "用法：juesuan bundle 文件 -o 文件夹 [--date 2024-05-31]，或 juesuan bundle --verify 文件夹";
    if let [flag, dir] = args
        && flag == "--verify"
    {
        return verify_bundle(&PathBuf::from(dir), out);
    }
    let mut input = None;
    let mut output = None;
    let mut date = today;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "-o" | "--output" => output = rest.next().map(PathBuf::from),
            "--date" => date = date_argument(rest.next().ok_or(usage)?)?,
            other if input.is_none() && !other.starts_with('-') => {
                input = Some(PathBuf::from(other));
            }
            _ => return Err(usage.to_owned()),
        }
    }
    let (Some(input), Some(dir)) = (input, output) else {
        return Err(usage.to_owned());
    };
    // A bundle is written into a new or empty folder: it never mixes with or replaces files.
    crate::bundle::check_target(&dir)?;
    let project = storage::load(&input).map_err(|e| e.to_string())?;
    let doc = templates::document_with(&project, None);
    let report = checks::report::build(&project, date.date());
    let (sheets, missing) = crate::consolidate::workbook_sheets(Some(&input), &project);
    if let Some(missing) = missing {
        let _ = writeln!(out, "{missing}");
    }
    let files = crate::bundle::make(&doc, &report, &sheets, date, &mut |name| {
        let _ = writeln!(out, "正在生成：{name}");
    })?;
    crate::bundle::write(&dir, &files)?;
    let _ = writeln!(
        out,
        "已写出公开文件包：{}（{} 个文件，清单中有每个文件的 SHA-256）",
        dir.display(),
        files.len()
    );
    let (errors, _, _) = report.counts();
    if errors > 0 {
        let _ = writeln!(out, "注意：审核还有 {errors} 个错误，见审核报告");
    }
    Ok(EXIT_OK)
}

/// Checks the files of a bundle against its manifest: 0 when every one is as generated, 1
/// when any differs or is missing.
fn verify_bundle(dir: &std::path::Path, out: &mut dyn Write) -> Result<i32, String> {
    let manifest_path = dir.join(crate::bundle::MANIFEST);
    let text = std::fs::read_to_string(&manifest_path).map_err(|e| {
        format!(
            "无法读取清单 {}：{}",
            manifest_path.display(),
            storage::io_message(&e)
        )
    })?;
    let manifest: crate::bundle::Manifest = serde_json::from_str(&text)
        .map_err(|e| format!("清单 {} 无法读取：{e}", manifest_path.display()))?;
    let problems = crate::bundle::verify(&manifest, &|name| std::fs::read(dir.join(name)).ok());
    if problems.is_empty() {
        let _ = writeln!(
            out,
            "{} 个文件都与清单一致（{}{}年度，{}）",
            manifest.files.len(),
            manifest.unit,
            manifest.year,
            manifest.date
        );
        Ok(EXIT_OK)
    } else {
        for p in &problems {
            let _ = writeln!(out, "{p}");
        }
        Ok(EXIT_FINDINGS)
    }
}

fn paths_command(args: &[String], out: &mut dyn Write) -> Result<i32, String> {
    let path = one_file(args, "juesuan paths 文件")?;
    let project = storage::load(&path).map_err(|e| e.to_string())?;
    for field in project.fields() {
        let _ = writeln!(
            out,
            "{}\t{}\t{}",
            field.path,
            field.label,
            kind_label(field.kind, project.settings.entry_unit)
        );
    }
    Ok(EXIT_OK)
}

/// What a field holds, for `juesuan paths`.
fn kind_label(kind: FieldKind, unit: crate::money::EntryUnit) -> String {
    match kind {
        FieldKind::Amount { optional, signed } => format!(
            "金额（{}{}{}）",
            unit.label(),
            if optional { "，可空" } else { "" },
            if signed { "，可为负" } else { "" }
        ),
        FieldKind::Count => "数量（可空）".to_owned(),
        FieldKind::Year => "年度".to_owned(),
        FieldKind::Date => "日期（如 2024-05-31，可空）".to_owned(),
        FieldKind::Text => "文字".to_owned(),
        FieldKind::OptionalText => "文字（可空）".to_owned(),
        FieldKind::Lines => "多行文字（每行一项）".to_owned(),
        FieldKind::Decimal { optional } => {
            format!("数字{}", if optional { "（可空）" } else { "" })
        }
        FieldKind::Choice(values) => format!("选项：{}", values.join("、")),
    }
}

fn get_command(args: &[String], out: &mut dyn Write) -> Result<i32, String> {
    let [file, field] = args else {
        return Err("用法：juesuan get 文件 路径".to_owned());
    };
    let project = storage::load(&PathBuf::from(file)).map_err(|e| e.to_string())?;
    let value = project.get(field).map_err(|e| e.to_string())?;
    let text = match &value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        serde_json::Value::Number(n) => n.to_string(),
        other => serde_json::to_string_pretty(other).unwrap_or_default(),
    };
    let _ = writeln!(out, "{text}");
    Ok(EXIT_OK)
}

fn set_command(args: &[String], at: SaveTime, out: &mut dyn Write) -> Result<i32, String> {
    let [file, field, value] = args else {
        return Err("用法：juesuan set 文件 路径 值".to_owned());
    };
    let path = PathBuf::from(file);
    let mut project = storage::load(&path).map_err(|e| e.to_string())?;
    project.set(field, value).map_err(|e| e.to_string())?;
    storage::save(&path, &project, at).map_err(|e| e.to_string())?;
    let shown = project.get(field).map_err(|e| e.to_string())?;
    let shown = match &shown {
        serde_json::Value::Null => "（未填写）".to_owned(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let _ = writeln!(out, "已修改 {field}：{shown}");
    Ok(EXIT_OK)
}
