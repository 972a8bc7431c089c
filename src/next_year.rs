//! 新建下一年度: next year's project made from this year's, as every office starts its year.
//!
//! What stays is what does not change with the year: the unit, its duties and structure, the
//! expenditure lines and revenue lines (codes and names), the economic items, the projects with
//! their indicators, the fleet and the glossary. This year's figures become next year's
//! prior-year figures (`prior_year`, each line's and each "三公" part's `prior`); the closing
//! balances become the opening balances, locked as the filing tool's 年初数提取 locks them
//! (`balances.carried`); the year's amounts start empty (`None`, not entered — not zero), and
//! the checks list what is still to be entered. Texts that speak of this year
//! (reasons, narratives, self-assessments) are kept as drafts with [`DRAFT`] in front, which
//! JS-609 reports until the clerk rewrites them. Codes the next year's catalog renamed or does
//! not have are listed for review.

use crate::catalog::Catalog;
use crate::model::totals::Totals;
use crate::model::{
    Carried, CostEntry, Nature, PriorFigure, Project, ProjectFunds, REVENUE_SOURCES, RevenueItem,
    SpendingItem,
};

/// What a carried-over text starts with until the clerk has read it again.
pub const DRAFT: &str = "【上年文字，待复核】";

/// Next year's project, and what the clerk should look at before entering the year's figures.
#[derive(Clone, Debug)]
pub struct NextYear {
    /// The new project.
    pub project: Project,
    /// What to review: codes renamed or retired, the template changed, drafts to rewrite.
    pub review: Vec<String>,
}

/// Makes next year's project from `this`. `next_catalog` is the catalog of the next year (the
/// built-in one), to flag codes it renamed or does not have.
pub fn next_year(this: &Project, next_catalog: Option<&Catalog>) -> NextYear {
    let totals = Totals::of(this);
    let mut p = this.clone();
    let mut review = Vec::new();
    let year = this.unit.year + 1;

    p.unit.year = year;
    p.unit.approval_date = None;
    p.unit.publication_date = None;
    // A department's members' figures are this year's: the next year has them once it is
    // consolidated from the members' next-year files.
    if let Some(d) = &mut p.department {
        for m in &mut d.members {
            m.figures = None;
        }
    }

    for f in PriorFigure::ALL {
        p.prior_year.set(*f, f.this_year(this, &totals));
    }

    let r = &mut p.revenue;
    for item in RevenueItem::ALL {
        *item.of_mut(r) = None;
    }
    for line in &mut r.by_function {
        for source in REVENUE_SOURCES {
            *source.in_line(line) = None;
        }
    }

    // 年初数提取: this year's closing balances are next year's opening ones, and what the
    // opening ones must equal.
    for fund in crate::model::Fund::ALL {
        let b = p.balances.of_mut(fund);
        b.prior_closing = b.closing;
        b.opening = b.closing.unwrap_or_default();
        b.closing = None;
    }
    p.balances.use_of_non_appropriation_surplus = None;
    p.balances.surplus_distribution = None;
    p.balances.carried = Some(Carried::default());

    for line in &mut p.expenditure.lines {
        // A line with nothing entered this year has no prior figure next year.
        line.prior = crate::money::sum_entered(Nature::ALL.iter().map(|n| n.entered(line)));
        line.budget = None;
        line.initial_budget = None;
        for nature in Nature::ALL {
            *nature.of_mut(line) = None;
        }
    }

    for entry in [&mut p.basic_costs.personnel, &mut p.basic_costs.public] {
        match entry {
            CostEntry::Total { amount, .. } => *amount = None,
            CostEntry::Items(items) => items.iter_mut().for_each(|i| i.amount = None),
        }
    }
    // The same economic items are likely next year; their amounts are not.
    for item in &mut p.expenditure.project_economic {
        item.amount = None;
    }

    let t = &mut p.three_public;
    let three = &totals.three_public;
    t.overseas.prior = t.overseas.actual;
    t.overseas.budget = None;
    t.overseas.actual = None;
    t.overseas.groups = None;
    t.overseas.people = None;
    t.vehicles.purchase_prior = Some(three.purchase_actual);
    t.vehicles.operation_prior = t.vehicles.operation_actual;
    t.vehicles.purchase_budget = None;
    t.vehicles.operation_budget = None;
    t.vehicles.operation_actual = None;
    for bought in [
        &mut t.vehicles.purchases.sedan,
        &mut t.vehicles.purchases.suv,
        &mut t.vehicles.purchases.passenger,
    ] {
        bought.count = None;
        bought.amount = None;
    }
    t.reception.prior = Some(three.reception_actual);
    t.reception.budget = None;
    for part in [&mut t.reception.domestic, &mut t.reception.foreign] {
        part.actual = None;
        part.batches = None;
        part.people = None;
    }

    p.running_costs.prior = p.running_costs.amount;
    p.running_costs.amount = None;
    for expense in p.meetings_training.expenses_mut() {
        expense.prior = expense.actual;
        expense.budget = None;
        expense.actual = None;
        expense.count = None;
        expense.people = None;
    }
    p.procurement = crate::model::Procurement::default();
    let ps = &mut p.purchased_services;
    ps.prior = ps.amount.take();
    p.assets.change_rate_percent = None;
    // What was bought is the year's; what is held is carried.
    p.assets.equipment_bought = None;
    p.assets.equipment_bought_amount = None;
    p.assets.utilization_rate_percent = None;
    p.control_totals = crate::model::ControlTotals::default();
    // They explain this year's findings.
    p.explanations.clear();

    // Self-assessments and evaluations are of the year closed; next year's are done after it.
    let pm = &mut p.performance;
    pm.self_assessed_projects = None;
    pm.self_assessed_funds = None;
    pm.evaluated_projects = None;
    pm.evaluated_funds = None;
    let d = &mut p.performance.department;
    d.initial_budget_revenue = None;
    d.initial_budget_expenditure = None;
    d.score = None;
    for a in &mut p.projects {
        a.funds = ProjectFunds::default();
        a.budget_score = None;
        a.stated_total_score = None;
        for ind in &mut a.indicators {
            ind.actual = None;
            ind.score = None;
        }
        a.spending
            .iter_mut()
            .for_each(|s: &mut SpendingItem| s.amount = None);
    }

    let drafts = mark_drafts(&mut p);
    if drafts > 0 {
        review.push(format!(
            "{drafts} 段上年的文字（变动原因、说明、自评内容）已保留为草稿，开头标有“{DRAFT}”，请逐段改写后删去标记"
        ));
    }

    // An imported 科目表 was the local 财政's for this year; next year has its own.
    if p.catalog.take().is_some() {
        review.push(
            "上年导入的本地科目表不带入下一年度；如本地财政下发了新的科目表，请重新导入".to_owned(),
        );
    }
    if let Some(catalog) = next_catalog {
        for line in &this.expenditure.lines {
            match catalog.functional(&line.code) {
                None => review.push(format!(
                    "支出科目 {} 不在 {year} 年科目表中（可能已停用或调整），请核对",
                    line.code
                )),
                Some(entry) => {
                    if let Some(names) = &line.names
                        && !names.item.is_empty()
                        && names.item != entry.name
                    {
                        review.push(format!(
                            "支出科目 {} 在 {year} 年科目表中名为“{}”（上年为“{}”）",
                            line.code, entry.name, names.item
                        ));
                    }
                }
            }
        }
    }

    if let Some(id) = &p.settings.template
        && let Some(t) = crate::template::builtin_by_id(id)
        && !t.covers(year)
    {
        let next = crate::template::builtin().find(|n| n.region == t.region && n.covers(year));
        p.settings.template = next.map(|n| n.id.clone());
        review.push(match next {
            Some(n) => format!("模板“{}”不适用于 {year} 年度，已改用“{}”", t.name, n.name),
            None => format!(
                "模板“{}”不适用于 {year} 年度，已改用 {year} 年度的默认模板；请在“情况说明”中确认",
                t.name
            ),
        });
    }

    NextYear { project: p, review }
}

/// Puts [`DRAFT`] in front of every text that speaks of the year; returns how many.
fn mark_drafts(p: &mut Project) -> usize {
    let mut texts: Vec<&mut String> = vec![
        &mut p.revenue.change_reason,
        &mut p.expenditure.general_budget_change_reason,
        &mut p.expenditure.appropriation_change_reason,
        &mut p.three_public.change_reason,
        &mut p.three_public.prior_change_reason,
        &mut p.three_public.overseas.change_reason,
        &mut p.three_public.vehicles.change_reason,
        &mut p.three_public.reception.change_reason,
        &mut p.three_public.reception.purpose,
        &mut p.three_public.reception.content,
        &mut p.running_costs.change_reason,
        &mut p.meetings_training.meetings.content,
        &mut p.meetings_training.meetings.change_reason,
        &mut p.meetings_training.training.content,
        &mut p.meetings_training.training.change_reason,
        &mut p.meetings_training.festivals.content,
        &mut p.meetings_training.festivals.change_reason,
        &mut p.purchased_services.content,
        &mut p.performance.department.summary,
        &mut p.performance.department.conclusion,
    ];
    texts.extend(
        p.expenditure
            .lines
            .iter_mut()
            .map(|l| &mut l.deviation_reason),
    );
    texts.extend(p.performance.department.problems.iter_mut());
    texts.extend(p.performance.department.improvements.iter_mut());
    // A section is one draft: its first paragraph carries the mark.
    texts.extend(
        p.performance
            .department
            .sections
            .iter_mut()
            .filter_map(|s| s.paragraphs.first_mut()),
    );
    for a in &mut p.projects {
        texts.extend([
            &mut a.goal_completion,
            &mut a.implementation,
            &mut a.execution_reason,
            &mut a.conclusion,
            &mut a.problems,
            &mut a.measures,
            &mut a.summary,
        ]);
        texts.extend(a.indicators.iter_mut().map(|i| &mut i.shortfall_reason));
        texts.extend(
            a.report_sections
                .iter_mut()
                .filter_map(|s| s.paragraphs.first_mut()),
        );
    }
    let mut n = 0;
    for t in texts {
        if !t.trim().is_empty() && !t.starts_with(DRAFT) {
            t.insert_str(0, DRAFT);
            n += 1;
        }
    }
    n
}
