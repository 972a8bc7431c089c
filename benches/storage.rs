//! Load and save of a project 50× the example's size (budget: under 50 ms each, release).

use criterion::{Criterion, criterion_group, criterion_main};
use juesuan::{example::scaled_example, storage};

fn storage_benches(c: &mut Criterion) {
    let project = scaled_example(50).expect("example loads");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("大项目.json");
    storage::save(&path, &project).expect("save");
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("50× project file: {bytes} bytes");

    c.bench_function("load 50x", |b| {
        b.iter(|| storage::load(&path).expect("load"));
    });
    c.bench_function("save 50x (atomic, with backup)", |b| {
        b.iter(|| storage::save(&path, &project).expect("save"));
    });
    c.bench_function("serialize 50x to text", |b| {
        b.iter(|| storage::to_json(&project));
    });
}

criterion_group!(benches, storage_benches);
criterion_main!(benches);
