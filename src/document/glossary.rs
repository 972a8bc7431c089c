//! 第三部分 名词解释: an entry for every term and every line the document uses, from the
//! catalog's standard definitions unless the project overrides them.

use super::Figures;
use crate::model::Fund;

/// The terms of the glossary, in order, with their definitions. Only terms the document uses.
pub fn entries(f: &Figures<'_>) -> Vec<(String, String)> {
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
    use_term(!r.higher_level_grants.is_zero(), "上级补助收入");
    use_term(!r.operations.is_zero(), "事业收入");
    use_term(!r.business.is_zero(), "经营收入");
    use_term(!r.from_subsidiaries.is_zero(), "附属单位上缴收入");
    use_term(!r.other.is_zero(), "其他收入");
    use_term(
        !p.balances.use_of_non_appropriation_surplus.is_zero(),
        "使用非财政拨款结余",
    );
    use_term(!t.opening_balance.is_zero(), "年初结转和结余");

    let mut entries: Vec<(String, String)> = terms
        .iter()
        .map(|term| (term.clone(), definition(f, term, term)))
        .collect();

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
        entries.push((names.full(), definition(f, &line.code, &names.item)));
    }

    let mut terms: Vec<&str> = Vec::new();
    for (used, term) in [
        (!n.basic.is_zero(), "基本支出"),
        (!n.project.is_zero(), "项目支出"),
        (!n.remitted.is_zero(), "上缴上级支出"),
        (!n.business.is_zero(), "经营支出"),
        (!n.subsidies.is_zero(), "对附属单位补助支出"),
        (!p.balances.surplus_distribution.is_zero(), "结余分配"),
        (!t.closing_balance.is_zero(), "年末结转和结余"),
        (true, "“三公”经费"),
        (true, "机关运行经费"),
    ] {
        if used {
            terms.push(term);
        }
    }
    entries.extend(
        terms
            .into_iter()
            .map(|term| (term.to_owned(), definition(f, term, term))),
    );
    entries
}

/// The project's own definition of `key` (a term or a code), else the catalog's, else a plain
/// statement that none is recorded.
fn definition(f: &Figures<'_>, key: &str, term: &str) -> String {
    if let Some(own) = f.project.glossary.iter().find(|g| g.term == key) {
        return own.definition.clone();
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
        .unwrap_or_else(|| format!("（“{term}”的解释未填写）"))
}
