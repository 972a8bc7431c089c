//! 附件: the department's self-assessment report with one 项目支出绩效自评表 per project (附件1),
//! and each project's assessment report (附件2).

use rust_decimal::Decimal;

use super::overview::{heading, organisation_sentence, paragraph};
use super::wording::amount;
use super::{Block, Cell, Figures, Table, chinese_number};
use crate::model::{IndicatorKind, ProjectAssessment, TextSection};
use crate::money::{Percent, Wan};

pub(super) fn part(f: &Figures<'_>, out: &mut Vec<Block>) {
    department_report(f, out);
    for (i, p) in f.project.projects.iter().enumerate() {
        project_report(f, p, i + 2, out);
    }
}

fn plain(d: Decimal) -> String {
    d.normalize().to_string()
}

fn sections(sections: &[TextSection], first_level: u8, out: &mut Vec<Block>) {
    for (i, s) in sections.iter().enumerate() {
        let number = if first_level == 1 {
            format!("{}、", chinese_number(i + 1))
        } else {
            format!("（{}）", chinese_number(i + 1))
        };
        out.push(heading(first_level, format!("{number}{}", s.heading)));
        out.extend(s.paragraphs.iter().map(|p| paragraph(p.clone())));
    }
}

fn department_report(f: &Figures<'_>, out: &mut Vec<Block>) {
    let p = f.project;
    let d = &p.performance.department;
    let name = f.unit_name();
    let year = f.year();
    out.push(Block::PageBreak);
    out.push(heading(0, "附件1"));
    let title = if d.title.trim().is_empty() {
        format!("{year}年{name}部门预算绩效评价报告")
    } else {
        d.title.clone()
    };
    out.push(heading(0, title));

    out.push(heading(1, "一、部门（单位）基本情况"));
    out.push(heading(2, "（一）机构组成"));
    if let Some(sentence) = organisation_sentence(f) {
        out.push(paragraph(sentence));
    }
    out.push(heading(2, "（二）机构职能"));
    for (i, duty) in p.unit.duties.iter().enumerate() {
        out.push(paragraph(format!("{}.{duty}", i + 1)));
    }
    out.push(heading(2, "（三）人员概况"));
    if let Some(text) = staffing(f) {
        out.push(paragraph(text));
    }

    out.push(heading(1, "二、部门资金收支情况"));
    let t = &f.totals;
    let initial = |a: Option<Wan>, what: &str| {
        a.map(|a| format!("年初预算{what}{}，", amount(a)))
            .unwrap_or_default()
    };
    out.push(paragraph(format!(
        "（一）收入情况。{name}{year}年度{}决算报表收入{}。",
        initial(d.initial_budget_revenue, "收入"),
        amount(t.revenue_this_year)
    )));
    out.push(paragraph(format!(
        "（二）支出情况。{name}{year}年度{}决算报表支出{}。",
        initial(d.initial_budget_expenditure, "支出"),
        amount(t.expenditure_this_year)
    )));
    let carry = if t.opening_balance.is_zero() && t.closing_balance.is_zero() {
        format!("{name}{year}年无结转结余情况。")
    } else {
        format!(
            "{name}{year}年年初结转和结余{}，年末结转和结余{}。",
            amount(t.opening_balance),
            amount(t.closing_balance)
        )
    };
    out.push(paragraph(format!("（三）结余分配和结转结余情况。{carry}")));

    out.push(heading(1, "三、部门预算绩效分析"));
    sections(&d.sections, 2, out);

    out.push(heading(1, "四、评价结论及建议"));
    out.push(heading(2, "（一）评价结论"));
    let mut conclusion = d.conclusion.trim().trim_end_matches('。').to_owned();
    if let (Some(full), Some(score)) = (d.full_score, d.score) {
        let sep = if conclusion.is_empty() { "" } else { "，" };
        conclusion.push_str(&format!(
            "{sep}总分{}分，自评得分{}分",
            plain(full),
            plain(score)
        ));
    }
    if !conclusion.is_empty() {
        out.push(paragraph(format!("{conclusion}。")));
    }
    out.push(heading(2, "（二）存在问题"));
    out.extend(numbered(&d.problems));
    out.push(heading(2, "（三）改进建议"));
    if !d.improvements.is_empty() {
        out.push(paragraph("针对上述存在的问题，拟实施的改进措施如下："));
    }
    out.extend(numbered(&d.improvements));

    for (i, a) in p.projects.iter().enumerate() {
        out.push(Block::PageBreak);
        let suffix = if p.projects.len() > 1 {
            format!("{}", i + 1)
        } else {
            String::new()
        };
        out.push(heading(
            1,
            format!("附表{suffix}：部门预算项目支出绩效自评表（{year}年度）"),
        ));
        out.extend(self_assessment(a).into_iter().map(Block::Table));
    }
}

fn numbered(items: &[String]) -> Vec<Block> {
    items
        .iter()
        .enumerate()
        .map(|(i, t)| paragraph(format!("{}.{t}", i + 1)))
        .collect()
}

/// "区委绩效办共有编制14名，其中：行政编制7名，…。2023年年末实有人数10人，其中：…。"
fn staffing(f: &Figures<'_>) -> Option<String> {
    let u = &f.project.unit;
    if u.staffing.is_empty() {
        return None;
    }
    let posts: u64 = u.staffing.iter().map(|b| u64::from(b.posts)).sum();
    let staff: u64 = u.staffing.iter().map(|b| u64::from(b.staff)).sum();
    let post_parts: Vec<String> = u
        .staffing
        .iter()
        .map(|b| format!("{}{}{}名", b.body, b.post_kind, b.posts))
        .collect();
    let staff_parts: Vec<String> = u
        .staffing
        .iter()
        .map(|b| format!("{}{}人", b.body, b.staff))
        .collect();
    Some(format!(
        "{}共有编制{posts}名，其中：{}。{}年年末实有人数{staff}人，其中：{}。",
        f.unit_name(),
        post_parts.join("，"),
        u.year,
        staff_parts.join("，")
    ))
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

fn project_report(f: &Figures<'_>, a: &ProjectAssessment, number: usize, out: &mut Vec<Block>) {
    out.push(Block::PageBreak);
    out.push(heading(0, format!("附件{number}")));
    out.push(heading(0, "专项预算项目绩效评价报告"));
    out.push(paragraph(format!("（{}{}）", a.name, f.year())));
    sections(&a.report_sections, 1, out);
    let n = a.report_sections.len();
    let total = a.funds_total();

    out.push(heading(
        1,
        format!("{}、项目资金安排及使用情况", chinese_number(n + 1)),
    ));
    let mut text = String::new();
    if let Some(initial) = total.initial {
        text.push_str(&format!("项目预算安排{}", amount(initial)));
        if let Some(adjusted) = total.adjusted.filter(|a| *a != initial) {
            text.push_str(&format!("，调整预算为{}", amount(adjusted)));
        }
        text.push('。');
    }
    if let Some(executed) = total.executed {
        text.push_str(&format!("项目全年投入{}", amount(executed)));
        if !a.spending.is_empty() {
            let items: Vec<String> = a
                .spending
                .iter()
                .map(|s| format!("{}{}", s.name, amount(s.amount)))
                .collect();
            text.push_str(&format!("，其中：{}", items.join("，")));
        }
        text.push('。');
    }
    if !text.is_empty() {
        out.push(paragraph(text));
    }

    out.push(heading(1, format!("{}、评价结论", chinese_number(n + 2))));
    let mut conclusion = a.conclusion.trim().trim_end_matches('。').to_owned();
    let weights = a
        .indicators
        .iter()
        .try_fold(a.budget_weight, |s, i| s.checked_add(i.weight));
    if let (Some(full), Some(score)) = (weights, a.stated_total_score) {
        conclusion.push_str(&format!(
            "。总分{}分，自评得分{}分",
            plain(full),
            plain(score)
        ));
    }
    out.push(paragraph(format!("{conclusion}。")));
    out.push(heading(
        1,
        format!("{}、存在主要问题", chinese_number(n + 3)),
    ));
    out.push(paragraph(a.problems.clone()));
    out.push(heading(1, format!("{}、改进建议", chinese_number(n + 4))));
    out.push(paragraph(a.measures.clone()));
}
