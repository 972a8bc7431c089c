//! All rules on a project 50× the example's size (budget: under 5 ms, release).

use criterion::{Criterion, criterion_group, criterion_main};
use juesuan::catalog::Catalog;
use juesuan::checks;
use juesuan::example::{example, scaled_example};

fn checks_benches(c: &mut Criterion) {
    let catalog = Catalog::builtin(2023).expect("catalog");
    let small = example().expect("example");
    let large = scaled_example(50).expect("example");
    println!(
        "50× project: {} lines, {} projects",
        large.expenditure.lines.len(),
        large.projects.len()
    );
    c.bench_function("all rules, example", |b| {
        b.iter(|| checks::run(&small, Some(&catalog)))
    });
    c.bench_function("all rules, 50x", |b| {
        b.iter(|| checks::run(&large, Some(&catalog)))
    });
    // The whole walk (the window's field lists, get/set) and the part of it the rules over the
    // clerk's texts (JS-609…JS-612) walk.
    c.bench_function("every field walked, 50x", |b| {
        b.iter(|| large.fields().len())
    });
    c.bench_function("texts walked, 50x", |b| {
        b.iter(|| large.text_fields().len())
    });
}

criterion_group!(benches, checks_benches);
criterion_main!(benches);
