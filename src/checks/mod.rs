//! Reconciliation checks (审核): a registry of named rules whose findings name the amounts, the
//! difference and the fields to fix.
//!
//! Each rule has a stable code (`JS-101`), a severity and a one-line Chinese title, and lives in the
//! file of its family. [`run`] applies every rule to a project; it never fails and its output is
//! deterministic (rules in code order, findings in the order each rule finds them).

mod classification;
pub mod coverage;
pub mod examples;
pub mod explain;
mod performance;
mod plausibility;
mod procurement;
pub mod report;
mod shares;
mod text;
mod three_public;
mod totals;

pub use coverage::{Coverage, Ledger, LedgerCounts, LedgerEntry, Need, SelfAssessed};
pub use report::CheckReport;
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
    /// The two amounts it compares, when it compares two (the check report lists them in
    /// columns of their own).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amounts: Option<Compared>,
}

/// Two amounts a finding compares, with what each is, as its message states them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Compared {
    /// What the first amount is (报表数, 收入总计 …).
    pub left: String,
    /// The first amount.
    pub left_amount: Wan,
    /// What the second amount is.
    pub right: String,
    /// The second amount.
    pub right_amount: Wan,
}

impl Compared {
    /// `left` is `a`, `right` is `b`.
    pub fn new(left: &str, a: Wan, right: &str, b: Wan) -> Compared {
        Compared {
            left: left.to_owned(),
            left_amount: a,
            right: right.to_owned(),
            right_amount: b,
        }
    }

    /// How far apart the two are.
    pub fn difference(&self) -> Wan {
        (self.left_amount - self.right_amount).abs()
    }
}

impl fmt::Display for Compared {
    /// "A 是 x 万元，B 是 y 万元，相差 d 万元".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}，{} {}，相差 {}",
            self.left,
            amount(self.left_amount),
            self.right,
            amount(self.right_amount),
            amount(self.difference())
        )
    }
}

/// A rule: its identity and how it is applied.
pub struct Rule {
    /// Stable code, e.g. `JS-101`.
    pub code: &'static str,
    /// Severity of its findings.
    pub severity: Severity,
    /// One-line Chinese title.
    pub title: &'static str,
    /// What it needs of the project before it can check: the first unmet need makes it "not
    /// applicable" or "missing data" in the ledger instead of running.
    pub needs: &'static [Need],
    check: Check,
}

impl Rule {
    /// Its family, by the hundreds of its code.
    pub fn family(&self) -> &'static str {
        family(self.code)
    }

    /// Everything it needs, its 报表数 included.
    pub fn all_needs(&self) -> Vec<Need> {
        let mut needs = self.needs.to_vec();
        if let Check::Control(total) = self.check {
            needs.push(Need::Control(total));
        }
        needs
    }
}

/// The family of the rule `code`, by the hundreds of its number: `JS-3xx` are the "三公" rules.
pub fn family(code: &str) -> &'static str {
    if code.starts_with("WD-") {
        return "文档";
    }
    match code.as_bytes().get(3) {
        Some(b'1') => "收支总表",
        Some(b'2') => "支出分类",
        Some(b'3') => "“三公”经费",
        Some(b'4') => "政府采购",
        Some(b'5') => "绩效自评",
        Some(b'6') => "文字说明",
        Some(b'7') => "合理性",
        Some(b'8') => "占比",
        _ => "其他",
    }
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
    /// Today, for the rules of dates (公开 within 20 days of 批复); `None` where the caller
    /// reads no clock, and those rules then judge only the dates entered.
    pub today: Option<crate::model::Date>,
    /// The fields holding the clerk's texts, walked once for the rules that read them all.
    fields: std::cell::OnceCell<Vec<crate::model::FieldInfo<'a>>>,
    /// The clerk's texts among them: the field's index and each text (a list's lines apart).
    texts: std::cell::OnceCell<Vec<(usize, &'a str)>>,
}

impl<'a> Context<'a> {
    /// What the rules read of `project`, with no clock.
    pub fn new(project: &'a Project, totals: Totals, catalog: Option<&'a Catalog>) -> Self {
        Context {
            project,
            totals,
            catalog,
            today: None,
            fields: std::cell::OnceCell::new(),
            texts: std::cell::OnceCell::new(),
        }
    }

    /// The project's fields that hold the clerk's texts, with their paths, labels and values.
    pub fn text_fields(&self) -> &[crate::model::FieldInfo<'a>] {
        self.fields.get_or_init(|| self.project.text_fields())
    }

    /// Every non-empty text the clerk typed (settings aside), with the field it is in: each
    /// line of a list apart. Listed once per review for the rules that read them all.
    pub fn texts(&self) -> impl Iterator<Item = (&crate::model::FieldInfo<'a>, &'a str)> {
        use crate::model::{FieldValue, Root};
        let fields = self.text_fields();
        self.texts
            .get_or_init(|| {
                let mut out = Vec::new();
                for (i, f) in fields.iter().enumerate() {
                    match &f.value {
                        FieldValue::Text(t) if f.path.root() != Root::Settings && !t.is_empty() => {
                            out.push((i, *t));
                        }
                        FieldValue::Lines(lines) => out.extend(
                            lines
                                .iter()
                                .filter(|l| !l.is_empty())
                                .map(|l| (i, l.as_str())),
                        ),
                        _ => {}
                    }
                }
                out
            })
            .iter()
            .map(move |&(i, t)| (&fields[i], t))
    }

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

/// The findings of every rule and the ledger of which rules checked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Review {
    /// What the rules found, in code order.
    pub findings: Vec<Finding>,
    /// For every rule, whether it checked, did not apply, or could not run.
    pub ledger: Ledger,
}

impl Review {
    /// Adds what another set of rules (the document's) found, each rule having checked.
    pub fn extend_checked(
        &mut self,
        rules: &[(&'static str, Severity, &'static str)],
        findings: Vec<Finding>,
    ) {
        for &(code, severity, title) in rules {
            let n = findings.iter().filter(|f| f.code == code).count();
            self.ledger.rules.push(LedgerEntry::new(
                code,
                severity,
                title,
                Coverage::Checked,
                n,
            ));
        }
        self.findings.extend(findings);
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
        self.push(message, fields, None);
    }

    /// Records a finding that compares two amounts: its message (which states them) and the
    /// amounts themselves.
    pub fn add_compared(&mut self, message: String, compared: Compared, fields: Vec<FieldPath>) {
        self.push(message, fields, Some(compared));
    }

    fn push(&mut self, message: String, fields: Vec<FieldPath>, amounts: Option<Compared>) {
        self.findings.push(Finding {
            code: self.rule.code,
            severity: self.rule.severity,
            title: self.rule.title,
            message,
            fields,
            amounts,
        });
    }
}

/// A count as a finding shows it: the number, or 未填写.
pub fn count_text<N: std::fmt::Display>(n: Option<N>) -> String {
    n.map_or_else(|| "未填写".to_owned(), |n| n.to_string())
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
    Compared::new(label_a, a, label_b, b).to_string()
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

/// The codes and titles of what the document itself reports (not rules of the figures): a
/// paragraph left out, a table the model cannot fill yet, digits in the clerk's own wording.
pub const DOCUMENT_RULES: [(&str, Severity, &str); 12] = [
    ("WD-101", Severity::Error, "模板有误，段落未印出"),
    ("WD-102", Severity::Warning, "段落缺少内容，未印出"),
    ("WD-103", Severity::Warning, "附表暂未填列"),
    ("WD-104", Severity::Warning, "自拟段落中直接写了数字"),
    ("WD-105", Severity::Error, "名词解释缺少解释"),
    ("WD-106", Severity::Warning, "附表缺少明细"),
    (
        "WD-107",
        Severity::Error,
        "“三公”经费的说明或表格未分别列出公务用车购置费和运行维护费",
    ),
    (
        "WD-108",
        Severity::Warning,
        "“三公”经费说明缺少出国团组数和人数、公务用车购置数和保有量、接待批次和人数",
    ),
    (
        "WD-109",
        Severity::Warning,
        "文档缺少财政检查要求公开的内容",
    ),
    ("WD-110", Severity::Warning, "没有数据的表未注明原因"),
    ("WD-111", Severity::Warning, "“三公”经费表中金额留空"),
    ("WD-112", Severity::Warning, "文档缺少部门决算公开的标准表"),
];

/// A rule as the rule catalog lists it (`juesuan rules`, the app's help, `docs/rules.md`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    /// Its code.
    pub code: &'static str,
    /// Its family.
    pub family: &'static str,
    /// Its severity.
    pub severity: Severity,
    /// What it checks.
    pub title: &'static str,
    /// What it needs before it can check (without it: 不适用 or 缺少数据).
    pub needs: Vec<String>,
    /// What it says on its example case (see [`examples`]), if it has one.
    pub example: Option<String>,
}

/// Every rule, those of the figures and those of the document, in code order. Made once per
/// process: each example is a review of the example project.
pub fn rule_catalog() -> &'static [RuleInfo] {
    static CATALOG: std::sync::OnceLock<Vec<RuleInfo>> = std::sync::OnceLock::new();
    CATALOG.get_or_init(make_rule_catalog)
}

fn make_rule_catalog() -> Vec<RuleInfo> {
    let figures = rules().into_iter().map(|r| RuleInfo {
        code: r.code,
        family: r.family(),
        severity: r.severity,
        title: r.title,
        needs: r.all_needs().into_iter().map(Need::label).collect(),
        example: examples::message(r.code),
    });
    let document = DOCUMENT_RULES
        .iter()
        .map(|&(code, severity, title)| RuleInfo {
            code,
            family: family(code),
            severity,
            title,
            needs: vec!["由模板生成的文档".to_owned()],
            example: None,
        });
    figures.chain(document).collect()
}

/// The rule catalog as plain text, one rule per line and its needs below.
pub fn rule_catalog_text() -> String {
    let all = rule_catalog();
    let mut text = format!("审核规则共 {} 条\n", all.len());
    for r in all {
        text.push_str(&format!(
            "{} 【{}】{}：{}\n",
            r.code, r.severity, r.family, r.title
        ));
        if !r.needs.is_empty() {
            text.push_str(&format!("      需要：{}\n", r.needs.join("；")));
        }
        if let Some(example) = &r.example {
            text.push_str(&format!("      示例：{example}\n"));
        }
    }
    text
}

/// The rule catalog as Markdown (`docs/rules.md` is this, checked by a test).
pub fn rule_catalog_markdown() -> String {
    let all = rule_catalog();
    let mut text = format!(
        "# 审核规则\n\n本文件由 `juesuan rules --markdown` 生成，请勿手改。共 {} 条规则。\n\n\
         规则所需的数据没有录入时，该规则不运行，审核覆盖中记为“缺少数据”（不算通过）；\
         规则对本单位不适用时记为“不适用”。\n\n\
         | 编码 | 类别 | 严重程度 | 审核内容 | 需要 | 示例 |\n|---|---|---|---|---|---|\n",
        all.len()
    );
    for r in all {
        let needs = if r.needs.is_empty() {
            "—".to_owned()
        } else {
            r.needs.join("；")
        };
        let example = r.example.as_deref().unwrap_or("—").replace('|', "\\|");
        text.push_str(&format!(
            "| {} | {} | {} | {} | {} | {example} |\n",
            r.code,
            r.family,
            r.severity,
            r.title.replace('|', "\\|"),
            needs
        ));
    }
    text
}

/// Runs every rule on `project`; `catalog` should be the catalog of the project's year.
pub fn run(project: &Project, catalog: Option<&Catalog>) -> Vec<Finding> {
    run_with(project, Totals::of(project), catalog)
}

/// Runs every rule on `project` whose `totals` the caller has computed already.
pub fn run_with(project: &Project, totals: Totals, catalog: Option<&Catalog>) -> Vec<Finding> {
    review(project, totals, catalog, None).findings
}

/// Runs every rule whose needs `project` meets, and records in the ledger what each rule did.
/// `today` is the date the rules of deadlines count to (`None`: only entered dates count).
pub fn review(
    project: &Project,
    totals: Totals,
    catalog: Option<&Catalog>,
    today: Option<crate::model::Date>,
) -> Review {
    let context = Context {
        today,
        ..Context::new(project, totals, catalog)
    };
    let mut out = Review::default();
    for rule in rules() {
        let coverage = Coverage::of(&rule.all_needs(), &context);
        let before = out.findings.len();
        if coverage == Coverage::Checked {
            let mut report = Report {
                rule,
                findings: &mut out.findings,
            };
            match rule.check {
                Check::Code(check) => check(&context, &mut report),
                Check::Control(total) => totals::check_control(total, &context, &mut report),
            }
        }
        out.ledger.rules.push(LedgerEntry::new(
            rule.code,
            rule.severity,
            rule.title,
            coverage,
            out.findings.len() - before,
        ));
    }
    out
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
