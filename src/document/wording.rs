//! The document's wording rules: amounts in text, changes against the prior year, completion of
//! the budget, and deviations from it. Each rule is one function, tested on its own.

use crate::money::{Change, Percent, Wan, percent_text};
use rust_decimal::Decimal;

/// An amount in running text: two decimals and no separator (`4733.14万元`); zero is `0万元`,
/// as published documents write it.
pub fn amount(a: Wan) -> String {
    if a.rounded().is_zero() {
        "0万元".to_owned()
    } else {
        format!("{}万元", a.text())
    }
}

/// A printed share: `占73.58%`, `占100%`, `占0%`.
pub fn share(rounded: Option<Decimal>) -> String {
    format!("占{}", percent_text(rounded.unwrap_or_default()))
}

/// The change against the prior year, after its subject: "增加13.16万元，增长6.18%",
/// "减少2.00万元，下降10.00%", "持平", or with a zero prior year "增加5.00万元（上年无此项支出）".
pub fn change(current: Wan, prior: Wan) -> String {
    describe(Change::between(current, prior))
}

/// The wording of a change (see [`change`]).
pub fn describe(change: Change) -> String {
    match change {
        Change::Unchanged => "持平".to_owned(),
        Change::Increase { amount: a, rate } => match rate {
            Some(r) => format!("增加{}，增长{}", amount(a), r.text()),
            None => format!("增加{}（上年无此项支出）", amount(a)),
        },
        Change::Decrease { amount: a, rate } => match rate {
            Some(r) => format!("减少{}，下降{}", amount(a), r.text()),
            None => format!("减少{}", amount(a)),
        },
    }
}

/// "，主要原因是…" when the user gave a reason and something changed; otherwise nothing.
pub fn reason(lead: &str, reason: &str) -> String {
    let reason = reason.trim().trim_end_matches(['。', '；', '，']);
    if reason.is_empty() {
        String::new()
    } else {
        format!("，{lead}{reason}")
    }
}

/// "完成预算100%" when there is a budget; `None` against a zero or missing budget, where no rate
/// can be written.
pub fn completion(actual: Wan, budget: Option<Wan>) -> Option<String> {
    let budget = budget.filter(|b| !b.is_zero())?;
    Percent::of(actual, budget).map(|p| format!("完成预算{}", p.text()))
}

/// "决算数等于预算数", or "决算数大于/小于预算数的主要原因是…" with the user's reason; against a
/// zero or missing budget, only the reason (or nothing).
pub fn deviation(actual: Wan, budget: Option<Wan>, why: &str) -> Option<String> {
    let why = why.trim().trim_end_matches(['。', '；', '，']);
    let Some(budget) = budget.filter(|b| !b.is_zero()) else {
        return (!why.is_empty()).then(|| format!("主要原因是{why}"));
    };
    let compared = if actual.rounded() == budget.rounded() {
        return Some("决算数等于预算数".to_owned());
    } else if actual > budget {
        "大于"
    } else {
        "小于"
    };
    Some(if why.is_empty() {
        format!("决算数{compared}预算数")
    } else {
        format!("决算数{compared}预算数的主要原因是{why}")
    })
}

/// Joins the parts of a list sentence with `；` and ends it with `。`.
pub fn list_sentence(items: &[String]) -> String {
    format!("{}。", items.join("；"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wan(s: &str) -> Wan {
        s.parse().unwrap()
    }

    #[test]
    fn amounts_in_text() {
        assert_eq!(amount(wan("4733.14")), "4733.14万元");
        assert_eq!(amount(wan("10")), "10.00万元");
        assert_eq!(amount(Wan::ZERO), "0万元");
        assert_eq!(amount(wan("0.001")), "0万元");
    }

    #[test]
    fn increase_decrease_unchanged_and_zero_prior_year() {
        assert_eq!(
            change(wan("226.23"), wan("213.07")),
            "增加13.16万元，增长6.18%"
        );
        assert_eq!(change(wan("18"), wan("20")), "减少2.00万元，下降10.00%");
        assert_eq!(change(wan("5"), wan("5.001")), "持平");
        assert_eq!(
            change(wan("5"), Wan::ZERO),
            "增加5.00万元（上年无此项支出）"
        );
        assert_eq!(change(Wan::ZERO, wan("3")), "减少3.00万元，下降100%");
    }

    #[test]
    fn completion_needs_a_budget() {
        assert_eq!(
            completion(wan("82.26"), Some(wan("82.26"))).unwrap(),
            "完成预算100%"
        );
        assert_eq!(
            completion(wan("9"), Some(wan("10"))).unwrap(),
            "完成预算90.00%"
        );
        assert_eq!(completion(wan("9"), Some(Wan::ZERO)), None);
        assert_eq!(completion(wan("9"), None), None);
    }

    #[test]
    fn deviation_wording() {
        assert_eq!(
            deviation(wan("5"), Some(wan("5")), "").unwrap(),
            "决算数等于预算数"
        );
        assert_eq!(
            deviation(wan("6"), Some(wan("5")), "追加会议经费。").unwrap(),
            "决算数大于预算数的主要原因是追加会议经费"
        );
        assert_eq!(
            deviation(wan("4"), Some(wan("5")), "").unwrap(),
            "决算数小于预算数"
        );
        assert_eq!(
            deviation(wan("4"), Some(Wan::ZERO), "年中追加").unwrap(),
            "主要原因是年中追加"
        );
        assert_eq!(deviation(wan("4"), None, ""), None);
    }

    #[test]
    fn reasons_are_the_users_words_without_doubled_punctuation() {
        assert_eq!(reason("主要原因是", "人员变动。"), "，主要原因是人员变动");
        assert_eq!(reason("主要原因是", "  "), "");
    }
}
