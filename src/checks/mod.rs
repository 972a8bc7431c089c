//! Reconciliation checks (审核): a registry of named rules whose findings name the amounts, the
//! difference and the fields to fix.
//!
//! Each rule has a stable code (`JS-101`), a severity and a one-line Chinese title, and lives in the
//! file of its family. [`run`] applies every rule to a project; it never fails and its output is
//! deterministic (rules in code order, findings in the order each rule finds them).

mod classification;
mod performance;
mod plausibility;
mod procurement;
mod shares;
mod text;
mod three_public;
mod totals;

pub use totals::{Rounded, within_rounding};

use std::fmt;

use serde::Serialize;

use crate::catalog::Catalog;
use crate::model::totals::Totals;
use crate::model::{FieldPath, Project, Tolerance};
use crate::money::Wan;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Severity {
    /// 错误: the figures contradict each other; the document would be wrong.
    #[serde(rename = "错误")]
    Error,
    /// 警告: probably wrong, or the document lacks something it must say.
    #[serde(rename = "警告")]
    Warning,
    /// 提示: worth a look; often fine.
    #[serde(rename = "提示")]
    Hint,
}

impl Severity {
    /// All severities, most serious first.
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Hint];

    /// The Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Hint => "提示",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One thing a rule found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's code, e.g. `JS-107`.
    pub code: &'static str,
    /// The rule's severity.
    pub severity: Severity,
    /// The rule's title.
    pub title: &'static str,
    /// What disagrees, with every amount and the difference, in plain Chinese.
    pub message: String,
    /// The fields involved, first the one most likely to need fixing.
    pub fields: Vec<FieldPath>,
}

/// A rule: its identity and how it is applied.
pub struct Rule {
    /// Stable code, e.g. `JS-101`.
    pub code: &'static str,
    /// Severity of its findings.
    pub severity: Severity,
    /// One-line Chinese title.
    pub title: &'static str,
    check: Check,
}

/// How a rule is applied: by its own function, or as a row of a table of rules that differ only
/// in their data.
enum Check {
    /// A rule with its own logic.
    Code(fn(&Context<'_>, &mut Report<'_>)),
    /// A 报表数 against the total it must equal (JS-104…JS-114).
    Control(crate::model::ControlTotal),
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code, self.title)
    }
}

/// What a rule can read: the project, its computed totals and the catalog of its year.
pub struct Context<'a> {
    /// The project.
    pub project: &'a Project,
    /// Its computed totals.
    pub totals: Totals,
    /// The catalog of the project's year, if it could be loaded.
    pub catalog: Option<&'a Catalog>,
}

impl Context<'_> {
    /// Whether two amounts agree, given that `a` is a sum of `items` parts: exactly, or within
    /// 0.01 万元 per item when the project allows copying from rounded tables.
    pub fn agree(&self, a: Wan, b: Wan, items: usize) -> bool {
        match self.project.settings.tolerance {
            Tolerance::Exact => a == b,
            Tolerance::CentPerItem => {
                let allowed = Wan::from_wan(rust_decimal::Decimal::new(items.max(1) as i64, 2));
                (a - b).abs() <= allowed
            }
        }
    }
}

/// Collects the findings of one rule.
pub struct Report<'r> {
    rule: &'r Rule,
    findings: &'r mut Vec<Finding>,
}

impl Report<'_> {
    /// Records a finding with its message and the fields involved.
    pub fn add(&mut self, message: String, fields: Vec<FieldPath>) {
        self.findings.push(Finding {
            code: self.rule.code,
            severity: self.rule.severity,
            title: self.rule.title,
            message,
            fields,
        });
    }
}

/// Formats an amount for a message: two decimals, or every decimal when rounding would hide a
/// difference (`226.231` rather than `226.23`).
pub fn amount(a: Wan) -> String {
    if a.rounded() == a.wan() {
        format!("{} 万元", a.text())
    } else {
        format!("{} 万元", a.wan().normalize())
    }
}

/// "A 是 x 万元，B 是 y 万元，相差 d 万元".
pub fn mismatch(label_a: &str, a: Wan, label_b: &str, b: Wan) -> String {
    format!(
        "{label_a} {}，{label_b} {}，相差 {}",
        amount(a),
        amount(b),
        amount((a - b).abs())
    )
}

/// Every rule, in code order.
pub fn rules() -> Vec<&'static Rule> {
    let mut all: Vec<&'static Rule> = [
        totals::RULES,
        classification::RULES,
        three_public::RULES,
        procurement::RULES,
        performance::RULES,
        text::RULES,
        plausibility::RULES,
        shares::RULES,
    ]
    .into_iter()
    .flatten()
    .collect();
    all.sort_by_key(|r| r.code);
    all
}

/// Runs every rule on `project`; `catalog` should be the catalog of the project's year.
pub fn run(project: &Project, catalog: Option<&Catalog>) -> Vec<Finding> {
    run_with(project, Totals::of(project), catalog)
}

/// Runs every rule on `project` whose `totals` the caller has computed already.
pub fn run_with(project: &Project, totals: Totals, catalog: Option<&Catalog>) -> Vec<Finding> {
    let context = Context {
        project,
        totals,
        catalog,
    };
    let mut findings = Vec::new();
    for rule in rules() {
        let mut report = Report {
            rule,
            findings: &mut findings,
        };
        match rule.check {
            Check::Code(check) => check(&context, &mut report),
            Check::Control(total) => totals::check_control(total, &context, &mut report),
        }
    }
    findings
}

/// Counts findings by severity: (错误, 警告, 提示).
pub fn counts(findings: &[Finding]) -> (usize, usize, usize) {
    let n = |s| findings.iter().filter(|f| f.severity == s).count();
    (n(Severity::Error), n(Severity::Warning), n(Severity::Hint))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let all = rules();
        assert!(all.len() >= 40, "only {} rules", all.len());
        for pair in all.windows(2) {
            assert_ne!(pair[0].code, pair[1].code, "duplicate code");
        }
        for r in &all {
            assert!(r.code.starts_with("JS-") && r.code.len() == 6, "{}", r.code);
            assert!(!r.title.is_empty());
        }
    }

    #[test]
    fn messages_show_hidden_decimals() {
        let a: Wan = "226.231".parse().unwrap();
        let b: Wan = "226.23".parse().unwrap();
        assert_eq!(
            mismatch("甲", a, "乙", b),
            "甲 226.231 万元，乙 226.23 万元，相差 0.001 万元"
        );
    }
}
