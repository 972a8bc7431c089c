//! What the wording editor works with: where the editing of a paragraph starts, and how a text
//! under edit prints with the project's figures, before it is kept.

use super::{Document, Figures, Options, build};
use crate::model::{OwnWording, Project};
use crate::template::{self, Template, TemplateProblem, context};

/// The text the editor starts from for paragraph `id`: the clerk's own wording when there is
/// one; otherwise the paragraph as `doc` prints it, with each figure it states turned back into
/// the figure's name ([`template::wording::tokenize`]), so an edit keeps following the figures.
pub fn start_text(
    project: &Project,
    options: &Options<'_>,
    template: &Template,
    doc: &Document,
    id: &str,
) -> String {
    if let Some(own) = own_wording(project, &template.id, id) {
        return own.text.clone();
    }
    let printed: Vec<&str> = doc
        .sources
        .iter()
        .filter(|s| s.id == id)
        .take(1)
        .flat_map(|s| doc.blocks[s.blocks.clone()].iter())
        .filter_map(|b| match b {
            super::Block::Paragraph { text }
            | super::Block::Note { text }
            | super::Block::Subtitle { text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    if printed.is_empty() {
        return String::new();
    }
    let figures = Figures::with(project, options);
    let ctx = context::build(&figures);
    let names = context::names(&ctx);
    // The figures the paragraph's template (with the macros it calls) mentions win where
    // several print alike.
    let source = template
        .block(id)
        .and_then(|b| b.text.as_deref().or(b.otherwise.as_deref()))
        .map(|t| template.compiled().source_of(t))
        .unwrap_or_default();
    let mut roots: Vec<(usize, &str)> = names
        .iter()
        .map(|n| n.path.split(['.', '[']).next().unwrap_or_default())
        .filter_map(|root| source.find(root).map(|at| (at, root)))
        .collect();
    roots.sort();
    roots.dedup_by_key(|(_, root)| *root);
    let roots: Vec<&str> = roots.into_iter().map(|(_, root)| root).collect();
    printed
        .iter()
        .map(|p| template::wording::tokenize(p, &names, &roots))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The clerk's own wording of paragraph `id` of template `template`, if any.
pub fn own_wording<'p>(project: &'p Project, template: &str, id: &str) -> Option<&'p OwnWording> {
    project
        .wording
        .iter()
        .find(|w| w.template == template && w.paragraph == id)
}

/// `project` with `text` as the clerk's own wording of paragraph `id` of `template` (`None`
/// restores the template's).
pub fn with_wording(project: &Project, template: &str, id: &str, text: Option<&str>) -> Project {
    let mut changed = project.clone();
    changed
        .wording
        .retain(|w| !(w.template == template && w.paragraph == id));
    if let Some(text) = text {
        changed.wording.push(OwnWording {
            template: template.to_owned(),
            paragraph: id.to_owned(),
            text: text.to_owned(),
        });
    }
    changed
}

/// How paragraph `id` prints with `text` as its wording: its paragraphs, and what is wrong
/// with it (a mistake, a figure not entered, digits that will not follow the figures).
pub fn preview(
    project: &Project,
    options: &Options<'_>,
    template: &Template,
    id: &str,
    text: &str,
) -> (Vec<String>, Vec<TemplateProblem>) {
    let trial = with_wording(project, &template.id, id, Some(text));
    let options = Options {
        template: Some(template),
        ..*options
    };
    let doc = build(&trial, &options);
    let printed = doc
        .sources
        .iter()
        .filter(|s| s.id == id)
        .take(1)
        .flat_map(|s| doc.blocks[s.blocks.clone()].iter())
        .filter_map(|b| match b {
            super::Block::Paragraph { text }
            | super::Block::Note { text }
            | super::Block::Subtitle { text } => Some(text.clone()),
            _ => None,
        })
        .collect();
    let problems = doc.problems.into_iter().filter(|p| p.block == id).collect();
    (printed, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::example;

    #[test]
    fn editing_starts_from_the_printed_paragraph_with_its_figures_named() {
        let project = example().unwrap();
        let t = template::builtin_by_id("sichuan-2023").unwrap();
        let options = Options {
            template: Some(t),
            ..Options::default()
        };
        let doc = build(&project, &options);
        let start = start_text(&project, &options, t, &doc, "收支总计");
        // 收入总计 and 支出总计 print alike here, so their amount and change are bound to
        // neither (the clerk is told so); the years are.
        assert!(
            start.starts_with("{{ 年度 }}年度收、支总计均为226.23万元。与{{ 上年度 }}年度相比"),
            "{start}"
        );
        // Kept as it is, it prints what the template printed.
        let (printed, problems) = preview(&project, &options, t, "收支总计", &start);
        assert!(
            problems
                .iter()
                .all(|p| p.kind == template::ProblemKind::Unbound),
            "{problems:?}"
        );
        // Where a figure prints alone, it is bound.
        let start = start_text(&project, &options, t, &doc, "机关运行经费");
        assert!(start.contains("{{ 机关运行经费 }}"), "{start}");
        assert!(start.contains("{{ 机关运行经费|change }}"), "{start}");
        let before: Vec<String> = doc.blocks[doc
            .sources
            .iter()
            .find(|s| s.id == "收支总计")
            .unwrap()
            .blocks
            .clone()]
        .iter()
        .map(|b| match b {
            super::super::Block::Paragraph { text } => text.clone(),
            _ => String::new(),
        })
        .collect();
        assert_eq!(printed, before);
        // Digits typed in are reported.
        let (_, problems) = preview(&project, &options, t, "收支总计", "共计248.02万元。");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].kind, template::ProblemKind::Unbound);
    }
}
