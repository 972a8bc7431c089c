//! Reading the year's 科目表 that the local 财政 hands out: an `.xlsx`/`.xls` workbook (every
//! sheet) or a `.csv` file, its columns found by their headers (科目编码 and 科目名称, or 类/款/项
//! codes in columns of their own), into codes and names the project keeps as its catalog edition.
//!
//! Reading never changes a project: [`TableFile`] is what the file holds, every row that could not
//! be read with its place and reason; [`TableFile::changes`] is what importing it would change;
//! [`TableFile::edition`] is the edition to keep, applied as one edit or not at all.

use std::collections::BTreeMap;
use std::path::Path;

use super::Catalog;
use crate::model::{CatalogEdition, Classification, limits};

/// The largest 科目表 file read, in bytes (a national table as .xlsx is well under 1 MiB).
pub const FILE_BYTES: u64 = 32 * 1024 * 1024;

/// How many rows at the top of a sheet are searched for the header row.
const HEADER_ROWS: usize = 30;

/// A row that could not be read: where it is and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// The sheet, for a workbook.
    pub sheet: Option<String>,
    /// The 1-based row number as the spreadsheet shows it.
    pub row: usize,
    /// What is wrong, in Chinese.
    pub reason: String,
}

impl std::fmt::Display for Rejected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.sheet {
            Some(sheet) => write!(f, "工作表“{sheet}”第 {} 行：{}", self.row, self.reason),
            None => write!(f, "第 {} 行：{}", self.row, self.reason),
        }
    }
}

/// What a 科目表 file holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableFile {
    /// The codes read, by classification: code → name.
    pub codes: BTreeMap<Classification, BTreeMap<String, String>>,
    /// The rows that could not be read, in file order.
    pub rejected: Vec<Rejected>,
    /// The sheets (of a workbook) that had a header row and were read.
    pub sheets: Vec<String>,
}

/// Why a file could not be read as a 科目表 at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file could not be opened or is not a workbook or text file.
    Read(String),
    /// No sheet has a row with the 科目编码 and 科目名称 headers.
    NoHeader,
    /// The header was found, but no row below it holds a code.
    NoCodes,
    /// More codes than a project keeps.
    TooMany(usize),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Read(m) => write!(f, "无法读取科目表：{m}"),
            ImportError::NoHeader => write!(
                f,
                "没有找到科目表的表头：应有一行含“科目编码”和“科目名称”两列（或“类”“款”“项”编码列和“科目名称”列）"
            ),
            ImportError::NoCodes => write!(f, "表头下没有任何科目"),
            ImportError::TooMany(n) => write!(
                f,
                "科目表有 {n} 个科目，超过项目可保存的 {} 个",
                limits::CATALOG_CODES
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// What importing a 科目表 would change in the catalog a project uses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Codes the catalog did not have: classification, code, name.
    pub added: Vec<(Classification, String, String)>,
    /// Codes whose name changes: classification, code, old name, new name.
    pub renamed: Vec<(Classification, String, String, String)>,
    /// Codes the catalog already has under the same name.
    pub unchanged: usize,
}

impl Changes {
    /// Whether importing changes nothing.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.renamed.is_empty()
    }
}

impl TableFile {
    /// How many codes were read.
    pub fn len(&self) -> usize {
        self.codes.values().map(BTreeMap::len).sum()
    }

    /// Whether no code was read.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// What importing this table changes in `current`, the catalog the project uses now.
    pub fn changes(&self, current: &Catalog) -> Changes {
        let mut changes = Changes::default();
        for (&of, codes) in &self.codes {
            for (code, name) in codes {
                let known = match of {
                    Classification::Functional => current.functional(code),
                    Classification::Economic => current.economic(code),
                };
                match known {
                    None => changes.added.push((of, code.clone(), name.clone())),
                    Some(e) if e.name != *name => {
                        changes
                            .renamed
                            .push((of, code.clone(), e.name.clone(), name.clone()));
                    }
                    Some(_) => changes.unchanged += 1,
                }
            }
        }
        changes
    }

    /// The edition a project keeps after importing this table over `previous`: each
    /// classification the table holds replaces the previous one's, the others stay.
    pub fn edition(&self, previous: Option<&CatalogEdition>, source: &str) -> CatalogEdition {
        let mut edition = previous.cloned().unwrap_or_default();
        edition.source = source.to_owned();
        for (&of, codes) in &self.codes {
            *edition.codes_mut(of) = codes.clone();
        }
        edition
    }
}

/// What a clerk reads before importing: what the file holds, what would change, which rows could
/// not be read. Each list shows at most `limit` rows and says how many more there are.
pub fn preview(file: &TableFile, changes: &Changes, limit: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let by = |of: Classification| file.codes.get(&of).map_or(0, BTreeMap::len);
    let mut read = format!(
        "读到 {} 个科目（支出功能分类 {} 个，支出经济分类 {} 个）",
        file.len(),
        by(Classification::Functional),
        by(Classification::Economic)
    );
    if !file.sheets.is_empty() {
        read.push_str(&format!("，工作表：{}", file.sheets.join("、")));
    }
    lines.push(read);
    let list = |lines: &mut Vec<String>, title: String, rows: Vec<String>| {
        if rows.is_empty() {
            return;
        }
        lines.push(title);
        let more = rows.len().saturating_sub(limit);
        lines.extend(rows.into_iter().take(limit).map(|r| format!("  {r}")));
        if more > 0 {
            lines.push(format!("  …… 另有 {more} 个"));
        }
    };
    list(
        &mut lines,
        format!("新增 {} 个科目：", changes.added.len()),
        changes
            .added
            .iter()
            .map(|(of, code, name)| format!("{code} {name}（{}）", of.label()))
            .collect(),
    );
    list(
        &mut lines,
        format!("改名 {} 个科目：", changes.renamed.len()),
        changes
            .renamed
            .iter()
            .map(|(_, code, old, new)| format!("{code} {old} → {new}"))
            .collect(),
    );
    if changes.unchanged > 0 {
        lines.push(format!("{} 个科目与现用科目表相同", changes.unchanged));
    }
    list(
        &mut lines,
        format!("无法读取 {} 行（不会导入）：", file.rejected.len()),
        file.rejected.iter().map(ToString::to_string).collect(),
    );
    lines
}

/// Reads a 科目表 file: `.csv` and `.txt` as delimited text, anything else as a workbook.
pub fn read_file(path: &Path) -> Result<TableFile, ImportError> {
    let bytes = crate::storage::read_import(path, FILE_BYTES).map_err(ImportError::Read)?;
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if matches!(ext.as_str(), "csv" | "txt") {
        read_csv(&bytes)
    } else {
        read_workbook(bytes)
    }
}

/// Reads a delimited text file: UTF-8 (with or without BOM) or, as Excel on a Chinese Windows
/// saves CSV, GB18030/GBK; comma-, tab- or semicolon-separated.
pub fn read_csv(bytes: &[u8]) -> Result<TableFile, ImportError> {
    let text = decode(bytes);
    let delimiter = [b',', b'\t', b';']
        .into_iter()
        .max_by_key(|d| {
            text.lines()
                .take(HEADER_ROWS)
                .map(|l| l.bytes().filter(|b| b == d).count())
                .sum::<usize>()
        })
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ImportError::Read(format!("第 {} 行：{e}", i + 1)))?;
        rows.push((i + 1, record.iter().map(str::to_owned).collect()));
    }
    let mut file = TableFile::default();
    if !read_rows(None, rows, &mut file) {
        return Err(ImportError::NoHeader);
    }
    finish(file)
}

/// Reads every sheet of an `.xlsx`, `.xls`, `.xlsb` or `.ods` workbook that has a header row.
pub fn read_workbook(bytes: Vec<u8>) -> Result<TableFile, ImportError> {
    use calamine::Reader;
    let mut workbook =
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|_| {
            ImportError::Read(
                "文件不是 Excel 工作簿（.xlsx、.xls）或已损坏；也可以把科目表另存为 .csv 再导入"
                    .to_owned(),
            )
        })?;
    let mut file = TableFile::default();
    let mut any = false;
    for (sheet, range) in workbook.worksheets() {
        let first_row = range.start().map_or(0, |(r, _)| r as usize);
        let first_col = range.start().map_or(0, |(_, c)| c as usize);
        let rows = range.rows().enumerate().map(|(i, cells)| {
            let mut row = vec![String::new(); first_col];
            row.extend(cells.iter().map(cell_text));
            (first_row + i + 1, row)
        });
        if read_rows(Some(&sheet), rows.collect(), &mut file) {
            file.sheets.push(sheet);
            any = true;
        }
    }
    if !any {
        return Err(ImportError::NoHeader);
    }
    finish(file)
}

fn finish(file: TableFile) -> Result<TableFile, ImportError> {
    if file.is_empty() && file.rejected.is_empty() {
        return Err(ImportError::NoCodes);
    }
    if file.len() > limits::CATALOG_CODES {
        return Err(ImportError::TooMany(file.len()));
    }
    Ok(file)
}

fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::GB18030.decode(bytes).0.into_owned(),
    }
}

/// A cell as text: numbers without a fractional part as integers (a code typed into Excel is a
/// number: 2010101, not 2010101.0).
fn cell_text(cell: &calamine::Data) -> String {
    use calamine::Data;
    match cell {
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.to_string(),
        Data::Error(e) => format!("#{e:?}"),
        Data::Empty => String::new(),
    }
}

/// The columns of a header row.
#[derive(Clone, Copy, Debug, Default)]
struct Columns {
    code: Option<usize>,
    class: Option<usize>,
    section: Option<usize>,
    item: Option<usize>,
    name: usize,
}

/// A header cell without spaces, full-width spaces or line breaks (科目\n编码).
fn squeeze(cell: &str) -> String {
    cell.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect()
}

fn header(row: &[String]) -> Option<Columns> {
    let cells: Vec<String> = row.iter().map(|c| squeeze(c)).collect();
    let find =
        |pred: &dyn Fn(usize, &str) -> bool| cells.iter().enumerate().position(|(i, c)| pred(i, c));
    let code = find(&|_, c| c.contains("编码") || c.contains("代码") || c == "科目号");
    // 科目名称; else the code column when it holds both (科目编码及名称).
    let name = find(&|i, c| c.contains("名称") && Some(i) != code)
        .or(code.filter(|&i| cells[i].contains("名称")))?;
    let level = |label: &str| find(&|_, c| c == label || *c == format!("{label}级"));
    let columns = Columns {
        code,
        class: level("类"),
        section: level("款"),
        item: level("项"),
        name,
    };
    (columns.code.is_some() || columns.class.is_some()).then_some(columns)
}

/// Half-width digits of a code cell, or `None` when it has other characters (a name, 合计).
fn digits(cell: &str) -> String {
    cell.trim()
        .trim_matches(|c| matches!(c, '[' | ']' | '【' | '】' | '\''))
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(crate::money::narrow)
        .collect()
}

/// Reads the rows of one sheet into `file`; returns whether it had a header row.
fn read_rows(sheet: Option<&str>, rows: Vec<(usize, Vec<String>)>, file: &mut TableFile) -> bool {
    let Some(start) = rows
        .iter()
        .take(HEADER_ROWS)
        .position(|(_, cells)| header(cells).is_some())
    else {
        return false;
    };
    let Some(columns) = header(&rows[start].1) else {
        return false;
    };
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let (mut class, mut section) = (String::new(), String::new());
    for (row, cells) in rows.into_iter().skip(start + 1) {
        let cell = |i: Option<usize>| {
            i.and_then(|i| cells.get(i))
                .map(|c| c.trim().to_owned())
                .unwrap_or_default()
        };
        let filled: Vec<&str> = cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        // An empty row, or a note under the table (注：…, 说明：…) in a cell of its own.
        match filled.as_slice() {
            [] => continue,
            [note] if ["注", "说明", "备注"].iter().any(|p| note.starts_with(p)) => continue,
            _ => {}
        }
        let mut name = cell(Some(columns.name));
        let mut code = match columns.code {
            Some(_) => digits(&cell(columns.code)),
            None => String::new(),
        };
        // 类/款/项 columns: a 款 or 项 row carries only its own two digits.
        if code.is_empty() && columns.class.is_some() {
            let (c, s, i) = (
                digits(&cell(columns.class)),
                digits(&cell(columns.section)),
                digits(&cell(columns.item)),
            );
            if !c.is_empty() {
                class = c.clone();
                section.clear();
            }
            if !s.is_empty() {
                section = s.clone();
            }
            code = match (c.is_empty(), s.is_empty(), i.is_empty()) {
                (false, true, true) => c,
                (_, false, true) => format!("{class}{s}"),
                (_, _, false) => format!("{class}{section}{i}"),
                (true, true, true) => String::new(),
            };
        }
        // "2010101 行政运行" in one cell, the name column empty or the same column.
        let raw = cell(columns.code);
        let split = raw.find(|c: char| !c.is_ascii_digit()).unwrap_or(raw.len());
        if split > 0 && split < raw.len() && (name.is_empty() || name == raw) {
            name = raw[split..].trim().to_owned();
            code = raw[..split].to_owned();
        }
        let reject = |reason: String| Rejected {
            sheet: sheet.map(str::to_owned),
            row,
            reason,
        };
        let of = match Classification::of_code(&code) {
            Ok(of) => of,
            Err(reason) => {
                let reason = if code.is_empty() && !name.is_empty() {
                    format!("“{name}”没有科目编码")
                } else {
                    reason
                };
                file.rejected.push(reject(reason));
                continue;
            }
        };
        if name.is_empty() {
            file.rejected
                .push(reject(format!("科目编码“{code}”没有科目名称")));
            continue;
        }
        if name.chars().count() > limits::SHORT_TEXT {
            file.rejected.push(reject(format!(
                "科目“{code}”的名称超过 {} 个字",
                limits::SHORT_TEXT
            )));
            continue;
        }
        let codes = file.codes.entry(of).or_default();
        match codes.get(&code) {
            Some(existing) if *existing == name => {}
            Some(existing) => {
                let at = seen
                    .get(&code)
                    .map_or(String::new(), |r| format!("第 {r} 行"));
                file.rejected.push(reject(format!(
                    "科目编码“{code}”重复：{at}已是“{existing}”，这里是“{name}”"
                )));
            }
            None => {
                seen.insert(code.clone(), row);
                codes.insert(code, name);
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn functional(file: &TableFile) -> &BTreeMap<String, String> {
        &file.codes[&Classification::Functional]
    }

    #[test]
    fn csv_with_a_title_row_and_both_classifications() {
        let text = "2025年政府收支分类科目\n科目编码,科目名称,说明\n205,教育支出,\n20502,普通教育,\n2050201,学前教育,反映…\n30101,基本工资,\n";
        let file = read_csv(text.as_bytes()).unwrap();
        assert_eq!(functional(&file).len(), 3);
        assert_eq!(functional(&file)["2050201"], "学前教育");
        assert_eq!(file.codes[&Classification::Economic]["30101"], "基本工资");
        assert!(file.rejected.is_empty());
    }

    #[test]
    fn gbk_csv_as_excel_saves_it() {
        let (bytes, _, _) = encoding_rs::GBK
            .encode("科目编码,科目名称\r\n2080901,军队移交政府的离退休人员安置\r\n");
        let file = read_csv(&bytes).unwrap();
        assert_eq!(functional(&file)["2080901"], "军队移交政府的离退休人员安置");
    }

    #[test]
    fn class_section_item_columns_carry_the_upper_levels() {
        let text = "类,款,项,科目名称\n208,,,社会保障和就业支出\n,09,,退役安置\n,,01,军队移交政府的离退休人员安置\n,,02,军队移交政府离退休干部管理机构\n";
        let file = read_csv(text.as_bytes()).unwrap();
        let codes: Vec<&str> = functional(&file).keys().map(String::as_str).collect();
        assert_eq!(codes, ["208", "20809", "2080901", "2080902"]);
    }

    #[test]
    fn bad_rows_are_listed_with_their_row_and_the_rest_is_read() {
        let text = "科目编码,科目名称\n2050201,学前教育\n20502x,普通教育\n2050202,\n,没有编码的行\n2050201,小学教育\n注：本表为示例\n";
        let file = read_csv(text.as_bytes()).unwrap();
        assert_eq!(functional(&file).len(), 1);
        let rows: Vec<usize> = file.rejected.iter().map(|r| r.row).collect();
        assert_eq!(rows, [3, 4, 5, 6]);
        assert!(file.rejected[0].reason.contains("只含数字"));
        assert!(file.rejected[1].reason.contains("没有科目名称"));
        assert!(file.rejected[2].reason.contains("没有科目编码"));
        assert!(
            file.rejected[3]
                .to_string()
                .starts_with("第 6 行：科目编码“2050201”重复：第 2 行已是“学前教育”")
        );
    }

    #[test]
    fn a_file_without_a_header_is_refused() {
        assert_eq!(
            read_csv("a,b\n1,2\n".as_bytes()),
            Err(ImportError::NoHeader)
        );
        assert_eq!(
            read_csv("科目编码,科目名称\n".as_bytes()),
            Err(ImportError::NoCodes)
        );
        assert!(matches!(
            read_workbook(b"not a workbook".to_vec()),
            Err(ImportError::Read(_))
        ));
    }

    #[test]
    fn the_code_and_name_in_one_cell() {
        let text = "科目编码及名称,说明\n2010101 行政运行,\n";
        let file = read_csv(text.as_bytes()).unwrap();
        assert_eq!(functional(&file)["2010101"], "行政运行");
    }

    #[test]
    fn changes_and_edition_against_the_builtin_catalog() {
        let catalog = Catalog::builtin(2023).unwrap();
        let text = "科目编码,科目名称\n2010101,行政运行\n2010102,一般行政管理事务（本地）\n2089901,本地试点\n";
        let file = read_csv(text.as_bytes()).unwrap();
        let changes = file.changes(&catalog);
        assert_eq!(changes.unchanged, 1);
        assert_eq!(changes.renamed.len(), 1);
        assert_eq!(changes.added.len(), 1);
        let mut previous = CatalogEdition::default();
        previous.economic.insert("30101".into(), "基本工资".into());
        previous.functional.insert("2000000".into(), "x".into());
        let edition = file.edition(Some(&previous), "科目表.csv");
        assert_eq!(edition.source, "科目表.csv");
        assert_eq!(edition.functional.len(), 3, "functional codes replaced");
        assert_eq!(edition.economic.len(), 1, "economic codes kept");
        assert_eq!(edition.validate(), Ok(()));
    }
}
