//! The figures a template writes with, by their Chinese names: what `juesuan figures` lists and
//! a template author writes `{{ 本年收入合计|wan }}` with. Built once per document from
//! [`Figures`], so every sentence states the numbers the tables and charts show.

use std::collections::BTreeMap;

use minijinja::Value;
use minijinja::value::ValueKind;

use super::NumberStyle;
use super::values::{Amount, Figure, Share, map, optional};
use crate::document::{Figures, Structure};
use crate::model::{CostEntry, CountedExpense, Fund, PriorFigure, UnitKind};
use crate::money::Wan;

/// The template context of `f`.
pub fn build(f: &Figures<'_>) -> Value {
    let style = f.numbers;
    let p = f.project;
    let t = &f.totals;
    let amount = |a: Wan| Amount::value(a, style);
    let py = &p.prior_year;
    let mut ctx: BTreeMap<String, Value> = BTreeMap::new();
    let mut put = |k: &str, v: Value| {
        ctx.insert(k.to_owned(), v);
    };
    put("年度", Value::from(f.year()));
    put("上年度", Value::from(f.prior_year()));
    put("单位", unit(f));
    // 部门 or 单位: whose accounts the document is (部门决算, 单位决算; 本部门, 本单位).
    put("主体", Value::from(p.unit.disclosure.subject()));

    put(
        "收入总计",
        Figure::new(t.total_revenue, py.get(PriorFigure::TotalRevenue), style)
            .with("名称", "收入总计")
            .value(),
    );
    put(
        "支出总计",
        Figure::new(
            t.total_expenditure,
            py.get(PriorFigure::TotalExpenditure),
            style,
        )
        .with("名称", "支出总计")
        .value(),
    );
    put(
        "本年收入合计",
        Figure::new(
            t.revenue_this_year,
            py.get(PriorFigure::RevenueThisYear),
            style,
        )
        .with("名称", "本年收入合计")
        .value(),
    );
    put("收入结构", structure(&f.revenue, style));
    put(
        "本年支出合计",
        Figure::new(
            t.expenditure_this_year,
            py.get(PriorFigure::ExpenditureThisYear),
            style,
        )
        .with("名称", "本年支出合计")
        .value(),
    );
    put("支出结构", structure(&f.expenditure, style));
    put(
        "使用非财政拨款结余",
        amount(
            p.balances
                .use_of_non_appropriation_surplus
                .unwrap_or_default(),
        ),
    );
    put("年初结转和结余", amount(t.opening_balance));
    put(
        "结余分配",
        amount(p.balances.surplus_distribution.unwrap_or_default()),
    );
    put(
        "年末结转和结余",
        // Last year's is last year's closing balances as entered beside this year's opening
        // ones (上年年末结转和结余); none entered, none.
        Figure::new(
            t.closing_balance,
            crate::money::sum_entered(
                crate::model::Fund::ALL
                    .iter()
                    .map(|f| p.balances.of(*f).prior_closing),
            ),
            style,
        )
        .with("名称", "年末结转和结余")
        .value(),
    );
    put("收支变动原因", Value::from(p.revenue.change_reason.clone()));

    put(
        "财政拨款收入总计",
        Figure::new(
            t.appropriation_total_revenue,
            py.get(PriorFigure::AppropriationRevenue),
            style,
        )
        .with("名称", "财政拨款收入总计")
        .value(),
    );
    put(
        "财政拨款支出总计",
        Figure::new(
            t.appropriation_total_expenditure,
            py.get(PriorFigure::AppropriationExpenditure),
            style,
        )
        .with("名称", "财政拨款支出总计")
        .value(),
    );
    put(
        "财政拨款收入",
        Figure::new(
            t.appropriation_revenue,
            py.get(PriorFigure::AppropriationRevenueThisYear),
            style,
        )
        .with("名称", "财政拨款收入")
        .value(),
    );
    put(
        "财政拨款支出",
        Figure::new(
            t.appropriation_expenditure,
            py.get(PriorFigure::AppropriationExpenditureThisYear),
            style,
        )
        .with("名称", "财政拨款支出")
        .value(),
    );
    put(
        "财政拨款变动原因",
        Value::from(p.expenditure.appropriation_change_reason.clone()),
    );

    put("一般公共预算财政拨款支出", general_budget(f, style));
    put("一般公共预算财政拨款支出结构", structure(&f.classes, style));
    put(
        "一般公共预算财政拨款支出明细",
        general_budget_lines(f, style),
    );
    put(
        "一般公共预算变动原因",
        Value::from(p.expenditure.general_budget_change_reason.clone()),
    );
    put("基本支出", basic(f, style));
    put("项目支出经济分类", structure(&f.project_economic, style));
    put("三公", three_public(f, style));
    put(
        "政府性基金预算财政拨款支出",
        fund_expenditure(f, Fund::GovernmentFund, style),
    );
    put(
        "国有资本经营预算财政拨款支出",
        fund_expenditure(f, Fund::StateCapital, style),
    );
    put(
        "机关运行经费",
        Figure::new(
            p.running_costs.amount.unwrap_or_default(),
            p.running_costs.prior,
            style,
        )
        .with("名称", "机关运行经费")
        .with("原因", p.running_costs.change_reason.clone())
        .value(),
    );
    let mt = &p.meetings_training;
    put("会议费", counted_expense(&mt.meetings, "会议费", style));
    put("培训费", counted_expense(&mt.training, "培训费", style));
    put(
        "节庆晚会论坛赛事",
        counted_expense(&mt.festivals, "节庆、晚会、论坛、赛事活动费", style),
    );
    put("政府采购", procurement(f, style));
    let ps = &p.purchased_services;
    put(
        "政府购买服务",
        // `none` until entered, as 会议费: a paragraph stating it waits for it.
        ps.amount.map_or(Value::from(()), |amount| {
            Figure::new(amount, ps.prior, style)
                .with("名称", "政府购买服务支出")
                .with("内容", ps.content.clone())
                .value()
        }),
    );
    put("国有资产", assets(f, style));
    put("绩效", performance(f, style));
    put("项目", projects(f, style));
    put(
        "名词解释",
        Value::from(
            // A term without a definition is left out (the document reports it).
            crate::document::glossary::entries(f)
                .into_iter()
                .filter_map(|(term, definition)| {
                    Some(map([
                        ("名词", Value::from(term)),
                        ("解释", Value::from(definition?)),
                    ]))
                })
                .collect::<Vec<_>>(),
        ),
    );
    Value::from(ctx)
}

/// One name a template can write, with what it prints now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    /// The dotted name (`收入总计.上年`, `项目[0].名称`).
    pub path: String,
    /// What `{{ name }}` prints now (`248.02万元`; `未填写` for a figure not entered).
    pub value: String,
    /// Whether it is an amount or a figure (so `|wan`, `|change` apply).
    pub amount: bool,
    /// Whether it is a printed share or rate (`73.58%`).
    pub share: bool,
    /// What `{{ name|change }}` prints, for a figure with last year's amount.
    pub change: Option<String>,
}

/// Every name of the context `ctx`, depth first in name order, lists with their items
/// (`项目[0].名称`): what `juesuan figures` prints and the wording editor offers.
pub fn names(ctx: &Value) -> Vec<Name> {
    let mut out = Vec::new();
    walk_names(ctx, String::new(), &mut out, 0);
    out
}

fn walk_names(value: &Value, path: String, out: &mut Vec<Name>, depth: usize) {
    use super::values::{Amount, Figure, Share};
    if depth > 8 {
        return;
    }
    let amount = value.downcast_object_ref::<Amount>().is_some();
    let figure = value.downcast_object_ref::<Figure>().is_some();
    let share = value.downcast_object_ref::<Share>().is_some();
    let change = value
        .downcast_object_ref::<Figure>()
        .filter(|f| f.prior.is_some())
        .and_then(|_| super::filters::change(value, None).ok());
    let printed = || match value.kind() {
        _ if value.is_none() => "未填写".to_owned(),
        // A template tests these (`{% if x.超预算 %}`); the clerk reads 是/否, not True/False.
        ValueKind::Bool if value.is_true() => "是".to_owned(),
        ValueKind::Bool => "否".to_owned(),
        _ => value.to_string(),
    };
    if !path.is_empty() && (amount || figure || share) {
        out.push(Name {
            path: path.clone(),
            value: printed(),
            amount: amount || figure,
            share,
            change,
        });
    }
    let child = |key: &str| {
        if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}.{key}")
        }
    };
    match value.kind() {
        ValueKind::Seq => {
            for (i, item) in value.try_iter().into_iter().flatten().enumerate() {
                walk_names(&item, format!("{path}[{i}]"), out, depth + 1);
            }
            if value.len() == Some(0) {
                out.push(Name {
                    path,
                    value: "（空）".to_owned(),
                    amount: false,
                    share: false,
                    change: None,
                });
            }
        }
        ValueKind::Map if !figure => {
            for key in value.try_iter().into_iter().flatten() {
                let k = key.to_string();
                if let Ok(v) = value.get_attr(&k) {
                    walk_names(&v, child(&k), out, depth + 1);
                }
            }
        }
        ValueKind::Map => {
            for key in value.try_iter().into_iter().flatten() {
                let k = key.to_string();
                if k == "值" {
                    continue;
                }
                if let Ok(v) = value.get_attr(&k) {
                    walk_names(&v, child(&k), out, depth + 1);
                }
            }
        }
        _ if amount || figure || share => {}
        _ if !path.is_empty() => out.push(Name {
            path,
            value: printed(),
            amount: false,
            share: false,
            change: None,
        }),
        _ => {}
    }
}

/// A structure's parts as figures with their printed shares, and whether the largest-remainder
/// rounding adjusted them (then the document says so).
fn structure(s: &Structure, style: NumberStyle) -> Value {
    let figure = |part: &crate::document::Share| {
        let share = part.share.map(|r| Share::rounded(r, style));
        Figure::new(part.amount, part.prior, style)
            .with("名称", part.label.clone())
            .with("占比", Share::value(share))
            .value()
    };
    let parts: Vec<Value> = s
        .parts
        .iter()
        .filter(|part| style.zero_lines || !part.amount.rounded().is_zero())
        .map(figure)
        .collect();
    let mut out: BTreeMap<String, Value> = s
        .parts
        .iter()
        .map(|part| (part.label.clone(), figure(part)))
        .collect();
    out.insert("各项".to_owned(), Value::from(parts));
    out.insert("合计".to_owned(), Amount::value(s.whole, style));
    out.insert("调整".to_owned(), Value::from(s.adjusted));
    Value::from(out)
}

fn unit(f: &Figures<'_>) -> Value {
    let u = &f.project.unit;
    let count = |kind| {
        u.subordinate_units
            .iter()
            .filter(|s| s.kind == kind)
            .count()
    };
    let named = |name: &str, kind: &str| {
        map([
            ("名称", Value::from(name.to_owned())),
            ("性质", Value::from(kind.to_owned())),
        ])
    };
    let attached_kinds: Vec<&str> = u.attached_units.iter().map(|a| a.kind.as_str()).collect();
    let common_kind = match attached_kinds.first() {
        Some(first) if attached_kinds.iter().all(|k| k == first) => (*first).to_owned(),
        Some(_) => "单位".to_owned(),
        None => String::new(),
    };
    // The counts entered, added; `none` (not entered) when none is.
    let sum = |field: fn(&crate::model::StaffBody) -> Option<u32>| -> Option<u64> {
        crate::model::sum_counts(u.staffing.iter().map(field))
    };
    let posts = sum(|b| b.posts);
    let staff = sum(|b| b.staff);
    // 编制 by kind (行政编制, 事业编制, 工勤编制 …), as the rows name them, in first-seen order.
    let mut by_kind: Vec<(String, Option<u64>, Option<u64>)> = Vec::new();
    for b in &u.staffing {
        let kind = b.post_kind.trim();
        if kind.is_empty() {
            continue;
        }
        match by_kind.iter_mut().find(|(k, _, _)| k == kind) {
            Some((_, p, s)) => {
                add_count(p, b.posts);
                add_count(s, b.staff);
            }
            None => by_kind.push((
                kind.to_owned(),
                b.posts.map(u64::from),
                b.staff.map(u64::from),
            )),
        }
    }
    // The same by body, for "区委绩效办5人，下设…4人": a body with several kinds of posts is
    // one entry.
    let mut by_body: Vec<(&str, [Option<u64>; 4])> = Vec::new();
    for b in &u.staffing {
        let counts = [b.posts, b.staff, b.retired, b.veteran_retired];
        match by_body.iter_mut().find(|(body, _)| *body == b.body.trim()) {
            Some((_, sum)) => {
                for (s, n) in sum.iter_mut().zip(counts) {
                    add_count(s, n);
                }
            }
            None => by_body.push((b.body.trim(), counts.map(|n| n.map(u64::from)))),
        }
    }
    let bodies: Vec<Value> = by_body
        .iter()
        .map(|(body, [p, s, r, v])| {
            map([
                ("机构", Value::from(*body)),
                ("编制数", Value::from(*p)),
                ("实有", Value::from(*s)),
                ("退休", Value::from(*r)),
                ("离休", Value::from(*v)),
            ])
        })
        .collect();
    let kinds: BTreeMap<String, Value> = by_kind
        .iter()
        .map(|(k, p, _)| (k.clone(), Value::from(*p)))
        .collect();
    let kind_list: Vec<Value> = by_kind
        .iter()
        .map(|(k, p, s)| {
            map([
                ("编制类别", Value::from(k.clone())),
                ("编制数", Value::from(*p)),
                ("实有", Value::from(*s)),
            ])
        })
        .collect();
    map([
        ("全称", Value::from(u.name.clone())),
        ("简称", Value::from(u.short_name.clone())),
        ("名称", Value::from(f.unit_name().to_owned())),
        ("主管部门", Value::from(u.supervising_department.clone())),
        ("性质", Value::from(u.kind.label())),
        ("职责", Value::from(u.duties.clone())),
        ("内设机构", Value::from(u.internal_offices.clone())),
        ("内设机构数", Value::from(u.internal_offices.len())),
        (
            "下设机构",
            Value::from(
                u.attached_units
                    .iter()
                    .map(|a| named(&a.name, &a.kind))
                    .collect::<Vec<_>>(),
            ),
        ),
        ("下设机构性质", Value::from(common_kind)),
        (
            "二级预算单位",
            Value::from(
                u.subordinate_units
                    .iter()
                    .map(|s| named(&s.name, s.kind.label()))
                    .collect::<Vec<_>>(),
            ),
        ),
        (
            "二级预算单位数",
            map([
                ("合计", Value::from(u.subordinate_units.len())),
                ("行政", Value::from(count(UnitKind::Administrative))),
                ("参公", Value::from(count(UnitKind::CivilServiceManaged))),
                ("事业", Value::from(count(UnitKind::PublicService))),
            ]),
        ),
        (
            "人员",
            map([
                ("编制", Value::from(posts)),
                ("实有", Value::from(staff)),
                ("在职", Value::from(staff)),
                ("退休", Value::from(sum(|b| b.retired))),
                ("离休", Value::from(sum(|b| b.veteran_retired))),
                ("编制类别", Value::from(kinds)),
                ("各类编制", Value::from(kind_list)),
                (
                    // 在职人员 by 岗位: only those entered are listed; none, 合计 is none.
                    "岗位",
                    map([
                        (
                            "各项",
                            Value::from(
                                u.staff_by_post
                                    .counts()
                                    .iter()
                                    .filter_map(|(field, n)| {
                                        n.map(|n| {
                                            map([
                                                ("名称", Value::from(field.label())),
                                                ("人数", Value::from(n)),
                                            ])
                                        })
                                    })
                                    .collect::<Vec<_>>(),
                            ),
                        ),
                        ("合计", Value::from(u.staff_by_post.total())),
                    ]),
                ),
                ("按机构", Value::from(bodies)),
                (
                    "各机构",
                    Value::from(
                        u.staffing
                            .iter()
                            .map(|b| {
                                map([
                                    ("机构", Value::from(b.body.clone())),
                                    ("编制类别", Value::from(b.post_kind.clone())),
                                    ("编制数", Value::from(b.posts)),
                                    ("实有", Value::from(b.staff)),
                                    ("退休", Value::from(b.retired)),
                                    ("离休", Value::from(b.veteran_retired)),
                                ])
                            })
                            .collect::<Vec<_>>(),
                    ),
                ),
            ]),
        ),
    ])
}

fn general_budget(f: &Figures<'_>, style: NumberStyle) -> Value {
    let t = &f.totals;
    let any_budget = f
        .project
        .expenditure
        .lines
        .iter()
        .any(|l| l.fund == Fund::GeneralBudget && l.budget.is_some());
    let budget = any_budget.then_some(t.general_budget_budget);
    let lines = || {
        f.project
            .expenditure
            .lines
            .iter()
            .filter(|l| l.fund == Fund::GeneralBudget)
    };
    // Only when every line has one: a part of the budget cannot stand for the whole.
    let initial = lines()
        .any(|l| l.initial_budget.is_some())
        .then(|| lines().try_fold(Wan::ZERO, |sum, l| l.initial_budget.map(|b| sum + b)))
        .flatten();
    Figure::new(
        t.general_budget_expenditure,
        f.project
            .prior_year
            .get(PriorFigure::GeneralBudgetExpenditure),
        style,
    )
    .with_budget(budget)
    .with_initial_budget(initial)
    .with("名称", "一般公共预算财政拨款支出")
    .with(
        "占本年支出合计",
        Share::value(Share::of(
            t.general_budget_expenditure,
            t.expenditure_this_year,
            style,
        )),
    )
    .value()
}

/// The 项 lines of 一般公共预算财政拨款支出 in code order, each a figure with its budget and names.
fn general_budget_lines(f: &Figures<'_>, style: NumberStyle) -> Value {
    let mut lines: Vec<_> = f
        .project
        .expenditure
        .lines
        .iter()
        .filter(|l| l.fund == Fund::GeneralBudget)
        .filter(|l| style.zero_lines || !l.total().rounded().is_zero())
        .collect();
    lines.sort_by(|a, b| a.code.cmp(&b.code));
    let items: Vec<Value> = lines
        .into_iter()
        .map(|line| {
            let names = f.line_names(line);
            Figure::new(line.total(), line.prior, style)
                .with_budget(line.budget)
                .with_initial_budget(line.initial_budget)
                .with("编码", line.code.clone())
                .with("名称", names.item.clone())
                .with("类", names.class.clone())
                .with("款", names.section.clone())
                .with("全称", names.full())
                .with("原因", line.deviation_reason.clone())
                .value()
        })
        .collect();
    Value::from(items)
}

/// The expenditure of one fund, with its lines (明细) in code order.
fn fund_expenditure(f: &Figures<'_>, fund: Fund, style: NumberStyle) -> Value {
    let mut lines: Vec<_> = f
        .project
        .expenditure
        .lines
        .iter()
        .filter(|l| l.fund == fund)
        .filter(|l| style.zero_lines || !l.total().rounded().is_zero())
        .collect();
    lines.sort_by(|a, b| a.code.cmp(&b.code));
    let items: Vec<Value> = lines
        .into_iter()
        .map(|l| {
            Figure::new(l.total(), l.prior, style)
                .with_budget(l.budget)
                .with_initial_budget(l.initial_budget)
                .with("编码", l.code.clone())
                .with("全称", f.line_names(l).full())
                .value()
        })
        .collect();
    let prior = PriorFigure::of_fund_expenditure(fund).and_then(|p| f.project.prior_year.get(p));
    Figure::new(f.totals.fund_expenditure(fund), prior, style)
        .with("名称", fund.label())
        .with("明细", Value::from(items))
        .value()
}

fn basic(f: &Figures<'_>, style: NumberStyle) -> Value {
    let b = &f.project.basic_costs;
    let py = &f.project.prior_year;
    // Each group's printed share of 基本支出 (人员经费 first), rounded as the project rounds.
    let share = |i: usize| {
        let part = f.basic.parts.get(i).and_then(|p| p.share);
        Share::value(part.map(|r| Share::rounded(r, style)))
    };
    let group = |entry: &CostEntry, prior: PriorFigure, i: usize| {
        let names: Vec<String> = entry.item_names().into_iter().map(str::to_owned).collect();
        Figure::new(entry.amount(), py.get(prior), style)
            .with("主要包括", Value::from(names))
            .with("占比", share(i))
            .value()
    };
    map([
        (
            "合计",
            Figure::new(
                f.totals.general_budget_basic,
                py.get(PriorFigure::GeneralBudgetBasic),
                style,
            )
            .with("名称", "一般公共预算财政拨款基本支出")
            .value(),
        ),
        ("人员经费", group(&b.personnel, PriorFigure::Personnel, 0)),
        ("公用经费", group(&b.public, PriorFigure::PublicCosts, 1)),
    ])
}

/// Adds the count `n`, if entered, to `total` (`None` until a count is).
fn add_count(total: &mut Option<u64>, n: Option<u32>) {
    if let Some(n) = n {
        *total = Some(total.unwrap_or(0) + u64::from(n));
    }
}

fn three_public(f: &Figures<'_>, style: NumberStyle) -> Value {
    let tp = &f.project.three_public;
    let t = &f.totals.three_public;
    let (o, v, r) = (&tp.overseas, &tp.vehicles, &tp.reception);
    let p = &v.purchases;
    // As this section's blank amounts are, a count not entered is stated as 0; JS-306, JS-308
    // and JS-310 report it where money was spent without one.
    let count = |n: Option<u64>| Value::from(n.unwrap_or(0));
    let one = |n: Option<u32>| Value::from(n.unwrap_or(0));
    let bought = |label: &str, n: Option<u32>, amount: Wan| {
        map([
            ("名称", Value::from(label.to_owned())),
            ("辆数", one(n)),
            ("金额", Amount::value(amount, style)),
        ])
    };
    let reception_part = |part: &crate::model::ReceptionPart| {
        map([
            ("值", Amount::value(part.actual.unwrap_or_default(), style)),
            ("批次", one(part.batches)),
            ("人次", one(part.people)),
        ])
    };
    map([
        (
            "合计",
            Figure::new(t.actual, t.prior, style)
                .with_budget(Some(t.budget))
                .with("名称", "“三公”经费")
                .with("原因", tp.change_reason.clone())
                .with("变动原因", tp.prior_change_reason.clone())
                // 2019年（疫情前）的决算数: `none` until entered (`t|change(t.疫情前)`).
                .with("疫情前", optional(tp.pre_pandemic, style))
                .value(),
        ),
        ("结构", structure(&f.three_public, style)),
        (
            "因公出国",
            Figure::new(o.actual.unwrap_or_default(), o.prior, style)
                .with_budget(Some(o.budget.unwrap_or_default()))
                .with("名称", "因公出国（境）费")
                .with("团组数", one(o.groups))
                .with("人数", one(o.people))
                .with("原因", o.change_reason.clone())
                .value(),
        ),
        (
            "公务用车",
            Figure::new(t.vehicles_actual, t.vehicles_prior, style)
                .with_budget(Some(t.vehicles_budget))
                .with("名称", "公务用车购置及运行维护费")
                .with("原因", v.change_reason.clone())
                .with(
                    "购置",
                    // A figure, as its parts are: against its own budget and last year (广东
                    // states each); the budget blank until entered.
                    Figure::new(t.purchase_actual, v.purchase_prior, style)
                        .with_budget(v.purchase_budget)
                        .with("名称", "公务用车购置费")
                        .with("辆数", count(p.count()))
                        .with(
                            "轿车",
                            bought("轿车", p.sedan.count, p.sedan.amount.unwrap_or_default()),
                        )
                        .with(
                            "越野车",
                            bought("越野车", p.suv.count, p.suv.amount.unwrap_or_default()),
                        )
                        .with(
                            "载客汽车",
                            bought(
                                "载客汽车",
                                p.passenger.count,
                                p.passenger.amount.unwrap_or_default(),
                            ),
                        )
                        .value(),
                )
                .with(
                    "运行维护",
                    Figure::new(
                        v.operation_actual.unwrap_or_default(),
                        v.operation_prior,
                        style,
                    )
                    .with_budget(v.operation_budget)
                    .with("名称", "公务用车运行维护费")
                    .value(),
                )
                .with(
                    "保有量",
                    map([
                        ("合计", count(v.held.total())),
                        ("轿车", one(v.held.sedan)),
                        ("越野车", one(v.held.suv)),
                        ("载客汽车", one(v.held.passenger)),
                    ]),
                )
                .value(),
        ),
        (
            "公务接待",
            Figure::new(t.reception_actual, r.prior, style)
                .with_budget(Some(r.budget.unwrap_or_default()))
                .with("名称", "公务接待费")
                .with("原因", r.change_reason.clone())
                .with("用途", r.purpose.clone())
                .with("内容", r.content.clone())
                .with("国内", reception_part(&r.domestic))
                .with("外事", reception_part(&r.foreign))
                .value(),
        ),
    ])
}

/// 会议费 or 培训费: its amount against budget and last year, how many times and people; `none`
/// until its 决算数 is entered, so a paragraph that states it waits for it (as `required`) instead
/// of printing a blank as 0.
fn counted_expense(e: &CountedExpense, name: &'static str, style: NumberStyle) -> Value {
    let Some(actual) = e.actual else {
        return Value::from(());
    };
    Figure::new(actual, e.prior, style)
        .with_budget(e.budget)
        .with("名称", name)
        // A count not entered is stated as 0, as the 三公 counts are; JS-310 reports it.
        .with("次数", e.count.unwrap_or(0))
        .with("人次", e.people.unwrap_or(0))
        .with("内容", e.content.clone())
        .with("原因", e.change_reason.clone())
        .value()
}

fn procurement(f: &Figures<'_>, style: NumberStyle) -> Value {
    let pr = &f.project.procurement;
    let total = f.totals.procurement;
    let part = |a: Wan| {
        Figure::new(a, None, style)
            .with("占比", Share::value(Share::of(a, total, style)))
            .value()
    };
    map([
        (
            "合计",
            Figure::new(
                total,
                f.project.prior_year.get(PriorFigure::Procurement),
                style,
            )
            .with("名称", "政府采购支出总额")
            .value(),
        ),
        ("货物", Amount::value(pr.goods.unwrap_or_default(), style)),
        ("工程", Amount::value(pr.works.unwrap_or_default(), style)),
        (
            "服务",
            Amount::value(pr.services.unwrap_or_default(), style),
        ),
        ("中小企业", part(pr.to_sme.unwrap_or_default())),
        ("小微企业", part(pr.to_small_micro.unwrap_or_default())),
        // Each kind whose SME part is entered, with that part's share of the kind's purchases.
        (
            "中小企业分类",
            Value::from(
                pr.kinds()
                    .into_iter()
                    .filter_map(|(name, kind, sme)| {
                        let sme = sme?;
                        let share = Share::of(sme, kind.unwrap_or_default(), style);
                        Some(
                            Figure::new(sme, None, style)
                                .with("名称", name)
                                .with("占比", Share::value(share))
                                .value(),
                        )
                    })
                    .collect::<Vec<_>>(),
            ),
        ),
    ])
}

fn assets(f: &Figures<'_>, style: NumberStyle) -> Value {
    let a = &f.project.assets;
    let v = &a.vehicles;
    map([
        (
            "车辆",
            map([
                ("合计", Value::from(v.total())),
                ("主要领导干部用车", Value::from(v.leadership)),
                ("机要通信用车", Value::from(v.confidential)),
                ("应急保障用车", Value::from(v.emergency)),
                ("执法执勤用车", Value::from(v.law_enforcement)),
                ("特种专业技术用车", Value::from(v.special_technical)),
                ("离退休干部服务用车", Value::from(v.retired_service)),
                ("其他用车", Value::from(v.other)),
                ("其他用车用途", Value::from(v.other_use.clone())),
            ]),
        ),
        ("通用设备", Value::from(a.general_equipment_over_50)),
        ("专用设备", Value::from(a.special_equipment_over_100)),
        // `none` until entered (财政部's one threshold for every kind of equipment).
        ("百万元以上设备", Value::from(a.equipment_over_100)),
        // The year's purchases of them: `none` until entered.
        ("本年购置设备", Value::from(a.equipment_bought)),
        (
            "本年购置设备金额",
            a.equipment_bought_amount
                .map_or(Value::from(()), |x| Amount::value(x, style)),
        ),
        (
            "资产变化率",
            Value::from(a.change_rate_percent.map(|d| d.normalize().to_string())),
        ),
        (
            "资产利用率",
            Value::from(
                a.utilization_rate_percent
                    .map(|d| d.normalize().to_string()),
            ),
        ),
    ])
}

fn plain(d: Option<rust_decimal::Decimal>) -> Value {
    Value::from(d.map(|d| d.normalize().to_string()))
}

fn performance(f: &Figures<'_>, style: NumberStyle) -> Value {
    let pm = &f.project.performance;
    let d = &pm.department;
    let t = &f.totals;
    let sections = |sections: &[crate::model::TextSection]| {
        Value::from(
            sections
                .iter()
                .map(|s| {
                    map([
                        ("标题", Value::from(s.heading.clone())),
                        ("段落", Value::from(s.paragraphs.clone())),
                    ])
                })
                .collect::<Vec<_>>(),
        )
    };
    map([
        ("事前评估项目数", Value::from(pm.prior_assessment_projects)),
        ("绩效目标项目数", Value::from(pm.target_projects)),
        ("绩效监控项目数", Value::from(pm.monitored_projects)),
        // `none` until entered: a template that states them waits for them (`required`), one
        // that states them only where entered tests them.
        ("自评项目数", Value::from(pm.self_assessed_projects)),
        (
            "自评资金",
            // Its share is of 一般公共预算财政拨款项目支出, as 财政部's wording says
            // ("占一般公共预算项目支出总额的X%").
            pm.self_assessed_funds.map_or(Value::from(()), |funds| {
                Figure::new(funds, None, style)
                    .with("名称", "绩效自评涉及资金")
                    .with(
                        "占比",
                        Share::value(Share::of(funds, t.general_budget_project, style)),
                    )
                    .value()
            }),
        ),
        ("部门评价项目数", Value::from(pm.evaluated_projects)),
        ("部门评价资金", optional(pm.evaluated_funds, style)),
        (
            "部门自评",
            map([
                ("标题", Value::from(d.title.clone())),
                ("年初预算收入", optional(d.initial_budget_revenue, style)),
                (
                    "年初预算支出",
                    optional(d.initial_budget_expenditure, style),
                ),
                ("总分", plain(d.full_score)),
                ("得分", plain(d.score)),
                ("综述", Value::from(d.summary.clone())),
                ("各部分", sections(&d.sections)),
                ("结论", Value::from(d.conclusion.clone())),
                ("问题", Value::from(d.problems.clone())),
                ("建议", Value::from(d.improvements.clone())),
                ("收入", Amount::value(t.revenue_this_year, style)),
                ("支出", Amount::value(t.expenditure_this_year, style)),
            ]),
        ),
    ])
}

/// The project self-assessments: names, scores, summaries, their report's sections and
/// figures, and their position (`索引`, for the forms).
fn projects(f: &Figures<'_>, style: NumberStyle) -> Value {
    let items: Vec<Value> = f
        .project
        .projects
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let total = a.funds_total();
            let score = a.stated_total_score.or_else(|| {
                a.budget_score
                    .into_iter()
                    .chain(a.indicators.iter().filter_map(|x| x.score))
                    .try_fold(rust_decimal::Decimal::ZERO, |x, y| x.checked_add(y))
            });
            let full = a
                .indicators
                .iter()
                .try_fold(a.budget_weight, |s, x| s.checked_add(x.weight));
            let spending: Vec<Value> = a
                .spending
                .iter()
                .map(|s| {
                    map([
                        ("名称", Value::from(s.name.clone())),
                        ("值", Amount::value(s.amount.unwrap_or_default(), style)),
                    ])
                })
                .collect();
            map([
                ("索引", Value::from(i)),
                ("名称", Value::from(a.name.clone())),
                ("得分", plain(score)),
                ("合计得分", plain(a.stated_total_score)),
                ("总分", plain(full)),
                ("综述", Value::from(a.summary.clone())),
                ("结论", Value::from(a.conclusion.clone())),
                ("问题", Value::from(a.problems.clone())),
                ("措施", Value::from(a.measures.clone())),
                ("年初预算", optional(total.initial, style)),
                ("调整后预算", optional(total.adjusted, style)),
                ("执行数", optional(total.executed, style)),
                ("资金分配", Value::from(spending)),
                (
                    "报告各部分",
                    Value::from(
                        a.report_sections
                            .iter()
                            .map(|s| {
                                map([
                                    ("标题", Value::from(s.heading.clone())),
                                    ("段落", Value::from(s.paragraphs.clone())),
                                ])
                            })
                            .collect::<Vec<_>>(),
                    ),
                ),
            ])
        })
        .collect();
    Value::from(items)
}
