//! 第二部分 决算情况说明, sections 一 to 十, with the seven charts.

use super::overview::{heading, paragraph};
use super::wording::{amount, completion, describe, deviation, list_sentence, reason, share};
use super::{Block, Chart, ChartKind, Figures, Series, Slice, Structure, chinese_number};
use crate::model::Fund;
use crate::money::{Change, Percent, Wan, percent_text};

/// Writes one numbered section's content.
type Section = fn(&Figures<'_>, &mut Vec<Block>);

pub(super) fn part(f: &Figures<'_>, out: &mut Vec<Block>) {
    out.push(Block::PageBreak);
    out.push(heading(
        0,
        format!("第二部分 {}年度部门决算情况说明", f.year()),
    ));
    let sections: [(&str, Section); 10] = [
        ("收入支出决算总体情况说明", totals),
        ("收入决算情况说明", revenue),
        ("支出决算情况说明", expenditure),
        ("财政拨款收入支出决算总体情况说明", appropriations),
        ("一般公共预算财政拨款支出决算情况说明", general_budget),
        ("一般公共预算财政拨款基本支出决算情况说明", basic),
        ("财政拨款“三公”经费支出决算情况说明", three_public),
        ("政府性基金预算支出决算情况说明", government_fund),
        ("国有资本经营预算支出决算情况说明", state_capital),
        ("其他重要事项的情况说明", other_matters),
    ];
    for (i, (title, section)) in sections.into_iter().enumerate() {
        out.push(heading(1, format!("{}、{title}", chinese_number(i + 1))));
        section(f, out);
    }
}

/// "收、支总计均为226.23万元" or, when they differ, both amounts.
fn both_totals(subject: &str, revenue: Wan, expenditure: Wan) -> String {
    if revenue.rounded() == expenditure.rounded() {
        format!("{subject}收、支总计均为{}", amount(revenue))
    } else {
        format!(
            "{subject}收入总计{}，支出总计{}",
            amount(revenue),
            amount(expenditure)
        )
    }
}

/// "与2022年度相比，收、支总计各增加13.16万元，增长6.18%，主要变动原因是…。"
fn change_sentence(
    f: &Figures<'_>,
    subject: &str,
    current: Wan,
    prior: Option<Wan>,
    why: &str,
) -> String {
    let Some(prior) = prior else {
        return String::new();
    };
    let moved = Change::between(current, prior);
    let changed = describe(moved);
    let lead = if moved == Change::Unchanged {
        ""
    } else {
        "各"
    };
    let why = if moved == Change::Unchanged {
        String::new()
    } else {
        reason("主要变动原因是", why)
    };
    format!(
        "与{}年度相比，{subject}{lead}{changed}{why}。",
        f.prior_year(),
        subject = subject
    )
}

fn two_year_bars(
    f: &Figures<'_>,
    number: u32,
    title: &str,
    series: Vec<(&str, Option<Wan>, Wan)>,
) -> Block {
    Block::Chart(Chart {
        number,
        title: title.to_owned(),
        kind: ChartKind::Bars {
            categories: vec![format!("{}年", f.prior_year()), format!("{}年", f.year())],
            series: series
                .into_iter()
                .map(|(name, prior, current)| Series {
                    name: name.to_owned(),
                    values: vec![prior.unwrap_or_default(), current],
                })
                .collect(),
        },
    })
}

fn pie(number: u32, title: &str, structure: &Structure) -> Block {
    Block::Chart(Chart {
        number,
        title: title.to_owned(),
        kind: ChartKind::Pie {
            slices: structure
                .parts
                .iter()
                .map(|p| Slice {
                    label: p.label.clone(),
                    value: p.amount,
                    share: p.share.map(percent_text),
                })
                .collect(),
        },
    })
}

/// The note a structure needs when largest-remainder rounding adjusted its shares.
fn adjusted_note(structure: &Structure, out: &mut Vec<Block>) {
    if structure.adjusted {
        out.push(Block::Note {
            text: "注：各项占比按最大余额法四舍五入，使合计为100%。".to_owned(),
        });
    }
}

/// A "收、支总计" section: the two totals, their change with its reason, and a two-year chart.
struct TotalsSection<'a> {
    /// "" or "财政拨款", before 收、支总计.
    subject: &'a str,
    revenue: Wan,
    expenditure: Wan,
    prior_revenue: Option<Wan>,
    prior_expenditure: Option<Wan>,
    reason: &'a str,
    chart: u32,
    chart_title: &'a str,
}

fn totals_section(f: &Figures<'_>, s: TotalsSection<'_>, out: &mut Vec<Block>) {
    let mut text = format!(
        "{}年度{}。",
        f.year(),
        both_totals(s.subject, s.revenue, s.expenditure)
    );
    text.push_str(&change_sentence(
        f,
        &format!("{}收、支总计", s.subject),
        s.revenue,
        s.prior_revenue,
        s.reason,
    ));
    out.push(paragraph(text));
    out.push(two_year_bars(
        f,
        s.chart,
        s.chart_title,
        vec![
            ("收入（万元）", s.prior_revenue, s.revenue),
            ("支出（万元）", s.prior_expenditure, s.expenditure),
        ],
    ));
}

fn totals(f: &Figures<'_>, out: &mut Vec<Block>) {
    let t = &f.totals;
    let p = &f.project.prior_year;
    let section = TotalsSection {
        subject: "",
        revenue: t.total_revenue,
        expenditure: t.total_expenditure,
        prior_revenue: p.total_revenue,
        prior_expenditure: p.total_expenditure,
        reason: &f.project.revenue.change_reason,
        chart: 1,
        chart_title: "收、支决算总计变动情况图",
    };
    totals_section(f, section, out);
}

fn appropriations(f: &Figures<'_>, out: &mut Vec<Block>) {
    let t = &f.totals;
    let p = &f.project.prior_year;
    let section = TotalsSection {
        subject: "财政拨款",
        revenue: t.appropriation_total_revenue,
        expenditure: t.appropriation_total_expenditure,
        prior_revenue: p.appropriation_revenue,
        prior_expenditure: p.appropriation_expenditure,
        reason: &f.project.expenditure.appropriation_change_reason,
        chart: 4,
        chart_title: "财政拨款收、支决算总计变动情况",
    };
    totals_section(f, section, out);
}

/// "2023年本年收入合计X万元，其中：…各项及占比。" with its note and pie.
fn structure_section(
    f: &Figures<'_>,
    (what, total): (&str, Wan),
    structure: &Structure,
    (chart, title): (u32, &str),
    out: &mut Vec<Block>,
) {
    let items: Vec<String> = structure
        .parts
        .iter()
        .map(|p| format!("{}{}，{}", p.label, amount(p.amount), share(p.share)))
        .collect();
    out.push(paragraph(format!(
        "{}年{what}{}，其中：{}",
        f.year(),
        amount(total),
        list_sentence(&items)
    )));
    adjusted_note(structure, out);
    out.push(pie(chart, title, structure));
}

fn revenue(f: &Figures<'_>, out: &mut Vec<Block>) {
    let total = ("本年收入合计", f.totals.revenue_this_year);
    structure_section(f, total, &f.revenue, (2, "收入决算结构图"), out);
}

fn expenditure(f: &Figures<'_>, out: &mut Vec<Block>) {
    let total = ("本年支出合计", f.totals.expenditure_this_year);
    structure_section(f, total, &f.expenditure, (3, "支出决算结构图"), out);
}

/// "一般公共服务支出" → "一般公共服务（类）支出", as the seed writes class names in text.
fn class_label(name: &str) -> String {
    match name.strip_suffix("支出") {
        Some(stem) => format!("{stem}（类）支出"),
        None => format!("{name}（类）"),
    }
}

fn general_budget(f: &Figures<'_>, out: &mut Vec<Block>) {
    let t = &f.totals;
    let g = t.general_budget_expenditure;
    out.push(heading(2, "（一）一般公共预算财政拨款支出决算总体情况"));
    let share_of_total = Percent::of(g, t.expenditure_this_year)
        .map(|p| format!("，占本年支出合计的{}", p.text()))
        .unwrap_or_default();
    let mut text = format!(
        "{}年一般公共预算财政拨款支出{}{share_of_total}。",
        f.year(),
        amount(g)
    );
    let prior = f.project.prior_year.general_budget_expenditure;
    if let Some(prior) = prior {
        let moved = Change::between(g, prior);
        let changed = describe(moved);
        let why = if moved == Change::Unchanged {
            String::new()
        } else {
            reason(
                "主要变动原因是",
                &f.project.expenditure.general_budget_change_reason,
            )
        };
        text.push_str(&format!(
            "与{}年相比，一般公共预算财政拨款支出{changed}{why}。",
            f.prior_year()
        ));
    }
    out.push(paragraph(text));
    out.push(two_year_bars(
        f,
        5,
        "一般公共预算财政拨款支出决算变动情况",
        vec![("一般公共预算财政拨款支出", prior, g)],
    ));

    out.push(heading(2, "（二）一般公共预算财政拨款支出决算结构情况"));
    if f.classes.parts.is_empty() {
        out.push(paragraph(format!(
            "{}年无一般公共预算财政拨款支出。",
            f.year()
        )));
    } else {
        let items: Vec<String> = f
            .classes
            .parts
            .iter()
            .map(|p| {
                format!(
                    "{}{}，{}",
                    class_label(&p.label),
                    amount(p.amount),
                    share(p.share)
                )
            })
            .collect();
        out.push(paragraph(format!(
            "{}年一般公共预算财政拨款支出{}，主要用于以下方面：{}",
            f.year(),
            amount(g),
            list_sentence(&items)
        )));
        adjusted_note(&f.classes, out);
    }
    out.push(pie(6, "一般公共预算财政拨款支出决算结构", &f.classes));

    out.push(heading(2, "（三）一般公共预算财政拨款支出决算具体情况"));
    let mut lines: Vec<_> = f
        .project
        .expenditure
        .lines
        .iter()
        .filter(|l| l.fund == Fund::GeneralBudget)
        .collect();
    lines.sort_by(|a, b| a.code.cmp(&b.code));
    let budget = lines
        .iter()
        .any(|l| l.budget.is_some())
        .then_some(t.general_budget_budget);
    let done = completion(g, budget)
        .map(|c| format!("，{c}"))
        .unwrap_or_default();
    out.push(paragraph(format!(
        "{}年一般公共预算支出决算数为{}{done}。{}",
        f.year(),
        amount(g),
        if lines.is_empty() { "" } else { "其中：" }
    )));
    let count = lines.len();
    for (i, line) in lines.into_iter().enumerate() {
        let names = f.line_names(line);
        let mut clauses = vec![format!("支出决算为{}", amount(line.total()))];
        clauses.extend(completion(line.total(), line.budget));
        clauses.extend(deviation(line.total(), line.budget, &line.deviation_reason));
        let end = if i + 1 == count { "。" } else { "；" };
        out.push(paragraph(format!(
            "{}.{}：{}{end}",
            i + 1,
            names.full(),
            clauses.join("，")
        )));
    }
}

fn basic(f: &Figures<'_>, out: &mut Vec<Block>) {
    let b = &f.project.basic_costs;
    out.push(paragraph(format!(
        "{}年一般公共预算财政拨款基本支出{}，其中：",
        f.year(),
        amount(f.totals.general_budget_basic)
    )));
    for (label, entry) in [("人员经费", &b.personnel), ("日常公用经费", &b.public)] {
        let names = entry.item_names();
        let includes = if names.is_empty() {
            String::new()
        } else {
            format!("，主要包括：{}", names.join("、"))
        };
        out.push(paragraph(format!(
            "{label}{}{includes}。",
            amount(entry.amount())
        )));
    }
}

fn three_public(f: &Figures<'_>, out: &mut Vec<Block>) {
    let tp = &f.project.three_public;
    let t = &f.totals.three_public;
    let year = f.year();
    let prior_year = f.prior_year();

    out.push(heading(2, "（一）“三公”经费财政拨款支出决算总体情况说明"));
    let mut clauses = vec![format!(
        "{year}年“三公”经费财政拨款支出决算为{}",
        amount(t.actual)
    )];
    clauses.extend(completion(t.actual, Some(t.budget)));
    if let Some(prior) = t.prior {
        let moved = Change::between(t.actual, prior);
        clauses.push(if moved == Change::Unchanged {
            "与上年持平".to_owned()
        } else {
            format!("较上年{}", describe(moved))
        });
    }
    if !t.budget.is_zero() {
        clauses.push(if t.actual.rounded() == t.budget.rounded() {
            "决算数与预算数持平".to_owned()
        } else {
            deviation(t.actual, Some(t.budget), &tp.change_reason).unwrap_or_default()
        });
    }
    out.push(paragraph(format!("{}。", clauses.join("，"))));

    out.push(heading(2, "（二）“三公”经费财政拨款支出决算具体情况说明"));
    let items: Vec<String> = f
        .three_public
        .parts
        .iter()
        .map(|p| {
            format!(
                "{}支出决算{}，{}",
                p.label,
                amount(p.amount),
                share(p.share)
            )
        })
        .collect();
    out.push(paragraph(format!(
        "{year}年“三公”经费财政拨款支出决算中，{}具体情况如下：",
        list_sentence(&items)
    )));
    adjusted_note(&f.three_public, out);
    out.push(pie(7, "“三公”经费财政拨款支出结构", &f.three_public));

    // 1. 因公出国（境）
    let o = &tp.overseas;
    let mut text = format!("1.因公出国（境）经费支出{}", amount(o.actual));
    if let Some(c) = completion(o.actual, Some(o.budget)) {
        text.push_str(&format!("，{c}"));
    }
    text.push_str(&format!(
        "。全年安排因公出国（境）团组{}次，出国（境）{}人。",
        o.groups, o.people
    ));
    text.push_str(&part_change(
        prior_year,
        "因公出国（境）经费支出决算",
        o.actual,
        o.prior,
        &o.change_reason,
    ));
    out.push(paragraph(text));

    // 2. 公务用车
    let v = &tp.vehicles;
    let mut text = format!(
        "2.公务用车购置及运行维护费支出{}",
        amount(t.vehicles_actual)
    );
    if let Some(c) = completion(t.vehicles_actual, Some(t.vehicles_budget)) {
        text.push_str(&format!("，{c}"));
    }
    text.push('。');
    text.push_str(&part_change(
        prior_year,
        "公务用车购置及运行维护费支出决算",
        t.vehicles_actual,
        t.vehicles_prior,
        &v.change_reason,
    ));
    out.push(paragraph(text));
    let p = &v.purchases;
    out.push(paragraph(format!(
        "其中：公务用车购置支出{}。全年按规定更新购置公务用车{}辆，其中：轿车{}辆、金额{}，越野车{}辆、金额{}，载客汽车{}辆、金额{}。截至{year}年12月底，单位共有公务用车{}辆，其中：轿车{}辆、越野车{}辆、载客汽车{}辆。",
        amount(t.purchase_actual),
        p.count(),
        p.sedan.count,
        amount(p.sedan.amount),
        p.suv.count,
        amount(p.suv.amount),
        p.passenger.count,
        amount(p.passenger.amount),
        v.held.total(),
        v.held.sedan,
        v.held.suv,
        v.held.passenger,
    )));
    out.push(paragraph(format!(
        "公务用车运行维护费支出{}。",
        amount(v.operation_actual)
    )));

    // 3. 公务接待
    let r = &tp.reception;
    let mut text = format!("3.公务接待费支出{}", amount(t.reception_actual));
    if let Some(c) = completion(t.reception_actual, Some(r.budget)) {
        text.push_str(&format!("，{c}"));
    }
    text.push('。');
    let changed = part_change(
        prior_year,
        "公务接待费支出决算",
        t.reception_actual,
        r.prior,
        &r.change_reason,
    );
    text.push_str(changed.trim_end_matches('。'));
    text.push_str(if changed.is_empty() {
        "其中："
    } else {
        "，其中："
    });
    out.push(paragraph(text));
    let d = &r.domestic;
    let purpose = if r.purpose.trim().is_empty() {
        String::new()
    } else {
        format!("，主要用于{}", r.purpose.trim().trim_end_matches('。'))
    };
    let content = if r.content.trim().is_empty() {
        String::new()
    } else {
        format!(
            "，具体内容包括：{}",
            r.content.trim().trim_end_matches('。')
        )
    };
    out.push(paragraph(format!(
        "国内公务接待支出{}{purpose}。国内公务接待{}批次、{}人次（不包括陪同人员），共计支出{}{content}。",
        amount(d.actual),
        d.batches,
        d.people,
        amount(d.actual),
    )));
    let fo = &r.foreign;
    out.push(paragraph(format!(
        "外事接待支出{}，外事接待{}批次、{}人次，共计支出{}。",
        amount(fo.actual),
        fo.batches,
        fo.people,
        amount(fo.actual)
    )));
}

/// "公务接待费支出决算比2022年增加0.71万元，增长253.57%。主要原因是…。" or "与2022年持平。"
fn part_change(
    prior_year: i32,
    subject: &str,
    current: Wan,
    prior: Option<Wan>,
    why: &str,
) -> String {
    let Some(prior) = prior else {
        return String::new();
    };
    let moved = Change::between(current, prior);
    if moved == Change::Unchanged {
        return format!("与{prior_year}年持平。");
    }
    let changed = describe(moved);
    let why = why.trim().trim_end_matches('。');
    let why = if why.is_empty() {
        String::new()
    } else {
        format!("主要原因是{why}。")
    };
    format!("{subject}比{prior_year}年{changed}。{why}")
}

fn fund_section(f: &Figures<'_>, fund: Fund, name: &str, out: &mut Vec<Block>) {
    let spent = f.totals.fund_expenditure(fund);
    let mut text = format!("{}年{name}支出{}。", f.year(), amount(spent));
    if !spent.is_zero() {
        let mut lines: Vec<_> = f
            .project
            .expenditure
            .lines
            .iter()
            .filter(|l| l.fund == fund)
            .collect();
        lines.sort_by(|a, b| a.code.cmp(&b.code));
        let items: Vec<String> = lines
            .iter()
            .map(|l| format!("{}{}", f.line_names(l).full(), amount(l.total())))
            .collect();
        text.push_str(&format!("其中：{}", list_sentence(&items)));
    }
    out.push(paragraph(text));
}

fn government_fund(f: &Figures<'_>, out: &mut Vec<Block>) {
    fund_section(f, Fund::GovernmentFund, "政府性基金预算财政拨款", out);
}

fn state_capital(f: &Figures<'_>, out: &mut Vec<Block>) {
    fund_section(f, Fund::StateCapital, "国有资本经营预算财政拨款", out);
}

fn other_matters(f: &Figures<'_>, out: &mut Vec<Block>) {
    let p = f.project;
    let name = f.unit_name();
    let year = f.year();

    out.push(heading(2, "（一）机关运行经费支出情况"));
    let rc = &p.running_costs;
    let mut text = format!("{year}年，{name}机关运行经费支出{}", amount(rc.amount));
    if let Some(prior) = rc.prior {
        let moved = Change::between(rc.amount, prior);
        if moved == Change::Unchanged {
            text.push_str(&format!("，与{}年持平", f.prior_year()));
        } else {
            text.push_str(&format!("，比{}年{}", f.prior_year(), describe(moved)));
            text.push_str(&reason("主要原因是", &rc.change_reason));
        }
    }
    text.push('。');
    out.push(paragraph(text));

    out.push(heading(2, "（二）政府采购支出情况"));
    let pr = &p.procurement;
    let total = f.totals.procurement;
    if total.is_zero() {
        out.push(paragraph(format!("{year}年，{name}无政府采购支出。")));
    } else {
        let of_total = |a: Wan| {
            Percent::of(a, total)
                .map(|s| format!("，占政府采购支出总额的{}", s.text()))
                .unwrap_or_default()
        };
        out.push(paragraph(format!(
            "{year}年，{name}政府采购支出总额{}，其中：政府采购货物支出{}、政府采购工程支出{}、政府采购服务支出{}。授予中小企业合同金额{}{}，其中：授予小微企业合同金额{}{}。",
            amount(total),
            amount(pr.goods),
            amount(pr.works),
            amount(pr.services),
            amount(pr.to_sme),
            of_total(pr.to_sme),
            amount(pr.to_small_micro),
            of_total(pr.to_small_micro),
        )));
    }

    out.push(heading(2, "（三）国有资产占有使用情况"));
    let a = &p.assets;
    let v = &a.vehicles;
    let mut uses = vec![
        format!("主要领导干部用车{}辆", v.leadership),
        format!("机要通信用车{}辆", v.confidential),
        format!("应急保障用车{}辆", v.emergency),
    ];
    if v.law_enforcement > 0 {
        uses.push(format!("执法执勤用车{}辆", v.law_enforcement));
    }
    if v.special_technical > 0 {
        uses.push(format!("特种专业技术用车{}辆", v.special_technical));
    }
    uses.push(format!("其他用车{}辆", v.other));
    out.push(paragraph(format!(
        "截至{year}年12月31日，{name}共有车辆{}辆，其中：{}；单价50万元以上通用设备{}台（套），单价100万元以上专用设备{}台（套）。",
        v.total(),
        uses.join("、"),
        a.general_equipment_over_50,
        a.special_equipment_over_100
    )));

    out.push(heading(2, "（四）预算绩效管理情况"));
    let pm = &p.performance;
    let example = p
        .projects
        .first()
        .map(|a| format!("“{}”等", a.name))
        .unwrap_or_default();
    out.push(paragraph(format!(
        "根据预算绩效管理要求，本部门在{year}年度预算编制阶段，组织对{example}{}个项目开展了预算事前绩效评估，对{}个项目编制了绩效目标，预算执行过程中，选取{}个项目开展绩效监控。",
        pm.prior_assessment_projects, pm.target_projects, pm.monitored_projects
    )));
    let d = &pm.department;
    let mut reports = vec![format!("{name}部门整体（含部门预算项目）绩效自评报告")];
    reports.extend(
        p.projects
            .iter()
            .map(|a| format!("“{}”项目绩效自评报告", a.name)),
    );
    let mut text = format!(
        "组织对{year}年度一般公共预算全面开展绩效自评，形成{}。",
        reports.join("、")
    );
    let mut scores = Vec::new();
    if let Some(score) = d.score {
        scores.push(format!(
            "{name}部门整体（含部门预算项目）绩效自评得分为{}分{}",
            score.normalize(),
            summary(&d.summary)
        ));
    }
    for a in &p.projects {
        let score = a.stated_total_score.or_else(|| {
            a.budget_score
                .into_iter()
                .chain(a.indicators.iter().filter_map(|i| i.score))
                .try_fold(rust_decimal::Decimal::ZERO, |x, y| x.checked_add(y))
        });
        if let Some(score) = score {
            scores.push(format!(
                "“{}”项目绩效自评得分为{}分{}",
                a.name,
                score.normalize(),
                summary(&a.summary)
            ));
        }
    }
    if !scores.is_empty() {
        text.push_str(&format!("其中，{}。", scores.join("；")));
    }
    text.push_str("绩效自评报告详见附件。");
    out.push(paragraph(text));
}

fn summary(text: &str) -> String {
    let t = text.trim().trim_end_matches('。');
    if t.is_empty() {
        String::new()
    } else {
        format!("，绩效自评综述：{t}")
    }
}
