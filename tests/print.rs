//! The printed document: PDF facts checked with poppler's tools, layout checked on the pages.

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

mod common;

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
    Printer::shared().layout(&doc, DATE).unwrap()
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
    // The PDF opens cleanly: poppler has nothing to complain about (it once printed "Syntax
    // Error: Suspects object is wrong type (boolean)" on every file).
    assert!(
        output.stderr.is_empty(),
        "{tool} complained: {}",
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
        assert!(
            cols[0].contains("Noto") || cols[0].contains("JuesuanKai"),
            "{row}"
        );
    }
}

/// The page of the example's PDF that holds `needle`, from page 3 (past the contents).
fn page_with(needle: &str) -> String {
    let count = the_example().pages.count();
    (3..=count)
        .map(|n| n.to_string())
        .find(|n| poppler("pdftotext", &["-f", n, "-l", n], &example_pdf_path()).contains(needle))
        .unwrap_or_else(|| panic!("{needle} is on no page"))
}

#[test]
fn a_numbered_table_names_the_preparing_unit_on_its_unit_line() {
    let n = page_with("表1 收入支出决算总表");
    let page = poppler(
        "pdftotext",
        &["-layout", "-f", &n, "-l", &n],
        &example_pdf_path(),
    );
    let unit = &example().unwrap().unit.name;
    let line = page
        .lines()
        .find(|l| l.contains("编制单位："))
        .unwrap_or_else(|| panic!("no 编制单位 line:\n{page}"));
    assert!(line.contains(&format!("编制单位：{unit}")), "{line}");
    assert!(line.trim_end().ends_with("单位：万元"), "{line}");
}

#[test]
fn headings_of_the_second_level_print_in_kai_as_gbt_9704_sets_them() {
    let n = page_with("（一）机关运行经费支出情况");
    let fonts = poppler("pdffonts", &["-f", &n, "-l", &n], &example_pdf_path());
    assert!(fonts.contains("JuesuanKai-Regular"), "{fonts}");
}

#[test]
fn a_character_outside_gb_2312_prints_from_the_fallback_font() {
    // 祎 and 堃 are in names but not in GB 2312, which the body and 楷体 fonts hold.
    let mut p = example().unwrap();
    p.unit.name = "安居区祎堃测试办公室".to_owned();
    p.unit.short_name = "祎堃办".to_owned();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("rare.pdf");
    std::fs::write(&pdf, pages_of(&p).pdf().unwrap()).unwrap();
    // The cover: the unit's name in 黑体 bold, which lacks the two characters.
    let text = poppler("pdftotext", &["-f", "1", "-l", "1"], &pdf);
    assert!(text.contains("安居区祎堃测试办公室"), "{text}");
    let fonts = poppler("pdffonts", &["-f", "1", "-l", "1"], &pdf);
    assert!(fonts.contains("NotoSansCJKsc-Regular"), "{fonts}");
    // The example's cover needs no fallback.
    let fonts = poppler("pdffonts", &["-f", "1", "-l", "1"], &example_pdf_path());
    assert!(!fonts.contains("NotoSansCJKsc-Regular"), "{fonts}");
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
    for sentence in common::SEED_SENTENCES {
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

/// The number in attribute `name` of a row of `pdftotext -bbox` (`<word xMin="…" …>`).
fn bbox_attr(row: &str, name: &str) -> f64 {
    let start = row.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
    row[start..].split('"').next().unwrap().parse().unwrap()
}

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
        let attr = |name: &str| bbox_attr(row, name);
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

/// A page as gray pixels, `width` wide.
struct Gray {
    width: usize,
    pixels: Vec<u8>,
}

impl Gray {
    fn from_rgba(width: u32, rgba: &[u8]) -> Gray {
        let pixels = rgba
            .chunks_exact(4)
            .map(|p| ((u32::from(p[0]) * 3 + u32::from(p[1]) * 6 + u32::from(p[2])) / 10) as u8)
            .collect();
        Gray {
            width: width as usize,
            pixels,
        }
    }

    /// Reads a binary PGM (P5) as pdftoppm -gray writes it.
    fn from_pgm(bytes: &[u8]) -> Gray {
        let mut fields = Vec::new();
        let mut at = 0;
        while fields.len() < 4 {
            while bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            let start = at;
            while !bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
        }
        assert_eq!(fields[0], "P5");
        Gray {
            width: fields[1].parse().unwrap(),
            pixels: bytes[at + 1..].to_vec(),
        }
    }

    fn height(&self) -> usize {
        self.pixels.len() / self.width
    }

    /// Whether each 6 × 6 block holds ink: two rasterisers draw a thin rule or a glyph's edge
    /// lighter or darker, but in the same places.
    fn ink(&self, w: usize, h: usize) -> Vec<bool> {
        let mut out = Vec::new();
        for by in 0..h / 6 {
            for bx in 0..w / 6 {
                let inked = (by * 6..by * 6 + 6)
                    .any(|y| (bx * 6..bx * 6 + 6).any(|x| self.pixels[y * self.width + x] < 200));
                out.push(inked);
            }
        }
        out
    }

    /// The share of blocks, in percent, that one page inks and the other does not.
    fn difference(&self, other: &Gray) -> f64 {
        let w = self.width.min(other.width);
        let h = self.height().min(other.height());
        let (a, b) = (self.ink(w, h), other.ink(w, h));
        let differ = a.iter().zip(&b).filter(|(x, y)| x != y).count();
        100.0 * differ as f64 / a.len() as f64
    }
}

#[test]
fn the_preview_shows_the_pdfs_pages() {
    // The preview's pages (typst-render) and the PDF's pages (as poppler draws them) look the
    // same, page by page, and each differs from the next: the preview is the PDF.
    let example = the_example();
    let pages = &example.pages;
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("page");
    let status = std::process::Command::new("pdftoppm")
        .args(["-gray", "-r", "72"])
        .arg(example_pdf_path())
        .arg(&prefix)
        .status()
        .unwrap();
    assert!(status.success());
    let mut rendered: Vec<std::path::PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    rendered.sort();
    assert_eq!(
        rendered.len(),
        pages.count(),
        "the PDF has the preview's page count"
    );
    let preview: Vec<Gray> = (0..pages.count())
        .map(|i| {
            let (w, _, rgba) = pages.render(i, 1.0).unwrap();
            Gray::from_rgba(w, &rgba)
        })
        .collect();
    for (i, file) in rendered.iter().enumerate() {
        let pdf = Gray::from_pgm(&std::fs::read(file).unwrap());
        // Measured: the same page differs in at most 3% of its blocks, the next in 8% or more.
        let same = preview[i].difference(&pdf);
        assert!(
            same < 4.0,
            "page {}: preview and PDF differ in {same:.1}%",
            i + 1
        );
        if let Some(next) = preview.get(i + 1) {
            let other = next.difference(&pdf);
            assert!(
                other > same + 4.0,
                "page {} looks as much like the next page ({other:.1}) as like itself ({same:.1})",
                i + 1
            );
        }
    }
}

#[test]
fn a_50_times_project_has_as_many_pdf_pages_as_preview_pages() {
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

/// The titles of the PDF's bookmarks (outline items), in file order: the UTF-16 strings after
/// `/Title` (the document's own title, in the info dictionary, is the last).
fn bookmark_titles(pdf: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Title<FEFF")
        .filter_map(|(at, _)| {
            let hex = &text[at + "/Title<FEFF".len()..];
            let hex = &hex[..hex.find('>')?];
            let units: Vec<u16> = (0..hex.len() / 4)
                .map(|i| u16::from_str_radix(&hex[i * 4..i * 4 + 4], 16).unwrap())
                .collect();
            Some(String::from_utf16(&units).unwrap())
        })
        .collect()
}

#[test]
fn every_table_and_attachment_is_in_the_contents_and_the_bookmarks() {
    let pdf = &the_example().pdf;
    let marks = bookmark_titles(pdf);
    let contents = poppler(
        "pdftotext",
        &["-f", "2", "-l", "2", "-layout"],
        &example_pdf_path(),
    );
    for n in 1..=9 {
        let table = format!("表{n} ");
        assert!(
            marks.iter().any(|m| m.starts_with(&table)),
            "{table} has no bookmark: {marks:?}"
        );
        let line = contents
            .lines()
            .find(|l| l.trim_start().starts_with(&table))
            .unwrap_or_else(|| panic!("{table} is not in the contents:\n{contents}"));
        // The number is the page the table is on (page 1 follows the cover and the contents).
        let line = line.trim();
        let title = line.trim_end_matches(|c: char| c.is_ascii_digit() || !c.is_alphanumeric());
        let digits = line.len() - line.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let number: usize = line[line.len() - digits..].parse().unwrap();
        let page: usize = page_with(title).parse().unwrap();
        assert_eq!(number, page - 2, "{line}");
    }
    for attachment in [
        "附件1\u{3000}2023年区委绩效办部门预算绩效评价报告",
        "附件2\u{3000}专项预算项目绩效评价报告",
    ] {
        assert!(marks.iter().any(|m| m == attachment), "{marks:?}");
    }
    assert!(
        !marks.iter().any(|m| m == "附件1"),
        "附件1 and its title are one entry"
    );
    let count = the_example().pages.count();
    assert!(
        !poppler("pdftotext", &["-f", "3", "-l", "3"], &example_pdf_path())
            .contains("七、改进建议"),
        "the contents fit on one page ({count} pages)"
    );
}

/// Page numbers are drawn over the pages after their layout (`front.typ`): every page after the
/// cover and the contents has its number at its foot, centred, in the footer typst gives a page
/// (the bottom margin of 35 mm but its top 30%), portrait and landscape alike, counted from 1;
/// those two pages have none.
#[test]
fn every_page_after_the_contents_is_numbered_from_one_at_its_foot() {
    let html = poppler("pdftotext", &["-bbox"], &example_pdf_path());
    let attr = bbox_attr;
    // Per page: its width and height, and the words in its bottom margin (x from, x to, text).
    type Foot = Vec<(f64, f64, String)>;
    let mut pages: Vec<(f64, f64, Foot)> = Vec::new();
    for row in html.lines().map(str::trim) {
        if row.starts_with("<page ") {
            pages.push((attr(row, "width"), attr(row, "height"), Vec::new()));
        } else if let Some(rest) = row.strip_prefix("<word ") {
            let (_, height, words) = pages.last_mut().unwrap();
            // poppler's box of a word is its font's full height: its middle is in the footer.
            let middle = (attr(row, "yMin") + attr(row, "yMax")) / 2.0;
            if middle > *height - 35.0 / 25.4 * 72.0 {
                assert!(
                    middle > *height - 0.7 * 35.0 / 25.4 * 72.0,
                    "above the footer: {row}"
                );
                let text = rest.split('>').nth(1).unwrap().split('<').next().unwrap();
                words.push((attr(row, "xMin"), attr(row, "xMax"), text.to_owned()));
            }
        }
    }
    assert_eq!(pages.len(), the_example().pages.count());
    let mut landscape = 0;
    for (i, (width, height, words)) in pages.iter().enumerate() {
        let page = i + 1;
        let foot: String = words.iter().map(|w| w.2.as_str()).collect();
        if page <= 2 {
            assert!(foot.is_empty(), "page {page} is numbered: {foot}");
            continue;
        }
        assert_eq!(foot, format!("—{}—", page - 2), "page {page}");
        let from = words.iter().map(|w| w.0).fold(f64::INFINITY, f64::min);
        let to = words.iter().map(|w| w.1).fold(0.0, f64::max);
        assert!(
            ((from + to) / 2.0 - width / 2.0).abs() < 1.0,
            "page {page}: {foot} at {from}–{to} of {width}"
        );
        landscape += usize::from(width > height);
    }
    assert!(landscape >= 3, "{landscape} landscape pages");
}

#[test]
fn the_sign_off_has_a_page_of_its_own_after_the_document_with_every_signatory() {
    let last = the_example().pages.count();
    let page = poppler(
        "pdftotext",
        &["-f", &last.to_string(), "-l", &last.to_string(), "-layout"],
        &example_pdf_path(),
    );
    for role in ["单位负责人：", "分管负责人：", "财务负责人：", "制表人："] {
        assert!(page.contains(role), "{role} missing:\n{page}");
    }
    assert!(page.contains("周巧梅"), "the entered 财务负责人 is printed");
    assert!(!page.contains("填表人"));
    assert!(page.contains("中共遂宁市安居区委目标绩效管理办公室（盖章）"));
    assert!(
        !page.contains("七、改进建议"),
        "not under 附件2's last section:\n{page}"
    );
}

#[test]
fn a_short_table_is_never_split_across_pages() {
    let count = the_example().pages.count();
    let page_with = |needle: &str| {
        (3..=count).find(|&n| {
            let n = n.to_string();
            poppler(
                "pdftotext",
                &["-f", &n, "-l", &n, "-layout"],
                &example_pdf_path(),
            )
            .contains(needle)
        })
    };
    for (title, last_row) in [
        ("表6 一般公共预算财政拨款基本支出决算表", "公用经费合计"),
        ("表1 收入支出决算总表", "总计"),
    ] {
        let at = page_with(title).unwrap_or_else(|| panic!("{title} not printed"));
        let page = poppler(
            "pdftotext",
            &["-f", &at.to_string(), "-l", &at.to_string(), "-layout"],
            &example_pdf_path(),
        );
        let after_title = &page[page.find(title).unwrap()..];
        assert!(
            after_title.contains(last_row),
            "{title}: its last row is not on its page\n{page}"
        );
    }
}

#[test]
fn table_titles_headers_and_totals_print_in_a_bold_face() {
    // The page of 表2 has no heading of a part: any bold on it is the table's own.
    let n = page_with("表2 收入决算表");
    let fonts = poppler("pdffonts", &["-f", &n, "-l", &n], &example_pdf_path());
    assert!(fonts.contains("NotoSansCJKsc-Bold"), "{fonts}");
}

#[test]
fn every_numbered_table_prints_its_title_header_and_first_row_in_order() {
    let doc = build_with_builtin_catalog(&example().unwrap());
    let count = the_example().pages.count();
    let pages: Vec<String> = (3..=count)
        .map(|n| {
            let n = n.to_string();
            poppler(
                "pdftotext",
                &["-f", &n, "-l", &n, "-layout"],
                &example_pdf_path(),
            )
        })
        .collect();
    let tables: Vec<&juesuan::document::Table> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            juesuan::document::Block::Table(t) if t.title.starts_with('表') => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(tables.len(), 9);
    for t in tables {
        let page = pages
            .iter()
            .find(|p| p.contains(&t.title))
            .unwrap_or_else(|| panic!("{} is on no page", t.title));
        let rest = &page[page.find(&t.title).unwrap()..];
        // Every header cell short enough not to wrap in its column is printed; a cell spanning
        // two header rows is centred between them, so only presence is asserted across rows.
        for row in &t.header {
            for cell in row {
                let text = cell.content.display();
                if !text.is_empty() && text.chars().count() <= 4 {
                    assert!(
                        rest.contains(&text),
                        "{}: header “{text}” missing\n{rest}",
                        t.title
                    );
                }
            }
        }
        // The first row, its cells in order on one line.
        let cells: Vec<String> = t.rows[0]
            .iter()
            .map(|c| c.content.display())
            .filter(|c| !c.is_empty())
            .collect();
        let line = rest
            .lines()
            .find(|l| {
                let mut from = 0;
                cells.iter().all(|c| match l[from..].find(c.as_str()) {
                    Some(i) => {
                        from += i + c.len();
                        true
                    }
                    None => false,
                })
            })
            .unwrap_or_else(|| panic!("{}: first row {cells:?} not on one line\n{rest}", t.title));
        assert!(!line.trim().is_empty());
    }
}

#[test]
fn image_snapshots_of_a_table_page_and_the_self_assessment_form() {
    let count = the_example().pages.count();
    // From page 3: the contents page names both.
    let page_of = |needle: &str| {
        (3..=count)
            .find(|&n| {
                let n = n.to_string();
                poppler("pdftotext", &["-f", &n, "-l", &n], &example_pdf_path()).contains(needle)
            })
            .unwrap_or_else(|| panic!("{needle} is on no page"))
    };
    for (needle, name) in [
        ("表1 收入支出决算总表", "print_table_1"),
        (
            "部门预算项目支出绩效自评表（2023年度）",
            "print_self_assessment",
        ),
    ] {
        let (w, h, rgba) = the_example()
            .pages
            .render(page_of(needle) - 1, 1.0)
            .unwrap();
        let image = image::RgbaImage::from_raw(w, h, rgba).unwrap();
        egui_kittest::image_snapshot(&image, name);
    }
}

#[test]
fn the_cover_laid_out_alone_is_the_documents_first_page() {
    // The preview shows it while a long document is laid out: it must be the same page.
    let doc = build_with_builtin_catalog(&example().unwrap());
    let printer = Printer::shared();
    let alone = printer.cover(&doc, DATE).unwrap().render(0, 1.0).unwrap();
    let whole = the_example().pages.render(0, 1.0).unwrap();
    assert!(
        alone == whole,
        "the cover differs from the document's first page"
    );
}
