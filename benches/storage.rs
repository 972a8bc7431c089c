//! Load and save of a project 50× the example's size (budget: under 50 ms each, release). Each
//! measured save replaces a different version, so it writes a dated backup and prunes the
//! oldest, with every fsync.

use criterion::{Criterion, criterion_group, criterion_main};
use juesuan::example::scaled_example;
use juesuan::storage::{self, SaveTime};

fn storage_benches(c: &mut Criterion) {
    let project = scaled_example(50).expect("example loads");
    let mut other = project.clone();
    other.unit.short_name.push_str("（改）");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("大项目.json");
    storage::save(&path, &project, SaveTime::from_local(2026, 12, 1, 0)).expect("save");
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("50× project file: {bytes} bytes");

    c.bench_function("load 50x", |b| {
        b.iter(|| storage::load(&path).expect("load"));
    });
    let mut n: u32 = 0;
    c.bench_function("save 50x (atomic, dated backup, rotation, fsyncs)", |b| {
        b.iter(|| {
            n += 1;
            let version = if n.is_multiple_of(2) {
                &project
            } else {
                &other
            };
            storage::save(&path, version, SaveTime::from_local(2026, 12, 1, n)).expect("save")
        });
    });
    assert_eq!(storage::backups(&path).len(), storage::BACKUPS_KEPT);
    c.bench_function("serialize 50x to text", |b| {
        b.iter(|| storage::to_json(&project));
    });
}

criterion_group!(benches, storage_benches);
criterion_main!(benches);
