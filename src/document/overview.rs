//! 第一部分 部门概况: duties and organisation.

use super::{Block, Figures, chinese_number};
use crate::model::UnitKind;

pub(super) fn part(f: &Figures<'_>, out: &mut Vec<Block>) {
    let u = &f.project.unit;
    let name = f.unit_name();
    out.push(heading(0, "第一部分 部门概况"));
    out.push(heading(1, "一、部门职责"));
    for (i, duty) in u.duties.iter().enumerate() {
        out.push(paragraph(format!("（{}）{duty}", chinese_number(i + 1))));
    }

    out.push(heading(1, "二、机构设置"));
    if let Some(sentence) = organisation_sentence(f) {
        out.push(paragraph(sentence));
    }
    let count = |kind| {
        u.subordinate_units
            .iter()
            .filter(|s| s.kind == kind)
            .count()
    };
    out.push(paragraph(format!(
        "{name}下属二级预算单位{}个，其中：行政单位{}个，参照公务员法管理的事业单位{}个，其他事业单位{}个。",
        u.subordinate_units.len(),
        count(UnitKind::Administrative),
        count(UnitKind::CivilServiceManaged),
        count(UnitKind::PublicService),
    )));
    if u.subordinate_units.is_empty() {
        out.push(paragraph(format!(
            "{name}无纳入{}年度部门决算编制范围的二级预算单位。",
            u.year
        )));
    } else {
        let names: Vec<&str> = u
            .subordinate_units
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        out.push(paragraph(format!(
            "纳入{}年度部门决算编制范围的二级预算单位包括：{}。",
            u.year,
            names.join("、")
        )));
    }
}

/// "区委绩效办内设综合股、…3个股室，下设…2个股级公益一类事业单位。"
pub(super) fn organisation_sentence(f: &Figures<'_>) -> Option<String> {
    let u = &f.project.unit;
    let mut clauses = Vec::new();
    if !u.internal_offices.is_empty() {
        clauses.push(format!(
            "内设{}{}个股室",
            u.internal_offices.join("、"),
            u.internal_offices.len()
        ));
    }
    if !u.attached_units.is_empty() {
        let names: Vec<&str> = u.attached_units.iter().map(|a| a.name.as_str()).collect();
        let kinds: Vec<&str> = u.attached_units.iter().map(|a| a.kind.as_str()).collect();
        let kind = if kinds.windows(2).all(|w| w[0] == w[1]) {
            kinds[0].to_owned()
        } else {
            "单位".to_owned()
        };
        clauses.push(format!("下设{}{}个{kind}", names.join("、"), names.len()));
    }
    (!clauses.is_empty()).then(|| format!("{}{}。", f.unit_name(), clauses.join("，")))
}

pub(super) fn heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading {
        level,
        text: text.into(),
    }
}

pub(super) fn paragraph(text: impl Into<String>) -> Block {
    Block::Paragraph { text: text.into() }
}
