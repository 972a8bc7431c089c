//! Document templates: the structure and wording of a region's disclosure document as data.
//!
//! A template is a TOML file (`assets/templates/*.toml` for the built-in ones): the region and
//! years it is for, its number conventions, and its blocks in reading order — headings,
//! paragraphs whose text is a Jinja template over the figures (minijinja), tables and charts by
//! id, notes, subtitles, page breaks, and blocks repeated for each item of a list. The core builds
//! the figures ([`context`]), the template says what to say about them; every figure reaches the
//! text through the same filters ([`filters`]), so text and tables cannot disagree.
//!
//! Errors in a template are the template author's, not a crash: a file that cannot be read, an
//! unknown figure or a failing paragraph is reported with the template's name and line and the
//! nearest valid names, and the rest of the document is still made.

pub mod context;
pub mod filters;
mod render;
pub mod values;
pub mod wording;

use std::fmt;

use rust_decimal::Decimal;
use serde::Deserialize;

pub use render::{Compiled, ProblemKind, Rendered, Source, TemplateProblem, render, wording_key};

/// What the document supplies a template with (tables, charts, forms).
pub mod render_parts {
    pub use super::render::Parts;
}

use crate::money::{Wan, percent_text, round_half_up};

/// How a template writes numbers in running text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NumberStyle {
    /// Decimals of shares and rates: 0, 1 or 2 (`68%`, `59.7%`, `6.18%`).
    pub share_decimals: u32,
    /// A zero amount written with its decimals (`0.00万元`) rather than as `0万元`.
    pub zero_with_decimals: bool,
    /// 0% and 100% written without decimals even where shares have them (`100%`, not
    /// `100.00%`).
    pub whole_percent_plain: bool,
    /// Parts and lines whose amount is zero are listed in running text (`政府性基金预算财政拨款
    /// 收入0万元，占0%`); `false` leaves them out of the structures and 明细 lists a template
    /// writes with. Tables always show every line.
    pub zero_lines: bool,
}

impl Default for NumberStyle {
    fn default() -> NumberStyle {
        NumberStyle {
            share_decimals: 2,
            zero_with_decimals: false,
            whole_percent_plain: true,
            zero_lines: true,
        }
    }
}

impl NumberStyle {
    /// An amount in running text: `226.23万元`; zero as the style says.
    pub fn amount(&self, a: Wan) -> String {
        if a.rounded().is_zero() && !self.zero_with_decimals {
            "0万元".to_owned()
        } else {
            format!("{}万元", a.text())
        }
    }

    /// A rounded percentage: `73.58%`, and 0 and 100 as the style says.
    pub fn percent(&self, rounded: Decimal) -> String {
        let rounded = round_half_up(rounded, self.share_decimals);
        if self.whole_percent_plain && self.share_decimals == 2 {
            return percent_text(rounded);
        }
        if self.whole_percent_plain && (rounded.is_zero() || rounded == Decimal::ONE_HUNDRED) {
            return format!("{}%", rounded.trunc());
        }
        format!("{rounded:.prec$}%", prec = self.share_decimals as usize)
    }

    /// A percentage rounded to the style's decimals.
    pub fn round_percent(&self, value: Decimal) -> Decimal {
        round_half_up(value, self.share_decimals)
    }
}

/// How a template prints the leadership's signatures (`[sign_off]`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SignOffStyle {
    /// Whether the document ends with a page of signatures (单位负责人, 分管负责人, 财务负责人,
    /// 制表人, seal and date). Without it JS-705 (who has not signed) does not apply.
    pub printed: bool,
    /// A line printed at the head of the document, as 陕西 prints
    /// "保密审查情况：已审查；部门主要负责人审签情况：已审签"; empty for none.
    pub review: String,
}

impl Default for SignOffStyle {
    fn default() -> SignOffStyle {
        SignOffStyle {
            printed: true,
            review: String::new(),
        }
    }
}

/// How a template's document is printed (`[print]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PrintStyle {
    /// How the body text is set: `"published"` (小四, as most provinces publish) or
    /// `"official"` (GB/T 9704: 三号 on a grid of 22 lines of 28 characters a page).
    pub body: crate::document::BodyStyle,
}

/// A template: its identity, conventions and blocks.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// The stable id projects name it by, e.g. `sichuan-2023`.
    pub id: String,
    /// Its name as the clerk sees it, e.g. 四川省2023年度部门决算公开.
    pub name: String,
    /// The region it is for (四川, 云南, 全国 …).
    pub region: String,
    /// The first and last accounting year it applies to.
    pub years: [i32; 2],
    /// Where its structure and wording come from.
    #[serde(default)]
    pub source: String,
    /// Number conventions.
    #[serde(default)]
    pub numbers: NumberStyle,
    /// Jinja macros every paragraph of the template can call.
    #[serde(default)]
    pub macros: String,
    /// Whether and how the signatures are printed.
    #[serde(default)]
    pub sign_off: SignOffStyle,
    /// How the printed page sets the text.
    #[serde(default)]
    pub print: PrintStyle,
    /// The blocks, in reading order.
    #[serde(rename = "block")]
    pub blocks: Vec<BlockDef>,
    /// The template's own text, for messages with line numbers and for export.
    #[serde(skip)]
    pub text: String,
    /// Its texts compiled, once, when first rendered.
    #[serde(skip)]
    compiled: std::sync::OnceLock<std::sync::Arc<Compiled>>,
}

/// One block of a template. Exactly one of `heading`, `paragraph`, `note`, `subtitle`, `table`,
/// `chart`, `page_break`, `repeat` and `forms` says what it is.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockDef {
    /// A heading of this level (0 a part, 1 一、, 2 （一）, 3 1.).
    pub heading: Option<u8>,
    /// A paragraph with this id (wording the clerk can edit is kept under it).
    pub paragraph: Option<String>,
    /// A note (注：…) with this id.
    pub note: Option<String>,
    /// A subtitle with this id: a line centred under a title (（报告范围包括机关和下属单位）).
    pub subtitle: Option<String>,
    /// A table by id (see `document::tables`).
    pub table: Option<String>,
    /// A chart by id (see `document::charts`).
    pub chart: Option<String>,
    /// A page break.
    pub page_break: Option<bool>,
    /// Blocks repeated for each item of the list this expression gives.
    pub repeat: Option<String>,
    /// The name each item of a `repeat` has in its blocks.
    #[serde(rename = "as")]
    pub item: Option<String>,
    /// The self-assessment forms of the project in `item`.
    pub forms: Option<String>,
    /// A section with this id: its blocks, printed when `when` holds; otherwise the short form
    /// in `otherwise` (e.g. 本单位2024年度无“三公”经费支出。) instead of a section of zeros.
    pub section: Option<String>,
    /// A section's short form, a paragraph template, used when its `when` is false.
    pub otherwise: Option<String>,
    /// The blocks of a built-in part (`sichuan-attachments`, `self-assessment-report`), put
    /// here when the template is read.
    pub include: Option<String>,
    /// The text: of a heading, paragraph or note (a Jinja template), or a table's or chart's
    /// title.
    pub text: Option<String>,
    /// Numbers a heading by its level's counter: `一、`, `（一）`, `1.` or `（1）`.
    pub number: Option<String>,
    /// Only when this expression is true.
    pub when: Option<String>,
    /// Notes printed under a table.
    #[serde(default)]
    pub notes: Vec<String>,
    /// The blocks of a `repeat` or a `section`.
    #[serde(default, rename = "block")]
    pub blocks: Vec<BlockDef>,
}

/// The kind of a block, checked when the template is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading.
    Heading(u8),
    /// A paragraph.
    Paragraph,
    /// A note.
    Note,
    /// A subtitle.
    Subtitle,
    /// A table.
    Table,
    /// A chart.
    Chart,
    /// A page break.
    PageBreak,
    /// A repeat.
    Repeat,
    /// Self-assessment forms.
    Forms,
    /// A section with a short form.
    Section,
    /// A built-in part's blocks.
    Include,
}

impl BlockDef {
    /// What the block is, or why it is none or several things.
    pub fn kind(&self) -> Result<BlockKind, String> {
        let kinds: Vec<BlockKind> = [
            self.heading.map(BlockKind::Heading),
            self.paragraph.as_ref().map(|_| BlockKind::Paragraph),
            self.note.as_ref().map(|_| BlockKind::Note),
            self.subtitle.as_ref().map(|_| BlockKind::Subtitle),
            self.table.as_ref().map(|_| BlockKind::Table),
            self.chart.as_ref().map(|_| BlockKind::Chart),
            self.page_break.filter(|b| *b).map(|_| BlockKind::PageBreak),
            self.repeat.as_ref().map(|_| BlockKind::Repeat),
            self.forms.as_ref().map(|_| BlockKind::Forms),
            self.section.as_ref().map(|_| BlockKind::Section),
            self.include.as_ref().map(|_| BlockKind::Include),
        ]
        .into_iter()
        .flatten()
        .collect();
        match kinds.as_slice() {
            [one] => Ok(*one),
            [] => Err("块没有说明是什么：应有 heading、paragraph、note、subtitle、table、chart、page_break、repeat、section、include 或 forms 之一".to_owned()),
            _ => Err("一个块只能是一种：heading、paragraph、note、subtitle、table、chart、page_break、repeat、section、include、forms 只能写一个".to_owned()),
        }
    }
}

/// Why a template file cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateError {
    /// The template's name or file.
    pub template: String,
    /// The 1-based line, when known.
    pub line: Option<usize>,
    /// What is wrong, in Chinese.
    pub message: String,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "模板“{}”", self.template)?;
        if let Some(line) = self.line {
            write!(f, "第 {line} 行")?;
        }
        write!(f, "：{}", self.message)
    }
}

impl std::error::Error for TemplateError {}

/// The 1-based line of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

impl Template {
    /// Reads a template from its TOML text; `origin` names it in messages (a file name).
    pub fn parse(text: &str, origin: &str) -> Result<Template, TemplateError> {
        let error = |line, message| TemplateError {
            template: origin.to_owned(),
            line,
            message,
        };
        let mut template: Template = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start));
            error(line, toml_message(e.message()))
        })?;
        template.text = text.to_owned();
        if template.id.trim().is_empty()
            || !template
                .id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err(error(
                None,
                format!(
                    "id“{}”无效：只能用英文字母、数字、- 和 _（如 sichuan-2024）",
                    template.id
                ),
            ));
        }
        if template.years[0] > template.years[1] {
            return Err(error(
                None,
                format!(
                    "years 应为 [起始年度, 终止年度]，{} 在 {} 之后",
                    template.years[0], template.years[1]
                ),
            ));
        }
        if template.numbers.share_decimals > 2 {
            return Err(error(
                None,
                "numbers.share_decimals 只能是 0、1 或 2".to_owned(),
            ));
        }
        check_blocks(&template.blocks, &template.text).map_err(|(line, m)| error(line, m))?;
        expand_includes(&mut template.blocks, 0).map_err(|m| error(None, m))?;
        unique_ids(&template.blocks, &mut std::collections::BTreeSet::new())
            .map_err(|m| error(None, m))?;
        Ok(template)
    }

    /// Its texts compiled (once; later calls return the same).
    pub fn compiled(&self) -> &Compiled {
        self.compiled
            .get_or_init(|| std::sync::Arc::new(Compiled::new(self)))
    }

    /// The block that is the paragraph (or section) `id`.
    pub fn block(&self, id: &str) -> Option<&BlockDef> {
        fn find<'a>(blocks: &'a [BlockDef], id: &str) -> Option<&'a BlockDef> {
            blocks.iter().find_map(|b| {
                if b.paragraph.as_deref() == Some(id) || b.section.as_deref() == Some(id) {
                    Some(b)
                } else {
                    find(&b.blocks, id)
                }
            })
        }
        find(&self.blocks, id)
    }

    /// The ids of the paragraphs a clerk can word in their own way, in reading order.
    pub fn paragraph_ids(&self) -> Vec<&str> {
        fn walk<'a>(blocks: &'a [BlockDef], out: &mut Vec<&'a str>) {
            for b in blocks {
                if let Some(id) = b.paragraph.as_deref().or(b.section.as_deref()) {
                    out.push(id);
                }
                walk(&b.blocks, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.blocks, &mut out);
        out
    }

    /// Whether the template is for `year`.
    pub fn covers(&self, year: i32) -> bool {
        (self.years[0]..=self.years[1]).contains(&year)
    }

    /// Whether the template may state `word` (a figure's name such as 会议费): its text names it,
    /// or it prints the table `table` that lists it. A word in its prose counts too, so this errs
    /// towards "may state".
    pub fn mentions(&self, word: &str, table: &str) -> bool {
        self.names(word) || self.table_ids().contains(&table)
    }

    /// Whether the template's own text names `word` (a figure such as 自评资金): a template that
    /// names a figure states it, where the shared paragraphs state it only once entered.
    pub fn names(&self, word: &str) -> bool {
        self.text.contains(word)
    }

    /// The ids of the tables it prints, in order.
    pub fn table_ids(&self) -> Vec<&str> {
        fn walk<'a>(blocks: &'a [BlockDef], out: &mut Vec<&'a str>) {
            for b in blocks {
                if let Some(t) = &b.table {
                    out.push(t);
                }
                walk(&b.blocks, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.blocks, &mut out);
        out
    }
}

fn check_blocks(blocks: &[BlockDef], text: &str) -> Result<(), (Option<usize>, String)> {
    for (i, b) in blocks.iter().enumerate() {
        let at = |m: String| {
            // The line of the block's own key, for the message.
            let key = b
                .paragraph
                .as_deref()
                .or(b.note.as_deref())
                .or(b.subtitle.as_deref())
                .or(b.section.as_deref())
                .or(b.table.as_deref())
                .or(b.chart.as_deref());
            let line = key
                .and_then(|k| text.find(&format!("\"{k}\"")))
                .map(|o| line_of(text, o));
            (line, format!("第 {} 个块：{m}", i + 1))
        };
        let kind = b.kind().map_err(at)?;
        let needs_text = matches!(
            kind,
            BlockKind::Heading(_) | BlockKind::Paragraph | BlockKind::Note | BlockKind::Subtitle
        );
        if needs_text && b.text.is_none() {
            return Err(at("缺少 text（要写出的文字）".to_owned()));
        }
        if let Some(n) = &b.number
            && !["一、", "（一）", "1.", "（1）"].contains(&n.as_str())
        {
            return Err(at(format!("number“{n}”无效，可用：一、 （一） 1. （1）")));
        }
        if b.otherwise.is_some() && kind != BlockKind::Section {
            return Err(at("只有 section 块可以写 otherwise".to_owned()));
        }
        match kind {
            BlockKind::Repeat if b.item.is_none() => {
                return Err(at("repeat 需要 as（每一项的名字）".to_owned()));
            }
            BlockKind::Section if b.when.is_none() => {
                return Err(at(
                    "section 需要 when（何时印出整节；否则印 otherwise 的简写）".to_owned(),
                ));
            }
            BlockKind::Repeat | BlockKind::Section => check_blocks(&b.blocks, text)?,
            BlockKind::Include if !b.blocks.is_empty() => {
                return Err(at("include 块不能再写块".to_owned()));
            }
            _ if !b.blocks.is_empty() => {
                return Err(at("只有 repeat 和 section 块可以包含块".to_owned()));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Checks that no two paragraphs, notes or sections share an id: the id names the clerk's own
/// wording of the paragraph and its place in messages. (A `repeat`'s blocks are one paragraph
/// written for each item, so its ids count once.)
fn unique_ids<'a>(
    blocks: &'a [BlockDef],
    seen: &mut std::collections::BTreeSet<&'a str>,
) -> Result<(), String> {
    for b in blocks {
        let id = b
            .paragraph
            .as_deref()
            .or(b.note.as_deref())
            .or(b.subtitle.as_deref())
            .or(b.section.as_deref());
        if let Some(id) = id
            && !seen.insert(id)
        {
            return Err(format!(
                "段落、注或节的 id“{id}”用了两次；每个 id 只能用一次"
            ));
        }
        unique_ids(&b.blocks, seen)?;
    }
    Ok(())
}

/// The built-in parts a template can include: block lists several templates share.
const PARTS: &[(&str, &str)] = &[
    (
        "sichuan-overview",
        include_str!("../../assets/templates/parts/sichuan-overview.toml"),
    ),
    (
        "sichuan-explanation",
        include_str!("../../assets/templates/parts/sichuan-explanation.toml"),
    ),
    (
        "sichuan-attachments",
        include_str!("../../assets/templates/parts/sichuan-attachments.toml"),
    ),
    (
        "self-assessment-report",
        include_str!("../../assets/templates/parts/self-assessment-report.toml"),
    ),
];

/// The ids of the built-in parts.
pub fn part_ids() -> impl Iterator<Item = &'static str> {
    PARTS.iter().map(|(id, _)| *id)
}

/// A part file: blocks only.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Part {
    #[serde(rename = "block")]
    blocks: Vec<BlockDef>,
}

/// Puts each included part's blocks into its `include` block (parts may include parts, a few
/// levels deep).
fn expand_includes(blocks: &mut [BlockDef], depth: usize) -> Result<(), String> {
    for b in blocks {
        if let Some(id) = &b.include {
            let Some((_, text)) = PARTS.iter().find(|(p, _)| p == id) else {
                let known: Vec<&str> = part_ids().collect();
                return Err(format!(
                    "include 的部分“{id}”不存在，可用：{}",
                    known.join("、")
                ));
            };
            if depth > 4 {
                return Err(format!("include“{id}”嵌套过深（可能互相包含）"));
            }
            let part: Part = toml::from_str(text)
                .map_err(|e| format!("内置部分“{id}”无法读取：{}", toml_message(e.message())))?;
            check_blocks(&part.blocks, text).map_err(|(_, m)| format!("内置部分“{id}”：{m}"))?;
            b.blocks = part.blocks;
        }
        expand_includes(&mut b.blocks, depth + 1)?;
    }
    Ok(())
}

/// TOML's message in Chinese: the common ones named, the rest described.
fn toml_message(message: &str) -> String {
    // "unknown variant `公文`, expected `published` or `official`": the value and the choices.
    if message.contains("unknown variant") {
        let quoted: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
        if let Some((value, choices)) = quoted.split_first() {
            return format!("不认识的取值“{value}”，可写：{}", choices.join("、"));
        }
    }
    let known: [(&str, &str); 8] = [
        ("missing field", "缺少必填项"),
        ("unknown field", "有不认识的项（可能拼错了）"),
        ("duplicate key", "同一项写了两次"),
        ("invalid type", "值的类型不对"),
        ("expected", "格式错误（请检查引号、方括号、等号）"),
        (
            "invalid string",
            "字符串写法错误（多行文字请用三个引号 \"\"\" 括起来）",
        ),
        (
            "invalid length",
            "列表的长度不对（years 应写作 [起始年度, 终止年度]）",
        ),
        ("unclosed", "有未闭合的引号或括号"),
    ];
    let field = message.split('`').nth(1).map(|f| format!("：{f}"));
    known
        .iter()
        .find(|(english, _)| message.contains(english))
        .map(|(_, chinese)| format!("{chinese}{}", field.unwrap_or_default()))
        .unwrap_or_else(|| "不是有效的 TOML 模板文件".to_owned())
}

/// The common paragraphs: Jinja macros every template can call (`{{ 段_三公总体() }}`), in the
/// wording of the 四川 template, and the pieces sentences are made of (`totals`, `structure`).
pub const COMMON: &str = include_str!("../../assets/templates/common.jinja");

/// The built-in templates' sources: (file name, text).
const BUILTIN: &[(&str, &str)] = &[
    (
        "sichuan-2023.toml",
        include_str!("../../assets/templates/sichuan-2023.toml"),
    ),
    (
        "sichuan-2024.toml",
        include_str!("../../assets/templates/sichuan-2024.toml"),
    ),
    (
        "national.toml",
        include_str!("../../assets/templates/national.toml"),
    ),
    (
        "yunnan-2024.toml",
        include_str!("../../assets/templates/yunnan-2024.toml"),
    ),
    (
        "gansu-2024.toml",
        include_str!("../../assets/templates/gansu-2024.toml"),
    ),
    (
        "shaanxi-2020.toml",
        include_str!("../../assets/templates/shaanxi-2020.toml"),
    ),
    (
        "hunan-2021.toml",
        include_str!("../../assets/templates/hunan-2021.toml"),
    ),
    (
        "hubei-2021.toml",
        include_str!("../../assets/templates/hubei-2021.toml"),
    ),
    (
        "guangxi-2023.toml",
        include_str!("../../assets/templates/guangxi-2023.toml"),
    ),
    (
        "chongqing-2023.toml",
        include_str!("../../assets/templates/chongqing-2023.toml"),
    ),
    (
        "guangdong-2023.toml",
        include_str!("../../assets/templates/guangdong-2023.toml"),
    ),
    (
        "beijing-2021.toml",
        include_str!("../../assets/templates/beijing-2021.toml"),
    ),
    (
        "beijing-2023.toml",
        include_str!("../../assets/templates/beijing-2023.toml"),
    ),
    (
        "neimenggu-2023.toml",
        include_str!("../../assets/templates/neimenggu-2023.toml"),
    ),
    (
        "xinjiang-2023.toml",
        include_str!("../../assets/templates/xinjiang-2023.toml"),
    ),
    (
        "xizang-2023.toml",
        include_str!("../../assets/templates/xizang-2023.toml"),
    ),
    (
        "zhejiang-2023.toml",
        include_str!("../../assets/templates/zhejiang-2023.toml"),
    ),
];

/// Each built-in template, parsed when first asked for: a document needs one template, and
/// parsing all seventeen took nearly half of making the example's document.
static PARSED: [std::sync::OnceLock<Option<Template>>; BUILTIN.len()] =
    [const { std::sync::OnceLock::new() }; BUILTIN.len()];

/// The built-in templates, in the order they are listed. Each is parsed as the iteration
/// reaches it. A built-in template that does not parse fails the tests; it is left out here
/// rather than taking the program down.
pub fn builtin() -> impl Iterator<Item = &'static Template> {
    BUILTIN
        .iter()
        .zip(&PARSED)
        .filter_map(|((name, text), parsed)| {
            parsed
                .get_or_init(|| Template::parse(text, name).ok())
                .as_ref()
        })
}

/// The built-in template with this id (the templates before it in the list are parsed, the
/// ones after it are not).
pub fn builtin_by_id(id: &str) -> Option<&'static Template> {
    builtin().find(|t| t.id == id)
}

/// The template a project's document is made with: a built-in one or the one imported into it.
#[derive(Clone, Debug)]
pub enum Chosen {
    /// A built-in template.
    Builtin(&'static Template),
    /// The template imported into the project (`custom_template`).
    Custom(std::sync::Arc<Template>),
}

impl std::ops::Deref for Chosen {
    type Target = Template;
    fn deref(&self) -> &Template {
        match self {
            Chosen::Builtin(t) => t,
            Chosen::Custom(t) => t,
        }
    }
}

/// The template `project` names (`settings.template`): the imported one when its id is that,
/// else the built-in one of that id; without a name, the built-in one of the project's year.
/// When the one it names cannot be used, the default is used and the problem says why.
pub fn for_project(project: &crate::model::Project) -> (Chosen, Option<TemplateProblem>) {
    let year = project.unit.year;
    let fallback = default_for(year);
    let problem = |message: String| {
        Some(TemplateProblem {
            template: fallback.id.clone(),
            block: "模板选择".to_owned(),
            line: None,
            message,
            kind: ProblemKind::Template,
        })
    };
    let custom = project.custom_template.as_deref().map(parse_imported);
    let Some(id) = project.settings.template.as_deref() else {
        return (Chosen::Builtin(fallback), None);
    };
    match custom {
        Some(Ok(t)) if t.id == id => return (Chosen::Custom(t), None),
        Some(Err(e)) if builtin_by_id(id).is_none() => {
            return (
                Chosen::Builtin(fallback),
                problem(format!(
                    "导入的模板无法使用（{e}），已改用“{}”",
                    fallback.name
                )),
            );
        }
        _ => {}
    }
    match builtin_by_id(id) {
        Some(t) => (Chosen::Builtin(t), None),
        None => (
            Chosen::Builtin(fallback),
            problem(format!(
                "项目选用的模板“{id}”不在本程序中，也没有导入，已改用“{}”；请在“情况说明”中重新选择或导入模板文件",
                fallback.name
            )),
        ),
    }
}

/// The template imported into a project, parsed once per text: the checks and the document ask
/// for it on every edit, and parsing (and compiling) a template file takes longer than a review.
fn parse_imported(text: &str) -> Result<std::sync::Arc<Template>, TemplateError> {
    type Last = Option<(String, std::sync::Arc<Template>)>;
    static LAST: std::sync::Mutex<Last> = std::sync::Mutex::new(None);
    if let Ok(last) = LAST.lock()
        && let Some((seen, parsed)) = last.as_ref()
        && seen == text
    {
        return Ok(parsed.clone());
    }
    let parsed = std::sync::Arc::new(Template::parse(text, "导入的模板")?);
    if let Ok(mut last) = LAST.lock() {
        *last = Some((text.to_owned(), parsed.clone()));
    }
    Ok(parsed)
}

/// Reads and checks a template file (a 财政局's own, exported by another unit).
pub fn read_file(path: &std::path::Path) -> Result<Template, String> {
    let shown = path.display().to_string();
    let size = std::fs::metadata(path)
        .map_err(|e| format!("无法读取模板文件 {shown}：{e}"))?
        .len();
    // Chinese text takes three bytes a character in UTF-8.
    if size > (crate::model::limits::TEMPLATE_TEXT * 3) as u64 {
        return Err(format!(
            "模板文件 {shown} 过大（{size} 字节），不像是模板文件"
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("无法读取模板文件 {shown}：{e}"))?;
    let text =
        String::from_utf8(bytes).map_err(|_| format!("模板文件 {shown} 不是 UTF-8 编码的文本"))?;
    let name = path
        .file_name()
        .map_or(shown.clone(), |n| n.to_string_lossy().into_owned());
    Template::parse(&text, &name).map_err(|e| e.to_string())
}

/// Puts `template` into `project` and makes it the project's template. A template with a
/// built-in one's id is refused (an edited copy must have its own), and so is one the project
/// could not save (too long).
pub fn import_into(project: &mut crate::model::Project, template: &Template) -> Result<(), String> {
    if builtin_by_id(&template.id).is_some() {
        return Err(format!(
            "模板的 id“{}”与内置模板相同：请在文件中改用本地区自己的 id（如 {}-local）后再导入",
            template.id, template.id
        ));
    }
    let mut changed = project.clone();
    changed.custom_template = Some(template.text.clone());
    changed.settings.template = Some(template.id.clone());
    changed
        .validate()
        .map_err(|(field, message)| format!("{field}：{message}"))?;
    *project = changed;
    Ok(())
}

/// The template a project of `year` uses unless it names one: the first built-in for the year.
pub fn default_for(year: i32) -> &'static Template {
    builtin()
        .find(|t| t.covers(year))
        .or_else(|| builtin().next())
        .unwrap_or_else(|| unreachable!("the built-in templates parse (tests/templates.rs)"))
}
