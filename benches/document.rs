//! Building the whole document (budget: under 20 ms for a project 50× the example's size).

use criterion::{Criterion, criterion_group, criterion_main};
use juesuan::catalog::Catalog;
use juesuan::document::{Options, build, render};
use juesuan::example::{example, scaled_example};

fn document_benches(c: &mut Criterion) {
    let catalog = Catalog::builtin(2023).ok();
    let options = Options {
        catalog: catalog.as_ref(),
        ..Options::default()
    };
    let small = example().expect("example");
    let large = scaled_example(50).expect("example");
    let blocks = build(&large, &options).blocks.len();
    println!("50× document: {blocks} blocks");
    c.bench_function("build document, example", |b| {
        b.iter(|| build(&small, &options))
    });
    c.bench_function("build document, 50x", |b| {
        b.iter(|| build(&large, &options))
    });
    c.bench_function("build + render text, 50x", |b| {
        b.iter(|| render::render(&build(&large, &options), render::Format::Text))
    });
}

criterion_group!(benches, document_benches);
criterion_main!(benches);
