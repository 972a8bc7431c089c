//! The open project and its history: edits, undo and redo, saved state, and what the core
//! computes from it. No egui here, so it is tested directly.

use std::path::{Path, PathBuf};

use crate::catalog::Catalog;
use crate::checks::{self, Finding};
use crate::document::{self, Document};
use crate::model::totals::Totals;
use crate::model::{FieldPath, Project};
use crate::storage::{self, SaveTime, StorageError};
use crate::template;

/// How many steps undo keeps.
const UNDO_LIMIT: usize = 200;

/// The source of generations: one counter for the whole process, so that no two states of any
/// two sessions share one (the preview keys its pages by it).
static GENERATIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn next_generation() -> u64 {
    GENERATIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// One open project.
pub struct Session {
    /// The project as the UI edits it.
    pub project: Project,
    /// The file it was loaded from or saved to; `None` for a new or built-in project.
    pub path: Option<PathBuf>,
    /// The state after the last recorded edit; undo returns to states like it.
    committed: Project,
    generation: u64,
    saved_generation: Option<u64>,
    undo: Vec<(Project, u64)>,
    redo: Vec<(Project, u64)>,
    /// The field of the last edit: further edits to it merge into one undo step.
    last_field: Option<FieldPath>,
    /// The project's totals, computed once after every edit for the checks, the document and
    /// the tabs.
    pub totals: Totals,
    /// The findings of the checks and the document, recomputed after every edit.
    pub findings: Vec<Finding>,
    /// Which rules checked, did not apply or could not run, with the findings.
    pub ledger: checks::Ledger,
    /// 第二部分 with the seven charts, rebuilt after every edit for the tabs' live charts.
    pub charts: Document,
    /// The whole document under the project's template, rebuilt after every edit: the
    /// 情况说明 tab and the preview show it, and its findings (a paragraph a template left out,
    /// a table printed without figures) are listed with the checks'.
    document: Document,
    /// The template the project names, resolved once per choice (an imported one is parsed and
    /// compiled once, not on every keystroke), and why it could not be used, if it could not.
    template: (template::Chosen, Option<template::TemplateProblem>),
    /// The glossary's terms and where their definitions come from (the 名词解释 editor).
    pub glossary: Vec<document::glossary::Term>,
    /// What the template was resolved from: the project's choice, its imported text and year.
    template_key: (Option<String>, Option<String>, i32),
    /// The catalog the project uses, reloaded when its year or imported 科目表 changes.
    pub(super) catalog: Option<Catalog>,
    /// What the catalog was made from: the year and the imported 科目表.
    catalog_key: (i32, Option<crate::model::CatalogEdition>),
    /// Today, read when the session starts: the deadline rules count to it.
    today: Option<crate::model::Date>,
}

impl Session {
    /// A session on `project`. `saved` tells whether it equals the file at `path`.
    pub fn new(project: Project, path: Option<PathBuf>, saved: bool) -> Session {
        let generation = next_generation();
        let project_year = project.unit.year;
        let mut session = Session {
            committed: project.clone(),
            project,
            path,
            generation,
            saved_generation: saved.then_some(generation),
            undo: Vec::new(),
            redo: Vec::new(),
            last_field: None,
            totals: Totals::default(),
            findings: Vec::new(),
            ledger: checks::Ledger::default(),
            charts: Document::default(),
            document: Document::default(),
            template: (
                template::Chosen::Builtin(template::default_for(project_year)),
                None,
            ),
            template_key: (None, None, i32::MIN),
            glossary: Vec::new(),
            catalog: None,
            catalog_key: (i32::MIN, None),
            today: crate::ui::clock::today().date(),
        };
        session.recompute();
        session
    }

    /// Opens a project file. On error nothing changes and nothing is written.
    pub fn open(path: &Path) -> Result<Session, StorageError> {
        let project = storage::load(path)?;
        Ok(Session::new(project, Some(path.to_owned()), true))
    }

    /// The catalog the project uses.
    pub fn catalog(&self) -> Option<&Catalog> {
        self.catalog.as_ref()
    }

    /// Records that the UI changed `field` of the working project. Consecutive edits of the same
    /// field (typing) make one undo step.
    pub fn commit_edit(&mut self, field: &FieldPath) {
        if self.project == self.committed {
            return;
        }
        let same_field = self.last_field.as_ref() == Some(field);
        if !same_field {
            let previous = std::mem::replace(&mut self.committed, self.project.clone());
            self.undo.push((previous, self.generation));
            if self.undo.len() > UNDO_LIMIT {
                self.undo.remove(0);
            }
        } else {
            self.committed = self.project.clone();
        }
        self.redo.clear();
        self.generation = next_generation();
        self.last_field = Some(field.clone());
        self.recompute();
    }

    /// Ends the current run of edits, so the next edit of the same field is its own undo step.
    pub fn end_edit_run(&mut self) {
        self.last_field = None;
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Goes back one step. Returns whether anything changed.
    pub fn undo(&mut self) -> bool {
        let Some((previous, generation)) = self.undo.pop() else {
            return false;
        };
        self.redo.push((self.committed.clone(), self.generation));
        self.restore(previous, generation);
        true
    }

    /// Goes forward one step. Returns whether anything changed.
    pub fn redo(&mut self) -> bool {
        let Some((next, generation)) = self.redo.pop() else {
            return false;
        };
        self.undo.push((self.committed.clone(), self.generation));
        self.restore(next, generation);
        true
    }

    fn restore(&mut self, project: Project, generation: u64) {
        self.project = project.clone();
        self.committed = project;
        self.generation = generation;
        self.last_field = None;
        self.recompute();
    }

    /// Replaces the whole project as one undoable step (e.g. a settings change).
    pub fn replace(&mut self, project: Project, field: &FieldPath) {
        self.project = project;
        self.end_edit_run();
        self.commit_edit(field);
    }

    /// Identifies the project's current state: equal generations mean equal projects, across
    /// every session of the process.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Whether there are changes not saved to [`Session::path`].
    pub fn is_dirty(&self) -> bool {
        self.saved_generation != Some(self.generation)
    }

    /// Saves to `path` (atomically, keeping a dated backup) and makes it the session's file.
    pub fn save_to(&mut self, path: &Path, at: SaveTime) -> Result<(), StorageError> {
        storage::save(path, &self.project, at)?;
        self.path = Some(path.to_owned());
        self.saved_generation = Some(self.generation);
        self.end_edit_run();
        Ok(())
    }

    /// Recomputes the findings and the document after a change.
    fn recompute(&mut self) {
        if self.catalog_key.0 != self.project.unit.year
            || self.catalog_key.1 != self.project.catalog
        {
            self.catalog = Catalog::for_project(&self.project).ok();
            self.catalog_key = (self.project.unit.year, self.project.catalog.clone());
        }
        let key = (
            self.project.settings.template.clone(),
            self.project.custom_template.clone(),
            self.project.unit.year,
        );
        if key != self.template_key {
            self.template = template::for_project(&self.project);
            self.template_key = key;
        }
        self.totals = Totals::of(&self.project);
        let mut review = checks::review(
            &self.project,
            self.totals.clone(),
            self.catalog.as_ref(),
            self.today,
        );
        self.charts = document::build_explanation(&self.project, &self.options());
        self.document = document::build(&self.project, &self.options());
        self.glossary =
            document::glossary::terms(&document::Figures::with(&self.project, &self.options()));
        self.document.problems.splice(0..0, self.template.1.clone());
        self.document.add_to(&mut review);
        self.findings = review.findings;
        self.ledger = review.ledger;
    }

    /// The whole document of the current project, under its template.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The template the document is made with.
    pub fn template(&self) -> &template::Template {
        &self.template.0
    }

    /// The check report of the current project: this review's findings and ledger, the
    /// template's name and today.
    pub fn check_report(&self) -> checks::CheckReport {
        let review = checks::Review {
            findings: self.findings.clone(),
            ledger: self.ledger.clone(),
        };
        checks::CheckReport::of(&self.project, &review, &self.template().name, self.today)
    }

    fn options(&self) -> document::Options<'_> {
        document::Options {
            catalog: self.catalog.as_ref(),
            totals: Some(&self.totals),
            template: Some(&self.template.0),
        }
    }

    /// The file name shown in the title, or 未命名 / 内置示例.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            None => "未保存的项目".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::example;
    use crate::model::RevenueItem;
    use crate::money::Wan;

    fn session() -> Session {
        Session::new(example().unwrap(), None, false)
    }

    fn other() -> FieldPath {
        FieldPath::revenue(RevenueItem::Other)
    }

    fn business() -> FieldPath {
        FieldPath::revenue(RevenueItem::Business)
    }

    #[test]
    fn typing_in_one_field_is_one_undo_step() {
        let mut s = session();
        for text in ["2", "22", "226"] {
            s.project.revenue.other = Some(text.parse::<Wan>().unwrap());
            s.commit_edit(&other());
        }
        s.project.revenue.business = Some("1".parse().unwrap());
        s.commit_edit(&business());
        assert!(s.undo());
        assert_eq!(s.project.revenue.other, Some("226".parse().unwrap()));
        assert!(s.project.revenue.business.unwrap_or_default().is_zero());
        assert!(s.undo());
        assert!(s.project.revenue.other.unwrap_or_default().is_zero());
        assert!(!s.undo());
        assert!(s.redo() && s.redo());
        assert_eq!(s.project.revenue.business, Some("1".parse().unwrap()));
    }

    #[test]
    fn dirty_follows_the_saved_state_through_undo() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.json");
        let mut s = session();
        assert!(s.is_dirty(), "the built-in example has no file yet");
        s.save_to(&path, crate::ui::clock::save_time()).unwrap();
        assert!(!s.is_dirty());
        s.project.revenue.other = Some("1".parse().unwrap());
        s.commit_edit(&other());
        assert!(s.is_dirty());
        s.undo();
        assert!(!s.is_dirty(), "undo back to the saved state is clean");
        s.redo();
        assert!(s.is_dirty());
    }

    #[test]
    fn an_edit_recomputes_findings_and_document() {
        let mut s = session();
        let before = s.findings.len();
        s.project.control_totals.basic = Some("1".parse().unwrap());
        s.commit_edit(&FieldPath::control_total(crate::model::ControlTotal::Basic));
        assert_eq!(s.findings.len(), before + 1);
        s.project.revenue.general_budget = Some("300".parse().unwrap());
        s.commit_edit(&FieldPath::revenue(RevenueItem::GeneralBudget));
        let text =
            crate::document::render::render(s.document(), crate::document::render::Format::Text);
        assert!(text.contains("本年收入合计300.00万元"));
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut s = session();
        s.project.revenue.other = Some("1".parse().unwrap());
        s.commit_edit(&other());
        s.undo();
        assert!(s.can_redo());
        s.project.revenue.business = Some("2".parse().unwrap());
        s.commit_edit(&business());
        assert!(!s.can_redo());
    }
}
