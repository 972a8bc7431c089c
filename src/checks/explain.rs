//! 出错说明: the clerk's explanations of findings, kept in the project and matched to the
//! findings of each review by rule and first field.

use serde::Serialize;

use super::{Finding, Severity};
use crate::model::{Explanation, Project};

/// How an explanation stands against this review's findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Standing {
    /// Its finding is there, with the message it explained.
    #[serde(rename = "有效")]
    Current,
    /// Its finding is there, but its message (its amounts) changed since: read it again.
    #[serde(rename = "需复核")]
    Changed,
    /// Its finding is gone: the explanation explains nothing now.
    #[serde(rename = "已失效")]
    Resolved,
}

impl Standing {
    /// The Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            Standing::Current => "有效",
            Standing::Changed => "需复核（说明写于金额变动之前）",
            Standing::Resolved => "已失效（问题已不存在）",
        }
    }
}

/// Whether `e` explains `f`: the same rule and the same first field.
pub fn explains(e: &Explanation, f: &Finding) -> bool {
    e.rule == f.code && e.field.as_ref() == f.fields.first()
}

/// The explanation of `f` in `project`, if any, and how it stands.
pub fn explanation_of<'p>(
    project: &'p Project,
    f: &Finding,
) -> Option<(&'p Explanation, Standing)> {
    let e = project.explanations.iter().find(|e| explains(e, f))?;
    let standing = if e.message == f.message {
        Standing::Current
    } else {
        Standing::Changed
    };
    Some((e, standing))
}

/// The explanations no finding of `findings` has any more.
pub fn resolved<'p>(project: &'p Project, findings: &[Finding]) -> Vec<&'p Explanation> {
    project
        .explanations
        .iter()
        .filter(|e| !findings.iter().any(|f| explains(e, f)))
        .collect()
}

/// Sets the explanation of `f` to `text` (replacing its earlier one and recording the message
/// it explains); an empty text removes it.
pub fn explain(project: &mut Project, f: &Finding, text: &str) {
    project.explanations.retain(|e| !explains(e, f));
    let text = text.trim();
    if !text.is_empty() {
        project.explanations.push(Explanation {
            rule: f.code.to_owned(),
            field: f.fields.first().cloned(),
            text: text.to_owned(),
            message: f.message.clone(),
        });
    }
}

/// Removes the explanations no finding has any more.
pub fn remove_resolved(project: &mut Project, findings: &[Finding]) {
    project
        .explanations
        .retain(|e| findings.iter().any(|f| explains(e, f)));
}

/// What the clerk is told when explaining a finding of `severity`: an 错误 stays an 错误.
pub fn hint(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => {
            "说明不会消除“错误”：错误仍须改正，说明随文件报送财政，写明正在如何处理。"
        }
        Severity::Warning | Severity::Hint => {
            "写明为什么这不是差错（例如口径不同），说明随文件报送财政，并印在审核报告中。"
        }
    }
}

/// One explanation as `check --json` lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExplanationReport<'p> {
    /// The rule.
    pub rule: &'p str,
    /// The finding's first field.
    pub field: Option<String>,
    /// The explanation.
    pub text: &'p str,
    /// How it stands.
    pub standing: Standing,
    /// The message it was written for.
    pub explained_message: &'p str,
}

/// Every explanation of `project` with its standing against `findings`, findings' order first,
/// then those resolved.
pub fn report<'p>(project: &'p Project, findings: &[Finding]) -> Vec<ExplanationReport<'p>> {
    let of = |e: &'p Explanation, standing| ExplanationReport {
        rule: &e.rule,
        field: e.field.as_ref().map(ToString::to_string),
        text: &e.text,
        standing,
        explained_message: &e.message,
    };
    let mut out: Vec<_> = findings
        .iter()
        .filter_map(|f| explanation_of(project, f))
        .map(|(e, s)| of(e, s))
        .collect();
    out.extend(
        resolved(project, findings)
            .into_iter()
            .map(|e| of(e, Standing::Resolved)),
    );
    out
}
