//! Word export and Excel import in process (issue budgets, from process start: each export of
//! the example under 1 s, the 50× project under 3 s; `/usr/bin/time -v juesuan docx …` gives the
//! whole-process figure).

use criterion::{Criterion, criterion_group, criterion_main};
use juesuan::document::build_with_builtin_catalog;
use juesuan::example::{example, scaled_example};
use juesuan::office::{docx, import, xlsx};
use juesuan::print::PrintDate;

const DATE: PrintDate = PrintDate {
    year: 2024,
    month: 5,
    day: 31,
};

fn office_benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("office");
    group.sample_size(10);
    for (name, project) in [
        ("example", example().expect("example")),
        ("50x", scaled_example(50).expect("example")),
    ] {
        let doc = build_with_builtin_catalog(&project);
        group.bench_function(format!("{name}: docx"), |b| {
            b.iter(|| docx::document(&doc, DATE).expect("docx"))
        });
        let book = xlsx::tables(&doc).expect("xlsx");
        group.bench_function(format!("{name}: import its own tables"), |b| {
            b.iter(|| {
                import::read_workbook(book.clone())
                    .expect("read")
                    .apply(&project)
                    .expect("apply")
            })
        });
    }
    group.finish();
}

criterion_group!(benches, office_benches);
criterion_main!(benches);
