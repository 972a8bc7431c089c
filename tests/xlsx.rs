//! The document's tables as a workbook (`juesuan xlsx`, 导出Excel表格…): read back with
//! calamine, every table of the template is a sheet, and every amount is the same number.

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use common::juesuan;
use juesuan::document::{Block, Content, Document, Table, build_with_builtin_catalog};
use juesuan::example::example;
use juesuan::office::xlsx;
use rust_decimal::Decimal;

fn workbook(doc: &Document) -> Xlsx<std::io::Cursor<Vec<u8>>> {
    let bytes = xlsx::tables(doc).unwrap();
    open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap()
}

fn tables(doc: &Document) -> Vec<&Table> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

/// The first row of a table's header or body in the sheet: the title and the 编制单位 line
/// come first.
const FIRST: u32 = 2;

#[test]
fn every_table_is_a_sheet_with_the_same_figures_as_numbers() {
    let doc = build_with_builtin_catalog(&example().unwrap());
    let mut book = workbook(&doc);
    let tables = tables(&doc);
    assert!(tables.len() >= 9, "{}", tables.len());
    let names = book.sheet_names();
    assert_eq!(names.len(), tables.len());
    let mut amounts = 0;
    for (t, name) in tables.iter().zip(&names) {
        assert!(
            t.title
                .starts_with(name.trim_end_matches(|c: char| !c.is_alphanumeric() || c == '（')),
            "sheet {name} for {}",
            t.title
        );
        let sheet = book.worksheet_range(name).unwrap();
        assert_eq!(
            sheet.get_value((0, 0)),
            Some(&Data::String(t.title.clone()))
        );
        let grid: Vec<_> = t.header.iter().chain(&t.rows).cloned().collect();
        for (cells, places) in grid.iter().zip(juesuan::document::place(&grid)) {
            for (cell, (row, col)) in cells.iter().zip(places) {
                let at = (FIRST + row, u32::from(col));
                let got = sheet.get_value(at);
                match &cell.content {
                    Content::Amount(a) => {
                        let Some(Data::Float(f)) = got else {
                            panic!("{} {at:?}: {got:?} is not a number", t.title);
                        };
                        let f: Decimal = f.to_string().parse().unwrap();
                        assert_eq!(f, a.wan(), "{} {at:?}", t.title);
                        amounts += 1;
                    }
                    Content::Text(s) | Content::Centered(s) if !s.is_empty() => {
                        assert_eq!(got, Some(&Data::String(s.clone())), "{} {at:?}", t.title);
                    }
                    _ => {}
                }
            }
        }
        for (note, i) in t.notes.iter().zip(0u32..) {
            let at = (FIRST + grid.len() as u32 + i, 0);
            assert_eq!(sheet.get_value(at), Some(&Data::String(note.clone())));
        }
    }
    assert!(amounts > 100, "only {amounts} amounts compared");
}

#[test]
fn spanned_header_cells_are_merged_as_printed() {
    let doc = build_with_builtin_catalog(&example().unwrap());
    let t = tables(&doc)
        .into_iter()
        .find(|t| t.id == "three_public")
        .unwrap();
    let bytes = xlsx::tables(&doc).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let name = book
        .sheet_names()
        .into_iter()
        .find(|n| n.contains("三公"))
        .unwrap();
    let merged = book.merge_cells_by_sheet_name(&name).unwrap();
    let grid: Vec<_> = t.header.iter().chain(&t.rows).cloned().collect();
    let mut spans = 0;
    for (cells, places) in grid.iter().zip(juesuan::document::place(&grid)) {
        for (cell, (row, col)) in cells.iter().zip(places) {
            if cell.col_span > 1 || cell.row_span > 1 {
                let start = (FIRST + row, u32::from(col));
                let end = (
                    start.0 + u32::from(cell.row_span) - 1,
                    start.1 + u32::from(cell.col_span) - 1,
                );
                assert!(
                    merged.iter().any(|d| d.start == start && d.end == end),
                    "{start:?}–{end:?} not merged: {merged:?}"
                );
                spans += 1;
            }
        }
    }
    assert!(spans > 0, "the 三公 table's header has spanned cells");
}

#[test]
fn the_command_line_writes_the_templates_tables() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("例.json");
    let out = dir.path().join("公开表.xlsx");
    juesuan(&["example", "-o", project.to_str().unwrap()]);
    let (code, stdout, stderr) = juesuan(&[
        "xlsx",
        project.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--template",
        "national",
    ]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    // The nine tables of 财政部's format, and the example's one project self-assessment form.
    assert!(stdout.contains("（10 张表）"), "{stdout}");
    let mut book: Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let names = book.sheet_names();
    assert_eq!(names.len(), 10);
    assert!(names[9].contains("绩效自评表"), "{names:?}");
    let first = book.worksheet_range(&book.sheet_names()[0]).unwrap();
    assert_eq!(
        first.get_value((1, 0)),
        Some(&Data::String(
            "编制单位：中共遂宁市安居区委目标绩效管理办公室".to_owned()
        ))
    );
    // Without -o: the usage, and nothing written.
    let (code, _, stderr) = juesuan(&["xlsx", project.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("用法：juesuan xlsx"), "{stderr}");
}
