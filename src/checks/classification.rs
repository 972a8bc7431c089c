//! The same money by two classifications (JS-2xx): lines and codes, 基本支出 by economic items,
//! 项目支出 by project, and each project's spending by item.

use std::collections::BTreeMap;

use super::{Check, Compared, Context, Need, Report, Rule, Severity, amount};
use crate::model::{
    CostEntry, CostGroup, CostItemField, ExpenditureField, FieldPath, Fund, LineField,
    ProjectField, Root,
};
use crate::money::Wan;

pub(super) const RULES: &[Rule] = &[
    Rule {
        code: "JS-201",
        severity: Severity::Error,
        title: "基本支出不等于人员经费与公用经费之和",
        check: Check::Code(basic_split),
        needs: &[Need::CostSplit],
    },
    Rule {
        code: "JS-202",
        severity: Severity::Warning,
        title: "经济分类科目归错了人员经费或公用经费",
        check: Check::Code(economic_group),
        needs: &[Need::EconomicItems],
    },
    Rule {
        code: "JS-203",
        severity: Severity::Hint,
        title: "经济分类科目编码或名称与科目表不一致",
        check: Check::Code(economic_catalog),
        needs: &[Need::EconomicItems, Need::Catalog],
    },
    Rule {
        code: "JS-204",
        severity: Severity::Warning,
        title: "项目支出与各项目绩效自评表执行数之和不符",
        check: Check::Code(projects_vs_project_expenditure),
        needs: &[Need::Projects],
    },
    Rule {
        code: "JS-205",
        severity: Severity::Warning,
        title: "项目资金分配明细之和与执行数不符",
        check: Check::Code(project_spending),
        needs: &[Need::Projects, Need::ProjectSpending],
    },
    Rule {
        code: "JS-206",
        severity: Severity::Error,
        title: "功能分类科目编码不是 7 位数字",
        check: Check::Code(line_code_format),
        needs: &[Need::Lines],
    },
    Rule {
        code: "JS-207",
        severity: Severity::Warning,
        title: "功能分类科目不在所用的科目表中，且未填写名称",
        check: Check::Code(line_code_unknown_unnamed),
        needs: &[Need::Lines, Need::Catalog],
    },
    Rule {
        code: "JS-208",
        severity: Severity::Hint,
        title: "功能分类科目不在所用的科目表中",
        check: Check::Code(line_code_unknown_named),
        needs: &[Need::Lines, Need::Catalog],
    },
    Rule {
        code: "JS-209",
        severity: Severity::Warning,
        title: "同一资金来源的功能分类科目重复录入",
        check: Check::Code(duplicate_lines),
        needs: &[Need::Lines],
    },
    Rule {
        code: "JS-210",
        severity: Severity::Hint,
        title: "功能分类科目行没有任何金额",
        check: Check::Code(empty_lines),
        needs: &[Need::Lines, Need::LineAmounts],
    },
    Rule {
        code: "JS-211",
        severity: Severity::Error,
        title: "经济分类的类级合计与其款级明细同时录入，重复计算",
        check: Check::Code(class_rows_with_items),
        needs: &[Need::EconomicItems],
    },
    Rule {
        code: "JS-213",
        severity: Severity::Error,
        title: "项目支出按经济分类的明细之和不等于一般公共预算财政拨款项目支出",
        check: Check::Code(project_economic_sum),
        needs: &[Need::ProjectEconomic],
    },
    Rule {
        code: "JS-212",
        severity: Severity::Warning,
        title: "经济分类某一款等于同类其他各款之和，可能把合计填成了明细",
        check: Check::Code(item_equal_to_its_siblings),
        needs: &[Need::EconomicItems],
    },
];

/// JS-201: 一般公共预算财政拨款基本支出 = 人员经费 + 公用经费, when either is entered.
fn basic_split(ctx: &Context<'_>, report: &mut Report<'_>) {
    let t = &ctx.totals;
    let split = t.personnel_costs + t.public_costs;
    if !ctx.agree(t.general_budget_basic, split, 2) {
        report.add(
            format!(
                "一般公共预算财政拨款基本支出 {}，人员经费 {} 加公用经费 {} 共 {}，相差 {}",
                amount(t.general_budget_basic),
                amount(t.personnel_costs),
                amount(t.public_costs),
                amount(split),
                amount((t.general_budget_basic - split).abs())
            ),
            vec![
                FieldPath::cost_group(CostGroup::Personnel),
                FieldPath::cost_group(CostGroup::Public),
                FieldPath::expenditure(ExpenditureField::Lines),
            ],
        );
    }
}

fn cost_groups<'a>(ctx: &Context<'a>) -> [(CostGroup, &'a CostEntry, [&'static str; 2]); 2] {
    let b = &ctx.project.basic_costs;
    [
        (CostGroup::Personnel, &b.personnel, ["301", "303"]),
        (CostGroup::Public, &b.public, ["302", "310"]),
    ]
}

/// JS-202: 人员经费 items are of 301/303, 公用经费 items of 302/310.
fn economic_group(ctx: &Context<'_>, report: &mut Report<'_>) {
    for (group, entry, classes) in cost_groups(ctx) {
        let CostEntry::Items(items) = entry else {
            continue;
        };
        let label = group.label();
        for (i, item) in items.iter().enumerate() {
            if !classes.iter().any(|c| item.code.starts_with(c)) {
                report.add(
                    format!(
                        "{label}中的“{} {}”不属于 {}（{label}只含 {} 类科目）",
                        item.code,
                        item.name,
                        classes.join("、"),
                        classes.join("、")
                    ),
                    vec![FieldPath::cost_item(group, i, CostItemField::Code)],
                );
            }
        }
    }
}

/// JS-203: economic items use codes and names of the year's catalog.
fn economic_catalog(ctx: &Context<'_>, report: &mut Report<'_>) {
    let Some(catalog) = ctx.catalog else {
        return;
    };
    for (group, entry, _) in cost_groups(ctx) {
        let CostEntry::Items(items) = entry else {
            continue;
        };
        for (i, item) in items.iter().enumerate() {
            let field = |f| FieldPath::cost_item(group, i, f);
            match catalog.economic(&item.code) {
                None => report.add(
                    format!(
                        "经济分类科目“{}”不在 {} 年科目表中",
                        item.code,
                        catalog.year()
                    ),
                    vec![field(CostItemField::Code)],
                ),
                Some(e) if e.name != item.name => report.add(
                    format!(
                        "经济分类科目 {} 的名称写作“{}”，标准名称是“{}”",
                        item.code, item.name, e.name
                    ),
                    vec![field(CostItemField::Name)],
                ),
                Some(_) => {}
            }
        }
    }
}

/// JS-213: 一般公共预算财政拨款项目支出 by 经济分类 adds up to the lines' 一般公共预算 项目支出
/// (the figure; the items only break it down for the 明细表).
fn project_economic_sum(ctx: &Context<'_>, report: &mut Report<'_>) {
    let e = &ctx.project.expenditure;
    let (items, sum) = (
        &e.project_economic,
        e.project_economic_total().unwrap_or_default(),
    );
    let project = ctx.totals.general_budget_project;
    if !ctx.agree(project, sum, items.len()) {
        let compared = Compared::new(
            "一般公共预算财政拨款项目支出",
            project,
            &format!("按经济分类录入的 {} 项之和", items.len()),
            sum,
        );
        report.add_compared(
            compared.to_string(),
            compared,
            vec![
                FieldPath::expenditure(ExpenditureField::ProjectEconomic),
                FieldPath::expenditure(ExpenditureField::Lines),
            ],
        );
    }
}

/// JS-204: 项目支出 of the accounts equals Σ 执行数 of the project self-assessments.
fn projects_vs_project_expenditure(ctx: &Context<'_>, report: &mut Report<'_>) {
    let t = &ctx.totals;
    let n = ctx.project.projects.len();
    if !ctx.agree(t.by_nature.project, t.projects_executed, n) {
        let compared = Compared::new(
            "支出决算中的项目支出",
            t.by_nature.project,
            &format!("{n} 个项目绩效自评表的执行数之和"),
            t.projects_executed,
        );
        report.add_compared(
            compared.to_string(),
            compared,
            vec![
                FieldPath::part(Root::Projects),
                FieldPath::expenditure(ExpenditureField::Lines),
            ],
        );
    }
}

/// JS-205: a project's spending breakdown (项目资金分配情况) adds up to its 执行数.
fn project_spending(ctx: &Context<'_>, report: &mut Report<'_>) {
    for (i, p) in ctx.project.projects.iter().enumerate() {
        if p.spending.is_empty() {
            continue;
        }
        let spent: Wan = p.spending.iter().map(|s| s.amount).sum();
        let executed = p.funds_total().executed.unwrap_or_default();
        if !ctx.agree(spent, executed, p.spending.len()) {
            let compared = Compared::new("资金分配明细之和", spent, "预算执行数", executed);
            report.add_compared(
                format!("项目“{}”：{}", p.name, compared),
                compared,
                vec![
                    FieldPath::project(i, ProjectField::Spending),
                    FieldPath::project(i, ProjectField::Funds),
                ],
            );
        }
    }
}

/// A 7-digit 项 code.
pub(super) fn is_item_code(code: &str) -> bool {
    code.len() == 7 && code.chars().all(|c| c.is_ascii_digit())
}

/// JS-206: a line's code is a 7-digit 项 code.
fn line_code_format(ctx: &Context<'_>, report: &mut Report<'_>) {
    for (i, line) in ctx.project.expenditure.lines.iter().enumerate() {
        if !is_item_code(&line.code) {
            report.add(
                format!(
                    "第 {} 行功能分类科目编码“{}”应为 7 位数字（项级科目）",
                    i + 1,
                    line.code
                ),
                vec![FieldPath::expenditure_line(i, LineField::Code)],
            );
        }
    }
}

fn unknown_lines<'a>(
    ctx: &'a Context<'_>,
) -> impl Iterator<Item = (usize, &'a crate::model::FunctionalLine)> {
    let catalog = ctx.catalog;
    ctx.project
        .expenditure
        .lines
        .iter()
        .enumerate()
        .filter(move |(_, l)| {
            is_item_code(&l.code) && catalog.is_some_and(|c| c.class_path(&l.code).is_none())
        })
}

/// The catalog the project uses, as a clerk names it.
fn catalog_name(ctx: &Context<'_>) -> String {
    ctx.catalog
        .map_or_else(|| "科目表".to_owned(), crate::catalog::Catalog::describe)
}

/// JS-207: a code the catalog does not know needs the user's 类/款/项 names for the document.
fn line_code_unknown_unnamed(ctx: &Context<'_>, report: &mut Report<'_>) {
    for (i, line) in unknown_lines(ctx) {
        if line.names.is_none() {
            report.add(
                format!(
                    "科目 {} 不在所用的{}中：请核对编码，填写类、款、项名称，或导入本地财政下发的科目表",
                    line.code,
                    catalog_name(ctx)
                ),
                vec![
                    FieldPath::expenditure_line(i, LineField::Code),
                    FieldPath::expenditure_line(i, LineField::Names),
                ],
            );
        }
    }
}

/// JS-208: a code the catalog does not know, named by the user: worth a second look.
fn line_code_unknown_named(ctx: &Context<'_>, report: &mut Report<'_>) {
    for (i, line) in unknown_lines(ctx) {
        if let Some(names) = &line.names {
            report.add(
                format!(
                    "科目 {} {} 不在所用的{}中（不一定有误），文档将使用所填名称；请核对编码，或导入本地财政下发的科目表",
                    line.code,
                    names.item,
                    catalog_name(ctx)
                ),
                vec![FieldPath::expenditure_line(i, LineField::Code)],
            );
        }
    }
}

/// JS-209: one code of one fund is entered once; twice usually means a line was copied.
fn duplicate_lines(ctx: &Context<'_>, report: &mut Report<'_>) {
    let mut first: BTreeMap<(&str, Fund), usize> = BTreeMap::new();
    for (i, line) in ctx.project.expenditure.lines.iter().enumerate() {
        if let Some(&j) = first.get(&(line.code.as_str(), line.fund)) {
            report.add(
                format!(
                    "第 {} 行与第 {} 行是同一科目 {}（{}），请合并",
                    i + 1,
                    j + 1,
                    line.code,
                    line.fund.label()
                ),
                vec![
                    FieldPath::expenditure_line(i, LineField::Code),
                    FieldPath::expenditure_line(j, LineField::Code),
                ],
            );
        } else {
            first.insert((line.code.as_str(), line.fund), i);
        }
    }
}

/// JS-210: a line with no amount and no budget adds nothing but a row of zeros to the tables.
fn empty_lines(ctx: &Context<'_>, report: &mut Report<'_>) {
    for (i, line) in ctx.project.expenditure.lines.iter().enumerate() {
        if line.total().is_zero() && line.budget.is_none_or(|b| b.is_zero()) {
            let message = match line.prior.filter(|p| !p.is_zero()) {
                Some(prior) => format!(
                    "第 {} 行科目 {} 本年没有金额（上年 {}）；本年确无此项支出时可以删除",
                    i + 1,
                    line.code,
                    amount(prior)
                ),
                None => format!("第 {} 行科目 {} 没有金额，可以删除", i + 1, line.code),
            };
            report.add(
                message,
                vec![FieldPath::expenditure_line(i, LineField::Basic)],
            );
        }
    }
}

/// The economic items of a cost group, with their index in it.
fn items_of(entry: &CostEntry) -> &[crate::model::EconomicItem] {
    match entry {
        CostEntry::Items(items) => items,
        CostEntry::Total { .. } => &[],
    }
}

/// JS-211: a 类 row (302 商品和服务支出) entered beside its 款 rows (30201 …) counts the same
/// money twice, since the group's total is the sum of every row: the 普陀 case of a 302 whose
/// detail adds up to twice its total.
fn class_rows_with_items(ctx: &Context<'_>, report: &mut Report<'_>) {
    for (group, entry, _) in cost_groups(ctx) {
        let items = items_of(entry);
        for (i, class) in items.iter().enumerate() {
            let code = class.code.trim();
            if code.len() != 3 {
                continue;
            }
            let detail: Vec<(usize, &crate::model::EconomicItem)> = items
                .iter()
                .enumerate()
                .filter(|(_, it)| it.code.trim().len() == 5 && it.code.trim().starts_with(code))
                .collect();
            if detail.is_empty() {
                continue;
            }
            let sum: Wan = detail.iter().map(|(_, it)| it.amount).sum();
            let compared = Compared::new(
                &format!("{code} {} 类级合计", class.name),
                class.amount.unwrap_or_default(),
                &format!("其下 {} 个款级科目之和", detail.len()),
                sum,
            );
            let mut fields = vec![FieldPath::cost_item(group, i, CostItemField::Amount)];
            fields.extend(
                detail
                    .iter()
                    .map(|(j, _)| FieldPath::cost_item(group, *j, CostItemField::Amount)),
            );
            report.add_compared(
                format!(
                    "{}中同时录入了类级科目 {code} 和它的款级科目：{compared}。{}合计按各行相加，这样会重复计算；请删去类级这一行，只保留款级明细",
                    group.label(),
                    group.label()
                ),
                compared,
                fields,
            );
        }
    }
}

/// JS-212: a 款 (often 30299 其他商品和服务支出) equal to the sum of the other 款 of its 类 is
/// most likely that 类's total typed as an item.
fn item_equal_to_its_siblings(ctx: &Context<'_>, report: &mut Report<'_>) {
    for (group, entry, _) in cost_groups(ctx) {
        let items = items_of(entry);
        for (i, item) in items.iter().enumerate() {
            let code = item.code.trim();
            if code.len() != 5 || item.amount.unwrap_or_default().is_zero() {
                continue;
            }
            let siblings: Vec<&crate::model::EconomicItem> = items
                .iter()
                .enumerate()
                .filter(|(j, it)| {
                    *j != i && it.code.trim().len() == 5 && it.code.trim()[..3] == code[..3]
                })
                .map(|(_, it)| it)
                .filter(|it| !it.amount.unwrap_or_default().is_zero())
                .collect();
            if siblings.len() < 2 {
                continue;
            }
            let sum: Wan = siblings.iter().map(|it| it.amount).sum();
            if sum == item.amount.unwrap_or_default() {
                let compared = Compared::new(
                    &format!("{code} {}", item.name),
                    item.amount.unwrap_or_default(),
                    &format!("同属 {} 类的其他 {} 个款之和", &code[..3], siblings.len()),
                    sum,
                );
                report.add_compared(
                    format!(
                        "{}中 {code} {} 为 {}，恰好等于同类其他各款之和，可能把 {} 类的合计填成了这一款，请核对",
                        group.label(),
                        item.name,
                        amount(item.amount.unwrap_or_default()),
                        &code[..3]
                    ),
                    compared,
                    vec![FieldPath::cost_item(group, i, CostItemField::Amount)],
                );
            }
        }
    }
}
