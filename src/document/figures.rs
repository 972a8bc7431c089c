//! The figures the document prints, computed once: totals, structures with their printed shares,
//! and the names of every code. Text, tables and charts all read them from here.

use rust_decimal::Decimal;

use crate::catalog::Catalog;
use crate::model::totals::{Totals, general_budget_by_class, general_budget_prior_by_class};
use crate::model::{
    ClassNames, FunctionalLine, Nature, PriorFigure, Project, RevenueItem, RevenueLine,
    ShareRounding,
};
use crate::money::{Wan, rounded_shares_to};
use crate::template::NumberStyle;

/// One part of a structure with its printed share.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Share {
    /// The part's name as the text writes it.
    pub label: String,
    /// Its amount.
    pub amount: Wan,
    /// Its share of the whole in percent, rounded to the decimals printed; `None` when the
    /// whole is zero.
    pub share: Option<Decimal>,
    /// Last year's amount, if entered.
    pub prior: Option<Wan>,
}

/// A structure (revenue, expenditure, 类, "三公") and how its shares were rounded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Structure {
    /// The parts, in the document's order.
    pub parts: Vec<Share>,
    /// The whole the shares are of.
    pub whole: Wan,
    /// Whether largest-remainder rounding changed any share, so the document must say so.
    pub adjusted: bool,
}

impl Structure {
    fn new(
        parts: Vec<(String, Wan, Option<Wan>)>,
        whole: Wan,
        (method, decimals): (ShareRounding, u32),
    ) -> Structure {
        let amounts: Vec<Wan> = parts.iter().map(|(_, a, _)| *a).collect();
        let shares = rounded_shares_to(&amounts, whole, method, decimals);
        let independent = rounded_shares_to(&amounts, whole, ShareRounding::Independent, decimals);
        Structure {
            adjusted: shares != independent,
            parts: parts
                .into_iter()
                .zip(shares)
                .map(|((label, amount, prior), share)| Share {
                    label,
                    amount,
                    share,
                    prior,
                })
                .collect(),
            whole,
        }
    }
}

/// The 类, 款 and 项 names of a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineNames {
    /// 类 name, e.g. 一般公共服务支出.
    pub class: String,
    /// 款 name.
    pub section: String,
    /// 项 name.
    pub item: String,
}

impl LineNames {
    /// "一般公共服务支出（类）党委办公厅（室）及相关机构事务（款）行政运行（项）".
    pub fn full(&self) -> String {
        format!(
            "{}（类）{}（款）{}（项）",
            self.class, self.section, self.item
        )
    }
}

/// Everything the document prints, computed once from the project.
pub struct Figures<'a> {
    /// The project.
    pub project: &'a Project,
    /// Its totals.
    pub totals: Totals,
    /// The catalog of its year.
    pub catalog: Option<&'a Catalog>,
    /// 收入结构: the eight sources, of 本年收入合计.
    pub revenue: Structure,
    /// 支出结构: the five natures, of 本年支出合计.
    pub expenditure: Structure,
    /// 一般公共预算财政拨款支出 by 类, of its total.
    pub classes: Structure,
    /// "三公" by part, of the "三公" total.
    pub three_public: Structure,
    /// 一般公共预算财政拨款基本支出 by 人员经费 and 公用经费.
    pub basic: Structure,
    /// 一般公共预算财政拨款项目支出 by the 经济分类 items entered (none entered, no parts).
    pub project_economic: Structure,
    /// How numbers are written: the template's, with the project's choice of decimals.
    pub numbers: NumberStyle,
}

impl<'a> Figures<'a> {
    /// Computes the figures of `project`.
    pub fn of(project: &'a Project, catalog: Option<&'a Catalog>) -> Figures<'a> {
        Figures::with(
            project,
            &super::Options {
                catalog,
                ..super::Options::default()
            },
        )
    }

    /// Computes the figures of `project` with `options` (its catalog, and its totals when the
    /// caller has them already).
    pub fn with(project: &'a Project, options: &super::Options<'a>) -> Figures<'a> {
        let catalog = options.catalog;
        let mut totals = options
            .totals
            .cloned()
            .unwrap_or_else(|| Totals::of(project));
        // Where a 报表数 differs from its parts only by the official tables' rounding, the
        // document prints the 报表数, as the official tables do (JS-119 says so).
        let context = crate::checks::Context::new(project, totals.clone(), None);
        for r in crate::checks::within_rounding(&context) {
            totals.use_official(r.total, r.official);
        }
        let mut numbers = options.template.map(|t| t.numbers).unwrap_or_default();
        if let Some(d) = project.settings.share_decimals.decimals() {
            numbers.share_decimals = d;
        }
        let method = (project.settings.share_rounding, numbers.share_decimals);
        let r = &project.revenue;
        let n = totals.by_nature;
        let prior = |f: PriorFigure| project.prior_year.get(f);
        let revenue = Structure::new(
            RevenueItem::ALL
                .iter()
                .map(|item| {
                    (
                        item.label().to_owned(),
                        item.of(r),
                        prior(PriorFigure::of_source(*item)),
                    )
                })
                .collect(),
            totals.revenue_this_year,
            method,
        );
        let expenditure = Structure::new(
            Nature::ALL
                .iter()
                .map(|nature| {
                    (
                        nature.label().to_owned(),
                        n.of(*nature),
                        prior(PriorFigure::of_nature(*nature)),
                    )
                })
                .collect(),
            totals.expenditure_this_year,
            method,
        );
        let basic = Structure::new(
            vec![
                (
                    "人员经费".into(),
                    totals.personnel_costs,
                    prior(PriorFigure::Personnel),
                ),
                (
                    "公用经费".into(),
                    totals.public_costs,
                    prior(PriorFigure::PublicCosts),
                ),
            ],
            totals.general_budget_basic,
            method,
        );
        let project_economic = Structure::new(
            project
                .expenditure
                .project_economic
                .iter()
                .filter_map(|i| i.amount.map(|a| (i.name.clone(), a, None)))
                .collect(),
            totals.general_budget_project,
            method,
        );
        let mut figures = Figures {
            project,
            project_economic,
            totals,
            catalog,
            revenue,
            expenditure,
            classes: Structure::new(Vec::new(), Wan::ZERO, method),
            three_public: Structure::new(Vec::new(), Wan::ZERO, method),
            basic,
            numbers,
        };
        let priors = general_budget_prior_by_class(project);
        let classes = general_budget_by_class(project)
            .into_iter()
            .map(|(code, amount)| {
                let prior = priors.get(&code).copied().flatten();
                (figures.class_name(&code), amount, prior)
            })
            .collect();
        figures.classes =
            Structure::new(classes, figures.totals.general_budget_expenditure, method);
        let t = &figures.totals.three_public;
        figures.three_public = Structure::new(
            vec![
                (
                    "因公出国（境）费".into(),
                    project.three_public.overseas.actual.unwrap_or_default(),
                    project.three_public.overseas.prior,
                ),
                (
                    "公务用车购置及运行维护费".into(),
                    t.vehicles_actual,
                    t.vehicles_prior,
                ),
                (
                    "公务接待费".into(),
                    t.reception_actual,
                    project.three_public.reception.prior,
                ),
            ],
            t.actual,
            method,
        );
        figures
    }

    /// The name the narrative uses for the unit: its short name, or its full name.
    pub fn unit_name(&self) -> &str {
        let u = &self.project.unit;
        if u.short_name.trim().is_empty() {
            &u.name
        } else {
            &u.short_name
        }
    }

    /// The accounting year.
    pub fn year(&self) -> i32 {
        self.project.unit.year
    }

    /// The prior year.
    pub fn prior_year(&self) -> i32 {
        self.project.unit.year.saturating_sub(1)
    }

    /// The name of a 类 code: the catalog's, else one the user gave on a line, else the code.
    pub fn class_name(&self, code: &str) -> String {
        self.level_name(code, FunctionalLine::class_code, |n| &n.class)
    }

    /// The name of a 款 code, found the same way.
    pub fn section_name(&self, code: &str) -> String {
        self.level_name(code, FunctionalLine::section_code, |n| &n.section)
    }

    fn level_name(
        &self,
        code: &str,
        level: fn(&FunctionalLine) -> Option<&str>,
        pick: fn(&ClassNames) -> &String,
    ) -> String {
        if let Some(e) = self.catalog.and_then(|c| c.functional(code)) {
            return e.name.clone();
        }
        self.project
            .expenditure
            .lines
            .iter()
            .filter(|l| level(l) == Some(code))
            .find_map(|l| l.names.as_ref().map(|n| pick(n).clone()))
            .unwrap_or_else(|| code.to_owned())
    }

    /// The names of a line: the catalog's for a code it knows, else the user's, else the code.
    pub fn line_names(&self, line: &FunctionalLine) -> LineNames {
        if let Some(path) = self.catalog.and_then(|c| c.class_path(&line.code)) {
            return LineNames {
                class: path.class.name.clone(),
                section: path.section.name.clone(),
                item: path.item.name.clone(),
            };
        }
        match &line.names {
            Some(n) => LineNames {
                class: n.class.clone(),
                section: n.section.clone(),
                item: n.item.clone(),
            },
            None => LineNames {
                class: line
                    .class_code()
                    .map(|c| self.class_name(c))
                    .unwrap_or_default(),
                section: line
                    .section_code()
                    .map(|c| self.section_name(c))
                    .unwrap_or_default(),
                item: line.code.clone(),
            },
        }
    }

    /// The 项 name of a row of 表2 (see [`crate::catalog::revenue_item_name`]); the code when
    /// nobody names it.
    pub fn revenue_line_name(&self, line: &RevenueLine) -> String {
        crate::catalog::revenue_item_name(self.catalog, &self.project.expenditure.lines, line)
            .unwrap_or_else(|| line.code.clone())
    }

    /// The name of a functional code at any level (3, 5 or 7 digits).
    pub fn code_name(&self, code: &str) -> String {
        match code.len() {
            3 => self.class_name(code),
            5 => self.section_name(code),
            _ => self
                .project
                .expenditure
                .lines
                .iter()
                .find(|l| l.code == code)
                .map(|l| self.line_names(l).item)
                .unwrap_or_else(|| code.to_owned()),
        }
    }
}
