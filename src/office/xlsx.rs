//! Workbooks (`.xlsx`) through rust_xlsxwriter: amounts are numbers in 万元 with two decimals
//! (exact `Decimal`s handed to the crate, which stores them as Excel does), header rows are
//! frozen and repeated on every printed page, and sheets print on A4 fitted to the width.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::checks::CheckReport;
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
            number: cell.set_align(FormatAlign::Top),
        }
    }
}

fn print_setup(sheet: &mut Worksheet, header_row: u32) -> Result<(), XlsxError> {
    sheet.set_paper_size(A4);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(header_row, header_row)?;
    sheet.set_freeze_panes(header_row + 1, 0)?;
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
