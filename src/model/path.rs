//! Field paths: the one name of a value, by which checks, storage errors, the command line and the
//! UI point at it.
//!
//! A [`FieldPath`] is built by the model's own constructors (`FieldPath::revenue(RevenueItem::Other)`,
//! `FieldPath::expenditure_line(2, LineField::Basic)`), each taking the enums of its part of the
//! model, so no code spells a path by hand and a typo cannot compile. Its root is typed
//! ([`Root`]): where a field is edited follows from the root, without looking at text. Its
//! display form is the serde path of the project file (`expenditure.lines[2].basic`), which users
//! and `check --json` see; [`FieldPath::parse`] reads that form back (command line, storage
//! errors). `tests/paths.rs` checks that every path the model lists and every path a rule reports
//! names a real value of the file.

use std::borrow::Cow;
use std::fmt;

use super::{
    AssetField, BalanceSide, Bridge, CarriedField, ControlTotal, CostGroup, CostItemField,
    CostTotalField, ExpenditureField, Fund, FundColumn, GlossaryField, IndicatorField, LineField,
    MeetingsTrainingField, NamedUnitField, PerformanceField, PriorFigure, ProcurementField,
    ProjectField, ProjectFund, PurchasedServicesField, RevenueField, RevenueItem, RevenueLineField,
    RunningField, SectionField, SettingField, Signatory, SpendingField, StaffField,
    ThreePublicField, UnitField, WordingField,
};

/// Declares a field enum: each variant with its key (the serde path below the enum's parent, dots
/// allowed) and its Chinese label, with `ALL`, `key`, `label` and `from_key`.
macro_rules! field_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident => ($key:literal, $label:literal)),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        $vis enum $name {
            $($(#[$vmeta])* $variant),*
        }

        impl $name {
            /// Every variant, in the file's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The serde path of the field below its parent.
            pub const fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key),*
                }
            }

            /// The field's Chinese name.
            pub const fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label),*
                }
            }

            /// The variant whose key is `key`.
            pub fn from_key(key: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.key() == key)
            }
        }
    };
}

pub(crate) use field_enum;

/// The part of the project a path starts in: the first key of the file's `project` object.
/// Control totals and prior-year figures carry which one, since they are edited beside the
/// figures they belong to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Root {
    /// `settings`.
    Settings,
    /// `unit`.
    Unit,
    /// `prior_year`, and which figure when the path names one.
    PriorYear(Option<PriorFigure>),
    /// `revenue`.
    Revenue,
    /// `balances`.
    Balances,
    /// `expenditure`.
    Expenditure,
    /// `basic_costs`.
    BasicCosts,
    /// `three_public`.
    ThreePublic,
    /// `running_costs`.
    RunningCosts,
    /// `meetings_training`.
    MeetingsTraining,
    /// `procurement`.
    Procurement,
    /// `purchased_services`.
    PurchasedServices,
    /// `assets`.
    Assets,
    /// `performance`.
    Performance,
    /// `projects`.
    Projects,
    /// `control_totals`, and which one when the path names one.
    ControlTotals(Option<ControlTotal>),
    /// `glossary`.
    Glossary,
    /// `wording`.
    Wording,
    /// `custom_template`.
    CustomTemplate,
    /// `catalog`.
    Catalog,
    /// `explanations` (出错说明).
    Explanations,
}

impl Root {
    /// The root's key in the file.
    pub fn key(self) -> &'static str {
        match self {
            Root::Settings => "settings",
            Root::Unit => "unit",
            Root::PriorYear(_) => "prior_year",
            Root::Revenue => "revenue",
            Root::Balances => "balances",
            Root::Expenditure => "expenditure",
            Root::BasicCosts => "basic_costs",
            Root::ThreePublic => "three_public",
            Root::RunningCosts => "running_costs",
            Root::MeetingsTraining => "meetings_training",
            Root::Procurement => "procurement",
            Root::PurchasedServices => "purchased_services",
            Root::Assets => "assets",
            Root::Performance => "performance",
            Root::Projects => "projects",
            Root::ControlTotals(_) => "control_totals",
            Root::Glossary => "glossary",
            Root::Wording => "wording",
            Root::CustomTemplate => "custom_template",
            Root::Catalog => "catalog",
            Root::Explanations => "explanations",
        }
    }

    /// Every root, without the figure of `prior_year` and `control_totals`.
    pub const ALL: [Root; 21] = [
        Root::Settings,
        Root::Unit,
        Root::PriorYear(None),
        Root::Revenue,
        Root::Balances,
        Root::Expenditure,
        Root::BasicCosts,
        Root::ThreePublic,
        Root::RunningCosts,
        Root::MeetingsTraining,
        Root::Procurement,
        Root::PurchasedServices,
        Root::Assets,
        Root::Performance,
        Root::Projects,
        Root::ControlTotals(None),
        Root::Glossary,
        Root::Wording,
        Root::CustomTemplate,
        Root::Catalog,
        Root::Explanations,
    ];

    fn from_key(key: &str) -> Option<Root> {
        Root::ALL.into_iter().find(|r| r.key() == key)
    }

    /// The part's Chinese name, for labels.
    pub fn label(self) -> &'static str {
        match self {
            Root::Settings => "项目设置",
            Root::Unit => "单位概况",
            Root::PriorYear(_) => "上年数",
            Root::Revenue => "收入",
            Root::Balances => "结转结余",
            Root::Expenditure => "支出",
            Root::BasicCosts => "基本支出",
            Root::ThreePublic => "“三公”经费",
            Root::RunningCosts => "机关运行经费",
            Root::MeetingsTraining => "会议费、培训费",
            Root::Procurement => "政府采购",
            Root::PurchasedServices => "政府购买服务",
            Root::Assets => "国有资产",
            Root::Performance => "预算绩效管理",
            Root::Projects => "项目支出绩效自评",
            Root::ControlTotals(_) => "报表数",
            Root::Glossary => "名词解释",
            Root::Wording => "自拟段落",
            Root::CustomTemplate => "导入的模板",
            Root::Catalog => "导入的科目表",
            Root::Explanations => "出错说明",
        }
    }
}

/// One step below the root: a field name or a list index.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    /// A field name (or several, joined by dots, as a field enum's key has them).
    Key(Cow<'static, str>),
    /// An index into a list.
    Index(usize),
}

/// The path of one value in a project, as in its JSON file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FieldPath {
    root: Root,
    steps: Vec<Step>,
}

impl FieldPath {
    fn at(root: Root) -> FieldPath {
        FieldPath {
            root,
            steps: Vec::new(),
        }
    }

    fn key(mut self, key: &'static str) -> FieldPath {
        for part in key.split('.') {
            self.steps.push(Step::Key(Cow::Borrowed(part)));
        }
        self
    }

    fn index(mut self, i: usize) -> FieldPath {
        self.steps.push(Step::Index(i));
        self
    }

    /// This path followed by a key read from a file (for walks over the file's JSON).
    pub(crate) fn child_key(&self, key: &str) -> FieldPath {
        let mut path = self.clone();
        path.steps.push(Step::Key(Cow::Owned(key.to_owned())));
        path
    }

    /// This path followed by a list index (for walks over the file's JSON).
    pub(crate) fn child_index(&self, i: usize) -> FieldPath {
        self.clone().index(i)
    }

    /// The whole of a part of the project (`revenue`, `expenditure`, …).
    pub fn part(root: Root) -> FieldPath {
        FieldPath::at(root)
    }

    /// `settings.…`.
    pub fn setting(field: SettingField) -> FieldPath {
        FieldPath::at(Root::Settings).key(field.key())
    }

    /// `unit.…`.
    pub fn unit(field: UnitField) -> FieldPath {
        FieldPath::at(Root::Unit).key(field.key())
    }

    /// One entry of a list of texts of `unit` (a duty, an internal office): `unit.duties[3]`.
    pub fn unit_entry(list: UnitField, i: usize) -> FieldPath {
        FieldPath::unit(list).index(i)
    }

    /// A field of an attached or a subordinate unit: `unit.attached_units[0].name`.
    pub fn named_unit(list: UnitField, i: usize, field: NamedUnitField) -> FieldPath {
        FieldPath::unit(list).index(i).key(field.key())
    }

    /// A field of one staffed body: `unit.staffing[0].posts`.
    pub fn staffing(i: usize, field: StaffField) -> FieldPath {
        FieldPath::unit(UnitField::Staffing)
            .index(i)
            .key(field.key())
    }

    /// A signatory: `unit.signatories.head`.
    pub fn signatory(who: Signatory) -> FieldPath {
        FieldPath::unit(UnitField::Signatories).key(who.key())
    }

    /// A prior-year figure: `prior_year.total_revenue`.
    pub fn prior_year(figure: PriorFigure) -> FieldPath {
        FieldPath::at(Root::PriorYear(Some(figure))).key(figure.key())
    }

    /// One of the eight sources of 本年收入: `revenue.general_budget`.
    pub fn revenue(item: RevenueItem) -> FieldPath {
        FieldPath::at(Root::Revenue).key(item.key())
    }

    /// Another field of 收入: `revenue.change_reason`, `revenue.by_function`.
    pub fn revenue_field(field: RevenueField) -> FieldPath {
        FieldPath::at(Root::Revenue).key(field.key())
    }

    /// A cell of a row of 表2: `revenue.by_function[0].appropriation`.
    pub fn revenue_line(i: usize, field: RevenueLineField) -> FieldPath {
        FieldPath::revenue_field(RevenueField::ByFunction)
            .index(i)
            .key(field.key())
    }

    /// A row of 表2 as a whole: `revenue.by_function[0]`.
    pub fn revenue_row(i: usize) -> FieldPath {
        FieldPath::revenue_field(RevenueField::ByFunction).index(i)
    }

    /// A fund's balance as a whole: `balances.general_budget`.
    pub fn fund_balance(fund: Fund) -> FieldPath {
        FieldPath::at(Root::Balances).key(fund.key())
    }

    /// A fund's opening, closing or last year's closing balance: `balances.general_budget.opening`.
    pub fn balance(fund: Fund, side: BalanceSide) -> FieldPath {
        FieldPath::fund_balance(fund).key(side.key())
    }

    /// A field of the carried-over opening balances: `balances.carried.unlock_reason`.
    pub fn carried(field: CarriedField) -> FieldPath {
        FieldPath::at(Root::Balances).key(field.key())
    }

    /// A bridge item between 本年 and 总计: `balances.surplus_distribution`.
    pub fn bridge(item: Bridge) -> FieldPath {
        FieldPath::at(Root::Balances).key(item.key())
    }

    /// A field of 支出 itself: `expenditure.lines`, `expenditure.general_budget_change_reason`.
    pub fn expenditure(field: ExpenditureField) -> FieldPath {
        FieldPath::at(Root::Expenditure).key(field.key())
    }

    /// A line of the 支出决算表 as a whole: `expenditure.lines[2]`.
    pub fn expenditure_row(i: usize) -> FieldPath {
        FieldPath::expenditure(ExpenditureField::Lines).index(i)
    }

    /// A cell of a line of the 支出决算表: `expenditure.lines[2].basic`.
    pub fn expenditure_line(i: usize, field: LineField) -> FieldPath {
        FieldPath::expenditure_row(i).key(field.key())
    }

    /// An economic-classification item of 一般公共预算财政拨款项目支出:
    /// `expenditure.project_economic[3].amount`.
    pub fn project_economic(i: usize, field: CostItemField) -> FieldPath {
        FieldPath::expenditure(ExpenditureField::ProjectEconomic)
            .index(i)
            .key(field.key())
    }

    /// 人员经费 or 公用经费 as a whole: `basic_costs.personnel`.
    pub fn cost_group(group: CostGroup) -> FieldPath {
        FieldPath::at(Root::BasicCosts).key(group.key())
    }

    /// The total of a group entered as one amount: `basic_costs.public.total.amount`.
    pub fn cost_total(group: CostGroup, field: CostTotalField) -> FieldPath {
        FieldPath::cost_group(group).key(field.key())
    }

    /// The items of a group entered by 经济分类: `basic_costs.public.items`.
    pub fn cost_items(group: CostGroup) -> FieldPath {
        FieldPath::cost_group(group).key("items")
    }

    /// An economic-classification item of a group: `basic_costs.public.items[3].amount`.
    pub fn cost_item(group: CostGroup, i: usize, field: CostItemField) -> FieldPath {
        FieldPath::cost_items(group).index(i).key(field.key())
    }

    /// A field of "三公"经费: `three_public.reception.domestic.batches`.
    pub fn three_public(field: ThreePublicField) -> FieldPath {
        FieldPath::at(Root::ThreePublic).key(field.key())
    }

    /// A field of 机关运行经费: `running_costs.amount`.
    pub fn running_costs(field: RunningField) -> FieldPath {
        FieldPath::at(Root::RunningCosts).key(field.key())
    }

    /// A field of 会议费 and 培训费: `meetings_training.training.people`.
    pub fn meetings_training(field: MeetingsTrainingField) -> FieldPath {
        FieldPath::at(Root::MeetingsTraining).key(field.key())
    }

    /// A field of 政府采购: `procurement.goods`.
    pub fn procurement(field: ProcurementField) -> FieldPath {
        FieldPath::at(Root::Procurement).key(field.key())
    }

    /// A field of 政府购买服务: `purchased_services.amount`.
    pub fn purchased_services(field: PurchasedServicesField) -> FieldPath {
        FieldPath::at(Root::PurchasedServices).key(field.key())
    }

    /// A field of 国有资产: `assets.vehicles.other`.
    pub fn assets(field: AssetField) -> FieldPath {
        FieldPath::at(Root::Assets).key(field.key())
    }

    /// A field of 预算绩效管理 and 部门自评: `performance.department.score`.
    pub fn performance(field: PerformanceField) -> FieldPath {
        FieldPath::at(Root::Performance).key(field.key())
    }

    /// A field of a section of the department report: `performance.department.sections[0].heading`.
    pub fn department_section(i: usize, field: SectionField) -> FieldPath {
        FieldPath::performance(PerformanceField::Sections)
            .index(i)
            .key(field.key())
    }

    /// A project's self-assessment as a whole: `projects[0]`.
    pub fn project_row(i: usize) -> FieldPath {
        FieldPath::at(Root::Projects).index(i)
    }

    /// A field of a project's self-assessment: `projects[0].name`.
    pub fn project(i: usize, field: ProjectField) -> FieldPath {
        FieldPath::project_row(i).key(field.key())
    }

    /// A cell of a project's 预算执行 block: `projects[0].funds.fiscal.executed`.
    pub fn project_fund(i: usize, fund: ProjectFund, column: FundColumn) -> FieldPath {
        FieldPath::project(i, ProjectField::Funds)
            .key(fund.key())
            .key(column.key())
    }

    /// An indicator as a whole: `projects[0].indicators[3]`.
    pub fn indicator_row(i: usize, j: usize) -> FieldPath {
        FieldPath::project(i, ProjectField::Indicators).index(j)
    }

    /// A cell of an indicator: `projects[0].indicators[3].actual`.
    pub fn indicator(i: usize, j: usize, field: IndicatorField) -> FieldPath {
        FieldPath::indicator_row(i, j).key(field.key())
    }

    /// An item of a project's spending: `projects[0].spending[2].amount`.
    pub fn spending(i: usize, j: usize, field: SpendingField) -> FieldPath {
        FieldPath::project(i, ProjectField::Spending)
            .index(j)
            .key(field.key())
    }

    /// A section of a project's report: `projects[0].report_sections[1].paragraphs`.
    pub fn report_section(i: usize, j: usize, field: SectionField) -> FieldPath {
        FieldPath::project(i, ProjectField::ReportSections)
            .index(j)
            .key(field.key())
    }

    /// A 报表数: `control_totals.basic`.
    pub fn control_total(total: ControlTotal) -> FieldPath {
        FieldPath::at(Root::ControlTotals(Some(total))).key(total.key())
    }

    /// A field of a glossary entry: `glossary[0].definition`.
    pub fn glossary(i: usize, field: GlossaryField) -> FieldPath {
        FieldPath::at(Root::Glossary).index(i).key(field.key())
    }

    /// A field of the clerk's own wording of a paragraph: `wording[0].text`.
    pub fn wording(i: usize, field: WordingField) -> FieldPath {
        FieldPath::at(Root::Wording).index(i).key(field.key())
    }

    /// The text of the template imported into the project: `custom_template`.
    pub fn custom_template() -> FieldPath {
        FieldPath::at(Root::CustomTemplate)
    }

    /// The 科目表 imported into the project: `catalog`.
    pub fn catalog() -> FieldPath {
        FieldPath::at(Root::Catalog)
    }

    /// The part of the project the path is in.
    pub fn root(&self) -> Root {
        self.root
    }

    /// The steps below the root.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// The row of the 支出决算表 the path is in, if it is in one.
    pub fn expenditure_line_index(&self) -> Option<usize> {
        self.list_index(Root::Expenditure, ExpenditureField::Lines.key())
    }

    /// The row of 表2 the path is in, if it is in one.
    pub fn revenue_line_index(&self) -> Option<usize> {
        self.list_index(Root::Revenue, RevenueField::ByFunction.key())
    }

    /// The project self-assessment the path is in, if it is in one.
    pub fn project_index(&self) -> Option<usize> {
        match (self.root, self.steps.first()) {
            (Root::Projects, Some(Step::Index(i))) => Some(*i),
            _ => None,
        }
    }

    fn list_index(&self, root: Root, list: &str) -> Option<usize> {
        match (self.root == root, self.steps.as_slice()) {
            (true, [Step::Key(k), Step::Index(i), ..]) if k == list => Some(*i),
            _ => None,
        }
    }

    /// The path this one is directly inside (`a.b[1]` for `a.b[1].c`); `None` for a part.
    pub fn parent(&self) -> Option<FieldPath> {
        let mut parent = self.clone();
        parent.steps.pop()?;
        Some(parent)
    }

    /// The value this path names in `project`, the project as JSON (as serialized); `None` when
    /// the project has no such value (a list too short, a key it does not have).
    pub fn locate<'v>(&self, project: &'v serde_json::Value) -> Option<&'v serde_json::Value> {
        let mut at = project.get(self.root.key())?;
        for step in &self.steps {
            at = match step {
                Step::Key(k) => at.get(k.as_ref())?,
                Step::Index(i) => at.get(*i)?,
            };
        }
        Some(at)
    }

    /// The value this path names in `project`, to replace.
    pub fn locate_mut<'v>(
        &self,
        project: &'v mut serde_json::Value,
    ) -> Option<&'v mut serde_json::Value> {
        let mut at = project.get_mut(self.root.key())?;
        for step in &self.steps {
            at = match step {
                Step::Key(k) => at.get_mut(k.as_ref())?,
                Step::Index(i) => at.get_mut(*i)?,
            };
        }
        Some(at)
    }

    /// Whether this path is `other` or lies inside it (`a.b[1].c` is inside `a.b[1]` and `a.b`).
    pub fn is_within(&self, other: &FieldPath) -> bool {
        self.root.key() == other.root.key() && self.steps.starts_with(&other.steps)
    }

    /// Reads the display form back. The root must be a part of the project; the steps below it
    /// are taken as written (whether they name a value is for the project to say).
    pub fn parse(text: &str) -> Result<FieldPath, PathError> {
        let text = text.trim();
        let bad = || PathError::Syntax(text.to_owned());
        let mut steps = Vec::new();
        let mut rest = text;
        let mut first = None;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('[') {
                let (number, tail) = after.split_once(']').ok_or_else(bad)?;
                let i: usize = number.parse().map_err(|_| bad())?;
                steps.push(Step::Index(i));
                rest = tail.strip_prefix('.').unwrap_or(tail);
                if tail.starts_with('.') && rest.is_empty() {
                    return Err(bad());
                }
                continue;
            }
            let end = rest.find(['.', '[']).unwrap_or(rest.len());
            let name = &rest[..end];
            let valid = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !valid {
                return Err(bad());
            }
            if first.is_none() {
                first = Some(name);
            } else {
                steps.push(Step::Key(Cow::Owned(name.to_owned())));
            }
            rest = &rest[end..];
            if let Some(tail) = rest.strip_prefix('.') {
                if tail.is_empty() {
                    return Err(bad());
                }
                rest = tail;
            }
        }
        let first = first.ok_or_else(bad)?;
        let root = Root::from_key(first).ok_or_else(|| PathError::UnknownPart(first.to_owned()))?;
        let leaf = match steps.first() {
            Some(Step::Key(k)) => Some(k.as_ref()),
            _ => None,
        };
        let root = match root {
            Root::PriorYear(_) => Root::PriorYear(leaf.and_then(PriorFigure::from_key)),
            Root::ControlTotals(_) => Root::ControlTotals(leaf.and_then(ControlTotal::from_key)),
            other => other,
        };
        Ok(FieldPath { root, steps })
    }
}

/// Why a text is not a field path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathError {
    /// Not of the form `a.b[1].c`.
    Syntax(String),
    /// The first name is not a part of a project.
    UnknownPart(String),
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PathError::Syntax(t) => write!(
                f,
                "“{t}”不是字段路径：应写作 revenue.general_budget 或 expenditure.lines[0].basic 的形式"
            ),
            PathError::UnknownPart(t) => {
                let parts: Vec<&str> = Root::ALL.iter().map(|r| r.key()).collect();
                write!(f, "项目中没有“{t}”这一部分，可用：{}", parts.join("、"))
            }
        }
    }
}

impl std::error::Error for PathError {}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.root.key())?;
        for step in &self.steps {
            match step {
                Step::Key(k) => write!(f, ".{k}")?,
                Step::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

impl serde::Serialize for FieldPath {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for FieldPath {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        FieldPath::parse(&text).map_err(|e| serde::de::Error::custom(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_display_as_json_paths_and_parse_back() {
        let p = FieldPath::expenditure_line(2, LineField::Basic);
        assert_eq!(p.to_string(), "expenditure.lines[2].basic");
        assert_eq!(FieldPath::parse("expenditure.lines[2].basic").unwrap(), p);
        assert!(p.is_within(&FieldPath::expenditure_row(2)));
        assert!(p.is_within(&FieldPath::expenditure(ExpenditureField::Lines)));
        assert!(!p.is_within(&FieldPath::expenditure_row(20)));
        assert_eq!(p.expenditure_line_index(), Some(2));
        let t = FieldPath::three_public(ThreePublicField::DomesticBatches);
        assert_eq!(t.to_string(), "three_public.reception.domestic.batches");
        assert_eq!(FieldPath::parse(&t.to_string()).unwrap(), t);
        let c = FieldPath::control_total(ControlTotal::ThreePublic);
        assert_eq!(
            FieldPath::parse("control_totals.three_public")
                .unwrap()
                .root(),
            c.root()
        );
    }

    #[test]
    fn malformed_paths_are_refused_in_chinese() {
        for bad in [
            "",
            "revenue.",
            "revenue..x",
            "lines[x]",
            "revenue[",
            "Revenue",
            "收入",
        ] {
            assert!(FieldPath::parse(bad).is_err(), "{bad:?}");
        }
        let e = FieldPath::parse("revenu.other").unwrap_err();
        assert!(e.to_string().contains("revenue"), "{e}");
    }
}
