//! 绩效: performance management counts, the department self-assessment, and one
//! self-assessment table per project.

use egui::{RichText, Ui};

use super::{apply, row_ops};
use crate::model::{
    FieldPath, FundColumn, FundExecution, Indicator, IndicatorField, IndicatorKind,
    IndicatorNature, PerformanceField, Project, ProjectAssessment, ProjectField, ProjectFund, Root,
    SectionField, SpendingField, SpendingItem, TextSection,
};
use crate::ui::widgets::{self, Form};

pub(super) fn ui(ui: &mut Ui, p: &mut Project, form: &mut Form<'_>) {
    let pm = &mut p.performance;
    widgets::section(ui, "预算绩效管理情况");
    widgets::count(
        ui,
        form,
        "开展事前绩效评估的项目数",
        &FieldPath::performance(PerformanceField::PriorAssessmentProjects),
        &mut pm.prior_assessment_projects,
    );
    widgets::count(
        ui,
        form,
        "编制绩效目标的项目数",
        &FieldPath::performance(PerformanceField::TargetProjects),
        &mut pm.target_projects,
    );
    widgets::count(
        ui,
        form,
        "开展绩效监控的项目数",
        &FieldPath::performance(PerformanceField::MonitoredProjects),
        &mut pm.monitored_projects,
    );
    widgets::count(
        ui,
        form,
        "开展绩效自评的项目数",
        &FieldPath::performance(PerformanceField::SelfAssessedProjects),
        &mut pm.self_assessed_projects,
    );
    widgets::amount(
        ui,
        form,
        "绩效自评涉及资金",
        &FieldPath::performance(PerformanceField::SelfAssessedFunds),
        &mut pm.self_assessed_funds,
    );
    widgets::count(
        ui,
        form,
        "开展部门评价的项目数",
        &FieldPath::performance(PerformanceField::EvaluatedProjects),
        &mut pm.evaluated_projects,
    );
    widgets::amount(
        ui,
        form,
        "部门评价涉及资金",
        &FieldPath::performance(PerformanceField::EvaluatedFunds),
        &mut pm.evaluated_funds,
    );

    widgets::section(ui, "部门整体绩效自评（附件1）");
    let d = &mut pm.department;
    widgets::text(
        ui,
        form,
        "报告标题",
        &FieldPath::performance(PerformanceField::Title),
        &mut d.title,
    );
    widgets::amount(
        ui,
        form,
        "年初预算收入",
        &FieldPath::performance(PerformanceField::InitialBudgetRevenue),
        &mut d.initial_budget_revenue,
    );
    widgets::amount(
        ui,
        form,
        "年初预算支出",
        &FieldPath::performance(PerformanceField::InitialBudgetExpenditure),
        &mut d.initial_budget_expenditure,
    );
    ui.horizontal(|ui| {
        widgets::row_label(ui, "总分");
        widgets::decimal_cell(
            ui,
            form,
            &FieldPath::performance(PerformanceField::FullScore),
            &mut d.full_score,
            true,
            "部门自评总分",
        );
        ui.label("自评得分");
        widgets::decimal_cell(
            ui,
            form,
            &FieldPath::performance(PerformanceField::Score),
            &mut d.score,
            true,
            "部门自评得分",
        );
    });
    widgets::multiline(
        ui,
        form,
        "绩效自评综述",
        &FieldPath::performance(PerformanceField::Summary),
        &mut d.summary,
    );
    sections_ui(
        ui,
        form,
        (
            FieldPath::performance(PerformanceField::Sections),
            FieldPath::department_section,
        ),
        &mut d.sections,
    );
    widgets::multiline(
        ui,
        form,
        "评价结论",
        &FieldPath::performance(PerformanceField::Conclusion),
        &mut d.conclusion,
    );
    widgets::lines(
        ui,
        form,
        "存在问题（每行一条）",
        &FieldPath::performance(PerformanceField::Problems),
        &mut d.problems,
    );
    widgets::lines(
        ui,
        form,
        "改进建议（每行一条）",
        &FieldPath::performance(PerformanceField::Improvements),
        &mut d.improvements,
    );

    widgets::section(ui, "项目支出绩效自评表");
    // A department's projects are its members' (刷新汇总 makes them again).
    let fixed = form.amounts_from_members;
    if fixed {
        ui.label("部门汇总：各项目的自评表来自各单位的文件，刷新汇总时重新生成，请在各单位的文件中修改。");
    }
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
                if fixed {
                    ui.disable();
                }
                project_ui(ui, form, i, a);
                ui.horizontal(|ui| op = op.take().or(row_ops(ui, i, len, "项目")));
            });
    }
    if apply(&mut p.projects, op) {
        *form.edited = Some(FieldPath::part(Root::Projects));
    }
    if ui
        .add_enabled(!fixed, egui::Button::new("添加项目"))
        .clicked()
    {
        p.projects.push(ProjectAssessment {
            budget_weight: rust_decimal::Decimal::TEN,
            ..ProjectAssessment::default()
        });
        *form.edited = Some(FieldPath::part(Root::Projects));
    }
}

fn sections_ui(
    ui: &mut Ui,
    form: &mut Form<'_>,
    (list, at): (FieldPath, impl Fn(usize, SectionField) -> FieldPath),
    sections: &mut Vec<TextSection>,
) {
    ui.label(RichText::new("报告正文（每段一行）").strong());
    let mut op = None;
    let len = sections.len();
    for (i, s) in sections.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            widgets::text_cell(
                ui,
                form,
                &at(i, SectionField::Heading),
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
            &at(i, SectionField::Paragraphs),
            &mut s.paragraphs,
        );
    }
    if apply(sections, op) {
        *form.edited = Some(list.clone());
    }
    if ui.button("添加小节").clicked() {
        sections.push(TextSection::default());
        *form.edited = Some(list);
    }
}

fn project_ui(ui: &mut Ui, form: &mut Form<'_>, i: usize, a: &mut ProjectAssessment) {
    widgets::text(
        ui,
        form,
        "项目编码",
        &FieldPath::project(i, ProjectField::Code),
        &mut a.code,
    );
    widgets::text(
        ui,
        form,
        "项目名称",
        &FieldPath::project(i, ProjectField::Name),
        &mut a.name,
    );
    widgets::text(
        ui,
        form,
        "主管部门",
        &FieldPath::project(i, ProjectField::SupervisingDepartment),
        &mut a.supervising_department,
    );
    widgets::text(
        ui,
        form,
        "实施单位",
        &FieldPath::project(i, ProjectField::ImplementingUnit),
        &mut a.implementing_unit,
    );
    widgets::multiline(
        ui,
        form,
        "项目年度目标",
        &FieldPath::project(i, ProjectField::AnnualGoal),
        &mut a.annual_goal,
    );
    widgets::multiline(
        ui,
        form,
        "年度目标完成情况",
        &FieldPath::project(i, ProjectField::GoalCompletion),
        &mut a.goal_completion,
    );
    widgets::multiline(
        ui,
        form,
        "项目实施内容及过程概述",
        &FieldPath::project(i, ProjectField::Implementation),
        &mut a.implementation,
    );

    ui.label(RichText::new("预算执行情况（万元）").strong());
    egui::Grid::new(("funds", i)).striped(true).show(ui, |ui| {
        for h in ["", "年初预算", "调整后预算", "执行数"] {
            ui.label(h);
        }
        ui.end_row();
        let f = &mut a.funds;
        let rows: [(ProjectFund, &mut FundExecution); 4] = [
            (ProjectFund::Fiscal, &mut f.fiscal),
            (ProjectFund::SpecialAccount, &mut f.special_account),
            (ProjectFund::Unit, &mut f.unit),
            (ProjectFund::Other, &mut f.other),
        ];
        for (fund, row) in rows {
            let name = fund.label();
            ui.label(name);
            let path = |column| FieldPath::project_fund(i, fund, column);
            widgets::amount_cell(
                ui,
                form,
                &path(FundColumn::Initial),
                &mut row.initial,
                &format!("{name}年初预算"),
            );
            widgets::amount_cell(
                ui,
                form,
                &path(FundColumn::Adjusted),
                &mut row.adjusted,
                &format!("{name}调整后预算"),
            );
            widgets::amount_cell(
                ui,
                form,
                &path(FundColumn::Executed),
                &mut row.executed,
                &format!("{name}执行数"),
            );
            ui.end_row();
        }
    });
    ui.horizontal(|ui| {
        widgets::row_label(ui, "预算执行权重");
        let mut w = Some(a.budget_weight);
        if widgets::decimal_cell(
            ui,
            form,
            &FieldPath::project(i, ProjectField::BudgetWeight),
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
            &FieldPath::project(i, ProjectField::BudgetScore),
            &mut a.budget_score,
            true,
            "预算执行得分",
        );
        ui.label("合计得分（表中所填）");
        widgets::decimal_cell(
            ui,
            form,
            &FieldPath::project(i, ProjectField::StatedTotalScore),
            &mut a.stated_total_score,
            true,
            "合计得分",
        );
    });
    widgets::multiline(
        ui,
        form,
        "执行率低于90%或预算调整的原因",
        &FieldPath::project(i, ProjectField::ExecutionReason),
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
                indicator_row(ui, form, (i, j), ind);
                op = op
                    .take()
                    .or(ui.horizontal(|ui| row_ops(ui, j, len, "指标")).inner);
                ui.end_row();
            }
        });
    if apply(&mut a.indicators, op) {
        *form.edited = Some(FieldPath::project(i, ProjectField::Indicators));
    }
    if ui.button("添加指标").clicked() {
        a.indicators.push(Indicator::default());
        *form.edited = Some(FieldPath::project(i, ProjectField::Indicators));
    }

    widgets::multiline(
        ui,
        form,
        "评价结论",
        &FieldPath::project(i, ProjectField::Conclusion),
        &mut a.conclusion,
    );
    widgets::multiline(
        ui,
        form,
        "存在问题",
        &FieldPath::project(i, ProjectField::Problems),
        &mut a.problems,
    );
    widgets::multiline(
        ui,
        form,
        "改进措施",
        &FieldPath::project(i, ProjectField::Measures),
        &mut a.measures,
    );
    widgets::text(
        ui,
        form,
        "项目负责人",
        &FieldPath::project(i, ProjectField::ProjectLead),
        &mut a.project_lead,
    );
    widgets::text(
        ui,
        form,
        "财务负责人",
        &FieldPath::project(i, ProjectField::FinanceLead),
        &mut a.finance_lead,
    );
    widgets::multiline(
        ui,
        form,
        "绩效自评综述",
        &FieldPath::project(i, ProjectField::Summary),
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
                &FieldPath::spending(i, k, SpendingField::Name),
                &mut s.name,
                160.0,
                "支出内容",
            );
            widgets::amount_cell(
                ui,
                form,
                &FieldPath::spending(i, k, SpendingField::Amount),
                &mut s.amount,
                &format!("资金分配第{}项金额", k + 1),
            );
            op = op.take().or(row_ops(ui, k, len, "明细"));
        });
    }
    if apply(&mut a.spending, op) {
        *form.edited = Some(FieldPath::project(i, ProjectField::Spending));
    }
    if ui.button("添加资金分配明细").clicked() {
        a.spending.push(SpendingItem::default());
        *form.edited = Some(FieldPath::project(i, ProjectField::Spending));
    }
    sections_ui(
        ui,
        form,
        (
            FieldPath::project(i, ProjectField::ReportSections),
            |j, field| FieldPath::report_section(i, j, field),
        ),
        &mut a.report_sections,
    );
}

fn indicator_row(ui: &mut Ui, form: &mut Form<'_>, (i, j): (usize, usize), ind: &mut Indicator) {
    let at = |field| FieldPath::indicator(i, j, field);
    let before = (ind.level1, ind.nature);
    egui::ComboBox::from_id_salt(at(IndicatorField::Level1))
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
        &at(IndicatorField::Level2),
        &mut ind.level2,
        100.0,
        "二级指标",
    );
    widgets::text_cell(
        ui,
        form,
        &at(IndicatorField::Name),
        &mut ind.name,
        180.0,
        &format!("第{}个指标名称", j + 1),
    );
    egui::ComboBox::from_id_salt(at(IndicatorField::Nature))
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
        *form.edited = Some(at(IndicatorField::Nature));
    }
    widgets::text_cell(
        ui,
        form,
        &at(IndicatorField::Target),
        &mut ind.target,
        70.0,
        "指标值",
    );
    widgets::text_cell(
        ui,
        form,
        &at(IndicatorField::Unit),
        &mut ind.unit,
        40.0,
        "度量单位",
    );
    let mut actual = ind.actual.clone().unwrap_or_default();
    if widgets::text_cell(
        ui,
        form,
        &at(IndicatorField::Actual),
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
        &at(IndicatorField::Weight),
        &mut weight,
        false,
        "权重",
    ) {
        ind.weight = weight.unwrap_or_default();
    }
    widgets::decimal_cell(
        ui,
        form,
        &at(IndicatorField::Score),
        &mut ind.score,
        true,
        "得分",
    );
    widgets::text_cell(
        ui,
        form,
        &at(IndicatorField::ShortfallReason),
        &mut ind.shortfall_reason,
        100.0,
        "未完成原因",
    );
}
