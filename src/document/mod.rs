//! The disclosure document (决算公开) as data: headings, paragraphs, tables, charts and notes,
//! built from a project as a pure value.
//!
//! Every number in the document comes from the project's exact figures through [`Figures`], so
//! the text, the tables and the charts state the same amounts and the same shares. Renderers —
//! plain text and Markdown here, the print pages and PDF elsewhere — only lay this value out.

mod attachments;
mod audit;
pub mod charts;
pub mod editing;
mod figures;
pub mod glossary;
pub mod render;
pub mod tables;

use serde::Serialize;

pub use figures::{Figures, Share, Structure};

use crate::catalog::Catalog;
use crate::model::Project;
use crate::model::totals::Totals;
use crate::money::{Percent, Wan};
use crate::template::{ProblemKind, Template};

/// The whole document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Document {
    /// The title, e.g. 中共遂宁市安居区委目标绩效管理办公室2023年度部门决算.
    pub title: String,
    /// The unit's full name.
    pub unit: String,
    /// The accounting year.
    pub year: i32,
    /// The content, in reading order.
    pub blocks: Vec<Block>,
    /// The template it was made with (its id).
    pub template: String,
    /// The signatures the leadership puts under the document, printed after it; `None` where
    /// the template prints none.
    pub sign_off: Option<SignOff>,
    /// A line the template prints at the head of the document (保密审查情况 …); empty for none.
    pub review_line: String,
    /// How the printed page sets the body text, as the template asks.
    pub body_style: BodyStyle,
    /// What it is: the disclosure document (with a cover and contents) or a report of the
    /// checks.
    #[serde(skip)]
    pub kind: DocumentKind,
    /// What the template could not make: paragraphs left out, and why.
    #[serde(skip)]
    pub problems: Vec<crate::template::TemplateProblem>,
    /// Which blocks each editable paragraph made, for the wording editor.
    #[serde(skip)]
    pub sources: Vec<crate::template::Source>,
}

/// How the printed page sets the body text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BodyStyle {
    /// 小四 (12 pt) with headings a size larger, as most provinces' published documents are.
    #[default]
    Published,
    /// As GB/T 9704 sets 公文: body and headings 三号 (16 pt), on a grid of 22 lines of 28
    /// characters a page (版心 156 mm × 225 mm), headings on the same grid.
    Official,
}

/// What a document is, for the pages it gets around its blocks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DocumentKind {
    /// The disclosure document: a cover, the contents, the blocks, the sign-off on a page of
    /// its own.
    #[default]
    Disclosure,
    /// The check report: the blocks, and the sign-off under them.
    CheckReport,
}

/// The sign-off after the document: who signs (names left blank print as blank lines, and
/// JS-705 lists them) and the unit whose seal goes beside the date.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SignOff {
    /// The unit that seals it.
    pub unit: String,
    /// Each signatory's role (单位负责人 …) and name, in the form's order.
    pub roles: Vec<(String, String)>,
}

impl SignOff {
    /// The sign-off of `unit`'s signatories.
    pub fn of(unit: &crate::model::Unit) -> SignOff {
        SignOff {
            unit: unit.name.clone(),
            roles: crate::model::Signatory::ALL
                .iter()
                .map(|who| {
                    (
                        who.label().to_owned(),
                        who.of(&unit.signatories).trim().to_owned(),
                    )
                })
                .collect(),
        }
    }
}

/// One block of content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "block", rename_all = "snake_case")]
pub enum Block {
    /// A heading. Level 0 is a part (第一部分, 附件1), 1 is 一、, 2 is （一）, 3 is 1.
    Heading {
        /// 0 to 3.
        level: u8,
        /// The heading's text, its number included (一、部门职责).
        text: String,
    },
    /// A paragraph of running text.
    Paragraph {
        /// The text.
        text: String,
    },
    /// A note in smaller print (注：…).
    Note {
        /// The text.
        text: String,
    },
    /// A line centred under a title (（报告范围包括机关和下属单位）).
    Subtitle {
        /// The text.
        text: String,
    },
    /// A table.
    Table(Table),
    /// A chart.
    Chart(Chart),
    /// Starts a new page before the next block, where a renderer has pages.
    PageBreak,
}

/// A table with header rows and body rows; cells may span columns and rows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Table {
    /// The title printed above the table, e.g. 表1 收入支出决算总表.
    pub title: String,
    /// The unit line printed at its right, e.g. 单位：万元; empty for none.
    pub unit_label: String,
    /// Relative column widths; their count is the number of columns.
    pub widths: Vec<u16>,
    /// Header rows, repeated on every page.
    pub header: Vec<Vec<Cell>>,
    /// Body rows.
    pub rows: Vec<Vec<Cell>>,
    /// Notes printed below the table (本表无数据 …).
    pub notes: Vec<String>,
    /// Whether the table is wide enough to want a landscape page.
    pub wide: bool,
    /// Why the model cannot fill this table yet, when it cannot (it is then printed with its
    /// headers and a note, and the checks report it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unfilled: Option<String>,
    /// Which of the tables a template can name it is (`tables::TABLES`), empty for a table of
    /// another kind (a self-assessment form, a check report's). The printed page reads it: a
    /// 公开表 is listed in the contents.
    pub id: String,
    /// Detail the official table lists that was not entered (only its totals were), and the
    /// fields where it is entered: the table prints what there is with a note, and the checks
    /// report it.
    #[serde(skip)]
    pub detail_missing: Option<(String, Vec<crate::model::FieldPath>)>,
}

impl Table {
    /// Whether it is one of the template's 公开表, however the template numbers them (表1,
    /// 表一, 一、): listed in the contents and printed, as the official forms are, with the
    /// 编制单位 on the line of its 单位.
    pub fn is_public_table(&self) -> bool {
        !self.id.is_empty()
    }
}

/// One cell of a table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// What the cell shows.
    pub content: Content,
    /// Columns it spans (at least 1).
    pub col_span: u16,
    /// Rows it spans (at least 1).
    pub row_span: u16,
    /// Whether it is emphasised (合计 rows, row labels of a form).
    pub strong: bool,
}

/// What a cell shows. Amounts stay exact here; renderers format them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Content {
    /// Text, left-aligned.
    Text(String),
    /// Text, centred (headings of columns).
    Centered(String),
    /// An amount in 万元, right-aligned with separators (4,733.14).
    Amount(#[serde(serialize_with = "serialize_wan")] Wan),
    /// A percentage, right-aligned with two decimals (100.00%).
    Percent(#[serde(serialize_with = "serialize_percent")] Percent),
    /// A number that is not money (权重, 得分), right-aligned as written.
    Figure(String),
    /// Nothing.
    Empty,
}

fn serialize_wan<S: serde::Serializer>(w: &Wan, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&w.table())
}

fn serialize_wan_plain<S: serde::Serializer>(w: &Wan, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&w.text())
}

fn serialize_percent<S: serde::Serializer>(p: &Percent, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&p.table())
}

impl Content {
    /// The cell's text as a renderer prints it.
    pub fn display(&self) -> String {
        match self {
            Content::Text(t) | Content::Centered(t) | Content::Figure(t) => t.clone(),
            Content::Amount(a) => a.table(),
            Content::Percent(p) => p.table(),
            Content::Empty => String::new(),
        }
    }

    /// Whether the content is a number (right-aligned).
    pub fn is_number(&self) -> bool {
        matches!(
            self,
            Content::Amount(_) | Content::Percent(_) | Content::Figure(_)
        )
    }
}

impl Cell {
    /// A plain text cell.
    pub fn text(t: impl Into<String>) -> Cell {
        Cell::new(Content::Text(t.into()))
    }

    /// A centred header cell.
    pub fn head(t: impl Into<String>) -> Cell {
        Cell::new(Content::Centered(t.into()))
    }

    /// A centred text cell (a form's labels and short values).
    pub fn centered(t: impl Into<String>) -> Cell {
        Cell::new(Content::Centered(t.into()))
    }

    /// A number that is not money, right-aligned (权重, 得分).
    pub fn figure(t: impl Into<String>) -> Cell {
        Cell::new(Content::Figure(t.into()))
    }

    /// A count (vehicles, 台（套）), right-aligned; empty when not entered.
    pub fn maybe_count(n: Option<u64>) -> Cell {
        n.map_or_else(Cell::empty, |n| Cell::figure(n.to_string()))
    }

    /// An amount cell.
    pub fn amount(a: Wan) -> Cell {
        Cell::new(Content::Amount(a))
    }

    /// An amount cell, empty when there is no amount.
    pub fn maybe_amount(a: Option<Wan>) -> Cell {
        a.map_or_else(Cell::empty, Cell::amount)
    }

    /// A percentage cell.
    pub fn percent(p: Percent) -> Cell {
        Cell::new(Content::Percent(p))
    }

    /// An empty cell.
    pub fn empty() -> Cell {
        Cell::new(Content::Empty)
    }

    fn new(content: Content) -> Cell {
        Cell {
            content,
            col_span: 1,
            row_span: 1,
            strong: false,
        }
    }

    /// This cell spanning `n` columns.
    pub fn cols(mut self, n: u16) -> Cell {
        self.col_span = n.max(1);
        self
    }

    /// This cell spanning `n` rows.
    pub fn rows(mut self, n: u16) -> Cell {
        self.row_span = n.max(1);
        self
    }

    /// This cell emphasised.
    pub fn strong(mut self) -> Cell {
        self.strong = true;
        self
    }
}

/// Blocks that share one orientation of page: wide tables that follow each other share
/// landscape pages, with the heading that introduces them; everything else is on portrait pages.
#[derive(Debug)]
pub struct PageRun<'a> {
    /// Whether these blocks want landscape pages.
    pub landscape: bool,
    /// The blocks, in order.
    pub blocks: Vec<&'a Block>,
}

/// `blocks` cut where the pages' orientation changes (the PDF and the Word file break pages
/// at the same places).
pub fn page_runs(blocks: &[Block]) -> Vec<PageRun<'_>> {
    let mut out: Vec<PageRun<'_>> = Vec::new();
    for block in blocks {
        let wide = matches!(block, Block::Table(t) if t.wide);
        match out.last_mut() {
            Some(run) if run.landscape == wide => run.blocks.push(block),
            last => {
                let mut run = PageRun {
                    landscape: wide,
                    blocks: vec![block],
                };
                // The heading right before the first wide table goes with it.
                if wide
                    && let Some(prev) = last
                    && let Some(Block::Heading { .. }) = prev.blocks.last()
                {
                    run.blocks.insert(0, prev.blocks.pop().unwrap_or(block));
                }
                out.push(run);
            }
        }
    }
    out.retain(|run| !run.blocks.is_empty());
    out
}

/// Where each cell of `rows` goes, with its spans: the grid position of every cell, skipping
/// places a cell above still spans (as HTML and typst place them).
pub fn place(rows: &[Vec<Cell>]) -> Vec<Vec<(u32, u16)>> {
    let mut taken: std::collections::BTreeSet<(u32, u16)> = std::collections::BTreeSet::new();
    let mut out = Vec::with_capacity(rows.len());
    for (row, r) in (0u32..).zip(rows) {
        let mut col: u16 = 0;
        let mut placed = Vec::with_capacity(r.len());
        for cell in r {
            while taken.contains(&(row, col)) {
                col += 1;
            }
            placed.push((row, col));
            for dr in 0..u32::from(cell.row_span.max(1)) {
                for dc in 0..cell.col_span.max(1) {
                    taken.insert((row + dr, col + dc));
                }
            }
            col += cell.col_span.max(1);
        }
        out.push(placed);
    }
    out
}

/// A chart, numbered and captioned as the document refers to it (图1 …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Chart {
    /// The number in the caption (图1).
    pub number: u32,
    /// The caption's text, e.g. 收、支决算总计变动情况图.
    pub title: String,
    /// What is drawn.
    pub kind: ChartKind,
}

impl Chart {
    /// The caption as printed: （图1：收、支决算总计变动情况图）.
    pub fn caption(&self) -> String {
        format!("图{}：{}", self.number, self.title)
    }
}

/// Bars for comparisons over years, a pie for a structure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ChartKind {
    /// Grouped bars: one group per category (year), one bar per series.
    Bars {
        /// Category labels, e.g. 2022年, 2023年.
        categories: Vec<String>,
        /// The series, each with one value per category.
        series: Vec<Series>,
    },
    /// A pie: slices with their printed shares.
    Pie {
        /// The slices, in the document's order; zero slices are kept for the legend.
        slices: Vec<Slice>,
    },
}

/// One series of a bar chart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Series {
    /// Its name, e.g. 收入.
    pub name: String,
    /// One value per category, in 万元; `None` where it was not entered (last year's figure),
    /// which is not drawn: not entered is not zero.
    #[serde(serialize_with = "serialize_wans")]
    pub values: Vec<Option<Wan>>,
}

fn serialize_wans<S: serde::Serializer>(w: &[Option<Wan>], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(w.len()))?;
    for a in w {
        seq.serialize_element(&a.map(|a| a.text()))?;
    }
    seq.end()
}

/// One slice of a pie, with the share the text prints.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Slice {
    /// The label.
    pub label: String,
    /// The amount in 万元 (drawn).
    #[serde(serialize_with = "serialize_wan_plain")]
    pub value: Wan,
    /// The amount as the text prints it (`226.23万元`, and a zero as the template writes zeros:
    /// `0万元` or `0.00万元`), so legend and text agree.
    pub amount: String,
    /// The share as printed in the text (e.g. 73.58%), `None` when the whole is zero.
    pub share: Option<String>,
}

/// Options that change the document without changing the project.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options<'a> {
    /// The catalog of the project's year, for names and definitions; without it, the names the
    /// user entered are used and unnamed codes print as codes.
    pub catalog: Option<&'a Catalog>,
    /// The project's totals, when the caller has them already (they are computed otherwise).
    pub totals: Option<&'a Totals>,
    /// The template to use instead of the project's own.
    pub template: Option<&'a Template>,
}

/// Builds the document of `project` under its template. Never fails: a paragraph the template
/// cannot make is left out and listed in [`Document::problems`]; missing figures leave their
/// sentence out, and the checks say what is missing.
pub fn build(project: &Project, options: &Options<'_>) -> Document {
    let chosen;
    let (template, choice_problem): (&Template, _) = match options.template {
        Some(t) => (t, None),
        None => {
            let problem;
            (chosen, problem) = crate::template::for_project(project);
            (&*chosen, problem)
        }
    };
    let options = &Options {
        template: Some(template),
        ..*options
    };
    let figures = Figures::with(project, options);
    let context = crate::template::context::build(&figures);
    let parts = DocParts { figures: &figures };
    let wording: std::collections::BTreeMap<String, String> = project
        .wording
        .iter()
        .map(|w| {
            (
                crate::template::wording_key(&w.template, &w.paragraph),
                w.text.clone(),
            )
        })
        .collect();
    let rendered = crate::template::render(template, &wording, context, &parts);
    let unit = &project.unit;
    let mut problems = rendered.problems;
    problems.splice(0..0, choice_problem);
    for (term, _) in glossary::entries(&figures)
        .into_iter()
        .filter(|(_, d)| d.is_none())
    {
        problems.push(crate::template::TemplateProblem {
            template: template.id.clone(),
            block: "名词解释".to_owned(),
            line: None,
            message: format!(
                "名词解释中的“{term}”没有解释（科目表中也没有），印出的文档不列这一条；请在“情况说明”页的名词解释中补写"
            ),
            kind: ProblemKind::Unfilled,
        });
    }
    Document {
        title: format!("{}{}年度{}", unit.name, unit.year, unit.disclosure.label()),
        unit: unit.name.clone(),
        year: unit.year,
        blocks: rendered.blocks,
        template: template.id.clone(),
        sign_off: template.sign_off.printed.then(|| SignOff::of(unit)),
        review_line: template.sign_off.review.clone(),
        body_style: template.print.body,
        kind: DocumentKind::Disclosure,
        problems,
        sources: rendered.sources,
    }
}

impl Document {
    /// The title after the unit's name, as a cover prints it under the name: 2023年度部门决算.
    pub fn title_after_unit(&self) -> &str {
        self.title
            .strip_prefix(self.unit.as_str())
            .unwrap_or(&self.title)
    }

    /// Adds what the document reports to `review`: its findings, and its rules to the ledger
    /// (each having checked, since the document was built).
    pub fn add_to(&self, review: &mut crate::checks::Review) {
        review.extend_checked(&crate::checks::DOCUMENT_RULES, self.findings());
    }

    /// What must be fixed before the document can be signed: every paragraph the template left
    /// out (a mistake in the template, or a figure it needs not entered) and every table printed
    /// without its figures.
    pub fn findings(&self) -> Vec<crate::checks::Finding> {
        let finding = |i: usize, message: String| {
            let (code, severity, title) = crate::checks::DOCUMENT_RULES[i];
            crate::checks::Finding {
                code,
                severity,
                title,
                message,
                fields: Vec::new(),
                amounts: None,
            }
        };
        let mut out: Vec<_> = self
            .problems
            .iter()
            .map(|p| match p.kind {
                ProblemKind::Missing => {
                    finding(1, format!("“{}”一段没有印出：{}", p.block, p.message))
                }
                ProblemKind::Unbound => finding(3, format!("“{}”一段：{}", p.block, p.message)),
                ProblemKind::Unfilled => finding(4, p.message.clone()),
                ProblemKind::Template => finding(0, p.to_string()),
            })
            .collect();
        for block in &self.blocks {
            if let Block::Table(t) = block
                && let Some(why) = &t.unfilled
            {
                out.push(finding(
                    2,
                    format!("{}：{why}，已只印表头和说明；请补填后再签发", t.title),
                ));
            }
            if let Block::Table(t) = block
                && let Some((why, fields)) = &t.detail_missing
            {
                let mut f = finding(
                    5,
                    format!(
                        "{}：{why}，公开表按经济分类款级科目列示，表下已加注说明；请在“人员/公用经费”页按科目录入明细",
                        t.title
                    ),
                );
                f.fields.clone_from(fields);
                out.push(f);
            }
        }
        for (code, message) in audit::findings(self) {
            if let Some(i) = crate::checks::DOCUMENT_RULES
                .iter()
                .position(|(c, _, _)| *c == code)
            {
                out.push(finding(i, message));
            }
        }
        out
    }
}

/// The seven charts of the figures, numbered 1 to 7 in the order the seed document has them:
/// what the data-entry tabs show beside the figures, cheap enough to rebuild on every
/// keystroke.
pub fn build_explanation(project: &Project, options: &Options<'_>) -> Document {
    let figures = Figures::with(project, options);
    let blocks = charts::CHARTS
        .iter()
        .zip(1..)
        .filter_map(|((id, title), n)| charts::chart(&figures, id, n, title))
        .map(Block::Chart)
        .collect();
    let unit = &project.unit;
    Document {
        title: format!(
            "{}{}年度{}情况说明",
            unit.name,
            unit.year,
            unit.disclosure.label()
        ),
        unit: unit.name.clone(),
        year: unit.year,
        blocks,
        template: String::new(),
        sign_off: None,
        review_line: String::new(),
        body_style: BodyStyle::Published,
        kind: DocumentKind::Disclosure,
        problems: Vec::new(),
        sources: Vec::new(),
    }
}

/// What the document supplies a template with: tables, charts and self-assessment forms.
struct DocParts<'a> {
    figures: &'a Figures<'a>,
}

impl crate::template::render_parts::Parts for DocParts<'_> {
    fn table(&self, id: &str, title: &str) -> Option<Table> {
        tables::table_by_id(self.figures, id, title)
    }

    fn chart(&self, id: &str, number: u32, title: &str) -> Option<Chart> {
        charts::chart(self.figures, id, number, title)
    }

    fn forms(&self, index: usize) -> Vec<Table> {
        self.figures
            .project
            .projects
            .get(index)
            .map(|a| attachments::self_assessment(a, self.figures.year()))
            .unwrap_or_default()
    }
}

/// Builds the document with the catalog the project uses (the built-in one of its year, with
/// any 科目表 imported into the project).
pub fn build_with_builtin_catalog(project: &Project) -> Document {
    let catalog = Catalog::for_project(project).ok();
    let options = Options {
        catalog: catalog.as_ref(),
        ..Options::default()
    };
    build(project, &options)
}

/// Chinese numerals for headings: 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一.
pub fn chinese_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_owned(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[n - 10] }),
        20..=99 => format!(
            "{}十{}",
            DIGITS[n / 10],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[n % 10]
            }
        ),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numbers_for_headings() {
        let got: Vec<String> = [1, 9, 10, 11, 12, 20, 21, 99].map(chinese_number).to_vec();
        assert_eq!(
            got,
            ["一", "九", "十", "十一", "十二", "二十", "二十一", "九十九"]
        );
    }
}
