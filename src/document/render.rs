//! Plain-text and Markdown renderings of the document, for the command line and for review.

use super::{Block, Cell, ChartKind, Document, Table};

/// The output formats of `juesuan report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown (tables as pipe tables, charts as their data).
    Markdown,
    /// A standalone HTML page (tables with their spans), for word processors and comparisons.
    Html,
}

/// Renders the document in `format`.
pub fn render(doc: &Document, format: Format) -> String {
    if format == Format::Html {
        return html(doc);
    }
    let mut out = String::new();
    match format {
        Format::Text => out.push_str(&format!("{}\n\n", doc.title)),
        Format::Markdown | Format::Html => out.push_str(&format!("# {}\n\n", doc.title)),
    }
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => match format {
                Format::Text => out.push_str(&format!("{text}\n")),
                Format::Markdown | Format::Html => {
                    let hashes = "#".repeat(usize::from(*level) + 2);
                    out.push_str(&format!("\n{hashes} {text}\n\n"));
                }
            },
            Block::Paragraph { text } => match format {
                Format::Text => out.push_str(&format!("　　{text}\n")),
                Format::Markdown | Format::Html => out.push_str(&format!("{text}\n\n")),
            },
            Block::Note { text } => out.push_str(&format!("{text}\n")),
            Block::Subtitle { text } => match format {
                Format::Text => out.push_str(&format!("{text}\n")),
                Format::Markdown | Format::Html => out.push_str(&format!("{text}\n\n")),
            },
            Block::Table(t) => table(t, format, &mut out),
            Block::Chart(c) => {
                out.push_str(&format!("（{}）\n", c.caption()));
                match &c.kind {
                    ChartKind::Bars { categories, series } => {
                        for s in series {
                            let values: Vec<String> = categories
                                .iter()
                                .zip(&s.values)
                                .map(|(c, v)| match v {
                                    Some(v) => format!("{c} {}", v.text()),
                                    None => format!("{c} 未填写"),
                                })
                                .collect();
                            out.push_str(&format!("  {}：{}\n", s.name, values.join("，")));
                        }
                    }
                    ChartKind::Pie { slices } => {
                        for s in slices {
                            let share = s.share.clone().unwrap_or_default();
                            out.push_str(&format!("  {} {} {share}\n", s.label, s.amount));
                        }
                    }
                }
                if format == Format::Markdown {
                    out.push('\n');
                }
            }
            Block::PageBreak => {
                if format == Format::Markdown {
                    out.push_str("\n---\n");
                }
            }
        }
    }
    out
}

/// Expands spans into a plain grid: a spanned-over position repeats nothing.
pub fn grid(rows: &[Vec<Cell>], columns: usize) -> Vec<Vec<String>> {
    let mut grid: Vec<Vec<Option<String>>> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        while grid.len() <= r {
            grid.push(vec![None; columns]);
        }
        let mut c = 0;
        for cell in row {
            while c < columns && grid[r][c].is_some() {
                c += 1;
            }
            if c >= columns {
                break;
            }
            for dr in 0..usize::from(cell.row_span) {
                while grid.len() <= r + dr {
                    grid.push(vec![None; columns]);
                }
                for dc in 0..usize::from(cell.col_span) {
                    if c + dc < columns {
                        let text = if dr == 0 && dc == 0 {
                            cell.content.display()
                        } else {
                            String::new()
                        };
                        grid[r + dr][c + dc] = Some(text);
                    }
                }
            }
            c += usize::from(cell.col_span);
        }
    }
    grid.into_iter()
        .map(|row| row.into_iter().map(Option::unwrap_or_default).collect())
        .collect()
}

fn table(t: &Table, format: Format, out: &mut String) {
    let columns = t.widths.len();
    let header = grid(&t.header, columns);
    let body = grid(&t.rows, columns);
    let line = |cells: &[String]| match format {
        Format::Text => cells.join(" | "),
        Format::Markdown | Format::Html => format!("| {} |", cells.join(" | ")),
    };
    match format {
        Format::Text => out.push_str(&format!("{}    {}\n", t.title, t.unit_label)),
        Format::Markdown | Format::Html => {
            out.push_str(&format!("\n**{}**　{}\n\n", t.title, t.unit_label))
        }
    }
    let mut header_rows = header.clone();
    if format == Format::Markdown && header_rows.is_empty() {
        header_rows.push(vec![String::new(); columns]);
    }
    for (i, row) in header_rows.iter().enumerate() {
        out.push_str(&line(row));
        out.push('\n');
        if format == Format::Markdown && i + 1 == header_rows.len() {
            out.push_str(&format!("|{}\n", "---|".repeat(columns)));
        }
    }
    for row in &body {
        out.push_str(&line(row));
        out.push('\n');
    }
    for note in &t.notes {
        out.push_str(&format!("{note}\n"));
    }
    if format == Format::Markdown {
        out.push('\n');
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn html_cells(out: &mut String, row: &[Cell], tag: &str) {
    out.push_str("<tr>");
    for cell in row {
        let align = if cell.content.is_number() {
            " style=\"text-align:right\""
        } else {
            ""
        };
        let text = escape(&cell.content.display());
        let text = if cell.strong {
            format!("<b>{text}</b>")
        } else {
            text
        };
        out.push_str(&format!(
            "<{tag} colspan=\"{}\" rowspan=\"{}\"{align}>{text}</{tag}>",
            cell.col_span, cell.row_span
        ));
    }
    out.push_str("</tr>\n");
}

/// A standalone HTML page of the document.
fn html(doc: &Document) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{}</title>\n<style>body{{font-family:serif;font-size:12pt}} table{{border-collapse:collapse}} td,th{{border:1px solid #000;padding:2px 4px;font-size:9pt}} p{{text-indent:2em}}</style></head><body>\n<h1>{}</h1>\n",
        escape(&doc.title),
        escape(&doc.title)
    );
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => {
                let n = usize::from(*level) + 1;
                out.push_str(&format!("<h{n}>{}</h{n}>\n", escape(text)));
            }
            Block::Paragraph { text } => out.push_str(&format!("<p>{}</p>\n", escape(text))),
            Block::Note { text } => {
                out.push_str(&format!("<p><small>{}</small></p>\n", escape(text)))
            }
            Block::Subtitle { text } => out.push_str(&format!(
                "<p style=\"text-align:center\">{}</p>\n",
                escape(text)
            )),
            Block::Table(t) => {
                out.push_str(&format!(
                    "<p><b>{}</b>　{}</p>\n<table>\n",
                    escape(&t.title),
                    escape(&t.unit_label)
                ));
                for row in &t.header {
                    html_cells(&mut out, row, "th");
                }
                for row in &t.rows {
                    html_cells(&mut out, row, "td");
                }
                out.push_str("</table>\n");
                for note in &t.notes {
                    out.push_str(&format!("<p><small>{}</small></p>\n", escape(note)));
                }
            }
            Block::Chart(c) => {
                out.push_str(&format!("<p>（{}）</p>\n<ul>\n", escape(&c.caption())));
                match &c.kind {
                    ChartKind::Bars { categories, series } => {
                        for s in series {
                            let values: Vec<String> = categories
                                .iter()
                                .zip(&s.values)
                                .map(|(c, v)| match v {
                                    Some(v) => format!("{c} {}", v.text()),
                                    None => format!("{c} 未填写"),
                                })
                                .collect();
                            out.push_str(&format!(
                                "<li>{}：{}</li>\n",
                                escape(&s.name),
                                values.join("，")
                            ));
                        }
                    }
                    ChartKind::Pie { slices } => {
                        for s in slices {
                            out.push_str(&format!(
                                "<li>{} {} {}</li>\n",
                                escape(&s.label),
                                escape(&s.amount),
                                s.share.clone().unwrap_or_default()
                            ));
                        }
                    }
                }
                out.push_str("</ul>\n");
            }
            Block::PageBreak => out.push_str("<div style=\"page-break-after:always\"></div>\n"),
        }
    }
    out.push_str("</body></html>\n");
    out
}
