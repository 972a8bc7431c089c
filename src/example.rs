//! The built-in example: the 2023 accounts of 区委绩效办, exactly as the seed document states them.

use crate::model::Project;
use crate::storage::{self, Problem};

/// The example project file, embedded in the binary.
pub const EXAMPLE_JSON: &str = include_str!("../assets/examples/example-2023.json");

/// The example project. It is tested to load, so an error here means a broken build.
pub fn example() -> Result<Project, Problem> {
    storage::from_json(EXAMPLE_JSON)
}

/// A project `factor` times the example's size, for benchmarks and scale tests: every line,
/// project (with its indicators) and duty repeated `factor` times, so that sums stay meaningful.
pub fn scaled_example(factor: usize) -> Result<Project, Problem> {
    let mut project = example()?;
    let repeat = |n: usize| n * factor.max(1);
    let lines = project.expenditure.lines.clone();
    project.expenditure.lines = lines
        .iter()
        .cycle()
        .take(repeat(lines.len()))
        .cloned()
        .collect();
    let projects = project.projects.clone();
    project.projects = projects
        .iter()
        .cycle()
        .take(repeat(projects.len()))
        .cloned()
        .enumerate()
        .map(|(i, mut p)| {
            p.name = format!("{}（{}）", p.name, i + 1);
            p
        })
        .collect();
    let duties = project.unit.duties.clone();
    project.unit.duties = duties
        .iter()
        .cycle()
        .take(repeat(duties.len()))
        .cloned()
        .collect();
    Ok(project)
}
