//! 绩效: performance management counts, the department self-assessment, and one
//! self-assessment table per project.

use egui::{RichText, Ui};

use super::{apply, row_ops};
use crate::model::{
    FundExecution, Indicator, IndicatorKind, IndicatorNature, Project, ProjectAssessment,
    SpendingItem, TextSection,
};
use crate::ui::widgets::{self, Form};

pub(super) fn ui(ui: &mut Ui, p: &mut Project, form: &mut Form<'_>) {
    let pm = &mut p.performance;
    widgets::section(ui, "预算绩效管理情况");
    widgets::count(
        ui,
        form,
        "开展事前绩效评估的项目数",
        "performance.prior_assessment_projects",
        &mut pm.prior_assessment_projects,
    );
    widgets::count(
        ui,
        form,
        "编制绩效目标的项目数",
        "performance.target_projects",
        &mut pm.target_projects,
    );
    widgets::count(
        ui,
        form,
        "开展绩效监控的项目数",
        "performance.monitored_projects",
        &mut pm.monitored_projects,
    );

    widgets::section(ui, "部门整体绩效自评（附件1）");
    let d = &mut pm.department;
    widgets::text(
        ui,
        form,
        "报告标题",
        "performance.department.title",
        &mut d.title,
    );
    widgets::optional_amount(
        ui,
        form,
        "年初预算收入",
        "performance.department.initial_budget_revenue",
        &mut d.initial_budget_revenue,
    );
    widgets::optional_amount(
        ui,
        form,
        "年初预算支出",
        "performance.department.initial_budget_expenditure",
        &mut d.initial_budget_expenditure,
    );
    ui.horizontal(|ui| {
        ui.label("总分");
        widgets::decimal_cell(
            ui,
            form,
            "performance.department.full_score",
            &mut d.full_score,
            true,
            "部门自评总分",
        );
        ui.label("自评得分");
        widgets::decimal_cell(
            ui,
            form,
            "performance.department.score",
            &mut d.score,
            true,
            "部门自评得分",
        );
    });
    widgets::multiline(
        ui,
        form,
        "绩效自评综述",
        "performance.department.summary",
        &mut d.summary,
    );
    sections_ui(ui, form, "performance.department.sections", &mut d.sections);
    widgets::multiline(
        ui,
        form,
        "评价结论",
        "performance.department.conclusion",
        &mut d.conclusion,
    );
    widgets::lines(
        ui,
        form,
        "存在问题（每行一条）",
        "performance.department.problems",
        &mut d.problems,
    );
    widgets::lines(
        ui,
        form,
        "改进建议（每行一条）",
        "performance.department.improvements",
        &mut d.improvements,
    );

    widgets::section(ui, "项目支出绩效自评表");
    let mut op = None;
    let len = p.projects.len();
    for (i, a) in p.projects.iter_mut().enumerate() {
        let title = format!(
            "项目{}：{}",
            i + 1,
            if a.name.is_empty() {
                "（未命名）"
            } else {
                &a.name
            }
        );
        egui::CollapsingHeader::new(title)
            .id_salt(("project", i))
            .default_open(len == 1)
            .show(ui, |ui| {
                project_ui(ui, form, i, a);
                ui.horizontal(|ui| op = op.take().or(row_ops(ui, i, len, "项目")));
            });
    }
    if apply(&mut p.projects, op) {
        *form.edited = Some("projects".into());
    }
    if ui.button("添加项目").clicked() {
        p.projects.push(ProjectAssessment {
            budget_weight: rust_decimal::Decimal::TEN,
            ..ProjectAssessment::default()
        });
        *form.edited = Some("projects".into());
    }
}

fn sections_ui(ui: &mut Ui, form: &mut Form<'_>, base: &str, sections: &mut Vec<TextSection>) {
    ui.label(RichText::new("报告正文（每段一行）").strong());
    let mut op = None;
    let len = sections.len();
    for (i, s) in sections.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            widgets::text_cell(
                ui,
                form,
                &format!("{base}[{i}].heading"),
                &mut s.heading,
                300.0,
                "小标题",
            );
            op = op.take().or(row_ops(ui, i, len, "段落"));
        });
        widgets::lines(
            ui,
            form,
            "正文",
            &format!("{base}[{i}].paragraphs"),
            &mut s.paragraphs,
        );
    }
    if apply(sections, op) {
        *form.edited = Some(base.to_owned());
    }
    if ui.button("添加小节").clicked() {
        sections.push(TextSection::default());
        *form.edited = Some(base.to_owned());
    }
}

fn project_ui(ui: &mut Ui, form: &mut Form<'_>, i: usize, a: &mut ProjectAssessment) {
    let base = format!("projects[{i}]");
    widgets::text(ui, form, "项目编码", &format!("{base}.code"), &mut a.code);
    widgets::text(ui, form, "项目名称", &format!("{base}.name"), &mut a.name);
    widgets::text(
        ui,
        form,
        "主管部门",
        &format!("{base}.supervising_department"),
        &mut a.supervising_department,
    );
    widgets::text(
        ui,
        form,
        "实施单位",
        &format!("{base}.implementing_unit"),
        &mut a.implementing_unit,
    );
    widgets::multiline(
        ui,
        form,
        "项目年度目标",
        &format!("{base}.annual_goal"),
        &mut a.annual_goal,
    );
    widgets::multiline(
        ui,
        form,
        "年度目标完成情况",
        &format!("{base}.goal_completion"),
        &mut a.goal_completion,
    );
    widgets::multiline(
        ui,
        form,
        "项目实施内容及过程概述",
        &format!("{base}.implementation"),
        &mut a.implementation,
    );

    ui.label(RichText::new("预算执行情况（万元）").strong());
    egui::Grid::new(("funds", i)).striped(true).show(ui, |ui| {
        for h in ["", "年初预算", "调整后预算", "执行数"] {
            ui.label(h);
        }
        ui.end_row();
        let f = &mut a.funds;
        let rows: [(&str, &str, &mut FundExecution); 4] = [
            ("财政资金", "fiscal", &mut f.fiscal),
            (
                "财政专户管理资金",
                "special_account",
                &mut f.special_account,
            ),
            ("单位资金", "unit", &mut f.unit),
            ("其他资金", "other", &mut f.other),
        ];
        for (name, key, row) in rows {
            ui.label(name);
            let path = format!("{base}.funds.{key}");
            widgets::optional_amount_cell(
                ui,
                form,
                &format!("{path}.initial"),
                &mut row.initial,
                &format!("{name}年初预算"),
            );
            widgets::optional_amount_cell(
                ui,
                form,
                &format!("{path}.adjusted"),
                &mut row.adjusted,
                &format!("{name}调整后预算"),
            );
            widgets::optional_amount_cell(
                ui,
                form,
                &format!("{path}.executed"),
                &mut row.executed,
                &format!("{name}执行数"),
            );
            ui.end_row();
        }
    });
    ui.horizontal(|ui| {
        ui.label("预算执行权重");
        let mut w = Some(a.budget_weight);
        if widgets::decimal_cell(
            ui,
            form,
            &format!("{base}.budget_weight"),
            &mut w,
            false,
            "预算执行权重",
        ) {
            a.budget_weight = w.unwrap_or_default();
        }
        ui.label("得分");
        widgets::decimal_cell(
            ui,
            form,
            &format!("{base}.budget_score"),
            &mut a.budget_score,
            true,
            "预算执行得分",
        );
        ui.label("合计得分（表中所填）");
        widgets::decimal_cell(
            ui,
            form,
            &format!("{base}.stated_total_score"),
            &mut a.stated_total_score,
            true,
            "合计得分",
        );
    });
    widgets::multiline(
        ui,
        form,
        "执行率低于90%或预算调整的原因",
        &format!("{base}.execution_reason"),
        &mut a.execution_reason,
    );

    ui.label(RichText::new("绩效指标").strong());
    let mut op = None;
    let len = a.indicators.len();
    egui::Grid::new(("indicators", i))
        .striped(true)
        .show(ui, |ui| {
            for h in [
                "一级指标",
                "二级指标",
                "三级指标",
                "性质",
                "指标值",
                "单位",
                "完成值",
                "权重",
                "得分",
                "未完成原因",
                "",
            ] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for (j, ind) in a.indicators.iter_mut().enumerate() {
                indicator_row(ui, form, &format!("{base}.indicators[{j}]"), j, ind);
                op = op
                    .take()
                    .or(ui.horizontal(|ui| row_ops(ui, j, len, "指标")).inner);
                ui.end_row();
            }
        });
    if apply(&mut a.indicators, op) {
        *form.edited = Some(format!("{base}.indicators"));
    }
    if ui.button("添加指标").clicked() {
        a.indicators.push(Indicator::default());
        *form.edited = Some(format!("{base}.indicators"));
    }

    widgets::multiline(
        ui,
        form,
        "评价结论",
        &format!("{base}.conclusion"),
        &mut a.conclusion,
    );
    widgets::multiline(
        ui,
        form,
        "存在问题",
        &format!("{base}.problems"),
        &mut a.problems,
    );
    widgets::multiline(
        ui,
        form,
        "改进措施",
        &format!("{base}.measures"),
        &mut a.measures,
    );
    widgets::text(
        ui,
        form,
        "项目负责人",
        &format!("{base}.project_lead"),
        &mut a.project_lead,
    );
    widgets::text(
        ui,
        form,
        "财务负责人",
        &format!("{base}.finance_lead"),
        &mut a.finance_lead,
    );
    widgets::multiline(
        ui,
        form,
        "绩效自评综述",
        &format!("{base}.summary"),
        &mut a.summary,
    );

    ui.label(RichText::new("项目资金分配明细").strong());
    let mut op = None;
    let len = a.spending.len();
    for (k, s) in a.spending.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            widgets::text_cell(
                ui,
                form,
                &format!("{base}.spending[{k}].name"),
                &mut s.name,
                160.0,
                "支出内容",
            );
            widgets::amount_cell(
                ui,
                form,
                &format!("{base}.spending[{k}].amount"),
                &mut s.amount,
                &format!("资金分配第{}项金额", k + 1),
            );
            op = op.take().or(row_ops(ui, k, len, "明细"));
        });
    }
    if apply(&mut a.spending, op) {
        *form.edited = Some(format!("{base}.spending"));
    }
    if ui.button("添加资金分配明细").clicked() {
        a.spending.push(SpendingItem::default());
        *form.edited = Some(format!("{base}.spending"));
    }
    sections_ui(
        ui,
        form,
        &format!("{base}.report_sections"),
        &mut a.report_sections,
    );
}

fn indicator_row(ui: &mut Ui, form: &mut Form<'_>, base: &str, j: usize, ind: &mut Indicator) {
    let before = (ind.level1, ind.nature);
    egui::ComboBox::from_id_salt(format!("{base}.level1"))
        .width(90.0)
        .selected_text(ind.level1.label())
        .show_ui(ui, |ui| {
            for k in [
                IndicatorKind::Output,
                IndicatorKind::Effect,
                IndicatorKind::Satisfaction,
                IndicatorKind::Cost,
            ] {
                ui.selectable_value(&mut ind.level1, k, k.label());
            }
        })
        .response
        .widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::ComboBox,
                true,
                format!("第{}个指标一级指标", j + 1),
            )
        });
    widgets::text_cell(
        ui,
        form,
        &format!("{base}.level2"),
        &mut ind.level2,
        100.0,
        "二级指标",
    );
    widgets::text_cell(
        ui,
        form,
        &format!("{base}.name"),
        &mut ind.name,
        180.0,
        &format!("第{}个指标名称", j + 1),
    );
    egui::ComboBox::from_id_salt(format!("{base}.nature"))
        .width(50.0)
        .selected_text(ind.nature.label())
        .show_ui(ui, |ui| {
            for n in [
                IndicatorNature::AtLeast,
                IndicatorNature::AtMost,
                IndicatorNature::Equal,
                IndicatorNature::Qualitative,
            ] {
                ui.selectable_value(&mut ind.nature, n, n.label());
            }
        })
        .response
        .widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::ComboBox, true, format!("第{}个指标性质", j + 1))
        });
    if (ind.level1, ind.nature) != before {
        *form.edited = Some(format!("{base}.nature"));
    }
    widgets::text_cell(
        ui,
        form,
        &format!("{base}.target"),
        &mut ind.target,
        70.0,
        "指标值",
    );
    widgets::text_cell(
        ui,
        form,
        &format!("{base}.unit"),
        &mut ind.unit,
        40.0,
        "度量单位",
    );
    let mut actual = ind.actual.clone().unwrap_or_default();
    if widgets::text_cell(
        ui,
        form,
        &format!("{base}.actual"),
        &mut actual,
        70.0,
        &format!("第{}个指标完成值", j + 1),
    ) {
        ind.actual = (!actual.trim().is_empty()).then_some(actual);
    }
    let mut weight = Some(ind.weight);
    if widgets::decimal_cell(
        ui,
        form,
        &format!("{base}.weight"),
        &mut weight,
        false,
        "权重",
    ) {
        ind.weight = weight.unwrap_or_default();
    }
    widgets::decimal_cell(
        ui,
        form,
        &format!("{base}.score"),
        &mut ind.score,
        true,
        "得分",
    );
    widgets::text_cell(
        ui,
        form,
        &format!("{base}.shortfall_reason"),
        &mut ind.shortfall_reason,
        100.0,
        "未完成原因",
    );
}
