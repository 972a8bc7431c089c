//! The built-in example: the 2023 accounts of 区委绩效办, exactly as the seed document states them.

use crate::model::Project;
use crate::storage::{self, Problem};

/// The example project file, embedded in the binary.
pub const EXAMPLE_JSON: &str = include_str!("../assets/examples/example-2023.json");

/// The example project. It is tested to load, so an error here means a broken build.
pub fn example() -> Result<Project, Problem> {
    storage::from_json(EXAMPLE_JSON)
}

/// A project `factor` times the example's size, for benchmarks and scale tests: every line, 表2 row,
/// project (with its indicators) and duty repeated `factor` times, so that sums stay meaningful.
pub fn scaled_example(factor: usize) -> Result<Project, Problem> {
    let mut project = example()?;
    let factor = factor.max(1);
    repeat(&mut project.expenditure.lines, factor);
    repeat(&mut project.revenue.by_function, factor);
    repeat(&mut project.projects, factor);
    for (i, p) in project.projects.iter_mut().enumerate() {
        p.name = format!("{}（{}）", p.name, i + 1);
    }
    repeat(&mut project.unit.duties, factor);
    Ok(project)
}

/// `items` repeated `factor` times, in order.
fn repeat<T: Clone>(items: &mut Vec<T>, factor: usize) {
    let once = std::mem::take(items);
    *items = once
        .iter()
        .cycle()
        .take(once.len() * factor)
        .cloned()
        .collect();
}
