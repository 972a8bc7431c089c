//! 第三部分 名词解释: an entry for every term and every line the document uses, from the
//! catalog's standard definitions unless the project overrides them.

use super::Figures;
use crate::model::Fund;

/// One term the document's glossary has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// What the project's own definition is kept under: the term, or a line's code.
    pub key: String,
    /// The term as printed (a line's full name).
    pub shown: String,
    /// Its definition: the project's own, else the catalog's; `None` when neither has one.
    pub definition: Option<String>,
    /// Whether the definition is the project's own.
    pub own: bool,
}

/// The terms of the glossary, in order, with their definitions (`None` where neither the
/// project nor the catalog has one). Only terms the document uses.
pub fn entries(f: &Figures<'_>) -> Vec<(String, Option<String>)> {
    terms(f)
        .into_iter()
        .map(|t| (t.shown, t.definition))
        .collect()
}

/// The terms of the glossary, in order, with where each definition comes from.
pub fn terms(f: &Figures<'_>) -> Vec<Term> {
    let p = f.project;
    let t = &f.totals;
    let r = &p.revenue;
    let n = &t.by_nature;
    let mut terms: Vec<String> = Vec::new();
    let mut use_term = |used: bool, term: &str| {
        if used {
            terms.push(term.to_owned());
        }
    };
    use_term(!t.appropriation_revenue.is_zero(), "财政拨款收入");
    use_term(
        !r.higher_level_grants.unwrap_or_default().is_zero(),
        "上级补助收入",
    );
    use_term(!r.operations.unwrap_or_default().is_zero(), "事业收入");
    use_term(!r.business.unwrap_or_default().is_zero(), "经营收入");
    use_term(
        !r.from_subsidiaries.unwrap_or_default().is_zero(),
        "附属单位上缴收入",
    );
    use_term(!r.other.unwrap_or_default().is_zero(), "其他收入");
    use_term(
        !p.balances
            .use_of_non_appropriation_surplus
            .unwrap_or_default()
            .is_zero(),
        "使用非财政拨款结余",
    );
    use_term(!t.opening_balance.is_zero(), "年初结转和结余");

    let mut entries: Vec<Term> = terms.iter().map(|term| entry(f, term, term)).collect();

    let mut lines: Vec<_> = p
        .expenditure
        .lines
        .iter()
        .filter(|l| l.fund == Fund::GeneralBudget && !l.total().is_zero())
        .collect();
    lines.sort_by(|a, b| a.code.cmp(&b.code));
    lines.dedup_by(|a, b| a.code == b.code);
    for line in lines {
        let names = f.line_names(line);
        entries.push(entry(f, &line.code, &names.full()));
    }

    let mut terms: Vec<&str> = Vec::new();
    for (used, term) in [
        (!n.basic.is_zero(), "基本支出"),
        (!n.project.is_zero(), "项目支出"),
        (!n.remitted.is_zero(), "上缴上级支出"),
        (!n.business.is_zero(), "经营支出"),
        (!n.subsidies.is_zero(), "对附属单位补助支出"),
        (
            !p.balances
                .surplus_distribution
                .unwrap_or_default()
                .is_zero(),
            "结余分配",
        ),
        (!t.closing_balance.is_zero(), "年末结转和结余"),
        (true, "“三公”经费"),
        (true, "机关运行经费"),
    ] {
        if used {
            terms.push(term);
        }
    }
    entries.extend(terms.into_iter().map(|term| entry(f, term, term)));
    entries
}

fn entry(f: &Figures<'_>, key: &str, shown: &str) -> Term {
    let own = f
        .project
        .glossary
        .iter()
        .any(|g| g.term == key && !g.definition.trim().is_empty());
    Term {
        key: key.to_owned(),
        shown: shown.to_owned(),
        definition: definition(f, key),
        own,
    }
}

/// The project's own definition of `key` (a term or a code), else the catalog's; `None` when
/// neither has one (never a placeholder: the document leaves the term out and says so).
fn definition(f: &Figures<'_>, key: &str) -> Option<String> {
    if let Some(own) = f
        .project
        .glossary
        .iter()
        .find(|g| g.term == key && !g.definition.trim().is_empty())
    {
        return Some(own.definition.clone());
    }
    let catalog = f.catalog;
    catalog
        .and_then(|c| c.term(key))
        .map(str::to_owned)
        .or_else(|| {
            catalog
                .and_then(|c| c.functional(key))
                .map(|e| e.definition.clone())
                .filter(|d| !d.is_empty())
        })
}
