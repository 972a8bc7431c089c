//! The charts a template can place, by id: two-year bars of the totals, and pies of the
//! structures with the shares the text prints.

use super::{Chart, ChartKind, Figures, Series, Slice, Structure};
use crate::model::PriorFigure;
use crate::money::Wan;

/// The ids of the charts, with the title each has unless the template gives another.
pub const CHARTS: [(&str, &str); 7] = [
    ("totals", "收、支决算总计变动情况图"),
    ("revenue", "收入决算结构图"),
    ("expenditure", "支出决算结构图"),
    ("appropriation", "财政拨款收、支决算总计变动情况"),
    ("general_budget", "一般公共预算财政拨款支出决算变动情况"),
    ("general_budget_classes", "一般公共预算财政拨款支出决算结构"),
    ("three_public", "“三公”经费财政拨款支出结构"),
];

/// The chart `id`, numbered `number` and titled `title`; `None` for an unknown id.
pub fn chart(f: &Figures<'_>, id: &str, number: u32, title: &str) -> Option<Chart> {
    let t = &f.totals;
    let p = &f.project.prior_year;
    let kind = match id {
        "totals" => bars(
            f,
            vec![
                (
                    "收入（万元）",
                    p.get(PriorFigure::TotalRevenue),
                    t.total_revenue,
                ),
                (
                    "支出（万元）",
                    p.get(PriorFigure::TotalExpenditure),
                    t.total_expenditure,
                ),
            ],
        ),
        "appropriation" => bars(
            f,
            vec![
                (
                    "收入（万元）",
                    p.get(PriorFigure::AppropriationRevenue),
                    t.appropriation_total_revenue,
                ),
                (
                    "支出（万元）",
                    p.get(PriorFigure::AppropriationExpenditure),
                    t.appropriation_total_expenditure,
                ),
            ],
        ),
        "general_budget" => bars(
            f,
            vec![(
                "一般公共预算财政拨款支出",
                p.get(PriorFigure::GeneralBudgetExpenditure),
                t.general_budget_expenditure,
            )],
        ),
        "revenue" => pie(&f.revenue, f),
        "expenditure" => pie(&f.expenditure, f),
        "general_budget_classes" => pie(&f.classes, f),
        "three_public" => pie(&f.three_public, f),
        _ => return None,
    };
    Some(Chart {
        number,
        title: title.to_owned(),
        kind,
    })
}

/// Bars for this year and the prior year, one series per (name, prior, current).
fn bars(f: &Figures<'_>, series: Vec<(&str, Option<Wan>, Wan)>) -> ChartKind {
    ChartKind::Bars {
        categories: vec![format!("{}年", f.prior_year()), format!("{}年", f.year())],
        series: series
            .into_iter()
            .map(|(name, prior, current)| Series {
                name: name.to_owned(),
                values: vec![prior, Some(current)],
            })
            .collect(),
    }
}

/// A pie of a structure, with the shares as the text prints them.
fn pie(structure: &Structure, f: &Figures<'_>) -> ChartKind {
    ChartKind::Pie {
        slices: structure
            .parts
            .iter()
            .map(|p| Slice {
                label: p.label.clone(),
                value: p.amount,
                amount: f.numbers.amount(p.amount),
                share: p.share.map(|s| f.numbers.percent(s)),
            })
            .collect(),
    }
}
