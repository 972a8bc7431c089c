//! Pages and PDF (budgets: example under 1 s including font subsetting; 50× project under 5 s;
//! a preview page turn under 100 ms), and LibreOffice converting the same document, when
//! `soffice` is installed, for the ratio.

use std::process::Command;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use juesuan::document::build_with_builtin_catalog;
use juesuan::document::render::{Format, render};
use juesuan::example::{example, scaled_example};
use juesuan::print::{PrintDate, Printer};

const DATE: PrintDate = PrintDate {
    year: 2024,
    month: 5,
    day: 31,
};

fn print_benches(c: &mut Criterion) {
    let small = example().expect("example");
    let large = scaled_example(50).expect("example");
    let start = Instant::now();
    let printer = Printer::shared();
    println!(
        "printer start (standard library, fonts parsed): {:.0} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );

    let start = Instant::now();
    let doc = build_with_builtin_catalog(&small);
    let pages = printer.layout(&doc, DATE).expect("layout");
    let pdf = pages.pdf().expect("pdf");
    println!(
        "first PDF of the example (fonts parsed, cold caches): {:.0} ms, {} pages, {} bytes",
        start.elapsed().as_secs_f64() * 1000.0,
        pages.count(),
        pdf.len()
    );

    let mut group = c.benchmark_group("print");
    group.sample_size(10);
    group.bench_function("example: document + layout + PDF", |b| {
        b.iter(|| {
            let doc = build_with_builtin_catalog(&small);
            let pages = printer.layout(&doc, DATE).expect("layout");
            pages.pdf().expect("pdf")
        })
    });
    let start = Instant::now();
    let big_doc = build_with_builtin_catalog(&large);
    let built = start.elapsed();
    let big_pages = printer.layout(&big_doc, DATE).expect("layout");
    let laid = start.elapsed();
    let big_pdf = big_pages.pdf().expect("pdf");
    println!(
        "50× project, first time in the process: document {:.0} ms, layout {:.0} ms, PDF {:.0} ms; {} pages, {} bytes",
        built.as_secs_f64() * 1000.0,
        (laid - built).as_secs_f64() * 1000.0,
        (start.elapsed() - laid).as_secs_f64() * 1000.0,
        big_pages.count(),
        big_pdf.len()
    );
    group.bench_function("50x: document + layout + PDF", |b| {
        b.iter(|| {
            let doc = build_with_builtin_catalog(&large);
            let pages = printer.layout(&doc, DATE).expect("layout");
            pages.pdf().expect("pdf")
        })
    });
    group.bench_function(
        "preview opened at 50x: first page (cover) laid out and drawn",
        |b| {
            b.iter(|| {
                let cover = printer.cover(&big_doc, DATE).expect("layout");
                cover.render(0, 2.0).expect("page")
            })
        },
    );
    group.bench_function("preview page turn: render one page at 2x", |b| {
        b.iter(|| pages.render(5, 2.0).expect("page"))
    });
    group.finish();

    // LibreOffice converting an equivalent document (the same content as HTML) to PDF.
    let dir = tempfile::tempdir().expect("temp dir");
    let html = dir.path().join("example.html");
    std::fs::write(&html, render(&doc, Format::Html)).expect("write html");
    let ours = {
        let t = Instant::now();
        for _ in 0..3 {
            let doc = build_with_builtin_catalog(&small);
            let pages = printer.layout(&doc, DATE).expect("layout");
            pages.pdf().expect("pdf");
        }
        t.elapsed().as_secs_f64() / 3.0
    };
    let t = Instant::now();
    let status = Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&html)
        .output();
    match status {
        Ok(out) if out.status.success() => {
            let lo = t.elapsed().as_secs_f64();
            println!(
                "LibreOffice HTML → PDF: {:.0} ms (process start included); juesuan: {:.0} ms; ratio {:.1}×",
                lo * 1000.0,
                ours * 1000.0,
                lo / ours
            );
        }
        _ => println!("LibreOffice (soffice) not installed: no comparison this run"),
    }
}

criterion_group!(benches, print_benches);
criterion_main!(benches);
