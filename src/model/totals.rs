//! Every total that is a sum, computed from the entered parts (never stored).
//!
//! [`Totals::of`] computes them all at once in one pass over the project; the checks, the document
//! and the UI read the same values, so they cannot disagree.

use std::collections::BTreeMap;

use super::{
    FunctionalLine, Fund, Project, ProjectAssessment, ProjectFunds, RevenueItem, RevenueSource,
    ThreePublic,
};
use crate::money::Wan;

/// Expenditure split by nature (支出性质).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ByNature {
    /// 基本支出.
    pub basic: Wan,
    /// 项目支出.
    pub project: Wan,
    /// 上缴上级支出.
    pub remitted: Wan,
    /// 经营支出.
    pub business: Wan,
    /// 对附属单位补助支出.
    pub subsidies: Wan,
}

impl ByNature {
    /// The five natures in 表3's column order: 基本支出, 项目支出, 上缴上级支出, 经营支出,
    /// 对附属单位补助支出.
    pub fn parts(&self) -> [Wan; 5] {
        [
            self.basic,
            self.project,
            self.remitted,
            self.business,
            self.subsidies,
        ]
    }

    /// Adds one line's natures.
    fn add(&mut self, line: &FunctionalLine) {
        use super::Nature as N;
        self.basic += N::Basic.of(line);
        self.project += N::Project.of(line);
        self.remitted += N::Remitted.of(line);
        self.business += N::Business.of(line);
        self.subsidies += N::Subsidies.of(line);
    }

    /// The amount of one nature.
    pub fn of(&self, nature: super::Nature) -> Wan {
        use super::Nature as N;
        match nature {
            N::Basic => self.basic,
            N::Project => self.project,
            N::Remitted => self.remitted,
            N::Business => self.business,
            N::Subsidies => self.subsidies,
        }
    }

    /// The sum of all natures.
    pub fn total(&self) -> Wan {
        self.basic + self.project + self.remitted + self.business + self.subsidies
    }
}

/// The computed totals of a project.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// 本年收入合计.
    pub revenue_this_year: Wan,
    /// 年初结转和结余 (all funds).
    pub opening_balance: Wan,
    /// 年末结转和结余 (all funds).
    pub closing_balance: Wan,
    /// 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余.
    pub total_revenue: Wan,
    /// 本年支出合计 by nature, all funds.
    pub by_nature: ByNature,
    /// 本年支出合计.
    pub expenditure_this_year: Wan,
    /// 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余.
    pub total_expenditure: Wan,
    /// Expenditure by nature of each fund.
    pub by_fund: BTreeMap<Fund, ByNature>,
    /// 本年财政拨款收入.
    pub appropriation_revenue: Wan,
    /// 本年财政拨款支出.
    pub appropriation_expenditure: Wan,
    /// 财政拨款收入总计 = 本年财政拨款收入 + 年初财政拨款结转和结余.
    pub appropriation_total_revenue: Wan,
    /// 财政拨款支出总计 = 本年财政拨款支出 + 年末财政拨款结转和结余.
    pub appropriation_total_expenditure: Wan,
    /// 一般公共预算财政拨款支出.
    pub general_budget_expenditure: Wan,
    /// 一般公共预算财政拨款基本支出.
    pub general_budget_basic: Wan,
    /// 一般公共预算财政拨款项目支出.
    pub general_budget_project: Wan,
    /// 一般公共预算财政拨款预算数 (sum of the lines' budgets that were entered).
    pub general_budget_budget: Wan,
    /// 人员经费 + 公用经费.
    pub personnel_costs: Wan,
    /// 公用经费.
    pub public_costs: Wan,
    /// "三公"经费.
    pub three_public: ThreePublicTotals,
    /// 政府采购支出总额.
    pub procurement: Wan,
    /// Σ 执行数 of all project self-assessments.
    pub projects_executed: Wan,
}

/// "三公"经费 totals: actual, budget, prior year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ThreePublicTotals {
    /// 决算数合计.
    pub actual: Wan,
    /// 预算数合计.
    pub budget: Wan,
    /// 上年决算数合计; `None` if any part's prior figure is missing.
    pub prior: Option<Wan>,
    /// 公务用车购置及运行维护费决算数.
    pub vehicles_actual: Wan,
    /// 公务用车购置及运行维护费预算数.
    pub vehicles_budget: Wan,
    /// 公务用车购置费决算数 (Σ vehicles bought).
    pub purchase_actual: Wan,
    /// 公务接待费决算数 (国内 + 外事).
    pub reception_actual: Wan,
    /// 上年公务用车购置及运行维护费.
    pub vehicles_prior: Option<Wan>,
}

impl ThreePublicTotals {
    /// Computes the "三公" totals.
    pub fn of(t: &ThreePublic) -> ThreePublicTotals {
        let p = &t.vehicles.purchases;
        let purchase_actual: Wan = [p.sedan.amount, p.suv.amount, p.passenger.amount]
            .into_iter()
            .sum();
        let vehicles_actual = purchase_actual + t.vehicles.operation_actual.unwrap_or_default();
        let vehicles_budget: Wan = [t.vehicles.purchase_budget, t.vehicles.operation_budget]
            .into_iter()
            .sum();
        let reception_actual: Wan = [t.reception.domestic.actual, t.reception.foreign.actual]
            .into_iter()
            .sum();
        let vehicles_prior = t
            .vehicles
            .purchase_prior
            .zip(t.vehicles.operation_prior)
            .map(|(a, b)| a + b);
        let prior = [t.overseas.prior, vehicles_prior, t.reception.prior]
            .into_iter()
            .sum::<Option<Wan>>();
        ThreePublicTotals {
            actual: t.overseas.actual.unwrap_or_default() + vehicles_actual + reception_actual,
            budget: t.overseas.budget.unwrap_or_default()
                + vehicles_budget
                + t.reception.budget.unwrap_or_default(),
            prior,
            vehicles_actual,
            vehicles_budget,
            purchase_actual,
            reception_actual,
            vehicles_prior,
        }
    }
}

/// 总额 row of a project's 预算执行情况: Σ of the fund rows, each column `None` if all are empty.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FundsTotal {
    /// 年初预算 total.
    pub initial: Option<Wan>,
    /// 调整后预算 total.
    pub adjusted: Option<Wan>,
    /// 执行数 total.
    pub executed: Option<Wan>,
}

impl FundsTotal {
    /// Sums the fund rows column by column; an empty column stays empty.
    pub fn of(funds: &ProjectFunds) -> FundsTotal {
        let rows = funds.rows();
        let column = |pick: fn(&super::FundExecution) -> Option<Wan>| {
            rows.iter()
                .filter_map(|(_, row)| pick(row))
                .reduce(|a, b| a + b)
        };
        FundsTotal {
            initial: column(|r| r.initial),
            adjusted: column(|r| r.adjusted),
            executed: column(|r| r.executed),
        }
    }
}

impl ProjectAssessment {
    /// The 总额 row of the budget block.
    pub fn funds_total(&self) -> FundsTotal {
        FundsTotal::of(&self.funds)
    }
}

impl Totals {
    /// Computes every total of `project`; an amount not entered adds nothing (a blank cell).
    pub fn of(project: &Project) -> Totals {
        let r = &project.revenue;
        let b = &project.balances;
        let revenue_this_year = RevenueItem::ALL.iter().map(|i| i.of(r)).sum();
        let opening_balance = Fund::ALL.iter().map(|&f| b.of(f).opening).sum();
        let closing_balance = Fund::ALL.iter().map(|&f| b.of(f).closing).sum();

        let mut by_nature = ByNature::default();
        let mut by_fund: BTreeMap<Fund, ByNature> = BTreeMap::new();
        let mut general_budget_budget = Wan::ZERO;
        for line in &project.expenditure.lines {
            by_nature.add(line);
            by_fund.entry(line.fund).or_default().add(line);
            if line.fund == Fund::GeneralBudget {
                general_budget_budget += line.budget.unwrap_or_default();
            }
        }
        let expenditure_this_year = by_nature.total();
        let fund_total = |f: Fund| by_fund.get(&f).map(ByNature::total).unwrap_or_default();
        let appropriation_expenditure = Fund::APPROPRIATIONS.iter().map(|&f| fund_total(f)).sum();
        let appropriation_revenue = RevenueSource::Appropriation.of_revenue(r);
        let appropriation_opening: Wan =
            Fund::APPROPRIATIONS.iter().map(|&f| b.of(f).opening).sum();
        let appropriation_closing: Wan =
            Fund::APPROPRIATIONS.iter().map(|&f| b.of(f).closing).sum();
        let general = by_fund
            .get(&Fund::GeneralBudget)
            .copied()
            .unwrap_or_default();

        let personnel = project.basic_costs.personnel.amount();
        let public = project.basic_costs.public.amount();
        let p = &project.procurement;

        Totals {
            revenue_this_year,
            opening_balance,
            closing_balance,
            total_revenue: revenue_this_year
                + b.use_of_non_appropriation_surplus.unwrap_or_default()
                + opening_balance,
            by_nature,
            expenditure_this_year,
            total_expenditure: expenditure_this_year
                + b.surplus_distribution.unwrap_or_default()
                + closing_balance,
            appropriation_revenue,
            appropriation_expenditure,
            appropriation_total_revenue: appropriation_revenue + appropriation_opening,
            appropriation_total_expenditure: appropriation_expenditure + appropriation_closing,
            general_budget_expenditure: general.total(),
            general_budget_basic: general.basic,
            general_budget_project: general.project,
            general_budget_budget,
            personnel_costs: personnel,
            public_costs: public,
            three_public: ThreePublicTotals::of(&project.three_public),
            procurement: [p.goods, p.works, p.services].into_iter().sum(),
            projects_executed: project
                .projects
                .iter()
                .filter_map(|a| a.funds_total().executed)
                .sum(),
            by_fund,
        }
    }

    /// Expenditure of one fund (Σ of its lines).
    pub fn fund_expenditure(&self, fund: Fund) -> Wan {
        self.by_fund
            .get(&fund)
            .map(ByNature::total)
            .unwrap_or_default()
    }
}

impl Totals {
    /// Puts the 报表数 `official` in place of the computed total it stands for: what the
    /// document prints where the two differ only by the official tables' rounding.
    pub fn use_official(&mut self, total: super::ControlTotal, official: Wan) {
        use super::ControlTotal as C;
        let slot = match total {
            C::TotalRevenue => &mut self.total_revenue,
            C::RevenueThisYear => &mut self.revenue_this_year,
            C::TotalExpenditure => &mut self.total_expenditure,
            C::ExpenditureThisYear => &mut self.expenditure_this_year,
            C::Basic => &mut self.by_nature.basic,
            C::Project => &mut self.by_nature.project,
            C::AppropriationRevenue => &mut self.appropriation_revenue,
            C::AppropriationExpenditure => &mut self.appropriation_expenditure,
            C::GeneralBudgetExpenditure => &mut self.general_budget_expenditure,
            C::GeneralBudgetBasic => &mut self.general_budget_basic,
            C::ThreePublic => &mut self.three_public.actual,
        };
        *slot = official;
    }
}

/// 一般公共预算财政拨款支出 grouped by 类, in code order: (类 code, amount).
pub fn general_budget_by_class(project: &Project) -> Vec<(String, Wan)> {
    let mut by_class: BTreeMap<&str, Wan> = BTreeMap::new();
    for line in &project.expenditure.lines {
        if line.fund == Fund::GeneralBudget {
            let class = line.class_code().unwrap_or(&line.code);
            *by_class.entry(class).or_default() += line.total();
        }
    }
    by_class
        .into_iter()
        .map(|(c, a)| (c.to_owned(), a))
        .collect()
}

/// Last year's 一般公共预算财政拨款支出 of each 类 of [`general_budget_by_class`], from the
/// lines' 上年决算数: `None` for a 类 where any of its lines has none entered (a part cannot stand
/// for the whole).
pub fn general_budget_prior_by_class(project: &Project) -> BTreeMap<String, Option<Wan>> {
    let mut by_class: BTreeMap<String, Option<Wan>> = BTreeMap::new();
    for line in &project.expenditure.lines {
        if line.fund == Fund::GeneralBudget {
            let class = line.class_code().unwrap_or(&line.code).to_owned();
            let sum = by_class.entry(class).or_insert(Some(Wan::ZERO));
            *sum = sum.zip(line.prior).map(|(a, b)| a + b);
        }
    }
    by_class
}
