//! Every entered amount of a project with its field path, for validation and the checks.

use super::{CostEntry, FieldPath, FundExecution, Project};
use crate::money::Wan;

/// One entered amount and where it lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AmountAt {
    /// The field path, as the UI and the checks name it.
    pub path: FieldPath,
    /// The amount.
    pub value: Wan,
    /// Whether a negative value can be legitimate (balances); elsewhere it is impossible.
    pub may_be_negative: bool,
}

struct Collector(Vec<AmountAt>);

impl Collector {
    fn push(&mut self, path: impl Into<String>, value: Wan) {
        self.0.push(AmountAt {
            path: FieldPath::new(path),
            value,
            may_be_negative: false,
        });
    }

    fn opt(&mut self, path: impl Into<String>, value: Option<Wan>) {
        if let Some(value) = value {
            self.push(path, value);
        }
    }

    fn signed(&mut self, path: impl Into<String>, value: Wan) {
        self.0.push(AmountAt {
            path: FieldPath::new(path),
            value,
            may_be_negative: true,
        });
    }

    fn execution(&mut self, base: &str, row: &FundExecution) {
        self.opt(format!("{base}.initial"), row.initial);
        self.opt(format!("{base}.adjusted"), row.adjusted);
        self.opt(format!("{base}.executed"), row.executed);
    }

    fn cost(&mut self, base: &str, entry: &CostEntry) {
        match entry {
            CostEntry::Total { amount, .. } => self.push(format!("{base}.total.amount"), *amount),
            CostEntry::Items(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.push(format!("{base}.items[{i}].amount"), item.amount);
                }
            }
        }
    }
}

impl Project {
    /// Every entered amount (not the computed totals), in file order.
    pub fn amounts(&self) -> Vec<AmountAt> {
        let mut c = Collector(Vec::new());
        let p = &self.prior_year;
        c.opt("prior_year.total_revenue", p.total_revenue);
        c.opt("prior_year.total_expenditure", p.total_expenditure);
        c.opt("prior_year.appropriation_revenue", p.appropriation_revenue);
        c.opt(
            "prior_year.appropriation_expenditure",
            p.appropriation_expenditure,
        );
        c.opt(
            "prior_year.general_budget_expenditure",
            p.general_budget_expenditure,
        );

        let r = &self.revenue;
        for (name, value) in [
            ("general_budget", r.general_budget),
            ("government_fund", r.government_fund),
            ("state_capital", r.state_capital),
            ("higher_level_grants", r.higher_level_grants),
            ("operations", r.operations),
            ("business", r.business),
            ("from_subsidiaries", r.from_subsidiaries),
            ("other", r.other),
        ] {
            c.push(format!("revenue.{name}"), value);
        }
        for (i, line) in r.by_function.iter().enumerate() {
            for source in super::REVENUE_SOURCES {
                c.push(
                    format!("revenue.by_function[{i}].{}", source.key()),
                    source.of_line(line),
                );
            }
        }

        let b = &self.balances;
        for (name, fb) in [
            ("general_budget", &b.general_budget),
            ("government_fund", &b.government_fund),
            ("state_capital", &b.state_capital),
            ("non_appropriation", &b.non_appropriation),
        ] {
            c.signed(format!("balances.{name}.opening"), fb.opening);
            c.signed(format!("balances.{name}.closing"), fb.closing);
            if let Some(prior) = fb.prior_closing {
                c.signed(format!("balances.{name}.prior_closing"), prior);
            }
        }
        c.push(
            "balances.use_of_non_appropriation_surplus",
            b.use_of_non_appropriation_surplus,
        );
        c.signed("balances.surplus_distribution", b.surplus_distribution);

        for (i, line) in self.expenditure.lines.iter().enumerate() {
            let base = format!("expenditure.lines[{i}]");
            c.opt(format!("{base}.budget"), line.budget);
            c.push(format!("{base}.basic"), line.basic);
            c.push(format!("{base}.project"), line.project);
            c.push(format!("{base}.remitted"), line.remitted);
            c.push(format!("{base}.business"), line.business);
            c.push(format!("{base}.subsidies"), line.subsidies);
        }

        c.cost("basic_costs.personnel", &self.basic_costs.personnel);
        c.cost("basic_costs.public", &self.basic_costs.public);

        let t = &self.three_public;
        c.push("three_public.overseas.budget", t.overseas.budget);
        c.push("three_public.overseas.actual", t.overseas.actual);
        c.opt("three_public.overseas.prior", t.overseas.prior);
        let v = &t.vehicles;
        c.push("three_public.vehicles.purchase_budget", v.purchase_budget);
        c.push(
            "three_public.vehicles.purchases.sedan.amount",
            v.purchases.sedan.amount,
        );
        c.push(
            "three_public.vehicles.purchases.suv.amount",
            v.purchases.suv.amount,
        );
        c.push(
            "three_public.vehicles.purchases.passenger.amount",
            v.purchases.passenger.amount,
        );
        c.opt("three_public.vehicles.purchase_prior", v.purchase_prior);
        c.push("three_public.vehicles.operation_budget", v.operation_budget);
        c.push("three_public.vehicles.operation_actual", v.operation_actual);
        c.opt("three_public.vehicles.operation_prior", v.operation_prior);
        c.push("three_public.reception.budget", t.reception.budget);
        c.push(
            "three_public.reception.domestic.actual",
            t.reception.domestic.actual,
        );
        c.push(
            "three_public.reception.foreign.actual",
            t.reception.foreign.actual,
        );
        c.opt("three_public.reception.prior", t.reception.prior);

        c.push("running_costs.amount", self.running_costs.amount);
        c.opt("running_costs.prior", self.running_costs.prior);

        let pr = &self.procurement;
        c.push("procurement.goods", pr.goods);
        c.push("procurement.works", pr.works);
        c.push("procurement.services", pr.services);
        c.push("procurement.to_sme", pr.to_sme);
        c.push("procurement.to_small_micro", pr.to_small_micro);

        let d = &self.performance.department;
        c.opt(
            "performance.department.initial_budget_revenue",
            d.initial_budget_revenue,
        );
        c.opt(
            "performance.department.initial_budget_expenditure",
            d.initial_budget_expenditure,
        );

        for (i, a) in self.projects.iter().enumerate() {
            let base = format!("projects[{i}]");
            c.execution(&format!("{base}.funds.fiscal"), &a.funds.fiscal);
            c.execution(
                &format!("{base}.funds.special_account"),
                &a.funds.special_account,
            );
            c.execution(&format!("{base}.funds.unit"), &a.funds.unit);
            c.execution(&format!("{base}.funds.other"), &a.funds.other);
            for (j, s) in a.spending.iter().enumerate() {
                c.push(format!("{base}.spending[{j}].amount"), s.amount);
            }
        }

        let ct = &self.control_totals;
        for (name, value) in [
            ("total_revenue", ct.total_revenue),
            ("revenue_this_year", ct.revenue_this_year),
            ("total_expenditure", ct.total_expenditure),
            ("expenditure_this_year", ct.expenditure_this_year),
            ("basic", ct.basic),
            ("project", ct.project),
            ("appropriation_revenue", ct.appropriation_revenue),
            ("appropriation_expenditure", ct.appropriation_expenditure),
            ("general_budget_expenditure", ct.general_budget_expenditure),
            ("general_budget_basic", ct.general_budget_basic),
            ("three_public", ct.three_public),
        ] {
            c.opt(format!("control_totals.{name}"), value);
        }
        c.0
    }
}
