//! The printed document: PDF facts checked with poppler's tools, layout checked on the pages.

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use juesuan::document::build_with_builtin_catalog;
use juesuan::example::{example, scaled_example};
use juesuan::model::Project;
use juesuan::print::{Pages, PrintDate, Printer};

const DATE: PrintDate = PrintDate {
    year: 2024,
    month: 5,
    day: 31,
};

fn pages_of(project: &Project) -> Pages {
    let doc = build_with_builtin_catalog(project);
    Printer::shared()
        .layout(&doc, &project.unit.signatories, DATE)
        .unwrap()
}

struct Example {
    pages: Pages,
    pdf: Vec<u8>,
    dir: tempfile::TempDir,
}

fn the_example() -> &'static Example {
    static EXAMPLE: OnceLock<Example> = OnceLock::new();
    EXAMPLE.get_or_init(|| {
        let pages = pages_of(&example().unwrap());
        let pdf = pages.pdf().unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("example.pdf"), &pdf).unwrap();
        Example { pages, pdf, dir }
    })
}

fn example_pdf_path() -> std::path::PathBuf {
    the_example().dir.path().join("example.pdf")
}

/// Runs a poppler tool (installed by `.ci/run`) and returns its output.
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let output = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed (apt-get install poppler-utils): {e}"));
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The text of the PDF as one string, with line breaks and page numbers removed.
fn flowing_text(raw: &str) -> String {
    raw.lines()
        .filter(|l| !(l.starts_with("— ") && l.ends_with(" —")))
        .collect::<Vec<_>>()
        .join("")
        .replace('\u{c}', "")
}

#[test]
fn page_count_is_in_the_expected_range() {
    let n = the_example().pages.count();
    assert!((20..=45).contains(&n), "{n} pages");
    let info = poppler("pdfinfo", &[], &example_pdf_path());
    assert!(info.contains(&format!("Pages:           {n}")), "{info}");
}

#[test]
fn fonts_are_embedded_and_subset() {
    let fonts = poppler("pdffonts", &[], &example_pdf_path());
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 2, "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type encoding emb sub uni object-id
        let n = cols.len();
        assert_eq!(cols[n - 5], "yes", "embedded: {row}");
        assert_eq!(cols[n - 4], "yes", "subset: {row}");
        assert_eq!(cols[n - 3], "yes", "unicode map: {row}");
        assert!(cols[0].contains("Noto"), "{row}");
    }
}

#[test]
fn metadata_names_the_document_and_the_unit() {
    let info = poppler("pdfinfo", &[], &example_pdf_path());
    assert!(
        info.contains("Title:           中共遂宁市安居区委目标绩效管理办公室2023年度部门决算"),
        "{info}"
    );
    assert!(
        info.contains("Author:          中共遂宁市安居区委目标绩效管理办公室"),
        "{info}"
    );
}

#[test]
fn the_text_layer_reads_as_the_documents_text() {
    let raw = poppler("pdftotext", &["-enc", "UTF-8"], &example_pdf_path());
    let text = flowing_text(&raw);
    for sentence in [
        "2023年度收、支总计均为226.23万元。",
        "收、支总计各增加13.16万元，增长6.18%",
        "基本支出166.46万元，占73.58%；项目支出59.77万元，占26.42%",
        "住房保障（类）支出11.94万元，占5.28%",
        "人员经费146.27万元",
        "日常公用经费20.19万元",
        "较上年增加0.71万元，增长253.57%",
        "国内公务接待5批次、85人次",
        "机关运行经费支出20.19万元，比2022年增加4.76万元，增长30.85%",
        "政府采购支出总额2.31万元",
    ] {
        assert!(text.contains(sentence), "missing {sentence:?}");
    }
    assert!(
        raw.contains("226.23万元"),
        "no space between digits and 万元"
    );
    let odd: Vec<char> = raw
        .chars()
        .filter(|c| matches!(*c as u32, 0xF900..=0xFAFF | 0x2F00..=0x2FDF))
        .collect();
    assert!(
        odd.is_empty(),
        "compatibility ideographs or Kangxi radicals: {odd:?}"
    );
}

/// Words of one line: (x position, text).
type Words = Vec<(f64, String)>;

/// The lines of the PDF as laid out: words grouped by page and baseline, in x order.
fn laid_out_lines(pdf: &Path) -> Vec<String> {
    let html = poppler("pdftotext", &["-bbox"], pdf);
    let mut lines: Vec<((usize, i64), Words)> = Vec::new();
    let mut page = 0;
    for row in html.lines() {
        let row = row.trim();
        if row.starts_with("<page") {
            page += 1;
        }
        let Some(rest) = row.strip_prefix("<word ") else {
            continue;
        };
        let attr = |name: &str| -> f64 {
            let start = rest.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            rest[start..].split('"').next().unwrap().parse().unwrap()
        };
        let text = rest
            .split('>')
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap()
            .to_owned();
        let key = (page, (attr("yMax") * 2.0).round() as i64);
        let word = (attr("xMin"), text);
        match lines.iter_mut().find(|(k, _)| *k == key) {
            Some((_, words)) => words.push(word),
            None => lines.push((key, vec![word])),
        }
    }
    lines
        .into_iter()
        .map(|(_, mut words)| {
            words.sort_by(|a, b| a.0.total_cmp(&b.0));
            words.into_iter().map(|(_, w)| w).collect::<String>()
        })
        .collect()
}

#[test]
fn no_line_starts_with_closing_punctuation() {
    let lines = laid_out_lines(&example_pdf_path());
    assert!(lines.len() > 300, "{} lines", lines.len());
    let bad: Vec<&String> = lines
        .iter()
        .filter(|l| l.starts_with(['，', '。', '；', '：', '、', '）', '”', '！', '？', '》']))
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn nothing_is_drawn_outside_the_printable_area() {
    let pages = &the_example().pages;
    // 1 pixel per point; a printer's unprintable edge is about 5 mm, the margins are 27 mm and more.
    let edge = (15.0 / 25.4 * 72.0) as u32;
    for i in 0..pages.count() {
        let (w, h, pixels) = pages.render(i, 1.0).unwrap();
        for y in 0..h {
            for x in 0..w {
                let inside = x >= edge && x < w - edge && y >= edge && y < h - edge;
                if inside {
                    continue;
                }
                let p = ((y * w + x) * 4) as usize;
                let white = pixels[p] > 250 && pixels[p + 1] > 250 && pixels[p + 2] > 250;
                assert!(
                    white,
                    "page {} has ink at ({x}, {y}), within 15 mm of the edge",
                    i + 1
                );
            }
        }
    }
}

#[test]
fn a_table_longer_than_a_page_repeats_its_header() {
    let mut project = example().unwrap();
    // 120 lines: 表3 and 表5 run over several pages.
    let lines = project.expenditure.lines.clone();
    project.expenditure.lines = (0..120)
        .map(|i| {
            let mut l = lines[i % lines.len()].clone();
            l.code = format!("{}", 2_013_101 + i);
            l
        })
        .collect();
    let pages = pages_of(&project);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.pdf");
    std::fs::write(&path, pages.pdf().unwrap()).unwrap();
    let raw = poppler("pdftotext", &["-enc", "UTF-8"], &path);
    // Pages with table rows: a line that is just a code (the narrative names codes inside text).
    let is_code_row = |l: &str| {
        let l = l.trim();
        l.len() == 7 && l.starts_with("2013") && l.chars().all(|c| c.is_ascii_digit())
    };
    let table_pages: Vec<&str> = raw
        .split('\u{c}')
        .filter(|p| p.lines().any(is_code_row))
        .collect();
    assert!(table_pages.len() >= 4, "{} pages", table_pages.len());
    for page in &table_pages {
        assert!(
            page.contains("科目编码") && page.contains("科目名称"),
            "header missing on:\n{page}"
        );
    }
}

#[test]
fn the_same_project_and_date_give_the_same_pdf() {
    let again = pages_of(&example().unwrap()).pdf().unwrap();
    assert!(
        again == the_example().pdf,
        "PDF output is not deterministic"
    );
}

#[test]
fn preview_and_pdf_have_the_same_pages_also_at_50_times_the_size() {
    let big = scaled_example(50).unwrap();
    let pages = pages_of(&big);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.pdf");
    std::fs::write(&path, pages.pdf().unwrap()).unwrap();
    let info = poppler("pdfinfo", &[], &path);
    assert!(
        info.contains(&format!("Pages:           {}", pages.count())),
        "{info}"
    );
    assert!(pages.render(pages.count() - 1, 0.5).is_some());
}
