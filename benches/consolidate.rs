//! 部门汇总 of 100 members the size of the example (budget 200 ms), in process.

use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use juesuan::consolidate::{self, Loaded};
use juesuan::example::example;

fn consolidate_benches(c: &mut Criterion) {
    let base = example().expect("example");
    let members: Vec<Loaded> = (0..100)
        .map(|i| {
            let mut p = base.clone();
            p.unit.name = format!("{}（单位{i}）", base.unit.name);
            Loaded {
                path: PathBuf::from(format!("unit-{i}.json")),
                project: p,
                sha256: String::new(),
            }
        })
        .collect();
    let (department, _) =
        consolidate::new_department(&PathBuf::from("dept.json"), &members).expect("consolidates");
    let mut group = c.benchmark_group("consolidate");
    group.sample_size(20);
    group.bench_function("100 members of the example's size", |b| {
        b.iter(|| consolidate::consolidate(&department, &members).expect("consolidates"))
    });
    group.finish();
}

criterion_group!(benches, consolidate_benches);
criterion_main!(benches);
