//! 政府采购, 政府购买服务 and 国有资产占有使用.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::path::field_enum;
use crate::money::Wan;

field_enum! {
    /// The fields of 政府采购.
    pub enum ProcurementField {
        /// 货物.
        Goods => ("goods", "政府采购货物支出"),
        /// 工程.
        Works => ("works", "政府采购工程支出"),
        /// 服务.
        Services => ("services", "政府采购服务支出"),
        /// 授予中小企业.
        ToSme => ("to_sme", "授予中小企业合同金额"),
        /// 其中：授予小微企业.
        ToSmallMicro => ("to_small_micro", "其中：授予小微企业合同金额"),
        /// 货物采购授予中小企业.
        ToSmeGoods => ("to_sme_goods", "货物采购授予中小企业合同金额"),
        /// 工程采购授予中小企业.
        ToSmeWorks => ("to_sme_works", "工程采购授予中小企业合同金额"),
        /// 服务采购授予中小企业.
        ToSmeServices => ("to_sme_services", "服务采购授予中小企业合同金额"),
    }
}

field_enum! {
    /// The fields of 政府购买服务.
    pub enum PurchasedServicesField {
        /// This year's amount.
        Amount => ("amount", "政府购买服务支出"),
        /// Last year's amount.
        Prior => ("prior", "上年政府购买服务支出"),
        /// What was bought.
        Content => ("content", "政府购买服务主要内容"),
    }
}

field_enum! {
    /// The fields of 国有资产占有使用.
    pub enum AssetField {
        /// Vehicles by use, as a whole.
        Vehicles => ("vehicles", "车辆"),
        /// 主要领导干部用车.
        Leadership => ("vehicles.leadership", "主要领导干部用车"),
        /// 机要通信用车.
        Confidential => ("vehicles.confidential", "机要通信用车"),
        /// 应急保障用车.
        Emergency => ("vehicles.emergency", "应急保障用车"),
        /// 执法执勤用车.
        LawEnforcement => ("vehicles.law_enforcement", "执法执勤用车"),
        /// 特种专业技术用车.
        SpecialTechnical => ("vehicles.special_technical", "特种专业技术用车"),
        /// 离退休干部服务用车.
        RetiredService => ("vehicles.retired_service", "离退休干部服务用车"),
        /// 其他用车.
        OtherVehicles => ("vehicles.other", "其他用车"),
        /// What the other vehicles are for.
        OtherVehiclesUse => ("vehicles.other_use", "其他用车主要用途"),
        /// 单价50万元以上通用设备.
        GeneralEquipment => ("general_equipment_over_50", "单价50万元以上通用设备"),
        /// 单价100万元以上专用设备.
        SpecialEquipment => ("special_equipment_over_100", "单价100万元以上专用设备"),
        /// 单价100万元（含）以上设备（不含车辆）, as 财政部's format counts them.
        EquipmentOver100 => ("equipment_over_100", "单价100万元（含）以上设备（不含车辆）"),
        /// Of them, bought this year (北京 states the year's purchases).
        EquipmentBought => ("equipment_bought", "本年购置单价100万元（含）以上设备"),
        /// What the year's purchases of them cost.
        EquipmentBoughtAmount => ("equipment_bought_amount", "本年购置单价100万元（含）以上设备金额"),
        /// 资产变化率.
        ChangeRate => ("change_rate_percent", "资产变化率"),
        /// 资产利用率.
        UtilizationRate => ("utilization_rate_percent", "资产利用率"),
    }
}

/// 政府采购: the total is 货物 + 工程 + 服务, computed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Procurement {
    /// 政府采购货物支出.
    pub goods: Option<Wan>,
    /// 政府采购工程支出.
    pub works: Option<Wan>,
    /// 政府采购服务支出.
    pub services: Option<Wan>,
    /// 授予中小企业合同金额.
    pub to_sme: Option<Wan>,
    /// 其中：授予小微企业合同金额.
    pub to_small_micro: Option<Wan>,
    /// 授予中小企业合同金额 by kind, as 财政部's format states each kind's share of its
    /// purchases (货物采购授予中小企业合同金额占货物支出金额的X%…, after 财库〔2020〕46号);
    /// `None` until entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_sme_goods: Option<Wan>,
    /// 工程采购授予中小企业合同金额.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_sme_works: Option<Wan>,
    /// 服务采购授予中小企业合同金额.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_sme_services: Option<Wan>,
}

impl Procurement {
    /// Each kind of purchase with its amount and what of it went to SMEs: 货物, 工程, 服务.
    pub fn kinds(&self) -> [(&'static str, Option<Wan>, Option<Wan>); 3] {
        [
            ("货物", self.goods, self.to_sme_goods),
            ("工程", self.works, self.to_sme_works),
            ("服务", self.services, self.to_sme_services),
        ]
    }
}

/// 政府购买服务 (services the unit bought from society for the public), which some provinces'
/// documents state (湖北's 其他重要事项, 北京's table). A unit whose template does not state it
/// leaves it empty, and the file then does not mention it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PurchasedServices {
    /// This year's amount.
    #[serde(default)]
    pub amount: Option<Wan>,
    /// Last year's amount.
    #[serde(default)]
    pub prior: Option<Wan>,
    /// What was bought (主要用于…), the user's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub content: String,
}

impl PurchasedServices {
    /// Whether nothing of it is entered (the file then leaves the part out).
    pub fn is_empty(&self) -> bool {
        *self == PurchasedServices::default()
    }
}

/// 国有资产占有使用情况 at year end.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assets {
    /// Vehicles by use (车辆).
    pub vehicles: VehiclesByUse,
    /// 单价50万元以上通用设备 台（套）.
    #[serde(default)]
    pub general_equipment_over_50: Option<u32>,
    /// 单价100万元以上专用设备 台（套）.
    #[serde(default)]
    pub special_equipment_over_100: Option<u32>,
    /// 单价100万元（含）以上设备（不含车辆） 台（套）: 财政部's format counts every kind of
    /// equipment at one threshold where 四川's splits 通用 (50万) and 专用 (100万); `None` until
    /// entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equipment_over_100: Option<u32>,
    /// Of the 单价100万元（含）以上设备, how many were bought this year and what they cost:
    /// 北京 states the year's purchases of vehicles and large equipment (北京市财政局 on the
    /// 2023年度 决算). `None` until entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equipment_bought: Option<u32>,
    /// What this year's purchases of them cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equipment_bought_amount: Option<Wan>,
    /// 资产变化率 in percent, as the department report states it.
    pub change_rate_percent: Option<Decimal>,
    /// 资产利用率 in percent, as the department report states it.
    pub utilization_rate_percent: Option<Decimal>,
}

/// Vehicles held at year end, by use.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VehiclesByUse {
    /// 主要领导干部用车.
    #[serde(default)]
    pub leadership: Option<u32>,
    /// 机要通信用车.
    #[serde(default)]
    pub confidential: Option<u32>,
    /// 应急保障用车.
    #[serde(default)]
    pub emergency: Option<u32>,
    /// 执法执勤用车.
    #[serde(default)]
    pub law_enforcement: Option<u32>,
    /// 特种专业技术用车.
    #[serde(default)]
    pub special_technical: Option<u32>,
    /// 离退休干部服务用车.
    #[serde(default)]
    pub retired_service: Option<u32>,
    /// 其他用车.
    #[serde(default)]
    pub other: Option<u32>,
    /// What the other vehicles are for (其他用车主要是…), the user's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub other_use: String,
}

impl VehiclesByUse {
    /// All vehicles, of the kinds entered (`None`: none entered).
    pub fn total(&self) -> Option<u64> {
        super::sum_counts([
            self.leadership,
            self.confidential,
            self.emergency,
            self.law_enforcement,
            self.special_technical,
            self.retired_service,
            self.other,
        ])
    }
}
