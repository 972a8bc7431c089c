//! Document → pages → PDF, and the same pages rendered for the preview.
//!
//! Typst lays the pages out: `assets/print/document.typ` is the template and the document model
//! is handed to it as JSON data (never as generated markup). One [`Pages`] value feeds both the
//! PDF (typst-pdf, through krilla, fonts embedded and subset) and the preview (typst-render), so
//! the preview shows exactly the PDF's lines and pages.

mod world;

use std::fmt;
use std::sync::OnceLock;

use serde::Serialize;
use typst::foundations::Smart;
use typst_layout::PagedDocument;

use crate::document::{Block, Document};

pub use world::FONT_FILES;

/// The date printed on the cover and the sign-off block, and recorded in the PDF. Passed in:
/// the core reads no clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PrintDate {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
}

impl PrintDate {
    /// The same day as the model's date (`None` if it does not exist).
    pub fn date(self) -> Option<crate::model::Date> {
        crate::model::Date::new(self.year, u32::from(self.month), u32::from(self.day))
    }
}

/// What the template reads.
#[derive(Serialize)]
struct PrintData<'a> {
    title: &'a str,
    /// The title after the unit's name (2023年度单位决算), under the name on the cover.
    what: &'a str,
    unit: &'a str,
    year: i32,
    date: PrintDate,
    sign_off: Option<&'a crate::document::SignOff>,
    review_line: &'a str,
    /// How the body text is set.
    body_style: crate::document::BodyStyle,
    /// Whether the blocks get a cover and contents before them and the sign-off a page of its
    /// own (the disclosure document), or neither (a check report).
    front_matter: bool,
    /// A page as large as one chart and nothing else (the chart's image for Word).
    figure_only: bool,
    blocks: Vec<PrintBlock<'a>>,
}

/// A block as the template lays it out: wide tables that follow each other share one landscape
/// page, with the heading that introduces them.
#[derive(Serialize)]
#[serde(untagged)]
enum PrintBlock<'a> {
    Plain(&'a Block),
    Landscape {
        block: &'static str,
        items: Vec<&'a Block>,
    },
}

fn group_landscape(blocks: &[Block]) -> Vec<PrintBlock<'_>> {
    let mut out = Vec::new();
    for run in crate::document::page_runs(blocks) {
        if run.landscape {
            out.push(PrintBlock::Landscape {
                block: "landscape",
                items: run.blocks,
            });
        } else {
            out.extend(run.blocks.into_iter().map(PrintBlock::Plain));
        }
    }
    out
}

/// Laid-out pages, ready to be rendered or written as PDF.
pub struct Pages {
    doc: PagedDocument,
    ident: String,
}

/// The catalog's mark information as krilla writes it. `/Suspects false` is valid and the
/// default, but poppler before 25.12 takes a false value for a wrong type and prints "Syntax Error:
/// Suspects object is wrong type (boolean)" each time Evince, Okular or `pdfinfo` opens the file.
const MARK_INFO: &[u8] = b"/MarkInfo<</Marked true/Suspects false>>";

/// Drops the default `/Suspects false` from the catalog, keeping every byte offset (the key is
/// overwritten with spaces, so the cross-reference table stays right). A PDF without exactly this
/// dictionary is left as it is.
fn quiet_poppler(pdf: &mut [u8]) {
    let key = b"/Suspects false";
    // The catalog is written near the end: search backwards (a forward scan of the bytes took
    // 12 ms of the 50× project's PDF).
    if let Some(at) = memchr::memmem::rfind(pdf, MARK_INFO) {
        let start = at + MARK_INFO.len() - 2 - key.len();
        pdf[start..start + key.len()].fill(b' ');
    }
}

impl Pages {
    /// How many pages there are.
    pub fn count(&self) -> usize {
        self.doc.pages().len()
    }

    /// The PDF: fonts embedded and subset, text selectable, title and author set. The same
    /// pages and date always give the same bytes.
    pub fn pdf(&self) -> Result<Vec<u8>, PrintError> {
        let options = typst_pdf::PdfOptions {
            ident: Smart::Custom(self.ident.clone()),
            creator: Smart::Custom(Some("决算助手 juesuan".to_owned())),
            ..Default::default()
        };
        let mut pdf = typst_pdf::pdf(&self.doc, &options)
            .map_err(|e| PrintError::from_diagnostics("PDF", &e))?;
        quiet_poppler(&mut pdf);
        Ok(pdf)
    }

    /// Renders page `index` (0-based) at `pixels_per_point` (2.0 gives 1191 × 1684 for A4) as
    /// RGBA pixels: (width, height, bytes).
    pub fn render(&self, index: usize, pixels_per_point: f32) -> Option<(u32, u32, Vec<u8>)> {
        let page = self.doc.pages().get(index)?;
        let options = typst_render::RenderOptions {
            pixel_per_pt: typst::utils::Scalar::new(f64::from(pixels_per_point)),
            ..Default::default()
        };
        let pixmap = typst_render::render(page, &options);
        let (w, h) = (pixmap.width(), pixmap.height());
        // tiny-skia stores premultiplied RGBA; pages are opaque, so it is plain RGBA.
        Some((w, h, pixmap.take()))
    }
}

/// Why the pages could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintError {
    /// What failed, in Chinese, with typst's own message for the record.
    pub message: String,
}

impl PrintError {
    fn from_diagnostics(stage: &str, diagnostics: &[typst::diag::SourceDiagnostic]) -> PrintError {
        let details: Vec<String> = diagnostics.iter().map(|d| d.message.to_string()).collect();
        PrintError {
            message: format!("{stage}排版失败：{}", details.join("；")),
        }
    }
}

impl fmt::Display for PrintError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PrintError {}

/// The typesetter: fonts and the standard library, loaded once per process.
pub struct Printer {
    world: world::Base,
}

impl Printer {
    /// The shared printer (fonts are parsed on first use).
    pub fn shared() -> &'static Printer {
        static PRINTER: OnceLock<Printer> = OnceLock::new();
        PRINTER.get_or_init(|| Printer {
            world: world::Base::new(),
        })
    }

    /// Lays out `doc` on pages, dated `date`. Everything printed comes from the document.
    pub fn layout(&self, doc: &Document, date: PrintDate) -> Result<Pages, PrintError> {
        let data = PrintData {
            title: &doc.title,
            what: doc.title_after_unit(),
            unit: &doc.unit,
            year: doc.year,
            date,
            sign_off: doc.sign_off.as_ref(),
            review_line: &doc.review_line,
            body_style: doc.body_style,
            front_matter: doc.kind == crate::document::DocumentKind::Disclosure,
            figure_only: false,
            blocks: group_landscape(&doc.blocks),
        };
        self.compile(&data, format!("juesuan:{}:{}", doc.unit, doc.year))
    }

    /// The document's cover alone, laid out in a few milliseconds however long the document
    /// is: its first page is the document's first page, which the preview shows while the
    /// whole document is laid out.
    pub fn cover(&self, doc: &Document, date: PrintDate) -> Result<Pages, PrintError> {
        let cover = Document {
            blocks: Vec::new(),
            sign_off: None,
            ..doc.clone()
        };
        self.layout(&cover, date)
    }

    /// `chart` as a PNG image, drawn as the printed page draws it (same fonts, colours and
    /// caption) at `pixels_per_point`, on a page as large as the chart: the picture Word and
    /// WPS get.
    /// Returns (width, height, PNG bytes).
    pub fn chart_png(
        &self,
        chart: &crate::document::Chart,
        pixels_per_point: f32,
    ) -> Result<(u32, u32, Vec<u8>), PrintError> {
        let block = Block::Chart(chart.clone());
        let data = PrintData {
            title: "",
            what: "",
            unit: "",
            year: 0,
            date: PrintDate {
                year: 2000,
                month: 1,
                day: 1,
            },
            sign_off: None,
            review_line: "",
            body_style: crate::document::BodyStyle::Published,
            front_matter: false,
            figure_only: true,
            blocks: vec![PrintBlock::Plain(&block)],
        };
        let pages = self.compile(&data, String::new())?;
        let (width, height, rgba) =
            pages
                .render(0, pixels_per_point)
                .ok_or_else(|| PrintError {
                    message: format!("图{}未能画出", chart.number),
                })?;
        let png = encode_png(width, height, &rgba).map_err(|e| PrintError {
            message: format!("图{}未能存为图片：{e}", chart.number),
        })?;
        Ok((width, height, png))
    }

    /// Lays out `data` (dated as it says), the PDF identified by `ident`.
    fn compile(&self, data: &PrintData<'_>, ident: String) -> Result<Pages, PrintError> {
        let json = serde_json::to_vec(data).map_err(|e| PrintError {
            message: format!("文档数据无法序列化：{e}"),
        })?;
        let world = self.world.with_data(json, data.date);
        let result = typst::compile::<PagedDocument>(&world).output;
        // typst memoises across compilations; without eviction its cache keeps growing.
        typst::comemo::evict(10);
        let doc_pages = result.map_err(|e| {
            let mut error = PrintError::from_diagnostics("", &e);
            // Where in the template, for the record (the data cannot hold markup, so a failure
            // is the template's).
            if let Some(line) = e
                .first()
                .and_then(|d| typst::WorldExt::range(&world, d.span))
                .and_then(|r| world.template_line(r.start))
            {
                error
                    .message
                    .push_str(&format!("（document.typ 第 {line} 行）"));
            }
            error
        })?;
        Ok(Pages {
            doc: doc_pages,
            ident,
        })
    }
}

fn encode_png(width: u32, height: u32, rgba: &[u8]) -> Result<Vec<u8>, png::EncodingError> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(rgba)?;
    writer.finish()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::build_with_builtin_catalog;
    use crate::example::example;

    #[test]
    fn wide_tables_share_a_landscape_page_with_their_heading() {
        let doc = build_with_builtin_catalog(&example().unwrap());
        let grouped = group_landscape(&doc.blocks);
        let pages: Vec<&Vec<&Block>> = grouped
            .iter()
            .filter_map(|b| match b {
                PrintBlock::Landscape { items, .. } => Some(items),
                PrintBlock::Plain(_) => None,
            })
            .collect();
        // 表2 and 表3 (one group), 表7 and 表8, and the self-assessment form (heading + its table).
        let form = pages
            .iter()
            .find(|items| items.len() == 2 && matches!(items[0], Block::Heading { .. }))
            .unwrap();
        assert!(matches!(form[0], Block::Heading { text, .. } if text.contains("绩效自评表")));
        let wide: usize = pages
            .iter()
            .map(|p| p.iter().filter(|b| matches!(b, Block::Table(_))).count())
            .sum();
        let all_wide = doc
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Table(t) if t.wide))
            .count();
        assert_eq!(wide, all_wide);
    }

    /// The contents are empty in typst's first layout pass (no heading is known yet); the
    /// template reserves a blank line for each entry there will be, so the later pages do not
    /// move when the entries arrive and typst need not lay them all out a third time (at 50×
    /// that third pass held 40 MB more). The count is the template's own; here it is checked
    /// against the entries the contents list.
    #[test]
    fn the_contents_reserve_a_line_for_every_entry() {
        use typst::foundations::{Label, NativeElement, Selector, Value};
        use typst::introspection::Introspector;
        use typst::model::HeadingElem;
        use typst::utils::PicoStr;

        let date = PrintDate {
            year: 2024,
            month: 5,
            day: 31,
        };
        for project in [
            example().unwrap(),
            crate::example::scaled_example(3).unwrap(),
        ] {
            let pages = Printer::shared()
                .layout(&build_with_builtin_catalog(&project), date)
                .unwrap();
            let introspector = pages.doc.introspector();
            let label = Label::new(PicoStr::intern("contents-entries")).unwrap();
            let reserved = introspector
                .query_label(label)
                .unwrap()
                .get_by_name("value")
                .unwrap();
            let listed = introspector
                .query(&Selector::Elem(HeadingElem::ELEM, None))
                .iter()
                .filter(|h| h.get_by_name("outlined") == Ok(Value::Bool(true)))
                .count();
            assert!(listed > 20, "{listed} entries");
            assert_eq!(reserved, Value::Int(i64::try_from(listed).unwrap()));
        }
    }

    #[test]
    fn the_default_suspects_flag_is_blanked_in_place() {
        let mut pdf =
            b"1 0 obj<</Type/Catalog/MarkInfo<</Marked true/Suspects false>>>>endobj".to_vec();
        let len = pdf.len();
        quiet_poppler(&mut pdf);
        assert_eq!(pdf.len(), len, "offsets stay");
        assert_eq!(
            String::from_utf8(pdf).unwrap(),
            "1 0 obj<</Type/Catalog/MarkInfo<</Marked true               >>>>endobj"
        );
        let mut other = b"/MarkInfo<</Marked true/Suspects true>>".to_vec();
        quiet_poppler(&mut other);
        assert_eq!(other, b"/MarkInfo<</Marked true/Suspects true>>");
    }
}
