//! The document's charts on screen: bars with egui_plot, pies with the painter. Both draw the
//! chart data of the document, so the screen shows what will be printed.

use egui::{Color32, Pos2, RichText, Sense, Shape, Stroke, Ui, Vec2, epaint::Mesh};
use egui_plot::{Bar, BarChart, Legend, Plot};

use super::theme::{self, SERIES};
use crate::document::{Block, Chart, ChartKind, Document};

/// The chart numbered `number` in the document, if it has one.
pub fn find(doc: &Document, number: u32) -> Option<&Chart> {
    doc.blocks.iter().find_map(|b| match b {
        Block::Chart(c) if c.number == number => Some(c),
        _ => None,
    })
}

/// Draws chart `number` of the document with its caption.
pub fn show(ui: &mut Ui, doc: &Document, number: u32) {
    if let Some(chart) = find(doc, number) {
        chart_ui(ui, chart);
    }
}

/// Draws a chart with its caption.
pub fn chart_ui(ui: &mut Ui, chart: &Chart) {
    ui.vertical(|ui| {
        ui.label(RichText::new(chart.caption()).strong());
        match &chart.kind {
            ChartKind::Bars { categories, series } => bars_ui(ui, chart.number, categories, series),
            ChartKind::Pie { slices } => pie_ui(ui, slices),
        }
    });
}

fn bars_ui(ui: &mut Ui, number: u32, categories: &[String], series: &[crate::document::Series]) {
    let n = series.len().max(1) as f64;
    let width = 0.8 / n;
    let charts: Vec<BarChart> = series
        .iter()
        .enumerate()
        .map(|(s, ser)| {
            let bars = ser
                .values
                .iter()
                .enumerate()
                // A value not entered is not drawn (not entered is not zero).
                .filter_map(|(c, v)| v.map(|v| (c, v)))
                .map(|(c, v)| {
                    let x = c as f64 + (s as f64 - (n - 1.0) / 2.0) * width;
                    Bar::new(x, v.to_f64_for_drawing())
                        .width(width * 0.9)
                        .name(format!(
                            "{} {}",
                            categories.get(c).cloned().unwrap_or_default(),
                            ser.name
                        ))
                })
                .collect();
            BarChart::new(ser.name.clone(), bars).color(SERIES[s % SERIES.len()])
        })
        .collect();
    let labels: Vec<String> = categories.to_vec();
    // Headroom above the tallest bar keeps the legend (two lines of CJK text, about a third of
    // the plot's height) clear of the bars; 1.45 let it cover the top of the tallest ones.
    let top = series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .map(|v| v.to_f64_for_drawing())
        .fold(0.0_f64, f64::max);
    Plot::new(("bars", number))
        .height(180.0)
        .width(320.0)
        .legend(Legend::default())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .include_y(0.0)
        .include_y(top * 1.75)
        .show_grid([false, true])
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                labels.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot_ui| {
            for chart in charts {
                plot_ui.bar_chart(chart);
            }
        });
}

fn pie_ui(ui: &mut Ui, slices: &[crate::document::Slice]) {
    ui.vertical(|ui| {
        let size = Vec2::splat(150.0);
        let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
        let center = rect.center();
        let radius = rect.width() / 2.0 - 4.0;
        let total: f64 = slices
            .iter()
            .map(|s| s.value.to_f64_for_drawing().max(0.0))
            .sum();
        let painter = ui.painter_at(rect);
        if total <= 0.0 {
            painter.circle_stroke(center, radius, Stroke::new(1.0, theme::OUTLINE));
        } else {
            let mut start = -std::f64::consts::FRAC_PI_2;
            for (i, s) in slices.iter().enumerate() {
                let fraction = s.value.to_f64_for_drawing().max(0.0) / total;
                if fraction <= 0.0 {
                    continue;
                }
                let sweep = fraction * std::f64::consts::TAU;
                painter.add(Shape::mesh(sector(
                    center,
                    radius,
                    start,
                    sweep,
                    SERIES[i % SERIES.len()],
                )));
                start += sweep;
            }
        }
        ui.set_max_width(330.0);
        for (i, s) in slices.iter().enumerate() {
            ui.horizontal(|ui| {
                let (r, _) = ui.allocate_exact_size(Vec2::splat(10.0), Sense::hover());
                ui.painter().rect_filled(r, 1.0, SERIES[i % SERIES.len()]);
                ui.add(
                    egui::Label::new(format!(
                        "{} {} {}",
                        s.label,
                        s.amount,
                        s.share.clone().unwrap_or_default()
                    ))
                    .wrap(),
                );
            });
        }
    });
}

/// A filled circular sector as a triangle fan (works for any sweep, unlike a convex polygon).
fn sector(center: Pos2, radius: f32, start: f64, sweep: f64, color: Color32) -> Mesh {
    let mut mesh = Mesh::default();
    mesh.colored_vertex(center, color);
    let steps = ((sweep / std::f64::consts::TAU) * 96.0).ceil().max(2.0) as u32;
    for k in 0..=steps {
        let a = start + sweep * f64::from(k) / f64::from(steps);
        let p = center + radius * Vec2::new(a.cos() as f32, a.sin() as f32);
        mesh.colored_vertex(p, color);
        if k > 0 {
            mesh.add_triangle(0, k, k + 1);
        }
    }
    mesh
}
