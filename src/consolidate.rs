//! 部门汇总: a department's accounts as the consolidation of its units' projects.
//!
//! A department's project lists its member unit files ([`crate::model::Department`], the 本级
//! 机关 first) and keeps its own texts (职责, 机构设置, reasons, the wording); every figure is the
//! exact sum of its members' (by revenue source, functional line and fund, nature, economic item,
//! 三公, 机关运行经费 of the 行政 and 参公 units, procurement, assets, staff), with the transfers
//! inside the department eliminated: the units' 上缴上级支出 against the 机关's 附属单位上缴收入,
//! and the 机关's 对附属单位补助支出 against the units' 上级补助收入. Each pair must match; when it
//! does not, the matched part is eliminated and an [`Issue`] names both sides and the difference.
//!
//! [`consolidate`] is pure: members are handed in already read ([`load_members`] reads them and
//! tells which are missing, unreadable or changed since the last consolidation).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::model::{
    BasicCosts, CostEntry, Department, EconomicItem, FunctionalLine, Fund, Member, MemberFigures,
    PriorFigure, Project, RevenueLine, SubordinateUnit, UnitKind,
};
use crate::money::Wan;

/// Something the consolidation found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// Whether it prevents consolidating (a member missing, counted twice, of another year).
    pub blocking: bool,
    /// What, in Chinese, naming the units and amounts.
    pub message: String,
}

impl Issue {
    fn blocking(message: String) -> Issue {
        Issue {
            blocking: true,
            message,
        }
    }

    fn warning(message: String) -> Issue {
        Issue {
            blocking: false,
            message,
        }
    }
}

/// A member as read from its file.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The file, resolved against the department's folder.
    pub path: PathBuf,
    /// Its project.
    pub project: Project,
    /// The SHA-256 of its bytes now.
    pub sha256: String,
}

/// What became of a member when the department was refreshed.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Read; `changed` when its file differs from the last consolidation.
    Loaded {
        /// The member as read.
        member: Box<Loaded>,
        /// Whether the file changed since the last consolidation.
        changed: bool,
    },
    /// Its file could not be read: why.
    Unreadable(String),
}

/// The folder member paths are relative to: the department file's own.
fn folder(department_file: &Path) -> &Path {
    match department_file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Reads every member of `department` (a project with [`Department`]), saved at
/// `department_file`: each file's project and hash, or why it cannot be read.
pub fn load_members(department_file: &Path, department: &Department) -> Vec<(Member, Status)> {
    department
        .members
        .iter()
        .map(|m| {
            let path = folder(department_file).join(&m.file);
            let status = match std::fs::read(&path) {
                Err(e) => Status::Unreadable(format!(
                    "{}：{}",
                    path.display(),
                    crate::storage::io_message(&e)
                )),
                Ok(bytes) => match crate::storage::load(&path) {
                    Err(e) => Status::Unreadable(e.to_string()),
                    Ok(project) => {
                        let sha256 = crate::bundle::sha256(&bytes);
                        Status::Loaded {
                            changed: !m.sha256.is_empty() && m.sha256 != sha256,
                            member: Box::new(Loaded {
                                path,
                                project,
                                sha256,
                            }),
                        }
                    }
                },
            };
            (m.clone(), status)
        })
        .collect()
}

/// A new department over `members` (read from `files`, the 本级 first): its texts start as the
/// 本级's, its figures are the members' consolidated. Member paths are kept relative to
/// `department_file`'s folder when they are inside it.
pub fn new_department(
    department_file: &Path,
    members: &[Loaded],
) -> Result<(Project, Vec<Issue>), Vec<Issue>> {
    let first = members.first().ok_or_else(|| {
        vec![Issue::blocking(
            "部门汇总至少要有一个单位（本级）的项目文件".to_owned(),
        )]
    })?;
    let base = folder(department_file)
        .canonicalize()
        .unwrap_or_else(|_| folder(department_file).to_owned());
    let mut dept = first.project.clone();
    dept.department = Some(Department {
        members: members
            .iter()
            .map(|m| {
                let absolute = m.path.canonicalize().unwrap_or_else(|_| m.path.clone());
                let file = absolute
                    .strip_prefix(&base)
                    .map(Path::to_path_buf)
                    .unwrap_or(absolute);
                Member {
                    file: file.to_string_lossy().replace('\\', "/"),
                    name: m.project.unit.name.clone(),
                    sha256: m.sha256.clone(),
                    figures: None,
                }
            })
            .collect(),
    });
    dept.explanations.clear();
    consolidate(&dept, members)
}

/// The department's project with its figures consolidated from `members` (in the order
/// [`Department::members`] lists them, the 本级 first), and what was found on the way; or,
/// when they cannot be consolidated, why.
pub fn consolidate(
    department: &Project,
    members: &[Loaded],
) -> Result<(Project, Vec<Issue>), Vec<Issue>> {
    let blocking = refusals(members);
    if !blocking.is_empty() {
        return Err(blocking);
    }
    let mut issues = Vec::new();
    let projects: Vec<&Project> = members.iter().map(|m| &m.project).collect();
    let mut out = department.clone();
    // Each member's own figures, for the tables that list them by unit.
    if let Some(d) = &mut out.department {
        for (m, loaded) in d.members.iter_mut().zip(members) {
            let p = &loaded.project;
            m.figures = Some(MemberFigures::of(p, &crate::model::totals::Totals::of(p)));
        }
    }
    let year = projects[0].unit.year;
    out.unit.year = year;
    if projects.iter().any(|p| {
        p.catalog.as_ref().map(|c| &c.source) != projects[0].catalog.as_ref().map(|c| &c.source)
    }) {
        issues.push(Issue::warning(
            "各单位所用的科目表不同（有的导入了本地科目表）；汇总按科目编码相加，请确认编码含义一致"
                .to_owned(),
        ));
    }

    // 收入, 结转结余.
    let all = projects.as_slice();
    for item in crate::model::RevenueItem::ALL {
        *item.of_mut(&mut out.revenue) = entered(all, |p| item.entered(&p.revenue));
    }
    out.revenue.by_function = merge_revenue_lines(&projects);
    for fund in Fund::ALL {
        let b = out.balances.of_mut(fund);
        b.opening = sum(all, |p| p.balances.of(fund).opening);
        b.closing = entered(all, |p| p.balances.of(fund).closing);
        b.prior_closing = sum(all, |p| p.balances.of(fund).prior_closing);
    }
    out.balances.use_of_non_appropriation_surplus =
        entered(all, |p| p.balances.use_of_non_appropriation_surplus);
    out.balances.surplus_distribution = entered(all, |p| p.balances.surplus_distribution);
    out.balances.carried = None;

    // 支出.
    out.expenditure.lines = merge_lines(department, all);
    out.basic_costs = merge_basic_costs(all);
    out.expenditure.project_economic = merge_economic_items(
        all.iter()
            .flat_map(|p| p.expenditure.project_economic.iter()),
    );

    // 三公, 机关运行经费, 采购, 资产.
    let tp = &mut out.three_public;
    fn o(p: &Project) -> &crate::model::Overseas {
        &p.three_public.overseas
    }
    fn vs(p: &Project) -> &crate::model::OfficialVehicles {
        &p.three_public.vehicles
    }
    fn rs(p: &Project) -> &crate::model::Reception {
        &p.three_public.reception
    }
    tp.overseas.budget = entered(all, |p| o(p).budget);
    tp.overseas.actual = entered(all, |p| o(p).actual);
    tp.overseas.prior = sum(all, |p| o(p).prior);
    tp.overseas.groups = entered_count(all, |p| o(p).groups);
    tp.overseas.people = entered_count(all, |p| o(p).people);
    tp.pre_pandemic = entered(all, |p| p.three_public.pre_pandemic);
    let v = &mut tp.vehicles;
    v.purchase_budget = entered(all, |p| vs(p).purchase_budget);
    v.purchase_prior = sum(all, |p| vs(p).purchase_prior);
    v.operation_budget = entered(all, |p| vs(p).operation_budget);
    v.operation_actual = entered(all, |p| vs(p).operation_actual);
    v.operation_prior = sum(all, |p| vs(p).operation_prior);
    let kinds = |p: &Project| {
        let k = &vs(p).purchases;
        [k.sedan.clone(), k.suv.clone(), k.passenger.clone()]
    };
    let purchases = &mut v.purchases;
    for (i, kind) in [
        &mut purchases.sedan,
        &mut purchases.suv,
        &mut purchases.passenger,
    ]
    .into_iter()
    .enumerate()
    {
        kind.count = entered_count(all, |p| kinds(p)[i].count);
        kind.amount = entered(all, |p| kinds(p)[i].amount);
    }
    v.held.sedan = entered_count(all, |p| vs(p).held.sedan);
    v.held.suv = entered_count(all, |p| vs(p).held.suv);
    v.held.passenger = entered_count(all, |p| vs(p).held.passenger);
    let r = &mut tp.reception;
    r.budget = entered(all, |p| rs(p).budget);
    r.prior = sum(all, |p| rs(p).prior);
    for (i, part) in [&mut r.domestic, &mut r.foreign].into_iter().enumerate() {
        let of = |p: &Project| [&rs(p).domestic, &rs(p).foreign][i].clone();
        part.actual = entered(all, |p| of(p).actual);
        part.batches = entered_count(all, |p| of(p).batches);
        part.people = entered_count(all, |p| of(p).people);
    }
    // 机关运行经费 is what 行政 and 参公 units spend to run; other 事业单位 have none.
    let running: Vec<&Project> = projects
        .iter()
        .copied()
        .filter(|p| p.unit.kind != UnitKind::PublicService)
        .collect();
    out.running_costs.amount = entered(&running, |p| p.running_costs.amount);
    out.running_costs.prior = sum(&running, |p| p.running_costs.prior);
    for (i, expense) in out.meetings_training.expenses_mut().into_iter().enumerate() {
        fn of(p: &Project, i: usize) -> &crate::model::CountedExpense {
            p.meetings_training.expenses()[i]
        }
        expense.budget = entered(all, |p| of(p, i).budget);
        expense.actual = entered(all, |p| of(p, i).actual);
        expense.prior = sum(all, |p| of(p, i).prior);
        expense.count = entered_count(all, |p| of(p, i).count);
        expense.people = entered_count(all, |p| of(p, i).people);
    }
    let pr = &mut out.procurement;
    pr.goods = entered(all, |p| p.procurement.goods);
    pr.works = entered(all, |p| p.procurement.works);
    pr.services = entered(all, |p| p.procurement.services);
    pr.to_sme = entered(all, |p| p.procurement.to_sme);
    pr.to_small_micro = entered(all, |p| p.procurement.to_small_micro);
    pr.to_sme_goods = entered(all, |p| p.procurement.to_sme_goods);
    pr.to_sme_works = entered(all, |p| p.procurement.to_sme_works);
    pr.to_sme_services = entered(all, |p| p.procurement.to_sme_services);
    let ps = &mut out.purchased_services;
    ps.amount = entered(all, |p| p.purchased_services.amount);
    ps.prior = sum(all, |p| p.purchased_services.prior);
    let a = &mut out.assets;
    a.vehicles.leadership = entered_count(all, |p| p.assets.vehicles.leadership);
    a.vehicles.confidential = entered_count(all, |p| p.assets.vehicles.confidential);
    a.vehicles.emergency = entered_count(all, |p| p.assets.vehicles.emergency);
    a.vehicles.law_enforcement = entered_count(all, |p| p.assets.vehicles.law_enforcement);
    a.vehicles.special_technical = entered_count(all, |p| p.assets.vehicles.special_technical);
    a.vehicles.retired_service = entered_count(all, |p| p.assets.vehicles.retired_service);
    a.vehicles.other = entered_count(all, |p| p.assets.vehicles.other);
    a.equipment_over_100 = entered_count(all, |p| p.assets.equipment_over_100);
    a.equipment_bought = entered_count(all, |p| p.assets.equipment_bought);
    a.equipment_bought_amount = entered(all, |p| p.assets.equipment_bought_amount);
    let posts = &mut out.unit.staff_by_post;
    posts.professional = entered_count(all, |p| p.unit.staff_by_post.professional);
    posts.management = entered_count(all, |p| p.unit.staff_by_post.management);
    posts.workers = entered_count(all, |p| p.unit.staff_by_post.workers);
    a.general_equipment_over_50 = entered_count(all, |p| p.assets.general_equipment_over_50);
    a.special_equipment_over_100 = entered_count(all, |p| p.assets.special_equipment_over_100);

    // Last year's figures and the typed 报表数: summed where every member has them.
    for figure in PriorFigure::ALL.iter().copied() {
        out.prior_year
            .set(figure, sum(all, |p| p.prior_year.get(figure)));
    }
    for total in crate::model::ControlTotal::ALL.iter().copied() {
        *total.of_mut(&mut out.control_totals) = sum(all, |p| total.of(&p.control_totals));
    }

    // Staff, projects and performance counts of every unit; the units the department covers.
    out.unit.staffing = projects
        .iter()
        .flat_map(|p| p.unit.staffing.iter().cloned())
        .collect();
    out.unit.subordinate_units = projects[1..]
        .iter()
        .map(|p| SubordinateUnit {
            name: p.unit.name.clone(),
            kind: p.unit.kind,
        })
        .collect();
    out.projects = projects
        .iter()
        .flat_map(|p| p.projects.iter().cloned())
        .collect();
    let pm = &mut out.performance;
    pm.prior_assessment_projects = entered_count(all, |p| p.performance.prior_assessment_projects);
    pm.target_projects = entered_count(all, |p| p.performance.target_projects);
    pm.monitored_projects = entered_count(all, |p| p.performance.monitored_projects);
    pm.self_assessed_projects = entered_count(all, |p| p.performance.self_assessed_projects);
    pm.self_assessed_funds = entered(all, |p| p.performance.self_assessed_funds);
    pm.evaluated_projects = entered_count(all, |p| p.performance.evaluated_projects);
    pm.evaluated_funds = entered(all, |p| p.performance.evaluated_funds);

    eliminate(&mut out, &projects, &mut issues);

    if let Some(dept) = &mut out.department {
        for (m, loaded) in dept.members.iter_mut().zip(members) {
            m.name = loaded.project.unit.name.clone();
            m.sha256 = loaded.sha256.clone();
        }
    }
    out.validate().map_err(|(path, message)| {
        vec![Issue::blocking(format!("汇总结果无效：{path}：{message}"))]
    })?;
    Ok((out, issues))
}

/// The main figures shown by member (the 部门汇总 tab, the workbook's 分单位 sheet).
pub const FIGURES: [&str; 7] = [
    "本年收入合计",
    "本年支出合计",
    "基本支出",
    "项目支出",
    "财政拨款支出",
    "“三公”经费",
    "机关运行经费",
];

/// Which of [`FIGURES`] only 行政 and 参公 units have.
pub const RUNNING_COSTS: usize = 6;

/// A project's [`FIGURES`].
pub fn figures(p: &Project) -> [Wan; 7] {
    figures_of(p, &crate::model::totals::Totals::of(p))
}

/// A project's [`FIGURES`], from its totals already computed.
pub fn figures_of(p: &Project, t: &crate::model::totals::Totals) -> [Wan; 7] {
    [
        t.revenue_this_year,
        t.expenditure_this_year,
        t.by_nature.basic,
        t.by_nature.project,
        t.appropriation_expenditure,
        t.three_public.actual,
        p.running_costs.amount.unwrap_or_default(),
    ]
}

/// The department's main figures by member, as a table: each member's, the 汇总调整 (what
/// the transfers inside the department took out) and the department's; a 事业单位's
/// 机关运行经费 is shown as not counted.
pub fn breakdown(department: &Project, members: &[Loaded]) -> crate::document::Table {
    use crate::document::{Cell, Table};
    let total = figures(department);
    let mut header = vec![Cell::head("项目")];
    header.extend(
        members
            .iter()
            .map(|m| Cell::head(m.project.unit.name.clone())),
    );
    header.push(Cell::head("汇总调整"));
    header.push(Cell::head("部门合计"));
    let rows = FIGURES
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let mut row = vec![Cell::text(*label)];
            let mut counted = Wan::ZERO;
            for m in members {
                let value = figures(&m.project)[i];
                if i == RUNNING_COSTS && m.project.unit.kind == UnitKind::PublicService {
                    row.push(Cell::text(format!("{}（事业单位，不计入）", value.table())));
                } else {
                    counted += value;
                    row.push(Cell::amount(value));
                }
            }
            row.push(Cell::amount(total[i] - counted));
            row.push(Cell::amount(total[i]).strong());
            row
        })
        .collect();
    let mut widths = vec![4u16];
    widths.extend(std::iter::repeat_n(3u16, members.len() + 2));
    Table {
        title: "分单位汇总表".to_owned(),
        unit_label: "单位：万元".to_owned(),
        wide: members.len() > 3,
        widths,
        header: vec![header],
        rows,
        notes: vec![
            "注：部门合计为各单位之和减去部门内部的上缴和补助（汇总调整）；事业单位不计入机关运行经费。"
                .to_owned(),
        ],
        unfilled: None,
        id: String::new(),
        detail_missing: None,
    }
}

/// [`breakdown`] of the department saved at `department_file`, its members read from their
/// files; `None` for a unit's own project, why not when a member cannot be read.
pub fn breakdown_of_file(
    department_file: &Path,
    project: &Project,
) -> Option<Result<crate::document::Table, String>> {
    let dept = project.department.as_ref()?;
    let mut members = Vec::new();
    for (m, status) in load_members(department_file, dept) {
        match status {
            Status::Loaded { member, .. } => members.push(*member),
            Status::Unreadable(why) => {
                return Some(Err(format!("{}的文件无法读取：{why}", m.name)));
            }
        }
    }
    Some(Ok(breakdown(project, &members)))
}

/// The sheets a workbook of the project saved at `file` has after its tables: a department's
/// 分单位汇总表, or none for a unit's own project; and, when it cannot be made (a member's file
/// unreadable), why, for the clerk to be told that the workbook lacks it.
pub fn workbook_sheets(
    file: Option<&Path>,
    project: &Project,
) -> (Vec<crate::document::Table>, Option<String>) {
    match file.and_then(|f| breakdown_of_file(f, project)) {
        None => (Vec::new(), None),
        Some(Ok(table)) => (vec![table], None),
        Some(Err(why)) => (Vec::new(), Some(format!("分单位汇总表未生成：{why}"))),
    }
}

/// Why `members` cannot be consolidated: none, one counted twice, or another year.
fn refusals(members: &[Loaded]) -> Vec<Issue> {
    let mut out = Vec::new();
    let Some(first) = members.first() else {
        return vec![Issue::blocking("部门没有任何单位".to_owned())];
    };
    let mut seen: BTreeMap<String, &Path> = BTreeMap::new();
    let mut files: BTreeMap<PathBuf, ()> = BTreeMap::new();
    for m in members {
        let key = m.path.canonicalize().unwrap_or_else(|_| m.path.clone());
        if files.insert(key, ()).is_some() {
            out.push(Issue::blocking(format!(
                "{} 被列入两次；一个单位只能汇总一次",
                m.path.display()
            )));
        }
        if let Some(other) = seen.insert(m.project.unit.name.clone(), &m.path)
            && other != m.path
        {
            out.push(Issue::blocking(format!(
                "单位“{}”出现两次（{} 和 {}）；一个单位只能汇总一次",
                m.project.unit.name,
                other.display(),
                m.path.display()
            )));
        }
        if m.project.unit.year != first.project.unit.year {
            out.push(Issue::blocking(format!(
                "{}是 {} 年度，{}是 {} 年度；只能汇总同一年度的决算",
                m.project.unit.name,
                m.project.unit.year,
                first.project.unit.name,
                first.project.unit.year
            )));
        }
    }
    out
}

/// `f` of every project, summed: amounts and counts added, and an `Option` summed only when
/// every project has it (`None` when any is missing).
fn sum<T: std::iter::Sum<T>>(projects: &[&Project], f: impl Fn(&Project) -> T) -> T {
    projects.iter().map(|p| f(p)).sum()
}

/// An amount of the year of every project, summed as a blank cell adds: blank only when every
/// project left it blank.
fn entered(projects: &[&Project], f: impl Fn(&Project) -> Option<Wan>) -> Option<Wan> {
    crate::money::sum_entered(projects.iter().map(|p| f(p)))
}

/// A count of every project, summed as [`entered`] sums amounts: blank only when every project
/// left it blank (a sum beyond `u32` cannot be a real count; it saturates and the limits refuse it).
fn entered_count(projects: &[&Project], f: impl Fn(&Project) -> Option<u32>) -> Option<u32> {
    crate::model::sum_counts(projects.iter().map(|p| f(p)))
        .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
}

/// Two cells of a merged row added as [`entered`] adds.
fn add_to(total: &mut Option<Wan>, value: Option<Wan>) {
    *total = crate::money::sum_entered([*total, value]);
}

fn merge_revenue_lines(projects: &[&Project]) -> Vec<RevenueLine> {
    let mut by_code: BTreeMap<String, RevenueLine> = BTreeMap::new();
    for p in projects {
        for l in &p.revenue.by_function {
            let e = by_code
                .entry(l.code.clone())
                .or_insert_with(|| RevenueLine {
                    code: l.code.clone(),
                    names: l.names.clone(),
                    ..RevenueLine::default()
                });
            add_to(&mut e.appropriation, l.appropriation);
            add_to(&mut e.higher_level_grants, l.higher_level_grants);
            add_to(&mut e.operations, l.operations);
            add_to(&mut e.business, l.business);
            add_to(&mut e.from_subsidiaries, l.from_subsidiaries);
            add_to(&mut e.other, l.other);
        }
    }
    by_code.into_values().collect()
}

/// The members' lines by code and fund, summed; budgets and prior figures where every member
/// with the line has them; the department's own reasons kept.
fn merge_lines(department: &Project, projects: &[&Project]) -> Vec<FunctionalLine> {
    let mut merged: BTreeMap<(String, Fund), FunctionalLine> = BTreeMap::new();
    for p in projects {
        for l in &p.expenditure.lines {
            match merged.entry((l.code.clone(), l.fund)) {
                std::collections::btree_map::Entry::Vacant(v) => {
                    v.insert(FunctionalLine {
                        deviation_reason: String::new(),
                        ..l.clone()
                    });
                }
                std::collections::btree_map::Entry::Occupied(mut o) => {
                    let e = o.get_mut();
                    add_to(&mut e.basic, l.basic);
                    add_to(&mut e.project, l.project);
                    add_to(&mut e.remitted, l.remitted);
                    add_to(&mut e.business, l.business);
                    add_to(&mut e.subsidies, l.subsidies);
                    e.budget = [e.budget, l.budget].into_iter().sum();
                    e.initial_budget = [e.initial_budget, l.initial_budget].into_iter().sum();
                    e.prior = [e.prior, l.prior].into_iter().sum();
                    if e.names.is_none() {
                        e.names = l.names.clone();
                    }
                }
            }
        }
    }
    for l in &department.expenditure.lines {
        if let Some(e) = merged.get_mut(&(l.code.clone(), l.fund)) {
            e.deviation_reason = l.deviation_reason.clone();
        }
    }
    merged.into_values().collect()
}

/// 人员经费 and 公用经费: by economic item when every member has items, else as totals (with
/// the names every member lists).
fn merge_basic_costs(projects: &[&Project]) -> BasicCosts {
    let merge = |of: fn(&BasicCosts) -> &CostEntry| -> CostEntry {
        let entries: Vec<&CostEntry> = projects.iter().map(|p| of(&p.basic_costs)).collect();
        if entries.iter().all(|e| matches!(e, CostEntry::Items(_))) {
            CostEntry::Items(merge_economic_items(entries.iter().flat_map(|e| match e {
                CostEntry::Items(list) => list.as_slice(),
                CostEntry::Total { .. } => &[],
            })))
        } else {
            let mut names: Vec<String> = Vec::new();
            for e in &entries {
                for n in e.item_names() {
                    if !names.iter().any(|x| x == n) {
                        names.push(n.to_owned());
                    }
                }
            }
            CostEntry::Total {
                amount: crate::money::sum_entered(entries.iter().map(|e| e.entered())),
                item_names: names,
            }
        }
    };
    BasicCosts {
        personnel: merge(|b| &b.personnel),
        public: merge(|b| &b.public),
    }
}

/// Economic items summed by code, in code order.
fn merge_economic_items<'a>(items: impl Iterator<Item = &'a EconomicItem>) -> Vec<EconomicItem> {
    let mut merged: BTreeMap<String, EconomicItem> = BTreeMap::new();
    for i in items {
        merged
            .entry(i.code.clone())
            .and_modify(|x| add_to(&mut x.amount, i.amount))
            .or_insert_with(|| i.clone());
    }
    merged.into_values().collect()
}

/// Takes `amount` off the values `slots` point at, in order, none below zero; returns what
/// could not be taken.
fn take_off(slots: Vec<&mut Option<Wan>>, mut amount: Wan) -> Wan {
    for slot in slots.into_iter().filter_map(Option::as_mut) {
        if amount.is_zero() {
            break;
        }
        let part = if *slot < amount { *slot } else { amount };
        *slot = *slot - part;
        amount = amount - part;
    }
    amount
}

/// A transfer inside a department: what the 机关 and its units book of it, and where it is
/// taken out of the department's figures.
struct Transfer {
    /// The pair's name in a finding.
    name: &'static str,
    /// The 机关's side, and its name.
    agency: fn(&Project) -> Wan,
    agency_label: &'static str,
    /// Each unit's side, and its name.
    unit: fn(&Project) -> Wan,
    unit_label: &'static str,
    /// The revenue source, 表2 column and line nature it is taken out of.
    revenue: fn(&mut crate::model::Revenue) -> &mut Option<Wan>,
    revenue_line: fn(&mut RevenueLine) -> &mut Option<Wan>,
    line: fn(&mut FunctionalLine) -> &mut Option<Wan>,
}

fn remitted(p: &Project) -> Wan {
    p.expenditure.lines.iter().map(|l| l.remitted).sum()
}

fn subsidies(p: &Project) -> Wan {
    p.expenditure.lines.iter().map(|l| l.subsidies).sum()
}

/// The two transfers the department eliminates.
const TRANSFERS: [Transfer; 2] = [
    // 上缴上级支出 of the units ↔ 附属单位上缴收入 of the 机关.
    Transfer {
        name: "内部上缴",
        agency: |p| p.revenue.from_subsidiaries.unwrap_or_default(),
        agency_label: "附属单位上缴收入",
        unit: remitted,
        unit_label: "上缴上级支出",
        revenue: |r| &mut r.from_subsidiaries,
        revenue_line: |l| &mut l.from_subsidiaries,
        line: |l| &mut l.remitted,
    },
    // 对附属单位补助支出 of the 机关 ↔ 上级补助收入 of the units.
    Transfer {
        name: "内部补助",
        agency: subsidies,
        agency_label: "对附属单位补助支出",
        unit: |p| p.revenue.higher_level_grants.unwrap_or_default(),
        unit_label: "上级补助收入",
        revenue: |r| &mut r.higher_level_grants,
        revenue_line: |l| &mut l.higher_level_grants,
        line: |l| &mut l.subsidies,
    },
];

/// The transfers inside the department, eliminated from both sides: the matched part of each
/// pair, and an issue for each pair that does not match.
fn eliminate(out: &mut Project, projects: &[&Project], issues: &mut Vec<Issue>) {
    if projects.len() < 2 {
        return;
    }
    let agency = projects[0];
    let units = &projects[1..];
    for pair in TRANSFERS {
        let agency_side = (pair.agency)(agency);
        let unit_side: Wan = units.iter().map(|p| (pair.unit)(p)).sum();
        let matched = agency_side.min(unit_side);
        if agency_side != unit_side {
            let listed = units
                .iter()
                .filter(|p| !(pair.unit)(p).is_zero())
                .map(|p| format!("{} {} 万元", p.unit.name, (pair.unit)(p).text()))
                .collect::<Vec<_>>();
            issues.push(Issue::warning(format!(
                "{}不相等：{}{} {} 万元，所属单位{}合计 {} 万元（{}），差额 {} 万元；已抵消相等的 {} 万元",
                pair.name,
                agency.unit.name,
                pair.agency_label,
                agency_side.text(),
                pair.unit_label,
                unit_side.text(),
                if listed.is_empty() { "无".to_owned() } else { listed.join("、") },
                (agency_side - unit_side).abs().text(),
                matched.text()
            )));
        }
        // Out of the department's revenue (the source and its 表2 column) and its lines.
        if let Some(revenue) = (pair.revenue)(&mut out.revenue) {
            *revenue = *revenue - matched;
        }
        take_off(
            out.revenue
                .by_function
                .iter_mut()
                .map(pair.revenue_line)
                .collect(),
            matched,
        );
        take_off(
            out.expenditure.lines.iter_mut().map(pair.line).collect(),
            matched,
        );
    }
}
