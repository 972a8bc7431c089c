//! The clerk's own wording of a paragraph: where its editing starts (the paragraph as printed,
//! with every figure it states turned back into the figure's name) and what in it would not
//! follow the figures (amounts and rates written as digits).

use std::collections::BTreeMap;

use super::context::Name;

/// The printed `text` of a paragraph with each figure it states written as its name
/// (`226.23万元` → `{{ 收入总计 }}`, `增加13.16万元，增长6.18%` → `{{ 收入总计|change }}`), so the
/// clerk's edit of it still follows the figures. A printed value that several figures share
/// (`0万元`) is left as written: binding it to the wrong figure would be worse, and
/// [`unbound_amounts`] reports it. Names whose first part is in `prefer` (the figures the
/// paragraph's template uses) win over others that print the same; when several of those print
/// alike (收入总计 and 支出总计 are often equal), the value stays as written.
pub fn tokenize(text: &str, names: &[Name], prefer: &[&str]) -> String {
    let candidates = candidates(names, prefer);
    let mut by_first: BTreeMap<char, Vec<(&str, &str)>> = BTreeMap::new();
    for (printed, token) in &candidates {
        if let Some(c) = printed.chars().next() {
            by_first.entry(c).or_default().push((printed, token));
        }
    }
    for list in by_first.values_mut() {
        list.sort_by_key(|(printed, _)| std::cmp::Reverse(printed.len()));
    }
    let mut out = String::with_capacity(text.len() * 2);
    let mut rest = text;
    let mut previous: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        // An amount never starts inside another number (26.23万元 inside 226.23万元).
        let inside_number = previous.is_some_and(|p| p.is_ascii_digit() || p == '.');
        let found = by_first.get(&c).and_then(|list| {
            list.iter().find(|(printed, _)| {
                rest.starts_with(printed) && !(inside_number && c.is_ascii_digit())
            })
        });
        match found {
            Some((printed, token)) => {
                out.push_str(token);
                rest = &rest[printed.len()..];
                previous = printed.chars().last();
            }
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
                previous = Some(c);
            }
        }
    }
    out
}

/// (printed form, token) for every figure whose printed form names it alone.
fn candidates(names: &[Name], prefer: &[&str]) -> Vec<(String, String)> {
    // Each token with its rank: 0 when its first part is in `prefer`, else 1.
    let mut all: BTreeMap<String, Vec<(usize, String)>> = BTreeMap::new();
    let root =
        |path: &str| -> String { path.split(['.', '[']).next().unwrap_or_default().to_owned() };
    for n in names {
        let rank = usize::from(!prefer.contains(&root(&n.path).as_str()));
        let mut add = |printed: &str, token: String| {
            if !printed.is_empty() {
                all.entry(printed.to_owned())
                    .or_default()
                    .push((rank, token));
            }
        };
        let plain = matches!(
            n.path.as_str(),
            "年度" | "上年度" | "单位.名称" | "单位.全称"
        );
        if n.amount || n.share || plain {
            add(&n.value, format!("{{{{ {} }}}}", n.path));
        }
        if let Some(change) = &n.change {
            add(change, format!("{{{{ {}|change }}}}", n.path));
        }
    }
    all.into_iter()
        .filter_map(|(printed, tokens)| {
            let best = tokens.iter().map(|(rank, _)| *rank).min()?;
            let mut top = tokens.iter().filter(|(rank, _)| *rank == best);
            match (top.next(), top.next()) {
                (Some((_, token)), None) => Some((printed, token.clone())),
                _ => None,
            }
        })
        .collect()
}

/// The amounts and rates a template text writes as digits outside `{{ }}` (`226.23万元`,
/// `6.18%`): they stay as written when the figures change.
pub fn unbound_amounts(source: &str) -> Vec<String> {
    let mut plain = String::with_capacity(source.len());
    let mut rest = source;
    while !rest.is_empty() {
        let next = ["{{", "{%", "{#"]
            .iter()
            .filter_map(|open| rest.find(open).map(|at| (at, *open)))
            .min();
        match next {
            Some((at, open)) => {
                plain.push_str(&rest[..at]);
                plain.push(' ');
                let close = match open {
                    "{{" => "}}",
                    "{%" => "%}",
                    _ => "#}",
                };
                rest = rest[at..]
                    .find(close)
                    .map_or("", |end| &rest[at + end + close.len()..]);
            }
            None => {
                plain.push_str(rest);
                break;
            }
        }
    }
    let chars: Vec<char> = plain.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.' || chars[i] == ',') {
            i += 1;
        }
        let tail: String = chars[i..chars.len().min(i + 2)].iter().collect();
        let unit = ["万元", "元", "%", "％"]
            .into_iter()
            .find(|u| tail.starts_with(u));
        if let Some(unit) = unit {
            let number: String = chars[start..i].iter().collect();
            found.push(format!("{number}{unit}"));
            i += unit.chars().count();
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(path: &str, value: &str) -> Name {
        Name {
            path: path.to_owned(),
            value: value.to_owned(),
            amount: value.ends_with("万元"),
            share: value.ends_with('%'),
            change: None,
        }
    }

    #[test]
    fn figures_printed_once_become_their_names_and_shared_values_stay() {
        let mut revenue = name("收入总计", "226.23万元");
        revenue.change = Some("增加13.16万元，增长6.18%".to_owned());
        let names = vec![
            name("年度", "2023"),
            revenue,
            name("支出总计", "226.23万元"),
            name("政府采购.工程", "0万元"),
            name("政府采购.服务", "0万元"),
            name("一般公共预算财政拨款支出明细[0]", "26.23万元"),
        ];
        let text = "2023年度收、支总计均为226.23万元，增加13.16万元，增长6.18%，其中工程0万元。";
        // 收入总计 and 支出总计 print alike: only a preferred one binds; two preferred ones
        // that print alike stay as written.
        assert_eq!(
            tokenize(text, &names, &["收入总计"]),
            "{{ 年度 }}年度收、支总计均为{{ 收入总计 }}，{{ 收入总计|change }}，其中工程0万元。"
        );
        assert_eq!(
            tokenize(text, &names, &["收入总计", "支出总计"]),
            "{{ 年度 }}年度收、支总计均为226.23万元，{{ 收入总计|change }}，其中工程0万元。"
        );
        assert_eq!(
            tokenize(text, &names, &[]),
            "{{ 年度 }}年度收、支总计均为226.23万元，{{ 收入总计|change }}，其中工程0万元。"
        );
    }

    #[test]
    fn an_amount_inside_a_longer_number_is_not_bound() {
        let names = vec![name("明细", "26.23万元")];
        assert_eq!(tokenize("共226.23万元", &names, &[]), "共226.23万元");
        assert_eq!(tokenize("共26.23万元", &names, &[]), "共{{ 明细 }}");
    }

    #[test]
    fn digits_outside_the_figures_are_found() {
        assert_eq!(
            unbound_amounts(
                "收入{{ 收入总计 }}，增长6.18%，其中1,234.5元{% if x %}99%{% endif %}，2023年"
            ),
            ["6.18%", "1,234.5元", "99%"]
        );
        assert!(unbound_amounts("{{ 收入总计|change }}，占{{ p.占比 }}。").is_empty());
    }
}
