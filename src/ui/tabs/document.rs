//! 情况说明: the generated document, read-only, as it will be printed.

use egui::{RichText, Ui};

use crate::document::render::grid;
use crate::document::{Block, Document};
use crate::ui::charts;

pub(super) fn ui(ui: &mut Ui, doc: &Document) {
    ui.label(RichText::new("以下内容由录入的数字自动生成，修改请回到各录入页。").small());
    ui.heading(&doc.title);
    crate::ui::widgets::virtual_list(ui, "document-text", doc.blocks.len(), 24.0, |ui, n| {
        block_ui(ui, n, &doc.blocks[n]);
    });
}

fn block_ui(ui: &mut Ui, n: usize, block: &Block) {
    {
        match block {
            Block::Heading { level, text } => {
                let size = match level {
                    0 => 20.0,
                    1 => 17.0,
                    _ => 15.0,
                };
                ui.add_space(4.0);
                ui.label(RichText::new(text).size(size).strong());
            }
            Block::Paragraph { text } => {
                ui.label(format!("　　{text}"));
            }
            Block::Note { text } => {
                ui.label(RichText::new(text).small());
            }
            Block::Table(t) => {
                ui.add_space(4.0);
                ui.label(RichText::new(format!("{}　{}", t.title, t.unit_label)).strong());
                let columns = t.widths.len();
                egui::ScrollArea::horizontal()
                    .id_salt(("table", n))
                    .show(ui, |ui| {
                        egui::Grid::new(("doc-table", n))
                            .striped(true)
                            .show(ui, |ui| {
                                for row in grid(&t.header, columns) {
                                    for cell in row {
                                        ui.label(RichText::new(cell).strong());
                                    }
                                    ui.end_row();
                                }
                                for row in grid(&t.rows, columns) {
                                    for cell in row {
                                        ui.label(cell);
                                    }
                                    ui.end_row();
                                }
                            });
                    });
                for note in &t.notes {
                    ui.label(RichText::new(note).small());
                }
            }
            Block::Chart(c) => charts::chart_ui(ui, c),
            Block::PageBreak => {
                ui.separator();
            }
        }
    }
}
