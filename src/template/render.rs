//! Rendering a template over a context into the document's blocks. A paragraph that fails (a
//! figure not entered, a name misspelt, a syntax error) is left out and reported with its id,
//! its line in the template and the nearest valid names; everything else is still rendered.

use std::collections::BTreeMap;

use minijinja::value::merge_maps;
use minijinja::{Environment, ErrorKind, UndefinedBehavior, Value};

use super::{BlockDef, BlockKind, Template, filters, line_of};
use crate::document::{Block, Chart, Table};

/// What the document supplies that a template only places: tables, charts and the forms of a
/// project's self-assessment.
pub trait Parts {
    /// The table with this id, titled `title`; `None` for an unknown id.
    fn table(&self, id: &str, title: &str) -> Option<Table>;
    /// The chart with this id, numbered and titled; `None` for an unknown id.
    fn chart(&self, id: &str, number: u32, title: &str) -> Option<Chart>;
    /// The self-assessment forms of the project at `index`.
    fn forms(&self, index: usize) -> Vec<Table>;
}

/// A paragraph or block that could not be rendered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateProblem {
    /// The template's id.
    pub template: String,
    /// The paragraph's id, or the block's place (第 3 个块).
    pub block: String,
    /// The 1-based line in the template file, when known.
    pub line: Option<usize>,
    /// What is wrong, in Chinese, with the nearest valid names where a name is unknown.
    pub message: String,
    /// What kind of problem it is.
    pub kind: ProblemKind,
}

/// Whose problem it is, and whether the paragraph is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// A mistake in the template (or in the clerk's own wording): the paragraph is left out.
    Template,
    /// The paragraph needs a figure, or text, the clerk has not entered: it is left out.
    Missing,
    /// The clerk's own wording states an amount or rate as plain digits: printed, but it will
    /// not follow the figures.
    Unbound,
    /// Something the document must print is not there at all (a glossary term without a
    /// definition): left out, and the document must not be signed until it is given.
    Unfilled,
}

impl TemplateProblem {
    /// Whether the paragraph waits for something the clerk has not entered.
    pub fn is_missing(&self) -> bool {
        self.kind == ProblemKind::Missing
    }
}

impl std::fmt::Display for TemplateProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "模板“{}”", self.template)?;
        if let Some(line) = self.line {
            write!(f, "第 {line} 行")?;
        }
        write!(f, "（{}）：{}", self.block, self.message)
    }
}

/// The blocks a template made, and what it could not make.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rendered {
    /// The blocks, in reading order.
    pub blocks: Vec<Block>,
    /// Paragraphs and blocks left out, and why.
    pub problems: Vec<TemplateProblem>,
    /// Which blocks each editable paragraph made (a paragraph in a `repeat` once per item).
    pub sources: Vec<Source>,
}

/// The blocks one paragraph of the template made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The paragraph's (or section's) id: what the clerk's own wording is kept under.
    pub id: String,
    /// The blocks it made, by index in [`Rendered::blocks`].
    pub blocks: std::ops::Range<usize>,
}

/// The key under which the clerk's own wording of paragraph `id` of `template` is kept in the
/// project: `sichuan-2023:收支总计`.
pub fn wording_key(template: &str, id: &str) -> String {
    format!("{template}:{id}")
}

/// How many steps a paragraph may take (a loop over every line of a large project takes a few
/// thousand; a template that loops without end stops here).
const FUEL: u64 = 5_000_000;

/// A template's texts compiled once: every paragraph, note and heading with the macros in
/// front, and what failed to compile. The built-in templates keep theirs for the life of the
/// process ([`Template::compiled`]); the clerk's own wording is compiled on top of a copy.
#[derive(Debug)]
pub struct Compiled {
    env: Environment<'static>,
    /// The macros the texts can call.
    library: Library,
    /// Lines before each block's own text in its compiled source (the macros it uses).
    prefix_lines: BTreeMap<String, usize>,
    problems: Vec<TemplateProblem>,
    /// The clerk's own texts, by block name, where they replace the template's.
    own: BTreeMap<String, String>,
}

/// What the formatter says of a `none` it was asked to print; [`problem`] names the figures
/// ([`blank_names`]).
const A_NUMBER_NOT_ENTERED: &str = "这一段要写出的一个数还没有填写";

fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    env.set_lstrip_blocks(true);
    env.set_fuel(Some(FUEL));
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
    // A figure not entered is `none`: printing it would put "none" on the page. It fails the
    // paragraph instead, which the checks then report.
    env.set_formatter(|out, state, value| {
        if value.is_none() {
            return Err(filters::missing(A_NUMBER_NOT_ENTERED.to_owned()));
        }
        minijinja::escape_formatter(out, state, value)
    });
    filters::install(&mut env);
    env
}

impl Compiled {
    /// The source of a text as it is compiled: the macros it calls, then the text.
    pub fn source_of(&self, text: &str) -> String {
        format!("{}{text}", self.library.prefix_for(text))
    }

    /// Compiles every block's text of `template`, so a syntax error is found even in a block the
    /// project does not reach.
    pub fn new(template: &Template) -> Compiled {
        let mut compiled = Compiled {
            env: environment(),
            library: Library::of(template),
            prefix_lines: BTreeMap::new(),
            problems: Vec::new(),
            own: BTreeMap::new(),
        };
        visit(&template.blocks, &mut 0, &mut |b, name| {
            if let Some(text) = b.text.as_ref().or(b.otherwise.as_ref()) {
                compiled.add(template, name, b, text, false);
            }
        });
        compiled
    }

    /// This compiled template with the clerk's own wording of some paragraphs (by
    /// [`wording_key`]) in place of the template's.
    fn with_wording(&self, template: &Template, wording: &BTreeMap<String, String>) -> Compiled {
        let mut compiled = Compiled {
            env: self.env.clone(),
            library: self.library.clone(),
            prefix_lines: self.prefix_lines.clone(),
            problems: self.problems.clone(),
            own: self.own.clone(),
        };
        visit(&template.blocks, &mut 0, &mut |b, name| {
            let own = b
                .paragraph
                .as_ref()
                .or(b.section.as_ref())
                .and_then(|id| wording.get(&wording_key(&template.id, id)));
            if let Some(own) = own {
                compiled.problems.retain(|p| p.block != name);
                compiled.own.insert(name.to_owned(), own.clone());
                compiled.add(template, name, b, own, true);
                let digits = super::wording::unbound_amounts(own);
                if !digits.is_empty() {
                    compiled.problems.push(TemplateProblem {
                        template: template.id.clone(),
                        block: name.to_owned(),
                        line: None,
                        message: format!(
                            "自拟的文字直接写了数字：{}；这些数字不会随录入的数字变化，请改为从数字列表插入",
                            digits.join("、")
                        ),
                        kind: ProblemKind::Unbound,
                    });
                }
            }
        });
        compiled
    }

    fn add(&mut self, template: &Template, name: &str, b: &BlockDef, text: &str, own: bool) {
        let prefix = self.library.prefix_for(text);
        let prefix_lines = prefix.matches('\n').count();
        self.prefix_lines.insert(name.to_owned(), prefix_lines);
        let source = format!("{prefix}{}", tag_lines(text));
        if let Err(e) = self.env.add_template_owned(name.to_owned(), source) {
            let own = own.then_some(text);
            let mut problem = problem(template, prefix_lines, own, name, b, &e, None);
            if own.is_some() {
                problem.message = format!("自拟的文字有误：{}", problem.message);
            }
            self.problems.push(problem);
        }
    }
}

/// The macros a template's texts can call: the common paragraphs ([`super::COMMON`]), then the
/// template's own (which may redefine them). A text is compiled with only the macros it calls,
/// and the ones those call: defining all of them in front of every paragraph took most of a
/// document's time.
#[derive(Clone, Debug)]
struct Library {
    /// Each macro's name, its source (made ready by [`tag_lines`]) and the macros it calls.
    macros: Vec<(String, String, Vec<usize>)>,
    /// All of it, for a library that is not only macro definitions (then every text gets all).
    whole: Option<String>,
}

impl Library {
    fn of(template: &Template) -> Library {
        let mut text = super::COMMON.to_owned();
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&template.macros);
        let mut macros: Vec<(String, String)> = Vec::new();
        let mut current: Option<(String, String)> = None;
        let mut plain = true;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim();
            if let Some((_, source)) = &mut current {
                source.push_str(line);
                if trimmed == "{% endmacro %}"
                    && let Some((name, source)) = current.take()
                {
                    macros.retain(|(n, _)| *n != name);
                    macros.push((name, tag_lines(&source)));
                }
            } else if let Some(rest) = trimmed.strip_prefix("{% macro ") {
                let name = rest.split('(').next().unwrap_or_default().trim().to_owned();
                current = Some((name, line.to_owned()));
            } else if !trimmed.is_empty() && !only_tags(trimmed) {
                plain = false;
            } else if trimmed.starts_with("{%") {
                // A tag outside any macro (a `set`): keep everything, in order.
                plain = false;
            }
        }
        if current.is_some() {
            plain = false;
        }
        let calls: Vec<String> = macros.iter().map(|(n, _)| format!("{n}(")).collect();
        let macros = macros
            .iter()
            .map(|(name, source)| {
                // What the body calls (the first line is the macro's own definition).
                let body = source.split_once('\n').map_or("", |(_, b)| b);
                let uses = calls
                    .iter()
                    .enumerate()
                    .filter(|(_, call)| body.contains(call.as_str()))
                    .map(|(i, _)| i)
                    .collect();
                (name.clone(), source.clone(), uses)
            })
            .collect();
        Library {
            macros,
            whole: (!plain).then(|| tag_lines(&text)),
        }
    }

    /// The macro definitions a text needs, in the library's order.
    fn prefix_for(&self, text: &str) -> String {
        if let Some(whole) = &self.whole {
            return whole.clone();
        }
        let mut needed = vec![false; self.macros.len()];
        let mut stack: Vec<usize> = self
            .macros
            .iter()
            .enumerate()
            .filter(|(_, (name, _, _))| text.contains(&format!("{name}(")))
            .map(|(i, _)| i)
            .collect();
        while let Some(i) = stack.pop() {
            if !needed[i] {
                needed[i] = true;
                stack.extend(self.macros[i].2.iter().copied());
            }
        }
        self.macros
            .iter()
            .zip(needed)
            .filter(|(_, n)| *n)
            .map(|((_, source, _), _)| source.as_str())
            .collect()
    }
}

/// Calls `f` with every block and the name its text is compiled under, in reading order.
fn visit(blocks: &[BlockDef], n: &mut usize, f: &mut dyn FnMut(&BlockDef, &str)) {
    for b in blocks {
        *n += 1;
        f(b, &block_name(b, *n));
        visit(&b.blocks, n, f);
    }
}

struct Renderer<'t> {
    template: &'t Template,
    compiled: &'t Compiled,
    out: Rendered,
    counters: [usize; 5],
    charts: u32,
}

/// Renders `template` over `ctx`. `wording` holds the clerk's own text of paragraphs, by
/// [`wording_key`], used instead of the template's.
pub fn render(
    template: &Template,
    wording: &BTreeMap<String, String>,
    ctx: Value,
    parts: &dyn Parts,
) -> Rendered {
    let base = template.compiled();
    let prefix = wording_key(&template.id, "");
    let own;
    let compiled = if wording.keys().any(|k| k.starts_with(&prefix)) {
        own = base.with_wording(template, wording);
        &own
    } else {
        base
    };
    let mut r = Renderer {
        template,
        compiled,
        out: Rendered {
            blocks: Vec::new(),
            problems: compiled.problems.clone(),
            sources: Vec::new(),
        },
        counters: [0; 5],
        charts: 0,
    };
    r.blocks(&template.blocks, &ctx, parts, &mut 0);
    r.out
}

/// The name a block's text is compiled under: its paragraph or note id, or its place.
fn block_name(b: &BlockDef, index: usize) -> String {
    b.paragraph
        .clone()
        .or_else(|| b.note.clone())
        .or_else(|| b.subtitle.clone())
        .or_else(|| b.section.clone())
        .unwrap_or_else(|| format!("第{index}个块"))
}

impl<'t> Renderer<'t> {
    fn blocks(&mut self, blocks: &[BlockDef], ctx: &Value, parts: &dyn Parts, n: &mut usize) {
        for b in blocks {
            *n += 1;
            let index = *n;
            let name = block_name(b, index);
            if let Some(expr) = &b.when {
                match self.condition(expr, ctx) {
                    Ok(true) => {}
                    Ok(false) => {
                        *n += count(&b.blocks);
                        if b.otherwise.is_some() {
                            self.paragraphs(&name, b, ctx, BlockKind::Paragraph);
                        }
                        continue;
                    }
                    Err(e) => {
                        let problem = self.problem(&name, b, &e, Some(ctx));
                        self.out.problems.push(problem);
                        *n += count(&b.blocks);
                        continue;
                    }
                }
            }
            // The template was checked when read: every block has exactly one kind.
            let Ok(kind) = b.kind() else {
                continue;
            };
            match kind {
                BlockKind::PageBreak => self.out.blocks.push(Block::PageBreak),
                BlockKind::Heading(level) => {
                    if let Some(text) = self.text(&name, b, ctx).map(|t| paragraphs(&t).concat()) {
                        let text = self.number(level, b.number.as_deref(), text);
                        self.out.blocks.push(Block::Heading { level, text });
                    }
                }
                BlockKind::Paragraph | BlockKind::Note | BlockKind::Subtitle => {
                    self.paragraphs(&name, b, ctx, kind);
                }
                BlockKind::Section | BlockKind::Include => self.blocks(&b.blocks, ctx, parts, n),
                BlockKind::Table => {
                    let id = b.table.clone().unwrap_or_default();
                    let title = self.title(&name, b, ctx);
                    match parts.table(&id, &title) {
                        Some(mut table) => {
                            for note in &b.notes {
                                match self.small(note, ctx) {
                                    Ok(n) if !n.trim().is_empty() => table.notes.push(n),
                                    Ok(_) => {}
                                    Err(e) => {
                                        let problem = self.problem(&name, b, &e, Some(ctx));
                                        self.out.problems.push(problem);
                                    }
                                }
                            }
                            self.out.blocks.push(Block::Table(table));
                        }
                        None => self.unknown(&name, b, "表格", &id),
                    }
                }
                BlockKind::Chart => {
                    let id = b.chart.clone().unwrap_or_default();
                    let title = self.title(&name, b, ctx);
                    self.charts += 1;
                    match parts.chart(&id, self.charts, &title) {
                        Some(chart) => self.out.blocks.push(Block::Chart(chart)),
                        None => {
                            self.charts -= 1;
                            self.unknown(&name, b, "图表", &id);
                        }
                    }
                }
                BlockKind::Forms => {
                    let item = b.forms.clone().unwrap_or_default();
                    let index = ctx
                        .get_attr(&item)
                        .ok()
                        .and_then(|v| v.get_attr("索引").ok())
                        .and_then(|v| usize::try_from(v).ok());
                    match index {
                        Some(i) => self
                            .out
                            .blocks
                            .extend(parts.forms(i).into_iter().map(Block::Table)),
                        None => self.out.problems.push(TemplateProblem {
                            template: self.template.id.clone(),
                            block: name,
                            line: None,
                            message: format!("forms 应写 repeat 中项目的名字，“{item}”不是"),
                            kind: ProblemKind::Template,
                        }),
                    }
                }
                BlockKind::Repeat => {
                    let expr = b.repeat.clone().unwrap_or_default();
                    let item_name = b.item.clone().unwrap_or_default();
                    let list = match self
                        .compiled
                        .env
                        .compile_expression(&expr)
                        .and_then(|e| e.eval(ctx.clone()))
                    {
                        Ok(v) => v,
                        Err(e) => {
                            let problem = self.problem(&name, b, &e, Some(ctx));
                            self.out.problems.push(problem);
                            *n += count(&b.blocks);
                            continue;
                        }
                    };
                    let items: Vec<Value> =
                        list.try_iter().map(Iterator::collect).unwrap_or_default();
                    let start = *n;
                    for (i, item) in items.iter().enumerate() {
                        let mut inner = BTreeMap::new();
                        inner.insert(item_name.clone(), item.clone());
                        inner.insert("序号".to_owned(), Value::from(i + 1));
                        inner.insert("总数".to_owned(), Value::from(items.len()));
                        let scoped = merge_maps([Value::from(inner), ctx.clone()]);
                        *n = start;
                        self.blocks(&b.blocks, &scoped, parts, n);
                    }
                    *n = start + count(&b.blocks);
                }
            }
        }
    }

    /// Renders a paragraph's or note's text (or a section's short form) as its paragraphs.
    fn paragraphs(&mut self, name: &str, b: &BlockDef, ctx: &Value, kind: BlockKind) {
        let start = self.out.blocks.len();
        if let Some(text) = self.text(name, b, ctx) {
            for text in paragraphs(&text) {
                self.out.blocks.push(match kind {
                    BlockKind::Note => Block::Note { text },
                    BlockKind::Subtitle => Block::Subtitle { text },
                    _ => Block::Paragraph { text },
                });
            }
        }
        if let Some(id) = b
            .paragraph
            .as_ref()
            .or(b.subtitle.as_ref())
            .or(b.section.as_ref())
        {
            self.out.sources.push(Source {
                id: id.clone(),
                blocks: start..self.out.blocks.len(),
            });
        }
    }

    fn condition(&self, expr: &str, ctx: &Value) -> Result<bool, minijinja::Error> {
        let value = self
            .compiled
            .env
            .compile_expression(expr)?
            .eval(ctx.clone())?;
        Ok(value.is_true())
    }

    /// The block's rendered text; `None` (and a problem recorded) when it fails.
    fn text(&mut self, name: &str, b: &BlockDef, ctx: &Value) -> Option<String> {
        let rendered = self
            .compiled
            .env
            .get_template(name)
            .and_then(|t| t.render(ctx.clone()));
        match rendered {
            Ok(text) => Some(text),
            Err(e) => {
                // A template that did not compile was reported when it was compiled.
                if e.kind() != ErrorKind::TemplateNotFound {
                    let problem = self.problem(name, b, &e, Some(ctx));
                    self.out.problems.push(problem);
                }
                None
            }
        }
    }

    /// A short text (a title, a table's note): rendered when it holds template syntax, else as
    /// written.
    fn small(&self, text: &str, ctx: &Value) -> Result<String, minijinja::Error> {
        if text.contains("{{") || text.contains("{%") {
            self.compiled.env.render_str(text, ctx.clone())
        } else {
            Ok(text.to_owned())
        }
    }

    /// A table's or chart's title, rendered if it is a template, else as written.
    fn title(&mut self, name: &str, b: &BlockDef, ctx: &Value) -> String {
        let Some(text) = &b.text else {
            return String::new();
        };
        match self.small(text, ctx) {
            Ok(t) => t,
            Err(e) => {
                let problem = self.problem(name, b, &e, Some(ctx));
                self.out.problems.push(problem);
                text.clone()
            }
        }
    }

    /// Puts the heading's number in front: its level's counter, in the style asked for; every
    /// heading restarts the counters below its level.
    fn number(&mut self, level: u8, style: Option<&str>, text: String) -> String {
        let level = usize::from(level).min(4);
        for deeper in &mut self.counters[level + 1..] {
            *deeper = 0;
        }
        let Some(style) = style else {
            return text;
        };
        self.counters[level] += 1;
        let n = self.counters[level];
        let cn = crate::document::chinese_number(n);
        let number = match style {
            "一、" => format!("{cn}、"),
            "（一）" => format!("（{cn}）"),
            "1." => format!("{n}."),
            _ => format!("（{n}）"),
        };
        format!("{number}{text}")
    }

    fn unknown(&mut self, name: &str, b: &BlockDef, what: &str, id: &str) {
        let line = self
            .template
            .text
            .find(&format!("\"{id}\""))
            .map(|o| line_of(&self.template.text, o));
        let _ = b;
        self.out.problems.push(TemplateProblem {
            template: self.template.id.clone(),
            block: name.to_owned(),
            line,
            message: format!("没有 id 为“{id}”的{what}"),
            kind: ProblemKind::Template,
        });
    }

    fn problem(
        &self,
        name: &str,
        b: &BlockDef,
        e: &minijinja::Error,
        ctx: Option<&Value>,
    ) -> TemplateProblem {
        problem(
            self.template,
            self.compiled.prefix_lines.get(name).copied().unwrap_or(0),
            self.compiled.own.get(name).map(String::as_str),
            name,
            b,
            e,
            ctx,
        )
    }
}

/// A problem from minijinja's error: where it is in the template file, what it means in
/// Chinese, and for an unknown name the nearest names the context has.
fn problem(
    template: &Template,
    macro_lines: usize,
    own: Option<&str>,
    name: &str,
    b: &BlockDef,
    e: &minijinja::Error,
    ctx: Option<&Value>,
) -> TemplateProblem {
    let text = &template.text;
    let key = b
        .paragraph
        .as_deref()
        .or(b.note.as_deref())
        .or(b.subtitle.as_deref())
        .or(b.section.as_deref());
    let key_at = key.and_then(|k| text.find(&format!("\"{k}\"")));
    let body = own.unwrap_or_else(|| {
        b.text
            .as_deref()
            .or(b.otherwise.as_deref())
            .unwrap_or_default()
    });
    // Where the block's text starts in the file: its first line, found after the block's key
    // (a multi-line string starts on the line after the one with `text =`).
    let body_line = key_at.and_then(|at| {
        let first = body.lines().find(|l| !l.trim().is_empty())?;
        let skipped = body.lines().take_while(|l| l.trim().is_empty()).count();
        text[at..]
            .find(first)
            .map(|o| line_of(text, at + o) - skipped)
    });
    let block_line = key_at.map(|o| line_of(text, o));
    let inner = e.line().map(|l| l.saturating_sub(macro_lines));
    let line = match (own, body_line, inner) {
        // The clerk's own text is not in the template file.
        (Some(_), _, _) => None,
        (None, Some(start), Some(i)) if i > 0 => Some(start + i - 1),
        _ => block_line,
    };
    let missing = filters::missing_message(e);
    let mut message = missing.map_or_else(|| error_message(e), str::to_owned);
    if missing == Some(A_NUMBER_NOT_ENTERED)
        && let Some(ctx) = ctx
    {
        let blank = blank_names(template, body, ctx);
        if !blank.is_empty() {
            message = format!("这一段用到的数还没有填写：{}", blank.join("、"));
        }
    }
    if e.kind() == ErrorKind::UndefinedError
        && let Some(ctx) = ctx
        && let Ok(t) = Environment::new().template_from_str(body)
    {
        // Only the names the block's own text uses: the macros it calls are not figures.
        let macros = macro_names(template);
        let unknown: Vec<String> = t
            .undeclared_variables(true)
            .into_iter()
            .filter(|path| !resolves(ctx, path))
            .filter(|path| !macros.contains(path.as_str()))
            .collect();
        if !unknown.is_empty() {
            let names = context_names(ctx);
            let suggestions: Vec<String> = unknown
                .iter()
                .map(|u| {
                    let near = nearest(u, &names);
                    if near.is_empty() {
                        format!("“{u}”")
                    } else {
                        format!("“{u}”（最接近的有：{}）", near.join("、"))
                    }
                })
                .collect();
            message = format!("没有这些数字名称：{}", suggestions.join("；"));
        }
    }
    TemplateProblem {
        template: template.id.clone(),
        block: name.to_owned(),
        line,
        message,
        kind: if missing.is_some() {
            ProblemKind::Missing
        } else {
            ProblemKind::Template
        },
    }
}

/// The source made ready to compile. A blank line of the source is where a paragraph ends: it
/// becomes [`PARAGRAPH`], so a line that renders to nothing (an `if` not taken) never splits a
/// paragraph. A line that holds only `{% %}` tags (an `if`, a `for`, a `set` on a line of its own)
/// leaves nothing behind, not even its line break; a tag at the end of a line of text keeps that
/// line's break, which minijinja's `trim_blocks` would eat. Breaks are kept (inside a comment) so
/// error line numbers still match the template file.
fn tag_lines(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + 64);
    for line in source.split_inclusive('\n') {
        match line.strip_suffix('\n') {
            Some(body) if only_tags(body) => {
                out.push_str(body.trim());
                out.push_str("{#\n#}");
            }
            Some(body) if body.trim().is_empty() => {
                out.push(PARAGRAPH);
                out.push('\n');
            }
            _ => out.push_str(line),
        }
    }
    out
}

/// Whether a line is nothing but `{% … %}` tags, `{# … #}` comments and spaces.
fn only_tags(line: &str) -> bool {
    let mut rest = line.trim();
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        let (open, close) = if rest.starts_with("{%") {
            ("{%", "%}")
        } else if rest.starts_with("{#") {
            ("{#", "#}")
        } else {
            return false;
        };
        let inner = &rest[open.len()..];
        let Some(end) = inner.find(close) else {
            return false;
        };
        rest = inner[end + close.len()..].trim_start();
    }
    true
}

/// Marks where a blank line of the source ended a paragraph: U+2029 PARAGRAPH SEPARATOR, which
/// means just that, so a clerk's text that holds one (pasted from Word) also splits there.
const PARAGRAPH: char = '\u{2029}';

/// The paragraphs of a rendered text: split where the source had a blank line; within one,
/// lines are trimmed and joined without a space (Chinese text has none), so a long sentence can
/// be written over several lines of the template. Empty paragraphs are dropped.
fn paragraphs(text: &str) -> Vec<String> {
    text.split(PARAGRAPH)
        .map(|p| p.lines().map(str::trim).collect::<String>())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The names of the macros every text of `template` can call.
fn macro_names(template: &Template) -> std::collections::BTreeSet<String> {
    [super::COMMON, template.macros.as_str()]
        .iter()
        .flat_map(|source| source.split("{% macro ").skip(1))
        .filter_map(|rest| rest.split('(').next())
        .map(|name| name.trim().to_owned())
        .collect()
}

/// How many blocks a list holds, its repeats' blocks included.
fn count(blocks: &[BlockDef]) -> usize {
    blocks.iter().map(|b| 1 + count(&b.blocks)).sum()
}

/// The figures not entered among those the block's text uses, itself or through the macros it
/// calls: the formatter knows only that it met a `none`. A name the text reaches through a
/// `set` (`{% set v = 国有资产.车辆 %}` … `v.主要领导干部用车`) is found one level below the
/// name it was set from.
fn blank_names(template: &Template, body: &str, ctx: &Value) -> Vec<String> {
    let source = Library::of(template).prefix_for(body) + body;
    let env = Environment::new();
    let Ok(t) = env.template_from_str(&source) else {
        return Vec::new();
    };
    let mut blank = Vec::new();
    for path in t.undeclared_variables(true) {
        match lookup(ctx, &path) {
            Some(v) if v.is_none() => blank.push(path),
            Some(v) if v.kind() == minijinja::value::ValueKind::Map => {
                for key in v.try_iter().into_iter().flatten() {
                    let key = key.to_string();
                    if v.get_attr(&key).is_ok_and(|child| child.is_none()) {
                        blank.push(format!("{path}.{key}"));
                    }
                }
            }
            _ => {}
        }
    }
    blank.sort();
    blank.dedup();
    blank
}

/// Whether a dotted name (`收入总计.上年`) names something in `ctx`.
fn resolves(ctx: &Value, path: &str) -> bool {
    lookup(ctx, path).is_some()
}

/// The value at `path` (`国有资产.车辆.合计`) in `ctx`, if the context has it.
fn lookup(ctx: &Value, path: &str) -> Option<Value> {
    let mut at = ctx.clone();
    for part in path.split('.') {
        match at.get_attr(part) {
            Ok(v) if !v.is_undefined() => at = v,
            _ => return None,
        }
    }
    Some(at)
}

/// Every name of the context and one level below (`收入总计`, `收入总计.上年`, …).
fn context_names(ctx: &Value) -> Vec<String> {
    let mut names = Vec::new();
    let Ok(keys) = ctx.try_iter() else {
        return names;
    };
    for key in keys {
        let k = key.to_string();
        if let Ok(v) = ctx.get_attr(&k)
            && v.as_object()
                .is_some_and(|o| o.repr() == minijinja::value::ObjectRepr::Map)
            && let Ok(inner) = v.try_iter()
        {
            for sub in inner {
                names.push(format!("{k}.{sub}"));
            }
        }
        names.push(k);
    }
    names
}

/// The names nearest to `name`, at most three.
fn nearest(name: &str, names: &[String]) -> Vec<String> {
    let mut scored: Vec<(usize, &String)> = names
        .iter()
        .map(|n| (strsim::levenshtein(name, n), n))
        .collect();
    scored.sort();
    let limit = name.chars().count().max(2);
    scored
        .into_iter()
        .filter(|(d, _)| *d < limit)
        .take(3)
        .map(|(_, n)| n.clone())
        .collect()
}

/// minijinja's error in Chinese; our own filters' messages are Chinese already.
fn error_message(e: &minijinja::Error) -> String {
    let detail = e.detail().unwrap_or_default();
    let is_chinese = detail
        .chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    match e.kind() {
        ErrorKind::InvalidOperation if is_chinese => detail.to_owned(),
        ErrorKind::SyntaxError => {
            "语法错误：请检查 {{ }}、{% %} 是否成对，以及 if/for 是否有对应的 endif/endfor"
                .to_owned()
        }
        ErrorKind::UnknownFilter => format!(
            "没有过滤器“{}”；可用：wan、share、change、completion、deviation、reason、clause、cn、class、items、required，以及 join、length 等通用过滤器",
            detail.split('`').nth(1).unwrap_or(detail)
        ),
        ErrorKind::UnknownTest => format!(
            "没有检验“{}”；可用：zero、entered、unchanged、same_change、over_budget，以及 none、defined 等通用检验",
            detail.split('`').nth(1).unwrap_or(detail)
        ),
        ErrorKind::UndefinedError => "用到了没有的数字名称".to_owned(),
        ErrorKind::MissingArgument | ErrorKind::TooManyArguments => {
            "过滤器的参数个数不对".to_owned()
        }
        ErrorKind::OutOfFuel => "模板运行步数超过上限，可能有无尽的循环".to_owned(),
        ErrorKind::InvalidOperation => "无法对这个值做这种运算（例如对文字做加减）".to_owned(),
        _ => "模板运行出错".to_owned(),
    }
}
