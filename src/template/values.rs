//! The values a template sees: amounts, shares and figures as objects that print in the
//! document's wording and compare exactly, never as floats.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use minijinja::Value;
use minijinja::value::{DynObject, Enumerator, Object, ObjectRepr};
use rust_decimal::Decimal;

use super::NumberStyle;
use crate::money::{Percent, Wan, round_half_up};

/// An exact amount in 万元. Prints as the narrative form with its unit (`226.23万元`, a zero as the
/// template writes zeros); is true when it is not zero (to two decimals); compares exactly with
/// other amounts.
#[derive(Clone, Copy, Debug)]
pub struct Amount {
    /// The amount.
    pub wan: Wan,
    /// How the template writes numbers.
    pub style: NumberStyle,
}

impl Amount {
    /// The amount as a template value.
    pub fn value(wan: Wan, style: NumberStyle) -> Value {
        Value::from_object(Amount { wan, style })
    }

    /// The narrative form: `226.23万元`, zero as the style says.
    pub fn text(&self) -> String {
        self.style.amount(self.wan)
    }
}

impl Object for Amount {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Plain
    }

    fn is_true(self: &Arc<Self>) -> bool {
        !self.wan.rounded().is_zero()
    }

    fn custom_cmp(self: &Arc<Self>, other: &DynObject) -> Option<Ordering> {
        let other = other.downcast_ref::<Amount>()?;
        Some(self.wan.cmp(&other.wan))
    }

    fn render(self: &Arc<Self>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// A printed share or rate in percent, already rounded as the template prints it. Prints as
/// `73.58%` (0 and 100 as `0%` and `100%` where the template writes them so).
#[derive(Clone, Copy, Debug)]
pub struct Share {
    /// The rounded value in percent.
    pub rounded: Decimal,
    /// How the template writes numbers.
    pub style: NumberStyle,
}

impl Share {
    /// The share of `part` in `whole` rounded as the style says, or `None` against zero.
    pub fn of(part: Wan, whole: Wan, style: NumberStyle) -> Option<Share> {
        Percent::of(part, whole).map(|p| Share {
            rounded: round_half_up(p.value(), style.share_decimals),
            style,
        })
    }

    /// A share that is already rounded (the structures' printed shares).
    pub fn rounded(rounded: Decimal, style: NumberStyle) -> Share {
        Share {
            rounded: round_half_up(rounded, style.share_decimals),
            style,
        }
    }

    /// The share as a template value (`none` when there is none).
    pub fn value(share: Option<Share>) -> Value {
        share.map_or(Value::from(()), Value::from_object)
    }

    /// `73.58%`.
    pub fn text(&self) -> String {
        self.style.percent(self.rounded)
    }
}

impl Object for Share {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Plain
    }

    fn custom_cmp(self: &Arc<Self>, other: &DynObject) -> Option<Ordering> {
        let other = other.downcast_ref::<Share>()?;
        Some(self.rounded.cmp(&other.rounded))
    }

    fn render(self: &Arc<Self>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// A figure: an amount with what the document compares it with (上年, 预算, 年初预算), its share
/// where it is part of a structure, its name, and anything else a sentence states about it.
/// Prints as its amount.
#[derive(Debug)]
pub struct Figure {
    /// This year's amount (值).
    pub value: Wan,
    /// Last year's, if entered (上年).
    pub prior: Option<Wan>,
    /// The (full-year) budget, if any (预算).
    pub budget: Option<Wan>,
    /// How the template writes numbers.
    pub style: NumberStyle,
    /// Every field by its Chinese name, as the template reads them.
    fields: BTreeMap<&'static str, Value>,
}

impl Figure {
    /// A figure of `value`, compared with `prior` where entered.
    pub fn new(value: Wan, prior: Option<Wan>, style: NumberStyle) -> Figure {
        let mut fields = BTreeMap::new();
        fields.insert("值", Amount::value(value, style));
        fields.insert("上年", optional(prior, style));
        Figure {
            value,
            prior,
            budget: None,
            style,
            fields,
        }
    }

    /// With its full-year budget (预算), and the completion and difference derived from it:
    /// 完成率, 预算差额 (how far from the budget, never negative) and 超预算 (whether above it).
    pub fn with_budget(mut self, budget: Option<Wan>) -> Figure {
        self.budget = budget;
        self.fields.insert("预算", optional(budget, self.style));
        let rate = budget.and_then(|b| Share::of(self.value, b, self.style));
        self.fields.insert("完成率", Share::value(rate));
        self.fields.insert(
            "预算差额",
            optional(budget.map(|b| (self.value - b).abs()), self.style),
        );
        self.fields.insert(
            "超预算",
            Value::from(budget.map(|b| self.value.rounded() > b.rounded())),
        );
        self
    }

    /// With its 年初预算 and the completion of it (年初完成率): a unit set up mid-year has a
    /// 年初预算 of 0 and no rate.
    pub fn with_initial_budget(mut self, initial: Option<Wan>) -> Figure {
        self.fields
            .insert("年初预算", optional(initial, self.style));
        let rate = initial.and_then(|b| Share::of(self.value, b, self.style));
        self.fields.insert("年初完成率", Share::value(rate));
        self
    }

    /// With another field.
    pub fn with(mut self, name: &'static str, value: impl Into<Value>) -> Figure {
        self.fields.insert(name, value.into());
        self
    }

    /// The figure as a template value.
    pub fn value(self) -> Value {
        Value::from_object(self)
    }
}

/// An optional amount: `none` when not entered.
pub fn optional(amount: Option<Wan>, style: NumberStyle) -> Value {
    amount.map_or(Value::from(()), |a| Amount::value(a, style))
}

impl Object for Figure {
    fn get_value_by_str(self: &Arc<Self>, key: &str) -> Option<Value> {
        self.fields.get(key).cloned()
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        key.as_str().and_then(|k| self.fields.get(k).cloned())
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        let keys: Vec<Value> = self.fields.keys().map(|k| Value::from(*k)).collect();
        Enumerator::Values(keys)
    }

    fn is_true(self: &Arc<Self>) -> bool {
        !self.value.rounded().is_zero()
    }

    fn custom_cmp(self: &Arc<Self>, other: &DynObject) -> Option<Ordering> {
        let other = other.downcast_ref::<Figure>()?;
        Some(self.value.cmp(&other.value))
    }

    fn render(self: &Arc<Self>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.style.amount(self.value))
    }
}

/// The amount a value stands for: an [`Amount`], a [`Figure`]'s 值, or a number written as text.
pub fn amount_of(value: &Value) -> Option<Wan> {
    if let Some(a) = value.downcast_object_ref::<Amount>() {
        return Some(a.wan);
    }
    if let Some(f) = value.downcast_object_ref::<Figure>() {
        return Some(f.value);
    }
    value.as_str().and_then(|s| s.parse().ok())
}

/// A map of template values from (name, value) pairs.
pub fn map<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    let m: BTreeMap<String, Value> = pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    Value::from(m)
}
