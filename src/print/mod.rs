//! Document → pages → PDF, and the same pages rendered for the preview.
//!
//! Typst lays the pages out: `assets/print/document.typ` is the template and the document model
//! is handed to it as JSON data (never as generated markup). The cover, the contents and the
//! page numbers are a second, small compilation (`front.typ`) made from the finished pages, so
//! that the document's pages are laid out once. One [`Pages`] value feeds both the PDF
//! (typst-pdf, through krilla, fonts embedded and subset) and the preview (typst-render), so the
//! preview shows exactly the PDF's lines and pages.

mod world;

use std::fmt;
use std::sync::OnceLock;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use serde::Serialize;
use typst::diag::SourceResult;
use typst::ecow::EcoVec;
use typst::foundations::Smart;
use typst::layout::Point;
use typst_layout::{Page, PagedDocument};

use world::Part;

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

/// What `document.typ` reads: the document's pages.
#[derive(Serialize)]
struct BodyData<'a> {
    title: &'a str,
    unit: &'a str,
    date: PrintDate,
    sign_off: Option<&'a crate::document::SignOff>,
    /// How the body text is set.
    body_style: crate::document::BodyStyle,
    /// Whether the pages are the disclosure document's (a cover and contents go before them,
    /// and the sign-off gets a page of its own) or a check report's.
    front_matter: bool,
    /// A page as large as one chart and nothing else (the chart's image for Word).
    figure_only: bool,
    blocks: Vec<PrintBlock<'a>>,
}

/// What `front.typ` reads: the cover, the contents and the page numbers of pages already laid
/// out.
#[derive(Serialize)]
struct FrontData<'a> {
    unit: &'a str,
    /// The title after the unit's name (2023年度单位决算), under the name on the cover.
    what: &'a str,
    date: PrintDate,
    review_line: &'a str,
    body_style: crate::document::BodyStyle,
    cover: bool,
    /// The contents' lines (`None`: no contents page).
    contents: Option<Vec<ContentsEntry>>,
    /// The size of each page of the document, which gets a page number.
    footers: Vec<PageSize>,
}

/// A line of the contents: a heading listed in them, where it is on the document's pages.
#[derive(Serialize)]
struct ContentsEntry {
    text: String,
    level: i64,
    /// The document's page, from 1 (the number printed on it).
    page: usize,
    /// Where on that page, in points from the top left.
    x: f64,
    y: f64,
}

/// A page's size in points.
#[derive(Serialize)]
struct PageSize {
    width: f64,
    height: f64,
}

/// The headings the contents list (outlined, of the first two levels), in order, with the page
/// and place each landed on.
fn contents_entries(body: &PagedDocument) -> Vec<ContentsEntry> {
    use typst::foundations::{NativeElement, Selector, Value};
    use typst::introspection::Introspector;
    use typst::model::HeadingElem;

    let introspector = body.introspector();
    introspector
        .query(&Selector::Elem(HeadingElem::ELEM, None))
        .iter()
        .filter(|h| h.get_by_name("outlined") == Ok(Value::Bool(true)))
        .filter_map(|h| {
            let Ok(Value::Int(level)) = h.get_by_name("level") else {
                return None;
            };
            let Ok(Value::Content(body)) = h.get_by_name("body") else {
                return None;
            };
            let at = introspector.position(h.location()?)?;
            (level <= 2).then(|| ContentsEntry {
                text: body.plain_text().to_string(),
                level,
                page: at.page.get(),
                x: at.point.x.to_pt(),
                y: at.point.y.to_pt(),
            })
        })
        .collect()
}

/// The front part's data with no contents and no page numbers.
fn front_data<'a>(doc: &'a Document, date: PrintDate, cover: bool) -> FrontData<'a> {
    FrontData {
        unit: &doc.unit,
        what: doc.title_after_unit(),
        date,
        review_line: &doc.review_line,
        body_style: doc.body_style,
        cover,
        contents: None,
        footers: Vec::new(),
    }
}

/// Moves the links of `frame` `by` pages on: a contents line links to its heading's page of the
/// document, which is that many pages further in the PDF, after the cover and the contents.
fn move_links(frame: &mut typst::layout::Frame, by: usize) {
    use typst::layout::FrameItem;
    use typst::model::Destination;
    // `retain` is the frame's only mutable walk over its items; every item is kept.
    frame.retain(|item| {
        match item {
            FrameItem::Link(Destination::Position(at), _) => at.page = at.page.saturating_add(by),
            FrameItem::Group(group) => move_links(&mut group.frame, by),
            _ => {}
        }
        true
    });
}

/// Drops the introspection marks from `frame` (a page number drawn over a page of another
/// compilation must not bring its marks along).
fn strip_tags(frame: &mut typst::layout::Frame) {
    use typst::layout::FrameItem;
    frame.retain(|item| match item {
        FrameItem::Tag(_) => false,
        FrameItem::Group(group) => {
            strip_tags(&mut group.frame);
            true
        }
        _ => true,
    });
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
        // On a worker of rayon's pool (the scope's closure runs there when called from outside
        // it), where the layout ran: the PDF is then made in the memory the layout freed,
        // which stays with those threads' allocator arenas, instead of in new memory on this
        // thread. At 50× the whole process's peak varied less and stayed under 200 MiB
        // (165–192 MiB against 171–205 MiB, 8 alternating runs).
        let mut pdf = rayon::scope(|_| typst_pdf::pdf(&self.doc, &options))
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

/// What becomes of typst's memo cache after a compilation.
#[derive(Clone, Copy)]
enum Cache {
    /// Kept (for ten more compilations): what an edit left unchanged is not laid out again.
    Keep,
    /// Emptied during the compilation of what went unused (see [`compile_evicting`]) and
    /// wholly after it: nothing will be laid out again.
    Drop,
}

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
    ///
    /// Two compilations: the document's pages first, with no page numbers and no contents, so
    /// that typst lays them out once (a contents list or a page number in a footer has typst
    /// lay every page out a second time, once it knows where they fell: at 50× that pass took
    /// about 0.2 s); then the front part: the cover, the contents read from those pages, and the
    /// page numbers, drawn over them.
    pub fn layout(&self, doc: &Document, date: PrintDate) -> Result<Pages, PrintError> {
        self.layout_with(doc, date, Cache::Keep)
    }

    /// As [`Printer::layout`], for a process that lays out this one document (the command
    /// line): typst's memo cache is emptied while the pages are laid out and after each
    /// compilation, so the front part and the PDF are made in the memory the pages' layout
    /// used. The app keeps the cache: laying the pages out again after an edit then takes a
    /// fifth of the time.
    pub fn layout_once(&self, doc: &Document, date: PrintDate) -> Result<Pages, PrintError> {
        self.layout_with(doc, date, Cache::Drop)
    }

    fn layout_with(
        &self,
        doc: &Document,
        date: PrintDate,
        cache: Cache,
    ) -> Result<Pages, PrintError> {
        let front_matter = doc.kind == crate::document::DocumentKind::Disclosure;
        let body = self.compile(
            Part::Body,
            &BodyData {
                title: &doc.title,
                unit: &doc.unit,
                date,
                sign_off: doc.sign_off.as_ref(),
                body_style: doc.body_style,
                front_matter,
                figure_only: false,
                blocks: group_landscape(&doc.blocks),
            },
            date,
            cache,
        )?;
        let front = FrontData {
            contents: front_matter.then(|| contents_entries(&body)),
            footers: body
                .pages()
                .iter()
                .map(|p| PageSize {
                    width: p.frame.width().to_pt(),
                    height: p.frame.height().to_pt(),
                })
                .collect(),
            ..front_data(doc, date, front_matter)
        };
        let laid_out = self.compile(Part::Front, &front, date, cache)?;
        let front_pages = laid_out.pages().len().saturating_sub(front.footers.len());
        let (before, numbers) = laid_out.pages().split_at(front_pages);
        let mut pages: EcoVec<Page> = before
            .iter()
            .map(|page| {
                let mut page = page.clone();
                move_links(&mut page.frame, front_pages);
                page
            })
            .collect();
        for (page, number) in body.pages().iter().zip(numbers) {
            let mut page = page.clone();
            let mut number = number.frame.clone();
            strip_tags(&mut number);
            page.frame.push_frame(Point::zero(), number);
            pages.push(page);
        }
        let info = typst::model::Document::info(&body).clone();

        Ok(Pages {
            doc: PagedDocument::new(pages, info),
            ident: format!("juesuan:{}:{}", doc.unit, doc.year),
        })
    }

    /// The document's cover alone, laid out in a few milliseconds however long the document
    /// is: its first page is the document's first page, which the preview shows while the
    /// whole document is laid out.
    pub fn cover(&self, doc: &Document, date: PrintDate) -> Result<Pages, PrintError> {
        let front = front_data(doc, date, true);
        Ok(Pages {
            doc: self.compile(Part::Front, &front, date, Cache::Keep)?,
            ident: String::new(),
        })
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
        let data = BodyData {
            title: "",
            unit: "",
            date: PrintDate {
                year: 2000,
                month: 1,
                day: 1,
            },
            sign_off: None,
            body_style: crate::document::BodyStyle::Published,
            front_matter: false,
            figure_only: true,
            blocks: vec![PrintBlock::Plain(&block)],
        };
        let pages = Pages {
            doc: self.compile(Part::Body, &data, data.date, Cache::Keep)?,
            ident: String::new(),
        };
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

    /// Lays out `part` from `data`, dated `date`.
    fn compile(
        &self,
        part: Part,
        data: &impl Serialize,
        date: PrintDate,
        cache: Cache,
    ) -> Result<PagedDocument, PrintError> {
        let json = serde_json::to_vec(data).map_err(|e| PrintError {
            message: format!("文档数据无法序列化：{e}"),
        })?;
        let world = self.world.with_data(part, json, date);
        let result = match cache {
            Cache::Keep => typst::compile::<PagedDocument>(&world).output,
            Cache::Drop => compile_evicting(&world),
        };
        // typst memoises across compilations; without eviction its cache keeps growing.
        typst::comemo::evict(match cache {
            Cache::Keep => 10,
            Cache::Drop => 0,
        });
        result.map_err(|e| {
            let mut error = PrintError::from_diagnostics("", &e);
            // Where in the templates, for the record (the data cannot hold markup, so a
            // failure is the templates').
            if let Some((file, line)) = e.first().and_then(|d| world.template_line(d.span)) {
                error.message.push_str(&format!("（{file} 第 {line} 行）"));
            }
            error
        })
    }
}

/// How often [`compile_evicting`] empties typst's memo cache while it lays out.
const EVICT_EVERY: Duration = Duration::from_millis(5);

/// Compiles `world` while a second thread empties typst's memo cache every [`EVICT_EVERY`] of
/// what went unused since the last time. Within one compilation typst reuses a result within
/// microseconds (a table cell measured, then laid out at its row's height) or not at all, so
/// the pages are the same (tested) and no slower, but memory holds the pages and not every
/// intermediate layout of every cell and paragraph as well: at 50× the layout's peak fell
/// from about 230 MB to 130 MB. Only for a process that lays a document out once: an app
/// keeps the cache between compilations to lay out again only what an edit changed.
fn compile_evicting(world: &world::DocWorld<'_>) -> SourceResult<PagedDocument> {
    let (done, finished) = mpsc::channel::<()>();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            while let Err(RecvTimeoutError::Timeout) = finished.recv_timeout(EVICT_EVERY) {
                typst::comemo::evict(1);
            }
        });
        let result = typst::compile::<PagedDocument>(world).output;
        // The evicting thread ends when the sender is dropped.
        drop(done);
        result
    })
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

    const DATE: PrintDate = PrintDate {
        year: 2024,
        month: 5,
        day: 31,
    };

    /// Emptying typst's cache while it lays out (the command line) changes nothing printed:
    /// the same pages, byte for byte, as with the cache kept.
    #[test]
    fn evicting_during_layout_prints_the_same_pdf() {
        let doc = build_with_builtin_catalog(&crate::example::scaled_example(3).expect("example"));
        let printer = Printer::shared();
        let evicted = printer.layout_once(&doc, DATE).expect("layout");
        let kept = printer.layout(&doc, DATE).expect("layout");
        assert!(evicted.count() > 40, "{} pages", evicted.count());
        assert_eq!(evicted.count(), kept.count());
        assert!(evicted.pdf().expect("pdf") == kept.pdf().expect("pdf"));
    }

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

    /// The contents are laid out after the pages, from the headings on them: each line links to
    /// its heading's place, on the right page of the PDF however many pages the contents take.
    #[test]
    fn every_contents_line_links_to_its_headings_page() {
        use typst::foundations::{NativeElement, Selector, Value};
        use typst::introspection::Introspector;
        use typst::layout::{Frame, FrameItem};
        use typst::model::{Destination, HeadingElem};

        // Places to a hundredth of a point (they go to the front part as JSON numbers).
        fn place(page: usize, y: typst::layout::Abs) -> (usize, i64) {
            (page, (y.to_pt() * 100.0).round() as i64)
        }
        fn links(frame: &Frame, out: &mut Vec<(usize, i64)>) {
            for (_, item) in frame.items() {
                match item {
                    FrameItem::Link(Destination::Position(at), _) => {
                        out.push(place(at.page.get(), at.point.y));
                    }
                    FrameItem::Group(group) => links(&group.frame, out),
                    _ => {}
                }
            }
        }

        for project in [
            example().unwrap(),
            crate::example::scaled_example(10).unwrap(),
        ] {
            let pages = Printer::shared()
                .layout(&build_with_builtin_catalog(&project), DATE)
                .unwrap();
            let introspector = pages.doc.introspector();
            let headings: Vec<(usize, i64)> = introspector
                .query(&Selector::Elem(HeadingElem::ELEM, None))
                .iter()
                .filter(|h| h.get_by_name("outlined") == Ok(Value::Bool(true)))
                .filter(|h| matches!(h.get_by_name("level"), Ok(Value::Int(l)) if l <= 2))
                .map(|h| {
                    let at = introspector.position(h.location().unwrap()).unwrap();
                    place(at.page.get(), at.point.y)
                })
                .collect();
            let mut lines = Vec::new();
            for page in pages.doc.pages() {
                links(&page.frame, &mut lines);
            }
            // A line's title, dots and number are three link areas to one place.
            lines.dedup();
            assert!(headings.len() > 20, "{} entries", headings.len());
            assert_eq!(lines, headings);
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
