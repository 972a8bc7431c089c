//! Workbooks (`.xlsx`) through rust_xlsxwriter: amounts are numbers in 万元 with two decimals
//! (exact `Decimal`s handed to the crate, which stores them as Excel does), header rows are
//! frozen and repeated on every printed page, and sheets print on A4 fitted to the width.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::checks::CheckReport;
use crate::document::{Block, Cell, Content, Document, Table, place};
use crate::money::Wan;

/// Excel's paper size code for A4.
const A4: u8 = 9;

/// The check report as a workbook: sheet 审核结果 (the heading lines, then one row per finding
/// with both amounts, the difference, the field and the explanation) and sheet 审核覆盖 (one
/// row per rule: checked, not applicable or missing data, and why).
pub fn check_report(report: &CheckReport) -> Result<Vec<u8>, String> {
    write_check_report(report).map_err(|e| format!("无法生成 Excel 文件：{e}"))
}

struct Formats {
    title: Format,
    head: Format,
    text: Format,
    amount: Format,
    number: Format,
    /// Bold body cells (合计 rows, a form's labels).
    strong_text: Format,
    strong_amount: Format,
    centered: Format,
    percent: Format,
    note: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_font_name("宋体")
            .set_font_size(10);
        Formats {
            title: Format::new()
                .set_bold()
                .set_font_name("黑体")
                .set_font_size(14)
                .set_align(FormatAlign::Center),
            head: cell
                .clone()
                .set_bold()
                .set_background_color("#E6E6E6")
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            text: cell.clone().set_text_wrap().set_align(FormatAlign::Top),
            amount: cell
                .clone()
                .set_num_format("#,##0.00")
                .set_align(FormatAlign::Top),
            number: cell.clone().set_align(FormatAlign::Top),
            strong_text: cell
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter),
            strong_amount: cell
                .clone()
                .set_bold()
                .set_num_format("#,##0.00")
                .set_align(FormatAlign::VerticalCenter),
            centered: cell
                .clone()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            percent: cell
                .set_num_format("0.00%")
                .set_align(FormatAlign::VerticalCenter),
            note: Format::new()
                .set_font_name("宋体")
                .set_font_size(9)
                .set_text_wrap()
                .set_align(FormatAlign::Top),
        }
    }
}

fn print_setup(sheet: &mut Worksheet, header_row: u32) -> Result<(), XlsxError> {
    print_setup_rows(sheet, header_row, header_row, true)
}

/// A4, fitted to the page's width, rows `first..=last` (the column headings) frozen on screen
/// and repeated on every printed page, the page number in the footer.
fn print_setup_rows(
    sheet: &mut Worksheet,
    first: u32,
    last: u32,
    landscape: bool,
) -> Result<(), XlsxError> {
    sheet.set_paper_size(A4);
    if landscape {
        sheet.set_landscape();
    }
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(first, last)?;
    sheet.set_freeze_panes(last + 1, 0)?;
    sheet.set_footer("&C第 &P 页，共 &N 页");
    Ok(())
}

fn write_amount(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    amount: Option<Wan>,
    formats: &Formats,
) -> Result<(), XlsxError> {
    match amount {
        Some(a) => sheet.write_with_format(row, col, a.wan(), &formats.amount)?,
        None => sheet.write_blank(row, col, &formats.amount)?,
    };
    Ok(())
}

fn write_check_report(report: &CheckReport) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let mut book = Workbook::new();

    let sheet = book.add_worksheet();
    sheet.set_name("审核结果")?;
    const COLUMNS: [(&str, u8); 14] = [
        ("序号", 5),
        ("编码", 8),
        ("类别", 10),
        ("严重程度", 8),
        ("问题", 60),
        ("金额一（万元）", 13),
        ("金额一是", 20),
        ("金额二（万元）", 13),
        ("金额二是", 20),
        ("差额（万元）", 12),
        ("位置", 22),
        ("字段", 26),
        ("出错说明", 30),
        ("说明状态", 12),
    ];
    let last_col = (COLUMNS.len() - 1) as u16;
    sheet.merge_range(0, 0, 0, last_col, &report.title(), &formats.title)?;
    let lines = report.heading_lines();
    for (line, row) in lines.iter().zip(1u32..) {
        sheet.write(row, 0, line.as_str())?;
    }
    let header_row = lines.len() as u32 + 2;
    for ((name, width), col) in COLUMNS.iter().zip(0u16..) {
        sheet.set_column_width(col, *width)?;
        sheet.write_with_format(header_row, col, *name, &formats.head)?;
    }
    for (reported, row) in report.findings.iter().zip(header_row + 1..) {
        let f = &reported.finding;
        let n = row - header_row;
        sheet.write_with_format(row, 0, n, &formats.number)?;
        sheet.write_with_format(row, 1, f.code, &formats.text)?;
        sheet.write_with_format(row, 2, crate::checks::family(f.code), &formats.text)?;
        sheet.write_with_format(row, 3, f.severity.label(), &formats.text)?;
        sheet.write_with_format(row, 4, format!("{}：{}", f.title, f.message), &formats.text)?;
        let compared = f.amounts.as_ref();
        write_amount(sheet, row, 5, compared.map(|c| c.left_amount), &formats)?;
        let left = compared.map(|c| c.left.as_str()).unwrap_or_default();
        sheet.write_with_format(row, 6, left, &formats.text)?;
        write_amount(sheet, row, 7, compared.map(|c| c.right_amount), &formats)?;
        let right = compared.map(|c| c.right.as_str()).unwrap_or_default();
        sheet.write_with_format(row, 8, right, &formats.text)?;
        write_amount(sheet, row, 9, compared.map(|c| c.difference()), &formats)?;
        sheet.write_with_format(row, 10, reported.place.as_str(), &formats.text)?;
        let field = f.fields.first().map(|p| p.to_string()).unwrap_or_default();
        sheet.write_with_format(row, 11, field, &formats.text)?;
        let (text, standing) = match &reported.explanation {
            Some(e) => (e.text.as_str(), e.standing.label()),
            None => ("", ""),
        };
        sheet.write_with_format(row, 12, text, &formats.text)?;
        sheet.write_with_format(row, 13, standing, &formats.text)?;
    }
    let mut row = header_row + 1 + report.findings.len() as u32;
    if !report.resolved.is_empty() {
        row += 1;
        sheet.write(row, 0, "已失效的出错说明（对应的问题已不存在）")?;
        for e in &report.resolved {
            row += 1;
            sheet.write(row, 1, e.rule.as_str())?;
            sheet.write(row, 4, e.text.as_str())?;
        }
    }
    print_setup(sheet, header_row)?;

    let sheet = book.add_worksheet();
    sheet.set_name("审核覆盖")?;
    const LEDGER: [(&str, u8); 8] = [
        ("编码", 8),
        ("类别", 10),
        ("严重程度", 8),
        ("审核内容", 48),
        ("状态", 9),
        ("原因", 44),
        ("在哪里录入", 26),
        ("发现问题数", 10),
    ];
    sheet.merge_range(
        0,
        0,
        0,
        7,
        &format!("审核覆盖：{}", report.ledger.counts()),
        &formats.title,
    )?;
    for ((name, width), col) in LEDGER.iter().zip(0u16..) {
        sheet.set_column_width(col, *width)?;
        sheet.write_with_format(1, col, *name, &formats.head)?;
    }
    for (e, row) in report.ledger.rules.iter().zip(2u32..) {
        sheet.write_with_format(row, 0, e.code, &formats.text)?;
        sheet.write_with_format(row, 1, e.family, &formats.text)?;
        sheet.write_with_format(row, 2, e.severity.label(), &formats.text)?;
        sheet.write_with_format(row, 3, e.title, &formats.text)?;
        sheet.write_with_format(row, 4, e.coverage.label(), &formats.text)?;
        sheet.write_with_format(
            row,
            5,
            e.coverage.reason().unwrap_or_default(),
            &formats.text,
        )?;
        let fields: Vec<String> = e
            .coverage
            .fields()
            .iter()
            .map(ToString::to_string)
            .collect();
        sheet.write_with_format(row, 6, fields.join("；"), &formats.text)?;
        sheet.write_with_format(row, 7, e.findings as u32, &formats.number)?;
    }
    print_setup(sheet, 1)?;

    book.save_to_buffer()
}

/// Every table of `doc` as a workbook, one sheet each, named as the table is titled (表1
/// 收入支出决算总表): the title, the 编制单位 and 单位：万元 line, the header rows (merged as
/// printed, frozen and repeated on every printed page), the rows with amounts as numbers in
/// 万元 with two decimals, and the notes. Wide tables print landscape; every sheet fits the
/// page's width.
pub fn tables(doc: &Document) -> Result<Vec<u8>, String> {
    tables_with(doc, &[])
}

/// [`tables`], and `extra` tables after them, a sheet each (a department's 分单位汇总表).
pub fn tables_with(doc: &Document, extra: &[Table]) -> Result<Vec<u8>, String> {
    write_tables(doc, extra).map_err(|e| format!("无法生成 Excel 文件：{e}"))
}

fn write_tables(doc: &Document, extra: &[Table]) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let mut book = Workbook::new();
    let mut names: Vec<String> = Vec::new();
    let tables = doc.blocks.iter().filter_map(|b| match b {
        Block::Table(t) => Some(t),
        _ => None,
    });
    for t in tables.chain(extra) {
        let name = sheet_name(&t.title, &names);
        let sheet = book.add_worksheet();
        sheet.set_name(&name)?;
        names.push(name);
        write_table(sheet, t, &doc.unit, &formats)?;
    }
    if names.is_empty() {
        let sheet = book.add_worksheet();
        sheet.write(0, 0, "所用模板没有表格")?;
    }
    book.save_to_buffer()
}

fn write_table(
    sheet: &mut Worksheet,
    t: &Table,
    unit: &str,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let columns = u16::try_from(t.widths.len().max(1)).unwrap_or(u16::MAX);
    let last_col = columns - 1;
    if last_col > 0 {
        sheet.merge_range(0, 0, 0, last_col, &t.title, &formats.title)?;
    } else {
        sheet.write_with_format(0, 0, t.title.as_str(), &formats.title)?;
    }
    sheet.set_row_height(0, 24)?;
    sheet.write(1, 0, format!("编制单位：{unit}"))?;
    if !t.unit_label.is_empty() {
        let right = Format::new().set_align(FormatAlign::Right);
        sheet.write_with_format(1, last_col, t.unit_label.as_str(), &right)?;
    }
    const FIRST: u32 = 2;
    let grid: Vec<Vec<Cell>> = t.header.iter().chain(&t.rows).cloned().collect();
    let header_rows = t.header.len() as u32;
    for (r, (cells, places)) in grid.iter().zip(place(&grid)).enumerate() {
        let header = (r as u32) < header_rows;
        for (cell, (row, col)) in cells.iter().zip(places) {
            write_cell(sheet, FIRST + row, col, cell, header, formats)?;
        }
    }
    let mut row = FIRST + grid.len() as u32;
    let widths = column_widths(&grid, columns);
    for (w, col) in widths.iter().zip(0u16..) {
        sheet.set_column_width(col, *w)?;
    }
    let total_width: u32 = widths.iter().map(|w| u32::from(*w)).sum();
    for note in &t.notes {
        if last_col > 0 {
            sheet.merge_range(row, 0, row, last_col, note, &formats.note)?;
        } else {
            sheet.write_with_format(row, 0, note.as_str(), &formats.note)?;
        }
        let lines = display_width(note).div_ceil(total_width.max(1)).max(1);
        sheet.set_row_height(row, 14 * u16::try_from(lines).unwrap_or(20))?;
        row += 1;
    }
    if header_rows > 0 {
        print_setup_rows(sheet, FIRST, FIRST + header_rows - 1, t.wide)?;
    } else {
        sheet.set_paper_size(A4);
        if t.wide {
            sheet.set_landscape();
        }
        sheet.set_print_fit_to_pages(1, 0);
    }
    Ok(())
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    header: bool,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let text_format = if header {
        &formats.head
    } else if cell.strong {
        &formats.strong_text
    } else if matches!(cell.content, Content::Centered(_)) {
        &formats.centered
    } else {
        &formats.text
    };
    let format = match cell.content {
        Content::Amount(_) if cell.strong => &formats.strong_amount,
        Content::Amount(_) => &formats.amount,
        Content::Percent(_) => &formats.percent,
        Content::Figure(_) => &formats.number,
        _ => text_format,
    };
    let (rows, cols) = (u32::from(cell.row_span.max(1)), cell.col_span.max(1));
    if rows > 1 || cols > 1 {
        sheet.merge_range(row, col, row + rows - 1, col + cols - 1, "", format)?;
    }
    match &cell.content {
        Content::Amount(a) => sheet.write_with_format(row, col, a.wan(), format)?,
        Content::Percent(p) => sheet.write_with_format(
            row,
            col,
            p.rounded() / rust_decimal::Decimal::ONE_HUNDRED,
            format,
        )?,
        Content::Figure(f) => match f.parse::<rust_decimal::Decimal>() {
            Ok(n) => sheet.write_with_format(row, col, n, format)?,
            Err(_) => sheet.write_with_format(row, col, f.as_str(), format)?,
        },
        Content::Text(t) | Content::Centered(t) => {
            sheet.write_with_format(row, col, t.as_str(), format)?
        }
        Content::Empty => sheet.write_blank(row, col, format)?,
    };
    Ok(())
}

/// How wide a text is in Excel's character units: a CJK character counts two.
fn display_width(text: &str) -> u32 {
    text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// Each column as wide as its widest single-column cell, within 6 and 40 characters.
fn column_widths(grid: &[Vec<Cell>], columns: u16) -> Vec<u8> {
    let mut widths = vec![6u32; usize::from(columns)];
    for (cells, places) in grid.iter().zip(place(grid)) {
        for (cell, (_, col)) in cells.iter().zip(places) {
            if cell.col_span <= 1
                && let Some(w) = widths.get_mut(usize::from(col))
            {
                *w = (*w).max(display_width(&cell.content.display()) + 2);
            }
        }
    }
    widths
        .into_iter()
        .map(|w| u8::try_from(w.min(40)).unwrap_or(40))
        .collect()
}

/// A sheet name Excel accepts: without `[]:*?/\`, at most 31 characters, unlike `taken`.
fn sheet_name(title: &str, taken: &[String]) -> String {
    let clean: String = title
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .collect();
    let clean = if clean.trim().is_empty() {
        "表".to_owned()
    } else {
        clean.trim().to_owned()
    };
    let cut = |s: &str, n: usize| s.chars().take(n).collect::<String>();
    let mut name = cut(&clean, 31);
    let mut n = 2;
    while taken.contains(&name) {
        let suffix = format!("（{n}）");
        name = cut(&clean, 31 - suffix.chars().count()) + &suffix;
        n += 1;
    }
    name
}
