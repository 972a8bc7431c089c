//! The tabs of the window, and which tab edits a field.

use crate::model::{ControlTotal, FieldPath, PriorFigure, Root};

/// The tabs, in the order the clerk works through them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// 单位概况.
    Unit,
    /// 收入 (and balances).
    Revenue,
    /// 支出.
    Expenditure,
    /// 人员/公用经费.
    BasicCosts,
    /// 三公与运行经费.
    ThreePublic,
    /// 政府采购.
    Procurement,
    /// 国有资产.
    Assets,
    /// 绩效.
    Performance,
    /// 情况说明 (the generated document).
    Document,
    /// 部门汇总: a department's members (shown only for a department's project).
    Department,
}

/// Where a field is edited: a tab, or the project settings dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// A tab.
    Tab(Tab),
    /// 项目设置….
    Settings,
}

impl Tab {
    /// The tabs every project has, in order ([`Tab::Department`] follows for a department).
    pub const ALL: [Tab; 9] = [
        Tab::Unit,
        Tab::Revenue,
        Tab::Expenditure,
        Tab::BasicCosts,
        Tab::ThreePublic,
        Tab::Procurement,
        Tab::Assets,
        Tab::Performance,
        Tab::Document,
    ];

    /// The tab's label.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Unit => "单位概况",
            Tab::Revenue => "收入",
            Tab::Expenditure => "支出",
            Tab::BasicCosts => "人员/公用经费",
            Tab::ThreePublic => "三公与运行经费",
            Tab::Procurement => "政府采购",
            Tab::Assets => "国有资产",
            Tab::Performance => "绩效",
            Tab::Document => "情况说明",
            Tab::Department => "部门汇总",
        }
    }

    /// Where the field at `path` is edited, from the path's typed root.
    pub fn of(path: &FieldPath) -> Place {
        let tab = match path.root() {
            Root::Settings => return Place::Settings,
            Root::Unit => Tab::Unit,
            Root::Revenue | Root::Balances => Tab::Revenue,
            Root::PriorYear(figure) => match figure {
                None => Tab::Revenue,
                Some(f) => prior_tab(f),
            },
            Root::ControlTotals(total) => match total {
                None
                | Some(
                    ControlTotal::TotalRevenue
                    | ControlTotal::TotalExpenditure
                    | ControlTotal::RevenueThisYear,
                ) => Tab::Revenue,
                Some(
                    ControlTotal::ExpenditureThisYear
                    | ControlTotal::Basic
                    | ControlTotal::Project
                    | ControlTotal::AppropriationRevenue
                    | ControlTotal::AppropriationExpenditure
                    | ControlTotal::GeneralBudgetExpenditure,
                ) => Tab::Expenditure,
                Some(ControlTotal::GeneralBudgetBasic) => Tab::BasicCosts,
                Some(ControlTotal::ThreePublic) => Tab::ThreePublic,
            },
            // The codes are entered on the 支出 tab, where the 科目表 is imported.
            Root::Expenditure | Root::Catalog => Tab::Expenditure,
            Root::BasicCosts => Tab::BasicCosts,
            Root::ThreePublic | Root::RunningCosts | Root::MeetingsTraining => Tab::ThreePublic,
            Root::Procurement | Root::PurchasedServices => Tab::Procurement,
            Root::Assets => Tab::Assets,
            Root::Performance | Root::Projects => Tab::Performance,
            Root::Glossary | Root::Wording | Root::CustomTemplate | Root::Explanations => {
                Tab::Document
            }
        };
        Place::Tab(tab)
    }
}

/// The tab where a prior-year figure is entered: beside the figure it is last year's of.
fn prior_tab(figure: PriorFigure) -> Tab {
    use PriorFigure as F;
    match figure {
        F::TotalRevenue
        | F::TotalExpenditure
        | F::RevenueThisYear
        | F::GeneralBudgetRevenue
        | F::GovernmentFundRevenue
        | F::StateCapitalRevenue
        | F::HigherLevelGrants
        | F::Operations
        | F::BusinessRevenue
        | F::FromSubsidiaries
        | F::OtherRevenue => Tab::Revenue,
        F::ExpenditureThisYear
        | F::Basic
        | F::Project
        | F::Remitted
        | F::BusinessExpenditure
        | F::Subsidies
        | F::AppropriationRevenue
        | F::AppropriationExpenditure
        | F::AppropriationRevenueThisYear
        | F::AppropriationExpenditureThisYear
        | F::GeneralBudgetExpenditure
        | F::GovernmentFundExpenditure
        | F::StateCapitalExpenditure => Tab::Expenditure,
        F::GeneralBudgetBasic | F::Personnel | F::PublicCosts => Tab::BasicCosts,
        F::Procurement => Tab::Procurement,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::example;
    use crate::model::{CostEntry, GlossaryEntry, OwnWording};

    #[test]
    fn every_field_has_a_place_to_edit_it() {
        let mut project = example().unwrap();
        project.basic_costs.public = CostEntry::Items(Vec::new());
        project.glossary.push(GlossaryEntry::default());
        project.wording.push(OwnWording::default());
        for field in project.fields() {
            let place = Tab::of(&field.path);
            let root = field.path.root();
            match place {
                Place::Settings => assert_eq!(root, Root::Settings, "{}", field.path),
                Place::Tab(Tab::Document) => assert!(
                    matches!(root, Root::Glossary | Root::Wording | Root::CustomTemplate),
                    "{} falls back",
                    field.path
                ),
                Place::Tab(_) => assert!(
                    !matches!(
                        root,
                        Root::Settings | Root::Glossary | Root::Wording | Root::CustomTemplate
                    ),
                    "{}",
                    field.path
                ),
            }
        }
    }

    #[test]
    fn control_totals_and_prior_figures_go_where_their_figures_are() {
        use crate::model::{ControlTotal, PriorFigure};
        let cases = [
            (
                FieldPath::control_total(ControlTotal::RevenueThisYear),
                Tab::Revenue,
            ),
            (
                FieldPath::control_total(ControlTotal::Basic),
                Tab::Expenditure,
            ),
            (
                FieldPath::control_total(ControlTotal::GeneralBudgetBasic),
                Tab::BasicCosts,
            ),
            (
                FieldPath::control_total(ControlTotal::ThreePublic),
                Tab::ThreePublic,
            ),
            (
                FieldPath::prior_year(PriorFigure::TotalRevenue),
                Tab::Revenue,
            ),
            (
                FieldPath::prior_year(PriorFigure::GeneralBudgetExpenditure),
                Tab::Expenditure,
            ),
        ];
        for (path, tab) in cases {
            assert_eq!(Tab::of(&path), Place::Tab(tab), "{path}");
            let parsed = FieldPath::parse(&path.to_string()).unwrap();
            assert_eq!(Tab::of(&parsed), Place::Tab(tab), "parsed {path}");
        }
    }
}
