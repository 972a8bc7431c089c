//! 情况说明: the generated document as it will be printed. A paragraph is clicked to rewrite it
//! (the editor is in `ui::wording`).

use egui::{RichText, Ui};

use crate::document::render::grid;
use crate::document::{Block, Document};
use crate::ui::charts;

pub(super) fn ui(ui: &mut Ui, doc: &Document) -> Option<String> {
    ui.label(
        RichText::new(
            "以下内容由录入的数字自动生成：数字请回到各录入页修改；点击一段文字可以改写这一段的措辞。",
        )
        .small(),
    );
    ui.heading(&doc.title);
    // The paragraph each block belongs to, if the clerk can rewrite it.
    let mut source: Vec<Option<&str>> = vec![None; doc.blocks.len()];
    for s in &doc.sources {
        for i in s.blocks.clone() {
            if let Some(slot) = source.get_mut(i) {
                *slot = Some(s.id.as_str());
            }
        }
    }
    let mut clicked = None;
    crate::ui::widgets::virtual_list(ui, "document-text", doc.blocks.len(), 24.0, |ui, n| {
        if block_ui(ui, n, &doc.blocks[n], source[n].is_some()) {
            clicked = source[n].map(str::to_owned);
        }
    });
    clicked
}

/// Draws a block; true when it is a paragraph that can be rewritten and was clicked.
fn block_ui(ui: &mut Ui, n: usize, block: &Block, editable: bool) -> bool {
    let mut clicked = false;
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
            Block::Paragraph { text } if editable => {
                clicked = ui
                    .add(egui::Label::new(format!("　　{text}")).sense(egui::Sense::click()))
                    .on_hover_text("点击改写这一段")
                    .clicked();
            }
            Block::Paragraph { text } => {
                ui.label(format!("　　{text}"));
            }
            Block::Note { text } => {
                ui.label(RichText::new(text).small());
            }
            Block::Subtitle { text } => {
                ui.vertical_centered(|ui| ui.label(text.as_str()));
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
    clicked
}
