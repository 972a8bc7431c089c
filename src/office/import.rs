//! Reading the year's figures from workbooks laid out like the official tables — as the filing
//! tool (决算软件, sheets named like `Z03 支出决算表(财决03表)`) or the 预算管理一体化 system export
//! them, or as juesuan exports them itself.
//!
//! A sheet is known by its title (in its name or first rows) and its columns by their header
//! names, never by position; amounts may be numbers or text (`1,234.56`, `—` for none), in 万元
//! or in 元 as the sheet's 单位 line says. Reading never changes a project: [`FiguresFile`] is
//! what the workbook holds, with every row that could not be read (sheet, row, reason);
//! [`FiguresFile::apply`] makes the project with those figures, and only when every row was
//! read — nothing is ever half-imported. [`changes`] lists what that would change, old → new.
//!
//! What is read: 收入支出决算总表 (the eight revenue sources, 使用非财政拨款结余, 结余分配),
//! 收入决算表 (its rows), 支出决算表 with 一般公共预算 / 政府性基金 / 国有资本经营 财政拨款支出决算表
//! (the expenditure lines by fund and nature), 基本支出决算表 (人员经费 and 公用经费 by 经济分类),
//! and the “三公” table (budget and actual of each part). The 财政拨款收入支出决算总表 restates
//! those figures and is not read.

use std::collections::BTreeMap;
use std::path::Path;

use rust_decimal::Decimal;

use crate::catalog::import::Rejected;
use crate::model::{
    Bridge, ClassNames, CostEntry, EconomicItem, FieldKind, FieldPath, FieldValue, FunctionalLine,
    Fund, Project, REVENUE_SOURCES, RevenueItem, RevenueLine,
};
use crate::money::Wan;

/// The largest workbook read, in bytes.
pub const FILE_BYTES: u64 = 32 * 1024 * 1024;

/// How many rows at the top of a sheet hold its title, 单位 line and headers.
const HEAD_ROWS: usize = 12;

/// Which official table a sheet is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TableKind {
    /// 收入支出决算总表.
    Overview,
    /// 收入决算表.
    Revenue,
    /// 支出决算表.
    Expenditure,
    /// 财政拨款收入支出决算总表 (restates the others; not read).
    AppropriationOverview,
    /// A fund's 财政拨款支出决算表: 一般公共预算 (表5), 政府性基金 (表8), 国有资本经营 (表9).
    FundExpenditure(Fund),
    /// 一般公共预算财政拨款基本支出决算表 (or 明细表).
    BasicCosts,
    /// 一般公共预算财政拨款支出决算明细表 (四川 表7): its 项目支出 by 经济分类 (基本支出's items
    /// come from the 基本支出 table).
    EconomicDetail,
    /// 一般公共预算财政拨款“三公”经费支出决算表.
    ThreePublic,
}

impl TableKind {
    /// The table's name as the clerk knows it.
    pub fn label(self) -> &'static str {
        match self {
            TableKind::Overview => "收入支出决算总表",
            TableKind::Revenue => "收入决算表",
            TableKind::Expenditure => "支出决算表",
            TableKind::AppropriationOverview => "财政拨款收入支出决算总表",
            TableKind::FundExpenditure(Fund::GovernmentFund) => {
                "政府性基金预算财政拨款收入支出决算表"
            }
            TableKind::FundExpenditure(Fund::StateCapital) => "国有资本经营预算财政拨款支出决算表",
            TableKind::FundExpenditure(_) => "一般公共预算财政拨款支出决算表",
            TableKind::BasicCosts => "一般公共预算财政拨款基本支出决算表",
            TableKind::EconomicDetail => "一般公共预算财政拨款支出决算明细表",
            TableKind::ThreePublic => "一般公共预算财政拨款“三公”经费支出决算表",
        }
    }

    /// The table a sheet's name and first rows name, the most specific name first (支出决算表
    /// is in the names of four tables).
    fn of(text: &str) -> Option<TableKind> {
        let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        // 西藏 titles every table "…决算公开表" (收入支出决算公开表, 收入决算公开表…).
        let text = text.replace("决算公开表", "决算表");
        let has = |s: &str| text.contains(s);
        // 浙江's 收入决算表（分单位） and 支出决算表（分单位） restate the totals by unit.
        if has("分单位") {
            return None;
        }
        Some(if has("基本支出决算") {
            // 北京's 政府性基金预算财政拨款基本支出决算表 is laid out as 表6 but is not 表6.
            if has("政府性基金") || has("国有资本经营") {
                return None;
            }
            // 甘肃, 广西, 湖南 and 四川 2024 title it 基本支出决算明细表.
            TableKind::BasicCosts
        } else if has("三公") {
            TableKind::ThreePublic
        } else if has("一般公共预算财政拨款支出决算明细表") {
            TableKind::EconomicDetail
        } else if has("项目支出决算表") || has("财政拨款支出决算明细表") {
            // 一般公共预算财政拨款项目支出决算表 (四川 表9, 云南 表7) and 四川's 表5 财政拨款支出
            // 决算明细表 restate the lines read from 表3 and the funds' tables.
            return None;
        } else if has("政府性基金预算财政拨款") && has("决算表") {
            TableKind::FundExpenditure(Fund::GovernmentFund)
        } else if has("国有资本经营预算财政拨款") && has("决算表") {
            TableKind::FundExpenditure(Fund::StateCapital)
        } else if has("一般公共预算财政拨款支出决算表") || has("一般公共预算财政拨款收入支出决算表")
        {
            // 云南 and 北京 表5 is the 一般公共预算 收入支出决算表: the fund's lines, as
            // 政府性基金's.
            TableKind::FundExpenditure(Fund::GeneralBudget)
        } else if has("财政拨款收入支出决算") {
            // 总表, or 云南's 表四 财政拨款收入支出决算表.
            TableKind::AppropriationOverview
        } else if has("收入支出决算") {
            // 总表, or 云南's 表一 收入支出决算表.
            TableKind::Overview
        } else if has("收入决算表") || has("收入决算总表") {
            // 陕西 titles 表2 and 表3 收入决算总表 and 支出决算总表.
            TableKind::Revenue
        } else if has("支出决算表") || has("支出决算总表") {
            TableKind::Expenditure
        } else {
            return None;
        })
    }
}

/// Why a workbook could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file could not be opened or is not a workbook.
    Read(String),
    /// No sheet is one of the tables read.
    NoTable,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Read(m) => write!(f, "无法读取工作簿：{m}"),
            ImportError::NoTable => write!(
                f,
                "工作簿中没有可导入的决算表：工作表名称或标题应为收入支出决算总表、收入决算表、支出决算表、一般公共预算财政拨款支出决算表、基本支出决算表或“三公”经费支出决算表"
            ),
        }
    }
}

/// The natures of one expenditure line, as the 支出决算表 columns give them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Natures {
    basic: Wan,
    project: Wan,
    remitted: Wan,
    business: Wan,
    subsidies: Wan,
}

impl Natures {
    fn minus(self, o: Natures) -> Natures {
        Natures {
            basic: self.basic - o.basic,
            project: self.project - o.project,
            remitted: self.remitted - o.remitted,
            business: self.business - o.business,
            subsidies: self.subsidies - o.subsidies,
        }
    }

    fn plus(self, o: Natures) -> Natures {
        Natures {
            basic: self.basic + o.basic,
            project: self.project + o.project,
            remitted: self.remitted + o.remitted,
            business: self.business + o.business,
            subsidies: self.subsidies + o.subsidies,
        }
    }

    fn is_zero(self) -> bool {
        self == Natures::default()
    }

    fn any_negative(self) -> bool {
        [
            self.basic,
            self.project,
            self.remitted,
            self.business,
            self.subsidies,
        ]
        .iter()
        .any(|w| w.is_negative())
    }
}

/// The “三公” table's columns: budget or actual of one part (and of 会议费 and 培训费, which
/// 陕西's table lists beside them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum ThreePart {
    Overseas,
    VehiclePurchase,
    VehicleOperation,
    Reception,
    Meetings,
    Training,
}

impl ThreePart {
    /// The part a column heading or a row's name names (因公出国（境）费, 公务用车购置费, 公务用车
    /// 运行（维护）费, 公务接待费, 会议费, 培训费); `None` for the vehicles' subtotal (公务用车购置及运行费, 小计)
    /// and anything else. A heading read down its header rows starts with its group's name
    /// (公务用车购置及运行费 / 公务用车运行费): the part is what follows it.
    fn named(label: &str) -> Option<ThreePart> {
        let part = ["购置及运行维护费", "购置及运行费"]
            .iter()
            .find_map(|group| label.split_once(group).map(|(_, rest)| rest))
            .unwrap_or(label);
        if part.contains("出国") {
            Some(ThreePart::Overseas)
        } else if part.contains("购置费") {
            Some(ThreePart::VehiclePurchase)
        } else if part.contains("运行") {
            Some(ThreePart::VehicleOperation)
        } else if part.contains("接待") {
            Some(ThreePart::Reception)
        } else if part.contains("会议费") {
            Some(ThreePart::Meetings)
        } else if part.contains("培训费") {
            Some(ThreePart::Training)
        } else {
            None
        }
    }
}

/// What the workbook's sheets hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FiguresFile {
    /// The sheets read, and as which table.
    pub tables: Vec<(String, TableKind)>,
    /// Sheets left alone, and why.
    pub skipped: Vec<String>,
    /// Rows that could not be read.
    pub rejected: Vec<Rejected>,
    revenue: BTreeMap<RevenueItem, Wan>,
    bridges: BTreeMap<Bridge, Wan>,
    revenue_lines: Option<Vec<RevenueLine>>,
    expenditure: Option<BTreeMap<String, Natures>>,
    funds: BTreeMap<Fund, BTreeMap<String, Natures>>,
    /// 经济分类 款 items of 人员经费 and 公用经费, and the totals when only those are given.
    economic: Option<(Vec<EconomicItem>, Option<Wan>, Option<Wan>)>,
    /// 项目支出's 经济分类 款 items, from 一般公共预算财政拨款支出决算明细表.
    project_economic: Option<Vec<EconomicItem>>,
    three_public: BTreeMap<(bool, ThreePart), Wan>,
    /// Where each line of the 支出决算表 was read (sheet and row), for the messages of `apply`.
    places: BTreeMap<String, (String, usize)>,
    /// The 科目名称 of each 类, 款 and 项 code the sheets list: the names of a code the catalog
    /// does not know.
    names: BTreeMap<String, String>,
}

/// A cell: its text as shown, and its number when it is one.
#[derive(Clone, Debug, Default)]
struct Cell {
    text: String,
    number: Option<Decimal>,
}

/// Reads an `.xlsx` or `.xls` workbook.
pub fn read_file(path: &Path) -> Result<FiguresFile, ImportError> {
    read_workbook(crate::storage::read_import(path, FILE_BYTES).map_err(ImportError::Read)?)
}

/// Reads every sheet of a workbook that is one of the tables read.
pub fn read_workbook(bytes: Vec<u8>) -> Result<FiguresFile, ImportError> {
    use calamine::Reader;
    let mut workbook =
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|_| {
            ImportError::Read("文件不是 Excel 工作簿（.xlsx、.xls）或已损坏".to_owned())
        })?;
    let mut file = FiguresFile::default();
    for (name, range) in workbook.worksheets() {
        let first_row = range.start().map_or(0, |(r, _)| r as usize);
        let first_col = range.start().map_or(0, |(_, c)| c as usize);
        let rows: Vec<(usize, Vec<Cell>)> = range
            .rows()
            .enumerate()
            .map(|(i, cells)| {
                let mut row = vec![Cell::default(); first_col];
                row.extend(cells.iter().map(cell));
                (first_row + i + 1, row)
            })
            .collect();
        let head: String = rows
            .iter()
            .take(3)
            .flat_map(|(_, r)| r.iter().map(|c| c.text.as_str()))
            .collect();
        let Some(kind) = TableKind::of(&format!("{name}{head}")) else {
            file.skipped
                .push(format!("工作表“{name}”：不是可导入的决算表"));
            continue;
        };
        if kind == TableKind::AppropriationOverview {
            file.skipped.push(format!(
                "工作表“{name}”：财政拨款收入支出决算总表由其他表的数字汇总，不导入"
            ));
            continue;
        }
        let mut sheet = Sheet {
            name: name.clone(),
            rows,
            scale: Decimal::ONE,
            file: &mut file,
        };
        sheet.scale = sheet.scale_of_unit_line();
        if sheet.read(kind) {
            file.tables.push((name, kind));
        } else {
            file.skipped
                .push(format!("工作表“{name}”：{}没有找到表头", kind.label()));
        }
    }
    if file.tables.is_empty() {
        return Err(ImportError::NoTable);
    }
    Ok(file)
}

fn cell(data: &calamine::Data) -> Cell {
    use calamine::Data;
    match data {
        Data::Int(n) => Cell {
            text: n.to_string(),
            number: Some(Decimal::from(*n)),
        },
        Data::Float(f) => {
            // A code typed into Excel is a number (2013101); an amount keeps its cents.
            let text = if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{f:.0}")
            } else {
                f.to_string()
            };
            Cell {
                number: text.parse().ok(),
                text,
            }
        }
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell {
            text: s.trim().to_owned(),
            number: None,
        },
        Data::Bool(b) => Cell {
            text: b.to_string(),
            number: None,
        },
        Data::DateTime(d) => Cell {
            text: d.to_string(),
            number: None,
        },
        Data::Error(e) => Cell {
            text: format!("#{e:?}"),
            number: None,
        },
        Data::Empty => Cell::default(),
    }
}

/// Letters without spaces, full-width parentheses as half (headers are typed both ways).
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect()
}

/// An amount cell: `None` for empty, "—" or "-"; the reason when it is not a number.
fn amount(cell: &Cell, scale: Decimal) -> Result<Option<Wan>, String> {
    let value = match cell.number {
        Some(n) => n,
        None => {
            let t: String = cell
                .text
                .chars()
                .filter(|c| !matches!(c, ',' | '，' | ' ' | '　'))
                .collect();
            if t.is_empty() || t.chars().all(|c| matches!(c, '—' | '-' | '－' | '/')) {
                return Ok(None);
            }
            t.parse::<Decimal>()
                .map_err(|_| format!("“{}”不是金额", cell.text))?
        }
    };
    Wan::checked(value / scale)
        .map(Some)
        .map_err(|e| format!("“{}”：{e}", cell.text))
}

/// The column headed `name`, or the columns under it (基本支出 split into 人员经费 and
/// 公用经费); none when the sheet has no such column.
fn columns_of(labels: &[String], name: &str) -> Vec<usize> {
    let exact: Vec<usize> = (0..labels.len())
        .filter(|&i| labels[i].ends_with(name))
        .collect();
    if exact.is_empty() {
        (0..labels.len())
            .filter(|&i| labels[i].starts_with(name))
            .collect()
    } else {
        exact
    }
}

/// A row's amounts in `columns` (each the sum of its columns; none is zero), or what is wrong.
fn row_amounts<const N: usize>(
    row: &[Cell],
    columns: &[Vec<usize>; N],
    labels: &[String],
    scale: Decimal,
) -> Result<[Wan; N], String> {
    let mut values = [Wan::ZERO; N];
    for (v, cs) in values.iter_mut().zip(columns) {
        for &c in cs {
            let a = amount(row.get(c).unwrap_or(&Cell::default()), scale)
                .map_err(|e| format!("{}：{e}", labels[c]))?;
            *v += a.unwrap_or(Wan::ZERO);
        }
    }
    Ok(values)
}

/// A row label as the tables write it, without its numbering (一、 （一） 1.) and spaces.
fn label(text: &str) -> String {
    const NUMERALS: &str = "一二三四五六七八九十";
    let t = norm(text);
    let chars: Vec<char> = t.chars().collect();
    let numeral = |c: &char| NUMERALS.contains(*c) || c.is_ascii_digit();
    // （一） or (1)
    if chars.first() == Some(&'(')
        && let Some(close) = chars.iter().position(|c| *c == ')')
        && close > 1
        && chars[1..close].iter().all(numeral)
    {
        return chars[close + 1..].iter().collect();
    }
    // 一、 or 1. or 1、
    let digits = chars.iter().take_while(|c| numeral(c)).count();
    if digits > 0 && matches!(chars.get(digits), Some('、' | '.' | '．')) {
        return chars[digits + 1..].iter().collect();
    }
    t
}

/// Whether a cell meant to hold a code (it starts with a digit) and not a note or label.
fn looks_like_code(text: &str) -> bool {
    norm(text).starts_with(|c: char| c.is_ascii_digit())
}

/// The functional code of a row: 3, 5 or 7 digits (`None` for a 合计 or label row).
fn code_of(text: &str) -> Option<String> {
    let t = norm(text);
    (matches!(t.len(), 3 | 5 | 7) && t.chars().all(|c| c.is_ascii_digit())).then_some(t)
}

struct Sheet<'a> {
    name: String,
    rows: Vec<(usize, Vec<Cell>)>,
    /// What an amount is divided by to be in 万元 (10 000 when the sheet is in 元).
    scale: Decimal,
    file: &'a mut FiguresFile,
}

impl Sheet<'_> {
    fn scale_of_unit_line(&self) -> Decimal {
        for (_, row) in self.rows.iter().take(HEAD_ROWS) {
            for c in row {
                let t = norm(&c.text);
                if let Some(at) = t.find("单位:").or_else(|| t.find("单位：")) {
                    let unit = &t[at..];
                    if unit.contains("万元") {
                        return Decimal::ONE;
                    }
                    if unit.contains('元') {
                        return Decimal::from(10_000);
                    }
                }
            }
        }
        Decimal::ONE
    }

    fn reject(&mut self, row: usize, reason: String) {
        self.file.rejected.push(Rejected {
            sheet: Some(self.name.clone()),
            row,
            reason,
        });
    }

    /// The header: the first row with a cell equal to one of `marks`, and the labels of every
    /// column, the header rows down to the first body row joined (a merged heading over its
    /// sub-columns: 本年支出 + 基本支出). Returns (first body row index, column labels).
    fn header(
        &self,
        marks: &[&str],
        body_starts: impl Fn(&[Cell]) -> bool,
    ) -> Option<(usize, Vec<String>)> {
        let at = self
            .rows
            .iter()
            .take(HEAD_ROWS)
            .position(|(_, r)| r.iter().any(|c| marks.contains(&norm(&c.text).as_str())))?;
        let mut end = at + 1;
        while end < self.rows.len() && end < at + 4 && !body_starts(&self.rows[end].1) {
            end += 1;
        }
        let width = self.rows[at..end]
            .iter()
            .map(|(_, r)| r.len())
            .max()
            .unwrap_or(0);
        // A merged heading's text is in its first cell: carry it right over the empty cells
        // of its row while the row below has headings there.
        let mut labels = vec![String::new(); width];
        for (i, (_, row)) in self.rows[at..end].iter().enumerate() {
            let below = &self.rows[at + i + 1..end];
            let mut carried = String::new();
            for (col, label) in labels.iter_mut().enumerate() {
                let text = row.get(col).map(|c| norm(&c.text)).unwrap_or_default();
                if !text.is_empty() {
                    carried = text.clone();
                    label.push_str(&text);
                } else if below
                    .iter()
                    .any(|(_, b)| b.get(col).is_some_and(|c| !c.text.trim().is_empty()))
                {
                    label.push_str(&carried);
                } else {
                    carried.clear();
                }
            }
        }
        Some((end, labels))
    }

    fn read(&mut self, kind: TableKind) -> bool {
        match kind {
            TableKind::Overview => self.read_overview(),
            TableKind::Revenue => self.read_revenue_lines(),
            TableKind::Expenditure => self.read_lines(None),
            TableKind::FundExpenditure(fund) => self.read_lines(Some(fund)),
            TableKind::BasicCosts => self.read_basic_costs(),
            TableKind::EconomicDetail => self.read_project_economic(),
            TableKind::ThreePublic => self.read_three_public(),
            TableKind::AppropriationOverview => false,
        }
    }

    fn code_body(row: &[Cell]) -> bool {
        row.iter()
            .take(3)
            .any(|c| code_of(&c.text).is_some() || norm(&c.text).contains("合计"))
    }

    /// The code of a body row: a 科目编码 column, or 类/款/项 columns joined.
    fn row_code(row: &[Cell], code_cols: &[usize]) -> String {
        code_cols
            .iter()
            .map(|&c| row.get(c).map(|c| norm(&c.text)).unwrap_or_default())
            .collect()
    }

    /// Keeps the 科目名称 of a row with a code.
    fn note_name(&mut self, code: &str, row: &[Cell], labels: &[String]) {
        if let Some(c) = labels.iter().position(|l| l.contains("科目名称"))
            && let Some(name) = row.get(c).map(|c| c.text.trim().to_owned())
            && !name.is_empty()
        {
            self.file.names.insert(code.to_owned(), name);
        }
    }

    fn code_columns(labels: &[String]) -> Option<Vec<usize>> {
        if let Some(c) = labels.iter().position(|l| l.contains("科目编码")) {
            return Some(vec![c]);
        }
        let find = |n: &str| labels.iter().position(|l| l == n);
        Some(vec![find("类")?, find("款")?, find("项")?])
    }

    /// The 项 rows of a sheet of codes (科目编码, or 类/款/项) with amounts in the columns
    /// `names` head: (row number, code, amounts). 类 and 款 rows are the sums of their 项 rows
    /// and only give their names; a row that cannot be read is rejected. `None` when the sheet
    /// has no code column or none of the first `required` amount columns.
    fn item_rows<const N: usize>(
        &mut self,
        names: [&str; N],
        required: usize,
    ) -> Option<Vec<(usize, String, [Wan; N])>> {
        let (body, labels) = self.header(&["科目编码", "类"], Self::code_body)?;
        let code_cols = Self::code_columns(&labels)?;
        let columns = names.map(|name| columns_of(&labels, name));
        if columns.iter().take(required).any(Vec::is_empty) {
            return None;
        }
        let mut out = Vec::new();
        // The body is read once: taken, so rows can be rejected while it is read.
        let rows = std::mem::take(&mut self.rows);
        for (row_no, row) in rows.into_iter().skip(body) {
            let code = Self::row_code(&row, &code_cols);
            if code.is_empty() || code.contains("合计") {
                continue;
            }
            let Some(code) = code_of(&code) else {
                if looks_like_code(&code) {
                    self.reject(row_no, format!("科目编码“{code}”应为 3、5 或 7 位数字"));
                }
                continue;
            };
            self.note_name(&code, &row, &labels);
            match row_amounts(&row, &columns, &labels, self.scale) {
                Err(reason) => self.reject(row_no, reason),
                Ok(values) if values.iter().any(Wan::is_negative) => {
                    self.reject(row_no, "金额不能为负数".to_owned());
                }
                Ok(values) if code.len() == 7 => out.push((row_no, code, values)),
                Ok(_) => {}
            }
        }
        Some(out)
    }

    /// 支出决算表 (all funds, every nature) or a fund's 财政拨款支出决算表 (基本/项目支出).
    fn read_lines(&mut self, fund: Option<Fund>) -> bool {
        let natures = [
            "基本支出",
            "项目支出",
            "上缴上级支出",
            "经营支出",
            "对附属单位补助支出",
        ];
        let Some(rows) = self.item_rows(natures, 2) else {
            return false;
        };
        let mut lines = BTreeMap::new();
        for (row_no, code, [basic, project, remitted, business, subsidies]) in rows {
            // What does not fit is a line of the 支出决算表: its row is the place to name.
            if fund.is_none() {
                self.file
                    .places
                    .insert(code.clone(), (self.name.clone(), row_no));
            }
            lines.insert(
                code,
                Natures {
                    basic,
                    project,
                    remitted,
                    business,
                    subsidies,
                },
            );
        }
        match fund {
            None => self.file.expenditure = Some(lines),
            Some(f) => {
                self.file.funds.insert(f, lines);
            }
        }
        true
    }

    /// 收入决算表: each 项 row by source.
    fn read_revenue_lines(&mut self) -> bool {
        let sources = [
            "财政拨款收入",
            "上级补助收入",
            "事业收入",
            "经营收入",
            "附属单位上缴收入",
            "其他收入",
        ];
        let Some(rows) = self.item_rows(sources, 1) else {
            return false;
        };
        let lines = rows
            .into_iter()
            .map(
                |(
                    _,
                    code,
                    [
                        appropriation,
                        higher_level_grants,
                        operations,
                        business,
                        from_subsidiaries,
                        other,
                    ],
                )| {
                    RevenueLine {
                        code,
                        names: None,
                        appropriation: Some(appropriation),
                        higher_level_grants: Some(higher_level_grants),
                        operations: Some(operations),
                        business: Some(business),
                        from_subsidiaries: Some(from_subsidiaries),
                        other: Some(other),
                    }
                },
            )
            .collect();
        self.file.revenue_lines = Some(lines);
        true
    }

    /// 收入支出决算总表: the 收入 side's rows by their labels (the first 项目 and 决算数/金额
    /// columns).
    fn read_overview(&mut self) -> bool {
        let Some((body, labels)) = self.header(&["项目"], |_| true) else {
            return false;
        };
        // Each block of the form: a 项目 column and the 决算数 (or 金额) column after it.
        let blocks: Vec<(usize, usize)> = (0..labels.len())
            .filter(|&c| labels[c].contains("项目"))
            .filter_map(|c| {
                let value = (c + 1..labels.len())
                    .take_while(|&i| !labels[i].contains("项目"))
                    .find(|&i| labels[i].contains("决算数") || labels[i].contains("金额"))?;
                Some((c, value))
            })
            .collect();
        if blocks.is_empty() {
            return false;
        }
        // The body is read once: taken, so rows can be rejected while it is read.
        let rows = std::mem::take(&mut self.rows);
        for (row_no, row) in rows.into_iter().skip(body) {
            for &(name_col, value_col) in &blocks {
                let name = label(
                    &row.get(name_col)
                        .map(|c| c.text.clone())
                        .unwrap_or_default(),
                );
                let revenue = RevenueItem::ALL
                    .iter()
                    .copied()
                    .find(|r| name == norm(r.label()));
                let bridge = Bridge::ALL
                    .iter()
                    .copied()
                    .find(|b| name == norm(b.label()));
                if revenue.is_none() && bridge.is_none() {
                    continue;
                }
                match amount(row.get(value_col).unwrap_or(&Cell::default()), self.scale) {
                    Ok(a) => {
                        let a = a.unwrap_or(Wan::ZERO);
                        if a.is_negative() && revenue.is_some() {
                            self.reject(row_no, format!("{name}不能为负数"));
                            continue;
                        }
                        if let Some(r) = revenue {
                            self.file.revenue.insert(r, a);
                        }
                        if let Some(b) = bridge {
                            self.file.bridges.insert(b, a);
                        }
                    }
                    Err(e) => self.reject(row_no, format!("{name}：{e}")),
                }
            }
        }
        true
    }

    /// The header of a table by 经济分类 (its body starts at a 类 or 款 code or a 合计 row).
    fn economic_header(&self) -> Option<(usize, Vec<String>)> {
        self.header(&["科目编码"], |row| {
            row.iter().any(|c| {
                let t = norm(&c.text);
                (t.len() == 5 || t.len() == 3) && t.chars().all(|c| c.is_ascii_digit())
                    || t.contains("合计")
            })
        })
    }

    /// 基本支出决算表: 经济分类 款 rows (5 digits) in one or two blocks of 科目编码/科目名称/决算数,
    /// or only the 人员经费合计 and 公用经费合计.
    fn read_basic_costs(&mut self) -> bool {
        let Some((body, labels)) = self.economic_header() else {
            return false;
        };
        let blocks: Vec<(usize, usize, usize)> = labels
            .iter()
            .enumerate()
            .filter(|(_, l)| l.ends_with("科目编码"))
            .filter_map(|(c, _)| {
                let name = (c + 1..labels.len()).find(|&i| labels[i].ends_with("科目名称"))?;
                let value = (name + 1..labels.len())
                    .find(|&i| labels[i].ends_with("决算数") || labels[i].ends_with("金额"))?;
                Some((c, name, value))
            })
            .collect();
        if blocks.is_empty() {
            return false;
        }
        let mut items = Vec::new();
        let (mut personnel, mut public) = (None, None);
        // The body is read once: taken, so rows can be rejected while it is read.
        let rows = std::mem::take(&mut self.rows);
        for (row_no, row) in rows.into_iter().skip(body) {
            for &(code_col, name_col, value_col) in &blocks {
                let text = |c: usize| row.get(c).map(|c| norm(&c.text)).unwrap_or_default();
                let (code, name) = (text(code_col), text(name_col));
                let value = amount(row.get(value_col).unwrap_or(&Cell::default()), self.scale);
                let total = format!("{code}{name}");
                if total.contains("人员经费合计") || total.contains("公用经费合计") {
                    match value {
                        Ok(v) if total.contains("人员") => personnel = v,
                        Ok(v) => public = v,
                        Err(e) => self.reject(row_no, format!("{total}：{e}")),
                    }
                    continue;
                }
                if code.len() != 5 || !code.chars().all(|c| c.is_ascii_digit()) {
                    if !code.is_empty()
                        && code.chars().all(|c| c.is_ascii_digit())
                        && code.len() != 3
                    {
                        self.reject(row_no, format!("经济分类编码“{code}”应为 5 位数字"));
                    }
                    continue;
                }
                match value {
                    Ok(v) => items.push(EconomicItem {
                        code,
                        name,
                        amount: v,
                    }),
                    Err(e) => self.reject(row_no, format!("{code} {name}：{e}")),
                }
            }
        }
        self.file.economic = Some((items, personnel, public));
        true
    }

    /// 一般公共预算财政拨款支出决算明细表: the 项目支出 column of its 经济分类 款 rows (5 digits);
    /// a 款 without 项目支出 is 基本支出's only and is not an item of it.
    fn read_project_economic(&mut self) -> bool {
        let Some((body, labels)) = self.economic_header() else {
            return false;
        };
        let column = |name: &str| labels.iter().position(|l| l.ends_with(name));
        let (Some(code_col), Some(name_col), Some(value_col)) =
            (column("科目编码"), column("科目名称"), column("项目支出"))
        else {
            return false;
        };
        let mut items = Vec::new();
        let rows = std::mem::take(&mut self.rows);
        for (row_no, row) in rows.into_iter().skip(body) {
            let text = |c: usize| row.get(c).map(|c| norm(&c.text)).unwrap_or_default();
            let (code, name) = (text(code_col), text(name_col));
            if code.len() != 5 || !code.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            match amount(row.get(value_col).unwrap_or(&Cell::default()), self.scale) {
                Ok(Some(v)) if !v.is_zero() => items.push(EconomicItem {
                    code,
                    name,
                    amount: Some(v),
                }),
                Ok(_) => {}
                Err(e) => self.reject(row_no, format!("{code} {name}：{e}")),
            }
        }
        self.file.project_economic = Some(items);
        true
    }

    /// The “三公” table: columns named by 预算数/决算数 and the part.
    fn read_three_public(&mut self) -> bool {
        // The body starts at the first amount, a number or a number typed as text.
        let Some((body, labels)) = self.header(&["预算数", "决算数"], |row| {
            row.iter()
                .any(|c| matches!(amount(c, Decimal::ONE), Ok(Some(_))))
        }) else {
            return false;
        };
        let mut columns = Vec::new();
        for (c, l) in labels.iter().enumerate() {
            let actual = if l.contains("决算") {
                true
            } else if l.contains("预算") {
                false
            } else {
                continue;
            };
            let Some(part) = ThreePart::named(l) else {
                continue;
            };
            columns.push((c, actual, part));
        }
        if columns.is_empty() {
            return self.read_three_public_by_rows(body, &labels);
        }
        let Some((row_no, row)) = self.rows[body..]
            .iter()
            .find(|(_, r)| r.iter().any(|c| !c.text.trim().is_empty()))
            .cloned()
        else {
            return true;
        };
        for (c, actual, part) in columns {
            match amount(row.get(c).unwrap_or(&Cell::default()), self.scale) {
                Ok(v) => {
                    self.file
                        .three_public
                        .insert((actual, part), v.unwrap_or(Wan::ZERO));
                }
                Err(e) => self.reject(row_no, format!("{}：{e}", labels[c])),
            }
        }
        true
    }

    /// The “三公” table laid out by rows, as many provinces print 表7: 项目 | 预算数 | 决算数, a
    /// row per part (合计, 小计, the counts and the 国内/外事 receptions are not parts the
    /// project keeps amounts of, and are passed over).
    fn read_three_public_by_rows(&mut self, body: usize, labels: &[String]) -> bool {
        let find = |word: &str| labels.iter().position(|l| l.contains(word));
        let (Some(budget), Some(actual)) = (find("预算"), find("决算")) else {
            return false;
        };
        let rows: Vec<_> = self.rows[body..].to_vec();
        let mut read = false;
        for (row_no, row) in rows {
            let Some(name) = row
                .iter()
                .map(|c| c.text.trim())
                .find(|t| !t.is_empty() && t.parse::<Decimal>().is_err())
            else {
                continue;
            };
            let passed_over = [
                "合计", "小计", "团组", "人次", "批次", "辆", "国内", "外事", "境外",
            ];
            if passed_over.iter().any(|w| name.contains(w)) {
                continue;
            }
            let Some(part) = ThreePart::named(name) else {
                continue;
            };
            for (c, is_actual) in [(budget, false), (actual, true)] {
                match amount(row.get(c).unwrap_or(&Cell::default()), self.scale) {
                    Ok(v) => {
                        self.file
                            .three_public
                            .insert((is_actual, part), v.unwrap_or(Wan::ZERO));
                        read = true;
                    }
                    Err(e) => self.reject(row_no, format!("{name}{}：{e}", labels[c])),
                }
            }
        }
        read
    }
}

impl FiguresFile {
    /// `project` with the figures read, or why it cannot be: every row that could not be read,
    /// and figures that do not fit the project (a 支出决算表 line smaller than the fund tables
    /// say, a “三公” amount the project keeps in parts). Nothing else of the project changes:
    /// a line's budget, prior figure, names and reasons stay with its code and fund.
    pub fn apply(&self, project: &Project) -> Result<Project, Vec<Rejected>> {
        let mut rejected = self.rejected.clone();
        let mut p = project.clone();
        for (item, amount) in &self.revenue {
            *item.of_mut(&mut p.revenue) = Some(*amount);
        }
        for (bridge, amount) in &self.bridges {
            match bridge {
                Bridge::UseOfNonAppropriationSurplus => {
                    p.balances.use_of_non_appropriation_surplus = Some(*amount);
                }
                Bridge::SurplusDistribution => p.balances.surplus_distribution = Some(*amount),
            }
        }
        let catalog = crate::catalog::Catalog::for_project(project).ok();
        if let Some(lines) = &self.revenue_lines {
            let before: BTreeMap<&str, &RevenueLine> = project
                .revenue
                .by_function
                .iter()
                .map(|l| (l.code.as_str(), l))
                .collect();
            p.revenue.by_function = lines
                .iter()
                .map(|l| {
                    let old = before.get(l.code.as_str()).copied();
                    let mut line = RevenueLine {
                        names: old
                            .and_then(|o| o.names.clone())
                            .or_else(|| self.names_of(&l.code, catalog.as_ref())),
                        ..l.clone()
                    };
                    for source in REVENUE_SOURCES {
                        let read = source.of_line(l);
                        *source.in_line(&mut line) =
                            read_over(old.and_then(|o| source.entered_in_line(o)), read);
                    }
                    line
                })
                .collect();
        }
        self.apply_lines(project, &mut p, catalog.as_ref(), &mut rejected);
        if let Some((items, personnel, public)) = &self.economic {
            if items.is_empty() {
                if let Some(a) = personnel {
                    set_total(&mut p.basic_costs.personnel, *a);
                }
                if let Some(a) = public {
                    set_total(&mut p.basic_costs.public, *a);
                }
            } else {
                let (people, rest): (Vec<_>, Vec<_>) = items
                    .iter()
                    .cloned()
                    .partition(|i| i.code.starts_with("301") || i.code.starts_with("303"));
                p.basic_costs.personnel = CostEntry::Items(people);
                p.basic_costs.public = CostEntry::Items(rest);
            }
        }
        if let Some(items) = &self.project_economic {
            p.expenditure.project_economic.clone_from(items);
        }
        self.apply_three_public(&mut p, &mut rejected);
        if !rejected.is_empty() {
            return Err(rejected);
        }
        if let Err((path, message)) = p.validate() {
            return Err(vec![Rejected {
                sheet: None,
                row: 0,
                reason: format!("{path}：{message}"),
            }]);
        }
        Ok(p)
    }

    /// The names the sheets give a code the catalog does not know (all three levels listed).
    fn names_of(
        &self,
        code: &str,
        catalog: Option<&crate::catalog::Catalog>,
    ) -> Option<ClassNames> {
        if code.len() != 7 || catalog.is_some_and(|c| c.class_path(code).is_some()) {
            return None;
        }
        Some(ClassNames {
            class: self.names.get(&code[..3])?.clone(),
            section: self.names.get(&code[..5])?.clone(),
            item: self.names.get(code)?.clone(),
        })
    }

    /// A line of the 支出决算表 that does not fit, at the sheet and row it was read from.
    fn rejected_at(&self, code: &str, reason: String) -> Rejected {
        let place = self.places.get(code);
        Rejected {
            sheet: place.map(|(s, _)| s.clone()),
            row: place.map_or(0, |(_, r)| *r),
            reason,
        }
    }

    fn apply_lines(
        &self,
        project: &Project,
        p: &mut Project,
        catalog: Option<&crate::catalog::Catalog>,
        rejected: &mut Vec<Rejected>,
    ) {
        if self.expenditure.is_none() && self.funds.is_empty() {
            return;
        }
        // The lines by (code, fund): from the fund tables, and the 支出决算表's remainder as
        // 非财政拨款 (or, without fund tables, in the fund the project already has the code in).
        let mut wanted: BTreeMap<(String, Fund), Natures> = BTreeMap::new();
        for (fund, lines) in &self.funds {
            for (code, n) in lines {
                wanted.insert((code.clone(), *fund), *n);
            }
        }
        if let Some(all) = &self.expenditure {
            for (code, total) in all {
                let from_funds = self
                    .funds
                    .values()
                    .filter_map(|l| l.get(code))
                    .fold(Natures::default(), |a, n| a.plus(*n));
                let rest = total.minus(from_funds);
                if rest.is_zero() {
                    continue;
                }
                let at = |reason: String| self.rejected_at(code, reason);
                if rest.any_negative() {
                    rejected.push(at(format!(
                        "支出决算表中 {code} 的金额小于各财政拨款支出决算表中该科目之和"
                    )));
                    continue;
                }
                let fund = if self.funds.is_empty() {
                    let funds: Vec<Fund> = project
                        .expenditure
                        .lines
                        .iter()
                        .filter(|l| l.code == *code)
                        .map(|l| l.fund)
                        .collect();
                    match funds.as_slice() {
                        [] => Fund::GeneralBudget,
                        [one] => *one,
                        _ => {
                            rejected.push(at(format!(
                                "项目中 {code} 分属多个资金来源，请一并导入各财政拨款支出决算表"
                            )));
                            continue;
                        }
                    }
                } else {
                    Fund::NonAppropriation
                };
                let slot = wanted.entry((code.clone(), fund)).or_default();
                *slot = slot.plus(rest);
            }
        }
        // Funds whose table was read are replaced whole; with the 支出决算表, all of them.
        let replaced = |fund: Fund| self.expenditure.is_some() || self.funds.contains_key(&fund);
        let mut lines: Vec<FunctionalLine> = Vec::new();
        for line in &project.expenditure.lines {
            let key = (line.code.clone(), line.fund);
            let mut line = line.clone();
            if let Some(n) = wanted.remove(&key) {
                set_natures(&mut line, n);
            } else if replaced(line.fund) {
                // Kept with its budget and prior figure; nothing spent this year.
                set_natures(&mut line, Natures::default());
            }
            lines.push(line);
        }
        for ((code, fund), n) in wanted {
            let mut line = FunctionalLine {
                names: self.names_of(&code, catalog),
                code,
                fund,
                ..FunctionalLine::default()
            };
            set_natures(&mut line, n);
            lines.push(line);
        }
        p.expenditure.lines = lines;
    }

    fn apply_three_public(&self, p: &mut Project, rejected: &mut Vec<Rejected>) {
        let tp = &mut p.three_public;
        let mt = &mut p.meetings_training;
        let mut refuse = |reason: String| {
            rejected.push(Rejected {
                sheet: None,
                row: 0,
                reason,
            });
        };
        for (&(actual, part), &amount) in &self.three_public {
            match (actual, part) {
                (false, ThreePart::Overseas) => tp.overseas.budget = Some(amount),
                (true, ThreePart::Overseas) => tp.overseas.actual = Some(amount),
                (false, ThreePart::VehiclePurchase) => tp.vehicles.purchase_budget = Some(amount),
                (false, ThreePart::VehicleOperation) => tp.vehicles.operation_budget = Some(amount),
                (true, ThreePart::VehicleOperation) => tp.vehicles.operation_actual = Some(amount),
                (false, ThreePart::Reception) => tp.reception.budget = Some(amount),
                (false, ThreePart::Meetings) => mt.meetings.budget = Some(amount),
                (true, ThreePart::Meetings) => mt.meetings.actual = Some(amount),
                (false, ThreePart::Training) => mt.training.budget = Some(amount),
                (true, ThreePart::Training) => mt.training.actual = Some(amount),
                (true, ThreePart::VehiclePurchase) => {
                    let p = &mut tp.vehicles.purchases;
                    let now: Wan = [p.sedan.amount, p.suv.amount, p.passenger.amount]
                        .into_iter()
                        .sum();
                    if now == amount {
                        continue;
                    }
                    let kinds = [&mut p.sedan, &mut p.suv, &mut p.passenger];
                    let entered: Vec<usize> = (0..3)
                        .filter(|&i| !kinds[i].amount.unwrap_or_default().is_zero())
                        .collect();
                    match entered.as_slice() {
                        [one] => kinds[*one].amount = Some(amount),
                        _ => refuse(format!(
                            "公务用车购置费决算数 {} 万元：项目按车型（轿车、越野车、客车）录入购置费，请在“三公”经费页按车型录入",
                            amount.text()
                        )),
                    }
                }
                (true, ThreePart::Reception) => {
                    let r = &mut tp.reception;
                    if [r.domestic.actual, r.foreign.actual]
                        .into_iter()
                        .sum::<Wan>()
                        == amount
                    {
                        continue;
                    }
                    if r.foreign.actual.unwrap_or_default().is_zero() {
                        r.domestic.actual = Some(amount);
                    } else {
                        refuse(format!(
                            "公务接待费决算数 {} 万元：项目分国内、外事接待录入，请在“三公”经费页分别录入",
                            amount.text()
                        ));
                    }
                }
            }
        }
    }
}

fn set_natures(line: &mut FunctionalLine, n: Natures) {
    for (slot, read) in [
        (&mut line.basic, n.basic),
        (&mut line.project, n.project),
        (&mut line.remitted, n.remitted),
        (&mut line.business, n.business),
        (&mut line.subsidies, n.subsidies),
    ] {
        *slot = read_over(*slot, read);
    }
}

/// A row's cell read from a sheet, over what the project has: a zero where the project has a
/// blank (or a zero) leaves it as it is — a sheet prints both alike, and a row's blank cell is
/// no figure missing — anything else is entered.
fn read_over(current: Option<Wan>, read: Wan) -> Option<Wan> {
    if read.is_zero() && current.is_none_or(|c| c.is_zero()) {
        current
    } else {
        Some(read)
    }
}

fn set_total(entry: &mut CostEntry, amount: Wan) {
    match entry {
        CostEntry::Total { amount: a, .. } => *a = Some(amount),
        CostEntry::Items(_) => {
            *entry = CostEntry::Total {
                amount: Some(amount),
                item_names: Vec::new(),
            }
        }
    }
}

/// One figure an import changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The field.
    pub path: FieldPath,
    /// Its name, with its row (支出第3行 基本支出).
    pub label: String,
    /// Its value before, as the window shows it (empty: none).
    pub old: String,
    /// Its value after.
    pub new: String,
}

fn shown(value: &FieldValue<'_>) -> String {
    match value {
        FieldValue::Amount(Some(a)) => a.text(),
        FieldValue::Text(t) => (*t).to_owned(),
        FieldValue::Count(Some(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// The amounts and codes that differ between `old` and `new`, in the window's order of fields
/// (a field only one of them has is listed against nothing).
pub fn changes(old: &Project, new: &Project) -> Vec<Change> {
    let relevant = |kind: FieldKind| matches!(kind, FieldKind::Amount { .. } | FieldKind::Text);
    let before: BTreeMap<FieldPath, String> = old
        .fields()
        .into_iter()
        .filter(|f| relevant(f.kind))
        .map(|f| (f.path, shown(&f.value)))
        .collect();
    let mut out = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for f in new.fields().into_iter().filter(|f| relevant(f.kind)) {
        let now = shown(&f.value);
        let was = before.get(&f.path).cloned().unwrap_or_default();
        seen.insert(f.path.clone());
        if !same_figure(&now, &was) {
            out.push(Change {
                path: f.path,
                label: f.label,
                old: was,
                new: now,
            });
        }
    }
    for f in old.fields().into_iter().filter(|f| relevant(f.kind)) {
        if !seen.contains(&f.path) {
            let was = shown(&f.value);
            if !is_zero_text(&was) {
                out.push(Change {
                    path: f.path,
                    label: f.label,
                    old: was,
                    new: String::new(),
                });
            }
        }
    }
    out
}

fn is_zero_text(t: &str) -> bool {
    t.is_empty() || t.parse::<Decimal>().is_ok_and(|d| d.is_zero())
}

/// Two shown values state the same figure: equal text, or equal amounts written differently
/// ("0" and "0.00"). A blank and a zero differ — a blank is a figure not yet entered, and an
/// import that fills one with the sheet's 0 says so.
fn same_figure(a: &str, b: &str) -> bool {
    a == b
        || matches!(
            (a.parse::<Decimal>(), b.parse::<Decimal>()),
            (Ok(x), Ok(y)) if x == y
        )
}

/// What importing would do, as the clerk reads it: the tables read, every change old → new (up
/// to `limit`), the sheets left alone, and the rows that could not be read.
pub fn preview(file: &FiguresFile, changes: &[Change], limit: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for (sheet, kind) in &file.tables {
        lines.push(format!("读取工作表“{sheet}”：{}", kind.label()));
    }
    for s in &file.skipped {
        lines.push(format!("未读取 {s}"));
    }
    if changes.is_empty() {
        lines.push("导入不会改变任何数字".to_owned());
    } else {
        lines.push(format!("将改变 {} 个数字：", changes.len()));
    }
    for c in changes.iter().take(limit) {
        let old = if c.old.is_empty() {
            "（空）"
        } else {
            &c.old
        };
        let new = if c.new.is_empty() {
            "（删除）"
        } else {
            &c.new
        };
        lines.push(format!("  {}：{old} → {new}", c.label));
    }
    if changes.len() > limit {
        lines.push(format!("  ……另有 {} 个", changes.len() - limit));
    }
    for r in &file.rejected {
        lines.push(format!("无法读取 {r}"));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_known_by_their_most_specific_name() {
        assert_eq!(
            TableKind::of("Z05 一般公共预算财政拨款支出决算表(财决05表)"),
            Some(TableKind::FundExpenditure(Fund::GeneralBudget))
        );
        assert_eq!(
            TableKind::of("表6 一般公共预算财政拨款基本支出决算表"),
            Some(TableKind::BasicCosts)
        );
        assert_eq!(
            TableKind::of("Z03 支出决算表(财决03表)"),
            Some(TableKind::Expenditure)
        );
        assert_eq!(
            TableKind::of("Z01 收入支出决算总表(财决01表)"),
            Some(TableKind::Overview)
        );
        assert_eq!(
            TableKind::of("表4 财政拨款收入支出决算总表"),
            Some(TableKind::AppropriationOverview)
        );
        assert_eq!(TableKind::of("二、收入决算总表"), Some(TableKind::Revenue));
        assert_eq!(
            TableKind::of("三、支出决算总表"),
            Some(TableKind::Expenditure)
        );
        assert_eq!(
            TableKind::of("七、一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表"),
            Some(TableKind::ThreePublic)
        );
        assert_eq!(TableKind::of("部门预算项目支出绩效自评表"), None);
        // Each province's titles for the same tables, and the tables it adds.
        for (title, kind) in [
            ("表一 收入支出决算表", Some(TableKind::Overview)),
            (
                "表四 财政拨款收入支出决算表",
                Some(TableKind::AppropriationOverview),
            ),
            (
                "五、一般公共预算财政拨款收入支出决算表",
                Some(TableKind::FundExpenditure(Fund::GeneralBudget)),
            ),
            (
                "表六：一般公共预算财政拨款基本支出决算明细表",
                Some(TableKind::BasicCosts),
            ),
            ("九、政府性基金预算财政拨款基本支出决算表", None),
            (
                "表7 一般公共预算财政拨款支出决算明细表",
                Some(TableKind::EconomicDetail),
            ),
            ("表5 财政拨款支出决算明细表", None),
            ("表9 一般公共预算财政拨款项目支出决算表", None),
        ] {
            assert_eq!(TableKind::of(title), kind, "{title}");
        }
    }

    #[test]
    fn amounts_read_as_the_tools_write_them() {
        let text = |t: &str| Cell {
            text: t.to_owned(),
            number: None,
        };
        let one = Decimal::ONE;
        assert_eq!(
            amount(&text("1,234.56"), one),
            Ok(Some("1234.56".parse().unwrap()))
        );
        assert_eq!(amount(&text("—"), one), Ok(None));
        assert_eq!(amount(&text(""), one), Ok(None));
        assert_eq!(
            amount(&text("12345600"), Decimal::from(10_000)),
            Ok(Some("1234.56".parse().unwrap()))
        );
        assert!(
            amount(&text("十二万"), one)
                .unwrap_err()
                .contains("不是金额")
        );
    }

    #[test]
    fn three_public_parts_are_named_by_what_follows_the_vehicles_group() {
        use ThreePart::*;
        for (label, part) in [
            ("因公出国（境）费", Some(Overseas)),
            (
                "预算数公务用车购置及运行费公务用车购置费",
                Some(VehiclePurchase),
            ),
            (
                "预算数公务用车购置及运行费公务用车运行费",
                Some(VehicleOperation),
            ),
            ("决算数公务用车购置及运行费小计", None),
            ("决算数公务用车购置及运行费", None),
            ("2.公务用车购置及运行维护费", None),
            ("其中：公务用车购置费", Some(VehiclePurchase)),
            ("公务用车运行维护费", Some(VehicleOperation)),
            ("3.公务接待费", Some(Reception)),
            ("合计", None),
        ] {
            assert_eq!(ThreePart::named(label), part, "{label}");
        }
    }

    #[test]
    fn row_labels_lose_their_numbering() {
        assert_eq!(
            label("一、一般公共预算财政拨款收入"),
            "一般公共预算财政拨款收入"
        );
        assert_eq!(label("  （二）事业收入"), "事业收入");
        assert_eq!(label("1.其他收入"), "其他收入");
    }
}
