//! 单位概况: who the unit is, what it does, how it is organised and staffed.

use serde::{Deserialize, Serialize};

use super::path::field_enum;

field_enum! {
    /// The fields of 单位概况.
    pub enum UnitField {
        /// 单位全称.
        Name => ("name", "单位全称"),
        /// 简称.
        ShortName => ("short_name", "单位简称"),
        /// 决算年度.
        Year => ("year", "决算年度"),
        /// 主管部门.
        SupervisingDepartment => ("supervising_department", "主管部门"),
        /// 单位性质.
        Kind => ("kind", "单位性质"),
        /// 部门决算 or 单位决算.
        Disclosure => ("disclosure", "公开的决算"),
        /// 部门职责.
        Duties => ("duties", "部门职责"),
        /// 内设机构.
        InternalOffices => ("internal_offices", "内设机构"),
        /// 下设机构.
        AttachedUnits => ("attached_units", "下设机构"),
        /// 二级预算单位.
        SubordinateUnits => ("subordinate_units", "二级预算单位"),
        /// 编制和实有人数.
        Staffing => ("staffing", "人员编制"),
        /// 在职人员中的专业技术人员.
        PostProfessional => ("staff_by_post.professional", "专业技术人员"),
        /// 在职人员中的管理人员.
        PostManagement => ("staff_by_post.management", "管理人员"),
        /// 在职人员中的工勤人员.
        PostWorkers => ("staff_by_post.workers", "工勤人员"),
        /// 签字人.
        Signatories => ("signatories", "签字人"),
        /// 决算批复日期.
        ApprovalDate => ("approval_date", "决算批复日期"),
        /// 公开日期.
        PublicationDate => ("publication_date", "公开日期"),
    }
}

field_enum! {
    /// The fields of an attached or subordinate unit.
    pub enum NamedUnitField {
        /// 名称.
        Name => ("name", "名称"),
        /// 性质.
        Kind => ("kind", "性质"),
    }
}

field_enum! {
    /// The fields of a staffed body.
    pub enum StaffField {
        /// 机构.
        Body => ("body", "机构"),
        /// 编制类别.
        PostKind => ("post_kind", "编制类别"),
        /// 编制数.
        Posts => ("posts", "编制数"),
        /// 实有人数.
        Staff => ("staff", "实有人数"),
        /// 退休人数.
        Retired => ("retired", "退休人数"),
        /// 离休人数.
        VeteranRetired => ("veteran_retired", "离休人数"),
    }
}

field_enum! {
    /// The signatories.
    pub enum Signatory {
        /// 单位负责人.
        Head => ("head", "单位负责人"),
        /// 分管负责人.
        DeputyHead => ("deputy_head", "分管负责人"),
        /// 财务负责人.
        FinanceHead => ("finance_head", "财务负责人"),
        /// 制表人 (the form's word; earlier versions said 填表人).
        Preparer => ("preparer", "制表人"),
    }
}

impl Signatory {
    /// The signatory's name, as entered.
    pub fn of(self, s: &Signatories) -> &str {
        match self {
            Signatory::Head => &s.head,
            Signatory::DeputyHead => &s.deputy_head,
            Signatory::FinanceHead => &s.finance_head,
            Signatory::Preparer => &s.preparer,
        }
    }

    /// The signatory's name, to edit.
    pub fn of_mut(self, s: &mut Signatories) -> &mut String {
        match self {
            Signatory::Head => &mut s.head,
            Signatory::DeputyHead => &mut s.deputy_head,
            Signatory::FinanceHead => &mut s.finance_head,
            Signatory::Preparer => &mut s.preparer,
        }
    }
}

/// The reporting unit (部门/单位) and its organisation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// 单位全称, e.g. 中共遂宁市安居区委目标绩效管理办公室.
    pub name: String,
    /// 简称 used in the narrative, e.g. 区委绩效办.
    pub short_name: String,
    /// The accounting year (决算年度).
    pub year: i32,
    /// 主管部门.
    pub supervising_department: String,
    /// 单位性质.
    pub kind: UnitKind,
    /// Whether it publishes a 部门决算 (a department, 一级预算单位) or a 单位决算 (a unit within
    /// one): the title, the parts' headings and "本部门"/"本单位" follow it.
    #[serde(default, skip_serializing_if = "Disclosure::is_department")]
    pub disclosure: Disclosure,
    /// 部门职责: numbered paragraphs, without their numbers.
    pub duties: Vec<String>,
    /// 内设机构 (internal offices, e.g. 综合股).
    pub internal_offices: Vec<String>,
    /// 下设机构 that are not separate budget units (e.g. attached public-service centres).
    pub attached_units: Vec<AttachedUnit>,
    /// 二级预算单位 included in this year's final accounts.
    pub subordinate_units: Vec<SubordinateUnit>,
    /// 编制 and 实有人数, by body.
    pub staffing: Vec<StaffBody>,
    /// 在职人员 by 岗位, as a 事业单位 states them (渠县农业综合技术服务中心 2024年度单位决算:
    /// "在职人员81人，专业技术人员57人、管理人员1人，工勤人员23人"); blank until entered.
    #[serde(default, skip_serializing_if = "StaffByPost::is_empty")]
    pub staff_by_post: StaffByPost,
    /// Signatories of the document.
    pub signatories: Signatories,
    /// The day 财政 (or the 主管部门) approved these accounts (决算批复): the 20 days within which
    /// they must be published count from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval_date: Option<super::Date>,
    /// The day they were published (公开), once they are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication_date: Option<super::Date>,
}

/// 在职人员 by the three 岗位 of a 事业单位: 专业技术岗位, 管理岗位 and 工勤技能岗位. Each is
/// `None` until entered: a count nobody typed is not a 0.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffByPost {
    /// 专业技术人员.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub professional: Option<u32>,
    /// 管理人员.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub management: Option<u32>,
    /// 工勤人员.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workers: Option<u32>,
}

impl StaffByPost {
    /// Whether none of the three is entered.
    pub fn is_empty(&self) -> bool {
        *self == StaffByPost::default()
    }

    /// Each 岗位's field and count, in the order documents list them.
    pub fn counts(&self) -> [(UnitField, Option<u32>); 3] {
        [
            (UnitField::PostProfessional, self.professional),
            (UnitField::PostManagement, self.management),
            (UnitField::PostWorkers, self.workers),
        ]
    }

    /// The sum of those entered; `None` when none is.
    pub fn total(&self) -> Option<u64> {
        super::sum_counts(self.counts().map(|(_, n)| n))
    }
}

/// 单位性质: decides, for example, whether 机关运行经费 applies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnitKind {
    /// 行政单位.
    #[default]
    #[serde(rename = "行政单位")]
    Administrative,
    /// 参照公务员法管理的事业单位.
    #[serde(rename = "参公事业单位")]
    CivilServiceManaged,
    /// 其他事业单位.
    #[serde(rename = "事业单位")]
    PublicService,
}

impl UnitKind {
    /// The kind's name as the document writes it.
    pub fn label(self) -> &'static str {
        match self {
            UnitKind::Administrative => "行政单位",
            UnitKind::CivilServiceManaged => "参照公务员法管理的事业单位",
            UnitKind::PublicService => "其他事业单位",
        }
    }
}

/// What the unit publishes: a department's accounts (部门决算, of a 一级预算单位 and the units it
/// covers) or a unit's own (单位决算, as the units within a department publish theirs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Disclosure {
    /// 部门决算.
    #[default]
    #[serde(rename = "部门决算")]
    Department,
    /// 单位决算.
    #[serde(rename = "单位决算")]
    Unit,
}

impl Disclosure {
    /// Who the document speaks of: 部门 or 单位 (部门概况, 本单位, 单位决算).
    pub fn subject(self) -> &'static str {
        match self {
            Disclosure::Department => "部门",
            Disclosure::Unit => "单位",
        }
    }

    /// 部门决算 or 单位决算.
    pub fn label(self) -> &'static str {
        match self {
            Disclosure::Department => "部门决算",
            Disclosure::Unit => "单位决算",
        }
    }

    fn is_department(&self) -> bool {
        *self == Disclosure::Department
    }
}

/// A body set up under the unit but reported within its accounts (下设机构).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachedUnit {
    /// Name, e.g. 区目标绩效保障服务中心.
    pub name: String,
    /// Its kind as written, e.g. 股级公益一类事业单位.
    pub kind: String,
}

/// A subordinate budget unit (二级预算单位) included in the final accounts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubordinateUnit {
    /// Name.
    pub name: String,
    /// Kind; the document counts units by kind.
    pub kind: UnitKind,
}

/// Posts and staff of one body (机关 or a 下设 centre).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffBody {
    /// The body, e.g. 区委绩效办 or 区目标绩效保障服务中心.
    pub body: String,
    /// The kind of posts, e.g. 行政编制, 事业编制.
    pub post_kind: String,
    /// 编制数.
    #[serde(default)]
    pub posts: Option<u32>,
    /// 年末实有人数 (在职).
    #[serde(default)]
    pub staff: Option<u32>,
    /// 退休人员 the body pays for, at year end.
    #[serde(default)]
    pub retired: Option<u32>,
    /// 离休人员, at year end.
    #[serde(default)]
    pub veteran_retired: Option<u32>,
}

/// The people who sign the document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signatories {
    /// 单位负责人.
    pub head: String,
    /// 分管负责人 (the leader in charge of finance); files before it have none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub deputy_head: String,
    /// 财务负责人.
    pub finance_head: String,
    /// 制表人.
    pub preparer: String,
}
