//! Exact amounts of money in 万元, and the one rounding policy the document uses.
//!
//! Every amount in a project is a [`Wan`]: an exact decimal number of 万元 (ten thousand yuan).
//! Amounts are added and compared exactly; they are rounded only when formatted, half-up to two
//! decimals, as the domain requires. Shares and changes are computed from exact amounts too.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub};
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Decimal places shown for amounts (万元) and percentages.
pub const DISPLAY_DECIMALS: u32 = 2;

/// Rounds half-up (away from zero on a tie) to `dp` decimals: the only rounding in the product.
pub fn round_half_up(value: Decimal, dp: u32) -> Decimal {
    value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// The largest amount a project can hold, in 万元 (one trillion 万元): far above any unit's
/// accounts, and low enough that no sum of a project's amounts can overflow.
pub const MAX_WAN_INTEGER_DIGITS: usize = 12;

/// The finest amount a project can hold: 6 decimals of 万元, i.e. 0.01 元 (one 分).
pub const MAX_WAN_DECIMALS: u32 = 6;

/// An exact amount of money in 万元.
///
/// Written to JSON as a string (`"226.23"`) so that no float ever touches it. Amounts parsed from
/// text are at most 12 integer digits with at most 6 decimals (one 分).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Wan(Decimal);

impl Wan {
    /// Zero 万元.
    pub const ZERO: Wan = Wan(Decimal::ZERO);

    /// An amount given in 万元.
    pub const fn from_wan(value: Decimal) -> Wan {
        Wan(value)
    }

    /// An amount given in 元; exact, since 1 万元 = 10 000 元.
    pub fn from_yuan(yuan: Decimal) -> Wan {
        Wan(yuan / Decimal::from(10_000))
    }

    /// An amount in 万元 if it is within the limits a project can hold (see [`Wan`]).
    pub fn checked(value: Decimal) -> Result<Wan, AmountError> {
        let value = value.normalize();
        if value.scale() > MAX_WAN_DECIMALS {
            return Err(AmountError::TooPrecise(value.to_string()));
        }
        if value.abs() >= Decimal::from(10_i64.pow(MAX_WAN_INTEGER_DIGITS as u32)) {
            return Err(AmountError::OutOfRange(value.to_string()));
        }
        Ok(Wan(value))
    }

    /// The exact value in 万元.
    pub const fn wan(self) -> Decimal {
        self.0
    }

    /// The exact value in 元.
    pub fn yuan(self) -> Decimal {
        self.0 * Decimal::from(10_000)
    }

    /// Whether the amount is exactly zero.
    pub fn is_zero(&self) -> bool {
        self.0.is_zero()
    }

    /// Whether the amount is below zero.
    pub fn is_negative(&self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// The absolute amount.
    pub fn abs(self) -> Wan {
        Wan(self.0.abs())
    }

    /// The amount rounded half-up to the two decimals the document shows.
    pub fn rounded(self) -> Decimal {
        round_half_up(self.0, DISPLAY_DECIMALS)
    }

    /// Narrative form: two decimals, no thousands separator (`4733.14`).
    pub fn text(self) -> String {
        format!("{:.2}", self.rounded())
    }

    /// Table form: two decimals with thousands separators (`4,733.14`).
    pub fn table(self) -> String {
        group_thousands(&self.text())
    }

    /// The value as `f64`, for drawing only.
    pub fn to_f64_for_drawing(self) -> f64 {
        use rust_decimal::prelude::ToPrimitive;
        self.0.to_f64().unwrap_or(0.0)
    }
}

/// Inserts `,` between groups of three digits in the integer part of a plain decimal string.
fn group_thousands(plain: &str) -> String {
    let (sign, unsigned) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain),
    };
    let (int_part, frac_part) = match unsigned.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    let mut grouped = String::with_capacity(int_part.len() + int_part.len() / 3);
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    match frac_part {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

impl fmt::Display for Wan {
    /// Shows the narrative form with its unit, e.g. `226.23万元`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}万元", self.text())
    }
}

impl Add for Wan {
    type Output = Wan;
    fn add(self, rhs: Wan) -> Wan {
        Wan(self.0 + rhs.0)
    }
}

impl AddAssign for Wan {
    fn add_assign(&mut self, rhs: Wan) {
        self.0 += rhs.0;
    }
}

impl Sub for Wan {
    type Output = Wan;
    fn sub(self, rhs: Wan) -> Wan {
        Wan(self.0 - rhs.0)
    }
}

impl Neg for Wan {
    type Output = Wan;
    fn neg(self) -> Wan {
        Wan(-self.0)
    }
}

impl Sum for Wan {
    fn sum<I: Iterator<Item = Wan>>(iter: I) -> Wan {
        iter.fold(Wan::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Wan> for Wan {
    fn sum<I: Iterator<Item = &'a Wan>>(iter: I) -> Wan {
        iter.copied().sum()
    }
}

/// A sum of amounts of which some may not be entered yet: what is not entered adds nothing
/// (a blank cell of a table); whether everything was entered is the checks' question.
impl Sum<Option<Wan>> for Wan {
    fn sum<I: Iterator<Item = Option<Wan>>>(iter: I) -> Wan {
        iter.flatten().sum()
    }
}

impl<'a> Sum<&'a Option<Wan>> for Wan {
    fn sum<I: Iterator<Item = &'a Option<Wan>>>(iter: I) -> Wan {
        iter.copied().sum()
    }
}

/// Adds amounts of which some may be blank (not entered): what is blank adds nothing, and the
/// sum is blank only when every part is.
pub fn sum_entered(values: impl IntoIterator<Item = Option<Wan>>) -> Option<Wan> {
    values.into_iter().flatten().reduce(Add::add)
}

impl FromStr for Wan {
    type Err = AmountError;

    /// Parses the canonical stored form: an optional `-`, digits, an optional fraction.
    ///
    /// This is the strict form used in project files; forgiving parsing of what clerks type
    /// (full-width digits, separators, `万元`) is [`parse_entry`].
    fn from_str(s: &str) -> Result<Wan, AmountError> {
        let value = parse_plain_decimal(s)?;
        Wan::checked(value)?;
        // Keep the scale as written ("50.00" stays "50.00"), so files round-trip byte for byte.
        Ok(Wan(value))
    }
}

/// Parses an optional `-`, digits and an optional fraction; nothing else.
fn parse_plain_decimal(s: &str) -> Result<Decimal, AmountError> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let well_formed = !digits.is_empty()
        && !digits.starts_with('.')
        && !digits.ends_with('.')
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().filter(|&c| c == '.').count() <= 1;
    if !well_formed {
        return Err(AmountError::NotANumber(s.to_owned()));
    }
    Decimal::from_str_exact(s).map_err(|_| AmountError::OutOfRange(s.to_owned()))
}

impl Serialize for Wan {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0.to_string())
    }
}

impl<'de> Deserialize<'de> for Wan {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Wan, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Wan;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("金额（写成字符串的数字，如 \"226.23\"）")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Wan, E> {
                v.parse().map_err(|e: AmountError| E::custom(e))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// Why a text is not an amount. Messages are shown to clerks, so they are Chinese.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AmountError {
    /// The text is not a number.
    NotANumber(String),
    /// The number is too large for any unit's accounts.
    OutOfRange(String),
    /// The number has more decimals than 0.01 元.
    TooPrecise(String),
    /// A negative number where only zero or more is allowed.
    Negative(String),
    /// Thousands separators that do not group three digits (`1,23`).
    BadGrouping(String),
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AmountError::NotANumber(s) => write!(f, "“{s}”不是有效金额，请输入数字，如 226.23"),
            AmountError::OutOfRange(s) => write!(f, "金额“{s}”过大，请检查是否多输了位数"),
            AmountError::TooPrecise(s) => write!(
                f,
                "金额“{s}”小数位过多：按元录入最多两位小数（分），按万元录入最多六位小数"
            ),
            AmountError::Negative(s) => write!(f, "金额“{s}”不能为负数"),
            AmountError::BadGrouping(s) => write!(
                f,
                "金额“{s}”的千位分隔符位置不对：逗号之间应正好是三位数字（如 1,234.56），或不用分隔符"
            ),
        }
    }
}

impl std::error::Error for AmountError {}

/// The unit in which a clerk types amounts: a project setting, shown on every amount field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum EntryUnit {
    /// 元: amounts are divided by 10 000 to be stored.
    #[serde(rename = "元")]
    Yuan,
    /// 万元, the unit of the document.
    #[default]
    #[serde(rename = "万元")]
    Wan,
}

impl EntryUnit {
    /// The unit's label, as shown beside a field.
    pub fn label(self) -> &'static str {
        match self {
            EntryUnit::Yuan => "元",
            EntryUnit::Wan => "万元",
        }
    }

    /// How many decimals an entry in this unit may have: 2 in 元 (one 分), 6 in 万元.
    pub fn decimals_allowed(self) -> u32 {
        match self {
            EntryUnit::Yuan => 2,
            EntryUnit::Wan => MAX_WAN_DECIMALS,
        }
    }

    /// Shows a stored amount in this unit, without separators, for editing.
    pub fn edit_text(self, amount: Wan) -> String {
        match self {
            EntryUnit::Wan => amount.wan().normalize().to_string(),
            EntryUnit::Yuan => amount.yuan().normalize().to_string(),
        }
    }
}

/// Parses what a clerk types into an amount field shown in `unit`.
///
/// Accepts surrounding spaces, thousands separators that group exactly three digits
/// (`1,234.56`, also `，` or a space), full-width digits and signs (`１２３．４`), and a trailing
/// unit that matches the field (`226.23万元` in a 万元 field, `2262300元` in a 元 field).
/// Anything else is rejected with a message saying what is wrong; the caller keeps the text.
pub fn parse_entry(text: &str, unit: EntryUnit) -> Result<Wan, AmountError> {
    let shown = text.trim().to_owned();
    let normalized: String = shown
        .chars()
        .map(|c| match narrow(c) {
            '。' => '.',
            '−' => '-',
            other => other,
        })
        .collect();
    let number = match unit {
        EntryUnit::Wan => normalized.strip_suffix("万元").unwrap_or(&normalized),
        EntryUnit::Yuan => normalized
            .strip_suffix('元')
            .filter(|rest| !rest.ends_with('万'))
            .unwrap_or(&normalized),
    };
    let number = number.trim_end();
    let (sign, unsigned) = match number.strip_prefix(['-', '+']) {
        Some(rest) => (if number.starts_with('-') { "-" } else { "" }, rest),
        None => ("", number),
    };
    let (int_part, frac_part) = match unsigned.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    let not_a_number = || AmountError::NotANumber(shown.clone());
    let int_digits = ungroup(int_part).ok_or_else(|| {
        if int_part.contains([',', ' ']) {
            AmountError::BadGrouping(shown.clone())
        } else {
            not_a_number()
        }
    })?;
    let frac = frac_part.unwrap_or("");
    if int_digits.is_empty()
        || frac_part.is_some_and(str::is_empty)
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return Err(if frac.contains([',', ' ']) {
            AmountError::BadGrouping(shown.clone())
        } else {
            not_a_number()
        });
    }
    let int_digits = int_digits.trim_start_matches('0');
    if int_digits.len() > integer_digits_allowed(unit) {
        return Err(AmountError::OutOfRange(shown));
    }
    let frac = frac.trim_end_matches('0');
    if frac.len() > unit.decimals_allowed() as usize {
        return Err(AmountError::TooPrecise(shown));
    }
    let plain = match (int_digits.is_empty(), frac.is_empty()) {
        (true, true) => "0".to_owned(),
        (true, false) => format!("{sign}0.{frac}"),
        (false, true) => format!("{sign}{int_digits}"),
        (false, false) => format!("{sign}{int_digits}.{frac}"),
    };
    let value =
        Decimal::from_str_exact(&plain).map_err(|_| AmountError::OutOfRange(shown.clone()))?;
    let wan = match unit {
        EntryUnit::Wan => value,
        EntryUnit::Yuan => Wan::from_yuan(value).wan(),
    };
    Wan::checked(wan).map_err(|e| match e {
        AmountError::OutOfRange(_) => AmountError::OutOfRange(shown.clone()),
        AmountError::TooPrecise(_) => AmountError::TooPrecise(shown.clone()),
        other => other,
    })
}

/// A full-width character as its ASCII form (`１` → `1`, `，` → `,`, `／` → `/`) and the
/// ideographic space as a space, as Chinese input methods type them; any other as it is.
pub(crate) fn narrow(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        c => c,
    }
}

/// The integer digits of `part` without its thousands separators, if it is digits grouped
/// correctly: no separators at all, or groups of exactly three after a first group of one to
/// three, all with the same separator (`1,234,567`; `1 234`). `None` otherwise (`1,23`,
/// `12,3456`, `1,,234`, `1,234 567`).
pub(crate) fn ungroup(part: &str) -> Option<String> {
    if part.chars().all(|c| c.is_ascii_digit()) {
        return Some(part.to_owned());
    }
    let separator = part.chars().find(|c| !c.is_ascii_digit())?;
    if separator != ',' && separator != ' ' {
        return None;
    }
    let groups: Vec<&str> = part.split(separator).collect();
    let digits = |g: &str| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit());
    let first_ok = groups.first().is_some_and(|g| digits(g) && g.len() <= 3);
    let rest_ok = groups[1..].iter().all(|g| digits(g) && g.len() == 3);
    (first_ok && rest_ok).then(|| groups.concat())
}

/// How many integer digits an entry in `unit` may have: 12 in 万元, 16 in 元.
fn integer_digits_allowed(unit: EntryUnit) -> usize {
    match unit {
        EntryUnit::Wan => MAX_WAN_INTEGER_DIGITS,
        EntryUnit::Yuan => MAX_WAN_INTEGER_DIGITS + 4,
    }
}

/// A percentage, held exactly (`73.58` means 73.58%).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Percent(Decimal);

impl Percent {
    /// The exact value in percent.
    pub const fn value(self) -> Decimal {
        self.0
    }

    /// `part / whole` in percent, exact up to Decimal's 28 digits; `None` when `whole` is zero.
    pub fn of(part: Wan, whole: Wan) -> Option<Percent> {
        if whole.is_zero() {
            return None;
        }
        part.0
            .checked_div(whole.0)
            .and_then(|ratio| ratio.checked_mul(Decimal::ONE_HUNDRED))
            .map(Percent)
    }

    /// Rounded half-up to two decimals.
    pub fn rounded(self) -> Decimal {
        round_half_up(self.0, DISPLAY_DECIMALS)
    }

    /// The narrative form: two decimals (`73.58%`, `6.10%`), except that exactly 0 and 100 are
    /// written `0%` and `100%`, as published documents write them.
    pub fn text(self) -> String {
        percent_text(self.rounded())
    }

    /// The table form with two decimals always (`100.00%`), as in self-assessment tables.
    pub fn table(self) -> String {
        format!("{:.2}%", self.rounded())
    }
}

/// How the printed shares of one structure (revenue, expenditure, 类, 三公) are rounded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ShareRounding {
    /// 各项独立四舍五入: each share half-up on its own, as published documents do; they may sum to
    /// 99.99% or 100.01%.
    #[default]
    #[serde(rename = "独立四舍五入")]
    Independent,
    /// 最大余额法: shares adjusted so that a structure sums to exactly 100.00%; the document says so.
    #[serde(rename = "最大余额法")]
    LargestRemainder,
}

/// The printed shares of `parts` in `whole`, in percent with two decimals, by `method`.
///
/// `None` for every part when `whole` is zero (no share can be written). Largest-remainder
/// rounding applies only when the parts are non-negative and sum exactly to `whole`; otherwise no
/// adjustment can make them sum to 100%, and the shares are rounded independently.
pub fn rounded_shares(parts: &[Wan], whole: Wan, method: ShareRounding) -> Vec<Option<Decimal>> {
    rounded_shares_to(parts, whole, method, DISPLAY_DECIMALS)
}

/// [`rounded_shares`] to `decimals` decimals (0, 1 or 2): the largest remainder is taken at the
/// precision printed, so whole-percent shares still add up to 100%.
pub fn rounded_shares_to(
    parts: &[Wan],
    whole: Wan,
    method: ShareRounding,
    decimals: u32,
) -> Vec<Option<Decimal>> {
    let decimals = decimals.min(DISPLAY_DECIMALS);
    let exact: Vec<Option<Percent>> = parts.iter().map(|&p| Percent::of(p, whole)).collect();
    let independent = || {
        exact
            .iter()
            .map(|s| s.map(|p| round_half_up(p.value(), decimals)))
            .collect()
    };
    let sums_to_whole = parts.iter().copied().sum::<Wan>() == whole;
    let non_negative = parts.iter().all(|p| !p.is_negative()) && !whole.is_negative();
    if method == ShareRounding::Independent || whole.is_zero() || !sums_to_whole || !non_negative {
        return independent();
    }
    let step = Decimal::from(10_i64.pow(decimals));
    let hundredths: Vec<Decimal> = exact
        .iter()
        .map(|s| s.map(|p| p.value() * step).unwrap_or_default())
        .collect();
    let mut floors: Vec<Decimal> = hundredths.iter().map(|h| h.floor()).collect();
    let target = Decimal::ONE_HUNDRED * step;
    let mut missing = target - floors.iter().copied().sum::<Decimal>();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    // Largest remainder first; ties go to the earlier part, so the result is deterministic.
    order.sort_by(|&a, &b| {
        let ra = hundredths[a] - floors[a];
        let rb = hundredths[b] - floors[b];
        rb.cmp(&ra).then(a.cmp(&b))
    });
    // The parts sum to the whole, so the missing hundredths equal the sum of the remainders and
    // are fewer than the parts with a remainder: one each, largest first, closes the gap.
    for &i in &order {
        if missing <= Decimal::ZERO {
            break;
        }
        floors[i] += Decimal::ONE;
        missing -= Decimal::ONE;
    }
    floors.into_iter().map(|f| Some(f / step)).collect()
}

/// A rounded percentage in the narrative form (see [`Percent::text`]).
pub fn percent_text(rounded: Decimal) -> String {
    if rounded.is_zero() || rounded == Decimal::ONE_HUNDRED {
        format!("{}%", rounded.trunc())
    } else {
        format!("{rounded:.2}%")
    }
}

/// The change of an amount against the prior year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Same amount as last year (after rounding to the shown 0.01 万元).
    Unchanged,
    /// Higher than last year; `rate` is `None` when last year was zero.
    Increase {
        /// The increase.
        amount: Wan,
        /// The growth rate, or `None` when the prior year was zero.
        rate: Option<Percent>,
    },
    /// Lower than last year.
    Decrease {
        /// The decrease, as a positive amount.
        amount: Wan,
        /// The rate of decline.
        rate: Option<Percent>,
    },
}

impl Change {
    /// Compares `current` with `prior`. The comparison uses the amounts as the document shows them,
    /// so a change that rounds to 0.00 万元 reads as unchanged.
    pub fn between(current: Wan, prior: Wan) -> Change {
        let shown_current = Wan(current.rounded());
        let shown_prior = Wan(prior.rounded());
        let delta = shown_current - shown_prior;
        let rate = Percent::of(delta.abs(), shown_prior.abs());
        if delta.is_zero() {
            Change::Unchanged
        } else if delta.is_negative() {
            Change::Decrease {
                amount: delta.abs(),
                rate,
            }
        } else {
            Change::Increase {
                amount: delta,
                rate,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wan(s: &str) -> Wan {
        s.parse().unwrap()
    }

    #[test]
    fn rounding_is_half_up_not_bankers() {
        assert_eq!(wan("0.125").text(), "0.13");
        assert_eq!(wan("0.135").text(), "0.14");
        assert_eq!(wan("-0.125").text(), "-0.13");
        assert_eq!(wan("2.3").text(), "2.30");
    }

    #[test]
    fn table_form_groups_thousands_and_text_form_does_not() {
        assert_eq!(wan("4733.14").table(), "4,733.14");
        assert_eq!(wan("4733.14").text(), "4733.14");
        assert_eq!(wan("1234567.5").table(), "1,234,567.50");
        assert_eq!(wan("-1234.5").table(), "-1,234.50");
        assert_eq!(wan("226.23").table(), "226.23");
    }

    #[test]
    fn strict_parse_rejects_anything_but_plain_decimals() {
        for bad in ["", "abc", "1,234", "1.2.3", ".5", "5.", "1e5", " 1", "+1"] {
            assert!(bad.parse::<Wan>().is_err(), "{bad:?} should be rejected");
        }
        assert_eq!(wan("-0.42").wan(), Decimal::new(-42, 2));
    }

    #[test]
    fn entry_parsing_accepts_what_clerks_type() {
        let w = EntryUnit::Wan;
        assert_eq!(parse_entry("1,234.56", w).unwrap(), wan("1234.56"));
        assert_eq!(parse_entry("１２３", w).unwrap(), wan("123"));
        assert_eq!(parse_entry("  226.23万元 ", w).unwrap(), wan("226.23"));
        assert_eq!(parse_entry("１，２３４．５", w).unwrap(), wan("1234.5"));
        assert_eq!(
            parse_entry("2262300元", EntryUnit::Yuan).unwrap(),
            wan("226.23")
        );
        assert_eq!(
            parse_entry("12345", EntryUnit::Yuan).unwrap(),
            wan("1.2345")
        );
    }

    #[test]
    fn entry_parsing_rejects_mismatched_units_and_garbage() {
        assert!(parse_entry("226.23元", EntryUnit::Wan).is_err());
        assert!(parse_entry("226.23万元", EntryUnit::Yuan).is_err());
        assert!(parse_entry("二百", EntryUnit::Wan).is_err());
        assert!(parse_entry("12a", EntryUnit::Wan).is_err());
        let err = parse_entry("12a", EntryUnit::Wan).unwrap_err();
        assert!(err.to_string().contains("不是有效金额"));
    }

    #[test]
    fn amounts_beyond_any_unit_or_finer_than_a_fen_are_refused() {
        assert!(matches!(
            "1000000000000".parse::<Wan>(),
            Err(AmountError::OutOfRange(_))
        ));
        assert!("999999999999.999999".parse::<Wan>().is_ok());
        assert!(matches!(
            "0.0000001".parse::<Wan>(),
            Err(AmountError::TooPrecise(_))
        ));
        assert!("0.000001".parse::<Wan>().is_ok());
        let err = parse_entry("1.001", EntryUnit::Yuan).unwrap_err();
        assert!(err.to_string().contains("小数位过多"), "{err}");
        assert_eq!(wan("50.00").wan().to_string(), "50.00", "scale is kept");
    }

    #[test]
    fn thousands_separators_must_group_three_digits() {
        let w = EntryUnit::Wan;
        for good in ["1,234", "12,345.6", "1,234,567.89", "1 234.5", "１，２３４"] {
            assert!(parse_entry(good, w).is_ok(), "{good:?} should be accepted");
        }
        assert_eq!(parse_entry("1,234,567.89", w).unwrap(), wan("1234567.89"));
        for bad in [
            "1,23",
            "12,3456",
            "1,,234",
            ",123",
            "1,234 567",
            "1.234,5",
            "1234,",
        ] {
            let err = parse_entry(bad, w).unwrap_err();
            assert!(
                matches!(
                    err,
                    AmountError::BadGrouping(_) | AmountError::NotANumber(_)
                ),
                "{bad:?}: {err:?}"
            );
        }
        assert!(matches!(
            parse_entry("1,23", w),
            Err(AmountError::BadGrouping(_))
        ));
        assert!(
            parse_entry("12,3456", w)
                .unwrap_err()
                .to_string()
                .contains("千位分隔符")
        );
    }

    #[test]
    fn too_many_decimals_says_so_and_trailing_zeros_do_not_count() {
        let err = parse_entry("1.0000000000000000000000000001", EntryUnit::Wan).unwrap_err();
        assert!(matches!(err, AmountError::TooPrecise(_)), "{err:?}");
        assert!(err.to_string().contains("小数位过多"), "{err}");
        assert!(matches!(
            parse_entry("12.345", EntryUnit::Yuan),
            Err(AmountError::TooPrecise(_))
        ));
        assert_eq!(
            parse_entry("12.3400000000", EntryUnit::Yuan).unwrap(),
            wan("0.001234")
        );
        assert!(matches!(
            parse_entry("1234567890123", EntryUnit::Wan),
            Err(AmountError::OutOfRange(_))
        ));
        assert!(matches!(
            parse_entry("000000000000001", EntryUnit::Wan),
            Ok(v) if v == wan("1")
        ));
    }

    #[test]
    fn half_typed_and_foreign_forms_are_refused_not_truncated() {
        for bad in [
            "226.23x", "1e5", "1000abc", "1.", ".", "-", "+", "1..2", "--1", "1-",
        ] {
            assert!(
                parse_entry(bad, EntryUnit::Wan).is_err(),
                "{bad:?} must not parse"
            );
        }
        assert_eq!(parse_entry("+5", EntryUnit::Wan).unwrap(), wan("5"));
        assert_eq!(parse_entry("-0.5", EntryUnit::Wan).unwrap(), wan("-0.5"));
        assert_eq!(parse_entry(".5", EntryUnit::Wan).ok(), None);
    }

    #[test]
    fn yuan_and_wan_convert_exactly() {
        let a = Wan::from_yuan(Decimal::new(2_262_301, 0));
        assert_eq!(a.wan(), Decimal::new(2_262_301, 4));
        assert_eq!(a.yuan(), Decimal::new(2_262_301, 0));
        assert_eq!(EntryUnit::Yuan.edit_text(a), "2262301");
        assert_eq!(EntryUnit::Wan.edit_text(wan("226.230")), "226.23");
    }

    #[test]
    fn shares_and_percent_forms() {
        let p = Percent::of(wan("166.46"), wan("226.23")).unwrap();
        assert_eq!(p.text(), "73.58%");
        let all = Percent::of(wan("226.23"), wan("226.23")).unwrap();
        assert_eq!(all.text(), "100%");
        assert_eq!(all.table(), "100.00%");
        assert_eq!(Percent::of(wan("1"), Wan::ZERO), None);
        let housing = Percent::of(wan("11.94"), wan("226.23")).unwrap();
        assert_eq!(housing.text(), "5.28%");
    }

    #[test]
    fn seed_class_shares_sum_to_100_01_independently_and_100_by_largest_remainder() {
        let parts = [wan("193.15"), wan("14.63"), wan("6.51"), wan("11.94")];
        let total = wan("226.23");
        let shown = |m| -> Vec<String> {
            rounded_shares(&parts, total, m)
                .into_iter()
                .map(|s| format!("{:.2}", s.unwrap()))
                .collect()
        };
        assert_eq!(
            shown(ShareRounding::Independent),
            ["85.38", "6.47", "2.88", "5.28"]
        );
        let adjusted = shown(ShareRounding::LargestRemainder);
        // The seed lowered 住房保障 by hand to 5.27%; largest remainder lowers 社会保障和就业,
        // whose remainder (0.687) is the smallest of the four.
        assert_eq!(adjusted, ["85.38", "6.46", "2.88", "5.28"]);
    }

    #[test]
    fn shares_of_zero_are_none_and_unbalanced_parts_are_not_adjusted() {
        assert_eq!(
            rounded_shares(&[Wan::ZERO], Wan::ZERO, ShareRounding::LargestRemainder),
            vec![None]
        );
        let parts = [wan("1"), wan("1"), wan("1")];
        let got = rounded_shares(&parts, wan("4"), ShareRounding::LargestRemainder);
        assert_eq!(got, vec![Some(Decimal::new(2500, 2)); 3]);
    }

    #[test]
    fn change_against_prior_year() {
        match Change::between(wan("226.23"), wan("213.07")) {
            Change::Increase { amount, rate } => {
                assert_eq!(amount.text(), "13.16");
                assert_eq!(rate.unwrap().text(), "6.18%");
            }
            other => panic!("expected an increase, got {other:?}"),
        }
        match Change::between(wan("0.99"), wan("0.28")) {
            Change::Increase { rate, .. } => assert_eq!(rate.unwrap().text(), "253.57%"),
            other => panic!("expected an increase, got {other:?}"),
        }
        assert_eq!(
            Change::between(wan("5"), Wan::ZERO),
            Change::Increase {
                amount: wan("5.00"),
                rate: None
            }
        );
        assert!(matches!(
            Change::between(wan("1"), wan("2")),
            Change::Decrease { .. }
        ));
        assert_eq!(Change::between(wan("1.001"), wan("1")), Change::Unchanged);
    }
}
