//! The 项目支出绩效自评表 of a project: the official form's four blocks as tables.

use rust_decimal::Decimal;

use super::{Cell, Table};
use crate::model::{IndicatorKind, ProjectAssessment};
use crate::money::{Percent, Wan};

fn plain(d: Decimal) -> String {
    d.normalize().to_string()
}

/// The self-assessment table of one project, as the official form's four blocks.
pub fn self_assessment(a: &ProjectAssessment) -> Vec<Table> {
    let form = |title: &str, widths: Vec<u16>, header: Vec<Vec<Cell>>, rows| Table {
        title: title.to_owned(),
        unit_label: String::new(),
        wide: true,
        widths,
        header,
        rows,
        notes: Vec::new(),
        unfilled: None,
        detail_missing: None,
    };
    let label = |t: &str| Cell::text(t).strong();

    let basics = form(
        "项目基本情况",
        vec![3, 6, 3, 6],
        Vec::new(),
        vec![
            vec![
                label("项目名称"),
                Cell::text(format!("{} {}", a.code, a.name)).cols(3),
            ],
            vec![
                label("主管部门"),
                Cell::text(a.supervising_department.clone()),
                label("实施单位（盖章）"),
                Cell::text(a.implementing_unit.clone()),
            ],
            vec![
                label("项目年度目标"),
                Cell::text(a.annual_goal.clone()).cols(3),
            ],
            vec![
                label("年度目标完成情况"),
                Cell::text(a.goal_completion.clone()).cols(3),
            ],
            vec![
                label("项目实施内容及过程概述"),
                Cell::text(a.implementation.clone()).cols(3),
            ],
        ],
    );

    let total = a.funds_total();
    let rate = |executed: Option<Wan>, adjusted: Option<Wan>| {
        executed
            .zip(adjusted)
            .and_then(|(e, a)| Percent::of(e, a))
            .map_or_else(Cell::empty, Cell::percent)
    };
    let mut budget_rows = vec![vec![
        label("总额"),
        Cell::maybe_amount(total.initial),
        Cell::maybe_amount(total.adjusted),
        Cell::maybe_amount(total.executed),
        rate(total.executed, total.adjusted),
        Cell::text(plain(a.budget_weight)),
        Cell::text(a.budget_score.map(plain).unwrap_or_default()),
        Cell::text(a.execution_reason.clone()),
    ]];
    for (i, (name, row)) in a.funds.rows().into_iter().enumerate() {
        let name = if i == 0 {
            format!("其中：{name}")
        } else {
            name.to_owned()
        };
        budget_rows.push(vec![
            Cell::text(name),
            Cell::maybe_amount(row.initial),
            Cell::maybe_amount(row.adjusted),
            Cell::maybe_amount(row.executed),
            rate(row.executed, row.adjusted),
            Cell::text("/"),
            Cell::text("/"),
            Cell::empty(),
        ]);
    }
    let budget = form(
        &format!("预算执行情况（{}分）", plain(a.budget_weight)),
        vec![4, 2, 2, 2, 2, 1, 1, 4],
        vec![vec![
            Cell::head("年度预算数（万元）"),
            Cell::head("年初预算"),
            Cell::head("调整后预算数"),
            Cell::head("预算执行数"),
            Cell::head("预算执行率"),
            Cell::head("权重"),
            Cell::head("得分"),
            Cell::head("原因"),
        ]],
        budget_rows,
    );

    let weights: Decimal = a
        .indicators
        .iter()
        .try_fold(Decimal::ZERO, |s, i| s.checked_add(i.weight))
        .unwrap_or(Decimal::MAX);
    let mut indicator_rows = Vec::new();
    let mut i = 0;
    while i < a.indicators.len() {
        let kind: IndicatorKind = a.indicators[i].level1;
        let kind_len = a.indicators[i..]
            .iter()
            .take_while(|x| x.level1 == kind)
            .count();
        let mut j = i;
        while j < i + kind_len {
            let level2 = &a.indicators[j].level2;
            let level2_len = a.indicators[j..i + kind_len]
                .iter()
                .take_while(|x| &x.level2 == level2)
                .count();
            for k in j..j + level2_len {
                let ind = &a.indicators[k];
                let mut row = Vec::new();
                if k == i {
                    row.push(Cell::text(kind.label()).rows(kind_len as u16));
                }
                if k == j {
                    row.push(Cell::text(level2.clone()).rows(level2_len as u16));
                }
                row.extend([
                    Cell::text(ind.name.clone()),
                    Cell::text(ind.nature.label()),
                    Cell::text(ind.target.clone()),
                    Cell::text(ind.unit.clone()),
                    Cell::text(ind.actual.clone().unwrap_or_default()),
                    Cell::text(plain(ind.weight)),
                    Cell::text(ind.score.map(plain).unwrap_or_default()),
                    Cell::text(ind.shortfall_reason.clone()),
                ]);
                indicator_rows.push(row);
            }
            j += level2_len;
        }
        i += kind_len;
    }
    let total_score = a.stated_total_score.map(plain).unwrap_or_default();
    let total_weight = a
        .budget_weight
        .checked_add(weights)
        .map(plain)
        .unwrap_or_default();
    indicator_rows.push(vec![
        label("合计").cols(7),
        Cell::text(total_weight).strong(),
        Cell::text(total_score).strong(),
        Cell::empty(),
    ]);
    let indicators = form(
        &format!("绩效指标（{}分）", plain(weights)),
        vec![2, 3, 6, 1, 3, 1, 2, 1, 1, 3],
        vec![vec![
            Cell::head("一级指标"),
            Cell::head("二级指标"),
            Cell::head("三级指标"),
            Cell::head("指标性质"),
            Cell::head("指标值"),
            Cell::head("度量单位"),
            Cell::head("完成值"),
            Cell::head("权重"),
            Cell::head("得分"),
            Cell::head("未完成原因分析"),
        ]],
        indicator_rows,
    );

    let conclusion = form(
        "评价结论",
        vec![3, 6, 3, 6],
        Vec::new(),
        vec![
            vec![label("评价结论"), Cell::text(a.conclusion.clone()).cols(3)],
            vec![label("存在问题"), Cell::text(a.problems.clone()).cols(3)],
            vec![label("改进措施"), Cell::text(a.measures.clone()).cols(3)],
            vec![
                label("项目负责人"),
                Cell::text(a.project_lead.clone()),
                label("财务负责人"),
                Cell::text(a.finance_lead.clone()),
            ],
        ],
    );
    vec![basics, budget, indicators, conclusion]
}
