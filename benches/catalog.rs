//! Catalog load at start-up (budget 20 ms) and picker search per keystroke (budget 1 ms).

use criterion::{Criterion, criterion_group, criterion_main};
use juesuan::catalog::Catalog;

fn catalog_benches(c: &mut Criterion) {
    c.bench_function("catalog parse + build for 2023", |b| {
        b.iter(|| Catalog::parse_builtin(2023).expect("catalog data is valid"));
    });
    let catalog = Catalog::builtin(2023).expect("catalog data is valid");
    for query in ["2", "221", "住房公积", "zfgjj", "行政运行", "qt"] {
        c.bench_function(&format!("picker search {query:?}"), |b| {
            b.iter(|| catalog.search_functional(query, 20));
        });
    }
}

criterion_group!(benches, catalog_benches);
criterion_main!(benches);
