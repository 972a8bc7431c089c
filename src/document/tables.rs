//! The standard tables (部门决算公开表): the national nine and the ones provinces add (四川's
//! thirteen, 云南's eleven). A table with no data is still printed, with the note that the unit
//! had no such revenue or expenditure this year; a table the model cannot fill yet is printed
//! with its headers and a note saying so, and is marked [`Table::unfilled`] so the checks report
//! it before anyone signs.

use std::collections::BTreeMap;

use super::{Cell, Figures, Table};
use crate::model::{
    CostEntry, CostGroup, CostTotalField, FieldPath, FunctionalLine, Fund, REVENUE_SOURCES,
    RevenueLine,
};
use crate::money::Wan;

const UNIT: &str = "单位：万元";

/// The ids of the tables, with the title each has unless the template gives another.
pub const TABLES: [(&str, &str); 23] = [
    ("summary", "收入支出决算总表"),
    ("revenue", "收入决算表"),
    ("expenditure", "支出决算表"),
    ("appropriation_summary", "财政拨款收入支出决算总表"),
    ("appropriation_detail", "财政拨款支出决算明细表"),
    ("general_budget", "一般公共预算财政拨款支出决算表"),
    (
        "general_budget_revenue_expenditure",
        "一般公共预算财政拨款收入支出决算表",
    ),
    (
        "general_budget_economic",
        "一般公共预算财政拨款支出决算明细表",
    ),
    ("basic", "一般公共预算财政拨款基本支出决算表"),
    (
        "general_budget_project",
        "一般公共预算财政拨款项目支出决算表",
    ),
    ("three_public", "一般公共预算财政拨款“三公”经费支出决算表"),
    (
        "three_public_running",
        "财政拨款“三公”经费、行政参公单位机关运行经费情况表",
    ),
    (
        "three_public_meetings",
        "一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表",
    ),
    ("government_fund", "政府性基金预算财政拨款收入支出决算表"),
    (
        "state_capital_revenue_expenditure",
        "国有资本经营预算财政拨款收入支出决算表",
    ),
    ("state_capital", "国有资本经营预算财政拨款支出决算表"),
    ("procurement", "政府采购情况表"),
    (
        "government_fund_basic",
        "政府性基金预算财政拨款基本支出决算表",
    ),
    ("purchased_services", "政府购买服务决算公开情况表"),
    (
        "general_budget_project_economic",
        "一般公共预算财政拨款项目支出决算明细表",
    ),
    (
        "operations_assets_procurement",
        "机构运行经费支出、国有资产占用情况及政府采购支出信息表",
    ),
    ("revenue_by_unit", "收入决算表（分单位）"),
    ("expenditure_by_unit", "支出决算表（分单位）"),
];

/// The table `id` titled `title` (its standard title when empty); `None` for an unknown id.
pub(super) fn table_by_id(f: &Figures<'_>, id: &str, title: &str) -> Option<Table> {
    let mut table = match id {
        "summary" => summary_table(f),
        "revenue" => revenue_table(f),
        "expenditure" => expenditure_table(f),
        "appropriation_summary" => appropriation_summary_table(f),
        "appropriation_detail" => appropriation_detail_table(f),
        "general_budget" => general_budget_table(f),
        "general_budget_revenue_expenditure" => {
            fund_revenue_expenditure_table(f, Fund::GeneralBudget)
        }
        "general_budget_economic" => general_budget_economic_table(f),
        "basic" => basic_table(f),
        "general_budget_project" => general_budget_project_table(f),
        "three_public" => three_public_table(f),
        "three_public_running" => three_public_running_table(f),
        "three_public_meetings" => three_public_meetings_table(f),
        "government_fund" => fund_revenue_expenditure_table(f, Fund::GovernmentFund),
        "state_capital_revenue_expenditure" => {
            fund_revenue_expenditure_table(f, Fund::StateCapital)
        }
        "state_capital" => state_capital_table(f),
        "procurement" => procurement_table(f),
        "government_fund_basic" => government_fund_basic_table(f),
        "purchased_services" => purchased_services_table(f),
        "general_budget_project_economic" => project_economic_table(f),
        "operations_assets_procurement" => operations_assets_procurement_table(f),
        "revenue_by_unit" => revenue_by_unit_table(f),
        "expenditure_by_unit" => expenditure_by_unit_table(f),
        _ => return None,
    };
    if title.is_empty() {
        if let Some((_, standard)) = TABLES.iter().find(|(t, _)| *t == id) {
            table.title = (*standard).to_owned();
        }
    } else {
        table.title = title.to_owned();
    }
    table.id = id.to_owned();
    Some(table)
}

fn table(title: &str, widths: Vec<u16>, header: Vec<Vec<Cell>>, rows: Vec<Vec<Cell>>) -> Table {
    Table {
        title: title.to_owned(),
        unit_label: UNIT.to_owned(),
        wide: widths.len() > 7,
        widths,
        header,
        rows,
        notes: Vec::new(),
        id: String::new(),
        unfilled: None,
        detail_missing: None,
    }
}

fn no_data(f: &Figures<'_>, what: &str) -> String {
    format!(
        "注：本表无数据，{}{}年度没有{what}。",
        f.unit_name(),
        f.year()
    )
}

/// Pads two columns of (label, amount) rows to the same length, side by side.
fn two_sided(
    left: Vec<(String, Option<Wan>, bool)>,
    right: Vec<(String, Option<Wan>, bool)>,
) -> Vec<Vec<Cell>> {
    let n = left.len().max(right.len());
    let cell = |side: &[(String, Option<Wan>, bool)], i: usize| -> [Cell; 2] {
        match side.get(i) {
            Some((label, amount, strong)) => {
                let (mut l, mut a) = (Cell::text(label.clone()), Cell::maybe_amount(*amount));
                if *strong {
                    l = l.strong();
                    a = a.strong();
                }
                [l, a]
            }
            None => [Cell::empty(), Cell::empty()],
        }
    };
    (0..n)
        .map(|i| {
            let [a, b] = cell(&left, i);
            let [c, d] = cell(&right, i);
            vec![a, b, c, d]
        })
        .collect()
}

fn two_sided_header() -> Vec<Vec<Cell>> {
    vec![
        vec![Cell::head("收入").cols(2), Cell::head("支出").cols(2)],
        vec![
            Cell::head("项目"),
            Cell::head("决算数"),
            Cell::head("项目"),
            Cell::head("决算数"),
        ],
    ]
}

/// Expenditure of `lines` by 类, in code order, with names.
fn by_class(f: &Figures<'_>, lines: &[&FunctionalLine]) -> Vec<(String, Wan)> {
    let mut classes: BTreeMap<&str, Wan> = BTreeMap::new();
    for l in lines {
        *classes
            .entry(l.class_code().unwrap_or(&l.code))
            .or_default() += l.total();
    }
    classes
        .into_iter()
        .map(|(code, amount)| (f.class_name(code), amount))
        .collect()
}

/// 表1 收入支出决算总表.
fn summary_table(f: &Figures<'_>) -> Table {
    let t = &f.totals;
    let p = f.project;
    let mut left: Vec<(String, Option<Wan>, bool)> = f
        .revenue
        .parts
        .iter()
        .map(|s| (s.label.clone(), Some(s.amount), false))
        .collect();
    left.push(("本年收入合计".into(), Some(t.revenue_this_year), true));
    left.push((
        "使用非财政拨款结余".into(),
        Some(
            p.balances
                .use_of_non_appropriation_surplus
                .unwrap_or_default(),
        ),
        false,
    ));
    left.push(("年初结转和结余".into(), Some(t.opening_balance), false));
    left.push(("总计".into(), Some(t.total_revenue), true));

    let lines: Vec<&FunctionalLine> = p.expenditure.lines.iter().collect();
    let mut right: Vec<(String, Option<Wan>, bool)> = by_class(f, &lines)
        .into_iter()
        .map(|(name, a)| (name, Some(a), false))
        .collect();
    right.push(("本年支出合计".into(), Some(t.expenditure_this_year), true));
    right.push((
        "结余分配".into(),
        Some(p.balances.surplus_distribution.unwrap_or_default()),
        false,
    ));
    right.push(("年末结转和结余".into(), Some(t.closing_balance), false));
    right.push(("总计".into(), Some(t.total_expenditure), true));
    // Keep the 总计 rows level with each other, as the official table does.
    while right.len() < left.len() {
        right.insert(right.len() - 4, (String::new(), None, false));
    }
    while left.len() < right.len() {
        left.insert(left.len() - 4, (String::new(), None, false));
    }
    table(
        "表1 收入支出决算总表",
        vec![5, 2, 5, 2],
        two_sided_header(),
        two_sided(left, right),
    )
}

/// 表2 收入决算表: this year's revenue by source, by 功能分类 when the clerk entered it; otherwise
/// the 合计 row alone, with a note.
fn revenue_table(f: &Figures<'_>) -> Table {
    let r = &f.project.revenue;
    let mut header = vec![
        Cell::head("科目编码"),
        Cell::head("科目名称"),
        Cell::head("本年收入合计"),
    ];
    header.extend(REVENUE_SOURCES.iter().map(|s| Cell::head(s.label())));
    let rows = if r.by_function.is_empty() {
        let mut row = vec![
            Cell::text(""),
            Cell::text("合计").strong(),
            Cell::amount(f.totals.revenue_this_year).strong(),
        ];
        row.extend(
            REVENUE_SOURCES
                .iter()
                .map(|s| Cell::amount(s.of_revenue(r)).strong()),
        );
        vec![row]
    } else {
        let lines: Vec<&RevenueLine> = r.by_function.iter().collect();
        functional_rows(f, &lines, |g| {
            let mut cells = vec![Some(g.iter().map(|l| l.total()).sum())];
            cells.extend(
                REVENUE_SOURCES
                    .iter()
                    .map(|s| Some(g.iter().map(|l| s.of_line(l)).sum())),
            );
            cells
        })
    };
    let mut t = table(
        "表2 收入决算表",
        vec![2, 4, 2, 2, 2, 2, 2, 2, 2],
        vec![header],
        rows,
    );
    if f.totals.revenue_this_year.is_zero() {
        t.notes.push(no_data(f, "收入"));
    } else if r.by_function.is_empty() {
        t.notes
            .push("注：本年收入未按功能分类科目填列，本表只列合计。".to_owned());
    }
    t
}

/// 浙江's 收入决算表（分单位）: 表2's columns by unit instead of by 科目 — the 合计, then each unit
/// of the accounts: a unit's own accounts have one row, the unit's; a department's have its
/// members' as they were at the last consolidation.
fn revenue_by_unit_table(f: &Figures<'_>) -> Table {
    let r = &f.project.revenue;
    let mut header = vec![Cell::head("单位名称"), Cell::head("本年收入合计")];
    header.extend(REVENUE_SOURCES.iter().map(|s| Cell::head(s.label())));
    let t = table(
        "收入决算表（分单位）",
        vec![5, 2, 2, 2, 2, 2, 2, 2],
        vec![header],
        Vec::new(),
    );
    by_unit(
        f,
        t,
        REVENUE_SOURCES.map(|s| s.of_revenue(r)),
        |m| m.revenue,
        "收入",
    )
}

/// 浙江's 支出决算表（分单位）: 表3's columns by unit, as [`revenue_by_unit_table`].
fn expenditure_by_unit_table(f: &Figures<'_>) -> Table {
    let mut header = vec![Cell::head("单位名称")];
    header.extend(NATURE_HEADINGS.map(Cell::head));
    let t = table(
        "支出决算表（分单位）",
        vec![5, 2, 2, 2, 2, 2, 2],
        vec![header],
        Vec::new(),
    );
    let own = f.totals.by_nature.parts();
    by_unit(f, t, own, |m| m.expenditure, "支出")
}

/// 表3's amount columns: the total, then the natures in [`crate::model::totals::ByNature::parts`]'
/// order.
const NATURE_HEADINGS: [&str; 6] = [
    "本年支出合计",
    "基本支出",
    "项目支出",
    "上缴上级支出",
    "经营支出",
    "对附属单位补助支出",
];

/// The rows of a 分单位 table: 合计 (the accounts' `parts` and their sum), then each unit's. A
/// department's members come from [`crate::model::Member::figures`] (`of_member`), with the
/// 汇总调整 the transfers inside the department took out when there were any; a department
/// consolidated before members' figures were kept prints the 合计 alone and is reported.
fn by_unit<const N: usize>(
    f: &Figures<'_>,
    mut t: Table,
    parts: [Wan; N],
    of_member: fn(&crate::model::MemberFigures) -> [Wan; N],
    what: &str,
) -> Table {
    let row = |name: &str, parts: [Wan; N], strong: bool| -> Vec<Cell> {
        std::iter::once(Cell::text(name))
            .chain(std::iter::once(Cell::amount(parts.iter().copied().sum())))
            .chain(parts.iter().map(|a| Cell::amount(*a)))
            .map(|c| if strong { c.strong() } else { c })
            .collect()
    };
    t.rows.push(row("合计", parts, true));
    let Some(department) = &f.project.department else {
        t.rows.push(row(&f.project.unit.name, parts, false));
        if parts.iter().all(|a| a.is_zero()) {
            t.notes.push(no_data(f, what));
        }
        return t;
    };
    let members: Option<Vec<(&str, [Wan; N])>> = department
        .members
        .iter()
        .map(|m| Some((m.name.as_str(), of_member(m.figures.as_ref()?))))
        .collect();
    let Some(members) = members else {
        let why = format!("部门汇总的{what}按单位分列的数字要在刷新汇总后才有");
        t.notes
            .push(format!("注：{why}，本表暂只列合计，请刷新部门汇总。"));
        t.unfilled = Some(why);
        return t;
    };
    let mut adjustment = parts;
    for (name, amounts) in &members {
        t.rows.push(row(name, *amounts, false));
        for (a, m) in adjustment.iter_mut().zip(amounts) {
            *a = *a - *m;
        }
    }
    if adjustment.iter().any(|a| !a.is_zero()) {
        t.rows.push(row("汇总调整", adjustment, false));
        t.notes
            .push("注：合计为各单位之和减去部门内部的上缴和补助（汇总调整）。".to_owned());
    }
    t
}

/// The columns a functional table shows for a group of lines.
type Columns = fn(&[&FunctionalLine]) -> Vec<Option<Wan>>;

/// A line of a functional table: a 7-digit 项 code and that 项's name.
trait Coded {
    fn code(&self) -> &str;
    fn item_name(&self, f: &Figures<'_>) -> String;
}

impl Coded for FunctionalLine {
    fn code(&self) -> &str {
        &self.code
    }
    fn item_name(&self, f: &Figures<'_>) -> String {
        f.line_names(self).item
    }
}

impl Coded for RevenueLine {
    fn code(&self) -> &str {
        &self.code
    }
    fn item_name(&self, f: &Figures<'_>) -> String {
        f.revenue_line_name(self)
    }
}

/// Rows 合计, then each 类, 款 and 项 in code order with its subtotals.
fn functional_rows<L: Coded>(
    f: &Figures<'_>,
    lines: &[&L],
    columns: fn(&[&L]) -> Vec<Option<Wan>>,
) -> Vec<Vec<Cell>> {
    let mut sorted: Vec<&L> = lines.to_vec();
    sorted.sort_by(|a, b| a.code().cmp(b.code()));
    let row = |code: String, name: String, group: &[&L], strong: bool| {
        let mut cells = vec![Cell::text(code), Cell::text(name)];
        cells.extend(columns(group).into_iter().map(Cell::maybe_amount));
        if strong {
            cells = cells.into_iter().map(Cell::strong).collect();
        }
        cells
    };
    let mut rows = vec![row(String::new(), "合计".into(), &sorted, true)];
    let mut groups: BTreeMap<String, Vec<&L>> = BTreeMap::new();
    for &l in &sorted {
        let code = l.code();
        for len in [3, 5, 7] {
            if let Some(prefix) = code.get(..len.min(code.len())) {
                groups.entry(prefix.to_owned()).or_default().push(l);
            }
        }
    }
    for (code, group) in &groups {
        let name = if group.iter().any(|l| l.code() == code) {
            group[0].item_name(f)
        } else {
            f.code_name(code)
        };
        rows.push(row(code.clone(), name, group, code.len() < 7));
    }
    rows
}

fn sum(lines: &[&FunctionalLine], pick: fn(&FunctionalLine) -> Wan) -> Wan {
    lines.iter().map(|l| pick(l)).sum()
}

/// 支出合计, 基本支出, 项目支出: the columns of the fund tables.
const TOTAL_BASIC_PROJECT: Columns = |g| {
    vec![
        Some(sum(g, FunctionalLine::total)),
        Some(sum(g, |l| l.basic.unwrap_or_default())),
        Some(sum(g, |l| l.project.unwrap_or_default())),
    ]
};

/// 表3 支出决算表: all funds, by function and nature.
fn expenditure_table(f: &Figures<'_>) -> Table {
    let lines: Vec<&FunctionalLine> = f.project.expenditure.lines.iter().collect();
    let mut header = vec![Cell::head("科目编码"), Cell::head("科目名称")];
    header.extend(NATURE_HEADINGS.map(Cell::head));
    let header = vec![header];
    let columns: Columns = |g| {
        vec![
            Some(sum(g, FunctionalLine::total)),
            Some(sum(g, |l| l.basic.unwrap_or_default())),
            Some(sum(g, |l| l.project.unwrap_or_default())),
            Some(sum(g, |l| l.remitted.unwrap_or_default())),
            Some(sum(g, |l| l.business.unwrap_or_default())),
            Some(sum(g, |l| l.subsidies.unwrap_or_default())),
        ]
    };
    let mut t = table(
        "表3 支出决算表",
        vec![2, 5, 2, 2, 2, 2, 2, 2],
        header,
        functional_rows(f, &lines, columns),
    );
    if lines.is_empty() {
        t.notes.push(no_data(f, "支出"));
    }
    t
}

/// 表4 财政拨款收入支出决算总表, in the form's columns: 收入 (项目, 决算数) beside 支出 by 类 with
/// its 合计 and each fund's column (一般公共预算, 政府性基金, 国有资本经营); 年初 balances by fund
/// on the left, the 年末 balances on the right in the fund columns.
fn appropriation_summary_table(f: &Figures<'_>) -> Table {
    type Right = (String, [Option<Wan>; 4], bool);
    let t = &f.totals;
    let p = f.project;
    let b = &p.balances;
    let funds = Fund::APPROPRIATIONS;
    let by_fund = |pick: &dyn Fn(Fund) -> Wan| -> [Option<Wan>; 4] {
        let parts = funds.map(pick);
        [
            Some(parts.iter().copied().sum()),
            Some(parts[0]),
            Some(parts[1]),
            Some(parts[2]),
        ]
    };
    let mut left: Vec<(String, Option<Wan>, bool)> = vec![
        (
            "一、一般公共预算财政拨款".to_owned(),
            Some(p.revenue.general_budget.unwrap_or_default()),
            false,
        ),
        (
            "二、政府性基金预算财政拨款".to_owned(),
            Some(p.revenue.government_fund.unwrap_or_default()),
            false,
        ),
        (
            "三、国有资本经营预算财政拨款".to_owned(),
            Some(p.revenue.state_capital.unwrap_or_default()),
            false,
        ),
    ];
    let opening: Wan = funds.iter().map(|&fund| b.of(fund).opening).sum();
    let mut left_tail = vec![
        (
            "本年收入合计".to_owned(),
            Some(t.appropriation_revenue),
            true,
        ),
        ("年初财政拨款结转和结余".to_owned(), Some(opening), false),
    ];
    for fund in funds {
        left_tail.push((
            format!("　　{}", fund.label()),
            Some(b.of(fund).opening),
            false,
        ));
    }
    left_tail.push(("总计".to_owned(), Some(t.appropriation_total_revenue), true));

    let lines: Vec<&FunctionalLine> = p
        .expenditure
        .lines
        .iter()
        .filter(|l| l.fund.is_appropriation())
        .collect();
    let mut classes: BTreeMap<&str, [Wan; 3]> = BTreeMap::new();
    for l in &lines {
        let amounts = classes
            .entry(l.class_code().unwrap_or(&l.code))
            .or_default();
        if let Some(i) = funds.iter().position(|&fund| fund == l.fund) {
            amounts[i] += l.total();
        }
    }
    let mut right: Vec<Right> = classes
        .into_iter()
        .map(|(code, a)| {
            (
                f.class_name(code),
                [
                    Some(a.iter().copied().sum()),
                    Some(a[0]),
                    Some(a[1]),
                    Some(a[2]),
                ],
                false,
            )
        })
        .collect();
    let blank = || (String::new(), [None; 4], false);
    let right_tail: Vec<Right> = vec![
        (
            "本年支出合计".to_owned(),
            by_fund(&|fund| t.fund_expenditure(fund)),
            true,
        ),
        (
            "年末财政拨款结转和结余".to_owned(),
            by_fund(&|fund| b.of(fund).closing.unwrap_or_default()),
            false,
        ),
        blank(),
        blank(),
        blank(),
        (
            "总计".to_owned(),
            [Some(t.appropriation_total_expenditure), None, None, None],
            true,
        ),
    ];
    while right.len() < left.len() {
        right.push(blank());
    }
    while left.len() < right.len() {
        left.push((String::new(), None, false));
    }
    left.extend(left_tail);
    right.extend(right_tail);
    let rows = left
        .into_iter()
        .zip(right)
        .map(
            |((label, amount, strong_left), (name, amounts, strong_right))| {
                let mark = |c: Cell, strong: bool| if strong { c.strong() } else { c };
                let mut row = vec![
                    mark(Cell::text(label), strong_left),
                    mark(Cell::maybe_amount(amount), strong_left),
                    mark(Cell::text(name), strong_right),
                ];
                row.extend(
                    amounts
                        .into_iter()
                        .map(|a| mark(Cell::maybe_amount(a), strong_right)),
                );
                row
            },
        )
        .collect();
    let header = vec![
        vec![Cell::head("收入").cols(2), Cell::head("支出").cols(5)],
        vec![
            Cell::head("项目"),
            Cell::head("决算数"),
            Cell::head("项目"),
            Cell::head("合计"),
            Cell::head("一般公共预算财政拨款"),
            Cell::head("政府性基金预算财政拨款"),
            Cell::head("国有资本经营预算财政拨款"),
        ],
    ];
    let mut t = table(
        "表4 财政拨款收入支出决算总表",
        vec![5, 2, 5, 2, 2, 2, 2],
        header,
        rows,
    );
    // The fund columns need a landscape page.
    t.wide = true;
    t
}

fn fund_lines<'a>(f: &Figures<'a>, fund: Fund) -> Vec<&'a FunctionalLine> {
    f.project
        .expenditure
        .lines
        .iter()
        .filter(|l| l.fund == fund)
        .collect()
}

/// 表5 一般公共预算财政拨款支出决算表: 本年支出 by function and nature, as the form has it
/// (the budget is compared in the text, not in this table).
fn general_budget_table(f: &Figures<'_>) -> Table {
    let lines = fund_lines(f, Fund::GeneralBudget);
    let header = vec![
        vec![
            Cell::head("科目编码").rows(2),
            Cell::head("科目名称").rows(2),
            Cell::head("本年支出").cols(3),
        ],
        vec![
            Cell::head("小计"),
            Cell::head("基本支出"),
            Cell::head("项目支出"),
        ],
    ];
    let mut t = table(
        "表5 一般公共预算财政拨款支出决算表",
        vec![2, 5, 2, 2, 2],
        header,
        functional_rows(f, &lines, TOTAL_BASIC_PROJECT),
    );
    if lines.is_empty() {
        t.notes.push(no_data(f, "一般公共预算财政拨款支出"));
    }
    t
}

/// 表6 一般公共预算财政拨款基本支出决算表, in the official two-block form: 人员经费 (301, 303)
/// on the left and 公用经费 (302, 310 …) on the right, each by 经济分类 类 (its amount the sum of
/// its 款) and 款, with each group's total in the last row.
fn basic_table(f: &Figures<'_>) -> Table {
    let b = &f.project.basic_costs;
    let left = economic_rows(f, &b.personnel);
    let right = economic_rows(f, &b.public);
    let blank = || vec![Cell::empty(), Cell::empty(), Cell::empty()];
    let mut rows: Vec<Vec<Cell>> = (0..left.len().max(right.len()))
        .map(|i| {
            let mut row = left.get(i).cloned().unwrap_or_else(blank);
            row.extend(right.get(i).cloned().unwrap_or_else(blank));
            row
        })
        .collect();
    rows.push(vec![
        Cell::text("人员经费合计").strong().cols(2),
        Cell::amount(f.totals.personnel_costs).strong(),
        Cell::text("公用经费合计").strong().cols(2),
        Cell::amount(f.totals.public_costs).strong(),
    ]);
    let mut t = table(
        "表6 一般公共预算财政拨款基本支出决算表",
        vec![2, 5, 2, 2, 5, 2],
        basic_header(),
        rows,
    );
    if f.totals.general_budget_basic.is_zero() {
        t.notes.push(no_data(f, "一般公共预算财政拨款基本支出"));
        return t;
    }
    // Only a group's total was entered: say so under the table, rather than pass the stub off
    // as the official form.
    let totals_only: Vec<CostGroup> = CostGroup::ALL
        .iter()
        .copied()
        .filter(|g| matches!(g.of(b), CostEntry::Total { amount: Some(a), .. } if !a.is_zero()))
        .collect();
    if !totals_only.is_empty() {
        let names: Vec<&str> = totals_only.iter().map(|g| g.label()).collect();
        let why = format!(
            "{}只录入了合计，未按经济分类款级科目录入明细",
            names.join("和")
        );
        t.notes.push(format!("注：{why}。"));
        let fields = totals_only
            .iter()
            .map(|g| FieldPath::cost_total(*g, CostTotalField::Amount))
            .collect();
        t.detail_missing = Some((why, fields));
    }
    t
}

/// The header of a 基本支出决算表: 人员经费 and 公用经费 side by side, each by 经济分类.
fn basic_header() -> Vec<Vec<Cell>> {
    let block = |label: &str| vec![Cell::head(label).cols(3)];
    let mut first = block("人员经费");
    first.extend(block("公用经费"));
    let names = || {
        vec![
            Cell::head("科目编码"),
            Cell::head("科目名称"),
            Cell::head("决算数"),
        ]
    };
    let mut second = names();
    second.extend(names());
    vec![first, second]
}

/// 政府性基金预算财政拨款基本支出决算表 (北京): the form of 表6 for 政府性基金. Units rarely
/// have such spending; the model holds its amount by function (the lines' 基本支出) but not by
/// 经济分类, so a unit that has some gets the table with its total and marked unfilled.
fn government_fund_basic_table(f: &Figures<'_>) -> Table {
    let spent = sum(&fund_lines(f, Fund::GovernmentFund), |l| {
        l.basic.unwrap_or_default()
    });
    let mut t = table(
        "政府性基金预算财政拨款基本支出决算表",
        vec![2, 5, 2, 2, 5, 2],
        basic_header(),
        Vec::new(),
    );
    if spent.is_zero() {
        t.rows.push(vec![
            Cell::text("人员经费合计").strong().cols(2),
            Cell::amount(Wan::ZERO).strong(),
            Cell::text("公用经费合计").strong().cols(2),
            Cell::amount(Wan::ZERO).strong(),
        ]);
        t.notes
            .push(no_data(f, "使用政府性基金预算财政拨款安排的基本支出"));
    } else {
        let why = format!(
            "政府性基金预算财政拨款基本支出{}万元，其经济分类明细本程序暂不能录入",
            spent.text()
        );
        t.notes.push(format!(
            "注：{why}，本表暂未填列，请据财政决算软件导出的报表补填。"
        ));
        t.unfilled = Some(why);
    }
    t
}

/// One group of 表6 by 经济分类: each 类 (a 3-digit code, with the sum of its 款) before its 款,
/// in code order; nothing when only the group's total was entered.
fn economic_rows(f: &Figures<'_>, entry: &CostEntry) -> Vec<Vec<Cell>> {
    let CostEntry::Items(items) = entry else {
        return Vec::new();
    };
    let mut by_class: std::collections::BTreeMap<&str, Vec<&crate::model::EconomicItem>> =
        std::collections::BTreeMap::new();
    for item in items {
        by_class
            .entry(item.code.get(..3).unwrap_or(&item.code))
            .or_default()
            .push(item);
    }
    let mut rows = Vec::new();
    for (class, mut items) in by_class {
        items.sort_by(|a, b| a.code.cmp(&b.code));
        let name = f
            .catalog
            .and_then(|c| c.economic(class))
            .map_or_else(String::new, |e| e.name.clone());
        let total = items
            .iter()
            .fold(Wan::default(), |sum, i| sum + i.amount.unwrap_or_default());
        rows.push(vec![
            Cell::text(class.to_owned()).strong(),
            Cell::text(name).strong(),
            Cell::amount(total).strong(),
        ]);
        for item in items {
            rows.push(vec![
                Cell::text(item.code.clone()),
                Cell::text(format!("　{}", item.name)),
                Cell::amount(item.amount.unwrap_or_default()),
            ]);
        }
    }
    rows
}

/// 表7 一般公共预算财政拨款"三公"经费支出决算表: budget and actual side by side.
fn three_public_table(f: &Figures<'_>) -> Table {
    let tp = &f.project.three_public;
    let t = &f.totals.three_public;
    let block = || {
        vec![
            Cell::head("合计").rows(2),
            Cell::head("因公出国（境）费").rows(2),
            Cell::head("公务用车购置及运行费").cols(3),
            Cell::head("公务接待费").rows(2),
        ]
    };
    let mut first = block();
    first.extend(block());
    let sub = || {
        vec![
            Cell::head("小计"),
            Cell::head("公务用车购置费"),
            Cell::head("公务用车运行费"),
        ]
    };
    let mut second = sub();
    second.extend(sub());
    let header = vec![
        vec![Cell::head("预算数").cols(6), Cell::head("决算数").cols(6)],
        first,
        second,
    ];
    let row = vec![
        Cell::amount(t.budget),
        Cell::amount(tp.overseas.budget.unwrap_or_default()),
        Cell::amount(t.vehicles_budget),
        Cell::amount(tp.vehicles.purchase_budget.unwrap_or_default()),
        Cell::amount(tp.vehicles.operation_budget.unwrap_or_default()),
        Cell::amount(tp.reception.budget.unwrap_or_default()),
        Cell::amount(t.actual),
        Cell::amount(tp.overseas.actual.unwrap_or_default()),
        Cell::amount(t.vehicles_actual),
        Cell::amount(t.purchase_actual),
        Cell::amount(tp.vehicles.operation_actual.unwrap_or_default()),
        Cell::amount(t.reception_actual),
    ];
    let mut table = table(
        "表7 一般公共预算财政拨款“三公”经费支出决算表",
        vec![2; 12],
        header,
        vec![row],
    );
    if t.actual.is_zero() && t.budget.is_zero() {
        table.notes.push(no_data(f, "“三公”经费支出"));
    }
    table
}

/// 本年收入 of one of the three 财政拨款 funds.
fn fund_revenue(f: &Figures<'_>, fund: Fund) -> Wan {
    let r = &f.project.revenue;
    match fund {
        Fund::GeneralBudget => r.general_budget.unwrap_or_default(),
        Fund::GovernmentFund => r.government_fund.unwrap_or_default(),
        Fund::StateCapital => r.state_capital.unwrap_or_default(),
        Fund::NonAppropriation => Wan::ZERO,
    }
}

/// 年初结转和结余, 本年收入 and 年末结转和结余 of a fund, as the note under its table; `None` when
/// the fund had none of them and no expenditure.
fn fund_balance_note(f: &Figures<'_>, fund: Fund) -> Option<String> {
    let balance = f.project.balances.of(fund);
    let revenue = fund_revenue(f, fund);
    let spent = f.totals.fund_expenditure(fund);
    let closing = balance.closing.unwrap_or_default();
    if [balance.opening, revenue, closing, spent]
        .iter()
        .all(|a| a.is_zero())
    {
        return None;
    }
    Some(format!(
        "年初结转和结余{}万元，本年收入{}万元，年末结转和结余{}万元。",
        balance.opening.text(),
        revenue.text(),
        closing.text()
    ))
}

/// 一般公共预算 (云南 表5, 北京 表5), 政府性基金 (表8) or 国有资本经营预算 (四川 2024 表11)
/// 财政拨款收入支出决算表, in the form's columns: 年初结转和结余, 本年收入, 本年支出 (小计,
/// 基本支出, 项目支出), 年末结转和结余. The balances and revenue are entered for the fund as a
/// whole, so the 合计 row has them and the lines only their expenditure; a note says so when
/// there are lines.
fn fund_revenue_expenditure_table(f: &Figures<'_>, fund: Fund) -> Table {
    let lines = fund_lines(f, fund);
    let header = vec![
        vec![
            Cell::head("科目编码").rows(2),
            Cell::head("科目名称").rows(2),
            Cell::head("年初结转和结余").rows(2),
            Cell::head("本年收入").rows(2),
            Cell::head("本年支出").cols(3),
            Cell::head("年末结转和结余").rows(2),
        ],
        vec![
            Cell::head("小计"),
            Cell::head("基本支出"),
            Cell::head("项目支出"),
        ],
    ];
    let title = match fund {
        Fund::GeneralBudget => "一般公共预算财政拨款收入支出决算表",
        Fund::GovernmentFund => "表8 政府性基金预算财政拨款收入支出决算表",
        _ => "国有资本经营预算财政拨款收入支出决算表",
    };
    let columns: Columns = |g| {
        vec![
            None,
            None,
            Some(sum(g, FunctionalLine::total)),
            Some(sum(g, |l| l.basic.unwrap_or_default())),
            Some(sum(g, |l| l.project.unwrap_or_default())),
            None,
        ]
    };
    let mut rows = functional_rows(f, &lines, columns);
    let balance = f.project.balances.of(fund);
    if let Some(total) = rows.first_mut() {
        total[2] = Cell::amount(balance.opening).strong();
        total[3] = Cell::amount(fund_revenue(f, fund)).strong();
        total[7] = Cell::amount(balance.closing.unwrap_or_default()).strong();
    }
    let mut t = table(title, vec![2, 5, 2, 2, 2, 2, 2, 2], header, rows);
    match fund_balance_note(f, fund) {
        Some(_) if !lines.is_empty() => t.notes.push(format!(
            "注：{}的年初结转和结余、本年收入和年末结转和结余按资金合计录入，只列在合计行。",
            fund.label()
        )),
        Some(_) => {}
        None => t.notes.push(no_data(
            f,
            &format!("{}收入，也没有使用{}安排的支出", fund.label(), fund.label()),
        )),
    }
    t
}

/// 财政拨款支出决算明细表 (四川 表5): the three 财政拨款 funds' expenditure by function, side
/// by side.
fn appropriation_detail_table(f: &Figures<'_>) -> Table {
    let lines: Vec<&FunctionalLine> = f
        .project
        .expenditure
        .lines
        .iter()
        .filter(|l| l.fund.is_appropriation())
        .collect();
    let header = vec![
        vec![
            Cell::head("科目编码").rows(2),
            Cell::head("科目名称").rows(2),
            Cell::head("合计").rows(2),
            Cell::head("一般公共预算财政拨款").cols(3),
            Cell::head("政府性基金预算财政拨款").rows(2),
            Cell::head("国有资本经营预算财政拨款").rows(2),
        ],
        vec![
            Cell::head("小计"),
            Cell::head("基本支出"),
            Cell::head("项目支出"),
        ],
    ];
    let columns: Columns = |g| {
        let of = |fund: Fund, pick: fn(&FunctionalLine) -> Wan| {
            g.iter()
                .filter(|l| l.fund == fund)
                .map(|l| pick(l))
                .sum::<Wan>()
        };
        vec![
            Some(sum(g, FunctionalLine::total)),
            Some(of(Fund::GeneralBudget, FunctionalLine::total)),
            Some(of(Fund::GeneralBudget, |l| l.basic.unwrap_or_default())),
            Some(of(Fund::GeneralBudget, |l| l.project.unwrap_or_default())),
            Some(of(Fund::GovernmentFund, FunctionalLine::total)),
            Some(of(Fund::StateCapital, FunctionalLine::total)),
        ]
    };
    let mut t = table(
        "财政拨款支出决算明细表",
        vec![2, 5, 2, 2, 2, 2, 2, 2],
        header,
        functional_rows(f, &lines, columns),
    );
    if lines.is_empty() {
        t.notes.push(no_data(f, "财政拨款支出"));
    }
    t
}

/// 一般公共预算财政拨款支出决算明细表 (四川 表7): the whole 一般公共预算 expenditure by 经济分类
/// 类 (the sum of its 款) and 款, 基本支出 from 人员经费's and 公用经费's items and 项目支出 from
/// its own. A side not entered by item (基本支出 as totals only, 项目支出 not broken down) cannot
/// be printed truthfully: the table then has its headers and a note, and is marked unfilled.
fn general_budget_economic_table(f: &Figures<'_>) -> Table {
    let header = vec![vec![
        Cell::head("科目编码"),
        Cell::head("科目名称"),
        Cell::head("合计"),
        Cell::head("基本支出"),
        Cell::head("项目支出"),
    ]];
    let mut t = table(
        "一般公共预算财政拨款支出决算明细表",
        vec![2, 5, 2, 2, 2],
        header,
        Vec::new(),
    );
    if f.totals.general_budget_expenditure.is_zero() {
        t.notes.push(no_data(f, "一般公共预算财政拨款支出"));
        return t;
    }
    let mut missing = Vec::new();
    let mut basic: Vec<&crate::model::EconomicItem> = Vec::new();
    for group in CostGroup::ALL {
        match group.of(&f.project.basic_costs) {
            CostEntry::Items(items) => basic.extend(items),
            CostEntry::Total { amount, .. } if amount.unwrap_or_default().is_zero() => {}
            CostEntry::Total { .. } => missing.push(format!(
                "{}只录入了合计，未按经济分类款级科目录入明细",
                group.label()
            )),
        }
    }
    let project = &f.project.expenditure.project_economic;
    let broken_down = f.project.expenditure.project_economic_total().is_some();
    if !broken_down && !f.totals.general_budget_project.is_zero() {
        missing.push("项目支出尚未按经济分类录入（在“人员/公用经费”页录入）".to_owned());
    }
    if !missing.is_empty() {
        let why = missing.join("；");
        t.notes.push(format!(
            "注：本表按支出经济分类列示一般公共预算财政拨款支出，{why}，本表暂未填列。"
        ));
        t.unfilled = Some(why);
        return t;
    }
    // 款 code → its name and amounts, in code order; then each 类 of them.
    let mut sections: BTreeMap<&str, EconomicRow<'_>> = BTreeMap::new();
    for (items, is_basic) in [(basic, true), (project.iter().collect(), false)] {
        for item in items {
            let row = sections
                .entry(item.code.as_str())
                .or_insert_with(|| EconomicRow::named(&item.name));
            let side = if is_basic {
                &mut row.basic
            } else {
                &mut row.project
            };
            *side += item.amount.unwrap_or_default();
        }
    }
    t.rows.extend(class_rows(f, &sections, |code, row, strong| {
        row.cells(code, strong)
    }));
    t
}

/// One row of 一般公共预算财政拨款支出决算明细表: a 经济分类 类 or 款 and its 基本支出 and
/// 项目支出 (合计 is their sum).
struct EconomicRow<'a> {
    name: &'a str,
    basic: Wan,
    project: Wan,
}

impl<'a> EconomicRow<'a> {
    fn named(name: &'a str) -> EconomicRow<'a> {
        EconomicRow {
            name,
            basic: Wan::ZERO,
            project: Wan::ZERO,
        }
    }

    fn sum<'b>(name: &'a str, rows: impl Iterator<Item = &'b EconomicRow<'b>>) -> EconomicRow<'a> {
        rows.fold(EconomicRow::named(name), |mut sum, r| {
            sum.basic += r.basic;
            sum.project += r.project;
            sum
        })
    }

    /// The row's cells in the 明细表: 合计, 基本支出, 项目支出.
    fn cells(&self, code: String, strong: bool) -> Vec<Cell> {
        self.labelled(
            code,
            strong,
            [self.basic + self.project, self.basic, self.project],
        )
    }

    /// Its code and name, then `amounts`: a 类 or the 合计 in bold, a 款 indented under its 类.
    fn labelled<const N: usize>(&self, code: String, strong: bool, amounts: [Wan; N]) -> Vec<Cell> {
        let name = if strong || code.is_empty() {
            self.name.to_owned()
        } else {
            format!("　{}", self.name)
        };
        let cells = [Cell::text(code), Cell::text(name)]
            .into_iter()
            .chain(amounts.map(Cell::amount));
        if strong {
            cells.map(Cell::strong).collect()
        } else {
            cells.collect()
        }
    }
}

/// 一般公共预算财政拨款项目支出决算明细表 (内蒙古 表7): 项目支出 by 经济分类 类 (the sum of its
/// 款) and 款. Not broken down while there is 项目支出, it is printed with its headers and a
/// note, and marked unfilled.
fn project_economic_table(f: &Figures<'_>) -> Table {
    let header = vec![vec![
        Cell::head("科目编码"),
        Cell::head("科目名称"),
        Cell::head("决算数"),
    ]];
    let mut t = table(
        "一般公共预算财政拨款项目支出决算明细表",
        vec![2, 6, 3],
        header,
        Vec::new(),
    );
    let items = &f.project.expenditure.project_economic;
    if f.totals.general_budget_project.is_zero() && items.is_empty() {
        t.notes
            .push(no_data(f, "使用一般公共预算财政拨款安排的项目支出"));
        return t;
    }
    if f.project.expenditure.project_economic_total().is_none() {
        let why = "项目支出尚未按经济分类录入（在“人员/公用经费”页录入）";
        t.notes.push(format!("注：{why}，本表暂未填列。"));
        t.unfilled = Some(why.to_owned());
        return t;
    }
    let mut sections: BTreeMap<&str, EconomicRow<'_>> = BTreeMap::new();
    for item in items {
        sections
            .entry(item.code.as_str())
            .or_insert_with(|| EconomicRow::named(&item.name))
            .project += item.amount.unwrap_or_default();
    }
    t.rows.extend(class_rows(f, &sections, |code, row, strong| {
        row.labelled(code, strong, [row.project])
    }));
    t
}

/// The 款 rows of an economic table grouped under their 类 (the code's first three digits).
/// The rows of a table by 经济分类: 合计, then each 类 (the sum of its 款, named from the
/// catalog) before its 款, in code order; `cells` makes a row's cells from its code, its figures
/// and whether it is a total.
fn class_rows<'a>(
    f: &Figures<'_>,
    sections: &BTreeMap<&'a str, EconomicRow<'a>>,
    cells: impl Fn(String, &EconomicRow<'_>, bool) -> Vec<Cell>,
) -> Vec<Vec<Cell>> {
    let mut out = vec![cells(
        String::new(),
        &EconomicRow::sum("合计", sections.values()),
        true,
    )];
    for (class, rows) in by_class_code(sections) {
        let name = f
            .catalog
            .and_then(|c| c.economic(class))
            .map_or("", |e| e.name.as_str());
        let total = EconomicRow::sum(name, rows.iter().map(|(_, r)| *r));
        out.push(cells(class.to_owned(), &total, true));
        for (code, row) in rows {
            out.push(cells((*code).to_owned(), row, false));
        }
    }
    out
}

fn by_class_code<'m, 'a>(
    sections: &'m BTreeMap<&'a str, EconomicRow<'a>>,
) -> BTreeMap<&'a str, Vec<(&'a str, &'m EconomicRow<'a>)>> {
    let mut classes: BTreeMap<&str, Vec<(&str, &EconomicRow<'_>)>> = BTreeMap::new();
    for (code, row) in sections {
        classes
            .entry(code.get(..3).unwrap_or(code))
            .or_default()
            .push((code, row));
    }
    classes
}

/// 机构运行经费支出、国有资产占用情况及政府采购支出信息表 (内蒙古 表11): 机关运行经费, the vehicles by
/// use and the large equipment, and 政府采购 by kind and to SMEs, each with its unit of count.
fn operations_assets_procurement_table(f: &Figures<'_>) -> Table {
    let header = vec![vec![
        Cell::head("项目"),
        Cell::head("计量单位"),
        Cell::head("决算数"),
    ]];
    let p = f.project;
    let v = &p.assets.vehicles;
    let pr = &p.procurement;
    let money = |label: &str, amount: Option<Wan>| {
        vec![
            Cell::text(label),
            Cell::centered("万元"),
            Cell::maybe_amount(amount),
        ]
    };
    let count = |label: &str, unit: &str, n: Option<u64>| {
        vec![
            Cell::text(label),
            Cell::centered(unit),
            Cell::maybe_count(n),
        ]
    };
    let strong = |cells: Vec<Cell>| cells.into_iter().map(Cell::strong).collect::<Vec<_>>();
    let mut rows = vec![strong(money(
        "一、机构运行经费支出",
        p.running_costs.amount,
    ))];
    rows.push(strong(vec![
        Cell::text("二、国有资产占用情况"),
        Cell::empty(),
        Cell::empty(),
    ]));
    rows.push(count("车辆合计", "辆", v.total()));
    for (label, n) in [
        ("其中：主要领导干部用车", v.leadership),
        ("　　　机要通信用车", v.confidential),
        ("　　　应急保障用车", v.emergency),
        ("　　　执法执勤用车", v.law_enforcement),
        ("　　　特种专业技术用车", v.special_technical),
        ("　　　离退休干部服务用车", v.retired_service),
        ("　　　其他用车", v.other),
    ] {
        rows.push(count(label, "辆", n.map(u64::from)));
    }
    rows.push(count(
        "单价50万元以上通用设备",
        "台（套）",
        p.assets.general_equipment_over_50.map(u64::from),
    ));
    rows.push(count(
        "单价100万元以上专用设备",
        "台（套）",
        p.assets.special_equipment_over_100.map(u64::from),
    ));
    rows.push(strong(money(
        "三、政府采购支出",
        Some(f.totals.procurement),
    )));
    for (label, amount) in [
        ("其中：货物", pr.goods),
        ("　　　工程", pr.works),
        ("　　　服务", pr.services),
        ("授予中小企业合同金额", pr.to_sme),
        ("其中：授予小微企业合同金额", pr.to_small_micro),
    ] {
        rows.push(money(label, amount));
    }
    let mut t = table(
        "机构运行经费支出、国有资产占用情况及政府采购支出信息表",
        vec![6, 2, 3],
        header,
        rows,
    );
    // Counts of vehicles and equipment beside the amounts: the unit line names the money's.
    t.unit_label = "金额单位：万元".to_owned();
    t
}

/// 一般公共预算财政拨款项目支出决算表 (四川 表9, 云南 表7): the 项目支出 of the 一般公共预算
/// lines by function.
fn general_budget_project_table(f: &Figures<'_>) -> Table {
    let lines: Vec<&FunctionalLine> = fund_lines(f, Fund::GeneralBudget)
        .into_iter()
        .filter(|l| !l.project.unwrap_or_default().is_zero())
        .collect();
    let header = vec![vec![
        Cell::head("科目编码"),
        Cell::head("科目名称"),
        Cell::head("项目支出"),
    ]];
    let columns: Columns = |g| vec![Some(sum(g, |l| l.project.unwrap_or_default()))];
    let mut t = table(
        "一般公共预算财政拨款项目支出决算表",
        vec![2, 6, 3],
        header,
        functional_rows(f, &lines, columns),
    );
    if lines.is_empty() {
        t.notes
            .push(no_data(f, "使用一般公共预算财政拨款安排的项目支出"));
    }
    t
}

/// 财政拨款“三公”经费、行政参公单位机关运行经费情况表 (云南 表10): each 三公 item with its
/// budget and actual, then 机关运行经费.
fn three_public_running_table(f: &Figures<'_>) -> Table {
    let mut rows = three_public_rows(f);
    // 机关运行经费 has no budget of its own: its 预算数 is not applicable, not left blank.
    let mut running = budget_actual_row(
        "二、机关运行经费",
        None,
        f.project.running_costs.amount,
        true,
    );
    running[1] = Cell::centered("—").strong();
    rows.push(running);
    budget_actual_table("财政拨款“三公”经费、行政参公单位机关运行经费情况表", rows)
}

/// 一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表 (陕西): each 三公 item, then 会议费 and
/// 培训费, each with its budget and actual. A 会议费 or 培训费 not entered prints blank (and the
/// checklist reports the blank cell).
fn three_public_meetings_table(f: &Figures<'_>) -> Table {
    let mt = &f.project.meetings_training;
    let mut rows = three_public_rows(f);
    for (label, e) in [("二、会议费", &mt.meetings), ("三、培训费", &mt.training)] {
        rows.push(budget_actual_row(label, e.budget, e.actual, true));
    }
    budget_actual_table(
        "一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表",
        rows,
    )
}

/// A table of items by row with 预算数 and 决算数 columns.
fn budget_actual_table(title: &str, rows: Vec<Vec<Cell>>) -> Table {
    let header = vec![vec![
        Cell::head("项目"),
        Cell::head("预算数"),
        Cell::head("决算数"),
    ]];
    table(title, vec![6, 3, 3], header, rows)
}

/// One row of [`budget_actual_table`]; `strong` for a 一、二、 row.
fn budget_actual_row(
    label: &str,
    budget: Option<Wan>,
    actual: Option<Wan>,
    strong: bool,
) -> Vec<Cell> {
    let cells = vec![
        Cell::text(label),
        Cell::maybe_amount(budget),
        Cell::maybe_amount(actual),
    ];
    if strong {
        cells.into_iter().map(Cell::strong).collect()
    } else {
        cells
    }
}

/// The "三公" rows of a [`budget_actual_table`]: the total, then each item (blank parts add as 0).
fn three_public_rows(f: &Figures<'_>) -> Vec<Vec<Cell>> {
    let tp = &f.project.three_public;
    let t = &f.totals.three_public;
    let zero = |a: Option<Wan>| Some(a.unwrap_or_default());
    vec![
        budget_actual_row("一、“三公”经费支出", Some(t.budget), Some(t.actual), true),
        budget_actual_row(
            "（一）因公出国（境）费",
            zero(tp.overseas.budget),
            zero(tp.overseas.actual),
            false,
        ),
        budget_actual_row(
            "（二）公务用车购置及运行维护费",
            Some(t.vehicles_budget),
            Some(t.vehicles_actual),
            false,
        ),
        budget_actual_row(
            "1.公务用车购置费",
            zero(tp.vehicles.purchase_budget),
            Some(t.purchase_actual),
            false,
        ),
        budget_actual_row(
            "2.公务用车运行维护费",
            zero(tp.vehicles.operation_budget),
            zero(tp.vehicles.operation_actual),
            false,
        ),
        budget_actual_row(
            "（三）公务接待费",
            zero(tp.reception.budget),
            Some(t.reception_actual),
            false,
        ),
    ]
}

/// 政府采购情况表 (北京): the procurement totals and what went to small firms.
fn procurement_table(f: &Figures<'_>) -> Table {
    let pr = &f.project.procurement;
    let header = vec![vec![
        Cell::head("项目"),
        Cell::head("合计"),
        Cell::head("货物"),
        Cell::head("工程"),
        Cell::head("服务"),
    ]];
    let rows = vec![
        vec![
            Cell::text("政府采购支出"),
            Cell::amount(f.totals.procurement),
            Cell::amount(pr.goods.unwrap_or_default()),
            Cell::amount(pr.works.unwrap_or_default()),
            Cell::amount(pr.services.unwrap_or_default()),
        ],
        vec![
            Cell::text("其中：授予中小企业合同金额"),
            Cell::amount(pr.to_sme.unwrap_or_default()),
            Cell::empty(),
            Cell::empty(),
            Cell::empty(),
        ],
        vec![
            Cell::text("其中：授予小微企业合同金额"),
            Cell::amount(pr.to_small_micro.unwrap_or_default()),
            Cell::empty(),
            Cell::empty(),
            Cell::empty(),
        ],
    ];
    let mut t = table("政府采购情况表", vec![5, 2, 2, 2, 2], header, rows);
    if f.totals.procurement.is_zero() {
        t.notes.push(no_data(f, "政府采购支出"));
    }
    t
}

/// 政府购买服务决算公开情况表 (北京): this year's and last year's 政府购买服务支出 and what was
/// bought, as juesuan holds them (one amount, not item by item). Not entered, it is printed with
/// its headers and marked unfilled, so the checks name it before anyone signs.
fn purchased_services_table(f: &Figures<'_>) -> Table {
    let ps = &f.project.purchased_services;
    let header = vec![vec![
        Cell::head("项目"),
        Cell::head("本年决算数"),
        Cell::head("上年决算数"),
        Cell::head("主要内容"),
    ]];
    let Some(amount) = ps.amount else {
        let mut t = table(
            "政府购买服务决算公开情况表",
            vec![4, 2, 2, 6],
            header,
            Vec::new(),
        );
        let why = "政府购买服务支出尚未录入（在“政府采购”页录入）";
        t.notes.push(format!("注：{why}，本表暂未填列。"));
        t.unfilled = Some(why.to_owned());
        return t;
    };
    let rows = vec![vec![
        Cell::text("政府购买服务支出"),
        Cell::amount(amount),
        Cell::maybe_amount(ps.prior),
        Cell::text(ps.content.trim().to_owned()),
    ]];
    let mut t = table("政府购买服务决算公开情况表", vec![4, 2, 2, 6], header, rows);
    if amount.is_zero() {
        t.notes.push(no_data(f, "政府购买服务支出"));
    }
    t
}

/// 表9 国有资本经营预算财政拨款支出决算表.
fn state_capital_table(f: &Figures<'_>) -> Table {
    let lines = fund_lines(f, Fund::StateCapital);
    let header = vec![vec![
        Cell::head("科目编码"),
        Cell::head("科目名称"),
        Cell::head("本年支出合计"),
        Cell::head("基本支出"),
        Cell::head("项目支出"),
    ]];
    let mut t = table(
        "表9 国有资本经营预算财政拨款支出决算表",
        vec![2, 5, 2, 2, 2],
        header,
        functional_rows(f, &lines, TOTAL_BASIC_PROJECT),
    );
    if lines.is_empty() {
        t.notes
            .push(no_data(f, "使用国有资本经营预算财政拨款安排的支出"));
    }
    t
}
