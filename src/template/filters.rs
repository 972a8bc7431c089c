//! The document's wording rules as template filters and tests: what `{{ 收入总计|change }}`,
//! `{{ 政府采购.中小企业|share }}` or `{% if 三公.合计 is zero %}` mean. Each rule is the one the
//! Rust wording used, so every template words a figure the same way.

use minijinja::value::Kwargs;
use minijinja::{Error, ErrorKind, Value};

use super::values::{Amount, Figure, Share, amount_of};
use crate::money::{Change, Wan};

fn invalid(message: String) -> Error {
    Error::new(ErrorKind::InvalidOperation, message)
}

/// Marks an error as a figure the clerk has not entered (the paragraph waits for it), not a
/// mistake in the template.
const MISSING: &str = "〔未填写〕";

/// The error of a paragraph that needs a figure the clerk has not entered.
pub fn missing(message: String) -> Error {
    Error::new(ErrorKind::InvalidOperation, format!("{MISSING}{message}"))
}

/// Whether `e` says a figure is not entered, and its message without the mark.
pub fn missing_message(e: &Error) -> Option<&str> {
    e.detail()?.strip_prefix(MISSING)
}

fn style_of(value: &Value) -> Option<super::NumberStyle> {
    if let Some(a) = value.downcast_object_ref::<Amount>() {
        return Some(a.style);
    }
    value.downcast_object_ref::<Figure>().map(|f| f.style)
}

/// The figure's name, for messages (its 名称 field, or "这个数").
fn name_of(value: &Value) -> String {
    value
        .get_attr("名称")
        .ok()
        .and_then(|n| n.as_str().map(str::to_owned))
        .unwrap_or_else(|| "这个数".to_owned())
}

fn wan_of(value: &Value, filter: &str) -> Result<Wan, Error> {
    amount_of(value).ok_or_else(|| {
        if value.is_undefined() {
            Error::new(
                ErrorKind::UndefinedError,
                format!("{filter}：用到了没有的数字名称"),
            )
        } else if value.is_none() {
            missing(format!("{}还没有填写（{filter}）", name_of(value)))
        } else {
            invalid(format!("{filter}：“{value}”不是金额"))
        }
    })
}

/// `wan`: an amount in running text, `226.23万元` (a zero as the template writes zeros).
pub fn wan(value: &Value) -> Result<String, Error> {
    let a = wan_of(value, "wan")?;
    let style = style_of(value).unwrap_or_default();
    Ok(style.amount(a))
}

/// `share`: `占73.58%` for a figure with a share; `占0%` for a share of a zero whole.
pub fn share(value: &Value, whole: Option<Value>) -> Result<String, Error> {
    if let Some(whole) = whole {
        // `x|share(whole)`: a part a structure does not list (重庆's 财政拨款收入 of 收入合计).
        let (part, whole) = (wan_of(value, "share")?, wan_of(&whole, "share")?);
        let style = style_of(value).unwrap_or_default();
        let s = Share::of(part, whole, style).map_or_else(|| style.percent(0.into()), |s| s.text());
        return Ok(format!("占{s}"));
    }
    let s = if let Some(s) = value.downcast_object_ref::<Share>() {
        s.text()
    } else {
        let share = value.get_attr("占比").unwrap_or_default();
        if share.is_undefined() {
            // A figure that is no part of a structure: "占0%" would be a false statement.
            return Err(invalid(format!(
                "share：{}没有占比（只有收入、支出、科目、“三公”、基本支出等结构中的各项有占比）",
                name_of(value)
            )));
        }
        match share.downcast_object_ref::<Share>() {
            Some(s) => s.text(),
            // The whole is zero.
            None => style_of(value).unwrap_or_default().percent(0.into()),
        }
    };
    Ok(format!("占{s}"))
}

/// The change of a figure against last year: `增加13.16万元，增长6.18%`, `减少…，下降…`, `持平`,
/// or `增加5.00万元（上年无此项支出）` against a zero year. A figure without last year's amount
/// is an error naming it: the sentence would otherwise say nothing true.
pub fn change(value: &Value, base: Option<Value>) -> Result<String, Error> {
    let Some(base) = base else {
        let (current, prior, style) = change_parts(value, "change")?;
        return Ok(describe(Change::between(current, prior), style));
    };
    // `x|change(x.年初预算)`: against another amount than last year's (重庆 compares 一般公共预算
    // 财政拨款支出 with 年初预算数); a base not entered is named as missing.
    let (current, base) = (wan_of(value, "change")?, wan_of(&base, "change")?);
    let style = style_of(value).unwrap_or_default();
    Ok(match Change::between(current, base) {
        // Against a zero base there is no rate, and "上年无此项支出" would not be true.
        Change::Increase { amount, rate: None } => format!("增加{}", style.amount(amount)),
        change => describe(change, style),
    })
}

fn change_parts(value: &Value, filter: &str) -> Result<(Wan, Wan, super::NumberStyle), Error> {
    let figure = value
        .downcast_object_ref::<Figure>()
        .ok_or_else(|| invalid(format!("{filter}：只能用于有上年数的数字")))?;
    let prior = figure.prior.ok_or_else(|| {
        missing(format!(
            "{}的上年数还没有填写，无法与上年比较",
            name_of(value)
        ))
    })?;
    Ok((figure.value, prior, figure.style))
}

/// The wording of a change.
pub fn describe(change: Change, style: super::NumberStyle) -> String {
    match change {
        Change::Unchanged => "持平".to_owned(),
        Change::Increase { amount, rate } => match rate {
            Some(r) => format!(
                "增加{}，增长{}",
                style.amount(amount),
                style.percent(style.round_percent(r.value()))
            ),
            None => format!("增加{}（上年无此项支出）", style.amount(amount)),
        },
        Change::Decrease { amount, rate } => match rate {
            Some(r) => format!(
                "减少{}，下降{}",
                style.amount(amount),
                style.percent(style.round_percent(r.value()))
            ),
            None => format!("减少{}", style.amount(amount)),
        },
    }
}

/// `completion`: `完成预算100%` against the figure's budget; empty where there is no budget or
/// it is zero (no rate can be written). `completion(budget)` takes another budget (the figure's
/// `年初预算`), and `label` names it: `completion(x.年初预算, label="年初预算的")` writes
/// `完成年初预算的95.00%`.
pub fn completion(value: &Value, budget: Option<Value>, kwargs: Kwargs) -> Result<String, Error> {
    let label: Option<String> = kwargs.get("label")?;
    kwargs.assert_all_used()?;
    let label = label.unwrap_or_else(|| "预算".to_owned());
    let actual = wan_of(value, "completion")?;
    let budget = match budget {
        Some(b) if b.is_none() || b.is_undefined() => None,
        Some(b) => Some(wan_of(&b, "completion")?),
        None => value.downcast_object_ref::<Figure>().and_then(|f| f.budget),
    };
    let style = style_of(value).unwrap_or_default();
    Ok(budget
        .filter(|b| !b.is_zero())
        .and_then(|b| Share::of(actual, b, style))
        .map(|s| format!("完成{label}{}", s.text()))
        .unwrap_or_default())
}

/// `deviation(reason)`: `决算数等于预算数`, or `决算数大于/小于预算数的主要原因是…` with the
/// clerk's reason; against a zero or missing budget only `主要原因是…` (or nothing).
pub fn deviation(value: &Value, reason: Option<String>, kwargs: Kwargs) -> Result<String, Error> {
    let actual = wan_of(value, "deviation")?;
    let budget: Option<Value> = kwargs.get("budget")?;
    kwargs.assert_all_used()?;
    let budget = match budget {
        Some(b) if b.is_none() || b.is_undefined() => None,
        Some(b) => Some(wan_of(&b, "deviation")?),
        None => value.downcast_object_ref::<Figure>().and_then(|f| f.budget),
    };
    let why = reason.unwrap_or_default();
    let why = why.trim().trim_end_matches(['。', '；', '，']);
    let Some(budget) = budget.filter(|b| !b.is_zero()) else {
        return Ok(if why.is_empty() {
            String::new()
        } else {
            format!("主要原因是{why}")
        });
    };
    if actual.rounded() == budget.rounded() {
        return Ok("决算数等于预算数".to_owned());
    }
    let compared = if actual > budget { "大于" } else { "小于" };
    Ok(if why.is_empty() {
        format!("决算数{compared}预算数")
    } else {
        format!("决算数{compared}预算数的主要原因是{why}")
    })
}

/// `reason(lead)`: `，主要原因是…` when the clerk gave a reason; otherwise nothing.
pub fn reason(value: &Value, lead: Option<String>) -> String {
    let text = value.as_str().unwrap_or_default();
    let text = text.trim().trim_end_matches(['。', '；', '，']);
    if text.is_empty() {
        String::new()
    } else {
        format!("，{}{text}", lead.unwrap_or_default())
    }
}

/// `clause`: the clerk's text without its closing punctuation, to go inside a sentence.
pub fn clause(value: &Value) -> String {
    value
        .as_str()
        .unwrap_or_default()
        .trim()
        .trim_end_matches(['。', '；', '，'])
        .to_owned()
}

/// `cn`: a Chinese numeral, `12` → `十二`.
pub fn cn(value: &Value) -> Result<String, Error> {
    let n =
        usize::try_from(value.clone()).map_err(|_| invalid(format!("cn：“{value}”不是序号")))?;
    Ok(crate::document::chinese_number(n))
}

/// `class`: a 类 name as the text writes it, `一般公共服务支出` → `一般公共服务（类）支出`.
pub fn class(value: &Value) -> String {
    let name = value.as_str().unwrap_or_default();
    match name.strip_suffix("支出") {
        Some(stem) => format!("{stem}（类）支出"),
        None => format!("{name}（类）"),
    }
}

/// `items`: the parts of a list sentence joined with `；` and closed with `。`.
pub fn items(value: &Value) -> Result<String, Error> {
    let parts: Vec<String> = value
        .try_iter()?
        .map(|v| v.to_string())
        .filter(|s| !s.is_empty())
        .collect();
    Ok(format!("{}。", parts.join("；")))
}

/// `zero`: the amount (or figure) is zero to two decimals.
pub fn is_zero(value: &Value) -> bool {
    amount_of(value).is_some_and(|a| a.rounded().is_zero())
}

/// `entered`: a value the clerk filled in (not `none`, not missing).
pub fn is_entered(value: &Value) -> bool {
    !(value.is_none() || value.is_undefined())
}

/// `unchanged`: a figure equal to last year's (to two decimals); false without last year's.
pub fn is_unchanged(value: &Value) -> bool {
    change_parts(value, "unchanged")
        .is_ok_and(|(c, p, _)| Change::between(c, p) == Change::Unchanged)
}

/// `same_change(other)`: two figures that changed by the same amount in the same direction
/// against last year ("收、支总计各增加…"); false when either lacks last year's amount.
pub fn is_same_change(value: &Value, other: &Value) -> bool {
    match (
        change_parts(value, "same_change"),
        change_parts(other, "same_change"),
    ) {
        (Ok((a, pa, _)), Ok((b, pb, _))) => Change::between(a, pa) == Change::between(b, pb),
        _ => false,
    }
}

/// `over_budget`: a figure whose amount is above its budget (to two decimals).
pub fn is_over_budget(value: &Value) -> bool {
    value
        .downcast_object_ref::<Figure>()
        .and_then(|f| f.budget.map(|b| f.value.rounded() > b.rounded()))
        .unwrap_or(false)
}

/// `fill(hint)`: a paragraph the template cannot word itself (重点工作概述, 监督索引号, 其他重要
///事项): it stays out of the document, with a finding asking the clerk to write it, until the
/// clerk's own wording replaces it.
pub fn fill(hint: String) -> Result<String, Error> {
    Err(missing(format!(
        "这一段需要单位自行填写（{hint}），请在“情况说明”中编辑这一段"
    )))
}

/// `required(what)`: the value itself, or — when it is empty or not entered — the paragraph is
/// left out with a finding naming `what`.
pub fn required(value: Value, what: String) -> Result<Value, Error> {
    let empty = value.is_none()
        || value.is_undefined()
        || value.as_str().is_some_and(|s| s.trim().is_empty())
        || value.len() == Some(0);
    if empty {
        Err(missing(format!("{what}还没有填写")))
    } else {
        Ok(value)
    }
}

/// Registers every filter and test in `env`.
pub fn install(env: &mut minijinja::Environment<'_>) {
    env.add_filter("wan", |v: Value| wan(&v));
    env.add_filter("share", |v: Value, whole: Option<Value>| share(&v, whole));
    env.add_filter("change", |v: Value, base: Option<Value>| change(&v, base));
    env.add_filter("completion", |v: Value, b: Option<Value>, k: Kwargs| {
        completion(&v, b, k)
    });
    env.add_filter(
        "deviation",
        |v: Value, reason: Option<String>, kwargs: Kwargs| deviation(&v, reason, kwargs),
    );
    env.add_filter("reason", |v: Value, lead: Option<String>| reason(&v, lead));
    env.add_filter("clause", |v: Value| clause(&v));
    env.add_filter("cn", |v: Value| cn(&v));
    env.add_filter("class", |v: Value| class(&v));
    env.add_filter("items", |v: Value| items(&v));
    env.add_filter("required", required);
    env.add_function("fill", fill);
    env.add_test("zero", |v: Value| is_zero(&v));
    env.add_test("entered", |v: Value| is_entered(&v));
    env.add_test("unchanged", |v: Value| is_unchanged(&v));
    env.add_test("same_change", |v: Value, other: Value| {
        is_same_change(&v, &other)
    });
    env.add_test("over_budget", |v: Value| is_over_budget(&v));
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use minijinja::Environment;

    use super::super::NumberStyle;
    use super::super::values::Figure;
    use super::*;

    fn wan(s: &str) -> Wan {
        s.parse().unwrap()
    }

    /// Renders `expr` with `x` a figure of `value` (last year `prior`, budget `budget`).
    fn say(expr: &str, value: &str, prior: Option<&str>, budget: Option<&str>) -> String {
        let mut env = Environment::new();
        install(&mut env);
        let x = Figure::new(wan(value), prior.map(wan), NumberStyle::default())
            .with_budget(budget.map(wan))
            .value();
        let ctx: BTreeMap<&str, Value> = [("x", x)].into_iter().collect();
        env.render_str(expr, ctx).unwrap()
    }

    #[test]
    fn amounts_in_text() {
        assert_eq!(say("{{ x|wan }}", "4733.14", None, None), "4733.14万元");
        assert_eq!(say("{{ x|wan }}", "10", None, None), "10.00万元");
        assert_eq!(say("{{ x|wan }}", "0", None, None), "0万元");
        assert_eq!(say("{{ x|wan }}", "0.001", None, None), "0万元");
    }

    #[test]
    fn increase_decrease_unchanged_and_zero_prior_year() {
        let change = |v, p| say("{{ x|change }}", v, Some(p), None);
        assert_eq!(change("226.23", "213.07"), "增加13.16万元，增长6.18%");
        assert_eq!(change("18", "20"), "减少2.00万元，下降10.00%");
        assert_eq!(change("5", "5.001"), "持平");
        assert_eq!(change("5", "0"), "增加5.00万元（上年无此项支出）");
        assert_eq!(change("0", "3"), "减少3.00万元，下降100%");
    }

    #[test]
    fn completion_needs_a_budget() {
        let completion = |v, b| say("{{ x|completion }}", v, None, b);
        assert_eq!(completion("82.26", Some("82.26")), "完成预算100%");
        assert_eq!(completion("9", Some("10")), "完成预算90.00%");
        assert_eq!(completion("9", Some("0")), "");
        assert_eq!(completion("9", None), "");
    }

    #[test]
    fn deviation_wording() {
        let deviation =
            |v, b, why: &str| say(&format!("{{{{ x|deviation(\"{why}\") }}}}"), v, None, b);
        assert_eq!(deviation("5", Some("5"), ""), "决算数等于预算数");
        assert_eq!(
            deviation("6", Some("5"), "追加会议经费。"),
            "决算数大于预算数的主要原因是追加会议经费"
        );
        assert_eq!(deviation("4", Some("5"), ""), "决算数小于预算数");
        assert_eq!(deviation("4", Some("0"), "年中追加"), "主要原因是年中追加");
        assert_eq!(deviation("4", None, ""), "");
    }

    #[test]
    fn reasons_are_the_users_words_without_doubled_punctuation() {
        let mut env = Environment::new();
        install(&mut env);
        let r = |why: &str| {
            env.render_str(
                "{{ why|reason(\"主要原因是\") }}",
                minijinja::context! { why },
            )
            .unwrap()
        };
        assert_eq!(r("人员变动。"), "，主要原因是人员变动");
        assert_eq!(r("  "), "");
    }

    #[test]
    fn a_share_is_stated_only_of_a_part_of_a_structure() {
        let mut env = Environment::new();
        install(&mut env);
        let style = NumberStyle::default();
        let part = |share: Value| {
            Figure::new(wan("146.27"), None, style)
                .with("名称", "人员经费")
                .with("占比", share)
                .value()
        };
        let render = |x: Value| env.render_str("{{ x|share }}", minijinja::context! { x });
        let of = Share::of(wan("146.27"), wan("166.46"), style);
        assert_eq!(render(part(Share::value(of))).unwrap(), "占87.87%");
        // The whole is zero: no share to speak of, written as the template writes zero.
        assert_eq!(render(part(Share::value(None))).unwrap(), "占0%");
        // A figure of no structure has no share: an error naming it, not "占0%".
        let lone = Figure::new(wan("20.19"), None, style)
            .with("名称", "机关运行经费")
            .value();
        let e = render(lone).unwrap_err();
        assert!(e.to_string().contains("机关运行经费没有占比"), "{e}");
    }

    #[test]
    fn a_figure_not_entered_is_reported_as_missing() {
        let mut env = Environment::new();
        install(&mut env);
        let e = env
            .render_str("{{ x|wan }}", minijinja::context! { x => () })
            .unwrap_err();
        assert!(missing_message(&e).is_some(), "{e}");
        let e = env
            .render_str("{{ fill(\"重点工作\") }}", minijinja::context! {})
            .unwrap_err();
        assert!(missing_message(&e).unwrap().contains("重点工作"));
    }
}
