//! The 项目支出绩效自评表 of a project: the official form, one table of merged cells.

use rust_decimal::Decimal;

use super::{Cell, Table};
use crate::model::{IndicatorKind, ProjectAssessment};
use crate::money::{Percent, Wan};

fn plain(d: Decimal) -> String {
    d.normalize().to_string()
}

/// The columns of the form: the block labels on the left (项目基本情况, 预算执行情况, 绩效指标),
/// then the ten columns of the indicator block, which the other blocks span.
const WIDTHS: [u16; 11] = [3, 3, 3, 4, 2, 3, 3, 2, 2, 2, 4];

/// What the form says under its budget block (as the 四川 form prints it).
const BUDGET_INSTRUCTIONS: &str = "说明：1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因（100字以内）；2.年中发生预算调整的（追加或调减），应单独说明理由；3.其他资金包括：社会投入资金、银行贷款。";

/// The 项目支出绩效自评表 of one project as the official form: one table of merged cells —
/// 项目名称/主管部门/实施单位, the year's goals and their completion, the 预算执行 block with its
/// 权重, 得分, 原因 and instructions, the indicators with 一级/二级 指标 merged down, the 合计
/// row, 评价结论/存在问题/改进措施 and the two responsible people.
pub fn self_assessment(a: &ProjectAssessment, year: i32) -> Vec<Table> {
    let label = |t: &str| Cell::text(t).strong();
    let mut rows: Vec<Vec<Cell>> = Vec::new();

    rows.push(vec![
        label("项目名称"),
        Cell::text(format!("{} {}", a.code, a.name)).cols(10),
    ]);
    rows.push(vec![
        label("主管部门"),
        Cell::text(a.supervising_department.clone()).cols(4),
        label("实施单位（盖章）").cols(2),
        Cell::text(a.implementing_unit.clone()).cols(4),
    ]);
    rows.push(vec![
        label("项目基本情况").rows(4),
        label("1.项目年度目标完成情况").cols(10),
    ]);
    rows.push(vec![
        label("项目年度目标").cols(5),
        label("年度目标完成情况").cols(5),
    ]);
    rows.push(vec![
        Cell::text(a.annual_goal.clone()).cols(5),
        Cell::text(a.goal_completion.clone()).cols(5),
    ]);
    rows.push(vec![
        Cell::text(format!("2.项目实施内容及过程概述：{}", a.implementation)).cols(10),
    ]);

    let total = a.funds_total();
    let rate = |executed: Option<Wan>, adjusted: Option<Wan>| {
        executed
            .zip(adjusted)
            .and_then(|(e, a)| Percent::of(e, a))
            .map_or_else(Cell::empty, Cell::percent)
    };
    let funds = a.funds.rows();
    // Header, 总额, each fund, the instructions.
    let budget_rows = 3 + funds.len() as u16;
    rows.push(vec![
        label(&format!("预算执行情况（{}分）", plain(a.budget_weight))).rows(budget_rows),
        label("年度预算数（万元）"),
        label("年初预算"),
        label("调整后预算数"),
        label("预算执行数").cols(2),
        label("预算执行率"),
        label("权重"),
        label("得分"),
        label("原因").cols(2),
    ]);
    rows.push(vec![
        Cell::text("总额"),
        Cell::maybe_amount(total.initial),
        Cell::maybe_amount(total.adjusted),
        Cell::maybe_amount(total.executed).cols(2),
        rate(total.executed, total.adjusted),
        Cell::figure(plain(a.budget_weight)),
        Cell::figure(a.budget_score.map(plain).unwrap_or_default()),
        Cell::text(a.execution_reason.clone()).cols(2),
    ]);
    for (i, (name, row)) in funds.into_iter().enumerate() {
        let name = if i == 0 {
            format!("其中：{name}")
        } else {
            name.to_owned()
        };
        rows.push(vec![
            Cell::text(name),
            Cell::maybe_amount(row.initial),
            Cell::maybe_amount(row.adjusted),
            Cell::maybe_amount(row.executed).cols(2),
            rate(row.executed, row.adjusted),
            Cell::centered("/"),
            Cell::centered("/"),
            Cell::empty().cols(2),
        ]);
    }
    rows.push(vec![Cell::text(BUDGET_INSTRUCTIONS).cols(10)]);

    let weights: Decimal = a
        .indicators
        .iter()
        .try_fold(Decimal::ZERO, |s, i| s.checked_add(i.weight))
        .unwrap_or(Decimal::MAX);
    rows.push(vec![
        label(&format!("绩效指标（{}分）", plain(weights))).rows(1 + a.indicators.len() as u16),
        label("一级指标"),
        label("二级指标"),
        label("三级指标"),
        label("指标性质"),
        label("指标值"),
        label("度量单位"),
        label("完成值"),
        label("权重"),
        label("得分"),
        label("未完成原因分析"),
    ]);
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
                    row.push(Cell::centered(kind.label()).rows(kind_len as u16));
                }
                if k == j {
                    row.push(Cell::centered(level2.clone()).rows(level2_len as u16));
                }
                row.extend([
                    Cell::text(ind.name.clone()),
                    Cell::centered(ind.nature.label()),
                    Cell::centered(ind.target.clone()),
                    Cell::centered(ind.unit.clone()),
                    Cell::centered(ind.actual.clone().unwrap_or_default()),
                    Cell::figure(plain(ind.weight)),
                    Cell::figure(ind.score.map(plain).unwrap_or_default()),
                    Cell::text(ind.shortfall_reason.clone()),
                ]);
                rows.push(row);
            }
            j += level2_len;
        }
        i += kind_len;
    }
    let total_weight = a
        .budget_weight
        .checked_add(weights)
        .map(plain)
        .unwrap_or_default();
    rows.push(vec![
        label("合计").cols(8),
        Cell::figure(total_weight).strong(),
        Cell::figure(a.stated_total_score.map(plain).unwrap_or_default()).strong(),
        Cell::empty(),
    ]);
    for (name, text) in [
        ("评价结论", &a.conclusion),
        ("存在问题", &a.problems),
        ("改进措施", &a.measures),
    ] {
        rows.push(vec![label(name), Cell::text(text.clone()).cols(10)]);
    }
    rows.push(vec![
        label("项目负责人"),
        Cell::text(a.project_lead.clone()).cols(4),
        label("财务负责人").cols(2),
        Cell::text(a.finance_lead.clone()).cols(4),
    ]);

    vec![Table {
        title: format!("部门预算项目支出绩效自评表（{year}年度）"),
        unit_label: String::new(),
        wide: true,
        widths: WIDTHS.to_vec(),
        header: Vec::new(),
        rows,
        notes: Vec::new(),
        id: String::new(),
        unfilled: None,
        detail_missing: None,
    }]
}
