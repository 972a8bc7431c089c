//! The document as a Word file (`.docx`), for offices that make their last edits in Word or WPS
//! and for portals that take Word attachments.
//!
//! Written with docx-rs from the same [`Document`] value the PDF prints: headings are Word's
//! heading styles (so Word and WPS build the 目录 from them), the body is set as GB/T 9704 sets
//! official documents (仿宋 三号, 28-point lines; headings 黑体 and 楷体; fonts named as Windows
//! has them), tables are real Word tables with their merged cells, repeated header rows and
//! right-aligned amounts, wide tables get landscape pages, charts are pictures drawn by the
//! printer, pages are numbered "— n —" and the sign-off follows the document.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Footer, InstrText, InstrToC, LineSpacing,
    LineSpacingType, PageMargin, PageNum, PageNumType, PageOrientationType, PageSize, Paragraph,
    Pic, Run, RunFonts, Section, SpecialIndentType, Style, StyleType, Tab, TabValueType, TableCell,
    TableLayoutType, TableRow, VAlignType, VMergeType, WidthType,
};

use crate::document::{Block, Cell, Chart, Content, Document, DocumentKind, Table, place};
use crate::print::{PrintDate, Printer};

/// Fonts as a Chinese Windows (and WPS) names them.
const FANGSONG: &str = "仿宋";
const HEITI: &str = "黑体";
const KAITI: &str = "楷体";
const SONGTI: &str = "宋体";
/// Latin letters and digits beside the Chinese.
const LATIN: &str = "Times New Roman";

/// A4 in twips.
const A4_SHORT: u32 = 11_906;
const A4_LONG: u32 = 16_838;
/// GB/T 9704 margins (天头 37 mm, bottom 35 mm, 订口 28 mm, right 26 mm; the text block is
/// 156 mm × 225 mm), and the narrower ones of a landscape table page.
const PORTRAIT_MARGINS: (i32, i32, i32, i32) = (37, 35, 28, 26);
const LANDSCAPE_MARGINS: (i32, i32, i32, i32) = (25, 25, 25, 25);

/// Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt, 小五 9 pt.
const ERHAO: usize = 44;
const SANHAO: usize = 32;
const SIHAO: usize = 28;
const XIAOSI: usize = 24;
const WUHAO: usize = 21;
const XIAOWU: usize = 18;

/// The body's line pitch: exactly 28 points, 22 lines on the 225 mm text block (GB/T 9704).
const BODY_LINE: i32 = 560;

/// Heading styles, by the document's heading level (0 = 第一部分 / 附件, 1 = 一、, 2 = （一）,
/// 3 = 1.): Word's built-in names, so its 目录 and navigation pane use them.
const HEADING_STYLES: [&str; 4] = ["Heading1", "Heading2", "Heading3", "Heading4"];
/// The style of a table's title (表1 …): listed in the 目录 below the parts.
const TABLE_TITLE_STYLE: &str = "TableTitle";

/// The document as a `.docx` file's bytes, dated `date` (cover, sign-off, file properties).
/// The same document and date give the same bytes.
pub fn document(doc: &Document, date: PrintDate) -> Result<Vec<u8>, String> {
    // docx-rs numbers paragraphs (`w14:paraId`) from a per-thread counter that only its
    // serialisers reset; serialising an empty document restarts it, so a second export in the
    // same process writes the same file as the first.
    let _ = Docx::new().json();
    let mut builder = Builder::new(doc, date);
    builder.front_matter();
    for run in crate::document::page_runs(&doc.blocks) {
        builder.run(&run)?;
    }
    builder.sign_off();
    builder.finish()
}

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii(LATIN)
        .hi_ansi(LATIN)
        .cs(LATIN)
}

/// Millimetres in twips (twentieths of a point; 1440 an inch of 25.4 mm), rounded.
const fn mm(v: i32) -> i32 {
    (v * 14_400 + 127) / 254
}

fn margins(landscape: bool) -> PageMargin {
    let (top, bottom, left, right) = if landscape {
        LANDSCAPE_MARGINS
    } else {
        PORTRAIT_MARGINS
    };
    PageMargin::new()
        .top(mm(top))
        .bottom(mm(bottom))
        .left(mm(left))
        .right(mm(right))
        .header(mm(15))
        .footer(mm(20))
}

/// The width of the text between the margins, in twips.
fn text_width(landscape: bool) -> u32 {
    let (page, (_, _, left, right)) = if landscape {
        (A4_LONG, LANDSCAPE_MARGINS)
    } else {
        (A4_SHORT, PORTRAIT_MARGINS)
    };
    page - (mm(left) + mm(right)) as u32
}

fn page_footer() -> Footer {
    Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(text_run("— ", SONGTI, SIHAO))
            .add_page_num(PageNum::new())
            .add_run(text_run(" —", SONGTI, SIHAO)),
    )
}

fn text_run(text: &str, font: &str, size: usize) -> Run {
    let mut run = Run::new().fonts(fonts(font)).size(size);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    run
}

fn styles() -> Vec<Style> {
    let heading = |level: usize, font: &str, bold: bool| {
        let style = Style::new(HEADING_STYLES[level], StyleType::Paragraph)
            .name(format!("heading {}", level + 1))
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .fonts(fonts(font))
            .size(SANHAO)
            .outline_lvl(level)
            .line_spacing(
                LineSpacing::new()
                    .line(BODY_LINE)
                    .line_rule(LineSpacingType::Exact)
                    .before(120)
                    .after(120),
            );
        if bold { style.bold() } else { style }
    };
    vec![
        // The parts (第一部分 …) centred in 黑体 as the printed document has them.
        heading(0, HEITI, false).align(AlignmentType::Center),
        // 一、 in 黑体, （一） in 楷体, 1. in 仿宋 bold, indented two characters (GB/T 9704).
        heading(1, HEITI, false).indent(None, Some(two_characters()), None, Some(200)),
        heading(2, KAITI, false).indent(None, Some(two_characters()), None, Some(200)),
        heading(3, FANGSONG, true).indent(None, Some(two_characters()), None, Some(200)),
        Style::new(TABLE_TITLE_STYLE, StyleType::Paragraph)
            .name("表格标题")
            .based_on("Normal")
            .q_format(true)
            .fonts(fonts(HEITI))
            .size(SIHAO)
            .align(AlignmentType::Center)
            // Listed in the 目录 under its part, as the PDF's contents list 表1 … 表9.
            .outline_lvl(2),
    ]
}

/// Builds the Word file block by block. Paragraphs and tables go into the document's body in
/// order; where the pages change (after the cover and contents, around landscape tables) a
/// section break closes what came before it with that part's page setup.
struct Builder<'a> {
    doc: &'a Document,
    date: PrintDate,
    docx: Docx,
    /// Whether a numbered section has been closed (the first one starts at page 1).
    numbered: bool,
    /// Whether anything was added since the last section break.
    open: bool,
    /// Whether the next paragraph starts a page (a page break in the document; a section
    /// break starts a page anyway, so it clears this, leaving no blank page).
    new_page: bool,
    /// Pictures added so far (each gets its own id, so the file is the same on every run).
    pictures: usize,
}

impl<'a> Builder<'a> {
    fn new(doc: &'a Document, date: PrintDate) -> Builder<'a> {
        let stamp = format!(
            "{:04}-{:02}-{:02}T00:00:00Z",
            date.year, date.month, date.day
        );
        let mut docx = Docx::new()
            .default_fonts(fonts(FANGSONG))
            .default_size(SANHAO)
            .default_line_spacing(
                LineSpacing::new()
                    .line(BODY_LINE)
                    .line_rule(LineSpacingType::Exact),
            )
            .created_at(&stamp)
            .updated_at(&stamp);
        for style in styles() {
            docx = docx.add_style(style);
        }
        Builder {
            doc,
            date,
            docx,
            numbered: false,
            open: false,
            new_page: false,
            pictures: 0,
        }
    }

    fn add(&mut self, mut p: Paragraph) {
        if std::mem::take(&mut self.new_page) {
            p = p.page_break_before(true);
        }
        self.docx = std::mem::take(&mut self.docx).add_paragraph(p);
        self.open = true;
    }

    fn add_table(&mut self, t: docx_rs::Table) {
        if self.new_page {
            self.add(Paragraph::new().line_spacing(auto_lines()));
        }
        self.docx = std::mem::take(&mut self.docx).add_table(t);
        self.open = true;
    }

    /// A section break: everything since the last one gets `landscape` or portrait pages,
    /// numbered "— n —" in the footer when `numbered` (the first numbered part from 1).
    fn close_section(&mut self, landscape: bool, numbered: bool) {
        if !self.open {
            return;
        }
        let mut section = Section::new()
            .page_size({
                let (w, h) = page_size(landscape);
                PageSize::new().size(w, h)
            })
            .page_orient(orientation(landscape))
            .page_margin(margins(landscape));
        if numbered {
            section = section.footer(page_footer());
            if !self.numbered {
                section = section.page_num_type(PageNumType::new().start(1));
                self.numbered = true;
            }
        }
        self.docx = std::mem::take(&mut self.docx).add_section(section);
        self.open = false;
        self.new_page = false;
    }

    fn date_text(&self) -> String {
        format!(
            "{}年{}月{}日",
            self.date.year, self.date.month, self.date.day
        )
    }

    /// The cover (unit, year, 决算公开, seal and date; the 保密审查 line at its head where the
    /// template has one) and the 目录, which Word fills in from the headings.
    fn front_matter(&mut self) {
        let doc = self.doc;
        if !doc.review_line.is_empty() {
            self.add(
                Paragraph::new()
                    .align(AlignmentType::Right)
                    .add_run(text_run(&doc.review_line, FANGSONG, WUHAO)),
            );
        }
        if doc.kind != DocumentKind::Disclosure {
            return;
        }
        let centred = |text: &str, font: &str, size: usize| {
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(text_run(text, font, size))
        };
        for _ in 0..4 {
            self.add(Paragraph::new());
        }
        self.add(centred(&doc.unit, HEITI, ERHAO).line_spacing(auto_lines()));
        self.add(Paragraph::new());
        self.add(centred(doc.title_after_unit(), HEITI, ERHAO).line_spacing(auto_lines()));
        self.add(centred("（决算公开）", KAITI, SANHAO));
        for _ in 0..10 {
            self.add(Paragraph::new());
        }
        self.add(centred(&format!("{}（盖章）", doc.unit), FANGSONG, SANHAO));
        let date = self.date_text();
        self.add(centred(&date, FANGSONG, SANHAO));
        self.add(centred("目　录", HEITI, SANHAO).page_break_before(true));
        self.contents();
        // The cover and contents carry no page number; the body starts at 1.
        self.close_section(false, false);
    }

    /// The 目录 as a Word field over the heading styles, which Word and WPS fill in with page
    /// numbers (the file asks them to update its fields on opening). Until then it lists the
    /// entries without page numbers, so no reader ever sees an empty or raw field.
    fn contents(&mut self) {
        let entries: Vec<(usize, &str)> = self
            .doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, text } if *level <= 1 => {
                    Some((usize::from(*level), text.as_str()))
                }
                Block::Table(t) if t.is_public_table() => Some((2, t.title.as_str())),
                _ => None,
            })
            .collect();
        let last = entries.len().saturating_sub(1);
        for (i, (level, text)) in entries.iter().enumerate() {
            let mut p = Paragraph::new()
                .indent(
                    Some(i32::try_from(level * 420).unwrap_or(0)),
                    None,
                    None,
                    None,
                )
                .line_spacing(auto_lines());
            if i == 0 {
                p = p
                    .add_run(Run::new().add_field_char(FieldCharType::Begin, true))
                    .add_run(Run::new().add_instr_text(InstrText::TOC(
                        InstrToC::new().heading_styles_range(1, 3).hyperlink(),
                    )))
                    .add_run(Run::new().add_field_char(FieldCharType::Separate, false));
            }
            p = p.add_run(text_run(text, FANGSONG, SIHAO));
            if i == last {
                p = p.add_run(Run::new().add_field_char(FieldCharType::End, false));
            }
            self.add(p);
        }
    }

    fn run(&mut self, run: &crate::document::PageRun<'_>) -> Result<(), String> {
        if run.landscape {
            self.close_section(false, true);
        }
        for block in &run.blocks {
            self.block(block, run.landscape)?;
        }
        if run.landscape {
            self.close_section(true, true);
        }
        Ok(())
    }

    fn block(&mut self, block: &Block, landscape: bool) -> Result<(), String> {
        match block {
            Block::Heading { level, text } => {
                let style = HEADING_STYLES[usize::from((*level).min(3))];
                self.add(
                    Paragraph::new()
                        .style(style)
                        .keep_next(true)
                        .add_run(Run::new().add_text(text)),
                );
            }
            Block::Paragraph { text } => self.add(
                Paragraph::new()
                    .align(AlignmentType::Both)
                    .indent(None, Some(two_characters()), None, Some(200))
                    .add_run(text_run(text, FANGSONG, SANHAO)),
            ),
            Block::Note { text } => self.add(
                Paragraph::new()
                    .line_spacing(auto_lines())
                    .add_run(text_run(text, FANGSONG, XIAOSI)),
            ),
            Block::Subtitle { text } => self.add(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .keep_next(true)
                    .add_run(text_run(text, KAITI, SANHAO)),
            ),
            Block::Table(t) => self.table(t, landscape),
            Block::Chart(c) => self.chart(c)?,
            Block::PageBreak => self.new_page = true,
        }
        Ok(())
    }

    fn table(&mut self, t: &Table, landscape: bool) {
        if !t.title.is_empty() {
            self.add(
                Paragraph::new()
                    .style(TABLE_TITLE_STYLE)
                    .keep_next(true)
                    .line_spacing(auto_lines().before(240))
                    .add_run(Run::new().add_text(&t.title)),
            );
        }
        if !t.unit_label.is_empty() && t.is_public_table() {
            // 编制单位 at the left, 单位 at the right tab stop: one line, as the forms print it.
            let right = usize::try_from(text_width(landscape)).unwrap_or(usize::MAX);
            self.add(
                Paragraph::new()
                    .add_tab(Tab::new().val(TabValueType::Right).pos(right))
                    .keep_next(true)
                    .line_spacing(auto_lines())
                    .add_run(text_run(
                        &format!("编制单位：{}", self.doc.unit),
                        SONGTI,
                        XIAOWU,
                    ))
                    .add_run(
                        Run::new()
                            .fonts(fonts(SONGTI))
                            .size(XIAOWU)
                            .add_tab()
                            .add_text(&t.unit_label),
                    ),
            );
        } else if !t.unit_label.is_empty() {
            self.add(
                Paragraph::new()
                    .align(AlignmentType::Right)
                    .keep_next(true)
                    .line_spacing(auto_lines())
                    .add_run(text_run(&t.unit_label, SONGTI, XIAOWU)),
            );
        }
        self.add_table(word_table(t, text_width(landscape)));
        for note in &t.notes {
            self.add(
                Paragraph::new()
                    .line_spacing(auto_lines())
                    .add_run(text_run(note, SONGTI, XIAOWU)),
            );
        }
    }

    fn chart(&mut self, chart: &Chart) -> Result<(), String> {
        // Three pixels a point: sharp when printed, about 100 KB a chart.
        let (w, h, png) = Printer::shared()
            .chart_png(chart, 3.0)
            .map_err(|e| e.to_string())?;
        self.pictures += 1;
        // The chart's page is 162 mm wide; it keeps that size in Word (EMU: 36 000 a mm).
        let width_emu = 162 * 36_000u32;
        let height_emu = (u64::from(width_emu) * u64::from(h) / u64::from(w.max(1))) as u32;
        let pic = Pic::new_with_dimensions(png, w, h)
            .id(format!("rIdChart{}", self.pictures))
            .size(width_emu, height_emu);
        self.add(
            Paragraph::new()
                .align(AlignmentType::Center)
                .line_spacing(auto_lines())
                .add_run(Run::new().add_image(pic)),
        );
        Ok(())
    }

    /// The sign-off on a page of its own after the document (a check report's right under
    /// it): each role with its name or a blank line to sign on, the seal and the date.
    fn sign_off(&mut self) {
        let Some(sign_off) = &self.doc.sign_off else {
            return;
        };
        let mut title = Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(text_run("审核签字", HEITI, SANHAO));
        if self.doc.kind == DocumentKind::Disclosure {
            title = title.page_break_before(true);
        }
        self.add(title);
        self.add(Paragraph::new());
        let blank = "＿".repeat(6);
        let rows: Vec<TableRow> = sign_off
            .roles
            .chunks(2)
            .map(|pair| {
                TableRow::new(
                    pair.iter()
                        .map(|(role, name)| {
                            let name = if name.is_empty() {
                                blank.as_str()
                            } else {
                                name
                            };
                            TableCell::new()
                                .width(text_width(false) as usize / 2, WidthType::Dxa)
                                .add_paragraph(Paragraph::new().size(SANHAO).add_run(text_run(
                                    &format!("{role}：{name}"),
                                    FANGSONG,
                                    SANHAO,
                                )))
                        })
                        .collect(),
                )
            })
            .collect();
        self.add_table(
            docx_rs::Table::without_borders(rows)
                .set_grid(vec![text_width(false) as usize / 2; 2])
                .layout(TableLayoutType::Fixed),
        );
        for _ in 0..3 {
            self.add(Paragraph::new());
        }
        self.add(
            Paragraph::new()
                .align(AlignmentType::Right)
                .add_run(text_run(
                    &format!("{}（盖章）", sign_off.unit),
                    FANGSONG,
                    SANHAO,
                )),
        );
        let date = self.date_text();
        self.add(
            Paragraph::new()
                .align(AlignmentType::Right)
                .add_run(text_run(&date, FANGSONG, SANHAO)),
        );
    }

    fn finish(self) -> Result<Vec<u8>, String> {
        // The document's own page setup closes the body: portrait (a check report's pages
        // are all landscape), numbered.
        let landscape = self.doc.kind == DocumentKind::CheckReport;
        let (w, h) = page_size(landscape);
        let mut docx = self
            .docx
            .page_size(w, h)
            .page_orient(orientation(landscape))
            .page_margin(margins(landscape))
            .footer(page_footer());
        if !self.numbered {
            docx = docx.page_num_type(PageNumType::new().start(1));
        }
        let mut xml = docx.build();
        xml.document = repeat_header_rows(&xml.document);
        xml.settings = update_fields_on_open(&xml.settings);
        let mut out = Cursor::new(Vec::new());
        xml.pack(&mut out)
            .map_err(|e| format!("无法生成 Word 文件：{e}"))?;
        Ok(out.into_inner())
    }
}

/// The first line's indent of a body paragraph: two characters of 三号 (32 points), for
/// readers that do not take the indent in characters.
fn two_characters() -> SpecialIndentType {
    SpecialIndentType::FirstLine(640)
}

fn auto_lines() -> LineSpacing {
    LineSpacing::new()
        .line(240)
        .line_rule(LineSpacingType::Auto)
}

/// A4 in twips (width, height), turned for landscape pages.
fn page_size(landscape: bool) -> (u32, u32) {
    if landscape {
        (A4_LONG, A4_SHORT)
    } else {
        (A4_SHORT, A4_LONG)
    }
}

fn orientation(landscape: bool) -> PageOrientationType {
    if landscape {
        PageOrientationType::Landscape
    } else {
        PageOrientationType::Portrait
    }
}

/// Asks Word and WPS to update the fields (the 目录's page numbers) when the file is opened:
/// `w:updateFields` goes right before `w:compat`, as the settings schema orders them (docx-rs
/// has no builder for it). Settings without `w:compat` are left as they are.
fn update_fields_on_open(settings: &[u8]) -> Vec<u8> {
    const COMPAT: &[u8] = b"<w:compat>";
    match settings.windows(COMPAT.len()).position(|w| w == COMPAT) {
        Some(at) => [
            &settings[..at],
            b"<w:updateFields w:val=\"true\" />".as_slice(),
            &settings[at..],
        ]
        .concat(),
        None => settings.to_vec(),
    }
}

/// The mark docx-rs writes for a row that must not break across pages; `word_table` puts it on
/// header rows only.
const CANT_SPLIT: &[u8] = b"<w:cantSplit />";
/// What a repeated header row carries: kept whole, and repeated at the top of every page the
/// table runs onto (docx-rs has no builder for `w:tblHeader`).
const HEADER_ROW: &[u8] = b"<w:cantSplit /><w:tblHeader />";

/// Marks every header row to repeat on each page: the rows `word_table` marked whole.
fn repeat_header_rows(xml: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(xml.len() + 1024);
    let mut rest = xml;
    while let Some(at) = rest.windows(CANT_SPLIT.len()).position(|w| w == CANT_SPLIT) {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(HEADER_ROW);
        rest = &rest[at + CANT_SPLIT.len()..];
    }
    out.extend_from_slice(rest);
    out
}

/// A table as Word has it: the columns in proportion to the printed widths over `width`
/// twips, merged cells (`gridSpan` across, `vMerge` down), header rows marked and shaded.
fn word_table(t: &Table, width: u32) -> docx_rs::Table {
    let total: u32 = t.widths.iter().map(|&w| u32::from(w)).sum::<u32>().max(1);
    let grid: Vec<usize> = t
        .widths
        .iter()
        .map(|&w| (u64::from(w) * u64::from(width) / u64::from(total)) as usize)
        .collect();
    let columns = grid.len().max(1);
    let rows: Vec<Vec<Cell>> = t.header.iter().chain(&t.rows).cloned().collect();
    let places = place(&rows);
    // Where a cell from a row above still spans: (row, col) → columns it covers there.
    let mut covered: std::collections::BTreeMap<(u32, u16), u16> =
        std::collections::BTreeMap::new();
    for (cells, at) in rows.iter().zip(&places) {
        for (cell, &(row, col)) in cells.iter().zip(at) {
            for below in 1..u32::from(cell.row_span.max(1)) {
                covered.insert((row + below, col), cell.col_span.max(1));
            }
        }
    }
    let header_rows = t.header.len();
    let mut word_rows = Vec::with_capacity(rows.len());
    for (index, (cells, at)) in rows.iter().zip(&places).enumerate() {
        let row = index as u32;
        let header = index < header_rows;
        let mut out: Vec<TableCell> = Vec::new();
        let mut col: u16 = 0;
        let mut next = cells.iter().zip(at).peekable();
        while usize::from(col) < columns {
            if let Some(&span) = covered.get(&(row, col)) {
                out.push(
                    sized(TableCell::new(), &grid, col, span)
                        .vertical_merge(VMergeType::Continue)
                        .add_paragraph(empty_cell()),
                );
                col += span;
                continue;
            }
            match next.peek() {
                Some((cell, (_, at_col))) if *at_col == col => {
                    out.push(word_cell(cell, header, &grid, col));
                    col += cell.col_span.max(1);
                    next.next();
                }
                // A short row: the rest of it is empty.
                _ => {
                    out.push(sized(TableCell::new(), &grid, col, 1).add_paragraph(empty_cell()));
                    col += 1;
                }
            }
        }
        let mut word_row = TableRow::new(out);
        if header {
            word_row = word_row.cant_split();
        }
        word_rows.push(word_row);
    }
    docx_rs::Table::new(word_rows)
        .set_grid(grid.clone())
        .width(grid.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

/// The paragraph of an empty cell: as high as a line of the table's text, not of the body's
/// 三号 on its fixed 28 pt lines (which made the rows with an empty side twice as tall).
fn empty_cell() -> Paragraph {
    Paragraph::new().size(XIAOWU).line_spacing(auto_lines())
}

fn sized(cell: TableCell, grid: &[usize], col: u16, span: u16) -> TableCell {
    let from = usize::from(col).min(grid.len());
    let to = (usize::from(col) + usize::from(span.max(1))).min(grid.len());
    let width: usize = grid[from..to].iter().sum();
    let cell = cell.width(width, WidthType::Dxa);
    if span > 1 {
        cell.grid_span(usize::from(span))
    } else {
        cell
    }
}

fn word_cell(cell: &Cell, header: bool, grid: &[usize], col: u16) -> TableCell {
    let align = match &cell.content {
        _ if header => AlignmentType::Center,
        Content::Centered(_) => AlignmentType::Center,
        c if c.is_number() => AlignmentType::Right,
        _ => AlignmentType::Left,
    };
    let size = if header { WUHAO } else { XIAOWU };
    let mut run = text_run(&cell.content.display(), SONGTI, size);
    if header || cell.strong {
        run = run.bold();
    }
    let mut word = sized(TableCell::new(), grid, col, cell.col_span)
        .vertical_align(VAlignType::Center)
        .add_paragraph(
            // The mark is the table's size too: an empty cell is a table line high.
            Paragraph::new()
                .align(align)
                .size(size)
                .line_spacing(auto_lines())
                .add_run(run),
        );
    if cell.row_span > 1 {
        word = word.vertical_merge(VMergeType::Restart);
    }
    if header {
        word = word.shading(docx_rs::Shading::new().fill("E6E6E6"));
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_marked_rows_repeat() {
        let xml = b"<w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr><w:tr><w:trPr /></w:tr>";
        let out = String::from_utf8(repeat_header_rows(xml)).unwrap();
        assert_eq!(
            out,
            "<w:tr><w:trPr><w:cantSplit /><w:tblHeader /></w:trPr></w:tr><w:tr><w:trPr /></w:tr>"
        );
    }
}
