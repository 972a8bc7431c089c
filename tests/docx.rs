//! The document as a Word file (`juesuan docx`): read back from the package's XML, and opened
//! by LibreOffice (installed by `.ci/run`) as an office would open it.

#![allow(
    clippy::unwrap_used,
    reason = "in tests a failed unwrap is a failed test"
)]

mod common;

use std::io::Read;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use common::{SEED_SENTENCES, juesuan};
use juesuan::document::{Block, Document, build_with_builtin_catalog, page_runs};
use juesuan::example::example;
use juesuan::office::docx;
use juesuan::print::PrintDate;

const DATE: PrintDate = PrintDate {
    year: 2024,
    month: 5,
    day: 31,
};

struct Example {
    doc: Document,
    bytes: Vec<u8>,
}

fn the_example() -> &'static Example {
    static EXAMPLE: OnceLock<Example> = OnceLock::new();
    EXAMPLE.get_or_init(|| {
        let doc = build_with_builtin_catalog(&example().unwrap());
        let bytes = docx::document(&doc, DATE).unwrap();
        Example { doc, bytes }
    })
}

/// A part of the package, as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The text of each paragraph (`w:p`) of the body, its runs joined.
fn paragraphs(xml: &str) -> Vec<String> {
    xml.split("<w:p ")
        .skip(1)
        .map(|p| {
            let p = p.split("</w:p>").next().unwrap_or("");
            let mut text = String::new();
            for piece in p.split("<w:t").skip(1) {
                // `<w:t>` or `<w:t xml:space="preserve">`, not `<w:tbl>`, `<w:tc>` …
                let Some(rest) = piece.strip_prefix('>').or_else(|| {
                    piece
                        .strip_prefix(' ')
                        .and_then(|r| r.split_once('>').map(|(_, t)| t))
                }) else {
                    continue;
                };
                text.push_str(&unescape(rest.split("</w:t>").next().unwrap_or("")));
            }
            text
        })
        .collect()
}

fn body_tables(doc: &Document) -> Vec<&juesuan::document::Table> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

#[test]
fn the_body_states_the_seeds_sentences_and_every_paragraph() {
    let ex = the_example();
    let xml = part(&ex.bytes, "word/document.xml");
    let paras = paragraphs(&xml);
    let all = paras.join("\n");
    for sentence in SEED_SENTENCES {
        assert!(all.contains(sentence), "missing {sentence:?}");
    }
    for block in &ex.doc.blocks {
        if let Block::Paragraph { text } | Block::Note { text } = block {
            assert!(
                paras.iter().any(|p| p == text),
                "paragraph not in Word: {text}"
            );
        }
    }
}

#[test]
fn tables_are_word_tables_with_their_header_rows_repeated() {
    let ex = the_example();
    let xml = part(&ex.bytes, "word/document.xml");
    let tables = body_tables(&ex.doc);
    // Every table of the document, and the sign-off's borderless one.
    assert_eq!(xml.matches("<w:tbl>").count(), tables.len() + 1);
    let header_rows: usize = tables.iter().map(|t| t.header.len()).sum();
    assert!(header_rows > 10);
    assert_eq!(xml.matches("<w:tblHeader />").count(), header_rows);
    // Each table's first row is a header row when the table has one.
    for (t, word) in tables.iter().zip(xml.split("<w:tbl>").skip(1)) {
        let first_row = word.split("</w:tr>").next().unwrap();
        assert_eq!(
            first_row.contains("<w:tblHeader />"),
            !t.header.is_empty(),
            "{}",
            t.title
        );
    }
    // Merged cells as printed: column spans and the form's cells merged down.
    assert!(xml.contains("<w:gridSpan w:val=\"2\" />"));
    assert!(xml.contains("<w:vMerge w:val=\"restart\" />"));
    assert!(xml.contains("<w:vMerge w:val=\"continue\" />"));
    // Amounts right-aligned: the 合计 of 表2 is in a right-aligned paragraph.
    let table2 = xml.split("<w:tbl>").nth(2).unwrap();
    let total = table2.split("226.23").next().unwrap();
    let cell = total.rsplit("<w:tc>").next().unwrap();
    assert!(cell.contains("<w:jc w:val=\"right\" />"), "{cell}");
}

#[test]
fn headings_are_word_heading_styles_and_pages_are_numbered() {
    let ex = the_example();
    let xml = part(&ex.bytes, "word/document.xml");
    let styles = part(&ex.bytes, "word/styles.xml");
    for (id, name) in [("Heading1", "heading 1"), ("Heading2", "heading 2")] {
        assert!(
            styles.contains(&format!("w:styleId=\"{id}\"")) && styles.contains(name),
            "{id}"
        );
    }
    // East Asian fonts named as Windows has them.
    assert!(styles.contains("w:eastAsia=\"黑体\""));
    assert!(styles.contains("w:eastAsia=\"楷体\""));
    for block in &ex.doc.blocks {
        if let Block::Heading { level: 0 | 1, text } = block {
            // The last mention: the 目录 lists it first.
            let at = xml.rfind(&format!(">{text}<")).unwrap();
            let para = &xml[xml[..at].rfind("<w:p ").unwrap()..at];
            assert!(para.contains("<w:pStyle w:val=\"Heading"), "{text}: {para}");
        }
    }
    // The 目录 is a field Word fills from the headings, and the file asks for it on opening.
    assert!(xml.contains("TOC \\o &quot;1-3&quot;"));
    assert!(part(&ex.bytes, "word/settings.xml").contains("<w:updateFields w:val=\"true\" />"));
    let footer = part(&ex.bytes, "word/footer1.xml");
    assert!(footer.contains("— ") && footer.contains("PAGE"), "{footer}");
    // Wide tables on landscape pages: a landscape section for each run of them.
    let landscape = page_runs(&ex.doc.blocks)
        .iter()
        .filter(|r| r.landscape)
        .count();
    assert!(landscape >= 2);
    assert_eq!(xml.matches("w:orient=\"landscape\"").count(), landscape);
    // The charts are pictures.
    let charts = ex
        .doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Chart(_)))
        .count();
    assert_eq!(xml.matches("<w:drawing>").count(), charts);
}

#[test]
fn the_sign_off_follows_the_document_with_blank_lines_for_names_not_entered() {
    let ex = the_example();
    let xml = part(&ex.bytes, "word/document.xml");
    let paras = paragraphs(&xml);
    let at = paras.iter().rposition(|p| p == "审核签字").unwrap();
    let rest = paras[at..].join("\n");
    let sign_off = ex.doc.sign_off.as_ref().unwrap();
    for (role, name) in &sign_off.roles {
        let line = if name.is_empty() {
            format!("{role}：＿＿＿＿＿＿")
        } else {
            format!("{role}：{name}")
        };
        assert!(rest.contains(&line), "{line} in {rest}");
    }
    assert!(rest.contains(&format!("{}（盖章）", sign_off.unit)));
    assert!(rest.contains("2024年5月31日"));
}

#[test]
fn the_same_document_and_date_give_the_same_file() {
    let doc = &the_example().doc;
    let (a, b) = (
        docx::document(doc, DATE).unwrap(),
        docx::document(doc, DATE).unwrap(),
    );
    let differ = a.iter().zip(&b).position(|(x, y)| x != y);
    assert!(
        a.len() == b.len() && differ.is_none(),
        "lengths {} and {}, first difference at {differ:?}: {:?}",
        a.len(),
        b.len(),
        differ.map(|at| String::from_utf8_lossy(&a[at.saturating_sub(80)..at + 40]))
    );
}

/// LibreOffice turns the file into a PDF (its own profile, so it never meets another
/// instance); returns the PDF's text.
fn libreoffice_text(docx: &Path) -> String {
    let dir = docx.parent().unwrap();
    let profile = dir.join("lo-profile");
    let output = Command::new("libreoffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(docx)
        .output()
        .unwrap_or_else(|e| {
            panic!("libreoffice is needed (apt-get install libreoffice-writer-nogui): {e}")
        });
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let pdf = docx.with_extension("pdf");
    assert!(
        pdf.exists(),
        "LibreOffice made no PDF: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    let text = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8(text.stdout).unwrap()
}

#[test]
fn libreoffice_opens_it_and_prints_the_figures() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("example.json");
    let file = dir.path().join("决算.docx");
    assert_eq!(juesuan(&["example", "-o", project.to_str().unwrap()]).0, 0);
    let (code, out, err) = juesuan(&[
        "docx",
        project.to_str().unwrap(),
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("已生成 Word 文档"), "{out}");
    let text = libreoffice_text(&file);
    // Lines joined: LibreOffice breaks lines where its fonts put them.
    let flowing: String = text
        .lines()
        .filter(|l| !(l.starts_with("— ") && l.ends_with(" —")))
        .collect::<Vec<_>>()
        .join("")
        .replace(['\u{c}', ' '], "");
    for sentence in SEED_SENTENCES {
        assert!(
            flowing.contains(&sentence.replace(' ', "")),
            "missing {sentence:?}"
        );
    }
    for title in ["表1收入支出决算总表", "表3支出决算表", "审核签字"] {
        assert!(flowing.contains(title), "missing {title}");
    }
}

#[test]
fn a_numbered_table_names_the_preparing_unit_on_its_unit_line() {
    let xml = part(&the_example().bytes, "word/document.xml");
    let unit = &the_example().doc.unit;
    let line = format!("编制单位：{unit}单位：万元");
    let lines = paragraphs(&xml);
    // One paragraph per 公开表: 编制单位 at the left, 单位 at a right tab stop.
    let numbered = body_tables(&the_example().doc)
        .iter()
        .filter(|t| t.is_public_table())
        .count();
    assert_eq!(lines.iter().filter(|p| **p == line).count(), numbered);
    assert!(numbered >= 9, "{numbered}");
    assert!(
        xml.contains(r#"<w:tab w:val="right""#),
        "the 单位 sits at a right tab"
    );
}

#[test]
fn every_table_cell_is_a_table_line_high_even_when_empty() {
    // A cell paragraph without its own size took the body's 三号 on 28 pt lines: the rows
    // with an empty side of 表1 printed twice as tall (seen through LibreOffice).
    let xml = part(&the_example().bytes, "word/document.xml");
    let cells: Vec<&str> = xml.split("<w:tc>").skip(1).collect();
    assert!(cells.len() > 100, "{}", cells.len());
    for cell in cells {
        let mark = cell
            .split("<w:pPr>")
            .nth(1)
            .and_then(|p| p.split("</w:pPr>").next())
            .unwrap_or("");
        assert!(
            mark.contains("<w:sz "),
            "a cell paragraph without a size: {mark}"
        );
    }
}

#[test]
fn the_command_refuses_what_it_cannot_do_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.docx");
    let (code, _, err) = juesuan(&["docx", "missing.json", "-o", out.to_str().unwrap()]);
    assert_ne!(code, 0);
    assert!(err.contains("错误"), "{err}");
    assert!(!out.exists());
    let (code, _, err) = juesuan(&["docx", "missing.json"]);
    assert_ne!(code, 0);
    assert!(err.contains("用法：juesuan docx"), "{err}");
}
