//! Every editable value of a project with its field path, its Chinese label and its kind: what
//! validation, the checks, `juesuan paths/get/set` and the path tests walk.

use rust_decimal::Decimal;

use super::path::Root;
use super::{
    AssetField, BalanceSide, Bridge, CarriedField, ControlTotal, CostEntry, CostGroup,
    CostItemField, CostTotalField, ExpenditureField, FieldPath, Fund, FundColumn, GlossaryField,
    IndicatorField, LineField, NamedUnitField, Nature, PerformanceField, PriorFigure,
    ProcurementField, Project, ProjectField, ProjectFund, PurchasedServicesField, REVENUE_SOURCES,
    RevenueField, RevenueItem, RevenueLineField, RunningField, SectionField, SettingField,
    Signatory, SpendingField, StaffField, ThreePublicField, UnitField, WordingField,
};
use crate::money::Wan;

/// What kind of value a field holds, so that every way of changing it parses it alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// An amount in 万元; `optional` when empty means "not entered", `signed` when it may be
    /// below zero (balances).
    Amount {
        /// Empty is allowed (not entered).
        optional: bool,
        /// Negative is allowed.
        signed: bool,
    },
    /// A whole number of zero or more; empty means "not entered".
    Count,
    /// The accounting year.
    Year,
    /// A calendar date that may be empty.
    Date,
    /// A text.
    Text,
    /// A text that may be absent (an indicator's 完成值 not filled in yet): empty means absent.
    OptionalText,
    /// A list of texts, one per line.
    Lines,
    /// A decimal number (weights, scores, rates); `optional` when it may be empty.
    Decimal {
        /// Empty is allowed.
        optional: bool,
    },
    /// One of a fixed set of values, as the file writes them.
    Choice(&'static [&'static str]),
}

/// A field's current value, as the walk found it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldValue<'a> {
    /// An amount, `None` when not entered.
    Amount(Option<Wan>),
    /// A count, `None` when not entered.
    Count(Option<u32>),
    /// A year.
    Year(i32),
    /// A date, `None` when not entered.
    Date(Option<super::Date>),
    /// A text.
    Text(&'a str),
    /// A list of texts.
    Lines(&'a [String]),
    /// A decimal, `None` when empty.
    Decimal(Option<Decimal>),
    /// A choice, as the file writes it.
    Choice(String),
}

/// One editable value of a project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldInfo<'a> {
    /// Its path.
    pub path: FieldPath,
    /// Its Chinese name, with the row it is in (支出第3行 基本支出).
    pub label: String,
    /// What it holds.
    pub kind: FieldKind,
    /// What it holds now.
    pub value: FieldValue<'a>,
}

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

const OPTIONAL: FieldKind = FieldKind::Amount {
    optional: true,
    signed: false,
};
const SIGNED: FieldKind = FieldKind::Amount {
    optional: false,
    signed: true,
};
const SIGNED_OPTIONAL: FieldKind = FieldKind::Amount {
    optional: true,
    signed: true,
};

/// The values a choice field may take, as the file writes them.
fn choices<T: serde::Serialize>(values: &[T]) -> Vec<String> {
    values
        .iter()
        .filter_map(|v| serde_json::to_value(v).ok())
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect()
}

/// The file's form of a choice.
fn choice<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

struct Walk<'a> {
    fields: Vec<FieldInfo<'a>>,
    /// Only the clerk's texts are wanted (`Project::text_fields`): other values are dropped,
    /// and the loops over many rows skip making their paths and labels.
    texts_only: bool,
}

impl<'a> Walk<'a> {
    fn add(&mut self, path: FieldPath, label: String, kind: FieldKind, value: FieldValue<'a>) {
        if self.texts_only && !matches!(value, FieldValue::Text(_) | FieldValue::Lines(_)) {
            return;
        }
        self.fields.push(FieldInfo {
            path,
            label,
            kind,
            value,
        });
    }

    /// Whether values other than texts are wanted.
    fn wants_values(&self) -> bool {
        !self.texts_only
    }

    /// An amount of the year, or any other that may be left empty (not entered).
    fn amount(&mut self, path: FieldPath, label: String, value: Option<Wan>) {
        self.add(path, label, OPTIONAL, FieldValue::Amount(value));
    }

    fn text(&mut self, path: FieldPath, label: String, value: &'a str) {
        self.add(path, label, FieldKind::Text, FieldValue::Text(value));
    }

    fn lines(&mut self, path: FieldPath, label: String, value: &'a [String]) {
        self.add(path, label, FieldKind::Lines, FieldValue::Lines(value));
    }

    /// A count, which may be left empty (not entered).
    fn count(&mut self, path: FieldPath, label: String, value: Option<u32>) {
        self.add(path, label, FieldKind::Count, FieldValue::Count(value));
    }

    fn decimal(&mut self, path: FieldPath, label: String, value: Option<Decimal>, optional: bool) {
        self.add(
            path,
            label,
            FieldKind::Decimal { optional },
            FieldValue::Decimal(value),
        );
    }

    fn choice(
        &mut self,
        path: FieldPath,
        label: String,
        allowed: &'static [&'static str],
        value: String,
    ) {
        self.add(
            path,
            label,
            FieldKind::Choice(allowed),
            FieldValue::Choice(value),
        );
    }
}

/// The file forms of each choice field, computed once from the enums' serde names.
struct ChoiceSets {
    entry_unit: &'static [&'static str],
    share_rounding: &'static [&'static str],
    tolerance: &'static [&'static str],
    share_decimals: &'static [&'static str],
    unit_kind: &'static [&'static str],
    disclosure: &'static [&'static str],
    fund: &'static [&'static str],
    indicator_kind: &'static [&'static str],
    indicator_nature: &'static [&'static str],
}

fn leak(values: Vec<String>) -> &'static [&'static str] {
    let strs: Vec<&'static str> = values
        .into_iter()
        .map(|s| &*Box::leak(s.into_boxed_str()))
        .collect();
    Box::leak(strs.into_boxed_slice())
}

fn choice_sets() -> &'static ChoiceSets {
    use super::{
        IndicatorKind, IndicatorNature, ShareDecimals, ShareRounding, Tolerance, UnitKind,
    };
    use crate::money::EntryUnit;
    static SETS: std::sync::OnceLock<ChoiceSets> = std::sync::OnceLock::new();
    SETS.get_or_init(|| ChoiceSets {
        entry_unit: leak(choices(&[EntryUnit::Wan, EntryUnit::Yuan])),
        share_rounding: leak(choices(&[
            ShareRounding::Independent,
            ShareRounding::LargestRemainder,
        ])),
        tolerance: leak(choices(&[Tolerance::Exact, Tolerance::CentPerItem])),
        share_decimals: leak(choices(&[
            ShareDecimals::Template,
            ShareDecimals::Zero,
            ShareDecimals::One,
            ShareDecimals::Two,
        ])),
        disclosure: leak(choices(&[
            super::Disclosure::Department,
            super::Disclosure::Unit,
        ])),
        unit_kind: leak(choices(&[
            UnitKind::Administrative,
            UnitKind::CivilServiceManaged,
            UnitKind::PublicService,
        ])),
        fund: leak(choices(&Fund::ALL)),
        indicator_kind: leak(choices(&[
            IndicatorKind::Output,
            IndicatorKind::Effect,
            IndicatorKind::Satisfaction,
            IndicatorKind::Cost,
        ])),
        indicator_nature: leak(choices(&[
            IndicatorNature::AtLeast,
            IndicatorNature::AtMost,
            IndicatorNature::Equal,
            IndicatorNature::Qualitative,
        ])),
    })
}

impl Project {
    /// Every editable value (not the computed totals), in file order.
    pub fn fields(&self) -> Vec<FieldInfo<'_>> {
        self.walk(false)
    }

    /// The fields of [`Project::fields`] that hold the clerk's texts (a text or a list of
    /// lines), in the same order: what the rules over the clerk's words read, without the cost
    /// of naming every amount.
    pub fn text_fields(&self) -> Vec<FieldInfo<'_>> {
        self.walk(true)
    }

    fn walk(&self, texts_only: bool) -> Vec<FieldInfo<'_>> {
        let mut w = Walk {
            fields: Vec::new(),
            texts_only,
        };
        let sets = choice_sets();
        let s = &self.settings;
        w.choice(
            FieldPath::setting(SettingField::EntryUnit),
            SettingField::EntryUnit.label().into(),
            sets.entry_unit,
            choice(&s.entry_unit),
        );
        w.choice(
            FieldPath::setting(SettingField::ShareRounding),
            SettingField::ShareRounding.label().into(),
            sets.share_rounding,
            choice(&s.share_rounding),
        );
        w.choice(
            FieldPath::setting(SettingField::Tolerance),
            SettingField::Tolerance.label().into(),
            sets.tolerance,
            choice(&s.tolerance),
        );
        w.choice(
            FieldPath::setting(SettingField::ShareDecimals),
            SettingField::ShareDecimals.label().into(),
            sets.share_decimals,
            choice(&s.share_decimals),
        );
        w.add(
            FieldPath::setting(SettingField::Template),
            SettingField::Template.label().into(),
            FieldKind::OptionalText,
            FieldValue::Text(s.template.as_deref().unwrap_or("")),
        );
        self.unit_fields(&mut w, sets);
        for f in PriorFigure::ALL {
            w.amount(
                FieldPath::prior_year(*f),
                f.label().into(),
                f.of(&self.prior_year),
            );
        }
        self.money_fields(&mut w, sets);
        self.three_public_fields(&mut w);
        self.other_matters_fields(&mut w);
        self.performance_fields(&mut w, sets);
        for t in ControlTotal::ALL {
            w.amount(
                FieldPath::control_total(*t),
                t.label().into(),
                t.of(&self.control_totals),
            );
        }
        for (i, g) in self.glossary.iter().enumerate() {
            let row = format!("名词解释第{}条", i + 1);
            w.text(
                FieldPath::glossary(i, GlossaryField::Term),
                format!("{row}{}", GlossaryField::Term.label()),
                &g.term,
            );
            w.text(
                FieldPath::glossary(i, GlossaryField::Definition),
                format!("{row}{}", GlossaryField::Definition.label()),
                &g.definition,
            );
        }
        for (i, own) in self.wording.iter().enumerate() {
            let row = format!("自拟段落第{}条", i + 1);
            for (field, value) in [
                (WordingField::Template, &own.template),
                (WordingField::Paragraph, &own.paragraph),
                (WordingField::Text, &own.text),
            ] {
                w.text(
                    FieldPath::wording(i, field),
                    format!("{row}{}", field.label()),
                    value,
                );
            }
        }
        // Present only once a template was imported (`juesuan template import`, 导入模板).
        if let Some(text) = &self.custom_template {
            w.add(
                FieldPath::custom_template(),
                Root::CustomTemplate.label().into(),
                FieldKind::OptionalText,
                FieldValue::Text(text),
            );
        }
        w.fields
    }

    fn unit_fields<'a>(&'a self, w: &mut Walk<'a>, sets: &ChoiceSets) {
        let u = &self.unit;
        for (field, value) in [
            (UnitField::Name, &u.name),
            (UnitField::ShortName, &u.short_name),
            (UnitField::SupervisingDepartment, &u.supervising_department),
        ] {
            w.text(FieldPath::unit(field), field.label().into(), value);
        }
        w.add(
            FieldPath::unit(UnitField::Year),
            UnitField::Year.label().into(),
            FieldKind::Year,
            FieldValue::Year(u.year),
        );
        w.choice(
            FieldPath::unit(UnitField::Kind),
            UnitField::Kind.label().into(),
            sets.unit_kind,
            choice(&u.kind),
        );
        w.choice(
            FieldPath::unit(UnitField::Disclosure),
            UnitField::Disclosure.label().into(),
            sets.disclosure,
            choice(&u.disclosure),
        );
        for (field, value) in [
            (UnitField::ApprovalDate, u.approval_date),
            (UnitField::PublicationDate, u.publication_date),
        ] {
            w.add(
                FieldPath::unit(field),
                field.label().into(),
                FieldKind::Date,
                FieldValue::Date(value),
            );
        }
        w.lines(
            FieldPath::unit(UnitField::Duties),
            UnitField::Duties.label().into(),
            &u.duties,
        );
        w.lines(
            FieldPath::unit(UnitField::InternalOffices),
            UnitField::InternalOffices.label().into(),
            &u.internal_offices,
        );
        for (i, a) in u.attached_units.iter().enumerate() {
            let list = UnitField::AttachedUnits;
            let row = format!("下设机构第{}个", i + 1);
            w.text(
                FieldPath::named_unit(list, i, NamedUnitField::Name),
                format!("{row}名称"),
                &a.name,
            );
            w.text(
                FieldPath::named_unit(list, i, NamedUnitField::Kind),
                format!("{row}性质"),
                &a.kind,
            );
        }
        for (i, a) in u.subordinate_units.iter().enumerate() {
            let list = UnitField::SubordinateUnits;
            let row = format!("二级预算单位第{}个", i + 1);
            w.text(
                FieldPath::named_unit(list, i, NamedUnitField::Name),
                format!("{row}名称"),
                &a.name,
            );
            w.choice(
                FieldPath::named_unit(list, i, NamedUnitField::Kind),
                format!("{row}性质"),
                sets.unit_kind,
                choice(&a.kind),
            );
        }
        for (i, b) in u.staffing.iter().enumerate() {
            let row = format!("人员编制第{}行", i + 1);
            w.text(
                FieldPath::staffing(i, StaffField::Body),
                format!("{row}{}", StaffField::Body.label()),
                &b.body,
            );
            w.text(
                FieldPath::staffing(i, StaffField::PostKind),
                format!("{row}{}", StaffField::PostKind.label()),
                &b.post_kind,
            );
            w.count(
                FieldPath::staffing(i, StaffField::Posts),
                format!("{row}{}", StaffField::Posts.label()),
                b.posts,
            );
            for (field, value) in [
                (StaffField::Staff, b.staff),
                (StaffField::Retired, b.retired),
                (StaffField::VeteranRetired, b.veteran_retired),
            ] {
                w.count(
                    FieldPath::staffing(i, field),
                    format!("{row}{}", field.label()),
                    value,
                );
            }
        }
        for (field, value) in u.staff_by_post.counts() {
            w.count(FieldPath::unit(field), field.label().into(), value);
        }
        for who in Signatory::ALL {
            w.text(
                FieldPath::signatory(*who),
                who.label().into(),
                who.of(&u.signatories),
            );
        }
    }

    fn money_fields<'a>(&'a self, w: &mut Walk<'a>, sets: &ChoiceSets) {
        let r = &self.revenue;
        for item in RevenueItem::ALL {
            w.amount(
                FieldPath::revenue(*item),
                item.label().into(),
                item.entered(r),
            );
        }
        w.text(
            FieldPath::revenue_field(RevenueField::ChangeReason),
            RevenueField::ChangeReason.label().into(),
            &r.change_reason,
        );
        for (i, line) in r.by_function.iter().enumerate() {
            let row = format!("收入决算表第{}行", i + 1);
            w.text(
                FieldPath::revenue_line(i, RevenueLineField::Code),
                format!("{row}科目编码"),
                &line.code,
            );
            if let Some(names) = &line.names {
                for (field, value) in [
                    (RevenueLineField::NamesClass, &names.class),
                    (RevenueLineField::NamesSection, &names.section),
                    (RevenueLineField::NamesItem, &names.item),
                ] {
                    w.text(
                        FieldPath::revenue_line(i, field),
                        format!("{row}{}", field.label()),
                        value,
                    );
                }
            }
            let sources: &[_] = if w.wants_values() {
                &REVENUE_SOURCES
            } else {
                &[]
            };
            for source in sources {
                w.amount(
                    FieldPath::revenue_line(i, (*source).into()),
                    format!("{row}{}", source.label()),
                    source.entered_in_line(line),
                );
            }
        }
        let b = &self.balances;
        for fund in Fund::ALL {
            let fb = b.of(fund);
            for (side, value) in [
                (BalanceSide::Opening, Some(fb.opening)),
                (BalanceSide::Closing, fb.closing),
                (BalanceSide::PriorClosing, fb.prior_closing),
            ] {
                let kind = if side == BalanceSide::Opening {
                    SIGNED
                } else {
                    SIGNED_OPTIONAL
                };
                w.add(
                    FieldPath::balance(fund, side),
                    format!("{}{}", fund.label(), side.label()),
                    kind,
                    FieldValue::Amount(value),
                );
            }
        }
        if let Some(c) = &b.carried {
            w.text(
                FieldPath::carried(CarriedField::UnlockReason),
                CarriedField::UnlockReason.label().into(),
                &c.unlock_reason,
            );
        }
        w.amount(
            FieldPath::bridge(Bridge::UseOfNonAppropriationSurplus),
            Bridge::UseOfNonAppropriationSurplus.label().into(),
            b.use_of_non_appropriation_surplus,
        );
        w.add(
            FieldPath::bridge(Bridge::SurplusDistribution),
            Bridge::SurplusDistribution.label().into(),
            SIGNED_OPTIONAL,
            FieldValue::Amount(b.surplus_distribution),
        );

        let e = &self.expenditure;
        for (i, line) in e.lines.iter().enumerate() {
            let row = format!("支出第{}行", i + 1);
            let label = |field: LineField| format!("{row}{}", field.label());
            w.text(
                FieldPath::expenditure_line(i, LineField::Code),
                label(LineField::Code),
                &line.code,
            );
            if let Some(names) = &line.names {
                for (field, value) in [
                    (LineField::NamesClass, &names.class),
                    (LineField::NamesSection, &names.section),
                    (LineField::NamesItem, &names.item),
                ] {
                    w.text(FieldPath::expenditure_line(i, field), label(field), value);
                }
            }
            if w.wants_values() {
                w.choice(
                    FieldPath::expenditure_line(i, LineField::Fund),
                    label(LineField::Fund),
                    sets.fund,
                    choice(&line.fund),
                );
                for (field, value) in [
                    (LineField::Budget, line.budget),
                    (LineField::InitialBudget, line.initial_budget),
                    (LineField::Prior, line.prior),
                ] {
                    w.amount(FieldPath::expenditure_line(i, field), label(field), value);
                }
                for nature in Nature::ALL {
                    w.amount(
                        FieldPath::expenditure_line(i, nature.field()),
                        label(nature.field()),
                        nature.entered(line),
                    );
                }
            }
            w.text(
                FieldPath::expenditure_line(i, LineField::DeviationReason),
                label(LineField::DeviationReason),
                &line.deviation_reason,
            );
        }
        for (field, value) in [
            (
                ExpenditureField::GeneralBudgetChangeReason,
                &e.general_budget_change_reason,
            ),
            (
                ExpenditureField::AppropriationChangeReason,
                &e.appropriation_change_reason,
            ),
        ] {
            w.text(FieldPath::expenditure(field), field.label().into(), value);
        }
        for (i, item) in e.project_economic.iter().enumerate() {
            let row = format!("项目支出经济分类第{}项", i + 1);
            w.text(
                FieldPath::project_economic(i, CostItemField::Code),
                format!("{row}{}", CostItemField::Code.label()),
                &item.code,
            );
            w.text(
                FieldPath::project_economic(i, CostItemField::Name),
                format!("{row}{}", CostItemField::Name.label()),
                &item.name,
            );
            w.amount(
                FieldPath::project_economic(i, CostItemField::Amount),
                format!("{row}{}", CostItemField::Amount.label()),
                item.amount,
            );
        }

        for group in CostGroup::ALL {
            match group.of(&self.basic_costs) {
                CostEntry::Total { amount, item_names } => {
                    w.amount(
                        FieldPath::cost_total(*group, CostTotalField::Amount),
                        group.label().into(),
                        *amount,
                    );
                    w.lines(
                        FieldPath::cost_total(*group, CostTotalField::ItemNames),
                        format!("{}{}", group.label(), CostTotalField::ItemNames.label()),
                        item_names,
                    );
                }
                CostEntry::Items(items) => {
                    for (i, item) in items.iter().enumerate() {
                        let row = format!("{}第{}项", group.label(), i + 1);
                        w.text(
                            FieldPath::cost_item(*group, i, CostItemField::Code),
                            format!("{row}{}", CostItemField::Code.label()),
                            &item.code,
                        );
                        w.text(
                            FieldPath::cost_item(*group, i, CostItemField::Name),
                            format!("{row}{}", CostItemField::Name.label()),
                            &item.name,
                        );
                        w.amount(
                            FieldPath::cost_item(*group, i, CostItemField::Amount),
                            format!("{row}{}", CostItemField::Amount.label()),
                            item.amount,
                        );
                    }
                }
            }
        }
    }

    fn three_public_fields<'a>(&'a self, w: &mut Walk<'a>) {
        use ThreePublicField as F;
        let t = &self.three_public;
        let (o, v, r) = (&t.overseas, &t.vehicles, &t.reception);
        let p = &v.purchases;
        for (field, value) in t.year_amounts() {
            w.amount(FieldPath::three_public(field), field.label().into(), value);
        }
        for (field, value) in [
            (F::OverseasPrior, o.prior),
            (F::PurchasePrior, v.purchase_prior),
            (F::OperationPrior, v.operation_prior),
            (F::ReceptionPrior, r.prior),
            (F::PrePandemic, self.three_public.pre_pandemic),
        ] {
            w.amount(FieldPath::three_public(field), field.label().into(), value);
        }
        for (field, value) in [
            (F::OverseasGroups, o.groups),
            (F::OverseasPeople, o.people),
            (F::SedanCount, p.sedan.count),
            (F::SuvCount, p.suv.count),
            (F::PassengerCount, p.passenger.count),
            (F::HeldSedan, v.held.sedan),
            (F::HeldSuv, v.held.suv),
            (F::HeldPassenger, v.held.passenger),
            (F::DomesticBatches, r.domestic.batches),
            (F::DomesticPeople, r.domestic.people),
            (F::ForeignBatches, r.foreign.batches),
            (F::ForeignPeople, r.foreign.people),
        ] {
            w.count(FieldPath::three_public(field), field.label().into(), value);
        }
        for (field, value) in [
            (F::OverseasChangeReason, &o.change_reason),
            (F::VehiclesChangeReason, &v.change_reason),
            (F::ReceptionPurpose, &r.purpose),
            (F::ReceptionContent, &r.content),
            (F::ReceptionChangeReason, &r.change_reason),
            (F::ChangeReason, &t.change_reason),
            (F::PriorChangeReason, &t.prior_change_reason),
        ] {
            w.text(FieldPath::three_public(field), field.label().into(), value);
        }
    }

    fn other_matters_fields<'a>(&'a self, w: &mut Walk<'a>) {
        let rc = &self.running_costs;
        w.amount(
            FieldPath::running_costs(RunningField::Amount),
            RunningField::Amount.label().into(),
            rc.amount,
        );
        w.amount(
            FieldPath::running_costs(RunningField::Prior),
            RunningField::Prior.label().into(),
            rc.prior,
        );
        w.text(
            FieldPath::running_costs(RunningField::ChangeReason),
            RunningField::ChangeReason.label().into(),
            &rc.change_reason,
        );
        self.meetings_training_fields(w);
        let pr = &self.procurement;
        for (field, value) in [
            (ProcurementField::Goods, pr.goods),
            (ProcurementField::Works, pr.works),
            (ProcurementField::Services, pr.services),
            (ProcurementField::ToSme, pr.to_sme),
            (ProcurementField::ToSmallMicro, pr.to_small_micro),
            (ProcurementField::ToSmeGoods, pr.to_sme_goods),
            (ProcurementField::ToSmeWorks, pr.to_sme_works),
            (ProcurementField::ToSmeServices, pr.to_sme_services),
        ] {
            w.amount(FieldPath::procurement(field), field.label().into(), value);
        }
        let ps = &self.purchased_services;
        for (field, value) in [
            (PurchasedServicesField::Amount, ps.amount),
            (PurchasedServicesField::Prior, ps.prior),
        ] {
            w.amount(
                FieldPath::purchased_services(field),
                field.label().into(),
                value,
            );
        }
        w.text(
            FieldPath::purchased_services(PurchasedServicesField::Content),
            PurchasedServicesField::Content.label().into(),
            &ps.content,
        );
        let a = &self.assets;
        let v = &a.vehicles;
        for (field, value) in [
            (AssetField::Leadership, v.leadership),
            (AssetField::Confidential, v.confidential),
            (AssetField::Emergency, v.emergency),
            (AssetField::LawEnforcement, v.law_enforcement),
            (AssetField::SpecialTechnical, v.special_technical),
            (AssetField::RetiredService, v.retired_service),
            (AssetField::OtherVehicles, v.other),
            (AssetField::GeneralEquipment, a.general_equipment_over_50),
            (AssetField::SpecialEquipment, a.special_equipment_over_100),
        ] {
            w.count(FieldPath::assets(field), field.label().into(), value);
        }
        w.text(
            FieldPath::assets(AssetField::OtherVehiclesUse),
            AssetField::OtherVehiclesUse.label().into(),
            &v.other_use,
        );
        for (field, value) in [
            (AssetField::EquipmentOver100, a.equipment_over_100),
            (AssetField::EquipmentBought, a.equipment_bought),
        ] {
            w.count(FieldPath::assets(field), field.label().into(), value);
        }
        w.amount(
            FieldPath::assets(AssetField::EquipmentBoughtAmount),
            AssetField::EquipmentBoughtAmount.label().into(),
            a.equipment_bought_amount,
        );
        for (field, value) in [
            (AssetField::ChangeRate, a.change_rate_percent),
            (AssetField::UtilizationRate, a.utilization_rate_percent),
        ] {
            w.decimal(FieldPath::assets(field), field.label().into(), value, true);
        }
    }

    fn meetings_training_fields<'a>(&'a self, w: &mut Walk<'a>) {
        let mt = &self.meetings_training;
        for (field, value) in mt.year_amounts() {
            w.amount(
                FieldPath::meetings_training(field),
                field.label().into(),
                value,
            );
        }
        let expenses = mt.expenses().into_iter().zip(super::EXPENSE_FIELDS);
        for (e, [_, _, prior, ..]) in expenses.clone() {
            w.amount(
                FieldPath::meetings_training(prior),
                prior.label().into(),
                e.prior,
            );
        }
        for (e, [_, _, _, count, people, ..]) in expenses.clone() {
            for (field, value) in [(count, e.count), (people, e.people)] {
                w.count(
                    FieldPath::meetings_training(field),
                    field.label().into(),
                    value,
                );
            }
        }
        for (e, [.., content, reason]) in expenses {
            for (field, value) in [(content, &e.content), (reason, &e.change_reason)] {
                w.text(
                    FieldPath::meetings_training(field),
                    field.label().into(),
                    value,
                );
            }
        }
    }

    fn performance_fields<'a>(&'a self, w: &mut Walk<'a>, sets: &ChoiceSets) {
        use PerformanceField as F;
        let pm = &self.performance;
        for (field, value) in [
            (F::PriorAssessmentProjects, pm.prior_assessment_projects),
            (F::TargetProjects, pm.target_projects),
            (F::MonitoredProjects, pm.monitored_projects),
        ] {
            w.count(FieldPath::performance(field), field.label().into(), value);
        }
        for (field, value) in [
            (F::SelfAssessedProjects, pm.self_assessed_projects),
            (F::EvaluatedProjects, pm.evaluated_projects),
        ] {
            w.count(FieldPath::performance(field), field.label().into(), value);
        }
        for (field, value) in [
            (F::SelfAssessedFunds, pm.self_assessed_funds),
            (F::EvaluatedFunds, pm.evaluated_funds),
        ] {
            w.amount(FieldPath::performance(field), field.label().into(), value);
        }
        let d = &pm.department;
        w.text(
            FieldPath::performance(F::Title),
            F::Title.label().into(),
            &d.title,
        );
        for (field, value) in [
            (F::InitialBudgetRevenue, d.initial_budget_revenue),
            (F::InitialBudgetExpenditure, d.initial_budget_expenditure),
        ] {
            w.amount(FieldPath::performance(field), field.label().into(), value);
        }
        for (field, value) in [(F::FullScore, d.full_score), (F::Score, d.score)] {
            w.decimal(
                FieldPath::performance(field),
                field.label().into(),
                value,
                true,
            );
        }
        for (field, value) in [(F::Summary, &d.summary), (F::Conclusion, &d.conclusion)] {
            w.text(FieldPath::performance(field), field.label().into(), value);
        }
        for (field, value) in [
            (F::Problems, &d.problems),
            (F::Improvements, &d.improvements),
        ] {
            w.lines(FieldPath::performance(field), field.label().into(), value);
        }
        for (i, section) in d.sections.iter().enumerate() {
            let row = format!("自评报告第{}部分", i + 1);
            w.text(
                FieldPath::department_section(i, SectionField::Heading),
                format!("{row}{}", SectionField::Heading.label()),
                &section.heading,
            );
            w.lines(
                FieldPath::department_section(i, SectionField::Paragraphs),
                format!("{row}{}", SectionField::Paragraphs.label()),
                &section.paragraphs,
            );
        }
        for (i, a) in self.projects.iter().enumerate() {
            self.project_fields(w, sets, i, a);
        }
    }

    fn project_fields<'a>(
        &'a self,
        w: &mut Walk<'a>,
        sets: &ChoiceSets,
        i: usize,
        a: &'a super::ProjectAssessment,
    ) {
        use ProjectField as F;
        let row = format!("第{}个项目", i + 1);
        let label = |field: ProjectField| format!("{row}{}", field.label());
        for (field, value) in [
            (F::Code, &a.code),
            (F::Name, &a.name),
            (F::SupervisingDepartment, &a.supervising_department),
            (F::ImplementingUnit, &a.implementing_unit),
            (F::AnnualGoal, &a.annual_goal),
            (F::GoalCompletion, &a.goal_completion),
            (F::Implementation, &a.implementation),
            (F::ExecutionReason, &a.execution_reason),
            (F::Conclusion, &a.conclusion),
            (F::Problems, &a.problems),
            (F::Measures, &a.measures),
            (F::ProjectLead, &a.project_lead),
            (F::FinanceLead, &a.finance_lead),
            (F::Summary, &a.summary),
        ] {
            w.text(FieldPath::project(i, field), label(field), value);
        }
        let funds: &[ProjectFund] = if w.wants_values() {
            ProjectFund::ALL
        } else {
            &[]
        };
        for fund in funds {
            for column in FundColumn::ALL {
                w.amount(
                    FieldPath::project_fund(i, *fund, *column),
                    format!("{row}{}{}", fund.label(), column.label()),
                    column.of(fund.of(&a.funds)),
                );
            }
        }
        w.decimal(
            FieldPath::project(i, F::BudgetWeight),
            label(F::BudgetWeight),
            Some(a.budget_weight),
            false,
        );
        for (field, value) in [
            (F::BudgetScore, a.budget_score),
            (F::StatedTotalScore, a.stated_total_score),
        ] {
            w.decimal(FieldPath::project(i, field), label(field), value, true);
        }
        for (j, ind) in a.indicators.iter().enumerate() {
            let row = format!("{row}第{}个指标", j + 1);
            let label = |field: IndicatorField| format!("{row}{}", field.label());
            use IndicatorField as I;
            if w.wants_values() {
                w.choice(
                    FieldPath::indicator(i, j, I::Level1),
                    label(I::Level1),
                    sets.indicator_kind,
                    choice(&ind.level1),
                );
                w.choice(
                    FieldPath::indicator(i, j, I::Nature),
                    label(I::Nature),
                    sets.indicator_nature,
                    choice(&ind.nature),
                );
            }
            for (field, value) in [
                (I::Level2, &ind.level2),
                (I::Name, &ind.name),
                (I::Target, &ind.target),
                (I::Unit, &ind.unit),
                (I::ShortfallReason, &ind.shortfall_reason),
            ] {
                w.text(FieldPath::indicator(i, j, field), label(field), value);
            }
            w.add(
                FieldPath::indicator(i, j, I::Actual),
                label(I::Actual),
                FieldKind::OptionalText,
                FieldValue::Text(ind.actual.as_deref().unwrap_or("")),
            );
            if w.wants_values() {
                w.decimal(
                    FieldPath::indicator(i, j, I::Weight),
                    label(I::Weight),
                    Some(ind.weight),
                    false,
                );
                w.decimal(
                    FieldPath::indicator(i, j, I::Score),
                    label(I::Score),
                    ind.score,
                    true,
                );
            }
        }
        for (j, s) in a.spending.iter().enumerate() {
            let row = format!("{row}资金分配第{}项", j + 1);
            w.text(
                FieldPath::spending(i, j, SpendingField::Name),
                format!("{row}{}", SpendingField::Name.label()),
                &s.name,
            );
            w.amount(
                FieldPath::spending(i, j, SpendingField::Amount),
                format!("{row}{}", SpendingField::Amount.label()),
                s.amount,
            );
        }
        for (j, section) in a.report_sections.iter().enumerate() {
            let row = format!("{row}评价报告第{}部分", j + 1);
            w.text(
                FieldPath::report_section(i, j, SectionField::Heading),
                format!("{row}{}", SectionField::Heading.label()),
                &section.heading,
            );
            w.lines(
                FieldPath::report_section(i, j, SectionField::Paragraphs),
                format!("{row}{}", SectionField::Paragraphs.label()),
                &section.paragraphs,
            );
        }
    }

    /// Every entered amount (not the computed totals), in file order.
    pub fn amounts(&self) -> Vec<AmountAt> {
        self.fields()
            .into_iter()
            .filter_map(|f| match (f.kind, f.value) {
                (FieldKind::Amount { signed, .. }, FieldValue::Amount(Some(value))) => {
                    Some(AmountAt {
                        path: f.path,
                        value,
                        may_be_negative: signed,
                    })
                }
                _ => None,
            })
            .collect()
    }
}
