//! Plain-text and Markdown renderings of the document, for the command line and for review.

use super::{Block, Cell, ChartKind, Document, Table};

/// The output formats of `juesuan report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown (tables as pipe tables, charts as their data).
    Markdown,
}

/// Renders the document in `format`.
pub fn render(doc: &Document, format: Format) -> String {
    let mut out = String::new();
    match format {
        Format::Text => out.push_str(&format!("{}\n\n", doc.title)),
        Format::Markdown => out.push_str(&format!("# {}\n\n", doc.title)),
    }
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => match format {
                Format::Text => out.push_str(&format!("{text}\n")),
                Format::Markdown => {
                    let hashes = "#".repeat(usize::from(*level) + 2);
                    out.push_str(&format!("\n{hashes} {text}\n\n"));
                }
            },
            Block::Paragraph { text } => match format {
                Format::Text => out.push_str(&format!("　　{text}\n")),
                Format::Markdown => out.push_str(&format!("{text}\n\n")),
            },
            Block::Note { text } => out.push_str(&format!("{text}\n")),
            Block::Table(t) => table(t, format, &mut out),
            Block::Chart(c) => {
                out.push_str(&format!("（{}）\n", c.caption()));
                match &c.kind {
                    ChartKind::Bars { categories, series } => {
                        for s in series {
                            let values: Vec<String> = categories
                                .iter()
                                .zip(&s.values)
                                .map(|(c, v)| format!("{c} {}", v.text()))
                                .collect();
                            out.push_str(&format!("  {}：{}\n", s.name, values.join("，")));
                        }
                    }
                    ChartKind::Pie { slices } => {
                        for s in slices {
                            let share = s.share.clone().unwrap_or_default();
                            out.push_str(&format!("  {} {} {share}\n", s.label, s.value.text()));
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
        Format::Markdown => format!("| {} |", cells.join(" | ")),
    };
    match format {
        Format::Text => out.push_str(&format!("{}    {}\n", t.title, t.unit_label)),
        Format::Markdown => out.push_str(&format!("\n**{}**　{}\n\n", t.title, t.unit_label)),
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
