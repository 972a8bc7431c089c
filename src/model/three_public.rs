//! "三公"经费 (因公出国（境）, 公务用车, 公务接待), 机关运行经费, and 会议费 and 培训费 (which some
//! provinces' templates state beside the "三公", as 陕西's "三公"经费及会议费、培训费支出决算表).

use serde::{Deserialize, Serialize};

use super::path::field_enum;
use crate::money::Wan;

field_enum! {
    /// The fields of "三公"经费, and the parts they belong to.
    pub enum ThreePublicField {
        /// 因公出国（境）费 as a whole.
        Overseas => ("overseas", "因公出国（境）费"),
        /// 因公出国（境）费预算数.
        OverseasBudget => ("overseas.budget", "因公出国（境）费预算数"),
        /// 因公出国（境）费决算数.
        OverseasActual => ("overseas.actual", "因公出国（境）费决算数"),
        /// 上年因公出国（境）费.
        OverseasPrior => ("overseas.prior", "上年因公出国（境）费"),
        /// 因公出国（境）团组数.
        OverseasGroups => ("overseas.groups", "因公出国（境）团组数"),
        /// 因公出国（境）人次.
        OverseasPeople => ("overseas.people", "因公出国（境）人次"),
        /// Why 因公出国（境）费 changed.
        OverseasChangeReason => ("overseas.change_reason", "因公出国（境）费变动原因"),
        /// 公务用车购置及运行维护费 as a whole.
        Vehicles => ("vehicles", "公务用车购置及运行维护费"),
        /// 公务用车购置费预算数.
        PurchaseBudget => ("vehicles.purchase_budget", "公务用车购置费预算数"),
        /// Vehicles bought, as a whole.
        Purchases => ("vehicles.purchases", "购置公务用车"),
        /// 购置轿车辆数.
        SedanCount => ("vehicles.purchases.sedan.count", "购置轿车辆数"),
        /// 购置轿车金额.
        SedanAmount => ("vehicles.purchases.sedan.amount", "购置轿车金额"),
        /// 购置越野车辆数.
        SuvCount => ("vehicles.purchases.suv.count", "购置越野车辆数"),
        /// 购置越野车金额.
        SuvAmount => ("vehicles.purchases.suv.amount", "购置越野车金额"),
        /// 购置载客汽车辆数.
        PassengerCount => ("vehicles.purchases.passenger.count", "购置载客汽车辆数"),
        /// 购置载客汽车金额.
        PassengerAmount => ("vehicles.purchases.passenger.amount", "购置载客汽车金额"),
        /// 上年公务用车购置费.
        PurchasePrior => ("vehicles.purchase_prior", "上年公务用车购置费"),
        /// 公务用车运行维护费预算数.
        OperationBudget => ("vehicles.operation_budget", "公务用车运行维护费预算数"),
        /// 公务用车运行维护费决算数.
        OperationActual => ("vehicles.operation_actual", "公务用车运行维护费决算数"),
        /// 上年公务用车运行维护费.
        OperationPrior => ("vehicles.operation_prior", "上年公务用车运行维护费"),
        /// 公务用车保有量, as a whole.
        Held => ("vehicles.held", "公务用车保有量"),
        /// 保有轿车.
        HeldSedan => ("vehicles.held.sedan", "公务用车保有量：轿车"),
        /// 保有越野车.
        HeldSuv => ("vehicles.held.suv", "公务用车保有量：越野车"),
        /// 保有载客汽车.
        HeldPassenger => ("vehicles.held.passenger", "公务用车保有量：载客汽车"),
        /// Why the vehicle costs changed.
        VehiclesChangeReason => ("vehicles.change_reason", "公务用车费用变动原因"),
        /// 公务接待费 as a whole.
        Reception => ("reception", "公务接待费"),
        /// 公务接待费预算数.
        ReceptionBudget => ("reception.budget", "公务接待费预算数"),
        /// 国内公务接待费.
        DomesticActual => ("reception.domestic.actual", "国内公务接待费"),
        /// 国内公务接待批次.
        DomesticBatches => ("reception.domestic.batches", "国内公务接待批次"),
        /// 国内公务接待人次.
        DomesticPeople => ("reception.domestic.people", "国内公务接待人次"),
        /// 外事接待费.
        ForeignActual => ("reception.foreign.actual", "外事接待费"),
        /// 外事接待批次.
        ForeignBatches => ("reception.foreign.batches", "外事接待批次"),
        /// 外事接待人次.
        ForeignPeople => ("reception.foreign.people", "外事接待人次"),
        /// 上年公务接待费.
        ReceptionPrior => ("reception.prior", "上年公务接待费"),
        /// What the reception money was mainly used for.
        ReceptionPurpose => ("reception.purpose", "公务接待费主要用途"),
        /// What the receptions were.
        ReceptionContent => ("reception.content", "公务接待具体内容"),
        /// Why 公务接待费 changed.
        ReceptionChangeReason => ("reception.change_reason", "公务接待费变动原因"),
        /// Why the "三公" total changed.
        ChangeReason => ("change_reason", "“三公”经费变动原因"),
        /// Why the "三公" total changed against last year.
        PriorChangeReason => ("prior_change_reason", "“三公”经费比上年变动的原因"),
        /// The "三公" total of 2019, before the pandemic.
        PrePandemic => ("pre_pandemic", "2019年（疫情前）“三公”经费决算数"),
    }
}

field_enum! {
    /// The fields of 机关运行经费.
    pub enum RunningField {
        /// This year's amount.
        Amount => ("amount", "机关运行经费"),
        /// Last year's amount.
        Prior => ("prior", "上年机关运行经费"),
        /// Why it changed.
        ChangeReason => ("change_reason", "机关运行经费变动原因"),
    }
}

field_enum! {
    /// The fields of 会议费 and 培训费.
    pub enum MeetingsTrainingField {
        /// 会议费预算数.
        MeetingsBudget => ("meetings.budget", "会议费预算数"),
        /// 会议费决算数.
        MeetingsActual => ("meetings.actual", "会议费决算数"),
        /// 上年会议费.
        MeetingsPrior => ("meetings.prior", "上年会议费"),
        /// 会议次数.
        MeetingsCount => ("meetings.count", "召开会议次数"),
        /// 参会人次.
        MeetingsPeople => ("meetings.people", "参会人次"),
        /// What the meetings were.
        MeetingsContent => ("meetings.content", "会议主要内容"),
        /// Why 会议费 changed.
        MeetingsChangeReason => ("meetings.change_reason", "会议费变动原因"),
        /// 培训费预算数.
        TrainingBudget => ("training.budget", "培训费预算数"),
        /// 培训费决算数.
        TrainingActual => ("training.actual", "培训费决算数"),
        /// 上年培训费.
        TrainingPrior => ("training.prior", "上年培训费"),
        /// 培训次数.
        TrainingCount => ("training.count", "举办培训次数"),
        /// 培训人次.
        TrainingPeople => ("training.people", "培训人次"),
        /// What the trainings were.
        TrainingContent => ("training.content", "培训主要内容"),
        /// Why 培训费 changed.
        TrainingChangeReason => ("training.change_reason", "培训费变动原因"),
        /// 节庆、晚会、论坛、赛事活动费预算数.
        FestivalsBudget => ("festivals.budget", "节庆、晚会、论坛、赛事活动费预算数"),
        /// 节庆、晚会、论坛、赛事活动费决算数.
        FestivalsActual => ("festivals.actual", "节庆、晚会、论坛、赛事活动费决算数"),
        /// 上年节庆、晚会、论坛、赛事活动费.
        FestivalsPrior => ("festivals.prior", "上年节庆、晚会、论坛、赛事活动费"),
        /// How many were held.
        FestivalsCount => ("festivals.count", "举办节庆、晚会、论坛、赛事活动次数"),
        /// How many took part.
        FestivalsPeople => ("festivals.people", "节庆、晚会、论坛、赛事活动参加人次"),
        /// What they were.
        FestivalsContent => ("festivals.content", "节庆、晚会、论坛、赛事活动主要内容"),
        /// Why the spending on them changed.
        FestivalsChangeReason => ("festivals.change_reason", "节庆、晚会、论坛、赛事活动费变动原因"),
    }
}

/// "三公"经费财政拨款支出: budget, actual and prior year of each part; totals are computed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThreePublic {
    /// 因公出国（境）费.
    pub overseas: Overseas,
    /// 公务用车购置及运行维护费.
    pub vehicles: OfficialVehicles,
    /// 公务接待费.
    pub reception: Reception,
    /// Why the "三公" total differs from its budget (the form asks for 决算数与预算数不同的原因),
    /// if the document should say so.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub change_reason: String,
    /// Why the "三公" total changed against last year, where a template states it apart from the
    /// budget's reason (广东: "…大于上年决算数的主要情况：…").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub prior_change_reason: String,
    /// The "三公" total of 2019 (疫情前), which 广东's 2021–2023 documents compare with ("比2019年
    /// （疫情前）决算数减少…"); `None` until entered, and then the same every year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pre_pandemic: Option<Wan>,
}

impl ThreePublic {
    /// The amounts of the year, each with its field, in the form's order: budgets, actuals and
    /// the vehicles bought (the prior-year figures are not among them).
    pub fn year_amounts(&self) -> [(ThreePublicField, Option<Wan>); 11] {
        use ThreePublicField as F;
        let (o, v, r) = (&self.overseas, &self.vehicles, &self.reception);
        let p = &v.purchases;
        [
            (F::OverseasBudget, o.budget),
            (F::OverseasActual, o.actual),
            (F::PurchaseBudget, v.purchase_budget),
            (F::SedanAmount, p.sedan.amount),
            (F::SuvAmount, p.suv.amount),
            (F::PassengerAmount, p.passenger.amount),
            (F::OperationBudget, v.operation_budget),
            (F::OperationActual, v.operation_actual),
            (F::ReceptionBudget, r.budget),
            (F::DomesticActual, r.domestic.actual),
            (F::ForeignActual, r.foreign.actual),
        ]
    }
}

/// 因公出国（境）费.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overseas {
    /// 预算数.
    pub budget: Option<Wan>,
    /// 决算数.
    pub actual: Option<Wan>,
    /// 上年决算数.
    pub prior: Option<Wan>,
    /// 因公出国（境）团组数.
    #[serde(default)]
    pub groups: Option<u32>,
    /// 因公出国（境）人次.
    #[serde(default)]
    pub people: Option<u32>,
    /// Why it changed against last year.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub change_reason: String,
}

/// 公务用车购置及运行维护费, and the vehicles bought and held.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficialVehicles {
    /// 公务用车购置费预算数.
    pub purchase_budget: Option<Wan>,
    /// Vehicles bought this year by type; 购置费决算数 is the sum of their amounts.
    pub purchases: VehiclePurchases,
    /// 上年公务用车购置费.
    pub purchase_prior: Option<Wan>,
    /// 公务用车运行维护费预算数.
    pub operation_budget: Option<Wan>,
    /// 公务用车运行维护费决算数.
    pub operation_actual: Option<Wan>,
    /// 上年公务用车运行维护费.
    pub operation_prior: Option<Wan>,
    /// 公务用车保有量 at year end, by type.
    pub held: VehicleCounts,
    /// Why the vehicle costs changed against last year.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub change_reason: String,
}

/// Vehicles bought this year, by type (更新购置公务用车).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VehiclePurchases {
    /// 轿车.
    pub sedan: VehiclePurchase,
    /// 越野车.
    pub suv: VehiclePurchase,
    /// 载客汽车.
    pub passenger: VehiclePurchase,
}

impl VehiclePurchases {
    /// All vehicles bought, of the types entered (`None`: none entered).
    pub fn count(&self) -> Option<u64> {
        super::sum_counts([self.sedan.count, self.suv.count, self.passenger.count])
    }
}

/// How many vehicles of one type were bought, and for how much.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VehiclePurchase {
    /// 辆.
    #[serde(default)]
    pub count: Option<u32>,
    /// 金额.
    pub amount: Option<Wan>,
}

/// A number of vehicles by type.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VehicleCounts {
    /// 轿车.
    #[serde(default)]
    pub sedan: Option<u32>,
    /// 越野车.
    #[serde(default)]
    pub suv: Option<u32>,
    /// 载客汽车.
    #[serde(default)]
    pub passenger: Option<u32>,
}

impl VehicleCounts {
    /// All vehicles, of the types entered (`None`: none entered).
    pub fn total(&self) -> Option<u64> {
        super::sum_counts([self.sedan, self.suv, self.passenger])
    }
}

/// 公务接待费: one budget, spent on domestic and foreign receptions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reception {
    /// 公务接待费预算数.
    pub budget: Option<Wan>,
    /// 国内公务接待.
    pub domestic: ReceptionPart,
    /// 外事接待.
    pub foreign: ReceptionPart,
    /// 上年公务接待费.
    pub prior: Option<Wan>,
    /// What the money was mainly used for (主要用于…), the user's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub purpose: String,
    /// What the receptions were (具体内容包括…), the user's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub content: String,
    /// Why it changed against last year.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub change_reason: String,
}

/// Domestic or foreign receptions: amount, batches, people.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReceptionPart {
    /// 决算数.
    pub actual: Option<Wan>,
    /// 批次.
    #[serde(default)]
    pub batches: Option<u32>,
    /// 人次 (不包括陪同人员).
    #[serde(default)]
    pub people: Option<u32>,
}

/// 机关运行经费: the 日常公用经费 of administrative units.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunningCosts {
    /// This year's amount.
    pub amount: Option<Wan>,
    /// Last year's amount.
    pub prior: Option<Wan>,
    /// Why it changed (the user's words).
    pub change_reason: String,
}

/// 会议费 and 培训费 paid from 一般公共预算财政拨款, as a template that states them beside the
/// "三公" asks for. A unit whose template does not state them leaves them empty, and the file
/// then does not mention them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingsTraining {
    /// 会议费.
    #[serde(default)]
    pub meetings: CountedExpense,
    /// 培训费.
    #[serde(default)]
    pub training: CountedExpense,
    /// 举办节庆、晚会、论坛、赛事活动的费用: the third 一般性支出 新疆 and 湖南 state with the two.
    #[serde(default, skip_serializing_if = "CountedExpense::is_empty")]
    pub festivals: CountedExpense,
}

/// The fields of each of [`MeetingsTraining`]'s expenses, in the order of
/// [`MeetingsTraining::expenses`]: budget, actual, prior, count, people, content, reason.
pub const EXPENSE_FIELDS: [[MeetingsTrainingField; 7]; 3] = {
    use MeetingsTrainingField as F;
    [
        [
            F::MeetingsBudget,
            F::MeetingsActual,
            F::MeetingsPrior,
            F::MeetingsCount,
            F::MeetingsPeople,
            F::MeetingsContent,
            F::MeetingsChangeReason,
        ],
        [
            F::TrainingBudget,
            F::TrainingActual,
            F::TrainingPrior,
            F::TrainingCount,
            F::TrainingPeople,
            F::TrainingContent,
            F::TrainingChangeReason,
        ],
        [
            F::FestivalsBudget,
            F::FestivalsActual,
            F::FestivalsPrior,
            F::FestivalsCount,
            F::FestivalsPeople,
            F::FestivalsContent,
            F::FestivalsChangeReason,
        ],
    ]
};

impl MeetingsTraining {
    /// Whether nothing of them is entered (the file then leaves the part out).
    pub fn is_empty(&self) -> bool {
        *self == MeetingsTraining::default()
    }

    /// 会议费, 培训费 and 节庆、晚会、论坛、赛事活动费, in [`EXPENSE_FIELDS`]' order.
    pub fn expenses(&self) -> [&CountedExpense; 3] {
        [&self.meetings, &self.training, &self.festivals]
    }

    /// [`MeetingsTraining::expenses`], to change.
    pub fn expenses_mut(&mut self) -> [&mut CountedExpense; 3] {
        [&mut self.meetings, &mut self.training, &mut self.festivals]
    }

    /// The amounts of the year, each with its field: budgets and actuals.
    pub fn year_amounts(&self) -> [(MeetingsTrainingField, Option<Wan>); 6] {
        let [m, t, f] = self.expenses();
        let [mf, tf, ff] = EXPENSE_FIELDS;
        [
            (mf[0], m.budget),
            (mf[1], m.actual),
            (tf[0], t.budget),
            (tf[1], t.actual),
            (ff[0], f.budget),
            (ff[1], f.actual),
        ]
    }
}

/// An expense stated with how often it was incurred and for how many people: 会议费 (次数,
/// 参会人次) or 培训费 (次数, 培训人次).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountedExpense {
    /// 预算数.
    #[serde(default)]
    pub budget: Option<Wan>,
    /// 决算数.
    #[serde(default)]
    pub actual: Option<Wan>,
    /// 上年决算数.
    #[serde(default)]
    pub prior: Option<Wan>,
    /// 次数.
    #[serde(default)]
    pub count: Option<u32>,
    /// 人次.
    #[serde(default)]
    pub people: Option<u32>,
    /// What the meetings or trainings were (用于召开…会议), the user's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub content: String,
    /// Why it changed against last year.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub change_reason: String,
}

impl CountedExpense {
    /// Whether nothing of it is entered.
    pub fn is_empty(&self) -> bool {
        *self == CountedExpense::default()
    }
}
