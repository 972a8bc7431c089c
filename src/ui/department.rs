//! 部门汇总: the members of a department's project with their status, the department's main
//! figures by member (what makes each one up, the transfers eliminated), and 刷新汇总. The core
//! reads and consolidates ([`crate::consolidate`]); this shows it and sends the refresh.

use egui::{RichText, Ui};

use super::app::JuesuanApp;
use super::commands::Command;
use super::theme;
use crate::consolidate::{self, FIGURES, Issue, RUNNING_COSTS, Status, figures};
use crate::model::{ExpenditureField, FieldPath};
use crate::money::Wan;

/// A member as the view lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberRow {
    /// The unit's name.
    pub name: String,
    /// Its file, as the department lists it.
    pub file: String,
    /// 已读取, 上次汇总后有改动, or why it cannot be read.
    pub status: String,
    /// Whether the status is a problem.
    pub problem: bool,
    /// Its figures, when read.
    pub figures: Option<[Wan; 7]>,
    /// Whether it is an 其他事业单位 (its 机关运行经费 is not counted).
    pub public_service: bool,
}

/// What the 部门汇总 tab shows: the members as last read, and what the last refresh found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DepartmentView {
    /// The members, in the department's order.
    pub members: Vec<MemberRow>,
    /// What the last refresh found (transfers that do not match …).
    pub issues: Vec<Issue>,
    /// Whether the members were read at least once.
    pub read: bool,
}

impl JuesuanApp {
    /// Reads the members' files, or `None` with the error shown when the department has no
    /// file yet (members are found relative to it).
    fn load_members(&mut self) -> Option<Vec<(crate::model::Member, Status)>> {
        let dept = self.session.project.department.clone()?;
        let Some(path) = self.session.path.clone() else {
            self.show_error(
                "部门汇总还没有保存到文件：单位文件的位置相对于部门汇总文件，请先保存，再刷新。"
                    .to_owned(),
            );
            return None;
        };
        Some(consolidate::load_members(&path, &dept))
    }

    /// The members as the tab lists them.
    fn show_members(&mut self, statuses: &[(crate::model::Member, Status)]) {
        self.department.members = statuses
            .iter()
            .map(|(m, s)| match s {
                Status::Loaded { member, changed } => MemberRow {
                    name: member.project.unit.name.clone(),
                    file: m.file.clone(),
                    status: if *changed {
                        "上次汇总后有改动，请刷新汇总".to_owned()
                    } else {
                        "已读取".to_owned()
                    },
                    problem: *changed,
                    figures: Some(figures(&member.project)),
                    public_service: member.project.unit.kind
                        == crate::model::UnitKind::PublicService,
                },
                Status::Unreadable(why) => MemberRow {
                    name: m.name.clone(),
                    file: m.file.clone(),
                    status: format!("无法读取：{why}"),
                    problem: true,
                    figures: None,
                    public_service: false,
                },
            })
            .collect();
        self.department.read = true;
    }

    /// The members read, or the units whose files could not be read.
    fn loaded(
        statuses: Vec<(crate::model::Member, Status)>,
    ) -> Result<Vec<consolidate::Loaded>, Vec<String>> {
        let mut members = Vec::new();
        let mut unreadable = Vec::new();
        for (m, s) in statuses {
            match s {
                Status::Loaded { member, .. } => members.push(*member),
                Status::Unreadable(why) => unreadable.push(format!("{}：{why}", m.name)),
            }
        }
        if unreadable.is_empty() {
            Ok(members)
        } else {
            Err(unreadable)
        }
    }

    /// Reads the members for the tab, and what a refresh would find (transfers that do not
    /// match …), shown before it is made.
    fn view_members(&mut self) {
        let Some(statuses) = self.load_members() else {
            return;
        };
        self.show_members(&statuses);
        if let Ok(members) = Self::loaded(statuses) {
            self.department.issues = match consolidate::consolidate(&self.session.project, &members)
            {
                Ok((_, issues)) | Err(issues) => issues,
            };
        }
    }

    /// 刷新汇总: reads every member again and consolidates, as one undo step; nothing changes
    /// when a member cannot be read.
    pub(super) fn refresh_department(&mut self) {
        let Some(statuses) = self.load_members() else {
            return;
        };
        self.show_members(&statuses);
        let members = match Self::loaded(statuses) {
            Ok(members) => members,
            Err(unreadable) => {
                self.show_error(format!(
                    "有单位的文件无法读取，未刷新汇总：\n{}",
                    unreadable.join("\n")
                ));
                return;
            }
        };
        match consolidate::consolidate(&self.session.project, &members) {
            Ok((project, issues)) => {
                let changed = project != self.session.project;
                self.session
                    .replace(project, &FieldPath::expenditure(ExpenditureField::Lines));
                // The department now records every member as read.
                for row in &mut self.department.members {
                    row.status = "已读取".to_owned();
                    row.problem = false;
                }
                self.note(Some(if changed {
                    format!("已刷新汇总（{} 个单位），可撤销", members.len())
                } else {
                    "汇总结果没有变化".to_owned()
                }));
                self.department.issues = issues;
            }
            Err(issues) => {
                self.department.issues = issues.clone();
                self.show_error(format!(
                    "未能汇总：\n{}",
                    issues
                        .iter()
                        .map(|i| i.message.as_str())
                        .collect::<Vec<_>>()
                        .join("\n")
                ));
            }
        }
    }

    /// The 部门汇总 tab.
    pub(super) fn department_tab_ui(&mut self, ui: &mut Ui) {
        if self.session.project.department.is_none() {
            return;
        }
        if !self.department.read && self.session.path.is_some() {
            self.view_members();
        }
        ui.label(
            "本项目是部门汇总：各项金额由下列单位的项目文件相加，内部上缴和补助相互抵消（“汇总调整”列），事业单位不计入机关运行经费，在各页只显示、不能录入；文字是部门自己的。要改金额，请在单位的文件中修改，再点“刷新汇总”。",
        );
        if ui.button("刷新汇总").clicked() {
            self.commands.push(Command::RefreshDepartment);
        }
        for issue in &self.department.issues {
            ui.label(RichText::new(&issue.message).color(if issue.blocking {
                theme::ERROR
            } else {
                theme::WARNING
            }));
        }
        ui.separator();
        // The session's totals, computed once after each edit.
        let totals = consolidate::figures_of(&self.session.project, &self.session.totals);
        let rows = &self.department.members;
        egui::ScrollArea::both().show(ui, |ui| {
            egui::Grid::new("department-members")
                .striped(true)
                .num_columns(rows.len() + 3)
                .show(ui, |ui| {
                    ui.strong("单位");
                    for r in rows {
                        ui.strong(&r.name);
                    }
                    ui.strong("汇总调整");
                    ui.strong("部门合计");
                    ui.end_row();
                    ui.label("文件");
                    for r in rows {
                        ui.label(&r.file);
                    }
                    ui.end_row();
                    ui.label("状态");
                    for r in rows {
                        let text = RichText::new(&r.status);
                        ui.label(if r.problem {
                            text.color(theme::ERROR)
                        } else {
                            text
                        });
                    }
                    ui.end_row();
                    for (i, name) in FIGURES.iter().enumerate() {
                        ui.label(*name);
                        let mut sum = Some(Wan::ZERO);
                        for r in rows {
                            match r.figures {
                                // Not part of the department's 机关运行经费.
                                Some(f) if i == RUNNING_COSTS && r.public_service => {
                                    ui.label(format!("{}（事业单位，不计入）", f[i].table()));
                                }
                                Some(f) => {
                                    sum = sum.map(|s| s + f[i]);
                                    ui.label(f[i].table());
                                }
                                None => {
                                    sum = None;
                                    ui.label("—");
                                }
                            }
                        }
                        // What the department's figure leaves out of the members' sum: the
                        // transfers inside the department.
                        ui.label(sum.map_or_else(|| "—".to_owned(), |s| (totals[i] - s).table()));
                        ui.strong(totals[i].table());
                        ui.end_row();
                    }
                });
        });
    }
}
