//! The inspection checklist over the document itself: what 财政's checks of published 决算 fail
//! units on and only the finished document can show (WD-107…WD-112). The figures are checked
//! by the rules in `checks`; these read what the template and the clerk's wording made of them,
//! so an imported template or a rewritten paragraph is held to the same list.
//!
//! Sources: the 2016 national notice on 三公 (split 购置费/运行费; 团组数及人数, 购置数及保有量,
//! 接待批次、人数), the 基层政务公开标准目录 (采购 by 货物/工程/服务 and 中小企业 share, 机关运行经费,
//! 国有资产, 绩效, 名词解释), "没有内容的表格应当公开空表并备注说明", and the 2025 普陀 checklist's
//! rows (see `shared/research/anchors.md` §2).

use super::{Block, Content, Document, Table};

/// What the checklist found: the code of the rule (of `checks::DOCUMENT_RULES`) and the message.
pub(super) fn findings(doc: &Document) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let three_public = section(doc, |h| h.contains("三公"));
    let states_none = three_public
        .as_deref()
        .is_some_and(|t| t.contains("无“三公”经费") || t.contains("未发生“三公”经费"));
    if let Some(text) = three_public.as_deref().filter(|_| !states_none) {
        let missing = vehicle_split_in_text(text);
        if !missing.is_empty() {
            out.push((
                "WD-107",
                format!(
                    "“三公”经费说明没有单独写明{}（没有发生也应写明“0万元”），只写“公务用车购置及运行维护费”合计不合格",
                    missing.join("和")
                ),
            ));
        }
        let missing = counts_in_text(text);
        if !missing.is_empty() {
            out.push((
                "WD-108",
                format!(
                    "“三公”经费说明没有写明{}（为 0 也应写明）",
                    missing.join("、")
                ),
            ));
        }
    }
    for t in tables(doc).filter(|t| t.title.contains("三公")) {
        let missing = vehicle_split_in_table(t);
        if !missing.is_empty() {
            out.push((
                "WD-107",
                format!("{}没有分列{}", t.title, missing.join("和")),
            ));
        }
        let blanks = blank_amounts(t);
        if blanks > 0 {
            out.push((
                "WD-111",
                format!(
                    "{}有 {blanks} 个金额格留空；没有发生的应填 0.00，不能留空",
                    t.title
                ),
            ));
        }
    }
    let missing = missing_parts(doc, three_public.is_some());
    if !missing.is_empty() {
        out.push((
            "WD-109",
            format!(
                "文档中没有{}；财政检查要求决算公开包含这些内容，请在模板中加上相应段落",
                missing.join("、")
            ),
        ));
    }
    for t in tables(doc) {
        if t.unfilled.is_none() && is_empty(t) && t.notes.is_empty() {
            out.push((
                "WD-110",
                format!(
                    "{}没有数据，也没有说明；空表应当公开并在表下注明原因（如“本表无数据，本单位没有…”）",
                    t.title
                ),
            ));
        }
    }
    let missing = missing_standard_tables(doc);
    if !missing.is_empty() {
        out.push((
            "WD-112",
            format!(
                "文档缺少部门决算公开的标准表：{}；没有数据的表也应公开空表并注明",
                missing.join("、")
            ),
        ));
    }
    out
}

fn tables(doc: &Document) -> impl Iterator<Item = &Table> {
    doc.blocks.iter().filter_map(|b| match b {
        Block::Table(t) => Some(t),
        _ => None,
    })
}

/// The running text under the first heading `is` accepts (below level 0), up to the next
/// heading of its level or above; `None` when there is no such heading.
fn section(doc: &Document, is: impl Fn(&str) -> bool) -> Option<String> {
    let mut text: Option<(u8, String)> = None;
    for block in &doc.blocks {
        match (block, &mut text) {
            (Block::Heading { level, text: h }, None) if *level > 0 && is(h) => {
                text = Some((*level, String::new()));
            }
            (Block::Heading { level, .. }, Some((at, _))) if *level <= *at => break,
            (Block::Paragraph { text: t } | Block::Note { text: t }, Some((_, body))) => {
                body.push_str(t);
                body.push('\n');
            }
            _ => {}
        }
    }
    text.map(|(_, body)| body)
}

/// The running text of the whole document but its 名词解释, whose definitions name everything.
fn body_text(doc: &Document) -> String {
    let mut out = String::new();
    let mut skipping: Option<u8> = None;
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => {
                if skipping.is_some_and(|at| *level <= at) {
                    skipping = None;
                }
                if text.contains("名词解释") {
                    skipping = Some(*level);
                }
                out.push_str(text);
                out.push('\n');
            }
            Block::Paragraph { text } | Block::Note { text } if skipping.is_none() => {
                out.push_str(text);
                out.push('\n');
            }
            _ => {}
        }
    }
    out
}

/// What of the vehicle split the 三公 text does not state: 购置费 and 运行维护费, each apart from
/// the merged "购置及运行维护费".
fn vehicle_split_in_text(text: &str) -> Vec<&'static str> {
    let apart = text
        .replace("购置及运行维护费", "")
        .replace("购置及运行费", "");
    let mut missing = Vec::new();
    if !apart.contains("购置") {
        missing.push("公务用车购置费");
    }
    if !apart.contains("运行维护") && !apart.contains("运行费") {
        missing.push("公务用车运行维护费");
    }
    missing
}

/// What of the 三公 counts the text does not state: 团组 and people abroad, vehicles bought and
/// held, receptions' batches and people, domestic and 外事.
fn counts_in_text(text: &str) -> Vec<&'static str> {
    let paragraphs: Vec<&str> = text.lines().collect();
    let with = |word: &str, also: &str| {
        paragraphs.iter().any(|p| {
            p.find(word)
                .is_some_and(|at| p[at..].contains(also) || p[..at].contains(also))
        })
    };
    let mut missing = Vec::new();
    if !text.contains("团组") {
        missing.push("因公出国（境）团组数");
    }
    if !with("团组", "人") {
        missing.push("因公出国（境）人数");
    }
    if !with("购置", "辆") {
        missing.push("公务用车购置数");
    }
    if !["保有", "共有公务用车", "实有公务用车"]
        .iter()
        .any(|w| text.contains(w))
    {
        missing.push("公务用车保有量");
    }
    if !text.contains("批次") {
        missing.push("公务接待批次");
    }
    if !with("批次", "人") {
        missing.push("公务接待人数");
    }
    if !text.contains("外事") {
        missing.push("外事接待情况");
    }
    missing
}

/// What of the vehicle split a 三公 table lacks: an item (a column or a row) of 购置费 and one of 运行费.
fn vehicle_split_in_table(t: &Table) -> Vec<&'static str> {
    // Items are columns (表7) or rows (云南 表10, 陕西 表7): the headers and the rows' labels.
    let heads: Vec<String> = t
        .header
        .iter()
        .flatten()
        .chain(t.rows.iter().filter_map(|row| row.first()))
        .filter(|c| matches!(c.content, Content::Text(_) | Content::Centered(_)))
        .map(|c| c.content.display())
        .collect();
    let apart = |word: &str| {
        heads
            .iter()
            .any(|h| h.contains(word) && !h.contains("购置及运行"))
    };
    let mut missing = Vec::new();
    if !apart("购置") {
        missing.push("公务用车购置费");
    }
    if !apart("运行") {
        missing.push("公务用车运行费");
    }
    missing
}

/// How many amount cells of a table are left blank: in every row, the blank cells after its
/// labels (a figure not applicable prints "—", not a blank).
fn blank_amounts(t: &Table) -> usize {
    t.rows
        .iter()
        .map(|row| {
            row.iter()
                .skip_while(|c| matches!(c.content, Content::Text(_) | Content::Centered(_)))
                .filter(|c| matches!(c.content, Content::Empty))
                .count()
        })
        .sum()
}

/// Whether a table states no amount other than zero.
fn is_empty(t: &Table) -> bool {
    t.rows.iter().flatten().all(|c| match &c.content {
        Content::Amount(a) => a.is_zero(),
        Content::Percent(_) | Content::Figure(_) => false,
        Content::Text(_) | Content::Centered(_) | Content::Empty => true,
    })
}

/// The parts the 基层政务公开标准目录 lists that the document does not state.
fn missing_parts(doc: &Document, has_three_public: bool) -> Vec<&'static str> {
    let body = body_text(doc);
    let titles: Vec<&str> = tables(doc).map(|t| t.title.as_str()).collect();
    let stated = |word: &str| body.contains(word) || titles.iter().any(|t| t.contains(word));
    let mut missing = Vec::new();
    if !has_three_public && !stated("三公") {
        missing.push("“三公”经费支出情况");
    }
    if !doc
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Heading { text, .. } if text.contains("名词解释")))
    {
        missing.push("名词解释");
    }
    if !stated("机关运行经费") {
        missing.push("机关运行经费支出情况");
    }
    let procurement = section(doc, |h| h.contains("政府采购")).unwrap_or_else(|| body.clone());
    if !stated("政府采购") {
        missing.push("政府采购支出情况");
    } else if !procurement.contains("无政府采购") {
        for (word, part) in [
            ("货物", "政府采购货物支出"),
            ("工程", "政府采购工程支出"),
            ("服务", "政府采购服务支出"),
            ("中小企业", "授予中小企业合同金额"),
        ] {
            if !procurement.contains(word) {
                missing.push(part);
            }
        }
        if procurement.contains("中小企业") && !procurement.contains('%') {
            missing.push("授予中小企业合同金额占政府采购支出总额的比例");
        }
    }
    let assets = section(doc, |h| h.contains("国有资产")).unwrap_or_else(|| body.clone());
    if !stated("国有资产") {
        missing.push("国有资产占有使用情况");
    } else {
        if !assets.contains("车辆") && !assets.contains("用车") {
            missing.push("车辆数");
        }
        if !assets.contains("50万元以上") {
            missing.push("单价50万元以上通用设备数");
        }
        if !assets.contains("100万元以上") {
            missing.push("单价100万元以上专用设备数");
        }
    }
    if !stated("绩效") {
        missing.push("预算绩效管理情况");
    }
    missing
}

/// The nine tables of 财政部's format, each with the tables of `tables::TABLES` that count for
/// it (a province may print a wider table in its place).
const STANDARD_TABLES: [(&str, &[&str]); 9] = [
    ("收入支出决算总表", &["summary"]),
    ("收入决算表", &["revenue"]),
    ("支出决算表", &["expenditure"]),
    ("财政拨款收入支出决算总表", &["appropriation_summary"]),
    (
        "一般公共预算财政拨款支出决算表",
        &["general_budget", "general_budget_revenue_expenditure"],
    ),
    (
        "一般公共预算财政拨款基本支出决算表",
        &["basic", "general_budget_economic"],
    ),
    (
        "一般公共预算财政拨款“三公”经费支出决算表",
        &[
            "three_public",
            "three_public_running",
            "three_public_meetings",
        ],
    ),
    ("政府性基金预算财政拨款收入支出决算表", &["government_fund"]),
    (
        "国有资本经营预算财政拨款支出决算表",
        &["state_capital", "state_capital_revenue_expenditure"],
    ),
];

/// The standard tables the document does not print.
fn missing_standard_tables(doc: &Document) -> Vec<&'static str> {
    let printed: Vec<&str> = tables(doc).map(|t| t.id.as_str()).collect();
    STANDARD_TABLES
        .iter()
        .filter(|(_, ids)| !ids.iter().any(|id| printed.contains(id)))
        .map(|(name, _)| *name)
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        reason = "in tests a failed unwrap is a failed test"
    )]

    use super::*;
    use crate::document::build_with_builtin_catalog;
    use crate::example::example;

    fn example_doc() -> Document {
        build_with_builtin_catalog(&example().unwrap())
    }

    /// The findings of `doc`, as "code: message".
    fn found(doc: &Document) -> Vec<String> {
        findings(doc)
            .into_iter()
            .map(|(code, m)| format!("{code}: {m}"))
            .collect()
    }

    /// Rewrites every paragraph of `doc` with `edit`.
    fn edit_text(doc: &mut Document, edit: impl Fn(&str) -> String) {
        for b in &mut doc.blocks {
            if let Block::Paragraph { text } = b {
                *text = edit(text);
            }
        }
    }

    fn table_mut<'d>(doc: &'d mut Document, id: &str) -> &'d mut Table {
        doc.blocks
            .iter_mut()
            .find_map(|b| match b {
                Block::Table(t) if t.id == id => Some(t),
                _ => None,
            })
            .unwrap()
    }

    #[test]
    fn the_example_passes_the_checklist() {
        assert_eq!(found(&example_doc()), Vec::<String>::new());
    }

    #[test]
    fn vehicles_stated_only_as_one_sum_in_the_text() {
        let mut doc = example_doc();
        // What 宜川路街道 published: the merged sum, no 购置费 and no 运行维护费 of their own.
        doc.blocks.retain(|b| {
            !matches!(b, Block::Paragraph { text }
                if text.contains("其中：公务用车购置")
                    || text.trim_start().starts_with("公务用车运行维护费"))
        });
        let got = found(&doc);
        assert!(
            got.iter().any(
                |m| m.starts_with("WD-107") && m.contains("公务用车购置费和公务用车运行维护费")
            ),
            "{got:?}"
        );
        // The purchase count and the fleet went with the 购置 sentence.
        assert!(
            got.iter().any(|m| m.starts_with("WD-108")
                && m.contains("公务用车购置数")
                && m.contains("公务用车保有量")),
            "{got:?}"
        );
    }

    #[test]
    fn a_three_public_table_without_the_vehicle_columns() {
        let mut doc = example_doc();
        let t = table_mut(&mut doc, "three_public");
        for cell in t.header.iter_mut().flatten() {
            if cell.content.display().contains("公务用车购置费") {
                cell.content = Content::Centered("其他".to_owned());
            }
        }
        let got = found(&doc);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].starts_with("WD-107"), "{got:?}");
        assert!(got[0].contains("没有分列公务用车购置费"), "{got:?}");
    }

    #[test]
    fn counts_the_text_leaves_out() {
        let mut doc = example_doc();
        edit_text(&mut doc, |t| {
            t.replace("全年安排因公出国（境）团组0次，出国（境）0人。", "")
                .replace(
                    "外事接待支出0万元，外事接待0批次、0人次，共计支出0万元。",
                    "",
                )
        });
        let got = found(&doc);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].starts_with("WD-108")
                && got[0].contains("因公出国（境）团组数、因公出国（境）人数")
                && got[0].contains("外事接待情况"),
            "{got:?}"
        );
    }

    #[test]
    fn a_blank_amount_in_the_three_public_table() {
        let mut doc = example_doc();
        let t = table_mut(&mut doc, "three_public");
        let row = t.rows.last_mut().unwrap();
        let zero = row
            .iter_mut()
            .find(|c| matches!(&c.content, Content::Amount(a) if a.is_zero()))
            .unwrap();
        zero.content = Content::Empty;
        let got = found(&doc);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].starts_with("WD-111") && got[0].contains("1 个金额格留空"));
    }

    #[test]
    fn an_empty_table_without_its_note() {
        let mut doc = example_doc();
        table_mut(&mut doc, "government_fund").notes.clear();
        let got = found(&doc);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].starts_with("WD-110") && got[0].contains("政府性基金预算财政拨款收入支出决算表"),
            "{got:?}"
        );
    }

    #[test]
    fn a_standard_table_left_out() {
        let mut doc = example_doc();
        doc.blocks
            .retain(|b| !matches!(b, Block::Table(t) if t.id == "state_capital"));
        let got = found(&doc);
        assert_eq!(
            got,
            [
                "WD-112: 文档缺少部门决算公开的标准表：国有资本经营预算财政拨款支出决算表；没有数据的表也应公开空表并注明"
            ]
        );
    }

    #[test]
    fn parts_the_standard_catalogue_asks_for() {
        let mut doc = example_doc();
        doc.blocks
            .retain(|b| !matches!(b, Block::Heading { text, .. } if text.contains("名词解释")));
        edit_text(&mut doc, |t| {
            t.replace("授予中小企业合同金额2.31万元，占政府采购支出总额的100%，其中：授予小微企业合同金额2.31万元，占政府采购支出总额的100%。", "")
                .replace("单价100万元以上专用设备0台（套）", "")
        });
        let got = found(&doc);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].starts_with("WD-109")
                && got[0].contains("名词解释、授予中小企业合同金额、单价100万元以上专用设备数"),
            "{got:?}"
        );
    }
}
