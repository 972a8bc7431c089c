//! The check report (审核报告): what a unit hands its 财政 with the submission — unit, year,
//! template and date, the ledger of which rules checked, every finding with both amounts, the
//! difference, where to fix it and the clerk's 出错说明.
//!
//! The report is a plain value ([`CheckReport`]); the text here, the printed pages
//! ([`CheckReport::document`], laid out by `print`) and the workbook (`office`) only render it.

use serde::Serialize;

use super::explain::{self, Standing};
use super::{Compared, Finding, Ledger, LedgerEntry, Review, Severity};
use crate::document::{Block, Cell, Document, DocumentKind, SignOff, Table};
use crate::model::{Date, Explanation, FieldPath, Project};

/// The check report of one project on one day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    /// The unit's name.
    pub unit: String,
    /// The accounting year.
    pub year: i32,
    /// What the unit publishes: 部门决算 or 单位决算.
    #[serde(skip)]
    pub disclosure: crate::model::Disclosure,
    /// The template the document was made with (its name).
    pub template: String,
    /// The day the report was made, when the caller knows it.
    pub date: Option<Date>,
    /// Every finding, in code order, with where it is fixed and its explanation.
    pub findings: Vec<ReportedFinding>,
    /// For every rule, whether it checked, did not apply or could not run.
    pub ledger: Ledger,
    /// The explanations whose findings are gone.
    pub resolved: Vec<Explanation>,
    /// Who signs the report (制表人, 财务负责人) and the unit that seals it.
    #[serde(skip)]
    pub sign_off: SignOff,
    /// Where each rule the ledger lists as not checked needs its data, in words, by rule code
    /// (absent when the field has no name).
    #[serde(skip)]
    pub unchecked_places: std::collections::BTreeMap<&'static str, String>,
}

/// A finding as the report lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportedFinding {
    /// The finding.
    #[serde(flatten)]
    pub finding: Finding,
    /// Where it is fixed, in words (收入 › 其他收入), empty when it names no field.
    pub place: String,
    /// The clerk's 出错说明 and how it stands, if there is one.
    pub explanation: Option<ReportedExplanation>,
}

/// An explanation as the report prints it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportedExplanation {
    /// The clerk's words.
    pub text: String,
    /// Whether it still explains the finding as it is.
    pub standing: Standing,
}

/// Reviews `project` as of `today` — every rule, and what the document under its template
/// reports — with the catalog it uses, and makes the report.
pub fn build(project: &Project, today: Option<Date>) -> CheckReport {
    let catalog = crate::catalog::Catalog::for_project(project).ok();
    let mut review = super::review(
        project,
        crate::model::totals::Totals::of(project),
        catalog.as_ref(),
        today,
    );
    let options = crate::document::Options {
        catalog: catalog.as_ref(),
        ..crate::document::Options::default()
    };
    let (template, _) = crate::template::for_project(project);
    crate::document::build(project, &options).add_to(&mut review);
    CheckReport::of(project, &review, &template.name, today)
}

impl CheckReport {
    /// The report of `review` (the rules' and the document's findings) on `project`, made
    /// with the template named `template`, dated `date`.
    pub fn of(project: &Project, review: &Review, template: &str, date: Option<Date>) -> Self {
        let labels: std::collections::BTreeMap<FieldPath, String> = project
            .fields()
            .into_iter()
            .map(|f| (f.path, f.label))
            .collect();
        let place = |path: &FieldPath| -> String {
            let mut at = Some(path.clone());
            while let Some(p) = at {
                if let Some(label) = labels.get(&p) {
                    return label.clone();
                }
                at = p.parent();
            }
            String::new()
        };
        let findings = review
            .findings
            .iter()
            .map(|f| ReportedFinding {
                finding: f.clone(),
                place: f.fields.first().map(&place).unwrap_or_default(),
                explanation: explain::explanation_of(project, f).map(|(e, standing)| {
                    ReportedExplanation {
                        text: e.text.clone(),
                        standing,
                    }
                }),
            })
            .collect();
        let unchecked_places = review
            .ledger
            .unchecked()
            .filter_map(|e| Some((e.code, place(e.coverage.fields().first()?))))
            .collect();
        let unit = &project.unit;
        let mut sign_off = SignOff::of(unit);
        sign_off
            .roles
            .retain(|(role, _)| role == "财务负责人" || role == "制表人");
        CheckReport {
            unit: unit.name.clone(),
            year: unit.year,
            disclosure: unit.disclosure,
            template: template.to_owned(),
            date,
            findings,
            ledger: review.ledger.clone(),
            resolved: explain::resolved(project, &review.findings)
                .into_iter()
                .cloned()
                .collect(),
            sign_off,
            unchecked_places,
        }
    }

    /// The findings by severity: (错误, 警告, 提示).
    pub fn counts(&self) -> (usize, usize, usize) {
        let n = |s| {
            self.findings
                .iter()
                .filter(|f| f.finding.severity == s)
                .count()
        };
        (n(Severity::Error), n(Severity::Warning), n(Severity::Hint))
    }

    /// The title: 某单位2023年度部门决算审核报告 (or 单位决算审核报告).
    pub fn title(&self) -> String {
        format!(
            "{}{}年度{}审核报告",
            self.unit,
            self.year,
            self.disclosure.label()
        )
    }

    /// The lines above the findings: unit, year, template, date and the counts.
    pub fn heading_lines(&self) -> Vec<String> {
        let (e, w, h) = self.counts();
        let mut lines = vec![
            format!("单位：{}", self.unit),
            format!("决算年度：{}", self.year),
            format!("公开模板：{}", self.template),
        ];
        if let Some(date) = self.date {
            lines.push(format!("审核日期：{date}"));
        }
        lines.push(format!(
            "审核结果：共 {} 条，错误 {e}，警告 {w}，提示 {h}",
            self.findings.len()
        ));
        lines.push(format!("审核覆盖：{}", self.ledger.counts()));
        lines
    }

    /// The findings as text, grouped by severity, each with where to fix it and the clerk's
    /// explanation, then the explanations whose findings are gone and a summary line.
    pub fn findings_text(&self) -> String {
        let mut text = String::new();
        for severity in Severity::ALL {
            let group: Vec<&ReportedFinding> = self
                .findings
                .iter()
                .filter(|f| f.finding.severity == severity)
                .collect();
            if group.is_empty() {
                continue;
            }
            text.push_str(&format!("【{severity}】{} 条\n", group.len()));
            for reported in group {
                let f = &reported.finding;
                text.push_str(&format!("  {} {}：{}\n", f.code, f.title, f.message));
                if let Some(first) = f.fields.first() {
                    text.push_str(&place_line(&reported.place, first));
                }
                if let Some(e) = &reported.explanation {
                    text.push_str(&format!(
                        "      说明（{}）：{}\n",
                        e.standing.label(),
                        e.text
                    ));
                }
            }
        }
        let (e, w, h) = self.counts();
        text.push_str(&format!(
            "共 {} 条：错误 {e}，警告 {w}，提示 {h}\n",
            self.findings.len()
        ));
        if !self.resolved.is_empty() {
            text.push_str(&format!(
                "【说明已失效】{} 条（对应的问题已不存在，可删除）\n",
                self.resolved.len()
            ));
            for e in &self.resolved {
                text.push_str(&format!("  {}：{}\n", e.rule, e.text));
            }
        }
        text
    }

    /// The ledger as text: the counts, then every rule that did not check and why.
    pub fn ledger_text(&self) -> String {
        let mut text = format!("审核覆盖：{}\n", self.ledger.counts());
        for e in self.ledger.unchecked() {
            text.push_str(&format!(
                "  {} {}：{}（{}）\n",
                e.code,
                e.title,
                e.coverage.label(),
                e.coverage.reason().unwrap_or_default()
            ));
            if let Some(first) = e.coverage.fields().first() {
                let place = self.unchecked_places.get(e.code).map_or("", String::as_str);
                text.push_str(&place_line(place, first));
            }
        }
        text
    }

    /// The whole report as text: the heading lines, the findings and the ledger.
    pub fn text(&self) -> String {
        let mut text = format!("{}\n", self.title());
        for line in self.heading_lines() {
            text.push_str(&line);
            text.push('\n');
        }
        text.push('\n');
        text + &self.findings_text() + &self.ledger_text()
    }

    /// The report as a document to print: its heading lines, a table of the findings with
    /// their amounts and explanations, a table of the rules that did not check, and the
    /// signatures of who made and who approved it.
    pub fn document(&self) -> Document {
        let mut blocks = vec![Block::Heading {
            level: 0,
            text: self.title(),
        }];
        blocks.extend(
            self.heading_lines()
                .into_iter()
                .map(|text| Block::Note { text }),
        );
        blocks.push(Block::Heading {
            level: 1,
            text: "一、审核发现的问题".to_owned(),
        });
        if self.findings.is_empty() {
            blocks.push(Block::Paragraph {
                text: "全部已审核的规则均未发现问题。".to_owned(),
            });
        } else {
            blocks.push(Block::Table(self.findings_table()));
        }
        blocks.push(Block::Heading {
            level: 1,
            text: "二、未审核的规则".to_owned(),
        });
        let unchecked: Vec<&LedgerEntry> = self.ledger.unchecked().collect();
        if unchecked.is_empty() {
            blocks.push(Block::Paragraph {
                text: "全部规则均已审核。".to_owned(),
            });
        } else {
            blocks.push(Block::Table(ledger_table(&unchecked)));
        }
        if !self.resolved.is_empty() {
            blocks.push(Block::Heading {
                level: 1,
                text: "三、已失效的出错说明".to_owned(),
            });
            for e in &self.resolved {
                blocks.push(Block::Paragraph {
                    text: format!("{}：{}", e.rule, e.text),
                });
            }
        }
        Document {
            title: self.title(),
            unit: self.unit.clone(),
            year: self.year,
            blocks,
            template: String::new(),
            sign_off: Some(self.sign_off.clone()),
            review_line: String::new(),
            body_style: crate::document::BodyStyle::Published,
            kind: DocumentKind::CheckReport,
            problems: Vec::new(),
            sources: Vec::new(),
        }
    }

    fn findings_table(&self) -> Table {
        let header = [
            "序号",
            "编码",
            "程度",
            "问题",
            "金额一",
            "金额二",
            "差额",
            "位置",
            "出错说明",
        ]
        .map(|h| Cell::head(h).strong())
        .to_vec();
        let rows = self
            .findings
            .iter()
            .zip(1..)
            .map(|(r, n): (&ReportedFinding, usize)| {
                let f = &r.finding;
                let (a, b, d) = match &f.amounts {
                    Some(c) => compared_cells(c),
                    None => (Cell::empty(), Cell::empty(), Cell::empty()),
                };
                vec![
                    Cell::figure(n.to_string()),
                    Cell::text(f.code),
                    Cell::text(f.severity.label()),
                    Cell::text(format!("{}：{}", f.title, f.message)),
                    a,
                    b,
                    d,
                    Cell::text(&r.place),
                    Cell::text(
                        r.explanation
                            .as_ref()
                            .map(|e| match e.standing {
                                Standing::Current => e.text.clone(),
                                _ => format!("{}（{}）", e.text, e.standing.label()),
                            })
                            .unwrap_or_default(),
                    ),
                ]
            })
            .collect();
        Table {
            title: String::new(),
            unit_label: "单位：万元".to_owned(),
            widths: vec![4, 7, 5, 36, 9, 9, 8, 12, 14],
            header: vec![header],
            rows,
            notes: vec![
                "注：金额一、金额二是问题所比较的两个数，差额为两者之差的绝对值；位置是应修改的栏目。"
                    .to_owned(),
            ],
            wide: false,
            id: String::new(),
            unfilled: None,
            detail_missing: None,
        }
    }
}

/// The two amounts of a comparison and their difference, as table cells.
fn compared_cells(c: &Compared) -> (Cell, Cell, Cell) {
    (
        Cell::amount(c.left_amount),
        Cell::amount(c.right_amount),
        Cell::amount(c.difference()),
    )
}

/// Where a finding is fixed or a rule needs its data: the field's name with its path, for
/// the clerk and for `juesuan set`; the path alone when the field has no name.
fn place_line(place: &str, path: &FieldPath) -> String {
    if place.is_empty() {
        format!("      位置：{path}\n")
    } else {
        format!("      位置：{place}（{path}）\n")
    }
}

fn ledger_table(unchecked: &[&LedgerEntry]) -> Table {
    let header = ["编码", "审核内容", "状态", "原因"]
        .map(|h| Cell::head(h).strong())
        .to_vec();
    Table {
        title: String::new(),
        unit_label: String::new(),
        widths: vec![8, 40, 8, 44],
        header: vec![header],
        rows: unchecked
            .iter()
            .map(|e| {
                vec![
                    Cell::text(e.code),
                    Cell::text(e.title),
                    Cell::text(e.coverage.label()),
                    Cell::text(e.coverage.reason().unwrap_or_default()),
                ]
            })
            .collect(),
        notes: vec![
            "注：“缺少数据”的规则因所需数据未录入而没有运行，不代表通过；“不适用”的规则对本单位没有意义。"
                .to_owned(),
        ],
        wide: false,
        id: String::new(),
        unfilled: None,
        detail_missing: None,
    }
}
